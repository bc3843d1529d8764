//! Speaker resolution inside one document: from a mention to an actor.
//!
//! Runs after extraction. A titled mention loses its title ("DEA
//! Administrator Anne Milgram" -> "Anne Milgram"); a surname alone takes
//! the fuller name the document uses for it ("Milgram" -> "Anne Milgram");
//! a pronoun or a "who" takes the nearest compatible antecedent. What finds
//! no antecedent stays [`Resolution::Unresolved`] and keeps its mention as
//! its name: a guess would be worse than a gap. Spans are never changed.
//!
//! [`corpus_actors`] then merges the mentions of a whole corpus into
//! actors (see `corpus.rs`).

mod corpus;
mod descriptions;
mod lookup;
pub(crate) mod mentions;
mod merging;
pub(crate) mod names;
mod packed;
pub(crate) mod words;

use std::cell::Cell;
use std::collections::HashMap;

use lookup::{Entry, FullerNames, Resolved};

use crate::model::{Attribution, Resolution, Span, Speaker};

pub use corpus::{ReportActors, corpus_actors};

pub use names::{canonical_key, strip_title};

/// How far back, in bytes, a pronoun looks for its antecedent.
const PRONOUN_WINDOW: usize = 1500;

/// How far back, in bytes, a role noun ("the spokesperson", "the
/// newspaper") looks for the one it stands for: several pages of an
/// article, and a bound that keeps a text of many role nouns linear.
const ROLE_WINDOW: usize = 10_000;

/// Grammatical gender and number a pronoun asks of its antecedent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Agreement {
    Male,
    Female,
    Plural,
    Thing,
}

impl From<names::Hint> for Agreement {
    fn from(hint: names::Hint) -> Agreement {
        match hint {
            names::Hint::Male => Agreement::Male,
            names::Hint::Female => Agreement::Female,
            names::Hint::Plural => Agreement::Plural,
            names::Hint::Organisation => Agreement::Thing,
        }
    }
}

/// Resolves the speakers of one document's attributions in place.
pub fn resolve(text: &str, attributions: &mut [Attribution]) {
    let named = names::name_mentions(text);
    let told = told_genders(text, &named);
    let named = FullerNames::new(&named, told);
    let mut resolved = Resolved::default();
    // Speakers brought in but never named ("a senior official",
    // "Analysts"): no pronoun is carried past one of them to someone
    // named earlier.
    let mut nameless = Resolved::default();
    // Bodies and documents no name gives ("The mayor's office"), which
    // "it" may still mean.
    let mut things = Resolved::default();
    // What each speaker so far said, by where its mention stands.
    let mut contents: HashMap<(usize, usize), Span> = HashMap::new();
    // A pronoun in the relative clause set after a phrase is that
    // phrase's (see [`relative_subject`]): where each such phrase ends,
    // and the speakers as written that end there, with what they said.
    let clause_heads: Vec<Option<usize>> = attributions
        .iter()
        .map(|a| {
            let sp = a.speaker.as_ref()?;
            relative_clause_head(text, sp.span)
        })
        .collect();
    let mut subjects: HashMap<usize, (Speaker, Span)> = HashMap::new();
    if clause_heads.iter().any(Option::is_some) {
        let wanted: std::collections::HashSet<usize> =
            clause_heads.iter().flatten().copied().collect();
        for a in attributions.iter() {
            if let Some(sp) = &a.speaker
                && wanted.contains(&sp.span.end())
            {
                subjects
                    .entry(sp.span.end())
                    .or_insert_with(|| (sp.clone(), a.content_extent()));
            }
        }
    }
    for (a, head) in attributions.iter_mut().zip(clause_heads) {
        let said = a.content_extent();
        let Some(sp) = a.speaker.as_mut() else { continue };
        let earlier = Earlier {
            resolved: &resolved,
            nameless: &nameless,
            things: &things,
            contents: &contents,
        };
        let subject = head
            .and_then(|end| relative_subject(text, &subjects, end, sp.span))
            .and_then(|(mut subject, said)| {
                resolve_one(text, &named, &earlier, &mut subject, said);
                let want =
                    pronoun_agreement(&sp.span.text(text).to_lowercase())?;
                compatible(agreement_of(text, &named, &subject), want)
                    .then_some(subject)
            });
        if let Some(subject) = subject {
            sp.name = subject.name;
            sp.resolution = match subject.resolution {
                Resolution::Named | Resolution::Unresolved => {
                    Resolution::Antecedent(subject.span)
                }
                further => further,
            };
        } else {
            resolve_one(text, &named, &earlier, sp, said);
        }
        contents.insert((sp.span.start(), sp.span.end()), said);
        // A relative pronoun's antecedent is never a later pronoun's: its
        // agreement cannot be told from "who".
        let mention = sp.span.text(text);
        let relative = is_relative(mention);
        let agreement = agreement_of(text, &named, sp);
        let unresolved = sp.resolution == Resolution::Unresolved;
        if !unresolved && !relative {
            resolved.push((sp.span, sp.name.to_string(), agreement));
        } else if unresolved && is_new_someone(mention) {
            nameless.push((sp.span, sp.name.to_string(), agreement));
        }
        if unresolved && !relative && agreement == Some(Agreement::Thing) {
            things.push((sp.span, sp.name.to_string(), agreement));
        }
    }
}

/// The speakers before the one being resolved, by what can point back
/// to them.
struct Earlier<'r> {
    /// Speakers with a name, or resolved to one.
    resolved: &'r Resolved,
    /// People brought in without a name ("a senior official").
    nameless: &'r Resolved,
    /// Bodies and documents without a name ("The mayor's office").
    things: &'r Resolved,
    /// What each of them said, by the start and end of its mention.
    contents: &'r HashMap<(usize, usize), Span>,
}

fn resolve_one(
    text: &str,
    named: &FullerNames,
    earlier: &Earlier,
    sp: &mut Speaker,
    said: Span,
) {
    let (resolved, nameless) = (earlier.resolved, earlier.nameless);
    let mention = sp.span.text(text);
    let lower = mention.to_lowercase();
    if mention.ends_with(", who") || mention.ends_with(", which") {
        // "Senator Lindsey Graham, R-S.C., who", "The European Union,
        // which": the antecedent is the phrase before the first comma.
        let cut = mention.find(',').unwrap_or(mention.len());
        let ante = Span::new(sp.span.start(), sp.span.start() + cut);
        by_antecedent(text, named, ante, sp);
        return;
    }
    if is_relative(mention) {
        // "the European Union, which contended": the name just before the
        // comma. Only after a comma: without one the clause often belongs
        // to a phrase the name ends ("a staffer in Philadelphia who
        // said"). Nothing is guessed when no name stands there ("an
        // architect, who said"), and "who" never takes a body's name.
        let after_comma = text[..sp.span.start()].trim_end().ends_with(',');
        let ante = name_before(text, sp.span.start()).filter(|a| {
            let head = a.text(text).split_whitespace().last().unwrap_or("");
            after_comma
                && !described(text, a.start())
                && (lower != "who" || !words::is_body_head(head))
        });
        // "according to a spokesman for Mercy General, who said": no
        // name, but the speaker just before the comma.
        let spoke = || {
            let before = text[..sp.span.start()].trim_end();
            let end = before.strip_suffix(',')?.trim_end().len();
            let keep = |_: &Entry| true;
            resolved
                .latest_ending_in(end, end, keep)
                .or_else(|| nameless.latest_ending_in(end, end, keep))
        };
        if let Some(ante) = ante {
            by_antecedent(text, named, ante, sp);
        } else if let Some((span, name, _)) = spoke() {
            sp.name = name.as_str().into();
            sp.resolution = Resolution::Antecedent(*span);
        } else {
            sp.resolution = Resolution::Unresolved;
        }
        return;
    }
    // "Orbital Watch's public catalogue", "its latest report": a
    // document speaks for its owner, when the owner is found.
    if let Some(owner) = document_owner(text, sp.span) {
        let mut by = Speaker {
            span: owner,
            name: owner.text(text).into(),
            resolution: Resolution::Unresolved,
        };
        resolve_one(text, named, earlier, &mut by, said);
        let to = match by.resolution {
            Resolution::Named => Some(owner),
            Resolution::Alias(s) | Resolution::Antecedent(s) => Some(s),
            Resolution::Unresolved => None,
        };
        if let Some(to) = to {
            sp.name = by.name;
            sp.resolution = Resolution::Antecedent(to);
            return;
        }
    }
    // "He’s claiming", "they've put their faith": the pronoun before
    // the contraction.
    if let Some(want) =
        pronoun_agreement(mentions::without_contraction(&lower))
    {
        let found = match antecedent(resolved, sp.span, want) {
            // "Fiona said …. Jane Doe trained …. '…,' she said": a person
            // of the pronoun's gender named since the last speaker, and
            // so read for only since then, is nearer.
            // "Dunmore's mayor, Keoni Ashdown, has closed the promenade.
            // '…,' he told reporters": one of unknown gender set after a
            // role that opens the sentence is too.
            // A person named in what that speaker, a known he or she,
            // said is talked about, not talking ("He says the finance
            // chief, Paul Adeyemi, persuaded him. “…,” he says"): the
            // search goes on back past them. So it does past one who
            // is no subject to a subject in that paragraph ("Ted Cruz is
            // highlighting his win over Donald Trump as he urges"), but
            // no further, nor past one in the pronoun's own words.
            // A body's reported words may name the person meant
            // ("According to ProPublica, Clinton praised …. She also
            // said").
            Some((span, name, got)) => {
                let (span, name) = (*span, name.clone());
                let spoke = earlier
                    .contents
                    .get(&(span.start(), span.end()))
                    .filter(|_| *got == Some(want));
                // Where the paragraph of a person passed over for not
                // standing as a subject starts.
                let passed: Cell<Option<usize>> = Cell::new(None);
                let verdict = |n: &Named| {
                    let told = spoke.is_some_and(|c| c.contains(&n.latest));
                    let beyond =
                        passed.get().is_some_and(|at| n.latest.start() < at);
                    if n.name == name
                        || !(n.known || set_as_subject(text, n.latest))
                        || beyond
                    {
                        Verdict::Stop
                    } else if told {
                        Verdict::Pass
                    } else if stands_nearer(text, n.latest, span, said) {
                        Verdict::Take
                    } else if passed.get().is_none()
                        && !said.contains(&n.latest)
                    {
                        let before = &text[..n.latest.start()];
                        passed.set(Some(
                            before.rfind('\n').map_or(0, |i| i + 1),
                        ));
                        Verdict::Pass
                    } else {
                        Verdict::Stop
                    }
                };
                match named_antecedent(
                    text,
                    named,
                    sp.span,
                    want,
                    span.end(),
                    &verdict,
                ) {
                    Some(n) => Some((n.mention, n.name)),
                    None => Some((span, name)),
                }
            }
            None => {
                let known = |n: &Named| {
                    if n.known { Verdict::Take } else { Verdict::Stop }
                };
                named_antecedent(text, named, sp.span, want, 0, &known)
                    .map(|n| (n.mention, n.name))
            }
        }
        .filter(|(span, name)| {
            // "A council member, who …, told reporters …. He said":
            // "He" is the one no name gives, not the person named
            // before, unless that person is named again since ("A
            // reporter asked Sanders …. He replied").
            let Some((between, _, _)) = nameless.latest_ending_in(
                span.end() + 1,
                sp.span.start(),
                |(_, _, got)| compatible(*got, want),
            ) else {
                return true;
            };
            let last = name.split_whitespace().last().unwrap_or("");
            names_word(&text[between.end()..sp.span.start()], last)
        });
        // "The mayor's office disputed …. In a statement, it said": the
        // body without a name, when it spoke last.
        let thing = (want == Agreement::Thing)
            .then(|| antecedent(earlier.things, sp.span, want))
            .flatten()
            .map(|(span, name, _)| (*span, name.clone()));
        let found = match (found, thing) {
            (Some(f), Some(t)) => {
                Some(if t.0.end() > f.0.end() { t } else { f })
            }
            (f, t) => f.or(t),
        };
        match found
            .or_else(|| nameless_antecedent(resolved, nameless, sp, want))
        {
            Some((span, name)) => {
                sp.name = name.into();
                sp.resolution = Resolution::Antecedent(span);
            }
            None => sp.resolution = Resolution::Unresolved,
        }
        return;
    }
    // "The club's coach, Luis Ortega, said", "Brennan's lawyer, Michael
    // Ortiz, said": the name set in apposition right after the
    // description says who it is, and is part of the mention.
    if (is_nominal(mention)
        || is_possessed_role(mention)
        || is_described_by_name(mention))
        && let Some(name) = apposed_name_after(text, sp.span)
    {
        by_antecedent(text, named, name, sp);
        sp.span = Span::new(sp.span.start(), name.end());
        return;
    }
    let aged = is_age_description(mention);
    if is_nominal(mention) || aged {
        let found = role_antecedent(text, named, resolved, sp.span, said)
            .or_else(|| {
                aged.then(|| subject_before(text, named, sp.span, said))
                    .flatten()
            });
        match found {
            Some((span, name)) => {
                sp.name = name.into();
                sp.resolution = Resolution::Antecedent(span);
            }
            None => sp.resolution = Resolution::Unresolved,
        }
        return;
    }
    if !mention.contains(|c: char| c.is_uppercase()) {
        sp.resolution = Resolution::Unresolved;
        return;
    }
    // "A spokeswoman for Mr. Trump", "a former backer of Sen. Ted Cruz":
    // someone new, described by the one named after the preposition.
    if is_described_by_name(mention) {
        sp.name = mention.into();
        sp.resolution = Resolution::Named;
        return;
    }
    let (name, res) = by_name(text, named, sp.span);
    sp.name = name.into();
    sp.resolution = res;
}

/// Nouns for what a person or a body puts out and speaks through ("the
/// department's 2022 survey", "Gallup's own tracking poll"), beside
/// those of [`crate::extract::is_document_noun`]: sorted.
#[rustfmt::skip]
const OWNED_DOCUMENTS: &[&str] = &[
    "audit", "blog", "book", "calculations", "catalog", "catalogue",
    "complaint", "database", "estimate", "estimates", "filing", "filings",
    "findings", "forecast", "lawsuit", "letter", "memoir", "newsletter",
    "records", "release", "results", "statement", "tally", "tweet",
    "website",
];

/// True for a word of time that owns no document ("Monday night's
/// results", "last year's report"): a time a preposition's phrase
/// names, as [`crate::extract::is_time_phrase`] reads it, or "day"; not
/// "Time", a magazine.
fn is_time_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower != "time"
        && (crate::extract::is_time_phrase(&lower) || lower == "day")
}

/// The owner of a document that `span` names as a speaker: "Orbital
/// Watch" of "Orbital Watch's public catalogue", "the department" of
/// "the department's 2022 survey", "its" of "its latest report". The
/// words between the owner and the document's noun are in lower case or
/// a year; the owner is no time ("Monday night's results").
pub(super) fn document_owner(text: &str, span: Span) -> Option<Span> {
    let mention = span.text(text);
    let head = mention.rsplit(' ').next()?;
    if !crate::extract::is_document_noun(head)
        && OWNED_DOCUMENTS.binary_search(&head).is_err()
    {
        return None;
    }
    let plain = |rest: &str| {
        rest.split(' ').all(|w| {
            w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        })
    };
    if let Some((first, rest)) = mention.split_once(' ')
        && matches!(
            first.to_lowercase().as_str(),
            "its" | "his" | "her" | "their"
        )
    {
        let end = span.start() + first.len();
        return plain(rest).then(|| Span::new(span.start(), end));
    }
    let (end, rest) = ["’s ", "'s ", "s’ ", "s' "]
        .iter()
        .filter_map(|mark| {
            let at = mention.rfind(mark)?;
            // A plural's mark keeps its "s": "the Democrats' report".
            let end = if mark.starts_with('s') { at + 1 } else { at };
            Some((end, &mention[at + mark.len()..]))
        })
        .max_by_key(|&(end, _)| end)?;
    let owner = &mention[..end];
    let timely = owner.split(' ').any(is_time_word);
    (plain(rest) && !owner.is_empty() && !timely)
        .then(|| Span::new(span.start(), span.start() + end))
}

/// True for a definite description of a person by age: "the
/// 46-year-old", "The 57-year-old scientist", "the bespectacled,
/// 71-year-old diplomat".
fn is_age_description(mention: &str) -> bool {
    let mut words = mention.split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && words.take(3).any(|w| {
            w.trim_end_matches(',').strip_suffix("-year-old").is_some_and(
                |n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()),
            )
        })
}

