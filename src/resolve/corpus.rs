//! Actors across a corpus: the mentions of every document merged into
//! one actor per person or body, with the evidence for each merge.
//!
//! This stage runs after per-document extraction and resolution, from
//! [`crate::pipeline::build_graph`]. It finds each document's mentions
//! ([`super::mentions`]), then merges them, each rule recording why:
//!
//! 1. inside a document: a mention that refers back ("The Coalition"),
//!    the same folded name, and a short name to the one fuller name that
//!    ends with it ("Milgram" -> "Anne Milgram");
//! 2. across documents: the same folded name ("López-Obrador’s" and
//!    "Lopez Obrador"), except a lone surname the text marks as a person
//!    ("Mr. Smith"), which joins only the one fuller name in the corpus
//!    that it ends;
//! 3. acronyms defined anywhere in the corpus ("Drug Enforcement
//!    Administration (DEA)"), or, undefined, the initials of exactly one
//!    name ("PRC");
//! 4. the curated alias table ("AMLO");
//! 5. a name with and without "U.S." ("U.S. Treasury Department"), and a
//!    government with its country ("the Mexican government", "Mexico").
//!
//! Anonymous sources, pronouns no antecedent was found for and parts of
//! groups ("some Republicans") are never merged with anything. Two
//! fuller names that share a surname stay apart, and so does a surname
//! either could take: a wrong merge is worse than a split. Mentions that
//! speak, hold a title or role, or name a body become actors; other
//! capitalised words ("Western Hemisphere") are dropped.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use super::mentions::{
    Class, DocMentions, Mention, find, is_acronym, is_demonym, key_of,
};
use super::names::is_publication_name;
use super::words::{WordClass, is, is_body_head};
use crate::graph::{Actor, ActorKind};
use crate::model::{AliasTable, Extracted, Span};

/// The corpus's actors, and the actor each speaker stands for.
#[derive(Clone, Debug, Default)]
pub struct CorpusActors {
    /// Every actor, sorted by id.
    pub actors: Vec<Actor>,
    /// (document id, speaker span) -> actor id.
    speakers: HashMap<(String, Span), String>,
}

impl CorpusActors {
    /// The id of the actor the speaker at `span` of document `doc` is.
    pub fn actor_of(&self, doc: &str, span: Span) -> Option<&str> {
        self.speakers.get(&(doc.to_string(), span)).map(String::as_str)
    }
}

/// Finds and merges the actors of `docs`.
///
/// The result does not depend on the order of `docs`.
pub fn corpus_actors(
    docs: &[Extracted],
    aliases: &AliasTable,
) -> CorpusActors {
    let mut order: Vec<&Extracted> = docs.iter().collect();
    order.sort_by(|a, b| a.document.id.cmp(&b.document.id));
    let mut c = Corpus::new(&order);
    c.merge_in_documents();
    c.merge_across_documents();
    c.merge_surnames();
    c.merge_acronyms();
    c.merge_aliases(aliases);
    c.merge_qualified();
    c.merge_governments();
    c.build(aliases)
}

/// Union-find over every mention of the corpus, with the reasons for
/// each union.
struct Corpus<'d> {
    docs: Vec<&'d Extracted>,
    found: Vec<DocMentions>,
    /// `key_of` each mention's name, by global index, found once: the
    /// number of the key in `keys`.
    name_keys: Vec<u32>,
    /// Every distinct name key.
    keys: Vec<String>,
    /// (document, mention) of each global index.
    at: Vec<(usize, usize)>,
    /// Global index of each document's first mention.
    base: Vec<usize>,
    parent: Vec<usize>,
    reasons: Vec<(usize, String)>,
    /// Roots the alias table named, with the canonical name.
    canonical: Vec<(usize, String)>,
    /// Roots an acronym rule joined.
    acronym_hits: BTreeSet<usize>,
    /// Mentions of places: what a people's adjective names ("Mexican"
    /// -> Mexico), or what stands before a title ("Arizona Attorney
    /// General").
    places: BTreeSet<usize>,
}

