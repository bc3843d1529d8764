//! "Sanders called the suspension “arbitrary.”": naming something in
//! someone's words. The content is what was named and the words for it,
//! quotation included; the speaker is the subject of the verb.
//!
//! "Trump described the country as beset by illegal immigrants" is the
//! same act without quotation marks: a verb of describing, the thing,
//! "as", and what it was described as.
//!
//! Runs before the other quotation rules: otherwise the quotation would
//! go to whoever speaks in the next sentence.

use crate::extract::context::Context;
use crate::extract::reported::{content_end, opens_other_clause, trim};
use crate::extract::{Found, RuleInfo};
use crate::model::CueClass;

/// The rules of this family, each with an example it must handle.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "quote/called",
        example: "Sanders called the DNC’s suspension “arbitrary.” Hendler left.",
        speaker: "Sanders",
        content: "the DNC’s suspension “arbitrary.”",
    },
    RuleInfo {
        id: "reported/described-as",
        example: "Trump described the country as beset by crime.",
        speaker: "Trump",
        content: "the country as beset by crime",
    },
];

/// The most tokens between the verb and the quotation: the thing named.
const MAX_OBJECT: usize = 8;

/// Verbs that name something ("called it", "dubbed him", "labeled the
/// plan"), in every form.
#[rustfmt::skip]
const NAMING: &[&str] = &[
    "brand", "branded", "branding", "brands", "call", "called", "calling",
    "calls", "dub", "dubbed", "dubbing", "dubs", "label", "labeled",
    "labeling", "labelled", "labelling", "labels",
];

/// Verbs that describe something as something, in every form.
#[rustfmt::skip]
const DESCRIBING: &[&str] = &[
    "characterize", "characterized", "characterizes", "characterizing",
    "depict", "depicted", "depicting", "depicts", "describe", "described",
    "describes", "describing", "portray", "portrayed", "portraying",
    "portrays",
];

/// True when `low` is one of [`DESCRIBING`]. Asked of every token: the
/// first letter turns most words away before the search, whose string
/// comparisons were a fortieth of a build's time.
fn is_describing(low: &str) -> bool {
    matches!(low.as_bytes().first(), Some(b'c' | b'd' | b'p'))
        && DESCRIBING.binary_search(&low).is_ok()
}

/// True when `low` is one of [`NAMING`].
pub(crate) fn is_naming(low: &str) -> bool {
    NAMING.binary_search(&low).is_ok()
}

/// Runs the rules over every quotation and every describing verb.
pub fn run(cx: &mut Context, out: &mut Vec<Found>) {
    for i in 0..cx.len() {
        if cx.used[i] || cx.in_quote[i] {
            continue;
        }
        if !is_describing(cx.low(i)) {
            continue;
        }
        if let Some((f, (from, to))) = described_as(cx, i) {
            cx.claim(from, to);
            out.push(f);
        }
    }
    // The segmentation outlives the context's borrow: no copy needed.
    let seg = cx.seg;
    for q in &seg.quotes {
        let Some(close) = q.close else { continue };
        if cx.any_used(q.open, close + 1) {
            continue;
        }
        if let Some((f, (from, to))) = at_quote(cx, q.open, close) {
            cx.claim(from, to);
            out.push(f);
        }
    }
}

