//! The link check end to end: each heuristic with positive and negative
//! cases, benign sites that must stay clear, the blocklist, hostile input.

use fanzha_core::blocklist::{ListEntry, ListKind, MemoryIndex};
use fanzha_core::{FraudType, Guard, Lang, Level, RuleSources, Settings, Snapshot, Verdict};
use std::sync::Arc;

fn guard() -> Guard {
    Guard::new(Settings {
        region: "CN".into(),
        lang: Lang::En,
    })
    .expect("embedded guard")
}

fn check(g: &Guard, url: &str) -> Verdict {
    g.check_link(url).unwrap_or_else(|e| panic!("{url}: {e}"))
}

fn codes(v: &Verdict) -> Vec<&str> {
    v.reasons.iter().map(|r| r.code.as_str()).collect()
}

/// `url` carries reason `code` (and, when given, reaches at least `level`).
fn assert_flags(g: &Guard, url: &str, code: &str, level: Level) {
    let v = check(g, url);
    assert!(
        v.has_reason(code),
        "{url}: expected {code}, got {:?}",
        codes(&v)
    );
    assert!(
        v.level >= level,
        "{url}: expected at least {level}, got {} ({:?})",
        v.level,
        codes(&v)
    );
}

fn assert_lacks(g: &Guard, url: &str, code: &str) {
    let v = check(g, url);
    assert!(
        !v.has_reason(code),
        "{url}: unexpected {code} in {:?}",
        codes(&v)
    );
}

/// Every URL carries `code` at `level` or above.
fn assert_all_flag(g: &Guard, urls: &[&str], code: &str, level: Level) {
    for url in urls {
        assert_flags(g, url, code, level);
    }
}

/// Every URL is a brand's own site: trusted, with no risk at all.
fn assert_all_trusted(g: &Guard, urls: &[&str]) {
    for url in urls {
        let v = check(g, url);
        assert_eq!(v.level, Level::Trusted, "{url}: {:?}", codes(&v));
        assert_eq!(v.score, 0, "{url}");
    }
}

/// Every URL lacks `code` and reads clear (or better).
fn assert_all_clear_without(g: &Guard, urls: &[&str], code: &str) {
    for url in urls {
        assert_lacks(g, url, code);
        assert!(check(g, url).level <= Level::Clear, "{url}");
    }
}

#[test]
fn benign_sites_are_not_flagged() {
    let g = guard();
    let official = &[
        "https://www.icbc.com.cn/icbc/",
        "https://mybank.icbc.com.cn/icbc/newperbank/perbank3/frame/frame_index.jsp",
        "https://www.ccb.com/cn/home/indexv3.html",
        "https://www.boc.cn/",
        "https://www.abchina.com/cn/",
        "https://www.cmbchina.com/",
        "https://www.bankcomm.com/",
        "https://www.psbc.com/cn/",
        "https://www.alipay.com/",
        "https://render.alipay.com/p/s/i/?scheme=x",
        "https://pay.weixin.qq.com/index.php/public/wechatpay",
        "https://www.taobao.com/",
        "https://item.taobao.com/item.htm?id=123456",
        "https://detail.tmall.com/item.htm?id=1",
        "https://item.jd.com/100012043978.html",
        "https://mobile.yangkeduo.com/goods.html?goods_id=1",
        "https://www.meituan.com/",
        "https://www.12306.cn/index/",
        "https://www.gov.cn/zhengce/",
        "https://www.chinatax.gov.cn/",
        "https://www.12321.cn/",
        "https://www.10086.cn/",
        "https://www.189.cn/",
        "https://www.apple.com/cn/",
        "https://appleid.apple.com/",
        "https://www.google.com/search?q=x",
        "https://login.microsoftonline.com/common/oauth2",
        "https://www.paypal.com/signin",
        "https://www.amazon.co.uk/gp/css/order-history",
        "https://www.gov.uk/log-in-register-hmrc-online-services",
        "https://www.irs.gov/payments",
        "https://www.usps.com/manage/",
        "https://www.royalmail.com/track-your-item",
        "http://北京市公安局.政务/",
    ];
    assert_all_trusted(&g, official);
    for url in [
        "https://x.pages.dev/",
        "https://y.github.io/project/",
        "https://my-app.workers.dev/",
        "https://demo.vercel.app/",
        "https://site.netlify.app/",
        "https://pages.dev/",
        "https://github.io/",
        "https://workers.dev/",
        "https://vercel.app/",
        "https://en.wikipedia.org/wiki/Phishing",
        "https://www.zhihu.com/question/1",
        "https://www.bilibili.com/video/BV1xx",
        "https://apple.stackexchange.com/questions/1",
        "https://www.pineapple-recipes.com/",
        "https://github.com/rust-lang/rust/releases",
        "https://crates.io/crates/psl",
        "https://www.example.com:443/",
        "http://www.example.com:80/",
        "https://www.rust-lang.org/learn",
        "https://news.ycombinator.com/item?id=1",
        "https://zoom.us/j/123456789",
        "https://mp.weixin.qq.com/s/abc",
        "https://docs.qq.com/doc/abc",
        "https://www.jd-sports.co.uk/",
        "https://appleinsider.com/",
        "https://www.small.com/",
        "https://finance.yahoo.com/",
        "https://cloud.google.com/",
        "https://www.mysite.top/",
        "https://blog.example.xyz/post/1",
        "https://account.example.com/login",
        "https://www.amazing.com/",
        "https://cdn.example.com/file.pdf",
        "https://中文网站.com/",
    ] {
        let v = check(&g, url);
        assert!(
            v.level <= Level::Clear,
            "{url}: {} {:?}",
            v.level,
            codes(&v)
        );
    }
}

