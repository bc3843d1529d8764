//! The one place that knows the order of the stages.
//!
//! `Document` -> [`segment`](crate::segment) -> [`extract`](crate::extract)
//! -> [`resolve`](crate::resolve) gives an [`Extracted`] document;
//! [`build_graph`] turns extracted documents into a [`ClaimGraph`]. The
//! `attributions` command and `build` both go through
//! [`extract_document`], so the accuracy measured is that of the graph.

use std::collections::HashMap;

use crate::contradict::{self, Analysis, ReportKey};
use crate::extract::extract;
use crate::graph::{
    Actor, ActorKind, Claim, ClaimGraph, DocumentNode, Edge, Evidence,
    LinkStatus, NodeRef, Report,
};
use crate::model::{
    Attribution, CharIndex, Document, Extracted, Resolution, stable_hash,
};
use crate::resolve::{canonical_key, resolve};
use crate::segment::segment;

/// Runs the text stages over one document.
pub fn extract_document(document: Document) -> Extracted {
    let seg = segment(&document.text);
    let mut attributions = extract(&document.text, &seg);
    resolve(&document.text, &mut attributions);
    Extracted { document, attributions }
}

/// Builds the graph of extracted documents.
///
/// The result does not depend on the order of `docs`: node ids derive
/// from content, and the stored form is sorted. Claim groups,
/// counterclaims and disputes come from [`contradict::analyse`] over the
/// whole corpus.
pub fn build_graph(docs: &[Extracted]) -> ClaimGraph {
    let actors: Vec<Vec<Option<Actor>>> = docs
        .iter()
        .map(|x| {
            x.attributions.iter().map(|a| actor_of(&x.document, a)).collect()
        })
        .collect();
    let analysis = contradict::analyse(docs, |d, a| {
        actors[d][a].as_ref().map(|actor| actor.id.clone())
    });
    let reports = Reports::new(docs, &actors, &analysis);
    let mut g = ClaimGraph::new();
    for (d, x) in docs.iter().enumerate() {
        add_document(&mut g, x, &reports, d);
    }
    add_links(&mut g, &reports, &analysis);
    g
}

/// What the graph needs of each report: its claim id, its actor and its
/// evidence, indexed by document and attribution.
struct Reports<'a> {
    docs: &'a [Extracted],
    actors: &'a [Vec<Option<Actor>>],
    evidence: Vec<Vec<Evidence>>,
    claim_ids: Vec<Vec<String>>,
    /// Each claim group's text, by claim id.
    texts: HashMap<String, String>,
}

impl<'a> Reports<'a> {
    fn new(
        docs: &'a [Extracted],
        actors: &'a [Vec<Option<Actor>>],
        analysis: &Analysis,
    ) -> Reports<'a> {
        let evidence: Vec<Vec<Evidence>> = docs
            .iter()
            .map(|x| {
                let chars = CharIndex::new(&x.document.text);
                x.attributions
                    .iter()
                    .map(|a| evidence(&x.document, &chars, a))
                    .collect()
            })
            .collect();
        // A group's id and text are those of its member with the smallest
        // id, so they do not depend on the order documents came in.
        let mut best: Vec<Option<(String, String)>> =
            vec![None; analysis.groups];
        for (d, per_doc) in evidence.iter().enumerate() {
            for (a, ev) in per_doc.iter().enumerate() {
                let id = claim_id(&ev.text);
                let slot = &mut best[analysis.group_of[d][a]];
                if slot.as_ref().is_none_or(|(b, _)| id < *b) {
                    *slot = Some((id, ev.text.clone()));
                }
            }
        }
        let (ids, texts): (Vec<String>, Vec<String>) =
            best.into_iter().map(|b| b.unwrap_or_default()).unzip();
        let claim_ids = analysis
            .group_of
            .iter()
            .map(|per_doc| {
                per_doc.iter().map(|&grp| ids[grp].clone()).collect()
            })
            .collect();
        let texts = ids.into_iter().zip(texts).collect();
        Reports { docs, actors, evidence, claim_ids, texts }
    }

    fn report(&self, k: ReportKey) -> Report {
        Report {
            actor: self.actors[k.doc][k.att].as_ref().map(|a| a.id.clone()),
            evidence: self.evidence[k.doc][k.att].clone(),
        }
    }

    fn claim(&self, g: &mut ClaimGraph, k: ReportKey) -> NodeRef {
        let id = self.claim_ids[k.doc][k.att].clone();
        let text = self.texts.get(&id).cloned().unwrap_or_default();
        g.add_claim(Claim::new(id, text))
    }
}

