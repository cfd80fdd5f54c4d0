//! Times the embedded baseline's parse and the graph's index (a scratch measurement).
fn main() {
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let b = diplograph_baseline::load().unwrap();
        let t1 = t.elapsed();
        let n = b.facts.len();
        let facts = std::sync::Arc::new(b.facts);
        let g = diplograph_graph::Graph::build_shared(
            b.states.clone(),
            facts,
            |_| true,
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
        std::mem::forget(g);
        println!(
            "load {:?} build {:?} relations {:?} ({} facts, count {})",
            t1,
            t2 - t1,
            t3 - t2,
            n,
            r.count
        );
    }
}
