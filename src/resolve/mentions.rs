//! The mentions of actors in one document: names, and the speakers the
//! extractor found.
//!
//! This runs per document, before the corpus stage
//! ([`super::corpus`]) merges mentions into actors. A name is a run of
//! capitalised words ("DEA Administrator Anne Milgram", "National
//! Institutes of Health"), with leading sentence words ("The", "In")
//! dropped, split at a possessive ("the DEA’s Milgram") and at "of" after
//! a name that is not a body's ("Rudman of the Wilson Center"). Titles
//! become roles, and what stands before them ("DEA", "Mexican") an
//! affiliation. [`super::descriptions`] adds what the words around a name
//! say. Each speaker is tied to the mention that names it, or becomes a
//! mention of its own: an anonymous source, a group, a pronoun no
//! antecedent was found for. Spans are never changed.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use regex::Regex;

use super::names::{canonical_key, is_title, strip_title};
use super::words::{WordClass, is, is_body_head};
use crate::model::{Attribution, Resolution, Span, lower_case};

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A proper name: "Anne Milgram", "Wilson Center", "DEA".
    Name,
    /// A government named through its country: "Mexico’s government",
    /// "the Mexican authorities", "the Biden administration".
    Government,
    /// A body named through its owner: "China’s foreign ministry".
    Unit,
    /// A described, unnamed person: "a senior administration official".
    Anonymous,
    /// A collective: "US officials"; `local` for one that is never
    /// merged with anything.
    Group {
        /// True for part of a group ("some Republicans", "a handful of
        /// experts", "many"), and for a group named through a pronoun
        /// ("his aides", "their lawyers"): "his" is someone else in
        /// every article.
        local: bool,
    },
    /// A pronoun speaker without an antecedent.
    Pronoun,
}

/// One mention of an actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The name's span in the document.
    pub span: Span,
    /// The name, titles and possessive dropped.
    pub name: String,
    /// What the mention is.
    pub class: Class,
    /// The surface forms the text uses here, as written.
    pub forms: Vec<String>,
    /// Titles and roles the text gives it here.
    pub roles: Vec<String>,
    /// Names of the bodies (or places) it belongs to here.
    pub affiliations: Vec<String>,
    /// True when the text shows a person: a title, a described role.
    pub person: bool,
    /// True when the text shows a thing, not a person: a sentence's
    /// subject that a clause on "which" describes ("Lockheed Martin,
    /// which builds the capsule, said").
    pub thing: bool,
    /// True when the mention speaks in an attribution.
    pub speaker: bool,
    /// For [`Class::Government`], the country word ("Mexico", "Mexican")
    /// or the administration's name.
    pub country: Option<String>,
    /// Another mention of the same document this one refers back to
    /// ("The Coalition", "the administration", "The spokesperson").
    pub refers_to: Option<usize>,
}

impl Mention {
    /// A mention of `class` with one form and nothing else known.
    pub fn new(span: Span, name: &str, class: Class, form: &str) -> Mention {
        Mention::of_clean(span, name.to_string(), class, clean(form))
    }

    /// As [`Mention::new`], for a `name` and a `form` already in their
    /// [`clean`] form, which are kept as they are: the name mentions of a
    /// document are made from strings already cleaned, and cleaning a
    /// form again (checking it, then copying it) was a part of each.
    fn of_clean(
        span: Span,
        name: String,
        class: Class,
        form: String,
    ) -> Mention {
        debug_assert!(is_clean(&form), "{form:?}");
        Mention {
            span,
            name,
            class,
            forms: vec![form],
            roles: Vec::new(),
            affiliations: Vec::new(),
            person: false,
            thing: false,
            speaker: false,
            country: None,
            refers_to: None,
        }
    }

    /// True for a single word written in capitals and dots ("DEA",
    /// "U.S.").
    pub fn is_acronym(&self) -> bool {
        is_acronym(&self.name)
    }

    /// True when the name's head word is a body's ("Center", "National
    /// Institutes of Health").
    pub fn is_body(&self) -> bool {
        is_body_name(&self.name)
    }
}

/// True when the name's head word is a body's ("Center", "National
/// Institutes of Health").
pub fn is_body_name(name: &str) -> bool {
    let headed = name
        .split_whitespace()
        .take_while(|w| !matches!(*w, "of" | "for" | "on" | "in"))
        .last()
        .is_some_and(is_body_head);
    // "Port of Westhaven Authority": the body's head word ends it.
    let over_of = !headed
        && split_at_word(name, b" of ").is_some_and(|(a, b)| {
            let after: Vec<&str> = b.split_whitespace().collect();
            !a.contains(' ') && body_over_of(&[a], &after)
        });
    headed || over_of || is_agency_name(name)
}

/// True for an agency named by what it does: "Customs and Border
/// Protection", "the Immigration and Customs Enforcement".
pub(crate) fn is_agency_name(name: &str) -> bool {
    split_at_and(name).is_some_and(|(a, b)| {
        let a = a
            .strip_prefix("The ")
            .or_else(|| a.strip_prefix("the "))
            .unwrap_or(a);
        let b: Vec<&str> = b.split_whitespace().collect();
        !a.contains(' ') && agency_after_and(a, &b)
    })
}

/// `name.split_once(" and ")`, by a scan of its bytes: a name is a few
/// words long, and `split_once` makes a substring searcher at each call,
/// which was most of [`is_agency_name`]'s time (asked of the mentions of
/// a corpus many times over).
fn split_at_and(name: &str) -> Option<(&str, &str)> {
    split_at_word(name, b" and ")
}

/// `name.split_once(word)` for a `word` between spaces, by a scan of
/// `name`'s bytes (see [`split_at_and`]).
fn split_at_word<'n>(
    name: &'n str,
    word: &[u8],
) -> Option<(&'n str, &'n str)> {
    split_at_word_from(name, word, false)
}

/// [`split_at_word`] at the first `word` of `name`, or at the last when
/// `last`, scanning from that end.
fn split_at_word_from<'n>(
    name: &'n str,
    word: &[u8],
    last: bool,
) -> Option<(&'n str, &'n str)> {
    let whole = |w: &[u8]| w[0] == b' ' && w == word;
    let mut windows = name.as_bytes().windows(word.len());
    let at =
        if last { windows.rposition(whole) } else { windows.position(whole) }?;
    Some((&name[..at], &name[at + word.len()..]))
}

/// `text.find(needle)` for a short `needle`, by a scan of `text`'s
/// bytes: `find` makes a substring searcher at each call, which for the
/// few words of a speaker's name cost more than the search (see
/// [`split_at_and`]).
fn find_bytes(text: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    let Some(&first) = needle.first() else { return Some(0) };
    text.as_bytes()
        .windows(needle.len())
        .position(|w| w[0] == first && w == needle)
}

/// `name.rsplit_once(word)` for a `word` between spaces, by a scan of
/// `name`'s bytes from its end (see [`split_at_and`]): asked of the
/// words before each speaker's name.
fn rsplit_at_word<'n>(
    name: &'n str,
    word: &[u8],
) -> Option<(&'n str, &'n str)> {
    split_at_word_from(name, word, true)
}

/// The mentions of one document, with what ties speakers to them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocMentions {
    /// Every mention, in text order of discovery.
    pub mentions: Vec<Mention>,
    /// Acronyms the text defines, as (acronym, expansion).
    pub acronyms: Vec<(String, String)>,
    /// Each speaker span of the document's attributions, with the index
    /// of its mention.
    pub speakers: Vec<(Span, usize)>,
}

