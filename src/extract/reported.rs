//! Rules for reported speech: "X said (that) …", "…, X said",
//! "X told Y …", "X denied …", "…, adding that …".
//!
//! Each rule starts from a cue verb outside any quotation, in any tense
//! (the lexicon generates the inflections), finds its speaker phrase and
//! takes the clause the verb governs as the content. Cues that attribute
//! only with a complement ("found that", "wants to") need one.

use crate::extract::context::{
    Context, CueMatch, ends_anonymity_request, is_contracted_verb,
    is_finite_auxiliary, is_modal, is_month,
};
use crate::extract::{Found, RuleInfo};
use crate::model::{CueClass, Span};
use crate::segment::{Sentence, TokenKind};

/// The rules of this family, each with an example it must handle.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "reported/speaker-before",
        example: "US officials say the vast majority of fentanyl is made abroad.",
        speaker: "US officials",
        content: "the vast majority of fentanyl is made abroad",
    },
    RuleInfo {
        id: "reported/speaker-before",
        example: "Last week, the minister told reporters that the talks had failed.",
        speaker: "the minister",
        content: "the talks had failed",
    },
    RuleInfo {
        id: "reported/speaker-before",
        example: "AMLO has repeatedly denied Mexico’s role in the crisis.",
        speaker: "AMLO",
        content: "Mexico’s role in the crisis",
    },
    RuleInfo {
        id: "reported/speaker-after-content",
        example: "The talks ended without a deal, the former ambassador said.",
        speaker: "the former ambassador",
        content: "The talks ended without a deal",
    },
    RuleInfo {
        id: "reported/speaker-after-content",
        example: "Most of the new tariffs, the trade minister said, will \
                  take effect next year.",
        speaker: "the trade minister",
        content: "Most of the new tariffs will take effect next year",
    },
    RuleInfo {
        id: "reported/inverted",
        example: "The plan will not work, said the former ambassador.",
        speaker: "the former ambassador",
        content: "The plan will not work",
    },
    RuleInfo {
        id: "reported/evidential",
        example: "Mr. Putin seemed most concerned with the economy.",
        speaker: "",
        content: "Mr. Putin most concerned with the economy",
    },
    RuleInfo {
        id: "reported/impersonal",
        example: "It was reported in March that the airline had cut its \
                  pool of reserve pilots.",
        speaker: "",
        content: "the airline had cut its pool of reserve pilots",
    },
    RuleInfo {
        id: "reported/coordinated-verb",
        example: "House Democrats seized the floor on Wednesday and said \
                  they would stay all night.",
        speaker: "House Democrats",
        content: "they would stay all night",
    },
    RuleInfo {
        id: "reported/coordinated-verb",
        example: "The chairman declined to name the delegates but said one \
                  was an avowed supporter.",
        speaker: "The chairman",
        content: "one was an avowed supporter",
    },
    RuleInfo {
        id: "reported/participle",
        example: "She rejected the plan, saying that it would cost too much.",
        speaker: "She",
        content: "it would cost too much",
    },
];

/// Lemmas whose complement is an infinitive ("wants to leave").
const TAKES_INFINITIVE: &[&str] = &[
    "agree", "decide", "expect", "hope", "plan", "pledge", "promise",
    "threaten", "vow", "want",
];

/// Lemmas that take an addressee before their content ("told reporters").
const TAKES_ADDRESSEE: &[&str] = &["assure", "tell", "urge", "warn"];

/// Runs the rules over every sentence.
pub fn run(cx: &mut Context, out: &mut Vec<Found>) {
    asked(cx, out);
    let mut last_speaker = vec![None; cx.seg.sentences.len()];
    for f in out.iter() {
        note_speaker(cx, &mut last_speaker, f);
    }
    for si in 0..cx.seg.sentences.len() {
        let s = cx.seg.sentences[si];
        let mut i = s.first;
        while i < s.end {
            let skip = cx.used[i] || cx.in_quote[i];
            let found = if skip {
                None
            } else {
                let prior = last_speaker[si];
                cx.cue_at(i).and_then(|c| at_cue(cx, s, &c, out, prior))
            };
            match found {
                Some((f, claimed)) => {
                    cx.claim(claimed.0, claimed.1);
                    i = claimed.1.max(i + 1);
                    note_speaker(cx, &mut last_speaker, &f);
                    out.push(f);
                }
                None => i += 1,
            }
        }
    }
    evidential(cx, out);
    impersonal(cx, out);
}

/// "Asked whether he would run, Johnson demurred", "Sanders was asked by
/// host John Dickerson whether …": the question is an attribution of its
/// own, said by whoever asked it (the one after "by", or nobody named),
/// and ends at the comma where the answer begins. Taking it first keeps
/// it out of the answer's content.
fn asked(cx: &mut Context, out: &mut Vec<Found>) {
    for i in 0..cx.len() {
        if cx.low(i) != "asked" || cx.used[i] || cx.in_quote[i] {
            continue;
        }
        let s = cx.sentence(i);
        // "Hillary Clinton was once asked which …", "was famously
        // asked": past adverbs.
        let mut b = cx.skip_auxiliaries_back(i, s.first);
        if b > s.first + 1
            && cx.low(b - 1).ends_with("ly")
            && !cx.is_capitalised(b - 1)
        {
            b -= 1;
        }
        let before = (b > s.first).then(|| cx.low(b - 1));
        let passive = matches!(
            before,
            None | Some(
                "when"
                    | "after"
                    | "if"
                    | "was"
                    | "were"
                    | "being"
                    | "been"
                    | ","
            )
        );
        if !passive {
            continue;
        }
        let mut k = i + 1;
        let mut speaker = None;
        if cx.low(k) == "by" {
            let Some((a, b)) = cx.speaker_after(k + 1, s.end) else {
                continue;
            };
            speaker = Some((a, b));
            k = b;
        }
        k = skip_circumstance(cx, k, s.end);
        let opens = matches!(
            cx.low(k),
            "whether"
                | "if"
                | "what"
                | "how"
                | "which"
                | "why"
                | "who"
                | "when"
                | "about"
        );
        if !opens {
            continue;
        }
        let end = (k..s.end).find(|&j| cx.word(j) == ",").unwrap_or(s.end);
        // "Sen. Dana Pruitt, a Democrat from Oregon, asked whether …":
        // the comma closes an appositive, and with no main verb after
        // the question the senator asked it.
        if before == Some(",")
            && end == s.end
            && cx.speaker_before(b, s.first).is_some()
        {
            continue;
        }
        let Some((a, b)) = trim(cx, k, end) else { continue };
        if b - a < 2 || cx.any_used(i, end) {
            continue;
        }
        cx.claim(i, b);
        out.push(Found {
            speaker: speaker.map(|(x, y)| cx.span(x, y)),
            cue: Some(cx.span(i, i + 1)),
            class: CueClass::Asked,
            content: vec![cx.span(a, b)],
            rule: "reported/asked",
        });
    }
}

/// "Mr. Putin seemed most concerned with …", "The court appeared to
/// send a signal", "The convention is expected to inject …": the writer's
/// own impression, or an expectation nobody is named for, with no source. The
/// content is the subject and what follows the verb, in two pieces.
fn evidential(cx: &mut Context, out: &mut Vec<Found>) {
    for si in 0..cx.seg.sentences.len() {
        let s = cx.seg.sentences[si];
        for i in s.first..s.end {
            if cx.used[i] || cx.in_quote[i] {
                continue;
            }
            let low = cx.low(i);
            let seem = matches!(low, "seem" | "seems" | "seemed");
            let appear = matches!(low, "appear" | "appears" | "appeared")
                && matches!(cx.low(i + 1), "to" | "that");
            // "The convention is expected to inject $200 million", "is
            // widely expected to", "is not expected to": an expectation
            // nobody is named for.
            let expected = expected_at(cx, i);
            if !(seem || appear || expected.is_some()) {
                continue;
            }
            let cue_end = expected.unwrap_or(i + 1);
            if let Some((f, (a, b))) = evidential_at(cx, s, i, cue_end) {
                cx.claim(a, b);
                out.push(f);
            }
        }
    }
}

/// The end of the cue "is expected" at token `i`, a form of "be", when
/// "expected to" follows it, past a negation or an adverb or two ("is
/// not expected to", "isn't widely expected to", "was originally
/// expected to").
fn expected_at(cx: &Context, i: usize) -> Option<usize> {
    let low = cx.low(i);
    // "isn't", "weren’t": a form of "be" with its negation.
    let negated = low
        .strip_suffix("n't")
        .or_else(|| low.strip_suffix("n’t"))
        .is_some_and(is_be);
    if !is_be(low) && !negated {
        return None;
    }
    let mut j = i + 1;
    while j < i + 3
        && (matches!(cx.low(j), "not" | "n't" | "n’t" | "also" | "still")
            || (cx.low(j).ends_with("ly") && cx.low(j) != "only"))
    {
        j += 1;
    }
    (cx.low(j) == "expected" && cx.low(j + 1) == "to").then_some(j + 1)
}

