//! Counts of a graph's nodes and edges, overall and per document.
//!
//! An edge belongs to the documents its evidence is in: most edges to
//! one, a counterclaim across two articles to both.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Queries, node_kind};
use crate::graph::{DocumentNode, Edge, Node};

/// Counts for one document.
#[derive(Clone, Debug)]
pub struct DocumentStats<'g> {
    /// The document.
    pub document: &'g DocumentNode,
    /// Distinct claims it reports.
    pub claims: usize,
    /// Distinct actors it attributes claims to.
    pub actors: usize,
    /// Edges whose evidence is in the document, by kind name.
    pub edges: BTreeMap<&'static str, usize>,
}

/// Counts for a whole graph.
#[derive(Clone, Debug, Default)]
pub struct Stats<'g> {
    /// Nodes by kind name ("actor", "claim", "document").
    pub nodes: BTreeMap<&'static str, usize>,
    /// Edges by kind name ("attributed", "reported_in", …).
    pub edges: BTreeMap<&'static str, usize>,
    /// Per document, in name order.
    pub documents: Vec<DocumentStats<'g>>,
}

/// Distinct claims and actors seen in one document while counting.
#[derive(Default)]
struct Seen<'g> {
    claims: HashSet<&'g str>,
    actors: HashSet<&'g str>,
    edges: BTreeMap<&'static str, usize>,
}

impl<'g> Queries<'g> {
    /// Counts nodes and edges by kind, overall and per document.
    pub fn stats(&self) -> Stats<'g> {
        let mut stats = Stats::default();
        let mut seen: HashMap<&str, Seen> = HashMap::new();
        for node in self.graph.nodes() {
            *stats.nodes.entry(node_kind(node)).or_default() += 1;
            let me = self.graph.find(node.id()).expect("listed");
            for (edge, _) in self.graph.outgoing(me) {
                *stats.edges.entry(edge.kind_name()).or_default() += 1;
                for doc in documents_of(edge) {
                    count(seen.entry(doc).or_default(), node, edge);
                }
            }
        }
        for node in self.graph.nodes() {
            if let Node::Document(d) = node {
                let s = seen.remove(d.name.as_str()).unwrap_or_default();
                stats.documents.push(DocumentStats {
                    document: d,
                    claims: s.claims.len(),
                    actors: s.actors.len(),
                    edges: s.edges,
                });
            }
        }
        stats.documents.sort_by(|a, b| a.document.name.cmp(&b.document.name));
        stats
    }
}

/// Adds an edge leaving `from` to a document's counts.
fn count<'g>(seen: &mut Seen<'g>, from: &'g Node, edge: &Edge) {
    *seen.edges.entry(edge.kind_name()).or_default() += 1;
    match (edge, from) {
        (Edge::ReportedIn { .. }, Node::Claim(c)) => {
            seen.claims.insert(&c.id);
        }
        (Edge::Attributed { .. }, Node::Actor(a)) => {
            seen.actors.insert(&a.id);
        }
        _ => {}
    }
}

/// The names of the documents an edge's evidence is in, each once.
fn documents_of(edge: &Edge) -> Vec<&str> {
    match edge {
        Edge::Contradicts { a, b, .. } => {
            let (x, y) = (&a.evidence.document, &b.evidence.document);
            if x == y { vec![x] } else { vec![x, y] }
        }
        other => vec![&other.evidence().document],
    }
}