/// One-space form of a phrase as written: line breaks and no-break
/// spaces become single spaces.
pub fn clean(text: &str) -> String {
    // Most phrases are already in that form: copied, not split and
    // joined.
    if is_clean(text) {
        return text.to_string();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `text` is its own [`clean`] form: no white space at either
/// end, and none within but single spaces.
fn is_clean(text: &str) -> bool {
    // After white space, or at the start: a space here is not clean.
    let mut after_space = true;
    for c in text.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || text.is_empty()
}

/// True for "DEA", "U.S.", "AMLO": capitals and dots, 2 to 6 letters.
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    !word.contains(' ')
        && (2..=6).contains(&letters)
        && word.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// Finds the mentions of one document.
pub fn find(text: &str, attributions: &[Attribution]) -> DocMentions {
    let mut doc = DocMentions::default();
    for group in groups(text) {
        doc.mentions.push(name_mention(text, &group));
    }
    link_possessives(text, &mut doc);
    super::descriptions::describe(text, &mut doc);
    let mut ix = MentionIndex::new(text);
    for a in attributions {
        if let Some(sp) = &a.speaker {
            ix.catch_up(&doc);
            let index = speaker_mention(text, &mut doc, &ix, sp);
            doc.speakers.push((sp.span, index));
            ix.speakers.entry(sp.span).or_insert(index);
        }
    }
    // Every document's mentions are held until the corpus is merged:
    // no spare capacity.
    doc.mentions.shrink_to_fit();
    doc.speakers.shrink_to_fit();
    doc
}

/// The longest name, in bytes, that [`MentionIndex::covering`] finds: far
/// longer than any real name, short enough that a document of endless
/// capitalised words is not searched from its start for each speaker.
const MAX_NAME_BYTES: usize = 300;

/// Indexes over a document's mentions that keep each speaker's lookups
/// from scanning every mention before it: a long document of many
/// attributions would otherwise take time growing with the square of its
/// length.
struct MentionIndex {
    /// Every mention indexed so far, as (start, index).
    by_start: BTreeSet<(usize, usize)>,
    /// Anonymous and government mentions by their last word, in index
    /// order.
    anonymous: HashMap<String, Vec<usize>>,
    /// The first mention each speaker span was tied to.
    speakers: HashMap<Span, usize>,
    /// Indefinite phrases ("a White House spokesperson"): for each word,
    /// where it ends and the span from the article through it, in text
    /// order.
    introductions: HashMap<String, Vec<(usize, Span)>>,
    /// How many of `doc.mentions` are indexed.
    indexed: usize,
}

impl MentionIndex {
    fn new(text: &str) -> MentionIndex {
        let mut introductions: HashMap<String, Vec<(usize, Span)>> =
            HashMap::new();
        for m in introduction_spans(text) {
            let mut pos = m.start();
            let mut seen: Vec<String> = Vec::new();
            for (k, piece) in
                m.text(text).split_inclusive([' ', '\u{a0}']).enumerate()
            {
                let word = piece.trim_end_matches([' ', '\u{a0}']);
                let lower = word.to_lowercase();
                // "a law that requires the nominee" introduces a law: a
                // clause or another noun phrase ends the description.
                if k > 0 && ends_introduction(&lower) {
                    break;
                }
                // Only a role or a title heads an introduction that
                // `introduction` is asked for.
                let head = is(&lower, WordClass::Role) || is_title(&lower);
                if head && !seen.contains(&lower) {
                    let end = pos + word.len();
                    let span = Span::new(m.start(), end);
                    introductions
                        .entry(lower.clone())
                        .or_default()
                        .push((end, span));
                    seen.push(lower);
                }
                pos += piece.len();
            }
        }
        MentionIndex {
            by_start: BTreeSet::new(),
            anonymous: HashMap::new(),
            speakers: HashMap::new(),
            introductions,
            indexed: 0,
        }
    }

    /// Indexes the mentions pushed since the last call.
    fn catch_up(&mut self, doc: &DocMentions) {
        for (i, m) in doc.mentions.iter().enumerate().skip(self.indexed) {
            self.by_start.insert((m.span.start(), i));
            // "the government" refers back to "the Mexican government"
            // as "the spokesman" to "a State Department spokesman".
            if matches!(m.class, Class::Anonymous | Class::Government) {
                let head = m.name.split_whitespace().last().unwrap_or("");
                self.anonymous.entry(head.to_string()).or_default().push(i);
            }
        }
        self.indexed = doc.mentions.len();
    }

    /// The name mention that covers the last word of `span`.
    fn covering(&self, doc: &DocMentions, span: Span) -> Option<usize> {
        let from = span.end().saturating_sub(MAX_NAME_BYTES);
        self.by_start
            .range((from, 0)..(span.end(), 0))
            .map(|&(_, i)| i)
            .filter(|&i| {
                let m = &doc.mentions[i];
                matches!(m.class, Class::Name)
                    && m.refers_to.is_none()
                    && span.end() <= m.span.end()
            })
            .min_by_key(|&i| (doc.mentions[i].span.len(), i))
            .map(|i| follow(doc, i))
    }

    /// The government phrase that is all of `span` ("The Biden
    /// administration", "Mexico’s government"), maybe after its article,
    /// followed back to the one it refers to ("the administration").
    fn government_at(&self, doc: &DocMentions, span: Span) -> Option<usize> {
        self.by_start
            .range((span.start(), 0)..(span.end(), 0))
            .map(|&(_, i)| i)
            .find(|&i| {
                let m = &doc.mentions[i];
                m.class == Class::Government
                    && m.span.end() == span.end()
                    && (m.span.start() == span.start()
                        || m.span.start() == span.start() + "the ".len())
            })
            .map(|i| follow(doc, i))
    }

    /// Names of the bodies named inside `span` ("a National Security
    /// Council (NSC) spokesperson" -> National Security Council): the
    /// first such mention, in mention order.
    fn bodies_within(&self, doc: &DocMentions, span: Span) -> Vec<String> {
        self.by_start
            .range((span.start(), 0)..(span.end(), 0))
            .map(|&(_, i)| i)
            .filter(|&i| {
                let m = &doc.mentions[i];
                m.class == Class::Name
                    && m.span.end() <= span.end()
                    && (m.is_body() || m.is_acronym())
            })
            .min()
            .map(|i| doc.mentions[i].name.clone())
            .into_iter()
            .collect()
    }

    /// The latest anonymous mention headed by `head` that ends before
    /// `at`.
    fn anonymous_before(
        &self,
        doc: &DocMentions,
        head: &str,
        at: usize,
        fits: impl Fn(&Mention) -> bool,
    ) -> Option<usize> {
        let list = self.anonymous.get(head)?;
        list.iter().rev().copied().find(|&i| {
            let m = &doc.mentions[i];
            m.span.end() <= at && fits(m)
        })
    }

    /// The nearest indefinite phrase before `core` headed by `head` ("a
    /// National Security Council (NSC) spokesperson"), in the same
    /// document.
    fn introduction(&self, core: Span, head: &str) -> Option<Span> {
        if head.is_empty() || !(is(head, WordClass::Role) || is_title(head)) {
            return None;
        }
        let list = self.introductions.get(head)?;
        let n = list.partition_point(|&(end, _)| end <= core.start());
        n.checked_sub(1).map(|k| list[k].1)
    }
}

/// True for a word that ends the description an indefinite article
/// opens: a relative pronoun, or a determiner opening another phrase.
fn ends_introduction(lower: &str) -> bool {
    is_relative_pronoun(lower)
        || matches!(lower, "the" | "a" | "an")
        || is_possessive_pronoun(lower)
}

/// True for "who", "whom", "whose", "which", "that": a word that opens a
/// relative clause.
fn is_relative_pronoun(lower: &str) -> bool {
    matches!(lower, "who" | "whom" | "whose" | "which" | "that")
}

/// A run of capitalised words after splitting, with what the split
/// found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The words' spans.
    pub words: Vec<Span>,
    /// Set when this group is a possessor ("DEA’s") of the next group.
    pub possessor_of: Option<usize>,
}

impl Group {
    /// The group's span, first word to last.
    pub fn span(&self) -> Span {
        Span::new(
            self.words[0].start(),
            self.words[self.words.len() - 1].end(),
        )
    }
}

/// A run of capitalised words: a word, then more words, each after a
/// space and perhaps a connector ("of the"). A middle initial ("Warren
/// E. Buffett") is a word of the run.
fn run_pattern() -> String {
    let word = r"(?:\p{Lu}\.(?:\p{Lu}\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Adm|Prof|Jr|Sr|St)\.|\p{Lu}\.|[\p{Lu}\d][\p{L}\p{N}’'&-]*)";
    let sep = r"[ \x{a0}]";
    // Particles of surnames join too: "Ana de la Cruz", "Mohammed bin
    // Salman", "Sultan al-Jaber".
    let conn = format!(
        r"(?:(?:of|for|on|de{sep}la|van{sep}der|van{sep}den|de|del|da|di|dos|bin|ibn|van|von){sep}(?:the{sep})?)"
    );
    format!(r"{word}(?:{sep}{conn}?(?:[ae]l-)?{word})*")
}

/// [`run_pattern`] anchored at the start of what it is given: it needs no
/// reverse search for where a match starts. Searching the whole text
/// unanchored found each match's start by running backwards through its
/// Unicode word classes, whose reverse automaton is so large that
/// building its states was a quarter of [`find`].
fn run_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!("^(?:{})", run_pattern())).expect("valid regex")
    })
}

/// The runs of [`run_pattern`] in `text`, as its unanchored search finds them:
/// each at the first place after the last that starts a match, where
/// the anchored match is the leftmost-first one. Every match starts
/// with a capital or a digit, so other ASCII characters, and the
/// spaces, dashes and quotation marks of U+00A0 and U+2000 to U+203F,
/// are passed over without a search.
fn runs(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        let skip = match b {
            b'A'..=b'Z' | b'0'..=b'9' => 0,
            // A run of other ASCII characters, passed over at once.
            0..=0x7f => bytes[at..]
                .iter()
                .position(|&b| {
                    b.is_ascii_uppercase()
                        || !b.is_ascii()
                        || b.is_ascii_digit()
                })
                .unwrap_or(bytes.len() - at),
            // A continuation byte: not where a character starts.
            0x80..=0xbf => 1,
            0xc2 if bytes.get(at + 1) == Some(&0xa0) => 2,
            0xe2 if bytes.get(at + 1) == Some(&0x80) => 3,
            _ => 0,
        };
        if skip > 0 {
            at += skip;
            continue;
        }
        match run_regex().find(&text[at..]) {
            Some(m) => {
                out.push(Span::new(at, at + m.end()));
                at += m.end();
            }
            None => at += 1,
        }
    }
    out
}

/// Words dropped from the start of a run: they start sentences, not
/// names.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "A", "After", "Against", "All", "Although", "Amid", "Among", "An", "And",
    "Another", "Any", "Around", "As", "At", "Before", "Both", "But", "By",
    "Despite", "During", "Each", "Even", "Every", "Few", "For", "Former",
    "From", "He", "Her", "Here", "His", "However", "I", "If", "In",
    "Increasingly", "Into", "It", "Its", "Last", "Later", "Like", "Many",
    "Meanwhile", "Most", "My", "Nevertheless", "Next", "Now", "On", "Or",
    "Other", "Our", "Overall", "Recent", "Said", "Says", "Senior", "Several",
    "She", "Since", "So", "Some", "That", "The", "Their", "Then", "There",
    "These", "They", "This", "Those", "Though", "Through", "To", "Today",
    "Tomorrow", "Top", "Toward", "Towards", "Under", "Unfortunately", "Unlike",
    "Until", "Upon", "We", "What", "When", "Which", "While", "Who", "Whose",
    "With", "Within", "Without", "Worse", "Yesterday", "Yet", "You", "Your",
];

/// The capitalised-word groups of `text`.
pub fn groups(text: &str) -> Vec<Group> {
    let mut out = Vec::new();
    // Each line is judged once, however many runs it holds.
    let mut line: Option<(usize, usize, bool)> = None;
    let mut all = runs(text);
    // "The Food and Drug Administration": two runs joined by "and" into
    // one name.
    let mut i = 1;
    while i < all.len() {
        if joined_by_and(text, all[i - 1], all[i]) {
            all[i - 1] = Span::new(all[i - 1].start(), all[i].end());
            all.remove(i);
        } else {
            i += 1;
        }
    }
    for m in all {
        let headline = match line {
            Some((start, end, verdict))
                if start <= m.start() && m.start() < end =>
            {
                verdict
            }
            _ => {
                let start = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
                let end = text[m.start()..]
                    .find('\n')
                    .map_or(text.len(), |i| m.start() + i);
                let verdict = is_title_case_line(&text[start..end]);
                line = Some((start, end.max(start + 1), verdict));
                verdict
            }
        };
        if headline {
            continue;
        }
        let mut words = word_spans(text, m);
        // "U.S.-Mexico": a word glued to what follows is part of a
        // compound, not a name.
        let glued = text[m.end()..]
            .chars()
            .next()
            .is_some_and(|c| c == '-' || c.is_alphanumeric());
        if glued {
            words.pop();
        }
        split_run(text, &words, &mut out);
    }
    out
}

/// True when the runs `a` and `b`, with " and " between, are one name:
/// "The Food and Drug Administration", "the Victoria and Albert Museum"
/// (one article, a word or two, then a body's name), or a body's name
/// joined by "of" or "for" ended by a word or two that name no person
/// ("the Department of Health and Human Services", "the Centers for
/// Disease Control and Prevention", "the Office of Management and
/// Budget" is left two: a single word is taken only when it reads as an
/// abstract noun, as surnames rarely do).
fn joined_by_and(text: &str, a: Span, b: Span) -> bool {
    if text.get(a.end()..b.start()) != Some(" and ") {
        return false;
    }
    let words = |r: Span| -> Vec<&str> {
        word_spans(text, r).iter().map(|w| w.text(text)).collect()
    };
    let (first, mut second) = (words(a), words(b));
    // "The Food and Drug Administration on Friday": a day or month after
    // a small word is no part of the name the run ends with.
    if let Some(k) =
        second.iter().position(|w| w.starts_with(char::is_lowercase))
        && k + 1 < second.len()
        && second[k + 1..].iter().all(|w| is_date_word(w))
    {
        second.truncate(k);
    }
    let Some(&last) = second.last() else { return false };
    let titled =
        |w: &&str| is_title(w) || is_sentence_starter(w) || w.ends_with('.');
    // One "and" to a name: "the American Congress of Obstetricians and
    // Gynecologists and Easter Seals" is two. A title or an initial
    // before it ends in a dot; a country's acronym ("The U.S. Food and
    // Drug Administration") is part of the name.
    let dotted = |w: &&str| w.ends_with('.') && !is_acronym(w);
    if second.iter().any(titled)
        || first.iter().any(|w| dotted(w) || *w == "and")
    {
        return false;
    }
    // "Local 12 of the Harbour and Dock Workers' Union": the article may
    // stand inside the run, before the words the name starts with.
    let rest = match first.split_first() {
        Some((&"The", rest)) => Some(rest),
        _ => article_before(text, a).map(|_| &first[..]).or_else(|| {
            first.iter().rposition(|w| *w == "the").map(|i| &first[i + 1..])
        }),
    };
    // Not when the first part is a name of its own: "the Washington
    // Post and ABC News", "the White House and Congress", "the IRS and
    // Drug Enforcement Administration".
    let paired = rest.is_some_and(|r| {
        (1..=2).contains(&r.len())
            && !r.iter().any(|w| is_connector(w))
            && r.last().is_some_and(|w| {
                super::words::class_of(w).is_none() && !is_acronym(w)
            })
    }) && (1..=3).contains(&second.len())
        && is_body_head(last);
    let of_body = (1..first.len().saturating_sub(1)).any(|j| {
        matches!(first[j], "of" | "for") && is_body_head(first[j - 1])
    }) && !is_connector(first[first.len() - 1]);
    let agency = match rest.unwrap_or(&first[..]) {
        [w] => agency_after_and(w, &second),
        _ => false,
    };
    paired
        || agency
        || (of_body && ends_name_after_and(first[first.len() - 1], &second))
}

