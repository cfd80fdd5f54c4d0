//! `diplograph serve`: the graph, the reader and the checker over HTTP from the same binary,
//! with no other server to install. JSON and CSV twins of every answer with datasette's
//! conventions (`_`-prefixed controls, filters, one success and one error envelope), an
//! OpenAPI document built from the route table, and the pages (map, state, pair, checker,
//! review queue) embedded with their assets.
//!
//! Read-only unless a token is given at start-up; bound to 127.0.0.1 unless told otherwise.
//! Every request goes through the limits: body size (413), time (503) and concurrency (503).

mod api;
mod cache;
mod pages;
mod reply;
pub mod routes;
mod state;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;

use reply::Fail;
pub use state::Shared;

/// What a request may take.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The largest request body (an article), in bytes.
    pub body_bytes: usize,
    /// The longest a request may take before it is answered 503.
    pub request_time: Duration,
    /// Requests answered at once; more are answered 503 at once rather than queued.
    pub concurrent: usize,
    /// Bytes of answers kept for repeated questions (0: none).
    pub cache_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body_bytes: 2 * 1024 * 1024,
            request_time: Duration::from_secs(20),
            concurrent: 256,
            cache_bytes: 256 * 1024 * 1024,
        }
    }
}

/// How the server is started.
#[derive(Clone, Debug)]
pub struct Config {
    pub addr: SocketAddr,
    pub db: PathBuf,
    /// The token writes need (`POST /ingest.json`, review decisions); none: read-only.
    pub token: Option<String>,
    pub limits: Limits,
}

/// The router over shared state: every route of [`routes::routes`], the limits, and the error
/// envelope for what no route answers.
pub fn router(shared: Arc<Shared>) -> Router {
    let mut r = Router::new();
    for route in routes::routes() {
        r = r.route(route.path, route.handler);
    }
    r.fallback(no_route)
        .method_not_allowed_fallback(wrong_method)
        .layer(middleware::from_fn_with_state(shared.clone(), cached))
        .layer(middleware::from_fn_with_state(shared.clone(), limit))
        .with_state(shared)
}

async fn no_route(uri: axum::http::Uri) -> Fail {
    Fail::not_found(format!(
        "no route {:?} (the routes: /-/openapi.json)",
        uri.path()
    ))
}

async fn wrong_method(method: axum::http::Method, uri: axum::http::Uri) -> Fail {
    Fail::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "{method} is not answered at {:?} (the routes: /-/openapi.json)",
            uri.path()
        ),
    )
}

/// Concurrency and time limits around every request.
async fn limit(State(s): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let Ok(_permit) = s.permits.clone().try_acquire_owned() else {
        return Fail::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "busy: {} requests are being answered; try again",
                s.limits.concurrent
            ),
        )
        .into_response();
    };
    match tokio::time::timeout(s.limits.request_time, next.run(req)).await {
        Ok(r) => enveloped(r).await,
        Err(_) => Fail::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the request took longer than {} s and was stopped",
                s.limits.request_time.as_secs()
            ),
        )
        .into_response(),
    }
}

/// A failure the framework answered itself (a path segment that is not UTF-8, a rejected
/// extractor) in the error envelope like every other.
async fn enveloped(r: Response) -> Response {
    let failed = r.status().is_client_error() || r.status().is_server_error();
    let json = r
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !failed || json {
        return r;
    }
    let status = r.status();
    let text = axum::body::to_bytes(r.into_body(), 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let line = text.lines().next().unwrap_or("").trim();
    let mut message: String = match line.chars().next() {
        Some(c) => c.to_lowercase().chain(line.chars().skip(1)).collect(),
        None => status.canonical_reason().unwrap_or("failed").to_lowercase(),
    };
    message.truncate(400);
    Fail::new(status, message).into_response()
}

/// Data routes (`GET …json`, `GET …csv`, the review queue aside) answered from the cache when
/// the same question was answered from the same snapshot; what they answer 200 is kept.
async fn cached(State(s): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let data = req.method() == axum::http::Method::GET
        && (path.ends_with(".json") || path.ends_with(".csv"))
        && !path.starts_with("/review")
        && !path.starts_with("/-/");
    if !data {
        return next.run(req).await;
    }
    let generation = match s.current().await {
        Ok(snap) => snap.generation,
        Err(e) => return e.into_response(),
    };
    // a missing `_as_of` means today: the day is part of the question
    let key = format!("{}|{}", diplograph_app::today(), req.uri());
    let hit = |k: cache::Kept, how: &'static str| {
        let mut r = (k.status, k.body).into_response();
        if let Some(kind) = k.kind {
            r.headers_mut()
                .insert(axum::http::header::CONTENT_TYPE, kind);
        }
        r.headers_mut().insert(
            "x-diplograph-cache",
            axum::http::HeaderValue::from_static(how),
        );
        r
    };
    if let Some(k) = s.cache.get(generation, &key) {
        return hit(k, "hit");
    }
    let r = next.run(req).await;
    if r.status() != StatusCode::OK {
        return r;
    }
    let (parts, body) = r.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return Fail::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the answer could not be read back",
        )
        .into_response();
    };
    let kept = cache::Kept {
        status: parts.status,
        kind: parts.headers.get(axum::http::header::CONTENT_TYPE).cloned(),
        body: bytes,
    };
    s.cache.put(generation, key, kept.clone());
    hit(kept, "miss")
}

/// `/-/metadata.json`: the data version and every source with its licence and attribution,
/// the map's geometry included.
async fn metadata() -> Response {
    let version = diplograph_baseline::version();
    let mut files = diplograph_app::sources::data_files();
    files.push(diplograph_api::DataFile {
        file: "assets/world/countries-110m.json",
        rows: None,
        origin: "Natural Earth 1:110m countries (version 4.1.0) as TopoJSON, via topojson/world-atlas; vendored in crates/serve/assets/world",
        licence: "Natural Earth: public domain; world-atlas: ISC",
        attribution: "Made with Natural Earth; Mike Bostock (world-atlas)",
    });
    reply::json(diplograph_app::sources::doc(&version, &files), None)
}

async fn openapi_route() -> Response {
    axum::Json(routes::openapi()).into_response()
}

/// Loads the knowledge, binds, calls `ready` with the address bound (port 0 picks one), and
/// answers until interrupted (Ctrl-C or SIGTERM), finishing requests under way.
pub async fn serve(config: Config, ready: impl FnOnce(SocketAddr)) -> anyhow::Result<()> {
    let db = config.db.clone();
    let shared = tokio::task::spawn_blocking(move || Shared::load(db, config.token, config.limits))
        .await??;
    let app = router(Arc::new(shared));
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.addr))?;
    ready(listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
