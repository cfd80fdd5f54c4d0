//! A state as diplograph knows it: codes, names, capital, UN membership and existence dates.

use crate::{Code, Date, Day, Source};

/// Why a state is in the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum StateKind {
    /// A UN member state.
    Member,
    /// A UN observer state (Holy See, Palestine).
    Observer,
    /// A state with limited recognition (Taiwan, Kosovo, ...).
    Limited,
    /// A state in free association that conducts its own relations (Cook Islands, Niue).
    Associated,
    /// A state that no longer exists (East Germany, ...).
    Former,
}

impl std::str::FromStr for StateKind {
    type Err = String;
    fn from_str(s: &str) -> Result<StateKind, String> {
        Ok(match s.trim() {
            "member" => StateKind::Member,
            "observer" => StateKind::Observer,
            "limited" => StateKind::Limited,
            "associated" => StateKind::Associated,
            "former" => StateKind::Former,
            other => return Err(format!("unknown state kind {other:?}")),
        })
    }
}

#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct State {
    pub code: Code,
    pub iso2: String,
    pub isonum: String,
    pub cow: Option<u16>,
    pub gw: Option<u16>,
    pub wikidata: String,
    pub kind: StateKind,
    pub name: String,
    pub official_name: String,
    pub capital: String,
    pub demonym: String,
    pub un_member_since: Option<Date>,
    /// The first day of the state's first independence (not of its current regime).
    pub begin: Option<Date>,
    pub end: Option<Date>,
    /// Spells lost between `begin` and `end` (occupation, annexation): each is the last day of a
    /// spell and the first day of the next, in date order; the state did not exist strictly
    /// between them.
    pub gaps: Vec<(Date, Date)>,
    pub aliases: Vec<String>,
    pub sources: String,
}

impl State {
    /// Whether the state existed on `day`: after its begin, before its end and outside its gaps;
    /// unknown beginnings count as existing.
    pub fn exists_on(&self, day: Day) -> bool {
        self.begin.is_none_or(|b| b.first_day() <= day)
            && self.end.is_none_or(|e| day <= e.last_day())
            && self.gap_on(day).is_none()
    }

    /// The gap `day` falls in, if any. A day that may or may not be in it (a year-precision
    /// bound asked about mid-year) is not.
    pub fn gap_on(&self, day: Day) -> Option<(Date, Date)> {
        self.gaps
            .iter()
            .copied()
            .find(|(last, first)| last.last_day() < day && day < first.first_day())
    }

    /// Whether the state held a UN seat on `day`: from its admission until its end. A seat does
    /// not wait for independence (Belarus, Ukraine and India were original members) nor lapse in
    /// an occupation (Kuwait kept its seat in 1990-91), so this does not ask [`State::exists_on`].
    pub fn un_member_on(&self, day: Day) -> bool {
        self.un_member_since.is_some_and(|d| d.last_day() <= day)
            && self.end.is_none_or(|e| day <= e.last_day())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(begin: &str, end: &str, gaps: &[(&str, &str)], un: &str) -> State {
        let date = |s: &str| (!s.is_empty()).then(|| s.parse::<Date>().unwrap());
        State {
            code: "NLD".parse().unwrap(),
            iso2: String::new(),
            isonum: String::new(),
            cow: None,
            gw: None,
            wikidata: String::new(),
            kind: StateKind::Member,
            name: "Netherlands".into(),
            official_name: String::new(),
            capital: String::new(),
            demonym: String::new(),
            un_member_since: date(un),
            begin: date(begin),
            end: date(end),
            gaps: gaps
                .iter()
                .map(|(a, b)| (a.parse().unwrap(), b.parse().unwrap()))
                .collect(),
            aliases: vec![],
            sources: String::new(),
        }
    }

    fn day(s: &str) -> Day {
        s.parse::<Date>().unwrap().first_day()
    }

    #[test]
    fn a_gap_is_strictly_between_its_two_days() {
        let s = state("1581-07-26", "", &[("1940-05-10", "1945-05-05")], "");
        assert!(s.exists_on(day("1939-09-01")));
        assert!(s.exists_on(day("1940-05-10")));
        assert!(!s.exists_on(day("1940-05-11")));
        assert!(!s.exists_on(day("1945-05-04")));
        assert!(s.exists_on(day("1945-05-05")));
        assert!(!s.exists_on(day("1581-07-25")));
    }

    #[test]
    fn a_year_bound_gap_leaves_its_years_existing() {
        let s = state("", "", &[("1904", "1956")], "");
        assert!(s.exists_on(day("1904-06-30")));
        assert!(!s.exists_on(day("1905-01-01")));
        assert!(!s.exists_on(day("1955-12-31")));
        assert!(s.exists_on(day("1956-01-01")));
    }

    #[test]
    fn a_seat_outlasts_a_gap_and_precedes_independence_but_not_the_end() {
        let kuwait = state(
            "1961-06-19",
            "",
            &[("1990-08-28", "1991-02-28")],
            "1963-05-14",
        );
        assert!(kuwait.un_member_on(day("1990-10-01")) && !kuwait.exists_on(day("1990-10-01")));
        let belarus = state("1991-08-25", "", &[], "1945-10-24");
        assert!(belarus.un_member_on(day("1975-06-30")) && !belarus.exists_on(day("1975-06-30")));
        let gdr = state("1949-10-05", "1990-10-02", &[], "1973-09-18");
        assert!(gdr.un_member_on(day("1975-06-30")));
        assert!(!gdr.un_member_on(day("1990-10-03")));
    }
}

/// A person the reader knows by name: a head of state or government or a foreign minister, and
/// the state they speak for ("Xi Jinping" is China).
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Person {
    pub name: String,
    pub code: Code,
    pub office: String,
    pub aliases: Vec<String>,
    pub source: Source,
}
