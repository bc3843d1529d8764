//! What the words around a name say about its actor.
//!
//! Runs inside [`super::mentions::find`], after names are found and before
//! speakers are tied to them. Each rule reads the text next to a name
//! and adds forms, roles and affiliations to its mention, or a mention of
//! its own:
//!
//! - an acronym defined after a name: "National Security Council (NSC)";
//! - an appositive: "Watson, a spokesperson for the NSC", "Liz
//!   Sherwood-Randall, U.S. President Joe Biden’s homeland security
//!   advisor";
//! - a party tag: "Senator Lindsey Graham, R-S.C.";
//! - a body after "of": "Rudman of the Wilson Center";
//! - a role between a body and a name: "White House homeland security
//!   adviser Liz Sherwood-Randall";
//! - a government named through its country or leader: "Mexico’s
//!   government", "the Mexican authorities", "the Biden administration";
//! - a short definite name for a body named before: "The Coalition",
//!   "the administration".

use std::sync::OnceLock;

use regex::{Captures, Regex};

use super::mentions::{
    Class, DocMentions, Mention, article_before, clean, is_demonym,
};
use super::names::is_title;
use super::words::{WordClass, is, is_body_head};
use crate::model::Span;

/// Applies every rule to the mentions of one document.
pub fn describe(text: &str, doc: &mut DocMentions) {
    acronym_definitions(text, doc);
    let mut kinds = Kinds(vec![None; doc.mentions.len()]);
    for i in 0..doc.mentions.len() {
        appositive(text, doc, &mut kinds, i);
        party_tag(text, doc, i);
        of_body(text, doc, &mut kinds, i);
        role_before(text, doc, &mut kinds, i);
    }
    governments(text, doc);
    units(text, doc);
    definite_bodies(text, doc);
}

/// What [`Mention::is_body`] and [`Mention::is_acronym`] say of a
/// mention.
#[derive(Clone, Copy, Debug)]
struct Kind {
    body: bool,
    acronym: bool,
}

/// The [`Kind`] of each mention, found when first asked: the rules of
/// [`describe`] asked it of most mentions several times, each time
/// splitting and looking up the name, and need it of few once their
/// cheaper conditions are checked. Names do not change while they run.
#[derive(Debug)]
struct Kinds(Vec<Option<Kind>>);

impl Kinds {
    fn of(&mut self, doc: &DocMentions, i: usize) -> Kind {
        *self.0[i].get_or_insert_with(|| {
            let m = &doc.mentions[i];
            Kind { body: m.is_body(), acronym: m.is_acronym() }
        })
    }

    /// True when mention `i` names a body or is an acronym.
    fn body_or_acronym(&mut self, doc: &DocMentions, i: usize) -> bool {
        let k = self.of(doc, i);
        k.body || k.acronym
    }
}

/// The nouns a unit's name ends with (see [`units`]).
const UNIT_NOUNS: &[&str] = &[
    "ministry",
    "cabinet",
    "embassy",
    "military",
    "army",
    "navy",
    "parliament",
    "senate",
    "congress",
    "police",
    "central bank",
];

/// True when `text` may hold a unit [`units`] finds: a "’s" and a space,
/// then a unit's noun, at once or after the next space. Every match of
/// its regular expression has that, the lower-case word between holding
/// no space; most documents have none, and are not searched.
#[cfg(test)]
fn may_hold_unit(text: &str) -> bool {
    unit_marks(text).next().is_some()
}

/// Where each "’s" `may_hold_unit` looks for starts: every match of
/// [`unit_regex`] holds one of them, and only one.
///
/// The "’s" are found by `regex`'s literal search ([`possessive_regex`]),
/// cheaper over a whole document than `match_indices`; "’s" cannot
/// overlap itself, so both find every one.
fn unit_marks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let noun_at = |rest: &str| UNIT_NOUNS.iter().any(|n| rest.starts_with(n));
    possessive_regex().find_iter(text).filter_map(move |m| {
        let at = m.start();
        let rest = &text[m.end()..];
        let rest =
            rest.strip_prefix(' ').or_else(|| rest.strip_prefix('\u{a0}'))?;
        let found = noun_at(rest)
            || rest.find([' ', '\u{a0}']).is_some_and(|k| {
                let after = &rest[k..];
                let sep = after.chars().next().map_or(0, char::len_utf8);
                noun_at(&after[sep..])
            });
        found.then_some(at)
    })
}

/// "’s" as an expression: a literal, searched by `regex`'s literal
/// engines.
fn possessive_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new("’s").expect("valid regex"))
}

/// The matches of [`unit_regex`] in `text`, as `captures_iter` finds
/// them, each looked for only near its "’s" ([`unit_marks`]): the search
/// over the whole of a document read every byte with Unicode classes,
/// and built each match's groups with them. A match runs from its
/// owner's name, letters and hyphens in at most two words, to its noun
/// after at most one more word; the window looked at holds that much,
/// and a match found in it counts only when it holds its "’s".
fn unit_matches(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut from = 0;
    for at in unit_marks(text) {
        if at < from {
            continue;
        }
        let start = from
            .max(words_before(text, at, 1, |c| c.is_alphabetic() || c == '-'));
        let after = at + "’s".len();
        let rest = &text[after..];
        let sep = rest.chars().next().map_or(0, char::len_utf8);
        let word =
            rest[sep..].find([' ', '\u{a0}']).unwrap_or(rest.len() - sep);
        // The word, a space, the longest noun and the byte after it.
        let end = char_boundary(text, after + sep + word + 2 + 12 + 4);
        let m = if is_plain(&text[start..after + sep + word]) {
            plain_unit(text, start, at)
        } else {
            unit_regex()
                .captures_at(&text[..end], start)
                .map(|c| Found::of(&c))
                .filter(|m| m.start() <= at && at < m.end())
        };
        if let Some(m) = m {
            from = m.end();
            found.push(m);
        }
    }
    found
}