impl<'d> Corpus<'d> {
    fn new(docs: &[&'d Extracted]) -> Corpus<'d> {
        let found: Vec<DocMentions> = docs
            .par_iter()
            .map(|x| find(&x.document.text, &x.attributions))
            .collect();
        let mut at = Vec::new();
        let mut base = Vec::new();
        for (d, f) in found.iter().enumerate() {
            base.push(at.len());
            at.extend((0..f.mentions.len()).map(|m| (d, m)));
        }
        // Each distinct key once: the same names recur in thousands of
        // articles.
        let mut keys: Vec<String> = Vec::new();
        let mut number: HashMap<String, u32> = HashMap::new();
        let name_keys: Vec<u32> = found
            .par_iter()
            .flat_map_iter(|f| f.mentions.iter().map(|m| key_of(&m.name)))
            .collect::<Vec<String>>()
            .into_iter()
            .map(|k| match number.get(&k) {
                Some(&n) => n,
                None => {
                    let n = u32::try_from(keys.len()).expect("under 4G names");
                    keys.push(k.clone());
                    number.insert(k, n);
                    n
                }
            })
            .collect();
        drop(number);
        let parent = (0..at.len()).collect();
        Corpus {
            docs: docs.to_vec(),
            found,
            name_keys,
            keys,
            at,
            base,
            parent,
            reasons: Vec::new(),
            canonical: Vec::new(),
            acronym_hits: BTreeSet::new(),
            places: BTreeSet::new(),
        }
    }

    /// `key_of` the name of mention `g`.
    fn name_key(&self, g: usize) -> &str {
        &self.keys[self.name_keys[g] as usize]
    }

    fn mention(&self, g: usize) -> &Mention {
        let (d, m) = self.at[g];
        &self.found[d].mentions[m]
    }

    fn doc_id(&self, g: usize) -> &str {
        &self.docs[self.at[g].0].document.id
    }

    fn root(&mut self, mut g: usize) -> usize {
        while self.parent[g] != g {
            self.parent[g] = self.parent[self.parent[g]];
            g = self.parent[g];
        }
        g
    }

    /// Joins the actors of `a` and `b`, saying why when they were apart
    /// (an empty reason records none). True when they were apart.
    fn union(
        &mut self,
        a: usize,
        b: usize,
        why: impl FnOnce() -> String,
    ) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return false;
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep;
        let why = why();
        if !why.is_empty() {
            self.reasons.push((keep, why));
        }
        true
    }

    /// The key a mention merges by, if it merges by key at all.
    fn key(&self, g: usize) -> Option<String> {
        let m = self.mention(g);
        if m.refers_to.is_some() {
            return None;
        }
        match m.class {
            Class::Name | Class::Unit => Some(self.name_key(g).to_string()),
            Class::Government => Some(match &m.country {
                Some(c) if is_demonym(c) => {
                    format!("demonym:{}", c.to_lowercase())
                }
                Some(c) => format!("gov:{}", key_of(c)),
                None => self.name_key(g).to_string(),
            }),
            Class::Group { quantified: false } => {
                Some(format!("group:{}", self.name_key(g)))
            }
            _ => None,
        }
    }

    fn merge_in_documents(&mut self) {
        for d in 0..self.found.len() {
            let range =
                self.base[d]..self.base[d] + self.found[d].mentions.len();
            for g in range.clone() {
                if let Some(j) = self.mention(g).refers_to {
                    let target = self.base[d] + j;
                    let form = self.mention(g).forms[0].clone();
                    let name = self.mention(target).name.clone();
                    let doc = self.doc_id(g).to_string();
                    self.union(g, target, || {
                        format!("“{form}” refers back to “{name}” in {doc}")
                    });
                }
            }
            let mut first: BTreeMap<String, usize> = BTreeMap::new();
            for g in range.clone() {
                if let Some(k) = self.key(g) {
                    let f = *first.entry(k).or_insert(g);
                    self.union(f, g, String::new);
                }
            }
            self.short_names_in_document(range);
        }
    }

    /// "Milgram" joins "Anne Milgram" when the document has exactly one
    /// fuller name it fits.
    fn short_names_in_document(&mut self, range: std::ops::Range<usize>) {
        let people: Vec<usize> =
            range.filter(|&g| self.is_name_like(g)).collect();
        // Keys once per mention; the first mention of each distinct key;
        // distinct keys by last word, since a short name fits only names
        // that end as it does. A document of many mentions of few names
        // costs a pass, not a pass per mention.
        let keys: Vec<String> =
            people.iter().map(|&g| self.name_key(g).to_string()).collect();
        let mut first: BTreeMap<&str, usize> = BTreeMap::new();
        let mut by_last: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            first.entry(k.as_str()).or_insert(people[i]);
            let last = k.rsplit(' ').next().unwrap_or("");
            by_last.entry(last).or_default().insert(k.as_str());
        }
        let mut only: HashMap<&str, Option<&str>> = HashMap::new();
        let mut joins = Vec::new();
        for (i, short) in keys.iter().enumerate() {
            let full = *only.entry(short.as_str()).or_insert_with(|| {
                let last = short.rsplit(' ').next().unwrap_or("");
                let mut fuller =
                    by_last[last].iter().filter(|k| fits(short, k));
                match (fuller.next(), fuller.next()) {
                    (Some(k), None) => Some(*k),
                    _ => None,
                }
            });
            if let Some(full) = full {
                joins.push((people[i], first[full]));
            }
        }
        for (s, f) in joins {
            let (sn, fname) =
                (self.mention(s).name.clone(), self.mention(f).name.clone());
            let doc = self.doc_id(s).to_string();
            self.union(s, f, || {
                format!("“{sn}” is the only fuller name’s short form in {doc}: “{fname}”")
            });
        }
    }

