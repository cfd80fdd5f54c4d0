//! The JSON and CSV routes: each asks the application layer the question its path and query
//! give, and answers with the document the CLI's `--json` prints for the same question.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use diplograph_app::answer;
use diplograph_app::article::{self, CheckAsk};
use diplograph_app::output::{self, Out};
use diplograph_model::{Date, Day};
use diplograph_page::{Format as PageFormat, Page};
use diplograph_store::{EventState, Ledger, ReviewFilter};

use crate::reply::{self, csv, json, split_ext, Ext, Fail, Params};
use crate::state::Shared;

type Answer = Result<Response, Fail>;

/// A data route's twin: `.json` or `.csv`; a page path has its own handler.
fn data_ext(ext: Ext, path: &str) -> Result<Ext, Fail> {
    match ext {
        Ext::Html => Err(Fail::not_found(format!(
            "no page at {path:?}: add .json or .csv"
        ))),
        e => Ok(e),
    }
}

/// `/states.{json|csv}`: the states, filtered by `q` (code or name) and `kind`.
async fn states(s: Arc<Shared>, ext: Ext, uri: &Uri) -> Answer {
    let p = Params::parse(uri, &["q", "kind"])?;
    let snap = s.current().await?;
    let q = p.filter("q").next().unwrap_or("");
    let kinds: Vec<&str> = p.filter("kind").collect();
    let found: Vec<_> = answer::states(&snap.graph, q)
        .into_iter()
        .filter(|st| {
            kinds.is_empty()
                || serde_json::to_value(st.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(|k| kinds.contains(&k)))
                    .unwrap_or(false)
        })
        .collect();
    match ext {
        Ext::Csv => csv(|w| output::states(w, Out::Csv, &found)),
        _ => Ok(json(&found, None)),
    }
}

/// `/states/{code}.json`: one state's record.
pub async fn state(s: Arc<Shared>, code: &str, ext: Ext) -> Answer {
    let snap = s.current().await?;
    let c = answer::resolve(&snap.graph, code)?;
    let found: Vec<_> = snap.graph.states().get(c).into_iter().collect();
    match ext {
        Ext::Csv => csv(|w| output::states(w, Out::Csv, &found)),
        _ => Ok(json(&found, None)),
    }
}

/// `/states/{code}/{relations|statuses|timeline}.{json|csv}`.
pub async fn state_part(
    State(s): State<Arc<Shared>>,
    Path((code, file)): Path<(String, String)>,
    uri: Uri,
) -> Answer {
    let (what, ext) = split_ext(&file);
    let ext = data_ext(ext, uri.path())?;
    match what {
        "relations" | "statuses" => {
            let p = Params::parse(&uri, &["status"])?;
            let snap = s.current().await?;
            let g = snap.graph_at(p.known_at);
            let mut r = answer::relations(&g, &code, p.day(), p.among())?;
            let wanted: Vec<&str> = p.filter("status").collect();
            if !wanted.is_empty() {
                r.details
                    .retain(|d| wanted.contains(&d.status.status.as_str()));
            }
            match (what, ext) {
                ("relations", Ext::Csv) => csv(|w| output::relations(w, Out::Csv, &g, &r)),
                ("relations", _) => Ok(json(&r, None)),
                (_, Ext::Csv) => csv(|w| statuses_csv(w, &r)),
                _ => Ok(json(diplograph_api::StatusesDoc::of(&r), None)),
            }
        }
        "timeline" => {
            let p = Params::parse(&uri, &[])?;
            let snap = s.current().await?;
            let g = snap.graph_at(p.known_at);
            let (c, years) = answer::timeline(&g, &code, p.day(), p.among(), p.from)?;
            match ext {
                Ext::Csv => csv(|w| output::timeline(w, Out::Csv, &g, c, &years)),
                _ => Ok(json(
                    diplograph_api::TimelineDoc {
                        state: c,
                        years: &years,
                    },
                    None,
                )),
            }
        }
        _ => Err(Fail::not_found(format!("no route {:?}", uri.path()))),
    }
}

