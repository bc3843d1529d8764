//! Sources: who published a document, and what it cites.
//!
//! A text stage beside extraction: it reads one document and returns
//! byte spans into its text, which [`crate::pipeline`] turns into
//! publisher fields, source nodes and their edges.
//!
//! The publisher comes from the document's metadata when it has one;
//! otherwise from the text, most explicit first: "Originally published by
//! the New York Post", "© 2023 by 1776 United Coalition", a dateline
//! ("WASHINGTON (Reuters) —"), a byline naming an outlet, and last a
//! quote given to an outlet ("told Foreign Policy"), which by journalistic
//! convention is the outlet that publishes it. No evidence, no publisher.
//!
//! Cited sources are found by the words that cite them: "according to
//! data from the National Center for Health Statistics", "Politico
//! reported", "told Foreign Policy", "a White House fact sheet", "a letter
//! addressed to Xi Jinping", a credit ("Kris Mayes via Twitter", a line
//! naming only an institute under a chart), and citation markers such as
//! "([de4dbeca])" in generated summaries. [`Backing`] says which
//! attributions each one backs.

use std::ops::Range;
use std::sync::OnceLock;

use regex::{Captures, Regex};

use crate::model::{Attribution, Document, SourceKind, Span};

const OUTLETS: &str = include_str!("../data/outlets.tsv");

/// A capitalised name: words joined by spaces and small connectors.
const NAME: &str = r"(?:\d+[ \x{a0}])?(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}\p{N}&’'-]*)(?:[ \x{a0}](?:(?:of|for|on|the|and|&)[ \x{a0}])*(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}\p{N}&’'-]*))*";

/// Nouns for documents a text cites; those of the second list are
/// investigations.
#[rustfmt::skip]
const DOCUMENT_NOUNS: &[&str] = &[
    "email", "fact sheet", "filing", "indictment", "lawsuit", "letter",
    "memo", "memorandum", "press release", "report", "statement",
    "transcript", "white paper",
];
#[rustfmt::skip]
const INQUIRY_NOUNS: &[&str] = &[
    "analysis", "assessment", "audit", "inquiry", "investigation", "poll",
    "probe", "review", "study", "survey",
];

/// A word of each verb of the issued-document pattern ("put" for "put
/// out"): a text without one holds no match of it.
const ISSUE_VERBS: &[&str] =
    &["issued", "released", "published", "put", "unveiled"];

/// Head words of the bodies a credit line under a chart names.
#[rustfmt::skip]
const CREDIT_BODIES: &[&str] = &[
    "Administration", "Agency", "Association", "Bureau", "Center",
    "Centre", "Commission", "Council", "Department", "Foundation",
    "Institute", "Institutes", "Office", "University",
];

/// Words that make a name an outlet's ("New York Post").
#[rustfmt::skip]
const OUTLET_WORDS: &[&str] = &[
    "Chronicle", "Gazette", "Herald", "Journal", "Magazine", "News",
    "Post", "Press", "Telegraph", "Times", "Tribune",
];

/// Who published a document, and where the text says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publisher {
    /// The publisher's name, without a leading "the".
    pub name: String,
    /// The words that name it, or `None` when it came from metadata.
    pub span: Option<Span>,
    /// The rule that found it.
    pub rule: &'static str,
}

/// A source a document cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited {
    /// The source's name ("National Center for Health Statistics").
    pub name: String,
    /// What sort of source it is.
    pub kind: SourceKind,
    /// The words that cite it.
    pub span: Span,
    /// The rule that found it.
    pub rule: &'static str,
}

/// [`publisher_in`] a document that holds its text.
#[cfg(test)]
fn publisher(doc: &Document) -> Option<Publisher> {
    publisher_in(doc, &doc.text)
}

/// The publisher of `doc`, whose text is `text` (its own, which a build
/// holds compressed apart from it), from its metadata or its text.
pub fn publisher_in(doc: &Document, text: &str) -> Option<Publisher> {
    if let Some(name) = doc.publisher.as_ref().filter(|p| !p.is_empty()) {
        let name = name.clone();
        return Some(Publisher { name, span: None, rule: "publisher/meta" });
    }
    explicit_publisher(text)
        .or_else(|| copyright(text))
        .or_else(|| dateline(text))
        .or_else(|| byline(text))
        .or_else(|| told_outlet(text))
}

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid regex"))
}

/// True when `text` holds one of `words` (the words without which a
/// pattern cannot match, or none of its matches is kept): a text that
/// holds none is not searched with the pattern at all. Most articles
/// hold no credit and no "via", and the patterns that start with a
/// name have no literal prefix for the regex engine to skip by, so
/// each of their searches reads the whole text; one search for a few
/// literal words costs a fraction of that.
fn holds_any(
    cell: &'static OnceLock<Regex>,
    words: &[&str],
    text: &str,
) -> bool {
    words_regex(cell, words).is_match(text)
}

/// Where `text` holds one of `words`, in text order: for words none of
/// which can overlap another, every place one is written.
fn places<'t>(
    cell: &'static OnceLock<Regex>,
    words: &[&str],
    text: &'t str,
) -> impl Iterator<Item = usize> + 't {
    words_regex(cell, words).find_iter(text).map(|m| m.start())
}

/// The pattern of any of `words`, written as they are.
fn words_regex(
    cell: &'static OnceLock<Regex>,
    words: &[&str],
) -> &'static Regex {
    cell.get_or_init(|| {
        let escaped: Vec<String> =
            words.iter().map(|w| regex::escape(w)).collect();
        Regex::new(&escaped.join("|")).expect("valid regex")
    })
}

/// "Originally published by the New York Post", "This article first
/// appeared in Foreign Policy", "Republished from The Conversation".
fn explicit_publisher(text: &str) -> Option<Publisher> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        &format!(
            r"(?i:originally published|first published|originally appeared|first appeared|republished|reprinted)(?:[ \x{{a0}}]with[ \x{{a0}}]permission)?[ \x{{a0}}](?:by|in|on|from)[ \x{{a0}}](?:[Tt]he[ \x{{a0}}])?({NAME})"
        ),
    );
    let c = re.captures(text)?;
    Some(from_captures(&c, "publisher/originally-published"))
}

fn from_captures(c: &Captures, rule: &'static str) -> Publisher {
    let whole = c.get(0).expect("group 0 always takes part");
    let name = c.get(1).expect("the name group takes part");
    Publisher {
        name: name.as_str().to_string(),
        span: Some(Span::new(whole.start(), name.end())),
        rule,
    }
}

/// "© 2023 by 1776 United Coalition. All rights reserved.": the line is
/// the evidence.
fn copyright(text: &str) -> Option<Publisher> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        &format!(
            r"(?m)(?:©|\([Cc]\)|Copyright(?:[ \x{{a0}}]©)?)[ \x{{a0}}]*(?:\d{{4}}(?:[-–]\d{{2,4}})?,?[ \x{{a0}}]+)?(?:by[ \x{{a0}}]+)?(?:[Tt]he[ \x{{a0}}])?({NAME})[^\n]*"
        ),
    );
    let c = re.captures(text)?;
    let whole = c.get(0).expect("group 0 always takes part");
    let name = c.get(1).expect("the name group takes part").as_str();
    if name.eq_ignore_ascii_case("all rights reserved") {
        return None;
    }
    let line = whole.as_str().trim_end();
    Some(Publisher {
        name: name.to_string(),
        span: Some(Span::new(whole.start(), whole.start() + line.len())),
        rule: "publisher/copyright",
    })
}

