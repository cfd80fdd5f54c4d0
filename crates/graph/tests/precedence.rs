//! When sources disagree: a dated report over a dataset over an encyclopedia's table, spans
//! where equal sources disagree are unknown, an undated break makes the status unknown, and a
//! list of partners speaks only of those it names.

use diplograph_graph::{Graph, Options};
use diplograph_model::{
    Code, Date, Event, Fact, Origin, SetFact, SetMode, Source, Status, Universe,
};

fn code(s: &str) -> Code {
    s.parse().unwrap()
}

fn report(date: &str) -> Source {
    Source {
        url: "https://example.org/report".into(),
        publisher: "Example Wire".into(),
        published: Some(date.parse().unwrap()),
        quote: "the two established diplomatic relations".into(),
        citation: "".into(),
    }
}

fn table(row: usize) -> Source {
    Source {
        url: "".into(),
        publisher: "Wikipedia".into(),
        published: Some("2025-11-26".parse().unwrap()),
        quote: "".into(),
        citation: format!(
            "Wikipedia \"Foreign relations of X\" as of 2025-11-26, table 1, row {row}"
        )
        .into(),
    }
}

fn fact(a: &str, b: &str, event: Event, date: &str, source: Source) -> Fact {
    Fact {
        a: code(a),
        b: code(b),
        event,
        date: date.parse().unwrap(),
        source,
        origin: Origin::Ledger { id: 0 },
    }
}

/// A complete list of `state`'s partners naming `member`, on the snapshot day.
fn includes(state: &str, member: &str) -> SetFact {
    SetFact {
        state: code(state),
        as_of: "2025-11-26".parse().unwrap(),
        universe: Universe::All,
        mode: SetMode::Includes,
        members: vec![code(member)],
        count: None,
        source: table(3),
        origin: Origin::Ledger { id: 0 },
    }
}

fn graph(facts: &[Fact], sets: &[SetFact]) -> Graph {
    let b = diplograph_baseline::load().unwrap();
    Graph::build(b.states, facts, sets, &Options::default())
}

fn status(g: &Graph, a: &str, b: &str, day: &str) -> Status {
    g.status(code(a), code(b), day.parse().unwrap()).status
}

#[test]
fn a_dated_report_decides_over_a_table_and_says_so() {
    let g = graph(
        &[
            fact(
                "PER",
                "FJI",
                Event::Establish,
                "1990-05-01",
                report("1990-05-02"),
            ),
            fact("PER", "FJI", Event::Establish, "1988", table(1)),
        ],
        &[],
    );
    // The table's earlier date is set aside: no relations in 1989.
    assert_eq!(status(&g, "PER", "FJI", "1989-06-01"), Status::None);
    assert_eq!(status(&g, "PER", "FJI", "1990-06-01"), Status::Relations);
    let p = g.pair(code("PER"), code("FJI")).unwrap();
    assert_eq!(p.conflicts.len(), 1);
    assert_eq!(
        p.conflicts[0].message,
        "establishment dated 1988 and 1990-05-01 by different sources; answered by a dated report (1990-05-01) over an encyclopedia table"
    );
    let h = g.history(code("PER"), code("FJI")).unwrap();
    assert_eq!(h.history[1].from, Some("1990-05-01".parse().unwrap()));
}

#[test]
fn a_table_agreeing_with_a_report_does_not_refine_its_date() {
    let g = graph(
        &[
            fact("PER", "FJI", Event::Establish, "1987", report("2017-03-02")),
            fact("PER", "FJI", Event::Establish, "1987-09-24", table(1)),
        ],
        &[],
    );
    let p = g.pair(code("PER"), code("FJI")).unwrap();
    assert_eq!(p.entries.len(), 1);
    assert_eq!(p.entries[0].date, "1987".parse::<Date>().unwrap());
    assert_eq!(p.entries[0].sources.len(), 2);
    // Two tables that agree stand at the coarser precision.
    let g = graph(
        &[
            fact("PER", "FJI", Event::Establish, "1987", table(1)),
            fact("FJI", "PER", Event::Establish, "1987-09-24", table(2)),
        ],
        &[],
    );
    let p = g.pair(code("PER"), code("FJI")).unwrap();
    assert_eq!(p.entries[0].date, "1987".parse::<Date>().unwrap());
}