fn statuses_csv(w: &mut Vec<u8>, r: &diplograph_graph::Relations) -> anyhow::Result<()> {
    let doc = diplograph_api::StatusesDoc::of(r);
    output::csv_records(
        w,
        std::iter::once(
            [
                "state",
                "other",
                "other_name",
                "status",
                "since",
                "event",
                "date",
                "source",
                "publisher",
            ]
            .map(String::from),
        )
        .chain(doc.statuses.iter().map(|l| {
            let e = l.evidence.as_ref();
            [
                doc.state.to_string(),
                l.state.to_string(),
                l.name.to_string(),
                l.status.as_str().to_string(),
                l.since.map(|d| d.to_string()).unwrap_or_default(),
                e.map(|e| e.event.as_str().to_string()).unwrap_or_default(),
                e.map(|e| e.date.to_string()).unwrap_or_default(),
                e.map(|e| if e.url.is_empty() { e.citation } else { e.url }.to_string())
                    .unwrap_or_default(),
                e.map(|e| e.publisher.to_string()).unwrap_or_default(),
            ]
        })),
    )
}

/// A document the CLI's writer composes (`pair`, `exclusive`), in the envelope: written as
/// the CLI writes it, so the two cannot differ.
fn written(write: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<()>) -> Answer {
    let mut buf = Vec::new();
    write(&mut buf)?;
    let v: serde_json::Value = serde_json::from_slice(&buf).map_err(anyhow::Error::from)?;
    Ok(json(v, None))
}

/// `/states/{code}/exclusive/{rival}.{json|csv}`.
pub async fn exclusive(
    State(s): State<Arc<Shared>>,
    Path((code, file)): Path<(String, String)>,
    uri: Uri,
) -> Answer {
    let (rival, ext) = split_ext(&file);
    let ext = data_ext(ext, uri.path())?;
    let p = Params::parse(&uri, &[])?;
    let snap = s.current().await?;
    let g = snap.graph_at(p.known_at);
    let from = p.timeline.then(|| p.from.unwrap_or(1990));
    let (x, years) = answer::exclusive(&g, &code, rival, p.day(), p.among(), from)?;
    match ext {
        Ext::Csv => csv(|w| output::exclusive(w, Out::Csv, &g, &x, years.as_deref())),
        _ => written(|w| output::exclusive(w, Out::Json, &g, &x, years.as_deref())),
    }
}

/// `/pairs/{a}/{b}.{json|csv}`: with `_as_of`, the history as it stood then.
pub async fn pair(s: Arc<Shared>, a: &str, b: &str, ext: Ext, uri: &Uri) -> Answer {
    let p = Params::parse(uri, &[])?;
    let snap = s.current().await?;
    let g = snap.graph_at(p.known_at);
    let day = p.day();
    let h = answer::pair(&g, a, b, p.as_of)?;
    match ext {
        Ext::Csv => csv(|w| output::history(w, Out::Csv, &g, &h, day)),
        _ => written(|w| output::history(w, Out::Json, &g, &h, day)),
    }
}

/// `/coverage.{json|csv}`, `/events.{json|csv}`, `/review.{json|csv}`: top-level tables.
pub async fn table(State(s): State<Arc<Shared>>, Path(file): Path<String>, uri: Uri) -> Answer {
    let (name, ext) = split_ext(&file);
    if !matches!(name, "coverage" | "events" | "review" | "states") {
        return Err(Fail::not_found(format!(
            "no route {:?} (the routes: /-/openapi.json)",
            uri.path()
        )));
    }
    let ext = data_ext(ext, uri.path())?;
    match name {
        "coverage" => {
            let p = Params::parse(&uri, &["state"])?;
            let snap = s.current().await?;
            let g = snap.graph_at(p.known_at);
            // `coverage` counts UN members unless asked otherwise, as the CLI does
            let among = p.among.unwrap_or(diplograph_model::Universe::Un);
            let r = answer::coverage(&g, p.day(), among, p.filter("state").next())?;
            match ext {
                Ext::Csv => csv(|w| output::coverage(w, Out::Csv, &r, 0)),
                _ => Ok(json(&r, None)),
            }
        }
        "events" => events(s, ext, &uri).await,
        "states" => states(s, ext, &uri).await,
        "review" => review(s, ext, &uri).await,
        _ => Err(Fail::not_found(format!("no route {:?}", uri.path()))),
    }
}

