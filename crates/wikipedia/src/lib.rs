//! Wikipedia's "Foreign relations of X" articles to dated, cited facts.
//!
//! Each article's diplomatic-relations tables give, one row a partner, the day relations were
//! first established, often with a reference to a foreign ministry's list; bilateral tables and
//! sections add notes and prose on breaks and restorations. [`import`] turns a set of articles
//! into:
//! - pair facts: each row's establishment (and the severances, suspensions and restorations its
//!   date cell states), cited as a dataset row — article, snapshot day, section, table, row — with
//!   the row's reference; breaks and restorations the reader finds in notes and prose, quoted
//!   as the page renders them; `none` attestations where a row says there are no relations or
//!   where a complete list does not name a state that does not name it either; `interrupted`
//!   where notes speak of a break nobody dates;
//! - set facts: each complete list ("List of countries which X maintains diplomatic relations
//!   with") as an `includes` attestation on the snapshot day;
//! - a [`Report`]: rows read, one-line notes for every row it could not use, and both sides of
//!   every pair compared (agreements, conflicts, one-sided rows).
//!
//! Text is by Wikipedia's contributors under CC BY-SA 4.0; what is taken are dates and the
//! sentences quoted as evidence, with the attribution kept in every citation.
//!
//! ```
//! use diplograph_wikipedia::{import, Article, Config};
//! let b = diplograph_baseline::load().unwrap();
//! let states = diplograph_graph::States::new(b.states.clone());
//! let lexicon = diplograph_read::Lexicon::new(&b.states, &b.people);
//! let text = "==Diplomatic relations==\nList of countries which Ghana maintains diplomatic relations with:\n{|\n!#!!Country!!Date\n|-\n|1||{{flag|India}}||{{dts|6 March 1957}}\n|}\n";
//! let a = Article { title: "Foreign relations of Ghana".into(), file: "ghana.wiki".into(), text: text.into(), revision: None };
//! let cfg = Config { snapshot: Some("2025-11-26".parse().unwrap()) };
//! let out = import(&[a], &states, &lexicon, &cfg).unwrap();
//! assert_eq!(out.facts[0].date.to_string(), "1957-03-06");
//! assert_eq!(out.sets[0].members.len(), 1);
//! ```

pub mod dates;
mod extract;
mod load;
pub mod markup;
mod prose;
mod table;

use std::collections::{BTreeMap, HashMap, HashSet};

use diplograph_graph::States;
use diplograph_model::{
    Code, Date, Day, Event, Fact, Origin, SetFact, SetMode, Source, StateKind, Universe,
};
use diplograph_read::Lexicon;

pub use extract::{resolve, Found, Part, ProseRow, Reference, RowPlace};
pub use load::{load, parse_export};

/// One article's wikitext.
#[derive(Debug, Clone)]
pub struct Article {
    /// "Foreign relations of Ghana".
    pub title: String,
    /// The file it came from.
    pub file: String,
    pub text: String,
    /// The revision's day, where the file says (an XML export does).
    pub revision: Option<Day>,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path:?}: {message}")]
    Io { path: String, message: String },
    #[error("{file}: {message}")]
    Input { file: String, message: String },
    #[error("{file}: the article carries no revision day; give the day it was taken (--snapshot YYYY-MM-DD)")]
    NoSnapshot { file: String },
}

/// How articles are read.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The day the articles were taken, for files that do not say (JSON and raw wikitext).
    pub snapshot: Option<Day>,
}

/// Both sides' establishment dates for a pair that disagree.
#[derive(Debug, Clone)]
pub struct Disagreement {
    pub a: Code,
    pub b: Code,
    pub a_says: Date,
    pub b_says: Date,
    pub a_row: String,
    pub b_row: String,
}

