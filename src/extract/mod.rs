//! Attribution extraction: from a segmented document to who said what.
//!
//! The rules run in a fixed order, each family in its own file, over one
//! shared [`Context`](context::Context): direct quotations first (their
//! marks are the surest evidence; a quotation that names something, "called
//! it “arbitrary”", before the rest), then "according to", then paragraphs
//! that open with "Speaker:", then reported speech, then the cue model
//! (`learned.rs`); last, long quotations still unclaimed are kept without
//! a speaker. A rule claims the tokens it uses, so each token belongs to at
//! most one attribution and a later rule cannot take a quotation an
//! earlier one attributed. Every attribution records the id of the rule
//! that produced it, and every rule carries examples that a test runs.

mod according_to;
mod called;
mod colon;
mod context;
pub(crate) mod gate;
pub(crate) mod learned;
pub(crate) mod lexicon;
mod quote;
mod reported;

pub(crate) use context::{is_finite_auxiliary, is_time_phrase};
pub(crate) use reported::{SUBORDINATORS, is_document_noun};

use std::collections::HashMap;
use std::sync::LazyLock;

use arcstr::ArcStr;

use crate::model::{Attribution, CueClass, Resolution, Span, Speaker};
use crate::segment::{Segmented, is_quote_char};

/// A rule's id and one example it must get right.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    /// Stable id, recorded on every attribution the rule makes.
    pub id: &'static str,
    /// A sentence the rule handles.
    pub example: &'static str,
    /// The speaker mention it must find there.
    pub speaker: &'static str,
    /// The content it must find there.
    pub content: &'static str,
}

/// Every rule with its example, in the order the families run.
pub fn rules() -> Vec<RuleInfo> {
    let families = [
        called::RULES,
        quote::RULES,
        according_to::RULES,
        colon::RULES,
        reported::RULES,
        learned::RULES,
    ];
    families.iter().flat_map(|f| f.iter().copied()).collect()
}

/// An attribution as a rule finds it, before resolution.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub speaker: Option<Span>,
    pub cue: Option<Span>,
    pub class: CueClass,
    pub content: Vec<Span>,
    pub rule: &'static str,
}

impl Found {
    /// The byte offset where the content ends.
    pub fn content_end(&self) -> usize {
        self.content.last().map_or(0, |s| s.end())
    }
}

/// Extracts the attributions of one document, in text order.
///
/// Speakers come back as written, marked [`Resolution::Named`]; the
/// resolve stage ties them to actors.
pub fn extract(text: &str, seg: &Segmented) -> Vec<Attribution> {
    let (mut cx, mut found) = after_rules(text, seg);
    learned::run(&mut cx, &mut found);
    quote::leftovers(&mut cx, &mut found);
    let mut out: Vec<Attribution> = found
        .into_iter()
        .flat_map(|f| split_coordinated(&cx, f))
        .map(|f| to_attribution(text, seg.single_marks, f))
        .collect();
    out.sort_by_key(|a| {
        (a.content_extent(), a.speaker.as_ref().map(|s| s.span))
    });
    out
}

/// Runs the hand-written rules: the context they leave and what they
/// found, before the learned cues.
pub(crate) fn after_rules<'a>(
    text: &'a str,
    seg: &'a Segmented,
) -> (context::Context<'a>, Vec<Found>) {
    let mut cx = context::Context::new(text, seg);
    let mut found = Vec::new();
    called::run(&mut cx, &mut found);
    quote::run(&mut cx, &mut found);
    according_to::run(&mut cx, &mut found);
    colon::run(&mut cx, &mut found);
    reported::run(&mut cx, &mut found);
    (cx, found)
}

/// One attribution per conjunct of a coordinated speaker: "US officials
/// and international experts say …" is said by each of them.
fn split_coordinated(cx: &context::Context, f: Found) -> Vec<Found> {
    let Some(sp) = f.speaker else { return vec![f] };
    let parts = cx.conjuncts(cx.tokens_of(sp));
    if parts.len() < 2 {
        return vec![f];
    }
    parts
        .into_iter()
        .map(|(a, b)| Found { speaker: Some(cx.span(a, b)), ..f.clone() })
        .collect()
}

fn to_attribution(text: &str, single_marks: bool, f: Found) -> Attribution {
    // Quotation rules take the words between the marks; anything else is
    // direct when it carries a quotation inside ("called it “a disgrace”").
    // A text that quotes with single marks has apostrophes too: only a
    // mark before a word opens there ("called it ‘a disgrace’").
    let marked = |s: &Span| {
        let before = text[..s.start()].chars().next_back();
        let inner = s.text(text);
        if single_marks {
            before.is_some_and(|c| matches!(c, '‘' | '’' | '\''))
                || inner.contains('‘')
                || inner.contains(" '")
        } else {
            before.is_some_and(is_quote_char) || inner.contains(is_quote_char)
        }
    };
    let direct = f.content.iter().any(marked);
    let speaker = f.speaker.map(|span| Speaker {
        span,
        name: span.text(text).into(),
        resolution: Resolution::Named,
    });
    Attribution {
        speaker,
        cue: f.cue,
        content: f.content,
        direct,
        class: f.class,
        rule: rule_id(f.rule),
        withheld: None,
    }
}

/// The shared copy of a rule's id: a large corpus has millions of
/// attributions and a few dozen rules.
fn rule_id(rule: &'static str) -> ArcStr {
    static IDS: LazyLock<HashMap<&'static str, ArcStr>> =
        LazyLock::new(|| {
            rules().into_iter().map(|r| (r.id, ArcStr::from(r.id))).collect()
        });
    IDS.get(rule).cloned().unwrap_or_else(|| ArcStr::from(rule))
}

/// Joins a quotation split over two sentences into one attribution with
/// two pieces, as PolNeAR annotates it: `“A,” X said. “B.”` is one
/// attribution whose content is A and B there, and two here by default,
/// one per piece, as the seeds' gold has it (`docs/accuracy.md`).
///
/// A piece joins the attribution before it when a rule gave it that
/// attribution's speaker and cue only because it opens the next sentence
/// of the paragraph (`quote/previous-sentence`), the attribution is a
/// quotation with its tag after it (`quote/speaker-after`), and nothing
/// joined it yet. A quotation that opens the next paragraph and carries
/// on the one before with its speaker and cue (“A,” X said.¶“B.”) joins
/// it too, as PolNeAR annotates it. `atts` are in text order, as
/// [`extract`] returns them.
pub fn join_split_quotes(
    text: &str,
    atts: Vec<Attribution>,
) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::with_capacity(atts.len());
    let mut joined: Vec<bool> = Vec::with_capacity(atts.len());
    let speaker = |a: &Attribution| a.found_speaker().map(|s| s.span);
    for a in atts {
        let host = (a.rule == "quote/previous-sentence")
            .then(|| {
                out.iter()
                    .rposition(|h| speaker(h) == speaker(&a) && h.cue == a.cue)
            })
            .flatten()
            .filter(|&h| {
                let host = &out[h];
                let tag_end = last_end(host);
                let start = a.content_extent().start();
                host.rule == "quote/speaker-after"
                    && !joined[h]
                    && tag_end <= start
                    && !text[tag_end..start].contains('\n')
            });
        let host = host.or_else(|| next_paragraph_host(text, &out, &a));
        match host {
            Some(h) => {
                out[h].content.extend(a.content);
                out[h].direct |= a.direct;
                joined[h] = true;
            }
            None => {
                out.push(a);
                joined.push(false);
            }
        }
    }
    out
}

/// Where the last of an attribution's content, cue and speaker ends.
fn last_end(a: &Attribution) -> usize {
    let speaker = a.speaker.as_ref().map_or(0, |s| s.span.end());
    let cue = a.cue.map_or(0, |c| c.end());
    a.content_extent().end().max(cue).max(speaker)
}

