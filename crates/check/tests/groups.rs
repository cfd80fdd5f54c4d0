//! Issue 13: counts and lists limited to a group ("seven of them are in Latin America and the
//! Caribbean", "its only ally in Europe", "the only EU members without relations with
//! Pyongyang"), decided on the memberships of `data/groups.tsv` as of the article's day.

use diplograph_check::{check, Claim, Verdict};
use diplograph_read::read;

mod common;
use common::setup;

/// The claim whose words are `words`, checked in `text` as of `day`.
fn claim(text: &str, day: &str, words: &str) -> Claim {
    let (lex, graph) = setup();
    let day: diplograph_model::Day = day.parse().unwrap();
    let r = read(text, Some(diplograph_model::Date::from_day(day)), lex);
    let report = check(text, &r, graph, day, lex);
    report
        .claims
        .iter()
        .find(|c| c.text == words)
        .unwrap_or_else(|| panic!("no claim {words:?} in {:#?}", report.claims))
        .clone()
}

const NAURU: &str = "Nauru's switch to Beijing cuts Taiwan's diplomatic allies to 12: eleven countries plus the Vatican. Seven of them are in Latin America and the Caribbean, three in the Pacific and one in Africa.";

#[test]
fn counts_of_them_in_a_region() {
    for words in [
        "Seven of them are in Latin America and the Caribbean",
        "three in the Pacific",
        "one in Africa",
    ] {
        let c = claim(NAURU, "2024-01-15", words);
        assert_eq!(c.verdict, Verdict::Supported, "{words}: {}", c.explanation);
        // the convention: which group, as of which day, from which source
        assert!(
            c.explanation.contains("(UN M49) on 2024-01-15"),
            "{}",
            c.explanation
        );
        assert!(
            c.explanation.contains("data/groups.tsv"),
            "{}",
            c.explanation
        );
        assert!(c.evidence.iter().any(|e| e.fact.contains("member of")));
    }
}

#[test]
fn a_wrong_count_with_every_pair_known_is_refuted_with_its_facts() {
    let text = NAURU.replace("three in the Pacific", "four in the Pacific");
    let c = claim(&text, "2024-01-15", "four in the Pacific");
    assert_eq!(c.verdict, Verdict::Refuted, "{}", c.explanation);
    assert!(
        c.explanation.contains("3 counted, not 4"),
        "{}",
        c.explanation
    );
    assert!(c
        .evidence
        .iter()
        .any(|e| e.fact.contains("Tuvalu: member of Oceania")));
    // the relations facts behind it too: Taiwan's list of allies
    assert!(c.evidence.iter().any(|e| e.fact.contains("Taiwan")));
}

#[test]
fn its_only_ally_and_its_last_in_a_region() {
    let text = "Only 12 states now officially recognise Taiwan. The Vatican is its only ally in Europe and Eswatini its last in Africa.";
    for words in [
        "Vatican is its only ally in Europe",
        "Eswatini its last in Africa",
    ] {
        let c = claim(text, "2024-01-31", words);
        assert_eq!(c.verdict, Verdict::Supported, "{words}: {}", c.explanation);
    }
    // Burkina Faso was still an ally in 2017: Eswatini was not the last
    let text = "Taiwan has 20 official allies. Eswatini is its last in Africa.";
    let c = claim(text, "2017-06-01", "Eswatini is its last in Africa");
    assert_ne!(c.verdict, Verdict::Supported, "{}", c.explanation);
}

#[test]
fn one_of_three_central_american_states() {
    let text = "Honduras is among just 14 countries that formally recognise Taiwan, and one of three Central American states, with Belize and Guatemala, that still do so.";
    let c = claim(
        text,
        "2023-03-16",
        "one of three Central American states, with Belize and Guatemala",
    );
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.explanation);
}