/// The person a description by age stands for ("Lori Bernstein held up
/// a sign …. The 57-year-old scientist says"): the person named last
/// before it as the subject of a verb (the name opens its sentence and
/// a word in lower case or a comma follows it), outside quotations and
/// what is said (`said`), in its paragraph or the two before, and not
/// of another gender than the description gives ("the 34-year-old
/// mother").
fn subject_before(
    text: &str,
    named: &FullerNames,
    at: Span,
    said: Span,
) -> Option<(Span, String)> {
    let floor =
        text.floor_char_boundary(at.start().saturating_sub(PRONOUN_WINDOW));
    let before = &text[floor..at.start()];
    // Two paragraphs before: three line breaks back, blank lines
    // skipped.
    let mut from = floor;
    let mut breaks = 0;
    for (i, c) in before.char_indices().rev() {
        if c == '\n'
            && !before[i + 1..]
                .trim_start_matches([' ', '\t'])
                .starts_with('\n')
        {
            breaks += 1;
            if breaks == 3 {
                from = floor + i + 1;
                break;
            }
        }
    }
    // "the 34-year-old mother of three": the head's gender.
    let lower = at.text(text).to_lowercase();
    let want =
        role_head(&lower).and_then(names::noun_gender).map(Agreement::from);
    for (start, end) in
        unquoted_words(text, from, at.start()).into_iter().rev()
    {
        if said.start() <= start && end <= said.end() {
            continue;
        }
        let word = &text[start..end];
        if !word.starts_with(char::is_uppercase) {
            continue;
        }
        let Some(m) = named.ending_with(word, end).find(|m| {
            !names_a_place_or_body(text, m) && !named_by_noun(text, m)
        }) else {
            continue;
        };
        // Its latest mention: the name, or its last word alone.
        let latest =
            if start >= m.span.end() { Span::new(start, end) } else { m.span };
        let next = text[latest.end()..].trim_start();
        let subject = (opens_sentence(text, latest)
            || after_opening_phrase(text, latest))
            && (next.starts_with(',')
                || next.split_whitespace().next().is_some_and(|w| {
                    w.starts_with(char::is_lowercase)
                        && !names::is_place_preposition(w)
                        && !matches!(w, "via" | "of" | "and" | "or")
                }));
        let agrees = match (want, gender_of(text, named, m)) {
            (Some(w @ (Agreement::Male | Agreement::Female)), Some(got)) => {
                w == got
            }
            _ => true,
        };
        // Names that are no subject ("at Orchard Heights", "Neilson
        // Barnard via Getty Images") are passed over.
        if subject && agrees {
            return Some((m.span, m.name.clone()));
        }
    }
    None
}

/// The words of `text[from..to]` outside quotation marks, as byte
/// spans: runs of letters, digits and hyphens.
fn unquoted_words(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    word_spans(text, from, to, true)
}

/// The words of `text[from..to]` as byte spans: runs of letters, digits
/// and hyphens; with `unquoted`, only those outside quotation marks.
fn word_spans(
    text: &str,
    from: usize,
    to: usize,
    unquoted: bool,
) -> Vec<(usize, usize)> {
    let mut quoted = false;
    let mut words = Vec::new();
    let mut open = None;
    let part = &text[from..to];
    for (i, c) in part.char_indices() {
        if unquoted {
            // A closing single quote, not an apostrophe ("Trump’s").
            let closes = c == '’'
                && !part[i + c.len_utf8()..].starts_with(char::is_alphabetic);
            quoted = match c {
                '“' | '‘' => true,
                '”' => false,
                '"' => !quoted,
                _ if closes => false,
                _ => quoted,
            };
        }
        let wordy = c.is_alphanumeric() || c == '-';
        match (wordy && !quoted, open) {
            (true, None) => open = Some(i),
            (false, Some(s)) => {
                words.push((from + s, from + i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        words.push((from + s, to));
    }
    words
}

/// True when `mention` is a description of someone by another that it
/// names after "for", "of", "to" or "with": "A spokeswoman for Mr.
/// Trump" is not Mr. Trump, nor is "the president of Judicial Watch" or
/// "chief executive of Clean Sport UK" that body. The description opens
/// with an article or in lower case, and its words up to the
/// preposition are in lower case. After "the" or no article, a given
/// name or a lower-case word past the preposition's first word means
/// the title runs on to a person ("former secretary of state Hillary
/// Clinton", "the secretary of State John Kerry"). ("A study by Media
/// Matters" reports what Media Matters found.)
fn is_described_by_name(mention: &str) -> bool {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    let indefinite = matches!(first, "a" | "A" | "an" | "An" | "one" | "One");
    let definite = matches!(first, "the" | "The");
    let from = usize::from(indefinite || definite);
    if from == 0 && !first.starts_with(char::is_lowercase) {
        return false;
    }
    let Some(at) = words[from..]
        .iter()
        .position(|w| matches!(*w, "for" | "of" | "to" | "with"))
        .map(|k| from + k)
    else {
        return false;
    };
    if at == from
        || !words[from..at].iter().all(|w| w.starts_with(char::is_lowercase))
    {
        return false;
    }
    if indefinite {
        return true;
    }
    let rest = &words[at + 1..];
    let rest = rest.strip_prefix(&["the"]).unwrap_or(rest);
    !rest.is_empty()
        && rest.iter().skip(1).all(|w| {
            !w.starts_with(char::is_lowercase)
                || matches!(*w, "of" | "for" | "and")
        })
        && rest
            .iter()
            .skip(1)
            .all(|w| names::given_name(w).is_none() && !names::is_title(w))
}

/// The capitalised name that ends right before `at` (past spaces and one
/// comma): "Chicago Police Department", "Department of Justice". `None`
/// when the word there is not capitalised.
fn name_before(text: &str, at: usize) -> Option<Span> {
    let before = text[..at].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    let end = before.len();
    let mut start = None;
    let mut rest = before;
    // At most six words, and "of" only between capitalised ones.
    for _ in 0..6 {
        let word_start = rest
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &rest[word_start..];
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || "-.'’&".contains(c))
            && !is_function_word(word);
        if capital {
            start = Some(word_start);
        } else if !(word == "of" && start.is_some()) {
            break;
        }
        if word_start == 0 {
            break;
        }
        rest = rest[..word_start].trim_end();
        if rest.ends_with(" v.") || rest.ends_with(" vs.") {
            // "Walmart Stores v. Dukes": a court case, no one's name.
            return None;
        }
        // A line or sentence break ends the name.
        if rest.ends_with(['.', '!', '?', ':', ';', ',', '"', '“', '”']) {
            break;
        }
    }
    Some(Span::new(start?, end))
}

/// True for a bare relative pronoun as a speaker.
fn is_relative(mention: &str) -> bool {
    mention.eq_ignore_ascii_case("who")
        || mention.eq_ignore_ascii_case("which")
}

/// Where the phrase ends whose subject relative clause a "he" or "she"
/// at `at` stands in, when the pronoun opens a clause of its own there:
/// "A track inspector for the railroad, who asked not to be named
/// because he feared losing his job, said" (the inspector fears). The
/// clause opens with ", who" and a lower-case word that is no pronoun
/// ("who he dubbed" is the pronoun's object), runs to the pronoun in one
/// stretch of lower-case words with no comma, quotation mark or sentence
/// end, brings in no person ("who met the mayor after she said" may be
/// the mayor's), and a subordinating word stands right before the
/// pronoun.
fn relative_clause_head(text: &str, at: Span) -> Option<usize> {
    if !matches!(at.text(text), "he" | "she") {
        return None;
    }
    let from = text.ceil_char_boundary(at.start().saturating_sub(200));
    let before = &text[from..at.start()];
    let (head, clause) = before.rsplit_once(", who ")?;
    let words: Vec<&str> = clause.split_whitespace().collect();
    let (&first, &last) = (words.first()?, words.last()?);
    let plain = clause
        .chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '\'')
        && words.iter().all(|w| w.starts_with(char::is_lowercase));
    let nouns = crate::extract::lexicon::Lexicon::get();
    let person = words.iter().any(|w| {
        nouns.is_speaker_noun(w)
            || words::is(w, words::WordClass::Role)
            || names::noun_gender(w).is_some()
    });
    let subordinate = crate::extract::SUBORDINATORS.contains(&last)
        || matches!(last, "until" | "that");
    let opens = plain
        && !person
        && subordinate
        && !is_function_word(first)
        && words.len() >= 2;
    opens.then(|| at.start() - before.len() + head.len())
}

/// The speaker whose phrase ends at `end`, where the relative clause
/// of the pronoun at `at` opens ([`relative_clause_head`]), with what
/// that speaker said; else the person named there ("Deja Stewart, who
/// forced me to confront my four unhip decades when she called him …").
/// A relative or pronoun speaker is no one to be taken from.
fn relative_subject(
    text: &str,
    subjects: &HashMap<usize, (Speaker, Span)>,
    end: usize,
    at: Span,
) -> Option<(Speaker, Span)> {
    let Some((speaker, said)) = subjects.get(&end) else {
        let ante = name_before(text, end).filter(|a| {
            let last = a.text(text).split_whitespace().last().unwrap_or("");
            !described(text, a.start()) && !words::is_body_head(last)
        })?;
        let speaker = Speaker {
            span: ante,
            name: ante.text(text).into(),
            resolution: Resolution::Named,
        };
        return Some((speaker, Span::new(at.start(), at.start())));
    };
    let mention = speaker.span.text(text);
    let lower = mention.to_lowercase();
    if is_relative(mention) || pronoun_agreement(&lower).is_some() {
        return None;
    }
    Some((speaker.clone(), *said))
}

/// True when an indefinite article stands within three words before
/// `start` ("an influential Hispanic Republican"): the name is part of a
/// description, not someone's name.
fn described(text: &str, start: usize) -> bool {
    text[..start]
        .split_whitespace()
        .rev()
        .take(3)
        .take_while(|w| !w.ends_with(['.', ',', ';', ':']))
        .any(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "another"))
}

/// Words capitalised only for starting a sentence ("In Washington, which
/// …"): never part of a name.
fn is_function_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "as"
            | "after"
            | "before"
            | "but"
            | "and"
            | "or"
            | "when"
            | "while"
            | "if"
            | "to"
            | "this"
            | "that"
            | "these"
            | "those"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
    )
}

/// Names `sp` by the name at `ante`, a phrase it refers back to: an
/// antecedent unless the name itself resolves further (an alias).
fn by_antecedent(
    text: &str,
    named: &FullerNames,
    ante: Span,
    sp: &mut Speaker,
) {
    let (name, res) = by_name(text, named, ante);
    sp.name = name.into();
    sp.resolution = if res == Resolution::Named {
        Resolution::Antecedent(ante)
    } else {
        res
    };
}

/// A name mention: drop its title, then take the fuller name that it ends
/// ("Milgram", "López Obrador"), when exactly one fuller name in the
/// document does; two ("Bill Clinton", "Hillary Clinton") mean no guess.
fn by_name(
    text: &str,
    named: &FullerNames,
    span: Span,
) -> (String, Resolution) {
    // "Rep. Gwen Moore (D-Wis.)": the name without its party's tag.
    let name = strip_title(mentions::without_party_tag(span.text(text)));
    // "CNN's Jake Tapper": the person, without the owner.
    let name = match names::person_after_owner(&name) {
        Some(at) => name[at..].to_string(),
        None => name,
    };
    // "Verelon" for "Verelon Therapeutics", "Loretta" for "Loretta
    // Beaumont-Achebe": one word that opens the one fuller name it may
    // stand for.
    let opening = || {
        (!name.contains(' ') && name.starts_with(char::is_uppercase))
            .then(|| named.opening(&name))
            .flatten()
    };
    match named.only(&canonical_key(&name)).or_else(opening) {
        Some(m) => (m.name.clone(), Resolution::Alias(m.span)),
        None => (name, Resolution::Named),
    }
}

/// "A Northline spokeswoman said …. She added …": a pronoun no name
/// takes goes to the speaker brought in without a name just before it,
/// when that speaker's noun gives the pronoun's gender and no named
/// speaker came between;
/// within a few sentences (400 bytes), so that the graph ties both
/// claims to the one unnamed person.
fn nameless_antecedent(
    resolved: &Resolved,
    nameless: &Resolved,
    sp: &Speaker,
    want: Agreement,
) -> Option<(Span, String)> {
    let start = sp.span.start();
    let near = start.saturating_sub(400);
    // Only a description whose noun tells the gender ("spokeswoman",
    // "his mother"): "a reporter asked …. '…,' he said" is the one asked
    // more often than the reporter.
    let (span, name, _) =
        nameless.latest_ending_in(near, start, |(_, _, got)| {
            compatible(*got, want)
        })?;
    let lower = name.to_lowercase();
    let head = role_head(&lower).map(|w| w.trim_end_matches(','));
    let told = head.and_then(names::noun_gender).map(Agreement::from);
    if told != Some(want) {
        return None;
    }
    let named_since =
        resolved.latest_ending_in(span.end(), start, |_| true).is_some();
    (!named_since).then(|| (*span, name.clone()))
}

/// The name between the two commas after `span` (", Luis Ortega,"):
/// two to five words, each capitalised or an initial, or one word of
/// letters (", Biogen,"). Not after
/// "according to", where the name opens the sentence's own clause
/// ("According to an FBI summary, Cheryl Mills, a top aide, sent …").
fn apposed_name_after(text: &str, span: Span) -> Option<Span> {
    // Only the bytes next to the span are looked at: a document has many
    // speakers, and each of them reading the text before or after it
    // would make resolution quadratic.
    const CUE: &str = "according to";
    let before = text[..span.start()].trim_end();
    let cue = before.len().checked_sub(CUE.len()).map(|at| before.get(at..));
    if cue.flatten().is_some_and(|w| w.eq_ignore_ascii_case(CUE)) {
        return None;
    }
    let rest = text[span.end()..].strip_prefix(", ")?;
    // "…,” said a company spokesperson, Rowan Mbatha.": after a tag's
    // cue, the sentence's end closes the name too.
    let tagged = before.rsplit(' ').next().is_some_and(|w| {
        matches!(w, "said" | "says" | "told" | "added" | "wrote")
    });
    let len = rest
        .char_indices()
        .take_while(|&(i, _)| i <= 120)
        .find(|&(i, c)| {
            c == ','
                || (tagged
                    && c == '.'
                    && rest[i + 1..]
                        .chars()
                        .next()
                        .is_none_or(char::is_whitespace)
                    // Not an initial's dot ("John J. Smith").
                    && rest[..i].rsplit(' ').next().is_some_and(|w| w.len() > 2))
        })?
        .0;
    let mut words: Vec<&str> = rest[..len].split(' ').collect();
    // "A gas industry group, the Clean Cooking Alliance, said": a body's
    // name may have its article.
    let article = words.len() > 1
        && words[0] == "the"
        && words[1].starts_with(char::is_uppercase);
    if article {
        words.remove(0);
    }
    // "state Sen. Linda Ferraro", "former Gov. Jeb Bush": up to two
    // lower-case words before a title are no part of the name.
    let lower = words
        .iter()
        .take(2)
        .take_while(|w| names::is_title_modifier(w))
        .count();
    // "retired banker Howard Stiles-Okonkwo": one or two lower-case
    // words ending in a noun that names a speaker say what the name is.
    let role = || {
        let nouns = crate::extract::lexicon::Lexicon::get();
        (1..=2).rev().find(|&k| {
            words.len() > k + 1
                && words[..k].iter().all(|w| {
                    w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                })
                && nouns.is_speaker_noun(words[k - 1])
                && words[k].starts_with(char::is_uppercase)
                && words[k + 1].starts_with(char::is_uppercase)
        })
    };
    // How many words open the appositive before the name, and their
    // bytes with the space after each.
    let before_name = if article {
        0
    } else if lower > 0 && words.get(lower).is_some_and(|w| names::is_title(w))
    {
        lower
    } else {
        role().unwrap_or(0)
    };
    let prefix: usize = words.drain(..before_name).map(|w| w.len() + 1).sum();
    // The name, then perhaps where it works: "Dr. Bernard Srour of the
    // French National Institute …". Past the first word, a particle is
    // part of it ("Ana de la Cruz", "Sultan al-Jaber").
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let name_word = |w: &str| {
        capital(w)
            || names::is_particle(w)
            || w.split_once('-').is_some_and(|(p, rest)| {
                names::is_particle(p) && capital(rest)
            })
    };
    let mut n = match words.first() {
        Some(w) if capital(w) => {
            1 + words[1..].iter().take_while(|w| name_word(w)).count()
        }
        _ => 0,
    };
    // It ends on a capitalised word, not on "de".
    while n > 0 && names::is_particle(words[n - 1]) {
        n -= 1;
    }
    let affiliation = words
        .get(n)
        .is_none_or(|w| matches!(*w, "of" | "at" | "from" | "with" | "in"));
    // One word names too ("The drug's maker, Biogen,"), when it is
    // letters only: not a party tag (", D-Mass.,").
    let one_name = n == 1 && words[0].chars().all(char::is_alphabetic);
    let body = n > 0 && words::is_body_head(words[n - 1]);
    if !((2..=5).contains(&n) || one_name)
        || !affiliation
        || words.len() > n + 12
        || (article && !body)
    {
        return None;
    }
    // The words and the n - 1 spaces between them.
    let name_len = words[..n].iter().map(|w| w.len()).sum::<usize>() + n - 1;
    let start =
        span.end() + 2 + prefix + if article { "the ".len() } else { 0 };
    Some(Span::new(start, start + name_len))
}

/// True for a role named through its holder's possessive: "Brennan's
/// lawyer", "Clinton's campaign manager", "Its chief executive" (a
/// possessive, then a few words ending in a lower-case one).
fn is_possessed_role(mention: &str) -> bool {
    let mut words = mention.split_whitespace().peekable();
    // "Gov. Daniel Whitcombe's challenger": the owner's name may take
    // up to three capitalised words, its title with them.
    for _ in 0..3 {
        let owner_goes_on = words.peek().is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && !w.ends_with("'s")
                && !w.ends_with("’s")
                && !w.ends_with("s'")
                && !w.ends_with("s’")
                && !matches!(
                    w.to_lowercase().as_str(),
                    "its" | "his" | "her" | "their" | "our"
                )
        });
        if !owner_goes_on {
            break;
        }
        words.next();
    }
    let first = words.next().unwrap_or("");
    let possessive = first.ends_with("'s")
        || first.ends_with("’s")
        || first.ends_with("s'")
        || first.ends_with("s’")
        || matches!(
            first.to_lowercase().as_str(),
            "its" | "his" | "her" | "their" | "our"
        );
    // "Her editor at Fenwick & Rowe": a place or setting after the role
    // does not name it.
    let rest: Vec<&str> =
        words.take_while(|w| !names::is_place_preposition(w)).collect();
    // "Her Guatemalan counterpart": capitalised words may describe the
    // role, which a lower-case noun ends, or a title written in capitals
    // ("The Podesta Group's CEO").
    possessive
        && rest.len() <= 4
        && rest.last().is_some_and(|w| {
            w.starts_with(char::is_lowercase)
                || (w.chars().all(|c| c.is_ascii_uppercase())
                    && names::is_title(w))
        })
}

