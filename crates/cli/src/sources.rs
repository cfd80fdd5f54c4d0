//! `sources`, `completions` and `man`: where the shipped data comes from, and the set-up a
//! newcomer needs (shell completions and a man page from the same flag definitions).

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use diplograph_app::sources::{data_files, WIKIPEDIA_SNAPSHOT};

use crate::{Cli, Format, Found};

/// `diplograph sources`.
pub fn sources(w: &mut impl Write, format: Format) -> Result<Found> {
    let files = data_files();
    if format.json {
        let version = diplograph_baseline::version();
        let v = diplograph_app::sources::doc(&version, &files);
        serde_json::to_writer_pretty(&mut *w, &v)?;
        writeln!(w)?;
    } else if format.csv {
        let mut c = csv::Writer::from_writer(&mut *w);
        c.write_record(["file", "rows", "origin", "licence", "attribution"])?;
        for f in &files {
            let rows = f.rows.map(|r| r.to_string()).unwrap_or_default();
            c.write_record([f.file, &rows, f.origin, f.licence, f.attribution])?;
        }
        c.flush()?;
    } else {
        writeln!(
            w,
            "data {} (Wikipedia snapshot {WIKIPEDIA_SNAPSHOT}); code MIT OR Apache-2.0; details in data/README.md",
            diplograph_baseline::version()
        )?;
        for f in &files {
            let rows = f.rows.map_or("-".to_string(), |r| r.to_string());
            writeln!(w, "\n{}  {rows} rows", f.file)?;
            writeln!(w, "  origin:      {}", f.origin)?;
            writeln!(w, "  licence:     {}", f.licence)?;
            writeln!(w, "  attribution: {}", f.attribution)?;
        }
    }
    Ok(Found::Something)
}

/// `diplograph completions SHELL`.
pub fn completions(w: &mut impl Write, shell: clap_complete::Shell) -> Result<Found> {
    clap_complete::generate(shell, &mut Cli::command(), "diplograph", w);
    Ok(Found::Something)
}

/// `diplograph man`: the man page, in roff.
pub fn man(w: &mut impl Write) -> Result<Found> {
    clap_mangen::Man::new(Cli::command()).render(w)?;
    Ok(Found::Something)
}

/// `diplograph schema [DOCUMENT]`: the JSON Schema of one `--json` document, or of all of them
/// by name (what `docs/schema.json` holds).
pub fn schema(w: &mut impl Write, document: Option<&str>) -> Result<Found> {
    let v = match document {
        Some(name) => diplograph_api::schema(name)
            .ok_or_else(|| anyhow::anyhow!("no document is named {name:?}"))?
            .to_value(),
        None => diplograph_api::all_schemas(),
    };
    serde_json::to_writer_pretty(&mut *w, &v)?;
    writeln!(w)?;
    Ok(Found::Something)
}
