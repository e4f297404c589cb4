//! Running the `fanzha` binary from the CLI tests (each test file uses a
//! part of this).
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_fanzha"));
    c.env("LANG", "C");
    c
}

/// Runs `fanzha args…` with no input.
pub fn fanzha(args: &[&str]) -> Output {
    command().args(args).output().expect("runs fanzha")
}

/// Runs `fanzha args…` in `dir`.
pub fn fanzha_in(dir: &Path, args: &[&str]) -> Output {
    command()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs fanzha")
}

/// Runs `fanzha args…` with `input` on stdin (written from another thread,
/// so a large input can't deadlock against a full stdout pipe).
pub fn fanzha_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns fanzha");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("waits");
    writer.join().expect("writer").expect("writes");
    out
}

/// Runs `fanzha args…` in `dir` and insists it succeeds.
pub fn ok_in(dir: &Path, args: &[&str]) -> Output {
    let out = fanzha_in(dir, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Stdout parsed as one JSON value (the panic shows both streams).
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: stdout {} stderr {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// A temporary directory for one test, removed when dropped.
pub struct Tmp(PathBuf);

impl Tmp {
    /// A fresh directory named after this process and `name`.
    pub fn new(name: &str) -> Tmp {
        let dir = std::env::temp_dir().join(format!("fanzha-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Tmp(dir)
    }

    /// A path inside it, as a string for the command line.
    pub fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The reason codes of a verdict's JSON, in order.
pub fn codes(v: &serde_json::Value) -> Vec<&str> {
    v["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .map(|r| r["code"].as_str().expect("code"))
        .collect()
}

/// The arguments of `fanzha feed build` with the tests' key file and feed
/// id at `version`, then `rest`.
pub fn feed_build<'a>(version: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "feed",
        "build",
        "--key",
        "key",
        "--id",
        "cn-test",
        "--version",
        version,
    ];
    args.extend_from_slice(rest);
    args
}

/// Trains a small link model (`--bits 12`) on `lines` (JSON lines) written
/// into `dir`; returns the model's path.
pub fn train_link_model(dir: &Tmp, lines: &str) -> String {
    let corpus = dir.path("links.jsonl");
    std::fs::write(&corpus, lines).unwrap();
    let model = dir.path("l.fzml");
    let out = fanzha(&[
        "model", "train", "--kind", "link", "--input", &corpus, "--out", &model, "--bits", "12",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    model
}
