//! Every route, once: the router is built from this table and so is the OpenAPI document, so
//! the document lists every route the server answers (a test requests each one it lists).

use std::sync::Arc;

use axum::routing::{get, post, MethodRouter};
use serde_json::{json, Map, Value};

use crate::state::Shared;
use crate::{api, pages};

/// One operation as the OpenAPI document gives it.
pub struct Op {
    pub method: &'static str,
    /// The path template, `{name}` for a parameter.
    pub path: &'static str,
    pub summary: &'static str,
    /// The document in the success envelope's `data` (a name of `diplograph_api::DOCUMENTS`),
    /// or `None` for a page, CSV or asset.
    pub doc: Option<&'static str>,
    /// Query parameters: name and meaning.
    pub query: &'static [(&'static str, &'static str)],
    /// Needs the start-up token.
    pub writes: bool,
}

/// An axum path, its handlers, and the operations it answers.
pub struct Route {
    pub path: &'static str,
    pub handler: MethodRouter<Arc<Shared>>,
    pub ops: Vec<Op>,
}

const AS_OF: (&str, &str) = (
    "_as_of",
    "the day asked about (YYYY-MM-DD; a year or month means its last day); default today",
);
const KNOWN_AT: (&str, &str) = (
    "_known_at",
    "answer from what sources had published by this day",
);
const AMONG: (&str, &str) = ("_among", "`all` (default) or `un`: the states counted");
const AMONG_UN: (&str, &str) = ("_among", "`un` (default) or `all`: the states counted");
const SIZE: (&str, &str) = ("_size", "rows per page (1 to 1000)");
const NEXT: (&str, &str) = ("_next", "the page token a previous answer gave as `next`");

fn op(
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    doc: Option<&'static str>,
    query: &'static [(&'static str, &'static str)],
) -> Op {
    Op {
        method,
        path,
        summary,
        doc,
        query,
        writes: false,
    }
}

fn writes(mut o: Op) -> Op {
    o.writes = true;
    o
}

