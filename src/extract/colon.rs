//! "Name: what they said": a paragraph that opens with a speaker and a
//! colon. Transcripts give each turn so ("BOULDUAN: Why not debate?"),
//! and headlines their quoted claim ("Kasich: ‘We will go all the way’").
//! The content is the rest of the paragraph.

use crate::extract::context::{Context, title_cased};
use crate::extract::reported::trim;
use crate::extract::{Found, RuleInfo};
use crate::model::CueClass;
use crate::segment::TokenKind;

/// The rules of this family, each with an example it must handle.
pub const RULES: &[RuleInfo] = &[RuleInfo {
    id: "colon/line-speaker",
    example: "Insiders: Trump will rebound in New Hampshire.",
    speaker: "Insiders",
    content: "Trump will rebound in New Hampshire",
}];

/// The longest speaker before the colon, in words.
const MAX_SPEAKER: usize = 5;

/// The fewest words a content needs: "Q: Why?" is a question, not a claim
/// worth a node.
const MIN_CONTENT: usize = 3;

/// Labels that open a line with a colon but name no speaker ("Editor's
/// Note:", "The Latest:"), sorted.
#[rustfmt::skip]
const NOT_SPEAKERS: &[&str] = &[
    "a", "advertisement", "age", "an", "bombshell", "boom", "breaking",
    "busted", "caption", "city", "clarification", "contributing",
    "correction", "credit", "dateline", "disclosure", "editor", "editor's",
    "editors", "editor’s", "email", "exclusive", "follow", "image", "job",
    "latest", "listen", "look", "name", "note", "notice", "pay", "photo",
    "photos", "q", "read", "related", "see", "share", "source",
    "sources", "subscribe", "the", "update", "updated", "video", "watch",
    "why", "wow",
];

/// True when `low`, a lower-case word, opens a label such as "Editor's
/// Note:" or "Update:" rather than a speaker.
pub(crate) fn is_label(low: &str) -> bool {
    NOT_SPEAKERS.binary_search(&low).is_ok()
}

/// Runs the rule over every paragraph.
pub fn run(cx: &mut Context, out: &mut Vec<Found>) {
    let tokens = &cx.seg.tokens;
    let mut first = 0;
    while first < tokens.len() {
        let para = tokens[first].paragraph;
        let end = first
            + tokens[first..]
                .iter()
                .take_while(|t| t.paragraph == para)
                .count();
        if let Some(f) = at_paragraph(cx, first, end) {
            out.push(f);
        }
        first = end;
    }
}

/// The attribution a paragraph `first..end` (tokens) makes, if it opens
/// with "Speaker:".
fn at_paragraph(cx: &mut Context, first: usize, end: usize) -> Option<Found> {
    // "\"PENCE: Well, look, …": a transcript quoted turn by turn, each
    // paragraph opening a quotation, names its speaker in capitals.
    let quoted = cx.seg.tokens[first].kind == TokenKind::Quote;
    let paragraph = first;
    let first = first + usize::from(quoted);
    let limit = (first + MAX_SPEAKER + 1).min(end);
    let colon = (first + 1..limit).find(|&j| cx.word(j) == ":")?;
    let named = (first..colon).all(|j| {
        // "Dr. Ben Carson: …": an abbreviation's dot is part of the name.
        if !quoted && cx.is_name_dot(j) {
            return true;
        }
        let capitals = cx.word(j).chars().all(|c| !c.is_lowercase());
        cx.is_capitalised(j)
            && (!quoted || capitals)
            && (!cx.in_quote[j] || quoted)
            && NOT_SPEAKERS.binary_search(&cx.low(j)).is_err()
    });
    if !named {
        return None;
    }
    // The phrase must be a speaker phrase, all of it: "Hillary Clinton",
    // "JOEL BENENSON", "Insiders".
    let (s, e) = cx.speaker_before(colon, first)?;
    if s != first || e != colon {
        return None;
    }
    let (a, b) = trim(cx, colon + 1, end)?;
    if b - a < MIN_CONTENT || cx.any_used(paragraph, end) {
        return None;
    }
    // Past the headline, a line in title case after "Name:" is a section
    // heading ("Sanders: Win In A Walk."), not what the name said.
    if cx.seg.tokens[first].paragraph > 0 && title_case(cx, a, b) {
        return None;
    }
    cx.claim(paragraph, end);
    Some(Found {
        speaker: Some(cx.span(s, e)),
        cue: Some(cx.span(colon, colon + 1)),
        class: CueClass::Said,
        content: vec![cx.span(a, b)],
        rule: RULES[0].id,
    })
}

