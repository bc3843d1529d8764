//! Read-only questions over a built [`ClaimGraph`].
//!
//! [`Queries`] indexes a graph once (actor names and aliases after
//! folding, node ids, actors by id) and then answers: which claims match a
//! pattern ([`Queries::who_said`]), what an actor claimed
//! ([`Queries::claims_by`]) and who contradicts them
//! ([`Queries::profile`]), every report of a claim
//! ([`Queries::claim_detail`]), the shortest chains between two nodes
//! ([`Queries::trace`]) and counts ([`Queries::stats`]). Nothing here
//! changes the graph. Answers borrow from it and are plain structs, so the
//! command line can print them as tables, JSON or CSV.
//!
//! ```
//! use claimgraph::query::{Lookup, Pattern, Queries};
//! use claimgraph::{Document, build_graph, extract_document};
//! let doc = Document {
//!     id: "a".into(),
//!     text: "“We have almost none,” Feeley said.".into(),
//!     ..Document::default()
//! };
//! let graph = build_graph(&[extract_document(doc)]);
//! let q = Queries::new(&graph);
//! let found = q.who_said(&Pattern::words("ALMOST none")?);
//! assert_eq!(found[0].reports[0].actor.unwrap().name, "Feeley");
//! let Lookup::Found(feeley) = q.find_actor("feeley") else { panic!() };
//! assert_eq!(q.claims_by(&feeley).len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod lookup;
mod stats;
mod text;
mod trace;

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::graph::{
    Actor, Claim, ClaimGraph, DocumentNode, Edge, Evidence, LinkStatus, Node,
    NodeRef, Report, SourceNode,
};
use crate::model::CueClass;

use lookup::{ActorEntry, actor_entry};

pub use lookup::Lookup;
pub use stats::{DocumentStats, Stats};
pub use text::{Pattern, PatternError, fold_words};
pub use trace::{Chain, Hop, Trace};

/// One report of a claim: the document that carries it, and who made the
/// claim there.
#[derive(Clone, Copy, Debug)]
pub struct ClaimReport<'g> {
    /// The document.
    pub document: &'g DocumentNode,
    /// The report's evidence: span, verbatim text, speaker, cue, rule.
    pub evidence: &'g Evidence,
    /// True when the document quotes the words.
    pub direct: bool,
    /// The actor the document attributes the claim to, if any.
    pub actor: Option<&'g Actor>,
    /// The speech act the cue reports, when there is an actor.
    pub class: Option<CueClass>,
}

/// A counterclaim, seen from one of the two claims it links.
#[derive(Clone, Copy, Debug)]
pub struct Counterclaim<'g> {
    /// The other claim.
    pub claim: &'g Claim,
    /// The report of this claim that the link starts from.
    pub ours: &'g Report,
    /// The report of the other claim.
    pub theirs: &'g Report,
    /// The actor of the other report, if any.
    pub actor: Option<&'g Actor>,
    /// The rule that linked them ("counter/polarity", …).
    pub rule: &'g str,
    /// Why, in words.
    pub reason: &'g str,
    /// How sure the rule is, in percent.
    pub confidence: u8,
    /// What a fact-checker decided about the link.
    pub status: LinkStatus,
}

/// A document that itself calls a claim false.
#[derive(Clone, Copy, Debug)]
pub struct Dispute<'g> {
    /// The disputing document.
    pub document: &'g DocumentNode,
    /// The disputed report, in that document.
    pub report: &'g Report,
    /// The words that dispute it ("falsely").
    pub marker: &'g str,
    /// Where those words are, in code points.
    pub marker_span: [usize; 2],
    /// The rule that found it.
    pub rule: &'g str,
    /// Why, in words.
    pub reason: &'g str,
    /// How sure the rule is, in percent.
    pub confidence: u8,
}

/// A source a claim rests on ("according to the National Institutes of
/// Health", a citation marker), with the citation's evidence.
#[derive(Clone, Copy, Debug)]
pub struct CitedSource<'g> {
    /// The source.
    pub source: &'g SourceNode,
    /// Where the claim's report cites it.
    pub evidence: &'g Evidence,
}

/// A claim with everything the graph knows about it.
#[derive(Clone, Debug)]
pub struct ClaimDetail<'g> {
    /// The claim: id, text, curated verdicts.
    pub claim: &'g Claim,
    /// Every report, by document and position.
    pub reports: Vec<ClaimReport<'g>>,
    /// Every counterclaim link, one per pair of reports.
    pub counterclaims: Vec<Counterclaim<'g>>,
    /// Every document that calls the claim false.
    pub disputes: Vec<Dispute<'g>>,
    /// The sources the claim rests on, by citation.
    pub sources: Vec<CitedSource<'g>>,
}