/// The attribution `a` goes on, when it is a quotation that opens a
/// later paragraph and carries on the quotation just before it: the same
/// speaker and cue (a quotation run on over paragraphs, or one that
/// inherited the speaker of the last paragraph's), with no word between
/// the end of that attribution and `a`.
fn next_paragraph_host(
    text: &str,
    out: &[Attribution],
    a: &Attribution,
) -> Option<usize> {
    let h = out.len().checked_sub(1)?;
    let host = &out[h];
    let speaker = |a: &Attribution| a.found_speaker().map(|s| s.span);
    let end = last_end(host);
    let start = a.content_extent().start();
    // A quotation run on over paragraphs, with its tag after its last
    // paragraph, stays one attribution a paragraph: joining them was
    // mixed on train and dev.
    let gap = text.get(end..start)?;
    (a.direct
        && host.direct
        && a.found_speaker().is_some()
        && speaker(host) == speaker(a)
        && host.cue == a.cue
        && a.rule.starts_with("quote/")
        && gap.contains('\n')
        && !gap.chars().any(char::is_alphanumeric))
    .then_some(h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// Every rule handles its own examples, and says it did.
    #[test]
    fn every_rule_handles_its_examples() {
        for rule in rules() {
            let text = rule.example;
            let got = extract(text, &segment(text));
            let hit = got.iter().find(|a| a.rule == rule.id);
            let hit = hit.unwrap_or_else(|| {
                panic!("{}: nothing from {text:?}: {got:?}", rule.id)
            });
            // An empty speaker: the rule finds none.
            let speaker =
                hit.speaker.as_ref().map_or("", |s| s.span.text(text));
            assert_eq!(speaker, rule.speaker, "{}", rule.id);
            assert_eq!(hit.content_text(text), rule.content, "{}", rule.id);
        }
    }

    #[test]
    fn quotations_in_single_marks_are_direct_and_tagged() {
        let text = "Rachel Reeves said families were paying the price. \
                    ‘Mortgage holders are being hammered,’ she told the BBC. \
                    ‘It isn’t fair.’";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Rachel Reeves", "she", "she"]);
        assert_eq!(
            got[0].content_text(text),
            "families were paying the price"
        );
        assert!(!got[0].direct);
        assert_eq!(
            got[1].content_text(text),
            "Mortgage holders are being hammered,"
        );
        assert!(got[1].direct && got[2].direct);
        // A paraphrase that quotes a phrase in single marks is direct,
        // one with only apostrophes is not.
        let text = "‘No,’ he said. ‘Never.’ Labour said the rise was a \
                    ‘Tory tax hike’. Mr Davies said councils can’t cope.";
        let got = extract(text, &segment(text));
        let direct: Vec<bool> = got.iter().map(|a| a.direct).collect();
        assert_eq!(direct, [true, true, true, false], "{got:?}");
    }

    #[test]
    fn a_clause_of_place_after_a_role_leads_back_to_the_name() {
        let text = "Anton Reyes-Holm, the owner of the Blue Shutter club in \
                    the French Quarter, where she played most Thursdays, \
                    said the club would stay dark.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Anton Reyes-Holm"], "{got:?}");
    }

    #[test]
    fn a_role_set_off_before_a_relative_clause_leads_back_to_the_name() {
        let text = "Rowena Hale, chief executive of Clean Sport UK, which \
                    brought the case, said the decision sent a message.";
        let got = extract(text, &segment(text));
        assert_eq!(tags(text, &got), [("Rowena Hale", "said")], "{got:?}");
    }

    #[test]
    fn where_it_was_said_may_hold_commas_and_places_before_that() {
        for text in [
            "Talia Brandvold told reporters outside the union hall on \
             Sunday that employers had never made an offer.",
            "The tribunal said in its written decision, published on \
             Tuesday, that employers had never made an offer.",
        ] {
            let got = extract(text, &segment(text));
            let content = got[0].content[0].text(text);
            assert!(content.starts_with("employers"), "{got:?}");
        }
        // An object after the comma: the "that" is a relative pronoun.
        let text = "Mr. Comey described, in blistering terms, a set of \
                    practices that left the systems open.";
        let got = extract(text, &segment(text));
        assert!(!got[0].content[0].text(text).starts_with("left"), "{got:?}");
    }

    #[test]
    fn a_quotation_alone_in_its_paragraph_goes_on_from_a_paraphrase() {
        let text = "The adviser said the collector would lend the painting \
                    to museums.\n\n\"We want people to stand in front of \
                    her again. That is the whole point.\"";
        let got = extract(text, &segment(text));
        let quote = got.last().expect("the quotation");
        assert_eq!(quote.rule, "quote/previous-paragraph", "{got:?}");
        let speaker = quote.speaker.as_ref().expect("a speaker");
        assert_eq!(speaker.span.text(text), "The adviser");
        // Not from a group: the quotation is one member's.
        let text = "Many voters said the economy would decide their vote.\n\n\
                    \"We need law and order. If we don't have it, we're not \
                    going to have a country.\"";
        let got = extract(text, &segment(text));
        assert_eq!(got.last().unwrap().rule, "quote/unattributed", "{got:?}");
    }

    #[test]
    fn a_hyphenated_rank_heads_a_quotations_tag() {
        let text = "\"Throw them out,\" the directorate's deputy \
                    director-general, Ngaire Whitcombe, said. \"Talk to \
                    your doctor.\"";
        let got = extract(text, &segment(text));
        let rules: Vec<&str> = got.iter().map(|a| a.rule.as_str()).collect();
        assert_eq!(
            rules,
            ["quote/speaker-after", "quote/previous-sentence"],
            "{got:?}"
        );
    }

    #[test]
    fn a_plural_noun_before_its_verb_is_no_cue() {
        let text = "Health worries have dogged the candidate for weeks.";
        assert_eq!(extract(text, &segment(text)), []);
        // A subject left out of a relative clause is no such noun.
        let text = "He backed a tax that he believes will cut deficits.";
        let got = extract(text, &segment(text));
        assert_eq!(tags(text, &got), [("he", "believes")], "{got:?}");
    }

    #[test]
    fn an_opening_adverb_is_no_part_of_the_speaker() {
        for (text, who) in [
            (
                "Even Lindsey Graham said Kasich would be the best nominee.",
                "Lindsey Graham",
            ),
            (
                "Back in 1999, Mr. Trump said he admired the president.",
                "Mr. Trump",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(tags(text, &got), [(who, "said")], "{got:?}");
        }
    }

    #[test]
    fn when_it_was_said_is_nothing_said() {
        let text = "Melania Trump told reporters before her appearance on \
                    Monday night.";
        assert_eq!(extract(text, &segment(text)), []);
        // A counterpart is someone who speaks.
        let text = "Her Guatemalan counterpart said that his government \
                    would send police.";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].rule, "reported/speaker-before", "{got:?}");
    }

    #[test]
    fn a_role_without_an_article_is_a_title_of_the_name_after_it() {
        let text = "Former prosecutor and New York City Mayor Rudy \
                    Giuliani said the case was weak.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            ["Former prosecutor and New York City Mayor Rudy Giuliani"]
        );
        // One word before a name set off by commas is no subject: the
        // name is.
        let text = "Together, Senators Rubio and Cruz, of Florida and \
                    Texas, represent a watershed moment, referring to the \
                    Cuban staple.";
        let got = extract(text, &segment(text));
        assert!(
            speakers(text, &got).iter().all(|s| *s != "Together"),
            "{got:?}"
        );
    }

    #[test]
    fn a_counted_group_keeps_its_article() {
        let text = "The two leaders said the talks went well. The talks \
                    went well, the three officials said.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            ["The two leaders", "the three officials"],
            "{got:?}"
        );
    }

    #[test]
    fn a_tag_may_close_its_sentence_with_where_and_when() {
        // "said in a joint statement after a day of talks": the tag ends
        // the claim, and what follows the venue is no claim.
        let text = "The group agreed to step up patrols, the two leaders \
                    said in a joint statement after a day of talks.";
        let got = extract(text, &segment(text));
        let said: Vec<String> = got
            .iter()
            .filter(|a| a.cue.is_some_and(|c| c.text(text) == "said"))
            .map(|a| a.content_text(text))
            .collect();
        assert_eq!(said, ["The group agreed to step up patrols"], "{got:?}");
        // So may a venue and a participle of it.
        let text = "Normal supplies will resume within ten days, the \
                    company said in a press release issued on Monday.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].content_text(text),
            "Normal supplies will resume within ten days"
        );
        // And with or to whom the venue was made, and an irregular
        // participle.
        for text in [
            "The plant will close next year, the company said in a filing \
             with federal regulators published on Friday.",
            "The plant will close next year, the company said in a letter \
             sent to all staff.",
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(got.len(), 1, "{got:?}");
            assert_eq!(
                got[0].content_text(text),
                "The plant will close next year"
            );
        }
        // A clause after it is said, not when.
        let text = "Attacks that, Sweet noted, Trump said during the debate \
                    were sparked by his rise.";
        let got = extract(text, &segment(text));
        assert!(
            got.iter().all(|a| a.rule != "reported/speaker-after-content"
                || !a.content_text(text).starts_with("Attacks")),
            "{got:?}"
        );
    }

    #[test]
    fn a_month_a_year_or_a_named_place_after_a_cue_is_no_claim() {
        // What each "said"-like cue of `text` is given as its claim.
        let claims = |text: &str| -> Vec<String> {
            extract(text, &segment(text))
                .iter()
                .map(|a| a.content_text(text))
                .collect()
        };
        // When or where alone after the cue: the claim is before it, or
        // there is none.
        let text = "The harbour pilots were never consulted, the union \
                    argued in interviews this week.";
        assert_eq!(claims(text), ["The harbour pilots were never consulted"]);
        let text = "The ferry service has been losing money for years, \
                    Mayor Ruth Calder said Tuesday in Drumlin, noting the \
                    subsidy ends in spring.";
        let got = claims(text);
        assert!(
            got.contains(
                &"The ferry service has been losing money for years"
                    .to_string()
            ),
            "{got:?}"
        );
        assert!(got.iter().all(|c| !c.starts_with("in ")), "{got:?}");
        let text = "It was never about him, his aides argued in \
                    interviews this week; rather, it was about his ideas.";
        assert!(
            claims(text).iter().all(|c| !c.starts_with("in ")),
            "{:?}",
            claims(text)
        );
        for text in [
            "The ruling upheld the standard that the court announced \
             in 1992.",
            "Two engineers at the plant wrote in September.",
            "The regulator responded in its statement.",
            "The senator said Sunday in Halford as the crowd roared.",
        ] {
            assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
        }
        // A "that" before when alone is what was proposed.
        let text = "Senator Gwen Marsh proposed just that in 2013.";
        assert_eq!(claims(text), ["just that in 2013"]);
        // A letter and who wrote it before the "that".
        let text = "Exxon Mobil contended in its letter, written by a vice \
                    president, that the foundations had a stated bias.";
        assert_eq!(claims(text), ["the foundations had a stated bias"]);
        // A cue the lexicon misses, read by the learned model: past when
        // and where to a comma, what follows is what was written (a
        // clause of time after them is not: the senator above).
        let text = "The nationalist Harbour Times tabloid wrote in an op-ed \
                    Thursday, the leading candidate \"has surprisingly \
                    earned himself a few fans in Lisbon.\"";
        let got = claims(text);
        assert!(
            got.iter().any(|c| c.starts_with("the leading candidate")),
            "{got:?}"
        );
        // A town and its state before the "that" are where it was said.
        let text = "The governor said Tuesday in Columbus, Ohio, that he \
                    had renewed faith in the plan.";
        assert_eq!(claims(text), ["he had renewed faith in the plan"]);
    }

    #[test]
    fn a_name_right_after_a_closing_said_is_who_said_it() {
        // Not the place before the "where" clause set off ahead of it.
        let text = "Rent strikes remain rare in the United States, where \
                    tenants who withhold payment risk eviction, said Noor \
                    Haddad-Kim, who studies housing movements.";
        let a = sole(text);
        assert_eq!(
            a.speaker.as_ref().unwrap().span.text(text),
            "Noor Haddad-Kim"
        );
        assert_eq!(a.rule, "reported/inverted");
        assert!(a.content_text(text).starts_with("Rent strikes"), "{a:?}");
        // A verb that takes a person for its object keeps its subject.
        let text = "Clint Howard, the younger brother of the director, \
                    endorsed Senator Ted Cruz, who thanked him.";
        let got = extract(text, &segment(text));
        assert!(got.iter().all(|a| a.rule != "reported/inverted"), "{got:?}");
    }

    #[test]
    fn a_noun_a_name_owns_before_who_is_someone() {
        let text = "The Port Wendell Symphony's musicians, who play for \
                    the ballet, said in a letter that they would not cross \
                    the picket line.";
        let a = sole(text);
        assert_eq!(
            a.speaker.as_ref().unwrap().span.text(text),
            "The Port Wendell Symphony's musicians"
        );
        // Not before "which": a victory is no one.
        let text = "Sanders's victory, which Clinton conceded at 8 p.m., \
                    confirmed the strength of his appeal.";
        let got = extract(text, &segment(text));
        assert!(
            speakers(text, &got).iter().all(|s| !s.starts_with("Sanders")),
            "{got:?}"
        );
    }

    #[test]
    fn blamed_for_with_no_object_is_a_passive() {
        // Whether any attribution of `text` has `cue` for its cue.
        let has_cue = |text: &str, cue: &str| {
            extract(text, &segment(text))
                .iter()
                .any(|a| a.cue.is_some_and(|c| c.text(text) == cue))
        };
        for (text, cue) in [
            ("Dye works blamed for river fish kill", "blamed"),
            (
                "The man accused of buying two of the guns will remain in \
                 custody, a judge ruled.",
                "accused",
            ),
            (
                "He has been harshly criticized for policies that many see \
                 as too costly.",
                "criticized",
            ),
        ] {
            assert!(!has_cue(text, cue), "{text}");
        }
        // A relative clause with a subject of its own has its object
        // before the verb.
        let text = "The group, which French President Fran\u{e7}ois \
                    Hollande blamed for the attacks that killed 130 people, \
                    denied it.";
        assert!(has_cue(text, "blamed"));
        // Nor is the place the passive's phrase ends on its subject.
        let text = "The woman accused of driving onto a sidewalk along the \
                    Las Vegas Strip told police she was stressed.";
        let got = extract(text, &segment(text));
        assert!(
            speakers(text, &got).iter().all(|s| !s.contains("Strip")),
            "{got:?}"
        );
    }

    /// The one attribution `text` gives, which must be the only one.
    fn sole(text: &str) -> Attribution {
        let mut got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        got.remove(0)
    }

    /// The attribution of `got` whose cue is written `cue`.
    fn with_cue<'a>(
        text: &str,
        got: &'a [Attribution],
        cue: &str,
    ) -> &'a Attribution {
        got.iter()
            .find(|a| a.cue.is_some_and(|c| c.text(text) == cue))
            .unwrap_or_else(|| panic!("no \"{cue}\": {got:?}"))
    }

    #[test]
    fn a_clause_after_the_cue_is_what_was_said() {
        // A possessive after the cue opens the reported clause, so what
        // comes before the speaker is no content of its own.
        let text = "In a statement on Monday, the governor said his office \
                    had opened an inquiry.";
        assert_eq!(
            sole(text).content_text(text),
            "his office had opened an inquiry"
        );
        // "her" alone is the object: the content is before the tag.
        let text = "Her husband was free and would soon come home, the \
                    president told her.";
        assert_eq!(
            sole(text).content_text(text),
            "Her husband was free and would soon come home"
        );
        // A role before the name is the speaker's, even when a name opens
        // what was said.
        let text = "The state attorney general, Keith Ellison, said \
                    Northline had misled customers.";
        assert_eq!(
            sole(text).content_text(text),
            "Northline had misled customers"
        );
    }

    #[test]
    fn a_group_named_with_a_preposition_closes_a_sentence() {
        let text = "Talks stalled after the party rejected a proposal to \
                    raise the retirement age, negotiators from both sides \
                    said.";
        let got = extract(text, &segment(text));
        let said = with_cue(text, &got, "said");
        assert_eq!(
            said.speaker.as_ref().map(|s| s.span.text(text)),
            Some("negotiators from both sides")
        );
        // The cue inside the clause stops before the tag.
        assert!(
            got.iter().all(|a| !a.content_text(text).contains("negotiators")),
            "{got:?}"
        );
    }

    #[test]
    fn a_phrase_on_when_or_where_is_no_content() {
        // Between the addressee and "that".
        let text = "Friedrich Merz told reporters after a late-night \
                    session that he remained optimistic.";
        assert_eq!(sole(text).content_text(text), "he remained optimistic");
        // A short subject before a parenthetical cue is said with the
        // rest of its clause; "In addition" is not.
        let text = "Germany's pension system, he argued, would run out of \
                    money. In addition, he added, the plan would fail.";
        let got = extract(text, &segment(text));
        let contents: Vec<String> =
            got.iter().map(|a| a.content_text(text)).collect();
        assert_eq!(
            contents,
            [
                "Germany's pension system would run out of money",
                "the plan would fail"
            ],
            "{got:?}"
        );
        // Nor is a question that opens the sentence: the answer is said.
        let text = "Asked whether the district would sell the buildings, \
                    Manzanares said no decision had been made.";
        let got = extract(text, &segment(text));
        assert_eq!(
            with_cue(text, &got, "said").content_text(text),
            "no decision had been made"
        );
        // A subject pronoun after the cue is no addressee.
        let text = "Some said it was needed, while others warned it would \
                    hit low-income workers hardest.";
        let got = extract(text, &segment(text));
        assert!(
            got.iter().any(|a| a.content_text(text)
                == "it would hit low-income workers hardest"),
            "{got:?}"
        );
        // Opening the sentence, before a speaker and a short clause.
        let text = "In the free-trade zone, traders say business is poor.";
        assert_eq!(sole(text).content_text(text), "business is poor");
        // A pilot is a speaker like a captain.
        let text = "The pilot told controllers that he was losing an engine.";
        assert_eq!(sole(text).content_text(text), "he was losing an engine");
    }

    #[test]
    fn a_town_and_its_state_end_one_appositive() {
        for text in [
            "Carole Bower, 75, of Carthage, Ill., said she would vote.",
            "Carole Bower, a retiree in Carthage, Ill., said she would vote.",
            "Carole Bower, 75, a retiree in Carthage, Illinois, said she \
             would vote.",
        ] {
            let got = [sole(text)];
            assert_eq!(speakers(text, &got), ["Carole Bower"], "{text}");
        }
        // With no appositive before the town, the phrase ends there.
        let text = "The mayor of Portland, Ore., said the plan would fail.";
        let got = [sole(text)];
        assert_eq!(speakers(text, &got), ["The mayor of Portland"]);
    }

    #[test]
    fn lower_case_words_before_a_title_open_an_appositive() {
        let text = "The challenger, state Sen. Linda Ferraro, falsely \
                    claimed on Tuesday that the governor cut school funding.";
        let got = sole(text);
        assert!(got.speaker.is_some(), "{got:?}");
        assert_eq!(got.content_text(text), "the governor cut school funding");
    }

    #[test]
    fn a_coordinated_verb_follows_a_quotation_after_another_sentence() {
        // The quotation rules run first, so the sentence before comes
        // after the quotation in the list made so far.
        let text = "Her family has farmed the land since 1948, she said.\n\n\
                    Gov. Katie Hobbs called the cuts \"painful but \
                    necessary\" and said the state would spend $1 billion. \
                    Arizona will lose a fifth of its water, the bureau said.";
        let got = extract(text, &segment(text));
        let contents: Vec<String> =
            got.iter().map(|a| a.content_text(text)).collect();
        for want in [
            "the state would spend $1 billion",
            "Arizona will lose a fifth of its water",
        ] {
            assert!(contents.iter().any(|c| c == want), "{want}: {got:?}");
        }
    }

    #[test]
    fn a_coordinated_verb_follows_a_quotation_before_many_others() {
        // However many quotations later sentences hold, they are made
        // before the "and said" is read.
        let mut text = String::from(
            "Hale called the ruling \"a political act\" and said lawmakers \
             had followed every requirement.",
        );
        for k in 0..10 {
            text.push_str(&format!("\n\n\"We won round {k},\" Okonjo said."));
        }
        let got = extract(&text, &segment(&text));
        let found = got
            .iter()
            .find(|a| {
                a.content_text(&text)
                    == "lawmakers had followed every requirement"
            })
            .unwrap_or_else(|| panic!("{got:?}"));
        let speaker = found.speaker.as_ref().map(|s| s.span.text(&text));
        assert_eq!(speaker, Some("Hale"), "{got:?}");
    }

    #[test]
    fn a_past_verb_before_people_ends_the_subject() {
        // "gave" is the verb whose object "lawmakers" is, not part of
        // the subject the "and said" shares.
        let text = "The court gave lawmakers 45 days to adopt a new map and \
                    said it would appoint an outside expert.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["The court"], "{got:?}");
    }

    #[test]
    fn a_modifier_before_and_shares_the_head_after_it() {
        let text = "Federal and state officials said the two raised $350 \
                    million. Democratic and Republican leaders said the bill \
                    would pass. Flu cases have doubled, state health \
                    officials said Wednesday, and hospitals are bracing.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            [
                "Federal and state officials",
                "Democratic and Republican leaders",
                "state health officials"
            ],
            "{got:?}"
        );
        assert_eq!(got[2].content_text(text), "Flu cases have doubled");
        // "Current" and "former" are such modifiers, and a restrictive
        // clause follows the head.
        let text = "Current and former aides who spoke with The Ledger said \
                    the office was in chaos.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            ["Current and former aides who spoke with The Ledger"],
            "{got:?}"
        );
    }

    #[test]
    fn a_lone_plural_after_and_shares_the_determiner_before() {
        let text = "Her aides and advisers said the plan was dead. \
                    Officials and lawmakers said the bill would pass. US \
                    officials and international experts say the drug is \
                    deadly. The mayor and two aides said the road would \
                    close. Edwards and others said they could not vote.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            [
                "Her aides and advisers",
                "Officials and lawmakers",
                "US officials",
                "international experts",
                "The mayor",
                "two aides",
                "Edwards",
                "others",
            ],
            "{got:?}"
        );
    }

    #[test]
    fn people_of_two_places_are_one_speaker() {
        let text = "Officials in Mexico and Guatemala said the patrols \
                    would start. The presidents of Mexico and Guatemala \
                    agreed to step up patrols. Officials in Mexico and \
                    Maria Lopez said the talks failed.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            [
                "Officials in Mexico and Guatemala",
                "The presidents of Mexico and Guatemala",
                "Officials in Mexico",
                "Maria Lopez",
            ],
            "{got:?}"
        );
    }

    #[test]
    fn a_subject_with_an_appositive_speaks_for_a_second_verb() {
        let text = "The Guatemalan president, Bernardo Arevalo, nodded and \
                    added that his government would send police.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["The Guatemalan president"]);
        assert_eq!(
            got[0].content_text(text),
            "his government would send police"
        );
    }

    #[test]
    fn a_body_with_a_relative_clause_speaks_once_for_each_cue() {
        // ", which" opens a clause on the name before it, as ", who"
        // does: no second speaker, and the main verb keeps the name.
        let text = "The European Union, which opposed the plan, said the \
                    tax was illegal and unfair.";
        assert_speakers_and_content(
            text,
            &["The European Union, which", "The European Union"],
            (1, "the tax was illegal and unfair"),
        );
        // A reporting verb is no part of the next clause's subject.
        let text = "Mr. Leenders, who opposed the plan, said he voted no.";
        let got = extract(text, &segment(text));
        assert!(
            speakers(text, &got).iter().all(|s| !s.starts_with("said")),
            "{got:?}"
        );
    }

    #[test]
    fn a_recall_of_goods_is_no_memory() {
        for text in [
            "Tessaro Motors is recalling about 412,000 sedans because a \
             bolt in the steering column can loosen.",
            "Tessaro recalls 412,000 sedans over steering defect",
        ] {
            let got = extract(text, &segment(text));
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        let text = "Mr. Brown recalled that the plant closed in 2009.";
        assert_eq!(extract(text, &segment(text)).len(), 1);
    }

    #[test]
    fn a_delegation_heads_a_speaker_after_an_owner() {
        // "of China's delegation": past the name and its owner's mark to
        // the body's noun, and past the clause set off after it.
        let text = "A member of China's delegation, who spoke on condition of \
                    anonymity, said Beijing viewed the pledges as voluntary.";
        let got = sole(text);
        let speaker = got.speaker.as_ref().map(|s| s.span.text(text));
        assert_eq!(speaker, Some("A member of China's delegation"));
        assert_eq!(got.rule, "reported/speaker-before");
    }

    #[test]
    fn institutions_and_relatives_speak_after_their_content() {
        // Nouns of sport, business, health and family news, not only of
        // politics, head a speaker phrase after the content.
        for (text, speaker) in [
            (
                "United have sacked their manager after a home defeat, the club confirmed on Monday.",
                "the club",
            ),
            ("Rates will stay high for a while, the bank said.", "the bank"),
            (
                "He had never been in trouble with the police, his wife said.",
                "his wife",
            ),
            (
                "The trial was stopped because of safety concerns, the researcher said.",
                "the researcher",
            ),
            // A government's or a church's body by its common noun, with
            // where it was said after the cue.
            (
                "The envoy was summoned over the seizure, the ministry said in a statement.",
                "the ministry",
            ),
            (
                "The school will close in June, the church said on Monday.",
                "the church",
            ),
            // A bloc of countries.
            ("The deal is dead, the bloc said on Friday.", "the bloc"),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [speaker], "{text}: {got:?}");
            assert_eq!(got[0].rule, "reported/speaker-after-content");
        }
    }

    #[test]
    fn a_quotation_reported_inside_a_paraphrase_is_the_reporters() {
        // "the findings" opens what Ms. Ruiz said; it is no speaker of
        // its own, and the quotation is hers.
        let text = "Councilwoman Ana Ruiz, a Democrat, said the findings \
                    showed that “the work is far from over.”";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Councilwoman Ana Ruiz"], "{got:?}");
        assert_eq!(
            got[0].content_text(text),
            "the findings showed that “the work is far from over.”"
        );
        assert!(got[0].direct);
        // With no cue before it, a common noun still speaks a quotation.
        let text = "The announcer said that “the game is over.”";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["The announcer"], "{got:?}");
    }

    #[test]
    fn split_quote_is_one_attribution_with_two_pieces() {
        let text = "“It is bad,” she said, “and it is getting worse.”";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].content.len(), 2);
        assert!(got[0].direct);
    }

    #[test]
    fn a_lower_case_second_piece_joins_past_a_long_appositive() {
        let text = "\"This used to be Russia's back yard,\" said Raffaello \
                    Pantucci, director of International Security Studies \
                    at the Royal United Services Institute in London, \"but \
                    it is increasingly coming into China's thrall.\"";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].content.len(), 2);
        assert_eq!(speakers(text, &got), ["Raffaello Pantucci"]);
    }

    #[test]
    fn joining_takes_only_the_next_sentences_piece() {
        let text = "“It is bad,” she said. “It is worse.” “It is over.”\n\n\
                    “We lost,” he said.\n\n“We will win,” he said.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 5, "{got:?}");
        let joined = join_split_quotes(text, got);
        let contents: Vec<String> =
            joined.iter().map(|a| a.content_text(text)).collect();
        // The third sentence's quotation and the next paragraph's are
        // their own attributions.
        assert_eq!(
            contents,
            [
                "It is bad, It is worse.",
                "It is over.",
                "We lost,",
                "We will win,"
            ]
        );
    }

    #[test]
    fn joining_takes_a_quotation_that_carries_on_in_the_next_paragraph() {
        let text = "“Do we have issues? Of course we have issues,” Barkley \
                    said.\n\n“Then you have these losers who love that, \
                    because they are afraid.”\n\nHe left. “It was a long \
                    night for all of us here,” she said.\n\nThe crowd \
                    cheered. “We will be back next year,” she added.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 4, "{got:?}");
        let joined = join_split_quotes(text, got);
        let pieces: Vec<usize> =
            joined.iter().map(|a| a.content.len()).collect();
        // Words stand between the others and the quotation before.
        assert_eq!(pieces, [2, 1, 1], "{joined:?}");
    }

    #[test]
    fn a_quotation_tag_takes_a_common_noun_and_a_bare_cue() {
        let text = "“Nobody seems worried by it,” the insider said. \
                    “It will pass,” she continued.";
        let got = extract(text, &segment(text));
        let tags = tags(text, &got);
        assert_eq!(tags, [("the insider", "said"), ("she", "continued")]);
    }

    #[test]
    fn initials_are_part_of_a_name_in_a_quotations_tag() {
        let text = "“The winds are changing,” J. Gerald Hebert said. “It \
                    is done,” James A. Baker wrote in a letter. “It is \
                    late,” said Ann B. Cole.";
        let got = extract(text, &segment(text));
        let tags = tags(text, &got);
        assert_eq!(
            tags,
            [
                ("J. Gerald Hebert", "said"),
                ("James A. Baker", "wrote"),
                ("Ann B. Cole", "said")
            ],
            "{got:?}"
        );
        // "in a letter" is no claim of Baker's.
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn a_tags_speaker_may_end_in_jr_and_be_described_with_a_bare_cue() {
        let text = "“They sell murder,” James Comey Jr., the director, \
                    said. “It is on their minds,” Thomas Hanify, the \
                    president of the Indiana state firefighters union, \
                    said.";
        let got = extract(text, &segment(text));
        assert_eq!(
            tags(text, &got),
            [("James Comey Jr.", "said"), ("Thomas Hanify", "said")],
            "{got:?}"
        );
    }

    #[test]
    fn a_long_speaker_phrase_is_read_back_from_the_tags_cue() {
        let text = "“They have to decide whether to feed themselves,” \
                    Fight for $15 organizing director Kendall Fells told \
                    Fox News in Milwaukee.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        let (speaker, cue) = tags(text, &got)[0];
        assert!(speaker.ends_with("director Kendall Fells"), "{speaker}");
        assert_eq!(cue, "told");
        assert_eq!(
            got[0].content_text(text),
            "They have to decide whether to feed themselves,"
        );
        // A judge named with a court's whole name: fourteen words.
        let text = "“Nexora is a monopolist,” Judge Alan Pierce of the U.S. \
                    District Court for the District of Columbia wrote in a \
                    277-page opinion.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].content_text(text), "Nexora is a monopolist,");
        assert_eq!(tags(text, &got)[0].1, "wrote");
        // A question or an exclamation closes the quotation as a comma
        // does.
        let text = "“So why didn’t he pay?” a narrator in the new ad asks.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(tags(text, &got)[0], ("a narrator in the new ad", "asks"));
        // A cue that goes on with a clause of its own ends no tag.
        let text = "“It was a mistake,” Fight for $15 organizing \
                    director Kendall Fells found comic relief in it.";
        let got = extract(text, &segment(text));
        assert!(
            got.iter().all(|a| a.rule != "quote/speaker-after"),
            "{got:?}"
        );
    }

    #[test]
    fn any_past_tense_verb_in_a_quotations_tag() {
        let text = "“Never a girl before,” scoffed Arianna Gil. “Who \
                    knows?” she laughed.";
        let got = extract(text, &segment(text));
        assert_eq!(cues(text, &got), ["scoffed", "laughed"], "{got:?}");
    }

    #[test]
    fn a_tag_verb_may_say_where_or_how_the_words_were_said() {
        let text = "“If you ask one more mean question, I may leave,” Cruz \
                    quipped in reference to the absent Trump. “Note to \
                    terrorists: over my dead body,” Palin posted via \
                    Facebook. “We are fine,” she sighed and turned away.";
        let got = extract(text, &segment(text));
        // "sighed and" goes on into a clause of its own: no tag.
        assert_eq!(cues(text, &got), ["quipped", "posted"], "{got:?}");
    }

    #[test]
    fn a_cue_that_opens_the_sentence_has_its_speaker_after_it() {
        let text = "The vote was close. Said Ellis: “I don’t see the \
                    interest.”\n\nAdded the senator, “We will not wait.”";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Ellis", "the senator"], "{got:?}");
        assert_eq!(cues(text, &got), ["Said", "Added"]);
        // Where it was said may follow the speaker.
        let text = "The vote was close. Said Ellis in an email: “We will \
                    not wait.”";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Ellis"], "{got:?}");
    }

    #[test]
    fn a_clause_of_time_may_follow_a_tag_verb() {
        let text = "“Get back, all of you,” the guard yells while waving \
                    the crowd on. “Not again,” she screamed as the lights \
                    went out.";
        let got = extract(text, &segment(text));
        assert_eq!(cues(text, &got), ["yells", "screamed"], "{got:?}");
        assert_eq!(speakers(text, &got), ["the guard", "she"]);
    }

    #[test]
    fn a_text_reads_and_a_common_noun_follows_an_inverted_tag() {
        let text = "“Chairman Gowdy tied these statements to his firing,” \
                    the suit reads. “I am still with Sanders,” read one \
                    sign. “Anybody but Trump,” said the banner.";
        let got = extract(text, &segment(text));
        let tags = tags(text, &got);
        assert_eq!(
            tags,
            [
                ("the suit", "reads"),
                ("one sign", "read"),
                ("the banner", "said")
            ]
        );
    }

    #[test]
    fn a_quotation_paragraph_is_signed_on_the_next_line() {
        let text = "“I will look into it. I don't know the status, but I \
                    will certainly look into it.”\n\n- Hillary Clinton.\n\n\
                    “Crooked Hillary is something we hear all the time, \
                    and it needs to stop.”\n-Michelle Marks, Philadelphia.\n\n\
                    The crowd called it “the best rally of the whole long \
                    campaign so far”\n- Trump Tower.";
        let got = extract(text, &segment(text));
        let signed: Vec<Attribution> =
            got.into_iter().filter(|a| a.rule == "quote/dash-name").collect();
        // The last quotation is not a paragraph of its own ("The crowd"
        // called it so).
        assert_eq!(
            speakers(text, &signed),
            ["Hillary Clinton", "Michelle Marks"]
        );
    }

    #[test]
    fn a_name_and_a_colon_before_a_quotation() {
        let text = "He said the goal was to contain it. Bush: “The mission \
                    is to destroy ISIS, not to contain it.”\n\nRep. Trey \
                    Gowdy (R-S.C.): “Who told you that figure?”\n\nRED \
                    STATES OUTNUMBER BLUE - Jeffrey M. Jones: “Gallup's \
                    analysis shows it.” Update: “The figures were revised.”";
        let got = extract(text, &segment(text));
        let named: Vec<Attribution> =
            got.into_iter().filter(|a| a.direct).collect();
        assert_eq!(
            speakers(text, &named),
            ["Bush", "Rep. Trey Gowdy (R-S.C.)", "Jeffrey M. Jones"],
            "{named:?}"
        );
    }

    #[test]
    fn a_tags_common_noun_may_follow_a_name_or_a_capitalised_word() {
        let text = "“We ask for answers on all of it,” the committee \
                    chairmen wrote. “It was her speech, and we are fine,” \
                    the Lincoln actor says of the race.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            ["the committee chairmen", "the Lincoln actor"],
            "{got:?}"
        );
    }

    #[test]
    fn a_participle_after_a_tag_takes_the_tags_speaker() {
        let text = "Ryan and Trump will meet next week, Spicer said, \
                    adding, “They need to sit down and have a good talk.” \
                    Grayson said she had no chance, the source recalled, \
                    adding that Grayson wanted the seat.";
        let got = extract(text, &segment(text));
        let adding: Vec<&str> = got
            .iter()
            .filter(|a| a.cue.is_some_and(|c| c.text(text) == "adding"))
            .map(|a| a.speaker.as_ref().expect("a speaker").span.text(text))
            .collect();
        assert_eq!(adding, ["Spicer", "the source"], "{got:?}");
    }

    #[test]
    fn a_noun_phrase_before_a_participle_is_no_tag() {
        // "decline" after a possessive and "attacks" after a preposition
        // are nouns: the words before them said nothing.
        for (text, who) in [
            (
                "Democrats see Sanders as an agent in Clinton's decline, \
                 arguing that his attacks have been aimed at her character.",
                "Democrats",
            ),
            (
                "The governor spoke to voters after the Orlando attacks, \
                 citing his record on terror.",
                "The governor",
            ),
        ] {
            let got = extract(text, &segment(text));
            let citing: Vec<&str> = got
                .iter()
                .filter(|a| a.rule.as_str() == "reported/participle")
                .map(|a| {
                    a.speaker.as_ref().expect("a speaker").span.text(text)
                })
                .collect();
            assert_eq!(citing.len(), 1, "{text}: {got:?}");
            assert!(citing[0].starts_with(who), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_verb_between_two_names_ends_the_subject() {
        for (text, who) in [
            (
                "Obama positioned Clinton as his heir and said she would \
                 finish the job.",
                "Obama",
            ),
            (
                "Todd pressed Republican National Chairman Reince Priebus, \
                 saying that Trump should release them.",
                "Todd",
            ),
            (
                "Cameron criticised Trump last year and described him as \
                 divisive.",
                "Cameron",
            ),
        ] {
            let got = extract(text, &segment(text));
            let found = speakers(text, &got);
            assert!(!found.is_empty(), "{text}: {got:?}");
            assert!(found.iter().all(|s| *s == who), "{text}: {got:?}");
        }
        // Not a possessive, nor a name's "of".
        let text = "Mr. Nevins of Showtime said the show would return.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Mr. Nevins of Showtime"]);
    }

    #[test]
    fn a_hyphenated_subject_reaches_its_verb_past_a_relative_clause() {
        let text = "Vehrmann-Lys, who had led the party since 2013, \
                    congratulated her rival and said she would stay on as \
                    leader.";
        let got = extract(text, &segment(text));
        let said = with_cue(text, &got, "said");
        let speaker = said.speaker.as_ref().map(|s| s.span.text(text));
        assert_eq!(speaker, Some("Vehrmann-Lys"), "{got:?}");
        // A compound adjective before a comma is no subject of its own.
        let text = "The Queens-born, Manhattan-made Mr. Trump seized the \
                    stage and said he would win.";
        let got = extract(text, &segment(text));
        let said = with_cue(text, &got, "said");
        let speaker = said.speaker.as_ref().map(|s| s.span.text(text));
        assert!(speaker.is_some_and(|s| s.ends_with("Mr. Trump")), "{got:?}");
    }

    #[test]
    fn a_verb_of_belief_after_and_goes_on_with_the_claim() {
        let text = "Dana Whitlock-Ferreira said her client was innocent \
                    and hoped to be released on bond.";
        let a = sole(text);
        assert!(a.content_text(text).ends_with("on bond"), "{a:?}");
        // A verb of saying still makes a claim of its own.
        let text = "Dana Whitlock-Ferreira said her client was innocent \
                    and added that he would appeal.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn a_second_that_clause_after_a_comma_carries_on_the_claim() {
        let text = "The company said it had no evidence that records had \
                    been taken, and that it would offer patients credit \
                    monitoring.";
        let a = with_cue(text, &extract(text, &segment(text)), "said").clone();
        assert!(a.content_text(text).ends_with("credit monitoring"), "{a:?}");
        let text = "Dr. Strand said 31 people had sought treatment, but \
                    that it was too early to say why.";
        let a = with_cue(text, &extract(text, &segment(text)), "said").clone();
        assert!(a.content_text(text).ends_with("to say why"), "{a:?}");
        // "that" pointing back is no second clause.
        let text = "Gowdy cited a report about e-mail retention, but that \
                    report concerned other officials.";
        let got = extract(text, &segment(text));
        assert!(
            got.iter().all(|a| !a.content_text(text).contains("concerned")),
            "{got:?}"
        );
    }

    #[test]
    fn a_past_form_set_off_inside_the_claim_is_no_cue() {
        let text = "The manager said the second goal, conceded two minutes \
                    before half-time, had knocked the belief out of them.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].content_text(text).ends_with("out of them"), "{got:?}");
        // A tag after the comma still ends the claim.
        let text = "The plan will fail, conceded Smith, who wrote it.";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].content_text(text), "The plan will fail", "{got:?}");
    }

    #[test]
    fn a_quotation_with_its_own_tag_inherits_no_speaker() {
        let text = "“We are fine,” Smith said.\n\n“It is over,” the \
                    banner over the stage read.";
        let got = extract(text, &segment(text));
        // Too short to keep without a speaker, and not Smith's.
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].content_text(text), "We are fine,");
    }

    #[test]
    fn a_middle_initial_stays_in_the_name() {
        let text = "James A. Lewis, a former government expert, said the \
                    risk was real. “We will see,” said Vann R. Newkirk II.";
        let got = extract(text, &segment(text));
        let speakers = speakers(text, &got);
        assert_eq!(speakers, ["James A. Lewis", "Vann R. Newkirk II"]);
    }

    #[test]
    fn as_x_put_it_before_a_quotation() {
        let text = "As the senator put it, “Nobody wins.” He put it on \
                    the table and left.";
        // The rules take "put it" as a cue in the first sentence only.
        // (The cue model, retrained when leftover quotations began to
        // wait for it, reads "He put it on the table" as an attribution:
        // a mistake of the model's, counted in its figures.)
        let seg = segment(text);
        let (_, got) = after_rules(text, &seg);
        assert_eq!(got.len(), 1, "{got:?}");
        let got = extract(text, &seg);
        let cue = got[0].cue.expect("a cue");
        assert_eq!(cue.text(text), "put it");
        assert!(got[0].direct);
    }

    #[test]
    fn went_on_to_say_is_one_cue() {
        let text = "The senator went on to say the plan would fail.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        let cue = got[0].cue.expect("a cue");
        assert_eq!(cue.text(text), "went on to say");
        assert_eq!(got[0].content_text(text), "the plan would fail");
    }

    #[test]
    fn a_quantifier_alone_is_a_speaker() {
        let text = "Some voters cheered, and others said the debate was \
                    rigged. Another tweeted, “Nobody won tonight.”";
        let got = extract(text, &segment(text));
        let speakers = speakers(text, &got);
        assert_eq!(speakers, ["others", "Another"], "{got:?}");
        // Inside a coordinated subject it is only a conjunct.
        let text = "The mayor spoke, but he and others argue that the law \
                    is unfair.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn a_union_speaks_past_a_relative_clause() {
        let text = "The union, which represents ground staff, said the \
                    workers had no choice.";
        let got = extract(text, &segment(text));
        assert_eq!(tags(text, &got), [("The union", "said")], "{got:?}");
        assert_eq!(got[0].content_text(text), "the workers had no choice");
    }

    #[test]
    fn forecast_is_a_cue_in_every_form() {
        let text = "Economists polled by Reuters had forecast a gain of \
                    about 9,000. The company forecasts revenue below \
                    estimates.";
        let got = extract(text, &segment(text));
        let cues: Vec<&str> =
            got.iter().filter_map(|a| a.cue.map(|c| c.text(text))).collect();
        assert_eq!(cues, ["forecast", "forecasts"], "{got:?}");
        assert_eq!(got[0].content_text(text), "a gain of about 9,000");
    }

    #[test]
    fn a_closing_tag_takes_any_common_noun_phrase() {
        let text = "No visitors were hurt, the zoo said. Zoo keepers fed \
                    the cat, the zoo said on Monday.";
        let got = extract(text, &segment(text));
        // Only the sentence's last words vouch for a phrase no speaker
        // noun heads: with words after the tag, it stays unread.
        assert_eq!(speakers(text, &got), ["the zoo"], "{got:?}");
        assert_eq!(got[0].content_text(text), "No visitors were hurt");
    }

    #[test]
    fn a_closing_tag_takes_a_bare_plural_that_agrees() {
        let text = "The ship could block the canal for a week, salvors \
                    warn. The dust may hide a planet, research said. \
                    The crane will arrive on Friday, crews says.";
        let got = extract(text, &segment(text));
        // No plural, or a verb that does not agree with one: no speaker.
        assert_eq!(speakers(text, &got), ["salvors"], "{got:?}");
        assert_eq!(
            got[0].content_text(text),
            "The ship could block the canal for a week"
        );
    }

    #[test]
    fn common_occupations_head_a_speaker() {
        let text = "Its actuary told the board that the losses would \
                    require higher contributions. Two former senior \
                    managers, who asked not to be named, said the board had \
                    pushed her out. One of the report's co-authors, who \
                    asked not to be named, said there had been disagreement.";
        let got = extract(text, &segment(text));
        let want = [
            "Its actuary",
            "Two former senior managers",
            "One of the report's co-authors",
        ];
        assert_eq!(speakers(text, &got), want, "{got:?}");
    }

    #[test]
    fn a_name_apposed_inside_a_whose_clause_is_not_the_speaker() {
        let text = "Catriona Hale, whose mother, Agnes, was one of the two \
                    passengers who died, said the evidence had been hard to \
                    hear. Senator Marco Rubio, whose hometown, Miami, is \
                    threatened by rising seas, has said efforts to combat \
                    it will fail.";
        let got = extract(text, &segment(text));
        let want = ["Catriona Hale", "Senator Marco Rubio"];
        assert_eq!(speakers(text, &got), want, "{got:?}");
    }

    #[test]
    fn that_before_a_noun_for_a_claim_is_its_determiner() {
        let text = "The judge rejected that argument. Jeff Weaver dismissed \
                    that suggestion as a sign of disarray. She said that \
                    reports of a deal were false.";
        let got = extract(text, &segment(text));
        let contents: Vec<String> =
            got.iter().map(|a| a.content_text(text)).collect();
        assert_eq!(
            contents,
            [
                "that argument",
                "that suggestion as a sign of disarray",
                "reports of a deal were false"
            ],
            "{got:?}"
        );
    }

    #[test]
    fn asking_not_to_be_named_is_no_claim() {
        let text = "A teacher, who asked not to be named, said the deal did \
                    nothing about workload. A nurse who asked not to be \
                    identified said the week was long. One of the \
                    co-authors, who asked not to be named because the \
                    network had not authorized comment, said there had been \
                    disagreement.";
        let got = extract(text, &segment(text));
        let cues: Vec<&str> =
            got.iter().filter_map(|a| a.cue.map(|c| c.text(text))).collect();
        // The last "asked" is one the learned model would take.
        assert!(cues.iter().all(|&c| c == "said"), "{got:?}");
        let speakers = speakers(text, &got);
        assert_eq!(speakers[..2], ["A teacher", "A nurse"], "{got:?}");
    }

    #[test]
    fn a_cue_in_a_relative_clause_inside_an_appositive_is_passed() {
        let text = "Dr. Helena Osei, a musicologist in Boston who has \
                    testified in copyright cases, said the two choruses were \
                    close.";
        let got = extract(text, &segment(text));
        let said = got
            .iter()
            .find(|a| a.cue.is_some_and(|c| c.text(text) == "said"))
            .expect("said");
        let speaker = said.speaker.as_ref().unwrap().span.text(text);
        assert_eq!(speaker, "Dr. Helena Osei");
        assert_eq!(said.content_text(text), "the two choruses were close");
    }

    #[test]
    fn a_name_before_a_description_and_a_relative_clause_speaks() {
        let text = "Professor Gunter Kuhnle, a nutrition expert at the \
                    University of Reading, who was not involved in the \
                    research, told reporters the definition was too broad.";
        let got = extract(text, &segment(text));
        let told = got
            .iter()
            .find(|a| a.cue.is_some_and(|c| c.text(text) == "told"))
            .unwrap();
        let speaker = told.speaker.as_ref().unwrap().span.text(text);
        assert_eq!(speaker, "Professor Gunter Kuhnle");
        // With no name before it, the description speaks.
        let text = "Later, a nutrition expert at the University of Reading, \
                    who was not involved, told reporters it was too broad.";
        let got = extract(text, &segment(text));
        let told = got
            .iter()
            .find(|a| a.cue.is_some_and(|c| c.text(text) == "told"))
            .unwrap();
        let speaker = told.speaker.as_ref().unwrap().span.text(text);
        assert!(speaker.starts_with("a nutrition expert"), "{speaker}");
    }

    #[test]
    fn a_name_before_two_descriptions_speaks() {
        // The second description is the first one's noun's ("a lobby
        // group" is the trust), so the name before both speaks.
        let text = "Douglas Finch, a trustee of the Heritage Trust, a \
                    British lobby group, argued that museums risked \
                    emptying their galleries.";
        assert_eq!(
            speakers(text, &extract(text, &segment(text))),
            ["Douglas Finch"]
        );
        // A place after an opening preposition is no name of the
        // speaker's.
        let text = "In Washington, the senator, a Democrat, said the bill \
                    would pass.";
        assert_eq!(
            speakers(text, &extract(text, &segment(text))),
            ["the senator"]
        );
    }

    #[test]
    fn dismissing_a_job_holder_reports_no_claim() {
        for text in [
            "The club dismissed their manager after the defeat.",
            "The firm dismissed 200 workers on Monday.",
        ] {
            let got = extract(text, &segment(text));
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        // Rejecting what someone said, or someone as something, is one.
        let text = "The senator dismissed the adviser as a crank.";
        let got = extract(text, &segment(text));
        assert_eq!(tags(text, &got), [("The senator", "dismissed")]);
        let text = "The senator dismissed the claims of the manager.";
        let got = extract(text, &segment(text));
        assert_eq!(tags(text, &got), [("The senator", "dismissed")]);
    }

    #[test]
    fn a_part_of_a_group_named_by_a_pronoun_speaks() {
        let text = "One of them, who asked not to be named, said the mood \
                    was grim.";
        let got = extract(text, &segment(text));
        let said = got
            .iter()
            .find(|a| a.cue.is_some_and(|c| c.text(text) == "said"))
            .unwrap();
        let speaker = said.speaker.as_ref().unwrap().span.text(text);
        assert_eq!(speaker, "One of them");
        assert_eq!(said.content_text(text), "the mood was grim");
        let text = "Many were angry. Most of us agree the deal is bad.";
        let got = extract(text, &segment(text));
        assert_eq!(tags(text, &got), [("Most of us", "agree")], "{got:?}");
    }

    #[test]
    fn a_tag_speaker_may_end_in_a_place_after_its_head() {
        for (text, speaker) in [
            (
                "“It is over,” a council leader in the north said.",
                "a council leader in the north",
            ),
            (
                "“It is over,” an official in the region said.",
                "an official in the region",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(tags(text, &got), [(speaker, "said")], "{text}");
        }
        // Where or when it was said is no part of the speaker.
        for text in [
            "“It is over,” an official in a statement said.",
            "“It is over,” an official in March said.",
        ] {
            let got = extract(text, &segment(text));
            assert!(
                got.iter().all(|a| a.speaker.is_none()
                    || !a
                        .speaker
                        .as_ref()
                        .unwrap()
                        .span
                        .text(text)
                        .contains(" in ")),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_long_appositive_before_the_cue() {
        let text = "James Lewis, a former government cybersecurity \
                    expert who now studies the cyber activities of nations \
                    at the Center for Strategic and International Studies, \
                    said the risk was real.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        let speaker = got[0].speaker.as_ref().expect("a speaker");
        assert_eq!(speaker.span.text(text), "James Lewis");
    }

    #[test]
    fn a_participle_between_the_tag_and_the_second_piece() {
        let text = "“Every time you say that,” Tester said, holding up \
                    a chart, “you give them ammunition.”";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].content.len(), 2);
        let speaker = got[0].speaker.as_ref().expect("a speaker");
        assert_eq!(speaker.span.text(text), "Tester");
    }

    #[test]
    fn a_long_appositive_in_a_quotations_tag() {
        let text = "“It is an invasion of our domain,” Scott Pruitt, the \
                    Republican attorney general of Oklahoma, one of the \
                    states in the case, said at an event.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].rule, "quote/speaker-after");
        let speaker = got[0].speaker.as_ref().expect("a speaker");
        assert_eq!(speaker.span.text(text), "Scott Pruitt");
    }

    #[test]
    fn of_does_not_open_a_speaker() {
        let text = "“He is funny,” Eric Levine said of Trump. “He is a \
                    circus act.” Of Carson, Levine, a donor, said, “He is \
                    scary.”";
        let got = extract(text, &segment(text));
        for a in &got {
            let speaker = a.speaker.as_ref().expect("a speaker");
            assert!(!speaker.span.text(text).starts_with("Of"), "{got:?}");
        }
    }

    #[test]
    fn a_sentence_after_a_closed_quotation_is_not_its_tag() {
        let text = "Ms. Lee called the plan “a disaster for the city.” She \
                    says it shows that the mayor is unfit.";
        let got = extract(text, &segment(text));
        let quote = got.iter().find(|a| a.direct).expect("the quotation");
        assert_ne!(quote.rule, "quote/speaker-after", "{got:?}");
        let says = got.iter().find(|a| !a.direct).expect("the paraphrase");
        assert_eq!(
            says.content_text(text),
            "it shows that the mayor is unfit"
        );
        // A tag that ends there is still the quotation's.
        let text = "“We will win.” she said, smiling.";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].rule, "quote/speaker-after", "{got:?}");
    }

    #[test]
    fn a_verb_after_and_before_a_quotation_has_the_clauses_subject() {
        let text = "Asked about the race, Mayor Ruiz thought for a moment and \
                    said that in this climate, “I think it is an advantage.”";
        let got = extract(text, &segment(text));
        let said = got
            .iter()
            .find(|a| a.cue.is_some_and(|c| c.text(text) == "said"))
            .expect("the quotation's claim");
        let speaker = said.found_speaker().expect("a speaker");
        assert_eq!(speaker.span.text(text), "Mayor Ruiz", "{got:?}");
    }

    #[test]
    fn the_object_of_a_preposition_before_a_cue_is_no_speaker() {
        for (text, speaker) in [
            (
                "Clinton responded to the question on Facebook writing, \
                 “Yes, I will.”",
                "Clinton",
            ),
            (
                "The campaign quickly blasted out an email to supporters \
                 stating, “Ryan Joins List.”",
                "The campaign",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(got.len(), 1, "{got:?}");
            let found = got[0].found_speaker().map(|s| s.span.text(text));
            assert_eq!(found, Some(speaker), "{got:?}");
        }
    }

    #[test]
    fn a_quoted_phrase_inside_a_sentence_has_no_tag_after_it() {
        for text in [
            "Clinton is describing as “unhinged” a Donald Trump tweet \
             attacking a former Miss Universe.",
            "He will tell the “bigots” who oppose amnesty to leave.",
        ] {
            let got = extract(text, &segment(text));
            assert!(
                got.iter().all(|a| a.rule != "quote/speaker-after"),
                "{got:?}"
            );
        }
        // A quotation that opens its sentence keeps its tag, and so does
        // one with a comma after it.
        for (text, speaker) in [
            ("“The caucus is a battle of niches” Grubbs said.", "Grubbs"),
            ("He avoided words like “maybe”, he told reporters.", "he"),
            ("The plan was “a mess from the start,” Lee said.", "Lee"),
        ] {
            let got = extract(text, &segment(text));
            let tag = got.iter().find(|a| a.rule == "quote/speaker-after");
            let tag = tag.unwrap_or_else(|| panic!("{got:?}"));
            let found = tag.speaker.as_ref().map(|s| s.span.text(text));
            assert_eq!(found, Some(speaker));
        }
    }

    #[test]
    fn a_tag_that_leads_into_a_quotation_is_not_the_partial_quotes() {
        // The partial quotation belongs to "says"; "She adds," leads into
        // the next quotation.
        let text = "She says the mayor is “a danger to the city.” She \
                    adds, “Who would trust him with a budget?”";
        let got = extract(text, &segment(text));
        for (cue, content) in [
            ("says", "the mayor is “a danger to the city.”"),
            ("adds", "Who would trust him with a budget?"),
        ] {
            let found =
                got.iter().find(|a| a.cue.map(|c| c.text(text)) == Some(cue));
            let found = found.unwrap_or_else(|| panic!("{cue}: {got:?}"));
            assert_eq!(found.content_text(text), content);
        }
        // A quotation that is its own sentence keeps the tag after it.
        let text = "“We will win.” She adds, “They know it.”";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].rule, "quote/speaker-after", "{got:?}");
        assert_eq!(got[0].content[0].text(text), "We will win.");
    }

    #[test]
    fn an_opening_subordinate_clause_ends_at_its_comma() {
        let text = "When the senator said the bill would pass, nobody \
                    believed him.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].content_text(text), "the bill would pass");
    }

    #[test]
    fn a_sentence_opening_with_a_preposition_has_its_subject_after() {
        let text = "Amid the protests, the governor spoke on Monday, \
                    saying the curfew would stay.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["the governor"], "{got:?}");
        let text = "Despite the rescue of the hostages, talks stalled over \
                    the minister's remarks, signaling a lack of resolve.";
        let got = extract(text, &segment(text));
        assert!(
            speakers(text, &got).iter().all(|s| !s.starts_with("Despite")),
            "{got:?}"
        );
    }

    #[test]
    fn an_age_before_an_appositive() {
        let text = "Marley Anderson, 21, a junior from Las Vegas, said she \
                    would vote.";
        assert_eq!(first_speaker(text), "Marley Anderson");
        let text = "Mr. Marshall, director of state campaigns, said the \
                    campaign takes nothing for granted.";
        assert_eq!(first_speaker(text), "Mr. Marshall");
    }

    #[test]
    fn a_wire_quotation_after_a_stop_starts_a_sentence() {
        let text = "She roused the crowd in her folksy style. ''He will \
                    crush you. That's who he is,'' she said.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].content_text(text),
            "He will crush you. That's who he is,"
        );
    }

    #[test]
    fn a_part_of_the_day_before_the_cue() {
        let text = "RNC spokesman Sean Spicer on Thursday evening said the \
                    party was not in a crisis.";
        assert_eq!(first_speaker(text), "RNC spokesman Sean Spicer");
    }

    #[test]
    fn a_relative_clause_content_ends_before_the_main_verb() {
        let text = "Mr. Leenders, who estimated that a quarter of the \
                    workers were supporters, said he voted for Mr. Obama.";
        let got = extract(text, &segment(text));
        assert_eq!(
            got[0].content_text(text),
            "a quarter of the workers were supporters"
        );
        // The relative clause's speaker is the main verb's too.
        assert_eq!(got.len(), 2, "{got:?}");
        let speaker = got[1].speaker.as_ref().expect("a speaker");
        assert_eq!(speaker.span.text(text), "Mr. Leenders");
        assert_eq!(got[1].content_text(text), "he voted for Mr. Obama");
    }

    #[test]
    fn a_second_that_clause_carries_the_claim_on() {
        let text = "Josh Barro argued that the odds were very low, and \
                    that Americans should worry more about obesity.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].content_text(text).ends_with("worry more about obesity"),
            "{got:?}"
        );
        // Without the second "that", the clause after ", and" with a
        // cue of its own is another claim.
        let text = "Josh Barro argued that the odds were very low, and \
                    Americans should worry more about obesity.";
        let got = extract(text, &segment(text));
        assert!(
            got[0].content_text(text).ends_with("were very low"),
            "{got:?}"
        );
    }

    #[test]
    fn a_relative_clause_with_a_cue_of_its_own_sits_inside_a_tag() {
        let text = "“The answer you would like is yes,” Cruz, who has \
                    proposed repealing the mandate, said on Monday.";
        let got = extract(text, &segment(text));
        let quote = got
            .iter()
            .find(|a| a.content_text(text).starts_with("The answer"))
            .expect("the quotation");
        let speaker = quote.speaker.as_ref().expect("a speaker");
        assert_eq!(speaker.span.text(text), "Cruz", "{got:?}");
    }

    #[test]
    fn a_name_joined_by_of_goes_on_past_and() {
        let cases = [
            "According to the Centers for Disease Control and Prevention, \
             flu cases have doubled.",
            "Flu cases have doubled, according to the Centers for Disease \
             Control and Prevention.",
            "Flu cases have doubled, said a spokesman for the Department of \
             Health and Human Services.",
        ];
        for text in cases {
            let got = extract(text, &segment(text));
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            let speaker = got[0].speaker.as_ref().unwrap().span.text(text);
            assert!(
                speaker.ends_with("Prevention")
                    || speaker.ends_with("Human Services"),
                "{text}: {speaker}"
            );
            assert!(
                got[0].content_text(text).to_lowercase().starts_with("flu"),
                "{text}: {got:?}"
            );
        }
        // Two names, each with a determiner, are two speakers.
        let text = "The Department of Justice and the FBI said the case was \
                    closed.";
        assert_eq!(extract(text, &segment(text)).len(), 2);
    }

    #[test]
    fn a_closing_attribution_with_its_own_cue_ends_the_claim() {
        let text = "A new study suggests that coffee may lower the risk of \
                    heart disease, researchers at the University of Leeds \
                    reported on Tuesday.";
        let got = extract(text, &segment(text));
        let study = got
            .iter()
            .find(|a| a.cue.unwrap().text(text) == "suggests")
            .unwrap();
        assert_eq!(
            study.content_text(text),
            "coffee may lower the risk of heart disease"
        );
        let reported = got
            .iter()
            .find(|a| a.cue.unwrap().text(text) == "reported")
            .unwrap();
        assert_eq!(
            reported.speaker.as_ref().unwrap().span.text(text),
            "researchers at the University of Leeds"
        );
    }

    #[test]
    fn a_short_aside_does_not_end_the_claim() {
        let text = "He said the email scandal, while troublesome, was \
                    dealt with appropriately.";
        let got = extract(text, &segment(text));
        assert!(
            got[0].content_text(text).ends_with("dealt with appropriately"),
            "{got:?}"
        );
        let text = "He said the plan would fail, while others praised it.";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].content_text(text), "the plan would fail");
    }

    #[test]
    fn attributions_of_one_rule_share_its_id() {
        let text = "Ms. Ray said the plan would fail. Mr. Lee said the \
                    talks were over.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].rule, got[1].rule);
        assert!(ArcStr::ptr_eq(&got[0].rule, &got[1].rule));
    }

    #[test]
    fn a_comma_inside_a_closing_quotation_ends_a_clause_too() {
        // American style sets the comma inside the quotation marks; the
        // clause still ends there, with its marks.
        let text = "The spokesperson said the administration “has \
                    accelerated our work,” including during a meeting. \
                    Ms. Ray said the plan was “a disgrace,” adding that \
                    it would fail.";
        let got = extract(text, &segment(text));
        let contents: Vec<String> =
            got.iter().map(|a| a.content_text(text)).collect();
        assert_eq!(
            contents,
            [
                "the administration “has accelerated our work,”",
                "the plan was “a disgrace,”",
                "it would fail"
            ],
            "{got:?}"
        );
        // The participle after it takes the clause's speaker.
        assert_eq!(speakers(text, &got)[2], "Ms. Ray", "{got:?}");
        // A comma before an opening mark is no such end.
        let text = "Mr. Ray said, “But we will win.”";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].content_text(text), "But we will win.");
    }

    #[test]
    fn a_source_after_according_to_runs_to_its_comma() {
        for (text, source) in [
            (
                "According to court documents, the firm paid him.",
                "court documents",
            ),
            (
                "The car was stolen, according to police reports.",
                "police reports",
            ),
            (
                "According to a court filing, the firm paid him.",
                "a court filing",
            ),
            ("According to Smith, a senior aide, the talks failed.", "Smith"),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [source], "{text}");
        }
    }

    #[test]
    fn a_relative_clause_ends_where_the_main_verb_comes_back() {
        let text = "The mayor, who said the bridge was unsafe, has ordered \
                    it closed until the spring.";
        let got = extract(text, &segment(text));
        let said = with_cue(text, &got, "said");
        assert_eq!(said.content_text(text), "the bridge was unsafe");
        // After an adverb too.
        let text = "The senator, who endorsed the governor in March, \
                    quietly did the rounds of the donors.";
        let got = extract(text, &segment(text));
        let endorsed = with_cue(text, &got, "endorsed");
        assert_eq!(endorsed.content_text(text), "the governor in March");
        // Not when the claim opened a clause of its own before the comma:
        // the verb after it may be the claim's.
        for text in [
            "The mayor, who said the levy, which voters approved, is too \
             low, wants a bigger one.",
            "The mayor, who said the old levy, a flat fee, is too low, \
             wants a bigger one.",
        ] {
            let got = extract(text, &segment(text));
            let said = with_cue(text, &got, "said");
            assert!(said.content_text(text).contains("is too low"), "{text}");
        }
    }

    #[test]
    fn a_name_after_a_relative_clause_speaks_on_its_own() {
        let text = "One contractor who testified for the prosecution, Frank \
                    DeLuca, said he had been pressured to pay.";
        let got = extract(text, &segment(text));
        let said = with_cue(text, &got, "said");
        assert_eq!(
            speakers(text, std::slice::from_ref(said)),
            ["Frank DeLuca"]
        );
        assert_eq!(said.content_text(text), "he had been pressured to pay");
        // Not in a clause that is no relative one: the name's appositive
        // is part of what was said.
        let text = "Kiedis said his collaborator Brian Burton, AKA Danger \
                    Mouse, wrote new songs.";
        let got = extract(text, &segment(text));
        assert_eq!(
            got[0].content_text(text),
            "his collaborator Brian Burton, AKA Danger Mouse"
        );
    }

    #[test]
    fn a_headline_in_title_case_has_no_inverted_speaker() {
        let text = "Fed Holds Rates Steady, Signals Cuts Later This Year\n\n\
                    Rates will fall, says the Fed chair.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["the Fed chair"], "{got:?}");
    }

    #[test]
    fn a_person_showing_something_is_no_attribution() {
        let text = "Mr. Reilly, 61, showed no emotion as the verdict was \
                    read. A new poll shows Clinton ahead by five points.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["A new poll"], "{got:?}");
    }

    #[test]
    fn the_sources_appositive_is_no_part_of_the_content() {
        for (text, content) in [
            (
                "According to Jane Doe, a spokeswoman for the ministry, the \
                 talks failed.",
                "the talks failed",
            ),
            (
                "According to Returning Heritage, a group that tracks \
                 claims, more than 100 museums hold such objects.",
                "more than 100 museums hold such objects",
            ),
            // A clause of its own after the comma is what was said.
            (
                "According to Fox News, the State Department reported \
                 finding 328 more emails, which brings the total to 1,000.",
                "the State Department reported finding 328 more emails, \
                 which brings the total to 1,000",
            ),
            (
                "According to the poll, a majority of voters, about 60 \
                 percent, back the plan.",
                "a majority of voters, about 60 percent, back the plan",
            ),
        ] {
            let got = extract(text, &segment(text));
            let f = got
                .iter()
                .find(|a| a.rule == "according-to/before-content")
                .unwrap_or_else(|| panic!("{text}: {got:?}"));
            assert_eq!(f.content_text(text), content, "{text}");
        }
    }

    #[test]
    fn a_documents_maker_after_according_to_is_the_source() {
        for (text, source) in [
            (
                "Rainfall was half of normal, according to records kept \
                 by the Garden City Research Station.",
                "the Garden City Research Station",
            ),
            (
                "According to a report published on Monday by the Alpine \
                 Glacier Network, glaciers lost 6 percent of their ice.",
                "the Alpine Glacier Network",
            ),
            (
                "Clinton led, according to exit polls conducted by Edison \
                 Research for the Associated Press and television networks.",
                "Edison Research",
            ),
            (
                "Crime fell, according to figures compiled by the Center \
                 for the Study of Crime.",
                "the Center for the Study of Crime",
            ),
            (
                "Taxes rose, according to data released by Americans for \
                 Prosperity.",
                "Americans for Prosperity",
            ),
            // Whoever obtained a document did not make it.
            (
                "The firm lost money, according to figures obtained by \
                 The Times.",
                "figures",
            ),
            // A thing no list names, too long a phrase to be the source.
            (
                "Its position was flagged on Monday, according to a \
                 notice posted by the Joint Orbital Tracking Centre.",
                "the Joint Orbital Tracking Centre",
            ),
            (
                "According to sales-tax receipts published by the Alder \
                 Falls Office of Finance, sales rose 6 percent.",
                "the Alder Falls Office of Finance",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [source], "{text}");
        }
        // What was said starts after the whole phrase, past the client.
        let text = "According to exit polls conducted by Edison Research \
                    for the Associated Press and television networks, \
                    Clinton led among women.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Edison Research"], "{got:?}");
        assert_eq!(got[0].content_text(text), "Clinton led among women");
    }

    #[test]
    fn a_source_after_according_to_is_no_speaker_of_its_own() {
        let text = "The bill grew, according to a New Jersey Watchdog \
                    report released by the governor's office.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].rule, "according-to/after-content");
    }

    #[test]
    fn a_second_verb_after_a_comma_keeps_the_first_ones_speaker() {
        let text = "Speaking on Sunday, Carson admitted that the name was \
                    wrong, but said his campaign would release the article.";
        let got = extract(text, &segment(text));
        let speakers = speakers(text, &got);
        assert_eq!(speakers, ["Carson", "Carson"], "{got:?}");
    }

    #[test]
    fn a_question_and_its_tag_pass_the_speaker_to_the_next_piece() {
        let text = "“He gave everything, didn't he?” Mrs. Clinton said. \
                    “And what has he heard? Nothing.”";
        let got = extract(text, &segment(text));
        let speakers = speakers(text, &got);
        assert_eq!(speakers, ["Mrs. Clinton", "Mrs. Clinton"], "{got:?}");
        assert_eq!(got[1].rule, "quote/previous-sentence");
    }

    #[test]
    fn a_tag_that_goes_on_with_where_and_to_whom_passes_the_speaker_on() {
        let text = "“The bridge is safe!” Okafor wrote in a memo to the \
                    council on Friday. “Reopen it now.”";
        let got = extract(text, &segment(text));
        let speakers = speakers(text, &got);
        assert_eq!(speakers, ["Okafor", "Okafor"], "{got:?}");
        assert_eq!(got[1].rule, "quote/previous-sentence");
        // Not when the tag's sentence holds a cue of its own: the next
        // quotation may be the other speaker's.
        let text = "“The bridge is safe!” Okafor wrote, and Reyes denied \
                    it. “Reopen it now.”";
        let got = extract(text, &segment(text));
        assert!(
            got.iter().all(|a| a.rule != "quote/previous-sentence"),
            "{got:?}"
        );
    }

    #[test]
    fn a_past_verb_with_people_for_its_object_ends_the_subject() {
        for text in [
            "Huma Abedin greeted voters, saying that the race was close.",
            "Huma Abedin thanked donors on Monday, saying that the race \
             was close.",
        ] {
            let got = extract(text, &segment(text));
            let got_speakers = speakers(text, &got);
            assert_eq!(got_speakers, ["Huma Abedin"], "{text}: {got:?}");
        }
        // A participle that qualifies the subject stays in it, and so
        // does a noun before the head.
        let text = "Officials briefed on the talks said that a deal was near.";
        let got = extract(text, &segment(text));
        let got_speakers = speakers(text, &got);
        assert_eq!(
            got_speakers,
            ["Officials briefed on the talks"],
            "{got:?}"
        );
        let text = "Clinton campaign officials spoke on Monday, saying that \
                    the race was close.";
        let got = extract(text, &segment(text));
        let got_speakers = speakers(text, &got);
        assert_eq!(got_speakers, ["Clinton campaign officials"], "{got:?}");
    }

    #[test]
    fn a_quotation_after_a_paraphrase_goes_on_from_its_speaker() {
        let text = "Greene added that the Fed wanted to move before the \
                    election. “They don't like to talk about it, but they \
                    will move.”";
        let got = extract(text, &segment(text));
        let got_speakers = speakers(text, &got);
        assert_eq!(got_speakers, ["Greene", "Greene"], "{got:?}");
        assert_eq!(got[1].rule, "quote/previous-sentence");
        // Not a group's, not past a sentence of the writer's, and not
        // when the paraphrase's sentence goes on after it.
        for text in [
            "Protesters said the plan was unfair to them. “We will be back \
             here every week until it is gone.”",
            "Greene added that the Fed wanted to move before the election. \
             The markets fell. “They don't like to talk about it, but they \
             will move.”",
            "Greene added that the Fed wanted to move; the markets fell \
             sharply on the news that day. “They don't like to talk about \
             it, but they will move.”",
        ] {
            let got = extract(text, &segment(text));
            let quote = got.last().expect("the quotation is kept");
            assert_eq!(quote.rule, "quote/unattributed", "{text}: {got:?}");
        }
    }

    #[test]
    fn it_s_and_that_s_name_no_speaker() {
        for text in [
            "It's a strategy to win votes upstate, stressing that she \
             would fight for jobs.",
            "That’s a bold idea for such cases, suggesting that a move \
             would set a new standard.",
        ] {
            let got = extract(text, &segment(text));
            let got_speakers = speakers(text, &got);
            assert!(got_speakers.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_participle_after_by_before_after_or_while_has_the_subject() {
        for (text, who) in [
            ("Trump paused before saying that Obama would lose.", "Trump"),
            ("She began by saying that the plan was dead.", "She"),
            (
                "Ruiz spoke for an hour while insisting that the vote was \
              fair.",
                "Ruiz",
            ),
        ] {
            let got = extract(text, &segment(text));
            let got_speakers = speakers(text, &got);
            assert_eq!(got_speakers, [who], "{text}: {got:?}");
            assert_eq!(got[0].rule, "reported/participle", "{got:?}");
        }
        // Not inside a relative clause, whose own subject speaks.
        let text = "Voters met the candidate who launched his campaign by \
                    declaring that immigrants were criminals.";
        let got = extract(text, &segment(text));
        let got_speakers = speakers(text, &got);
        assert!(!got_speakers.contains(&"Voters"), "{got:?}");
    }

    #[test]
    fn a_share_written_with_the_sign_speaks() {
        for (text, who) in [
            ("47% say the United States should send troops.", "47%"),
            ("On economic issues, 42.5% say they are liberal.", "42.5%"),
        ] {
            let got = extract(text, &segment(text));
            let got_speakers = speakers(text, &got);
            assert_eq!(got_speakers, [who], "{text}: {got:?}");
        }
    }

    #[test]
    fn those_surveyed_and_voters_polled_speak() {
        for (text, who) in [
            ("Those surveyed say the economy comes first.", "Those surveyed"),
            ("Voters polled said the economy came first.", "Voters polled"),
            (
                "The Americans interviewed said they were angry.",
                "The Americans interviewed",
            ),
        ] {
            let got = extract(text, &segment(text));
            let got_speakers = speakers(text, &got);
            assert_eq!(got_speakers, [who], "{text}: {got:?}");
        }
    }

    #[test]
    fn a_tag_that_is_a_sentence_of_its_own() {
        let text = "“I hope you find the emails.” Trump said. “We won.” \
                    She said it shows that he lost.";
        let got = extract(text, &segment(text));
        let first = got[0].speaker.as_ref().expect("a speaker");
        assert_eq!(first.span.text(text), "Trump");
        assert_eq!(got[0].rule, "quote/speaker-after");
        // A sentence that goes on past its cue is no tag.
        assert!(got.iter().all(|a| a.content_text(text) != "We won."
            || a.rule != "quote/speaker-after"));
    }

    #[test]
    fn a_show_in_quotation_marks_is_no_quotation() {
        let text = "Sunday on Fox News channel’s “Sunday Morning Futures,” \
                    Rep. Darrell Issa said the report was wrong.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].rule, "reported/speaker-before");
        assert_eq!(got[0].content_text(text), "the report was wrong");
        // Speech after a possessive stays speech.
        let text = "Remarking upon Clinton's \"genuine empathy,\" Starr \
                    said it was not enough.";
        let got = extract(text, &segment(text));
        assert!(got.iter().any(|a| a.direct), "{got:?}");
        // So is a title after "on", "of", "in" or "the".
        for text in [
            "In an interview on “Face the Nation,” the senator said the \
             bill would pass.",
            "Speaking at a screening of “The Long Road,” the senator said \
             the bill would pass.",
            "In an interview on “Face the Nation,” the senator told \
             Congress the bill would pass.",
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(
                got[0].content_text(text).ends_with("the bill would pass")
            );
        }
        // The tag after a title that ends a clause goes with that clause.
        let text = "Most viewers were fans of “The Long Road,” the survey \
                    found.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].content_text(text),
            "Most viewers were fans of “The Long Road,”"
        );
    }

    #[test]
    fn quote_over_paragraphs_keeps_one_speaker() {
        let text = "“The first part of it.\n\n“The second part,” Feeley said.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 2);
        for a in &got {
            assert_eq!(a.speaker.as_ref().unwrap().span.text(text), "Feeley");
        }
    }

    #[test]
    fn partial_quote_in_paraphrase_is_direct() {
        let text =
            "He announced that his policy would be “hugs, not bullets”.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1);
        assert!(got[0].direct);
        assert_eq!(
            got[0].content_text(text),
            "his policy would be “hugs, not bullets”"
        );
    }

    #[test]
    fn a_cry_next_to_a_quotation_is_speech() {
        for (text, speaker, content) in [
            (
                "At the rally, the heckler yelled: “You suck!”",
                "the heckler",
                "You suck!",
            ),
            (
                "Then the crowd chanted, “Lock her up!”",
                "the crowd",
                "Lock her up!",
            ),
            ("“Get out!” Ms. Reyes shouted.", "Ms. Reyes", "Get out!"),
        ] {
            let got = extract(text, &segment(text));
            let a = got.iter().find(|a| a.content_text(text) == content);
            let a = a.unwrap_or_else(|| panic!("{text}: {got:?}"));
            let said = a.speaker.as_ref().map(|s| s.span.text(text));
            assert_eq!(said, Some(speaker), "{text}");
        }
        // Without a quotation a cry reports nothing.
        let text = "The crowd yelled and waved flags.";
        assert!(extract(text, &segment(text)).is_empty());
    }

    #[test]
    fn a_restrictive_who_clause_stays_in_its_speaker() {
        for (text, speaker) in [
            (
                "A woman who lives nearby said the fire started at night.",
                "A woman who lives nearby",
            ),
            (
                "Democrats who oppose the bill said it would fail.",
                "Democrats who oppose the bill",
            ),
            // A name after a preposition ends the clause as a word of
            // its own does; one right after "who" is the cue's subject.
            (
                "A woman who lives on Ferris Street said she had packed.",
                "A woman who lives on Ferris Street",
            ),
            (
                "The aide who Ann Pike said had left was back on Monday.",
                "Ann Pike",
            ),
            // So does a name after the clause's own verb, its object.
            (
                "Residents who packed the Callendra Memorial Hall said they \
                 had learned of it late.",
                "Residents who packed the Callendra Memorial Hall",
            ),
            (
                "Farmers who rarely back Ann Pike said the plan was fair.",
                "Farmers who rarely back Ann Pike",
            ),
            // Not after a function word: the name is the cue's subject.
            (
                "Voters who cheered when Ann Pike said the plan was fair \
                 were pleased.",
                "Ann Pike",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [speaker], "{got:?}");
        }
        // A verb right after the clause's auxiliary or adverb is the
        // clause's own, and a pronoun before a verb is its subject.
        let text = "He is a lawyer who has successfully argued three cases \
                    and described them as hard.";
        let got = extract(text, &segment(text));
        assert!(
            speakers(text, &got).iter().all(|s| !s.contains("who")),
            "{got:?}"
        );
        let text = "He met voters who said they opposed the plan.";
        let got = extract(text, &segment(text));
        assert!(
            got.iter().any(|a| a.content_text(text).starts_with("they")),
            "{got:?}"
        );
    }

    #[test]
    fn who_shows_the_noun_before_it_is_someone() {
        // No list of speaker nouns holds "rescuer"; "who" says it is
        // someone, with a restrictive clause, a request for anonymity or
        // a clause set off by commas.
        for (text, speaker) in [
            (
                "A rescuer who asked not to be named said the signal was \
                 lost.",
                "A rescuer",
            ),
            (
                "A rescuer, who asked not to be named, said the signal was \
                 lost.",
                "A rescuer",
            ),
            (
                "A rescuer who works nights said the signal was lost.",
                "A rescuer who works nights",
            ),
            // "whose" or "which" shows some body.
            (
                "The ski area, whose boundary lies a mile away, said its \
                 work was confined to the resort.",
                "The ski area",
            ),
            // A restrictive clause before a phrase set off by commas.
            (
                "A council member who supported the deal, speaking on \
                 condition of anonymity to discuss private negotiations, \
                 said the talks had failed.",
                "A council member who supported the deal",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [speaker], "{got:?}");
        }
        // The object of a preposition is no one "who" names.
        let text = "Young assistants on the trading floor who work late \
                    said they were tired.";
        let got = extract(text, &segment(text));
        assert!(
            speakers(text, &got).iter().all(|s| !s.contains("floor")),
            "{got:?}"
        );
    }

    #[test]
    fn names_joined_by_and_set_off_after_a_group_speak() {
        // The names set off after the group are its speakers, each one.
        let text = "Two councillors who voted against the scheme, Helen \
                    Cardew and Philip Amberley, said they would back the \
                    challenge.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            ["Helen Cardew", "Philip Amberley"],
            "{got:?}"
        );
        // A given name alone before "and" shares the surname after it.
        let text = "The dean's biographers, Mark and Alice Brennan, wrote \
                    that he had a tin ear.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Mark and Alice Brennan"]);
    }

    #[test]
    fn a_place_after_a_preposition_is_no_speaker() {
        // The name set off after the description speaks, whatever the
        // length of what it said.
        for (text, said) in [
            (
                "The owner of a bakery on Elm Road, Carla Mendes, said \
                 sales had halved.",
                "sales had halved",
            ),
            (
                "The owner of a bakery on Elm Road, Carla Mendes, said the \
                 increase would force her to close the shop.",
                "the increase would force her to close the shop",
            ),
        ] {
            assert_speakers_and_content(text, &["Carla Mendes"], (0, said));
        }
        // The object of a verb's preposition, set off with a name, says
        // nothing.
        let text = "Ellis started Thursday listening to the vice \
                    presidential nominee, Ohio Gov. Ann Pike, speak at a \
                    breakfast before hitting a farm bureau gathering.";
        let got = extract(text, &segment(text));
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_quantifier_opening_the_sentence_is_its_subject() {
        let text = "Two members spoke. Both said they backed the plan.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Both"], "{got:?}");
        // After an appositive of names it is no speaker of its own.
        let text = "Two members, Ann Lee and Bo Park, both said they backed \
                    the plan.";
        let got = extract(text, &segment(text));
        assert!(speakers(text, &got).iter().all(|s| *s != "both"), "{got:?}");
    }

    #[test]
    fn a_source_with_a_relative_clause_keeps_its_placed_phrase() {
        for (text, speaker) in [
            (
                "A nurse at the clinic, who asked not to be named, said the \
                 week had been hard.",
                "A nurse at the clinic",
            ),
            (
                "A diplomat from one of the Pact countries, who spoke on \
                 condition of anonymity, said the deal was final.",
                "A diplomat from one of the Pact countries",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [speaker], "{got:?}");
        }
    }

    #[test]
    fn an_exclamation_is_not_woven_into_the_clause_after_it() {
        let text = "The attendees chanted, “Lock her up!” as they had for \
                    earlier speakers.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].content_text(text), "Lock her up!");
    }

    #[test]
    fn a_clause_after_a_trailing_cue_is_its_content() {
        let text = "She spoke of it often in the primary — in fact, she said \
                    it “humanizes” her.";
        let got = extract(text, &segment(text));
        let said =
            got.iter().find(|a| a.content_text(text).contains("humanizes"));
        let said = said.unwrap_or_else(|| panic!("{got:?}"));
        assert_eq!(said.content_text(text), "it “humanizes” her");
    }

    #[test]
    fn a_headline_verb_after_a_comma_shares_the_subject() {
        let text = "Central bank holds rates steady, warns inflation ‘not \
                    yet beaten’\n\nThe bank kept its rate at 4 percent.";
        let got = extract(text, &segment(text));
        let warns = got
            .iter()
            .find(|a| a.cue.is_some_and(|c| c.text(text) == "warns"))
            .unwrap_or_else(|| panic!("{got:?}"));
        let speaker = warns.speaker.as_ref().map(|s| s.span.text(text));
        assert_eq!(speaker, Some("Central bank"), "{got:?}");
        assert_eq!(warns.content_text(text), "inflation ‘not yet beaten’");
        // Not past the headline, nor over a subject that ran over the
        // first verb.
        for text in [
            "Rates hold.\n\nThe bank holds rates, warns inflation is high.",
            "Velora recalls 410,000 SUVs over defect, says three crashes \
             reported\n\nVelora Motors is recalling them.",
        ] {
            let got = extract(text, &segment(text));
            assert!(
                got.iter().all(|a| a.rule != "reported/coordinated-verb"),
                "{got:?}"
            );
        }
    }

    #[test]
    fn a_title_case_headline_has_cues() {
        let text = "Senate Leader Says Budget Talks Will Resume In March.\n\n\
                    The talks broke down last week.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        let cue = got[0].cue.expect("a cue");
        assert_eq!(cue.text(text), "Says");
        assert_eq!(
            got[0].content_text(text),
            "Budget Talks Will Resume In March"
        );
        // Outside a headline, a capitalised word inside a sentence is a
        // name, not a cue.
        let text = "Officials from the United States met on Monday.";
        assert!(extract(text, &segment(text)).is_empty());
    }

    #[test]
    fn a_parenthetical_cue_before_a_new_clause_keeps_one_piece() {
        let text = "The plan will fail, the minister said, adding that \
                    talks would go on.";
        let got = extract(text, &segment(text));
        let contents: Vec<String> =
            got.iter().map(|a| a.content_text(text)).collect();
        assert_eq!(contents, ["The plan will fail", "talks would go on"]);
        let text = "The vote was a sham, top lawmakers said Friday \
                    afternoon, as they left the chamber.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].content_text(text), "The vote was a sham");
    }

    #[test]
    fn a_tag_may_name_who_was_told_before_where_and_when() {
        for text in [
            "The skier dug herself out, the sheriff told reporters at a \
             news conference in Orville on Monday morning.",
            "The skier dug herself out, the sheriff told them at the \
             trailhead.",
            "The skier dug herself out, the sheriff told The Denver Post \
             in an interview on Monday.",
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), ["the sheriff"], "{got:?}");
            assert_eq!(got[0].content_text(text), "The skier dug herself out");
        }
    }

    #[test]
    fn a_clause_joined_after_a_parenthetical_tag_goes_on_with_the_claim() {
        for (text, pieces) in [
            (
                "None of the workers has symptoms, he said, and all have \
                 been offered medicine.",
                [
                    "None of the workers has symptoms",
                    "and all have been offered medicine",
                ],
            ),
            (
                "He leans toward Kasich, he said, because he prizes \
                 electability.",
                ["He leans toward Kasich", "because he prizes electability"],
            ),
        ] {
            let got = extract(text, &segment(text));
            let said: Vec<&str> =
                got[0].content.iter().map(|c| c.text(text)).collect();
            assert_eq!(said, pieces, "{got:?}");
        }
        // Not when the clause reports someone else.
        let text = "The plan will fail, he said, but Ms. Ray argued that it \
                    would work.";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].content_text(text), "The plan will fail");
    }

    #[test]
    fn state_as_a_noun_is_no_cue() {
        let text = "The former Oklahoma state senator ran for the U.S. \
                    Senate in 2008.";
        assert!(extract(text, &segment(text)).is_empty());
        let text = "The governor stated that the budget was balanced.";
        assert_eq!(extract(text, &segment(text)).len(), 1);
    }

    #[test]
    fn a_cue_noun_before_a_reporting_verb_heads_the_subject() {
        let text = "The agency dropped its objection after the developer \
                    agreed to build a pond, a council report said.";
        let got = extract(text, &segment(text));
        let tagged = tags(text, &got);
        assert!(tagged.contains(&("a council report", "said")), "{tagged:?}");
        let agreed = got
            .iter()
            .find(|a| a.cue.is_some_and(|c| c.text(text) == "agreed"))
            .expect("the developer's attribution");
        assert_eq!(agreed.content_text(text), "to build a pond");
        let text = "Media reports said the deal was done.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1);
        assert_eq!(speakers(text, &got), ["Media reports"]);
    }

    #[test]
    fn a_subject_with_a_relative_clause_is_no_inverted_speaker() {
        // Before "said", a subject and its clause; after it, what was
        // said: never "the nurses" saying "A juror, who lives nearby".
        let text = "A juror, who lives nearby, said the nurses were right.";
        let got = extract(text, &segment(text));
        assert!(got.iter().all(|a| a.rule != "reported/inverted"), "{got:?}");
        let text = "The plan is sound, said the minister.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].rule, "reported/inverted");
        // A resident speaks, as a neighbour does.
        let text = "A resident, who lives nearby, said the nurses were right.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1);
        assert_eq!(speakers(text, &got), ["A resident"]);
    }

    #[test]
    fn cue_inside_a_quotation_is_not_reported_speech() {
        let text = "“They said it would rain all week,” Smith said.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].rule, "quote/speaker-after");
    }

    #[test]
    fn coordinated_speakers_each_get_the_claim() {
        let text = "US officials and international experts say the drug is made abroad.";
        let got = extract(text, &segment(text));
        let speakers: Vec<&str> = got
            .iter()
            .map(|a| a.speaker.as_ref().unwrap().span.text(text))
            .collect();
        assert_eq!(speakers, vec!["US officials", "international experts"]);
        assert_eq!(got[0].content, got[1].content);
    }

    #[test]
    fn a_body_named_with_and_after_a_role_is_one_speaker() {
        // "the U.S. Food and Drug Administration" is one name, after the
        // role's preposition too; "the Urban Institute and Brookings
        // Institution" are two bodies, each a name of its own.
        for (text, want) in [
            (
                "Officials at the U.S. Food and Drug Administration said the \
                 drug was safe.",
                &["Officials at the U.S. Food and Drug Administration"][..],
            ),
            (
                "The Food and Drug Administration on Friday said the drug was \
                 safe.",
                &["The Food and Drug Administration"][..],
            ),
            (
                "The Urban Institute and Brookings Institution estimate the \
                 plan would cost $1 trillion.",
                &["The Urban Institute", "Brookings Institution"][..],
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), want, "{got:?}");
        }
    }

    #[test]
    fn a_markdown_blockquote_after_a_colon_is_the_speakers() {
        let text = "Marco Bianchi, who owns two pizzerias, said the rule \
                    would raise his costs:\n\n> \"You cannot make pizza \
                    on an induction hob.\"\n";
        let got = extract(text, &segment(text));
        let quote = got.iter().find(|a| a.rule == "quote/speaker-before");
        let quote = quote.unwrap_or_else(|| panic!("{got:?}"));
        assert_eq!(
            quote.speaker.as_ref().map(|s| s.span.text(text)),
            Some("Marco Bianchi")
        );
    }

    #[test]
    fn where_it_was_said_is_no_part_of_the_content() {
        for text in [
            "The company wrote in a blog post that it would run more studies.",
            "The company said, in a telephone interview, that it would run \
             more studies.",
            "The company told Reuters that it would run more studies.",
            "The company said in a video posted online, it would run more \
             studies.",
            "The agency said in a notice posted on its website that it \
             would run more studies.",
            "The chief executive told employees in a memo, which was \
             reviewed by The New York Times, that it would run more \
             studies.",
            "The company said in a radio interview it would run more \
             studies.",
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(
                got[0].content_text(text),
                "it would run more studies",
                "{text}"
            );
        }
        // Nothing said after the place: no attribution, not one that
        // says "posted online".
        for text in [
            "Ed Bastian apologized in a video posted online.",
            "The company said in a video posted online.",
            "The mayor said in a video message to the convention.",
            "The mayor said in a letter to Ann Pike.",
        ] {
            assert_eq!(extract(text, &segment(text)), [], "{text}");
        }
    }

    #[test]
    fn a_bodys_name_with_and_in_it_is_one_speaker() {
        for (text, speaker) in [
            (
                "The Food and Drug Administration said the pill was safe.",
                "The Food and Drug Administration",
            ),
            (
                "The Bill and Melinda Gates Foundation said it would pay.",
                "The Bill and Melinda Gates Foundation",
            ),
            // A plural owner's mark inside the name ("Workers'").
            (
                "The Harbour and Dock Workers' Union said its members \
                 would strike.",
                "The Harbour and Dock Workers' Union",
            ),
            (
                "The Harbour and Dock Workers’ Union said its members \
                 would strike.",
                "The Harbour and Dock Workers’ Union",
            ),
            // A list closed by "and" ends a name joined by "for" or "of".
            (
                "A spokeswoman for the Department for Culture, Media and \
                 Sport said ministers were considering it.",
                "A spokeswoman for the Department for Culture, Media and \
                 Sport",
            ),
            (
                "The National Academies of Sciences, Engineering and \
                 Medicine said the study was sound.",
                "The National Academies of Sciences, Engineering and \
                 Medicine",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [speaker], "{got:?}");
        }
        // Two bodies, each with its own article, are two speakers; so
        // are names in a list with no name joined by "of" before it.
        let text = "The FBI and the Justice Department said it was closed.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            ["The FBI", "the Justice Department"],
            "{got:?}"
        );
        for (text, want) in [
            (
                "Germany, France and Italy said the plan was fair.",
                &["Germany", "France", "Italy"][..],
            ),
            (
                "Officials in Germany, France and Italy said it was fair.",
                &["Officials in Germany, France and Italy"],
            ),
            (
                "In Washington, Obama and Biden said the plan was fair.",
                &["Obama", "Biden"],
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), want, "{got:?}");
        }
    }

    #[test]
    fn a_name_may_end_with_an_abbreviation() {
        // The dot of "Jr." or "Inc." ends no sentence and no speaker.
        let text = "John Smith Jr. said the trial went well. Shares fell. \
                    Pfizer Inc. said sales rose.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            vec!["John Smith Jr.", "Pfizer Inc."]
        );
    }

    /// The speakers of `got`, in order, as `text` spells them.
    fn speakers<'t>(text: &'t str, got: &[Attribution]) -> Vec<&'t str> {
        got.iter()
            .filter_map(|a| a.speaker.as_ref().map(|s| s.span.text(text)))
            .collect()
    }

    /// Fails unless `text` gives exactly the speakers `want`, in order,
    /// and attribution `at.0` has the content `at.1`.
    fn assert_speakers_and_content(
        text: &str,
        want: &[&str],
        at: (usize, &str),
    ) {
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), want, "{got:?}");
        assert_eq!(got[at.0].content_text(text), at.1, "{got:?}");
    }

    /// Each attribution's speaker and cue, both of which it must have.
    fn tags<'t>(
        text: &'t str,
        got: &[Attribution],
    ) -> Vec<(&'t str, &'t str)> {
        got.iter()
            .map(|a| {
                let speaker = a.speaker.as_ref().expect("a speaker");
                (speaker.span.text(text), a.cue.expect("a cue").text(text))
            })
            .collect()
    }

    fn cues<'t>(text: &'t str, got: &[Attribution]) -> Vec<&'t str> {
        got.iter().filter_map(|a| a.cue.map(|c| c.text(text))).collect()
    }

    fn first_speaker(text: &str) -> String {
        let got = extract(text, &segment(text));
        got[0].speaker.as_ref().unwrap().span.text(text).to_string()
    }

    #[test]
    fn a_share_of_those_polled_speaks_as_a_whole() {
        let text = "About four in 10 said they were angry with Congress. \
                    Nearly nine out of 10 say they need new skills. Six in \
                    10 say the economy is weak. Nine out of 10 want change.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            [
                "four in 10",
                "Nearly nine out of 10",
                "Six in 10",
                "Nine out of 10"
            ]
        );
    }

    #[test]
    fn a_plain_noun_speaks_next_to_a_quotation() {
        let text = "As a phone rang, the announcer said, “It is 3 a.m.”";
        assert_eq!(first_speaker(text), "the announcer");
    }

    #[test]
    fn speaker_phrases_with_of_and_parentheses() {
        let text = "\"It was the least bad outcome,\" Mr. Morgan of the \
                    Sierra Club said.";
        assert_eq!(first_speaker(text), "Mr. Morgan of the Sierra Club");
        let text = "“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said.";
        assert_eq!(first_speaker(text), "Rep. Gwen Moore (D-Wis.)");
        let text = "Rep. Gwen Moore (D-Wis.) said the plan was a dog whistle.";
        assert_eq!(first_speaker(text), "Rep. Gwen Moore (D-Wis.)");
    }

    #[test]
    fn a_cue_with_a_that_clause_set_off_is_no_tag_of_the_quotation_before() {
        let text = "Dr. Camille Ferrand said the team was surprised. \
                    Prof. Astrid Lindqvist, an ecologist who was not \
                    involved, called the work “careful and well designed.” \
                    She noted, however, that the dose was high.";
        let got = extract(text, &segment(text));
        let noted = got
            .iter()
            .find(|a| a.cue.is_some_and(|c| c.text(text) == "noted"))
            .expect("an attribution with the cue \"noted\"");
        let content = noted.content[0].text(text);
        assert!(content.ends_with("the dose was high"), "{got:?}");
        // A tag that is all its sentence stays the quotation's.
        let text = "“We are done.” She said, laughing.";
        assert_eq!(first_speaker(text), "She");
    }

    #[test]
    fn a_word_or_three_set_off_before_that_is_no_part_of_the_content() {
        for text in [
            "She noted, however, that the dose was high.",
            "He said, among other things, that the dose was high.",
        ] {
            assert_speakers_and_content(
                text,
                &[text.split(' ').next().unwrap()],
                (0, "the dose was high"),
            );
        }
    }

    #[test]
    fn it_before_appear_or_seem_is_no_speaker() {
        for text in [
            "It appears that the game was fun for everyone.",
            "It seems, at least, that the game was fun for everyone.",
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(got[0].speaker.is_none(), "{got:?}");
        }
        // Another subject of "appear" speaks: "The report appears to
        // show" is not touched here, nor is "it" before other cues.
        let text = "It said the game was fun for everyone.";
        assert_eq!(first_speaker(text), "It");
    }

    #[test]
    fn offices_of_local_government_and_parliament_speak() {
        for (text, speaker) in [
            (
                "The treasurer added the reserve would fall below its \
                 minimum.",
                "The treasurer",
            ),
            (
                "Some backbenchers warned the defeat would deepen unease.",
                "Some backbenchers",
            ),
            ("The coroner said the death was accidental.", "The coroner"),
        ] {
            assert_eq!(first_speaker(text), speaker);
        }
    }

    #[test]
    fn a_number_of_a_group_after_a_preposition_stays_in_the_speaker() {
        let text = "Workers at two of the plants said management had warned \
                    them.";
        assert_eq!(first_speaker(text), "Workers at two of the plants");
        let text = "Officials at each of the agencies said the rules were \
                    new.";
        assert_eq!(first_speaker(text), "Officials at each of the agencies");
        let text = "Nine in 10 Democratic voters said they liked her.";
        assert_eq!(first_speaker(text), "Nine in 10 Democratic voters");
    }

    #[test]
    fn an_acronym_in_parentheses_stays_in_the_speaker() {
        let text = "The two leaders met on Tuesday, a National Security \
                    Council (NSC) spokesperson said.";
        assert_eq!(
            first_speaker(text),
            "a National Security Council (NSC) spokesperson"
        );
        let text = "A Department of Energy (DOE) spokesman said the plan \
                    would cut costs.";
        assert_eq!(
            first_speaker(text),
            "A Department of Energy (DOE) spokesman"
        );
        // Not after a lower-case word, nor with a long or mixed-case word.
        for (text, not) in [
            (
                "The plan will cut costs, the agency (HQ) spokesman said.",
                "the agency (HQ) spokesman",
            ),
            (
                "The plan will cut costs, the Energy (Dept) spokesman said.",
                "the Energy (Dept) spokesman",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert!(
                got.iter().all(|a| a
                    .speaker
                    .as_ref()
                    .is_none_or(|s| s.span.text(text) != not)),
                "{got:?}"
            );
        }
    }

    #[test]
    fn a_long_appositive_and_a_long_circumstance() {
        let text = "Lesley Deutch, a senior vice president in the Boca \
                    Raton office of John Burns Real Estate Consulting, said \
                    in a written statement in March that the old model is \
                    in decline.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1);
        let speaker = got[0].speaker.as_ref().unwrap().span.text(text);
        assert_eq!(speaker, "Lesley Deutch");
        assert_eq!(got[0].content_text(text), "the old model is in decline");
    }

    #[test]
    fn appearing_somewhere_is_no_impression() {
        let text = "The senator appeared on television on Sunday.";
        assert!(extract(text, &segment(text)).is_empty());
        for text in [
            "The senator appeared to concede the race.",
            "The convention is expected to bring $200 million to the city.",
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].content.len(), 2, "{text}");
            assert!(got[0].speaker.is_none(), "{text}");
        }
    }

    #[test]
    fn an_expectation_may_be_negated_or_qualified() {
        for (text, cue) in [
            (
                "The decision is widely expected to go against Beijing.",
                "is widely expected",
            ),
            (
                "The plant isn’t expected to close until 2019.",
                "isn’t expected",
            ),
            (
                "Mrs. Clinton is not expected to press him to quit.",
                "is not expected",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(cues(text, &got), vec![cue], "{text}");
            assert_eq!(got[0].content.len(), 2, "{text}");
        }
        // In a relative clause, the pronoun is the first piece.
        let text = "They chose a nominee who is expected to be moderate.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        let first = got[0].content[0];
        assert_eq!(first.text(text), "who");
        // A verb coordinated with the one before has no subject of its
        // own to be the first piece.
        let text = "He will speak there but is not expected to meet the pope.";
        let got = extract(text, &segment(text));
        assert!(
            got.iter().all(|a| a.rule != "reported/evidential"),
            "{got:?}"
        );
    }

    #[test]
    fn a_new_attribution_after_and_ends_the_content() {
        let text = "Most voters said the economy was weak, and four in ten \
                    said Trump would handle it best.";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].content_text(text), "the economy was weak");
    }

    #[test]
    fn an_addressee_and_where_it_was_told_come_before_the_that() {
        let text = "The mayor told a packed meeting at the town hall on \
                    Tuesday night that the dam was safe.";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].content_text(text), "the dam was safe");
        // A verb that takes no addressee says the words after it.
        let text = "The mayor said a few words at the start of the long \
                    meeting that nobody heard.";
        let got = extract(text, &segment(text));
        assert!(got.iter().all(|a| a.content_text(text) != "nobody heard"));
    }

    #[test]
    fn a_who_clause_inside_the_contents_subject_stays_in_it() {
        let text = "Marta Lindqvist said her brother, who runs the ferry \
                    office, had warned the council twice.";
        let got = extract(text, &segment(text));
        assert_eq!(
            got[0].content_text(text),
            "her brother, who runs the ferry office, had warned the \
             council twice"
        );
        // A clause on the content's last name ends it.
        let text = "Marta Lindqvist said she voted for Tomas Berg, who \
                    runs the ferry office.";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].content_text(text), "she voted for Tomas Berg");
        // So does one that closes on no finite verb of the content.
        let text = "Marta Lindqvist praised her brother, who runs the \
                    ferry office, saying he works hard.";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].content_text(text), "her brother");
    }

    #[test]
    fn a_second_verb_shares_the_subject_of_its_own_clause() {
        for (text, speaker) in [
            (
                "When my mother mentioned the devil, I laughed and said I \
                 did not believe in it.",
                "I",
            ),
            (
                "Unions backed the senator because he favors higher wages \
                 and opposes the trade deal.",
                "he",
            ),
            // After a word of time, the main clause's subject says.
            (
                "McConnell embraced the nominee after he clinched the \
                 nomination and said the party was united.",
                "McConnell",
            ),
        ] {
            let got = extract(text, &segment(text));
            let last = got.last().and_then(|a| a.speaker.as_ref());
            assert_eq!(
                last.map(|s| s.span.text(text)),
                Some(speaker),
                "{got:?}"
            );
        }
        // A passive verb's subject says nothing.
        let text = "He was suspected of fraud, and accused by the press of \
                    hiding the money.";
        let got = extract(text, &segment(text));
        assert!(
            got.iter().all(|a| !a.content_text(text).starts_with("by")),
            "{got:?}"
        );
    }

    #[test]
    fn a_new_speaker_after_a_bare_and_or_but_ends_the_content() {
        let text = "Republicans said the department mishandled the case \
                    and Democrats accused them of stoking the issue.";
        let got = extract(text, &segment(text));
        assert_eq!(
            got[0].content_text(text),
            "the department mishandled the case"
        );
        // Inside a quotation the clause is still the speaker's.
        let text = "Graham said the plan \"will not work and everyone \
                    knows it.\"";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].content_text(text).ends_with("knows it.\""), "{got:?}");
    }

    #[test]
    fn a_second_cue_after_a_bare_but_is_an_attribution_of_its_own() {
        let text = "His aides say it is too early to discuss a Senate run \
                    but noted that Scott won competitive races.";
        let got = extract(text, &segment(text));
        let contents: Vec<String> =
            got.iter().map(|a| a.content_text(text)).collect();
        assert_eq!(
            contents,
            [
                "it is too early to discuss a Senate run",
                "Scott won competitive races"
            ]
        );
    }

    #[test]
    fn a_question_asked_is_kept_out_of_the_answer() {
        let text = "Asked if she believed Putin wanted Trump to win, Clinton \
                    said she would not jump to that conclusion.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].rule, "reported/asked");
        assert!(got[0].speaker.is_none());
        let answer = &got[1];
        assert_eq!(
            answer.speaker.as_ref().unwrap().span.text(text),
            "Clinton"
        );
        assert_eq!(
            answer.content_text(text),
            "she would not jump to that conclusion"
        );
        // The one asked is no speaker, after an adverb too.
        let text = "Ronald Reagan was famously asked how the Cold War \
                    would end.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].rule, "reported/asked");
        assert!(got[0].speaker.is_none(), "{got:?}");
        // After an appositive's closing comma, with no main verb after
        // the question, the person before the appositive asks it; set
        // off with a verb after it, the one asked answers.
        let text = "Sen. Dana Pruitt, a Democrat from Oregon, asked whether \
                    the Army had considered canceling the program.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Sen. Dana Pruitt"], "{got:?}");
        let text = "Trump, asked about the wall, said it would be built.";
        let got = extract(text, &segment(text));
        assert!(got[0].speaker.is_none(), "{got:?}");
    }

    #[test]
    fn a_dash_and_a_name_alone_sign_the_quotation_before_them() {
        let text = "“Fear. I am afraid he will win.” ― Edwin G. Monroy\n\
                    “He scares me and my children.” — Ana Ruiz.\n\
                    “We have seen it before in this town.” ― with reporting \
                    by others\n\
                    “That is the whole of the story here.”\n\n― Section two";
        let got = extract(text, &segment(text));
        let signed: Vec<&str> = got
            .iter()
            .filter(|a| a.rule == "quote/dash-name")
            .filter_map(|a| a.speaker.as_ref().map(|s| s.span.text(text)))
            .collect();
        assert_eq!(signed, vec!["Edwin G. Monroy", "Ana Ruiz"]);
    }

    #[test]
    fn where_a_quotation_was_said_does_not_split_it() {
        let text = "“I think he will be fair,” Trump said during a rally in \
                    Kenansville, N.C., “but a lot of people will watch.”";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].content.len(), 2);
        assert_eq!(speakers(text, &got), vec!["Trump"]);
        let text = "“What is new is the attempt to interfere,” Schiff told \
                    Capital Download on Wednesday, “by dumping information.”";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].content.len(), 2);
    }

    #[test]
    fn a_leftover_quotation_waits_for_the_cue_model() {
        // No rule takes "The clip" as a speaker; the quotation inside
        // the paraphrase is left unclaimed for the cue model, and kept
        // without a speaker only if the model does not take it either.
        let text = "The clip says that Kaine “has a passion for the \
                    wrong people.” It ran for a week. “We did our work in \
                    the open all along.”";
        let seg = segment(text);
        let (_, ruled) = after_rules(text, &seg);
        assert!(ruled.is_empty(), "{ruled:?}");
        let got = extract(text, &seg);
        let rules: Vec<&str> = got.iter().map(|a| a.rule.as_str()).collect();
        assert_eq!(rules.last(), Some(&"quote/unattributed"), "{got:?}");
        assert_eq!(
            got.last().unwrap().content_text(text),
            "We did our work in the open all along."
        );
    }

    #[test]
    fn as_well_as_joins_the_claim_and_a_clause_of_as_ends_it() {
        assert_speakers_and_content(
            "Mr. Schmidt said he was building a new clubhouse and fitness \
             center, as well as a new swimming pool.",
            &["Mr. Schmidt"],
            (
                0,
                "he was building a new clubhouse and fitness center, as \
                 well as a new swimming pool",
            ),
        );
        assert_speakers_and_content(
            "Ms. Reyes said the plant would close, as the company moved \
             work abroad.",
            &["Ms. Reyes"],
            (0, "the plant would close"),
        );
    }

    #[test]
    fn a_name_ending_in_ly_stays_in_the_speaker_phrase() {
        // "-ly" marks an adverb, but not in a known given name or a
        // capital inside a sentence.
        let text = "Carly Fiorina: the senator is wrong about trade deals.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), vec!["Carly Fiorina"], "{got:?}");
        let text = "On Monday, New Hampshire Sen. Kelly Ayotte said she \
                    would back the bill.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            vec!["New Hampshire Sen. Kelly Ayotte"],
            "{got:?}"
        );
        // An adverb opening the sentence stays out.
        let text = "Reportedly Trump said he would skip the debate.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), vec!["Trump"], "{got:?}");
    }

    #[test]
    fn a_noun_cue_after_a_verb_has_the_verbs_subject() {
        // The cue model's loose reading runs the subject up to the noun;
        // a light verb belongs to the cue, and an owner after a verb
        // stands for the verb's subject.
        let text = "Trump took offense when Kelly confronted him in the \
                    first primary debate about his remarks.";
        let got = extract(text, &segment(text));
        assert_eq!(tags(text, &got), vec![("Trump", "took offense")]);
        let text = "Carly Fiorina threw her support behind Sen. Ted Cruz \
                    (R-Texas) on Wednesday in the race for the nomination.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), vec!["Carly Fiorina"], "{got:?}");
        assert_eq!(cues(text, &got), vec!["threw her support"]);
    }

    #[test]
    fn the_one_told_is_no_speaker() {
        for text in [
            "She was once told to leave a field camp in a hurry.",
            "We are now being told that the baseline for truth has moved.",
        ] {
            let got = extract(text, &segment(text));
            assert!(speakers(text, &got).is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_noun_after_a_verbs_quantifier_is_no_cue() {
        // "promises" is a noun here, and "broken many" no speaker.
        let text = "Rubio has broken many promises he made to the voters \
                    of Florida since being elected.";
        assert!(extract(text, &segment(text)).is_empty());
        // A quantifier at the head of its clause is the subject.
        let text = "The plan drew fire, and many say it will fail.";
        assert_eq!(speakers(text, &extract(text, &segment(text))), ["many"]);
    }

    #[test]
    fn a_military_or_police_rank_abbreviated_opens_the_speakers_name() {
        for (text, who) in [
            (
                "\"We are aware of the reports,\" said Lt. Col. Dana \
                 Whitfield, a Pentagon spokesperson.",
                "Lt. Col. Dana Whitfield",
            ),
            (
                "\"It was a raid,\" said Col. Steven Warren.",
                "Col. Steven Warren",
            ),
            ("\"He fled,\" said Det. Ana Cruz.", "Det. Ana Cruz"),
            ("\"We hold,\" said Sgt. Mark Ruiz.", "Sgt. Mark Ruiz"),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [who], "{text}");
        }
    }

    #[test]
    fn a_question_put_or_a_setting_is_an_appositive() {
        for (text, who) in [
            (
                "A State Department spokesperson, asked about the reports \
                 at a daily briefing, said Washington had raised the matter.",
                "A State Department spokesperson",
            ),
            (
                "The mayor, when pressed on the budget, said the cuts were \
                 over.",
                "The mayor",
            ),
            (
                "\"The cuts are over,\" said the mayor, when asked about the \
                 budget.",
                "the mayor",
            ),
            (
                "Trump, appearing on Fox News, said the plan had failed.",
                "Trump",
            ),
            // A comma in a name's list is no appositive's.
            (
                "Jonathan Reyes, appearing before the Senate Health, \
                 Education, Labor and Pensions Committee, said the price \
                 reflected costs.",
                "Jonathan Reyes",
            ),
        ] {
            let got = extract(text, &segment(text));
            let said: Vec<&Attribution> = got
                .iter()
                .filter(|f| f.cue.is_some_and(|c| c.text(text) == "said"))
                .collect();
            let who_said: Vec<&str> = said
                .iter()
                .filter_map(|f| f.speaker.as_ref().map(|s| s.span.text(text)))
                .collect();
            assert_eq!(who_said, [who], "{text}: {got:?}");
        }
    }

    #[test]
    fn what_a_claim_includes_is_part_of_it_unless_a_quotation_closed() {
        let text = "He added that a full count, including postal ballots \
                    from abroad, was expected by Wednesday.";
        let got = extract(text, &segment(text));
        assert_eq!(
            got[0].content[0].text(text),
            "a full count, including postal ballots from abroad, was \
             expected by Wednesday",
            "{got:?}"
        );
        let text = "She said the plan “has cut the backlog,” including \
                    during a visit to Denver in May.";
        let got = extract(text, &segment(text));
        assert_eq!(
            got[0].content[0].text(text),
            "the plan “has cut the backlog,”",
            "{got:?}"
        );
    }

    #[test]
    fn a_role_with_a_body_is_one_speaker() {
        let text = "A fraud investigator with First Cascade Bank, Ignatius \
                    Pell, testified that the account was opened in 2017.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            ["A fraud investigator with First Cascade Bank"],
            "{got:?}"
        );
    }

    #[test]
    fn an_ampersand_joins_a_name_and_a_note_is_where_it_was_said() {
        let text = "Analysts at Brandt & Holm said in a research note that \
                    prices would rise, and predicted the rate would end the \
                    year at 4%.";
        assert_speakers_and_content(
            text,
            &["Analysts at Brandt & Holm", "Analysts at Brandt & Holm"],
            (0, "prices would rise"),
        );
    }

    #[test]
    fn a_tag_may_end_on_where_it_was_posted() {
        let text = "\"Today it made 1,800 jobs disappear,\" the group's \
                    president, Femi Adebanjo-Ross, posted on X.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["the group's president"], "{got:?}");
    }

    #[test]
    fn who_was_told_and_when_is_not_what_was_said() {
        let text = "The director siphoned money for six years, a prosecutor \
                    told jurors Tuesday as the trial got underway.";
        assert_speakers_and_content(
            text,
            &["a prosecutor"],
            (0, "The director siphoned money for six years"),
        );
        // A clause after "said" with its own subject is what was said.
        let text = "Looking tired, Bob said he arrived in Benghazi as base \
                    chief in 2011.";
        let got = extract(text, &segment(text));
        assert!(got[0].content[0].text(text).starts_with("he arrived"));
    }

    #[test]
    fn a_tag_may_go_on_before_adding() {
        let text = "\"We've lost a game, not the league,\" he said, before \
                    adding that he would look at everything this week.";
        let got = extract(text, &segment(text));
        let adding = with_cue(text, &got, "adding");
        assert_eq!(adding.speaker.as_ref().unwrap().span.text(text), "he");
        assert_eq!(
            adding.content[0].text(text),
            "he would look at everything this week"
        );
    }

    #[test]
    fn who_polled_them_is_not_who_expected() {
        let text = "Economists polled by Reuters had expected that the bank \
                    would cut rates.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            ["Economists polled by Reuters"],
            "{got:?}"
        );
    }

    #[test]
    fn a_trial_published_somewhere_is_a_source() {
        let text = "The vaccine cut hospitalizations by 46%, according to a \
                    large clinical trial published Wednesday in the Journal \
                    of Medicine.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            ["a large clinical trial"],
            "{got:?}"
        );
    }

    #[test]
    fn a_plural_owners_mark_inside_a_name_keeps_the_name_whole() {
        for (text, who) in [
            (
                "Stocks ran out, according to the Deccan Chemists' Welfare \
                 Association.",
                "the Deccan Chemists' Welfare Association",
            ),
            (
                "“We will strike,” said the Dock Workers’ Union.",
                "the Dock Workers’ Union",
            ),
            // A plural's own, as any owner's ("the union's lawyers").
            (
                "The deal was unfair, according to the Teamsters' lawyers.",
                "the Teamsters' lawyers",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [who], "{text}: {got:?}");
        }
    }

    #[test]
    fn a_preposition_or_relative_word_opens_no_speaker() {
        for (text, who) in [
            (
                "Republican candidates like Marco Rubio said the deal was a \
                 mistake.",
                "Marco Rubio",
            ),
            ("He praised the envoy, whom Obama said he trusted.", "Obama"),
            (
                "The ruling caused alarm among legal experts, who said the \
                 court had overreached.",
                "legal experts, who",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [who], "{text}: {got:?}");
        }
    }

    #[test]
    fn a_short_clause_before_a_closing_tag_is_what_was_said() {
        let text = "Classes resume Tuesday, the district said.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["the district"], "{got:?}");
        assert_eq!(got[0].content[0].text(text), "Classes resume Tuesday");
        // Not before a cue whose clause follows it.
        let text = "As for Trump, he said he was not worried.";
        let got = extract(text, &segment(text));
        assert!(
            got.iter().all(|a| a.content[0].text(text) != "As for Trump"),
            "{got:?}"
        );
    }

    #[test]
    fn an_object_in_a_relative_clause_before_an_appositive_is_no_speaker() {
        let text = "Soo-ah Park, who chairs the Orbital Safety Committee, \
                    a body that advises governments, said old rocket \
                    bodies should be removed. Eddie Griffin, who at the \
                    time was a member of the AfroSpear, a group of \
                    bloggers, said the mood was changing. A woman who \
                    chairs the Safety Committee, a body that advises the \
                    city, said the rules were old. Geoff Garin, a \
                    pollster who is working with Priorities USA, a super \
                    PAC, said the primaries had helped her.";
        assert_speakers_and_content(
            text,
            &["Soo-ah Park", "Eddie Griffin", "A woman", "Geoff Garin"],
            (1, "the mood was changing"),
        );
    }

    #[test]
    fn a_reporters_credit_is_no_claim() {
        let text = "“It was a long night,” she said.\n\nCosta reported \
                    from Washington. Davis reported from Midway Atoll, and \
                    Landler from Kaneohe Bay, Hawaii.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        // Reporting from a place that says what it found is a claim.
        let text = "Costa reported from Washington that the vote had been \
                    delayed.";
        let got = extract(text, &segment(text));
        let reported = with_cue(text, &got, "reported");
        assert_eq!(
            reported.speaker.as_ref().unwrap().span.text(text),
            "Costa"
        );
        assert_eq!(&*reported.rule, "reported/speaker-before");
    }

    #[test]
    fn a_request_for_anonymity_ends_before_the_main_cue() {
        let text = "But an official who asked not to be named said the grant \
                    program was already oversubscribed.";
        let got = extract(text, &segment(text));
        let said = with_cue(text, &got, "said");
        assert_eq!(
            said.speaker.as_ref().unwrap().span.text(text),
            "an official"
        );
        assert!(said.content_text(text).starts_with("the grant"), "{got:?}");
        assert!(
            got.iter().all(|a| !a.content_text(text).contains("said")),
            "{got:?}"
        );
    }

    #[test]
    fn a_clause_of_time_with_its_own_speaker_ends_the_content() {
        let text = "Organisers of the festival on Monday defended their \
                    decision to cancel the event, after county officials \
                    said they had raised concerns about the storm.";
        assert_speakers_and_content(
            text,
            &["Organisers of the festival", "county officials"],
            (0, "their decision to cancel the event"),
        );
    }

    #[test]
    fn a_retort_is_a_cue() {
        for (text, cue) in [
            (
                "\"That's simply not true,\" Kwame Mensah shot back.",
                "shot back",
            ),
            ("\"It is not true,\" O'Malley interjected.", "interjected"),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].cue.map(|c| c.text(text)), Some(cue), "{got:?}");
            assert!(got[0].speaker.is_some(), "{got:?}");
        }
    }

    #[test]
    fn an_opening_adverb_or_participle_is_no_speaker() {
        let text = "Shortly after the merger announcement, the families of \
                    the workers gathered outside the plant, warning that \
                    jobs would be lost.";
        let got = extract(text, &segment(text));
        assert!(!speakers(text, &got).contains(&"Shortly"), "{got:?}");
        let text = "Disillusioned, Mr. Mitchell resigned, convinced that \
                    Washington had let the process die.";
        let got = extract(text, &segment(text));
        assert!(!speakers(text, &got).contains(&"Disillusioned"), "{got:?}");
        let text = "Speaking at a rally in Ohio, the senator attacked the \
                    governor, calling him a coward.";
        let got = extract(text, &segment(text));
        assert!(!speakers(text, &got).contains(&"Speaking"), "{got:?}");
        let text = "More recently, he has spoken out against the law, \
                    calling it cruel. Beyond the footage, the affidavit \
                    cited interviews and said that the officer saw bruises.";
        let got = extract(text, &segment(text));
        let found = speakers(text, &got);
        assert!(!found.iter().any(|s| s.starts_with("More")), "{got:?}");
        assert!(!found.iter().any(|s| s.starts_with("Beyond")), "{got:?}");
        // A name spelt so is capitalised inside a sentence too.
        let text = "Kelly, the host, said the debate would go on. The \
                    network backed Kelly.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Kelly"]);
    }

    #[test]
    fn an_aside_between_subject_and_verb_is_no_part_of_the_speaker() {
        for (text, who) in [
            (
                "Ash Carter spoke. Carter however said he would welcome \
                 China's participation in a deal.",
                "Carter",
            ),
            (
                "Ben Carson spoke. Carson further lambasted the media's \
                 behavior as evidence of bias.",
                "Carson",
            ),
            (
                "Ted Cruz spoke. Cruz himself said Tuesday that the only \
                 way to win the state is turnout.",
                "Cruz",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [who], "{got:?}");
        }
    }

    #[test]
    fn a_campus_after_its_university_ends_the_appositive() {
        let text = "Priya Raman, a trade economist at the University of \
                    California, Berkeley, estimated that the stoppage cost \
                    $90 million a day.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Priya Raman"], "{got:?}");
    }

    #[test]
    fn what_a_relative_clause_said_ends_before_the_main_verb() {
        let text = "Commissioner Frank Dorsey, who wrote the ban, called \
                    the ruling disappointing but not surprising.";
        let got = extract(text, &segment(text));
        let wrote = with_cue(text, &got, "wrote");
        assert_eq!(wrote.content_text(text), "the ban");
        let text = "Clinton, who announced a $275 billion spending plan on \
                    Monday, plans to focus on jobs throughout December.";
        let got = extract(text, &segment(text));
        let announced = with_cue(text, &got, "announced");
        assert_eq!(
            announced.content_text(text),
            "a $275 billion spending plan on Monday"
        );
    }

    #[test]
    fn markdown_emphasis_is_no_part_of_what_was_said() {
        let text = "**Q: The water district says your models are too \
                    pessimistic.**";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].content_text(text),
            "your models are too pessimistic"
        );
    }

    #[test]
    fn a_review_or_audit_speaks_with_what_it_is_of() {
        let text = "An audit of the Pentagon, released Friday, found that \
                    billions were lost.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["An audit of the Pentagon"]);
    }

    #[test]
    fn a_juror_or_a_narrator_speaks() {
        let text = "A juror, who lives nearby, said that the bank records \
                    had persuaded her.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["A juror"], "{got:?}");
        let text = "In the ad, a narrator says he wants to end racial \
                    profiling.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["a narrator"], "{got:?}");
    }

    #[test]
    fn a_body_after_and_ends_the_object_of_a_spokeswomans_for() {
        let text = "A spokeswoman for the International Federation of Red \
                    Cross and Red Crescent Societies said the organization \
                    had released $1.2 million.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(speakers(text, &got)[0].starts_with("A spokeswoman"));
        // Two people are two speakers.
        let text = "A spokeswoman for the company and Mayor Bill Smith said \
                    the plant would reopen.";
        assert_eq!(extract(text, &segment(text)).len(), 2);
    }

    #[test]
    fn a_tag_before_a_dash_or_a_joined_clause_ends_the_sentence_said() {
        let text = "Coffee drinkers live longer, large study finds — but \
                    experts urge caution";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].content_text(text), "Coffee drinkers live longer");
        let text = "Most voters want a change, the poll found, though many \
                    are undecided.";
        let got = extract(text, &segment(text));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].content_text(text), "Most voters want a change");
        // A clause fronted in what was said stays in it.
        let text = "Kerry said although the elections were an important \
                    step forward, they were far from perfect.";
        let got = extract(text, &segment(text));
        assert!(got[0].content_text(text).starts_with("although"));
    }

    #[test]
    fn a_plural_head_before_of_speaks_across_an_appositive() {
        let text = "Supporters of the plan, including the state's largest \
                    business group, argue that competition will improve \
                    the public schools.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Supporters of the plan"]);
        // One person's role keeps the name set after it.
        let text = "The author of the book, Mitchell Zuckoff, said he \
                    stands by the depiction.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Mitchell Zuckoff"], "{got:?}");
    }

    #[test]
    fn a_clause_before_that_is_part_of_what_was_said() {
        // Taking the words after "that" would say the opposite.
        for (text, want) in [
            (
                "A company spokeswoman, Michelle Aguayo, said there was no \
                 indication that its equipment was involved.",
                "there was no indication that its equipment was involved",
            ),
            (
                "The commissioner said it is not surprising that agents \
                 want to interview the aides.",
                "it is not surprising that agents want to interview the aides",
            ),
            // A verb contracted onto its subject is a verb too.
            (
                "The coach said he’s hopeful that the knee will heal.",
                "he’s hopeful that the knee will heal",
            ),
            (
                "The coach said they're sure that the knee will heal.",
                "they're sure that the knee will heal",
            ),
        ] {
            let got = extract(text, &segment(text));
            let said = with_cue(text, &got, "said");
            assert_eq!(said.content_text(text), want);
        }
        // Where and when before "that" are still stepped over.
        let text = "The mayor said on Tuesday that the bridge would reopen.";
        let got = extract(text, &segment(text));
        assert_eq!(got[0].content_text(text), "the bridge would reopen");
    }

    #[test]
    fn a_bare_verb_after_a_modal_goes_on_with_what_was_said() {
        let text = "City engineers say the plan would remove 38 spaces but \
                    add 25 on side streets.";
        let got = extract(text, &segment(text));
        assert_eq!(cues(text, &got), ["say"], "{got:?}");
        // A complement shows the second verb reports.
        let text = "City engineers say the plan would remove 38 spaces and \
                    add that 25 would be built on side streets.";
        let got = extract(text, &segment(text));
        assert_eq!(cues(text, &got), ["say", "add"], "{got:?}");
    }

    #[test]
    fn a_quotation_finished_by_a_prepositions_phrase_carries_on() {
        let text = "\u{201c}It is more tinkering,\u{201d} said Bob Lee. \
                    \u{201c}I would not call it reform. It is just a tax \
                    increase\u{201d} for the top bracket.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Bob Lee", "Bob Lee"], "{got:?}");
        // A cue after the phrase is a tag of the quotation's own.
        let text = "\u{201c}It is more tinkering,\u{201d} said Bob Lee. \
                    \u{201c}It is just a tax increase\u{201d} for the top \
                    bracket, Ann Pike said.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Bob Lee", "Ann Pike"], "{got:?}");
        // A quoted word that a clause goes on from is no more words of his.
        let text = "\u{201c}It is more tinkering,\u{201d} said Bob Lee. \
                    \u{201c}Tinkering\u{201d} is the word of the year.";
        let got = extract(text, &segment(text));
        assert_eq!(speakers(text, &got), ["Bob Lee"], "{got:?}");
    }

    #[test]
    fn an_impersonal_it_names_no_one_for_the_claim() {
        for (text, content) in [
            (
                "It was reported in March that the airline had cut its \
                 pool of pilots.",
                "the airline had cut its pool of pilots",
            ),
            (
                "It has been reported that the airline cut its pool.",
                "the airline cut its pool",
            ),
            (
                "It is widely believed that the airline cut its pool.",
                "the airline cut its pool",
            ),
            // In a subordinate clause, the main clause is no part of it.
            (
                "At a time when it was said that Democrats might never \
                 win the presidency again, Bill Clinton proved that \
                 prediction wrong, winning twice.",
                "Democrats might never win the presidency again",
            ),
        ] {
            let got = extract(text, &segment(text));
            let f = got.iter().find(|a| a.rule == "reported/impersonal");
            let f = f.unwrap_or_else(|| panic!("{text}: {got:?}"));
            assert!(f.speaker.is_none(), "{got:?}");
            assert_eq!(f.content_text(text), content, "{text}");
        }
        // No "that": "it" is something, and what it was said to be is no
        // claim of the text's.
        let text = "It was said to be the cheapest plan on offer.";
        let got = extract(text, &segment(text));
        assert!(got.iter().all(|a| a.rule != "reported/impersonal"));
    }

    #[test]
    fn a_body_named_by_its_common_noun_speaks() {
        for (text, who) in [
            (
                "The guild argues the airline's software treats rest as a \
                 target.",
                "The guild",
            ),
            (
                "The observatory said in a statement its records were used.",
                "The observatory",
            ),
            (
                "The directorate said it does not comment on ongoing \
                 investigations.",
                "The directorate",
            ),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [who], "{got:?}");
        }
    }

    #[test]
    fn will_and_may_before_an_inflected_cue_are_names() {
        for (text, who) in [
            ("\u{201c}It is a reminder,\u{201d} Will wrote.", "Will"),
            ("\u{201c}We will win,\u{201d} May said.", "May"),
            (
                "Columnist George Will wrote that the race was over.",
                "Columnist George Will",
            ),
            ("Will said the plan was sound.", "Will"),
        ] {
            let got = extract(text, &segment(text));
            assert_eq!(speakers(text, &got), [who], "{got:?}");
        }
        // The modal before a cue's lemma stays the modal.
        let text = "Officials will say the plan was sound. Will say it again.";
        let got = extract(text, &segment(text));
        assert!(!speakers(text, &got).contains(&"Will"), "{got:?}");
    }

    #[test]
    fn will_and_may_go_on_in_a_name() {
        let text = "\u{201c}The plan works,\u{201d} said Will Doyle, a \
                    professor. Prime Minister Theresa May said it was sound. \
                    May said the vote would be held.";
        let got = extract(text, &segment(text));
        assert_eq!(
            speakers(text, &got),
            ["Will Doyle", "Prime Minister Theresa May", "May"],
            "{got:?}"
        );
    }

    #[test]
    fn there_is_no_one_who_speaks() {
        let text = "There's no denying he has had quite a run.";
        assert!(extract(text, &segment(text)).is_empty());
    }

    #[test]
    fn no_attribution_without_a_cue() {
        let text = "The river rose two metres overnight.";
        assert!(extract(text, &segment(text)).is_empty());
    }
}