/// The match of [`unit_regex`] that holds the "’s" at `at`, starting
/// at `start` or after, in a [plain](is_plain) window: there a capital
/// (`\p{Lu}`), a letter (`\p{L}`) and a lower-case letter (`\p{Ll}`)
/// are [`is_capital`], [`is_letter`] and [`is_lower`].
fn plain_unit(text: &str, start: usize, at: usize) -> Option<Found> {
    let bytes = text.as_bytes();
    let after = at + "’s".len();
    let r = after + sep_len(text, after)?;
    // The word between, preferred, as the regular expression's `?`.
    let lower: usize = text[r..]
        .chars()
        .take_while(|&c| is_lower(c))
        .map(char::len_utf8)
        .sum();
    let noun_at = |at: usize| {
        UNIT_NOUNS
            .iter()
            .find(|n| {
                text[at..].starts_with(**n) && word_bound(bytes, at + n.len())
            })
            .map(|n| (at, at + n.len()))
    };
    let with_word = (lower > 0)
        .then(|| sep_len(text, r + lower))
        .flatten()
        .and_then(|sep| noun_at(r + lower + sep))
        .map(|noun| (Some((r, r + lower)), noun));
    let (word, noun) = with_word.or_else(|| noun_at(r).map(|n| (None, n)))?;
    let owner = (start..at).find(|&x| {
        text.is_char_boundary(x)
            && word_bound(bytes, x)
            && words_of(&text[x..at], |c| is_letter(c) || c == '-')
    })?;
    Some(Found([
        Some((owner, noun.1)),
        Some((owner, at)),
        word,
        Some(noun),
        None,
    ]))
}

/// The start of the words before `end`: the characters before it that
/// `in_word` takes, or spaces (a space or a no-break space), at most
/// `spaces` of these.
fn words_before(
    text: &str,
    end: usize,
    spaces: usize,
    in_word: impl Fn(char) -> bool,
) -> usize {
    let mut left = spaces;
    let mut start = end;
    for (i, c) in text[..end].char_indices().rev() {
        if c == ' ' || c == '\u{a0}' {
            if left == 0 {
                break;
            }
            left -= 1;
        } else if !in_word(c) {
            break;
        }
        start = i;
    }
    start
}

/// `at`, or the next character boundary of `text` after it, within it.
fn char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// True when `window` holds only ASCII, "’", no-break spaces and the
/// letters of Latin-1 ("é", "Ó"): the characters whose classes
/// [`plain_unit`] and [`plain_government`] know without Unicode's
/// tables. A window with any other keeps to the regular expression,
/// which is compiled only then. What follows the last word whose
/// letters they read (the nouns, matched byte for byte, and the byte
/// after, for the word boundary) need not be plain: a quotation mark
/// after "government" does not send its window to the expression.
fn is_plain(window: &str) -> bool {
    window
        .chars()
        .all(|c| c.is_ascii() || c == '’' || c == '\u{a0}' || is_letter(c))
}

/// `\p{Lu}` for a character of a [plain](is_plain) window: A to Z and
/// Latin-1's capitals ("À" to "Þ", without "×").
fn is_capital(c: char) -> bool {
    c.is_ascii_uppercase()
        || matches!(c, '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}')
}

/// `\p{Ll}` for a character of a [plain](is_plain) window: a to z and
/// Latin-1's small letters ("ß" to "ÿ", without "÷").
fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase()
        || matches!(c, '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}')
}

/// `\p{L}` for a character of a [plain](is_plain) window, and the
/// letters such a window may hold besides ASCII: ASCII's and Latin-1's
/// from "À" on ("ª", "µ" and "º" are letters too, and keep a window to
/// the regular expression).
fn is_letter(c: char) -> bool {
    is_capital(c) || is_lower(c)
}

/// The length of the space (a space or a no-break space) at `at`, if
/// one is there.
fn sep_len(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    if rest.starts_with(' ') {
        Some(1)
    } else if rest.starts_with('\u{a0}') {
        Some(2)
    } else {
        None
    }
}

/// True when `at` is an ASCII word boundary, as `(?-u:\b)` says.
fn word_bound(bytes: &[u8], at: usize) -> bool {
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let before = at > 0 && bytes.get(at - 1).is_some_and(word);
    before != bytes.get(at).is_some_and(word)
}

/// True when `name` is one word, or two with a space between, each a
/// capital ([`is_capital`]) followed by characters `in_word` takes: a
/// name of the regular expressions, in a [plain](is_plain) window.
fn words_of(name: &str, in_word: impl Fn(char) -> bool) -> bool {
    let mut words = name.split([' ', '\u{a0}']);
    let word = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(is_capital) && chars.all(&in_word)
    };
    words.next().is_some_and(word)
        && words.next().is_none_or(word)
        && words.next().is_none()
}

/// A match of [`unit_regex`] or [`government_regex`], as spans of the
/// text: the whole, then each group's, `None` for a group that took no
/// part.
#[derive(Debug, PartialEq)]
struct Found([Option<(usize, usize)>; 5]);

impl Found {
    /// The spans of `c`.
    fn of(c: &Captures<'_>) -> Found {
        let mut spans = [None; 5];
        for (i, g) in c.iter().enumerate() {
            spans[i] = g.map(|g| (g.start(), g.end()));
        }
        Found(spans)
    }

