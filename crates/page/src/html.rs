//! HTML to article text through `dom_smoothie` (Mozilla Readability's algorithm): the main text
//! with paragraph breaks, without navigation, share buttons, cookie banners and related links;
//! the title; the publication date from the page's metadata (`article:published_time`,
//! JSON-LD `datePublished`, `<time datetime>`). A page too short for Readability to call an
//! article (a notice, a press release of three lines) falls back to the whole page's text without
//! navigation and scripts. Measured against rs-trafilatura, trafilatura, readability,
//! readabilityrs, readability-rust, html2text, htmd and scraper: the only one that kept every
//! paragraph, and its breaks, without panicking on garbage (bench/runs/2026-11-26-html.md).

use diplograph_model::Date;
use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use crate::depth::Refusal;
use crate::PageError;

pub(crate) struct Doc {
    pub text: String,
    pub published: Option<Date>,
    pub title: Option<String>,
    pub site: Option<String>,
    pub notes: Vec<String>,
}

/// Deeper than any page a person reads; parsing pathological nesting costs minutes.
pub(crate) const MAX_DEPTH: usize = 1000;

/// The most tags times their depth a page may hold: a 16 MB page of paragraphs twenty elements
/// deep is a sixth of it; parsing up to it takes about a second (bench/runs/2026-12-01-budget.md).
pub(crate) const MAX_WORK: usize = 32_000_000;

pub(crate) fn extract(html: &str) -> Result<Doc, PageError> {
    match crate::depth::refusal(html, MAX_DEPTH, MAX_WORK) {
        Some(Refusal::Deep(offset)) => {
            return Err(PageError::TooDeep {
                offset,
                limit: MAX_DEPTH,
            })
        }
        Some(Refusal::Costly(offset)) => {
            return Err(PageError::TooCostly {
                offset,
                limit: MAX_WORK,
            })
        }
        None => {}
    }
    let doc = Document::from(html);
    // `<time datetime>` when the page has no date metadata
    let time = doc
        .select("time[datetime]")
        .attr("datetime")
        .map(|t| t.to_string());
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let mut r = Readability::with_document(doc, None, Some(cfg)).map_err(|_| PageError::NoText)?;
    // title and date from the metadata, kept even when the article cannot be isolated
    let meta = r.get_article_metadata(r.parse_json_ld());
    let (title, published, text, site) = match r.parse() {
        Ok(a) if !a.text_content.trim().is_empty() => (
            a.title,
            a.published_time,
            a.text_content.to_string(),
            a.site_name,
        ),
        // a short page Readability will not call an article: the whole page's text, without
        // navigation and scripts
        _ => (
            meta.title,
            meta.published_time,
            page_text(&Document::from(html)),
            meta.site_name,
        ),
    };
    if text.trim().is_empty() {
        return Err(PageError::NoText);
    }
    let title = Some(title.trim().to_string()).filter(|t| !t.is_empty());
    let mut notes = Vec::new();
    let published = published.or(time).and_then(|p| {
        let day = crate::parse_published(&p);
        if day.is_none() {
            notes.push(format!(
                "publication date {:?} in the page's metadata ignored: not a day of the years 1 to 9999",
                p.trim()
            ));
        }
        day
    });
    Ok(Doc {
        text,
        published,
        title,
        site: site.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
        notes,
    })
}

/// The text of the whole page, without scripts, navigation, headers, footers and forms.
fn page_text(doc: &Document) -> String {
    doc.select("script,style,noscript,template,svg,nav,header,footer,aside,form,button,iframe")
        .remove();
    doc.body()
        .map(|b| b.formatted_text().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><title>Seoul and Damascus open ties | World</title>
<meta property="article:published_time" content="2025-04-11T05:32:00+09:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookie">We use cookies to improve your experience. <button>Accept</button></div>
<article><h1>Seoul and Damascus open ties</h1>
<p>South Korea established diplomatic relations with Syria on Thursday, the foreign ministry in Seoul said, after its foreign minister met his Syrian counterpart in Damascus.</p>
<p>The two ministers signed a joint statement on the establishment of ties, ending a long period in which the two governments had no formal contact at all.</p>
<p>Officials said embassies would follow, although no date was given for the opening of either mission and staff have not yet been named.</p>
<div class="share"><a>Share on X</a> <a>Share on Facebook</a></div></article>
<aside><h3>Related</h3><ul><li><a>Markets rally in Seoul</a></li><li><a>Weather: rain ahead</a></li></ul></aside>
<footer>© 2025 Example News</footer></body></html>"#;

    #[test]
    fn article_text_title_and_date() {
        let d = extract(PAGE).unwrap();
        assert!(d
            .text
            .contains("South Korea established diplomatic relations with Syria on Thursday"));
        assert!(d.text.contains("\n"), "paragraphs stay apart");
        assert!(!d.text.contains("Share on Facebook"));
        assert!(!d.text.contains("Weather: rain ahead"));
        assert_eq!(d.published.unwrap().to_string(), "2025-04-11");
        assert!(d.title.unwrap().starts_with("Seoul and Damascus open ties"));
    }

    /// Issue 11: a metadata date beyond year 9999 (or before year 1) is ignored with a note.
    #[test]
    fn metadata_dates_outside_the_years_are_ignored() {
        for (date, shown) in [
            ("12025-01-01", "12025-01-01"),
            ("0000-03-01T10:00:00Z", "0000-03-01T10:00:00Z"),
        ] {
            let page = PAGE.replace("2025-04-11T05:32:00+09:00", date);
            let d = extract(&page).unwrap();
            assert_eq!(d.published, None, "{date}");
            assert_eq!(
                d.notes,
                [format!("publication date {shown:?} in the page's metadata ignored: not a day of the years 1 to 9999")]
            );
        }
        assert!(extract(PAGE).unwrap().notes.is_empty());
    }

    #[test]
    fn refuses_pages_without_text_and_pathological_nesting() {
        assert!(matches!(
            extract("<html><head><title>x</title></head><body><img src=a.png></body></html>"),
            Err(PageError::NoText)
        ));
        let deep = format!(
            "<html><body>{}<p>deep</p>{}</body></html>",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        assert!(matches!(
            extract(&deep),
            Err(PageError::TooDeep {
                offset: 5002,
                limit: MAX_DEPTH
            })
        ));
        // broken markup still yields its text
        let broken = "<html><body><article><p>Chile recalled its ambassador from Israel on Tuesday, the foreign ministry said in a statement issued in Santiago late in the evening<p>Colombia followed hours later, and both governments said they were consulting allies about next steps in the region";
        let d = extract(broken).unwrap();
        assert!(d.text.contains("Chile recalled its ambassador"));
    }
}
