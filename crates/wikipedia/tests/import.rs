//! The importer end to end on fixture articles written for the project (tests/data): tables,
//! notes, bilateral prose, both sides, complete lists, and the bad input a real folder holds.

use std::path::Path;

use diplograph_model::{Event, Fact, SetMode};
use diplograph_wikipedia::{import, load, to_tsv, Config, Import};

fn fixtures() -> (Import, Vec<String>) {
    let b = diplograph_baseline::load().unwrap();
    let states = diplograph_graph::States::new(b.states.clone());
    let lexicon = diplograph_read::Lexicon::new(&b.states, &b.people);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let (articles, unread) = load(&dir).unwrap();
    let cfg = Config {
        snapshot: Some("2025-11-26".parse().unwrap()),
    };
    (import(&articles, &states, &lexicon, &cfg).unwrap(), unread)
}

/// The facts about one pair, as `a b event date` strings, sorted.
fn about(imp: &Import, x: &str, y: &str) -> Vec<String> {
    let mut v: Vec<String> = imp
        .facts
        .iter()
        .filter(|f| {
            let (a, b) = (f.a.as_str(), f.b.as_str());
            (a == x && b == y) || (a == y && b == x)
        })
        .map(|f| format!("{} {} {} {}", f.a, f.b, f.event, f.date))
        .collect();
    v.sort();
    v
}

fn find<'a>(imp: &'a Import, a: &str, b: &str, event: Event, date: &str) -> &'a Fact {
    imp.facts
        .iter()
        .find(|f| {
            f.a.as_str() == a && f.b.as_str() == b && f.event == event && f.date.to_string() == date
        })
        .unwrap_or_else(|| panic!("no {a} {b} {event} {date}"))
}

#[test]
fn rows_notes_and_prose_become_cited_facts() {
    let (imp, _) = fixtures();
    assert_eq!(
        about(&imp, "GHA", "ISR"),
        [
            "GHA ISR establish 1957-03-06",
            "GHA ISR establish 1957-10",
            "GHA ISR restore 1994-08-09",
            "GHA ISR sever 1973-10-28",
            // Israel's section "Ghana" names Ghana as the one that broke them off.
            "GHA ISR sever 1973-10-28",
            "ISR GHA establish 1957",
            "ISR GHA restore 2011-09",
        ]
    );
    // A table row is cited as a row, with its reference (a named one, defined elsewhere), and
    // the reference's date is when the fact was known.
    let india = find(&imp, "GHA", "IND", Event::Establish, "1957-03-06");
    assert_eq!(india.source.publisher, "Wikipedia");
    assert_eq!(india.source.quote, "");
    assert_eq!(india.source.url, "https://example.org/ghana/partners");
    assert_eq!(india.source.published.unwrap().to_string(), "2023-05-02");
    assert_eq!(
        india.source.citation,
        "Wikipedia \"Foreign relations of Ghana\" as of 2025-11-26, section \"Diplomatic relations\", table 1, row 1; reference: \"Bilateral partners of Ghana\", Ministry of Foreign Affairs of Ghana, 2023-05-02"
    );
    // Prose is quoted as the page renders it, with the snapshot as its day.
    let back = find(&imp, "ISR", "GHA", Event::Restore, "2011-09");
    assert_eq!(
        back.source.quote,
        "Diplomatic relations were restored in September 2011."
    );
    assert_eq!(
        back.source.citation,
        "Wikipedia \"Foreign relations of Israel\" as of 2025-11-26, section \"Ghana\""
    );
    assert_eq!(back.source.published.unwrap().to_string(), "2025-11-26");
    // Historical names resolve to the state kept for them; a date template with numbers.
    assert_eq!(about(&imp, "GHA", "RUS"), ["GHA RUS establish 1958-01-14"]);
    // "1280 (Yuan dynasty)" is left out; the date after it is the establishment.
    assert_eq!(about(&imp, "GHA", "VNM"), ["GHA VNM establish 1965"]);
    // A break the notes speak of without a date: unknown from the establishment on.
    assert_eq!(
        about(&imp, "GHA", "MAR"),
        ["GHA MAR establish 1957", "GHA MAR interrupted 1957"]
    );
    // Not a break of the pair: one a third state made ("Taiwan broke off relations with
    // Benin"), one that did not happen ("never formally severed").
    assert_eq!(about(&imp, "GHA", "BEN"), ["GHA BEN establish 1960"]);
    assert_eq!(about(&imp, "GHA", "TGO"), ["GHA TGO establish 1962"]);
    // A row that says there are no relations.
    assert_eq!(about(&imp, "GHA", "TWN"), ["GHA TWN none 2025-11-26"]);
}

