//! End-to-end: the ledger under stress (issue 11) through the real binary — writers running at
//! once, ingests killed at random points, damaged, read-only, older and unreachable ledgers,
//! rows that do not parse, and `ledger check|migrate|export`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

mod common;
use common::Env;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_diplograph"))
}

fn spawn(db: &Path, args: &[&str]) -> Child {
    bin()
        .args(args)
        .env("DIPLOGRAPH_DB", db)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn ok(out: &Output, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Exit 0 (found) or 1 (nothing found), never an error.
fn ran(out: &Output, what: &str) {
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A JSON Lines feed of `n` articles from one site, each stating one of a few establishments.
fn feed(path: &Path, site: &str, n: usize) -> String {
    std::fs::write(
        path,
        common::establishments(n, |i| format!("https://{site}/{i}")),
    )
    .unwrap();
    path.to_str().unwrap().to_string()
}

/// Everything a ledger says, without ids and timestamps: facts, events with their sources (by
/// article key) and statuses, and articles; each list sorted.
#[derive(Debug, PartialEq, Eq)]
struct Content {
    facts: Vec<String>,
    events: Vec<String>,
    articles: Vec<String>,
}

/// Fails with the first lines that differ, not two whole ledgers.
fn same(got: &Content, expected: &Content, what: &str) {
    for (name, g, e) in [
        ("facts", &got.facts, &expected.facts),
        ("events", &got.events, &expected.events),
        ("articles", &got.articles, &expected.articles),
    ] {
        let only = |a: &[String], b: &[String]| -> Vec<String> {
            a.iter()
                .filter(|x| !b.contains(x))
                .map(|s| s.chars().take(300).collect())
                .take(3)
                .collect()
        };
        let (only_got, only_expected) = (only(g, e), only(e, g));
        assert!(
            g.len() == e.len() && only_got.is_empty() && only_expected.is_empty(),
            "{what}: {name}: {} rows, expected {}; only here: {only_got:?}; only expected: {only_expected:?}",
            g.len(),
            e.len()
        );
    }
}

fn content(db: &Path) -> Content {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let lines = |sql: &str| -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        let mut v: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        v.sort();
        v
    };
    Content {
        facts: lines(
            "SELECT concat_ws('|', a, b, event, date, source_url, publisher, published, quote, citation, added_by) FROM facts",
        ),
        events: lines(
            "SELECT concat_ws('|', e.type, e.a, e.b, e.date, e.modality, e.status, e.reason,
                (SELECT group_concat(x, ';') FROM (SELECT concat_ws(',', a.key, s.date, s.modality, s.quote, s.start, s.end, s.rule) AS x
                 FROM event_sources s JOIN articles a ON a.id = s.article WHERE s.event = e.id ORDER BY 1)))
             FROM events e",
        ),
        articles: lines(
            "SELECT concat_ws('|', key, url, path, title, published, events, publisher) FROM articles",
        ),
    }
}

/// The commands of one trial, on a ledger that already holds one proposal (#1).
struct Trial {
    a: String,
    b: String,
}

impl Trial {
    fn new(dir: &Path) -> Trial {
        Trial {
            a: feed(&dir.join("a.jsonl"), "site1.example.org", 600),
            b: feed(&dir.join("b.jsonl"), "site2.example.org", 600),
        }
    }

    fn seed(&self, env: &Env) {
        let c = Path::new(&self.a).with_file_name("c.txt");
        std::fs::write(
            &c,
            "Bhutan and Fiji established diplomatic relations on 2 March 2026, the ministry said.",
        )
        .unwrap();
        ok(
            &env.run(&["ingest", c.to_str().unwrap(), "--published", "2026-03-03"]),
            "seed",
        );
    }

    /// `review accept 1` and three `add`s (each followed by a `review`), asserted to succeed.
    fn edits(env: &Env) {
        ok(&env.run(&["review", "accept", "1"]), "review accept");
        for k in 1..=3 {
            add_fact(env, &format!("2026-05-0{k}"));
            ran(&env.run(&["review"]), "review");
        }
    }

    fn sequential(&self) -> Content {
        let env = Env::new();
        self.seed(&env);
        ok(&env.run(&["ingest", &self.a]), "ingest a");
        ok(&env.run(&["ingest", &self.b]), "ingest b");
        Trial::edits(&env);
        content(&env.db())
    }

    /// Both ingests, the edits and a stream of queries at once; the failures (with their
    /// messages) and the content.
    fn concurrent(&self) -> (Vec<String>, usize, Content) {
        let env = Env::new();
        self.seed(&env);
        let db = env.db();
        let a = spawn(&db, &["ingest", &self.a]);
        let b = spawn(&db, &["ingest", &self.b]);
        let (failures, queries) = std::thread::scope(|s| {
            let edits = s.spawn(|| Trial::edits(&env));
            let queries = s.spawn(|| {
                let mut failures = Vec::new();
                let mut n = 0;
                let start = Instant::now();
                while n < 4 || start.elapsed() < Duration::from_millis(1500) {
                    let out = env.run(&["relations", "CHL", "--as-of", "2026-04-01"]);
                    if out.status.code() != Some(0) {
                        failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
                    }
                    n += 1;
                }
                (failures, n)
            });
            edits.join().unwrap();
            let mut failures = Vec::new();
            for child in [a, b] {
                let out = child.wait_with_output().unwrap();
                if out.status.code() != Some(0) {
                    failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
                }
            }
            let (q, n) = queries.join().unwrap();
            failures.extend(q);
            (failures, n)
        });
        (failures, queries, content(&db))
    }
}

fn trials(n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let trial = Trial::new(dir.path());
    let expected = trial.sequential();
    assert_eq!(expected.articles.len(), 1201);
    assert_eq!(expected.facts.len(), 3);
    assert!(expected.facts[0].starts_with("NIU|CUB|establish|2026-05-01|https://x.org/2026-05-01|"));
    assert!(
        expected
            .events
            .iter()
            .any(|e| e
                .starts_with("establish|BTN|FJI|2026-03-02|asserted|accepted|accepted by hand|"))
    );
    let mut lock_failures = 0;
    for t in 0..n {
        let (failures, queries, got) = trial.concurrent();
        lock_failures += failures
            .iter()
            .filter(|f| f.contains("locked") || f.contains("busy"))
            .count();
        assert!(failures.is_empty(), "trial {t}: {failures:?}");
        assert!(queries >= 4);
        same(&got, &expected, &format!("trial {t}"));
    }
    eprintln!("{n} trials: {lock_failures} lock failures");
}

/// Regression (issue 11): a second `ingest` on the same ledger failed within 0.03 s with
/// "database is locked", and two writers on a new ledger raced to create its tables.
#[test]
fn writers_at_once_end_where_a_sequential_run_ends() {
    trials(3);
}

/// The same a hundred times (`cargo test -p diplograph --test ledger -- --ignored`); the figure
/// is in `bench/runs/2026-12-01-ledger.md`.
#[test]
#[ignore]
fn writers_at_once_a_hundred_trials() {
    trials(100);
}

/// A pseudo-random number below `n` (xorshift over the clock's nanoseconds), printed so that a
/// failure can be replayed.
fn random_below(state: &mut u64, n: u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state % n
}

#[test]
fn an_ingest_killed_at_random_points_and_rerun_ends_where_a_whole_run_ends() {
    let dir = tempfile::tempdir().unwrap();
    let f = feed(&dir.path().join("f.jsonl"), "site3.example.org", 1400);
    let g = feed(&dir.path().join("g.jsonl"), "site4.example.org", 200);
    let whole = Env::new();
    let start = Instant::now();
    ok(&whole.run(&["ingest", &f]), "whole");
    let took = start.elapsed().as_millis() as u64;
    ok(&whole.run(&["ingest", &g]), "whole");
    let expected = content(&whole.db());
    let mut seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64
        | 1;
    eprintln!("seed {seed}, a whole run takes {took} ms");
    for _ in 0..3 {
        let env = Env::new();
        let delay = random_below(&mut seed, took + 1);
        let mut child = spawn(&env.db(), &["ingest", &f]);
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().unwrap(); // SIGKILL, if it has not finished
        child.wait().unwrap();
        // a rerun after the whole feed was committed finds nothing new (exit 1)
        ran(&env.run(&["ingest", &f]), "rerun");
        ok(&env.run(&["ingest", &g]), "rerun");
        same(
            &content(&env.db()),
            &expected,
            &format!("killed after {delay} ms"),
        );
    }
}

/// Writes 8 KB of pseudo-random bytes into the middle of a file.
fn damage(path: &Path) {
    use std::io::{Seek, SeekFrom, Write};
    let len = std::fs::metadata(path).unwrap().len();
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start(len / 2 - 4096)).unwrap();
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    let bytes: Vec<u8> = (0..8192).map(|_| random_below(&mut x, 256) as u8).collect();
    f.write_all(&bytes).unwrap();
}