#[test]
fn script_and_data_schemes() {
    let g = guard();
    assert_flags(
        &g,
        "javascript:alert(1)",
        "link.javascript_scheme",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "  JavaScript:void(0)",
        "link.javascript_scheme",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "java\tscript:alert(1)",
        "link.javascript_scheme",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "data:text/html;base64,PGgxPg==",
        "link.data_scheme",
        Level::Suspicious,
    );
    assert_lacks(&g, "https://data.gov.cn/", "link.data_scheme");
    assert!(g.check_link("mailto:a@example.com").is_err());
    assert!(g.check_link("tel:10086").is_err());
}

#[test]
fn raw_and_disguised_ip_hosts() {
    let g = guard();
    assert_flags(
        &g,
        "http://45.77.10.2/icbc/login",
        "link.raw_ip",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "http://3279880203/blah",
        "link.obfuscated_host",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "http://0xc3.0x7f.0.11/",
        "link.obfuscated_host",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "http://[2001:db8::1]/",
        "link.raw_ip",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "http://%65%76%69%6c.top/",
        "link.obfuscated_host",
        Level::Suspicious,
    );
    let v = check(&g, "http://192.168.1.1/");
    assert!(v.has_reason("link.private_ip") && !v.has_reason("link.raw_ip"));
    assert!(v.level <= Level::Clear);
    assert_lacks(&g, "http://example.com/", "link.raw_ip");
    assert_lacks(&g, "http://195.127.0.11/", "link.obfuscated_host");
}

#[test]
fn userinfo_trick() {
    let g = guard();
    let v = check(&g, "https://www.icbc.com.cn@evil.top/");
    assert_eq!(v.level, Level::Dangerous);
    assert!(v.has_reason("link.userinfo_disguise"));
    assert_eq!(v.normalized.as_deref(), Some("https://evil.top/"));
    assert!(v.title.contains("ICBC"), "{}", v.title);
    assert_flags(
        &g,
        "http://paypal.com@198.51.100.7/",
        "link.userinfo_disguise",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "https://user:secret@example.com/",
        "link.userinfo",
        Level::Suspicious,
    );
    assert_lacks(
        &g,
        "https://user:secret@example.com/",
        "link.userinfo_disguise",
    );
    assert_lacks(&g, "https://example.com/@user", "link.userinfo");
}

#[test]
fn ports_and_depth() {
    let g = guard();
    assert_flags(&g, "http://example.com:8081/", "link.port", Level::Clear);
    assert_lacks(&g, "https://example.com:443/", "link.port");
    assert_flags(
        &g,
        "http://a.b.c.d.example.com/",
        "link.deep_subdomains",
        Level::Clear,
    );
    assert_lacks(&g, "http://a.b.example.com/", "link.deep_subdomains");
}