#[test]
fn complete_lists_attest_partners_and_mutual_omissions_are_none() {
    let (imp, _) = fixtures();
    let lists: Vec<(String, Vec<String>)> = imp
        .sets
        .iter()
        .map(|s| {
            assert_eq!(s.mode, SetMode::Includes);
            (
                s.state.to_string(),
                s.members.iter().map(|c| c.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(
        lists,
        [
            (
                "GHA".to_string(),
                vec!["CUB", "IND", "ISR", "RUS"]
                    .into_iter()
                    .map(String::from)
                    .collect()
            ),
            (
                "ISR".to_string(),
                vec!["GHA".to_string(), "IND".to_string()]
            ),
            (
                "PER".to_string(),
                vec!["BOL", "CHL", "IND"]
                    .into_iter()
                    .map(String::from)
                    .collect()
            ),
        ]
    );
    // Ghana's and Peru's lists do not name each other: no relations on the snapshot day, one
    // fact for each list that says so.
    assert_eq!(
        about(&imp, "GHA", "PER"),
        ["GHA PER none 2025-11-26", "PER GHA none 2025-11-26"]
    );
    // Israel and Peru: Israel's complete list omits Peru and Peru's omits Israel.
    assert_eq!(
        about(&imp, "ISR", "PER"),
        ["ISR PER none 2025-11-26", "PER ISR none 2025-11-26"]
    );
    // India is listed by all three: never a none.
    assert!(about(&imp, "GHA", "IND")
        .iter()
        .all(|f| !f.contains("none")));
    // 192 other UN members less those named, for each of the three lists.
    let none = imp
        .facts
        .iter()
        .filter(|f| f.event == Event::NoRelations)
        .count();
    assert_eq!(imp.report.none_from_lists + imp.report.none_from_rows, none);
    assert_eq!(imp.report.none_from_rows, 1);
}

#[test]
fn both_sides_are_compared_and_bad_rows_are_noted_one_line_each() {
    let (imp, unread) = fixtures();
    let r = &imp.report;
    assert_eq!(r.articles, 4);
    // Ghana–Israel (October 1957 against 1957) agree; every other dated pair has one side.
    assert_eq!((r.agree, r.conflicts.len(), r.one_sided), (1, 0, 9));
    assert_eq!(unread.len(), 1);
    assert!(
        unread[0].ends_with("Foreign relations of Nowhere.json: not a JSON string of wikitext: invalid type: integer `42`, expected a string at line 1 column 2"),
        "{unread:?}"
    );
    let notes = r.notes.join("\n");
    for want in [
        "Foreign relations of Chile.json: no table of diplomatic relations found",
        "Foreign relations of Ghana.wiki: section \"Diplomatic relations\", table 1, row 3: unknown state \"atlantis\"",
        "Foreign relations of Ghana.wiki: section \"Diplomatic relations\", table 1, row 5 (Cuba): no date in \"Soon\"",
        "Foreign relations of Ghana.wiki: section \"Diplomatic relations\", table 1, row 6: \"Sovereign Military Order of Malta\" is not a state: skipped",
        "Foreign relations of Peru.wiki: section \"Diplomatic relations\", table 1: the table is never closed (a truncated file?); its rows are read as far as they go",
        "Foreign relations of Peru.wiki: section \"Diplomatic relations\", table 1, row 3 (Bolivia): no date in \"{{dts|18\"",
    ] {
        assert!(notes.contains(want), "missing note {want:?} in\n{notes}");
    }
    assert!(r.notes.iter().all(|n| !n.contains('\n')));
    // The rest of the truncated table is imported.
    assert_eq!(about(&imp, "PER", "CHL"), ["PER CHL establish 1822-06-29"]);
}

#[test]
fn the_tsv_files_read_back_as_the_same_facts() {
    let (imp, _) = fixtures();
    let (facts, sets) = to_tsv(&imp);
    assert!(facts.starts_with("# Derived from English Wikipedia"));
    assert!(facts.contains("CC BY-SA 4.0"));
    let back = diplograph_baseline::parse_facts("wikipedia.facts.tsv", &facts).unwrap();
    let mut want: Vec<String> = imp
        .facts
        .iter()
        .map(|f| format!("{} {} {} {} {:?}", f.a, f.b, f.event, f.date, f.source))
        .collect();
    want.sort();
    want.dedup();
    let mut got: Vec<String> = back
        .iter()
        .map(|f| format!("{} {} {} {} {:?}", f.a, f.b, f.event, f.date, f.source))
        .collect();
    got.sort();
    assert_eq!(got, want);
    let sets = diplograph_baseline::parse_sets("wikipedia.sets.tsv", &sets).unwrap();
    assert_eq!(sets.len(), 3);
    assert_eq!(sets[0].mode, SetMode::Includes);
}

/// The shipped files are what the importer makes of the reference articles today.
#[test]
fn shipped_files_regenerate_from_the_reference_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/wikipedia_foreign_relations");
    if !dir.is_dir() {
        eprintln!(
            "skipped: {} is absent (the reference data sit beside the checkout)",
            dir.display()
        );
        return;
    }
    let b = diplograph_baseline::load().unwrap();
    let states = diplograph_graph::States::new(b.states.clone());
    let lexicon = diplograph_read::Lexicon::new(&b.states, &b.people);
    let (articles, unread) = load(&dir).unwrap();
    assert!(unread.is_empty(), "{unread:?}");
    assert_eq!(articles.len(), 205);
    let cfg = Config {
        snapshot: Some("2025-11-26".parse().unwrap()),
    };
    let imp = import(&articles, &states, &lexicon, &cfg).unwrap();
    let (facts, sets) = to_tsv(&imp);
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/facts");
    let again = "run `diplograph import wikipedia ../shared/data/wikipedia_foreign_relations --snapshot 2025-11-26 --write data/facts` and move wikipedia-import.md to data/notes";
    assert!(
        facts == std::fs::read_to_string(data.join("wikipedia.facts.tsv")).unwrap(),
        "{again}"
    );
    assert!(
        sets == std::fs::read_to_string(data.join("wikipedia.sets.tsv")).unwrap(),
        "{again}"
    );
    // The figures the notes give.
    let r = &imp.report;
    assert!(r.agree > 14_000, "{}", r.agree);
    assert!(r.conflicts.len() < r.agree / 10, "{}", r.conflicts.len());
}

/// A MediaWiki export (Special:Export) carries its revision day: no snapshot day needed.
#[test]
fn an_export_imports_with_its_revision_day() {
    let b = diplograph_baseline::load().unwrap();
    let states = diplograph_graph::States::new(b.states.clone());
    let lexicon = diplograph_read::Lexicon::new(&b.states, &b.people);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("export.xml"),
        r#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xml:lang="en">
  <page>
    <title>Foreign relations of Tonga</title>
    <revision>
      <timestamp>2026-10-02T08:00:00Z</timestamp>
      <text xml:space="preserve">==Diplomatic relations==
List of countries which Tonga maintains diplomatic relations with:
{| class="wikitable"
!#!!Country!!Date
|-
|1||{{flag|Fiji}}||{{dts|10 October 1970}}
|}</text>
    </revision>
  </page>
</mediawiki>"#,
    )
    .unwrap();
    let (articles, unread) = load(dir.path()).unwrap();
    assert!(unread.is_empty());
    let imp = import(&articles, &states, &lexicon, &Config::default()).unwrap();
    let f = find(&imp, "TON", "FJI", Event::Establish, "1970-10-10");
    assert!(
        f.source
            .citation
            .starts_with("Wikipedia \"Foreign relations of Tonga\" as of 2026-10-02"),
        "{}",
        f.source.citation
    );
    assert_eq!(imp.sets[0].as_of.to_string(), "2026-10-02");
}
