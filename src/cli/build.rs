//! `claimgraph build`: articles in, graph.ron, graph.dot and graph.svg out.

use std::process::ExitCode;

use anyhow::Context;
use claimgraph::curation::apply;
use claimgraph::export::dot::{RenderOutcome, render, to_dot};
use claimgraph::store::{
    builtin_aliases, load_aliases, read_curation, save, write_atomic,
};
use claimgraph::{build_graph_with, extract_document};

use crate::cli::args::BuildArgs;
use crate::cli::input::read_documents;

/// Runs the subcommand.
pub fn run(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let aliases = match &args.aliases {
        Some(path) => load_aliases(path)
            .with_context(|| format!("reading {}", path.display()))?,
        None => builtin_aliases(),
    };
    let docs = read_documents(&args.inputs, args.keep_going)?;
    let extracted: Vec<_> = docs.into_iter().map(extract_document).collect();
    let mut graph = build_graph_with(&extracted, &aliases);
    let curation = read_curation(&args.curation)?;
    for message in apply(&mut graph, &curation) {
        eprintln!("claimgraph: {}: {message}", args.curation.display());
    }
    let ron_path = args.out.join("graph.ron");
    let dot_path = args.out.join("graph.dot");
    let svg_path = args.out.join("graph.svg");
    save(&graph, &ron_path)
        .with_context(|| format!("writing {}", ron_path.display()))?;
    let dot = to_dot(&graph);
    write_atomic(&dot_path, dot.as_bytes())
        .with_context(|| format!("writing {}", dot_path.display()))?;
    // The graph and its DOT are written; a diagram Graphviz cannot lay
    // out is worth a warning, not a failed build.
    let rendered = render(&dot, "svg", &svg_path)
        .map_err(|err| eprintln!("claimgraph: warning: no graph.svg: {err}"))
        .ok();
    if args.quiet {
        return Ok(ExitCode::SUCCESS);
    }
    let c = graph.counts();
    println!(
        "built graph: {} documents, {} actors, {} claims, {} edges",
        c.documents, c.actors, c.claims, c.edges
    );
    println!("wrote {}", ron_path.display());
    println!("wrote {}", dot_path.display());
    match rendered {
        Some(RenderOutcome::Written) => {
            println!("wrote {}", svg_path.display())
        }
        None => {}
        Some(RenderOutcome::DotMissing) => eprintln!(
            "claimgraph: note: Graphviz `dot` is not installed; \
             wrote graph.dot but no graph.svg"
        ),
    }
    Ok(ExitCode::SUCCESS)
}
