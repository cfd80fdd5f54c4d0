//! The State Department's guide to US recognition and relations (HistoryAtState rdcr), one TEI
//! article per country: its title, its public address, when it says it was written, and its
//! timeline sections (heading, the heading's dates, the prose paragraphs).

use std::path::Path;

use diplograph_model::Date;

use crate::Error;

/// The guide's public address for an article: `https://history.state.gov/countries/<slug>`,
/// where the slug is the article's file name without `.xml` (the articles link each other as
/// `/countries/<slug>`).
pub const GUIDE_URL: &str = "https://history.state.gov/countries/";

/// One timeline section of an article: its heading, the years the heading's `<date>` names, and
/// its prose (figure captions left out).
#[derive(Clone, Debug, Default)]
pub struct GuideSection {
    /// The `xml:id` of the enclosing section ("diplomatic-relations", "recognition", ...).
    pub section: String,
    pub heading: String,
    /// The first year the heading names (`when` or `from`).
    pub year: Option<i16>,
    /// The years the heading names, first and last (`from`/`to`, or `when` twice).
    pub years: Option<(i16, i16)>,
    /// The prose, paragraphs joined by a space.
    pub text: String,
    pub paragraphs: Vec<String>,
}

/// One country's article in the guide.
#[derive(Clone, Debug, Default)]
pub struct GuideArticle {
    pub file: String,
    pub title: String,
    pub sections: Vec<GuideSection>,
    /// All the article's prose, for checking how precisely it states a date.
    pub text: String,
    /// The latest date the article's header gives for its writing or update ("Researched and
    /// written by ..., March 2008"; "Updated by ..., December 2014"), at the precision given.
    pub written: Option<Date>,
}

impl GuideArticle {
    /// The file name without `.xml`: the article's slug on history.state.gov.
    pub fn slug(&self) -> &str {
        self.file.strip_suffix(".xml").unwrap_or(&self.file)
    }

    /// The article's public address.
    pub fn url(&self) -> String {
        format!("{GUIDE_URL}{}", self.slug())
    }
}

/// Reads every `*.xml` article of the guide in `dir`, in file-name order.
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

/// Where a piece of text goes while the article is read.
#[derive(Clone, Copy, PartialEq)]
enum Goes {
    Nothing,
    Title,
    SourceDesc,
    Heading,
    Prose,
}

