//! Importers for reference datasets. Today: the United States toward every state, from the State
//! Department's guide to US recognition and relations (HistoryAtState rdcr) read together with
//! the US diplomatic missions data (Kenkel, v0.1).
//!
//! - [`guide`] reads the guide's TEI articles: titles, public addresses, timeline sections.
//! - [`prose`] finds what the guide's prose states: relations established, severed, suspended or
//!   restored, with the day (or month, or year) the prose gives and the words that say so.
//! - [`us`] walks each state's statements and mission transitions together into facts: the
//!   guide's prose for establishments, breaks and restorations, the missions data for what it
//!   measures (a mission's presence) where the guide is silent, cited by row.
//!
//! ```
//! let xml = r#"<TEI><teiHeader><fileDesc><titleStmt><title type="short">Ghana</title>
//!   </titleStmt></fileDesc></teiHeader><text><body><div type="section" xml:id="diplomatic-relations">
//!   <div type="timeline"><head>Establishment of Diplomatic Relations, <date when="1957">1957</date>.</head>
//!   <p>Diplomatic relations were established on March 6, 1957, when the Consulate General was
//!   elevated to Embassy status.</p></div></div></body></text></TEI>"#;
//! let article = diplograph_import::parse_article("ghana.xml", xml).unwrap();
//! let said = diplograph_import::prose::statements(&article);
//! assert_eq!(said[0].date.to_string(), "1957-03-06");
//! assert_eq!(said[0].quote, "Diplomatic relations were established on March 6, 1957");
//! assert_eq!(article.url(), "https://history.state.gov/countries/ghana");
//! ```

pub mod guide;
pub mod prose;
pub mod us;

pub use guide::{parse_article, read_guide, GuideArticle, GuideSection};
pub use us::{us_missions, Report};

/// The comment lines that open `data/facts/us.facts.tsv`: how it is made.
pub const US_TSV_HEADER: &str = "\
# The United States toward every state, made by the importer, not by hand:
#   diplograph import us-missions ../shared/data/us_diplomatic_missions/mission_status_range_cow_v0.1.csv \\
#     --guide ../shared/data/historyatstate_rdcr/articles --tsv > data/facts/us.facts.tsv
# Establishments, breaks and restorations from the State Department guide's prose (its page and
# words); the missions data (a dataset row, no quote) only where the guide states none.
";

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
