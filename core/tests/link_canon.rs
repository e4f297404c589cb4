//! Safe Browsing canonicalization and lookup expressions: every example of
//! the Update API v4 "URLs and Hashing" document, plus hostile input.

use fanzha_core::link::{canonicalize, canonicalize_bytes, expressions, HostKind};
use proptest::prelude::*;

fn canon(url: &str) -> String {
    canonicalize(url)
        .unwrap_or_else(|e| panic!("{url:?}: {e}"))
        .url()
}

#[test]
fn safe_browsing_document_examples() {
    let cases: &[(&str, &str)] = &[
        ("http://host/%25%32%35", "http://host/%25"),
        ("http://host/%25%32%35%25%32%35", "http://host/%25%25"),
        ("http://host/%2525252525252525", "http://host/%25"),
        ("http://host/asdf%25%32%35asd", "http://host/asdf%25asd"),
        ("http://host/%%%25%32%35asd%%", "http://host/%25%25%25asd%25%25"),
        ("http://www.google.com/", "http://www.google.com/"),
        (
            "http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/",
            "http://168.188.99.26/.secure/www.ebay.com/",
        ),
        (
            "http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/",
            "http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/",
        ),
        (
            "http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B",
            "http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+",
        ),
        ("http://3279880203/blah", "http://195.127.0.11/blah"),
        ("http://www.google.com/blah/..", "http://www.google.com/"),
        ("www.google.com/", "http://www.google.com/"),
        ("www.google.com", "http://www.google.com/"),
        ("http://www.evil.com/blah#frag", "http://www.evil.com/blah"),
        ("http://www.GOOgle.com/", "http://www.google.com/"),
        ("http://www.google.com.../", "http://www.google.com/"),
        ("http://www.google.com/foo\tbar\rbaz\n2", "http://www.google.com/foobarbaz2"),
        ("http://www.google.com/q?", "http://www.google.com/q?"),
        ("http://www.google.com/q?r?", "http://www.google.com/q?r?"),
        ("http://www.google.com/q?r?s", "http://www.google.com/q?r?s"),
        ("http://evil.com/foo#bar#baz", "http://evil.com/foo"),
        ("http://evil.com/foo;", "http://evil.com/foo;"),
        ("http://evil.com/foo?bar;", "http://evil.com/foo?bar;"),
        ("http://notrailingslash.com", "http://notrailingslash.com/"),
        ("http://www.gotaport.com:1234/", "http://www.gotaport.com/"),
        ("  http://www.google.com/  ", "http://www.google.com/"),
        ("http:// leadingspace.com/", "http://%20leadingspace.com/"),
        ("http://%20leadingspace.com/", "http://%20leadingspace.com/"),
        ("%20leadingspace.com/", "http://%20leadingspace.com/"),
        ("https://www.securesite.com/", "https://www.securesite.com/"),
        ("http://host.com/ab%23cd", "http://host.com/ab%23cd"),
        ("http://host.com//twoslashes?more//slashes", "http://host.com/twoslashes?more//slashes"),
    ];
    for (input, expected) in cases {
        assert_eq!(canon(input), *expected, "input {input:?}");
    }
    // The document's one example with raw non-UTF-8 bytes.
    let c = canonicalize_bytes(b"http://\x01\x80.com/").expect("bytes canonicalize");
    assert_eq!(c.url(), "http://%01%80.com/");
}

#[test]
fn safe_browsing_document_expressions() {
    let c = canonicalize("http://a.b.c/1/2.html?param=1").unwrap();
    assert_eq!(
        expressions(&c),
        [
            "a.b.c/1/2.html?param=1",
            "a.b.c/1/2.html",
            "a.b.c/",
            "a.b.c/1/",
            "b.c/1/2.html?param=1",
            "b.c/1/2.html",
            "b.c/",
            "b.c/1/",
        ]
    );
    let c = canonicalize("http://a.b.c.d.e.f.g/1.html").unwrap();
    assert_eq!(
        expressions(&c),
        [
            "a.b.c.d.e.f.g/1.html",
            "a.b.c.d.e.f.g/",
            "c.d.e.f.g/1.html",
            "c.d.e.f.g/",
            "d.e.f.g/1.html",
            "d.e.f.g/",
            "e.f.g/1.html",
            "e.f.g/",
            "f.g/1.html",
            "f.g/",
        ]
    );
    let c = canonicalize("http://1.2.3.4/1/").unwrap();
    assert_eq!(expressions(&c), ["1.2.3.4/1/", "1.2.3.4/"]);
}

