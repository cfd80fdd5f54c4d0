//! `read`, `ingest` and `eval`: gathering articles from files, folders, stdin and JSON Lines,
//! running the reader, printing or storing what it finds.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use diplograph_model::{Date, Day};
use diplograph_page::{Format as PageFormat, Page, PageError, MAX_BYTES};
use diplograph_read::text::clip;
use diplograph_read::{eval, Lexicon, Reading};
use diplograph_store::Ledger;

use crate::input::Limited;
use crate::{Articles, Found, InputFormat};
use diplograph_app::article::{article_record, event_records, read_page, reading_doc, CheckAsk};
use diplograph_app::output::{self, Out};
use diplograph_app::Knowledge;

/// An article from the input, or why it could not be read.
pub struct Item {
    /// Where it came from: a path, `path:line` for JSON Lines, or `-`.
    pub origin: String,
    pub page: Result<Page, PageError>,
    /// The bytes of input it took (for progress).
    pub bytes: u64,
}

/// What `read` and `ingest` share: the files to read, how, the date flag, the lexicon.
pub struct Job {
    /// One file named alone (not a folder, not `-`): `--json` prints one pretty object.
    single: bool,
    out: Out,
    files: Vec<PathBuf>,
    format: InputFormat,
    published: Option<Date>,
    lex: Lexicon,
}

impl Job {
    pub fn new(a: &Articles, lex: Lexicon) -> Result<Job> {
        let published = crate::commands::parse_published(a.published.as_deref())?;
        let files = crate::input::files(&a.inputs, |p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "txt" | "text" | "html" | "htm" | "jsonl"))
        })?;
        if files.is_empty() {
            bail!(
                "no articles in the inputs (looked for .txt, .text, .html, .htm and .jsonl files)"
            );
        }
        // one file named alone, not stdin, not a folder: whatever the folder holds, its shape
        // does not change with the number of files in it
        let named_alone =
            a.inputs.len() == 1 && a.inputs[0].as_os_str() != "-" && !a.inputs[0].is_dir();
        Ok(Job {
            single: named_alone && files.len() == 1,
            out: Out::from(a.format),
            files,
            format: a.input_format,
            published,
            lex,
        })
    }

    fn jsonl(&self, f: &Path) -> bool {
        self.format == InputFormat::Jsonl
            || self.format == InputFormat::Auto && f.extension().is_some_and(|e| e == "jsonl")
    }

    /// One file named alone that is not JSON Lines: `read --json` and `check --json` print one
    /// pretty object; a folder, several files, `-` or a .jsonl file print JSON Lines.
    fn single(&self) -> bool {
        self.single && !self.jsonl(&self.files[0])
    }

    /// Calls `f` with each article in turn. JSON Lines are read a line at a time, so a bulk
    /// file of any size streams; each article is held to the size limit on its own.
    fn each(&self, mut f: impl FnMut(Item) -> Result<()>) -> Result<()> {
        for file in &self.files {
            let origin = file.display().to_string();
            if self.jsonl(file) {
                let reader: Box<dyn BufRead> = if file.as_os_str() == "-" {
                    Box::new(std::io::stdin().lock())
                } else {
                    let fh = crate::input::open_regular(file).map_err(|e| anyhow!("{e}"))?;
                    Box::new(std::io::BufReader::new(fh))
                };
                for_each_line(reader, |n, line| {
                    let bytes = line.as_ref().map_or(0, |l| l.len() as u64 + 1);
                    let page = line.and_then(|l| {
                        let text = std::str::from_utf8(l).map_err(|e| PageError::NotUtf8 {
                            offset: e.valid_up_to(),
                        })?;
                        diplograph_page::record(n, text)
                    });
                    f(Item {
                        origin: format!("{origin}:{n}"),
                        page,
                        bytes,
                    })
                })
                .with_context(|| format!("cannot read {origin:?}"))??;
                continue;
            }
            let mut size = 0;
            let page = match crate::input::read_limited(file, MAX_BYTES) {
                Ok(bytes) => {
                    size = bytes.len() as u64;
                    Page::from_bytes(&bytes, self.page_format(file))
                }
                Err(Limited::Io(e)) => bail!("{e}"),
                Err(Limited::TooLarge(size)) => Err(PageError::TooLarge {
                    size,
                    limit: MAX_BYTES,
                }),
            };
            f(Item {
                origin,
                page,
                bytes: size,
            })?;
        }
        Ok(())
    }

    fn page_format(&self, f: &Path) -> Option<PageFormat> {
        let forced = match self.format {
            InputFormat::Text => Some(PageFormat::Text),
            InputFormat::Html => Some(PageFormat::Html),
            InputFormat::Auto | InputFormat::Jsonl => None,
        };
        forced.or_else(|| {
            f.extension().and_then(|e| e.to_str()).and_then(|e| {
                match e.to_ascii_lowercase().as_str() {
                    "html" | "htm" | "xhtml" => Some(PageFormat::Html),
                    "txt" | "text" => Some(PageFormat::Text),
                    _ => None,
                }
            })
        })
    }
}

