//! Claims that agree and claims that clash.
//!
//! Runs over the extracted documents of a whole corpus, after speakers are
//! resolved. Each report (one attribution in one document) is reduced to
//! its facts: its key terms (lower case, accents folded, synonyms mapped,
//! stemmed), whether it is negated or denied, and the numbers it gives.
//! Then:
//!
//! - reports by the same actor that say the same thing, with the same
//!   polarity, become one claim group;
//! - candidate pairs of reports by different actors come from an index
//!   over key terms (a term shared by too many reports is no evidence and
//!   is not indexed), never from comparing all pairs; a pair that shares
//!   enough terms is a counterclaim when one negates what the other
//!   affirms, when they use antonyms, or when their numbers disagree;
//! - a denial that points back ("denied those assertions", "no such
//!   trafficking") is linked to the report it points to;
//! - a document disputes a report it calls false ("falsely claiming",
//!   "This deliberate misinformation …").
//!
//! Every link says which rule made it, why in words, and how sure it is.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};

use crate::model::{
    AliasTable, Attribution, CueClass, Extracted, STABLE_HASH_START, Span,
    lower_case, stable_hash_more,
};
use crate::resolve::canonical_key;
use crate::segment::segment;

const SYNONYMS: &str = include_str!("../data/synonyms.tsv");
const ANTONYMS: &str = include_str!("../data/antonyms.tsv");
const DEMONYMS: &str = include_str!("../data/demonyms.tsv");

/// A term shared by more reports than this says nothing about a pair.
const MAX_POSTING: usize = 200;

/// Key terms two reports must share to be about the same thing.
const MIN_SHARED: usize = 2;

/// One report: the attribution `att` of the document `doc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReportKey {
    /// Index of the document in the corpus slice.
    pub doc: usize,
    /// Index of the attribution in the document.
    pub att: usize,
}

/// Every report of a corpus, in order, as u32 pairs: 8 bytes a report
/// where a [`ReportKey`] takes 16, for the millions of reports held
/// through the analysis (a corpus has under 4 billion documents, and a
/// document under 4 billion attributions).
struct Keys(Vec<(u32, u32)>);

impl Keys {
    fn of(docs: &[Extracted]) -> Keys {
        let count = |n: usize| u32::try_from(n).expect("under 4 billion");
        let keys = docs
            .iter()
            .enumerate()
            .flat_map(|(d, x)| {
                (0..x.attributions.len()).map(move |a| (count(d), count(a)))
            })
            .collect();
        Keys(keys)
    }

    /// The `i`-th report.
    fn get(&self, i: usize) -> ReportKey {
        let (doc, att) = self.0[i];
        ReportKey { doc: doc as usize, att: att as usize }
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// Two reports that cannot both hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Counterclaim {
    /// The first report, in corpus order.
    pub a: ReportKey,
    /// The second report.
    pub b: ReportKey,
    /// The rule that linked them ("counter/polarity", …).
    pub rule: &'static str,
    /// Why, in words a reader can check.
    pub reason: String,
    /// How sure the rule is, from 0 to 1.
    pub confidence: f64,
}

/// A document that disputes one of the reports it carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Dispute {
    /// The disputed report; its document is the disputing one.
    pub report: ReportKey,
    /// The words that dispute it, in the document's text.
    pub marker: Span,
    /// The rule that found it.
    pub rule: &'static str,
    /// Why, in words.
    pub reason: String,
    /// How sure the rule is, from 0 to 1.
    pub confidence: f64,
}

/// What the analysis found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// For each document, for each attribution, its claim group's index.
    pub group_of: Vec<Vec<usize>>,
    /// The number of claim groups.
    pub groups: usize,
    /// Counterclaims, sorted by their reports.
    pub counterclaims: Vec<Counterclaim>,
    /// Disputes, sorted by their reports.
    pub disputes: Vec<Dispute>,
    /// For each report, in corpus order (each document's attributions in
    /// turn), the number in its claim's id: the hash of its words (see
    /// [`claim_hash`]). One list: a list a document, each made on the
    /// core that read it, kept pages of every core's heap held.
    pub claim_ids: Vec<u64>,
}

/// The names of an alias table, found in a report's words and written as
/// the name they stand for.
struct Names {
    /// Every alias, longest first, as whole words, case ignored; `None`
    /// for a table without aliases.
    found: Option<Regex>,
    /// `found` without its word boundaries: it matches wherever `found`
    /// does, and needs no Unicode word boundary, which the fast engines
    /// of `regex` cannot run outside ASCII. Most reports name no alias:
    /// this tells them apart before `found` is run.
    may_find: Option<Regex>,
    /// `may_find` for a text folded by [`fold_ascii`]: the aliases
    /// folded, as plain literals, which the fast engines of `regex`
    /// search without the case tables (`may_find` folds case with
    /// Unicode's, slowly). `None` when an alias holds a character with
    /// case outside ASCII, which folding ASCII alone would miss.
    folded: Option<Regex>,
    /// Each alias, lower-cased, and the name it stands for.
    name_of: HashMap<String, String>,
}

impl Names {
    fn new(table: &AliasTable) -> Names {
        let mut pairs: Vec<(&str, &str)> = table
            .entries
            .iter()
            .flat_map(|e| {
                e.aliases.iter().map(|a| (a.as_str(), e.name.as_str()))
            })
            .filter(|(a, _)| !a.trim().is_empty())
            .collect();
        pairs.sort_by_key(|(a, _)| std::cmp::Reverse(a.len()));
        let bound = |c: Option<char>| {
            if c.is_some_and(char::is_alphanumeric) { "\\b" } else { "" }
        };
        let alternatives: Vec<String> = pairs
            .iter()
            .map(|(a, _)| {
                let (first, last) = (a.chars().next(), a.chars().next_back());
                format!("{}{}{}", bound(first), regex::escape(a), bound(last))
            })
            .collect();
        let found = (!alternatives.is_empty())
            .then(|| Regex::new(&format!("(?i){}", alternatives.join("|"))))
            .and_then(Result::ok);
        let bare: Vec<String> =
            pairs.iter().map(|(a, _)| regex::escape(a)).collect();
        let may_find = found
            .as_ref()
            .and_then(|_| Regex::new(&format!("(?i){}", bare.join("|"))).ok());
        let folds = |a: &str| a.chars().all(|c| c.is_ascii() || caseless(c));
        let folded = may_find
            .as_ref()
            .filter(|_| pairs.iter().all(|(a, _)| folds(a)))
            .and_then(|_| {
                let folded: Vec<String> = pairs
                    .iter()
                    .map(|(a, _)| regex::escape(&a.to_ascii_lowercase()))
                    .collect();
                Regex::new(&folded.join("|")).ok()
            });
        let name_of = pairs
            .iter()
            .map(|(a, n)| (a.to_lowercase(), n.to_string()))
            .collect();
        Names { found, may_find, folded, name_of }
    }

    /// False when `text` surely names no alias: `folded` asks of the
    /// folded text when it has no character that folds to ASCII from
    /// outside it, else `may_find`; with neither, it may.
    fn may_name_alias(&self, text: &str) -> bool {
        if let Some(folded) = &self.folded {
            let text = fold_ascii(text);
            if !text.contains(KELVIN) && !text.contains(LONG_S) {
                return folded.is_match(&text);
            }
        }
        self.may_find.as_ref().is_none_or(|m| m.is_match(text))
    }

    /// The content of `a`, an attribution of `text`, each alias in it
    /// replaced by its name.
    fn content_in(&self, text: &str, a: &Attribution) -> String {
        let text = a.content_text(text);
        let Some(found) = &self.found else { return text };
        if !self.may_name_alias(&text) {
            return text;
        }
        // Most reports name no alias: keep their text, uncopied.
        let named = found.replace_all(&text, |c: &regex::Captures| {
            let alias = c[0].to_lowercase();
            self.name_of.get(&alias).cloned().unwrap_or(c[0].to_string())
        });
        match named {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(named) => named,
        }
    }
}

/// The two characters outside ASCII that Unicode's simple case folding
/// (as `(?i)` in `regex` applies it) puts with ASCII letters: the Kelvin
/// sign with "k", the long s with "s".
const KELVIN: char = '\u{212a}';
const LONG_S: char = '\u{17f}';

/// `text` with ASCII's capitals lowered and every other character kept.
///
/// For a text without [`KELVIN`] or [`LONG_S`], and an alias of ASCII and
/// [`caseless`] characters, `(?i)` matches the alias where the folded
/// alias is in the folded text: an ASCII character of the alias matches
/// its two cases alone, and any other character only itself, so a
/// character of the text with case outside ASCII ("É") matches none.
fn fold_ascii(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// True for a character without case: it lowers and raises to itself,
/// and is no letter.
fn caseless(c: char) -> bool {
    !c.is_alphabetic() && c.to_lowercase().eq([c]) && c.to_uppercase().eq([c])
}

/// A comparable word ([`term`]): shared, as a corpus repeats a few tens
/// of thousands of them in millions of reports.
type Term = Arc<str>;

/// A term's number in its corpus's [`Vocab`]: four bytes where a
/// [`Term`] takes sixteen, for the millions of terms the reports hold.
type TermId = u32;

/// The terms of a corpus's reports, numbered as first seen.
#[derive(Debug, Default)]
struct Vocab {
    ids: HashMap<Term, TermId, foldhash::fast::RandomState>,
    terms: Vec<Term>,
    /// Each term's [`antonyms`], looked up once when it is numbered: the
    /// check of every candidate pair hashed each of a report's terms to
    /// look them up (with SipHash, a fortieth of a build).
    opposites: Vec<Option<&'static Vec<Term>>>,
}

impl Vocab {
    /// The number of `t`, given it if new.
    fn number(&mut self, t: Term) -> TermId {
        if let Some(&id) = self.ids.get(&t) {
            return id;
        }
        let id = TermId::try_from(self.terms.len()).expect("a count");
        self.opposites.push(antonyms().get(&t));
        self.terms.push(t.clone());
        self.ids.insert(t, id);
        id
    }

    /// The term numbered `id`.
    fn get(&self, id: TermId) -> &Term {
        &self.terms[id as usize]
    }

    /// The antonyms of the term numbered `id`, if it has any.
    fn opposites(&self, id: TermId) -> Option<&'static Vec<Term>> {
        self.opposites[id as usize]
    }

    /// True when `f` has the term `t`.
    fn has(&self, f: &Facts, t: &Term) -> bool {
        self.ids.get(t).is_some_and(|id| f.terms.contains(id))
    }

    fn len(&self) -> usize {
        self.terms.len()
    }
}

