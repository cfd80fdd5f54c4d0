//! Importers for reference datasets. Today: the US diplomatic missions data (Kenkel, v0.1) read
//! together with the State Department's guide to US recognition and relations (HistoryAtState
//! rdcr), turned into relation facts between the United States and every state.
//!
//! The missions data measures the *presence of a mission*, not the legal state of relations
//! (its codebook says so), so it is not mapped row by row. The mapping, decided from the guide's
//! prose:
//! - Embassy, Ambassador Nonresident, Legation and Envoy Nonresident are diplomatic relations;
//!   Consulate, Consul Nonresident, Liaison, Interests and None are not.
//! - The first diplomatic range is an establishment, unless it starts on the state's first day
//!   in the data, where it only attests relations already held (`relations`).
//! - A fall from diplomatic to non-diplomatic is a break only when the guide has a heading in
//!   that year (or the one before or after) saying relations were severed, broken, ended,
//!   terminated or ceased (`sever`), or suspended or interrupted (`suspend`). Otherwise it is a
//!   closed or evacuated embassy (Syria 2012, Libya 2014, Afghanistan 2021) and relations go on.
//! - A rise back to diplomatic after a break is a restoration.
//! - Dates keep the precision the guide's prose supports: the data codes an unknown day as the
//!   1st and an unknown month as January, so a date is a day only when the guide writes that day
//!   ("January 3, 1961"), a month when it writes the month, and a year otherwise.

use std::collections::HashMap;
use std::path::Path;

use diplograph_model::{Code, Date, Event, Fact, Origin, Source};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path:?}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path:?} is not a US missions range file: {message}")]
    Format { path: String, message: String },
    #[error("{path:?}: row {row}: {message}")]
    Row {
        path: String,
        row: usize,
        message: String,
    },
    #[error("{path:?}: not valid XML: {message}")]
    Xml { path: String, message: String },
}

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

/// Falls of a mission that the guide tells as a change of government rather than a break: the
/// United States kept its relations with the Republic of China (its embassy moved to Taipei,
/// which diplomatic facts hold as TWN) and did not recognize the People's Republic until 1979
/// (china.xml: "Establishment of Diplomatic Relations with PRC ... 1979"). Relations with the new
/// government start afresh, as an establishment.
const GOVERNMENT_CHANGES: &[(u16, i16, i8, i8, &str)] = &[(
    710,
    1949,
    10,
    1,
    "People's Republic proclaimed; the US kept relations with the Republic of China (embassy moved to Taipei) until 1979",
)];

/// The snapshot date of the dataset, used as the facts' publication date.
const DATASET_PUBLISHED: &str = "2024-01-16";

/// One timeline section of the guide: its heading, the year it names, and its prose.
#[derive(Clone, Debug)]
pub struct GuideSection {
    pub heading: String,
    pub year: Option<i16>,
    pub text: String,
}

/// One country's article in the guide.
#[derive(Clone, Debug)]
pub struct GuideArticle {
    pub file: String,
    pub title: String,
    pub sections: Vec<GuideSection>,
    /// All the article's prose, for checking how precisely it states a date.
    pub text: String,
}

/// Reads every `*.xml` article of the guide in `dir`.
pub fn read_guide(dir: &Path) -> Result<Vec<GuideArticle>, Error> {
    let rd = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.display().to_string(),
        source,
    })?;
    let mut paths: Vec<_> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(|source| Error::Read {
            path: p.display().to_string(),
            source,
        })?;
        let file = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        out.push(parse_article(&file, &text)?);
    }
    Ok(out)
}

