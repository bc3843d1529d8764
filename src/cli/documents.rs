//! `claimgraph documents`: each document's publisher, date and the
//! sources it cites.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use claimgraph::store::load;
use claimgraph::{ClaimGraph, DocumentNode, Edge, Node};
use serde_json::{Value, json};

use crate::cli::args::{DocumentsArgs, ListFormat};
use crate::cli::text::clip;

/// Runs the subcommand.
pub fn run(args: DocumentsArgs) -> anyhow::Result<ExitCode> {
    let graph = load_graph(&args.graph)?;
    let docs: Vec<(&DocumentNode, Vec<Value>)> = graph
        .nodes()
        .filter_map(|n| match n {
            Node::Document(d) => Some((d, cited_sources(&graph, &d.id))),
            _ => None,
        })
        .collect();
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    match args.format {
        ListFormat::Json => {
            let list: Vec<Value> =
                docs.iter().map(|(d, c)| document_json(d, c)).collect();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
        ListFormat::Table => write_table(&mut out, &docs)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Loads the graph a listing command reads, naming the file on error.
pub fn load_graph(path: &Path) -> anyhow::Result<ClaimGraph> {
    load(path).with_context(|| {
        format!(
            "no graph to read at {} (run `claimgraph build` first, or pass \
             --graph FILE)",
            path.display()
        )
    })
}

/// The sources the document `id` cites, in text order.
fn cited_sources(graph: &ClaimGraph, id: &str) -> Vec<Value> {
    let Some(node) = graph.find(id) else { return Vec::new() };
    let mut cited: Vec<([u32; 2], Value)> = graph
        .outgoing(node)
        .filter_map(|(e, target)| match (e, target) {
            (Edge::Cites { evidence }, Node::Source(s)) => Some((
                evidence.span,
                json!({
                    "name": s.name,
                    "kind": s.kind.name(),
                    "span": evidence.span,
                    "text": evidence.text,
                    "source": s.id,
                }),
            )),
            _ => None,
        })
        .collect();
    cited.sort_by_key(|c| c.0);
    cited.into_iter().map(|(_, v)| v).collect()
}

/// One document in the JSON shape the issue tracker fixed.
fn document_json(d: &DocumentNode, cited: &[Value]) -> Value {
    json!({
        "id": d.name,
        "title": d.title,
        "publisher": d.publisher,
        "publisher_evidence": d.publisher_evidence,
        "date": d.date,
        "cited_sources": cited,
        "url": d.url,
    })
}

fn write_table(
    out: &mut impl Write,
    docs: &[(&DocumentNode, Vec<Value>)],
) -> io::Result<()> {
    for (d, cited) in docs {
        let publisher = d.publisher.as_deref().unwrap_or("-");
        let date = d.date.as_deref().unwrap_or("-");
        writeln!(out, "== {}  publisher: {publisher}  date: {date}", d.name)?;
        if let Some(title) = &d.title {
            writeln!(out, "   title: {}", clip(title, 70))?;
        }
        for c in cited {
            let name = c["name"].as_str().unwrap_or("");
            let kind = c["kind"].as_str().unwrap_or("");
            let span = &c["span"];
            writeln!(out, "   cites {:<16} {} {span}", kind, clip(name, 50))?;
        }
    }
    Ok(())
}
