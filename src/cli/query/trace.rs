//! `claimgraph trace FROM TO`: the shortest chains that link two actors,
//! claims or documents through the graph, each hop with its edge kind and
//! the documents its evidence is in.

use std::io::Write;
use std::process::ExitCode;

use claimgraph::query::{Chain, Hop, Queries, Trace, node_kind, node_label};
use claimgraph::{Edge, Node};
use serde_json::{Value, json};

use super::output::{Screen, csv_row, json};
use super::render::flat;
use super::{
    Candidate, GraphOpts, QueryFormat, answered, load_graph, resolved, stdout,
};

/// Arguments of `trace`.
#[derive(Debug, clap::Args)]
pub struct TraceArgs {
    /// Where chains start: an actor's name, alias or id, a claim id (or a
    /// unique prefix of one), or a document name.
    #[arg(value_name = "FROM")]
    pub from: String,
    /// Where chains end, named the same ways.
    #[arg(value_name = "TO")]
    pub to: String,
    /// Show at most this many of the shortest chains.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    #[command(flatten)]
    pub opts: GraphOpts,
}

/// Runs the subcommand.
pub fn run(args: TraceArgs) -> anyhow::Result<ExitCode> {
    let graph = load_graph(&args.opts.graph)?;
    let q = Queries::new(&graph);
    let format = args.opts.format;
    let mut ends = Vec::new();
    for name in [&args.from, &args.to] {
        match resolved(q.find_node(name), "node", name, format, candidate)? {
            Ok(nodes) => ends.push(nodes),
            Err(code) => return Ok(code),
        }
    }
    let found = q.trace(&ends[0], &ends[1], args.limit.max(1));
    let chains = &found.chains;
    if chains.is_empty() {
        eprintln!(
            "claimgraph: no chain links {:?} and {:?}",
            args.from, args.to
        );
    }
    let mut out = stdout();
    match format {
        QueryFormat::Json => json(&mut out, &trace_json(&ends, &found))?,
        QueryFormat::Csv => write_csv(&mut out, chains)?,
        QueryFormat::Table => write_table(&mut Screen::new(&mut out), &found)?,
    }
    out.flush()?;
    Ok(answered(!chains.is_empty()))
}

fn candidate(node: &&Node) -> Candidate {
    let kind = match node {
        Node::Actor(a) => a.kind.name(),
        other => node_kind(other),
    };
    Candidate {
        id: node.id().to_string(),
        kind: kind.to_string(),
        name: node_label(node).to_string(),
    }
}

/// The documents a hop's evidence is in: one, or both sides of a
/// counterclaim.
fn documents(edge: &Edge) -> Vec<&str> {
    let mut docs = vec![&*edge.evidence().document];
    if let Edge::Contradicts { b, .. } = edge
        && *b.evidence.document != *docs[0]
    {
        docs.push(&b.evidence.document);
    }
    docs
}

fn node_json(node: &Node) -> Value {
    json!({
        "id": node.id(),
        "kind": node_kind(node),
        "label": node_label(node),
    })
}

fn hop_json(from: &Node, to: &Node, hop: &Hop) -> Value {
    let e = hop.edge.evidence();
    json!({
        "from": from.id(),
        "to": to.id(),
        "edge": hop.edge.kind_name(),
        "forward": hop.forward,
        "documents": documents(hop.edge),
        "span": e.span,
        "text": e.text,
        "rule": e.rule,
        "parallel": hop.parallel,
    })
}

/// `{"from": [node], "to": [node], "hops": n, "total": n, "chains":
/// [{"nodes", "hops"}]}`; `hops` is null when no chain links them.
fn trace_json(ends: &[Vec<&Node>], found: &Trace) -> Value {
    let list: Vec<Value> = found
        .chains
        .iter()
        .map(|c| {
            let hops: Vec<Value> = c
                .hops
                .iter()
                .enumerate()
                .map(|(i, h)| hop_json(c.nodes[i], c.nodes[i + 1], h))
                .collect();
            let nodes: Vec<Value> =
                c.nodes.iter().map(|n| node_json(n)).collect();
            json!({"nodes": nodes, "hops": hops})
        })
        .collect();
    let nodes =
        |v: &[&Node]| v.iter().map(|n| node_json(n)).collect::<Vec<_>>();
    json!({
        "from": nodes(&ends[0]),
        "to": nodes(&ends[1]),
        "hops": found.chains.first().map(|c| c.hops.len()),
        "total": found.total,
        "chains": list,
    })
}

/// One row per hop.
fn write_csv(out: &mut impl Write, chains: &[Chain]) -> std::io::Result<()> {
    csv_row(
        out,
        &[
            "chain",
            "hop",
            "from",
            "edge",
            "direction",
            "to",
            "documents",
            "start",
            "end",
            "rule",
            "text",
        ],
    )?;
    for (i, c) in chains.iter().enumerate() {
        for (j, h) in c.hops.iter().enumerate() {
            let e = h.edge.evidence();
            csv_row(
                out,
                &[
                    (i + 1).to_string().as_str(),
                    &(j + 1).to_string(),
                    c.nodes[j].id(),
                    h.edge.kind_name(),
                    if h.forward { "forward" } else { "backward" },
                    c.nodes[j + 1].id(),
                    &documents(h.edge).join("; "),
                    &e.span[0].to_string(),
                    &e.span[1].to_string(),
                    &e.rule,
                    &e.text,
                ],
            )?;
        }
    }
    Ok(())
}

/// How many chains there are and how long, then each chain as its
/// nodes, one a line, with the hop between them.
fn write_table<W: Write>(
    s: &mut Screen<W>,
    found: &Trace,
) -> std::io::Result<()> {
    let Some(first) = found.chains.first() else { return Ok(()) };
    let (n, shown) = (first.hops.len(), found.chains.len());
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut head = format!(
        "{} shortest chain{} of {n} hop{}",
        found.total,
        plural(found.total),
        plural(n)
    );
    if shown < found.total {
        let first =
            if shown == 1 { String::new() } else { format!(" {shown}") };
        head.push_str(&format!(", the first{first} shown"));
    }
    s.line(&head)?;
    for (i, c) in found.chains.iter().enumerate() {
        s.line("")?;
        s.line(&format!("chain {}", i + 1))?;
        for (j, node) in c.nodes.iter().enumerate() {
            let kind = node_kind(node);
            s.line(&format!(
                "  {kind:<8} {}  {}",
                node.id(),
                flat(node_label(node))
            ))?;
            if let Some(h) = c.hops.get(j) {
                s.line(&hop_line(h))?;
            }
        }
    }
    Ok(())
}

/// A hop as an arrow, its kind, and the documents of its evidence.
fn hop_line(h: &Hop) -> String {
    let kind = h.edge.kind_name();
    let arrow = if h.forward {
        format!("--{kind}-->")
    } else {
        format!("<--{kind}--")
    };
    let more = if h.parallel > 1 {
        format!(" (1 of {} edges)", h.parallel)
    } else {
        String::new()
    };
    format!("      {arrow}  in {}{more}", documents(h.edge).join(", "))
}