impl<'g> ClaimDetail<'g> {
    /// The distinct actors of the reports, in report order.
    pub fn actors(&self) -> Vec<&'g Actor> {
        let mut seen = HashSet::new();
        self.reports
            .iter()
            .filter_map(|r| r.actor)
            .filter(|a| seen.insert(a.id.as_str()))
            .collect()
    }

    /// The distinct documents of the reports, by name, in report order.
    pub fn documents(&self) -> Vec<&'g str> {
        let mut seen = HashSet::new();
        self.reports
            .iter()
            .map(|r| r.document.name.as_str())
            .filter(|d| seen.insert(*d))
            .collect()
    }

    /// Where the claim is first reported: document name, then span.
    fn first_report(&self) -> Option<(&str, [u32; 2])> {
        let r = self.reports.first()?;
        Some((r.document.name.as_str(), r.evidence.span))
    }
}

/// Someone whose claims contradict an actor's.
#[derive(Clone, Debug)]
pub struct Opponent<'g> {
    /// The other actor, `None` for reports without a speaker.
    pub actor: Option<&'g Actor>,
    /// The links: the actor's claim, then the contradicting one.
    pub links: Vec<(&'g Claim, Counterclaim<'g>)>,
}

/// An actor's profile: who they are, what they claimed, who contradicts
/// them.
#[derive(Clone, Debug)]
pub struct Profile<'g> {
    /// The actor, or the actors that are one person spelled differently.
    pub actors: Vec<&'g Actor>,
    /// The actors they belong to or speak for, by id.
    pub affiliations: Vec<&'g Actor>,
    /// The actors that belong to them or speak for them, by id.
    pub members: Vec<&'g Actor>,
    /// Their claims, in the order they are first reported.
    pub claims: Vec<ClaimDetail<'g>>,
    /// Whoever contradicts them, most links first.
    pub opponents: Vec<Opponent<'g>>,
}

/// A graph, indexed once for many questions.
#[derive(Debug)]
pub struct Queries<'g> {
    graph: &'g ClaimGraph,
    actors: Vec<ActorEntry<'g>>,
    /// Folded name or alias -> indexes into `actors`.
    by_key: HashMap<String, Vec<usize>>,
    /// Actor id -> actor.
    by_id: HashMap<&'g str, &'g Actor>,
}

impl<'g> Queries<'g> {
    /// Indexes `graph`: one pass over its actors.
    pub fn new(graph: &'g ClaimGraph) -> Queries<'g> {
        let actors: Vec<ActorEntry> = graph
            .nodes()
            .filter_map(|n| match n {
                Node::Actor(a) => Some(actor_entry(a)),
                _ => None,
            })
            .collect();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, entry) in actors.iter().enumerate() {
            for key in &entry.keys {
                let list = by_key.entry(key.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let by_id = actors.iter().map(|e| (e.actor.id.as_str(), e.actor));
        let by_id = by_id.collect();
        Queries { graph, actors, by_key, by_id }
    }

    /// The graph asked about.
    pub fn graph(&self) -> &'g ClaimGraph {
        self.graph
    }

    /// The actor with the id `id`, if any.
    pub fn actor(&self, id: &str) -> Option<&'g Actor> {
        self.by_id.get(id).copied()
    }

    fn node(&self, n: NodeRef) -> &'g Node {
        self.graph.node(n)
    }

