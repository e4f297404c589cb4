//! Free hosting and site-builder platforms (a private suffix of the Public
//! Suffix List: `x.pages.dev`, `x.github.io`). Most legitimate project and
//! personal sites live there too, so a platform is never evidence by
//! itself: it only adds weight beside other evidence, and on a code-hosting
//! platform a subdomain named exactly like a brand reads as the brand's own
//! organisation page.

use super::super::rules::LinkRules;
use crate::scoring::Assessment;

/// The host is a subdomain of a code-hosting platform (`project_hosts` in
/// the data: `github.io`, `readthedocs.io` …).
pub(super) fn is_project_host(rules: &LinkRules, host: &str) -> bool {
    on_any(&rules.project_hosts, host)
}

/// The host is a site of a documentation build service (`docs_hosts` in
/// the data: `readthedocs.io` …), whose sites are a software project's
/// built documentation.
pub(super) fn is_docs_host(rules: &LinkRules, host: &str) -> bool {
    on_any(&rules.docs_hosts, host)
}

/// The host is a site of a site builder or no-code hosting (`builder_hosts`
/// in the data: `weebly.com`, `web.app` …), where sites are pages, not
/// software projects: lure words piled up in the name count there.
pub(super) fn is_builder_host(rules: &LinkRules, host: &str) -> bool {
    on_any(&rules.builder_hosts, host)
}

/// A brand's name as the name of a site on a page builder (`page_builders`):
/// on top of `link.brand_on_shared_hosting`, which it needs.
pub(super) fn brand_on_page_builder(rules: &LinkRules, host: &str, a: &mut Assessment) {
    let named = a
        .reasons()
        .iter()
        .any(|r| r.code == "link.brand_on_shared_hosting");
    if named && on_any(&rules.page_builders, host) {
        a.add(
            "link.brand_on_page_builder",
            rules.weight("link.brand_on_page_builder"),
            "A brand's name on a drag-and-drop site builder, where brands do not put their pages",
        );
    }
}

fn on_any(platforms: &[String], host: &str) -> bool {
    platforms.iter().any(|p| {
        host.len() > p.len() + 1
            && host.ends_with(p.as_str())
            && host.as_bytes()[host.len() - p.len() - 1] == b'.'
    })
}

/// A free-hosting subdomain (not a brand's own, not a user-content site)
/// adds `link.shared_hosting_combo` only when the other evidence already
/// reaches `shape.combo_min_risk`; a brand's name on the platform, lure
/// words and a tunnel service (itself the platform) do not count towards
/// it.
pub(super) fn shared_hosting_combo(rules: &LinkRules, a: &mut Assessment) {
    let other_risk: i32 = a
        .reasons()
        .iter()
        .filter(|r| {
            r.weight > 0
                && !matches!(
                    r.code.as_str(),
                    "link.brand_on_shared_hosting"
                        | "link.brand_on_page_builder"
                        | "link.brand_on_project_host"
                        | "link.tunnel_host"
                        | "link.lure_words"
                )
        })
        .map(|r| r.weight)
        .sum();
    if other_risk >= rules.shape.combo_min_risk {
        a.add(
            "link.shared_hosting_combo",
            rules.weight("link.shared_hosting_combo"),
            "On a free hosting platform, where phishing pages are set up in minutes",
        );
    }
}