    fn start(&self) -> usize {
        self.0[0].expect("group 0 always takes part").0
    }

    fn end(&self) -> usize {
        self.0[0].expect("group 0 always takes part").1
    }

    /// The text of group `i`, if it took part.
    fn get<'t>(&self, text: &'t str, i: usize) -> Option<&'t str> {
        self.0[i].map(|(start, end)| &text[start..end])
    }
}

/// "China’s foreign ministry", "Mexico’s security cabinet": a body named
/// through the country or body it belongs to.
fn units(text: &str, doc: &mut DocMentions) {
    // A document where `may_hold_unit` finds nothing has no match: its
    // marks are where the matches are looked for.
    for c in unit_matches(text) {
        let span = Span::new(c.start(), c.end());
        if doc
            .mentions
            .iter()
            .any(|m| m.span.overlaps(&span) && m.class == Class::Unit)
        {
            continue;
        }
        let written = clean(span.text(text));
        let mut m = Mention::new(span, &written, Class::Unit, &written);
        let owner = c.get(text, 1).expect("the owner takes part");
        m.affiliations.push(owner.to_string());
        doc.mentions.push(m);
    }
}

/// What [`units`] finds: an owner, its possessive, perhaps a lower-case
/// word, and one of [`UNIT_NOUNS`].
fn unit_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = r"(?-u:\b)(\p{Lu}[\p{L}-]*(?:[ \x{a0}]\p{Lu}[\p{L}-]*)?)’s[ \x{a0}](?:(\p{Ll}+)[ \x{a0}])?(ministry|cabinet|embassy|military|army|navy|parliament|senate|congress|police|central bank)(?-u:\b)";
        Regex::new(pattern).expect("valid regex")
    })
}

/// "U.S. Drug Enforcement Administration (DEA)": the acronym is recorded
/// when its letters appear, in order, among the name's capitals.
fn acronym_definitions(text: &str, doc: &mut DocMentions) {
    for m in doc.mentions.iter_mut() {
        let rest = &text[m.span.end()..];
        // What every match starts with: most names are not followed by
        // a bracket, and are not searched.
        if !(rest.starts_with(" (") || rest.starts_with("\u{a0}(")) {
            continue;
        }
        let Some((defined, acronym)) = acronym_at(rest) else { continue };
        let acronym = acronym.to_string();
        if !letters_in_order(&acronym, &m.name) {
            continue;
        }
        let whole = format!("{} {}", m.name, defined.trim());
        if let Some(article) = article_before(text, m.span) {
            m.forms.push(format!("{article} {}", clean(&whole)));
        }
        m.forms.push(clean(&whole));
        doc.acronyms.push((acronym, m.name.clone()));
    }
}

/// The acronym in brackets that `rest` starts with, after a space: the
/// whole and the acronym, a capital and 1 to 9 capitals, dots or
/// ampersands (" (DEA)", " (U.S.)").
///
/// The expression takes any number of them and the count is checked
/// after: `[\p{Lu}.&]{1,9}` made nine copies of the Unicode class, most
/// of the cost of compiling it, once in each run. The same lines match:
/// a bracket, which the class lacks, must follow the run, so the run is
/// the longest one either way.
fn acronym_at(rest: &str) -> Option<(&str, &str)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[ \x{a0}]\((\p{Lu}[\p{Lu}.&]*)\)").expect("valid regex")
    });
    let c = re.captures(rest)?;
    let (whole, acronym) = (c.get(0)?.as_str(), c.get(1)?.as_str());
    (2..=10).contains(&acronym.chars().count()).then_some((whole, acronym))
}

/// True when every letter of `acronym` is a capital of `name`, in order.
fn letters_in_order(acronym: &str, name: &str) -> bool {
    let mut caps = name.chars().filter(|c| c.is_uppercase());
    acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|a| caps.by_ref().any(|c| c == a))
}

/// "Watson, a spokesperson for the NSC," and "Breier, the former
/// assistant secretary.": the description is a role, and both the whole
/// phrase and the description are forms of the person.
fn appositive(text: &str, doc: &mut DocMentions, kinds: &mut Kinds, i: usize) {
    let m = &doc.mentions[i];
    if m.class != Class::Name {
        return;
    }
    let rest = &text[m.span.end()..];
    let Some(after) = rest.strip_prefix(", ") else { return };
    if kinds.body_or_acronym(doc, i) {
        return;
    }
    let Some(np) = description(after) else { return };
    let np_span = Span::new(
        m.span.end() + 2 + (after.len() - after.trim_start().len()),
        m.span.end() + 2 + np.len(),
    );
    let role = strip_determiner(np);
    let bodies = bodies_in(doc, np_span);
    let whole = clean(Span::new(m.span.start(), np_span.end()).text(text));
    let m = &mut doc.mentions[i];
    m.forms.push(whole);
    m.forms.push(clean(np));
    m.roles.push(clean(role));
    m.affiliations.extend(bodies);
    m.person = true;
}

