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
//! either could take, in the corpus or in its own article ("Brennan"
//! beside "former mayor Thomas Brennan" and "Council member Linda
//! Brennan"): a wrong merge is worse than a split. Mentions that
//! speak, hold a title or role, or name a body become actors; other
//! capitalised words ("Western Hemisphere") are dropped.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::mentions::{
    Class, DocMentions, Mention, find, is_acronym, is_demonym, key_of,
    may_be_first_name,
};
use super::merging::{Clusters, Keys, Sets};
use super::names::{self, is_publication_name, without_generation};
use super::packed::{MentionRef, PackedMentions, Strings};
use super::words::{WordClass, is, is_body_head};
use crate::graph::{Actor, ActorKind};
use crate::model::{AliasTable, Extracted, Span, Spill};

/// The corpus's actors, and the actor each report's speaker stands for.
#[derive(Clone, Debug, Default)]
pub struct CorpusActors {
    /// Every actor, sorted by id.
    pub actors: ActorList,
    /// For each document, in the order given, the id of the actor of
    /// each of its attributions, if any.
    pub reports: ReportActors,
}

/// A corpus's actors, sorted by id. When the corpus's texts wait in a
/// temporary file ([`Spill`]), the actors wait there too, each written as
/// soon as it is made: they are not needed again until the graph is
/// built, and the corpus's claim groups are found in between.
#[derive(Clone, Debug, Default)]
pub struct ActorList {
    /// Each actor's id, with the actor or where it was written.
    slots: Vec<(Arc<str>, Slot)>,
    spill: Option<Arc<Spill>>,
}

/// An actor of an [`ActorList`].
#[derive(Clone, Debug)]
enum Slot {
    Held(Box<Actor>),
    /// Where [`Spill::write_value`] put it.
    Spilled(u64, u32),
}

impl ActorList {
    /// The number of actors.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// The actors, sorted by id, each read back when it was written out.
    ///
    /// # Panics
    ///
    /// When the temporary file cannot be read back (it was removed, or
    /// the disk failed).
    pub fn into_actors(self) -> impl Iterator<Item = Actor> {
        let spill = self.spill;
        self.slots.into_iter().map(move |(id, slot)| match slot {
            Slot::Held(actor) => *actor,
            Slot::Spilled(at, len) => spill
                .as_ref()
                .expect("written to the list's file")
                .read_value(at, len)
                .unwrap_or_else(|e| {
                    panic!(
                        "cannot read actor {id} back from the build's \
                         temporary file: {e}"
                    )
                }),
        })
    }
}

/// Finds and merges the actors of `docs`.
///
/// The result does not depend on the order of `docs`.
pub fn corpus_actors(
    docs: &[Extracted],
    aliases: &AliasTable,
) -> CorpusActors {
    // The documents' places in `docs`, in id order.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| docs[a].document.id.cmp(&docs[b].document.id));
    let sorted: Vec<&Extracted> = order.iter().map(|&d| &docs[d]).collect();
    let mut c = Corpus::new(&sorted);
    c.merge_in_documents();
    c.merge_across_documents();
    c.merge_surnames();
    c.merge_acronyms();
    c.merge_aliases(aliases);
    c.merge_qualified();
    c.merge_governments();
    c.build(&order)
}

/// How many clusters a pass over all of them works on at a time: what
/// it makes per cluster is held for a run only, and a large corpus has
/// tens of millions of clusters, most of them one capitalised word.
const RUN: usize = 1 << 16;

/// "No key": a mention that merges by no key.
const NONE: u32 = u32::MAX;

/// `n` as a u32: the corpus's lists of affiliation keys hold under 4
/// billion entries, as its mentions are under 4 billion.
fn key_count(n: usize) -> u32 {
    u32::try_from(n).expect("under 4 billion")
}

/// A cluster's members as indexes into the mention arrays.
fn indexes(members: &[u32]) -> impl Iterator<Item = usize> + '_ {
    members.iter().map(|&g| g as usize)
}

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
type FastSet<K> = HashSet<K, foldhash::fast::RandomState>;

/// What the merge rules read of every mention of the corpus, found once
/// and never changed: the mentions, and their keys as numbers.
struct Mentions<'d> {
    docs: Vec<&'d Extracted>,
    /// Every mention, by global index.
    all: PackedMentions,
    /// Each document's acronym definitions, as (acronym, expansion).
    acronyms: Vec<Vec<(String, String)>>,
    /// Every speaker span, by document, with the global index of its
    /// mention.
    speakers: Vec<Speaker>,
    /// Where each document's speakers start in `speakers`, and the end.
    speakers_at: Vec<u32>,
    /// Every key the rules look up: names, merge keys, affiliations.
    keys: Keys,
    /// The number of `key_of` each string of the mentions that is a
    /// name or an affiliation, by its number in the packed mentions
    /// ([`NONE`] for others): a mention's name key and affiliations'
    /// keys, at the cost of the corpus's distinct strings, not of its
    /// mentions.
    string_keys: Vec<u32>,
    /// The number of the key each mention merges by ([`merge_key`]), or
    /// [`NONE`].
    merge_keys: Vec<u32>,
    /// Each document's acronym definitions, as numbers of the `key_of`
    /// of the acronym and of its expansion, when they are keys.
    acronym_keys: Vec<Vec<(Option<u32>, Option<u32>)>>,
    /// Global index of each document's first mention, and the number of
    /// mentions at the end.
    base: Vec<usize>,
}

/// A speaker span and the global index of its mention, as u32s (spans
/// as in [`Packed`](super::packed::Packed)): 12 bytes, not 24.
#[derive(Clone, Copy, Debug)]
struct Speaker {
    start: u32,
    end: u32,
    mention: u32,
}

impl Speaker {
    fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// How many documents have their mentions found at a time: the full
/// mentions of one batch are held, those of the corpus only packed.
const BATCH: usize = 1024;

/// Why two mentions of one document are merged.
#[derive(Clone, Copy, Debug)]
enum InDocument {
    /// The same key.
    Key,
    /// The first refers back to the second.
    RefersBack,
    /// The first is the short form of the second, the one fuller name
    /// of the document it fits.
    ShortForm,
}

/// Why an actor's mentions were merged: a reason given in words, or a
/// union inside a document, put in words when the actor is made.
#[derive(Debug)]
enum Why {
    Given(String),
    InDocument(Union),
}

/// A union inside a document: two mentions by global index (u32, as a
/// corpus has under 4 billion mentions) and why.
#[derive(Clone, Copy, Debug)]
struct Union {
    a: u32,
    b: u32,
    why: InDocument,
}

impl Union {
    fn new(a: usize, b: usize, why: InDocument) -> Union {
        Union { a: key_count(a), b: key_count(b), why }
    }

    /// What the union joined, as a reason says it: its kind, the form
    /// that joined and the name it joined; `None` for a shared key,
    /// which needs no reason.
    fn pair<'m>(&self, m: &'m Mentions) -> Option<(Joined, &'m str, &'m str)> {
        let (a, b) = (self.a as usize, self.b as usize);
        match self.why {
            InDocument::Key => None,
            InDocument::RefersBack => {
                let form = m.mention(a).forms().next().expect("a form");
                Some((Joined::RefersBack, form, m.mention(b).name))
            }
            InDocument::ShortForm => {
                Some((Joined::ShortForm, m.mention(a).name, m.mention(b).name))
            }
        }
    }
}

/// The kind of a union inside a document that a reason names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Joined {
    RefersBack,
    ShortForm,
}

