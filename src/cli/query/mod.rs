//! The query commands: read-only questions over a built graph.
//!
//! Each command reads the graph named by `--graph` (default
//! `graphs/graph.ron`), asks [`claimgraph::query::Queries`] and prints
//! the answer as a table, JSON or CSV (`--format`). Exit codes: 0 when
//! there is an answer, 1 when there is none (nothing matches, or a name
//! matches several actors and the candidates are listed instead), 2 on
//! error (a missing or unreadable graph, a bad regular expression).

mod actor;
mod claim;
mod claims;
pub(crate) mod output;
mod render;
mod stats;
mod trace;
mod who_said;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use claimgraph::ClaimGraph;
use claimgraph::query::Lookup;
use clap::ValueEnum;
use serde_json::json;

pub use actor::{ActorArgs, run as actor};
pub use claim::{ClaimArgs, run as claim};
pub use claims::{ClaimsArgs, run as claims};
pub use stats::{StatsArgs, run as stats};
pub use trace::{TraceArgs, run as trace};
pub use who_said::{WhoSaidArgs, run as who_said};

use output::{Screen, cell, csv_row};

/// Examples shown by `who-said --help`.
pub const WHO_SAID_EXAMPLES: &str = "\
EXAMPLES:
  claimgraph who-said fentanyl produce
  claimgraph who-said --regex 'produc(e|es) fentanyl' --format json
  claimgraph who-said cooperation --graph out/graph.ron --format csv";

/// Examples shown by `claims --help`.
pub const CLAIMS_EXAMPLES: &str = "\
EXAMPLES:
  claimgraph claims --by \"Lopez Obrador\"
  claimgraph claims --by actor:anne-milgram --format csv";

/// Examples shown by `actor --help`.
pub const ACTOR_EXAMPLES: &str = "\
EXAMPLES:
  claimgraph actor Feeley
  claimgraph actor \"Anne Milgram\" --format json";

/// Examples shown by `claim --help`.
pub const CLAIM_EXAMPLES: &str = "\
EXAMPLES:
  claimgraph claim 3a2136b8            # a unique prefix of the id
  claimgraph claim claim:3a2136b843ec58d2 --format json";

/// Examples shown by `trace --help`.
pub const TRACE_EXAMPLES: &str = "\
EXAMPLES:
  claimgraph trace \"Lopez Obrador\" \"Anne Milgram\"
  claimgraph trace Feeley claim:3a2136b843ec58d2 --limit 3 --format json";

/// Examples shown by `stats --help`.
pub const STATS_EXAMPLES: &str = "\
EXAMPLES:
  claimgraph stats
  claimgraph stats --graph out/graph.ron --format csv";

/// The options every query command takes.
#[derive(Debug, clap::Args)]
pub struct GraphOpts {
    /// The graph to read, as written by `build`.
    #[arg(long, default_value = "graphs/graph.ron", value_name = "FILE")]
    pub graph: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
}

/// Output formats of the query commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// Lines for people, cut to the terminal's width.
    Table,
    /// One JSON value (shapes in the README).
    Json,
    /// CSV with a header row (RFC 4180 quoting).
    Csv,
}

/// Reads the graph, with an error that names the file.
fn load_graph(path: &Path) -> anyhow::Result<ClaimGraph> {
    if !path.exists() {
        bail!(
            "graph file {} not found (write one with `claimgraph build`, \
             or name one with --graph)",
            path.display()
        );
    }
    claimgraph::store::load(path)
        .with_context(|| format!("reading graph {}", path.display()))
}

/// Buffered, locked standard output.
fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

/// 0 when there is an answer, 1 when there is none.
fn answered(any: bool) -> ExitCode {
    if any { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// A candidate of an ambiguous name: id, kind and a readable name.
struct Candidate {
    id: String,
    kind: String,
    name: String,
}

/// The items a lookup found, or, when there are none or too many, the
/// exit code after saying so: nothing matches (stderr), or the
/// candidates (stdout, in the chosen format, and a hint on stderr).
fn resolved<T>(
    lookup: Lookup<T>,
    what: &str,
    query: &str,
    format: QueryFormat,
    describe: impl Fn(&T) -> Candidate,
) -> anyhow::Result<Result<Vec<T>, ExitCode>> {
    match lookup {
        Lookup::Found(items) => Ok(Ok(items)),
        Lookup::Missing => {
            eprintln!("claimgraph: no {what} matches {query:?}");
            Ok(Err(ExitCode::from(1)))
        }
        Lookup::Ambiguous(items) => {
            let list: Vec<Candidate> = items.iter().map(describe).collect();
            eprintln!(
                "claimgraph: {query:?} matches {} {what}s; \
                 name one by its id",
                list.len()
            );
            write_candidates(query, format, &list)?;
            Ok(Err(ExitCode::from(1)))
        }
    }
}

/// Lists the candidates of an ambiguous name: table, JSON
/// `{"query", "ambiguous": [{"id", "kind", "name"}]}` or CSV.
fn write_candidates(
    query: &str,
    format: QueryFormat,
    list: &[Candidate],
) -> anyhow::Result<()> {
    let mut out = stdout();
    match format {
        QueryFormat::Json => {
            let items: Vec<_> = list
                .iter()
                .map(|c| json!({"id": c.id, "kind": c.kind, "name": c.name}))
                .collect();
            output::json(
                &mut out,
                &json!({"query": query, "ambiguous": items}),
            )?;
        }
        QueryFormat::Csv => {
            csv_row(&mut out, &["id", "kind", "name"])?;
            for c in list {
                csv_row(&mut out, &[&c.id, &c.kind, &c.name])?;
            }
        }
        QueryFormat::Table => {
            let mut s = Screen::new(&mut out);
            s.line(&format!("{query:?} matches {}:", list.len()))?;
            let w = list.iter().map(|c| c.id.chars().count()).max();
            for c in list {
                let id = cell(&c.id, w.unwrap_or(0));
                s.line(&format!("  {id}  {}  ({})", c.name, c.kind))?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
