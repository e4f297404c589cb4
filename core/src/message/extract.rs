//! Pulling links, phone numbers, bank cards, IM ids and verification codes
//! out of a message's clean text.
//!
//! Links and numbers are found by a hand-written scanner (one pass over the
//! bytes); IM ids and codes by the pattern set's extraction regexes. Every
//! list is capped: hostile input with thousands of links yields the first
//! [`MAX_PER_KIND`] of each kind and a count of the rest.

use super::patterns::PatternSet;
use crate::number::{self, NumberRules};

/// Most items of one kind kept per message.
pub const MAX_PER_KIND: usize = 16;
/// Longest link kept, in bytes; longer ones are cut (the host and the start
/// of the path are what matters).
const MAX_LINK_BYTES: usize = 2048;
/// Longest run of digits looked at as a phone number or card.
const MAX_DIGITS: usize = 24;
/// Link and number candidates examined per message; past this a message is
/// link or number spam and the rest is not looked at.
const MAX_CANDIDATES: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemKind {
    Link,
    Number,
    BankCard,
    ImId,
    VerificationCode,
    Email,
}

impl ItemKind {
    /// The stable id used in `Verdict.extracted[].kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Link => "link",
            ItemKind::Number => "number",
            ItemKind::BankCard => "bank_card",
            ItemKind::ImId => "im_id",
            ItemKind::VerificationCode => "verification_code",
            ItemKind::Email => "email",
        }
    }
}

/// One extracted item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: ItemKind,
    /// As written (after normalization); codes are masked.
    pub value: String,
    /// Links: the URL to check (scheme added when it was written without).
    pub target: Option<String>,
    /// Byte span in the clean text.
    pub start: usize,
    pub end: usize,
}

/// Everything extracted from one message.
#[derive(Debug, Default)]
pub struct Extraction {
    pub items: Vec<Item>,
    /// Links found, including those past the cap.
    pub links_seen: usize,
    /// Numbers found, including those past the cap.
    pub numbers_seen: usize,
}

impl Extraction {
    fn count(&self, kind: ItemKind) -> usize {
        self.items.iter().filter(|i| i.kind == kind).count()
    }

    fn push(&mut self, item: Item) {
        if self.count(item.kind) >= MAX_PER_KIND {
            return;
        }
        if self
            .items
            .iter()
            .any(|i| i.kind == item.kind && i.value == item.value)
        {
            return;
        }
        self.items.push(item);
    }
}

/// Extracts every item from `clean` (see the module docs); digit runs are
/// phone numbers by `region`'s numbering plan in `numbers`.
pub fn extract(
    patterns: &PatternSet,
    numbers: &NumberRules,
    region: &str,
    clean: &str,
) -> Extraction {
    let mut ex = Extraction::default();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    scan_links(patterns, clean, &mut ex, &mut taken);
    scan_numbers(patterns, numbers, region, clean, &mut ex, &taken);
    // Most texts hold none: one pass of the set first spares each
    // extractor's own search, and the captures (and their allocation) of a
    // search that finds nothing.
    let matching = patterns.extractor_set.matches(clean);
    for (i, x) in patterns.extractors.iter().enumerate() {
        if !matching.matched(i) {
            continue;
        }
        let kind = match x.kind.as_str() {
            "im_id" => ItemKind::ImId,
            "verification_code" => ItemKind::VerificationCode,
            "bank_card" => ItemKind::BankCard,
            _ => continue,
        };
        for caps in x.regex.captures_iter(clean).take(MAX_PER_KIND) {
            let Some(m) = caps.name("id").or_else(|| caps.get(0)) else {
                continue;
            };
            if taken.iter().any(|&(s, e)| m.start() < e && s < m.end()) {
                continue;
            }
            let id = m.as_str();
            let value = match kind {
                // A code is the user's secret: say that there was one, not what.
                ItemKind::VerificationCode => "*".repeat(id.chars().count()),
                _ => match &x.platform {
                    Some(p) => format!("{p}:{}", id.to_lowercase()),
                    None => id.to_string(),
                },
            };
            ex.push(Item {
                kind,
                value,
                target: None,
                start: m.start(),
                end: m.end(),
            });
        }
    }
    ex
}

/// Bytes that can appear in a URL as people write them.
const URL_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric();
        i += 1;
    }
    let extra = b"-._~:/?#[]@!$&'()*+,;=%";
    let mut j = 0;
    while j < extra.len() {
        t[extra[j] as usize] = true;
        j += 1;
    }
    t
};

#[inline]
fn is_url_byte(b: u8) -> bool {
    URL_BYTES[b as usize]
}