/// The description at the start of `after`, up to the next comma or full
/// stop, when it is headed by a role noun ("a spokesperson for the NSC").
fn description(after: &str) -> Option<&str> {
    let end = after
        .find([',', ';', '“', '”', '"', '\n', '('])
        .unwrap_or(after.len());
    let mut np = &after[..end];
    // A full stop ends the phrase; the dots of "U.S." do not.
    let stop = np.match_indices(". ").find(|(at, _)| {
        np[..*at].chars().last().is_some_and(char::is_lowercase)
    });
    if let Some((dot, _)) = stop {
        np = &np[..dot];
    }
    np = np.trim_end_matches('.');
    for stop in [
        " who ", " which ", " during ", " since ", " until ", " when ",
        " said", " says", " told", " in 1", " in 2",
    ] {
        if let Some(at) = find_spaced(np, stop) {
            np = &np[..at];
        }
    }
    let words: Vec<&str> = np.split_whitespace().collect();
    if words.is_empty() || words.len() > 14 {
        return None;
    }
    let head_end = words
        .iter()
        .position(|w| matches!(*w, "of" | "for" | "at" | "in" | "with"))
        .unwrap_or(words.len());
    let head = words[..head_end].last()?;
    let is_role = is(head, WordClass::Role) || is_title(head);
    let opens = matches!(words[0], "a" | "an" | "the" | "one" | "former")
        || words[..head_end].iter().any(|w| w.ends_with("’s"));
    (is_role && opens && head.starts_with(char::is_lowercase)).then_some(np)
}

/// `phrase.find(word)` for a `word` that starts with a space: a match
/// starts at a space, so only the spaces are tried. `str::find` set up a
/// two-way searcher for each word of each description, costlier than
/// the search in a short phrase.
fn find_spaced(phrase: &str, word: &str) -> Option<usize> {
    debug_assert!(word.starts_with(' '));
    let (bytes, word) = (phrase.as_bytes(), word.as_bytes());
    (0..bytes.len())
        .filter(|&at| bytes[at] == b' ')
        .find(|&at| bytes[at..].starts_with(word))
}

fn strip_determiner(np: &str) -> &str {
    for d in ["a ", "an ", "the ", "one "] {
        if let Some(rest) = np.strip_prefix(d) {
            return rest;
        }
    }
    np
}

/// Names of the bodies inside `span`.
fn bodies_in(doc: &DocMentions, span: Span) -> Vec<String> {
    doc.mentions
        .iter()
        .filter(|m| m.class == Class::Name)
        .filter(|m| span.contains(&m.span))
        .filter(|m| m.is_body() || m.is_acronym())
        .map(|m| m.name.clone())
        .collect()
}

/// "Senator Lindsey Graham, R-S.C.,": a party and state after a name.
fn party_tag(text: &str, doc: &mut DocMentions, i: usize) {
    let m = &doc.mentions[i];
    if m.class != Class::Name || !m.person {
        return;
    }
    let rest = &text[m.span.end()..];
    // What every match starts with: most names are not followed by a
    // party's letter, and are not searched.
    if ![", D", ", R", ", I"].iter().any(|p| rest.starts_with(p)) {
        return;
    }
    let Some((tag, letter)) = party_tag_at(rest) else { return };
    let tag = tag.trim_end_matches([',', ' ', '\n']);
    let whole = format!("{}{tag}", m.span.text(text));
    let party = match letter {
        "D" => "Democrat",
        "R" => "Republican",
        _ => "Independent",
    };
    let m = &mut doc.mentions[i];
    m.forms.push(clean(&whole));
    m.roles.push(party.to_string());
}

/// The party tag `rest` starts with, after a comma: the whole, up to
/// the comma, white space or end after it, and the party's letter
/// (", R-S.C.,", ", D-Calif.").
///
/// The expression takes any number of letters and dots after the
/// capital and the count is checked after: `[\p{L}.]{0,6}` made six
/// copies of the Unicode class, most of the cost of compiling it, once
/// in each run. The same text matches: a comma or white space, which
/// the class lacks, or the end must follow the run, so the run is the
/// longest one either way.
fn party_tag_at(rest: &str) -> Option<(&str, &str)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^, ([DRI])-?\p{Lu}([\p{L}.]*)(?:,|\s|$)")
            .expect("valid regex")
    });
    let c = re.captures(rest)?;
    let (whole, letter) = (c.get(0)?.as_str(), c.get(1)?.as_str());
    (c.get(2)?.as_str().chars().count() <= 6).then_some((whole, letter))
}

/// "Rudman of the Wilson Center": a person's body after "of".
fn of_body(text: &str, doc: &mut DocMentions, kinds: &mut Kinds, i: usize) {
    let m = &doc.mentions[i];
    if m.class != Class::Name {
        return;
    }
    let rest = &text[m.span.end()..];
    let Some(skip) = [" of the ", " of "]
        .iter()
        .find(|p| rest.starts_with(*p))
        .map(|p| p.len())
    else {
        return;
    };
    if kinds.body_or_acronym(doc, i) {
        return;
    }
    let at = m.span.end() + skip;
    let found = (0..doc.mentions.len()).find(|&j| {
        let n = &doc.mentions[j];
        n.span.start() == at && n.class == Class::Name && kinds.of(doc, j).body
    });
    let Some(body) = found.map(|j| &doc.mentions[j]) else { return };
    let whole = clean(Span::new(m.span.start(), body.span.end()).text(text));
    let name = body.name.clone();
    let m = &mut doc.mentions[i];
    m.forms.push(whole);
    m.affiliations.push(name);
    m.person = true;
}