/// The naming before the quotation opening at `open`, and the tokens it
/// claims.
fn at_quote(
    cx: &Context,
    open: usize,
    close: usize,
) -> Option<(Found, (usize, usize))> {
    let s = cx.sentence(open);
    let lowest = open.saturating_sub(MAX_OBJECT + 1).max(s.first);
    let verb = (lowest..open).rev().find(|&j| is_naming(cx.low(j)))?;
    // What is named: plain words, at least one ("it", "the plan"); "as"
    // may close it ("branded him as “a liar”").
    let object = verb + 1..open;
    let plain = object
        .clone()
        .all(|j| cx.is_word(j) && !cx.in_quote[j] && cx.cue_at(j).is_none());
    let named_for = matches!(cx.low(verb + 1), "for" | "on" | "off" | "up");
    if object.is_empty() || !plain || named_for || cx.any_used(verb, open) {
        return None;
    }
    // "condemned what he called a “brazen breach”": a naming inside a
    // noun phrase is part of the clause around it, and of what that
    // clause reports.
    if (verb.saturating_sub(4).max(s.first)..verb)
        .any(|j| matches!(cx.low(j), "what" | "whom"))
    {
        return None;
    }
    // "a website called “Real News”": a participle after a noun names,
    // but nobody says it. The content runs on to the clause's end ("called
    // him a “liar,” a “bully” and “unstable.”", "called the pact “a step
    // forward” in global efforts …"), unless a dash, "and" with a verb in
    // the past, or a participle after a comma starts another clause after
    // the quotation ("called the merger “a terrible deal” and ranked …",
    // "called Cruz the “ultimate hypocrite,” linking to …").
    // (A comma after the closing mark already ends the content; one
    // inside it does not.)
    let k = close + 1;
    let comma = cx.word(close - 1) == ",";
    let past = |j: usize| {
        j < s.end && !cx.is_capitalised(j) && cx.low(j).ends_with("ed")
    };
    let new_clause = k < s.end
        && (matches!(cx.word(k), "—" | "–")
            || (cx.low(k) == "and" && past(k + 1))
            || (comma && cx.low(k).ends_with("ing")));
    let from = (!new_clause).then_some(close + 1);
    said_by_subject(cx, verb, from, Some(close + 1), RULES[0].id)
}

/// The attribution of the verb at `verb` to its subject, the content
/// running from after the verb to the clause's end as found from `from`
/// (when given), and at least to `least` when that is given (else there
/// must be words after `from`).
fn said_by_subject(
    cx: &Context,
    verb: usize,
    from: Option<usize>,
    least: Option<usize>,
    rule: &'static str,
) -> Option<(Found, (usize, usize))> {
    let s = cx.sentence(verb);
    let own = cx.speaker_before(verb, s.first).filter(|&(_, e)| e == verb);
    // A coordinated verb's subject is the first verb's too, and the
    // clause between is left for that verb's rule: only the naming is
    // claimed.
    let coordinated = own.is_none();
    let (sp_start, sp_end) = own.or_else(|| coordinated_subject(cx, verb))?;
    if cx.any_used(sp_start, sp_end) {
        return None;
    }
    // "called the deal “fair and sustainable,” though he acknowledged
    // …": the comma closed inside the quotation, and a clause of its own
    // follows.
    let tail = from.and_then(|from| {
        let comma = from > 1 && cx.word(from - 2) == ",";
        if comma && opens_other_clause(cx.low(from)) {
            None
        } else {
            trim(cx, from, content_end(cx, from, s.end))
        }
    });
    let end = match (tail, least) {
        (Some((_, e)), least) => e.max(least.unwrap_or(e)),
        (None, Some(least)) => least,
        (None, None) => return None,
    };
    if from.is_some_and(|from| cx.any_used(from, end)) {
        return None;
    }
    let f = Found {
        speaker: Some(cx.span(sp_start, sp_end)),
        cue: Some(cx.span(verb, verb + 1)),
        class: CueClass::Claimed,
        content: vec![cx.span(verb + 1, end)],
        rule,
    };
    let claimed = if coordinated { verb } else { sp_start };
    Some((f, (claimed, end)))
}

/// The subject of a naming verb after "and": that of the last cue
/// before it, the verb it is joined to ("Sen. Rand Paul said Rubio's
/// plan would …, and called him “…”", "She said Sanders has criticized
/// the president and called him “weak”" is Sanders), or with no cue,
/// the speaker phrase that opens the sentence with a verb after it
/// ("Carson took the stage in Baltimore and called the political
/// system “rotten to the core”").
fn coordinated_subject(cx: &Context, verb: usize) -> Option<(usize, usize)> {
    let s = cx.sentence(verb);
    if verb < s.first + 3 || cx.low(verb - 1) != "and" {
        return None;
    }
    let subject_of = |k: usize| {
        let end = cx.skip_auxiliaries_back(k, s.first);
        cx.speaker_before(end, s.first).filter(|&(_, e)| e == end)
    };
    // A verb that reports, not a noun ("Rubio's tax plan").
    let cue_before = |from: usize, to: usize| {
        (from..to).rev().find(|&j| {
            !cx.in_quote[j]
                && !cx.is_possessive(j - 1)
                && cx.cue_at(j).is_some_and(|c| !cx.is_bare_noun(j, &c))
        })
    };
    if let Some(last) = cue_before(s.first + 1, verb - 1) {
        let subject = subject_of(last)?;
        // "Ms. Acosta said even she found the debt confusing and called
        // …": a pronoun in the clause within is the speaker of the cue
        // before it, whom the sentence names.
        let pronoun = subject.1 == subject.0 + 1 && cx.is_pronoun(subject.0);
        let outer = cue_before(s.first + 1, subject.0).and_then(subject_of);
        return if pronoun { outer.or(Some(subject)) } else { Some(subject) };
    }
    let (a, b) = cx.speaker_after(s.first, verb - 1)?;
    // "It's become such a presence that Sanders thanked … and called
    // …": the verb is the clause's after "that".
    let verb_after = b < verb - 1
        && cx.is_word(b)
        && !cx.is_capitalised(b)
        && !cx.is_determiner(b)
        && !cx.is_preposition(b)
        && (b..verb - 1).all(|j| cx.low(j) != "that");
    verb_after.then_some((a, b))
}

