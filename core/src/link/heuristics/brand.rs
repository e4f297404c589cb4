//! Brands in the host's labels: an official domain written up front, brand
//! names and their hyphenated or digit-suffixed forms, typosquats, look-alike
//! (homograph) labels, and the lure words beside them.

use super::super::rules::{HostFacts, LinkRules, WordFacts};
use super::parts::{decode_label, HostParts};
use super::platform;
use crate::scoring::Assessment;
use crate::verdict::{FraudType, Lang};
use std::borrow::Cow;

/// Most labels of a subdomain searched for an embedded official domain.
const MAX_WINDOW_LABELS: usize = 4;
/// Most hyphen-separated tokens of a label analysed.
const MAX_TOKENS: usize = 32;
/// Shortest letter run before digits split into a brand and a lure word
/// (`barclaysvalidate48`); shorter runs (`shop12`, `video9`) are ordinary.
const MIN_SPLIT_RUN: usize = 8;
/// Most labels of a host analysed for brands (the rightmost ones).
const MAX_ANALYSED_LABELS: usize = 12;
/// Brand words this long or shorter (jd, ups, bca) are too ambiguous for
/// a category bonus, and inside a run of letters and digits count only
/// where it starts (a random hash holds such runs).
pub(super) const SHORT_BRAND_WORD: usize = 3;

/// Lure words found in the host: strong ones (login, verify, kefu) count on
/// their own; weak ones (short pinyin abbreviations such as `jf`, `rz`)
/// only next to a brand.
#[derive(Default)]
struct Lures {
    strong: Option<String>,
    /// A second strong lure word, other than the first.
    second: Option<String>,
    weak: bool,
}

impl Lures {
    fn note(&mut self, word: &str, facts: WordFacts) {
        if facts.lure {
            self.note_strong(word);
        }
        self.weak |= facts.weak_lure;
    }

    fn note_strong(&mut self, word: &str) {
        match &self.strong {
            None => self.strong = Some(word.to_string()),
            Some(first) if self.second.is_none() && first != word => {
                self.second = Some(word.to_string());
            }
            _ => {}
        }
    }
}

/// A brand signal found in the host, before it becomes a reason.
/// The detail text is only written for the signals that become reasons.
struct Found<'a> {
    code: &'static str,
    brand: usize,
    weight: i32,
    /// The word (or domain) of the host that carries the signal.
    word: Cow<'a, str>,
}

impl Found<'_> {
    fn detail(&self, rules: &LinkRules) -> String {
        let name = &rules.brand(self.brand).name_en;
        let word = &self.word;
        match self.code {
            "link.brand_domain_in_subdomain" => {
                format!("Starts with {word}, the domain of {name}, but is another site")
            }
            "link.brand_domain_in_label" => {
                format!(
                    "Writes {word}, the domain of {name}, with hyphens inside another site's name"
                )
            }
            "link.homograph" => {
                format!("\"{word}\" is written with look-alike characters to imitate {name}")
            }
            "link.typosquat" => format!("\"{word}\" imitates {name}"),
            "link.brand_on_project_host" => {
                format!("Uses \"{word}\" ({name}) on a code-hosting or docs platform")
            }
            "link.brand_on_shared_hosting" => {
                format!("Uses \"{word}\" ({name}) on a free hosting platform")
            }
            "link.brand_in_domain" => {
                format!("Uses \"{word}\" ({name}) in a domain {name} does not own")
            }
            "link.brand_digits" => {
                format!("\"{word}\" is {name}'s name numbered, as mass-registered imitations are")
            }
            _ => format!("Puts \"{word}\" ({name}) in front of a domain {name} does not own"),
        }
    }
}

/// How many of [`BRAND_CODES`], from the first, are imitations rather than
/// mentions.
const IMITATIONS: usize = 4;

/// Order in which brand reasons are reported (strongest evidence first).
const BRAND_CODES: [&str; 9] = [
    "link.homograph",
    "link.brand_domain_in_subdomain",
    "link.brand_domain_in_label",
    "link.typosquat",
    "link.brand_on_shared_hosting",
    "link.brand_on_project_host",
    "link.brand_in_domain",
    "link.brand_in_subdomain",
    "link.brand_digits",
];

