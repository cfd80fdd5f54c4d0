//! The ledger: an embedded SQLite file holding what users add (manual facts, imports), in
//! transactions, with a schema version and forward migrations. The only SQL in diplograph.
//!
//!
//! Writers ([`Ledger::open`]) take the write lock with `BEGIN IMMEDIATE` and wait for one
//! another; they check the file before writing and back it up before migrating it. Queries
//! ([`Ledger::open_read_only`]) never write. Reads return the rows that parse beside the ones
//! that do not ([`Loaded`]), and writes refuse a date the ledger could not read back.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("ledger.sqlite");
//! let mut ledger = diplograph_store::Ledger::open(&path).unwrap();
//! assert_eq!(ledger.facts().unwrap().rows.len(), 0);
//! let reader = diplograph_store::Ledger::open_read_only(&path).unwrap().unwrap();
//! assert!(reader.facts().unwrap().skipped.is_empty());
//! ```

use std::path::PathBuf;

mod events;
mod open;
mod rows;

use diplograph_model::{Date, Fact, Origin, SetFact, Source};

pub use events::{
    ArticleRecord, EventRecord, EventState, Ingested, ReviewFilter, StoredEvent, StoredSource,
};
pub use open::Migration;
use rows::{get, parsed};
pub use rows::{BadRow, Loaded};
use rusqlite::{params, Connection, OptionalExtension};

/// Migrations, in order; the schema version is the number applied.
const MIGRATIONS: &[&str] = &[
    // 1: facts, set facts and the imports that brought them.
    "CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        a TEXT NOT NULL, b TEXT NOT NULL, event TEXT NOT NULL, date TEXT NOT NULL,
        source_url TEXT NOT NULL, publisher TEXT NOT NULL, published TEXT,
        quote TEXT NOT NULL, citation TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        UNIQUE (a, b, event, date, source_url, citation)
    );
    CREATE TABLE set_facts (
        id INTEGER PRIMARY KEY,
        state TEXT NOT NULL, as_of TEXT NOT NULL, universe TEXT NOT NULL, mode TEXT NOT NULL,
        members TEXT NOT NULL, count INTEGER,
        source_url TEXT NOT NULL, publisher TEXT NOT NULL, published TEXT,
        quote TEXT NOT NULL, citation TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        UNIQUE (state, as_of, universe, mode, members, source_url, citation)
    );
    CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        format TEXT NOT NULL, file TEXT NOT NULL,
        rows_read INTEGER NOT NULL, facts_added INTEGER NOT NULL, duplicates INTEGER NOT NULL,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );",
    // 2: what the reader found in articles: each article once, each event once with every
    // article that states it.
    "CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        url TEXT, path TEXT, title TEXT, published TEXT,
        events INTEGER NOT NULL,
        read_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, date TEXT,
        modality TEXT NOT NULL,
        first_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX events_by_pair ON events (type, a, b);
    CREATE TABLE event_sources (
        event INTEGER NOT NULL REFERENCES events (id),
        article INTEGER NOT NULL REFERENCES articles (id),
        date TEXT, modality TEXT NOT NULL, quote TEXT NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, rule TEXT NOT NULL,
        UNIQUE (event, article)
    );",
    // 3: learning: read events are proposals until accepted (by two publishers or by hand) or
    // rejected with a reason; articles know their publisher; ledger settings.
    "ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'proposed';
    ALTER TABLE events ADD COLUMN reason TEXT;
    ALTER TABLE events ADD COLUMN decided_at TEXT;
    ALTER TABLE articles ADD COLUMN publisher TEXT;
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    // 4: an event keeps the first publisher that reported it, so that a second one accepts a
    // proposal without a scan of its sources (which made ingesting one story from many articles
    // quadratic).
    "ALTER TABLE events ADD COLUMN publisher TEXT;
    UPDATE events SET publisher = (
        SELECT a.publisher FROM event_sources s JOIN articles a ON a.id = s.article
        WHERE s.event = events.id AND a.publisher IS NOT NULL AND a.publisher != ''
        ORDER BY a.id LIMIT 1
    );",
    // 5: a source can be corrected (a better quote, the publisher, the publication day) by
    // adding the fact again; what it replaced is kept.
    "CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        fact INTEGER NOT NULL REFERENCES facts (id),
        publisher TEXT NOT NULL, published TEXT, quote TEXT NOT NULL,
        corrected_by TEXT NOT NULL,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    -- every decision on a read event, in order: a decision can be revised, never erased
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        event INTEGER NOT NULL REFERENCES events (id),
        from_status TEXT NOT NULL, to_status TEXT NOT NULL, reason TEXT NOT NULL,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );",
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot open the ledger {path:?}: {cause}")]
    Open {
        path: String,
        cause: rusqlite::Error,
    },
    #[error("cannot open the ledger {path:?}: {cause}")]
    Unreachable { path: String, cause: String },
    #[error("cannot create the ledger's folder {path:?}: {cause}")]
    Folder { path: String, cause: std::io::Error },
    #[error("cannot use the ledger {path:?}: {parent:?} is not a folder")]
    NotAFolder { path: String, parent: String },
    #[error("schema version {found} of {path:?} is newer than this build supports ({supported})")]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error("ledger {path:?} is at schema version {found}, this build needs {needed}: run `diplograph ledger migrate` (it keeps a backup)")]
    Outdated {
        path: String,
        found: i64,
        needed: i64,
    },
    #[error("ledger {path:?} is damaged ({problem}): nothing was written; `diplograph ledger check` says what is wrong and `diplograph ledger export` saves what is readable")]
    Damaged { path: String, problem: String },
    #[error("cannot back up the ledger to {path:?} before migrating it: {cause}")]
    Backup {
        path: String,
        cause: rusqlite::Error,
    },
    #[error("refused to store {what}: {value:?} is not a date between the years 1 and 9999")]
    BadDate { what: String, value: String },
    #[error("ledger row {id}: {message}")]
    BadRow { id: i64, message: String },
    #[error("no event #{0} in the ledger")]
    NoSuchEvent(i64),
    #[error("event #{id} is already {status}")]
    Decided { id: i64, status: &'static str },
    #[error("{0}")]
    BadFilter(String),
    /// SQLite's own message; not a `source` too, so that it is printed once.
    #[error("ledger: {0}")]
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::Sql(e)
    }
}