const EVENT_FILTERS: &[&str] = &[
    "state",
    "a",
    "b",
    "event",
    "date__gte",
    "date__lte",
    "date__exact",
];

/// Every sourced fact (`export --format json`), filtered and paged.
async fn events(s: Arc<Shared>, ext: Ext, uri: &Uri) -> Answer {
    let p = Params::parse(uri, EVENT_FILTERS)?;
    let snap = s.current().await?;
    let g = snap.graph_at(p.known_at);
    let code = |v: &str| answer::resolve(&g, v).map_err(Fail::from);
    let state = p.filter("state").next().map(code).transpose()?;
    let a = p.filter("a").next().map(code).transpose()?;
    let b = p.filter("b").next().map(code).transpose()?;
    let date = |k: &str| -> Result<Option<Date>, Fail> {
        p.filter(k)
            .next()
            .map(|v| {
                v.parse::<Date>()
                    .map_err(|e| Fail::bad(format!("{k} {v:?}: {e}")))
            })
            .transpose()
    };
    let (gte, lte, exact) = (date("date__gte")?, date("date__lte")?, date("date__exact")?);
    let kinds: Vec<&str> = p.filter("event").collect();
    let rows: Vec<_> = output::exported(&g, state, p.as_of)
        .into_iter()
        .filter(|(e, _)| {
            a.is_none_or(|c| e.a == c)
                && b.is_none_or(|c| e.b == c)
                && (kinds.is_empty() || kinds.contains(&e.event.as_str()))
                && gte.is_none_or(|d| e.date.last_day() >= d.first_day())
                && lte.is_none_or(|d| e.date.first_day() <= d.last_day())
                && exact.is_none_or(|d| e.date == d)
        })
        .collect();
    let (range, next) = reply::page(&p, rows.len(), 100);
    let shown = &rows[range];
    match ext {
        Ext::Csv => csv(|w| output::export_csv(w, shown)),
        _ => Ok(json(output::export_doc(shown), next)),
    }
}

