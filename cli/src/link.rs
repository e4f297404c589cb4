//! `fanzha link …`: the link canonicalizer and its lookup expressions, for
//! feed publishers and for anyone checking what the SDK hashes.

use crate::Failure;
use clap::Subcommand;
use std::io::Write;

#[derive(Subcommand, Debug)]
pub enum LinkCommand {
    /// Print the Safe Browsing canonical form of a URL.
    Canon {
        /// The URL (a scheme-less `example.com/x` is read as http).
        url: String,
    },
    /// Print the lookup expressions (host suffix × path prefix) of a URL,
    /// one per line.
    Expressions {
        /// The URL (a scheme-less `example.com/x` is read as http).
        url: String,
    },
}

pub fn run(cmd: LinkCommand) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cmd {
        LinkCommand::Canon { url } => {
            let c = fanzha_core::link::canonicalize(&url)?;
            writeln!(out, "{}", c.url())?;
        }
        LinkCommand::Expressions { url } => {
            let c = fanzha_core::link::canonicalize(&url)?;
            for e in fanzha_core::link::expressions(&c) {
                writeln!(out, "{e}")?;
            }
        }
    }
    Ok(())
}
