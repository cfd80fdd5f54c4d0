//! Reading ledger tables row by row so that one bad row never hides the rest: rows that do not
//! parse, and stretches the file cannot give back, are returned beside the good rows.

use rusqlite::{Connection, Row};

use crate::Error;

/// A row left out of an answer, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct BadRow {
    /// `facts`, `set_facts` or `events`.
    pub table: &'static str,
    pub id: i64,
    pub message: String,
}

impl std::fmt::Display for BadRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ledger {} row {}: {}", self.table, self.id, self.message)
    }
}

/// The rows of a table that parse, and the ones that did not.
#[derive(Clone, Debug)]
pub struct Loaded<T> {
    pub rows: Vec<T>,
    pub skipped: Vec<BadRow>,
}

impl<T> Default for Loaded<T> {
    fn default() -> Self {
        Loaded {
            rows: Vec::new(),
            skipped: Vec::new(),
        }
    }
}

/// How many times in a row a scan jumps over an unreadable stretch before giving up: the jump
/// doubles each time, so 48 tries reach past any id a ledger can hold.
const MAX_JUMPS: u32 = 48;

/// Every row of `table` matching `condition`, in id order, read by `read` (given the row id
/// and the row, whose column 0 is the id and the rest are `columns`). A row `read` refuses is
/// skipped with its message; a stretch SQLite cannot read (a damaged page) is skipped once,
/// named by the first id it hides, and the scan resumes past it.
pub(crate) fn scan<T>(
    conn: &Connection,
    table: &'static str,
    columns: &str,
    condition: &str,
    mut read: impl FnMut(i64, &Row) -> Result<T, String>,
) -> Result<Loaded<T>, Error> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, {columns} FROM {table} WHERE ({condition}) AND id > ?1 ORDER BY id"
    ))?;
    let mut out = Loaded::default();
    let (mut after, mut jump, mut failures) = (0i64, 1i64, 0u32);
    'scan: loop {
        let failure = match stmt.query([after]) {
            Err(e) => e,
            Ok(mut rows) => loop {
                match rows.next() {
                    Ok(None) => break 'scan,
                    Ok(Some(r)) => {
                        let id: i64 = match r.get(0) {
                            Ok(id) => id,
                            Err(e) => break e,
                        };
                        (after, jump, failures) = (id, 1, 0);
                        match read(id, r) {
                            Ok(v) => out.rows.push(v),
                            Err(message) => out.skipped.push(BadRow { table, id, message }),
                        }
                    }
                    Err(e) => break e,
                }
            },
        };
        if failures == 0 {
            out.skipped.push(BadRow {
                table,
                id: after.saturating_add(1),
                message: format!("unreadable from here on ({failure})"),
            });
        }
        failures += 1;
        if failures > MAX_JUMPS {
            break;
        }
        after = after.saturating_add(jump);
        jump = jump.saturating_mul(2);
    }
    Ok(out)
}

/// A column as `T`, or the message saying why not.
pub(crate) fn get<T: rusqlite::types::FromSql>(r: &Row, i: usize) -> Result<T, String> {
    r.get(i).map_err(|e| match e {
        rusqlite::Error::FromSqlConversionFailure(_, _, cause) => {
            format!("column {i} is not readable ({cause})")
        }
        rusqlite::Error::InvalidColumnType(_, name, t) => {
            format!("column {name:?} holds {t}, not what it should")
        }
        e => e.to_string(),
    })
}

/// A text column parsed into its type.
pub(crate) fn parsed<T: std::str::FromStr>(r: &Row, i: usize) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    let s: String = get(r, i)?;
    s.parse().map_err(|e: T::Err| e.to_string())
}
