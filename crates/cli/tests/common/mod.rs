//! Shared by the end-to-end tests: the real binary with its own ledger in a temporary folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("ledger.sqlite")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_diplograph"))
            .args(args)
            .env("DIPLOGRAPH_DB", self.db())
            .output()
            .unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let mut a = args.to_vec();
        a.push("--json");
        let out = self.run(&a);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Runs a command expected to fail; returns its one-line error.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?} should exit 2");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(!self.db().exists(), "{args:?} wrote a ledger");
        err.trim_end().to_string()
    }
}

/// A JSON Lines feed of `n` articles, the `i`th at `url(i)`, each stating one of four
/// establishments on 1 March 2026 (the same four, in turn).
pub fn establishments(n: usize, url: impl Fn(usize) -> String) -> String {
    let pairs = [
        "Chile and Peru",
        "Ghana and Togo",
        "Norway and Chile",
        "Japan and Peru",
    ];
    let mut lines = String::new();
    for i in 0..n {
        let text = format!("{} established diplomatic relations on 1 March 2026, officials said in statement number {i}.", pairs[i % pairs.len()]);
        lines.push_str(
            &serde_json::json!({"url": url(i), "published": "2026-03-02", "text": text})
                .to_string(),
        );
        lines.push('\n');
    }
    lines
}

/// A file or folder of the reference data beside the checkout, or `None` (and a message) where
/// `../shared` is absent, so that the test skips.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent", p.display());
        None
    }
}