/// The impression whose cue is tokens `i..cue_end`.
fn evidential_at(
    cx: &Context,
    s: Sentence,
    i: usize,
    cue_end: usize,
) -> Option<(Found, (usize, usize))> {
    // The subject: back to the sentence's start or its last comma, past
    // adverbs next to the verb and an opening conjunction.
    let mut end = i;
    while end > s.first && cx.low(end - 1).ends_with("ly") {
        end -= 1;
    }
    let mut start = (s.first..end)
        .rev()
        .find(|&j| cx.word(j) == ",")
        .map_or(s.first, |c| c + 1);
    while start < end
        && matches!(cx.low(start), "and" | "but" | "so" | "yet" | "or")
    {
        start += 1;
    }
    // "a nominee who is expected to be moderate": an expectation in a
    // relative clause has its pronoun for the first piece.
    let relative = end > start
        && matches!(cx.low(end - 1), "which" | "who" | "that")
        && cx.low(cue_end - 1) == "expected";
    if relative {
        start = end - 1;
    }
    // A relative pronoun's clause, or an empty subject ("it seems",
    // "there appears"), names nothing the impression is of.
    // Nor does a verb coordinated with the one before ("He will speak
    // there but is not expected to meet the pope"): its subject is the
    // other verb's.
    let no_subject = !relative
        && (matches!(
            cx.low(start),
            "which" | "who" | "that" | "it" | "there"
        ) || (end > start && matches!(cx.low(end - 1), "and" | "but")));
    if no_subject || end - start > 12 || cx.any_used(start, end) {
        return None;
    }
    let subject = trim(cx, start, end)?;
    let rest_end = content_end(cx, cue_end, s.end);
    let rest = trim(cx, cue_end, rest_end)?;
    if rest.1 - rest.0 < 2 || cx.any_used(rest.0, rest.1) {
        return None;
    }
    let f = Found {
        speaker: None,
        cue: Some(cx.span(i, cue_end)),
        class: CueClass::Believed,
        content: vec![cx.span(subject.0, subject.1), cx.span(rest.0, rest.1)],
        rule: "reported/evidential",
    };
    Some((f, (subject.0, rest.1)))
}

/// Participles of saying and believing that name no one after an
/// impersonal "it is" ("It was reported that …", "it is widely believed
/// that …"), with the class of what they report.
const IMPERSONAL: &[(&str, CueClass)] = &[
    ("alleged", CueClass::Accused),
    ("argued", CueClass::Claimed),
    ("assumed", CueClass::Believed),
    ("believed", CueClass::Believed),
    ("claimed", CueClass::Claimed),
    ("estimated", CueClass::Found),
    ("feared", CueClass::Warned),
    ("known", CueClass::Believed),
    ("reported", CueClass::Announced),
    ("rumored", CueClass::Said),
    ("rumoured", CueClass::Said),
    ("said", CueClass::Said),
    ("suggested", CueClass::Said),
    ("thought", CueClass::Believed),
    ("understood", CueClass::Believed),
];

/// "It was reported in March that …", "It has been known for some time
/// that …": a claim that the text names no one for. The content is the
/// clause after "that", past when and where it was said.
fn impersonal(cx: &mut Context, out: &mut Vec<Found>) {
    for si in 0..cx.seg.sentences.len() {
        let s = cx.seg.sentences[si];
        for i in s.first..s.end {
            if cx.low(i) != "it" || cx.used[i] || cx.in_quote[i] {
                continue;
            }
            if let Some((f, (a, b))) = impersonal_at(cx, s, i) {
                cx.claim(a, b);
                out.push(f);
            }
        }
    }
}

/// The impersonal claim whose "it" is token `i`.
fn impersonal_at(
    cx: &Context,
    s: Sentence,
    i: usize,
) -> Option<(Found, (usize, usize))> {
    let mut k = i + 1;
    if matches!(cx.low(k), "has" | "had") && cx.low(k + 1) == "been" {
        k += 1;
    } else if !matches!(cx.low(k), "is" | "was") {
        return None;
    }
    k += 1;
    // "widely", "generally", "now".
    if cx.low(k).ends_with("ly") || cx.low(k) == "now" {
        k += 1;
    }
    let &(_, class) = IMPERSONAL.iter().find(|(w, _)| *w == cx.low(k))?;
    let that = skip_circumstance(cx, k + 1, s.end);
    if cx.low(that) != "that" || cx.in_quote[that] {
        return None;
    }
    let mut end = content_end(cx, that + 1, s.end);
    // "when it was said that Democrats might never win again, Clinton
    // proved …": in a subordinate clause, a comma ends the claim.
    let subordinate = i > s.first
        && (SUBORDINATORS.contains(&cx.low(i - 1))
            || matches!(cx.low(i - 1), "where" | "once"));
    if subordinate
        && let Some(comma) = (that + 1..end).find(|&j| cx.word(j) == ",")
    {
        end = comma;
    }
    let content = trim(cx, that + 1, end)?;
    if content.1 - content.0 < 3 || cx.any_used(i, content.1) {
        return None;
    }
    let f = Found {
        speaker: None,
        cue: Some(cx.span(i + 1, k + 1)),
        class,
        content: vec![cx.span(content.0, content.1)],
        rule: "reported/impersonal",
    };
    Some((f, (i, content.1)))
}

/// Records `f`'s speaker as the latest one of the sentence it lies in.
///
/// `participle` asks for the latest attribution whose speaker lies in its
/// sentence; keeping the answer per sentence, rather than searching all
/// attributions each time, keeps a text of many quotations linear.
fn note_speaker(cx: &Context, last: &mut [Option<Span>], f: &Found) {
    let Some(sp) = f.speaker else { return };
    let first = cx.seg.tokens.partition_point(|t| t.span.start() < sp.start());
    let Some(&si) = cx.sentence_of.get(first) else { return };
    let s = cx.seg.sentences[si];
    let sentence = cx.span(s.first, s.end);
    if sentence.contains(&sp) {
        last[si] = Some(sp);
    }
}

/// Tries every rule at one cue; returns the attribution and the tokens
/// it claims. `prior` is the speaker of the latest attribution made in
/// the sentence, if any.
pub(crate) fn at_cue(
    cx: &Context,
    s: Sentence,
    cue: &CueMatch,
    out: &[Found],
    prior: Option<Span>,
) -> Option<(Found, (usize, usize))> {
    if cue.first > s.first && cx.low(cue.first - 1) == "to" {
        return None;
    }
    if passive_without_object(cx, cue.first, s.first) || dateline(cx, s, cue) {
        return None;
    }
    // "Democrats who oppose the bill said …": a verb in a restrictive
    // "who" clause is part of a later verb's subject, not a claim.
    let before = cx.skip_auxiliaries_back(cue.first, s.first);
    let restrictive = before > s.first + 1
        && cx.low(before - 1) == "who"
        && cx.is_word(before - 2);
    if restrictive
        && (cue.end..s.end).any(|j| {
            cx.cue_at(j).is_some_and(|c| !c.cue.participle)
                && cx
                    .restrictive_relative_before(j, s.first)
                    .is_some_and(|(a, _)| a < before - 1)
        })
    {
        return None;
    }
    // "…, falsely claiming …", "… and categorically stating …".
    let mut p = cue.first;
    while p > s.first
        && cx.low(p - 1).ends_with("ly")
        && !cx.is_capitalised(p - 1)
    {
        p -= 1;
    }
    // "…, he said, before adding that …": a word of time may come
    // between the comma and the participle; "by", "before", "after" and
    // "while" lead one with no comma, in the main clause ("Trump paused
    // before saying …", "She began by saying …").
    // Not when a relative clause holds it ("the candidate who launched
    // his campaign by declaring …"): that clause's subject speaks.
    let timed = p > s.first + 1
        && (matches!(cx.low(p - 1), "before" | "while" | "then")
            && comma_before(cx, p - 1)
            || matches!(cx.low(p - 1), "by" | "before" | "after" | "while")
                && !(s.first..p - 1)
                    .any(|j| matches!(cx.low(j), "who" | "which" | "that")));
    if cue.cue.participle && p > s.first && (comma_before(cx, p) || timed) {
        return participle(cx, s, cue, prior);
    }
    if p > s.first && matches!(cx.low(p - 1), "and" | "but") {
        return coordinated(cx, s, cue, p, out);
    }
    if headline_second_verb(cx, s, cue, p) {
        // A subject that runs over a cue's word ("Velora recalls 410,000
        // SUVs") ran over the first verb: the other rules try.
        let shared = coordinated(cx, s, cue, p, out).filter(|(f, _)| {
            f.speaker.is_some_and(|sp| {
                let (a, b) = cx.tokens_of(sp);
                !(a..b).any(|j| cx.is_cue_word(j))
            })
        });
        if shared.is_some() {
            return shared;
        }
    }
    // "Trump's claims", "Editor's note", "has broken many promises": a
    // noun, not a verb.
    if cue.first > s.first && cx.is_possessive(cue.first - 1)
        || cx.quantified_noun(cue.first, s.first)
    {
        return None;
    }
    let mut end = before;
    if cue.cue.participle {
        // A bare "-ing" form after a noun ("a group reporting …") is not
        // a finite verb; "is saying", "were warning" are, and "X firing
        // back that …" reports speech all the same.
        let be = end > s.first && is_be(cx.low(end - 1));
        let that = cx.low(cue.end) == "that";
        if !be && !that {
            return None;
        }
        if be {
            end = cx.skip_auxiliaries_back(end - 1, s.first);
        }
    }
    let speaker = cx
        .speaker_before(end, s.first)
        .or_else(|| cx.group_subject_before(end, s.first))
        .or_else(|| closing_tag_subject(cx, s, cue, end));
    // "Rent strikes remain rare in the United States, where tenants
    // risk eviction, said Noor Haddad-Kim, who …": a name right after a
    // tag that follows a comma is who said it, not the phrase before a
    // clause set off ahead of the cue.
    // Only a verb that never takes a person for its object ("endorsed
    // Sen. Ted Cruz", "criticized Mr. Trump's remarks" do).
    let named_after = cue.first > s.first
        && cx.word(cue.first - 1) == ","
        && matches!(
            cue.cue.lemma.as_str(),
            "say" | "add" | "write" | "note" | "explain"
        )
        && cx
            .speaker_after(cue.end, s.end)
            .is_some_and(|(a, _)| a == cue.end && cx.is_capitalised(a));
    if named_after && let Some(f) = inverted(cx, s, cue) {
        return Some(f);
    }
    // "… onto a packed sidewalk along the Las Vegas Strip told police":
    // a place after a preposition of where is no subject.
    let placed = |sp: (usize, usize)| {
        sp.0 > s.first
            && matches!(
                cx.low(sp.0 - 1),
                "along" | "onto" | "into" | "across" | "near" | "toward"
            )
    };
    let speaker = speaker.filter(|&sp| !placed(sp));
    match speaker {
        Some(sp) if !cx.any_used(sp.0, sp.1) => {
            trailing(cx, s, cue, sp).or_else(|| forward(cx, s, cue, sp))
        }
        // The speaker of an earlier cue, with a clause of its own: not a
        // quotation's tag ("“…,” Cruz, who …, said at the time").
        Some(sp) if spoke_before(cx, sp, out) => forward(cx, s, cue, sp)
            .filter(|(f, _)| {
                let (a, b) = cx.tokens_of(f.content[0]);
                (a..b).filter(|&j| cx.is_word(j)).count() >= 4
            }),
        _ => inverted(cx, s, cue),
    }
}

