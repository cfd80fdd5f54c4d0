//! The curated facts diplograph ships with: the TSV files under `data/`, embedded in the binary,
//! and the parser for their format (which user files imported with `import facts` share).
//!
//! Five kinds of file, each one fact a row with its source:
//! - `states-*.tsv`: states with their codes, names, capital, UN admission and existence dates;
//! - `facts/*.facts.tsv`: pair facts (`a b event date source_url publisher published quote`);
//! - `facts/*.sets.tsv`: set facts about a state's whole partner set;
//! - `groups.tsv`: memberships of states in groups (the EU, the Arab League, M49 regions), one
//!   period a row (`group state joined left source_url publisher published quote citation`);
//! - `reader/people.tsv`: leaders and foreign ministers and the state each speaks for, for the
//!   reader.
//!
//! ```
//! let b = diplograph_baseline::load().unwrap();
//! assert!(b.states.iter().any(|s| s.code.as_str() == "KOR"));
//! ```

mod scan;

use diplograph_model::{
    Code, Date, Event, Fact, Membership, Origin, Person, SetFact, SetMode, Source, State,
    StateKind, Text, Universe,
};

/// The embedded data files, by their path under `data/`.
pub const FILES: &[(&str, &str)] = &[
    ("states-un.tsv", include_str!("../../../data/states-un.tsv")),
    (
        "states-extra.tsv",
        include_str!("../../../data/states-extra.tsv"),
    ),
    (
        "facts/korea.facts.tsv",
        include_str!("../../../data/facts/korea.facts.tsv"),
    ),
    (
        "facts/korea.sets.tsv",
        include_str!("../../../data/facts/korea.sets.tsv"),
    ),
    (
        "facts/taiwan.facts.tsv",
        include_str!("../../../data/facts/taiwan.facts.tsv"),
    ),
    (
        "facts/taiwan.sets.tsv",
        include_str!("../../../data/facts/taiwan.sets.tsv"),
    ),
    (
        "facts/world-2019.facts.tsv",
        include_str!("../../../data/facts/world-2019.facts.tsv"),
    ),
    (
        "facts/world-2023.facts.tsv",
        include_str!("../../../data/facts/world-2023.facts.tsv"),
    ),
    (
        "facts/israel.facts.tsv",
        include_str!("../../../data/facts/israel.facts.tsv"),
    ),
    (
        "facts/holysee.facts.tsv",
        include_str!("../../../data/facts/holysee.facts.tsv"),
    ),
    (
        "facts/holysee.sets.tsv",
        include_str!("../../../data/facts/holysee.sets.tsv"),
    ),
    (
        "facts/ruptures.facts.tsv",
        include_str!("../../../data/facts/ruptures.facts.tsv"),
    ),
    (
        "facts/recognition.facts.tsv",
        include_str!("../../../data/facts/recognition.facts.tsv"),
    ),
    (
        "facts/recognition.sets.tsv",
        include_str!("../../../data/facts/recognition.sets.tsv"),
    ),
    (
        "facts/us.facts.tsv",
        include_str!("../../../data/facts/us.facts.tsv"),
    ),
    (
        "facts/wikipedia.facts.tsv",
        include_str!("../../../data/facts/wikipedia.facts.tsv"),
    ),
    (
        "facts/wikipedia.sets.tsv",
        include_str!("../../../data/facts/wikipedia.sets.tsv"),
    ),
    ("groups.tsv", include_str!("../../../data/groups.tsv")),
    (
        "reader/people.tsv",
        include_str!("../../../data/reader/people.tsv"),
    ),
];

/// A version of the baseline that changes whenever any file does (FNV-1a over the contents).
pub fn version() -> String {
    let bytes = FILES
        .iter()
        .flat_map(|(name, text)| name.bytes().chain(text.bytes()));
    format!("{:016x}", diplograph_model::fnv1a(bytes))
}

