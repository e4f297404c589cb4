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
//! range-coded rows: per row the bucket gap, the row's centre (more than
//!   two classes), then one weight per class
//! trailer: the file's last 8 bytes (its checksum)
//! ```
//!
//! A gap `g` (the first row's bucket, then the difference to the previous
//! one) is coded as `g + 1`: its bit length by a 5-bit tree, then the bits
//! below the leading one, each with its own adaptive probability. A row's
//! weights share an offset (the softmax ignores it, training does not
//! remove it): with more than two classes the row's centre (the median of
//! its weights as signed bytes) is coded first, by its own 8-bit tree, and
//! each weight as its difference to the centre (mod 256). Weights are
//! coded as bytes by 8-bit trees, one tree per (class, the row's previous
//! coded weight / 16, the centre / 64): a class's weights cluster, and
//! neighbouring classes of a row move together. On the message model the
//! centre saves about 6 % (an entropy estimate: 377 → 352 KB). In a
//! two-class model the centre is 0 and the second weight is coded as the
//! sum of both (almost always 0: the classes mirror).
//!
//! This file is self-contained (std only): `build.rs` includes it too, and
//! `psl/` (build script and library) for the Public Suffix List.

// The libraries only unpack; packing runs in the build scripts and tests
// (this file is also included by `psl/`).
#![allow(dead_code)]

const MAGIC: &[u8; 4] = b"FZMZ";
/// Probabilities are 11-bit; each coded bit moves one by 1/32 of the way.
const PROB_BITS: u32 = 11;
const PROB_INIT: u16 = 1 << (PROB_BITS - 1);
const MOVE_BITS: u32 = 5;
const TOP: u32 = 1 << 24;
/// Weight contexts per class by the row's previous coded weight...
const PREV_CONTEXTS: usize = 16;
/// ... and by the row's centre.
const CENTRE_CONTEXTS: usize = 4;

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
    /// The gaps between consecutive buckets.
    gap: NumModel,
    /// The rows' centres (more than two classes).
    centre: Vec<u16>,
    weights: Vec<u16>,
}

impl Models {
    fn new(classes: usize) -> Models {
        Models {
            gap: NumModel::new(),
            centre: vec![PROB_INIT; 256],
            weights: vec![PROB_INIT; classes * PREV_CONTEXTS * CENTRE_CONTEXTS * 256],
        }
    }

    /// The tree of the weight of class `c` after the row's previous
    /// coded weight `prev` (`None` for the first class), in a row whose
    /// centre is `centre`.
    fn tree(&mut self, c: usize, prev: Option<u8>, centre: u8) -> &mut [u16] {
        let ctx = prev.map_or(0, |p| usize::from(p.wrapping_add(128)) >> 4);
        let k = usize::from(centre.wrapping_add(128)) >> 6;
        let at = ((c * PREV_CONTEXTS + ctx) * CENTRE_CONTEXTS + k) * 256;
        &mut self.weights[at..at + 256]
    }
}

/// A row's centre: the median of its weights as signed bytes (the upper
/// middle one for an even count); 0 for two classes or fewer.
fn centre(w: &[u8]) -> u8 {
    if w.len() <= 2 {
        return 0;
    }
    let mut s: Vec<i8> = w.iter().map(|&b| b as i8).collect();
    s.sort_unstable();
    s[s.len() / 2] as u8
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
        m.gap.encode(&mut e, gap);
        let w = file.get(at..at + n)?;
        at += n;
        let mid = centre(w);
        if n > 2 {
            encode_byte(&mut e, &mut m.centre, mid);
        }
        let mut prev = None;
        for c in 0..n {
            let v = if n == 2 && c == 1 {
                w[1].wrapping_add(w[0])
            } else {
                w[c].wrapping_sub(mid)
            };
            encode_byte(&mut e, m.tree(c, prev, mid), v);
            prev = Some(w[c].wrapping_sub(mid));
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
        let gap = m.gap.decode(&mut d)?;
        write_varint(&mut out, gap);
        let mid = if n > 2 {
            decode_byte(&mut d, &mut m.centre)
        } else {
            0
        };
        let mut prev = None;
        for c in 0..n {
            let v = decode_byte(&mut d, m.tree(c, prev, mid));
            w[c] = if n == 2 && c == 1 {
                v.wrapping_sub(w[0])
            } else {
                v.wrapping_add(mid)
            };
            prev = Some(w[c].wrapping_sub(mid));
        }
        out.extend_from_slice(&w);
        if out.len() > len {
            return None;
        }
    }
    out.extend_from_slice(packed.get(at..at.checked_add(8)?)?);
    (out.len() == len && at + 8 == packed.len()).then_some(out)
}

