//! Rules for direct quotations: who said the words between the marks.
//!
//! A quotation (or a run of quotation pieces over several paragraphs) is
//! attributed, in this order, to a speaker and cue right after it
//! ("…,” Feeley said), right before it (he told reporters: “…”), in the
//! sentence before it when that sentence quoted someone, or in the
//! paragraph before it when this paragraph is nothing but a quotation
//! that carries the quoting on. A quotation none of these attribute is
//! kept without a speaker when it is long enough to be a statement: the
//! words are reported, but by whom the text does not say.

use crate::extract::context::{Context, CueMatch};
use crate::extract::lexicon::Cue;
use crate::extract::{Found, RuleInfo, reported};
use crate::model::{CueClass, Span};
use crate::segment::{Quotation, Sentence, TokenKind};

/// The rules of this family, each with an example it must handle.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "quote/speaker-after",
        example: "“We have almost none,” Feeley said.",
        speaker: "Feeley",
        content: "We have almost none,",
    },
    RuleInfo {
        id: "quote/speaker-after",
        example: "“Let’s go,” said Senator Lindsey Graham, R-S.C.",
        speaker: "Senator Lindsey Graham",
        content: "Let’s go,",
    },
    RuleInfo {
        id: "quote/speaker-before",
        example: "Last week, he told reporters: “Here, we don’t produce it.”",
        speaker: "he",
        content: "Here, we don’t produce it.",
    },
    RuleInfo {
        id: "quote/speaker-before",
        example: "Sanders delivered a snappy retort: “No one is tearing this up.”",
        speaker: "Sanders",
        content: "No one is tearing this up.",
    },
    RuleInfo {
        id: "quote/speaker-before",
        example: "Trump said at a rally that “a bomb” had gone off in the city.",
        speaker: "Trump",
        content: "“a bomb” had gone off in the city",
    },
    RuleInfo {
        id: "quote/speaker-after",
        example: "With thousands of counting systems, “there is no single \
                  point of failure,” he said.",
        speaker: "he",
        content: "With thousands of counting systems, “there is no single \
                  point of failure,",
    },
    RuleInfo {
        id: "quote/dash-name",
        example: "“He scares me.” ― Krystal Correa\n“Next one.”",
        speaker: "Krystal Correa",
        content: "He scares me.",
    },
    RuleInfo {
        id: "quote/previous-sentence",
        example: "“It is bad,” she said. “It is worse than that.”",
        speaker: "she",
        content: "It is worse than that.",
    },
    RuleInfo {
        id: "quote/previous-paragraph",
        example: "“It is bad,” she said.\n\n“It is worse than that.”",
        speaker: "she",
        content: "It is worse than that.",
    },
];

/// Quotations shorter than this many words are not kept unattributed.
const MIN_UNATTRIBUTED_WORDS: usize = 6;

/// The most tokens allowed between a cue and the quotation it introduces.
const MAX_GAP: usize = 8;

/// A speaker, cue and their token extent.
#[derive(Clone, Debug)]
struct Attributed {
    speaker: (usize, usize),
    cue: CueMatch,
    /// One past the last token of the speaker and cue.
    end: usize,
}

/// Attributes every quotation in the document.
pub fn run(cx: &mut Context, out: &mut Vec<Found>) {
    let quotes = cx.seg.quotes.clone();
    let mut last_direct: Vec<Option<Found>> =
        vec![None; cx.seg.sentences.len()];
    let mut g = 0;
    while g < quotes.len() {
        let group_end = group_end(&quotes, g);
        let group = &quotes[g..group_end];
        g = group_end;
        if cx.used[group[0].open] || is_possessed_title(cx, group) {
            continue;
        }
        let found = attribute_group(cx, &quotes, group, &last_direct);
        for f in found {
            let last = cx
                .seg
                .tokens
                .partition_point(|t| t.span.start() < f.content_end());
            let sentence = cx.sentence_of[last.saturating_sub(1)];
            if f.speaker.is_some() {
                last_direct[sentence] = Some(f.clone());
            }
            out.push(f);
        }
    }
}

/// A name in quotation marks after a possessive, not speech: "on Fox
/// News’s “Hannity,” Gingrich said …", "MSNBC’s “Morning Joe”"; or
/// after "on", "of", "in" or "the": "an interview on “Face the Nation,”
/// the senator said …", "the cast of “The Long Road”". Every
/// word of it is capitalised, or a short joining word, and there are at
/// most six. The tag after it, if any, goes with the clause that follows.
fn is_possessed_title(cx: &Context, group: &[Quotation]) -> bool {
    let [q] = group else { return false };
    let Some(close) = q.close else { return false };
    if q.open == 0
        || !(cx.is_possessive(q.open - 1)
            || matches!(cx.low(q.open - 1), "on" | "of" | "the" | "in"))
    {
        return false;
    }
    let words: Vec<usize> =
        (q.open + 1..close).filter(|&j| cx.is_word(j)).collect();
    let joining = |j: usize| {
        matches!(cx.low(j), "a" | "an" | "and" | "in" | "of" | "on" | "the")
    };
    !words.is_empty()
        && words.len() <= 6
        && cx.is_capitalised(words[0])
        && words.iter().all(|&j| cx.is_capitalised(j) || joining(j))
}

