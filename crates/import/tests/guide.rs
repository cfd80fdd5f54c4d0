//! The US facts against the State Department guide itself (../shared/data): the dates its prose
//! gives, the words it uses, and how well the guide's prose is read; skipped where `../shared`
//! is absent.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use diplograph_import::prose::{statements, Basis, Kind};
use diplograph_import::{read_guide, us_missions, GuideArticle};
use diplograph_model::{Code, Event, Fact};

/// A file or folder of the reference data beside the checkout, or `None` (and a message) where
/// `../shared` is absent, so that the test skips.
fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent", p.display());
        None
    }
}

fn guide() -> Option<Vec<GuideArticle>> {
    Some(read_guide(&shared("historyatstate_rdcr/articles")?).unwrap())
}

/// The states these tests look at, by COW code (the CLI maps every state from the baseline).
fn cow() -> HashMap<u16, Code> {
    [
        (40, "CUB"),
        (94, "CRI"),
        (390, "DNK"),
        (369, "UKR"),
        (710, "CHN"),
        (713, "TWN"),
        (327, "VAT"),
        (652, "SYR"),
        (255, "DEU"),
        (260, "DEU"),
    ]
    .into_iter()
    .map(|(c, s)| (c, s.parse().unwrap()))
    .collect()
}

fn import() -> Option<(Vec<GuideArticle>, Vec<Fact>)> {
    let csv = shared("us_diplomatic_missions/mission_status_range_cow_v0.1.csv")?;
    let g = guide()?;
    let (facts, _) = us_missions(&csv, &g, &cow()).unwrap();
    Some((g, facts))
}

fn history(facts: &[Fact], b: &str) -> Vec<String> {
    facts
        .iter()
        .filter(|f| f.b.as_str() == b)
        .map(|f| format!("{} {}", f.event, f.date))
        .collect()
}

/// The establishment and restoration dates are the guide's, not the embassies' (issue 8).
#[test]
fn relations_dates_are_the_guides_not_the_embassies() {
    let Some((_, facts)) = import() else { return };
    // "On January 1, 1979, the United States recognized the PRC and established diplomatic
    // relations with it"; the embassy opened on March 1.
    assert!(
        history(&facts, "CHN").contains(&"establish 1979-01-01".to_string()),
        "{:?}",
        history(&facts, "CHN")
    );
    // The Republic of China: relations terminated the same day.
    assert_eq!(history(&facts, "TWN").last().unwrap(), "sever 1979-01-01");
    // "Diplomatic relations were established on October 12, 1801"; the legation came in 1827.
    assert_eq!(history(&facts, "DNK"), ["establish 1801-10-12"]);
    // "Diplomatic relations were established on March 24, 1851"; the data starts in 1920.
    assert_eq!(history(&facts, "CRI")[0], "establish 1851-03-24");
    // The former Soviet republics: on the Soviet Union's end, not when embassies opened in 1992.
    assert_eq!(history(&facts, "UKR"), ["establish 1991-12-25"]);
    // The Holy See from 1984 only: the missions data's Papal States (1848-1867) are another state.
    assert_eq!(history(&facts, "VAT"), ["establish 1984-01-10"]);
    assert_eq!(
        history(&facts, "CUB"),
        [
            "establish 1902-05-27",
            "sever 1961-01-03",
            "restore 2015-07-20"
        ]
    );
    // Germany's relations started with Prussia and came back in 1921 and with the Federal
    // Republic in 1955; the German Democratic Republic's are its own.
    assert_eq!(
        history(&facts, "DEU"),
        [
            "establish 1797",
            "sever 1917-02-03",
            "restore 1921-12-10",
            "sever 1941-12-11",
            "restore 1955-05-06"
        ]
    );
    // Syria joined the United Arab Republic in 1958 and left it in 1961; Syria 2012 is a closed
    // embassy, not a break.
    assert_eq!(
        history(&facts, "SYR"),
        [
            "establish 1944-11-17",
            "sever 1958-02-25",
            "restore 1961-10-10",
            "sever 1967-06-06",
            "restore 1974-06-16"
        ]
    );
}