#[derive(Debug, thiserror::Error)]
#[error("{file}: line {line}: {message}")]
pub struct Error {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Everything the baseline holds.
#[derive(Debug, Default)]
pub struct Baseline {
    pub states: Vec<State>,
    pub facts: Vec<Fact>,
    pub sets: Vec<SetFact>,
    pub people: Vec<Person>,
    /// Group memberships (`groups.tsv`), one period a row.
    pub memberships: Vec<Membership>,
    /// Large facts files read only as far as their pairs ([`load_indexed`]); empty after
    /// [`load`], which parses every row into `facts`.
    pub rows: Vec<Rows>,
}

/// A large facts file read only as far as its pairs: each row's two states, publication day
/// and place in the text. A row becomes a [`Fact`] when its pair is first asked about, so a
/// query about one state neither parses nor holds the forty thousand others (`bench/runs/`).
#[derive(Debug, Clone)]
pub struct Rows {
    pub file: &'static str,
    text: &'static str,
    header: &'static [&'static str],
    pub rows: Vec<Row>,
}

/// One row of [`Rows`]: what an index needs, and where the rest stands.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub a: Code,
    pub b: Code,
    start: u32,
    end: u32,
    line: u32,
    /// Where the `published` field stands in the row (parsed only when asked for).
    published: (u16, u16),
}

impl Rows {
    /// Indexes a facts file by scanning it (where build.rs made no index): checks its header,
    /// and reads each row's states (the other fields are checked when the row is parsed).
    fn index(file: &'static str, text: &'static str) -> Result<Rows, Error> {
        let mut rows = Vec::new();
        for r in scan::scan(text) {
            let code = |(x, y): (usize, usize)| {
                field(file, r.line as usize, "state", text[x..y].parse::<Code>())
            };
            rows.push(Row {
                a: code(r.a)?,
                b: code(r.b)?,
                start: r.start as u32,
                end: r.end as u32,
                line: r.line,
                published: r.published,
            });
        }
        Ok(Rows {
            file,
            text,
            header: header_for(text),
            rows,
        })
    }

    /// A facts file from the index build.rs made of it (see [`Rows::index`] for what a row
    /// holds); the text is not read until a row is parsed.
    fn from_built(file: &'static str, text: &'static str, built: &[u8]) -> Result<Rows, Error> {
        let u32_at = |c: &[u8], i: usize| u32::from_le_bytes([c[i], c[i + 1], c[i + 2], c[i + 3]]);
        let u16_at = |c: &[u8], i: usize| u16::from_le_bytes([c[i], c[i + 1]]);
        let mut rows = Vec::with_capacity(built.len() / 22);
        for c in built.chunks_exact(22) {
            let line = u32_at(c, 14);
            let code = |b: &[u8]| {
                let s = std::str::from_utf8(b).unwrap_or("");
                field(file, line as usize, "state", s.parse::<Code>())
            };
            rows.push(Row {
                a: code(&c[0..3])?,
                b: code(&c[3..6])?,
                start: u32_at(c, 6),
                end: u32_at(c, 10),
                line,
                published: (u16_at(c, 18), u16_at(c, 20)),
            });
        }
        Ok(Rows {
            file,
            text,
            header: header_for(text),
            rows,
        })
    }

    /// The day a row's source published it (`None` where the row gives none or it does not
    /// parse: the full parse reports that).
    pub fn published(&self, r: &Row) -> Option<Date> {
        let l = &self.text[r.start as usize..r.end as usize];
        l.get(r.published.0 as usize..r.published.1 as usize)
            .and_then(|p| p.parse().ok())
    }

    /// The fact a row states.
    pub fn fact(&self, r: &Row) -> Result<Fact, Error> {
        let l = &self.text[r.start as usize..r.end as usize];
        let one = std::iter::once((r.line as usize, Fields::split(l)));
        let mut v = fact_rows(
            self.file,
            one,
            self.header,
            Text::Borrowed,
            &Text::Borrowed(self.file),
            1,
        )?;
        Ok(v.pop().expect("one row, one fact"))
    }

    /// Every row's fact.
    pub fn facts(&self) -> Result<Vec<Fact>, Error> {
        self.rows.iter().map(|r| self.fact(r)).collect()
    }
}

/// Facts files above this size are indexed ([`Rows`]) rather than parsed at start-up; build.rs
/// makes their indexes (the same threshold there).
const INDEX_ABOVE: usize = 4 << 20;

include!(concat!(env!("OUT_DIR"), "/indexes.rs"));

/// Parses every embedded file, every row of every facts file into `facts`.
pub fn load() -> Result<Baseline, Error> {
    let mut b = load_indexed()?;
    for r in std::mem::take(&mut b.rows) {
        b.facts.extend(r.facts()?);
    }
    Ok(b)
}

