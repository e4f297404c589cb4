//! The model file format (version 1), little-endian:
//!
//! ```text
//! magic "FZML" | version u16 | kind u8 | bits u8 | classes u8
//! per class: id length u8, id bytes (UTF-8)
//! suspicious_at f32 | dangerous_at f32
//! per class: bias f32, scale f32
//! rows u32, then per row: bucket delta (LEB128 varint), one i8 per class
//! checksum: xxh3-64 of everything before it, u64
//! ```

use super::{Calibration, FeatureKind, Model};
use xxhash_rust::xxh3::xxh3_64;

const MAGIC: &[u8; 4] = b"FZML";
/// The format version this build reads and writes.
pub const FORMAT_VERSION: u16 = 1;
/// Largest model file accepted (4 MiB).
pub const MAX_MODEL_BYTES: usize = 4 << 20;
const MAX_BITS: u8 = 24;
/// Largest bias or dequantization scale a file may hold (trained ones are
/// far below: a bias of a few units, a scale of max|w|/127). With it, a
/// logit stays finite for any input: |bias| + 127 · scale · (features).
pub(crate) const MAX_PARAM: f32 = 1.0e4;

/// Why a model file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// Not a model file.
    #[error("not a model file (bad magic)")]
    BadMagic,
    /// A format version this build can't read.
    #[error("model format version {0} is not supported (this build reads {FORMAT_VERSION})")]
    Version(u16),
    /// A model of another kind (a link model where a message model belongs).
    #[error("model is a {found} model, expected {expected}")]
    WrongKind {
        /// The kind wanted.
        expected: &'static str,
        /// The kind the file is.
        found: String,
    },
    /// The file ends early.
    #[error("model file is truncated")]
    Truncated,
    /// The file is over the size limit (its size in bytes).
    #[error("model file is too large ({0} bytes)")]
    Oversized(usize),
    /// The checksum does not match: the file is damaged.
    #[error("model checksum mismatch")]
    Checksum,
    /// The structure is wrong (says what).
    #[error("model file is malformed: {0}")]
    Malformed(&'static str),
    /// Training could not make a model (says why).
    #[error("cannot train: {0}")]
    Training(&'static str),
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.b.get(self.at..end).ok_or(ModelError::Truncated)?;
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        let v = f32::from_bits(self.u32()?);
        if v.is_finite() {
            Ok(v)
        } else {
            Err(ModelError::Malformed("non-finite number"))
        }
    }
    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v: u64 = 0;
        for i in 0..5 {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return u32::try_from(v).map_err(|_| ModelError::Malformed("varint overflow"));
            }
        }
        Err(ModelError::Malformed("varint too long"))
    }
}

impl Model {
    /// The file bytes (deterministic for a given model).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut o = Vec::new();
        o.extend_from_slice(MAGIC);
        o.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        o.push(self.kind.code());
        o.push(self.bits);
        o.push(self.classes.len() as u8);
        for c in &self.classes {
            o.push(c.len() as u8);
            o.extend_from_slice(c.as_bytes());
        }
        o.extend_from_slice(&self.calibration.suspicious_at.to_le_bytes());
        o.extend_from_slice(&self.calibration.dangerous_at.to_le_bytes());
        for (b, s) in self.bias.iter().zip(&self.scale) {
            o.extend_from_slice(&b.to_le_bytes());
            o.extend_from_slice(&s.to_le_bytes());
        }
        o.extend_from_slice(&(self.buckets.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        let n = self.classes.len();
        for (i, (bucket, w)) in self.buckets.iter().zip(self.weights.chunks(n)).enumerate() {
            let mut d = if i == 0 { *bucket } else { bucket - prev };
            prev = *bucket;
            loop {
                let byte = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    o.push(byte);
                    break;
                }
                o.push(byte | 0x80);
            }
            o.extend(w.iter().map(|&x| x as u8));
        }
        let sum = xxh3_64(&o);
        o.extend_from_slice(&sum.to_le_bytes());
        o
    }