/// The brand and lure signals of the host's own labels (left of the public
/// suffix): an official domain written up front, brand names, typosquats,
/// look-alike labels, lure words; one reason per kind, the strongest first.
pub(super) fn brand_signals(
    rules: &LinkRules,
    lang: Lang,
    host: &str,
    parts: &HostParts,
    facts: &HostFacts,
    a: &mut Assessment,
) {
    let w = |code: &str| rules.weight(code);
    let mut found: Vec<Found> = Vec::new();
    let mut lure = Lures::default();
    let infrastructure = facts.infrastructure;
    // A code-hosting or docs platform, or a platform's deployment of a
    // project (`deploy-preview-12--x.netlify.app`): a brand there is most
    // often the service a project talks to.
    let project_host = parts.shared && (parts.deploy || platform::is_project_host(rules, host));
    let docs_host = parts.shared && platform::is_docs_host(rules, host);

    // An official domain written as the leading labels of another host:
    // www.icbc.com.cn.verify.xyz, paypal.com.secure-login.top.
    if let (Some(sub), false) = (parts.sub, infrastructure) {
        if let Some((b, name)) = official_inside(rules, sub) {
            found.push(Found {
                code: "link.brand_domain_in_subdomain",
                brand: b,
                weight: w("link.brand_domain_in_subdomain") + rules.bonus(b),
                word: Cow::Borrowed(name),
            });
        }
    }
    // The same with hyphens for dots: appleid-apple-com.support,
    // usps.com-track.top, amazon-co-jp-xyz.cn.
    if found.is_empty() && !infrastructure {
        if let Some((b, name)) = hyphenated_official(rules, parts) {
            found.push(Found {
                code: "link.brand_domain_in_label",
                brand: b,
                weight: w("link.brand_domain_in_label") + rules.bonus(b),
                word: Cow::Owned(name),
            });
        }
    }

    // The subdomain's last MAX_ANALYSED_LABELS labels in order, then the
    // site's label (on the stack: no allocation per check).
    let mut labels = [("", false); MAX_ANALYSED_LABELS + 1];
    let mut n = 0;
    if let Some(sub) = parts.sub.filter(|_| !infrastructure) {
        for l in sub.rsplit('.').take(MAX_ANALYSED_LABELS) {
            labels[n] = (l, false);
            n += 1;
        }
        labels[..n].reverse();
    }
    if let Some(site) = parts.site_label {
        labels[n] = (site, true);
        n += 1;
    }
    for &(label, in_site) in &labels[..n] {
        if label.starts_with("xn--") {
            unicode_label(rules, label, in_site, parts.shared, &mut found, &mut lure);
        } else {
            // A library or its docs named after the service it talks to
            // (python-binance.readthedocs.io, paypal-checkout-sdk.netlify.app,
            // google-auth-library-python…): the brand and words such as
            // "auth" are the project's subject, not a lure. Imitations (a
            // typo, a look-alike) still count.
            // On a documentation build service every site is a project's
            // docs (google-auth.readthedocs.io): its name is read the same.
            let software = parts.shared && in_site && (rules.is_software_label(label) || docs_host);
            let before = found.len();
            let mut subject = Lures::default();
            let lures = if software { &mut subject } else { &mut lure };
            ascii_label(
                rules,
                label,
                in_site,
                parts.shared,
                project_host,
                &mut found,
                lures,
            );
            if software {
                let label_found = found.split_off(before);
                found.extend(
                    label_found
                        .into_iter()
                        .filter(|f| BRAND_CODES[..IMITATIONS].contains(&f.code)),
                );
            }
        }
    }

    let mut named = false;
    let mut any_brand = false;
    // A brand already caught imitated (look-alike, its domain up front, a
    // typo) is not reported again as a mere mention.
    let imitated: Vec<usize> = found
        .iter()
        .filter(|f| BRAND_CODES[..IMITATIONS].contains(&f.code))
        .map(|f| f.brand)
        .collect();
    found.retain(|f| BRAND_CODES[..IMITATIONS].contains(&f.code) || !imitated.contains(&f.brand));
    for code in BRAND_CODES {
        let Some(best) = found
            .iter()
            .filter(|f| f.code == code)
            .max_by_key(|f| f.weight)
        else {
            continue;
        };
        if !named {
            a.set_name(rules.brand(best.brand).name(lang));
            named = true;
        }
        any_brand = true;
        a.add_typed(code, best.weight, best.detail(rules), FraudType::Phishing);
    }
    if let Some(word) = &lure.strong {
        a.add(
            "link.lure_words",
            w("link.lure_words"),
            format!("The address uses the word \"{word}\", common in phishing"),
        );
    }
    // Two different lure words (secure-account-verify.com,
    // login.update-billing.top) on a site of its own or a site builder's
    // page; on a developer platform project names use such words too
    // (auth-login-demo.vercel.app).
    let stack_counts = !parts.shared || platform::is_builder_host(rules, host);
    if let (Some(first), Some(second), true) = (&lure.strong, &lure.second, stack_counts) {
        a.add(
            "link.lure_stack",
            w("link.lure_stack"),
            format!("Piles up lure words (\"{first}\", \"{second}\"), as phishing hosts do"),
        );
    }
    // Weak lures (app, help, pay) are project words on a project host.
    if any_brand && (lure.strong.is_some() || (lure.weak && !project_host)) {
        a.add_typed(
            "link.brand_lure",
            w("link.brand_lure"),
            "A brand name together with words such as login, verify or refund",
            FraudType::Phishing,
        );
    }
}

