//! Reads and writes a [`ClaimGraph`] as RON inside a versioned envelope.
//!
//! This module sits at the end of the build stage and the start of every
//! later command: `build` saves the graph here, and `query`/`export` load it
//! back. It is the only module that names `ron`. A file holds one
//! `Envelope(format: "claimgraph", version: N, graph: GraphData(..))`; the
//! graph part is the canonically sorted [`GraphData`], so saving the same
//! graph twice gives the same bytes. Loading checks the envelope first, so a
//! foreign file or one from a newer claimgraph is refused with a clear
//! message before its body is looked at. Writes go to a temporary file in
//! the target's folder that is renamed over the target, so a crash never
//! leaves a half-written graph behind. [`StoreError`] names the file in
//! every message.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use ron::error::SpannedError;
#[cfg(test)]
use ron::ser::PrettyConfig;
use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::curation::Curation;
use crate::graph::{ClaimGraph, GraphBuilder, GraphData, GraphView, Interner};
use crate::model::{AliasTable, Document};

mod ron_writer;

/// The alias table shipped with claimgraph, `data/aliases.ron`.
const BUILTIN_ALIASES: &str = include_str!("../data/aliases.ron");

/// The version of the file format this build writes, and the newest it
/// reads.
pub const FORMAT_VERSION: u32 = 1;

/// The version of the binary form (`graph.bin`) this build writes, and
/// the newest it reads. Version 1 named each edge's ends by node id;
/// version 2 numbers them by their place in the node list, which makes
/// the file smaller and its load quicker (no id to read, check and look
/// up twice per edge). Both are read.
pub const BINARY_VERSION: u32 = 2;

/// The `format` tag every claimgraph file carries.
const FORMAT_TAG: &str = "claimgraph";

/// Why a graph could not be stored or loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The file could not be written (or its folder created).
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The file's bytes are not UTF-8 text.
    #[error(
        "{} is not a claimgraph file: it is not UTF-8 text \
         (invalid byte at offset {offset})",
        path.display()
    )]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A curation file that does not read as one.
    #[error("{}:{position}: not a valid curation file: {message}",
        path.display())]
    Curation {
        /// The file.
        path: PathBuf,
        /// Where the parser stopped, `line:col`.
        position: String,
        /// The parser's message.
        message: String,
    },
    /// The file is not RON at all.
    #[error("{}:{position}: not a claimgraph file: not valid RON: {message}",
        path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Where the parser stopped, `line:col`.
        position: String,
        /// The parser's message.
        message: String,
    },
    /// The file stops in the middle of the graph.
    #[error(
        "{}:{position}: the file ends early; it is truncated ({message})",
        path.display()
    )]
    Truncated {
        /// The file.
        path: PathBuf,
        /// Where the parser hit the end, `line:col`.
        position: String,
        /// The parser's message.
        message: String,
    },
    /// The file is RON, but not a claimgraph file.
    #[error("{} is not a claimgraph file: {found}", path.display())]
    Foreign {
        /// The file.
        path: PathBuf,
        /// What was found instead of the claimgraph envelope.
        found: String,
    },
    /// The file was written by a newer claimgraph.
    #[error(
        "{} was written by a newer claimgraph (format version {version}; \
         this build reads up to {newest})",
        path.display()
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The version the file declares.
        version: u64,
        /// The newest version of its form this build reads.
        newest: u32,
    },
    /// The file declares a version this build does not know (0, or not a
    /// whole number).
    #[error(
        "{} has an unknown format version {found} (expected a whole \
         number from 1 up to {FORMAT_VERSION})",
        path.display()
    )]
    BadVersion {
        /// The file.
        path: PathBuf,
        /// The declared version as written.
        found: String,
    },
    /// The envelope is right but the graph inside has the wrong shape.
    #[error("{}:{position}: malformed claimgraph file: {message}",
        path.display())]
    Shape {
        /// The file.
        path: PathBuf,
        /// Where the parser stopped, `line:col`.
        position: String,
        /// The parser's message.
        message: String,
    },
    /// The graph is well formed but inconsistent (an edge names a missing
    /// node, say).
    #[error("{} holds an inconsistent graph: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A binary graph file ([`Store::Binary`]) that does not decode.
    #[error("{} is a damaged binary claimgraph file: {message}",
        path.display())]
    BadBinary {
        /// The file.
        path: PathBuf,
        /// What the decoder said.
        message: String,
    },
    /// The graph could not be turned into RON.
    #[error("cannot write the graph as RON: {0}")]
    Serialize(String),
}

/// What a file holds: a tag, a version and the graph, and for a shard
/// (`build --shard`) the articles it was built from, so that `merge` can
/// run the corpus-wide passes over the union of several shards.
#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    graph: GraphData,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    documents: Vec<Document>,
}

/// The `ron` settings whose output [`ron_writer`] reproduces byte for
/// byte, faster; the tests hold the two to each other.
///
/// Strings are written as they are, not escaped: `ron` escapes a
/// character at a time (`char::escape_debug`), which was more than half of
/// writing a large `graph.ron`. A string holding `"` or `\` is written
/// raw (`r#"…"#`), which every RON reader takes, and reads back the same.
#[cfg(test)]
fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .separator(" ")
        .struct_names(true)
        .escape_strings(false)
        .compact_arrays(false)
        .compact_structs(false)
        .enumerate_arrays(false)
        .depth_limit(usize::MAX)
}

/// Writes `g` as pretty RON in its envelope, ending with a newline.
///
/// Equal graphs give equal text, whatever order they were built in.
pub fn to_ron(g: &ClaimGraph) -> Result<String, StoreError> {
    let mut text = Vec::new();
    write_ron(&envelope(&g.view(), &[]), &mut text)
        .map_err(|e| StoreError::Serialize(e.to_string()))?;
    Ok(String::from_utf8(text).expect("RON text is UTF-8"))
}

/// Writes `envelope` as pretty RON ending with a newline. A serializer
/// error comes back as an I/O error.
fn write_ron(envelope: &EnvelopeOut, w: &mut dyn Write) -> io::Result<()> {
    ron_writer::write(envelope, w)?;
    w.write_all(b"\n")
}

/// An [`Envelope`] for writing: the graph borrowed, not copied, and
/// serialized exactly as an `Envelope` holding it.
#[derive(Serialize)]
#[serde(rename = "Envelope")]
struct EnvelopeOut<'v, 'g> {
    format: &'static str,
    version: u32,
    graph: &'v GraphView<'g>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    documents: Vec<&'g Document>,
}

/// The envelope of the graph `view` and, for a shard, its articles
/// sorted by id.
fn envelope<'v, 'g>(
    view: &'v GraphView<'g>,
    documents: &'g [Document],
) -> EnvelopeOut<'v, 'g> {
    let mut documents: Vec<&Document> = documents.iter().collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    EnvelopeOut {
        format: FORMAT_TAG,
        version: FORMAT_VERSION,
        graph: view,
        documents,
    }
}

