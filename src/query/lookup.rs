//! Finding what a name or an id on the command line stands for.
//!
//! Actors are found by id or by any name or alias after folding
//! ([`canonical_key`]), in tiers, and people spelled in several ways are
//! told apart from different people who share a word; claims by id or a
//! unique prefix; any node by id, document name, claim or actor.

use super::Queries;
use crate::graph::{Actor, ActorKind, Claim, Node};
use crate::resolve::canonical_key;

/// What a name or id given on the command line stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup<T> {
    /// What the query names: one item, or several items that are one
    /// thing (a person spelled in several ways before their actors were
    /// merged).
    Found(Vec<T>),
    /// Several different items; the query has to say which.
    Ambiguous(Vec<T>),
    /// Nothing.
    Missing,
}

impl<T> Lookup<T> {
    /// Maps the items found or offered.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Lookup<U> {
        match self {
            Lookup::Found(v) => Lookup::Found(v.into_iter().map(f).collect()),
            Lookup::Ambiguous(v) => {
                Lookup::Ambiguous(v.into_iter().map(f).collect())
            }
            Lookup::Missing => Lookup::Missing,
        }
    }
}

/// An actor and the folded forms of its name and aliases.
#[derive(Debug)]
pub(super) struct ActorEntry<'g> {
    pub(super) actor: &'g Actor,
    /// The folded name, then each folded mention.
    pub(super) keys: Vec<String>,
}

impl<'g> Queries<'g> {
    /// The actors a name or id stands for.
    ///
    /// An actor id names its actor. Otherwise the query and every actor's
    /// name and aliases are folded (case, accents, hyphens, possessives)
    /// and compared in three tiers, the first that finds anything
    /// deciding: a name or alias equal to the query, one that ends with
    /// the query's words ("Biden" in "Joe Biden"), one that has them all.
    /// Several people whose names all end the longest one ("López
    /// Obrador", "Andrés Manuel López Obrador") are taken as one person
    /// spelled in several ways; an exact match takes in the other
    /// spellings the second tier finds. Any other set of several actors
    /// is [`Lookup::Ambiguous`].
    pub fn find_actor(&self, query: &str) -> Lookup<&'g Actor> {
        if let Some(a) = self.actor(query.trim()) {
            return Lookup::Found(vec![a]);
        }
        let key = canonical_key(query);
        if key.is_empty() {
            return Lookup::Missing;
        }
        let exact = self.actors_at(self.by_key.get(&key).cloned());
        let ending = self.matching(&key, |have, want| have.ends_with(want));
        if !exact.is_empty() {
            if one_person(&ending) {
                return Lookup::Found(ending);
            }
            return group_actors(exact);
        }
        if !ending.is_empty() {
            return group_actors(ending);
        }
        group_actors(self.matching(&key, |have, want| {
            want.iter().all(|w| have.contains(w))
        }))
    }

    fn actors_at(&self, found: Option<Vec<usize>>) -> Vec<&'g Actor> {
        let found = found.unwrap_or_default();
        found.into_iter().map(|i| self.actors[i].actor).collect()
    }

    /// The actors, sorted by id, with a name or alias whose words `test`
    /// accepts against the words of `key`.
    fn matching(
        &self,
        key: &str,
        test: impl Fn(&[&str], &[&str]) -> bool,
    ) -> Vec<&'g Actor> {
        let want: Vec<&str> = key.split(' ').collect();
        let accepts = |k: &String| {
            let have: Vec<&str> = k.split(' ').collect();
            test(&have, &want)
        };
        let mut out: Vec<&Actor> = self
            .actors
            .iter()
            .filter(|e| e.keys.iter().any(accepts))
            .map(|e| e.actor)
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    /// The claim a claim id, or a unique prefix of one, names.
    ///
    /// The `claim:` prefix may be left out. An exact id wins over
    /// prefixes; a prefix of several ids is [`Lookup::Ambiguous`], the
    /// claims sorted by id.
    pub fn find_claim(&self, query: &str) -> Lookup<&'g Claim> {
        let query = query.trim();
        let full = if query.starts_with("claim:") {
            query.to_string()
        } else {
            format!("claim:{query}")
        };
        if let Some(Node::Claim(c)) =
            self.graph.find(&full).map(|n| self.node(n))
        {
            return Lookup::Found(vec![c]);
        }
        if query.is_empty() {
            return Lookup::Missing;
        }
        let found: Vec<&Claim> = self
            .graph
            .nodes()
            .filter_map(|n| match n {
                Node::Claim(c) if c.id.starts_with(&full) => Some(c),
                _ => None,
            })
            .collect();
        match found.len() {
            0 => Lookup::Missing,
            1 => Lookup::Found(found),
            _ => Lookup::Ambiguous(found),
        }
    }

    /// The nodes an id, a claim id prefix, a document name or an actor's
    /// name stands for, tried in that order.
    pub fn find_node(&self, query: &str) -> Lookup<&'g Node> {
        let query = query.trim();
        if let Some(n) = self.graph.find(query) {
            return Lookup::Found(vec![self.node(n)]);
        }
        if let Some(n) = self.graph.find(&format!("doc:{query}")) {
            return Lookup::Found(vec![self.node(n)]);
        }
        let claims = self.find_claim(query);
        let lookup = match claims {
            Lookup::Missing => self.find_actor(query).map(|a| &a.id),
            other => other.map(|c| &c.id),
        };
        lookup.map(|id| self.node(self.graph.find(id).expect("listed")))
    }
}

