//! One function per subcommand: resolve names and dates, load the graph, ask it, print.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use diplograph_graph::Graph;
use diplograph_model::{Code, Date, Day, Event, Fact, Origin, Source, Universe};
use diplograph_store::Ledger;

use crate::reading;
use crate::{AddArgs, Among, Cli, Command, ExportFormat, Found, ImportFormat, When};
use diplograph_app::knowledge::BASELINE_KNOWN_AT;
use diplograph_app::output::{self, Out};

fn ledger_path(db: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(p) = db {
        return Ok(p);
    }
    if let Some(p) = std::env::var_os("DIPLOGRAPH_DB") {
        return Ok(PathBuf::from(p));
    }
    let dir = dirs::data_dir()
        .ok_or_else(|| anyhow!("no data directory on this system: pass --db PATH"))?;
    Ok(dir.join("diplograph").join("ledger.sqlite"))
}

use diplograph_app::{day, today, Knowledge};

fn universe(a: Among) -> Universe {
    match a {
        Among::Un => Universe::Un,
        Among::All => Universe::All,
    }
}

/// The graph from the baseline and the ledger, as known on `known_at`, for a command that
/// answers once and exits: the graph is left to the process's end rather than freed entry by
/// entry, which would take longer than the answer (see `bench/`).
pub(crate) fn load(db: &Path, known_at: Option<Day>) -> Result<&'static Graph> {
    Ok(Box::leak(Box::new(knowledge(db)?.graph(known_at, None))))
}

/// What graphs are built from, with what loading it noticed said on stderr.
pub(crate) fn knowledge(db: &Path) -> Result<Knowledge> {
    let k = Knowledge::load(db)?;
    for n in k.notes() {
        crate::terminal::warn(n);
    }
    Ok(k)
}

use diplograph_app::answer::{self, resolve};

