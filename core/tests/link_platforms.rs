//! What a link's host and address say about who stands behind it:
//! - an address carried inside a link (an open redirector on an official
//!   site): the official site's standing must not vouch for the
//!   destination, and a risky destination makes the link risky;
//! - label tokens a hosting platform generates (a CloudFront distribution
//!   name, a Netlify deploy permalink) are random by construction and are
//!   not evidence of a throwaway host; the same shapes elsewhere still are.

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

#[test]
fn platform_generated_tokens_are_not_random_labels() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    for url in [
        "https://d684qscv747mom.cloudfront.net/contact",
        "https://080f13a4b386e9f96dc7765f--electron.netlify.app/projects/",
        "https://ad42364ec2957465f6c28c00--age.netlify.app/contact",
        "https://ab12cd34.myproject.pages.dev/",
    ] {
        let (l, c) = level(&guard, url);
        assert!(l < Level::Suspicious, "{url}: {l:?} {c:?}");
        assert!(
            !c.iter()
                .any(|c| c == "link.random_label" || c == "link.digit_run"),
            "{url}: {c:?}"
        );
    }
    // The same tokens on another platform, or storage default names that
    // phishing uses, still read as random.
    for url in [
        "https://080f13a4b386e9f96dc7765f--electron.vercel.app/",
        "https://pub-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d.r2.dev/login.html",
    ] {
        let (_, c) = level(&guard, url);
        assert!(c.iter().any(|c| c == "link.random_label"), "{url}: {c:?}");
    }
    // A brand and lure words on a deploy preview are still judged.
    let (l, _) = level(
        &guard,
        "https://0123456789abcdef01234567--paypal-verify-login.netlify.app",
    );
    assert!(l >= Level::Suspicious);
}

#[test]
fn a_library_named_after_a_service_is_not_a_brand_lure() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    for url in [
        "https://google-auth-library-python.readthedocs.io/",
        "https://python-binance.readthedocs.io/",
        "https://paypal-checkout-sdk.netlify.app",
        "https://login-with-amazon-docs.pages.dev",
        "https://microsoft-authentication-library-for-js.vercel.app",
    ] {
        let (l, c) = level(&guard, url);
        assert!(l < Level::Suspicious, "{url}: {l:?} {c:?}");
    }
    // Without a software word, or with a typo of the brand, still judged.
    for url in [
        "https://paypal-login-verify.netlify.app",
        "https://chase-secure-login.web.app",
        "https://paypa1-sdk.netlify.app",
    ] {
        let (l, c) = level(&guard, url);
        assert!(l >= Level::Suspicious, "{url}: {l:?} {c:?}");
    }
}

/// A quick tunnel (`tunnel_hosts`) is weak evidence alone, enough with
/// any other signal; the tunnel service's own site and dynamic-DNS names
/// are not judged by it.
#[test]
fn a_quick_tunnel_counts_with_other_evidence_only() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    let tunnel = |codes: &[String]| codes.iter().any(|c| c == "link.tunnel_host");
    // Alone: noted, not flagged.
    for url in [
        "https://plain.trycloudflare.com/",
        "https://demo.loca.lt/",
        "https://preview.ngrok.app/",
    ] {
        let (l, codes) = level(&guard, url);
        assert!(tunnel(&codes), "{url}: {codes:?}");
        assert!(l < Level::Suspicious, "{url}: {l:?} {codes:?}");
    }
    // With a brand, a lure word or a digit run: flagged.
    for url in [
        "https://usps-4p3bia.trycloudflare.com/",
        "https://validate-scb.ngrok-free.app/secure/",
        "https://0b088570-6210.ngrok-free.app/mypage",
        "https://wallet-verify.serveo.net/",
    ] {
        let (l, codes) = level(&guard, url);
        assert!(tunnel(&codes), "{url}: {codes:?}");
        assert!(l >= Level::Suspicious, "{url}: {l:?} {codes:?}");
        assert!(
            !codes.iter().any(|c| c == "link.shared_hosting_combo")
                || codes
                    .iter()
                    .filter(|c| !matches!(
                        c.as_str(),
                        "link.tunnel_host"
                            | "link.brand_on_shared_hosting"
                            | "link.lure_words"
                            | "link.shared_hosting_combo"
                    ))
                    .count()
                    > 0,
            "the tunnel alone does not make a hosting combo: {url}: {codes:?}"
        );
    }
    // The services' own sites, and a dynamic-DNS name: not a tunnel.
    for url in [
        "https://ngrok.com/docs",
        "https://trycloudflare.com/",
        "https://myhome.duckdns.org/",
    ] {
        let (_, codes) = level(&guard, url);
        assert!(!tunnel(&codes), "{url}: {codes:?}");
    }
}

/// A documentation build service's site is a software project's docs
/// (`docs_hosts`): a brand and auth or login words in its name are the
/// project's subject. Look-alikes of a brand still count there, and the
/// same name on a code-hosting platform that serves any page is still
/// judged.
#[test]
fn a_docs_sites_name_is_a_projects_name() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    for url in [
        "https://google-auth.readthedocs.io/",
        "https://paypal-login.readthedocs.io/en/latest/",
        "https://msal-python.readthedocs.io/",
    ] {
        let (l, codes) = level(&guard, url);
        assert!(l < Level::Suspicious, "{url}: {l:?} {codes:?}");
    }
    for url in [
        "https://paypa1-login.readthedocs.io/",
        "https://paypal-login.github.io/",
    ] {
        let (l, codes) = level(&guard, url);
        assert!(l >= Level::Suspicious, "{url}: {l:?} {codes:?}");
    }
}
