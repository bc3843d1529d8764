//! `claimgraph export`: a stored graph, or a focused view of it, in one
//! of ten formats.
//!
//! The arguments live here rather than in `args.rs` because no other
//! command shares them. The command loads the graph, narrows it to the
//! focus, writes the format atomically, and reports what it wrote; a bad
//! flag, a focus that selects nothing or a missing Graphviz for an image
//! format exits with status 2 and a message saying which.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use claimgraph::export::{Focus, Format, export, focus, view::DEFAULT_DEPTH};
use claimgraph::store::load;
use clap::builder::{PossibleValuesParser, TypedValueParser};

/// Examples shown under `claimgraph export --help`.
pub const EXAMPLES: &str = "\
EXAMPLES:
  claimgraph export --format svg -o graphs/graph.svg
  claimgraph export --format html -o report.html
  claimgraph export --format svg --actor \"López Obrador\" --depth 2 -o amlo.svg
  claimgraph export --format dot --topic fentanyl --document 003_526864c1977376da -o v.dot
  claimgraph export --format neo4j-csv -o neo4j-import/";

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_parser = formats())]
    pub format: Format,
    /// File to write (a folder for neo4j-csv).
    #[arg(short = 'o', long = "out", value_name = "PATH")]
    pub out: PathBuf,
    /// Keep only the part of the graph around this actor (name, alias or
    /// mention; case and accents do not matter).
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
    /// With --actor: how many edges away from the actor to reach.
    #[arg(long, value_name = "N", requires = "actor")]
    pub depth: Option<usize>,
    /// Keep only this claim (id or unique prefix), its actors, documents
    /// and counterclaims.
    #[arg(long, value_name = "ID")]
    pub claim: Option<String>,
    /// Keep only this document (id or unique prefix), its claims and
    /// their counterclaims.
    #[arg(long, value_name = "ID")]
    pub document: Option<String>,
    /// The graph to read.
    #[arg(long, default_value = "graphs/graph.ron", value_name = "FILE")]
    pub graph: PathBuf,
    /// Keep only claims matching this case-insensitive regular
    /// expression, with their actors and documents.
    #[arg(long, value_name = "PATTERN")]
    pub topic: Option<String>,
}

/// The `--format` values, parsed to the library's [`Format`].
fn formats() -> impl TypedValueParser<Value = Format> {
    let names = Format::ALL.map(Format::name);
    PossibleValuesParser::new(names)
        .map(|name| name.parse::<Format>().expect("a listed format"))
}

/// Runs the subcommand.
pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let g = load(&args.graph)
        .with_context(|| format!("reading {}", args.graph.display()))?;
    let f = Focus {
        actor: args.actor,
        depth: args.depth.unwrap_or(DEFAULT_DEPTH),
        claim: args.claim,
        document: args.document,
        topic: args.topic,
    };
    let view = focus(&g, &f)?;
    let title = match f.describe() {
        d if d.is_empty() => "Who said what".to_string(),
        d => format!("Who said what: {d}"),
    };
    let done = export(&view, args.format, &args.out, &title)
        .with_context(|| format!("writing {}", args.out.display()))?;
    for note in &done.notes {
        eprintln!("claimgraph: note: {note}");
    }
    let c = view.counts();
    let sources = match c.sources {
        0 => String::new(),
        1 => "1 source, ".to_string(),
        n => format!("{n} sources, "),
    };
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "exported {} documents, {} actors, {} claims, {sources}{} edges \
         as {}",
        c.documents, c.actors, c.claims, c.edges, args.format
    )?;
    for file in &done.files {
        writeln!(out, "wrote {}", file.display())?;
    }
    Ok(ExitCode::SUCCESS)
}