/// One past the last piece of the quotation group starting at `g`.
fn group_end(quotes: &[Quotation], g: usize) -> usize {
    let mut e = g + 1;
    while e < quotes.len()
        && quotes[e].continued
        && quotes[e - 1].close.is_none()
    {
        e += 1;
    }
    e
}

fn attribute_group(
    cx: &mut Context,
    quotes: &[Quotation],
    group: &[Quotation],
    last_direct: &[Option<Found>],
) -> Vec<Found> {
    let last = group[group.len() - 1];
    let mut pieces: Vec<Span> = group.iter().map(|q| q.inner).collect();
    let claimed = (group[0].open, last.close.map_or(last.open, |c| c + 1));
    let (rule, who) = if let Some(a) =
        last.close.and_then(|c| after(cx, group[0].open, c))
    {
        if let Some(q2) = joined_piece(cx, quotes, a.end) {
            pieces.push(q2.inner);
            cx.claim(q2.open, q2.close.map_or(q2.open + 1, |c| c + 1));
        }
        if let Some(lead) = lead_in(cx, group) {
            let start = cx.span(lead, lead + 1).start();
            pieces[0] = Span::new(start, group[0].inner.end());
            cx.claim(lead, group[0].open);
        }
        ("quote/speaker-after", Some(a))
    } else if let Some(a) =
        last.close.and_then(|c| dash_name(cx, c, group[0].open))
    {
        ("quote/dash-name", Some(a))
    } else if let Some(a) = before(cx, group[0].open) {
        if let Some(clause) = partial(cx, group) {
            pieces = vec![cx.span(clause.0, clause.1)];
            cx.claim(clause.0, clause.1);
        }
        ("quote/speaker-before", Some(a))
    } else {
        return inherit(cx, group, pieces, last_direct);
    };
    let a = who.expect("set above");
    cx.claim(claimed.0, claimed.1);
    cx.claim(a.speaker.0, a.speaker.1);
    cx.claim(a.cue.first, a.cue.end);
    one_per_paragraph(pieces, &a, rule, cx)
}

/// Builds the attribution; pieces in different paragraphs each get one.
fn one_per_paragraph(
    pieces: Vec<Span>,
    a: &Attributed,
    rule: &'static str,
    cx: &Context,
) -> Vec<Found> {
    let make = |content: Vec<Span>| Found {
        speaker: Some(cx.span(a.speaker.0, a.speaker.1)),
        cue: Some(cx.span(a.cue.first, a.cue.end)),
        class: a.cue.cue.class,
        content,
        rule,
    };
    let para =
        |s: &Span| cx.seg.paragraphs.partition_point(|p| p.end() < s.start());
    let mut out: Vec<Found> = Vec::new();
    for piece in pieces {
        match out.last_mut() {
            Some(f) if para(&f.content[0]) == para(&piece) => {
                f.content.push(piece)
            }
            _ => out.push(make(vec![piece])),
        }
    }
    out
}

/// Speaker and cue right after the closing mark at token `close`.
fn after(cx: &Context, open: usize, close: usize) -> Option<Attributed> {
    let mut k = close + 1;
    if k >= cx.len()
        || cx.seg.tokens[k].paragraph != cx.seg.tokens[close].paragraph
    {
        return None;
    }
    // A quotation that ends its own sentence (“… today.”) is followed
    // by a new sentence, not by its tag, when that sentence goes on past
    // the speaker and cue: “… today.” She says it shows that …; a tag
    // that is all its sentence stays one: “… today.” Trump said. A tag
    // that leads into another quotation is that one's, unless the first
    // opened its sentence: in She says it is “… today.” She adds, “…”
    // the first is part of what she says.
    let ended = cx.word(close - 1) == ".";
    // “…” closing on a word, with no comma after it, inside a sentence
    // it did not open, is a phrase of that sentence ("is describing as
    // “unhinged” a Donald Trump tweet", "the “bigots” who oppose …"),
    // not a quotation with its tag after it.
    let own_sentence = cx.sentence(open).first == open;
    let set_off = matches!(cx.word(k), "," | "—" | "–");
    if !own_sentence && cx.is_word(close - 1) && !set_off {
        return None;
    }
    if set_off {
        k += 1;
    } else if ended {
        let tag = after_tag(cx, k)?;
        // The mark after the tag's comma or stop opens a quotation.
        let next_quote = tag.end + 2 < cx.len() && cx.in_quote[tag.end + 2];
        let limit = cx.sentence(k).end;
        return (tag.end >= cx.len()
            || matches!(cx.word(tag.end), "," | ".")
                && (own_sentence || !next_quote)
                && !(cx.word(tag.end) == ","
                    && reported::that_after_set_off(cx, tag.end, limit)
                        .is_some()))
        .then_some(tag);
    }
    let open_tag = matches!(cx.word(close - 1), "," | "?" | "!");
    after_tag(cx, k)
        .or_else(|| open_tag.then(|| any_verb_tag(cx, k)).flatten())
        .or_else(|| open_tag.then(|| long_speaker_tag(cx, k)).flatten())
}

