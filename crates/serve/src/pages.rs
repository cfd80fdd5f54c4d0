//! The pages and their assets, embedded in the binary: each page's content in the shared frame
//! (`assets/layout.html`) with `{{today}}` and `{{version}}` filled in, scripts, styles and the
//! Natural Earth geometry, served with their types.

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

/// The frame every page shares (head, navigation, error line, footer, the common script), and
/// each page's own part of it: the `<main>` content of `assets/NAME.html`, a title, whether
/// the column is narrow, and its scripts.
const LAYOUT: &str = include_str!("../assets/layout.html");

struct Page {
    title: &'static str,
    narrow: bool,
    main: &'static str,
    scripts: &'static [&'static str],
}

const MAP: Page = Page {
    title: "World map",
    narrow: false,
    main: include_str!("../assets/map.html"),
    scripts: &["topo.js", "map.js"],
};
const STATE: Page = Page {
    title: "State",
    narrow: true,
    main: include_str!("../assets/state.html"),
    scripts: &["state.js"],
};
const PAIR: Page = Page {
    title: "Pair",
    narrow: true,
    main: include_str!("../assets/pair.html"),
    scripts: &["pair.js"],
};
const CHECK: Page = Page {
    title: "Check an article",
    narrow: true,
    main: include_str!("../assets/check.html"),
    scripts: &["check.js"],
};
const REVIEW: Page = Page {
    title: "Review queue",
    narrow: true,
    main: include_str!("../assets/review.html"),
    scripts: &["review.js"],
};

/// A page in the frame, with today's date and the data version filled in.
fn page(p: &Page) -> Response {
    let scripts: String = p
        .scripts
        .iter()
        .map(|s| format!("<script src=\"/assets/{s}\"></script>\n"))
        .collect();
    let filled = LAYOUT
        .replace("{{title}}", p.title)
        .replace("{{class}}", if p.narrow { " class=\"narrow\"" } else { "" })
        .replace("{{scripts}}", &scripts)
        .replace("{{main}}", p.main)
        .replace("{{today}}", &diplograph_app::today().to_string())
        .replace("{{version}}", &diplograph_baseline::version());
    Html(filled).into_response()
}

pub async fn map() -> Response {
    page(&MAP)
}

pub async fn check() -> Response {
    page(&CHECK)
}

pub async fn review() -> Response {
    page(&REVIEW)
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
            Ok(page(&STATE))
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
            Ok(page(&PAIR))
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
