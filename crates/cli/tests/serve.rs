//! `diplograph serve` end to end: the real binary on a free loopback port, asked over HTTP.
//! The API's documents equal the CLI's `--json` for the same question; every route the
//! OpenAPI document lists is answered; writes need the token; limits and bad requests get the
//! error envelope; the ledger stays whole while the server and a CLI ingest write at once.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use common::Env;
use serde_json::{json, Value};

const TOKEN: &str = "test-token-0123456789";

/// A running server, killed when dropped.
struct Server {
    child: Child,
    url: String,
    agent: ureq::Agent,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer: status, content type and body.
struct Got {
    status: u16,
    kind: String,
    body: String,
}

impl Got {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| {
            panic!("not JSON ({e}): {}", &self.body[..self.body.len().min(300)])
        })
    }

    /// The error envelope, checked: `ok` false and `status` equal to the HTTP status.
    fn error(&self, status: u16) -> String {
        assert_eq!(self.status, status, "{}", self.body);
        let v = self.json();
        assert_eq!(v["ok"], json!(false), "{v}");
        assert_eq!(v["status"], json!(status), "{v}");
        let e = v["error"].as_str().unwrap().to_string();
        // one lowercase line (a quoted value or a method keeps its case)
        // (a first word in capitals is a code or a method: "KOR and KOR are …", "GET is …")
        let word = e.split_whitespace().next().unwrap();
        let capitalised =
            word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase);
        assert!(!capitalised, "lowercase: {e}");
        assert!(!e.contains('\n'), "one line: {e}");
        e
    }
}

impl Server {
    fn start(env: &Env, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
            .args(["serve", "--port", "0"])
            .args(extra)
            .env("DIPLOGRAPH_DB", env.db())
            .env_remove("DIPLOGRAPH_TOKEN")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .trim()
            .strip_prefix("serving on ")
            .unwrap_or_else(|| panic!("first line: {line:?}"))
            .trim_end_matches('/')
            .to_string();
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .new_agent();
        Server { child, url, agent }
    }

    fn get(&self, path: &str) -> Got {
        let r = self
            .agent
            .get(&format!("{}{path}", self.url))
            .call()
            .unwrap();
        Self::got(r)
    }

    fn post(&self, path: &str, kind: &str, body: &[u8], token: Option<&str>) -> Got {
        let mut req = self
            .agent
            .post(&format!("{}{path}", self.url))
            .header("Content-Type", kind);
        if let Some(t) = token {
            req = req.header("Authorization", &format!("Bearer {t}"));
        }
        Self::got(req.send(body).unwrap())
    }

