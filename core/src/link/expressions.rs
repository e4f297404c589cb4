//! Safe Browsing suffix/prefix lookup expressions of a canonical URL.
//!
//! Hosts: the exact host, then up to four suffixes formed from the last five
//! labels by removing the leading one, down to two labels (the top-level
//! domain alone is skipped); IP hosts are never suffixed. Paths: the exact
//! path with the query, the exact path without it, then `/` and up to three
//! more prefixes of the path, each ending in `/`. At most 5 × 6 = 30
//! expressions, each `host` + `path`, without duplicates.

use super::canon::{Canonical, HostKind};

/// Most host suffixes tried, the exact host included.
const MAX_HOSTS: usize = 5;
/// Most path prefixes tried, `/` included (the exact paths come on top).
const MAX_PATH_PREFIXES: usize = 4;
/// Most expressions of one URL.
pub(crate) const MAX_EXPRESSIONS: usize = MAX_HOSTS * (MAX_PATH_PREFIXES + 2);

/// The lookup expressions of `canon`, in the order the Safe Browsing document
/// lists them (exact host first; for each host, the exact path with query,
/// without query, then prefixes from `/`).
///
/// ```
/// let c = fanzha_core::link::canonicalize("http://a.b.c/1/2.html?param=1").unwrap();
/// assert_eq!(
///     fanzha_core::link::expressions(&c),
///     ["a.b.c/1/2.html?param=1", "a.b.c/1/2.html", "a.b.c/", "a.b.c/1/",
///      "b.c/1/2.html?param=1", "b.c/1/2.html", "b.c/", "b.c/1/"]
/// );
/// ```
pub fn expressions(canon: &Canonical) -> Vec<String> {
    Expressions::of(canon)
        .values()
        .iter()
        .map(|e| e.to_string())
        .collect()
}

/// The expressions of one URL, built back to back in one buffer (one
/// allocation for all of them).
pub(crate) struct Expressions {
    all: String,
    ends: [usize; MAX_EXPRESSIONS],
    n: usize,
}

impl Expressions {
    pub(crate) fn of(canon: &Canonical) -> Expressions {
        let hosts = host_suffixes(&canon.host, canon.host_kind);
        let paths = path_variants(&canon.path, canon.query.as_deref());
        let url_len =
            canon.host.len() + canon.path.len() + canon.query.as_ref().map_or(0, |q| q.len() + 1);
        let mut e = Expressions {
            all: String::with_capacity(4 * url_len),
            ends: [0; MAX_EXPRESSIONS],
            n: 0,
        };
        for host in hosts.iter().flatten() {
            for path in paths.iter().flatten() {
                e.all.push_str(host);
                path.write(&mut e.all);
                e.ends[e.n] = e.all.len();
                e.n += 1;
            }
        }
        e
    }

    /// The expressions as slices, in order (the first `n` of the array).
    pub(crate) fn values(&self) -> ArrayOfStr<'_> {
        let mut values = [""; MAX_EXPRESSIONS];
        let mut start = 0;
        for (v, &end) in values.iter_mut().zip(&self.ends[..self.n]) {
            *v = &self.all[start..end];
            start = end;
        }
        ArrayOfStr { values, n: self.n }
    }
}

/// Up to [`MAX_EXPRESSIONS`] string slices without a heap allocation.
pub(crate) struct ArrayOfStr<'a> {
    values: [&'a str; MAX_EXPRESSIONS],
    n: usize,
}

impl<'a> std::ops::Deref for ArrayOfStr<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        &self.values[..self.n]
    }
}

/// The host strings to try, as slices of `host`.
fn host_suffixes(host: &str, kind: HostKind) -> [Option<&str>; MAX_HOSTS] {
    let mut out = [None; MAX_HOSTS];
    out[0] = Some(host);
    if kind != HostKind::Domain {
        return out;
    }
    // Suffixes of k labels, k from min(5, labels - 1) down to 2. The k-th
    // dot from the right starts the suffix of k labels; a host of d dots has
    // d + 1 labels, so k ≤ d.
    let mut starts = [0usize; MAX_HOSTS];
    let mut dots = 0;
    for (i, _) in host
        .bytes()
        .enumerate()
        .rev()
        .filter(|&(_, b)| b == b'.')
        .take(MAX_HOSTS)
    {
        starts[dots] = i + 1;
        dots += 1;
    }
    for (n, k) in (1..).zip((2..=dots).rev()) {
        out[n] = Some(&host[starts[k - 1]..]);
    }
    out
}

/// One path variant: the path up to `len` bytes, then `?query` if any.
#[derive(Clone, Copy, PartialEq, Eq)]
struct PathVariant<'a> {
    path: &'a str,
    query: Option<&'a str>,
}

impl PathVariant<'_> {
    fn write(&self, buf: &mut String) {
        buf.push_str(self.path);
        if let Some(q) = self.query {
            buf.push('?');
            buf.push_str(q);
        }
    }
}

fn path_variants<'a>(
    path: &'a str,
    query: Option<&'a str>,
) -> [Option<PathVariant<'a>>; MAX_PATH_PREFIXES + 2] {
    let mut out: [Option<PathVariant<'a>>; MAX_PATH_PREFIXES + 2] = [None; MAX_PATH_PREFIXES + 2];
    let mut n = 0;
    let mut push = |v: PathVariant<'a>, out: &mut [Option<PathVariant<'a>>]| {
        if !out[..n].contains(&Some(v)) {
            out[n] = Some(v);
            n += 1;
        }
    };
    if query.is_some() {
        push(PathVariant { path, query }, &mut out);
    }
    push(PathVariant { path, query: None }, &mut out);
    // `/`, then `/a/`, `/a/b/`, `/a/b/c/`: prefixes ending at a slash, the
    // last segment (a file name, or empty after a trailing slash) excluded.
    for (i, _) in path
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'/')
        .take(MAX_PATH_PREFIXES)
    {
        push(
            PathVariant {
                path: &path[..=i],
                query: None,
            },
            &mut out,
        );
    }
    out
}
