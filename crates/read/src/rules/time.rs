//! When: the date expression a trigger's event takes, not one that belongs to another clause
//! ("of April 18, 1961", "ties cut in 2016", a relative clause, what someone said on a day).

use diplograph_model::Date;

use super::Sentence;
use crate::dates::{self, Expr, Found};
use crate::{Modality, Note, NoteKind};

/// Conjunctions that open the clause of another act: a date across one is that act's ("cut in
/// 2016 after …", "the move came a day after Paris said …").
pub(super) const CONJUNCTIONS: &[&str] = &["after", "before", "following", "until", "since"];

/// Whether a date is a deadline ("must leave by February 24", "out by the 7th"), not the day
/// of an act; "by 1955, the two had cut off relations" is a date at the latest, and counts.
pub(super) fn deadline(lw: &[String], d: &Found) -> bool {
    d.first > 0
        && lw[d.first - 1] == "by"
        && lw[d.first.saturating_sub(9)..d.first].iter().any(|w| {
            matches!(
                w.as_str(),
                "leave" | "depart" | "gone" | "go" | "out" | "must" | "deadline" | "expires"
            )
        })
}

impl Sentence<'_> {
    /// Whether a date is the dateline's, opening the sentence after a place: "ALGIERS, Aug 25
    /// —", "Caracas, July 30 —".
    fn is_dateline(&self, d: &Found) -> bool {
        d.first > 0
            && d.first <= 6
            && (0..d.first).all(|j| {
                self.is(j, &[","])
                    || self.text[self.toks[j].start..self.toks[j].end]
                        .starts_with(|c: char| c.is_uppercase())
            })
            && self.is(d.last + 1, &["—", "–", "-", "(", "/", "--"])
    }

    /// The day of the sentence's dateline, if it opens with one: a date that a later sentence
    /// giving the act's own day ("… a statement issued on Monday") replaces.
    pub(super) fn dateline_day(&self, published: Option<Date>) -> Option<Date> {
        self.dates
            .iter()
            .find(|d| self.is_dateline(d))
            .and_then(|d| dates::resolve(d.expr, published, false))
    }

    /// Whether a date after the trigger at `at` is when the act takes effect: "as from 3 May",
    /// "as of this day", "effective Thursday", "with effect from 1 June".
    fn effective(&self, d: &Found, at: usize) -> bool {
        let k = d.first;
        d.first > at
            && k >= 2
            && (self.is(k - 2, &["as"]) && self.is(k - 1, &["of", "from"])
                || self.is(k - 1, &["effective"])
                || k >= 3
                    && self.is(k - 3, &["with"])
                    && self.is(k - 2, &["effect"])
                    && self.is(k - 1, &["from"]))
    }

    /// Whether the act takes effect at once ("with immediate effect", "effective immediately"):
    /// the day the statement was made, which is the publication day when the text gives no
    /// other.
    pub(super) fn immediate(&self) -> bool {
        (0..self.toks.len()).any(|j| {
            self.is(j, &["with"]) && self.is(j + 1, &["immediate"]) && self.is(j + 2, &["effect"])
                || self.is(j, &["effective", "effectively"]) && self.is(j + 1, &["immediately"])
        })
    }

    /// Whether a date is when someone spoke: "said on Friday", "announced Monday".
    pub(super) fn said_on(&self, d: &Found) -> bool {
        let k = if d.first > 0 && self.is(d.first - 1, &["on", "in", "last", "this"]) {
            d.first - 1
        } else {
            d.first
        };
        // "said in a statement on Wednesday", "told reporters on Monday"
        const SETTING: &[&str] = &[
            "in",
            "a",
            "an",
            "the",
            "statement",
            "statements",
            "press",
            "conference",
            "briefing",
            "interview",
            "televised",
            "address",
            "speech",
            "reporters",
            "journalists",
            "issued",
            "released",
            "late",
            "early",
        ];
        k > 0
            && (self.is(k - 1, dates::SAYING_VERBS)
                || (k.saturating_sub(6)..k - 1).rev().any(|v| {
                    self.is(v, dates::SAYING_VERBS) && (v + 1..k).all(|t| self.is(t, SETTING))
                }))
    }

    /// The day a statement in this sentence was made ("announced on Thursday that …"), for the
    /// sentences that go on with it.
    pub(super) fn statement_day(
        &self,
        published: Option<Date>,
        anchor: Option<Date>,
    ) -> Option<Date> {
        self.dates
            .iter()
            .filter(|d| self.said_on(d))
            .filter_map(|d| dates::resolve_in(d.expr, published, false, anchor))
            .find(|d| d.precision() == diplograph_model::Precision::Day)
    }

    /// Whether the sentence reports what someone said ("…, the council said"), with no date of
    /// its own: it goes on with a statement made before.
    pub(super) fn goes_on_with_statement(&self) -> bool {
        self.dates.is_empty()
            && (0..self.toks.len()).any(|j| self.is(j, super::words::SPEECH_VERBS))
    }

    /// The date of the event at token `at`: the nearest date expression in the sentence.
    /// `anchor` is the last day the article named before this sentence, for "that day" and "the
    /// next day"; only a day counts from it.
    pub(super) fn date(
        &self,
        at: usize,
        rule: &str,
        modality: Modality,
        (published, anchor): (Option<Date>, Option<Date>),
        notes: &mut Vec<Note>,
    ) -> (Option<Date>, bool) {
        // "the ministry said on Friday" dates the saying, not the event; a date across "after"
        // or "before" dates another event
        let speech = |d: &&Found| self.said_on(d);
        let across = |d: &&Found| {
            let (lo, hi) = if d.first > at {
                (at, d.first)
            } else {
                (d.last, at)
            };
            (lo..hi).any(|j| {
                // ("In 1992, after more than 130 years, Mexico reestablished relations": a
                // time gone by set off by commas, not an act of its own)
                let lapse = self.is(j, &["after"])
                    && (j + 1..(j + 6).min(hi)).any(|k| {
                        self.is(k, &["years", "decades", "months", "year", "decade"])
                            && self.is(k + 1, &[","])
                    });
                // ("recalling its ambassador after an inquiry into landmine blasts, the prime
                // minister said on Wednesday": a phrase with no state and no verb of its own,
                // before the day of the statement)
                let phrase = self.is(j, &["after", "before", "following"])
                    && d.first > j
                    && speech(d)
                    && (j + 1..d.first)
                        .find(|&k| self.is(k, &[","]))
                        .is_some_and(|comma| {
                            (j + 1..comma).all(|k| {
                                let named = self.mentions.iter().any(|x| x.first == k);
                                let verb = self.w(k).len() > 3 && self.w(k).ends_with("ed")
                                    || self.is(
                                        k,
                                        &[
                                            "was", "were", "is", "are", "had", "has", "have",
                                            "did", "took", "made", "cut", "broke", "met",
                                        ],
                                    );
                                !named && !verb
                            })
                        });
                // "…, in retaliation for N'Djamena's expulsion of the German ambassador last
                // week": the act answered, with its own time
                let answered = j >= 1
                    && self.is(j - 1, &["in"])
                    && self.is(
                        j,
                        &["retaliation", "response", "answer", "reply", "reaction"],
                    )
                    && self.is(j + 1, &["for", "to"]);
                let conj = (self.is(j, CONJUNCTIONS) || answered)
                    && !(lapse || phrase)
                    && !self.is(j + 1, &[",", "."])
                    && (j + 1 != d.first)
                    && !(j + 2 == d.first && self.is(j + 1, &["on", "in"]));
                // "established relations on 28 November 1972, but China severed them in 1997"
                // ("Bolivia broke off relations on 1 November, while Colombia and Chile
                // recalled their ambassadors")
                let but =
                    self.is(j, &["but", "whereas", "while"]) && j > 0 && self.is(j - 1, &[","]);
                // "… to recognise the SADR, and in 1980 it hosted …": a date right after ", and"
                // opens the next clause
                let and = d.first > at
                    && self.is(j, &["and"])
                    && j > 0
                    && self.is(j - 1, &[","])
                    && d.first <= j + 3;
                // "Russia on Sunday gave Czech diplomats a day to leave, hitting back at the
                // Czech decision to expel eighteen Russians": a participle clause after a
                // comma holds an act of its own
                // (not the act's own participle: "retaliated on Monday, declaring 40 staff
                // personae non gratae")
                let participle = d.last < at
                    && self.is(j, &[","])
                    && j + 1 < at
                    && self.is(
                        j + 1,
                        &[
                            "hitting",
                            "responding",
                            "reacting",
                            "retaliating",
                            "mirroring",
                            "echoing",
                            "matching",
                            "answering",
                            "replying",
                        ],
                    );
                // "recalled its ambassador, as Colombia did last month": the date of the
                // clause that compares
                let as_did = d.first > at
                    && self.is(j, &["as"])
                    && j > 0
                    && self.is(j - 1, &[","])
                    && !self.is(j + 1, &["well", "of", "from", "part"]);
                // "… a relationship with Burkina Faso, which had first set up ties in 1961": a
                // relative clause after the trigger holds its own acts
                let relative_after = d.first > at
                    && self.is(j, &["which", "who"])
                    && j > 0
                    && self.is(j - 1, &[","]);
                conj || but || and || participle || as_did || relative_after || self.is(j, &[";"])
            })
        };
        // "the Vienna Convention on Diplomatic Relations of April 18, 1961": a date after "of"
        // dates the noun before it, unless that noun is the trigger's own
        let of_noun = |d: &&Found| {
            d.first > 1
                && self.is(d.first - 1, &["of"])
                && !self.is(d.first - 2, &["as"])
                && !(at + 1..d.first).all(|j| j + 3 > d.first)
        };
        // "restored ties cut in 2016": a date after a participle on the relations noun dates
        // that participle's event, not the trigger before it
        // ("reopens embassy in Burkina Faso closed in 1992": a participle a place after the
        // mission noun)
        let participle = |d: &&Found| {
            d.first > at
                && (at + 1..d.first).any(|j| {
                    let mission = (j.saturating_sub(5)..j)
                        .any(|k| self.is(k, &["embassy", "embassies", "mission", "consulate"]))
                        && self.is(j, &["closed", "shut", "opened", "reopened"])
                        && j > 0
                        && !self.is(j - 1, &["was", "were", "is", "are", "been", "be", "had", "has", "have"]);
                    // ("restored the relations Iraq cut in 1990": the cutting state between)
                    let p = if mission {
                        j
                    } else {
                        self.mentions
                            .iter()
                            .find(|x| !x.place && x.first == j + 1)
                            .map_or(j + 1, |x| x.last + 1)
                    };
                    (mission
                        || self.is(j, &["ties", "relations", "links"])
                            && self.is(
                                p,
                                &["cut", "severed", "broken", "suspended", "frozen", "downgraded", "established", "ended"],
                            ))
                        // the participle's own date is the first one after it
                        && self
                            .dates
                            .iter()
                            .filter(|x| x.first > p)
                            .min_by_key(|x| x.first)
                            .is_some_and(|x| x.first == d.first)
                })
        };
        // "Ecuador, which recognised the SADR in 1983, suspended that recognition on Tuesday": a
        // date inside a relative clause closed before the trigger dates that clause's event
        let relative = |d: &&Found| {
            d.last < at
                && (d.last + 1..at).any(|j| self.is(j, &[","]))
                && (d.first.saturating_sub(12)..d.first)
                    .any(|k| self.is(k, &["which", "who"]) && k > 0 && self.is(k - 1, &[","]))
        };
        // "ALGIERS, Aug 25 — Algeria has broken off …": the dateline's date is the report's; it
        // dates the act only when the sentence gives no other ("told reporters on Tuesday")
        let dateline = |d: &&Found| self.is_dateline(d);
        // "must leave by February 24", "within 48 hours": a deadline, not the act's day
        let deadline = |d: &&Found| deadline(self.lw, d);
        // "After Taylor was ousted in 2003, Liberia … only severing them after …": a date in an
        // opening clause of its own dates that clause; "established relations in 1965 and
        // severed them in 1974", "set up relations in 1961, broke them off in 1973": a date
        // before "and" or a comma dates the verb before it, where the trigger has a date of
        // its own after it
        let own_after = self
            .dates
            .iter()
            .any(|x| x.first > at && x.first <= at + 6 && !across(&x));
        let subordinate = |d: &&Found| {
            d.last < at
                && (d.first.saturating_sub(8)..d.first).any(|j| {
                    self.is(j, &["after", "before", "following", "until", "once"])
                        // "until 14 November 2013" is the date's own preposition
                        && !self.dates.iter().any(|x| x.first == j + 1 || x.first == j + 2)
                })
                && (d.last + 1..at).any(|j| self.is(j, &[","]))
                || d.last < at && own_after && (d.last + 1..at).any(|j| self.is(j, &["and", ","]))
        };
        let history = rule.starts_with("history");
        // an event that changes the relations' status, which a date can put into effect
        let status = [
            "establish",
            "restore",
            "sever",
            "suspend",
            "recogni",
            "withdraw",
            "switch",
        ]
        .iter()
        .any(|p| rule.starts_with(p));
        // "relations have been cut since 2016", "ties, severed since 1980": a break told as
        // the state it left, right before "since", began on that date
        let broken_since = |d: &&Found| {
            d.since
                && ["sever", "suspend"].iter().any(|p| rule.starts_with(p))
                && d.first > at
                && match d.first - at {
                    2 => true,
                    3 => self.is(at + 1, &["off"]),
                    _ => false,
                }
                && at > 0
                && self.is(at - 1, &["been", "remained", ","])
        };
        let usable = |d: &&Found| {
            !across(d)
                && !of_noun(d)
                && !participle(d)
                && !relative(d)
                && !subordinate(d)
                && !deadline(d)
                && (d.since == history || broken_since(d))
        };
        let Some(nearest) = self
            .dates
            .iter()
            .filter(|d| usable(d) && !speech(d))
            .chain(self.dates.iter().filter(|d| usable(d) && speech(d)))
            .min_by_key(|d| {
                let dist = if d.first > at {
                    d.first - at
                } else {
                    at - d.last
                };
                // a date the relations take effect from ("as from 3 May", "effective
                // Thursday") is theirs before any nearer one; a date after the trigger in the
                // same clause reads first ("took place on Thursday"), one before it second
                (
                    dateline(d),
                    speech(d),
                    !(status && self.effective(d, at)),
                    dist,
                    d.first < at,
                )
            })
        else {
            return (None, false);
        };
        let said = speech(&nearest);
        // a plan's date is ahead, unless a verb in the past tells it: "agreed on 23 June to
        // open talks on restoring relations"
        let past_verb = {
            let k = nearest.first;
            let v = if k >= 1 && self.is(k - 1, &["on", "in", "at"]) {
                k.checked_sub(2)
            } else {
                k.checked_sub(1)
            };
            v.is_some_and(|v| {
                let w = self.w(v);
                (w.len() > 3 && w.ends_with("ed") || self.is(v, &["said", "met", "told", "held"]))
                    && !self.is(
                        v,
                        &[
                            "expected",
                            "scheduled",
                            "planned",
                            "slated",
                            "proposed",
                            "invited",
                        ],
                    )
                    && !(v >= 1
                        && self.is(v - 1, &["is", "are", "be", "been", "will", "would", "to"]))
            })
        };
        let future = modality == Modality::Planned && !past_verb;
        let years_on = matches!(nearest.expr, dates::Expr::YearsOn(_));
        // "that day" after a day named earlier in the same sentence counts from it
        let anchor = self
            .dates
            .iter()
            .filter(|d| d.last < nearest.first)
            .filter_map(|d| dates::resolve(d.expr, published, false))
            // ("restored in 2016, and two years later …" counts from a year too)
            .rfind(|d| years_on || d.precision() == diplograph_model::Precision::Day)
            .or(anchor);
        let r = dates::resolve_unbounded(nearest.expr, published, future, anchor);
        let t = || &self.text[self.toks[nearest.first].start..self.toks[nearest.last].end];
        // nothing outside the years the ledger stores leaves the reader
        let r = match r {
            Some(d) if !dates::storable(&d) => {
                notes.push(Note {
                    kind: NoteKind::UnresolvedDate,
                    message: format!(
                        "{:?} falls in year {}, outside 1 to 9999: left undated",
                        t(),
                        d.year_number()
                    ),
                    start: self.span.0,
                    end: self.span.1,
                });
                None
            }
            r => r,
        };
        let coarse = published.filter(|p| p.precision() != diplograph_model::Precision::Day);
        // ("two years later" with nothing before it to count from is not for want of a
        // publication date)
        if r.is_none()
            && dates::relative(nearest.expr)
            && !years_on
            && (published.is_none() || coarse.is_some())
        {
            let why = match coarse {
                None => "no publication date".to_string(),
                Some(p) => format!("the publication date is only {p}"),
            };
            notes.push(Note {
                kind: NoteKind::UnresolvedDate,
                message: format!("{:?} left unresolved: {why}", t()),
                start: self.span.0,
                end: self.span.1,
            });
        }
        let r = match (r, nearest.expr) {
            // (nor "two years later" counted past the day of writing)
            (Some(d), Expr::Weekday(_) | Expr::YearsOn(_))
                if !future && published.is_some_and(|p| d.first_day() > p.last_day()) =>
            {
                None
            }
            (r, _) => r,
        };
        (r, said)
    }
}
