//! What the fuzz targets share: a publication date drawn from the input's first bytes, and the
//! baseline's lexicon and graph, built once per process.

use std::sync::OnceLock;

use diplograph_graph::{Graph, Options, States};
use diplograph_model::{Date, Day};
use diplograph_read::Lexicon;

/// A publication date from the first four bytes, and the rest of the input: none one time in
/// eight; otherwise a year in 1..=9999 that hits the edges (1, 2, 9998, 9999) one time in four,
/// a month and a day of it (the day clamped to the month's last); kept as the day, or as only
/// its month or year (a page dated that coarsely) one time in eight each, as the fourth byte says.
pub fn published(data: &[u8]) -> (Option<Date>, &[u8]) {
    let Some((head, rest)) = data.split_first_chunk::<4>() else {
        return (None, data);
    };
    let [b0, b1, b2, b3] = *head;
    if b0 % 8 == 0 {
        return (None, rest);
    }
    let v = u16::from_le_bytes([b1, b2]);
    let year = match v % 16 {
        0 => 1,
        1 => 2,
        2 => 9998,
        3 => 9999,
        _ => 1 + (v % 9999) as i16,
    };
    let month = 1 + (b3 % 12) as i8;
    let first = Day::new(year, month, 1).expect("a valid month");
    let day = (1 + (b0 / 8) % 31) as i8;
    let day = day.min(first.last_of_month().day());
    let day = Day::new(year, month, day).expect("a valid day");
    let date = match b3 / 12 % 8 {
        0 => Date::from_month(year, month).expect("a valid month"),
        1 => Date::year(year),
        _ => Date::from_day(day),
    };
    (Some(date), rest)
}

struct Knowledge {
    lexicon: Lexicon,
    graph: Graph,
    states: States,
}

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| {
        let b = diplograph_baseline::load().expect("baseline");
        let lexicon = Lexicon::new(&b.states, &b.people);
        let states = States::new(b.states.clone());
        let graph = Graph::build(b.states, &b.facts, &b.sets, &Options { known_at: None })
            .with_memberships(std::sync::Arc::new(b.memberships));
        Knowledge {
            lexicon,
            graph,
            states,
        }
    })
}

pub fn lexicon() -> &'static Lexicon {
    &knowledge().lexicon
}

pub fn graph() -> &'static Graph {
    &knowledge().graph
}

pub fn states() -> &'static States {
    &knowledge().states
}

/// What every target checks of a reading: evidence spans are slices of the text, and every date
/// is one the ledger stores.
pub fn check_reading(text: &str, r: &diplograph_read::Reading) {
    let storable = |y: i16| (1..=9999).contains(&y);
    if let Some(p) = r.published {
        assert!(storable(p.year_number()), "published {p}");
    }
    for e in &r.events {
        if let Some(d) = e.date {
            assert!(storable(d.year_number()), "event date {d}");
        }
        for ev in &e.evidence {
            assert_eq!(&text[ev.start..ev.end], ev.text);
        }
    }
}