pub fn run(cli: Cli) -> Result<Found> {
    let db = ledger_path(cli.db)?;
    crate::ledger::prepare(&db, &cli.command)?;
    let stdout = std::io::stdout();
    let mut w = crate::terminal::Escaped::new(std::io::BufWriter::new(stdout.lock()));
    let found = match cli.command {
        Command::Sources { .. }
        | Command::Completions { .. }
        | Command::Man
        | Command::Schema { .. } => {
            unreachable!("main answers these before any ledger")
        }
        Command::States { query, format } => {
            let g = load(&db, None)?;
            let q = query.unwrap_or_default();
            let found = answer::states(g, &q);
            if found.is_empty() {
                // Say what it may have meant, on stderr, and report nothing found.
                if let Err(e) = g.states().resolve(&q) {
                    crate::terminal::warn(&e.to_string());
                }
                return Ok(Found::Nothing);
            }
            output::states(&mut w, Out::from(format), &found)?;
            Found::Something
        }
        Command::Relations {
            state,
            when,
            among,
            format,
        } => {
            let g = load(&db, parse_known_at(when.known_at.as_deref())?)?;
            let as_of = as_of(&when)?;
            let r = answer::relations(g, &state, as_of, universe(among))?;
            output::relations(&mut w, Out::from(format), g, &r)?;
            future_note(as_of);
            Found::Something
        }
        Command::Coverage {
            when,
            among,
            state,
            worst,
            format,
        } => {
            let g = load(&db, parse_known_at(when.known_at.as_deref())?)?;
            let day = as_of(&when)?;
            let r = answer::coverage(g, day, universe(among), state.as_deref())?;
            future_note(day);
            output::coverage(&mut w, Out::from(format), &r, worst)?;
            Found::nothing_if(r.pairs == 0)
        }
        Command::Pair { a, b, when, format } => {
            let g = load(&db, parse_known_at(when.known_at.as_deref())?)?;
            let day = as_of(&when)?;
            let h = answer::pair(g, &a, &b, when.as_of.is_some().then_some(day))?;
            output::history(&mut w, Out::from(format), g, &h, day)?;
            Found::nothing_if(h.history.is_empty() && h.recognition.is_empty())
        }
        Command::Timeline {
            state,
            when,
            among,
            from,
            format,
        } => {
            let g = load(&db, parse_known_at(when.known_at.as_deref())?)?;
            let until = as_of(&when)?;
            let (code, years) = answer::timeline(g, &state, until, universe(among), from)?;
            output::timeline(&mut w, Out::from(format), g, code, &years)?;
            Found::nothing_if(years.is_empty())
        }
        Command::Exclusive {
            state,
            rival,
            when,
            among,
            timeline,
            from,
            format,
        } => {
            let g = load(&db, parse_known_at(when.known_at.as_deref())?)?;
            let as_of = as_of(&when)?;
            let timeline_from = timeline.then(|| from.unwrap_or(1990));
            let (x, years) =
                answer::exclusive(g, &state, &rival, as_of, universe(among), timeline_from)?;
            output::exclusive(&mut w, Out::from(format), g, &x, years.as_deref())?;
            Found::nothing_if(x.states.is_empty())
        }
        Command::Add(args) => add(&db, args, &mut w)?,
        Command::Import {
            format: ImportFormat::Wikipedia,
            file,
            snapshot,
            write,
            ..
        } => import_wikipedia(&db, &file, snapshot.as_deref(), write.as_deref(), &mut w)?,
        Command::Import {
            format,
            file,
            guide,
            tsv,
            ..
        } => import(&db, format, &file, guide.as_deref(), tsv, &mut w)?,
        Command::Read(a) => {
            reading::read_cmd(&mut w, &reading::Job::new(&a, reading::lexicon()?)?)?
        }
        Command::Ingest(a) => {
            let k = knowledge(&db)?;
            reading::ingest_cmd(&mut w, &db, &reading::Job::new(&a, k.lexicon())?, &k)?
        }
        Command::Eval {
            dir,
            guide,
            wikipedia,
            claims,
            mistakes,
            format,
        } => {
            let k = knowledge(&db)?;
            if guide {
                reading::eval_guide(&mut w, Out::from(format), &dir, &k)?
            } else if wikipedia {
                reading::eval_wikipedia(&mut w, Out::from(format), &dir, mistakes, &k)?
            } else if claims {
                let g = k.graph(None, None);
                reading::eval_claims(&mut w, Out::from(format), &dir, mistakes, &g, &k.lexicon())?
            } else {
                reading::eval_cmd(&mut w, Out::from(format), &dir, mistakes, &k.lexicon())?
            }
        }
        Command::Check {
            articles,
            as_of,
            known_at,
        } => {
            let as_of = as_of.map(|s| day(&s, "--as-of")).transpose()?;
            let known_at = parse_known_at(known_at.as_deref())?;
            let k = knowledge(&db)?;
            let job = reading::Job::new(&articles, k.lexicon())?;
            reading::check_cmd(&mut w, &job, &k, as_of, known_at)?
        }
        Command::Review {
            action,
            filter,
            format,
        } => crate::review::review(&db, action, &filter, Out::from(format), &mut w)?,
        Command::Ledger { action } => crate::ledger::run(&db, action, &mut w)?,
        Command::Serve {
            host,
            port,
            token,
            max_body,
            timeout,
            concurrent,
            cache_mb,
        } => {
            let token = token
                .or_else(|| std::env::var("DIPLOGRAPH_TOKEN").ok())
                .filter(|t| !t.is_empty());
            if token.as_ref().is_some_and(|t| t.len() < 16) {
                bail!("--token must be at least 16 characters: it guards every write");
            }
            if max_body == 0 || timeout == 0 || concurrent == 0 {
                bail!("--max-body, --timeout and --concurrent must be above 0");
            }
            let writes = if token.is_some() {
                "writes need the token"
            } else {
                "read-only (no --token)"
            };
            let config = diplograph_serve::Config {
                addr: std::net::SocketAddr::new(host, port),
                db: db.clone(),
                token,
                limits: diplograph_serve::Limits {
                    body_bytes: max_body,
                    request_time: std::time::Duration::from_secs(timeout),
                    concurrent,
                    cache_bytes: cache_mb.saturating_mul(1024 * 1024),
                },
            };
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .context("cannot start the server's runtime")?;
            runtime.block_on(diplograph_serve::serve(config, |addr| {
                let shown = if addr.ip().is_unspecified() {
                    std::net::SocketAddr::new(std::net::Ipv4Addr::LOCALHOST.into(), addr.port())
                } else {
                    addr
                };
                // the first line on stdout: scripts and tests read the URL from it
                let _ = writeln!(w, "serving on http://{shown}/");
                let _ = w.flush();
                crate::terminal::warn(&format!("ledger {}; {writes}; Ctrl-C stops", db.display()));
            }))?;
            Found::Something
        }
        Command::Init { known_at } => {
            // validate before the ledger file is created
            let known_at = parse_known_at(known_at.as_deref())?;
            if known_at.is_some() && db.exists() {
                // turning a ledger that answers from everything into a replay would change every
                // later answer without a word
                bail!(
                    "ledger {:?} exists: --known-at makes a new ledger that replays knowledge (give another --db)",
                    db.display().to_string()
                );
            }
            let mut l = Ledger::open(&db)?;
            if let Some(d) = known_at {
                l.set_setting(BASELINE_KNOWN_AT, &d.to_string())?;
                writeln!(
                    w,
                    "ledger {} counts baseline facts published by {d}",
                    db.display()
                )?;
            } else {
                writeln!(w, "ledger {} ready", db.display())?;
            }
            Found::Something
        }
        Command::Export {
            format,
            state,
            from,
            to,
            when,
            directed,
        } => {
            let g = load(&db, parse_known_at(when.known_at.as_deref())?)?;
            let limit = when
                .as_of
                .as_deref()
                .map(|d| day(d, "--as-of"))
                .transpose()?;
            let state = state.map(|s| resolve(g, &s)).transpose()?;
            let from = from.unwrap_or(1946);
            // dyad-years end with the last whole year before --as-of (default: today)
            let to = to.unwrap_or(limit.unwrap_or_else(today).year() - 1);
            if from > to {
                bail!("--from {from} is after --to {to}");
            }
            match format {
                ExportFormat::Json | ExportFormat::Csv => output::export_facts(
                    &mut w,
                    matches!(format, ExportFormat::Json),
                    g,
                    state,
                    limit,
                )?,
                ExportFormat::DyadYear => {
                    output::dyad_years(&mut w, g, state, (from, to), directed)?
                }
            }
            Found::Something
        }
    };
    w.flush()?;
    Ok(found)
}

