//! Graphviz export: the claim graph as a DOT diagram, and its rendering.
//!
//! This is the last step of the `export` command and the only module that
//! names `graphviz_rust`. [`to_dot`] builds the graph-wide settings and the
//! legend as Graphviz syntax trees and prints them; the graph's nodes and
//! edges, nearly all of a large diagram, are written straight as text in
//! the printer's exact form (a test parses the text and prints it back),
//! each attribute value quoted and escaped on the way in, so no user text
//! can change the structure. Actors are blue boxes (grey and dashed when
//! unresolved or anonymous), claims yellow notes (outlined red when a
//! fact-checker rated them) and documents green folders, stacked in one
//! column at the right; actor -> claim edges are labelled with the cue
//! class, solid for direct quotes and dashed for paraphrase, and claim ->
//! document edges are thin grey lines. Counterclaims are red and dashed,
//! disputes dark red and dotted, and neither takes part in the layout's
//! ranking. Labels are shortened for reading; the full text and the
//! evidence behind each edge are in tooltips, which SVG viewers show on
//! hover, and documents and the edges they back link to the document's
//! address when it is known. A legend cluster explains the styles.
//! [`render`] runs the `dot` program to produce SVG (or another format) and
//! reports, rather than fails, when `dot` is not installed.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;
use std::process::{Command, Stdio};

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id,
    Node as DotNode, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use rayon::prelude::*;

pub use super::ExportError;
use super::{anchor, report_anchor, shorten};
use crate::graph::{
    Actor, ActorKind, Claim, ClaimGraph, DocumentNode, Edge, EdgeView,
    Evidence, GraphView, Node, SourceNode,
};
use crate::model::{decimal, stable_hash};
use crate::store::write_atomic;

/// Characters per line in a node label.
const WRAP: usize = 40;
/// Lines of claim text shown in a claim's label.
const CLAIM_LINES: usize = 3;
/// Mentions listed in an actor's tooltip.
const TOOLTIP_MENTIONS: usize = 12;
/// Characters kept of any one attribute value. Graphviz refuses a quoted
/// string longer than 16384 bytes, and a character here takes at most
/// four bytes (two when escaped), so 4000 always fits.
const MAX_VALUE: usize = 4000;
/// Characters of a node id written as is; a longer one is cut and made
/// unique again with a hash of the whole id.
const MAX_ID: usize = 200;

const FONT: &str = "Helvetica";
const ACTOR_FILL: &str = "#dbe9f7";
const VAGUE_FILL: &str = "#eeeeee";
const VAGUE_LINE: &str = "#888888";
const CLAIM_FILL: &str = "#fff8c4";
const DOCUMENT_FILL: &str = "#dcf1dc";
const SOURCE_FILL: &str = "#ecdff5";
const CITES_LINE: &str = "#8a6aa8";
const ATTRIBUTED_LINE: &str = "#2f4f6f";
const REPORTED_LINE: &str = "#a0a0a0";
/// Colour of counterclaim edges.
const CONTRADICT_LINE: &str = "#d62728";
/// Colour of dispute edges.
const DISPUTE_LINE: &str = "#8b0000";
/// Outline of claims a fact-checker rated.
const RATED_LINE: &str = "#b22222";

/// What [`render`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenderOutcome {
    /// The rendered image was written to the output path.
    Written,
    /// The `dot` program is not installed, so nothing was written; the
    /// caller should say so and keep the DOT text.
    DotMissing,
}

/// Choices [`to_dot_with`] offers beyond the defaults of [`to_dot`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DotOptions {
    /// Link actors and claims to `#actor-…` and `#claim-…`, and edges to
    /// the report they rest on, within the same page; the HTML report
    /// gives its table rows those ids. Documents keep their web address.
    pub page_links: bool,
}

/// The claim graph as a Graphviz DOT diagram, ending with a newline.
///
/// Nodes and edges appear in [`GraphData`] order, documents last, so
/// equal graphs give equal text.
pub fn to_dot(g: &ClaimGraph) -> String {
    to_dot_with(g, DotOptions::default())
}

/// [`to_dot`] with [`DotOptions`].
pub fn to_dot_with(g: &ClaimGraph, options: DotOptions) -> String {
    // Made as text, so it need not be checked to be UTF-8 once made.
    let mut text = String::new();
    let mut push = |part: &str| {
        text.push_str(part);
        Ok(())
    };
    write_dot_text(&g.view(), options, &mut push).expect("writing to memory");
    text
}

/// [`to_dot_with`], written to `w` one statement at a time: the diagram
/// of a large corpus is never held whole, as a syntax tree or as text.
/// Gives the same bytes as printing the whole syntax tree with
/// graphviz-rust's printer.
///
/// # Errors
///
/// Any error of `w`.
pub fn write_dot_with(
    g: &ClaimGraph,
    options: DotOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    write_dot_view(&g.view(), options, w)
}

/// [`write_dot_with`] of a graph's sorted view ([`ClaimGraph::view`]),
/// for a caller that writes other files from the same view.
///
/// # Errors
///
/// Any error of `w`.
pub fn write_dot_view(
    data: &GraphView,
    options: DotOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    write_dot_text(data, options, &mut |part| w.write_all(part.as_bytes()))
}

/// Where [`write_dot_text`] puts the diagram's text, a part at a time.
type Sink<'s> = dyn FnMut(&str) -> io::Result<()> + 's;

/// [`write_dot_view`], each part of the text given to `sink` in order.
fn write_dot_text(
    data: &GraphView,
    options: DotOptions,
    sink: &mut Sink,
) -> io::Result<()> {
    let links = Links::new(data, options);
    let mut ctx = PrinterContext::default();
    ctx.with_semi();
    // Printing the empty graph gives the opening line and leaves the
    // printer as it is for the statements of a digraph's body.
    let id = Id::Plain("claimgraph".to_string());
    let empty = Graph::DiGraph { id, strict: false, stmts: Vec::new() };
    let empty = empty.print(&mut ctx);
    let head = empty.strip_suffix("\n}").unwrap_or(&empty);
    sink(head)?;
    let mut first = true;
    let mut line = String::new();
    let mut put = |stmt: Stmt, sink: &mut Sink| -> io::Result<()> {
        line.clear();
        if !first {
            line.push('\n');
        }
        first = false;
        print_stmt(&stmt, "  ", &mut ctx, &mut line);
        sink(&line)
    };
    for stmt in defaults() {
        put(stmt, sink)?;
    }
    put(Stmt::Subgraph(legend()), sink)?;
    let (shown, hidden) = linked_nodes(data);
    if hidden > 0 {
        let note = match hidden {
            1 => "1 node with no edge is not drawn".to_string(),
            n => format!("{n} nodes with no edge are not drawn"),
        };
        put(Stmt::Attribute(attr("label", &note)), sink)?;
        put(Stmt::Attribute(attr("labelloc", "b")), sink)?;
    }
    let (docs, others): (Vec<&Node>, Vec<&Node>) =
        shown.into_iter().partition(|n| matches!(n, Node::Document(_)));
    let mut buffers = LineBuffers::default();
    write_lines(&others, &mut buffers, sink, |n, out, text| {
        push_node(out, "  ", n, &links, text);
    })?;
    if !docs.is_empty() {
        // The column's opening and closing lines, as the printer puts a
        // subgraph with `rank="same"` first.
        sink("\n  subgraph documents {\n    rank=\"same\";")?;
        write_lines(&docs, &mut buffers, sink, |n, out, text| {
            push_node(out, "    ", n, &links, text);
        })?;
        sink("\n  };")?;
    }
    // The edges, most of the text, a run of groups at a time: the groups
    // of a large graph are never all held either.
    let count = data.edge_count();
    let mut groups: Vec<Range<usize>> = Vec::with_capacity(LINE_RUN);
    let mut at = 0;
    while at < count {
        let end = group_end(data, at);
        groups.push(at..end);
        at = end;
        if groups.len() == LINE_RUN || at == count {
            write_lines(&groups, &mut buffers, sink, |group, out, text| {
                push_edge(out, data, group.clone(), &links, text);
            })?;
            groups.clear();
        }
    }
    sink("\n}\n")
}

/// How many lines [`write_lines`] makes before writing them, and how
/// many each task of a run makes.
const LINE_RUN: usize = 8192;
const LINE_CHUNK: usize = 256;

/// Buffers for [`write_lines`], one for each task of a run and a scratch
/// string beside it, kept from run to run: filled again rather than
/// grown from nothing, they are not copied as they grow, and their memory
/// is not fetched fresh from the system for every run.
#[derive(Default)]
struct LineBuffers(Vec<(String, String)>);