    /// A plain name that could be a person's: not a body, not an acronym.
    fn is_name_like(&self, g: usize) -> bool {
        let m = self.mention(g);
        // "US-Mexico" joins two places; it is nobody's full name.
        let compound = m.name.split_once('-').is_some_and(|(a, _)| {
            is_acronym(a) || is_acronym(&format!("{a}."))
        });
        m.class == Class::Name
            && m.refers_to.is_none()
            && !m.is_body()
            && !m.is_acronym()
            && !compound
            && !is_party_plural(&m.name)
    }

    /// The roots of every merged group of mentions, with their members.
    fn clusters(&mut self) -> BTreeMap<usize, Vec<usize>> {
        let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for g in 0..self.at.len() {
            let r = self.root(g);
            out.entry(r).or_default().push(g);
        }
        out
    }

    /// A lone surname the text marks as a person stays in its document.
    fn document_scoped(&self, members: &[usize]) -> bool {
        let names: Vec<&Mention> = members
            .iter()
            .map(|&g| self.mention(g))
            .filter(|m| m.class == Class::Name)
            .collect();
        !names.is_empty()
            && names.iter().all(|m| !m.name.contains(' ') && !m.is_acronym())
            && names.iter().any(|m| m.person)
    }

    fn merge_across_documents(&mut self) {
        let clusters = self.clusters();
        // The first cluster with each key, and the names it has it by.
        let mut by_key: BTreeMap<String, (usize, Vec<String>)> =
            BTreeMap::new();
        // The clusters joined to it, and the names they have it by.
        let mut joined: BTreeMap<String, (Vec<usize>, BTreeSet<String>)> =
            BTreeMap::new();
        for (root, members) in &clusters {
            if self.document_scoped(members) {
                continue;
            }
            // "Obama" joined "Barack Obama" in one article and "Michelle
            // Obama" in another: only the full names may meet.
            let full = members.iter().any(|&g| {
                let m = self.mention(g);
                m.class == Class::Name && m.name.contains(' ')
            });
            // Each key with the names that have it.
            let mut keys: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
            for &g in members {
                let m = self.mention(g);
                if full && m.class == Class::Name && !m.name.contains(' ') {
                    continue;
                }
                if let Some(k) = self.key(g) {
                    keys.entry(k).or_default().insert(&m.name);
                }
            }
            let keys: Vec<(String, Vec<String>)> = keys
                .into_iter()
                .map(|(k, names)| {
                    (k, names.into_iter().map(str::to_string).collect())
                })
                .collect();
            for (k, names) in keys {
                match by_key.get(&k) {
                    Some(&(other, _)) => {
                        if self.union(other, *root, String::new) {
                            let j = joined.entry(k).or_default();
                            j.0.push(*root);
                            j.1.extend(names);
                        }
                    }
                    None => {
                        by_key.insert(k, (*root, names));
                    }
                }
            }
        }
        // One reason per name, however many documents use it: a name in
        // thousands of articles would otherwise give its actor thousands
        // of lines, and the build as much memory.
        for (k, (roots, mut names)) in joined {
            let (first, first_names) = &by_key[&k];
            let first = *first;
            names.extend(first_names.iter().cloned());
            let docs: BTreeSet<&str> = std::iter::once(first)
                .chain(roots.iter().copied())
                .map(|g| self.doc_id(g))
                .collect();
            let names = names.into_iter().collect::<Vec<_>>().join("”, “");
            let why = format!(
                "same name “{names}” (folded: {}) in {}",
                strip_tag(&k),
                document_list(&docs)
            );
            self.reasons.push((first, why));
        }
    }