/// What one report says, reduced for comparison. A corpus has millions
/// of reports, all held at once: the terms are a boxed slice (no spare
/// capacity), and what few reports have (a negation, numbers) is boxed
/// apart, so that a plain report's facts take 48 bytes and its terms.
#[derive(Clone, Debug, Default)]
struct Facts {
    /// The key terms, sorted (as words), without repeats.
    terms: Box<[TermId]>,
    /// A negation, its scope and numbers, for the reports that have any.
    rare: Option<Box<Rare>>,
    /// The content asks something ("Why didn't he pay?").
    question: bool,
    denied: bool,
    refers_back: bool,
    actor: Option<Arc<str>>,
    /// The paragraph it starts in.
    paragraph: u32,
}

/// The facts most reports do not have, in lists of exactly their size;
/// a corpus has millions (three reports in ten on the bench corpus).
#[derive(Clone, Debug, Default)]
struct Rare {
    /// The terms a negation or denial applies to.
    scope: Box<[Term]>,
    /// The first term after each negation: what it denies ("don't
    /// produce", "rather than cartels").
    heads: Box<[Term]>,
    /// The words that negate the content, if any.
    negation: Option<Term>,
    numbers: Box<[(Term, f64)]>,
}

impl Rare {
    /// Takes each term from `shared`, the terms of the reports before,
    /// so that a word is held once however many reports it is in.
    fn share(
        &mut self,
        shared: &mut HashSet<Term, foldhash::fast::RandomState>,
    ) {
        let mut share = |t: &mut Term| match shared.get(t) {
            Some(s) => *t = Arc::clone(s),
            None => {
                shared.insert(Arc::clone(t));
            }
        };
        self.scope.iter_mut().for_each(&mut share);
        self.heads.iter_mut().for_each(&mut share);
        self.negation.iter_mut().for_each(&mut share);
        self.numbers.iter_mut().for_each(|(t, _)| share(t));
    }
}

impl Facts {
    /// True when the report says its content does not hold.
    fn negative(&self) -> bool {
        self.negation().is_some() != self.denied
    }

    /// The terms a negation or denial applies to.
    fn scope(&self) -> &[Term] {
        self.rare.as_ref().map_or(&[], |r| &r.scope)
    }

    /// The first term after each negation.
    fn heads(&self) -> &[Term] {
        self.rare.as_ref().map_or(&[], |r| &r.heads)
    }

    /// The words that negate the content, if any.
    fn negation(&self) -> Option<&str> {
        self.rare.as_ref()?.negation.as_deref()
    }

    /// Numbers with the word after them.
    fn numbers(&self) -> &[(Term, f64)] {
        self.rare.as_ref().map_or(&[], |r| &r.numbers)
    }
}

/// The contents of reports, each alias in them replaced by its name
/// ([`Names::content_in`]), for a run of candidate pairs. The texts of
/// the last [`HELD`] packed documents read are kept decompressed: the
/// pairs of a run share their first report, so its document is
/// decompressed once for the run, not once a pair (which, on 64 MB of
/// the bench corpus, decompressed 495 MB of text for 70,000 contents).
struct Contents<'a> {
    docs: &'a [Extracted],
    names: &'a Names,
    /// Document index and text, the one used last at the end.
    held: Vec<(usize, String)>,
}

/// How many decompressed texts [`Contents`] keeps.
const HELD: usize = 2;

impl<'a> Contents<'a> {
    fn new(docs: &'a [Extracted], names: &'a Names) -> Contents<'a> {
        Contents { docs, names, held: Vec::with_capacity(HELD) }
    }

    /// The content of report `k`.
    fn of(&mut self, k: ReportKey) -> String {
        let x = &self.docs[k.doc];
        let a = &x.attributions[k.att];
        if !x.is_packed() {
            return self.names.content_in(&x.text(), a);
        }
        match self.held.iter().position(|(d, _)| *d == k.doc) {
            Some(at) => {
                let used = self.held.remove(at);
                self.held.push(used);
            }
            None => {
                if self.held.len() == HELD {
                    self.held.remove(0);
                }
                self.held.push((k.doc, x.text().into_owned()));
            }
        }
        let (_, text) = self.held.last().expect("just pushed");
        self.names.content_in(text, a)
    }
}

/// Analyses a corpus. `actor_of(doc, att)` names the actor of a report
/// (`None` when it has none); two reports by the same name are by the
/// same actor. A name of `aliases` in a report's words counts as the
/// name it stands for ("AMLO" as "Andrés Manuel López Obrador").
pub fn analyse(
    docs: &[Extracted],
    aliases: &AliasTable,
    actor_of: impl Fn(usize, usize) -> Option<Arc<str>> + Sync,
) -> Analysis {
    let names = Names::new(aliases);
    let keys = Keys::of(docs);
    // The facts of the reports of a run of documents on every core, each
    // document's text read once for all its reports, then their terms
    // numbered in report order.
    //
    // The same pass hashes each report's words (for the claim groups and
    // the claim ids) and finds the reports each document disputes, so
    // that a document's text is read once for all three.
    let mut vocab = Vocab::default();
    let mut facts: Vec<Facts> = Vec::with_capacity(keys.len());
    let mut rare_terms = HashSet::default();
    let mut hashes: Vec<(u64, u32)> = Vec::with_capacity(keys.len());
    let mut claim_ids: Vec<u64> = Vec::with_capacity(keys.len());
    let mut disputes: Vec<Dispute> = Vec::new();
    let hasher = foldhash::fast::FixedState::default();
    for run in runs_of_reports(docs, FACT_RUN) {
        let made: Vec<DocFacts> = run
            .into_par_iter()
            .map(|d| {
                let x = &docs[d];
                // A document without reports: its text is not read.
                if x.attributions.is_empty() {
                    return (Vec::new(), Vec::new(), Vec::new());
                }
                let text = x.text();
                // Where the document's paragraphs break.
                let breaks: Vec<usize> =
                    text.match_indices("\n\n").map(|(at, _)| at + 2).collect();
                let (made, ids) = x
                    .attributions
                    .iter()
                    .enumerate()
                    .map(|(att, a)| {
                        let actor = actor_of(d, att);
                        let content = names.content_in(&text, a);
                        let (f, terms) = facts_of(a, content, &breaks, actor);
                        let words = canonical_key(&a.content_text(&text));
                        let hash = hasher.hash_one(words.as_str());
                        ((f, terms, hash), claim_hash(&words))
                    })
                    .unzip();
                (made, ids, disputes_in(d, x, &text))
            })
            .collect();
        for (per_doc, ids, found) in made {
            for (mut f, terms, hash) in per_doc {
                f.terms = terms.into_iter().map(|t| vocab.number(t)).collect();
                if let Some(rare) = &mut f.rare {
                    rare.share(&mut rare_terms);
                }
                // Under 4 billion reports (see `Pair`).
                let i = u32::try_from(facts.len()).expect("under 4 billion");
                hashes.push((hash, i));
                facts.push(f);
            }
            claim_ids.extend(ids);
            disputes.extend(found);
        }
    }
    drop(rare_terms);
    let topic = topic_terms(&facts, &vocab);
    let pairs = candidate_pairs(&facts, &vocab);
    let group_of = group(docs, &keys, &facts, &pairs, hashes);
    let groups = group_of.iter().flatten().copied().max().map_or(0, |m| m + 1);
    let mut counterclaims: Vec<Counterclaim> = pairs
        .par_iter()
        .flat_map_iter(|run| {
            let mut contents = Contents::new(docs, &names);
            let (keys, facts, vocab, topic) = (&keys, &facts, &vocab, &topic);
            run.iter().filter_map(move |&(i, j, shared)| {
                let (i, j) = (i as usize, j as usize);
                let pair = ((keys.get(i), keys.get(j)), (i, j));
                let shared = shared as usize;
                let c = &mut contents;
                counter(docs, c, facts, vocab, topic, pair, shared)
            })
        })
        .collect();
    counterclaims.extend(refers_back(docs, &keys, &facts));
    counterclaims.sort_by_key(|x| (x.a, x.b));
    counterclaims.dedup_by(|x, y| (x.a, x.b) == (y.a, y.b));
    disputes.sort_by_key(|x| x.report);
    Analysis { group_of, groups, counterclaims, disputes, claim_ids }
}

/// The number in the id of a claim whose words' key ([`canonical_key`]
/// of its text) is `key`: the hash of its words, so that claims group by
/// their words, whatever the case and punctuation.
pub(crate) fn claim_hash(key: &str) -> u64 {
    // The hash of the words joined by single spaces, fed a character at
    // a time in one pass: the joined text is never built (a copy of each
    // report's words, a fifth of the cost before).
    let mut h = STABLE_HASH_START;
    let mut started = false;
    let mut gap = false;
    for c in key.chars() {
        if c.is_alphanumeric() {
            if gap && started {
                h = stable_hash_more(h, b" ");
            }
            gap = false;
            started = true;
            h = if c.is_ascii() {
                stable_hash_more(h, &[c as u8])
            } else {
                stable_hash_more(h, c.encode_utf8(&mut [0; 4]).as_bytes())
            };
        } else {
            gap = true;
        }
    }
    h
}