    /// Everything the graph knows about `claim`, which must be one of its
    /// claims.
    ///
    /// # Panics
    ///
    /// When `claim` is not a claim of this graph.
    pub fn claim_detail(&self, claim: &'g Claim) -> ClaimDetail<'g> {
        let node = self.graph.find(&claim.id).expect("a claim of the graph");
        let speakers = self.speakers(node);
        let mut detail = ClaimDetail {
            claim,
            reports: Vec::new(),
            counterclaims: Vec::new(),
            disputes: Vec::new(),
            sources: Vec::new(),
        };
        for (edge, target) in self.graph.outgoing(node) {
            match (edge, target) {
                (Edge::ReportedIn { evidence, direct }, Node::Document(d)) => {
                    let said = speakers.get(evidence).copied();
                    detail.reports.push(ClaimReport {
                        document: d,
                        evidence,
                        direct: *direct,
                        actor: said.map(|s| s.0),
                        class: said.map(|s| s.1),
                    });
                }
                (_, Node::Claim(other)) => {
                    if let Some(c) = self.counterclaim(edge, other, true) {
                        detail.counterclaims.push(c);
                    }
                }
                (Edge::BackedBy { evidence }, Node::Source(source)) => {
                    detail.sources.push(CitedSource { source, evidence });
                }
                _ => {}
            }
        }
        self.add_incoming(node, &mut detail);
        sort_detail(&mut detail);
        detail
    }

    /// Counterclaims pointing at the claim, and disputes of it.
    fn add_incoming(&self, node: NodeRef, detail: &mut ClaimDetail<'g>) {
        for (edge, source) in self.graph.incoming(node) {
            match (edge, source) {
                // A link from a claim to itself was seen as outgoing.
                (_, Node::Claim(other)) if other.id != detail.claim.id => {
                    if let Some(c) = self.counterclaim(edge, other, false) {
                        detail.counterclaims.push(c);
                    }
                }
                (_, Node::Document(document)) => {
                    if let Some(d) = dispute(edge, document) {
                        detail.disputes.push(d);
                    }
                }
                _ => {}
            }
        }
    }

    /// Who said the claim where: evidence -> actor and cue class, from
    /// the claim's `Attributed` edges. A report and its attribution carry
    /// the same evidence, speaker included, so two speakers of one
    /// sentence ("Biden and López Obrador have committed …") stay apart.
    fn speakers(
        &self,
        claim: NodeRef,
    ) -> BTreeMap<&'g Evidence, (&'g Actor, CueClass)> {
        let mut out = BTreeMap::new();
        for (edge, source) in self.graph.incoming(claim) {
            if let (Edge::Attributed { class, evidence, .. }, Node::Actor(a)) =
                (edge, source)
            {
                out.entry(evidence).or_insert((a, *class));
            }
        }
        out
    }

    /// A `Contradicts` edge seen from one end; `outgoing` says which.
    fn counterclaim(
        &self,
        edge: &'g Edge,
        other: &'g Claim,
        outgoing: bool,
    ) -> Option<Counterclaim<'g>> {
        let Edge::Contradicts { a, b, rule, reason, confidence, status } =
            edge
        else {
            return None;
        };
        let (ours, theirs) = if outgoing { (a, b) } else { (b, a) };
        Some(Counterclaim {
            claim: other,
            ours,
            theirs,
            actor: theirs.actor.as_deref().and_then(|id| self.actor(id)),
            rule,
            reason,
            confidence: *confidence,
            status: *status,
        })
    }

    /// Every claim whose text, or the text of one of its reports,
    /// matches `pattern`, in the order they are first reported.
    pub fn who_said(&self, pattern: &Pattern) -> Vec<ClaimDetail<'g>> {
        let mut out: Vec<ClaimDetail> = self
            .graph
            .nodes()
            .filter_map(|n| match n {
                Node::Claim(c) if self.claim_matches(c, pattern) => {
                    Some(self.claim_detail(c))
                }
                _ => None,
            })
            .collect();
        sort_claims(&mut out);
        out
    }

    /// True when the claim's text or one of its reports' matches.
    fn claim_matches(&self, claim: &Claim, pattern: &Pattern) -> bool {
        if pattern.is_match(&claim.text) {
            return true;
        }
        let node = self.graph.find(&claim.id).expect("a claim of the graph");
        self.graph.outgoing(node).any(|(edge, _)| match edge {
            Edge::ReportedIn { evidence, .. } => {
                *evidence.text != *claim.text
                    && pattern.is_match(&evidence.text)
            }
            _ => false,
        })
    }

    /// The claims attributed to any of `actors`, each once, in the order
    /// they are first reported.
    pub fn claims_by(&self, actors: &[&'g Actor]) -> Vec<ClaimDetail<'g>> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for actor in actors {
            let Some(node) = self.graph.find(&actor.id) else { continue };
            for (edge, target) in self.graph.outgoing(node) {
                if let (Edge::Attributed { .. }, Node::Claim(c)) =
                    (edge, target)
                    && seen.insert(c.id.as_str())
                {
                    out.push(self.claim_detail(c));
                }
            }
        }
        sort_claims(&mut out);
        out
    }

    /// The profile of `actors` (one actor, or one person's several
    /// actors): their claims and who contradicts them.
    pub fn profile(&self, actors: Vec<&'g Actor>) -> Profile<'g> {
        let claims = self.claims_by(&actors);
        let opponents = opponents(&claims);
        let ids: HashSet<&str> =
            actors.iter().map(|a| a.id.as_str()).collect();
        let mut affiliations: Vec<&Actor> = actors
            .iter()
            .flat_map(|a| &a.affiliations)
            .filter_map(|id| self.actor(id))
            .filter(|a| !ids.contains(a.id.as_str()))
            .collect();
        affiliations.sort_by(|a, b| a.id.cmp(&b.id));
        affiliations.dedup_by(|a, b| a.id == b.id);
        // One pass over the actors: nothing indexes affiliations backwards.
        let members = self
            .actors
            .iter()
            .map(|e| e.actor)
            .filter(|m| {
                m.affiliations.iter().any(|id| ids.contains(id.as_str()))
            })
            .filter(|m| !ids.contains(m.id.as_str()))
            .collect();
        Profile { actors, affiliations, members, claims, opponents }
    }
}

/// The lower-case name of a node's kind: "actor", "claim", "document",
/// "source".
pub fn node_kind(node: &Node) -> &'static str {
    match node {
        Node::Actor(_) => "actor",
        Node::Claim(_) => "claim",
        Node::Document(_) => "document",
        Node::Source(_) => "source",
    }
}