/// The ledger's events for review (`review --json`), filtered and paged.
async fn review(s: Arc<Shared>, ext: Ext, uri: &Uri) -> Answer {
    let p = Params::parse(uri, &["status", "kind", "state", "since"])?;
    let snap = s.current().await?;
    let statuses = p
        .filter("status")
        .map(|v| {
            [
                EventState::Proposed,
                EventState::Known,
                EventState::Conflict,
                EventState::Accepted,
                EventState::Rejected,
            ]
            .into_iter()
            .find(|s| s.as_str() == v)
            .ok_or_else(|| {
                Fail::bad(format!(
                    "status {v:?}: expected proposed, known, conflict, accepted or rejected"
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let filter = ReviewFilter {
        statuses: if statuses.is_empty() {
            vec![EventState::Proposed, EventState::Conflict]
        } else {
            statuses
        },
        kind: p.filter("kind").next().map(String::from),
        state: p
            .filter("state")
            .next()
            .map(|v| answer::resolve(&snap.graph, v))
            .transpose()?,
        since: p
            .filter("since")
            .next()
            .map(|v| {
                v.parse::<Date>()
                    .map_err(|e| Fail::bad(format!("since {v:?}: {e}")))
            })
            .transpose()?,
        limit: p.size.unwrap_or(50),
        offset: p.next.unwrap_or(0),
    };
    let db = s.db.clone();
    let listed = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
        let Some(l) = Ledger::open_read_only(&db)? else {
            return Ok((Vec::new(), 0, Vec::new()));
        };
        let (page, total) = l.review(&filter)?;
        Ok((page.rows, total, l.review_summary()?))
    })
    .await
    .map_err(|e| Fail::from(anyhow::anyhow!("review: {e}")))??;
    let (events, total, summary) = listed;
    let offset = p.next.unwrap_or(0);
    let next = (offset + events.len() < total).then(|| (offset + events.len()).to_string());
    let doc = diplograph_api::ReviewDoc {
        summary: summary.iter().map(|(s, n)| (s.as_str(), *n)).collect(),
        matching: total,
        offset,
        events: &events,
    };
    match ext {
        Ext::Csv => csv(|w| diplograph_app::review::write_csv(w, &events)),
        _ => Ok(json(doc, next)),
    }
}

/// An article as a request carries it: JSON `{"text", "published", "as_of", "url"}`, or the
/// page itself as `text/html` or `text/plain` with `published` and `as_of` in the query.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleBody {
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

struct Article {
    page: Page,
    published: Option<Date>,
    as_of: Option<Day>,
}

/// A date a request gives: a day, or for `published` a month or year where only that is known.
fn date_param(s: &str, what: &str) -> Result<Date, Fail> {
    s.parse()
        .map_err(|e| Fail::bad(format!("{what} {s:?}: {e}")))
}

/// `as_of`: a day (a month or year means its last day, as `_as_of` does).
fn day_param(s: &str, what: &str) -> Result<Day, Fail> {
    date_param(s, what).map(|d| d.last_day())
}

async fn article(
    s: &Shared,
    headers: &HeaderMap,
    uri: &Uri,
    body: axum::body::Body,
) -> Result<Article, Fail> {
    let limit = s.limits.body_bytes;
    let too_large = || {
        Fail::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is larger than {limit} bytes"),
        )
    };
    if headers
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .is_some_and(|n| n > limit)
    {
        return Err(too_large());
    }
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| too_large())?;
    let kind = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let p = Params::parse(uri, &["published", "as_of"])?;
    let q_date = |k: &str| p.filter(k).next().map(|v| date_param(v, k)).transpose();
    let q_day = |k: &str| p.filter(k).next().map(|v| day_param(v, k)).transpose();
    let page_err = |e: diplograph_page::PageError| Fail::bad(format!("{e}"));
    if kind.starts_with("application/json") {
        let a: ArticleBody =
            serde_json::from_slice(&bytes).map_err(|e| Fail::bad(format!("bad JSON body: {e}")))?;
        let mut page = Page::from_bytes(a.text.as_bytes(), None).map_err(page_err)?;
        if let Some(u) = a.url.filter(|u| !u.trim().is_empty()) {
            page.url = Some(u);
        }
        let published = match a.published.as_deref().map(str::trim) {
            Some(v) if !v.is_empty() => Some(date_param(v, "published")?),
            _ => q_date("published")?,
        };
        let as_of = match a.as_of.as_deref().map(str::trim) {
            Some(v) if !v.is_empty() => Some(day_param(v, "as_of")?),
            _ => q_day("as_of")?,
        };
        return Ok(Article {
            page,
            published,
            as_of,
        });
    }
    let format = if kind.starts_with("text/html") {
        Some(PageFormat::Html)
    } else if kind.starts_with("text/plain") {
        Some(PageFormat::Text)
    } else if kind.is_empty() {
        None
    } else {
        return Err(Fail::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("content type {kind:?}: send application/json, text/html or text/plain"),
        ));
    };
    let page = Page::from_bytes(&bytes, format).map_err(page_err)?;
    Ok(Article {
        page,
        published: q_date("published")?,
        as_of: q_day("as_of")?,
    })
}

/// `POST /check.json`: the article's claims and events checked (the `check` document).
pub async fn check(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    uri: Uri,
    body: axum::body::Body,
) -> Answer {
    let a = article(&s, &headers, &uri, body).await?;
    let snap = s.current().await?;
    let doc = tokio::task::spawn_blocking(move || {
        let ask = CheckAsk {
            as_of: a.as_of,
            known_at: None,
            published: a.published,
        };
        let checked = article::check(&snap.knowledge, &snap.graph, &a.page, ask, &snap.lex);
        serde_json::to_value(checked.doc("request", &a.page))
    })
    .await
    .map_err(|e| Fail::from(anyhow::anyhow!("check: {e}")))?
    .map_err(|e| Fail::from(anyhow::anyhow!("check: {e}")))?;
    Ok(json(doc, None))
}

/// Whether the request carries the start-up token; 401 otherwise.
pub fn authorised(s: &Shared, headers: &HeaderMap) -> Result<(), Fail> {
    let Some(token) = &s.token else {
        return Err(Fail::new(
            StatusCode::UNAUTHORIZED,
            "writes are off: start the server with --token (or DIPLOGRAPH_TOKEN) to allow them",
        ));
    };
    let given = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    // the same time whatever the first differing byte
    let same = given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0;
    if same {
        Ok(())
    } else {
        Err(Fail::new(
            StatusCode::UNAUTHORIZED,
            "this route writes: send the server's token as \"Authorization: Bearer TOKEN\"",
        ))
    }
}

/// `POST /ingest.json` (token): one article read into the ledger (the `ingest` document).
pub async fn ingest(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    uri: Uri,
    body: axum::body::Body,
) -> Answer {
    authorised(&s, &headers)?;
    let a = article(&s, &headers, &uri, body).await?;
    let snap = s.current().await?;
    let _one = s.writing.lock().await;
    let db = s.db.clone();
    let doc = tokio::task::spawn_blocking(move || -> anyhow::Result<serde_json::Value> {
        let mut l = Ledger::open(&db)?;
        let mut record = article::article_record(&a.page, None);
        let mut total = diplograph_store::Ingested::default();
        let mut not_asserted = 0;
        if l.has_article(&record.key())? {
            total.already_read += 1;
        } else {
            let r = article::read_page(&a.page, a.published, &snap.lex);
            record.published = r.published;
            let (events, left_out) = article::event_records(&r, snap.curated());
            not_asserted = left_out;
            total += l.ingest(&[(record, events)])?;
        }
        Ok(serde_json::to_value(diplograph_api::IngestDoc {
            ledger: &db.display().to_string(),
            ingested: total,
            not_asserted_skipped: not_asserted,
            unreadable: 0,
        })?)
    })
    .await
    .map_err(|e| Fail::from(anyhow::anyhow!("ingest: {e}")))??;
    Ok(json(doc, None))
}

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    #[serde(default)]
    reason: Option<String>,
}