    /// A short name ("Milgram", "Lopez Obrador") joins the one fuller
    /// name in the corpus that it fits and that the text marks as a
    /// person.
    fn merge_surnames(&mut self) {
        let clusters = self.clusters();
        let mut fuller: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (root, members) in &clusters {
            let person = members.iter().any(|&g| self.mention(g).person);
            for &g in members {
                let m = self.mention(g);
                if person && self.is_name_like(g) && m.name.contains(' ') {
                    fuller
                        .entry(self.name_key(g).to_string())
                        .or_default()
                        .push(*root);
                }
            }
        }
        // A short name fits only fuller names that end with its last
        // word, so each cluster looks at those alone, not at every fuller
        // name in the corpus.
        let mut by_last: HashMap<&str, Vec<(&String, &Vec<usize>)>> =
            HashMap::new();
        for (k, roots) in &fuller {
            let last = k.rsplit(' ').next().unwrap_or("");
            by_last.entry(last).or_default().push((k, roots));
        }
        for (root, members) in &clusters {
            let short: BTreeSet<String> = members
                .iter()
                .filter(|&&g| self.is_name_like(g))
                .map(|&g| self.name_key(g).to_string())
                .collect();
            let Some(first) = short.iter().next() else { continue };
            let last = first.rsplit(' ').next().unwrap_or("");
            let fits_all: Vec<(&String, &Vec<usize>)> = by_last
                .get(last)
                .into_iter()
                .flatten()
                .filter(|(k, _)| short.iter().all(|s| fits(s, k)))
                .copied()
                .collect();
            if let [(full, roots)] = fits_all.as_slice() {
                let (full, target) = ((*full).clone(), roots[0]);
                let name = self.mention(*root).name.clone();
                self.union(*root, target, || {
                    format!("“{name}” is a short form of the only fuller name in the corpus that fits it, “{full}”")
                });
            }
        }
    }

    fn merge_acronyms(&mut self) {
        let clusters = self.clusters();
        let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
        for (root, members) in &clusters {
            for &g in members {
                if let Some(k) = self.key(g) {
                    by_key.entry(k).or_insert(*root);
                }
            }
        }
        let mut defined = BTreeSet::new();
        let mut pairs = Vec::new();
        for (d, f) in self.found.iter().enumerate() {
            for (acr, long) in &f.acronyms {
                defined.insert(key_of(acr));
                pairs.push((acr.clone(), long.clone(), d));
            }
        }
        for (acr, long, d) in pairs {
            let (Some(&a), Some(&l)) =
                (by_key.get(&key_of(&acr)), by_key.get(&key_of(&long)))
            else {
                continue;
            };
            let doc = self.docs[d].document.id.clone();
            self.union(a, l, || {
                format!("acronym {acr} is defined as “{long}” in {doc}")
            });
            let r = self.root(a);
            self.acronym_hits.insert(r);
        }
        self.merge_initials(&by_key, &defined);
    }

    /// An acronym no text defines joins the one multi-word name whose
    /// initials it spells ("PRC", "People’s Republic of China").
    fn merge_initials(
        &mut self,
        by_key: &BTreeMap<String, usize>,
        defined: &BTreeSet<String>,
    ) {
        let acronyms: Vec<(String, usize)> = by_key
            .iter()
            .filter(|(k, _)| !k.contains(':') && !defined.contains(*k))
            .filter(|(_, r)| self.mention(**r).is_acronym())
            .map(|(k, &r)| (k.clone(), r))
            .collect();
        for (acr, a) in acronyms {
            let letters: String =
                acr.chars().filter(|c| c.is_alphabetic()).collect();
            let matches: Vec<(&String, &usize)> = by_key
                .iter()
                .filter(|(k, _)| !k.contains(':') && k.contains(' '))
                .filter(|(k, _)| initials(k) == letters)
                .collect();
            if let [(long, l)] = matches.as_slice() {
                let (long, l) = ((*long).clone(), **l);
                self.union(a, l, || {
                    format!(
                        "{} spells the initials of “{long}”",
                        acr.to_uppercase()
                    )
                });
                let r = self.root(a);
                self.acronym_hits.insert(r);
            }
        }
    }

    fn merge_aliases(&mut self, aliases: &AliasTable) {
        let clusters = self.clusters();
        for entry in &aliases.entries {
            let keys: BTreeSet<String> = std::iter::once(&entry.name)
                .chain(&entry.aliases)
                .map(|n| key_of(n))
                .collect();
            let hits: Vec<usize> = clusters
                .iter()
                .filter(|(_, members)| {
                    members.iter().any(|&g| {
                        self.mention(g).class == Class::Name
                            && keys.contains(self.name_key(g))
                    })
                })
                .map(|(r, _)| *r)
                .collect();
            for pair in hits.windows(2) {
                let name = entry.name.clone();
                self.union(pair[0], pair[1], || {
                    format!(
                        "alias table: “{name}” goes by {:?}",
                        entry.aliases
                    )
                });
            }
            if let Some(&first) = hits.first() {
                let r = self.root(first);
                self.canonical.push((r, entry.name.clone()));
            }
        }
    }