/// True when most of the words of more than three letters among tokens
/// `a..b` are capitalised, and there are at least two.
fn title_case(cx: &Context, a: usize, b: usize) -> bool {
    let words = (a..b).filter(|&j| cx.is_word(j)).map(|j| cx.word(j));
    let (long, in_title_case) = title_cased(words);
    long >= 2 && in_title_case
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::segment::segment;

    #[test]
    fn labels_are_sorted_and_lower_case() {
        assert!(NOT_SPEAKERS.windows(2).all(|w| w[0] < w[1]));
        assert!(NOT_SPEAKERS.iter().all(|w| w.to_lowercase() == *w));
    }

    #[test]
    fn a_transcript_turn_is_said_by_its_speaker() {
        let text = "KATE BOULDUAN: Why not debate?\n\n\
                    JOEL BENENSON: This is a man who said he would never \
                    run a negative ad. He is now running them.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 2, "{got:?}");
        let a = &got[1];
        assert_eq!(
            a.speaker.as_ref().unwrap().span.text(text),
            "JOEL BENENSON"
        );
        assert!(a.content_text(text).ends_with("He is now running them"));
        assert_eq!(a.rule, "colon/line-speaker");
    }

    #[test]
    fn a_title_with_its_dot_opens_a_headline_speaker() {
        let text = "Dr. Ben Carson: Hillary Clinton is not fit to serve.\n\n\
                    The race went on.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].speaker.as_ref().unwrap().span.text(text),
            "Dr. Ben Carson"
        );
        // A sentence's full stop before the colon is no name's.
        let text = "It ended. Then: the senator spoke at length on trade.";
        let got = extract(text, &segment(text));
        assert!(got.iter().all(|a| a.rule != "colon/line-speaker"), "{got:?}");
    }

    #[test]
    fn a_quoted_transcript_names_each_turn_in_capitals() {
        let text = "Partial transcript as follows:\n\n\
                    \"WALLACE: Will Gennifer Flowers be there tomorrow?\n\n\
                    \"PENCE: Well, look, this is serious business.\n\n\
                    \"Pence: Not in capitals, so maybe not a turn at all.";
        let got = extract(text, &segment(text));
        let turns: Vec<&str> = got
            .iter()
            .filter(|a| a.rule == "colon/line-speaker")
            .map(|a| a.speaker.as_ref().unwrap().span.text(text))
            .collect();
        assert_eq!(turns, ["WALLACE", "PENCE"], "{got:?}");
    }

    #[test]
    fn labels_and_mid_paragraph_colons_are_no_speakers() {
        for text in [
            "Editor's Note: The following is an excerpt from a new book.",
            "The Latest: Cruz to give away an engraved shotgun.",
            "He listed three states: Iowa, Nevada and Ohio.",
            "Breaking: Federal Judge Just Gave Hillary Some Bad News.",
            "Q: Have you talked to her about the court?",
            "Contributing: Iris Ouyang and Thomas Vogel, USA TODAY.",
            "Five take-aways.\n\nSanders: Win In A Walk Across The State.",
        ] {
            let got = extract(text, &segment(text));
            assert!(
                got.iter().all(|a| a.rule != "colon/line-speaker"),
                "{text}: {got:?}"
            );
        }
    }
}
