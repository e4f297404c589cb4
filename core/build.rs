//! Packs the embedded models (`data/models/*.fzml`) and the rules' JSON
//! into the build with `src/model/pack.rs`: the models' rows entropy-coded,
//! the JSON LZ-compressed; each unpacked once per process back to the same
//! bytes. Fails the build if one does not unpack to its file byte for byte.

#[path = "src/model/pack.rs"]
mod pack;

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in ["message", "link"] {
        let src = format!("data/models/{name}.fzml");
        println!("cargo:rerun-if-changed={src}");
        let file = std::fs::read(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let packed = pack::pack(&file).unwrap_or_else(|| panic!("{src} is not a model file"));
        assert!(
            pack::unpack(&packed).as_deref() == Some(file.as_slice()),
            "{src} does not unpack to the same bytes"
        );
        std::fs::write(out.join(format!("{name}.fzml.z")), packed)
            .unwrap_or_else(|e| panic!("writing the packed {name} model: {e}"));
    }
    // The rules' JSON, LZ-compressed (`pack::compress`); read through
    // `model::PackedText`.
    std::fs::create_dir_all(out.join("texts")).expect("OUT_DIR is writable");
    for name in [
        "links",
        "patterns",
        "conversation",
        "numbers",
        "payments",
        "texts/common",
        "texts/number",
        "texts/link",
        "texts/message",
        "texts/payment",
        "texts/store",
    ] {
        let src = format!("data/{name}.json");
        println!("cargo:rerun-if-changed={src}");
        let mut file = std::fs::read(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        if name == "links" {
            // The link rules read no `_…` key: their notes stay in the
            // file, not in the library (about 5 KB packed).
            file = without_notes(&file).unwrap_or_else(|| panic!("{src} is not JSON"));
        }
        let packed = pack::compress(&file);
        assert!(
            pack::decompress(&packed).as_deref() == Some(file.as_slice()),
            "{src} does not decompress to the same bytes"
        );
        std::fs::write(out.join(format!("{name}.json.z")), packed)
            .unwrap_or_else(|e| panic!("writing the packed {name}.json: {e}"));
    }
    confusables(&out);
    println!("cargo:rerun-if-changed=src/model/pack.rs");
    println!("cargo:rerun-if-changed=build.rs");
}

/// The TR39 confusable prototypes as compact tables (`confusables.rs`,
/// included by `src/link/spoof.rs`): for every code point that NFD leaves
/// as itself, the skeleton of that code point alone, when it differs from
/// the code point; the default-ignorable ones (empty skeleton) as ranges. `tr39_skeleton` maps
/// each code point of a string's NFD through this table and normalizes the
/// result again, which gives unicode-security's skeleton (NFD of the
/// concatenation is the NFD of the pieces' NFDs); a test compares the two
/// on every code point. The sorted code points, their skeletons' lengths
/// and the skeletons are packed into `confusables.z`; the ignorable ranges
/// go into `confusables.rs`.
fn confusables(out: &std::path::Path) {
    use unicode_normalization::UnicodeNormalization;
    let mut keys = Vec::new();
    let mut ends = Vec::new();
    let mut text = String::new();
    let mut ignorable: Vec<(u32, u32)> = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let alone = c.to_string();
        if !alone.nfd().eq(alone.chars()) {
            continue;
        }
        let skel: String = unicode_security::skeleton(&alone).collect();
        if skel == alone {
            continue;
        }
        if skel.is_empty() {
            match ignorable.last_mut() {
                Some((_, last)) if *last + 1 == u32::from(c) => *last = u32::from(c),
                _ => ignorable.push((u32::from(c), u32::from(c))),
            }
            continue;
        }
        text.push_str(&skel);
        keys.push(u32::from(c));
        ends.push(u16::try_from(text.len()).expect("confusable skeletons fit in 64 KB"));
    }
    // One byte string, LZ-compressed like the rules' JSON (`pack::compress`),
    // read once by `link::spoof`: the number of code points, each code
    // point's distance to the one before (a varint), each skeleton's length
    // in bytes, the identifier-allowed ranges, then the skeletons' UTF-8.
    let mut blob = Vec::new();
    let varint = |out: &mut Vec<u8>, mut v: u32| loop {
        if v < 0x80 {
            out.push(v as u8);
            break;
        }
        out.push((v & 0x7F) as u8 | 0x80);
        v >>= 7;
    };
    varint(
        &mut blob,
        u32::try_from(keys.len()).expect("fewer than 2^32"),
    );
    let mut last = 0;
    for &k in &keys {
        varint(&mut blob, k - last);
        last = k;
    }
    let mut start = 0;
    for &end in &ends {
        blob.push(u8::try_from(end - start).expect("a skeleton is shorter than 256 bytes"));
        start = end;
    }
    // UTS #39's identifier status "Allowed" as ranges: each range's distance
    // from the end of the one before and its length (varints).
    let mut allowed: Vec<(u32, u32)> = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if !unicode_security::GeneralSecurityProfile::identifier_allowed(c) {
            continue;
        }
        match allowed.last_mut() {
            Some((_, last)) if *last + 1 == u32::from(c) => *last = u32::from(c),
            _ => allowed.push((u32::from(c), u32::from(c))),
        }
    }
    varint(
        &mut blob,
        u32::try_from(allowed.len()).expect("fewer than 2^32"),
    );
    let mut last = 0;
    for &(start, end) in &allowed {
        varint(&mut blob, start - last);
        varint(&mut blob, end - start);
        last = end;
    }
    blob.extend_from_slice(text.as_bytes());
    let packed = pack::compress(&blob);
    assert!(
        pack::decompress(&packed).as_deref() == Some(blob.as_slice()),
        "the confusables do not decompress to the same bytes"
    );
    std::fs::write(out.join("confusables.z"), packed).expect("writing confusables.z");
    let rs = format!(
        "/// Ranges of code points whose skeleton is empty (default ignorable).\n\
         static IGNORABLE: [(u32, u32); {m}] = {ignorable:?};\n",
        m = ignorable.len(),
    );
    std::fs::write(out.join("confusables.rs"), rs).expect("writing confusables.rs");
}

