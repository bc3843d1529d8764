//! `claimgraph actors`: the graph's actors, with their aliases, roles,
//! affiliations and how many claims each made.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::process::ExitCode;

use claimgraph::{Actor, ClaimGraph, Edge, Node};
use serde_json::{Value, json};

use crate::cli::args::{ActorsArgs, ListFormat};
use crate::cli::documents::load_graph;
use crate::cli::query::output::Screen;
use crate::cli::text::clip;

/// Runs the subcommand.
pub fn run(args: ActorsArgs) -> anyhow::Result<ExitCode> {
    let graph = load_graph(&args.graph)?;
    let rows: Vec<(&Actor, usize)> = graph
        .nodes()
        .filter_map(|n| match n {
            Node::Actor(a) => Some((a, claims_of(&graph, &a.id))),
            _ => None,
        })
        .collect();
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    match args.format {
        ListFormat::Json => {
            let list: Vec<Value> =
                rows.iter().map(|(a, n)| actor_json(a, *n)).collect();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
        ListFormat::Table => write_table(&mut out, &rows)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The number of distinct claims attributed to the actor `id`.
fn claims_of(graph: &ClaimGraph, id: &str) -> usize {
    let Some(node) = graph.find(id) else { return 0 };
    let claims: BTreeSet<&str> = graph
        .outgoing(node)
        .filter(|(e, _)| matches!(e, Edge::Attributed { .. }))
        .map(|(_, target)| target.id())
        .collect();
    claims.len()
}

/// One actor in the JSON shape the issue tracker fixed.
fn actor_json(a: &Actor, claims: usize) -> Value {
    json!({
        "id": a.id,
        "name": a.name,
        "kind": a.kind.name(),
        "aliases": a.mentions,
        "roles": a.roles,
        "affiliations": a.affiliations,
        "claims": claims,
        "evidence": a.evidence,
    })
}

/// The table, each line cut to the terminal's width (`COLUMNS`).
fn write_table(
    out: &mut impl Write,
    rows: &[(&Actor, usize)],
) -> io::Result<()> {
    let mut screen = Screen::new(out);
    let head =
        format!("{:<34} {:<12} {:>6}  aliases", "actor", "kind", "claims");
    screen.line(&head)?;
    for (a, claims) in rows {
        let aliases = a.mentions.join("; ");
        screen.line(&format!(
            "{:<34} {:<12} {:>6}  {}",
            clip(&a.name, 34),
            a.kind.name(),
            claims,
            clip(&aliases, 80)
        ))?;
        if !a.roles.is_empty() {
            screen.line(&format!(
                "{:<54}roles: {}",
                "",
                a.roles.join("; ")
            ))?;
        }
    }
    Ok(())
}