/// "WASHINGTON (Reuters) —" at the start of a paragraph.
fn dateline(text: &str) -> Option<Publisher> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        &format!(
            r"(?m)^\p{{Lu}}[\p{{Lu}} .,'-]{{1,40}}[ \x{{a0}}]\(({NAME})\)[ \x{{a0}}]*[—–-]"
        ),
    );
    let c = re.captures(text)?;
    Some(from_captures(&c, "publisher/dateline"))
}

/// "By Jane Doe, Reuters" or "By Jane Doe | The Hill": a byline naming
/// an outlet.
fn byline(text: &str) -> Option<Publisher> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        &format!(
            r"(?m)^By[ \x{{a0}}][\p{{L}} .'-]{{2,60}}?(?:,|[ \x{{a0}}]\||[ \x{{a0}}]for)[ \x{{a0}}](?:[Tt]he[ \x{{a0}}])?({NAME})[ \x{{a0}}]*$"
        ),
    );
    let c = re.captures(text)?;
    let p = from_captures(&c, "publisher/byline");
    is_outlet(&p.name).then_some(p)
}

/// "told Foreign Policy": a quote given to an outlet, the last resort.
fn told_outlet(text: &str) -> Option<Publisher> {
    told(text).into_iter().next().map(|c| Publisher {
        name: c.name,
        span: Some(c.span),
        rule: "publisher/told-outlet",
    })
}

fn told(text: &str) -> Vec<Cited> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        &format!(r"^told[ \x{{a0}}](?:[Tt]he[ \x{{a0}}])?({NAME})"),
    );
    let starts = text.match_indices("told").map(|(at, _)| at);
    word_matches(re, text, starts)
        .into_iter()
        .filter(|(_, c)| is_outlet(&c[1]))
        .map(|(at, c)| {
            let found = cited(&c, SourceKind::Venue, "source/told-outlet");
            let span =
                Span::new(at + found.span.start(), at + found.span.end());
            Cited { span, ..found }
        })
        .collect()
}

/// The matches, in text order and apart, that `captures_iter` finds of
/// a pattern that opens with `(?-u:\b)` and a word character, each with
/// the offset of the slice it was found in: `re` is that pattern with a
/// `^` for its `(?-u:\b)`, tried at each of `starts` (every place a
/// match may start, in order) that no ASCII word character precedes
/// and no earlier match covers.
///
/// An unanchored search finds where its match starts by reading back
/// from its end, with an automaton of the pattern read backwards that
/// the regex engine builds state by state as the text needs them; a
/// reversed class of Unicode letters makes each state cost tens of
/// thousands of instructions, the most of what [`cited_sources`] cost.
/// An anchored search knows its start and builds none of them.
fn word_matches<'t>(
    re: &Regex,
    text: &'t str,
    starts: impl Iterator<Item = usize>,
) -> Vec<(usize, Captures<'t>)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    for at in starts {
        let word_before = at.checked_sub(1).is_some_and(|b| {
            bytes[b].is_ascii_alphanumeric() || bytes[b] == b'_'
        });
        if at < from || word_before {
            continue;
        }
        if let Some(c) = re.captures(&text[at..]) {
            from = at + c.get(0).expect("group 0 always takes part").end();
            out.push((at, c));
        }
    }
    out
}

fn cited(c: &Captures, kind: SourceKind, rule: &'static str) -> Cited {
    let p = from_captures(c, rule);
    let span = p.span.expect("captures have a span");
    Cited { name: p.name, kind, span, rule }
}

/// True for a news outlet's name: a listed outlet, or one with an outlet
/// word ("Times", "Post").
pub fn is_outlet(name: &str) -> bool {
    let name = name.strip_prefix("The ").unwrap_or(name);
    let listed = OUTLETS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| l.strip_prefix("The ").unwrap_or(l) == name);
    listed || name.split_whitespace().any(|w| OUTLET_WORDS.contains(&w))
}

/// Every source the text cites, in text order.
pub fn cited_sources(text: &str) -> Vec<Cited> {
    let mut out = Vec::new();
    out.extend(according_to(text));
    out.extend(reported(text));
    out.extend(told(text));
    out.extend(documents(text));
    out.extend(markers(text));
    out.extend(credits(text));
    out.sort_by_key(|c| (c.span.start(), c.span.end()));
    out.dedup_by(|b, a| a.span.overlaps(&b.span) && a.kind == b.kind);
    out
}

/// "according to data from the National Center for Health Statistics":
/// the span runs to the end of the name (and its acronym).
fn according_to(text: &str) -> Vec<Cited> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        &format!(
            r"^[Aa]ccording[ \x{{a0}}]to[ \x{{a0}}](?:[\p{{Ll}}-]+[ \x{{a0}}]){{0,6}}?(?:(?:from|by|of|at)[ \x{{a0}}])?(?:[Tt]he[ \x{{a0}}])?({NAME})(?:[ \x{{a0}}]\(\p{{Lu}}[\p{{Lu}}.]+\))?"
        ),
    );
    // Each match starts with "A" or "a" before "ccording".
    let bytes = text.as_bytes();
    let starts = text
        .match_indices("ccording")
        .filter_map(|(at, _)| at.checked_sub(1))
        .filter(|&at| matches!(bytes[at], b'A' | b'a'));
    word_matches(re, text, starts)
        .into_iter()
        .map(|(at, c)| {
            let whole = c.get(0).expect("group 0 always takes part");
            Cited {
                name: c[1].to_string(),
                kind: SourceKind::AccordingTo,
                span: Span::new(at + whole.start(), at + whole.end()),
                rule: "source/according-to",
            }
        })
        .collect()
}

/// "Politico reported", "as The New York Times first reported".
fn reported(text: &str) -> Vec<Cited> {
    static VERBS: OnceLock<Regex> = OnceLock::new();
    static RE: OnceLock<NamePattern> = OnceLock::new();
    let re = RE.get_or_init(|| NamePattern::new(&reported_pattern()));
    let verbs = places(&VERBS, REPORT_VERBS, text);
    name_matches(re, text, verbs)
        .into_iter()
        .filter(|(_, c)| is_outlet(&c[1]))
        .map(|(at, c)| reported_source(at, &c))
        .collect()
}

/// A word of each verb of the reported pattern.
const REPORT_VERBS: &[&str] = &["report", "revealed", "wrote"];

/// The pattern of [`reported`]: a name, perhaps an adverb, and a verb.
fn reported_pattern() -> String {
    format!(
        r"({NAME})[ \x{{a0}}](?:(?:first|previously|also|has|had|earlier)[ \x{{a0}}])?(?:reported|reports|revealed|wrote)(?-u:\b)"
    )
}

