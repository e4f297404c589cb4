//! What every host signal reads: the host's parts per the Public Suffix
//! List, and a label decoded from punycode or percent-escapes.

use super::super::rules::LinkRules;
use std::borrow::Cow;

/// The registrable domain (`icbc-login.top`, `x.pages.dev`) and what
/// surrounds it, per the Public Suffix List. Empty when the host is itself a
/// public suffix (`pages.dev`, `com.cn`).
pub(super) struct HostParts<'a> {
    /// The suffix comes from the PSL's private section (a shared platform).
    pub(super) shared: bool,
    /// The registrable domain without its suffix: `icbc-login`, `x`.
    pub(super) site_label: Option<&'a str>,
    /// Everything left of the registrable domain: `www.icbc.com.cn`.
    pub(super) sub: Option<&'a str>,
    /// The registrable domain: `icbc-login.top`, `x.pages.dev`.
    pub(super) registrable: Option<&'a str>,
    /// The site label was a platform's deployment name
    /// (`deploy-preview-12--x.netlify.app`), cut to the site's own name.
    pub(super) deploy: bool,
}

impl<'a> HostParts<'a> {
    pub(super) fn of(host: &'a str) -> HostParts<'a> {
        let none = HostParts {
            shared: false,
            site_label: None,
            sub: None,
            registrable: None,
            deploy: false,
        };
        let Some(d) = psl::domain(host.as_bytes()) else {
            return none;
        };
        let reg_len = d.as_bytes().len();
        let suffix_len = d.suffix().as_bytes().len();
        if reg_len > host.len() || suffix_len + 1 > reg_len || !host.is_ascii() {
            return none;
        }
        let registrable = &host[host.len() - reg_len..];
        HostParts {
            shared: d.suffix().typ() == Some(psl::Type::Private),
            site_label: Some(&registrable[..reg_len - suffix_len - 1]),
            sub: (host.len() > reg_len + 1).then(|| &host[..host.len() - reg_len - 1]),
            registrable: Some(registrable),
            deploy: false,
        }
    }

    /// The parts of a site of a platform the Public Suffix List does not
    /// list (`site_platforms`: `x.weebly.com`, `x.wordpress.com`): read as
    /// if the platform were a private suffix.
    pub(super) fn on_platform(host: &'a str, platform: &str) -> HostParts<'a> {
        let reg_start = host[..host.len() - platform.len() - 1]
            .rfind('.')
            .map_or(0, |i| i + 1);
        let registrable = &host[reg_start..];
        HostParts {
            shared: true,
            site_label: Some(&host[reg_start..host.len() - platform.len() - 1]),
            sub: (reg_start > 0).then(|| &host[..reg_start - 1]),
            registrable: Some(registrable),
            deploy: false,
        }
    }

    /// Cuts a deployment name down to the site's own name
    /// (`deploy_names`): the platform's part is no evidence either way.
    pub(super) fn cut_deploy_name(&mut self, rules: &LinkRules, host: &str) {
        let Some(label) = self.site_label.filter(|_| self.shared) else {
            return;
        };
        if let Some(name) = rules
            .deploy_names
            .iter()
            .find_map(|d| d.site_name(host, label))
        {
            self.site_label = Some(name);
            self.deploy = true;
        }
    }
}

/// A punycode label decoded (lowercase Unicode); an ASCII label as it is.
/// `None`: punycode that does not decode.
/// `None`: punycode that does not decode to a proper IDN label (no
/// non-ASCII letter, or not its own canonical encoding: `xn--example-`), or
/// percent-escaped bytes (a host IDNA refused, kept as bytes by
/// canonicalization) that are not UTF-8 or are control characters.
pub(super) fn decode_label(label: &str) -> Option<Cow<'_, str>> {
    if let Some(p) = label.strip_prefix("xn--") {
        let uni = idna::punycode::decode_to_string(p)?.to_lowercase();
        let canonical = idna::punycode::encode_str(&uni).is_some_and(|e| e == p);
        return (canonical && !uni.is_ascii()).then_some(Cow::Owned(uni));
    }
    if label.contains('%') {
        let bytes = percent_decode(label)?;
        let s = String::from_utf8(bytes).ok()?;
        if s.chars().any(char::is_control) {
            return None;
        }
        return Some(Cow::Owned(s.to_lowercase()));
    }
    Some(Cow::Borrowed(label))
}

/// `%41%D9%A3` → bytes; `None` for a malformed escape.
fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}
