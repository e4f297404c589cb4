//! IDN spoof checks per label, after Unicode TR39 (UTS #39) and the rules
//! Chromium's IDN spoof checker describes, written for this project.
//!
//! A label is judged on its own (script mixing is per label: `ひら.한국`
//! is fine), against the TLD (a Cyrillic label that reads as Latin is
//! ordinary under `.ru` or `.рф`, a spoof under `.com`). In order:
//!
//! 1. every character must be allowed in identifiers (UTS #39
//!    Identifier_Status=Allowed, plus `-`), minus a blocked list from data
//!    (look-alike hyphens and quotes, rare Latin/Greek/Cyrillic blocks);
//! 2. letters only ordinary under one TLD (`þ` `ð` under .is, `ə` under .az)
//!    and the Catalan middle dot only as `l·l` under .cat;
//! 3. invisible marks: the same combining mark twice in a row (after
//!    decomposition), zero-width joiners;
//! 4. digits of two numbering systems, or digits of another script among
//!    Latin letters (`paypal٣`);
//! 5. the UTS #39 restriction level: one script, or Latin with one CJK
//!    family (Han+Hiragana+Katakana, Han+Bopomofo, Han+Hangul); anything
//!    else is mixed;
//! 6. a label of one script (no combining diacritics, no kana exceptions) is
//!    a whole-script confusable when every letter of its script is in that
//!    script's Latin look-alike set (data) and the TLD is not the script's;
//!    or when it is made only of digits and digit look-alikes;
//! 7. a label mixing Latin with a CJK family must not carry non-ASCII Latin,
//!    digit look-alikes, nor the patterns that read as Latin or punctuation
//!    next to Latin (kana no/so/n, 一, ー, ・, a combining mark on a dotless
//!    i or after a non-LGC letter, a dot above on i/j/l).
//!
//! The host-level check (a registrable domain whose skeleton is that of a
//! protected domain) lives in [`Protected`].

use crate::rules_json::{Fields, FromJson, Read};
use serde_json::Value;
use std::collections::HashSet;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_script::{Script, UnicodeScript};
use unicode_security::mixed_script::AugmentedScriptSet;
use unicode_security::RestrictionLevel;
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// The `idn` section of `links.json`: what the IDN spoof checks read.
#[derive(Debug, Default)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub(crate) struct IdnData {
    /// Code points (hex) or ranges (`01CD-01DC`) refused in labels although
    /// UTS #39 allows them.
    #[cfg_attr(test, serde(default))]
    pub blocked: Vec<String>,
    /// Code points or ranges allowed although UTS #39 restricts them
    /// (Bopomofo, used in Taiwan).
    #[cfg_attr(test, serde(default))]
    pub allowed: Vec<String>,
    /// Letters ordinary only under some TLDs.
    #[cfg_attr(test, serde(default))]
    pub tld_chars: Vec<TldChars>,
    /// Per script: the letters that read as Latin, and the TLDs where a
    /// label made only of them is ordinary.
    #[cfg_attr(test, serde(default))]
    pub whole_script: Vec<WholeScriptData>,
    /// Kana and CJK characters that read as a slash or a Latin letter
    /// between two non-Japanese characters (ノ ソ 丶 丿).
    #[cfg_attr(test, serde(default))]
    pub slash_like: String,
    /// Ideographs and Bopomofo that read as Latin letters, digits or dashes
    /// next to anything not CJK (一 ㄧ 丨 七 十 〇 工 丁 …).
    #[cfg_attr(test, serde(default))]
    pub latin_like_cjk: String,
    /// Characters that read as ASCII digits.
    #[cfg_attr(test, serde(default))]
    pub digit_lookalikes: String,
    /// Letters folded before the skeleton (`ł` → `l`).
    #[cfg_attr(test, serde(default))]
    pub skeleton_extra: std::collections::BTreeMap<String, String>,
    /// Per language (or group of languages written alike): the accented
    /// Latin letters its spelling uses.
    #[cfg_attr(test, serde(default))]
    pub orthographies: std::collections::BTreeMap<String, String>,
}

/// Letters ordinary only under some TLDs (`idn.tld_chars`).
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub(crate) struct TldChars {
    pub chars: String,
    pub tlds: Vec<String>,
}

