//! The claim graph: actors, claims and documents joined by evidence.
//!
//! [`ClaimGraph`] wraps a petgraph `StableDiGraph` behind a small domain
//! API, and this is the only module that names petgraph. Nodes are keyed by
//! content-derived string ids, so adding the same actor or claim twice
//! returns the node already there, and two builds of the same input give
//! the same graph whatever order documents arrive in. Every edge carries
//! the [`Evidence`] that produced it, so a reader can check it by hand.
//!
//! [`GraphData`] is the plain, sorted form of the graph that the store
//! writes and the exporters read.

use std::collections::{BTreeMap, btree_map};

pub use arcstr::ArcStr;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use serde::{Deserialize, Serialize};

use crate::model::{CueClass, SourceKind};

/// What sort of actor a node stands for.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
#[non_exhaustive]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A company, agency, newspaper or other organisation.
    Organisation,
    /// A state, its government or administration.
    Government,
    /// A collective: "officials", "experts", "Democrats".
    Group,
    /// An unnamed source: "a senior official".
    Anonymous,
    /// A mention (a pronoun, say) that could not be tied to anyone.
    Unresolved,
}

impl ActorKind {
    /// The lower-case name used in tables and diagrams.
    pub fn name(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Government => "government",
            ActorKind::Group => "group",
            ActorKind::Anonymous => "anonymous",
            ActorKind::Unresolved => "unresolved",
        }
    }
}

/// Someone who makes claims, or is named as a party to them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id, e.g. `actor:anne-milgram`.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// What sort of actor this is.
    pub kind: ActorKind,
    /// Every surface form the texts used for the actor, sorted.
    pub mentions: Vec<String>,
    /// Titles and roles the texts give the actor ("Administrator"),
    /// sorted.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Ids of the actors this one belongs to or speaks for, sorted.
    #[serde(default)]
    pub affiliations: Vec<String>,
    /// Why the actor's mentions were taken as one actor, one reason a
    /// line ("acronym DEA defined in doc 004"), sorted.
    #[serde(default)]
    pub evidence: Vec<String>,
}

impl Actor {
    /// An actor with one mention and nothing else known about it.
    pub fn new(id: &str, name: &str, kind: ActorKind, mention: &str) -> Actor {
        Actor {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            mentions: vec![mention.to_string()],
            roles: Vec::new(),
            affiliations: Vec::new(),
            evidence: Vec::new(),
        }
    }
}

/// Something a document cites: a body, outlet, document or marker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceNode {
    /// Stable id from the kind and the folded name, e.g.
    /// `source:reported:politico`.
    pub id: String,
    /// The source as the text names it, determiners dropped.
    pub name: String,
    /// What sort of source it is.
    pub kind: SourceKind,
}

/// A statement, grouped across the documents that report it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Claim {
    /// Stable id derived from the normalised text, e.g. `claim:1f0c…`.
    pub id: String,
    /// The statement's text as first reported.
    pub text: String,
    /// Fact-checkers' verdicts on the claim, from the curation file.
    #[serde(default)]
    pub verdicts: Vec<Verdict>,
}

/// Readable forms (RON, JSON) leave out an empty `verdicts`, as most
/// claims have none; the binary store, whose reader cannot tell a field
/// left out, always writes it.
impl Serialize for Claim {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let skip = s.is_human_readable() && self.verdicts.is_empty();
        let mut st = s.serialize_struct("Claim", if skip { 2 } else { 3 })?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("text", &self.text)?;
        if skip {
            st.skip_field("verdicts")?;
        } else {
            st.serialize_field("verdicts", &self.verdicts)?;
        }
        st.end()
    }
}

impl Claim {
    /// A claim with no verdict yet.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Claim {
        Claim { id: id.into(), text: text.into(), verdicts: Vec::new() }
    }
}

/// A fact-checker's rating of a claim, as in schema.org's ClaimReview.
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
)]
pub struct Verdict {
    /// The rating as written: "False", "Misleading", "Mostly true".
    pub rating: String,
    /// Who rated it.
    pub author: String,
    /// Where the evidence for the rating is.
    #[serde(default)]
    pub url: Option<String>,
    /// When it was rated, as written.
    #[serde(default)]
    pub date: Option<String>,
}

/// A source document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentNode {
    /// Stable id, `doc:` plus the document id.
    pub id: String,
    /// The document id (file stem or JSONL `id`).
    pub name: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Publisher, when known.
    pub publisher: Option<String>,
    /// Address, when known.
    pub url: Option<String>,
    /// Date as written, when known.
    pub date: Option<String>,
    /// Where the text names the publisher, `[start, end)` in code points;
    /// `None` when the publisher came from metadata or is unknown.
    #[serde(default)]
    pub publisher_evidence: Option<[usize; 2]>,
}

/// A node of the graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Node {
    /// Someone who makes claims.
    Actor(Actor),
    /// A statement.
    Claim(Claim),
    /// A source document.
    Document(DocumentNode),
    /// Something a document cites.
    Source(SourceNode),
}

impl Node {
    /// The node's stable id.
    pub fn id(&self) -> &str {
        match self {
            Node::Actor(a) => &a.id,
            Node::Claim(c) => &c.id,
            Node::Document(d) => &d.id,
            Node::Source(s) => &s.id,
        }
    }
}