/// Longest top-level or second-level label an official domain written with
/// hyphens ends in (`com`, `jp`, `co`): only such tokens end a window.
const MAX_TAIL_LEN: usize = 3;
/// Shortest first label of such a window that is not a brand word.
const MIN_HEAD_LEN: usize = 4;

/// An official domain written with hyphens for dots in the host's own
/// labels (`appleid-apple-com`, `usps.com-track`, `amazon-co-jp-xyz`): the
/// brand and the domain. A window ends in a short label (`com`, `jp`) and
/// starts with a brand word or a label of at least four letters, so `me.com`
/// in `call-me-com` or `a.co` in `buy-a-co-op` are not read as domains.
fn hyphenated_official(rules: &LinkRules, parts: &HostParts) -> Option<(usize, String)> {
    let site = parts.site_label?;
    let hyphen = |l: &str| l.contains(['-', '_']);
    if !hyphen(site) && !parts.sub.is_some_and(hyphen) {
        return None;
    }
    // Each token with the separator written before it ('.' for the first
    // token of a label).
    let mut tokens: Vec<(u8, &str)> = Vec::new();
    for label in parts
        .sub
        .into_iter()
        .flat_map(|s| s.split('.'))
        .chain([site])
    {
        let mut sep = b'.';
        let mut start = 0;
        for (i, c) in label.bytes().enumerate().chain([(label.len(), b'.')]) {
            if matches!(c, b'-' | b'_' | b'.') {
                if i > start {
                    tokens.push((sep, &label[start..i]));
                }
                sep = c;
                start = i + 1;
            }
        }
    }
    let skip = tokens.len().saturating_sub(MAX_TOKENS);
    let tokens = &tokens[skip..];
    let mut name = String::new();
    for end in 1..tokens.len() {
        if tokens[end].1.len() > MAX_TAIL_LEN {
            continue;
        }
        for n in 2..=MAX_WINDOW_LABELS.min(end + 1) {
            let first = tokens[end + 1 - n].1;
            if first.len() < MIN_HEAD_LEN && rules.token_brand(first).is_none() {
                continue;
            }
            // A hyphen before a short token (com, co, jp) reads as a dot;
            // others stay (smbc-card-com is smbc-card.com).
            name.clear();
            name.push_str(first);
            for &(sep, t) in &tokens[end + 2 - n..=end] {
                name.push(if t.len() <= MAX_TAIL_LEN {
                    '.'
                } else {
                    char::from(sep)
                });
                name.push_str(t);
            }
            if let Some(b) = rules.official_exact(&name) {
                return Some((b, name));
            }
        }
    }
    None
}

/// An official multi-label domain written inside `sub` at label boundaries.
fn official_inside<'a>(rules: &LinkRules, sub: &'a str) -> Option<(usize, &'a str)> {
    let mut bounds: Vec<usize> = vec![0];
    bounds.extend(sub.match_indices('.').map(|(i, _)| i + 1));
    let starts = bounds.len();
    bounds.push(sub.len() + 1);
    let first = starts.saturating_sub(MAX_ANALYSED_LABELS);
    for s in first..starts {
        for n in 2..=MAX_WINDOW_LABELS {
            let e = s + n;
            if e > starts {
                break;
            }
            let window = &sub[bounds[s]..bounds[e] - 1];
            if let Some(b) = rules.official_exact(window) {
                return Some((b, window));
            }
        }
    }
    None
}

/// Splits `icbc95588` into `icbc` and `95588`.
pub(super) fn alnum_runs(token: &str) -> impl Iterator<Item = &str> {
    let bytes = token.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            i += 1;
            if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[i - 1].is_ascii_digit() {
                let run = &token[start..i];
                start = i;
                return Some(run);
            }
        }
        None
    })
}

fn mention_code(in_site: bool, shared: bool) -> &'static str {
    match (in_site, shared) {
        (false, _) => "link.brand_in_subdomain",
        (true, true) => "link.brand_on_shared_hosting",
        (true, false) => "link.brand_in_domain",
    }
}