/// Gives `sink` a line for each of `items`, in order, each after a line
/// break (something always came before). The lines are made on every
/// core a run at a time, each task into one of `buffers`, by `line(item,
/// out, text)`, which appends the item's line to `out` and may use
/// `text` as scratch space.
fn write_lines<T: Sync>(
    items: &[T],
    buffers: &mut LineBuffers,
    sink: &mut Sink,
    line: impl Fn(&T, &mut String, &mut String) + Sync,
) -> io::Result<()> {
    for run in items.chunks(LINE_RUN) {
        let tasks = run.len().div_ceil(LINE_CHUNK);
        if buffers.0.len() < tasks {
            buffers.0.resize_with(tasks, Default::default);
        }
        let buffers = &mut buffers.0[..tasks];
        run.par_chunks(LINE_CHUNK).zip(buffers.par_iter_mut()).for_each(
            |(chunk, (out, text))| {
                out.clear();
                for item in chunk {
                    out.push('\n');
                    line(item, out, text);
                }
            },
        );
        for (out, _) in buffers.iter() {
            sink(out)?;
        }
    }
    Ok(())
}

/// Where the line of the edge at `at` ends in `edges`: one edge a line,
/// except that the counterclaim links between the same two claims (one
/// for each pair of their reports) are drawn as one line. Edges are
/// sorted by their ends and kind, so those are next to each other.
fn group_end(data: &GraphView, at: usize) -> usize {
    let first = data.edge(at);
    if !matches!(first.edge, Edge::Contradicts { .. }) {
        return at + 1;
    }
    let same = |e: &EdgeView| {
        matches!(e.edge, Edge::Contradicts { .. })
            && (e.from, e.to) == (first.from, first.to)
    };
    let rest = (at + 1..data.edge_count()).map(|i| data.edge(i));
    at + 1 + rest.take_while(|e| same(e)).count()
}

/// The nodes to draw and how many are left out: a node with no edge
/// (an actor the texts name but never quote, say) is left out, since a
/// column of them pushes the rest of the diagram off screen, unless no
/// node has an edge. The other formats keep every node.
fn linked_nodes<'g>(data: &GraphView<'g>) -> (Vec<&'g Node>, usize) {
    // Only asked whether it holds an id: a hash set, not a sorted one.
    // Sized by the nodes, not collected: collecting reserves room for
    // both ends of every edge, 17 million for a 1 GB corpus's graph
    // (570 MB) where 860,000 nodes are all it can hold.
    let mut linked: HashSet<&str, foldhash::fast::RandomState> =
        HashSet::with_capacity_and_hasher(
            data.nodes.len(),
            Default::default(),
        );
    for e in data.edges() {
        linked.insert(e.from);
        linked.insert(e.to);
    }
    if linked.is_empty() {
        return (data.nodes.clone(), 0);
    }
    let shown: Vec<&Node> = data
        .nodes
        .iter()
        .copied()
        .filter(|n| linked.contains(n.id()))
        .collect();
    let hidden = data.nodes.len() - shown.len();
    (shown, hidden)
}

/// Renders `dot_text` with the `dot` program into `out` in `format`
/// (`"svg"`, `"png"`, `"pdf"`…), writing the file atomically.
///
/// Returns [`RenderOutcome::DotMissing`] without writing anything when
/// `dot` is not on the `PATH`.
pub fn render(
    dot_text: &str,
    format: &str,
    out: &Path,
) -> Result<RenderOutcome, ExportError> {
    match render_bytes(dot_text, format)? {
        Some(bytes) => {
            write_atomic(out, &bytes)?;
            Ok(RenderOutcome::Written)
        }
        None => Ok(RenderOutcome::DotMissing),
    }
}

/// Renders `dot_text` with the `dot` program in `format` and returns the
/// image, or `None` when `dot` is not on the `PATH`.
///
/// A PDF's creation date is set to 1970-01-01, so that the same diagram
/// always gives the same bytes.
pub fn render_bytes(
    dot_text: &str,
    format: &str,
) -> Result<Option<Vec<u8>>, ExportError> {
    check_format(format)?;
    if !dot_available() {
        return Ok(None);
    }
    let mut bytes = run_dot(dot_text, format).map_err(|e| dot_error(&e))?;
    if format.split(':').next() == Some("pdf") {
        pin_pdf_dates(&mut bytes);
    }
    Ok(Some(bytes))
}

/// Runs `dot -T<format>` on `dot_text` and returns what it printed.
///
/// The text goes to `dot` through a pipe, not a temporary file, so
/// rendering writes nothing outside the output file (and a build killed
/// while `dot` runs leaves nothing behind). A thread feeds the pipe while
/// the output is read, so neither side can block the other.
fn run_dot(dot_text: &str, format: &str) -> io::Result<Vec<u8>> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = dot_text.to_string();
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output()?;
    // When `dot` fails it may stop reading early; its message then says
    // more than the broken pipe the feeder saw.
    let fed = feeder.join().unwrap_or(Ok(()));
    if !output.status.success() {
        let mut message = String::from_utf8_lossy(&output.stderr).into_owned();
        if message.trim().is_empty() && output.status.code().is_none() {
            // Graphviz itself can crash on a large diagram.
            message = format!("dot crashed ({})", output.status);
        }
        return Err(io::Error::other(message));
    }
    fed?;
    Ok(output.stdout)
}

/// True when a `dot` program is on the `PATH`.
pub fn dot_available() -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    let names: &[&str] =
        if cfg!(windows) { &["dot.exe", "dot"] } else { &["dot"] };
    std::env::split_paths(&path)
        .any(|dir| names.iter().any(|name| dir.join(name).is_file()))
}

/// Refuses format names that cannot be a Graphviz output format.
fn check_format(format: &str) -> Result<(), ExportError> {
    let ok = !format.is_empty()
        && format.len() <= 32
        && format
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.:".contains(c));
    if ok { Ok(()) } else { Err(ExportError::BadFormat(format.to_string())) }
}

/// Turns a failure of the `dot` program into an [`ExportError`].
///
/// Layout failures come with a dump of Graphviz's internal state; only
/// the distinct `Error:` lines are kept when there are any.
fn dot_error(e: &io::Error) -> ExportError {
    let text = e.to_string();
    let mut errors: Vec<&str> = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("Error")) {
        if !errors.contains(&line) {
            errors.push(line);
        }
    }
    let message = match (errors.is_empty(), text.trim()) {
        (false, _) => errors.join("; "),
        (true, "") => "dot exited with an error".to_string(),
        (true, text) => text.to_string(),
    };
    ExportError::Dot { message }
}

/// Overwrites the digits of a PDF's `/CreationDate` and `/ModDate` with
/// 1970-01-01 00:00:00, in place.
///
/// Graphviz's cairo backend stamps the time of rendering there and the
/// installed cairo ignores `SOURCE_DATE_EPOCH`. The digits are replaced
/// one for one, so the byte offsets the PDF's index holds stay right.
fn pin_pdf_dates(pdf: &mut [u8]) {
    const EPOCH: &[u8] = b"19700101000000";
    for key in [&b"/CreationDate (D:"[..], &b"/ModDate (D:"[..]] {
        let Some(at) = pdf.windows(key.len()).position(|w| w == key) else {
            continue;
        };
        let start = at + key.len();
        let digits = pdf[start..]
            .iter()
            .take(EPOCH.len())
            .take_while(|b| b.is_ascii_digit())
            .count();
        pdf[start..start + digits].copy_from_slice(&EPOCH[..digits]);
    }
}

/// Where nodes and edges link to.
struct Links {
    /// Link targets of documents with a web address, by document name
    /// (the name evidence uses).
    documents: BTreeMap<String, String>,
    /// Whether to link within the page, as [`DotOptions::page_links`].
    page: bool,
}

impl Links {
    fn new(data: &GraphView, options: DotOptions) -> Links {
        let documents = data
            .nodes
            .iter()
            .filter_map(|n| match n {
                Node::Document(d) => {
                    let url = link_target(d.url.as_deref()?)?;
                    Some((d.name.clone(), url))
                }
                _ => None,
            })
            .collect();
        Links { documents, page: options.page_links }
    }

    /// The link of a node: a document's address, or within the page.
    fn node(&self, n: &Node) -> Option<Cow<'_, str>> {
        match n {
            Node::Document(d) => {
                self.documents.get(&d.name).map(|url| Cow::from(url.as_str()))
            }
            other if self.page => {
                Some(Cow::from(format!("#{}", anchor(other.id()))))
            }
            _ => None,
        }
    }

    /// The link of an edge: its report within the page, or the address
    /// of the document its evidence is in.
    fn evidence(&self, ev: &Evidence) -> Option<Cow<'_, str>> {
        if self.page {
            return Some(Cow::from(format!("#{}", report_anchor(ev))));
        }
        self.documents.get(&*ev.document).map(|url| Cow::from(url.as_str()))
    }
}