/// “…,” Fight for $15 organizing director Kendall Fells told Fox News:
/// after a quotation that ends on a comma (or "?", "!": “…?” a narrator
/// in the Clinton ad asks), a speaker phrase too long to read forward
/// (it holds "for", "$15") is read back from the first cue, when the tag
/// opens with a name or a determiner, no comma comes before the cue and
/// the tag ends there.
fn long_speaker_tag(cx: &Context, k: usize) -> Option<Attributed> {
    if k >= cx.len() || !(cx.is_capitalised(k) || cx.is_determiner(k)) {
        return None;
    }
    let limit = cx.sentence(k).end;
    let cue = (k + 1..(k + LONG_TAG).min(limit))
        .take_while(|&j| cx.word(j) != "," && !cx.in_quote[j])
        .find_map(|j| cx.cue_at(j).filter(|c| !c.cue.participle))?;
    // The tag ends at its cue, or goes on with where, when or to whom
    // the words were said: not with a complement of its own.
    let e = cue.end;
    let closes = e >= limit
        || matches!(cx.word(e), "," | ".")
        || (cx.is_preposition(e) && cx.low(e) != "to")
        || (cue.cue.lemma == "tell" && cx.is_capitalised(e));
    if !closes {
        return None;
    }
    let end = cx.skip_auxiliaries_back(cue.first, k);
    let speaker =
        cx.speaker_before(end, k).or_else(|| cx.placed_speaker(k, end))?;
    fresh(cx, Attributed { end: cue.end, speaker, cue })
}

/// The most tokens a quotation's tag runs to its cue, for
/// [`long_speaker_tag`].
const LONG_TAG: usize = 16;

/// “…” ― Sonya Herridge: a quotation followed on its line by a dash and
/// a name, with nothing after the name but a full stop, is signed by
/// that name (quotations collected from readers, epigraphs). The dash is
/// the cue. Every word of the name is capitalised and there are at most
/// five. A quotation that is a paragraph of its own may be signed on the
/// next line, and a signature may say more after a comma ("- Michelle
/// Marks, Philadelphia.", "- President Obama, tweeting after the
/// speech.").
fn dash_name(cx: &Context, close: usize, open: usize) -> Option<Attributed> {
    let dash = close + 1;
    let breaks = |j: usize| {
        let gap = cx.span(j - 1, j).end()..cx.seg.tokens[j].span.start();
        cx.text[gap].contains('\n')
    };
    let opens_paragraph = open == 0
        || cx.seg.tokens[open - 1].paragraph != cx.seg.tokens[open].paragraph;
    // A hyphen signs only on a line of its own: mid-line it joins words.
    if dash >= cx.len()
        || (breaks(dash) && !opens_paragraph)
        || !matches!(cx.word(dash), "―" | "—" | "–" | "-")
        || (cx.word(dash) == "-" && !breaks(dash))
    {
        return None;
    }
    let mut end =
        (dash + 1..cx.len()).find(|&j| breaks(j)).unwrap_or(cx.len());
    if cx.word(end - 1) == "." {
        end -= 1;
    }
    let speaker = cx.speaker_after(dash + 1, end)?;
    let words: Vec<usize> =
        (speaker.0..speaker.1).filter(|&j| cx.is_word(j)).collect();
    let name = (speaker.1 == end || cx.word(speaker.1) == ",")
        && (1..=5).contains(&words.len())
        && !cx.is_pronoun(speaker.0)
        && words.iter().all(|&j| cx.is_capitalised(j));
    let cue = CueMatch { cue: &TAG_VERB, first: dash, end: dash + 1 };
    name.then(|| fresh(cx, Attributed { speaker, cue, end })).flatten()
}

