//! URL canonicalization as Google Safe Browsing specifies it (Update API v4,
//! "URLs and Hashing"), so lookup expressions hash exactly as the lists do.
//!
//! The steps, in order:
//! 1. trim surrounding whitespace and control characters, remove every tab,
//!    CR and LF, drop the fragment (from the first `#`);
//! 2. percent-unescape repeatedly until no escape is left (done in one
//!    linear pass: escapes never overlap, so the fixpoint is unique);
//! 3. split scheme (`http` when none is given), authority, path and query;
//!    drop userinfo and port (both kept aside for the heuristics);
//! 4. host: full-width dots mapped to `.`, leading/trailing dots removed,
//!    runs of dots collapsed, IDN converted to punycode, lower-cased, IPv4 in
//!    any form (decimal, octal, hex, fewer than four parts) written as a
//!    dotted quad, IPv6 in its compressed form;
//! 5. path: `/./` and `/../` resolved, runs of `/` collapsed; the query is
//!    kept as it is;
//! 6. every byte ≤ 0x20, ≥ 0x7f, `#` and `%` percent-escaped (upper-case hex).
//!
//! Two deliberate choices where the document is silent: a backslash ends the
//! host and separates path segments (browsers treat `\` as `/` in web URLs,
//! so `http://bank.com\@evil.top` goes to bank.com), and any run of slashes
//! after `scheme:` is accepted (`http:/x.com`, `http:x.com`).
//!
//! Cost: linear in the input, a handful of small allocations; IDN conversion
//! only runs when the host has non-ASCII bytes.

use crate::error::{Error, Result};
use crate::verdict::Kind;
use std::borrow::Cow;
use std::fmt;
use std::net::Ipv6Addr;

/// Longest input accepted, in bytes. Linear work makes even this cheap; it
/// only bounds memory.
pub const MAX_URL_BYTES: usize = 1 << 20;

/// What the host of a canonical URL is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HostKind {
    /// A domain name.
    Domain,
    /// An IPv4 address.
    Ipv4,
    /// An IPv6 address.
    Ipv6,
}

/// A canonical URL and what canonicalization removed from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical {
    /// Lower-case scheme (`http` when the input had none).
    pub scheme: String,
    /// Canonical host: lower-case ASCII (punycode), a dotted-quad IPv4 or a
    /// bracketed IPv6 address; bytes that can't be in a host are escaped.
    pub host: String,
    /// Canonical path, always starting with `/`, escaped.
    pub path: String,
    /// The query without `?`, escaped; `Some("")` for a bare `?`.
    pub query: Option<String>,
    /// The port written in the input, if any (not part of the canonical URL).
    pub port: Option<u16>,
    /// The userinfo written before `@`, escaped like the rest (not part of
    /// the canonical URL).
    pub userinfo: Option<String>,
    /// Whether the host is a domain or an IP address.
    pub host_kind: HostKind,
    /// The host was hidden: percent-escaped, or an IPv4 address written in
    /// another form than plain dotted decimal (`3279880203`, `0xC3.0177.0.11`).
    pub obfuscated_host: bool,
    /// The input named a scheme (a bare `example.com/x` did not).
    pub scheme_given: bool,
}

impl Canonical {
    /// The canonical URL: `scheme://host/path[?query]`.
    pub fn url(&self) -> String {
        let q = self.query.as_ref().map_or(0, |q| q.len() + 1);
        let mut out =
            String::with_capacity(self.scheme.len() + 3 + self.host.len() + self.path.len() + q);
        out.push_str(&self.scheme);
        out.push_str("://");
        out.push_str(&self.host);
        out.push_str(&self.path);
        if let Some(q) = &self.query {
            out.push('?');
            out.push_str(q);
        }
        out
    }

    /// True for IPv4 and IPv6 hosts.
    pub fn is_ip(&self) -> bool {
        self.host_kind != HostKind::Domain
    }
}

impl fmt::Display for Canonical {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}{}", self.scheme, self.host, self.path)?;
        if let Some(q) = &self.query {
            write!(f, "?{q}")?;
        }
        Ok(())
    }
}

fn invalid(why: &'static str) -> Error {
    Error::input(Kind::Link, why)
}