/// "White House homeland security adviser Liz Sherwood-Randall": lower-case
/// words ending in a role noun between a body and a name.
fn role_before(
    text: &str,
    doc: &mut DocMentions,
    kinds: &mut Kinds,
    i: usize,
) {
    if i == 0 || doc.mentions[i].class != Class::Name {
        return;
    }
    let body = &doc.mentions[i - 1];
    let m = &doc.mentions[i];
    if body.span.end() >= m.span.start() {
        return;
    }
    // The cheapest condition first: most names follow a comma, a full
    // stop or a capital.
    let between = &text[body.span.end()..m.span.start()];
    let lower = between
        .chars()
        .all(|c| c.is_lowercase() || c == '-' || c.is_whitespace());
    if !lower {
        return;
    }
    if !kinds.body_or_acronym(doc, i - 1) || kinds.of(doc, i).body {
        return;
    }
    let body = &doc.mentions[i - 1];
    let m = &doc.mentions[i];
    let words: Vec<&str> = between.split_whitespace().collect();
    let fits = (1..=4).contains(&words.len())
        && words.last().is_some_and(|w| is(w, WordClass::Role) || is_title(w));
    if !fits {
        return;
    }
    let whole = clean(Span::new(body.span.start(), m.span.end()).text(text));
    let name = body.name.clone();
    let m = &mut doc.mentions[i];
    m.forms.push(whole);
    m.roles.push(words.join(" "));
    m.affiliations.push(name);
    m.person = true;
}

/// What [`governments`] finds: "the" and a name, or a name and its
/// possessive, then one of its nouns.
fn government_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let name = r"\p{Lu}[\p{L}’'-]*(?:[ \x{a0}]\p{Lu}[\p{L}’'-]*)?";
        let pattern = format!(
            r"(?-u:\b)(?:([Tt]he)[ \x{{a0}}]({name})|({name})’s)[ \x{{a0}}](administration|government|authorities)(?-u:\b)"
        );
        Regex::new(&pattern).expect("valid regex")
    })
}

/// The nouns a government's name ends with (see [`governments`]).
const GOVERNMENT_NOUNS: [&str; 3] =
    ["administration", "government", "authorities"];

/// True when `text` may hold a government [`governments`] finds: one of
/// its nouns after a space, after a word with a capital. Every match of
/// its regular expression has that: before the space stands a name's
/// last word (a capital and letters, apostrophes, hyphens), perhaps
/// with "’s". A character outside ASCII counts as a letter and as a
/// capital, so that no Unicode table decides. Documents without such a
/// phrase ("the federal government", "the U.S. government") are not
/// searched. [`governments`] reads the nouns themselves
/// ([`government_nouns`]).
#[cfg(test)]
fn may_hold_government(text: &str) -> bool {
    !government_nouns(text).is_empty()
}

/// Where each noun `may_hold_government` looks for starts, in order:
/// every match of [`government_regex`] ends with one of them.
///
/// The nouns are found in one pass, by the literal engines of `regex`
/// ([`government_noun_regex`]), where `match_indices` passed over the
/// whole text once for each noun. No noun overlaps itself or another,
/// so the matches are every place of every noun.
fn government_nouns(text: &str) -> Vec<(usize, &'static str)> {
    government_noun_regex()
        .find_iter(text)
        .filter_map(|m| {
            let noun = GOVERNMENT_NOUNS.iter().find(|n| **n == m.as_str())?;
            Some((m.start(), *noun))
        })
        .filter(|&(at, _)| {
            let before = &text[..at];
            let Some(before) = before
                .strip_suffix(' ')
                .or_else(|| before.strip_suffix('\u{a0}'))
            else {
                return false;
            };
            before
                .chars()
                .rev()
                .take_while(|&c| {
                    !c.is_ascii()
                        || c.is_ascii_alphabetic()
                        || matches!(c, '\'' | '-')
                })
                .any(|c| !c.is_ascii() || c.is_ascii_uppercase())
        })
        .collect()
}

/// [`GOVERNMENT_NOUNS`] as one expression of literals.
fn government_noun_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&GOVERNMENT_NOUNS.join("|")).expect("valid regex")
    })
}

