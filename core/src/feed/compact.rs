//! The records of a format-2 (compact) feed body: groups, Rice-coded key
//! runs with their optional per-entry extras, and Rice-coded removals.
//!
//! ```text
//! group         tag 5, list kind (1), fraud type (1), severity (1),
//!               flags (1: bit 0 confirmed), category (varint string),
//!               label (varint string)              — numbered 0, 1, 2 … in order
//! keys          tag 6, group (varint), count (varint ≥ 1), Rice parameter (1),
//!               coded length (varint bytes), coded keys,
//!               extras (varint ≤ count), extras …
//! extra         index gap (varint; index = previous index + 1 + gap, the
//!               first is the gap), flags (1: bit 0 reports, bit 1 SHA-256;
//!               at least one), [reports (varint)], [SHA-256 (32)]
//! removed keys  tag 7, list kind (1), count (varint ≥ 1), Rice parameter (1),
//!               coded length (varint bytes), coded keys
//! ```
//!
//! Coded keys are `count` strictly increasing `key_bits`-wide keys
//! ([`crate::blocklist::hash_key`] shifted down), Rice-coded by
//! [`crate::golomb`], padded with zero bits to a byte.

use super::format::{fraud_from_code, list_kind_from_code, Cursor};
use super::{FeedError, Limits};
use crate::blocklist::{ListEntry, ListKind};
use crate::golomb::{self, RiceError};
use crate::store::{FeedEntry, FeedRemoval};
use crate::verdict::FraudType;

pub(crate) const GROUP_CONFIRMED: u8 = 1;
pub(crate) const EXTRA_REPORTS: u8 = 1;
pub(crate) const EXTRA_SHA256: u8 = 2;

/// What the entries of a group share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Group {
    pub kind: ListKind,
    pub fraud_type: FraudType,
    /// The code as written (an unknown code reads as `other` but is kept
    /// so groups stay distinct).
    pub fraud_code: u8,
    pub severity: u8,
    pub confirmed: bool,
    /// String-table references.
    pub category: u32,
    pub label: u32,
}

/// A run of coded keys, checked for structure (not yet decoded).
#[derive(Debug, Clone, Copy)]
pub(crate) struct KeyRun<'a> {
    pub count: u64,
    pub k: u32,
    pub coded: &'a [u8],
}

impl From<RiceError> for FeedError {
    fn from(e: RiceError) -> FeedError {
        FeedError::Malformed(match e {
            RiceError::Truncated => "coded keys end early",
            RiceError::OutOfRange => "a coded key is out of range",
            RiceError::Trailing => "stray bits after coded keys",
            RiceError::Parameter => "Rice parameter",
        })
    }
}

/// Reads a run's count, parameter and coded bytes.
pub(crate) fn read_run<'a>(
    c: &mut Cursor<'a>,
    key_bits: u8,
    limits: &Limits,
) -> Result<KeyRun<'a>, FeedError> {
    let count = u64::from(c.varint("key count")?);
    if count == 0 {
        return Err(FeedError::Malformed("an empty key run"));
    }
    if count > limits.max_entries.max(limits.max_removals) {
        return Err(FeedError::TooLarge {
            what: "entries",
            limit: limits.max_entries.max(limits.max_removals),
        });
    }
    let k = u32::from(c.u8("Rice parameter")?);
    if k > u32::from(key_bits) || k > golomb::MAX_PARAMETER {
        return Err(FeedError::Malformed("Rice parameter"));
    }
    let len = c.varint("coded length")? as usize;
    // Every key takes at least one bit.
    if (len as u64) < count.div_ceil(8) {
        return Err(FeedError::Malformed("coded keys shorter than their count"));
    }
    let coded = c.take(len, "coded keys")?;
    Ok(KeyRun { count, k, coded })
}

/// Decodes a run's keys, each shifted up into the high bits.
pub(crate) fn keys(run: KeyRun<'_>, key_bits: u8) -> Result<RunKeys<'_>, FeedError> {
    Ok(RunKeys {
        dec: golomb::Decoder::new(run.coded, run.count, run.k, u32::from(key_bits))?,
        shift: 64 - u32::from(key_bits),
    })
}

/// The keys of a run, in order, left-aligned.
#[derive(Debug, Clone)]
pub(crate) struct RunKeys<'a> {
    dec: golomb::Decoder<'a>,
    shift: u32,
}

impl RunKeys<'_> {
    pub(crate) fn next_key(&mut self) -> Result<Option<u64>, FeedError> {
        Ok(self.dec.next_key()?.map(|k| k << self.shift))
    }

    pub(crate) fn finish(&self) -> Result<(), FeedError> {
        Ok(self.dec.finish()?)
    }
}

/// One entry's extras.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Extra<'a> {
    pub index: u64,
    pub reports: u32,
    pub sha256: Option<&'a [u8]>,
}

