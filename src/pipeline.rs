//! The one place that knows the order of the stages.
//!
//! `Document` -> [`segment`](crate::segment) -> [`extract`](crate::extract)
//! -> [`resolve`](crate::resolve) gives an [`Extracted`] document;
//! [`build_graph`] turns extracted documents into a [`ClaimGraph`]. The
//! `attributions` command and `build` both go through
//! [`extract_document`], so the accuracy measured is that of the graph.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use rayon::prelude::*;

use crate::contradict::{self, Analysis, ReportKey};
use crate::extract::extract;
use crate::graph::{
    ArcStr, ClaimGraph, DocumentNode, Edge, Evidence, LinkStatus, NodeRef,
    Report, SharedSet, SourceNode, share_in,
};
use crate::model::{
    AliasTable, Attribution, CharIndex, CueClass, Document, Extracted,
    SourceKind, Span,
};
use crate::resolve::{ReportActors, canonical_key, corpus_actors, resolve};
use crate::segment::segment;
use crate::sources;

/// Runs the text stages over one document.
pub fn extract_document(document: Document) -> Extracted {
    let seg = segment(&document.text);
    let mut attributions = extract(&document.text, &seg);
    resolve(&document.text, &mut attributions);
    crate::extract::gate::gate(&document.text, &mut attributions);
    Extracted::new(document, held(attributions))
}

/// `attributions` in allocations of exactly their size, as they are held
/// until the graph is built, with one name shared by the speakers that
/// have it. `shrink_to_fit` is not enough: mimalloc, the binary's
/// allocator, keeps a block that shrinks by less than half, and a list
/// grown by doubling has up to half its room spare, of 80 bytes an
/// attribution; a content list built piece by piece may have room spare
/// too. (Not `collect`, which would reuse the list in place.)
fn held(attributions: Vec<Attribution>) -> Vec<Attribution> {
    let mut exact = Vec::with_capacity(attributions.len());
    let mut names: HashSet<ArcStr> = HashSet::new();
    exact.extend(attributions.into_iter().map(|mut a| {
        if let Some(sp) = &mut a.speaker {
            match names.get(sp.name.as_str()) {
                Some(name) => sp.name = name.clone(),
                None => {
                    names.insert(sp.name.clone());
                }
            }
        }
        if a.content.capacity() > a.content.len() {
            a.content = a.content.as_slice().into();
        }
        a
    }));
    exact
}

/// Builds the graph of extracted documents with the shipped alias table
/// (`data/aliases.ron`).
///
/// The result does not depend on the order of `docs`: node ids derive
/// from content, and the stored form is sorted.
pub fn build_graph(docs: &[Extracted]) -> ClaimGraph {
    // The alias table is RON, and only the store reads RON.
    build_graph_with(docs, &crate::store::builtin_aliases())
}

/// Builds the graph of extracted documents, merging actors across them
/// with the help of `aliases`. Claim groups, counterclaims and disputes
/// come from [`contradict::analyse`] over the whole corpus.
pub fn build_graph_with(
    docs: &[Extracted],
    aliases: &AliasTable,
) -> ClaimGraph {
    build_graph_observed(docs, aliases, &|_| {})
}

/// [`build_graph_with`], telling `stage` what it starts on ("actors
/// across documents", "claim groups and counterclaims", "graph"), for a
/// progress display.
pub fn build_graph_observed(
    docs: &[Extracted],
    aliases: &AliasTable,
    stage: &dyn Fn(&str),
) -> ClaimGraph {
    build(Docs::Borrowed(docs), aliases, stage)
}

/// [`build_graph_observed`], taking the documents: each one's text and
/// attributions are freed as soon as its nodes and edges are made, so
/// that a large corpus is not held beside the whole of its graph.
pub fn build_graph_consuming(
    docs: Vec<Extracted>,
    aliases: &AliasTable,
    stage: &dyn Fn(&str),
) -> ClaimGraph {
    build(Docs::Owned(docs), aliases, stage)
}

/// The documents a build reads: lent, or given to free as it goes.
enum Docs<'a> {
    Borrowed(&'a [Extracted]),
    Owned(Vec<Extracted>),
}

impl Docs<'_> {
    fn all(&self) -> &[Extracted] {
        match self {
            Docs::Borrowed(docs) => docs,
            Docs::Owned(docs) => docs,
        }
    }

    /// Frees the texts and attributions of the documents `run`, when
    /// they are owned; their ids stay.
    fn release(&mut self, run: Range<usize>) {
        if let Docs::Owned(docs) = self {
            for x in &mut docs[run] {
                x.free_text();
                x.attributions = Vec::new();
            }
        }
    }
}

