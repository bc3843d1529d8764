//! Focused views: the part of a graph around one actor, claim, document
//! or topic, so that a diagram of a large corpus stays readable.
//!
//! [`focus`] takes a built graph and a [`Focus`] and returns a smaller
//! [`ClaimGraph`] that every exporter takes like any other. Each part of
//! a focus picks a set of nodes:
//!
//! - **actor** `NAME`, **depth** `N`: every actor whose name or id holds
//!   the words of `NAME` in order, or one of whose mentions is `NAME`,
//!   after folding case and accents as [`canonical_key`] does ("lopez
//!   obrador" finds "Andrés Manuel López Obrador" and "López Obrador
//!   government"; "AMLO" finds whoever a text called that), and every
//!   node at most `N` edges away, whatever the edges' direction. Depth 1
//!   is what they said, depth 2 adds where it was reported, who else said
//!   it and what contradicts it. Mentions must match whole because some
//!   are long phrases ("Sheinbaum, the successor of López Obrador").
//! - **claim** `ID`: the claim (by id, with or without `claim:`, or a
//!   unique prefix), its actors, documents and counterclaims, and the
//!   counterclaims' actors.
//! - **document** `ID`: the document (by id or name, or a unique prefix),
//!   the claims it reports or disputes, the actors it quotes, and the
//!   claims elsewhere that contradict them, with their actors.
//! - **topic** `PATTERN`: the claims whose text, or the text of any
//!   report of them, matches the case-insensitive regular expression
//!   `PATTERN` (plain words match themselves), with their actors and
//!   documents.
//!
//! Parts combine by intersection: `--actor X --topic T` is what is near X
//! and about T. The view keeps every edge between the nodes it keeps, and
//! drops nodes left with no edge unless a part picked them by name.

use std::collections::{BTreeMap, BTreeSet};

use regex::{Regex, RegexBuilder};

use crate::graph::{ClaimGraph, Edge, GraphData, Node};
use crate::resolve::canonical_key;

/// How far from an actor a view reaches when no depth is given.
pub const DEFAULT_DEPTH: usize = 2;

/// What a focused view keeps; parts left `None` do not narrow it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Focus {
    /// An actor's name, alias or mention.
    pub actor: Option<String>,
    /// How many edges away from the actor to reach.
    pub depth: usize,
    /// A claim id or a unique prefix of one.
    pub claim: Option<String>,
    /// A document id or name, or a unique prefix of one.
    pub document: Option<String>,
    /// A case-insensitive regular expression over claim text.
    pub topic: Option<String>,
}

impl Default for Focus {
    fn default() -> Focus {
        Focus {
            actor: None,
            depth: DEFAULT_DEPTH,
            claim: None,
            document: None,
            topic: None,
        }
    }
}

impl Focus {
    /// True when no part is set, so the view is the whole graph.
    pub fn is_empty(&self) -> bool {
        self.actor.is_none()
            && self.claim.is_none()
            && self.document.is_none()
            && self.topic.is_none()
    }

    /// The focus in words, e.g. `actor "López Obrador" (depth 2)`; empty
    /// for the whole graph.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(a) = &self.actor {
            parts.push(format!("actor \"{a}\" (depth {})", self.depth));
        }
        if let Some(c) = &self.claim {
            parts.push(format!("claim {c}"));
        }
        if let Some(d) = &self.document {
            parts.push(format!("document {d}"));
        }
        if let Some(t) = &self.topic {
            parts.push(format!("topic /{t}/"));
        }
        parts.join(", ")
    }
}