/// One script's Latin look-alikes (`idn.whole_script`).
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Deserialize, PartialEq))]
pub(crate) struct WholeScriptData {
    pub script: String,
    pub lookalikes: String,
    #[cfg_attr(test, serde(default))]
    pub tlds: Vec<String>,
}

impl FromJson for IdnData {
    fn from_json(v: &Value) -> Read<IdnData> {
        let f = Fields::of(v)?;
        Ok(IdnData {
            blocked: f.opt("blocked")?,
            allowed: f.opt("allowed")?,
            tld_chars: f.opt("tld_chars")?,
            whole_script: f.opt("whole_script")?,
            slash_like: f.opt("slash_like")?,
            latin_like_cjk: f.opt("latin_like_cjk")?,
            digit_lookalikes: f.opt("digit_lookalikes")?,
            skeleton_extra: f.opt("skeleton_extra")?,
            orthographies: f.opt("orthographies")?,
        })
    }
}

impl FromJson for TldChars {
    fn from_json(v: &Value) -> Read<TldChars> {
        let f = Fields::of(v)?;
        Ok(TldChars {
            chars: f.req("chars")?,
            tlds: f.req("tlds")?,
        })
    }
}

impl FromJson for WholeScriptData {
    fn from_json(v: &Value) -> Read<WholeScriptData> {
        let f = Fields::of(v)?;
        Ok(WholeScriptData {
            script: f.req("script")?,
            lookalikes: f.req("lookalikes")?,
            tlds: f.opt("tlds")?,
        })
    }
}

// The TR39 confusable prototypes, as `build.rs` derives them from
// unicode-security (see `confusables` there): the default-ignorable ranges
// here, the rest packed.
include!(concat!(env!("OUT_DIR"), "/confusables.rs"));

/// The code points with a confusable prototype and their skeletons, and
/// the identifier-allowed ranges, packed by `build.rs`
/// (`model::pack::compress`; 63 KB of tables as about 17 KB) and read once
/// per process.
static PACKED_CONFUSABLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/confusables.z"));

#[derive(Default)]
struct Confusables {
    /// Code points with a confusable prototype, sorted.
    keys: Vec<u32>,
    /// End of each code point's skeleton in `text`.
    ends: Vec<u32>,
    /// The skeletons, one after the other.
    text: String,
    /// UTS #39 identifier status "Allowed": sorted, disjoint ranges
    /// (unicode-security's `identifier_allowed`, a test checks every code
    /// point).
    allowed: Vec<(u32, u32)>,
}

impl Confusables {
    /// Reads `build.rs`'s layout: the count, each code point's distance to
    /// the one before (varints), each skeleton's length in bytes, the
    /// allowed ranges (count, then distance from the previous end and
    /// length of each, varints), the text.
    fn read(b: &[u8]) -> Option<Confusables> {
        fn varint(b: &[u8], at: &mut usize) -> Option<u32> {
            let mut v = 0u32;
            for shift in (0..35).step_by(7) {
                let byte = *b.get(*at)?;
                *at += 1;
                v |= u32::from(byte & 0x7F).checked_shl(shift)?;
                if byte < 0x80 {
                    return Some(v);
                }
            }
            None
        }
        let mut at = 0;
        let n = usize::try_from(varint(b, &mut at)?).ok()?;
        let mut keys = Vec::with_capacity(n.min(b.len()));
        let mut key = 0u32;
        for _ in 0..n {
            key = key.checked_add(varint(b, &mut at)?)?;
            keys.push(key);
        }
        let lengths = b.get(at..at.checked_add(n)?)?;
        let mut ends = Vec::with_capacity(n);
        let mut end = 0u32;
        for &len in lengths {
            end += u32::from(len);
            ends.push(end);
        }
        at += n;
        let m = usize::try_from(varint(b, &mut at)?).ok()?;
        let mut allowed = Vec::with_capacity(m.min(b.len()));
        let mut last = 0u32;
        for _ in 0..m {
            let start = last.checked_add(varint(b, &mut at)?)?;
            last = start.checked_add(varint(b, &mut at)?)?;
            allowed.push((start, last));
        }
        let text = std::str::from_utf8(&b[at..]).ok()?;
        if ends.last().is_some_and(|&e| e as usize != text.len()) {
            return None;
        }
        Some(Confusables {
            keys,
            ends,
            text: text.to_string(),
            allowed,
        })
    }