/// How many documents the graph stage prepares at a time, on every core,
/// before freeing their texts.
const RUN: usize = 1024;

fn build(
    mut docs: Docs,
    aliases: &AliasTable,
    stage: &dyn Fn(&str),
) -> ClaimGraph {
    stage("actors across documents");
    // Each actor's id is one shared string, however many reports it has.
    let corpus = corpus_actors(docs.all(), aliases);
    let (actors, actor_ids) = (corpus.actors, corpus.reports);
    stage("claim groups and counterclaims");
    let mut analysis = contradict::analyse(docs.all(), aliases, |d, a| {
        actor_ids.get(d, a).cloned()
    });
    stage("graph");
    // The claim ids are needed only to choose each group's id: freed
    // before the graph grows.
    let claim_ids = std::mem::take(&mut analysis.claim_ids);
    let (mut claims, wanted) = Claims::new(&analysis, &claim_ids);
    drop(claim_ids);
    // Only the reports a counterclaim or dispute names are needed again
    // after their document's edges are made; the others' evidence moves
    // into the graph.
    let linked: HashSet<ReportKey> = analysis
        .counterclaims
        .iter()
        .flat_map(|c| [c.a, c.b])
        .chain(analysis.disputes.iter().map(|x| x.report))
        .collect();
    // What the dispute edges take from the texts, before they go; the
    // disputes come sorted by report, so each document's are together.
    let by_doc: Vec<&[contradict::Dispute]> = analysis
        .disputes
        .chunk_by(|a, b| a.report.doc == b.report.doc)
        .collect();
    let markers: Vec<(String, [usize; 2])> = by_doc
        .par_iter()
        .flat_map_iter(|disputes| {
            let text = docs.all()[disputes[0].report.doc].text();
            let chars = CharIndex::new(&text);
            disputes.iter().map(move |x| {
                (x.marker.text(&text).to_string(), x.marker.to_chars(&chars))
            })
        })
        .collect();
    // What the graph takes from each document's text besides its
    // reports (its node, the sources it cites, its markers, the texts of
    // the claims its reports name), on every core: little, and needed to
    // count the edges. Each text is read again below for its reports'
    // evidence: made here, all of it would be held at once (about 600 MB
    // for a 1 GB corpus).
    //
    // The evidence of the first run of documents is made in this pass,
    // from the same decompressed text: it would be made next anyway, and
    // held as long as a run's (below), so the peak is no higher; a
    // corpus of one run has each text decompressed once here, not twice.
    let n = docs.all().len();
    let (mut prepared, early): (Vec<Prepared>, Vec<Option<DocEvidence>>) =
        docs.all()
            .par_iter()
            .zip(&wanted)
            .enumerate()
            .map(|(d, (x, wanted))| prepare(x, wanted, d < RUN))
            .unzip();
    let mut early: Vec<DocEvidence> = early.into_iter().flatten().collect();
    drop(wanted);
    claims.take_texts(prepared.iter_mut().map(|p| &mut p.claim_texts));
    let mut reports = Reports {
        actors: &actor_ids,
        actor_nodes: vec![None; actor_ids.actor_count()],
        kept: HashMap::new(),
        claims,
    };
    // Room for every node and edge at once, counted from what was
    // prepared (at most one edge per report and actor, per source and
    // claim it backs, per marker and per link): a large graph's edge
    // list grown by doubling holds its old and new arrays at once, a
    // gigabyte and more at the last doubling.
    let sources: usize = prepared.iter().map(|p| p.sources.len()).sum();
    let edges: usize = prepared
        .iter()
        .zip(docs.all())
        .enumerate()
        .map(|(d, (p, x))| {
            let backed: usize =
                p.sources.iter().map(|(_, _, b)| 1 + b.len()).sum();
            x.attributions.len()
                + actor_ids.count(d)
                + backed
                + p.markers.len()
        })
        .sum::<usize>()
        + analysis.counterclaims.len()
        + analysis.disputes.len();
    let mut g = ClaimGraph::new();
    let nodes = n + actors.len() + reports.claims.distinct + sources;
    g.reserve(nodes, edges);
    for actor in actors.into_actors() {
        g.add_actor(actor);
    }
    // The reports' evidence, a run of documents at a time on every core,
    // added to the graph as soon as it is made; the run's texts and
    // attributions are then freed. Each distinct report text, speaker
    // and cue is held once, however many documents have it (wire copy, a
    // quote every outlet carries, "said"), as in a graph read from the
    // store.
    let mut texts = SharedSet::default();
    let mut cited_markers = Vec::with_capacity(n);
    let mut prepared = prepared.into_iter();
    for lo in (0..n).step_by(RUN) {
        let run = lo..(lo + RUN).min(n);
        let made: Vec<DocEvidence> = if lo == 0 {
            std::mem::take(&mut early)
        } else {
            docs.all()[run.clone()].par_iter().map(evidence_of).collect()
        };
        docs.release(run.clone());
        for (d, mut evidence) in run.zip(made) {
            for (e, _, _) in &mut evidence {
                e.text = share_in(&mut texts, &e.text);
                for s in [&mut e.speaker, &mut e.cue].into_iter().flatten() {
                    *s = share_in(&mut texts, s);
                }
            }
            let p = prepared.next().expect("one per document");
            let claims = add_document(
                &mut g,
                p.node,
                evidence,
                &mut reports,
                &linked,
                d,
            );
            add_sources(&mut g, &docs.all()[d].document, p.sources, &claims);
            cited_markers.push(p.markers);
        }
    }
    drop(texts);
    link_markers(&mut g, docs.all(), &cited_markers);
    drop(cited_markers);
    add_links(&mut g, docs.all(), &mut reports, &analysis, &markers);
    g
}