/// The source a match of [`reported_pattern`] names, found in the text
/// from byte `at` on.
fn reported_source(at: usize, c: &Captures) -> Cited {
    let whole = c.get(0).expect("group 0 always takes part");
    let name = c[1].strip_prefix("The ").unwrap_or(&c[1]);
    Cited {
        name: name.to_string(),
        kind: SourceKind::Reported,
        span: Span::new(at + whole.start(), at + whole.end()),
        rule: "source/reported",
    }
}

/// "The" or "the" after a word boundary, or nothing: what a
/// [`NamePattern`] may open with before its name.
const THE: &str = r"(?:(?-u:\b)[Tt]he[ \x{a0}])?";

/// A pattern that opens with a name, or with [`THE`] and a name,
/// anchored for [`name_matches`].
#[derive(Debug)]
struct NamePattern {
    /// The pattern with a `^`, looking at nothing before its start but
    /// for its boundary, which holds where no word character comes
    /// before, as at the start of a text.
    anchored: Regex,
    /// For a pattern that opens with [`THE`], the rest of it with a `^`:
    /// where an ASCII word character comes before, the boundary fails.
    after_word: Option<Regex>,
}

impl NamePattern {
    fn new(pattern: &str) -> NamePattern {
        let anchored =
            |p: &str| Regex::new(&format!("^(?:{p})")).expect("valid regex");
        NamePattern {
            anchored: anchored(pattern),
            after_word: pattern.strip_prefix(THE).map(anchored),
        }
    }

    /// True when a match may open with `c`: a capital or a digit, or
    /// the "t" of "the".
    fn opens(&self, c: char) -> bool {
        c.is_uppercase()
            || c.is_numeric()
            || (c == 't' && self.after_word.is_some())
    }

    /// The match the unanchored pattern finds at byte `start` of `text`
    /// when a search reaches `start`, found in the text from `start` on.
    fn captures_at<'t>(
        &self,
        text: &'t str,
        start: usize,
    ) -> Option<Captures<'t>> {
        let word_before = start.checked_sub(1).is_some_and(|b| {
            let b = text.as_bytes()[b];
            b.is_ascii_alphanumeric() || b == b'_'
        });
        let re = match &self.after_word {
            Some(re) if word_before => re,
            _ => &self.anchored,
        };
        re.captures(&text[start..])
    }
}

/// The matches, in text order and apart, that `captures_iter` finds of
/// the pattern `re` stands for, each with the offset of the slice it
/// was found in; every match of the pattern opens where
/// [`NamePattern::opens`] says, and holds, after nothing but the
/// characters of a name (letters, digits, spaces, `&’'-.`), one of the
/// words written at `places` (every place one is, in text order). The
/// anchored pattern is tried at each place a match may open in the run
/// of a name's characters that ends with such a word.
///
/// As [`word_matches`] says, an unanchored search reads each match back
/// to its start on an automaton whose states cost tens of thousands of
/// instructions each for a name's classes of Unicode letters; the
/// patterns that open with a name have no word to anchor at, but each
/// match starts in the run before one of the words it needs.
fn name_matches<'t>(
    re: &NamePattern,
    text: &'t str,
    places: impl Iterator<Item = usize>,
) -> Vec<(usize, Captures<'t>)> {
    let in_name = |c: char| {
        c.is_alphanumeric()
            || matches!(c, ' ' | '\u{a0}' | '&' | '’' | '\'' | '-' | '.')
    };
    let mut out = Vec::new();
    // Each place a match may start before `tried` has been tried, or
    // lies in a match.
    let mut tried = 0;
    for at in places {
        if at < tried {
            continue;
        }
        let run = text[tried..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| in_name(c))
            .last()
            .map_or(at, |(i, _)| tried + i);
        let end = at + text[at..].chars().next().map_or(0, char::len_utf8);
        for (i, c) in text[run..end].char_indices() {
            let start = run + i;
            if start < tried || !re.opens(c) {
                continue;
            }
            if let Some(found) = re.captures_at(text, start) {
                let whole = found.get(0).expect("group 0 always takes part");
                tried = start + whole.end();
                out.push((start, found));
            }
        }
        tried = tried.max(end);
    }
    out
}

