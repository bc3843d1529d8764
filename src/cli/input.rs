//! Reading the inputs a command names, with `--keep-going` handling.

use std::path::PathBuf;

use anyhow::{Context, bail};
use claimgraph::Document;
use claimgraph::ingest::{collect_inputs, read_file};

/// Reads every document from `paths`.
///
/// Without `keep_going` the first bad input is an error; with it, each bad
/// input is reported on stderr and skipped. Documents come back sorted by
/// id, so output does not depend on the order inputs were named in.
pub fn read_documents(
    paths: &[PathBuf],
    keep_going: bool,
) -> anyhow::Result<Vec<Document>> {
    let files = collect_inputs(paths).context("finding inputs")?;
    let mut docs = Vec::new();
    let mut skipped = 0;
    for file in &files {
        for result in read_file(file) {
            match result {
                Ok(doc) => docs.push(doc),
                Err(err) if keep_going => {
                    eprintln!("claimgraph: skipping: {err}");
                    skipped += 1;
                }
                Err(err) => {
                    bail!("{err} (use --keep-going to skip bad inputs)")
                }
            }
        }
    }
    if docs.is_empty() && skipped == 0 {
        bail!("no articles found in the inputs given");
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(w) = docs.windows(2).find(|w| w[0].id == w[1].id) {
        bail!("two documents share the id {:?}", w[0].id);
    }
    Ok(docs)
}