/// Why a focus selects nothing.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ViewError {
    /// No actor has that name or mention.
    #[error("no actor is named {name:?}{hint}")]
    NoActor {
        /// The name asked for.
        name: String,
        /// Names that share a word with it, as `" (did you mean …?)"`.
        hint: String,
    },
    /// No node of the kind has that id, or a prefix fits several.
    #[error("no {kind} has the id {id:?}{hint}")]
    NoId {
        /// `claim` or `document`.
        kind: &'static str,
        /// The id asked for.
        id: String,
        /// More about it, e.g. `" (3 claims start with it)"`.
        hint: String,
    },
    /// The topic is not a valid regular expression.
    #[error(
        "--topic {pattern:?} is not a valid regular expression: {message}"
    )]
    BadTopic {
        /// The pattern.
        pattern: String,
        /// What the regex parser said.
        message: String,
    },
    /// The topic matches no claim.
    #[error("no claim matches the topic {0:?}")]
    NoTopic(String),
    /// Each part matched something, but together they keep nothing.
    #[error("the focus {0} keeps nothing: its parts have no node in common")]
    Empty(String),
}

/// The part of `g` that `f` picks out, as a graph of its own; the whole
/// graph when `f` is empty.
///
/// ```
/// use claimgraph::{build_graph, extract_document, Document};
/// use claimgraph::export::{Focus, focus};
/// let doc = Document {
///     id: "a".into(),
///     text: "“We have almost none,” Feeley said.".into(),
///     ..Document::default()
/// };
/// let g = build_graph(&[extract_document(doc)]);
/// let f = Focus { actor: Some("feeley".into()), depth: 1, ..Focus::default() };
/// let view = focus(&g, &f)?;
/// assert_eq!(view.counts().actors, 1);
/// assert_eq!(view.counts().claims, 1);
/// assert_eq!(view.counts().documents, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn focus(g: &ClaimGraph, f: &Focus) -> Result<ClaimGraph, ViewError> {
    let data = g.to_data();
    if f.is_empty() {
        return Ok(ClaimGraph::from_data(data).expect("a graph's own data"));
    }
    let index = Index::new(&data);
    let mut picks = Vec::new();
    if let Some(name) = &f.actor {
        picks.push(index.actor(name, f.depth)?);
    }
    if let Some(id) = &f.claim {
        picks.push(index.claim(id)?);
    }
    if let Some(id) = &f.document {
        picks.push(index.document(id)?);
    }
    if let Some(pattern) = &f.topic {
        picks.push(index.topic(pattern)?);
    }
    let kept = combine(picks);
    let view = induced(&data, &kept);
    if view.nodes.is_empty() {
        return Err(ViewError::Empty(f.describe()));
    }
    Ok(ClaimGraph::from_data(view).expect("edges between kept nodes"))
}

/// The nodes one part of a focus picks, and those it named.
#[derive(Debug, Default)]
struct Pick<'g> {
    nodes: BTreeSet<&'g str>,
    named: BTreeSet<&'g str>,
}

/// The picks' common nodes; a node is named if any pick named it.
fn combine(picks: Vec<Pick<'_>>) -> Pick<'_> {
    let mut picks = picks.into_iter();
    let mut all = picks.next().unwrap_or_default();
    for p in picks {
        all.nodes = all.nodes.intersection(&p.nodes).copied().collect();
        all.named.extend(p.named);
    }
    all.named = all.named.intersection(&all.nodes).copied().collect();
    all
}

/// The nodes of `kept` and the edges between them, leaving out nodes
/// with no such edge unless they were named.
fn induced(data: &GraphData, kept: &Pick) -> GraphData {
    let keep = |id: &str| kept.nodes.contains(id);
    let edges: Vec<_> = data
        .edges
        .iter()
        .filter(|e| keep(&e.from) && keep(&e.to))
        .cloned()
        .collect();
    let linked: BTreeSet<&str> =
        edges.iter().flat_map(|e| [e.from.as_str(), e.to.as_str()]).collect();
    let nodes = data
        .nodes
        .iter()
        .filter(|n| linked.contains(n.id()) || kept.named.contains(n.id()))
        .cloned()
        .collect();
    GraphData { nodes, edges }
}

/// The graph's nodes by id and its edges by end, for lookups.
struct Index<'g> {
    data: &'g GraphData,
    /// Every node's neighbours, whatever the edges' direction.
    near: BTreeMap<&'g str, BTreeSet<&'g str>>,
}

