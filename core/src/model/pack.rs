//! How the embedded models are stored in the library: a model file
//! (`format.rs`, version 1) with its rows entropy-coded by an adaptive
//! binary range coder, unpacked back to the exact same file bytes once per
//! process. The checked-in `.fzml` files stay the canonical form (what
//! `regenerate.sh --check` compares and feeds carry); `core/build.rs`
//! packs them into the build and checks that they unpack to the same bytes.
//!
//! ```text
//! magic "FZMZ" | file length u32 | header length u32 | classes u8 | rows u32
//! header: the file's bytes up to and including its row count
//! range-coded rows: per row the bucket gap, then one weight per class
//! trailer: the file's last 8 bytes (its checksum)
//! ```
//!
//! A gap `g` (the first row's bucket, then the difference to the previous
//! one) is coded as `g + 1`: its bit length by a 5-bit tree, then the bits
//! below the leading one, each with its own adaptive probability. Weights
//! are coded as bytes by 8-bit trees, one tree per (class, the row's
//! previous weight / 16): a class's weights cluster, and neighbouring
//! classes of a row move together. In a two-class model the second weight
//! is coded as the sum of both (almost always 0: the classes mirror).
//!
//! This file is self-contained (std only): `build.rs` includes it too.

const MAGIC: &[u8; 4] = b"FZMZ";
/// Probabilities are 11-bit; each coded bit moves one by 1/32 of the way.
const PROB_BITS: u32 = 11;
const PROB_INIT: u16 = 1 << (PROB_BITS - 1);
const MOVE_BITS: u32 = 5;
const TOP: u32 = 1 << 24;
/// Weight contexts per class (by the row's previous weight).
const PREV_CONTEXTS: usize = 16;

struct Encoder {
    low: u64,
    range: u32,
    cache: u8,
    pending: u64,
    out: Vec<u8>,
}

impl Encoder {
    fn new() -> Encoder {
        Encoder {
            low: 0,
            range: u32::MAX,
            cache: 0,
            pending: 1,
            out: Vec::new(),
        }
    }

    fn shift_low(&mut self) {
        if self.low < 0xFF00_0000 || self.low >= 1 << 32 {
            let carry = (self.low >> 32) as u8;
            let mut byte = self.cache;
            while self.pending > 0 {
                self.out.push(byte.wrapping_add(carry));
                byte = 0xFF;
                self.pending -= 1;
            }
            self.cache = ((self.low >> 24) & 0xFF) as u8;
        }
        self.pending += 1;
        self.low = (self.low & 0x00FF_FFFF) << 8;
    }

    fn bit(&mut self, p: &mut u16, bit: u32) {
        let bound = (self.range >> PROB_BITS) * u32::from(*p);
        if bit == 0 {
            self.range = bound;
            *p += ((1u16 << PROB_BITS) - *p) >> MOVE_BITS;
        } else {
            self.low += u64::from(bound);
            self.range -= bound;
            *p -= *p >> MOVE_BITS;
        }
        while self.range < TOP {
            self.range <<= 8;
            self.shift_low();
        }
    }

    fn finish(mut self) -> Vec<u8> {
        for _ in 0..5 {
            self.shift_low();
        }
        self.out
    }
}

struct Decoder<'a> {
    code: u32,
    range: u32,
    input: &'a [u8],
    at: usize,
}

