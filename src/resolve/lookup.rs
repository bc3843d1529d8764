//! Indexes that keep speaker resolution linear in the document's length.
//!
//! Resolution asks two questions for every attribution: which fuller name
//! a surname stands for, and which earlier speaker a pronoun or a role
//! noun points back to. Answering them by a pass over every name or every
//! earlier speaker made a long text of many attributions quadratic (2 MB
//! of "Acme Agency said … He said …" took minutes); these indexes give
//! the same answers by a hash or a range lookup.

use std::collections::{BTreeMap, HashMap};

use super::Agreement;
use super::names::NameMention;
use crate::model::Span;

/// The most words of a surname key that is looked up. Speaker phrases
/// have at most ten tokens, so no real key comes near it; a longer key
/// finds no fuller name.
const MAX_KEY_WORDS: usize = 10;

/// The most names ending with one word that a pronoun's search reads.
const MAX_SAME_LAST_WORD: usize = 16;

/// The document's names of two words or more, by the last words of their
/// keys: "Anne Milgram" is found under "milgram".
#[derive(Debug)]
pub(super) struct FullerNames<'n> {
    /// The names, in text order, as `names::name_mentions` gives them.
    named: &'n [NameMention],
    /// A key -> for each distinct full key ending with " key", the index
    /// of its first mention in the text.
    by_suffix: HashMap<String, BTreeMap<String, usize>>,
    /// Each name's last word as written -> the indexes of the names
    /// ending with it, in text order; made when first asked for.
    by_last: std::cell::OnceCell<HashMap<&'n str, Vec<usize>>>,
    /// Each name's first word after any "The" -> the indexes of the
    /// names of two words or more that open with it ("Brightline" ->
    /// "Brightline Civic Systems"), in text order; made when first asked
    /// for.
    by_first: std::cell::OnceCell<HashMap<&'n str, Vec<usize>>>,
    /// The genders the text tells by pronouns, by canonical key.
    told: HashMap<String, super::Agreement>,
}

/// Where the last " of ", " for " or " on " of `key` starts, or the
/// key's length when it has none: the suffixes of a key that name the
/// whole start before it.
fn last_connector(key: &str) -> usize {
    [" of ", " for ", " on "]
        .iter()
        .filter_map(|c| key.rfind(c))
        .max()
        .unwrap_or(key.len())
}

