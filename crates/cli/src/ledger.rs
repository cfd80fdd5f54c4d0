//! `diplograph ledger check|migrate|export`, a way out of a damaged or older ledger, and the
//! glue the other commands share to open it: queries read-only, writers after migrating it.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use diplograph_store::{Ledger, Loaded, SCHEMA_VERSION};

use crate::{Command, Found, ReviewAction};

#[derive(Subcommand, Debug)]
pub enum LedgerAction {
    /// SQLite's integrity check and every row parsed: prints what is wrong, row by row; exits 2
    /// when the ledger is damaged.
    Check,
    /// Bring the ledger to this build's schema, after a backup copy beside it.
    Migrate,
    /// Every readable fact as TSV (the format `import facts` reads), set facts as TSV and events
    /// as JSON Lines, to carry a damaged ledger's content into a new one.
    Export {
        /// The facts file; set facts go beside it as NAME.sets.tsv and events as
        /// NAME.events.jsonl (default: the facts on stdout, and only them).
        #[arg(long, value_name = "FILE")]
        to: Option<PathBuf>,
    },
}

pub fn run(db: &Path, action: LedgerAction, w: &mut impl Write) -> Result<Found> {
    match action {
        LedgerAction::Check => check(db, w),
        LedgerAction::Migrate => migrate(db, w),
        LedgerAction::Export { to } => export(db, to.as_deref(), w),
    }
}

fn no_ledger(db: &Path) -> anyhow::Error {
    anyhow::anyhow!("no ledger at {:?}", db.display().to_string())
}

fn check(db: &Path, w: &mut impl Write) -> Result<Found> {
    let Some(l) = Ledger::inspect(db)? else {
        return Err(no_ledger(db));
    };
    let c = l.check()?;
    let shown = db.display().to_string();
    for line in &c.integrity {
        writeln!(w, "integrity: {line}")?;
    }
    for b in &c.bad_rows {
        writeln!(w, "{} row {}: {}", b.table, b.id, b.message)?;
    }
    if c.schema_version < SCHEMA_VERSION {
        writeln!(
            w,
            "schema version {}, this build needs {SCHEMA_VERSION}: `diplograph ledger migrate` brings it up (it keeps a backup)",
            c.schema_version
        )?;
    }
    if !c.clean() {
        w.flush()?;
        bail!(
            "ledger {shown:?} is damaged: {} integrity problem(s), {} unreadable row(s), {} rows read; `diplograph ledger export` saves what is readable",
            c.integrity.len(),
            c.bad_rows.len(),
            c.rows
        );
    }
    writeln!(
        w,
        "ledger {shown:?} is sound: {} rows read, schema version {}",
        c.rows, c.schema_version
    )?;
    Ok(Found::Something)
}

fn migrate(db: &Path, w: &mut impl Write) -> Result<Found> {
    let Some(l) = Ledger::open_existing(db)? else {
        return Err(no_ledger(db));
    };
    match l.migrated() {
        Some(m) => writeln!(
            w,
            "migrated ledger {} from schema version {} to {}; the ledger as it was is in {}",
            db.display(),
            m.from,
            m.to,
            m.backup.display()
        )?,
        None => writeln!(
            w,
            "ledger {} is already at schema version {SCHEMA_VERSION}",
            db.display()
        )?,
    }
    Ok(Found::Something)
}

/// `PATH.EXT` with its extension replaced by `ext` (`facts.tsv` -> `facts.sets.tsv`).
fn beside(to: &Path, ext: &str) -> PathBuf {
    let stem = to.file_stem().unwrap_or_default().to_string_lossy();
    to.with_file_name(format!("{stem}.{ext}"))
}

fn export(db: &Path, to: Option<&Path>, w: &mut impl Write) -> Result<Found> {
    let Some(l) = Ledger::inspect(db)? else {
        return Err(no_ledger(db));
    };
    let facts = rows(l.facts()?);
    let sets = rows(l.sets()?);
    let events = if l.schema_version()? >= 2 {
        rows(l.read_events()?)
    } else {
        Vec::new()
    };
    let mut facts_tsv = String::new();
    diplograph_baseline::write_facts(&mut facts_tsv, &facts);
    let Some(to) = to else {
        w.write_all(facts_tsv.as_bytes())?;
        if !sets.is_empty() || !events.is_empty() {
            eprintln!(
                "note: {} set facts and {} events left out: `--to FILE` writes them beside FILE",
                sets.len(),
                events.len()
            );
        }
        return Ok(Found::nothing_if(facts.is_empty()));
    };
    let mut sets_tsv = String::new();
    diplograph_baseline::write_sets(&mut sets_tsv, &sets);
    let mut jsonl = Vec::new();
    for e in &events {
        serde_json::to_writer(&mut jsonl, e)?;
        jsonl.push(b'\n');
    }
    let (sets_to, events_to) = (beside(to, "sets.tsv"), beside(to, "events.jsonl"));
    for (p, bytes) in [
        (to.to_path_buf(), facts_tsv.as_bytes()),
        (sets_to.clone(), sets_tsv.as_bytes()),
        (events_to.clone(), &jsonl),
    ] {
        std::fs::write(&p, bytes)
            .with_context(|| format!("cannot write {:?}", p.display().to_string()))?;
    }
    writeln!(
        w,
        "exported {} facts to {}, {} set facts to {}, {} events to {}",
        facts.len(),
        to.display(),
        sets.len(),
        sets_to.display(),
        events.len(),
        events_to.display()
    )?;
    Ok(Found::nothing_if(
        facts.is_empty() && sets.is_empty() && events.is_empty(),
    ))
}

/// The rows that parsed; one warning on stderr for each one skipped.
pub(crate) fn rows<T>(loaded: Loaded<T>) -> Vec<T> {
    let mut notes = Vec::new();
    let rows = diplograph_app::knowledge::rows_of(loaded, &mut notes);
    for n in &notes {
        crate::terminal::warn(n);
    }
    rows
}

/// Whether a command writes into the ledger (and may then migrate it).
fn writes(c: &Command) -> bool {
    match c {
        Command::Add(_) | Command::Ingest(_) | Command::Init { .. } => true,
        Command::Import { tsv, write, .. } => !tsv && write.is_none(),
        Command::Review { action, .. } => matches!(
            action,
            Some(ReviewAction::Accept { .. } | ReviewAction::Reject { .. })
        ),
        _ => false,
    }
}

/// Before a command that writes, and before it reads anything: an existing ledger that is
/// damaged is refused, and an older one is migrated (after a backup, said on stderr), since the
/// command reads it first and reading never migrates.
pub(crate) fn prepare(db: &Path, c: &Command) -> Result<()> {
    if !writes(c) {
        return Ok(());
    }
    if let Some(m) = Ledger::open_existing(db)?
        .as_ref()
        .and_then(Ledger::migrated)
    {
        eprintln!(
            "diplograph: migrated ledger {} from schema version {} to {}; the ledger as it was is in {}",
            db.display(),
            m.from,
            m.to,
            m.backup.display()
        );
    }
    Ok(())
}