/// What the facts pass makes of one document: each report's facts, terms
/// and hash of its words; each report's claim id; the reports it
/// disputes.
type DocFacts = (Vec<(Facts, Vec<Term>, u64)>, Vec<u64>, Vec<Dispute>);

/// Reports whose facts are made at a time, before their terms are
/// numbered.
const FACT_RUN: usize = 1 << 16;

/// The documents of `docs` in consecutive runs of at least `reports`
/// reports each (but the last).
fn runs_of_reports(
    docs: &[Extracted],
    reports: usize,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut lo = 0;
    std::iter::from_fn(move || {
        if lo == docs.len() {
            return None;
        }
        let (start, mut n) = (lo, 0);
        while lo < docs.len() && n < reports {
            n += docs[lo].attributions.len();
            lo += 1;
        }
        Some(start..lo)
    })
}

/// The facts of one report, `a` with its content `text` (aliases
/// named), but for its terms, and its terms. `breaks` are where its
/// document's paragraph breaks end, in order.
fn facts_of(
    a: &Attribution,
    text: String,
    breaks: &[usize],
    actor: Option<Arc<str>>,
) -> (Facts, Vec<Term>) {
    let lower = lower_words(&text);
    let start = a.content_extent().start();
    let paragraph = breaks.partition_point(|&end| end <= start);
    let paragraph = u32::try_from(paragraph).expect("under 4 billion");
    let denied = a.class == CueClass::Denied;
    let terms = key_terms(&lower);
    let negation = negation(&lower);
    let (scope, heads) = if negation.is_some() {
        negation_scope(&text)
    } else if denied {
        (terms.clone(), Vec::new())
    } else {
        (Vec::new(), Vec::new())
    };
    // A content that asks anything is rhetoric, not a statement of fact:
    // "Why won't he release his tax returns? I think ...".
    let question = text.contains('?');
    let numbers = numbers(&lower);
    let is_rare = !scope.is_empty()
        || !heads.is_empty()
        || negation.is_some()
        || !numbers.is_empty();
    // Copied, not shrunk: the allocator keeps a block that shrinks by
    // less than half.
    let rare = Rare {
        scope: Box::from(scope.as_slice()),
        heads: Box::from(heads.as_slice()),
        negation: negation.as_deref().map(Term::from),
        numbers: Box::from(numbers.as_slice()),
    };
    let facts = Facts {
        terms: Box::default(),
        rare: is_rare.then(|| Box::new(rare)),
        question,
        denied,
        refers_back: refers_back_phrase(&lower),
        actor,
        paragraph,
    };
    (facts, terms)
}

/// The terms each negation in `text` applies to: up to six words after
/// it, within its clause ("we don't produce fentanyl and", "none of the
/// drug is produced", "rather than cartels in Mexico"); and the first
/// of them for each negation, the word it denies.
fn negation_scope(text: &str) -> (Vec<Term>, Vec<Term>) {
    let mut scope = Vec::new();
    let mut heads = Vec::new();
    for clause in text.split([',', ';', ':', '—', '–', '?']) {
        let lower = lower_words(clause);
        for (i, w) in lower.iter().enumerate() {
            let starts = negates(&lower, i)
                || (w == "than" && i > 0 && lower[i - 1] == "rather");
            if !starts {
                continue;
            }
            let after = lower[i + 1..]
                .iter()
                .take_while(|w| !matches!(&w[..], "and" | "but" | "or"));
            let after: Vec<Lower> = after.take(6).cloned().collect();
            let head = after.iter().find(|w| is_key(w));
            heads.extend(head.map(|w| term(w)));
            scope.extend(key_terms(&after));
        }
    }
    scope.sort();
    scope.dedup();
    heads.sort();
    heads.dedup();
    (scope, heads)
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| {
        !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '.')
    })
    .map(trim_marks)
    .filter(|w| !w.is_empty())
    .collect()
}

/// `w` without the dots and apostrophes at either end. Most words have
/// none: told by their first and last bytes (a ’ starts with 0xe2 and
/// ends with 0x99), they are not trimmed character by character.
fn trim_marks(w: &str) -> &str {
    let edge = |b: &u8| matches!(b, b'.' | b'\'' | 0xe2 | 0x99);
    let bytes = w.as_bytes();
    if bytes.first().is_some_and(edge) || bytes.last().is_some_and(edge) {
        w.trim_matches(|c: char| c == '.' || c == '\'' || c == '’')
    } else {
        w
    }
}

/// A word in lower case: borrowed when it already is, as most words of
/// a report are, so that they are not each copied.
type Lower<'a> = Cow<'a, str>;

/// The [`words`] of `text`, in lower case.
fn lower_words(text: &str) -> Vec<Lower<'_>> {
    words(text).into_iter().map(lower_case).collect()
}

/// Words that carry no topic.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "about", "after", "again", "against", "all", "also", "and", "any",
    "are", "because", "been", "before", "being", "between", "both", "but",
    "can", "come", "continue", "continued", "continues", "could",
    "countries", "country", "did", "does", "doing", "during", "each",
    "even", "every", "first", "for", "from", "get", "going", "got", "had",
    "has", "have", "having", "her", "here", "hers", "him", "his", "how",
    "into", "its", "just", "last", "like", "lot", "many", "may", "might",
    "more", "most", "much", "must", "new", "not", "now", "one", "only",
    "other", "our", "out", "over", "own", "part", "place", "rather",
    "really", "said", "same", "says", "she", "should", "some", "still",
    "such", "take", "takes", "taking", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "thing", "things", "this",
    "those", "through", "time", "too", "took", "two", "under", "until",
    "use", "used", "very", "was", "way", "well", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "year", "years", "you", "your",
];

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Maps a lower-case word to the first word of its synonym group, and
/// a people's name to its place's ("mexican" to "mexico").
fn synonyms() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in table_lines(SYNONYMS).chain(table_lines(DEMONYMS)) {
            let mut cols = line.split('\t');
            let head = cols.next().unwrap_or_default().to_string();
            for w in cols.chain(std::iter::once(head.as_str())) {
                map.insert(w.to_string(), head.clone());
            }
        }
        map
    })
}

/// True when `lower` (a lower-case key) is a place of
/// `data/demonyms.tsv`: "france", "mexico".
pub(crate) fn is_known_place(lower: &str) -> bool {
    static PLACES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    PLACES
        .get_or_init(|| {
            table_lines(DEMONYMS)
                .filter_map(|line| line.split('\t').next())
                .collect()
        })
        .contains(lower)
}

/// True when `lower` (a lower-case word) names a people of
/// `data/demonyms.tsv` in the plural: "russians", "mexicans".
pub(crate) fn is_peoples_plural(lower: &str) -> bool {
    static PEOPLES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    PEOPLES
        .get_or_init(|| {
            table_lines(DEMONYMS)
                .flat_map(|line| line.split('\t').skip(1))
                .filter(|w| w.ends_with('s') && !w.ends_with("ss"))
                .collect()
        })
        .contains(lower)
}

/// Pairs of stems that cannot both hold.
fn antonyms() -> &'static HashMap<Term, Vec<Term>> {
    static MAP: OnceLock<HashMap<Term, Vec<Term>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: HashMap<Term, Vec<Term>> = HashMap::new();
        for line in table_lines(ANTONYMS) {
            if let Some((a, b)) = line.split_once('\t') {
                let (a, b) = (term(a), term(b));
                map.entry(a.clone()).or_default().push(b.clone());
                map.entry(b).or_default().push(a);
            }
        }
        map
    })
}

fn table_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The comparable form of a lower-case word. A corpus repeats a few tens
/// of thousands of words millions of times, so each thread keeps the
/// forms it has made (folding and stemming were a tenth of a build).
fn term(lower: &str) -> Term {
    type Cache = HashMap<String, Term, foldhash::fast::RandomState>;
    thread_local! {
        static CACHE: std::cell::RefCell<Cache> = std::cell::RefCell::default();
    }
    CACHE.with_borrow_mut(|cache| {
        if let Some(t) = cache.get(lower) {
            return t.clone();
        }
        let folded = canonical_key(lower);
        let word = synonyms().get(&folded).cloned().unwrap_or(folded);
        let t = Term::from(stemmer().stem(&word));
        cache.insert(lower.to_string(), t.clone());
        t
    })
}

/// True for a lower-case word that can say what a claim is about: not a
/// function word, nor one joined to its verb ("we're", "they've").
fn is_key(w: &str) -> bool {
    // Most words have no apostrophe: a scan of the bytes for a ' or the
    // lead byte of a ’ passes them over without a search for the marks.
    let marked = w.bytes().any(|b| b == b'\'' || b == 0xe2);
    if marked {
        let before = w.split(['\'', '’']).next().unwrap_or(w);
        if before.len() < w.len() && !is_key(before) {
            return false;
        }
    }
    // At least three characters, counting no further than the third; a
    // digit is one byte.
    w.chars().nth(2).is_some()
        && !w.bytes().all(|b| b.is_ascii_digit())
        && !is_stop(w)
        && !is_negation(w)
}

/// True for a word of [`STOP`]. A hash set, not a binary search: each
/// step of the search compared whole strings, and every word of every
/// report is looked up.
fn is_stop(w: &str) -> bool {
    type Set = HashSet<&'static str, foldhash::fast::FixedState>;
    static SET: OnceLock<Set> = OnceLock::new();
    SET.get_or_init(|| STOP.iter().copied().collect()).contains(w)
}