/// Reads a graph from RON text; `path_for_messages` names the file in
/// errors.
///
/// The envelope is checked before the graph, so a foreign file or one
/// from a newer claimgraph is refused as such even when its body has a
/// different shape.
pub fn from_ron(
    text: &str,
    path_for_messages: &Path,
) -> Result<ClaimGraph, StoreError> {
    Interner::scope(|| from_ron_with(text, path_for_messages)).map(|(g, _)| g)
}

/// Reads a graph and the articles stored with it (none unless it was
/// saved by [`save_shard`]).
fn from_ron_with(
    text: &str,
    path_for_messages: &Path,
) -> Result<(ClaimGraph, Vec<Document>), StoreError> {
    let path = path_for_messages;
    // A well-formed graph of a known version parses straight into its
    // types: one pass over the text, which matters for a graph of
    // gigabytes. Anything else takes the slower road below, which says
    // exactly what is wrong.
    if let Ok(envelope) = ron::from_str::<Envelope>(text) {
        let known = 1..=FORMAT_VERSION;
        if envelope.format == FORMAT_TAG && known.contains(&envelope.version) {
            let g =
                ClaimGraph::from_data(envelope.graph).map_err(|message| {
                    StoreError::Invalid { path: path.to_path_buf(), message }
                })?;
            return Ok((g, envelope.documents));
        }
    }
    let value: ron::Value =
        ron::from_str(text).map_err(|e| syntax_error(path, text, &e))?;
    check_envelope(path, &value)?;
    let envelope: Envelope =
        ron::from_str(text).map_err(|e| StoreError::Shape {
            path: path.to_path_buf(),
            position: e.span.start.to_string(),
            message: e.code.to_string(),
        })?;
    let g = ClaimGraph::from_data(envelope.graph).map_err(|message| {
        StoreError::Invalid { path: path.to_path_buf(), message }
    })?;
    Ok((g, envelope.documents))
}

/// The curation file `build` and `merge` read when none is named.
pub const DEFAULT_CURATION: &str = "data/curation.ron";

/// The curation file read: the one named, else [`DEFAULT_CURATION`].
pub fn curation_path(named: Option<&Path>) -> &Path {
    named.unwrap_or(Path::new(DEFAULT_CURATION))
}

/// Reads the curation file named on the command line, or else the
/// default one (see [`crate::curation`]). A missing default is no
/// curation; a missing file that was named is an error, as a mistyped
/// path would otherwise drop every verdict without a word. A malformed
/// file is an error naming the file and position.
pub fn read_curation(named: Option<&Path>) -> Result<Curation, StoreError> {
    let path = curation_path(named);
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound && named.is_none() => {
            return Ok(Curation::default());
        }
        Err(source) => {
            return Err(StoreError::Read { path: path.to_path_buf(), source });
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| StoreError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    ron::from_str(&text).map_err(|e| StoreError::Curation {
        path: path.to_path_buf(),
        position: e.span.start.to_string(),
        message: e.code.to_string(),
    })
}

/// Classifies a parse error of the raw text as truncation or bad syntax.
fn syntax_error(path: &Path, text: &str, e: &SpannedError) -> StoreError {
    let path = path.to_path_buf();
    let message = e.code.to_string();
    let at_end = e.code == ron::Error::Eof
        || (e.span.end.line, e.span.end.col) == end_position(text);
    if at_end {
        let position = e.span.end.to_string();
        StoreError::Truncated { path, position, message }
    } else {
        let position = e.span.start.to_string();
        StoreError::Syntax { path, position, message }
    }
}

/// The `(line, col)` just past the last character of `text`, counted the
/// way ron counts (1-based, in characters).
fn end_position(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let last = text.rsplit('\n').next().unwrap_or("");
    (line, 1 + last.chars().count())
}

/// Checks the `format` tag and the `version` of a parsed file.
fn check_envelope(path: &Path, value: &ron::Value) -> Result<(), StoreError> {
    let foreign = |found: String| StoreError::Foreign {
        path: path.to_path_buf(),
        found,
    };
    let ron::Value::Map(map) = value else {
        return Err(foreign("it holds no claimgraph envelope".to_string()));
    };
    match field(map, "format") {
        Some(ron::Value::String(tag)) if tag == FORMAT_TAG => {}
        Some(ron::Value::String(tag)) => {
            return Err(foreign(format!("its format is {tag:?}")));
        }
        _ => return Err(foreign("it has no `format` field".to_string())),
    }
    check_version(path, field(map, "version"))
}

/// Looks a field up in a parsed struct.
fn field<'v>(map: &'v ron::Map, name: &str) -> Option<&'v ron::Value> {
    map.get(&ron::Value::String(name.to_string()))
}

/// Accepts versions 1 to [`FORMAT_VERSION`].
fn check_version(
    path: &Path,
    version: Option<&ron::Value>,
) -> Result<(), StoreError> {
    let path = path.to_path_buf();
    let Some(value) = version else {
        let found = "(missing)".to_string();
        return Err(StoreError::BadVersion { path, found });
    };
    match value.clone().into_rust::<u64>() {
        Ok(v) if v > u64::from(FORMAT_VERSION) => Err(StoreError::TooNew {
            path,
            version: v,
            newest: FORMAT_VERSION,
        }),
        Ok(v) if v >= 1 => Ok(()),
        _ => {
            let found =
                ron::to_string(value).unwrap_or_else(|_| format!("{value:?}"));
            Err(StoreError::BadVersion { path, found })
        }
    }
}

/// Reads an alias table (`data/aliases.ron`'s format) from RON text;
/// `path_for_messages` names the file in errors.
pub fn aliases_from_ron(
    text: &str,
    path_for_messages: &Path,
) -> Result<AliasTable, StoreError> {
    let path = path_for_messages;
    ron::from_str(text).map_err(|e| {
        let at_end = e.code == ron::Error::Eof;
        let position = e.span.start.to_string();
        let message = e.code.to_string();
        let path = path.to_path_buf();
        if at_end {
            StoreError::Truncated { path, position, message }
        } else {
            StoreError::Shape { path, position, message }
        }
    })
}

/// Loads an alias table from `path`.
pub fn load_aliases(path: &Path) -> Result<AliasTable, StoreError> {
    let text = fs::read_to_string(path).map_err(|source| {
        StoreError::Read { path: path.to_path_buf(), source }
    })?;
    aliases_from_ron(&text, path)
}

/// The alias table shipped with claimgraph (`data/aliases.ron`).
pub fn builtin_aliases() -> AliasTable {
    aliases_from_ron(BUILTIN_ALIASES, Path::new("data/aliases.ron"))
        .expect("the shipped alias table parses (tested)")
}

/// The first bytes of a binary graph file ([`Store::Binary`]); RON text
/// can never start with them.
const BINARY_MAGIC: &[u8] = b"\0claimgraph-binary\n";

