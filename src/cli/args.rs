//! Command-line arguments, as clap reads them.
//!
//! Each argument's doc comment is its help text. Subcommand files turn
//! these raw values into their own configuration before doing any work.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::cli::query;

/// Turns news articles into a graph of who said what.
#[derive(Debug, Parser)]
#[command(name = "claimgraph", version, about, long_about = None)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles, extract who said what, and write the graph.
    #[command(after_help = BUILD_EXAMPLES)]
    Build(BuildArgs),
    /// Combine shard graphs (`build --shard`) into the graph one build of
    /// all their articles makes.
    Merge(MergeArgs),
    /// Extract attributions only, without building a graph.
    #[command(after_help = ATTRIBUTIONS_EXAMPLES)]
    Attributions(AttributionsArgs),
    /// List the actors of a built graph: aliases, roles, affiliations.
    #[command(after_help = ACTORS_EXAMPLES)]
    Actors(ActorsArgs),
    /// List the documents of a built graph: publisher, date, cited
    /// sources.
    #[command(after_help = DOCUMENTS_EXAMPLES)]
    Documents(DocumentsArgs),
    /// List counterclaims: pairs of reports that cannot both hold.
    #[command(after_help = CONTRADICTIONS_EXAMPLES)]
    Contradictions(ContradictionsArgs),
    /// Write the graph, or a focused view of it, as DOT, SVG, PNG, PDF,
    /// GraphML, GEXF, JSON, Neo4j CSV, ClaimReview or an HTML report.
    #[command(after_help = crate::cli::export::EXAMPLES)]
    Export(crate::cli::export::ExportArgs),
    /// Claims whose words match, with who said them, where, and what
    /// contradicts them.
    #[command(after_help = query::WHO_SAID_EXAMPLES)]
    WhoSaid(query::WhoSaidArgs),
    /// An actor's claims, each with every report of it.
    #[command(after_help = query::CLAIMS_EXAMPLES)]
    Claims(query::ClaimsArgs),
    /// An actor's profile: aliases, claims, who contradicts them.
    #[command(after_help = query::ACTOR_EXAMPLES)]
    Actor(query::ActorArgs),
    /// One claim in full: reports, counterclaims, disputes, verdicts.
    #[command(after_help = query::CLAIM_EXAMPLES)]
    Claim(query::ClaimArgs),
    /// The shortest chains linking two actors, claims or documents.
    #[command(after_help = query::TRACE_EXAMPLES)]
    Trace(query::TraceArgs),
    /// Counts of nodes and edges by kind, overall and per document.
    #[command(after_help = query::STATS_EXAMPLES)]
    Stats(query::StatsArgs),
    /// Learn the cue model from annotated articles (the bench's format).
    TrainCues(crate::cli::train::TrainArgs),
    /// Learn the speaker gate from annotated articles (the bench's
    /// format): which found speakers are sure enough to assert.
    TrainSpeakers(crate::cli::train::TrainGateArgs),
}

const CONTRADICTIONS_EXAMPLES: &str = "\
EXAMPLES:
  claimgraph contradictions
  claimgraph contradictions --min-confidence 0.6 --format json
  claimgraph contradictions --graph out/graph.ron";

/// Arguments of `contradictions`.
#[derive(Debug, clap::Args)]
pub struct ContradictionsArgs {
    /// The graph to read.
    #[arg(long, default_value = "graphs/graph.ron")]
    pub graph: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// Leave out links less sure than this (0 to 1).
    #[arg(long, default_value_t = 0.0)]
    pub min_confidence: f64,
}

const ACTORS_EXAMPLES: &str = "\
EXAMPLES:
  claimgraph actors                          # reads graphs/graph.ron
  claimgraph actors --graph out/graph.ron --format json";

const DOCUMENTS_EXAMPLES: &str = "\
EXAMPLES:
  claimgraph documents
  claimgraph documents --graph out/graph.ron --format json";

const BUILD_EXAMPLES: &str = "\
EXAMPLES:
  claimgraph build                        # data/ -> graphs/
  claimgraph build articles/ --out out/   # a folder, searched recursively
  claimgraph build crawl.jsonl --keep-going
  CLAIMGRAPH_TIMINGS=1 claimgraph build crawl.jsonl --quiet   # each stage's time on stderr";