/// Reads the next extra of a run of `count` keys after index `prev`.
pub(crate) fn read_extra<'a>(
    c: &mut Cursor<'a>,
    prev: Option<u64>,
    count: u64,
) -> Result<Extra<'a>, FeedError> {
    let gap = u64::from(c.varint("extra")?);
    let index = match prev {
        None => gap,
        Some(p) => p + 1 + gap,
    };
    if index >= count {
        return Err(FeedError::Malformed("an extra past its run"));
    }
    let flags = c.u8("extra")?;
    if flags == 0 || flags & !(EXTRA_REPORTS | EXTRA_SHA256) != 0 {
        return Err(FeedError::Malformed("extra flags"));
    }
    let reports = if flags & EXTRA_REPORTS != 0 {
        c.varint("extra")?
    } else {
        0
    };
    let sha256 = if flags & EXTRA_SHA256 != 0 {
        Some(c.take(32, "extra")?)
    } else {
        None
    };
    Ok(Extra {
        index,
        reports,
        sha256,
    })
}

/// Reads a group record's fields (after the tag).
pub(crate) fn read_group(c: &mut Cursor<'_>, strings: usize) -> Result<Group, FeedError> {
    let kind =
        list_kind_from_code(c.u8("group")?).ok_or(FeedError::Malformed("unknown list kind"))?;
    let fraud_code = c.u8("group")?;
    let severity = c.u8("group")?;
    if severity > 100 {
        return Err(FeedError::Malformed("severity over 100"));
    }
    let flags = c.u8("group")?;
    if flags & !GROUP_CONFIRMED != 0 {
        return Err(FeedError::Malformed("group flags"));
    }
    let mut string_ref = || -> Result<u32, FeedError> {
        let id = c.varint("string reference")?;
        if id as usize >= strings {
            return Err(FeedError::Malformed("string used before it is defined"));
        }
        Ok(id)
    };
    let category = string_ref()?;
    let label = string_ref()?;
    Ok(Group {
        kind,
        fraud_type: fraud_from_code(fraud_code),
        fraud_code,
        severity,
        confirmed: flags & GROUP_CONFIRMED != 0,
        category,
        label,
    })
}

/// Expands a verified keys record into entries.
pub(crate) struct EntryRun<'a> {
    keys: RunKeys<'a>,
    extras: Cursor<'a>,
    extras_left: u64,
    next_extra: Option<Extra<'a>>,
    count: u64,
    i: u64,
    key_bits: u8,
    entry: ListEntry,
    kind: ListKind,
}

impl<'a> EntryRun<'a> {
    pub(crate) fn new(
        run: KeyRun<'a>,
        extras: Cursor<'a>,
        extras_count: u64,
        key_bits: u8,
        kind: ListKind,
        entry: ListEntry,
    ) -> Result<EntryRun<'a>, FeedError> {
        let mut r = EntryRun {
            keys: keys(run, key_bits)?,
            extras,
            extras_left: extras_count,
            next_extra: None,
            count: run.count,
            i: 0,
            key_bits,
            entry,
            kind,
        };
        r.advance_extra(None)?;
        Ok(r)
    }

    fn advance_extra(&mut self, prev: Option<u64>) -> Result<(), FeedError> {
        self.next_extra = if self.extras_left > 0 {
            self.extras_left -= 1;
            Some(read_extra(&mut self.extras, prev, self.count)?)
        } else {
            None
        };
        Ok(())
    }

    /// The next entry; `Ok(None)` after the last (with the run checked to
    /// end exactly).
    pub(crate) fn next_entry(&mut self) -> Result<Option<FeedEntry>, FeedError> {
        let Some(key) = self.keys.next_key()? else {
            self.keys.finish()?;
            if self.next_extra.is_some() {
                return Err(FeedError::Malformed("an extra past its run"));
            }
            return Ok(None);
        };
        let mut entry = self.entry.clone();
        let mut sha256 = None;
        if let Some(x) = self.next_extra.filter(|x| x.index == self.i) {
            entry.reports = x.reports;
            sha256 = x.sha256.map(|s| {
                let mut a = [0u8; 32];
                a.copy_from_slice(s);
                a
            });
            self.advance_extra(Some(x.index))?;
        }
        self.i += 1;
        Ok(Some(FeedEntry {
            kind: self.kind,
            key,
            key_bits: self.key_bits,
            sha256,
            entry,
        }))
    }
}

/// Expands a verified removed-keys record.
pub(crate) fn removals(
    run: KeyRun<'_>,
    kind: ListKind,
    key_bits: u8,
) -> Result<impl Iterator<Item = FeedRemoval> + '_, FeedError> {
    let mut keys = keys(run, key_bits)?;
    Ok(std::iter::from_fn(move || {
        keys.next_key().ok().flatten().map(|key| FeedRemoval {
            kind,
            key,
            key_bits,
        })
    }))
}
