//! End-to-end: the reader through the real binary — the Korea–Syria repost, bad input, ingest,
//! and the evaluation figures. Third-party text is read from `../shared` and those tests skip
//! where it is absent.

use std::path::Path;

mod common;
use common::{shared, Env};

use serde_json::{json, Value};

fn repo(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
        .display()
        .to_string()
}

/// Type, actors, date, precision and modality of each event, in order.
fn events(v: &Value) -> Vec<Value> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            json!([
                e["type"],
                e["actors"],
                e["date"],
                e["date_precision"],
                e["modality"]
            ])
        })
        .collect()
}

#[test]
fn korea_syria_repost_yields_each_event_once() {
    let Some(article) = shared("examples/articles/korea-syria-forum-repost.txt") else {
        return;
    };
    let path = article.display().to_string();
    let env = Env::new();
    let v = env.json(&["read", &path]);
    assert_eq!(v["published"], "2025-04-11");
    assert_eq!(v["published_from"], "text");
    assert_eq!(
        events(&v),
        vec![
            json!(["establish", ["KOR", "SYR"], "2025-04-10", "day", "asserted"]),
            json!(["meet", ["KOR", "SYR"], "2025-04-10", "day", "asserted"]),
            json!([
                "sign_agreement",
                ["KOR", "SYR"],
                "2025-04-10",
                "day",
                "asserted"
            ]),
            json!(["establish", ["KOR", "CUB"], "2024", "year", "asserted"]),
            json!(["military_aid", ["PRK", "RUS"], null, null, "reported"]),
        ]
    );
    let e = &v["events"].as_array().unwrap();
    assert_eq!(e[1]["location"], "Damascus");
    assert_eq!(
        (e[0]["cameo"].as_str(), e[0]["plover"].as_str()),
        (Some("050"), Some("SUPPORT"))
    );
    assert_eq!(e[4]["plover"], "AID");
    // nothing from the second copy of the body or from the advertising lines
    let text = std::fs::read_to_string(&article).unwrap();
    let second_copy = text
        .match_indices("In a significant shift in Middle East diplomacy")
        .nth(1)
        .unwrap()
        .0;
    for ev in e.iter().flat_map(|e| e["evidence"].as_array().unwrap()) {
        let (start, end) = (
            ev["start"].as_u64().unwrap() as usize,
            ev["end"].as_u64().unwrap() as usize,
        );
        assert!(start < second_copy, "evidence from the repeated body: {ev}");
        assert_eq!(&text[start..end], ev["text"].as_str().unwrap());
        assert!(!ev["text"].as_str().unwrap().contains("Tekedia"));
    }
    let notes: Vec<&str> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        notes.iter().filter(|k| **k == "chrome").count(),
        5,
        "{notes:?}"
    );
    assert_eq!(notes.iter().filter(|k| **k == "header").count(), 1);

    // ingest stores the four asserted events once, and a second ingest adds nothing
    let first = env.json(&["ingest", &path]);
    assert_eq!(
        first["ingested"],
        json!({"articles": 1, "already_read": 0, "new_events": 4, "corroborated": 0, "accepted": 0})
    );
    assert_eq!(first["not_asserted_skipped"], 1);
    // nothing new is not an error for a cron job: exit 0, and the line says so
    let again = env.run(&["ingest", &path]);
    assert_eq!(again.status.code(), Some(0), "nothing new");
    let said = String::from_utf8(again.stdout).unwrap();
    assert!(
        said.starts_with("nothing new: read 0 new article(s)") && said.contains("1 already read"),
        "{said}"
    );
}

#[test]
fn the_same_event_from_two_articles_is_one_event_with_two_sources() {
    let env = Env::new();
    let a = env.dir.path().join("a.txt");
    let b = env.dir.path().join("b.jsonl");
    std::fs::write(
        &a,
        "South Korea and Syria established diplomatic relations on Thursday.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        concat!(
            r#"{"url": "https://example.org/1", "published": "2025-04-12", "text": "Seoul and Damascus established diplomatic ties on 10 April 2025, officials said."}"#,
            "\n",
            r#"{"url": "https://example.org/2", "published": "2025-04-12", "html": "<html><body><img src=x></body></html>"}"#,
            "\n"
        ),
    )
    .unwrap();
    // one record unreadable: the others are stored, and the run exits 2
    let out = env.run(&[
        "ingest",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--published",
        "2025-04-11",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ingested"]["new_events"], 1);
    assert_eq!(v["ingested"]["corroborated"], 1);
    assert_eq!(v["unreadable"], json!(1));
    // read on a JSON Lines file prints one line per article, with its URL
    let out = env.run(&["read", b.to_str().unwrap(), "--json"]);
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["url"], "https://example.org/1");
    assert_eq!(
        events(&lines[0]),
        vec![json!([
            "establish",
            ["KOR", "SYR"],
            "2025-04-10",
            "day",
            "asserted"
        ])]
    );
}