/// `--published`: a day, or a month or year where only that is known; relative dates ("on
/// Thursday") resolve only against a day.
pub(crate) fn parse_published(flag: Option<&str>) -> Result<Option<Date>> {
    let Some(s) = flag else { return Ok(None) };
    let d: Date = s.parse().context("--published")?;
    Ok(Some(d))
}

fn parse_known_at(flag: Option<&str>) -> Result<Option<Day>> {
    flag.map(|s| day(s, "--known-at")).transpose()
}

/// An answer about a day after today is the last known state, carried forward: say so.
fn future_note(as_of: Day) {
    let today = today();
    if as_of > today {
        crate::terminal::warn(&format!(
            "note: {as_of} is after today ({today}): the answer is the last known state, carried forward"
        ));
    }
}

fn as_of(when: &When) -> Result<Day> {
    Ok(match &when.as_of {
        Some(s) => day(s, "--as-of")?,
        None => today(),
    })
}

fn add(db: &Path, a: AddArgs, w: &mut impl Write) -> Result<Found> {
    let g = load(db, None)?;
    let (x, y) = (resolve(g, &a.a)?, resolve(g, &a.b)?);
    if x == y {
        bail!("a fact needs two different states (both are {x})");
    }
    let event: Event = a.event.parse()?;
    let date: Date = a.date.parse().context("date")?;
    for c in [x, y] {
        g.check_exists(c, date.last_day())?;
    }
    let published = a
        .published
        .as_deref()
        .map(|p| p.parse::<Date>().context("--published"))
        .transpose()?;
    if a.url.is_none() && a.citation.is_none() {
        bail!("a fact needs a source: --url with --quote, or --citation");
    }
    let source = Source {
        url: a.url.unwrap_or_default().into(),
        publisher: a.publisher.into(),
        published,
        quote: a.quote.into(),
        citation: a.citation.unwrap_or_default().into(),
    };
    source.validate()?;
    let fact = Fact {
        a: x,
        b: y,
        event,
        date,
        source,
        origin: Origin::Ledger { id: 0 },
    };
    fact.check_dates(today())?;
    if !fact.source.url.is_empty() && (fact.source.publisher.is_empty() || published.is_none()) {
        crate::terminal::warn(
            "note: a report without --publisher and --published cannot count towards two publishers, nor be placed by --known-at",
        );
    }
    let mut l = Ledger::open(db)?;
    let n = l.add_facts(&[fact], "add")?;
    if n.added == 1 {
        writeln!(w, "added: {x} {y} {event} {date} (ledger {})", db.display())?;
    } else if n.corrected == 1 {
        writeln!(
            w,
            "corrected the source of {x} {y} {event} {date} (what it replaced is kept in the ledger)"
        )?;
    } else {
        writeln!(w, "already in the ledger: {x} {y} {event} {date}")?;
    }
    Ok(Found::Something)
}

