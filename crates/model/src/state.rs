//! A state as diplograph knows it: codes, names, capital, UN membership and existence dates.

use crate::{Code, Date, Day, Source};

/// Why a state is in the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
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

#[derive(Clone, Debug, serde::Serialize)]
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
    pub begin: Option<Date>,
    pub end: Option<Date>,
    pub aliases: Vec<String>,
    pub sources: String,
}

impl State {
    /// Whether the state existed on `day`; unknown beginnings count as existing.
    pub fn exists_on(&self, day: Day) -> bool {
        self.begin.is_none_or(|b| b.first_day() <= day)
            && self.end.is_none_or(|e| day <= e.last_day())
    }

    /// Whether the state was a UN member on `day`.
    pub fn un_member_on(&self, day: Day) -> bool {
        self.exists_on(day)
            && self.un_member_since.is_some_and(|d| d.last_day() <= day)
            && self.kind != StateKind::Former
    }
}

/// A person the reader knows by name: a head of state or government or a foreign minister, and
/// the state they speak for ("Xi Jinping" is China).
#[derive(Clone, Debug, serde::Serialize)]
pub struct Person {
    pub name: String,
    pub code: Code,
    pub office: String,
    pub aliases: Vec<String>,
    pub source: Source,
}
