//! Golomb–Rice coding of sorted hash keys: the whole trick behind the
//! compact feed body (`docs/feed-format.md`, format 2).
//!
//! A run of `n` strictly increasing keys of `w` bits is written as the gaps
//! between them (the first key as its gap from 0, every later one as its gap
//! from the previous key minus one, so each has exactly one encoding). A gap
//! `d` with Rice parameter `k` is `d >> k` in unary (that many 1 bits and a
//! 0) followed by the low `k` bits of `d`. For keys spread like hashes the
//! gaps are geometric with mean `2^w / n`, and the best `k` (about
//! `log2(2^w / n) - 0.5`) costs about `k + 2` bits a key — that is
//! `w - log2(n) + 1.5` bits or so, against `w` for the keys written out.
//!
//! Bits are written most significant first. Decoding is total: every failure
//! (a stream that ends early, a key past `2^w`, a gap that overflows, stray
//! padding) is a [`RiceError`], never a panic, and a decoder never reads or
//! allocates past the slice it was given.

/// Why a Rice-coded run can't be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RiceError {
    /// The stream ends inside a code.
    #[error("coded keys end early")]
    Truncated,
    /// A key is not below `2^w` (or a gap overflows 64 bits).
    #[error("a coded key is out of range")]
    OutOfRange,
    /// Bits are left after the last key, beyond the byte's padding, or the
    /// padding isn't zero.
    #[error("coded keys are followed by stray bits")]
    Trailing,
    /// A parameter is outside what the format allows.
    #[error("invalid Rice parameter")]
    Parameter,
}

/// Appends bits, most significant first, to a byte vector.
#[derive(Debug, Default, Clone)]
pub struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    /// Bits held in `acc` (always < 8 between calls).
    n: u32,
}

impl BitWriter {
    /// An empty writer.
    pub fn new() -> BitWriter {
        BitWriter::default()
    }

    /// Writes the low `len` bits of `v` (`len` ≤ 56).
    #[inline]
    pub fn bits(&mut self, v: u64, len: u32) {
        debug_assert!(len <= 56);
        if len == 0 {
            return;
        }
        let v = v & ((1u64 << len) - 1);
        self.acc = (self.acc << len) | v;
        self.n += len;
        while self.n >= 8 {
            self.n -= 8;
            self.out.push((self.acc >> self.n) as u8);
        }
        self.acc &= (1u64 << self.n) - 1;
    }

    /// Writes `v` of up to 64 bits.
    pub fn wide(&mut self, v: u64, len: u32) {
        if len > 32 {
            self.bits(v >> 32, len - 32);
            self.bits(v & 0xffff_ffff, 32);
        } else {
            self.bits(v, len);
        }
    }

    /// Writes `q` in unary: `q` one bits and a zero.
    pub fn unary(&mut self, mut q: u64) {
        while q >= 32 {
            self.bits(0xffff_ffff, 32);
            q -= 32;
        }
        // q < 32: q ones then a zero.
        self.bits(((1u64 << q) - 1) << 1, q as u32 + 1);
    }

    /// Bits written so far.
    pub fn bit_len(&self) -> u64 {
        self.out.len() as u64 * 8 + u64::from(self.n)
    }

    /// Pads the last byte with zero bits and returns the bytes.
    pub fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push((self.acc << (8 - self.n)) as u8);
        }
        self.out
    }
}

/// Reads bits, most significant first, from a byte slice.
#[derive(Debug, Clone)]
pub struct BitReader<'a> {
    bytes: &'a [u8],
    /// Bit position.
    pos: u64,
}