    /// "U.S. Treasury Department" joins "Treasury Department".
    fn merge_qualified(&mut self) {
        let clusters = self.clusters();
        let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
        for (root, members) in &clusters {
            for &g in members {
                if self.mention(g).class == Class::Name {
                    by_key
                        .entry(self.name_key(g).to_string())
                        .or_insert(*root);
                }
            }
        }
        for (key, &r) in &by_key {
            let Some(rest) = key.strip_prefix("us ") else { continue };
            let body = rest.split(' ').next_back().is_some_and(is_body_head);
            if let (true, Some(&other)) =
                (body && rest.contains(' '), by_key.get(rest))
            {
                let (k, rest) = (key.clone(), rest.to_string());
                self.union(r, other, || {
                    format!("“{k}” is “{rest}” with its country")
                });
            }
        }
    }

    /// "Mexico’s government" and "the Mexican government" join "Mexico".
    fn merge_governments(&mut self) {
        let clusters = self.clusters();
        let mut places: BTreeMap<String, usize> = BTreeMap::new();
        let mut people = BTreeSet::new();
        for (root, members) in &clusters {
            if members.iter().any(|&g| self.mention(g).person) {
                people.insert(*root);
            }
            for &g in members {
                let m = self.mention(g);
                if m.class == Class::Name && !m.name.contains(' ') {
                    places
                        .entry(self.name_key(g).to_string())
                        .or_insert(*root);
                }
            }
        }
        for (root, members) in &clusters {
            let Some(key) = members
                .iter()
                .find_map(|&g| self.key(g).filter(|k| k.contains(':')))
            else {
                continue;
            };
            let target = match key.split_once(':') {
                Some(("gov", place)) => places.get(place).copied(),
                Some(("demonym", adj)) => country_of(adj, &places),
                _ => None,
            };
            if let Some(t) = target.filter(|t| !people.contains(t)) {
                self.places.insert(t);
                let name = self.mention(*root).name.clone();
                self.union(*root, t, || {
                    format!("“{name}” is the government of the place named so")
                });
            }
        }
    }

    fn build(mut self, aliases: &AliasTable) -> CorpusActors {
        let _ = aliases;
        let clusters = self.clusters();
        let mut ids: BTreeMap<usize, String> = BTreeMap::new();
        let mut used = BTreeSet::new();
        // Names only for the clusters that become actors: most clusters
        // are capitalised words that never do.
        let mut names: BTreeMap<usize, String> = BTreeMap::new();
        let targets = self.affiliation_targets(&clusters);
        self.mark_places(&clusters);
        for (r, members) in &clusters {
            if !self.worthy(*r, members) && !targets.contains(r) {
                continue;
            }
            let name = self.name_of(*r, members);
            let id = self.id_of(*r, members, &name, &used);
            used.insert(id.clone());
            ids.insert(*r, id);
            names.insert(*r, name);
        }
        let index = self.name_index_from(&ids);
        let mut reasons: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (r, why) in self.reasons.iter().filter(|(_, w)| !w.is_empty()) {
            reasons.entry(self.parent_root(*r)).or_default().push(why.clone());
        }
        let mut actors = Vec::new();
        for (r, members) in &clusters {
            let Some(id) = ids.get(r) else { continue };
            let mut actor =
                self.actor(*r, members, id, &names[r], &ids, &index);
            actor.evidence = reasons.remove(r).unwrap_or_default();
            actor.evidence.sort();
            actor.evidence.dedup();
            actors.push(actor);
        }
        actors.sort_by(|a, b| a.id.cmp(&b.id));
        let mut speakers = HashMap::new();
        for (d, f) in self.found.iter().enumerate() {
            for (span, m) in &f.speakers {
                let g = self.base[d] + m;
                let r = self.parent_root(g);
                if let Some(id) = ids.get(&r) {
                    let doc = self.docs[d].document.id.clone();
                    speakers.insert((doc, *span), id.clone());
                }
            }
        }
        CorpusActors { actors, speakers }
    }

    fn parent_root(&self, mut g: usize) -> usize {
        while self.parent[g] != g {
            g = self.parent[g];
        }
        g
    }

