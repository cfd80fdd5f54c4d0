//! Dates at their true precision: "1987" stays a year, "2024-02" a month, "2024-02-14" a day.

use std::fmt;
use std::str::FromStr;

/// How much of a date a source states.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A calendar day, used to compare dates of different precision.
pub type Day = jiff::civil::Date;

/// A date as a source states it: a year, a month of a year, or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    year: i16,
    month: Option<i8>,
    day: Option<i8>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{input:?} is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
pub struct DateError {
    pub input: String,
}

impl Date {
    pub fn year(y: i16) -> Date {
        Date {
            year: y,
            month: None,
            day: None,
        }
    }

    /// A month of a year; `None` when `month` is not 1 to 12 or `year` is below 1.
    pub fn from_month(year: i16, month: i8) -> Option<Date> {
        ((1..=12).contains(&month) && year >= 1).then_some(Date {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A whole day; panics never: invalid days are rejected by [`Date::from_str`] only, so this
    /// takes an already valid [`Day`].
    pub fn from_day(d: Day) -> Date {
        Date {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    pub fn year_number(&self) -> i16 {
        self.year
    }

    /// The first day the date may mean.
    pub fn first_day(&self) -> Day {
        let m = self.month.unwrap_or(1);
        let d = self.day.unwrap_or(1);
        Day::new(self.year, m, d).expect("validated on construction")
    }

    /// The last day the date may mean.
    pub fn last_day(&self) -> Day {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Day::new(self.year, m, d).expect("validated on construction"),
            (Some(m), None) => Day::new(self.year, m, 1).expect("valid").last_of_month(),
            (None, _) => Day::new(self.year, 12, 31).expect("valid"),
        }
    }

    /// True when `other` names a day, month or year inside this date's span or the other way
    /// round: "1992" and "1992-08-24" agree, "1992-08" and "1992-09" do not.
    pub fn agrees_with(&self, other: &Date) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }

    /// The more precise of two agreeing dates.
    pub fn finer(self, other: Date) -> Date {
        if other.precision() > self.precision() {
            other
        } else {
            self
        }
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError {
            input: s.to_string(),
        };
        let t = s.trim();
        // At most three parts, without allocating: the baseline parses tens of thousands.
        let mut it = t.split('-');
        let mut buf = [""; 3];
        let mut n = 0;
        for p in it.by_ref() {
            if n == 3 {
                return Err(err());
            }
            buf[n] = p;
            n += 1;
        }
        let parts = &buf[..n];
        let num = |p: &str, len: usize| -> Result<i16, DateError> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            p.parse::<i16>().map_err(|_| err())
        };
        let year = num(parts.first().ok_or_else(err)?, 4)?;
        if year < 1 {
            return Err(err());
        }
        let date = match parts.len() {
            1 => Date::year(year),
            2 => {
                let m = num(parts[1], 2)?;
                if !(1..=12).contains(&m) {
                    return Err(err());
                }
                Date {
                    year,
                    month: Some(m as i8),
                    day: None,
                }
            }
            3 => {
                let m = num(parts[1], 2)?;
                let d = num(parts[2], 2)?;
                Day::new(year, m as i8, d as i8).map_err(|_| err())?;
                Date {
                    year,
                    month: Some(m as i8),
                    day: Some(d as i8),
                }
            }
            _ => return Err(err()),
        };
        Ok(date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (None, _) => write!(f, "{:04}", self.year),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
        }
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "description": "a date at the precision its source gives: YYYY, YYYY-MM or YYYY-MM-DD"
        })
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Dates order by their first day, then coarser before finer.
impl Ord for Date {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first_day(), self.precision()).cmp(&(other.first_day(), other.precision()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_precision() {
        for s in ["1987", "2024-02", "2024-02-14", "2024-02-29"] {
            assert_eq!(s.parse::<Date>().unwrap().to_string(), s);
        }
        assert_eq!("1987".parse::<Date>().unwrap().precision(), Precision::Year);
        assert_eq!(
            "1987-09".parse::<Date>().unwrap().last_day().to_string(),
            "1987-09-30"
        );
    }

    #[test]
    fn rejects_bad_dates() {
        for s in [
            "",
            "87",
            "2023-02-29",
            "2024-13",
            "2024-1-5",
            "31/02/2024",
            "2024-02-14x",
            "0000",
        ] {
            assert!(s.parse::<Date>().is_err(), "{s} should fail");
        }
        let e = "2023-02-30".parse::<Date>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "\"2023-02-30\" is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
    }

    #[test]
    fn agreement_across_precision() {
        let y: Date = "1992".parse().unwrap();
        let d: Date = "1992-08-24".parse().unwrap();
        let m: Date = "1992-09".parse().unwrap();
        assert!(y.agrees_with(&d) && d.agrees_with(&y));
        assert!(!m.agrees_with(&d));
        assert_eq!(y.finer(d), d);
    }
}