/// What the graph takes from one document's text besides its reports,
/// made on every core.
struct Prepared {
    /// The document's node.
    node: DocumentNode,
    /// Each source it cites, with the evidence of the citation and the
    /// attributions the source backs.
    sources: Vec<(SourceNode, Evidence, Vec<usize>)>,
    /// Its citation markers: name, span and text.
    markers: Vec<Marker>,
    /// The text of each claim group whose text is that of one of its
    /// reports, by group.
    claim_texts: Vec<(usize, String)>,
}

/// A citation marker: its name, its span in code points and its text.
type Marker = (String, [u32; 2], ArcStr);

/// `wanted` are the reports (attribution, claim group) whose text is
/// their group's. With `with_evidence`, also the document's evidence, as
/// [`evidence_of`] makes it, from the same decompressed text.
fn prepare(
    x: &Extracted,
    wanted: &[(usize, usize)],
    with_evidence: bool,
) -> (Prepared, Option<DocEvidence>) {
    let doc = &x.document;
    // Decompressed once for all the document's sources and claims.
    let text = x.text();
    let text = text.as_ref();
    let claim_texts = wanted
        .iter()
        .map(|&(att, group)| (group, x.attributions[att].content_text(text)))
        .collect();
    let chars = CharIndex::new(text);
    let publisher = sources::publisher_in(doc, text);
    let node = DocumentNode {
        id: format!("doc:{}", doc.id),
        name: doc.id.clone(),
        title: doc.title.clone(),
        publisher: publisher.as_ref().map(|p| p.name.clone()),
        url: doc.url.clone(),
        date: doc.date.clone(),
        publisher_evidence: publisher
            .and_then(|p| p.span)
            .map(|s| s.to_chars(&chars)),
    };
    let mut shared = SharedSet::default();
    let cited = sources::cited_sources(text);
    let markers = cited
        .iter()
        .filter(|c| c.kind == SourceKind::Marker)
        .map(|c| {
            let text = ArcStr::from(c.span.text(text));
            (c.name.clone(), code_points(c.span, &chars), text)
        })
        .collect();
    let backed = sources::Backing::new(text, &cited, &x.attributions).claims();
    let sources = cited
        .iter()
        .zip(backed)
        .map(|(c, backed)| {
            let node = SourceNode {
                id: source_id(c.kind, &c.name),
                name: c.name.clone(),
                kind: c.kind,
            };
            let evidence = Evidence {
                document: share_in(&mut shared, &doc.id),
                span: code_points(c.span, &chars),
                text: ArcStr::from(c.span.text(text)),
                speaker: None,
                speaker_span: None,
                cue: None,
                cue_span: None,
                rule: share_in(&mut shared, c.rule),
            };
            (node, evidence, backed)
        })
        .collect();
    let evidence = with_evidence.then(|| evidence_in(x, text, &chars));
    (Prepared { node, sources, markers, claim_texts }, evidence)
}

