//! Graphviz export: the claim graph as a DOT diagram, and its rendering.
//!
//! This is the last step of the `export` command and the only module that
//! names `graphviz_rust`. [`to_dot`] builds the diagram as a Graphviz
//! syntax tree (so the structure is never assembled by string pasting),
//! escapes every piece of user text itself, and prints it. Actors are
//! blue boxes (grey and dashed when unresolved or anonymous), claims
//! yellow notes (outlined red when a fact-checker rated them) and
//! documents green folders, stacked in one column at the right; actor ->
//! claim edges are labelled with the cue class, solid for direct quotes
//! and dashed for paraphrase, and claim -> document edges are thin grey
//! lines. Counterclaims are red and dashed, disputes dark red and dotted,
//! and neither takes part in the layout's ranking. Labels are shortened
//! for reading; the full text and the evidence behind each edge are in
//! tooltips, which SVG viewers show on hover, and documents and the edges
//! they back link to the document's address when it is known. A legend
//! cluster explains the styles. [`render`] runs the `dot` program to
//! produce SVG (or another format) and reports, rather than fails, when
//! `dot` is not installed.

use std::collections::{BTreeMap, BTreeSet};
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
use crate::model::{CueClass, stable_hash};
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
    let mut text = Vec::new();
    write_dot_with(g, options, &mut text).expect("writing to memory");
    String::from_utf8(text).expect("DOT text is UTF-8")
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
    let links = Links::new(data, options);
    let mut ctx = PrinterContext::default();
    ctx.with_semi();
    // Printing the empty graph gives the opening line and leaves the
    // printer as it is for the statements of a digraph's body.
    let id = Id::Plain("claimgraph".to_string());
    let empty = Graph::DiGraph { id, strict: false, stmts: Vec::new() };
    let empty = empty.print(&mut ctx);
    let head = empty.strip_suffix("\n}").unwrap_or(&empty);
    w.write_all(head.as_bytes())?;
    let mut first = true;
    let mut line = Vec::new();
    let mut put = |stmt: Stmt, w: &mut dyn Write| -> io::Result<()> {
        line.clear();
        if !first {
            line.push(b'\n');
        }
        first = false;
        print_stmt(&stmt, "  ", &mut ctx, &mut line);
        w.write_all(&line)
    };
    for stmt in defaults() {
        put(stmt, w)?;
    }
    put(Stmt::Subgraph(legend()), w)?;
    let (shown, hidden) = linked_nodes(data);
    if hidden > 0 {
        let note = match hidden {
            1 => "1 node with no edge is not drawn".to_string(),
            n => format!("{n} nodes with no edge are not drawn"),
        };
        put(Stmt::Attribute(attr("label", &note)), w)?;
        put(Stmt::Attribute(attr("labelloc", "b")), w)?;
    }
    let (docs, others): (Vec<&Node>, Vec<&Node>) =
        shown.into_iter().partition(|n| matches!(n, Node::Document(_)));
    for n in &others {
        put(Stmt::Node(node(n, &links)), w)?;
    }
    if !docs.is_empty() {
        put(Stmt::Subgraph(document_column(&docs, &links)), w)?;
    }
    // The edges, most of the text: lines made on every core a run of
    // groups at a time, written in order. Something always came before,
    // so each line starts with a line break.
    let count = data.edge_count();
    let mut groups: Vec<Range<usize>> = Vec::with_capacity(EDGE_RUN);
    let mut at = 0;
    while at < count {
        let end = group_end(data, at);
        groups.push(at..end);
        at = end;
        if groups.len() == EDGE_RUN || at == count {
            let lines: Vec<Vec<u8>> = groups
                .par_chunks(EDGE_CHUNK)
                .map(|chunk| {
                    let mut ctx = PrinterContext::default();
                    ctx.with_semi();
                    let mut out = Vec::new();
                    for group in chunk {
                        let group: Vec<EdgeView> =
                            group.clone().map(|i| data.edge(i)).collect();
                        let stmt = Stmt::Edge(edge(&group, &links));
                        out.push(b'\n');
                        print_stmt(&stmt, "  ", &mut ctx, &mut out);
                    }
                    out
                })
                .collect();
            for part in lines {
                w.write_all(&part)?;
            }
            groups.clear();
        }
    }
    w.write_all(b"\n}\n")
}