/// True when `after`, the word or two after "and" in a body's name
/// joined by "of" or "for" (`before` is the word before "and"), end that
/// name and name no person: a body's head word or a word that reads as
/// an abstract noun ("Prevention", "Human Services"), as surnames rarely
/// do; a plural alone only beside another ("Museums and Monuments").
pub(crate) fn ends_name_after_and(before: &str, after: &[&str]) -> bool {
    let abstract_noun = is_abstract_noun;
    let plural = is_plural;
    let ends_it = match after {
        [w] => {
            is_body_head(w)
                || abstract_noun(w)
                || (plural(w) && plural(before))
        }
        [_, w] => is_body_head(w) || abstract_noun(w) || plural(w),
        _ => false,
    };
    ends_it && !after.iter().any(|w| super::names::given_name(w).is_some())
}

/// True for a capitalised word that reads as an abstract noun by its
/// ending ("Prevention", "Enforcement", "Security").
fn is_abstract_noun(w: &str) -> bool {
    const ENDS: &[&str] = &[
        "tion", "sion", "ment", "ity", "ure", "ics", "ies", "ance", "ence",
        "ness", "ship", "ism", "acy", "ogy", "ces", "earch",
    ];
    ENDS.iter().any(|e| w.ends_with(e))
}

/// True when one word, then "and", then `after` (one to three
/// capitalised words) make an agency's name with no head word of a body
/// in it: "Customs and Border Protection", "Immigration and Customs
/// Enforcement". The first word is an abstract noun or a plural, the
/// last an abstract noun made from a verb, and no word is a given name,
/// as a person's is.
pub(crate) fn agency_after_and(first: &str, after: &[&str]) -> bool {
    const MADE: &[&str] = &["tion", "sion", "ment", "ance", "ence"];
    let Some(last) = after.last() else { return false };
    (1..=3).contains(&after.len())
        && first.chars().count() > 3
        && (is_abstract_noun(first) || is_plural(first))
        && super::names::given_name(first).is_none()
        && MADE.iter().any(|e| last.ends_with(e))
        && !after.iter().any(|w| super::names::given_name(w).is_some())
}

/// True when `line` is a headline in title case ("Chris
/// Christie Calls Hillary Clinton"), whose capitals do not mark names.
pub(crate) fn is_title_case_line(line: &str) -> bool {
    let line = line.trim();
    // A headline may end with a full stop ("Carson Slams The Media In
    // One Answer."), but not with an abbreviation's.
    let line = match line.strip_suffix('.') {
        Some(rest) if !super::abbreviation_ends(rest) => rest,
        _ => line,
    };
    // Most lines are sentences: told apart without counting words.
    // A dot after an initial or a short capitalised abbreviation ("U.S.
    // Officials Say", "Gov. Smith Signs") ends no sentence.
    let sentence = line.ends_with(['.', '!', '?', '”', '"', ':'])
        || line
            .match_indices(". ")
            .any(|(at, _)| !super::abbreviation_ends(&line[..at]));
    !sentence && capitalised_words(line)
}

/// True when, of the words of `line` with four letters and more that
/// open with a letter, there are at least four and nine in ten are
/// capitalised. A line of prose is given up as soon as the words it has
/// left could not make up for its lower-case ones (each takes at least
/// five bytes with its space).
fn capitalised_words(line: &str) -> bool {
    let (mut long, mut capitals) = (0usize, 0usize);
    for w in line.split_whitespace() {
        let mut chars = w.chars();
        let Some(first) = chars.next() else { continue };
        if !first.is_alphabetic() || chars.nth(2).is_none() {
            continue;
        }
        long += 1;
        if first.is_uppercase() {
            capitals += 1;
            continue;
        }
        let end = w.as_ptr() as usize - line.as_ptr() as usize + w.len();
        let most = long + (line.len() - end) / 5;
        if most < 10 * (long - capitals) {
            return false;
        }
    }
    long >= 4 && capitals * 10 >= long * 9
}

/// The words of a run, connectors included.
fn word_spans(text: &str, run: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in run.text(text).char_indices() {
        let at = run.start() + i;
        if c == ' ' || c == '\u{a0}' {
            if let Some(s) = start.take() {
                out.push(Span::new(s, at));
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, run.end()));
    }
    out
}

/// Days and months: "the Treasury Department on Friday" names no body.
#[rustfmt::skip]
pub(super) fn is_date_word(word: &str) -> bool {
    const DATES: &[&str] = &[
        "April", "August", "December", "February", "Friday", "January",
        "July", "June", "March", "May", "Monday", "November", "October",
        "Saturday", "September", "Sunday", "Thursday", "Tuesday",
        "Wednesday",
    ];
    DATES.binary_search(&word).is_ok()
}

fn is_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "on" | "de" | "del" | "da" | "the")
}

/// Splits one run at connectors that do not follow a body's head word,
/// drops leading sentence words and digits, and splits at possessives.
fn split_run(text: &str, words: &[Span], out: &mut Vec<Group>) {
    let mut current: Vec<Span> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].text(text);
        if is_initial(w) {
            // "Plan B. The Senate": an initial no name follows, or a
            // word that starts sentences follows, ends a sentence.
            let next = words.get(i + 1).map(|n| n.text(text));
            let name_next = next
                .is_some_and(|n| !is_initial(n) && !is_sentence_starter(n));
            let name_before =
                current.last().is_some_and(|p| !is_connector(p.text(text)));
            if !(name_next && name_before) {
                finish(text, std::mem::take(&mut current), out);
                i += 1;
                continue;
            }
        }
        if is_connector(w) {
            let next = words.get(i + 1).map_or("", |n| n.text(text));
            // "the Port of Westhaven Authority": one word after an
            // article, then "of" and a body's name. Asked only of an "of"
            // the rules before keep no name over: runs are many.
            let named_body = || {
                let article = current.first().is_some_and(|&s| {
                    s.text(text) == "The" || article_before(text, s).is_some()
                });
                let own: Vec<&str> = current
                    .iter()
                    .map(|s| s.text(text))
                    .filter(|&s| s != "The")
                    .collect();
                let after: Vec<&str> = words[i + 1..]
                    .iter()
                    .map(|s| s.text(text))
                    .take_while(|&w| !is_connector(w))
                    .collect();
                article && body_over_of(&own, &after)
            };
            let keep = current.last().is_some_and(|p| {
                let p = p.text(text);
                is_body_head(p)
                    || is_title(p)
                    || matches!(w, "de" | "del" | "da")
            }) && !is_date_word(next)
                || w == "of" && named_body();
            if keep {
                current.push(words[i]);
            } else {
                finish(text, std::mem::take(&mut current), out);
            }
        } else {
            current.push(words[i]);
        }
        i += 1;
    }
    finish(text, current, out);
}

/// True when `before` and `after`, the words on either side of "of"
/// after an article, are one body's name: one capitalised word, then one
/// to three ending in a body's head word ("the Port of Westhaven
/// Authority"; a person, "Rudman of the Wilson Center", takes no
/// article).
fn body_over_of(before: &[&str], after: &[&str]) -> bool {
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
    before.len() == 1
        && before.iter().all(capitalised)
        && (1..=3).contains(&after.len())
        && after.last().is_some_and(|w| is_body_head(w))
}

/// True for a word that starts sentences and no name ("The", "In").
pub(super) fn is_sentence_starter(word: &str) -> bool {
    is_starter(word) || is_inverted_cue(word)
}

/// True for a word of [`STARTERS`]. A hash set, not a binary search:
/// each step of the search compared whole strings, and each word of
/// every run of capitals is asked about.
fn is_starter(word: &str) -> bool {
    type Set =
        std::collections::HashSet<&'static str, foldhash::fast::FixedState>;
    static SET: OnceLock<Set> = OnceLock::new();
    SET.get_or_init(|| STARTERS.iter().copied().collect()).contains(word)
}

/// True for a capitalised past form of a verb of saying ("Stated",
/// "Continued", "Added"): it opens an inverted tag ("Stated Stone:
/// “…”"), not a name. Not other cues' ("Planned Parenthood").
fn is_inverted_cue(word: &str) -> bool {
    word.ends_with("ed")
        && word.starts_with(char::is_uppercase)
        && crate::extract::lexicon::Lexicon::get()
            .cues(&lower_case(word))
            .iter()
            .any(|c| c.class == crate::model::CueClass::Said)
}

/// True for a capitalised number word, which is no name ("Two",
/// "Seven"): [`crate::model::is_number_word`] after its capital.
pub(super) fn is_number_word(word: &str) -> bool {
    // No number word runs past five letters ("Seven", "Three"): a longer
    // word is never lowered.
    let mut chars = word.chars();
    word.len() <= 5
        && chars.next().is_some_and(char::is_uppercase)
        && chars.as_str().chars().all(char::is_lowercase)
        && crate::model::is_number_word(&word.to_lowercase())
}

/// True for a single capital and a dot: a middle initial ("E.").
pub(super) fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.next() == Some('.')
        && chars.next().is_none()
}

fn finish(text: &str, mut words: Vec<Span>, out: &mut Vec<Group>) {
    while words.last().is_some_and(|w| is_connector(w.text(text))) {
        words.pop();
    }
    let lead = words
        .iter()
        .take_while(|w| {
            let t = without_contraction(w.text(text));
            is_sentence_starter(t) || is_connector(t)
        })
        .count();
    words.drain(..lead);
    // "Oct. 31, 2012 The Obama hug", "the 2010 Senate race": a year of
    // these times before a name is no part of it ("The 1776 United
    // Coalition" keeps its number).
    let year = |w: &str| {
        w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
    };
    if words.len() > 1 && year(words[0].text(text)) {
        words.remove(0);
        let starters = words
            .iter()
            .take_while(|w| is_sentence_starter(w.text(text)))
            .count();
        words.drain(..starters);
    }
    // "One said": a number word alone opens a sentence, not a name.
    if let [only] = words[..]
        && is_number_word(only.text(text))
    {
        return;
    }
    while words.last().is_some_and(|w| is_digits(w.text(text))) {
        words.pop();
    }
    if words.is_empty() || words.iter().all(|w| is_digits(w.text(text))) {
        return;
    }
    split_possessive(text, words, out);
}

/// The word before a contraction's apostrophe: "He" of "He’s" and
/// "He’d", "It" of "It’s", "I" of "I’m"; other words whole, "O’Brien"
/// among them.
pub(crate) fn without_contraction(word: &str) -> &str {
    let Some((i, mark)) =
        word.char_indices().find(|&(_, c)| matches!(c, '’' | '\''))
    else {
        return word;
    };
    let rest = &word[i + mark.len_utf8()..];
    if matches!(rest, "s" | "d" | "ll" | "re" | "ve" | "m") {
        &word[..i]
    } else {
        word
    }
}

