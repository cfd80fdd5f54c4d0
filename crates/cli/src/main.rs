//! The `diplograph` binary: flags and glue. The work lives in the library crates.

mod commands;
mod input;
mod ledger;
mod reading;
mod review;
mod sources;
mod terminal;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// After `-h`: the exit codes and where the data comes from.
const SHORT_HELP: &str = concat!(
    "Exit codes: 0 found; 1 nothing found; 2 error (one line on stderr), also after `read`, ",
    "`ingest` or `check` finished the inputs it could read but some could not be read (each said ",
    "on stderr). `ingest` with nothing new exits 0. Output piped into a reader that goes away ",
    "(`| head`) ends the run quietly with 0.\n",
    "Data: `diplograph sources` (files, licences); `diplograph --version` (data version)."
);

/// After `--help`: examples, then the same.
const LONG_HELP: &str = concat!(
    "Examples:\n",
    "  diplograph relations KOR --as-of 2025-04-12 --among un\n",
    "  diplograph pair USA CUB\n",
    "  diplograph read article.txt --json\n\n",
    "Exit codes: 0 found; 1 nothing found; 2 error (one line on stderr; add, import and init ",
    "write nothing when they fail), also after `read`, `ingest` or `check` finished the inputs it ",
    "could read but some could not be read (each said on stderr). `ingest` with nothing new exits ",
    "0. Output piped into a reader that goes away (`| head`) ends the run quietly with 0.\n\n",
    "Data: `diplograph sources` lists each shipped file with its licence and attribution;\n",
    "`diplograph --version` names the data version and the Wikipedia snapshot."
);

