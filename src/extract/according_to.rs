//! Rules for "according to X": the source is named after the cue.
//!
//! "…, according to the National Institutes of Health." takes the
//! sentence before the cue as content; "According to X, …" (or "In
//! addition, according to X, …") takes the sentence after the source;
//! "…, according to X, was …" and a short lead ("Over the long term,
//! according to X, the rise …") take both sides. When the source is "data
//! from", "a report by" or "records kept by" some body, the body is the
//! speaker. "In a CBS News poll, …" names a poll as the source of what
//! follows.

use crate::extract::context::{Context, is_finite_auxiliary};
use crate::extract::reported::{is_linking_word, trim};
use crate::extract::{Found, RuleInfo};
use crate::model::CueClass;
use crate::segment::{Sentence, TokenKind};

/// The rules of this family, each with an example it must handle.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "according-to/after-content",
        example: "In 2021, 106,000 people died, according to the National Institutes of Health.",
        speaker: "the National Institutes of Health",
        content: "In 2021, 106,000 people died",
    },
    RuleInfo {
        id: "according-to/before-content",
        example: "According to data from the CDC, deaths rose sharply last year.",
        speaker: "the CDC",
        content: "deaths rose sharply last year",
    },
    RuleInfo {
        id: "according-to/before-content",
        example: "In addition, according to the department, nine million \
                  more workers will be protected.",
        speaker: "the department",
        content: "nine million more workers will be protected",
    },
    RuleInfo {
        id: "according-to/after-content",
        example: "London was the financial capital of the world in 2015, \
                  according to one global index.",
        speaker: "one global index",
        content: "London was the financial capital of the world in 2015",
    },
    RuleInfo {
        id: "according-to/around-content",
        example: "At the heart of the trouble, according to Dennis Ross, a \
                  former envoy, was a decision by the president.",
        speaker: "Dennis Ross",
        content: "At the heart of the trouble was a decision by the president",
    },
    RuleInfo {
        id: "according-to/around-content",
        example: "Over the long term, according to the budget office, \
                  rising health costs will drive the deficit.",
        speaker: "the budget office",
        content: "Over the long term rising health costs will drive the deficit",
    },
    RuleInfo {
        id: "according-to/before-content",
        example: "But, according to the poll, most voters disapprove.",
        speaker: "the poll",
        content: "most voters disapprove",
    },
    RuleInfo {
        id: "according-to/after-content",
        example: "No gun was found, according to a person familiar with the \
                  inquiry, who spoke on condition of anonymity.",
        speaker: "a person familiar with the inquiry",
        content: "No gun was found",
    },
    RuleInfo {
        id: "according-to/in-vehicle",
        example: "In a CBS News poll released Monday, she led Mr. Sanders 56 \
                  percent to 32 percent.",
        speaker: "a CBS News poll released Monday",
        content: "she led Mr. Sanders 56 percent to 32 percent",
    },
];

/// Words for documents and data whose author is the real source.
const VEHICLES: &[&str] = &[
    "analysis",
    "assessment",
    "assessments",
    "audit",
    "data",
    "documents",
    "estimates",
    "figures",
    "filings",
    "findings",
    "poll",
    "polls",
    "records",
    "report",
    "reports",
    "research",
    "statistics",
    "study",
    "survey",
    "surveys",
    "trial",
    "trials",
];

/// Runs the rule over every sentence.
pub fn run(cx: &mut Context, out: &mut Vec<Found>) {
    for si in 0..cx.seg.sentences.len() {
        let s = cx.seg.sentences[si];
        for i in s.first..s.end.saturating_sub(2) {
            let cue = cx.low(i) == "according" && cx.low(i + 1) == "to";
            if !cue || cx.in_quote[i] || cx.any_used(i, i + 2) {
                continue;
            }
            if let Some((f, claimed)) = at_cue(cx, s, i) {
                cx.claim(claimed.0, claimed.1);
                out.push(f);
            }
        }
        if let Some((f, claimed)) = in_vehicle(cx, s) {
            cx.claim(claimed.0, claimed.1);
            out.push(f);
        }
    }
}