#[inline]
fn is_host_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'.'
}

fn trim_trailing(s: &str) -> &str {
    s.trim_end_matches(|c: char| ".,;:!?)]}'\"*".contains(c))
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Scans maximal runs of URL characters for links (with a scheme, `www.`,
/// or a bare domain with a known public suffix) and e-mail addresses.
fn scan_links(
    patterns: &PatternSet,
    clean: &str,
    ex: &mut Extraction,
    taken: &mut Vec<(usize, usize)>,
) {
    let bytes = clean.as_bytes();
    let mut i = 0;
    let mut candidates = 0;
    while i < bytes.len() && candidates < MAX_CANDIDATES {
        if !is_url_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_url_byte(bytes[i]) {
            i += 1;
        }
        let run = &clean[start..i];
        if run.len() < 4 || !run.contains('.') && !run.contains("://") {
            continue;
        }
        candidates += 1;
        scan_run(patterns, run, start, ex, taken);
    }
}

fn scan_run(
    patterns: &PatternSet,
    run: &str,
    offset: usize,
    ex: &mut Extraction,
    taken: &mut Vec<(usize, usize)>,
) {
    let b = run.as_bytes();
    // With a scheme.
    let scheme = find_ignore_case(b, b"http://")
        .into_iter()
        .chain(find_ignore_case(b, b"https://"))
        .min();
    if let Some(s) = scheme {
        let url = trim_trailing(&run[s..]);
        let host_start = url.find("://").map(|p| p + 3).unwrap_or(0);
        if url.len() > host_start {
            add_link(ex, taken, url, None, offset + s);
        }
        return;
    }
    // Otherwise look at each token that starts after a non-host byte.
    let mut j = 0;
    while j < b.len() {
        if !b[j].is_ascii_alphanumeric() || (j > 0 && is_host_byte(b[j - 1])) {
            j += 1;
            continue;
        }
        let host_start = j;
        let mut k = j;
        while k < b.len() && is_host_byte(b[k]) {
            k += 1;
        }
        let host = run[host_start..k].trim_end_matches(['.', '-']);
        let host_end = host_start + host.len();
        let after = &run[host_end..];
        if host_start > 0 && b[host_start - 1] == b'@' {
            // The domain of an e-mail address: the address is the item.
            let local_start = run[..host_start - 1]
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || "._%+-".contains(c)))
                .map(|p| p + 1)
                .unwrap_or(0);
            if local_start < host_start - 1 && host.contains('.') {
                let email = &run[local_start..host_end];
                taken.push((offset + local_start, offset + host_end));
                ex.push(Item {
                    kind: ItemKind::Email,
                    value: email.to_string(),
                    target: None,
                    start: offset + local_start,
                    end: offset + host_end,
                });
            }
            j = k.max(j + 1);
            continue;
        }
        if after.starts_with('@') {
            j = k.max(j + 1);
            continue;
        }
        let has_path = after.starts_with('/') || after.starts_with('?') || port_follows(after);
        if bare_host(patterns, host, has_path) {
            let written = if has_path {
                let path_len = after
                    .find(|c: char| c.is_whitespace())
                    .unwrap_or(after.len());
                trim_trailing(&run[host_start..host_end + path_len])
            } else {
                host
            };
            add_link(
                ex,
                taken,
                written,
                Some(format!("http://{written}")),
                offset + host_start,
            );
            j = host_start + written.len().max(1);
            continue;
        }
        j = k.max(j + 1);
    }
}

fn port_follows(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(':') else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=5).contains(&digits)
}

/// Whether a scheme-less host is a link: a raw IPv4 address with a path or
/// port, `www.` plus a known public suffix, or a domain with a known public
/// suffix followed by a path — or without one when its TLD is among those
/// scammers write bare (`data: bare_domain_tlds`).
fn bare_host(patterns: &PatternSet, host: &str, has_path: bool) -> bool {
    if host.len() < 4 || host.len() > 253 || !host.contains('.') {
        return false;
    }
    let labels: Vec<&str> = host.split('.').collect();
    if labels
        .iter()
        .any(|l| l.is_empty() || l.len() > 63 || l.starts_with('-'))
    {
        return false;
    }
    if labels.len() == 4
        && labels
            .iter()
            .all(|l| l.len() <= 3 && l.bytes().all(|c| c.is_ascii_digit()))
    {
        // A raw IPv4 host: a link only with a path or port (else it's a version or an amount).
        return has_path;
    }
    let tld = labels[labels.len() - 1];
    if tld.len() < 2 || !(tld.bytes().all(|c| c.is_ascii_alphabetic()) || tld.starts_with("xn--")) {
        return false;
    }
    let lower = host.to_ascii_lowercase();
    let Some(suffix) = psl::suffix(lower.as_bytes()) else {
        return false;
    };
    if !suffix.is_known() || suffix.as_bytes().len() >= lower.len() {
        return false;
    }
    if lower.starts_with("www.") || has_path {
        return true;
    }
    let tld_lower = tld.to_ascii_lowercase();
    patterns.bare_domain_tlds.contains(&tld_lower)
}

