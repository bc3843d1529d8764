//! Exporters: turn a built [`ClaimGraph`] into formats that other tools
//! read.
//!
//! The exporters sit at the end of the pipeline, after the graph has been
//! built (or loaded by [`crate::store`]). They only read the graph, through
//! its canonically sorted [`GraphData`](crate::graph::GraphData) form, so
//! their output is the same for the same graph. One module per format:
//! [`dot`] writes Graphviz DOT and renders it (SVG, PNG, PDF) with the
//! `dot` program, [`graphml`] and [`gexf`] are for yEd and Gephi, [`json`]
//! is node-link JSON, [`neo4j`] writes the CSV files `neo4j-admin` imports,
//! [`claimreview`] writes schema.org ClaimReview JSON-LD, and [`html`] a
//! self-contained report. [`view`] selects a focused subgraph first, so
//! every format can show one actor, claim, document or topic.
//!
//! [`export`] writes any format to a path, atomically.
//!
//! ```
//! use claimgraph::ClaimGraph;
//! use claimgraph::export::{Format, graphml};
//! let format: Format = "graphml".parse()?;
//! assert_eq!(format.name(), "graphml");
//! let xml = graphml::to_graphml(&ClaimGraph::new());
//! assert!(xml.contains("<graphml"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

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

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::graph::{ClaimGraph, Evidence};
use crate::store::{StoreError, write_atomic};

pub use dot::{RenderOutcome, dot_available, render, to_dot};
pub use view::{Focus, ViewError, focus};

/// The formats [`export`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Graphviz DOT text.
    Dot,
    /// An SVG diagram rendered by Graphviz.
    Svg,
    /// A PNG diagram rendered by Graphviz.
    Png,
    /// A PDF diagram rendered by Graphviz.
    Pdf,
    /// GraphML, for yEd and other graph editors.
    Graphml,
    /// GEXF 1.3, for Gephi.
    Gexf,
    /// Node-link JSON: `{"nodes": […], "links": […]}`.
    Json,
    /// A folder of CSV files for `neo4j-admin database import`.
    Neo4jCsv,
    /// schema.org ClaimReview JSON-LD for the curated verdicts.
    ClaimReview,
    /// One self-contained HTML report: diagram and table.
    Html,
}

impl Format {
    /// Every format, in the order help text lists them.
    pub const ALL: [Format; 10] = [
        Format::Dot,
        Format::Svg,
        Format::Png,
        Format::Pdf,
        Format::Graphml,
        Format::Gexf,
        Format::Json,
        Format::Neo4jCsv,
        Format::ClaimReview,
        Format::Html,
    ];

    /// The name the command line uses, e.g. `neo4j-csv`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Json => "json",
            Format::Neo4jCsv => "neo4j-csv",
            Format::ClaimReview => "claimreview",
            Format::Html => "html",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Format, ExportError> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| ExportError::BadFormat(s.to_string()))
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The format name is not one claimgraph (or Graphviz) writes.
    #[error("unknown output format {0:?}")]
    BadFormat(String),
    /// An image format was asked for but Graphviz is not installed.
    #[error(
        "--format {0} needs Graphviz's `dot` program, which is not on \
         PATH (install graphviz, or use --format dot)"
    )]
    DotMissing(&'static str),
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

/// What [`export`] wrote, and anything the reader should know.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Exported {
    /// The files written, in order.
    pub files: Vec<PathBuf>,
    /// Notes for the user ("no verdicts to export"), one a line.
    pub notes: Vec<String>,
}

/// Writes `g` to `out` in `format`, each file atomically.
///
/// `out` is a file, except for [`Format::Neo4jCsv`], which writes a
/// folder of CSV files. `title` heads the HTML report.
pub fn export(
    g: &ClaimGraph,
    format: Format,
    out: &Path,
    title: &str,
) -> Result<Exported, ExportError> {
    let mut done = Exported::default();
    let bytes = match format {
        Format::Dot => to_dot(g).into_bytes(),
        Format::Svg | Format::Png | Format::Pdf => {
            dot::render_bytes(&to_dot(g), format.name())?
                .ok_or(ExportError::DotMissing(format.name()))?
        }
        Format::Graphml => graphml::to_graphml(g).into_bytes(),
        Format::Gexf => gexf::to_gexf(g).into_bytes(),
        Format::Json => json::to_json(g).into_bytes(),
        Format::Neo4jCsv => return neo4j::write(g, out),
        Format::ClaimReview => {
            let (text, count) = claimreview::to_claimreview(g);
            if count == 0 {
                done.notes.push(claimreview::NO_VERDICTS.to_string());
            }
            text.into_bytes()
        }
        Format::Html => {
            let (text, note) = html::report(g, title);
            done.notes.extend(note);
            text.into_bytes()
        }
    };
    write_atomic(out, &bytes)?;
    done.files.push(out.to_path_buf());
    Ok(done)
}

/// Keeps at most `max` characters of `text`, marking a cut with "…".
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
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
    fn every_format_parses_back_from_its_name() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>().unwrap(), f);
        }
        assert!("jpeg".parse::<Format>().is_err());
    }

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
