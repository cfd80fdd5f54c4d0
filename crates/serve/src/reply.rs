//! What every route answers with: the success envelope around a document, CSV, the error
//! envelope, and the parsing of what a request asks (`.json`/`.csv` twins, `_`-prefixed
//! controls, filters) into values or a 4xx that says what was wrong.

use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use diplograph_graph::LookupError;
use diplograph_model::{Day, Universe};
use serde::Serialize;

/// A request that cannot be answered: its status and one lowercase line.
#[derive(Debug)]
pub struct Fail {
    pub status: StatusCode,
    pub message: String,
}

impl Fail {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Fail {
        Fail {
            status,
            message: message.into(),
        }
    }
    pub fn bad(message: impl Into<String>) -> Fail {
        Fail::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn not_found(message: impl Into<String>) -> Fail {
        Fail::new(StatusCode::NOT_FOUND, message)
    }
}

/// An error from the application layer: an unknown state is a 404, a question the graph
/// refuses (a day before a state existed, a pair of one state) a 400, anything else a 500.
impl From<anyhow::Error> for Fail {
    fn from(e: anyhow::Error) -> Fail {
        let message = format!("{e:#}");
        if e.downcast_ref::<LookupError>().is_some() {
            Fail::not_found(message)
        } else if e.downcast_ref::<diplograph_graph::Error>().is_some() {
            Fail::bad(message)
        } else {
            Fail::new(StatusCode::INTERNAL_SERVER_ERROR, message)
        }
    }
}

impl From<diplograph_store::Error> for Fail {
    fn from(e: diplograph_store::Error) -> Fail {
        Fail::from(anyhow::Error::from(e))
    }
}

impl IntoResponse for Fail {
    fn into_response(self) -> Response {
        let doc = diplograph_api::ErrorDoc {
            ok: false,
            error: self.message,
            status: self.status.as_u16(),
        };
        (self.status, axum::Json(doc)).into_response()
    }
}

/// The success envelope: `{"ok": true, "data": …, "next": …}`.
#[derive(Serialize)]
pub struct Envelope<T: Serialize> {
    pub ok: bool,
    pub data: T,
    /// The `_next` value of the following page, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// A document in the success envelope.
pub fn json<T: Serialize>(data: T, next: Option<String>) -> Response {
    axum::Json(Envelope {
        ok: true,
        data,
        next,
    })
    .into_response()
}

/// CSV written by one of the application's writers.
pub fn csv(write: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<()>) -> Result<Response, Fail> {
    let mut body = Vec::new();
    write(&mut body)?;
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/csv; charset=utf-8"),
        )],
        body,
    )
        .into_response())
}

/// What a path's last segment asks for: the page, or its `.json` or `.csv` twin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ext {
    Html,
    Json,
    Csv,
}

/// `KOR.json` → (`KOR`, Json); `KOR` → (`KOR`, Html).
pub fn split_ext(segment: &str) -> (&str, Ext) {
    if let Some(s) = segment.strip_suffix(".json") {
        (s, Ext::Json)
    } else if let Some(s) = segment.strip_suffix(".csv") {
        (s, Ext::Csv)
    } else {
        (segment, Ext::Html)
    }
}

/// The query string: `_`-prefixed controls and filters (datasette's conventions).
#[derive(Debug, Default)]
pub struct Params {
    pub as_of: Option<Day>,
    pub known_at: Option<Day>,
    pub among: Option<Universe>,
    pub size: Option<usize>,
    pub next: Option<usize>,
    pub from: Option<i16>,
    pub timeline: bool,
    /// Filters (`status=none`, `date__gte=2020-01-01`), in order.
    pub filters: Vec<(String, String)>,
}

/// The largest page `_size` may ask for.
pub const MAX_SIZE: usize = 1000;

impl Params {
    /// Parses the query of `uri`, allowing the filters named in `filters` (a filter
    /// `date__gte` is allowed by `date__gte`).
    pub fn parse(uri: &Uri, filters: &[&str]) -> Result<Params, Fail> {
        let q = axum::extract::Query::<Vec<(String, String)>>::try_from_uri(uri)
            .map_err(|e| Fail::bad(format!("bad query string: {e}")))?;
        let mut p = Params::default();
        for (k, v) in q.0 {
            let day =
                |what: &str| diplograph_app::day(&v, what).map_err(|e| Fail::bad(format!("{e:#}")));
            match k.as_str() {
                "_as_of" => p.as_of = Some(day("_as_of")?),
                "_known_at" => p.known_at = Some(day("_known_at")?),
                "_among" => {
                    p.among = Some(match v.as_str() {
                        "un" => Universe::Un,
                        "all" => Universe::All,
                        _ => {
                            return Err(Fail::bad(format!(
                                "_among {v:?}: expected \"un\" or \"all\""
                            )))
                        }
                    })
                }
                "_size" => {
                    let n: usize = v
                        .parse()
                        .map_err(|_| Fail::bad(format!("_size {v:?}: expected a number")))?;
                    if n == 0 || n > MAX_SIZE {
                        return Err(Fail::bad(format!("_size {v:?}: expected 1 to {MAX_SIZE}")));
                    }
                    p.size = Some(n);
                }
                "_next" => {
                    p.next = Some(
                        v.parse()
                            .map_err(|_| Fail::bad(format!("_next {v:?}: not a page token")))?,
                    )
                }
                "_from" => {
                    p.from = Some(
                        v.parse()
                            .map_err(|_| Fail::bad(format!("_from {v:?}: expected a year")))?,
                    )
                }
                "_timeline" => p.timeline = matches!(v.as_str(), "1" | "true" | "on" | ""),
                k if k.starts_with('_') => {
                    return Err(Fail::bad(format!("unknown parameter {k:?}")));
                }
                k if filters.contains(&k) => p.filters.push((k.to_string(), v)),
                k => {
                    let known = if filters.is_empty() {
                        "this route takes no filters".to_string()
                    } else {
                        format!("filters here: {}", filters.join(", "))
                    };
                    return Err(Fail::bad(format!("unknown filter {k:?} ({known})")));
                }
            }
        }
        Ok(p)
    }

    /// The day asked about: `_as_of`, else today.
    pub fn day(&self) -> Day {
        self.as_of.unwrap_or_else(diplograph_app::today)
    }

    pub fn among(&self) -> Universe {
        self.among.unwrap_or(Universe::All)
    }

    /// The values of filter `name`.
    pub fn filter<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.filters
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A window of `total` items: `_next` (an offset) and `_size`, with `default` items a page;
/// the range and the following page's `_next`.
pub fn page(p: &Params, total: usize, default: usize) -> (std::ops::Range<usize>, Option<String>) {
    let start = p.next.unwrap_or(0).min(total);
    let end = (start + p.size.unwrap_or(default)).min(total);
    (start..end, (end < total).then(|| end.to_string()))
}