/// How many edge lines [`write_dot_view`] makes before writing them, and
/// how many each task of a run makes.
const EDGE_RUN: usize = 8192;
const EDGE_CHUNK: usize = 256;

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
    let linked: BTreeSet<&str> =
        data.edges().flat_map(|e| [e.from, e.to]).collect();
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
    fn node(&self, n: &Node) -> Option<String> {
        match n {
            Node::Document(d) => self.documents.get(&d.name).cloned(),
            other if self.page => Some(format!("#{}", anchor(other.id()))),
            _ => None,
        }
    }

    /// The link of an edge: its report within the page, or the address
    /// of the document its evidence is in.
    fn evidence(&self, ev: &Evidence) -> Option<String> {
        if self.page {
            return Some(format!("#{}", report_anchor(ev)));
        }
        self.documents.get(&*ev.document).cloned()
    }
}

/// `URL` and, for a link that leaves the page, `target`.
fn link_attrs(link: Option<String>) -> Vec<Attribute> {
    let Some(link) = link else { return Vec::new() };
    let mut attrs = vec![attr("URL", &link)];
    if !link.starts_with('#') {
        attrs.push(attr("target", "_blank"));
    }
    attrs
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
    let sample = |id: &str, label: &str, mut style: Vec<Attribute>| {
        style.push(attr("label", label));
        Stmt::Node(DotNode::new(node_id(id), style))
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
        link(actor, claim, attributed_style(true), "direct quote"),
        link(vague, claim, attributed_style(false), "paraphrase"),
        link(claim, doc, reported_style(), "reported in"),
        link(claim, rated, legend_conflict(false), "contradicts"),
        link(doc, rated, legend_conflict(true), "disputes"),
        link(doc, source, cites_style(), "cites"),
    ];
    Subgraph { id: Id::Plain("cluster_legend".to_string()), stmts }
}

/// A conflict edge's style for the legend, where, unlike in the graph,
/// it may rank its ends (the samples then sit in a tidy row) and so may
/// have an ordinary label.
fn legend_conflict(disputes: bool) -> Vec<Attribute> {
    let mut style = conflict_style(disputes);
    style.retain(|a| !matches!(&a.0, Id::Plain(k) if k == "constraint"));
    style
}

/// The documents, in a column of their own (one rank), so the diagram
/// reads actors -> claims -> documents from left to right.
fn document_column(docs: &[&Node], links: &Links) -> Subgraph {
    let mut stmts = vec![Stmt::Attribute(attr("rank", "same"))];
    stmts.extend(docs.iter().map(|n| Stmt::Node(node(n, links))));
    Subgraph { id: Id::Plain("documents".to_string()), stmts }
}

/// One node of the graph.
fn node(n: &Node, links: &Links) -> DotNode {
    let mut attributes = match n {
        Node::Actor(a) => actor_attrs(a),
        Node::Claim(c) => claim_attrs(c),
        Node::Document(d) => document_attrs(d),
        Node::Source(s) => source_attrs(s),
    };
    attributes.extend(link_attrs(links.node(n)));
    DotNode::new(node_id(n.id()), attributes)
}

/// True for actors the text never tied to a named source.
fn is_vague(kind: ActorKind) -> bool {
    matches!(kind, ActorKind::Unresolved | ActorKind::Anonymous)
}

/// Shape and colours of an actor; `vague` for unresolved or anonymous.
fn actor_style(vague: bool) -> Vec<Attribute> {
    let mut style = vec![attr("shape", "box")];
    if vague {
        style.push(attr("style", "rounded,filled,dashed"));
        style.push(attr("fillcolor", VAGUE_FILL));
        style.push(attr("color", VAGUE_LINE));
    } else {
        style.push(attr("style", "rounded,filled"));
        style.push(attr("fillcolor", ACTOR_FILL));
    }
    style
}