/// "In a CBS News poll released Monday, she led by 24 points": a
/// sentence that opens with "In" and a poll, survey or report reports
/// what follows the comma, when no cue there has a speaker of its own.
fn in_vehicle(cx: &Context, s: Sentence) -> Option<(Found, (usize, usize))> {
    let i = s.first;
    if cx.low(i) != "in" || cx.in_quote[i] || cx.any_used(i, s.end) {
        return None;
    }
    let limit = (i + 1 + MAX_SOURCE_WORDS + 4).min(s.end);
    let head = (i + 1..limit).find(|&j| VEHICLES.contains(&cx.low(j)))?;
    // "In the wake of the report, …" is a time, not a source: nothing
    // but the poll's own words before its head.
    if (i + 1..head).any(|j| cx.is_preposition(j)) {
        return None;
    }
    let comma =
        (head + 1..(head + 8).min(s.end)).find(|&j| cx.word(j) == ",")?;
    if (i + 1..comma).any(|j| {
        !cx.is_word(j) && !matches!(cx.word(j), "/" | "-" | "." | "'" | "’")
    }) {
        return None;
    }
    let content = trim(cx, comma + 1, s.end)?;
    if (content.0..content.1).any(|j| cx.cue_at(j).is_some() || cx.in_quote[j])
    {
        return None;
    }
    let f = Found {
        speaker: Some(cx.span(i + 1, comma)),
        cue: Some(cx.span(i, i + 1)),
        class: CueClass::Found,
        content: vec![cx.span(content.0, content.1)],
        rule: "according-to/in-vehicle",
    };
    Some((f, (i, content.1)))
}

fn at_cue(
    cx: &Context,
    s: Sentence,
    i: usize,
) -> Option<(Found, (usize, usize))> {
    let sp = source(cx, i + 2, s.end)?;
    let lead_words = (s.first..i).filter(|&j| cx.is_word(j)).count();
    // "…, according to X, was …": the sentence goes on after the source.
    let goes_on = cx.word(sp.1) == ","
        && (sp.1 + 1..s.end).filter(|&j| cx.is_word(j)).count() >= 2;
    // Where what follows the source starts: past X's appositive
    // ("According to Returning Heritage, a group that tracks claims, more
    // than 100 museums …").
    let past_source = match appositive_end(cx, sp.1, s.end) {
        Some(end) => end,
        None if cx.word(sp.1) == "," => sp.1 + 1,
        None => sp.1,
    };
    let (pieces, rule) = if lead_words == 0
        || (goes_on && links_only(cx, s.first, i))
    {
        // "According to X, …", or "In addition, according to X, …".
        (vec![trim(cx, past_source, s.end)?], "according-to/before-content")
    } else if goes_on
        && lead_words <= MAX_LEAD_WORDS
        && !matches!(cx.low(past_source), "who" | "whose" | "which")
        && !(s.first..i).any(|j| !cx.in_quote[j] && cx.cue_at(j).is_some())
    {
        // "Over the long term, according to the budget office, the rise
        // in deficits …", "Fundraising, according to the campaign, has
        // surged": a short lead is part of what the source says, the
        // first of two pieces. Not when a relative clause on the source
        // follows ("…, according to a person familiar with it, who spoke
        // on condition of anonymity"), nor when a cue in the lead ties
        // it to a speaker of its own ("Smith said prices rose,
        // according to the CDC, and Jones said …").
        let rest = resumes(cx, sp.1, s.end).unwrap_or(past_source);
        let before = trim(cx, s.first, i)?;
        let after = trim(cx, rest, s.end)?;
        (vec![before, after], "according-to/around-content")
    } else if let Some(rest) =
        goes_on.then(|| resumes(cx, sp.1, s.end)).flatten()
    {
        let before = trim(cx, s.first, i)?;
        let after = trim(cx, rest, s.end)?;
        (vec![before, after], "according-to/around-content")
    } else {
        (vec![trim(cx, s.first, i)?], "according-to/after-content")
    };
    if pieces.iter().any(|c| cx.any_used(c.0, c.1)) || cx.any_used(sp.0, sp.1)
    {
        return None;
    }
    let first = pieces[0].0;
    let last = pieces[pieces.len() - 1].1;
    let claimed = (first.min(i), last.max(sp.1));
    let f = Found {
        speaker: Some(cx.span(sp.0, sp.1)),
        cue: Some(cx.span(i, i + 2)),
        class: CueClass::Found,
        content: pieces.iter().map(|c| cx.span(c.0, c.1)).collect(),
        rule,
    };
    Some((f, claimed))
}

