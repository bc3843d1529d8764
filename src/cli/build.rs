//! `claimgraph build`: articles in, graph.ron (or graph.bin), graph.dot
//! and graph.svg out.
//!
//! The inputs are read (and refused, when bad) before anything is
//! written. The output folder is then locked ([`OutputLock`]) so that two
//! builds cannot interleave their files, temporary files a killed build
//! left there are removed, and each output replaces the old one
//! atomically. Only the graph (`graph.ron`, or `graph.bin` with `--store
//! bin`), `graph.dot`, `graph.svg`, the lock and the temporary files are
//! ever written, all inside `--out`, besides the [`Spill`] file that holds
//! the texts and actors until the graph is made, in the system's
//! temporary folder and, on Unix, without a name.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use claimgraph::curation::Curation;
use claimgraph::curation::apply;
use claimgraph::export::dot::{
    DotOptions, RenderOutcome, render, to_dot, write_dot_view,
};
use claimgraph::ingest::collect_inputs;
use claimgraph::lock::OutputLock;
use claimgraph::store::{
    Store, builtin_aliases, curation_path, load_aliases, read_curation,
    remove_stale_temps, save_shard_view, write_atomic_with,
};
use claimgraph::{
    AliasTable, ClaimGraph, Counts, Document, Extracted, Spill,
    build_graph_consuming, build_graph_observed, extract_document,
};
use rayon::prelude::*;

use crate::cli::args::BuildArgs;
use crate::cli::input::read_and_make;
use crate::cli::progress::{Progress, Timings};

/// The most nodes and edges, together, that `dot` is asked to lay out:
/// its layout time grows much faster than the graph (1,000 claims with
/// their actors and edges, about 4,000 in all, take it 3 s; 2,000 claims
/// 15 s; 20,000 more than five minutes), so a larger graph gets graph.dot
/// only, which other tools can render. The bundled seeds make about 260.
const RENDER_LIMIT: usize = 4_000;

/// The files `build` writes into the output folder, besides the graph
/// itself (graph.ron or graph.bin).
const OUTPUTS: [&str; 2] = ["graph.dot", "graph.svg"];

/// What became of graph.svg.
enum Svg {
    /// Rendered, or `dot` is missing.
    Rendered(RenderOutcome),
    /// The graph is larger than [`RENDER_LIMIT`].
    TooLarge,
    /// `dot` failed; the reason was printed.
    Failed,
}

/// Where and how `build` and `merge` write the graph.
#[derive(Debug)]
pub struct Outputs<'a> {
    /// The output folder.
    pub out: &'a Path,
    /// The curation file, for messages about it.
    pub curation_path: &'a Path,
    /// Print nothing but errors.
    pub quiet: bool,
    /// Store the articles in graph.ron too (a shard `merge` can read).
    pub shard: bool,
    /// graph.ron or graph.bin.
    pub store: Store,
}

/// Runs the subcommand.
pub fn run(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let timings = Timings::from_env();
    timings.start("read and extract");
    let aliases = read_aliases(args.aliases.as_deref())?;
    let curation = read_curation(args.curation.as_deref())?;
    super::train::use_cue_model(args.cue_model.as_deref())?;
    super::train::open_gate(args.all_speakers, args.min_speaker_confidence)?;
    let outputs = Outputs {
        out: &args.out,
        curation_path: curation_path(args.curation.as_deref()),
        quiet: args.quiet,
        shard: args.shard,
        store: args.store.store(),
    };
    // Each batch of documents is extracted as soon as it is read.
    let progress =
        Progress::streaming(input_bytes(&args.inputs), args.quiet, timings);
    let spill = spill_file(&outputs);
    let extracted = read_and_make(
        &args.inputs,
        args.keep_going,
        |doc| extract_one(doc, &outputs, spill.as_ref(), &progress),
        |x| &x.document.id,
    )?;
    build_extracted(extracted, &aliases, &curation, &outputs, progress)
}

