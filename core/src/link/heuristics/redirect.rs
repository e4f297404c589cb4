//! Links that pass through one site to another: an open redirector on an
//! official site (`google.com/url?q=https://…`, `…/link?target=…`) or any
//! query or path that carries a whole web address. The outer site's
//! standing must not vouch for where the link really goes.

use super::canon;

/// Carried addresses on the link's own host looked through
/// (`google.com/url?q=https://google.com/url?q=…`).
const MAX_SAME_HOST_HOPS: usize = 8;

/// Longest embedded address taken, in bytes.
const MAX_TARGET_BYTES: usize = 4096;

/// How an embedded address starts, as written (lower-case) and, for the
/// escaped forms, how it reads once decoded.
const STARTS: &[&str] = &[
    "https://",
    "http://",
    "https%3a%2f%2f",
    "http%3a%2f%2f",
    "https%3a//",
    "http%3a//",
];

/// The first address the link at `host` carries that is on another host,
/// looking through addresses on `host` itself (a redirector sending to its
/// own redirector); past [`MAX_SAME_HOST_HOPS`] such hops the last one is
/// returned, since nesting that deep is itself a disguise.
pub(super) fn carried_target(host: &str, path: &str, query: Option<&str>) -> Option<String> {
    let mut t = embedded_target(path, query)?;
    for _ in 0..MAX_SAME_HOST_HOPS {
        let tc = canon::canonicalize(&t).ok()?;
        if tc.host != host {
            return Some(t);
        }
        t = embedded_target(&tc.path, tc.query.as_deref())?;
    }
    Some(t)
}

/// The first web address carried inside `query`, or else inside `path`
/// after its first segment, percent-decoded once; `None` when there is none.
pub(super) fn embedded_target(path: &str, query: Option<&str>) -> Option<String> {
    let from_query = query.and_then(|q| find(q, true));
    from_query.or_else(|| {
        // "/redirect/https://x" and "/https%3A%2F%2Fx": not the first byte
        // (the path itself starts with "/").
        path.get(1..).and_then(|p| find(p, false))
    })
}

fn find(hay: &str, in_query: bool) -> Option<String> {
    // Most links carry nothing: decide that without allocating.
    if !(hay.contains("://") || hay.contains("%3a") || hay.contains("%3A")) {
        return None;
    }
    let lower = hay.to_ascii_lowercase();
    let start = STARTS.iter().filter_map(|s| lower.find(s)).min()?;
    let rest = &hay[start..];
    let end = if in_query {
        rest.find('&').unwrap_or(rest.len())
    } else {
        rest.len()
    };
    let raw = &rest[..end.min(MAX_TARGET_BYTES)];
    let mut raw_end = raw.len();
    while !raw.is_char_boundary(raw_end) {
        raw_end -= 1;
    }
    let decoded = percent_decode_once(&raw[..raw_end]);
    (decoded.len() > "http://".len() + 3).then_some(decoded)
}

/// `%XX` escapes decoded once (an invalid escape or a non-UTF-8 result
/// keeps the text as it was).
fn percent_decode_once(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_address_a_link_carries() {
        assert_eq!(
            embedded_target("/url", Some("q=https://evil.xyz/login&sa=D")).as_deref(),
            Some("https://evil.xyz/login")
        );
        assert_eq!(
            embedded_target("/l.php", Some("u=https%3A%2F%2Fevil.top%2Fa%3Fb%3D1&h=x")).as_deref(),
            Some("https://evil.top/a?b=1")
        );
        assert_eq!(
            embedded_target("/redirect/https://evil.xyz/x", None).as_deref(),
            Some("https://evil.xyz/x")
        );
        assert_eq!(embedded_target("/search", Some("q=cats")), None);
        assert_eq!(embedded_target("/", None), None);
        assert_eq!(embedded_target("/x", Some("u=http://")), None);
        // Broken escapes and any bytes: no panic, text kept.
        assert_eq!(
            embedded_target("/", Some("u=https://a.b/%zz%")).as_deref(),
            Some("https://a.b/%zz%")
        );
        let _ = embedded_target("/%", Some("%%%https%3a%2f%2f%"));
    }

    #[test]
    fn looks_through_the_links_own_host() {
        let host = "www.google.com";
        assert_eq!(
            carried_target(
                host,
                "/url",
                Some("q=https://www.google.com/url?q=https://evil.xyz/a")
            )
            .as_deref(),
            Some("https://evil.xyz/a")
        );
        // Only its own pages: nothing carried.
        assert_eq!(
            carried_target(host, "/url", Some("q=https://www.google.com/maps")),
            None
        );
        assert_eq!(carried_target(host, "/search", Some("q=cats")), None);
    }
}
