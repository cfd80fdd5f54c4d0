//! The United States toward every state: the State Department guide's prose for establishments,
//! breaks and restorations, and the US missions data (Kenkel, v0.1) for what it measures, the
//! presence of a mission, where the guide is silent.
//!
//! For each state, its guide article's statements (see [`crate::prose`]) and the missions
//! data's transitions are walked together in date order:
//! - The guide's first establishment is the establishment. A later one restates it (the German
//!   Empire in 1871), or, after a break, restores relations (the Federal Republic in 1955).
//! - The guide's severances, suspensions and interruptions are the breaks, and its resumptions
//!   and re-establishments the restorations. A fall of the mission with no break in the guide
//!   within a year is a closed or evacuated embassy (Syria 2012, Libya 2014, Afghanistan 2021):
//!   relations go on, and the report lists it.
//! - Where the guide states no establishment, the first diplomatic mission (Embassy, Ambassador
//!   Nonresident, Legation, Envoy Nonresident) stands for it, cited as a row of the dataset and
//!   saying the guide has none; a mission from the state's first day in the data only attests
//!   relations (`relations`). Likewise a mission back after a break the guide does not end is a
//!   restoration cited to the dataset.
//! - Missions dates keep only the precision the guide's prose supports: the data codes an unknown
//!   day as the 1st and an unknown month as January.
//!
//! A guide fact cites the article's page with the guide's own words; a dataset fact cites its row
//! with no quote, for the data states no sentence.

use std::collections::HashMap;
use std::path::Path;

use diplograph_model::{Code, Date, Day, Event, Fact, Origin, Precision, Source};

use crate::guide::GuideArticle;
use crate::prose::{statements, Kind, Statement};
use crate::Error;

/// The guide's publisher, as its pages name it.
pub const GUIDE_PUBLISHER: &str = "US Department of State, Office of the Historian";
/// The missions data's publisher.
pub const MISSIONS_PUBLISHER: &str = "US diplomatic missions data (Kenkel)";
/// The missions range file this importer reads.
pub const MISSIONS_FILE: &str = "mission_status_range_cow_v0.1.csv";
/// The snapshot day of the reference data (the missions data's transitions file), the
/// publication date of dataset facts and of guide statements whose article gives no later date.
pub const DATASET_PUBLISHED: &str = "2024-01-16";

const DIPLOMATIC: &[&str] = &[
    "Embassy",
    "Ambassador Nonresident",
    "Legation",
    "Envoy Nonresident",
];
const STATUSES: &[&str] = &[
    "Embassy",
    "Ambassador Nonresident",
    "Legation",
    "Envoy Nonresident",
    "Consulate",
    "Consul Nonresident",
    "Liaison",
    "Interests",
    "None",
];

/// Which part of an article speaks of a state, where the article tells of more than one
/// government or the state's predecessors. A statement counts when its date falls within
/// `from..=to` and its sentence names one of `mentions` (if any) and none of `not_mentions`.
struct Scope {
    code: &'static str,
    file: &'static str,
    from: Option<&'static str>,
    to: Option<&'static str>,
    mentions: &'static [&'static str],
    not_mentions: &'static [&'static str],
}

const PRC: &[&str] = &["PRC", "People’s Republic", "People's Republic"];
const SOUTH_YEMEN: &[&str] = &[
    "Southern Yemen",
    "South Yemen",
    "People’s Democratic Republic",
    "Aden",
];

