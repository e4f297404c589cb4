//! # fanzha-psl
//!
//! The Public Suffix List (<https://publicsuffix.org/>) as data: the list's
//! own text format, embedded (about 0.15 MB), parsed into one hash table on
//! first use (about 1 ms, 0.5 MB of heap, once per process) and looked up
//! label by label from the right without allocating.
//!
//! Its API is the psl crate's (`suffix`, `domain`, and the `Suffix`,
//! `Domain`, `Type` types of psl-types), so code written against psl works
//! unchanged; fanzha-core imports it under the name `psl`. The psl crate
//! compiles the same list into 0.66 MB of match code, which was the largest
//! single part of the shipped library.
//!
//! Matching follows the list's algorithm: the longest matching rule wins,
//! `*.x` matches any one label before `x`, `!y.x` (an exception) makes the
//! suffix `x`, and a name no rule matches has its last label as an unknown
//! suffix (`typ()` is `None`). Matching is byte-exact: pass lowercase
//! names. The test `tests/against_psl.rs` checks every rule and many names
//! against the psl crate.
//!
//! To update the list, regenerate `data/public_suffix_list.dat` with
//! `cargo run -p fanzha-psl --example generate` from a newer psl crate's
//! `data/rules.txt` (the official file lists IDN rules in Unicode only;
//! that file carries their `xn--` forms too).

#![forbid(unsafe_code)]

pub use psl_types::{Domain, Info, List as Psl, Suffix, Type};

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

// The list's compressor (fanzha-core's; std only, no unsafe).
#[path = "../../core/src/model/pack.rs"]
mod pack;

/// The list, in the official file's format; embedded compressed by
/// `build.rs` (156 KB of text, 46 KB packed), decompressed on first use.
static DAT: pack::PackedText = pack::PackedText::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/public_suffix_list.dat.z"
)));

/// Longest name suffix built for a lookup, in bytes; longer candidates can't
/// be a rule (the longest rule is far shorter).
const MAX_CANDIDATE: usize = 256;

/// The public suffix list as a [`Psl`] implementation.
#[derive(Debug, Clone, Copy, Default)]
pub struct List;

impl Psl for List {
    fn find<'a, T>(&self, labels: T) -> Info
    where
        T: Iterator<Item = &'a [u8]>,
    {
        table().find(labels)
    }
}

/// The public suffix of `name` (lowercase, an optional trailing dot), or
/// `None` for an empty name. An unknown suffix is the last label, with
/// `typ()` `None`.
#[inline]
pub fn suffix(name: &[u8]) -> Option<Suffix<'_>> {
    List.suffix(name)
}

/// The public suffix of `name` as text, trailing dot trimmed.
#[inline]
pub fn suffix_str(name: &str) -> Option<&str> {
    let bytes = suffix(name.as_bytes())?.trim().as_bytes();
    std::str::from_utf8(bytes).ok()
}

/// The registrable domain of `name` (its suffix and one more label), or
/// `None` when `name` is a suffix itself.
#[inline]
pub fn domain(name: &[u8]) -> Option<Domain<'_>> {
    List.domain(name)
}

/// The registrable domain of `name` as text, trailing dot trimmed.
#[inline]
pub fn domain_str(name: &str) -> Option<&str> {
    let bytes = domain(name.as_bytes())?.trim().as_bytes();
    std::str::from_utf8(bytes).ok()
}

/// What the list says about one name suffix (a rule's text without `*.` or
/// `!`, or a suffix of one, present so a lookup knows when to stop).
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// `x` is a rule.
    exact: Option<Type>,
    /// `*.x` is a rule.
    wildcard: Option<Type>,
    /// `!x` is a rule.
    exception: Option<Type>,
}

/// FxHash-style hasher: the table holds only the list's own names, so a
/// probing name can't degrade it.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        let w = u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59);
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    #[inline]
    fn finish(&self) -> u64 {
        let h = self.0;
        (h ^ (h >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 29)
    }
}

struct Table {
    nodes: HashMap<&'static [u8], Node, BuildHasherDefault<FxHasher>>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::parse(&DAT))
}