impl<'g> Index<'g> {
    fn new(data: &'g GraphData) -> Index<'g> {
        let mut near: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for e in &data.edges {
            near.entry(&e.from).or_default().insert(&e.to);
            near.entry(&e.to).or_default().insert(&e.from);
        }
        Index { data, near }
    }

    fn neighbours(&self, id: &str) -> impl Iterator<Item = &'g str> + '_ {
        self.near.get(id).into_iter().flatten().copied()
    }

    /// The actors of `claim`: the sources of its attribution edges.
    fn speakers(&self, claim: &str) -> Vec<&'g str> {
        let edges = &self.data.edges;
        edges
            .iter()
            .filter_map(|e| match e.edge {
                Edge::Attributed { .. } if e.to == claim => {
                    Some(e.from.as_str())
                }
                _ => None,
            })
            .collect()
    }

    /// The claims linked to `claim` as counterclaims, either way round.
    fn counterclaims(&self, claim: &str) -> Vec<&'g str> {
        let edges = &self.data.edges;
        edges
            .iter()
            .filter_map(|e| match e.edge {
                Edge::Contradicts { .. } if e.from == claim => {
                    Some(e.to.as_str())
                }
                Edge::Contradicts { .. } if e.to == claim => {
                    Some(e.from.as_str())
                }
                _ => None,
            })
            .collect()
    }

    fn actor(&self, name: &str, depth: usize) -> Result<Pick<'g>, ViewError> {
        let start = find_actors(self.data, name)?;
        let mut seen: BTreeSet<&str> = start.iter().copied().collect();
        let mut frontier = start.clone();
        for _ in 0..depth {
            let mut next = Vec::new();
            for id in frontier {
                next.extend(self.neighbours(id).filter(|n| seen.insert(n)));
            }
            frontier = next;
        }
        Ok(Pick { nodes: seen, named: start.into_iter().collect() })
    }

    fn claim(&self, id: &str) -> Result<Pick<'g>, ViewError> {
        let claim = find_id(self.data, "claim", id)?;
        let mut nodes: BTreeSet<&str> = self.neighbours(claim).collect();
        nodes.insert(claim);
        for other in self.counterclaims(claim) {
            nodes.extend(self.speakers(other));
        }
        Ok(Pick { nodes, named: BTreeSet::from([claim]) })
    }

    fn document(&self, id: &str) -> Result<Pick<'g>, ViewError> {
        let doc = find_id(self.data, "document", id)?;
        let name = match self.data.nodes.iter().find(|n| n.id() == doc) {
            Some(Node::Document(d)) => d.name.as_str(),
            _ => doc,
        };
        let claims: Vec<&str> = self.neighbours(doc).collect();
        let mut nodes: BTreeSet<&str> = claims.iter().copied().collect();
        nodes.insert(doc);
        nodes.extend(self.data.edges.iter().filter_map(|e| match &e.edge {
            Edge::Attributed { evidence, .. }
                if *evidence.document == *name
                    && claims.contains(&e.to.as_str()) =>
            {
                Some(e.from.as_str())
            }
            _ => None,
        }));
        for claim in &claims {
            for other in self.counterclaims(claim) {
                nodes.insert(other);
                nodes.extend(self.speakers(other));
            }
        }
        Ok(Pick { nodes, named: BTreeSet::from([doc]) })
    }

    fn topic(&self, pattern: &str) -> Result<Pick<'g>, ViewError> {
        let re = topic_regex(pattern)?;
        let mut claims: BTreeSet<&str> = self
            .data
            .nodes
            .iter()
            .filter_map(|n| match n {
                Node::Claim(c) if re.is_match(&c.text) => Some(c.id.as_str()),
                _ => None,
            })
            .collect();
        claims.extend(self.data.edges.iter().filter_map(|e| match &e.edge {
            Edge::ReportedIn { evidence, .. }
                if re.is_match(&evidence.text) =>
            {
                Some(e.from.as_str())
            }
            _ => None,
        }));
        if claims.is_empty() {
            return Err(ViewError::NoTopic(pattern.to_string()));
        }
        let mut nodes = claims.clone();
        for claim in &claims {
            nodes.extend(
                self.neighbours(claim).filter(|n| !is_claim(self.data, n)),
            );
        }
        Ok(Pick { nodes, named: claims })
    }
}