/// "No visitors were hurt, the zoo said.", "…, the unsigned opinion
/// said.": a tag that closes the sentence after a comma takes any common
/// noun phrase for its subject, not only one a speaker noun heads.
fn closing_tag_subject(
    cx: &Context,
    s: Sentence,
    cue: &CueMatch,
    end: usize,
) -> Option<(usize, usize)> {
    let closes = (cue.end..s.end).all(|j| !cx.is_word(j));
    if !closes || cue.cue.participle {
        return None;
    }
    if let Some((a, b)) = cx.common_noun_phrase_before(end, s.first) {
        return (a >= s.first + 3 && cx.word(a - 1) == ",").then_some((a, b));
    }
    // "…, astronomers say.": a bare plural, with a verb that agrees
    // with one ("say", not "says").
    let agrees =
        !cx.low(cue.first).ends_with('s') || cx.low(cue.first).ends_with("ss");
    let (a, b) = cx.bare_plural_before(end, s.first)?;
    (agrees && a >= s.first + 3).then_some((a, b))
}

/// True when every claimed word of speaker `sp` is claimed as the speaker
/// of an earlier attribution: one speaker can have two cues ("Mr.
/// Leenders, who estimated that …, said he voted …"). An "according to"
/// source does not count: in "according to a watchdog report released
/// by …" the watchdog releases nothing.
fn spoke_before(cx: &Context, sp: (usize, usize), out: &[Found]) -> bool {
    let speakers = cx.speaker_tokens(out);
    (sp.0..sp.1).all(|j| !cx.used[j] || speakers[j])
}

/// "Costa reported from Washington.", "Davis reported from Midway Atoll,
/// and Landler from Kaneohe Bay": a reporter's credit at an article's
/// foot says where the reporting was done, not what was reported. Only
/// when nothing reported follows, no "that" clause and no quotation.
fn dateline(cx: &Context, s: Sentence, cue: &CueMatch) -> bool {
    cue.cue.lemma.as_str() == "report"
        && cx.low(cue.end) == "from"
        && (cue.end..s.end).all(|j| {
            cx.low(j) != "that" && cx.seg.tokens[j].kind != TokenKind::Quote
        })
}

/// "The man accused of buying the guns", "Dye works blamed for fish
/// kill", "He has been criticized for …": a verb that takes the one it
/// blames or praises for its object, in "-ed" with no object before
/// "for", "of" or "over", is a passive; its subject is the one blamed,
/// not who blamed. Not after a relative word, whose clause has the
/// object before it ("the rivals whom she has accused of …").
pub(crate) fn passive_without_object(
    cx: &Context,
    verb: usize,
    floor: usize,
) -> bool {
    let judged = matches!(
        cx.low(verb),
        "accused"
            | "blamed"
            | "criticized"
            | "criticised"
            | "praised"
            | "condemned"
            | "slammed"
            | "faulted"
            | "lambasted"
            | "blasted"
            | "hailed"
            | "rebuked"
            | "chided"
            | "denounced"
    );
    if !judged || !matches!(cx.low(verb + 1), "for" | "of" | "over") {
        return false;
    }
    // A relative word in the verb's clause ("which French President
    // François Hollande blamed for"); "who was accused of" is a passive
    // the auxiliary already shows.
    let relative = (verb.saturating_sub(8).max(floor)..verb).any(|j| {
        matches!(cx.low(j), "who" | "whom" | "which" | "that")
            && (j + 1..verb)
                .all(|k| !matches!(cx.word(k), "," | ";" | ":" | "." | "—"))
    });
    !relative
}

