//! The `diplograph` binary: flags and glue. The work lives in the library crates.

mod commands;
mod input;
mod ledger;
mod output;
mod reading;
mod review;
mod terminal;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The exit codes, stated in `--help` and README alike.
const EXIT_CODES: &str =
    "Exit codes: 0 found; 1 nothing found; 2 error (one line on stderr), also \
after `read`, `ingest` or `check` finished the inputs it could read but some could not be read \
(each said on stderr). `ingest` with nothing new exits 0. Output piped into a reader that goes \
away (`| head`) ends the run quietly with 0.";

/// Who has formal diplomatic relations with whom, since when: a sourced, time-aware graph.
#[derive(Parser, Debug)]
#[command(name = "diplograph", version, about, after_help = EXIT_CODES)]
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
        query: Option<String>,
        #[command(flatten)]
        format: Format,
    },
    /// A state's partners, non-partners and unknowns on a day.
    Relations {
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
    Pair {
        a: String,
        b: String,
        #[command(flatten)]
        when: When,
        #[command(flatten)]
        format: Format,
    },
    /// Partner counts per year, with the changes of each year.
    Timeline {
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
    Exclusive {
        state: String,
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
        #[arg(value_enum)]
        format: ImportFormat,
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
    Read(Articles),
    /// Read articles and store their asserted events, with provenance, in the ledger.
    Ingest(Articles),
    /// Check an article's claims against the graph as of its date, and its events against what
    /// the graph knew before it.
    ///
    /// --json: JSON Lines (one object an article) whenever the input is a folder, several files,
    /// - (stdin) or a .jsonl file; one pretty object for a single file.
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
        /// A folder of .jsonl files of labelled passages (see eval/reader/README.md), or with
        /// --guide the State Department guide's articles folder (historyatstate rdcr).
        dir: PathBuf,
        /// Score on the guide's prose, labelled by its section headings.
        #[arg(long, conflicts_with = "claims")]
        guide: bool,
        /// Score the checker's verdicts on labelled claims (see eval/claims/README.md).
        #[arg(long)]
        claims: bool,
        /// List every missed and spurious event.
        #[arg(long)]
        mistakes: bool,
        #[command(flatten)]
        format: Format,
    },
    /// Check the ledger, migrate it to this build's schema, or export what is readable in it.
    Ledger {
        #[command(subcommand)]
        action: ledger::LedgerAction,
    },
    /// Export facts (json, csv) or dyad-years (dyad-year).
    ///
    /// dyad-year: every pair of states that both exist on 31 December of a year, for each year
    /// asked, once (ccode1 <= ccode2, as peacesciencer) or with --directed in both orders; columns
    /// ccode1, ccode2, gwcode1, gwcode2, iso1, iso2, year, relations, status. A state without a
    /// COW or Gleditsch–Ward code has that column empty and keeps its ISO code. status is the
    /// pair's status on 31 December (relations, suspended, severed, none, unknown); relations
    /// is 1 for relations, 0 for suspended, severed or none, NA for unknown.
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
    pub a: String,
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
        id: i64,
        /// Why (default "accepted by hand"; required to revise a decision).
        #[arg(long)]
        reason: Option<String>,
    },
    /// Reject an event; it is kept, with the reason. An accepted event can be rejected too.
    Reject {
        id: i64,
        #[arg(long)]
        reason: Option<String>,
    },
}

/// Articles to read, and how.
#[derive(Args, Debug, Clone)]
pub struct Articles {
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

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
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
    match commands::run(cli) {
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
