//! Shapes of real phishing hosts the list-free signals must catch, and the
//! benign look-alikes next to them that must stay clear (issue 16):
//! - a brand (and lure words) in the path of a host whose name says nothing
//!   (CloudFront, object storage, IPFS gateways, IP addresses); the same
//!   path on an ordinary site, a library on a package CDN, an asset file;
//! - IPFS content needs other evidence;
//! - a brand and a sign-in word in a page under a site's system folder
//!   (`/wp-content/`, `/cgi-bin/` …): a phishing kit on a hacked site; the
//!   site's own uploads, plugins and themes there stay clear;
//! - a brand and a sign-in word in the path of a host of anyone's
//!   documents, forms and sites (`sites.google.com/view/…`, `t.me/…`);
//! - a host dressed as another domain across its last dot
//!   (`e-zpassny.com-ufa.win`), a brand we do not list included.

use fanzha_core::{Guard, Level, Settings};

fn verdict(guard: &Guard, url: &str) -> (Level, Vec<String>) {
    let v = guard.check_link(url).expect("a verdict");
    (v.level, v.reasons.iter().map(|r| r.code.clone()).collect())
}

fn flagged(guard: &Guard, urls: &[&str]) {
    for url in urls {
        let (l, codes) = verdict(guard, url);
        assert!(l >= Level::Suspicious, "{url}: {l:?} {codes:?}");
    }
}

/// Each URL at `at_least` or above, with `code` among its reasons.
fn at_least_with(guard: &Guard, urls: &[&str], at_least: Level, code: &str) {
    for url in urls {
        let (l, codes) = verdict(guard, url);
        assert!(
            l >= at_least && codes.iter().any(|c| c == code),
            "{url}: {l:?} {codes:?}"
        );
    }
}

fn not_flagged(guard: &Guard, urls: &[&str]) {
    for url in urls {
        let (l, codes) = verdict(guard, url);
        assert!(l < Level::Suspicious, "{url}: {l:?} {codes:?}");
    }
}

#[test]
fn a_brand_in_the_path_of_a_nameless_host_is_the_page_name() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    flagged(
        &guard,
        &[
            "https://d1x2y3z4a5b6c7.cloudfront.net/paypal/login",
            "https://d3k9q8w7e6r5t4.cloudfront.net/signin/microsoft/index.html",
            "https://storage.googleapis.com/x81kq/paypal/verify.html",
            "https://abcbucket.s3.amazonaws.com/coinbase-login.html",
            "https://ipfs.io/ipfs/bafybeizi4nfbs7bmbese7ikhd4om2rlkjjqpc2awzs7lj6x4vybbo52vr6/metamask.html",
            "https://gateway.pinata.cloud/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG/ccb.html",
            "http://45.77.12.9/netflix/account/update",
        ],
    );
    let (_, codes) = verdict(&guard, "https://d1x2y3z4a5b6c7.cloudfront.net/paypal/login");
    assert!(
        codes.iter().any(|c| c == "link.brand_lure_in_path"),
        "{codes:?}"
    );
    not_flagged(
        &guard,
        &[
            // The same words in the path of an ordinary site: an article.
            "https://www.theguardian.com/business/paypal/login-changes",
            "https://example-news.com/paypal/login",
            // Nameless hosts serving assets or libraries named after brands.
            "https://d1x2y3z4a5b6c7.cloudfront.net/img/paypal-logo.svg",
            "https://cdn.jsdelivr.net/npm/@paypal/paypal-js@5/+esm",
            "https://assets.s3.amazonaws.com/static/stripe-sdk/checkout.css",
            "https://storage.googleapis.com/my-site/index.html",
            "https://d1x2y3z4a5b6c7.cloudfront.net/",
            // IPFS content with nothing else said about it.
            "https://ipfs.io/ipfs/bafybeizi4nfbs7bmbese7ikhd4om2rlkjjqpc2awzs7lj6x4vybbo52vr6/index.html",
        ],
    );
}