/// What a write did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub added: usize,
    pub duplicates: usize,
    /// Facts already there whose source's publisher, publication day or quote the write
    /// corrected (the replaced values are kept in `corrections`).
    pub corrected: usize,
}

pub struct Ledger {
    conn: Connection,
    path: PathBuf,
    migrated: Option<Migration>,
}

/// What `ledger check` found.
#[derive(Clone, Debug, Default)]
pub struct Check {
    pub schema_version: i64,
    /// SQLite's `PRAGMA integrity_check` lines other than "ok".
    pub integrity: Vec<String>,
    /// Rows that do not parse or cannot be read.
    pub bad_rows: Vec<BadRow>,
    /// Rows read: facts, set facts, events.
    pub rows: usize,
}

impl Check {
    pub fn clean(&self) -> bool {
        self.integrity.is_empty() && self.bad_rows.is_empty()
    }
}

/// A date the ledger can store and read back: years 1 to 9999 (four digits).
fn storable(d: Date, what: impl FnOnce() -> String) -> Result<(), Error> {
    if (1..=9999).contains(&d.year_number()) {
        Ok(())
    } else {
        Err(Error::BadDate {
            what: what(),
            value: d.to_string(),
        })
    }
}

fn storable_fact(f: &Fact) -> Result<(), Error> {
    let what = |field: &str| format!("the {field} of fact {} {} {} {}", f.a, f.b, f.event, f.date);
    storable(f.date, || what("date"))?;
    if let Some(p) = f.source.published {
        storable(p, || what("publication day"))?;
    }
    Ok(())
}

fn storable_set(s: &SetFact) -> Result<(), Error> {
    let what = |field: &str| {
        format!(
            "the {field} of set fact {} {} {}",
            s.state,
            s.mode.as_str(),
            s.as_of
        )
    };
    storable(s.as_of, || what("date"))?;
    if let Some(p) = s.source.published {
        storable(p, || what("publication day"))?;
    }
    Ok(())
}