/// Where an edge comes from: enough to find and check it by hand.
///
/// Offsets are Unicode code points into the document's text.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize,
)]
///
/// The strings a graph repeats on many edges (document ids, speakers,
/// cues, rule ids, and a report's text, which both of its edges carry)
/// are shared: a build shares them among a document's edges, and
/// loading shares every repeated one, which takes a large graph's memory
/// and load time down. Each is an [`ArcStr`], one pointer wide where
/// `Arc<str>` is two, so a record is 72 bytes instead of 112. They read
/// and write as plain strings.
pub struct Evidence {
    /// The document the evidence is in.
    #[serde(deserialize_with = "shared")]
    pub document: ArcStr,
    /// The content's extent, `[start, end)` in code points (u32, as are
    /// the other spans: a large graph has millions of evidence records,
    /// two per report, and no article runs to 4 billion characters).
    pub span: [u32; 2],
    /// The content as written (pieces joined by one space).
    #[serde(deserialize_with = "shared")]
    pub text: ArcStr,
    /// The speaker mention as written, when there is one.
    #[serde(deserialize_with = "shared_opt")]
    pub speaker: Option<ArcStr>,
    /// The speaker mention's span, when there is one.
    pub speaker_span: Option<[u32; 2]>,
    /// The cue as written, when there is one.
    #[serde(deserialize_with = "shared_opt")]
    pub cue: Option<ArcStr>,
    /// The cue's span, when there is one.
    pub cue_span: Option<[u32; 2]>,
    /// The id of the rule that produced it.
    #[serde(deserialize_with = "shared")]
    pub rule: ArcStr,
}

/// Shares equal strings while a graph is being read: each distinct
/// string is allocated once, however many edges repeat it.
///
/// Deserializing [`Evidence`] goes through the interner of the current
/// thread; [`Interner::scope`] empties it when a load ends, so nothing
/// outlives the graph that needed it.
#[derive(Debug)]
pub(crate) struct Interner;

thread_local! {
    static SHARED: std::cell::RefCell<SharedSet> =
        std::cell::RefCell::new(SharedSet::default());
}

/// A set of shared strings, each distinct one allocated once.
pub(crate) type SharedSet =
    std::collections::HashSet<ArcStr, foldhash::fast::RandomState>;

/// The copy of `text` in `set`, added when missing.
pub(crate) fn share_in(set: &mut SharedSet, text: &str) -> ArcStr {
    if let Some(shared) = set.get(text) {
        return shared.clone();
    }
    let shared = ArcStr::from(text);
    set.insert(shared.clone());
    shared
}

impl Interner {
    /// Runs `load` with an empty interner, and empties it afterwards.
    pub(crate) fn scope<T>(load: impl FnOnce() -> T) -> T {
        SHARED.with(|s| s.borrow_mut().clear());
        let out = load();
        SHARED.with(|s| *s.borrow_mut() = SharedSet::default());
        out
    }

    /// The shared copy of `text`.
    pub(crate) fn share(text: &str) -> ArcStr {
        SHARED.with(|s| share_in(&mut s.borrow_mut(), text))
    }
}

/// Reads a string as its shared copy, from the reader's buffer where it
/// lends one (no string allocated for a repeat).
fn shared<'de, D: serde::Deserializer<'de>>(d: D) -> Result<ArcStr, D::Error> {
    d.deserialize_str(SharedStr)
}

/// Reads an optional string as its shared copy.
fn shared_opt<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<ArcStr>, D::Error> {
    d.deserialize_option(SharedOpt)
}

struct SharedStr;

impl serde::de::Visitor<'_> for SharedStr {
    type Value = ArcStr;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ArcStr, E> {
        Ok(Interner::share(v))
    }
}

struct SharedOpt;

impl<'de> serde::de::Visitor<'de> for SharedOpt {
    type Value = Option<ArcStr>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an optional string")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> Result<Self::Value, D::Error> {
        shared(d).map(Some)
    }
}

/// An edge of the graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edge {
    /// Actor -> claim: the actor made the claim.
    Attributed {
        /// The speech act the cue reports.
        class: CueClass,
        /// True when the document quotes the actor verbatim.
        direct: bool,
        /// Where the attribution was found.
        evidence: Evidence,
    },
    /// Claim -> document: the document reports the claim.
    ReportedIn {
        /// Where the report was found.
        evidence: Evidence,
        /// True when the document quotes the words, false when it
        /// paraphrases them.
        #[serde(default)]
        direct: bool,
    },
    /// Document -> source: the document cites the source.
    Cites {
        /// Where the citation is.
        evidence: Evidence,
    },
    /// Claim -> source: the claim rests on the source.
    BackedBy {
        /// The citation that backs the claim.
        evidence: Evidence,
    },
    /// Source -> document: a citation marker names a document of the
    /// corpus.
    Identifies {
        /// The marker.
        evidence: Evidence,
    },
    /// Claim -> claim: two reports that cannot both hold.
    ///
    /// The reports are boxed, as the two disputing variants are rare and
    /// would otherwise make every edge of the graph as large as two
    /// reports.
    Contradicts {
        /// The report of the source claim.
        a: Box<Report>,
        /// The report of the target claim.
        b: Box<Report>,
        /// The rule that linked them ("counter/polarity", …).
        rule: ArcStr,
        /// Why, in words a reader can check.
        reason: ArcStr,
        /// How sure the rule is, in percent.
        confidence: u8,
        /// What a fact-checker decided about the link, if anything.
        #[serde(default)]
        status: LinkStatus,
    },
    /// Document -> claim: the document itself says the claim is false.
    Disputes {
        /// The disputed report, in the disputing document (boxed, as for
        /// `Contradicts`).
        report: Box<Report>,
        /// The words that dispute it ("falsely").
        marker: ArcStr,
        /// Where those words are, in code points.
        marker_span: [usize; 2],
        /// The rule that found it.
        rule: ArcStr,
        /// Why, in words.
        reason: ArcStr,
        /// How sure the rule is, in percent.
        confidence: u8,
    },
}

