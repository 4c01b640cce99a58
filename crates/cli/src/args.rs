//! Command-line arguments.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use depeche_index::Schema;

/// Index and search folders of French news dispatches.
#[derive(Debug, Parser)]
#[command(name = "depeche", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options of every command.
#[derive(Debug, Args)]
pub struct Global {
    /// Index schema file (default: the schema built into depeche, `index-schema/dispatches.toml`).
    #[arg(long, global = true, env = "DEPECHE_SCHEMA", value_name = "FILE")]
    pub schema: Option<PathBuf>,
}

impl Global {
    pub fn schema(&self) -> anyhow::Result<Schema> {
        match &self.schema {
            Some(path) => {
                Schema::load(path).with_context(|| "cannot use the schema file".to_string())
            }
            None => Ok(Schema::embedded()),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read dispatches and print them (no index needed).
    Ingest(IngestArgs),
    /// Index files and folders of dispatches (incremental: unchanged files are skipped).
    Index(IndexArgs),
    /// Search the index: words (all must match), "phrases", -exclusions, OR, field:prefixes.
    Search(SearchArgs),
    /// Print one dispatch with all its fields.
    Show(ShowArgs),
    /// List the persons the index knows, with dispatch counts.
    Persons(PersonsArgs),
    /// Show what an index holds.
    Stats(StatsArgs),
    /// Serve the HTTP JSON API and the search page (loopback only unless --addr says otherwise).
    Serve(ServeArgs),
    /// Time a query set against an index (a query file, or a mix derived from the index).
    Bench(crate::cmd::bench::BenchArgs),
    /// Worker of the peer harness (`run.py --peer-cmd depeche="depeche peer-worker"`).
    #[command(hide = true)]
    PeerWorker(crate::cmd::peer_worker::PeerWorkerArgs),
}

/// Where the index lives.
#[derive(Debug, Args)]
pub struct IndexDir {
    /// Index directory.
    #[arg(
        long = "index",
        env = "DEPECHE_INDEX",
        default_value = "depeche-index",
        value_name = "DIR"
    )]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or folders to read.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print one JSON array of dispatches.
    #[arg(long)]
    pub json: bool,
    /// Largest file read, in MiB.
    #[arg(long, default_value_t = 20, value_name = "MIB")]
    pub max_file_size: u64,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders to index.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub index: IndexDir,
    /// Start from an empty index (needed after a schema change).
    #[arg(long)]
    pub rebuild: bool,
    /// Remove dispatches whose file is no longer under PATH.
    #[arg(long)]
    pub prune: bool,
    /// Also commit every N records, so a long run can be interrupted and resumed.
    #[arg(long, value_name = "N")]
    pub commit_every: Option<u64>,
    /// Memory budget of the index writer, in MiB.
    #[arg(long, default_value_t = 200, value_name = "MIB")]
    pub memory: usize,
    /// Threads for reading and indexing (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Largest file read, in MiB (NDJSON files are read line by line, the cap is per line).
    #[arg(long, default_value_t = 20, value_name = "MIB")]
    pub max_file_size: u64,
    /// Index every copy and version on its own instead of grouping them.
    #[arg(long)]
    pub no_collapse: bool,
    /// Print the summary as JSON (with every skipped file).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub index: IndexDir,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: words are ANDed; `"phrases"`, `-word`, `a OR b`, `(…)`, and prefixes
    /// `title:` `person:` `section:` `dateline:` `agency:` `author:`.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub index: IndexDir,
    /// Only dispatches naming this person (surname or full name, any spelling).
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// Only this section.
    #[arg(long, value_name = "SECTION")]
    pub section: Option<String>,
    /// Only this agency.
    #[arg(long, value_name = "AGENCY")]
    pub agency: Option<String>,
    /// Published on or after (2022, 2022-02, 2022-02-15, or a timestamp).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Published on or before (same forms; a day or month includes all of it).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Any word may match (ranked by how many match) instead of all.
    #[arg(long, conflicts_with = "all")]
    pub any: bool,
    /// All words must match, with no fallback to any word.
    #[arg(long)]
    pub all: bool,
    /// Order: relevance or date (newest first).
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Hits to show.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Hits to skip.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// Snippets per hit (0 to 3).
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub snippets: usize,
    /// Print JSON (with section and person facets).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortArg {
    Relevance,
    Date,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Dispatch id (as printed by `depeche search`).
    pub id: String,
    #[command(flatten)]
    pub index: IndexDir,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PersonsArgs {
    /// Only names with a word starting with this (accents and case ignored).
    pub prefix: Option<String>,
    #[command(flatten)]
    pub index: IndexDir,
    /// How many to list.
    #[arg(long, short = 'n', default_value_t = 50, value_name = "N")]
    pub limit: usize,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub index: IndexDir,
    /// Address to listen on; another interface than loopback exposes the index to the network.
    #[arg(long, default_value = "127.0.0.1:7700", value_name = "HOST:PORT")]
    pub addr: std::net::SocketAddr,
    /// Allow cross-origin requests from this origin (e.g. http://localhost:3000); none by default.
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,
    /// Longest time a request may take, in seconds.
    #[arg(long, default_value_t = 10, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}
