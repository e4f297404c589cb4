//! Text normalization: the two forms every later step reads.
//!
//! - [`Normalized::clean`]: NFKC (full-width letters, digits and punctuation
//!   become ASCII), invisible characters (zero-width, bidi controls, soft
//!   hyphens, variation selectors, tags) and control characters removed,
//!   case kept. Links, numbers and ids are extracted from it.
//! - [`Normalized::compact`]: `clean`, lower-cased, with every separator
//!   (whitespace, punctuation, symbols, emoji) dropped — so `刷-单`, `刷 单`,
//!   `刷.单` and `刷🔥单` all read `刷单` — except that a run of separators
//!   between two ASCII letters or digits becomes one space, so English words
//!   stay apart. Symbols that stand for a word (`➕` for 加, `👍` for 赞)
//!   can be read as that word (a table from the pattern set). Patterns are
//!   normalized the same way and matched here.
//!
//! Cost: one pass per form. Most Chinese and English text is handled by a
//! table-free fast path (ASCII, CJK ideographs, CJK and full-width
//! punctuation, emoji); only runs of other characters go through the full
//! NFKC algorithm, which keeps the result exactly NFKC.

use crate::fasthash::FastMap;
use unicode_normalization::UnicodeNormalization;

/// Symbols read as words in the compact form (`➕` → `加`).
pub(crate) type SymbolWords = FastMap<char, String>;

/// Longest run of characters handed to NFKC at once. A longer run (only
/// hostile input has thousands of combining marks in a row) is cut, which
/// can only affect how marks at the cut combine.
const MAX_SLOW_RUN: usize = 256;
/// Combining marks kept in a row. Real text never stacks more than a few
/// (Unicode's stream-safe limit is 30); hostile text stacks thousands to make
/// normalization slow. Further ones are dropped before NFKC.
const MAX_MARKS_IN_A_ROW: usize = 16;

/// The two normalized forms of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    /// NFKC, invisible and control characters removed, case kept.
    pub clean: String,
    /// Lower-cased, separators folded (see the module docs).
    pub compact: String,
    /// Byte offsets in `compact` where separators between two kept non-space
    /// characters were removed, ascending. A keyword match that spans one was
    /// written with characters inserted into it (`刷-单`).
    pub folds: Vec<u32>,
}

impl Normalized {
    /// Normalizes `text` into both forms.
    pub fn new(text: &str) -> Normalized {
        Normalized::with_symbols(text, &SymbolWords::default())
    }

    /// Normalizes `text`, reading the symbols in `symbols` as words.
    pub(crate) fn with_symbols(text: &str, symbols: &SymbolWords) -> Normalized {
        Normalized::with_symbols_exact(text, symbols).0
    }

    /// [`Normalized::with_symbols`], and whether `clean` is exactly
    /// `nfkc(text)`: nothing invisible removed, no stack of marks cut, no
    /// long run cut (see [`clean_exact`]).
    pub(crate) fn with_symbols_exact(text: &str, symbols: &SymbolWords) -> (Normalized, bool) {
        let (clean, exact) = clean_exact(text);
        let (compact, folds) = compact_with(&clean, symbols);
        (
            Normalized {
                clean,
                compact,
                folds,
            },
            exact,
        )
    }

    /// True when a fold point lies strictly inside `start..end` of `compact`.
    pub fn folded_inside(&self, start: usize, end: usize) -> bool {
        let i = self.folds.partition_point(|&p| (p as usize) <= start);
        self.folds.get(i).is_some_and(|&p| (p as usize) < end)
    }
}

/// Characters that NFKC leaves alone and that never combine with what
/// follows them in a way that matters here: handled without tables.
#[inline]
fn is_fast(c: char) -> bool {
    matches!(c,
        '\u{20}'..='\u{7e}'
        | '\n' | '\t' | '\r'
        | '\u{3001}'..='\u{3029}'
        | '\u{3030}'..='\u{3035}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ff01}'..='\u{ff5e}'
        | '\u{2013}' | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '\u{2022}'
        | '\u{00b7}' | '\u{00d7}' | '\u{00f7}' | '\u{00a5}'
        | '\u{1f300}'..='\u{1faff}')
}

/// Characters removed from the clean form: invisible formatting, variation
/// selectors, fillers, tags, and control characters other than whitespace.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{3164}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{feff}' | '\u{ffa0}'
        | '\u{fff0}'..='\u{fff8}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e0fff}')
}

/// Pushes `c` unless it is invisible; false when it was dropped.
#[inline]
fn push_clean(out: &mut String, c: char) -> bool {
    if is_invisible(c) {
        return false;
    }
    out.push(c);
    true
}

/// The clean form: exactly `nfkc(text)` with invisible characters removed.
pub fn clean(text: &str) -> String {
    clean_exact(text).0
}