#[test]
fn the_only_central_american_states_and_the_only_ally_in_south_america() {
    let text = "Since the break with Honduras, Taiwan has 13 official allies; Guatemala and Belize are the only Central American states still recognising Taipei, and Paraguay is its only ally in South America.";
    for words in [
        "Guatemala and Belize are the only Central American states still recognising Taipei",
        "Paraguay is its only ally in South America",
    ] {
        let c = claim(text, "2023-04-18", words);
        assert_eq!(c.verdict, Verdict::Supported, "{words}: {}", c.explanation);
    }
    // before Honduras left, the list leaves it out
    let c = claim(
        text,
        "2023-03-01",
        "Guatemala and Belize are the only Central American states still recognising Taipei",
    );
    assert_eq!(c.verdict, Verdict::Refuted, "{}", c.explanation);
    assert!(
        c.explanation.contains("leaves out Honduras"),
        "{}",
        c.explanation
    );
}

#[test]
fn the_only_eu_members_without_relations_is_not_refuted_on_a_pair_the_graph_lacks() {
    let text = "North Korea has diplomatic ties with 161 countries, and France and Estonia are the only EU members without relations with Pyongyang.";
    let c = claim(
        text,
        "2011-12-28",
        "France and Estonia are the only EU members without relations with Pyongyang",
    );
    // the graph does not know every EU member's relations with North Korea on that day
    assert_ne!(c.verdict, Verdict::Refuted, "{}", c.explanation);
    assert!(
        c.explanation.contains("Estonia, France"),
        "{}",
        c.explanation
    );
}

#[test]
fn the_middle_east_and_the_gulf_stay_undecided() {
    let text = "Only 12 states now officially recognise Taiwan. One of them is in the Middle East, and two of them are in the Gulf.";
    for words in [
        "One of them is in the Middle East",
        "two of them are in the Gulf",
    ] {
        let c = claim(text, "2024-01-31", words);
        assert_eq!(
            c.verdict,
            Verdict::NotEnoughInfo,
            "{words}: {}",
            c.explanation
        );
        assert!(
            c.explanation.contains("names no group"),
            "{}",
            c.explanation
        );
    }
}

#[test]
fn group_words_before_a_count_are_not_taken_as_its_group() {
    // "Asian" qualifies Taiwan, not its allies: not a count of allies in Asia
    let text = "Taiwan, an Asian democracy, has 13 official allies.";
    let (lex, graph) = setup();
    let day: diplograph_model::Day = "2023-04-18".parse().unwrap();
    let r = read(text, Some(diplograph_model::Date::from_day(day)), lex);
    for c in check(text, &r, graph, day, lex).claims {
        assert_ne!(c.verdict, Verdict::Refuted, "{}: {}", c.text, c.explanation);
    }
    // after the count, the words are its group
    let text = "Taiwan has official relations with 3 countries in the Pacific.";
    let c = claim(text, "2024-01-15", "relations with 3 countries");
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.explanation);
}

#[test]
fn a_bare_number_in_a_region_is_no_count_of_partners() {
    let text = "Taiwan has 13 official allies, and its president will visit two in the Pacific.";
    let (lex, graph) = setup();
    let day: diplograph_model::Day = "2023-04-18".parse().unwrap();
    let r = read(text, Some(diplograph_model::Date::from_day(day)), lex);
    let claims = check(text, &r, graph, day, lex).claims;
    assert!(
        claims
            .iter()
            .all(|c| !c.text.contains("two in the Pacific")),
        "{claims:#?}"
    );
}

#[test]
fn a_groups_count_then_and_now() {
    let text = "With Nauru gone, Taiwan's Pacific allies have been halved since 2019, from six to three, and worldwide a dozen countries keep formal ties with Taipei.";
    let c = claim(
        text,
        "2024-01-18",
        "Pacific allies have been halved since 2019, from six to three",
    );
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.explanation);
    assert!(c.explanation.contains("on 2019-01-01"), "{}", c.explanation);
    let wrong = text.replace("from six to three", "from eight to three");
    let c = claim(
        &wrong,
        "2024-01-18",
        "Pacific allies have been halved since 2019, from eight to three",
    );
    // the year's first day is a convention: a count then that differs is not refuted
    assert_eq!(c.verdict, Verdict::NotEnoughInfo, "{}", c.explanation);
    let wrong = text.replace("from six to three", "from six to four");
    let c = claim(
        &wrong,
        "2024-01-18",
        "Pacific allies have been halved since 2019, from six to four",
    );
    assert_eq!(c.verdict, Verdict::Refuted, "{}", c.explanation);
}
