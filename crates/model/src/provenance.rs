//! The one rule for what counts as provenance, used by every door a fact comes in through
//! (`add`, `import facts`, the baseline's files, the coming API): a source is an http(s) URL with
//! the words it states the fact in, or a dataset row cited by name; its text is printable.

use crate::{Day, Fact, Source};

/// Why a source is not provenance.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProvenanceError {
    #[error("a fact needs a source: an http(s) URL with a quote, or a dataset citation")]
    Missing,
    #[error("{0:?} is not an http(s) URL")]
    NotHttp(String),
    #[error("source {0:?} has no quote: the few words of the source that state the fact")]
    NoQuote(String),
    #[error("the {field} {value:?} holds a control character")]
    Control { field: &'static str, value: String },
    #[error("the quote {0:?} is not words from the source")]
    Placeholder(String),
}

/// Why a fact's dates cannot be: it reports the future, or its source predates it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateProblem {
    #[error("the date {date} is after today ({today}): a fact is something that happened")]
    Future { date: String, today: Day },
    #[error("the publication day {published} is after today ({today})")]
    PublishedFuture { published: String, today: Day },
    #[error("the source was published on {published}, before the event it reports ({date})")]
    PublishedBefore { published: String, date: String },
}

impl Fact {
    /// Checks the fact's dates against each other and against the day it is added (`today`):
    /// no event after today, and a source published neither after today nor before the event
    /// (at the precision each is given: "2024" published 2024-02-14 is possible).
    pub fn check_dates(&self, today: Day) -> Result<(), DateProblem> {
        if self.date.first_day() > today {
            return Err(DateProblem::Future {
                date: self.date.to_string(),
                today,
            });
        }
        if let Some(p) = self.source.published {
            if p.first_day() > today {
                return Err(DateProblem::PublishedFuture {
                    published: p.to_string(),
                    today,
                });
            }
            if p.last_day() < self.date.first_day() {
                return Err(DateProblem::PublishedBefore {
                    published: p.to_string(),
                    date: self.date.to_string(),
                });
            }
        }
        Ok(())
    }
}

/// Placeholders people type where a quote should be.
const PLACEHOLDERS: &[&str] = &[
    "n/a",
    "na",
    "tbd",
    "todo",
    "xxx",
    "quote",
    "none",
    "null",
    "placeholder",
    "lorem ipsum",
];

impl Source {
    /// Checks that the source is provenance: a URL is http(s) with a host and no spaces, and
    /// comes with a quote unless a dataset row is cited beside it; without a URL a citation is
    /// required, and a citation is never a link of another scheme (`javascript:`, `file:`); a
    /// quote has words, not a placeholder; nothing holds control characters.
    pub fn validate(&self) -> Result<(), ProvenanceError> {
        for (field, value) in [
            ("URL", &self.url),
            ("publisher", &self.publisher),
            ("quote", &self.quote),
            ("citation", &self.citation),
        ] {
            if value.chars().any(char::is_control) {
                return Err(ProvenanceError::Control {
                    field,
                    value: value.to_string(),
                });
            }
        }
        let url = self.url.trim();
        let citation = self.citation.trim();
        let quote = self.quote.trim();
        if url.is_empty() && citation.is_empty() {
            return Err(ProvenanceError::Missing);
        }
        if !url.is_empty() && !is_http(url) {
            return Err(ProvenanceError::NotHttp(self.url.to_string()));
        }
        if let Some(scheme) = link_scheme(citation) {
            if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
                return Err(ProvenanceError::NotHttp(self.citation.to_string()));
            }
        }
        if !url.is_empty() && quote.is_empty() && citation.is_empty() {
            return Err(ProvenanceError::NoQuote(self.url.to_string()));
        }
        if !quote.is_empty()
            && (!quote.chars().any(char::is_alphanumeric)
                || PLACEHOLDERS.iter().any(|p| quote.eq_ignore_ascii_case(p)))
        {
            return Err(ProvenanceError::Placeholder(self.quote.to_string()));
        }
        Ok(())
    }
}

/// `http://host...` or `https://host...`, with no whitespace.
fn is_http(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !url.chars().any(char::is_whitespace)
}