/// How far past the article limit a line is skipped in search of its end before the input is
/// given up as not JSON Lines.
const MAX_LINE_SKIP: usize = 4 * MAX_BYTES;

/// Calls `f` with each non-blank line (numbered from 1), or with `TooLarge` for a line over the
/// article limit, which is skipped without being held in memory.
fn for_each_line<R: BufRead>(
    mut r: R,
    mut f: impl FnMut(usize, Result<&[u8], PageError>) -> Result<()>,
) -> std::io::Result<Result<()>> {
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        buf.clear();
        n += 1;
        let mut size = 0usize;
        let mut too_large = false;
        loop {
            let chunk = r.fill_buf()?;
            if chunk.is_empty() {
                break;
            }
            let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(k) => (&chunk[..k], Some(k + 1)),
                None => (chunk, None),
            };
            size += part.len();
            if size > MAX_BYTES {
                too_large = true;
            } else {
                buf.extend_from_slice(part);
            }
            let used = done.unwrap_or(chunk.len());
            r.consume(used);
            if size > MAX_LINE_SKIP {
                // a stream with no line ends (`/dev/zero`, a binary dump) is not records
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("line {n} runs past {MAX_LINE_SKIP} bytes without a line end: not JSON Lines, stopped reading"),
                ));
            }
            if done.is_some() {
                break;
            }
        }
        if size == 0 && buf.is_empty() && !too_large {
            // blank line or end of input
            if r.fill_buf()?.is_empty() {
                return Ok(Ok(()));
            }
            continue;
        }
        let line = if too_large {
            Err(PageError::TooLarge {
                size,
                limit: MAX_BYTES,
            })
        } else {
            Ok(buf.as_slice())
        };
        if line
            .as_ref()
            .is_ok_and(|l| l.iter().all(u8::is_ascii_whitespace))
        {
            continue;
        }
        if let Err(e) = f(n, line) {
            return Ok(Err(e));
        }
    }
}

pub fn lexicon() -> Result<Lexicon> {
    // States and people only: the large facts files stay indexed, not parsed.
    let b = diplograph_baseline::load_indexed().context("the embedded baseline is broken")?;
    Ok(Lexicon::new(&b.states, &b.people))
}

/// Inputs that could not be read, said on stderr as they come, but the first held back: when
/// nothing else could be read, it is the run's one-line error. Only a count and that message
/// are kept, so memory stays flat however many records are bad.
#[derive(Default)]
struct Unreadable {
    count: usize,
    first: Option<String>,
}

impl Unreadable {
    fn add(&mut self, message: String, bar: &indicatif::ProgressBar) {
        self.count += 1;
        match &self.first {
            None => self.first = Some(clip(&message, 400)),
            Some(first) => bar.suspend(|| {
                if self.count == 2 {
                    crate::terminal::warn(first);
                }
                crate::terminal::warn(&message);
            }),
        }
    }

    /// The error when nothing was readable; otherwise the held-back message is said, then how
    /// many inputs could not be read. Whether any could not: the run then exits 2.
    fn finish(&self, anything_read: bool) -> Result<bool> {
        let Some(first) = &self.first else {
            return Ok(false);
        };
        match (anything_read, self.count) {
            (false, 1) => bail!("{first}"),
            (false, n) => bail!("none of the {n} inputs could be read"),
            (true, 1) => {
                crate::terminal::warn(first);
                crate::terminal::warn("1 input could not be read; the others were");
            }
            (true, n) => {
                crate::terminal::warn(&format!("{n} inputs could not be read; the others were"))
            }
        }
        Ok(true)
    }
}

/// The columns of `read --csv`: one row per event, its first sentence as the quote.
const READ_CSV: [&str; 10] = [
    "source",
    "url",
    "published",
    "type",
    "a",
    "b",
    "date",
    "modality",
    "rule",
    "quote",
];

/// `read`: one JSON object for one article, JSON Lines for several; a summary for people.
pub fn read_cmd(w: &mut impl Write, job: &Job) -> Result<Found> {
    let single = job.single();
    let (mut any, mut seen) = (false, 0usize);
    let mut unreadable = Unreadable::default();
    let quiet = indicatif::ProgressBar::hidden();
    if job.out == Out::Csv {
        output::csv_records(w, [READ_CSV])?;
    }
    job.each(|item| {
        seen += 1;
        let page = match &item.page {
            Ok(p) => p,
            Err(e) if single => bail!("{}: {e}", item.origin),
            Err(e) => {
                unreadable.add(format!("{}: {e}", item.origin), &quiet);
                return Ok(());
            }
        };
        let r = read_page(page, job.published, &job.lex);
        any |= !r.events.is_empty();
        match job.out {
            Out::Json if single => {
                serde_json::to_writer_pretty(&mut *w, &reading_doc(&item.origin, page, &r))?;
                writeln!(w)?;
            }
            Out::Json => {
                serde_json::to_writer(&mut *w, &reading_doc(&item.origin, page, &r))?;
                writeln!(w)?;
            }
            Out::Csv => output::csv_records(
                w,
                r.events.iter().map(|e| {
                    [
                        item.origin.clone(),
                        page.url.clone().unwrap_or_default(),
                        r.published.map(|d| d.to_string()).unwrap_or_default(),
                        e.kind.as_str().to_string(),
                        e.actors[0].to_string(),
                        e.actors[1].to_string(),
                        e.date.map(|d| d.to_string()).unwrap_or_default(),
                        e.modality.as_str().to_string(),
                        e.rule.to_string(),
                        e.evidence
                            .first()
                            .map(|v| v.text.clone())
                            .unwrap_or_default(),
                    ]
                }),
            )?,
            Out::Table => summary(w, &item.origin, page, &r, &job.lex)?,
        }
        Ok(())
    })?;
    if unreadable.finish(seen > unreadable.count)? {
        return Ok(Found::Partly);
    }
    Ok(Found::nothing_if(!any))
}