/// [`clean`], and whether the result is exactly `nfkc(text)`: true unless
/// an invisible character was removed, a stack of more than
/// [`MAX_MARKS_IN_A_ROW`] marks was cut or a run longer than
/// [`MAX_SLOW_RUN`] was normalized in pieces. Then a reader that
/// normalizes with NFKC itself can read the clean form instead of the text
/// (NFKC is idempotent) and find it already normalized.
pub(crate) fn clean_exact(text: &str) -> (String, bool) {
    let mut exact = true;
    let mut out = String::with_capacity(text.len());
    // Where the last fast character started, in `text` and in `out`: a slow
    // run may combine with it (`e` + U+0301 → `é`), so NFKC restarts there.
    let mut last_fast: Option<(usize, usize)> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_fast(c) {
            last_fast = Some((i, out.len()));
            match c {
                '\u{ff01}'..='\u{ff5e}' => out.push(
                    char::from_u32(c as u32 - 0xfee0).expect("full-width forms map to ASCII"),
                ),
                _ => out.push(c),
            }
            continue;
        }
        // A run of characters outside the fast set, plus the fast character
        // before it.
        let (start, out_at) = match last_fast {
            Some((s, o)) => (s, o),
            None => (i, out.len()),
        };
        let mut seg = String::with_capacity(64);
        seg.push_str(&text[start..i]);
        let mut marks = 0;
        let mut count = 0;
        let mut next = Some(c);
        while let Some(d) = next {
            if unicode_normalization::char::canonical_combining_class(d) != 0 {
                marks += 1;
            } else {
                marks = 0;
            }
            if marks <= MAX_MARKS_IN_A_ROW {
                seg.push(d);
            } else {
                exact = false;
            }
            count += 1;
            next = match iter.peek() {
                Some(&(_, d)) if !is_fast(d) && count < MAX_SLOW_RUN => {
                    iter.next();
                    Some(d)
                }
                Some(&(_, d)) if !is_fast(d) => {
                    // The run is cut here: the next piece is normalized
                    // on its own.
                    exact = false;
                    None
                }
                _ => None,
            };
        }
        out.truncate(out_at);
        for d in seg.nfkc() {
            exact &= push_clean(&mut out, d);
        }
        last_fast = None;
    }
    (out, exact)
}