impl Ledger {
    pub fn schema_version(&self) -> Result<i64, Error> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Adds facts in one transaction: all of them or none. A fact already in the ledger (same
    /// pair, event, date and source) is counted as a duplicate and left as it is.
    pub fn add_facts(&mut self, facts: &[Fact], added_by: &str) -> Result<Added, Error> {
        facts.iter().try_for_each(storable_fact)?;
        let tx = self.write()?;
        let n = insert_facts(&tx, facts, added_by)?;
        tx.commit()?;
        Ok(n)
    }

    /// Adds set facts in one transaction.
    pub fn add_sets(&mut self, sets: &[SetFact], added_by: &str) -> Result<Added, Error> {
        sets.iter().try_for_each(storable_set)?;
        let tx = self.write()?;
        let n = insert_sets(&tx, sets, added_by)?;
        tx.commit()?;
        Ok(n)
    }

    /// A ledger setting (`baseline_known_at`), if set.
    pub fn setting(&self, key: &str) -> Result<Option<String>, Error> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), Error> {
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Adds an import's facts and records the import, in one transaction.
    pub fn import(
        &mut self,
        format: &str,
        file: &str,
        rows_read: usize,
        facts: &[Fact],
    ) -> Result<Added, Error> {
        self.import_all(format, file, rows_read, facts, &[])
    }

    /// Adds an import's facts and set facts and records the import, in one transaction: all
    /// of it or none.
    pub fn import_all(
        &mut self,
        format: &str,
        file: &str,
        rows_read: usize,
        facts: &[Fact],
        sets: &[SetFact],
    ) -> Result<Added, Error> {
        facts.iter().try_for_each(storable_fact)?;
        sets.iter().try_for_each(storable_set)?;
        let tx = self.write()?;
        let added_by = format!("import {format}");
        let mut n = insert_facts(&tx, facts, &added_by)?;
        let s = insert_sets(&tx, sets, &added_by)?;
        n.added += s.added;
        n.duplicates += s.duplicates;
        tx.execute(
            "INSERT INTO imports (format, file, rows_read, facts_added, duplicates) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![format, file, rows_read as i64, n.added as i64, n.duplicates as i64],
        )?;
        tx.commit()?;
        Ok(n)
    }

    /// The facts users added, and the rows that do not parse (skipped, never hiding the rest).
    pub fn facts(&self) -> Result<Loaded<Fact>, Error> {
        rows::scan(
            &self.conn,
            "facts",
            "a, b, event, date, source_url, publisher, published, quote, citation",
            "1",
            |id, r| {
                Ok(Fact {
                    a: parsed(r, 1)?,
                    b: parsed(r, 2)?,
                    event: parsed(r, 3)?,
                    date: parsed(r, 4)?,
                    source: source(r, 5)?,
                    origin: Origin::Ledger { id },
                })
            },
        )
    }

    /// The set facts users added, and the rows that do not parse.
    pub fn sets(&self) -> Result<Loaded<SetFact>, Error> {
        rows::scan(
            &self.conn,
            "set_facts",
            "state, as_of, universe, mode, members, count, source_url, publisher, published, quote, citation",
            "1",
            |id, r| {
                let members: String = get(r, 5)?;
                Ok(SetFact {
                    state: parsed(r, 1)?,
                    as_of: parsed(r, 2)?,
                    universe: parsed(r, 3)?,
                    mode: parsed(r, 4)?,
                    members: members
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(|m| m.parse().map_err(|e: diplograph_model::CodeError| e.to_string()))
                        .collect::<Result<_, _>>()?,
                    count: get(r, 6)?,
                    source: source(r, 7)?,
                    origin: Origin::Ledger { id },
                })
            },
        )
    }

    /// The number of imports recorded for a file, for reporting.
    pub fn imports_of(&self, file: &str) -> Result<i64, Error> {
        Ok(self
            .conn
            .query_row(
                "SELECT COUNT(*) FROM imports WHERE file = ?1",
                [file],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0))
    }

    /// SQLite's full integrity check and every row of facts, set facts and events parsed:
    /// what `ledger check` reports.
    pub fn check(&self) -> Result<Check, Error> {
        let mut out = Check {
            schema_version: self.schema_version()?,
            ..Check::default()
        };
        let lines: rusqlite::Result<Vec<String>> = self
            .conn
            .prepare("PRAGMA integrity_check(100)")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
        match lines {
            Ok(l) => out.integrity = l.into_iter().filter(|l| l != "ok").collect(),
            Err(e) => out.integrity.push(e.to_string()),
        }
        let facts = self.facts()?;
        let sets = self.sets()?;
        out.rows = facts.rows.len() + sets.rows.len();
        out.bad_rows.extend(facts.skipped);
        out.bad_rows.extend(sets.skipped);
        if out.schema_version >= 2 {
            let events = self.read_events()?;
            out.rows += events.rows.len();
            out.bad_rows.extend(events.skipped);
        }
        Ok(out)
    }
}

/// A row's source from its columns `url, publisher, published, quote, citation` at `i`.
fn source(r: &rusqlite::Row, i: usize) -> Result<Source, String> {
    let published: Option<String> = get(r, i + 2)?;
    Ok(Source {
        url: get::<String>(r, i)?.into(),
        publisher: get::<String>(r, i + 1)?.into(),
        published: published
            .map(|p| p.parse::<Date>().map_err(|e| e.to_string()))
            .transpose()?,
        quote: get::<String>(r, i + 3)?.into(),
        citation: get::<String>(r, i + 4)?.into(),
    })
}

fn insert_sets(conn: &Connection, sets: &[SetFact], added_by: &str) -> Result<Added, Error> {
    let mut n = Added::default();
    let mut stmt = conn.prepare(
        "INSERT OR IGNORE INTO set_facts (state, as_of, universe, mode, members, count, source_url, publisher, published, quote, citation, added_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for s in sets {
        let members: Vec<&str> = s.members.iter().map(|c| c.as_str()).collect();
        let changed = stmt.execute(params![
            s.state.as_str(),
            s.as_of.to_string(),
            s.universe.as_str(),
            s.mode.as_str(),
            members.join(","),
            s.count,
            s.source.url,
            s.source.publisher,
            s.source.published.map(|d| d.to_string()),
            s.source.quote,
            s.source.citation,
            added_by,
        ])?;
        if changed == 1 {
            n.added += 1;
        } else {
            n.duplicates += 1;
        }
    }
    Ok(n)
}

fn insert_facts(conn: &Connection, facts: &[Fact], added_by: &str) -> Result<Added, Error> {
    let mut n = Added::default();
    let mut find = conn.prepare(
        "SELECT id, publisher, published, quote FROM facts
         WHERE a = ?1 AND b = ?2 AND event = ?3 AND date = ?4 AND source_url = ?5 AND citation = ?6",
    )?;
    let mut insert = conn.prepare(
        "INSERT INTO facts (a, b, event, date, source_url, publisher, published, quote, citation, added_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let mut keep = conn.prepare(
        "INSERT INTO corrections (fact, publisher, published, quote, corrected_by) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut correct =
        conn.prepare("UPDATE facts SET publisher = ?1, published = ?2, quote = ?3 WHERE id = ?4")?;
    for f in facts {
        let (date, published) = (
            f.date.to_string(),
            f.source.published.map(|d| d.to_string()),
        );
        let key = params![
            f.a.as_str(),
            f.b.as_str(),
            f.event.as_str(),
            date,
            f.source.url,
            f.source.citation
        ];
        let known: Option<(i64, String, Option<String>, String)> = find
            .query_row(key, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        match known {
            None => {
                insert.execute(params![
                    f.a.as_str(),
                    f.b.as_str(),
                    f.event.as_str(),
                    date,
                    f.source.url,
                    f.source.publisher,
                    published,
                    f.source.quote,
                    f.source.citation,
                    added_by,
                ])?;
                n.added += 1;
            }
            Some((id, publisher, was_published, quote))
                if publisher != f.source.publisher
                    || was_published != published
                    || quote != f.source.quote =>
            {
                keep.execute(params![id, publisher, was_published, quote, added_by])?;
                correct.execute(params![f.source.publisher, published, f.source.quote, id])?;
                n.corrected += 1;
            }
            Some(_) => n.duplicates += 1,
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use diplograph_model::Event;
    use std::path::Path;

    fn fact(a: &str, b: &str, date: &str) -> Fact {
        Fact {
            a: a.parse().unwrap(),
            b: b.parse().unwrap(),
            event: Event::Establish,
            date: date.parse().unwrap(),
            source: Source {
                url: "https://example.org/report".into(),
                publisher: "Example".into(),
                published: Some(date.parse().unwrap()),
                quote: "established relations".into(),
                citation: String::new().into(),
            },
            origin: Origin::Ledger { id: 0 },
        }
    }

    #[test]
    fn facts_round_trip_and_duplicates_are_counted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/ledger.sqlite");
        let mut l = Ledger::open(&path).unwrap();
        let n = l
            .add_facts(
                &[fact("KOR", "CUB", "2024-02-14"), fact("KOR", "BTN", "1987")],
                "test",
            )
            .unwrap();
        assert_eq!(
            n,
            Added {
                added: 2,
                duplicates: 0,
                corrected: 0
            }
        );
        let n = l
            .add_facts(&[fact("KOR", "CUB", "2024-02-14")], "test")
            .unwrap();
        assert_eq!(
            n,
            Added {
                added: 0,
                duplicates: 1,
                corrected: 0
            }
        );
        drop(l);
        let l = Ledger::open(&path).unwrap();
        let facts = l.facts().unwrap().rows;
        assert_eq!(facts.len(), 2);
        assert_eq!(facts[1].date.to_string(), "1987");
        assert_eq!(facts[0].origin, Origin::Ledger { id: 1 });
        assert_eq!(l.schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn a_source_is_corrected_and_what_it_replaced_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&dir.path().join("l.sqlite")).unwrap();
        let mut f = fact("KOR", "CUB", "2024-02-14");
        f.source.quote = "established".into();
        l.add_facts(std::slice::from_ref(&f), "add").unwrap();
        f.source.quote = "South Korea and Cuba established diplomatic relations".into();
        let n = l.add_facts(std::slice::from_ref(&f), "add").unwrap();
        assert_eq!((n.added, n.duplicates, n.corrected), (0, 0, 1));
        let facts = l.facts().unwrap().rows;
        assert_eq!(facts.len(), 1);
        assert_eq!(
            facts[0].source.quote,
            "South Korea and Cuba established diplomatic relations"
        );
        let kept: String = l
            .conn
            .query_row("SELECT quote FROM corrections WHERE fact = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(kept, "established");
        // the same again is a duplicate, not a correction
        let n = l.add_facts(std::slice::from_ref(&f), "add").unwrap();
        assert_eq!((n.added, n.duplicates, n.corrected), (0, 1, 0));
    }

    #[test]
    fn import_is_all_or_nothing_and_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&dir.path().join("l.sqlite")).unwrap();
        let n = l
            .import(
                "us-missions",
                "f.csv",
                3,
                &[fact("USA", "CUB", "1902-05-27")],
            )
            .unwrap();
        assert_eq!(n.added, 1);
        assert_eq!(l.imports_of("f.csv").unwrap(), 1);
        let n = l
            .import(
                "us-missions",
                "f.csv",
                3,
                &[fact("USA", "CUB", "1902-05-27")],
            )
            .unwrap();
        assert_eq!(
            n,
            Added {
                added: 0,
                duplicates: 1,
                corrected: 0
            }
        );
    }

    /// Regression (issue 11): a row dated "0000", stored by the reader, made every command
    /// fail with `ledger row 1: "0000" is not a valid date`.
    #[test]
    fn a_bad_row_is_skipped_and_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&dir.path().join("l.sqlite")).unwrap();
        l.add_facts(
            &[fact("KOR", "CUB", "2024-02-14"), fact("KOR", "BTN", "1987")],
            "test",
        )
        .unwrap();
        l.conn
            .execute("UPDATE facts SET date = '0000' WHERE id = 1", [])
            .unwrap();
        let facts = l.facts().unwrap();
        assert_eq!(facts.rows.len(), 1);
        assert_eq!(facts.rows[0].date.to_string(), "1987");
        assert_eq!(
            facts.skipped,
            [BadRow {
                table: "facts",
                id: 1,
                message: "\"0000\" is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
                    .into()
            }]
        );
        let check = l.check().unwrap();
        assert!(!check.clean());
        assert_eq!((check.rows, check.bad_rows.len()), (1, 1));
    }

    #[test]
    fn dates_the_ledger_cannot_read_back_are_refused_before_writing() {
        let dir = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&dir.path().join("l.sqlite")).unwrap();
        let mut f = fact("KOR", "CUB", "2024-02-14");
        f.date = Date::year(0);
        assert_eq!(
            l.add_facts(&[fact("KOR", "BTN", "1987"), f], "test")
                .unwrap_err()
                .to_string(),
            "refused to store the date of fact KOR CUB establish 0000: \"0000\" is not a date between the years 1 and 9999"
        );
        let mut f = fact("KOR", "CUB", "2024-02-14");
        f.source.published = Some(Date::year(10_000));
        assert!(l.add_facts(&[f], "test").is_err());
        let article = events::ArticleRecord {
            url: Some("u".into()),
            published: Some(Date::year(0)),
            ..Default::default()
        };
        assert_eq!(
            l.ingest(&[(article, vec![])]).unwrap_err().to_string(),
            "refused to store the publication day of article \"url:u\": \"0000\" is not a date between the years 1 and 9999"
        );
        assert!(l.facts().unwrap().rows.is_empty(), "all or nothing");
        assert_eq!(l.article_count().unwrap(), 0);
    }

