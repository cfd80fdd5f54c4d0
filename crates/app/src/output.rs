//! Printing answers as human tables, JSON or CSV.

use std::io::Write;

use anyhow::Result;
use diplograph_graph::{Cited, Entry, Exclusive, Graph, History, Relations, YearCount};
use diplograph_model::{Code, Date, Day, Fact, State, Status};

/// How an answer is written: a table for people, JSON (the documents of `diplograph-api`) or
/// CSV.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Out {
    Table,
    Json,
    Csv,
}

fn json_out(w: &mut impl Write, v: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *w, v)?;
    writeln!(w)?;
    Ok(())
}

fn csv_writer(w: &mut impl Write) -> csv::Writer<&mut dyn Write> {
    csv::Writer::from_writer(w as &mut dyn Write)
}

/// CSV records written as they come (a header once, then rows per input), each flushed to `w`.
pub fn csv_records<R: AsRef<[u8]>>(
    w: &mut impl Write,
    records: impl IntoIterator<Item = impl IntoIterator<Item = R>>,
) -> Result<()> {
    let mut c = csv::WriterBuilder::new()
        .flexible(false)
        .from_writer(w as &mut dyn Write);
    for r in records {
        c.write_record(r)?;
    }
    c.flush()?;
    Ok(())
}

fn name(g: &Graph, c: Code) -> String {
    g.states()
        .get(c)
        .map(|s| s.name.clone())
        .unwrap_or_else(|| c.to_string())
}

/// One line naming a source: publisher, date, quote or citation, URL.
fn cite(c: &Cited) -> String {
    let s = &c.source;
    let mut parts = Vec::new();
    if !s.publisher.is_empty() {
        parts.push(s.publisher.clone());
    }
    if let Some(p) = s.published {
        parts.push(p.to_string().into());
    }
    if !s.quote.is_empty() {
        let q: String = s.quote.chars().take(140).collect();
        parts.push(
            format!(
                "\u{201c}{q}{}\u{201d}",
                if s.quote.chars().count() > 140 {
                    "…"
                } else {
                    ""
                }
            )
            .into(),
        );
    }
    if !s.citation.is_empty() {
        parts.push(s.citation.clone());
    }
    if !s.url.is_empty() {
        parts.push(s.url.clone());
    }
    if let Some(st) = &c.set_statement {
        parts.push(format!("(from: {st})").into());
    }
    parts.join(" · ")
}

pub fn states(w: &mut impl Write, out: Out, list: &[&State]) -> Result<()> {
    match out {
        Out::Json => json_out(w, &list),
        Out::Csv => {
            let mut c = csv_writer(w);
            c.write_record([
                "code",
                "iso2",
                "isonum",
                "cow",
                "gw",
                "wikidata",
                "kind",
                "name",
                "official_name",
                "capital",
                "un_member_since",
                "begin",
                "end",
                "aliases",
            ])?;
            for s in list {
                c.write_record([
                    s.code.as_str(),
                    &s.iso2,
                    &s.isonum,
                    &s.cow.map(|x| x.to_string()).unwrap_or_default(),
                    &s.gw.map(|x| x.to_string()).unwrap_or_default(),
                    &s.wikidata,
                    &format!("{:?}", s.kind).to_lowercase(),
                    &s.name,
                    &s.official_name,
                    &s.capital,
                    &s.un_member_since.map(|d| d.to_string()).unwrap_or_default(),
                    &s.begin.map(|d| d.to_string()).unwrap_or_default(),
                    &s.end.map(|d| d.to_string()).unwrap_or_default(),
                    &s.aliases.join("|"),
                ])?;
            }
            c.flush()?;
            Ok(())
        }
        Out::Table => {
            writeln!(
                w,
                "{:<4} {:<3} {:<4} {:<34} {:<10} {:<12} capital",
                "code", "iso2", "cow", "name", "kind", "UN since"
            )?;
            for s in list {
                writeln!(
                    w,
                    "{:<4} {:<3}  {:<4} {:<34} {:<10} {:<12} {}",
                    s.code,
                    s.iso2,
                    s.cow.map(|x| x.to_string()).unwrap_or_default(),
                    s.name,
                    format!("{:?}", s.kind).to_lowercase(),
                    s.un_member_since
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "-".into()),
                    s.capital
                )?;
            }
            Ok(())
        }
    }
}