fn is_digits(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// True for a number written in digits, with a decimal point or
/// thousands' commas ("47", "4.5", "1,200").
pub(crate) fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

/// "DEA’s Milgram" gives "DEA’s" (possessor) and "Milgram"; "People’s
/// Republic of China" stays whole, as does a possessive at the end.
fn split_possessive(text: &str, words: Vec<Span>, out: &mut Vec<Group>) {
    let cut = words.iter().position(|w| {
        let t = w.text(text);
        t.ends_with("’s") || t.ends_with("'s")
    });
    if let Some(c) = cut.filter(|&c| c + 1 < words.len()) {
        let owner = strip_possessive(words[c].text(text));
        let rest = &words[c + 1..];
        // "Clinton’s 3-point lead", "Nevada’s Republican senator": what
        // the owner has is no name, and the owner alone is one.
        let first = rest[0].text(text);
        if !first.starts_with(char::is_uppercase)
            || (rest.len() == 1
                && (is_demonym(first) || is(first, WordClass::Role)))
        {
            out.push(Group {
                words: words[..=c].to_vec(),
                possessor_of: None,
            });
            return;
        }
        let single_name = rest.len() == 1 && !is_body_head(rest[0].text(text));
        // "Labour's Keir Starmer", "the Forward Party's Simon Greenway":
        // a given name and a surname after the mark are a person of the
        // owner's, not part of its name.
        let person =
            super::names::is_owned_person(rest[0].text(text), rest.len());
        if is_acronym(owner) || single_name || person {
            out.push(Group {
                words: words[..=c].to_vec(),
                possessor_of: Some(out.len() + 1),
            });
            out.push(Group { words: rest.to_vec(), possessor_of: None });
            return;
        }
    }
    out.push(Group { words, possessor_of: None });
}

/// "DEA’s" and "United States’" without their possessive marks.
fn strip_possessive(word: &str) -> &str {
    if let Some(w) =
        word.strip_suffix("’s").or_else(|| word.strip_suffix("'s"))
    {
        return w;
    }
    match word.strip_suffix('’').or_else(|| word.strip_suffix('\'')) {
        Some(w) if w.ends_with('s') => w,
        _ => word,
    }
}

/// "Supporters", "Opponents of the law", "Analysts at Jefferies": a
/// plural role noun, capitalised only because it opens the sentence
/// ([`super::is_plural_role`]), alone or before the preposition that
/// says whose or where. A description, not a name.
fn opens_plural_role(words: &[&str]) -> bool {
    let [first, rest @ ..] = words else { return false };
    rest.first().is_none_or(|w| {
        matches!(*w, "of" | "for") || super::names::is_place_preposition(w)
    }) && super::is_plural_role(first, &first.to_lowercase())
}

/// The mention a group of words makes: its name, its title as a role,
/// what stands before the title as an affiliation, and its forms.
fn name_mention(text: &str, group: &Group) -> Mention {
    let span = group.span();
    let words: Vec<&str> = group.words.iter().map(|w| w.text(text)).collect();
    let written = clean(strip_possessive(span.text(text)));
    // "Democratic nominee Hillary Clinton": a party or role word stands
    // before the name like a title does.
    let marks = title_marks(&words);
    let mut titled = marks
        .iter()
        .rposition(|&(_, titled)| titled)
        .filter(|&t| t + 1 < words.len())
        // "Justice Department": a body's name, not a title and a name.
        .filter(|&t| {
            t + 2 != words.len()
                || !is_body_head(strip_possessive(words[t + 1]))
        });
    // "Secretary of State Hillary Clinton": the title runs on over "of".
    while let Some(t) = titled.filter(|&t| {
        t + 3 < words.len() && matches!(words[t + 1], "of" | "for")
    }) {
        titled = Some(t + 2);
    }
    // "Secretary of State", "President": an office, no name after it. It
    // stands for whoever holds it where the article was written, so it is
    // described, as "the spokesperson" is, and never merged by its words
    // with the office in another article.
    if is_office_marked(&words, &marks) {
        return Mention::of_clean(
            span,
            written.clone(),
            Class::Anonymous,
            written,
        );
    }
    // "Economists", "Analysts": a group of this article, as the same
    // word is when it speaks.
    if words.len() == 1 && opens_plural_role(&words) {
        let local = Class::Group { local: true };
        return Mention::of_clean(span, written.clone(), local, written);
    }
    let name = match titled {
        Some(t) => clean(strip_possessive(&words[t + 1..].join(" "))),
        None => clean(strip_possessive(&strip_title(&written))),
    };
    let also = (name != written).then(|| name.clone());
    let mut m = Mention::of_clean(span, name, Class::Name, written);
    m.forms.extend(also);
    match titled {
        Some(t) if !m.is_body() => {
            title_parts(&words[..=t], &mut m);
            m.person = true;
            let before = &text[..span.start()];
            for lead in ["then-", "former ", "Former "] {
                if before.ends_with(lead) {
                    m.forms.push(format!("{lead}{}", m.forms[0]));
                }
            }
        }
        Some(_) => {}
        None => {
            if let Some(article) = article_before(text, span) {
                m.forms.push(format!("{article} {}", m.forms[0]));
            }
            // People are described by "who". Only a subject counts: in
            // "a speech by Ann Lee, which drew criticism" the clause is
            // the speech's.
            m.thing = text[span.end()..].starts_with(", which ")
                && super::opens_sentence(text, span);
        }
    }
    m
}

/// True for an office named alone: title words and connectors only
/// ("President"), or a title run on over "of" or "for" with nothing
/// after ("Secretary of State", "Speaker of the House").
fn is_office(words: &[&str]) -> bool {
    is_office_marked(words, &title_marks(words))
}

/// For each of `words`, whether it is a title ([`is_title`]), and
/// whether it is a title or a role noun: what [`name_mention`] and
/// [`is_office_marked`] ask of each word, each asked once.
fn title_marks(words: &[&str]) -> Vec<(bool, bool)> {
    words
        .iter()
        .map(|w| {
            let title = is_title(w);
            (title, title || is(w, WordClass::Role))
        })
        .collect()
}

/// [`is_office`], given the [`title_marks`] of `words`.
fn is_office_marked(words: &[&str], marks: &[(bool, bool)]) -> bool {
    let (words, marks) = match words {
        [first, ..] if matches!(*first, "the" | "The") => {
            (&words[1..], &marks[1..])
        }
        _ => (words, marks),
    };
    let Some(t) = marks.iter().rposition(|&(_, titled)| titled) else {
        return false;
    };
    let titles_only = words
        .iter()
        .zip(marks)
        .all(|(w, &(title, _))| title || is_connector(w));
    let run_on =
        matches!(words[t + 1..], ["of" | "for", _] | ["of" | "for", "the", _]);
    titles_only || run_on
}

/// The article right before `span` ("the", "The"), if any.
pub fn article_before(text: &str, span: Span) -> Option<&str> {
    let before = text[..span.start()].trim_end_matches([' ', '\u{a0}']);
    if before.len() == span.start() {
        return None;
    }
    let word = before.rsplit([' ', '\u{a0}', '\n', '(']).next()?;
    matches!(word, "the" | "The").then_some(word)
}

/// Splits "Mexican Defense Minister" into the role "Defense Minister" and
/// the affiliation "Mexican".
fn title_parts(words: &[&str], m: &mut Mention) {
    let mut first = words.len() - 1;
    while first > 0 {
        let w = words[first - 1];
        let part_of_role = is_title(w)
            || is(w, WordClass::Role)
            || (first > 1 && !is_acronym(w) && !is_demonym(w));
        if !part_of_role {
            break;
        }
        first -= 1;
    }
    let role = words[first..].join(" ");
    let honorific = matches!(
        role.to_lowercase().as_str(),
        "mr." | "mrs." | "ms." | "miss" | "mr" | "mrs" | "ms"
    );
    if !honorific {
        m.roles.push(role.trim_start_matches("then-").to_string());
    }
    if first > 0 {
        m.affiliations
            .push(strip_possessive(&words[..first].join(" ")).into());
    }
}

/// True for words shaped like a people's adjective: "Mexican",
/// "Chinese", "Canadian", "Israeli".
pub fn is_demonym(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && word.len() > 4
        && ["an", "ese", "ish", "i"].iter().any(|s| word.ends_with(s))
}

/// Ties each possessor group ("DEA’s") to the name after it: the owner
/// becomes the named person's affiliation ("the DEA’s Milgram").
fn link_possessives(text: &str, doc: &mut DocMentions) {
    for i in 0..doc.mentions.len().saturating_sub(1) {
        let owner = &doc.mentions[i];
        let next = &doc.mentions[i + 1];
        let between = &text[owner.span.end()..next.span.start()];
        if !between.trim().is_empty() || owner.span.end() > next.span.start() {
            continue;
        }
        let owner_written = owner.span.text(text);
        if strip_possessive(owner_written) == owner_written {
            continue;
        }
        let owner_name = owner.name.clone();
        let article = article_before(text, owner.span);
        let whole = Span::new(owner.span.start(), next.span.end()).text(text);
        let next = &mut doc.mentions[i + 1];
        next.affiliations.push(owner_name);
        next.person = true;
        next.forms.push(match article {
            Some(a) => format!("{a} {}", clean(whole)),
            None => clean(whole),
        });
    }
}

/// The index of the mention `sp` speaks as, adding one when no mention
/// names it.
fn speaker_mention(
    text: &str,
    doc: &mut DocMentions,
    ix: &MentionIndex,
    sp: &crate::model::Speaker,
) -> usize {
    let core = speaker_core(text, sp.span);
    let lower = core.text(text).to_lowercase();
    let target = match sp.resolution {
        Resolution::Alias(s) | Resolution::Antecedent(s) => Some(s),
        _ => None,
    };
    let earlier = target.and_then(|s| {
        ix.speakers.get(&s).copied().or_else(|| ix.covering(doc, s))
    });
    if let Some(i) = earlier {
        // "Hoff's letter" speaks for Rachel Hoff, but is no form of her
        // name.
        if super::document_owner(text, core).is_none() {
            add_form(text, doc, i, core, &lower);
        } else {
            doc.mentions[i].speaker = true;
        }
        return i;
    }
    let words: Vec<&str> = core.text(text).split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    // "Some said", "Many believe": part of a group, as "some voters".
    let alone = words.len() == 1 && is_quantifier_pronoun(&lower);
    // "Reporters asked", "Proponents say": a plural of a role that opens
    // the sentence is capitalised, but no name; each article's are its
    // own.
    let role = words.len() == 1 && is_plural_of_role(last, &lower);
    if (is_quantified(&words) && is_plural(last))
        || is_count(&words)
        || alone
        || role
    {
        // "at least some Republicans": the extractor may leave "at least"
        // out of the speaker.
        let mut core = core;
        for lead in ["at least ", "At least "] {
            if text[..core.start()].ends_with(lead) {
                core = Span::new(core.start() - lead.len(), core.end());
            }
        }
        let written = core.text(text);
        let class = Class::Group { local: true };
        let mut m = Mention::new(core, &clean(written), class, written);
        m.speaker = true;
        doc.mentions.push(m);
        return doc.mentions.len() - 1;
    }
    // "He’s claiming": the pronoun before the contraction.
    if is_personal(without_contraction(&lower))
        && !is_capitals(core.text(text))
    {
        let mut m = Mention::new(
            core,
            core.text(text),
            Class::Pronoun,
            core.text(text),
        );
        m.speaker = true;
        doc.mentions.push(m);
        return doc.mentions.len() - 1;
    }
    // "The Biden administration opposes …": the government phrase the
    // descriptions found is the speaker, not a description of its own.
    if let Some(i) = ix.government_at(doc, core) {
        doc.mentions[i].speaker = true;
        return i;
    }
    let cover = ix.covering(doc, core).filter(|&i| {
        // "A spokeswoman for Hillary Clinton" is not Hillary Clinton.
        let at = doc.mentions[i].span.start().max(core.start());
        let before = &text[core.start()..at];
        // Nor are "Most Republican voters in Alabama" Alabama, while
        // "officials in Mexico" speak for it.
        let located =
            rsplit_at_word(before, b" in ").is_some_and(|(head, _)| {
                let head = head.rsplit(' ').next().unwrap_or(head);
                !is_governing_head(&head.to_lowercase())
            });
        // "One operative inside Trump Tower" is not Trump Tower either;
        // "an email from Neera Tanden" is hers.
        let placed = before.split_whitespace().any(|w| {
            !matches!(w, "in" | "from")
                && super::names::is_place_preposition(w)
        });
        ![" for ", " of ", " to "]
            .iter()
            .any(|p| split_at_word(before, p.as_bytes()).is_some())
            && !placed
            && !located
    });
    if let Some(i) = cover {
        // The speaker's words are a form of the name only when they end
        // with it ("the DEA’s Milgram"), not when they run on, and when
        // what leads to it could stand before a name: not "target drug
        // cartels and Mexican President López Obrador".
        let m = &doc.mentions[i];
        let lead = &text[core.start()..m.span.start().max(core.start())];
        if m.span.end() + 3 >= core.end() && may_lead_a_name(lead) {
            add_form(text, doc, i, core, &lower);
        }
        doc.mentions[i].speaker = true;
        return i;
    }
    let mut m = nominal(text, doc, ix, core, &sp.name);
    if m.refers_to == Some(doc.mentions.len()) {
        let head = lower.split_whitespace().last().unwrap_or("").to_string();
        let intro = ix.introduction(core, &head).expect("found before");
        let written = intro.text(text);
        let described = clean(strip_article(written));
        let mut first =
            Mention::new(intro, &described, Class::Anonymous, written);
        first.roles.push(described);
        first.person = !is_body_head(&head);
        first.affiliations = ix.bodies_within(doc, intro);
        doc.mentions.push(first);
        m.roles.clear();
        m.refers_to = Some(doc.mentions.len() - 1);
    }
    doc.mentions.push(m);
    doc.mentions.len() - 1
}

/// Nouns for those who act for a government or a body, as "officials
/// in Mexico" and "the government in Beijing" do for it.
fn is_governing_head(word: &str) -> bool {
    matches!(
        word,
        "officials"
            | "government"
            | "authorities"
            | "police"
            | "prosecutors"
            | "regulators"
            | "diplomats"
            | "ministers"
            | "investigators"
    )
}

/// True when the words before a name in a speaker's words can stand
/// before it in a description of its bearer ("conservative talk radio
/// host", "the DEA’s"): none joins a clause or another phrase to it, as
/// "and" does in "target drug cartels and Mexican President López
/// Obrador" and "like" in "candidates like Mr. Carson".
fn may_lead_a_name(lead: &str) -> bool {
    lead.split_whitespace().all(|w| {
        let w = w.trim_end_matches(',').to_lowercase();
        !matches!(
            w.as_str(),
            "and"
                | "or"
                | "but"
                | "yet"
                | "nor"
                | "like"
                | "as"
                | "than"
                | "to"
                | "for"
                | "with"
                | "by"
                | "from"
                | "if"
                | "when"
        ) && !is_relative_pronoun(&w)
            && !["some", "every", "any", "no"]
                .iter()
                .any(|p| w.starts_with(p) && w.len() > p.len() + 2)
    })
}

/// The indefinite phrases of `text`: "a", "an" or "one" at the start of
/// a word, a space, and up to 60 characters that are not punctuation,
/// as the regular expression
/// `(?-u:\b)(?:[Aa]n?|[Oo]ne)[ \x{a0}][^.,;:“”\n]{0,60}` finds them
/// (see the test that compares the two). Read by hand: that search ran
/// backwards through each match to find its start, and building the
/// states of its reverse automaton cost more than the search.
fn introduction_spans(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    // The length of the space at `i`, if there is one.
    let space = |i: usize| match bytes.get(i..) {
        Some([b' ', ..]) => Some(1),
        Some([0xc2, 0xa0, ..]) => Some(2),
        _ => None,
    };
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let word_start = || at == 0 || !is_word_byte(bytes[at - 1]);
        // Where the article ends; "an" before "a", as `n?` is greedy.
        let article = match bytes[at] {
            b'A' | b'a' | b'O' | b'o' if !word_start() => None,
            b'A' | b'a' => {
                if bytes.get(at + 1) == Some(&b'n') && space(at + 2).is_some()
                {
                    Some(at + 2)
                } else if space(at + 1).is_some() {
                    Some(at + 1)
                } else {
                    None
                }
            }
            b'O' | b'o' => (bytes.get(at + 1..at + 3) == Some(b"ne")
                && space(at + 3).is_some())
            .then_some(at + 3),
            _ => None,
        };
        let Some(article) = article else {
            // No article starts before the next a or o.
            at += 1;
            at += bytes[at..]
                .iter()
                .position(|b| matches!(b, b'A' | b'a' | b'O' | b'o'))
                .unwrap_or(bytes.len() - at);
            continue;
        };
        let mut end = article + space(article).expect("checked");
        for c in text[end..].chars().take(60) {
            if matches!(c, '.' | ',' | ';' | ':' | '“' | '”' | '\n') {
                break;
            }
            end += c.len_utf8();
        }
        out.push(Span::new(at, end));
        at = end;
    }
    out
}