/// The table.
pub fn routes() -> Vec<Route> {
    const REL: &[(&str, &str)] = &[
        AS_OF,
        KNOWN_AT,
        AMONG,
        (
            "status",
            "filter: relations, suspended, severed, none or unknown",
        ),
    ];
    const TL: &[(&str, &str)] = &[
        AS_OF,
        KNOWN_AT,
        AMONG,
        ("_from", "first year (default: the state's first)"),
    ];
    const EX: &[(&str, &str)] = &[
        AS_OF,
        KNOWN_AT,
        AMONG,
        ("_timeline", "also the count at the end of every year"),
        ("_from", "first year of the timeline (default 1990)"),
    ];
    const STATES: &[(&str, &str)] = &[
        ("q", "filter: a code or part of a name"),
        (
            "kind",
            "filter: member, observer, limited, associated or former",
        ),
    ];
    const COV: &[(&str, &str)] = &[AS_OF, KNOWN_AT, AMONG_UN, ("state", "filter: one state")];
    const EVENTS: &[(&str, &str)] = &[
        AS_OF,
        KNOWN_AT,
        SIZE,
        NEXT,
        ("state", "filter: either state"),
        ("a", "filter: the first state"),
        ("b", "filter: the second state"),
        (
            "event",
            "filter: establish, sever, suspend, restore, recognize, relations, none …",
        ),
        ("date__gte", "filter: on or after"),
        ("date__lte", "filter: on or before"),
        ("date__exact", "filter: this date at its precision"),
    ];
    const REVIEW: &[(&str, &str)] = &[
        SIZE,
        NEXT,
        (
            "status",
            "filter: proposed, known, conflict, accepted, rejected (default proposed and conflict)",
        ),
        ("kind", "filter: event type"),
        ("state", "filter: either state"),
        ("since", "filter: dated on or after"),
    ];
    const ARTICLE: &[(&str, &str)] = &[
        (
            "published",
            "the publication day, for a text/html or text/plain body",
        ),
        ("as_of", "judge as of this day instead"),
    ];
    const PAIR: &[(&str, &str)] = &[AS_OF, KNOWN_AT];
    vec![
        Route {
            path: "/",
            handler: get(pages::map),
            ops: vec![op("get", "/", "the world map: a state's relations on a day (page)", None, &[])],
        },
        Route {
            path: "/check",
            handler: get(pages::check),
            ops: vec![op("get", "/check", "the article checker (page)", None, &[])],
        },
        Route {
            path: "/check.json",
            handler: post(api::check),
            ops: vec![op("post", "/check.json", "check an article: JSON {text, published, as_of, url} or the page as text/html or text/plain", Some("check"), ARTICLE)],
        },
        Route {
            path: "/ingest.json",
            handler: post(api::ingest),
            ops: vec![writes(op("post", "/ingest.json", "read an article into the ledger (token)", Some("ingest"), ARTICLE))],
        },
        Route {
            path: "/review",
            handler: get(pages::review),
            ops: vec![op("get", "/review", "the review queue (page; decisions need the token)", None, &[])],
        },
        Route {
            path: "/review/{id}/{decision}",
            handler: post(api::decide),
            ops: vec![
                writes(op("post", "/review/{id}/accept", "accept a ledger event (token); JSON {reason} optional", Some("review"), &[])),
                writes(op("post", "/review/{id}/reject", "reject a ledger event (token); JSON {reason} required", Some("review"), &[])),
            ],
        },
        Route {
            path: "/{file}",
            handler: get(api::table),
            ops: vec![
                op("get", "/coverage.json", "how much of the graph is known and dated", Some("coverage"), COV),
                op("get", "/coverage.csv", "coverage as CSV", None, COV),
                op("get", "/events.json", "every sourced pair fact, filtered and paged", Some("export"), EVENTS),
                op("get", "/events.csv", "sourced pair facts as CSV", None, EVENTS),
                op("get", "/review.json", "the ledger's events for review", Some("review"), REVIEW),
                op("get", "/review.csv", "the review queue as CSV", None, REVIEW),
                op("get", "/states.json", "the states, with their codes and names", Some("states"), STATES),
                op("get", "/states.csv", "the states as CSV", None, STATES),
            ],
        },
        Route {
            path: "/states/{code}",
            handler: get(pages::state),
            ops: vec![
                op("get", "/states/{code}", "a state's page", None, &[]),
                op("get", "/states/{code}.json", "a state's record", Some("states"), &[]),
                op("get", "/states/{code}.csv", "a state's record as CSV", None, &[]),
            ],
        },
        Route {
            path: "/states/{code}/{part}",
            handler: get(api::state_part),
            ops: vec![
                op("get", "/states/{code}/relations.json", "a state's relations with every other state on a day", Some("relations"), REL),
                op("get", "/states/{code}/relations.csv", "relations as CSV", None, REL),
                op("get", "/states/{code}/statuses.json", "a state's status with every other state on a day, one line each (the map)", Some("statuses"), REL),
                op("get", "/states/{code}/statuses.csv", "statuses as CSV", None, REL),
                op("get", "/states/{code}/timeline.json", "a state's partners at the end of every year", Some("timeline"), TL),
                op("get", "/states/{code}/timeline.csv", "the timeline as CSV", None, TL),
            ],
        },
        Route {
            path: "/states/{code}/exclusive/{rival}",
            handler: get(api::exclusive),
            ops: vec![
                op("get", "/states/{code}/exclusive/{rival}.json", "the states that deal with one state and not its rival", Some("exclusive"), EX),
                op("get", "/states/{code}/exclusive/{rival}.csv", "exclusive partners as CSV", None, EX),
            ],
        },
        Route {
            path: "/pairs/{a}/{b}",
            handler: get(pages::pair),
            ops: vec![
                op("get", "/pairs/{a}/{b}", "a pair's page: its history with sources and conflicts", None, &[]),
                op("get", "/pairs/{a}/{b}.json", "a pair's history and its status on a day", Some("pair"), PAIR),
                op("get", "/pairs/{a}/{b}.csv", "a pair's history as CSV", None, PAIR),
            ],
        },
        Route {
            path: "/-/metadata.json",
            handler: get(crate::metadata),
            ops: vec![op("get", "/-/metadata.json", "the data version, every source with its licence", Some("sources"), &[])],
        },
        Route {
            path: "/-/openapi.json",
            handler: get(crate::openapi_route),
            ops: vec![op("get", "/-/openapi.json", "this document", None, &[])],
        },
        Route {
            path: "/assets/{*name}",
            handler: get(pages::asset),
            ops: vec![op("get", "/assets/{name}", "the pages' scripts, styles and map geometry", None, &[])],
        },
    ]
}