fn is_claim(data: &GraphData, id: &str) -> bool {
    data.nodes
        .binary_search_by(|n| n.id().cmp(id))
        .is_ok_and(|i| matches!(data.nodes[i], Node::Claim(_)))
}

fn topic_regex(pattern: &str) -> Result<Regex, ViewError> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(1 << 22)
        .build()
        .map_err(|e| ViewError::BadTopic {
            pattern: pattern.to_string(),
            message: e.to_string(),
        })
}

/// The ids of the actors `name` names: those whose name or id holds its
/// words in order, or one of whose mentions is `name`, after folding.
fn find_actors<'g>(
    data: &'g GraphData,
    name: &str,
) -> Result<Vec<&'g str>, ViewError> {
    let key = format!(" {} ", canonical_key(name));
    let holds =
        |text: &str| format!(" {} ", canonical_key(text)).contains(&key);
    let is = |text: &String| format!(" {} ", canonical_key(text)) == key;
    let found: Vec<&str> = data
        .nodes
        .iter()
        .filter_map(|n| match n {
            Node::Actor(a) => {
                let slug = a.id.strip_prefix("actor:").unwrap_or(&a.id);
                let named =
                    [a.name.as_str(), &a.id, slug].into_iter().any(holds);
                let mentioned = a.mentions.iter().any(is);
                (named || mentioned).then_some(a.id.as_str())
            }
            _ => None,
        })
        .collect();
    if found.is_empty() || key.trim().is_empty() {
        let hint = hint(data, key.trim());
        return Err(ViewError::NoActor { name: name.to_string(), hint });
    }
    Ok(found)
}

/// Up to five actor names sharing a word with `key`, as a hint.
fn hint(data: &GraphData, key: &str) -> String {
    let words: BTreeSet<&str> =
        key.split(' ').filter(|w| w.len() > 2).collect();
    let names: Vec<&str> = data
        .nodes
        .iter()
        .filter_map(|n| match n {
            Node::Actor(a)
                if canonical_key(&a.name)
                    .split(' ')
                    .any(|w| words.contains(w)) =>
            {
                Some(a.name.as_str())
            }
            _ => None,
        })
        .take(5)
        .collect();
    if names.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", names.join(", "))
    }
}

/// The id of the claim or document `id` names: its full id, its id
/// without the `claim:`/`doc:` prefix, a document's name, or a prefix of
/// any of those that fits only one.
fn find_id<'g>(
    data: &'g GraphData,
    kind: &'static str,
    id: &str,
) -> Result<&'g str, ViewError> {
    let names = short_names(data, kind);
    let id = id.trim();
    let fits = |name: &str, exact: bool| {
        if exact { name == id } else { !id.is_empty() && name.starts_with(id) }
    };
    for exact in [true, false] {
        let hits: Vec<&str> = names
            .iter()
            .filter(|(full, short)| fits(full, exact) || fits(short, exact))
            .map(|(full, _)| *full)
            .collect();
        match hits.as_slice() {
            [] => continue,
            [one] => return Ok(one),
            many => {
                let hint = format!(" ({} {kind}s start with it)", many.len());
                return Err(ViewError::NoId { kind, id: id.into(), hint });
            }
        }
    }
    Err(ViewError::NoId { kind, id: id.into(), hint: String::new() })
}

/// The full and short names of the claims or documents (`kind`): a
/// claim's id without `claim:`, a document's name.
fn short_names<'g>(
    data: &'g GraphData,
    kind: &str,
) -> Vec<(&'g str, &'g str)> {
    data.nodes
        .iter()
        .filter_map(|n| match (kind, n) {
            ("claim", Node::Claim(c)) => {
                Some((c.id.as_str(), strip(&c.id, "claim:")))
            }
            ("document", Node::Document(d)) => {
                Some((d.id.as_str(), d.name.as_str()))
            }
            _ => None,
        })
        .collect()
}

fn strip<'s>(id: &'s str, prefix: &str) -> &'s str {
    id.strip_prefix(prefix).unwrap_or(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, build_graph, extract_document};

    const FIRST: &str = "\
“Here, we don’t produce fentanyl,” López Obrador said.