fn key_terms(lower: &[Lower]) -> Vec<Term> {
    let mut terms: Vec<Term> =
        lower.iter().filter(|w| is_key(w)).map(|w| term(w)).collect();
    terms.sort();
    terms.dedup();
    terms
}

fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "no"
            | "none"
            | "never"
            | "nothing"
            | "neither"
            | "nor"
            | "nobody"
            | "cannot"
    ) || w.ends_with("n't")
        || w.ends_with("n’t")
}

/// The word that negates the content, if one does: "not", "don't",
/// "none", "rather than".
fn negation(lower: &[Lower]) -> Option<String> {
    let rather = lower.windows(2).any(|w| w[0] == "rather" && w[1] == "than");
    if rather {
        return Some("rather than".into());
    }
    let i = (0..lower.len()).find(|&i| negates(lower, i))?;
    Some(lower[i].to_string())
}

/// True when the `i`th word negates what follows: "not" in "not only
/// X but Y" does not.
fn negates(lower: &[Lower], i: usize) -> bool {
    let next = lower.get(i + 1).map(|w| &**w);
    is_negation(&lower[i])
        && !(lower[i] == "not"
            && matches!(next, Some("only" | "just" | "merely")))
}

/// True for contents that point back at an earlier claim: "those
/// assertions", "the allegations", "no such trafficking", or that end
/// "in response" or "in reply", answering what was said before ("denied
/// any illegal trafficking between the two countries in response").
fn refers_back_phrase(lower: &[Lower]) -> bool {
    const SPEECH: &[&str] = &[
        "accusations",
        "allegations",
        "assertions",
        "charges",
        "claims",
        "comments",
        "remarks",
        "reports",
        "statements",
        "suggestions",
    ];
    let first = lower.first().map(|w| &**w);
    let second = lower.get(1).map(|w| &**w);
    let pointer = matches!(
        first,
        Some("those" | "these" | "the" | "such" | "that" | "this")
    );
    let such = lower
        .windows(2)
        .take(3)
        .any(|w| w[1] == "such" && matches!(&*w[0], "no" | "any"));
    let speech =
        second.is_some_and(|w| SPEECH.contains(&w)) && lower.len() <= 4;
    let answers = match lower {
        [.., a, b] => &**a == "in" && matches!(&**b, "response" | "reply"),
        _ => false,
    };
    (pointer && speech) || such || answers
}

/// Numbers with the word after them: "106,000 people" gives ("peopl", 106000).
fn numbers(lower: &[Lower]) -> Vec<(Term, f64)> {
    lower
        .windows(2)
        .filter_map(|w| {
            // A number, infinity or NaN opens with a sign, a digit, a dot,
            // an i or an n: other words are not handed to the parser.
            if !may_be_float(&w[0]) {
                return None;
            }
            // Commas dropped, copying only a word that has any.
            let digits = if w[0].contains(',') {
                Cow::Owned(w[0].replace(',', ""))
            } else {
                Cow::Borrowed(&*w[0])
            };
            let n: f64 = digits.parse().ok()?;
            Some((term(&w[1]), n))
        })
        .collect()
}

/// False for a word that `str::parse::<f64>` cannot read, whatever
/// commas are dropped from it: one that opens with no sign, digit, dot,
/// comma or first letter of "inf", "infinity" or "nan".
fn may_be_float(w: &str) -> bool {
    matches!(
        w.as_bytes().first(),
        None | Some(
            b'0'..=b'9'
                | b'+'
                | b'-'
                | b'.'
                | b','
                | b'i'
                | b'I'
                | b'n'
                | b'N'
        )
    )
}

/// The corpus's topic: terms in at least a quarter of its reports (in a
/// corpus big enough to tell). Sharing them says two reports are on the
/// corpus's subject, not that they are about the same thing.
fn topic_terms(facts: &[Facts], vocab: &Vocab) -> HashSet<Term> {
    if facts.len() < 20 {
        return HashSet::new();
    }
    let mut count = vec![0usize; vocab.len()];
    for f in facts {
        for &t in &f.terms {
            count[t as usize] += 1;
        }
    }
    (0..vocab.len())
        .filter(|&t| count[t] * 4 >= facts.len())
        .map(|t| Term::from(&**vocab.get(t as TermId)))
        .collect()
}

/// Two reports, by their index, and how many indexed terms they share:
/// u32, as a corpus has under 4 billion reports.
type Pair = (u32, u32, u32);

/// Pairs of reports that share at least [`MIN_SHARED`] indexed terms,
/// with how many they share, in report order, in runs of [`PAIR_RUN`]
/// reports: the runs are not joined into one list, which would hold
/// every pair twice while it was made.
fn candidate_pairs(facts: &[Facts], vocab: &Vocab) -> Vec<Vec<Pair>> {
    // The reports of each term.
    let terms_of = |i: usize| &facts[i].terms[..];
    // Each list made with room for its reports and no more: grown by
    // doubling, the lists of a large corpus would hold a third again.
    let mut count = vec![0u32; vocab.len()];
    for f in facts {
        for &t in &f.terms {
            count[t as usize] += 1;
        }
    }
    let mut postings: Vec<Vec<u32>> =
        count.iter().map(|&n| Vec::with_capacity(n as usize)).collect();
    drop(count);
    for i in 0..facts.len() {
        let r = u32::try_from(i).expect("under 4 billion reports");
        for &t in terms_of(i) {
            postings[t as usize].push(r);
        }
    }
    // Each report counts the later reports it shares indexed terms with,
    // in one array reset after each report: no map of all pairs. Runs of
    // reports go to every core, each core with its own array, made once.
    let starts: Vec<usize> = (0..facts.len()).step_by(PAIR_RUN).collect();
    starts
        .par_iter()
        .map_init(
            || (vec![0u32; facts.len()], Vec::new()),
            |(shared, touched), &start| {
                let end = (start + PAIR_RUN).min(facts.len());
                let mut out: Vec<Pair> = Vec::new();
                for i in start..end {
                    for &t in terms_of(i) {
                        let list = &postings[t as usize];
                        if list.len() > MAX_POSTING {
                            continue;
                        }
                        // Lists are in report order; only the reports
                        // after i.
                        let later = &list
                            [list.partition_point(|&j| j as usize <= i)..];
                        for &j in later {
                            let j = j as usize;
                            if shared[j] == 0 {
                                touched.push(j);
                            }
                            shared[j] += 1;
                        }
                    }
                    // Only the pairs kept are sorted: most reports
                    // touched share one term, and sorting them all was
                    // most of this loop's time.
                    let kept = out.len();
                    for &j in touched.iter() {
                        let n = shared[j];
                        if n as usize >= MIN_SHARED {
                            // Under 4 billion reports, as above.
                            out.push((i as u32, j as u32, n));
                        }
                        shared[j] = 0;
                    }
                    // Each later report once: in order of `j`, as before.
                    out[kept..].sort_unstable_by_key(|&(_, j, _)| j);
                    touched.clear();
                }
                out.shrink_to_fit();
                out
            },
        )
        .collect()
}

/// Reports per run of [`candidate_pairs`] on one core.
const PAIR_RUN: usize = 4096;

/// Union-find over reports: the same actor saying the same thing.
fn group(
    docs: &[Extracted],
    keys: &Keys,
    facts: &[Facts],
    pairs: &[Vec<Pair>],
    mut hashes: Vec<(u64, u32)>,
) -> Vec<Vec<usize>> {
    // u32, as there are under 4 billion reports (see `Pair`).
    let n = u32::try_from(keys.len()).expect("under 4 billion reports");
    let mut parent: Vec<u32> = (0..n).collect();
    fn root(p: &mut [u32], i: usize) -> usize {
        let mut i = i as u32;
        while p[i as usize] != i {
            p[i as usize] = p[p[i as usize] as usize];
            i = p[i as usize];
        }
        i as usize
    }
    // The same words are the same claim, whoever reports them. Reports
    // are sorted by a hash of their words (`hashes`, one per report, as
    // the facts were made), and only those of one hash have their words
    // made again and compared: no list or map of every report's words (a
    // copy of most of the corpus's text).
    hashes.par_sort_unstable();
    let same: Vec<&[(u64, u32)]> =
        hashes.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1).collect();
    let unions = same_words(docs, keys, &same);
    drop(same);
    drop(hashes);
    for (first, i) in unions {
        let (r1, r2) = (root(&mut parent, first), root(&mut parent, i));
        parent[r2.max(r1)] = r2.min(r1) as u32;
    }
    for &(i, j, n) in pairs.iter().flatten() {
        let (i, j, n) = (i as usize, j as usize, n as usize);
        let (fi, fj) = (&facts[i], &facts[j]);
        let same_actor = fi.actor.is_some() && fi.actor == fj.actor;
        let smaller = fi.terms.len().min(fj.terms.len()).max(1);
        let similar = n * 2 >= smaller;
        if same_actor && similar && fi.negative() == fj.negative() {
            let (r1, r2) = (root(&mut parent, i), root(&mut parent, j));
            parent[r2.max(r1)] = r2.min(r1) as u32;
        }
    }
    let mut index: HashMap<usize, usize, foldhash::fast::RandomState> =
        HashMap::default();
    let mut out: Vec<Vec<usize>> =
        docs.iter().map(|x| vec![0; x.attributions.len()]).collect();
    for i in 0..keys.len() {
        let k = keys.get(i);
        let r = root(&mut parent, i);
        let next = index.len();
        out[k.doc][k.att] = *index.entry(r).or_insert(next);
    }
    out
}