fn among_label(r: &Relations) -> &'static str {
    match r.among {
        diplograph_model::Universe::Un => "UN member states",
        diplograph_model::Universe::Nonun => "non-UN states",
        diplograph_model::Universe::All => "all states",
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// `coverage`: the figures, by status and source, and the least covered states (JSON: all
/// states; CSV: a row per state).
pub fn coverage(
    w: &mut impl Write,
    out: Out,
    r: &diplograph_graph::CoverageReport,
    worst: usize,
) -> Result<()> {
    match out {
        Out::Json => json_out(w, r),
        Out::Csv => {
            let mut c = csv_writer(w);
            c.write_record([
                "state",
                "name",
                "pairs",
                "known",
                "unknown",
                "dated",
                "known_share",
                "dated_share",
            ])?;
            for s in &r.states {
                c.write_record([
                    s.state.as_str(),
                    &s.name,
                    &s.of.to_string(),
                    &s.known.to_string(),
                    &s.unknown.to_string(),
                    &s.dated.to_string(),
                    &format!("{:.4}", s.share),
                    &format!("{:.4}", s.dated_share),
                ])?;
            }
            c.flush()?;
            Ok(())
        }
        Out::Table => {
            writeln!(
                w,
                "coverage as of {}, among {}{}",
                r.as_of,
                match r.among {
                    diplograph_model::Universe::Un => "UN member states",
                    _ => "all states",
                },
                r.known_at
                    .map(|k| format!(", as known at {k}"))
                    .unwrap_or_default()
            )?;
            writeln!(
                w,
                "pairs: {}   known: {} ({})   unknown: {}   establishment dated: {} ({})",
                r.pairs,
                r.known,
                pct(r.share),
                r.unknown,
                r.dated,
                pct(r.dated_share)
            )?;
            let join = |m: &std::collections::BTreeMap<&'static str, usize>| {
                m.iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            writeln!(w, "known pairs by status: {}", join(&r.by_status))?;
            writeln!(w, "known pairs by deciding source: {}", join(&r.by_source))?;
            let n = worst.min(r.states.len());
            if n > 0 {
                writeln!(
                    w,
                    "
least covered ({n} of {}):",
                    r.states.len()
                )?;
                writeln!(
                    w,
                    "  {:<5}{:<34}{:>7}{:>9}{:>9}",
                    "", "", "pairs", "known", "dated"
                )?;
                for s in &r.states[..n] {
                    writeln!(
                        w,
                        "  {:<5}{:<34}{:>7}{:>9}{:>9}",
                        s.state.as_str(),
                        diplograph_read::text::clip(&s.name, 33),
                        s.of,
                        pct(s.share),
                        pct(s.dated_share)
                    )?;
                }
            }
            Ok(())
        }
    }
}

pub fn relations(w: &mut impl Write, out: Out, g: &Graph, r: &Relations) -> Result<()> {
    match out {
        Out::Json => json_out(w, r),
        Out::Csv => {
            let mut c = csv_writer(w);
            c.write_record([
                "state",
                "other",
                "other_name",
                "status",
                "since",
                "evidence",
                "carried_forward",
                "event",
                "source",
            ])?;
            for d in &r.details {
                let basis = d.status.basis.as_ref();
                c.write_record([
                    r.state.as_str(),
                    d.state.as_str(),
                    &d.name,
                    d.status.status.as_str(),
                    &d.status.since.map(|b| b.to_string()).unwrap_or_default(),
                    &basis.map(|b| b.date.to_string()).unwrap_or_default(),
                    if d.status.carried_forward {
                        "true"
                    } else {
                        "false"
                    },
                    basis.map(|b| b.event.as_str()).unwrap_or(""),
                    &basis
                        .and_then(|b| b.sources.first())
                        .map(cite)
                        .unwrap_or_default(),
                ])?;
            }
            c.flush()?;
            Ok(())
        }
        Out::Table => {
            writeln!(
                w,
                "{} ({}) as of {}, among {}",
                r.name,
                r.state,
                r.as_of,
                among_label(r)
            )?;
            if let Some(k) = r.known_at {
                writeln!(w, "knowledge: sources published by {k}")?;
            }
            writeln!(
                w,
                "partners: {} of {}   without: {}   unknown: {}   (coverage {:.0}%)",
                r.count,
                r.of,
                r.without.len(),
                r.unknown.len(),
                r.coverage.share * 100.0
            )?;
            if let Some(newest) = r.newest_evidence {
                write!(w, "evidence: the newest is of {newest}")?;
                if r.carried_forward > 0 {
                    write!(
                        w,
                        "; {} status(es) carried forward from lists or tables older than {}",
                        r.carried_forward, r.as_of
                    )?;
                }
                writeln!(w)?;
            }
            let list = |w: &mut dyn Write,
                        title: &str,
                        status_filter: &dyn Fn(Status) -> bool|
             -> Result<()> {
                let rows: Vec<_> = r
                    .details
                    .iter()
                    .filter(|d| status_filter(d.status.status))
                    .collect();
                if rows.is_empty() {
                    return Ok(());
                }
                writeln!(w, "\n{title} ({}):", rows.len())?;
                for d in rows {
                    let basis = d.status.basis.as_ref();
                    let since = basis
                        .map(|b| {
                            if b.event.is_change() {
                                format!("{} {}", b.event, b.date)
                            } else if d.status.carried_forward {
                                format!("by {} (carried forward)", b.date)
                            } else {
                                format!("by {}", b.date)
                            }
                        })
                        .or_else(|| d.status.reason.clone())
                        .unwrap_or_default();
                    writeln!(
                        w,
                        "  {}  {:<32} {:<10} {}",
                        d.state, d.name, d.status.status, since
                    )?;
                }
                Ok(())
            };
            list(w, "without relations", &|s| s.is_without())?;
            list(w, "unknown", &|s| s == Status::Unknown)?;
            let partners: Vec<&str> = r.partners.iter().map(|c| c.as_str()).collect();
            writeln!(w, "\npartners ({}):", partners.len())?;
            for chunk in partners.chunks(16) {
                writeln!(w, "  {}", chunk.join(" "))?;
            }
            if let Some(by) = &r.recognized_by {
                let v: Vec<String> = by
                    .iter()
                    .map(|c| format!("{} ({})", name(g, *c), c))
                    .collect();
                writeln!(w, "\nrecognized by {} states: {}", by.len(), v.join(", "))?;
            }
            // a number a source states, not the answer: said as such, with its source and day;
            // for a state with limited recognition the numbers are of recognitions
            let counted = if r.recognized_by.is_some() {
                "states recognizing it"
            } else {
                "partners"
            };
            for s in &r.stated_counts {
                let among = match s.universe {
                    diplograph_model::Universe::Un => " among UN members",
                    diplograph_model::Universe::Nonun => " among states outside the UN",
                    diplograph_model::Universe::All => "",
                };
                writeln!(
                    w,
                    "\nstated by a source, not counted here: {} {counted}{among} as of {} ({} {}: \u{201c}{}\u{201d})",
                    s.count.unwrap_or(0),
                    s.as_of,
                    s.source.publisher,
                    if s.source.url.is_empty() {
                        &s.source.citation
                    } else {
                        &s.source.url
                    },
                    diplograph_read::text::clip(&s.source.quote, 160)
                )?;
            }
            for c in &r.conflicts {
                writeln!(w, "\nconflict: {}-{}: {}", c.first.a, c.first.b, c.message)?;
            }
            Ok(())
        }
    }
}

/// A pair's history up to `day` (today unless `--as-of`) and its status on that day.
pub fn history(w: &mut impl Write, out: Out, g: &Graph, h: &History, day: Day) -> Result<()> {
    match out {
        Out::Json => {
            let doc = diplograph_api::PairDoc {
                history: h,
                as_of: Date::from_day(day),
                status: g.status(h.a, h.b, day).status,
            };
            json_out(w, &doc)
        }
        Out::Csv => {
            let mut c = csv_writer(w);
            c.write_record([
                "a",
                "b",
                "status",
                "from",
                "from_precision",
                "to",
                "to_precision",
                "sources",
            ])?;
            for i in &h.history {
                let s: Vec<String> = i.sources.iter().map(cite).collect();
                c.write_record([
                    h.a.as_str(),
                    h.b.as_str(),
                    i.status.as_str(),
                    &i.from.map(|d| d.to_string()).unwrap_or_default(),
                    i.from_precision.unwrap_or(""),
                    &i.to.map(|d| d.to_string()).unwrap_or_default(),
                    i.to_precision.unwrap_or(""),
                    &s.join(" | "),
                ])?;
            }
            c.flush()?;
            Ok(())
        }
        Out::Table => {
            writeln!(
                w,
                "{} ({}) and {} ({})",
                name(g, h.a),
                h.a,
                name(g, h.b),
                h.b
            )?;
            if h.history.is_empty() {
                writeln!(w, "no relations facts about this pair")?;
            }
            for i in &h.history {
                let from = match (i.from, i.from_precision) {
                    (Some(d), Some("before")) => format!("by {d}"),
                    (Some(d), _) => format!("from {d}"),
                    (None, _) => "before".to_string(),
                };
                let to =
                    i.to.map(|d| format!(" to {d}"))
                        .unwrap_or_else(|| " to now".into());
                writeln!(w, "\n{:<10} {from}{to}", i.status.as_str())?;
                for s in &i.sources {
                    writeln!(w, "    {}", cite(s))?;
                }
            }
            if !h.recognition.is_empty() {
                writeln!(w, "\nrecognition:")?;
                for e in &h.recognition {
                    writeln!(w, "  {} {} {} on {}", e.a, e.event, e.b, e.date)?;
                    for s in &e.sources {
                        writeln!(w, "    {}", cite(s))?;
                    }
                }
            }
            for c in &h.conflicts {
                writeln!(w, "\nconflict: {}", c.message)?;
            }
            let on = g.status(h.a, h.b, day);
            writeln!(w, "\non {day}: {}", on.status)?;
            Ok(())
        }
    }
}

pub fn timeline(
    w: &mut impl Write,
    out: Out,
    g: &Graph,
    code: Code,
    years: &[YearCount],
) -> Result<()> {
    match out {
        Out::Json => json_out(w, &diplograph_api::TimelineDoc { state: code, years }),
        Out::Csv => {
            let mut c = csv_writer(w);
            c.write_record([
                "state", "year", "partners", "without", "unknown", "of", "changes",
            ])?;
            for y in years {
                let ch: Vec<String> = y
                    .changes
                    .iter()
                    .map(|c| format!("{} {} {} {}", c.date, c.a, c.event, c.b))
                    .collect();
                c.write_record([
                    code.as_str(),
                    &y.year.to_string(),
                    &y.partners.to_string(),
                    &y.without.to_string(),
                    &y.unknown.to_string(),
                    &y.of.to_string(),
                    &ch.join("; "),
                ])?;
            }
            c.flush()?;
            Ok(())
        }
        Out::Table => {
            writeln!(
                w,
                "{} ({}): partners at the end of each year",
                name(g, code),
                code
            )?;
            writeln!(
                w,
                "{:<6} {:>8} {:>8} {:>8} {:>5}  changes",
                "year", "partners", "without", "unknown", "of"
            )?;
            for y in years {
                let ch: Vec<String> = y
                    .changes
                    .iter()
                    .map(|c| format!("{} {} {} {}", c.date, c.a, c.event, c.b))
                    .collect();
                writeln!(
                    w,
                    "{:<6} {:>8} {:>8} {:>8} {:>5}  {}",
                    y.year,
                    y.partners,
                    y.without,
                    y.unknown,
                    y.of,
                    ch.join(", ")
                )?;
            }
            Ok(())
        }
    }
}

pub fn exclusive(
    w: &mut impl Write,
    out: Out,
    g: &Graph,
    x: &Exclusive,
    years: Option<&[(i16, Exclusive)]>,
) -> Result<()> {
    match out {
        Out::Json => {
            let timeline = years.map(|ys| {
                ys.iter()
                    .map(|(year, e)| diplograph_api::ExclusiveYear {
                        year: *year,
                        count: e.count,
                        states: &e.states,
                        undetermined: &e.undetermined,
                    })
                    .collect()
            });
            json_out(
                w,
                &diplograph_api::ExclusiveDoc {
                    exclusive: x,
                    timeline,
                },
            )
        }
        Out::Csv => {
            let mut c = csv_writer(w);
            c.write_record(["year", "state", "rival", "other", "other_name", "status"])?;
            let rows: Vec<(String, &Exclusive)> = match years {
                Some(ys) => ys.iter().map(|(y, e)| (y.to_string(), e)).collect(),
                None => vec![(x.as_of.to_string(), x)],
            };
            for (y, e) in rows {
                for (list, label) in [(&e.states, "exclusive"), (&e.undetermined, "undetermined")] {
                    for o in list {
                        c.write_record([
                            y.as_str(),
                            e.state.as_str(),
                            e.rival.as_str(),
                            o.as_str(),
                            &name(g, *o),
                            label,
                        ])?;
                    }
                }
            }
            c.flush()?;
            Ok(())
        }
        Out::Table => {
            writeln!(
                w,
                "in relations with {} ({}) but not with {} ({}), as of {}: {}",
                name(g, x.state),
                x.state,
                name(g, x.rival),
                x.rival,
                x.as_of,
                x.count
            )?;
            for o in &x.states {
                writeln!(w, "  {}  {}", o, name(g, *o))?;
            }
            if !x.undetermined.is_empty() {
                let v: Vec<&str> = x.undetermined.iter().map(|c| c.as_str()).collect();
                writeln!(
                    w,
                    "undetermined (relations with {} unknown): {}",
                    x.rival,
                    v.join(" ")
                )?;
            }
            if let Some(ys) = years {
                writeln!(
                    w,
                    "\n{:<6} {:>6} {:>13}  states",
                    "year", "count", "undetermined"
                )?;
                for (y, e) in ys {
                    let v: Vec<&str> = e.states.iter().map(|c| c.as_str()).collect();
                    writeln!(
                        w,
                        "{:<6} {:>6} {:>13}  {}",
                        y,
                        e.count,
                        e.undetermined.len(),
                        v.join(" ")
                    )?;
                }
            }
            Ok(())
        }
    }
}

pub fn facts_tsv(w: &mut impl Write, facts: &[Fact]) -> Result<()> {
    writeln!(w, "{}", diplograph_baseline::FACT_HEADER.join("\t"))?;
    for f in facts {
        let s = &f.source;
        let clean = |t: &str| t.replace(['\t', '\n'], " ");
        writeln!(
            w,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            f.a,
            f.b,
            f.event,
            f.date,
            clean(if s.url.is_empty() {
                &s.citation
            } else {
                &s.url
            }),
            clean(&s.publisher),
            s.published.map(|d| d.to_string()).unwrap_or_default(),
            clean(&s.quote)
        )?;
    }
    Ok(())
}

/// Every sourced pair fact, one row per source, for `state` (or all), with `as_of` only the
/// facts that had happened by then (a "1987" fact by 1987-12-31); pairs in code order.
pub fn exported(g: &Graph, state: Option<Code>, as_of: Option<Day>) -> Vec<(&Entry, &Cited)> {
    let mut rows = Vec::new();
    let mut pairs: Vec<_> = g
        .pairs()
        .filter(|((a, b), _)| state.is_none_or(|s| s == *a || s == *b))
        .collect();
    pairs.sort_by_key(|(k, _)| **k);
    for (_, p) in pairs {
        for e in p
            .entries
            .iter()
            .filter(|e| as_of.is_none_or(|d| e.date.last_day() <= d))
        {
            for s in &e.sources {
                if s.set_statement.is_some() {
                    continue; // derived from a set fact: exported as its set fact, not per pair
                }
                rows.push((e, s));
            }
        }
    }
    rows
}

/// `export --format json|csv`: the facts of [`exported`].
pub fn export_facts(
    w: &mut impl Write,
    as_json: bool,
    g: &Graph,
    state: Option<Code>,
    as_of: Option<Day>,
) -> Result<()> {
    let rows = exported(g, state, as_of);
    if as_json {
        json_out(w, &export_doc(&rows))
    } else {
        export_csv(w, &rows)
    }
}

/// The export document of some exported rows.
pub fn export_doc<'a>(rows: &[(&'a Entry, &'a Cited)]) -> diplograph_api::ExportDoc<'a> {
    rows.iter()
        .map(|(e, s)| diplograph_api::ExportedFact {
            a: e.a,
            b: e.b,
            event: e.event,
            date: e.date,
            date_precision: e.date.precision(),
            source: s,
        })
        .collect()
}

/// Exported rows as CSV, one line per source.
pub fn export_csv(w: &mut impl Write, rows: &[(&Entry, &Cited)]) -> Result<()> {
    let mut c = csv_writer(w);
    c.write_record([
        "a",
        "b",
        "event",
        "date",
        "date_precision",
        "source_url",
        "publisher",
        "published",
        "quote",
        "citation",
        "origin",
    ])?;
    for (e, s) in rows {
        c.write_record([
            e.a.as_str(),
            e.b.as_str(),
            e.event.as_str(),
            &e.date.to_string(),
            e.date.precision().as_str(),
            &s.source.url,
            &s.source.publisher,
            &s.source
                .published
                .map(|d| d.to_string())
                .unwrap_or_default(),
            &s.source.quote,
            &s.source.citation,
            &s.origin.to_string(),
        ])?;
    }
    c.flush()?;
    Ok(())
}

/// Dyad-years as peacesciencer users know them: every pair of states that both exist on 31
/// December of a year (not only pairs with a fact), with COW, Gleditsch–Ward and ISO codes (a
/// code a state lacks left empty, the state kept), and the pair's status then (NA where unknown).
pub fn dyad_years(
    w: &mut impl Write,
    g: &Graph,
    state: Option<Code>,
    years: (i16, i16),
    directed: bool,
) -> Result<()> {
    let mut c = csv_writer(w);
    c.write_record([
        "ccode1",
        "ccode2",
        "gwcode1",
        "gwcode2",
        "iso1",
        "iso2",
        "year",
        "relations",
        "status",
    ])?;
    // every state, by COW code as peacesciencer orders dyads; those without one (Palestine,
    // the Cook Islands...) after them, by Gleditsch–Ward code, then ISO code
    let mut states: Vec<&State> = g.states().all().iter().collect();
    states.sort_by_key(|s| (s.cow.unwrap_or(u16::MAX), s.gw.unwrap_or(u16::MAX), s.code));
    let code = |x: Option<u16>| x.map(|x| x.to_string()).unwrap_or_default();
    for (i, sa) in states.iter().enumerate() {
        for sb in &states[i + 1..] {
            if state.is_some_and(|s| s != sa.code && s != sb.code) {
                continue;
            }
            for y in years.0..=years.1 {
                let day = Day::new(y, 12, 31).expect("valid");
                if !sa.exists_on(day) || !sb.exists_on(day) {
                    continue;
                }
                let st = g.status(sa.code, sb.code, day).status;
                let rel = match st {
                    Status::Relations => "1",
                    Status::Unknown => "NA",
                    _ => "0",
                };
                let orders: &[(&State, &State)] = if directed {
                    &[(sa, sb), (sb, sa)]
                } else {
                    &[(sa, sb)]
                };
                for (x, z) in orders {
                    c.write_record([
                        code(x.cow),
                        code(z.cow),
                        code(x.gw),
                        code(z.gw),
                        x.code.to_string(),
                        z.code.to_string(),
                        y.to_string(),
                        rel.to_string(),
                        st.to_string(),
                    ])?;
                }
            }
        }
    }
    c.flush()?;
    Ok(())
}
