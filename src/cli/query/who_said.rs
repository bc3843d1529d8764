//! `claimgraph who-said PATTERN`: the claims whose words match, with who
//! said them, where, and what contradicts them.

use std::io::Write;
use std::process::ExitCode;

use claimgraph::query::{ClaimDetail, Pattern, Queries};
use serde_json::Value;

use super::output::{Screen, json};
use super::render::{claim_block, claim_json, write_report_rows};
use super::{GraphOpts, QueryFormat, answered, load_graph, stdout};

/// Arguments of `who-said`.
#[derive(Debug, clap::Args)]
pub struct WhoSaidArgs {
    /// Words every matching claim has, in any order, ignoring case and
    /// accents (several arguments are joined by spaces).
    #[arg(required = true, value_name = "PATTERN")]
    pub pattern: Vec<String>,
    /// Read PATTERN as a regular expression, matched ignoring case
    /// against the text as written and its accent-folded form.
    #[arg(long)]
    pub regex: bool,
    #[command(flatten)]
    pub opts: GraphOpts,
}

/// Runs the subcommand.
pub fn run(args: WhoSaidArgs) -> anyhow::Result<ExitCode> {
    let text = args.pattern.join(" ");
    let pattern = if args.regex {
        Pattern::regex(&text)?
    } else {
        Pattern::words(&text)?
    };
    let graph = load_graph(&args.opts.graph)?;
    let claims = Queries::new(&graph).who_said(&pattern);
    if claims.is_empty() {
        eprintln!("claimgraph: no claim matches {text:?}");
    }
    write_claims(args.opts.format, &claims)?;
    Ok(answered(!claims.is_empty()))
}

/// Writes a list of claims: table blocks separated by blank lines, a
/// JSON list of claim objects, or CSV one report a row.
pub fn write_claims(
    format: QueryFormat,
    claims: &[ClaimDetail],
) -> anyhow::Result<()> {
    let mut out = stdout();
    match format {
        QueryFormat::Json => {
            let list: Vec<Value> = claims.iter().map(claim_json).collect();
            json(&mut out, &Value::Array(list))?;
        }
        QueryFormat::Csv => write_report_rows(&mut out, claims)?,
        QueryFormat::Table => {
            let mut s = Screen::new(&mut out);
            for (i, d) in claims.iter().enumerate() {
                if i > 0 {
                    s.line("")?;
                }
                claim_block(&mut s, d)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