    /// The tables, unpacked on first use (empty if they did not unpack,
    /// which `build.rs` rules out by checking the packed bytes).
    fn get() -> &'static Confusables {
        static TABLES: std::sync::OnceLock<Confusables> = std::sync::OnceLock::new();
        TABLES.get_or_init(|| {
            crate::model::decompress(PACKED_CONFUSABLES)
                .and_then(|b| Confusables::read(&b))
                .unwrap_or_default()
        })
    }

    /// The skeleton of `c` alone, if it has a prototype.
    fn prototype(&self, c: char) -> Option<&str> {
        let i = self.keys.binary_search(&u32::from(c)).ok()?;
        let start = match i {
            0 => 0,
            i => self.ends[i - 1] as usize,
        };
        Some(self.text.get(start..self.ends[i] as usize).unwrap_or(""))
    }

    /// Whether `c` has UTS #39 identifier status "Allowed".
    fn identifier_allowed(&self, c: char) -> bool {
        let c = u32::from(c);
        let i = self.allowed.partition_point(|&(start, _)| start <= c);
        i > 0 && self.allowed[i - 1].1 >= c
    }
}

/// Whether `c` is in one of the [`IGNORABLE`] ranges.
fn ignorable(c: char) -> bool {
    let c = u32::from(c);
    let i = IGNORABLE.partition_point(|&(start, _)| start <= c);
    i > 0 && IGNORABLE[i - 1].1 >= c
}

/// The UTS #39 skeleton of `s`, the same as `unicode_security::skeleton`
/// (a test compares them on every code point), from compact tables: NFD,
/// each code point through its prototype, NFD again.
pub(crate) fn tr39_skeleton(s: &str) -> impl Iterator<Item = char> + '_ {
    let tables = Confusables::get();
    s.nfd()
        .flat_map(move |c| {
            let (one, many) = match tables.prototype(c) {
                Some(skeleton) => (None, skeleton),
                None if ignorable(c) => (None, ""),
                None => (Some(c), ""),
            };
            one.into_iter().chain(many.chars())
        })
        .nfd()
}

/// Why a label is a spoof risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Spoof {
    /// A character not allowed in domain names shown to people (symbols,
    /// emoji, rare scripts, look-alike hyphens), invalid punycode, or a
    /// letter out of its country's TLD.
    Unusual,
    /// Invisible or stacked combining marks.
    Invisible,
    /// Digits of another script or of two numbering systems, or a label of
    /// digits and digit look-alikes.
    Digits,
    /// Scripts mixed beyond UTS #39 "highly restrictive", or a pattern that
    /// reads as Latin or punctuation.
    Mixed,
    /// All letters of one non-Latin script that read as Latin.
    WholeScript,
    /// Accented Latin letters that no one language's spelling uses
    /// together (`bešțchạnge`: Czech š, Romanian ț, Vietnamese ạ).
    Orthography,
}

/// Compiled IDN data (see `idn` in `links.json`).
#[derive(Debug, Default)]
pub(crate) struct IdnRules {
    blocked: Vec<(u32, u32)>,
    extra_allowed: Vec<(u32, u32)>,
    tld_chars: Vec<(Vec<char>, Vec<String>)>,
    whole_script: Vec<WholeScript>,
    slash_like: Vec<char>,
    latin_like_cjk: Vec<char>,
    digit_lookalikes: HashSet<char>,
    /// Sorted by letter: the data's map is ordered by its UTF-8 keys,
    /// which is code point order.
    skeleton_extra: Vec<(char, String)>,
    /// Each orthography's accented letters (lowercase), sorted.
    orthographies: Vec<Vec<char>>,
    /// The skeleton of each ASCII byte (`m` → `rn`, `0` → `o`).
    ascii_skeleton: Vec<String>,
}

#[derive(Debug)]
struct WholeScript {
    script: Script,
    lookalikes: HashSet<char>,
    tlds: Vec<String>,
}

