//! Links that carry another address (an open redirector on an official
//! site): the official site's standing must not vouch for the destination,
//! and a risky destination makes the link risky.

use fanzha_core::{Guard, Level, Settings};

fn level(guard: &Guard, url: &str) -> (Level, Vec<String>) {
    let v = guard.check_link(url).expect("a verdict");
    (v.level, v.reasons.iter().map(|r| r.code.clone()).collect())
}

#[test]
fn an_official_redirector_does_not_vouch_for_where_it_sends() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    // The redirector's own page is the official site.
    assert_eq!(
        level(&guard, "https://www.google.com/search?q=cats").0,
        Level::Trusted
    );
    // Carrying a phishing-shaped address: the destination decides.
    for url in [
        "https://www.google.com/url?q=https://paypal-secure-login-verify.top/signin&sa=D",
        "https://www.baidu.com/link?url=https%3A%2F%2Ficbc-verify.cn%2Flogin",
        // Through its own redirector first.
        "https://www.google.com/url?q=https://www.google.com/url?q=https://evil-login-paypal.xyz",
    ] {
        let (l, codes) = level(&guard, url);
        assert!(l >= Level::Suspicious, "{url}: {l:?} {codes:?}");
        assert!(
            codes.iter().any(|c| c == "link.redirect_target"),
            "{url}: {codes:?}"
        );
        assert!(
            !codes.iter().any(|c| c == "link.official"),
            "{url}: {codes:?}"
        );
    }
    // Carrying an ordinary address: not trusted any more, not flagged.
    let (l, codes) = level(
        &guard,
        "https://www.google.com/url?q=https://www.bbc.co.uk/news",
    );
    assert!(
        l < Level::Suspicious && l != Level::Trusted,
        "{l:?} {codes:?}"
    );
    assert!(codes.iter().any(|c| c == "link.redirect"), "{codes:?}");
    // Through its own redirector a few times: still followed to the end.
    let nest = |n: usize| {
        let mut url = "https://evil-login-paypal.xyz/".to_string();
        for _ in 0..n {
            url = format!("https://www.google.com/url?q={url}");
        }
        url
    };
    assert!(level(&guard, &nest(5)).0 >= Level::Suspicious);
    // Nested thousands of times: bounded work, and never trusted.
    assert_ne!(level(&guard, &nest(2000)).0, Level::Trusted);
}
