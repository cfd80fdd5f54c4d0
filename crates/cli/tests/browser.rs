//! Browser tests: `diplograph serve`'s pages (the map at `/`, the checker at `/check`) driven in
//! headless Chromium through chromedriver (fantoccini), with a screenshot of each step in
//! `<target>/browser-artifacts/`; and a harness test that needs no server.
//!
//! Skips (a line on stderr) where chromedriver or chromium is not on PATH, unless
//! `DIPLOGRAPH_BROWSER_TESTS=require`, then fails. `DIPLOGRAPH_BROWSER_URL=http://HOST:PORT/`
//! points the page tests at a server already running instead of starting `diplograph serve`.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

/// The flags the machine needs (TOOLING.md): without the networking ones Chromium floods the
/// closed network with refused connections.
const CHROME_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
];

/// Every wait is bounded by this; polls sleep `POLL` between looks.
const WAIT: Duration = Duration::from_secs(20);
/// A page's answer to a change of date comes within this.
const RENDER: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(100);
/// How many times a browser is started before the harness gives up (see `Browser::start`).
const ATTEMPTS: u32 = 3;

/// Kills a child (and, for chromedriver, its process group: the browsers it started) when
/// dropped, pass or fail.
struct Kill {
    child: Child,
    group: bool,
}

impl Drop for Kill {
    fn drop(&mut self) {
        if self.group {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", self.child.id())])
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// chromedriver and the browser, or `None` (and a line on stderr) to skip; a failure when the
/// run requires browser tests.
fn tools() -> Option<(PathBuf, PathBuf)> {
    let driver = on_path("chromedriver");
    let chrome = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|n| on_path(n));
    match (driver, chrome) {
        (Some(d), Some(c)) => Some((d, c)),
        _ => {
            let why = "chromedriver and chromium are not both on PATH \
                       (apt-get install chromium chromium-driver)";
            if std::env::var("DIPLOGRAPH_BROWSER_TESTS").as_deref() == Ok("require") {
                panic!("DIPLOGRAPH_BROWSER_TESTS=require, but {why}");
            }
            eprintln!("skipped: {why}");
            None
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("browser-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A chromedriver of its own on a free port, with a WebDriver session in a fresh profile.
struct Browser {
    client: Client,
    _driver: Kill,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// `None` to skip (see `tools`). A chromedriver that does not come up or does not open a
    /// session is started again, up to `ATTEMPTS` times in all: on CI's two cores the driver
    /// has been seen to answer "webdriver server did not respond" once while tests compile
    /// beside it; that is the harness, not the page under test, so it is retried and each
    /// failed attempt is reported on stderr.
    async fn start() -> Option<Browser> {
        let (driver, chrome) = tools()?;
        let mut failures = Vec::new();
        for attempt in 1..=ATTEMPTS {
            match Self::attempt(&driver, &chrome).await {
                Ok(b) => return Some(b),
                Err(e) => {
                    eprintln!("browser start, attempt {attempt} of {ATTEMPTS}: {e}");
                    failures.push(e);
                }
            }
        }
        panic!(
            "no WebDriver session after {ATTEMPTS} attempts: {}",
            failures.join("; ")
        )
    }

    /// One chromedriver on a free port and one session in a fresh profile.
    async fn attempt(driver: &Path, chrome: &Path) -> Result<Browser, String> {
        let port = free_port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| format!("starting {}: {e}", driver.display()))?;
        let mut driver_guard = Kill { child, group: true };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = driver_guard.child.try_wait() {
                return Err(format!(
                    "chromedriver --port={port} exited before it answered: {status}"
                ));
            }
            if start.elapsed() >= WAIT {
                return Err(format!(
                    "chromedriver did not answer on port {port} within {WAIT:?}"
                ));
            }
            std::thread::sleep(POLL);
        }
        let profile = tempfile::tempdir().map_err(|e| format!("profile directory: {e}"))?;
        let mut args: Vec<String> = CHROME_ARGS.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": chrome, "args": args },
        });
        let Value::Object(caps) = caps else {
            unreachable!()
        };
        let client = tokio::time::timeout(
            WAIT,
            ClientBuilder::new(HttpConnector::new())
                .capabilities(caps)
                .connect(&format!("http://127.0.0.1:{port}")),
        )
        .await
        .map_err(|_| format!("no WebDriver session within {WAIT:?}"))?
        .map_err(|e| format!("WebDriver session with {}: {e}", chrome.display()))?;
        Ok(Browser {
            client,
            _driver: driver_guard,
            _profile: profile,
        })
    }

    /// Ends the session (the browser quits); on a failed scenario, a last screenshot and a
    /// panic with what went wrong and the server's stderr.
    async fn finish(self, name: &str, result: Result<(), String>, server: Option<&Server>) {
        if let Err(e) = &result {
            let shot = match shot(&self.client, &format!("{name}-failure")).await {
                Ok(p) => format!("screenshot: {}", p.display()),
                Err(e) => format!("no screenshot: {e}"),
            };
            let _ = self.client.close().await;
            let log = server.map(Server::stderr).unwrap_or_default();
            panic!("{name}: {e}\n{shot}\nserver stderr:\n{log}");
        }
        let _ = self.client.close().await;
    }
}

/// `diplograph serve --port 0` with its own ledger, or the server at `DIPLOGRAPH_BROWSER_URL`.
struct Server {
    /// `http://127.0.0.1:PORT/`, with its slash.
    url: String,
    _child: Option<Kill>,
    dir: tempfile::TempDir,
}

impl Server {
    fn start() -> Server {
        let dir = tempfile::tempdir().unwrap();
        if let Ok(url) = std::env::var("DIPLOGRAPH_BROWSER_URL") {
            let url = if url.ends_with('/') { url } else { url + "/" };
            return Server {
                url,
                _child: None,
                dir,
            };
        }
        let log = File::create(dir.path().join("serve.stderr")).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
            .args(["serve", "--port", "0"])
            .env("DIPLOGRAPH_DB", dir.path().join("ledger.sqlite"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log))
            .spawn()
            .unwrap();
        let mut guard = Kill {
            child,
            group: false,
        };
        // The first line is the address; the rest of stdout is read and dropped so the server
        // never blocks on a full pipe.
        let stdout = guard.child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            let mut line = String::new();
            let _ = r.read_line(&mut line);
            let _ = tx.send(line);
            let _ = std::io::copy(&mut r, &mut std::io::sink());
        });
        let mut server = Server {
            url: String::new(),
            _child: None,
            dir,
        };
        let line = match rx.recv_timeout(WAIT) {
            Ok(l) => l,
            Err(_) => panic!(
                "`diplograph serve --port 0` printed no line within {WAIT:?}; stderr:\n{}",
                server.stderr()
            ),
        };
        if line.is_empty() {
            let status = guard.child.wait().unwrap();
            panic!(
                "`diplograph serve --port 0` exited ({status}) without printing its address; \
                 stderr:\n{}",
                server.stderr()
            );
        }
        let line = line.trim_end_matches(['\n', '\r']);
        let port = line
            .strip_prefix("serving on http://127.0.0.1:")
            .and_then(|r| r.strip_suffix('/'))
            .and_then(|p| p.parse::<u16>().ok())
            .filter(|&p| p != 0)
            .unwrap_or_else(|| {
                panic!(
                    "the first stdout line of `diplograph serve --port 0` should be exactly \
                     `serving on http://127.0.0.1:PORT/`, not {line:?}"
                )
            });
        server.url = format!("http://127.0.0.1:{port}/");
        server._child = Some(guard);
        server
    }