/// What an import read and what it made of it.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: usize,
    pub tables: usize,
    pub rows: usize,
    pub from_tables: usize,
    pub from_notes: usize,
    pub from_prose: usize,
    /// Pairs listed with an establishment date by both sides that agree (at the coarser
    /// precision), that disagree, and listed with a date by one side only.
    pub agree: usize,
    pub conflicts: Vec<Disagreement>,
    pub one_sided: usize,
    pub complete_lists: usize,
    pub none_from_lists: usize,
    pub none_from_rows: usize,
    pub undated_breaks: usize,
    /// One line for every article or row that could not be used, and why.
    pub notes: Vec<String>,
}

/// What [`import`] makes of a set of articles.
#[derive(Debug, Default)]
pub struct Import {
    pub facts: Vec<Fact>,
    pub sets: Vec<SetFact>,
    pub report: Report,
}

/// The state an article is about, from its title.
/// The day an article was read: its revision's, else the run's `--snapshot`.
fn snapshot_of(art: &Article, cfg: &Config) -> Result<Day, Error> {
    art.revision
        .or(cfg.snapshot)
        .ok_or_else(|| Error::NoSnapshot {
            file: art.file.clone(),
        })
}

fn home_of(title: &str, states: &States) -> Result<Code, String> {
    let t = title.trim();
    let Some(rest) = t
        .strip_prefix("Foreign relations of ")
        .or_else(|| t.strip_prefix("Foreign Relations of "))
    else {
        return Err(format!(
            "{t:?} is not a \"Foreign relations of X\" article: skipped"
        ));
    };
    resolve(states, rest.strip_prefix("the ").unwrap_or(rest))
}

fn wiki_url(title: &str) -> String {
    format!("https://en.wikipedia.org/wiki/{}", title.replace(' ', "_"))
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ").trim().to_string()
}

fn place_text(p: &RowPlace, from: Part) -> String {
    match from {
        _ if p.table == 0 => format!("section {:?}", p.section),
        Part::Notes => format!(
            "section {:?}, table {}, row {}, notes",
            p.section, p.table, p.row
        ),
        _ => format!("section {:?}, table {}, row {}", p.section, p.table, p.row),
    }
}

fn source_for(f: &Found, title: &str, snapshot: Day) -> Source {
    let mut citation = format!(
        "Wikipedia {title:?} as of {snapshot}, {}",
        place_text(&f.place, f.from)
    );
    for p in &f.also {
        citation.push_str(&format!(
            " and {}",
            place_text(p, f.from).replace(&format!("section {:?}, ", f.place.section), "")
        ));
    }
    let mut url = String::new();
    let mut published = Date::from_day(snapshot);
    if let Some(r) = &f.reference {
        let mut bits = Vec::new();
        if !r.title.is_empty() {
            bits.push(format!("{:?}", diplograph_read::text::clip(&r.title, 90)));
        }
        if !r.publisher.is_empty() {
            bits.push(r.publisher.clone());
        }
        if let Some(d) = r.date {
            bits.push(d.to_string());
        }
        if !bits.is_empty() {
            citation.push_str(&format!("; reference: {}", bits.join(", ")));
        }
        url = r.url.clone();
        // The reference's date is when the fact was known, unless it comes before the fact
        // itself or after the snapshot (a reference cannot state what had not yet happened).
        if let Some(d) = r.date {
            if d.last_day() >= f.date.first_day() && d.first_day() <= snapshot {
                published = d;
            }
        }
    }
    if !url.starts_with("http://") && !url.starts_with("https://") {
        url.clear();
    }
    Source {
        url: clean(&url).into(),
        publisher: "Wikipedia".to_string().into(),
        published: Some(published),
        quote: f
            .quote
            .as_deref()
            .map(|q| clean(&diplograph_read::text::clip(q, 400)))
            .unwrap_or_default()
            .into(),
        citation: clean(&citation).into(),
    }
}

fn origin(file: &str) -> Origin {
    Origin::Baseline {
        file: file.to_string().into(),
        line: 0,
    }
}