// ---------------------------------------------------------------------------
// Embedded text (the rules' JSON): LZ77 with the same range coder.
//
// ```text
// magic "FZLZ" | length u32 | range-coded tokens
// ```
// A token is a literal byte (an 8-bit tree per high nibble of the byte
// before it), a match (length ≥ 3 and distance, each as bit length then
// bits), or a repeat of the last match's distance with a new length.

const LZ_MAGIC: &[u8; 4] = b"FZLZ";
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 273;

/// Adaptive probabilities of a number coded as bit length (5-bit tree) and
/// the bits below its leading one.
struct NumModel {
    len: [u16; 32],
    bits: Vec<u16>,
}

impl NumModel {
    fn new() -> NumModel {
        NumModel {
            len: [PROB_INIT; 32],
            bits: vec![PROB_INIT; 32 * 32],
        }
    }

    fn encode(&mut self, e: &mut Encoder, value: u32) {
        let v = u64::from(value) + 1;
        let len = 64 - v.leading_zeros();
        let mut t = 1usize;
        for i in (0..5).rev() {
            let bit = ((len - 1) >> i) & 1;
            e.bit(&mut self.len[t], bit);
            t = (t << 1) | bit as usize;
        }
        for i in (0..len - 1).rev() {
            let bit = ((v >> i) & 1) as u32;
            e.bit(&mut self.bits[(len as usize - 1) * 32 + i as usize], bit);
        }
    }

    fn decode(&mut self, d: &mut Decoder) -> Option<u32> {
        let mut t = 1usize;
        for _ in 0..5 {
            t = (t << 1) | d.bit(&mut self.len[t]) as usize;
        }
        let len = (t - 32 + 1) as u32;
        let mut v: u64 = 1;
        for i in (0..len - 1).rev() {
            v = (v << 1) | u64::from(d.bit(&mut self.bits[(len as usize - 1) * 32 + i as usize]));
        }
        u32::try_from(v - 1).ok()
    }
}

struct LzModels {
    is_match: [u16; 2],
    is_rep: [u16; 2],
    literal: Vec<u16>,
    length: NumModel,
    distance: NumModel,
}

impl LzModels {
    fn new() -> LzModels {
        LzModels {
            is_match: [PROB_INIT; 2],
            is_rep: [PROB_INIT; 2],
            literal: vec![PROB_INIT; 16 * 256],
            length: NumModel::new(),
            distance: NumModel::new(),
        }
    }

    fn literal_tree(&mut self, prev: u8) -> &mut [u16] {
        let at = usize::from(prev >> 4) * 256;
        &mut self.literal[at..at + 256]
    }
}

