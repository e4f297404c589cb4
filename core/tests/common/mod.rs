//! Helpers shared by the store's integration tests (each file uses a part).
#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Starts this test binary again in a child process running only the
/// ignored test `name`, with `env` set to `path` (how a test gets a second
/// process on the same store). Its stdout is dropped; `stderr` says what
/// to do with its stderr.
pub fn spawn_child_test(name: &str, env: &str, path: &Path, stderr: Stdio) -> Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            name,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(env, path)
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .expect("spawns the child test")
}