/// Parses the embedded files, leaving the large facts files indexed in `rows` (a process
/// that answers one query parses only the rows it needs).
pub fn load_indexed() -> Result<Baseline, Error> {
    let mut b = Baseline::default();
    for (name, text) in FILES {
        if name.ends_with(".facts.tsv") && text.len() > INDEX_ABOVE {
            b.rows.push(match INDEXES.iter().find(|(n, _)| n == name) {
                Some((_, built)) => Rows::from_built(name, text, built)?,
                None => Rows::index(name, text)?,
            });
        } else if name.starts_with("states-") {
            b.states.extend(parse_states(name, text)?);
        } else if *name == "groups.tsv" {
            b.memberships
                .extend(parse_groups_with(name, text, Text::Borrowed)?);
        } else if name.starts_with("reader/people") {
            b.people
                .extend(parse_people_with(name, text, Text::Borrowed)?);
        } else if name.ends_with(".sets.tsv") {
            b.sets.extend(parse_sets_with(
                name,
                text,
                Text::Borrowed,
                Text::Borrowed(name),
            )?);
        } else {
            b.facts.extend(parse_facts_with(
                name,
                text,
                Text::Borrowed,
                Text::Borrowed(name),
            )?);
        }
    }
    Ok(b)
}

/// A row's tab-separated fields, held without allocating (rows have at most 24 fields; more
/// are counted, so that a wrong count is still reported).
#[derive(Clone, Copy)]
struct Fields<'a> {
    buf: [&'a str; 24],
    len: usize,
}

impl<'a> Fields<'a> {
    fn split(line: &'a str) -> Fields<'a> {
        let mut f = Fields {
            buf: [""; 24],
            len: 0,
        };
        // A tab is ASCII, so every cut falls on a character boundary.
        let mut start = 0;
        for i in memchr::memchr_iter(b'\t', line.as_bytes()) {
            if f.len < 24 {
                f.buf[f.len] = &line[start..i];
            }
            f.len += 1;
            start = i + 1;
        }
        if f.len < 24 {
            f.buf[f.len] = &line[start..];
        }
        f.len += 1;
        f
    }

    fn len(&self) -> usize {
        self.len
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        (i < self.len.min(24)).then(|| self.buf[i])
    }
}

impl<'a> std::ops::Deref for Fields<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.buf[..self.len.min(24)]
    }
}

/// Rows of a TSV file: skips comment lines, checks the header, yields (line number, fields).
fn rows<'a>(
    file: &str,
    text: &'a str,
    header: &[&str],
) -> Result<impl Iterator<Item = (usize, Fields<'a>)> + 'a, Error> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    let (hl, h) = lines.next().ok_or_else(|| Error {
        file: file.to_string(),
        line: 1,
        message: "empty file (expected a header line)".to_string(),
    })?;
    let got: Vec<&str> = h.split('\t').collect();
    if got != header {
        return Err(Error {
            file: file.to_string(),
            line: hl + 1,
            message: format!(
                "header {:?} does not match the expected {:?}",
                got.join(" "),
                header.join(" ")
            ),
        });
    }
    Ok(lines.map(|(i, l)| (i + 1, Fields::split(l.trim_end_matches('\r')))))
}

fn err(file: &str, line: usize, message: impl Into<String>) -> Error {
    Error {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// The pair-facts header with a ninth column for a dataset citation beside a URL: a row may
/// then cite a dataset row (an encyclopedia's table row) and give the URL of that row's own
/// reference, with no quote.
pub const FACT_HEADER_CITED: &[&str] = &[
    "a",
    "b",
    "event",
    "date",
    "source_url",
    "publisher",
    "published",
    "quote",
    "citation",
];

/// The pair-facts header without the citation column, as most files have it.
pub const FACT_HEADER: &[&str] = FACT_HEADER_CITED.split_at(8).0;

/// The set-facts header without the citation column.
pub const SET_HEADER: &[&str] = SET_HEADER_CITED.split_at(10).0;

/// The set-facts header with a citation column, as [`FACT_HEADER_CITED`].
pub const SET_HEADER_CITED: &[&str] = &[
    "state",
    "as_of",
    "universe",
    "mode",
    "members",
    "count",
    "source_url",
    "publisher",
    "published",
    "quote",
    "citation",
];

/// A pair fact as a row of a facts file with the citation column ([`FACT_HEADER_CITED`]),
/// newline included: what `import facts` reads back. Tabs and newlines inside a field become
/// spaces.
pub fn fact_row(f: &Fact) -> String {
    let s = &f.source;
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
        f.a,
        f.b,
        f.event,
        f.date,
        clean(&s.url),
        clean(&s.publisher),
        s.published.map(|d| d.to_string()).unwrap_or_default(),
        clean(&s.quote),
        clean(&s.citation)
    )
}

/// A set fact as a row of a sets file with the citation column ([`SET_HEADER_CITED`]).
pub fn set_row(x: &SetFact) -> String {
    let s = &x.source;
    let members: Vec<&str> = x.members.iter().map(|c| c.as_str()).collect();
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
        x.state,
        x.as_of,
        x.universe.as_str(),
        x.mode.as_str(),
        members.join(","),
        x.count.map(|c| c.to_string()).unwrap_or_default(),
        clean(&s.url),
        clean(&s.publisher),
        s.published.map(|d| d.to_string()).unwrap_or_default(),
        clean(&s.quote),
        clean(&s.citation)
    )
}

