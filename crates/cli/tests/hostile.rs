//! Hostile and broken input on the real binary (issue 11's audit): every command returns, with
//! one printable line of error and exit 2, and writes nothing; provenance is checked at every
//! door; nothing a terminal would obey is printed.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::Env;

/// Longer than any input here takes by far: reaching it means a hang, not a slow run.
const HANG: Duration = Duration::from_secs(60);

/// Runs the binary with `stdin` (a file, or nothing), killing it if it hangs.
fn guarded(env: &Env, args: &[&str], stdin: Option<std::fs::File>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(args)
        .env("DIPLOGRAPH_DB", env.db())
        .stdin(stdin.map_or(Stdio::null(), Stdio::from))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > HANG {
            child.kill().unwrap();
            panic!("{args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// The one-line error of a command that must fail and leave no ledger behind.
fn refused(env: &Env, args: &[&str], stdin: Option<std::fs::File>) -> String {
    let out = guarded(env, args, stdin);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
    assert!(!env.db().exists(), "{args:?} wrote a ledger");
    err.trim_end().to_string()
}

/// The output of a command that must succeed.
fn succeeds(env: &Env, args: &[&str]) -> Vec<u8> {
    let out = guarded(env, args, None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    out.stdout
}

#[test]
fn no_fact_without_provenance_at_any_door() {
    let e = Env::new();
    let err = refused(
        &e,
        &[
            "add",
            "NIU",
            "CUB",
            "establish",
            "2026-05-04",
            "--citation",
            "",
        ],
        None,
    );
    assert_eq!(
        err,
        "diplograph: a fact needs a source: an http(s) URL with a quote, or a dataset citation"
    );
    let err = refused(
        &e,
        &[
            "add",
            "KOR",
            "CUB",
            "establish",
            "2024-02-14",
            "--url",
            "https://a.org/x",
            "--quote",
            "...",
        ],
        None,
    );
    assert_eq!(
        err,
        "diplograph: the quote \"...\" is not words from the source"
    );

    let header = "a\tb\tevent\tdate\tsource_url\tpublisher\tpublished\tquote\n";
    let cases = [
        (
            "KOR\tCUB\testablish\t2024-02-14\t\tX\t2024-02-14\tq\n",
            "a fact needs a source",
        ),
        (
            "KOR\tCUB\testablish\t2024-02-14\t   \tX\t2024-02-14\tq\n",
            "a fact needs a source",
        ),
        (
            "KOR\tCUB\testablish\t2024-02-14\tjavascript:alert(1)\tX\t2024-02-14\tq\n",
            "\"javascript:alert(1)\" is not an http(s) URL",
        ),
        (
            "KOR\tCUB\testablish\t2024-02-14\tfile:///etc/passwd\tX\t2024-02-14\tq\n",
            "\"file:///etc/passwd\" is not an http(s) URL",
        ),
        (
            "KOR\tCUB\testablish\t2024-02-14\thttps://a.org/x\tX\t2024-02-14\tq\0q\n",
            "holds a control character",
        ),
        (
            "KOR\tSSD\testablish\t2005\thttps://a.org/x\tX\t2005\testablished ties\n",
            "South Sudan (SSD) did not exist on 2005-12-31",
        ),
    ];
    for (row, want) in cases {
        let f = e.dir.path().join("facts.tsv");
        std::fs::write(&f, format!("{header}{row}")).unwrap();
        let err = refused(&e, &["import", "facts", f.to_str().unwrap()], None);
        assert!(err.contains(want), "{row:?}: {err}");
        assert!(err.contains("facts.tsv"), "names the file: {err}");
    }
}

#[test]
fn devices_fifos_and_endless_streams_return() {
    let e = Env::new();
    let err = refused(&e, &["read", "/dev/zero", "--input", "jsonl"], None);
    assert_eq!(
        err,
        "diplograph: cannot read \"/dev/zero\": it is a character device, not a regular file (pipe its content to `-` instead)"
    );
    let err = refused(&e, &["import", "facts", "/dev/zero"], None);
    assert!(
        err.ends_with(
            "it is a character device, not a regular file (pipe its content to `-` instead)"
        ),
        "{err}"
    );
    let fifo = e.dir.path().join("feed.jsonl");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    for cmd in ["read", "ingest", "check"] {
        let err = refused(&e, &[cmd, fifo.to_str().unwrap()], None);
        assert!(
            err.ends_with("it is a FIFO, not a regular file (pipe its content to `-` instead)"),
            "{err}"
        );
    }
    // a stream with no line end is given up at a bound, not read forever
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let err = refused(&e, &["ingest", "-", "--input", "jsonl"], Some(zero));
    assert!(
        err.contains("without a line end: not JSON Lines, stopped reading"),
        "{err}"
    );
}

#[test]
fn a_folder_with_a_symlink_loop_is_walked_once() {
    let e = Env::new();
    let dir = e.dir.path().join("news");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "South Korea and Syria established diplomatic relations on 10 April 2025.",
    )
    .unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.join("self"), dir.join("self")).unwrap();
    let out = succeeds(
        &e,
        &[
            "read",
            dir.to_str().unwrap(),
            "--json",
            "--published",
            "2025-04-11",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["events"][0]["date"], "2025-04-10");
}

#[test]
fn every_year_flag_is_range_checked() {
    let e = Env::new();
    for args in [
        &["timeline", "KOR", "--from=-32768"][..],
        &[
            "exclusive",
            "KOR",
            "--rival",
            "PRK",
            "--timeline",
            "--from=-20000",
        ],
        &["export", "--format", "dyad-year", "--to=10000"],
        &["export", "--format", "dyad-year", "--from=0"],
    ] {
        let err = refused(&e, args, None);
        assert!(err.contains("is not in 1..=9999"), "{args:?}: {err}");
    }
}

#[test]
fn init_validates_before_it_creates() {
    let e = Env::new();
    let err = refused(&e, &["init", "--known-at", "2024-02-30"], None);
    assert_eq!(
        err,
        "diplograph: --known-at: \"2024-02-30\" is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    );
}

#[test]
fn errors_are_one_line_and_say_their_cause_once() {
    let e = Env::new();
    let err = refused(&e, &["relatoins", "KOR"], None);
    assert!(
        err.starts_with("diplograph: unrecognized subcommand 'relatoins'"),
        "{err}"
    );
    // clap names every near name ('completions' too since that command came)
    assert!(
        err.contains("similar subcommands exist: 'completions', 'relations'"),
        "{err}"
    );
    // one bad record alone is the run's error, said once
    let one = e.dir.path().join("one.jsonl");
    std::fs::write(
        &one,
        "{\"url\": \"https://a.org/1\", \"published\": \"99999-01-01\", \"text\": \"x\"}\n",
    )
    .unwrap();
    for cmd in ["read", "ingest"] {
        let err = refused(&e, &[cmd, one.to_str().unwrap()], None);
        assert!(
            err.ends_with(
                "bad published date \"99999-01-01\" (expected YYYY-MM-DD, YYYY-MM, YYYY or an RFC 3339 time)"
            ),
            "{err}"
        );
    }
    let err = refused(&e, &["import", "facts", "/nonexistent/facts.tsv"], None);
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
}

#[test]
fn escape_sequences_in_articles_are_shown_not_obeyed() {
    let e = Env::new();
    let f = e.dir.path().join("evil.html");
    std::fs::write(
        &f,
        "<html><head><title>News \u{1b}]0;pwned\u{7}\u{1b}[2J</title></head><body>\
         <p>South Korea and Syria established diplomatic relations on 10 April 2025.\u{1b}[31m</p>\
         </body></html>",
    )
    .unwrap();
    let out = succeeds(
        &e,
        &["read", f.to_str().unwrap(), "--published", "2025-04-11"],
    );
    let text = String::from_utf8(out).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(text.contains("News \\x1b]0;pwned\\x07\\x1b[2J"), "{text}");
    // and in an error message
    let mut bad = std::fs::File::create(e.dir.path().join("x.jsonl")).unwrap();
    writeln!(
        bad,
        "{{\"url\": \"https://a.org/\\u001b[2J\", \"published\": \"2025-02-30\", \"text\": \"x\"}}"
    )
    .unwrap();
    let out = guarded(
        &e,
        &["read", e.dir.path().join("x.jsonl").to_str().unwrap()],
        None,
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert_eq!(out.status.code(), Some(2), "{err}");
}

#[test]
fn a_page_date_beyond_the_calendar_is_ignored_and_said() {
    let e = Env::new();
    let f = e.dir.path().join("far.html");
    std::fs::write(
        &f,
        "<html><head><meta property=\"article:published_time\" content=\"12025-01-01\"></head>\
         <body><p>South Korea established diplomatic relations with Syria last year.</p></body></html>",
    )
    .unwrap();
    for cmd in ["read", "check"] {
        let out = succeeds(&e, &[cmd, f.to_str().unwrap(), "--json"]);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        if cmd == "read" {
            assert_eq!(v["published"], serde_json::Value::Null);
            assert_eq!(v["events"][0]["date"], serde_json::Value::Null);
            let notes = v["notes"].as_array().unwrap();
            assert!(
                notes.iter().any(|n| n["kind"] == "page"
                    && n["message"].as_str().unwrap().contains("12025-01-01")),
                "{notes:?}"
            );
        }
    }
    // and nothing unstorable reaches the ledger: the event is kept undated
    let out = succeeds(&e, &["ingest", f.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["ingested"]["new_events"], 1);
    let to = e.dir.path().join("out.tsv");
    succeeds(&e, &["ledger", "export", "--to", to.to_str().unwrap()]);
    let events = std::fs::read_to_string(e.dir.path().join("out.events.jsonl")).unwrap();
    let v: serde_json::Value = serde_json::from_str(events.lines().next().unwrap()).unwrap();
    assert_eq!(
        (&v["type"], &v["date"]),
        (&"establish".into(), &serde_json::Value::Null)
    );
    succeeds(&e, &["ledger", "check"]);
    succeeds(&e, &["relations", "KOR"]);
}