#[test]
fn homographs_and_mixed_scripts() {
    let g = guard();
    // Cyrillic а and р in "apple"; Cyrillic і in "icbc"; Greek ο in "google".
    assert_flags(&g, "http://аррle.com/", "link.homograph", Level::Dangerous);
    assert_flags(
        &g,
        "https://іcbc.com.cn/",
        "link.homograph",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "https://gοogle.com/",
        "link.homograph",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "https://pаypal.com/",
        "link.mixed_script",
        Level::Dangerous,
    );
    // The same punycode written out.
    assert_flags(
        &g,
        "http://xn--80ak6aa92e.com/",
        "link.homograph",
        Level::Dangerous,
    );
    // Legitimate non-Latin hosts.
    assert_lacks(&g, "https://пример.рф/", "link.homograph");
    assert_lacks(&g, "https://пример.рф/", "link.mixed_script");
    assert_lacks(&g, "https://中文网站.com/", "link.mixed_script");
    assert_lacks(&g, "https://例え.jp/", "link.homograph");
}

#[test]
fn dangerous_latin_patterns() {
    let g = guard();
    for url in [
        "http://ı\u{307}nstagram-help.com/",
        "http://shopi\u{307}fy-login.net/",
    ] {
        assert_flags(&g, url, "link.mixed_script", Level::Suspicious);
    }
    // Digits of another script among Latin letters.
    for url in [
        "http://wallet\u{9e9}\u{9ea}.com/",
        "http://bank\u{967}.com/",
        "http://paypal\u{663}.com/",
    ] {
        assert_flags(&g, url, "link.foreign_digits", Level::Suspicious);
    }
    for url in [
        "https://münchen.de/",
        "https://café.fr/",
        "https://straße.de/",
        "https://việtnam.vn/",
    ] {
        assert_lacks(&g, url, "link.mixed_script");
    }
}

#[test]
fn whole_script_confusables() {
    let g = guard();
    // Every letter Cyrillic, yet the label reads as a Latin word: not a
    // protected brand, so only the whole-script rule can see it.
    for url in [
        "http://сосо.com/",
        "https://хрох.net/login",
        "http://ехсеѕѕ.org/",
        "http://рое-ѕее.com/",
    ] {
        assert_flags(&g, url, "link.whole_script", Level::Suspicious);
    }
    // The same letters under a Cyrillic-script TLD are ordinary Cyrillic.
    assert_lacks(&g, "http://сосо.ru/", "link.whole_script");
    assert_lacks(&g, "http://сосо.рф/", "link.whole_script");
    // Cyrillic words that do not read as Latin, Greek, CJK, Thai, Arabic,
    // and accented Latin stay clear anywhere.
    for url in [
        "https://пример.com/",
        "https://москва.com/",
        "https://ελληνικά.com/",
        "https://中文网站.com/",
        "https://ไทย.com/",
        "https://عربي.com/",
        "https://münchen.de/",
        "https://café.fr/",
    ] {
        assert_lacks(&g, url, "link.whole_script");
    }
}

#[test]
fn typosquats() {
    let g = guard();
    for url in [
        "paypa1.com",
        "http://g00gle.com/",
        "rnicrosoft.com/login",
        "taoboa.com",
        "alipey.com",
        "https://1cbc.com.cn/",
        "appie.com",
        "jingdonq.com",
        "faceb00k.com",
    ] {
        assert_flags(&g, url, "link.typosquat", Level::Dangerous);
    }
    for url in [
        "apply.com",
        "ample.org",
        "goggles.com",
        "cloud.com",
        "tunes.com",
        "steam.org",
        "allpay.net",
    ] {
        assert_lacks(&g, url, "link.typosquat");
    }
    // Subdomains belong to their site: only deliberate look-alikes count there.
    assert_lacks(&g, "https://apply.company.com/", "link.typosquat");
}