fn add_link(
    ex: &mut Extraction,
    taken: &mut Vec<(usize, usize)>,
    written: &str,
    target: Option<String>,
    start: usize,
) {
    ex.links_seen += 1;
    let end = start + written.len();
    taken.push((start, end));
    let mut value = written;
    if value.len() > MAX_LINK_BYTES {
        let mut cut = MAX_LINK_BYTES;
        while !value.is_char_boundary(cut) {
            cut -= 1;
        }
        value = &value[..cut];
    }
    let target = target.map(|t| {
        if t.len() > MAX_LINK_BYTES + 7 {
            format!("http://{value}")
        } else {
            t
        }
    });
    ex.push(Item {
        kind: ItemKind::Link,
        value: value.to_string(),
        target,
        start,
        end,
    });
}

/// Luhn checksum over ASCII digits.
pub fn luhn_ok(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// Characters after a digit run that make it an amount or a count, not a
/// phone number: `95588元`, `12345次`.
fn is_unit(c: char) -> bool {
    "元块万千百亿%个次分秒天月年号期位笔件台单张人斤克米".contains(c)
}

/// Scans runs of digits (with single spaces or dashes between groups, and a
/// leading `+`) outside links; classifies them as phone numbers or cards.
fn scan_numbers(
    p: &PatternSet,
    numbers: &NumberRules,
    region: &str,
    clean: &str,
    ex: &mut Extraction,
    taken: &[(usize, usize)],
) {
    let bytes = clean.as_bytes();
    let mut i = 0;
    let mut candidates = 0;
    while i < bytes.len() && candidates < MAX_CANDIDATES {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut start = i;
        let mut digits = String::with_capacity(MAX_DIGITS + 1);
        let mut end = i;
        let mut j = i;
        while j < bytes.len() {
            let b = bytes[j];
            if b.is_ascii_digit() {
                if digits.len() < MAX_DIGITS + 1 {
                    digits.push(b as char);
                }
                j += 1;
                end = j;
            } else if matches!(b, b' ' | b'-')
                && j + 1 < bytes.len()
                && bytes[j + 1].is_ascii_digit()
            {
                j += 1;
            } else {
                break;
            }
        }
        i = end.max(i + 1);
        if taken.iter().any(|&(s, e)| start < e && s < end) {
            continue;
        }
        let before = clean[..start].chars().next_back();
        let after = clean[end..].chars().next();
        let decimal_after = clean[end..]
            .strip_prefix('.')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        let decimal_before = clean[..start]
            .strip_suffix('.')
            .is_some_and(|r| r.ends_with(|c: char| c.is_ascii_digit()));
        // Part of an id or a word ("abc123", "123abc"), an amount or a decimal.
        if before.is_some_and(|c| {
            c.is_ascii_alphabetic() || c == '_' || c == '¥' || c == '$' || c == '£' || c == '€'
        }) || after.is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || is_unit(c))
            || decimal_after
            || decimal_before
        {
            continue;
        }
        let plus = before == Some('+');
        if plus {
            start -= 1;
        }
        if digits.len() > MAX_DIGITS {
            ex.numbers_seen += 1;
            continue;
        }
        if digits.len() >= 7 {
            candidates += 1;
        }
        let kind = classify_digits(numbers, region, &digits, plus, &clean[..start]);
        let Some(kind) = kind else { continue };
        // "户号00123", "订单号：0095588…": an id the text names as one, not a
        // number to call (a card keeps its own context check above).
        if kind == ItemKind::Number && !plus && after_id_label(p, &clean[..start]) {
            continue;
        }
        // A short run written with the international prefix "00" and no
        // call word before it ("Ticket 00123", "会员卡号 001234567") is an
        // id, not a caller abroad imitating a hotline.
        if kind == ItemKind::Number
            && !plus
            && digits.starts_with("00")
            && digits.len() <= 9
            && !after_phone_label(p, &clean[..start])
        {
            continue;
        }
        if kind == ItemKind::Number {
            ex.numbers_seen += 1;
        }
        ex.push(Item {
            kind,
            value: clean[start..end].to_string(),
            target: None,
            start,
            end,
        });
    }
}