/// Pair facts as a facts file: the header with the citation column, then a row each.
pub fn write_facts(out: &mut String, facts: &[Fact]) {
    out.push_str(&FACT_HEADER_CITED.join("\t"));
    out.push('\n');
    facts.iter().for_each(|f| out.push_str(&fact_row(f)));
}

/// Set facts as a sets file: the header with the citation column, then a row each.
pub fn write_sets(out: &mut String, sets: &[SetFact]) {
    out.push_str(&SET_HEADER_CITED.join("\t"));
    out.push('\n');
    sets.iter().for_each(|s| out.push_str(&set_row(s)));
}

fn clean(t: &str) -> std::borrow::Cow<'_, str> {
    if t.contains(['\t', '\n']) {
        t.replace(['\t', '\n'], " ").into()
    } else {
        t.into()
    }
}

const STATE_HEADER: &[&str] = &[
    "iso3",
    "iso2",
    "isonum",
    "cow",
    "gw",
    "wikidata",
    "kind",
    "name",
    "official_name",
    "capital",
    "demonym",
    "un_member_since",
    "begin",
    "end",
    "gaps",
    "aliases",
    "sources",
];

fn field<T, E: std::fmt::Display>(
    file: &str,
    line: usize,
    what: &str,
    r: Result<T, E>,
) -> Result<T, Error> {
    r.map_err(|e| err(file, line, format!("{what}: {e}")))
}

fn opt_date(file: &str, line: usize, what: &str, s: &str) -> Result<Option<Date>, Error> {
    if s.is_empty() {
        Ok(None)
    } else {
        field(file, line, what, s.parse::<Date>()).map(Some)
    }
}

/// A source from a row's `source_url publisher published quote [citation]` fields; a URL that
/// is not a URL is taken as a dataset citation ("mission_status_range_cow_v0.1.csv row 12"). A
/// URL needs a quote unless the row cites a dataset row beside it (the URL is then that row's
/// own reference).
#[allow(clippy::too_many_arguments)]
fn source<'t>(
    file: &str,
    line: usize,
    url: &'t str,
    publisher: &'t str,
    published: &str,
    quote: &'t str,
    citation: &'t str,
    keep: Keep<'t>,
) -> Result<Source, Error> {
    let published = opt_date(file, line, "published", published)?;
    let is_url = url.starts_with("http://") || url.starts_with("https://");
    let citation = citation.trim();
    if url.trim().is_empty() && citation.is_empty() {
        return Err(err(
            file,
            line,
            "a fact needs a source (source_url and citation are empty)",
        ));
    }
    if is_url && quote.trim().is_empty() && citation.is_empty() {
        return Err(err(file, line, format!("source {url:?} has no quote")));
    }
    let (url, citation) = match (is_url, citation.is_empty()) {
        (true, _) => (url, citation),
        (false, true) => ("", url),
        (false, false) if url.trim().is_empty() => ("", citation),
        (false, false) => {
            return Err(err(
                file,
                line,
                format!("source_url {url:?} is not a URL, and the row has a citation"),
            ))
        }
    };
    let source = Source {
        url: keep(url),
        publisher: keep(publisher),
        published,
        quote: keep(quote),
        citation: keep(citation),
    };
    source
        .validate()
        .map_err(|e| err(file, line, e.to_string()))?;
    Ok(source)
}