/// China's article tells of the Empire and the Republic of China, and from 1949 of the People's
/// Republic (CHN) and the Republic of China on Taiwan (TWN); Yemen's of North Yemen (YAR), South
/// Yemen (YMD) and the Republic of Yemen (YEM, from 1990); Germany's of the German Democratic
/// Republic too, which has its own article; Serbia's story runs through the Kingdom of
/// Yugoslavia's article; Syria's tells of the United Arab Republic (1958–1961), which
/// diplomatic facts hold as Egypt; Italy's relations begin with Piedmont-Sardinia (one state,
/// COW 325, from 1816), whose "cessation" in 1861 is the Kingdom of Italy's start. The Holy See, the Cook Islands and Niue have no row in the missions data.
const SCOPES: &[Scope] = &[
    Scope {
        code: "CHN",
        file: "china.xml",
        from: None,
        to: Some("1949-09-30"),
        mentions: &[],
        not_mentions: &[],
    },
    Scope {
        code: "CHN",
        file: "china.xml",
        from: Some("1949-10-01"),
        to: None,
        mentions: PRC,
        not_mentions: &[],
    },
    Scope {
        code: "TWN",
        file: "china.xml",
        from: Some("1949-10-01"),
        to: None,
        mentions: &["Republic of China"],
        not_mentions: PRC,
    },
    Scope {
        code: "DEU",
        file: "germany.xml",
        from: None,
        to: None,
        mentions: &[],
        not_mentions: &["GDR", "German Democratic Republic", "East Germany"],
    },
    Scope {
        code: "YAR",
        file: "yemen.xml",
        from: None,
        to: Some("1990-05-21"),
        mentions: &[],
        not_mentions: SOUTH_YEMEN,
    },
    Scope {
        code: "YMD",
        file: "yemen.xml",
        from: None,
        to: Some("1990-05-21"),
        mentions: SOUTH_YEMEN,
        not_mentions: &[],
    },
    Scope {
        code: "YEM",
        file: "yemen.xml",
        from: Some("1990-05-22"),
        to: None,
        mentions: &[],
        not_mentions: &[],
    },
    Scope {
        code: "SRB",
        file: "kingdom-of-yugoslavia.xml",
        from: None,
        to: None,
        mentions: &[],
        not_mentions: &[],
    },
    Scope {
        code: "SRB",
        file: "serbia.xml",
        from: None,
        to: None,
        mentions: &[],
        not_mentions: &[],
    },
    Scope {
        code: "ITA",
        file: "piedmont-sardinia.xml",
        from: None,
        to: Some("1860-12-31"),
        mentions: &[],
        not_mentions: &[],
    },
    Scope {
        code: "ITA",
        file: "italy.xml",
        from: None,
        to: None,
        mentions: &[],
        not_mentions: &[],
    },
    Scope {
        code: "SYR",
        file: "syria.xml",
        from: None,
        to: None,
        mentions: &[],
        not_mentions: &["Established with the United Arab Republic"],
    },
    Scope {
        code: "VAT",
        file: "holy-see.xml",
        from: None,
        to: None,
        mentions: &[],
        not_mentions: &[],
    },
    Scope {
        code: "COK",
        file: "cook-islands.xml",
        from: None,
        to: None,
        mentions: &[],
        not_mentions: &[],
    },
    Scope {
        code: "NIU",
        file: "niue.xml",
        from: None,
        to: None,
        mentions: &[],
        not_mentions: &[],
    },
];

/// Relations with the Central American Federation (1824–1838) and the Federation of Mali (1960)
/// are not relations with the states they became, although their articles tell of them.
const NOT_THIS_STATE: &[&str] = &[
    "Federation of Mali",
    "Federation of the Centre of America",
    "Federation of Central America",
    "Central American Federation",
    "Central American States",
    "United Provinces of Central America",
    "Federal Republic of Central America",
];

/// Rows of the missions data that are not the relations of the state their COW code maps to:
/// COW 327 is the Papal States, whose relations with the United States ceased in 1867
/// (papal-states.xml); the guide dates relations with the Holy See from 1984 (holy-see.xml).
const NOT_THE_STATE: &[(u16, &str)] = &[(
    327,
    "Papal States (COW 327): relations ceased in 1867; the Holy See's date from 1984",
)];

/// A government the United States did not deal with, replacing one it did: relations with the
/// state start afresh with the new government. China: the People's Republic was proclaimed on
/// October 1, 1949, and the United States kept relations with the Republic of China (on Taiwan)
/// until 1979. Before the change, an establishment the guide states only attests relations (the
/// establishment is the new government's); at the change, the guide's words say there were none.
struct GovernmentChange {
    cow: u16,
    day: &'static str,
    file: &'static str,
    /// The guide's words for it, checked to stand in the article.
    quote: &'static str,
}

const GOVERNMENT_CHANGES: &[GovernmentChange] = &[GovernmentChange {
    cow: 710,
    day: "1949-10-01",
    file: "china.xml",
    quote: "The Chinese Communists established the People’s Republic of China (PRC) on the mainland on October 1, 1949; however, the United States refused to recognize or establish relations with the PRC",
}];