/// Attributes of a style, `(key, value)` in the order they are written.
/// Styles are constant, so a node or edge copies its style's text rather
/// than building attributes for it.
type Style = &'static [(&'static str, &'static str)];

/// The attributes of `style`, for the syntax tree.
fn style_attrs(style: Style) -> Vec<Attribute> {
    style.iter().map(|&(key, value)| attr(key, value)).collect()
}

/// Graph-wide settings: layout direction and fonts.
fn defaults() -> Vec<Stmt> {
    let graph = vec![
        attr("rankdir", "LR"),
        attr("fontname", FONT),
        attr("bgcolor", "white"),
    ];
    let node = vec![attr("fontname", FONT), attr("fontsize", "11")];
    let edge = vec![attr("fontname", FONT), attr("fontsize", "9")];
    vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph)),
        Stmt::GAttribute(GraphAttributes::Node(node)),
        Stmt::GAttribute(GraphAttributes::Edge(edge)),
    ]
}

/// A cluster with one sample of each node kind and edge style.
fn legend() -> Subgraph {
    let actor = "legend:actor";
    let vague = "legend:vague";
    let claim = "legend:claim";
    let rated = "legend:rated";
    let doc = "legend:document";
    let source = "legend:source";
    let sample = |id: &str, label: &str, style: Style| {
        let mut attributes = style_attrs(style);
        attributes.push(attr("label", label));
        Stmt::Node(DotNode::new(node_id(id), attributes))
    };
    let link = |from: &str, to: &str, mut style: Vec<Attribute>, l: &str| {
        style.push(attr("label", l));
        Stmt::Edge(dot_edge(from, to, style))
    };
    let stmts = vec![
        Stmt::Attribute(attr("label", "Legend")),
        Stmt::Attribute(attr("style", "rounded")),
        Stmt::Attribute(attr("color", VAGUE_LINE)),
        sample(actor, "Actor", actor_style(false)),
        sample(vague, "Unresolved or\nanonymous actor", actor_style(true)),
        sample(claim, "Claim", claim_style()),
        sample(rated, "Claim a fact-checker\nrated", rated_claim_style()),
        sample(doc, "Document", document_style()),
        sample(source, "Cited source", source_style()),
        link(
            actor,
            claim,
            style_attrs(attributed_style(true)),
            "direct quote",
        ),
        link(vague, claim, style_attrs(attributed_style(false)), "paraphrase"),
        link(claim, doc, style_attrs(reported_style()), "reported in"),
        link(claim, rated, legend_conflict(false), "contradicts"),
        link(doc, rated, legend_conflict(true), "disputes"),
        link(doc, source, style_attrs(cites_style()), "cites"),
    ];
    Subgraph { id: Id::Plain("cluster_legend".to_string()), stmts }
}

/// A conflict edge's style for the legend, where, unlike in the graph,
/// it may rank its ends (the samples then sit in a tidy row) and so may
/// have an ordinary label.
fn legend_conflict(disputes: bool) -> Vec<Attribute> {
    let style = conflict_style(disputes);
    let kept = style.iter().filter(|&&(key, _)| key != "constraint");
    kept.map(|&(key, value)| attr(key, value)).collect()
}

/// The attribute list of one node or edge, `[key="value" …]`, written
/// straight into the text of its line: the graph's nodes and edges are
/// almost all of a large diagram, and building graphviz-rust attributes
/// for them (two strings each) took most of the time of writing it.
/// Every value is quoted and escaped on the way in, as [`attr`] does for
/// the syntax tree, so no text can end a string early; keys are this
/// module's own names.
struct AttrList<'o> {
    out: &'o mut String,
    /// Whether the `[` is written.
    open: bool,
}

impl<'o> AttrList<'o> {
    fn new(out: &'o mut String) -> AttrList<'o> {
        AttrList { out, open: false }
    }

    /// `key=`, after the separator the printer puts before it.
    fn key(&mut self, key: &str) {
        self.out.push(if self.open { ' ' } else { '[' });
        self.open = true;
        self.out.push_str(key);
        self.out.push('=');
    }

    /// `key="value"`, the value cut as [`attr`] cuts it; returns where
    /// the quoted value is in the line, for [`AttrList::repeat`].
    fn add(&mut self, key: &str, value: &str) -> Range<usize> {
        self.key(key);
        let start = self.out.len();
        push_value(self.out, value);
        start..self.out.len()
    }

    /// The quoted value at `value` in the line again, under `key`.
    fn repeat(&mut self, key: &str, value: Range<usize>) {
        self.key(key);
        self.out.extend_from_within(value);
    }

    /// Each attribute of `style`. Its values are this module's constants,
    /// which quoting leaves as they are (a test checks), so they are
    /// copied between quotes, not scanned for what to escape.
    fn style(&mut self, style: Style) {
        for &(key, value) in style {
            self.key(key);
            self.out.push('"');
            self.out.push_str(value);
            self.out.push('"');
        }
    }

    /// `URL` and, for a link that leaves the page, `target`.
    fn link(&mut self, link: Option<&str>) {
        let Some(link) = link else { return };
        self.add("URL", link);
        if !link.starts_with('#') {
            self.add("target", "_blank");
        }
    }

    /// The closing `]`, when any attribute was written.
    fn end(self) {
        if self.open {
            self.out.push(']');
        }
    }
}

/// One node's statement, `"id"[…];`, at `indent`; `text` is scratch
/// space for its label and tooltip.
fn push_node(
    out: &mut String,
    indent: &str,
    n: &Node,
    links: &Links,
    text: &mut String,
) {
    out.push_str(indent);
    push_node_id(out, n.id());
    let mut attrs = AttrList::new(out);
    match n {
        Node::Actor(a) => actor_attrs(&mut attrs, a, text),
        Node::Claim(c) => claim_attrs(&mut attrs, c, text),
        Node::Document(d) => document_attrs(&mut attrs, d, text),
        Node::Source(s) => source_attrs(&mut attrs, s, text),
    }
    attrs.link(links.node(n).as_deref());
    attrs.end();
    out.push(';');
}

/// True for actors the text never tied to a named source.
fn is_vague(kind: ActorKind) -> bool {
    matches!(kind, ActorKind::Unresolved | ActorKind::Anonymous)
}

/// Shape and colours of an actor; `vague` for unresolved or anonymous.
fn actor_style(vague: bool) -> Style {
    if vague {
        &[
            ("shape", "box"),
            ("style", "rounded,filled,dashed"),
            ("fillcolor", VAGUE_FILL),
            ("color", VAGUE_LINE),
        ]
    } else {
        &[
            ("shape", "box"),
            ("style", "rounded,filled"),
            ("fillcolor", ACTOR_FILL),
        ]
    }
}

/// Appends `lines` to `text`, one a line.
fn push_lines(text: &mut String, lines: &[String]) {
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(line);
    }
}

/// An actor: its name (and kind unless a person), mentions in the tooltip.
fn actor_attrs(attrs: &mut AttrList, a: &Actor, text: &mut String) {
    let mut lines = wrap(&a.name, WRAP, 2);
    if a.kind != ActorKind::Person {
        lines.push(format!("({})", a.kind.name()));
    }
    attrs.style(actor_style(is_vague(a.kind)));
    text.clear();
    push_lines(text, &lines);
    attrs.add("label", text);
    text.clear();
    text.push_str(&a.name);
    text.push_str(" (");
    text.push_str(a.kind.name());
    text.push_str(")\nmentions: ");
    for (i, mention) in a.mentions.iter().take(TOOLTIP_MENTIONS).enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(mention);
    }
    if a.mentions.len() > TOOLTIP_MENTIONS {
        text.push_str(", …");
    }
    attrs.add("tooltip", text);
}

/// Shape and colours of a claim.
fn claim_style() -> Style {
    &[("shape", "note"), ("style", "filled"), ("fillcolor", CLAIM_FILL)]
}

/// Shape and colours of a claim a fact-checker rated: a red outline.
fn rated_claim_style() -> Style {
    &[
        ("shape", "note"),
        ("style", "filled"),
        ("fillcolor", CLAIM_FILL),
        ("color", RATED_LINE),
        ("penwidth", "2"),
    ]
}

/// A claim: shortened text as label, full text as tooltip; a rated
/// claim shows its ratings under the text.
fn claim_attrs(attrs: &mut AttrList, c: &Claim, text: &mut String) {
    let mut lines = wrap(&c.text, WRAP, CLAIM_LINES);
    if c.verdicts.is_empty() {
        attrs.style(claim_style());
        text.clear();
        push_lines(text, &lines);
        attrs.add("label", text);
        attrs.add("tooltip", &c.text);
        return;
    }
    for v in &c.verdicts {
        lines.extend(wrap(&format!("rated: {}", v.rating), WRAP, 1));
    }
    attrs.style(rated_claim_style());
    text.clear();
    push_lines(text, &lines);
    attrs.add("label", text);
    text.clear();
    text.push_str(&c.text);
    for v in &c.verdicts {
        text.push_str("\nrated ");
        text.push_str(&v.rating);
        text.push_str(" by ");
        text.push_str(&v.author);
    }
    attrs.add("tooltip", text);
}