impl<'n> FullerNames<'n> {
    /// Indexes `named`.
    pub(super) fn new(
        named: &'n [NameMention],
        told: HashMap<String, super::Agreement>,
    ) -> FullerNames<'n> {
        let mut by_suffix: HashMap<String, BTreeMap<String, usize>> =
            HashMap::new();
        for (i, m) in named.iter().enumerate() {
            let key = &m.key;
            // "Harry B. Harris Jr." is found under "harris" too.
            let bare = super::names::without_generation(key);
            let bare = (bare != key && bare.contains(' ')).then_some(bare);
            // "Business Council of British Columbia": the words after
            // "of" name something else, a place or a field, unless a
            // body's head word ends the name ("Port of Westhaven
            // Authority").
            let headed = super::words::is_body_head(
                m.name.rsplit(' ').next().unwrap_or(""),
            );
            let cut = if headed { key.len() } else { last_connector(key) };
            for base in std::iter::once(key.as_str()).chain(bare) {
                let spaces: Vec<usize> = base
                    .match_indices(' ')
                    .map(|(at, _)| at)
                    .filter(|&at| at < cut)
                    .collect();
                for &at in spaces.iter().rev().take(MAX_KEY_WORDS) {
                    let fulls = by_suffix.entry(base[at + 1..].to_string());
                    fulls.or_default().entry(key.clone()).or_insert(i);
                }
            }
        }
        FullerNames {
            named,
            by_suffix,
            by_last: std::cell::OnceCell::new(),
            by_first: std::cell::OnceCell::new(),
            told,
        }
    }

    /// The gender the text tells for the name with canonical `key`.
    pub(super) fn told(&self, key: &str) -> Option<super::Agreement> {
        self.told.get(key).copied()
    }

    /// The fuller name whose key ends with `key` (after a space), when
    /// exactly one distinct fuller name does. Names that differ only by
    /// a middle initial ("Donald Trump", "Donald J. Trump") are one: the
    /// first of them in the text is taken. A name with a generational
    /// suffix ("Harry B. Harris Jr.") is found by its surname only when
    /// no name without one is: "Trump" beside "Donald Trump Jr." is
    /// still Donald J. Trump.
    pub(super) fn only(&self, key: &str) -> Option<&'n NameMention> {
        let fulls = self.by_suffix.get(key)?;
        let plain = |k: &str| super::names::without_generation(k) == k;
        let any_plain = fulls.keys().any(|k| plain(k));
        let mut kept = fulls.iter().filter(|(k, _)| !any_plain || plain(k));
        let (first_key, &first) = kept.next()?;
        let mut best = first;
        for (k, &i) in kept {
            if without_initials(k) != without_initials(first_key) {
                return None;
            }
            best = best.min(i);
        }
        Some(&self.named[best])
    }

    /// The names before byte `end` whose last word is `word` ("Morales"
    /// finds "Jane Morales"), the latest first, at most
    /// [`MAX_SAME_LAST_WORD`] of them: a text that names one body
    /// thousands of times stays linear.
    pub(super) fn ending_with(
        &self,
        word: &str,
        end: usize,
    ) -> impl Iterator<Item = &'n NameMention> + '_ {
        let by_last = self.by_last.get_or_init(|| {
            let mut map: HashMap<&'n str, Vec<usize>> = HashMap::new();
            for (i, m) in self.named.iter().enumerate() {
                if let Some(last) = m.name.split_whitespace().last() {
                    map.entry(last).or_default().push(i);
                }
            }
            map
        });
        let found = by_last.get(word).map_or(&[][..], Vec::as_slice);
        let before =
            found.partition_point(|&i| self.named[i].span.end() <= end);
        found[..before]
            .iter()
            .rev()
            .take(MAX_SAME_LAST_WORD)
            .map(|&i| &self.named[i])
    }

    /// The one fuller name that opens with `word` and that `word` alone
    /// may stand for: a body's ("Brightline" for "Brightline Civic
    /// Systems") or, for a known given name, a person's ("Loretta" for
    /// "Loretta Beaumont-Achebe"). None when two fuller names open with
    /// it, when a longer name ends with it (then it is a surname: "Ford"
    /// beside "Henry Ford" and "Ford Motor Company"), and for an acronym,
    /// a people's adjective or a place that names a local body.
    pub(super) fn opening(&self, word: &str) -> Option<&'n NameMention> {
        let by_first = self.by_first.get_or_init(|| {
            let mut map: HashMap<&'n str, Vec<usize>> = HashMap::new();
            for (i, m) in self.named.iter().enumerate() {
                let mut words = m.name.split_whitespace();
                let Some(mut first) = words.next() else { continue };
                if first == "The" {
                    let Some(next) = words.next() else { continue };
                    first = next;
                }
                if words.next().is_some() {
                    map.entry(first).or_default().push(i);
                }
            }
            map
        });
        // "DNC" of "DNC Rules Committee" is the whole committee, "The
        // Romanian" a person of that country.
        if super::mentions::is_acronym(word)
            || super::mentions::is_demonym(word)
        {
            return None;
        }
        let found = by_first.get(word)?;
        let m = &self.named[*found.first()?];
        let one = found.iter().all(|&i| {
            without_initials(&self.named[i].key) == without_initials(&m.key)
        });
        let surname =
            self.ending_with(word, usize::MAX).any(|n| n.name.contains(' '));
        if !one || surname {
            return None;
        }
        // "Tulsa" of "the Tulsa Police Department", "Ohio" of "Ohio State
        // University": a place that names a local body is the place.
        let local = m
            .name
            .split_whitespace()
            .any(|w| matches!(w, "Police" | "City" | "County" | "State"))
            || super::names::is_us_state(word)
            || crate::contradict::is_known_place(&word.to_lowercase());
        // A body's name opens with no given name ("Morgan" is a
        // person's), and a given name stands for a person's name only.
        let given = super::names::given_name(word).is_some();
        let fits = if super::mentions::is_body_name(&m.name) {
            !local && !given
        } else {
            given
        };
        fits.then_some(m)
    }

    /// True when `word` alone stands for a body the text names in full
    /// ([`Self::opening`]).
    pub(super) fn opens_body_name(&self, word: &str) -> bool {
        self.opening(word)
            .is_some_and(|m| super::mentions::is_body_name(&m.name))
    }

    /// All the names, in text order.
    pub(super) fn all(&self) -> &'n [NameMention] {
        self.named
    }
}