#[test]
fn brands_on_unrelated_domains() {
    let g = guard();
    assert_flags(
        &g,
        "icbc-secure-login.top",
        "link.brand_in_domain",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "www.icbc.com.cn.verify.xyz",
        "link.brand_domain_in_subdomain",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "http://paypal.com.secure-check.info/",
        "link.brand_domain_in_subdomain",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "https://icbc.pages.dev/",
        "link.brand_on_shared_hosting",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "https://paypal-login.web.app/",
        "link.brand_on_shared_hosting",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "https://icbc95588.top/",
        "link.brand_in_domain",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "https://appleid-verify.top/",
        "link.brand_lure",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "https://alipay.account-update.xyz/",
        "link.brand_in_subdomain",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "http://工商银行-客服.com/",
        "link.brand_in_domain",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "https://etc-jihuo.top/",
        "link.lure_words",
        Level::Clear,
    );
    // Short pinyin abbreviations count only next to a brand.
    assert_flags(
        &g,
        "http://icbc-aq.com/",
        "link.brand_lure",
        Level::Suspicious,
    );
    assert_lacks(&g, "http://my-aq.com/", "link.lure_words");
    assert!(check(&g, "https://www.bank-of-china.com/").level <= Level::Clear);
    // Brand and lure words run together or split by hyphens.
    assert_flags(
        &g,
        "http://www.ccbjf.cn/",
        "link.brand_lure",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "http://jdkefu.top/",
        "link.brand_lure",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "http://10086-jf.cn/",
        "link.brand_lure",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "http://office-365-verify.pages.dev/",
        "link.brand_on_shared_hosting",
        Level::Suspicious,
    );
    assert_lacks(&g, "https://www.stackoverflow.com/", "link.brand_in_domain");
    // CDN edge names legitimately repeat a customer's domain.
    assert_lacks(
        &g,
        "https://www.apple.com.edgekey.net/",
        "link.brand_domain_in_subdomain",
    );
    // A brand word alone on a harmless domain stays clear.
    assert!(check(&g, "https://apple-fans-club.com/").level <= Level::Clear);
    assert!(check(&g, "https://jd-sports.com/").level <= Level::Clear);
    // Brand-owned sites never count as imitations of themselves.
    assert_lacks(&g, "https://icbc.com.cn/", "link.brand_in_domain");
    let v = check(&g, "https://icbc-secure-login.top/");
    assert_eq!(v.fraud_type, Some(FraudType::Phishing));
    assert!(v.title.contains("ICBC"), "{}", v.title);
}

#[test]
fn shorteners_and_tlds() {
    let g = guard();
    assert_flags(&g, "t.cn/A6abcd", "link.shortener", Level::Suspicious);
    assert_flags(
        &g,
        "https://bit.ly/3xyz",
        "link.shortener",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "https://w.url.cn/s/abc",
        "link.shortener",
        Level::Suspicious,
    );
    // A shortener's own home page, with no code, leads nowhere else.
    assert_all_clear_without(
        &g,
        &[
            "https://bit.ly/",
            "https://t.co",
            "t.cn/?",
            "https://w.url.cn/",
        ],
        "link.shortener",
    );
    assert_flags(&g, "https://t.co/?x=1", "link.shortener", Level::Suspicious);
    // Brand-owned short domains lead to the brand's own pages.
    assert_lacks(&g, "https://m.tb.cn/h.abc", "link.shortener");
    assert_lacks(&g, "https://3.cn/abc", "link.shortener");
    assert_flags(&g, "https://a.top/", "link.risky_tld", Level::Clear);
    assert!(check(&g, "https://a.top/").level <= Level::Clear);
    assert_lacks(&g, "https://a.com/", "link.risky_tld");
}

