//! Prints what the reader finds in a file (development aid): `cargo run -p diplograph-read --example read FILE [PUBLISHED]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a file");
    let published = args.next().and_then(|p| p.parse().ok());
    let text = std::fs::read_to_string(path).expect("readable UTF-8");
    let states = diplograph_baseline::load().expect("baseline").states;
    let lex = diplograph_read::Lexicon::new(&states);
    let r = diplograph_read::read(&text, published, &lex);
    println!("published {:?}", r.published.map(|d| d.to_string()));
    for e in &r.events {
        println!(
            "{} {}-{} {:?} {} loc={:?} rule={} n={}",
            e.kind.as_str(),
            e.actors[0],
            e.actors[1],
            e.date.map(|d| d.to_string()),
            e.modality.as_str(),
            e.location,
            e.rule,
            e.evidence.len()
        );
        for ev in &e.evidence {
            println!(
                "    [{}..{}] {} :: {}",
                ev.start,
                ev.end,
                ev.modality.as_str(),
                &ev.text[..ev.text.len().min(100)]
            );
        }
    }
    for n in &r.notes {
        println!("note {:?} {}", n.kind, n.message);
    }
}
