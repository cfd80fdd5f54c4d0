//! `read`, `ingest` and `eval`: gathering articles from files, folders, stdin and JSON Lines,
//! running the reader, printing or storing what it finds.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use diplograph_model::{Date, Day};
use diplograph_page::{Format as PageFormat, Page, PageError, MAX_BYTES};
use diplograph_read::{eval, read, Lexicon, Modality, Reading};
use diplograph_store::{ArticleRecord, EventRecord, Ledger};
use serde_json::json;

use crate::output::Out;
use crate::{Articles, Found, InputFormat};

/// What `read` and `ingest` share: the articles gathered, the date flag, the lexicon.
pub struct Job {
    out: Out,
    items: Vec<Item>,
    published: Option<Day>,
    lex: Lexicon,
}

impl Job {
    pub fn new(a: &Articles) -> Result<Job> {
        let published = crate::commands::parse_published(a.published.as_deref())?;
        Ok(Job {
            out: Out::from(a.format),
            items: gather(&a.inputs, a.input_format)?,
            published,
            lex: lexicon()?,
        })
    }
}

/// An article from the input, or why it could not be read.
pub struct Item {
    /// Where it came from: a path, `path:line` for JSON Lines, or `-`.
    pub origin: String,
    pub page: Result<Page, PageError>,
}

fn page_format(f: InputFormat) -> Option<PageFormat> {
    match f {
        InputFormat::Text => Some(PageFormat::Text),
        InputFormat::Html => Some(PageFormat::Html),
        InputFormat::Auto | InputFormat::Jsonl => None,
    }
}

/// Every article in `inputs`: files, folders (recursively, in name order: .txt, .text, .html,
/// .htm, .jsonl), or `-` for stdin.
pub fn gather(inputs: &[PathBuf], format: InputFormat) -> Result<Vec<Item>> {
    let mut files = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            files.push(p.clone());
        } else if p.is_dir() {
            walk(p, &mut files)
                .with_context(|| format!("cannot list {:?}", p.display().to_string()))?;
        } else if p.exists() {
            files.push(p.clone());
        } else {
            bail!("no such file or folder {:?}", p.display().to_string());
        }
    }
    let mut items = Vec::new();
    for f in files {
        let origin = f.display().to_string();
        let bytes = match read_limited(&f) {
            Ok(b) => b,
            Err(Limited::Io(e)) => {
                return Err(e).with_context(|| format!("cannot read {origin:?}"))
            }
            Err(Limited::TooLarge(size)) => {
                items.push(Item {
                    origin,
                    page: Err(PageError::TooLarge {
                        size,
                        limit: MAX_BYTES,
                    }),
                });
                continue;
            }
        };
        let jsonl = format == InputFormat::Jsonl
            || format == InputFormat::Auto && f.extension().is_some_and(|e| e == "jsonl");
        if jsonl {
            let text = match std::str::from_utf8(&bytes) {
                Ok(t) => t,
                Err(e) => {
                    items.push(Item {
                        origin,
                        page: Err(PageError::NotUtf8 {
                            offset: e.valid_up_to(),
                        }),
                    });
                    continue;
                }
            };
            for (i, page) in diplograph_page::jsonl(text).into_iter().enumerate() {
                items.push(Item {
                    origin: format!("{origin}:{}", i + 1),
                    page,
                });
            }
            continue;
        }
        let forced = page_format(format).or_else(|| {
            f.extension().and_then(|e| e.to_str()).and_then(|e| {
                match e.to_ascii_lowercase().as_str() {
                    "html" | "htm" | "xhtml" => Some(PageFormat::Html),
                    "txt" | "text" => Some(PageFormat::Text),
                    _ => None,
                }
            })
        });
        items.push(Item {
            origin,
            page: Page::from_bytes(&bytes, forced),
        });
    }
    Ok(items)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "txt" | "text" | "html" | "htm" | "jsonl"))
        {
            out.push(p);
        }
    }
    Ok(())
}

enum Limited {
    Io(std::io::Error),
    TooLarge(usize),
}

/// Reads a file or stdin, refusing more than the article limit without reading it all.
fn read_limited(p: &Path) -> Result<Vec<u8>, Limited> {
    let mut buf = Vec::new();
    let limit = MAX_BYTES as u64 + 1;
    if p.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut buf)
            .map_err(Limited::Io)?;
    } else {
        let f = std::fs::File::open(p).map_err(Limited::Io)?;
        let size = f.metadata().map_err(Limited::Io)?.len();
        if size > MAX_BYTES as u64 {
            return Err(Limited::TooLarge(size as usize));
        }
        f.take(limit).read_to_end(&mut buf).map_err(Limited::Io)?;
    }
    if buf.len() > MAX_BYTES {
        return Err(Limited::TooLarge(buf.len()));
    }
    Ok(buf)
}