/// "…, X said." The content is the sentence before the speaker.
fn trailing(
    cx: &Context,
    s: Sentence,
    cue: &CueMatch,
    sp: (usize, usize),
) -> Option<(Found, (usize, usize))> {
    let rest = cue.end..s.end;
    // "… big fans of “Prison Break,” Mr. Madden said.": a comma inside a
    // title's marks, before a tag that ends the sentence.
    let after_title =
        || comma_before(cx, sp.0) && rest.clone().all(|j| !cx.is_word(j));
    if sp.0 < s.first + 3 || !(cx.word(sp.0 - 1) == "," || after_title()) {
        return None;
    }
    // "…, he said Friday.", not "…, she said it “humanizes” her": a
    // subject after the cue opens a clause of its own.
    let clause_after = rest.start < rest.end && {
        let w = cx.low(rest.start);
        // "her" may be the object: "…, the president told her."
        let her_object =
            w == "her" && (rest.len() < 2 || !cx.is_word(rest.start + 1));
        cx.is_pronoun(rest.start)
            || matches!(
                w,
                "the"
                    | "a"
                    | "an"
                    | "there"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "our"
                    | "my"
            ) && !her_object
    };
    let short_tail = rest.len() <= 7
        && !clause_after
        && rest.clone().all(|j| cx.low(j) != "that");
    let parenthetical = cue.end < s.end && cx.word(cue.end) == ",";
    // "Coffee drinkers live longer, large study finds — but experts urge
    // caution": a dash after the tag opens a clause of its own.
    let dashed =
        cue.end < s.end && matches!(cx.word(cue.end), "—" | "–" | "--");
    // "…, the sheriff told reporters at a news conference on Monday.":
    // who was told comes before where and when.
    let told_whom = past_addressee(cx, cue, cue.end, s.end);
    // "…, top lawmakers said Friday afternoon, as they …".
    let after_time = skip_circumstance(cx, cue.end, s.end);
    let timed = after_time > cue.end && cx.word(after_time) == ",";
    // "…, a prosecutor told jurors Tuesday as the trial got underway",
    // "…, Obama told his closest advisers as he labored over …": who
    // was told and when, then a clause of time, not what was said.
    let told = matches!(cue.cue.lemma.as_str(), "say" | "tell")
        && !(cue.end < s.end && cx.is_pronoun(cue.end));
    let while_clause = told
        && (cue.end + 1..(cue.end + 5).min(s.end)).any(|k| {
            matches!(cx.low(k), "as" | "when" | "while")
                && (cue.end..k).all(|j| {
                    cx.is_word(j)
                        && cx.low(j) != "that"
                        && cx.cue_at(j).is_none()
                })
        });
    // "…, the two leaders said in a joint statement after a day of
    // talks.": where, then when, to the sentence's end.
    // So is with or to whom a venue was made: "…, the company said in a
    // filing with federal regulators published on Friday."
    let placed_from = |k: usize| {
        k > cue.end
            && (is_preposition(cx.low(k))
                || (matches!(cx.low(k), "with" | "to")
                    && is_venue(cx.low(k - 1))))
            && adjunct_to_end(cx, k, s.end)
    };
    // "…, the company said in a press release issued on Monday.": a
    // venue and a participle of it, and nothing more.
    let placed = placed_from(after_time)
        || placed_from(told_whom)
        || past_place(cx, cue.end, s).is_none();
    // "…, the poll found, though many are undecided": nothing after the
    // cue is its complement, so a cue that needs one has it before.
    let conjunction_after =
        parenthetical && is_clause_conjunction(cx.low(cue.end + 1));
    let complement_before = rest.is_empty() || dashed || conjunction_after;
    if !(short_tail
        || parenthetical
        || dashed
        || timed
        || placed
        || while_clause)
        || (cue.cue.needs_complement && !complement_before)
    {
        return None;
    }
    // The title's closing mark stays with the words it closes.
    let last = if cx.word(sp.0 - 1) == "," { sp.0 - 1 } else { sp.0 };
    let content = trim(cx, s.first, last)?;
    // "The state attorney general, Keith Ellison, said …": what comes
    // before is the speaker's appositive, not what was said. Not "A new
    // campaign manager, he said, could …": there it is the subject.
    let role = content.1 - content.0 <= 5
        && cx.is_determiner(content.0)
        && (content.0 + 1..content.1).all(|j| {
            cx.is_word(j) && !cx.is_determiner(j) && !cx.is_pronoun(j)
        })
        && (cx.is_speaker_noun(content.1 - 1)
            || crate::resolve::names::is_title(cx.word(content.1 - 1)));
    // "The owner of a bakery on Elm Road, Carla Mendes, said": so is a
    // speaker noun with a preposition's phrase after it, when a name
    // is set off between it and the cue.
    let described = content.1 - content.0 <= 12
        && cx.is_determiner(content.0)
        && cx.is_speaker_noun(content.0 + 1)
        && cx.is_preposition(content.0 + 2)
        && (content.0 + 1..content.1)
            .all(|j| cx.is_word(j) && cx.cue_at(j).is_none())
        && cx.is_capitalised(sp.0)
        && sp.0 >= 2
        && cx.word(sp.0 - 1) == ",";
    // "In the Horgos free-trade zone, Chinese traders say business is
    // poor": a phrase on where or when opens the sentence; it is said of
    // nothing.
    // "Asked whether …, Manzanares said no decision had been made": the
    // question opens the sentence; the answer follows the cue.
    let question =
        matches!(cx.low(content.0), "asked" | "pressed" | "questioned");
    let adverbial = is_preposition(cx.low(content.0))
        && (content.0..content.1)
            .all(|j| cx.is_word(j) && cx.cue_at(j).is_none());
    if !parenthetical && (role || described || adverbial || question) {
        return None;
    }
    let words = (content.0..content.1).filter(|&j| cx.is_word(j)).count();
    // "The plan, she said, will fail": a short subject before a
    // parenthetical cue, whose clause goes on after it. Not "In addition,
    // he added, …" nor "However, she said, …": the content follows.
    let first = cx.low(content.0);
    let subject = parenthetical
        && words >= 2
        && (content.0..content.1).all(|j| {
            cx.is_word(j) && !matches!(cx.low(j), "that" | "which" | "who")
        })
        && !is_preposition(first)
        && !first.ends_with("ly")
        && !is_linking_word(first)
        && !matches!(
            first,
            "now"
                | "then"
                | "first"
                | "second"
                | "finally"
                | "for"
                | "of"
                | "as"
                | "even"
                | "because"
        );
    // "Classes resume Tuesday, the district said.": a short clause
    // before a tag that ends the sentence is what was said.
    let ends = rest.clone().all(|j| !cx.is_word(j));
    let short_ok = ends && words >= 3;
    if words < 4 && !subject && !short_ok {
        // "In addition, he added, …": the content follows the cue.
        return None;
    }
    let mut f =
        found(cx, Some(sp), cue, content, "reported/speaker-after-content");
    let mut claimed = (s.first, cue.end);
    // "The plan, he said, will fail": the clause goes on past the
    // parenthetical cue, and its rest is a second piece of the content.
    // Not when another clause starts there (", adding that …", ", but
    // …", ", as …"): `content_end` from the comma stops at once.
    let joined =
        matches!(cx.low(cue.end + 1), "and" | "but" | "or" | "so" | "yet");
    // "None of the workers has symptoms, he said, and all have been
    // offered medicine": a clause joined after the tag goes on with what
    // was said, its conjunction included, when no cue of its own in it
    // reports someone else; a passive one ("have been offered") reports
    // no one.
    if parenthetical {
        let start = cue.end + 1;
        let end = if joined {
            content_end(cx, start + 1, s.end)
        } else {
            content_end(cx, cue.end, s.end)
        };
        let own_cue = joined
            && (start + 1..end).any(|j| {
                !cx.in_quote[j]
                    && cx.cue_at(j).is_some()
                    && !is_be(cx.low(j - 1))
            });
        if !own_cue
            && let Some(rest) = trim(cx, start, end)
            && !cx.any_used(rest.0, rest.1)
        {
            f.content.push(cx.span(rest.0, rest.1));
            claimed.1 = rest.1;
        }
    }
    Some((f, claimed))
}

/// "…, said X." The speaker comes after the cue.
fn inverted(
    cx: &Context,
    s: Sentence,
    cue: &CueMatch,
) -> Option<(Found, (usize, usize))> {
    // In a headline in title case ("Fed Holds Rates Steady, Signals Cuts
    // Later This Year") every word after the cue looks like a name.
    if cue.first < s.first + 3
        || cx.word(cue.first - 1) != ","
        || cue.cue.needs_complement
        || cx.is_title_case(cue.first)
    {
        return None;
    }
    let sp = cx.speaker_after(cue.end, s.end)?;
    let tail = sp.1..s.end;
    let apposed = cx.word(sp.1) == ",";
    // "A juror, who lives nearby, said the nurses were right": a verb
    // after the phrase makes it the subject of what was said, not the
    // one who said it.
    let verb = sp.1 < s.end && super::learned::is_verb_part(cx.low(sp.1));
    if (tail.len() > 3 && !apposed) || verb || cx.any_used(s.first, sp.1) {
        return None;
    }
    let content = trim(cx, s.first, cue.first - 1)?;
    let f = found(cx, Some(sp), cue, content, "reported/inverted");
    Some((f, (s.first, sp.1)))
}

/// "X said (that) …": the content follows the cue.
fn forward(
    cx: &Context,
    s: Sentence,
    cue: &CueMatch,
    sp: (usize, usize),
) -> Option<(Found, (usize, usize))> {
    let (start, complement) = content_start(cx, s, cue)?;
    // "the poll found, though many are undecided": a clause joined to
    // the sentence, not what was found. Not "said although the vote was
    // a step forward, it was flawed", nor "added, though, that …".
    let joined = cx.low(start) == "but"
        || (cx.word(start) == ","
            && is_clause_conjunction(cx.low(start + 1))
            && cx.word(start + 2) != ",");
    if joined {
        return None;
    }
    let document_speaker = is_document_noun(cx.low(sp.1 - 1));
    if cue.cue.needs_complement && !complement && !document_speaker {
        return None;
    }
    let mut end = content_end(cx, start, s.end);
    // "Commissioner Frank Dorsey, who wrote the ban, called the ruling
    // disappointing": the relative clause ends at the comma before the
    // main clause's verb, and so does what it said.
    let relative = sp.1 >= 2
        && matches!(cx.low(sp.1 - 1), "who" | "which")
        && cx.word(sp.1 - 2) == ",";
    if relative
        && let Some(comma) = (start..end).find(|&j| {
            cx.word(j) == ","
                && j + 1 < end
                && cx.is_word(j + 1)
                && !cx.is_capitalised(j + 1)
                && (cx.low(j + 1).ends_with("ed")
                    || cx.cue_at(j + 1).is_some_and(|c| !c.cue.participle))
        })
    {
        end = comma;
    }
    let content = trim(cx, start, end)?;
    let words = (start..end).filter(|&j| cx.is_word(j)).count();
    if words < 2 || cx.any_used(start, end) {
        return None;
    }
    // "It appears that …", "it seemed, at least, that …": an empty
    // subject, whose verb has no speaker.
    let empty = sp.1 == sp.0 + 1
        && cx.low(sp.0) == "it"
        && matches!(cue.cue.lemma.as_str(), "appear" | "seem");
    let f = found(
        cx,
        (!empty).then_some(sp),
        cue,
        content,
        "reported/speaker-before",
    );
    Some((f, (sp.0, end)))
}

/// ", saying that …": the speaker is the one the sentence already quoted
/// (`prior`), else the sentence's subject.
fn participle(
    cx: &Context,
    s: Sentence,
    cue: &CueMatch,
    prior: Option<Span>,
) -> Option<(Found, (usize, usize))> {
    // “…,” the source recalled, adding that …: the tag's speaker ("…,
    // he said, before adding …" too).
    let comma =
        (s.first + 1..cue.first).rev().take(2).find(|&j| cx.word(j) == ",");
    let tag = comma
        .filter(|&c| c > s.first)
        .and_then(|c| cx.tag_speaker_before(s, c))
        .map(|(a, b)| cx.span(a, b));
    let speaker = tag
        .or(prior)
        .or_else(|| cx.subject(s, cue.first).map(|(a, b)| cx.span(a, b)))?;
    let (start, complement) = content_start(cx, s, cue)?;
    if cue.cue.needs_complement && !complement {
        return None;
    }
    let end = content_end(cx, start, s.end);
    let content = trim(cx, start, end)?;
    let mut f = found(cx, None, cue, content, "reported/participle");
    f.speaker = Some(speaker);
    Some((f, (cue.first, end)))
}