/// A facts file of `n` rows `import facts` reads.
fn facts_file(path: &Path, n: usize) -> String {
    let mut s = String::from("a\tb\tevent\tdate\tsource_url\tpublisher\tpublished\tquote\n");
    for i in 0..n {
        s.push_str(&format!("KOR\tCUB\testablish\t2024-02-14\thttps://example.org/report/{i}\tExample\t2024-02-14\testablished relations\n"));
    }
    std::fs::write(path, s).unwrap();
    path.to_str().unwrap().to_string()
}

fn one_line_error(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    err.trim_end().to_string()
}

/// Regression (issue 11): with 8 KB of random bytes in its middle, a ledger was still written
/// to by `add` and `init`.
#[test]
fn a_damaged_ledger_is_refused_for_writing_and_its_content_carried_out() {
    let env = Env::new();
    let tsv = facts_file(&env.dir.path().join("many.tsv"), 3000);
    ok(&env.run(&["import", "facts", &tsv]), "import");
    damage(&env.db());
    let bytes = std::fs::read(env.db()).unwrap();
    let shown = format!("{:?}", env.db().display().to_string());
    for args in [
        &[
            "add",
            "NIU",
            "CUB",
            "establish",
            "2026-05-04",
            "--url",
            "https://x.org/a",
            "--quote",
            "established relations",
        ][..],
        &["init"],
        &["import", "facts", &tsv],
    ] {
        let e = one_line_error(&env.run(args));
        assert!(
            e.starts_with(&format!("diplograph: ledger {shown} is damaged (")),
            "{args:?}: {e}"
        );
        assert!(e.contains("`diplograph ledger check` says what is wrong and `diplograph ledger export` saves what is readable"), "{e}");
    }
    // queries still answer, from what is readable, and name what they skipped
    let out = env.run(&["relations", "CUB", "--as-of", "2025-01-01"]);
    ok(&out, "relations");
    let warnings = String::from_utf8(out.stderr).unwrap();
    assert!(
        warnings
            .lines()
            .all(|l| l.starts_with("diplograph: ledger facts row ") && l.contains(" skipped: ")),
        "{warnings}"
    );
    assert_eq!(std::fs::read(env.db()).unwrap(), bytes, "nothing written");
    // check names the damage and exits 2
    let out = env.run(&["ledger", "check"]);
    assert_eq!(out.status.code(), Some(2));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.starts_with("integrity: "), "{report}");
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .starts_with(&format!("diplograph: ledger {shown} is damaged: ")));
    // export saves what is readable, which a new ledger imports
    let to = env.dir.path().join("saved.tsv");
    let out = env.run(&["ledger", "export", "--to", to.to_str().unwrap()]);
    ok(&out, "export");
    let saved = std::fs::read_to_string(&to).unwrap();
    let rows = saved.lines().count() - 1;
    assert!((1000..3000).contains(&rows), "{rows} rows saved");
    let fresh = Env::new();
    let out = fresh.run(&["import", "facts", to.to_str().unwrap()]);
    ok(&out, "import saved");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "imported {}: {rows} facts added, 0 already there (ledger {})\n",
            to.display(),
            fresh.db().display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(env.dir.path().join("saved.events.jsonl")).unwrap(),
        ""
    );
}