/// The reasons for an actor's unions inside documents: one line for each
/// form and the name it joined, with the documents where it did ("in
/// 412 documents: a, b, … and 402 more"), as for a name shared across
/// documents. One line a document would give a name in thousands of
/// articles thousands of lines, and the build as much memory.
fn in_document_reasons<'m>(
    unions: impl Iterator<Item = Union>,
    m: &'m Mentions,
) -> impl Iterator<Item = String> + 'm {
    let mut joined: BTreeMap<(Joined, &str, &str), BTreeSet<&str>> =
        BTreeMap::new();
    for u in unions {
        if let Some(pair) = u.pair(m) {
            joined.entry(pair).or_default().insert(m.doc_id(u.a as usize));
        }
    }
    joined.into_iter().map(|((kind, form, name), docs)| {
        let docs = document_list(&docs);
        match kind {
            Joined::RefersBack => {
                format!("“{form}” refers back to “{name}” in {docs}")
            }
            Joined::ShortForm => format!(
                "“{form}” is the short form of “{name}”, the only fuller name it fits in {docs}"
            ),
        }
    })
}

/// How many documents the unions inside documents are found for at a
/// time: those of a run are held, not those of the corpus.
const DOC_RUN: usize = 4096;

impl<'d> Mentions<'d> {
    fn new(docs: &[&'d Extracted]) -> Mentions<'d> {
        let mut all = PackedMentions::default();
        let mut acronyms = Vec::with_capacity(docs.len());
        let mut speakers = Vec::new();
        let mut speakers_at = Vec::with_capacity(docs.len() + 1);
        let mut base = Vec::with_capacity(docs.len() + 1);
        // Merge keys numbered as first seen, then renumbered in sorted
        // order.
        let mut seen = Strings::default();
        let mut merge_keys = Vec::new();
        // A batch of documents on every core, then its mentions packed
        // and its keys numbered in document order.
        for batch in docs.chunks(BATCH) {
            let found: Vec<(DocMentions, Vec<Option<String>>)> = batch
                .par_iter()
                .map(|x| {
                    let f = find(&x.text(), &x.attributions);
                    let merge = f.mentions.iter().map(merge_key_of).collect();
                    (f, merge)
                })
                .collect();
            for (f, merge) in found {
                base.push(all.len());
                for (m, k) in f.mentions.iter().zip(merge) {
                    all.push(m, |body| is_name_like(m, body));
                    merge_keys
                        .push(k.as_deref().map_or(NONE, |k| seen.number(k)));
                }
                acronyms.push(f.acronyms);
                speakers_at.push(key_count(speakers.len()));
                let first = base[base.len() - 1];
                speakers.extend(f.speakers.iter().map(|&(span, m)| Speaker {
                    start: key_count(span.start()),
                    end: key_count(span.end()),
                    mention: key_count(first + m),
                }));
            }
        }
        base.push(all.len());
        speakers_at.push(key_count(speakers.len()));
        speakers.shrink_to_fit();
        all.finish();
        // The keys of the names and affiliations, once per distinct
        // string: the same names recur in thousands of articles.
        let folded: Vec<Option<String>> = all
            .strings()
            .par_iter()
            .zip(all.names_and_affiliations())
            .map(|(s, used)| used.then(|| key_of(s)))
            .collect();
        let seen = seen.into_list();
        let keys = Keys::new(
            seen.iter()
                .map(|k| &**k)
                .chain(folded.iter().flatten().map(String::as_str)),
        );
        let number = |k: &str| keys.number(k).expect("a key");
        let string_keys: Vec<u32> = folded
            .par_iter()
            .map(|k| k.as_deref().map_or(NONE, number))
            .collect();
        drop(folded);
        let rank: Vec<u32> = seen.par_iter().map(|k| number(k)).collect();
        drop(seen);
        merge_keys
            .par_iter_mut()
            .filter(|k| **k != NONE)
            .for_each(|k| *k = rank[*k as usize]);
        merge_keys.shrink_to_fit();
        let acronym_keys = acronyms
            .par_iter()
            .map(|per_doc: &Vec<(String, String)>| {
                per_doc
                    .iter()
                    .map(|(acr, long)| {
                        (keys.number(&key_of(acr)), keys.number(&key_of(long)))
                    })
                    .collect()
            })
            .collect();
        Mentions {
            docs: docs.to_vec(),
            all,
            acronyms,
            speakers,
            speakers_at,
            keys,
            string_keys,
            merge_keys,
            acronym_keys,
            base,
        }
    }

    fn len(&self) -> usize {
        self.all.len()
    }

    /// The global indexes of document `d`'s mentions.
    fn range(&self, d: usize) -> Range<usize> {
        self.base[d]..self.base[d + 1]
    }

    /// The number of `key_of` mention `g`'s name.
    fn name_key(&self, g: usize) -> u32 {
        self.string_keys[self.all.name_number(g) as usize]
    }

    /// True when mention `g` is [`is_name_like`].
    fn name_like(&self, g: usize) -> bool {
        self.mention(g).name_like
    }

    /// The key mention `g` merges by, if any.
    fn merge_key(&self, g: usize) -> Option<u32> {
        Some(self.merge_keys[g]).filter(|&k| k != NONE)
    }

    /// Inlined as [`PackedMentions::get`] is, so that a caller that
    /// reads a field or two makes only those.
    #[inline]
    fn mention(&self, g: usize) -> MentionRef<'_> {
        self.all.get(g)
    }

    fn doc_id(&self, g: usize) -> &str {
        &self.docs[self.doc_index(g)].document.id
    }

    /// The index of mention `g`'s document.
    fn doc_index(&self, g: usize) -> usize {
        // The last document whose mentions start at or before `g`: those
        // with none start where the next one does.
        self.base.partition_point(|&b| b <= g) - 1
    }

    /// Mention `g`'s affiliations, each with the number of its key.
    fn affiliations(&self, g: usize) -> impl Iterator<Item = (&str, u32)> {
        let numbers = self.all.affiliation_numbers(g);
        let keys = numbers.iter().map(|&n| self.string_keys[n as usize]);
        self.mention(g).affiliations().zip(keys)
    }

    /// The unions inside document `d`, in the order they are made: a
    /// mention that refers back with what it refers to, each mention
    /// with the first of the same key, then short names with the one
    /// fuller name they fit.
    fn unions_in(&self, d: usize) -> Vec<Union> {
        let range = self.range(d);
        let mut unions = Vec::new();
        for g in range.clone() {
            if let Some(j) = self.mention(g).refers_to {
                let to = self.base[d] + j;
                unions.push(Union::new(g, to, InDocument::RefersBack));
            }
        }
        let mut first: FastMap<u32, usize> = FastMap::default();
        for g in range.clone() {
            if let Some(k) = self.merge_key(g) {
                let f = *first.entry(k).or_insert(g);
                unions.push(Union::new(f, g, InDocument::Key));
            }
        }
        self.short_names(range, &mut unions);
        unions
    }

    /// "Milgram" joins "Anne Milgram" when the document (the mentions
    /// `range`) has exactly one fuller name it fits.
    fn short_names(&self, range: Range<usize>, unions: &mut Vec<Union>) {
        let people: Vec<usize> =
            range.filter(|&g| self.name_like(g)).collect();
        // The first mention of each distinct key; distinct keys by last
        // word, since a short name fits only names that end as it does.
        // A document of many mentions of few names costs a pass, not a
        // pass per mention.
        let mut first: FastMap<u32, usize> = FastMap::default();
        let mut by_last: FastMap<&str, BTreeSet<u32>> = FastMap::default();
        for &g in &people {
            let k = self.name_key(g);
            first.entry(k).or_insert(g);
            let last = self.keys.get(k).rsplit(' ').next().unwrap_or("");
            by_last.entry(last).or_default().insert(k);
        }
        let mut only: FastMap<u32, Option<u32>> = FastMap::default();
        for &g in &people {
            let short = self.name_key(g);
            let full = *only.entry(short).or_insert_with(|| {
                let short = self.keys.get(short);
                let last = short.rsplit(' ').next().unwrap_or("");
                let mut fuller = by_last[last]
                    .iter()
                    .filter(|&&k| fits(short, self.keys.get(k)));
                match (fuller.next(), fuller.next()) {
                    (Some(&k), None) => Some(k),
                    _ => None,
                }
            });
            if let Some(full) = full {
                unions.push(Union::new(
                    g,
                    first[&full],
                    InDocument::ShortForm,
                ));
            }
        }
    }

    /// The keys a cluster merges with others by, each with a name that
    /// has it, sorted and without repeats; none for a cluster kept to
    /// its document.
    fn names_by_key(&self, members: &[u32]) -> Vec<(u32, &str)> {
        if self.document_scoped(members) {
            return Vec::new();
        }
        // "Obama" joined "Barack Obama" in one article and "Michelle
        // Obama" in another: only the full names may meet.
        let full = indexes(members).any(|g| {
            let x = self.mention(g);
            x.class == Class::Name && x.name.contains(' ')
        });
        let mut keys: Vec<(u32, &str)> = indexes(members)
            .filter(|&g| {
                let x = self.mention(g);
                !(full && x.class == Class::Name && !x.name.contains(' '))
            })
            .filter_map(|g| Some((self.merge_key(g)?, self.mention(g).name)))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// A lone surname the text marks as a person stays in its document.
    ///
    /// The names are read three times over rather than gathered: a
    /// name in every article of a large corpus has millions of mentions,
    /// and a list of them hundreds of megabytes.
    fn document_scoped(&self, members: &[u32]) -> bool {
        let names = || {
            indexes(members)
                .map(|g| self.mention(g))
                .filter(|m| m.class == Class::Name)
        };
        names().next().is_some()
            && names().all(|m| !m.name.contains(' ') && !m.is_acronym())
            && names().any(|m| m.person)
    }

    /// The root of the body named `name` (whose key is numbered `key`),
    /// by folded name or people's adjective; `index` is the root of each
    /// key's first actor.
    fn find_body(
        &self,
        name: &str,
        key: u32,
        index: &[usize],
    ) -> Option<usize> {
        let root =
            |n: u32| Some(index[n as usize]).filter(|&r| r != usize::MAX);
        let country = || country_of(self.keys.get(key), &self.keys, root);
        is_demonym(name).then(country).flatten().or_else(|| root(key))
    }
}

/// The key mention `m` merges by, if any.
fn merge_key_of(m: &Mention) -> Option<String> {
    if m.refers_to.is_some() {
        return None;
    }
    match m.class {
        // "Poll: Trump leads …", "Report: …", "Women …": a common noun
        // set in capitals names a different thing in each article.
        Class::Name if is_common_noun(&m.name) => None,
        Class::Name | Class::Unit => Some(key_of(&m.name)),
        Class::Government => Some(match &m.country {
            Some(c) if is_demonym(c) => {
                format!("demonym:{}", c.to_lowercase())
            }
            Some(c) => format!("gov:{}", key_of(c)),
            None => key_of(&m.name),
        }),
        Class::Group { local: false } => {
            Some(format!("group:{}", key_of(&m.name)))
        }
        _ => None,
    }
}

/// True when `name` is one word that, in lower case, is a noun for a
/// document, a singular noun for a speaker or a role ("Poll",
/// "Report", "Campaign", "Editor", "Republican") or the head of a
/// newspaper's name ("Post",
/// "Times": which paper, each article says): no name of one actor,
/// whatever its capital says. Plurals ("Democrats") name groups that do
/// recur.
fn is_common_noun(name: &str) -> bool {
    if name.contains(' ') {
        return false;
    }
    super::words::with_lower(name, |lower| {
        let Ok(lower) = std::str::from_utf8(lower) else { return false };
        let plural = lower.ends_with('s') && !lower.ends_with("ss");
        let lexicon = crate::extract::lexicon::Lexicon::get();
        // "A Republican said …", "the Democrat": one word of a role
        // names a different member in each article ("GOP", in capitals,
        // is the party).
        let class = super::words::class_of(lower);
        let role = class == Some(WordClass::Role)
            && name.chars().any(char::is_lowercase);
        crate::extract::is_document_noun(lower)
            || ((lexicon.is_speaker_noun(lower) || role) && !plural)
            || class == Some(WordClass::Publication)
    })
}

/// A plain name that could be a person's: not a body, not an acronym.
/// `body` is whether `m`'s name is a body's ([`Mention::is_body`]).
fn is_name_like(m: &Mention, body: bool) -> bool {
    // "US-Mexico" joins two places; it is nobody's full name.
    let compound = m
        .name
        .split_once('-')
        .is_some_and(|(a, _)| is_acronym(a) || is_acronym(&format!("{a}.")));
    m.class == Class::Name
        && m.refers_to.is_none()
        && !body
        && !m.is_acronym()
        && !compound
        && !is_party_plural(&m.name)
}

/// Union-find over every mention of the corpus, with the reasons for
/// each union.
struct Corpus<'d> {
    m: Mentions<'d>,
    sets: Sets,
    /// The unions inside documents that have a reason, with the root
    /// when they were made.
    in_documents: Vec<(u32, Union)>,
    /// Roots the alias table named, with the canonical name.
    canonical: Vec<(usize, String)>,
    /// Roots an acronym rule joined.
    acronym_hits: BTreeSet<usize>,
    /// Mentions of places: what a people's adjective names ("Mexican"
    /// -> Mexico), or what stands before a title ("Arizona Attorney
    /// General").
    places: BTreeSet<usize>,
    /// The last words of the corpus's names of two words or more, as
    /// keys ("clinton" of "Hillary Clinton"), made when first asked.
    surnames: std::sync::OnceLock<FastSet<String>>,
}

impl<'d> Corpus<'d> {
    fn new(docs: &[&'d Extracted]) -> Corpus<'d> {
        let m = Mentions::new(docs);
        let sets = Sets::new(m.len());
        Corpus {
            m,
            sets,
            in_documents: Vec::new(),
            canonical: Vec::new(),
            acronym_hits: BTreeSet::new(),
            places: BTreeSet::new(),
            surnames: std::sync::OnceLock::new(),
        }
    }

    /// The merged groups of mentions as they are now.
    fn clusters(&mut self) -> Clusters {
        Clusters::of(&mut self.sets)
    }

    /// Merges inside each document: the unions are found on every core,
    /// then made in document order.
    /// Their reasons are written out in [`Corpus::build`], for the
    /// actors alone: most unions join mentions that become none.
    fn merge_in_documents(&mut self) {
        let n = self.m.docs.len();
        for lo in (0..n).step_by(DOC_RUN) {
            let m = &self.m;
            let unions: Vec<Vec<Union>> = (lo..(lo + DOC_RUN).min(n))
                .into_par_iter()
                .map(|d| m.unions_in(d))
                .collect();
            for u in unions.into_iter().flatten() {
                let (a, b) = (u.a as usize, u.b as usize);
                let joined = self.sets.union(a, b, String::new);
                if joined && !matches!(u.why, InDocument::Key) {
                    // The root the reason was given at, as for others.
                    let root = key_count(self.sets.root(a));
                    self.in_documents.push((root, u));
                }
            }
        }
        self.in_documents.shrink_to_fit();
    }

    fn merge_across_documents(&mut self) {
        let clusters = self.clusters();
        let m = &self.m;
        // The first cluster with each key, and the names it has it by.
        let mut by_key: FastMap<u32, (usize, Vec<&str>)> = FastMap::default();
        // The clusters joined to it, and the names they have it by.
        let mut joined: BTreeMap<u32, (Vec<usize>, BTreeSet<&str>)> =
            BTreeMap::new();
        // Each cluster's keys with the names that have them, found on
        // every core a run of clusters at a time.
        for run in clusters.runs(RUN) {
            let keyed: Vec<Vec<(u32, &str)>> = run
                .clone()
                .into_par_iter()
                .map(|i| m.names_by_key(clusters.get(i).1))
                .collect();
            for (i, keys) in run.zip(keyed) {
                let root = clusters.get(i).0;
                for same in keys.chunk_by(|a, b| a.0 == b.0) {
                    let k = same[0].0;
                    let names = same.iter().map(|&(_, name)| name);
                    match by_key.get(&k) {
                        Some(&(other, _)) => {
                            if self.sets.union(other, root, String::new) {
                                let j = joined.entry(k).or_default();
                                j.0.push(root);
                                j.1.extend(names);
                            }
                        }
                        None => {
                            by_key.insert(k, (root, names.collect()));
                        }
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
            names.extend(first_names.iter().copied());
            let docs: BTreeSet<&str> = std::iter::once(first)
                .chain(roots.iter().copied())
                .map(|g| m.doc_id(g))
                .collect();
            let names = names.into_iter().collect::<Vec<_>>().join("”, “");
            let why = format!(
                "same name “{names}” (folded: {}) in {}",
                strip_tag(m.keys.get(k)),
                document_list(&docs)
            );
            self.sets.reasons.push((first, why));
        }
    }

    /// A short name ("Milgram", "Lopez Obrador") joins the one fuller
    /// name in the corpus that it fits and that the text marks as a
    /// person, unless its own article names another it fits.
    fn merge_surnames(&mut self) {
        let clusters = self.clusters();
        let m = &self.m;
        let mut fuller: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for (root, members) in clusters.iter() {
            let person = indexes(members).any(|g| m.mention(g).person);
            for g in indexes(members) {
                if person && m.name_like(g) && m.mention(g).name.contains(' ')
                {
                    fuller.entry(m.name_key(g)).or_default().push(root);
                }
            }
        }
        // A short name fits only fuller names that end with its last
        // word, so each cluster looks at those alone, not at every fuller
        // name in the corpus.
        let mut by_last: FastMap<&str, Vec<(&str, &Vec<usize>)>> =
            FastMap::default();
        for (&k, roots) in &fuller {
            let k = m.keys.get(k);
            let last = k.rsplit(' ').next().unwrap_or("");
            by_last.entry(last).or_default().push((k, roots));
        }
        let mut candidates = Vec::new();
        for (root, members) in clusters.iter() {
            let short: BTreeSet<u32> = indexes(members)
                .filter(|&g| m.name_like(g))
                .map(|g| m.name_key(g))
                .collect();
            let Some(&first) = short.iter().next() else { continue };
            let last = m.keys.get(first).rsplit(' ').next().unwrap_or("");
            let fits_all: Vec<(&str, &Vec<usize>)> = by_last
                .get(last)
                .into_iter()
                .flatten()
                .filter(|(k, _)| short.iter().all(|&s| fits(m.keys.get(s), k)))
                .copied()
                .collect();
            if let [(full, roots)] = fits_all.as_slice() {
                candidates.push((root, members, roots[0], *full, short, last));
            }
        }
        // A short name whose own article names another person it fits,
        // one the text does not mark as a person ("former mayor Thomas
        // Brennan" beside "Council member Linda Brennan"), could be
        // either: it joins neither.
        let mut wanted: FastSet<(usize, &str)> = FastSet::default();
        for &(_, members, _, _, _, last) in &candidates {
            for g in indexes(members).filter(|&g| m.name_like(g)) {
                wanted.insert((m.doc_index(g), last));
            }
        }
        let mut in_doc: FastMap<(usize, &str), Vec<(&str, usize)>> =
            FastMap::default();
        if !wanted.is_empty() {
            for g in 0..m.len() {
                if !m.name_like(g) || !m.mention(g).name.contains(' ') {
                    continue;
                }
                let k = m.keys.get(m.name_key(g));
                // "Harry B. Harris Jr." is another Harris.
                let last =
                    without_generation(k).rsplit(' ').next().unwrap_or("");
                let at = (m.doc_index(g), last);
                if wanted.contains(&at) {
                    in_doc.entry(at).or_default().push((k, g));
                }
            }
        }
        for (root, members, target, full, short, last) in candidates {
            let docs: BTreeSet<usize> = indexes(members)
                .filter(|&g| m.name_like(g))
                .map(|g| m.doc_index(g))
                .collect();
            let goal = self.sets.root(target);
            let other = docs.iter().any(|&d| {
                in_doc.get(&(d, last)).into_iter().flatten().any(|&(k, g)| {
                    // "Court Justice Antonin Scalia" is still Antonin Scalia.
                    let same = k == full
                        || k.strip_suffix(full)
                            .is_some_and(|t| t.ends_with(' '))
                        || full
                            .strip_suffix(k)
                            .is_some_and(|t| t.ends_with(' '));
                    let first = k.split(' ').next().unwrap_or("");
                    !same
                        && may_be_first_name(first)
                        && short.iter().all(|&s| fits(m.keys.get(s), k))
                        && self.sets.root(g) != goal
                })
            });
            if other {
                continue;
            }
            self.sets.union(root, target, || {
                let name = &m.mention(root).name;
                format!("“{name}” is a short form of the only fuller name in the corpus that fits it, “{full}”")
            });
        }
    }

    fn merge_acronyms(&mut self) {
        let clusters = self.clusters();
        // The first cluster with each merge key.
        let mut by_key = vec![usize::MAX; self.m.keys.len()];
        for (root, members) in clusters.iter() {
            for g in indexes(members) {
                if let Some(k) = self.m.merge_key(g) {
                    let slot = &mut by_key[k as usize];
                    if *slot == usize::MAX {
                        *slot = root;
                    }
                }
            }
        }
        let found = |k: Option<u32>| {
            k.map(|k| by_key[k as usize]).filter(|&r| r != usize::MAX)
        };
        let mut defined = vec![false; self.m.keys.len()];
        for per_doc in &self.m.acronym_keys {
            for &(acr, _) in per_doc {
                if let Some(acr) = acr {
                    defined[acr as usize] = true;
                }
            }
        }
        let m = &self.m;
        for (d, per_doc) in m.acronym_keys.iter().enumerate() {
            for (i, &(acr, long)) in per_doc.iter().enumerate() {
                let (Some(a), Some(l)) = (found(acr), found(long)) else {
                    continue;
                };
                self.sets.union(a, l, || {
                    let (acr, long) = &m.acronyms[d][i];
                    let doc = &m.docs[d].document.id;
                    format!("acronym {acr} is defined as “{long}” in {doc}")
                });
                let r = self.sets.root(a);
                self.acronym_hits.insert(r);
            }
        }
        self.merge_initials(&by_key, &defined);
        // No later rule reads the definitions.
        self.m.acronyms = Vec::new();
        self.m.acronym_keys = Vec::new();
    }

    /// An acronym no text defines joins the one multi-word name whose
    /// initials it spells ("PRC", "People’s Republic of China").
    /// `by_key` is the first cluster with each merge key, `defined` tells
    /// the keys of acronyms some text defines.
    fn merge_initials(&mut self, by_key: &[usize], defined: &[bool]) {
        let m = &self.m;
        let keyed = || {
            by_key
                .iter()
                .enumerate()
                .filter(|(_, r)| **r != usize::MAX)
                .map(|(k, &r)| (m.keys.get(k as u32), r))
                .filter(|(k, _)| !k.contains(':'))
        };
        // Multi-word names by their initials, each list in key order.
        let mut by_initials: FastMap<String, Vec<(&str, usize)>> =
            FastMap::default();
        for (k, r) in keyed().filter(|(k, _)| k.contains(' ')) {
            by_initials.entry(initials(k)).or_default().push((k, r));
        }
        let acronyms: Vec<(&str, usize)> = keyed()
            .filter(|(k, _)| !defined[m.keys.number(k).unwrap() as usize])
            .filter(|(_, r)| m.mention(*r).is_acronym())
            .collect();
        for (acr, a) in acronyms {
            let letters: String =
                acr.chars().filter(|c| c.is_alphabetic()).collect();
            let matches =
                by_initials.get(&letters).map_or(&[][..], Vec::as_slice);
            if let [(long, l)] = matches {
                self.sets.union(a, *l, || {
                    format!(
                        "{} spells the initials of “{long}”",
                        acr.to_uppercase()
                    )
                });
                let r = self.sets.root(a);
                self.acronym_hits.insert(r);
            }
        }
    }

    fn merge_aliases(&mut self, aliases: &AliasTable) {
        let clusters = self.clusters();
        let m = &self.m;
        for entry in &aliases.entries {
            let keys: Vec<u32> = std::iter::once(&entry.name)
                .chain(&entry.aliases)
                .filter_map(|n| m.keys.number(&key_of(n)))
                .collect();
            // The clusters (as they were before this pass) that have a
            // name the entry lists, in order.
            let mut hits: Vec<usize> = (0..m.len())
                .filter(|&g| {
                    keys.contains(&m.name_key(g))
                        && m.mention(g).class == Class::Name
                })
                .map(|g| clusters.root_of[g] as usize)
                .collect();
            hits.sort_unstable();
            hits.dedup();
            for pair in hits.windows(2) {
                self.sets.union(pair[0], pair[1], || {
                    format!(
                        "alias table: “{}” goes by {:?}",
                        entry.name, entry.aliases
                    )
                });
            }
            if let Some(&first) = hits.first() {
                let r = self.sets.root(first);
                self.canonical.push((r, entry.name.clone()));
            }
        }
    }

    /// The first cluster with each name key, for the mentions `pick`
    /// chooses.
    fn first_by_name(
        &self,
        clusters: &Clusters,
        pick: impl Fn(MentionRef) -> bool,
    ) -> Vec<usize> {
        let mut by_key = vec![usize::MAX; self.m.keys.len()];
        for (root, members) in clusters.iter() {
            for g in indexes(members) {
                let slot = &mut by_key[self.m.name_key(g) as usize];
                if *slot == usize::MAX && pick(self.m.mention(g)) {
                    *slot = root;
                }
            }
        }
        by_key
    }

    /// "U.S. Treasury Department" joins "Treasury Department".
    fn merge_qualified(&mut self) {
        let clusters = self.clusters();
        let by_key = self.first_by_name(&clusters, |x| x.class == Class::Name);
        let m = &self.m;
        for (k, &r) in by_key.iter().enumerate() {
            if r == usize::MAX {
                continue;
            }
            let key = m.keys.get(k as u32);
            let Some(rest) = key.strip_prefix("us ") else { continue };
            let body = rest.split(' ').next_back().is_some_and(is_body_head);
            let other = m
                .keys
                .number(rest)
                .map(|n| by_key[n as usize])
                .filter(|&o| o != usize::MAX);
            if let (true, Some(other)) = (body && rest.contains(' '), other) {
                self.sets.union(r, other, || {
                    format!("“{key}” is “{rest}” with its country")
                });
            }
        }
    }

    /// "Mexico’s government" and "the Mexican government" join "Mexico".
    fn merge_governments(&mut self) {
        let clusters = self.clusters();
        let places = self.first_by_name(&clusters, |x| {
            x.class == Class::Name && !x.name.contains(' ')
        });
        let place =
            |n: u32| Some(places[n as usize]).filter(|&r| r != usize::MAX);
        let m = &self.m;
        let mut people = BTreeSet::new();
        for (root, members) in clusters.iter() {
            if indexes(members).any(|g| m.mention(g).person) {
                people.insert(root);
            }
        }
        for (root, members) in clusters.iter() {
            let Some(key) = members
                .iter()
                .filter_map(|&g| m.merge_key(g as usize))
                .map(|k| m.keys.get(k))
                .find(|k| k.contains(':'))
            else {
                continue;
            };
            let target = match key.split_once(':') {
                Some(("gov", name)) => m.keys.number(name).and_then(place),
                Some(("demonym", adj)) => country_of(adj, &m.keys, place),
                _ => None,
            };
            if let Some(t) = target.filter(|t| !people.contains(t)) {
                self.places.insert(t);
                self.sets.union(root, t, || {
                    let name = &m.mention(root).name;
                    format!("“{name}” is the government of the place named so")
                });
            }
        }
    }

    /// The actors, and the actor of each report; `order` is each
    /// document's place in the order the caller gave them.
    fn build(mut self, order: &[usize]) -> CorpusActors {
        // No union is made from here on: the sets' parents become the
        // roots.
        let (root_of, given) =
            std::mem::replace(&mut self.sets, Sets::new(0)).into_roots();
        // Only the merge rules read the merge keys.
        self.m.merge_keys = Vec::new();
        let clusters = Clusters::from_roots(root_of);
        // Each actor's id, shared with its reports.
        let mut ids: FastMap<usize, Arc<str>> = FastMap::default();
        let mut used: FastSet<Arc<str>> = FastSet::default();
        let index = self.name_index(&clusters);
        let targets = self.affiliation_targets(&index);
        self.mark_places(&index);
        // Which clusters become actors and their names, on every core;
        // then their ids, in root order, since an id taken earlier
        // changes a later one. Names only for the clusters that become
        // actors: most clusters are capitalised words that never do.
        let mut chosen = Vec::new();
        for run in clusters.runs(RUN) {
            let named: Vec<Option<String>> = run
                .clone()
                .into_par_iter()
                .map(|i| {
                    let (r, members) = clusters.get(i);
                    let actor =
                        self.worthy(r, members) || targets.contains(&r);
                    actor.then(|| self.name_of(r, members))
                })
                .collect();
            for (i, name) in run.zip(named) {
                let Some(name) = name else { continue };
                let (r, members) = clusters.get(i);
                let id: Arc<str> = self.id_of(r, members, &name, &used).into();
                used.insert(Arc::clone(&id));
                ids.insert(r, id);
                chosen.push((r, members, name));
            }
        }
        drop(used);
        // Each report's actor, first: the speakers are freed before the
        // actors are made, where the pass peaks.
        let speakers: Vec<&[Speaker]> = (self.m.speakers_at.windows(2))
            .map(|w| &self.m.speakers[w[0] as usize..w[1] as usize])
            .collect();
        let reports =
            reports(&self.m.docs, &speakers, &clusters.root_of, &ids, order);
        drop(speakers);
        self.m.speakers = Vec::new();
        self.m.speakers_at = Vec::new();
        let index = self.name_index_from(&clusters, &ids);
        // The reasons of the actors alone, in any order: each actor's
        // are sorted. A reason for a union inside a document is put in
        // words only when its actor is made: there are millions.
        let mut reasons: FastMap<usize, Vec<Why>> = FastMap::default();
        let actor_root = |r: usize| {
            Some(clusters.root_of[r] as usize).filter(|r| ids.contains_key(r))
        };
        for (r, why) in given {
            if let Some(root) = actor_root(r).filter(|_| !why.is_empty()) {
                reasons.entry(root).or_default().push(Why::Given(why));
            }
        }
        for (r, u) in std::mem::take(&mut self.in_documents) {
            if let Some(root) = actor_root(r as usize) {
                reasons.entry(root).or_default().push(Why::InDocument(u));
            }
        }
        let whys: Vec<Vec<Why>> = chosen
            .iter()
            .map(|(r, _, _)| reasons.remove(r).unwrap_or_default())
            .collect();
        drop(reasons);
        // Each actor written out as soon as it is made, when the texts
        // are in a file (or held, where it cannot be written).
        let spill = self.m.docs.iter().find_map(|x| x.spill_file()).cloned();
        let mut slots: Vec<(Arc<str>, Slot)> = chosen
            .par_iter()
            .zip(whys)
            .map(|((r, members, name), why)| {
                let id = &ids[r];
                let mut actor = self.actor(members, id, name, &ids, &index);
                let mut unions = Vec::new();
                let mut why: Vec<String> = why
                    .into_iter()
                    .filter_map(|w| match w {
                        Why::Given(why) => Some(why),
                        Why::InDocument(u) => {
                            unions.push(u);
                            None
                        }
                    })
                    .collect();
                why.extend(in_document_reasons(unions.into_iter(), &self.m));
                why.sort();
                why.dedup();
                actor.evidence = why;
                let written =
                    spill.as_ref().and_then(|s| s.write_value(&actor).ok());
                let slot = match written {
                    Some((at, len)) => Slot::Spilled(at, len),
                    None => Slot::Held(Box::new(actor)),
                };
                (Arc::clone(id), slot)
            })
            .collect();
        // Ids are unique (`used`): no sort buffer is needed.
        slots.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        CorpusActors { actors: ActorList { slots, spill }, reports }
    }

    /// The root of each key's first actor-like cluster, by key number
    /// (`usize::MAX` for none).
    fn name_index(&self, clusters: &Clusters) -> Vec<usize> {
        self.first_by_name(clusters, |x| {
            matches!(x.class, Class::Name | Class::Unit | Class::Government)
        })
    }

    /// Roots that some mention names as its body.
    fn affiliation_targets(&self, index: &[usize]) -> BTreeSet<usize> {
        (0..self.m.len())
            .flat_map(|g| self.m.affiliations(g))
            .filter_map(|(a, k)| self.m.find_body(a, k, index))
            .collect()
    }

    /// Affiliations that are a people's adjective or a single word before
    /// a title name places.
    fn mark_places(&mut self, index: &[usize]) {
        let m = &self.m;
        // The owner of a government's body or of a title ("Mexico's
        // foreign ministry", "Mexico's President"), not of a team or a
        // campaign: "Trump's team" names no place.
        let governs = |g: usize| {
            let mention = m.mention(g);
            let last = mention.name.rsplit(' ').next().unwrap_or("");
            let last = last.to_lowercase();
            mention.class != Class::Unit
                || is(&last, WordClass::Government)
                || super::names::is_title(&last)
        };
        let found = (0..m.len())
            .filter(|&g| governs(g))
            .flat_map(|g| m.affiliations(g))
            .filter(|(a, _)| {
                !a.contains(' ') && !is_acronym(a) || is_demonym(a)
            })
            .filter_map(|(a, k)| m.find_body(a, k, index));
        self.places.extend(found);
    }

    /// True when the group is an actor: it speaks, is described as a
    /// person, names a body or a government, or a rule joined it.
    fn worthy(&self, root: usize, members: &[u32]) -> bool {
        self.acronym_hits.contains(&root)
            || self.canonical.iter().any(|(r, _)| *r == root)
            || indexes(members).any(|g| {
                let m = self.m.mention(g);
                m.speaker
                    || m.person
                    || m.has_roles()
                    || matches!(m.class, Class::Government | Class::Unit)
                    || is_party_plural(m.name)
                    || (m.class == Class::Name
                        && m.name.contains(' ')
                        && m.is_body())
            })
    }

    /// The name an actor is shown under.
    fn name_of(&self, root: usize, members: &[u32]) -> String {
        if let Some((_, name)) =
            self.canonical.iter().rev().find(|(r, _)| *r == root)
        {
            return name.clone();
        }
        // The members are read as often as needed rather than gathered,
        // as in `kind_of`.
        let ms = || indexes(members).map(|g| self.m.mention(g));
        let person = ms().any(|m| m.person) && !ms().any(|m| m.is_body());
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        for m in
            ms().filter(|m| m.class == Class::Name && m.refers_to.is_none())
        {
            *names.entry(m.name).or_default() += 1;
        }
        if names.is_empty() {
            return self.m.mention(members[0] as usize).name.to_string();
        }
        best_name(&names, person).unwrap_or_default().to_string()
    }

    /// The full name a person named `name`, one word, mostly by surname
    /// is shown under ([`fuller_form`]), if the text gives one.
    fn fuller_name(&self, members: &[u32], name: &str) -> Option<String> {
        if name.contains(' ') {
            return None;
        }
        // Only forms that speak or carry a title or role: a full name
        // that opens a headline or a sentence ("Given Obama") does
        // neither.
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        for m in indexes(members).map(|g| self.m.mention(g)).filter(|m| {
            m.class == Class::Name
                && m.refers_to.is_none()
                && (m.speaker || m.person)
        }) {
            *names.entry(m.name).or_default() += 1;
        }
        fuller_form(&names, name).map(str::to_string)
    }

    fn id_of(
        &self,
        root: usize,
        members: &[u32],
        name: &str,
        used: &FastSet<Arc<str>>,
    ) -> String {
        let slug: String = key_of(name)
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        // An actor of one document named by a description, a pronoun or
        // a local group is told apart by where it is; one that several
        // documents name is not ("the government" that refers back to
        // Mexico leaves Mexico's id alone).
        let doc = self.m.doc_index(root);
        let described = indexes(members).any(|g| {
            matches!(
                self.m.mention(g).class,
                Class::Anonymous
                    | Class::Pronoun
                    | Class::Group { local: true }
            )
        });
        let alone = (described
            && indexes(members).all(|g| self.m.doc_index(g) == doc))
            || self.m.document_scoped(members);
        let id = format!("actor:{slug}");
        if alone || used.contains(id.as_str()) {
            let m = self.m.mention(root);
            format!("actor:{slug}@{}:{}", self.m.doc_id(root), m.start)
        } else {
            id
        }
    }

    fn actor(
        &self,
        members: &[u32],
        id: &str,
        name: &str,
        ids: &FastMap<usize, Arc<str>>,
        index: &[usize],
    ) -> Actor {
        let kind = self.kind_of(members);
        // The id was made from `name`, the name the actor is known by
        // across the corpus; a person is shown under a fuller one, which
        // takes no other actor's id.
        let fuller = (kind == ActorKind::Person)
            .then(|| self.fuller_name(members, name))
            .flatten();
        let name = fuller.as_deref().unwrap_or(name);
        let mut actor = Actor::new(id, name, kind, name);
        // Each list sorted and without repeats, as references first: a
        // name in thousands of articles has thousands of equal forms,
        // and one in every article of a large corpus millions, so the
        // repeats are dropped as they come rather than gathered.
        let mut forms: BTreeSet<&str> = BTreeSet::new();
        let mut roles: BTreeSet<&str> = BTreeSet::new();
        let mut affiliations: BTreeSet<&str> = BTreeSet::new();
        for g in indexes(members) {
            let m = self.m.mention(g);
            forms.extend(m.forms().filter(|f| !f.is_empty()));
            roles.extend(m.roles());
            for (a, k) in self.m.affiliations(g) {
                let target = self
                    .m
                    .find_body(a, k, index)
                    .and_then(|r| ids.get(&r))
                    .map(|id| &**id);
                if let Some(t) = target.filter(|t| *t != id) {
                    affiliations.insert(t);
                }
            }
        }
        if actor.kind == ActorKind::Person {
            // People are not "the Biden": such a form is a modifier's.
            forms.retain(|f| !is_article_name(f));
        }
        let sorted = |list: BTreeSet<&str>| -> Vec<String> {
            list.into_iter().map(str::to_string).collect()
        };
        actor.mentions = sorted(forms);
        actor.roles = sorted(roles);
        actor.affiliations = sorted(affiliations);
        actor
    }

    /// The root of each key's first actor, by key number (`usize::MAX`
    /// for none), in mention order.
    fn name_index_from(
        &self,
        clusters: &Clusters,
        ids: &FastMap<usize, Arc<str>>,
    ) -> Vec<usize> {
        let mut index = vec![usize::MAX; self.m.keys.len()];
        for g in 0..self.m.len() {
            let r = clusters.root_of[g] as usize;
            let slot = &mut index[self.m.name_key(g) as usize];
            if *slot != usize::MAX || !ids.contains_key(&r) {
                continue;
            }
            let m = self.m.mention(g);
            if matches!(m.class, Class::Name | Class::Unit | Class::Government)
            {
                *slot = r;
            }
        }
        index
    }

    /// What sort of actor a group of mentions is.
    fn kind_of(&self, members: &[u32]) -> ActorKind {
        // Each question reads the members again rather than a list of
        // them: the actor of a name in every article of a large corpus
        // has millions of mentions, and such a list (over 100 bytes a
        // mention) was the top of the actor pass's peak at 1 GB.
        let any = |f: &dyn Fn(&MentionRef) -> bool| {
            indexes(members).any(|g| f(&self.m.mention(g)))
        };
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
        let place =
            members.iter().any(|&g| self.places.contains(&(g as usize)));
        let governing = place
            || any(&|m| {
                m.class == Class::Government
                    || (m.class == Class::Name
                        && crate::contradict::is_known_place(
                            &m.name.to_lowercase(),
                        ))
                    || m.name
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| is(w, WordClass::Government))
            });
        if governing {
            return ActorKind::Government;
        }
        if body
            || any(&|m| m.class == Class::Unit || is_publication_name(m.name))
        {
            return ActorKind::Organisation;
        }
        let plural = any(&|m| is_party_members(m.name));
        if plural {
            return ActorKind::Group;
        }
        // "Lockheed Martin, which builds the capsule, said": nothing in
        // the text shows a person (that returned above), and a clause on
        // "which" shows a thing.
        if any(&|m| m.thing) {
            return ActorKind::Organisation;
        }
        // Nothing shows a person (no title, role or possessive), no name
        // has more than one word, and none is the last word of a longer
        // name anywhere in the corpus: "Spotify", "Siemens", "Gavi", not
        // "Buffett" where "Warren E. Buffett" is named. A person the news
        // quotes is named in full at least once.
        let one_word = !any(&|m| {
            m.class == Class::Name
                && m.name.split_whitespace().nth(1).is_some()
        });
        let surnames = self.surnames.get_or_init(|| self.surnames());
        let surname = indexes(members).any(|g| {
            self.m.mention(g).class == Class::Name
                && surnames.contains(self.m.keys.get(self.m.name_key(g)))
        });
        // "FBI data", "State budget records": a name that ends in a
        // lower-case word is a description of something, not a person's.
        let described = !any(&|m| {
            m.class == Class::Name
                && m.name.split_whitespace().last().is_some_and(|w| {
                    // "Ted Cruz (Tex.)", "ABC 7": a tag or number ends
                    // it; "Sultan al-Jaber": a particle opens the word.
                    let w = w.trim_start_matches('(');
                    let w = w.rsplit('-').next().unwrap_or(w);
                    w.starts_with(|c: char| {
                        c.is_uppercase() || c.is_ascii_digit()
                    })
                })
        });
        if described {
            ActorKind::Anonymous
        } else if one_word && !surname {
            ActorKind::Organisation
        } else {
            ActorKind::Person
        }
    }

    /// The last words of the names of two words or more, as keys.
    fn surnames(&self) -> FastSet<String> {
        let mut seen = vec![false; self.m.keys.len()];
        let mut out = FastSet::default();
        for g in 0..self.m.len() {
            let k = self.m.name_key(g);
            if k == NONE || std::mem::replace(&mut seen[k as usize], true) {
                continue;
            }
            if self.m.mention(g).class != Class::Name {
                continue;
            }
            if let Some((_, last)) = self.m.keys.get(k).rsplit_once(' ') {
                out.insert(last.to_string());
            }
        }
        out
    }
}

/// The actor of each attribution of each document of a corpus: one
/// shared id per actor, however many reports it has, and four bytes a
/// report (a corpus of a gigabyte has four million).
#[derive(Clone, Debug, Default)]
pub struct ReportActors {
    /// Each actor's id, by number.
    ids: Vec<Arc<str>>,
    /// For each document, the number of each attribution's actor, or
    /// [`NONE`].
    per_doc: Vec<Box<[u32]>>,
}

impl ReportActors {
    /// The id of the actor of attribution `att` of document `doc`.
    pub fn get(&self, doc: usize, att: usize) -> Option<&Arc<str>> {
        let n = self.per_doc[doc][att];
        (n != NONE).then(|| &self.ids[n as usize])
    }

    /// The number of the actor of attribution `att` of document `doc`,
    /// below [`ReportActors::actor_count`]: a caller that looks actors
    /// up many times keeps what it found by number.
    pub fn number(&self, doc: usize, att: usize) -> Option<usize> {
        let n = self.per_doc[doc][att];
        (n != NONE).then_some(n as usize)
    }

    /// The id of the actor of number `n`.
    pub fn id(&self, n: usize) -> &Arc<str> {
        &self.ids[n]
    }

    /// How many actors there are.
    pub fn actor_count(&self) -> usize {
        self.ids.len()
    }

    /// How many of document `doc`'s attributions have an actor.
    pub fn count(&self, doc: usize) -> usize {
        self.per_doc[doc].iter().filter(|&&n| n != NONE).count()
    }
}

/// The actor of each attribution of each document, in the order the
/// caller gave them (`order` is the place of each of `docs`, which are
/// in id order). `speakers` are each document's speaker spans with
/// their mentions, `root_of` each mention's cluster and `ids` the
/// actors'.
///
/// A speaker span stands for the actor its last entry among the
/// documents of its id gives; the others' spans stand for none.
fn reports(
    docs: &[&Extracted],
    speakers: &[&[Speaker]],
    root_of: &[u32],
    ids: &FastMap<usize, Arc<str>>,
    order: &[usize],
) -> ReportActors {
    // Each actor's number, by the root of its cluster.
    let mut table: Vec<Arc<str>> = Vec::with_capacity(ids.len());
    let numbers: FastMap<usize, u32> = ids
        .iter()
        .map(|(&r, id)| {
            table.push(Arc::clone(id));
            (r, key_count(table.len() - 1))
        })
        .collect();
    let positions: Vec<usize> = (0..docs.len()).collect();
    // The documents of one id, which come together, share one list.
    let same_id: Vec<&[usize]> = positions
        .chunk_by(|&a, &b| docs[a].document.id == docs[b].document.id)
        .collect();
    let found: Vec<Vec<(usize, Box<[u32]>)>> = same_id
        .par_iter()
        .map(|group| {
            let mut spoken: Vec<(Span, u32)> = Vec::new();
            for &d in *group {
                for x in speakers[d] {
                    let r = root_of[x.mention as usize] as usize;
                    if let Some(&n) = numbers.get(&r) {
                        spoken.push((x.span(), n));
                    }
                }
            }
            // Sorted by span for looking up; of two entries for one
            // span, the later one counts.
            spoken.reverse();
            spoken.sort_by_key(|(span, _)| *span);
            spoken.dedup_by_key(|(span, _)| *span);
            let actor_of = |span: Span| {
                let i = spoken.partition_point(|(s, _)| *s < span);
                let &(s, n) = spoken.get(i)?;
                (s == span).then_some(n)
            };
            group
                .iter()
                .map(|&d| {
                    let attributions = &docs[d].attributions;
                    let actors = attributions
                        .iter()
                        .map(|a| {
                            a.speaker
                                .as_ref()
                                .and_then(|sp| actor_of(sp.span))
                                .unwrap_or(NONE)
                        })
                        .collect();
                    (order[d], actors)
                })
                .collect()
        })
        .collect();
    let mut per_doc: Vec<Box<[u32]>> = vec![Box::default(); docs.len()];
    for (d, actors) in found.into_iter().flatten() {
        per_doc[d] = actors;
    }
    ReportActors { ids: table, per_doc }
}

/// True when `short` names the same person as the longer `full`: its
/// words appear in order in `full` and it ends with `full`'s last word
/// ("lopez obrador", "anne milgram" for "anne m milgram"). A name that
/// only starts the same ("Donald Trump" in a headline "Donald Trump Is
/// Right") is no evidence.
///
/// Read without lists of words: the words are counted by their spaces,
/// the last words compared, and only then the words walked in order (the
/// merge rules ask this of many pairs of keys).
fn fits(short: &str, full: &str) -> bool {
    let full = without_generation(full);
    let words = |key: &str| key.bytes().filter(|&b| b == b' ').count() + 1;
    let (s, f) = (words(short), words(full));
    // Five words and more are a headline's, not a person's name.
    if s >= f || f > 4 {
        return false;
    }
    if short.rsplit(' ').next() != full.rsplit(' ').next() {
        return false;
    }
    let mut rest = full.split(' ');
    short.split(' ').all(|w| rest.any(|x| x == w))
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

/// The name a person named mostly by a surname is shown under: news
/// gives the full name once and the surname after ("Tomas Lindqvist",
/// then "Lindqvist" five times), so the full name is used too rarely for
/// [`best_name`]. The most used name of up to three words that ends with
/// the surname, when every word before it could open a person's name:
/// capitalised, no word that opens sentences, no people's adjective and
/// no word of a body, place or role ("Why Obama", "European Jews", "Kent
/// County Republican" are not). A form that only adds a word to another
/// such form ("Billionaire Donald Trump") gives way to it.
fn fuller_form<'n>(
    names: &BTreeMap<&'n str, usize>,
    surname: &str,
) -> Option<&'n str> {
    let lexicon = crate::extract::lexicon::Lexicon::get();
    let plain = |w: &str| {
        let lower = w.to_lowercase();
        may_be_first_name(w)
            && !is_demonym(w)
            && crate::resolve::words::class_of(w).is_none()
            && !super::names::is_title(w)
            && !lexicon.is_speaker_noun(&lower)
            && !crate::extract::learned::is_verb_part(&lower)
            && !crate::model::is_number_word(&lower)
            && !w.ends_with("'s")
            && !w.ends_with("’s")
            && w.chars().any(char::is_lowercase)
    };
    if !plain(surname) || super::mentions::is_date_word(surname) {
        return None;
    }
    let given = |w: &str| {
        let initial = w.len() == 2 && w.ends_with('.');
        w.starts_with(char::is_uppercase)
            && (initial
                || (plain(w)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || "-'’.".contains(c))))
    };
    let candidates: Vec<(&'n str, usize)> = names
        .iter()
        .filter(|(n, _)| {
            n.strip_suffix(surname).is_some_and(|f| {
                f.ends_with(' ')
                    && f.split_whitespace().count() <= 2
                    && f.split_whitespace().all(given)
            })
        })
        .map(|(n, c)| (*n, *c))
        .collect();
    candidates
        .iter()
        .filter(|(n, _)| {
            !candidates.iter().any(|(g, _)| {
                n.len() > g.len()
                    && n.strip_suffix(g).is_some_and(|f| f.ends_with(' '))
            })
        })
        .max_by_key(|(n, c)| (*c, std::cmp::Reverse(n.len())))
        .map(|(n, _)| *n)
}

/// The initials of a folded multi-word name, small words skipped.
fn initials(key: &str) -> String {
    key.split(' ')
        .filter(|w| !matches!(*w, "of" | "for" | "on" | "the" | "and" | "de"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// The place a people's adjective names: "mexican" -> "mexico", when
/// exactly one one-word key starts with its stem. `place` gives the root
/// of the place a key names, if it names one.
fn country_of(
    adjective: &str,
    keys: &Keys,
    place: impl Fn(u32) -> Option<usize>,
) -> Option<usize> {
    let stem = ["ian", "ese", "ish", "an", "i"]
        .iter()
        .find_map(|s| adjective.strip_suffix(s))
        .filter(|s| s.chars().count() >= 4)?;
    let found: Vec<usize> = keys
        .with_prefix(stem)
        .filter(|&n| {
            let k = keys.get(n);
            k.len() <= stem.len() + 2
                && !k.contains(' ')
                && !is_demonym(&capitalised(k))
        })
        .filter_map(place)
        .collect();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// True for "Republicans", "Democrats", "Americans": one capitalised
/// word naming the members of a party or a people.
fn is_party_plural(name: &str) -> bool {
    !name.contains(' ')
        && name.starts_with(char::is_uppercase)
        && ["ans", "ats", "ists"].iter().any(|s| name.ends_with(s))
}

/// [`is_party_plural`], or a party's members named by a capitalised
/// plural after capitalised words: "Social Democrats", "Liberal
/// Democrats", "Young Republicans". Such a name tells a group's kind but
/// makes no actor of its own: "Neither Republicans" opens a sentence.
fn is_party_members(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let members = names::is_party_members_word(words.last().unwrap_or(&""));
    is_party_plural(name)
        || (members
            && (2..=3).contains(&words.len())
            && words.iter().all(|w| w.starts_with(char::is_uppercase)))
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
    fn fits_is_the_test_of_the_lists_of_words() {
        let reference = |short: &str, full: &str| {
            let s: Vec<&str> = short.split(' ').collect();
            let f: Vec<&str> = without_generation(full).split(' ').collect();
            if s.len() >= f.len() || f.len() > 4 {
                return false;
            }
            let mut rest = f.iter();
            let in_order = s.iter().all(|w| rest.any(|x| x == w));
            in_order && s.last() == f.last()
        };
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "anne", "m", "milgram", "lopez", "obrador", "jr", "sr", "iii",
            " ", " ", " ", "", "donald", "trump", "é",
        ];
        let keys = crate::model::random_texts(PIECES, 600, 9, 0xf175);
        let mut fitting = 0;
        for short in &keys {
            for full in &keys {
                let expected = reference(short, full);
                assert_eq!(fits(short, full), expected, "{short:?} {full:?}");
                fitting += usize::from(expected);
            }
        }
        for (short, full) in [
            ("lopez obrador", "andres manuel lopez obrador"),
            ("anne milgram", "anne m milgram"),
            ("trump", "donald trump jr"),
            ("", " "),
            (" ", "  "),
        ] {
            assert_eq!(fits(short, full), reference(short, full));
        }
        assert!(fitting > 100, "{fitting}");
    }

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
        // A surname used many times after the full name once.
        let names = BTreeMap::from([
            ("Lindqvist", 5),
            ("Tomas Lindqvist", 1),
            ("Why Lindqvist", 1),
        ]);
        assert_eq!(best_name(&names, true), Some("Lindqvist"));
        assert_eq!(fuller_form(&names, "Lindqvist"), Some("Tomas Lindqvist"));
        let names = BTreeMap::from([("Obama", 5), ("Why Obama", 1)]);
        assert_eq!(fuller_form(&names, "Obama"), None);
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
        let keys = Keys::new(["china", "mexico", "mexico city", "canberra"]);
        let places = |n: u32| match keys.get(n) {
            "mexico" => Some(1),
            "china" => Some(2),
            _ => None,
        };
        assert_eq!(country_of("mexican", &keys, places), Some(1));
        assert_eq!(country_of("chinese", &keys, places), Some(2));
        assert_eq!(country_of("canadian", &keys, places), None);
    }
}