fn summary(
    w: &mut impl Write,
    origin: &str,
    page: &Page,
    r: &Reading,
    lex: &Lexicon,
) -> Result<()> {
    let published = match (r.published, r.published_from) {
        (Some(d), Some(from)) => format!("published {d} ({from})"),
        _ => "no publication date: relative dates stay unresolved".to_string(),
    };
    writeln!(w, "{origin}: {published}")?;
    if let Some(t) = &page.title {
        writeln!(w, "  title: {t}")?;
    }
    if r.events.is_empty() {
        writeln!(w, "  no events found")?;
    }
    for e in &r.events {
        let date = e.date.map_or("undated".to_string(), |d| d.to_string());
        let arrow = if e.kind.directed() { "→" } else { "–" };
        writeln!(
            w,
            "  {:<20} {} {arrow} {} ({} {arrow} {})  {date}  {}{}",
            e.kind.as_str(),
            e.actors[0],
            e.actors[1],
            lex.name(e.actors[0]),
            lex.name(e.actors[1]),
            e.modality.as_str(),
            e.location
                .as_ref()
                .map_or(String::new(), |l| format!("  in {l}")),
        )?;
        for ev in &e.evidence {
            writeln!(
                w,
                "      [{}..{}] {}",
                ev.start,
                ev.end,
                clip(&ev.text, 110)
            )?;
        }
    }
    let skipped = r.notes.len();
    if skipped > 0 {
        writeln!(w, "  notes ({skipped}):")?;
        for n in &r.notes {
            writeln!(w, "      {}", n.message)?;
        }
    }
    Ok(())
}

/// When a batch of articles is committed: at least `BATCH` articles and `BATCH_TIME` since the
/// last commit, or `MAX_BATCH` articles. A crash loses at most the batch in flight (about a
/// second of reading), never a committed one; a commit (a sync to disk) costs milliseconds, so
/// committing every 200 articles of a fast feed would spend more time syncing than reading.
const BATCH: usize = 200;
const BATCH_TIME: std::time::Duration = std::time::Duration::from_secs(1);
const MAX_BATCH: usize = 5000;