/// One report of a claim: who made it, and the evidence.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Report {
    /// The actor's node id, when the report has a speaker.
    pub actor: Option<String>,
    /// Where the report is.
    pub evidence: Evidence,
}

/// What a fact-checker decided about a machine-made link.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
pub enum LinkStatus {
    /// Found by a rule; nobody has checked it.
    #[default]
    Found,
    /// Confirmed by a curation entry.
    Confirmed,
}

impl Edge {
    /// The evidence the edge carries.
    ///
    /// For a link between two reports, the evidence of the first.
    pub fn evidence(&self) -> &Evidence {
        match self {
            Edge::Attributed { evidence, .. } => evidence,
            Edge::ReportedIn { evidence, .. }
            | Edge::Cites { evidence }
            | Edge::BackedBy { evidence }
            | Edge::Identifies { evidence } => evidence,
            Edge::Contradicts { a, .. } => &a.evidence,
            Edge::Disputes { report, .. } => &report.evidence,
        }
    }

    /// The lower-case name of the edge's kind.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Edge::Attributed { .. } => "attributed",
            Edge::ReportedIn { .. } => "reported_in",
            Edge::Contradicts { .. } => "contradicts",
            Edge::Disputes { .. } => "disputes",
            Edge::Cites { .. } => "cites",
            Edge::BackedBy { .. } => "backed_by",
            Edge::Identifies { .. } => "identifies",
        }
    }
}

/// One edge in [`GraphData`], with its ends named by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EdgeRecord {
    /// The source node's id.
    pub from: String,
    /// The target node's id.
    pub to: String,
    /// The edge.
    pub edge: Edge,
}

/// The plain, canonically sorted form of a [`ClaimGraph`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphData {
    /// Nodes sorted by id.
    pub nodes: Vec<Node>,
    /// Edges sorted by source id, target id and evidence.
    pub edges: Vec<EdgeRecord>,
}

/// [`GraphData`] borrowed from a graph (see [`ClaimGraph::view`]); it
/// serializes exactly as the `GraphData` it stands for.
///
/// The edges are kept as their indexes in the graph, sorted, and read
/// through it ([`GraphView::edge`]): four bytes an edge rather than a
/// record of three references, for the millions of edges of a large
/// graph.
#[derive(Debug)]
pub struct GraphView<'g> {
    /// Nodes sorted by id.
    pub nodes: Vec<&'g Node>,
    graph: &'g StableDiGraph<Node, Edge>,
    /// Edges sorted by source id, target id and evidence.
    order: Vec<EdgeIndex>,
}

impl<'g> GraphView<'g> {
    /// The number of edges.
    pub fn edge_count(&self) -> usize {
        self.order.len()
    }

    /// The `i`-th edge, in sorted order.
    pub fn edge(&self, i: usize) -> EdgeView<'g> {
        edge_view(self.graph, self.order[i])
    }

    /// The edges, in sorted order.
    pub fn edges(&self) -> impl ExactSizeIterator<Item = EdgeView<'g>> + '_ {
        self.order.iter().map(|&e| edge_view(self.graph, e))
    }
}

/// Edge `e` of `graph`, with its ends' ids.
fn edge_view(graph: &StableDiGraph<Node, Edge>, e: EdgeIndex) -> EdgeView<'_> {
    let (from, to) = graph.edge_endpoints(e).expect("an edge of the graph");
    EdgeView { from: graph[from].id(), to: graph[to].id(), edge: &graph[e] }
}

impl Serialize for GraphView<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("GraphData", 2)?;
        st.serialize_field("nodes", &self.nodes)?;
        st.serialize_field("edges", &EdgesOf(self))?;
        st.end()
    }
}

/// The edges of a [`GraphView`], serialized as a list of [`EdgeView`].
struct EdgesOf<'v, 'g>(&'v GraphView<'g>);

impl Serialize for EdgesOf<'_, '_> {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.edges())
    }
}

/// An [`EdgeRecord`] borrowed from a graph.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename = "EdgeRecord")]
pub struct EdgeView<'g> {
    /// The source node's id.
    pub from: &'g str,
    /// The target node's id.
    pub to: &'g str,
    /// The edge.
    pub edge: &'g Edge,
}

/// The second report of a link, so that two links between the same
/// claims sort by both their reports.
fn sort_key(edge: &Edge) -> Option<&Evidence> {
    match edge {
        Edge::Contradicts { b, .. } => Some(&b.evidence),
        _ => None,
    }
}

/// Counts of a graph's parts, for summaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Document nodes.
    pub documents: usize,
    /// Actor nodes.
    pub actors: usize,
    /// Claim nodes.
    pub claims: usize,
    /// Source nodes.
    pub sources: usize,
    /// Edges of every kind.
    pub edges: usize,
}

