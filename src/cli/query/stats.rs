//! `claimgraph stats`: how many nodes and edges of each kind a graph
//! holds, overall and per document.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use claimgraph::query::{DocumentStats, Queries, Stats};
use serde_json::{Value, json};

use super::output::{Screen, clip, csv_row, json};
use super::{GraphOpts, QueryFormat, answered, load_graph, stdout};

/// Arguments of `stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub opts: GraphOpts,
}

/// Runs the subcommand.
pub fn run(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let graph = load_graph(&args.opts.graph)?;
    let stats = Queries::new(&graph).stats();
    let mut out = stdout();
    match args.opts.format {
        QueryFormat::Json => json(&mut out, &stats_json(&stats))?,
        QueryFormat::Csv => write_csv(&mut out, &stats)?,
        QueryFormat::Table => write_table(&mut Screen::new(&mut out), &stats)?,
    }
    out.flush()?;
    Ok(answered(!stats.nodes.is_empty()))
}

/// `{"nodes": {kind: n}, "edges": {kind: n}, "documents": [{"document",
/// "title", "publisher", "claims", "actors", "edges": {kind: n}}]}`.
fn stats_json(stats: &Stats) -> Value {
    let docs: Vec<Value> = stats
        .documents
        .iter()
        .map(|d| {
            json!({
                "document": d.document.name,
                "title": d.document.title,
                "publisher": d.document.publisher,
                "claims": d.claims,
                "actors": d.actors,
                "edges": d.edges,
            })
        })
        .collect();
    json!({"nodes": stats.nodes, "edges": stats.edges, "documents": docs})
}

/// Rows of `scope,what,kind,count`: `all` for the whole graph, else a
/// document's name; `what` is `node` or `edge`.
fn write_csv(out: &mut impl Write, stats: &Stats) -> std::io::Result<()> {
    csv_row(out, &["scope", "what", "kind", "count"])?;
    let mut row = |scope: &str, what: &str, kind: &str, n: usize| {
        csv_row(out, &[scope, what, kind, &n.to_string()])
    };
    for (kind, n) in &stats.nodes {
        row("all", "node", kind, *n)?;
    }
    for (kind, n) in &stats.edges {
        row("all", "edge", kind, *n)?;
    }
    for d in &stats.documents {
        let name = &d.document.name;
        row(name, "node", "claim", d.claims)?;
        row(name, "node", "actor", d.actors)?;
        for (kind, n) in &d.edges {
            row(name, "edge", kind, *n)?;
        }
    }
    Ok(())
}

fn write_table<W: Write>(
    s: &mut Screen<W>,
    stats: &Stats,
) -> std::io::Result<()> {
    s.line(&format!("nodes  {}", counts(&stats.nodes)))?;
    s.line(&format!("edges  {}", counts(&stats.edges)))?;
    if stats.documents.is_empty() {
        return Ok(());
    }
    s.line("")?;
    let kinds: Vec<&str> = stats.edges.keys().copied().collect();
    let mut heads = vec!["claims", "actors"];
    heads.extend(&kinds);
    let numbers: usize = heads.iter().map(|h| h.len() + 2).sum();
    let longest =
        stats.documents.iter().map(|d| d.document.name.chars().count());
    let name_width = longest
        .max()
        .unwrap_or(0)
        .max(8)
        .min(s.width().saturating_sub(numbers).max(12));
    let head: String = heads.iter().map(|h| format!("  {h}")).collect();
    s.line(&format!("{:<name_width$}{head}", "document"))?;
    for d in &stats.documents {
        s.line(&document_row(d, &heads, name_width))?;
    }
    Ok(())
}

/// `kind n` pairs on one line.
fn counts(map: &BTreeMap<&str, usize>) -> String {
    let parts: Vec<String> =
        map.iter().map(|(k, n)| format!("{k} {n}")).collect();
    parts.join("  ")
}

/// One document's counts, right-aligned under the headings.
fn document_row(
    d: &DocumentStats,
    heads: &[&str],
    name_width: usize,
) -> String {
    let name = clip(&d.document.name, name_width);
    let mut row = format!("{name:<name_width$}");
    for h in heads {
        let n = match *h {
            "claims" => d.claims,
            "actors" => d.actors,
            kind => d.edges.get(kind).copied().unwrap_or(0),
        };
        row.push_str(&format!("  {n:>w$}", w = h.len()));
    }
    row
}