/// True for phrases like "the newspaper", "a senior official" or "the DEA
/// administrator": a determiner and a lower-case head noun at the end
/// (unlike "the National Institutes of Health"). A place or setting
/// after the head does not name it: "a council leader in Leeds", "a
/// spokesman at the embassy" are nominal.
fn is_nominal(mention: &str) -> bool {
    let words: Vec<&str> = head_phrase(mention).collect();
    let opening = words.first().copied().unwrap_or("");
    let first = opening.to_lowercase();
    let determiner = matches!(
        first.as_str(),
        "the"
            | "a"
            | "an"
            | "one"
            | "some"
            | "many"
            | "several"
            | "two"
            | "three"
    );
    if !determiner {
        let alone = words.get(1).is_none_or(|w| matches!(*w, "of" | "for"));
        return alone && is_plural_role(opening, &first);
    }
    // "The local MP": a role's initials end it as a lower-case noun does.
    let initials = |w: &str| {
        w.len() > 1
            && w.chars().all(|c| c.is_ascii_uppercase())
            && names::is_title(w)
    };
    words.len() > 1
        && words
            .last()
            .is_some_and(|w| w.starts_with(char::is_lowercase) || initials(w))
}

/// True when a person's latest mention, `latest`, makes that person the
/// nearer antecedent than the speaker at `speaker`: it comes after that
/// speaker, opens its sentence (or is set after a short description
/// that does), and is not inside what the pronoun's speaker said
/// (`said`: "Trump isn't a conservative, he said").
fn stands_nearer(text: &str, latest: Span, speaker: Span, said: Span) -> bool {
    let inside = said.contains(&latest);
    latest.start() > speaker.end()
        && !inside
        && (opens_sentence(text, latest)
            || after_opening_phrase(text, latest)
            || set_as_subject(text, latest))
}

/// True when the name at `span` (maybe after a title) opens the main
/// clause after a sentence's opening phrase of time or place: "For much
/// of the 1980s, Dr. Kallenberg was …", "In 2008, Putin …". The phrase
/// opens with a preposition and holds no other comma.
fn after_opening_phrase(text: &str, span: Span) -> bool {
    let floor = text.ceil_char_boundary(span.start().saturating_sub(300));
    let before = text[floor..span.start()].trim_end();
    // A title before the name: "Dr.", "Ms.", "Gen.".
    let before = match before.rsplit_once(' ') {
        Some((head, title)) if names::is_title(title) => head.trim_end(),
        _ => before,
    };
    let Some(phrase) = before.strip_suffix(',') else { return false };
    let start = phrase
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '\n' | '"' | '”'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let phrase = phrase[start..].trim_start();
    if (start == 0 && floor > 0) || phrase.contains([',', ';', ':']) {
        return false;
    }
    let first = phrase.split_whitespace().next().unwrap_or("");
    // "Told this, Marchetti-Obi smiles", "Asked about the vote, Lin
    // …": a participle's phrase.
    let participle = first.len() > 4
        && (first.ends_with("ed") || first.ends_with("ing"))
        || matches!(first, "Told" | "Shown");
    participle
        || matches!(
            first,
            "In" | "For"
                | "During"
                | "After"
                | "Before"
                | "Since"
                | "By"
                | "On"
                | "At"
                | "Over"
                | "Until"
                | "Throughout"
                | "Later"
                | "Earlier"
        )
}

/// Where the last whole-word `word` in `text` ends.
fn last_word_end(text: &str, word: &str) -> Option<usize> {
    let wordy = |c: char| c.is_alphanumeric() || c == '-';
    if word.is_empty() {
        return None;
    }
    text.rmatch_indices(word)
        .find(|&(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(wordy) && !after.is_some_and(wordy)
        })
        .map(|(at, _)| at + word.len())
}

/// True when `word` stands in `text` as a whole word ("Sanders" in
/// "asked Sanders how", not in "Sandersville").
fn names_word(text: &str, word: &str) -> bool {
    last_word_end(text, word).is_some()
}

/// True for a description that brings in someone the text has not named
/// ("a senior official", "one aide", "Analysts"), unlike a definite one
/// ("the senator"), which often stands for someone named before.
fn is_new_someone(mention: &str) -> bool {
    let lower = mention.to_lowercase();
    let head = role_head(&lower).unwrap_or("");
    is_nominal(mention)
        && !lower.starts_with("the ")
        && crate::extract::lexicon::Lexicon::get().is_speaker_noun(head)
}

/// "Supporters say", "Analysts at Jefferies said", "Opponents of the law
/// argue": a plural role noun, capitalised only because it opens the
/// sentence, names no one. Parties' members are named by their party
/// ("Democrats", "Republicans"), though the lexicon lists them too.
pub(super) fn is_plural_role(word: &str, lower: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && lower.ends_with('s')
        && !matches!(lower, "democrats" | "republicans")
        && crate::extract::lexicon::Lexicon::get().is_speaker_noun(lower)
}

/// The words of a mention up to a place or setting after its head ("a
/// spokesman in Washington", "a lawyer with the firm"): the head is the
/// last of them.
fn head_phrase(mention: &str) -> impl Iterator<Item = &str> {
    mention.split_whitespace().take_while(|w| !names::is_place_preposition(w))
}

/// The head noun of a description: the last word before a place or
/// setting ([`head_phrase`]), before an "of", "for" or "who" and before
/// a participle after a speaker noun ("the former secretary of state" is
/// headed by "secretary", "a woman who lives nearby" and "a woman
/// heading home" by "woman").
fn role_head(mention: &str) -> Option<&str> {
    let lexicon = crate::extract::lexicon::Lexicon::get();
    let mut head = None;
    for w in head_phrase(mention) {
        let participle = w.len() > 5
            && w.ends_with("ing")
            && head.is_some_and(|h| lexicon.is_speaker_noun(h));
        if matches!(w, "of" | "for" | "who") || participle {
            break;
        }
        head = Some(w);
    }
    head
}

/// The antecedent of a definite role noun: "the spokesperson" is the
/// earlier person the text gave that role, as a title ("NSC
/// spokesperson Adrienne Watson", "Sen. Ted Cruz") or an appositive
/// ("Watson, a spokesperson for the NSC"), the one mentioned last when
/// two were; "the newspaper" is the nearest earlier publication that
/// spoke. Indefinite phrases ("a senior official") introduce someone new
/// and have no antecedent. `said` is what the role's bearer says, whose
/// names do not count against the bearer ([`other_in_paragraph`]).
fn role_antecedent(
    text: &str,
    named: &FullerNames,
    resolved: &Resolved,
    at: Span,
    said: Span,
) -> Option<(Span, String)> {
    let mention = at.text(text);
    let lower = mention.to_lowercase();
    if !lower.starts_with("the ") {
        return None;
    }
    let head = role_head(&lower)?;
    let mut from = at.start().saturating_sub(ROLE_WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if names::is_publication_noun(head) {
        let (span, name, _) =
            resolved.latest_ending_in(from, at.start(), |(_, name, _)| {
                names::is_publication_name(name)
            })?;
        return Some((*span, name.clone()));
    }
    // "… at the University of Port Phillip …. The university said": a
    // body named before by a name that holds the noun, spoken or not.
    // The names of people are searched for the noun as a title ("NSC
    // spokesperson Adrienne Watson") only when it is no kind of body.
    let kind = name_words(head);
    let body = !kind.is_empty();
    // "the Benghazi committee": the words before the noun.
    let words: Vec<&str> =
        head_phrase(&lower).skip(1).take_while(|&w| w != head).collect();
    if is_company_noun(head)
        && let Some(found) =
            latest_body(text, named, resolved, from, at.start(), head)
    {
        // A name that tells no kind of body may be of another kind than
        // one the text gives with the noun itself. Named since, that body
        // is the nearer one meant ("Brightwell said …. It was fined by the
        // Product Safety Commission. The commission said"); named before,
        // it may be meant or not ("The Product Safety Commission said ….
        // Brightwell said …. The commission said", but "The EPA said ….
        // NASA said …. The agency said"), and a wrong speaker is worse
        // than none.
        let untold =
            found.1.split_whitespace().all(|w| agreement_kind(w).is_none());
        if body
            && untold
            && let Some(span) =
                named_body_before(text, from, at.start(), head, &kind, &words)
        {
            return (span.start() > found.0.start())
                .then(|| (span, by_name(text, named, span).0));
        }
        return Some(found);
    }
    if body
        && let Some(span) =
            named_body_before(text, from, at.start(), head, &kind, &words)
    {
        return Some((span, by_name(text, named, span).0));
    }
    // "the Vermont senator", "The Ohio governor": the capitalised words
    // before the noun stand near the name meant ("Vermont Sen. Bernie
    // Sanders", "Rubio, of Florida"), in its paragraph. A party is often
    // given only by its letter ("Harry M. Reid (D-Nev.)").
    let places: Vec<&str> = head_phrase(mention)
        .skip(1)
        .take_while(|w| !w.eq_ignore_ascii_case(head))
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter(|w| {
            !matches!(
                *w,
                "Democratic"
                    | "Democrat"
                    | "Republican"
                    | "GOP"
                    | "Labour"
                    | "Conservative"
                    | "Tory"
            )
        })
        .collect();
    let placed = |span: Span| {
        let from = text.floor_char_boundary(span.start().saturating_sub(150));
        let to = text.ceil_char_boundary((span.end() + 150).min(text.len()));
        let near = &text[from..to];
        let (before, after) = near.split_at(span.start() - from);
        let para = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
        let para_after = &after[..after.find('\n').unwrap_or(after.len())];
        places.iter().all(|p| names_word(para, p) || names_word(para_after, p))
    };
    // Names are in text order, so the window is a slice of them.
    let all = named.all();
    let window = &all[all.partition_point(|m| m.span.end() < from)
        ..all.partition_point(|m| m.span.end() <= at.start())];
    // Not a headline's capitals: "Leaders Pledge Cooperation" is no
    // one "the two leaders" means.
    let bearers: Vec<&names::NameMention> = window
        .iter()
        .rev()
        .filter(|_| !body)
        .filter(|m| {
            let written = m.span.text(text).to_lowercase();
            // "Sen. Ted Cruz": an abbreviated title ends a run of its
            // own, and stands just before the name.
            let title = text[..m.span.start()]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| names::abbreviates(&w.to_lowercase(), head));
            (title || written.split_whitespace().any(|w| w == head))
                && !in_headline(text, m.span)
                && placed(m.span)
        })
        .collect();
    // Of two bearers of the role ("Sen. Ted Cruz … Sen. John McCain …
    // Cruz defends …, the senator said"), the one mentioned last, by the
    // name or its last word alone.
    let last_mention = |m: &names::NameMention| {
        let last = m.name.split_whitespace().last().unwrap_or("");
        last_word_end(&text[m.span.end()..at.start()], last)
            .map_or(m.span.end(), |e| m.span.end() + e)
    };
    let mut titled: Option<(&names::NameMention, usize)> = None;
    for m in bearers {
        if titled.is_some_and(|(t, _)| t.name == m.name) {
            continue;
        }
        let latest = last_mention(m);
        if titled.is_none_or(|(_, at)| latest > at) {
            titled = Some((m, latest));
        }
    }
    let titled = titled.map(|(m, _)| (m.span, m.name.clone()));
    let apposed = names::appositive_with(&text[from..at.start()], head)
        .map(|(s, n)| (Span::new(from + s.start(), from + s.end()), n));
    let found = match (titled, apposed) {
        (Some(t), Some(a)) => {
            Some(if a.0.start() > t.0.start() { a } else { t })
        }
        (t, a) => t.or(a),
    }
    .filter(|found| placed(found.0))?;
    // "Ingrid Baumann-Oteiza, a former Swiss diplomat, said …. One
    // European diplomat said …. '…,' the diplomat said": another of the
    // role, brought in since without a name, may be the one meant. Her
    // own sentence, which describes her, does not count.
    let next = sentence_end(&text[found.0.end()..at.start()]) + found.0.end();
    if another_since(&text[next..at.start()], head) {
        return None;
    }
    let (name, _) = by_name(text, named, found.0);
    if other_in_paragraph(text, named, &name, at, said) {
        return None;
    }
    Some((found.0, name))
}

/// True when the paragraph of a role's mention at `at`, before it and
/// outside quotations and what the role's bearer says (`said`), names a
/// person other than `name` by a last word and does not name `name`:
/// "Cruz defends his record in a commercial: '…,' the senator said" may
/// be Cruz, though the senator the text titled last is McCain.
fn other_in_paragraph(
    text: &str,
    named: &FullerNames,
    name: &str,
    at: Span,
    said: Span,
) -> bool {
    let floor =
        text.floor_char_boundary(at.start().saturating_sub(PRONOUN_WINDOW));
    let before = &text[floor..at.start()];
    let para_start = before.rfind('\n').map_or(floor, |i| floor + i + 1);
    let words = unquoted_words(text, para_start, at.start());
    let last = name.split_whitespace().last().unwrap_or("");
    let mut other = false;
    for &(start, end) in &words {
        let word = &text[start..end];
        if said.start() <= start && end <= said.end() {
            continue;
        }
        if word == last {
            return false;
        }
        other = other
            || word.starts_with(char::is_uppercase)
                && named.ending_with(word, end).any(|m| {
                    m.name != name
                        && !names_a_place_or_body(text, m)
                        && !named_by_noun(text, m)
                });
    }
    other
}

/// True when `span` lies on a line of a headline's title case. Headlines
/// are short: a line is looked for within 200 bytes on each side, so that
/// a text of one long line is not read whole for each name.
fn in_headline(text: &str, span: Span) -> bool {
    let from = text.floor_char_boundary(span.start().saturating_sub(200));
    let to = text.ceil_char_boundary((span.end() + 200).min(text.len()));
    let start = match text[from..span.start()].rfind('\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let end = match text[span.end()..to].find('\n') {
        Some(i) => span.end() + i,
        None if to == text.len() => to,
        None => return false,
    };
    mentions::is_title_case_line(&text[start..end])
}

/// The words a body's name uses for the kind of body `head` names: a
/// kind of [`BODY_KINDS`], capitalised ("University"), or an airline's.
fn name_words(head: &str) -> Vec<String> {
    if head == "airline" {
        return ["Airline", "Airlines", "Airways"].map(String::from).to_vec();
    }
    let mut chars = head.chars();
    match (body_kind(head), chars.next()) {
        (Some(_), Some(first)) => {
            vec![first.to_uppercase().chain(chars).collect()]
        }
        _ => Vec::new(),
    }
}

/// The latest name in `text[from..to]` that holds one of `kind`, the
/// words for `head`'s kind (see [`name_words`]), and at least one other
/// capitalised word: "Nordic Launch Agency", "University of Port
/// Phillip", "the Harbour Employers' Association". A lone "Agency" opening a
/// sentence is no name; neither is a headline's. The name must hold the
/// `modifiers` the description puts before its noun ("the Benghazi
/// committee" is "House Select Committee on Benghazi"); a description
/// without them is no name's when another body of the kind was brought
/// in without a name since.
fn named_body_before(
    text: &str,
    from: usize,
    to: usize,
    head: &str,
    kind: &[String],
    modifiers: &[&str],
) -> Option<Span> {
    let window = &text[from..to];
    let bounded = |i: usize, w: &str| {
        let before = window[..i].chars().next_back();
        let after = window[i + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(char::is_alphanumeric)
    };
    let capitalised = |w: &str| {
        w.starts_with(char::is_uppercase)
            && !matches!(w, "The" | "A" | "An" | "This" | "That")
            && !w.ends_with("'s")
            && !w.ends_with("’s")
    };
    let mut found = kind
        .iter()
        .flat_map(|w| {
            window.match_indices(w.as_str()).filter(|&(i, w)| bounded(i, w))
        })
        .map(|(i, w)| (i, i + w.len()))
        .collect::<Vec<_>>();
    found.sort_unstable();
    for (s, e) in found.into_iter().rev() {
        // Back over the capitalised words before the kind's ("Nordic
        // Launch", "Harbour Employers'"), on the same line.
        let mut start = s;
        for w in window[..s].split(' ').rev().skip(1) {
            // Nor over a sentence's end ("on Friday. Museum director",
            // as [`ends_sentence`] reads it); an abbreviation ("U.S.")
            // goes on.
            if !capitalised(w) || w.contains('\n') || ends_sentence(w) {
                break;
            }
            start -= w.len() + 1;
        }
        // On over "of (the) Port Phillip", "on Benghazi", "at Austin":
        // capitalised words or ordinals after a preposition, no day or
        // month.
        let mut end = e;
        while let Some(after) = [" of ", " on ", " at "]
            .iter()
            .find_map(|p| window[end..].strip_prefix(p))
        {
            let after = after.strip_prefix("the ").unwrap_or(after);
            let mut at = window.len() - after.len();
            let before = end;
            for w in after.split(' ') {
                let w = w.trim_end_matches([',', '.', ';', ':']);
                let part = capitalised(w) && !mentions::is_date_word(w)
                    || w.starts_with(|c: char| c.is_ascii_digit());
                if w.is_empty() || !part || w.contains('\n') {
                    break;
                }
                end = at + w.len();
                at += w.len() + 1;
            }
            if end == before {
                break;
            }
        }
        let span = Span::new(from + start, from + end);
        let written = span.text(text).to_lowercase();
        let holds = |m: &&str| {
            written
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| w == *m)
        };
        if !modifiers.iter().all(holds)
            || !written.contains(' ')
            || in_headline(text, span)
        {
            continue;
        }
        // "the U.S. Court of Appeals for the 5th Circuit": a name that
        // goes on over "for" may be one of several of the kind (the
        // circuits), and is not guessed at.
        if window[end..].starts_with(" for ") {
            return None;
        }
        // "… the Supreme Court …. An appeals court blocked it, and the
        // court said": another body of the kind, brought in since
        // without a name, may be the one meant.
        let other =
            modifiers.is_empty() && another_since(&text[span.end()..to], head);
        return (!other).then_some(span);
    }
    None
}