/// An actor: its name (and kind unless a person), mentions in the tooltip.
fn actor_attrs(a: &Actor) -> Vec<Attribute> {
    let mut lines = wrap(&a.name, WRAP, 2);
    if a.kind != ActorKind::Person {
        lines.push(format!("({})", a.kind.name()));
    }
    let mut mentions: Vec<&str> =
        a.mentions.iter().take(TOOLTIP_MENTIONS).map(String::as_str).collect();
    if a.mentions.len() > TOOLTIP_MENTIONS {
        mentions.push("…");
    }
    let tooltip = format!(
        "{} ({})\nmentions: {}",
        a.name,
        a.kind.name(),
        mentions.join(", ")
    );
    let mut attrs = actor_style(is_vague(a.kind));
    attrs.push(attr("label", &lines.join("\n")));
    attrs.push(attr("tooltip", &tooltip));
    attrs
}

/// Shape and colours of a claim.
fn claim_style() -> Vec<Attribute> {
    vec![
        attr("shape", "note"),
        attr("style", "filled"),
        attr("fillcolor", CLAIM_FILL),
    ]
}

/// Shape and colours of a claim a fact-checker rated: a red outline.
fn rated_claim_style() -> Vec<Attribute> {
    let mut style = claim_style();
    style.push(attr("color", RATED_LINE));
    style.push(attr("penwidth", "2"));
    style
}

/// A claim: shortened text as label, full text as tooltip; a rated
/// claim shows its ratings under the text.
fn claim_attrs(c: &Claim) -> Vec<Attribute> {
    if c.verdicts.is_empty() {
        let mut attrs = claim_style();
        attrs
            .push(attr("label", &wrap(&c.text, WRAP, CLAIM_LINES).join("\n")));
        attrs.push(attr("tooltip", &c.text));
        return attrs;
    }
    let mut lines = wrap(&c.text, WRAP, CLAIM_LINES);
    let mut tooltip = vec![c.text.clone()];
    for v in &c.verdicts {
        lines.extend(wrap(&format!("rated: {}", v.rating), WRAP, 1));
        tooltip.push(format!("rated {} by {}", v.rating, v.author));
    }
    let mut attrs = rated_claim_style();
    attrs.push(attr("label", &lines.join("\n")));
    attrs.push(attr("tooltip", &tooltip.join("\n")));
    attrs
}

/// Shape and colours of a document.
fn document_style() -> Vec<Attribute> {
    vec![
        attr("shape", "folder"),
        attr("style", "filled"),
        attr("fillcolor", DOCUMENT_FILL),
    ]
}

/// A document: name and publisher, metadata in the tooltip, a link.
fn document_attrs(d: &DocumentNode) -> Vec<Attribute> {
    let mut lines = wrap(&d.name, WRAP, 1);
    if let Some(publisher) = &d.publisher {
        lines.extend(wrap(publisher, WRAP, 1));
    }
    let mut attrs = document_style();
    attrs.push(attr("label", &lines.join("\n")));
    attrs.push(attr("tooltip", &document_tooltip(d)));
    attrs
}

/// Shape and colours of a cited source.
fn source_style() -> Vec<Attribute> {
    vec![
        attr("shape", "cylinder"),
        attr("style", "filled"),
        attr("fillcolor", SOURCE_FILL),
    ]
}

/// A cited source: its name and kind.
fn source_attrs(s: &SourceNode) -> Vec<Attribute> {
    let mut lines = wrap(&s.name, WRAP, 2);
    lines.push(format!("({})", s.kind.name()));
    let mut attrs = source_style();
    attrs.push(attr("label", &lines.join("\n")));
    attrs.push(attr("tooltip", &format!("{} ({})", s.name, s.kind.name())));
    attrs
}

/// The document's metadata, one item a line.
fn document_tooltip(d: &DocumentNode) -> String {
    let mut lines = vec![format!("document: {}", d.name)];
    let fields = [
        ("title", &d.title),
        ("publisher", &d.publisher),
        ("date", &d.date),
        ("url", &d.url),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            lines.push(format!("{name}: {value}"));
        }
    }
    lines.join("\n")
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