/// `POST /review/{id}/{accept|reject}` (token): a decision on a ledger event.
pub async fn decide(
    State(s): State<Arc<Shared>>,
    Path((id, decision)): Path<(String, String)>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Answer {
    authorised(&s, &headers)?;
    let id: i64 = id
        .parse()
        .map_err(|_| Fail::bad(format!("event id {id:?}: expected a number")))?;
    let accept = match decision.as_str() {
        "accept" => true,
        "reject" => false,
        d => {
            return Err(Fail::not_found(format!(
                "no decision {d:?}: accept or reject"
            )))
        }
    };
    let bytes = axum::body::to_bytes(body, 64 * 1024).await.map_err(|_| {
        Fail::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "a decision's body is at most 64 KiB",
        )
    })?;
    let body: DecisionBody = if bytes.iter().all(u8::is_ascii_whitespace) {
        DecisionBody::default()
    } else {
        serde_json::from_slice(&bytes).map_err(|e| Fail::bad(format!("bad JSON body: {e}")))?
    };
    let _one = s.writing.lock().await;
    let db = s.db.clone();
    let decided = tokio::task::spawn_blocking(move || -> Result<serde_json::Value, Fail> {
        let Some(mut l) = Ledger::open_existing(&db)? else {
            return Err(Fail::not_found(format!(
                "no ledger at {:?}: ingest articles first",
                db.display().to_string()
            )));
        };
        if l.event(id)?.is_none() {
            return Err(Fail::not_found(format!("no event #{id} in the ledger")));
        }
        let (e, note) =
            diplograph_app::review::decide(&mut l, id, accept, body.reason, "\"reason\"")
                .map_err(|e| Fail::bad(format!("{e:#}")))?;
        let summary = l.review_summary()?;
        let mut v = serde_json::to_value(diplograph_api::ReviewDoc {
            summary: summary.iter().map(|(s, n)| (s.as_str(), *n)).collect(),
            matching: 1,
            offset: 0,
            events: std::slice::from_ref(&e),
        })
        .map_err(anyhow::Error::from)?;
        if let (Some(n), Some(m)) = (note, v.as_object_mut()) {
            m.insert("note".into(), n.into());
        }
        Ok(v)
    })
    .await
    .map_err(|e| Fail::from(anyhow::anyhow!("review: {e}")))??;
    Ok(json(decided, None))
}
