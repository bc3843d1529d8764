//! The per-document view that every attribution rule reads.
//!
//! [`Context`] holds a document's tokens with their lower-case forms,
//! which tokens sit inside quotations and which ones an earlier rule has
//! already used, plus the phrase finders the rules share: cue lookup and
//! the speaker noun phrase before or after a cue. Each token belongs to at
//! most one attribution, so rules claim tokens as they fire.

use std::borrow::Cow;
use std::cell::{OnceCell, Ref, RefCell};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::extract::Found;
use crate::extract::lexicon::{Cue, Lexicon};
use crate::model::{Span, lower_case};
use crate::segment::{Segmented, Sentence, TokenKind};

/// Personal and relative pronouns that can be speakers.
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "he", "i", "it", "she", "they", "we", "which", "who", "you",
];

/// Quantifiers that are a whole subject on their own ("Some say").
#[rustfmt::skip]
const STANDALONE_QUANTIFIERS: &[&str] = &[
    "another", "both", "many", "most", "one", "others", "several", "some",
];

/// Words that open a noun phrase; the phrase goes no further back.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "a", "an", "another", "any", "each", "every", "few", "five", "four",
    "her", "his", "its", "many", "most", "my", "no", "one", "other", "our",
    "several", "some", "the", "their", "these", "this", "those", "three",
    "two", "your",
];

/// Lower-case words that never sit inside a speaker noun phrase.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "about", "across", "after", "against", "also", "although", "am",
    "among", "are", "as", "at", "be", "because", "been", "before", "being",
    "between", "but", "by", "can", "could", "did", "do", "does", "during",
    "for", "from", "had", "has", "have", "here", "how", "if", "in", "into",
    "is", "it", "may", "might", "must", "not", "now", "on",
    "once", "or", "over", "should", "since", "so", "than", "that", "then",
    "there", "though", "through", "to", "under", "unless", "until", "upon",
    "was", "were", "what", "when", "where", "whether", "which", "while",
    "who", "whom", "why", "will", "with", "within", "without", "would",
    "yet",
];

/// Words between a speaker and its cue that belong to neither
/// ("has also said", "repeatedly denied", "both said").
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "again", "all", "already", "also", "both", "categorically", "did",
    "does", "falsely", "firmly", "flatly", "had", "has", "have", "just",
    "later", "long", "never", "not", "often", "once", "only", "openly",
    "previously", "privately", "publicly", "quickly", "recently",
    "repeatedly", "reportedly", "since", "still", "then", "would",
];

/// Adverbs stepped over between a speaker and a cue ("now says", "even
/// suggested"), in lower case only: capitalised, they open a sentence.
const LOWER_ADVERBS: &[&str] = &["even", "now"];

/// Capitalised words that open sentences but never name a speaker.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "After", "Again", "Along", "Already", "Also", "And", "April", "As",
    "August", "Back", "Besides", "Beyond", "But", "December", "Despite",
    "Earlier", "Even", "February", "Friday", "Full", "Furthermore", "Given",
    "Having", "However", "In", "Indeed", "Instead", "January", "July", "June",
    "Last", "Later", "Like", "March", "May", "Meanwhile", "Monday", "More",
    "Moreover", "Nevertheless", "November", "Now", "October", "Often", "On",
    "Otherwise", "Partial", "Perhaps", "Rather", "Saturday", "September",
    "Sometimes", "Still", "Sunday", "Then", "Therefore", "Thursday", "Thus",
    "Today", "Tuesday", "Unlike", "Wednesday", "When", "While", "Yesterday",
    "Yet",
];

/// Words that open a subordinate clause or phrase before a sentence's
/// subject ("Despite …, X said"; "Although …").
#[rustfmt::skip]
const OPENING_CONJUNCTION: &[&str] = &[
    "although", "amid", "because", "despite", "following", "if", "though",
    "unless", "when", "whereas", "while", "without",
];

/// True for a finite form of "be" or "have", or a modal: the verb of a
/// clause whose subject comes just before it ("the deal is", "worries
/// have").
pub(crate) fn is_finite_auxiliary(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "has" | "have" | "had")
        || is_modal(w)
}

/// True for a word that ends in a contracted verb: "he's", "they're",
/// "we've", "I'll", "she'd", "I'm" (a name's "'s" is its possessive).
pub(crate) fn is_contracted_verb(w: &str) -> bool {
    let Some((stem, tail)) = w.rsplit_once(['\'', '’']) else {
        return false;
    };
    match tail {
        "re" | "ve" | "ll" | "d" | "m" => !stem.is_empty(),
        "s" => matches!(
            stem,
            "he" | "she" | "it" | "that" | "there" | "what" | "who" | "here"
        ),
        _ => false,
    }
}

/// True for a modal auxiliary ("would", "can", "must").
pub(crate) fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
    )
}

/// Titles, suffixes and legal forms that a following dot abbreviates
/// inside a name ("Dr.", "Jr.", "Inc.").
#[rustfmt::skip]
const NAME_ABBREVIATIONS: &[&str] = &[
    "Adm", "Brig", "Capt", "Cmdr", "Co", "Col", "Const", "Corp", "Cpl", "Det",
    "Dr", "Gen", "Gov", "Inc", "Insp", "Jr", "Lt", "Ltd", "Maj", "Mr", "Mrs",
    "Ms", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "Supt",
];

/// True for the word that ends a request not to be named ("who asked
/// not to be named", "who requested anonymity", "who was not authorized
/// to speak publicly"), after which the main clause's cue comes.
pub(crate) fn ends_anonymity_request(w: &str) -> bool {
    matches!(w, "named" | "identified" | "anonymity" | "publicly")
}

/// Those of [`NAME_ABBREVIATIONS`] that end a name, whose dot is then
/// part of it ("James Comey Jr.", "Acme Inc.").
const NAME_SUFFIXES: &[&str] = &["Inc", "Jr", "Ltd", "Sr"];

/// Words for a time that a cue's time phrase names ("last week").
fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "week"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "weekend"
    )
}

/// Prepositions that join a speaker's head to the phrase after it ("a
/// spokeswoman for the ministry", "Democrats on the committee", "the
/// Commission on Presidential Debates"), as written: "In" opening a
/// headline does not.
fn is_joining_preposition(word: &str) -> bool {
    matches!(word, "of" | "in" | "for" | "at" | "from" | "by" | "with" | "on")
}

/// True for a news outlet ("CNN", "Fox News Sunday") or a platform where
/// people post ("Twitter").
fn is_medium(name: &str) -> bool {
    matches!(
        name,
        "Twitter"
            | "Facebook"
            | "Instagram"
            | "TikTok"
            | "YouTube"
            | "Truth Social"
    ) || crate::sources::is_outlet(name)
}

/// True when a lower-case word looks like a plural noun: longer than
/// three letters and ending in "-s", not in "-ss", "-us" or "-is"
/// ("bankers", not "boss", "census" or "analysis").
fn looks_plural(low: &str) -> bool {
    low.len() > 3
        && low.ends_with('s')
        && !low.ends_with("ss")
        && !low.ends_with("us")
        && !low.ends_with("is")
}

/// [`is_joining_preposition`] for a speaker read forward from its cue:
/// not "in", which after a tag's speaker says where more often than
/// whose ("Paul Ryan in a statement"), nor "with" ("said Ryan with a
/// smile"), nor "on" ("said Ryan on Fox News Sunday").
fn joins_forward(word: &str) -> bool {
    !matches!(word, "in" | "with" | "on") && is_joining_preposition(word)
}

/// Words that go with a verb of motion before its preposition ("heading
/// home from", "walking out of").
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "home" | "out" | "back" | "up" | "down" | "away" | "off" | "outside"
    )
}

/// Participles whose agent after "by" is the one who asked, not the one
/// asked ("economists polled by Reuters").
fn is_agent_participle(word: &str) -> bool {
    matches!(
        word,
        "polled"
            | "surveyed"
            | "interviewed"
            | "questioned"
            | "contacted"
            | "consulted"
            | "commissioned"
            | "hired"
            | "employed"
            | "appointed"
            | "quoted"
            | "cited"
    )
}

/// Words for a time that a preposition's phrase can name ("in March",
/// "in 2015", "on Monday"), in lower case.
pub(crate) fn is_time_phrase(word: &str) -> bool {
    is_time_word(word)
        || is_month(word)
        || matches!(word, "today" | "yesterday" | "tonight" | "time")
        || (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
}

/// A month's name, in lower case.
pub(crate) fn is_month(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Marks the tokens of the first paragraph when it is a headline in
/// title case: one short line, most of whose longer words are
/// capitalised.
fn title_case(text: &str, seg: &Segmented) -> Vec<bool> {
    let mut flags = vec![false; seg.tokens.len()];
    let first = seg.tokens.iter().take_while(|t| t.paragraph == 0).count();
    let words = seg.tokens[..first]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.text(text));
    let (long, in_title_case) = title_cased(words);
    if (3..=25).contains(&long) && in_title_case {
        flags[..first].fill(true);
    }
    flags
}

/// How many of `words` are longer than three letters, and whether at
/// least four in five of those are capitalised: a line in title case.
pub(crate) fn title_cased<'w>(
    words: impl Iterator<Item = &'w str>,
) -> (usize, bool) {
    let (mut long, mut capitals) = (0, 0);
    for w in words.filter(|w| w.chars().count() > 3) {
        long += 1;
        capitals += usize::from(w.starts_with(char::is_uppercase));
    }
    (long, 5 * capitals >= 4 * long)
}

// The word lists a token can be in, as bits of [`Context::lists`].
const AUXILIARY: u16 = 1;
const ADVERB: u16 = 1 << 1;
const DETERMINER: u16 = 1 << 2;
const PRONOUN: u16 = 1 << 3;
const QUANTIFIER: u16 = 1 << 4;
const STOP_WORD: u16 = 1 << 5;
const NOT_NAME: u16 = 1 << 6;
const ABBREVIATION: u16 = 1 << 7;
/// The lexicon's speaker nouns ("spokesperson").
const SPEAKER_NOUN: u16 = 1 << 8;
/// Forms of the lexicon's cues ("said", "denies").
const CUE_WORD: u16 = 1 << 9;

/// What the word lists and the lexicon say about one lower-case form.
#[derive(Clone, Copy, Debug)]
struct WordFacts {
    /// The lists of lower-case words it is in, with [`SPEAKER_NOUN`] and
    /// [`CUE_WORD`].
    bits: u16,
    /// The lists of words as written that a word with this lower-case
    /// form can be in: each written form with its bits ("Now" is
    /// [`NOT_NAME`], "now" is [`ADVERB`]).
    written: &'static [(&'static str, u16)],
    /// The lexicon's cue entries for it.
    cues: &'static [Cue],
}