/// The graph of who said what.
///
/// ```
/// use claimgraph::{Actor, ActorKind, Claim, ClaimGraph};
/// let mut g = ClaimGraph::new();
/// let a = g.add_actor(Actor::new("actor:x", "X", ActorKind::Person, "X"));
/// let again =
///     g.add_actor(Actor::new("actor:x", "X", ActorKind::Person, "Mr. X"));
/// assert_eq!(a, again);
/// assert_eq!(g.counts().actors, 1);
/// ```
#[derive(Debug, Default)]
pub struct ClaimGraph {
    graph: StableDiGraph<Node, Edge>,
    index: BTreeMap<String, NodeIndex>,
}

/// A handle to a node of a [`ClaimGraph`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NodeRef(NodeIndex);

impl NodeRef {
    /// The handle as a number, for a caller that keeps many of them.
    pub(crate) fn number(self) -> u32 {
        self.0.index() as u32
    }

    /// The handle of [`NodeRef::number`] `n`.
    pub(crate) fn from_number(n: u32) -> NodeRef {
        NodeRef(NodeIndex::new(n as usize))
    }
}

impl ClaimGraph {
    /// An empty graph.
    pub fn new() -> ClaimGraph {
        ClaimGraph::default()
    }

    /// Adds a document node, or returns the one with the same id.
    pub fn add_document(&mut self, doc: DocumentNode) -> NodeRef {
        self.upsert(Node::Document(doc))
    }

    /// Adds an actor, or merges its mentions, roles, affiliations and
    /// evidence into the one with its id.
    ///
    /// A new actor's lists are sorted and made unique, as merging them
    /// into themselves made them, without a copy of the actor to merge.
    pub fn add_actor(&mut self, mut actor: Actor) -> NodeRef {
        match self.index.entry(actor.id.clone()) {
            btree_map::Entry::Occupied(e) => {
                let node = NodeRef(*e.get());
                if let Node::Actor(a) = &mut self.graph[node.0] {
                    merge_sorted(&mut a.mentions, actor.mentions);
                    merge_sorted(&mut a.roles, actor.roles);
                    merge_sorted(&mut a.affiliations, actor.affiliations);
                    merge_sorted(&mut a.evidence, actor.evidence);
                }
                node
            }
            btree_map::Entry::Vacant(e) => {
                for list in [
                    &mut actor.mentions,
                    &mut actor.roles,
                    &mut actor.affiliations,
                    &mut actor.evidence,
                ] {
                    list.sort();
                    list.dedup();
                }
                let i = self.graph.add_node(Node::Actor(actor));
                e.insert(i);
                NodeRef(i)
            }
        }
    }

    /// [`ClaimGraph::add_actor`] as first made, merging a copy of every
    /// actor into its node: the reference the tests hold it to.
    #[cfg(test)]
    fn add_actor_by_copy(&mut self, actor: Actor) -> NodeRef {
        let new = actor.clone();
        let node = self.upsert_by_lookup(Node::Actor(actor));
        if let Node::Actor(a) = &mut self.graph[node.0] {
            merge_sorted(&mut a.mentions, new.mentions);
            merge_sorted(&mut a.roles, new.roles);
            merge_sorted(&mut a.affiliations, new.affiliations);
            merge_sorted(&mut a.evidence, new.evidence);
        }
        node
    }

    /// Adds a source node, or returns the one with the same id.
    pub fn add_source(&mut self, source: SourceNode) -> NodeRef {
        self.upsert(Node::Source(source))
    }

    /// Adds a claim, or returns the one with the same id.
    pub fn add_claim(&mut self, claim: Claim) -> NodeRef {
        self.upsert(Node::Claim(claim))
    }

    /// The node with the id `id`, or when there is none a claim of that
    /// id with the text `text` gives (called only then). As [`find`]
    /// then [`add_claim`], with one walk of the index where those took
    /// three for a new claim.
    ///
    /// [`find`]: ClaimGraph::find
    /// [`add_claim`]: ClaimGraph::add_claim
    pub(crate) fn find_or_add_claim(
        &mut self,
        id: String,
        text: impl FnOnce() -> String,
    ) -> NodeRef {
        match self.index.entry(id) {
            btree_map::Entry::Occupied(e) => NodeRef(*e.get()),
            btree_map::Entry::Vacant(e) => {
                let claim = Claim::new(e.key().clone(), text());
                let i = self.graph.add_node(Node::Claim(claim));
                e.insert(i);
                NodeRef(i)
            }
        }
    }

    /// Makes room for `nodes` more nodes and `edges` more edges, and no
    /// more: a large graph's edge list grown by doubling holds its old
    /// and new arrays at once when it grows, and room never filled is
    /// never touched.
    pub fn reserve(&mut self, nodes: usize, edges: usize) {
        self.graph.reserve_exact_nodes(nodes);
        self.graph.reserve_exact_edges(edges);
    }

    /// Links `from` to `to` with `edge`.
    pub fn link(&mut self, from: NodeRef, to: NodeRef, edge: Edge) {
        self.graph.add_edge(from.0, to.0, edge);
    }

    /// The node with `node`'s id, added when there is none. One walk of
    /// the index finds the id or the place it goes: a look-up, then an
    /// insertion, walked it twice for every new node, and a build adds a
    /// node for each of its documents, claims and actors.
    fn upsert(&mut self, node: Node) -> NodeRef {
        match self.index.entry(node.id().to_string()) {
            btree_map::Entry::Occupied(e) => NodeRef(*e.get()),
            btree_map::Entry::Vacant(e) => {
                let i = self.graph.add_node(node);
                e.insert(i);
                NodeRef(i)
            }
        }
    }