impl IdnRules {
    pub(crate) fn compile(raw: IdnData) -> Result<IdnRules, String> {
        let ranges = |list: &[String]| -> Result<Vec<(u32, u32)>, String> {
            list.iter()
                .map(|r| {
                    let (a, b) = r.split_once('-').unwrap_or((r.as_str(), r.as_str()));
                    let p = |s: &str| {
                        u32::from_str_radix(s.trim(), 16).map_err(|e| format!("{r}: {e}"))
                    };
                    Ok((p(a)?, p(b)?))
                })
                .collect()
        };
        let blocked = ranges(&raw.blocked)?;
        let extra_allowed = ranges(&raw.allowed)?;
        let mut whole_script = Vec::new();
        for w in raw.whole_script {
            let script = Script::from_short_name(&w.script)
                .or_else(|| Script::from_full_name(&w.script))
                .ok_or_else(|| format!("unknown script {}", w.script))?;
            whole_script.push(WholeScript {
                script,
                lookalikes: w.lookalikes.chars().flat_map(char::to_lowercase).collect(),
                tlds: w.tlds.iter().map(|t| t.to_ascii_lowercase()).collect(),
            });
        }
        let ascii_skeleton = (0u8..128)
            .map(|b| {
                tr39_skeleton(&char::from(b).to_string())
                    .flat_map(char::to_lowercase)
                    .collect()
            })
            .collect();
        Ok(IdnRules {
            ascii_skeleton,
            blocked,
            extra_allowed,
            tld_chars: raw
                .tld_chars
                .into_iter()
                .map(|t| (t.chars.chars().collect(), t.tlds))
                .collect(),
            whole_script,
            slash_like: raw.slash_like.chars().collect(),
            latin_like_cjk: raw.latin_like_cjk.chars().collect(),
            digit_lookalikes: raw.digit_lookalikes.chars().collect(),
            skeleton_extra: raw
                .skeleton_extra
                .into_iter()
                .filter_map(|(k, v)| Some((k.chars().next()?, v)))
                .collect(),
            orthographies: raw
                .orthographies
                .into_values()
                .map(|letters| {
                    let mut v: Vec<char> = letters.chars().flat_map(char::to_lowercase).collect();
                    v.sort_unstable();
                    v.dedup();
                    v
                })
                .collect(),
        })
    }

    fn allowed(&self, c: char) -> bool {
        if c.is_ascii() {
            return c.is_ascii_alphanumeric() || c == '-';
        }
        let u = c as u32;
        let within = |r: &[(u32, u32)]| r.iter().any(|&(a, b)| a <= u && u <= b);
        (Confusables::get().identifier_allowed(c) || within(&self.extra_allowed))
            && !within(&self.blocked)
    }

    /// Judges one label, already decoded to Unicode (lowercase), under a TLD
    /// given in ASCII (`com`, `xn--p1ai`) and decoded (`рф`).
    pub(crate) fn check_label(&self, label: &str, tld: &str, tld_unicode: &str) -> Option<Spoof> {
        if label.is_ascii() {
            return None;
        }
        if !label.chars().all(|c| self.allowed(c)) {
            return Some(Spoof::Unusual);
        }
        // Not a valid IDNA 2008 label, whatever decoded it: a combining
        // mark first (`̀abc`), or hyphens in the third and fourth places
        // (`ру--авто`, kept for encodings such as `xn--`).
        if label.chars().next().is_some_and(is_combining_mark)
            || label.chars().skip(2).take(2).eq("--".chars())
        {
            return Some(Spoof::Unusual);
        }
        let len = label.chars().count();
        for (chars, tlds) in &self.tld_chars {
            if len > 1
                && label.chars().any(|c| chars.contains(&c))
                && !tlds.iter().any(|t| t == tld)
            {
                return Some(Spoof::Unusual);
            }
        }
        if unsafe_middle_dot(label, tld) {
            return Some(Spoof::Unusual);
        }
        if stacked_marks(label) {
            return Some(Spoof::Invisible);
        }
        if mixed_digits(label) {
            return Some(Spoof::Digits);
        }
        let level = restriction_level(label);
        if level == RestrictionLevel::ASCIIOnly {
            return None;
        }
        let kana_exception = label
            .chars()
            .any(|c| matches!(c as u32, 0x3078..=0x307A | 0x30D8..=0x30DA | 0x30FB..=0x30FE));
        let diacritic = label.chars().any(|c| matches!(c as u32, 0x300..=0x339));
        if level == RestrictionLevel::SingleScript && !kana_exception && !diacritic {
            if self.whole_script_confusable(label, tld, tld_unicode) {
                return Some(Spoof::WholeScript);
            }
            // A script's own digits under its country's TLD are ordinary
            // (Shan digits under .mm), as its look-alike letters are.
            if self.digit_lookalike(label) && !self.native_tld(label, tld, tld_unicode) {
                return Some(Spoof::Digits);
            }
            if self.mixed_orthography(label) {
                return Some(Spoof::Orthography);
            }
            return None;
        }
        if self.digit_lookalike(label) {
            return Some(Spoof::Digits);
        }
        if level > RestrictionLevel::HighlyRestrictive {
            return Some(Spoof::Mixed);
        }
        let non_ascii_latin = label
            .chars()
            .any(|c| !c.is_ascii() && c.is_alphabetic() && c.script() == Script::Latin);
        if non_ascii_latin && level != RestrictionLevel::SingleScript {
            return Some(Spoof::Mixed);
        }
        if self.dangerous_pattern(label) {
            return Some(Spoof::Mixed);
        }
        None
    }