/// How parsed text is kept: borrowed from the embedded files (no copy, nothing to free), or
/// copied from a user's file.
type Keep<'t> = fn(&'t str) -> Text;

fn copy(s: &str) -> Text {
    Text::Owned(s.to_string())
}

/// The pair-facts header a file uses: with or without the citation column.
fn header_for(text: &str) -> &'static [&'static str] {
    if header_of(text) == FACT_HEADER_CITED {
        FACT_HEADER_CITED
    } else {
        FACT_HEADER
    }
}

/// The header of a TSV file (first line that is not a comment), split.
fn header_of(text: &str) -> Vec<&str> {
    text.lines()
        .find(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.trim_end_matches('\r').split('\t').collect())
        .unwrap_or_default()
}

/// The columns of `reader/people.tsv`.
pub const PEOPLE_HEADER: &[&str] = &[
    "name",
    "state",
    "office",
    "aliases",
    "url",
    "publisher",
    "published",
    "quote",
];

/// Parses the people file: every person with a state code and a source.
pub fn parse_people(file: &str, text: &str) -> Result<Vec<Person>, Error> {
    parse_people_with(file, text, copy)
}

fn parse_people_with<'t>(file: &str, text: &'t str, keep: Keep<'t>) -> Result<Vec<Person>, Error> {
    let mut out = Vec::new();
    for (line, f) in rows(file, text, PEOPLE_HEADER)? {
        let [name, state, office, aliases, url, publisher, published, quote] = f[..] else {
            return Err(err(
                file,
                line,
                format!("expected {} fields, got {}", PEOPLE_HEADER.len(), f.len()),
            ));
        };
        if name.trim().is_empty() {
            return Err(err(file, line, "empty name"));
        }
        out.push(Person {
            name: name.trim().to_string(),
            code: field(file, line, "state", state.parse::<Code>())?,
            office: office.to_string(),
            aliases: aliases
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
            source: source(file, line, url, publisher, published, quote, "", keep)?,
        });
    }
    Ok(out)
}

/// The columns of `groups.tsv`.
pub const GROUP_HEADER: &[&str] = &[
    "group",
    "state",
    "joined",
    "left",
    "source_url",
    "publisher",
    "published",
    "quote",
    "citation",
];

/// Parses a group-membership file: one period of a state's membership a row, each with its
/// source (a URL with a quote, or a citation).
pub fn parse_groups(file: &str, text: &str) -> Result<Vec<Membership>, Error> {
    parse_groups_with(file, text, copy)
}

fn parse_groups_with<'t>(
    file: &str,
    text: &'t str,
    keep: Keep<'t>,
) -> Result<Vec<Membership>, Error> {
    let mut out = Vec::new();
    for (line, f) in rows(file, text, GROUP_HEADER)? {
        let [group, state, joined, left, url, publisher, published, quote, citation] = f[..] else {
            return Err(err(
                file,
                line,
                format!("expected {} fields, got {}", GROUP_HEADER.len(), f.len()),
            ));
        };
        let group = group.trim();
        if group.is_empty()
            || !group
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return Err(err(
                file,
                line,
                format!("group {group:?} is not a key (lowercase letters, digits and _)"),
            ));
        }
        let joined = opt_date(file, line, "joined", joined)?;
        let left = opt_date(file, line, "left", left)?;
        if let (Some(j), Some(l)) = (joined, left) {
            if l.last_day() < j.first_day() {
                return Err(err(
                    file,
                    line,
                    format!("left \"{l}\" is before joined \"{j}\""),
                ));
            }
        }
        out.push(Membership {
            group: keep(group),
            state: field(file, line, "state", state.parse::<Code>())?,
            joined,
            left,
            source: source(file, line, url, publisher, published, quote, citation, keep)?,
            origin: Origin::Baseline {
                file: Text::Owned(file.to_string()),
                line,
            },
        });
    }
    Ok(out)
}

/// Parses a pair-facts TSV file.
pub fn parse_facts(file: &str, text: &str) -> Result<Vec<Fact>, Error> {
    parse_facts_with(file, text, copy, Text::Owned(file.to_string()))
}

fn parse_facts_with<'t>(
    file: &str,
    text: &'t str,
    keep: Keep<'t>,
    origin_file: Text,
) -> Result<Vec<Fact>, Error> {
    let header = header_for(text);
    let rows = rows(file, text, header)?;
    fact_rows(file, rows, header, keep, &origin_file, text.len() / 200)
}

