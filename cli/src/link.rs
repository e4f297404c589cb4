//! `fanzha link …`: the link canonicalizer and its lookup expressions, for
//! feed publishers and for anyone checking what the SDK hashes.

use crate::Failure;
use clap::Subcommand;
use fanzha_core::blocklist::{fast_hash, value_hash};
use std::io::Write;

#[derive(Subcommand, Debug)]
pub enum LinkCommand {
    /// Print the Safe Browsing canonical form of a URL.
    Canon {
        /// The URL (a scheme-less `example.com/x` is read as http); bytes
        /// that are not UTF-8 are read as raw bytes.
        url: std::ffi::OsString,
    },
    /// Print the lookup expressions (host suffix × path prefix) of a URL,
    /// one per line.
    Expressions {
        /// The URL (a scheme-less `example.com/x` is read as http); bytes
        /// that are not UTF-8 are read as raw bytes.
        url: std::ffi::OsString,
        /// Also print each expression's SHA-256 (the feed key) and its
        /// 64-bit fast hash (the index key), tab-separated, in hex.
        #[arg(long)]
        hashes: bool,
    },
    /// Build the protected-domain file (`core/data/protected_domains.bin`)
    /// from a list of domains, one a line (`#` comments), and write it to
    /// stdout: 8-byte hashes of each domain's skeleton and of the domain.
    ProtectedDomains {
        /// The list (`core/data/protected_domains.txt`).
        list: std::path::PathBuf,
    },
}

pub fn run(cmd: LinkCommand) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cmd {
        LinkCommand::Canon { url } => {
            let c = fanzha_core::link::canonicalize_bytes(url.as_encoded_bytes())?;
            writeln!(out, "{}", c.url())?;
        }
        LinkCommand::Expressions { url, hashes } => {
            let c = fanzha_core::link::canonicalize_bytes(url.as_encoded_bytes())?;
            for e in fanzha_core::link::expressions(&c) {
                if hashes {
                    let sha: String = value_hash(&e).iter().map(|b| format!("{b:02x}")).collect();
                    writeln!(out, "{e}\t{sha}\t{:016x}", fast_hash(&e))?;
                } else {
                    writeln!(out, "{e}")?;
                }
            }
        }
        LinkCommand::ProtectedDomains { list } => {
            let text = std::fs::read_to_string(&list)
                .map_err(|e| Failure::usage(format!("cannot read {}: {e}", list.display())))?;
            let domains = text
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty());
            out.write_all(&fanzha_core::link::protected_domains_file(domains)?)?;
        }
    }
    Ok(())
}
