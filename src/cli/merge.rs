//! `claimgraph merge`: shard graphs in, the graph of all their articles
//! out.
//!
//! A shard (`build --shard`) stores its articles beside its graph. The
//! corpus-wide passes (actors across articles, claim groups,
//! counterclaims) need every article at once, so merging takes the union
//! of the shards' articles, each once, and runs the same build over it,
//! in id order: the result is byte for byte the graph one build of all
//! the articles writes, whatever the order and grouping of the shards.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use claimgraph::Document;
use claimgraph::store::{curation_path, load_shard, read_curation};

use crate::cli::args::MergeArgs;
use crate::cli::build::{Outputs, build_into, read_aliases};
use crate::cli::progress::Timings;

/// Runs the subcommand.
pub fn run(args: MergeArgs) -> anyhow::Result<ExitCode> {
    let timings = Timings::from_env();
    timings.start("read shards");
    let aliases = read_aliases(args.aliases.as_deref())?;
    let curation = read_curation(args.curation.as_deref())?;
    let mut articles: BTreeMap<String, (Document, PathBuf)> = BTreeMap::new();
    for path in &args.graphs {
        let (graph, docs) = load_shard(path)?;
        if docs.is_empty() && graph.counts().documents > 0 {
            bail!(
                "{}: this graph holds no articles to merge (it was built \
                 without --shard); rebuild it with `claimgraph build --shard`",
                path.display()
            );
        }
        for doc in docs {
            match articles.get(&doc.id) {
                Some((same, _)) if *same == doc => {}
                Some((_, first)) => bail!(
                    "{}: article {:?} differs from the article of the same id \
                     in {}; ids must name one article across the shards",
                    path.display(),
                    doc.id,
                    first.display()
                ),
                None => {
                    articles.insert(doc.id.clone(), (doc, path.clone()));
                }
            }
        }
    }
    let docs: Vec<Document> =
        articles.into_values().map(|(doc, _)| doc).collect();
    let outputs = Outputs {
        out: &args.out,
        curation_path: curation_path(args.curation.as_deref()),
        quiet: args.quiet,
        shard: args.shard,
        store: args.store.store(),
    };
    build_into(docs, &aliases, &curation, &outputs, timings)
}