impl Table {
    /// Reads the official format: one rule per line (its first word),
    /// `//` comments, the private section after `===BEGIN PRIVATE DOMAINS===`.
    fn parse(dat: &'static str) -> Table {
        let mut nodes: HashMap<&'static [u8], Node, BuildHasherDefault<FxHasher>> =
            HashMap::with_capacity_and_hasher(16_384, Default::default());
        let mut typ = Type::Icann;
        for line in dat.lines() {
            let line = line.trim();
            if let Some(comment) = line.strip_prefix("//") {
                if comment.contains("===BEGIN PRIVATE DOMAINS===") {
                    typ = Type::Private;
                } else if comment.contains("===BEGIN ICANN DOMAINS===") {
                    typ = Type::Icann;
                }
                continue;
            }
            let Some(rule) = line.split_whitespace().next() else {
                continue;
            };
            let (body, set): (&str, fn(&mut Node, Type)) = if let Some(b) = rule.strip_prefix("*.")
            {
                (b, |n, t| n.wildcard = Some(t))
            } else if let Some(b) = rule.strip_prefix('!') {
                (b, |n, t| n.exception = Some(t))
            } else {
                (rule, |n, t| n.exact = Some(t))
            };
            if body.is_empty() {
                continue;
            }
            // Every suffix of the rule is a node, so a lookup stops at the
            // first suffix of a name that is none.
            for (i, _) in body.match_indices('.') {
                nodes.entry(&body.as_bytes()[i + 1..]).or_default();
            }
            set(nodes.entry(body.as_bytes()).or_default(), typ);
        }
        Table { nodes }
    }

    /// The longest matching rule over `labels` (right to left): the length
    /// of the suffix in bytes and its section.
    fn find<'a, T>(&self, labels: T) -> Info
    where
        T: Iterator<Item = &'a [u8]>,
    {
        // The candidate suffix is built right to left at the end of `buf`.
        let mut buf = [0u8; MAX_CANDIDATE];
        let mut start = MAX_CANDIDATE;
        let mut info = Info { len: 0, typ: None };
        // The parent's `*.` rule, if any: it matches this label.
        let mut wildcard: Option<Type> = None;
        for (i, label) in labels.enumerate() {
            let parent_len = MAX_CANDIDATE - start;
            let sep = usize::from(i > 0);
            if label.len() + sep > start {
                // Too long for any rule; a parent wildcard still matches.
                if let Some(t) = wildcard {
                    info = Info {
                        len: parent_len + sep + label.len(),
                        typ: Some(t),
                    };
                }
                break;
            }
            if i > 0 {
                start -= 1;
                buf[start] = b'.';
            }
            start -= label.len();
            buf[start..start + label.len()].copy_from_slice(label);
            let candidate = &buf[start..];
            if i == 0 {
                // The default rule `*`: the last label, unknown.
                info.len = label.len();
            }
            let node = self.nodes.get(candidate).copied();
            if let Some(t) = node.and_then(|n| n.exception) {
                info = Info {
                    len: parent_len,
                    typ: Some(t),
                };
                break;
            }
            if let Some(t) = wildcard {
                info = Info {
                    len: candidate.len(),
                    typ: Some(t),
                };
            }
            let Some(node) = node else {
                break;
            };
            if let Some(t) = node.exact {
                info = Info {
                    len: candidate.len(),
                    typ: Some(t),
                };
            }
            wildcard = node.wildcard;
        }
        info
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_names() {
        assert_eq!(domain_str("www.example.com"), Some("example.com"));
        assert_eq!(suffix_str("www.example.com.cn"), Some("com.cn"));
        assert_eq!(domain_str("a.b.example.com.cn"), Some("example.com.cn"));
        assert_eq!(domain_str("com.cn"), None);
        let s = suffix(b"x.pages.dev").expect("a suffix");
        assert_eq!(s.as_bytes(), b"pages.dev");
        assert_eq!(s.typ(), Some(Type::Private));
        let s = suffix(b"example.unknowntld").expect("a suffix");
        assert_eq!(s.as_bytes(), b"unknowntld");
        assert!(!s.is_known());
        assert!(suffix(b"").is_none());
        assert_eq!(domain_str("example.com."), Some("example.com"));
    }

    #[test]
    fn wildcards_and_exceptions() {
        // *.ck and !www.ck
        assert_eq!(suffix_str("a.b.ck"), Some("b.ck"));
        assert_eq!(suffix_str("www.ck"), Some("ck"));
        assert_eq!(domain_str("www.ck"), Some("www.ck"));
    }
}
