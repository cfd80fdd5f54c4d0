//! One article to rows: which tables list diplomatic relations, each row's partner, dates,
//! reference and notes, and the breaks and restorations that the notes and the bilateral
//! sections' prose state, read with the project's reader.

use std::collections::HashMap;

use diplograph_graph::States;
use diplograph_model::{Code, Date, Day, Event};
use diplograph_read::Lexicon;

use crate::dates::{self, Cell};
use crate::markup;
use crate::prose::{prose_without_tables, read_breaks, speaks_of_break, without_lists};
use crate::table;

/// A row's reference, from its `{{cite …}}` (or a bare link).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reference {
    pub url: String,
    pub publisher: String,
    pub title: String,
    pub date: Option<Date>,
}

/// Whether a reference is an unofficial office's page: a trade office or an "economic and
/// cultural office" stands for ties without diplomatic relations (Taiwan's partners').
fn unofficial_office(r: &Reference) -> bool {
    let text = format!("{} {}", r.title, r.url).to_lowercase();
    [
        "trade office",
        "economic and cultural office",
        "cultural office",
        "trade services",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// Where a row stands: article, section, table and row numbers (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowPlace {
    pub section: String,
    pub table: usize,
    pub row: usize,
}

/// One dated statement an article makes about a pair.
#[derive(Debug, Clone)]
pub struct Found {
    pub home: Code,
    pub partner: Code,
    /// `a` acts on `b` for directed events.
    pub a: Code,
    pub b: Code,
    pub event: Event,
    pub date: Date,
    pub place: RowPlace,
    /// Other rows of the same article that state the same event on the same date.
    pub also: Vec<RowPlace>,
    pub reference: Option<Reference>,
    /// For events read from notes or prose: the sentence as the page renders it.
    pub quote: Option<String>,
    /// Where the fact was read.
    pub from: Part,
}

/// Where in an article a fact was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A table's cells.
    Table,
    /// A row's notes, read with the reader.
    Notes,
    /// A bilateral section's prose, read with the reader.
    Prose,
}

/// What one article gave.
#[derive(Debug, Default)]
pub struct Extracted {
    pub found: Vec<Found>,
    /// Partners named in the article's complete list(s) of relations (empty when it has none).
    pub listed: Vec<Code>,
    pub has_complete_list: bool,
    /// Every partner named in any relations table row, listed or not.
    pub named: Vec<Code>,
    /// Partners whose row says there are no relations.
    pub no_relations: Vec<(Code, RowPlace)>,
    /// Partners whose notes or prose speak of a break the reader could not date.
    pub undated_breaks: Vec<(Code, RowPlace, String)>,
    pub tables: usize,
    pub rows: usize,
    pub notes: Vec<String>,
    /// Rows whose table dates the establishment and whose notes say something: the notes'
    /// prose with the table's date, labelled data for scoring the reader (`eval --wikipedia`).
    pub prose_rows: Vec<ProseRow>,
}

/// A row's notes beside the establishment its table dates.
#[derive(Debug, Clone)]
pub struct ProseRow {
    pub partner: Code,
    /// The table's (first) establishment date.
    pub established: Date,
    /// The notes as the page renders them.
    pub text: String,
    pub place: RowPlace,
}

impl Extracted {
    /// Records what the reader (or the topic rule) found in notes or prose, quoted.
    fn push_read(
        &mut self,
        home: Code,
        partner: Code,
        place: &RowPlace,
        read: &[crate::prose::Read],
        from: Part,
    ) {
        for (event, a, b, date, quote) in read {
            self.found.push(Found {
                home,
                partner,
                a: *a,
                b: *b,
                event: *event,
                date: *date,
                place: place.clone(),
                also: Vec::new(),
                reference: None,
                quote: Some(quote.clone()),
                from,
            });
        }
    }
}

/// Words of a heading or intro that make a table a list of relations.
fn is_relations_heading(path: &[String]) -> bool {
    path.iter().any(|h| {
        let h = h.to_ascii_lowercase();
        h.contains("diplomatic relations")
            || h.contains("bilateral")
            || h.contains("relations by")
            || h.contains("relations with")
            || h.contains("countries")
            || matches!(
                h.as_str(),
                "africa"
                    | "americas"
                    | "the americas"
                    | "asia"
                    | "europe"
                    | "oceania"
                    | "middle east"
                    | "north america"
                    | "south america"
                    | "asia-pacific"
                    | "asia–pacific"
            )
    })
}