/// Each report's evidence in a document, with its attribution's cue
/// class and whether it quotes.
type DocEvidence = Vec<(Evidence, CueClass, bool)>;

/// The [`DocEvidence`] of `x`.
fn evidence_of(x: &Extracted) -> DocEvidence {
    // Decompressed once for all the document's reports.
    let text = x.text();
    let text = text.as_ref();
    evidence_in(x, text, &CharIndex::new(text))
}

/// The [`DocEvidence`] of `x`, whose text is `text`, indexed by `chars`.
fn evidence_in(x: &Extracted, text: &str, chars: &CharIndex) -> DocEvidence {
    let mut shared = SharedSet::default();
    x.attributions
        .iter()
        .map(|a| {
            let evidence = evidence(&x.document, text, chars, a, &mut shared);
            (evidence, a.class, a.direct)
        })
        .collect()
}

/// What the graph needs of each report: its claim and its actor, and
/// the evidence of those a link names.
struct Reports<'a> {
    actors: &'a ReportActors,
    /// Each actor's node by number, once looked up: a graph's id index
    /// is a search through strings, and there is a report for each of
    /// millions of edges.
    actor_nodes: Vec<Option<NodeRef>>,
    /// The evidence of the reports a counterclaim or dispute names, kept
    /// for those links.
    kept: HashMap<ReportKey, Evidence>,
    claims: Claims<'a>,
}

/// Each claim group's id and text.
struct Claims<'a> {
    /// Each report's claim group.
    group_of: &'a [Vec<usize>],
    /// Each group's id, as the number [`claim_hash`] gives; `None` for a
    /// group of no report.
    ids: Vec<Option<u64>>,
    /// The text of each group's claim node.
    texts: Vec<String>,
    /// The number of distinct ids, and so of claim nodes.
    distinct: usize,
    /// Each group's node, once made or found ([`NO_NODE`] before): its
    /// id need not be written out and looked up again for each report.
    nodes: Vec<u32>,
}

/// No node yet, in [`Claims::nodes`].
const NO_NODE: u32 = u32::MAX;

impl<'a> Claims<'a> {
    /// The claims of `analysis`, whose reports' claim ids are `claim_ids`
    /// (as [`Analysis::claim_ids`]), without their texts; with, for each
    /// document, the reports (attribution, group) whose text is their
    /// group's, for [`Claims::take_texts`].
    fn new(
        analysis: &'a Analysis,
        claim_ids: &[u64],
    ) -> (Claims<'a>, Vec<Vec<(usize, usize)>>) {
        // A group's id and text are those of its member with the smallest
        // id, so they do not depend on the order documents came in. Ids
        // are fixed-width hex, so their numbers compare as they do.
        let mut best: Vec<Option<(u64, usize, usize)>> =
            vec![None; analysis.groups];
        let mut ids = claim_ids.iter();
        for (d, groups) in analysis.group_of.iter().enumerate() {
            for (a, &group) in groups.iter().enumerate() {
                let id = *ids.next().expect("an id for each report");
                let slot = &mut best[group];
                if slot.is_none_or(|(b, _, _)| id < b) {
                    *slot = Some((id, d, a));
                }
            }
        }
        let mut wanted: Vec<Vec<(usize, usize)>> =
            vec![Vec::new(); analysis.group_of.len()];
        let ids: Vec<Option<u64>> = best
            .into_iter()
            .enumerate()
            .map(|(group, b)| {
                b.map(|(id, d, a)| {
                    wanted[d].push((a, group));
                    id
                })
            })
            .collect();
        // Groups of one id share one node.
        let distinct = ids.iter().collect::<HashSet<_>>().len();
        let nodes = vec![NO_NODE; ids.len()];
        let texts = vec![String::new(); ids.len()];
        let claims = Claims {
            group_of: &analysis.group_of,
            ids,
            texts,
            distinct,
            nodes,
        };
        (claims, wanted)
    }