/// Who has formal diplomatic relations with whom, since when: a sourced, time-aware graph.
#[derive(Parser, Debug)]
#[command(
    name = "diplograph",
    version,
    about,
    after_help = SHORT_HELP,
    after_long_help = LONG_HELP
)]
pub struct Cli {
    /// The ledger of facts you add (default: diplograph/ledger.sqlite in your data directory,
    /// or $DIPLOGRAPH_DB).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug, Clone, Copy)]
pub struct Format {
    /// Print JSON.
    #[arg(long, global = true, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV.
    #[arg(long, global = true)]
    pub csv: bool,
}

impl From<Format> for diplograph_app::output::Out {
    fn from(f: Format) -> diplograph_app::output::Out {
        use diplograph_app::output::Out;
        if f.json {
            Out::Json
        } else if f.csv {
            Out::Csv
        } else {
            Out::Table
        }
    }
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Among {
    /// UN member states.
    Un,
    /// Every state.
    All,
}

#[derive(Args, Debug, Clone)]
pub struct When {
    /// The day the answer is about (YYYY-MM-DD; a year or month means its last day). Default: today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Use only facts whose source had published by this day.
    #[arg(long, value_name = "DATE")]
    pub known_at: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List states matching a name, alias, demonym or code (all states without a query).
    States {
        /// A name, alias, demonym or code ("korea", "Korean", "KOR"); a misspelling suggests names.
        query: Option<String>,
        #[command(flatten)]
        format: Format,
    },
    /// A state's partners, non-partners and unknowns on a day.
    #[command(after_help = "Examples:\n  \
        diplograph relations KOR --as-of 2025-04-12 --among un\n  \
        diplograph relations \"South Korea\" --as-of 2024-02-13 --json\n  \
        diplograph relations TWN --known-at 2024-01-01")]
    Relations {
        /// The state: an ISO alpha-3 code, a name, an alias or a demonym.
        state: String,
        #[command(flatten)]
        when: When,
        #[arg(long, value_enum, default_value = "all")]
        among: Among,
        #[command(flatten)]
        format: Format,
    },
    /// How much the graph knows on a day: pairs known and unknown, with establishment dates,
    /// by kind of source and by state (least covered first).
    Coverage {
        #[command(flatten)]
        when: When,
        #[arg(long, value_enum, default_value = "un")]
        among: Among,
        /// Only the pairs with this state.
        #[arg(long)]
        state: Option<String>,
        /// How many of the least covered states the table lists.
        #[arg(long, default_value_t = 20)]
        worst: usize,
        #[command(flatten)]
        format: Format,
    },
    /// A pair's full history with sources, and its status today; with --as-of, its history up
    /// to that day and its status on it.
    #[command(after_help = "Examples:\n  \
        diplograph pair USA CUB\n  \
        diplograph pair Ghana Israel --json\n  \
        diplograph pair KOR SYR --known-at 2025-04-01")]
    Pair {
        /// One state of the pair (code, name, alias or demonym).
        a: String,
        /// The other state.
        b: String,
        #[command(flatten)]
        when: When,
        #[command(flatten)]
        format: Format,
    },
    /// Partner counts per year, with the changes of each year.
    #[command(after_help = "Examples:\n  \
        diplograph timeline KOR --among un --from 1948\n  \
        diplograph timeline TWN --from 1971 --csv")]
    Timeline {
        /// The state: an ISO alpha-3 code, a name, an alias or a demonym.
        state: String,
        #[command(flatten)]
        when: When,
        #[arg(long, value_enum, default_value = "all")]
        among: Among,
        /// First year (default: the first year any fact speaks of the state).
        #[arg(long, value_parser = year())]
        from: Option<i16>,
        #[command(flatten)]
        format: Format,
    },
    /// States in relations with one state but not with its rival.
    #[command(after_help = "Examples:\n  \
        diplograph exclusive PRK --rival KOR --as-of 2024-01-01 --among un\n  \
        diplograph exclusive TWN --rival CHN --timeline --from 1990")]
    Exclusive {
        /// The state whose partners are listed.
        state: String,
        /// The rival: a partner is listed when it is known to have no relations with it.
        #[arg(long)]
        rival: String,
        #[command(flatten)]
        when: When,
        #[arg(long, value_enum, default_value = "all")]
        among: Among,
        /// Show how the set changed, year by year.
        #[arg(long)]
        timeline: bool,
        /// First year of the timeline (default: 1990).
        #[arg(long, value_parser = year())]
        from: Option<i16>,
        #[command(flatten)]
        format: Format,
    },
    /// Add one fact, with its source, to the ledger.
    Add(AddArgs),
    /// Import a file into the ledger.
    Import {
        /// What the file is.
        #[arg(value_enum)]
        format: ImportFormat,
        /// The file (for wikipedia, a file or a folder) to import.
        file: PathBuf,
        /// For us-missions: the State Department guide's articles folder (historyatstate rdcr).
        #[arg(long, value_name = "DIR")]
        guide: Option<PathBuf>,
        /// Print the facts as a baseline TSV file instead of writing them.
        #[arg(long)]
        tsv: bool,
        /// For wikipedia: the day the articles were taken, for files that do not carry a
        /// revision day (JSON or raw wikitext; an XML export does).
        #[arg(long, value_name = "DATE")]
        snapshot: Option<String>,
        /// For wikipedia: write the baseline files (wikipedia.facts.tsv, wikipedia.sets.tsv)
        /// and the report (wikipedia-import.md) into DIR instead of the ledger.
        #[arg(long, value_name = "DIR")]
        write: Option<PathBuf>,
    },
    /// Read articles (files, folders, - for stdin, JSON Lines) and print the events they state.
    ///
    /// --json: JSON Lines (one object an article) whenever the input is a folder, several files,
    /// - (stdin) or a .jsonl file; one pretty object for a single file.
    #[command(after_help = "Examples:\n  \
        diplograph read article.txt\n  \
        diplograph read page.html --json\n  \
        diplograph read - --published 2025-04-11 < article.txt\n  \
        diplograph read feed.jsonl --csv")]
    Read(Articles),
    /// Read articles and store their asserted events, with provenance, in the ledger.
    #[command(after_help = "Examples:\n  \
        diplograph ingest articles/\n  \
        diplograph ingest feed.jsonl\n  \
        diplograph review")]
    Ingest(Articles),
    /// Check an article's claims against the graph as of its date, and its events against what
    /// the graph knew before it.
    ///
    /// --json: JSON Lines (one object an article) whenever the input is a folder, several files,
    /// - (stdin) or a .jsonl file; one pretty object for a single file.
    #[command(after_help = "Examples:\n  \
        diplograph check article.txt\n  \
        diplograph check article.txt --known-at 2025-04-01 --json\n  \
        diplograph check page.html --as-of 2024-02-15")]
    Check {
        #[command(flatten)]
        articles: Articles,
        /// Check against the graph on this day (default: the article's publication date).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Use only facts whose source had published by this day.
        #[arg(long, value_name = "DATE")]
        known_at: Option<String>,
    },
    /// List proposals and conflicts from ingested articles, or accept or reject one.
    Review {
        #[command(subcommand)]
        action: Option<ReviewAction>,
        #[command(flatten)]
        filter: review::Filter,
        #[command(flatten)]
        format: Format,
    },
    /// Create the ledger; with --known-at its baseline holds only facts whose source had
    /// published by then, to replay how knowledge grew.
    Init {
        #[arg(long, value_name = "DATE")]
        known_at: Option<String>,
    },
    /// Score the reader on labelled passages (precision, recall, F1 per event type).
    Eval {
        /// A folder of .jsonl files of labelled passages (see eval/reader/README.md), with
        /// --guide the State Department guide's articles folder (historyatstate rdcr), with
        /// --wikipedia the "Foreign relations of X" articles.
        dir: PathBuf,
        /// Score on the guide's prose, labelled by its section headings.
        #[arg(long, conflicts_with = "claims")]
        guide: bool,
        /// Score on the notes of Wikipedia's "Foreign relations of X" tables (a folder as for
        /// `import wikipedia`), labelled by the establishment date of the same row.
        #[arg(long, conflicts_with_all = ["claims", "guide"])]
        wikipedia: bool,
        /// Score the checker's verdicts on labelled claims (see eval/claims/README.md).
        #[arg(long)]
        claims: bool,
        /// List every missed and spurious event.
        #[arg(long)]
        mistakes: bool,
        #[command(flatten)]
        format: Format,
    },
    /// Serve the graph, the reader and the checker over HTTP: the world map, state, pair,
    /// checker and review pages, and JSON/CSV for every answer (the routes: /-/openapi.json).
    /// Read-only unless --token is given; prints the URL it serves on.
    Serve {
        /// The address to listen on; anything but loopback makes the graph public.
        #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
        host: std::net::IpAddr,
        /// The port (0: any free port).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// The token writes need (`POST /ingest.json`, review decisions), sent as
        /// "Authorization: Bearer TOKEN"; also read from DIPLOGRAPH_TOKEN. Without it, writes
        /// are refused.
        #[arg(long, value_name = "TOKEN")]
        token: Option<String>,
        /// The largest article a request may carry, in bytes.
        #[arg(long, default_value_t = 2 * 1024 * 1024, value_name = "BYTES")]
        max_body: usize,
        /// The longest a request may take, in seconds.
        #[arg(long, default_value_t = 20, value_name = "SECONDS")]
        timeout: u64,
        /// Requests answered at once; more are refused (503) rather than queued.
        #[arg(long, default_value_t = 256, value_name = "N")]
        concurrent: usize,
        /// Megabytes of answers kept for repeated questions until the ledger changes (0: none).
        #[arg(long, default_value_t = 256, value_name = "MB")]
        cache_mb: usize,
    },
    /// Check the ledger, migrate it to this build's schema, or export what is readable in it.
    Ledger {
        #[command(subcommand)]
        action: ledger::LedgerAction,
    },
    /// Where each shipped data file comes from: its rows, licence and attribution.
    Sources {
        #[command(flatten)]
        format: Format,
    },
    /// Print a shell completion script (bash, elvish, fish, powershell, zsh).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout.
    Man,
    /// Print the JSON Schema of what `--json` prints (every document's, by name, without one).
    #[command(after_help = "Examples:\n  \
        diplograph schema relations\n  \
        diplograph schema > diplograph-schema.json")]
    Schema {
        /// The document: the command whose --json output it describes (eval-guide and
        /// eval-claims for `eval --guide` and `eval --claims`).
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(diplograph_api::DOCUMENTS.iter().map(|(n, _)| *n)))]
        document: Option<String>,
    },
    /// Export facts (json, csv) or dyad-years (dyad-year).
    ///
    /// dyad-year: every pair of states that both exist on 31 December of a year, for each year
    /// asked, once (ccode1 <= ccode2, as peacesciencer) or with --directed in both orders; columns
    /// ccode1, ccode2, gwcode1, gwcode2, iso1, iso2, year, relations, status. A state without a
    /// COW or Gleditsch–Ward code has that column empty and keeps its ISO code. status is the
    /// pair's status on 31 December (relations, suspended, severed, none, unknown); relations
    /// is 1 for relations, 0 for suspended, severed or none, NA for unknown.
    #[command(after_help = "Examples:\n  \
        diplograph export --format dyad-year --from 1990 --to 2024 > dyads.csv\n  \
        diplograph export --format csv --state KOR")]
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Only pairs involving this state.
        #[arg(long)]
        state: Option<String>,
        /// First year of dyad-years (default 1946).
        #[arg(long, value_parser = year())]
        from: Option<i16>,
        /// Last year of dyad-years (default: the year before --as-of, or last year).
        #[arg(long, value_parser = year())]
        to: Option<i16>,
        /// dyad-year: each dyad in both orders (a, b and b, a).
        #[arg(long)]
        directed: bool,
        /// --known-at: the graph as known then; --as-of: for json and csv, only facts dated by
        /// then.
        #[command(flatten)]
        when: When,
    },
}