/// The two forms a graph file takes. Both hold the same envelope (format
/// version, graph, and for a shard its articles), and [`load`] tells
/// them apart by their first bytes, whatever the file is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// Pretty RON (`graph.ron`): the readable default.
    Ron,
    /// postcard (`graph.bin`): about a third of the size, and several
    /// times faster to write and to load; for graphs of millions of
    /// edges.
    Binary,
}

impl Store {
    /// The form a file name asks for when saving: `.bin` is binary,
    /// anything else RON.
    pub fn of(path: &Path) -> Store {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("bin") => Store::Binary,
            _ => Store::Ron,
        }
    }

    /// The file name `build` and `merge` give the graph in this form.
    pub fn file_name(self) -> &'static str {
        match self {
            Store::Ron => "graph.ron",
            Store::Binary => "graph.bin",
        }
    }
}

/// The binary envelope after [`BINARY_MAGIC`] and the version: the graph
/// and a shard's articles, serialized as [`BodySeed`] reads them.
#[derive(Serialize)]
struct BinaryOut<'v, 'g> {
    graph: NumberedView<'v, 'g>,
    documents: Vec<&'g Document>,
}

/// What a binary body reads as: the graph, or why its parts do not hold
/// together (an edge naming a missing node), and the articles.
type Body = (Result<ClaimGraph, String>, Vec<Document>);

/// Reads a binary body ([`BinaryOut`]): the graph, each edge linked in
/// as it is read, with no list of every edge in between (for a large
/// graph, a gigabyte of memory to fill and copy), then the articles.
/// A graph that does not hold together is told only once the whole body
/// has read, so that a damaged file is refused as damaged first.
struct BodySeed {
    /// The most edges room is made for at once: a damaged length must
    /// not ask for more memory than the file could fill.
    max_edges: usize,
    /// True when edges name their ends by node number (version 2).
    numbered: bool,
}

impl<'de> DeserializeSeed<'de> for BodySeed {
    type Value = Body;

    fn deserialize<D: Deserializer<'de>>(
        self,
        d: D,
    ) -> Result<Body, D::Error> {
        d.deserialize_struct("BinaryIn", &["graph", "documents"], self)
    }
}

impl<'de> Visitor<'de> for BodySeed {
    type Value = Body;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a graph and its articles")
    }

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<Body, A::Error> {
        let graph = seq
            .next_element_seed(GraphSeed {
                max_edges: self.max_edges,
                numbered: self.numbered,
            })?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let documents = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        Ok((graph, documents))
    }
}

/// The graph of a binary body: its nodes, then its edges.
struct GraphSeed {
    max_edges: usize,
    numbered: bool,
}

impl<'de> DeserializeSeed<'de> for GraphSeed {
    type Value = Result<ClaimGraph, String>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        d: D,
    ) -> Result<Self::Value, D::Error> {
        d.deserialize_struct("GraphData", &["nodes", "edges"], self)
    }
}

impl<'de> Visitor<'de> for GraphSeed {
    type Value = Result<ClaimGraph, String>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a graph")
    }

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<Self::Value, A::Error> {
        let nodes: Vec<crate::graph::Node> = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let edges = EdgesSeed {
            nodes,
            max_edges: self.max_edges,
            numbered: self.numbered,
        };
        seq.next_element_seed(edges)?
            .ok_or_else(|| de::Error::invalid_length(1, &self))
    }
}

/// A graph's edges, each linked into the graph of `nodes` as it is read.
struct EdgesSeed {
    nodes: Vec<crate::graph::Node>,
    max_edges: usize,
    numbered: bool,
}

impl<'de> DeserializeSeed<'de> for EdgesSeed {
    type Value = Result<ClaimGraph, String>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        d: D,
    ) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EdgesSeed {
    type Value = Result<ClaimGraph, String>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of edges")
    }

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<Self::Value, A::Error> {
        let room = seq.size_hint().unwrap_or(0).min(self.max_edges);
        let nodes = self.nodes;
        // Two threads: this one decodes the edges (most of a load's work:
        // reading, checking and sharing their strings), the other links
        // them into the graph, in batches, in the order read.
        let (send, receive) =
            std::sync::mpsc::sync_channel::<Vec<EdgeAny<'de>>>(4);
        std::thread::scope(|scope| {
            let builder = scope.spawn(move || {
                let mut built = GraphBuilder::new(nodes, room);
                // After the first error the rest is still read, so that
                // damage further on is what the load reports.
                for batch in receive {
                    for e in batch {
                        if let Ok(b) = &mut built
                            && let Err(message) = match e {
                                EdgeAny::Named(e) => {
                                    b.link(e.from, e.to, e.edge)
                                }
                                EdgeAny::Numbered(e) => {
                                    b.link_at(e.from, e.to, e.edge)
                                }
                            }
                        {
                            built = Err(message);
                        }
                    }
                }
                built.map(GraphBuilder::finish)
            });
            let mut read = || -> Result<(), A::Error> {
                let mut batch = Vec::with_capacity(EDGE_BATCH);
                loop {
                    let e = if self.numbered {
                        seq.next_element::<EdgeAt<crate::graph::Edge>>()?
                            .map(EdgeAny::Numbered)
                    } else {
                        seq.next_element::<EdgeIn<'de>>()?.map(EdgeAny::Named)
                    };
                    let Some(e) = e else { break };
                    batch.push(e);
                    if batch.len() == EDGE_BATCH {
                        let full = std::mem::replace(
                            &mut batch,
                            Vec::with_capacity(EDGE_BATCH),
                        );
                        if send.send(full).is_err() {
                            break;
                        }
                    }
                }
                let _ = send.send(batch);
                Ok(())
            };
            let read = read();
            drop(send);
            let built = match builder.join() {
                Ok(built) => built,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            read.map(|()| built)
        })
    }
}

/// Edges per batch handed from the reading thread to the linking one.
const EDGE_BATCH: usize = 4096;

/// An [`EdgeRecord`](crate::graph::EdgeRecord) with borrowed ends
/// (binary version 1).
#[derive(Deserialize)]
struct EdgeIn<'a> {
    from: &'a str,
    to: &'a str,
    edge: crate::graph::Edge,
}

/// An edge whose ends are numbers in the node list (binary version 2).
#[derive(Deserialize, Serialize)]
struct EdgeAt<E> {
    from: u32,
    to: u32,
    edge: E,
}

/// An edge read in either binary version.
enum EdgeAny<'a> {
    Named(EdgeIn<'a>),
    Numbered(EdgeAt<crate::graph::Edge>),
}

/// A graph's sorted view as binary version 2 writes it: the nodes, then
/// each edge with its ends numbered by their place among the nodes.
struct NumberedView<'v, 'g>(&'v GraphView<'g>);

