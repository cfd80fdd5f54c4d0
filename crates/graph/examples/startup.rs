//! What a query pays at start-up: the baseline's parse (large files indexed, not parsed), the
//! graph's index, and one `relations` answer. `cargo run --release -p diplograph-graph
//! --example startup`; figures in `bench/runs/`.

use std::sync::Arc;

fn main() {
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let b = diplograph_baseline::load_indexed().unwrap();
        let t1 = t.elapsed();
        let n = b.facts.len() + b.rows.iter().map(|r| r.rows.len()).sum::<usize>();
        let g = diplograph_graph::Graph::build_shared(
            b.states.clone(),
            Arc::new(b.facts),
            |_| true,
            Arc::new(b.rows),
            &b.sets,
            &Default::default(),
        );
        let t2 = t.elapsed();
        let r = g
            .relations(
                "FRA".parse().unwrap(),
                "2025-11-26".parse().unwrap(),
                diplograph_model::Universe::Un,
            )
            .unwrap();
        let t3 = t.elapsed();
        // Left to the process's end, as the binary does.
        std::mem::forget(g);
        println!(
            "load {:?}  index {:?}  relations {:?}  ({n} facts; FRA has {} partners of {})",
            t1,
            t2 - t1,
            t3 - t2,
            r.count,
            r.of
        );
    }
}