/// Canonicalizes a URL (see the module docs). A scheme-less input such as
/// `abc.top/x` is read as `http://abc.top/x`.
///
/// Refuses (with [`Error::InvalidInput`], never echoing the input): empty
/// input, input over [`MAX_URL_BYTES`], URLs without a host (`data:`,
/// `javascript:`, `mailto:` …), an unparsable port or IPv6 literal.
///
/// ```
/// let c = fanzha_core::link::canonicalize("http://3279880203/blah").unwrap();
/// assert_eq!(c.url(), "http://195.127.0.11/blah");
/// ```
pub fn canonicalize(url: &str) -> Result<Canonical> {
    canonicalize_bytes(url.as_bytes())
}

/// [`canonicalize`] for raw bytes (URLs need not be UTF-8).
pub fn canonicalize_bytes(input: &[u8]) -> Result<Canonical> {
    if input.len() > MAX_URL_BYTES {
        return Err(invalid("longer than 1 MiB"));
    }
    let cleaned = clean_borrowed(input);
    if cleaned.is_empty() {
        return Err(invalid("empty"));
    }
    let escaped = cleaned.contains(&b'%');
    let obfuscated_authority = escaped && raw_authority_has_escape(&cleaned);
    // Copied only when there is something to unescape.
    let mut s = cleaned;
    if escaped {
        unescape_in_place(s.to_mut());
    }

    let (scheme, rest, scheme_given) = match split_scheme(&s) {
        Scheme::Web(name, rest) => (name, rest, true),
        // A protocol-relative `//host/path` has no scheme either.
        Scheme::None => {
            let skip = s.iter().take_while(|&&b| b == b'/' || b == b'\\').count();
            ("http".to_string(), &s[skip..], false)
        }
        Scheme::NoHost => return Err(invalid("has no host (not a web link)")),
    };
    let special = matches!(scheme.as_str(), "http" | "https" | "ftp" | "ws" | "wss");

    // Authority ends at the first '/', '?' or (in web URLs) '\'.
    let end = rest
        .iter()
        .position(|&b| b == b'/' || b == b'?' || (special && b == b'\\'))
        .unwrap_or(rest.len());
    let (authority, after) = rest.split_at(end);
    let (path_raw, query_raw) = match after.iter().position(|&b| b == b'?') {
        Some(i) => (&after[..i], Some(&after[i + 1..])),
        None => (after, None),
    };

    let (userinfo, hostport) = match authority.iter().rposition(|&b| b == b'@') {
        Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
        None => (None, authority),
    };
    let (host_raw, port) = split_port(hostport)?;
    let (host, host_kind, ip_rewritten) = canonical_host(host_raw)?;

    let path = resolve_path(path_raw, special);
    Ok(Canonical {
        scheme,
        host,
        path: escape(&path),
        query: query_raw.map(escape),
        port,
        userinfo: userinfo.map(escape),
        host_kind,
        obfuscated_host: obfuscated_authority || ip_rewritten,
        scheme_given,
    })
}

/// The scheme an input starts with, if any (`javascript`, `data`, `https` …),
/// read the way [`canonicalize`] reads it. Looks at the first 256 bytes only.
pub(crate) fn leading_scheme(input: &[u8]) -> Option<String> {
    scheme_name(&clean_borrowed(&input[..input.len().min(256)]))
}

/// Step 1: trim, remove tab/CR/LF, drop the fragment; the input itself
/// when no tab, CR or LF is inside.
fn clean_borrowed(input: &[u8]) -> Cow<'_, [u8]> {
    let start = input.iter().position(|&b| b > 0x20).unwrap_or(input.len());
    let end = input
        .iter()
        .rposition(|&b| b > 0x20)
        .map_or(start, |i| i + 1);
    let mut kept = &input[start..end];
    if let Some(hash) = kept.iter().position(|&b| b == b'#') {
        kept = &kept[..hash];
    }
    if !kept.iter().any(|&b| matches!(b, b'\t' | b'\r' | b'\n')) {
        return Cow::Borrowed(kept);
    }
    Cow::Owned(
        kept.iter()
            .copied()
            .filter(|b| !matches!(b, b'\t' | b'\r' | b'\n'))
            .collect(),
    )
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Step 2: percent-unescape until no `%XX` is left, in one pass.
///
/// Repeated passes and this stack reduction reach the same result: two
/// escapes can't overlap (a hex digit is never `%`), so the rewriting is
/// confluent. A decoded byte can only complete a new escape at the tail of
/// the output, which is checked after every byte.
#[cfg(test)]
pub(crate) fn unescape_fully(s: &[u8]) -> Vec<u8> {
    let mut v = s.to_vec();
    unescape_in_place(&mut v);
    v
}

