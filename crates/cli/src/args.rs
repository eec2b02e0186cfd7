//! What the user typed: the command line as clap parses it.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// entente reads news and keeps a queryable model of who is allied with
/// whom, who must defend whom, who sent forces where and who said what —
/// every fact traced to the sentence it came from.
#[derive(Debug, Parser)]
#[command(name = "entente", version, about, long_about = None)]
pub struct Cli {
    /// More log output on stderr (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    /// No progress bar and only errors on stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean articles (main content, repeated blocks, link blocks); store nothing.
    Clean(CleanArgs),
    /// Run the whole pipeline on articles and store the results.
    Run(RunArgs),
    /// Annotate and code articles: actor mentions, events, quotations, deployments; store nothing.
    Code(CodeArgs),
    /// Who a name is on a date: roles, affiliations and sources.
    Actor(ActorArgs),
    /// Members of an organisation or treaty on a date.
    Members(MembersArgs),
    /// Who is bound to come to a state's defence (or consult, or stay neutral) if it is attacked.
    Obligations(ObligationsArgs),
    /// Partners of an organisation, by region.
    Partners(PartnersArgs),
    /// Every treaty binding two states.
    Treaties(TreatiesArgs),
    /// Everything `entente run` stored, as JSON lines, GDELT events or Parquet tables.
    Export(ExportArgs),
    /// Deployments stored by `entente run`.
    Deployments(DeploymentsArgs),
    /// Quotations stored by `entente run`.
    Quotes(QuotesArgs),
    /// Knowledge-base updates proposed by the news; `updates accept ID` applies one.
    Updates(UpdatesArgs),
    /// Serve the store and the knowledge base: an HTTP API and a web UI.
    Serve(crate::commands::serve::ServeArgs),
    /// Score a stage against a gold set.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files or directories (read recursively); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD, RFC 3339 or RFC 2822, years 1800–2200)
    /// for documents that carry none.
    #[arg(long, value_name = "DATE", value_parser = publication_date)]
    pub published: Option<NaiveDate>,
}