    /// Reads a model file, refusing anything malformed, truncated,
    /// oversized, of another version, or not of `expected` kind.
    pub fn from_bytes(bytes: &[u8], expected: FeatureKind) -> Result<Model, ModelError> {
        if bytes.len() > MAX_MODEL_BYTES {
            return Err(ModelError::Oversized(bytes.len()));
        }
        if bytes.len() < 4 || &bytes[..4] != MAGIC {
            return Err(if bytes.len() < 4 && MAGIC.starts_with(bytes) {
                ModelError::Truncated
            } else {
                ModelError::BadMagic
            });
        }
        let mut r = Reader { b: bytes, at: 4 };
        let version = r.u16()?;
        if version != FORMAT_VERSION {
            return Err(ModelError::Version(version));
        }
        let kind_code = r.u8()?;
        let kind =
            FeatureKind::from_code(kind_code).ok_or(ModelError::Malformed("unknown kind"))?;
        if kind != expected {
            return Err(ModelError::WrongKind {
                expected: expected.as_str(),
                found: kind.as_str().to_string(),
            });
        }
        if bytes.len() < 8 + r.at {
            return Err(ModelError::Truncated);
        }
        let (body, tail) = bytes.split_at(bytes.len() - 8);
        let mut sum = [0u8; 8];
        sum.copy_from_slice(tail);
        if xxh3_64(body) != u64::from_le_bytes(sum) {
            return Err(ModelError::Checksum);
        }
        let mut r = Reader { b: body, at: r.at };
        let bits = r.u8()?;
        if bits == 0 || bits > MAX_BITS {
            return Err(ModelError::Malformed("bucket bits out of range"));
        }
        let n = usize::from(r.u8()?);
        if n < 2 {
            return Err(ModelError::Malformed("fewer than two classes"));
        }
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let len = usize::from(r.u8()?);
            let s = std::str::from_utf8(r.take(len)?)
                .map_err(|_| ModelError::Malformed("class id is not UTF-8"))?;
            classes.push(s.to_string());
        }
        if classes[0] != super::BENIGN {
            return Err(ModelError::Malformed("first class is not benign"));
        }
        let calibration = Calibration {
            suspicious_at: r.f32()?,
            dangerous_at: r.f32()?,
        };
        let mut bias = Vec::with_capacity(n);
        let mut scale = Vec::with_capacity(n);
        for _ in 0..n {
            let (b, sc) = (r.f32()?, r.f32()?);
            // Trained values are small; huge finite ones overflow the
            // logits to infinity and the probabilities to NaN (found by
            // the `model` fuzz target), which no threshold compares with.
            if b.abs() > MAX_PARAM || sc.abs() > MAX_PARAM {
                return Err(ModelError::Malformed("bias or scale out of range"));
            }
            bias.push(b);
            scale.push(sc);
        }
        let count = r.u32()? as usize;
        if count > (1usize << bits) || count.saturating_mul(n + 1) > body.len() {
            return Err(ModelError::Malformed("row count out of range"));
        }
        let mut buckets = Vec::with_capacity(count);
        let mut weights = Vec::with_capacity(count * n);
        let mut prev: Option<u32> = None;
        for _ in 0..count {
            let d = r.varint()?;
            let bucket = match prev {
                None => d,
                Some(p) => {
                    if d == 0 {
                        return Err(ModelError::Malformed("rows out of order"));
                    }
                    p.checked_add(d)
                        .ok_or(ModelError::Malformed("bucket overflow"))?
                }
            };
            if bucket >= (1u32 << bits) {
                return Err(ModelError::Malformed("bucket out of range"));
            }
            prev = Some(bucket);
            buckets.push(bucket);
            weights.extend(r.take(n)?.iter().map(|&x| x as i8));
        }
        if r.at != body.len() {
            return Err(ModelError::Malformed("trailing bytes"));
        }
        Ok(Model {
            kind,
            bits,
            classes,
            calibration,
            bias,
            scale,
            buckets,
            weights,
            index: super::RowIndex::default(),
        }
        .indexed())
    }
}