/// Reads every article and reconciles both sides of every pair.
pub fn import(
    articles: &[Article],
    states: &States,
    lexicon: &Lexicon,
    cfg: &Config,
) -> Result<Import, Error> {
    let mut out = Import::default();
    // Per pair (ordered low, high): each side's first table establishment and its row.
    let mut sides: HashMap<(Code, Code), BTreeMap<Code, (Date, String)>> = HashMap::new();
    let mut named: HashMap<Code, HashSet<Code>> = HashMap::new();
    let mut complete: HashMap<Code, (String, Day, String)> = HashMap::new();
    let mut seen_home: HashSet<Code> = HashSet::new();
    for art in articles {
        let snapshot = snapshot_of(art, cfg)?;
        let home = match home_of(&art.title, states) {
            Ok(h) => h,
            Err(why) => {
                out.report.notes.push(format!("{}: {why}", art.file));
                continue;
            }
        };
        if !seen_home.insert(home) {
            out.report.notes.push(format!(
                "{}: a second article about {home}: skipped",
                art.file
            ));
            continue;
        }
        out.report.articles += 1;
        let x = extract::article(&art.text, home, snapshot, states, lexicon);
        out.report.tables += x.tables;
        out.report.rows += x.rows;
        out.report
            .notes
            .extend(x.notes.iter().map(|n| format!("{}: {n}", art.file)));
        if x.tables == 0 {
            out.report.notes.push(format!(
                "{}: no table of diplomatic relations found",
                art.file
            ));
        }
        named
            .entry(home)
            .or_default()
            .extend(x.named.iter().copied());
        let mut first_est: HashSet<Code> = HashSet::new();
        for f in &x.found {
            match f.from {
                Part::Notes => out.report.from_notes += 1,
                Part::Prose => out.report.from_prose += 1,
                Part::Table => out.report.from_tables += 1,
            }
            named.entry(home).or_default().insert(f.partner);
            if f.from == Part::Table
                && f.event == Event::Establish
                && !first_est.contains(&f.partner)
            {
                first_est.insert(f.partner);
                let key = if home < f.partner {
                    (home, f.partner)
                } else {
                    (f.partner, home)
                };
                sides.entry(key).or_default().insert(
                    home,
                    (
                        f.date,
                        format!("{:?} {}", art.title, place_text(&f.place, f.from)),
                    ),
                );
            }
            out.facts.push(Fact {
                a: f.a,
                b: f.b,
                event: f.event,
                date: f.date,
                source: source_for(f, &art.title, snapshot),
                origin: origin(&art.file),
            });
        }
        for (partner, place) in &x.no_relations {
            out.report.none_from_rows += 1;
            let f = Found {
                home,
                partner: *partner,
                a: home,
                b: *partner,
                event: Event::NoRelations,
                date: Date::from_day(snapshot),
                place: place.clone(),
                also: Vec::new(),
                reference: None,
                quote: None,
                from: Part::Table,
            };
            out.facts.push(Fact {
                a: home,
                b: *partner,
                event: Event::NoRelations,
                date: f.date,
                source: source_for(&f, &art.title, snapshot),
                origin: origin(&art.file),
            });
        }
        // A break nobody dates: unknown from the earliest day it can have happened, the
        // establishment this article gives.
        for (partner, place, sentence) in &x.undated_breaks {
            let est = x
                .found
                .iter()
                .filter(|f| f.partner == *partner && f.event == Event::Establish)
                .map(|f| f.date)
                .min();
            let Some(est) = est else {
                out.report.notes.push(format!(
                    "{}: section {:?}: a break with {partner} is spoken of, but there is no establishment date to place it after",
                    art.file, place.section
                ));
                continue;
            };
            out.report.undated_breaks += 1;
            let f = Found {
                home,
                partner: *partner,
                a: home,
                b: *partner,
                event: Event::Interrupted,
                date: est,
                place: place.clone(),
                also: Vec::new(),
                reference: None,
                quote: Some(sentence.clone()),
                from: if place.table == 0 {
                    Part::Prose
                } else {
                    Part::Notes
                },
            };
            out.facts.push(Fact {
                a: home,
                b: *partner,
                event: Event::Interrupted,
                date: est,
                source: source_for(&f, &art.title, snapshot),
                origin: origin(&art.file),
            });
        }
        if x.has_complete_list {
            out.report.complete_lists += 1;
            complete.insert(home, (art.title.clone(), snapshot, art.file.clone()));
            out.sets.push(SetFact {
                state: home,
                as_of: Date::from_day(snapshot),
                universe: Universe::All,
                mode: SetMode::Includes,
                members: x.listed.clone(),
                count: None,
                source: Source {
                    url: String::new().into(),
                    publisher: "Wikipedia".to_string().into(),
                    published: Some(Date::from_day(snapshot)),
                    quote: String::new().into(),
                    citation: format!(
                        "Wikipedia {:?} ({}) as of {snapshot}, section \"Diplomatic relations\": the states it lists as partners",
                        art.title,
                        wiki_url(&art.title)
                    ).into(),
                },
                origin: origin(&art.file),
            });
        }
    }
    // Both sides compared.
    let mut keys: Vec<&(Code, Code)> = sides.keys().collect();
    keys.sort();
    for k in keys {
        let s = &sides[k];
        match (s.get(&k.0), s.get(&k.1)) {
            (Some(x), Some(y)) => {
                if x.0.agrees_with(&y.0) {
                    out.report.agree += 1;
                } else {
                    out.report.conflicts.push(Disagreement {
                        a: k.0,
                        b: k.1,
                        a_says: x.0,
                        b_says: y.0,
                        a_row: x.1.clone(),
                        b_row: y.1.clone(),
                    });
                }
            }
            _ => out.report.one_sided += 1,
        }
    }
    // Complete lists that do not name each other: no relations on the snapshot day, among UN
    // members (observers and states with limited recognition are left out of this rule).
    let un: Vec<(Code, String)> = states
        .all()
        .iter()
        .filter(|s| s.kind == StateKind::Member)
        .map(|s| (s.code, s.name.clone()))
        .collect();
    let empty = HashSet::new();
    for (i, (a, _)) in un.iter().enumerate() {
        for (b, _) in &un[i + 1..] {
            let (na, nb) = (
                named.get(a).unwrap_or(&empty),
                named.get(b).unwrap_or(&empty),
            );
            if na.contains(b) || nb.contains(a) {
                continue;
            }
            for (x, y) in [(*a, *b), (*b, *a)] {
                let Some((title, snapshot, file)) = complete.get(&x) else {
                    continue;
                };
                let name = states.get(y).map(|s| s.name.as_str()).unwrap_or_default();
                let exists = states.get(y).is_some_and(|s| s.un_member_on(*snapshot));
                if !exists {
                    continue;
                }
                out.report.none_from_lists += 1;
                out.facts.push(Fact {
                    a: x,
                    b: y,
                    event: Event::NoRelations,
                    date: Date::from_day(*snapshot),
                    source: Source {
                        url: String::new().into(),
                        publisher: "Wikipedia".to_string().into(),
                        published: Some(Date::from_day(*snapshot)),
                        quote: String::new().into(),
                        citation: format!(
                            "Wikipedia {title:?} as of {snapshot}: its list of diplomatic relations does not name {name}, nor does {name}'s article name {x_name}",
                            x_name = states.get(x).map(|s| s.name.as_str()).unwrap_or_default()
                        ).into(),
                    },
                    origin: origin(file),
                });
            }
        }
    }
    out.report.notes.sort();
    Ok(out)
}