/// What the importer did besides the facts: rows it could not place, closures it did not take
/// for breaks, and where the guide and the missions data part.
#[derive(Debug, Default)]
pub struct Report {
    pub rows: usize,
    pub unmapped: Vec<String>,
    pub closures: Vec<String>,
    /// Guide statements left out as restatements (a second establishment, a break of relations
    /// already broken) and missions transitions the guide dates otherwise.
    pub notes: Vec<String>,
    /// Facts from the guide's prose (with a quote) and from the dataset (cited by row).
    pub from_guide: usize,
    pub from_dataset: usize,
}

fn fold(s: &str) -> String {
    let s = s.to_lowercase();
    let s = s.strip_prefix("the ").unwrap_or(&s);
    let s = s.strip_suffix(", the").unwrap_or(s);
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn day(s: &str) -> Day {
    s.parse::<Date>().expect("a valid constant").first_day()
}

/// The precision the guide's prose supports for a date coded as `y-m-d` in the missions data.
fn supported_date(y: i16, m: i8, d: i8, article: Option<&GuideArticle>) -> Date {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let day = Date::from_day(Day::new(y, m, d).expect("validated"));
    let month = Date::from_month(y, m).expect("valid");
    let Some(a) = article else {
        // Without prose, trust the data's own coding rule: a 1st may stand for an unknown day.
        return if m == 1 && d == 1 {
            Date::year(y)
        } else if d == 1 {
            month
        } else {
            day
        };
    };
    let name = MONTHS[(m - 1) as usize];
    let t = &a.text;
    if t.contains(&format!("{name} {d}, {y}")) || t.contains(&format!("{d} {name} {y}")) {
        day
    } else if t.contains(&format!("{name} {y}"))
        || t.contains(&format!("{name}, {y}"))
        || t.contains(&format!("{name} {d}"))
    {
        month
    } else {
        Date::year(y)
    }
}

/// The publication date of a guide statement: the article's own date (written or updated)
/// when the statement's event is not later than it, else the snapshot day (the article was
/// updated since without saying so: Cuba's "Updated ... December 2014" tells of July 2015).
fn guide_published(article: &GuideArticle, date: Date) -> Date {
    let snapshot: Date = DATASET_PUBLISHED.parse().expect("valid");
    match article.written {
        Some(w) if date.last_day() <= w.last_day() => w,
        Some(w) if w.last_day() > snapshot.last_day() => w,
        _ => snapshot,
    }
}

/// Owned text for a source's field, in whichever owned form the model keeps it.
fn text<T: From<String>>(s: String) -> T {
    T::from(s)
}

struct Row {
    line: usize,
    code: u16,
    name: String,
    usdos: String,
    start: (i16, i8, i8),
    status: String,
}

impl Row {
    fn day(&self) -> Day {
        let (y, m, d) = self.start;
        Day::new(y, m, d).expect("validated")
    }

    fn citation(&self, why: &str) -> String {
        let (y, m, d) = self.start;
        format!(
            "{MISSIONS_FILE} row {} ({} from {y:04}-{m:02}-{d:02}){why}",
            self.line, self.status
        )
    }
}

fn read_rows(path: &Path) -> Result<Vec<Row>, Error> {
    let p = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: p.clone(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| Error::Format {
        path: p.clone(),
        message: "not UTF-8 text".into(),
    })?;
    let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| Error::Format {
            path: p.clone(),
            message: e.to_string(),
        })?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| Error::Format {
                path: p.clone(),
                message: format!(
                    "no column {name:?} (expected the COW range file, {MISSIONS_FILE})"
                ),
            })
    };
    let (c_code, c_name, c_usdos, c_start, c_status) = (
        col("country_code_cow")?,
        col("country_name_cow")?,
        col("country_name_usdos")?,
        col("date_start")?,
        col("us_mission_status")?,
    );
    let mut rows = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| Error::Row {
            path: p.clone(),
            row: line,
            message: e.to_string(),
        })?;
        let bad = |m: String| Error::Row {
            path: p.clone(),
            row: line,
            message: m,
        };
        let code: u16 = rec[c_code]
            .parse()
            .map_err(|_| bad(format!("country code {:?} is not a number", &rec[c_code])))?;
        let start = &rec[c_start];
        let d: Date = start
            .parse()
            .map_err(|e: diplograph_model::DateError| bad(e.to_string()))?;
        if d.precision() != Precision::Day {
            return Err(bad(format!("date {start:?} is not a day")));
        }
        let f = d.first_day();
        let status = rec[c_status].to_string();
        if !STATUSES.contains(&status.as_str()) {
            return Err(bad(format!("unknown mission status {status:?}")));
        }
        rows.push(Row {
            line,
            code,
            name: rec[c_name].to_string(),
            usdos: rec[c_usdos].to_string(),
            start: (f.year(), f.month(), f.day()),
            status,
        });
    }
    Ok(rows)
}