/// `json` without whitespace between tokens and without the object members
/// whose key starts with `_` (the files' notes), everything else in its
/// order and byte for byte; `None` when `json` is not one JSON value.
fn without_notes(json: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(json.len());
    let mut i = 0;
    value(json, &mut i, &mut out, true, 0)?;
    skip_ws(json, &mut i);
    (i == json.len()).then_some(out)
}

fn skip_ws(s: &[u8], i: &mut usize) {
    while *i < s.len() && matches!(s[*i], b' ' | b'\t' | b'\n' | b'\r') {
        *i += 1;
    }
}

/// One JSON value from `s[*i..]`, copied to `out` when `emit`.
fn value(s: &[u8], i: &mut usize, out: &mut Vec<u8>, emit: bool, depth: usize) -> Option<()> {
    if depth > 64 {
        return None;
    }
    skip_ws(s, i);
    let put = |out: &mut Vec<u8>, b: &[u8]| {
        if emit {
            out.extend_from_slice(b);
        }
    };
    match *s.get(*i)? {
        b'{' => {
            *i += 1;
            put(out, b"{");
            let mut first = true;
            loop {
                skip_ws(s, i);
                if *s.get(*i)? == b'}' && first {
                    *i += 1;
                    break;
                }
                let start = *i;
                string(s, i)?;
                let key = &s[start..*i];
                skip_ws(s, i);
                (*s.get(*i)? == b':').then_some(())?;
                *i += 1;
                let keep = !key.starts_with(b"\"_");
                if keep {
                    if !first {
                        put(out, b",");
                    }
                    put(out, key);
                    put(out, b":");
                    first = false;
                }
                value(s, i, out, emit && keep, depth + 1)?;
                skip_ws(s, i);
                match *s.get(*i)? {
                    b',' => *i += 1,
                    b'}' => {
                        *i += 1;
                        break;
                    }
                    _ => return None,
                }
            }
            put(out, b"}");
        }
        b'[' => {
            *i += 1;
            put(out, b"[");
            skip_ws(s, i);
            if *s.get(*i)? == b']' {
                *i += 1;
            } else {
                loop {
                    value(s, i, out, emit, depth + 1)?;
                    skip_ws(s, i);
                    match *s.get(*i)? {
                        b',' => {
                            *i += 1;
                            put(out, b",");
                        }
                        b']' => {
                            *i += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
            }
            put(out, b"]");
        }
        b'"' => {
            let start = *i;
            string(s, i)?;
            put(out, &s[start..*i]);
        }
        _ => {
            let start = *i;
            while *i < s.len()
                && !matches!(s[*i], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
            {
                *i += 1;
            }
            (*i > start).then_some(())?;
            put(out, &s[start..*i]);
        }
    }
    Some(())
}

/// Moves past one JSON string (its quotes included).
fn string(s: &[u8], i: &mut usize) -> Option<()> {
    (*s.get(*i)? == b'"').then_some(())?;
    *i += 1;
    loop {
        match *s.get(*i)? {
            b'\\' => *i += 2,
            b'"' => {
                *i += 1;
                return Some(());
            }
            _ => *i += 1,
        }
    }
}
