//! A bounded load test on loopback: `diplograph serve`'s router in this process, keep-alive
//! clients on threads asking "relations as of" for every state on changing days, then
//! requests per second and latency percentiles. Bounded in time (`LOAD_SECONDS`, default 10)
//! and connections (`LOAD_CLIENTS`, default 8); `LOAD_PATH` picks the route template, `LOAD_CACHE_MB` the answer cache (0: none) (`{code}`,
//! `{day}` filled in). Run: `cargo bench -p diplograph-serve --bench load`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is taken from the command line
    let seconds: u64 = env_or("LOAD_SECONDS", 10);
    let clients: usize = env_or("LOAD_CLIENTS", 8);
    let template: String = env_or(
        "LOAD_PATH",
        "/states/{code}/relations.json?_as_of={day}&_among=un".to_string(),
    );
    let server_threads: usize = env_or("LOAD_SERVER_THREADS", 2);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = diplograph_serve::Config {
        addr: "127.0.0.1:0".parse().expect("an address"),
        db: dir.path().join("ledger.sqlite"),
        token: None,
        limits: diplograph_serve::Limits {
            concurrent: 10_000,
            cache_bytes: env_or("LOAD_CACHE_MB", 256usize) * 1024 * 1024,
            ..Default::default()
        },
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(server_threads)
            .enable_all()
            .build()
            .expect("a runtime");
        rt.block_on(diplograph_serve::serve(config, move |addr| {
            tx.send(addr).expect("the bench waits");
        }))
        .expect("the server runs");
    });
    let addr = rx.recv().expect("the server starts");
    let base = format!("http://{addr}");
    // every state that exists on the days asked about
    let agent: ureq::Agent = ureq::Agent::config_builder().build().new_agent();
    let states: serde_json::Value = agent
        .get(&format!("{base}/states.json?kind=member"))
        .call()
        .expect("states")
        .body_mut()
        .read_json()
        .expect("JSON");
    let codes: Vec<String> = states["data"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["code"].as_str().expect("a code").to_string())
        .collect();
    let days = [
        "2000-01-01",
        "2010-06-30",
        "2020-12-31",
        "2024-01-01",
        "2025-06-01",
    ];
    let paths: Arc<Vec<String>> = Arc::new(
        codes
            .iter()
            .flat_map(|c| {
                days.iter()
                    .map(|d| template.replace("{code}", c).replace("{day}", d))
                    .collect::<Vec<_>>()
            })
            .collect(),
    );
    let stop = Arc::new(AtomicBool::new(false));
    let warm = Duration::from_secs(1);
    let started = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|i| {
            let (paths, stop, base) = (paths.clone(), stop.clone(), base.clone());
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .build()
                    .new_agent();
                let mut lat = Vec::new();
                let (mut bytes, mut errors, mut refused) = (0usize, 0usize, 0usize);
                let mut k = i * 7919;
                while !stop.load(Ordering::Relaxed) {
                    let p = &paths[k % paths.len()];
                    k += 1;
                    let t = Instant::now();
                    match agent.get(&format!("{base}{p}")).call() {
                        Ok(mut r) => {
                            // a state that did not exist on the day is a 400: answered, counted
                            if r.status() != 200 {
                                refused += 1;
                            }
                            let body = r
                                .body_mut()
                                .with_config()
                                .limit(64 * 1024 * 1024)
                                .read_to_vec()
                                .unwrap_or_default();
                            if t.duration_since(started) >= warm {
                                lat.push(t.elapsed());
                                bytes += body.len();
                            }
                        }
                        Err(_) => errors += 1,
                    }
                }
                (lat, bytes, errors, refused)
            })
        })
        .collect();
    std::thread::sleep(warm + Duration::from_secs(seconds));
    stop.store(true, Ordering::Relaxed);
    let mut lat = Vec::new();
    let (mut bytes, mut errors, mut refused) = (0, 0, 0);
    for h in handles {
        let (l, b, e, r) = h.join().expect("a client");
        lat.extend(l);
        bytes += b;
        errors += e;
        refused += r;
    }
    lat.sort();
    let n = lat.len();
    let pct = |q: f64| lat[((n as f64 * q) as usize).min(n - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("route      {template}");
    println!("clients    {clients} keep-alive connections, server worker threads {server_threads}, {} paths", paths.len());
    println!(
        "requests   {n} in {seconds} s after a 1 s warm-up: {:.0} requests/s",
        n as f64 / seconds as f64
    );
    println!(
        "latency    p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(pct(0.5)),
        ms(pct(0.9)),
        ms(pct(0.99)),
        ms(lat[n - 1])
    );
    println!(
        "bytes      {:.0} per answer, {:.1} MB/s",
        bytes as f64 / n as f64,
        bytes as f64 / seconds as f64 / 1e6
    );
    println!("answers    {refused} not 200 (a state that did not exist on the day: 400), {errors} failed");
    println!("cache      {} MB", env_or("LOAD_CACHE_MB", 256usize));
}
