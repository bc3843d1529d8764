//! Exporters: turn a built [`ClaimGraph`](crate::graph::ClaimGraph) into
//! formats that other tools read.
//!
//! The exporters sit at the end of the pipeline, after the graph has been
//! built (or loaded by [`crate::store`]). They only read the graph, through
//! its canonically sorted [`GraphData`](crate::graph::GraphData) form, so
//! their output is the same for the same graph. [`dot`] writes Graphviz
//! DOT and, when the `dot` program is installed, renders it to SVG or
//! another image format; [`graphml`] and [`gexf`] are for yEd and Gephi,
//! [`json`] is node-link JSON, [`neo4j`] writes the CSV files
//! `neo4j-admin` imports, [`claimreview`] writes schema.org ClaimReview
//! JSON-LD, and [`html`] a self-contained report.
//! [`view`] selects a focused subgraph first, so
//! that a diagram can show one actor, claim, document or topic.

pub mod claimreview;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod neo4j;
mod records;
pub mod view;
mod xml;

use std::path::PathBuf;

use crate::graph::Evidence;
use crate::store::StoreError;

pub use dot::{RenderOutcome, dot_available, render, to_dot};
pub use view::{Focus, ViewError, focus};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The format name is not one claimgraph (or Graphviz) writes.
    #[error("unknown output format {0:?}")]
    BadFormat(String),
    /// `dot` ran but failed.
    #[error("dot could not render the diagram: {message}")]
    Dot {
        /// What `dot` reported.
        message: String,
    },
    /// The output must be a folder but names something else.
    #[error("{} is not a folder (neo4j-csv writes a folder of files)",
        .0.display())]
    NotAFolder(PathBuf),
    /// A file could not be written.
    #[error(transparent)]
    Write(#[from] StoreError),
}

/// What an exporter wrote, and anything the reader should know.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Exported {
    /// The files written, in order.
    pub files: Vec<PathBuf>,
    /// Notes for the user ("no verdicts to export"), one a line.
    pub notes: Vec<String>,
}

/// A fragment id for a node, for links within one HTML page: the node's
/// id with anything but letters, digits, `-` and `_` turned into `-`.
pub(crate) fn anchor(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' })
        .collect()
}

/// A fragment id for one report: its document and span.
pub(crate) fn report_anchor(ev: &Evidence) -> String {
    anchor(&format!("r:{}:{}-{}", ev.document, ev.span[0], ev.span[1]))
}

/// The address of a document when it is a plain web address, trimmed;
/// `None` for anything else (`javascript:`, `file:`), which must never
/// become a link.
pub(crate) fn web_address(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    web.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_plain_tokens() {
        assert_eq!(anchor("claim:1f0c"), "claim-1f0c");
        assert_eq!(anchor("actor:josé \"x\""), "actor-jos---x-");
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(web_address(" https://x.org/a "), Some("https://x.org/a"));
        assert_eq!(web_address("HTTP://x.org"), Some("HTTP://x.org"));
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(web_address("file:///etc/passwd"), None);
        assert_eq!(web_address("http"), None);
    }
}
