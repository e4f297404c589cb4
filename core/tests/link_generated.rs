//! Label tokens a hosting platform generates (a CloudFront distribution
//! name, a Netlify deploy permalink) are random by construction and are not
//! evidence of a throwaway host; the same shapes elsewhere still are.

use fanzha_core::{Guard, Level, Settings};

fn codes(guard: &Guard, url: &str) -> (Level, Vec<String>) {
    let v = guard.check_link(url).expect("a verdict");
    (v.level, v.reasons.iter().map(|r| r.code.clone()).collect())
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
        let (l, c) = codes(&guard, url);
        assert!(l < Level::Suspicious, "{url}: {l:?} {c:?}");
        assert!(!c.iter().any(|c| c == "link.random_label" || c == "link.digit_run"), "{url}: {c:?}");
    }
    // The same tokens on another platform, or storage default names that
    // phishing uses, still read as random.
    for url in [
        "https://080f13a4b386e9f96dc7765f--electron.vercel.app/",
        "https://pub-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d.r2.dev/login.html",
    ] {
        let (_, c) = codes(&guard, url);
        assert!(c.iter().any(|c| c == "link.random_label"), "{url}: {c:?}");
    }
    // A brand and lure words on a deploy preview are still judged.
    let (l, _) = codes(&guard, "https://0123456789abcdef01234567--paypal-verify-login.netlify.app");
    assert!(l >= Level::Suspicious);
}
