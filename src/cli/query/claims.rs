//! `claimgraph claims --by ACTOR`: an actor's claims, each with every
//! report of it.
//!
//! The actor is found by id or by any of its names and aliases, accents
//! and case optional; see [`Queries::find_actor`].

use std::io::Write;
use std::process::ExitCode;

use claimgraph::Actor;
use claimgraph::query::{Lookup, Queries};

use super::output::Screen;
use super::who_said::write_claims;
use super::{
    Candidate, GraphOpts, QueryFormat, answered, load_graph, resolved, stdout,
};

/// Arguments of `claims`.
#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    /// The actor: an id (`actor:anne-milgram`), a name or an alias.
    #[arg(long, value_name = "ACTOR")]
    pub by: String,
    #[command(flatten)]
    pub opts: GraphOpts,
}

/// Runs the subcommand.
pub fn run(args: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let graph = load_graph(&args.opts.graph)?;
    let q = Queries::new(&graph);
    let lookup = q.find_actor(&args.by);
    let missing = matches!(lookup, Lookup::Missing);
    let format = args.opts.format;
    let actors = match resolved(lookup, "actor", &args.by, format, candidate)?
    {
        Ok(actors) => actors,
        Err(code) => {
            // A list was asked for: a machine reader still gets one.
            if missing && format != QueryFormat::Table {
                write_claims(format, &[])?;
            }
            return Ok(code);
        }
    };
    let claims = q.claims_by(&actors);
    if claims.is_empty() {
        eprintln!("claimgraph: {} made no claims", actors[0].name);
    } else if format == QueryFormat::Table {
        write_header(&actors, claims.len())?;
    }
    write_claims(format, &claims)?;
    Ok(answered(!claims.is_empty()))
}

/// Whose claims these are, and how many: a table's first lines.
fn write_header(actors: &[&Actor], n: usize) -> anyhow::Result<()> {
    let mut out = stdout();
    let mut s = Screen::new(&mut out);
    let names: Vec<String> =
        actors.iter().map(|a| format!("{} ({})", a.name, a.id)).collect();
    let plural = if n == 1 { "" } else { "s" };
    s.wrapped("", &format!("{}: {n} claim{plural}", names.join(", ")))?;
    s.line("")?;
    out.flush()?;
    Ok(())
}

/// An actor as a candidate of an ambiguous name.
pub fn candidate(actor: &&Actor) -> Candidate {
    Candidate {
        id: actor.id.clone(),
        kind: actor.kind.name().to_string(),
        name: actor.name.clone(),
    }
}