/// “…,” scoffed Arianna Gil. / “…?” she laughed.: a quotation that ends
/// on a comma, question or exclamation mark inside its marks is followed
/// by its tag, so a past-tense verb next to a speaker there is the cue,
/// whatever the verb, when the tag ends the sentence or a comma closes it.
fn any_verb_tag(cx: &Context, k: usize) -> Option<Attributed> {
    let limit = cx.sentence(k.min(cx.len() - 1)).end;
    let closes = |j: usize| j >= limit || matches!(cx.word(j), "." | ",");
    let verb_at = |j: usize| {
        j < limit
            && cx.is_word(j)
            && cx.word(j).starts_with(char::is_lowercase)
            && cx.low(j).ends_with("ed")
            && !cx.in_quote[j]
    };
    let cue_at = |j: usize| CueMatch { cue: &TAG_VERB, first: j, end: j + 1 };
    // Where and when the words were said may follow the verb (“…,” Cruz
    // quipped in reference to …; Palin posted via Facebook).
    let closes_verb = |j: usize| {
        closes(j)
            || cx.is_preposition(j)
            || matches!(cx.low(j), "via" | "when" | "while")
    };
    if verb_at(k) {
        let speaker = cx.speaker_after(k + 1, limit)?;
        if closes(speaker.1) {
            return fresh(
                cx,
                Attributed { end: speaker.1, speaker, cue: cue_at(k) },
            );
        }
        return None;
    }
    let speaker = cx.speaker_after(k, limit)?;
    let verb = speaker.1;
    (verb_at(verb) && closes_verb(verb + 1))
        .then(|| {
            fresh(cx, Attributed { end: verb + 1, speaker, cue: cue_at(verb) })
        })
        .flatten()
}

/// "read", "reads": in a quotation's tag, what a text says (“…,” the
/// statement read; “…,” reads a sign).
fn read_tag(cx: &Context, j: usize) -> Option<CueMatch> {
    (j < cx.len() && !cx.in_quote[j] && matches!(cx.word(j), "read" | "reads"))
        .then(|| CueMatch { cue: &TAG_VERB, first: j, end: j + 1 })
}

/// Speaker and cue starting at token `k`, in either order.
fn after_tag(cx: &Context, k: usize) -> Option<Attributed> {
    let limit = cx.sentence(k.min(cx.len() - 1)).end;
    // The tag ends at token `j`.
    let closed =
        |j: usize| j >= limit || matches!(cx.word(j), "." | "," | "!" | "?");
    // “…,” X posted on Facebook: a short phrase on where may close it;
    // “…,” she yells while running: so may a clause of time.
    let ends = |c: &CueMatch| {
        closed(c.end)
            || matches!(
                cx.low(c.end),
                "while" | "as" | "before" | "after" | "when"
            )
            || (matches!(cx.low(c.end), "on" | "to" | "in")
                && (c.end + 2..=(c.end + 4).min(limit)).any(|j| {
                    closed(j)
                        && (c.end + 1..j)
                            .all(|k| cx.is_word(k) && cx.cue_at(k).is_none())
                }))
    };
    let first = cx.cue_at(k).filter(|c| !c.cue.participle);
    if let Some(cue) = first.or_else(|| read_tag(cx, k)) {
        let s = cx.skip_auxiliaries(cue.end, limit);
        // “…,” said the insider.
        let speaker = cx
            .speaker_after(s, limit)
            .or_else(|| common_phrase_at(cx, s, limit, closed))?;
        return fresh(cx, Attributed { end: speaker.1, speaker, cue });
    }
    // A cue that otherwise needs a complement is speech in a quotation's
    // tag that ends there (“…,” he continued).
    let usable = |j: usize| {
        let j = cx.skip_auxiliaries(j, limit);
        let cue = cx.cue_at(j).filter(|c| {
            !c.cue.participle && (!c.cue.needs_complement || ends(c))
        });
        cue.or_else(|| read_tag(cx, j).filter(ends))
    };
    // Next to a quotation a cue is surely speech, so a plain common noun
    // phrase is its speaker too (“…,” the insider said).
    let common =
        || common_phrase_at(cx, k, limit, |end| usable(end).is_some());
    let tagged = |speaker: (usize, usize)| {
        let mut j = cx.skip_auxiliaries(speaker.1, limit);
        if j < limit {
            j = cx
                .skip_appositive(j, limit, &|k| usable(k).is_some())
                .unwrap_or(j);
        }
        let cue = usable(j)?;
        Some(Attributed { end: cue.end, speaker, cue })
    };
    // A name or speaker noun may open a longer common phrase: “…,” the
    // committee chairmen wrote.
    let a = cx
        .speaker_after(k, limit)
        .and_then(tagged)
        .or_else(|| common().and_then(tagged))?;
    fresh(cx, a)
}

/// A plain common noun phrase that starts at `start` ("the insider", "a
/// spokesperson"), of two to four tokens ending by `last_end`, whose end
/// `fits` accepts.
fn common_phrase_at(
    cx: &Context,
    start: usize,
    last_end: usize,
    fits: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    (start + 2..=(start + 4).min(last_end)).find_map(|end| {
        let np = cx.modified_noun_phrase_before(end, start)?;
        (np.0 == start && fits(end)).then_some(np)
    })
}