/// Pair facts from parsed rows (`capacity`: the rows expected).
fn fact_rows<'t>(
    file: &str,
    rows: impl Iterator<Item = (usize, Fields<'t>)>,
    header: &[&str],
    keep: Keep<'t>,
    origin_file: &Text,
    capacity: usize,
) -> Result<Vec<Fact>, Error> {
    let mut out = Vec::with_capacity(capacity);
    for (line, f) in rows {
        if f.len() != header.len() {
            return Err(err(
                file,
                line,
                format!("expected {} fields, found {}", header.len(), f.len()),
            ));
        }
        let a: Code = field(file, line, "a", f[0].parse())?;
        let b: Code = field(file, line, "b", f[1].parse())?;
        if a == b {
            return Err(err(
                file,
                line,
                format!("a fact needs two different states (both are {a})"),
            ));
        }
        out.push(Fact {
            a,
            b,
            event: field(file, line, "event", f[2].parse::<Event>())?,
            date: field(file, line, "date", f[3].parse::<Date>())?,
            source: source(
                file,
                line,
                f[4],
                f[5],
                f[6],
                f[7],
                f.get(8).unwrap_or(""),
                keep,
            )?,
            origin: Origin::Baseline {
                file: origin_file.clone(),
                line,
            },
        });
    }
    Ok(out)
}

/// Parses a set-facts TSV file.
pub fn parse_sets(file: &str, text: &str) -> Result<Vec<SetFact>, Error> {
    parse_sets_with(file, text, copy, Text::Owned(file.to_string()))
}

fn parse_sets_with<'t>(
    file: &str,
    text: &'t str,
    keep: Keep<'t>,
    origin_file: Text,
) -> Result<Vec<SetFact>, Error> {
    let mut out = Vec::new();
    let header = if header_of(text) == SET_HEADER_CITED {
        SET_HEADER_CITED
    } else {
        SET_HEADER
    };
    for (line, f) in rows(file, text, header)? {
        if f.len() != header.len() {
            return Err(err(
                file,
                line,
                format!("expected {} fields, found {}", header.len(), f.len()),
            ));
        }
        let members = f[4]
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| field(file, line, "members", s.parse::<Code>()))
            .collect::<Result<Vec<_>, _>>()?;
        let count = if f[5].is_empty() {
            None
        } else {
            Some(field(file, line, "count", f[5].parse::<u32>())?)
        };
        let mode: SetMode = field(file, line, "mode", f[3].parse())?;
        if mode == SetMode::Count && count.is_none() {
            return Err(err(file, line, "a count set fact needs a count"));
        }
        out.push(SetFact {
            state: field(file, line, "state", f[0].parse())?,
            as_of: field(file, line, "as_of", f[1].parse())?,
            universe: field(file, line, "universe", f[2].parse::<Universe>())?,
            mode,
            members,
            count,
            source: source(
                file,
                line,
                f[6],
                f[7],
                f[8],
                f[9],
                f.get(10).unwrap_or(""),
                keep,
            )?,
            origin: Origin::Baseline {
                file: origin_file.clone(),
                line,
            },
        });
    }
    Ok(out)
}

fn parse_states(file: &str, text: &str) -> Result<Vec<State>, Error> {
    let mut out = Vec::new();
    for (line, f) in rows(file, text, STATE_HEADER)? {
        if f.len() != STATE_HEADER.len() {
            return Err(err(
                file,
                line,
                format!("expected {} fields, found {}", STATE_HEADER.len(), f.len()),
            ));
        }
        let num = |what: &str, s: &str| -> Result<Option<u16>, Error> {
            if s.is_empty() {
                Ok(None)
            } else {
                field(file, line, what, s.parse::<u16>()).map(Some)
            }
        };
        let begin = opt_date(file, line, "begin", f[12])?;
        let end = opt_date(file, line, "end", f[13])?;
        out.push(State {
            code: field(file, line, "iso3", f[0].parse())?,
            iso2: f[1].to_string(),
            isonum: f[2].to_string(),
            cow: num("cow", f[3])?,
            gw: num("gw", f[4])?,
            wikidata: f[5].to_string(),
            kind: field(file, line, "kind", f[6].parse::<StateKind>())?,
            name: f[7].to_string(),
            official_name: f[8].to_string(),
            capital: f[9].to_string(),
            demonym: f[10].to_string(),
            un_member_since: opt_date(file, line, "un_member_since", f[11])?,
            begin,
            end,
            gaps: gaps(file, line, f[14], begin, end)?,
            aliases: f[15]
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            sources: f[16].to_string(),
        });
    }
    Ok(out)
}