/// [`unescape_fully`] in place: the output never runs ahead of the input.
fn unescape_in_place(s: &mut Vec<u8>) {
    let Some(first) = s.iter().position(|&b| b == b'%') else {
        return;
    };
    let mut n = first; // length of the output, written at the front of `s`
    for r in first..s.len() {
        s[n] = s[r];
        n += 1;
        while n >= 3 && s[n - 3] == b'%' {
            match (hex_val(s[n - 2]), hex_val(s[n - 1])) {
                (Some(h), Some(l)) => {
                    s[n - 3] = h << 4 | l;
                    n -= 2;
                }
                _ => break,
            }
        }
    }
    s.truncate(n);
}

/// Step 6: escape bytes ≤ 0x20, ≥ 0x7f, `#` and `%`.
fn escape(s: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let needs = |b: u8| b <= 0x20 || b >= 0x7f || b == b'#' || b == b'%';
    if !s.iter().any(|&b| needs(b)) {
        // Printable ASCII only: copied as is.
        if let Ok(text) = std::str::from_utf8(s) {
            return text.to_owned();
        }
    }
    let mut out = String::with_capacity(s.len());
    for &b in s {
        if needs(b) {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        } else {
            out.push(char::from(b));
        }
    }
    out
}

/// Whether the authority as written (before unescaping) holds an escape in
/// its host part: a way to hide the real host from a reader.
fn raw_authority_has_escape(s: &[u8]) -> bool {
    let rest = match split_scheme(s) {
        Scheme::Web(_, rest) => rest,
        _ => s,
    };
    let end = rest
        .iter()
        .position(|&b| b == b'/' || b == b'?' || b == b'\\')
        .unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = match authority.iter().rposition(|&b| b == b'@') {
        Some(i) => &authority[i + 1..],
        None => authority,
    };
    host.windows(3)
        .any(|w| w[0] == b'%' && hex_val(w[1]).is_some() && hex_val(w[2]).is_some())
}

enum Scheme<'a> {
    /// A scheme whose URLs have a host; the rest after `scheme:` and slashes.
    Web(String, &'a [u8]),
    /// No scheme: the input starts with the host.
    None,
    /// A scheme without a host (`data:`, `javascript:`, `mailto:` …).
    NoHost,
}

/// The scheme of a cleaned URL, lower-cased, if it names one.
///
/// `name:` counts as a scheme when `name` is a valid scheme without dots and
/// is followed by `//`, or is a web scheme (`http:x.com`), or is a known
/// scheme without host. So `example.com:8080/x` and `localhost:8080` are
/// host-and-port, not schemes.
pub(crate) fn scheme_name(s: &[u8]) -> Option<String> {
    let colon = s.iter().position(|&b| b == b':')?;
    let name = &s[..colon];
    let valid = name.first().is_some_and(u8::is_ascii_alphabetic)
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-')
        && name.len() <= 32;
    if !valid {
        return None;
    }
    let lower: String = name
        .iter()
        .map(|&b| char::from(b.to_ascii_lowercase()))
        .collect();
    let after = &s[colon + 1..];
    let slashes = after.starts_with(b"//") || after.starts_with(b"\\\\");
    if slashes || is_web_scheme(&lower) || HOSTLESS_SCHEMES.contains(&lower.as_str()) {
        Some(lower)
    } else {
        None
    }
}

/// Schemes whose URLs have no host: never canonicalized, judged by name.
pub(crate) const HOSTLESS_SCHEMES: &[&str] = &[
    "about",
    "blob",
    "data",
    "javascript",
    "mailto",
    "sms",
    "smsto",
    "tel",
    "vbscript",
    "file",
];

fn is_web_scheme(s: &str) -> bool {
    matches!(s, "http" | "https")
}

fn split_scheme(s: &[u8]) -> Scheme<'_> {
    let Some(name) = scheme_name(s) else {
        return Scheme::None;
    };
    let after = &s[name.len() + 1..];
    // `javascript://%0Aalert(1)` still runs as a script: these never have a
    // host, slashes or not.
    if matches!(name.as_str(), "javascript" | "vbscript" | "data")
        || (HOSTLESS_SCHEMES.contains(&name.as_str()) && !after.starts_with(b"//"))
    {
        return Scheme::NoHost;
    }
    let skip = after
        .iter()
        .take_while(|&&b| b == b'/' || b == b'\\')
        .count();
    if skip == 0 && !is_web_scheme(&name) {
        return Scheme::NoHost;
    }
    Scheme::Web(name, &after[skip..])
}

