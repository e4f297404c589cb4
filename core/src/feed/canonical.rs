//! Canonical values: the exact strings a feed hashes, which must be the exact
//! strings the checks look up. A publisher's CSV says `138 0013 8000`; the
//! number check looks up `+8613800138000`; both hash the latter.
//!
//! - Numbers: [`crate::number::parse`]'s `normalized` (E.164, or a service
//!   number as dialled), read in the publisher's region.
//! - URLs: the most specific Safe Browsing lookup expression of the URL
//!   (`host/path?query`, or `host/` for a bare host), which is one of the
//!   expressions the link check looks up for any URL under it.
//! - Accounts: the payment check's normalized account
//!   ([`crate::payment::normalize_account`]): separators removed, upper
//!   case, unambiguous phone numbers in E.164 — the same whatever the
//!   account's kind.

use crate::error::{Error, Result};
use crate::number::{NumberRules, Parsed};
use crate::verdict::Kind;

/// The canonical form of a phone number written any way `number::parse`
/// accepts, read in `region`. Withheld markers are not numbers.
pub fn number(rules: &NumberRules, region: &str, value: &str) -> Result<String> {
    match crate::number::parse(rules, region, value)? {
        Parsed::Number(p) => Ok(p.normalized),
        Parsed::Withheld => Err(Error::input(
            Kind::Number,
            "a withheld-number marker is not a number",
        )),
    }
}

/// The lookup expression a blocklisted URL (or bare host) is stored under:
/// the first, most specific of [`crate::link::expressions()`] of
/// [`crate::link::canonicalize`] — `host/path?query` as the Safe Browsing
/// canonicalizer writes it. A bare host gives `host/`, which the link check
/// looks up for every URL on that host and its subdomains; a path gives
/// that exact page (or, ending in `/`, everything under it).
pub fn url_expression(value: &str) -> Result<String> {
    let canon = crate::link::canonicalize(value.trim())?;
    crate::link::expressions(&canon)
        .into_iter()
        .next()
        .ok_or_else(|| Error::input(Kind::Link, "no lookup expression"))
}

/// The canonical form of a payee account: exactly what the payment check
/// looks up ([`crate::payment::normalize_account`]), phone-number accounts
/// read in `region`. The same whatever the account's kind (card, IBAN,
/// Alipay …): the payment check keys an account the same way whatever kind
/// the bank app gives it.
pub fn account(numbers: &NumberRules, region: &str, value: &str) -> Result<String> {
    crate::payment::normalize_account(numbers, region, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocklist::{ListEntry, ListKind, MemoryIndex};
    use crate::snapshot::{RuleSources, Snapshot};
    use crate::{FraudType, Guard, Level, NumberContext, Settings};
    use std::sync::Arc;

    fn entry() -> ListEntry {
        ListEntry {
            category: "fraud".into(),
            fraud_type: FraudType::Phishing,
            severity: 90,
            reports: 3,
            label: "test".into(),
            confirmed: false,
            match_bits: 0,
        }
    }

    fn guard_with(kind: ListKind, canonical: &[String]) -> Guard {
        let mut index = MemoryIndex::new();
        for c in canonical {
            index.insert(kind, c, entry());
        }
        let snap =
            Snapshot::build(&RuleSources::default(), Arc::new(index), "test".into()).unwrap();
        Guard::with_snapshot(Settings::default(), snap).unwrap()
    }

    #[test]
    fn numbers_are_hashed_as_the_number_check_looks_them_up() {
        let rules = NumberRules::from_json(crate::number::EMBEDDED).unwrap();
        let written = [
            "138 0013 8000",
            "+86 138-0013-8000",
            "0086 13800138000",
            "１３８００１３８０００",
        ];
        let canon: Vec<String> = written
            .iter()
            .map(|w| number(&rules, "CN", w).unwrap())
            .collect();
        assert!(canon.iter().all(|c| c == "+8613800138000"), "{canon:?}");
        let guard = guard_with(ListKind::Number, &canon[..1]);
        for w in written {
            let v = guard.check_number(w, &NumberContext::default()).unwrap();
            assert_eq!(v.level, Level::Dangerous, "{w}");
            assert!(v.has_reason("number.blocklisted"));
        }
        assert!(number(&rules, "CN", "Private").is_err());
        assert!(number(&rules, "CN", "not a number").is_err());
    }

    #[test]
    fn url_expressions() {
        assert_eq!(url_expression("evil.example").unwrap(), "evil.example/");
        assert_eq!(
            url_expression("HTTP://Evil.Example./a/../b?x=1#frag").unwrap(),
            "evil.example/b?x=1"
        );
        assert_eq!(
            url_expression("https://evil.example/login.html").unwrap(),
            "evil.example/login.html"
        );
        assert!(url_expression("").is_err());
        assert!(url_expression("http://").is_err());
    }

    /// Catches a mismatch between the feed's URL expressions and the link
    /// check's lookups.
    #[test]
    fn url_entries_hit_the_link_check() {
        let cases = [
            (
                "evil.example",
                vec![
                    "http://evil.example/",
                    "https://EVIL.example/any/page?q=1",
                    "http://a.b.evil.example/x",
                ],
            ),
            (
                "http://host.example/phish/login.html",
                vec![
                    "http://host.example/phish/login.html",
                    "HOST.example/phish/%6cogin.html#x",
                    "http://host.example/phish/login.html?session=1",
                ],
            ),
            (
                "host.example/kit/",
                vec!["http://host.example/kit/a/b/c.php"],
            ),
            (
                "195.127.0.11",
                vec!["http://3279880203/", "http://0xc37f000b/x"],
            ),
        ];
        for (listed, urls) in cases {
            let guard = guard_with(ListKind::Url, &[url_expression(listed).unwrap()]);
            for u in urls {
                let v = guard.check_link(u).unwrap();
                assert_eq!(
                    v.level,
                    Level::Dangerous,
                    "{listed} should match {u}: {v:?}"
                );
                assert!(v.has_reason("link.blocklisted"), "{u}: {v:?}");
            }
        }
    }

    #[test]
    fn accounts_are_hashed_as_the_payment_check_looks_them_up() {
        use crate::payment::{AccountKind, PaymentIntent};
        let rules = NumberRules::from_json(crate::number::EMBEDDED).unwrap();
        let cases = [
            ("6222 0212-3456 7890 128", AccountKind::Card),
            ("gb82 west 1234 5698 7654 32", AccountKind::Iban),
            ("Scammer@Example.com", AccountKind::Alipay),
            ("138 0013 8000", AccountKind::Phone),
            ("wxid_Abc123", AccountKind::Wechat),
            ("SAFE-ACCOUNT-7", AccountKind::Other),
        ];
        for (written, kind) in cases {
            let canon = account(&rules, "CN", written).unwrap();
            let guard = guard_with(ListKind::Account, &[canon]);
            let intent = PaymentIntent::new(written, kind, 10_000, "CNY");
            let v = guard.check_payment(&intent).unwrap();
            assert!(v.has_reason("payment.blocklisted"), "{written}: {v:?}");
        }
        assert!(account(&rules, "CN", " - ").is_err());
    }
}