/// A state's `gaps` field: `LAST..FIRST` spells apart, `|`-separated, in date order, inside
/// `begin`..`end`, each with at least one day between.
fn gaps(
    file: &str,
    line: usize,
    s: &str,
    begin: Option<Date>,
    end: Option<Date>,
) -> Result<Vec<(Date, Date)>, Error> {
    let mut out: Vec<(Date, Date)> = Vec::new();
    for g in s.split('|').filter(|g| !g.is_empty()) {
        let bad = |why: &str| err(file, line, format!("gap {g:?} {why}"));
        let (a, b) = g.split_once("..").ok_or_else(|| {
            bad("is not LAST..FIRST (the last day of a spell and the first of the next)")
        })?;
        let (a, b): (Date, Date) = (
            field(file, line, "gaps", a.parse())?,
            field(file, line, "gaps", b.parse())?,
        );
        if a.last_day().tomorrow().is_ok_and(|t| t >= b.first_day()) {
            return Err(bad("has no day between its two dates"));
        }
        if begin.is_some_and(|x| a.last_day() < x.first_day())
            || end.is_some_and(|x| b.first_day() > x.last_day())
        {
            return Err(bad("lies outside the state's begin and end"));
        }
        if out
            .last()
            .is_some_and(|(_, p)| a.last_day() < p.first_day())
        {
            return Err(bad("is not after the gap before it"));
        }
        out.push((a, b));
    }
    Ok(out)
}

#[cfg(test)]
mod gap_tests {
    use super::*;