#[test]
fn a_kit_in_a_hacked_sites_system_folder_is_caught_and_the_sites_own_files_are_not() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    // A brand and a sign-in word in a page under wp-content, wp-includes,
    // cgi-bin or a certificate-validation folder: a phishing kit uploaded
    // to a hacked site, on its own evidence.
    flagged(
        &guard,
        &[
            "https://greenvalleyfarm.com/wp-includes/css/paypal/signin/",
            "https://bestfurniture-mx.com/wp-content/plugins/x7k2/office365/login.php",
            "https://oldbakery.co.uk/.well-known/pki-validation/chase/verify.html",
            "http://example-dental.com/cgi-bin/netflix/account-update.html",
        ],
    );
    let (_, codes) = verdict(
        &guard,
        "https://greenvalleyfarm.com/wp-includes/css/paypal/signin/",
    );
    assert!(
        codes.iter().any(|c| c == "link.brand_lure_in_path"),
        "{codes:?}"
    );
    not_flagged(
        &guard,
        &[
            // The site's own uploads (documents, images), plugins and themes
            // named after a brand, its admin pages, certificate tokens and
            // the standard .well-known files.
            "https://shop.example.com/wp-content/uploads/2021/02/how-to-verify-your-paypal-account.pdf",
            "https://www.example.com/wp-content/uploads/2020/05/microsoft-teams-login-guide.pdf",
            "https://blog.example.org/wp-content/uploads/2023/11/apple-iphone-15-review.jpg",
            "https://store.example.net/wp-content/plugins/woocommerce-paypal-payments/",
            "https://www.example.com/wp-content/uploads/sites/3/2022/01/chase-sapphire-card-review/",
            "https://www.example.com/wp-content/themes/netflix-child/style.css",
            "https://www.example.com/wp-admin/admin.php?page=wc-settings&tab=checkout&section=paypal",
            "https://www.example.com/.well-known/acme-challenge/x3Jk9LmQ2zP8vB7nR4tY6wE1qA5sD0fG",
            "https://www.example.com/.well-known/apple-app-site-association",
            "https://www.example.com/cgi-bin/search.cgi?q=paypal",
            // The same words outside a system folder: an article.
            "https://news.example.com/2024/05/paypal-login-changes/",
        ],
    );
}

#[test]
fn a_brand_with_a_sign_in_word_on_a_host_of_anyones_pages_is_caught() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    flagged(
        &guard,
        &[
            "https://sites.google.com/view/microsoft-365-verify/home",
            "https://t.me/binance_support_verify",
            "https://forms.office.com/r/netflix-account-update",
        ],
    );
    // A brand's own channel, or a form or document with an opaque id.
    not_flagged(
        &guard,
        &[
            "https://t.me/paypal",
            "https://docs.google.com/forms/d/e/1FAIpQLSf/viewform",
            "https://sites.google.com/view/paypal-fan-club/home",
        ],
    );
}

#[test]
fn a_numbered_brand_or_a_brand_lure_with_digits_is_caught() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    flagged(
        &guard,
        &[
            "fedex713.ddns.net",
            "mercari612.netlify.app",
            "https://www.barclaysvalidate48.com/signin",
            "westpacunlock22.site",
        ],
    );
    let (_, codes) = verdict(&guard, "fedex713.ddns.net");
    assert!(codes.iter().any(|c| c == "link.brand_digits"), "{codes:?}");
    // Digits beside ordinary words, and a brand's own numbered domain.
    not_flagged(
        &guard,
        &[
            "bakery24.shop",
            "studio2025.com",
            "https://www.office365.com/",
        ],
    );
}

#[test]
fn project_sites_need_more_than_a_brand_or_a_lure_word() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    // Free-software projects named after the service they talk to, with
    // lure-like words, and platforms' deployment names of them.
    not_flagged(
        &guard,
        &[
            "trezor-firmware.readthedocs.io",
            "ledger-app-builder.github.io",
            "paypal-checkout-components.github.io",
            "dhl-tracking.github.io",
            "secure-headers.readthedocs.io",
            "wallet-rs.sourceforge.io",
            "deploy-preview-123--paypal-checkout.netlify.app",
            "deploy-preview-4521--secure-login-kit.netlify.app",
            "5f1e2d3c4b5a69788796a5b4--stripe-mock.netlify.app",
            "wallet-connect-git-main-acme.vercel.app",
            "secure-auth-git-fix-login-jsmith.vercel.app",
            "paypal-sdk-docs-docs.substack.com",
        ],
    );
    // On a code-hosting platform the brand is noted as a project's
    // subject; on a docs build service (`docs_hosts`) not even that.
    let (_, codes) = verdict(&guard, "trezor-firmware.github.io");
    assert!(
        codes.iter().any(|c| c == "link.brand_on_project_host"),
        "{codes:?}"
    );
    let (_, codes) = verdict(&guard, "trezor-firmware.readthedocs.io");
    assert!(codes.is_empty(), "{codes:?}");
    // A brand with a lure word still reads as phishing there, and a site
    // builder's page (also one the Public Suffix List does not list) is
    // judged on its name.
    flagged(
        &guard,
        &[
            "paypal-login.github.io",
            "deploy-preview-1--paypal-verify-account.netlify.app",
            "paypal-verify-account.netlify.app",
            "netflix-billing-update.weebly.com",
            "secure-login-verify.weebly.com",
            "chase-secure.godaddysites.com",
        ],
    );
}