/// `--published`: the same strict parser as dates read from the inputs.
fn publication_date(s: &str) -> Result<NaiveDate, String> {
    entente_core::published::parse_publication_date(s).map_err(|e| e.to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CleanFormat {
    Jsonl,
    Text,
}

#[derive(Debug, Args)]
pub struct CleanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: CleanFormat,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The store: an SQLite file, created if missing, or a PostgreSQL
    /// database's URL (postgres://USER@HOST:PORT/DB; docs/postgres.md).
    #[arg(long, default_value = "entente.db", value_name = "PATH")]
    pub db: PathBuf,
    /// Documents written per transaction (at most).
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Bytes of input per batch: a batch closes once it holds this many (a
    /// larger document is a batch of its own). A batch is held in memory
    /// while it is cleaned, coded and written, so
    /// this bounds a run's memory whatever the documents' sizes.
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    pub batch_bytes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CodeFormat {
    /// One JSON record per line: actor mentions, events, quotations, deployments.
    Jsonl,
    /// The 61-column GDELT 2.0 event table, tab-separated.
    Gdelt,
    /// Five Parquet tables (events, mentions, quotations, deployments,
    /// documents) partitioned by date, in the new directory `--out`; see
    /// docs/parquet.md.
    Parquet,
}

#[derive(Debug, Args)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: CodeFormat,
    /// With `--format gdelt`, start with a row of column names. GDELT's own
    /// files have none, and tools that read them expect none.
    #[arg(long)]
    pub header: bool,
    /// With `--format parquet`, the directory to write: it must be new or
    /// empty, so that a second run never adds rows twice.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// What to write: the same formats as `entente code`, here with the
    /// stories the store knows (GDELT's NumArticles and NumSources count a
    /// story's copies; Parquet's `story` columns name it).
    #[arg(long, value_enum)]
    pub format: CodeFormat,
    /// With `--format gdelt`, start with a row of column names.
    #[arg(long)]
    pub header: bool,
    /// With `--format parquet`, the directory to write (new or empty);
    /// the other formats go to standard output.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Json,
    Table,
}

#[derive(Debug, Args)]
pub struct ActorArgs {
    /// A name as news would write it ("Ardern", "the Solomons", "NATO").
    pub name: String,
    /// The date (YYYY-MM-DD); today (in UTC) when omitted.
    #[arg(long, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
}

#[derive(Debug, Args)]
pub struct MembersArgs {
    /// The organisation or treaty ("NATO", "ANZUS").
    pub organisation: String,
    /// The date (YYYY-MM-DD); today (in UTC) when omitted.
    #[arg(long, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct ObligationsArgs {
    /// The attacked state (ISO 3166 alpha-3 code or name).
    #[arg(long, value_name = "CODE")]
    pub attacked: String,
    /// The date (YYYY-MM-DD); today (in UTC) when omitted.
    #[arg(long, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    /// Only obligations under this treaty.
    #[arg(long, value_name = "NAME")]
    pub treaty: Option<String>,
    /// Where the attack takes place, when treaties limit their area (e.g. "Hawaii").
    #[arg(long = "where", value_name = "PLACE")]
    pub place: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct PartnersArgs {
    pub organisation: String,
    #[arg(long)]
    pub region: Option<String>,
    /// Partners on this date, former ones included (default: the current ones).
    #[arg(long, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct TreatiesArgs {
    /// The two states.
    #[arg(long, num_args = 2, value_names = ["A", "B"], required = true)]
    pub between: Vec<String>,
    /// Treaties binding both on this date (default today, in UTC).
    #[arg(long, value_name = "DATE", conflicts_with = "ever")]
    pub on: Option<NaiveDate>,
    /// Every treaty that ever bound both, ended ones too.
    #[arg(long)]
    pub ever: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Which store to read.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// The store: an SQLite file, or a PostgreSQL database's URL
    /// (postgres://USER@HOST:PORT/DB; docs/postgres.md).
    #[arg(long, default_value = "entente.db", value_name = "PATH")]
    pub db: PathBuf,
}

#[derive(Debug, Args)]
pub struct DeploymentsArgs {
    /// Sender's CAMEO code or prefix (NZL, NZLMIL).
    #[arg(long, value_name = "CODE")]
    pub by: Option<String>,
    /// Destination country code.
    #[arg(long, value_name = "CODE")]
    pub to: Option<String>,
    /// Only deployments under way on this date.
    #[arg(long, value_name = "DATE")]
    pub active_on: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Speaker's name, or part of it.
    #[arg(long)]
    pub speaker: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct UpdatesArgs {
    #[command(subcommand)]
    pub action: Option<UpdatesAction>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Subcommand)]
pub enum UpdatesAction {
    /// Apply a proposed update to the knowledge base.
    Accept { id: i64 },
    /// Reject a proposed update. A rejection is final: it stays out of the
    /// knowledge base until `reopen`.
    Reject { id: i64 },
    /// Put an accepted or rejected update back among the proposed ones, to
    /// decide it again.
    Reopen { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Main-content extraction against the article-extraction-benchmark layout.
    Extract {
        /// ground-truth.json with `articleBody` per page id.
        #[arg(long, value_name = "FILE")]
        gold: PathBuf,
        /// Directory of `ID.html.gz` pages.
        #[arg(long, value_name = "DIR")]
        html: PathBuf,
        /// How many of the worst pages to list.
        #[arg(long, default_value_t = 10)]
        worst: usize,
    },
    /// Actor resolution against PLOVER gold records.
    Actors {
        #[arg(long, value_name = "FILE")]
        gold: PathBuf,
    },
    /// Event coding against PLOVER gold records.
    Events {
        #[arg(long, value_name = "FILE")]
        gold: PathBuf,
    },
    /// Event locations against a gold file of sentences with the place
    /// each event happened (format: `entente_code::eval::geo`).
    Geo {
        #[arg(long, value_name = "FILE")]
        gold: PathBuf,
        /// How far from the expected point a located place is still right.
        #[arg(long, value_name = "KM", default_value_t = 50.0)]
        km: f64,
    },
    /// The tagger, lemmatiser and parser against a Universal Dependencies
    /// treebank (CoNLL-U, gold tokens): UPOS, XPOS, lemma, UAS, LAS.
    Parser {
        #[arg(long, value_name = "FILE")]
        conllu: PathBuf,
    },
}