#[derive(Args, Debug)]
pub struct AddArgs {
    /// The first state (code, name, alias or demonym).
    pub a: String,
    /// The second state.
    pub b: String,
    /// establish, restore, sever, suspend, recognize, withdraw_recognition, relations or none.
    pub event: String,
    /// YYYY, YYYY-MM or YYYY-MM-DD, at the precision the source states.
    pub date: String,
    #[arg(long)]
    pub url: Option<String>,
    #[arg(long, default_value = "")]
    pub publisher: String,
    /// When the source published it.
    #[arg(long)]
    pub published: Option<String>,
    /// The few words of the source that state the fact.
    #[arg(long, default_value = "")]
    pub quote: String,
    /// A dataset and row, instead of a URL.
    #[arg(long)]
    pub citation: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum ReviewAction {
    /// Accept an event: relations events with a date become facts from their date on. An event
    /// already rejected can be accepted with a --reason (every decision is kept).
    Accept {
        /// The event's number, as `review` lists it.
        id: i64,
        /// Why (default "accepted by hand"; required to revise a decision).
        #[arg(long)]
        reason: Option<String>,
    },
    /// Reject an event; it is kept, with the reason. An accepted event can be rejected too.
    Reject {
        /// The event's number, as `review` lists it.
        id: i64,
        #[arg(long)]
        reason: Option<String>,
    },
}

/// Articles to read, and how.
#[derive(Args, Debug, Clone)]
pub struct Articles {
    /// Articles: text, HTML or JSON Lines files, folders of them, or - for stdin.
    #[arg(required = true, value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,
    /// The publication date, to resolve "on Thursday" and "last year" (default: from the page).
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// What the input is (default: by extension, then by content).
    #[arg(long = "input", value_enum, default_value = "auto")]
    pub input_format: InputFormat,
    #[command(flatten)]
    pub format: Format,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Auto,
    Text,
    Html,
    /// One {"url", "published", "text" | "html"} object a line.
    Jsonl,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum ImportFormat {
    /// The US diplomatic missions range file (mission_status_range_cow_v0.1.csv).
    UsMissions,
    /// A TSV file in the baseline's pair-facts format.
    Facts,
    /// A folder (or file) of Wikipedia "Foreign relations of X" articles: JSON strings of
    /// wikitext, raw .wiki files, or MediaWiki XML exports (Special:Export).
    Wikipedia,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum ExportFormat {
    Json,
    Csv,
    DyadYear,
}

/// A year flag: 1 to 9999, the years a date can hold.
fn year() -> clap::builder::RangedI64ValueParser<i16> {
    clap::value_parser!(i16).range(1..=9999)
}

/// What a command found: something (exit 0), nothing (exit 1), or what it could read of inputs
/// some of which it could not (exit 2, after finishing the readable ones).
pub enum Found {
    Something,
    Nothing,
    Partly,
}

impl Found {
    pub fn nothing_if(empty: bool) -> Found {
        if empty {
            Found::Nothing
        } else {
            Found::Something
        }
    }
}

/// Parses the arguments. The data's version is a hash over 13 MB of embedded files, so it is
/// computed only when `--version` is asked for.
fn parse() -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut command = Cli::command();
    if args.iter().skip(1).any(|a| a == "--version" || a == "-V") {
        command = command.version(&*String::leak(diplograph_app::sources::long_version()));
    }
    Cli::from_arg_matches(&command.try_get_matches_from(args)?)
}

/// The commands that need neither the ledger nor the graph.
fn setup(command: &Command) -> Option<anyhow::Result<Found>> {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let found = match command {
        Command::Sources { format } => sources::sources(&mut w, *format),
        Command::Completions { shell } => sources::completions(&mut w, *shell),
        Command::Man => sources::man(&mut w),
        Command::Schema { document } => sources::schema(&mut w, document.as_deref()),
        _ => return None,
    };
    Some(found.and_then(|f| {
        std::io::Write::flush(&mut w)?;
        Ok(f)
    }))
}

fn main() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // one line, like every other error: the message and its tip, not the usage
            let text = e.to_string();
            let kept: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| {
                    !l.is_empty()
                        && !l.starts_with("Usage:")
                        && !l.starts_with("For more information")
                })
                .collect();
            let line = kept.join("; ");
            let line = line.strip_prefix("error: ").unwrap_or(&line);
            eprintln!("diplograph: {}", terminal::printable_line(line));
            return ExitCode::from(2);
        }
        Err(e) => e.exit(), // --help, --version
    };
    let result = match setup(&cli.command) {
        Some(result) => result,
        None => commands::run(cli),
    };
    match result {
        Ok(Found::Something) => ExitCode::SUCCESS,
        Ok(Found::Nothing) => ExitCode::from(1),
        Ok(Found::Partly) => ExitCode::from(2),
        Err(e) => {
            // The reader of the output went away (`| head`): not an error, as in ripgrep.
            let broken_pipe = terminal::pipe_closed()
                || e.chain().any(|c| {
                    c.downcast_ref::<std::io::Error>()
                        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("diplograph: {}", terminal::one_line(&e));
            ExitCode::from(2)
        }
    }
}