#[test]
fn a_domain_written_up_front_of_another_is_caught() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    flagged(
        &guard,
        &[
            "https://mygov.com.alert.wefuwese.ru",
            "http://mercari.co.jp.gar.pro",
            "https://bdo.com.mfa.webak.org/account/update",
        ],
    );
    let (_, codes) = verdict(&guard, "http://mercari.co.jp.gar.pro");
    assert!(
        codes.iter().any(|c| c == "link.domain_in_subdomain"),
        "{codes:?}"
    );
    for url in [
        "https://www.example.com.s3.amazonaws.com/index.html",
        "https://api.eu.example.com/v1",
        "https://mail.example.co.uk",
        "https://en.m.wikipedia.org/wiki/Com",
    ] {
        let (l, codes) = verdict(&guard, url);
        assert!(
            l < Level::Suspicious && !codes.iter().any(|c| c == "link.domain_in_subdomain"),
            "{url}: {l:?} {codes:?}"
        );
    }
}

#[test]
fn a_host_dressed_as_another_domain_across_the_dot_needs_one_more_sign() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    // Toll and parcel smishing shapes with names we do not list: the
    // dressing and a risky ending, a brand word or a lure.
    at_least_with(
        &guard,
        &[
            "http://e-zpassny.com-ufa.win/",
            "https://myexpresstoll.com-pay.icu/",
            "https://smbc-card.jp-aaxz.cn/",
            "https://sunpass.org-tolls.top/pay",
        ],
        Level::Suspicious,
        "link.domain_dressed",
    );
    // A listed brand's own domain there is named by the brand signal alone.
    let (_, codes) = verdict(&guard, "https://usps.com-trackhelp.top/");
    assert!(
        codes.iter().any(|c| c == "link.brand_domain_in_label")
            && !codes.iter().any(|c| c == "link.domain_dressed"),
        "{codes:?}"
    );
    // Ordinary names that start with a domain ending: alone the dressing is
    // not enough, and generic subdomains or a country's own suffix never
    // count.
    not_flagged(
        &guard,
        &[
            "https://careers.net-a-porter.com/",
            "https://blog.net-zero.org/",
            "https://sake.jp-wine.com/",
            "https://data.org-id.guide/",
        ],
    );
    for url in [
        "https://www.net-a-porter.com/en-us/",
        "https://shop.com-union.de/",
        "https://tokyo.jp-guide.jp/",
    ] {
        let (_, codes) = verdict(&guard, url);
        assert!(
            !codes.iter().any(|c| c == "link.domain_dressed"),
            "{url}: {codes:?}"
        );
    }
}

/// Free web hosting and no-code builders whose sites are subdomains
/// (`links.json`: `site_platforms`, `page_builders`, `builder_hosts`): a
/// brand with a sign-in word as a site's name there is a phishing page's
/// name, a brand alone on a no-code builder is suspicious; an ordinary
/// site's name and the platforms' own sites stay clear.
#[test]
fn a_brand_as_a_sites_name_on_free_hosting_reads_as_shared_hosting() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    at_least_with(
        &guard,
        &[
            "https://chase-login.rf.gd/",
            "https://netflix-billing.free.nf/",
            "https://office365-login.webcindario.com/",
            "https://wellsfargo-verify.mailchimpsites.com/",
        ],
        Level::Dangerous,
        "link.brand_on_shared_hosting",
    );
    flagged(
        &guard,
        &[
            "https://dhl-track.mobirisesite.com/",
            "https://att-mail.hs-sites.com/",
        ],
    );
    not_flagged(
        &guard,
        &[
            "https://myportfolio.rf.gd/",
            "https://bakery-menu.mobirisesite.com/",
            "https://www.systeme.io/",
            "https://infinityfreeapp.com/",
        ],
    );
}

/// Toll smishing names the toll agency in a domain of its own with a
/// payment word (`links.json` brands: The Toll Roads under FasTrak,
/// EZDriveMA, Peach Pass, NC Quick Pass, Good To Go …); the agencies' own
/// sites are official.
#[test]
fn a_toll_agencys_name_with_a_payment_word_is_caught_and_its_own_site_trusted() {
    let guard = Guard::new(Settings::default()).expect("embedded guard");
    flagged(
        &guard,
        &[
            "https://thetollroads-pay.xyz/",
            "https://ezdrivema-tolls.com/",
            "https://peachpass-billing.com/",
            "https://mygoodtogo-toll.com/",
        ],
    );
    at_least_with(
        &guard,
        &["https://www.ezdrivema.com/", "https://mygoodtogo.com/"],
        Level::Trusted,
        "link.official",
    );
    not_flagged(&guard, &["https://peachpassfan.blog/"]);
}
