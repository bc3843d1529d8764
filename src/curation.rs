//! Fact-checkers' decisions, kept in `data/curation.ron` and applied on
//! every build.
//!
//! The file is the user's: claimgraph reads it and never writes it. Each
//! entry names what it applies to by stable id (`claim:…`, `actor:…`) or,
//! for claims, by a piece of their text, so a decision survives rebuilds
//! as long as the claim is still found. An entry that no longer matches
//! anything is reported, never dropped silently. The file's syntax is read
//! by [`crate::store::read_curation`]; this module holds its meaning.

use serde::{Deserialize, Serialize};

use crate::graph::{ClaimGraph, Edge, LinkStatus, Node, Verdict};
use crate::resolve::canonical_key;

/// Everything in a curation file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Curation {
    /// Verdicts on claims.
    pub verdicts: Vec<VerdictEntry>,
    /// Counterclaim links confirmed or rejected.
    pub links: Vec<LinkEntry>,
    /// Actors merged or split.
    pub actors: Vec<ActorEntry>,
}

/// Which claim an entry means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClaimRef {
    /// The claim with this id.
    Id(String),
    /// Every claim whose text contains this (case and accents ignored).
    Text(String),
}

/// A verdict on the claims a reference picks out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictEntry {
    /// The claim.
    pub claim: ClaimRef,
    /// The verdict.
    pub verdict: Verdict,
}

/// What to do with a counterclaim link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// The link is right: mark it confirmed.
    Confirm,
    /// The link is wrong: drop it.
    Reject,
}

/// A decision on the counterclaim links between two claims.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkEntry {
    /// One claim.
    pub a: ClaimRef,
    /// The other claim.
    pub b: ClaimRef,
    /// Confirm or reject.
    pub decision: Decision,
    /// Why, for the record.
    #[serde(default)]
    pub note: Option<String>,
}

/// A decision on actors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActorEntry {
    /// These actors are one: all fold into the first.
    Merge(Vec<String>),
    /// This actor's reports in these documents are someone else's: they
    /// move to an actor of their own, `<id>@<document>`.
    Split {
        /// The actor.
        actor: String,
        /// The documents whose reports are not theirs.
        documents: Vec<String>,
    },
}

/// Applies the curation to a built graph. Returns one message per entry
/// that matched nothing.
pub fn apply(g: &mut ClaimGraph, curation: &Curation) -> Vec<String> {
    let mut unmatched = Vec::new();
    for (n, entry) in curation.actors.iter().enumerate() {
        if !apply_actor(g, entry) {
            unmatched.push(format!(
                "actors[{n}] ({}) matches no actor",
                describe_actor(entry)
            ));
        }
    }
    for (n, entry) in curation.verdicts.iter().enumerate() {
        let ids = claims(g, &entry.claim);
        for id in &ids {
            let claim = g.claim_mut(id).expect("found above");
            if !claim.verdicts.contains(&entry.verdict) {
                claim.verdicts.push(entry.verdict.clone());
                claim.verdicts.sort();
            }
        }
        if ids.is_empty() {
            unmatched.push(format!(
                "verdicts[{n}] ({}) matches no claim",
                describe(&entry.claim)
            ));
        }
    }
    for (n, entry) in curation.links.iter().enumerate() {
        if apply_link(g, entry) == 0 {
            unmatched.push(format!(
                "links[{n}] ({} / {}) matches no counterclaim link",
                describe(&entry.a),
                describe(&entry.b)
            ));
        }
    }
    unmatched
}

fn describe(r: &ClaimRef) -> String {
    match r {
        ClaimRef::Id(id) => id.clone(),
        ClaimRef::Text(t) => format!("text {t:?}"),
    }
}

fn describe_actor(e: &ActorEntry) -> String {
    match e {
        ActorEntry::Merge(ids) => format!("merge {}", ids.join(", ")),
        ActorEntry::Split { actor, .. } => format!("split {actor}"),
    }
}

/// The ids of the claims a reference picks out, sorted.
fn claims(g: &ClaimGraph, r: &ClaimRef) -> Vec<String> {
    let wanted = match r {
        ClaimRef::Id(id) => {
            return g.find(id).map(|_| id.clone()).into_iter().collect();
        }
        ClaimRef::Text(t) => canonical_key(t),
    };
    g.nodes()
        .filter_map(|n| match n {
            Node::Claim(c) if canonical_key(&c.text).contains(&wanted) => {
                Some(c.id.clone())
            }
            _ => None,
        })
        .collect()
}

/// Confirms or rejects the links between the two claims; returns how
/// many links it touched.
fn apply_link(g: &mut ClaimGraph, entry: &LinkEntry) -> usize {
    let a = claims(g, &entry.a);
    let b = claims(g, &entry.b);
    let between = |from: &str, to: &str| {
        (a.iter().any(|x| x == from) && b.iter().any(|x| x == to))
            || (b.iter().any(|x| x == from) && a.iter().any(|x| x == to))
    };
    match entry.decision {
        Decision::Reject => g.remove_edges(|from, to, e| {
            matches!(e, Edge::Contradicts { .. }) && between(from, to)
        }),
        Decision::Confirm => g.update_edges(|from, to, e| match e {
            Edge::Contradicts { status, .. } if between(from, to) => {
                *status = LinkStatus::Confirmed;
                true
            }
            _ => false,
        }),
    }
}