    /// A Latin label with a word (between hyphens) whose accented letters
    /// no one orthography of `idn.orthographies` holds all of. Real words
    /// are spelled in one language (`düsseldorf`, `kraków`, `hà-nội`); a
    /// name made to look like a plain ASCII one picks a mark from here and
    /// another from there. Words of two languages joined by a hyphen
    /// (`łódź-café`) are each judged alone. Empty data: never.
    fn mixed_orthography(&self, label: &str) -> bool {
        !self.orthographies.is_empty() && label.split('-').any(|w| self.mixed_word(w))
    }

    /// [`IdnRules::mixed_orthography`] on one word.
    fn mixed_word(&self, word: &str) -> bool {
        let mut accented = word
            .chars()
            .filter(|c| !c.is_ascii() && c.is_alphabetic())
            .peekable();
        if accented.peek().is_none() {
            return false;
        }
        let mut letters: Vec<char> = Vec::new();
        for c in accented {
            if c.script() != Script::Latin {
                return false;
            }
            if !letters.contains(&c) {
                letters.push(c);
            }
        }
        !self
            .orthographies
            .iter()
            .any(|o| letters.iter().all(|c| o.binary_search(c).is_ok()))
    }

    fn whole_script_confusable(&self, label: &str, tld: &str, tld_unicode: &str) -> bool {
        self.whole_script.iter().any(|w| {
            let mut any = false;
            for c in label.chars() {
                if c.script() == w.script {
                    if !w.lookalikes.contains(&c) {
                        return false;
                    }
                    any = true;
                }
            }
            any && !w.tlds.iter().any(|t| t == tld)
                && !tld_unicode.chars().any(|c| c.script() == w.script)
        })
    }

    /// The label's non-ASCII characters are of one script whose
    /// whole-script data lists this TLD, or the TLD is written in it.
    fn native_tld(&self, label: &str, tld: &str, tld_unicode: &str) -> bool {
        let mut scripts = label.chars().filter(|c| !c.is_ascii()).map(|c| c.script());
        let Some(script) = scripts.next() else {
            return false;
        };
        if scripts.any(|s| s != script) {
            return false;
        }
        tld_unicode.chars().any(|c| c.script() == script)
            || self
                .whole_script
                .iter()
                .any(|w| w.script == script && w.tlds.iter().any(|t| t == tld))
    }

    /// Only digits and digit look-alikes, at least one look-alike (`1շ3`,
    /// `০২`: digits of another script count as look-alikes).
    fn digit_lookalike(&self, label: &str) -> bool {
        let mut lookalike = false;
        for c in label.chars() {
            if c.is_ascii_digit() {
                continue;
            }
            if self.digit_lookalikes.contains(&c) || c.is_numeric() {
                lookalike = true;
                continue;
            }
            return false;
        }
        lookalike && label.chars().count() > 1
    }

    /// The comparison form of a name: marks removed, extra Latin letters
    /// folded (`ł`→`l`, `ø`→`o`), the UTS #39 skeleton, lowercase.
    pub(crate) fn skeleton(&self, name: &str) -> String {
        let mut out = String::with_capacity(name.len());
        self.skeleton_into(name, &mut out);
        out
    }

