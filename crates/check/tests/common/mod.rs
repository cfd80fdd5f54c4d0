//! What the checker's tests share: the baseline's lexicon and graph (with group memberships),
//! built once per test binary.

use diplograph_graph::{Graph, Options};
use diplograph_read::Lexicon;

pub fn setup() -> &'static (Lexicon, Graph) {
    static SETUP: std::sync::OnceLock<(Lexicon, Graph)> = std::sync::OnceLock::new();
    SETUP.get_or_init(|| {
        let b = diplograph_baseline::load().unwrap();
        let lex = Lexicon::new(&b.states, &b.people);
        let graph = Graph::build(b.states, &b.facts, &b.sets, &Options { known_at: None })
            .with_memberships(std::sync::Arc::new(b.memberships));
        (lex, graph)
    })
}