/// "The White House issued a fact sheet", "a letter addressed to Chinese
/// President Xi Jinping", "a Drug Enforcement Administration
/// investigation".
fn documents(text: &str) -> Vec<Cited> {
    type Patterns = (NamePattern, Vec<(Regex, &'static str)>);
    static RES: OnceLock<Patterns> = OnceLock::new();
    let (issued, others) = RES.get_or_init(|| {
        let [(issued, rule), others @ ..] = document_patterns();
        debug_assert_eq!(rule, ISSUED);
        let compile = |(p, rule): (String, _)| {
            (Regex::new(&p).expect("valid regex"), rule)
        };
        (NamePattern::new(&issued), others.into_iter().map(compile).collect())
    });
    // The first pattern opens with a name and holds one of its verbs.
    static VERBS: OnceLock<Regex> = OnceLock::new();
    let verbs = places(&VERBS, ISSUE_VERBS, text);
    let mut out: Vec<Cited> = name_matches(issued, text, verbs)
        .iter()
        .map(|(at, c)| document(*at, c, ISSUED))
        .collect();
    for (re, rule) in others {
        for c in re.captures_iter(text) {
            out.push(document(0, &c, rule));
        }
    }
    out
}

/// The rule of the first document pattern.
const ISSUED: &str = "source/issued-document";

/// The three document patterns, with their rule ids.
fn document_patterns() -> [(String, &'static str); 3] {
    let nouns: Vec<&str> =
        DOCUMENT_NOUNS.iter().chain(INQUIRY_NOUNS).copied().collect();
    let noun = format!("(?:{})", nouns.join("|").replace(' ', r"[ \x{a0}]"));
    let sep = r"[ \x{a0}]";
    let issued = format!(
        r"{THE}({NAME}){sep}(?:issued|released|published|put{sep}out|unveiled){sep}(?:a|an|its|the){sep}(?:new{sep})?({noun})(?-u:\b)"
    );
    debug_assert!(ISSUE_VERBS.iter().all(|v| issued.contains(v)));
    let addressed = format!(
        r"(?-u:\b)(?:a|an){sep}({noun}){sep}(?:addressed{sep})?(?:to|from|by){sep}(?:the{sep})?({NAME})"
    );
    let named = format!(r"(?-u:\b)(?:a|an){sep}({NAME}){sep}({noun})(?-u:\b)");
    [
        (issued, ISSUED),
        (addressed, "source/addressed-document"),
        (named, "source/named-document"),
    ]
}

/// The document `c` names, found in the text from byte `at` on.
fn document(at: usize, c: &Captures, rule: &'static str) -> Cited {
    let whole = c.get(0).expect("group 0 always takes part");
    let (a, b) = (&c[1], &c[2]);
    let (owner, noun) =
        if rule == "source/addressed-document" { (b, a) } else { (a, b) };
    let noun = noun.replace('\u{a0}', " ");
    let kind = if INQUIRY_NOUNS.contains(&noun.as_str()) {
        SourceKind::Investigation
    } else {
        SourceKind::Document
    };
    let name = if rule == "source/addressed-document" {
        format!("{noun} to {owner}")
    } else {
        format!("{owner} {noun}")
    };
    let span = Span::new(at + whole.start(), at + whole.end());
    Cited { name, kind, span, rule }
}

/// "([de4dbeca])", "[12]": citation markers of generated summaries.
fn markers(text: &str) -> Vec<Cited> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(&RE, r"\(?\[([0-9a-f]{6,40}|[0-9]{1,3})\]\)?");
    re.captures_iter(text)
        .filter(|c| c[1].chars().any(|ch| ch.is_ascii_digit()))
        .map(|c| {
            let whole = c.get(0).expect("group 0 always takes part");
            // A lone closing bracket belongs to the sentence, not the
            // marker.
            let bracket = whole.as_str().ends_with(')')
                && !whole.as_str().starts_with('(');
            let span =
                Span::new(whole.start(), whole.end() - usize::from(bracket));
            Cited {
                name: c[1].to_string(),
                kind: SourceKind::Marker,
                span,
                rule: "source/marker",
            }
        })
        .collect()
}

/// "Arizona Attorney General Kris Mayes via Twitter", "Photo: Jane Doe",
/// and a line naming only an institute (a chart's credit).
fn credits(text: &str) -> Vec<Cited> {
    // "via" or a credit word for the first pattern; a body's word for
    // a credit line to be kept.
    static VIA_WORDS: OnceLock<Regex> = OnceLock::new();
    static BODY_WORDS: OnceLock<Regex> = OnceLock::new();
    let mut out = credits_via(text, places(&VIA_WORDS, VIA_WORDS_LIST, text));
    if holds_any(&BODY_WORDS, CREDIT_BODIES, text) {
        out.extend(credit_lines(text));
    }
    out
}

/// "via" and the credit words of the `via` pattern of [`credits`].
const VIA_WORDS_LIST: &[&str] =
    &["via", "Photo", "Image", "Graphic", "Chart", "Credit"];

/// The credit lines the pattern `line` finds: lines naming only an
/// institute, said once.
fn credit_lines(text: &str) -> Vec<Cited> {
    static LINE: OnceLock<Regex> = OnceLock::new();
    let line = regex(&LINE, &format!(r"(?m)^({NAME})[ \x{{a0}}]*$"));
    let mut out = Vec::new();
    for c in line.captures_iter(text) {
        let name = &c[1];
        let words: Vec<&str> = name.split_whitespace().collect();
        let body = words.iter().any(|w| CREDIT_BODIES.contains(w));
        if body && words.len() <= 8 && !lone_line_is_chrome(text, &c) {
            let whole = c.get(1).expect("the name group takes part");
            out.push(Cited {
                name: name.to_string(),
                kind: SourceKind::Credit,
                span: Span::new(whole.start(), whole.end()),
                rule: "source/credit-line",
            });
        }
    }
    out
}

/// The credits the pattern `via` finds: "Kris Mayes via Twitter",
/// "Photo: Jane Doe"; `words` are the places of its words.
fn credits_via(text: &str, words: impl Iterator<Item = usize>) -> Vec<Cited> {
    static VIA: OnceLock<NamePattern> = OnceLock::new();
    let via = VIA.get_or_init(|| NamePattern::new(&via_pattern()));
    name_matches(via, text, words)
        .into_iter()
        .map(|(at, c)| credit(at, &c))
        .collect()
}

/// The pattern of [`credits_via`]: a name "via" a name, or a credit word
/// and a name.
fn via_pattern() -> String {
    format!(
        r"({NAME})[ \x{{a0}}]via[ \x{{a0}}]({NAME})|(?:Photo|Image|Graphic|Chart|Credit)s?(?:[ \x{{a0}}]by)?:?[ \x{{a0}}]({NAME})"
    )
}

/// The credit a match of [`via_pattern`] gives, found in the text from
/// byte `at` on.
fn credit(at: usize, c: &Captures) -> Cited {
    let whole = c.get(0).expect("group 0 always takes part");
    let name = c.get(1).or_else(|| c.get(3)).map_or("", |m| m.as_str());
    Cited {
        name: name.to_string(),
        kind: SourceKind::Credit,
        span: Span::new(at + whole.start(), at + whole.end()),
        rule: "source/credit",
    }
}

/// A line that repeats elsewhere in the text (a site's name in its
/// header and footer) is page chrome, not a credit.
///
/// The search stops at the second occurrence: counting every one made
/// a text of many such lines take time growing with the square of its
/// length (30,000 lines naming an office: 25 s).
fn lone_line_is_chrome(text: &str, c: &Captures) -> bool {
    text.matches(&c[1]).nth(1).is_some()
}

/// The farthest, in bytes, a source may sit from a claim's cue and
/// content and still back it as the source nearest to it: about a
/// clause ("…,” Walker said in a statement, according to the AP").
const NEAR: usize = 100;

/// The most sources that back one claim because its cue or speaker
/// names them: a hostile text cannot make one attribution name every
/// source of its line.
const MOST_NAMED: usize = 4;

/// Which attributions each cited source of one document backs.
///
/// A marker backs the claims of its paragraph that come before it (and
/// after the paragraph's previous marker), and those whose cue it
/// overlaps. Any other source backs the claims whose attribution names
/// it, the cue or the speaker overlapping it ("according to the CDC",
/// "told Foreign Policy", "The White House issued a fact sheet …,
/// touting"); and each claim is also backed by the source nearest to its
/// cue and content, when that source is in the claim's sentence and at
/// most [`NEAR`] bytes away ("…, as Politico reported"; a source inside
/// the content is nearest of all). A claim rests on the source the text
/// ties it to, not on every source of a long sentence: when each source
/// backed every claim of its sentence, the edges grew with the square
/// of the sentence (a 137 KB line of "according to Smith the … rose and
/// Jones said the … fell" wrote 1.2 GB of graph). Here each claim has
/// at most [`MOST_NAMED`] sources and its nearest, so the edges grow in
/// step with the text.
///
/// Made once a document: its line breaks, its sentence ends, its markers,
/// its other sources in order of where they start and its attributions
/// in order of where their content and their cue start. Finding what a
/// marker backs takes time in step with what it backs, and finding a
/// claim's other sources a few binary searches, not time growing with
/// the length of a line or the number of attributions, so that a text
/// of many sources on one line stays linear ("The New York Times
/// reported" 40,000 times on one line took 156 s of CPU when each source
/// scanned its line and every attribution).
pub struct Backing<'a> {
    text: &'a str,
    cited: &'a [Cited],
    attributions: &'a [Attribution],
    /// The byte offsets of the text's line breaks.
    newlines: Vec<usize>,
    /// The offsets where a sentence ends, in order (see [`ends_at`]).
    ends: Vec<usize>,
    /// The citation markers, by start, and whether their ends come in
    /// the same order (they do when no two overlap).
    markers: Vec<Span>,
    markers_in_order: bool,
    /// Each attribution's content start and index, by start.
    contents: Vec<(usize, usize)>,
    /// Each attribution's cue, with the attribution's index.
    cues: ByStart,
    /// The sources other than markers, with their indexes in `cited`.
    others: ByStart,
}

/// Spans, each with an index, in order of where they start, with the
/// greatest end so far at each place and the place of the first span to
/// reach it: the spans that overlap a given one are found by two binary
/// searches and a walk over the candidates between them.
struct ByStart {
    spans: Vec<(Span, usize)>,
    reach: Vec<(usize, usize)>,
}

impl ByStart {
    fn new(mut spans: Vec<(Span, usize)>) -> ByStart {
        spans.sort_unstable_by_key(|&(s, i)| (s.start(), s.end(), i));
        let reach = spans
            .iter()
            .enumerate()
            .scan((0, 0), |most, (n, (s, _))| {
                if s.end() > most.0 {
                    *most = (s.end(), n);
                }
                Some(*most)
            })
            .collect();
        ByStart { spans, reach }
    }

    /// The places that may overlap `span`: from the first whose spans so
    /// far reach past its start, to the last that starts before its end.
    /// When the range is not empty, the span at its start overlaps.
    fn candidates(&self, span: Span) -> Range<usize> {
        let first = self.reach.partition_point(|&(e, _)| e <= span.start());
        let last = self.spans.partition_point(|(s, _)| s.start() < span.end());
        first.min(last)..last
    }

    /// The places of the spans that overlap `span`, in order.
    fn overlapping(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        self.candidates(span).filter(move |&n| self.spans[n].0.overlaps(&span))
    }
}

impl<'a> Backing<'a> {
    /// Indexes `text`, the sources it cites and its attributions.
    pub fn new(
        text: &'a str,
        cited: &'a [Cited],
        attributions: &'a [Attribution],
    ) -> Backing<'a> {
        let newlines = text.match_indices('\n').map(|(i, _)| i).collect();
        let ends = (1..text.len()).filter(|&at| ends_at(text, at)).collect();
        let mut markers: Vec<Span> = cited
            .iter()
            .filter(|c| c.kind == SourceKind::Marker)
            .map(|c| c.span)
            .collect();
        markers.sort_by_key(|m| (m.start(), m.end()));
        let markers_in_order =
            markers.windows(2).all(|w| w[0].end() <= w[1].end());
        let mut contents: Vec<(usize, usize)> = attributions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.content_extent().start(), i))
            .collect();
        contents.sort_unstable();
        let cues = ByStart::new(
            attributions
                .iter()
                .enumerate()
                .filter_map(|(i, a)| a.cue.map(|c| (c, i)))
                .collect(),
        );
        let others = ByStart::new(
            cited
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind != SourceKind::Marker)
                .map(|(k, c)| (c.span, k))
                .collect(),
        );
        Backing {
            text,
            cited,
            attributions,
            newlines,
            ends,
            markers,
            markers_in_order,
            contents,
            cues,
            others,
        }
    }

    /// The attributions each cited source backs, by index, in order: one
    /// list for each source, in the order of `cited`.
    pub fn claims(&self) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = self
            .cited
            .iter()
            .map(|c| match c.kind {
                SourceKind::Marker => self.marker_claims(c.span),
                _ => Vec::new(),
            })
            .collect();
        for (i, a) in self.attributions.iter().enumerate() {
            for k in self.sources_of(a) {
                out[k].push(i);
            }
        }
        out
    }

    /// The attributions the marker `marker` backs, by index, in order.
    fn marker_claims(&self, marker: Span) -> Vec<usize> {
        let scope = self.marker_scope(marker);
        let from = self.contents.partition_point(|&(s, _)| s < scope.start());
        let to = self.contents.partition_point(|&(s, _)| s < scope.end());
        let mut out: Vec<usize> =
            self.contents[from.min(to)..to].iter().map(|&(_, i)| i).collect();
        // The attributions whose cue overlaps the marker.
        out.extend(
            self.cues.overlapping(marker).map(|n| self.cues.spans[n].1),
        );
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The sources other than markers that back the claim of `a`, by
    /// index in `cited`, in order: those its cue or speaker names (the
    /// first [`MOST_NAMED`]), and the nearest.
    fn sources_of(&self, a: &Attribution) -> Vec<usize> {
        let speaker = a.speaker.as_ref().map(|s| s.span);
        let mut places: Vec<usize> = a
            .cue
            .iter()
            .chain(&speaker)
            .flat_map(|&span| self.others.overlapping(span).take(MOST_NAMED))
            .collect();
        places.sort_unstable();
        places.dedup();
        places.truncate(MOST_NAMED);
        places.extend(self.nearest(a));
        let mut out: Vec<usize> =
            places.into_iter().map(|n| self.others.spans[n].1).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The place in `others` of the source nearest to `a`'s cue and
    /// content, when it is in the sentence where the content starts and
    /// at most [`NEAR`] bytes from them: the first that overlaps them;
    /// if none does, the one that ends last before them or the one that
    /// starts first after them, whichever is closer (the one before on a
    /// tie).
    fn nearest(&self, a: &Attribution) -> Option<usize> {
        let content = a.content_extent();
        let reach = a.cue.map_or(content, |c| {
            Span::new(
                c.start().min(content.start()),
                c.end().max(content.end()),
            )
        });
        let candidates = self.others.candidates(reach);
        let last = candidates.end;
        let (n, gap) = if !candidates.is_empty() {
            (candidates.start, 0)
        } else {
            // No source before `last` reaches into `reach`.
            let before = last.checked_sub(1).map(|p| {
                let (end, n) = self.others.reach[p];
                (n, reach.start() - end)
            });
            let after = self
                .others
                .spans
                .get(last)
                .map(|(s, _)| (last, s.start() - reach.end()));
            match (before, after) {
                (Some(b), Some(f)) if f.1 < b.1 => f,
                (Some(b), _) => b,
                (None, f) => f?,
            }
        };
        let scope = self.sentence_of(self.others.spans[n].0);
        let at = content.start();
        (gap <= NEAR && scope.start() <= at && at < scope.end()).then_some(n)
    }

    /// Where the line holding offset `at` starts.
    fn line_start(&self, at: usize) -> usize {
        let n = self.newlines.partition_point(|&nl| nl < at);
        n.checked_sub(1).map_or(0, |k| self.newlines[k] + 1)
    }

    /// From the start of the marker's paragraph (or the previous marker
    /// in it) to the marker.
    fn marker_scope(&self, marker: Span) -> Span {
        let line_start = self.line_start(marker.start());
        let previous = if self.markers_in_order {
            // Ends in the order of starts: the last marker before this
            // one that ends before it has the greatest end.
            let n =
                self.markers.partition_point(|m| m.start() < marker.start());
            self.markers[..n]
                .iter()
                .rev()
                .take_while(|m| m.start() >= line_start)
                .find(|m| m.end() <= marker.start())
                .map(|m| m.end())
        } else {
            self.markers
                .iter()
                .filter(|m| {
                    m.end() <= marker.start() && m.start() >= line_start
                })
                .map(|m| m.end())
                .max()
        };
        Span::new(previous.unwrap_or(line_start), marker.start())
    }

    /// The sentence around `span`: from the end of the previous sentence
    /// to the end of this one, within its line.
    fn sentence_of(&self, span: Span) -> Span {
        let line_start = self.line_start(span.start());
        let n = self.newlines.partition_point(|&nl| nl < span.end());
        let line_end =
            self.newlines.get(n).copied().unwrap_or(self.text.len());
        let k = self.ends.partition_point(|&e| e < span.start());
        let start = k
            .checked_sub(1)
            .map(|k| self.ends[k])
            .filter(|&e| e > line_start)
            .unwrap_or(line_start);
        let k = self.ends.partition_point(|&e| e < span.end());
        let end = self
            .ends
            .get(k)
            .copied()
            .filter(|&e| e < line_end)
            .unwrap_or(line_end);
        Span::new(start, end)
    }
}

/// True when a sentence ends at byte `at` of `text`: after a full stop,
/// question or exclamation mark that no capital letter comes right
/// before ("U.S."), and before a space.
fn ends_at(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    matches!(bytes[at - 1], b'.' | b'!' | b'?')
        && text[at..].chars().next().is_some_and(char::is_whitespace)
        && !text[..at - 1].ends_with(|c: char| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document { id: "d".into(), text: text.into(), ..Document::default() }
    }

    fn names(text: &str) -> Vec<(String, &'static str)> {
        cited_sources(text)
            .into_iter()
            .map(|c| (c.span.text(text).to_string(), c.kind.name()))
            .collect()
    }

    /// Pseudo-random texts of the words the patterns that start with a
    /// name need, and of names, and the bundled articles with each of
    /// their lines: a text that lacks the words a pattern needs has no
    /// match of it that is kept, so passing it over changes nothing.
    #[test]
    fn texts_passed_over_hold_no_source_of_the_pattern() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "Politico", "The", "New", "York", "Times", " ", " ", "\u{a0}",
            "\n", "reported", "reports", "report", "revealed", "wrote",
            "first", "has", "issued", "released", "published", "put", "out",
            "unveiled", "a", "an", "its", "the", "new", "statement",
            "fact sheet", "study", "via", "Twitter", "Photo", "Photos",
            "Image", "Graphic", "Chart", "Credit", "by", ":", ".", ",",
            "National", "Center", "for", "Health", "Statistics", "Office",
            "Institutes", "of", "University", "É", "x", "1", "-", "’",
        ];
        let mut texts = crate::model::random_texts(
            PIECES,
            30_000,
            14,
            0x2f6b_4d1c_9a3e_5b71,
        );
        for text in crate::model::bundled_texts() {
            texts.extend(text.lines().map(String::from));
            texts.push(text);
        }
        let (mut skipped, mut found) = (0, 0);
        for text in &texts {
            let holds =
                |words: &[&str]| words.iter().any(|w| text.contains(w));
            let checks = [(holds(CREDIT_BODIES), credit_lines(text).len())];
            for (holds, matches) in checks {
                assert!(holds || matches == 0, "{text:?}");
                skipped += usize::from(!holds);
                found += matches;
            }
        }
        // The texts try both sides.
        assert!(skipped > 10_000 && found > 200, "{skipped} {found}");
    }

    /// The anchored searches of [`word_matches`] and [`name_matches`]
    /// find what the patterns they stand for find searched the usual
    /// way: pseudo-random texts of the words they need and of what may
    /// stand before them, and the bundled articles with each of their
    /// lines.
    #[test]
    fn anchored_matches_are_those_of_an_unanchored_search() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "According to ", "according to ", "according\u{a0}to ",
            "ccording to ", "xaccording to ", "told ", "told\u{a0}",
            "retold ", "_told ", "data ", "from ", "by ", "the ", "The ",
            "New York Times", "Politico", "Post ", "CDC", " (CDC)", " of ",
            "Health", " ", "\n", ".", ", ", "É", "1 ", "-", "’s ",
            "reported", " reports", "revealed", " wrote", "report", "first ",
            "has ", "via ", "Photo", "Photos by: ", "Credit ", "Image",
            "U.S. ", "AP", "&", "Ünal", "x", "2",
        ];
        // Pieces of documents issued, with "the" after a word character.
        #[rustfmt::skip]
        const ISSUED_PIECES: &[&str] = &[
            "The ", "the ", "xThe ", "bathe ", "Othe ", "White House ",
            "Agency ", "AT&T ", "U.S. ", "issued a ", "put out the new ",
            "released its ", "unveiled an ", "statement", "report", "study ",
            ". ", ", ", "\n", "1 ", "’s ",
        ];
        let mut texts = crate::model::random_texts(
            PIECES,
            30_000,
            12,
            0x6c1e_93a5_2d7f_4b08,
        );
        texts.extend(crate::model::random_texts(
            ISSUED_PIECES,
            20_000,
            8,
            0x51d2_7a0c_e843_96bf,
        ));
        for text in crate::model::bundled_texts() {
            texts.extend(text.lines().map(String::from));
            texts.push(text);
        }
        let according = Regex::new(&format!(
            r"(?-u:\b)[Aa]ccording[ \x{{a0}}]to[ \x{{a0}}](?:[\p{{Ll}}-]+[ \x{{a0}}]){{0,6}}?(?:(?:from|by|of|at)[ \x{{a0}}])?(?:[Tt]he[ \x{{a0}}])?({NAME})(?:[ \x{{a0}}]\(\p{{Lu}}[\p{{Lu}}.]+\))?"
        ))
        .unwrap();
        let told_re = Regex::new(&format!(
            r"(?-u:\b)told[ \x{{a0}}](?:[Tt]he[ \x{{a0}}])?({NAME})"
        ))
        .unwrap();
        let reported_re = Regex::new(&reported_pattern()).unwrap();
        let reported_at = NamePattern::new(&reported_pattern());
        let via_re = Regex::new(&via_pattern()).unwrap();
        let via_at = NamePattern::new(&via_pattern());
        let [(issued, rule), ..] = document_patterns();
        assert_eq!(rule, ISSUED);
        let issued_re = Regex::new(&issued).unwrap();
        let issued_at = NamePattern::new(&issued);
        assert!(issued_at.after_word.is_some());
        static VERBS: OnceLock<Regex> = OnceLock::new();
        static ISSUE: OnceLock<Regex> = OnceLock::new();
        static VIA_WORDS: OnceLock<Regex> = OnceLock::new();
        // Where each group of a match is, in the whole text.
        let groups =
            |at: usize, c: &Captures| -> Vec<Option<(usize, usize)>> {
                c.iter()
                    .map(|m| m.map(|m| (at + m.start(), at + m.end())))
                    .collect()
            };
        let spans = |found: Vec<Cited>| -> Vec<(usize, usize, String)> {
            found
                .into_iter()
                .map(|c| (c.span.start(), c.span.end(), c.name))
                .collect()
        };
        let mut found = 0;
        for text in &texts {
            let expected: Vec<_> = according
                .captures_iter(text)
                .map(|c| {
                    let whole = c.get(0).unwrap();
                    (whole.start(), whole.end(), c[1].to_string())
                })
                .collect();
            assert_eq!(spans(according_to(text)), expected, "{text:?}");
            found += expected.len();
            let expected: Vec<_> = told_re
                .captures_iter(text)
                .filter(|c| is_outlet(&c[1]))
                .map(|c| {
                    let whole = c.get(0).unwrap();
                    let name = c.get(1).unwrap();
                    (whole.start(), name.end(), c[1].to_string())
                })
                .collect();
            assert_eq!(spans(told(text)), expected, "{text:?}");
            found += expected.len();
            for (re, anchored, cell, words) in [
                (&reported_re, &reported_at, &VERBS, REPORT_VERBS),
                (&via_re, &via_at, &VIA_WORDS, VIA_WORDS_LIST),
                (&issued_re, &issued_at, &ISSUE, ISSUE_VERBS),
            ] {
                let expected: Vec<_> =
                    re.captures_iter(text).map(|c| groups(0, &c)).collect();
                let places = places(cell, words, text);
                let matches: Vec<_> = name_matches(anchored, text, places)
                    .iter()
                    .map(|(at, c)| groups(*at, c))
                    .collect();
                assert_eq!(matches, expected, "{text:?}");
                found += expected.len();
            }
        }
        // The texts hold matches of both.
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn word_tables_are_sorted() {
        for list in
            [DOCUMENT_NOUNS, INQUIRY_NOUNS, CREDIT_BODIES, OUTLET_WORDS]
        {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        let outlets: Vec<&str> =
            OUTLETS.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(outlets.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn originally_published_by_names_the_publisher() {
        let text = "Some text.\n\nOriginally published by the New York Post";
        let p = publisher(&doc(text)).unwrap();
        assert_eq!(p.name, "New York Post");
        assert_eq!(
            p.span.unwrap().text(text),
            "Originally published by the New York Post"
        );
    }

    #[test]
    fn no_evidence_means_no_publisher() {
        let text = "Feeley said the talks failed. Leave a Reply";
        assert_eq!(publisher(&doc(text)), None);
    }

    #[test]
    fn metadata_comes_first() {
        let mut d = doc("Originally published by the New York Post");
        d.publisher = Some("Example News".into());
        let p = publisher(&d).unwrap();
        assert_eq!((p.name.as_str(), p.span), ("Example News", None));
    }

    #[test]
    fn copyright_dateline_and_told_outlet() {
        let text = "Footer\n\n© 2023 by 1776 United Coalition. All rights reserved.\n";
        let p = publisher(&doc(text)).unwrap();
        assert_eq!(p.name, "1776 United Coalition");
        assert_eq!(
            p.span.unwrap().text(text),
            "© 2023 by 1776 United Coalition. All rights reserved."
        );
        let text = "WASHINGTON (Reuters) — The talks failed.";
        assert_eq!(publisher(&doc(text)).unwrap().name, "Reuters");
        let text = "“No,” Rep. Michael McCaul told\u{a0}Foreign Policy.";
        assert_eq!(publisher(&doc(text)).unwrap().name, "Foreign Policy");
        let text = "Anne Milgram told Congress last month.";
        assert_eq!(publisher(&doc(text)), None);
    }

    #[test]
    fn cited_sources_of_each_kind() {
        let text = "Deaths rose, according to data from the National Center \
                    for Health Statistics. Democrats agreed, as\u{a0}Politico \
                    reported. The White House issued a fact sheet on Tuesday. \
                    He wrote a letter addressed to Chinese President Xi \
                    Jinping. The Obama administration dropped a Drug \
                    Enforcement Administration investigation ([de4dbeca]).";
        let got = names(text);
        let want = [
            (
                "according to data from the National Center for Health Statistics",
                "according_to",
            ),
            ("Politico reported", "reported"),
            ("The White House issued a fact sheet", "document"),
            ("a letter addressed to Chinese President Xi Jinping", "document"),
            (
                "a Drug Enforcement Administration investigation",
                "investigation",
            ),
            ("([de4dbeca])", "citation_marker"),
        ];
        for (span, kind) in want {
            let found = got
                .iter()
                .any(|(s, k)| s.replace('\u{a0}', " ") == span && *k == kind);
            assert!(found, "{span} ({kind}) not in {got:?}");
        }
    }

    #[test]
    fn credits_are_sources() {
        let text = "Drugs seized on February 23.Arizona Attorney General \
                    Kris Mayes via Twitter\n\nNational Institute on Drug \
                    Abuse\n\nMore text.";
        let got = names(text);
        assert!(got.contains(&(
            "Arizona Attorney General Kris Mayes via Twitter".into(),
            "credit"
        )));
        assert!(
            got.contains(&(
                "National Institute on Drug Abuse".into(),
                "credit"
            ))
        );
    }

    #[test]
    fn a_marker_backs_the_claims_of_its_paragraph() {
        let text = "A said x. B said y ([aa11bb]).\nC said z.";
        let cited = cited_sources(text);
        let scope =
            Backing::new(text, &cited, &[]).marker_scope(cited[0].span);
        assert_eq!(scope, Span::new(0, text.find("([").unwrap()));
    }

    /// The sources each claim's words and attribution cite, with the
    /// attributions the extractor finds, as text.
    fn backed_claims(text: &str) -> Vec<(String, Vec<String>)> {
        let seg = crate::segment::segment(text);
        let atts = crate::extract::extract(text, &seg);
        let cited = cited_sources(text);
        let backed = Backing::new(text, &cited, &atts).claims();
        let mut out: Vec<(String, Vec<String>)> =
            atts.iter().map(|a| (a.content_text(text), Vec::new())).collect();
        for (c, claims) in cited.iter().zip(backed) {
            for i in claims {
                out[i].1.push(c.span.text(text).to_string());
            }
        }
        out
    }

    /// Two claims of one sentence, each with its own source: each is
    /// backed by its own, where each source of the sentence once backed
    /// both.
    #[test]
    fn a_claim_is_backed_by_the_source_the_text_ties_it_to() {
        let text = "“Prices rose,” Smith told Reuters, and “wages fell,” \
                    Jones told the New York Times.";
        let got = backed_claims(text);
        let got: Vec<(&str, Vec<&str>)> = got
            .iter()
            .map(|(c, s)| (c.as_str(), s.iter().map(String::as_str).collect()))
            .collect();
        let want = [
            ("Prices rose,", vec!["told Reuters"]),
            ("wages fell,", vec!["told the New York Times"]),
        ];
        assert_eq!(got, want);
        let text = "Smith said prices rose, according to the CDC, and Jones \
                    said wages fell, according to a Labor Department report.";
        let got = backed_claims(text);
        let sources: Vec<&[String]> =
            got.iter().map(|(_, s)| s.as_slice()).collect();
        assert_eq!(
            sources,
            [["according to the CDC"], ["according to a Labor Department"]],
            "{got:?}"
        );
    }

    /// Sources and claims alternating on one line: each claim has its
    /// named sources and its nearest, not every source of the line.
    #[test]
    fn a_long_sentence_backs_each_claim_with_few_sources() {
        let text = "according to Smith the tax rose and Jones said the rent \
                    fell "
            .repeat(300);
        let got = backed_claims(&text);
        assert!(got.len() >= 50, "{} claims", got.len());
        for (claim, sources) in got {
            assert!(sources.len() <= MOST_NAMED + 1, "{claim}: {sources:?}");
        }
    }

    /// The scope [`Backing`] replaced, kept to test it against: from the
    /// start of the marker's paragraph (or its previous marker) to the
    /// marker.
    fn old_marker_scope(text: &str, marker: Span, markers: &[Span]) -> Span {
        let line_start =
            text[..marker.start()].rfind('\n').map_or(0, |i| i + 1);
        let previous = markers
            .iter()
            .filter(|m| m.end() <= marker.start() && m.start() >= line_start)
            .map(|m| m.end())
            .max()
            .unwrap_or(line_start);
        Span::new(previous, marker.start())
    }

    /// The sentence scope [`Backing`] replaced, kept to test it against.
    fn old_sentence_of(text: &str, span: Span) -> Span {
        let line_start = text[..span.start()].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[span.end()..]
            .find('\n')
            .map_or(text.len(), |i| span.end() + i);
        let ends = |at: usize| {
            let before = text[..at].chars().last();
            let after = text[at..].chars().next();
            matches!(before, Some('.' | '!' | '?'))
                && after.is_some_and(char::is_whitespace)
                && !text[..at - 1].ends_with(|c: char| c.is_uppercase())
        };
        let start = (line_start..span.start())
            .rev()
            .find(|&i| text.is_char_boundary(i) && i > line_start && ends(i))
            .unwrap_or(line_start);
        let end = (span.end()..line_end)
            .find(|&i| text.is_char_boundary(i) && ends(i))
            .unwrap_or(line_end);
        Span::new(start, end)
    }

    /// What [`Backing::claims`] replaced for a marker: each scanned its
    /// paragraph and every attribution.
    fn old_marker_claims(
        text: &str,
        marker: Span,
        markers: &[Span],
        attributions: &[Attribution],
    ) -> Vec<usize> {
        let scope = old_marker_scope(text, marker, markers);
        attributions
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                let extent = a.content_extent();
                scope.start() <= extent.start() && extent.start() < scope.end()
                    || a.cue.is_some_and(|c| marker.overlaps(&c))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The sources other than markers that back the claim of `a`, by
    /// index in `cited`, found by scanning every source: the first
    /// [`MOST_NAMED`] its cue or speaker overlaps, and the one nearest to
    /// its cue and content (the first of those that overlap them, else
    /// the closest, the earlier on a tie) when near enough and in its
    /// sentence.
    fn scanned_sources_of(
        text: &str,
        cited: &[Cited],
        a: &Attribution,
    ) -> Vec<usize> {
        let others = cited
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind != SourceKind::Marker)
            .map(|(k, c)| (k, c.span));
        let speaker = a.speaker.as_ref().map(|s| s.span);
        let named = |s: &Span| {
            [a.cue, speaker].iter().flatten().any(|n| n.overlaps(s))
        };
        let mut out: Vec<usize> = others
            .clone()
            .filter(|(_, s)| named(s))
            .map(|(k, _)| k)
            .take(MOST_NAMED)
            .collect();
        let content = a.content_extent();
        let reach = match a.cue {
            Some(c) => Span::new(
                c.start().min(content.start()),
                c.end().max(content.end()),
            ),
            None => content,
        };
        let nearest = others
            .map(|(k, s)| {
                if s.start() < reach.end() && reach.start() < s.end() {
                    (0, 0, k)
                } else if s.end() <= reach.start() {
                    (reach.start() - s.end(), 1, k)
                } else {
                    (s.start() - reach.end(), 2, k)
                }
            })
            .min();
        if let Some((gap, _, k)) = nearest {
            let scope = old_sentence_of(text, cited[k].span);
            let at = content.start();
            if gap <= NEAR && scope.start() <= at && at < scope.end() {
                out.push(k);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// [`Backing::claims`] found by scans: each marker scanning its
    /// paragraph, each attribution every other source.
    fn scanned_claims(
        text: &str,
        cited: &[Cited],
        attributions: &[Attribution],
    ) -> Vec<Vec<usize>> {
        let markers: Vec<Span> = cited
            .iter()
            .filter(|c| c.kind == SourceKind::Marker)
            .map(|c| c.span)
            .collect();
        let mut out: Vec<Vec<usize>> = cited
            .iter()
            .map(|c| match c.kind {
                SourceKind::Marker => {
                    old_marker_claims(text, c.span, &markers, attributions)
                }
                _ => Vec::new(),
            })
            .collect();
        for (i, a) in attributions.iter().enumerate() {
            for k in scanned_sources_of(text, cited, a) {
                out[k].push(i);
            }
        }
        out
    }

    /// The index answers as scans do (for markers, the scans it
    /// replaced), on the bundled articles and on pseudo-random texts,
    /// with the attributions the extractor finds in them.
    #[test]
    fn backing_answers_as_the_scans_did() {
        let mut texts = crate::model::bundled_texts();
        const PIECES: &[&str] = &[
            "Trump said",
            " ",
            ".",
            ". ",
            "!",
            "? ",
            "\n",
            "\n\n",
            "U.S. ",
            "the CDC",
            "according to the National Institutes of Health",
            "told Foreign Policy",
            "([de4dbeca])",
            "[aa11bb]",
            "said ",
            "“",
            "”",
            "\"",
            "Reuters reported",
            "via Twitter",
            "é",
            "Ü.",
            "officials denied it",
            ",",
            "The New York Times reported ",
        ];
        texts.extend(crate::model::random_texts(
            PIECES,
            3_000,
            30,
            0x2545_f491_4f6c_dd1d,
        ));
        let extra = [
            "A said x ([aa11bb]). B said y ([cc22dd]) ([ee33ff]).\nC said z \
             ([aa11bb]). The U.S. said so, according to the CDC. Dr. Who \
             told CNN. \"Yes,\" Reuters reported.",
        ];
        texts.extend(extra.iter().map(|t| t.to_string()));
        let mut checked = 0;
        for text in &texts {
            let seg = crate::segment::segment(text);
            let atts = crate::extract::extract(text, &seg);
            let cited = cited_sources(text);
            let markers: Vec<Span> = cited
                .iter()
                .filter(|c| c.kind == SourceKind::Marker)
                .map(|c| c.span)
                .collect();
            let backing = Backing::new(text, &cited, &atts);
            let want = scanned_claims(text, &cited, &atts);
            assert_eq!(backing.claims(), want, "{text:?} {cited:?}");
            checked += cited.len();
            // Every span a source could have, not only those found.
            for (start, _) in text.char_indices().step_by(7) {
                let end = text[start..]
                    .char_indices()
                    .nth(3)
                    .map_or(text.len(), |(i, _)| start + i);
                if end <= start {
                    continue;
                }
                let span = Span::new(start, end);
                assert_eq!(
                    backing.sentence_of(span),
                    old_sentence_of(text, span)
                );
                assert_eq!(
                    backing.marker_scope(span),
                    old_marker_scope(text, span, &markers)
                );
            }
        }
        assert!(checked > 100, "{checked} sources checked");
    }
}
