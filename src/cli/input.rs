//! Reading the inputs a command names, with `--keep-going` handling.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use claimgraph::Document;
use claimgraph::ingest::{collect_inputs, read_file_each};
use rayon::prelude::*;

/// Reads every document from `paths`.
///
/// Without `keep_going` the first bad input is an error; with it, each bad
/// input is reported on stderr and skipped. A document with no text (an
/// empty file, a page of scripts only) is skipped with a warning naming
/// it, and so is a second document with an id already read, under
/// `keep_going`. Documents come back sorted by id, so output does not
/// depend on the order inputs were named in.
///
/// # Errors
///
/// Also when no document is left: a build then keeps the previous graph
/// rather than replacing it with an empty one.
pub fn read_documents(
    paths: &[PathBuf],
    keep_going: bool,
) -> anyhow::Result<Vec<Document>> {
    let mut docs = read_each(paths, keep_going, |doc| doc)?;
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

/// [`read_documents`], each document made into `make(document)` on
/// every core as the inputs are read, a batch of about [`BATCH`] bytes
/// of text at a time: the texts of the whole corpus are never held at
/// once. `id(&made)` is the document's id, by which the results are
/// sorted.
pub fn read_and_make<T: Send>(
    paths: &[PathBuf],
    keep_going: bool,
    make: impl Fn(Document) -> T + Sync + Send,
    id: impl Fn(&T) -> &str,
) -> anyhow::Result<Vec<T>> {
    let mut made = read_each(paths, keep_going, make)?;
    made.sort_by(|a, b| id(a).cmp(id(b)));
    Ok(made)
}

/// Bytes of text read before a batch of documents is made.
const BATCH: usize = 16 << 20;

/// The documents of `paths` made into `make(document)`, in the order
/// read, with the checks of [`read_documents`].
fn read_each<T: Send>(
    paths: &[PathBuf],
    keep_going: bool,
    make: impl Fn(Document) -> T + Sync + Send,
) -> anyhow::Result<Vec<T>> {
    let files = collect_inputs(paths).context("finding inputs")?;
    let mut made: Vec<T> = Vec::new();
    // Documents read and not yet made, with their bytes of text.
    let mut batch: Vec<Document> = Vec::new();
    let mut batch_bytes = 0;
    let mut first_seen: HashMap<String, PathBuf> = HashMap::new();
    let (mut skipped, mut empty) = (0, 0);
    for file in &files {
        // What the file adds, undone when it fails as a whole after
        // some of its documents were read: the documents, their ids, and
        // the warnings about it, which wait for the file's end.
        let (made_before, batch_before) = (made.len(), batch.len());
        let mut ids: Vec<String> = Vec::new();
        let mut warnings: Vec<String> = Vec::new();
        let mut counts = (0, 0);
        let mut failed: Option<anyhow::Error> = None;
        let whole = read_file_each(file, |result| {
            if failed.is_some() {
                return;
            }
            let problem = match result {
                Ok(doc) if doc.text.trim().is_empty() => {
                    warnings.push(empty_warning(file, &doc));
                    counts.1 += 1;
                    return;
                }
                Ok(doc) => match first_seen.get(&doc.id) {
                    Some(first) => format!(
                        "{}: a second document with the id {:?} (the \
                         first is in {})",
                        file.display(),
                        doc.id,
                        first.display()
                    ),
                    None => {
                        first_seen.insert(doc.id.clone(), file.clone());
                        ids.push(doc.id.clone());
                        batch_bytes += doc.text.len();
                        batch.push(doc);
                        if batch_bytes >= BATCH {
                            made.par_extend(
                                std::mem::take(&mut batch)
                                    .into_par_iter()
                                    .map(&make),
                            );
                            batch_bytes = 0;
                        }
                        return;
                    }
                },
                Err(err) => err.to_string(),
            };
            if !keep_going {
                failed = Some(anyhow::anyhow!(
                    "{problem} (use --keep-going to skip bad inputs)"
                ));
                return;
            }
            warnings.push(format!("claimgraph: skipping: {problem}"));
            counts.0 += 1;
        });
        if let Err(err) = whole {
            // The file is one bad input: what it gave is dropped. The
            // documents of earlier files that waited in the batch when
            // it began were made first.
            if made.len() > made_before {
                made.truncate(made_before + batch_before);
                batch.clear();
            } else {
                batch.truncate(batch_before);
            }
            batch_bytes = batch.iter().map(|d| d.text.len()).sum();
            for id in ids {
                first_seen.remove(&id);
            }
            if !keep_going {
                bail!("{err} (use --keep-going to skip bad inputs)");
            }
            eprintln!("claimgraph: skipping: {err}");
            skipped += 1;
            continue;
        }
        // The warnings met before an error too, as they were printed
        // as they came when files were read whole.
        warnings.iter().for_each(|w| eprintln!("{w}"));
        if let Some(err) = failed {
            return Err(err);
        }
        skipped += counts.0;
        empty += counts.1;
    }
    made.par_extend(batch.into_par_iter().map(&make));
    if made.is_empty() {
        bail!(
            "no articles with text in the inputs given ({skipped} skipped \
             as bad, {empty} empty)"
        );
    }
    Ok(made)
}

/// The warning that `doc`, read from `file`, has no text and is left
/// out.
fn empty_warning(file: &Path, doc: &Document) -> String {
    let stem = file.file_stem().map(|s| s.to_string_lossy());
    if stem.as_deref() == Some(doc.id.as_str()) {
        format!("claimgraph: warning: {}: no text; skipped", file.display())
    } else {
        format!(
            "claimgraph: warning: {}: document {:?} has no text; skipped",
            file.display(),
            doc.id
        )
    }
}