/// Regression (issue 11): a ledger path under a file, or a symlink loop, was ignored by queries,
/// which answered from the baseline alone.
#[test]
fn a_ledger_that_cannot_be_opened_is_an_error_never_ignored() {
    let env = Env::new();
    let file = env.dir.path().join("file");
    std::fs::write(&file, "not a folder").unwrap();
    let under = file.join("ledger.sqlite");
    let out = bin()
        .args(["relations", "KOR", "--db", under.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        one_line_error(&out),
        format!(
            "diplograph: cannot use the ledger {:?}: {:?} is not a folder",
            under.display().to_string(),
            file.display().to_string()
        )
    );
    let looped = env.dir.path().join("loop.sqlite");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    let out = bin()
        .args(["relations", "KOR", "--db", looped.to_str().unwrap()])
        .output()
        .unwrap();
    let e = one_line_error(&out);
    assert!(
        e.starts_with(&format!(
            "diplograph: cannot open the ledger {:?}: ",
            looped.display().to_string()
        )),
        "{e}"
    );
    // a path that does not exist is no ledger yet, and a query creates none
    let none = env.dir.path().join("none/ledger.sqlite");
    let out = bin()
        .args(["relations", "KOR", "--db", none.to_str().unwrap()])
        .output()
        .unwrap();
    ok(&out, "no ledger");
    assert!(!none.parent().unwrap().exists());
}

/// Whether `pair NIU CUB` cites the fact [`add_fact`] added for `date`.
fn history_has(env: &Env, date: &str) -> bool {
    env.json(&["pair", "NIU", "CUB"])
        .to_string()
        .contains(&format!("https://x.org/{date}"))
}

fn add_fact(env: &Env, date: &str) {
    let url = format!("https://x.org/{date}");
    ok(
        &env.run(&[
            "add",
            "NIU",
            "CUB",
            "establish",
            date,
            "--url",
            &url,
            "--publisher",
            "X",
            "--published",
            date,
            "--quote",
            "established relations",
        ]),
        "add",
    );
}

/// Regression (issue 11): queries opened the ledger read-write, switched its journal mode and
/// migrated it, and failed on a read-only file.
#[test]
fn queries_never_write_a_read_only_ledger() {
    let env = Env::new();
    add_fact(&env, "2026-05-04");
    let db = env.db();
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms).unwrap();
    let bytes = std::fs::read(&db).unwrap();
    let mtime = std::fs::metadata(&db).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    assert!(history_has(&env, "2026-05-04"));
    for args in [
        &["relations", "NIU"][..],
        &["review"],
        &["ledger", "check"],
        &["ledger", "export"],
    ] {
        ran(&env.run(args), &format!("{args:?}"));
    }
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    assert_eq!(std::fs::metadata(&db).unwrap().modified().unwrap(), mtime);
}