    /// Takes the groups' texts from `each` (group and text, as
    /// [`prepare`] makes them for the reports [`Claims::new`] wants).
    fn take_texts<'t>(
        &mut self,
        each: impl Iterator<Item = &'t mut Vec<(usize, String)>>,
    ) {
        for list in each {
            for (group, text) in std::mem::take(list) {
                self.texts[group] = text;
            }
        }
        // Groups of one id share one node, whose text is that of the
        // last such group.
        let mut last: HashMap<Option<u64>, usize> = HashMap::new();
        for (i, id) in self.ids.iter().enumerate() {
            last.insert(*id, i);
        }
        for (i, id) in self.ids.iter().enumerate() {
            let l = last[id];
            if l != i {
                self.texts[i] = self.texts[l].clone();
            }
        }
    }

    /// The claim node of report `k`, added when new; the text moves into
    /// the node.
    fn node(&mut self, g: &mut ClaimGraph, k: ReportKey) -> NodeRef {
        let group = self.group_of[k.doc][k.att];
        if self.nodes[group] != NO_NODE {
            return NodeRef::from_number(self.nodes[group]);
        }
        let id = self.ids[group].map_or_else(String::new, claim_name);
        let texts = &mut self.texts;
        let node =
            g.find_or_add_claim(id, || std::mem::take(&mut texts[group]));
        self.nodes[group] = node.number();
        node
    }
}

impl Reports<'_> {
    fn report(&self, k: ReportKey) -> Report {
        Report {
            actor: self.actors.get(k.doc, k.att).map(|id| id.to_string()),
            evidence: self.kept[&k].clone(),
        }
    }

    fn claim(&mut self, g: &mut ClaimGraph, k: ReportKey) -> NodeRef {
        self.claims.node(g, k)
    }

    /// The node of report `k`'s actor, if it has one.
    fn actor(&mut self, g: &ClaimGraph, k: ReportKey) -> Option<NodeRef> {
        let n = self.actors.number(k.doc, k.att)?;
        if self.actor_nodes[n].is_none() {
            self.actor_nodes[n] = g.find(self.actors.id(n));
        }
        self.actor_nodes[n]
    }
}

/// Adds a document's node, its claims and their actors, with `evidence`
/// for its reports; returns the claim of each attribution.
fn add_document(
    g: &mut ClaimGraph,
    node: DocumentNode,
    prepared: Vec<(Evidence, CueClass, bool)>,
    reports: &mut Reports,
    linked: &HashSet<ReportKey>,
    d: usize,
) -> Vec<NodeRef> {
    let doc_node = g.add_document(node);
    let mut claims = Vec::new();
    for (i, (evidence, class, direct)) in prepared.into_iter().enumerate() {
        let k = ReportKey { doc: d, att: i };
        if linked.contains(&k) {
            reports.kept.insert(k, evidence.clone());
        }
        let claim = reports.claim(g, k);
        claims.push(claim);
        let reported = Edge::ReportedIn { evidence: evidence.clone(), direct };
        g.link(claim, doc_node, reported);
        if let Some(actor) = reports.actor(g, k) {
            let edge = Edge::Attributed { class, direct, evidence };
            g.link(actor, claim, edge);
        }
    }
    claims
}

/// Counterclaim and dispute edges; `markers` are each dispute's marker
/// text and span.
fn add_links(
    g: &mut ClaimGraph,
    docs: &[Extracted],
    reports: &mut Reports,
    analysis: &Analysis,
    markers: &[(String, [usize; 2])],
) {
    for c in &analysis.counterclaims {
        let (a, b) = (reports.claim(g, c.a), reports.claim(g, c.b));
        if a == b {
            continue;
        }
        let edge = Edge::Contradicts {
            a: Box::new(reports.report(c.a)),
            b: Box::new(reports.report(c.b)),
            rule: ArcStr::from(c.rule),
            reason: ArcStr::from(c.reason.as_str()),
            confidence: percent(c.confidence),
            status: LinkStatus::Found,
        };
        g.link(a, b, edge);
    }
    for (dispute, (marker, span)) in analysis.disputes.iter().zip(markers) {
        let k = dispute.report;
        let x = &docs[k.doc];
        let doc = g.find(&format!("doc:{}", x.document.id)).expect("added");
        let claim = reports.claim(g, k);
        let edge = Edge::Disputes {
            report: Box::new(reports.report(k)),
            marker: ArcStr::from(marker.as_str()),
            marker_span: *span,
            rule: ArcStr::from(dispute.rule),
            reason: ArcStr::from(dispute.reason.as_str()),
            confidence: percent(dispute.confidence),
        };
        g.link(doc, claim, edge);
    }
}

fn percent(x: f64) -> u8 {
    (x * 100.0).round().clamp(0.0, 100.0) as u8
}