/// Shape and colours of a document.
fn document_style() -> Style {
    &[("shape", "folder"), ("style", "filled"), ("fillcolor", DOCUMENT_FILL)]
}

/// A document: name and publisher, metadata in the tooltip, a link.
fn document_attrs(attrs: &mut AttrList, d: &DocumentNode, text: &mut String) {
    let mut lines = wrap(&d.name, WRAP, 1);
    if let Some(publisher) = &d.publisher {
        lines.extend(wrap(publisher, WRAP, 1));
    }
    attrs.style(document_style());
    text.clear();
    push_lines(text, &lines);
    attrs.add("label", text);
    text.clear();
    push_document_tooltip(text, d);
    attrs.add("tooltip", text);
}

/// Shape and colours of a cited source.
fn source_style() -> Style {
    &[("shape", "cylinder"), ("style", "filled"), ("fillcolor", SOURCE_FILL)]
}

/// A cited source: its name and kind.
fn source_attrs(attrs: &mut AttrList, s: &SourceNode, text: &mut String) {
    let mut lines = wrap(&s.name, WRAP, 2);
    lines.push(format!("({})", s.kind.name()));
    attrs.style(source_style());
    text.clear();
    push_lines(text, &lines);
    attrs.add("label", text);
    text.clear();
    text.push_str(&s.name);
    text.push_str(" (");
    text.push_str(s.kind.name());
    text.push(')');
    attrs.add("tooltip", text);
}

/// Appends the document's metadata to `text`, one item a line.
fn push_document_tooltip(text: &mut String, d: &DocumentNode) {
    text.push_str("document: ");
    text.push_str(&d.name);
    let fields = [
        ("title", &d.title),
        ("publisher", &d.publisher),
        ("date", &d.date),
        ("url", &d.url),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            text.push('\n');
            text.push_str(name);
            text.push_str(": ");
            text.push_str(value);
        }
    }
}

