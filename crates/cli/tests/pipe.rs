//! End-to-end: output you can pipe (issue 12). A reader that goes away ends the run quietly,
//! exit codes say what happened, and `--csv` and `--json` give one stated shape per command.

mod common;
use common::Env;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Runs `args` with stdout piped, reads `lines` lines (none: the reader goes away before the
/// first write), drops the reader and waits; returns the exit code and stderr.
fn cut(e: &Env, args: &[&str], lines: usize) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(args)
        .env("DIPLOGRAPH_DB", e.db())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    if lines > 0 {
        let mut r = BufReader::new(stdout);
        for _ in 0..lines {
            let mut line = String::new();
            r.read_line(&mut line).unwrap();
            assert!(
                !line.is_empty(),
                "{args:?} printed fewer than {lines} lines"
            );
        }
    } else {
        drop(stdout);
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let e = Env::new();
    let queries: [&[&str]; 7] = [
        &["pair", "KOR", "SYR"],
        &["pair", "KOR", "SYR", "--json"],
        &["relations", "KOR", "--json"],
        &["relations", "KOR", "--csv"],
        &["export", "--format", "dyad-year"],
        &["export", "--format", "csv"],
        &["states"],
    ];
    for args in queries {
        for lines in [0, 1] {
            let (code, err) = cut(&e, args, lines);
            assert_eq!(
                (code, err.as_str()),
                (Some(0), ""),
                "{args:?} after {lines} line(s)"
            );
        }
    }
}

#[test]
fn unreadable_inputs_exit_2_after_the_readable_ones() {
    let e = Env::new();
    let good = e.dir.path().join("good.txt");
    let empty = e.dir.path().join("empty.txt");
    std::fs::write(
        &good,
        "published: 2025-04-12\n\nSouth Korea and Syria established diplomatic relations on 10 April 2025.\n",
    )
    .unwrap();
    std::fs::write(&empty, "").unwrap();
    let (g, x) = (good.to_str().unwrap(), empty.to_str().unwrap());
    for cmd in ["read", "check", "ingest"] {
        let out = e.run(&[cmd, g, x, "--json"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {err}");
        assert!(err.contains("empty.txt"), "{cmd} names the input: {err}");
        assert!(
            err.contains("1 input could not be read; the others were"),
            "{cmd}: {err}"
        );
        // the readable one was finished
        let text = String::from_utf8(out.stdout).unwrap();
        let first: serde_json::Value =
            serde_json::from_str(text.lines().next().unwrap_or("{}")).unwrap_or_default();
        match cmd {
            "ingest" => {
                let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                assert_eq!(v["ingested"]["new_events"], 1);
                assert_eq!(v["unreadable"], 1);
            }
            _ => assert_eq!(first["source"], g, "{cmd}: {text}"),
        }
    }
    // the same input alone and readable exits 0; ingest with nothing new exits 0 too
    assert_eq!(e.run(&["read", g]).status.code(), Some(0));
    let again = e.run(&["ingest", g]);
    assert_eq!(again.status.code(), Some(0));
    assert!(String::from_utf8(again.stdout)
        .unwrap()
        .starts_with("nothing new: "));
    // --help states the codes
    let help = String::from_utf8(e.run(&["--help"]).stdout).unwrap();
    assert!(
        help.contains("Exit codes: 0 found; 1 nothing found; 2 error"),
        "{help}"
    );
}