/// Headings whose tables are not about relations between states.
fn is_excluded_heading(path: &[String]) -> bool {
    path.iter().any(|h| {
        let h = h.to_ascii_lowercase();
        [
            "see also",
            "reference",
            "multilateral",
            "organization",
            "organisation",
            "visit",
            "trade",
            "mission",
            "embass",
            "further reading",
            "external links",
            "dispute",
            "aid",
        ]
        .iter()
        .any(|w| h.contains(w))
            && !h.contains("diplomatic relations")
    })
}

const PARTNER_HEADS: &[&str] = &["country", "state", "nation", "partner", "countries"];
const DATE_HEADS: &[&str] = &[
    "date",
    "formal",
    "relations",
    "established",
    "began",
    "since",
    "year",
];

#[derive(Debug, Clone, Copy)]
struct Group {
    partner: usize,
    date: Option<usize>,
    notes: Option<usize>,
    recognition: bool,
}

/// Column groups of a table: each partner column with the date and notes columns after it.
/// `width` is the usual number of cells in a data row: header cells beyond it on the left (an
/// image spanning the columns) are not columns.
fn groups(header: &[String], width: usize) -> Vec<Group> {
    let skip = header.len().saturating_sub(width.max(1));
    let head: Vec<String> = header[skip..]
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let partner_cols: Vec<usize> = head
        .iter()
        .enumerate()
        .filter(|(_, h)| PARTNER_HEADS.iter().any(|p| h.starts_with(p)))
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    for (k, &p) in partner_cols.iter().enumerate() {
        let end = partner_cols.get(k + 1).copied().unwrap_or(head.len());
        let date = (p + 1..end).find(|&i| DATE_HEADS.iter().any(|d| head[i].contains(d)));
        let notes = (p + 1..end).find(|&i| head[i].contains("note"));
        let recognition = date.is_some_and(|i| head[i].contains("recogni"));
        out.push(Group {
            partner: p,
            date,
            notes,
            recognition,
        });
    }
    out
}