    /// Roots that some mention names as its body.
    fn affiliation_targets(
        &self,
        clusters: &BTreeMap<usize, Vec<usize>>,
    ) -> BTreeSet<usize> {
        let index = self.name_index(clusters);
        clusters
            .values()
            .flatten()
            .flat_map(|&g| self.mention(g).affiliations.iter())
            .filter_map(|a| find_body(a, &index))
            .collect()
    }

    /// Affiliations that are a people's adjective or a single word before
    /// a title name places.
    fn mark_places(&mut self, clusters: &BTreeMap<usize, Vec<usize>>) {
        let index = self.name_index(clusters);
        let found: Vec<usize> = clusters
            .values()
            .flatten()
            .flat_map(|&g| self.mention(g).affiliations.iter())
            .filter(|a| !a.contains(' ') && !is_acronym(a) || is_demonym(a))
            .filter_map(|a| find_body(a, &index))
            .collect();
        self.places.extend(found);
    }

    fn name_index(
        &self,
        clusters: &BTreeMap<usize, Vec<usize>>,
    ) -> BTreeMap<String, usize> {
        let mut index = BTreeMap::new();
        for (r, members) in clusters {
            for &g in members {
                let m = self.mention(g);
                if matches!(
                    m.class,
                    Class::Name | Class::Unit | Class::Government
                ) {
                    index.entry(self.name_key(g).to_string()).or_insert(*r);
                }
            }
        }
        index
    }

    /// True when the group is an actor: it speaks, is described as a
    /// person, names a body or a government, or a rule joined it.
    fn worthy(&self, root: usize, members: &[usize]) -> bool {
        self.acronym_hits.contains(&root)
            || self.canonical.iter().any(|(r, _)| *r == root)
            || members.iter().any(|&g| {
                let m = self.mention(g);
                m.speaker
                    || m.person
                    || !m.roles.is_empty()
                    || matches!(m.class, Class::Government | Class::Unit)
                    || is_party_plural(&m.name)
                    || (m.class == Class::Name
                        && m.name.contains(' ')
                        && m.is_body())
            })
    }

    /// The name an actor is shown under.
    fn name_of(&self, root: usize, members: &[usize]) -> String {
        if let Some((_, name)) =
            self.canonical.iter().rev().find(|(r, _)| *r == root)
        {
            return name.clone();
        }
        let ms: Vec<&Mention> =
            members.iter().map(|&g| self.mention(g)).collect();
        let person =
            ms.iter().any(|m| m.person) && !ms.iter().any(|m| m.is_body());
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        for m in ms
            .iter()
            .filter(|m| m.class == Class::Name && m.refers_to.is_none())
        {
            *names.entry(m.name.as_str()).or_default() += 1;
        }
        if names.is_empty() {
            return ms[0].name.clone();
        }
        best_name(&names, person).unwrap_or_default().to_string()
    }

    fn id_of(
        &self,
        root: usize,
        members: &[usize],
        name: &str,
        used: &BTreeSet<String>,
    ) -> String {
        let slug: String = key_of(name)
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let alone = members.iter().any(|&g| {
            matches!(
                self.mention(g).class,
                Class::Anonymous
                    | Class::Pronoun
                    | Class::Group { quantified: true }
            )
        }) || self.document_scoped(members);
        let id = format!("actor:{slug}");
        if alone || used.contains(&id) {
            let m = self.mention(root);
            format!("actor:{slug}@{}:{}", self.doc_id(root), m.span.start)
        } else {
            id
        }
    }

    fn actor(
        &self,
        root: usize,
        members: &[usize],
        id: &str,
        name: &str,
        ids: &BTreeMap<usize, String>,
        index: &BTreeMap<String, usize>,
    ) -> Actor {
        let mut actor = Actor::new(id, name, self.kind_of(members), name);
        actor.mentions.clear();
        for &g in members {
            let m = self.mention(g);
            actor
                .mentions
                .extend(m.forms.iter().filter(|f| !f.is_empty()).cloned());
            actor.roles.extend(m.roles.iter().cloned());
            for a in &m.affiliations {
                let target = find_body(a, index).and_then(|r| ids.get(&r));
                if let Some(t) = target.filter(|t| *t != id) {
                    actor.affiliations.push(t.clone());
                }
            }
        }
        let _ = root;
        if actor.kind == ActorKind::Person {
            // People are not "the Biden": such a form is a modifier's.
            actor.mentions.retain(|f| !is_article_name(f));
        }
        for list in [
            &mut actor.mentions,
            &mut actor.roles,
            &mut actor.affiliations,
            &mut actor.evidence,
        ] {
            list.sort();
            list.dedup();
        }
        actor
    }