/// Parses one TEI article of the guide.
pub fn parse_article(file: &str, xml: &str) -> Result<GuideArticle, Error> {
    use quick_xml::events::Event as X;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut art = GuideArticle {
        file: file.to_string(),
        title: String::new(),
        sections: vec![],
        text: String::new(),
    };
    let mut in_title = false;
    let mut div_depth = 0usize;
    let mut timeline_at: Option<usize> = None;
    let mut in_head = false;
    let mut current: Option<GuideSection> = None;
    let mut in_body = false;
    loop {
        let ev = reader.read_event().map_err(|e| Error::Xml {
            path: file.to_string(),
            message: e.to_string(),
        })?;
        match ev {
            X::Start(e) => {
                let name = e.local_name();
                let attr = |k: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == k)
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                };
                match name.as_ref() {
                    b"title" if attr(b"type").as_deref() == Some("short") => in_title = true,
                    b"body" => in_body = true,
                    b"div" => {
                        div_depth += 1;
                        if attr(b"type").as_deref() == Some("timeline") {
                            timeline_at = Some(div_depth);
                            current = Some(GuideSection {
                                heading: String::new(),
                                year: None,
                                text: String::new(),
                            });
                        }
                    }
                    b"head" if current.is_some() => in_head = true,
                    b"date" if in_head => {
                        if let (Some(c), Some(w)) = (current.as_mut(), attr(b"when")) {
                            c.year = w.get(..4).and_then(|y| y.parse().ok());
                        }
                    }
                    _ => {}
                }
            }
            X::End(e) => match e.local_name().as_ref() {
                b"title" => in_title = false,
                b"head" => in_head = false,
                b"div" => {
                    if timeline_at == Some(div_depth) {
                        if let Some(mut c) = current.take() {
                            c.heading = squash(&c.heading);
                            c.text = squash(&c.text);
                            art.sections.push(c);
                        }
                        timeline_at = None;
                    }
                    div_depth = div_depth.saturating_sub(1);
                }
                _ => {}
            },
            X::Text(t) => {
                let s = t.decode().map(|c| c.into_owned()).unwrap_or_default();
                let s = quick_xml::escape::unescape(&s)
                    .map(|c| c.into_owned())
                    .unwrap_or(s);
                if in_title {
                    art.title.push_str(&s);
                }
                if let Some(c) = current.as_mut() {
                    if in_head {
                        c.heading.push_str(&s);
                    } else {
                        c.text.push_str(&s);
                    }
                }
                if in_body {
                    art.text.push_str(&s);
                    art.text.push(' ');
                }
            }
            X::GeneralRef(r) => {
                // Entities such as &amp; inside text.
                let s = match r.as_ref() {
                    b"amp" => "&",
                    b"lt" => "<",
                    b"gt" => ">",
                    b"quot" => "\"",
                    b"apos" => "'",
                    _ => "",
                };
                if let Some(c) = current.as_mut() {
                    if in_head {
                        c.heading.push_str(s);
                    } else {
                        c.text.push_str(s);
                    }
                }
            }
            X::Eof => break,
            _ => {}
        }
    }
    art.title = squash(&art.title);
    art.text = squash(&art.text);
    Ok(art)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// What the importer did besides the facts: rows it could not place, closures it did not take
/// for breaks.
#[derive(Debug, Default)]
pub struct Report {
    pub rows: usize,
    pub unmapped: Vec<String>,
    pub closures: Vec<String>,
}

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