/// The largest file `import facts` reads (the shipped Wikipedia facts file is under 20 MB).
const MAX_IMPORT_BYTES: usize = 256 << 20;

fn import(
    db: &Path,
    format: ImportFormat,
    file: &Path,
    guide: Option<&Path>,
    tsv: bool,
    w: &mut impl Write,
) -> Result<Found> {
    let g = load(db, None)?;
    let (facts, rows) = match format {
        ImportFormat::UsMissions => {
            let articles = match guide {
                Some(dir) => diplograph_import::read_guide(dir)?,
                None => Vec::new(),
            };
            let mut cow: HashMap<u16, Code> = HashMap::new();
            for s in g.states().all() {
                if let Some(c) = s.cow {
                    cow.entry(c).or_insert(s.code);
                }
            }
            // The German Federal Republic (COW 260) is today's Germany.
            if let Some(deu) = g.states().get("DEU".parse().expect("valid")) {
                cow.insert(260, deu.code);
            }
            let (facts, report) = diplograph_import::us_missions(file, &articles, &cow)?;
            if guide.is_none() {
                eprintln!("note: without --guide, every fall to a closed mission is taken as a closure, never a break");
            }
            eprintln!(
                "read {} rows and {} guide articles: {} facts ({} from the guide's prose, {} from dataset rows); {} closures kept as relations; {} states not in diplograph ({})",
                report.rows,
                articles.len(),
                facts.len(),
                report.from_guide,
                report.from_dataset,
                report.closures.len(),
                report.unmapped.len(),
                report.unmapped.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
            );
            (facts, report.rows)
        }
        ImportFormat::Facts => {
            let text = crate::input::read_text(file, MAX_IMPORT_BYTES)?;
            let facts = diplograph_baseline::parse_facts(&file.display().to_string(), &text)?;
            for f in &facts {
                for c in [f.a, f.b] {
                    if g.states().get(c).is_none() {
                        bail!("{}: no state has the code {c}", f.origin);
                    }
                    g.check_exists(c, f.date.last_day())
                        .with_context(|| f.origin.to_string())?;
                }
                f.check_dates(today())
                    .with_context(|| f.origin.to_string())?;
            }
            let n = facts.len();
            (facts, n)
        }
        ImportFormat::Wikipedia => unreachable!("routed to import_wikipedia"),
    };
    if tsv {
        if matches!(format, ImportFormat::UsMissions) {
            write!(w, "{}", diplograph_import::US_TSV_HEADER)?;
        }
        output::facts_tsv(w, &facts)?;
        return Ok(Found::nothing_if(facts.is_empty()));
    }
    let name = match format {
        ImportFormat::UsMissions => "us-missions",
        ImportFormat::Facts => "facts",
        ImportFormat::Wikipedia => "wikipedia",
    };
    // A fact the embedded baseline already holds with the same source (the shipped US facts are
    // this very import) would be the same source twice in every answer: it is already there.
    let shipped: std::collections::HashSet<_> = diplograph_baseline::load()
        .context("the embedded baseline is broken")?
        .facts
        .iter()
        .map(same_fact)
        .collect();
    let (new, known): (Vec<Fact>, Vec<Fact>) = facts
        .iter()
        .cloned()
        .partition(|f| !shipped.contains(&same_fact(f)));
    let mut l = Ledger::open(db)?;
    let n = l.import(name, &file.display().to_string(), rows, &new)?;
    writeln!(
        w,
        "imported {}: {} facts added, {} already there{} (ledger {})",
        file.display(),
        n.added,
        n.duplicates + known.len(),
        if n.corrected > 0 {
            format!(", {} with their source corrected", n.corrected)
        } else {
            String::new()
        },
        db.display()
    )?;
    Ok(Found::nothing_if(facts.is_empty()))
}

