//! Signals of the address itself, not of its name: the blocklist, IP
//! hosts, and what is written before an `@`.

use super::super::canon::{Canonical, HostKind};
use super::super::expressions::Expressions;
use super::super::rules::LinkRules;
use super::super::LinkData;
use crate::blocklist::ListKind;
use crate::scoring::Assessment;
use crate::verdict::{FraudType, Lang};
use std::net::{Ipv4Addr, Ipv6Addr};

/// The blocklist, through the index's own fast path: one `lookup` per
/// expression (at most 30); the most severe hit wins.
pub(super) fn blocklist(snap: &impl LinkData, c: &Canonical, a: &mut Assessment) {
    if snap.blocklist().is_empty() {
        return;
    }
    // All expressions in one buffer, then one batched lookup.
    let exprs = Expressions::of(c);
    let best = snap
        .blocklist()
        .lookup_most_severe(ListKind::Url, &exprs.values());
    if let Some(hit) = best {
        a.add_blocklist_hit("link", "On", &hit);
    }
}

pub(super) fn ip_signals(rules: &LinkRules, c: &Canonical, a: &mut Assessment) {
    let private = match c.host_kind {
        HostKind::Domain => return,
        HostKind::Ipv4 => c.host.parse::<Ipv4Addr>().is_ok_and(|ip| {
            ip.is_private() || ip.is_loopback() || ip.is_link_local() || ip.is_unspecified()
        }),
        HostKind::Ipv6 => c
            .host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<Ipv6Addr>()
            .is_ok_and(|ip| {
                let s0 = ip.segments()[0];
                ip.is_loopback()
                    || ip.is_unspecified()
                    || s0 & 0xfe00 == 0xfc00
                    || s0 & 0xffc0 == 0xfe80
            }),
    };
    if private {
        a.add(
            "link.private_ip",
            rules.weight("link.private_ip"),
            "Points to a device on a local network (a router or a computer nearby)",
        );
    } else {
        a.add_typed(
            "link.raw_ip",
            rules.weight("link.raw_ip"),
            "Uses a bare IP address instead of a domain name",
            FraudType::Phishing,
        );
    }
}

/// `https://www.icbc.com.cn@evil.top/`: what is written before `@` is not
/// where the link goes.
pub(super) fn userinfo(rules: &LinkRules, lang: Lang, ui: &str, a: &mut Assessment) {
    let user = ui.split(':').next().unwrap_or("").to_ascii_lowercase();
    let brand = rules.official_multi_label(&user).or_else(|| {
        user.split(['.', '-', '_'])
            .find_map(|t| rules.token_brand(t).filter(|_| t.len() > 3))
    });
    let hostlike = user.contains('.')
        && !user.ends_with('.')
        && psl::suffix(user.as_bytes()).is_some_and(|s| s.typ().is_some());
    if hostlike || brand.is_some() {
        let bonus = brand.map_or(0, |b| rules.bonus(b));
        if let Some(b) = brand {
            a.set_name(rules.brand(b).name(lang));
        }
        let detail = match brand {
            Some(b) => format!(
                "Shows {} before an @, but the link goes to the host after it",
                rules.brand(b).name_en
            ),
            None => "Shows a web address before an @, but the link goes to the host after it"
                .to_string(),
        };
        a.add_typed(
            "link.userinfo_disguise",
            rules.weight("link.userinfo_disguise") + bonus,
            detail,
            FraudType::Phishing,
        );
    } else {
        a.add(
            "link.userinfo",
            rules.weight("link.userinfo"),
            "The link carries a user name or password before the address",
        );
    }
}