/// A word character of an ASCII word boundary (`(?-u:\b)`).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn strip_article(phrase: &str) -> &str {
    phrase.split_once([' ', '\u{a0}']).map_or(phrase, |(_, rest)| rest)
}

/// The speaker mention without a trailing ", who" or appositive.
fn speaker_core(text: &str, span: Span) -> Span {
    let t = span.text(text);
    // "for the Department for Culture, Media and Sport": a list of
    // capitalised words closed by "and" goes on with the name.
    let listed = |rest: &str| {
        let words: Vec<&str> = rest.split([' ', ',']).collect();
        words.contains(&"and")
            && words.iter().all(|w| {
                w.is_empty()
                    || *w == "and"
                    || w.starts_with(char::is_uppercase)
            })
    };
    let mut end = find_bytes(t, ", ")
        .filter(|&i| !listed(&t[i + 2..]))
        .unwrap_or(t.len());
    // "Rudman of the Wilson Center", "Elijah Cummings of Maryland"; not
    // "Nine out of 10", nor "The Secretary of State", where the title
    // runs on.
    let of = find_bytes(&t[..end], " of ").filter(|&i| {
        let count = t[..i].ends_with(" out")
            && t[i + 4..].starts_with(|c: char| c.is_ascii_digit());
        let title = t[..i].rsplit(' ').next().is_some_and(is_title);
        // "A spokesperson for the Department of Agriculture": the name
        // of a body runs on over "of".
        let body = t[..i].contains(' ')
            && t[..i].rsplit(' ').next().is_some_and(|w| {
                w.starts_with(char::is_uppercase) && is_body_head(w)
            });
        // "The Port of Westhaven Authority said".
        let named_body = match t[..i].split_once(' ') {
            Some(("the" | "The", one)) => {
                let after: Vec<&str> = t[i + 4..end].split(' ').collect();
                body_over_of(&[one], &after)
            }
            _ => false,
        };

        // "One of them", "Most of the senators": a part of a group, not
        // a name with where it is from.
        let lower = t[..i].to_lowercase();
        let part = !lower.contains(' ')
            && (is_quantifier_pronoun(&lower)
                || crate::model::is_number_word(&lower));
        !count && !title && !part && !body && !named_body
    });
    if let Some(of) = of.filter(|_| t.starts_with(char::is_uppercase)) {
        end = of;
    }
    // "Dan McLaughlin at the National Review", "Cameron Easley for
    // Morning Consult": a person's name, then where the person works.
    // Only after a given name or a title: "Citizens for Tax Justice",
    // "The Center for Responsive Politics" are names whole.
    let at_for = [" at ", " for "]
        .iter()
        .filter_map(|p| find_bytes(&t[..end], p))
        .min()
        .filter(|&i| {
            let words: Vec<&str> = t[..i].split_whitespace().collect();
            let first = words.first().copied().unwrap_or("");
            (2..=4).contains(&words.len())
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
                && (super::names::given_name(first).is_some()
                    || is_title(first))
        });
    if let Some(i) = at_for {
        end = i;
    }
    let mut trimmed = t[..end].trim_end_matches([',', ' ', ':']);
    // "the Drug Enforcement Administration (DEA)": the name, without the
    // acronym it defines.
    if let Some((name, _)) = trimmed
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .filter(|(_, a)| is_defined_acronym(a))
    {
        trimmed = name.trim_end();
    }
    trimmed = without_party_tag(trimmed);
    // "The U.S." keeps its dot; "Feeley." does not.
    if trimmed.ends_with('.') && !trimmed.ends_with(|c: char| c.is_uppercase())
    {
        let before = trimmed[..trimmed.len() - 1].chars().last();
        if before.is_some_and(char::is_lowercase) {
            trimmed = &trimmed[..trimmed.len() - 1];
        }
    }
    Span::new(span.start(), span.start() + trimmed.len())
}

/// `name` without a party's tag in a parenthesis at its end: "Rep.
/// Gwen Moore (D-Wis.)", "Gov. Chris Christie (R)".
pub(crate) fn without_party_tag(name: &str) -> &str {
    name.strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .filter(|(_, tag)| is_party_tag(tag))
        .map_or(name, |(name, _)| name.trim_end())
}

/// True for a party's tag in a parenthesis after a politician's name:
/// "R", "D-Wis.", "I-Vt.", "R-S.C.", or the state alone ("Tex.", "Iowa").
fn is_party_tag(tag: &str) -> bool {
    if crate::resolve::names::is_us_state(tag) {
        return true;
    }
    let mut chars = tag.chars();
    matches!(chars.next(), Some('D' | 'R' | 'I'))
        && match chars.next() {
            None => true,
            Some('-') => {
                let state = chars.as_str();
                (2..=8).contains(&state.len())
                    && state.starts_with(|c: char| c.is_ascii_uppercase())
                    && state
                        .chars()
                        .all(|c| c.is_ascii_alphabetic() || c == '.')
            }
            Some(_) => false,
        }
}

/// True for what a parenthesis after a name defines: "DEA", "U.N.",
/// "NIH", "R&D".
fn is_defined_acronym(word: &str) -> bool {
    word.len() >= 2
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().all(|c| {
            c.is_ascii_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '.' | '&')
        })
}

/// True for a pronoun that can stand for a speaker: personal, object
/// ("told him"), relative ("the union, which said") or demonstrative.
fn is_pronoun(lower: &str) -> bool {
    matches!(
        lower,
        "he" | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "this"
            | "these"
            | "those"
    ) || (is_relative_pronoun(lower) && lower != "whose")
}

