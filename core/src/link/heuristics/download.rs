//! Downloads: installers, iPhone profiles and programs, named after a brand
//! or not, and remote-control apps (their sites, pages and installers).

use super::super::canon::{Canonical, HostKind};
use super::super::rules::{HostFacts, LinkRules};
use super::brand::alnum_runs;
use crate::scoring::Assessment;
use crate::verdict::{FraudType, Lang};

/// `.apk`, `.ipa`, `.mobileconfig`, `.exe` … as the file of the path or the
/// value of a query parameter. Returns the extension found.
pub(super) fn download(
    rules: &LinkRules,
    lang: Lang,
    c: &Canonical,
    a: &mut Assessment,
) -> Option<String> {
    // Byte scans: `/` and `.` are ASCII, so the indexes are char boundaries.
    let file = &c.path[c.path.bytes().rposition(|b| b == b'/').map_or(0, |i| i + 1)..];
    let ext_of = |name: &str| -> Option<(String, &'static str)> {
        let ext = &name[name.bytes().rposition(|b| b == b'.')? + 1..];
        let mut buf = [0u8; 16];
        let lower = buf.get_mut(..ext.len())?;
        lower.copy_from_slice(ext.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).ok()?;
        let code = rules.download_code(lower)?;
        Some((lower.to_string(), code))
    };
    let mut name = file;
    let hit = ext_of(file).or_else(|| {
        c.query.as_deref()?.split('&').find_map(|kv| {
            let value = kv.rsplit('=').next().unwrap_or("");
            let hit = ext_of(value)?;
            name = value;
            Some(hit)
        })
    })?;
    let (ext, code) = hit;
    let detail = match code {
        "link.apk" => format!("Downloads an Android app (.{ext}) from outside the app store"),
        "link.ios_profile" => {
            "Installs an iPhone configuration profile (.mobileconfig)".to_string()
        }
        _ => format!("Downloads a program (.{ext})"),
    };
    a.add_typed(code, rules.weight(code), detail, FraudType::MalwareApp);

    // An installer named after a bank or an app, from a site that isn't
    // theirs: `ICBC_v5.apk`, `fanzha.apk`.
    let stem = name
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_ascii_lowercase();
    let brand = stem
        .split(|ch: char| !ch.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .flat_map(alnum_runs)
        .find_map(|t| rules.token_brand(t).map(|b| (b, t.len())));
    if let Some((b, len)) = brand {
        let bonus = if len > 3 { rules.bonus(b) } else { 0 };
        let brand = rules.brand(b);
        a.set_name(brand.name(lang));
        a.add_typed(
            "link.brand_download",
            rules.weight("link.brand_download") + bonus,
            format!(
                "The file is named after {}, but this site is not theirs",
                brand.name_en
            ),
            FraudType::MalwareApp,
        );
    }
    Some(ext)
}

/// Remote-control and screen-sharing apps: their download pages, their
/// installers, and hosts named after them.
pub(super) fn remote_app(
    rules: &LinkRules,
    c: &Canonical,
    facts: &HostFacts,
    is_download: bool,
    official_brand: bool,
    a: &mut Assessment,
) {
    if official_brand {
        return;
    }
    let mut app = None;
    if c.host_kind == HostKind::Domain {
        if let Some(i) = facts.remote_app {
            let looks_like_download =
                is_download || c.path.to_ascii_lowercase().contains("download");
            if rules.remote_apps[i].site_is_signal || looks_like_download {
                app = Some(i);
            }
        } else {
            app = c
                .host
                .split(['.', '-', '_'])
                .filter_map(|t| rules.remote_app_token(t))
                .find(|&i| rules.remote_apps[i].site_is_signal);
        }
    }
    if app.is_none() && is_download {
        let file = c.path.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
        app = rules.remote_app_in(&file);
    }
    if let Some(i) = app {
        let name = &rules.remote_apps[i].name;
        a.add_typed(
            "link.remote_app",
            rules.weight("link.remote_app"),
            format!("{name} lets another person see or control your screen"),
            FraudType::ImpersonateCustomerService,
        );
        // Installing such an app on a stranger's request is the scam, more
        // than the app itself.
        a.vote(
            FraudType::ImpersonateCustomerService,
            rules.weight("link.apk"),
        );
    }
}