/// The size of the input files, for the progress bar's time left; 0
/// when they cannot be listed (reading them then says why).
fn input_bytes(paths: &[std::path::PathBuf]) -> u64 {
    collect_inputs(paths).map_or(0, |files| {
        files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum()
    })
}

/// The alias table in `path`, or the shipped one.
pub fn read_aliases(path: Option<&Path>) -> anyhow::Result<AliasTable> {
    Ok(match path {
        Some(path) => load_aliases(path)
            .with_context(|| format!("reading {}", path.display()))?,
        None => builtin_aliases(),
    })
}

/// Extracts, builds and writes the graph of `docs` into `o.out`, under
/// the output folder's lock, timing each stage with `timings`.
pub fn build_into(
    docs: Vec<Document>,
    aliases: &AliasTable,
    curation: &Curation,
    o: &Outputs,
    timings: Timings,
) -> anyhow::Result<ExitCode> {
    let bytes = docs.iter().map(|d| d.text.len() as u64).sum();
    timings.start("extract");
    let progress = Progress::new(docs.len(), bytes, o.quiet, timings);
    let spill = spill_file(o);
    let extracted: Vec<_> = docs
        .into_par_iter()
        .map(|doc| extract_one(doc, o, spill.as_ref(), &progress))
        .collect();
    build_extracted(extracted, aliases, curation, o, progress)
}

/// The temporary file that holds the build's texts until its graph is
/// made: none for a shard, which stores them as they are, or when the
/// system's temporary folder cannot take one (the texts are then held
/// compressed in memory).
fn spill_file(o: &Outputs) -> Option<Arc<Spill>> {
    if o.shard {
        return None;
    }
    match Spill::new() {
        Ok(spill) => Some(Arc::new(spill)),
        Err(e) => {
            if !o.quiet {
                eprintln!(
                    "claimgraph: holding the texts in memory: cannot make a \
                     temporary file in {}: {e}",
                    std::env::temp_dir().display()
                );
            }
            None
        }
    }
}

/// The extraction of `doc`, counted on `progress`. Its text is kept
/// compressed in `spill` (or in memory) until the graph is built, unless
/// it goes into a shard as it is.
fn extract_one(
    doc: Document,
    o: &Outputs,
    spill: Option<&Arc<Spill>>,
    progress: &Progress,
) -> Extracted {
    let len = doc.text.len() as u64;
    let mut x = extract_document(doc);
    match spill {
        Some(spill) => x.spill(spill),
        None if !o.shard => x.pack(),
        None => {}
    }
    progress.advance(1, len);
    x
}