const ATTRIBUTIONS_EXAMPLES: &str = "\
EXAMPLES:
  claimgraph attributions data/*.txt --format table
  claimgraph attributions dev.jsonl --format jsonl > predictions.jsonl
  claimgraph attributions data/003_526864c1977376da.txt --explain";

/// Arguments of `build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Files or folders to read (.txt, .md, .html, .htm, .jsonl).
    #[arg(default_value = "data")]
    pub inputs: Vec<PathBuf>,
    /// Skip unreadable or malformed inputs, reporting each, instead of
    /// stopping at the first.
    #[arg(long)]
    pub keep_going: bool,
    /// Fact-checkers' decisions to apply (read only, never written).
    /// Without it, data/curation.ron if there is one; a file named here
    /// must exist.
    #[arg(long, value_name = "FILE")]
    pub curation: Option<PathBuf>,
    /// Folder to write graph.ron, graph.dot and graph.svg into.
    #[arg(long, default_value = "graphs")]
    pub out: PathBuf,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// An alias table to use instead of the shipped `data/aliases.ron`.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// Store the articles in graph.ron too, making it a shard that
    /// `claimgraph merge` can combine with others.
    #[arg(long)]
    pub shard: bool,
    /// How to store the graph: graph.ron (readable RON) or graph.bin
    /// (binary, about a third of the size and much faster to load; every
    /// command's --graph reads either).
    #[arg(long, value_enum, default_value_t = StoreForm::Ron)]
    pub store: StoreForm,
    /// A cue model to use instead of the shipped `data/cue_model.tsv`,
    /// as written by `claimgraph train-cues`.
    #[arg(long, value_name = "FILE")]
    pub cue_model: Option<PathBuf>,
    /// Assert every speaker the rules find, even those the speaker gate
    /// judges more likely wrong than right (`data/speaker_gate.tsv`).
    #[arg(long, conflicts_with = "min_speaker_confidence")]
    pub all_speakers: bool,
    /// Withhold the speakers the speaker gate finds less than PERCENT %
    /// likely right (0 to 100; by default the shipped gate's 50): higher
    /// asserts fewer speakers, and fewer wrong ones.
    #[arg(long, value_name = "PERCENT", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_speaker_confidence: Option<u8>,
}

/// Arguments of `merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// Shard graphs, as written by `build --shard` (or `merge --shard`).
    #[arg(required = true, value_name = "GRAPH")]
    pub graphs: Vec<PathBuf>,
    /// Folder to write graph.ron, graph.dot and graph.svg into.
    #[arg(long, default_value = "graphs")]
    pub out: PathBuf,
    /// Fact-checkers' decisions to apply (read only, never written).
    /// Without it, data/curation.ron if there is one; a file named here
    /// must exist.
    #[arg(long, value_name = "FILE")]
    pub curation: Option<PathBuf>,
    /// An alias table to use instead of the shipped `data/aliases.ron`.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// Keep the articles in the merged graph.ron, so that it can be
    /// merged again.
    #[arg(long)]
    pub shard: bool,
    /// How to store the merged graph (as for `build`).
    #[arg(long, value_enum, default_value_t = StoreForm::Ron)]
    pub store: StoreForm,
}

/// How `build` and `merge` store the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StoreForm {
    /// graph.ron: pretty RON, the readable default.
    Ron,
    /// graph.bin: postcard, compact and fast to load.
    Bin,
}

impl StoreForm {
    /// The store's form.
    pub fn store(self) -> claimgraph::store::Store {
        match self {
            StoreForm::Ron => claimgraph::store::Store::Ron,
            StoreForm::Bin => claimgraph::store::Store::Binary,
        }
    }
}

/// Arguments of `actors`.
#[derive(Debug, clap::Args)]
pub struct ActorsArgs {
    /// The graph to read, as written by `build`.
    #[arg(long, default_value = "graphs/graph.ron", value_name = "FILE")]
    pub graph: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// Arguments of `documents`.
#[derive(Debug, clap::Args)]
pub struct DocumentsArgs {
    /// The graph to read, as written by `build`.
    #[arg(long, default_value = "graphs/graph.ron", value_name = "FILE")]
    pub graph: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// Output formats of the listing commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table for people.
    Table,
    /// One JSON list.
    Json,
}

/// Arguments of `attributions`.
#[derive(Debug, clap::Args)]
pub struct AttributionsArgs {
    /// Files or folders to read (.txt, .md, .html, .htm, .jsonl).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Show, for each attribution, the rule that produced it and how its
    /// speaker was resolved (table format).
    #[arg(long)]
    pub explain: bool,
    /// Output format: `jsonl` is the bench's prediction format, one line
    /// per document, offsets in Unicode code points.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Skip unreadable or malformed inputs, reporting each.
    #[arg(long)]
    pub keep_going: bool,
    /// A cue model to use instead of the shipped `data/cue_model.tsv`,
    /// as written by `claimgraph train-cues`.
    #[arg(long, value_name = "FILE")]
    pub cue_model: Option<PathBuf>,
    /// Assert every speaker the rules find, even those the speaker gate
    /// judges more likely wrong than right (`data/speaker_gate.tsv`).
    #[arg(long, conflicts_with = "min_speaker_confidence")]
    pub all_speakers: bool,
    /// Withhold the speakers the speaker gate finds less than PERCENT %
    /// likely right (0 to 100; by default the shipped gate's 50): higher
    /// asserts fewer speakers, and fewer wrong ones.
    #[arg(long, value_name = "PERCENT", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_speaker_confidence: Option<u8>,
    /// Join a quotation split over two sentences (`“A,” X said. “B.”`),
    /// or carried on in the next paragraph, into one attribution with
    /// two pieces, as PolNeAR annotates it; by default each piece is an
    /// attribution, as in the seeds' gold.
    #[arg(long)]
    pub join_split_quotes: bool,
}

/// Output formats of `attributions`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per document.
    Jsonl,
    /// A table for people.
    Table,
}