    #[test]
    fn queries_open_read_only_and_write_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        assert!(Ledger::open_read_only(&path).unwrap().is_none());
        assert!(!path.exists(), "a query created a ledger");
        Ledger::open(&path)
            .unwrap()
            .add_facts(&[fact("KOR", "CUB", "2024-02-14")], "test")
            .unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let mut l = Ledger::open_read_only(&path).unwrap().unwrap();
        assert_eq!(l.facts().unwrap().rows.len(), 1);
        let e = l
            .add_facts(&[fact("KOR", "BTN", "1987")], "test")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "ledger: attempt to write a readonly database");
        drop(l);
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
        assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    }

    /// A ledger at schema version 3 as an older build left it, with one event reported by two
    /// articles of one publisher.
    fn version_3(path: &Path) {
        let conn = Connection::open(path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        for m in &MIGRATIONS[..3] {
            conn.execute_batch(m).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute_batch(
            "INSERT INTO articles (id, key, url, events, publisher) VALUES
                (1, 'url:u1', 'u1', 1, 'yna.co.kr'), (2, 'url:u2', 'u2', 1, 'yna.co.kr');
             INSERT INTO events (id, type, a, b, date, modality) VALUES
                (1, 'establish', 'KOR', 'SYR', '2025-04-10', 'asserted');
             INSERT INTO event_sources (event, article, modality, quote, start, end, rule) VALUES
                (1, 1, 'asserted', 'q', 0, 1, 'r'), (1, 2, 'asserted', 'q', 0, 1, 'r');",
        )
        .unwrap();
    }

    #[test]
    fn queries_refuse_an_older_schema_and_writers_migrate_after_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        version_3(&path);
        let e = Ledger::open_read_only(&path).err().unwrap().to_string();
        assert_eq!(
            e,
            format!("ledger {:?} is at schema version 3, this build needs {SCHEMA_VERSION}: run `diplograph ledger migrate` (it keeps a backup)", path.display().to_string())
        );
        let mut l = Ledger::open(&path).unwrap();
        let backup = dir.path().join("ledger.sqlite.v3.bak");
        assert_eq!(
            l.migrated(),
            Some(&Migration {
                from: 3,
                to: SCHEMA_VERSION,
                backup: backup.clone()
            })
        );
        let old = Connection::open(&backup).unwrap();
        let v: i64 = old
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, 3);
        let first: Option<String> = l
            .conn
            .query_row("SELECT publisher FROM events WHERE id = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(first.as_deref(), Some("yna.co.kr"), "back-filled");
        // the back-filled publisher is what a second publisher is compared with
        let e = events::tests::ev("establish", "SYR", "KOR", Some("2025-04-10"));
        let kbs = events::ArticleRecord {
            url: Some("u3".into()),
            publisher: Some("kbs.co.kr".into()),
            ..Default::default()
        };
        assert_eq!(l.ingest(&[(kbs, vec![e])]).unwrap().accepted, 1);
        drop(l);
        // opened again: nothing to migrate, no second backup
        assert!(Ledger::open(&path).unwrap().migrated().is_none());
        assert!(!dir.path().join("ledger.sqlite.v3.1.bak").exists());
        assert!(Ledger::open_read_only(&path).unwrap().is_some());
    }

    #[test]
    fn writers_create_a_new_ledger_once_and_wait_for_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        let states = ["CUB", "BTN", "SYR", "CHL", "PER", "GHA", "TGO", "NOR"];
        std::thread::scope(|s| {
            for st in states {
                let path = &path;
                s.spawn(move || {
                    let mut l = Ledger::open(path).unwrap();
                    l.add_facts(&[fact("KOR", st, "2024-02-14")], "test")
                        .unwrap();
                });
            }
        });
        let l = Ledger::open_read_only(&path).unwrap().unwrap();
        assert_eq!(l.facts().unwrap().rows.len(), states.len());
        // a writer holding the lock makes the next one wait, not fail
        let holder = Connection::open(&path).unwrap();
        holder.execute_batch("BEGIN IMMEDIATE").unwrap();
        let waited = std::thread::scope(|s| {
            let t = s.spawn(|| {
                let start = std::time::Instant::now();
                let mut l = Ledger::open(&path).unwrap();
                l.add_facts(&[fact("KOR", "USA", "2024-02-14")], "test")
                    .unwrap();
                start.elapsed()
            });
            std::thread::sleep(std::time::Duration::from_millis(300));
            holder.execute_batch("COMMIT").unwrap();
            t.join().unwrap()
        });
        assert!(
            waited >= std::time::Duration::from_millis(250),
            "{waited:?}"
        );
        assert_eq!(l.facts().unwrap().rows.len(), states.len() + 1);
    }

    /// Writes `n` pseudo-random bytes (xorshift, fixed seed) into the middle of a file.
    pub(crate) fn damage(path: &Path, n: usize) {
        use std::io::{Seek, SeekFrom, Write};
        let len = std::fs::metadata(path).unwrap().len();
        let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        f.seek(SeekFrom::Start(len / 2 - n as u64 / 2)).unwrap();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let bytes: Vec<u8> = (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        f.write_all(&bytes).unwrap();
    }

    #[test]
    fn a_damaged_ledger_is_refused_for_writing_and_read_as_far_as_it_can_be() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        let facts: Vec<Fact> = (0..3000)
            .map(|i| {
                let mut f = fact("KOR", "CUB", "2024-02-14");
                f.source.url = format!("https://example.org/report/{i}").into();
                f
            })
            .collect();
        Ledger::open(&path)
            .unwrap()
            .add_facts(&facts, "test")
            .unwrap();
        damage(&path, 8192);
        let bytes = std::fs::read(&path).unwrap();
        let e = Ledger::open(&path).err().unwrap().to_string();
        let shown = format!("{:?}", path.display().to_string());
        assert!(
            e.starts_with(&format!("ledger {shown} is damaged (")),
            "{e}"
        );
        assert!(e.ends_with("): nothing was written; `diplograph ledger check` says what is wrong and `diplograph ledger export` saves what is readable"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "nothing written");
        let l = Ledger::inspect(&path).unwrap().unwrap();
        let read = l.facts().unwrap();
        assert!(read.rows.len() > 1000, "{} rows read", read.rows.len());
        assert!(read.rows.len() < 3000);
        let c = l.check().unwrap();
        assert!(!c.clean() && !c.integrity.is_empty());
    }

    #[test]
    fn a_path_that_exists_but_cannot_be_opened_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("file");
        std::fs::write(&file, "not a folder").unwrap();
        let under = file.join("ledger.sqlite");
        let e = Ledger::open_read_only(&under).err().unwrap().to_string();
        assert_eq!(
            e,
            format!(
                "cannot use the ledger {:?}: {:?} is not a folder",
                under.display().to_string(),
                file.display().to_string()
            )
        );
        assert!(Ledger::open(&under).is_err());
        let looped = dir.path().join("loop.sqlite");
        std::os::unix::fs::symlink(&looped, &looped).unwrap();
        let e = Ledger::open_read_only(&looped).err().unwrap().to_string();
        assert!(
            e.starts_with(&format!(
                "cannot open the ledger {:?}: ",
                looped.display().to_string()
            )),
            "{e}"
        );
        let e = Ledger::open_read_only(dir.path())
            .err()
            .unwrap()
            .to_string();
        assert!(e.ends_with(": it is a folder"), "{e}");
        // only a path that does not exist means no ledger yet
        assert!(Ledger::open_read_only(&dir.path().join("no/such/l.sqlite"))
            .unwrap()
            .is_none());
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        Ledger::open(&path)
            .unwrap()
            .conn
            .pragma_update(None, "user_version", 99)
            .unwrap();
        let e = Ledger::open(&path).err().unwrap().to_string();
        assert!(e.starts_with("schema version 99 of"), "{e}");
        assert!(
            e.ends_with(&format!(
                "is newer than this build supports ({SCHEMA_VERSION})"
            )),
            "{e}"
        );
    }

    #[test]
    fn open_existing_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.sqlite");
        assert!(Ledger::open_existing(&path).unwrap().is_none());
        assert!(!path.exists());
    }
}
