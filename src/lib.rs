//! claimgraph turns news articles into a graph of who said what.
//!
//! The pipeline runs in stages, each a module, each keeping the byte spans
//! of the original text:
//!
//! ```text
//! ingest -> segment -> extract -> resolve -> pipeline::build_graph
//!                                               |
//!                            graph (petgraph) <-+-> store (RON)
//!                                               +-> export (DOT, SVG)
//! ```
//!
//! `model` holds the plain types every stage shares and imports nothing
//! else from the crate. The [`pipeline`] module is the only one that knows
//! the order of the stages.
//!
//! ```
//! use claimgraph::{Document, build_graph, extract_document};
//! let doc = Document {
//!     id: "a".into(),
//!     text: "“We have almost none,” Feeley said.".into(),
//!     ..Document::default()
//! };
//! let extracted = extract_document(doc);
//! assert_eq!(extracted.attributions.len(), 1);
//! let graph = build_graph(&[extracted]);
//! assert_eq!(graph.counts().claims, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod contradict;
pub mod curation;
pub mod export;
mod extract;
mod graph;
pub mod ingest;
pub mod lock;
mod model;
mod pipeline;
pub mod query;
mod resolve;
mod segment;
mod sources;
pub mod store;

pub use crate::{
    extract::{
        RuleInfo,
        gate::{GateStats, SpeakerGate, train_speaker_gate},
        join_split_quotes,
        learned::{
            CueModel, GoldAttribution, TrainingDocument, TrainingOptions,
            TrainingStats, train_cue_model,
        },
        rules,
    },
    graph::{
        Actor, ActorKind, ArcStr, Claim, ClaimGraph, Counts, DocumentNode,
        Edge, EdgeRecord, Evidence, GraphData, LinkStatus, Node, NodeRef,
        Report, SourceNode, Verdict,
    },
    model::{
        AliasEntry, AliasTable, Attribution, CharIndex, CueClass, Document,
        Extracted, Resolution, SourceKind, Span, Speaker, Spill, Withheld,
        stable_hash,
    },
    pipeline::{
        build_graph, build_graph_consuming, build_graph_observed,
        build_graph_with, extract_document,
    },
    resolve::{canonical_key, strip_title},
    segment::{Segmented, segment},
};