/// True when `since` brings in one of the kind `head` names without a
/// name: "An appeals court blocked it", "One European diplomat said".
fn another_since(since: &str, head: &str) -> bool {
    since.match_indices(head).any(|(i, _)| {
        let whole =
            !since[i + head.len()..].starts_with(char::is_alphanumeric);
        whole
            && since[..i].split_whitespace().rev().take(3).any(|w| {
                ["a", "an", "another", "one"]
                    .iter()
                    .any(|d| w.eq_ignore_ascii_case(d))
            })
    })
}

/// The antecedent of "the company", "the group": the latest body that
/// spoke before byte `at` (from `from`), known as one by its words or
/// named by one word; never a person, nor a name of two words that could
/// be one.
fn latest_body(
    text: &str,
    named: &FullerNames,
    resolved: &Resolved,
    from: usize,
    at: usize,
    head: &str,
) -> Option<(Span, String)> {
    // "Apple said it would appeal. … the company argued". No other
    // name may stand between: "Apple said …. Siemens will
    // cut jobs, the group said" is Siemens, not Apple.
    // One word may be a body's name ("Apple"), unless the text gives it
    // as someone's surname ("Donald Trump" … "Trump, who").
    let surname = |name: &str, end: usize| {
        named
            .ending_with(name, end)
            .any(|m| names::given_name_hint(&m.name).is_some())
    };
    let is_body = |(span, name, got): &Entry| {
        let one_word = !name.contains(' ')
            && name.starts_with(char::is_uppercase)
            && !span.text(text).contains(' ');
        let kind = *got == Some(Agreement::Thing)
            || (got.is_none() && one_word && !surname(name, span.end()));
        // "The Harbour Employers' Association said …. The union said":
        // a name that says what kind of body it is must say the
        // noun's kind.
        kind && kind_agrees(name, head)
    };
    let (span, name, _) = resolved.latest_ending_in(from, at, is_body)?;
    // A person who spoke since stands for no body: "NASA said …. ‘…,’
    // NASA Administrator Janet Petro said. The agency said".
    let people: Vec<Span> = resolved
        .all_ending_in(span.end(), at)
        .filter(|(_, _, got)| {
            matches!(got, Some(Agreement::Male | Agreement::Female))
        })
        .map(|(s, _, _)| *s)
        .collect();
    // The rest of the body's own sentence is about what it said ("NASA
    // said it would postpone the Artemis flight"); names from the next
    // sentence on are others that might be meant.
    let next = sentence_end(&text[span.end()..at]) + span.end();
    (!name_between(text, next, at, name, &people))
        .then(|| (*span, name.clone()))
}

/// Nouns for kinds of body that a body's name often holds ("Pacific
/// Stevedores' Union", "Nordic Launch Agency"), each with its kind: the
/// offices of a government are one kind ("the agency" may be the State
/// Department).
const BODY_KINDS: &[(&str, u8)] = &[
    ("agency", 0),
    ("association", 1),
    ("bank", 2),
    ("bureau", 0),
    ("charity", 3),
    ("commission", 0),
    ("committee", 4),
    ("council", 4),
    ("court", 5),
    ("department", 0),
    ("foundation", 3),
    ("institute", 6),
    ("ministry", 0),
    ("museum", 10),
    ("party", 7),
    ("union", 8),
    ("university", 9),
];

/// The kind of body that `word`, in any case, names.
fn body_kind(word: &str) -> Option<u8> {
    BODY_KINDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, k)| k)
}

/// Words for kinds of body that only [`kind_agrees`] reads: a business
/// is of a bank's kind ("the company" may be a bank, not a workers'
/// alliance), and an alliance of a union's. A name holding them is not
/// looked for as [`BODY_KINDS`]' are ("the company" is often "Ford Motor
/// Company for …", which that search leaves).
const AGREEMENT_KINDS: &[(&str, u8)] =
    &[("alliance", 8), ("company", 2), ("firm", 2)];

/// The kind of body `word` names for [`kind_agrees`].
fn agreement_kind(word: &str) -> Option<u8> {
    body_kind(word).or_else(|| {
        AGREEMENT_KINDS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(word))
            .map(|&(_, k)| k)
    })
}

/// False when `head` is a kind of body and `name` holds another kind and
/// not this one: "the union" is not "Harbour Employers' Association".
fn kind_agrees(name: &str, head: &str) -> bool {
    let Some(want) = agreement_kind(head) else { return true };
    let mut kinds =
        name.split_whitespace().filter_map(agreement_kind).peekable();
    kinds.peek().is_none() || kinds.any(|k| k == want)
}

/// True when `word`, the last of its sentence's, ends it: with "!", "?"
/// or a full stop, but not "A.E." or "Sen.": initials and titles end no
/// sentence.
fn ends_sentence(word: &str) -> bool {
    let stop = word.strip_suffix('.');
    let short = stop.is_some_and(|w| w.len() <= 3 || w.contains('.'));
    word.ends_with(['!', '?'])
        || (stop.is_some() && !short && !names::is_title(word))
}

/// True when the name at `span` opens its sentence, maybe after a title
/// or other capitalised words ("Alabama Sen. Jeff Sessions caused"): the
/// subject, not a name inside a quotation or an object.
pub(super) fn opens_sentence(text: &str, span: Span) -> bool {
    // Its paragraph, at most a pronoun's window back: a document of one
    // long line is not read from its start for every pronoun.
    let floor =
        text.ceil_char_boundary(span.start().saturating_sub(PRONOUN_WINDOW));
    let before = &text[floor..span.start()];
    let line = before.rfind('\n').map_or(0, |i| i + 1);
    let mut rest = before[line..].trim_end();
    // Inside a quotation ("… Not hard to figure out. Donald Trump lost
    // me," he said) a name is what is said.
    let opened = rest.matches('“').count();
    let closed = rest.matches('”').count();
    let straight = rest.matches('"').count() + rest.matches("''").count();
    if opened > closed || straight % 2 == 1 {
        return false;
    }
    // A dateline: "TORONTO — Delphine Araujo-Quist has been …",
    // "WASHINGTON (AP) -- …".
    if let Some(place) =
        rest.strip_suffix('—').or_else(|| rest.strip_suffix("--"))
        && place.contains(char::is_alphabetic)
        && !place.contains(char::is_lowercase)
    {
        return true;
    }
    let mut before_role = false;
    loop {
        let Some(i) = rest.rfind(' ') else {
            // The line's first word: a capitalised one, or none at all.
            return rest.is_empty() || rest.starts_with(char::is_uppercase);
        };
        let word = &rest[i + 1..];
        if ends_sentence(word) {
            return true;
        }
        // "Royals starter Cole Haney", "Kansas City manager Luis
        // Ortega": a role of one person set before the name.
        let role = !word.ends_with('s')
            && crate::extract::lexicon::Lexicon::get().is_speaker_noun(word);
        // "City head coach Marta Villanueva", "Apple chief executive Tim
        // Cook": a lower-case word right before the role qualifies it.
        let qualifies = before_role && names::is_title_modifier(word);
        if !word.starts_with(char::is_uppercase) && !role && !qualifies {
            return false;
        }
        before_role = role;
        rest = rest[..i].trim_end();
    }
}

/// True when the name at `span` is its sentence's subject though no
/// sentence opens with it: set off after a description that does
/// ([`apposed_to_subject`]), or after the verb of a sentence opened by
/// "Among" ("Among those queuing was Margaret Elmsworth, 79, …").
fn set_as_subject(text: &str, span: Span) -> bool {
    apposed_to_subject(text, span) || inverted_subject(text, span)
}

/// True when the name at `span` follows "was" or "were" in a sentence
/// that "Among" opens, with no comma or quotation mark between: the
/// subject set after its verb.
fn inverted_subject(text: &str, span: Span) -> bool {
    let floor = text.ceil_char_boundary(span.start().saturating_sub(200));
    let head = &text[floor..span.start()];
    let start = head.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let phrase = head[start..].trim();
    (start > 0 || floor == 0)
        && phrase.starts_with("Among ")
        && (phrase.ends_with(" was") || phrase.ends_with(" were"))
        && !phrase.contains([',', ';', ':', '"', '“', '”'])
}

/// True when the name at `span` is set between commas after a short
/// description of one person that opens its sentence: "City's coach,
/// Luis Herrera, was less gracious" names the sentence's subject.
fn apposed_to_subject(text: &str, span: Span) -> bool {
    let Some(head) = text[..span.start()].trim_end().strip_suffix(',') else {
        return false;
    };
    if !text[span.end()..].starts_with(',') {
        return false;
    }
    let floor = text.ceil_char_boundary(span.start().saturating_sub(200));
    let head = &text[floor..head.len()];
    let start = head.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let phrase = head[start..].trim_start();
    // The description ends on a role of one person ("coach").
    let last = phrase.split_whitespace().last().unwrap_or("").to_lowercase();
    let role = !last.ends_with('s')
        && crate::extract::lexicon::Lexicon::get().is_speaker_noun(&last);
    (start > 0 || floor == 0)
        && role
        && phrase.starts_with(char::is_uppercase)
        && !phrase.contains([',', '"', '“', '”', ';', ':'])
        && (1..=6).contains(&phrase.split_whitespace().count())
}

/// Where the first sentence of `text` ends: past its full stop, question
/// or exclamation mark and any closing quotation marks, at the space
/// after them; the length of `text` when none ends in it.
fn sentence_end(text: &str) -> usize {
    let mut stop = None;
    for (i, c) in text.char_indices() {
        match c {
            '.' | '!' | '?' => stop = Some(i),
            '”' | '"' | '’' | '\'' | ')' if stop.is_some() => {}
            c if c.is_whitespace() && stop.is_some() => return i,
            _ => stop = None,
        }
    }
    text.len()
}

/// True when `word` (maybe with an owner's mark) is the acronym of the
/// body's name `own`: the initials of its capitalised words, small words
/// and abbreviations with dots left out ("FDA's" of "U.S. Food and Drug
/// Administration", "WHO" of "World Health Organization"). It names the
/// same body, no other.
fn spells_initials(word: &str, own: &str) -> bool {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    if word.len() < 2 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let initials: String = own
        .split_whitespace()
        .filter(|w| !w.contains('.') && *w != "The")
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    initials.len() >= 2 && initials == word
}

/// True when a capitalised word stands in `text[from..to]` that is not
/// a word opening a sentence ("In", "The"), a word of `own`, the body's
/// own name ("Twitter said it condemns the use of Twitter"), or its
/// acronym ([`spells_initials`]), a day or month, a place after "in"
/// ("in Washington"), a word quoted, nor a word of one of the `people`
/// who spoke: a name of some other body.
fn name_between(
    text: &str,
    from: usize,
    to: usize,
    own: &str,
    people: &[Span],
) -> bool {
    let mut opens =
        text[..from].trim_end().ends_with(['.', '!', '?', '”', '"', ':']);
    let mut after_in = false;
    let mut quoted = false;
    let base = text.as_ptr() as usize;
    for w in text[from..to].split_whitespace() {
        let at = w.as_ptr() as usize - base;
        let first = w.trim_start_matches(['“', '"', '(', '‘']);
        // Words quoted are what someone said, not who: "‘Safety drives
        // every decision,’ Petro said".
        quoted |= w.starts_with(['“', '"']);
        let word = first.trim_end_matches(|c: char| !c.is_alphanumeric());
        let starter = opens && mentions::is_sentence_starter(word);
        let owns = own.split_whitespace().any(|o| o == word)
            || spells_initials(word, own);
        let person = people.iter().any(|s| s.start() <= at && at < s.end());
        if first.starts_with(char::is_uppercase)
            && !starter
            && !owns
            && !person
            && !after_in
            && !quoted
            && !mentions::is_date_word(word)
        {
            return true;
        }
        // Closed by a mark at the word's end, before any punctuation
        // after it ("fly.”", "decision,\"", "it”).").
        let closing = |c: char| matches!(c, '”' | '"');
        if w.trim_end_matches(|c: char| !c.is_alphanumeric() && !closing(c))
            .ends_with(closing)
        {
            quoted = false;
        }
        opens = w.ends_with(['.', '!', '?', '”', '"', ':']);
        after_in = w == "in"
            || (after_in
                && first.starts_with(char::is_uppercase)
                && !w.ends_with([',', '.', ';', ':']));
    }
    false
}

/// Nouns that stand for a company or a body it belongs with, in "the
/// company", "the group", "the club".
fn is_company_noun(head: &str) -> bool {
    matches!(
        head,
        "company"
            | "firm"
            | "group"
            | "club"
            | "bank"
            | "carrier"
            | "airline"
            | "insurer"
            | "lender"
            | "retailer"
            | "automaker"
            | "carmaker"
            | "manufacturer"
            | "maker"
            | "broadcaster"
            | "operator"
            | "supplier"
            | "conglomerate"
            | "agency"
            | "bureau"
            | "authority"
            | "ministry"
            | "department"
            | "commission"
            | "regulator"
            | "watchdog"
            | "organisation"
            | "organization"
            | "union"
            | "charity"
            | "foundation"
            | "institute"
            | "university"
    )
}

fn pronoun_agreement(lower: &str) -> Option<Agreement> {
    match lower {
        // "his pledge to …", "their refusal": an owner stands for the
        // speaker of a noun that reports, as PolNeAR marks it.
        "he" | "his" => Some(Agreement::Male),
        "she" | "her" => Some(Agreement::Female),
        "they" | "their" => Some(Agreement::Plural),
        "it" | "its" => Some(Agreement::Thing),
        _ => None,
    }
}

/// The nearest earlier resolved speaker that agrees with the pronoun.
fn antecedent(
    resolved: &Resolved,
    at: Span,
    want: Agreement,
) -> Option<&Entry> {
    let from = at.start().saturating_sub(PRONOUN_WINDOW);
    resolved.latest_ending_in(from, at.start(), |(_, _, got)| {
        compatible(*got, want)
    })
}

/// When no earlier speaker agrees with "he" or "she": the person named
/// last before the pronoun, by a full name or by its last word alone,
/// when a title or given name tells that person's gender and it is the
/// pronoun's ("Jane Morales has run the bakery for 30 years. “…,” she
/// says."). A person of unknown gender named since is given as such:
/// the pronoun is not carried past them to someone earlier; one of the
/// other gender is passed over. Each person of the pronoun's gender, or
/// of unknown gender, found from the pronoun back is put to `verdict`,
/// which takes them, passes over them to someone named earlier (one of
/// unknown gender is never passed over), or ends the search with no one.
/// Names are looked for from byte `floor` on (and within the pronoun's
/// window): after the speaker found, when one was.
fn named_antecedent(
    text: &str,
    named: &FullerNames,
    at: Span,
    want: Agreement,
    floor: usize,
    verdict: &dyn Fn(&Named) -> Verdict,
) -> Option<Named> {
    if !matches!(want, Agreement::Male | Agreement::Female) {
        return None;
    }
    let from = at.start().saturating_sub(PRONOUN_WINDOW).max(floor);
    let from = text.ceil_char_boundary(from);
    // The window's words from the pronoun back: the first that is a
    // name's last word ("Morales", or "Jane Morales" itself) is the
    // person named last. Places and bodies are passed over.
    let spans = word_spans(text, from, at.start(), false);
    // From the last capitalised word that ends a name of a person back:
    // all the names it ends ("Weiner" ends "Anthony Weiner", and
    // "Although Weiner" at a sentence's start). A person of the other
    // gender is passed over ("Tobias Lund … has worked with Solberg
    // since 2012. He says …"); one of unknown gender stops the search.
    for (start, end) in spans.into_iter().rev() {
        let word = &text[start..end];
        let person = word.starts_with(char::is_uppercase)
            && named.ending_with(word, end).any(|m| {
                !names_a_place_or_body(text, m) && !named_by_noun(text, m)
            });
        if !person {
            continue;
        }
        // Their genders must agree: "Clinton" after Bill and Hillary
        // Clinton is either.
        let mut found: Option<(&names::NameMention, Agreement)> = None;
        for m in named.ending_with(word, end) {
            let Some(got) = gender_of(text, named, m) else { continue };
            if found.is_some_and(|(_, g)| g != got) {
                return None;
            }
            // The latest mention of that gender is the one given.
            found = found.or(Some((m, got)));
        }
        // Its latest mention: the name itself, or the last word alone
        // after it ("Marcus Webb hit a homer. … Webb, asked about it,
        // shrugged."), which the names pass does not take for a name of
        // its own.
        let bare = Span::new(end - word.len(), end);
        let latest = |m: &names::NameMention| {
            if bare.start() >= m.span.end() { bare } else { m.span }
        };
        let Some((m, got)) = found else {
            // Of unknown gender: given only as such.
            let m = named.ending_with(word, end).find(|m| {
                !names_a_place_or_body(text, m) && !named_by_noun(text, m)
            })?;
            let n = Named {
                mention: m.span,
                name: m.name.clone(),
                latest: latest(m),
                known: false,
            };
            return matches!(verdict(&n), Verdict::Take).then_some(n);
        };
        if got != want {
            continue;
        }
        let n = Named {
            mention: m.span,
            name: m.name.clone(),
            latest: latest(m),
            known: true,
        };
        match verdict(&n) {
            Verdict::Take => return Some(n),
            Verdict::Pass => continue,
            Verdict::Stop => return None,
        }
    }
    None
}