/// True for "US", "IT": two capitals or more, which no pronoun is
/// written in.
fn is_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase)
}

/// True when the first of `words` is a function word ("his aides",
/// "Which"), not "US" ("US officials").
fn opens_no_name(words: &[&str]) -> bool {
    words.first().is_some_and(|w| {
        !is_capitals(w)
            && is_function_word(without_contraction(&w.to_lowercase()))
    })
}

/// True for a pronoun that stands for a speaker on its own, possessive
/// ones among them ("his pledge to …").
fn is_personal(lower: &str) -> bool {
    is_pronoun(lower) || is_possessive_pronoun(lower)
}

/// True for a capitalised plural whose singular (or itself) is a
/// speaker noun: "Reporters", "Proponents", "Rabbis".
fn is_plural_of_role(word: &str, lower: &str) -> bool {
    let nouns = crate::extract::lexicon::Lexicon::get();
    word.starts_with(char::is_uppercase)
        && !is_capitals(word)
        && lower.strip_suffix('s').is_some_and(|one| {
            nouns.is_speaker_noun(lower) || nouns.is_speaker_noun(one)
        })
        && !matches!(lower, "democrats" | "republicans")
}

/// True for "his", "their" and the other possessive pronouns.
pub(crate) fn is_possessive_pronoun(lower: &str) -> bool {
    matches!(lower, "his" | "her" | "its" | "their" | "my" | "our" | "your")
}

/// True for a word that can stand for part of a group: a quantifier
/// ("many", "some", "others") or "all", "both", "each", "any", "none",
/// "neither", "either", "everyone", "everybody", "nobody".
fn is_quantifier_pronoun(lower: &str) -> bool {
    is(lower, WordClass::Quantifier)
        || matches!(
            lower,
            "all"
                | "both"
                | "each"
                | "any"
                | "none"
                | "neither"
                | "either"
                | "everyone"
                | "everybody"
                | "nobody"
        )
}

/// True when `word` (any case) could be a first name: not a word that
/// starts sentences ("Without", "Only", "Like"), a preposition or a
/// pronoun. A capitalised run at a sentence's start is no name for
/// these ("Without Scalia").
pub fn may_be_first_name(word: &str) -> bool {
    let mut title = String::with_capacity(word.len());
    let mut chars = word.chars();
    if let Some(c) = chars.next() {
        title.extend(c.to_uppercase());
        title.extend(chars.flat_map(char::to_lowercase));
    }
    let lower = word.to_lowercase();
    STARTERS.binary_search(&title.as_str()).is_err()
        && !is_function_word(&lower)
        && !matches!(
            lower.as_str(),
            "of" | "with"
                | "without"
                | "like"
                | "only"
                | "by"
                | "from"
                | "to"
                | "into"
                | "about"
                | "against"
                | "say"
                | "says"
                | "said"
                | "ask"
                | "asked"
                | "why"
                | "how"
                | "not"
                | "no"
        )
}

/// True for a word that opens no name: a pronoun (a relative one,
/// "whose", among them), a possessive one, a word for part of a group.
fn is_function_word(lower: &str) -> bool {
    is_pronoun(lower)
        || is_relative_pronoun(lower)
        || is_possessive_pronoun(lower)
        || is_quantifier_pronoun(lower)
}

/// Follows `refers_to` links to the mention they end at.
pub fn follow(doc: &DocMentions, mut i: usize) -> usize {
    let mut steps = 0;
    while let Some(j) = doc.mentions[i].refers_to {
        i = j;
        steps += 1;
        if steps > doc.mentions.len() {
            break;
        }
    }
    i
}

/// Adds the speaker's words as a form of mention `i`, unless they are a
/// pronoun.
fn add_form(
    text: &str,
    doc: &mut DocMentions,
    i: usize,
    core: Span,
    lower: &str,
) {
    if !is_personal(lower) && !core.is_empty() {
        let form = clean(strip_possessive(core.text(text)));
        if !doc.mentions[i].forms.contains(&form) {
            doc.mentions[i].forms.push(form);
        }
    }
    // "he" or "she" refers back to a person ("Feeley", named by surname
    // only, is no company).
    if matches!(without_contraction(lower), "he" | "she" | "his") {
        doc.mentions[i].person = true;
    }
    doc.mentions[i].speaker = true;
}

/// A speaker no name mention covers: a described person, a group, a
/// body named through its owner, or a name of its own.
fn nominal(
    text: &str,
    doc: &DocMentions,
    ix: &MentionIndex,
    core: Span,
    name: &str,
) -> Mention {
    let written = core.text(text);
    let words: Vec<&str> = written.split_whitespace().collect();
    let first = words.first().map_or(String::new(), |w| w.to_lowercase());
    // The head is before where they are: "Democratic voters in West
    // Virginia" are voters; so it is before a restrictive clause
    // ("officials who spoke with The Huffington Post").
    let located = words
        .iter()
        .position(|w| matches!(*w, "in" | "who"))
        .filter(|&i| i > 0);
    let last =
        words[..located.unwrap_or(words.len())].last().copied().unwrap_or("");
    let one = first == "one" && words.get(1).is_none_or(|w| *w == "of");
    let mut m = if one {
        // "One said", "One of them", "One of Grayson's supporters":
        // someone of a group this article describes, named by the whole
        // phrase.
        let mut m =
            Mention::new(core, &clean(written), Class::Anonymous, written);
        m.person = true;
        m
    } else if let Some(head) = informed_head(&words) {
        // "people familiar with the plans", "a source close to the
        // campaign": unnamed sources of this article, never merged with
        // the same words in another.
        let lower = head.to_lowercase();
        if is_plural(&lower) || lower == "those" {
            Mention::new(
                core,
                &clean(written),
                Class::Group { local: true },
                written,
            )
        } else {
            let mut m =
                Mention::new(core, &clean(written), Class::Anonymous, written);
            m.person = true;
            m
        }
    } else if let Some(owner) = owner_of(written) {
        let mut m = Mention::new(core, &clean(written), Class::Unit, written);
        m.affiliations.push(owner);
        m
    } else if opens_plural_role(&words) {
        // "Supporters", "Opponents of the law", "Analysts at Jefferies":
        // a group described in this article, never merged by its words.
        Mention::new(
            core,
            &clean(written),
            Class::Group { local: true },
            written,
        )
    } else if last.starts_with(char::is_lowercase)
        && is_plural(last)
        && !(first == "one" && words.get(1) == Some(&"of"))
    {
        // "these voters", "his aides": whose they are is in this article;
        // so is where ("organizers in Cleveland").
        let local = is_quantified(&words)
            || opens_no_name(&words)
            || located.is_some();
        Mention::new(core, &clean(written), Class::Group { local }, written)
    } else if matches!(first.as_str(), "a" | "an" | "one" | "another") {
        let described = clean(&words[1..].join(" "));
        let mut m = Mention::new(core, &described, Class::Anonymous, written);
        m.roles.push(described);
        m.person = !is_body_head(last);
        m
    } else if first == "the" && last.starts_with(char::is_lowercase) {
        definite(text, doc, ix, core)
    } else if written.starts_with(char::is_lowercase)
        || opens_no_name(&words)
        || is_office(&words)
    {
        // Not a name: a name starts with a capital, and a capital on
        // "His" or "Which" is the sentence's. "his lawyer", "the foreign
        // minister of France", or words the extractor took for a
        // speaker ("despite"): someone described in this article only,
        // never merged by its words with anyone in another.
        Mention::new(core, &clean(written), Class::Anonymous, written)
    } else {
        Mention::new(core, name, Class::Name, written)
    };
    m.affiliations.extend(ix.bodies_within(doc, core));
    m.speaker = true;
    m
}

/// "China’s foreign ministry", "Sanders’ campaign": the owner's name,
/// when a capitalised possessive is followed by lower-case words only.
fn owner_of(written: &str) -> Option<String> {
    let (owner, rest) = ["’s ", "'s ", "s’ ", "s' "]
        .iter()
        .filter_map(|mark| {
            let at = written.find(mark)?;
            // A plural's mark keeps its "s": "Sanders".
            let owner_end = if mark.starts_with('s') { at + 1 } else { at };
            Some((at, &written[..owner_end], &written[at + mark.len()..]))
        })
        .min_by_key(|&(at, _, _)| at)
        .map(|(_, owner, rest)| (owner, rest))?;
    // "Democrats' nominee", "Americans' savings": a people's or a party's
    // plural owns nothing as a body does.
    let last = owner.rsplit(' ').next().unwrap_or(owner);
    let plural_people = last.strip_suffix('s').is_some_and(|one| {
        is_demonym(one)
            || matches!(
                one.to_lowercase().as_str(),
                "democrat"
                    | "republican"
                    | "conservative"
                    | "liberal"
                    | "progressive"
                    | "independent"
                    | "socialist"
            )
    });
    // "Supporters' groups": a common plural that opens the sentence.
    let common = !owner.contains(' ')
        && super::is_plural_role(owner, &owner.to_lowercase());
    if plural_people || common {
        return None;
    }
    let rest_lower = rest.split_whitespace().all(|w| {
        w.starts_with(char::is_lowercase) && !is(w, WordClass::Quantifier)
    });
    // "The victim's family", "The director of the film's": a capital
    // only on the article opens no name.
    let named = owner
        .strip_prefix("The ")
        .unwrap_or(owner)
        .starts_with(char::is_uppercase);
    (named && rest_lower && !rest.is_empty()).then(|| owner.to_string())
}

/// True for a lower-case noun that names more than one: "-s" but not
/// "-ss", or "people", "police", "staff".
pub(super) fn is_plural(word: &str) -> bool {
    (word.ends_with('s') && !word.ends_with("ss"))
        || matches!(word, "people" | "police" | "staff")
}

/// The head of an unnamed source described by how it knows: "people"
/// in "people familiar with the plans", "source" in "a source close to
/// the campaign", "officials" in "officials with knowledge of the talks".
fn informed_head<'a>(words: &[&'a str]) -> Option<&'a str> {
    let at = words.windows(2).position(|w| {
        matches!(
            (w[0].to_lowercase().as_str(), w[1].to_lowercase().as_str()),
            ("familiar", "with")
                | ("close", "to")
                | ("briefed", "on")
                | ("knowledgeable", "about")
                | ("with", "knowledge" | "direct" | "firsthand")
        )
    })?;
    at.checked_sub(1).map(|h| words[h])
}

/// True for "some Republicans", "a handful of experts", "at least some
/// Democrats": a phrase that picks part of a group.
fn is_quantified(words: &[&str]) -> bool {
    // "30 Labour MPs", "Two Republican senators": a number opens it.
    let number = words.first().is_some_and(|w| {
        let lower = w.to_lowercase();
        (w.starts_with(|c: char| c.is_ascii_digit()) && is_digits(w))
            || (crate::model::is_number_word(&lower) && lower != "one")
            || crate::model::is_count_plural(&lower)
    });
    // Not a name after a role: "Fight for 15 organizing director
    // Kendall Fells".
    let title_case = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
    };
    let n = words.len();
    let named = n >= 4
        && title_case(words[n - 1])
        && title_case(words[n - 2])
        && words[1..n - 2].iter().any(|w| w.starts_with(char::is_lowercase));
    (number && !named)
        || words.iter().take(3).any(|w| {
            let w = w.to_lowercase();
            is(&w, WordClass::Quantifier) || w == "least"
        })
}

