//! Rules for "according to X": the source is named after the cue.
//!
//! "…, according to the National Institutes of Health." takes the
//! sentence before the cue as content; "According to X, …" takes the
//! sentence after the source. When the source is "data from" or "a report
//! by" some body, the body is the speaker.

use crate::extract::context::Context;
use crate::extract::reported::trim;
use crate::extract::{Found, RuleInfo};
use crate::model::CueClass;
use crate::segment::Sentence;

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
];

/// Words for documents and data whose author is the real source.
const VEHICLES: &[&str] = &[
    "analysis",
    "assessment",
    "assessments",
    "data",
    "estimates",
    "figures",
    "poll",
    "report",
    "reports",
    "statistics",
    "study",
    "survey",
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
    }
}

fn at_cue(
    cx: &Context,
    s: Sentence,
    i: usize,
) -> Option<(Found, (usize, usize))> {
    let sp = source(cx, i + 2, s.end)?;
    let (content, rule) = if i == s.first {
        let after = if cx.word(sp.1) == "," { sp.1 + 1 } else { sp.1 };
        (trim(cx, after, s.end)?, "according-to/before-content")
    } else {
        (trim(cx, s.first, i)?, "according-to/after-content")
    };
    if cx.any_used(content.0, content.1) || cx.any_used(sp.0, sp.1) {
        return None;
    }
    let claimed = (content.0.min(i), content.1.max(sp.1));
    let f = Found {
        speaker: Some(cx.span(sp.0, sp.1)),
        cue: Some(cx.span(i, i + 2)),
        class: CueClass::Found,
        content: vec![cx.span(content.0, content.1)],
        rule,
    };
    Some((f, claimed))
}

/// The source after "according to", stepping over "data from".
fn source(cx: &Context, start: usize, limit: usize) -> Option<(usize, usize)> {
    let sp = cx
        .speaker_after(start, limit)
        .or_else(|| vehicle_phrase(cx, start, limit))?;
    let head = cx.low(sp.1 - 1);
    let via = matches!(cx.low(sp.1), "from" | "by" | "of");
    if VEHICLES.contains(&head) && via {
        return cx.speaker_after(sp.1 + 1, limit).or(Some(sp));
    }
    Some(sp)
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