/// One line of the diagram for a group of edges (see [`group_end`]),
/// with every edge's evidence in its tooltip and a link to the first's.
fn edge(group: &[EdgeView], links: &Links) -> DotEdge {
    let rec = group[0];
    let tooltips: Vec<String> =
        group.iter().map(|r| evidence_tooltip(r.edge)).collect();
    let tooltip = tooltips.join("\n\n");
    let mut attrs = edge_style(rec.edge, group.len());
    let tooltip = attr("tooltip", &tooltip);
    if !matches!(rec.edge, Edge::ReportedIn { .. }) {
        // The same value, quoted once.
        let label =
            Attribute(Id::Plain("labeltooltip".into()), tooltip.1.clone());
        attrs.push(tooltip);
        attrs.push(label);
    } else {
        attrs.push(tooltip);
    }
    attrs.extend(link_attrs(links.evidence(rec.edge.evidence())));
    dot_edge(rec.from, rec.to, attrs)
}

/// Style and label of a line standing for `count` edges like `edge`.
fn edge_style(edge: &Edge, count: usize) -> Vec<Attribute> {
    match edge {
        Edge::Attributed { class, direct, .. } => {
            let mut attrs = attributed_style(*direct);
            attrs.push(attr("label", class.name()));
            attrs
        }
        Edge::ReportedIn { .. } => reported_style(),
        Edge::Contradicts { .. } => {
            let mut attrs = conflict_style(false);
            let label = match count {
                1 => "contradicts".to_string(),
                n => format!("contradicts ×{n}"),
            };
            attrs.push(attr("xlabel", &label));
            attrs
        }
        Edge::Disputes { .. } => {
            let mut attrs = conflict_style(true);
            attrs.push(attr("xlabel", "disputes"));
            attrs
        }
        Edge::Cites { .. }
        | Edge::BackedBy { .. }
        | Edge::Identifies { .. } => {
            let mut attrs = cites_style();
            attrs.push(attr("label", edge.kind_name()));
            attrs
        }
    }
}

/// Line style of actor -> claim edges: solid when quoted verbatim.
fn attributed_style(direct: bool) -> Vec<Attribute> {
    let line = if direct { "solid" } else { "dashed" };
    vec![
        attr("style", line),
        attr("color", ATTRIBUTED_LINE),
        attr("fontcolor", ATTRIBUTED_LINE),
    ]
}