pub(super) fn actor_entry(actor: &Actor) -> ActorEntry<'_> {
    let mut keys = vec![canonical_key(&actor.name)];
    for m in &actor.mentions {
        let key = canonical_key(m);
        if !key.is_empty() && !keys.contains(&key) {
            keys.push(key);
        }
    }
    ActorEntry { actor, keys }
}

/// One actor, one person under several spellings, or an ambiguity.
fn group_actors(mut found: Vec<&Actor>) -> Lookup<&Actor> {
    found.sort_by(|a, b| a.id.cmp(&b.id));
    found.dedup_by(|a, b| a.id == b.id);
    match found.len() {
        0 => Lookup::Missing,
        1 => Lookup::Found(found),
        _ if one_person(&found) => Lookup::Found(found),
        _ => Lookup::Ambiguous(found),
    }
}

/// True when `actors` are all people and every name's words end the
/// longest name's words: "López Obrador" within "Andrés Manuel López
/// Obrador", but not "Hunter Biden" within "Joe Biden".
fn one_person(actors: &[&Actor]) -> bool {
    if actors.is_empty() || actors.iter().any(|a| a.kind != ActorKind::Person)
    {
        return false;
    }
    let names: Vec<String> =
        actors.iter().map(|a| canonical_key(&a.name)).collect();
    let longest = names.iter().max_by_key(|n| n.len()).expect("non-empty");
    let long: Vec<&str> = longest.split(' ').collect();
    names.iter().all(|n| {
        let words: Vec<&str> = n.split(' ').collect();
        long.ends_with(&words)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::ClaimGraph;

    fn graph(actors: &[(&str, &str, ActorKind, &[&str])]) -> ClaimGraph {
        let mut g = ClaimGraph::new();
        for (id, name, kind, mentions) in actors {
            let mut a = Actor::new(id, name, *kind, name);
            a.mentions.extend(mentions.iter().map(|m| m.to_string()));
            g.add_actor(a);
        }
        g
    }

    fn ids(found: Lookup<&Actor>) -> Lookup<&str> {
        found.map(|a| a.id.as_str())
    }

    const PERSON: ActorKind = ActorKind::Person;

    #[test]
    fn actors_are_found_by_id_or_any_folded_alias() {
        let g = graph(&[
            ("actor:amlo", "Andrés Manuel López Obrador", PERSON, &["AMLO"]),
            ("actor:joe-biden", "Joe Biden", PERSON, &["President Biden"]),
        ]);
        let q = Queries::new(&g);
        let amlo = Lookup::Found(vec!["actor:amlo"]);
        assert_eq!(ids(q.find_actor("amlo")), amlo);
        assert_eq!(ids(q.find_actor("andres manuel LOPEZ-obrador")), amlo);
        assert_eq!(ids(q.find_actor("Lopez Obrador")), amlo, "name ends so");
        assert_eq!(ids(q.find_actor("Manuel Obrador")), amlo, "has both");
        assert_eq!(ids(q.find_actor("actor:amlo")), amlo);
        let biden = Lookup::Found(vec!["actor:joe-biden"]);
        assert_eq!(ids(q.find_actor("biden")), biden);
        assert_eq!(q.find_actor("Nobody"), Lookup::Missing);
        assert_eq!(q.find_actor(" … "), Lookup::Missing);
    }

    #[test]
    fn spellings_of_one_person_are_found_together() {
        let g = graph(&[
            ("actor:amlo", "Andrés Manuel López Obrador", PERSON, &[]),
            ("actor:lo", "López Obrador", PERSON, &["he"]),
            (
                "actor:gov",
                "López Obrador government",
                ActorKind::Government,
                &[],
            ),
        ]);
        let q = Queries::new(&g);
        // "López Obrador" is the name of one actor, and ends the other's.
        let both = Lookup::Found(vec!["actor:amlo", "actor:lo"]);
        assert_eq!(ids(q.find_actor("lopez obrador")), both);
    }

    #[test]
    fn different_people_are_ambiguous() {
        let g = graph(&[
            ("actor:joe-biden", "Joe Biden", PERSON, &[]),
            ("actor:hunter-biden", "Hunter Biden", PERSON, &[]),
        ]);
        let q = Queries::new(&g);
        assert_eq!(
            ids(q.find_actor("Biden")),
            Lookup::Ambiguous(vec!["actor:hunter-biden", "actor:joe-biden"])
        );
        assert_eq!(
            ids(q.find_actor("Hunter Biden")),
            Lookup::Found(vec!["actor:hunter-biden"])
        );
    }

    #[test]
    fn claims_are_found_by_id_or_unique_prefix() {
        let mut g = ClaimGraph::new();
        for id in ["claim:ab12", "claim:ab34", "claim:cd56"] {
            g.add_claim(Claim::new(id, "text"));
        }
        let q = Queries::new(&g);
        let id = |l: Lookup<&Claim>| l.map(|c| c.id.clone());
        let found = |s: &str| Lookup::Found(vec![s.to_string()]);
        assert_eq!(id(q.find_claim("claim:ab12")), found("claim:ab12"));
        assert_eq!(id(q.find_claim("cd")), found("claim:cd56"));
        assert_eq!(id(q.find_claim("claim:ab3")), found("claim:ab34"));
        assert_eq!(
            id(q.find_claim("ab")),
            Lookup::Ambiguous(vec!["claim:ab12".into(), "claim:ab34".into()])
        );
        assert_eq!(q.find_claim("ef"), Lookup::Missing);
        assert_eq!(q.find_claim(""), Lookup::Missing);
    }
}
