//! Scaling benchmark: reads 1, 2, 4 and 8 MB inputs of each worst-case shape and fails when a
//! doubling of the input costs more than 2.5 times the time over the range (linear is 2,
//! quadratic 4).
//!
//! `cargo run --release -p diplograph-read --example read_scaling [MB...]` (sizes default to 1 2 4 8;
//! `SHAPES="same pairs"` picks shapes).
//! The reader's counts are lifted so that the whole input is read; the figures are the algorithm's.

use std::process::ExitCode;
use std::time::Instant;

use diplograph_read::{read_within, Budget, Lexicon};

/// The shapes that were slow: one event sentence repeated (a line each, or one paragraph),
/// varied pairs of states, one long line without a full stop, and a page of state names.
fn input(shape: &str, bytes: usize, names: &[String]) -> String {
    let mut s = String::with_capacity(bytes + 200);
    let mut i = 0usize;
    while s.len() < bytes {
        match shape {
            "same" => s.push_str(
                "South Korea established diplomatic relations with Syria on 10 April 2025.\n",
            ),
            "pairs" => {
                let a = &names[i % names.len()];
                let b = &names[(i * 7 + 3) % names.len()];
                let day = 1 + i % 28;
                let year = 1950 + (i / 28) % 75;
                s.push_str(&format!(
                    "{a} established diplomatic relations with {b} on {day} April {year}.\n"
                ));
            }
            "para" => s.push_str(
                "South Korea established diplomatic relations with Syria on 10 April 2025. ",
            ),
            "line" => s.push_str(
                "South Korea established diplomatic relations with Syria on 10 April 2025, ",
            ),
            "names" => {
                s.push_str(&names[i % names.len()]);
                s.push(' ');
            }
            other => panic!("unknown shape {other:?}"),
        }
        i += 1;
    }
    s
}

fn main() -> ExitCode {
    let sizes: Vec<f64> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("sizes in MB"))
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1.0, 2.0, 4.0, 8.0]
    } else {
        sizes
    };
    let b = diplograph_baseline::load().expect("baseline");
    let lexicon = Lexicon::new(&b.states, &b.people);
    let names: Vec<String> = b
        .states
        .iter()
        .filter(|s| s.name.len() < 20 && !s.name.contains(','))
        .map(|s| s.name.clone())
        .collect();
    let published = "2025-04-11".parse().ok();
    // the counts lifted, so that the whole input is read; the sizes that bound the cost of one
    // sentence and one lookup (piece size, events per pair) kept
    let budget = Budget {
        sentences: usize::MAX,
        events: usize::MAX,
        evidence: usize::MAX,
        notes: usize::MAX,
        ..Budget::DEFAULT
    };
    let mut ok = true;
    println!("shape  MB  seconds  events  ratio");
    let shapes = std::env::var("SHAPES").unwrap_or_else(|_| "same para pairs line names".into());
    for shape in shapes.split_whitespace() {
        let mut times = Vec::new();
        for &mb in &sizes {
            let text = input(shape, (mb * 1048576.0) as usize, &names);
            // the better of two runs: the machine is shared
            let mut secs = f64::MAX;
            let mut events = 0;
            for _ in 0..2 {
                let t = Instant::now();
                let r = read_within(&text, published, None, &lexicon, &budget);
                secs = secs.min(t.elapsed().as_secs_f64());
                events = r.events.len();
            }
            // below 50 ms the clock's noise is larger than the signal
            let ratio = times.last().map(|p: &f64| secs.max(0.05) / p.max(0.05));
            println!(
                "{shape:6} {mb:4}  {secs:7.3}  {events:6}  {}",
                ratio.map_or("-".to_string(), |x| format!("{x:.2}"))
            );
            times.push(secs);
        }
        // growth per doubling over the whole range: linear is 2, quadratic 4
        let doublings = (sizes[sizes.len() - 1] / sizes[0]).log2();
        let growth = (times[times.len() - 1].max(0.05) / times[0].max(0.05)).powf(1.0 / doublings);
        println!("{shape:6} growth per doubling {growth:.2}");
        if growth > 2.5 {
            ok = false;
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        eprintln!("scaling: super-linear (a doubling cost more than 2.5 times the time)");
        ExitCode::FAILURE
    }
}