    fn stderr(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("serve.stderr")).unwrap_or_default()
    }
}

/// Turns a WebDriver error into the scenario's error, saying what was being done.
trait Ctx<T> {
    fn ctx(self, what: &str) -> Result<T, String>;
}

impl<T, E: std::fmt::Display> Ctx<T> for Result<T, E> {
    fn ctx(self, what: &str) -> Result<T, String> {
        self.map_err(|e| format!("{what}: {e}"))
    }
}

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

async fn js(c: &Client, script: &str, args: Vec<Value>) -> Result<Value, String> {
    c.execute(script, args).await.ctx(script)
}

/// Saves a PNG screenshot of the page as `<target>/browser-artifacts/NAME.png`.
async fn shot(c: &Client, name: &str) -> Result<PathBuf, String> {
    let png = c.screenshot().await.ctx("screenshot")?;
    ensure!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "the screenshot {name} is not a PNG"
    );
    let path = artifacts().join(format!("{name}.png"));
    std::fs::write(&path, png).ctx("writing the screenshot")?;
    Ok(path)
}

/// Polls `script` until `done` holds of its value, for at most `limit`.
async fn wait_for(
    c: &Client,
    what: &str,
    limit: Duration,
    script: &str,
    done: impl Fn(&Value) -> bool,
) -> Result<Value, String> {
    let start = Instant::now();
    loop {
        let v = js(c, script, vec![]).await?;
        if done(&v) {
            return Ok(v);
        }
        if start.elapsed() > limit {
            return Err(format!("{what}: not within {limit:?}; last seen {v}"));
        }
        tokio::time::sleep(POLL).await;
    }
}

