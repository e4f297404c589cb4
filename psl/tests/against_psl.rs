//! Differential test: every rule of the list, names built around each rule
//! (one and two labels more, wildcards filled, exceptions), edge cases and
//! pseudo-random names give the same suffix, section and registrable domain
//! here as in the psl crate (generated code from the same list).

/// The psl crate's generated code drops a wildcard when the same parent
/// has deeper rules too (`*.futurecms.at` beside `*.ex.futurecms.at`: it
/// reads `ex.futurecms.at` as under `at`); the list's algorithm, which this
/// crate follows, makes `ex.futurecms.at` the suffix. True when `ours`
/// (longer than theirs) is such a wildcard match.
fn known_divergence(ours: &[u8], theirs: &[u8]) -> bool {
    let dat = include_str!("../data/public_suffix_list.dat");
    let ours = std::str::from_utf8(ours)
        .unwrap_or("")
        .trim_end_matches('.');
    let Some((_, parent)) = ours.split_once('.') else {
        return false;
    };
    ours.len() > theirs.len()
        && dat.lines().any(|l| l == format!("*.{parent}"))
        && dat
            .lines()
            .any(|l| l.ends_with(&format!(".{ours}")) || l == ours)
}

fn same(name: &[u8]) {
    let ours = fanzha_psl::suffix(name).map(|s| (s.as_bytes(), s.typ(), s.is_fqdn()));
    let theirs = psl_upstream::suffix(name).map(|s| {
        (
            s.as_bytes(),
            s.typ().map(|t| match t {
                psl_upstream::Type::Icann => fanzha_psl::Type::Icann,
                psl_upstream::Type::Private => fanzha_psl::Type::Private,
            }),
            s.is_fqdn(),
        )
    });
    if let (Some(o), Some(t)) = (ours, theirs) {
        if o != t && known_divergence(o.0, t.0) {
            return;
        }
    }
    assert_eq!(
        ours,
        theirs,
        "suffix of {:?}",
        String::from_utf8_lossy(name)
    );
    let ours = fanzha_psl::domain(name).map(|d| d.as_bytes());
    let theirs = psl_upstream::domain(name).map(|d| d.as_bytes());
    assert_eq!(
        ours,
        theirs,
        "domain of {:?}",
        String::from_utf8_lossy(name)
    );
}

#[test]
fn every_rule_and_names_around_it() {
    let dat = include_str!("../data/public_suffix_list.dat");
    let mut n = 0;
    for rule in dat
        .lines()
        .filter(|l| !l.starts_with("//") && !l.is_empty())
    {
        let body = rule.trim_start_matches("*.").trim_start_matches('!');
        for name in [
            body.to_string(),
            format!("x.{body}"),
            format!("www.shop.{body}"),
            format!("a-b.c.d.{body}"),
            format!("{body}."),
            format!("x.{body}."),
            format!(".{body}"),
            format!("x..{body}"),
        ] {
            same(name.as_bytes());
            n += 1;
        }
        // The parent of the rule (may be a suffix, a wildcard's base …).
        if let Some((_, parent)) = body.split_once('.') {
            same(parent.as_bytes());
            same(format!("zz.{parent}").as_bytes());
        }
    }
    assert!(n > 80_000, "only {n} names");
}

#[test]
fn edge_cases_and_random_names() {
    for name in [
        "",
        ".",
        "..",
        "com",
        "com.",
        ".com",
        "a.",
        "example",
        "EXAMPLE.COM",
        "www.ck",
        "a.www.ck",
        "b.c.ck",
        "ck",
        "a.b.c.d.e.f.g.h.i.j.k.example.co.uk",
        "localhost",
        "1.2.3.4",
        "xn--p1ai",
        "пример.рф",
        "a.xn--p1ai",
        "x.pages.dev",
        "pages.dev",
        "a.b.kunden.ortsinfo.at",
        "kunden.ortsinfo.at",
        "x.kunden.ortsinfo.at",
    ] {
        same(name.as_bytes());
    }
    let long = format!("{}.com", "a".repeat(300));
    same(long.as_bytes());
    let long_label_under_wildcard = format!("{}.ck", "b".repeat(300));
    same(long_label_under_wildcard.as_bytes());
    // Pseudo-random names over a small alphabet with many dots.
    let alphabet = b"abcok.-";
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..200_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let len = (x % 12) as usize;
        let mut name: Vec<u8> = (0..len)
            .map(|i| alphabet[((x >> (i * 3 + 8)) % alphabet.len() as u64) as usize])
            .collect();
        let tails: [&[u8]; 6] = [b".com", b".co.uk", b".ck", b".github.io", b".cn", b""];
        name.extend_from_slice(tails[((x >> 60) % 6) as usize]);
        same(&name);
    }
}