    /// [`ClaimGraph::upsert`] as first made, a look-up then an
    /// insertion: the reference the tests hold it to.
    #[cfg(test)]
    fn upsert_by_lookup(&mut self, node: Node) -> NodeRef {
        if let Some(&i) = self.index.get(node.id()) {
            return NodeRef(i);
        }
        let id = node.id().to_string();
        let i = self.graph.add_node(node);
        self.index.insert(id, i);
        NodeRef(i)
    }

    /// The node with the id `id`, if any.
    pub fn find(&self, id: &str) -> Option<NodeRef> {
        self.index.get(id).map(|&i| NodeRef(i))
    }

    /// The node behind a handle.
    pub fn node(&self, node: NodeRef) -> &Node {
        &self.graph[node.0]
    }

    /// Every node, in id order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.index.values().map(|&i| &self.graph[i])
    }

    /// The edges leaving `node`, with their targets.
    pub fn outgoing(
        &self,
        node: NodeRef,
    ) -> impl Iterator<Item = (&Edge, &Node)> + '_ {
        self.graph
            .edges_directed(node.0, Direction::Outgoing)
            .map(|e| (e.weight(), &self.graph[e.target()]))
    }

    /// The edges entering `node`, with their sources.
    pub fn incoming(
        &self,
        node: NodeRef,
    ) -> impl Iterator<Item = (&Edge, &Node)> + '_ {
        self.graph
            .edges_directed(node.0, Direction::Incoming)
            .map(|e| (e.weight(), &self.graph[e.source()]))
    }

    /// The claim with the id `id`, to change its verdicts.
    pub fn claim_mut(&mut self, id: &str) -> Option<&mut Claim> {
        let i = *self.index.get(id)?;
        match &mut self.graph[i] {
            Node::Claim(c) => Some(c),
            _ => None,
        }
    }

    /// Removes the edges for which `drop` says true; returns how many.
    pub fn remove_edges(
        &mut self,
        mut drop: impl FnMut(&str, &str, &Edge) -> bool,
    ) -> usize {
        let doomed: Vec<_> = self
            .graph
            .edge_references()
            .filter(|e| {
                let (f, t) =
                    (&self.graph[e.source()], &self.graph[e.target()]);
                drop(f.id(), t.id(), e.weight())
            })
            .map(|e| e.id())
            .collect();
        for e in &doomed {
            self.graph.remove_edge(*e);
        }
        doomed.len()
    }

    /// Changes, in place, every edge for which `change` returns true.
    pub fn update_edges(
        &mut self,
        mut change: impl FnMut(&str, &str, &mut Edge) -> bool,
    ) -> usize {
        let ids: Vec<_> = self.graph.edge_indices().collect();
        let mut changed = 0;
        for e in ids {
            let (f, t) = self.graph.edge_endpoints(e).expect("edge exists");
            let (f, t) = (
                self.graph[f].id().to_string(),
                self.graph[t].id().to_string(),
            );
            if change(&f, &t, &mut self.graph[e]) {
                changed += 1;
            }
        }
        changed
    }

    /// Folds the node `from` into the node `into`: every edge of `from`
    /// moves to `into`, actor mentions are merged, and `from` goes.
    /// Returns false when either id names no node.
    pub fn merge_into(&mut self, from: &str, into: &str) -> bool {
        let (Some(&f), Some(&t)) =
            (self.index.get(from), self.index.get(into))
        else {
            return false;
        };
        if f == t {
            return true;
        }
        let moved: Vec<_> = self
            .graph
            .edges_directed(f, Direction::Outgoing)
            .map(|e| (t, e.target(), e.weight().clone()))
            .chain(
                self.graph
                    .edges_directed(f, Direction::Incoming)
                    .map(|e| (e.source(), t, e.weight().clone())),
            )
            .collect();
        for (a, b, w) in moved {
            self.graph.add_edge(a, b, w);
        }
        let old_mentions = match &self.graph[f] {
            Node::Actor(old) => old.mentions.clone(),
            _ => Vec::new(),
        };
        if let Node::Actor(new) = &mut self.graph[t] {
            new.mentions.extend(old_mentions);
            new.mentions.sort();
            new.mentions.dedup();
        }
        self.graph.remove_node(f);
        self.index.remove(from);
        true
    }

    /// Counts nodes by kind and edges.
    pub fn counts(&self) -> Counts {
        let mut c =
            Counts { edges: self.graph.edge_count(), ..Counts::default() };
        for n in self.graph.node_weights() {
            match n {
                Node::Actor(_) => c.actors += 1,
                Node::Claim(_) => c.claims += 1,
                Node::Document(_) => c.documents += 1,
                Node::Source(_) => c.sources += 1,
            }
        }
        c
    }

    /// The graph's plain form, sorted so that equal graphs give equal data.
    pub fn to_data(&self) -> GraphData {
        let view = self.view();
        GraphData {
            nodes: view.nodes.iter().copied().cloned().collect(),
            edges: view
                .edges()
                .map(|e| EdgeRecord {
                    from: e.from.to_string(),
                    to: e.to.to_string(),
                    edge: e.edge.clone(),
                })
                .collect(),
        }
    }

    /// [`Self::to_data`] without copying the graph: the same order, and
    /// it serializes to the same text, but it borrows every node and edge.
    pub fn view(&self) -> GraphView<'_> {
        let nodes: Vec<&Node> = self.nodes().collect();
        let graph = &self.graph;
        // Each node's place in id order, so that edges compare by their
        // ends as numbers; the ids compare only between edges of the
        // same two ends.
        let mut place = vec![0u32; graph.node_bound()];
        for (n, &i) in self.index.values().enumerate() {
            place[i.index()] = n as u32;
        }
        // The edges from each node in id order, each node's sorted by
        // their other end's place, then kind and evidence: the order of
        // one sort of all the edges by both ends, without a list of
        // sixteen-byte keys for all of them (136 MB for 8.5 million
        // edges, held beside the graph as it is written). Edges that
        // compare equal keep the order they were added in.
        let mut order: Vec<EdgeIndex> = Vec::with_capacity(graph.edge_count());
        let mut out: Vec<(u32, EdgeIndex)> = Vec::new();
        for &n in self.index.values() {
            out.clear();
            out.extend(
                graph
                    .edges_directed(n, Direction::Outgoing)
                    .map(|e| (place[e.target().index()], e.id())),
            );
            out.sort_unstable_by(|&(ka, a), &(kb, b)| {
                ka.cmp(&kb).then_with(|| {
                    let (x, y) = (edge_view(graph, a), edge_view(graph, b));
                    x.edge
                        .kind_name()
                        .cmp(y.edge.kind_name())
                        .then_with(|| x.edge.evidence().cmp(y.edge.evidence()))
                        .then_with(|| sort_key(x.edge).cmp(&sort_key(y.edge)))
                        .then_with(|| a.index().cmp(&b.index()))
                })
            });
            order.extend(out.iter().map(|&(_, e)| e));
        }
        drop(place);
        order.dedup_by(|&mut a, &mut b| {
            edge_view(graph, a) == edge_view(graph, b)
        });
        GraphView { nodes, graph, order }
    }

    /// Rebuilds a graph from its plain form.
    ///
    /// Edges whose ends name no node are returned as an error message.
    pub fn from_data(data: GraphData) -> Result<ClaimGraph, String> {
        let edges = data.edges.into_iter().map(|e| (e.from, e.to, e.edge));
        ClaimGraph::from_parts(data.nodes, edges.collect())
    }

    /// [`from_data`](Self::from_data) from nodes and `(from, to, edge)`
    /// triples, the ends given as any string (the store lends them from
    /// the file's bytes rather than allocating two strings per edge).
    pub fn from_parts<S: AsRef<str>>(
        nodes: Vec<Node>,
        edges: Vec<(S, S, Edge)>,
    ) -> Result<ClaimGraph, String> {
        // Each edge's ends by position in `nodes`, looked up in a hash
        // map made for the purpose: millions of lookups in the sorted
        // index would compare ids character by character.
        let ends: Vec<(usize, usize)> = {
            let mut ids: std::collections::HashMap<
                &str,
                usize,
                foldhash::fast::RandomState,
            > = std::collections::HashMap::with_capacity_and_hasher(
                nodes.len(),
                foldhash::fast::RandomState::default(),
            );
            for (i, node) in nodes.iter().enumerate() {
                if ids.insert(node.id(), i).is_some() {
                    return Err(format!(
                        "node id {} appears twice",
                        node.id()
                    ));
                }
            }
            let mut ends = Vec::with_capacity(edges.len());
            for (from, to, _) in &edges {
                let (from, to) = (from.as_ref(), to.as_ref());
                match (ids.get(from), ids.get(to)) {
                    (Some(&f), Some(&t)) => ends.push((f, t)),
                    _ => {
                        return Err(format!(
                            "edge {from} -> {to} names a missing node"
                        ));
                    }
                }
            }
            ends
        };
        // Room for everything at once: growing the edge list by doubling
        // would copy it (and fault in fresh pages) several times over.
        let mut g = ClaimGraph {
            graph: StableDiGraph::with_capacity(nodes.len(), edges.len()),
            index: BTreeMap::new(),
        };
        let at: Vec<NodeRef> =
            nodes.into_iter().map(|n| g.upsert(n)).collect();
        for ((f, t), (_, _, edge)) in ends.into_iter().zip(edges) {
            g.link(at[f], at[t], edge);
        }
        Ok(g)
    }
}

