//! Blocklist CSV files, as a publisher writes them: one value per row, with
//! its fraud type, severity, label, report count and category.
//!
//! A header row names the columns in any order (`number,label,fraud_type`;
//! the first column names the value: `value`, `number`, `phone`, `url`,
//! `link`, `host`, `account` or `payee`); without one the columns are
//! positional: value, fraud_type, severity, label, reports, confirmed. Fields follow
//! RFC 4180 quoting (`"a, b"`, `""` for a quote). Blank lines and lines
//! starting with `#` are skipped, and a UTF-8 byte-order mark on the first
//! line is ignored. Each value is canonicalized as its check looks it up
//! ([`super::canonical`]).
//!
//! [`ListCsv`] streams rows one at a time: memory stays flat whatever the
//! file size.

use super::canonical;
use crate::blocklist::{ListEntry, ListKind};
use crate::number::NumberRules;
use crate::verdict::FraudType;
use std::io::{BufRead, Read};

/// Severity of an entry whose row gives none: enough to make a hit
/// `dangerous` under the default scoring.
pub const DEFAULT_SEVERITY: u8 = 80;
/// Category of an entry whose row gives none.
pub const DEFAULT_CATEGORY: &str = "fraud";

/// Longest line read, in bytes: a longer one is refused rather than held.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// A row that can't be read, by line number (1-based).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CsvError {
    /// Reading the file failed.
    #[error("line {line}: {source}")]
    Io {
        /// The line being read.
        line: u64,
        /// The reader's error.
        #[source]
        source: std::io::Error,
    },
    /// The row is malformed: a quote left open, an unknown column, a bad
    /// severity or fraud type … `why` never repeats the listed value.
    #[error("line {line}: {why}")]
    Row {
        /// The row's line.
        line: u64,
        /// What is wrong with it.
        why: String,
    },
    /// The value does not canonicalize (not a number, URL or account its
    /// check can read).
    #[error("line {line}: {source}")]
    Value {
        /// The row's line.
        line: u64,
        /// Why the check refused the value.
        #[source]
        source: crate::Error,
    },
}

/// One list entry read from a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    /// The row's line (1-based).
    pub line: u64,
    /// The value as its check looks it up (E.164 number, URL expression,
    /// canonical account).
    pub canonical: String,
    /// Its metadata.
    pub entry: ListEntry,
}

/// Which column holds what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    value: usize,
    fraud_type: Option<usize>,
    severity: Option<usize>,
    label: Option<usize>,
    reports: Option<usize>,
    category: Option<usize>,
    confirmed: Option<usize>,
}

const POSITIONAL: Columns = Columns {
    value: 0,
    fraud_type: Some(1),
    severity: Some(2),
    label: Some(3),
    reports: Some(4),
    category: None,
    confirmed: Some(5),
};

const VALUE_NAMES: &[&str] = &[
    "value", "number", "phone", "url", "link", "host", "account", "payee",
];

/// The rows of one list file (all of one [`ListKind`]), canonicalized.
pub struct ListCsv<'a, R> {
    reader: R,
    kind: ListKind,
    numbers: &'a NumberRules,
    region: &'a str,
    line: String,
    fields: Vec<String>,
    cols: Columns,
    n: u64,
    first_row: bool,
    done: bool,
}

impl<'a, R: BufRead> ListCsv<'a, R> {
    /// Reads `reader` as a list of `kind`; numbers (and phone-number
    /// accounts) are read in `region` under the numbering plan `numbers`.
    pub fn new(reader: R, kind: ListKind, numbers: &'a NumberRules, region: &'a str) -> Self {
        ListCsv {
            reader,
            kind,
            numbers,
            region,
            line: String::new(),
            fields: Vec::new(),
            cols: POSITIONAL,
            n: 0,
            first_row: true,
            done: false,
        }
    }

    /// Lines read so far (blank lines, comments and the header included).
    pub fn lines(&self) -> u64 {
        self.n
    }

    fn canonical(&self, value: &str) -> crate::Result<String> {
        match self.kind {
            ListKind::Number => canonical::number(self.numbers, self.region, value),
            ListKind::Url => canonical::url_expression(value),
            ListKind::Account => canonical::account(self.numbers, self.region, value),
        }
    }

    /// The next line into `self.line`; false at the end.
    fn read_line(&mut self) -> Result<bool, CsvError> {
        self.line.clear();
        let line = self.n + 1;
        let io = |source| CsvError::Io { line, source };
        // Bounded: read at most MAX_LINE_BYTES + 1 bytes of the line.
        let mut buf = Vec::new();
        let read = Read::take(&mut self.reader, MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut buf)
            .map_err(io)?;
        if read == 0 {
            return Ok(false);
        }
        self.n = line;
        if buf.len() > MAX_LINE_BYTES {
            return Err(CsvError::Row {
                line,
                why: format!("line is longer than {MAX_LINE_BYTES} bytes"),
            });
        }
        match String::from_utf8(buf) {
            Ok(s) => self.line = s,
            Err(_) => {
                return Err(CsvError::Row {
                    line,
                    why: "not UTF-8".into(),
                })
            }
        }
        Ok(true)
    }