/// The most common number of cells in a row.
fn usual_width(rows: &[Vec<&str>]) -> usize {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for r in rows {
        *counts.entry(r.len()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(w, n)| (n, w))
        .map_or(0, |(w, _)| w)
}

/// A partner cell's state: the flag template's country, else the first link, else the text.
fn partner_name(cell: &str) -> String {
    for (_, t) in markup::templates(cell) {
        let n = t.name.as_str();
        if n.starts_with("flag") && !matches!(n, "flagicon image") || n.starts_with("#invoke:flag")
        {
            if let Some(p) = t.positional().into_iter().find(|p| !p.is_empty()) {
                return markup::plain(p).trim().to_string();
            }
        }
    }
    if let Some(i) = cell.find("[[") {
        if let Some(e) = markup::construct_end(cell, i) {
            let inner = &cell[i + 2..e - 2];
            return markup::plain(markup::split_top(inner, "|")[0])
                .trim()
                .to_string();
        }
    }
    markup::plain(cell).trim().to_string()
}

/// Names Wikipedia's tables use that the state list does not carry, each with the state
/// diplograph keeps it under (continuators as the Correlates of War has them).
const HISTORICAL: &[(&str, &str)] = &[
    ("soviet union", "RUS"),
    ("ussr", "RUS"),
    ("yugoslavia", "SRB"),
    ("sfr yugoslavia", "SRB"),
    ("fr yugoslavia", "SRB"),
    ("federal republic of yugoslavia", "SRB"),
    ("serbia and montenegro", "SRB"),
    ("zaire", "COD"),
    ("ceylon", "LKA"),
    ("dahomey", "BEN"),
    ("upper volta", "BFA"),
    ("west germany", "DEU"),
    ("federal republic of germany", "DEU"),
    ("khmer republic", "KHM"),
    ("kampuchea", "KHM"),
    ("east timor", "TLS"),
    ("republic of the congo", "COG"),
    ("congo brazzaville", "COG"),
    ("democratic republic of the congo", "COD"),
    ("congo kinshasa", "COD"),
    ("the gambia", "GMB"),
    ("the bahamas", "BHS"),
    ("federated states of micronesia", "FSM"),
    ("people s republic of china", "CHN"),
    ("prc", "CHN"),
    ("sahrawi arab democratic republic", "ESH"),
    ("sadr", "ESH"),
    ("georgia country", "GEO"),
    ("state of palestine", "PSE"),
    ("vatican city", "VAT"),
    ("holy see", "VAT"),
];

/// Names that are not states and are skipped with a note, not reported as unknown.
const NOT_STATES: &[&str] = &[
    "sovereign military order of malta",
    "sovereign order of malta",
    "order of malta",
    "hong kong",
    "macau",
    "macao",
    "greenland",
    "faroe islands",
    "puerto rico",
    "new caledonia",
    "aruba",
    "curacao",
    "bermuda",
    "donetsk people s republic",
    "luhansk people s republic",
    "arab league",
    "smom",
    "european union",
    "united nations",
    "african union",
];

/// Resolves a name to a state; `Err` says why not (a non-state entity, unknown, ambiguous).
pub fn resolve(states: &States, name: &str) -> Result<Code, String> {
    let name = name.trim();
    let bare = match name.find(" (") {
        Some(i) if name.ends_with(')') => &name[..i],
        _ => name,
    };
    let folded = diplograph_graph::fold(bare);
    if folded.is_empty() {
        return Err("no partner named".to_string());
    }
    if NOT_STATES.contains(&folded.as_str()) {
        return Err(format!("{name:?} is not a state: skipped"));
    }
    if let Some((_, c)) = HISTORICAL.iter().find(|(n, _)| *n == folded) {
        return c.parse::<Code>().map_err(|e| e.to_string());
    }
    let folded_no_the = folded.strip_prefix("the ").unwrap_or(&folded);
    match states.resolve(folded_no_the) {
        Ok(s) => Ok(s.code),
        Err(e) => Err(e.to_string()),
    }
}

fn cite_reference(body: &str) -> Option<Reference> {
    for (_, t) in markup::templates(body) {
        if !t.name.starts_with("cite") && t.name != "citation" {
            continue;
        }
        let get = |k: &str| t.named(k).map(|v| markup::plain(v).trim().to_string());
        let date = get("date")
            .and_then(|d| dates::parse_text(&d).map(|x| x.0))
            .or_else(|| get("year").and_then(|d| dates::parse_text(&d).map(|x| x.0)));
        let publisher = [
            "publisher",
            "website",
            "work",
            "newspaper",
            "journal",
            "agency",
        ]
        .iter()
        .find_map(|k| get(k).filter(|v| !v.is_empty()))
        .unwrap_or_default();
        return Some(Reference {
            url: get("url").unwrap_or_default(),
            publisher,
            title: get("title").unwrap_or_default(),
            date,
        });
    }
    // A bare external link: [https://… Title]
    let i = body.find("[http")?;
    let inner = &body[i + 1..i + body[i..].find(']')?];
    let (url, title) = inner.split_once(' ').unwrap_or((inner, ""));
    Some(Reference {
        url: url.to_string(),
        title: markup::plain(title).trim().to_string(),
        ..Reference::default()
    })
}

fn row_reference(cells: &[&str], named: &HashMap<String, String>) -> Option<Reference> {
    for c in cells {
        for r in markup::refs(c) {
            let body = r
                .body
                .filter(|b| !b.trim().is_empty())
                .or_else(|| r.name.as_ref().and_then(|n| named.get(n).cloned()));
            if let Some(reference) = body.as_deref().and_then(cite_reference) {
                return Some(reference);
            }
        }
    }
    None
}

/// Reads one article. `home` is the state the article is about.
pub fn article(
    text: &str,
    home: Code,
    snapshot: Day,
    states: &States,
    lexicon: &Lexicon,
) -> Extracted {
    let text = markup::strip_comments(text);
    let named = markup::named_refs(&text);
    let mut x = Extracted::default();
    let mut table_no = 0;
    for section in table::sections(&text) {
        let heading = section.path.last().cloned().unwrap_or_default();
        if is_excluded_heading(&section.path) {
            continue;
        }
        let relations_heading = is_relations_heading(&section.path);
        let tables = table::tables(section.body);
        for tab in &tables {
            table_no += 1;
            let width = usual_width(&tab.rows);
            let gs = groups(&tab.header, width);
            let head_skip = tab.header.len().saturating_sub(width.max(1));
            if gs.is_empty() || !gs.iter().any(|g| g.date.is_some()) {
                continue;
            }
            let intro = markup::plain(tab.intro).to_ascii_lowercase();
            let complete = relations_heading
                && heading
                    .to_ascii_lowercase()
                    .contains("diplomatic relations")
                && (intro.contains("maintains diplomatic relations")
                    || intro.contains("has diplomatic relations")
                    || intro.contains("established diplomatic relations")
                    || intro.contains("list of countries")
                    || tab.header.iter().any(|h| h == "#" || h == "No."));
            let relations_column = gs.iter().filter_map(|g| g.date).any(|i| {
                let h = tab.header[head_skip + i].to_ascii_lowercase();
                ["relation", "establish", "began", "formal"]
                    .iter()
                    .any(|w| h.contains(w))
            });
            if !relations_heading && !complete && !relations_column {
                continue;
            }
            x.tables += 1;
            if tab.unclosed {
                x.notes.push(format!(
                    "section {heading:?}, table {table_no}: the table is never closed (a truncated file?); its rows are read as far as they go"
                ));
            }
            if complete {
                x.has_complete_list = true;
            }
            for (ri, row) in tab.rows.iter().enumerate() {
                let row_no = ri + 1;
                let place = RowPlace {
                    section: heading.clone(),
                    table: table_no,
                    row: row_no,
                };
                let reference = row_reference(row, &named).or_else(|| {
                    // A reference in the date column's heading covers every row.
                    let g = gs.iter().find_map(|g| g.date)?;
                    row_reference(&tab.header_raw[head_skip + g..=head_skip + g], &named)
                });
                for g in &gs {
                    let Some(pcell) = row.get(g.partner) else {
                        continue;
                    };
                    let pname = partner_name(pcell);
                    if pname.is_empty() {
                        continue;
                    }
                    x.rows += 1;
                    let partner = match resolve(states, &pname) {
                        Ok(c) if c == home => continue,
                        Ok(c) => c,
                        Err(why) => {
                            x.notes.push(format!(
                                "section {heading:?}, table {table_no}, row {row_no}: {why}"
                            ));
                            continue;
                        }
                    };
                    x.named.push(partner);
                    let dcell = g.date.and_then(|i| row.get(i)).copied().unwrap_or("");
                    let ncell = g.notes.and_then(|i| row.get(i)).copied().unwrap_or("");
                    let cell = dates::read_cell(dcell);
                    let mut last_change = None;
                    let mut established: Option<Date> = None;
                    match &cell {
                        Cell::Empty => {}
                        Cell::NoRelations => x.no_relations.push((partner, place.clone())),
                        Cell::Unreadable(t) => x.notes.push(format!(
                            "section {heading:?}, table {table_no}, row {row_no} ({pname}): no date in {:?}",
                            diplograph_read::text::clip(t, 60)
                        )),
                        Cell::Dates(ds) => {
                            let mut kept = 0;
                            for d in ds {
                                // "1280 (Yuan dynasty)" is history before one of the states
                                // existed, not the establishment of their relations. Later
                                // dates before a state's begin are its predecessor's (Saudi
                                // Arabia's Hejaz and Nejd, Czechoslovakia) and stay, as the
                                // tables attribute them.
                                let born = [home, partner]
                                    .iter()
                                    .filter_map(|c| states.get(*c).and_then(|s| s.begin))
                                    .max();
                                if d.date.year_number() < 1816
                                    && born.is_some_and(|b| d.date.last_day() < b.first_day())
                                {
                                    x.notes.push(format!(
                                        "section {heading:?}, table {table_no}, row {row_no} ({pname}): {} is before one of the two states existed: left out",
                                        d.date
                                    ));
                                    continue;
                                }
                                let event = if g.recognition && d.event == Event::Establish {
                                    Event::Recognize
                                } else {
                                    d.event
                                };
                                let (a, b) = match event {
                                    Event::Recognize => (partner, home),
                                    _ => (home, partner),
                                };
                                // A second "establishment" without a word of its own is a
                                // restoration when a break came between, and otherwise
                                // restates the first (a legation raised to an embassy).
                                let event = match (kept, event, last_change) {
                                    (0, e, _) => e,
                                    (
                                        _,
                                        Event::Establish,
                                        Some(Event::Sever | Event::Suspend),
                                    ) => Event::Restore,
                                    (_, Event::Establish, _) => continue,
                                    (_, e, _) => e,
                                };
                                // a row whose reference is an unofficial office ("Canadian
                                // Trade Office in Taipei") dates that office, not relations
                                if matches!(event, Event::Establish | Event::Restore)
                                    && reference.as_ref().is_some_and(unofficial_office)
                                {
                                    x.notes.push(format!(
                                        "section {heading:?}, table {table_no}, row {row_no}: {event} {} with {} not kept: its reference names an unofficial office ({:?})",
                                        d.date,
                                        partner,
                                        reference.as_ref().map_or("", |r| r.title.as_str())
                                    ));
                                    continue;
                                }
                                kept += 1;
                                if event.status_after().is_some() {
                                    last_change = Some(event);
                                }
                                if event == Event::Establish && established.is_none() {
                                    established = Some(d.date);
                                }
                                x.found.push(Found {
                                    home,
                                    partner,
                                    a,
                                    b,
                                    event,
                                    date: d.date,
                                    place: place.clone(),
                                    also: Vec::new(),
                                    reference: reference.clone(),
                                    quote: None,
                                    from: Part::Table,
                                });
                            }
                        }
                    }
                    // The notes: breaks and restorations, read with the reader.
                    let notes_text = markup::plain(ncell);
                    if let Some(established) = established.filter(|_| !notes_text.trim().is_empty())
                    {
                        x.prose_rows.push(ProseRow {
                            partner,
                            established,
                            text: notes_text.clone(),
                            place: place.clone(),
                        });
                    }
                    let read = read_breaks(&notes_text, home, partner, snapshot, lexicon);
                    if let Some(r) = read.last() {
                        last_change = Some(r.0);
                    }
                    x.push_read(home, partner, &place, &read, Part::Notes);
                    let dated_break = matches!(&cell, Cell::Dates(ds) if ds.iter().any(|d| matches!(d.event, Event::Sever | Event::Suspend)))
                        || read
                            .iter()
                            .any(|r| matches!(r.0, Event::Sever | Event::Suspend));
                    if !dated_break {
                        if let Some(s) = speaks_of_break(&notes_text, home, partner, lexicon) {
                            x.undated_breaks.push((partner, place.clone(), s));
                        }
                    }
                    let listed_now = complete
                        && !matches!(cell, Cell::NoRelations)
                        && !matches!(last_change, Some(Event::Sever | Event::Suspend));
                    if listed_now {
                        x.listed.push(partner);
                    }
                }
            }
        }
        // Lists of states without relations: a section so headed, or bullets after a sentence
        // that says so ("Georgia has not yet established diplomatic relations with:").
        for (partner, what) in without_lists(&section.path, section.body, states) {
            if partner != home {
                x.no_relations.push((
                    partner,
                    RowPlace {
                        section: format!("{heading}: {what}"),
                        table: 0,
                        row: 0,
                    },
                ));
            }
        }
        // Bilateral prose: a section named after a state (the article is about its relations).
        if !section.path.is_empty() {
            let Ok(partner) = resolve(states, &heading) else {
                continue;
            };
            if partner == home {
                continue;
            }
            let prose = prose_without_tables(section.body);
            let plain = markup::plain(&prose);
            let read = read_breaks(&plain, home, partner, snapshot, lexicon);
            let place = RowPlace {
                section: heading.clone(),
                table: 0,
                row: 0,
            };
            x.push_read(home, partner, &place, &read, Part::Prose);
            if !read
                .iter()
                .any(|r| matches!(r.0, Event::Sever | Event::Suspend))
            {
                if let Some(s) = speaks_of_break(&plain, home, partner, lexicon) {
                    x.undated_breaks.push((partner, place, s));
                }
            }
        }
    }
    // A list names a partner as one it "maintains relations with", unless the article dates a
    // break after the last restoration (a row elsewhere, its notes, or the prose).
    let broken: Vec<Code> = x
        .listed
        .iter()
        .copied()
        .filter(|&p| {
            x.found
                .iter()
                .filter(|f| f.partner == p && f.event.is_change())
                .filter(|f| f.event.status_after().is_some())
                .max_by_key(|f| (f.date, f.event != Event::Establish))
                .is_some_and(|f| matches!(f.event, Event::Sever | Event::Suspend))
        })
        .collect();
    x.listed.retain(|p| !broken.contains(p));
    // The same event on the same date in two tables of one article is one statement.
    let mut merged: Vec<Found> = Vec::with_capacity(x.found.len());
    let mut at: HashMap<(Code, Code, Event, Date), usize> = HashMap::new();
    for f in std::mem::take(&mut x.found) {
        let k = (f.a, f.b, f.event, f.date);
        match at.get(&k) {
            Some(&i) if f.from == Part::Table && merged[i].from == Part::Table => {
                merged[i].also.push(f.place);
                if merged[i].reference.is_none() {
                    merged[i].reference = f.reference;
                }
            }
            _ => {
                at.insert(k, merged.len());
                merged.push(f);
            }
        }
    }
    x.found = merged;
    x.listed.sort();
    x.listed.dedup();
    x.named.sort();
    x.named.dedup();
    x
}