impl<'a> Decoder<'a> {
    fn new(input: &'a [u8]) -> Decoder<'a> {
        let mut d = Decoder {
            code: 0,
            range: u32::MAX,
            input,
            at: 0,
        };
        for _ in 0..5 {
            d.code = (d.code << 8) | u32::from(d.next());
        }
        d
    }

    /// The next input byte (0 past the end: a damaged stream decodes to
    /// garbage that the file's checksum then refuses, never a panic).
    fn next(&mut self) -> u8 {
        let b = self.input.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn bit(&mut self, p: &mut u16) -> u32 {
        let bound = (self.range >> PROB_BITS) * u32::from(*p);
        let bit = if self.code < bound {
            self.range = bound;
            *p += ((1u16 << PROB_BITS) - *p) >> MOVE_BITS;
            0
        } else {
            self.code -= bound;
            self.range -= bound;
            *p -= *p >> MOVE_BITS;
            1
        };
        while self.range < TOP {
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(self.next());
        }
        bit
    }
}

/// The adaptive probabilities, the same on both sides.
struct Models {
    gap_len: [u16; 32],
    gap_bits: Vec<u16>,
    weights: Vec<u16>,
}

impl Models {
    fn new(classes: usize) -> Models {
        Models {
            gap_len: [PROB_INIT; 32],
            gap_bits: vec![PROB_INIT; 32 * 32],
            weights: vec![PROB_INIT; classes * PREV_CONTEXTS * 256],
        }
    }

    /// The tree of the weight of class `c` after the row's previous
    /// weight `prev` (`None` for the first class).
    fn tree(&mut self, c: usize, prev: Option<u8>) -> &mut [u16] {
        let ctx = prev.map_or(0, |p| usize::from(p.wrapping_add(128)) >> 4);
        let at = (c * PREV_CONTEXTS + ctx) * 256;
        &mut self.weights[at..at + 256]
    }
}

fn encode_byte(e: &mut Encoder, tree: &mut [u16], v: u8) {
    let mut m = 1usize;
    for i in (0..8).rev() {
        let bit = u32::from((v >> i) & 1);
        e.bit(&mut tree[m], bit);
        m = (m << 1) | bit as usize;
    }
}

fn decode_byte(d: &mut Decoder, tree: &mut [u16]) -> u8 {
    let mut m = 1usize;
    for _ in 0..8 {
        m = (m << 1) | d.bit(&mut tree[m]) as usize;
    }
    (m - 256) as u8
}

fn encode_gap(e: &mut Encoder, m: &mut Models, gap: u32) {
    let v = u64::from(gap) + 1;
    let len = 64 - v.leading_zeros(); // 1..=33
    let mut t = 1usize;
    for i in (0..5).rev() {
        let bit = ((len - 1) >> i) & 1;
        e.bit(&mut m.gap_len[t], bit);
        t = (t << 1) | bit as usize;
    }
    for i in (0..len - 1).rev() {
        let bit = ((v >> i) & 1) as u32;
        e.bit(&mut m.gap_bits[(len as usize - 1) * 32 + i as usize], bit);
    }
}

fn decode_gap(d: &mut Decoder, m: &mut Models) -> Option<u32> {
    let mut t = 1usize;
    for _ in 0..5 {
        t = (t << 1) | d.bit(&mut m.gap_len[t]) as usize;
    }
    let len = (t - 32 + 1) as u32;
    let mut v: u64 = 1;
    for i in (0..len - 1).rev() {
        v = (v << 1) | u64::from(d.bit(&mut m.gap_bits[(len as usize - 1) * 32 + i as usize]));
    }
    u32::try_from(v - 1).ok()
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// Where a version-1 model file's header ends (after its row count), its
/// class count and its row count.
fn header(file: &[u8]) -> Option<(usize, usize, u32)> {
    let n = usize::from(*file.get(8)?);
    let mut at = 9;
    for _ in 0..n {
        at += 1 + usize::from(*file.get(at)?);
    }
    at += 8 + 8 * n;
    let rows = u32_at(file, at)?;
    Some((at + 4, n, rows))
}

fn read_varint(b: &[u8], at: &mut usize) -> Option<u32> {
    let mut v: u64 = 0;
    for i in 0..5 {
        let byte = *b.get(*at)?;
        *at += 1;
        v |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return u32::try_from(v).ok();
        }
    }
    None
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg_attr(not(test), allow(dead_code))]
/// Packs a version-1 model file; `None` if it is not one (or its row gaps
/// are not written the way this build writes them).
pub fn pack(file: &[u8]) -> Option<Vec<u8>> {
    if file.get(..4)? != b"FZML" || file.len() < 8 {
        return None;
    }
    let (head, n, rows) = header(file)?;
    if n == 0 {
        return None;
    }
    let mut e = Encoder::new();
    let mut m = Models::new(n);
    let mut at = head;
    for _ in 0..rows {
        let start = at;
        let gap = read_varint(file, &mut at)?;
        if gap >= 1 << 30 {
            return None;
        }
        let mut again = Vec::new();
        write_varint(&mut again, gap);
        if file.get(start..at)? != again.as_slice() {
            return None;
        }
        encode_gap(&mut e, &mut m, gap);
        let w = file.get(at..at + n)?;
        at += n;
        let mut prev = None;
        for c in 0..n {
            let v = if n == 2 && c == 1 {
                w[1].wrapping_add(w[0])
            } else {
                w[c]
            };
            encode_byte(&mut e, m.tree(c, prev), v);
            prev = Some(w[c]);
        }
    }
    if at + 8 != file.len() {
        return None;
    }
    let body = e.finish();
    let mut out = Vec::with_capacity(17 + head + body.len() + 8);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&u32::try_from(file.len()).ok()?.to_le_bytes());
    out.extend_from_slice(&u32::try_from(head).ok()?.to_le_bytes());
    out.push(n as u8);
    out.extend_from_slice(&rows.to_le_bytes());
    out.extend_from_slice(&file[..head]);
    out.extend_from_slice(&u32::try_from(body.len()).ok()?.to_le_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&file[file.len() - 8..]);
    Some(out)
}

/// The model file [`pack`] packed; `None` if `packed` is not a packed
/// model (a damaged one may unpack to a file whose checksum fails).
pub fn unpack(packed: &[u8]) -> Option<Vec<u8>> {
    if packed.get(..4)? != MAGIC {
        return None;
    }
    let len = u32_at(packed, 4)? as usize;
    let head = u32_at(packed, 8)? as usize;
    let n = usize::from(*packed.get(12)?);
    let rows = u32_at(packed, 13)?;
    if n == 0 || len > 64 << 20 {
        return None;
    }
    let mut at: usize = 17;
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(packed.get(at..at.checked_add(head)?)?);
    at += head;
    let body_len = u32_at(packed, at)? as usize;
    at += 4;
    let body = packed.get(at..at.checked_add(body_len)?)?;
    at += body_len;
    let mut d = Decoder::new(body);
    let mut m = Models::new(n);
    let mut w = vec![0u8; n];
    for _ in 0..rows {
        let gap = decode_gap(&mut d, &mut m)?;
        write_varint(&mut out, gap);
        let mut prev = None;
        for c in 0..n {
            w[c] = decode_byte(&mut d, m.tree(c, prev));
            if n == 2 && c == 1 {
                w[1] = w[1].wrapping_sub(w[0]);
            }
            prev = Some(w[c]);
        }
        out.extend_from_slice(&w);
        if out.len() > len {
            return None;
        }
    }
    out.extend_from_slice(packed.get(at..at.checked_add(8)?)?);
    (out.len() == len && at + 8 == packed.len()).then_some(out)
}
