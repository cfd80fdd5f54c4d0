//! Pages as people meet them: bytes in, article text and publication date out.
//!
//! [`Page::from_bytes`] checks what it was given — empty, binary, not UTF-8, too large — and
//! refuses with a [`PageError`] that says which, quoting the offset. Plain text passes through
//! unchanged, so the reader's byte offsets point into the file. HTML goes through a maintained
//! article extractor (`dom_smoothie`, a port of Mozilla's Readability; chosen by measurement, see
//! `bench/`), and its publication date comes from the page's metadata. [`jsonl`] reads bulk input,
//! one `{"url", "published", "text" | "html"}` object a line.

mod depth;
mod html;

use diplograph_model::{Date, Day};

/// The largest article read: ten times the longest news page we have seen, so that a log file
/// or a dump given by mistake is refused rather than read for minutes.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
}

/// An article ready for the reader.
#[derive(Clone, Debug)]
pub struct Page {
    /// The text; for plain text, the input itself.
    pub text: String,
    pub format: Format,
    /// From the page's metadata (HTML `article:published_time`, JSON-LD `datePublished`,
    /// `<time datetime>`), or given in a JSON Lines record.
    pub published: Option<Date>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Who published it: the record's `publisher`, the page's site name, or the URL's host.
    pub publisher: Option<String>,
    /// What was ignored on the way: a metadata date outside the years 1 to 9999, ...
    pub notes: Vec<String>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PageError {
    #[error("empty input: nothing to read")]
    Empty,
    #[error("binary input (a NUL byte at offset {offset}): give the reader text or HTML")]
    Binary { offset: usize },
    #[error("not UTF-8 text: invalid byte at offset {offset}")]
    NotUtf8 { offset: usize },
    #[error("input is {size} bytes, over the {limit}-byte limit for one article")]
    TooLarge { size: usize, limit: usize },
    #[error("HTML without readable text")]
    NoText,
    #[error(
        "HTML nested more than {limit} elements deep (at byte {offset}): not a page a person reads"
    )]
    TooDeep { offset: usize, limit: usize },
    #[error("HTML too costly to parse: more than {limit} tags times their depth by byte {offset}")]
    TooCostly { offset: usize, limit: usize },
    #[error("line {line}: {message}")]
    Record { line: usize, message: String },
}

impl Page {
    /// A page from raw bytes. `format` forces text or HTML; otherwise HTML is recognised by its
    /// opening tags.
    pub fn from_bytes(bytes: &[u8], format: Option<Format>) -> Result<Page, PageError> {
        let text = check(bytes)?;
        let format = format.unwrap_or_else(|| sniff(text));
        Page::from_str(text, format)
    }

    fn from_str(text: &str, format: Format) -> Result<Page, PageError> {
        match format {
            Format::Text => {
                if text.trim().is_empty() {
                    return Err(PageError::Empty);
                }
                Ok(Page {
                    text: text.to_string(),
                    format,
                    published: None,
                    title: None,
                    url: None,
                    publisher: None,
                    notes: Vec::new(),
                })
            }
            Format::Html => {
                let doc = html::extract(text)?;
                Ok(Page {
                    text: doc.text,
                    format,
                    published: doc.published,
                    title: doc.title,
                    url: None,
                    publisher: doc.site,
                    notes: doc.notes,
                })
            }
        }
    }
}

/// Size, emptiness, NUL bytes and UTF-8, in that order.
fn check(bytes: &[u8]) -> Result<&str, PageError> {
    if bytes.len() > MAX_BYTES {
        return Err(PageError::TooLarge {
            size: bytes.len(),
            limit: MAX_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(PageError::Empty);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(PageError::Binary { offset });
    }
    std::str::from_utf8(bytes).map_err(|e| PageError::NotUtf8 {
        offset: e.valid_up_to(),
    })
}

/// HTML if it opens with a doctype or one of the tags pages start with.
fn sniff(text: &str) -> Format {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    let opens = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<article",
        "<meta",
        "<div",
        "<p>",
        "<p ",
    ];
    if opens.iter().any(|t| head.starts_with(t))
        || head.starts_with("<!--") && head.contains("<html")
    {
        Format::Html
    } else {
        Format::Text
    }
}

/// One record of a JSON Lines bulk file.
#[derive(Debug, serde::Deserialize)]
struct Record {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    publisher: Option<String>,
}

/// Reads a JSON Lines file: one page a line, or the error that line has. A bad line does not
/// stop the others.
pub fn jsonl(content: &str) -> Vec<Result<Page, PageError>> {
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| record(i + 1, l))
        .collect()
}