/// Adds the sources a document cites, linked from the document and from
/// the claims each backs (`sources`, as [`prepare`] found them).
fn add_sources(
    g: &mut ClaimGraph,
    d: &Document,
    sources: Vec<(SourceNode, Evidence, Vec<usize>)>,
    claims: &[NodeRef],
) {
    let Some(doc_node) = g.find(&format!("doc:{}", d.id)) else { return };
    for (node, evidence, backed) in sources {
        let source = g.add_source(node);
        g.link(doc_node, source, Edge::Cites { evidence: evidence.clone() });
        // Two attributions of one claim ("China and Mexico denied ...")
        // give one edge.
        let mut backed: Vec<NodeRef> =
            backed.into_iter().map(|i| claims[i]).collect();
        let mut seen = std::collections::HashSet::new();
        backed.retain(|claim| seen.insert(*claim));
        for claim in backed {
            let evidence = evidence.clone();
            g.link(claim, source, Edge::BackedBy { evidence });
        }
    }
}

fn source_id(kind: SourceKind, name: &str) -> String {
    let slug: String = canonical_key(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("source:{}:{slug}", kind.name())
}

/// A citation marker that names a document of the corpus ("[de4dbeca]"
/// for `de4dbeca` or `003_de4dbeca…`) identifies that document.
/// `markers` are each document's citation markers: name, span and text.
fn link_markers(
    g: &mut ClaimGraph,
    docs: &[Extracted],
    markers: &[Vec<Marker>],
) {
    // Most corpora cite no marker: no index for them.
    if markers.iter().all(Vec::is_empty) {
        return;
    }
    let named =
        NamedDocuments::new(docs.iter().map(|x| x.document.id.as_str()));
    for (x, markers) in docs.iter().zip(markers) {
        let d = &x.document;
        for (name, span, text) in markers {
            let Some(target) = named.first(name).map(|t| &docs[t]) else {
                continue;
            };
            let from = g.find(&source_id(SourceKind::Marker, name));
            let to = g.find(&format!("doc:{}", target.document.id));
            if let (Some(from), Some(to)) = (from, to) {
                let evidence = Evidence {
                    document: ArcStr::from(d.id.as_str()),
                    span: *span,
                    text: text.clone(),
                    speaker: None,
                    speaker_span: None,
                    cue: None,
                    cue_span: None,
                    rule: arcstr::literal!("source/marker-names-document"),
                };
                g.link(from, to, Edge::Identifies { evidence });
            }
        }
    }
}

/// True when the marker `marker` is the document id `id`, or the hash
/// part after its last `_` begins with it (six characters at least).
#[cfg(test)]
fn names_document(marker: &str, id: &str) -> bool {
    marker == id
        || (marker.len() >= MIN_HASH && hash_part(id).starts_with(marker))
}

/// The shortest marker that names a document by the start of its hash.
const MIN_HASH: usize = 6;

/// The part of a document id after its last `_`: its hash, in a
/// generated summary's ids (`003_de4dbeca…`).
fn hash_part(id: &str) -> &str {
    id.rsplit('_').next().unwrap_or(id)
}

/// The documents a citation marker can name, indexed: finding the first
/// document it names costs two binary searches, where a scan of every
/// document for every marker grew with the square of the corpus (14 s
/// of a 1 GB build). The index holds each document's number twice, four
/// bytes each, as it is made when the graph is at its largest.
struct NamedDocuments<'a> {
    /// Every document id, in corpus order.
    ids: Vec<&'a str>,
    /// Document numbers sorted by id, then number.
    by_id: Vec<u32>,
    /// Document numbers sorted by their id's hash part, then number.
    by_hash: Vec<u32>,
}