/// `import wikipedia`: every article's tables, notes and bilateral prose, both sides reconciled,
/// into the ledger in one transaction (or, with `--write`, as the baseline's files).
fn import_wikipedia(
    db: &Path,
    path: &Path,
    snapshot: Option<&str>,
    write: Option<&Path>,
    w: &mut impl Write,
) -> Result<Found> {
    let snapshot: Option<Day> = snapshot.map(|s| day(s, "--snapshot")).transpose()?;
    let b = diplograph_baseline::load_indexed()?;
    let states = diplograph_graph::States::new(b.states.clone());
    let lexicon = diplograph_read::Lexicon::new(&b.states, &b.people);
    let (articles, mut unread) = diplograph_wikipedia::load(path)?;
    let cfg = diplograph_wikipedia::Config { snapshot };
    let imp = diplograph_wikipedia::import(&articles, &states, &lexicon, &cfg)?;
    let r = &imp.report;
    unread.sort();
    for n in &unread {
        eprintln!("note: {n}");
    }
    for n in &r.notes {
        eprintln!("note: {n}");
    }
    eprintln!(
        "read {} articles, {} tables, {} rows ({} files unreadable): {} facts, {} lists; both sides agree on {} pairs, disagree on {}, one side only {}; {} notes",
        r.articles,
        r.tables,
        r.rows,
        unread.len(),
        imp.facts.len(),
        imp.sets.len(),
        r.agree,
        r.conflicts.len(),
        r.one_sided,
        r.notes.len()
    );
    if let Some(dir) = write {
        let (facts, sets) = diplograph_wikipedia::to_tsv(&imp);
        let mut report = diplograph_wikipedia::report_markdown(r, &states);
        for n in &unread {
            report.push_str(&format!("- {n}\n"));
        }
        for (name, text) in [
            ("wikipedia.facts.tsv", facts),
            ("wikipedia.sets.tsv", sets),
            ("wikipedia-import.md", report),
        ] {
            let p = dir.join(name);
            std::fs::write(&p, text)
                .with_context(|| format!("cannot write {:?}", p.display().to_string()))?;
        }
        writeln!(
            w,
            "wrote {} facts and {} lists to {}",
            imp.facts.len(),
            imp.sets.len(),
            dir.display()
        )?;
        return Ok(Found::nothing_if(imp.facts.is_empty()));
    }
    let mut l = Ledger::open(db)?;
    let n = l.import_all(
        "wikipedia",
        &path.display().to_string(),
        r.rows,
        &imp.facts,
        &imp.sets,
    )?;
    writeln!(
        w,
        "imported {}: {} facts added, {} already there (ledger {})",
        path.display(),
        n.added,
        n.duplicates,
        db.display()
    )?;
    Ok(Found::nothing_if(imp.facts.is_empty()))
}

/// What makes two facts the same source of the same fact: the pair, event, date and the
/// source's address or citation, quote and publication day.
fn same_fact(f: &Fact) -> String {
    let s = &f.source;
    format!(
        "{} {} {} {} {:?} {:?} {:?} {:?}",
        f.a,
        f.b,
        f.event,
        f.date,
        &*s.url,
        &*s.citation,
        &*s.quote,
        s.published.map(|d| d.to_string())
    )
}