/// For each word of some list, in lower case: the bits of the lists of
/// lower-case words it is in, and the list entries as written.
type ListMap = HashMap<
    String,
    (u16, Vec<(&'static str, u16)>),
    foldhash::fast::FixedState,
>;

/// [`WordFacts`] for `low`, looked up in the word lists and the lexicon.
fn facts_of(low: &str) -> WordFacts {
    static LISTS: OnceLock<ListMap> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        let mut map = ListMap::default();
        let by_low: &[(&[&'static str], u16)] = &[
            (AUXILIARIES, AUXILIARY),
            (DETERMINERS, DETERMINER),
            (PRONOUNS, PRONOUN),
            (STANDALONE_QUANTIFIERS, QUANTIFIER),
            (STOP_WORDS, STOP_WORD),
        ];
        for &(table, bit) in by_low {
            for &w in table {
                map.entry(w.to_string()).or_default().0 |= bit;
            }
        }
        let by_word: &[(&[&'static str], u16)] = &[
            (LOWER_ADVERBS, ADVERB),
            (NOT_NAMES, NOT_NAME),
            (NAME_ABBREVIATIONS, ABBREVIATION),
        ];
        for &(table, bit) in by_word {
            for &w in table {
                // The lists hold ASCII words: their lower-case form is
                // the one a token's has.
                map.entry(w.to_ascii_lowercase())
                    .or_default()
                    .1
                    .push((w, bit));
            }
        }
        map
    });
    let lexicon = Lexicon::get();
    let (mut bits, written) =
        lists.get(low).map_or((0, &[][..]), |(b, w)| (*b, w.as_slice()));
    let cues = lexicon.cues(low);
    if !cues.is_empty() {
        bits |= CUE_WORD;
    }
    if lexicon.is_speaker_noun(low) || compound_role(lexicon, low) {
        bits |= SPEAKER_NOUN;
    }
    WordFacts { bits, written, cues }
}

/// True for a hyphenated role headed by a speaker noun before a rank or
/// a state of office: "director-general", "editor-in-chief",
/// "senator-elect". ("co-workers" is left to the list: a last part
/// made the learned rule's subjects of its objects.)
fn compound_role(lexicon: &Lexicon, low: &str) -> bool {
    let Some((first, _)) = low.split_once('-') else { return false };
    let last = low.rsplit('-').next().unwrap_or("");
    lexicon.is_speaker_noun(first)
        && matches!(last, "general" | "chief" | "elect" | "designate")
}

/// The most lower-case forms [`FACTS`] keeps for one thread: a corpus's
/// words are far fewer in the main, and a flood of one-off tokens (numbers,
/// junk) then costs a lookup each instead of memory without end.
const MAX_REMEMBERED: usize = 1 << 16;

thread_local! {
    /// [`facts_of`] for the lower-case forms met so far on this thread:
    /// a lookup here hashes the word once with a fast hasher, where the
    /// lists and the lexicon would hash it three times (the lexicon with
    /// SipHash). Every document's tokens are looked up once.
    static FACTS: RefCell<HashMap<Box<str>, WordFacts, foldhash::fast::FixedState>> =
        RefCell::default();
}

/// The lists each token is in (as [`Context::lists`] keeps them) and the
/// lexicon's cue entries for each.
fn token_facts(
    text: &str,
    seg: &Segmented,
    lower: &[Cow<str>],
) -> (Vec<u16>, Vec<&'static [Cue]>) {
    FACTS.with_borrow_mut(|memo| {
        let mut lists = Vec::with_capacity(seg.tokens.len());
        let mut cues = Vec::with_capacity(seg.tokens.len());
        for (t, low) in seg.tokens.iter().zip(lower) {
            let low: &str = low;
            let facts = match memo.get(low) {
                Some(&f) => f,
                None => {
                    let f = facts_of(low);
                    if memo.len() < MAX_REMEMBERED {
                        memo.insert(low.into(), f);
                    }
                    f
                }
            };
            let mut bits = facts.bits;
            if !facts.written.is_empty() {
                let word = t.span.text(text);
                for &(w, b) in facts.written {
                    if w == word {
                        bits |= b;
                    }
                }
            }
            lists.push(bits);
            cues.push(facts.cues);
        }
        (lists, cues)
    })
}

/// Each token's lower-case form: the token's own text when it has no
/// capital (most tokens: "the", ",", "said"), so that only the others
/// take a string of their own.
fn lower_forms<'a>(text: &'a str, seg: &Segmented) -> Vec<Cow<'a, str>> {
    seg.tokens.iter().map(|t| lower_case(t.span.text(text))).collect()
}

/// The tokens "Will" and "May" that are part of a name, not a modal or
/// the month: "Will" before another capitalised word, not after one (a
/// heading in title case, "Trump Will Win") and, opening a clause, not
/// in a question ("Will Trump win?"); "May" after a capitalised word
/// that is no preposition, determiner or word of time ("Theresa May";
/// not "Since May", "Last May", "Early May"), before no number and no
/// capitalised word. Either, opening a clause or after such a
/// capitalised word, before a cue's inflected form ("May said", "“…,”
/// Will wrote", "George Will wrote"). `lists` and `entries` are each
/// token's word lists and cues, as [`token_facts`] gives them.
fn names_like_modals(
    text: &str,
    seg: &Segmented,
    lower: &[Cow<str>],
    (lists, entries): (&[u16], &[&[Cue]]),
    title_case: &[bool],
) -> Vec<usize> {
    let tokens = &seg.tokens;
    let word = |j: usize| tokens[j].span.text(text);
    let is_word =
        |j: usize| j < tokens.len() && tokens[j].kind == TokenKind::Word;
    let capitalised =
        |j: usize| is_word(j) && word(j).starts_with(char::is_uppercase);
    let mut out = Vec::new();
    for s in &seg.sentences {
        for i in s.first..s.end {
            let w = word(i);
            if !matches!(w, "Will" | "May") || title_case[i] {
                continue;
            }
            let opens = i == s.first || !is_word(i - 1);
            // No modal goes before a cue's inflected form: "Will wrote",
            // "May said" (but "Will say" is the modal's).
            let before_cue = entries.get(i + 1).is_some_and(|cues| {
                cues.iter().any(|c| *c.lemma != *lower[i + 1])
            });
            let after_name = i > s.first
                && capitalised(i - 1)
                && lists[i - 1] & (STOP_WORD | DETERMINER | NOT_NAME) == 0;
            let name = if w == "Will" {
                (capitalised(i + 1)
                    && !(i > s.first && capitalised(i - 1))
                    && !(opens && (i..s.end).any(|j| word(j) == "?")))
                    || ((opens || after_name) && before_cue)
            } else if opens {
                before_cue
            } else {
                after_name
                    && !matches!(&*lower[i - 1], "early" | "late" | "next")
                    && !(i + 1 < s.end
                        && (capitalised(i + 1)
                            || word(i + 1)
                                .starts_with(|c: char| c.is_ascii_digit())))
            };
            if name {
                out.push(i);
            }
        }
    }
    out
}

/// The speaker marks behind [`Context::speaker_tokens`].
#[derive(Debug, Default)]
struct Speakers {
    /// How many attributions have been read into `tokens`.
    read: usize,
    /// For each token, whether an attribution read took it as speaker.
    tokens: Vec<bool>,
}

/// A cue found at a token.
#[derive(Clone, Copy, Debug)]
pub struct CueMatch {
    /// The lexicon entry.
    pub cue: &'static Cue,
    /// First token of the cue.
    pub first: usize,
    /// One past the cue's last token (its particle, when it has one).
    pub end: usize,
}

/// A document's tokens and the state the rules share.
#[derive(Debug)]
pub struct Context<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its structure.
    pub seg: &'a Segmented,
    /// Lower-case form of each token (see [`lower_forms`]).
    lower: Vec<Cow<'a, str>>,
    /// True for tokens between a quotation's marks.
    pub in_quote: Vec<bool>,
    /// True for tokens an attribution has claimed.
    pub used: Vec<bool>,
    /// For each token, the index of its sentence.
    pub sentence_of: Vec<usize>,
    /// True for tokens of a headline set in title case ("Glenn Beck Says
    /// Trump Poses A Threat"), where a capitalised word can be a cue.
    title_case: Vec<bool>,
    /// For each token, the word lists it is in (bits such as
    /// [`DETERMINER`]): rules ask about the same token many times.
    lists: Vec<u16>,
    /// For each token, the cue that starts there: rules ask about the
    /// same token many times (every content end looks at the cues after
    /// it), and a lexicon lookup hashes the word each time.
    cues: Vec<Option<CueMatch>>,
    /// Which tokens the attributions found so far took as speakers: see
    /// [`Context::speaker_tokens`].
    speakers: RefCell<Speakers>,
    /// The capitalised words written inside a sentence, not at its start
    /// (names, mostly): gathered once, the first time a rule asks.
    inner_capitals: OnceCell<HashSet<&'a str>>,
}

impl<'a> Context<'a> {
    /// Builds the context for one segmented text.
    pub fn new(text: &'a str, seg: &'a Segmented) -> Context<'a> {
        let title_case = title_case(text, seg);
        let mut lower = lower_forms(text, seg);
        let (mut lists, mut entries) = token_facts(text, seg, &lower);
        let facts = (&lists[..], &entries[..]);
        for i in names_like_modals(text, seg, &lower, facts, &title_case) {
            // As written, the word is in no list: not a modal, not "may"
            // the month, so a name goes on over it.
            let word = seg.tokens[i].span.text(text);
            let facts = facts_of(word);
            lower[i] = Cow::Borrowed(word);
            lists[i] = facts.bits;
            entries[i] = facts.cues;
        }
        let mut in_quote = vec![false; seg.tokens.len()];
        for q in &seg.quotes {
            let end = q.close.unwrap_or(seg.tokens.len());
            let inside = seg.tokens[q.open + 1..end]
                .iter()
                .take_while(|t| t.span.start() < q.inner.end())
                .count();
            in_quote[q.open + 1..q.open + 1 + inside].fill(true);
        }
        let mut sentence_of = vec![0; seg.tokens.len()];
        for (n, s) in seg.sentences.iter().enumerate() {
            sentence_of[s.first..s.end].fill(n);
        }
        let used = vec![false; seg.tokens.len()];
        let mut cx = Context {
            text,
            seg,
            lower,
            in_quote,
            used,
            sentence_of,
            title_case,
            lists,
            cues: Vec::new(),
            speakers: RefCell::default(),
            inner_capitals: OnceCell::new(),
        };
        cx.cues = entries
            .iter()
            .enumerate()
            .map(|(i, &entries)| cx.find_cue(i, entries))
            .collect();
        // "a council report said", "Media reports say": a cue's noun form
        // right before a verb that reports is the head of the subject.
        for i in 1..cx.cues.len().saturating_sub(1) {
            if let (Some(c), Some(next)) = (cx.cues[i], cx.cues[i + 1])
                && cx.noun_before_verb(i, &c, &next)
            {
                cx.cues[i] = None;
            }
        }
        cx
    }

    /// True when cue `c` at token `i` is a noun whose verb is the cue
    /// `next` after it: its bare form or plural ("report", "reports";
    /// not "reported"), after a word that can
    /// stand in a noun phrase (not a pronoun, "who" or "to"), before a
    /// verb that needs no complement or is "say".
    fn noun_before_verb(
        &self,
        i: usize,
        c: &CueMatch,
        next: &CueMatch,
    ) -> bool {
        let low = self.low(i);
        let noun = low == c.cue.lemma
            || low.strip_suffix('s') == Some(c.cue.lemma.as_ref());
        let verb = next.first == i + 1
            && !next.cue.participle
            && (next.cue.lemma == "say" || !next.cue.needs_complement);
        noun && verb
            && self.is_word(i - 1)
            && !self.is_pronoun(i - 1)
            && !self.is_auxiliary(i - 1)
            && !matches!(self.low(i - 1), "who" | "that" | "to" | "which")
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.seg.tokens.len()
    }

    /// The token's text as written, or "" past the end (as [`Self::low`]),
    /// so that a rule looking one token past a sentence that ends the
    /// text reads nothing instead of panicking.
    pub fn word(&self, i: usize) -> &'a str {
        self.seg.tokens.get(i).map_or("", |t| t.span.text(self.text))
    }

    /// True when token `i` is in any of the word lists `bits` name.
    fn listed(&self, i: usize, bits: u16) -> bool {
        self.lists.get(i).is_some_and(|&l| l & bits != 0)
    }

    /// The token's lower-case text, or "" past the end.
    pub fn low(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |low| low)
    }

    /// True when the lexicon has a cue whose form token `i`'s lower-case
    /// form is (whatever the token's place: see [`Self::cue_at`] for a
    /// cue that stands there).
    pub fn is_cue_word(&self, i: usize) -> bool {
        self.listed(i, CUE_WORD)
    }

    /// True when token `i`'s lower-case form is one of the lexicon's
    /// speaker nouns ("spokesperson").
    pub fn is_speaker_noun(&self, i: usize) -> bool {
        self.listed(i, SPEAKER_NOUN)
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.seg.tokens[i].kind == TokenKind::Word
    }

    /// True when token `i` is a word that starts with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).starts_with(char::is_uppercase)
    }

    /// True when token `i` is in a headline set in title case.
    pub fn is_title_case(&self, i: usize) -> bool {
        self.title_case.get(i).copied().unwrap_or(false)
    }

    /// The sentence token `i` is in.
    pub fn sentence(&self, i: usize) -> Sentence {
        self.seg.sentences[self.sentence_of[i]]
    }

    /// The byte span from token `a` to the end of token `b - 1`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        self.seg.span_of(a, b)
    }

    /// True when any token in `a..b` is claimed already.
    pub fn any_used(&self, a: usize, b: usize) -> bool {
        self.used[a..b].iter().any(|&u| u)
    }

    /// Claims tokens `a..b`.
    pub fn claim(&mut self, a: usize, b: usize) {
        self.used[a..b].fill(true);
    }

    /// The cue starting at token `i`, with its particle when it needs one.
    pub fn cue_at(&self, i: usize) -> Option<CueMatch> {
        self.cues.get(i).copied().flatten()
    }

    /// [`Self::cue_at`], looked up; `entries` are the lexicon's for the
    /// token's lower-case form.
    fn find_cue(&self, i: usize, entries: &'static [Cue]) -> Option<CueMatch> {
        if i >= self.len() || !self.is_word(i) {
            return None;
        }
        // Most words are no cue at all: they need no more tests.
        let went =
            matches!(self.low(i), "go" | "goes" | "going" | "gone" | "went");
        if entries.is_empty() && !went {
            return None;
        }
        // "States" in "the United States" is a name, not a verb: a cue
        // is capitalised only where it opens its sentence.
        if self.is_capitalised(i)
            && self.sentence(i).first != i
            && !self.title_case[i]
        {
            return None;
        }
        // "went on to say", "goes on to explain": the cue is the verb
        // after "to", and the words before it are part of it.
        if went && self.low(i + 1) == "on" && self.low(i + 2) == "to" {
            let verb = Lexicon::get().cues(self.low(i + 3));
            if let Some(cue) = verb.iter().find(|c| c.particle.is_none()) {
                return Some(CueMatch { cue, first: i, end: i + 4 });
            }
        }
        let with_particle = entries.iter().find(|c| {
            c.particle.as_deref().is_some_and(|p| self.low(i + 1) == p)
        });
        if let Some(cue) = with_particle {
            return Some(CueMatch { cue, first: i, end: i + 2 });
        }
        // "Health worries have dogged …", "Harsh comments are …": a
        // plural noun, the subject of the verb after it.
        if self.plural_subject(i) {
            return None;
        }
        if self.asks_anonymity(i) {
            return None;
        }
        let plain = entries.iter().find(|c| c.particle.is_none())?;
        // "Tessaro is recalling 412,000 sedans": a maker calls back a
        // number of goods; "recalled that …" and "recalled the freeze"
        // remember.
        if self.recalls_goods(i) {
            return None;
        }
        Some(CueMatch { cue: plain, first: i, end: i + 1 })
    }

    /// True when token `i` is a form of "recall" before a number
    /// ("recalling about 412,000 sedans"): goods called back, not a
    /// memory.
    pub(crate) fn recalls_goods(&self, i: usize) -> bool {
        self.low(i).starts_with("recall") && self.number_after(i + 1)
    }

    /// True when a number opens the phrase at token `i`, after a word
    /// that makes it rough ("about 412,000", "more than 2 million").
    /// ([`Self::low`] is empty past the last token.)
    fn number_after(&self, mut i: usize) -> bool {
        if self.low(i) == "more" && self.low(i + 1) == "than" {
            i += 2;
        } else if matches!(
            self.low(i),
            "about"
                | "nearly"
                | "roughly"
                | "some"
                | "almost"
                | "approximately"
                | "over"
                | "around"
        ) {
            i += 1;
        }
        i < self.len()
            && (crate::resolve::mentions::is_number(self.word(i))
                || crate::model::is_number_word(self.low(i)))
    }

    /// True when token `i` asks not to be named ("who asked not to be
    /// named", "asking not to be identified"): a request about the
    /// speaker's own name, which says nothing; the clause's cue comes
    /// after it.
    pub fn asks_anonymity(&self, i: usize) -> bool {
        matches!(self.low(i), "asked" | "asks" | "asking")
            && self.low(i + 1) == "not"
            && self.low(i + 2) == "to"
            && self.low(i + 3) == "be"
            && ends_anonymity_request(self.low(i + 4))
    }

    /// Steps back from `end` over auxiliaries, adverbs and short time
    /// phrases ("has also said", "just this month announced").
    pub fn skip_auxiliaries_back(
        &self,
        mut end: usize,
        floor: usize,
    ) -> usize {
        loop {
            // "Both said": a quantifier opening the sentence is the
            // subject, not a word between subject and verb ("they both
            // said"; "Smith and Jones, both said" after an appositive).
            while end > floor
                && self.is_auxiliary(end - 1)
                && !(end - 1 == floor && self.listed(end - 1, QUANTIFIER))
            {
                end -= 1;
            }
            // "last week said", "on Thursday evening said"
            let opens =
                |k: usize| matches!(self.low(k), "this" | "last" | "on");
            let part_of_day = end >= floor + 3
                && matches!(
                    self.low(end - 1),
                    "morning" | "afternoon" | "evening" | "night"
                )
                && is_time_word(self.low(end - 2))
                && opens(end - 3);
            let time = end >= floor + 2
                && is_time_word(self.low(end - 1))
                && opens(end - 2);
            end -= match (part_of_day, time) {
                (true, _) => 3,
                (false, true) => 2,
                (false, false) => return end,
            };
        }
    }

    /// Steps forward from `start` over auxiliaries and adverbs.
    pub fn skip_auxiliaries(&self, mut start: usize, limit: usize) -> usize {
        while start < limit && self.is_auxiliary(start) {
            start += 1;
        }
        start
    }

    /// True when token `i` is an auxiliary, modal or adverb that may
    /// stand between a speaker and a cue.
    fn is_auxiliary(&self, i: usize) -> bool {
        self.listed(i, AUXILIARY | ADVERB)
    }

    /// True when cue `c` at token `j` is a word that is as often a noun
    /// or adjective ("state", "plan", "post"), standing in its bare form.
    pub fn is_bare_noun(&self, j: usize, c: &CueMatch) -> bool {
        c.cue.needs_complement && self.low(j) == c.cue.lemma
    }

    /// True when token `i` opens a noun phrase ("the", "His", "some").
    pub fn is_determiner(&self, i: usize) -> bool {
        self.listed(i, DETERMINER)
    }

    /// True when token `i` is a common preposition ("of", "in", "after").
    pub fn is_preposition(&self, i: usize) -> bool {
        matches!(
            self.low(i),
            "of" | "in"
                | "at"
                | "on"
                | "after"
                | "for"
                | "with"
                | "from"
                | "by"
                | "to"
                | "as"
                | "since"
                | "before"
                | "during"
                | "about"
        )
    }

    /// True when token `i` is a preposition that takes a noun phrase and
    /// opens no clause ("to", "on", "with"; not "after", "since"): the
    /// phrase after it is its object, no subject.
    pub fn is_object_preposition(&self, i: usize) -> bool {
        matches!(
            self.low(i),
            "about"
                | "against"
                | "alongside"
                | "at"
                | "by"
                | "for"
                | "from"
                | "in"
                | "into"
                | "of"
                | "on"
                | "to"
                | "with"
        )
    }

    /// True when token `i`, a word ending in "-s" and second in its
    /// sentence after a word that is no pronoun, is followed by a finite
    /// auxiliary or modal: "Health worries have", "Harsh comments are".
    /// A verb in "-s" takes an object or a clause, not a second verb; in
    /// "a tax he believes will …" the clause's subject is left out.
    fn plural_subject(&self, i: usize) -> bool {
        let w = self.low(i);
        i == self.sentence(i).first + 1
            && !self.is_pronoun(i - 1)
            && w.ends_with('s')
            && !w.ends_with("ss")
            && (is_finite_auxiliary(self.low(i + 1))
                || matches!(self.low(i + 1), "do" | "did"))
    }

    /// True when the cue word `i` is a noun after a quantifier that is an
    /// object's, not a subject's: "has broken many promises", "share
    /// many goals". Not "and many say", "critics, many said": there the
    /// quantifier stands alone at the head of its clause.
    pub fn quantified_noun(&self, i: usize, floor: usize) -> bool {
        i >= floor + 2
            && matches!(
                self.low(i - 1),
                "many" | "few" | "several" | "numerous" | "little" | "much"
            )
            && self.is_word(i - 2)
            && !self.is_capitalised(i - 2)
            && !self.listed(i - 2, STOP_WORD | DETERMINER)
            && !matches!(self.low(i - 2), "and" | "but" | "or" | "nor")
    }

    /// True when token `i` is a function word or opens a noun phrase
    /// ("that", "with", "the", "many").
    pub fn listed_stop_or_determiner(&self, i: usize) -> bool {
        self.listed(i, STOP_WORD | DETERMINER)
    }

    /// True when token `i` ends in a possessive "’s" ("Trump’s").
    pub fn is_possessive(&self, i: usize) -> bool {
        let w = self.word(i);
        w.ends_with("’s") || w.ends_with("'s")
    }

    /// True when token `i` is the owner's mark of a plural (a word in
    /// "-s" before it): "Deccan Chemists' Welfare Association", "Dock
    /// Workers’ Union", "the Teamsters' lawyers"; not a single mark that
    /// closes a quotation ("more jobs’").
    pub fn is_plural_owner_mark(&self, i: usize) -> bool {
        self.seg.tokens[i].kind != TokenKind::Quote
            && matches!(self.word(i), "'" | "’")
            && i > 0
            && self.low(i - 1).ends_with('s')
    }

    /// True when token `i` is a pronoun that can be a speaker.
    pub fn is_pronoun(&self, i: usize) -> bool {
        self.listed(i, PRONOUN)
    }

    /// True when token `i` is such a pronoun with its auxiliary joined to
    /// it ("they've", "he’d").
    pub fn is_contracted_pronoun(&self, i: usize) -> bool {
        let w = self.low(i);
        let p = crate::resolve::mentions::without_contraction(w);
        p.len() < w.len() && PRONOUNS.contains(&p)
    }

    /// The speaker phrase that ends just before token `end`, not reaching
    /// below `floor`: a pronoun, or a noun phrase headed by a name or a
    /// speaker noun. A relative pronoun takes its antecedent with it
    /// ("Graham, who"), and an appositive between commas is stepped over
    /// ("López Obrador, a left-wing populist,").
    pub fn speaker_before(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        if end <= floor {
            return None;
        }
        let last = end - 1;
        if self.is_pronoun(last) {
            return Some(self.relative_antecedent(last, floor));
        }
        // "Another tweeted", "Some say", "…, and others said": a
        // quantifier standing alone at the head of its clause.
        let boundary =
            |k: usize| k == floor || matches!(self.low(k - 1), "," | ";");
        let clause_start = boundary(last)
            || (matches!(self.low(last - 1), "and" | "but")
                && boundary(last - 1));
        if clause_start && self.listed(last, QUANTIFIER) {
            return Some((last, end));
        }
        // "47% say …": a share written with the sign, which is no word
        // of its own, is the phrase with its number.
        if self.word(last) == "%"
            && last > floor
            && self.seg.tokens[last - 1].span.end()
                == self.seg.tokens[last].span.start()
            && crate::resolve::mentions::is_number(self.word(last - 1))
        {
            return Some((last - 1, end));
        }
        // "Those surveyed said", "voters polled say", "experts consulted
        // said": a participle of asking after its people ends the phrase,
        // which is no head of its own.
        if last > floor && is_agent_participle(self.low(last)) {
            if matches!(self.low(last - 1), "those" | "respondents") {
                return Some((last - 1, end));
            }
            // People: a speaker noun or a capitalised plural
            // ("Americans").
            if let Some((s, e)) = self.noun_phrase_before(last, floor)
                && (self.is_speaker_noun(e - 1)
                    || (self.is_capitalised(e - 1)
                        && looks_plural(self.low(e - 1))))
            {
                return Some((s, end));
            }
        }
        if let Some(part) = self.part_of_pronoun_before(end, floor) {
            return Some(part);
        }
        if let Some(source) = self.informed_source_before(end, floor) {
            return Some(source);
        }
        if self.word(last) == "," {
            return self.across_appositive(last, floor);
        }
        // "an official who asked not to be named said": the person
        // before a request for anonymity.
        if ends_anonymity_request(self.low(last)) {
            let who = (last.saturating_sub(10).max(floor)..last)
                .rev()
                .find(|&j| self.low(j) == "who")?;
            return self.person_before_who(who, floor);
        }
        if let Some(found) = self.restrictive_relative_before(end, floor) {
            return Some(found);
        }
        let found = self
            .name_with_parenthesis_before(end, floor)
            .or_else(|| self.noun_phrase_before(end, floor))?;
        // "Trump on Twitter said", "Obama on CNN said": an outlet or a
        // platform after "on", before the phrase or ending it, is where
        // it was said; the one before it said it.
        let on = (found.0.saturating_sub(1).max(floor)..found.1)
            .rev()
            .find(|&k| self.low(k) == "on");
        if let Some(k) = on
            && k > floor
            && is_medium(self.span(k + 1, found.1).text(self.text))
            && let Some(before) = self.speaker_before(k, floor)
        {
            return Some(before);
        }
        Some(found)
    }

    /// "Rep. Gwen Moore (D-Wis.)" before `end`, whose last token closes
    /// the parenthesis: the name before it, which goes with it.
    fn name_with_parenthesis_before(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        let last = end.checked_sub(1).filter(|&l| l > floor)?;
        if self.word(last) != ")" {
            return None;
        }
        let open = (last.saturating_sub(8).max(floor)..last)
            .rev()
            .find(|&j| self.word(j) == "(")?;
        let (s, _) = self.noun_phrase_before(open, floor)?;
        Some((s, end))
    }

    /// "A woman who lives nearby said": a speaker phrase with a
    /// restrictive "who" clause of words (no comma or quotation in it)
    /// running up to `end`, whose last word is no head of its own. The
    /// clause says who the speaker is and stays in the phrase; a cue in
    /// it ("Democrats who oppose the bill said") is part of it.
    pub(crate) fn restrictive_relative_before(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        // The clause ends on a word of its own, not on an auxiliary,
        // adverb, conjunction or function word that the verb at `end`
        // completes ("a graduate who has successfully argued", "an
        // official who was briefed on the details", "who oversaw the
        // inquiry and described"): the verb is then the clause's own.
        let last = self.low(end - 1);
        let open = self.listed(end - 1, STOP_WORD | AUXILIARY | DETERMINER)
            || matches!(last, "and" | "or" | "but")
            || last.ends_with("ly")
            || last.ends_with("n't")
            || last.ends_with("n’t");
        // "A woman who lives on Ferris Street said": a place named after
        // a preposition ends the clause as its own word does.
        let mut name = end;
        while name > floor + 1
            && end - name < 4
            && self.is_capitalised(name - 1)
        {
            name -= 1;
        }
        if name < end && self.low(name - 1) == "the" {
            name -= 1;
        }
        let place =
            name < end && name > floor + 1 && self.is_preposition(name - 1);
        // "Residents who packed the Callendra Memorial Hall said": so
        // does a name after a verb of the clause, its object; not one
        // right after "who" ("The aide who Ann Pike said had left") or
        // a function word ("Voters who cheered when Ann Pike said").
        let object = name < end
            && name > floor + 1
            && self.is_word(name - 1)
            && !self.listed(name - 1, STOP_WORD | AUXILIARY | DETERMINER);
        // "voters who said they opposed it": a pronoun before the verb
        // is its subject.
        if (self.is_head(end - 1)
            && !place
            && !object
            && !self.determined_object_before(end, floor))
            || self.is_pronoun(end - 1)
            || open
        {
            return None;
        }
        let lowest = end.saturating_sub(12).max(floor + 1);
        let who = (lowest..end).rev().find(|&j| self.low(j) == "who")?;
        let clause = who + 1..end;
        let plain = !clause.is_empty()
            && clause.clone().all(|j| self.is_word(j) && !self.in_quote[j]);
        if !plain || !self.is_word(who - 1) {
            return None;
        }
        let (start, _) = self.person_before_who(who, floor)?;
        Some((start, end))
    }

    /// True when the words up to `end` are a noun phrase that opens
    /// with a determiner after a verb or a preposition that takes no
    /// clause: the object that ends a relative clause ("people who have
    /// seen the document", "supporters who heard from the Rubio
    /// campaign"), not the subject of the verb at `end` ("voters who
    /// cheered when the senator", after a conjunction).
    fn determined_object_before(&self, end: usize, floor: usize) -> bool {
        // A relative pronoun, a verb and a determiner come first.
        if end < floor + 4 {
            return false;
        }
        let mut first = end - 1;
        while first > floor + 2
            && end - first < 5
            && self.is_word(first - 1)
            && !self.listed(first - 1, STOP_WORD | AUXILIARY | DETERMINER)
        {
            first -= 1;
        }
        let det = first - 1;
        let before = det - 1;
        det > floor + 1
            && self.listed(det, DETERMINER)
            && self.is_word(before)
            && (self.is_object_preposition(before)
                || !self.listed(before, STOP_WORD | AUXILIARY | DETERMINER))
    }

    /// The phrase before the relative pronoun "who" at `who`: a speaker
    /// phrase, or else a common noun phrase ("A rescuer who", "a
    /// geologist who"), whose head "who" shows is someone, though no
    /// list of speaker nouns holds it.
    /// Where the phrase before a "who" clause ends (its comma, or "who"
    /// itself), when token `at` stands inside the clause after its verb:
    /// "Park, who chairs the Safety Committee", "A woman who chairs the
    /// Safety Committee". No comma or quotation between.
    fn relative_clause_opening(
        &self,
        at: usize,
        floor: usize,
    ) -> Option<usize> {
        let lowest = at.saturating_sub(8).max(floor + 1);
        for j in (lowest..at).rev() {
            if self.word(j) == ","
                || self.seg.tokens[j].kind == TokenKind::Quote
            {
                return None;
            }
            if self.low(j) == "who" {
                let comma = self.word(j - 1) == ",";
                return (j + 1 < at).then_some(if comma { j - 1 } else { j });
            }
        }
        None
    }

    fn person_before_who(
        &self,
        who: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        // Not the object of a preposition ("assistants on the trading
        // floor who work late").
        let own = |&(a, _): &(usize, usize)| {
            a == floor || !self.is_preposition(a - 1)
        };
        self.noun_phrase_before(who, floor)
            .or_else(|| self.common_noun_phrase_before(who, floor).filter(own))
            .or_else(|| {
                // Only before "who": "Sanders's victory, which …" is
                // no one.
                let person = self.low(who) == "who"
                    || (self.word(who) == "," && self.low(who + 1) == "who");
                self.owned_noun_before(who, floor)
                    .filter(|_| person)
                    .filter(own)
            })
    }

    /// "The Port Wendell Symphony's musicians": a lower-case noun ending
    /// at `end` after a name's possessive of up to four capitalised
    /// words, with "the" maybe before them. Other capitalised words
    /// before a noun are too often no one's ("the Ohio primary").
    fn owned_noun_before(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        let head = end.checked_sub(1).filter(|&h| h > floor)?;
        let owner = head - 1;
        let noun = self.is_word(head)
            && !self.is_capitalised(head)
            && !self.listed(head, STOP_WORD | AUXILIARY | DETERMINER)
            && self.cue_at(head).is_none();
        if !noun || !self.is_possessive(owner) || !self.is_capitalised(owner) {
            return None;
        }
        let mut start = owner;
        while start > floor
            && owner - start < 3
            && self.is_capitalised(start - 1)
            && !self.listed(start - 1, STOP_WORD | DETERMINER)
        {
            start -= 1;
        }
        if start > floor && self.low(start - 1) == "the" {
            start -= 1;
        }
        Some((start, end))
    }

    /// The speaker of a tag "X said" that ends right before the comma at
    /// token `comma` of sentence `s` (“…,” Spicer said, adding, …).
    pub fn tag_speaker_before(
        &self,
        s: Sentence,
        comma: usize,
    ) -> Option<(usize, usize)> {
        let lowest = comma.saturating_sub(3).max(s.first);
        let cue = (lowest..comma)
            .filter_map(|p| self.cue_at(p))
            .find(|c| c.end == comma && !c.cue.participle)?;
        // "an agent in Clinton's decline,", "after the Orlando attacks,":
        // a cue word after a possessive, or in a phrase a preposition
        // opens, is a noun, and the words before it no tag.
        if cue.first > s.first && self.is_possessive(cue.first - 1) {
            return None;
        }
        let end = self.skip_auxiliaries_back(cue.first, s.first);
        let (a, b) = self.speaker_before(end, s.first)?;
        (a == s.first || !self.is_preposition(a - 1)).then_some((a, b))
    }

    /// "the announcer", "a neighbour": a determiner, then up to three
    /// lower-case words that are no function words; the last is the head.
    pub fn common_noun_phrase_before(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        self.noun_phrase_with(end, floor, false)
    }

    /// [`Self::common_noun_phrase_before`], whose words before the head
    /// may be capitalised ("the Lincoln actor", "a Democratic staffer").
    pub fn modified_noun_phrase_before(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        self.noun_phrase_with(end, floor, true)
    }

    /// "astronomers", "local bankers": one to three lower-case words,
    /// none a function word, from just after a comma to `end`, whose last
    /// is a plural ("-s", not "-ss", "-us" or "-is"): a bare plural.
    pub fn bare_plural_before(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        let start = (end.saturating_sub(3).max(floor + 1)..end)
            .find(|&j| self.word(j - 1) == ",")?;
        let plural = looks_plural(self.low(end - 1));
        let plain = (start..end).all(|j| {
            self.is_word(j)
                && !self.is_capitalised(j)
                && !self.listed(j, STOP_WORD | AUXILIARY | DETERMINER)
                && !self.low(j).ends_with("ly")
                && self.cue_at(j).is_none()
        });
        (plural && plain).then_some((start, end))
    }

    fn noun_phrase_with(
        &self,
        end: usize,
        floor: usize,
        capitals: bool,
    ) -> Option<(usize, usize)> {
        let lowest = end.saturating_sub(4).max(floor);
        let det = (lowest..end).rev().find(|&j| self.listed(j, DETERMINER))?;
        let plain = (det + 1..end).all(|j| {
            let low = self.low(j);
            let modifier = capitals && j + 1 < end;
            self.is_word(j)
                && (modifier || !self.is_capitalised(j))
                && !self.listed(j, STOP_WORD | AUXILIARY | DETERMINER)
                && !low.ends_with("ly")
                && self.cue_at(j).is_none()
        });
        (plain && det + 1 < end && self.low(det) != "that")
            .then_some((det, end))
    }

    /// "X, who" gives the span from X to "who"; other pronouns stand alone.
    fn relative_antecedent(&self, who: usize, floor: usize) -> (usize, usize) {
        let relative = matches!(self.low(who), "who" | "which" | "that");
        if relative && who > floor && self.word(who - 1) == "," {
            let ante = self
                .speaker_before(who - 1, floor)
                .or_else(|| self.across_appositive(who - 1, floor));
            if let Some((s, _)) = ante {
                return (s, who + 1);
            }
        }
        (who, who + 1)
    }

    /// "X, a spokesperson for Y," before a cue: the phrase before the
    /// appositive's opening comma.
    fn across_appositive(
        &self,
        comma: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        let lowest = comma.saturating_sub(30).max(floor);
        let mut open = (lowest..comma).rev().find(|&j| self.word(j) == ",")?;
        // "Jonathan Reyes, appearing before the Senate Health, Education,
        // Labor and Pensions Committee, said": a comma inside a name's
        // list of capitalised words, up to its "and", opens nothing.
        while open > floor
            && self.is_capitalised(open - 1)
            && self.is_capitalised(open + 1)
            && matches!(self.low(open + 2), "," | "and" | "&")
            && {
                let inside = open + 1..comma;
                inside.clone().any(|j| matches!(self.low(j), "and" | "&"))
                    && inside.clone().all(|j| {
                        self.is_capitalised(j)
                            || matches!(self.low(j), "and" | "&" | "of" | ",")
                    })
            }
        {
            open = (lowest..open).rev().find(|&j| self.word(j) == ",")?;
        }
        // "Carole Bower, 75, of Carthage, Ill., said": a state after its
        // town is the end of the appositive before it, not one of its own.
        if open > floor
            && self.is_capitalised(open - 1)
            && crate::resolve::names::is_us_state(
                self.span(open + 1, comma).text(self.text),
            )
        {
            // "The mayor of Portland, Ore., said": no appositive before.
            return self
                .across_appositive(open, floor)
                .or_else(|| self.noun_phrase_before(open, floor));
        }
        // "Priya Raman, an economist at the University of California,
        // Berkeley, estimated": a campus after its university is the end
        // of the name, as a state after its town is.
        if self.campus_after_university(open, comma, floor) {
            return self
                .across_appositive(open, floor)
                .or_else(|| self.noun_phrase_before(open, floor));
        }
        let inside = open + 1..comma;
        // "Catriona Hale, whose mother, Agnes, was one of the dead,
        // said": a clause's verb opens what follows the last comma, so
        // the words before it are the relative clause's own subject; the
        // speaker is the phrase before the relative pronoun.
        let verb = matches!(
            self.low(open + 1),
            "was" | "were" | "is" | "are" | "has" | "had" | "have" | "will"
        );
        if verb {
            let who = (lowest..open).rev().find(|&j| {
                self.word(j) == ","
                    && matches!(self.low(j + 1), "who" | "whose" | "which")
            })?;
            return self.noun_phrase_before(who, floor);
        }
        // No cue may stand inside, unless the appositive is a relative
        // clause, the name's own ("Mr. Leenders, who estimated that …,
        // said", "…, where she played on Thursdays, said"), or the cue is
        // a bare noun-like word ("director of state campaigns").
        // So may one that a participle opens, the speaker's own act ("A
        // spokesman, requesting anonymity, said"; "Durbin, noting the
        // size of Sanders's following, said").
        let participle = !self.is_capitalised(open + 1)
            && self.low(open + 1).ends_with("ing");
        let relative =
            matches!(self.low(open + 1), "who" | "whose" | "which" | "where")
                || self.opens_question_or_setting(open + 1)
                || participle;
        // Nor is "state" a cue in "state Sen. Linda Ferraro", the
        // appositive's opening words.
        let title = self.title_after_modifiers(open + 1);
        let before_title = |j: usize| title.is_some_and(|t| j < t);
        // Nor a cue in a relative clause inside it: "Dr. Helena Osei, a
        // musicologist who has testified in copyright cases, said".
        let in_clause = |j: usize| {
            (open + 1..j).any(|k| matches!(self.low(k), "who" | "whose"))
        };
        let clean = inside.clone().all(|j| {
            self.seg.tokens[j].kind != TokenKind::Quote
                && (relative
                    || before_title(j)
                    || in_clause(j)
                    || self.cue_at(j).is_none_or(|c| self.is_bare_noun(j, &c)))
        });
        if !clean || inside.is_empty() {
            return None;
        }
        // An age before the description: "Marley Anderson, 21, a junior
        // from Las Vegas, said".
        let age = |j: usize| {
            let w = self.word(j);
            (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
        };
        if open >= floor + 3 && age(open - 1) && self.word(open - 2) == "," {
            open -= 2;
        }
        // A role ending in a phrase with no head of its own ("The author
        // of the book, Mitchell Zuckoff, said") leaves the speaking to
        // the name set after it; before a relative clause there is none
        // ("A nurse at the clinic, who asked not to be named, said").
        let headed =
            relative || !self.is_word(open - 1) || self.is_head(open - 1);
        // "A rescuer, who asked not to be named, said": "who" shows the
        // phrase before it is someone; "The ski area, whose boundary
        // lies …, said", "The agency, which …, said": some body.
        let who = matches!(self.low(open + 1), "who" | "whose" | "which");
        let found = self
            .informed_source_before(open, floor)
            .or_else(|| self.part_of_pronoun_before(open, floor))
            .or_else(|| {
                self.noun_phrase_before(open, floor).filter(|_| headed)
            })
            // "Rep. Elijah Cummings (D-Md.), chair of …, said".
            .or_else(|| self.name_with_parenthesis_before(open, floor))
            .or_else(|| self.person_before_who(open, floor).filter(|_| who))
            .or_else(|| self.head_before_of(open, floor))
            .or_else(|| self.apposed_name(open, comma))
            // "A council member who supported the deal, speaking on
            // condition of anonymity, said": a restrictive clause ends
            // the speaker before the set-off phrase.
            .or_else(|| self.restrictive_relative_before(open, floor))?;
        // "Disillusioned, Mr. Mitchell resigned, convinced …": the word
        // before the first comma qualifies the clause; it is no name.
        let first = self.sentence(found.0).first;
        if found == (first, first + 1)
            && self.opens_with_modifier(self.sentence(first))
        {
            return None;
        }
        // "Ms. Arnold, who helped found EDGE, an environmental group,
        // said": the phrase the appositive describes is the object of a
        // relative clause's verb; the speaker is the one the clause is
        // about.
        // A description set off after a name is the name's ("Geoff
        // Garin, a Democratic pollster who is working with Priorities
        // USA, a pro-Clinton super PAC, said").
        if let Some(end) = self.relative_clause_opening(found.0, floor) {
            let person = self.person_before_who(end, floor)?;
            let described = matches!(self.low(person.0), "a" | "an" | "the")
                || !self.is_capitalised(person.0);
            let name = (described
                && person.0 > floor
                && self.word(person.0 - 1) == ",")
                .then(|| self.noun_phrase_before(person.0 - 1, floor))
                .flatten()
                .filter(|&(a, _)| self.is_capitalised(a));
            return Some(name.unwrap_or(person));
        }
        // "The union representing the nurses, the State Nurses
        // Association, said": the phrase before the comma is the tail of
        // a longer subject, which the name between the commas names.
        // So is the whole subject when the phrase is the object of a
        // participle in it ("The union representing the nurses").
        let common = !self.is_capitalised(found.1 - 1);
        let participle = || {
            (found.0 + 2..found.1).any(|j| {
                self.participle_head_before(j, found.1, found.0).is_some()
            })
        };
        let tail = common
            && (found.0 > floor
                && self.is_word(found.0 - 1)
                && !self.is_capitalised(found.0 - 1)
                && !self.is_preposition(found.0 - 1)
                && !matches!(
                    self.low(found.0 - 1),
                    "and" | "but" | "or" | "than"
                )
                || participle());
        // "The owner of a laundromat on Harmon Avenue, Guadalupe
        // Ferreira-Stokes, said": a place's name after a preposition is
        // its object, no subject; the name set off after it is the
        // speaker.
        let object = found.0 > floor
            && self.is_preposition(found.0 - 1)
            && self.is_capitalised(found.0);
        if (tail || object)
            && !relative
            && let Some(name) = self.apposed_name(open, comma)
        {
            return Some(name);
        }
        // "Professor Gunter Kuhnle, a nutrition expert at the University
        // of Reading, who was not involved, told": the description before
        // the relative clause is itself set off after the name; so is a
        // role without an article ("Rowena Hale, chief executive of
        // Clean Sport UK, which brought the case, said").
        let described = matches!(self.low(found.0), "a" | "an" | "the")
            || !self.is_capitalised(found.0);
        // So is a description set off before a second one ("Douglas
        // Finch, a trustee of the Heritage Trust, a lobby group, argued"):
        // the second describes the first's noun.
        let second = matches!(self.low(open + 1), "a" | "an" | "the");
        if (relative || second)
            && described
            && found.0 > floor
            && self.word(found.0 - 1) == ","
            && let Some(name) = self.noun_phrase_before(found.0 - 1, floor)
            && self.is_capitalised(name.0)
            && !matches!(self.low(name.0), "a" | "an" | "the")
            && self.opens_clause(name.0, floor)
        {
            return Some(name);
        }
        Some(found)
    }

    /// True when token `j` opens its clause: the sentence's (or the
    /// floor's) first token, or one after "and", "but" or a mark that is
    /// no comma. A name after "In" or "Speaking in" is a place, no
    /// subject ("In Washington, the senator, a Democrat, said").
    fn opens_clause(&self, j: usize, floor: usize) -> bool {
        j <= floor
            || j == self.sentence(j).first
            || matches!(self.low(j - 1), "and" | "but")
            || (!self.is_word(j - 1) && self.word(j - 1) != ",")
    }

    /// "Supporters of the plan" before `end`: a plural speaker noun, "of"
    /// and a short phrase with no head of its own, whose words are plain
    /// lower-case ones (a determiner or possessive may open it).
    fn head_before_of(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        let lowest = end.saturating_sub(5).max(floor + 1);
        let of = (lowest..end).rev().find(|&j| self.low(j) == "of")?;
        // A cue's word after a determiner is a noun ("the plan").
        let plain = (of + 1..end).all(|j| {
            self.is_word(j)
                && !self.is_capitalised(j)
                && (self.cue_at(j).is_none() || self.is_determiner(j - 1))
                && !self.listed(j, STOP_WORD | AUXILIARY | PRONOUN)
        });
        // Plural: "The author of the book, Mitchell Zuckoff, said" is
        // the name's.
        let head = of - 1;
        let plural =
            self.low(head).ends_with('s') && !self.low(head).ends_with("ss");
        if !plain || of + 1 == end || !self.is_speaker_noun(head) || !plural {
            return None;
        }
        let (start, _) = self.noun_phrase_before(head + 1, floor)?;
        Some((start, end))
    }

    /// True when the words between the commas `open` and `comma` are a
    /// place naming the campus of the university or college whose name
    /// ends at `open` ("the University of California, Berkeley,").
    fn campus_after_university(
        &self,
        open: usize,
        comma: usize,
        floor: usize,
    ) -> bool {
        let place = (1..=3).contains(&(comma - open - 1))
            && (open + 1..comma)
                .all(|j| self.is_word(j) && self.is_capitalised(j));
        let lowest = open.saturating_sub(6).max(floor);
        place
            && (lowest..open).rev().any(|j| {
                matches!(self.low(j), "university" | "college")
                    && self.is_capitalised(j)
                    && (j + 1..open).all(|k| {
                        self.is_capitalised(k)
                            || matches!(self.low(k), "of" | "at")
                    })
            })
    }

    /// "One of them", "most of us": a quantifier of a pronoun that ends
    /// right before `end` and opens its clause ("One of them, who asked
    /// not to be named, said", "Most of us agree").
    fn part_of_pronoun_before(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        let first = end.checked_sub(3).filter(|&f| f >= floor)?;
        let opens = first == floor || matches!(self.low(first - 1), "," | ";");
        (opens
            && self.listed(first, QUANTIFIER)
            && self.low(first + 1) == "of"
            && matches!(self.low(first + 2), "them" | "us" | "those"))
        .then_some((first, end))
    }

    /// The length of the phrase at token `m`, before `end`, that says how
    /// an unnamed source knows: "familiar with", "close to", "briefed
    /// on", "knowledgeable about", "with (direct) knowledge of".
    fn knowing_marker(&self, m: usize, end: usize) -> Option<usize> {
        let next = |k: usize| if m + k < end { self.low(m + k) } else { "" };
        match (self.low(m), next(1)) {
            ("familiar", "with")
            | ("close", "to")
            | ("briefed", "on")
            | ("knowledgeable", "about") => Some(2),
            ("with", "knowledge" | "direct" | "firsthand") => (m + 1
                ..end.min(m + 4))
                .find(|&k| self.low(k) == "of")
                .map(|of| of + 1 - m),
            _ => None,
        }
    }

    /// True when token `i` can be an unnamed source: a speaker noun
    /// ("officials", "sources"), "person", "someone", "those", "one", or
    /// a name ("Democrats").
    fn is_informed(&self, i: usize) -> bool {
        self.is_speaker_noun(i)
            || matches!(
                self.low(i),
                "person" | "persons" | "someone" | "those" | "one"
            )
            || (self.is_capitalised(i) && self.is_head(i))
    }

    /// "said a person familiar with the planning": the source after a
    /// cue, from `start` to the end of its clause (before `limit`).
    fn informed_source_after(
        &self,
        start: usize,
        limit: usize,
    ) -> Option<(usize, usize)> {
        let m = (start + 1..limit.min(start + 5))
            .take_while(|&j| self.is_word(j) && !self.in_quote[j])
            .find(|&j| self.knowing_marker(j, limit).is_some())?;
        if !self.is_informed(m - 1) {
            return None;
        }
        let object = m + self.knowing_marker(m, limit)?;
        let end = (object..limit.min(object + 10))
            .take_while(|&j| {
                (self.is_word(j) || matches!(self.word(j), "’" | "'" | "-"))
                    && !self.in_quote[j]
                    && (self.cue_at(j).is_none() || self.is_noun_after(j))
                    && !self.listed(j, AUXILIARY)
                    && !matches!(self.low(j), "who" | "which" | "that")
            })
            .last()?;
        Some((start, end + 1))
    }

    /// True when token `j` follows a determiner or a possessive, so that
    /// a cue word there is a noun ("the plans", "the governor's plans").
    fn is_noun_after(&self, j: usize) -> bool {
        j > 0 && {
            let prev = self.low(j - 1);
            self.listed(j - 1, DETERMINER)
                || prev.ends_with("'s")
                || prev.ends_with("’s")
                || matches!(prev, "'" | "’")
        }
    }

    /// "A person familiar with the planning", "people close to the
    /// campaign", "officials with knowledge of the talks", "sources
    /// briefed on the matter": an unnamed source and the phrase after it
    /// that says how it knows, ending at `end`, in one clause.
    fn informed_source_before(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        let lowest = end.saturating_sub(12).max(floor + 1);
        for m in (lowest..end).rev() {
            if !self.is_word(m) && self.word(m) != "’" && self.word(m) != "'"
            {
                return None;
            }
            let Some(marker) = self.knowing_marker(m, end) else {
                continue;
            };
            // An object after the marker, and a source before it.
            if m + marker >= end || m == 0 || !self.is_informed(m - 1) {
                return None;
            }
            let head = m - 1;
            let start =
                self.noun_phrase_before(m, floor).map_or(head, |(s, _)| s);
            let mut start = start.min(head);
            // "A person", "three people", "another source": the words
            // before the head that go with it.
            while start > floor
                && (self.listed(start - 1, DETERMINER)
                    || self.listed(start - 1, QUANTIFIER)
                    || self
                        .word(start - 1)
                        .bytes()
                        .all(|b| b.is_ascii_digit())
                    || matches!(
                        self.low(start - 1),
                        "another"
                            | "other"
                            | "two"
                            | "three"
                            | "four"
                            | "several"
                            | "separate"
                    ))
            {
                start -= 1;
            }
            return Some((start, end));
        }
        None
    }

    /// "The club's keeper, Luis Ortega, said": when no name or speaker
    /// noun heads the phrase before the appositive, a name of two words
    /// or more that fills the appositive, between the commas `open` and
    /// `comma`, is the speaker.
    fn apposed_name(
        &self,
        open: usize,
        comma: usize,
    ) -> Option<(usize, usize)> {
        let (s, e) = self.noun_phrase_before(comma, open + 1)?;
        // "the State Nurses Association": a name may take its article.
        let from = if self.low(s) == "the" { s + 1 } else { s };
        let words = (from..e).filter(|&j| self.is_word(j)).count();
        // "Sharon Ivey-Matthews and Luis Carmona-Beck": names joined by
        // "and" are named too.
        let named = (from..e).all(|j| {
            !self.is_word(j)
                || self.is_capitalised(j)
                || self.is_initial(j)
                || (j > from && self.low(j) == "and")
        });
        // "state Sen. Linda Ferraro", "former Gov. Jeb Bush": the words
        // before a title open the appositive.
        let first = open + 1;
        let titled = s > first && self.title_after_modifiers(first) == Some(s);
        ((s == first || titled) && words >= 2 && named)
            .then_some((if titled { first } else { s }, e))
    }

    /// The title after one or two lower-case words from token `first`
    /// that can stand before it ("state" in "state Sen. Linda Ferraro",
    /// "former" in "former Gov. Jeb Bush"); the title may take its dot.
    fn title_after_modifiers(&self, first: usize) -> Option<usize> {
        let t = (first + 1..(first + 3).min(self.len())).find(|&t| {
            !crate::resolve::names::is_title_modifier(self.word(t))
        })?;
        let modifiers = (first..t)
            .all(|j| crate::resolve::names::is_title_modifier(self.word(j)));
        let with_dot = t + 1 < self.len() && self.word(t + 1) == ".";
        let b = if with_dot { t + 2 } else { t + 1 };
        let title = self.is_capitalised(t)
            && crate::resolve::names::is_title(
                self.span(t, b).text(self.text),
            );
        (modifiers && title).then_some(t)
    }

    /// A noun phrase ending at `end`, headed by its last word.
    fn noun_phrase_before(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        // "(x) said": the parenthesis can open the sentence, leaving no
        // word before it.
        if end <= floor {
            return None;
        }
        let mut head = end - 1;
        // "John Smith Jr. said", "Pfizer Inc. said": the name ends with an
        // abbreviation, whose dot is part of it.
        if self.word(head) == "."
            && head > floor
            && self.listed(head - 1, ABBREVIATION)
            && self.is_capitalised(head - 1)
        {
            head -= 1;
        }
        // Up to ten words back from the head ending at `end`.
        let walk = |mut start: usize, end: usize| {
            while start > floor && end - start < 10 {
                let j = start - 1;
                match self.extends_back(j) {
                    Extend::Yes => start = j,
                    Extend::Last => {
                        start = j;
                        let conjoined = j >= floor + 2
                            && self.low(j - 1) == "and"
                            && self.is_head(j - 2);
                        if !conjoined {
                            break;
                        }
                    }
                    Extend::No => break,
                }
            }
            while matches!(self.low(start), "of" | "and" | "for" | "." | "-") {
                start += 1;
            }
            start
        };
        let mut start = if self.is_head(head) {
            let start = walk(head, end);
            match self.name_before_list(start, end, floor) {
                Some(h) => walk(h, h + 1),
                None => start,
            }
        } else {
            // "A spokesman for the ministry", "A teacher at one of the
            // trust's schools": a common noun phrase with no head of its
            // own completes the speaker noun before its preposition, over
            // a share ("one of") between. A share alone heads nothing
            // here ("a majority of the state's 20", "many of the same").
            if matches!(self.low(head), "and" | "or" | "but" | "nor") {
                return None;
            }
            let (mut at, _) = self.modified_noun_phrase_before(end, floor)?;
            // "a nurse heading home from a night shift said".
            if let Some(h) = self.participle_head_before(at, end, floor) {
                return Some((walk(h, h + 1), end));
            }
            let mut speaker = None;
            for _ in 0..2 {
                let h = self.head_before_preposition(at, end, floor, false)?;
                if self.is_speaker_noun(h) && !self.listed(h, QUANTIFIER) {
                    speaker = Some(h);
                    break;
                }
                at = h;
            }
            walk(speaker?, speaker? + 1)
        };
        // "A spokeswoman for the ministry", "most of the candidates": the
        // phrase after a preposition belongs to the head before it.
        for _ in 0..2 {
            let Some(h) =
                self.head_before_preposition(start, end, floor, true)
            else {
                break;
            };
            start =
                if self.listed(h, DETERMINER) { h } else { walk(h, h + 1) };
        }
        // "a nurse heading home from a shift said": the phrase is the
        // participle's, and the noun before the participle heads it.
        if let Some(h) = self.participle_head_before(start, end, floor) {
            start = walk(h, h + 1);
        }
        // "Economists polled by Reuters expected …": the agent of a
        // participle is no speaker; the noun the participle follows is.
        if start >= floor + 3
            && self.low(start - 1) == "by"
            && is_agent_participle(self.low(start - 2))
        {
            let h = start - 3;
            let plural = self.low(h).ends_with('s') && !self.is_capitalised(h)
                || self.is_head(h);
            if plural && !self.listed(h, STOP_WORD | AUXILIARY | PRONOUN) {
                start = walk(h, h + 1);
            }
        }
        // "Of said": the head itself was a joining word; no phrase is left.
        (start < end).then_some((start, end))
    }

    /// A clause's whole subject before `end` that names a group by a
    /// speaker noun and a joining preposition whose object is a
    /// short common noun phrase with no head of its own: "…, negotiators
    /// from both sides said", "critics in both parties" ("on" too before
    /// "both sides"). The object's words are lower-case, none a cue or
    /// function word but a determiner, quantifier or number; up to two
    /// lower-case modifiers go before the head ("elected officials"), and
    /// a comma or `floor` comes right before the phrase.
    pub(crate) fn group_subject_before(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        let lowest = end.saturating_sub(4).max(floor + 1);
        let p = (lowest..end.saturating_sub(1))
            .rev()
            .find(|&p| !self.is_word(p) || self.is_preposition(p))?;
        let sides = matches!(self.low(end - 1), "side" | "sides");
        if !(is_joining_preposition(self.word(p))
            || (sides && self.word(p) == "on"))
        {
            return None;
        }
        let word = |j: usize| {
            self.is_word(j)
                && (!self.is_capitalised(j) || self.sentence(j).first == j)
                && !self.listed(j, AUXILIARY | PRONOUN)
        };
        let plain = |j: usize| word(j) && self.cue_at(j).is_none();
        // A cue's word after a determiner is a noun ("both sides").
        let det = |j: usize| self.listed(j, DETERMINER | QUANTIFIER);
        let object = !det(end - 1)
            && (p + 1..end).all(|j| {
                (self.is_word(j) && det(j))
                    || (word(j)
                        && !self.listed(j, STOP_WORD)
                        && (det(j - 1) || self.cue_at(j).is_none()))
            });
        let h = p - 1;
        if !object || !plain(h) || !self.is_speaker_noun(h) {
            return None;
        }
        let mut start = h;
        while start > floor
            && h - start < 2
            && plain(start - 1)
            && !self.listed(start - 1, STOP_WORD | DETERMINER)
            && !matches!(self.low(start - 1), "and" | "but" | "or" | "so")
            && !self.low(start - 1).ends_with("ly")
        {
            start -= 1;
        }
        (start == floor || self.word(start - 1) == ",").then_some((start, end))
    }

    /// True when `a..b` ends with a preposition and a word or two
    /// capitalised after it ("Officials in Germany"), which a list of
    /// places can go on.
    fn ends_in_place(&self, a: usize, b: usize) -> bool {
        (b.saturating_sub(3).max(a + 1)..b.saturating_sub(1)).any(|p| {
            is_joining_preposition(self.word(p))
                && (p + 1..b).all(|j| self.is_capitalised(j))
        })
    }

    /// "the Department for Culture, Media and Sport": when `start..end`
    /// ends a list of capitalised words closed by "and" ("Media and
    /// Sport"), and the list's first item ends a name joined by "for" or
    /// "of", the head of that name ("Department"), which the list ends.
    fn name_before_list(
        &self,
        start: usize,
        end: usize,
        floor: usize,
    ) -> Option<usize> {
        let listed = (start..end).any(|j| self.low(j) == "and")
            && (start..end).all(|j| {
                self.low(j) == "and"
                    || self.word(j) == ","
                    || self.is_capitalised(j)
            });
        if !listed {
            return None;
        }
        let mut j = start;
        while j >= floor + 2 && self.word(j - 1) == "," {
            // The item before the comma: one or two capitalised words.
            let mut k = j - 1;
            while k > floor
                && j - 1 - k < 2
                && self.is_capitalised(k - 1)
                && !self.listed(k - 1, NOT_NAME | STOP_WORD | DETERMINER)
                && !is_joining_preposition(self.low(k - 1))
            {
                k -= 1;
            }
            if k == j - 1 {
                return None;
            }
            j = k;
            if j >= floor + 2
                && matches!(self.word(j - 1), "of" | "for")
                && self.is_capitalised(j - 2)
            {
                return Some(j - 2);
            }
        }
        // "Germany, France and Italy said": a list opening its clause
        // is the subject whole, and so is one after a preposition
        // ("Officials in Germany, France and Italy"), for the caller to
        // join to the head before it.
        let opens = j == floor || is_joining_preposition(self.word(j - 1));
        (j < start && opens).then_some(j)
    }

    /// The head of a noun phrase that the phrase `start..end` completes
    /// after a preposition: "spokeswoman" for "the ministry" in "A
    /// spokeswoman for the ministry", "Most" in "Most of the candidates",
    /// "Museum" in "The Holocaust Museum in Washington". A share ("most",
    /// "89 %"), a speaker noun or a name heads it; a time ("in March",
    /// "on Monday") or where the words were said ("in a post") is no
    /// part of a speaker. With `plurals`, any plural noun heads it too
    /// ("attorneys for the department"); a phrase read loosely, with no
    /// test that it is a noun phrase, would take a verb for one ("comes
    /// from").
    pub(crate) fn head_before_preposition(
        &self,
        start: usize,
        end: usize,
        floor: usize,
        plurals: bool,
    ) -> Option<usize> {
        if start < floor + 2 || start >= end {
            return None;
        }
        let p = start - 1;
        let h = p - 1;
        let last = self.low(end - 1);
        if !is_joining_preposition(self.word(p))
            || self.in_quote[h]
            || self.in_quote[p]
            || is_time_phrase(last)
            // "Jeb Bush in a Medium post wrote": where it was said.
            || (self.word(p) == "in" && super::reported::is_venue(last))
        {
            return None;
        }
        let w = self.word(h);
        // "Workers at two of the plants", "each of the parties": a number
        // or share before "of" stands for part of what follows.
        let share = self.listed(h, QUANTIFIER)
            || is_counting(self.low(h))
            || crate::model::is_number_word(self.low(h))
            || matches!(
                self.low(h),
                "all"
                    | "half"
                    | "majority"
                    | "minority"
                    | "none"
                    | "percent"
                    | "each"
                    | "dozens"
            )
            || w == "%"
            || w.bytes().all(|b| b.is_ascii_digit());
        // A sentence's first word is capitalised whatever it is ("Part
        // of the industry", "Speaking at the rally"): it heads the phrase
        // only as a speaker noun.
        let opener = h == self.sentence(h).first && !self.is_speaker_noun(h);
        // "attorneys for the department", "protest organizers in
        // Cleveland": a plural noun.
        let plural = looks_plural(self.low(h))
            && !self.is_capitalised(h)
            && !self.listed(h, STOP_WORD | AUXILIARY | PRONOUN | ADVERB)
            && self.cue_at(h).is_none();
        (share || (plural && plurals) || (self.is_head(h) && !opener))
            .then_some(h)
    }

    /// The speaker noun that heads a subject whose last phrase, starting
    /// at `start`, is the object of a participle after it: "a nurse
    /// heading home from a twelve-hour shift said", "a man wearing a red
    /// cap said", "voters waiting in line told". A particle ("home",
    /// "out") and a preposition may stand between the participle and the
    /// phrase. The noun is a speaker noun right before the participle, so
    /// a noun in "-ing" inside a name or a phrase ("the committee
    /// hearing") heads nothing.
    pub(crate) fn participle_head_before(
        &self,
        start: usize,
        end: usize,
        floor: usize,
    ) -> Option<usize> {
        // The participle takes a phrase: in "the court ruling said" it is
        // a noun, and the subject's last word.
        if start >= end {
            return None;
        }
        let mut p = start.checked_sub(1)?;
        if p > floor && self.is_object_preposition(p) {
            p -= 1;
            if p > floor && is_particle(self.low(p)) {
                p -= 1;
            }
        }
        let h = p.checked_sub(1)?;
        let w = self.low(p);
        let participle = w.len() > 5
            && w.ends_with("ing")
            && self.is_word(p)
            && !self.is_capitalised(p)
            && !self.in_quote[p]
            && !self.listed(p, STOP_WORD | AUXILIARY | ADVERB | SPEAKER_NOUN)
            && self.cue_at(p).is_none()
            && !matches!(
                w,
                "according" | "including" | "during" | "regarding"
            );
        (h >= floor
            && participle
            && !self.in_quote[h]
            && self.is_speaker_noun(h)
            && !self.listed(h, QUANTIFIER))
        .then_some(h)
    }

    /// A quotation's tag speaker that runs from `k` to its cue at `end`
    /// over a place or body after its head ("“…,” a council leader in the
    /// north said", "an official in the region"), where the place's last
    /// word is no head of its own for [`Self::speaker_before`] to start
    /// from: the phrase read forward from `k` ends at a head before a
    /// joining preposition, and the rest up to the cue is words, with no
    /// cue, time or venue ("a spokesman in a statement said" is not one).
    pub(crate) fn placed_speaker(
        &self,
        k: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        let (s, e) = self.speaker_after(k, end)?;
        let placed = s == k
            && e + 1 < end
            && self.is_head(e - 1)
            && is_joining_preposition(self.word(e))
            && (e + 1..end).all(|j| {
                (self.is_word(j) || self.word(j) == "-")
                    && !self.in_quote[j]
                    && self.cue_at(j).is_none()
            })
            && !is_time_phrase(self.low(end - 1))
            && !super::reported::is_venue(self.low(end - 1));
        placed.then_some((k, end))
    }

    /// Where a name ends that a speaker phrase cut at "and" ("the
    /// Centers for Disease Control | and Prevention"): after up to four
    /// more words, "and" or "&" then capitalised ones, when a comma, a
    /// stop or `limit` follows; `end` itself otherwise.
    pub(crate) fn name_rest(&self, end: usize, limit: usize) -> usize {
        if end >= limit || !matches!(self.word(end), "and" | "&") {
            return end;
        }
        let last = (end + 1..(end + 5).min(limit))
            .take_while(|&j| {
                self.is_capitalised(j)
                    && !self.in_quote[j]
                    && self.cue_at(j).is_none()
                    && !self.is_pronoun(j)
                    && !self.is_determiner(j)
            })
            .last();
        match last {
            Some(j)
                if j + 1 == limit || matches!(self.word(j + 1), "," | ".") =>
            {
                j + 1
            }
            _ => end,
        }
    }

    /// True when tokens `a..b` hold a name joined by "of" or "for"
    /// ("Department of Health").
    fn has_name_of(&self, a: usize, b: usize) -> bool {
        (a + 1..b.saturating_sub(1)).any(|j| {
            matches!(self.word(j), "of" | "for")
                && self.is_capitalised(j - 1)
                && self.is_capitalised(j + 1)
        })
    }

    /// True when token `i` is the dot of a capitalised abbreviation or
    /// an initial inside a name ("Dr. Ben Carson", "James A. Lewis").
    pub(crate) fn is_name_dot(&self, i: usize) -> bool {
        i > 0
            && self.word(i) == "."
            && self.is_capitalised(i - 1)
            && (self.listed(i - 1, ABBREVIATION) || self.is_initial(i - 1))
    }

    /// True when token `i` is an initial: one capital letter and a dot
    /// after it, with a capitalised word before ("James A. Lewis") or,
    /// opening a name, a name after ("J. Gerald Hebert").
    fn is_initial(&self, i: usize) -> bool {
        let w = self.word(i);
        let name_after = i + 2 < self.len()
            && self.is_capitalised(i + 2)
            && !self
                .listed(i + 2, NOT_NAME | STOP_WORD | DETERMINER | PRONOUN);
        w.len() == 1
            && w.bytes().all(|b| b.is_ascii_uppercase())
            && self.word(i + 1) == "."
            && ((i > 0 && self.is_capitalised(i - 1)) || name_after)
    }

    /// True when token `i` can head a speaker phrase.
    fn is_head(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let name = self.is_capitalised(i)
            && !self.listed(i, NOT_NAME | DETERMINER | STOP_WORD)
            && self.cue_at(i).is_none();
        name || self.is_speaker_noun(i)
    }

    fn extends_back(&self, j: usize) -> Extend {
        let low = self.low(j);
        let w = self.word(j);
        if self.seg.tokens[j].kind == TokenKind::Quote || self.in_quote[j] {
            return Extend::No;
        }
        if w == "." {
            let abbr = j > 0
                && (self.listed(j - 1, ABBREVIATION)
                    || self.is_initial(j - 1));
            return if abbr { Extend::Yes } else { Extend::No };
        }
        // "The United States' climate envoy": a plural's possessive mark,
        // set right after its word.
        if matches!(w, "'" | "’")
            && j > 0
            && self.seg.tokens[j - 1].span.end()
                == self.seg.tokens[j].span.start()
            && self.word(j - 1).ends_with(['s', 'S'])
            && self.is_word(j - 1)
        {
            return Extend::Yes;
        }
        // "a National Security Council (NSC) spokesperson": an acronym
        // in parentheses after a capitalised word is part of the name.
        if matches!(w, "(" | ")") && self.parenthesised_acronym(j) {
            return Extend::Yes;
        }
        // "Brandt & Holm": an ampersand between capitalised words joins
        // one name.
        if w == "&" {
            let joins = j > 0
                && self.is_capitalised(j - 1)
                && self.is_capitalised(j + 1);
            return if joins { Extend::Yes } else { Extend::No };
        }
        if !self.is_word(j) {
            return Extend::No;
        }
        if self.is_initial(j) {
            return Extend::Yes;
        }
        if self.listed(j, DETERMINER) {
            // "the two leaders": a number after an article goes on to it.
            let counted = j > 0
                && is_counting(low)
                && matches!(self.low(j - 1), "the" | "these" | "those");
            return if counted { Extend::Yes } else { Extend::Last };
        }
        // "A WHO spokesperson", "the US ambassador": an acronym that
        // spells a pronoun is a name.
        let capitals =
            w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase());
        if capitals && matches!(low, "who" | "us" | "it") {
            return Extend::Yes;
        }
        // "state health officials", "state lawmakers": "state" before a
        // noun is what they serve, not the verb ("to state", "will state"
        // have their word before them, which stops the phrase anyway).
        let modifier = low == "state"
            && self.is_word(j + 1)
            && !self.is_capitalised(j + 1)
            && self.cue_at(j + 1).is_none();
        // "candidates like Marco Rubio said": the example is the speaker.
        let blocked = self
            .listed(j, STOP_WORD | AUXILIARY | PRONOUN | NOT_NAME)
            || (low.ends_with("ly") && !self.is_name_in_ly(j))
            || low == "like"
            || (self.cue_at(j).is_some() && !modifier);
        let conjoined_pronoun = j > 0
            && matches!(low, "he" | "she" | "they" | "we")
            && self.low(j + 1) == "and";
        if conjoined_pronoun {
            return Extend::Last;
        }
        if blocked && !matches!(low, "of" | "and" | "for") {
            return Extend::No;
        }
        Extend::Yes
    }

    /// True when token `j`, a capitalised word ending in "ly", is a name
    /// rather than an adverb: a known given name ("Carly Fiorina: …",
    /// "Kelly Ayotte said"), or a capital inside a sentence outside a
    /// headline in title case ("Reportedly" may open a sentence), not
    /// set all in capitals ("DEADLY BLAST").
    fn is_name_in_ly(&self, j: usize) -> bool {
        let w = self.word(j);
        self.is_capitalised(j)
            && w.chars().any(char::is_lowercase)
            && (crate::resolve::names::given_name(w).is_some()
                || (self.sentence(j).first != j && !self.title_case[j]))
    }

    /// True when token `j`, a parenthesis, opens or closes "(NSC)": two
    /// to six capital letters alone in parentheses, right after a
    /// capitalised word ("Council (NSC)").
    fn parenthesised_acronym(&self, j: usize) -> bool {
        let open = if self.word(j) == "(" { j } else { j.saturating_sub(2) };
        let acronym = self.word(open + 1);
        open > 0
            && self.word(open) == "("
            && self.word(open + 2) == ")"
            && (2..=6).contains(&acronym.len())
            && acronym.bytes().all(|b| b.is_ascii_uppercase())
            && self.is_capitalised(open - 1)
    }

    /// The subject that opens sentence `s`, when a name or speaker noun
    /// heads it and a word other than a cue follows it: the speaker of a
    /// participle cue later in the sentence ("The coalition condemned …,
    /// calling for …").
    pub fn subject(
        &self,
        s: Sentence,
        before: usize,
    ) -> Option<(usize, usize)> {
        // "During talks in Mexico City, President López Obrador shifted
        // blame …, stating …": the subject may follow an opening phrase.
        let opening = (s.first..before.min(s.first + 15))
            .find(|&j| self.word(j) == ",")
            .map(|comma| comma + 1);
        // "Despite quick retrieval of the Americans, hopes were dashed
        // …": a sentence that opens with a preposition or a subordinating
        // conjunction has its subject after the opening phrase.
        let subordinate = self.is_preposition(s.first)
            || OPENING_CONJUNCTION.contains(&self.low(s.first))
            || self.opens_with_modifier(s);
        let first = (!subordinate).then_some(s.first);
        [first, opening].into_iter().flatten().find_map(|start| {
            let sp = self.speaker_after(start, before)?;
            let mut next = self.skip_auxiliaries(sp.1, before);
            // "The president, Bernardo Arévalo, nodded and added …": past
            // an appositive to the verb.
            // Not after an adjective ("The Queens-born, Manhattan-made
            // Mr. Trump"), nor after one word when a name follows it: that
            // is the subject ("Together, Mr. Clarke and Mr. Van Voorhis
            // sketched …").
            let one_word = sp.1 - sp.0 == 1 && self.is_capitalised(next + 1);
            // "Queens-born" is an adjective; "Vehrmann-Lys" a name.
            let compound = self
                .word(sp.1 - 1)
                .split('-')
                .skip(1)
                .any(|part| part.starts_with(char::is_lowercase));
            if next < before
                && self.word(next) == ","
                && !compound
                && !one_word
                && let Some(k) =
                    self.skip_appositive(next, before, &|k| self.is_word(k))
            {
                next = self.skip_auxiliaries(k, before);
            }
            let fits = next < before
                && self.is_word(next)
                && !self.any_used(sp.0, sp.1);
            fits.then_some(sp)
        })
    }

    /// True when sentence `s` opens with a word that qualifies the clause
    /// after it, not its subject: an adverb or a participle before a
    /// comma or a preposition ("Chastened by the analyses, …",
    /// "Speaking at a rally, …",
    /// "Shortly after the merger, …", "Disillusioned, …"), or "Even as
    /// …". A name spelt so ("Kelly, the host, …", "Husted, …") is
    /// written with its capital inside a sentence somewhere in the text.
    fn opens_with_modifier(&self, s: Sentence) -> bool {
        let i = s.first;
        if i + 1 >= s.end {
            return false;
        }
        let low = self.low(i);
        let next = self.low(i + 1);
        if low == "even" {
            return matches!(next, "as" | "if" | "though" | "when" | "so");
        }
        let shaped = low.len() > 4
            && (low.ends_with("ly")
                || low.ends_with("ed")
                || low.ends_with("ing"))
            && (next == "," || self.is_preposition(i + 1));
        let word = self.word(i);
        shaped
            && crate::resolve::names::given_name(word).is_none()
            && !self.capitalised_inside_a_sentence(word)
    }

    /// True when `word` is written, capitalised, somewhere inside a
    /// sentence of the text, not at its start.
    fn capitalised_inside_a_sentence(&self, word: &str) -> bool {
        self.inner_capitals
            .get_or_init(|| {
                (0..self.len())
                    .filter(|&j| {
                        self.is_capitalised(j)
                            && self.seg.sentences[self.sentence_of[j]].first
                                != j
                    })
                    .map(|j| self.word(j))
                    .collect()
            })
            .contains(word)
    }

    /// True when token `j` opens a question put to the speaker or the
    /// place the speaker spoke in, which an appositive may be and hold a
    /// cue ("A State Department spokesperson, asked about the reports at
    /// a briefing, said"; "The mayor, when pressed, said"; "Trump,
    /// appearing on Fox News, said").
    fn opens_question_or_setting(&self, j: usize) -> bool {
        let asked = |j: usize| {
            matches!(self.low(j), "asked" | "pressed" | "questioned")
        };
        let setting = matches!(
            self.low(j),
            "appearing" | "speaking" | "testifying" | "talking" | "writing"
        ) && matches!(
            self.low(j + 1),
            "on" | "in" | "at" | "before" | "to"
        );
        asked(j) || setting || (self.low(j) == "when" && asked(j + 1))
    }

    /// Steps over an appositive that starts at the comma `comma`
    /// ("Watson, a spokesperson for the NSC, said"; "Pruitt, the
    /// attorney general of Oklahoma, one of the states in the case, said"):
    /// returns the token after the first closing comma that `ends` accepts,
    /// within 25 tokens, with no quotation mark or cue inside (a cue's
    /// word after a determiner is a noun there).
    pub fn skip_appositive(
        &self,
        comma: usize,
        limit: usize,
        ends: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        if self.word(comma) != "," {
            return None;
        }
        // A relative clause ("Cruz, who has proposed repealing the
        // mandate, said") may hold a verb of its own that is a cue.
        let relative = matches!(self.low(comma + 1), "who" | "whose")
            || self.opens_question_or_setting(comma + 1);
        for j in comma + 1..(comma + 26).min(limit) {
            // A cue's word after a determiner is a noun ("the states").
            // So is one in its bare form that needs a complement ("the
            // Indiana state firefighters union").
            let cue =
                self.cue_at(j).is_some_and(|c| !self.is_bare_noun(j, &c))
                    && !self.is_determiner(j - 1)
                    && !relative;
            if self.seg.tokens[j].kind == TokenKind::Quote || cue {
                return None;
            }
            if self.word(j) == "," && j > comma + 1 && ends(j + 1) {
                return Some(j + 1);
            }
        }
        None
    }

    /// The tokens a byte span covers.
    pub fn tokens_of(&self, span: Span) -> (usize, usize) {
        let toks = &self.seg.tokens;
        let a = toks.partition_point(|t| t.span.start() < span.start());
        let b = toks.partition_point(|t| t.span.end() <= span.end());
        (a, b.max(a))
    }

    /// For each token, whether one of `found`, the document's
    /// attributions so far, took it as (part of) its speaker; an
    /// "according to" source does not count. The marks are kept between
    /// calls and only the attributions added since the last call are
    /// read, so asking once per cue stays linear in the attributions.
    pub(crate) fn speaker_tokens(&self, found: &[Found]) -> Ref<'_, [bool]> {
        {
            let mut seen = self.speakers.borrow_mut();
            if seen.tokens.len() != self.len() || seen.read > found.len() {
                *seen = Speakers { read: 0, tokens: vec![false; self.len()] };
            }
            let read = seen.read;
            for f in &found[read..] {
                if f.rule.starts_with("according-to/") {
                    continue;
                }
                if let Some(sp) = f.speaker {
                    let (a, b) = self.tokens_of(sp);
                    seen.tokens[a..b].fill(true);
                }
            }
            seen.read = found.len();
        }
        Ref::map(self.speakers.borrow(), |s| &s.tokens[..])
    }

    /// The conjuncts of a coordinated speaker phrase ("US officials and
    /// international experts"), when every conjunct has a head of its
    /// own; otherwise the phrase alone.
    pub fn conjuncts(&self, (a, b): (usize, usize)) -> Vec<(usize, usize)> {
        let mut parts = Vec::new();
        let mut start = a;
        for j in a..b {
            if self.low(j) == "and"
                || (self.word(j) == ","
                    && !matches!(self.low(j + 1), "who" | "which"))
            {
                parts.push((start, j));
                start = j + 1;
            }
        }
        parts.push((start, b));
        parts.retain(|&(s, e)| s < e);
        // "the Centers for Disease Control and Prevention", "the
        // Department of Health and Human Services": after a name joined
        // by "of" or "for", a word or two capitalised after "and" end
        // the same name.
        let capitalised = |from: usize, to: usize| {
            (from..to)
                .all(|j| self.is_capitalised(j) && !self.listed(j, DETERMINER))
        };
        // "the Department for Culture, Media and Sport": so does a list
        // of such words closed by "and".
        if let [(s1, e1), rest @ ..] = &parts[..]
            && rest.len() >= 2
            && (self.has_name_of(*s1, *e1) || self.ends_in_place(*s1, *e1))
            && rest.iter().all(|&(s, e)| e - s <= 2 && capitalised(s, e))
            && rest.last().is_some_and(|&(s, _)| self.low(s - 1) == "and")
        {
            return vec![(a, b)];
        }
        let mut k = 1;
        while k < parts.len() {
            let (s1, e1) = parts[k - 1];
            let (s2, e2) = parts[k];
            let name_of = self.has_name_of(s1, e1);
            // Two words may be a person's name: "the University of
            // Zurich and Gordon Hanson" are two.
            let ends_it = self.low(e1) == "and"
                && e2 - s2 <= 2
                && capitalised(s2, e2)
                && (e2 - s2 == 1
                    || crate::resolve::mentions::ends_name_after_and(
                        self.word(e1 - 1),
                        &[self.word(s2), self.word(s2 + 1)],
                    ));
            if name_of && ends_it {
                parts[k - 1] = (s1, e2);
                parts.remove(k);
            } else {
                k += 1;
            }
        }
        // "the Food and Drug Administration", "the Bill and Melinda Gates
        // Foundation": one determiner before two capitalised runs joined
        // by "and", the second ending in a body's head word, is one name.
        if let [(s1, e1), (s2, e2)] = parts[..] {
            // "the Harbour and Dock Workers' Union": a plural's owner
            // mark is part of the name, no word of it.
            let owner = |j: usize| j > s2 && self.is_plural_owner_mark(j);
            let marks = (s2..e2).filter(|&j| owner(j)).count();
            // The article may stand after a role and its preposition:
            // "Officials at the U.S. Food and Drug Administration".
            // The words before "and" are no name of their own ("the FBI
            // and Justice Department", "the Urban Institute and Brookings
            // Institution" are two).
            let the = (s1..e1).rev().find(|&j| self.low(j) == "the");
            let own_name =
                crate::resolve::words::is_body_head(self.word(e1 - 1))
                    || crate::resolve::mentions::is_acronym(self.word(e1 - 1));
            let one_name = self.low(e1) == "and"
                && !own_name
                && the.is_some_and(|t| {
                    (2..=3).contains(&(e1 - t)) && capitalised(t + 1, e1)
                })
                && (1..=3).contains(&(e2 - s2 - marks))
                && (s2..e2).all(|j| owner(j) || capitalised(j, j + 1))
                && crate::resolve::words::is_body_head(self.word(e2 - 1));
            // "Officials in Mexico and Guatemala", "the presidents of
            // Mexico and Guatemala": a second place joins the first
            // after the preposition; a person's name would be a second
            // speaker.
            let places = self.low(e1) == "and"
                && self.ends_in_place(s1, e1)
                && !self.has_name_of(s1, e1)
                && (1..=2).contains(&(e2 - s2))
                && capitalised(s2, e2)
                && crate::resolve::names::given_name(self.word(s2)).is_none()
                && !crate::resolve::names::is_title(self.word(s2));
            // "A spokeswoman for the International Federation of Red
            // Cross and Red Crescent Societies": the name after "and"
            // ends the object of the role's preposition; no one else
            // speaks.
            let for_whom = (s1 + 1..e1).any(|j| {
                matches!(self.low(j), "for" | "of")
                    && !self.is_capitalised(j - 1)
                    && self.is_speaker_noun(j - 1)
                    && self.is_capitalised(e1 - 1)
            });
            let body_after = self.low(e1) == "and"
                && (1..=4).contains(&(e2 - s2))
                && capitalised(s2, e2)
                && crate::resolve::names::given_name(self.word(s2)).is_none()
                && !crate::resolve::names::is_title(self.word(s2));
            // "David and Jeanne Heidler": a given name alone before "and"
            // shares the surname after it; the pair is one speaker, not
            // a "David" any other David could take.
            let couple = self.low(e1) == "and"
                && e1 - s1 == 1
                && crate::resolve::names::given_name(self.word(s1)).is_some()
                && (2..=3).contains(&(e2 - s2))
                && capitalised(s2, e2)
                && crate::resolve::names::given_name(self.word(s2)).is_some();
            if places || couple || (for_whom && body_after) {
                return vec![(a, b)];
            }
            // "Federal and state officials", "Democratic and Republican
            // leaders": one modifier before "and" shares the head noun of
            // the phrase after it.
            // "Current and former officials who spoke with The Post": so
            // do "current" and "former", and the head stands before a
            // restrictive clause.
            let first = self.low(s1);
            let adjective = ["al", "an", "ic", "ish", "ese"]
                .iter()
                .any(|x| first.ends_with(x))
                || matches!(
                    first,
                    "state"
                        | "local"
                        | "city"
                        | "county"
                        | "current"
                        | "former"
                );
            let head_end =
                (s2..e2).find(|&j| self.low(j) == "who").unwrap_or(e2);
            let shared_head = self.low(e1) == "and"
                && e1 == s1 + 1
                && adjective
                && (2..=3).contains(&(head_end - s2))
                && !self.is_capitalised(head_end - 1)
                && self.is_head(head_end - 1)
                && !self.listed(s2, DETERMINER);
            // "reporters and editors", "Many reporters and editors", "Her
            // directors and advisers", "Hundreds of actors and
            // scientists": a lone plural after "and" shares the first
            // plural's determiner, if any; they are one group, as
            // "Federal and state officials" is.
            let plural = |j: usize| {
                (!self.is_capitalised(j) || self.sentence(j).first == j)
                    && self.low(j).ends_with('s')
                    && self.is_speaker_noun(j)
            };
            let counted = e1 >= s1 + 3
                && self.low(s1 + 1) == "of"
                && crate::model::is_count_plural(self.low(s1));
            let shared_determiner = self.low(e1) == "and"
                && e2 == s2 + 1
                && plural(s2)
                && plural(e1 - 1)
                && (e1 == s1 + 1 || self.listed(s1, DETERMINER) || counted);
            if shared_head || shared_determiner {
                return vec![(a, b)];
            }
            // "Former prosecutor and New York City Mayor Rudy Giuliani":
            // a role without an article is no speaker of its own but
            // another title of the person named.
            let bare_role = self.low(e1) == "and"
                && (s1..e1).all(|j| !self.listed(j, DETERMINER))
                && !self.is_capitalised(e1 - 1)
                && !self.low(e1 - 1).ends_with('s')
                && self.is_head(e1 - 1)
                && self.is_capitalised(e2 - 1);
            if bare_role {
                return vec![(a, b)];
            }
            // "Customs and Border Protection said".
            let s1 = if self.low(s1) == "the" { s1 + 1 } else { s1 };
            let words: Vec<&str> = (s2..e2).map(|j| self.word(j)).collect();
            let agency = self.low(e1) == "and"
                && e1 == s1 + 1
                && capitalised(s1, e1)
                && capitalised(s2, e2)
                && crate::resolve::mentions::agency_after_and(
                    self.word(s1),
                    &words,
                );
            if one_name || agency {
                return vec![(a, b)];
            }
        }
        let all_headed = parts.iter().all(|&(s, e)| {
            (self.is_head(e - 1) || (e == s + 1 && self.is_pronoun(s)))
                && (s..e).any(|k| self.is_word(k))
        });
        if parts.len() > 1 && all_headed { parts } else { vec![(a, b)] }
    }

    /// The speaker phrase starting at `start` ("Senator Lindsey Graham",
    /// "the spokesperson", "she"), up to `limit`; returns its extent.
    pub fn speaker_after(
        &self,
        start: usize,
        limit: usize,
    ) -> Option<(usize, usize)> {
        if start >= limit || !self.is_word(start) {
            return None;
        }
        if self.is_pronoun(start)
            && !matches!(self.low(start), "that" | "which")
        {
            return Some((start, start + 1));
        }
        if let Some(source) = self.informed_source_after(start, limit) {
            return Some(source);
        }
        // "It's a strategy …", "There's …": a subject with its verb
        // joined on that names no one.
        let w = self.low(start);
        let bare = crate::resolve::mentions::without_contraction(w);
        if bare.len() < w.len()
            && matches!(bare, "it" | "there" | "that" | "here" | "what")
        {
            return None;
        }
        let mut end = start;
        let mut head = None;
        // Whether the phrase went past a joining preposition ("for")
        // to a head after it ("USA Today"): then only more of a name
        // follows, not a verb ("A reporter for USA Today spotted …").
        let mut joined = false;
        while end < limit && end - start < 10 {
            let low = self.low(end);
            if joined
                && head == Some(end - 1)
                && self.is_word(end)
                && !self.is_head(end)
                && !is_joining_preposition(self.word(end))
            {
                break;
            }
            // "Cameron criticised Trump", "Democrats supporting Mrs.
            // Clinton", "Democrats see Sanders as": a verb after a name,
            // before another name, ends the phrase at the first.
            if end > start
                && head == Some(end - 1)
                && end + 1 < limit
                && self.is_capitalised(end - 1)
                && self.is_word(end)
                && !self.is_capitalised(end)
                && self.is_capitalised(end + 1)
                && (verb_form(low)
                    || (self.low(end - 1).ends_with('s')
                        && !self.is_possessive(end - 1)
                        && !self.listed(end, STOP_WORD)
                        && !self.is_preposition(end)
                        && !is_joining_preposition(self.word(end))
                        && !self.is_speaker_noun(end)))
            {
                break;
            }
            // "Huma Abedin greeted voters, saying …", "The court gave
            // lawmakers 45 days": a past form after the head, with people
            // for its object, is the verb (a determiner after it ends the
            // phrase anyway); a participle that qualifies the head takes
            // a preposition ("officials briefed on the talks").
            if end > start
                && head == Some(end - 1)
                && end + 1 < limit
                && ((low.ends_with("ed") && low.len() > 4)
                    || IRREGULAR_PAST.contains(&low))
                && !self.is_capitalised(end)
                && self.is_speaker_noun(end + 1)
            {
                break;
            }
            let fits = if self.word(end) == "." {
                end > start
                    && (self.listed(end - 1, ABBREVIATION)
                        || self.is_initial(end - 1))
            } else if self.word(end) == "(" && head == Some(end - 1) {
                // "Rep. Gwen Moore (D-Wis.)": the parenthesis goes with the
                // name.
                match (end..(end + 8).min(limit))
                    .find(|&j| self.word(j) == ")")
                {
                    Some(close) => {
                        end = close + 1;
                        head = Some(close);
                        continue;
                    }
                    None => false,
                }
            } else if self.is_initial(end) {
                // "James A. Baker": not the article "a".
                true
            } else if self.is_plural_owner_mark(end) {
                // "the Deccan Chemists' Welfare Association": the name
                // goes on.
                head == Some(end - 1)
            } else if self.listed(end, DETERMINER) {
                end == start
                    || joins_forward(self.word(end - 1))
                    || (end == start + 1
                        && self.listed(start, DETERMINER)
                        && is_counting(low))
            } else {
                // "a spokeswoman for the ministry", "analysts at Barclays":
                // a preposition right after a head goes on to the next.
                let joining = end > start
                    && head == Some(end - 1)
                    && joins_forward(self.word(end));
                joined |= joining;
                self.is_word(end)
                    && (low != "of" || end > start)
                    && (!self.listed(end, STOP_WORD) || low == "of" || joining)
                    && !self.listed(end, AUXILIARY)
                    && self.cue_at(end).is_none()
                    && !self.in_quote[end]
            };
            if !fits {
                break;
            }
            if self.is_head(end) && !is_time_phrase(low) {
                head = Some(end);
            }
            if self.word(end) == "."
                && head == Some(end - 1)
                && NAME_SUFFIXES.contains(&self.word(end - 1))
            {
                head = Some(end);
            }
            end += 1;
        }
        // "a spokesman for the Department of Health and Human Services".
        head.map(|h| {
            let end = if self.has_name_of(start, h + 1) {
                self.name_rest(h + 1, limit)
            } else {
                h + 1
            };
            (start, end)
        })
    }
}

