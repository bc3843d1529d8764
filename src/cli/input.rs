//! Reading the inputs a command names, with `--keep-going` handling.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use claimgraph::Document;
use claimgraph::ingest::{collect_inputs, read_file};

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
    let files = collect_inputs(paths).context("finding inputs")?;
    let mut docs = Vec::new();
    let mut first_seen: HashMap<String, PathBuf> = HashMap::new();
    let (mut skipped, mut empty) = (0, 0);
    for file in &files {
        for result in read_file(file) {
            let problem = match result {
                Ok(doc) if doc.text.trim().is_empty() => {
                    warn_empty(file, &doc);
                    empty += 1;
                    continue;
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
                        docs.push(doc);
                        continue;
                    }
                },
                Err(err) => err.to_string(),
            };
            if !keep_going {
                bail!("{problem} (use --keep-going to skip bad inputs)");
            }
            eprintln!("claimgraph: skipping: {problem}");
            skipped += 1;
        }
    }
    if docs.is_empty() {
        bail!(
            "no articles with text in the inputs given ({skipped} skipped \
             as bad, {empty} empty)"
        );
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

/// Warns that `doc`, read from `file`, has no text and is left out.
fn warn_empty(file: &Path, doc: &Document) {
    let stem = file.file_stem().map(|s| s.to_string_lossy());
    if stem.as_deref() == Some(doc.id.as_str()) {
        eprintln!("claimgraph: warning: {}: no text; skipped", file.display());
    } else {
        eprintln!(
            "claimgraph: warning: {}: document {:?} has no text; skipped",
            file.display(),
            doc.id
        );
    }
}