/// Builds a graph from its nodes, then its edges one at a time, their
/// ends named by id or numbered by their place among the nodes: how a
/// load fills a graph as it reads the file, without a list of every edge
/// in between.
#[derive(Debug)]
pub(crate) struct GraphBuilder {
    g: ClaimGraph,
    /// Each node's index by id, made at the first edge named by id:
    /// millions of edge ends are looked up, and the sorted index would
    /// compare ids character by character.
    ids: Option<
        std::collections::HashMap<
            String,
            NodeIndex,
            foldhash::fast::RandomState,
        >,
    >,
    /// Each node's index, in the order the nodes were given.
    order: Vec<NodeIndex>,
}

impl GraphBuilder {
    /// A graph of `nodes`, with room for `edges` edges. A node id that
    /// appears twice is an error, as in [`ClaimGraph::from_parts`].
    pub(crate) fn new(
        nodes: Vec<Node>,
        edges: usize,
    ) -> Result<GraphBuilder, String> {
        let mut g = ClaimGraph {
            graph: StableDiGraph::with_capacity(nodes.len(), edges),
            index: BTreeMap::new(),
        };
        let mut order = Vec::with_capacity(nodes.len());
        for node in nodes {
            let id = node.id().to_string();
            let at = g.graph.add_node(node);
            if let Some(first) = g.index.insert(id, at) {
                let id = g.graph[first].id();
                return Err(format!("node id {id} appears twice"));
            }
            order.push(at);
        }
        Ok(GraphBuilder { g, ids: None, order })
    }