/// A guide statement a state's facts may come from, with its article.
struct Said<'a> {
    st: Statement,
    article: &'a GuideArticle,
}

/// The statements of `articles` about `code`: everything of its own article, or what its
/// scopes allow.
fn said_about<'a>(
    code: Code,
    own: Option<&'a GuideArticle>,
    guide: &'a [GuideArticle],
) -> Vec<Said<'a>> {
    let scopes: Vec<&Scope> = SCOPES.iter().filter(|s| s.code == code.as_str()).collect();
    let mut out = Vec::new();
    let mut take = |article: &'a GuideArticle, scope: Option<&Scope>| {
        for st in statements(article) {
            let names = |list: &[&str]| list.iter().any(|w| st.sentence.contains(w));
            if article.file != "central-american-federation.xml"
                && (names(NOT_THIS_STATE) || NOT_THIS_STATE.iter().any(|w| st.heading.contains(w)))
            {
                continue;
            }
            if let Some(s) = scope {
                let d = st.date;
                if s.from.is_some_and(|f| d.last_day() < day(f))
                    || s.to.is_some_and(|t| d.first_day() > day(t))
                    || (!s.mentions.is_empty() && !names(s.mentions))
                    || names(s.not_mentions)
                {
                    continue;
                }
            }
            out.push(Said { st, article });
        }
    };
    if scopes.is_empty() {
        if let Some(a) = own {
            take(a, None);
        }
    } else {
        for s in scopes {
            if let Some(a) = guide.iter().find(|a| a.file == s.file) {
                take(a, Some(s));
            }
        }
    }
    // The guide's order within a year (a heading's year stands before the days of that year it
    // introduces), years in order.
    out.sort_by_key(|s| (s.st.date.year_number(), s.st.order));
    out
}