/// The pronoun that opens the clause the first of two joined verbs
/// stands in, when a comma, a parenthesis or a word of cause or
/// concession opens that clause: "Though she called the bank's
/// behavior “outrageous” and called for …", "when my mother mentioned
/// the devil …, I laughed and said". Not after a word of time: in
/// "McConnell was quick to embrace the mogul after he clinched the
/// nomination and said", the main clause's subject says. Looked for
/// from `and` back to the sentence's start.
fn clause_pronoun(
    cx: &Context,
    s: Sentence,
    and: usize,
) -> Option<(usize, usize)> {
    let p = (s.first + 1..and).rev().find(|&j| {
        matches!(cx.low(j), "he" | "she" | "they" | "i" | "we")
            && !cx.in_quote[j]
            && (matches!(cx.word(j - 1), "," | "(")
                || matches!(
                    cx.low(j - 1),
                    "because" | "although" | "though" | "since"
                ))
    })?;
    (p + 1 < and).then_some((p, p + 1))
}

/// "X denied A and requested B": the second verb shares the speaker of
/// the attribution that ends right before its "and".
fn coordinated(
    cx: &Context,
    s: Sentence,
    cue: &CueMatch,
    first: usize,
    out: &[Found],
) -> Option<(Found, (usize, usize))> {
    let and = cx.seg.tokens[first - 1].span;
    // The attribution whose content ends right before the "and": any
    // made so far, as the quotation rules run before these and every
    // later sentence's quotations may come after it in `out`.
    let prior = out.iter().rev().find(|f| {
        let end = f.content_end();
        let gap = cx.text.get(end..and.start()).unwrap_or("x");
        let gap = gap.trim();
        f.speaker.is_some()
            && end <= and.start()
            && (gap.is_empty() || gap == ",")
    });
    // Else the verb shares the sentence's subject: "House Democrats
    // seized the floor on Wednesday and said they would stay".
    // Only an inflected verb is taken so ("and said", not "and state
    // legislators"), and never an "-ing" form.
    let inflected = cx.low(cue.first) != cue.cue.lemma && !cue.cue.participle;
    let speaker = match prior {
        Some(f) => f.speaker,
        None if inflected => clause_pronoun(cx, s, first - 1)
            .or_else(|| cx.subject(s, first - 1))
            .map(|(a, b)| cx.span(a, b)),
        None => None,
    }?;
    // "… and accused by the news media of beating his wife": a passive
    // verb's agent follows it; its subject is no speaker.
    if cue.end < s.end && cx.low(cue.end) == "by" {
        return None;
    }
    let (start, complement) = content_start(cx, s, cue)?;
    if cue.cue.needs_complement && !complement {
        return None;
    }
    // "City engineers say the plan would remove 38 spaces but add 25":
    // a bare verb after a modal in what was said goes on with the modal,
    // unless a complement shows it reports ("and add that …").
    let bare = cx.low(cue.first) == cue.cue.lemma;
    let modal_before = prior.is_some_and(|f| {
        f.content.last().is_some_and(|c| {
            let (a, b) = cx.tokens_of(*c);
            (a..b).any(|j| is_modal(cx.low(j)))
        })
    });
    if bare && modal_before && !complement {
        return None;
    }
    let end = content_end(cx, start, s.end);
    let content = trim(cx, start, end)?;
    let mut f = found(cx, None, cue, content, "reported/coordinated-verb");
    f.speaker = Some(speaker);
    Some((f, (cue.first, end)))
}

/// "Central bank holds rates steady, warns inflation ‘not yet beaten’":
/// in a headline, an inflected verb in "-s" after a comma at `p` shares
/// the line's subject, as a verb after "and" does. A headline is the
/// document's first paragraph, a sentence of its own.
fn headline_second_verb(
    cx: &Context,
    s: Sentence,
    cue: &CueMatch,
    p: usize,
) -> bool {
    let w = cx.low(cue.first);
    p > s.first + 2
        && cx.word(p - 1) == ","
        && s.first == 0
        && cx.seg.tokens.get(s.end).is_none_or(|t| t.paragraph != 0)
        && w.ends_with('s')
        && w != cue.cue.lemma
        && !cue.cue.participle
}

/// Where the content starts after the cue, and whether a complement
/// ("that", "to", "whether") opens it. "rejected that argument", "said
/// that claim smacked of hypocrisy": a "that" before a noun for a claim
/// is the noun's determiner, and the content holds it (PolNeAR's gold
/// does in all 12 such contents of train and dev).
fn content_start(
    cx: &Context,
    s: Sentence,
    cue: &CueMatch,
) -> Option<(usize, bool)> {
    let (start, complement) = content_start_after(cx, s, cue)?;
    let demonstrative = start > cue.end
        && cx.low(start - 1) == "that"
        && is_claim_noun(cx.low(start));
    Some((if demonstrative { start - 1 } else { start }, complement))
}

/// Singular nouns that name a claim or an account of events, which a
/// "that" before them determines.
fn is_claim_noun(word: &str) -> bool {
    matches!(
        word,
        "account"
            | "allegation"
            | "argument"
            | "assertion"
            | "assessment"
            | "charge"
            | "characterization"
            | "claim"
            | "conclusion"
            | "criticism"
            | "description"
            | "estimate"
            | "figure"
            | "finding"
            | "idea"
            | "notion"
            | "number"
            | "report"
            | "statement"
            | "suggestion"
            | "theory"
            | "version"
            | "view"
    )
}

/// [`content_start`], reading every "that" as opening a clause.
fn content_start_after(
    cx: &Context,
    s: Sentence,
    cue: &CueMatch,
) -> Option<(usize, bool)> {
    let mut k = cue.end;
    // "said that", "said last week that", and after a longer phrase of
    // where and when ("said in a written statement in March that") when
    // a preposition opens it.
    // No cue between, but for a participle after an article ("a written
    // statement") or a word for where it was said ("a blog post").
    // Nor for a participle after that word ("in a notice posted on its
    // website").
    // Nor a clause of its own: "said there was no indication that its
    // equipment was involved" says there was none.
    let plain = |k: usize, j: usize| {
        let w = cx.low(j);
        // "said in its written decision, published on Tuesday, that",
        // "in Madison, Wisconsin, that": a comma inside a phrase of where
        // it was said, before a participle, a place, a preposition or the
        // "that" (not before an object: "described, in blistering terms,
        // a set of practices that …").
        let comma = w == "," && j > k && is_preposition(cx.low(k)) && {
            let next = cx.low(j + 1);
            // "in its letter, written by …": a participle in "-en"
            // with its agent.
            next == "that"
                || next.ends_with("ed")
                || (next.ends_with("en") && cx.low(j + 2) == "by")
                || cx.is_capitalised(j + 1)
                || is_preposition(next)
        };
        comma
            || cx.is_word(j)
                && !super::learned::is_verb_part(w)
                && !is_contracted_verb(w)
                && !matches!(w, "there" | "no" | "it" | "this" | "nothing")
                && (cx.cue_at(j).is_none()
                    || (j > k && matches!(cx.low(j - 1), "a" | "an" | "the"))
                    // "in its written decision": after an owner, only
                    // before a venue ("repeated his claim that" is not).
                    || (j > k
                        && matches!(cx.low(j - 1), "its" | "his" | "her" | "their")
                        && is_venue(cx.low(j + 1)))
                    || (j > k && is_venue(cx.low(j)))
                    || (j > k
                        && (is_venue(cx.low(j - 1)) || cx.word(j - 1) == ",")
                        && (cx.low(j).ends_with("ed")
                            || cx.low(j).ends_with("en"))))
    };
    // A "that" within `reach` of `k`, with only plain words before it.
    // Not "proposed just that in 2013.": a "that" with nothing after it
    // but when or where is a pronoun, what was proposed (after a
    // preposition, "mean by that?", it is a pronoun of no content).
    let that_from = |k: usize, reach: usize| {
        (k..(k + reach).min(s.end))
            .find(|&j| cx.low(j) == "that")
            .filter(|&t| (k..t).all(|j| plain(k, j)))
            .filter(|&t| {
                let past = skip_circumstance(cx, t + 1, s.end);
                (past..s.end).any(|j| cx.is_word(j))
                    || (t > k && cx.is_preposition(t - 1))
            })
    };
    // "told a packed meeting at the town hall on Tuesday night that":
    // an addressee, then where and when.
    let addressed = TAKES_ADDRESSEE.contains(&cue.cue.lemma.as_str())
        && matches!(cx.low(k), "a" | "an" | "the");
    let reach = if is_preposition(cx.low(k)) || addressed { 12 } else { 5 };
    if let Some(t) = that_from(k, reach) {
        return Some((t + 1, true));
    }
    // "said, in a telephone interview, that …": where it was said, set
    // off by commas, before the "that".
    let commas = |mut j: usize| {
        while j < s.end && cx.word(j) == "," {
            j += 1;
        }
        j
    };
    let set_off = commas(k);
    let past = skip_circumstance(cx, set_off, s.end);
    let t = commas(past);
    if past > set_off && t + 1 < s.end && cx.low(t) == "that" {
        return Some((t + 1, true));
    }
    if set_off > k
        && let Some(that) = that_after_set_off(cx, set_off - 1, s.end)
    {
        return Some((that + 1, true));
    }
    k = past_addressee(cx, cue, k, s.end);
    k = past_place(cx, k, s)?;
    if k > cue.end && only_when_or_whom(cx, k, s.end) {
        return None;
    }
    // "said Sunday in Virginia as the crowd roared", "told reporters
    // while leaving": past where and when, a clause of time, not what
    // was said.
    if k > cue.end && matches!(cx.low(k), "as" | "while") {
        return None;
    }
    while k < s.end && matches!(cx.word(k), ":" | "," | "—") {
        k += 1;
    }
    // "told employees in a memo, which was reviewed by The Times, that
    // …": a clause on where it was said, set off by commas.
    if k > cue.end
        && cx.word(k - 1) == ","
        && matches!(cx.low(k), "which" | "who")
        && let Some(comma) =
            (k + 1..(k + 12).min(s.end)).find(|&j| cx.word(j) == ",")
        && comma + 2 < s.end
        && cx.low(comma + 1) == "that"
    {
        return Some((comma + 2, true));
    }
    // "told Reuters that …": a "that" after the addressee, maybe after
    // a phrase on when or where ("told reporters after a late-night
    // session that …").
    if k + 1 < s.end && k > cue.end && cx.low(k) == "that" {
        return Some((k + 1, true));
    }
    if k > cue.end
        && is_preposition(cx.low(k))
        && let Some(t) = that_from(k, 12)
        && t + 1 < s.end
    {
        return Some((t + 1, true));
    }
    if cue.cue.lemma == "dismiss" && dismisses_a_job_holder(cx, k, s.end) {
        return None;
    }
    let low = cx.low(k);
    let infinitive =
        low == "to" && TAKES_INFINITIVE.contains(&cue.cue.lemma.as_str());
    let complement =
        infinitive || matches!(low, "whether" | "if" | "how" | "why" | "what");
    (k < s.end).then_some((k, complement))
}

