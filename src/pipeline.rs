//! The one place that knows the order of the stages.
//!
//! `Document` -> [`segment`](crate::segment) -> [`extract`](crate::extract)
//! -> [`resolve`](crate::resolve) gives an [`Extracted`] document;
//! [`build_graph`] turns extracted documents into a [`ClaimGraph`]. The
//! `attributions` command and `build` both go through
//! [`extract_document`], so the accuracy measured is that of the graph.

use crate::extract::extract;
use crate::graph::{Claim, ClaimGraph, DocumentNode, Edge, Evidence};
use crate::model::{
    AliasTable, Attribution, CharIndex, Document, Extracted, stable_hash,
};
use crate::resolve::{CorpusActors, canonical_key, corpus_actors, resolve};
use crate::segment::segment;

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
/// with the help of `aliases`.
pub fn build_graph_with(
    docs: &[Extracted],
    aliases: &AliasTable,
) -> ClaimGraph {
    let actors = corpus_actors(docs, aliases);
    let mut g = ClaimGraph::new();
    for actor in &actors.actors {
        g.add_actor(actor.clone());
    }
    for doc in docs {
        add_document(&mut g, doc, &actors);
    }
    g
}

fn add_document(g: &mut ClaimGraph, x: &Extracted, actors: &CorpusActors) {
    let d = &x.document;
    let doc_node = g.add_document(DocumentNode {
        id: format!("doc:{}", d.id),
        name: d.id.clone(),
        title: d.title.clone(),
        publisher: d.publisher.clone(),
        url: d.url.clone(),
        date: d.date.clone(),
        publisher_evidence: None,
    });
    let chars = CharIndex::new(&d.text);
    for a in &x.attributions {
        let evidence = evidence(d, &chars, a);
        let claim = g.add_claim(Claim {
            id: claim_id(&evidence.text),
            text: evidence.text.clone(),
        });
        g.link(
            claim,
            doc_node,
            Edge::ReportedIn { evidence: evidence.clone() },
        );
        let actor = a
            .speaker
            .as_ref()
            .and_then(|sp| actors.actor_of(&d.id, sp.span))
            .and_then(|id| g.find(id));
        if let Some(actor) = actor {
            let edge = Edge::Attributed {
                class: a.class,
                direct: a.direct,
                evidence,
            };
            g.link(actor, claim, edge);
        }
    }
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