/// Guide facts cite the article's page with its own words; dataset facts cite a row and quote
/// nothing.
#[test]
fn every_source_is_the_guides_words_or_a_dataset_row() {
    let Some((g, facts)) = import() else { return };
    let cuba = facts
        .iter()
        .find(|f| f.b.as_str() == "CUB" && f.event == Event::Sever)
        .unwrap();
    assert_eq!(cuba.source.url, "https://history.state.gov/countries/cuba");
    assert_eq!(
        cuba.source.publisher,
        "US Department of State, Office of the Historian"
    );
    assert_eq!(
        cuba.source.quote,
        "The United States severed diplomatic relations with Cuba on January 3, 1961"
    );
    for f in &facts {
        let s = &f.source;
        assert!(s.published.is_some(), "{f:?}");
        if s.url.is_empty() {
            assert!(
                s.quote.is_empty(),
                "a dataset row states no sentence: {f:?}"
            );
            assert!(
                s.citation
                    .starts_with("mission_status_range_cow_v0.1.csv row "),
                "{f:?}"
            );
            continue;
        }
        assert!(s.citation.is_empty(), "{f:?}");
        assert!(
            s.published.unwrap().last_day() >= f.date.first_day(),
            "published before the event: {f:?}"
        );
        let slug = s
            .url
            .strip_prefix("https://history.state.gov/countries/")
            .unwrap();
        let a = g.iter().find(|a| a.slug() == slug).unwrap();
        assert_quote_stands_in(&s.quote, a);
    }
}

/// Every part of a quote (parts are elided with " … ") stands in one section of the article:
/// its heading, then its prose.
fn assert_quote_stands_in(quote: &str, a: &GuideArticle) {
    assert!(!quote.trim().is_empty());
    let sections: Vec<String> = a
        .sections
        .iter()
        .map(|s| format!("{} {}", s.heading, s.text))
        .collect();
    for part in quote.split(" … ") {
        assert!(
            sections.iter().any(|s| s.contains(part))
                || sections
                    .iter()
                    .any(|s| s.contains(&format!("{part}.")) || s.starts_with(part)),
            "{}: {part:?} is not in the article",
            a.file
        );
    }
}

/// Importing the same data twice gives the same facts, none twice.
#[test]
fn importing_twice_gives_the_same_facts_once() {
    let Some((_, first)) = import() else { return };
    let Some((_, second)) = import() else { return };
    let key = |f: &Fact| format!("{} {} {} {} {:?}", f.a, f.b, f.event, f.date, f.source);
    let a: Vec<String> = first.iter().map(key).collect();
    let b: Vec<String> = second.iter().map(key).collect();
    assert_eq!(a, b);
    let mut unique = a.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), a.len(), "a fact twice");
}

/// How well the guide's prose is read, scored as `diplograph eval --guide` scores the general
/// reader: every timeline section whose heading names a relations event is one labelled
/// passage; a statement read from its prose (not from its heading) of that kind and the
/// heading's year is a hit. Figures in data/notes/us-guide-dates.md.
#[test]
fn guide_prose_is_read_better_than_by_the_general_reader() {
    let Some(g) = guide() else { return };
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut by_kind: HashMap<&str, (u32, u32, u32)> = HashMap::new();
    for a in &g {
        let said = statements(a);
        for (i, s) in a.sections.iter().enumerate() {
            let (Some(kind), Some(year)) = (heading_kind(&s.heading), s.year) else {
                continue;
            };
            let read: Vec<_> = said
                .iter()
                .filter(|st| st.order == i && st.basis != Basis::Heading)
                .collect();
            let e = by_kind.entry(name(kind)).or_default();
            let mut hit = false;
            for st in &read {
                if !hit && st.kind == kind && st.date.year_number() == year {
                    hit = true;
                    tp += 1;
                    e.0 += 1;
                } else {
                    fp += 1;
                    e.1 += 1;
                }
            }
            if !hit {
                fn_ += 1;
                e.2 += 1;
            }
        }
    }
    let p = tp as f64 / (tp + fp) as f64;
    let r = tp as f64 / (tp + fn_) as f64;
    let mut kinds: Vec<_> = by_kind.into_iter().collect();
    kinds.sort();
    eprintln!("guide prose: tp {tp} fp {fp} fn {fn_}: precision {p:.2} recall {r:.2}; by kind (tp, fp, fn): {kinds:?}");
    // The general reader scores 0.75 / 0.58 on these sections, recognitions included
    // (bench/runs/2026-11-26-reader.md); on relations events alone, lower.
    assert!(p >= 0.85 && r >= 0.80, "precision {p:.2} recall {r:.2}");
}

/// The event a heading names, labelled as `eval --guide` labels it (crates/cli/src/reading.rs,
/// `heading_event`), recognitions left out.
fn heading_kind(heading: &str) -> Option<Kind> {
    let h = heading.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if !h.contains("relations") || (h.contains("recognition of") && !h.contains("withdraw")) {
        None
    } else if has(&["resum", "re-establish", "reestablish", "restor"]) {
        Some(Kind::Restore)
    } else if has(&["sever", "termination", "broken"]) {
        Some(Kind::Sever)
    } else if has(&["suspen", "interrupt"]) {
        Some(Kind::Suspend)
    } else if h.contains("establish") {
        Some(Kind::Establish)
    } else {
        None
    }
}

fn name(k: Kind) -> &'static str {
    match k {
        Kind::Establish => "establish",
        Kind::Sever => "sever",
        Kind::Suspend => "suspend",
        Kind::Restore => "restore",
    }
}