/// Compresses `data` (build time: a plain hash-chain match finder).
pub fn compress(data: &[u8]) -> Vec<u8> {
    let mut e = Encoder::new();
    let mut m = LzModels::new();
    let n = data.len();
    let key = |i: usize| -> usize {
        (usize::from(data[i]) << 16 | usize::from(data[i + 1]) << 8 | usize::from(data[i + 2]))
            .wrapping_mul(0x9E37_79B1)
            >> 8
            & 0xFFFF
    };
    let mut head = vec![usize::MAX; 1 << 16];
    let mut chain = vec![usize::MAX; n];
    let insert = |i: usize, head: &mut Vec<usize>, chain: &mut Vec<usize>| {
        if i + MIN_MATCH <= n {
            let k = key(i);
            chain[i] = head[k];
            head[k] = i;
        }
    };
    let (mut i, mut last_dist, mut after_match) = (0usize, 0usize, 0usize);
    while i < n {
        let max = (n - i).min(MAX_MATCH);
        let same = |d: usize| -> usize {
            let mut l = 0;
            while l < max && data[i + l] == data[i + l - d] {
                l += 1;
            }
            l
        };
        let rep = if last_dist > 0 && last_dist <= i {
            same(last_dist)
        } else {
            0
        };
        let (mut best, mut best_dist) = (0usize, 0usize);
        if i + MIN_MATCH <= n {
            let mut c = head[key(i)];
            let mut tries = 0;
            while c != usize::MAX && tries < 256 {
                let l = same(i - c);
                if l > best {
                    best = l;
                    best_dist = i - c;
                }
                c = chain[c];
                tries += 1;
            }
        }
        let ctx = after_match;
        if rep >= MIN_MATCH && rep + 1 >= best {
            e.bit(&mut m.is_match[ctx], 1);
            e.bit(&mut m.is_rep[ctx], 1);
            m.length.encode(&mut e, (rep - MIN_MATCH) as u32);
            for j in i..i + rep {
                insert(j, &mut head, &mut chain);
            }
            i += rep;
            after_match = 1;
        } else if best >= MIN_MATCH + usize::from(best_dist > 1 << 12) {
            e.bit(&mut m.is_match[ctx], 1);
            e.bit(&mut m.is_rep[ctx], 0);
            m.length.encode(&mut e, (best - MIN_MATCH) as u32);
            m.distance.encode(&mut e, (best_dist - 1) as u32);
            for j in i..i + best {
                insert(j, &mut head, &mut chain);
            }
            i += best;
            last_dist = best_dist;
            after_match = 1;
        } else {
            e.bit(&mut m.is_match[ctx], 0);
            let prev = if i > 0 { data[i - 1] } else { 0 };
            encode_byte(&mut e, m.literal_tree(prev), data[i]);
            insert(i, &mut head, &mut chain);
            i += 1;
            after_match = 0;
        }
    }
    let mut out = Vec::with_capacity(8 + n / 3);
    out.extend_from_slice(LZ_MAGIC);
    out.extend_from_slice(&(n as u32).to_le_bytes());
    out.extend_from_slice(&e.finish());
    out
}

/// The bytes [`compress`] compressed; `None` if `packed` is not a valid
/// stream (or would unpack past its stated length).
pub fn decompress(packed: &[u8]) -> Option<Vec<u8>> {
    if packed.get(..4)? != LZ_MAGIC {
        return None;
    }
    let n = u32_at(packed, 4)? as usize;
    if n > 64 << 20 {
        return None;
    }
    let mut d = Decoder::new(packed.get(8..)?);
    let mut m = LzModels::new();
    let mut out: Vec<u8> = Vec::with_capacity(n);
    let (mut last_dist, mut after_match) = (0usize, 0usize);
    while out.len() < n {
        let ctx = after_match;
        if d.bit(&mut m.is_match[ctx]) == 0 {
            let prev = out.last().copied().unwrap_or(0);
            let b = decode_byte(&mut d, m.literal_tree(prev));
            out.push(b);
            after_match = 0;
            continue;
        }
        let rep = d.bit(&mut m.is_rep[ctx]) == 1;
        let len = m.length.decode(&mut d)? as usize + MIN_MATCH;
        if !rep {
            last_dist = m.distance.decode(&mut d)? as usize + 1;
        }
        if last_dist == 0 || last_dist > out.len() || out.len() + len > n {
            return None;
        }
        let from = out.len() - last_dist;
        for j in 0..len {
            out.push(out[from + j]);
        }
        after_match = 1;
    }
    (d.at <= packed.len() - 8 + 5).then_some(out)
}

/// Embedded text stored compressed ([`compress`], by `build.rs`),
/// decompressed on first use and kept; derefs to the text (empty if the
/// embedded bytes were damaged, which the rules' parser then refuses).
pub struct PackedText {
    packed: &'static [u8],
    text: std::sync::OnceLock<String>,
}

impl PackedText {
    /// Text packed by `build.rs`.
    pub const fn new(packed: &'static [u8]) -> PackedText {
        PackedText {
            packed,
            text: std::sync::OnceLock::new(),
        }
    }
}

impl std::ops::Deref for PackedText {
    type Target = str;
    fn deref(&self) -> &str {
        self.text.get_or_init(|| {
            decompress(self.packed)
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_default()
        })
    }
}