/// What [`named_antecedent`] does with a person it finds: gives that
/// person, passes over to someone named earlier, or gives no one.
enum Verdict {
    Take,
    Pass,
    Stop,
}

/// A person [`named_antecedent`] finds: the name's mention, the name,
/// the person's latest mention before the pronoun, and whether a title,
/// a given name or the text tells the person's gender (else the person
/// may be the pronoun's only when set after a role that opens the
/// sentence since the last speaker).
struct Named {
    mention: Span,
    name: String,
    latest: Span,
    known: bool,
}

/// A person's gender from a name's title or given name, when the name
/// is a plain one: at most three words, the given name first or after a
/// title (a run of capitals from a headline, "From Donald Trump", names
/// no one), and not cut at an initial ("Donald J"). Else the gender the
/// text tells ([`told_genders`]).
fn gender_of(
    text: &str,
    named: &FullerNames,
    m: &names::NameMention,
) -> Option<Agreement> {
    let words: Vec<&str> = m.name.split_whitespace().collect();
    let last = words.last()?;
    if words.len() > 3 || last.chars().count() == 1 {
        return None;
    }
    let hint = names::agreement_hint(m.span.text(text))
        .or_else(|| names::given_name(words[0]))
        .map(Agreement::from)
        .or_else(|| named.told(&m.key))?;
    Some(hint).filter(|a| matches!(a, Agreement::Male | Agreement::Female))
}

/// The genders a text tells for its names by the pronoun that takes
/// them up: a name of two or more words opens a sentence, and "He" or
/// "She" opens the next with no other name between ("Sunniva
/// Kallenberg, a marine chemist …, died on Saturday. She was 84."). A
/// name told both ways is left out; a title or a known given name
/// outranks what is told ([`gender_of`]). Keyed by the name's canonical
/// key.
fn told_genders(
    text: &str,
    named: &[names::NameMention],
) -> HashMap<String, Agreement> {
    let mut told: HashMap<String, Option<Agreement>> = HashMap::new();
    for (i, m) in named.iter().enumerate() {
        let before = text[..m.span.start()].trim_end();
        let opens = before.is_empty()
            || before.ends_with(['.', '!', '?', '"', '”'])
            || text[before.len()..m.span.start()].contains('\n');
        // A person's name: "FULL TEXT" is a heading, "To Sexton" opens
        // with a preposition.
        let first = m.name.split(' ').next().unwrap_or("");
        let shouted = !m.name.contains(char::is_lowercase);
        if !opens
            || !m.name.contains(' ')
            || shouted
            || is_function_word(first)
        {
            continue;
        }
        let Some(at) = next_sentence(text, m.span.end()) else { continue };
        let rest = &text[at..];
        let want = if rest.starts_with("She ") {
            Agreement::Female
        } else if rest.starts_with("He ") {
            Agreement::Male
        } else {
            continue;
        };
        // No other name stands between the name and the pronoun but
        // after a preposition of place or belonging ("at her home in
        // Port Alder"): "Tom Reyes met Ana Ruiz. She …" tells nothing.
        let placed = |n: &names::NameMention| {
            let word = text[..n.span.start()]
                .split_whitespace()
                .next_back()
                .unwrap_or("");
            matches!(
                word,
                "in" | "at" | "from" | "of" | "near" | "outside" | "across"
            )
        };
        let between = named[i + 1..]
            .iter()
            .take_while(|n| n.span.start() < at)
            .any(|n| n.key != m.key && !placed(n));
        if between {
            continue;
        }
        let entry = told.entry(m.key.clone()).or_insert(Some(want));
        if *entry != Some(want) {
            *entry = None;
        }
    }
    told.into_iter().filter_map(|(k, a)| Some((k, a?))).collect()
}

/// Where the sentence after the one running at byte `from` opens: past
/// the first ". ", "! " or "? " whose word is no abbreviation ("Dr.",
/// "J."), within a few hundred bytes.
fn next_sentence(text: &str, from: usize) -> Option<usize> {
    let end = text.floor_char_boundary((from + 600).min(text.len()));
    let window = &text[from..end];
    for (i, c) in window.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let abbreviation = c == '.' && abbreviation_ends(&window[..i]);
        let after = &window[i + 1..];
        let close = after.trim_start_matches(['"', '”', '’', '\'']);
        let gap = close.len() - close.trim_start().len();
        if abbreviation || gap == 0 {
            continue;
        }
        return Some(end - close.trim_start().len());
    }
    None
}

/// True when the text before a dot ends with an initial or a short
/// capitalised abbreviation ("U.S", "Dr", "Inc"), whose dot ends no
/// sentence.
pub(super) fn abbreviation_ends(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '.')
        .next()
        .unwrap_or("");
    word.starts_with(char::is_uppercase) && word.chars().count() <= 3
}

/// True when a noun for a body or a publication stands right before a
/// name: "the journal Marine Geochemistry", "the firm Brandt & Holm".
fn named_by_noun(text: &str, m: &names::NameMention) -> bool {
    let word = text[..m.span.start()].split_whitespace().next_back();
    word.is_some_and(|w| {
        w.starts_with(char::is_lowercase)
            && (names::is_publication_noun(w) || words::is_body_head(w))
    })
}

/// True when a name is no person's: a place ("Elm Street") or an
/// organisation ("the Justice Department").
fn names_a_place_or_body(text: &str, m: &names::NameMention) -> bool {
    let last = m.name.split_whitespace().last().unwrap_or("").to_lowercase();
    let place = matches!(
        last.as_str(),
        "street"
            | "avenue"
            | "road"
            | "square"
            | "park"
            | "city"
            | "county"
            | "state"
            | "river"
            | "lake"
            | "island"
            | "bridge"
            | "hall"
            | "center"
            | "centre"
            | "university"
            | "college"
            | "school"
            | "hospital"
            | "church"
            | "house"
            | "airport"
            | "station"
    );
    place
        || words::is_body_head(&last)
        || names::agreement_hint(m.span.text(text))
            == Some(names::Hint::Organisation)
}

fn compatible(got: Option<Agreement>, want: Agreement) -> bool {
    match got {
        Some(g) => g == want,
        None => matches!(want, Agreement::Male | Agreement::Female),
    }
}

