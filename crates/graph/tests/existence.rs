//! States exist from their first independence, not their current regime, with occupations and
//! annexations as gaps; the UN of a past day has that day's members (issue 8, "the world graph").

use std::path::Path;

use diplograph_graph::{universe, Error, Graph, Options};
use diplograph_model::{Code, Day, StateKind, Universe};

fn graph() -> Graph {
    let b = diplograph_baseline::load().unwrap();
    Graph::build(b.states, &b.facts, &b.sets, &Options::default())
}

fn c(s: &str) -> Code {
    s.parse().unwrap()
}

fn day(s: &str) -> Day {
    s.parse().unwrap()
}

/// The codes of the UN members on `d`, sorted.
fn un_members(g: &Graph, d: &str) -> Vec<String> {
    let mut v: Vec<String> = universe(g.states(), day(d), Universe::Un)
        .map(|s| s.code.to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn iran_answers_before_the_islamic_republic() {
    let g = graph();
    let r = g
        .relations(c("IRN"), day("1975-06-30"), Universe::Un)
        .unwrap();
    assert_eq!(r.of, 137, "the other UN members of mid-1975");
    // The United States had relations with Iran from 1883 to 1980 (us.facts.tsv).
    assert!(r.partners.contains(&c("USA")), "{:?}", r.partners);
    assert!(r.count >= 1);
}

#[test]
fn japan_exists_under_allied_occupation() {
    let g = graph();
    for d in ["1860-01-01", "1950-06-30", "1952-04-28"] {
        assert!(g.check_exists(c("JPN"), day(d)).is_ok(), "{d}");
    }
}

#[test]
fn kuwait_is_a_gap_while_annexed() {
    let g = graph();
    assert!(g.check_exists(c("KWT"), day("1975-06-30")).is_ok());
    let e = g.check_exists(c("KWT"), day("1990-10-01")).unwrap_err();
    assert!(matches!(e, Error::InGap { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "Kuwait (KWT) did not exist on 1990-10-01: it was not independent between 1990-08-28 and 1991-02-28"
    );
    assert!(g.check_exists(c("KWT"), day("1991-02-28")).is_ok());
    // The seat was not lost: Kuwait counts among the UN members while annexed.
    assert!(un_members(&g, "1990-10-01").contains(&"KWT".to_string()));
}

#[test]
fn the_netherlands_is_a_gap_while_occupied() {
    let g = graph();
    assert!(g.check_exists(c("NLD"), day("1939-09-01")).is_ok());
    let e = g.check_exists(c("NLD"), day("1942-01-01")).unwrap_err();
    assert!(
        e.to_string()
            .ends_with("it was not independent between 1940-05-10 and 1945-05-05"),
        "{e}"
    );
    assert!(g
        .relations(c("NLD"), day("1942-01-01"), Universe::All)
        .is_err());
}

#[test]
fn other_occupations_and_annexations_are_gaps() {
    let g = graph();
    for (code, inside, before) in [
        ("EST", "1975-06-30", "1930-01-01"),
        ("LVA", "1975-06-30", "1930-01-01"),
        ("LTU", "1975-06-30", "1930-01-01"),
        ("ETH", "1938-01-01", "1930-01-01"),
        ("POL", "1942-01-01", "1930-01-01"),
        ("CSK", "1942-01-01", "1930-01-01"),
    ] {
        assert!(
            matches!(
                g.check_exists(c(code), day(inside)),
                Err(Error::InGap { .. })
            ),
            "{code} on {inside}"
        );
        assert!(
            g.check_exists(c(code), day(before)).is_ok(),
            "{code} on {before}"
        );
    }
}

#[test]
fn the_un_of_1975_has_its_own_members() {
    let g = graph();
    let mid = un_members(&g, "1975-06-30");
    assert_eq!(mid.len(), 138);
    // 144 at the end of 1975: Cape Verde, Mozambique, Sao Tome and Principe, Papua New Guinea,
    // Comoros and Suriname joined in September to December.
    assert_eq!(un_members(&g, "1975-12-31").len(), 144);
    for seat in [
        "BLR", "UKR", "DDR", "CSK", "SRB", "YAR", "YMD", "KWT", "IRN",
    ] {
        assert!(mid.contains(&seat.to_string()), "{seat}");
    }
    for not_yet in ["YEM", "AGO", "CZE", "EST"] {
        assert!(!mid.contains(&not_yet.to_string()), "{not_yet}");
    }
    let r = g
        .relations(c("USA"), day("1975-06-30"), Universe::Un)
        .unwrap();
    assert_eq!(r.of, 137);
}

/// The UN admission table lists today's members with their admission days; a past day's members
/// are those it admits by then, with Yugoslavia's seat under Serbia (the table dates Serbia from
/// its readmission in 2000) for Yemen's (the Yemen Arab Republic's until 1990), plus the members
/// that have since ended. Skips where `../shared` is absent.
#[test]
fn un_members_agree_with_the_admission_table() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/un_admission/un_member_admission_dates.csv");
    let Ok(text) = std::fs::read_to_string(&p) else {
        eprintln!("skipped: {} is absent", p.display());
        return;
    };
    let admitted: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.rsplit(',').next())
        .filter(|d| !d.is_empty())
        .collect();
    let g = graph();
    for (d, table, baseline) in [("1975-06-30", 134, 138), ("1975-12-31", 140, 144)] {
        assert_eq!(admitted.iter().filter(|a| **a <= d).count(), table, "{d}");
        let members: Vec<_> = universe(g.states(), day(d), Universe::Un).collect();
        assert_eq!(members.len(), baseline, "{d}");
        let current = members
            .iter()
            .filter(|s| s.kind == StateKind::Member)
            .count();
        assert_eq!(current, table, "{d}: today's members holding a seat");
        let mut ended: Vec<&str> = members
            .iter()
            .filter(|s| s.kind == StateKind::Former)
            .map(|s| s.code.as_str())
            .collect();
        ended.sort();
        assert_eq!(ended, ["CSK", "DDR", "YAR", "YMD"], "{d}");
    }
}