/// Past forms of common verbs that take a person for their object and
/// are no noun or adjective, which the test for "-ed" in
/// [`Context::speaker_after`] misses.
const IRREGULAR_PAST: &[&str] = &[
    "bought", "brought", "caught", "gave", "kept", "led", "met", "paid",
    "sent", "sold", "taught", "took", "won",
];

/// True for a word shaped as a verb's past or "-ing" form, which no
/// name's title is ("criticised", "supporting"; not "ranking").
fn verb_form(low: &str) -> bool {
    (low.ends_with("ed") || low.ends_with("ing"))
        && low.len() > 4
        && !matches!(low, "ranking" | "acting" | "presiding" | "governing")
}

/// Determiners that count, and may follow an article: "the two
/// leaders", "the many critics", "the other officials".
fn is_counting(low: &str) -> bool {
    matches!(
        low,
        "two"
            | "three"
            | "four"
            | "five"
            | "few"
            | "many"
            | "several"
            | "other"
    )
}

enum Extend {
    Yes,
    Last,
    No,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn a_quotations_closing_mark_is_no_owners_mark() {
        let text = "Ann Lee said ‘we want more jobs’ on Friday. The \
                    workers’ union agreed, and ‘nobody asked the Teamsters’.";
        let seg = segment(text);
        let cx = Context::new(text, &seg);
        let marks: Vec<&str> = (0..cx.len())
            .filter(|&i| cx.is_plural_owner_mark(i))
            .map(|i| &text[..seg.tokens[i].span.start()])
            .map(|before| before.rsplit(' ').next().unwrap_or(""))
            .collect();
        assert_eq!(marks, ["workers"], "{:?}", seg.tokens);
    }

