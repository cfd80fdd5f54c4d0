//! The pages and their assets, embedded in the binary: HTML with `{{today}}` and `{{version}}`
//! filled in, scripts, styles and the Natural Earth geometry, served with their types.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, Uri};
use axum::response::{Html, IntoResponse, Response};

use crate::api;
use crate::reply::{split_ext, Ext, Fail};
use crate::state::Shared;

/// Every embedded asset: its name under `/assets/`, its type, its bytes.
pub const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/app.css"),
    ),
    (
        "common.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/common.js"),
    ),
    (
        "topo.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/topo.js"),
    ),
    (
        "map.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/map.js"),
    ),
    (
        "state.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/state.js"),
    ),
    (
        "pair.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/pair.js"),
    ),
    (
        "check.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/check.js"),
    ),
    (
        "review.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/review.js"),
    ),
    (
        "world/countries-110m.json",
        "application/json",
        include_bytes!("../assets/world/countries-110m.json"),
    ),
    (
        "world/LICENSE",
        "text/plain; charset=utf-8",
        include_bytes!("../assets/world/LICENSE"),
    ),
    (
        "world/README.md",
        "text/plain; charset=utf-8",
        include_bytes!("../assets/world/README.md"),
    ),
];

const MAP: &str = include_str!("../assets/map.html");
const STATE: &str = include_str!("../assets/state.html");
const PAIR: &str = include_str!("../assets/pair.html");
const CHECK: &str = include_str!("../assets/check.html");
const REVIEW: &str = include_str!("../assets/review.html");

/// A page with today's date and the data version filled in.
fn page(html: &str) -> Response {
    let filled = html
        .replace("{{today}}", &diplograph_app::today().to_string())
        .replace("{{version}}", &diplograph_baseline::version());
    Html(filled).into_response()
}

pub async fn map() -> Response {
    page(MAP)
}

pub async fn check() -> Response {
    page(CHECK)
}

pub async fn review() -> Response {
    page(REVIEW)
}

/// `/states/{code}`: the state's page, or its `.json`/`.csv` record.
pub async fn state(
    State(s): State<Arc<Shared>>,
    Path(file): Path<String>,
) -> Result<Response, Fail> {
    match split_ext(&file) {
        (code, Ext::Html) => {
            // an unknown state is a 404 here too, not a page that fails to load
            let snap = s.current().await?;
            diplograph_app::answer::resolve(&snap.graph, code)?;
            Ok(page(STATE))
        }
        (code, ext) => api::state(s, code, ext).await,
    }
}

/// `/pairs/{a}/{b}`: the pair's page, or its `.json`/`.csv` history.
pub async fn pair(
    State(s): State<Arc<Shared>>,
    Path((a, file)): Path<(String, String)>,
    uri: Uri,
) -> Result<Response, Fail> {
    match split_ext(&file) {
        (b, Ext::Html) => {
            let snap = s.current().await?;
            diplograph_app::answer::resolve(&snap.graph, &a)?;
            diplograph_app::answer::resolve(&snap.graph, b)?;
            Ok(page(PAIR))
        }
        (b, ext) => api::pair(s, &a, b, ext, &uri).await,
    }
}

/// `/assets/{*name}`.
pub async fn asset(Path(name): Path<String>) -> Result<Response, Fail> {
    let (_, kind, bytes) = ASSETS
        .iter()
        .find(|(n, _, _)| *n == name)
        .ok_or_else(|| Fail::not_found(format!("no asset {name:?}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(kind)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        *bytes,
    )
        .into_response())
}