#[test]
fn downloads_and_remote_apps() {
    let g = guard();
    assert_flags(
        &g,
        "http://dl.example.com/app-release.apk",
        "link.apk",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "http://x.top/d?file=bank.APK",
        "link.apk",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "https://x.com/profile.mobileconfig",
        "link.ios_profile",
        Level::Suspicious,
    );
    assert_flags(&g, "https://x.com/setup.exe", "link.download", Level::Clear);
    assert_flags(
        &g,
        "https://x.top/kefu/todesk.apk",
        "link.remote_app",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "https://anydesk.com/zhs/downloads/android",
        "link.remote_app",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "https://sunlogin.oray.com/download",
        "link.remote_app",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "https://anydesk-kefu.top/",
        "link.remote_app",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "https://x.cn/zoom_installer.apk",
        "link.remote_app",
        Level::Dangerous,
    );
    // An installer named after a bank or an official app, from elsewhere.
    assert_flags(
        &g,
        "http://down.xyz-app.com/ICBC_v5.apk",
        "link.brand_download",
        Level::Dangerous,
    );
    assert_flags(
        &g,
        "http://app-anquan.top/fanzha.apk",
        "link.brand_download",
        Level::Dangerous,
    );
    assert_lacks(
        &g,
        "http://dl.example.com/app-release.apk",
        "link.brand_download",
    );
    let v = check(&g, "https://x.top/kefu/todesk.apk");
    assert_eq!(v.fraud_type, Some(FraudType::ImpersonateCustomerService));
    // Meeting links and ordinary files are not downloads of remote apps.
    assert_lacks(&g, "https://zoom.us/j/123", "link.remote_app");
    assert_lacks(&g, "https://example.com/zoom-lens.jpg", "link.remote_app");
    assert_lacks(&g, "https://example.com/report.pdf", "link.download");
    // A script file is a page's asset, not something a phone runs: a CDN
    // copy of a payment SDK is no download (it read dangerous before).
    let v = check(
        &g,
        "https://cdn.jsdelivr.net/npm/paypal-sdk/dist/paypal.min.js",
    );
    assert!(!v.has_reason("link.download"), "{:?}", codes(&v));
    assert!(v.level < Level::Suspicious, "{:?}", codes(&v));
    assert_lacks(&g, "https://example.com/apk/", "link.apk");
    // Brazil's post on its own site, not a typo of Spain's Correos.
    let v = check(&g, "https://www.correios.com.br/rastreamento");
    assert!(v.has_reason("link.official"), "{:?}", codes(&v));
    assert!(!v.has_reason("link.typosquat"), "{:?}", codes(&v));
    // A brand's own download is not a warning.
    assert_lacks(&g, "https://www.icbc.com.cn/app/ICBC.apk", "link.apk");
}

#[test]
fn blocklist_hits_every_expression() {
    let mut idx = MemoryIndex::new();
    let entry = ListEntry {
        category: "phishing".into(),
        fraud_type: FraudType::FakeInvestment,
        severity: 90,
        reports: 12,
        label: "fake exchange".into(),
        confirmed: false,
        match_bits: 0,
    };
    idx.insert(ListKind::Url, "evil-invest.com/", entry.clone());
    idx.insert(ListKind::Url, "shared.example.org/scam/", entry);
    let snap = Snapshot::build(&RuleSources::default(), Arc::new(idx), "test-1".into()).unwrap();
    let g = Guard::with_snapshot(
        Settings {
            region: "CN".into(),
            lang: Lang::En,
        },
        snap,
    )
    .unwrap();
    for url in [
        "https://evil-invest.com/",
        "http://www.evil-invest.com/a/b/c?x=1",
        "HTTP://WWW.EVIL-INVEST.COM.:8080/%61",
        "http://shared.example.org/scam/page.html",
    ] {
        let v = check(&g, url);
        assert!(v.has_reason("link.blocklisted"), "{url}: {:?}", codes(&v));
        assert_eq!(v.level, Level::Dangerous);
        assert_eq!(v.fraud_type, Some(FraudType::FakeInvestment));
        assert_eq!(v.feed_version, "test-1");
    }
    for url in [
        "https://not-evil-invest.com/",
        "http://shared.example.org/other/",
        "http://example.org/scam/",
    ] {
        assert!(!check(&g, url).has_reason("link.blocklisted"), "{url}");
    }
}