/// One step of a state's history, from the guide or the missions data.
enum Step<'a> {
    Guide(Said<'a>),
    FirstMission { row: &'a Row, at_start: bool },
    Rise(&'a Row),
    Fall(&'a Row),
    Change(&'a Row, &'a GovernmentChange),
}

/// Reads the US missions range file (COW version) and the guide, and returns facts between the
/// United States and every state `cow_to_code` can place (and the states only the guide tells
/// of, in [`SCOPES`]).
pub fn us_missions(
    path: &Path,
    guide: &[GuideArticle],
    cow_to_code: &HashMap<u16, Code>,
) -> Result<(Vec<Fact>, Report), Error> {
    let rows = read_rows(path)?;
    let usa: Code = "USA".parse().expect("valid");
    let by_title: HashMap<String, &GuideArticle> =
        guide.iter().map(|a| (fold(&a.title), a)).collect();
    let article_for = |usdos: &str, cow_name: &str| -> Option<&GuideArticle> {
        let f = fold(usdos);
        by_title
            .get(&f)
            .or_else(|| by_title.get(&fold(cow_name)))
            .or_else(|| {
                by_title
                    .iter()
                    .find(|(k, _)| {
                        !f.is_empty() && (k.starts_with(&f) || f.starts_with(k.as_str()))
                    })
                    .map(|(_, v)| v)
            })
            .copied()
    };
    let mut report = Report {
        rows: rows.len(),
        ..Report::default()
    };
    // Group rows by the state they map to (Germany gathers COW 255 and the Federal Republic's
    // 260), each group in date order.
    let mut groups: Vec<(Code, Vec<&Row>)> = Vec::new();
    for r in &rows {
        if let Some((_, why)) = NOT_THE_STATE.iter().find(|(c, _)| *c == r.code) {
            if !report.unmapped.iter().any(|u| u == why) {
                report.unmapped.push(why.to_string());
            }
            continue;
        }
        let Some(&code) = cow_to_code.get(&r.code) else {
            let u = format!("{} (COW {})", r.name, r.code);
            if !report.unmapped.contains(&u) {
                report.unmapped.push(u);
            }
            continue;
        };
        match groups.iter_mut().find(|(c, _)| *c == code) {
            Some((_, g)) => g.push(r),
            None => groups.push((code, vec![r])),
        }
    }
    // The states only the guide tells of.
    for s in SCOPES {
        let code: Code = s.code.parse().expect("valid");
        if !groups.iter().any(|(c, _)| *c == code) && guide.iter().any(|a| a.file == s.file) {
            groups.push((code, Vec::new()));
        }
    }
    let mut facts = Vec::new();
    for (code, group) in &mut groups {
        let code = *code;
        if code == usa {
            continue;
        }
        group.sort_by_key(|r| r.start);
        let own = group.first().and_then(|r| article_for(&r.usdos, &r.name));
        let said = said_about(code, own, guide);
        let article = own.or_else(|| said.first().map(|s| s.article));
        facts.extend(walk(usa, code, group, said, article, &mut report));
    }
    for f in &facts {
        if f.source.url.is_empty() {
            report.from_dataset += 1;
        } else {
            report.from_guide += 1;
        }
    }
    Ok((facts, report))
}

/// One state's facts: the guide's statements and the missions transitions in date order.
fn walk(
    usa: Code,
    code: Code,
    group: &[&Row],
    said: Vec<Said<'_>>,
    article: Option<&GuideArticle>,
    report: &mut Report,
) -> Vec<Fact> {
    let change = group
        .first()
        .and_then(|r| GOVERNMENT_CHANGES.iter().find(|c| c.cow == r.code));
    let change_day = change.map(|c| day(c.day));
    // Guide steps keep the guide's order: each is placed at its first day, or later when a
    // statement before it in the guide's order is dated later at a coarser precision.
    let mut steps: Vec<(Day, u8, Step)> = Vec::new();
    let mut floor: Option<Day> = None;
    let guide_kinds: Vec<(Kind, Date)> = said.iter().map(|s| (s.st.kind, s.st.date)).collect();
    for s in said {
        let at = floor.map_or(s.st.date.first_day(), |f| f.max(s.st.date.first_day()));
        floor = Some(at);
        steps.push((at, 0, Step::Guide(s)));
    }
    let mut was_dip = false;
    let mut ever_dip = false;
    for (k, r) in group.iter().enumerate() {
        let dip = DIPLOMATIC.contains(&r.status.as_str());
        if let Some(c) = change.filter(|c| day(c.day) == r.day()) {
            steps.push((r.day(), 1, Step::Change(r, c)));
        } else if dip && !was_dip {
            steps.push((
                r.day(),
                1,
                if ever_dip {
                    Step::Rise(r)
                } else {
                    Step::FirstMission {
                        row: r,
                        at_start: k == 0,
                    }
                },
            ));
        } else if !dip && was_dip {
            steps.push((r.day(), 1, Step::Fall(r)));
        }
        if change.is_some_and(|c| day(c.day) == r.day()) {
            ever_dip = false;
        }
        was_dip = dip;
        ever_dip |= dip;
    }
    steps.sort_by_key(|(d, rank, _)| (*d, *rank));

    let guide_source = |a: &GuideArticle, st: &Statement| Source {
        url: text(a.url()),
        publisher: GUIDE_PUBLISHER.into(),
        published: Some(guide_published(a, st.date)),
        quote: text(st.quote.clone()),
        citation: Default::default(),
    };
    let dataset_source = |citation: String| Source {
        url: Default::default(),
        publisher: MISSIONS_PUBLISHER.into(),
        published: Some(DATASET_PUBLISHED.parse().expect("valid")),
        quote: Default::default(),
        citation: text(citation),
    };
    let fact = |event: Event, date: Date, source: Source| Fact {
        a: usa,
        b: code,
        event,
        date,
        source,
        origin: Origin::Ledger { id: 0 },
    };
    let before_change = |d: Date| change_day.is_some_and(|c| d.last_day() < c);
    // Whether the guide establishes relations in the era of `d` (before or after a change of
    // government).
    let guide_establishes = |d: Day| {
        guide_kinds.iter().any(|(k, date)| {
            *k == Kind::Establish
                && match change_day {
                    Some(c) => (date.last_day() < c) == (d < c),
                    None => true,
                }
        })
    };
    let guide_near = |kinds: &[Kind], d: Day, before: i16, after: i16| {
        guide_kinds.iter().any(|(k, date)| {
            kinds.contains(k)
                && date.year_number() >= d.year() - before
                && date.year_number() <= d.year() + after
        })
    };
    let slug = article.map_or(String::new(), |a| a.url());
    let mut out = Vec::new();
    let (mut had, mut now) = (false, false);
    for (_, _, step) in steps {
        match step {
            Step::Guide(Said { st, article: a }) => {
                let source = guide_source(a, &st);
                let event = match st.kind {
                    Kind::Establish if before_change(st.date) => {
                        // The establishment is the new government's: this one attests relations.
                        (!now).then_some(Event::Relations)
                    }
                    Kind::Establish if !had => Some(Event::Establish),
                    Kind::Establish if !now => Some(Event::Restore),
                    Kind::Sever | Kind::Suspend if now => Some(st.kind.event()),
                    Kind::Restore if !now => Some(Event::Restore),
                    _ => None,
                };
                match event {
                    Some(e) => {
                        now = !matches!(e, Event::Sever | Event::Suspend);
                        had |= now;
                        out.push(fact(e, st.date, source));
                    }
                    None => report.notes.push(format!(
                        "{code}: the guide's {:?} of {} restates the state of relations ({}: {:?})",
                        st.kind, st.date, a.file, st.quote
                    )),
                }
            }
            Step::FirstMission { row, at_start } => {
                let d = row.day();
                if guide_establishes(d) {
                    continue;
                }
                let (y, m, dd) = row.start;
                let (event, date, why) = if at_start {
                    // A real day of the data (the state's first), not a coded guess.
                    (
                        Event::Relations,
                        Date::from_day(d),
                        ": a mission from the state's first day in the data",
                    )
                } else {
                    (
                        Event::Establish,
                        supported_date(y, m, dd, article),
                        ": the first diplomatic mission",
                    )
                };
                let guide_note = if article.is_some() {
                    format!("; the guide ({slug}) states no establishment")
                } else {
                    "; no article in the guide".to_string()
                };
                out.push(fact(
                    event,
                    date,
                    dataset_source(row.citation(&format!("{why}{guide_note}"))),
                ));
                had = true;
                now = true;
            }
            Step::Rise(row) => {
                if now || guide_near(&[Kind::Restore, Kind::Establish], row.day(), 1, 2) {
                    continue;
                }
                let (y, m, d) = row.start;
                let note = match article {
                    Some(_) => format!(": the mission back after a break; the guide ({slug}) states no restoration"),
                    None => ": the mission back after a break".to_string(),
                };
                out.push(fact(
                    Event::Restore,
                    supported_date(y, m, d, article),
                    dataset_source(row.citation(&note)),
                ));
                now = true;
            }
            Step::Fall(row) => {
                if !guide_near(&[Kind::Sever, Kind::Suspend], row.day(), 1, 1) {
                    let (y, m, d) = row.start;
                    report.closures.push(format!(
                        "{} {y:04}-{m:02}-{d:02}: {} with no break of relations in the guide; relations go on",
                        row.name, row.status
                    ));
                }
            }
            Step::Change(row, c) => {
                let source = match article.filter(|a| a.file == c.file && a.text.contains(c.quote))
                {
                    Some(a) => Source {
                        url: text(a.url()),
                        publisher: GUIDE_PUBLISHER.into(),
                        published: Some(guide_published(a, Date::from_day(row.day()))),
                        quote: c.quote.into(),
                        citation: Default::default(),
                    },
                    None => dataset_source(
                        row.citation(": a new government the United States did not recognize"),
                    ),
                };
                out.push(fact(Event::NoRelations, Date::from_day(day(c.day)), source));
                had = false;
                now = false;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::parse_article;

    const CUBA: &str = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
        <title type="short">Cuba</title></titleStmt><sourceDesc><p>Researched and written by Someone, February 2009</p></sourceDesc></fileDesc></teiHeader><text><body>
        <div type="section" xml:id="diplomatic-relations"><head>Diplomatic Relations</head>
        <div type="timeline"><head>Diplomatic Relations Severed, <date when="1961">1961</date>.</head>
        <p>The United States severed diplomatic relations with Cuba on January 3, 1961, citing unwarranted action.</p></div>
        <div type="timeline"><head>Resumption of Diplomatic Relations, <date when="2015">2015</date>.</head>
        <p>The United States and Cuba resumed diplomatic relations on July 20, 2015, when both countries elevated their Interests Sections.</p></div></div></body></text></TEI>"#;

    #[test]
    fn precision_the_prose_supports() {
        let a = parse_article("cuba.xml", CUBA).unwrap();
        assert_eq!(
            supported_date(1961, 1, 3, Some(&a)).to_string(),
            "1961-01-03"
        );
        // The prose names neither July 1 nor July 2015 alone: only the year stands.
        assert_eq!(supported_date(2015, 7, 1, Some(&a)).to_string(), "2015");
        assert_eq!(supported_date(1935, 1, 1, Some(&a)).to_string(), "1935");
        assert_eq!(supported_date(1935, 1, 1, None).to_string(), "1935");
    }

    #[test]
    fn guide_statements_and_missions_rows_become_facts() {
        let dir = std::env::temp_dir().join(format!("diplograph-import-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let csv = dir.join("range.csv");
        std::fs::write(
            &csv,
            "country_abbrev_cow,country_code_cow,country_name_cow,country_name_usdos,date_start,date_end,us_mission_status\n\
             CUB,40,Cuba,Cuba,1902-05-20,1902-05-26,None\n\
             CUB,40,Cuba,Cuba,1902-05-27,1961-01-02,Legation\n\
             CUB,40,Cuba,Cuba,1961-01-03,1977-08-31,None\n\
             CUB,40,Cuba,Cuba,1977-09-01,2015-07-19,Interests\n\
             CUB,40,Cuba,Cuba,2015-07-20,2024-12-31,Embassy\n\
             SYR,652,Syria,Syria,1974-06-16,2012-02-05,Embassy\n\
             SYR,652,Syria,Syria,2012-02-06,2024-12-31,None\n",
        )
        .unwrap();
        let guide = vec![parse_article("cuba.xml", CUBA).unwrap()];
        let map: HashMap<u16, Code> =
            [(40, "CUB".parse().unwrap()), (652, "SYR".parse().unwrap())].into();
        let (facts, report) = us_missions(&csv, &guide, &map).unwrap();
        let got: Vec<String> = facts
            .iter()
            .map(|f| format!("{} {} {} {}", f.a, f.b, f.event, f.date))
            .collect();
        assert_eq!(
            got,
            [
                // This article states no establishment: the first mission stands for it.
                "USA CUB establish 1902",
                "USA CUB sever 1961-01-03",
                "USA CUB restore 2015-07-20",
                "USA SYR relations 1974-06-16",
            ]
        );
        let est = &facts[0].source;
        assert_eq!((&*est.url, &*est.quote), ("", ""));
        assert!(
            est.citation
                .starts_with("mission_status_range_cow_v0.1.csv row 3 (Legation from 1902-05-27)")
                && est.citation.contains("states no establishment"),
            "{}",
            est.citation
        );
        let sever = &facts[1].source;
        assert_eq!(sever.url, "https://history.state.gov/countries/cuba");
        assert_eq!(sever.publisher, GUIDE_PUBLISHER);
        assert_eq!(
            sever.quote,
            "The United States severed diplomatic relations with Cuba on January 3, 1961"
        );
        assert_eq!(sever.published.unwrap().to_string(), "2009-02");
        // A statement later than the article's own date was added since: the snapshot day.
        assert_eq!(
            facts[2].source.published.unwrap().to_string(),
            DATASET_PUBLISHED
        );
        assert_eq!((report.from_guide, report.from_dataset), (2, 2));
        assert_eq!(
            report.closures.len(),
            1,
            "Syria 2012 is a closure, not a break"
        );
        std::fs::remove_dir_all(dir).ok();
    }
}