    /// [`IdnRules::skeleton`] appended to `out`; ASCII through a table.
    pub(crate) fn skeleton_into(&self, name: &str, out: &mut String) {
        if name.is_ascii() {
            for b in name.bytes() {
                out.push_str(&self.ascii_skeleton[usize::from(b)]);
            }
            return;
        }
        let mut folded = String::with_capacity(name.len());
        for c in name.nfd() {
            if is_combining_mark(c) {
                continue;
            }
            match self.skeleton_extra.binary_search_by_key(&c, |(k, _)| *k) {
                Ok(i) => folded.push_str(&self.skeleton_extra[i].1),
                Err(_) => folded.push(c),
            }
        }
        out.extend(tr39_skeleton(&folded).flat_map(char::to_lowercase));
    }
}

/// The UTS #39 restriction level of a label whose characters are already
/// known to be allowed (our allowed set differs from UTS #39's by data, so
/// the crate's detection, which checks its own set first, is not used).
fn restriction_level(label: &str) -> RestrictionLevel {
    if label.is_ascii() {
        return RestrictionLevel::ASCIIOnly;
    }
    let mut set = AugmentedScriptSet::default();
    let mut without_latin = AugmentedScriptSet::default();
    for c in label.chars() {
        let cs = AugmentedScriptSet::for_char(c);
        set.intersect_with(cs);
        if !cs.base.contains_script(Script::Latin) {
            without_latin.intersect_with(cs);
        }
    }
    if !set.is_empty() {
        RestrictionLevel::SingleScript
    } else if without_latin.kore || without_latin.hanb || without_latin.jpan {
        RestrictionLevel::HighlyRestrictive
    } else {
        RestrictionLevel::MinimallyRestrictive
    }
}

/// `·` is only a Catalan `l·l`, and only under .cat.
fn unsafe_middle_dot(label: &str, tld: &str) -> bool {
    let chars: Vec<char> = label.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        c == '\u{b7}'
            && (tld != "cat"
                || i == 0
                || i + 1 == chars.len()
                || chars[i - 1] != 'l'
                || chars[i + 1] != 'l')
    })
}