#[inline]
fn is_ascii_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// The compact form of an already clean text, with its fold points, reading
/// the symbols in `symbols` as words.
pub(crate) fn compact_with(clean: &str, symbols: &SymbolWords) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(clean.len());
    let mut folds = Vec::new();
    // Last kept character, and whether separators came after it.
    let mut prev: Option<char> = None;
    let mut gap = false;
    for c in clean.chars() {
        if matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}') {
            // CJK ideographs: kept as they are (no case, always alphanumeric).
            if gap {
                if prev.is_some() {
                    folds.push(out.len() as u32);
                }
                gap = false;
            }
            out.push(c);
            prev = Some(c);
            continue;
        }
        if !c.is_ascii() && unicode_normalization::char::canonical_combining_class(c) != 0 {
            // Combining marks belong to the character before them: dropped
            // without separating anything (`p̲a̲y̲` reads `pay`).
            continue;
        }
        let kept = if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                Some(c.to_ascii_lowercase())
            } else {
                None
            }
        } else if c.is_alphanumeric() {
            Some(c)
        } else {
            None
        };
        let Some(k) = kept else {
            if let Some(word) = (!c.is_ascii() && !symbols.is_empty())
                .then(|| symbols.get(&c))
                .flatten()
            {
                // A symbol standing for a word joins the text like that word.
                if gap && prev.is_some() {
                    folds.push(out.len() as u32);
                }
                out.push_str(word);
                prev = word.chars().next_back();
                gap = false;
                continue;
            }
            gap = true;
            continue;
        };
        if gap {
            if let Some(p) = prev {
                if is_ascii_word(p) && is_ascii_word(k) {
                    out.push(' ');
                } else {
                    folds.push(out.len() as u32);
                }
            }
            gap = false;
        }
        if k.is_ascii() {
            out.push(k);
        } else {
            // Lower-casing can yield several characters (İ → i̇); keep only
            // the alphanumeric ones so the form stays separator-free.
            let mut lower = k.to_lowercase();
            if lower.len() == 1 {
                out.push(lower.next().unwrap_or(k));
            } else {
                out.extend(lower.filter(|l| l.is_alphanumeric()));
            }
        }
        prev = Some(k);
    }
    (out, folds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// NFKC without invisibles, stacks of combining marks cut like `clean`.
    fn reference_clean(text: &str) -> String {
        let mut capped = String::new();
        let mut marks = 0;
        for c in text.chars() {
            if unicode_normalization::char::canonical_combining_class(c) != 0 {
                marks += 1;
            } else {
                marks = 0;
            }
            if marks <= MAX_MARKS_IN_A_ROW {
                capped.push(c);
            }
        }
        capped.nfkc().filter(|c| !is_invisible(*c)).collect()
    }

    #[test]
    fn full_width_and_invisible() {
        let n = Normalized::new("ＶＸ：ａｂｃ１２３\u{200b}，刷\u{200d}单");
        assert_eq!(n.clean, "VX:abc123,刷单");
        assert_eq!(n.compact, "vx abc123刷单");
    }

    #[test]
    fn separators_inside_words_fold() {
        for s in [
            "刷-单",
            "刷 单",
            "刷.单",
            "刷🔥单",
            "刷 * 单",
            "刷\u{3000}单",
            "刷／单",
        ] {
            let n = Normalized::new(s);
            assert_eq!(n.compact, "刷单", "{s}");
            assert!(n.folded_inside(0, n.compact.len()), "{s}");
        }
        let n = Normalized::new("刷单");
        assert!(!n.folded_inside(0, n.compact.len()));
    }

    #[test]
    fn symbols_read_as_words() {
        let symbols: SymbolWords = [('➕', "加".to_string()), ('👍', "赞".to_string())]
            .into_iter()
            .collect();
        let n = Normalized::with_symbols("➕V：abc，给视频点👍赚钱", &symbols);
        assert_eq!(n.compact, "加v abc给视频点赞赚钱");
    }

    #[test]
    fn underlined_letters_read_as_the_word() {
        let n = Normalized::new("p\u{332}a\u{332}y\u{332} now");
        assert_eq!(n.compact, "pay now");
    }

    #[test]
    fn english_words_stay_apart() {
        let n = Normalized::new("Hi Mum, it's me!! New   number.");
        assert_eq!(n.compact, "hi mum it s me new number");
    }

    #[test]
    fn combining_marks_compose_like_nfkc() {
        let s = "cafe\u{301} ｅ\u{301} 한국어 ﬁ ①";
        assert_eq!(clean(s), reference_clean(s));
    }

    #[test]
    fn long_runs_of_marks_are_bounded() {
        let s = format!("a{}", "\u{301}".repeat(100_000));
        let n = Normalized::new(&s);
        assert!(n.clean.starts_with('á'));
        assert!(n.clean.chars().count() <= 1 + MAX_MARKS_IN_A_ROW * (100_000 / MAX_SLOW_RUN + 1));
    }

    #[test]
    fn exact_says_whether_clean_is_plain_nfkc() {
        for s in [
            "【工商银行】您的账户，请点击 http://a.cn 验证！",
            "cafe\u{301} ①",
            "",
        ] {
            let (c, exact) = clean_exact(s);
            assert!(exact, "{s}");
            assert_eq!(c, s.nfkc().collect::<String>(), "{s}");
        }
        for s in ["刷\u{200b}单", "a\u{7}b", "ok\u{fe0f}"] {
            assert!(!clean_exact(s).1, "{s:?}");
        }
        let marks = format!("a{}", "\u{301}".repeat(40));
        assert!(!clean_exact(&marks).1);
        let run = "\u{ac00}".repeat(MAX_SLOW_RUN + 1);
        assert!(!clean_exact(&run).1);
    }

    proptest! {
        #[test]
        fn exact_clean_is_nfkc(s in "[a-zA-Z0-9 ，。：ａ-ｚ０-９\u{300}-\u{36f}\u{4e00}-\u{4e20}\u{ac00}-\u{ac10}\u{1100}-\u{1112}\u{200b}\u{fe0f}\u{7}①ﬁ]{0,48}") {
            let (c, exact) = clean_exact(&s);
            if exact {
                prop_assert_eq!(c, s.nfkc().collect::<String>());
            }
        }

        #[test]
        fn exact_clean_is_nfkc_anywhere(s in "\\PC{0,64}") {
            let (c, exact) = clean_exact(&s);
            if exact {
                prop_assert_eq!(c, s.nfkc().collect::<String>());
            }
        }

        #[test]
        fn clean_is_nfkc_without_invisibles(s in "\\PC{0,64}") {
            prop_assert_eq!(clean(&s), reference_clean(&s));
        }

        #[test]
        fn clean_is_nfkc_on_mixed_scripts(s in "[a-zA-Z0-9 ，。：ａ-ｚ０-９\u{300}-\u{36f}\u{4e00}-\u{4e20}\u{ac00}-\u{ac10}\u{1100}-\u{1112}\u{200b}\u{fe0f}①ﬁ]{0,48}") {
            prop_assert_eq!(clean(&s), reference_clean(&s));
        }

        #[test]
        fn compact_has_no_separators(s in "\\PC{0,64}") {
            let n = Normalized::new(&s);
            prop_assert!(n.compact.chars().all(|c| c == ' ' || c.is_alphanumeric()));
            prop_assert!(!n.compact.contains("  "));
            prop_assert!(!n.compact.starts_with(' '));
            for &f in &n.folds {
                prop_assert!(n.compact.is_char_boundary(f as usize));
            }
        }

        #[test]
        fn compacting_twice_changes_nothing(s in "\\PC{0,64}") {
            let n = Normalized::new(&s);
            let (again, _) = compact_with(&n.compact, &SymbolWords::default());
            prop_assert_eq!(again, n.compact);
        }

        #[test]
        fn compact_has_no_combining_marks(s in "[a-z\u{300}-\u{36f}\u{c55}\u{16ff0}\u{4e00}-\u{4e10} \\[]{0,40}") {
            let n = Normalized::new(&s);
            prop_assert!(n
                .compact
                .chars()
                .all(|c| unicode_normalization::char::canonical_combining_class(c) == 0));
        }
    }
}