    #[test]
    fn a_contracted_verb_is_no_possessive() {
        for w in ["he's", "it’s", "they're", "we’ve", "i'm", "she'd"] {
            assert!(is_contracted_verb(w), "{w}");
        }
        for w in ["trump's", "the", "nation’s", "'re"] {
            assert!(!is_contracted_verb(w), "{w}");
        }
    }

    #[test]
    fn tables_are_sorted_and_unique() {
        for table in [
            PRONOUNS,
            DETERMINERS,
            STOP_WORDS,
            AUXILIARIES,
            NOT_NAMES,
            NAME_ABBREVIATIONS,
            NAME_SUFFIXES,
            STANDALONE_QUANTIFIERS,
        ] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
        }
        assert!(NAME_SUFFIXES.iter().all(|w| NAME_ABBREVIATIONS.contains(w)));
    }

    #[test]
    fn speaker_marks_follow_the_attributions_as_they_come() {
        let text = "Ana Ruiz said it. Bo Li said so, according to Cy Tam.";
        let seg = segment(text);
        let cx = Context::new(text, &seg);
        let at = |w: &str| (0..cx.len()).find(|&i| cx.word(i) == w).unwrap();
        let found = |who: &str, rule: &'static str| {
            let (a, b) = (at(who), at(who) + 2);
            Found {
                speaker: Some(cx.span(a, b)),
                cue: None,
                class: crate::model::CueClass::Said,
                content: vec![cx.span(b, b + 1)],
                rule,
            }
        };
        let mut out = vec![found("Ana", "reported/speaker-before")];
        assert!(cx.speaker_tokens(&out)[at("Ruiz")]);
        assert!(!cx.speaker_tokens(&out)[at("Li")]);
        out.push(found("Bo", "reported/speaker-before"));
        out.push(found("Cy", "according-to/after-content"));
        let marks = cx.speaker_tokens(&out);
        assert!(marks[at("Bo")] && marks[at("Li")] && marks[at("Ana")]);
        assert!(!marks[at("Cy")], "an according-to source is no speaker");
        assert!(!marks[at("said")]);
    }

    #[test]
    fn will_and_may_are_names_only_where_a_name_can_be() {
        let names = |text: &str| {
            let seg = segment(text);
            let lower = lower_forms(text, &seg);
            let (lists, entries) = token_facts(text, &seg, &lower);
            let facts = (&lists[..], &entries[..]);
            names_like_modals(
                text,
                &seg,
                &lower,
                facts,
                &title_case(text, &seg),
            )
            .len()
        };
        assert_eq!(names("The plan works, said Will Doyle."), 1);
        assert_eq!(names("Rep. Will Hurd said so."), 1);
        assert_eq!(names("Will Trump win the nomination?"), 0);
        assert_eq!(names("Will Voters Decide This Race In Ohio\n\nNo."), 0);
        assert_eq!(names("He wrote that Trump Will Win."), 0);
        assert_eq!(names("Prime Minister Theresa May said so."), 1);
        assert_eq!(names("May said the vote would be held."), 1);
        assert_eq!(names("May say what they like."), 0);
        assert_eq!(names("Since May, the party has grown."), 0);
        assert_eq!(names("This May, the party grew."), 0);
        assert_eq!(names("Last May, the party grew."), 0);
        assert_eq!(names("Early May brought rain."), 0);
        assert_eq!(names("The Post May 5 story said so."), 0);
        assert_eq!(names("A headline, Clinton May Lose, ran."), 0);
    }

    fn before(text: &str, cue: &str) -> Option<String> {
        let seg = segment(text);
        let cx = Context::new(text, &seg);
        let i = (0..cx.len()).find(|&i| cx.word(i) == cue)?;
        let end = cx.skip_auxiliaries_back(i, 0);
        let (s, e) = cx.speaker_before(end, 0)?;
        Some(cx.span(s, e).text(text).to_string())
    }

    #[test]
    fn speaker_phrases_before_cues() {
        let cases = [
            (
                "DEA Administrator Anne Milgram told Congress",
                "told",
                "DEA Administrator Anne Milgram",
            ),
            (
                "US officials and international experts say so",
                "say",
                "US officials and international experts",
            ),
            ("Then he said it", "said", "he"),
            (
                "López Obrador, a left-wing populist, announced it",
                "announced",
                "López Obrador",
            ),
            (
                "the president of Mexico has repeatedly denied it",
                "denied",
                "the president of Mexico",
            ),
            ("Mr. Trump said it", "said", "Mr. Trump"),
            // A phrase with no head of its own after a preposition
            // completes the speaker noun before it, over a share.
            (
                "A spokesman for the ministry said it",
                "said",
                "A spokesman for the ministry",
            ),
            (
                "A nurse at the cardiac unit, who asked not to be named, \
                 said it",
                "said",
                "A nurse at the cardiac unit",
            ),
            (
                "A teacher at one of the trust's schools said it",
                "said",
                "A teacher at one of the trust's schools",
            ),
            (
                "Lindsey Graham, who called on them",
                "called",
                "Lindsey Graham, who",
            ),
            // No name or speaker noun before the appositive: the name in
            // it speaks.
            ("The club's keeper, Luis Ortega, said it", "said", "Luis Ortega"),
            (
                "The finance minister, Lou Jiwei, said it",
                "said",
                "The finance minister",
            ),
            // The phrase before the comma ends a longer subject: the name
            // in the appositive speaks. Not an object of a preposition.
            (
                "The union representing the nurses, the State Nurses \
                 Association, said it",
                "said",
                "the State Nurses Association",
            ),
            (
                "He listened to the nominee, Gov. Mike Pence, speak",
                "speak",
                "the nominee",
            ),
        ];
        for (text, cue, want) in cases {
            assert_eq!(before(text, cue).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_participles_object_belongs_to_the_noun_before_the_participle() {
        let cases = [
            (
                "Then a nurse heading home from a night shift said it",
                "said",
                Some("a nurse heading home from a night shift"),
            ),
            (
                "A man wearing a red cap said it",
                "said",
                Some("A man wearing a red cap"),
            ),
            // No speaker noun before the participle: no phrase of its.
            ("Then a road leading to the town said it", "said", None),
        ];
        for (text, cue, want) in cases {
            assert_eq!(before(text, cue).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_speaker_phrase_runs_back_over_a_preposition_to_its_head() {
        let cases = [
            (
                "A spokeswoman for the Defense Ministry said it",
                "said",
                "A spokeswoman for the Defense Ministry",
            ),
            (
                "Then most of the candidates said so",
                "said",
                "most of the candidates",
            ),
            ("Analysts at Barclays said it", "said", "Analysts at Barclays"),
            (
                "Yet attorneys for the department said it",
                "said",
                "attorneys for the department",
            ),
            (
                "The Holocaust Museum in Washington said it",
                "said",
                "The Holocaust Museum in Washington",
            ),
            (
                "Democrats on the committee said it",
                "said",
                "Democrats on the committee",
            ),
            (
                "The Commission on Presidential Debates said it",
                "said",
                "The Commission on Presidential Debates",
            ),
            ("Clinton on Monday said it", "said", "Clinton"),
            // An outlet or a platform after "on" is where it was said.
            ("Trump on Twitter said it", "said", "Trump"),
            ("Then Obama on CNN said it", "said", "Obama"),
            ("The two men said it", "said", "The two men"),
            // A sentence's first word that is no speaker noun, and where
            // the words were said, are no part of the speaker.
            ("Part of the Senate said it", "said", "the Senate"),
            ("Smith in a new report said it", "said", "a new report"),
        ];
        for (text, cue, want) in cases {
            assert_eq!(before(text, cue).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn an_appositive_of_one_word_or_in_lower_case_is_no_speaker() {
        assert_eq!(before("The club's keeper, Ortega, said it", "said"), None);
        assert_eq!(
            before("The club's keeper, a veteran, said it", "said"),
            None
        );
    }

    #[test]
    fn no_speaker_without_a_head() {
        assert_eq!(before("the idea said nothing", "said"), None);
        assert_eq!(before("Then said nothing", "said"), None);
        // A share, or a phrase that ends in a conjunction, completes no
        // speaker noun before a preposition.
        assert_eq!(before("They took many of the same said it", "said"), None);
        assert_eq!(
            before("Praising nurses in his hospitals and said it", "said"),
            None
        );
    }

    #[test]
    fn an_unnamed_source_keeps_what_says_how_it_knows() {
        let cases = [
            (
                "A person familiar with the company's plans said it",
                "A person familiar with the company's plans",
            ),
            (
                "But three people briefed on the talks said it",
                "three people briefed on the talks",
            ),
            (
                "Officials with direct knowledge of the deal said it",
                "Officials with direct knowledge of the deal",
            ),
            (
                "A source close to the campaign, who asked not to be named, \
                 said it",
                "A source close to the campaign",
            ),
            // Not a source's knowledge: the appositive stays out.
            ("The senator, close to tears, said it", "The senator"),
        ];
        for (text, want) in cases {
            assert_eq!(before(text, "said").as_deref(), Some(want), "{text}");
        }
        // Nobody before the phrase: no speaker.
        assert_eq!(
            before("The vote, close to midnight, said it", "said"),
            None
        );
    }

    #[test]
    fn a_participle_and_a_party_label_go_with_the_speaker() {
        for (text, want) in [
            ("A spokesman, requesting anonymity, said it", "A spokesman"),
            ("Durbin, noting the size of the crowd, said it", "Durbin"),
            (
                "Rep. Elijah Cummings (D-Md.), chair of the panel, said it",
                "Rep. Elijah Cummings (D-Md.)",
            ),
            (
                "The union representing the nurses, Sterling Nurses \
                 Association, said it",
                "Sterling Nurses \
                 Association",
            ),
        ] {
            assert_eq!(before(text, "said").as_deref(), Some(want), "{text}");
        }
        // A parenthesis earlier in the clause is no label of the phrase.
        let text = "Ana Ruiz (D) backed the plan, a veteran, said it";
        assert_eq!(before(text, "said"), None);
    }

    #[test]
    fn a_determined_object_ends_a_relative_clause_in_the_speaker() {
        let text = "Three people who have seen the document said it";
        assert_eq!(before(text, "said").as_deref(), Some(&text[..39]));
        let text = "Supporters who heard from the Rubio campaign said it";
        assert_eq!(before(text, "said").as_deref(), Some(&text[..44]));
        // After a conjunction it is the subject of the cue.
        assert_eq!(
            before("Voters who cheered when the senator said it", "said")
                .as_deref(),
            Some("the senator")
        );
        // With no determiner, the noun may be the subject.
        let got = before("The voters who heard senators said it", "said");
        assert!(got.is_some_and(|s| !s.starts_with("The voters")));
    }

    #[test]
    fn an_acronym_that_spells_a_pronoun_is_part_of_the_speaker() {
        assert_eq!(
            before("A WHO spokesperson said it", "said").as_deref(),
            Some("A WHO spokesperson")
        );
        assert_eq!(
            before("The US ambassador said it", "said").as_deref(),
            Some("The US ambassador")
        );
        // In lower case it is the pronoun it spells.
        assert_eq!(
            before("Jones, who said it", "said").as_deref(),
            Some("Jones, who")
        );
    }

    #[test]
    fn an_unnamed_source_after_a_cue_runs_to_its_clause_end() {
        for (text, want) in [
            (
                "said one person with knowledge of the governor's plans.",
                "one person with knowledge of the governor's plans",
            ),
            (
                "said a person close to the Clintons, who declined",
                "a person close to the Clintons",
            ),
            ("said Senator Jane Doe, close to tears.", "Senator Jane Doe"),
        ] {
            let seg = segment(text);
            let cx = Context::new(text, &seg);
            let (s, e) = cx.speaker_after(1, cx.len()).unwrap();
            assert_eq!(cx.span(s, e).text(text), want, "{text}");
        }
    }

    #[test]
    fn speaker_phrase_after_a_cue() {
        let text = "said Senator Lindsey Graham, R-S.C.";
        let seg = segment(text);
        let cx = Context::new(text, &seg);
        let (s, e) = cx.speaker_after(1, cx.len()).unwrap();
        assert_eq!(cx.span(s, e).text(text), "Senator Lindsey Graham");
    }

    #[test]
    fn a_speaker_phrase_after_a_cue_runs_over_a_preposition() {
        let after = |text: &str| {
            let seg = segment(text);
            let cx = Context::new(text, &seg);
            let (s, e) = cx.speaker_after(1, cx.len()).unwrap();
            cx.span(s, e).text(text).to_string()
        };
        assert_eq!(
            after("said a spokeswoman for the Defense Ministry."),
            "a spokeswoman for the Defense Ministry"
        );
        // Not past a verb after the name, nor into where it was said.
        assert_eq!(
            after("said analysts at Barclays reported the rise."),
            "analysts at Barclays"
        );
        assert_eq!(after("said Paul Ryan in a statement."), "Paul Ryan");
    }
}