/// "Six in 10", "nearly nine out of 10", "43" (of the delegates), "42
/// percent", "47%": a number or share of people, a group of its own
/// document; a number is never the same actor as the same number in
/// another document, nor one poll's 42 percent another's.
fn is_count(words: &[&str]) -> bool {
    let n = words.len();
    let digits =
        |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let fraction = n >= 3
        && (words[n - 2] == "in"
            || (words[n - 2] == "of" && words[n - 3] == "out"));
    let share = words.iter().enumerate().any(|(i, w)| {
        w.strip_suffix('%').is_some_and(is_number)
            || w.eq_ignore_ascii_case("percent")
            || (w.eq_ignore_ascii_case("cent")
                && i > 0
                && words[i - 1].eq_ignore_ascii_case("per"))
    });
    share || (n > 0 && digits(words[n - 1]) && (n == 1 || fraction))
}

/// "The NSC spokesperson": the earlier anonymous mention with the same
/// head noun, or a new anonymous mention.
fn definite(
    text: &str,
    doc: &DocMentions,
    ix: &MentionIndex,
    core: Span,
) -> Mention {
    let written = core.text(text);
    let head = written.split_whitespace().last().unwrap_or("").to_lowercase();
    // "The Republican nominee" is not "the Democratic presidential
    // nominee" of the sentence before.
    let own = qualifiers(written);
    let fits = |earlier: &str| !qualifiers_clash(&own, &qualifiers(earlier));
    let earlier = ix.anonymous_before(doc, &head, core.start(), |m| {
        m.forms.iter().all(|f| fits(f))
    });
    let earlier = earlier.or_else(|| {
        // The introduction may not speak itself: "..., a National
        // Security Council (NSC) spokesperson said." It is the next
        // mention pushed (see `speaker_mention`).
        ix.introduction(core, &head)
            .filter(|intro| fits(intro.text(text)))
            .map(|_| doc.mentions.len())
    });
    let described = clean(
        &written.split_whitespace().skip(1).collect::<Vec<_>>().join(" "),
    );
    let mut m = Mention::new(core, &described, Class::Anonymous, written);
    m.refers_to = earlier;
    m.person = !is_body_head(&head);
    if earlier.is_none() {
        m.roles.push(described);
    }
    m
}

/// The capitalised words that qualify a description's head noun, bare
/// and in lower case, and their initials: "a National Security Council
/// (NSC) spokesperson" gives "national", "security", "council", "nsc"
/// and "nsc" again.
fn qualifiers(description: &str) -> Vec<String> {
    let words: Vec<&str> = description.split_whitespace().collect();
    let Some((_, before_head)) = words.split_last() else {
        return Vec::new();
    };
    let mut out: Vec<String> = before_head
        .iter()
        .map(|w| {
            strip_possessive(w.trim_matches(|c: char| !c.is_alphanumeric()))
        })
        .filter(|w| w.starts_with(char::is_uppercase))
        .map(str::to_lowercase)
        .filter(|w| !matches!(w.as_str(), "the" | "a" | "an" | "one"))
        .collect();
    if out.len() > 1 {
        out.push(out.iter().filter_map(|w| w.chars().next()).collect());
    }
    out
}

/// True when two descriptions of one head noun are qualified by different
/// capitalised words ([`qualifiers`]: "The Republican nominee", "the
/// Democratic presidential nominee"): then they are two people. A
/// description with no such word ("the nominee") clashes with none.
fn qualifiers_clash(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|w| b.contains(w))
}