const READY: &str = "return document.body ? (document.body.dataset.ready ?? null) : null";

async fn wait_ready(c: &Client, want: &str, limit: Duration) -> Result<(), String> {
    wait_for(
        c,
        &format!("body[data-ready=\"{want}\"]"),
        limit,
        READY,
        |v| v == want,
    )
    .await
    .map(drop)
}

/// Moves the map to `iso` both ways a person can: the date field (`input` and `change`) and the
/// slider (its value the day index from 1945-01-01, then `input`). Returns the slider's value.
const MOVE: &str = r#"
const iso = arguments[0];
const [y, m, d] = iso.split('-').map(Number);
const date = document.getElementById('date');
date.value = iso;
date.dispatchEvent(new Event('input', {bubbles: true}));
date.dispatchEvent(new Event('change', {bubbles: true}));
const slider = document.getElementById('slider');
const index = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1945, 0, 1)) / 86400000);
slider.value = String(Number(slider.min || 0) + index);
slider.dispatchEvent(new Event('input', {bubbles: true}));
return slider.value;
"#;

/// What the map shows: the codes in `#without`, Cuba's path status, both controls' values.
const MAP_STATE: &str = r#"
const cub = document.querySelector('path[data-code="CUB"]');
return {
  without: Array.from(document.querySelectorAll('#without li[data-code]'), li => li.dataset.code),
  cub: cub ? cub.getAttribute('data-status') : null,
  paths: document.querySelectorAll('path[data-code][data-status]').length,
  date: document.getElementById('date').value,
  slider: document.getElementById('slider').value,
};
"#;

async fn map_at(c: &Client, iso: &str) -> Result<(Vec<String>, Value), String> {
    let slider = js(c, MOVE, vec![json!(iso)]).await?;
    wait_ready(c, iso, RENDER).await?;
    let state = js(c, MAP_STATE, vec![]).await?;
    ensure!(
        state["date"] == iso,
        "#date should follow the map to {iso}: {state}"
    );
    ensure!(
        state["slider"] == slider,
        "#slider should stay at {slider} (day index of {iso}): {state}"
    );
    let without = state["without"]
        .as_array()
        .ok_or(format!("#without: {state}"))?
        .iter()
        .filter_map(|v| v.as_str().map(String::from))
        .collect();
    Ok((without, state))
}

async fn map(c: &Client, base: &str) -> Result<(), String> {
    c.goto(&format!("{base}?state=KOR"))
        .await
        .ctx("opening the map")?;
    wait_for(c, "the map's first answer", WAIT, READY, |v| {
        v.as_str().is_some_and(|s| !s.is_empty())
    })
    .await?;
    let missing = js(
        c,
        r#"return ['select#state-picker', 'input[type="range"]#slider', 'input[type="date"]#date',
                   'ul#without', 'ul#unknown'].filter(s => !document.querySelector(s));"#,
        vec![],
    )
    .await?;
    ensure!(missing == json!([]), "the map page lacks {missing}");
    let picked = js(
        c,
        "return document.getElementById('state-picker').value",
        vec![],
    )
    .await?;
    ensure!(picked == "KOR", "?state=KOR should pick KOR, not {picked}");
    shot(c, "map-1-opened").await?;

    let (without, state) = map_at(c, "2024-01-01").await?;
    shot(c, "map-2-2024-01-01").await?;
    for code in ["CUB", "SYR", "PRK"] {
        ensure!(
            without.iter().any(|w| w == code),
            "on 2024-01-01 KOR had no relations with {code}: #without should list it: {state}"
        );
    }
    if let Some(s) = state["cub"].as_str() {
        ensure!(
            ["none", "severed", "suspended"].contains(&s),
            "on 2024-01-01 Cuba's path should not be {s:?}"
        );
    }

    let (without, state) = map_at(c, "2025-06-01").await?;
    shot(c, "map-3-2025-06-01").await?;
    ensure!(
        without.iter().any(|w| w == "PRK"),
        "on 2025-06-01 #without should still list PRK: {state}"
    );
    for code in ["CUB", "SYR"] {
        ensure!(
            !without.iter().any(|w| w == code),
            "on 2025-06-01 KOR has relations with {code} (2024-02-14, 2025-04-10): \
             #without should not list it: {state}"
        );
    }
    if !state["cub"].is_null() {
        ensure!(
            state["cub"] == "relations",
            "on 2025-06-01 Cuba's path should be \"relations\": {state}"
        );
    }
    Ok(())
}

