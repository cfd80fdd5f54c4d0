//! A state's membership of a group (the EU, the Arab League, an M49 region) over time.

use crate::{Code, Date, Day, Origin, Source, Text};

/// One period of a state's membership of a group: `data/groups.tsv` has one row per period (a
/// state suspended and readmitted has two).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Membership {
    /// The group's key: `eu`, `arab_league`, `m49_oceania`, ...
    pub group: Text,
    pub state: Code,
    /// When the period began, at its source's precision; `None` where no source dates it.
    pub joined: Option<Date>,
    /// When the period ended; `None` while it lasts.
    pub left: Option<Date>,
    pub source: Source,
    /// Where the row stands (`groups.tsv` and its line).
    pub origin: Origin,
}

impl Membership {
    /// Whether the state was a member on `day`: `Some(true)` from the first day of `joined` on
    /// (the day it joined counts) and `Some(false)` after the last day of `left` or before the
    /// first day of `joined`; `None` where a date's precision straddles the day ("1967" asked
    /// about mid-1967) and on the day of `left` itself, which sources write either as the last
    /// day of membership (the United Kingdom left the EU at the end of 2020-01-31) or as the
    /// first day without it (a suspension "on 22 February 2011").
    ///
    /// A membership with no `joined` date (the M49 regions, undated rows) counts as a member on
    /// any day before `left`: the rows say who belongs, not since when.
    pub fn on(&self, day: Day) -> Option<bool> {
        if let Some(l) = self.left {
            if day > l.last_day() {
                return Some(false);
            }
            if day >= l.first_day() {
                return None;
            }
        }
        match self.joined {
            None => Some(true),
            Some(j) if day < j.first_day() => Some(false),
            Some(j) if day > j.last_day() || j.precision() == crate::Precision::Day => Some(true),
            Some(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(joined: &str, left: &str) -> Membership {
        let date = |s: &str| (!s.is_empty()).then(|| s.parse::<Date>().unwrap());
        Membership {
            group: "eu".into(),
            state: "GBR".parse().unwrap(),
            joined: date(joined),
            left: date(left),
            source: Source::default(),
            origin: Origin::Ledger { id: 0 },
        }
    }

    fn day(s: &str) -> Day {
        s.parse().unwrap()
    }

    #[test]
    fn united_kingdom_leaves_the_eu_on_2020_01_31() {
        let gbr = m("1973-01-01", "2020-01-31");
        assert_eq!(gbr.on(day("1972-12-31")), Some(false));
        assert_eq!(gbr.on(day("1973-01-01")), Some(true));
        assert_eq!(gbr.on(day("2020-01-30")), Some(true));
        // the day itself: sources write `left` as either side of it
        assert_eq!(gbr.on(day("2020-01-31")), None);
        assert_eq!(gbr.on(day("2020-02-01")), Some(false));
        assert_eq!(gbr.on(day("2024-01-01")), Some(false));
    }

    #[test]
    fn a_year_is_unknown_inside_it() {
        // South Yemen joined the Arab League in 1967; Egypt was suspended in 1979
        let yemen = m("1967", "");
        assert_eq!(yemen.on(day("1966-12-31")), Some(false));
        assert_eq!(yemen.on(day("1967-06-01")), None);
        assert_eq!(yemen.on(day("1968-01-01")), Some(true));
        let egypt = m("1945-03-22", "1979");
        assert_eq!(egypt.on(day("1978-12-31")), Some(true));
        assert_eq!(egypt.on(day("1979-05-01")), None);
        assert_eq!(egypt.on(day("1980-01-01")), Some(false));
    }

    #[test]
    fn no_joined_date_is_a_member_until_left() {
        assert_eq!(m("", "").on(day("1900-01-01")), Some(true));
        assert_eq!(m("", "").on(day("2026-12-01")), Some(true));
        assert_eq!(m("", "1990-05-21").on(day("1950-01-01")), Some(true));
        assert_eq!(m("", "1990-05-21").on(day("1990-05-22")), Some(false));
    }
}