/// `f` of each report `wanted` (by its number) and its words (as
/// [`canonical_key`] makes them), in report order; each document's text
/// is read once for all its reports, and not at all when none of them is
/// wanted.
fn words_of<T: Send>(
    docs: &[Extracted],
    wanted: impl Fn(usize) -> bool + Sync,
    f: impl Fn(usize, String) -> T + Sync,
) -> Vec<T> {
    let mut first = Vec::with_capacity(docs.len());
    docs.iter().fold(0, |at, x| {
        first.push(at);
        at + x.attributions.len()
    });
    docs.par_iter()
        .zip(first)
        .flat_map_iter(|(x, first)| {
            let reports = first..first + x.attributions.len();
            if !reports.clone().any(&wanted) {
                return Vec::new();
            }
            let text = x.text();
            let made: Vec<T> = reports
                .zip(&x.attributions)
                .filter(|(i, _)| wanted(*i))
                .map(|(i, a)| f(i, canonical_key(&a.content_text(&text))))
                .collect();
            made
        })
        .collect()
}

/// Each report of the runs `same` (reports of one hash of their words,
/// sorted) with the first report of the same words.
///
/// Most runs are of one text: the words of each run's first report are
/// made, then the others' are compared with them, each document's text
/// read once a pass. A run whose words differ is compared member by
/// member.
fn same_words(
    docs: &[Extracted],
    keys: &Keys,
    same: &[&[(u64, u32)]],
) -> Vec<(usize, usize)> {
    let mut run_of = vec![NO_RUN; keys.len()];
    for (r, run) in same.iter().enumerate() {
        for &(_, i) in *run {
            run_of[i as usize] = u32::try_from(r).expect("under 4 billion");
        }
    }
    let run_of = |i: usize| Some(run_of[i]).filter(|&r| r != NO_RUN);
    let head = |r: u32| same[r as usize][0].1 as usize;
    let is_head = |i: usize| run_of(i).is_some_and(|r| head(r) == i);
    let mut words: Vec<String> = vec![String::new(); same.len()];
    for (i, w) in words_of(docs, is_head, |i, w| (i, w)) {
        words[run_of(i).expect("in a run") as usize] = w;
    }
    // Each other member with its run's first report, or its run when
    // its words are not the first's.
    let others = words_of(
        docs,
        |i| run_of(i).is_some() && !is_head(i),
        |i, w| {
            let r = run_of(i).expect("in a run");
            if w == words[r as usize] { Ok((head(r), i)) } else { Err(r) }
        },
    );
    drop(words);
    let mut unions = Vec::with_capacity(others.len());
    let mut mixed = Vec::new();
    for other in others {
        match other {
            Ok(union) => unions.push(union),
            Err(r) => mixed.push(r),
        }
    }
    mixed.sort_unstable();
    mixed.dedup();
    // A run of more than one text: each member with the first of its
    // words, as they come.
    let text_of = |i: usize| {
        let k = keys.get(i);
        let x = &docs[k.doc];
        canonical_key(&x.attributions[k.att].content_text(&x.text()))
    };
    let mixed: Vec<Vec<(usize, usize)>> = mixed
        .par_iter()
        .map(|&r| {
            let run = same[r as usize];
            let texts: Vec<(String, usize)> = run
                .iter()
                .map(|&(_, i)| (text_of(i as usize), i as usize))
                .collect();
            let mut first: HashMap<&str, usize, foldhash::fast::RandomState> =
                HashMap::default();
            texts
                .iter()
                .map(|(text, i)| (*first.entry(text).or_insert(*i), *i))
                .collect()
        })
        .collect();
    unions.extend(mixed.into_iter().flatten());
    unions
}

/// "In no run" in [`same_words`].
const NO_RUN: u32 = u32::MAX;

fn counter(
    docs: &[Extracted],
    contents: &mut Contents,
    facts: &[Facts],
    vocab: &Vocab,
    topic: &HashSet<Term>,
    ((ka, kb), (i, j)): ((ReportKey, ReportKey), (usize, usize)),
    shared: usize,
) -> Option<Counterclaim> {
    let (a, b) = (&facts[i], &facts[j]);
    let by_one_actor = a.actor.is_some() && a.actor == b.actor;
    // Requests, promises, beliefs and questions are not statements of
    // fact, and a denial that points back is linked to what it points at.
    // A report whose cue only the learned model vouches for is not put
    // against another: a counterclaim resting on a guessed attribution
    // would stack one doubt on another.
    let factual = |k: ReportKey, f: &Facts| {
        let a = &docs[k.doc].attributions[k.att];
        !f.refers_back
            && !f.question
            && is_factual(a.class)
            && !a.rule.starts_with("learned/")
    };
    if by_one_actor || !factual(ka, a) || !factual(kb, b) {
        return None;
    }
    let smaller = a.terms.len().min(b.terms.len()).max(1);
    let same_words = shared * 5 >= smaller * 4;
    // Most candidate pairs fit no rule; find that out before building
    // the reason's words.
    let numbers =
        same_words && !a.numbers().is_empty() && !b.numbers().is_empty();
    let antonyms = antonym_pair(a, b, vocab);
    if !numbers && antonyms.is_none() && a.negative() == b.negative() {
        return None;
    }
    let common = common_terms(a, b, vocab);
    // What both are about, in their words: read from the contents only
    // for a pair that is a counterclaim, as most that get here are not.
    let about = |contents: &mut Contents| {
        words_for(contents, [ka, kb], &common).join(", ")
    };
    let who = |k: ReportKey, f: &Facts| speaker_of(docs, k, f);
    let base = 0.45 + 0.1 * (shared.saturating_sub(MIN_SHARED) as f64);
    let same_doc = if ka.doc == kb.doc { 0.1 } else { 0.0 };
    let confidence = |bonus: f64| (base + same_doc + bonus).min(0.95);
    if let Some((unit, x, y)) = numbers_disagree(a, b).filter(|_| same_words) {
        let about = about(contents);
        let reason = format!(
            "{x} {unit} according to {}, {y} according to {}; both about: \
             {about}",
            who(ka, a),
            who(kb, b)
        );
        return Some(Counterclaim {
            a: ka,
            b: kb,
            rule: "counter/numbers",
            reason,
            confidence: confidence(0.1),
        });
    }
    let specific = common.iter().filter(|t| !topic.contains(*t)).count();
    // Opposite words say opposite things only of the same thing: the two
    // reports share most of the shorter one's terms, a name of several
    // words counting once.
    let mostly_shared = |contents: &mut Contents| {
        // The units are at most the common terms (at least one): when
        // even that many are too few, the term sequences are not made.
        if common.len().max(1) * 2 < smaller {
            return false;
        }
        let common: Vec<&Term> = common.iter().collect();
        let (sa, sb) =
            (term_sequence(contents, ka), term_sequence(contents, kb));
        distinct_units(&common, &sa, &sb, &[]) * 2 >= smaller
    };
    if let Some((x, y)) =
        antonyms.filter(|_| specific >= MIN_SHARED && mostly_shared(contents))
    {
        let about = about(contents);
        let reason = format!(
            "\"{x}\" according to {}, \"{y}\" according to {}; both \
             about: {about}",
            who(ka, a),
            who(kb, b)
        );
        return Some(Counterclaim {
            a: ka,
            b: kb,
            rule: "counter/antonym",
            reason,
            confidence: confidence(0.0),
        });
    }
    if a.negative() != b.negative() {
        let (neg, negf, pos, posf) =
            if a.negative() { (ka, a, kb, b) } else { (kb, b, ka, a) };
        let covered = common.len() * 2 >= negf.terms.len();
        // Told first, as it needs no look-up of the terms in scope.
        if !covered {
            return None;
        }
        let in_scope: Vec<&Term> =
            negf.scope().iter().filter(|t| vocab.has(posf, t)).collect();
        let needed = if ka.doc == kb.doc { 2 } else { 3 };
        let specific = in_scope.iter().any(|t| !topic.contains(*t));
        // What is negated must be what the other affirms ("don't
        // produce" against "is produced", not "not contemplating action"
        // against "calling for action"), and the other must say most of
        // what the negative report says.
        let head = negf.heads().is_empty() && negf.negation().is_none()
            || negf.heads().iter().any(|t| vocab.has(posf, t));
        // The shared things are at most the terms in scope (at least
        // one): with fewer terms than needed, or another test failing,
        // the term sequences are not made (a new pass over both
        // contents each, they were a fifth of a build's instructions
        // when made for every pair that got this far).
        if in_scope.len() < needed || !specific || !head || !covered {
            return None;
        }
        // A name of several words is one thing shared, not several.
        let units = distinct_units(
            &in_scope,
            &term_sequence(contents, neg),
            &term_sequence(contents, pos),
            negf.heads(),
        );
        if units < needed {
            return None;
        }
        let how = match (negf.negation(), negf.denied) {
            (Some(w), false) => format!("negates (\"{w}\")"),
            (None, true) => "denies".to_string(),
            _ => "rejects".to_string(),
        };
        let about = about(contents);
        let reason = format!(
            "{} {how} what is affirmed by {}; both about: {about}",
            who(neg, negf),
            who(pos, posf)
        );
        return Some(Counterclaim {
            a: ka,
            b: kb,
            rule: "counter/polarity",
            reason,
            confidence: confidence(0.0),
        });
    }
    None
}

/// The key terms of a report's content in the order they come.
fn term_sequence(contents: &mut Contents, k: ReportKey) -> Vec<Term> {
    lower_words(&contents.of(k))
        .iter()
        .filter(|w| is_key(w))
        .map(|w| term(w))
        .collect()
}

