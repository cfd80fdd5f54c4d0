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

/// Parses CSV output: the header, then the rows.
fn csv_of(out: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(out);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_is_csv_wherever_it_is_offered() {
    let e = Env::new();
    let a = e.dir.path().join("a.txt");
    std::fs::write(
        &a,
        "published: 2026-03-02\n\nChile and Peru established diplomatic relations on 1 March 2026, officials said. \
         South Korea has relations with 191 of 193 UN member states.\n",
    )
    .unwrap();
    let a = a.to_str().unwrap();

    let out = e.run(&["read", a, "--csv"]);
    assert_eq!(out.status.code(), Some(0));
    let (h, rows) = csv_of(&out.stdout);
    assert_eq!(
        h,
        [
            "source",
            "url",
            "published",
            "type",
            "a",
            "b",
            "date",
            "modality",
            "rule",
            "quote"
        ]
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        rows[0][..8],
        [
            a,
            "",
            "2026-03-02",
            "establish",
            "CHL",
            "PER",
            "2026-03-01",
            "asserted"
        ]
    );
    assert!(rows[0][9].starts_with("Chile and Peru established"));

    let out = e.run(&["check", a, "--csv", "--as-of", "2025-04-12"]);
    let (h, rows) = csv_of(&out.stdout);
    assert_eq!(
        h,
        ["source", "as_of", "kind", "verdict", "claim", "explanation"]
    );
    let count = rows
        .iter()
        .find(|r| r[2] == "count")
        .expect("the count claim");
    assert_eq!(
        (count[1].as_str(), count[3].as_str(), count[4].as_str()),
        ("2025-04-12", "supported", "191 of 193 UN member states")
    );

    let out = e.run(&["ingest", a, "--csv"]);
    assert_eq!(out.status.code(), Some(0));
    let (h, rows) = csv_of(&out.stdout);
    assert_eq!(
        h[1..7],
        [
            "articles",
            "already_read",
            "unreadable",
            "new_events",
            "corroborated",
            "accepted"
        ]
    );
    assert_eq!(rows[0][1..7], ["1", "0", "0", "1", "0", "0"]);

    // Chile and Peru have had relations for long: the establishment waits in review
    let out = e.run(&["review", "--csv"]);
    assert_eq!(out.status.code(), Some(0));
    let (h, rows) = csv_of(&out.stdout);
    assert_eq!(
        h,
        ["id", "status", "type", "a", "b", "date", "sources", "reason"]
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        rows[0][1..7],
        ["conflict", "establish", "CHL", "PER", "2026-03-01", "1"]
    );

    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval/reader");
    let out = e.run(&["eval", dir, "--csv"]);
    assert_eq!(out.status.code(), Some(0));
    let (h, rows) = csv_of(&out.stdout);
    assert_eq!(h, ["type", "tp", "fp", "fn", "precision", "recall", "f1"]);
    let all = rows.last().unwrap();
    assert_eq!(all[0], "all");
    let n = |i: usize| all[i].parse::<f64>().unwrap();
    assert!((n(4) - n(1) / (n(1) + n(2))).abs() < 0.001, "{all:?}");
    // eval --claims does not offer CSV: it says so, one line
    let claims = concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval/claims");
    let out = e.run(&["eval", claims, "--claims", "--csv"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        err,
        "diplograph: eval --claims prints JSON or a table, not CSV: use --json\n"
    );
}

#[test]
fn json_is_one_object_for_one_file_and_lines_for_the_rest() {
    let e = Env::new();
    let dir = e.dir.path().join("articles");
    std::fs::create_dir(&dir).unwrap();
    let text = "published: 2025-04-12\n\nSouth Korea and Syria established diplomatic relations on 10 April 2025.\n";
    let one = dir.join("one.txt");
    std::fs::write(&one, text).unwrap();
    let (one, dir) = (one.to_str().unwrap(), dir.to_str().unwrap());
    for cmd in ["read", "check"] {
        // a single file: one pretty object over several lines
        let out = e.run(&[cmd, one, "--json"]);
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(s.lines().count() > 1, "{cmd}: {s}");
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["source"], one);
        // a folder (of one file), the file twice, stdin: JSON Lines, an object a line
        let lines = |s: &str| -> Vec<serde_json::Value> {
            s.lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect()
        };
        let out = e.run(&[cmd, dir, "--json"]);
        let got = lines(&String::from_utf8(out.stdout).unwrap());
        assert_eq!(got.len(), 1, "{cmd} on a folder");
        assert_eq!(got[0]["source"], one);
        let out = e.run(&[cmd, one, one, "--json"]);
        assert_eq!(lines(&String::from_utf8(out.stdout).unwrap()).len(), 2);
        let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
            .args([cmd, "-", "--json"])
            .env("DIPLOGRAPH_DB", e.db())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let got = lines(&String::from_utf8(out.stdout).unwrap());
        assert_eq!(got.len(), 1, "{cmd} on stdin");
        assert_eq!(got[0]["source"], "-");
        assert_eq!(got[0]["published"], "2025-04-12");
    }
    let help = String::from_utf8(e.run(&["read", "--help"]).stdout).unwrap();
    assert!(
        help.contains("JSON Lines (one object an article) whenever the input is a folder"),
        "{help}"
    );
}

#[test]
fn pair_and_export_take_as_of_and_known_at() {
    let e = Env::new();
    // KOR–SYR: no relations on 2024-01-01, relations from 2025-04-10
    let h = e.json(&["pair", "KOR", "SYR", "--as-of", "2024-01-01"]);
    assert_eq!(
        (h["as_of"].as_str(), h["status"].as_str()),
        (Some("2024-01-01"), Some("none"))
    );
    let history = h["history"].as_array().unwrap();
    assert!(
        history.iter().all(|i| i["status"] != "relations"),
        "{history:?}"
    );
    assert_eq!(
        history.last().unwrap()["to"],
        serde_json::Value::Null,
        "open on the day"
    );
    let h = e.json(&["pair", "KOR", "SYR", "--as-of", "2025-04-10"]);
    assert_eq!(h["status"], "relations");
    assert_eq!(
        h["history"].as_array().unwrap().last().unwrap()["from"],
        "2025-04-10"
    );
    // KOR–CUB: relations from 2024-02-14
    let cub = |day: &str| e.json(&["pair", "KOR", "CUB", "--as-of", day])["status"].clone();
    assert_eq!(
        (cub("2024-02-13"), cub("2024-02-14")),
        ("none".into(), "relations".into())
    );
    let out = e.run(&["pair", "KOR", "CUB", "--as-of", "2024-02-13"]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.trim_end().ends_with("on 2024-02-13: none"), "{table}");

    // export: --as-of keeps facts dated by then, --known-at facts published by then
    let facts = |args: &[&str]| -> Vec<(String, String)> {
        let mut a = vec!["export", "--format", "json", "--state", "KOR"];
        a.extend_from_slice(args);
        let out = e.run(&a);
        assert_eq!(out.status.code(), Some(0));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .filter(|f| f["b"] == "CUB" || f["a"] == "CUB")
            .map(|f| {
                (
                    f["event"].as_str().unwrap().to_string(),
                    f["date"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let establish = ("establish".to_string(), "2024-02-14".to_string());
    assert!(facts(&[]).contains(&establish));
    assert!(!facts(&["--as-of", "2024-02-13"]).contains(&establish));
    assert!(facts(&["--as-of", "2024-02-14"]).contains(&establish));
    assert!(!facts(&["--known-at", "2024-01-01"]).contains(&establish));
    let dated = facts(&["--as-of", "2020-01-01"]);
    assert!(
        dated.iter().all(|(_, d)| d.as_str() < "2020-01-02"),
        "{dated:?}"
    );
}

#[test]
fn dyad_years_are_every_pair_of_the_system() {
    let e = Env::new();
    let args = [
        "export",
        "--format",
        "dyad-year",
        "--from",
        "2020",
        "--to",
        "2020",
    ];
    let out = e.run(&args);
    assert_eq!(out.status.code(), Some(0));
    let (h, rows) = csv_of(&out.stdout);
    assert_eq!(
        h,
        [
            "ccode1",
            "ccode2",
            "gwcode1",
            "gwcode2",
            "iso1",
            "iso2",
            "year",
            "relations",
            "status"
        ]
    );
    // every pair of the states existing in 2020, once
    let mut states: Vec<&str> = rows
        .iter()
        .flat_map(|r| [r[4].as_str(), r[5].as_str()])
        .collect();
    states.sort();
    states.dedup();
    let n = states.len();
    assert!(n > 193, "{n} states");
    assert_eq!(rows.len(), n * (n - 1) / 2);
    // states without a COW code keep their ISO code (the Cook Islands); Kosovo has COW 347
    let cok = rows
        .iter()
        .find(|r| r[4] == "USA" && r[5] == "COK")
        .expect("USA–COK");
    assert_eq!(cok[..7], ["2", "", "2", "", "USA", "COK", "2020"]);
    let kos = rows
        .iter()
        .find(|r| r[5] == "XKX" || r[4] == "XKX")
        .unwrap();
    assert!(kos.contains(&"347".to_string()), "{kos:?}");
    // a pair with no fact is NA, unknown: never guessed
    assert!(rows.iter().all(|r| (r[7] == "NA") == (r[8] == "unknown")));
    // --directed: both orders (South Korea and Cuba: no relations until 2024)
    let mut a = args.to_vec();
    a.extend(["--directed", "--state", "KOR"]);
    let (_, directed) = csv_of(&e.run(&a).stdout);
    assert_eq!(directed.len(), 2 * (n - 1));
    assert!(directed
        .iter()
        .any(|r| r[4] == "KOR" && r[5] == "CUB" && r[8] == "none"));
    assert!(directed
        .iter()
        .any(|r| r[4] == "CUB" && r[5] == "KOR" && r[8] == "none"));
}
