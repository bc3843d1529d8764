//! Exporters: turn a built [`ClaimGraph`](crate::graph::ClaimGraph) into
//! formats that other tools read.
//!
//! The exporters sit at the end of the pipeline, after the graph has been
//! built (or loaded by [`crate::store`]). They only read the graph, through
//! its canonically sorted [`GraphData`](crate::graph::GraphData) form, so
//! their output is the same for the same graph. [`dot`] writes Graphviz
//! DOT and, when the `dot` program is installed, renders it to SVG or
//! another image format.

pub mod dot;

pub use dot::{ExportError, RenderOutcome, dot_available, render, to_dot};