/// A name's key without its one-letter words ("donald j trump" ->
/// "donald trump").
fn without_initials(key: &str) -> String {
    let words: Vec<&str> =
        key.split(' ').filter(|w| w.chars().nth(1).is_some()).collect();
    words.join(" ")
}

/// A resolved speaker: its mention, the actor's name, its agreement.
pub(super) type Entry = (Span, String, Option<Agreement>);

/// The speakers resolved so far, in the order they were resolved, with an
/// index by where each mention ends.
#[derive(Debug, Default)]
pub(super) struct Resolved {
    /// Every speaker, in order.
    list: Vec<Entry>,
    /// `(end, start)` of each distinct mention -> its latest index.
    by_end: BTreeMap<(usize, usize), usize>,
    /// The names some mention has shown to be a thing's, or (when of
    /// two words or more) a man's or a woman's.
    shown: HashMap<String, super::Agreement>,
}

impl Resolved {
    /// Adds a speaker resolved after all those already in. A mention
    /// that shows an actor to be a thing shows it for the others named
    /// alike: "Meridian denied it. …, the company said" makes "Meridian"
    /// no one "he" can mean. So does a pronoun for a full name:
    /// "Camille Arroyo-Stein said …. “…,” she said" makes her no "he".
    pub(super) fn push(&mut self, mut entry: Entry) {
        use super::Agreement;
        // Only a thing's or a full name's: one surname can be two people
        // of each gender ("Clinton"), but a body is never a person.
        // The earlier mentions are updated once, when the name is first
        // shown; later ones look the name up.
        let shows = match entry.2 {
            Some(Agreement::Thing) => true,
            Some(Agreement::Male | Agreement::Female) => entry.1.contains(' '),
            _ => false,
        };
        if let Some(got) = entry.2.filter(|_| shows) {
            if !self.shown.contains_key(&entry.1) {
                self.shown.insert(entry.1.clone(), got);
                for e in &mut self.list {
                    if e.2.is_none() && e.1 == entry.1 {
                        e.2 = Some(got);
                    }
                }
            }
        } else if entry.2.is_none()
            && let Some(&got) = self.shown.get(&entry.1)
        {
            entry.2 = Some(got);
        }
        let span = entry.0;
        self.by_end.insert((span.end(), span.start()), self.list.len());
        self.list.push(entry);
    }

    /// Of the speakers whose mention ends in `from..=to`, the one resolved
    /// last among those `keep` accepts. A mention resolved more than once
    /// counts with its latest resolution.
    pub(super) fn latest_ending_in(
        &self,
        from: usize,
        to: usize,
        keep: impl Fn(&Entry) -> bool,
    ) -> Option<&Entry> {
        self.by_end
            .range((from, 0)..=(to, usize::MAX))
            .map(|(_, &i)| i)
            .filter(|&i| keep(&self.list[i]))
            .max()
            .map(|i| &self.list[i])
    }