/// Splits `host[:port]`; a bracketed IPv6 literal keeps its colons.
fn split_port(hostport: &[u8]) -> Result<(&[u8], Option<u16>)> {
    let colon = if hostport.first() == Some(&b'[') {
        let close = hostport
            .iter()
            .position(|&b| b == b']')
            .ok_or_else(|| invalid("has an unterminated IPv6 address"))?;
        match hostport.get(close + 1) {
            None => None,
            Some(b':') => Some(close + 1),
            Some(_) => return Err(invalid("has text after its IPv6 address")),
        }
    } else {
        hostport.iter().rposition(|&b| b == b':')
    };
    let Some(colon) = colon else {
        return Ok((hostport, None));
    };
    let digits = &hostport[colon + 1..];
    if digits.is_empty() {
        return Ok((&hostport[..colon], None));
    }
    if digits.len() > 5 || !digits.iter().all(u8::is_ascii_digit) {
        return Err(invalid("has an invalid port"));
    }
    let port = digits
        .iter()
        .fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0'));
    let port = u16::try_from(port).map_err(|_| invalid("has an invalid port"))?;
    Ok((&hostport[..colon], Some(port)))
}

/// Step 4. Returns the host, its kind, and whether an IPv4 address was
/// written in another form than its canonical one.
fn canonical_host(raw: &[u8]) -> Result<(String, HostKind, bool)> {
    if raw.first() == Some(&b'[') {
        let inner = raw
            .get(1..raw.len().saturating_sub(1))
            .filter(|_| raw.last() == Some(&b']'))
            .and_then(|b| std::str::from_utf8(b).ok())
            .ok_or_else(|| invalid("has an invalid IPv6 address"))?;
        let addr: Ipv6Addr = inner
            .parse()
            .map_err(|_| invalid("has an invalid IPv6 address"))?;
        return Ok((format!("[{addr}]"), HostKind::Ipv6, false));
    }
    // No host has a backslash (web schemes end the authority at one; in
    // other schemes a host of backslashes would re-read as a path and make
    // canonicalization depend on how often it ran — found by fuzzing).
    if raw.contains(&b'\\') {
        return Err(invalid("has a backslash in its host"));
    }
    if let Some(host) = simple_host(raw) {
        return Ok(host);
    }
    // Full-width and ideographic dots (U+3002, U+FF0E, U+FF61) are dots.
    let mut bytes: Vec<u8> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        if rest.starts_with("\u{3002}".as_bytes())
            || rest.starts_with("\u{FF0E}".as_bytes())
            || rest.starts_with("\u{FF61}".as_bytes())
        {
            bytes.push(b'.');
            i += 3;
        } else {
            bytes.push(raw[i]);
            i += 1;
        }
    }
    let mut host = collapse_dots(&bytes);
    // IDN only for hosts that are otherwise domain-like: with a `%` or a
    // control byte left in, punycode could forge a new escape (`%一0A`
    // encodes to `xn--%0a-…`) and canonicalization would not be idempotent.
    let domain_like = host
        .iter()
        .all(|&b| b >= 0x80 || b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if !host.is_ascii() && domain_like {
        if let Ok(text) = std::str::from_utf8(&host) {
            if let Ok(ascii) = idna::domain_to_ascii(text) {
                // UTS 46 maps some compatibility characters to ASCII
                // punctuation (`﹨` → `\`); such a result is not a domain.
                if ascii
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
                {
                    host = collapse_dots(ascii.as_bytes());
                }
            }
        }
    }
    host.make_ascii_lowercase();
    if host.is_empty() {
        return Err(invalid("has no valid host"));
    }
    // A colon or bracket left in the host (`::`, `a:b:80`, `x[`) would read
    // as a port or an IPv6 literal.
    if host.iter().any(|b| matches!(b, b':' | b'[' | b']')) {
        return Err(invalid("has an invalid host"));
    }
    if let Some(ip) = parse_ipv4(&host) {
        let canonical = format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3]);
        let rewritten = canonical.as_bytes() != &host[..];
        return Ok((canonical, HostKind::Ipv4, rewritten));
    }
    Ok((escape(&host), HostKind::Domain, false))
}