/// "X described Y as Z" at the verb `verb`.
fn described_as(cx: &Context, verb: usize) -> Option<(Found, (usize, usize))> {
    let s = cx.sentence(verb);
    let limit = (verb + MAX_OBJECT + 2).min(s.end);
    let as_at = (verb + 2..limit).find(|&j| cx.low(j) == "as")?;
    let plain = (verb + 1..as_at)
        .all(|j| cx.is_word(j) && !cx.in_quote[j] && cx.cue_at(j).is_none());
    if !plain || cx.any_used(verb, as_at + 1) {
        return None;
    }
    said_by_subject(cx, verb, Some(as_at + 1), None, RULES[1].id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::segment::segment;

    #[test]
    fn a_naming_after_what_is_part_of_the_clause_around_it() {
        for (text, cue, content) in [
            (
                "The minister condemned what he called a “reckless gamble” \
                 by the opposition.",
                "condemned",
                "what he called a “reckless gamble” by the opposition",
            ),
            (
                "Reed said the board ignored what she calls “a slow-motion \
                 disaster.”",
                "said",
                "the board ignored what she calls “a slow-motion disaster.”",
            ),
            (
                "Ruiz said he had outplayed the champion, whom he called a \
                 “paper tiger.”",
                "said",
                "he had outplayed the champion, whom he called a “paper \
                 tiger.”",
            ),
        ] {
            let got = extract(text, &segment(text));
            let [a] = &got[..] else { panic!("{text}: {got:?}") };
            assert_eq!(a.cue.map(|c| c.text(text)), Some(cue));
            assert_eq!(a.content_text(text), content);
        }
        // Not a naming of its own clause.
        let text = "Reed called the tunnel “a slow-motion disaster.”";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].rule, RULES[0].id);
    }

    #[test]
    fn a_naming_verb_after_and_has_the_subject_of_the_verb_before() {
        let text = "The association said its pilot had followed every \
                    procedure and called the failure \"sudden and total.\" \
                    She said Sanders had criticized the president and called \
                    him \"weak.\" Carson took the stage in Baltimore and \
                    called the system \"rotten.\" It grew so big that Mr. \
                    Ross thanked the nurses and called the union \"a \
                    sponsor.\" Ms. Acosta said even she found the debt \
                    confusing and called the venture \"a mistake.\" Sen. \
                    Rand Paul said Rubio's tax plan was bad, and called him \
                    \"a proponent.\" Ms. Lee said Trump's claims were false \
                    and called them \"lies.\"";
        let got = extract(text, &segment(text));
        let of = |cue: &str, content: &str| {
            got.iter()
                .find(|a| {
                    a.cue.is_some_and(|c| c.text(text) == cue)
                        && a.content_text(text).starts_with(content)
                })
                .map(|a| a.speaker.as_ref().map(|s| s.span.text(text)))
        };
        assert_eq!(
            of("said", "its pilot"),
            Some(Some("The association")),
            "{got:?}"
        );
        assert_eq!(
            got.iter()
                .find(|a| a.content_text(text).starts_with("its pilot"))
                .unwrap()
                .content_text(text),
            "its pilot had followed every procedure"
        );
        assert_eq!(of("called", "the failure"), Some(Some("The association")));
        assert_eq!(of("called", "him"), Some(Some("Sanders")));
        assert_eq!(of("called", "the system"), Some(Some("Carson")));
        assert_eq!(of("called", "the venture"), Some(Some("Ms. Acosta")));
        assert_eq!(of("called", "him \"a"), Some(Some("Sen. Rand Paul")));
        assert_eq!(of("called", "them"), Some(Some("Ms. Lee")), "{got:?}");
        // After "that", the clause's own subject would be needed: none.
        assert_ne!(of("called", "the union"), Some(Some("It")), "{got:?}");
    }

    #[test]
    fn naming_verbs_are_sorted() {
        assert!(NAMING.windows(2).all(|w| w[0] < w[1]));
        assert!(DESCRIBING.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn every_describing_verb_passes_the_first_letter_test() {
        assert!(DESCRIBING.iter().all(|w| is_describing(w)));
        assert!(!is_describing("said") && !is_describing(""));
    }

    #[test]
    fn the_next_sentence_does_not_take_the_quotation() {
        let text = "Sanders called the DNC’s suspension “arbitrary.” Josh \
                    Hendler said nothing.";
        let got = extract(text, &segment(text));
        // Whatever the model makes of "said nothing", the quotation is
        // Sanders' alone.
        let quoted: Vec<_> = got
            .iter()
            .filter(|a| a.content_text(text).contains("arbitrary"))
            .collect();
        assert_eq!(quoted.len(), 1, "{got:?}");
        let a = quoted[0];
        assert_eq!(a.speaker.as_ref().unwrap().span.text(text), "Sanders");
        assert!(a.direct);
    }

    #[test]
    fn a_concession_after_the_quotation_is_a_claim_of_its_own() {
        let text = "Superintendent Howard Tran called the deal “fair and \
                    sustainable,” though he acknowledged that the district \
                    would need to draw on reserves.";
        let got = extract(text, &segment(text));
        let called: Vec<_> =
            got.iter().filter(|a| a.rule == "quote/called").collect();
        assert_eq!(called.len(), 1, "{got:?}");
        assert!(!called[0].content_text(text).contains("reserves"), "{got:?}");
        assert!(
            got.iter().any(|a| a
                .cue
                .is_some_and(|c| c.text(text) == "acknowledged")),
            "{got:?}"
        );
    }

    #[test]
    fn another_clause_after_the_quotation_ends_the_naming() {
        let called = |text: &str| {
            let got = extract(text, &segment(text));
            let f = got.iter().find(|a| a.rule == "quote/called");
            f.map(|a| a.content_text(text)).unwrap_or_default()
        };
        for (text, content) in [
            (
                "Mayor Ruiz called the merger “a terrible deal” and ranked \
                 the bank among the worst.",
                "the merger “a terrible deal”",
            ),
            (
                "Ruiz called Lee the “ultimate hypocrite,” linking to a \
                 story about his donors.",
                "Lee the “ultimate hypocrite,”",
            ),
            (
                "Critics call this the “expectations game” — setting the \
                 bar low.",
                "this the “expectations game”",
            ),
            (
                "Ruiz called Lee a “hypocrite”, citing his donors.",
                "Lee a “hypocrite”",
            ),
            // A phrase that goes on with the naming stays in it.
            (
                "Ruiz called the pact “a step forward” during talks on \
                 emissions.",
                "the pact “a step forward” during talks on emissions",
            ),
            (
                "Ruiz called him a “liar” and a “bully.”",
                "him a “liar” and a “bully.”",
            ),
            (
                "Ruiz called Lee a “liar” and Ted a “coward.”",
                "Lee a “liar” and Ted a “coward.”",
            ),
            (
                "Ruiz called the pact “a step forward” in the effort to \
                 cut emissions.",
                "the pact “a step forward” in the effort to cut emissions",
            ),
        ] {
            assert_eq!(called(text), content, "{text}");
        }
    }

    #[test]
    fn a_thing_called_so_has_no_speaker() {
        for text in [
            "He ran a website called “Real News Right Now.”",
            "She called for “a full investigation.”",
        ] {
            let got = extract(text, &segment(text));
            assert!(got.iter().all(|a| a.rule != "quote/called"), "{got:?}");
        }
    }
}