fn add_document(
    g: &mut ClaimGraph,
    x: &Extracted,
    reports: &Reports,
    d: usize,
) {
    let doc = &x.document;
    let doc_node = g.add_document(DocumentNode {
        id: format!("doc:{}", doc.id),
        name: doc.id.clone(),
        title: doc.title.clone(),
        publisher: doc.publisher.clone(),
        url: doc.url.clone(),
        date: doc.date.clone(),
    });
    for (i, a) in x.attributions.iter().enumerate() {
        let k = ReportKey { doc: d, att: i };
        let evidence = reports.evidence[d][i].clone();
        let claim = reports.claim(g, k);
        let reported =
            Edge::ReportedIn { evidence: evidence.clone(), direct: a.direct };
        g.link(claim, doc_node, reported);
        if let Some(actor) = reports.actors[d][i].clone() {
            let actor = g.add_actor(actor);
            let edge = Edge::Attributed {
                class: a.class,
                direct: a.direct,
                evidence,
            };
            g.link(actor, claim, edge);
        }
    }
}

/// Counterclaim and dispute edges.
fn add_links(g: &mut ClaimGraph, reports: &Reports, analysis: &Analysis) {
    for c in &analysis.counterclaims {
        let (a, b) = (reports.claim(g, c.a), reports.claim(g, c.b));
        if a == b {
            continue;
        }
        let edge = Edge::Contradicts {
            a: reports.report(c.a),
            b: reports.report(c.b),
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
        let doc =
            g.find(&format!("doc:{}", x.document.id)).expect("added above");
        let claim = reports.claim(g, k);
        let chars = CharIndex::new(&x.document.text);
        let edge = Edge::Disputes {
            report: reports.report(k),
            marker: dispute.marker.text(&x.document.text).to_string(),
            marker_span: dispute.marker.to_chars(&chars),
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

fn evidence(d: &Document, chars: &CharIndex, a: &Attribution) -> Evidence {
    let text = &d.text;
    Evidence {
        document: d.id.clone(),
        span: a.content_extent().to_chars(chars),
        text: a.content_text(text),
        speaker: a.speaker.as_ref().map(|s| s.span.text(text).to_string()),
        speaker_span: a.speaker.as_ref().map(|s| s.span.to_chars(chars)),
        cue: a.cue.map(|c| c.text(text).to_string()),
        cue_span: a.cue.map(|c| c.to_chars(chars)),
        rule: a.rule.clone(),
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

/// The actor node for an attribution's speaker, if it has one.
///
/// A resolved speaker is keyed by its canonical name, so the same name in
/// two documents is one actor. An unresolved mention is keyed by its
/// document and position: it is never merged with anything.
fn actor_of(d: &Document, a: &Attribution) -> Option<Actor> {
    let sp = a.speaker.as_ref()?;
    let mention = sp.span.text(&d.text).to_string();
    let key = canonical_key(&sp.name);
    let slug: String = key
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let (id, kind) = if sp.resolution == Resolution::Unresolved {
        let id = format!("actor:{}@{}:{}", slug, d.id, sp.span.start);
        (id, unresolved_kind(&key))
    } else {
        (format!("actor:{slug}"), named_kind(&sp.name))
    };
    Some(Actor { id, name: sp.name.clone(), kind, mentions: vec![mention] })
}

fn unresolved_kind(key: &str) -> ActorKind {
    let first = key.split(' ').next().unwrap_or("");
    let last = key.split(' ').next_back().unwrap_or("");
    if matches!(first, "a" | "an" | "one") {
        ActorKind::Anonymous
    } else if last.ends_with('s')
        && !matches!(last, "he" | "she" | "it" | "this")
    {
        ActorKind::Group
    } else {
        ActorKind::Unresolved
    }
}

fn named_kind(name: &str) -> ActorKind {
    const GOVERNMENT: &[&str] = &[
        "administration",
        "government",
        "ministry",
        "white house",
        "kremlin",
    ];
    const ORGANISATION: &[&str] = &[
        "agency",
        "association",
        "bureau",
        "center",
        "coalition",
        "commission",
        "committee",
        "company",
        "council",
        "department",
        "institute",
        "institutes",
        "news",
        "office",
        "party",
        "post",
        "times",
        "university",
    ];
    let key = canonical_key(name);
    let has = |list: &[&str]| {
        list.iter().any(|w| {
            key.split(' ').any(|k| k == *w)
                || key.contains(w) && w.contains(' ')
        })
    };
    if has(GOVERNMENT) {
        ActorKind::Government
    } else if has(ORGANISATION)
        || name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    {
        ActorKind::Organisation
    } else {
        ActorKind::Person
    }
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