#[test]
fn equal_sources_that_disagree_leave_the_span_between_unknown() {
    let g = graph(
        &[
            fact("PER", "FJI", Event::Establish, "1990-05-01", table(1)),
            fact("FJI", "PER", Event::Establish, "1992-01-10", table(2)),
        ],
        &[],
    );
    assert_eq!(status(&g, "PER", "FJI", "1989-01-01"), Status::None);
    let s = g.status(code("PER"), code("FJI"), "1991-01-01".parse().unwrap());
    assert_eq!(s.status, Status::Unknown);
    assert_eq!(
        s.reason.as_deref(),
        Some("sources disagree on when relations began (1990-05-01 or 1992-01-10)")
    );
    assert_eq!(status(&g, "PER", "FJI", "1993-01-01"), Status::Relations);
    // Two restorations with no break between: the same.
    let g = graph(
        &[
            fact("GHA", "ISR", Event::Establish, "1957", table(1)),
            fact("GHA", "ISR", Event::Sever, "1973-10-28", table(1)),
            fact("GHA", "ISR", Event::Restore, "1994-08-09", table(1)),
            fact("ISR", "GHA", Event::Restore, "2011-09", table(2)),
        ],
        &[],
    );
    assert_eq!(status(&g, "GHA", "ISR", "1980-01-01"), Status::Severed);
    assert_eq!(status(&g, "GHA", "ISR", "2000-01-01"), Status::Unknown);
    assert_eq!(status(&g, "GHA", "ISR", "2012-01-01"), Status::Relations);
}

#[test]
fn an_undated_break_is_unknown_until_a_later_fact() {
    let g = graph(
        &[
            fact("GHA", "MAR", Event::Establish, "1957", table(1)),
            fact("GHA", "MAR", Event::Interrupted, "1957", table(1)),
        ],
        &[includes("GHA", "MAR")],
    );
    let s = g.status(code("GHA"), code("MAR"), "1990-01-01".parse().unwrap());
    assert_eq!(s.status, Status::Unknown);
    assert_eq!(
        s.reason.as_deref(),
        Some("relations were broken at a time no source gives, after 1957")
    );
    // The list attests relations on its day; it says nothing of the states it does not name.
    assert_eq!(status(&g, "GHA", "MAR", "2025-11-26"), Status::Relations);
    assert_eq!(status(&g, "GHA", "PER", "2025-11-26"), Status::Unknown);
}

#[test]
fn a_table_attestation_does_not_undo_a_reported_break() {
    let g = graph(
        &[
            fact("DZA", "MAR", Event::Establish, "1962-10-01", table(1)),
            fact(
                "DZA",
                "MAR",
                Event::Sever,
                "2021-08-24",
                report("2021-08-24"),
            ),
        ],
        &[includes("DZA", "MAR")],
    );
    assert_eq!(status(&g, "DZA", "MAR", "2025-11-30"), Status::Severed);
    let p = g.pair(code("DZA"), code("MAR")).unwrap();
    assert!(p.conflicts[0]
        .message
        .ends_with("answered by a dated report (sever on 2021-08-24) over an encyclopedia table"));
}

/// A report of no relations before the first establishment agrees with it: before the report
/// there were none either (the Holy See and Oman: "no relations" in 2015, established in 2023).
/// Before a report of no relations that no establishment follows, the status stays unknown.
#[test]
fn no_relations_before_the_first_establishment_means_none_before_it_too() {
    let g = graph(
        &[
            fact(
                "VAT",
                "OMN",
                Event::NoRelations,
                "2015-01",
                report("2015-01-12"),
            ),
            fact(
                "VAT",
                "OMN",
                Event::Establish,
                "2023-02-23",
                report("2023-02-23"),
            ),
            fact(
                "VAT",
                "BRN",
                Event::NoRelations,
                "2015-01",
                report("2015-01-12"),
            ),
        ],
        &[],
    );
    assert_eq!(status(&g, "VAT", "OMN", "2010-06-01"), Status::None);
    assert_eq!(status(&g, "VAT", "OMN", "2016-06-01"), Status::None);
    assert_eq!(status(&g, "VAT", "OMN", "2024-06-01"), Status::Relations);
    assert_eq!(status(&g, "VAT", "BRN", "2010-06-01"), Status::Unknown);
    assert_eq!(status(&g, "VAT", "BRN", "2016-06-01"), Status::None);
}
