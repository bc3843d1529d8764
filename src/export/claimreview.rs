//! schema.org ClaimReview export: the fact-checkers' verdicts as JSON-LD.
//!
//! Each verdict the curation file put on a claim becomes one
//! `ClaimReview`: the claim's text (`claimReviewed`), the rating
//! (`reviewRating.alternateName`), who rated it (`author`), where and when
//! (`url`, `datePublished`), and the claim itself (`itemReviewed`, a
//! `Claim`) with the actors the graph attributes it to as its `author` and
//! the documents that report it as its `appearance`. A graph without
//! verdicts gives an empty list. This is the markup search engines and
//! fact-check archives read; see <https://schema.org/ClaimReview>.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::graph::{
    Actor, ActorKind, Claim, ClaimGraph, DocumentNode, Edge, GraphData, Node,
    Verdict,
};

/// The note for a graph with no verdicts.
pub const NO_VERDICTS: &str = "no claim has a curated verdict, so the \
    ClaimReview list is empty (verdicts come from the curation file, \
    data/curation.ron, when the graph is built)";

/// The graph's verdicts as a pretty-printed JSON-LD array ending with a
/// newline, and how many reviews it holds.
///
/// ```
/// use claimgraph::ClaimGraph;
/// use claimgraph::export::claimreview::to_claimreview;
/// let (text, count) = to_claimreview(&ClaimGraph::new());
/// assert_eq!((text.as_str(), count), ("[]\n", 0));
/// ```
pub fn to_claimreview(g: &ClaimGraph) -> (String, usize) {
    let data = g.to_data();
    let index = Index::new(&data);
    let mut reviews = Vec::new();
    for node in &data.nodes {
        let Node::Claim(claim) = node else { continue };
        for verdict in &claim.verdicts {
            reviews.push(review(claim, verdict, &index));
        }
    }
    let count = reviews.len();
    let mut text = serde_json::to_string_pretty(&Value::Array(reviews))
        .expect("a JSON value always serialises");
    text.push('\n');
    (text, count)
}

/// Who said each claim and where it appeared, by claim id.
struct Index<'g> {
    authors: BTreeMap<&'g str, Vec<&'g Actor>>,
    appearances: BTreeMap<&'g str, Vec<&'g DocumentNode>>,
}

impl<'g> Index<'g> {
    fn new(data: &'g GraphData) -> Index<'g> {
        let nodes: BTreeMap<&str, &Node> =
            data.nodes.iter().map(|n| (n.id(), n)).collect();
        let mut index =
            Index { authors: BTreeMap::new(), appearances: BTreeMap::new() };
        for rec in &data.edges {
            match (&rec.edge, nodes.get(rec.from.as_str())) {
                (Edge::Attributed { .. }, Some(Node::Actor(a))) => {
                    let list = index.authors.entry(&rec.to).or_default();
                    if !list.iter().any(|x| x.id == a.id) {
                        list.push(a);
                    }
                }
                (Edge::ReportedIn { .. }, _) => {
                    if let Some(Node::Document(d)) = nodes.get(rec.to.as_str())
                    {
                        let list =
                            index.appearances.entry(&rec.from).or_default();
                        if !list.iter().any(|x| x.id == d.id) {
                            list.push(d);
                        }
                    }
                }
                _ => {}
            }
        }
        index
    }
}

fn review(claim: &Claim, verdict: &Verdict, index: &Index) -> Value {
    let mut item = Map::new();
    item.insert("@type".into(), "Claim".into());
    let authors: Vec<Value> = index
        .authors
        .get(claim.id.as_str())
        .into_iter()
        .flatten()
        .filter_map(|a| agent(a))
        .collect();
    match authors.len() {
        0 => {}
        1 => _ = item.insert("author".into(), authors[0].clone()),
        _ => _ = item.insert("author".into(), Value::Array(authors)),
    }
    let docs = index.appearances.get(claim.id.as_str());
    let appearance: Vec<Value> =
        docs.into_iter().flatten().map(|d| creative_work(d)).collect();
    if !appearance.is_empty() {
        item.insert("appearance".into(), Value::Array(appearance));
    }
    let mut review = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.text,
        "reviewRating": {"@type": "Rating", "alternateName": verdict.rating},
        "author": {"@type": "Organization", "name": verdict.author},
        "itemReviewed": item,
    });
    optional(&mut review, "url", &verdict.url);
    optional(&mut review, "datePublished", &verdict.date);
    review
}