/// Builds and writes the graph of `extracted` into `o.out`, under the
/// output folder's lock, timing each stage with `progress`.
fn build_extracted(
    extracted: Vec<Extracted>,
    aliases: &AliasTable,
    curation: &Curation,
    o: &Outputs,
    progress: Progress,
) -> anyhow::Result<ExitCode> {
    let lock = OutputLock::acquire(o.out)?;
    if lock.took_over() {
        let owner = match lock.stale_owner() {
            Some(pid) => format!("process {pid}"),
            None => "a process".to_string(),
        };
        eprintln!(
            "claimgraph: note: took over {}, left by {owner} that is no \
             longer running",
            lock.path().display()
        );
    }
    for name in [o.store.file_name()].into_iter().chain(OUTPUTS) {
        let path = o.out.join(name);
        remove_stale_temps(&path).context("cleaning up a killed build")?;
    }
    let stage = |what: &str| progress.stage(what);
    // A shard keeps its articles; otherwise each one's text is freed as
    // soon as the graph has taken what it needs of it.
    let (mut graph, articles) = if o.shard {
        let graph = build_graph_observed(&extracted, aliases, &stage);
        (graph, extracted.into_iter().map(|x| x.document).collect())
    } else {
        (build_graph_consuming(extracted, aliases, &stage), Vec::new())
    };
    progress.stage("curation");
    for message in apply(&mut graph, curation) {
        eprintln!("claimgraph: {}: {message}", o.curation_path.display());
    }
    progress.stage(&format!(
        "writing {}, graph.dot and graph.svg",
        o.store.file_name()
    ));
    let svg = write_outputs(&graph, &articles, o, progress.timings())?;
    let counts = graph.counts();
    progress.stage("freeing memory");
    drop(articles);
    drop(graph);
    progress.finish();
    drop(lock);
    if !o.quiet {
        report(counts, o, svg)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the graph (graph.ron or graph.bin), graph.dot and, when it can,
/// graph.svg into `o.out`. With `articles`, the graph file is a shard
/// that holds them too.
fn write_outputs(
    graph: &ClaimGraph,
    articles: &[Document],
    o: &Outputs,
    timings: &Timings,
) -> anyhow::Result<Svg> {
    let graph_path = o.out.join(o.store.file_name());
    let [dot_path, svg_path] = OUTPUTS.map(|name| o.out.join(name));
    // One sorted view of the graph (references, not a copy), made once:
    // for a large graph it is hundreds of megabytes. Both files at once,
    // each walking the view and streaming to its own file.
    let view = graph.view();
    let (stored, dot) = rayon::join(
        || {
            timings
                .time(&format!("(of which) {}", o.store.file_name()), || {
                    save_shard_view(&view, articles, &graph_path)
                })
        },
        || {
            timings.time("(of which) graph.dot", || {
                write_atomic_with(&dot_path, |w| {
                    write_dot_view(&view, DotOptions::default(), w)
                })
            })
        },
    );
    drop(view);
    stored.with_context(|| format!("writing {}", graph_path.display()))?;
    dot.with_context(|| format!("writing {}", dot_path.display()))?;
    let c = graph.counts();
    let size = c.documents + c.actors + c.claims + c.edges;
    // The graph and its DOT are written; a diagram Graphviz cannot lay
    // out is worth a warning, not a failed build.
    let svg = if size > RENDER_LIMIT {
        Svg::TooLarge
    } else {
        match render(&to_dot(graph), "svg", &svg_path) {
            Ok(outcome) => Svg::Rendered(outcome),
            Err(err) => {
                eprintln!("claimgraph: warning: no graph.svg: {err}");
                Svg::Failed
            }
        }
    };
    if !matches!(svg, Svg::Rendered(RenderOutcome::Written)) {
        // An old picture beside a new graph would show the wrong graph.
        match fs::remove_file(&svg_path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(e).with_context(|| {
                    format!("removing the old {}", svg_path.display())
                })?;
            }
            _ => {}
        }
    }
    Ok(svg)
}

/// Prints the summary line and the paths written. A closed stdout
/// (`claimgraph build | head -1`) is an error the caller treats as the
/// reader having had enough, never a panic.
fn report(c: Counts, o: &Outputs, svg: Svg) -> std::io::Result<()> {
    let out = o.out;
    let mut w = std::io::stdout().lock();
    writeln!(
        w,
        "built graph: {} documents, {} actors, {} claims, {} edges",
        c.documents, c.actors, c.claims, c.edges
    )?;
    writeln!(w, "wrote {}", out.join(o.store.file_name()).display())?;
    writeln!(w, "wrote {}", out.join("graph.dot").display())?;
    match svg {
        Svg::Rendered(RenderOutcome::Written) => {
            writeln!(w, "wrote {}", out.join("graph.svg").display())?;
        }
        Svg::Rendered(RenderOutcome::DotMissing) => eprintln!(
            "claimgraph: note: Graphviz `dot` is not installed; \
             wrote graph.dot but no graph.svg"
        ),
        Svg::TooLarge => eprintln!(
            "claimgraph: note: the graph is too large for Graphviz `dot` \
             to lay out in reasonable time (more than {RENDER_LIMIT} nodes \
             and edges); wrote graph.dot but no graph.svg"
        ),
        Svg::Failed => {}
    }
    Ok(())
}
