//! Writes `data/public_suffix_list.dat` (the official file's format, without
//! its comments) from a flat list of rules, one per line — such as the
//! `data/rules.txt` the psl crate ships — putting each rule in the ICANN or
//! the private section as the psl crate classifies it. Used once to seed the
//! data; to update, drop in the official `public_suffix_list.dat` (its
//! comments are skipped by the parser) instead.
//!
//! Usage: `cargo run -p fanzha-psl --example generate -- RULES_TXT OUT_DAT`

use psl_upstream::Type;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [rules, out] = args.as_slice() else {
        eprintln!("usage: generate RULES_TXT OUT_DAT");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(rules).expect("read the rules");
    let (mut icann, mut private) = (Vec::new(), Vec::new());
    let mut all: Vec<String> = Vec::new();
    for rule in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
    {
        all.push(rule.to_string());
        // The xn-- form of a Unicode rule (the official list has only the
        // Unicode one; hosts arrive in either form).
        if !rule.is_ascii() {
            let (prefix, body) = match rule.strip_prefix("*.") {
                Some(b) => ("*.", b),
                None => match rule.strip_prefix('!') {
                    Some(b) => ("!", b),
                    None => ("", rule),
                },
            };
            let ascii = idna::domain_to_ascii(body).expect("a valid IDN rule");
            all.push(format!("{prefix}{ascii}"));
        }
    }
    for rule in all.iter().map(String::as_str) {
        let probe = if let Some(body) = rule.strip_prefix("*.") {
            format!("zz-probe.{body}")
        } else if let Some(body) = rule.strip_prefix('!') {
            body.to_string()
        } else {
            rule.to_string()
        };
        let typ = psl_upstream::suffix(probe.as_bytes()).and_then(|s| s.typ());
        match typ {
            Some(Type::Private) => private.push(rule),
            Some(Type::Icann) => icann.push(rule),
            None => panic!("the psl crate does not know its own rule {rule}"),
        }
    }
    let mut dat = String::new();
    dat.push_str("// The Public Suffix List (https://publicsuffix.org/), MPL-2.0, without its\n");
    dat.push_str(
        "// comments: the rules of the psl crate 2.1.247, sectioned as it classifies them.\n",
    );
    dat.push_str("// ===BEGIN ICANN DOMAINS===\n");
    for r in &icann {
        dat.push_str(r);
        dat.push('\n');
    }
    dat.push_str("// ===END ICANN DOMAINS===\n// ===BEGIN PRIVATE DOMAINS===\n");
    for r in &private {
        dat.push_str(r);
        dat.push('\n');
    }
    dat.push_str("// ===END PRIVATE DOMAINS===\n");
    std::fs::write(out, dat).expect("write the list");
    eprintln!(
        "{} ICANN rules, {} private rules",
        icann.len(),
        private.len()
    );
}