    /// Links the `from`-th and `to`-th of the nodes given to [`Self::new`]
    /// with `edge`; a number past the last node is an error.
    pub(crate) fn link_at(
        &mut self,
        from: u32,
        to: u32,
        edge: Edge,
    ) -> Result<(), String> {
        let at = |n: u32| self.order.get(n as usize).copied();
        match (at(from), at(to)) {
            (Some(f), Some(t)) => {
                self.g.graph.add_edge(f, t, edge);
                Ok(())
            }
            _ => Err(format!(
                "edge {from} -> {to} names a missing node (the graph has {})",
                self.order.len()
            )),
        }
    }

    /// Links the nodes `from` and `to` with `edge`; an end that names no
    /// node is an error, as in [`ClaimGraph::from_parts`].
    pub(crate) fn link(
        &mut self,
        from: &str,
        to: &str,
        edge: Edge,
    ) -> Result<(), String> {
        let index = &self.g.index;
        let ids = self.ids.get_or_insert_with(|| {
            index.iter().map(|(id, &at)| (id.clone(), at)).collect()
        });
        match (ids.get(from), ids.get(to)) {
            (Some(&f), Some(&t)) => {
                self.g.graph.add_edge(f, t, edge);
                Ok(())
            }
            _ => Err(format!("edge {from} -> {to} names a missing node")),
        }
    }

    /// The graph built.
    pub(crate) fn finish(self) -> ClaimGraph {
        self.g
    }
}