/// A quotation the clause goes on after ("said that “a bomb” had gone
/// off in New York"): the quotation is part of a paraphrase, and the
/// content is the clause, marks and all, up to its end.
fn partial(cx: &Context, group: &[Quotation]) -> Option<(usize, usize)> {
    let [q] = group else { return None };
    let close = q.close?;
    let s = cx.sentence(q.open);
    let next = close + 1;
    // "The fans chanted “We want more!” until the band came back": an
    // exclamation or a question is a whole utterance, not words woven
    // into the reporter's clause.
    let whole = matches!(cx.word(close - 1), "!" | "?");
    if whole || next >= s.end || !cx.is_word(next) || cx.in_quote[next] {
        return None;
    }
    let end = reported::content_end(cx, next, s.end);
    let clause = reported::trim(cx, q.open, end)?;
    (clause.1 > next && !cx.any_used(next, clause.1)).then_some(clause)
}

/// Where the words that lead into a quotation start, when the sentence
/// opens with them ("With thousands of systems, “there is no single point
/// of failure,” he said"): they belong to what the speaker is reported
/// to have said.
fn lead_in(cx: &Context, group: &[Quotation]) -> Option<usize> {
    let open = group[0].open;
    let s = cx.sentence(open);
    let words = (s.first..open).filter(|&j| cx.is_word(j)).count();
    let cue = (s.first..open).any(|j| cx.cue_at(j).is_some());
    if words < 4
        || cue
        || cx.word(open - 1) == ":"
        || cx.any_used(s.first, open)
        || cx.in_quote[s.first]
    {
        return None;
    }
    let (a, _) = reported::trim(cx, s.first, open)?;
    Some(a)
}

/// Keeps an attribution only when its tokens are not claimed already.
fn fresh(cx: &Context, a: Attributed) -> Option<Attributed> {
    let clash = cx.any_used(a.speaker.0, a.speaker.1)
        || cx.any_used(a.cue.first, a.cue.end);
    (!clash).then_some(a)
}

/// A second quotation that goes on after the attribution in the same
/// sentence: “…,” she said, “…”.
fn joined_piece(
    cx: &Context,
    quotes: &[Quotation],
    end: usize,
) -> Option<Quotation> {
    // Quotations are in text order: a binary search, not a scan from the
    // first, keeps a text of many quotations linear.
    let q = quotes.get(quotes.partition_point(|q| q.open < end))?;
    let same_sentence =
        cx.sentence_of[q.open] == cx.sentence_of[end.min(cx.len() - 1)];
    let gap = end..q.open;
    let no_cue =
        gap.clone().all(|j| cx.cue_at(j).is_none() && !cx.in_quote[j]);
    // “…,” she said, pointing to the chart, “…”: a participle's phrase
    // between the tag and the second piece.
    let participle = gap.len() <= 15
        && cx.word(end) == ","
        && cx.low(end + 1).ends_with("ing");
    // “…,” Trump said during a rally in Kenansville, N.C., “…”, “…,”
    // Schiff told Capital Download on Wednesday, “…”: where, when and to
    // whom the words were said, with no cue of their own, between the tag
    // and the second piece.
    // “…,” said Raffaello Pantucci, director of International Security
    // Studies at …, “but it is …”: a second piece that opens in lower
    // case goes on with the first, past a longer appositive.
    let goes_on = gap.len() <= 30
        && cx.word(end) == ","
        && q.open + 1 < cx.len()
        && cx.is_word(q.open + 1)
        && cx.word(q.open + 1).starts_with(char::is_lowercase);
    let near = (gap.len() <= 12 || participle || goes_on) && no_cue;
    let mark_before =
        q.open > 0 && matches!(cx.word(q.open - 1), "," | ":" | "—");
    (same_sentence && near && mark_before && !q.continued && !cx.used[q.open])
        .then_some(*q)
}