/// The import as the baseline's TSV files: pair facts (`wikipedia.facts.tsv`) and set facts
/// (`wikipedia.sets.tsv`), each headed by the attribution and licence notice.
pub fn to_tsv(imp: &Import) -> (String, String) {
    let notice = "# Derived from English Wikipedia's \"Foreign relations of X\" articles (text by Wikipedia contributors, CC BY-SA 4.0,\n# https://creativecommons.org/licenses/by-sa/4.0/); made by `diplograph import wikipedia` (crates/wikipedia); do not edit by hand.\n# Dates and the fact that two states established relations are facts; quoted sentences keep the licence and the attribution.\n";
    let mut facts = String::from(notice);
    facts.push_str(&diplograph_baseline::FACT_HEADER_CITED.join("\t"));
    facts.push('\n');
    let mut rows: Vec<String> = imp
        .facts
        .iter()
        .map(diplograph_baseline::fact_row)
        .collect();
    rows.sort();
    rows.dedup();
    for r in rows {
        facts.push_str(&r);
    }
    let mut sets = String::from(notice);
    sets.push_str(&diplograph_baseline::SET_HEADER_CITED.join("\t"));
    sets.push('\n');
    let mut srows: Vec<&SetFact> = imp.sets.iter().collect();
    srows.sort_by_key(|s| s.state);
    for s in srows {
        sets.push_str(&diplograph_baseline::set_row(s));
    }
    (facts, sets)
}