impl Serialize for NumberedView<'_, '_> {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let view = self.0;
        let number = view
            .nodes
            .iter()
            .enumerate()
            .map(|(n, node)| (node.id(), n as u32))
            .collect();
        let mut st = s.serialize_struct("GraphData", 2)?;
        st.serialize_field("nodes", &view.nodes)?;
        st.serialize_field("edges", &NumberedEdges { view, number })?;
        st.end()
    }
}

/// The edges of [`NumberedView`], numbered as they are written.
struct NumberedEdges<'v, 'g> {
    view: &'v GraphView<'g>,
    /// Each node's place in the node list, by id.
    number:
        std::collections::HashMap<&'g str, u32, foldhash::fast::RandomState>,
}

impl Serialize for NumberedEdges<'_, '_> {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error as _, SerializeSeq};
        let at = |id: &str| {
            self.number.get(id).copied().ok_or_else(|| {
                S::Error::custom(format!("an edge names a missing node {id}"))
            })
        };
        let mut seq = s.serialize_seq(Some(self.view.edge_count()))?;
        for e in self.view.edges() {
            let edge =
                EdgeAt { from: at(e.from)?, to: at(e.to)?, edge: e.edge };
            seq.serialize_element(&edge)?;
        }
        seq.end()
    }
}

/// Writes the binary form of `envelope`: [`BINARY_MAGIC`], the format
/// version as four little-endian bytes, then the graph and articles as
/// postcard. A serializer error comes back as an I/O error.
fn write_binary(envelope: EnvelopeOut, w: &mut dyn Write) -> io::Result<()> {
    w.write_all(BINARY_MAGIC)?;
    w.write_all(&BINARY_VERSION.to_le_bytes())?;
    let body = BinaryOut {
        graph: NumberedView(envelope.graph),
        documents: envelope.documents,
    };
    postcard::to_io(&body, w).map_err(io::Error::other)?;
    Ok(())
}

/// Reads the binary form written by [`write_binary`].
fn from_binary(
    bytes: &[u8],
    path: &Path,
) -> Result<(ClaimGraph, Vec<Document>), StoreError> {
    let bad = |message: &str| StoreError::BadBinary {
        path: path.to_path_buf(),
        message: message.to_string(),
    };
    let rest = &bytes[BINARY_MAGIC.len()..];
    let (version, body) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| bad("it ends before its format version"))?;
    let version = u32::from_le_bytes(*version);
    match version {
        0 => {
            return Err(StoreError::BadVersion {
                path: path.to_path_buf(),
                found: "0".to_string(),
            });
        }
        v if v > BINARY_VERSION => {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                version: u64::from(v),
                newest: BINARY_VERSION,
            });
        }
        _ => {}
    }
    let damaged = |e: postcard::Error| match e {
        postcard::Error::DeserializeUnexpectedEnd => {
            bad("it ends early; it is truncated")
        }
        e => bad(&e.to_string()),
    };
    // An edge takes more than eight bytes of the file.
    let seed = BodySeed { max_edges: body.len() / 8, numbered: version >= 2 };
    let mut reader = postcard::Deserializer::from_bytes(body);
    let (graph, documents) = seed.deserialize(&mut reader).map_err(damaged)?;
    let rest = reader.finalize().map_err(damaged)?;
    if !rest.is_empty() {
        return Err(bad(&format!(
            "{} bytes follow the end of the graph",
            rest.len()
        )));
    }
    let g = graph.map_err(|message| StoreError::Invalid {
        path: path.to_path_buf(),
        message,
    })?;
    Ok((g, documents))
}

/// Saves `g` to `path` atomically (see [`write_atomic`]), as binary when
/// `path` ends in `.bin` and as RON otherwise ([`Store::of`]).
pub fn save(g: &ClaimGraph, path: &Path) -> Result<(), StoreError> {
    save_shard(g, &[], path)
}

/// Loads a graph saved by [`save`].
///
/// Errors name `path`; the file is never modified.
pub fn load(path: &Path) -> Result<ClaimGraph, StoreError> {
    load_shard(path).map(|(g, _)| g)
}

/// Saves a shard: the graph and the articles it was built from, sorted
/// by id. `claimgraph merge` reads shards back with [`load_shard`].
///
/// # Errors
///
/// As [`save`].
pub fn save_shard(
    g: &ClaimGraph,
    documents: &[Document],
    path: &Path,
) -> Result<(), StoreError> {
    save_shard_view(&g.view(), documents, path)
}

/// [`save_shard`] of a graph's sorted view ([`ClaimGraph::view`]), for a
/// caller that writes other files from the same view.
///
/// # Errors
///
/// As [`save`].
pub fn save_shard_view(
    view: &GraphView,
    documents: &[Document],
    path: &Path,
) -> Result<(), StoreError> {
    let envelope = envelope(view, documents);
    // Streamed: the text of a large graph is never held whole.
    match Store::of(path) {
        Store::Ron => write_atomic_with(path, |w| write_ron(&envelope, w)),
        Store::Binary => {
            write_atomic_with(path, |w| write_binary(envelope, w))
        }
    }
}

