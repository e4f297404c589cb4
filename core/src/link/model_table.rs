//! The link model's rows as one dense table, built once per snapshot and
//! kept with the link rules (`LinkRules::model_table`); the heuristics read
//! it through `heuristics::model`.

use crate::model::Model;

/// Largest dense table (bytes): `2^bits × classes`.
const MAX_TABLE: usize = 1 << 20;

pub(crate) type TableKey = (usize, usize, u8, u64, u64);

/// A model's rows as one dense table indexed by bucket (a missing row reads
/// as zeros: it adds nothing, as a missing row does), built once per
/// snapshot. `key` names the model it was built from.
#[derive(Debug)]
pub(crate) struct ModelTable {
    pub(crate) key: TableKey,
    pub(crate) classes: usize,
    pub(crate) table: Vec<i8>,
}

impl ModelTable {
    /// The model's address and a fingerprint (sizes, bias, first and last
    /// row buckets): a snapshot never swaps its model, but a model freed
    /// and another allocated at the same address must not reuse the table.
    pub(crate) fn key(m: &Model) -> TableKey {
        let bias = m
            .bias
            .iter()
            .fold(0u64, |h, b| h.rotate_left(7) ^ u64::from(b.to_bits()));
        let first = m.buckets.first().copied().unwrap_or(0);
        let last = m.buckets.last().copied().unwrap_or(0);
        (
            std::ptr::from_ref(m) as usize,
            m.buckets.len(),
            m.bits,
            bias,
            (u64::from(first) << 32) | u64::from(last),
        )
    }

    pub(crate) fn build(m: &Model) -> ModelTable {
        let classes = m.bias.len();
        let size = (1usize << m.bits.min(24)).saturating_mul(classes);
        let mut table = Vec::new();
        if size <= MAX_TABLE && m.weights.len() == m.buckets.len() * classes {
            table = vec![0i8; size];
            for (b, r) in m.buckets.iter().zip(m.weights.chunks_exact(classes.max(1))) {
                let at = *b as usize * classes;
                if let Some(dst) = table.get_mut(at..at + classes) {
                    dst.copy_from_slice(&r[..classes]);
                }
            }
        }
        ModelTable {
            key: ModelTable::key(m),
            classes,
            table,
        }
    }
}
