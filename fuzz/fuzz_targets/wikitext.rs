//! Fuzz target: wikitext through the Wikipedia importer (sections, tables, templates, dates,
//! notes and prose read by the reader) as one "Foreign relations of" article, with a snapshot
//! day drawn from the first bytes, and through the markup and date functions on their own.
#![no_main]

use diplograph_fuzz::{lexicon, published, states};
use diplograph_wikipedia::{dates, import, markup, Article, Config};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (day, bytes) = published(data);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let _ = markup::plain(text);
    let _ = markup::templates(text);
    let _ = dates::parse_text(text);
    let _ = dates::read_cell(text);
    let article = Article {
        title: "Foreign relations of Ghana".into(),
        file: "fuzz.wiki".into(),
        text: text.to_string(),
        revision: None,
    };
    let cfg = Config {
        snapshot: day
            .map(|d| d.first_day())
            .or(Some(diplograph_model::Day::constant(2025, 4, 11))),
    };
    if let Ok(imp) = import(&[article], states(), lexicon(), &cfg) {
        for f in &imp.facts {
            let _ = (f.date.first_day(), f.date.last_day());
        }
    }
});