    fn name_index_from(
        &self,
        ids: &BTreeMap<usize, String>,
    ) -> BTreeMap<String, usize> {
        let mut index = BTreeMap::new();
        for g in 0..self.at.len() {
            let r = self.parent_root(g);
            if !ids.contains_key(&r) {
                continue;
            }
            let m = self.mention(g);
            if matches!(m.class, Class::Name | Class::Unit | Class::Government)
            {
                index.entry(self.name_key(g).to_string()).or_insert(r);
            }
        }
        index
    }

    /// What sort of actor a group of mentions is.
    fn kind_of(&self, members: &[usize]) -> ActorKind {
        let ms: Vec<&Mention> =
            members.iter().map(|&g| self.mention(g)).collect();
        let any = |f: &dyn Fn(&Mention) -> bool| ms.iter().any(|m| f(m));
        if any(&|m| matches!(m.class, Class::Anonymous | Class::Pronoun)) {
            return ActorKind::Anonymous;
        }
        if any(&|m| matches!(m.class, Class::Group { .. })) {
            return ActorKind::Group;
        }
        let headed = any(&|m| m.class == Class::Name && m.is_body());
        if any(&|m| m.person) && !headed {
            return ActorKind::Person;
        }
        let body =
            headed || any(&|m| m.class == Class::Name && m.is_acronym());
        let place = members.iter().any(|g| self.places.contains(g));
        let governing = place
            || any(&|m| {
                m.class == Class::Government
                    || m.name
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| is(w, WordClass::Government))
            });
        if governing {
            return ActorKind::Government;
        }
        if body
            || any(&|m| m.class == Class::Unit || is_publication_name(&m.name))
        {
            return ActorKind::Organisation;
        }
        let plural = any(&|m| is_party_plural(&m.name));
        if plural { ActorKind::Group } else { ActorKind::Person }
    }
}

/// True when `short` names the same person as the longer `full`: its
/// words appear in order in `full` and it ends with `full`'s last word
/// ("lopez obrador", "anne milgram" for "anne m milgram"). A name that
/// only starts the same ("Donald Trump" in a headline "Donald Trump Is
/// Right") is no evidence.
fn fits(short: &str, full: &str) -> bool {
    let s: Vec<&str> = short.split(' ').collect();
    let f: Vec<&str> = full.split(' ').collect();
    // Five words and more are a headline's, not a person's name.
    if s.len() >= f.len() || f.len() > 4 {
        return false;
    }
    let mut rest = f.iter();
    let in_order = s.iter().all(|w| rest.any(|x| x == w));
    in_order && s.last() == f.last()
}

/// The form that names an actor, from its name forms and how often the
/// corpus uses each: for a person the fullest name (up to four words),
/// then the one with accented letters, then the most used; for a body
/// a name before an acronym, then the most used. A person's form used
/// less than a quarter as often as the most used one ("Horrified By
/// Donald Trump", a headline's capitals, against hundreds of "Donald
/// Trump") never names them; a body's spelled-out name does, however
/// often the text uses its acronym instead.
fn best_name<'n>(
    names: &BTreeMap<&'n str, usize>,
    person: bool,
) -> Option<&'n str> {
    let most = names.values().copied().max().unwrap_or(1);
    let common = |c: usize| !person || c * 4 >= most;
    let best =
        names.iter().filter(|(_, c)| common(**c)).max_by_key(|(n, count)| {
            let words = n.split_whitespace().count();
            let accents = n
                .chars()
                .filter(|c| c.is_alphabetic() && !c.is_ascii())
                .count();
            let acronym = is_acronym(n);
            if person {
                // Five words and more are rarely one person's name.
                let words = if words > 4 { 0 } else { words };
                (words, accents, **count, 0, std::cmp::Reverse(n.len()))
            } else {
                (
                    usize::from(!acronym),
                    accents.min(1),
                    **count,
                    usize::from(words > 1),
                    std::cmp::Reverse(n.len()),
                )
            }
        });
    best.map(|(n, _)| *n)
}