/// The common case in one pass: an ASCII name of letters, digits, `-` and
/// `_` in dot-separated labels, not an IPv4 address in any form. `None`
/// sends the host down the full path.
fn simple_host(raw: &[u8]) -> Option<(String, HostKind, bool)> {
    let mut prev_dot = true;
    for &b in raw {
        match b {
            b'.' if prev_dot => return None,
            b'.' => prev_dot = true,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' => prev_dot = false,
            _ => return None,
        }
    }
    // A trailing dot, an empty host, or one a number parser might read
    // (hex letters only: `0xc0.1`) takes the full path.
    let number_like = !raw
        .iter()
        .any(|&b| b.is_ascii_alphabetic() && !b.is_ascii_hexdigit() && !matches!(b, b'x' | b'X'));
    if prev_dot || number_like {
        return None;
    }
    // Checked above: ASCII letters, digits, `-`, `_` and dots only.
    let host = std::str::from_utf8(raw).ok()?.to_ascii_lowercase();
    Some((host, HostKind::Domain, false))
}

/// Removes leading and trailing dots and collapses runs of dots.
fn collapse_dots(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &b in s {
        if b == b'.' && (out.is_empty() || out.last() == Some(&b'.')) {
            continue;
        }
        out.push(b);
    }
    if out.last() == Some(&b'.') {
        out.pop();
    }
    out
}

/// Parses an IPv4 address in any form `inet_aton` accepts: one to four
/// parts, each decimal, octal (leading `0`) or hex (`0x`); the last part
/// fills the remaining bytes.
pub(crate) fn parse_ipv4(host: &[u8]) -> Option<[u8; 4]> {
    let parts: Vec<&[u8]> = host.split(|&b| b == b'.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut values = [0u64; 4];
    for (i, part) in parts.iter().enumerate() {
        values[i] = parse_ipv4_part(part)?;
    }
    let n = parts.len();
    let last_max: u64 = match n {
        1 => 0xFFFF_FFFF,
        2 => 0xFF_FFFF,
        3 => 0xFFFF,
        _ => 0xFF,
    };
    if values[..n - 1].iter().any(|&v| v > 255) || values[n - 1] > last_max {
        return None;
    }
    let mut ip: u32 = 0;
    for (i, &v) in values[..n - 1].iter().enumerate() {
        ip |= (v as u32) << (24 - 8 * i);
    }
    ip |= values[n - 1] as u32;
    Some(ip.to_be_bytes())
}

fn parse_ipv4_part(part: &[u8]) -> Option<u64> {
    if part.is_empty() {
        return None;
    }
    let (digits, radix) = if part.len() > 2 && (part.starts_with(b"0x") || part.starts_with(b"0X"))
    {
        (&part[2..], 16)
    } else if part.len() > 1 && part[0] == b'0' {
        (&part[1..], 8)
    } else {
        (part, 10)
    };
    // Leading zeros aside, more digits than any valid part has means "not an
    // address" (and keeps the arithmetic from overflowing).
    let significant = digits.iter().skip_while(|&&d| d == b'0').count();
    if significant > 11 {
        return None;
    }
    let mut v: u64 = 0;
    for &d in digits {
        let x = char::from(d).to_digit(radix)?;
        v = v * u64::from(radix) + u64::from(x);
    }
    Some(v)
}

/// Step 5: resolves `.` and `..` segments and collapses slashes, keeping a
/// trailing slash. Web URLs treat `\` as `/`.
fn resolve_path(raw: &[u8], backslash_is_slash: bool) -> Cow<'_, [u8]> {
    // Already canonical: starts with `/`, no `//`, no `.` or `..` segment,
    // no backslash.
    let clean_path = raw.first() == Some(&b'/')
        && !raw.contains(&b'\\')
        && raw.windows(2).all(|w| w != b"//" && w != b"/.");
    if clean_path {
        return Cow::Borrowed(raw);
    }
    let is_sep = |b: &u8| *b == b'/' || (backslash_is_slash && *b == b'\\');
    let trailing = raw.last().is_some_and(is_sep);
    let mut segments: Vec<&[u8]> = Vec::new();
    for seg in raw.split(is_sep) {
        match seg {
            b"" | b"." => {}
            b".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let mut out = Vec::with_capacity(raw.len() + 1);
    for seg in &segments {
        out.push(b'/');
        out.extend_from_slice(seg);
    }
    if trailing || segments.is_empty() {
        out.push(b'/');
    }
    Cow::Owned(out)
}