/// The matches of [`government_regex`] in `text`, as `captures_iter`
/// finds them, each looked for only before its noun
/// ([`government_nouns`]): the search over the whole of a document read
/// every byte with Unicode classes, and built each match's groups with
/// them. Before its noun a match holds letters, apostrophes, hyphens
/// and at most three spaces, and no other of the nouns after a space;
/// the window looked at ends with the noun and the byte after it, for
/// the word boundary.
fn government_matches(
    text: &str,
    nouns: &[(usize, &'static str)],
) -> Vec<Found> {
    let mut found = Vec::new();
    let mut from = 0;
    for &(at, noun) in nouns {
        if at < from {
            continue;
        }
        let start = from.max(words_before(text, at, 3, |c| {
            c.is_alphabetic() || matches!(c, '’' | '\'' | '-')
        }));
        let end = char_boundary(text, at + noun.len() + 1);
        let m = if is_plain(&text[start..at]) {
            plain_government(text, start, at, noun)
        } else {
            government_regex()
                .captures_at(&text[..end], start)
                .map(|c| Found::of(&c))
                .filter(|m| m.end() == at + noun.len())
        };
        if let Some(m) = m {
            from = m.end();
            found.push(m);
        }
    }
    found
}

/// The match of [`government_regex`] that ends with `noun` at `at`,
/// starting at `start` or after, in a [plain](is_plain) window (see
/// [`plain_unit`]): the leftmost start, and there "the" and a name
/// before a name and "’s", as the regular expression prefers.
fn plain_government(
    text: &str,
    start: usize,
    at: usize,
    noun: &str,
) -> Option<Found> {
    let bytes = text.as_bytes();
    let end = at + noun.len();
    if !word_bound(bytes, end) {
        return None;
    }
    let name_end = if text[..at].ends_with(' ') { at - 1 } else { at - 2 };
    let is_name = |name: &str| {
        words_of(name, |c| is_letter(c) || matches!(c, '’' | '\'' | '-'))
    };
    let noun = Some((at, end));
    (start..name_end).filter(|&x| text.is_char_boundary(x)).find_map(|x| {
        if !word_bound(bytes, x) {
            return None;
        }
        let the = &bytes[x..name_end];
        if the.len() > 3
            && matches!(the[0], b'T' | b't')
            && &the[1..3] == b"he"
            && let Some(sep) = sep_len(text, x + 3)
        {
            let name = x + 3 + sep;
            if name <= name_end && is_name(&text[name..name_end]) {
                let spans = [
                    Some((x, end)),
                    Some((x, x + 3)),
                    Some((name, name_end)),
                    None,
                    noun,
                ];
                return Some(Found(spans));
            }
        }
        let owner_end = name_end.checked_sub("’s".len())?;
        let owner = text.get(x..owner_end)?;
        (text[owner_end..name_end] == *"’s" && is_name(owner)).then_some(
            Found([Some((x, end)), None, None, Some((x, owner_end)), noun]),
        )
    })
}

/// "the Biden administration", "Mexico’s government", "the Mexican
/// authorities": governments named through a leader or a country.
fn governments(text: &str, doc: &mut DocMentions) {
    let nouns = government_nouns(text);
    if nouns.is_empty() {
        // No government, and so no administration to refer back to.
        return;
    }
    for c in government_matches(text, &nouns) {
        let owner_text =
            c.get(text, 2).or_else(|| c.get(text, 3)).expect("one name group");
        let noun = c.get(text, 4).expect("the noun takes part");
        let span = Span::new(c.start(), c.end());
        let (name, country) = if noun == "administration" {
            if c.get(text, 3).is_some() {
                continue;
            }
            (format!("{owner_text} administration"), None)
        } else if c.get(text, 3).is_some() || is_demonym(owner_text) {
            (format!("{owner_text} {noun}"), Some(owner_text.to_string()))
        } else {
            continue;
        };
        let mut m =
            Mention::new(span, &name, Class::Government, span.text(text));
        m.country = country;
        hide_names_within(doc, span);
        doc.mentions.push(m);
    }
    administration_back_references(text, doc);
}

/// A name inside a government phrase ("Biden" in "the Biden
/// administration") does not mention that person.
fn hide_names_within(doc: &mut DocMentions, span: Span) {
    doc.mentions.retain(|m| {
        !(m.class == Class::Name
            && span.start() <= m.span.start()
            && m.span.end() <= span.end())
    });
}

/// "the administration": the nearest administration named before.
fn administration_back_references(text: &str, doc: &mut DocMentions) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)[Tt]he[ \x{a0}]administration(?-u:\b)")
            .expect("valid regex")
    });
    let named = doc.mentions.iter().any(|m| {
        m.class == Class::Government && m.name.ends_with("administration")
    });
    // Nothing to refer back to: no search.
    if !named {
        return;
    }
    for found in re.find_iter(text) {
        let span = Span::new(found.start(), found.end());
        let earlier = doc.mentions.iter().rposition(|m| {
            m.class == Class::Government
                && m.name.ends_with("administration")
                && m.span.end() <= span.start()
        });
        if let Some(j) = earlier {
            let name = doc.mentions[j].name.clone();
            let mut m =
                Mention::new(span, &name, Class::Government, found.as_str());
            m.refers_to = Some(j);
            doc.mentions.push(m);
        }
    }
}

/// "The Coalition": a body's head word alone after "the" stands for the
/// nearest body named before with that head.
fn definite_bodies(text: &str, doc: &mut DocMentions) {
    for i in 0..doc.mentions.len() {
        let m = &doc.mentions[i];
        let head = m.name.as_str();
        if m.class != Class::Name || head.contains(' ') || !is_body_head(head)
        {
            continue;
        }
        let Some(article) = article_before(text, m.span) else { continue };
        let earlier = doc.mentions[..i].iter().rposition(|n| {
            n.class == Class::Name
                && n.name.contains(' ')
                && n.name.split_whitespace().last() == Some(head)
                && n.span.end() <= m.span.start()
        });
        let Some(j) = earlier else { continue };
        let form = format!("{article} {head}");
        let m = &mut doc.mentions[i];
        m.refers_to = Some(j);
        m.forms = vec![form];
    }
}

#[cfg(test)]
mod tests {
    use super::super::mentions::find;
    use super::*;