/// The token after the appositive that opens at the comma `comma` after
/// a source ("X, a group that tracks claims, …"): a phrase on "a", "an"
/// or "the" with no verb of a clause in it ("The Guardian, an email was
/// sent …" has one), closed by a comma that at least three words follow.
fn appositive_end(cx: &Context, comma: usize, limit: usize) -> Option<usize> {
    if !matches!(cx.word(comma + 1), "a" | "an" | "the") {
        return None;
    }
    let words_after = |j: usize| (j..limit).filter(|&k| cx.is_word(k)).count();
    let close = (comma + 2..(comma + 26).min(limit))
        .take_while(|&j| cx.seg.tokens[j].kind != TokenKind::Quote)
        .find(|&j| cx.word(j) == ",")?;
    let relative = (comma + 2..close)
        .find(|&j| matches!(cx.low(j), "that" | "who" | "which"))
        .unwrap_or(close);
    // Someone or some body described: "a spokeswoman for the ministry",
    // not "a majority of voters, about 60 percent, …". The head is the
    // last word before a preposition or the relative pronoun.
    let head = (comma + 2..relative)
        .find(|&j| cx.is_preposition(j))
        .unwrap_or(relative)
        - 1;
    let described = head > comma + 1
        && (cx.is_speaker_noun(head)
            || crate::resolve::words::is_body_head(cx.word(head)));
    // No verb of a clause of its own, outside a relative clause: "the
    // State Department reported finding …" is what was said.
    let clause = (comma + 1..close)
        .any(|j| crate::extract::learned::is_verb_part(cx.low(j)))
        || (comma + 2..relative)
            .any(|j| cx.cue_at(j).is_some() && !cx.is_determiner(j - 1));
    (described && !clause && words_after(close + 1) >= 3).then_some(close + 1)
}

/// Where the sentence resumes after "according to X," (and X's
/// appositive): at an auxiliary or a form of "be", the verb of the
/// sentence the phrase interrupted ("At the heart of the trouble,
/// according to Ross, another envoy, was a decision …").
fn resumes(cx: &Context, comma: usize, limit: usize) -> Option<usize> {
    let starts = |j: usize| j < limit && is_finite_auxiliary(cx.low(j));
    if starts(comma + 1) {
        return Some(comma + 1);
    }
    cx.skip_appositive(comma, limit, &starts)
}

/// At most this many words before "according to X," that the sentence
/// goes on after are the first piece of the content, before what
/// follows the source ("Over the long term, according to X, the rise
/// …"). A longer lead holds a clause of its own, and is the content
/// unless the interrupted sentence resumes at a verb.
const MAX_LEAD_WORDS: usize = 7;

/// True when tokens `first..cue` only link the sentence to the one
/// before ("But, according to X, …", "In addition, according to X, …"):
/// no part of what the source says.
fn links_only(cx: &Context, first: usize, cue: usize) -> bool {
    let mut words = (first..cue).filter(|&j| cx.is_word(j)).map(|j| cx.low(j));
    match (words.next(), words.next(), words.next()) {
        (Some(w), None, _) => is_linking_word(w),
        (Some("in"), Some("addition"), None) => true,
        _ => false,
    }
}