/// How many things the `shared` terms name: two that follow each other
/// in both sequences are one name or title ("former secretary of
/// state", "Donald Trump"), unless one of them is in `apart` (a negated
/// verb and its object, "don't produce fentanyl", stay two).
fn distinct_units(
    shared: &[&Term],
    a: &[Term],
    b: &[Term],
    apart: &[Term],
) -> usize {
    let counts = |t: &Term| shared.contains(&t) && !apart.contains(t);
    let mut joined: Vec<(&Term, &Term)> = a
        .windows(2)
        .filter(|w| w[0] != w[1] && counts(&w[0]) && counts(&w[1]))
        .filter(|w| b.windows(2).any(|v| v == *w))
        .map(|w| (&w[0], &w[1]))
        .collect();
    joined.sort();
    joined.dedup();
    let units = shared.len().saturating_sub(joined.len());
    units.max(usize::from(!shared.is_empty()))
}

/// Cue classes that report statements of fact.
fn is_factual(class: CueClass) -> bool {
    !matches!(class, CueClass::Asked | CueClass::Pledged | CueClass::Believed)
}

/// The terms both reports have, in order (terms are sorted).
fn common_terms(a: &Facts, b: &Facts, vocab: &Vocab) -> Vec<Term> {
    a.terms
        .iter()
        .filter(|t| b.terms.contains(t))
        .map(|&t| vocab.get(t).clone())
        .collect()
}

/// Each of `terms` as the reports write it: the first word of the first
/// report, else of the second, whose term it is ("produced" for
/// "produc", "Mexican" for "mexico"); a reason quotes words, not stems.
fn words_for(
    contents: &mut Contents,
    reports: [ReportKey; 2],
    terms: &[Term],
) -> Vec<String> {
    let texts: Vec<String> = reports.iter().map(|&k| contents.of(k)).collect();
    let written: Vec<Vec<&str>> = texts.iter().map(|c| words(c)).collect();
    terms
        .iter()
        .map(|t| {
            written
                .iter()
                .flatten()
                .find(|w| {
                    let lower = lower_case(w);
                    is_key(&lower) && term(&lower) == *t
                })
                .map_or_else(|| t.to_string(), |w| w.to_string())
        })
        .collect()
}

fn speaker_of(docs: &[Extracted], k: ReportKey, f: &Facts) -> String {
    let a = &docs[k.doc].attributions[k.att];
    match (&f.actor, &a.speaker) {
        (_, Some(sp)) => sp.name.to_string(),
        (Some(actor), None) => actor.to_string(),
        (None, None) => {
            format!("an unnamed source in {}", docs[k.doc].document.id)
        }
    }
}

/// A quantity both reports give, where each gives a figure the other
/// does not: "300 people" against "40 people". A report that gives both
/// figures ("from 10 to 24 hours") disagrees with neither.
fn numbers_disagree(a: &Facts, b: &Facts) -> Option<(String, f64, f64)> {
    let near = |x: f64, y: f64| (x - y).abs() <= 0.1 * x.abs().max(y.abs());
    let gives = |f: &Facts, unit: &str, x: f64| {
        f.numbers().iter().any(|(u, y)| **u == *unit && near(x, *y))
    };
    for (unit, x) in a.numbers() {
        if gives(b, unit, *x) {
            continue;
        }
        for (unit2, y) in b.numbers() {
            if unit == unit2 && !gives(a, unit, *y) {
                return Some((unit.to_string(), *x, *y));
            }
        }
    }
    None
}

/// A word of `a` whose opposite `b` uses, where neither report uses
/// both ("capital gains and losses" on both sides is no contrast).
fn antonym_pair(
    a: &Facts,
    b: &Facts,
    vocab: &Vocab,
) -> Option<(String, String)> {
    let has = |f: &Facts, t: &TermId| f.terms.contains(t);
    // Most terms have no opposite: that is asked first, before a search
    // of the other report's terms. The antonyms are symmetric, so a term
    // that is the opposite of another has opposites of its own.
    for x in a.terms.iter() {
        let Some(opposites) = vocab.opposites(*x) else { continue };
        if has(b, x) {
            continue;
        }
        if let Some(y) = b.terms.iter().find(|y| {
            vocab.opposites(**y).is_some()
                && opposites.contains(vocab.get(**y))
                && !has(a, y)
        }) {
            return Some((
                vocab.get(*x).to_string(),
                vocab.get(*y).to_string(),
            ));
        }
    }
    None
}

/// "China and Mexico have denied those assertions": each such denial is
/// linked to the nearest earlier report by someone else in its document.
fn refers_back(
    docs: &[Extracted],
    keys: &Keys,
    facts: &[Facts],
) -> Vec<Counterclaim> {
    let mut out = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        if !f.refers_back || !f.negative() {
            continue;
        }
        let k = keys.get(i);
        let target = (0..i)
            .rev()
            .take_while(|&j| keys.get(j).doc == k.doc)
            .find(|&j| {
                let g = &facts[j];
                !g.refers_back
                    && !g.negative()
                    && (g.actor.is_none() || g.actor != f.actor)
                    && f.paragraph.saturating_sub(g.paragraph) <= 2
            });
        if let Some(j) = target {
            let reason = format!(
                "{} denies what it points back to, said by {}",
                speaker_of(docs, k, f),
                speaker_of(docs, keys.get(j), &facts[j])
            );
            out.push(Counterclaim {
                a: keys.get(j),
                b: k,
                rule: "counter/refers-back",
                reason,
                confidence: 0.7,
            });
        }
    }
    out
}

/// Adverbs that make a cue a dispute: "falsely claiming".
const FALSE_CUE: &[&str] = &[
    "baselessly",
    "erroneously",
    "falsely",
    "inaccurately",
    "misleadingly",
    "wrongly",
];

/// Nouns and adjectives by which a document calls something false.
const FALSE_WORDS: &[&str] = &[
    "baseless",
    "bogus",
    "debunked",
    "disinformation",
    "fabricated",
    "false",
    "falsehood",
    "falsehoods",
    "misinformation",
    "misleading",
    "unfounded",
    "untrue",
];

/// True when `text`, lower-cased, holds a word of [`FALSE_CUE`] or
/// [`FALSE_WORDS`].
///
/// As `text.to_lowercase()` and a search for each word, without the
/// Unicode lowering of the whole text (a tenth of the counterclaim
/// stage). The words are ASCII: a match in the lower-cased text is a
/// run of ASCII characters, and only ASCII characters lower into ASCII
/// but for U+0130 (İ, to "i̇") and U+212A (the Kelvin sign, to "k"); a
/// text without those two holds a word in its lower case exactly when
/// its ASCII lower case (other characters kept) holds it, which a
/// search with ASCII-only case folding (`(?i-u)`) finds without copying
/// the text. A text with them is lowered as before.
fn holds_false_word(text: &str) -> bool {
    if text.contains(['\u{130}', '\u{212a}']) {
        let lower = text.to_lowercase();
        return FALSE_CUE.iter().chain(FALSE_WORDS).any(|w| lower.contains(w));
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let words: Vec<String> = FALSE_CUE
            .iter()
            .chain(FALSE_WORDS)
            .map(|w| regex::escape(w))
            .collect();
        Regex::new(&format!("(?i-u:{})", words.join("|")))
            .expect("valid regex")
    });
    re.is_match(text)
}

/// The reports a document calls false.
fn disputes_in(d: usize, x: &Extracted, text: &str) -> Vec<Dispute> {
    // A document without reports disputes none: not searched.
    if x.attributions.is_empty() {
        return Vec::new();
    }
    if !holds_false_word(text) {
        return Vec::new();
    }
    let seg = segment(text);
    let sentences: Vec<Span> =
        seg.sentences.iter().map(|s| seg.span_of(s.first, s.end)).collect();
    let sentence_of = |at: usize| sentences.partition_point(|s| s.end() <= at);
    let mut out = Vec::new();
    for (att, a) in x.attributions.iter().enumerate() {
        let report = ReportKey { doc: d, att };
        let cue_marker =
            a.cue.and_then(|c| word_before(text, c.start(), FALSE_CUE));
        if let Some(m) = cue_marker {
            let reason = format!("the document says it was {}", m.text(text));
            out.push(Dispute {
                report,
                marker: m,
                rule: "dispute/false-cue",
                reason,
                confidence: 0.9,
            });
            continue;
        }
        let s = sentence_of(a.content_extent().start());
        let Some(next) = sentences.get(s + 1) else { continue };
        if let Some(m) = pointing_marker(text, *next) {
            let reason =
                format!("the next sentence calls it \"{}\"", m.text(text));
            out.push(Dispute {
                report,
                marker: m,
                rule: "dispute/next-sentence",
                reason,
                confidence: 0.7,
            });
        }
    }
    out
}

/// The word just before `at` (one word back), when it is in `list`.
fn word_before(text: &str, at: usize, list: &[&str]) -> Option<Span> {
    let before = text[..at].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[start..];
    list.contains(&word.to_lowercase().as_str())
        .then(|| Span::new(start, before.len()))
}