#[test]
fn more_expressions() {
    // Four path prefixes at most, `/` included.
    let c = canonicalize("http://x.com/a/b/c/d/e/f.html").unwrap();
    assert_eq!(
        expressions(&c),
        [
            "x.com/a/b/c/d/e/f.html",
            "x.com/",
            "x.com/a/",
            "x.com/a/b/",
            "x.com/a/b/c/"
        ]
    );
    // A single-label host has no suffixes; a trailing-slash path is not repeated.
    let c = canonicalize("http://localhost/a/").unwrap();
    assert_eq!(expressions(&c), ["localhost/a/", "localhost/"]);
    // Exactly five labels: the exact host plus three suffixes.
    let c = canonicalize("http://a.b.c.d.e/").unwrap();
    assert_eq!(
        expressions(&c),
        ["a.b.c.d.e/", "b.c.d.e/", "c.d.e/", "d.e/"]
    );
}

#[test]
fn hosts_ports_userinfo_and_schemes() {
    let c = canonicalize("https://www.icbc.com.cn@evil.top:8443/login").unwrap();
    assert_eq!(c.url(), "https://evil.top/login");
    assert_eq!(c.userinfo.as_deref(), Some("www.icbc.com.cn"));
    assert_eq!(c.port, Some(8443));
    assert!(c.scheme_given);

    let c = canonicalize("abc.top/x").unwrap();
    assert_eq!(c.url(), "http://abc.top/x");
    assert!(!c.scheme_given);
    assert_eq!(canon("abc.top:8080/x"), "http://abc.top/x");
    assert_eq!(canon("localhost:8080"), "http://localhost/");
    assert_eq!(
        canon("//cdn.example.com/a.js"),
        "http://cdn.example.com/a.js"
    );
    assert_eq!(canon("HTTPS://Example.COM"), "https://example.com/");
    assert_eq!(canon("http:example.com/x"), "http://example.com/x");
    assert_eq!(
        canon("http:\\\\example.com\\a\\b"),
        "http://example.com/a/b"
    );
    assert_eq!(
        canon("http://bank.com\\@evil.top/"),
        "http://bank.com/@evil.top/"
    );

    // IPv4 in every form; IPv6 compressed.
    for form in [
        "http://0xc3.0x7f.0.11/",
        "http://0303.0177.0.013/",
        "http://195.8323083/",
        "http://0xC37F000B/",
    ] {
        let c = canonicalize(form).unwrap();
        assert_eq!(c.host, "195.127.0.11", "{form}");
        assert_eq!(c.host_kind, HostKind::Ipv4);
        assert!(c.obfuscated_host, "{form}");
    }
    let c = canonicalize("http://195.127.0.11/").unwrap();
    assert!(!c.obfuscated_host);
    let c = canonicalize("http://[2001:0DB8:0000::1]:8080/x").unwrap();
    assert_eq!(c.url(), "http://[2001:db8::1]/x");
    assert_eq!(c.host_kind, HostKind::Ipv6);

    // IDN to punycode; full-width dots are dots.
    assert_eq!(
        canon("http://中国银行.中国/"),
        "http://xn--fiqs8s856bruk.xn--fiqs8s/"
    );
    assert_eq!(canon("www。icbc。com。cn"), "http://www.icbc.com.cn/");
    assert_eq!(
        canon("http://ＷＷＷ.ＩＣＢＣ.com.cn/"),
        "http://www.icbc.com.cn/"
    );

    // Dot segments and slashes.
    assert_eq!(canon("http://h.com/a/./b/../c//d/"), "http://h.com/a/c/d/");
    assert_eq!(canon("http://h.com/../../x"), "http://h.com/x");
    assert_eq!(canon("http://h.com/%2e%2e/x"), "http://h.com/x");
}

#[test]
fn refusals_are_errors_without_the_input() {
    for bad in [
        "",
        "   ",
        "\t\r\n",
        "#frag",
        "http://",
        "http:///",
        "http://.../x",
        "javascript:alert(1)",
        "data:text/html,hi",
        "mailto:a@b.c",
        "http://host:99999/",
        "http://host:abc/",
        "http://[::1/",
        "http://[zz]/",
    ] {
        let err = canonicalize(bad).expect_err(bad).to_string();
        if bad.trim().len() > 3 {
            assert!(!err.contains(bad.trim()), "error {err:?} repeats the input");
        }
    }
}