/// Speaker and cue before the opening mark at token `open`: "X said: “",
/// "X told reporters, “", "X said that “".
fn before(cx: &Context, open: usize) -> Option<Attributed> {
    // "said:\n\n> “…”": a Markdown blockquote's marker opens the
    // quotation's paragraph.
    let marker = open >= 1
        && cx.word(open - 1) == ">"
        && (open == 1
            || cx.seg.tokens[open - 2].paragraph
                != cx.seg.tokens[open - 1].paragraph);
    let open = if marker { open - 1 } else { open };
    let mut s = cx.sentence(open);
    if open == s.first && open > 0 && cx.word(open - 1) == ":" {
        s = cx.sentence(open - 1);
    }
    let mut j = open;
    if j > s.first && matches!(cx.word(j - 1), ":" | "," | "that" | "—") {
        j -= 1;
    } else {
        return None;
    }
    let lowest = j.saturating_sub(MAX_GAP).max(s.first);
    let cue = (lowest..j).rev().find_map(|p| {
        let c = cx.cue_at(p)?;
        let gap_clean =
            (c.end..j).all(|g| cx.is_word(g) && cx.cue_at(g).is_none());
        (gap_clean && !cx.in_quote[p]).then_some(c)
    });
    let Some(cue) = cue else {
        if cx.word(j) != ":" {
            return None;
        }
        return colon_verb(cx, s, j).or_else(|| colon_name(cx, s, j));
    };
    // "Said Ellis: “…”", "Said Ellis in an email: “…”": a cue that
    // opens the sentence, its speaker after it.
    if cue.first == s.first && cx.is_capitalised(cue.first) {
        let speaker = cx.speaker_after(cue.end, j)?;
        return fresh(cx, Attributed { speaker, cue, end: j });
    }
    let end = cx.skip_auxiliaries_back(cue.first, s.first);
    let participle =
        cue.cue.participle && end > s.first && cx.word(end - 1) == ",";
    // "Bush thought for a moment and said that …, “…”": a verb joined by
    // "and" has the subject of the clause before, which the rules for
    // reported speech find; no noun phrase ending in "and" ("a moment
    // and") is its speaker.
    if end > s.first && cx.low(end - 1) == "and" {
        return None;
    }
    let speaker = if participle {
        // “…,” Spicer said, adding, “…”: the participle's subject is the
        // speaker of the tag it follows, not the sentence's subject.
        cx.tag_speaker_before(s, end - 1).or_else(|| cx.subject(s, end - 1))?
    } else {
        // Next to a quotation a cue is surely speech, so a plain common
        // noun ("the announcer said, “…”") is taken as its speaker too,
        // unless it opens what an earlier cue reports: in "Jones said the
        // warnings showed that “…”" the quotation is Jones's, and the
        // reported-speech rules take the whole clause.
        match cx.speaker_before(end, s.first) {
            // "Another source speaking to Fox News said, “…”", "on
            // Facebook writing, “…”": the object of a preposition is no
            // speaker.
            Some(speaker)
                if speaker.0 > s.first
                    && cx.is_object_preposition(speaker.0 - 1) =>
            {
                return None;
            }
            Some(speaker) => speaker,
            None => {
                let np = cx.common_noun_phrase_before(end, s.first)?;
                let mut k = np.0;
                if k > s.first && cx.low(k - 1) == "that" {
                    k -= 1;
                }
                let reported = (s.first..k).rev().take(2).any(|p| {
                    cx.cue_at(p).is_some_and(|c| c.end == k && !cx.in_quote[p])
                });
                if reported {
                    return None;
                }
                np
            }
        }
    };
    fresh(cx, Attributed { speaker, cue, end: j })
}

/// "Article 33 affirms: “…”", "Clinton has since apologized for what
/// happened: “…”": a short clause ending in the colon before a quotation
/// introduces it whatever its verb, so the clause's subject is the
/// speaker and the word after it the cue.
fn colon_verb(cx: &Context, s: Sentence, colon: usize) -> Option<Attributed> {
    let words = (s.first..colon).filter(|&g| cx.is_word(g)).count();
    if words > MAX_COLON_CLAUSE || cx.any_used(s.first, colon) {
        return None;
    }
    let speaker = cx
        .subject(s, colon)
        .or_else(|| common_phrase_at(cx, s.first, colon - 1, |_| true))?;
    let verb = cx.skip_auxiliaries(speaker.1, colon);
    // "The timing of …", "According to HuffPo:", "Pollsters agree -
    // Carl Bialik:": no preposition for a verb, no dash before the colon.
    let plain = verb < colon
        && cx.is_word(verb)
        && cx.word(verb).starts_with(char::is_lowercase)
        && !cx.is_determiner(verb)
        && !cx.is_preposition(verb)
        && cx.low(speaker.0) != "according"
        && (speaker.1..colon).all(|g| !matches!(cx.word(g), "-" | "—" | "–"))
        && !cx.in_quote[verb];
    if !plain {
        return None;
    }
    let cue = CueMatch { cue: &TAG_VERB, first: verb, end: verb + 1 };
    fresh(cx, Attributed { speaker, cue, end: colon })
}

/// "Bush: “The mission is to destroy ISIS.”", "Poll analysis - Jeffrey
/// M. Jones: “…”", "Rep. Trey Gowdy (R-S.C.): “…”": a name alone before
/// the colon, opening its sentence or after a dash, speaks the quotation,
/// and the colon is the cue (transcripts, collected quotations).
fn colon_name(cx: &Context, s: Sentence, colon: usize) -> Option<Attributed> {
    // The speaker phrase takes a party and state after the name with it.
    let (a, b) = cx.speaker_before(colon, s.first)?;
    let opens = a == s.first || matches!(cx.word(a - 1), "-" | "—" | "–");
    let words: Vec<usize> = (a..b).filter(|&g| cx.is_word(g)).collect();
    let named = b == colon
        && opens
        && (1..=5).contains(&words.len())
        && !cx.is_pronoun(a)
        && words.iter().all(|&g| cx.is_capitalised(g) && !cx.in_quote[g])
        && !crate::extract::colon::is_label(cx.low(a));
    let cue = CueMatch { cue: &TAG_VERB, first: colon, end: colon + 1 };
    named
        .then(|| fresh(cx, Attributed { speaker: (a, b), cue, end: colon }))
        .flatten()
}

/// The longest clause [`colon_verb`] takes before its colon, in words.
const MAX_COLON_CLAUSE: usize = 12;