impl<'a> NamedDocuments<'a> {
    fn new(ids: impl Iterator<Item = &'a str>) -> NamedDocuments<'a> {
        let ids: Vec<&str> = ids.collect();
        let count =
            u32::try_from(ids.len()).expect("under 4 billion documents");
        let mut by_id: Vec<u32> = (0..count).collect();
        by_id.sort_unstable_by_key(|&i| (ids[i as usize], i));
        let mut by_hash = by_id.clone();
        by_hash.sort_unstable_by_key(|&i| (hash_part(ids[i as usize]), i));
        NamedDocuments { ids, by_id, by_hash }
    }

    /// The first document, in corpus order, that `marker` names (see
    /// [`names_document`]).
    fn first(&self, marker: &str) -> Option<usize> {
        let id = |i: &u32| self.ids[*i as usize];
        let at = self.by_id.partition_point(|i| id(i) < marker);
        let exact = self.by_id.get(at).filter(|i| id(i) == marker);
        let by_hash = (marker.len() >= MIN_HASH).then(|| {
            let hash = |i: &u32| hash_part(id(i));
            let from = self.by_hash.partition_point(|i| hash(i) < marker);
            self.by_hash[from..]
                .iter()
                .take_while(|i| hash(i).starts_with(marker))
                .min()
        });
        exact.into_iter().chain(by_hash.flatten()).min().map(|&i| i as usize)
    }
}

/// The evidence of one report in `d`, whose text is `text`. `shared`
/// holds the strings already made for this document (its id, speakers,
/// cues, rule ids), so that its reports share them.
fn evidence(
    d: &Document,
    text: &str,
    chars: &CharIndex,
    a: &Attribution,
    shared: &mut SharedSet,
) -> Evidence {
    let mut share = |s: &str| share_in(shared, s);
    Evidence {
        document: share(&d.id),
        span: code_points(a.content_extent(), chars),
        text: ArcStr::from(a.content_text(text)),
        speaker: a.speaker.as_ref().map(|s| share(s.span.text(text))),
        speaker_span: a.speaker.as_ref().map(|s| code_points(s.span, chars)),
        cue: a.cue.map(|c| share(c.text(text))),
        cue_span: a.cue.map(|c| code_points(c, chars)),
        // Already one shared string per rule (see `extract`).
        rule: a.rule.clone(),
    }
}

/// The code-point span of `span`, as evidence keeps it.
fn code_points(span: Span, chars: &CharIndex) -> [u32; 2] {
    span.to_chars(chars).map(|at| {
        u32::try_from(at).expect("an article under 4 billion characters")
    })
}

/// The claim id of the number `hash`: "claim:" and its sixteen hex
/// digits, lower case, written a digit at a time (a `format!` of it was
/// most of the cost of adding a claim node).
fn claim_name(hash: u64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(22);
    id.push_str("claim:");
    for k in (0..16).rev() {
        id.push(char::from(DIGITS[(hash >> (4 * k)) as usize & 0xf]));
    }
    id
}

/// [`claim_name`] as first made: the reference the tests hold it to.
#[cfg(test)]
fn claim_name_formatted(hash: u64) -> String {
    format!("claim:{hash:016x}")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn doc(id: &str, text: &str) -> Document {
        Document { id: id.into(), text: text.into(), ..Document::default() }
    }

    /// [`claim_name`] against [`claim_name_formatted`]: every single
    /// bit, every nibble value at every place, the ends, and a run of
    /// pseudo-random numbers.
    #[test]
    fn claim_name_is_the_formatted_name() {
        let mut hashes = vec![0, 1, u64::MAX, u64::MAX - 1, 1 << 63];
        hashes.extend((0..64).map(|b| 1u64 << b));
        hashes.extend(
            (0..16).flat_map(|k| (0..16u64).map(move |v| v << (4 * k))),
        );
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        hashes.extend((0..10_000).map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        }));
        for h in hashes {
            assert_eq!(claim_name(h), claim_name_formatted(h), "{h:x}");
        }
    }

    #[test]
    fn a_marker_identifies_the_document_it_names() {
        let docs = vec![
            extract_document(doc(
                "summary",
                "Seizures of fentanyl rose last year, officials said [de4dbeca].",
            )),
            extract_document(doc(
                "007_de4dbeca1234",
                "Officials said that seizures of fentanyl rose last year.",
            )),
        ];
        let g = build_graph(&docs);
        let view = g.view();
        let links: Vec<(&str, &str)> = view
            .edges()
            .filter(|e| matches!(e.edge, Edge::Identifies { .. }))
            .map(|e| (e.from, e.to))
            .collect();
        assert_eq!(
            links,
            [("source:citation_marker:de4dbeca", "doc:007_de4dbeca1234")]
        );
    }

    #[test]
    fn indexed_markers_name_the_documents_a_scan_finds() {
        let ids = [
            "003_de4dbeca11",
            "de4dbe",
            "004_de4dbeca22",
            "notes",
            "x_de4dbeca11",
            "001_ab12cd34",
            "ab12cd",
        ];
        let named = NamedDocuments::new(ids.iter().copied());
        for marker in [
            "de4dbeca",
            "de4dbe",
            "de4dbeca2",
            "ab12cd",
            "ab12cd3",
            "notes",
            "note",
            "003_de4dbeca11",
            "de4db",
            "zz9999",
            "",
        ] {
            let scan = ids.iter().position(|id| names_document(marker, id));
            assert_eq!(named.first(marker), scan, "{marker}");
        }
    }

    #[test]
    fn same_quote_in_two_documents_is_one_claim() {
        let text = "“We don’t produce fentanyl here,” Andrés López said.";
        let docs = vec![
            extract_document(doc("a", text)),
            extract_document(doc("b", text)),
        ];
        let c = build_graph(&docs).counts();
        assert_eq!((c.documents, c.claims, c.actors, c.edges), (2, 1, 1, 4));
    }

    #[test]
    fn a_text_reported_in_two_documents_is_held_once() {
        let text = "“We don’t produce fentanyl here,” Andrés López said.";
        let docs = vec![
            extract_document(doc("a", text)),
            extract_document(doc("b", text)),
        ];
        let g = build_graph_consuming(docs, &AliasTable::default(), &|_| {});
        let view = g.view();
        let texts: Vec<&ArcStr> =
            view.edges().map(|e| &e.edge.evidence().text).collect();
        assert_eq!(texts.len(), 4);
        assert!(texts.iter().all(|t| ArcStr::ptr_eq(t, texts[0])));
    }

    #[test]
    fn order_of_documents_does_not_matter() {
        let a = extract_document(doc(
            "a",
            "Anne Milgram said cartels make pills.",
        ));
        let b =
            extract_document(doc("b", "He said the cartels are to blame."));
        let one = build_graph(&[a.clone(), b.clone()]).to_data();
        let two = build_graph(&[b, a]).to_data();
        assert_eq!(one, two);
    }

    #[test]
    fn packed_texts_build_the_same_graph() {
        let mut docs: Vec<Extracted> = crate::model::bundled_texts()
            .into_iter()
            .enumerate()
            .map(|(i, text)| extract_document(doc(&format!("d{i}"), &text)))
            .collect();
        let plain = build_graph(&docs).to_data();
        for x in &mut docs {
            let text = x.document.text.clone();
            x.pack();
            assert!(x.is_packed() && x.document.text.is_empty());
            assert_eq!(x.text(), text);
        }
        let packed = build_graph(&docs).to_data();
        assert_eq!(plain, packed);
    }

    #[test]
    fn spilled_texts_build_the_same_graph() {
        let texts = crate::model::bundled_texts();
        let extracted = |spill: Option<&Arc<crate::model::Spill>>| {
            texts
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let mut x = extract_document(doc(&format!("d{i}"), text));
                    if let Some(spill) = spill {
                        x.spill(spill);
                        assert!(x.is_packed() && x.document.text.is_empty());
                        assert_eq!(&x.text(), text);
                    }
                    x
                })
                .collect::<Vec<_>>()
        };
        let plain = build_graph(&extracted(None)).to_data();
        let spill = Arc::new(crate::model::Spill::new().unwrap());
        let docs = extracted(Some(&spill));
        let spilled = build_graph_consuming(
            docs,
            &crate::store::builtin_aliases(),
            &|_| {},
        )
        .to_data();
        assert_eq!(plain, spilled);
    }

    #[test]
    fn evidence_made_while_preparing_is_that_made_alone() {
        for (i, text) in crate::model::bundled_texts().iter().enumerate() {
            let mut x = extract_document(doc(&format!("d{i}"), text));
            for packed in [false, true] {
                if packed {
                    x.pack();
                }
                let alone = evidence_of(&x);
                assert!(!alone.is_empty() || x.attributions.is_empty());
                let (_, early) = prepare(&x, &[], true);
                assert_eq!(early, Some(alone), "d{i}");
                assert_eq!(prepare(&x, &[], false).1, None);
            }
        }
    }

    #[test]
    fn unresolved_speakers_are_not_merged() {
        let a =
            extract_document(doc("a", "He said the cartels are to blame."));
        let b =
            extract_document(doc("b", "He said the cartels are to blame."));
        assert_eq!(build_graph(&[a, b]).counts().actors, 2);
    }

    #[test]
    fn evidence_offsets_are_code_points() {
        let x = extract_document(doc("a", "López said the plan works."));
        let g = build_graph(&[x]);
        let data = g.to_data();
        let ev = data.edges[0].edge.evidence();
        assert_eq!(ev.span, [11, 25]);
        assert_eq!(ev.speaker_span, Some([0, 5]));
    }
}