/// A short human label for a node: a name, a claim's text, a document's
/// name.
pub fn node_label(node: &Node) -> &str {
    match node {
        Node::Actor(a) => &a.name,
        Node::Claim(c) => &c.text,
        Node::Document(d) => &d.name,
        Node::Source(s) => &s.name,
    }
}

fn dispute<'g>(
    edge: &'g Edge,
    document: &'g DocumentNode,
) -> Option<Dispute<'g>> {
    let Edge::Disputes {
        report,
        marker,
        marker_span,
        rule,
        reason,
        confidence,
    } = edge
    else {
        return None;
    };
    Some(Dispute {
        document,
        report,
        marker,
        marker_span: *marker_span,
        rule,
        reason,
        confidence: *confidence,
    })
}

fn sort_detail(d: &mut ClaimDetail) {
    d.reports.sort_by(|x, y| {
        (&x.document.name, x.evidence).cmp(&(&y.document.name, y.evidence))
    });
    d.counterclaims.sort_by(|x, y| {
        (&x.ours.evidence, &x.theirs.evidence, &x.claim.id).cmp(&(
            &y.ours.evidence,
            &y.theirs.evidence,
            &y.claim.id,
        ))
    });
    d.disputes.sort_by(|x, y| x.report.evidence.cmp(&y.report.evidence));
    d.sources.sort_by(|x, y| {
        (x.evidence, &x.source.id).cmp(&(y.evidence, &y.source.id))
    });
}

fn sort_claims(claims: &mut [ClaimDetail]) {
    claims.sort_by(|x, y| {
        (x.first_report(), &x.claim.id).cmp(&(y.first_report(), &y.claim.id))
    });
}