/// The link for a document's address, or `None` when it is not a plain
/// web address (`javascript:`, say), which then stays in the tooltip only.
///
/// Characters that may not appear raw in a URL are percent-encoded and
/// `&` is written as `&amp;`: some Graphviz versions copy `URL` into SVG
/// without escaping it, and both forms are read correctly by the ones that
/// do escape.
fn link_target(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    if !lower.starts_with("http://") && !lower.starts_with("https://") {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' | '\'' | '<' | '>' | '\\' | '`' | ' ' => {
                out.push_str(&format!("%{:02X}", u32::from(c)));
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Some(out)
}

/// The line of the diagram for the edges `group` of `data` (see
/// [`group_end`]), `"from" -> "to" […];`, with every edge's evidence in
/// its tooltip and a link to the first's; `text` is scratch space for the
/// tooltip.
fn push_edge(
    out: &mut String,
    data: &GraphView,
    group: Range<usize>,
    links: &Links,
    text: &mut String,
) {
    let rec = data.edge(group.start);
    out.push_str("  ");
    push_node_id(out, rec.from);
    out.push_str(" -> ");
    push_node_id(out, rec.to);
    out.push(' ');
    let mut attrs = AttrList::new(out);
    edge_style(&mut attrs, rec.edge, group.len());
    text.clear();
    for i in group.clone() {
        if i > group.start {
            text.push_str("\n\n");
        }
        push_evidence_tooltip(text, data.edge(i).edge);
    }
    let tooltip = attrs.add("tooltip", text);
    if !matches!(rec.edge, Edge::ReportedIn { .. }) {
        // The same value, quoted once.
        attrs.repeat("labeltooltip", tooltip);
    }
    attrs.link(links.evidence(rec.edge.evidence()).as_deref());
    attrs.end();
    out.push(';');
}

/// Style and label of a line standing for `count` edges like `edge`.
fn edge_style(attrs: &mut AttrList, edge: &Edge, count: usize) {
    match edge {
        Edge::Attributed { class, direct, .. } => {
            attrs.style(attributed_style(*direct));
            attrs.add("label", class.name());
        }
        Edge::ReportedIn { .. } => attrs.style(reported_style()),
        Edge::Contradicts { .. } => {
            attrs.style(conflict_style(false));
            let label = match count {
                1 => Cow::from("contradicts"),
                n => Cow::from(format!("contradicts ×{n}")),
            };
            attrs.add("xlabel", &label);
        }
        Edge::Disputes { .. } => {
            attrs.style(conflict_style(true));
            attrs.add("xlabel", "disputes");
        }
        Edge::Cites { .. }
        | Edge::BackedBy { .. }
        | Edge::Identifies { .. } => {
            attrs.style(cites_style());
            attrs.add("label", edge.kind_name());
        }
    }
}

/// Line style of actor -> claim edges: solid when quoted verbatim.
fn attributed_style(direct: bool) -> Style {
    if direct {
        &[
            ("style", "solid"),
            ("color", ATTRIBUTED_LINE),
            ("fontcolor", ATTRIBUTED_LINE),
        ]
    } else {
        &[
            ("style", "dashed"),
            ("color", ATTRIBUTED_LINE),
            ("fontcolor", ATTRIBUTED_LINE),
        ]
    }
}

/// Line style of claim -> document edges: thin and grey.
fn reported_style() -> Style {
    &[
        ("color", REPORTED_LINE),
        ("fontcolor", REPORTED_LINE),
        ("penwidth", "0.6"),
        ("arrowsize", "0.6"),
    ]
}

/// Counterclaims red and dashed, disputes dark red and dotted; neither
/// takes part in the layout's ranking, so they do not bend the diagram.
///
/// Their label must be an `xlabel`, placed once the layout is done:
/// Graphviz
/// (2.43 at least) fails with "trouble in init_rank" or "lost edge" when
/// an edge outside the ranking carries an ordinary label, which dot lays
/// out as a node of its own.
fn conflict_style(disputes: bool) -> Style {
    if disputes {
        &[
            ("style", "dotted"),
            ("color", DISPUTE_LINE),
            ("fontcolor", DISPUTE_LINE),
            ("constraint", "false"),
            ("weight", "0"),
            ("penwidth", "1.4"),
        ]
    } else {
        &[
            ("style", "dashed"),
            ("color", CONTRADICT_LINE),
            ("fontcolor", CONTRADICT_LINE),
            ("constraint", "false"),
            ("weight", "0"),
            ("penwidth", "1.4"),
        ]
    }
}

/// Line style of the edges to and from cited sources: dotted.
fn cites_style() -> Style {
    &[("style", "dotted"), ("color", CITES_LINE), ("fontcolor", CITES_LINE)]
}

/// Appends what an edge rests on, for its tooltip, to `text`: written in
/// place piece by piece, since a graph has millions of these and the
/// formatting machinery was most of their cost.
fn push_evidence_tooltip(text: &mut String, edge: &Edge) {
    let ev = edge.evidence();
    match edge {
        Edge::Attributed { class, direct, .. } => {
            text.push_str(class.name());
            text.push_str(if *direct {
                " (direct quote)"
            } else {
                " (paraphrase)"
            });
        }
        Edge::ReportedIn { .. } => text.push_str("reported in"),
        Edge::Contradicts { reason, rule, confidence, b, .. } => {
            let _ = write!(
                text,
                "contradicts ({rule}, {confidence}%)\n{reason}\nA: "
            );
            push_report_line(text, ev);
            text.push_str("\nB: ");
            push_report_line(text, &b.evidence);
            return;
        }
        Edge::Disputes { reason, rule, marker, confidence, .. } => {
            let _ = write!(
                text,
                "disputes ({rule}, {confidence}%): \"{marker}\"\n{reason}\n"
            );
            push_report_line(text, ev);
            return;
        }
        other => {
            let name = other.kind_name();
            text.extend(name.chars().map(|c| if c == '_' { ' ' } else { c }));
        }
    }
    text.push_str("\ndocument: ");
    text.push_str(&ev.document);
    text.push_str("\nspan: ");
    push_span(text, ev.span);
    for (name, part, span) in [
        ("speaker", &ev.speaker, ev.speaker_span),
        ("cue", &ev.cue, ev.cue_span),
    ] {
        // `name: part [start-end]`, when the evidence has that part.
        if let Some(part) = part.as_deref() {
            text.push('\n');
            text.push_str(name);
            text.push_str(": ");
            text.push_str(part);
            if let Some(span) = span {
                text.push_str(" [");
                push_span(text, span);
                text.push(']');
            }
        }
    }
    text.push_str("\nrule: ");
    text.push_str(&ev.rule);
    text.push_str("\ntext: ");
    text.push_str(&ev.text);
}

/// Appends one report in a line: document, span and text.
fn push_report_line(text: &mut String, ev: &Evidence) {
    text.push_str(&ev.document);
    text.push_str(" [");
    push_span(text, ev.span);
    text.push_str("]: ");
    text.push_str(&ev.text);
}

/// Appends a span as `start-end`.
fn push_span(text: &mut String, span: [u32; 2]) {
    push_number(text, span[0]);
    text.push('-');
    push_number(text, span[1]);
}

/// Appends `n` in decimal (see [`decimal`]), its ASCII digits pushed
/// as characters of one byte each.
fn push_number(text: &mut String, n: u32) {
    text.extend(
        decimal(n.into(), &mut [0; 20]).iter().map(|&d| char::from(d)),
    );
}

/// Word-wraps `text` to lines of at most `width` characters, keeping at
/// most `max_lines` and ending with "…" when text was dropped.
///
/// Stops at the first line past those kept: a claim's label shows three
/// lines of a text that may run to pages.
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    // Room for the lines kept and the one that shows there are more, and
    // for a line of `width` one-byte characters.
    let mut lines: Vec<String> = Vec::with_capacity(max_lines.max(1) + 1);
    let mut current = String::with_capacity(width);
    // Characters in `current`, kept rather than counted again.
    let mut current_chars = 0;
    let pieces = text.split_whitespace().flat_map(|w| split_word(w, width));
    for piece in pieces {
        let piece_chars = piece.chars().count();
        if current.is_empty() {
            current.push_str(piece);
            current_chars = piece_chars;
        } else if current_chars + 1 + piece_chars <= width {
            current.push(' ');
            current.push_str(piece);
            current_chars += 1 + piece_chars;
        } else {
            let next = String::with_capacity(width);
            lines.push(std::mem::replace(&mut current, next));
            current.push_str(piece);
            current_chars = piece_chars;
            if lines.len() == max_lines.max(1) {
                // More lines than kept: the rest cannot change these.
                break;
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    cut_lines(lines, width, max_lines)
}

/// Splits a word longer than `width` characters into pieces that fit.
fn split_word(word: &str, width: usize) -> impl Iterator<Item = &str> {
    let width = width.max(1);
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // No more bytes than `width` is no more characters: all of it.
        let end = if rest.len() <= width {
            rest.len()
        } else {
            rest.char_indices().nth(width).map_or(rest.len(), |(at, _)| at)
        };
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some(piece)
    })
}

/// Keeps the first `max_lines` lines, ending the last one with "…" when
/// any were dropped.
fn cut_lines(
    mut lines: Vec<String>,
    width: usize,
    max_lines: usize,
) -> Vec<String> {
    if lines.len() <= max_lines {
        return lines;
    }
    lines.truncate(max_lines.max(1));
    if let Some(last) = lines.last_mut() {
        *last = with_ellipsis(last, width);
    }
    lines
}

/// `line` followed by "…", cut back (at a space when it can) to stay
/// within `width` characters.
fn with_ellipsis(line: &str, width: usize) -> String {
    let room = width.saturating_sub(1);
    if line.chars().count() <= room {
        return format!("{line}…");
    }
    let kept: String = line.chars().take(room).collect();
    let kept = match kept.rfind(' ') {
        Some(space) if space > 0 => &kept[..space],
        _ => kept.as_str(),
    };
    format!("{}…", kept.trim_end())
}

/// A node id for the syntax tree, as [`push_node_id`] writes it.
fn node_id(id: &str) -> NodeId {
    let mut text = String::with_capacity(id.len() + 2);
    push_node_id(&mut text, id);
    NodeId(Id::Escaped(text), None)
}

/// Appends a node id; the graph's ids are quoted and escaped like any
/// text.
///
/// An id longer than [`MAX_ID`] characters (from a 5 MB "word" in a
/// speaker's name, say) keeps its start and gains a hash of the whole, so
/// it stays unique and within Graphviz's limits. An id of at most
/// `MAX_ID` bytes has at most as many characters, so only a longer one is
/// counted.
fn push_node_id(out: &mut String, id: &str) {
    if id.len() <= MAX_ID || id.chars().nth(MAX_ID).is_none() {
        push_quoted(out, id);
        return;
    }
    let start: String = id.chars().take(MAX_ID / 2).collect();
    let short = format!("{start}…#{:016x}", stable_hash(id.as_bytes()));
    push_quoted(out, &short);
}

/// An edge between two nodes named by their graph ids.
fn dot_edge(from: &str, to: &str, attributes: Vec<Attribute>) -> DotEdge {
    let ty = EdgeTy::Pair(Vertex::N(node_id(from)), Vertex::N(node_id(to)));
    DotEdge { ty, attributes }
}

/// An attribute whose value is `value`, quoted and escaped, and cut to
/// [`MAX_VALUE`] characters, as [`push_value`] writes it.
fn attr(key: &str, value: &str) -> Attribute {
    let mut text = String::with_capacity(value.len() + 2);
    push_value(&mut text, value);
    Attribute(Id::Plain(key.to_string()), Id::Escaped(text))
}

/// Appends `value` quoted and escaped, cut to [`MAX_VALUE`] characters.
fn push_value(out: &mut String, value: &str) {
    // A value of at most MAX_VALUE bytes has at most as many characters,
    // so only a longer one is counted, and only one too long is copied.
    if value.len() > MAX_VALUE && value.chars().nth(MAX_VALUE).is_some() {
        push_quoted(out, &shorten(value, MAX_VALUE));
    } else {
        push_quoted(out, value);
    }
}

/// True for the bytes [`push_quoted`] stops at: `"`, `\`, the ASCII
/// control characters, and 0xC2, which starts the control characters
/// U+0080 to U+009F (and other characters, which stay). Tested without
/// branches (`|`, not `||`), so that a block of bytes is tested at once.
fn is_special(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\') | (b == 0x7f) | (b == 0xc2)
}

/// Where the first byte [`is_special`] is in `bytes`. Most text has
/// none for dozens of bytes, so blocks of 16 are tested whole first: a
/// test the compiler makes a few vector instructions.
///
/// In the block that holds one, the first is found eight bytes at a
/// time ([`first_special`]): tooltips break their lines every few dozen
/// bytes, and finding the break in its block a byte at a time cost more
/// than testing the blocks before it.
fn find_special(bytes: &[u8]) -> Option<usize> {
    let (blocks, tail) = bytes.as_chunks::<16>();
    for (k, block) in blocks.iter().enumerate() {
        if block.iter().fold(false, |any, &b| any | is_special(b)) {
            let (low, high) = block.split_at(8);
            let word = |half: &[u8]| {
                u64::from_le_bytes(half.try_into().expect("eight bytes"))
            };
            let at = first_special(word(low))
                .unwrap_or_else(|| 8 + first_special(word(high)).unwrap_or(8));
            return Some(16 * k + at);
        }
    }
    // Under 16 bytes left (all of most labels and ids): eight at a time
    // while there are, then a byte at a time.
    let mut at = 16 * blocks.len();
    let (words, rest) = tail.as_chunks::<8>();
    for word in words {
        if let Some(i) = first_special(u64::from_le_bytes(*word)) {
            return Some(at + i);
        }
        at += 8;
    }
    rest.iter().position(|&b| is_special(b)).map(|i| at + i)
}

/// Where the first byte [`is_special`] is in the eight bytes of `word`
/// (little-endian, so the first byte is the lowest), by the usual tests
/// of every byte of a word at once. Each test flags its first byte
/// exactly; a borrow may flag bytes after it too, never one before, so
/// the lowest flag of all is the first special byte.
fn first_special(word: u64) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte below `n` (at most 0x80) sets its high bit.
    let below = |n: u64| word.wrapping_sub(ONES * n) & !word & HIGHS;
    let equal = |b: u64| {
        let x = word ^ (ONES * b);
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let flags = below(0x20)
        | equal(u64::from(b'"'))
        | equal(u64::from(b'\\'))
        | equal(0x7f)
        | equal(0xc2);
    (flags != 0).then(|| flags.trailing_zeros() as usize / 8)
}

/// Appends `text` as a DOT double-quoted string.
///
/// Backslashes and quotes are escaped, so text can never end the string
/// early or trigger Graphviz's `\N`-style substitutions; line breaks
/// become `\n` (a centred line break in labels, a newline in tooltips);
/// other control characters become spaces. The bytes between are copied
/// in runs, found by [`find_special`].
fn push_quoted(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push('"');
    // The start of the bytes not yet copied, and where to look next.
    let mut run = 0;
    let mut at = 0;
    while let Some(skip) = find_special(&bytes[at..]) {
        at += skip;
        let (escaped, len) = match bytes[at] {
            b'\\' => ("\\\\", 1),
            b'"' => ("\\\"", 1),
            // "\r\n" is one line break.
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => ("\\n", 2),
            b'\n' | b'\r' => ("\\n", 1),
            0xc2 if matches!(bytes.get(at + 1), Some(0x80..=0x9f)) => (" ", 2),
            // Another character starting with 0xC2 stays.
            0xc2 => {
                at += 1;
                continue;
            }
            _ => (" ", 1),
        };
        out.push_str(&text[run..at]);
        out.push_str(escaped);
        at += len;
        run = at;
    }
    out.push_str(&text[run..]);
    out.push('"');
}

/// Prints `stmt` at `indent` as graphviz-rust's printer does inside a
/// digraph, with semicolons: nodes, edges, attributes and subgraphs
/// straight into `out`, graph-wide attributes through `ctx` (whose
/// indent must be `indent`). A large graph is almost all nodes and
/// edges, and the printer's nested `format!`s were a fifth of writing
/// graph.dot.
fn print_stmt(
    stmt: &Stmt,
    indent: &str,
    ctx: &mut PrinterContext,
    out: &mut String,
) {
    fn plain(v: &Vertex) -> Option<&Id> {
        match v {
            Vertex::N(NodeId(id, None)) => Some(id),
            _ => None,
        }
    }
    match stmt {
        Stmt::Node(DotNode { id: NodeId(id, None), attributes }) => {
            out.push_str(indent);
            push_id(id, out);
            push_attributes(attributes, out);
        }
        Stmt::Edge(DotEdge { ty: EdgeTy::Pair(from, to), attributes })
            if plain(from).is_some() && plain(to).is_some() =>
        {
            out.push_str(indent);
            push_id(plain(from).expect("plain"), out);
            out.push_str(" -> ");
            push_id(plain(to).expect("plain"), out);
            if !attributes.is_empty() {
                out.push(' ');
                push_attributes(attributes, out);
            }
        }
        Stmt::Attribute(Attribute(key, value)) => {
            out.push_str(indent);
            push_id(key, out);
            out.push('=');
            push_id(value, out);
        }
        Stmt::Subgraph(Subgraph { id, stmts }) => {
            out.push_str(indent);
            out.push_str("subgraph ");
            push_id(id, out);
            out.push_str(" {\n");
            let inner = format!("{indent}  ");
            for (i, stmt) in stmts.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                print_stmt(stmt, &inner, ctx, out);
            }
            out.push('\n');
            out.push_str(indent);
            out.push('}');
        }
        other => {
            // Graph-wide attributes: a few lines, printed by the printer,
            // whose indent is that of the digraph's body.
            debug_assert_eq!(indent, "  ");
            out.push_str(&other.print(ctx));
            return;
        }
    }
    out.push(';');
}

fn push_id(id: &Id, out: &mut String) {
    match id {
        Id::Html(v) | Id::Escaped(v) | Id::Plain(v) => {
            out.push_str(v);
        }
        Id::Anonymous(_) => {}
    }
}

/// `[a="1" b="2"]`, or nothing for no attributes.
fn push_attributes(attributes: &[Attribute], out: &mut String) {
    if attributes.is_empty() {
        return;
    }
    out.push('[');
    for (i, Attribute(key, value)) in attributes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_id(key, out);
        out.push('=');
        push_id(value, out);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_pushed_as_formatted() {
        let mut text = String::from("at “");
        let mut expected = text.clone();
        let mut n: u32 = 1;
        for k in 0..200u32 {
            for m in [0, k, n, n.wrapping_sub(1), u32::MAX - k] {
                push_number(&mut text, m);
                expected.push_str(&m.to_string());
                text.push(' ');
                expected.push(' ');
            }
            n = n.wrapping_mul(7).wrapping_add(k);
        }
        push_span(&mut text, [12, 3456]);
        expected.push_str("12-3456");
        assert_eq!(text, expected);
    }
    use crate::graph::Evidence;
    use crate::model::CueClass;
    use std::fs;
    use std::path::PathBuf;

    const TRICKY: &str = "She said \"no\" \\ then\nleft; C:\\dir\\ ends\\";
    const LONG: &str = "The ministry will not raise taxes this year, \
        next year or at any point before the election, whatever the \
        opposition claims about the budget and the deficit.";

    fn evidence(doc: &str, text: &str) -> Evidence {
        Evidence {
            document: doc.into(),
            span: [10, 20],
            text: text.into(),
            speaker: Some("López".into()),
            speaker_span: Some([0, 5]),
            cue: Some("said".into()),
            cue_span: Some([6, 10]),
            rule: "quote-said".into(),
        }
    }

    fn actor(id: &str, name: &str, kind: ActorKind) -> Actor {
        Actor::new(id, name, kind, name)
    }

    fn sample() -> ClaimGraph {
        let mut g = ClaimGraph::new();
        let d = g.add_document(DocumentNode {
            id: "doc:a\"b".into(),
            name: "a\"b".into(),
            title: Some("“Curly” title".into()),
            publisher: Some("El País".into()),
            url: Some("https://example.org/a?x=\"1\"&y=2".into()),
            date: None,
            publisher_evidence: None,
        });
        let c1 = g.add_claim(Claim::new("claim:1", TRICKY));
        let c2 = g.add_claim(Claim::new("claim:2", LONG));
        let a =
            g.add_actor(actor("actor:lopez", "José López", ActorKind::Person));
        let v = g.add_actor(actor("actor:he", "he", ActorKind::Unresolved));
        let ev = evidence("a\"b", TRICKY);
        let said = Edge::Attributed {
            class: CueClass::Said,
            direct: true,
            evidence: ev.clone(),
        };
        let denied = Edge::Attributed {
            class: CueClass::Denied,
            direct: false,
            evidence: evidence("a\"b", LONG),
        };
        g.link(a, c1, said);
        g.link(v, c2, denied);
        g.link(c1, d, Edge::ReportedIn { evidence: ev, direct: false });
        g
    }

    /// The statement declaring the node `id`.
    fn node_line<'t>(dot: &'t str, id: &str) -> &'t str {
        let start = format!("\"{id}\"[");
        dot.lines().find(|l| l.trim_start().starts_with(&start)).unwrap()
    }

    /// The edges to draw as [`group_end`] groups them, found another way:
    /// by a map of the pairs of claims linked.
    fn drawn_edges<'g>(data: &GraphView<'g>) -> Vec<Vec<EdgeView<'g>>> {
        let mut groups: Vec<Vec<EdgeView>> = Vec::new();
        let mut pairs: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for rec in data.edges() {
            if matches!(rec.edge, Edge::Contradicts { .. }) {
                let pair = (rec.from, rec.to);
                if let Some(&i) = pairs.get(&pair) {
                    groups[i].push(rec);
                    continue;
                }
                pairs.insert(pair, groups.len());
            }
            groups.push(vec![rec]);
        }
        groups
    }

    #[test]
    fn every_node_kind_has_its_shape() {
        let dot = to_dot(&sample());
        assert!(dot.starts_with("digraph claimgraph {"));
        assert!(dot.contains("rankdir=\"LR\""));
        let actor = node_line(&dot, "actor:lopez");
        assert!(actor.contains("shape=\"box\""));
        assert!(actor.contains("style=\"rounded,filled\""));
        let vague = node_line(&dot, "actor:he");
        assert!(vague.contains("style=\"rounded,filled,dashed\""));
        assert!(vague.contains("(unresolved)"));
        assert!(node_line(&dot, "claim:2").contains("shape=\"note\""));
        let doc = node_line(&dot, "doc:a\\\"b");
        assert!(doc.contains("shape=\"folder\""));
        assert!(doc.contains("label=\"a\\\"b\\nEl País\""));
    }

    #[test]
    fn edges_show_class_and_quote_style() {
        let dot = to_dot(&sample());
        let said = dot.lines().find(|l| l.contains("label=\"said\"")).unwrap();
        assert!(said.contains("\"actor:lopez\" -> \"claim:1\""));
        assert!(said.contains("style=\"solid\""));
        let denied =
            dot.lines().find(|l| l.contains("label=\"denied\"")).unwrap();
        assert!(denied.contains("style=\"dashed\""));
        assert!(denied.contains("paraphrase"));
        let reported =
            dot.lines().find(|l| l.contains("\"claim:1\" -> \"doc:")).unwrap();
        assert!(reported.contains(REPORTED_LINE));
        assert!(reported.contains("rule: quote-said"));
    }

    #[test]
    fn quotes_newlines_and_backslashes_are_escaped() {
        let dot = to_dot(&sample());
        let claim = node_line(&dot, "claim:1");
        let tooltip = "tooltip=\"She said \\\"no\\\" \\\\ then\\nleft; \
                       C:\\\\dir\\\\ ends\\\\\"";
        assert!(claim.contains(tooltip), "{claim}");
        assert!(claim.contains("label=\"She said \\\"no\\\" \\\\ then left;"));
        assert!(!dot.contains('\r'));
        let parsed = graphviz_rust::parse(&dot);
        assert!(parsed.is_ok(), "{parsed:?}");
    }

    #[test]
    fn quoted_escapes_each_special_character() {
        let mut s = String::new();
        push_quoted(&mut s, "a\"b\\c\nd\r\ne\tf");
        assert_eq!(s, "\"a\\\"b\\\\c\\nd\\ne f\"");
    }

    #[test]
    fn output_is_deterministic() {
        let g = sample();
        assert_eq!(to_dot(&g), to_dot(&g));
        let again = ClaimGraph::from_data(g.to_data()).unwrap();
        assert_eq!(to_dot(&again), to_dot(&g));
    }

    #[test]
    fn long_claims_are_shortened_with_full_tooltip() {
        let dot = to_dot(&sample());
        let claim = node_line(&dot, "claim:2");
        assert!(claim.contains(&format!("tooltip=\"{LONG}\"")));
        let label = claim.split("label=\"").nth(1).unwrap();
        let label = &label[..label.find("\" ").unwrap()];
        let lines: Vec<&str> = label.split("\\n").collect();
        assert_eq!(lines.len(), CLAIM_LINES, "{label}");
        assert!(lines.iter().all(|l| l.chars().count() <= WRAP));
        assert!(lines[2].ends_with('…'));
    }

    #[test]
    fn wrap_splits_words_and_long_tokens() {
        assert_eq!(wrap("a  b\nc", 40, 3), ["a b c"]);
        assert_eq!(wrap("abcdef", 4, 3), ["abcd", "ef"]);
        assert_eq!(wrap("aa bb cc dd ee", 5, 2), ["aa bb", "cc…"]);
        assert_eq!(wrap("aa bb cc d ee", 6, 2), ["aa bb", "cc d…"]);
        assert_eq!(wrap("abcdefgh ij", 4, 1), ["abc…"]);
        assert!(wrap("", 40, 3).is_empty());
    }

    #[test]
    fn legend_is_present() {
        let dot = to_dot(&ClaimGraph::new());
        assert!(dot.contains("subgraph cluster_legend {"));
        assert!(dot.contains("label=\"Legend\""));
        for shape in ["box", "note", "folder"] {
            assert!(dot.contains(&format!("shape=\"{shape}\"")), "{shape}");
        }
        assert!(dot.contains("label=\"paraphrase\""));
    }

    /// [`sample`] with two counterclaim links between its claims (one
    /// per pair of reports) and a verdict on the first claim.
    fn disputed() -> ClaimGraph {
        let mut g = sample();
        let (c1, c2) =
            (g.find("claim:1").unwrap(), g.find("claim:2").unwrap());
        for doc in ["a\"b", "other"] {
            let report = |text: &str| crate::graph::Report {
                actor: None,
                evidence: evidence(doc, text),
            };
            let edge = Edge::Contradicts {
                a: Box::new(report(TRICKY)),
                b: Box::new(report(LONG)),
                rule: "counter/polarity".into(),
                reason: "one denies the other".into(),
                confidence: 70,
                status: crate::graph::LinkStatus::Found,
            };
            g.link(c1, c2, edge);
        }
        g.claim_mut("claim:1").unwrap().verdicts.push(crate::Verdict {
            rating: "False".into(),
            author: "Desk".into(),
            url: None,
            date: None,
        });
        g
    }

    #[test]
    fn nodes_without_edges_are_left_out_and_counted() {
        let mut g = sample();
        g.add_actor(actor("actor:quiet", "Quiet Person", ActorKind::Person));
        let dot = to_dot(&g);
        assert!(!dot.contains("actor:quiet"));
        assert!(dot.contains("label=\"1 node with no edge is not drawn\""));
        let mut alone = ClaimGraph::new();
        alone.add_actor(actor("actor:quiet", "Quiet", ActorKind::Person));
        assert!(to_dot(&alone).contains("\"actor:quiet\"["), "all alone");
    }

    #[test]
    fn documents_stand_in_one_column() {
        let dot = to_dot(&sample());
        let column = dot.split("subgraph documents {").nth(1).unwrap();
        let column = &column[..column.find('}').unwrap()];
        assert!(column.contains("rank=\"same\""), "{column}");
        assert!(column.contains("\"doc:a\\\"b\"[shape=\"folder\""));
    }

    #[test]
    fn counterclaims_between_two_claims_are_one_line() {
        let dot = to_dot(&disputed());
        let lines: Vec<&str> = dot
            .lines()
            .filter(|l| l.contains("\"claim:1\" -> \"claim:2\""))
            .collect();
        assert_eq!(lines.len(), 1, "{lines:?}");
        let line = lines[0];
        assert!(line.contains("xlabel=\"contradicts ×2\""), "{line}");
        assert!(line.contains("constraint=\"false\""));
        assert!(line.contains(CONTRADICT_LINE));
        assert!(!line.contains(" label="), "a label would break the layout");
        assert!(line.contains("\\n\\ncontradicts (counter/polarity, 70%)"));
    }

    #[test]
    fn rated_claims_show_their_rating() {
        let dot = to_dot(&disputed());
        let claim = node_line(&dot, "claim:1");
        assert!(claim.contains(RATED_LINE));
        assert!(claim.contains("\\nrated: False\""), "{claim}");
        assert!(claim.contains("rated False by Desk"));
    }

    #[test]
    fn edges_link_to_their_document() {
        let dot = to_dot(&sample());
        let said = dot.lines().find(|l| l.contains("label=\"said\"")).unwrap();
        let url = "URL=\"https://example.org/a?x=%221%22&amp;y=2\"";
        assert!(said.contains(url), "{said}");
        assert!(node_line(&dot, "doc:a\\\"b").contains(url));
        assert!(!node_line(&dot, "claim:1").contains("URL="));
    }

    #[test]
    fn page_links_point_into_the_report() {
        let dot = to_dot_with(&sample(), DotOptions { page_links: true });
        assert!(node_line(&dot, "claim:1").contains("URL=\"#claim-1\""));
        assert!(
            node_line(&dot, "actor:lopez").contains("URL=\"#actor-lopez\"")
        );
        let said = dot.lines().find(|l| l.contains("label=\"said\"")).unwrap();
        assert!(said.contains("URL=\"#r-a-b-10-20\""), "{said}");
        assert!(!said.contains("target="));
    }

    #[test]
    fn pdf_dates_are_pinned_in_place() {
        let mut pdf = b"<< /CreationDate (D:20261201143819Z) >>".to_vec();
        let len = pdf.len();
        pin_pdf_dates(&mut pdf);
        assert_eq!(pdf, b"<< /CreationDate (D:19700101000000Z) >>");
        assert_eq!(pdf.len(), len);
        let mut other = b"no dates here".to_vec();
        pin_pdf_dates(&mut other);
        assert_eq!(other, b"no dates here");
    }

    #[test]
    fn unsafe_urls_are_not_links() {
        let mut g = ClaimGraph::new();
        g.add_document(DocumentNode {
            id: "doc:x".into(),
            name: "x".into(),
            url: Some("javascript:alert(1)".into()),
            ..DocumentNode::default()
        });
        let dot = to_dot(&g);
        assert!(!dot.contains("URL="));
        assert!(dot.contains("url: javascript:alert(1)"));
    }

    #[test]
    fn links_are_encoded() {
        let url = "https://x.org/a b?q=\"<x>\"&r='1'";
        let want = "https://x.org/a%20b?q=%22%3Cx%3E%22&amp;r=%271%27";
        assert_eq!(link_target(url).as_deref(), Some(want));
        assert_eq!(
            link_target("HTTP://x.org").as_deref(),
            Some("HTTP://x.org")
        );
        assert_eq!(link_target("file:///etc/passwd"), None);
    }

    #[test]
    fn bad_format_is_refused() {
        let out = std::env::temp_dir().join("claimgraph-never-written.svg");
        let err = render("digraph {}", "svg -o elsewhere", &out).unwrap_err();
        assert!(matches!(err, ExportError::BadFormat(_)));
        assert!(!out.exists());
    }

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
            .join(format!("claimgraph-dot-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    #[test]
    fn long_ids_and_values_are_cut_but_ids_stay_unique() {
        let a = "a".repeat(5_000);
        let b = format!("{a}b");
        let (NodeId(Id::Escaped(x), _), NodeId(Id::Escaped(y), _)) =
            (node_id(&a), node_id(&b))
        else {
            panic!("ids are quoted");
        };
        assert!(x != y && x.chars().count() < 2 * MAX_ID, "{x}");
        let Attribute(_, Id::Escaped(v)) = attr("tooltip", &b) else {
            panic!("values are quoted");
        };
        assert_eq!(v.chars().count(), MAX_VALUE + 2);
        assert!(v.ends_with("…\""), "{v}");
    }

    #[test]
    fn dot_accepts_the_output() {
        if !dot_available() {
            eprintln!("skipped: `dot` is not on PATH (install graphviz)");
            return;
        }
        let dir = scratch("render");
        let out = dir.join("graph.svg");
        let outcome = render(&to_dot(&sample()), "svg", &out).unwrap();
        assert_eq!(outcome, RenderOutcome::Written);
        let svg = fs::read_to_string(&out).unwrap();
        assert!(svg.contains("<svg"));
        assert!(svg.contains("She said &quot;no&quot; \\ then left;"));
        assert!(svg.contains("José López"));
        assert!(svg.contains("Legend"));
        assert!(
            svg.contains("href=\"https://example.org/a?x=%221%22&amp;y=2\"")
        );
    }

    #[test]
    fn missing_dot_is_reported_not_failed() {
        if dot_available() {
            eprintln!("skipped: `dot` is installed, so it cannot be missing");
            return;
        }
        let dir = scratch("missing");
        let out = dir.join("graph.svg");
        let outcome = render(&to_dot(&sample()), "svg", &out).unwrap();
        assert_eq!(outcome, RenderOutcome::DotMissing);
        assert!(!out.exists());
    }

    /// [`disputed`] with a node id and an edge tooltip too long to keep,
    /// and a source node cited by a document.
    fn everything() -> ClaimGraph {
        let mut g = disputed();
        let long_name = format!("Long {}", "x".repeat(3 * MAX_ID));
        let long = g.add_actor(actor(
            &format!("actor:{long_name}"),
            &long_name,
            ActorKind::Group,
        ));
        let c2 = g.find("claim:2").unwrap();
        let edge = Edge::Attributed {
            class: CueClass::Said,
            direct: false,
            evidence: evidence("a\"b", &"é\u{85}\r\n".repeat(MAX_VALUE)),
        };
        g.link(long, c2, edge);
        let d = g.find("doc:a\"b").unwrap();
        let s = g.add_source(SourceNode {
            id: "source:reported:politico".into(),
            name: "Politico".into(),
            kind: crate::model::SourceKind::Reported,
        });
        let cites = Edge::Cites { evidence: evidence("a\"b", "Politico") };
        g.link(d, s, cites);
        g
    }

    /// The text is exactly what graphviz-rust's printer gives for the
    /// syntax tree it parses to: the nodes and edges written straight as
    /// text are written as the printer would write them.
    #[test]
    fn the_text_is_the_printers_text_of_its_syntax_tree() {
        let g = everything();
        for page_links in [false, true] {
            let dot = to_dot_with(&g, DotOptions { page_links });
            let tree = graphviz_rust::parse(&dot).unwrap();
            let mut ctx = PrinterContext::default();
            ctx.with_semi();
            assert_eq!(format!("{}\n", tree.print(&mut ctx)), dot);
        }
    }

    #[test]
    fn edges_are_grouped_as_a_map_of_claim_pairs_groups_them() {
        let g = everything();
        let data = g.view();
        let mut groups = Vec::new();
        let mut at = 0;
        while at < data.edge_count() {
            let end = group_end(&data, at);
            groups.push((at..end).map(|i| data.edge(i)).collect::<Vec<_>>());
            at = end;
        }
        assert_eq!(groups, drawn_edges(&data));
        assert!(groups.iter().any(|group| group.len() == 2));
    }

    /// [`push_quoted`] as it was first written, a character at a time.
    fn quoted_by_chars(text: &str) -> String {
        let mut out = String::from('"');
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\r' if chars.peek() == Some(&'\n') => {
                    chars.next();
                    out.push_str("\\n");
                }
                '\n' | '\r' => out.push_str("\\n"),
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    #[test]
    fn quoting_by_bytes_matches_quoting_by_characters() {
        let pieces = [
            "a", "\"", "\\", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{7f}",
            "\u{80}", "\u{85}", "\u{9f}", "\u{a0}", "é", "©", "…", "€", "😀",
        ];
        let mut texts = vec![String::new(), TRICKY.to_string()];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        for text in &texts {
            let mut quoted = String::new();
            push_quoted(&mut quoted, text);
            assert_eq!(quoted, quoted_by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn special_bytes_of_a_word_are_found_where_a_byte_search_finds_them() {
        // Every byte value at every place, after bytes of every kind.
        let fills = [0u8, b'a', 0x1f, 0x20, 0x7e, 0x80, 0xc1, 0xc3, 0xff];
        for fill in fills {
            for at in 0..8 {
                for b in 0..=255u8 {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let want = bytes.iter().position(|&b| is_special(b));
                    let word = u64::from_le_bytes(bytes);
                    assert_eq!(first_special(word), want, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn special_bytes_are_found_where_a_byte_search_finds_them() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "a", "word ", "\"", "\\", "\n", "\r\n", "\t", "\u{0}", "\u{1f}",
            "\u{7f}", "\u{80}", "\u{85}", "\u{a0}", "é", "…", "😀",
            "a longer run of plain text, ", "0123456789abcdef",
        ];
        let texts = crate::model::random_texts(PIECES, 5_000, 24, 0x5eca1);
        for text in &texts {
            let bytes = text.as_bytes();
            for from in 0..bytes.len().min(40) {
                let want = bytes[from..].iter().position(|&b| is_special(b));
                assert_eq!(find_special(&bytes[from..]), want, "{text:?}");
            }
            let mut quoted = String::new();
            push_quoted(&mut quoted, text);
            assert_eq!(quoted, quoted_by_chars(text), "{text:?}");
        }
    }

    /// [`wrap`] as it was first written: every word split into new
    /// strings, and the whole text wrapped before the lines are cut.
    fn wrap_whole(text: &str, width: usize, max_lines: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        let pieces = text.split_whitespace().flat_map(|w| {
            let chars: Vec<char> = w.chars().collect();
            let pieces: Vec<String> = chars
                .chunks(width.max(1))
                .map(|c| c.iter().collect())
                .collect();
            pieces
        });
        for piece in pieces {
            let fits = current.chars().count() + 1 + piece.chars().count();
            if current.is_empty() {
                current = piece;
            } else if fits <= width {
                current.push(' ');
                current.push_str(&piece);
            } else {
                lines.push(std::mem::replace(&mut current, piece));
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        cut_lines(lines, width, max_lines)
    }

    #[test]
    fn wrapping_stops_early_but_gives_the_same_lines() {
        let long_word = "Überwachungsstaatsanwaltschaftsgesetzentwürfe";
        let texts = [
            String::new(),
            "a  b\nc".to_string(),
            LONG.to_string(),
            TRICKY.to_string(),
            format!("{long_word} {long_word} a {long_word}"),
            format!("{LONG} {long_word} {LONG}"),
            "aa bb cc dd ee".to_string(),
            "x ".repeat(100),
        ];
        for text in &texts {
            for width in [0, 1, 4, 5, 6, 40] {
                for max_lines in [0, 1, 2, 3, 10] {
                    assert_eq!(
                        wrap(text, width, max_lines),
                        wrap_whole(text, width, max_lines),
                        "{text:?} {width} {max_lines}"
                    );
                }
            }
        }
    }

    #[test]
    fn style_values_need_no_escaping() {
        let styles = [
            actor_style(false),
            actor_style(true),
            claim_style(),
            rated_claim_style(),
            document_style(),
            source_style(),
            attributed_style(true),
            attributed_style(false),
            reported_style(),
            conflict_style(false),
            conflict_style(true),
            cites_style(),
        ];
        for &(key, value) in styles.iter().copied().flatten() {
            let mut quoted = String::new();
            push_value(&mut quoted, value);
            assert_eq!(quoted, format!("\"{value}\""), "{key}");
        }
    }

    #[test]
    fn dot_errors_are_reported() {
        if !dot_available() {
            eprintln!("skipped: `dot` is not on PATH (install graphviz)");
            return;
        }
        let dir = scratch("broken");
        let out = dir.join("graph.svg");
        let err = render("digraph { a -> }", "svg", &out).unwrap_err();
        assert!(matches!(err, ExportError::Dot { .. }), "{err}");
        assert!(!out.exists());
    }
}