#[test]
fn bad_input_is_one_clear_line_and_nothing_is_written() {
    let env = Env::new();
    let dir = env.dir.path();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    };
    let binary = write("a.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00");
    let latin1 = write("b.txt", b"Caf\xe9 society");
    let empty = write("c.txt", b"");
    let no_text = write(
        "d.html",
        b"<html><head><title>t</title></head><body><img src=x></body></html>",
    );
    let huge = dir.join("e.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let huge = huge.display().to_string();
    for cmd in ["read", "ingest"] {
        assert!(env
            .fails(&[cmd, &binary])
            .ends_with("binary input (a NUL byte at offset 7): give the reader text or HTML"));
        assert!(env
            .fails(&[cmd, &latin1])
            .ends_with("not UTF-8 text: invalid byte at offset 3"));
        assert!(env
            .fails(&[cmd, &empty])
            .ends_with("empty input: nothing to read"));
        assert!(env
            .fails(&[cmd, &no_text])
            .ends_with("HTML without readable text"));
        assert!(env
            .fails(&[cmd, &huge])
            .ends_with("input is 104857600 bytes, over the 16777216-byte limit for one article"));
        assert!(env
            .fails(&[cmd, "no/such/file.txt"])
            .contains("no such file or folder \"no/such/file.txt\""));
    }
    // a month is a publication date at its precision (cli/tests/published.rs); a thirteenth
    // month is none
    assert!(env
        .fails(&["read", &empty, "--published", "2025-13"])
        .contains("2025-13"));
    assert!(env
        .fails(&["read", &empty, "--published", "2025-02-30"])
        .contains("not a valid date"));
}

#[test]
fn evaluation_set_figures() {
    let env = Env::new();
    let v = env.json(&["eval", &repo("eval/reader")]);
    let passages = v["passages"].as_u64().unwrap();
    let negatives = v["negatives"].as_u64().unwrap();
    assert!(passages >= 150, "{passages} passages");
    assert!(
        negatives * 3 >= passages,
        "{negatives} hard negatives of {passages}"
    );
    // hard negatives produce no asserted (or reported) events
    assert_eq!(v["negatives_with_events"], json!([]));
    for t in v["by_type"].as_object().unwrap().keys() {
        let c = &v["by_type"][t];
        assert!(
            c["tp"].as_u64().unwrap() + c["fn"].as_u64().unwrap() >= 5,
            "{t} has too few labelled events"
        );
    }
    // a floor under the figures recorded in bench/, so that a regression is seen
    let f1 = v["overall"]["f1"].as_f64().unwrap();
    let precision = v["overall"]["precision"].as_f64().unwrap();
    assert!(f1 >= 0.60 && precision >= 0.80, "overall {}", v["overall"]);
}

#[test]
fn held_out_figures() {
    // written separately and never tuned on (its three failing negatives were looked at once;
    // see bench/runs/2026-11-26-reader.md)
    let env = Env::new();
    let v = env.json(&["eval", &repo("eval/heldout")]);
    assert!(v["passages"].as_u64().unwrap() >= 75);
    assert_eq!(v["negatives_with_events"], json!([]));
    let f1 = v["overall"]["f1"].as_f64().unwrap();
    assert!(f1 >= 0.60, "overall {}", v["overall"]);
}

#[test]
fn state_department_guide_figures() {
    let Some(guide) = shared("data/historyatstate_rdcr/articles") else {
        return;
    };
    let env = Env::new();
    let v = env.json(&["eval", "--guide", guide.to_str().unwrap()]);
    assert!(v["sections"].as_u64().unwrap() >= 450);
    let f1 = v["overall"]["f1"].as_f64().unwrap();
    assert!(f1 >= 0.62, "overall {}", v["overall"]);
}

/// Wikipedia's row notes, labelled by the establishment date their tables give (issue 9): the
/// reader, told which pair a row is about, finds the establishment with the table's year in most
/// rows that speak of it.
#[test]
fn wikipedia_row_notes_figures() {
    let Some(dir) = shared("data/wikipedia_foreign_relations") else {
        return;
    };
    let env = Env::new();
    let v = env.json(&["eval", "--wikipedia", dir.to_str().unwrap()]);
    assert!(v["labelled"].as_u64().unwrap() >= 3500, "{v}");
    let o = &v["overall"];
    assert!(o["precision"].as_f64().unwrap() >= 0.90, "overall {o}");
    assert!(o["recall"].as_f64().unwrap() >= 0.85, "overall {o}");
    assert!(v["year_right"].as_u64() <= v["pair_found"].as_u64());
}

#[test]
fn one_large_feed_shows_progress_at_a_terminal() {
    // `script` gives the binary a terminal; where it is missing the test has nothing to run on
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` command");
        return;
    }
    let env = Env::new();
    let feed = env.dir.path().join("one.jsonl");
    let line = r#"{"url": "https://a.example/N", "published": "2024-03-29", "text": "Chile and Peru signed a trade agreement on 3 March 2024, the two foreign ministries said in a joint statement. The announcement followed months of talks between officials of both governments, according to a statement carried by the state news agency."}"#;
    let lines: String = (0..6000)
        .map(|i| line.replace("/N", &format!("/{i}")) + "\n")
        .collect();
    std::fs::write(&feed, lines).unwrap();
    let cmd = format!(
        "{} --db {} ingest {}",
        env!("CARGO_BIN_EXE_diplograph"),
        env.db().display(),
        feed.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(" MiB/1."), "no progress in bytes: {text:?}");
}