/// A named actor as a schema.org Person or Organization; unresolved and
/// anonymous actors name nobody and are left out.
fn agent(a: &Actor) -> Option<Value> {
    let ty = match a.kind {
        ActorKind::Person => "Person",
        ActorKind::Government => "GovernmentOrganization",
        ActorKind::Unresolved | ActorKind::Anonymous => return None,
        _ => "Organization",
    };
    Some(json!({"@type": ty, "name": a.name}))
}

/// A document as a schema.org CreativeWork.
fn creative_work(d: &DocumentNode) -> Value {
    let mut work = json!({
        "@type": "CreativeWork",
        "name": d.title.as_deref().unwrap_or(&d.name),
    });
    optional(&mut work, "url", &d.url);
    optional(&mut work, "datePublished", &d.date);
    if let Some(p) = &d.publisher {
        work["publisher"] = json!({"@type": "Organization", "name": p});
    }
    work
}

fn optional(obj: &mut Value, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        obj[key] = Value::String(v.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Evidence;
    use crate::model::CueClass;

    fn evidence() -> Evidence {
        Evidence {
            document: "a".into(),
            span: [0, 4],
            text: "We don’t produce fentanyl".into(),
            speaker: None,
            speaker_span: None,
            cue: None,
            cue_span: None,
            rule: "r".into(),
        }
    }

    fn rated() -> ClaimGraph {
        let mut g = ClaimGraph::new();
        let mut claim = Claim::new("claim:1", "We don’t produce fentanyl");
        claim.verdicts.push(Verdict {
            rating: "False".into(),
            author: "Desk".into(),
            url: Some("https://example.org/check/1".into()),
            date: Some("2024-03-01".into()),
        });
        let c = g.add_claim(claim);
        let a = g.add_actor(Actor::new(
            "actor:amlo",
            "López Obrador",
            ActorKind::Person,
            "López Obrador",
        ));
        let d = g.add_document(DocumentNode {
            id: "doc:a".into(),
            name: "a".into(),
            title: Some("Mexico denies".into()),
            url: Some("https://news.example/a".into()),
            ..DocumentNode::default()
        });
        let said = Edge::Attributed {
            class: CueClass::Said,
            direct: true,
            evidence: evidence(),
        };
        g.link(a, c, said);
        let reported = Edge::ReportedIn { evidence: evidence(), direct: true };
        g.link(c, d, reported);
        g
    }

    #[test]
    fn a_verdict_is_a_claim_review() {
        let (text, count) = to_claimreview(&rated());
        assert_eq!(count, 1);
        let v: Value = serde_json::from_str(&text).unwrap();
        let r = &v[0];
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["claimReviewed"], "We don’t produce fentanyl");
        assert_eq!(r["reviewRating"]["alternateName"], "False");
        assert_eq!(r["author"]["name"], "Desk");
        assert_eq!(r["url"], "https://example.org/check/1");
        assert_eq!(r["datePublished"], "2024-03-01");
        let item = &r["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        assert_eq!(item["author"]["@type"], "Person");
        assert_eq!(item["author"]["name"], "López Obrador");
        assert_eq!(item["appearance"][0]["name"], "Mexico denies");
        assert_eq!(item["appearance"][0]["url"], "https://news.example/a");
    }

    #[test]
    fn no_verdicts_is_an_empty_list() {
        let mut g = rated();
        g.claim_mut("claim:1").unwrap().verdicts.clear();
        assert_eq!(to_claimreview(&g), ("[]\n".to_string(), 0));
    }
}