/// What a resolved speaker agrees with: known from its pronoun, its
/// title, its head noun or its actor's given name; `None` for a person
/// of unknown gender.
fn agreement_of(
    text: &str,
    named: &FullerNames,
    sp: &Speaker,
) -> Option<Agreement> {
    if let Resolution::Antecedent(_) = sp.resolution {
        let lower = sp.span.text(text).to_lowercase();
        if let Some(a) = pronoun_agreement(&lower) {
            return Some(a);
        }
    }
    // "executives who have worked with Lachlan Murdoch": the word before
    // a restrictive clause heads the mention, whatever the clause names.
    if let Some((phrase, _)) = sp.span.text(text).split_once(" who ")
        && let Some(head) = phrase.split_whitespace().last()
        && head.starts_with(char::is_lowercase)
    {
        let lower = head.to_lowercase();
        if mentions::is_plural(&lower)
            || matches!(lower.as_str(), "men" | "women")
        {
            return Some(Agreement::Plural);
        }
        return names::noun_gender(&lower).map(Agreement::from);
    }
    // "Sources close to the player", "Officials at the agency": a plural
    // role noun heads the mention, whatever ends it.
    let first = sp.span.text(text).split_whitespace().next().unwrap_or("");
    if is_plural_role(first, &first.to_lowercase()) {
        return Some(Agreement::Plural);
    }
    // "Her latest study, published this month, finds …", "Its executive
    // board voted …": a document or a body is an "it", whoever owns it
    // (the police are "they").
    // The head is written in lower case ([`role_head`]: before any "of"
    // or "for", "Jeffrey Lewis of the James Martin Center for
    // Nonproliferation Studies" being a person, and before a place or
    // setting, "A nurse in the department" being one too).
    let head = role_head(sp.span.text(text)).unwrap_or("");
    // "press reports" are "they".
    let singular = !head.ends_with('s') || head.ends_with("sis");
    if head.starts_with(char::is_lowercase)
        && head != "police"
        && (words::is_body_head(head)
            || (singular && crate::extract::is_document_noun(head)))
    {
        return Some(Agreement::Thing);
    }
    // "Her family said …. She later said": a family is "they", whatever
    // its owner is.
    if matches!(head, "family" | "families" | "parents" | "relatives") {
        return Some(Agreement::Plural);
    }
    // "A spokesman for Mr. Clinton" is a he whatever Mr. Clinton's
    // name says.
    if is_described_by_name(sp.span.text(text)) {
        return names::noun_gender(head).map(Agreement::from);
    }
    // "Pruszynski's wife, Carol": the description an apposed name
    // follows tells the gender the name alone may not.
    if let Some((description, _)) = sp.span.text(text).split_once(", ")
        && let Some(gender) =
            description.split_whitespace().last().and_then(names::noun_gender)
    {
        return Some(gender.into());
    }
    // "Brightline said in an email …. She conceded": one word that
    // opens the name of a body the text gives ("Brightline Civic
    // Systems") is that body's short name, an "it".
    let mention = sp.span.text(text);
    if !mention.contains(' ') && named.opens_body_name(mention) {
        return Some(Agreement::Thing);
    }
    names::agreement_hint(sp.span.text(text))
        .or_else(|| names::given_name_hint(&sp.name))
        .map(Agreement::from)
        .or_else(|| named.told(&names::canonical_key(&sp.name)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::segment::segment;

    fn speakers(text: &str) -> Vec<(String, Resolution)> {
        let mut atts = extract(text, &segment(text));
        resolve(text, &mut atts);
        atts.into_iter()
            .filter_map(|a| a.speaker)
            .map(|s| (s.name.to_string(), s.resolution))
            .collect()
    }

    #[test]
    fn titles_without_a_full_stop_are_dropped_as_with_one() {
        // British style: "Mr", "Ms", "Dr" with no full stop.
        let text = "The rail minister, Gareth Pendleford, has defended the \
                    rise. Mr Pendleford said passengers would see gains. \
                    Dr Helen Fairweather-Oni said the wards were full. Ms \
                    Ashcombe-Reyes said the union would strike.";
        let names: Vec<String> =
            speakers(text).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "Gareth Pendleford",
                "Gareth Pendleford",
                "Helen Fairweather-Oni",
                "Ashcombe-Reyes"
            ]
        );
    }

    #[test]
    fn an_opening_phrase_after_a_curly_quote_is_read_whole() {
        // The phrase starts after the closing mark, three bytes long.
        let text = "“It is late.” In March, Varga-Mensah said so. He called \
                    it “late” in March, Varga-Mensah said.";
        let at = |from: usize| {
            let start = from + text[from..].find("Varga-Mensah").unwrap();
            Span::new(start, start + "Varga-Mensah".len())
        };
        let first = at(0);
        assert!(after_opening_phrase(text, first));
        assert!(!after_opening_phrase(text, at(first.end())));
    }

    #[test]
    fn a_person_named_as_a_sentences_subject_since_the_last_speaker_is_he() {
        // After a role set before the name, and by the surname alone.
        let got = speakers(
            "Manager Tom Brandt said the clubhouse had a different feel. \
             Royals pitcher Jake Haney allowed two runs over seven \
             innings. He said his fastball had been good all year.",
        );
        assert_eq!(got[1].0, "Jake Haney", "{got:?}");
        let got = speakers(
            "Luis Ortega said the rookie would be fine. Marcus Webb hit a \
             homer in the sixth. Ortega said the rookie had learned. Webb, \
             asked about the homer, shrugged. \"Changeup, middle of the \
             plate,\" he said.",
        );
        assert_eq!(got.last().unwrap().0, "Marcus Webb", "{got:?}");
        // Not a name inside what the pronoun's speaker said.
        let got = speakers(
            "Joseph Hunter said he would not vote for Trump. Trump isn't \
             a conservative, he said.",
        );
        assert_eq!(got.last().unwrap().0, "Joseph Hunter", "{got:?}");
    }

    #[test]
    fn a_spokeswoman_for_a_person_is_not_that_person() {
        let got = speakers(
            "Donald Trump spoke in Ohio. A spokeswoman for Mr. Trump said \
             the event was canceled.",
        );
        assert_eq!(got[0].0, "A spokeswoman for Mr. Trump", "{got:?}");
        // Nor is her gender his.
        let got = speakers(
            "Hillary Clinton said she would campaign in Iowa. A spokesman \
             for Hillary Clinton said the schedule was set. \"We will \
             win,\" she said.",
        );
        assert_ne!(got[2].0, "A spokesman for Hillary Clinton", "{got:?}");
        // Nor is a body's president the body; its apposed name says who.
        let got = speakers(
            "Judicial Watch sued the agency. The president of Judicial \
             Watch said the damage was done. The director of the Federal \
             Bureau of Investigation, James B. Comey, said the case was \
             closed. Former secretary of state Hillary Clinton said she \
             was glad.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "The president of Judicial Watch",
                "James B. Comey",
                "Hillary Clinton"
            ],
            "{got:?}"
        );
    }

    #[test]
    fn a_people_or_a_party_that_spoke_last_is_no_she() {
        for group in ["Democrats", "Many Democrats", "Mexicans"] {
            let got = speakers(&format!(
                "Ann Cole, the senator, said the bill would pass.\n\n\
                 {group} say the bill is dead. She said the votes were \
                 there."
            ));
            assert_eq!(got.last().unwrap().0, "Ann Cole", "{got:?}");
        }
    }

    #[test]
    fn the_pronoun_that_takes_up_a_name_tells_its_gender() {
        let told = |text: &str| {
            let mut got: Vec<(String, Agreement)> =
                told_genders(text, &names::name_mentions(text))
                    .into_iter()
                    .collect();
            got.sort_by(|a, b| a.0.cmp(&b.0));
            got
        };
        assert_eq!(
            told(
                "Sunniva Kallenberg, a marine chemist, died at her home in \
                 Port Alder, Maine. She was 84."
            ),
            [("sunniva kallenberg".to_string(), Agreement::Female)]
        );
        // Another person named between, a heading, a phrase opening
        // with a preposition: nothing is told.
        for text in [
            "Anzor Petrossian met Ingrid Vale on Monday. She said the talks \
             went well.",
            "FULL TEXT.\n\nHe said the talks went well.",
            "To Sexton, the vote was a relief. He said so.",
        ] {
            assert_eq!(told(text), [], "{text}");
        }
    }

    #[test]
    fn a_person_named_after_an_opening_phrase_is_the_nearer_antecedent() {
        let got = speakers(
            "Sunniva Kallenberg, a marine chemist, died on Saturday at her \
             home in Port Alder, Maine. She was 84.\n\nHer daughter, \
             Ragnhild Kallenberg-Shaw, said the cause was pneumonia.\n\n\
             For much of the 1980s, Dr. Kallenberg was one of a handful of \
             scientists studying plastic. In a 1991 paper in the journal \
             Marine Geochemistry, she reported that cores contained \
             fibers.",
        );
        assert_eq!(got.last().unwrap().0, "Sunniva Kallenberg", "{got:?}");
    }

    #[test]
    fn a_person_of_unknown_gender_set_after_a_role_stands_nearer() {
        let text = "Rowan Mbatha, a company spokesman, said crews were \
                    ready.\n\nDunmore's mayor, Keoni Ashdown, has closed \
                    the promenade. \"Please stay away,\" he told reporters.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Keoni Ashdown", "{got:?}");
        // A name of unknown gender that no role brings in is no one a
        // pronoun is carried to.
        let text = "Rowan Mbatha, a company spokesman, said crews were \
                    ready.\n\nSocial Security will pay more. \"Please stay \
                    away,\" he told reporters.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Rowan Mbatha", "{got:?}");
    }

    #[test]
    fn a_pronoun_passes_over_an_object_to_its_sentence_subject() {
        let text = "Harry Reid said he would endorse soon.\n\nTed Cruz is \
                    highlighting his win over Donald Trump as he urges \
                    conservatives to unite.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Ted Cruz", "{got:?}");
    }

    #[test]
    fn a_pronoun_passes_no_one_in_its_own_words_nor_out_of_its_paragraph() {
        let text = "Ben Carson said he was fine.\n\nArmstrong Williams, \
                    Carson's longtime friend, suggested the candidate was in \
                    control. \"Dr. Carson is back in charge,\" he told the \
                    AP.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Armstrong Williams", "{got:?}");
        let text = "The F.B.I. said the case was closed.\n\nDonald Trump \
                    flew to Ohio.\n\nLast week, the bureau's \
                    director, James Comey, cleared Mrs. Clinton, but he \
                    called her careless.";
        let got = speakers(text);
        assert_ne!(got.last().unwrap().0, "Donald Trump", "{got:?}");
    }

    #[test]
    fn a_person_named_in_what_he_said_is_not_the_next_he() {
        let text = "Ben Okafor, the co-founder, says he argued for smaller \
                    cuts. He says the finance chief, Paul Adeyemi, persuaded \
                    him otherwise. \"He showed me the numbers,\" he says.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Ben Okafor", "{got:?}");
        // A body's reported words may name the one meant.
        let text = "According to ProPublica, Sara Lind praised her donors. \
                    She also said the crash was not their fault.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Sara Lind", "{got:?}");
    }

    #[test]
    fn a_newspaper_named_before_is_no_one_a_pronoun_stops_at() {
        // "Ledger" ends a newspaper's name, not a person's of unknown
        // gender: the search goes on back to the editor.
        let text = "The paper's owner, Tillery Local Media, said it would \
                    close the weekly.\n\nOn Thursday the presses that print \
                    the Harrow County Ledger will run for the last time. \
                    Martha Okonedo-Pryce, 64, has edited the Ledger for 22 \
                    years. She says she learned of the closure on a call.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Martha Okonedo-Pryce", "{got:?}");
    }

    #[test]
    fn a_name_closing_a_tag_after_its_role_says_who_it_is() {
        for (text, who) in [
            (
                "\"We cannot send people up poles,\" said a company \
                 spokesperson, Rowan Mbatha.",
                "Rowan Mbatha",
            ),
            (
                "\"We are under pressure,\" said the company's chief \
                 executive, John J. Ferriola.",
                "John J. Ferriola",
            ),
        ] {
            let got = speakers(text);
            assert_eq!(got[0].0, who, "{got:?}");
        }
    }

    #[test]
    fn a_possessive_or_contracted_pronoun_finds_its_antecedent() {
        let got = speakers(
            "Former Governor Mike Reyes spoke in Denver on Monday. In his \
             written reply to the committee, he said the funds had been \
             returned. His pledge to cut taxes was repeated.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Mike Reyes", "Mike Reyes"], "{got:?}");
        assert!(matches!(got[1].1, Resolution::Antecedent(_)));
        let got = speakers(
            "Senator Ann Cole said the bill would pass. She’s claiming \
             that the votes are there.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Ann Cole", "Ann Cole"], "{got:?}");
    }

    #[test]
    fn a_description_takes_the_name_set_after_it() {
        let got = speakers(
            "The company's chief executive, Sarah Lin, told analysts that \
             demand had slowed. A spokeswoman, Anna White, said that it \
             would recover. The spokesman, a veteran, said that it was hot.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Sarah Lin", "Anna White", "The spokesman"]);
        assert!(matches!(got[0].1, Resolution::Antecedent(_)));
        let got = speakers(
            "According to an FBI summary of its investigation, Cheryl \
             Mills, a top aide, sent the emails.",
        );
        assert!(got.iter().all(|(n, _)| n != "Cheryl Mills"), "{got:?}");
    }

    #[test]
    fn a_role_after_a_possessive_pronoun_takes_the_name_set_after_it() {
        let got = speakers(
            "Ryanair said its bookings were strong. Its chief executive, \
             Michael O'Leary, has said that fares will rise.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Ryanair", "Michael O'Leary"], "{got:?}");
        // A plural role opening the sentence names no one.
        let got = speakers("Supporters say the law protects children.");
        assert_eq!(got[0].1, Resolution::Unresolved, "{got:?}");
    }

    #[test]
    fn a_role_in_initials_or_a_described_name_leads_to_the_apposed_name() {
        // "The local MP": a title's initials end a role.
        let got = speakers(
            "The local MP, Harriet Osei-Langford, said she had written to \
             the minister. The board chair, retired banker Howard Stiles, \
             said the board would meet.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Harriet Osei-Langford", "Howard Stiles"],
            "{got:?}"
        );
        // Lower-case words that name no one do not open a name.
        let got = speakers(
            "Two board members, including Howard Stiles, said the board \
             would meet.",
        );
        assert!(got.iter().all(|(n, _)| !n.contains("Stiles")), "{got:?}");
    }

    #[test]
    fn a_title_and_words_before_it_lead_to_the_apposed_name() {
        let got = speakers(
            "The challenger, state Sen. Linda Ferraro, claimed that the \
             governor cut school funding. Gov. Tom Reyes's spokesman, Jenna \
             Pike, said that the claim was false.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Linda Ferraro", "Jenna Pike"], "{got:?}");
        // A listing word is no modifier of the title: the experts are not
        // Mr. Goldberg.
        let got = speakers(
            "Many tax experts, including Mr. Goldberg, have said that the \
             returns can be released.",
        );
        assert!(got.iter().all(|(n, _)| !n.contains("Goldberg")), "{got:?}");
    }

    #[test]
    fn a_pronoun_after_an_unnamed_speaker_of_its_gender_is_that_speaker() {
        let got = speakers(
            "A Northline spokeswoman said that the company had no \
             evidence. She added that passwords were not affected.",
        );
        assert_eq!(got[1].0, "A Northline spokeswoman", "{got:?}");
        assert!(matches!(got[1].1, Resolution::Antecedent(_)), "{got:?}");
        // A noun of either gender tells nothing: the one asked speaks.
        let got = speakers(
            "A reporter asked whether the talks had failed. He said that \
             they had not.",
        );
        assert_eq!(got.last().map(|g| &g.1), Some(&Resolution::Unresolved));
    }

    #[test]
    fn a_one_word_name_in_apposition_says_who_the_role_is() {
        let got = speakers(
            "The drug's maker, Biogen, said it would sell it. The senator, \
             D-Mass., said that it was too dear.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Biogen", "The senator"], "{got:?}");
    }

    #[test]
    fn a_place_after_a_role_names_no_one() {
        // Neither "in Leeds" nor "Washington" is who spoke.
        let got = speakers(
            "The Washington Post reported the plan. A council leader in \
             Leeds said it would fail. The spokesman in Washington said \
             that it would not.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Washington Post",
                "A council leader in Leeds",
                "The spokesman in Washington"
            ],
            "{got:?}"
        );
        assert_eq!(got[1].1, Resolution::Unresolved);
        assert_eq!(got[2].1, Resolution::Unresolved);
    }

    #[test]
    fn a_role_is_the_head_of_an_appositive_not_any_word_in_it() {
        // "the poll" is no appositive's head here: "Thursday, a search …
        // on the poll," says nothing of who the poll is.
        let got = speakers(
            "As of Thursday, a Google search shows no reports on the poll, \
             which ran for a week. The poll shows that Smith leads.",
        );
        assert!(got.iter().all(|(n, _)| n != "Thursday"), "{got:?}");
        // The head before "of" still finds its holder.
        let got = speakers(
            "Kerry, the former secretary of state, said it was over. The \
             former secretary of state said that it was not.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Kerry", "Kerry"], "{got:?}");
    }

    #[test]
    fn an_apposed_name_may_say_where_the_person_works() {
        let text = "The study's lead author, Dr. Bernard Srour of the French \
                    National Institute for Health and Medical Research, said \
                    the link was clear. He cautioned that it was no proof.";
        let got = speakers(text);
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Bernard Srour", "Bernard Srour"]);
        // Or where the body is.
        let text = "Their operator, the Polar Earth Observation Institute \
                    in Tromsø, said the pair were insured.";
        assert_eq!(speakers(text)[0].0, "Polar Earth Observation Institute");
        // A clause, not a name, after the comma: no name.
        let text = "The lead author, Paris being far, said it was clear.";
        let got = speakers(text);
        assert_eq!(got[0].1, Resolution::Unresolved, "{got:?}");
    }

    #[test]
    fn a_role_named_through_a_possessive_takes_the_name_after_it() {
        let text = "Smith's lawyer, Michael Ortiz, said his client was \
                    innocent. Ortiz said the case was weak. Jones's lawyer \
                    said nothing was proven.";
        let got = speakers(text);
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Michael Ortiz", "Michael Ortiz", "Jones's lawyer"]
        );
        // A place or setting after the role is no part of its name.
        let text = "Her editor at Fenwick & Rowe, Cormac Lindqvist, says he \
                    knew it would be her best book.";
        assert_eq!(speakers(text)[0].0, "Cormac Lindqvist");
        // The mention runs from the role to the name, after a tag's cue
        // too: some annotate the name, some the whole.
        let text = "\"It was terrifying,\" said one passenger, Maria \
                    Ostrowski. Smith's lawyer, Michael Ortiz, said it was weak.";
        let mut atts = extract(text, &segment(text));
        resolve(text, &mut atts);
        let mentions: Vec<&str> = atts
            .iter()
            .filter_map(|a| a.speaker.as_ref().map(|s| s.span.text(text)))
            .collect();
        assert_eq!(
            mentions,
            [
                "one passenger, Maria Ostrowski",
                "Smith's lawyer, Michael Ortiz"
            ]
        );
    }

    #[test]
    fn a_name_after_a_participles_phrase_is_nearer_than_the_last_speaker() {
        let got = speakers(
            "Mary Obi writes in the mornings. Her sister, Anna Lund, says \
             she will believe it when she sees it. \"She has been \
             threatening to for years,\" Lund says. Told this, Mrs. Obi \
             smiles. \"She's right to worry,\" she says.",
        );
        assert_eq!(got.last().unwrap().0, "Mary Obi", "{got:?}");
    }

    #[test]
    fn a_wife_or_a_family_tells_what_pronoun_may_mean_them() {
        // The description before an apposed name gives its gender.
        let got = speakers(
            "Pruszynski's wife, Carol, wrote that she had learned of the \
             thefts from an agent. “I have no excuse,” he told the court.",
        );
        assert_eq!(got[0].0, "Carol", "{got:?}");
        assert_ne!(got.last().unwrap().0, "Carol", "{got:?}");
        // A family is "they", whoever owns it.
        let got = speakers(
            "Her family said in a statement that she had died peacefully. \
             She later said she arrived with eleven dollars.",
        );
        assert_ne!(got.last().unwrap().0, "Her family", "{got:?}");
        let got = speakers(
            "Her family said in a statement that she had died peacefully. \
             They said a concert would be held in the spring.",
        );
        assert_eq!(got.last().unwrap().0, "Her family", "{got:?}");
    }

    #[test]
    fn a_pronoun_shows_a_full_names_gender_to_the_pronouns_after() {
        // "she" for Camille Arroyo-Stein makes her no "he" later, though
        // her given name tells nothing.
        let got = speakers(
            "Perceptions of crime often lag the data, said Camille \
             Arroyo-Stein, a criminologist. “It does not matter much,” \
             she said. In a radio interview in June, he said crime had \
             gone up.",
        );
        assert_eq!(got[1].0, "Camille Arroyo-Stein", "{got:?}");
        assert_ne!(got.last().unwrap().0, "Camille Arroyo-Stein", "{got:?}");
        // A surname alone may be two people of each gender: not shown.
        let got = speakers(
            "Clinton said the plan would work. “It will,” she said. Asked \
             again on Monday, he said he would sign it.",
        );
        assert_eq!(got.last().unwrap().0, "Clinton", "{got:?}");
    }

    #[test]
    fn a_count_is_no_part_of_a_name_and_a_name_of_both_genders_tells_none() {
        let got = speakers(
            "Halcyon wrote in a blog post that the data stays put. Two \
             Halcyon engineers said the design had delayed the launch.",
        );
        assert_eq!(got[0].0, "Halcyon", "{got:?}");
        // Oluwaseun is borne by men and women.
        let got = speakers(
            "Chief executive Mireille Antonakos-Fry said privacy came \
             first. “A small amber light is not consent,” said the \
             group's policy director, Oluwaseun Park-Everly. She argued \
             that the promise could not be checked.",
        );
        assert_eq!(got.last().unwrap().0, "Oluwaseun Park-Everly", "{got:?}");
    }

    #[test]
    fn a_role_brought_in_again_without_a_name_is_no_earlier_bearers() {
        let named = "Ingrid Baumann-Oteiza, a former Swiss diplomat who \
                     chaired the talks, said both sides had agreed. ";
        let later = "“It was very correct,” the diplomat said.";
        let got = speakers(&format!("{named}{later}"));
        assert_eq!(got[1].0, "Ingrid Baumann-Oteiza", "{got:?}");
        let got = speakers(&format!(
            "{named}One European diplomat said the ministers had barely \
             looked at each other. {later}"
        ));
        assert_eq!(got.last().unwrap().1, Resolution::Unresolved, "{got:?}");
    }

    #[test]
    fn a_body_of_another_kind_is_not_the_union() {
        let got = speakers(
            "The Harbour Employers' Association said the offer stood. The \
             union said it would return to talks. The State Department \
             said the count was done. The agency said it was final.",
        );
        assert_ne!(got[1].0, "Harbour Employers' Association", "{got:?}");
        assert_eq!(got[3].0, "State Department", "{got:?}");
    }

    #[test]
    fn a_person_after_an_owner_is_named_without_it() {
        let got = speakers(
            "The DEA's Anne Milgram said the cartels were growing. \
             Milgram added that the labs were hidden.",
        );
        assert_eq!(got[0].0, "Anne Milgram", "{got:?}");
        assert_eq!(got[1].0, "Anne Milgram", "{got:?}");
    }

    #[test]
    fn a_role_with_a_lower_case_word_before_it_opens_the_sentence() {
        for role in ["City head coach", "Apple chief executive"] {
            let got = speakers(&format!(
                "Tobi Okafor scored late. \"It was great,\" the \
                 21-year-old told reporters. {role} Marta Villanueva was \
                 less forgiving. She said City had switched off."
            ));
            assert_eq!(got[1].0, "Marta Villanueva", "{role}: {got:?}");
        }
        // Not any word before a role: a sentence's words are not a name's.
        let got = speakers(
            "Tobi Okafor scored late. \"It was great,\" the 21-year-old \
             told reporters. Yesterday the coach Marta Villanueva was less \
             forgiving. She said City had switched off.",
        );
        assert_ne!(got[1].0, "Marta Villanueva", "{got:?}");
    }

    #[test]
    fn a_body_named_with_the_noun_makes_a_nearer_untold_one_unsure() {
        let got = speakers(
            "The Product Safety Commission said the heaters could overheat. \
             Brightwell said it had found the fault. The commission said \
             it would publish a notice.",
        );
        assert_eq!(got[2].1, Resolution::Unresolved, "{got:?}");
        // With no such name before, the nearest body is meant.
        let got = speakers(
            "Brightwell said it had found the fault. The company said it \
             would publish a notice.",
        );
        assert_eq!(got[1].0, "Brightwell", "{got:?}");
        // A body named with the noun since is the nearer.
        let got = speakers(
            "Brightwell said it had found the fault. It was fined by the \
             Product Safety Commission. The commission said it would \
             publish a notice.",
        );
        assert_eq!(got[1].0, "Product Safety Commission", "{got:?}");
        // Nor is a body whose name tells its kind passed over.
        let got = speakers(
            "The Product Safety Commission said the heaters could \
             overheat. The Federal Trade Commission said it had opened an \
             inquiry. The commission said it would publish a notice.",
        );
        assert_eq!(got[2].0, "Federal Trade Commission", "{got:?}");
    }

    #[test]
    fn a_preposition_opening_a_line_is_no_part_of_a_name() {
        // A byline's "By", and "To", "Among", "With" before a name at a
        // sentence's start.
        let got = speakers(
            "By Nadia Ferreira\n\nThe council voted on Monday. To \
             Republicans, the vote was a loss. Republicans said it was \
             unfair.\n\nNadia Ferreira writes about the city for the \
             Ledger.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Republicans", "Nadia Ferreira"], "{got:?}");
    }

    #[test]
    fn the_museum_is_the_museum_named_before() {
        let got = speakers(
            "The Hallam Museum of World Cultures will return 23 figures. \
             Museum director Philippa Crowe said the figures were taken in \
             1894. The museum said the gallery would be redesigned.",
        );
        assert_eq!(
            got.last().unwrap().0,
            "Hallam Museum of World Cultures",
            "{got:?}"
        );
        // Its name is read back to a sentence's end, not over it, and
        // over an abbreviation.
        let got = speakers(
            "The papers went to the U.S. Holocaust Memorial Museum on \
             Friday. Museum director Ann Lee said they were fragile. The \
             museum said it would show them.",
        );
        assert_eq!(
            got.last().unwrap().0,
            "U.S. Holocaust Memorial Museum",
            "{got:?}"
        );
    }

    #[test]
    fn a_speaker_named_over_of_is_one_body() {
        let got = speakers(
            "The Port of Westhaven Authority said the plan was final.",
        );
        assert_eq!(got[0].0, "Port of Westhaven Authority", "{got:?}");
    }

    #[test]
    fn the_union_is_the_whole_name_joined_over_of_or_and() {
        let got = speakers(
            "Dolores Mensah, president of Local 12 of the Harbour and Dock \
             Workers' Union, said the cranes were coming. The union said \
             the promise was hollow. The Port of Westhaven Authority \
             announced the closure. The authority said ships waited.",
        );
        assert_eq!(got[1].0, "Harbour and Dock Workers' Union", "{got:?}");
        assert_eq!(got[3].0, "Port of Westhaven Authority", "{got:?}");
        // The place a body's name ends with is not that body.
        let got = speakers(
            "The Business Council of British Columbia opposed an \
             increase. If they do, British Columbia shows there is a way.",
        );
        assert_eq!(got.last().unwrap().0, "British Columbia", "{got:?}");
    }

    #[test]
    fn a_document_is_its_owners() {
        let owner = |mention: &str| {
            let text = format!("{mention} said so.");
            let span = Span::new(0, mention.len());
            document_owner(&text, span).map(|o| o.text(&text).to_string())
        };
        assert!(OWNED_DOCUMENTS.windows(2).all(|w| w[0] < w[1]));
        for (mention, want) in [
            ("Orbital Watch's public catalogue", Some("Orbital Watch")),
            ("the department’s 2022 survey", Some("the department")),
            ("the Democrats' report", Some("the Democrats")),
            ("its latest report", Some("its")),
            ("Gallup's own tracking poll", Some("Gallup")),
            // A time owns nothing; a person of a body is no document.
            ("Monday night's results", None),
            ("last year's report", None),
            ("May's Washington Post-ABC News poll", None),
            ("the firm's managing director", None),
            // Another's name before the noun: the poll is the paper's.
            ("the campaign's New York Times poll", None),
            ("the report", None),
        ] {
            assert_eq!(owner(mention).as_deref(), want, "{mention}");
        }
        let got = speakers(
            "Silver Basin Lithium opened a mine. The Kessel Valley \
             Department of Water said it would check. The mine will \
             employ 300 people, according to the department's 2022 \
             survey. Rachel Hoff wrote to the party. The platform was \
             unfair, according to Hoff's letter. The PTA said it would \
             wait. The plan failed, its latest report said.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            names.contains(&"Kessel Valley Department of Water")
                && names.contains(&"Rachel Hoff")
                && !names.iter().any(|n| n.contains("letter")),
            "{got:?}"
        );
        assert_eq!(names.last(), Some(&"PTA"), "{got:?}");
    }

    #[test]
    fn the_company_is_no_workers_alliance() {
        let got = speakers(
            "The Catering Workers' Alliance, which represents kitchen \
             staff at the firm, said its members had raised concerns. \
             The company said one chiller had been repaired.",
        );
        assert_ne!(got[1].0, "Catering Workers' Alliance", "{got:?}");
        // A bank is a business.
        let got = speakers(
            "Bank of Westhaven said profits rose. The company said it \
             would hire.",
        );
        assert_eq!(got[1].0, "Bank of Westhaven", "{got:?}");
    }

    #[test]
    fn a_body_is_the_latest_name_that_holds_its_noun() {
        // Named before, though it never spoke.
        let got = speakers(
            "A former officer at the University of Port Phillip took \
             bribes, a jury has heard. His lawyer, Barnaby Quist, told the \
             jury the payments were gifts. The university said it had \
             overhauled its processes.",
        );
        assert_eq!(got[1].0, "University of Port Phillip", "{got:?}");
        // The words before the noun choose among names, and the name
        // runs on over its prepositions.
        let got = speakers(
            "The House Select Committee on Benghazi and the House \
             Oversight Committee met. The Benghazi committee said the \
             emails were missing. The U.S. Court of Appeals for the Sixth \
             Circuit heard the case. The appeals court said the law \
             stood.",
        );
        assert_eq!(got[0].0, "House Select Committee on Benghazi", "{got:?}");
        // A name that goes on over "for" is one of several such courts,
        // which "U.S. Court of Appeals" alone would merge.
        assert_eq!(got[1].1, Resolution::Unresolved, "{got:?}");
        // Another of the kind, brought in since without a name: no guess.
        let got = speakers(
            "The Supreme Court ruled in March. An appeals court blocked \
             the law, and the court said the state could appeal.",
        );
        assert_eq!(got[0].1, Resolution::Unresolved, "{got:?}");
        // Nor a clause that only looks like an appositive: "Austin, the
        // court was missing …" gives the court no name.
        let got = speakers(
            "The challenge came from the University of Texas at Austin, \
             the court was missing two justices, and in May, the court \
             said it would hear the case.",
        );
        assert_eq!(got[0].1, Resolution::Unresolved, "{got:?}");
        let got = speakers(
            "In May, the court returned the case, Zubik v. Burwell, to the \
             lower courts. The court said it took no view.",
        );
        assert_eq!(got[0].1, Resolution::Unresolved, "{got:?}");
    }

    #[test]
    fn the_company_is_the_body_that_spoke_last_with_no_name_between() {
        let text = "Apple said it would appeal. In a statement, the company \
                    argued that the fine was unfair.";
        let got = speakers(text);
        assert_eq!(got[1].0, "Apple", "{got:?}");
        // Its own name again is no other name.
        let text = "Apple said it would appeal the fine on Apple. The \
                    company said the ruling was unfair.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Apple", "{got:?}");
        // Another name between: no guess.
        let text = "Apple said it would appeal. Siemens will cut 5,000 jobs, \
                    the group said.";
        let got = speakers(text);
        assert_eq!(got[1].1, Resolution::Unresolved, "{got:?}");
        // Nor a person.
        let text = "Mr. Cook said it would appeal. In a statement, the \
                    company argued that the fine was unfair.";
        let got = speakers(text);
        assert_eq!(got[1].1, Resolution::Unresolved, "{got:?}");
    }

    #[test]
    fn the_bureau_is_the_body_that_spoke_last() {
        let got = speakers(
            "The Reclamation Bureau said the lake would fall.\n\nThe \
             Bureau of Land Management said the lake would fall. The \
             bureau said Arizona would lose water.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Reclamation Bureau",
                "Bureau of Land Management",
                "Bureau of Land Management"
            ],
            "{got:?}"
        );
    }

    #[test]
    fn the_agency_passes_over_its_own_people_and_places() {
        let text = "NASA said on Tuesday that it would wait. \"Safety \
                    drives every decision,\" NASA Administrator Janet Petro \
                    told reporters at a briefing in Washington. The agency \
                    said the delay would cost more.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "NASA", "{got:?}");
        // A name in the body's own sentence is what it spoke of; one in a
        // later sentence may be the body meant.
        let text = "NASA said it would postpone the Artemis flight. The \
                    agency said the delay would cost more.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "NASA", "{got:?}");
        let text = "NASA said it would wait. Boeing builds the capsule. \
                    The agency said the delay would cost more.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().1, Resolution::Unresolved, "{got:?}");
        // The body's acronym is the body: "the FDA's office" names no
        // other agency.
        let text = "The U.S. Food and Drug Administration said it approved \
                    the drug. \"It works,\" said Helen Marchetti, director of \
                    the FDA's neuroscience office. The agency said the label \
                    would carry a warning.";
        let got = speakers(text);
        assert_eq!(
            got.last().unwrap().0,
            "U.S. Food and Drug Administration",
            "{got:?}"
        );
        // A surname alone is a person's, not a body's.
        let text = "Donald Trump said he would boycott Oreos. Republican \
                    Trump has vowed it. Trump said the plant should stay. \
                    The company said it would move.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().1, Resolution::Unresolved, "{got:?}");
    }

    #[test]
    fn a_place_before_a_role_is_no_bearer_of_it() {
        // "Ohio, the governor," reads as a name and its role, but "Ohio"
        // follows "in": it is where the governor spoke.
        let text = "Speaking in Ohio, the governor, a Democrat, said the bill \
                    would pass. Later, the governor said it would not.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().1, Resolution::Unresolved, "{got:?}");
        // A person after "to" or "with" is the one described.
        let text = "He sent a letter to John Smith, the governor, on Monday. \
                    Later, the governor said the bill would pass.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "John Smith", "{got:?}");
    }

    #[test]
    fn a_body_named_by_its_head_word_is_no_she() {
        let text = "Maria Lopez said the ward was full. The British Medical \
                    Association said the hours were too long. She said \
                    nothing had changed.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Maria Lopez", "{got:?}");
    }

    #[test]
    fn one_word_stands_for_the_one_fuller_name_it_opens() {
        let text = "Shares of Verelon Therapeutics rose 9 percent. \
                    Verelon said the trial would end early. Loretta \
                    Beaumont-Achebe has run the diner since 1994. Loretta \
                    said the inspector got it wrong.";
        let got = speakers(text);
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Verelon Therapeutics", "Loretta Beaumont-Achebe"],
            "{got:?}"
        );
        assert!(got.iter().all(|(_, r)| matches!(r, Resolution::Alias(_))));
        // A surname of a longer name, a place before a local body, a
        // word that opens two names: each is left as written.
        let text = "Henry Ford founded the Ford Motor Company. Ford said \
                    the car was cheap. The Tulsa Police Department \
                    made an arrest. Tulsa said the streets were calm. Acme \
                    Foods and Acme Logistics merged. Acme said the deal \
                    closed.";
        let got = speakers(text);
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.ends_with(&["Henry Ford", "Tulsa", "Acme"]), "{got:?}");
    }

    #[test]
    fn a_bodys_short_name_is_no_she() {
        let text = "Maria Lopez said the project was late. The vendor, \
                    Brightline Civic Systems, missed a deadline. Brightline \
                    said the city changed the plan. She said the fund had \
                    fallen.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Maria Lopez", "{got:?}");
        // A surname stays a person's, though a body's name opens with it.
        let text = "Maria Lopez said the car was late. Henry Ford founded \
                    the Ford Motor Company. Ford said the car was cheap. \
                    \"It will sell,\" he said.";
        let got = speakers(text);
        let last = got.last().unwrap();
        assert_eq!(last.0, "Henry Ford", "{got:?}");
    }

    #[test]
    fn who_after_a_speaker_and_a_comma_is_that_speaker() {
        let text = "The hospitals hired 1,200 nurses, according to a \
                    spokesman for Mercy General, who said surgeries had \
                    been postponed.";
        let got = speakers(text);
        let last = got.last().unwrap();
        assert_eq!(last.0, "a spokesman for Mercy General", "{got:?}");
        assert!(matches!(last.1, Resolution::Antecedent(_)), "{got:?}");
    }

    #[test]
    fn a_person_opening_a_sentence_since_the_last_speaker_is_nearer() {
        let text = "Geoff Garin said the report was good news. Bill \
                    McInturff, a Republican pollster, sounded a cautious \
                    note. \"It will take more than one report,\" he said.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Bill McInturff", "{got:?}");
        // Not a name inside a quotation, nor one that is an object.
        let text = "Chris Shays said he would vote for her. \"Hillary is \
                    my choice. Donald Trump lost me long ago,\" he said.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Chris Shays", "{got:?}");
        let text = "Mark Weddle said the plant should stay. Later Weddle \
                    praised Donald Trump. \"He is right,\" he said.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Mark Weddle", "{got:?}");
    }

    #[test]
    fn which_after_a_comma_takes_the_name_before_it() {
        let text = "The European Union, which opposed the plan, said so.";
        let got = speakers(text);
        assert_eq!(got[0].0, "European Union", "{got:?}");
        assert!(matches!(got[0].1, Resolution::Antecedent(_)));
    }

    #[test]
    fn a_company_is_not_named_with_the_article_of_its_spokesperson() {
        let text = "Google said it would appeal. A Google spokesperson \
                    said the company disagreed.";
        let got = speakers(text);
        assert_eq!(got[0].0, "Google", "{got:?}");
    }

    #[test]
    fn title_is_dropped_and_surname_resolved() {
        let text = "DEA Administrator Anne Milgram said the cartels are to blame. \
                    Milgram said the pills cost 10 cents.";
        let got = speakers(text);
        assert_eq!(got[0].0, "Anne Milgram");
        assert_eq!(got[1].0, "Anne Milgram");
        assert!(matches!(got[1].1, Resolution::Alias(_)));
    }

    #[test]
    fn pronoun_takes_nearest_compatible_speaker() {
        let text = "Mr. Feeley said the talks failed. Mrs. Jacobson said they \
                    did not. She said the talks would resume.";
        let got = speakers(text);
        assert_eq!(got[2].0, "Jacobson");
        assert!(matches!(got[2].1, Resolution::Antecedent(_)));
    }

    #[test]
    fn pronoun_agrees_with_a_speakers_given_name() {
        let text = "Tom Feeley said the talks failed. Maria Jacobson said \
                    they did not. He said the talks would resume. She said \
                    they would not.";
        let got = speakers(text);
        assert_eq!(got[2].0, "Tom Feeley");
        assert_eq!(got[3].0, "Maria Jacobson");
        // No one before is a man: "he" stays unresolved.
        let got =
            speakers("Maria Jacobson said the talks failed. He said no.");
        assert_eq!(got[1], ("He".to_string(), Resolution::Unresolved));
    }

    #[test]
    fn pronoun_takes_the_last_person_named_when_no_speaker_agrees() {
        let text = "Jane Morales has run the bakery on Elm Street for 30 \
                    years. \"The rent has tripled,\" she says.";
        let got = speakers(text);
        assert_eq!(got[0].0, "Jane Morales", "{got:?}");
        assert!(matches!(got[0].1, Resolution::Antecedent(_)));
        // The last person named is of unknown gender: nobody earlier is
        // taken in their place.
        let text = "Jane Morales met Jordan Okafor. Later Okafor left. \
                    \"The rent has tripled,\" she says.";
        let got = speakers(text);
        assert_eq!(got[0], ("she".to_string(), Resolution::Unresolved));
        // One of the other gender is passed over.
        let text = "Daniel Reyes, her co-author, has worked with Ingrid \
                    Solberg since 2012. He says the idea was hers.";
        let got = speakers(text);
        assert_eq!(got[0].0, "Daniel Reyes", "{got:?}");
    }

    #[test]
    fn a_surname_finds_a_name_with_a_generational_suffix() {
        let text = "Adm. Harry B. Harris Jr. spoke first. \"We will \
                    sail,\" Admiral Harris said.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Harry B. Harris Jr", "{got:?}");
        // Beside the same name without one, the surname is that name's.
        let text = "Donald J. Trump spoke first, then Donald Trump Jr. \
                    \"We will win,\" Trump said.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Donald J. Trump", "{got:?}");
    }

    #[test]
    fn it_is_the_body_without_a_name_that_spoke_last() {
        let text = "Officers made four arrests, the Port Ellison Police \
                    Department said.\n\nThe mayor's office also disputed \
                    the organisers' figures. In a statement issued Saturday \
                    evening, it said the coalition's count was \"not \
                    credible.\"";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "The mayor's office", "{got:?}");
    }

    #[test]
    fn a_document_or_a_body_is_no_he_or_she() {
        let text = "Ingrid Solberg is a glaciologist. Her latest study, \
                    published this month, finds that the lakes drain \
                    fast. She recalls that the team almost left early.";
        let got = speakers(text);
        assert_eq!(got[1].0, "Ingrid Solberg", "{got:?}");
        let text = "Hillary Clinton spoke to the union. Its executive \
                    board said the vote would wait. She said she would \
                    return.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Hillary Clinton", "{got:?}");
    }

    #[test]
    fn pronoun_is_not_carried_past_someone_never_named() {
        let text = "Chief executive Omar Berrada said the board had \
                    decided. A club official told reporters on Sunday \
                    that the vote was close. He said the \
                    players were told on Monday.";
        let got = speakers(text);
        assert_eq!(got[0].0, "Omar Berrada");
        assert_eq!(got.last().unwrap().1, Resolution::Unresolved);
        // Named again since, the person is the antecedent once more.
        let text = "Bernie Sanders said the line was long. A reporter \
                    asked Sanders how he was feeling. He said he felt \
                    fine.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Bernie Sanders");
        // A description that may be the person named before blocks
        // nothing.
        let text = "Bernie Sanders said the line was long. The senator \
                    said it would get longer. He said he felt fine.";
        assert_eq!(speakers(text).last().unwrap().0, "Bernie Sanders");
    }

    #[test]
    fn a_description_with_a_place_after_it_is_someone_no_pronoun_passes() {
        // "A nurse in the department" is a person, not the department:
        // her "she" is not carried past her to the woman named before.
        let text = "Rachel Okwuosa-Hart said the closure was wrong. A nurse \
                    in the department said staff had learned of it late. \
                    “We found out on our phones,” she said.";
        let got = speakers(text);
        assert_eq!(got[1].0, "A nurse in the department", "{got:?}");
        assert_eq!(got[2].1, Resolution::Unresolved, "{got:?}");
        // Nor is a senator from a state the state.
        let text = "Ted Cruz endorses Trump.\n\nSenator from Texas says he \
                    cannot allow Clinton to win.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Senator from Texas", "{got:?}");
    }

    #[test]
    fn a_description_with_a_participle_after_it_is_someone_no_pronoun_passes()
    {
        let text = "The Harbor Chamber of Commerce said in a statement that \
                    fares were too high. A nurse heading home from a night \
                    shift said she would pay. “It’s my phone bill,” she said.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().1, Resolution::Unresolved, "{got:?}");
    }

    #[test]
    fn pronoun_in_a_speakers_relative_clause_is_that_speaker() {
        // The ranger fears, and goes on speaking; no one named before.
        let text = "Hannah Voss and Petra Lind said the road was shut. A \
                    ranger at the park, who asked not to be named because \
                    she feared losing her post, said the trail was unsafe. \
                    \"It is not safe,\" she said.";
        let got = speakers(text);
        let ranger = "A ranger at the park".to_string();
        assert_eq!(got[2].0, ranger, "{got:?}");
        assert!(matches!(got[2].1, Resolution::Antecedent(_)), "{got:?}");
        assert_eq!(got[4].0, ranger, "{got:?}");
        // A person named there, who speaks nowhere else.
        let text = "Lena Ortiz said the exam was fair. The loudest critic \
                    was the student Mara Quint, who surprised everyone \
                    when she said the exam was a lottery.";
        assert_eq!(speakers(text)[1].0, "Mara Quint");
        // "who she said": the pronoun is the clause's subject, and the
        // one before the comma its object.
        let text = "Lena Ortiz said the exam was fair. She praised Mara \
                    Quint, who she said had worked hard.";
        assert_eq!(speakers(text).last().unwrap().0, "Lena Ortiz");
        // A person the clause brings in may be the one meant.
        let text = "Lena Ortiz said the exam was fair. Sam Reyes, who met \
                    the mayor after she said the exam was a lottery, said \
                    the mayor was right.";
        assert_eq!(speakers(text)[1].0, "Lena Ortiz");
        // Nor does a clause of its own open with the pronoun's.
        let text = "Lena Ortiz said the exam was fair. Sam Reyes, who left \
                    once she said the exam was hard, said it was.";
        assert_eq!(speakers(text)[1].0, "Lena Ortiz");
        // Officers are no "she".
        let text = "Lena Ortiz said the exam was fair. Officers, who \
                    arrived after she said the door was locked, said the \
                    house was empty.";
        assert_eq!(speakers(text)[1].0, "Lena Ortiz");
    }

    #[test]
    fn a_restrictive_clause_names_no_one_its_head_agrees_with() {
        // The executives are "they", and no "he".
        let text = "Though executives who have worked with Quillan Marsh \
                    say they doubt it, they also say he is quiet. In an \
                    essay last year, he wrote that \"the fiction is \
                    winning.\"";
        let got = speakers(text);
        let executives = "executives who have worked with Quillan Marsh";
        assert_eq!(got[0].0, executives, "{got:?}");
        assert_eq!(got[1].0, executives, "{got:?}");
        assert_ne!(got[2].0, executives, "{got:?}");
        // A woman's noun tells the clause's head's gender.
        let text = "Tom Pike said the fire started at night. A woman who \
                    lives on Elm Road said she saw it. \"It was huge,\" she \
                    said.";
        let woman = "A woman who lives on Elm Road";
        assert_eq!(speakers(text).last().unwrap().0, woman);
    }

    #[test]
    fn a_title_in_capitals_is_a_role_and_a_title() {
        // The role through its holder's possessive, with the name after
        // it, is that person; an MP's title is no part of the name.
        let text = "The Harbor Group's CEO, Dana Holt, said the firms had \
                    not coordinated. Backbench MP Ann Reed said the bill \
                    would fail.";
        let got = speakers(text);
        assert_eq!(got[0].0, "Dana Holt", "{got:?}");
        assert_eq!(got[1].0, "Ann Reed", "{got:?}");
        // Capitals that are no title name no role.
        let text = "The Harbor Group's NYSE, Dana Holt, said the firms had \
                    not coordinated.";
        assert_ne!(speakers(text)[0].0, "Dana Holt");
    }

    #[test]
    fn a_subject_set_after_its_verb_is_the_pronouns() {
        // "Among … was" puts the subject after the verb: the woman who
        // spoke before is passed over.
        let text = "The bank's director, Sarah Whitlam, said the branch \
                    would close. Among those queuing on Tuesday was Margaret \
                    Elms, 79, who has banked there since 1963. She said she \
                    had never owned a computer.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Margaret Elms", "{got:?}");
    }

    #[test]
    fn a_name_shown_to_be_a_body_is_no_he() {
        // "the company" shows what "Meridian" is: "he" is not Meridian.
        let text = "Meridian denied the allegations. In a statement, the \
                    company said it would fight. \"We did nothing \
                    wrong,\" he said.";
        let got = speakers(text);
        assert_eq!(got[1].0, "Meridian", "{got:?}");
        assert_eq!(got[2], ("he".to_string(), Resolution::Unresolved));
        // A publication's name before someone's role is no body's.
        let text = "Breitbart News National Security editor Dr. Sebastian \
                    Gorka said the plan was weak. \"It will fail,\" he \
                    said.";
        let got = speakers(text);
        assert_eq!(got[1].0, "Sebastian Gorka", "{got:?}");
    }

    #[test]
    fn a_plurals_possessive_is_part_of_the_speaker() {
        let text = "The United States' climate envoy, John Kerry, said he \
                    was disappointed. He noted that the fund was small.";
        let got = speakers(text);
        assert_eq!(got[0].0, "John Kerry", "{got:?}");
        assert_eq!(got[1].0, "John Kerry", "{got:?}");
    }

    #[test]
    fn an_apposed_name_keeps_its_particles() {
        let text = "Its president, Sultan al-Jaber, told delegates that \
                    they had won. Her lawyer, Ana de la Cruz, said the case \
                    was weak. The minister, Mohammed bin Salman, said oil \
                    was cheap.";
        let names: Vec<String> =
            speakers(text).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            ["Sultan al-Jaber", "Ana de la Cruz", "Mohammed bin Salman"]
        );
    }

    #[test]
    fn a_description_takes_a_bodys_name_with_its_article() {
        let text = "A gas industry group, the Clean Cooking Alliance, said \
                    it was reviewing its options. An official, the deputy \
                    minister, said it was late. A friend, the Smiths, said \
                    it was fine.";
        let names: Vec<String> =
            speakers(text).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            ["Clean Cooking Alliance", "An official", "A friend"],
        );
    }

    #[test]
    fn a_name_apposed_to_the_subject_is_nearer_than_the_last_speaker() {
        let text = "\"We never give up,\" Sean McAllister said. City's \
                    coach, Luis Herrera, was less gracious. He told \
                    reporters that the decision was a joke.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Luis Herrera", "{got:?}");
        // A name in a list after an opening phrase is no subject's.
        let text = "\"We never give up,\" Sean McAllister said. He thanked \
                    the fans, Luis Herrera, and the staff. He said the \
                    win was deserved.";
        let got = speakers(text);
        assert_eq!(got.last().unwrap().0, "Sean McAllister", "{got:?}");
    }

    #[test]
    fn a_role_described_by_a_capitalised_word_takes_the_name_after_it() {
        let text = "Her Guatemalan counterpart, Bernardo Arevalo, said that \
                    his government would send police.";
        assert_eq!(speakers(text)[0].0, "Bernardo Arevalo");
    }

    #[test]
    fn a_headlines_capitals_are_no_ones_role() {
        let text = "Leaders Pledge Cooperation at Border Summit\n\nThe \
                    talks went well, the two leaders said.";
        let got = speakers(text);
        assert_eq!(
            got.last().unwrap(),
            &("the two leaders".to_string(), Resolution::Unresolved),
            "{got:?}"
        );
        // An initial's dot ends no headline's sentence.
        let text = "Warships Shadow Tankers in Strait, U.S. Officials Say\n\n\
                    The officials said the ships had switched off their \
                    transponders.";
        let got = speakers(text);
        assert_eq!(
            got.last().unwrap(),
            &("The officials".to_string(), Resolution::Unresolved),
            "{got:?}"
        );
        // Nor does a headline's own full stop.
        let text = "Football Legend Pays A Heavy Price For Backing The \
                    Mayor.\n\nThe football legend said he had no regrets.";
        let got = speakers(text);
        assert_eq!(
            got.last().unwrap(),
            &("The football legend".to_string(), Resolution::Unresolved),
            "{got:?}"
        );
    }

    #[test]
    fn pronoun_without_antecedent_stays_unresolved() {
        let got = speakers("He said the talks failed.");
        assert_eq!(got, vec![("He".to_string(), Resolution::Unresolved)]);
    }

    #[test]
    fn shared_surname_is_not_guessed() {
        let text = "Bill Clinton said the plan works. Hillary Clinton said the \
                    plan fails. Clinton said nothing would change.";
        let got = speakers(text);
        assert_eq!(got[2], ("Clinton".to_string(), Resolution::Named));
    }

    #[test]
    fn nominal_speaker_without_antecedent_is_unresolved() {
        let got = speakers("The newspaper reported that the deal was off.");
        assert_eq!(got[0].1, Resolution::Unresolved);
        let got = speakers("A senior official said the deal was off.");
        assert_eq!(got[0].1, Resolution::Unresolved);
    }

    #[test]
    fn role_noun_takes_the_person_given_that_role() {
        let text = "“We are not contemplating it,” Watson, a spokesperson \
                    for the NSC, said. The spokesperson said the talks \
                    would go on.";
        let got = speakers(text);
        assert_eq!(got[1].0, "Watson");
        assert!(matches!(got[1].1, Resolution::Antecedent(_)));
        let text = "DEA Administrator Anne Milgram spoke on Monday. The DEA \
                    administrator said the cartels make the pills.";
        assert_eq!(speakers(text)[0].0, "Anne Milgram");
    }

    /// The last speaker of `text`, named and resolved.
    fn last_speaker(text: &str) -> (String, Resolution) {
        speakers(text).pop().expect("a speaker")
    }

    #[test]
    fn an_abbreviated_title_gives_its_role() {
        let text = "State Sen. Harlan Brightwell-Cade spoke on Saturday. \
                    The senator said crime had doubled.";
        assert_eq!(last_speaker(text).0, "Harlan Brightwell-Cade");
        let text = "Rep. Ana Ruiz spoke. The congresswoman said the bill \
                    would pass.";
        assert_eq!(last_speaker(text).0, "Ana Ruiz");
    }

    #[test]
    fn a_roles_place_stands_near_the_name_it_means() {
        let text = "Sen. John McCain (R-Ariz.) spoke on Monday.\n\nThe \
                    Vermont senator said the bill was a giveaway.";
        assert!(matches!(last_speaker(text).1, Resolution::Unresolved));
        let text = "Vermont Sen. Bernie Sanders spoke on Monday.\n\nThe \
                    Vermont senator said the bill was a giveaway.";
        assert_eq!(last_speaker(text).0, "Bernie Sanders");
        // A party is given by a letter, not by its name.
        let text = "Senate Minority Leader Harry M. Reid (D-Nev.) spoke \
                    on Monday.\n\nThe Senate Democratic leader said the \
                    bill was a giveaway.";
        assert_eq!(last_speaker(text).0, "Harry M. Reid");
    }

    #[test]
    fn of_two_bearers_of_a_role_the_one_mentioned_last_is_meant() {
        let text = "Sen. Ted Cruz spoke on Monday.\n\nSen. John McCain \
                    spoke on Tuesday.\n\nOn Wednesday, Cruz toured \
                    Iowa.\n\nThe senator said the bill was a giveaway.";
        assert_eq!(last_speaker(text).0, "Ted Cruz");
    }

    #[test]
    fn another_person_in_a_roles_paragraph_leaves_the_role_unresolved() {
        let text = "Ted Cruz campaigned in Iowa on Monday.\n\nSen. John \
                    McCain spoke on Tuesday.\n\nCruz defends \
                    his record in an ad: \"Securing our borders is a \
                    matter of security,\" the senator said.";
        let got = last_speaker(text);
        assert!(matches!(got.1, Resolution::Unresolved), "{got:?}");
        // Not one named in what the role's bearer says.
        let text = "Vice President Joe Biden spoke of Donald Trump.\n\nMr. \
                    Trump is so reckless, the vice president said, that \
                    no one should trust him.";
        assert_eq!(last_speaker(text).0, "Joe Biden");
        // Nor one named inside a quotation with single quotes.
        let text = "Employment Judge Rupert Hallowes-Tran ruled that \
                    Joanne Atherley-Mensah was unfairly \
                    dismissed.\n\n‘Ms Atherley-Mensah was dismissed \
                    because she raised concerns,’ the judge wrote. ‘Her \
                    raised voice was the pretext, not the cause.’";
        assert_eq!(last_speaker(text).0, "Rupert Hallowes-Tran");
    }

    #[test]
    fn a_description_by_age_is_the_person_last_named_as_a_subject() {
        let text = "Lori Bernstein held up a sign saying \"Jews Against \
                    Trump.\" The 57-year-old scientist says she is \
                    worried.";
        assert_eq!(last_speaker(text).0, "Lori Bernstein");
        // A name that is no subject is passed over.
        let text = "Leticia Ambrose-Quiñones, a teacher at Orchard \
                    Heights, said the closures would hurt. \"We will be \
                    teaching in the hallways,\" the 54-year-old said.";
        assert_eq!(last_speaker(text).0, "Leticia Ambrose-Quiñones");
        // Nor is the person of another gender than the description's.
        let text = "Tom Reyes spoke first.\n\nThe 34-year-old mother of \
                    three said the plan would fail.";
        let got = last_speaker(text);
        assert!(matches!(got.1, Resolution::Unresolved), "{got:?}");
    }

    #[test]
    fn a_name_after_a_dateline_opens_its_sentence() {
        let text = "TORONTO — Delphine Araujo-Quist has acted since she \
                    was nine.\n\nHer first film premieres on \
                    Saturday.\n\n“I was tired of waiting,” the \
                    61-year-old says.";
        assert_eq!(last_speaker(text).0, "Delphine Araujo-Quist");
    }

    #[test]
    fn a_firm_of_partners_or_a_capital_fund_is_no_she() {
        for firm in ["Kellaway Property Partners", "Bain Capital"] {
            let text = format!(
                "The building's owner, {firm}, said in an email that the \
                 rent was fair.\n\nNoor Halabi-Westcott disputes that. \
                 The shorter lease, she says, would have run two years."
            );
            let got = last_speaker(&text);
            assert_ne!(got.0, firm, "{got:?}");
        }
    }

    #[test]
    fn sources_close_to_someone_are_no_he() {
        let text = "John Brannigan scored twice on Sunday. Sources close \
                    to the player said a deal was near.\n\n\"I am happy \
                    here,\" he said.";
        assert_eq!(last_speaker(text).0, "John Brannigan");
    }

    #[test]
    fn relative_pronoun_takes_the_name_just_before_it() {
        let span = |text: &str, pronoun: &str| {
            let at = text.find(pronoun).unwrap();
            name_before(text, at).map(|s| s.text(text).to_string())
        };
        let text =
            "They asked the Chicago Police Department which reported it.";
        assert_eq!(
            span(text, "which").as_deref(),
            Some("Chicago Police Department")
        );
        let text =
            "A bill levied by the Department of Justice, which said so.";
        assert_eq!(
            span(text, "which").as_deref(),
            Some("Department of Justice")
        );
        let text = "In Washington, which said so.";
        assert_eq!(span(text, "which").as_deref(), Some("Washington"));
        assert_eq!(span("It hired an architect who said so.", "who"), None);
        assert_eq!(
            span("in Walmart Stores v. Dukes, which held", "which"),
            None
        );
        // Wide spaces (a no-break space here) are spaces, not cut.
        let text = "the\u{a0}European\u{a0}Union,\u{a0}which said so.";
        assert_eq!(
            span(text, "which").as_deref(),
            Some("European\u{a0}Union")
        );
        assert_eq!(span("The company, which said so.", "which"), None);
    }

    /// An attribution's content that covers no text.
    fn nothing() -> Span {
        Span::new(0, 0)
    }

    #[test]
    fn who_after_a_body_is_not_the_body() {
        let mut sp = Speaker {
            span: Span::new(0, 0),
            name: arcstr::ArcStr::new(),
            resolution: Resolution::Named,
        };
        let text =
            "John Bentel, a staffer at the State Department who told them.";
        let at = text.find("who").unwrap();
        sp.span = Span::new(at, at + 3);
        let none = Resolved::default();
        let said = HashMap::new();
        let earlier = Earlier {
            resolved: &none,
            nameless: &none,
            things: &none,
            contents: &said,
        };
        resolve_one(
            text,
            &FullerNames::new(&[], HashMap::new()),
            &earlier,
            &mut sp,
            nothing(),
        );
        assert_eq!(sp.resolution, Resolution::Unresolved);
        let text = "Sen. Lindsey Graham, who spoke on Monday.";
        let at = text.find("who").unwrap();
        sp.span = Span::new(at, at + 3);
        let named = FullerNames::new(&[], HashMap::new());
        resolve_one(text, &named, &earlier, &mut sp, nothing());
        assert_eq!(sp.name, "Lindsey Graham");
        assert!(matches!(sp.resolution, Resolution::Antecedent(_)));
        // Without a comma, or inside a description, nothing is guessed.
        for text in [
            "A staffer in Philadelphia who said she left.",
            "Ask an influential Hispanic Republican, who said so.",
        ] {
            let at = text.find("who").unwrap();
            sp.span = Span::new(at, at + 3);
            resolve_one(text, &named, &earlier, &mut sp, nothing());
            assert_eq!(sp.resolution, Resolution::Unresolved, "{text}");
        }
    }

    #[test]
    fn a_relative_pronoun_is_no_later_pronouns_antecedent() {
        let text = "Warren Gunnels spoke. It angered the Republicans, who \
                    said no. He said no too.";
        let speaker = |word: &str, nth: usize| {
            let at = text.match_indices(word).nth(nth).unwrap().0;
            let span = Span::new(at, at + word.len());
            Attribution {
                speaker: Some(Speaker {
                    span,
                    name: span.text(text).into(),
                    resolution: Resolution::Named,
                }),
                cue: None,
                content: vec![Span::new(at, at)],
                direct: false,
                class: crate::model::CueClass::Said,
                rule: "test".into(),
                withheld: None,
            }
        };
        let mut atts = vec![
            speaker("Warren Gunnels", 0),
            speaker("who", 0),
            speaker("He", 0),
        ];
        resolve(text, &mut atts);
        let name = |i: usize| atts[i].speaker.as_ref().unwrap().name.clone();
        assert_eq!(name(1), "Republicans");
        assert_eq!(name(2), "Warren Gunnels");
    }

    #[test]
    fn the_newspaper_is_the_publication_that_spoke() {
        let text = "The New York Times reported that donors left. The \
                    newspaper said the campaign denied it.";
        let got = speakers(text);
        assert_eq!(got[1].0, "New York Times");
    }
}
