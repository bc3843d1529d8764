//! The one place that knows the order of the stages.
//!
//! `Document` -> [`segment`](crate::segment) -> [`extract`](crate::extract)
//! -> [`resolve`](crate::resolve) gives an [`Extracted`] document;
//! [`build_graph`] turns extracted documents into a [`ClaimGraph`]. The
//! `attributions` command and `build` both go through
//! [`extract_document`], so the accuracy measured is that of the graph.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::contradict::{self, Analysis, ReportKey};
use crate::extract::extract;
use crate::graph::{
    Claim, ClaimGraph, DocumentNode, Edge, Evidence, LinkStatus, NodeRef,
    Report, SharedSet, SourceNode, share_in,
};
use crate::model::{
    AliasTable, Attribution, CharIndex, Document, Extracted, SourceKind, Span,
    stable_hash,
};
use crate::resolve::{canonical_key, corpus_actors, resolve};
use crate::segment::segment;
use crate::sources;

/// Runs the text stages over one document.
pub fn extract_document(document: Document) -> Extracted {
    let seg = segment(&document.text);
    let mut attributions = extract(&document.text, &seg);
    resolve(&document.text, &mut attributions);
    Extracted { document, attributions }
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
    stage("actors across documents");
    let corpus = corpus_actors(docs, aliases);
    // Each actor's id is one shared string, however many reports it has.
    let actor_ids: Vec<Vec<Option<Arc<str>>>> = docs
        .par_iter()
        .map(|x| {
            x.attributions
                .iter()
                .map(|a| {
                    let sp = a.speaker.as_ref()?;
                    corpus.actor_of(&x.document.id, sp.span).cloned()
                })
                .collect()
        })
        .collect();
    stage("claim groups and counterclaims");
    let analysis =
        contradict::analyse(docs, aliases, |d, a| actor_ids[d][a].clone());
    stage("graph");
    // Not made beside the corpus actor pass, which is mostly serial: that
    // saves 3 % of the time and costs a fifth more memory at the peak.
    let (chars, evidence, cited) = per_document(docs);
    let mut reports =
        Reports::new(docs, &actor_ids, chars, evidence, &analysis);
    // Only the reports a counterclaim or dispute names are needed again
    // after their document's edges are made; the others' evidence moves
    // into the graph, and each document's list is freed once its edges
    // are made.
    let linked: HashSet<ReportKey> = analysis
        .counterclaims
        .iter()
        .flat_map(|c| [c.a, c.b])
        .chain(analysis.disputes.iter().map(|x| x.report))
        .collect();
    let mut g = ClaimGraph::new();
    for actor in corpus.actors {
        g.add_actor(actor);
    }
    for (d, doc) in docs.iter().enumerate() {
        let claims = add_document(&mut g, doc, &mut reports, &linked, d);
        add_sources(&mut g, doc, &reports.chars[d], &cited[d], &claims);
    }
    link_markers(&mut g, docs, &reports.chars, &cited);
    add_links(&mut g, &reports, &analysis);
    g
}

/// What the graph needs of each report: its claim id, its actor and its
/// evidence, indexed by document and attribution.
struct Reports<'a> {
    docs: &'a [Extracted],
    actors: &'a [Vec<Option<Arc<str>>>],
    /// Each document's code-point index, built once.
    chars: Vec<CharIndex>,
    /// Each report's evidence, until its document's edges take it.
    evidence: Vec<Vec<Evidence>>,
    /// The evidence of the reports a counterclaim or dispute names, kept
    /// for those links.
    kept: HashMap<ReportKey, Evidence>,
    /// Each report's claim group.
    group_of: &'a [Vec<usize>],
    /// Each claim group's id.
    claim_ids: Vec<String>,
    /// Each claim group's text, by claim id.
    texts: HashMap<String, String>,
}

/// Each document's code-point index, its reports' evidence and the
/// sources it cites, made on every core.
#[allow(clippy::type_complexity)]
fn per_document(
    docs: &[Extracted],
) -> (Vec<CharIndex>, Vec<Vec<Evidence>>, Vec<Vec<sources::Cited>>) {
    let chars: Vec<CharIndex> =
        docs.par_iter().map(|x| CharIndex::new(&x.document.text)).collect();
    let evidence = docs
        .par_iter()
        .zip(&chars)
        .map(|(x, chars)| {
            let mut shared = SharedSet::default();
            x.attributions
                .iter()
                .map(|a| evidence(&x.document, chars, a, &mut shared))
                .collect()
        })
        .collect();
    let cited = docs
        .par_iter()
        .map(|x| sources::cited_sources(&x.document.text))
        .collect();
    (chars, evidence, cited)
}