/// A brand and a lure word run together (`paypalverify`, from
/// [`LinkRules::brand_lure_split`]): the brand's mention, the lure word
/// noted.
/// `whole_name`: the fused word is the site's whole name on a domain of
/// its own (`chasebank.com`, `amazonpay.in`), where a service word
/// (`brand_service_words`) written after the brand is how brands name
/// their own sites.
fn split_mention<'a>(
    rules: &LinkRules,
    (brand, brand_word, lure_word): (usize, &'a str, &'a str),
    (in_site, shared, whole_name): (bool, bool, bool),
    lure: &mut Lures,
) -> Found<'a> {
    let facts = rules.word(lure_word);
    // Both words are slices of one token: the lure follows the brand when it
    // starts further in (`chase|bank`, not `bank|chase`).
    let brand_first = lure_word.as_ptr() > brand_word.as_ptr();
    if !(whole_name && brand_first && in_site && !shared && facts.service) {
        lure.note(lure_word, facts);
    }
    mention(rules, brand, Cow::Borrowed(brand_word), in_site, shared)
}

fn mention<'a>(
    rules: &LinkRules,
    brand: usize,
    word: Cow<'a, str>,
    in_site: bool,
    shared: bool,
) -> Found<'a> {
    let code = mention_code(in_site, shared);
    // A brand's name on a domain we don't list may still be the brand's (we
    // can't list every domain it owns), so a plain mention gets no category
    // bonus; a bank on a free hosting platform does. Words of three letters
    // or fewer (jd, ups, ccb) are too ambiguous for it either way.
    let bonus = if shared && word.chars().count() > SHORT_BRAND_WORD {
        rules.bonus(brand)
    } else {
        0
    };
    Found {
        code,
        brand,
        weight: rules.weight(code) + bonus,
        word,
    }
}

fn typosquat<'a>(rules: &LinkRules, brand: usize, token: &'a str) -> Found<'a> {
    Found {
        code: "link.typosquat",
        brand,
        weight: rules.weight("link.typosquat") + rules.bonus(brand),
        word: Cow::Borrowed(token),
    }
}