impl<'a> BitReader<'a> {
    /// A reader at the first bit of `bytes`.
    pub fn new(bytes: &'a [u8]) -> BitReader<'a> {
        BitReader { bytes, pos: 0 }
    }

    fn total(&self) -> u64 {
        self.bytes.len() as u64 * 8
    }

    /// The next 64 bits from the current position (zeros past the end).
    #[inline]
    fn peek(&self) -> u64 {
        let byte = (self.pos >> 3) as usize;
        let shift = (self.pos & 7) as u32;
        let mut buf = [0u8; 9];
        let avail = self.bytes.len().saturating_sub(byte).min(9);
        if avail > 0 {
            buf[..avail].copy_from_slice(&self.bytes[byte..byte + avail]);
        }
        let hi = u64::from_be_bytes([
            buf[0], buf[1], buf[2], buf[3], buf[4], buf[5], buf[6], buf[7],
        ]);
        if shift == 0 {
            hi
        } else {
            (hi << shift) | u64::from(buf[8] >> (8 - shift))
        }
    }

    /// Reads `len` bits (`len` ≤ 64).
    #[inline]
    pub fn bits(&mut self, len: u32) -> Result<u64, RiceError> {
        if len == 0 {
            return Ok(0);
        }
        if len > 64 {
            return Err(RiceError::Parameter);
        }
        if self.pos + u64::from(len) > self.total() {
            return Err(RiceError::Truncated);
        }
        let v = self.peek() >> (64 - len);
        self.pos += u64::from(len);
        Ok(v)
    }

    /// Reads a unary number (ones ended by a zero).
    #[inline]
    pub fn unary(&mut self) -> Result<u64, RiceError> {
        let mut q = 0u64;
        loop {
            if self.pos >= self.total() {
                return Err(RiceError::Truncated);
            }
            let ones = self.peek().leading_ones();
            let left = self.total() - self.pos;
            if u64::from(ones) >= left {
                return Err(RiceError::Truncated);
            }
            if ones < 64 {
                self.pos += u64::from(ones) + 1;
                return Ok(q + u64::from(ones));
            }
            self.pos += 64;
            q += 64;
        }
    }

    /// Checks that what is left is only the zero padding of the last byte.
    pub fn finish(&self) -> Result<(), RiceError> {
        let left = self.total() - self.pos.min(self.total());
        if left >= 8 {
            return Err(RiceError::Trailing);
        }
        if left > 0 && self.peek() >> (64 - left) != 0 {
            return Err(RiceError::Trailing);
        }
        Ok(())
    }
}

/// The Rice parameter that codes `keys` (strictly increasing, below
/// `2^width`) in the fewest bits, found by trying every candidate near the
/// density's estimate.
pub fn best_parameter(keys: &[u64], width: u32) -> u32 {
    if keys.is_empty() {
        return 0;
    }
    let n = keys.len() as u64;
    let mean_bits = width.saturating_sub(64 - n.leading_zeros());
    let lo = mean_bits.saturating_sub(2);
    let hi = (mean_bits + 1).min(width.min(MAX_PARAMETER));
    let mut best = (u64::MAX, 0u32);
    for k in lo..=hi {
        let bits = coded_bits(keys, k);
        if bits < best.0 {
            best = (bits, k);
        }
    }
    best.1
}

/// Largest Rice parameter the format allows.
pub const MAX_PARAMETER: u32 = 63;

fn gaps(keys: &[u64]) -> impl Iterator<Item = u64> + '_ {
    keys.iter()
        .enumerate()
        .map(|(i, &k)| if i == 0 { k } else { k - keys[i - 1] - 1 })
}

/// Bits [`encode`] writes for `keys` with parameter `k`.
pub fn coded_bits(keys: &[u64], k: u32) -> u64 {
    gaps(keys).map(|d| (d >> k) + 1 + u64::from(k)).sum()
}

/// Rice-codes strictly increasing keys with parameter `k` into `w`.
///
/// Panics in debug builds if the keys are not strictly increasing (a
/// caller bug, never input-dependent: callers sort and deduplicate).
pub fn encode(w: &mut BitWriter, keys: &[u64], k: u32) {
    debug_assert!(keys.windows(2).all(|p| p[0] < p[1]));
    debug_assert!(k <= MAX_PARAMETER);
    for d in gaps(keys) {
        w.unary(d >> k);
        w.wide(d & low_mask(k), k);
    }
}

#[inline]
fn low_mask(k: u32) -> u64 {
    if k >= 64 {
        u64::MAX
    } else {
        (1u64 << k) - 1
    }
}

/// Decodes `count` keys of `width` bits coded with parameter `k`, one at a
/// time. Every key is checked to be below `2^width`.
#[derive(Debug, Clone)]
pub struct Decoder<'a> {
    r: BitReader<'a>,
    k: u32,
    width: u32,
    left: u64,
    prev: Option<u64>,
}