/// The "that" after a word or three of no cue that the comma at token
/// `comma` sets off, with words after it before `limit`: "said, however,
/// that …", "believes, for example, that …", "said, twice, that …".
pub(super) fn that_after_set_off(
    cx: &Context,
    comma: usize,
    limit: usize,
) -> Option<usize> {
    let close =
        (comma + 2..(comma + 5).min(limit)).find(|&j| cx.word(j) == ",")?;
    let words =
        (comma + 1..close).all(|j| cx.is_word(j) && cx.cue_at(j).is_none());
    (words && close + 2 < limit && cx.low(close + 1) == "that")
        .then_some(close + 1)
}

/// Where the words after a cue that takes an addressee ("told
/// reporters", "warned the council") go on past it, from token `k`; `k`
/// for any other cue, or when a subject pronoun opens the clause said
/// ("warned it would …").
fn past_addressee(
    cx: &Context,
    cue: &CueMatch,
    k: usize,
    end: usize,
) -> usize {
    if !TAKES_ADDRESSEE.contains(&cue.cue.lemma.as_str()) {
        return k;
    }
    let subject = matches!(
        cx.low(k),
        "he" | "she" | "it" | "we" | "they" | "i" | "there"
    );
    if let Some((_, e)) = cx.speaker_after(k, end).filter(|_| !subject) {
        e
    } else if matches!(
        cx.low(k),
        "reporters" | "him" | "her" | "them" | "us" | "me" | "you"
    ) {
        k + 1
    } else {
        k
    }
}

/// True when "dismissed" at token `k` on means a job was lost, not a
/// claim rejected: its object, in the first four words, is someone who
/// holds a job ("dismissed their manager", "dismissed 200 workers"), and
/// no "as" follows to say what they were dismissed as ("dismissed the
/// adviser as a crank" rejects what the adviser said).
pub(crate) fn dismisses_a_job_holder(
    cx: &Context,
    k: usize,
    end: usize,
) -> bool {
    const JOB_HOLDERS: &[&str] = &[
        "manager",
        "managers",
        "coach",
        "employee",
        "employees",
        "worker",
        "workers",
        "staff",
        "staffers",
        "executive",
        "executives",
        "director",
        "officer",
        "officers",
        "head",
        "chief",
        "player",
        "players",
        "teacher",
        "teachers",
        "minister",
        "ministers",
        "employer",
        "guard",
        "guards",
        "crew",
    ];
    let holder =
        (k..(k + 4).min(end)).any(|j| JOB_HOLDERS.contains(&cx.low(j)));
    let as_what = (k..(k + 12).min(end)).any(|j| cx.low(j) == "as");
    holder && !as_what
}

/// The content runs to the sentence's end, or to the first clause
/// boundary that starts something else: ", adding …", "; …", ", but he
/// and others argue …", ", and more than 4 in 10 said …", ", although
/// …", ", who has a lead …" (a relative clause on the last name).
pub(crate) fn content_end(cx: &Context, start: usize, end: usize) -> usize {
    // "One contractor who testified for the prosecution, Frank DeLuca,
    // said …": the content of a cue in a relative clause.
    let in_relative = (start.saturating_sub(4)..start)
        .any(|k| matches!(cx.low(k), "who" | "which"));
    // Whether a cue follows ", but" is asked at every such comma; the
    // last cue of the range, found once, answers them all, so a sentence
    // of many ", but"s costs one pass, not one per comma.
    let last_cue = std::cell::OnceCell::new();
    let cue_from = |from: usize| {
        let last = *last_cue.get_or_init(|| {
            (start..end)
                .rev()
                .find(|&j| !cx.in_quote[j] && cx.cue_at(j).is_some())
        });
        last.is_some_and(|j| j >= from)
    };
    // A cue inside a sentence's opening subordinate clause ("As the
    // administration seeks to foster cooperation, it faces …"): the
    // clause, and so the content, ends at its comma.
    let opening = start < end && {
        let first = cx.sentence(start).first;
        SUBORDINATORS.contains(&cx.low(first))
            && !(first..start).any(|j| cx.word(j) == ",")
    };
    // "… said that X, and that Y": a second "that" clause carries on
    // the same claim.
    let that_clause =
        cx.low(start) == "that" || (start > 0 && cx.low(start - 1) == "that");
    (start + 1..end)
        .find(|&j| {
            if cx.word(j - 1) == ";" || (opening && cx.word(j - 1) == ",") {
                return true;
            }
            let and_that = |k: usize| {
                matches!(cx.low(k), "and" | "but") && cx.low(k + 1) == "that"
            };
            if that_clause && (and_that(j) || and_that(j - 1)) {
                return false;
            }
            // "… had been taken, and that it would offer …", "… since
            // Monday, but that it was too early to say": after a comma, a
            // second "that" clause with its own subject carries on the
            // claim even when the first had no "that", whatever cue it
            // holds. Not "…, and that is why" nor "…, but that report
            // concerned …", where "that" points back.
            if comma_before(cx, j) && and_that(j) && opens_subject(cx, j + 2) {
                return false;
            }
            // "an official who asked not to be named said …": the
            // relative clause's request ends at the main clause's cue
            // (token `j - 1`; the content ends before it).
            if in_relative
                && j >= start + 2
                && ends_anonymity_request(cx.low(j - 2))
                && cx.cue_at(j - 1).is_some_and(|c| !c.cue.participle)
            {
                return true;
            }
            comma_before(cx, j)
                && (cx.cue_at(j).is_some_and(|c| {
                    c.cue.participle
                        || (!c.cue.needs_complement
                            && !cx.is_capitalised(j)
                            && !past_participle_phrase(cx, j, end))
                }) || (cx.low(j) == "according" && cx.low(j + 1) == "to")
                    || (CONCESSIVE.contains(&cx.low(j))
                        && !aside(cx, j, end)
                        && !as_word_as(cx, j))
                    // "… to counter illicit fentanyl,” including during a
                    // meeting …": after a quotation, what it includes is
                    // the writer's; after plain words, part of the claim
                    // ("… on immigration issues, including …").
                    || (cx.low(j) == "including" && closes_quotation(cx, j - 1))
                    || (matches!(cx.low(j), "but" | "and") && cue_from(j))
                    // "…, after county officials said …": a clause of
                    // time whose own speaker speaks.
                    || (matches!(cx.low(j), "after" | "before")
                        && new_attribution(cx, j + 1, end))
                    || (cx.low(j) == "who" && !inside_subject(cx, j, end))
                    || parenthetical_attribution(cx, j, end)
                    || (in_relative
                        && (named_subject(cx, j, end)
                            || back_to_main_clause(cx, start, j, end))))
                || (matches!(cx.low(j - 1), "and" | "but")
                    && (coordinated_cue(cx, j)
                        || new_attribution(cx, j, end)
                        // "… and called the plan “a fraud”": the naming
                        // rule claimed it first.
                        || (cx.used[j]
                            && !cx.in_quote[j]
                            && super::called::is_naming(cx.low(j)))))
        })
        // A closing quotation mark after the comma stays with the words
        // it closes.
        .map_or(end, |j| if closes_quotation(cx, j - 1) { j } else { j - 1 })
}

/// True when the "who" clause at token `j` is set off inside a subject
/// whose verb comes after it: "said her sister, who lives two doors
/// away, had rung her". The clause closes with a comma within twenty
/// words, with no quotation mark in it, and a finite auxiliary follows
/// that comma.
fn inside_subject(cx: &Context, j: usize, end: usize) -> bool {
    let Some(close) = (j + 2..(j + 20).min(end)).find(|&k| {
        cx.word(k) == "," || cx.seg.tokens[k].kind == TokenKind::Quote
    }) else {
        return false;
    };
    cx.word(close) == ","
        && close + 1 < end
        && is_finite_verb(cx.low(close + 1))
}