/// Loads a graph and the articles saved with it: none for a graph saved
/// by [`save`], every article of a shard saved by [`save_shard`].
///
/// # Errors
///
/// As [`load`].
pub fn load_shard(
    path: &Path,
) -> Result<(ClaimGraph, Vec<Document>), StoreError> {
    let bytes = fs::read(path).map_err(|source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    from_bytes_with(bytes, path)
}

/// Reads a graph from the bytes of a graph file of either form (binary
/// or RON, told apart by the first bytes); `path_for_messages` names the
/// file in errors.
pub fn from_bytes(
    bytes: Vec<u8>,
    path_for_messages: &Path,
) -> Result<ClaimGraph, StoreError> {
    from_bytes_with(bytes, path_for_messages).map(|(g, _)| g)
}

fn from_bytes_with(
    bytes: Vec<u8>,
    path: &Path,
) -> Result<(ClaimGraph, Vec<Document>), StoreError> {
    if bytes.starts_with(BINARY_MAGIC) {
        return Interner::scope(|| from_binary(&bytes, path));
    }
    let text = String::from_utf8(bytes).map_err(|e| StoreError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Interner::scope(|| from_ron_with(&text, path))
}

/// The bytes of `g` in the binary form (as `graph.bin` holds them).
pub fn to_binary(g: &ClaimGraph) -> Result<Vec<u8>, StoreError> {
    let mut out = Vec::new();
    write_binary(envelope(&g.view(), &[]), &mut out)
        .map_err(|e| StoreError::Serialize(e.to_string()))?;
    Ok(out)
}

/// Counts temporary files made by this process, so that two threads
/// writing into one folder never share a temporary name.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replaces the contents of `path` with `bytes` so that readers see either
/// the old file or the new one, never a mix.
///
/// The bytes go to a temporary file in the same folder (named
/// `.<name>.tmp-<pid>-<n>`), which is flushed to disk and then renamed
/// over `path`. The folder is created when missing. On any error the
/// temporary file is removed and `path` is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// [`write_atomic`] for contents produced by `fill` as they are written,
/// so that a large file never has to be held in memory whole.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), StoreError> {
    let write_error =
        |source| StoreError::Write { path: path.to_path_buf(), source };
    let tmp = temp_path(path).map_err(write_error)?;
    let dir = tmp.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(write_error)?;
    let result = write_synced(&tmp, fill)
        .map(|()| pause_before_rename())
        .and_then(|()| fs::rename(&tmp, path));
    if let Err(source) = result {
        let _ = fs::remove_file(&tmp);
        return Err(write_error(source));
    }
    sync_dir(dir);
    Ok(())
}

/// For the crash test (tests/kill.rs): `CLAIMGRAPH_TEST_PAUSE_MS` keeps a
/// written temporary file that many milliseconds before it is renamed, so
/// that a kill can be aimed inside the write on a machine of any speed.
/// Unset, it costs one environment lookup per file written.
fn pause_before_rename() {
    let pause = std::env::var("CLAIMGRAPH_TEST_PAUSE_MS").ok();
    if let Some(ms) = pause.and_then(|v| v.parse::<u64>().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// The temporary name used while writing `path`.
fn temp_path(path: &Path) -> io::Result<PathBuf> {
    let prefix = temp_prefix(path)?;
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp_name = format!("{prefix}{}-{n}", std::process::id());
    Ok(path.with_file_name(tmp_name))
}

/// The start of every temporary name used while writing `path`:
/// `.<name>.tmp-`.
fn temp_prefix(path: &Path) -> io::Result<String> {
    let Some(name) = path.file_name() else {
        let msg = "the path does not name a file";
        return Err(io::Error::new(io::ErrorKind::InvalidInput, msg));
    };
    Ok(format!(".{}.tmp-", name.to_string_lossy()))
}

/// Removes the temporary files that [`write_atomic`] left beside `path`
/// when its process was killed mid-write, and returns how many there
/// were.
///
/// Call it only while no other process can be writing `path`, as `build`
/// does under its output folder's lock. A missing folder has none.
pub fn remove_stale_temps(path: &Path) -> Result<usize, StoreError> {
    let error =
        |source| StoreError::Write { path: path.to_path_buf(), source };
    let prefix = temp_prefix(path).map_err(error)?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(error(e)),
    };
    let mut removed = 0;
    for entry in entries {
        let entry = entry.map_err(error)?;
        let name = entry.file_name();
        // Only files and links are ours to remove; a folder of that name
        // is not a leftover of write_atomic.
        let folder = entry.file_type().is_ok_and(|t| t.is_dir());
        if !folder && name.to_string_lossy().starts_with(&prefix) {
            fs::remove_file(entry.path()).map_err(error)?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// The buffer [`write_synced`] gathers small writes in (the binary
/// store's serializer writes a field at a time). The writers of
/// graph.ron and graph.dot hand over pieces of 64 KiB and more, which a
/// buffer no larger than them passes straight to the file: a buffer of a
/// megabyte copied each of them once more on the way (a byte of copying
/// for each byte written).
const WRITE_BUFFER: usize = 64 << 10;

/// Writes `bytes` to a new file at `path` and flushes it to disk.
///
/// The file must be new: a leftover of that name (from a killed process
/// that had the same id) is removed first, and a symbolic link planted
/// there is replaced, never followed out of the folder.
fn write_synced(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let open =
        || fs::OpenOptions::new().write(true).create_new(true).open(path);
    let file = match open() {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            open()?
        }
        other => other?,
    };
    let mut out = io::BufWriter::with_capacity(WRITE_BUFFER, file);
    fill(&mut out)?;
    let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.sync_all()
}

/// Flushes a folder's entries so a rename survives a crash; best effort,
/// since not every platform can open a folder.
fn sync_dir(dir: &Path) {
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_files_hold_every_piece_in_order() {
        let dir = std::env::temp_dir()
            .join(format!("claimgraph-store-pieces-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("pieces.txt");
        // Pieces smaller than the buffer, as large and larger, in turn.
        let sizes = [1, 7, WRITE_BUFFER - 1, 3, WRITE_BUFFER, 0, 5];
        let sizes = sizes.into_iter().chain([3 * WRITE_BUFFER + 11, 2, 9]);
        let pieces: Vec<Vec<u8>> = sizes
            .enumerate()
            .map(|(k, n)| (0..n).map(|i| (i * 31 + k * 7) as u8).collect())
            .collect();
        write_atomic_with(&path, |w| {
            pieces.iter().try_for_each(|p| w.write_all(p))
        })
        .unwrap();
        assert_eq!(fs::read(&path).unwrap(), pieces.concat());
        fs::remove_dir_all(&dir).unwrap();
    }
    use crate::graph::{
        Actor, ActorKind, ArcStr, Claim, DocumentNode, Edge, Evidence, Node,
        SourceNode,
    };
    use crate::model::{CueClass, SourceKind};

    /// A fresh, empty scratch folder for one test, removed when dropped.
    struct Scratch(PathBuf);

    impl std::ops::Deref for Scratch {
        type Target = Path;
        fn deref(&self) -> &Path {
            &self.0
        }
    }

    impl AsRef<Path> for Scratch {
        fn as_ref(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn scratch(name: &str) -> Scratch {
        let dir = std::env::temp_dir()
            .join(format!("claimgraph-store-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn evidence(doc: &str, text: &str) -> Evidence {
        Evidence {
            document: doc.into(),
            span: [3, 3 + u32::try_from(text.chars().count()).unwrap()],
            text: text.into(),
            speaker: Some("López".into()),
            speaker_span: Some([0, 5]),
            cue: Some("said".into()),
            cue_span: Some([20, 24]),
            rule: "quote-said".into(),
        }
    }

    /// A small graph whose strings hold quotes, newlines, backslashes and
    /// non-ASCII text.
    fn sample() -> ClaimGraph {
        let text = "He said “it's \"fine\"”\nand left \\ then.";
        let mut g = ClaimGraph::new();
        let d = g.add_document(DocumentNode {
            id: "doc:a".into(),
            name: "a".into(),
            title: Some("Ministro López: “No”".into()),
            publisher: Some("El País".into()),
            url: None,
            date: Some("2024-05-01".into()),
            publisher_evidence: None,
        });
        let c = g.add_claim(Claim::new("claim:1", text));
        let mut lopez =
            Actor::new("actor:lopez", "José López", ActorKind::Person, "he");
        lopez.mentions.insert(0, "López".into());
        lopez.roles.push("Minister".into());
        let a = g.add_actor(lopez);
        let ev = evidence("a", text);
        g.link(c, d, Edge::ReportedIn { evidence: ev.clone(), direct: false });
        let edge = Edge::Attributed {
            class: CueClass::Said,
            direct: true,
            evidence: ev,
        };
        g.link(a, c, edge);
        g
    }

    /// Adds a source that document `a` cites.
    fn cite_politico(g: &mut ClaimGraph) {
        let d = g.find("doc:a").unwrap();
        let s = g.add_source(SourceNode {
            id: "source:reported:politico".into(),
            name: "Politico".into(),
            kind: SourceKind::Reported,
        });
        g.link(d, s, Edge::Cites { evidence: evidence("a", "Politico") });
    }

    #[test]
    fn sources_and_actor_details_round_trip() {
        let mut g = sample();
        cite_politico(&mut g);
        let text = to_ron(&g).unwrap();
        let back = from_ron(&text, Path::new("s.ron")).unwrap();
        assert_eq!(back.to_data(), g.to_data());
        assert_eq!(to_ron(&back).unwrap(), text);
        assert_eq!(back.counts().sources, 1);
    }

    #[test]
    fn round_trip_gives_identical_bytes() {
        let dir = scratch("round-trip");
        let path = dir.join("graph.ron");
        let g = sample();
        save(&g, &path).unwrap();
        let first = fs::read(&path).unwrap();
        let back = load(&path).unwrap();
        assert_eq!(back.to_data(), g.to_data());
        save(&back, &path).unwrap();
        assert_eq!(fs::read(&path).unwrap(), first);
        let text = String::from_utf8(first).unwrap();
        assert!(text.starts_with("Envelope("));
        assert!(text.ends_with(")\n"));
        assert!(text.contains("José López"));
    }

    /// `envelope` as the `ron` crate writes it with [`pretty_config`].
    fn ron_reference(envelope: &EnvelopeOut) -> String {
        let mut text = ron::Options::default()
            .to_string_pretty(envelope, pretty_config())
            .unwrap();
        text.push('\n');
        text
    }

    /// `envelope` as the store writes it.
    fn written(envelope: &EnvelopeOut) -> String {
        let mut bytes = Vec::new();
        write_ron(envelope, &mut bytes).unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn the_writer_matches_ron_byte_for_byte() {
        // The bundled corpus, curated, has every kind of node and most
        // kinds of edge; as a shard it holds its articles too.
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let files =
            crate::ingest::collect_inputs(&[root.join("data")]).unwrap();
        let docs: Vec<Document> = files
            .iter()
            .flat_map(|f| crate::ingest::read_file(f))
            .map(Result::unwrap)
            .collect();
        let extracted: Vec<_> = docs
            .iter()
            .cloned()
            .map(crate::pipeline::extract_document)
            .collect();
        let mut g = crate::pipeline::build_graph(&extracted);
        let curation =
            read_curation(Some(&root.join(DEFAULT_CURATION))).unwrap();
        crate::curation::apply(&mut g, &curation);
        let mut small = sample();
        cite_politico(&mut small);
        for g in [g, small, ClaimGraph::new()] {
            let view = g.view();
            for documents in [&[][..], &docs[..]] {
                let envelope = envelope(&view, documents);
                let ours = written(&envelope);
                let theirs = ron_reference(&envelope);
                if ours != theirs {
                    let at = ours
                        .bytes()
                        .zip(theirs.bytes())
                        .position(|(a, b)| a != b)
                        .unwrap_or(ours.len().min(theirs.len()));
                    let from = at.saturating_sub(200);
                    panic!(
                        "differs at byte {at}:\nours: {}\nron:  {}",
                        &ours[from..(at + 100).min(ours.len())],
                        &theirs[from..(at + 100).min(theirs.len())]
                    );
                }
            }
        }
    }

    #[test]
    fn strings_of_any_kind_round_trip() {
        let texts = [
            "ends with a quote\"",
            "\"#hash\"## after quotes\"###",
            "tab\tcarriage\rreturn\nnew line",
            "nul \u{0} bell \u{7} escape \u{1b}",
            "line separator \u{2028} and “curly” ‘quotes’ it's",
            "backslash at the end \\",
            "r#\"raw-looking\"#",
            "",
        ];
        for text in texts {
            let mut g = ClaimGraph::new();
            g.add_claim(Claim::new("claim:1", text));
            let ron = to_ron(&g).unwrap();
            assert_eq!(ron, ron_reference(&envelope(&g.view(), &[])));
            let back = from_ron(&ron, Path::new("s.ron"))
                .unwrap_or_else(|e| panic!("{text:?}: {e}\n{ron}"));
            assert_eq!(back.to_data(), g.to_data(), "{text:?}");
            assert_eq!(to_ron(&back).unwrap(), ron, "{text:?}");
        }
    }

    #[test]
    fn builtin_aliases_parse_and_are_sorted() {
        let table = builtin_aliases();
        assert!(!table.entries.is_empty());
        let names: Vec<&str> =
            table.entries.iter().map(|e| e.name.as_str()).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
        assert!(
            table.entries.iter().any(|e| e.aliases.contains(&"AMLO".into()))
        );
    }

    #[test]
    fn bad_alias_table_names_its_file() {
        let err =
            aliases_from_ron("AliasTable(entries: [3])", Path::new("my.ron"))
                .unwrap_err();
        assert!(err.to_string().contains("my.ron"), "{err}");
    }

    #[test]
    fn empty_graph_round_trips() {
        let text = to_ron(&ClaimGraph::new()).unwrap();
        let back = from_ron(&text, Path::new("empty.ron")).unwrap();
        assert_eq!(back.counts().edges, 0);
        assert_eq!(to_ron(&back).unwrap(), text);
    }

    #[test]
    fn truncated_file_is_refused() {
        let text = to_ron(&sample()).unwrap();
        for cut in [text.len() / 2, text.len() - 3, 10] {
            let cut = (0..=cut).rev().find(|&i| text.is_char_boundary(i));
            let short = &text[..cut.unwrap()];
            let err = from_ron(short, Path::new("g.ron")).unwrap_err();
            assert!(
                matches!(err, StoreError::Truncated { .. }),
                "{cut:?}: {err}"
            );
            assert!(err.to_string().starts_with("g.ron:"), "{err}");
        }
    }

    #[test]
    fn not_ron_is_refused_with_position() {
        let err = from_ron("hello, world\n", Path::new("x.ron")).unwrap_err();
        assert!(matches!(err, StoreError::Syntax { .. }), "{err}");
        assert!(err.to_string().starts_with("x.ron:1:"), "{err}");
    }

    #[test]
    fn foreign_ron_is_refused() {
        for text in [
            "Config(name: \"x\", size: 3)",
            "(format: \"other\", version: 1, graph: ())",
            "[1, 2, 3]",
        ] {
            let err = from_ron(text, Path::new("f.ron")).unwrap_err();
            assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
            assert!(err.to_string().contains("f.ron is not a claimgraph"));
        }
    }

    #[test]
    fn future_version_is_refused() {
        let text = "Envelope(format: \"claimgraph\", version: 7, \
                    graph: NewShape(stuff: [Thing(1)]))";
        let err = from_ron(text, Path::new("new.ron")).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { version: 7, .. }));
        assert_eq!(
            err.to_string(),
            "new.ron was written by a newer claimgraph (format version 7; \
             this build reads up to 1)"
        );
    }

    #[test]
    fn version_zero_is_refused() {
        let text =
            to_ron(&sample()).unwrap().replace("version: 1", "version: 0");
        let err = from_ron(&text, Path::new("old.ron")).unwrap_err();
        assert!(matches!(err, StoreError::BadVersion { .. }), "{err}");
    }

    #[test]
    fn wrong_shape_is_refused_with_position() {
        let text = "Envelope(format: \"claimgraph\", version: 1,\n\
                    graph: GraphData(nodes: [Robot((id: \"r\"))], edges: []))";
        let err = from_ron(text, Path::new("s.ron")).unwrap_err();
        assert!(matches!(err, StoreError::Shape { .. }), "{err}");
        assert!(err.to_string().starts_with("s.ron:2:"), "{err}");
    }

    #[test]
    fn a_shard_keeps_its_articles_and_loads_as_a_graph() {
        let g = sample();
        let doc = Document {
            id: "b".into(),
            text: "Ann said so.\n".into(),
            ..Document::default()
        };
        let other = Document { id: "a".into(), ..doc.clone() };
        let dir = std::env::temp_dir()
            .join(format!("claimgraph-shard-{}", std::process::id()));
        let path = dir.join("graph.ron");
        save_shard(&g, &[doc.clone(), other.clone()], &path).unwrap();
        let (back, docs) = load_shard(&path).unwrap();
        assert!(back.to_data() == g.to_data());
        assert_eq!(docs, vec![other, doc], "sorted by id");
        assert!(load(&path).unwrap().to_data() == g.to_data());
        // Without articles a shard is the plain graph, byte for byte.
        save_shard(&g, &[], &path).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), to_ron(&g).unwrap());
        fs::remove_dir_all(dir).unwrap();
    }

    /// `sample()` with a verdict on its claim and a cited source, so that
    /// every optional part is there.
    fn sample_with_verdict() -> ClaimGraph {
        let mut g = sample();
        g.claim_mut("claim:1").unwrap().verdicts.push(crate::graph::Verdict {
            rating: "False".into(),
            author: "A checker".into(),
            url: None,
            date: Some("2024".into()),
        });
        cite_politico(&mut g);
        g
    }

    #[test]
    fn binary_store_round_trips_graph_and_articles() {
        let dir = scratch("binary");
        let path = dir.join("graph.bin");
        let doc = Document {
            id: "b".into(),
            text: "Ann said so.\n".into(),
            title: Some("T".into()),
            ..Document::default()
        };
        for g in [sample(), sample_with_verdict(), ClaimGraph::new()] {
            save_shard(&g, std::slice::from_ref(&doc), &path).unwrap();
            let bytes = fs::read(&path).unwrap();
            assert!(bytes.starts_with(BINARY_MAGIC));
            let (back, docs) = load_shard(&path).unwrap();
            assert!(back.to_data() == g.to_data());
            assert_eq!(docs, vec![doc.clone()]);
            // Loading and saving again gives the same bytes, and the RON
            // of what was loaded is the RON of the graph saved.
            save_shard(&back, &docs, &path).unwrap();
            assert_eq!(fs::read(&path).unwrap(), bytes);
            assert_eq!(to_ron(&back).unwrap(), to_ron(&g).unwrap());
            save(&g, &path).unwrap();
            assert!(load_shard(&path).unwrap().1.is_empty());
        }
        // Smaller than RON.
        let g = sample_with_verdict();
        save(&g, &path).unwrap();
        assert!(
            fs::metadata(&path).unwrap().len() * 2
                < to_ron(&g).unwrap().len() as u64
        );
    }

    /// The bytes binary version 1 wrote: edges name their ends by id.
    fn version_1_bytes(g: &ClaimGraph, documents: &[Document]) -> Vec<u8> {
        #[derive(Serialize)]
        struct V1<'v, 'g> {
            graph: &'v GraphView<'g>,
            documents: Vec<&'g Document>,
        }
        let view = g.view();
        let body = V1 { graph: &view, documents: documents.iter().collect() };
        let mut bytes = BINARY_MAGIC.to_vec();
        bytes.extend(1u32.to_le_bytes());
        bytes.extend(postcard::to_allocvec(&body).unwrap());
        bytes
    }

    #[test]
    fn version_1_binary_files_still_load() {
        let dir = scratch("binary-v1");
        let path = dir.join("graph.bin");
        let doc = Document { id: "b".into(), ..Document::default() };
        for g in [sample(), sample_with_verdict()] {
            let old = version_1_bytes(&g, std::slice::from_ref(&doc));
            fs::write(&path, &old).unwrap();
            let (back, docs) = load_shard(&path).unwrap();
            assert!(back.to_data() == g.to_data());
            assert_eq!(docs, vec![doc.clone()]);
            // Saved again, it is version 2, and smaller.
            save_shard(&back, &docs, &path).unwrap();
            let new = fs::read(&path).unwrap();
            let at = BINARY_MAGIC.len();
            assert_eq!(new[at..at + 4], 2u32.to_le_bytes());
            assert!(new.len() < old.len());
        }
    }

    #[test]
    fn an_edge_numbering_a_missing_node_is_refused() {
        #[derive(Serialize)]
        struct Body<'a> {
            graph: (Vec<&'a Node>, Vec<EdgeAt<&'a Edge>>),
            documents: Vec<Document>,
        }
        let g = sample();
        let view = g.view();
        let edge = view.edge(0).edge;
        let body = Body {
            graph: (view.nodes.clone(), vec![EdgeAt { from: 0, to: 7, edge }]),
            documents: Vec::new(),
        };
        let mut bytes = BINARY_MAGIC.to_vec();
        bytes.extend(BINARY_VERSION.to_le_bytes());
        bytes.extend(postcard::to_allocvec(&body).unwrap());
        let dir = scratch("binary-number");
        let path = dir.join("graph.bin");
        fs::write(&path, &bytes).unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("graph.bin"), "{err}");
        assert!(err.contains("names a missing node"), "{err}");
    }

    #[test]
    fn readable_forms_leave_out_empty_verdicts() {
        let ron = to_ron(&sample()).unwrap();
        assert!(!ron.contains("verdicts"));
        let ron = to_ron(&sample_with_verdict()).unwrap();
        assert!(ron.contains("verdicts: ["));
        let json = serde_json::to_string(&Claim::new("claim:x", "t")).unwrap();
        assert_eq!(json, r#"{"id":"claim:x","text":"t"}"#);
    }

    #[test]
    fn damaged_binary_files_are_refused_and_kept() {
        let dir = scratch("binary-bad");
        let path = dir.join("graph.bin");
        save(&sample_with_verdict(), &path).unwrap();
        let good = fs::read(&path).unwrap();
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (good[..good.len() - 3].to_vec(), "truncated"),
            (good[..BINARY_MAGIC.len() + 2].to_vec(), "format version"),
            ([good.as_slice(), b"xx"].concat(), "2 bytes follow"),
        ];
        for (bytes, expect) in cases {
            fs::write(&path, &bytes).unwrap();
            let err = load(&path).unwrap_err().to_string();
            assert!(err.contains("graph.bin"), "{err}");
            assert!(err.contains(expect), "{err}");
            assert_eq!(fs::read(&path).unwrap(), bytes, "left as it was");
        }
        let mut newer = good.clone();
        newer[BINARY_MAGIC.len()..BINARY_MAGIC.len() + 4]
            .copy_from_slice(&99u32.to_le_bytes());
        fs::write(&path, &newer).unwrap();
        let err = load(&path).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { version: 99, .. }));
        let mut zero = good;
        zero[BINARY_MAGIC.len()..BINARY_MAGIC.len() + 4].fill(0);
        fs::write(&path, &zero).unwrap();
        let err = load(&path).unwrap_err();
        assert!(matches!(err, StoreError::BadVersion { .. }));
    }

    #[test]
    fn loading_shares_repeated_strings_and_keeps_none_afterwards() {
        let dir = scratch("shared");
        for name in ["graph.ron", "graph.bin"] {
            let path = dir.join(name);
            save(&sample(), &path).unwrap();
            let data = load(&path).unwrap().to_data();
            let evs: Vec<&Evidence> =
                data.edges.iter().map(|e| e.edge.evidence()).collect();
            assert_eq!(evs.len(), 2);
            // The two edges of one report share their strings.
            assert!(ArcStr::ptr_eq(&evs[0].document, &evs[1].document));
            assert!(ArcStr::ptr_eq(&evs[0].rule, &evs[1].rule));
            assert!(ArcStr::ptr_eq(&evs[0].text, &evs[1].text));
            assert!(ArcStr::ptr_eq(
                evs[0].speaker.as_ref().unwrap(),
                evs[1].speaker.as_ref().unwrap()
            ));
            // Held by the two edges only: nothing is kept once the load
            // is over.
            assert_eq!(ArcStr::strong_count(&evs[0].document), Some(2));
        }
    }

    #[test]
    fn store_form_follows_the_extension() {
        assert_eq!(Store::of(Path::new("a/graph.bin")), Store::Binary);
        assert_eq!(Store::of(Path::new("graph.BIN")), Store::Binary);
        assert_eq!(Store::of(Path::new("graph.ron")), Store::Ron);
        assert_eq!(Store::of(Path::new("graph")), Store::Ron);
        assert_eq!(Store::Binary.file_name(), "graph.bin");
    }

    #[test]
    fn edge_to_missing_node_is_refused() {
        let mut data = sample().to_data();
        data.edges[0].to = "doc:nowhere".into();
        let envelope = Envelope {
            format: FORMAT_TAG.into(),
            version: FORMAT_VERSION,
            graph: data,
            documents: Vec::new(),
        };
        let text = ron::ser::to_string_pretty(&envelope, pretty_config());
        let err = from_ron(&text.unwrap(), Path::new("m.ron")).unwrap_err();
        assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
        assert!(err.to_string().contains("doc:nowhere"));
    }

    #[test]
    fn atomic_write_leaves_no_temp_file() {
        let dir = scratch("atomic");
        let path = dir.join("sub").join("graph.ron");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("graph.ron")]);
    }

    #[test]
    fn stale_temp_files_are_removed_and_others_kept() {
        let dir = scratch("stale-temps");
        let path = dir.join("graph.ron");
        for name in [".graph.ron.tmp-1-0", ".graph.ron.tmp-99-3", "keep.txt"] {
            fs::write(dir.join(name), b"x").unwrap();
        }
        fs::write(dir.join(".graph.dot.tmp-1-0"), b"x").unwrap();
        assert_eq!(remove_stale_temps(&path).unwrap(), 2);
        let mut names: Vec<_> = fs::read_dir(&*dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, [".graph.dot.tmp-1-0", "keep.txt"]);
        assert_eq!(
            remove_stale_temps(&dir.join("none/graph.ron")).unwrap(),
            0
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_temporary_name_is_not_followed() {
        let dir = scratch("temp-link");
        let outside = dir.join("outside.txt");
        fs::write(&outside, b"precious").unwrap();
        let out = dir.join("out");
        fs::create_dir(&out).unwrap();
        let path = out.join("graph.ron");
        // The name the next write_atomic call in this process will use.
        let n = TEMP_COUNTER.load(Ordering::Relaxed);
        let id = std::process::id();
        for k in n..n + 64 {
            let link = out.join(format!(".graph.ron.tmp-{id}-{k}"));
            std::os::unix::fs::symlink(&outside, link).unwrap();
        }
        write_atomic(&path, b"graph").unwrap();
        assert_eq!(fs::read(&outside).unwrap(), b"precious");
        assert_eq!(fs::read(&path).unwrap(), b"graph");
    }

    #[test]
    fn failed_write_cleans_up_and_keeps_target() {
        let dir = scratch("failed-write");
        let target = dir.join("graph.ron");
        fs::create_dir(&target).unwrap();
        let err = write_atomic(&target, b"data").unwrap_err();
        assert!(matches!(err, StoreError::Write { .. }));
        assert!(target.is_dir());
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
    }

    #[test]
    fn failed_load_leaves_file_untouched() {
        let dir = scratch("failed-load");
        let path = dir.join("graph.ron");
        let bytes = b"Envelope(format: \"claimgraph\", version: 9)\n";
        fs::write(&path, bytes).unwrap();
        assert!(load(&path).is_err());
        assert_eq!(fs::read(&path).unwrap(), bytes);
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
    }

    #[test]
    fn unreadable_and_binary_files_name_the_path() {
        let dir = scratch("unreadable");
        let missing = dir.join("missing.ron");
        let err = load(&missing).unwrap_err();
        assert!(matches!(err, StoreError::Read { .. }));
        assert!(err.to_string().contains("missing.ron"));
        let binary = dir.join("binary.ron");
        fs::write(&binary, [b'(', 0xff, 0xfe, b')']).unwrap();
        let err = load(&binary).unwrap_err();
        assert!(matches!(err, StoreError::NotUtf8 { offset: 1, .. }));
        assert!(err.to_string().contains("binary.ron"));
    }

    #[test]
    fn node_kinds_survive_loading() {
        let text = to_ron(&sample()).unwrap();
        let g = from_ron(&text, Path::new("k.ron")).unwrap();
        let kinds: Vec<&str> = g
            .nodes()
            .map(|n| match n {
                Node::Actor(_) => "actor",
                Node::Claim(_) => "claim",
                Node::Document(_) => "document",
                Node::Source(_) => "source",
            })
            .collect();
        assert_eq!(kinds, ["actor", "claim", "document"]);
    }
}