    /// A POST that says it carries `length` bytes and sends only its headers: the status and
    /// body of the answer.
    fn raw_post_length(&self, path: &str, length: usize) -> (u16, String) {
        use std::io::{Read, Write};
        let addr = self.url.trim_start_matches("http://");
        let mut c = std::net::TcpStream::connect(addr).unwrap();
        c.set_read_timeout(Some(std::time::Duration::from_secs(20)))
            .unwrap();
        write!(
            c,
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/plain\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        let _ = c.read_to_string(&mut answer);
        let status = answer
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = answer.split("\r\n\r\n").nth(1).unwrap_or("").to_string();
        (status, body)
    }

    fn got(mut r: ureq::http::Response<ureq::Body>) -> Got {
        let status = r.status().as_u16();
        let kind = r
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let body = r
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .unwrap();
        Got { status, kind, body }
    }

    /// The success envelope's `data`.
    fn data(&self, path: &str) -> Value {
        let got = self.get(path);
        assert_eq!(got.status, 200, "{path}: {}", got.body);
        let v = got.json();
        assert_eq!(v["ok"], json!(true), "{path}");
        v["data"].clone()
    }
}

#[test]
fn the_api_answers_what_the_cli_answers() {
    let env = Env::new();
    let s = Server::start(&env, &[]);
    let same = |path: &str, args: &[&str]| {
        assert_eq!(s.data(path), env.json(args), "{path} differs from {args:?}");
    };
    same(
        "/states/KOR/relations.json?_as_of=2025-04-12",
        &["relations", "KOR", "--as-of", "2025-04-12"],
    );
    same(
        "/states/South%20Korea/relations.json?_as_of=2024-01-01&_among=un",
        &[
            "relations",
            "South Korea",
            "--as-of",
            "2024-01-01",
            "--among",
            "un",
        ],
    );
    same(
        "/pairs/KOR/CUB.json?_as_of=2024-06-01",
        &["pair", "KOR", "CUB", "--as-of", "2024-06-01"],
    );
    same(
        "/states/KOR/timeline.json?_as_of=2025-06-01",
        &["timeline", "KOR", "--as-of", "2025-06-01"],
    );
    same(
        "/states/KOR/exclusive/PRK.json?_as_of=2025-06-01",
        &[
            "exclusive",
            "KOR",
            "--rival",
            "PRK",
            "--as-of",
            "2025-06-01",
        ],
    );
    same(
        "/coverage.json?_as_of=2025-01-01&state=KOR",
        &["coverage", "--as-of", "2025-01-01", "--state", "KOR"],
    );
    same("/states.json?q=korea", &["states", "korea"]);

    // the map's statuses: South Korea on 2024-01-01 lacks Cuba, Syria and North Korea among UN
    // members; on 2025-06-01 only North Korea
    let without = |day: &str| -> Vec<String> {
        let d = s.data(&format!("/states/KOR/statuses.json?_as_of={day}&_among=un"));
        let mut v: Vec<String> = d["statuses"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["status"] != "relations" && l["status"] != "unknown")
            .map(|l| l["state"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(without("2024-01-01"), ["CUB", "PRK", "SYR"]);
    assert_eq!(without("2025-06-01"), ["PRK"]);

    // filters and paging: the events of one pair, two a page, the next page from `next`
    let got = s.get("/events.json?a=KOR&b=CUB&_size=1").json();
    assert_eq!(got["data"].as_array().unwrap().len(), 1);
    let next = got["next"].as_str().expect("a second page");
    let second = s.data(&format!("/events.json?a=KOR&b=CUB&_size=1&_next={next}"));
    assert_ne!(second, got["data"]);
    let dated =
        s.data("/events.json?state=KOR&event=establish&date__gte=2024-01-01&date__lte=2024-12-31");
    let pairs: Vec<_> = dated
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["a"].as_str().unwrap(),
                f["b"].as_str().unwrap(),
                f["date"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        pairs
            .iter()
            .any(|p| p.2 == "2024-02-14" && (p.0 == "CUB" || p.1 == "CUB")),
        "{pairs:?}"
    );
    assert!(pairs.iter().all(|p| p.2.starts_with("2024")), "{pairs:?}");
}

#[test]
fn csv_twins_and_pages() {
    let env = Env::new();
    let s = Server::start(&env, &[]);
    let csv = s.get("/states/KOR/relations.csv?_as_of=2025-06-01&status=none");
    assert_eq!(csv.status, 200);
    assert!(csv.kind.starts_with("text/csv"), "{}", csv.kind);
    let rows: Vec<&str> = csv.body.lines().collect();
    assert!(rows[0].starts_with("state,other,"), "{}", rows[0]);
    assert!(rows[1..].iter().all(|r| r.contains(",none,")), "{rows:?}");
    assert!(rows.iter().any(|r| r.starts_with("KOR,PRK,")), "{rows:?}");
    // the map page, with today's date and the data version filled in, and its geometry
    let map = s.get("/");
    assert_eq!(map.status, 200);
    assert!(map.kind.starts_with("text/html"));
    for id in [
        "id=\"state-picker\"",
        "id=\"slider\"",
        "id=\"without\"",
        "/assets/map.js",
    ] {
        assert!(map.body.contains(id), "the map page lacks {id}");
    }
    assert!(!map.body.contains("{{"), "a placeholder was left");
    let world = s.get("/assets/world/countries-110m.json");
    assert_eq!(world.status, 200);
    assert_eq!(world.json()["type"], "Topology");
    // pages of unknown states are 404s in the error envelope, not pages that fail to load
    assert!(s.get("/states/Narnia").error(404).contains("Narnia"));
    assert_eq!(s.get("/pairs/KOR/SYR").status, 200);
}

#[test]
fn bad_requests_get_the_error_envelope() {
    let env = Env::new();
    let s = Server::start(&env, &[]);
    let e = s.get("/states/Narnia/relations.json").error(404);
    assert!(e.contains("\"Narnia\""), "{e}");
    assert!(s
        .get("/states/Suoth%20Koreaa.json")
        .error(404)
        .contains("did you mean"));
    assert!(s.get("/nothing/here").error(404).contains("no route"));
    assert!(s
        .get("/states/KOR/relations.json?_as_of=2025-13-01")
        .error(400)
        .contains("2025-13-01"));
    assert!(s
        .get("/states/KOR/relations.json?_bogus=1")
        .error(400)
        .contains("_bogus"));
    assert!(s
        .get("/states/KOR/relations.json?colour=red")
        .error(400)
        .contains("colour"));
    assert!(s.get("/events.json?_size=0").error(400).contains("_size"));
    assert!(s.get("/check.json").error(405).contains("/check.json"));
    // what the framework refuses itself comes in the envelope too
    s.get("/states/%FF%FE.json").error(400);
    s.get("/pairs/KOR/%C3%28.json").error(400);
    assert!(s
        .get("/states/KOR/exclusive/KOR.json")
        .error(400)
        .contains("KOR"));
    // a body that is not what it says
    let bad = s.post("/check.json", "application/json", b"{not json", None);
    assert!(bad.error(400).contains("JSON"));
    let binary = s.post("/check.json", "text/plain", &[0xff, 0xfe, 0, 1, 2, 3], None);
    assert_eq!(binary.status, 400, "{}", binary.body);
    let kind = s.post("/check.json", "image/png", b"x", None);
    assert!(kind.error(415).contains("image/png"));
    // a month is a publication date at its precision; the 30th of February is none
    let month = s.post(
        "/check.json",
        "application/json",
        br#"{"text": "South Korea has no diplomatic relations with Cuba.", "published": "2024-02"}"#,
        None,
    );
    assert_eq!(month.status, 200, "{}", month.body);
    assert_eq!(
        month.json()["data"]["claims"][0]["verdict"],
        "not_enough_info"
    );
    let day = s.post(
        "/check.json",
        "application/json",
        br#"{"text": "x", "published": "2025-02-30"}"#,
        None,
    );
    assert!(day.error(400).contains("2025-02-30"));
}

#[test]
fn writes_need_the_token_and_bodies_have_a_limit() {
    let env = Env::new();
    let s = Server::start(&env, &["--token", TOKEN]);
    let article = br#"{"text": "Chile and Peru established diplomatic relations on 1 March 2026, officials said.", "published": "2026-03-02", "url": "https://example.org/a"}"#;
    assert!(s
        .post("/ingest.json", "application/json", article, None)
        .error(401)
        .contains("token"));
    s.post(
        "/ingest.json",
        "application/json",
        article,
        Some("wrong-token-0123456789"),
    )
    .error(401);
    assert!(!env.db().exists(), "a refused write made a ledger");
    // a 10 MB body is refused from its length, before it is read
    let (status, body) = s.raw_post_length("/check.json", 10 * 1024 * 1024);
    assert_eq!(status, 413, "{body}");
    assert!(
        body.contains("\"ok\":false") && body.contains("larger than"),
        "{body}"
    );
    // a body without a length is cut at the limit as it is read
    let small = Server::start(&env, &["--max-body", "1000"]);
    let over = vec![b'a'; 1500];
    small
        .post("/check.json", "text/plain", &over, None)
        .error(413);

    // asked before the write, twice: the second answer comes from the cache
    let before = s.data("/pairs/CHL/PER.json?_as_of=2026-06-01");
    let again = s
        .agent
        .get(&format!("{}/pairs/CHL/PER.json?_as_of=2026-06-01", s.url))
        .call()
        .unwrap();
    assert_eq!(again.headers().get("x-diplograph-cache").unwrap(), "hit");
    let done = s.post("/ingest.json", "application/json", article, Some(TOKEN));
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(done.json()["data"]["ingested"]["new_events"], 1);
    // the same article again is already read
    let again = s
        .post("/ingest.json", "application/json", article, Some(TOKEN))
        .json();
    assert_eq!(again["data"]["ingested"]["already_read"], 1);
    // the review queue lists the proposal; a decision needs the token, a rejection a reason
    let queue = s.data("/review.json");
    let id = queue["events"][0]["id"].as_i64().unwrap();
    assert_eq!(queue["events"][0]["actors"], json!(["CHL", "PER"]));
    let path = format!("/review/{id}/accept");
    s.post(&path, "application/json", b"", None).error(401);
    let reject = format!("/review/{id}/reject");
    assert!(s
        .post(&reject, "application/json", b"", Some(TOKEN))
        .error(400)
        .contains("reason"));
    let ok = s.post(
        &path,
        "application/json",
        br#"{"reason": "checked"}"#,
        Some(TOKEN),
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.json()["data"]["events"][0]["status"], "accepted");
    // the accepted event is in the graph the server answers from, and the CLI's
    let pair = s.data("/pairs/CHL/PER.json");
    assert!(pair.to_string().contains("2026-03-01"), "{pair}");
    assert_eq!(env.json(&["pair", "CHL", "PER"]), pair);
    // the answer cached before the write is not served after it
    let after = s.data("/pairs/CHL/PER.json?_as_of=2026-06-01");
    assert_ne!(before, after);
    assert!(after.to_string().contains("2026-03-01"), "{after}");
    s.post(
        "/review/999/accept",
        "application/json",
        br#"{"reason": "x"}"#,
        Some(TOKEN),
    )
    .error(404);
}

#[test]
fn a_server_without_a_token_refuses_every_write() {
    let env = Env::new();
    let s = Server::start(&env, &[]);
    let e = s
        .post(
            "/ingest.json",
            "text/plain",
            b"Chile and Peru established relations.",
            Some(TOKEN),
        )
        .error(401);
    assert!(e.contains("--token"), "{e}");
}

#[test]
fn the_openapi_document_lists_every_route_and_each_answers() {
    let env = Env::new();
    let s = Server::start(&env, &["--token", TOKEN]);
    let doc = s.get("/-/openapi.json").json();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    for want in [
        "/",
        "/check",
        "/check.json",
        "/ingest.json",
        "/review",
        "/review.json",
        "/states.json",
        "/states/{code}",
        "/states/{code}.json",
        "/states/{code}/relations.json",
        "/states/{code}/statuses.json",
        "/states/{code}/timeline.json",
        "/states/{code}/exclusive/{rival}.json",
        "/pairs/{a}/{b}",
        "/pairs/{a}/{b}.json",
        "/coverage.json",
        "/events.json",
        "/-/metadata.json",
        "/-/openapi.json",
    ] {
        assert!(
            paths.contains_key(want),
            "the OpenAPI document lacks {want}"
        );
    }
    for (path, ops) in paths {
        let real = path
            .replace("{code}", "KOR")
            .replace("{rival}", "PRK")
            .replace("{a}", "KOR")
            .replace("{b}", "SYR")
            .replace("{id}", "1")
            .replace("{name}", "app.css");
        for (method, op) in ops.as_object().unwrap() {
            let got = match method.as_str() {
                "get" => s.get(&real),
                "post" => s.post(
                    &real,
                    "text/plain",
                    b"South Korea and Syria established relations on 10 April 2025.",
                    None,
                ),
                m => panic!("unexpected method {m}"),
            };
            if op.get("security").is_some() {
                assert_eq!(
                    got.status, 401,
                    "{method} {path} without the token: {}",
                    got.body
                );
            } else {
                assert_eq!(got.status, 200, "{method} {path}: {}", got.body);
            }
            // a documented answer's data has the documented schema's required fields
            if let (200, Some(r)) = (
                got.status,
                op["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
                    ["data"]["$ref"]
                    .as_str(),
            ) {
                let name = r.rsplit('/').next().unwrap();
                let schema = &doc["components"]["schemas"][name];
                let data = &got.json()["data"];
                if let (Some(req), Some(obj)) = (schema["required"].as_array(), data.as_object()) {
                    for f in req {
                        assert!(
                            obj.contains_key(f.as_str().unwrap()),
                            "{path}: {name} requires {f}"
                        );
                    }
                }
            }
        }
    }
    // the metadata names every source, with its licence, the map's geometry included
    let meta = s.data("/-/metadata.json");
    let files: Vec<&str> = meta["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    for (name, _) in diplograph_files() {
        assert!(files.contains(&name.as_str()), "metadata lacks {name}");
    }
    assert!(files.iter().any(|f| f.contains("countries-110m")));
    let wiki = meta["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == "facts/wikipedia.facts.tsv")
        .unwrap();
    assert!(wiki["licence"].as_str().unwrap().contains("CC BY-SA 4.0"));
}

/// The embedded data files, as `diplograph sources --json` lists them.
fn diplograph_files() -> Vec<(String, ())> {
    let env = Env::new();
    env.json(&["sources"])["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["file"].as_str().unwrap().to_string(), ()))
        .collect()
}

#[test]
fn the_ledger_stays_whole_when_the_server_and_the_cli_ingest_at_once() {
    let env = Env::new();
    // a ledger made first, as a newsroom's would be
    env.run(&["init"]);
    let s = Server::start(&env, &["--token", TOKEN]);
    let feed = env.dir.path().join("feed.jsonl");
    std::fs::write(
        &feed,
        common::establishments(200, |i| format!("https://example.org/cli/{i}")),
    )
    .unwrap();
    let cli = std::thread::spawn({
        let db = env.db();
        move || {
            Command::new(env!("CARGO_BIN_EXE_diplograph"))
                .args(["ingest"])
                .arg(&feed)
                .env("DIPLOGRAPH_DB", db)
                .output()
                .unwrap()
        }
    });
    let mut served = 0;
    for i in 0..40 {
        let body = json!({
            "text": format!("Ghana and Togo established diplomatic relations on 1 March 2026, said statement {i}."),
            "published": "2026-03-02",
            "url": format!("https://example.org/api/{i}"),
        });
        let got = s.post(
            "/ingest.json",
            "application/json",
            body.to_string().as_bytes(),
            Some(TOKEN),
        );
        assert_eq!(got.status, 200, "{}", got.body);
        served += got.json()["data"]["ingested"]["articles"].as_u64().unwrap();
        // reads go on while both write
        assert_eq!(s.get("/states/GHA/relations.json").status, 200);
    }
    let out = cli.join().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(served, 40);
    let check = env.run(&["ledger", "check"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // every article of both writers is in the ledger, once
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 240);
    // and the server answers from it: Ghana–Togo, proposed by 40 articles, is in its review queue
    let queue = s.data("/review.json?state=GHA");
    assert!(queue["matching"].as_u64().unwrap() >= 1, "{queue}");
}