impl<'a> Decoder<'a> {
    /// A decoder of `count` keys; refuses a parameter outside the format
    /// ([`RiceError::Parameter`]).
    pub fn new(bytes: &'a [u8], count: u64, k: u32, width: u32) -> Result<Decoder<'a>, RiceError> {
        if k > MAX_PARAMETER || !(1..=64).contains(&width) || k > width {
            return Err(RiceError::Parameter);
        }
        Ok(Decoder {
            r: BitReader::new(bytes),
            k,
            width,
            left: count,
            prev: None,
        })
    }

    /// The next key, `Ok(None)` after the last.
    #[inline]
    pub fn next_key(&mut self) -> Result<Option<u64>, RiceError> {
        if self.left == 0 {
            return Ok(None);
        }
        let q = self.r.unary()?;
        let low = self.r.bits(self.k)?;
        let d = if self.k == 0 {
            q
        } else {
            q.checked_shl(self.k)
                .filter(|&x| x >> self.k == q)
                .ok_or(RiceError::OutOfRange)?
                | low
        };
        let key = match self.prev {
            None => d,
            Some(p) => p
                .checked_add(d)
                .and_then(|x| x.checked_add(1))
                .ok_or(RiceError::OutOfRange)?,
        };
        if self.width < 64 && key >> self.width != 0 {
            return Err(RiceError::OutOfRange);
        }
        self.prev = Some(key);
        self.left -= 1;
        Ok(Some(key))
    }

    /// After the last key: checks nothing but padding is left.
    pub fn finish(&self) -> Result<(), RiceError> {
        if self.left != 0 {
            return Err(RiceError::Truncated);
        }
        self.r.finish()
    }
}

/// Decodes a whole run (tests and small runs).
pub fn decode_all(bytes: &[u8], count: u64, k: u32, width: u32) -> Result<Vec<u64>, RiceError> {
    let mut d = Decoder::new(bytes, count, k, width)?;
    let mut out = Vec::new();
    while let Some(key) = d.next_key()? {
        out.push(key);
    }
    d.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn code(keys: &[u64], k: u32) -> Vec<u8> {
        let mut w = BitWriter::new();
        encode(&mut w, keys, k);
        w.finish()
    }

    #[test]
    fn bits_round_trip() {
        let mut w = BitWriter::new();
        w.bits(0b101, 3);
        w.wide(u64::MAX, 64);
        w.unary(70);
        w.unary(0);
        w.bits(0x1234, 13);
        let bytes = w.finish();
        let mut r = BitReader::new(&bytes);
        assert_eq!(r.bits(3).unwrap(), 0b101);
        assert_eq!(r.bits(64).unwrap(), u64::MAX);
        assert_eq!(r.unary().unwrap(), 70);
        assert_eq!(r.unary().unwrap(), 0);
        assert_eq!(r.bits(13).unwrap(), 0x1234);
        r.finish().unwrap();
    }

    #[test]
    fn hash_like_keys_cost_about_w_minus_log_n_plus_two_bits() {
        let mut keys: Vec<u64> = (0..100_000u64)
            .map(|i| xxhash_rust::xxh3::xxh3_64(&i.to_le_bytes()) >> 8)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let k = best_parameter(&keys, 56);
        let bits = coded_bits(&keys, k) as f64 / keys.len() as f64;
        let ideal = 56.0 - (keys.len() as f64).log2();
        assert!(
            bits > ideal && bits < ideal + 2.2,
            "{bits} bits a key, k={k}"
        );
        assert_eq!(
            decode_all(&code(&keys, k), keys.len() as u64, k, 56).unwrap(),
            keys
        );
    }

    #[test]
    fn damaged_runs_are_errors() {
        let keys = [3u64, 9, 200, 201];
        let bytes = code(&keys, 3);
        assert_eq!(decode_all(&bytes, 4, 3, 8).unwrap(), keys);
        // Too few bytes, a key past the width, extra bytes, stray bits.
        assert_eq!(
            decode_all(&bytes[..bytes.len() - 1], 4, 3, 8),
            Err(RiceError::Truncated)
        );
        assert_eq!(decode_all(&bytes, 4, 3, 7), Err(RiceError::OutOfRange));
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode_all(&longer, 4, 3, 8), Err(RiceError::Trailing));
        assert_eq!(decode_all(&bytes, 2, 3, 8), Err(RiceError::Trailing));
        assert_eq!(decode_all(&bytes, 4, 65, 64), Err(RiceError::Parameter));
        // All ones: a unary code that never ends.
        assert_eq!(decode_all(&[0xff; 20], 1, 0, 64), Err(RiceError::Truncated));
    }

    proptest! {
        #[test]
        fn round_trips(mut keys in proptest::collection::vec(any::<u64>(), 0..300), width in 1u32..=64, slack in 0u32..=10) {
            // Parameters near the density's (a far smaller one makes unary
            // codes of 2^50 bits; the writer never picks one).
            let k = width.saturating_sub(slack).min(MAX_PARAMETER);
            if width < 64 {
                for x in keys.iter_mut() { *x >>= 64 - width; }
            }
            keys.sort_unstable();
            keys.dedup();
            let bytes = code(&keys, k);
            prop_assert_eq!(bytes.len() as u64, coded_bits(&keys, k).div_ceil(8));
            prop_assert_eq!(decode_all(&bytes, keys.len() as u64, k, width).unwrap(), keys);
        }

        #[test]
        fn decoder_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64), count in 0u64..100, k in 0u32..70, width in 0u32..70) {
            let _ = decode_all(&bytes, count, k, width);
        }
    }
}