#[test]
fn hostile_input_gives_an_error_or_a_verdict() {
    let g = guard();
    let big = format!("https://example.com/{}", "%41".repeat(40_000));
    let lone = format!("http://x.com/{}", "%".repeat(100_000));
    let host = format!("http://{}icbc.top/", "a-".repeat(50_000));
    let labels = format!("http://{}icbc.top/", "icbc.".repeat(20_000));
    let inputs: Vec<String> = vec![
        String::new(),
        " ".into(),
        "%".into(),
        "%%%".into(),
        "%zz".into(),
        "http://%".into(),
        "http://x.com/%E0%A4%A".into(),
        "http://x.com/%C3%28%FF".into(),
        "http://%C3%28.com/".into(),
        "http://x.com/\u{0}\u{7}\u{1b}[31m".into(),
        "\u{0}\u{1}http://x.com".into(),
        "http://xn--/".into(),
        "http://xn--ls8h.la/".into(),
        "http://[::ffff:1.2.3.4]/".into(),
        "http://a@b@c@d/".into(),
        "::::".into(),
        "http:".into(),
        "https:////".into(),
        big,
        lone,
        host,
        labels,
    ];
    for input in &inputs {
        match g.check_link(input) {
            Ok(v) => assert!(v.score <= 100),
            Err(e) => {
                let msg = e.to_string();
                if input.len() > 4 {
                    assert!(!msg.contains(input.as_str()));
                }
            }
        }
    }
}

/// A brand word written with accents (`mícrosoft`, `pâypal`) reads as the
/// brand: its skeleton is taken with the diacritics off. An accented word
/// that is no brand's stays a plain name.
#[test]
fn accented_brand_words_are_homographs() {
    let g = fanzha_core::Guard::new(fanzha_core::Settings::default()).expect("guard");
    for url in [
        "mícrosoft-support.net",
        "pâypal-login.com",
        "https://ǎlipay-help.com/",
    ] {
        let v = g.check_link(url).expect("checks");
        assert!(v.has_reason("link.homograph"), "{url}: {:?}", v.reasons);
    }
    for url in ["münchen.de", "café-paris.fr", "señor-tacos.mx"] {
        let v = g.check_link(url).expect("checks");
        assert!(!v.has_reason("link.homograph"), "{url}: {:?}", v.reasons);
    }
}

#[test]
fn brand_domains_written_with_hyphens() {
    let g = guard();
    for url in [
        "https://appleid-apple-com.support/",
        "http://amazon-co-jp-xyz.cn/",
        "https://secure-chase-com.online/signin",
        "http://usps.com-track.top/",
        "https://www.smbc-card-com.login-jp.icu/",
    ] {
        assert_flags(&g, url, "link.brand_domain_in_label", Level::Suspicious);
    }
    // The brand's own hosts and a brand word alone are not that signal.
    assert_lacks(
        &g,
        "https://www.amazon.co.jp/",
        "link.brand_domain_in_label",
    );
    assert_lacks(
        &g,
        "https://apple-music-fans.com/",
        "link.brand_domain_in_label",
    );
    assert_lacks(&g, "https://my-com-net.org/", "link.brand_domain_in_label");
    // Short words before a TLD-like token are not domains (me.com, a.co).
    assert_lacks(&g, "https://call-me-com.net/", "link.brand_domain_in_label");
    assert_lacks(&g, "https://buy-a-co-op.org/", "link.brand_domain_in_label");
}

#[test]
fn lure_words_piled_up() {
    let g = guard();
    assert_flags(
        &g,
        "https://secure-account-update.com/",
        "link.lure_stack",
        Level::Suspicious,
    );
    assert_flags(
        &g,
        "http://etc-meisai.jp.cbajkx.cn/",
        "link.lure_stack",
        Level::Suspicious,
    );
    // One lure word is not a pile; the same word twice neither.
    assert_lacks(&g, "https://login.example-shop.com/", "link.lure_stack");
    assert_lacks(&g, "https://login-login.example.com/", "link.lure_stack");
    // Project names on a shared platform use such words too.
    for url in [
        "https://auth-login-kit.github.io/",
        "https://secure-account-demo.netlify.app/",
    ] {
        assert_lacks(&g, url, "link.lure_stack");
        assert!(check(&g, url).level <= Level::Clear, "{url}");
    }
}