/// Adds `more` to the sorted, unique list `into`.
fn merge_sorted(into: &mut Vec<String>, more: Vec<String>) {
    into.extend(more);
    into.sort();
    into.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails unless two graphs have the same id index and the same node
    /// under each id.
    fn assert_same_nodes(new: &ClaimGraph, old: &ClaimGraph) {
        assert_eq!(new.index, old.index);
        let nodes = |g: &ClaimGraph| -> Vec<Node> {
            g.index.values().map(|&i| g.graph[i].clone()).collect()
        };
        assert_eq!(nodes(new), nodes(old));
    }

    #[test]
    fn an_edge_stays_small() {
        // A large graph has two edges a report, millions of them: each
        // of the evidence's five strings is one pointer, and no rare
        // variant may make every edge larger than a report's.
        assert_eq!(std::mem::size_of::<Evidence>(), 72);
        assert_eq!(std::mem::size_of::<Edge>(), 80);
    }

    /// [`ClaimGraph::upsert`] against [`ClaimGraph::upsert_by_lookup`]:
    /// generated ids, many given again, as claims and documents, give the
    /// same handles, the same nodes (the first of each id kept) and the
    /// same index.
    #[test]
    fn upsert_is_upsert_by_lookup() {
        let ids = crate::model::random_texts(
            &["claim:", "doc:", "a", "b", "é", "0", ""],
            5_000,
            5,
            0x0b5e_7a11_d00d_f00d,
        );
        let (mut new, mut old) = (ClaimGraph::new(), ClaimGraph::new());
        for (k, id) in ids.iter().enumerate() {
            let node = if k % 3 == 0 {
                Node::Document(DocumentNode {
                    id: id.clone(),
                    name: format!("{k}"),
                    ..DocumentNode::default()
                })
            } else {
                Node::Claim(Claim::new(id.clone(), format!("{k}")))
            };
            let a = new.upsert(node.clone());
            let b = old.upsert_by_lookup(node);
            assert_eq!(a.number(), b.number(), "{id:?}");
        }
        assert!(new.index.len() < ids.len() / 2, "too few ids given again");
        assert_same_nodes(&new, &old);
    }

    /// [`ClaimGraph::find_or_add_claim`] against [`ClaimGraph::find`]
    /// then [`ClaimGraph::add_claim`], as the pipeline first made claim
    /// nodes: generated ids, many given again, some of them documents'
    /// ids already, give the same handles, nodes and index, and the text
    /// is taken exactly when a claim is added.
    #[test]
    fn find_or_add_claim_is_find_then_add_claim() {
        let ids = crate::model::random_texts(
            &["claim:", "doc:", "a", "b", "é", "0", ""],
            5_000,
            5,
            0x7e57_ab1e_c1a1_3000,
        );
        let (mut new, mut old) = (ClaimGraph::new(), ClaimGraph::new());
        for g in [&mut new, &mut old] {
            for id in ids.iter().step_by(7) {
                g.add_document(DocumentNode {
                    id: id.clone(),
                    ..DocumentNode::default()
                });
            }
        }
        let (mut taken_new, mut taken_old) = (0, 0);
        for (k, id) in ids.iter().enumerate() {
            let a = new.find_or_add_claim(id.clone(), || {
                taken_new += 1;
                format!("{k}")
            });
            let b = match old.find(id) {
                Some(node) => node,
                None => {
                    taken_old += 1;
                    old.add_claim(Claim::new(id.clone(), format!("{k}")))
                }
            };
            assert_eq!(a.number(), b.number(), "{id:?}");
        }
        assert_eq!(taken_new, taken_old);
        assert!(taken_new < ids.len() / 2, "too few ids given again");
        assert_same_nodes(&new, &old);
    }

    /// [`ClaimGraph::add_actor`] against [`ClaimGraph::add_actor_by_copy`]:
    /// generated actors, with unsorted lists holding the same string
    /// more than once, many ids given again and some already a
    /// document's, give the same handles, nodes and index.
    #[test]
    fn add_actor_is_add_actor_by_copy() {
        let ids = crate::model::random_texts(
            &["actor:", "doc:", "a", "b", "é", ""],
            3_000,
            4,
            0x0ac7_0a11_5eed_0001,
        );
        let words = crate::model::random_texts(
            &["x", "y", "Z", "é", "", " "],
            3_000 * 4,
            3,
            0x0ac7_0a11_5eed_0002,
        );
        let (mut new, mut old) = (ClaimGraph::new(), ClaimGraph::new());
        for g in [&mut new, &mut old] {
            for id in ids.iter().step_by(11) {
                g.add_document(DocumentNode {
                    id: id.clone(),
                    ..DocumentNode::default()
                });
            }
        }
        let mut unsorted = 0;
        for (k, id) in ids.iter().enumerate() {
            let list = |j: usize| -> Vec<String> {
                let w = &words[4 * k..4 * k + 4];
                w[..j % 4 + 1].iter().chain(&w[..j % 3]).cloned().collect()
            };
            let mut actor = Actor::new(id, "name", ActorKind::Person, "m");
            actor.mentions = list(k);
            actor.roles = list(k + 1);
            actor.affiliations = list(k + 2);
            actor.evidence = list(k + 3);
            unsorted += usize::from(!actor.mentions.is_sorted());
            let a = new.add_actor(actor.clone());
            let b = old.add_actor_by_copy(actor);
            assert_eq!(a.number(), b.number(), "{id:?}");
        }
        assert!(unsorted > 100, "too few unsorted lists: {unsorted}");
        assert!(new.index.len() < ids.len() / 2, "too few ids given again");
        assert_same_nodes(&new, &old);
    }

    #[test]
    fn a_builder_refuses_a_twice_given_id_and_a_number_past_the_nodes() {
        let node = || Node::Claim(Claim::new("claim:x", "t"));
        let err = GraphBuilder::new(vec![node(), node()], 0).unwrap_err();
        assert!(err.contains("claim:x appears twice"), "{err}");
        let mut b = GraphBuilder::new(vec![node()], 0).unwrap();
        let edge =
            || Edge::ReportedIn { evidence: evidence("d"), direct: false };
        let err = b.link_at(0, 1, edge()).unwrap_err();
        assert!(err.contains("names a missing node"), "{err}");
        assert!(b.link("claim:x", "claim:y", edge()).is_err());
        assert!(b.link_at(0, 0, edge()).is_ok());
        assert_eq!(b.finish().counts().edges, 1);
    }

    fn evidence(doc: &str) -> Evidence {
        Evidence {
            document: doc.into(),
            span: [0, 4],
            text: "text".into(),
            speaker: None,
            speaker_span: None,
            cue: None,
            cue_span: None,
            rule: "test".into(),
        }
    }

    fn sample() -> ClaimGraph {
        let mut g = ClaimGraph::new();
        let d = g.add_document(DocumentNode {
            id: "doc:a".into(),
            name: "a".into(),
            ..DocumentNode::default()
        });
        let c = g.add_claim(Claim::new("claim:1", "t"));
        let a =
            g.add_actor(Actor::new("actor:x", "X", ActorKind::Person, "X"));
        let ev = evidence("a");
        g.link(c, d, Edge::ReportedIn { evidence: ev.clone(), direct: false });
        g.link(
            a,
            c,
            Edge::Attributed {
                class: CueClass::Said,
                direct: false,
                evidence: ev,
            },
        );
        g
    }

    #[test]
    fn data_round_trip_keeps_everything() {
        let g = sample();
        let data = g.to_data();
        let back = ClaimGraph::from_data(data.clone()).unwrap();
        assert_eq!(back.to_data(), data);
        assert_eq!(
            back.counts(),
            Counts {
                documents: 1,
                actors: 1,
                claims: 1,
                sources: 0,
                edges: 2
            }
        );
    }

    #[test]
    fn missing_node_is_refused() {
        let mut data = sample().to_data();
        data.edges[0].to = "doc:nowhere".into();
        assert!(ClaimGraph::from_data(data).is_err());
    }

    #[test]
    fn actor_mentions_merge() {
        let mut g = sample();
        let mut again = Actor::new("actor:x", "X", ActorKind::Person, "X");
        again.mentions.insert(0, "Mr. X".into());
        again.roles.push("Senator".into());
        g.add_actor(again);
        let Node::Actor(a) = g.node(g.find("actor:x").unwrap()) else {
            panic!("not an actor")
        };
        assert_eq!(a.mentions, vec!["Mr. X".to_string(), "X".to_string()]);
        assert_eq!(a.roles, vec!["Senator".to_string()]);
    }
}