    #[test]
    fn gaps_parse_in_order_and_bad_ones_name_the_gap() {
        let d = |s: &str| Some(s.parse::<Date>().unwrap());
        let g = gaps(
            "s.tsv",
            3,
            "1861-03-18..1865-03-03|1916-05-16..1924-07-13",
            d("1844-02-27"),
            None,
        )
        .unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(g[1].0.to_string(), "1916-05-16");
        assert!(gaps("s.tsv", 3, "", None, None).unwrap().is_empty());
        let e = |s: &str| {
            gaps("s.tsv", 3, s, d("1816"), d("2000"))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            e("1940-05-10-1945-05-05"),
            "s.tsv: line 3: gap \"1940-05-10-1945-05-05\" is not LAST..FIRST (the last day of a spell and the first of the next)"
        );
        assert!(e("1945..1940").contains("has no day between"));
        assert!(e("1890-11-22..1890-11-23").contains("has no day between"));
        assert!(e("1800..1810").contains("outside the state's begin and end"));
        assert!(e("1950..1960|1940..1945").contains("gap \"1940..1945\" is not after"));
        assert!(e("1940..1945-02-30").contains("\"1945-02-30\" is not a valid date"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_parses_and_every_data_file_is_embedded() {
        let b = load().unwrap();
        assert_eq!(
            b.states
                .iter()
                .filter(|s| s.kind == StateKind::Member)
                .count(),
            193
        );
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
        let mut on_disk = Vec::new();
        for sub in ["", "facts/", "reader/"] {
            for e in std::fs::read_dir(format!("{dir}/{sub}")).unwrap() {
                let name = e.unwrap().file_name().into_string().unwrap();
                if name.ends_with(".tsv") {
                    on_disk.push(format!("{sub}{name}"));
                }
            }
        }
        on_disk.sort();
        let mut embedded: Vec<String> = FILES.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded, "every data file must be listed in FILES");
    }

    #[test]
    fn people_speak_for_known_states_and_are_listed_once() {
        let b = load().unwrap();
        assert!(b.people.len() >= 100, "{} people", b.people.len());
        let codes: std::collections::HashSet<Code> = b.states.iter().map(|s| s.code).collect();
        let mut names = std::collections::HashSet::new();
        for p in &b.people {
            assert!(
                codes.contains(&p.code),
                "{} speaks for unknown {}",
                p.name,
                p.code
            );
            assert!(names.insert(p.name.clone()), "{} listed twice", p.name);
            assert!(
                !p.source.url.is_empty() && !p.source.quote.is_empty(),
                "{} has no source",
                p.name
            );
        }
        let xi = b.people.iter().find(|p| p.name == "Xi Jinping").unwrap();
        assert_eq!(xi.code.as_str(), "CHN");
    }

    #[test]
    fn built_indexes_match_a_scan_of_the_embedded_text() {
        assert!(!INDEXES.is_empty(), "build.rs indexed no file");
        for (name, built) in INDEXES {
            let text = FILES.iter().find(|(n, _)| n == name).unwrap().1;
            let (a, b) = (
                Rows::from_built(name, text, built).unwrap(),
                Rows::index(name, text).unwrap(),
            );
            assert_eq!(a.rows.len(), b.rows.len(), "{name}");
            for (x, y) in a.rows.iter().zip(&b.rows) {
                assert_eq!(
                    (x.a, x.b, x.start, x.end, x.line, x.published),
                    (y.a, y.b, y.start, y.end, y.line, y.published),
                    "{name}"
                );
            }
            // Every row parses, and as the eager parse does.
            assert_eq!(a.facts().unwrap().len(), a.rows.len());
        }
    }

    #[test]
    fn groups_load_with_their_sources_and_every_state_is_known() {
        let b = load().unwrap();
        assert!(b.memberships.len() > 700, "{}", b.memberships.len());
        let codes: std::collections::HashSet<Code> = b.states.iter().map(|s| s.code).collect();
        for m in &b.memberships {
            assert!(codes.contains(&m.state), "{} in {}", m.state, m.group);
            assert!(m.source.validate().is_ok(), "{} in {}", m.state, m.group);
        }
        let gbr = b
            .memberships
            .iter()
            .find(|m| m.group == "eu" && m.state.as_str() == "GBR")
            .unwrap();
        assert_eq!(gbr.left.unwrap().to_string(), "2020-01-31");
    }

    #[test]
    fn bad_group_rows_name_file_and_line() {
        let head =
            "group\tstate\tjoined\tleft\tsource_url\tpublisher\tpublished\tquote\tcitation\n";
        let e = |row: &str| {
            parse_groups("g.tsv", &format!("{head}{row}\n"))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            e("eu\tGBR\t1973-01-01\t2020-01-31\thttps://x\tX\t\t\t"),
            "g.tsv: line 2: source \"https://x\" has no quote"
        );
        assert_eq!(
            e("eu\tGBR\t1973-01-01\t1972\t\t\t\t\tsome row"),
            "g.tsv: line 2: left \"1972\" is before joined \"1973-01-01\""
        );
        assert_eq!(
            e("EU members\tGBR\t\t\t\t\t\t\tsome row"),
            "g.tsv: line 2: group \"EU members\" is not a key (lowercase letters, digits and _)"
        );
        assert!(e("eu\tGBR\t1973-13\t\t\t\t\t\tsome row").contains("joined: \"1973-13\""));
        assert!(e("eu\tGBR\t\t\t\t\t\t\t").contains("a fact needs a source"));
        let ok = parse_groups(
            "g.tsv",
            &format!("{head}eu\tGBR\t1973-01-01\t2020-01-31\t\t\t\t\trow 3\n"),
        )
        .unwrap();
        assert_eq!(ok[0].state.as_str(), "GBR");
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let text = "a\tb\tevent\tdate\tsource_url\tpublisher\tpublished\tquote\nKOR\tCUB\testablish\t2024-02-30\thttps://x\tX\t2024-02-14\tq\n";
        let e = parse_facts("t.tsv", text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.tsv: line 2: date: \"2024-02-30\" is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
        let text = "a\tb\tevent\tdate\tsource_url\tpublisher\tpublished\tquote\nKOR\tCUB\tbefriend\t2024\thttps://x\tX\t2024\tq\n";
        assert!(parse_facts("t.tsv", text)
            .unwrap_err()
            .to_string()
            .contains("unknown event \"befriend\""));
        let text = "a\tb\tevent\tdate\tsource_url\tpublisher\tpublished\tquote\nKOR\tCUB\testablish\t2024\thttps://x\tX\t2024\t\n";
        assert!(parse_facts("t.tsv", text)
            .unwrap_err()
            .to_string()
            .contains("has no quote"));
    }
}