/// The actors behind the counterclaims of `claims`, most links first.
fn opponents<'g>(claims: &[ClaimDetail<'g>]) -> Vec<Opponent<'g>> {
    let mut by_actor: BTreeMap<Option<&str>, Opponent<'g>> = BTreeMap::new();
    for detail in claims {
        for c in &detail.counterclaims {
            let key = c.actor.map(|a| a.id.as_str());
            by_actor
                .entry(key)
                .or_insert_with(|| Opponent { actor: c.actor, links: vec![] })
                .links
                .push((detail.claim, *c));
        }
    }
    let mut out: Vec<Opponent> = by_actor.into_values().collect();
    // A stable sort keeps the id order among equals.
    out.sort_by_key(|o| std::cmp::Reverse(o.links.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{ActorKind, DocumentNode};

    fn evidence(doc: &str, start: u32, text: &str) -> Evidence {
        let end = start + u32::try_from(text.chars().count()).unwrap();
        Evidence {
            document: doc.into(),
            span: [start, end],
            text: text.into(),
            speaker: None,
            speaker_span: None,
            cue: Some("said".into()),
            cue_span: None,
            rule: "test".into(),
        }
    }

    fn person(id: &str, name: &str, mentions: &[&str]) -> Actor {
        let mut actor = Actor::new(id, name, ActorKind::Person, name);
        actor.mentions.extend(mentions.iter().map(|m| m.to_string()));
        actor
    }

    /// Adds a report of `claim` by `actor` in `doc` at `start`.
    fn say(g: &mut ClaimGraph, actor: &str, claim: &str, doc: &str, at: u32) {
        let ev = evidence(doc, at, claim);
        let c = g.add_claim(Claim::new(format!("claim:{claim}"), claim));
        let d = g.find(&format!("doc:{doc}")).unwrap();
        let a = g.find(actor).unwrap();
        g.link(c, d, Edge::ReportedIn { evidence: ev.clone(), direct: true });
        let class = CueClass::Said;
        g.link(a, c, Edge::Attributed { class, direct: true, evidence: ev });
    }

    /// Two documents, three people, two claims that contradict.
    fn sample() -> ClaimGraph {
        let mut g = ClaimGraph::new();
        for name in ["a", "b"] {
            g.add_document(DocumentNode {
                id: format!("doc:{name}"),
                name: name.into(),
                ..DocumentNode::default()
            });
        }
        g.add_actor(person(
            "actor:amlo",
            "Andrés Manuel López Obrador",
            &["President Andrés Manuel López Obrador"],
        ));
        g.add_actor(person("actor:lo", "López Obrador", &["he"]));
        g.add_actor(person("actor:joe-biden", "Joe Biden", &[]));
        g.add_actor(person("actor:hunter-biden", "Hunter Biden", &[]));
        say(&mut g, "actor:lo", "no fentanyl here", "a", 10);
        say(&mut g, "actor:amlo", "no fentanyl here", "b", 40);
        say(&mut g, "actor:joe-biden", "fentanyl comes from here", "b", 5);
        let (x, y) = (
            g.find("claim:fentanyl comes from here").unwrap(),
            g.find("claim:no fentanyl here").unwrap(),
        );
        let report = |actor: &str, doc, at, text| Report {
            actor: Some(actor.into()),
            evidence: evidence(doc, at, text),
        };
        let edge = Edge::Contradicts {
            a: Box::new(report(
                "actor:joe-biden",
                "b",
                5,
                "fentanyl comes from here",
            )),
            b: Box::new(report("actor:lo", "a", 10, "no fentanyl here")),
            rule: "counter/polarity".into(),
            reason: "test".into(),
            confidence: 80,
            status: LinkStatus::Found,
        };
        g.link(x, y, edge);
        g
    }

    fn ids<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> Vec<String> {
        items.into_iter().map(|s| s.as_ref().to_string()).collect()
    }

    #[test]
    fn a_claim_shows_every_report_and_counterclaim() {
        let g = sample();
        let q = Queries::new(&g);
        let Lookup::Found(c) = q.find_claim("no fentanyl") else {
            panic!("not found")
        };
        let d = q.claim_detail(c[0]);
        assert_eq!(d.documents(), ["a", "b"]);
        assert_eq!(
            ids(d.actors().iter().map(|a| &a.id)),
            ["actor:lo", "actor:amlo"]
        );
        assert_eq!(d.counterclaims.len(), 1);
        let counter = &d.counterclaims[0];
        assert_eq!(counter.claim.id, "claim:fentanyl comes from here");
        assert_eq!(counter.actor.unwrap().name, "Joe Biden");
        assert_eq!(&*counter.ours.evidence.document, "a");
        assert_eq!(q.find_claim("claim:zz"), Lookup::Missing);
    }

    #[test]
    fn claims_by_one_person_and_who_contradicts_them() {
        let g = sample();
        let q = Queries::new(&g);
        let Lookup::Found(amlo) = q.find_actor("Lopez Obrador") else {
            panic!("not found")
        };
        let profile = q.profile(amlo);
        assert_eq!(profile.claims.len(), 1);
        assert_eq!(profile.claims[0].reports.len(), 2);
        assert_eq!(profile.opponents.len(), 1);
        assert_eq!(profile.opponents[0].actor.unwrap().id, "actor:joe-biden");
    }

    #[test]
    fn who_said_matches_words_in_any_order() {
        let g = sample();
        let q = Queries::new(&g);
        let found = q.who_said(&Pattern::words("HERE fentanyl").unwrap());
        assert_eq!(found.len(), 2);
        // First reported first: document "a" before "b".
        assert_eq!(found[0].claim.id, "claim:no fentanyl here");
        assert!(q.who_said(&Pattern::words("cocaine").unwrap()).is_empty());
    }

    #[test]
    fn trace_finds_the_shortest_chain() {
        let g = sample();
        let q = Queries::new(&g);
        let node = |id: &str| g.node(g.find(id).unwrap());
        let found =
            q.trace(&[node("actor:lo")], &[node("actor:joe-biden")], 10);
        assert_eq!(found.total, 1);
        let paths: Vec<Vec<&str>> = found
            .chains
            .iter()
            .map(|c| c.nodes.iter().map(|n| n.id()).collect())
            .collect();
        assert_eq!(
            paths,
            [[
                "actor:lo",
                "claim:no fentanyl here",
                "claim:fentanyl comes from here",
                "actor:joe-biden"
            ]]
        );
        let hop = found.chains[0].hops[1];
        assert_eq!(hop.edge.kind_name(), "contradicts");
        assert!(!hop.forward, "the link points from Biden's claim");
        let none =
            q.trace(&[node("actor:lo")], &[node("actor:hunter-biden")], 5);
        assert!(none.chains.is_empty() && none.total == 0);
    }

    #[test]
    fn trace_lists_every_shortest_chain_up_to_the_limit() {
        let mut g = sample();
        say(&mut g, "actor:joe-biden", "it is made here", "a", 50);
        say(&mut g, "actor:joe-biden", "it is made here", "b", 60);
        let q = Queries::new(&g);
        let node = |id: &str| g.node(g.find(id).unwrap());
        let from = [node("actor:lo")];
        let to = [node("doc:a"), node("actor:joe-biden")];
        let found = q.trace(&from, &to, 10);
        assert_eq!(found.total, 1, "doc:a is two hops away");
        assert_eq!(found.chains[0].nodes.last().unwrap().id(), "doc:a");
        // Both documents report López Obrador's claim and Biden's new
        // one: two chains of three hops.
        let to = [node("claim:it is made here")];
        let found = q.trace(&from, &to, 1);
        assert_eq!((found.total, found.chains.len()), (2, 1));
        let ids: Vec<&str> =
            found.chains[0].nodes.iter().map(|n| n.id()).collect();
        assert_eq!(
            ids,
            [
                "actor:lo",
                "claim:no fentanyl here",
                "doc:a",
                "claim:it is made here"
            ],
            "the first chain by node ids"
        );
    }

    #[test]
    fn a_profile_shows_affiliations_members_and_cited_sources() {
        let mut g = sample();
        let mut dea =
            Actor::new("actor:dea", "DEA", ActorKind::Organisation, "DEA");
        dea.affiliations.push("actor:joe-biden".into());
        g.add_actor(dea);
        let mut milgram =
            person("actor:anne-milgram", "Anne Milgram", &["Milgram"]);
        milgram.affiliations.push("actor:dea".into());
        g.add_actor(milgram);
        let source = g.add_source(SourceNode {
            id: "source:according_to:nih".into(),
            name: "NIH".into(),
            kind: crate::model::SourceKind::AccordingTo,
        });
        let claim = g.find("claim:no fentanyl here").unwrap();
        let evidence = evidence("a", 30, "according to NIH");
        g.link(claim, source, Edge::BackedBy { evidence });
        let q = Queries::new(&g);
        let Lookup::Found(dea) = q.find_actor("DEA") else { panic!() };
        let profile = q.profile(dea);
        assert_eq!(
            ids(profile.affiliations.iter().map(|a| &a.id)),
            ["actor:joe-biden"]
        );
        assert_eq!(
            ids(profile.members.iter().map(|a| &a.id)),
            ["actor:anne-milgram"]
        );
        let Lookup::Found(c) = q.find_claim("claim:no fentanyl here") else {
            panic!()
        };
        let detail = q.claim_detail(c[0]);
        assert_eq!(detail.sources.len(), 1);
        assert_eq!(detail.sources[0].source.name, "NIH");
        assert_eq!(&*detail.sources[0].evidence.text, "according to NIH");
    }

    #[test]
    fn stats_count_kinds_overall_and_per_document() {
        let g = sample();
        let stats = Queries::new(&g).stats();
        assert_eq!(stats.nodes["actor"], 4);
        assert_eq!(stats.nodes["claim"], 2);
        assert_eq!(stats.edges["attributed"], 3);
        assert_eq!(stats.edges["contradicts"], 1);
        let a = &stats.documents[0];
        assert_eq!(
            (a.document.name.as_str(), a.claims, a.actors),
            ("a", 1, 1)
        );
        assert_eq!(a.edges["contradicts"], 1);
        assert_eq!(stats.documents[1].actors, 2);
    }
}