/// A finite auxiliary, or "did" or "does".
fn is_finite_verb(w: &str) -> bool {
    is_finite_auxiliary(w) || matches!(w, "did" | "does")
}

/// True when token `j` can open a clause's subject after "that": a
/// pronoun, an article or a possessive, a number or a capitalised name
/// ("that it would", "that the criticism", "that Clinton placed"), not
/// a plain noun ("that report") nor a verb ("that is why").
fn opens_subject(cx: &Context, j: usize) -> bool {
    cx.is_capitalised(j)
        || cx.low(j).starts_with(|c: char| c.is_ascii_digit())
        || cx.is_determiner(j)
        || cx.is_pronoun(j)
        || matches!(cx.low(j), "there" | "both" | "all")
}

/// "the second goal, conceded two minutes before half-time, had …": a
/// past form in "-ed" after a comma, followed by a number or by a
/// preposition of time or place and by no speaker, is a participle set
/// off inside the claim, not a new cue with a speaker.
fn past_participle_phrase(cx: &Context, j: usize, end: usize) -> bool {
    let w = cx.low(j);
    let after = cx.low(j + 1);
    w.ends_with("ed")
        && j + 1 < end
        && (after.starts_with(|c: char| c.is_ascii_digit())
            || crate::model::is_number_word(after)
            || matches!(after, "in" | "on" | "at" | "during" | "by"))
        && cx.speaker_after(j + 1, end).is_none()
}

/// True when a comma ends the text before token `j`, also inside a
/// quotation that closes there ("… fentanyl,” including …").
fn comma_before(cx: &Context, j: usize) -> bool {
    cx.word(j - 1) == ","
        || (j >= 2 && cx.word(j - 2) == "," && closes_quotation(cx, j - 1))
}

/// True when token `j` is a quotation's closing mark: a mark right
/// after the quotation's words.
fn closes_quotation(cx: &Context, j: usize) -> bool {
    j > 0
        && cx.seg.tokens[j].kind == TokenKind::Quote
        && !cx.in_quote[j]
        && cx.in_quote[j - 1]
}

/// The first token from `j` (before `end`) that is no lower-case adverb
/// in "-ly" ("falsely", "quickly").
fn past_adverbs(cx: &Context, mut j: usize, end: usize) -> usize {
    while j < end && cx.low(j).ends_with("ly") && !cx.is_capitalised(j) {
        j += 1;
    }
    j
}

/// "… and requested …", "… and falsely claiming …": a second cue verb
/// joined to the first, maybe after an adverb.
fn coordinated_cue(cx: &Context, j: usize) -> bool {
    let j = past_adverbs(cx, j, cx.len());
    // A cue that can be a noun or adjective ("and state law", "and post
    // offices") ends the content as a bare stem only before what a verb
    // takes ("and describe their actions").
    let object = cx.is_determiner(j + 1)
        || matches!(
            cx.low(j + 1),
            "that" | "to" | "it" | "him" | "them" | "us"
        );
    // "said her client was innocent and hoped to be released": a verb of
    // belief or intent after "and" goes on with what was said.
    !cx.is_capitalised(j)
        && cx.cue_at(j).is_some_and(|c| {
            (!cx.is_bare_noun(j, &c) || object)
                && c.cue.class != crate::model::CueClass::Believed
        })
}

/// "… and Democrats accused the GOP of …": a clause joined by "and" or
/// "but" whose subject speaks with a cue verb of its own reports another
/// claim; not inside a quotation ("“… and I think …”").
fn new_attribution(cx: &Context, j: usize, end: usize) -> bool {
    if cx.in_quote[j] {
        return false;
    }
    let Some(e) = cx.speaker_after(j, end).map(|(_, e)| e).or_else(|| {
        group_subjects_from(cx, j, end)
            .find(|&(k, _)| cx.cue_at(k).is_some())
            .map(|(k, _)| k)
    }) else {
        return false;
    };
    let k = cx.skip_auxiliaries(e, end);
    k < end && cx.cue_at(k).is_some_and(|c| !c.cue.participle)
}

/// ", while troublesome, was …": a conjunction at `j` whose clause is
/// a few words closed by a comma before the sentence goes on, an aside
/// inside the claim rather than a clause after it.
fn aside(cx: &Context, j: usize, end: usize) -> bool {
    (j + 2..(j + 5).min(end))
        .find(|&k| cx.word(k) == ",")
        .is_some_and(|comma| !(j + 1..comma).any(|k| cx.cue_at(k).is_some()))
}

/// ", as well as …", ", as soon as Monday", ", as far as I'm concerned":
/// "as", a word and "as" again at `j` join a phrase to the claim, not a
/// clause of its own.
fn as_word_as(cx: &Context, j: usize) -> bool {
    cx.low(j) == "as" && cx.is_word(j + 1) && cx.low(j + 2) == "as"
}

/// Conjunctions that open a subordinate clause before a main one.
pub(crate) const SUBORDINATORS: &[&str] = &[
    "after", "although", "as", "because", "before", "if", "since", "though",
    "unless", "when", "whereas", "while",
];

/// Conjunctions after which a clause no longer reports the same claim.
const CONCESSIVE: &[&str] = &["although", "as", "though", "whereas", "while"];

/// True when a word after a comma opens a clause that reports something
/// else: a concession or a contrast ("“fair and sustainable,” though he
/// acknowledged …").
pub(crate) fn opens_other_clause(w: &str) -> bool {
    CONCESSIVE.contains(&w) || is_clause_conjunction(w)
}

/// "One contractor who testified for the prosecution, Frank DeLuca,
/// said …": a name set off by commas, then a verb that reports on its
/// own, is the subject of a new attribution; the relative clause before
/// it ends at its first comma.
fn named_subject(cx: &Context, j: usize, end: usize) -> bool {
    let Some((a, e)) = cx.speaker_after(j, end) else { return false };
    if !(a..e).all(|k| cx.is_capitalised(k) || !cx.is_word(k))
        || cx.word(e) != ","
    {
        return false;
    }
    // Right after the comma: "Frank DeLuca, said", not "…, has said".
    cx.cue_at(e + 1)
        .is_some_and(|c| !c.cue.participle && !c.cue.needs_complement)
}

/// "The mayor, who said the bridge was unsafe, has ordered it shut": in a
/// relative clause, a comma and then a finite verb, maybe after an
/// adverb, hand the sentence back to the main clause, so the relative
/// clause, and the claim in it, ended at the comma. Not when the claim
/// set something off with a comma before ("who said the plan, which is
/// costly, is bad"): the verb may be the claim's.
fn back_to_main_clause(
    cx: &Context,
    start: usize,
    j: usize,
    end: usize,
) -> bool {
    let k = past_adverbs(cx, j, end);
    k < end
        && is_finite_verb(cx.low(k))
        && !(start..j - 1).any(|i| cx.word(i) == ",")
}

/// ", a senior official said," inside a clause, or ", researchers
/// reported on Tuesday." closing it: another attribution, which ends the
/// content before it.
fn parenthetical_attribution(cx: &Context, j: usize, end: usize) -> bool {
    let said_after = |e: usize| {
        let k = cx.skip_auxiliaries(e, end);
        let Some(c) = cx.cue_at(k) else { return false };
        // "said", "reported", "wrote": a cue that attributes on its own,
        // maybe followed by when or where ("reported on Tuesday").
        let said = c.cue.lemma == "say"
            || (!c.cue.needs_complement && !c.cue.participle);
        let after = skip_circumstance(cx, c.end, end);
        // "… in a joint statement after a day of talks.": a phrase on
        // when or where, with no clause of its own, may close the
        // sentence.
        let adjunct =
            || is_preposition(cx.low(after)) && adjunct_to_end(cx, after, end);
        said && (after == end
            || matches!(cx.word(after), "," | ".")
            || adjunct())
    };
    if cx.speaker_after(j, end).is_some_and(|(_, e)| said_after(e)) {
        return true;
    }
    group_subjects_from(cx, j, end).any(|(_, e)| said_after(e))
}

/// "…, negotiators from both sides said.": for each token `k` a few
/// words on from token `j`, the end `e` of a group's subject from `j`
/// that reaches `k` over auxiliaries only, as `(k, e)`. Such a subject
/// opens with a lower-case word, so other openings are not read on.
fn group_subjects_from<'c>(
    cx: &'c Context,
    j: usize,
    end: usize,
) -> impl Iterator<Item = (usize, usize)> + 'c {
    let opens = cx.is_word(j) && !cx.is_capitalised(j);
    let to = if opens { (j + 9).min(end) } else { j };
    (j + 2..to).filter_map(move |k| {
        let e = cx.skip_auxiliaries_back(k, j);
        (cx.group_subject_before(e, j) == Some((j, e))).then_some((k, e))
    })
}

/// True when what is left from `k`, past where something was said, is
/// only when it was said ("in a joint statement after a day of talks.")
/// or to whom ("in a video message to the convention."; "to" before a
/// determiner or a name, not a verb): nothing said.
pub(crate) fn only_when_or_whom(cx: &Context, k: usize, end: usize) -> bool {
    let addressee = cx.low(k) == "to"
        && (cx.is_determiner(k + 1) || cx.is_capitalised(k + 1));
    let when = matches!(
        cx.low(k),
        "after" | "before" | "during" | "following" | "amid" | "at"
    );
    (addressee || when) && adjunct_to_end(cx, k, end)
}