/// JSON Schema `$defs` references made OpenAPI component references.
fn rebase(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get_mut("$ref") {
                if let Some(name) = r.strip_prefix("#/$defs/") {
                    *r = format!("#/components/schemas/{name}");
                }
            }
            m.values_mut().for_each(rebase);
        }
        Value::Array(a) => a.iter_mut().for_each(rebase),
        _ => {}
    }
}

/// The OpenAPI 3.1 document of [`routes`], with every document's schema as a component.
pub fn openapi() -> Value {
    let mut schemas = Map::new();
    let mut used: Vec<&str> = Vec::new();
    let mut paths = Map::new();
    for r in routes() {
        for o in &r.ops {
            let mut params: Vec<Value> = o
                .path
                .split('/')
                .filter_map(|seg| {
                    let name = seg.strip_prefix('{')?.split('}').next()?;
                    Some(json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}))
                })
                .collect();
            params.extend(o.query.iter().map(|(n, d)| {
                json!({"name": n, "in": "query", "required": false, "description": d, "schema": {"type": "string"}})
            }));
            let ok = match o.doc {
                Some(d) => {
                    used.push(d);
                    json!({"description": "the success envelope", "content": {"application/json": {"schema": {
                        "type": "object", "required": ["ok", "data"],
                        "properties": {"ok": {"const": true}, "data": {"$ref": format!("#/components/schemas/{d}")}, "next": {"type": "string"}}
                    }}}})
                }
                None if o.path.ends_with(".csv") => {
                    json!({"description": "CSV", "content": {"text/csv": {}}})
                }
                None => json!({"description": "a page or an asset"}),
            };
            let mut responses = json!({
                "200": ok,
                "default": {"description": "the error envelope", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/error"}}}}
            });
            if o.writes {
                responses["401"] = json!({"description": "no token, or the wrong one", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/error"}}}});
            }
            let mut operation =
                json!({"summary": o.summary, "parameters": params, "responses": responses});
            if o.writes {
                operation["security"] = json!([{"token": []}]);
            }
            if o.method == "post" {
                operation["requestBody"] = json!({"required": !o.path.starts_with("/review/"), "content": {
                    "application/json": {}, "text/html": {}, "text/plain": {}
                }});
            }
            let entry = paths
                .entry(o.path.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            entry[o.method] = operation;
        }
    }
    used.push("error");
    for name in used {
        if schemas.contains_key(name) {
            continue;
        }
        let Some(s) = diplograph_api::schema(name) else {
            continue;
        };
        let mut v = s.to_value();
        if let Some(Value::Object(defs)) = v.as_object_mut().and_then(|m| m.remove("$defs")) {
            for (k, mut d) in defs {
                rebase(&mut d);
                schemas.entry(k).or_insert(d);
            }
        }
        if let Some(m) = v.as_object_mut() {
            m.remove("$schema");
        }
        rebase(&mut v);
        schemas.insert(name.to_string(), v);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "diplograph",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Who has formal diplomatic relations with whom, since when, with a source for every fact. Every JSON answer is an envelope: {\"ok\": true, \"data\": …, \"next\": …} or {\"ok\": false, \"error\": …, \"status\": …}. Every .json route has a .csv twin."
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer", "description": "the token given to `diplograph serve --token` at start-up"}}
        }
    })
}
