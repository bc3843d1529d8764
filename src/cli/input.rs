//! Reading the inputs a command names, with `--keep-going` handling.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use claimgraph::Document;
use claimgraph::ingest::{collect_inputs, read_file_each};
use rayon::prelude::*;

/// Reads every document from `paths` and makes each into
/// `make(document)` on every core as the inputs are read, a batch of
/// about [`BATCH`] bytes of text at a time: the texts of the whole corpus
/// are never held at once. `id(&made)` is the document's id, by which the
/// results come back sorted, so output does not depend on the order
/// inputs were named in.
///
/// Without `keep_going` the first bad input is an error; with it, each bad
/// input is reported on stderr and skipped. A document with no text (an
/// empty file, a page of scripts only) is skipped with a warning naming
/// it, and so is a second document with an id already read, under
/// `keep_going`; so is a document whose making fails ([`make_batch`]).
///
/// # Errors
///
/// Also when no document is left: a build then keeps the previous graph
/// rather than replacing it with an empty one.
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
/// read, with the checks of [`read_and_make`].
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
        // Documents of earlier files in the batch made here that were
        // skipped, so not in `made`.
        let mut lost_before = 0;
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
                            let docs = std::mem::take(&mut batch);
                            let made_now = make_batch(
                                docs,
                                &make,
                                keep_going,
                                &first_seen,
                                &mut made,
                            );
                            match made_now {
                                Ok(lost) => {
                                    skipped += lost.len();
                                    lost_before += lost
                                        .iter()
                                        .filter(|id| !ids.contains(id))
                                        .count();
                                }
                                Err(err) => failed = Some(err),
                            }
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
                made.truncate(made_before + batch_before - lost_before);
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
    skipped +=
        make_batch(batch, &make, keep_going, &first_seen, &mut made)?.len();
    if made.is_empty() {
        bail!(
            "no articles with text in the inputs given ({skipped} skipped \
             as bad, {empty} empty)"
        );
    }
    Ok(made)
}

/// Makes `docs` into `made` on every core. A document whose making
/// panics (a bug in claimgraph, which no input should reach) is an error
/// naming it and its file, or, with `keep_going`, skipped with a warning
/// that does, so one document cannot end a long build; the ids so
/// skipped.
fn make_batch<T: Send>(
    docs: Vec<Document>,
    make: &(impl Fn(Document) -> T + Sync + Send),
    keep_going: bool,
    files: &HashMap<String, PathBuf>,
    made: &mut Vec<T>,
) -> anyhow::Result<Vec<String>> {
    let results: Vec<Result<T, (String, String)>> = docs
        .into_par_iter()
        .map(|doc| {
            let id = doc.id.clone();
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                make(doc)
            }))
            .map_err(|panic| (id, panic_message(panic.as_ref())))
        })
        .collect();
    let mut skipped = Vec::new();
    for result in results {
        match result {
            Ok(x) => made.push(x),
            Err((id, message)) => {
                let file = files.get(&id).map_or_else(
                    || "an input".to_string(),
                    |f| f.display().to_string(),
                );
                let problem = format!(
                    "{file}: document {id:?}: internal error ({message}); \
                     this is a bug in claimgraph, please report it with \
                     the document"
                );
                if !keep_going {
                    bail!("{problem} (use --keep-going to skip it)");
                }
                eprintln!("claimgraph: skipping: {problem}");
                skipped.push(id);
            }
        }
    }
    Ok(skipped)
}

/// What a panic said, when it said it as text.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A folder of three articles, "a", "b" and "c", for one test.
    fn articles(name: &str) -> PathBuf {
        let dir = std::env::temp_dir()
            .join(format!("claimgraph-input-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for id in ["a", "b", "c"] {
            fs::write(dir.join(format!("{id}.txt")), "Ana said so.\n")
                .unwrap();
        }
        dir
    }

    /// A maker that panics on document "b", as a bug would.
    fn make(doc: Document) -> String {
        assert!(doc.id != "b", "boom on {}", doc.id);
        doc.id
    }

    #[test]
    fn a_document_that_panics_is_an_error_naming_it() {
        let dir = articles("panic");
        let err =
            read_and_make(std::slice::from_ref(&dir), false, make, |s| s)
                .unwrap_err();
        let err = err.to_string();
        assert!(
            err.contains("b.txt: document \"b\": internal error"),
            "{err}"
        );
        assert!(err.contains("boom on b"), "{err}");
        assert!(err.ends_with("(use --keep-going to skip it)"), "{err}");
        let made =
            read_and_make(std::slice::from_ref(&dir), true, make, |s| s)
                .unwrap();
        assert_eq!(made, ["a", "c"]);
        fs::remove_dir_all(dir).unwrap();
    }
}