/// True when one of the pattern set's `phone_labels` is among the last
/// dozen characters of `before`.
fn after_phone_label(p: &PatternSet, before: &str) -> bool {
    let start = before.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
    let tail = before[start..].to_ascii_lowercase();
    p.phone_labels.iter().any(|l| tail.contains(l.as_str()))
}

/// True when `before` (the text up to a digit run) ends with one of the
/// pattern set's `id_labels` ("户号", "订单号：", "Order No. "), allowing a
/// colon, `#` or spaces between label and digits.
fn after_id_label(p: &PatternSet, before: &str) -> bool {
    let head = before.trim_end_matches([' ', ':', '：', '#', '＃', '\u{3000}']);
    let tail_start = head.char_indices().rev().nth(15).map_or(0, |(i, _)| i);
    let tail = head[tail_start..].to_ascii_lowercase();
    p.id_labels.iter().any(|l| {
        tail.ends_with(l.as_str())
            && !tail[..tail.len() - l.len()]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphabetic())
    })
}

/// A phone number (by the numbering plan, [`number::written_in_text`]) or
/// a bank card.
fn classify_digits(
    numbers: &NumberRules,
    region: &str,
    d: &str,
    plus: bool,
    before: &str,
) -> Option<ItemKind> {
    let n = d.len();
    let b = d.as_bytes();
    if number::written_in_text(numbers, region, d, plus) {
        return Some(ItemKind::Number);
    }
    if (16..=19).contains(&n) {
        let tail: String = before
            .chars()
            .rev()
            .take(12)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let context = [
            "卡号",
            "账号",
            "帐号",
            "账户",
            "帐户",
            "银行卡",
            "卡:",
            "收款",
        ]
        .iter()
        .any(|w| tail.contains(w));
        let card_like = d.starts_with("62") || (matches!(b[0], b'3' | b'4' | b'5') && luhn_ok(d));
        if context || card_like {
            return Some(ItemKind::BankCard);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::EMBEDDED;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn numbers() -> &'static NumberRules {
        static N: OnceLock<NumberRules> = OnceLock::new();
        N.get_or_init(|| {
            NumberRules::from_json(crate::number::EMBEDDED).expect("embedded plan loads")
        })
    }

    fn patterns() -> &'static PatternSet {
        static P: OnceLock<PatternSet> = OnceLock::new();
        P.get_or_init(|| PatternSet::from_json(EMBEDDED).expect("embedded patterns compile"))
    }

    fn values(text: &str, kind: ItemKind) -> Vec<String> {
        let clean = super::super::normalize::clean(text);
        extract(patterns(), numbers(), "CN", &clean)
            .items
            .into_iter()
            .filter(|i| i.kind == kind)
            .map(|i| i.value)
            .collect()
    }

    #[test]
    fn links_with_scheme_www_and_bare() {
        assert_eq!(
            values("点击http://abc.top/x领取", ItemKind::Link),
            ["http://abc.top/x"]
        );
        assert_eq!(
            values("登录www.icbc-vip.top进行认证", ItemKind::Link),
            ["www.icbc-vip.top"]
        );
        assert_eq!(values("详情abc.top/x，速领", ItemKind::Link), ["abc.top/x"]);
        assert_eq!(values("打开 abc.top 即可", ItemKind::Link), ["abc.top"]);
        assert_eq!(
            values(
                "官网：ＨＴＴＰＳ：／／ｗｗｗ．１００８６．ｃｎ",
                ItemKind::Link
            ),
            ["HTTPS://www.10086.cn"]
        );
        assert_eq!(
            values("Visit royalmail-redeliver.com/uk now.", ItemKind::Link),
            ["royalmail-redeliver.com/uk"]
        );
        assert_eq!(
            values("go to http://1.2.3.4:8080/a).", ItemKind::Link),
            ["http://1.2.3.4:8080/a"]
        );
        assert_eq!(
            values("see 1.2.3.4/login", ItemKind::Link),
            ["1.2.3.4/login"]
        );
    }

    #[test]
    fn not_links() {
        for s in [
            "版本v2.0.1已发布",
            "利率3.5%",
            "report.pdf",
            "e.g. this",
            "Done.Thanks",
            "1.2.3.4",
            "IMG_1234.JPG",
        ] {
            assert!(values(s, ItemKind::Link).is_empty(), "{s}");
        }
        assert_eq!(values("邮箱abc@qq.com", ItemKind::Email), ["abc@qq.com"]);
        assert!(values("邮箱abc@qq.com", ItemKind::Link).is_empty());
    }

    #[test]
    fn numbers_and_cards() {
        assert_eq!(
            values("请致电13812345678", ItemKind::Number),
            ["13812345678"]
        );
        assert_eq!(
            values("请致电138 1234 5678。", ItemKind::Number),
            ["138 1234 5678"]
        );
        assert_eq!(
            values("热线：０２１－１２３４５６７８", ItemKind::Number),
            ["021-12345678"]
        );
        assert_eq!(values("详询95588", ItemKind::Number), ["95588"]);
        assert_eq!(
            values("call +44 7700 900123", ItemKind::Number),
            ["+44 7700 900123"]
        );
        assert!(values("金额95588元", ItemKind::Number).is_empty());
        assert!(values("订单2024-12-25", ItemKind::Number).is_empty());
        assert_eq!(
            values("卡号6222 0212 3456 7890 123", ItemKind::BankCard),
            ["6222 0212 3456 7890 123"]
        );
        assert!(values("尾号1234", ItemKind::BankCard).is_empty());
    }

    #[test]
    fn ids_named_as_ids_are_not_numbers() {
        // Read as "+123" / "+95588" by the plan, but the text names them ids.
        assert!(values("您户号00123本期水费52.30元", ItemKind::Number).is_empty());
        assert!(values("订单号：0095588", ItemKind::Number).is_empty());
        assert!(values("Order No. 0044 7700 900123", ItemKind::Number).is_empty());
        // Without the label they are still numbers; a plus sign always is.
        assert_eq!(values("请拨打00123", ItemKind::Number), ["00123"]);
        assert_eq!(values("客户号+95588", ItemKind::Number), ["+95588"]);
        // An account can be a phone number (a payee's Alipay id): kept.
        assert_eq!(
            values("支付宝账号13812345678", ItemKind::Number),
            ["13812345678"]
        );
        // A label at the end of a longer word does not count.
        assert_eq!(values("preference call 00123", ItemKind::Number), ["00123"]);
        // A short "00" run with no call word is an id; with one, a number.
        assert!(values("会员卡号 001234567 积分已到账", ItemKind::Number).is_empty());
        assert!(values("Ticket 00123 is ready", ItemKind::Number).is_empty());
        assert!(values("Your verification code is 001100", ItemKind::Number).is_empty());
        assert!(values("编码00123", ItemKind::Number).is_empty());
        assert_eq!(values("请致电 0095588 咨询", ItemKind::Number), ["0095588"]);
    }

    #[test]
    fn im_ids_and_codes() {
        assert_eq!(
            values("加薇信：abc_123", ItemKind::ImId),
            ["wechat:abc_123"]
        );
        assert_eq!(values("扣扣 12345678", ItemKind::ImId), ["qq:12345678"]);
        assert_eq!(
            values("ＱＱ：９８７６５４３２１", ItemKind::ImId),
            ["qq:987654321"]
        );
        assert_eq!(
            values("加vx: Kefu8888", ItemKind::ImId),
            ["wechat:kefu8888"]
        );
        assert_eq!(
            values("验证码123456，5分钟内有效", ItemKind::VerificationCode),
            ["******"]
        );
        assert_eq!(
            values("Your code is 4821", ItemKind::VerificationCode),
            ["****"]
        );
    }

    #[test]
    fn caps_hold_on_thousands_of_links() {
        let text = "a.top/x ".repeat(5000);
        let clean = super::super::normalize::clean(&text);
        let ex = extract(patterns(), numbers(), "CN", &clean);
        assert!(ex.items.len() <= MAX_PER_KIND * 6);
        // Link spam is looked at up to a bound, then left alone.
        assert_eq!(ex.links_seen, MAX_CANDIDATES);
    }

    proptest! {
        #[test]
        fn extraction_never_panics_and_values_come_from_text(s in "[a-z0-9.:/@ +\\-，。微信qQ验证码]{0,80}") {
            let clean = super::super::normalize::clean(&s);
            let ex = extract(patterns(), numbers(), "CN", &clean);
            for item in ex.items {
                prop_assert!(item.start <= item.end && item.end <= clean.len());
                if matches!(item.kind, ItemKind::Link | ItemKind::Number | ItemKind::BankCard | ItemKind::Email) {
                    prop_assert!(clean.contains(&item.value));
                }
            }
        }

        #[test]
        fn extraction_never_panics_on_any_text(s in "\\PC{0,80}") {
            let clean = super::super::normalize::clean(&s);
            let _ = extract(patterns(), numbers(), "CN", &clean);
        }
    }
}