/// Stands in for a lexicon entry for the cues [`colon_verb`] and
/// [`any_verb_tag`] take, which no word list holds.
static TAG_VERB: Cue = Cue {
    lemma: String::new(),
    class: CueClass::Said,
    needs_complement: false,
    particle: None,
    participle: false,
};

/// Attributes a quotation that stands alone to the speaker of the
/// quotation just before it, when the text carries the quoting on.
fn inherit(
    cx: &mut Context,
    group: &[Quotation],
    pieces: Vec<Span>,
    last_direct: &[Option<Found>],
) -> Vec<Found> {
    let open = group[0].open;
    let sentence = cx.sentence_of[open];
    let starts_sentence = cx.seg.sentences[sentence].first == open;
    let prior = sentence.checked_sub(1).and_then(|p| last_direct[p].clone());
    // "“… didn't he?” Mrs. Clinton said. “…”": the question mark ended a
    // sentence, and the tag stands alone between the two.
    // The tag may go on with when, where or to whom ("“…!!!” McDonough
    // wrote in an email to State officials. “…”"): it opens its sentence,
    // and what follows it holds no cue and no quotation of its own.
    let before_tag = sentence.checked_sub(2).and_then(|q| {
        let tag = cx.seg.sentences[q + 1];
        let words = tag.first..tag.end;
        let tag_only = words.clone().all(|j| cx.used[j] || !cx.is_word(j))
            || (cx.used[tag.first]
                && words.clone().all(|j| {
                    cx.used[j]
                        || (cx.cue_at(j).is_none()
                            && !cx.in_quote[j]
                            && cx.seg.tokens[j].kind != TokenKind::Quote)
                }));
        last_direct[q].clone().filter(|_| tag_only && prior.is_none())
    });
    let same_para = |f: &Found| {
        let s = f.content_end().saturating_sub(1);
        let p = cx.seg.paragraphs.partition_point(|p| p.end() <= s);
        p == cx.seg.tokens[open].paragraph
    };
    // A quotation whose sentence goes on after it ("“…,” the statement
    // read") has a tag of its own, even one no rule could read.
    // Not a preposition's phrase that finishes the quoted words ("“…
    // just a tax increase” for the top income bracket."), with no cue.
    let last = group[group.len() - 1];
    let finished = |c: usize| {
        let end = cx.sentence(c).end;
        cx.is_preposition(c + 1)
            && (c + 1..end).all(|j| cx.cue_at(j).is_none() && !cx.in_quote[j])
    };
    let tagged = last.close.is_some_and(|c| {
        c + 1 < cx.len()
            && cx.seg.tokens[c + 1].paragraph == cx.seg.tokens[c].paragraph
            && cx.sentence_of[c + 1] == cx.sentence_of[c]
            && (cx.is_word(c + 1) || matches!(cx.word(c + 1), "," | "—" | "–"))
            && !finished(c)
    });
    if tagged {
        return Vec::new();
    }
    let (rule, prior) = match (&prior, before_tag) {
        (_, Some(f)) if starts_sentence && same_para(&f) => {
            ("quote/previous-sentence", Some(f))
        }
        (Some(f), _) if starts_sentence && same_para(f) => {
            ("quote/previous-sentence", prior)
        }
        (Some(_), _) if starts_sentence && is_paragraph_start(cx, open) => {
            ("quote/previous-paragraph", prior)
        }
        // Left for the reported-speech rules (a partial quote inside a
        // paraphrase), then for `leftovers`.
        _ => return Vec::new(),
    };
    let prior = prior.expect("matched above");
    cx.claim(open, last.close.map_or(last.open + 1, |c| c + 1));
    vec![Found { content: pieces, rule, ..prior }]
}

fn is_paragraph_start(cx: &Context, i: usize) -> bool {
    i == 0 || cx.seg.tokens[i - 1].paragraph != cx.seg.tokens[i].paragraph
}