/// Parses one TEI article of the guide.
pub fn parse_article(file: &str, xml: &str) -> Result<GuideArticle, Error> {
    use quick_xml::events::Event as X;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut art = GuideArticle {
        file: file.to_string(),
        ..GuideArticle::default()
    };
    let mut source_desc = String::new();
    // The element names from the root down, with the `xml:id` of each section div.
    let mut stack: Vec<(Vec<u8>, Option<String>)> = Vec::new();
    // Depth of the open timeline div, and of the figure being skipped.
    let mut timeline_at: Option<usize> = None;
    let mut figure_at: Option<usize> = None;
    let mut current: Option<GuideSection> = None;
    let mut paragraph = String::new();
    let mut heading_dates: Vec<i16> = Vec::new();
    let finish_paragraph = |c: &mut GuideSection, p: &mut String| {
        let s = squash(p);
        if !s.is_empty() {
            c.paragraphs.push(s);
        }
        p.clear();
    };
    loop {
        let ev = reader.read_event().map_err(|e| Error::Xml {
            path: file.to_string(),
            message: e.to_string(),
        })?;
        match ev {
            X::Start(e) => {
                let name = e.local_name().as_ref().to_vec();
                let attr = |k: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == k)
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                };
                let section_id = (name == b"div" && attr(b"type").as_deref() == Some("section"))
                    .then(|| attr(b"id").unwrap_or_default());
                if name == b"title" && attr(b"type").as_deref() == Some("short") {
                    stack.push((b"short-title".to_vec(), None));
                    continue;
                }
                if name == b"figure" && figure_at.is_none() {
                    figure_at = Some(stack.len());
                }
                if name == b"div" && attr(b"type").as_deref() == Some("timeline") {
                    if let Some(mut c) = current.take() {
                        finish_paragraph(&mut c, &mut paragraph);
                        art.sections.push(finish(c, &heading_dates));
                    }
                    heading_dates.clear();
                    timeline_at = Some(stack.len() + 1);
                    current = Some(GuideSection {
                        section: stack
                            .iter()
                            .rev()
                            .find_map(|(_, id)| id.clone())
                            .unwrap_or_default(),
                        ..GuideSection::default()
                    });
                }
                if name == b"date" && goes_into(&stack, figure_at, timeline_at) == Goes::Heading {
                    for k in [&b"when"[..], b"from", b"to"] {
                        if let Some(y) = attr(k).and_then(|w| w.get(..4)?.parse().ok()) {
                            heading_dates.push(y);
                        }
                    }
                }
                if name == b"p" && goes_into(&stack, figure_at, timeline_at) == Goes::Prose {
                    if let Some(c) = current.as_mut() {
                        finish_paragraph(c, &mut paragraph);
                    }
                }
                stack.push((name, section_id));
            }
            X::End(e) => {
                let name = e.local_name().as_ref().to_vec();
                let depth = stack.len();
                stack.pop();
                if figure_at == Some(stack.len()) && name == b"figure" {
                    figure_at = None;
                }
                if name == b"p" {
                    if let Some(c) = current.as_mut() {
                        finish_paragraph(c, &mut paragraph);
                    }
                }
                if name == b"div" && timeline_at == Some(depth) {
                    if let Some(mut c) = current.take() {
                        finish_paragraph(&mut c, &mut paragraph);
                        art.sections.push(finish(c, &heading_dates));
                    }
                    heading_dates.clear();
                    timeline_at = None;
                }
            }
            X::Text(t) => {
                let s = t.decode().map(|c| c.into_owned()).unwrap_or_default();
                let s = quick_xml::escape::unescape(&s)
                    .map(|c| c.into_owned())
                    .unwrap_or(s);
                push_text(
                    &s,
                    &stack,
                    goes_into(&stack, figure_at, timeline_at),
                    &mut art,
                    &mut source_desc,
                    &mut current,
                    &mut paragraph,
                );
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
                push_text(
                    s,
                    &stack,
                    goes_into(&stack, figure_at, timeline_at),
                    &mut art,
                    &mut source_desc,
                    &mut current,
                    &mut paragraph,
                );
            }
            X::Eof => break,
            _ => {}
        }
    }
    if let Some(mut c) = current.take() {
        finish_paragraph(&mut c, &mut paragraph);
        art.sections.push(finish(c, &heading_dates));
    }
    art.title = squash(&art.title);
    art.text = squash(&art.text);
    art.written = latest_date(&source_desc);
    Ok(art)
}

fn goes_into(
    stack: &[(Vec<u8>, Option<String>)],
    figure_at: Option<usize>,
    timeline_at: Option<usize>,
) -> Goes {
    if figure_at.is_some() {
        return Goes::Nothing;
    }
    if stack.last().is_some_and(|(n, _)| n == b"short-title") {
        return Goes::Title;
    }
    if stack.iter().any(|(n, _)| n == b"sourceDesc") {
        return Goes::SourceDesc;
    }
    match timeline_at {
        Some(t) if stack.len() > t => {
            if stack[t].0 == b"head" {
                Goes::Heading
            } else {
                Goes::Prose
            }
        }
        _ => Goes::Nothing,
    }
}

