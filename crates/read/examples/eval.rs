//! Scores the reader on a folder of labelled passages (development aid; the CLI has `eval`).
fn main() {
    let dir = std::env::args().nth(1).expect("a folder");
    let states = diplograph_baseline::load().expect("baseline").states;
    let lex = diplograph_read::Lexicon::new(&states);
    let mut cases = Vec::new();
    for e in std::fs::read_dir(&dir).expect("folder") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "jsonl") {
            let c = std::fs::read_to_string(&p).expect("utf-8");
            cases.extend(
                diplograph_read::eval::parse_cases(&p.display().to_string(), &c).expect("cases"),
            );
        }
    }
    let r = diplograph_read::eval::score(&cases, &lex).expect("score");
    for (t, c) in &r.by_type {
        println!(
            "{t:22} tp {:3} fp {:3} fn {:3}  P {:.2} R {:.2} F1 {:.2}",
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    let c = r.overall;
    println!(
        "overall                tp {:3} fp {:3} fn {:3}  P {:.2} R {:.2} F1 {:.2}",
        c.tp,
        c.fp,
        c.fn_,
        c.precision(),
        c.recall(),
        c.f1()
    );
    println!(
        "negatives {} with events {:?}",
        r.negatives, r.negatives_with_events
    );
    println!("modality {}/{}", r.modality_correct, r.modality_checked);
    for m in &r.mistakes {
        println!("{} {} {}", m.id, m.kind, m.event);
    }
}