/// Line style of claim -> document edges: thin and grey.
fn reported_style() -> Vec<Attribute> {
    vec![
        attr("color", REPORTED_LINE),
        attr("fontcolor", REPORTED_LINE),
        attr("penwidth", "0.6"),
        attr("arrowsize", "0.6"),
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
fn conflict_style(disputes: bool) -> Vec<Attribute> {
    let (style, colour) = if disputes {
        ("dotted", DISPUTE_LINE)
    } else {
        ("dashed", CONTRADICT_LINE)
    };
    vec![
        attr("style", style),
        attr("color", colour),
        attr("fontcolor", colour),
        attr("constraint", "false"),
        attr("weight", "0"),
        attr("penwidth", "1.4"),
    ]
}

/// Line style of the edges to and from cited sources: dotted.
fn cites_style() -> Vec<Attribute> {
    vec![
        attr("style", "dotted"),
        attr("color", CITES_LINE),
        attr("fontcolor", CITES_LINE),
    ]
}

/// What an edge rests on, for its tooltip.
fn evidence_tooltip(edge: &Edge) -> String {
    let ev = edge.evidence();
    let head = match edge {
        Edge::Attributed { class, direct, .. } => {
            attributed_head(*class, *direct)
        }
        Edge::ReportedIn { .. } => "reported in".to_string(),
        Edge::Contradicts { reason, rule, confidence, b, .. } => {
            return format!(
                "contradicts ({rule}, {confidence}%)\n{reason}\nA: {}\nB: {}",
                report_line(ev),
                report_line(&b.evidence)
            );
        }
        Edge::Disputes { reason, rule, marker, confidence, .. } => {
            return format!(
                "disputes ({rule}, {confidence}%): \"{marker}\"\n{reason}\n{}",
                report_line(ev)
            );
        }
        other => other.kind_name().replace('_', " "),
    };
    // One string written in place: a graph has millions of these.
    let mut out = head;
    let _ = write!(out, "\ndocument: {}", ev.document);
    let _ = write!(out, "\nspan: {}-{}", ev.span[0], ev.span[1]);
    for (name, text, span) in [
        ("speaker", &ev.speaker, ev.speaker_span),
        ("cue", &ev.cue, ev.cue_span),
    ] {
        // `name: text [start-end]`, when the evidence has that part.
        if let Some(text) = text.as_deref() {
            let _ = write!(out, "\n{name}: {text}");
            if let Some([start, end]) = span {
                let _ = write!(out, " [{start}-{end}]");
            }
        }
    }
    let _ = write!(out, "\nrule: {}\ntext: {}", ev.rule, ev.text);
    out
}

/// One report in a line: document, span and text.
fn report_line(ev: &Evidence) -> String {
    format!("{} [{}]: {}", ev.document, span_text(ev.span), ev.text)
}

/// The first tooltip line of an actor -> claim edge.
fn attributed_head(class: CueClass, direct: bool) -> String {
    let how = if direct { "direct quote" } else { "paraphrase" };
    format!("{} ({how})", class.name())
}

/// A span as `start-end`.
fn span_text(span: [u32; 2]) -> String {
    format!("{}-{}", span[0], span[1])
}

/// Word-wraps `text` to lines of at most `width` characters, keeping at
/// most `max_lines` and ending with "…" when text was dropped.
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let pieces = text.split_whitespace().flat_map(|w| split_word(w, width));
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

/// Splits a word longer than `width` characters into pieces that fit.
fn split_word(word: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    chars.chunks(width.max(1)).map(|c| c.iter().collect()).collect()
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

/// A node id; the graph's ids are quoted and escaped like any text.
///
/// An id longer than [`MAX_ID`] characters (from a 5 MB "word" in a
/// speaker's name, say) keeps its start and gains a hash of the whole, so
/// it stays unique and within Graphviz's limits.
fn node_id(id: &str) -> NodeId {
    if id.chars().nth(MAX_ID).is_none() {
        return NodeId(quoted(id), None);
    }
    let start: String = id.chars().take(MAX_ID / 2).collect();
    let short = format!("{start}…#{:016x}", stable_hash(id.as_bytes()));
    NodeId(quoted(&short), None)
}

/// An edge between two nodes named by their graph ids.
fn dot_edge(from: &str, to: &str, attributes: Vec<Attribute>) -> DotEdge {
    let ty = EdgeTy::Pair(Vertex::N(node_id(from)), Vertex::N(node_id(to)));
    DotEdge { ty, attributes }
}

/// An attribute whose value is `value`, quoted and escaped, and cut to
/// [`MAX_VALUE`] characters.
fn attr(key: &str, value: &str) -> Attribute {
    // Only a value too long is copied before quoting.
    let value = if value.chars().nth(MAX_VALUE).is_none() {
        quoted(value)
    } else {
        quoted(&shorten(value, MAX_VALUE))
    };
    Attribute(Id::Plain(key.to_string()), value)
}

/// `text` as a DOT double-quoted string.
///
/// Backslashes and quotes are escaped, so text can never end the string
/// early or trigger Graphviz's `\N`-style substitutions; line breaks
/// become `\n` (a centred line break in labels, a newline in tooltips);
/// other control characters become spaces.
fn quoted(text: &str) -> Id {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    // Runs of characters that stay as they are are copied whole.
    let mut run = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let escaped = match c {
            '\\' => "\\\\",
            '"' => "\\\"",
            // "\r\n" is one line break.
            '\r' if chars.peek().is_some_and(|&(_, next)| next == '\n') => {
                chars.next();
                "\\n"
            }
            '\n' | '\r' => "\\n",
            c if c.is_control() => " ",
            _ => continue,
        };
        out.push_str(&text[run..at]);
        out.push_str(escaped);
        run = chars.peek().map_or(text.len(), |&(next, _)| next);
    }
    out.push_str(&text[run..]);
    out.push('"');
    Id::Escaped(out)
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
    out: &mut Vec<u8>,
) {
    fn plain(v: &Vertex) -> Option<&Id> {
        match v {
            Vertex::N(NodeId(id, None)) => Some(id),
            _ => None,
        }
    }
    match stmt {
        Stmt::Node(DotNode { id: NodeId(id, None), attributes }) => {
            out.extend_from_slice(indent.as_bytes());
            push_id(id, out);
            push_attributes(attributes, out);
        }
        Stmt::Edge(DotEdge { ty: EdgeTy::Pair(from, to), attributes })
            if plain(from).is_some() && plain(to).is_some() =>
        {
            out.extend_from_slice(indent.as_bytes());
            push_id(plain(from).expect("plain"), out);
            out.extend_from_slice(b" -> ");
            push_id(plain(to).expect("plain"), out);
            if !attributes.is_empty() {
                out.push(b' ');
                push_attributes(attributes, out);
            }
        }
        Stmt::Attribute(Attribute(key, value)) => {
            out.extend_from_slice(indent.as_bytes());
            push_id(key, out);
            out.push(b'=');
            push_id(value, out);
        }
        Stmt::Subgraph(Subgraph { id, stmts }) => {
            out.extend_from_slice(indent.as_bytes());
            out.extend_from_slice(b"subgraph ");
            push_id(id, out);
            out.extend_from_slice(b" {\n");
            let inner = format!("{indent}  ");
            for (i, stmt) in stmts.iter().enumerate() {
                if i > 0 {
                    out.push(b'\n');
                }
                print_stmt(stmt, &inner, ctx, out);
            }
            out.push(b'\n');
            out.extend_from_slice(indent.as_bytes());
            out.push(b'}');
        }
        other => {
            // Graph-wide attributes: a few lines, printed by the printer,
            // whose indent is that of the digraph's body.
            debug_assert_eq!(indent, "  ");
            out.extend_from_slice(other.print(ctx).as_bytes());
            return;
        }
    }
    out.push(b';');
}

fn push_id(id: &Id, out: &mut Vec<u8>) {
    match id {
        Id::Html(v) | Id::Escaped(v) | Id::Plain(v) => {
            out.extend_from_slice(v.as_bytes());
        }
        Id::Anonymous(_) => {}
    }
}

/// `[a="1" b="2"]`, or nothing for no attributes.
fn push_attributes(attributes: &[Attribute], out: &mut Vec<u8>) {
    if attributes.is_empty() {
        return;
    }
    out.push(b'[');
    for (i, Attribute(key, value)) in attributes.iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        push_id(key, out);
        out.push(b'=');
        push_id(value, out);
    }
    out.push(b']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Evidence;
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
        let Id::Escaped(s) = quoted("a\"b\\c\nd\r\ne\tf") else { panic!() };
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

    #[test]
    fn statements_written_one_at_a_time_print_as_the_whole_tree() {
        let g = sample();
        let data = g.view();
        let links = Links::new(&data, DotOptions::default());
        let mut stmts = defaults();
        stmts.push(Stmt::Subgraph(legend()));
        let (shown, _) = linked_nodes(&data);
        let (docs, others): (Vec<&Node>, Vec<&Node>) =
            shown.into_iter().partition(|n| matches!(n, Node::Document(_)));
        stmts.extend(others.iter().map(|n| Stmt::Node(node(n, &links))));
        stmts.push(Stmt::Subgraph(document_column(&docs, &links)));
        let drawn = drawn_edges(&data);
        stmts.extend(drawn.iter().map(|e| Stmt::Edge(edge(e, &links))));
        let id = Id::Plain("claimgraph".to_string());
        let whole = Graph::DiGraph { id, strict: false, stmts };
        let mut ctx = PrinterContext::default();
        ctx.with_semi();
        let whole = format!("{}\n", whole.print(&mut ctx));
        assert_eq!(to_dot(&g), whole);
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