pub fn lexicon() -> Result<Lexicon> {
    let b = diplograph_baseline::load().context("the embedded baseline is broken")?;
    Ok(Lexicon::new(&b.states))
}

/// Reads a page with the publication date from the flag, else the page's metadata, else the
/// page's own header lines.
fn read_page(page: &Page, flag: Option<Day>, lex: &Lexicon) -> Reading {
    let mut r = read(&page.text, flag.or(page.published), lex);
    if flag.is_none() && page.published.is_some() {
        r.published_from = Some("metadata");
    }
    r
}

fn reading_json(item: &Item, page: &Page, r: &Reading) -> serde_json::Value {
    json!({
        "source": item.origin,
        "url": page.url,
        "format": page.format,
        "title": page.title,
        "published": r.published.map(|d| d.to_string()),
        "published_from": r.published_from,
        "events": r.events,
        "notes": r.notes,
    })
}

/// `read`: one JSON object for one article, JSON Lines for several; a summary for people.
pub fn read_cmd(w: &mut impl Write, job: &Job) -> Result<Found> {
    let Job {
        out,
        items,
        published,
        lex,
    } = job;
    let (out, published) = (*out, *published);
    let single = items.len() == 1;
    let mut any = false;
    let mut failures = 0;
    for item in items {
        let page = match &item.page {
            Ok(p) => p,
            Err(e) => {
                if single {
                    bail!("{}: {e}", item.origin);
                }
                eprintln!("diplograph: {}: {e}", item.origin);
                failures += 1;
                continue;
            }
        };
        let r = read_page(page, published, lex);
        any |= !r.events.is_empty();
        match out {
            Out::Json if single => {
                serde_json::to_writer_pretty(&mut *w, &reading_json(item, page, &r))?;
                writeln!(w)?;
            }
            Out::Json | Out::Csv => {
                serde_json::to_writer(&mut *w, &reading_json(item, page, &r))?;
                writeln!(w)?;
            }
            Out::Table => summary(w, &item.origin, page, &r, lex)?,
        }
    }
    if failures > 0 && failures == items.len() {
        bail!("none of the {failures} inputs could be read");
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

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut t: String = s.chars().take(n - 1).collect();
    t.push('…');
    t
}

/// A stable 64-bit FNV-1a hash of an article's text: its key in the ledger when it has no URL.
fn text_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Articles per transaction: a crash loses at most the batch in flight, never a committed one.
const BATCH: usize = 200;

/// `ingest`: reads every article and stores its asserted events with provenance.
pub fn ingest_cmd(w: &mut impl Write, db: &Path, job: &Job) -> Result<Found> {
    let Job {
        out,
        items,
        published,
        lex,
    } = job;
    let (out, published) = (*out, *published);
    if let Some(only) = items
        .iter()
        .all(|i| i.page.is_err())
        .then(|| items.first())
        .flatten()
    {
        // nothing readable: say why, and leave the ledger alone
        let e = only.page.as_ref().expect_err("all failed");
        if items.len() == 1 {
            bail!("{}: {e}", only.origin);
        }
        bail!(
            "none of the {} inputs could be read (first: {}: {e})",
            items.len(),
            only.origin
        );
    }
    if items.is_empty() {
        bail!("no articles found in the inputs (looked for .txt, .text, .html, .htm and .jsonl files)");
    }
    let bar = progress(items.len());
    let mut ledger = Ledger::open(db)?;
    let mut total = diplograph_store::Ingested::default();
    let mut failed = Vec::new();
    let mut not_asserted = 0usize;
    let mut batch = Vec::new();
    for item in items {
        bar.inc(1);
        let page = match &item.page {
            Ok(p) => p,
            Err(e) => {
                bar.suspend(|| eprintln!("diplograph: {}: {e}", item.origin));
                failed.push(item.origin.clone());
                continue;
            }
        };
        let r = read_page(page, published, lex);
        let mut events = Vec::new();
        for e in &r.events {
            if e.modality != Modality::Asserted {
                not_asserted += 1;
                continue;
            }
            let first = &e.evidence[0];
            events.push(EventRecord {
                kind: e.kind.as_str().to_string(),
                actors: e.actors,
                symmetric: e.kind.symmetric_match(),
                date: e.date,
                modality: e.modality.as_str().to_string(),
                quote: first.text.clone(),
                start: first.start,
                end: first.end,
                rule: e.rule.to_string(),
            });
        }
        let path = (!item.origin.starts_with('-')).then(|| item.origin.clone());
        batch.push((
            ArticleRecord {
                url: page.url.clone(),
                path,
                title: page.title.clone(),
                published: r.published.or(published.map(Date::from_day)),
                text_hash: text_hash(&page.text),
            },
            events,
        ));
        if batch.len() >= BATCH {
            total += ledger.ingest(&batch)?;
            batch.clear();
        }
    }
    if !batch.is_empty() {
        total += ledger.ingest(&batch)?;
    }
    bar.finish_and_clear();
    match out {
        Out::Json | Out::Csv => {
            serde_json::to_writer_pretty(
                &mut *w,
                &json!({
                    "ledger": db.display().to_string(),
                    "ingested": total,
                    "not_asserted_skipped": not_asserted,
                    "unreadable": failed,
                }),
            )?;
            writeln!(w)?;
        }
        Out::Table => {
            writeln!(
                w,
                "read {} new article(s) into {} ({} already read, {} unreadable): {} new event(s), {} corroborated; {} event(s) not asserted (planned, reported, denied...) left out",
                total.articles,
                db.display(),
                total.already_read,
                failed.len(),
                total.new_events,
                total.corroborated,
                not_asserted
            )?;
        }
    }
    if !failed.is_empty() && failed.len() == items.len() {
        bail!("none of the {} inputs could be read", failed.len());
    }
    Ok(Found::nothing_if(
        total.new_events + total.corroborated == 0,
    ))
}

/// A progress bar on stderr for long runs at a terminal; hidden otherwise.
fn progress(n: usize) -> indicatif::ProgressBar {
    if n < 20 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} articles  {per_sec}  eta {eta}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// `eval`: precision, recall and F1 per type on a folder of labelled passages.
pub fn eval_cmd(
    w: &mut impl Write,
    out: Out,
    dir: &Path,
    mistakes: bool,
    lex: &Lexicon,
) -> Result<Found> {
    let mut files = Vec::new();
    walk(dir, &mut files)
        .with_context(|| format!("cannot list {:?}", dir.display().to_string()))?;
    files.retain(|f| f.extension().is_some_and(|e| e == "jsonl"));
    if files.is_empty() {
        bail!(
            "no .jsonl files of labelled passages in {:?}",
            dir.display().to_string()
        );
    }
    let mut cases = Vec::new();
    for f in &files {
        let name = f.display().to_string();
        let content =
            std::fs::read_to_string(f).with_context(|| format!("cannot read {name:?}"))?;
        cases.extend(eval::parse_cases(&name, &content)?);
    }
    let r = eval::score(&cases, lex)?;
    match out {
        Out::Json => {
            let types: serde_json::Map<String, serde_json::Value> = r
                .by_type
                .iter()
                .map(|(t, c)| (t.clone(), counts_json(c)))
                .collect();
            let v = json!({
                "passages": r.passages,
                "negatives": r.negatives,
                "negatives_with_events": r.negatives_with_events,
                "overall": counts_json(&r.overall),
                "by_type": types,
                "modality_accuracy": ratio(r.modality_correct, r.modality_checked),
                "mistakes": if mistakes { json!(r.mistakes) } else { json!(null) },
            });
            serde_json::to_writer_pretty(&mut *w, &v)?;
            writeln!(w)?;
        }
        Out::Table | Out::Csv => {
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

fn counts_json(c: &eval::Counts) -> serde_json::Value {
    let r2 = |x: f64| (x * 1000.0).round() / 1000.0;
    json!({"tp": c.tp, "fp": c.fp, "fn": c.fn_, "precision": r2(c.precision()), "recall": r2(c.recall()), "f1": r2(c.f1())})
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
pub fn eval_guide(w: &mut impl Write, out: Out, dir: &Path, lex: &Lexicon) -> Result<Found> {
    use diplograph_read::EventType as T;
    let guide = diplograph_import::read_guide(dir)?;
    let b = diplograph_baseline::load().context("the embedded baseline is broken")?;
    let states = diplograph_graph::States::new(b.states);
    let usa: diplograph_model::Code = "USA".parse().expect("a code");
    let relation_types = [
        T::Establish,
        T::Restore,
        T::Sever,
        T::Suspend,
        T::Recognize,
        T::WithdrawRecognition,
    ];
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
    let mut overall = eval::Counts::default();
    for c in by_type.values() {
        overall.tp += c.tp;
        overall.fp += c.fp;
        overall.fn_ += c.fn_;
    }
    match out {
        Out::Json => {
            let types: serde_json::Map<String, serde_json::Value> = by_type
                .iter()
                .map(|(t, c)| (t.to_string(), counts_json(c)))
                .collect();
            serde_json::to_writer_pretty(
                &mut *w,
                &json!({"articles": guide.len(), "unmapped_articles": unmapped, "sections": sections, "overall": counts_json(&overall), "by_type": types}),
            )?;
            writeln!(w)?;
        }
        Out::Table | Out::Csv => {
            writeln!(w, "{sections} labelled sections from {} guide articles ({unmapped} articles not mapped to a state)", guide.len())?;
            counts_table(w, by_type.iter().map(|(t, c)| (*t, c)), &overall)?;
        }
    }
    Ok(Found::Something)
}