    fn next_row(&mut self) -> Result<Option<ListRow>, CsvError> {
        loop {
            if !self.read_line()? {
                return Ok(None);
            }
            let line = self.n;
            let row_err = |why: String| CsvError::Row { line, why };
            let text = self.line.trim_end_matches(['\n', '\r']);
            let text = if line == 1 {
                text.trim_start_matches('\u{feff}')
            } else {
                text
            };
            if text.trim().is_empty() || text.starts_with('#') {
                continue;
            }
            split_csv(text, &mut self.fields).map_err(|e| row_err(e.to_string()))?;
            if std::mem::take(&mut self.first_row) {
                if let Some(c) = header_columns(&self.fields).map_err(row_err)? {
                    self.cols = c;
                    continue;
                }
            }
            let entry = row_entry(&self.fields, &self.cols).map_err(row_err)?;
            let value = field(&self.fields, Some(self.cols.value));
            let canonical = self
                .canonical(value)
                .map_err(|source| CsvError::Value { line, source })?;
            return Ok(Some(ListRow {
                line,
                canonical,
                entry,
            }));
        }
    }
}

impl<R: BufRead> Iterator for ListCsv<'_, R> {
    type Item = Result<ListRow, CsvError>;

    /// The next row; after an error, `None` (a file is read in full or
    /// refused).
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_row() {
            Ok(Some(row)) => Some(Ok(row)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// A header row names its columns (any order); `None`: not a header.
fn header_columns(fields: &[String]) -> Result<Option<Columns>, String> {
    let first = fields
        .first()
        .map(|f| f.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if !VALUE_NAMES.contains(&first.as_str()) {
        return Ok(None);
    }
    let mut c = Columns {
        value: 0,
        fraud_type: None,
        severity: None,
        label: None,
        reports: None,
        category: None,
        confirmed: None,
    };
    for (i, f) in fields.iter().enumerate().skip(1) {
        let slot = match f.trim().to_ascii_lowercase().as_str() {
            "fraud_type" | "type" => &mut c.fraud_type,
            "severity" => &mut c.severity,
            "label" => &mut c.label,
            "reports" | "report_count" => &mut c.reports,
            "category" => &mut c.category,
            "confirmed" => &mut c.confirmed,
            other => return Err(format!("unknown column {other:?} in the header row")),
        };
        *slot = Some(i);
    }
    Ok(Some(c))
}

/// Splits one CSV line (RFC 4180 quoting: "a, b" and "" for a quote).
fn split_csv(line: &str, out: &mut Vec<String>) -> Result<(), &'static str> {
    out.clear();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.trim().is_empty() && !was_quoted => {
                field.clear();
                quoted = true;
                was_quoted = true;
            }
            (false, ',') => {
                out.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err("unterminated quote");
    }
    out.push(field);
    Ok(())
}

fn field(fields: &[String], col: Option<usize>) -> &str {
    col.and_then(|i| fields.get(i))
        .map(|s| s.trim())
        .unwrap_or("")
}

fn row_entry(fields: &[String], cols: &Columns) -> Result<ListEntry, String> {
    let fraud_type = match field(fields, cols.fraud_type) {
        "" => FraudType::Other,
        t => FraudType::parse(t).ok_or_else(|| format!("unknown fraud_type {t:?}"))?,
    };
    let severity = match field(fields, cols.severity) {
        "" => DEFAULT_SEVERITY,
        s => s
            .parse::<u8>()
            .ok()
            .filter(|&s| s <= 100)
            .ok_or("severity must be 0-100")?,
    };
    let reports = match field(fields, cols.reports) {
        "" => 0,
        r => r
            .parse::<u32>()
            .map_err(|_| "reports must be a whole number")?,
    };
    let category = match field(fields, cols.category) {
        "" => DEFAULT_CATEGORY,
        c => c,
    };
    // A confirmed listing wins over a user's "not a scam" allow rule.
    let confirmed = match field(fields, cols.confirmed).to_ascii_lowercase().as_str() {
        "" | "0" | "false" | "no" => false,
        "1" | "true" | "yes" | "confirmed" => true,
        _ => return Err("confirmed must be true/false (or 1/0, yes/no)".into()),
    };
    Ok(ListEntry {
        category: category.to_string(),
        fraud_type,
        severity,
        reports,
        label: field(fields, cols.label).to_string(),
        confirmed,
        match_bits: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> NumberRules {
        NumberRules::from_json(crate::number::EMBEDDED).unwrap()
    }

    fn read(kind: ListKind, text: &str) -> Vec<Result<ListRow, CsvError>> {
        let numbers = rules();
        ListCsv::new(text.as_bytes(), kind, &numbers, "CN").collect()
    }

    #[test]
    fn csv_splitting() {
        let mut f = Vec::new();
        split_csv(r#"+86 138,phishing,90,"冒充, ""客服""",12"#, &mut f).unwrap();
        assert_eq!(f, ["+86 138", "phishing", "90", "冒充, \"客服\"", "12"]);
        split_csv("a", &mut f).unwrap();
        assert_eq!(f, ["a"]);
        split_csv("a,,", &mut f).unwrap();
        assert_eq!(f, ["a", "", ""]);
        assert!(split_csv(r#"a,"b"#, &mut f).is_err());
    }

    #[test]
    fn header_rows() {
        let row = |s: &str| s.split(',').map(String::from).collect::<Vec<_>>();
        assert!(header_columns(&row("+8613800138000,phishing"))
            .unwrap()
            .is_none());
        let c = header_columns(&row("number,label,fraud_type"))
            .unwrap()
            .unwrap();
        assert_eq!(
            (c.label, c.fraud_type, c.severity),
            (Some(1), Some(2), None)
        );
        assert!(header_columns(&row("url,colour")).is_err());
    }

    #[test]
    fn positional_rows_are_canonicalized_with_defaults() {
        let rows = read(
            ListKind::Number,
            "\u{feff}# a comment\n\n138 0013 8000,impersonate_authority,95,冒充公检法,12\r\n+86 139-0013-9000\n",
        );
        let rows: Vec<ListRow> = rows.into_iter().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[0].canonical, "+8613800138000");
        assert_eq!(rows[0].entry.fraud_type, FraudType::ImpersonateAuthority);
        assert_eq!((rows[0].entry.severity, rows[0].entry.reports), (95, 12));
        assert_eq!(rows[0].entry.label, "冒充公检法");
        assert_eq!(rows[0].entry.category, DEFAULT_CATEGORY);
        assert_eq!(rows[1].canonical, "+8613900139000");
        assert_eq!(rows[1].entry.severity, DEFAULT_SEVERITY);
        assert_eq!(rows[1].entry.fraud_type, FraudType::Other);
    }

    #[test]
    fn a_header_row_names_the_columns() {
        let rows = read(
            ListKind::Url,
            "url,category,label,severity\nhttps://Example.COM/login?x=1,phish,\"fake, bank\",70\n",
        );
        let row = rows.into_iter().next().unwrap().unwrap();
        assert_eq!(row.line, 2);
        assert_eq!(row.entry.category, "phish");
        assert_eq!(row.entry.label, "fake, bank");
        assert_eq!(row.entry.severity, 70);
        assert!(
            row.canonical.starts_with("example.com/"),
            "{}",
            row.canonical
        );
    }

    #[test]
    fn bad_rows_say_their_line_and_stop_the_file() {
        for (text, want) in [
            ("+8613800138000,phishing,101\n", "severity"),
            ("+8613800138000,no_such_type\n", "fraud_type"),
            ("+8613800138000,phishing,90,\"open\n", "quote"),
            ("number,colour\n", "colour"),
            ("+8613800138000,,,,-1\n", "reports"),
        ] {
            let rows = read(ListKind::Number, text);
            assert_eq!(rows.len(), 1, "{text}");
            match &rows[0] {
                Err(CsvError::Row { line: 1, why }) => assert!(why.contains(want), "{why}"),
                other => panic!("{text}: {other:?}"),
            }
        }
        let rows = read(
            ListKind::Number,
            "+8613800138000\nnot a number\n+8613900139000\n",
        );
        assert_eq!(rows.len(), 2, "reading stops at the first error");
        assert!(matches!(rows[1], Err(CsvError::Value { line: 2, .. })));
    }

    #[test]
    fn long_or_binary_lines_are_refused() {
        let long = format!("+86138{}\n", "0".repeat(MAX_LINE_BYTES));
        assert!(matches!(
            read(ListKind::Number, &long).as_slice(),
            [Err(CsvError::Row { line: 1, .. })]
        ));
        let numbers = rules();
        let bytes: &[u8] = b"+8613800138000,\xff\xfe\n";
        let rows: Vec<_> = ListCsv::new(bytes, ListKind::Number, &numbers, "CN").collect();
        assert!(matches!(
            rows.as_slice(),
            [Err(CsvError::Row { line: 1, .. })]
        ));
    }
}