#[test]
fn hostile_input_never_panics() {
    let long = format!("http://example.com/{}", "a/".repeat(50_000));
    assert!(long.len() > 100_000);
    let c = canonicalize(&long).unwrap();
    assert!(expressions(&c).len() <= 30);

    let escapes = format!("http://example.com/%25{}", "25".repeat(50_000));
    assert_eq!(canon(&escapes), "http://example.com/%25");

    let long_host = format!("http://{}.com/", "a.".repeat(60_000));
    let c = canonicalize(&long_host).unwrap();
    assert!(expressions(&c).len() <= 30);

    let oversized = "a".repeat(fanzha_core::link::MAX_URL_BYTES + 1);
    assert!(canonicalize(&oversized).is_err());

    for odd in [
        "%",
        "%%",
        "%G0",
        "http://x.com/%",
        "http://x.com/%C3%28",
        "http://x.com/%FF%FE%00",
        "http://%FF%FE/",
        "http://%00/",
        "http://x.com/\u{0}\u{1}\u{7f}",
        "http://\u{202e}moc.evil/",
        "http://x.com:/",
        "http://@/",
        "http://a@b@c/",
        "http://[]/",
        "http://xn--/",
        "http://xn--zzzzzzzz.com/",
        "ftp://x/",
        "http://%5B::1%5D/",
    ] {
        let _ = canonicalize(odd);
    }
}

proptest! {
    #[test]
    fn canonicalization_is_idempotent(url in "\\PC{0,60}") {
        if let Ok(c) = canonicalize(&url) {
            let again = canonicalize(&c.url()).expect("a canonical URL canonicalizes");
            prop_assert_eq!(again.url(), c.url());
        }
    }

    #[test]
    fn canonicalization_is_idempotent_on_url_like_input(
        scheme in prop::sample::select(vec!["", "http://", "https://", "HTTP://", "ftp://"]),
        user in prop::option::of("[a-z.%@:]{0,8}"),
        host in "[a-zA-Z0-9.%\\-\u{3002}\u{430}-\u{44f}\u{4e00}-\u{4e10}]{0,20}",
        port in prop::option::of(0u32..70000),
        path in "[/a-z.%0-9#?\\\\ ]{0,30}",
    ) {
        let mut url = String::from(scheme);
        if let Some(u) = user { url.push_str(&u); url.push('@'); }
        url.push_str(&host);
        if let Some(p) = port { url.push_str(&format!(":{p}")); }
        url.push_str(&path);
        if let Ok(c) = canonicalize(&url) {
            let again = canonicalize(&c.url()).expect("a canonical URL canonicalizes");
            prop_assert_eq!(again.url(), c.url());
            prop_assert!(expressions(&c).len() <= 30);
        }
    }

    #[test]
    fn canonical_urls_are_printable_ascii(bytes in prop::collection::vec(any::<u8>(), 0..80)) {
        if let Ok(c) = canonicalize_bytes(&bytes) {
            let u = c.url();
            prop_assert!(u.bytes().all(|b| b > 0x20 && b < 0x7f), "{}", u);
            let again = canonicalize(&u).expect("a canonical URL canonicalizes");
            prop_assert_eq!(again.url(), u);
        }
    }
}

/// Found by fuzzing (`fuzz/fuzz_targets/link.rs`): a non-web scheme whose
/// "host" is backslashes canonicalized to a URL that canonicalized
/// differently again. A host with a backslash is refused now; whatever
/// canonicalizes is a fixed point.
#[test]
fn a_backslash_host_is_refused_and_canonical_urls_are_fixed_points() {
    let crash = [
        b"hutps:".as_slice(),
        &[b'\\'; 5],
        b"@",
        &[b'\\'; 4],
        b"//rw7nn*\0\0",
    ]
    .concat();
    if let Ok(c) = canonicalize_bytes(&crash) {
        let url = c.url();
        assert_eq!(canonicalize(&url).unwrap().url(), url);
    }
    assert!(canonicalize("foo://a\\b/x").is_err());
    for ok in ["http://a.com\\b", "https://evil.com\\@good.com/"] {
        let c = canonicalize(ok).unwrap();
        assert_eq!(canonicalize(&c.url()).unwrap().url(), c.url(), "{ok}");
    }
}