/// Keeps each long quotation that no rule claimed, with no speaker: the
/// words are reported, but the text does not say by whom.
pub fn leftovers(cx: &mut Context, out: &mut Vec<Found>) {
    let quotes = cx.seg.quotes.clone();
    // Each paragraph's last attribution (the one whose content ends
    // latest in it), kept up to date as quotations are added, so that a
    // quotation looks its speaker up rather than scanning them all.
    let para_of =
        |byte: usize| cx.seg.paragraphs.partition_point(|p| p.end() <= byte);
    let mut last_in = vec![None::<usize>; cx.seg.paragraphs.len()];
    let note = |last_in: &mut [Option<usize>], out: &[Found], i: usize| {
        let end = out[i].content_end();
        if let Some(slot) = last_in.get_mut(para_of(end.saturating_sub(1)))
            && slot.is_none_or(|l| out[l].content_end() <= end)
        {
            *slot = Some(i);
        }
    };
    for i in 0..out.len() {
        note(&mut last_in, out, i);
    }
    let mut g = 0;
    while g < quotes.len() {
        let start = g;
        let e = group_end(&quotes, g);
        let (first, last) = (quotes[g], quotes[e - 1]);
        g = e;
        let end = last.close.unwrap_or(last.open + 1);
        let words = (first.open..end).filter(|&i| cx.is_word(i)).count();
        if words < MIN_UNATTRIBUTED_WORDS || cx.any_used(first.open, end) {
            continue;
        }
        cx.claim(first.open, end);
        let content: Vec<Span> =
            quotes[start..e].iter().map(|q| q.inner).collect();
        let para = cx.seg.tokens[first.open].paragraph;
        let prior = para
            .checked_sub(1)
            .and_then(|p| last_in[p])
            .and_then(|l| paragraph_speaker(cx, &out[l], first.open, end))
            .map(|f| (f, "quote/previous-paragraph"))
            .or_else(|| {
                last_in[para]
                    .and_then(|l| {
                        sentence_speaker(cx, &out[l], first.open, end)
                    })
                    .map(|f| (f, "quote/previous-sentence"))
            });
        let found = match prior {
            Some((prior, rule)) => Found { content, rule, ..prior },
            None => Found {
                speaker: None,
                cue: None,
                class: CueClass::Said,
                content,
                rule: "quote/unattributed",
            },
        };
        out.push(found);
        note(&mut last_in, out, out.len() - 1);
    }
}

/// "Greene added that the Fed wants to move before the election. “They
/// don't like to talk about it.”": a quotation that is a sentence of its
/// own, tokens `open..end`, goes on from the speaker of `last`, the
/// paragraph's last attribution so far, paraphrase or not, when that
/// attribution ends the sentence just before, as [`paragraph_speaker`]
/// asks of a paragraph.
fn sentence_speaker(
    cx: &Context,
    last: &Found,
    open: usize,
    end: usize,
) -> Option<Found> {
    let sentence = cx.sentence_of[open];
    let opens = cx.seg.sentences[sentence].first == open;
    // Nothing but marks after the quotation in its sentence: no tag.
    let closed = end >= cx.len()
        || (end..cx.seg.sentences[cx.sentence_of[end - 1]].end)
            .all(|j| !cx.is_word(j));
    let before = sentence.checked_sub(1)?;
    let last_end =
        cx.seg.tokens.partition_point(|t| t.span.start() < last.content_end());
    let ends_before = last_end > 0 && cx.sentence_of[last_end - 1] == before;
    if !(opens && closed && ends_before) {
        return None;
    }
    let rest = cx.seg.tokens[cx.seg.sentences[before].end - 1].span.end();
    let tail = cx.text.get(last.content_end()..rest).unwrap_or("x");
    let closes = !tail.contains(char::is_alphanumeric)
        || tail.split_whitespace().count() <= 4;
    (closes && !is_group_or_turn(cx, last, open, end)).then(|| last.clone())
}

/// "The adviser said the collector would lend it to museums. / “We want
/// people to stand in front of her again.”": a paragraph that is one
/// quotation, tokens `open..end`, goes on from the speaker of `last`,
/// the previous paragraph's last attribution, paraphrase or not, when
/// that paragraph ends with it.
fn paragraph_speaker(
    cx: &Context,
    last: &Found,
    open: usize,
    end: usize,
) -> Option<Found> {
    let para = cx.seg.tokens[open].paragraph;
    let whole = is_paragraph_start(cx, open)
        && (end..cx.len())
            .take_while(|&j| cx.seg.tokens[j].paragraph == para)
            .all(|j| !cx.is_word(j));
    if !whole {
        return None;
    }
    // Nothing said by anyone else may follow it in its paragraph.
    let rest = cx.seg.paragraphs[para - 1].end();
    let tail = cx.text.get(last.content_end()..rest).unwrap_or("x");
    let closes = !tail.contains(char::is_alphanumeric)
        || tail.split_whitespace().count() <= 4;
    (!is_group_or_turn(cx, last, open, end) && closes).then(|| last.clone())
}

/// True when `last` has no speaker, or one that is a group ("They", "31
/// Latinos"), whose quotation is one member's, or when the quotation,
/// tokens `open..end`, is a turn of a transcript ("“Chris Matthews:
/// …").
fn is_group_or_turn(
    cx: &Context,
    last: &Found,
    open: usize,
    end: usize,
) -> bool {
    let Some(speaker) = last.speaker else {
        return true;
    };
    let (first, after) = cx.tokens_of(speaker);
    let head = after.saturating_sub(1).max(first);
    let low = cx.low(head);
    let group = matches!(cx.low(first), "they" | "we")
        || cx.word(first).starts_with(|c: char| c.is_ascii_digit())
        || cx.is_speaker_noun(head)
            && low.ends_with('s')
            && !low.ends_with("ss");
    let turn = (open + 1..(open + 5).min(end)).any(|j| cx.word(j) == ":");
    group || turn
}