/// True when tokens `from..end` hold no clause of their own: no comma,
/// "that", quotation, auxiliary or cue; a phrase on when or where.
fn adjunct_to_end(cx: &Context, from: usize, end: usize) -> bool {
    (from..end).all(|k| {
        let low = cx.low(k);
        !cx.in_quote[k]
            && cx.seg.tokens[k].kind != TokenKind::Quote
            && !matches!(cx.word(k), "," | ";" | ":")
            && low != "that"
            && !crate::extract::learned::is_verb_part(low)
            && cx.cue_at(k).is_none()
    })
}

/// The span of tokens `a..b` without punctuation at either end.
pub(crate) fn trim(
    cx: &Context,
    mut a: usize,
    mut b: usize,
) -> Option<(usize, usize)> {
    // Markdown's emphasis marks ("**Q: … pessimistic.**") are no text.
    let edge = |j: usize| {
        let w = cx.word(j);
        matches!(w, "." | "," | ";" | ":" | "—" | "-" | "!" | "?")
            || (!w.is_empty() && w.bytes().all(|b| b == b'*' || b == b'_'))
    };
    while a < b && edge(a) {
        a += 1;
    }
    while b > a && edge(b - 1) {
        b -= 1;
    }
    (b > a).then_some((a, b))
}

fn found(
    cx: &Context,
    sp: Option<(usize, usize)>,
    cue: &CueMatch,
    content: (usize, usize),
    rule: &'static str,
) -> Found {
    Found {
        speaker: sp.map(|(a, b)| cx.span(a, b)),
        cue: Some(cx.span(cue.first, cue.end)),
        class: cue.cue.class,
        content: vec![cx.span(content.0, content.1)],
        rule,
    }
}

/// True for a conjunction that joins a clause of its own to the
/// sentence ("but", "though"), never the start of what was said.
/// True for a word that only links a sentence to the one before it
/// ("However, she said, …", "But, according to X, …"): no part of what
/// was said.
pub(crate) fn is_linking_word(w: &str) -> bool {
    matches!(
        w,
        "but"
            | "and"
            | "yet"
            | "so"
            | "however"
            | "still"
            | "also"
            | "indeed"
            | "instead"
            | "meanwhile"
            | "moreover"
            | "furthermore"
            | "additionally"
    )
}

fn is_clause_conjunction(w: &str) -> bool {
    matches!(w, "but" | "though" | "although" | "whereas" | "yet")
}

/// Nouns for documents and recordings that speak for themselves ("one
/// study found", "Video shows").
pub(crate) fn is_document_noun(word: &str) -> bool {
    matches!(
        word,
        "analysis"
            | "data"
            | "document"
            | "documents"
            | "figures"
            | "footage"
            | "memo"
            | "poll"
            | "polls"
            | "report"
            | "reports"
            | "research"
            | "studies"
            | "study"
            | "survey"
            | "surveys"
            | "video"
            | "videos"
    )
}

/// Words that open a phrase of where, when or how something was said.
fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "via"
            | "through"
            | "outside"
            | "inside"
            | "near"
            | "aboard"
    )
}

pub(crate) fn is_be(word: &str) -> bool {
    matches!(word, "is" | "are" | "was" | "were" | "been" | "be" | "am")
}

/// Steps over when and where something was said, right after its cue:
/// "said Friday afternoon", "said last week", "wrote on Twitter", "said
/// in a statement", "told reporters on Tuesday".
pub(crate) fn skip_circumstance(
    cx: &Context,
    mut k: usize,
    end: usize,
) -> usize {
    loop {
        let low = cx.low(k);
        let step = if is_day(low) {
            1 + usize::from(is_part_of_day(cx.low(k + 1)))
        } else if is_time_or_medium(low, cx.low(k + 1)) {
            2
        } else if low == "in" && is_month_or_year(cx, k + 1) {
            // "wrote in September", "announced in 1992", "in March 2015".
            2 + usize::from(is_year(cx.word(k + 2)))
        } else if low == "in"
            && let place @ 1.. = named_place(cx, k + 1, end)
        {
            // "said Tuesday in Paris, noting …", "noted in The Intercept."
            1 + place
        } else if low == "in" && is_plural_venue(cx.low(k + 1)) {
            // "argued in interviews this week".
            2
        } else if matches!(low, "in" | "on" | "during")
            && matches!(
                cx.low(k + 1),
                "a" | "an" | "the" | "his" | "her" | "their" | "its"
            )
        {
            // "in a statement", or with a word before the venue: "in a
            // blog post", "in a television interview", which may be a
            // venue too ("in a radio interview", "in a press release").
            if cx.is_word(k + 2) && is_venue(cx.low(k + 3)) {
                4
            } else if is_venue(cx.low(k + 2)) {
                3
            } else {
                0
            }
        } else {
            0
        };
        if step == 0 || k + step > end {
            return k;
        }
        k += step;
    }
}

/// The length of a name of up to four capitalised words at token `k`
/// ("Paris", "The Intercept", "Des Moines") that a clause's edge follows:
/// punctuation, or a word opening a clause of when or how. 0 for none.
fn named_place(cx: &Context, k: usize, end: usize) -> usize {
    let run = |from: usize| {
        (from..(from + 4).min(end))
            .take_while(|&j| {
                cx.is_word(j) && cx.is_capitalised(j) && !is_day(cx.low(j))
            })
            .count()
    };
    let mut n = run(k);
    // "in Columbus, Ohio, that": a town and its state.
    if n > 0 && cx.word(k + n) == "," {
        let state = run(k + n + 1);
        if state > 0 && cx.word(k + n + 1 + state) == "," {
            n += 1 + state;
        }
    }
    let next = k + n;
    let edge = next >= end
        || !cx.is_word(next) && cx.seg.tokens[next].kind != TokenKind::Quote
        || matches!(cx.low(next), "as" | "when" | "while" | "that");
    if n > 0 && edge && !is_month_or_year(cx, k) { n } else { 0 }
}

/// A month's name, capitalised ("in May", not "in may"), or a year.
fn is_month_or_year(cx: &Context, k: usize) -> bool {
    (cx.is_capitalised(k) && is_month(cx.low(k))) || is_year(cx.word(k))
}

/// "1992", "2016": four digits from 1800 to 2099.
fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("18") || w.starts_with("19") || w.starts_with("20"))
}

/// "interviews", "statements": a venue in the plural, with no article.
fn is_plural_venue(w: &str) -> bool {
    w.strip_suffix('s').is_some_and(is_venue)
}

/// [`skip_circumstance`] from token `k` of sentence `s`, and on past a
/// participle that tells more of where it was said, up to a comma ("told
/// Mic in an interview published on Monday, “…”"). With no comma, what
/// follows is what was said only when it is long enough to be a clause
/// ("in a statement released by the campaign the report merits …");
/// `None` for "apologized in a video posted online".
pub(crate) fn past_place(
    cx: &Context,
    k: usize,
    s: Sentence,
) -> Option<usize> {
    let past = skip_circumstance(cx, k, s.end);
    // "in a letter sent to employees": a participle of a venue, in
    // "-ed" or one of a few irregular ones.
    let participle = cx.low(past).ends_with("ed")
        || matches!(cx.low(past), "sent" | "written" | "given" | "shown");
    if past == k
        || !is_venue(cx.low(past - 1))
        || !participle
        || cx.is_capitalised(past)
    {
        return Some(past);
    }
    match (past + 1..(past + 8).min(s.end)).find(|&j| cx.word(j) == ",") {
        Some(comma) => Some(comma + 1),
        None if s.end - past <= 5 => None,
        None => Some(past),
    }
}

/// "last week", "on Monday", "on Twitter".
fn is_time_or_medium(first: &str, second: &str) -> bool {
    let time = matches!(first, "last" | "this" | "on" | "early" | "late")
        && (is_day(second) || is_period(second));
    let medium = first == "on"
        && matches!(
            second,
            "twitter"
                | "facebook"
                | "instagram"
                | "air"
                | "television"
                | "tv"
                | "radio"
        );
    time || medium
}

fn is_day(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
    )
}

fn is_part_of_day(w: &str) -> bool {
    matches!(w, "morning" | "afternoon" | "evening" | "night")
}

fn is_period(w: &str) -> bool {
    matches!(
        w,
        "week" | "month" | "year" | "weekend" | "night" | "spring" | "fall"
    )
}

pub(crate) fn is_venue(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "interview"
            | "speech"
            | "letter"
            | "tweet"
            | "post"
            | "email"
            | "briefing"
            | "news"
            | "press"
            | "call"
            | "op-ed"
            | "memo"
            | "filing"
            | "video"
            | "rally"
            | "radio"
            | "television"
            | "notice"
            | "report"
            | "opinion"
            | "ruling"
            | "decision"
            | "judgment"
            | "message"
            | "essay"
            | "column"
            | "editorial"
            | "book"
            | "podcast"
            | "note"
            | "response"
            | "address"
            | "documentary"
            | "e-mail"
            | "release"
            | "testimony"
            | "blog"
    )
}