/// The initials of a folded multi-word name, small words skipped.
fn initials(key: &str) -> String {
    key.split(' ')
        .filter(|w| !matches!(*w, "of" | "for" | "on" | "the" | "and" | "de"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// The place a people's adjective names: "mexican" -> "mexico", when
/// exactly one one-word name starts with its stem.
fn country_of(
    adjective: &str,
    places: &BTreeMap<String, usize>,
) -> Option<usize> {
    let stem = ["ian", "ese", "ish", "an", "i"]
        .iter()
        .find_map(|s| adjective.strip_suffix(s))
        .filter(|s| s.chars().count() >= 4)?;
    let found: Vec<usize> = places
        .iter()
        .filter(|(k, _)| k.starts_with(stem) && k.len() <= stem.len() + 2)
        .filter(|(k, _)| !k.contains(' ') && !is_demonym(&capitalised(k)))
        .map(|(_, &r)| r)
        .collect();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The root of the body named `name`, by folded name or people's
/// adjective.
fn find_body(name: &str, index: &BTreeMap<String, usize>) -> Option<usize> {
    let key = key_of(name);
    if let Some(r) = country_of(&key, index).filter(|_| is_demonym(name)) {
        return Some(r);
    }
    index.get(&key).copied()
}

/// True for "Republicans", "Democrats", "Americans": one capitalised
/// word naming the members of a party or a people.
fn is_party_plural(name: &str) -> bool {
    !name.contains(' ')
        && name.starts_with(char::is_uppercase)
        && ["ans", "ats", "ists"].iter().any(|s| name.ends_with(s))
}

/// True for "the Biden": an article before a bare name, which a person's
/// name never takes (unlike "the DEA’s Milgram", "the former attorney
/// general").
fn is_article_name(form: &str) -> bool {
    let mut words = form.split(' ');
    let article = matches!(words.next(), Some("the" | "The"));
    let rest: Vec<&str> = words.collect();
    article
        && rest.iter().all(|w| w.starts_with(char::is_uppercase))
        && !rest.iter().any(|w| w.ends_with("’s") || w.ends_with("'s"))
}

/// `word` with its first letter in upper case.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

fn strip_tag(key: &str) -> &str {
    key.split_once(':').map_or(key, |(_, k)| k)
}

/// The documents of a merge reason, in id order: "a and b" for two, and
/// for more their number with the first few ("in 412 documents: a, b,
/// c, … and 402 more").
fn document_list(docs: &BTreeSet<&str>) -> String {
    const SHOWN: usize = 10;
    let list: Vec<&str> = docs.iter().take(SHOWN).copied().collect();
    match docs.len() {
        0 | 1 => list.join(""),
        2 => list.join(" and "),
        n if n <= SHOWN => format!("{n} documents: {}", list.join(", ")),
        n => format!(
            "{n} documents: {} and {} more",
            list.join(", "),
            n - SHOWN
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_surnames_and_first_name_surnames() {
        assert!(fits("milgram", "anne milgram"));
        assert!(fits("lopez obrador", "andres manuel lopez obrador"));
        assert!(fits("anne milgram", "anne m milgram"));
        assert!(!fits("donald trump", "donald trump is right"));
        assert!(!fits("clinton", "chris christie calls hillary clinton"));
        assert!(!fits("clinton", "clinton foundation head"));
        assert!(!fits("bill clinton", "hillary clinton"));
        assert!(!fits("manuel lopez", "andres manuel lopez obrador"));
    }

    #[test]
    fn an_actor_is_named_by_a_form_the_corpus_uses_often() {
        let names = BTreeMap::from([
            ("Horrified’ By Donald Trump", 1),
            ("Donald Trump", 40),
            ("Donald J. Trump", 12),
        ]);
        assert_eq!(best_name(&names, true), Some("Donald J. Trump"));
        let names = BTreeMap::from([
            ("López Obrador", 6),
            ("Andrés Manuel López Obrador", 3),
        ]);
        assert_eq!(
            best_name(&names, true),
            Some("Andrés Manuel López Obrador")
        );
        let names = BTreeMap::from([
            ("DEA", 30),
            ("Drug Enforcement Administration", 2),
        ]);
        assert_eq!(
            best_name(&names, false),
            Some("Drug Enforcement Administration")
        );
    }

    #[test]
    fn initials_skip_small_words() {
        assert_eq!(initials("peoples republic of china"), "prc");
        assert_eq!(initials("united states"), "us");
    }

    #[test]
    fn demonyms_find_their_country() {
        let mut places = BTreeMap::new();
        places.insert("mexico".to_string(), 1);
        places.insert("china".to_string(), 2);
        assert_eq!(country_of("mexican", &places), Some(1));
        assert_eq!(country_of("chinese", &places), Some(2));
        assert_eq!(country_of("canadian", &places), None);
    }
}