/// Every row's notes beside the establishment its table dates, by the article's state: the
/// labelled prose `eval --wikipedia` scores the reader on (articles about the same state twice,
/// or about no state, are left out as [`import`] leaves them).
pub fn prose_rows(
    articles: &[Article],
    states: &States,
    lexicon: &Lexicon,
    cfg: &Config,
) -> Result<Vec<(Code, extract::ProseRow)>, Error> {
    let mut out = Vec::new();
    let mut seen_home: HashSet<Code> = HashSet::new();
    for art in articles {
        let snapshot = snapshot_of(art, cfg)?;
        let Ok(home) = home_of(&art.title, states) else {
            continue;
        };
        if !seen_home.insert(home) {
            continue;
        }
        let x = extract::article(&art.text, home, snapshot, states, lexicon);
        out.extend(x.prose_rows.into_iter().map(|r| (home, r)));
    }
    Ok(out)
}

/// The report as Markdown, for `data/notes/`: the counts, every conflict between the two sides,
/// and every row that could not be used.
pub fn report_markdown(r: &Report, states: &States) -> String {
    let name = |c: Code| states.get(c).map(|s| s.name.clone()).unwrap_or_default();
    let mut s = String::new();
    s.push_str("# Wikipedia import: both sides compared\n\n");
    s.push_str("Made by `diplograph import wikipedia` from the \"Foreign relations of X\" articles in `../shared/data/wikipedia_foreign_relations` (English Wikipedia, CC BY-SA 4.0); do not edit by hand.\n\n");
    s.push_str(&format!(
        "- articles read: {}; relations tables: {}; rows: {}\n- facts from table cells: {}; from row notes (reader): {}; from bilateral prose (reader): {}\n- complete lists (\"maintains diplomatic relations with\"): {}\n- pairs dated by both sides that agree (at the coarser precision): {}\n- pairs dated by both sides that disagree (conflicts, kept and listed below): {}\n- pairs dated by one side only: {}\n- `none` from two lists that do not name each other: {}; from rows that say \"no relations\": {}\n- breaks spoken of without a date (`interrupted`, unknown from the establishment on): {}\n- rows and articles not used (listed at the end): {}\n\n",
        r.articles, r.tables, r.rows, r.from_tables, r.from_notes, r.from_prose, r.complete_lists,
        r.agree, r.conflicts.len(), r.one_sided, r.none_from_lists, r.none_from_rows,
        r.undated_breaks, r.notes.len()
    ));
    s.push_str("## Conflicts\n\n| pair | one side | other side |\n|---|---|---|\n");
    for c in &r.conflicts {
        s.push_str(&format!(
            "| {} – {} | {} in {} | {} in {} |\n",
            name(c.a),
            name(c.b),
            c.a_says,
            c.a_row.replace('|', "/"),
            c.b_says,
            c.b_row.replace('|', "/")
        ));
    }
    s.push_str("\n## Rows and articles not used\n\n");
    for n in &r.notes {
        s.push_str(&format!("- {}\n", n.replace('\n', " ")));
    }
    s
}