/// A brand's name with a service word after it, as a site's whole name on a
/// domain of its own, is how brands name their own sites; the same word
/// written anywhere else still lures.
#[test]
fn a_brand_naming_its_own_service_is_not_a_lure() {
    let g = guard();
    assert_all_clear_without(
        &g,
        &["https://chasebank.com/", "https://amazonpay.in/"],
        "link.brand_lure",
    );
    assert_all_flag(
        &g,
        &[
            "https://bankchase.com/",
            "https://chasebank-login.com/",
            "https://amazonpay-refund.com/",
            "https://chasebank.weebly.com/",
        ],
        "link.brand_lure",
        Level::Suspicious,
    );
    // A cheap TLD still makes a plain mention suspicious.
    assert!(check(&g, "https://chasebank.xyz/").level >= Level::Suspicious);
}

/// A brand's name as a site's name on a drag-and-drop page builder is
/// suspicious on its own; on code, docs and developer platforms it needs
/// other evidence (projects about a brand live there).
#[test]
fn a_brand_named_page_on_a_site_builder_is_suspicious() {
    let g = guard();
    assert_all_flag(
        &g,
        &[
            "https://docusign-review-document.webflow.io/",
            "https://netflix-account.weebly.com/",
        ],
        "link.brand_on_page_builder",
        Level::Suspicious,
    );
    assert_all_clear_without(
        &g,
        &[
            "https://amazon-ion.notion.site/",
            "https://netflix-clone-abc.web.app/",
            "https://paypal.github.io/",
            "https://bakery-berlin.wixsite.com/home",
        ],
        "link.brand_on_page_builder",
    );
}

/// Smishing's action words in other languages (redelivery in Japanese
/// romaji, a pending charge in Portuguese, customs in Spanish, a surcharge
/// in Polish, unblocking in German) count beside a brand as the English
/// ones do; alone they stay weak.
#[test]
fn action_words_in_other_languages_count_beside_a_brand() {
    let g = guard();
    assert_all_flag(
        &g,
        &[
            "https://sagawa-saihaitatsu.com/",
            "https://correios-pendencia.com/",
            "https://dhl-aduana.com/",
            "https://inpost-doplata.pl/",
            "https://sparkasse-entsperren.info/",
        ],
        "link.brand_lure",
        Level::Suspicious,
    );
    for url in ["https://bevestigen.nl/", "https://hadiah.id/"] {
        let v = check(&g, url);
        assert!(v.level < Level::Suspicious, "{url}: {:?}", codes(&v));
        assert!(
            codes(&v).contains(&"link.lure_words"),
            "{url}: {:?}",
            codes(&v)
        );
    }
}

/// Banks, wallets, couriers and fine collectors of more countries are
/// brands (Indonesia, India, Vietnam, Turkey, Thailand, the Philippines,
/// Korea, Japan, Canada, Brazil, Mexico, France, Spain, Portugal, Poland):
/// their names with a lure word are flagged, their own sites are not.
#[test]
fn regional_brands_with_lures_are_flagged_and_their_sites_are_not() {
    let g = guard();
    assert_all_flag(
        &g,
        &[
            "https://klikbca-verifikasi.com/",
            "https://garanti-iade.com/",
            "https://vietcombank-xacminh.com/",
            "https://antai-amende.info/",
            "https://interac-refund.net/",
            "https://ctt-pendencia.com/",
        ],
        "link.brand_lure",
        Level::Suspicious,
    );
    assert_all_trusted(
        &g,
        &[
            "https://www.klikbca.com/",
            "https://www.garantibbva.com.tr/",
            "https://portal.vietcombank.com.vn/",
            "https://www.antai.gouv.fr/",
            "https://www.interac.ca/en/",
            "https://www.ctt.pt/",
        ],
    );
}

/// A brand of three letters or fewer inside a token of letters and digits
/// counts where the token starts (`jd416`), not further in, where it is
/// as likely part of a random hash (a deploy preview's `9o1w81dgt`).
#[test]
fn a_short_brand_inside_a_random_token_is_not_a_mention() {
    let g = guard();
    assert_flags(&g, "https://jd416.top/", "link.brand_digits", Level::Clear);
    for url in [
        "https://x-project-9o1w81dgt-igorl.vercel.app/about",
        "https://build-7f3bca-preview.netlify.app/",
    ] {
        let v = check(&g, url);
        assert!(
            !codes(&v).iter().any(|c| c.starts_with("link.brand_")),
            "{url}: {:?}",
            codes(&v)
        );
    }
}