/// Turns a current ledger into one at schema version 3, as an older build left it.
fn downgrade(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(
        "DROP TABLE corrections; DROP TABLE decisions;
         ALTER TABLE events DROP COLUMN publisher; PRAGMA user_version = 3;",
    )
    .unwrap();
}

#[test]
fn an_older_ledger_is_refused_by_queries_and_migrated_with_a_backup() {
    let env = Env::new();
    add_fact(&env, "2026-05-04");
    downgrade(&env.db());
    let shown = format!("{:?}", env.db().display().to_string());
    let bytes = std::fs::read(env.db()).unwrap();
    assert_eq!(
        one_line_error(&env.run(&["relations", "NIU"])),
        format!("diplograph: ledger {shown} is at schema version 3, this build needs {}: run `diplograph ledger migrate` (it keeps a backup)", diplograph_store::SCHEMA_VERSION)
    );
    assert_eq!(std::fs::read(env.db()).unwrap(), bytes, "a query wrote");
    let out = env.run(&["ledger", "migrate"]);
    ok(&out, "migrate");
    let backup: PathBuf = env.dir.path().join("ledger.sqlite.v3.bak");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "migrated ledger {} from schema version 3 to {}; the ledger as it was is in {}\n",
            env.db().display(),
            diplograph_store::SCHEMA_VERSION,
            backup.display()
        )
    );
    let old = rusqlite::Connection::open(&backup).unwrap();
    let v: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 3);
    let n: i64 = old
        .query_row("SELECT count(*) FROM facts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    ok(&env.run(&["relations", "NIU"]), "relations after migrate");
    // a writer migrates by itself, and says where the backup is
    let env = Env::new();
    add_fact(&env, "2026-05-04");
    downgrade(&env.db());
    let out = env.run(&[
        "add",
        "NIU",
        "CUB",
        "establish",
        "2026-05-05",
        "--url",
        "https://x.org/b",
        "--quote",
        "established relations",
        "--publisher",
        "X",
        "--published",
        "2026-05-06",
    ]);
    ok(&out, "add on an older ledger");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "diplograph: migrated ledger {} from schema version 3 to {}; the ledger as it was is in {}\n",
            env.db().display(),
            diplograph_store::SCHEMA_VERSION,
            env.dir.path().join("ledger.sqlite.v3.bak").display()
        )
    );
}

/// Regression (issue 11): a row dated "0000" made every command fail with `ledger row 1:
/// "0000" is not a valid date`.
#[test]
fn a_row_that_does_not_parse_is_skipped_with_a_warning() {
    let env = Env::new();
    add_fact(&env, "2026-05-04");
    add_fact(&env, "2026-05-05");
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute("UPDATE facts SET date = '0000' WHERE id = 1", [])
        .unwrap();
    drop(conn);
    let out = env.run(&["pair", "NIU", "CUB", "--json"]);
    ok(&out, "pair");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "diplograph: ledger facts row 1 skipped: \"0000\" is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)\n"
    );
    let answer = String::from_utf8(out.stdout).unwrap();
    assert!(answer.contains("https://x.org/2026-05-05"));
    assert!(!answer.contains("https://x.org/2026-05-04"));
    let out = env.run(&["ledger", "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "facts row 1: \"0000\" is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)\n"
    );
}
