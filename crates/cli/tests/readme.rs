//! README's commands, run as written: every `diplograph …` line of its ```sh blocks, on a fresh
//! ledger, with its placeholders (URL, P, article.txt, …) replaced by small files of our own.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const README: &str = include_str!("../../../README.md");

/// The `diplograph` lines of README's ```sh blocks, each without its trailing comment.
fn commands() -> Vec<String> {
    let mut found = Vec::new();
    let mut in_sh = false;
    for line in README.lines() {
        let t = line.trim();
        if t.starts_with("```") {
            in_sh = t == "```sh";
            continue;
        }
        if in_sh && t.starts_with("diplograph ") {
            found.push(strip_comment(t).to_string());
        }
    }
    found
}

/// The line up to a `#` that starts a comment (after a space, outside quotes).
fn strip_comment(line: &str) -> &str {
    let mut quoted = false;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '#' if !quoted && prev == ' ' => return line[..i].trim_end(),
            _ => {}
        }
        prev = c;
    }
    line.trim_end()
}

/// Splits a command line as a shell would, for the quoting README uses (double quotes only).
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            _ => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

/// Small inputs standing in for README's placeholders.
struct Fixtures {
    dir: tempfile::TempDir,
}

const ARTICLE: &str = "published: 2025-04-11\n\nSouth Korea and Syria established diplomatic relations on Thursday, the foreign ministry said. South Korea now has diplomatic relations with 191 of the 193 UN member states.\n";

impl Fixtures {
    fn new() -> Fixtures {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(p.join("article.txt"), ARTICLE).unwrap();
        std::fs::write(
            p.join("page.html"),
            "<html><head><meta property=\"article:published_time\" content=\"2024-02-15\"></head><body><article><h1>Seoul and Havana set up ties</h1><p>South Korea established diplomatic relations with Cuba on 14 February 2024, officials said in Seoul.</p></article></body></html>",
        )
        .unwrap();
        // eight events, so that README's `review accept 7` has an event #7 to accept
        let pairs = [
            "Chile and Peru",
            "Ghana and Togo",
            "Norway and Chile",
            "Japan and Peru",
            "Kenya and Fiji",
            "Nepal and Mali",
            "Oman and Chad",
            "Laos and Cuba",
        ];
        let feed: String = pairs
            .iter()
            .enumerate()
            .map(|(i, pair)| {
                let text = format!("{pair} established diplomatic relations on 1 March 2026, officials said.");
                serde_json::json!({"url": format!("https://example.org/{i}"), "published": "2026-03-02", "text": text}).to_string() + "\n"
            })
            .collect();
        std::fs::write(p.join("feed.jsonl"), &feed).unwrap();
        std::fs::create_dir(p.join("articles")).unwrap();
        std::fs::write(p.join("articles/feed.jsonl"), &feed).unwrap();
        std::fs::write(p.join("articles/article.txt"), ARTICLE).unwrap();
        std::fs::write(
            p.join("my.facts.tsv"),
            "a\tb\tevent\tdate\tsource_url\tpublisher\tpublished\tquote\nNIU\tCUB\testablish\t2026-05-04\thttps://example.org/niue-cuba\tExample News\t2026-05-04\tNiue and Cuba established diplomatic relations on 4 May 2026\n",
        )
        .unwrap();
        Fixtures { dir }
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).to_str().unwrap().to_string()
    }

    /// A README word as the test runs it.
    fn word(&self, w: &str) -> String {
        match w {
            "URL" => "https://example.org/niue-cuba".into(),
            "P" => "Example News".into(),
            "..." => "Niue and Cuba established diplomatic relations on 4 May 2026".into(),
            "article.txt" | "page.html" | "feed.jsonl" | "my.facts.tsv" | "saved.tsv" => {
                self.path(w)
            }
            "articles/" => self.path("articles"),
            _ => w.to_string(),
        }
    }
}

/// The checkout: README's relative paths (eval/reader, ../shared/...) are relative to it.
fn checkout() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Why a command is not run here, if it is not.
fn skipped(args: &[String]) -> Option<&'static str> {
    let has = |w: &str| args.iter().any(|a| a == w);
    if args[0] == "serve" {
        return Some("serve answers until it is stopped: cli/tests/serve.rs starts it and asks it");
    }
    if has("--guide") && args[0] == "eval" {
        return Some("eval --guide reads the whole State Department guide (minutes)");
    }
    if args.len() > 1 && args[0] == "import" && args[1] == "wikipedia" {
        return Some("import wikipedia reads 205 articles (minutes) and DIR is the reference data");
    }
    if args.iter().any(|a| a.starts_with("../shared")) {
        let all_there = args
            .iter()
            .filter(|a| a.starts_with("../shared"))
            .all(|a| checkout().join(a).exists());
        if !all_there {
            return Some("../shared is absent beside the checkout");
        }
    }
    None
}

#[test]
fn readme_commands_run_as_written() {
    let lines = commands();
    assert!(
        lines.len() >= 30,
        "{} commands found in README",
        lines.len()
    );
    let fx = Fixtures::new();
    let mut ran = 0;
    for line in &lines {
        let readme_words = words(line);
        assert_eq!(readme_words[0], "diplograph", "{line}");
        // a redirection of stdout (`> diplograph.1`) is the shell's: output is captured here
        let args: Vec<String> = readme_words[1..]
            .iter()
            .take_while(|w| *w != ">")
            .map(|w| fx.word(w))
            .collect();
        if let Some(why) = skipped(&args) {
            eprintln!("skipped: {line}: {why}");
            continue;
        }
        // `init` makes a ledger: it gets one of its own, the rest share one, in README's order.
        let db = if args[0] == "init" {
            fx.path("init.sqlite")
        } else {
            fx.path("ledger.sqlite")
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
            .args(&args)
            .current_dir(checkout())
            .env("DIPLOGRAPH_DB", &db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        if args.iter().any(|a| a == "-") {
            stdin.write_all(ARTICLE.as_bytes()).unwrap();
        }
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        let code = out.status.code();
        assert!(
            code == Some(0) || code == Some(1),
            "README's `{line}` exited {code:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    assert!(ran >= 25, "only {ran} of {} commands ran", lines.len());
}

#[test]
fn comments_and_quotes_are_read_as_a_shell_would() {
    assert_eq!(
        strip_comment("diplograph read a.txt   # the events"),
        "diplograph read a.txt"
    );
    assert_eq!(
        words(r#"diplograph review reject 7 --reason "not # here""#),
        [
            "diplograph",
            "review",
            "reject",
            "7",
            "--reason",
            "not # here"
        ]
    );
}