/// `ingest`: reads every article the ledger does not have yet and stores its asserted events
/// with provenance. The ledger is opened at the first readable article, so input that is all
/// unreadable writes nothing.
pub fn ingest_cmd(
    w: &mut impl Write,
    db: &Path,
    job: &Job,
    knowledge: &Knowledge,
) -> Result<Found> {
    let bar = progress(&job.files);
    let mut ledger: Option<Ledger> = None;
    let mut total = diplograph_store::Ingested::default();
    let mut unreadable = Unreadable::default();
    let (mut seen, mut not_asserted) = (0usize, 0usize);
    // the curated graph (baseline, added and imported facts; not what earlier articles taught
    // it): events it has are `known`, others it contradicts are `conflict`, the rest are
    // proposals. Read events are compared with each other by the ledger, so the result does
    // not depend on how a run was split into batches or where a crash stopped it.
    let graph = knowledge.curated_graph();
    let mut batch = Vec::new();
    let mut last_commit = std::time::Instant::now();
    job.each(|item| {
        seen += 1;
        bar.inc(item.bytes);
        if seen % 64 == 0 {
            bar.set_message(format!("{seen} articles"));
        }
        let page = match item.page {
            Ok(p) => p,
            Err(e) => {
                unreadable.add(format!("{}: {e}", item.origin), &bar);
                return Ok(());
            }
        };
        let path = (item.origin != "-").then(|| item.origin.clone());
        let mut article = article_record(&page, path);
        // an article the ledger has is skipped before it is read: a rerun after a crash goes
        // straight to what is new
        let l = match &mut ledger {
            Some(l) => l,
            None => ledger.insert(Ledger::open(db)?),
        };
        if l.has_article(&article.key())? {
            total.already_read += 1;
            return Ok(());
        }
        let r = read_page(&page, job.published, &job.lex);
        article.published = r.published;
        let (events, left_out) = event_records(&r, &graph);
        not_asserted += left_out;
        batch.push((article, events));
        if batch.len() >= MAX_BATCH || batch.len() >= BATCH && last_commit.elapsed() >= BATCH_TIME {
            total += l.ingest(&batch)?;
            batch.clear();
            last_commit = std::time::Instant::now();
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    if let (Some(l), false) = (&mut ledger, batch.is_empty()) {
        total += l.ingest(&batch)?;
    }
    // nothing readable: say why, and leave the ledger alone
    let partly = unreadable.finish(ledger.is_some())?;
    if ledger.is_none() {
        bail!("no articles in the inputs");
    }
    match job.out {
        Out::Csv => output::csv_records(
            w,
            [
                [
                    "ledger",
                    "articles",
                    "already_read",
                    "unreadable",
                    "new_events",
                    "corroborated",
                    "accepted",
                    "not_asserted_skipped",
                ]
                .map(String::from),
                [
                    db.display().to_string(),
                    total.articles.to_string(),
                    total.already_read.to_string(),
                    unreadable.count.to_string(),
                    total.new_events.to_string(),
                    total.corroborated.to_string(),
                    total.accepted.to_string(),
                    not_asserted.to_string(),
                ],
            ],
        )?,
        Out::Json => {
            serde_json::to_writer_pretty(
                &mut *w,
                &diplograph_api::IngestDoc {
                    ledger: &db.display().to_string(),
                    ingested: total,
                    not_asserted_skipped: not_asserted,
                    unreadable: unreadable.count,
                },
            )?;
            writeln!(w)?;
        }
        Out::Table => {
            let nothing_new = if total.new_events + total.corroborated + total.accepted == 0 {
                "nothing new: "
            } else {
                ""
            };
            writeln!(
                w,
                "{nothing_new}read {} new article(s) into {} ({} already read, {} unreadable): {} new event(s), {} corroborated, {} accepted by a second publisher; {} event(s) not asserted (planned, reported, denied...) left out. `diplograph review` lists proposals and conflicts.",
                total.articles,
                db.display(),
                total.already_read,
                unreadable.count,
                total.new_events,
                total.corroborated,
                total.accepted,
                not_asserted
            )?;
        }
    }
    // nothing new is not an error for a cron job: it says so and exits 0
    Ok(if partly {
        Found::Partly
    } else {
        Found::Something
    })
}

/// A progress bar on stderr for long runs at a terminal (20 files, or a megabyte: one large
/// JSON Lines feed counts), measured in bytes read, with the articles counted; hidden otherwise.
fn progress(files: &[PathBuf]) -> indicatif::ProgressBar {
    let total: u64 = files
        .iter()
        .filter(|f| f.as_os_str() != "-")
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    if (files.len() < 20 && total < 1 << 20) || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {bytes}/{total_bytes}  {msg}  {bytes_per_sec}  eta {eta}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Every `.jsonl` file under `dir`, as (name, content), for the evaluations.
fn jsonl_files(dir: &Path, what: &str) -> Result<Vec<(String, String)>> {
    let files = crate::input::files(&[dir.to_path_buf()], |f| {
        f.extension().is_some_and(|e| e == "jsonl")
    })?;
    if files.is_empty() {
        bail!(
            "no .jsonl files of {what} in {:?}",
            dir.display().to_string()
        );
    }
    files
        .iter()
        .map(|f| {
            let name = f.display().to_string();
            let content = crate::input::read_text(f, MAX_BYTES)?;
            Ok((name, content))
        })
        .collect()
}

/// `eval`: precision, recall and F1 per type on a folder of labelled passages.
pub fn eval_cmd(
    w: &mut impl Write,
    out: Out,
    dir: &Path,
    mistakes: bool,
    lex: &Lexicon,
) -> Result<Found> {
    let files = jsonl_files(dir, "labelled passages")?;
    let mut cases = Vec::new();
    for (name, content) in &files {
        cases.extend(eval::parse_cases(name, content)?);
    }
    let r = eval::score(&cases, lex)?;
    match out {
        Out::Json => {
            let v = diplograph_api::ReaderEvalDoc {
                passages: r.passages,
                negatives: r.negatives,
                negatives_with_events: &r.negatives_with_events,
                overall: (&r.overall).into(),
                by_type: r
                    .by_type
                    .iter()
                    .map(|(t, c)| (t.clone(), c.into()))
                    .collect(),
                overall_date_ignored: (&r.overall_date_ignored).into(),
                by_type_date_ignored: r
                    .by_type_date_ignored
                    .iter()
                    .map(|(t, c)| (t.clone(), c.into()))
                    .collect(),
                modality_accuracy: ratio(r.modality_correct, r.modality_checked),
                mistakes: mistakes.then_some(r.mistakes.as_slice()),
            };
            serde_json::to_writer_pretty(&mut *w, &v)?;
            writeln!(w)?;
        }
        Out::Csv => counts_csv(
            w,
            r.by_type.iter().map(|(t, c)| (t.as_str(), c)),
            &r.overall,
        )?,
        Out::Table => {
            writeln!(
                w,
                "{} passages ({} hard negatives) from {} file(s)",
                r.passages,
                r.negatives,
                files.len()
            )?;
            counts_table(
                w,
                r.by_type.iter().map(|(t, c)| (t.as_str(), c)),
                &r.overall,
            )?;
            let d = &r.overall_date_ignored;
            writeln!(
                w,
                "with the date left out of the match: P {:.2}, R {:.2}, F1 {:.2} ({} found whatever their date; {} of them with the date right)",
                d.precision(),
                d.recall(),
                d.f1(),
                d.tp,
                r.overall.tp
            )?;
            writeln!(
                w,
                "modality right on {} of {} matched events; hard negatives with an asserted or reported event: {}{}",
                r.modality_correct,
                r.modality_checked,
                r.negatives_with_events.len(),
                if r.negatives_with_events.is_empty() { String::new() } else { format!(" ({})", r.negatives_with_events.join(", ")) }
            )?;
            if mistakes {
                for m in &r.mistakes {
                    writeln!(w, "{:<10} {:<8} {}", m.id, m.kind, m.event)?;
                }
            }
        }
    }
    Ok(Found::Something)
}

/// Precision, recall and F1 per type, then overall.
/// `eval --csv`: one row per type, then `all`, with tp, fp, fn, precision, recall and F1.
fn counts_csv<'a>(
    w: &mut impl Write,
    rows: impl Iterator<Item = (&'a str, &'a eval::Counts)>,
    overall: &'a eval::Counts,
) -> Result<()> {
    let row = |t: &str, c: &eval::Counts| {
        [
            t.to_string(),
            c.tp.to_string(),
            c.fp.to_string(),
            c.fn_.to_string(),
            format!("{:.3}", c.precision()),
            format!("{:.3}", c.recall()),
            format!("{:.3}", c.f1()),
        ]
    };
    let header = ["type", "tp", "fp", "fn", "precision", "recall", "f1"].map(String::from);
    output::csv_records(
        w,
        std::iter::once(header)
            .chain(rows.map(|(t, c)| row(t, c)))
            .chain(std::iter::once(row("all", overall))),
    )
}

fn counts_table<'a>(
    w: &mut impl Write,
    rows: impl Iterator<Item = (&'a str, &'a eval::Counts)>,
    overall: &'a eval::Counts,
) -> Result<()> {
    writeln!(
        w,
        "{:<22} {:>4} {:>4} {:>4} {:>9} {:>6} {:>5}",
        "type", "tp", "fp", "fn", "precision", "recall", "F1"
    )?;
    for (t, c) in rows.chain([("overall", overall)]) {
        writeln!(
            w,
            "{t:<22} {:>4} {:>4} {:>4} {:>9.2} {:>6.2} {:>5.2}",
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall(),
            c.f1()
        )?;
    }
    Ok(())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The reader's events about the state of relations, which the guide and Wikipedia label.
const RELATION_TYPES: [diplograph_read::EventType; 6] = [
    diplograph_read::EventType::Establish,
    diplograph_read::EventType::Restore,
    diplograph_read::EventType::Sever,
    diplograph_read::EventType::Suspend,
    diplograph_read::EventType::Recognize,
    diplograph_read::EventType::WithdrawRecognition,
];

/// The counts of every type added up.
fn total<'a>(counts: impl Iterator<Item = &'a eval::Counts>) -> eval::Counts {
    let mut overall = eval::Counts::default();
    for c in counts {
        overall.tp += c.tp;
        overall.fp += c.fp;
        overall.fn_ += c.fn_;
    }
    overall
}

/// The event a guide section's heading names: "Establishment of Diplomatic Relations, 1935",
/// "U.S. Recognition of Afghanistan, 1921", "Diplomatic Relations Severed, 1961".
fn heading_event(heading: &str) -> Option<diplograph_read::EventType> {
    use diplograph_read::EventType as T;
    let h = heading.to_lowercase();
    let relations = h.contains("relations");
    Some(if h.contains("recognition of") && !h.contains("withdraw") {
        T::Recognize
    } else if relations
        && ["resum", "re-establish", "reestablish", "restor"]
            .iter()
            .any(|s| h.contains(s))
    {
        T::Restore
    } else if relations
        && ["sever", "termination", "broken"]
            .iter()
            .any(|s| h.contains(s))
    {
        T::Sever
    } else if relations && ["suspen", "interrupt"].iter().any(|s| h.contains(s)) {
        T::Suspend
    } else if relations && h.contains("establish") {
        T::Establish
    } else {
        return None;
    })
}

/// Scores the reader on the State Department guide's prose: each timeline section whose heading
/// names a relations event is one labelled passage (the United States and the article's state,
/// the heading's year); every relations event the reader finds in those sections is a
/// prediction, matched on type, the pair and the year.
pub fn eval_guide(
    w: &mut impl Write,
    out: Out,
    dir: &Path,
    knowledge: &Knowledge,
) -> Result<Found> {
    let guide = diplograph_import::read_guide(dir)?;
    let lex = &knowledge.lexicon();
    let states = diplograph_graph::States::new(knowledge.states().to_vec());
    let usa: diplograph_model::Code = "USA".parse().expect("a code");
    let relation_types = RELATION_TYPES;
    let mut by_type: std::collections::BTreeMap<&'static str, eval::Counts> = Default::default();
    let (mut sections, mut unmapped) = (0, 0);
    for art in &guide {
        let Ok(state) = states.resolve(&art.title) else {
            unmapped += 1;
            continue;
        };
        for s in &art.sections {
            let (Some(kind), Some(year)) = (heading_event(&s.heading), s.year) else {
                continue;
            };
            sections += 1;
            let r = diplograph_read::read_as(&s.text, None, Some(usa), lex);
            let mut matched = false;
            for e in r
                .events
                .iter()
                .filter(|e| e.modality.happened() && relation_types.contains(&e.kind))
            {
                let pair = e.actors.contains(&usa) && e.actors.contains(&state.code);
                let hit = !matched
                    && e.kind == kind
                    && pair
                    && e.date.is_some_and(|d| d.year_number() == year);
                let c = by_type.entry(e.kind.as_str()).or_default();
                if hit {
                    matched = true;
                    c.tp += 1;
                } else {
                    if std::env::var_os("DIPLOGRAPH_DEBUG_GUIDE").is_some() {
                        eprintln!(
                            "spurious {} {:?} {:?} in {} {year}: {:?}",
                            e.kind.as_str(),
                            e.actors,
                            e.date.map(|d| d.to_string()),
                            kind.as_str(),
                            e.evidence[0].text
                        );
                    }
                    c.fp += 1;
                }
            }
            if !matched {
                if std::env::var_os("DIPLOGRAPH_DEBUG_GUIDE").is_some() {
                    eprintln!(
                        "missed {} {} {year}: {:?}",
                        kind.as_str(),
                        state.code,
                        &s.text[..s.text.len().min(300)]
                    );
                }
                by_type.entry(kind.as_str()).or_default().fn_ += 1;
            }
        }
    }
    let overall = total(by_type.values());
    match out {
        Out::Json => {
            serde_json::to_writer_pretty(
                &mut *w,
                &diplograph_api::GuideEvalDoc {
                    articles: guide.len(),
                    unmapped_articles: unmapped,
                    sections,
                    overall: (&overall).into(),
                    by_type: by_type
                        .iter()
                        .map(|(t, c)| (t.to_string(), c.into()))
                        .collect(),
                },
            )?;
            writeln!(w)?;
        }
        Out::Csv => counts_csv(w, by_type.iter().map(|(t, c)| (*t, c)), &overall)?,
        Out::Table => {
            writeln!(w, "{sections} labelled sections from {} guide articles ({unmapped} articles not mapped to a state)", guide.len())?;
            counts_table(w, by_type.iter().map(|(t, c)| (*t, c)), &overall)?;
        }
    }
    Ok(Found::Something)
}

/// Scores the reader on Wikipedia's row notes: every row of a "Foreign relations of X" table
/// that dates the establishment and whose notes speak of establishing relations is one labelled
/// passage (the article's state and the row's, the table's year); every relations event the
/// reader finds in those notes is a prediction, matched on type, the pair and the year. A row
/// whose notes date the establishment otherwise than its table is a miss: the two disagree, and
/// which is right is not decided here.
pub fn eval_wikipedia(
    w: &mut impl Write,
    out: Out,
    dir: &Path,
    mistakes: bool,
    knowledge: &Knowledge,
) -> Result<Found> {
    use diplograph_read::EventType as T;
    let lex = &knowledge.lexicon();
    let states = diplograph_graph::States::new(knowledge.states().to_vec());
    let (articles, _unread) = diplograph_wikipedia::load(dir)?;
    let cfg = diplograph_wikipedia::Config {
        snapshot: Some(
            diplograph_app::sources::WIKIPEDIA_SNAPSHOT
                .parse()
                .expect("the snapshot day parses"),
        ),
    };
    let rows = diplograph_wikipedia::prose_rows(&articles, &states, lex, &cfg)?;
    let relation_types = RELATION_TYPES;
    let mut by_type: std::collections::BTreeMap<&'static str, eval::Counts> = Default::default();
    let (mut labelled, mut pair_found, mut year_right, mut unlabelled) = (0, 0, 0, 0);
    for (home, row) in &rows {
        if !row.text.to_lowercase().contains("establish") {
            continue;
        }
        labelled += 1;
        let year = row.established.year_number();
        // the row is about its pair, as the table places it
        let r = diplograph_read::read_about(&row.text, None, [*home, row.partner], lex);
        let mut matched = false;
        let mut paired = false;
        for e in r.events.iter().filter(|e| e.modality.happened()) {
            // the table labels the establishment only: other events the notes tell of are
            // neither right nor wrong by it
            if e.kind != T::Establish {
                if relation_types.contains(&e.kind) {
                    unlabelled += 1;
                }
                continue;
            }
            let pair = e.actors.contains(home) && e.actors.contains(&row.partner);
            paired |= pair;
            let hit = !matched
                && e.kind == T::Establish
                && pair
                && e.date.is_some_and(|d| d.year_number() == year);
            let c = by_type.entry(e.kind.as_str()).or_default();
            if hit {
                matched = true;
                c.tp += 1;
            } else {
                if mistakes && out == Out::Table {
                    writeln!(
                        w,
                        "spurious {} {}-{} {} in {home}-{} ({}): {:?}",
                        e.kind.as_str(),
                        e.actors[0],
                        e.actors[1],
                        e.date.map_or("undated".to_string(), |d| d.to_string()),
                        row.partner,
                        row.established,
                        diplograph_read::text::clip(&e.evidence[0].text, 160)
                    )?;
                }
                c.fp += 1;
            }
        }
        pair_found += usize::from(paired);
        year_right += usize::from(matched);
        if !matched {
            if mistakes && out == Out::Table {
                writeln!(
                    w,
                    "missed establish {home}-{} {}: {:?}",
                    row.partner,
                    row.established,
                    diplograph_read::text::clip(&row.text, 160)
                )?;
            }
            by_type.entry(T::Establish.as_str()).or_default().fn_ += 1;
        }
    }
    let overall = total(by_type.values());
    match out {
        Out::Json => {
            serde_json::to_writer_pretty(
                &mut *w,
                &diplograph_api::WikipediaEvalDoc {
                    articles: articles.len(),
                    rows: rows.len(),
                    labelled,
                    overall: (&overall).into(),
                    by_type: by_type
                        .iter()
                        .map(|(t, c)| (t.to_string(), c.into()))
                        .collect(),
                    pair_found,
                    year_right,
                    unlabelled,
                },
            )?;
            writeln!(w)?;
        }
        Out::Csv => counts_csv(w, by_type.iter().map(|(t, c)| (*t, c)), &overall)?,
        Out::Table => {
            writeln!(w, "{labelled} labelled rows (notes that speak of establishing relations) of {} rows with a dated establishment and notes, from {} articles", rows.len(), articles.len())?;
            counts_table(w, by_type.iter().map(|(t, c)| (*t, c)), &overall)?;
            writeln!(w, "establishment of the row's pair found in {pair_found} of {labelled} rows; with the table's year in {year_right}; {unlabelled} other relations events (breaks, restorations, recognitions) not scored")?;
        }
    }
    Ok(Found::Something)
}

/// `check`: each article's claims against the graph as of its date (or `--as-of`), and its
/// events against the graph as it stood before the article (leaving out what the ledger learned
/// from the article itself).
pub fn check_cmd(
    w: &mut impl Write,
    job: &Job,
    knowledge: &Knowledge,
    as_of: Option<Day>,
    known_at: Option<Day>,
) -> Result<Found> {
    let single = job.single();
    // one graph for every article, but for one whose events the ledger accepted: that one is
    // checked against the graph without them
    let shared = knowledge.graph(known_at, None);
    if job.out == Out::Csv {
        output::csv_records(
            w,
            [["source", "as_of", "kind", "verdict", "claim", "explanation"]],
        )?;
    }
    let (mut any, mut seen) = (false, 0usize);
    let mut unreadable = Unreadable::default();
    let quiet = indicatif::ProgressBar::hidden();
    job.each(|item| {
        seen += 1;
        let page = match &item.page {
            Ok(p) => p,
            Err(e) if single => bail!("{}: {e}", item.origin),
            Err(e) => {
                unreadable.add(format!("{}: {e}", item.origin), &quiet);
                return Ok(());
            }
        };
        let ask = CheckAsk {
            as_of,
            known_at,
            published: job.published,
        };
        let checked = diplograph_app::article::check(knowledge, &shared, page, ask, &job.lex);
        let (r, report) = (&checked.reading, &checked.report);
        any |= !report.claims.is_empty() || !report.events.is_empty();
        let v = checked.doc(&item.origin, page);
        match job.out {
            Out::Json if single => {
                serde_json::to_writer_pretty(&mut *w, &v)?;
                writeln!(w)?;
            }
            Out::Json => {
                serde_json::to_writer(&mut *w, &v)?;
                writeln!(w)?;
            }
            Out::Csv => output::csv_records(
                w,
                report.claims.iter().map(|c| {
                    [
                        item.origin.clone(),
                        report.as_of.to_string(),
                        serde_json::to_value(c.kind)
                            .ok()
                            .and_then(|k| k.as_str().map(String::from))
                            .unwrap_or_default(),
                        c.verdict.as_str().to_string(),
                        c.text.clone(),
                        c.explanation.clone(),
                    ]
                }),
            )?,
            Out::Table => {
                let known = known_at.map_or(String::new(), |k| format!(", knowledge as of {k}"));
                let coarse;
                let why = match (as_of, r.published) {
                    (Some(_), _) => " (--as-of)",
                    (None, Some(p)) if p.precision() != diplograph_model::Precision::Day => {
                        coarse = format!(" (the end of its publication period, {p}: a verdict that depends on the day within it is not_enough_info)");
                        &coarse
                    }
                    (None, Some(_)) => " (its publication date)",
                    (None, None) => {
                        coarse = format!(" (today: the article gives no publication date, and a verdict that would differ on a day since {}, its latest dated event or the UN's founding, is not_enough_info; pass --published or --as-of)", diplograph_check::undated_period(r, report.as_of.last_day()).0);
                        &coarse
                    }
                };
                writeln!(
                    w,
                    "{}: checked as of {}{why}{known}",
                    item.origin, report.as_of
                )?;
                if report.claims.is_empty() {
                    writeln!(w, "  no checkable claims found")?;
                }
                for c in &report.claims {
                    writeln!(w, "  {:<15} \"{}\"", c.verdict.as_str(), clip(&c.text, 100))?;
                    writeln!(w, "                  {}", c.explanation)?;
                    // a table shows the first few facts; --json carries them all
                    const SHOWN: usize = 6;
                    for e in c.evidence.iter().take(SHOWN) {
                        let src = e.sources.first().map_or(String::new(), |s| {
                            let who = if s.source.url.is_empty() {
                                &s.source.citation
                            } else {
                                &s.source.url
                            };
                            format!(" — {who}")
                        });
                        writeln!(w, "                  · {}{src}", e.fact)?;
                    }
                    if c.evidence.len() > SHOWN {
                        writeln!(
                            w,
                            "                  · and {} more facts (--json lists them all)",
                            c.evidence.len() - SHOWN
                        )?;
                    }
                }
                for e in &report.events {
                    writeln!(
                        w,
                        "  event {:<13} {} {}-{} {}: {}",
                        e.status.as_str(),
                        e.event.kind.as_str(),
                        e.event.actors[0],
                        e.event.actors[1],
                        e.event
                            .date
                            .map_or("undated".to_string(), |d| d.to_string()),
                        e.explanation
                    )?;
                }
            }
        }
        Ok(())
    })?;
    if unreadable.finish(seen > unreadable.count)? {
        return Ok(Found::Partly);
    }
    Ok(Found::nothing_if(!any))
}

/// `eval --claims`: verdict accuracy on labelled claims, against the full graph.
pub fn eval_claims(
    w: &mut impl Write,
    out: Out,
    dir: &Path,
    mistakes: bool,
    graph: &diplograph_graph::Graph,
    lex: &Lexicon,
) -> Result<Found> {
    let files = jsonl_files(dir, "labelled claims")?;
    let mut cases = Vec::new();
    for (name, content) in &files {
        cases.extend(diplograph_check::eval::parse_cases(name, content)?);
    }
    let r = diplograph_check::eval::score(&cases, graph, lex)?;
    let acc = |t: &diplograph_check::eval::Tally| ratio(t.right, t.claims);
    match out {
        Out::Json => {
            let v = diplograph_api::ClaimsEvalDoc {
                passages: r.passages,
                overall: (&r.overall).into(),
                by_kind: r
                    .by_kind
                    .iter()
                    .map(|(k, t)| (k.clone(), t.into()))
                    .collect(),
                by_verdict: r
                    .by_verdict
                    .iter()
                    .map(|(k, t)| (k.clone(), t.into()))
                    .collect(),
                confusion: &r.confusion,
                harmful: &r.harmful,
                misses: mistakes.then_some(r.misses.as_slice()),
            };
            serde_json::to_writer_pretty(&mut *w, &v)?;
            writeln!(w)?;
        }
        Out::Csv => bail!("eval --claims prints JSON or a table, not CSV: use --json"),
        Out::Table => {
            writeln!(w, "{} claims in {} passages", r.overall.claims, r.passages)?;
            writeln!(
                w,
                "{:<24} {:>6} {:>6} {:>6} {:>9}",
                "", "claims", "found", "right", "accuracy"
            )?;
            let rows = r
                .by_kind
                .iter()
                .map(|(k, t)| (format!("kind {k}"), t))
                .chain(
                    r.by_verdict
                        .iter()
                        .map(|(k, t)| (format!("true verdict {k}"), t)),
                )
                .chain([("overall".to_string(), &r.overall)]);
            for (label, t) in rows {
                writeln!(
                    w,
                    "{label:<24} {:>6} {:>6} {:>6} {:>9.2}",
                    t.claims,
                    t.found,
                    t.right,
                    acc(t)
                )?;
            }
            // the confusion matrix: rows the labelled verdict, columns the checker's
            let cols = ["supported", "refuted", "not_enough_info", "not found"];
            writeln!(
                w,
                "\n{:<24} {}",
                "labelled \\ checker",
                cols.map(|c| format!("{c:>16}")).join("")
            )?;
            for (label, row) in &r.confusion {
                let cells = cols.map(|c| format!("{:>16}", row.get(c).copied().unwrap_or(0)));
                writeln!(w, "{label:<24} {}", cells.join(""))?;
            }
            writeln!(
                w,
                "harmful (a true or undecidable claim refuted): {}",
                r.harmful.len()
            )?;
            for m in &r.harmful {
                writeln!(w, "  {} expected {}: \"{}\"", m.id, m.expected, m.quote)?;
            }
            if mistakes {
                for m in &r.misses {
                    writeln!(
                        w,
                        "{:<10} expected {:<16} got {:<16} \"{}\"",
                        m.id, m.expected, m.got, m.quote
                    )?;
                }
            }
        }
    }
    Ok(Found::Something)
}