/// The source after "according to", stepping over "data from".
fn source(cx: &Context, start: usize, limit: usize) -> Option<(usize, usize)> {
    let mut sp = cx
        .speaker_after(start, limit)
        .or_else(|| vehicle_phrase(cx, start, limit))
        .or_else(|| noun_phrase(cx, start, limit))
        .or_else(|| maker_of_thing(cx, start, limit))?;
    // "court documents", "police reports", "campaign filings": the
    // speaker finder ends at the last word that could head a speaker; a
    // phrase that runs on by a noun or two to its comma or the sentence's
    // end is the source.
    if let Some(np) = noun_phrase(cx, start, limit) {
        let rest = sp.1..np.1;
        let nouns = rest.len() <= 2
            && rest.clone().all(|j| {
                cx.word(j).starts_with(char::is_lowercase)
                    && !cx.is_preposition(j)
                    && !cx.is_determiner(j)
            });
        if sp.0 == np.0 && np.1 > sp.1 && nouns {
            sp = np;
        }
    }
    // "the Centers for Disease Control and Prevention": a name that goes
    // on after "and" to its comma or the sentence's end.
    let rest = cx.name_rest(sp.1, limit);
    if rest > sp.1 {
        sp.1 = rest;
    }
    // "data from the CDC": the vehicle's maker is the source, also when
    // the speaker finder ran on over the preposition to it.
    let vehicle = (sp.0..sp.1).find(|&j| {
        VEHICLES.contains(&cx.low(j))
            && matches!(cx.low(j + 1), "from" | "by" | "of")
    });
    if let Some(j) = vehicle {
        return cx.speaker_after(j + 2, limit).or(Some(sp));
    }
    // "records kept by the station", "a report published on Monday by
    // the network": the maker named after a participle of making.
    let maker = (sp.1 < limit && VEHICLES.contains(&cx.low(sp.1 - 1)))
        .then(|| made_by(cx, sp.1, limit))
        .flatten();
    Some(maker.unwrap_or(sp))
}

/// "a notice posted by the Joint Orbital Tracking Centre", "sales-tax
/// receipts published by the Office of Finance": a short phrase of words
/// for a thing no list knows, a participle of making and its maker, when
/// the whole is too long to be the source itself.
fn maker_of_thing(
    cx: &Context,
    start: usize,
    limit: usize,
) -> Option<(usize, usize)> {
    let made = (start + 1..(start + 5).min(limit))
        .take_while(|&j| cx.is_word(j))
        .find(|&j| MADE.contains(&cx.low(j)))?;
    made_by(cx, made, limit)
}

/// Participles that name a document's or a count's maker after "by"
/// ("compiled by", "released by"); not those that name whoever saw,
/// paid for or passed on a document ("obtained by", "commissioned by",
/// "reviewed by").
const MADE: &[&str] = &[
    "compiled",
    "conducted",
    "gathered",
    "issued",
    "kept",
    "maintained",
    "posted",
    "prepared",
    "produced",
    "published",
    "released",
];

/// The maker after a vehicle that ends at `k`: a participle of
/// [`MADE`], at most four words of when ("on Monday", "last week"),
/// then "by" and a speaker.
fn made_by(cx: &Context, k: usize, limit: usize) -> Option<(usize, usize)> {
    if !MADE.contains(&cx.low(k)) {
        return None;
    }
    let by = (k + 1..(k + 6).min(limit))
        .take_while(|&j| cx.is_word(j))
        .find(|&j| cx.low(j) == "by")?;
    let (a, b) = cx.speaker_after(by + 1, limit)?;
    // "Edison Research for the Associated Press": for whom the work was
    // done is no part of the maker, unless a body's name goes on over
    // "for" ("the Center for the Study of Democracy").
    let client = (a + 1..b).find(|&j| {
        cx.low(j) == "for"
            && matches!(cx.low(j + 1), "the" | "a" | "an")
            && !crate::resolve::words::is_body_head(cx.word(j - 1))
    });
    Some((a, client.unwrap_or(b)))
}

/// "data", "a new report", "the latest figures": a phrase ending in a
/// vehicle word, which the speaker finder does not take as a head.
fn vehicle_phrase(
    cx: &Context,
    start: usize,
    limit: usize,
) -> Option<(usize, usize)> {
    (start..(start + 4).min(limit))
        .find(|&j| VEHICLES.contains(&cx.low(j)))
        .map(|j| (start, j + 1))
}

/// "the results", "a count by The Associated Press", "one global index":
/// any short phrase up to the next comma or the sentence's end, when the
/// speaker finder takes none.
fn noun_phrase(
    cx: &Context,
    start: usize,
    limit: usize,
) -> Option<(usize, usize)> {
    let end = (start..limit)
        .find(|&j| !cx.is_word(j) || cx.in_quote[j])
        .unwrap_or(limit);
    let at_break = end == limit || matches!(cx.word(end), "," | "." | ";");
    (end > start && end - start <= MAX_SOURCE_WORDS && at_break)
        .then_some((start, end))
}

/// The longest source [`noun_phrase`] takes, in tokens.
const MAX_SOURCE_WORDS: usize = 8;