/// The precision the guide's prose supports for a date coded as `y-m-d`.
fn supported_date(y: i16, m: i8, d: i8, article: Option<&GuideArticle>) -> Date {
    let day = Date::from_day(diplograph_model::Day::new(y, m, d).expect("validated"));
    let month: Date = format!("{y:04}-{m:02}").parse().expect("valid");
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

/// A break the guide states for `year` (±1), as (event, heading).
fn stated_break(article: Option<&GuideArticle>, year: i16) -> Option<(Event, String)> {
    let a = article?;
    a.sections
        .iter()
        .filter(|s| s.year.is_some_and(|y| (y - year).abs() <= 1))
        .find_map(|s| {
            let h = s.heading.to_lowercase();
            if !h.contains("relations") {
                return None;
            }
            let split = h.split("/").last().unwrap_or(&h).to_string();
            if ["sever", "break", "broke", "ended", "terminat", "cessation"]
                .iter()
                .any(|k| split.contains(k))
            {
                Some((Event::Sever, s.heading.clone()))
            } else if ["suspen", "interrupt"].iter().any(|k| split.contains(k)) {
                Some((Event::Suspend, s.heading.clone()))
            } else {
                None
            }
        })
}

/// Reads the US missions range file (COW version) and returns facts between the United States
/// and every state `cow_to_code` can place.
pub fn us_missions(
    path: &Path,
    guide: &[GuideArticle],
    cow_to_code: &HashMap<u16, Code>,
) -> Result<(Vec<Fact>, Report), Error> {
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
        headers.iter().position(|h| h == name).ok_or_else(|| Error::Format {
            path: p.clone(),
            message: format!("no column {name:?} (expected the COW range file, mission_status_range_cow_v0.1.csv)"),
        })
    };
    let (c_code, c_name, c_usdos, c_start, c_status) = (
        col("country_code_cow")?,
        col("country_name_cow")?,
        col("country_name_usdos")?,
        col("date_start")?,
        col("us_mission_status")?,
    );
    let usa: Code = "USA".parse().expect("valid");
    let by_title: HashMap<String, &GuideArticle> =
        guide.iter().map(|a| (fold(&a.title), a)).collect();
    // The guide tells Taiwan's story in its China article.
    let article_for = |usdos: &str, cow_name: &str| -> Option<&GuideArticle> {
        let f = fold(usdos);
        if f == "taiwan" {
            return by_title.get("china").copied();
        }
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
    struct Row {
        line: usize,
        code: u16,
        name: String,
        usdos: String,
        start: (i16, i8, i8),
        status: String,
    }
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
        if d.precision() != diplograph_model::Precision::Day {
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
    let mut report = Report {
        rows: rows.len(),
        ..Report::default()
    };
    let mut facts = Vec::new();
    // Group rows by the state they map to (Germany gathers COW 255 and the Federal Republic's
    // 260), each group in date order.
    let mut groups: Vec<(Code, Vec<&Row>)> = Vec::new();
    for r in &rows {
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
    for (code, group) in &mut groups {
        let code = *code;
        if code == usa {
            continue;
        }
        group.sort_by_key(|r| r.start);
        let article = article_for(&group[0].usdos, &group[0].name);
        let mut had = false; // ever had relations
        let mut now = false; // relations now
        for (k, r) in group.iter().enumerate() {
            let dip = DIPLOMATIC.contains(&r.status.as_str());
            let (y, m, d) = r.start;
            let source = |quote: String| Source {
                url: String::new(),
                publisher: "US diplomatic missions data (Kenkel) / US Department of State guide"
                    .into(),
                published: Some(DATASET_PUBLISHED.parse().expect("valid")),
                quote,
                citation: format!(
                    "mission_status_range_cow_v0.1.csv row {} ({} from {:04}-{:02}-{:02}){}",
                    r.line,
                    r.status,
                    y,
                    m,
                    d,
                    article
                        .map(|a| format!("; rdcr articles/{}", a.file))
                        .unwrap_or_default()
                ),
            };
            let mut push = |event: Event, date: Date, quote: String| {
                facts.push(Fact {
                    a: usa,
                    b: code,
                    event,
                    date,
                    source: source(quote),
                    origin: Origin::Ledger { id: 0 },
                });
            };
            if dip && !now {
                if k == 0 {
                    push(
                        Event::Relations,
                        // A real day of the data (the state's first), not a coded guess.
                        Date::from_day(diplograph_model::Day::new(y, m, d).expect("valid")),
                        format!("{} at the start of the data", r.status),
                    );
                } else {
                    let ev = if had {
                        Event::Restore
                    } else {
                        Event::Establish
                    };
                    push(
                        ev,
                        supported_date(y, m, d, article),
                        format!("{}: mission status became {}", r.name, r.status),
                    );
                }
                had = true;
                now = true;
            } else if let Some(&(_, _, _, _, note)) = GOVERNMENT_CHANGES
                .iter()
                .find(|(c, yy, mm, dd, _)| *c == r.code && (*yy, *mm, *dd) == (y, m, d))
            {
                push(
                    Event::NoRelations,
                    supported_date(y, m, d, article),
                    note.to_string(),
                );
                had = false;
                now = false;
            } else if !dip && now {
                match stated_break(article, y) {
                    Some((ev, heading)) => {
                        push(ev, supported_date(y, m, d, article), heading);
                        now = false;
                    }
                    None => report.closures.push(format!(
                        "{} {:04}-{:02}-{:02}: {} with no break of relations in the guide; relations go on",
                        r.name, y, m, d, r.status
                    )),
                }
            }
        }
    }
    Ok((facts, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CUBA: &str = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
        <title type="short">Cuba</title></titleStmt></fileDesc></teiHeader><text><body>
        <div type="section"><head>Diplomatic Relations</head>
        <div type="timeline"><head>Diplomatic Relations Severed, <date when="1961">1961</date>.</head>
        <p>Relations were severed on January 3, 1961.</p></div>
        <div type="timeline"><head>Resumption of Diplomatic Relations, <date when="2015">2015</date>.</head>
        <p>The two resumed relations on July 20, 2015.</p></div></div></body></text></TEI>"#;

    #[test]
    fn guide_sections_and_breaks() {
        let a = parse_article("cuba.xml", CUBA).unwrap();
        assert_eq!(a.title, "Cuba");
        assert_eq!(a.sections.len(), 2);
        assert_eq!(a.sections[0].year, Some(1961));
        assert_eq!(stated_break(Some(&a), 1961).unwrap().0, Event::Sever);
        assert!(stated_break(Some(&a), 1990).is_none());
        assert_eq!(
            supported_date(1961, 1, 3, Some(&a)).to_string(),
            "1961-01-03"
        );
        // The prose names neither July 1 nor July 2015: only the year stands.
        assert_eq!(supported_date(2015, 7, 1, Some(&a)).to_string(), "2015");
        assert_eq!(supported_date(1935, 1, 1, Some(&a)).to_string(), "1935");
        assert_eq!(supported_date(1935, 1, 1, None).to_string(), "1935");
    }

    #[test]
    fn missions_rows_become_relation_facts() {
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
                "USA CUB establish 1902",
                "USA CUB sever 1961-01-03",
                "USA CUB restore 2015-07-20",
                "USA SYR relations 1974-06-16",
            ]
        );
        assert_eq!(
            report.closures.len(),
            1,
            "Syria 2012 is a closure, not a break"
        );
        std::fs::remove_dir_all(dir).ok();
    }
}