    /// The speakers whose mention ends in `from..=to`, each with its
    /// latest resolution.
    pub(super) fn all_ending_in(
        &self,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = &Entry> {
        self.by_end
            .range((from, 0)..=(to, usize::MAX))
            .map(|(_, &i)| &self.list[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[(usize, &str)]) -> Vec<NameMention> {
        list.iter()
            .map(|&(at, n)| NameMention {
                span: Span::new(at, at + n.len()),
                name: n.to_string(),
                key: super::super::names::canonical_key(n),
            })
            .collect()
    }

    #[test]
    fn names_that_differ_by_an_initial_are_one_fuller_name() {
        let named = names(&[(0, "Donald J. Trump"), (40, "Donald Trump")]);
        let fuller = FullerNames::new(&named, HashMap::new());
        assert_eq!(fuller.only("trump").map(|m| m.span.start()), Some(0));
        let named = names(&[(0, "Donald J. Trump"), (40, "Ivana Trump")]);
        assert!(
            FullerNames::new(&named, HashMap::new()).only("trump").is_none()
        );
    }

    #[test]
    fn a_word_opens_one_body_or_one_persons_name() {
        let named = names(&[
            (0, "Verelon Therapeutics"),
            (30, "Henry Ford"),
            (50, "Ford Motor Company"),
            (80, "Loretta Beaumont-Achebe"),
        ]);
        let fuller = FullerNames::new(&named, HashMap::new());
        assert_eq!(fuller.opening("Verelon").unwrap().span.start(), 0);
        assert!(fuller.opens_body_name("Verelon"));
        assert_eq!(fuller.opening("Loretta").unwrap().span.start(), 80);
        assert!(!fuller.opens_body_name("Loretta"));
        let named = names(&[
            (0, "DNC Rules Committee"),
            (30, "Romanian Intelligence Service"),
        ]);
        let other = FullerNames::new(&named, HashMap::new());
        assert!(other.opening("DNC").is_none());
        assert!(other.opening("Romanian").is_none());
        // A given name before a local body names neither a person nor
        // the body: "Warren" of "Warren County Police Department".
        let named = names(&[(0, "Warren County Police Department")]);
        let county = FullerNames::new(&named, HashMap::new());
        assert!(county.opening("Warren").is_none());
        // "Ford" ends a person's name: a surname, not the company.
        assert!(fuller.opening("Ford").is_none());
        assert!(!fuller.opens_body_name("Ford"));
    }

    #[test]
    fn a_surname_finds_its_one_fuller_name() {
        let named = names(&[
            (0, "Anne Milgram"),
            (20, "Bill Clinton"),
            (40, "Hillary Clinton"),
            (60, "Andrés Manuel López Obrador"),
            (90, "Anne Milgram"),
        ]);
        let fuller = FullerNames::new(&named, HashMap::new());
        assert_eq!(fuller.only("milgram").unwrap().span.start(), 0);
        assert!(fuller.only("clinton").is_none());
        assert_eq!(fuller.only("lopez obrador").unwrap().span.start(), 60);
        assert_eq!(fuller.only("obrador").unwrap().span.start(), 60);
        assert!(fuller.only("manuel").is_none());
        assert!(fuller.only("anne milgram").is_none());
    }

    #[test]
    fn the_words_after_of_are_no_short_form_of_the_name() {
        let named = names(&[
            (0, "Business Council of British Columbia"),
            (50, "Illinois Board of Elections"),
            (90, "Port of Westhaven Authority"),
            (130, "Unhappy Campaign Of Paul Manafort"),
            (170, "Paul Manafort"),
        ]);
        let fuller = FullerNames::new(&named, HashMap::new());
        // The province is not the council; the board is the board.
        assert!(fuller.only("british columbia").is_none());
        assert!(fuller.only("columbia").is_none());
        assert_eq!(
            fuller.only("board of elections").unwrap().span.start(),
            50
        );
        // A body's head word ends the name: its last words may stand
        // for it.
        assert_eq!(fuller.only("authority").unwrap().span.start(), 90);
        // A headline's capitals are no second Paul Manafort.
        assert_eq!(fuller.only("manafort").unwrap().span.start(), 170);
    }

    #[test]
    fn the_latest_speaker_in_a_window_is_found() {
        let mut r = Resolved::default();
        let e = |a, b, n: &str| (Span::new(a, b), n.to_string(), None);
        r.push(e(0, 5, "A"));
        r.push(e(10, 15, "B"));
        r.push(e(2, 4, "C"));
        r.push(e(10, 15, "B again"));
        let name = |x: Option<&Entry>| x.map(|e| e.1.clone());
        assert_eq!(
            name(r.latest_ending_in(0, 20, |_| true)).unwrap(),
            "B again"
        );
        assert_eq!(name(r.latest_ending_in(0, 9, |_| true)).unwrap(), "C");
        assert_eq!(
            name(r.latest_ending_in(0, 9, |e| e.1 == "A")).unwrap(),
            "A"
        );
        assert_eq!(r.latest_ending_in(6, 9, |_| true), None);
    }
}