impl<'a> Reports<'a> {
    fn new(
        docs: &'a [Extracted],
        actors: &'a [Vec<Option<Arc<str>>>],
        chars: Vec<CharIndex>,
        evidence: Vec<Vec<Evidence>>,
        analysis: &'a Analysis,
    ) -> Reports<'a> {
        // A group's id and text are those of its member with the smallest
        // id, so they do not depend on the order documents came in.
        let report_ids: Vec<Vec<String>> = evidence
            .par_iter()
            .map(|per_doc| {
                per_doc.iter().map(|ev| claim_id(&ev.text)).collect()
            })
            .collect();
        let mut best: Vec<Option<(String, String)>> =
            vec![None; analysis.groups];
        for (d, (per_doc, ids)) in evidence.iter().zip(report_ids).enumerate()
        {
            for (a, (ev, id)) in per_doc.iter().zip(ids).enumerate() {
                let slot = &mut best[analysis.group_of[d][a]];
                if slot.as_ref().is_none_or(|(b, _)| id < *b) {
                    *slot = Some((id, ev.text.to_string()));
                }
            }
        }
        let (ids, texts): (Vec<String>, Vec<String>) =
            best.into_iter().map(|b| b.unwrap_or_default()).unzip();
        let texts = ids.iter().cloned().zip(texts).collect();
        Reports {
            docs,
            actors,
            chars,
            evidence,
            kept: HashMap::new(),
            group_of: &analysis.group_of,
            claim_ids: ids,
            texts,
        }
    }

    fn report(&self, k: ReportKey) -> Report {
        Report {
            actor: self.actors[k.doc][k.att].as_deref().map(str::to_string),
            evidence: self.kept[&k].clone(),
        }
    }

    fn claim(&self, g: &mut ClaimGraph, k: ReportKey) -> NodeRef {
        let id = self.claim_ids[self.group_of[k.doc][k.att]].clone();
        let text = self.texts.get(&id).cloned().unwrap_or_default();
        g.add_claim(Claim::new(id, text))
    }
}

/// Adds a document, its claims and their actors; returns the claim of
/// each attribution.
fn add_document(
    g: &mut ClaimGraph,
    x: &Extracted,
    reports: &mut Reports,
    linked: &HashSet<ReportKey>,
    d: usize,
) -> Vec<NodeRef> {
    let doc = &x.document;
    let chars = &reports.chars[d];
    let publisher = sources::publisher(doc);
    let doc_node = g.add_document(DocumentNode {
        id: format!("doc:{}", doc.id),
        name: doc.id.clone(),
        title: doc.title.clone(),
        publisher: publisher.as_ref().map(|p| p.name.clone()),
        url: doc.url.clone(),
        date: doc.date.clone(),
        publisher_evidence: publisher
            .and_then(|p| p.span)
            .map(|s| s.to_chars(chars)),
    });
    let mut claims = Vec::new();
    let evidence = std::mem::take(&mut reports.evidence[d]);
    for (i, (a, evidence)) in x.attributions.iter().zip(evidence).enumerate() {
        let k = ReportKey { doc: d, att: i };
        if linked.contains(&k) {
            reports.kept.insert(k, evidence.clone());
        }
        let claim = reports.claim(g, k);
        claims.push(claim);
        let reported =
            Edge::ReportedIn { evidence: evidence.clone(), direct: a.direct };
        g.link(claim, doc_node, reported);
        let actor = reports.actors[d][i].as_deref().and_then(|id| g.find(id));
        if let Some(actor) = actor {
            let edge = Edge::Attributed {
                class: a.class,
                direct: a.direct,
                evidence,
            };
            g.link(actor, claim, edge);
        }
    }
    claims
}

/// Counterclaim and dispute edges.
fn add_links(g: &mut ClaimGraph, reports: &Reports, analysis: &Analysis) {
    for c in &analysis.counterclaims {
        let (a, b) = (reports.claim(g, c.a), reports.claim(g, c.b));
        if a == b {
            continue;
        }
        let edge = Edge::Contradicts {
            a: Box::new(reports.report(c.a)),
            b: Box::new(reports.report(c.b)),
            rule: c.rule.to_string(),
            reason: c.reason.clone(),
            confidence: percent(c.confidence),
            status: LinkStatus::Found,
        };
        g.link(a, b, edge);
    }
    for dispute in &analysis.disputes {
        let k = dispute.report;
        let x = &reports.docs[k.doc];
        let doc = g.find(&format!("doc:{}", x.document.id)).expect("added");
        let claim = reports.claim(g, k);
        let chars = &reports.chars[k.doc];
        let edge = Edge::Disputes {
            report: Box::new(reports.report(k)),
            marker: dispute.marker.text(&x.document.text).to_string(),
            marker_span: dispute.marker.to_chars(chars),
            rule: dispute.rule.to_string(),
            reason: dispute.reason.clone(),
            confidence: percent(dispute.confidence),
        };
        g.link(doc, claim, edge);
    }
}