/// One line of a JSON Lines file, numbered from 1, as a page.
pub fn record(line: usize, l: &str) -> Result<Page, PageError> {
    let err = |message: String| PageError::Record { line, message };
    let r: Record = serde_json::from_str(l).map_err(|e| err(e.to_string()))?;
    let published = match &r.published {
        Some(p) if !p.trim().is_empty() => Some(parse_published(p).ok_or_else(|| {
            err(format!(
                "bad published date {p:?} (expected YYYY-MM-DD, YYYY-MM, YYYY or an RFC 3339 time)"
            ))
        })?),
        _ => None,
    };
    let mut page = match (r.text, r.html) {
        (Some(t), None) => Page::from_str(
            check(t.as_bytes()).map_err(|e| err(e.to_string()))?,
            Format::Text,
        ),
        (None, Some(h)) => Page::from_str(
            check(h.as_bytes()).map_err(|e| err(e.to_string()))?,
            Format::Html,
        ),
        (Some(_), Some(_)) => return Err(err("give \"text\" or \"html\", not both".into())),
        (None, None) => return Err(err("no \"text\" or \"html\" field".into())),
    }
    .map_err(|e| err(e.to_string()))?;
    page.publisher = r
        .publisher
        .filter(|p| !p.trim().is_empty())
        .or(page.publisher.take())
        .or_else(|| r.url.as_deref().and_then(host));
    page.url = r.url;
    if published.is_some() {
        page.published = published;
    }
    Ok(page)
}

/// The host of a URL without `www.`: "https://www.yna.co.kr/view/1" is "yna.co.kr".
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host
        .split(':')
        .next()?
        .trim_start_matches("www.")
        .to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// A publication date from metadata: `2025-04-11`, `2025-04-11T05:32:00+09:00`, ...; the
/// calendar day as written (the publisher's local day); or, where only that is known, a month
/// (`2025-04`) or a year (`2025`), kept at its precision. Only the years 1 to 9999: the ones the
/// ledger stores (`12025-01-01` and `0000-06-01` are not dates).
pub fn parse_published(s: &str) -> Option<Date> {
    let t = s.trim();
    if matches!(t.len(), 4 | 7) {
        return t.parse::<Date>().ok().filter(|d| d.year_number() >= 1);
    }
    let day = t.get(..10)?;
    let rest = &t[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    day.parse::<Day>()
        .ok()
        .filter(|d| d.year() >= 1)
        .map(Date::from_day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_an_article() {
        assert_eq!(Page::from_bytes(b"", None).unwrap_err(), PageError::Empty);
        assert_eq!(
            Page::from_bytes(b" \n\t", None).unwrap_err(),
            PageError::Empty
        );
        assert_eq!(
            Page::from_bytes(b"PK\x03\x04\x00\x00", None).unwrap_err(),
            PageError::Binary { offset: 4 }
        );
        assert_eq!(
            Page::from_bytes(b"caf\xe9 au lait", None).unwrap_err(),
            PageError::NotUtf8 { offset: 3 }
        );
        let big = vec![b'a'; MAX_BYTES + 1];
        assert!(matches!(
            Page::from_bytes(&big, None).unwrap_err(),
            PageError::TooLarge { .. }
        ));
    }

    #[test]
    fn plain_text_passes_through_so_offsets_hold() {
        let p = Page::from_bytes("\u{feff}Seoul said so.".as_bytes(), None).unwrap();
        assert_eq!(p.format, Format::Text);
        assert_eq!(p.text, "Seoul said so.");
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://www.yna.co.kr/view/AEN2025?x=1").as_deref(),
            Some("yna.co.kr")
        );
        assert_eq!(
            host("http://user@example.org:8080/a").as_deref(),
            Some("example.org")
        );
        assert_eq!(host("not a url"), None);
    }

    /// Issue 11: a metadata date must be one the ledger stores.
    #[test]
    fn publication_dates_within_the_years_one_to_9999() {
        let day = |s| parse_published(s).map(|d| d.to_string());
        assert_eq!(
            day("2025-04-11T05:32:00+09:00").as_deref(),
            Some("2025-04-11")
        );
        assert_eq!(day(" 9999-12-31 ").as_deref(), Some("9999-12-31"));
        assert_eq!(day("0001-01-01").as_deref(), Some("0001-01-01"));
        assert_eq!(day("12025-01-01"), None);
        assert_eq!(day("2025-01-011"), None);
        assert_eq!(day("0000-06-01"), None);
        // a month or a year, where only that is known, at its precision
        assert_eq!(day("2025-04").as_deref(), Some("2025-04"));
        assert_eq!(day("2025").as_deref(), Some("2025"));
        assert_eq!(day("2025-13"), None);
        assert_eq!(day("0000"), None);
        assert_eq!(day("-0001-01-01"), None);
        assert_eq!(
            record(1, r#"{"published":"12025-01-01","text":"A."}"#)
                .unwrap_err()
                .to_string(),
            "line 1: bad published date \"12025-01-01\" (expected YYYY-MM-DD, YYYY-MM, YYYY or an RFC 3339 time)"
        );
    }

    #[test]
    fn json_lines_records() {
        let pages = jsonl(
            "{\"url\":\"u\",\"published\":\"2025-04-11T05:32:00Z\",\"text\":\"A.\"}\n\nnot json\n{\"url\":\"v\"}\n",
        );
        assert_eq!(pages.len(), 3);
        let p = pages[0].as_ref().unwrap();
        assert_eq!(p.published.unwrap().to_string(), "2025-04-11");
        assert_eq!(p.url.as_deref(), Some("u"));
        assert!(matches!(pages[1], Err(PageError::Record { line: 3, .. })));
        assert_eq!(
            pages[2].as_ref().unwrap_err().to_string(),
            "line 4: no \"text\" or \"html\" field"
        );
    }
}
