//! The ledger: an embedded SQLite file holding what users add (manual facts, imports), in
//! transactions, with a schema version and forward migrations. The only SQL in diplograph.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let mut ledger = diplograph_store::Ledger::open(&dir.path().join("ledger.sqlite")).unwrap();
//! assert_eq!(ledger.facts().unwrap().len(), 0);
//! ```

use std::path::Path;

mod events;

use diplograph_model::{Date, Fact, Origin, SetFact, Source};

pub use events::{ArticleRecord, EventRecord, EventState, Ingested, StoredEvent, StoredSource};
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
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot open the ledger {path:?}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("cannot create the ledger's folder {path:?}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error("schema version {found} of {path:?} is newer than this build supports ({supported})")]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error("ledger row {id}: {message}")]
    BadRow { id: i64, message: String },
    #[error("no event #{0} in the ledger")]
    NoSuchEvent(i64),
    #[error("event #{id} is already {status}")]
    Decided { id: i64, status: &'static str },
    #[error("ledger: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// What a write did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub added: usize,
    pub duplicates: usize,
}

pub struct Ledger {
    conn: Connection,
}

impl Ledger {
    /// Opens (creating when absent) and migrates the ledger at `path`.
    pub fn open(path: &Path) -> Result<Ledger, Error> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Folder {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|source| Error::Open {
            path: path.display().to_string(),
            source,
        })?;
        Self::init(conn, path)
    }

    /// Opens the ledger at `path` only if it exists: queries never create one.
    pub fn open_existing(path: &Path) -> Result<Option<Ledger>, Error> {
        if !path.exists() {
            return Ok(None);
        }
        Self::open(path).map(Some)
    }

    fn init(mut conn: Connection, path: &Path) -> Result<Ledger, Error> {
        let open_err = |source| Error::Open {
            path: path.display().to_string(),
            source,
        };
        // WAL with full sync: a committed transaction survives a crash; an interrupted one leaves
        // nothing behind.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(open_err)?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(open_err)?;
        if version > SCHEMA_VERSION {
            return Err(Error::TooNew {
                path: path.display().to_string(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if version < SCHEMA_VERSION {
            let tx = conn.transaction()?;
            for (i, m) in MIGRATIONS.iter().enumerate().skip(version as usize) {
                tx.execute_batch(m)?;
                tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            }
            tx.commit()?;
        }
        Ok(Ledger { conn })
    }

    pub fn schema_version(&self) -> Result<i64, Error> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Adds facts in one transaction: all of them or none. A fact already in the ledger (same
    /// pair, event, date and source) is counted as a duplicate and left as it is.
    pub fn add_facts(&mut self, facts: &[Fact], added_by: &str) -> Result<Added, Error> {
        let tx = self.conn.transaction()?;
        let n = insert_facts(&tx, facts, added_by)?;
        tx.commit()?;
        Ok(n)
    }

    /// Adds set facts in one transaction.
    pub fn add_sets(&mut self, sets: &[SetFact], added_by: &str) -> Result<Added, Error> {
        let tx = self.conn.transaction()?;
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
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
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
        let tx = self.conn.transaction()?;
        let n = insert_facts(&tx, facts, &format!("import {format}"))?;
        tx.execute(
            "INSERT INTO imports (format, file, rows_read, facts_added, duplicates) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![format, file, rows_read as i64, n.added as i64, n.duplicates as i64],
        )?;
        tx.commit()?;
        Ok(n)
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
        let tx = self.conn.transaction()?;
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

    pub fn facts(&self) -> Result<Vec<Fact>, Error> {
        let mut stmt = self.conn.prepare(
            "SELECT id, a, b, event, date, source_url, publisher, published, quote, citation FROM facts ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                [
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ],
                r.get::<_, Option<String>>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, String>(9)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, [a, b, event, date, url, publisher], published, quote, citation) = row?;
            out.push(Fact {
                a: field(id, &a)?,
                b: field(id, &b)?,
                event: field(id, &event)?,
                date: field(id, &date)?,
                source: source(id, url, publisher, published, quote, citation)?,
                origin: Origin::Ledger { id },
            });
        }
        Ok(out)
    }

    pub fn sets(&self) -> Result<Vec<SetFact>, Error> {
        let mut stmt = self.conn.prepare(
            "SELECT id, state, as_of, universe, mode, members, count, source_url, publisher, published, quote, citation
             FROM set_facts ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                [
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ],
                r.get::<_, Option<u32>>(6)?,
                [r.get::<_, String>(7)?, r.get(8)?],
                r.get::<_, Option<String>>(9)?,
                [r.get::<_, String>(10)?, r.get(11)?],
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (
                id,
                [state, as_of, universe, mode, members],
                count,
                [url, publisher],
                published,
                [quote, citation],
            ) = row?;
            out.push(SetFact {
                state: field(id, &state)?,
                as_of: field(id, &as_of)?,
                universe: field(id, &universe)?,
                mode: field(id, &mode)?,
                members: members
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|m| field(id, m))
                    .collect::<Result<_, _>>()?,
                count,
                source: source(id, url, publisher, published, quote, citation)?,
                origin: Origin::Ledger { id },
            });
        }
        Ok(out)
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
}

/// A column of ledger row `id` parsed into its type; a bad value names the row.
pub(crate) fn field<T: std::str::FromStr>(id: i64, s: &str) -> Result<T, Error>
where
    T::Err: std::fmt::Display,
{
    s.parse().map_err(|e: T::Err| Error::BadRow {
        id,
        message: e.to_string(),
    })
}

fn source(
    id: i64,
    url: String,
    publisher: String,
    published: Option<String>,
    quote: String,
    citation: String,
) -> Result<Source, Error> {
    let published = published.map(|p| field::<Date>(id, &p)).transpose()?;
    Ok(Source {
        url: url.into(),
        publisher: publisher.into(),
        published,
        quote: quote.into(),
        citation: citation.into(),
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
    let mut stmt = conn.prepare(
        "INSERT OR IGNORE INTO facts (a, b, event, date, source_url, publisher, published, quote, citation, added_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for f in facts {
        let changed = stmt.execute(params![
            f.a.as_str(),
            f.b.as_str(),
            f.event.as_str(),
            f.date.to_string(),
            f.source.url,
            f.source.publisher,
            f.source.published.map(|d| d.to_string()),
            f.source.quote,
            f.source.citation,
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

#[cfg(test)]
mod tests {
    use super::*;
    use diplograph_model::Event;

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
                duplicates: 0
            }
        );
        let n = l
            .add_facts(&[fact("KOR", "CUB", "2024-02-14")], "test")
            .unwrap();
        assert_eq!(
            n,
            Added {
                added: 0,
                duplicates: 1
            }
        );
        drop(l);
        let l = Ledger::open(&path).unwrap();
        let facts = l.facts().unwrap();
        assert_eq!(facts.len(), 2);
        assert_eq!(facts[1].date.to_string(), "1987");
        assert_eq!(facts[0].origin, Origin::Ledger { id: 1 });
        assert_eq!(l.schema_version().unwrap(), SCHEMA_VERSION);
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
                duplicates: 1
            }
        );
    }

    #[test]
    fn a_damaged_row_is_named_not_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&dir.path().join("l.sqlite")).unwrap();
        l.add_facts(&[fact("KOR", "CUB", "2024-02-14")], "test")
            .unwrap();
        l.conn
            .execute("UPDATE facts SET date = '2024-02-30' WHERE id = 1", [])
            .unwrap();
        assert_eq!(
            l.facts().unwrap_err().to_string(),
            "ledger row 1: \"2024-02-30\" is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
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