    fn mention<'d>(doc: &'d DocMentions, name: &str) -> &'d Mention {
        doc.mentions.iter().find(|m| m.name == name).unwrap()
    }

    /// Phrases near and far from units and governments, in pseudo-random
    /// order, and the bundled documents.
    fn phrase_texts() -> Vec<String> {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "’s", "'s", "’", "'", "s", " ", " ", "\u{a0}", "\n", "-", ",",
            ".", "ministry", "Ministry", "central bank", "central", "bank",
            "foreign", "police", "army", "navy", "congress", "China",
            "Mexico", "the", "The", "administration", "government",
            "authorities", "Biden", "Mexican", "U.S.", "É", "é", "ΣΑΣ", "İ",
            "x", "X", "federal", "1", "_", "Ⅻ", "ǅ", "\u{301}",
        ];
        let mut texts = crate::model::random_texts(
            PIECES,
            100_000,
            12,
            0x2545_f491_4f6c_dd1d,
        );
        texts.extend(crate::model::bundled_texts());
        texts
    }

    #[test]
    fn texts_passed_over_hold_no_unit_and_no_government() {
        let (mut units, mut governments) = (0, 0);
        for text in phrase_texts() {
            if may_hold_unit(&text) {
                units += 1;
            } else {
                assert!(!unit_regex().is_match(&text), "{text:?}");
            }
            if may_hold_government(&text) {
                governments += 1;
            } else {
                assert!(!government_regex().is_match(&text), "{text:?}");
            }
        }
        // The filters pass over texts, and let some through.
        assert!(units > 50 && governments > 50, "{units} {governments}");
    }

    #[test]
    fn plain_classes_are_the_unicode_classes_in_plain_windows() {
        let class = |c: &str| Regex::new(&format!(r"^\p{{{c}}}$")).unwrap();
        let (lu, ll, l) = (class("Lu"), class("Ll"), class("L"));
        let mut plain = 0;
        for c in ('\0'..='\u{ff}').chain(['’']) {
            let s = c.to_string();
            if is_plain(&s) {
                plain += 1;
                assert_eq!(is_capital(c), lu.is_match(&s), "{c:?}");
                assert_eq!(is_lower(c), ll.is_match(&s), "{c:?}");
                assert_eq!(is_letter(c), l.is_match(&s), "{c:?}");
            }
        }
        assert_eq!(plain, 128 + 2 + 62);
    }

    #[test]
    fn windowed_searches_find_what_the_whole_search_finds() {
        // Pieces of matches, that make many.
        #[rustfmt::skip]
        const NEAR: &[&str] = &[
            "China’s ", "Mexico’s\u{a0}", "Foo Bar’s ", "É’s ", "the Biden ",
            "The Mexican ", "Xi’s", " ", "\u{a0}",
            "foreign ", "army", "central bank", "police", "ministry",
            "the Biden", "The", "Mexican", "government", "administration",
            "authorities", "É", "x", "-", ",", "’s", "’", "Xi", "s", "'",
            "Ⅻ", "ǅ", "\u{345}", "_", "1", "A", "the ", "bank", "é", "Ó",
            "López ", "ß", "×", "÷", "ÿ", "ª", "µ", "Þ", "Älv",
        ];
        let mut texts = phrase_texts();
        texts.extend(crate::model::random_texts(
            NEAR,
            50_000,
            10,
            0x9e37_79b9_7f4a_7c15,
        ));
        texts.extend(
            [
                "China’s army police said. China’s army",
                "Mexico’s central bank and Mexico’s central ministry",
                "Foo Bar’s foreign ministry’s police",
                "Xi’s foreign\u{a0}ministry, the Biden Harris administration",
                "the Biden administration government authorities",
                "The The Biden government’s authorities",
                "É’s army, Éa Éb’s navy, aÉ’s army, x-Y’s police",
                "The U.S. government and the Mexican authorities",
                "The Biden\u{a0}administration’s government",
                "A B C D’s government; the A B administration",
                "China’s policeman, China’s armyx, China’s army_",
                "xÉ’s army said, 1Ó’s navy, _Älv Öst’s police",
                "the xÉlan government, aÓ’s government, xÑoño’s authorities",
                "The Ñoño administration, the López Obrador government",
                "Þór’s ministry, ßa’s army, Ë é’s navy, É×’s army",
            ]
            .map(String::from),
        );
        let (mut units, mut governments) = (0, 0);
        for text in &texts {
            let whole: Vec<Found> = unit_regex()
                .captures_iter(text)
                .map(|c| Found::of(&c))
                .collect();
            assert_eq!(unit_matches(text), whole, "{text:?}");
            units += whole.len();
            let whole: Vec<Found> = government_regex()
                .captures_iter(text)
                .map(|c| Found::of(&c))
                .collect();
            let nouns = government_nouns(text);
            assert_eq!(government_matches(text, &nouns), whole, "{text:?}");
            governments += whole.len();
        }
        // Matches were there to find.
        assert!(units > 500 && governments > 500, "{units} {governments}");
    }

    #[test]
    fn acronyms_and_party_tags_are_read_as_the_bounded_expressions_read_them()
    {
        let acronym =
            Regex::new(r"^[ \x{a0}]\((\p{Lu}[\p{Lu}.&]{1,9})\)").unwrap();
        let party =
            Regex::new(r"^, ([DRI])-?\p{Lu}[\p{L}.]{0,6}(?:,|\s|$)").unwrap();
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            ")", "(", "D", "R", "I", "-", "S", ".", "C", "DEA", "U.S.", "&",
            "AB", "É", "é", "Ⅻ", "ǅ", "x", "Calif", ",", " ", "\n", "\t",
            "\u{a0}", "1", "ΣΑΣ",
        ];
        let mut texts = Vec::new();
        for t in crate::model::random_texts(
            PIECES,
            100_000,
            9,
            0x2545_f491_4f6c_dd1d,
        ) {
            texts.push(format!(" ({t}"));
            texts.push(format!("\u{a0}({t}"));
            texts.push(format!(", {t}"));
        }
        texts.extend(
            [
                " (DEA)",
                " (ABCDEFGHIJ)",
                " (ABCDEFGHIJK)",
                " (A)",
                ", R-S.C.,",
                ", D-Calif.",
                ", I-Vt.",
                ", R-Calif",
                ", DNY",
                ", R-ABCDEFG,",
                ", R-ABCDEFGH,",
                ", R-S",
                ", RS.C.\n",
            ]
            .map(String::from),
        );
        let (mut acronyms, mut tags) = (0, 0);
        for rest in &texts {
            let old = acronym.captures(rest).map(|c| {
                (c.get(0).unwrap().as_str(), c.get(1).unwrap().as_str())
            });
            assert_eq!(acronym_at(rest), old, "{rest:?}");
            acronyms += usize::from(old.is_some());
            let old = party.captures(rest).map(|c| {
                (c.get(0).unwrap().as_str(), c.get(1).unwrap().as_str())
            });
            assert_eq!(party_tag_at(rest), old, "{rest:?}");
            tags += usize::from(old.is_some());
        }
        assert!(acronyms > 500 && tags > 500, "{acronyms} {tags}");
    }

    #[test]
    fn government_nouns_are_every_place_of_every_noun() {
        let mut texts = phrase_texts();
        texts.extend(
            ["administrationgovernment", "authoritiesauthorities", "x"]
                .map(String::from),
        );
        let mut found = 0;
        for text in &texts {
            // What `government_nouns` searched: each noun in turn.
            let mut every: Vec<(usize, &str)> = GOVERNMENT_NOUNS
                .iter()
                .flat_map(|&n| {
                    text.match_indices(n).map(move |(at, _)| (at, n))
                })
                .collect();
            every.sort_unstable();
            let one_pass: Vec<(usize, &str)> = government_noun_regex()
                .find_iter(text)
                .map(|m| (m.start(), m.as_str()))
                .collect();
            assert_eq!(one_pass, every, "{text:?}");
            found += every.len();
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn possessives_are_every_place_of_the_mark() {
        let mut texts = phrase_texts();
        texts.extend(["’s’s", "’’s", "’ss", "x’"].map(String::from));
        let mut found = 0;
        for text in &texts {
            let every: Vec<usize> =
                text.match_indices("’s").map(|(at, _)| at).collect();
            let literal: Vec<usize> = possessive_regex()
                .find_iter(text)
                .map(|m| m.start())
                .collect();
            assert_eq!(literal, every, "{text:?}");
            found += every.len();
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn find_spaced_is_find() {
        let stops = [" who ", " said", " in 1", " when ", " ", " é"];
        let mut texts = phrase_texts();
        texts.truncate(20_000);
        texts.extend(
            ["x who y", " who ", "who ", "a  who  b who", "in 1 in 1", " é"]
                .map(String::from),
        );
        for text in &texts {
            for stop in stops {
                assert_eq!(
                    find_spaced(text, stop),
                    text.find(stop),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn acronym_definition_is_recorded() {
        let doc = find(
            "from the U.S. Drug Enforcement Administration (DEA). The DEA",
            &[],
        );
        assert_eq!(
            doc.acronyms,
            vec![(
                "DEA".to_string(),
                "U.S. Drug Enforcement Administration".to_string()
            )]
        );
        let m = mention(&doc, "U.S. Drug Enforcement Administration");
        assert!(m.forms.contains(
            &"the U.S. Drug Enforcement Administration (DEA)".to_string()
        ));
    }

    #[test]
    fn appositive_gives_role_and_body() {
        let doc = find(
            "“No,” Watson, a spokesperson for the NSC, said in a statement.",
            &[],
        );
        let m = mention(&doc, "Watson");
        assert_eq!(m.roles, vec!["spokesperson for the NSC".to_string()]);
        assert_eq!(m.affiliations, vec!["NSC".to_string()]);
        assert!(
            m.forms
                .contains(&"Watson, a spokesperson for the NSC".to_string())
        );
    }

    #[test]
    fn appositive_stops_before_a_time_phrase() {
        let doc = find(
            "said Kimberly Breier, a former U.S. assistant secretary of \
             state for the Western Hemisphere during the Trump \
             administration.",
            &[],
        );
        let m = mention(&doc, "Kimberly Breier");
        assert!(
            m.forms.contains(
                &"a former U.S. assistant secretary of state for the Western \
              Hemisphere"
                    .to_string()
            )
        );
    }

    #[test]
    fn of_body_and_role_before_name() {
        let doc = find("said Rudman of the Wilson Center.", &[]);
        let m = mention(&doc, "Rudman");
        assert_eq!(m.affiliations, vec!["Wilson Center".to_string()]);
        let doc = find(
            "Then White House homeland security adviser Liz Sherwood-Randall \
             left.",
            &[],
        );
        let m = mention(&doc, "Liz Sherwood-Randall");
        assert_eq!(m.roles, vec!["homeland security adviser".to_string()]);
        assert_eq!(m.affiliations, vec!["White House".to_string()]);
    }

    #[test]
    fn governments_and_back_references() {
        let doc = find(
            "The Mexican government refused. Then the Biden administration \
             said the administration would act.",
            &[],
        );
        let gov = mention(&doc, "Mexican government");
        assert_eq!(gov.country.as_deref(), Some("Mexican"));
        assert!(doc.mentions.iter().all(|m| m.name != "Biden"));
        let back = doc.mentions.last().unwrap();
        assert_eq!(back.forms, vec!["the administration".to_string()]);
        assert!(back.refers_to.is_some());
    }

    #[test]
    fn the_coalition_is_the_coalition_named_before() {
        let doc = find(
            "The 1776 United Coalition condemns it. The Coalition urges more.",
            &[],
        );
        let last = doc.mentions.last().unwrap();
        assert_eq!(last.forms, vec!["The Coalition".to_string()]);
        assert_eq!(last.refers_to, Some(0));
    }

    #[test]
    fn party_tag_is_a_form_and_a_role() {
        let doc = find("said Senator Lindsey Graham, R-S.C., who", &[]);
        let m = mention(&doc, "Lindsey Graham");
        assert!(
            m.forms.contains(&"Senator Lindsey Graham, R-S.C.".to_string())
        );
        assert!(m.roles.contains(&"Republican".to_string()));
    }
}