fn push_text(
    s: &str,
    stack: &[(Vec<u8>, Option<String>)],
    into: Goes,
    art: &mut GuideArticle,
    source_desc: &mut String,
    current: &mut Option<GuideSection>,
    paragraph: &mut String,
) {
    let in_body = stack.iter().any(|(n, _)| n == b"body");
    let in_figure = stack.iter().any(|(n, _)| n == b"figure");
    match into {
        Goes::Title => art.title.push_str(s),
        Goes::SourceDesc => {
            source_desc.push_str(s);
            source_desc.push(' ');
        }
        Goes::Heading => {
            if let Some(c) = current.as_mut() {
                c.heading.push_str(s);
            }
        }
        Goes::Prose => paragraph.push_str(s),
        Goes::Nothing => {}
    }
    if in_body && !in_figure {
        art.text.push_str(s);
        art.text.push(' ');
    }
}

fn finish(mut c: GuideSection, heading_dates: &[i16]) -> GuideSection {
    c.heading = squash(&c.heading);
    c.text = c.paragraphs.join(" ");
    let mut years = heading_dates.to_vec();
    if years.is_empty() {
        // A heading without a <date> element may still end in a year: "..., 1853."
        years = years_in(&c.heading);
    }
    c.year = years.first().copied();
    c.years = match (years.iter().min(), years.iter().max()) {
        (Some(&a), Some(&b)) => Some((a, b)),
        _ => None,
    };
    c
}

/// Four-digit years (1600–2099) standing alone in `s`.
fn years_in(s: &str) -> Vec<i16> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let alone_before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let alone_after = i + 4 == b.len() || !b[i + 4].is_ascii_alphanumeric();
        if alone_before && alone_after && b[i..i + 4].iter().all(u8::is_ascii_digit) {
            let y: i16 = s[i..i + 4].parse().expect("digits");
            if (1600..2100).contains(&y) {
                out.push(y);
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// The latest "Month YYYY" or "YYYY" in a header line, at that precision.
fn latest_date(s: &str) -> Option<Date> {
    crate::prose::dates_in(s, None)
        .into_iter()
        .map(|d| d.date)
        .max_by_key(|d| d.last_day())
}

pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
        <title type="complete">A Guide ...: Ghana</title><title type="short">Ghana</title></titleStmt>
        <sourceDesc><p>Researched and written by Someone, February 2009</p>
        <p>Updated by Someone Else, December 2014</p></sourceDesc></fileDesc></teiHeader><text><body>
        <div type="section" xml:id="diplomatic-relations"><head>Diplomatic Relations</head>
        <div type="timeline"><head>Establishment of Diplomatic Relations, <date when="1957">1957</date>.</head>
        <p>Diplomatic relations were established on March 6, 1957. <figure><graphic url="x.jpg"/>
        <head>A caption</head></figure></p><p>A second   paragraph &amp; more.</p></div>
        <div type="timeline"><head>Interruption of Relations, <date from="1917" to="1922">1917-1922</date>.</head>
        <p>Text.</p></div>
        <div type="timeline"><head>First Minister, 1853.</head><p>More.</p></div>
        </div></body></text></TEI>"#;

    #[test]
    fn sections_headings_dates_and_header() {
        let a = parse_article("ghana.xml", ARTICLE).unwrap();
        assert_eq!(a.title, "Ghana");
        assert_eq!(a.url(), "https://history.state.gov/countries/ghana");
        assert_eq!(a.written.unwrap().to_string(), "2014-12");
        assert_eq!(a.sections.len(), 3);
        let s = &a.sections[0];
        assert_eq!(s.section, "diplomatic-relations");
        assert_eq!(s.heading, "Establishment of Diplomatic Relations, 1957.");
        assert_eq!(s.year, Some(1957));
        assert_eq!(
            s.paragraphs,
            [
                "Diplomatic relations were established on March 6, 1957.",
                "A second paragraph & more."
            ]
        );
        assert!(!a.text.contains("caption"), "{}", a.text);
        assert_eq!(a.sections[1].years, Some((1917, 1922)));
        assert_eq!(a.sections[2].year, Some(1853));
    }
}