fn apply_actor(g: &mut ClaimGraph, entry: &ActorEntry) -> bool {
    match entry {
        ActorEntry::Merge(ids) => {
            let Some((into, rest)) = ids.split_first() else { return false };
            if g.find(into).is_none() {
                return false;
            }
            let mut any = false;
            for id in rest {
                any |= g.merge_into(id, into);
            }
            any
        }
        ActorEntry::Split { actor, documents } => split(g, actor, documents),
    }
}

/// Moves the actor's edges whose evidence is in one of `documents` to a
/// new actor of their own.
fn split(g: &mut ClaimGraph, actor: &str, documents: &[String]) -> bool {
    let Some(node) = g.find(actor) else { return false };
    let Node::Actor(original) = g.node(node).clone() else { return false };
    let mut moved = false;
    for doc in documents {
        let edges: Vec<(String, Edge)> = g
            .outgoing(node)
            .filter(|(e, _)| *e.evidence().document == **doc)
            .map(|(e, t)| (t.id().to_string(), e.clone()))
            .collect();
        if edges.is_empty() {
            continue;
        }
        let mut split_actor = original.clone();
        split_actor.id = format!("{actor}@{doc}");
        let new = g.add_actor(split_actor);
        g.remove_edges(|from, _, e| {
            from == actor && *e.evidence().document == **doc
        });
        for (target, edge) in edges {
            let t = g.find(&target).expect("target exists");
            g.link(new, t, edge);
        }
        moved = true;
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Actor, ActorKind, Claim, Evidence, Report};
    use crate::model::CueClass;

    fn ev(doc: &str, text: &str) -> Evidence {
        Evidence {
            document: doc.into(),
            span: [0, 1],
            text: text.into(),
            speaker: None,
            speaker_span: None,
            cue: None,
            cue_span: None,
            rule: "test".into(),
        }
    }

    fn sample() -> ClaimGraph {
        let mut g = ClaimGraph::new();
        let c1 =
            g.add_claim(Claim::new("claim:1", "We don’t produce fentanyl"));
        let c2 =
            g.add_claim(Claim::new("claim:2", "Cartels produce fentanyl"));
        for (id, doc) in [("actor:x", "d1"), ("actor:y", "d2")] {
            let a = g.add_actor(Actor::new(id, id, ActorKind::Person, id));
            let edge = Edge::Attributed {
                class: CueClass::Said,
                direct: true,
                evidence: ev(doc, "text"),
            };
            g.link(a, c1, edge);
        }
        let report = |t: &str| Report { actor: None, evidence: ev("d1", t) };
        g.link(
            c1,
            c2,
            Edge::Contradicts {
                a: Box::new(report("a")),
                b: Box::new(report("b")),
                rule: "counter/polarity".into(),
                reason: "test".into(),
                confidence: 50,
                status: LinkStatus::Found,
            },
        );
        g
    }

    fn verdict() -> Verdict {
        Verdict {
            rating: "False".into(),
            author: "Desk".into(),
            url: None,
            date: None,
        }
    }

    #[test]
    fn verdicts_find_claims_by_text_without_accents() {
        let mut g = sample();
        let c = Curation {
            verdicts: vec![VerdictEntry {
                claim: ClaimRef::Text("WE DONT PRODUCE".into()),
                verdict: verdict(),
            }],
            ..Curation::default()
        };
        assert!(apply(&mut g, &c).is_empty());
        let Node::Claim(claim) = g.node(g.find("claim:1").unwrap()) else {
            panic!()
        };
        assert_eq!(claim.verdicts, vec![verdict()]);
    }

    #[test]
    fn rejected_links_go_and_confirmed_ones_are_marked() {
        let mut g = sample();
        let entry = |decision| LinkEntry {
            a: ClaimRef::Id("claim:2".into()),
            b: ClaimRef::Id("claim:1".into()),
            decision,
            note: None,
        };
        let confirm = Curation {
            links: vec![entry(Decision::Confirm)],
            ..Curation::default()
        };
        assert!(apply(&mut g, &confirm).is_empty());
        let data = g.to_data();
        assert!(data.edges.iter().any(|r| matches!(
            r.edge,
            Edge::Contradicts { status: LinkStatus::Confirmed, .. }
        )));
        let reject = Curation {
            links: vec![entry(Decision::Reject)],
            ..Curation::default()
        };
        assert!(apply(&mut g, &reject).is_empty());
        assert!(
            !g.to_data()
                .edges
                .iter()
                .any(|r| r.edge.kind_name() == "contradicts")
        );
    }

    #[test]
    fn unmatched_entries_are_reported() {
        let mut g = sample();
        let c = Curation {
            verdicts: vec![VerdictEntry {
                claim: ClaimRef::Id("claim:gone".into()),
                verdict: verdict(),
            }],
            actors: vec![ActorEntry::Merge(vec!["actor:nobody".into()])],
            ..Curation::default()
        };
        let messages = apply(&mut g, &c);
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[1].contains("claim:gone"));
    }

    #[test]
    fn actors_merge_and_split() {
        let mut g = sample();
        let merge = Curation {
            actors: vec![ActorEntry::Merge(vec![
                "actor:x".into(),
                "actor:y".into(),
            ])],
            ..Curation::default()
        };
        assert!(apply(&mut g, &merge).is_empty());
        assert!(g.find("actor:y").is_none());
        let split = Curation {
            actors: vec![ActorEntry::Split {
                actor: "actor:x".into(),
                documents: vec!["d2".into()],
            }],
            ..Curation::default()
        };
        assert!(apply(&mut g, &split).is_empty());
        assert!(g.find("actor:x@d2").is_some());
    }
}
