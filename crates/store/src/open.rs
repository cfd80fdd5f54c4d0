//! Opening the ledger: writers wait for each other, check the file before writing and back it
//! up before migrating it; readers open it read-only and never write, not even a pragma.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

use crate::{Error, Ledger, MIGRATIONS, SCHEMA_VERSION};

/// How long a writer waits for another writer's transaction before giving up: an ingest commits
/// every 200 articles, which takes well under this.
pub(crate) const BUSY_WAIT: Duration = Duration::from_secs(60);

/// What opening a writer did to an older ledger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migration {
    pub from: i64,
    pub to: i64,
    /// The copy of the ledger as it was before.
    pub backup: PathBuf,
}

impl Ledger {
    /// Opens the ledger at `path` for writing, creating it (and its folder) when absent. Refuses
    /// a damaged ledger (`PRAGMA quick_check`) before writing anything; migrates an older one
    /// to this build's schema after taking a backup beside it ([`Ledger::migrated`]).
    pub fn open(path: &Path) -> Result<Ledger, Error> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if let Some(file) = not_a_folder(dir) {
                return Err(Error::NotAFolder {
                    path: shown(path),
                    parent: shown(&file),
                });
            }
            std::fs::create_dir_all(dir).map_err(|cause| Error::Folder {
                path: shown(dir),
                cause,
            })?;
        }
        let conn = Connection::open(path).map_err(|e| opening(path, e))?;
        conn.busy_timeout(BUSY_WAIT).map_err(|e| opening(path, e))?;
        // WAL with full sync: a committed transaction survives a crash, an interrupted one
        // leaves nothing behind, and readers never wait for writers.
        retry(|| conn.pragma_update(None, "journal_mode", "WAL")).map_err(|e| opening(path, e))?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(|e| opening(path, e))?;
        quick_check(&conn, path)?;
        let migrated = migrate(&conn, path)?;
        Ok(Ledger {
            conn,
            path: path.to_path_buf(),
            migrated,
        })
    }

    /// Opens the ledger at `path` for writing only if it exists.
    pub fn open_existing(path: &Path) -> Result<Option<Ledger>, Error> {
        if exists(path)? {
            Self::open(path).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Opens the ledger at `path` for queries: read-only, without a single write (no pragma,
    /// no migration), on a read-only file or filesystem too. `None` when there is no ledger
    /// (the path does not exist, or the file is empty); an error when the path exists but
    /// cannot be opened, a folder on the way is a file, or the ledger is at another schema
    /// version than this build's.
    pub fn open_read_only(path: &Path) -> Result<Option<Ledger>, Error> {
        let Some(l) = Self::inspect(path)? else {
            return Ok(None);
        };
        let found = l.schema_version()?;
        if found < SCHEMA_VERSION {
            return Err(Error::Outdated {
                path: shown(path),
                found,
                needed: SCHEMA_VERSION,
            });
        }
        Ok(Some(l))
    }

    /// Opens the ledger at `path` read-only at any schema version up to this build's, and
    /// without checking it: for `ledger check` and `ledger export`, which read what they can.
    pub fn inspect(path: &Path) -> Result<Option<Ledger>, Error> {
        if !exists(path)? {
            return Ok(None);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let open = |p: &str| -> rusqlite::Result<(Connection, i64)> {
            let conn = Connection::open_with_flags(p, flags)?;
            conn.busy_timeout(BUSY_WAIT)?;
            let v = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
            Ok((conn, v))
        };
        let (conn, version) = match open(&path.to_string_lossy()) {
            // A WAL ledger on a read-only filesystem without its shared-memory file: nobody
            // can be writing to it, so it is read as immutable.
            Err(e) if code(&e) == Some(ErrorCode::CannotOpen) => {
                open(&immutable_uri(path)).map_err(|e| opening(path, e))?
            }
            r => r.map_err(|e| opening(path, e))?,
        };
        if version > SCHEMA_VERSION {
            return Err(Error::TooNew {
                path: shown(path),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if version == 0 {
            return Ok(None); // an empty file: no ledger yet
        }
        Ok(Some(Ledger {
            conn,
            path: path.to_path_buf(),
            migrated: None,
        }))
    }

    /// What opening this ledger migrated, and where the backup is.
    pub fn migrated(&self) -> Option<&Migration> {
        self.migrated.as_ref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A write transaction, begun IMMEDIATE so that it takes the write lock at once (waiting
    /// for another writer's commit) instead of failing when it first writes.
    pub(crate) fn write(&self) -> Result<Transaction<'_>, Error> {
        Ok(begin(&self.conn)?)
    }
}

fn begin(conn: &Connection) -> rusqlite::Result<Transaction<'_>> {
    retry(|| Transaction::new_unchecked(conn, TransactionBehavior::Immediate))
}

/// Runs `f` again, with growing pauses, while SQLite says busy (which it may say at once,
/// without waiting, while another connection recovers the WAL), for up to [`BUSY_WAIT`].
fn retry<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        match f() {
            Err(e)
                if matches!(
                    code(&e),
                    Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                ) && start.elapsed() < BUSY_WAIT =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            r => return r,
        }
    }
}

pub(crate) fn code(e: &rusqlite::Error) -> Option<ErrorCode> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    }
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

/// Whether a ledger is at `path`: a path that does not exist means no ledger yet; one that
/// exists but cannot be reached (a symlink loop or to nowhere, a file on the way) is an error.
fn exists(path: &Path) -> Result<bool, Error> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(Error::Unreachable {
            path: shown(path),
            cause: "it is a folder".into(),
        }),
        Ok(_) => Ok(true),
        Err(e) => {
            if let Some(file) = path.parent().and_then(not_a_folder) {
                return Err(Error::NotAFolder {
                    path: shown(path),
                    parent: shown(&file),
                });
            }
            if e.kind() == std::io::ErrorKind::NotFound && path.symlink_metadata().is_err() {
                return Ok(false);
            }
            Err(Error::Unreachable {
                path: shown(path),
                cause: e.to_string(),
            })
        }
    }
}

/// The nearest existing ancestor of `dir`, when it is not a folder.
fn not_a_folder(dir: &Path) -> Option<PathBuf> {
    for a in dir.ancestors().filter(|a| !a.as_os_str().is_empty()) {
        match std::fs::metadata(a) {
            Ok(m) if m.is_dir() => return None,
            Ok(_) => return Some(a.to_path_buf()),
            Err(_) => continue,
        }
    }
    None
}

fn immutable_uri(path: &Path) -> String {
    let p = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for b in p.to_string_lossy().bytes() {
        match b {
            b'?' | b'#' | b'%' => uri.push_str(&format!("%{b:02X}")),
            _ => uri.push(b as char),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// An error opening the ledger: a damaged file says so and what to do.
fn opening(path: &Path, e: rusqlite::Error) -> Error {
    match code(&e) {
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Error::Damaged {
            path: shown(path),
            problem: e.to_string(),
        },
        _ => Error::Open {
            path: shown(path),
            cause: e,
        },
    }
}

/// Refuses a ledger SQLite finds damaged, before anything is written into it.
fn quick_check(conn: &Connection, path: &Path) -> Result<(), Error> {
    let problems: rusqlite::Result<Vec<String>> = conn
        .prepare("PRAGMA quick_check(5)")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
    match problems {
        Ok(p) if p == ["ok"] => Ok(()),
        Ok(p) => Err(Error::Damaged {
            path: shown(path),
            problem: p.join("; "),
        }),
        Err(e) => Err(Error::Damaged {
            path: shown(path),
            problem: e.to_string(),
        }),
    }
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Brings the schema to this build's version in one IMMEDIATE transaction that reads the
/// version again once it holds the lock: two writers opening a new ledger at once create it
/// once. An existing ledger is copied beside itself first.
fn migrate(conn: &Connection, path: &Path) -> Result<Option<Migration>, Error> {
    let too_new = |found| Error::TooNew {
        path: shown(path),
        found,
        supported: SCHEMA_VERSION,
    };
    let version = user_version(conn).map_err(|e| opening(path, e))?;
    if version > SCHEMA_VERSION {
        return Err(too_new(version));
    }
    if version == SCHEMA_VERSION {
        return Ok(None);
    }
    let tx = begin(conn)?;
    let version = user_version(&tx)?;
    if version > SCHEMA_VERSION {
        return Err(too_new(version));
    }
    if version == SCHEMA_VERSION {
        return Ok(None); // another writer migrated it meanwhile
    }
    let backup = if version > 0 {
        Some(backup(path, version)?)
    } else {
        None
    };
    for (i, m) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(m)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
    }
    tx.commit()?;
    Ok(backup.map(|backup| Migration {
        from: version,
        to: SCHEMA_VERSION,
        backup,
    }))
}

/// Copies the ledger (as its last commit left it; the caller holds the write lock) to
/// `PATH.vN.bak`, or `PATH.vN.K.bak` when that exists.
fn backup(path: &Path, version: i64) -> Result<PathBuf, Error> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let to = (0..)
        .map(|k| {
            let n = if k == 0 {
                format!("{name}.v{version}.bak")
            } else {
                format!("{name}.v{version}.{k}.bak")
            };
            path.with_file_name(n)
        })
        .find(|p| p.symlink_metadata().is_err())
        .expect("a free name");
    let copy = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|c| c.execute("VACUUM INTO ?1", [to.to_string_lossy()]));
    match copy {
        Ok(_) => Ok(to),
        Err(cause) => Err(Error::Backup {
            path: shown(&to),
            cause,
        }),
    }
}