/// "This deliberate misinformation …": a sentence that opens with a
/// pointer and names what it points at false, within its first words.
fn pointing_marker(text: &str, sentence: Span) -> Option<Span> {
    let s = sentence.text(text);
    let mut offset = 0;
    let mut words = Vec::new();
    for w in s.split_whitespace().take(4) {
        let at = s[offset..].find(w).map_or(offset, |i| offset + i);
        words.push((at, w));
        offset = at + w.len();
    }
    let (_, first) = words.first()?;
    if !matches!(
        first.to_lowercase().as_str(),
        "this" | "that" | "these" | "those" | "such"
    ) {
        return None;
    }
    words[1..].iter().find_map(|&(at, w)| {
        let clean =
            w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        FALSE_WORDS.contains(&clean.as_str()).then(|| {
            let start = sentence.start() + at;
            Span::new(
                start,
                start
                    + w.trim_end_matches(|c: char| !c.is_alphanumeric()).len(),
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, stable_hash};
    use crate::pipeline::extract_document;

    #[test]
    fn the_word_before_a_cue_may_follow_a_wide_character() {
        // A curly apostrophe right before the word is three bytes long.
        let text = "she’falsely said it";
        let at = text.find(" said").unwrap();
        let span = word_before(text, at, FALSE_CUE).unwrap();
        assert_eq!(span.text(text), "falsely");
        assert_eq!(word_before("’ said", 3, FALSE_CUE), None);
    }

    /// Words of every kind a report has, and the odd ones.
    fn varied_words() -> Vec<String> {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "1", "0", "9", "106", ",", ".", "'", "’", "s", "t", "n", "don",
            "won", "inf", "INF", "Infinity", "nan", "NaN", "e", "E", "+",
            "-", "not", "the", "ab", "é", "ß", "x", "ve", "ll", "re", "i",
            "12", "3", "about", "never", "nor", "nothing", "cannot", "m",
        ];
        let mut out: Vec<String> =
            PIECES.iter().map(|p| p.to_string()).collect();
        out.extend(crate::model::random_texts(PIECES, 50_000, 5, 0x5eed));
        for text in crate::model::bundled_texts() {
            out.extend(lower_words(&text).iter().map(|w| w.to_string()));
        }
        out.push(String::new());
        out
    }

    #[test]
    fn key_words_are_those_of_the_plain_test() {
        fn reference(w: &str) -> bool {
            let before = w.split(['\'', '’']).next().unwrap_or(w);
            if before.len() < w.len() && !reference(before) {
                return false;
            }
            w.chars().count() >= 3
                && !w.chars().all(|c| c.is_ascii_digit())
                && !is_stop(w)
                && !is_negation(w)
        }
        let (mut keys, mut others) = (0, 0);
        for w in varied_words() {
            let expected = reference(&w);
            assert_eq!(is_key(&w), expected, "{w:?}");
            if expected { keys += 1 } else { others += 1 }
        }
        assert!(keys > 1000 && others > 1000, "{keys} {others}");
    }

    #[test]
    fn claim_hashes_are_those_of_the_joined_words() {
        let reference = |key: &str| {
            let words: Vec<&str> = key
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            stable_hash(words.join(" ").as_bytes())
        };
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "a", "B", "1", " ", "  ", ",", ".", "-", "’", "'", "é", "ß", "\n",
            "\u{a0}", "“", "”", "word", "x1", "Ω", "\u{301}", "?", "$", "",
        ];
        let mut keys = crate::model::random_texts(PIECES, 20_000, 8, 0xc1a1);
        for text in crate::model::bundled_texts() {
            keys.extend(text.split('.').map(canonical_key));
            keys.push(text);
        }
        for key in &keys {
            assert_eq!(claim_hash(key), reference(key), "{key:?}");
        }
    }

    #[test]
    fn marks_are_trimmed_as_by_trim_matches() {
        let mut words = varied_words();
        for text in crate::model::bundled_texts() {
            words.extend(text.split_whitespace().map(str::to_string));
        }
        words.extend(
            ["’", "'", ".", "’x’", "x’", "’x", "..", "é", "ü’"]
                .map(String::from),
        );
        for w in &words {
            let old =
                w.trim_matches(|c: char| c == '.' || c == '\'' || c == '’');
            assert_eq!(trim_marks(w), old, "{w:?}");
        }
    }

    #[test]
    fn no_word_passed_over_reads_as_a_number() {
        let mut numbers = 0;
        for w in varied_words() {
            let parsed = w.replace(',', "").parse::<f64>().is_ok();
            assert!(may_be_float(&w) || !parsed, "{w:?}");
            numbers += usize::from(parsed);
        }
        assert!(numbers > 100, "{numbers}");
    }

    #[test]
    fn only_two_characters_outside_ascii_lower_into_ascii() {
        let into_ascii: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(into_ascii, vec!['\u{130}', '\u{212a}']);
    }

    #[test]
    fn false_words_are_found_as_in_the_lower_case() {
        let reference = |t: &str| {
            let lower = t.to_lowercase();
            FALSE_CUE.iter().chain(FALSE_WORDS).any(|w| lower.contains(w))
        };
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "false", "FALSE", "fAlSe", "fals", "e", "E", "ly", "LY", "bogus",
            "bOGUS", "bog", "us", "misinformation", "MISINFORMATION",
            "misinform", "ation", "untrue", "UNTRUE", "un", "true", "wrongly",
            "wrong", "baseless", "BASE", "less", " ", "\n", "’", "é", "É",
            "İ", "\u{130}", "K", "\u{212a}", "\u{17f}", "ſ", "ΣΑΣ", "ς",
            "ﬁ", "ß", "ẞ", "\u{301}", "x", "debun", "ked", "DEBUNKED", "s",
            "S", "k", "i", "I", "ı", "unfounded", "unfounde", "d",
        ];
        let mut found = 0;
        let texts = crate::model::random_texts(
            PIECES,
            100_000,
            8,
            0x9e37_79b9_7f4a_7c15,
        );
        for text in texts {
            let expected = reference(&text);
            assert_eq!(holds_false_word(&text), expected, "{text:?}");
            found += usize::from(expected);
        }
        assert!(found > 1000, "{found}");
        // Every word, in every case, next to every piece.
        for w in FALSE_CUE.iter().chain(FALSE_WORDS) {
            for p in PIECES {
                for text in [
                    format!("{p}{w}{p}"),
                    format!("{p}{}{p}", w.to_uppercase()),
                    format!("{p}{}", &w[1..]),
                ] {
                    assert_eq!(
                        holds_false_word(&text),
                        reference(&text),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn names_without_boundaries_miss_no_alias() {
        let table = crate::store::builtin_aliases();
        let names = Names::new(&table);
        let found = names.found.as_ref().unwrap();
        let may_find = names.may_find.as_ref().unwrap();
        let mut texts: Vec<String> = vec![
            "AMLO said".into(),
            "the PRC’s".into(),
            "U.K.".into(),
            "\u{212a}".into(),
        ];
        for text in crate::model::bundled_texts() {
            texts.extend(text.lines().map(String::from));
        }
        let mut named = 0;
        for text in &texts {
            if found.is_match(text) {
                named += 1;
                assert!(may_find.is_match(text), "{text:?}");
            }
        }
        assert!(named > 0);
    }

    #[test]
    fn folded_aliases_are_found_where_case_folding_finds_them() {
        // The characters outside ASCII whose case class in `(?i)` holds
        // an ASCII letter are the two `fold_ascii` leaves to `may_find`.
        let ascii_letter = Regex::new("(?i)^[a-z]$").unwrap();
        let outside: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| ascii_letter.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(outside, [LONG_S, KELVIN]);
        let table = crate::store::builtin_aliases();
        let names = Names::new(&table);
        let may_find = names.may_find.as_ref().unwrap();
        assert!(names.folded.is_some());
        // Each non-ASCII character of the aliases is in a class alone.
        for c in table
            .entries
            .iter()
            .flat_map(|e| e.aliases.iter())
            .flat_map(|a| a.chars())
        {
            if !c.is_ascii() {
                let alone = Regex::new(&format!(
                    "(?i)^{}$",
                    regex::escape(&c.to_string())
                ))
                .unwrap();
                let others = ('\0'..=char::MAX)
                    .filter(|&d| {
                        d != c && alone.is_match(d.encode_utf8(&mut [0; 4]))
                    })
                    .count();
                assert_eq!(others, 0, "{c:?}");
            }
        }
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "AOC", "aoc", "AmLo", "PRC", "prc", "People’s", "people's",
            " Republic of ", "China", "Joseph", " R. ", "Biden", " Jr.",
            "Britain", "great", "UK", "u.k.", "U.", "K.", "S.", "A.", "USA",
            "United States", " of America", " ", "\u{212a}", "\u{17f}",
            "ſ", "É", "é", "İ", "ı", "’", "'", "x", "-", ".", "\n", "ΣΑΣ",
        ];
        let mut texts = crate::model::random_texts(
            PIECES,
            100_000,
            8,
            0x9e37_79b9_7f4a_7c15,
        );
        for text in crate::model::bundled_texts() {
            texts.extend(text.lines().map(String::from));
        }
        let mut found = 0;
        for text in &texts {
            let want = may_find.is_match(text);
            assert_eq!(names.may_name_alias(text), want, "{text:?}");
            found += usize::from(want);
        }
        assert!(found > 10_000, "{found}");
        // An alias with case outside ASCII leaves every text to `may_find`.
        let table = AliasTable {
            entries: vec![crate::model::AliasEntry {
                name: "Andrés".into(),
                aliases: vec!["Andrés M.".into()],
            }],
        };
        assert!(Names::new(&table).folded.is_none());
    }

    #[test]
    fn contents_of_packed_documents_read_as_the_plain_ones() {
        let texts = [
            "Ana Ruiz said the pills cost 10 cents.",
            "Bo Li said the border is closed. Cy Dee said it is open.",
            "Di Fox said AMLO denied it. Ed Gil said the wall was built.",
        ];
        let extracted = || -> Vec<Extracted> {
            texts
                .iter()
                .map(|t| {
                    extract_document(Document {
                        text: t.to_string(),
                        ..Document::default()
                    })
                })
                .collect()
        };
        let plain = extracted();
        let mut packed = extracted();
        packed.iter_mut().for_each(Extracted::pack);
        assert!(packed.iter().all(Extracted::is_packed));
        let table = crate::store::builtin_aliases();
        let names = Names::new(&table);
        let (mut want, mut got) =
            (Contents::new(&plain, &names), Contents::new(&packed, &names));
        // More documents than are held, back and forth.
        let keys = [(0, 0), (1, 0), (2, 1), (1, 1), (0, 0), (2, 0), (2, 1)];
        for (doc, att) in keys {
            let k = ReportKey { doc, att };
            assert_eq!(got.of(k), want.of(k), "{k:?}");
            assert!(got.held.len() <= HELD);
        }
        assert!(want.held.is_empty(), "plain texts are never copied");
        let k = ReportKey { doc: 2, att: 0 };
        assert_eq!(got.of(k), "Andrés Manuel López Obrador denied it");
    }

    fn analyse_texts(texts: &[&str]) -> (Vec<Extracted>, Analysis) {
        analyse_with(texts, &AliasTable::default())
    }

    fn analyse_with(
        texts: &[&str],
        aliases: &AliasTable,
    ) -> (Vec<Extracted>, Analysis) {
        let docs: Vec<Extracted> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                extract_document(Document {
                    id: format!("d{i}"),
                    text: t.to_string(),
                    ..Document::default()
                })
            })
            .collect();
        let analysis = analyse(&docs, aliases, |d, a| {
            docs[d].attributions[a]
                .speaker
                .as_ref()
                .map(|s| Arc::from(canonical_key(&s.name)))
        });
        (docs, analysis)
    }

    #[test]
    fn tables_are_sorted_and_unique() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]));
        assert!(FALSE_CUE.windows(2).all(|w| w[0] < w[1]));
        assert!(FALSE_WORDS.windows(2).all(|w| w[0] < w[1]));
        for table in [SYNONYMS, ANTONYMS, DEMONYMS] {
            let heads: Vec<&str> = table_lines(table)
                .map(|l| l.split('\t').next().unwrap())
                .collect();
            assert!(heads.windows(2).all(|w| w[0] <= w[1]), "{heads:?}");
        }
    }

    #[test]
    fn a_negated_claim_contradicts_its_affirmation_by_another_actor() {
        let (_, an) = analyse_texts(&[
            "“Here, we don’t produce fentanyl,” López Obrador said.\n\n\
             US officials say the vast majority of fentanyl is produced in Mexico.",
        ]);
        assert_eq!(an.counterclaims.len(), 1, "{an:?}");
        let c = &an.counterclaims[0];
        assert_eq!(c.rule, "counter/polarity");
        assert!(c.reason.contains("López Obrador negates"), "{}", c.reason);
        assert!(c.reason.contains("fentanyl"), "{}", c.reason);
    }

    #[test]
    fn a_denial_pointing_back_is_linked_to_what_it_denies() {
        let (_, an) = analyse_texts(&[
            "According to the agency, more fentanyl is smuggled across the \
             border each year. China has denied those assertions.",
        ]);
        let c =
            an.counterclaims.iter().find(|c| c.rule == "counter/refers-back");
        let c = c.expect("a refers-back link");
        assert_eq!((c.a.att, c.b.att), (0, 1));
    }

    #[test]
    fn a_denial_in_response_answers_the_report_before_it() {
        // The denial answers the request before it, not the agency's
        // finding on the same drug two paragraphs up.
        let (_, an) = analyse_texts(&[
            "The agency said illegal fentanyl trafficking across the border \
             rose last year.\n\n\
             The president asked Beijing to curb shipments of fentanyl. \
             The ministry denied any illegal trafficking of fentanyl \
             between the two countries in response.",
        ]);
        let rules: Vec<_> = an
            .counterclaims
            .iter()
            .map(|c| (c.rule, c.a.att, c.b.att))
            .collect();
        assert_eq!(rules, [("counter/refers-back", 1, 2)], "{an:?}");
    }

    #[test]
    fn claims_on_different_topics_sharing_a_word_are_not_linked() {
        let (_, an) = analyse_texts(&[
            "Smith said the bank did not raise interest rates.\n\n\
             Jones said the river bank flooded the village.",
        ]);
        assert!(an.counterclaims.is_empty(), "{an:?}");
    }

    #[test]
    fn a_negation_of_another_verb_is_no_counterclaim() {
        // Not contemplating an action is not the opposite of calling
        // for it.
        let (_, an) = analyse_texts(&[
            "Republican lawmakers said the army should take military \
             action against the cartels in Mexico.\n\n\
             “We are not contemplating military action against Mexico,” \
             Watson said.",
        ]);
        assert!(an.counterclaims.is_empty(), "{an:?}");
    }

    #[test]
    fn a_learned_attribution_is_put_against_nothing() {
        let (mut docs, an) = analyse_texts(&[
            "“Here, we don’t produce fentanyl,” López Obrador said.\n\n\
             US officials say the vast majority of fentanyl is produced in Mexico.",
        ]);
        assert_eq!(an.counterclaims.len(), 1, "{an:?}");
        docs[0].attributions[1].rule = "learned/cue".into();
        let an = analyse(&docs, &AliasTable::default(), |d, a| {
            docs[d].attributions[a]
                .speaker
                .as_ref()
                .map(|s| Arc::from(canonical_key(&s.name)))
        });
        assert!(an.counterclaims.is_empty(), "{an:?}");
    }

    #[test]
    fn a_question_is_no_counterclaim() {
        let (_, an) = analyse_texts(&[
            "“Why won’t he release his tax returns?” Fallon said.\n\n\
             Rosenthal said Trump should release his tax returns.",
        ]);
        assert!(an.counterclaims.is_empty(), "{an:?}");
    }

    #[test]
    fn not_only_is_no_negation() {
        let (_, an) = analyse_texts(&[
            "Smith said Ted Cruz can win the primary in Texas.\n\n\
             Jones said not only can Ted Cruz win the primary in Texas, he \
             will win it.",
        ]);
        assert!(an.counterclaims.is_empty(), "{an:?}");
    }

    #[test]
    fn a_people_and_its_country_are_one_term() {
        // "Mexican" is compared as "Mexico"; without it "cartels" would
        // be the only negated term the two share.
        let (_, an) = analyse_texts(&[
            "The agency said the crisis is fueled by Mexican cartels.\n\n\
             The president said the crisis is fueled by poverty rather \
             than cartels in Mexico.",
        ]);
        assert_eq!(an.counterclaims.len(), 1, "{an:?}");
        // The reason quotes the words as written.
        let reason = &an.counterclaims[0].reason;
        assert!(reason.contains("Mexican") || reason.contains("Mexico"));
    }

    #[test]
    fn a_reason_quotes_words_not_stems() {
        let (_, an) = analyse_texts(&[
            "The agency said fentanyl is produced in Mexico.\n\n\
             The president said fentanyl is not produced in Mexico.",
        ]);
        assert_eq!(an.counterclaims.len(), 1, "{an:?}");
        let reason = &an.counterclaims[0].reason;
        let about = reason.split("both about: ").nth(1).unwrap();
        let words: Vec<&str> = about.split(", ").collect();
        assert!(words.contains(&"produced"), "{reason}");
        assert!(!words.contains(&"produc"), "{reason}");
    }

    #[test]
    fn an_alias_is_compared_as_its_name() {
        let texts = ["Smith said the army obeys AMLO.\n\n\
             Jones said the army does not obey López Obrador."];
        let (_, plain) = analyse_texts(&texts);
        assert!(plain.counterclaims.is_empty(), "{plain:?}");
        let table = AliasTable {
            entries: vec![crate::model::AliasEntry {
                name: "Andrés Manuel López Obrador".into(),
                aliases: vec!["AMLO".into()],
            }],
        };
        let (_, named) = analyse_with(&texts, &table);
        assert_eq!(named.counterclaims.len(), 1, "{named:?}");
        assert!(named.counterclaims[0].reason.contains("Obrador"));
    }

    #[test]
    fn a_shared_title_counts_once() {
        // "former secretary of state" is one thing, not three shared
        // terms.
        let (_, an) = analyse_texts(&[
            "Jones said the former secretary of state attended the \
             meeting alone.\n\n\
             Weaver denied that the campaign called the former secretary \
             of state corrupt.",
        ]);
        assert!(an.counterclaims.is_empty(), "{an:?}");
    }

    #[test]
    fn a_report_giving_both_figures_disagrees_with_neither() {
        let (_, an) = analyse_texts(&[
            "Smith said 300 people died in the flood, not 40 people.",
            "Jones said 40 people died in the flood.",
        ]);
        let numbers =
            an.counterclaims.iter().filter(|c| c.rule == "counter/numbers");
        assert_eq!(numbers.count(), 0, "{an:?}");
    }

    #[test]
    fn numbers_that_disagree_about_the_same_thing() {
        let (_, an) = analyse_texts(&[
            "Smith said 300 people died in the flood.",
            "Jones said 40 people died in the flood.",
        ]);
        assert_eq!(an.counterclaims[0].rule, "counter/numbers");
    }

    #[test]
    fn the_same_actor_saying_the_same_thing_is_one_group() {
        let (_, an) = analyse_texts(&[
            "López Obrador said Mexico does not produce fentanyl.",
            "López Obrador said that Mexico does not produce any fentanyl.",
            "Milgram said the cartels produce fentanyl in Mexico.",
        ]);
        assert_eq!(an.group_of[0][0], an.group_of[1][0]);
        assert_ne!(an.group_of[0][0], an.group_of[2][0]);
        assert_eq!(an.groups, 2);
    }

    #[test]
    fn a_document_disputes_what_it_calls_false() {
        let (_, an) = analyse_texts(&[
            "The president left, falsely claiming that none of the drug is \
             made in Mexico. This deliberate misinformation angered them.",
        ]);
        assert_eq!(an.disputes.len(), 1, "{an:?}");
        assert_eq!(an.disputes[0].rule, "dispute/false-cue");
    }
}