/// The key two mentions of one actor share: the folded name, without a
/// leading article.
pub fn key_of(name: &str) -> String {
    let key = canonical_key(name);
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        find(text, &[]).mentions.into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn word_tables_are_sorted() {
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_date_word("Friday") && is_date_word("January"));
    }

    #[test]
    fn starters_and_titles_are_dropped() {
        let got = names("The DEA Administrator Anne Milgram spoke.");
        assert_eq!(got, vec!["Anne Milgram"]);
    }

    /// [`capitalised_words`] as it was before it gave up on prose early,
    /// kept as the reference.
    fn capitalised_words_listed(line: &str) -> bool {
        let words: Vec<&str> = line
            .split_whitespace()
            .filter(|w| w.chars().count() > 3)
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .collect();
        let capitals =
            words.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
        words.len() >= 4 && capitals * 10 >= words.len() * 9
    }

    #[test]
    fn giving_up_on_prose_early_reads_every_line_as_before() {
        // Every line of the bundled articles, and lines made of words of
        // each shape in many orders and lengths.
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "Trump", "Says", "the", "and", "of", "Biden", "will", "IN",
            "U.S.", "Ünïcode", "élan", "12", "Wall", "street", "a", "Four",
            "“Quoted”", "—", "Gov.", "über", "Über", " ", " ", " ", " ",
            "\u{a0}", ".",
        ];
        let mut lines =
            crate::model::random_texts(PIECES, 40_000, 60, 0x7e57_11e5_cafe);
        for text in crate::model::bundled_texts() {
            lines.extend(text.lines().map(str::to_string));
        }
        // Lines at the edge of nine in ten: one or two lower-case words,
        // anywhere, among up to forty capitalised ones.
        for n in 1..40 {
            for at in 0..n {
                for other in [None, Some(n - 1 - at)] {
                    let words: Vec<&str> = (0..n)
                        .map(|k| {
                            if k == at || Some(k) == other {
                                "street"
                            } else {
                                "Trump"
                            }
                        })
                        .collect();
                    lines.push(words.join(" "));
                }
            }
        }
        let mut headlines = 0;
        for line in &lines {
            let got = capitalised_words(line);
            assert_eq!(got, capitalised_words_listed(line), "{line:?}");
            headlines += usize::from(got);
        }
        // Both verdicts are met many times over.
        assert!(headlines > 100 && headlines < lines.len() - 100);
    }

    #[test]
    fn a_year_before_a_name_is_dropped() {
        let got = names(
            "Oct. 31, 2012 The Obama hug. In the 2010 Senate race, the \
             1992 New York State Supreme Court ruled. The 1776 United \
             Coalition objected.",
        );
        assert_eq!(
            got,
            vec![
                "Oct",
                "Obama",
                "Senate",
                "New York State Supreme Court",
                "1776 United Coalition"
            ]
        );
    }

    #[test]
    fn of_splits_after_a_person_not_after_a_body() {
        let got = names(
            "said Rudman of the Wilson Center, and the National Institutes of Health.",
        );
        assert_eq!(
            got,
            vec!["Rudman", "Wilson Center", "National Institutes of Health"]
        );
    }

    #[test]
    fn an_article_inside_a_run_opens_a_name_joined_by_and() {
        let got = names(
            "Dolores Mensah, president of Local 12 of the Harbour and Dock \
             Workers' Union, said it.",
        );
        assert!(
            got.contains(&"Harbour and Dock Workers' Union".into()),
            "{got:?}"
        );
        assert!(!got.contains(&"Dock Workers' Union".into()), "{got:?}");
    }

    #[test]
    fn a_country_acronym_opens_a_name_joined_by_and() {
        for text in [
            "The U.S. Food and Drug Administration approved it.",
            "Officials at the U.S. Food and Drug Administration approved it.",
        ] {
            let got = names(text);
            assert!(
                got.contains(&"U.S. Food and Drug Administration".into()),
                "{got:?}"
            );
            assert!(!got.contains(&"Drug Administration".into()), "{got:?}");
        }
    }

    #[test]
    fn a_date_after_a_name_joined_by_and_is_no_part_of_it() {
        let got =
            names("The Food and Drug Administration on Friday approved it.");
        assert_eq!(got, ["Food and Drug Administration", "Friday"]);
    }

    #[test]
    fn of_after_one_word_and_an_article_goes_on_to_a_body() {
        for text in [
            "Samuel Ortiz, executive director of the Port of Westhaven \
             Authority, said the plan was final.",
            "The Port of Westhaven Authority said the plan was final.",
        ] {
            let got = names(text);
            assert!(
                got.contains(&"Port of Westhaven Authority".into()),
                "{got:?}"
            );
            assert!(
                !got.iter().any(|n| n == "Port" || n == "Westhaven Authority"),
                "{got:?}"
            );
        }
        // The forms of the mentions of `text`, its speakers' among them.
        let forms = |text: &str| -> Vec<String> {
            let atts =
                crate::extract::extract(text, &crate::segment::segment(text));
            find(text, &atts)
                .mentions
                .into_iter()
                .flat_map(|m| m.forms)
                .collect()
        };
        // Its speaker's words are a form of it, not "The Port".
        let got =
            forms("The Port of Westhaven Authority said the plan was final.");
        assert!(
            got.iter().any(|f| f == "The Port of Westhaven Authority"),
            "{got:?}"
        );
        assert!(!got.iter().any(|f| f == "The Port"), "{got:?}");
        assert!(is_body_name("Port of Westhaven Authority"));
        // A role at a body is no part of its name.
        let got =
            forms("The head of Westhaven Authority said the plan was final.");
        assert_eq!(got, ["Westhaven Authority", "The head"]);
        assert!(!is_body_name("Port of Spain"));
        // No article: a person's name and where the person is from.
        let got = names("said Rudman of Wilson Center.");
        assert_eq!(got, vec!["Rudman", "Wilson Center"]);
    }

    #[test]
    fn a_document_speaks_for_its_owner_and_is_no_form_of_its_name() {
        let text = "Rachel Hoff wrote to the party in May. The platform \
                    was unfair, according to Hoff's letter.";
        let mut atts =
            crate::extract::extract(text, &crate::segment::segment(text));
        super::super::resolve(text, &mut atts);
        let doc = find(text, &atts);
        let hoff = doc.mentions.iter().find(|m| m.name == "Rachel Hoff");
        let hoff = hoff.expect("Rachel Hoff is a mention");
        assert!(hoff.speaker, "{doc:?}");
        assert!(!hoff.forms.iter().any(|f| f.contains("letter")), "{doc:?}");
        assert!(!doc.mentions.iter().any(|m| m.name.contains("letter")));
    }

    #[test]
    fn possessive_splits_an_owner_from_a_name() {
        let doc = find("But the DEA’s Milgram detailed it.", &[]);
        let milgram = &doc.mentions[1];
        assert_eq!(milgram.name, "Milgram");
        assert_eq!(milgram.affiliations, vec!["DEA".to_string()]);
        assert!(milgram.forms.contains(&"the DEA’s Milgram".to_string()));
        let whole = names("in the People’s Republic of China today");
        assert_eq!(whole, vec!["People’s Republic of China"]);
    }

    #[test]
    fn possessive_splits_an_owner_from_a_given_name_and_surname() {
        let doc = find("Labour's Keir Starmer said it was wrong.", &[]);
        let starmer = doc.mentions.last().unwrap();
        assert_eq!(starmer.name, "Keir Starmer");
        assert_eq!(starmer.affiliations, vec!["Labour".to_string()]);
        // Not before a word that is no given name.
        let whole = names("at St. Mary's Children Hospital today");
        assert_eq!(whole, vec!["St. Mary's Children Hospital"]);
    }

    #[test]
    fn what_an_owner_has_is_no_name_when_it_is_a_number_or_an_adjective() {
        for (text, want) in [
            ("a lead in Clinton’s 3-point margin", "Clinton"),
            ("the race for Nevada's Republican nomination", "Nevada"),
            ("Wisconsin's Democratic primary was close", "Wisconsin"),
        ] {
            assert_eq!(names(text), vec![want], "{text}");
        }
    }

    #[test]
    fn title_becomes_role_and_prefix_affiliation() {
        let doc = find("Yesterday DEA Administrator Anne Milgram spoke.", &[]);
        let m = doc.mentions.last().unwrap();
        assert_eq!(m.name, "Anne Milgram");
        assert_eq!(m.roles, vec!["Administrator".to_string()]);
        assert_eq!(m.affiliations, vec!["DEA".to_string()]);
        assert!(m.person);
        let doc = find(
            "arrested former Mexican Defense Minister Salvador Cienfuegos",
            &[],
        );
        let m = &doc.mentions[0];
        assert_eq!(m.roles, vec!["Defense Minister".to_string()]);
        assert_eq!(m.affiliations, vec!["Mexican".to_string()]);
        assert!(m.forms.iter().any(|f| f.starts_with("former ")));
    }

    #[test]
    fn a_middle_initial_is_part_of_a_name_and_no_name_alone() {
        let got = names(
            "Warren E. Buffett spoke. He backed Plan B. The Senate met.",
        );
        assert_eq!(got, vec!["Warren E. Buffett", "Plan", "Senate"]);
    }

    #[test]
    fn compounds_are_not_names() {
        assert!(names("U.S.-Mexico relations").iter().all(|n| n != "U.S."));
    }

    #[test]
    fn acronyms_are_recognised() {
        assert!(is_acronym("DEA") && is_acronym("U.S.") && is_acronym("AMLO"));
        assert!(!is_acronym("Milgram") && !is_acronym("A"));
    }

    /// Texts of the pieces that decide where runs and introductions
    /// start and end, in pseudo-random order, with the bundled
    /// documents and every character of the first plane and some beyond
    /// between letters.
    pub(crate) fn mixed_texts() -> Vec<String> {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "A", "a", "An", "an", "One", "one", "O", "o", "ne", "n", "On",
            " ", " ", " ", "\u{a0}", "\n", "\t", ".", ",", ";", ":", "“",
            "”", "’", "'", "&", "-", "_", "(", ")", "U.S.", "U.", "Mr.",
            "Mrs", "Mrs.", "St.", "Gen", "of", "the", "for", "on", "de",
            "del", "da", "President", "Anne", "Milgram", "DEA", "’s", "'s",
            "İstanbul", "É", "é", "ǅ", "Ⅻ", "ⅻ", "①", "٣", "５", "ß", "Σ",
            "ς", "\u{2003}", "—", "–", "\u{301}", "😀", "x", "1", "9", "Z",
            "z", "\u{2071}", "\u{2070}", "ａ", "Ａ", "\u{10400}",
            "\u{1d7ce}", "\u{2028}", "\u{85}", "ᾼ", "Ω", "K", "spokesperson",
            "a senior administration official", "another", "none", "Anon",
        ];
        let mut texts = crate::model::random_texts(
            PIECES,
            20_000,
            40,
            0x9e37_79b9_7f4a_7c15,
        );
        let chars = (0x80..0x11000).chain(0x1_0400..0x1_0500);
        let all: String = chars
            .filter_map(char::from_u32)
            .map(|c| format!("X{c}Y a {c}b an{c} One {c}{c}. A{c}\n"))
            .collect();
        texts.push(all);
        texts.extend(crate::model::bundled_texts());
        texts
    }

    #[test]
    fn split_at_and_is_split_once() {
        for text in mixed_texts() {
            for name in text.split(['\n', ',', '.']) {
                assert_eq!(split_at_and(name), name.split_once(" and "));
            }
            assert_eq!(split_at_and(&text), text.split_once(" and "));
        }
        for name in ["Customs and Border Protection", " and ", "and", ""] {
            assert_eq!(split_at_and(name), name.split_once(" and "));
        }
        for name in ["Port of Westhaven Authority", " of ", "of", "Port"] {
            assert_eq!(split_at_word(name, b" of "), name.split_once(" of "));
        }
        let mut names: Vec<String> = mixed_texts();
        for text in mixed_texts() {
            names.extend(text.split(['\n', ',', '.']).map(str::to_string));
        }
        #[rustfmt::skip]
        let odd = [
            " in ", " in in ", "in", " in", "in ", "a in b in c", "a  in  b",
            " in  in ", "x in\u{a0}y", "é in ü in ß", "", " to ", " for ",
            "a for b of c to d", " of  of ", "xin iny",
        ];
        names.extend(odd.map(String::from));
        for name in &names {
            for needle in [", ", " of ", " at ", " for ", "é", "x"] {
                assert_eq!(find_bytes(name, needle), name.find(needle));
            }
            for word in [" in ", " for ", " of ", " to "] {
                let bytes = word.as_bytes();
                assert_eq!(split_at_word(name, bytes), name.split_once(word));
                assert_eq!(
                    rsplit_at_word(name, bytes),
                    name.rsplit_once(word),
                    "{name:?}"
                );
            }
        }
    }

    #[test]
    fn starters_are_those_of_the_binary_search() {
        let mut words: Vec<String> = Vec::new();
        for w in STARTERS {
            words.push(w.to_string());
            words.push(w.to_lowercase());
            words.push(w.to_uppercase());
            words.push(format!("{w}s"));
            words.push(w[..w.len() - 1].to_string());
            words.push(format!(" {w}"));
        }
        for text in mixed_texts() {
            words.extend(text.split_whitespace().map(str::to_string));
        }
        words.extend(["", "a", "Thé", "Theré", "Œ"].map(String::from));
        for w in &words {
            let old = STARTERS.binary_search(&w.as_str()).is_ok();
            assert_eq!(is_starter(w), old, "{w:?}");
        }
    }

    #[test]
    fn runs_are_those_of_the_unanchored_search() {
        let re = Regex::new(&run_pattern()).unwrap();
        for text in mixed_texts() {
            let old: Vec<Span> = re
                .find_iter(&text)
                .map(|m| Span::new(m.start(), m.end()))
                .collect();
            assert_eq!(runs(&text), old, "{text:?}");
        }
    }

    #[test]
    fn a_clean_form_is_its_own_clean_form() {
        let mut texts = mixed_texts();
        texts.extend(
            ["", " ", "a  b", " a", "a ", "a\u{a0}b"].map(String::from),
        );
        for text in &texts {
            let once = clean(text);
            assert!(is_clean(&once), "{text:?}");
            assert_eq!(clean(&once), once, "{text:?}");
        }
    }

    #[test]
    fn offices_are_those_of_the_unmarked_test() {
        let mut phrases: Vec<String> = [
            "President",
            "the President",
            "The Secretary of State",
            "Secretary of State Hillary Clinton",
            "Speaker of the House",
            "Speaker of the House Paul Ryan",
            "Democratic nominee Hillary Clinton",
            "White House spokesperson",
            "the",
            "The",
            "",
            "Sen. Ted Cruz",
            "then-Gov. Mike Pence",
            "Justice Department",
            "Former President",
            "President of the United States",
            "Chairman for Life",
        ]
        .map(String::from)
        .to_vec();
        for text in mixed_texts() {
            phrases.extend(text.split(['\n', ',', '.']).map(str::to_string));
        }
        // The test as it was written before the marks were kept.
        let reference = |words: &[&str]| {
            let words = match words {
                [first, rest @ ..] if matches!(*first, "the" | "The") => rest,
                _ => words,
            };
            let titled = |w: &&str| is_title(w) || is(w, WordClass::Role);
            let Some(t) = words.iter().rposition(titled) else {
                return false;
            };
            let titles_only =
                words.iter().all(|w| is_title(w) || is_connector(w));
            let run_on = matches!(
                words[t + 1..],
                ["of" | "for", _] | ["of" | "for", "the", _]
            );
            titles_only || run_on
        };
        let (mut offices, mut others) = (0, 0);
        for phrase in &phrases {
            let words: Vec<&str> = phrase.split_whitespace().collect();
            let marks = title_marks(&words);
            let expected = reference(&words);
            assert_eq!(is_office(&words), expected, "{phrase:?}");
            assert_eq!(
                is_office_marked(&words, &marks),
                expected,
                "{phrase:?}"
            );
            if expected { offices += 1 } else { others += 1 }
        }
        assert!(offices > 3 && others > 3, "{offices} {others}");
    }

    #[test]
    fn clean_is_split_and_joined() {
        let joined =
            |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut texts = mixed_texts();
        let spaces = [
            "", " ", "  ", "\t", "\n", "\r\n", "\u{a0}", "\u{85}", "\u{2003}",
            "\u{3000}", "\u{200b}", "\u{feff}",
        ];
        for a in spaces {
            for b in spaces {
                texts.push(format!("{a}x{b}y{a}"));
                texts.push(format!("{a}{b}"));
                texts.push(format!("x{a}{b}y"));
            }
        }
        for text in &texts {
            assert_eq!(clean(text), joined(text), "{text:?}");
        }
    }

    #[test]
    fn introductions_are_those_of_the_regex() {
        let re =
            Regex::new(r"(?-u:\b)(?:[Aa]n?|[Oo]ne)[ \x{a0}][^.,;:“”\n]{0,60}")
                .unwrap();
        for text in mixed_texts() {
            let old: Vec<Span> = re
                .find_iter(&text)
                .map(|m| Span::new(m.start(), m.end()))
                .collect();
            assert_eq!(introduction_spans(&text), old, "{text:?}");
        }
    }

    #[test]
    fn a_definite_role_refers_to_its_introduction() {
        let text = "at the White House, a National Security Council (NSC) \
                    spokesperson said.\n\nThe NSC spokesperson said no.";
        let at = text.find("The NSC").unwrap();
        let core = Span::new(at, at + "The NSC spokesperson".len());
        let intro = MentionIndex::new(text).introduction(core, "spokesperson");
        let intro = intro.unwrap();
        assert_eq!(
            intro.text(text),
            "a National Security Council (NSC) spokesperson"
        );
    }

    #[test]
    fn an_owner_is_named_only_by_a_capital_of_its_own() {
        assert_eq!(
            owner_of("China’s foreign ministry").as_deref(),
            Some("China")
        );
        assert_eq!(
            owner_of("The DEA's spokesman").as_deref(),
            Some("The DEA")
        );
        // A capital on the article alone: someone described, not a body.
        assert_eq!(owner_of("The victim's family"), None);
        assert_eq!(owner_of("The congressman’s spokesman"), None);
    }

    #[test]
    fn a_plural_role_before_where_they_are_is_a_group() {
        for phrase in [
            "Supporters",
            "Analysts at Jefferies",
            "Activists outside the venue",
            "Protesters across the city",
        ] {
            let words: Vec<&str> = phrase.split_whitespace().collect();
            assert!(opens_plural_role(&words), "{phrase}");
        }
        assert!(!opens_plural_role(&["Analysts", "Jefferies"]));
    }

    #[test]
    fn a_number_of_people_is_a_group_of_its_article() {
        let q =
            |p: &str| is_quantified(&p.split_whitespace().collect::<Vec<_>>());
        assert!(q("30 Labour MPs"));
        assert!(q("28 percent of voters"));
        assert!(q("Two Republican senators"));
        assert!(q("some voters"));
        assert!(!q("Labour MPs"));
        // A name after a role is no number of people.
        assert!(!q("15 organizing director Kendall Fells"));
    }
}
