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
/// after its first segment; `None` when there is none. Both come from the
/// canonical URL, which is percent-unescaped already (an escaped
/// `https%3A%2F%2F…` reads `https://…` there).
pub(super) fn embedded_target(path: &str, query: Option<&str>) -> Option<String> {
    let from_query = query.and_then(|q| find(q, true));
    from_query.or_else(|| {
        // "/redirect/https://x": not the first byte (the path itself
        // starts with "/").
        path.get(1..).and_then(|p| find(p, false))
    })
}

fn find(hay: &str, in_query: bool) -> Option<String> {
    // Most links carry nothing: decided without allocating. The first
    // "://" after "http" or "https" starts the address.
    let scheme_at = hay.match_indices("://").find_map(|(at, _)| {
        let from = hay[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_ascii_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let scheme = &hay[from..at];
        (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
            .then_some(from)
    })?;
    let rest = &hay[scheme_at..];
    let end = if in_query {
        rest.find('&').unwrap_or(rest.len())
    } else {
        rest.len()
    };
    let mut end = end.min(MAX_TARGET_BYTES);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let target = &rest[..end];
    (target.len() > "http://".len() + 3).then(|| target.to_string())
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
        // An escaped address, as the canonical URL gives it (unescaped).
        assert_eq!(
            embedded_target("/l.php", Some("u=https://evil.top/a?b=1&h=x")).as_deref(),
            Some("https://evil.top/a?b=1")
        );
        assert_eq!(
            embedded_target("/redirect/https://evil.xyz/x", None).as_deref(),
            Some("https://evil.xyz/x")
        );
        assert_eq!(embedded_target("/search", Some("q=cats")), None);
        assert_eq!(embedded_target("/", None), None);
        assert_eq!(embedded_target("/x", Some("u=http://")), None);
        // Only web schemes; odd bytes around them: no panic.
        assert_eq!(embedded_target("/", Some("u=ftp://a.b/file")), None);
        assert_eq!(
            embedded_target("/", Some("f=ftp://a.b&u=HTTPS://evil.xyz/x")).as_deref(),
            Some("HTTPS://evil.xyz/x")
        );
        assert_eq!(
            embedded_target("/", Some("u=https://a.b/%25zz%25")).as_deref(),
            Some("https://a.b/%25zz%25")
        );
        let _ = embedded_target("/://", Some("://é://"));
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
