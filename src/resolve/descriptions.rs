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

use regex::Regex;

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
fn may_hold_unit(text: &str) -> bool {
    let noun_at = |rest: &str| UNIT_NOUNS.iter().any(|n| rest.starts_with(n));
    text.match_indices("’s").any(|(at, s)| {
        let rest = &text[at + s.len()..];
        let Some(rest) =
            rest.strip_prefix(' ').or_else(|| rest.strip_prefix('\u{a0}'))
        else {
            return false;
        };
        noun_at(rest)
            || rest.find([' ', '\u{a0}']).is_some_and(|k| {
                let after = &rest[k..];
                let sep = after.chars().next().map_or(0, char::len_utf8);
                noun_at(&after[sep..])
            })
    })
}

/// "China’s foreign ministry", "Mexico’s security cabinet": a body named
/// through the country or body it belongs to.
fn units(text: &str, doc: &mut DocMentions) {
    if !may_hold_unit(text) {
        return;
    }
    for c in unit_regex().captures_iter(text) {
        let whole = c.get(0).expect("group 0 always takes part");
        let span = Span::new(whole.start(), whole.end());
        if doc
            .mentions
            .iter()
            .any(|m| m.span.overlaps(&span) && m.class == Class::Unit)
        {
            continue;
        }
        let written = clean(whole.as_str());
        let mut m = Mention::new(span, &written, Class::Unit, &written);
        m.affiliations.push(c[1].to_string());
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
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[ \x{a0}]\((\p{Lu}[\p{Lu}.&]{1,9})\)")
            .expect("valid regex")
    });
    for m in doc.mentions.iter_mut() {
        let rest = &text[m.span.end()..];
        // What every match starts with: most names are not followed by
        // a bracket, and are not searched.
        if !(rest.starts_with(" (") || rest.starts_with("\u{a0}(")) {
            continue;
        }
        let Some(c) = re.captures(rest) else { continue };
        let acronym = c[1].to_string();
        if !letters_in_order(&acronym, &m.name) {
            continue;
        }
        let whole = format!("{} {}", m.name, &c[0].trim());
        if let Some(article) = article_before(text, m.span) {
            m.forms.push(format!("{article} {}", clean(&whole)));
        }
        m.forms.push(clean(&whole));
        doc.acronyms.push((acronym, m.name.clone()));
    }
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
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^, ([DRI])-?\p{Lu}[\p{L}.]{0,6}(?:,|\s|$)")
            .expect("valid regex")
    });
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
    let Some(c) = re.captures(rest) else { return };
    let tag = c[0].trim_end_matches([',', ' ', '\n']);
    let whole = format!("{}{tag}", m.span.text(text));
    let party = match &c[1] {
        "D" => "Democrat",
        "R" => "Republican",
        _ => "Independent",
    };
    let m = &mut doc.mentions[i];
    m.forms.push(clean(&whole));
    m.roles.push(party.to_string());
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

/// True when `text` may hold a government [`governments`] finds: one of
/// its nouns after a space, after a word with a capital. Every match of
/// its regular expression has that: before the space stands a name's
/// last word (a capital and letters, apostrophes, hyphens), perhaps
/// with "’s". A character outside ASCII counts as a letter and as a
/// capital, so that no Unicode table decides. Documents without such a
/// phrase ("the federal government", "the U.S. government") are not
/// searched.
fn may_hold_government(text: &str) -> bool {
    ["administration", "government", "authorities"].iter().any(|noun| {
        text.match_indices(noun).any(|(at, _)| {
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
    })
}

/// "the Biden administration", "Mexico’s government", "the Mexican
/// authorities": governments named through a leader or a country.
fn governments(text: &str, doc: &mut DocMentions) {
    if !may_hold_government(text) {
        // No government, and so no administration to refer back to.
        return;
    }
    for c in government_regex().captures_iter(text) {
        let whole = c.get(0).expect("group 0 always takes part");
        let owner = c.get(2).or_else(|| c.get(3)).expect("one name group");
        let noun = &c[4];
        let owner_text = owner.as_str();
        let span = Span::new(whole.start(), whole.end());
        let (name, country) = if noun == "administration" {
            if c.get(3).is_some() {
                continue;
            }
            (format!("{owner_text} administration"), None)
        } else if c.get(3).is_some() || is_demonym(owner_text) {
            (format!("{owner_text} {noun}"), Some(owner_text.to_string()))
        } else {
            continue;
        };
        let mut m =
            Mention::new(span, &name, Class::Government, whole.as_str());
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