US officials say the vast majority of fentanyl is produced in Mexico.

“The border is closed,” said Anne Milgram.
";

    const SECOND: &str = "\
Mexican President Andrés Manuel López Obrador said the cartels are weak.

Kimberly Breier said the tariffs would hurt farmers.
";

    const THIRD: &str = "\
Bill Clinton said the plan works.

Hillary Clinton said the plan fails.
";

    fn graph() -> ClaimGraph {
        let docs = [("first", FIRST), ("second", SECOND), ("third", THIRD)];
        let docs = docs.map(|(id, text)| {
            extract_document(Document {
                id: id.into(),
                text: text.into(),
                ..Document::default()
            })
        });
        build_graph(&docs)
    }

    fn ids(g: &ClaimGraph) -> Vec<String> {
        g.nodes().map(|n| n.id().to_string()).collect()
    }

    fn names(g: &ClaimGraph) -> Vec<String> {
        g.nodes().flat_map(names_of).collect()
    }

    fn names_of(n: &Node) -> Vec<String> {
        match n {
            Node::Actor(a) => vec![a.name.clone()],
            _ => Vec::new(),
        }
    }

    fn at(actor: &str, depth: usize) -> Focus {
        Focus { actor: Some(actor.into()), depth, ..Focus::default() }
    }

    #[test]
    fn an_actor_is_found_by_a_mention_without_accents() {
        let g = graph();
        let amlo = ["Andrés Manuel López Obrador"];
        let view = focus(&g, &at("lopez obrador", 1)).unwrap();
        assert_eq!(names(&view), amlo);
        assert_eq!(view.counts().claims, 2);
        assert_eq!(view.counts().documents, 0, "depth 1 stops at claims");
        let id = g.nodes().find(|n| names_of(n) == amlo).unwrap().id();
        let view = focus(&g, &at(id, 1)).unwrap();
        assert_eq!(names(&view), amlo, "by id");
    }

    #[test]
    fn mentions_match_whole() {
        let mut g = ClaimGraph::new();
        let c = g.add_claim(crate::Claim::new("claim:1", "x"));
        let mut she = crate::Actor::new(
            "actor:claudia-sheinbaum",
            "Claudia Sheinbaum",
            crate::ActorKind::Person,
            "Sheinbaum, the successor of López Obrador",
        );
        she.mentions.push("Sheinbaum".into());
        let amlo = crate::Actor::new(
            "actor:amlo",
            "Andrés Manuel López Obrador",
            crate::ActorKind::Person,
            "AMLO",
        );
        for actor in [she, amlo] {
            let a = g.add_actor(actor);
            let evidence = crate::Evidence {
                document: "d".into(),
                span: [0, 1],
                text: "x".into(),
                speaker: None,
                speaker_span: None,
                cue: None,
                cue_span: None,
                rule: "r".into(),
            };
            let class = crate::CueClass::Said;
            g.link(a, c, Edge::Attributed { class, direct: true, evidence });
        }
        let amlo = ["Andrés Manuel López Obrador"];
        assert_eq!(names(&focus(&g, &at("lopez obrador", 1)).unwrap()), amlo);
        assert_eq!(names(&focus(&g, &at("amlo", 1)).unwrap()), amlo);
        let she = focus(&g, &at("sheinbaum", 1)).unwrap();
        assert_eq!(names(&she), ["Claudia Sheinbaum"]);
    }

    #[test]
    fn a_name_finds_every_actor_holding_its_words() {
        let g = graph();
        let view = focus(&g, &at("CLINTON", 1)).unwrap();
        assert_eq!(names(&view), ["Bill Clinton", "Hillary Clinton"]);
        let view = focus(&g, &at("hillary clinton", 1)).unwrap();
        assert_eq!(names(&view), ["Hillary Clinton"]);
        assert!(focus(&g, &at("clint", 1)).is_err(), "whole words only");
    }

    #[test]
    fn depth_two_reaches_documents_and_counterclaims() {
        let g = graph();
        let view = focus(&g, &at("López Obrador", 2)).unwrap();
        let ids = ids(&view);
        assert!(ids.contains(&"doc:first".to_string()), "{ids:?}");
        assert!(ids.contains(&"doc:second".to_string()));
        assert!(!names(&view).contains(&"Kimberly Breier".to_string()));
        let contradicts = view
            .to_data()
            .edges
            .iter()
            .any(|e| matches!(e.edge, Edge::Contradicts { .. }));
        assert!(contradicts, "the counterclaim is two edges away");
    }

    #[test]
    fn an_unknown_actor_gets_a_hint() {
        let err = focus(&graph(), &at("Milgrim Anne", 1)).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("no actor is named \"Milgrim Anne\""), "{msg}");
        assert!(msg.contains("did you mean Anne Milgram?"), "{msg}");
    }

    #[test]
    fn a_claim_brings_its_actors_documents_and_counterclaims() {
        let g = graph();
        let claim = g
            .nodes()
            .find_map(|n| match n {
                Node::Claim(c) if c.text.contains("produce fentanyl") => {
                    Some(c.id.clone())
                }
                _ => None,
            })
            .unwrap();
        let short = &claim["claim:".len()..claim.len() - 4];
        let f = Focus { claim: Some(short.into()), ..Focus::default() };
        let view = focus(&g, &f).unwrap();
        let names = names(&view);
        let amlo = "Andrés Manuel López Obrador".to_string();
        assert!(names.contains(&amlo), "{names:?}");
        assert!(names.contains(&"US officials".to_string()), "{names:?}");
        assert!(!names.contains(&"Anne Milgram".to_string()));
        assert!(ids(&view).contains(&"doc:first".to_string()));
    }

    #[test]
    fn a_document_keeps_its_own_speakers() {
        let f = Focus { document: Some("second".into()), ..Focus::default() };
        let view = focus(&graph(), &f).unwrap();
        let names = names(&view);
        assert!(names.contains(&"Kimberly Breier".to_string()));
        assert!(!names.contains(&"Anne Milgram".to_string()));
        assert!(!ids(&view).contains(&"doc:first".to_string()));
    }

    #[test]
    fn a_topic_is_a_case_insensitive_pattern() {
        let f =
            Focus { topic: Some("BORDER|tariff".into()), ..Focus::default() };
        let view = focus(&graph(), &f).unwrap();
        assert_eq!(names(&view), ["Anne Milgram", "Kimberly Breier"]);
        let bad = Focus { topic: Some("(".into()), ..Focus::default() };
        assert!(matches!(
            focus(&graph(), &bad),
            Err(ViewError::BadTopic { .. })
        ));
        let none = Focus { topic: Some("zebra".into()), ..Focus::default() };
        assert!(matches!(focus(&graph(), &none), Err(ViewError::NoTopic(_))));
    }

    #[test]
    fn parts_combine_by_intersection() {
        let g = graph();
        let mut f = at("López Obrador", 2);
        f.topic = Some("cartels".into());
        let view = focus(&g, &f).unwrap();
        assert_eq!(view.counts().claims, 1);
        assert!(ids(&view).contains(&"doc:second".to_string()));
        assert!(!ids(&view).contains(&"doc:first".to_string()));
        f.topic = Some("tariffs".into());
        assert!(matches!(focus(&g, &f), Err(ViewError::Empty(_))));
    }

    #[test]
    fn ambiguous_and_unknown_ids_are_refused() {
        let g = graph();
        let f = Focus { claim: Some("claim:".into()), ..Focus::default() };
        let msg = focus(&g, &f).unwrap_err().to_string();
        assert!(msg.contains("claims start with it"), "{msg}");
        let f = Focus { document: Some("fourth".into()), ..Focus::default() };
        let msg = focus(&g, &f).unwrap_err().to_string();
        assert_eq!(msg, "no document has the id \"fourth\"");
    }

    #[test]
    fn an_empty_focus_is_the_whole_graph() {
        let g = graph();
        let view = focus(&g, &Focus::default()).unwrap();
        assert_eq!(view.to_data(), g.to_data());
    }
}