fn ascii_label<'a>(
    rules: &LinkRules,
    label: &'a str,
    in_site: bool,
    shared: bool,
    project_host: bool,
    found: &mut Vec<Found<'a>>,
    lure: &mut Lures,
) {
    let mut mentioned = false;
    let first_found = found.len();
    let mut token_buf = [""; MAX_TOKENS];
    let mut count = 0;
    for t in label
        .split(['-', '_'])
        .filter(|t| !t.is_empty())
        .take(MAX_TOKENS)
    {
        token_buf[count] = t;
        count += 1;
    }
    let tokens: &[&'a str] = &token_buf[..count];
    // Brand words split by hyphens first (office-365, royal-mail,
    // bank-of-china): their pieces are then not read as words of their own.
    let mut consumed = [false; MAX_TOKENS];
    if tokens.len() > 1 {
        // Three tokens joined are at most the label's length: on the
        // stack for any label DNS allows.
        let mut stack = [0u8; 64];
        let mut heap = Vec::new();
        let joined: &mut [u8] = if label.len() <= stack.len() {
            &mut stack
        } else {
            heap.resize(label.len(), 0);
            &mut heap
        };
        for i in 0..tokens.len() {
            let mut len = tokens[i].len();
            joined[..len].copy_from_slice(tokens[i].as_bytes());
            for (k, t) in tokens.iter().enumerate().skip(i + 1).take(2) {
                joined[len..len + t.len()].copy_from_slice(t.as_bytes());
                len += t.len();
                let Ok(word) = std::str::from_utf8(&joined[..len]) else {
                    break;
                };
                if let Some(b) = rules.token_brand(word) {
                    found.push(mention(
                        rules,
                        b,
                        Cow::Owned(word.to_string()),
                        in_site,
                        shared,
                    ));
                    mentioned = true;
                    consumed[i..=k].iter_mut().for_each(|c| *c = true);
                    break;
                }
            }
        }
    }
    for (i, &token) in tokens.iter().enumerate() {
        if consumed[i] {
            continue;
        }
        let facts = rules.word(token);
        lure.note(token, facts);
        if let Some(b) = facts.brand {
            found.push(mention(
                rules,
                b as usize,
                Cow::Borrowed(token),
                in_site,
                shared,
            ));
            mentioned = true;
            continue;
        }
        if facts.exempt {
            continue;
        }
        if let Some(b) = rules.folded_brand(token, facts) {
            found.push(typosquat(rules, b, token));
            continue;
        }
        if in_site {
            if let Some(b) = rules.typo_brand(token) {
                found.push(typosquat(rules, b, token));
                continue;
            }
        }
        if let Some(split) = rules.brand_lure_split(token) {
            let whole_name = tokens.len() == 1;
            found.push(split_mention(
                rules,
                split,
                (in_site, shared, whole_name),
                lure,
            ));
            mentioned = true;
            continue;
        }
        let mixed_digits = token.bytes().any(|b| b.is_ascii_digit())
            && token.bytes().any(|b| b.is_ascii_alphabetic());
        if mixed_digits {
            let mut runs = alnum_runs(token).peekable();
            let mut first = true;
            while let Some(run) = runs.next() {
                let run_facts = rules.word(run);
                lure.note(run, run_facts);
                let digits_next = runs
                    .peek()
                    .is_some_and(|r| r.bytes().all(|b| b.is_ascii_digit()));
                // A brand of three letters or fewer (jd, bca, dgt) inside
                // a token of letters and digits counts only where the
                // token starts (`jd416`, `bca2024`): further in, it is as
                // likely three letters of a random hash (`9o1w81dgt`, a
                // deploy preview's name).
                let at_start = std::mem::replace(&mut first, false);
                let brand = run_facts
                    .brand
                    .filter(|_| at_start || run.len() > SHORT_BRAND_WORD);
                if let Some(b) = brand {
                    found.push(mention(
                        rules,
                        b as usize,
                        Cow::Borrowed(run),
                        in_site,
                        shared,
                    ));
                    mentioned = true;
                    // A brand with digits run on (`fedex713`, `jd416`):
                    // how mass-registered imitations are numbered.
                    if digits_next && run.bytes().all(|b| b.is_ascii_alphabetic()) {
                        found.push(Found {
                            code: "link.brand_digits",
                            brand: b as usize,
                            weight: rules.weight("link.brand_digits"),
                            word: Cow::Borrowed(token),
                        });
                    }
                } else if let Some(split) = (run.len() >= MIN_SPLIT_RUN)
                    .then(|| rules.brand_lure_split(run))
                    .flatten()
                {
                    // A brand and a lure word run together, then digits
                    // (`barclaysvalidate48`).
                    found.push(split_mention(rules, split, (in_site, shared, false), lure));
                    mentioned = true;
                }
            }
        }
    }
    if !mentioned {
        if let Some(b) = rules.embedded_brand(label) {
            let word = rules
                .brand(b)
                .embedded
                .iter()
                .find(|k| label.contains(k.as_str()))
                .map_or(label, |k| k.as_str());
            found.push(mention(
                rules,
                b,
                Cow::Owned(word.to_string()),
                in_site,
                shared,
            ));
        }
    }
    // On a code-hosting or docs platform a brand in the site's name is the
    // brand's own organisation page (`paypal.github.io`) or a project about
    // the service (`trezor-firmware.readthedocs.io`): a weaker mention,
    // without the imitation bonus, that needs other evidence.
    if shared && in_site && project_host {
        for f in &mut found[first_found..] {
            if f.code == "link.brand_on_shared_hosting" {
                f.code = "link.brand_on_project_host";
                f.weight = rules.weight(f.code);
            }
        }
    }
}

fn unicode_label<'a>(
    rules: &LinkRules,
    label: &'a str,
    in_site: bool,
    shared: bool,
    found: &mut Vec<Found<'a>>,
    lure: &mut Lures,
) {
    let Some(uni) = decode_label(label) else {
        return;
    };
    if uni.is_ascii() {
        return;
    }
    let whole = std::iter::once(uni.as_ref());
    let tokens = uni.split('-').filter(|t| !t.is_empty() && *t != uni);
    for token in whole.chain(tokens) {
        if token.is_ascii() {
            continue;
        }
        if let Some(b) = rules.skeleton_brand(token) {
            found.push(Found {
                code: "link.homograph",
                brand: b,
                weight: rules.weight("link.homograph") + rules.bonus(b),
                word: Cow::Owned(token.to_string()),
            });
            return;
        }
    }
    if let Some(b) = rules.name_brand(&uni) {
        let name = rules
            .brand(b)
            .names
            .iter()
            .find(|n| uni.contains(n.as_str()))
            .cloned();
        found.push(mention(
            rules,
            b,
            Cow::Owned(name.unwrap_or_else(|| uni.to_string())),
            in_site,
            shared,
        ));
    }
    if lure.second.is_none() {
        if let Some(word) = rules.unicode_lure(&uni) {
            lure.note_strong(word);
        }
    }
}