async fn checker(c: &Client, base: &str, article: &str) -> Result<(), String> {
    c.goto(&format!("{base}check"))
        .await
        .ctx("opening the checker")?;
    wait_for(
        c,
        "the checker's #article, #published and #check",
        WAIT,
        "return !!(document.querySelector('textarea#article') && \
                   document.getElementById('published') && document.getElementById('check'))",
        |v| v == true,
    )
    .await?;
    js(
        c,
        r#"
const [text, published] = arguments;
const article = document.getElementById('article');
article.value = text;
article.dispatchEvent(new Event('input', {bubbles: true}));
const p = document.getElementById('published');
p.value = published;
p.dispatchEvent(new Event('input', {bubbles: true}));
p.dispatchEvent(new Event('change', {bubbles: true}));
"#,
        vec![json!(article), json!("2025-04-11")],
    )
    .await?;
    shot(c, "checker-1-pasted").await?;
    c.find(Locator::Css("#check"))
        .await
        .ctx("finding #check")?
        .click()
        .await
        .ctx("clicking #check")?;
    wait_ready(c, "checked", WAIT).await?;
    shot(c, "checker-2-checked").await?;
    let claims = js(
        c,
        "return Array.from(document.querySelectorAll('#claims .claim'), \
                           e => [e.dataset.verdict ?? null, e.textContent]);",
        vec![],
    )
    .await?;
    let list: Vec<(String, String)> = claims
        .as_array()
        .ok_or(format!("#claims: {claims}"))?
        .iter()
        .map(|c| {
            (
                c[0].as_str().unwrap_or("").to_string(),
                c[1].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let has =
        |verdict: &str, words: &str| list.iter().any(|(v, t)| v == verdict && t.contains(words));
    ensure!(
        has("refuted", "Bhutan"),
        "a .claim[data-verdict=\"refuted\"] should mention Bhutan (KOR–BTN since 1987): {list:#?}"
    );
    ensure!(
        has("supported", "191"),
        "a .claim[data-verdict=\"supported\"] should hold \"191\" (of 193 UN members): {list:#?}"
    );
    Ok(())
}

/// The map at `/?state=KOR` moved to 2024-01-01 then 2025-06-01: Cuba and Syria leave `#without`,
/// North Korea stays.
#[tokio::test]
async fn map_follows_the_date() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let server = Server::start();
    let result = map(&browser.client, &server.url).await;
    browser.finish("map", result, Some(&server)).await;
}

/// The checker at `/check` on the Korea–Syria repost: the Bhutan claim refuted, "191 out of 193"
/// supported.
#[tokio::test]
async fn checker_reads_the_repost() {
    let article = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples/articles/korea-syria-forum-repost.txt");
    let Ok(article) = std::fs::read_to_string(&article) else {
        eprintln!("skipped: {} is absent", article.display());
        return;
    };
    let Some(browser) = Browser::start().await else {
        return;
    };
    let server = Server::start();
    let result = checker(&browser.client, &server.url, &article).await;
    browser.finish("checker", result, Some(&server)).await;
}

/// The harness itself, without the server: a session, a script, a wait on `data-ready` and a
/// screenshot, on a page given inline.
#[tokio::test]
async fn harness_drives_chromium() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let page = "<!doctype html><title>harness</title><body style='font:24px sans-serif'>\
        <h1>diplograph browser harness</h1><input type='date' id='date'><p id='out'>-</p>\
        <script>document.getElementById('date').addEventListener('change', e => {\
        document.getElementById('out').textContent = 'moved to ' + e.target.value;\
        document.body.dataset.ready = e.target.value; });</script></body>";
    let url = format!(
        "data:text/html;charset=utf-8,{}",
        page.replace('%', "%25").replace('#', "%23")
    );
    let c = &browser.client;
    let result = async {
        c.goto(&url).await.ctx("opening the inline page")?;
        js(
            c,
            "const d = document.getElementById('date'); d.value = arguments[0]; \
             d.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![json!("2024-01-01")],
        )
        .await?;
        wait_ready(c, "2024-01-01", RENDER).await?;
        let out = js(
            c,
            "return document.getElementById('out').textContent",
            vec![],
        )
        .await?;
        ensure!(
            out == "moved to 2024-01-01",
            "the page's script did not run: {out}"
        );
        let path = shot(c, "harness").await?;
        let size = std::fs::metadata(&path).ctx("the screenshot")?.len();
        ensure!(size > 1000, "a {size}-byte screenshot is no page");
        Ok(())
    }
    .await;
    browser.finish("harness", result, None).await;
}