/// The same combining mark twice in a row after decomposition (`á́`,
/// a doubled Thai tone mark), or a zero-width joiner.
fn stacked_marks(label: &str) -> bool {
    let mut prev = None;
    for c in label.nfd() {
        if matches!(c, '\u{200c}' | '\u{200d}') {
            return true;
        }
        if is_combining_mark(c) && prev == Some(c) {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// Digits of two numbering systems (`7৪9`), or digits of another script
/// among Latin letters (`paypal٣`, `bank१`).
fn mixed_digits(label: &str) -> bool {
    let mut system = None;
    let mut foreign = false;
    let mut latin = false;
    for c in label.chars() {
        if c.is_numeric() {
            // Decimal digit runs sit in aligned blocks of 16 code points.
            let key = c as u32 >> 4;
            if system.is_some_and(|s| s != key) {
                return true;
            }
            system = Some(key);
            foreign |= !c.is_ascii_digit();
        } else if c.is_alphabetic() && c.script() == Script::Latin {
            latin = true;
        }
    }
    foreign && latin
}

/// Whether `c`'s script extensions name one of `scripts`. Characters of
/// no script in particular (digits, the hyphen, marks without an explicit
/// extension) name none: the crate's extension of Common and Inherited
/// intersects every script, while the patterns here, like ICU's
/// `\p{scx=…}`, mean the scripts a character is listed with (`ー` is
/// listed with Hiragana and Katakana, `1` with no script).
fn scx_has(c: char, scripts: &[Script]) -> bool {
    let ext = c.script_extension();
    if ext.is_common() || ext.is_inherited() {
        return false;
    }
    scripts.iter().any(|&s| ext.contains_script(s))
}

const JAPANESE: [Script; 3] = [Script::Katakana, Script::Hiragana, Script::Han];
const CJK: [Script; 4] = [
    Script::Katakana,
    Script::Hiragana,
    Script::Han,
    Script::Bopomofo,
];
const LGC: [Script; 3] = [Script::Latin, Script::Greek, Script::Cyrillic];

impl IdnRules {
    /// The patterns of step 7 (module docs).
    fn dangerous_pattern(&self, label: &str) -> bool {
        let chars: Vec<char> = label.chars().collect();
        let n = chars.len();
        for i in 0..n {
            let c = chars[i];
            let u = c as u32;
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            if self.slash_like.contains(&c)
                && prev.is_some_and(|p| !scx_has(p, &JAPANESE))
                && next.is_some_and(|x| !scx_has(x, &JAPANESE))
            {
                return true;
            }
            if matches!(u, 0x30FD | 0x30FE)
                && !prev.is_some_and(|p| scx_has(p, &[Script::Katakana]))
            {
                return true;
            }
            if u == 0x30FC
                && !prev.is_some_and(|p| scx_has(p, &[Script::Katakana, Script::Hiragana]))
            {
                return true;
            }
            if u == 0x30FB
                && (prev.is_some_and(|p| p.is_ascii_lowercase())
                    || next.is_some_and(|x| x.is_ascii_lowercase()))
            {
                return true;
            }
            if self.latin_like_cjk.contains(&c)
                && (prev.is_some_and(|p| !scx_has(p, &CJK))
                    || next.is_some_and(|x| !scx_has(x, &CJK)))
            {
                return true;
            }
            if (0x300..=0x339).contains(&u) {
                if prev.is_some_and(|p| !scx_has(p, &LGC)) {
                    return true;
                }
                if prev == Some('\u{131}') {
                    return true;
                }
            }
            // The kana voiced sound marks, in a label of more than one script
            // (google゙); in a kana label (ト゚) they never get here.
            if matches!(u, 0x3099 | 0x309A) {
                return true;
            }
            if u == 0x307 && prev.is_some_and(|p| matches!(p, 'i' | 'j' | 'l' | '\u{131}')) {
                return true;
            }
        }
        // Look-alike Hiragana へべぺ inside a label otherwise all Katakana
        // (モヒートへブン), and Katakana ヘベペ inside one otherwise all
        // Hiragana: one such letter, not first or last, every other character
        // listed with the other script (`ー` is listed with both).
        let inside = |lo: u32, hi: u32, script: Script| {
            chars.iter().enumerate().any(|(i, &c)| {
                i > 0
                    && i + 1 < n
                    && (lo..=hi).contains(&(c as u32))
                    && chars
                        .iter()
                        .enumerate()
                        .all(|(j, &o)| j == i || scx_has(o, &[script]))
            })
        };
        inside(0x3078, 0x307A, Script::Katakana) || inside(0x30D8, 0x30DA, Script::Hiragana)
    }
}

/// The shipped set of protected domains (`core/data/protected_domains.bin`):
/// 8-byte hashes of each domain's skeleton and of the domain itself, so a
/// host whose registrable domain has a protected domain's skeleton without
/// being it is caught, and no domain is stored in plaintext.
#[derive(Debug, Default)]
pub(crate) struct Protected {
    skeletons: Vec<u64>,
    exact: Vec<u64>,
}

/// Magic of the protected-domain file.
pub const PROTECTED_MAGIC: &[u8; 8] = b"FZPD\x00\x00\x00\x01";
const SEED_SKELETON: u64 = 0x5ce1;
const SEED_EXACT: u64 = 0xe7ac;

impl Protected {
    /// Parses the file: magic, two little-endian u32 counts, then the
    /// sorted skeleton hashes and the sorted exact hashes (u64 LE). `None`
    /// for a malformed file.
    pub(crate) fn from_bytes(b: &[u8]) -> Option<Protected> {
        let rest = b.strip_prefix(PROTECTED_MAGIC.as_slice())?;
        let ns = u32::from_le_bytes(rest.get(0..4)?.try_into().ok()?) as usize;
        let ne = u32::from_le_bytes(rest.get(4..8)?.try_into().ok()?) as usize;
        let body = rest.get(8..)?;
        if body.len() != (ns.checked_add(ne)?).checked_mul(8)? {
            return None;
        }
        let words: Vec<u64> = body
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
            .collect();
        let (s, e) = words.split_at(ns);
        let sorted = |v: &[u64]| v.windows(2).all(|w| w[0] <= w[1]);
        (sorted(s) && sorted(e)).then(|| Protected {
            skeletons: s.to_vec(),
            exact: e.to_vec(),
        })
    }

    /// Builds the file from domains (ASCII or Unicode, one per entry).
    pub fn build<'a>(idn: &IdnRules, domains: impl IntoIterator<Item = &'a str>) -> Vec<u8> {
        let mut s = Vec::new();
        let mut e = Vec::new();
        for d in domains {
            let d = d.trim().trim_end_matches('.').to_lowercase();
            if d.is_empty() {
                continue;
            }
            let (uni, _) = idna::domain_to_unicode(&d);
            let ascii = idna::domain_to_ascii(&uni).unwrap_or_else(|_| d.clone());
            s.push(skeleton_hash(&idn.skeleton(&uni)));
            e.push(exact_hash(&ascii));
        }
        s.sort_unstable();
        s.dedup();
        e.sort_unstable();
        e.dedup();
        let mut out = PROTECTED_MAGIC.to_vec();
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        out.extend_from_slice(&(e.len() as u32).to_le_bytes());
        for h in s.iter().chain(&e) {
            out.extend_from_slice(&h.to_le_bytes());
        }
        out
    }

    /// True when `registrable` (ASCII, punycode labels as they are) is not a
    /// protected domain but its skeleton (`skeleton`, of its Unicode form)
    /// is one's.
    pub(crate) fn imitates(&self, registrable: &str, skeleton: &str) -> bool {
        self.skeletons
            .binary_search(&skeleton_hash(skeleton))
            .is_ok()
            && self.exact.binary_search(&exact_hash(registrable)).is_err()
    }
}

impl Protected {
    /// True when `registrable` (ASCII) is itself a protected domain.
    pub(crate) fn contains(&self, registrable: &str) -> bool {
        self.exact.binary_search(&exact_hash(registrable)).is_ok()
    }
}

fn skeleton_hash(s: &str) -> u64 {
    xxh3_64_with_seed(s.as_bytes(), SEED_SKELETON)
}

fn exact_hash(s: &str) -> u64 {
    xxh3_64_with_seed(s.as_bytes(), SEED_EXACT)
}

#[cfg(test)]
mod skeleton_tests {
    use super::{tr39_skeleton, Confusables, PACKED_CONFUSABLES};

    /// The packed tables unpack whole; cut or damaged, they are refused or
    /// read without a panic.
    #[test]
    fn packed_confusables_read_and_damage_is_harmless() {
        let bytes = crate::model::decompress(PACKED_CONFUSABLES).expect("unpacks");
        let t = Confusables::read(&bytes).expect("reads");
        assert!(t.keys.len() > 6_000 && t.keys.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(t.ends.len(), t.keys.len());
        assert_eq!(t.prototype('а'), Some("a"));
        assert_eq!(t.prototype('a'), None);
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(
                t.identifier_allowed(c),
                unicode_security::GeneralSecurityProfile::identifier_allowed(c),
                "{c:?}"
            );
        }
        for cut in [0, 1, 2, 100, bytes.len() / 2, bytes.len() - 1] {
            assert!(Confusables::read(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut bad = bytes.clone();
        for i in (0..bad.len()).step_by(97) {
            bad[i] ^= 0xA5;
            if let Some(t) = Confusables::read(&bad) {
                for c in ['a', 'а', '\u{10FFFF}'] {
                    let _ = (t.prototype(c), t.identifier_allowed(c));
                }
            }
        }
        assert!(Confusables::read(&[0xFF; 8]).is_none());
    }

    /// Our tables give unicode-security's skeleton for every code point,
    /// and for strings mixing confusables, marks that reorder under NFD,
    /// precomposed letters and default-ignorable code points.
    #[test]
    fn same_skeleton_as_unicode_security_on_every_code_point() {
        let mut differ = Vec::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.to_string();
            if !tr39_skeleton(&s).eq(unicode_security::skeleton(&s)) {
                differ.push(c);
            }
        }
        assert!(
            differ.is_empty(),
            "{} differ, first {:?}",
            differ.len(),
            &differ[..differ.len().min(8)]
        );
        for s in [
            "pаypal.com",
            "ｍiсrosoft",
            "rn\u{301}\u{323}ℓ",
            "a\u{200b}\u{ad}b\u{fe0f}",
            "Å\u{30a}ǅ㎒ﬁ",
            "οο\u{300}\u{31b}",
            "工商银行\u{2f00}",
            "",
        ] {
            assert_eq!(
                tr39_skeleton(s).collect::<String>(),
                unicode_security::skeleton(s).collect::<String>(),
                "{s:?}"
            );
        }
    }
}