fn percent(x: f64) -> u8 {
    (x * 100.0).round().clamp(0.0, 100.0) as u8
}

/// Adds the sources a document cites, linked from the document and from
/// the claims each backs.
fn add_sources(
    g: &mut ClaimGraph,
    x: &Extracted,
    chars: &CharIndex,
    cited: &[sources::Cited],
    claims: &[NodeRef],
) {
    let d = &x.document;
    let Some(doc_node) = g.find(&format!("doc:{}", d.id)) else { return };
    let markers: Vec<Span> = cited
        .iter()
        .filter(|c| c.kind == SourceKind::Marker)
        .map(|c| c.span)
        .collect();
    for c in cited {
        let source = g.add_source(SourceNode {
            id: source_id(c.kind, &c.name),
            name: c.name.clone(),
            kind: c.kind,
        });
        let evidence = Evidence {
            document: Arc::from(d.id.as_str()),
            span: c.span.to_chars(chars),
            text: Arc::from(c.span.text(&d.text)),
            speaker: None,
            speaker_span: None,
            cue: None,
            cue_span: None,
            rule: Arc::from(c.rule),
        };
        g.link(doc_node, source, Edge::Cites { evidence: evidence.clone() });
        // Two attributions of one claim ("China and Mexico denied ...")
        // give one edge.
        let mut backed: Vec<NodeRef> =
            sources::backed_claims(&d.text, c, &markers, &x.attributions)
                .into_iter()
                .map(|i| claims[i])
                .collect();
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
fn link_markers(
    g: &mut ClaimGraph,
    docs: &[Extracted],
    chars: &[CharIndex],
    cited: &[Vec<sources::Cited>],
) {
    for ((x, chars), cited) in docs.iter().zip(chars).zip(cited) {
        let d = &x.document;
        for c in cited {
            if c.kind != SourceKind::Marker {
                continue;
            }
            let Some(target) =
                docs.iter().find(|t| names_document(&c.name, &t.document.id))
            else {
                continue;
            };
            let from = g.find(&source_id(c.kind, &c.name));
            let to = g.find(&format!("doc:{}", target.document.id));
            if let (Some(from), Some(to)) = (from, to) {
                let evidence = Evidence {
                    document: Arc::from(d.id.as_str()),
                    span: c.span.to_chars(chars),
                    text: Arc::from(c.span.text(&d.text)),
                    speaker: None,
                    speaker_span: None,
                    cue: None,
                    cue_span: None,
                    rule: Arc::from("source/marker-names-document"),
                };
                g.link(from, to, Edge::Identifies { evidence });
            }
        }
    }
}

/// True when the marker `marker` is the document id `id`, or the hash
/// part after its last `_` begins with it (six characters at least).
fn names_document(marker: &str, id: &str) -> bool {
    let hash = id.rsplit('_').next().unwrap_or(id);
    marker == id || (marker.len() >= 6 && hash.starts_with(marker))
}

/// The evidence of one report. `shared` holds the strings already made
/// for this document (its id, speakers, cues, rule ids), so that its
/// reports share them.
fn evidence(
    d: &Document,
    chars: &CharIndex,
    a: &Attribution,
    shared: &mut SharedSet,
) -> Evidence {
    let text = &d.text;
    let mut share = |s: &str| share_in(shared, s);
    Evidence {
        document: share(&d.id),
        span: a.content_extent().to_chars(chars),
        text: Arc::from(a.content_text(text)),
        speaker: a.speaker.as_ref().map(|s| share(s.span.text(text))),
        speaker_span: a.speaker.as_ref().map(|s| s.span.to_chars(chars)),
        cue: a.cue.map(|c| share(c.text(text))),
        cue_span: a.cue.map(|c| c.to_chars(chars)),
        rule: share(&a.rule),
    }
}

/// Claims group by their words, whatever the case and punctuation.
fn claim_id(text: &str) -> String {
    let key = canonical_key(text);
    let words: Vec<&str> = key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    format!("claim:{:016x}", stable_hash(words.join(" ").as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> Document {
        Document { id: id.into(), text: text.into(), ..Document::default() }
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