/// The scheme of text that reads as a link (`javascript:alert(1)`, `file:///etc`): letters, then
/// a colon directly followed by something other than a space. "Wikipedia: Foreign relations of
/// Chad" is a citation, not a link.
fn link_scheme(s: &str) -> Option<&str> {
    let colon = s.find(':')?;
    let (scheme, rest) = (&s[..colon], &s[colon + 1..]);
    let mut chars = scheme.chars();
    let starts = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let scheme_chars = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
    let linked = rest.chars().next().is_some_and(|c| !c.is_whitespace());
    (starts && scheme_chars && linked).then_some(scheme)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(url: &str, quote: &str, citation: &str) -> Source {
        Source {
            url: url.to_string().into(),
            publisher: "Example".into(),
            published: None,
            quote: quote.to_string().into(),
            citation: citation.to_string().into(),
        }
    }

    #[test]
    fn reports_and_dataset_rows_are_provenance() {
        for ok in [
            src(
                "https://www.mofa.go.kr/x",
                "established diplomatic relations",
                "",
            ),
            src("HTTP://example.org", "ties restored", ""),
            src("", "", "mission_status_range_cow_v0.1.csv row 272"),
            src(
                "",
                "",
                "Wikipedia: Foreign relations of Chad, table 1 row 4",
            ),
            src("https://en.wikipedia.org/wiki/X", "", "table 1 row 4"),
            src("https://example.org/1987", "1987", ""),
        ] {
            assert_eq!(ok.validate(), Ok(()), "{ok:?}");
        }
    }

    #[test]
    fn dates_a_fact_cannot_have() {
        let today: Day = "2026-12-01".parse().unwrap();
        let fact = |date: &str, published: Option<&str>| Fact {
            a: "KOR".parse().unwrap(),
            b: "CUB".parse().unwrap(),
            event: crate::Event::Establish,
            date: date.parse().unwrap(),
            source: Source {
                published: published.map(|p| p.parse().unwrap()),
                ..src("https://a.org/x", "established relations", "")
            },
            origin: crate::Origin::Ledger { id: 0 },
        };
        assert_eq!(
            fact("2024-02-14", Some("2024-02-14")).check_dates(today),
            Ok(())
        );
        assert_eq!(fact("2024", Some("2024-02-14")).check_dates(today), Ok(()));
        assert_eq!(fact("2026-12", None).check_dates(today), Ok(()));
        let e = |d: &str, p: Option<&str>| fact(d, p).check_dates(today).unwrap_err().to_string();
        assert_eq!(
            e("2027-05-04", None),
            "the date 2027-05-04 is after today (2026-12-01): a fact is something that happened"
        );
        assert_eq!(
            e("2024-02-14", Some("2030")),
            "the publication day 2030 is after today (2026-12-01)"
        );
        assert_eq!(
            e("2024-02-14", Some("2023-12-31")),
            "the source was published on 2023-12-31, before the event it reports (2024-02-14)"
        );
    }

    #[test]
    fn garbage_is_not_provenance() {
        let cases = [
            (src("", "", ""), "a fact needs a source"),
            (src("  ", "", "   "), "a fact needs a source"),
            (
                src("javascript:alert(1)", "q words", ""),
                "is not an http(s) URL",
            ),
            (src("", "", "javascript:alert(1)"), "is not an http(s) URL"),
            (src("", "", "file:///etc/passwd"), "is not an http(s) URL"),
            (src("https:// x", "words", ""), "is not an http(s) URL"),
            (src("https://", "words", ""), "is not an http(s) URL"),
            (src("https://a.org/x", " ", ""), "has no quote"),
            (
                src("https://a.org/x", "...", ""),
                "is not words from the source",
            ),
            (
                src("https://a.org/x", "TBD", ""),
                "is not words from the source",
            ),
            (
                src("https://a.org/x", "a\0b", ""),
                "holds a control character",
            ),
            (
                src("https://a.org/\u{1b}[2J", "ab", ""),
                "holds a control character",
            ),
        ];
        for (s, want) in cases {
            let e = s.validate().unwrap_err().to_string();
            assert!(e.contains(want), "{s:?}: {e}");
        }
    }
}
