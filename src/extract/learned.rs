//! Cues no word list holds, found by a model trained on annotated news.
//!
//! After every rule has run, each word still free ("is seeking", "backed",
//! "praised") is tried as a cue with the reported-speech rules' own
//! speaker and content finding. That gives a candidate attribution; a
//! linear model scores it from the word, its neighbours and the shape of
//! what was found (a name or a pronoun before it, where the content
//! starts and ends), and the candidate is kept when the score is above
//! the model's threshold. The rule id is `learned/cue`.
//!
//! The weights are a logistic regression's (L2-regularised, fitted by
//! L-BFGS), learned by
//! `claimgraph train-cues` from an annotated corpus in the bench's format
//! (PolNeAR's train split for the shipped `data/cue_model.tsv`): a
//! candidate is a positive example when its content matches a gold
//! attribution no rule found, by the bench's content criterion. The file
//! is embedded at compile time; nothing is fetched at run time.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::extract::context::{Context, CueMatch, is_time_phrase};
use crate::extract::lexicon::{Cue, Lexicon};
use crate::extract::{Found, RuleInfo, reported};
use crate::model::{CueClass, Span};

const MODEL: &str = include_str!("../../data/cue_model.tsv");

/// A string literal as a [`Part`], hashed at compile time.
macro_rules! lit {
    ($text:literal) => {
        const { Part::new($text) }
    };
}

/// The rule this module adds, with an example it must handle.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "learned/cue",
        example: "Smith likened the plan to a slow leak.",
        speaker: "Smith",
        content: "the plan to a slow leak",
    },
    RuleInfo {
        id: "learned/cue",
        example: "Twenty percent indicated they would not vote.",
        speaker: "Twenty percent",
        content: "they would not vote",
    },
];

/// The rule id of learned attributions.
pub const RULE: &str = "learned/cue";

/// Entries standing in for a lexicon cue: a finite verb and an "-ing"
/// form. Learned cues report a belief, intention or evaluation as often
/// as speech, so their class is the broadest one.
static FINITE: Cue = Cue {
    lemma: String::new(),
    class: CueClass::Believed,
    needs_complement: false,
    particle: None,
    participle: false,
};
static PARTICIPLE: Cue = Cue {
    lemma: String::new(),
    class: CueClass::Believed,
    needs_complement: false,
    particle: None,
    participle: true,
};

/// Function words that are never tried as cues.
#[rustfmt::skip]
const NEVER: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as",
    "at", "be", "been", "being", "but", "by", "can", "could", "did", "do",
    "does", "for", "from", "had", "has", "have", "he", "her", "his", "i",
    "if", "in", "into", "is", "it", "its", "may", "might", "more", "most",
    "much", "must", "my", "no", "not", "of", "on", "or", "our", "shall",
    "she", "should", "so", "some", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "to", "very", "was",
    "we", "were", "what", "when", "where", "which", "who", "will", "with",
    "would", "you",
];

/// The model set by [`CueModel::use_instead`].
static OVERRIDE: OnceLock<CueModel> = OnceLock::new();

thread_local! {
    /// The model set by [`CueModel::scoped`] for this thread, if any.
    static SCOPED: std::cell::Cell<Option<&'static CueModel>> =
        const { std::cell::Cell::new(None) };
}

/// A linear model over string features.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CueModel {
    weights: Weights,
    /// The same weights keyed by [`feature_hash`], so that scoring finds
    /// a feature from its parts without joining them into a string.
    by_hash: HashMap<u64, Slot, foldhash::fast::RandomState>,
    /// A candidate is kept when its score is above this.
    pub threshold: f32,
}

/// What [`CueModel::by_hash`] holds for one hash.
#[derive(Clone, Debug, PartialEq)]
enum Slot {
    /// The one feature with this hash and its weight. A lookup compares
    /// the name, so that a feature the model lacks never takes the
    /// weight of one whose hash it shares.
    One(Box<str>, f32),
    /// Several of the model's features share this hash: a lookup joins
    /// the parts and asks [`CueModel::weights`].
    Clash,
}

impl CueModel {
    /// The model in use: the one [`CueModel::scoped`] set for this
    /// thread, else the one given to [`CueModel::use_instead`], else the
    /// one shipped in `data/cue_model.tsv`.
    pub fn get() -> &'static CueModel {
        if let Some(model) = SCOPED.with(std::cell::Cell::get) {
            return model;
        }
        if let Some(model) = OVERRIDE.get() {
            return model;
        }
        static SHIPPED: OnceLock<CueModel> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            CueModel::parse(MODEL).expect("data/cue_model.tsv is well formed")
        })
    }

    /// Makes `self` the model every extraction in this process uses from
    /// now on, in place of the shipped one (`--cue-model`). Only the
    /// first call counts; a later one gives its model back.
    ///
    /// # Errors
    ///
    /// The model, when one was set already.
    pub fn use_instead(self) -> Result<(), CueModel> {
        OVERRIDE.set(self)
    }

    /// Runs `f` with `model` as the model extraction uses on this
    /// thread, then puts back the one before: training the speaker
    /// gate extracts each fold of its corpus with a cue model that never
    /// saw that fold.
    pub fn scoped<R>(model: &'static CueModel, f: impl FnOnce() -> R) -> R {
        let before = SCOPED.with(|c| c.replace(Some(model)));
        let out = f();
        SCOPED.with(|c| c.set(before));
        out
    }

    /// Reads a model from its TSV form: a `threshold` line, then one
    /// `feature<TAB>weight` line each; `#` starts a comment line.
    ///
    /// # Errors
    ///
    /// The line number and what is wrong with it.
    pub fn parse(text: &str) -> Result<CueModel, String> {
        let (weights, threshold) = parse_weights(text)?;
        let mut model =
            CueModel { weights, threshold, by_hash: HashMap::default() };
        model.index();
        Ok(model)
    }

    /// The model in its TSV form, features sorted, so the same training
    /// gives the same file.
    pub fn to_tsv(&self) -> String {
        weights_tsv(
            "# claimgraph cue model: logistic regression weights, made by\n\
             # `claimgraph train-cues` (see src/extract/learned.rs).\n",
            self.threshold,
            &self.weights,
        )
    }

    /// Fills [`CueModel::by_hash`] from the weights.
    fn index(&mut self) {
        let mut by_hash = HashMap::with_capacity_and_hasher(
            self.weights.len(),
            Default::default(),
        );
        for (name, &w) in &self.weights {
            by_hash
                .entry(feature_hash(&[Part::new(name)]))
                .and_modify(|slot| *slot = Slot::Clash)
                .or_insert_with(|| Slot::One(name.as_str().into(), w));
        }
        self.by_hash = by_hash;
    }

    /// The weight of the feature spelt by `parts` joined, if the model
    /// has one.
    fn lookup(&self, parts: &[Part]) -> Option<f32> {
        match self.by_hash.get(&feature_hash(parts))? {
            Slot::One(name, w) => spells(name, parts).then_some(*w),
            Slot::Clash => self.weights.get(&joined(parts)).copied(),
        }
    }

    /// True when `word` is in the model's vocabulary: a word seen inside
    /// gold cues of the training corpus.
    fn has_word(&self, word: &str) -> bool {
        self.lookup(&[lit!("v="), Part::new(word)]).is_some()
    }

    /// True when word `i` is in the model's vocabulary or a lexicon cue.
    /// Other words are not tried at all.
    fn knows(&self, cx: &Context, i: usize) -> bool {
        self.has_word(cx.low(i)) || cx.is_cue_word(i)
    }

    /// The number of features with a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when no feature has a weight.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// The multiplier of [`Part`]'s polynomial hash: odd, so that no bit is
/// lost, and with bits all over its word.
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// One piece of a feature's name ("p1w=", a word, "|"), with its hash.
///
/// A name's hash is the polynomial `Σ (b + 1)·M^k` over its bytes `b`
/// (`M` the [`MULTIPLIER`], `k` counting from the last byte), which
/// joins: the hash of `a` then `b` is `hash(a)·M^len(b) + hash(b)`. So
/// a candidate hashes each of its words once, a literal is hashed at
/// compile time, and a feature's hash costs one multiply and add per
/// part instead of a step per byte; the weights, indexed by their whole
/// names, hash to the same values.
#[derive(Clone, Copy, Debug)]
struct Part<'a> {
    text: &'a str,
    /// The polynomial over its bytes.
    hash: u64,
    /// `M^len`: what a hash is multiplied by to go past this part.
    shift: u64,
}

impl<'a> Part<'a> {
    const fn new(text: &'a str) -> Part<'a> {
        let bytes = text.as_bytes();
        let (mut hash, mut shift, mut k) = (0u64, 1u64, 0);
        while k < bytes.len() {
            // One more than the byte, so that a NUL byte counts too.
            let b = bytes[k] as u64 + 1;
            hash = hash.wrapping_mul(MULTIPLIER).wrapping_add(b);
            shift = shift.wrapping_mul(MULTIPLIER);
            k += 1;
        }
        Part { text, hash, shift }
    }
}

/// The hash of the feature spelt by `parts` joined (see [`Part`]). A
/// clash is still possible, so [`CueModel::lookup`] checks the name
/// behind a hash.
fn feature_hash(parts: &[Part]) -> u64 {
    parts.iter().fold(0x243f_6a88_85a3_08d3, |h, p| {
        h.wrapping_mul(p.shift).wrapping_add(p.hash)
    })
}

/// The feature's name: `parts` joined.
fn joined(parts: &[Part]) -> String {
    parts.iter().map(|p| p.text).collect()
}

/// True when `name` is `parts` joined. The parts are a few bytes long
/// each: [`same_bytes`] compares them a word at a time, for less than a
/// `memcmp` call or a loop over their bytes.
fn spells(name: &str, parts: &[Part]) -> bool {
    let mut rest = name.as_bytes();
    for part in parts {
        let part = part.text.as_bytes();
        let Some((head, tail)) = rest.split_at_checked(part.len()) else {
            return false;
        };
        if !same_bytes(head, part) {
            return false;
        }
        rest = tail;
    }
    rest.is_empty()
}

/// [`spells`] as first made, comparing byte by byte: the reference the
/// tests hold it to.
#[cfg(test)]
fn spells_bytewise(name: &str, parts: &[Part]) -> bool {
    let mut rest = name.as_bytes();
    for part in parts {
        let part = part.text.as_bytes();
        if rest.len() < part.len() {
            return false;
        }
        let (head, tail) = rest.split_at(part.len());
        if !head.iter().zip(part).all(|(a, b)| a == b) {
            return false;
        }
        rest = tail;
    }
    rest.is_empty()
}

/// True when `a` and `b`, of the same length, hold the same bytes,
/// compared in as few integer loads as cover them: eight bytes at a
/// time, the last eight (or four, or two) overlapping the ones before.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    debug_assert_eq!(a.len(), b.len());
    let n = a.len();
    let w8 = |s: &[u8], i: usize| {
        u64::from_le_bytes(s[i..i + 8].try_into().expect("eight bytes"))
    };
    let w4 = |s: &[u8], i: usize| {
        u32::from_le_bytes(s[i..i + 4].try_into().expect("four bytes"))
    };
    let w2 = |s: &[u8], i: usize| {
        u16::from_le_bytes(s[i..i + 2].try_into().expect("two bytes"))
    };
    match n {
        0 => true,
        1 => a[0] == b[0],
        2..4 => w2(a, 0) == w2(b, 0) && w2(a, n - 2) == w2(b, n - 2),
        4..8 => w4(a, 0) == w4(b, 0) && w4(a, n - 4) == w4(b, n - 4),
        _ => {
            let mut i = 0;
            while i + 8 < n {
                if w8(a, i) != w8(b, i) {
                    return false;
                }
                i += 8;
            }
            w8(a, n - 8) == w8(b, n - 8)
        }
    }
}

/// Weights by feature name, as a linear model keeps them.
pub(crate) type Weights = HashMap<String, f32, foldhash::fast::RandomState>;

/// Reads a linear model's TSV form: a `threshold` line, then one
/// `feature<TAB>weight` line each; `#` starts a comment line. Gives the
/// weights and the threshold (0 when there is no such line).
///
/// # Errors
///
/// The line number and what is wrong with it.
pub(crate) fn parse_weights(text: &str) -> Result<(Weights, f32), String> {
    // Room for a weight a line, counted first: grown by doubling, the
    // shipped model's 35,000 weights were each hashed and moved again
    // at every doubling, at every start of the program.
    let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut weights =
        Weights::with_capacity_and_hasher(lines, Default::default());
    let mut threshold = 0.0;
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || format!("line {}: expected FEATURE<TAB>WEIGHT", n + 1);
        let (name, weight) = line.rsplit_once('\t').ok_or_else(bad)?;
        let weight: f32 = weight.parse().map_err(|_| bad())?;
        if name == "threshold" {
            threshold = weight;
        } else {
            weights.insert(name.to_string(), weight);
        }
    }
    Ok((weights, threshold))
}

/// A linear model's TSV form: `header` (comment lines), the threshold,
/// then the features sorted, so the same training gives the same file.
pub(crate) fn weights_tsv(
    header: &str,
    threshold: f32,
    weights: &Weights,
) -> String {
    let mut names: Vec<&String> = weights.keys().collect();
    names.sort();
    let mut out = String::from(header);
    let _ = writeln!(out, "threshold\t{}", fmt_weight(threshold));
    for name in names {
        let _ = writeln!(out, "{name}\t{}", fmt_weight(weights[name]));
    }
    out
}

fn fmt_weight(w: f32) -> String {
    let s = format!("{w:.4}");
    if s == "-0.0000" { "0.0000".to_string() } else { s }
}

/// A word tried as a cue and the attribution the rules found for it.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub found: Found,
    pub claimed: (usize, usize),
    /// The cue word.
    pub word: usize,
    /// The rule whose reading found it.
    pub shape: &'static str,
    /// True when the word is a lexicon cue.
    pub known: bool,
    /// True when the rules claimed a word of its sentence (the model's
    /// own picks there do not count, so that running and training agree).
    pub ruled: bool,
}

impl Candidate {
    /// Its features, as training keeps them.
    pub fn features(&self, cx: &Context) -> Vec<String> {
        let mut v = Vec::new();
        self.each_feature(cx, &mut |parts| v.push(joined(parts)));
        v
    }

    /// Its score under `model`: the features' weights summed in the
    /// order [`Candidate::each_feature`] gives them.
    fn score(&self, cx: &Context, model: &CueModel) -> f32 {
        let mut sum = 0.0;
        self.each_feature(cx, &mut |parts| {
            sum += model.lookup(parts).unwrap_or(0.0);
        });
        sum
    }
}

/// Adds the candidates the shipped model keeps, left to right.
pub(crate) fn run(cx: &mut Context, out: &mut Vec<Found>) {
    let model = CueModel::get();
    if model.is_empty() {
        return;
    }
    for (si, ruled) in ruled_sentences(cx).into_iter().enumerate() {
        let s = cx.seg.sentences[si];
        for i in s.first..s.end {
            // The word's own tests first: they cost less than the
            // vocabulary's hash lookups and turn most words away.
            if !may_be_cue(cx, i) || !model.knows(cx, i) {
                continue;
            }
            let Some(c) = candidate_for(cx, i, out, ruled) else {
                continue;
            };
            if c.score(cx, model) > model.threshold && !person_shows(cx, &c) {
                cx.claim(c.claimed.0, c.claimed.1);
                let mut found = c.found;
                settle(cx, c.word, &mut found);
                out.push(found);
            }
        }
    }
}

/// True when the candidate's cue is "show" and its speaker a person
/// ("Mr. Reilly showed no emotion", "he shows"): polls, records and
/// videos show what they say; a person showing something is seldom
/// reported speech (2 of the 192 gold "show" cues of PolNeAR train and
/// dev have a person as source).
fn person_shows(cx: &Context, c: &Candidate) -> bool {
    if !matches!(cx.low(c.word), "show" | "shows" | "showed" | "shown") {
        return false;
    }
    let Some(sp) = c.found.speaker else { return false };
    let mut words = sp.text(cx.text).split_whitespace();
    let Some(first) = words.next() else { return false };
    matches!(first, "he" | "He" | "she" | "She")
        || (words.next().is_some() && crate::resolve::names::is_title(first))
        || crate::resolve::names::given_name(first).is_some()
}

/// Every candidate of a document, as training sees them: each against
/// what the rules claimed, none claiming anything itself.
pub(crate) fn candidates(
    cx: &Context,
    out: &[Found],
    vocabulary: &dyn Fn(&str) -> bool,
) -> Vec<Candidate> {
    let ruled = ruled_sentences(cx);
    (0..cx.len())
        .filter(|&i| vocabulary(cx.low(i)))
        .filter_map(|i| candidate_at(cx, i, out, ruled[cx.sentence_of[i]]))
        .collect()
}

/// For each sentence, whether the rules claimed a word of it.
fn ruled_sentences(cx: &Context) -> Vec<bool> {
    cx.seg
        .sentences
        .iter()
        .map(|s| (s.first..s.end).any(|j| cx.used[j]))
        .collect()
}

/// The candidate whose cue is word `i`, if the rules' speaker and
/// content finding make one there.
fn candidate_at(
    cx: &Context,
    i: usize,
    out: &[Found],
    ruled: bool,
) -> Option<Candidate> {
    if !may_be_cue(cx, i) {
        return None;
    }
    candidate_for(cx, i, out, ruled)
}

/// True when word `i` may be tried as a cue at all: a free lower-case
/// word outside quotations, no adverb or function word.
fn may_be_cue(cx: &Context, i: usize) -> bool {
    if cx.used[i] || cx.in_quote[i] || !cx.is_word(i) {
        return false;
    }
    let low = cx.low(i);
    // All ASCII lower-case bytes is all ASCII lower-case characters: a
    // byte of a longer character is never one.
    let plain = low.len() > 1 && low.bytes().all(|b| b.is_ascii_lowercase());
    // Adverbs qualify a cue; they are none ("unanimously assert").
    let adverb = low.ends_with("ly");
    if !plain || adverb {
        return false;
    }
    // A capital is a name's, except in a headline set in title case.
    let name = cx.is_capitalised(i) && !cx.is_title_case(i);
    !name && !is_never(low) && !cx.asks_anonymity(i) && !cx.recalls_goods(i)
}

/// True when `word` is in [`NEVER`].
fn is_never(word: &str) -> bool {
    static SET: OnceLock<PackedSet> = OnceLock::new();
    SET.get_or_init(|| PackedSet::new(NEVER)).contains(word)
}

/// A set of short words, each packed into an integer with its length
/// ([`packed`]): a search of them compares integers, where a search of
/// the words compares strings through a `memcmp` call each step.
#[derive(Debug)]
struct PackedSet(Vec<u128>);

impl PackedSet {
    /// The set of `words`, each at most fifteen bytes long.
    fn new(words: &[&str]) -> PackedSet {
        let mut v: Vec<u128> =
            words.iter().map(|w| packed(w).expect("a short word")).collect();
        v.sort_unstable();
        PackedSet(v)
    }

    fn contains(&self, word: &str) -> bool {
        packed(word).is_some_and(|key| self.0.binary_search(&key).is_ok())
    }
}

/// A word of at most fifteen bytes as one integer: its bytes, and its
/// length in the top byte, so that no two words give the same one.
fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let mut b = [0u8; 16];
    b[..bytes.len()].copy_from_slice(bytes);
    b[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(b))
}

/// [`candidate_at`] for a word [`may_be_cue`] accepts.
fn candidate_for(
    cx: &Context,
    i: usize,
    out: &[Found],
    ruled: bool,
) -> Option<Candidate> {
    let low = cx.low(i);
    let s = cx.sentence(i);
    // A lexicon cue the rules could not use is tried again without its
    // demands (a complement after it, a speaker before it), and keeps
    // its class.
    let known = cx.cue_at(i);
    // "dismissed their manager": a job lost, whatever the model says.
    if let Some(k) = known.as_ref().filter(|k| k.cue.lemma == "dismiss")
        && reported::dismisses_a_job_holder(cx, k.end, s.end)
    {
        return None;
    }
    if reported::passive_without_object(cx, i, s.first) {
        return None;
    }
    let cue = if low.ends_with("ing") { &PARTICIPLE } else { &FINITE };
    let end = known.as_ref().map_or(i + 1, |k| k.end);
    let cm = CueMatch { cue, first: i, end };
    let (mut found, claimed) = reported::at_cue(cx, s, &cm, out, None)
        .or_else(|| relaxed(cx, s, &cm))?;
    let shape = found.rule;
    found.rule = RULE;
    if let Some(k) = &known {
        found.class = k.cue.class;
    }
    Some(Candidate {
        found,
        claimed,
        word: i,
        shape,
        known: known.is_some(),
        ruled,
    })
}

/// Words that end a subject on its left.
#[rustfmt::skip]
const CLAUSE_OPENERS: &[&str] = &[
    "about", "after", "against", "although", "and", "as", "at", "because",
    "before", "but", "by", "during", "for", "from", "if", "in", "into",
    "of", "on", "or", "over", "since", "so", "than", "that", "then",
    "though", "through", "to", "under", "unless", "until", "when", "where",
    "whereas", "whether", "which", "while", "who", "with", "without",
];

/// Words between a subject and its verb: auxiliaries, modals, negation.
#[rustfmt::skip]
const VERB_PARTS: &[&str] = &[
    "am", "are", "be", "been", "being", "can", "could", "did", "do",
    "does", "had", "has", "have", "is", "may", "might", "must", "n't",
    "not", "shall", "should", "was", "were", "will", "would", "’t",
];

/// An auxiliary, a modal or a negation ("is", "would", "didn't").
pub(crate) fn is_verb_part(w: &str) -> bool {
    static SET: OnceLock<PackedSet> = OnceLock::new();
    let negated = w.len() > 3 && (w.ends_with("n't") || w.ends_with("n’t"));
    negated || SET.get_or_init(|| PackedSet::new(VERB_PARTS)).contains(w)
}

/// True when `w` is in [`CLAUSE_OPENERS`].
fn is_clause_opener(w: &str) -> bool {
    static SET: OnceLock<PackedSet> = OnceLock::new();
    SET.get_or_init(|| PackedSet::new(CLAUSE_OPENERS)).contains(w)
}

/// A looser reading than the rules' for a word they do not know: the
/// subject is whatever words run back from the verb to the clause's
/// start ("21 percent", "Some", "the European Council is deeply"), a
/// relative pronoun standing for it ("liberals who decried"), and the
/// content is the rest of the clause. The model decides whether that is
/// an attribution at all.
fn relaxed(
    cx: &Context,
    s: crate::segment::Sentence,
    cm: &CueMatch,
) -> Option<(Found, (usize, usize))> {
    // "has broken many promises": a noun after a verb's quantifier, whose
    // subject is no speaker of it.
    if cx.quantified_noun(cm.first, s.first) {
        return None;
    }
    let mut end = subject_end(cx, s, cm.first);
    if end <= s.first {
        return None;
    }
    // "She was once told to leave": the subject of a passive "told" is
    // the one told, and who told her is not said.
    let passive = cx.low(cm.first) == "told"
        && (end..cm.first).any(|j| {
            let w = cx.low(j);
            reported::is_be(w) || w == "being"
        });
    if passive {
        return None;
    }
    let speaker = if matches!(cx.low(end - 1), "who" | "which" | "that") {
        (end - 1, end)
    } else {
        // A subject holds no verb: an auxiliary, a negation, a past
        // form or a participle ends it ("drugs they didn't know").
        let verb = |j: usize| {
            let w = cx.low(j);
            let form = (w.ends_with("ed") || w.ends_with("ing"))
                && !cx.is_capitalised(j);
            // Irregular forms of the verbs that report ("said he
            // voted": "he" voted, not "said he").
            let irregular = matches!(
                w,
                "said"
                    | "says"
                    | "told"
                    | "tells"
                    | "wrote"
                    | "writes"
                    | "thought"
                    | "thinks"
                    | "knew"
                    | "felt"
            );
            is_verb_part(w) || form || irregular
        };
        // Back from `start` to at most eight words before `end`.
        let walk = |mut start: usize, end: usize| {
            while start > s.first
                && end - start < 8
                && cx.is_word(start - 1)
                && !is_clause_opener(cx.low(start - 1))
                && !verb(start - 1)
            {
                start -= 1;
            }
            start
        };
        let mut start = walk(end, end);
        // "A survey by the group in March found": a time before the cue
        // says when, and the subject is before it.
        if start >= s.first + 2
            && end - start <= 3
            && matches!(cx.word(start - 1), "in" | "on" | "at" | "during")
            && is_time_phrase(cx.low(end - 1))
        {
            end = start - 1;
            start = walk(end, end);
        }
        for _ in 0..2 {
            // "Critics of the food industry say": a plural head before
            // "of" takes the phrase after it with it; so does a share, a
            // speaker noun or a name before another preposition ("A
            // spokeswoman for the ministry declined").
            let plural =
                start >= s.first + 2 && cx.low(start - 1) == "of" && {
                    let low = cx.low(start - 2);
                    cx.is_word(start - 2)
                        && low.ends_with('s')
                        && !low.ends_with("ss")
                        && !is_clause_opener(low)
                        && !verb(start - 2)
                };
            let head = if plural {
                start - 2
            } else {
                match cx.head_before_preposition(start, end, s.first, false) {
                    Some(h) => h,
                    None => break,
                }
            };
            start = walk(head, end);
        }
        // "a nurse heading home from a shift said": the noun before the
        // participle heads the subject.
        if let Some(h) = cx.participle_head_before(start, end, s.first) {
            start = walk(h, end);
        }
        // "four in 10 said", "nine out of 10 say": a share of those
        // polled, whose last number alone is no subject.
        if end - start == 1
            && let Some(whole) = fraction_before(cx, s.first, start)
        {
            start = walk(whole, end);
        }
        (start, end)
    };
    // "There's no denying he …": "there" stands for no one.
    let there = cx.low(speaker.0) == "there"
        || cx
            .low(speaker.0)
            .strip_prefix("there")
            .is_some_and(|rest| rest.starts_with(['\'', '’']));
    if speaker.0 == speaker.1 || cx.any_used(speaker.0, speaker.1) || there {
        return None;
    }
    let mut k = cm.end;
    // "complained on social media that …": a short phrase of where or
    // when between the verb and its "that".
    if k < s.end && cx.is_preposition(k) {
        let that = (k + 1..(k + 6).min(s.end)).find(|&j| cx.low(j) == "that");
        if let Some(t) = that.filter(|&t| {
            (k..t).all(|j| cx.is_word(j) && cx.cue_at(j).is_none())
        }) {
            k = t;
        }
    }
    if cx.low(k) == "that" {
        k += 1;
    }
    // Only where it was said ("said in a video posted online").
    reported::past_place(cx, k, s)?;
    // Past when and where, what follows a comma is what was said
    // ("wrote in an op-ed Thursday, the candidate …"); nothing, or a
    // clause of time, is not ("said Sunday in Virginia as the crowd
    // roared").
    let past = reported::skip_circumstance(cx, k, s.end);
    if past > k {
        if past + 1 < s.end && cx.word(past) == "," {
            k = past + 1;
        } else if past >= s.end
            || !cx.is_word(past)
            || matches!(cx.low(past), "as" | "while")
            || reported::only_when_or_whom(cx, past, s.end)
        {
            return None;
        }
    }
    let stop = reported::content_end(cx, k, s.end);
    let content = reported::trim(cx, k, stop)?;
    if cx.any_used(content.0, content.1) {
        return None;
    }
    let f = Found {
        speaker: Some(cx.span(speaker.0, speaker.1)),
        cue: Some(cx.span(cm.first, cm.end)),
        class: cm.cue.class,
        content: vec![cx.span(content.0, content.1)],
        rule: "relaxed",
    };
    Some((f, (speaker.0, content.1)))
}

/// Where the subject of the verb at token `verb` ends: back over the
/// auxiliaries, negations and adverbs before it ("he has not yet").
fn subject_end(
    cx: &Context,
    s: crate::segment::Sentence,
    verb: usize,
) -> usize {
    let mut end = verb;
    loop {
        let back = cx.skip_auxiliaries_back(end, s.first);
        end = back;
        while end > s.first && {
            let w = cx.low(end - 1);
            is_verb_part(w)
                || (w.ends_with("ly") && !cx.is_capitalised(end - 1))
                || is_aside(w)
                // "BuzzFeed News first reported"; not "was first reported
                // by".
                || (w == "first"
                    && end >= s.first + 2
                    && cx.is_capitalised(end - 2))
        } {
            end -= 1;
        }
        if end == back {
            return end;
        }
    }
}

/// True for a word between a subject and its verb that is neither:
/// "Carter however said", "Carson further lambasted", "Cruz himself
/// said", "he began dismissing", "Trump has begun calling out".
fn is_aside(w: &str) -> bool {
    matches!(
        w,
        "however"
            | "further"
            | "himself"
            | "herself"
            | "itself"
            | "themselves"
            | "began"
            | "begun"
    )
}

/// The speaker and cue of an accepted candidate whose cue is a noun,
/// settled where the loose reading ran its subject up to the noun:
/// "Trump took offense", "He also made fun of" (a light verb belongs to
/// the cue, and the subject ends before it); "Carly Fiorina threw her
/// support behind", "his pledge to" (the owner is the speaker, as PolNeAR
/// marks it, a pronoun the resolver reads). The model weighed the
/// candidate as the loose reading made it; this only says it better.
fn settle(cx: &Context, word: usize, f: &mut Found) {
    let Some(sp) = f.speaker else { return };
    let (a, b) = cx.tokens_of(sp);
    let s = cx.sentence(word);
    if b != word || b - a < 2 {
        return;
    }
    // The subject of the verb at token `v`, when it is a phrase of its own
    // that opens with a capital or a determiner ("721 delegates", "The
    // leaders"), not "help him" of "help him make his case".
    let subject = |v: usize| {
        let end = subject_end(cx, s, v);
        let opens = cx.is_capitalised(a)
            || cx.is_determiner(a)
            || cx.is_pronoun(a)
            || cx.is_contracted_pronoun(a)
            || cx.low(a).starts_with(|c: char| c.is_ascii_digit());
        (end > a && opens).then(|| cx.span(a, end))
    };
    let with_verb = |f: &mut Found, v: usize, sp: Span| {
        let verb = cx.span(v, v + 1);
        f.speaker = Some(sp);
        f.cue = f.cue.map(|c| Span::new(verb.start(), c.end()));
    };
    let before = cx.low(word - 1);
    if crate::resolve::mentions::is_possessive_pronoun(before) {
        // "Carly Fiorina threw her support behind": the verb's subject;
        // "in his written reply", "His pledge to": the owner.
        let verb = word >= a + 3 && {
            let v = word - 2;
            cx.is_word(v)
                && !cx.is_capitalised(v)
                && !cx.is_preposition(v)
                && !cx.listed_stop_or_determiner(v)
        };
        match verb.then(|| subject(word - 2)).flatten() {
            Some(sp) => with_verb(f, word - 2, sp),
            None => f.speaker = Some(cx.span(word - 1, word)),
        }
        return;
    }
    // Not "was made aware of": a passive.
    let passive = word >= s.first + 2 && is_verb_part(cx.low(word - 2));
    if is_light_verb(before)
        && !passive
        && let Some(sp) = subject(word - 1)
    {
        with_verb(f, word - 1, sp);
    }
}

/// True for the forms of a verb that takes a noun to make a cue of it
/// ("took aim at", "made mention of", "gave voice to", "paid tribute").
fn is_light_verb(w: &str) -> bool {
    matches!(
        w,
        "take"
            | "takes"
            | "took"
            | "taken"
            | "taking"
            | "make"
            | "makes"
            | "made"
            | "give"
            | "gives"
            | "gave"
            | "given"
            | "pay"
            | "pays"
            | "paid"
    )
}

/// The first token of a fraction of people ("four in 10", "6 in 10",
/// "nine out of 10") whose last number is token `last`, not below
/// `floor`.
fn fraction_before(cx: &Context, floor: usize, last: usize) -> Option<usize> {
    let digits = |j: usize| cx.low(j).bytes().all(|b| b.is_ascii_digit());
    let count =
        |j: usize| digits(j) || crate::model::is_number_word(cx.low(j));
    if !cx.is_word(last) || !digits(last) {
        return None;
    }
    let first = match last.checked_sub(floor)? {
        n if n >= 2 && cx.low(last - 1) == "in" => last - 2,
        n if n >= 3
            && cx.low(last - 1) == "of"
            && cx.low(last - 2) == "out" =>
        {
            last - 3
        }
        _ => return None,
    };
    (cx.is_word(first) && count(first)).then_some(first)
}

/// Coarse length classes.
fn bucket(n: usize) -> Part<'static> {
    match n {
        0 => lit!("0"),
        1 => lit!("1"),
        2..=3 => lit!("2-3"),
        4..=7 => lit!("4-7"),
        8..=15 => lit!("8-15"),
        _ => lit!("16+"),
    }
}

impl Candidate {
    /// Hands each of its features to `emit` as the parts that, joined,
    /// spell it ("p1w=", "the", "|", "backed"): scoring hashes the parts
    /// (each word once per candidate, see [`Part`]) and builds no
    /// string; training joins them.
    fn each_feature(&self, cx: &Context, emit: &mut dyn FnMut(&[Part])) {
        let (i, f) = (self.word, &self.found);
        let shape = Part::new(self.shape);
        let low = cx.low(i);
        let w = Part::new(low);
        let s = cx.sentence(i);
        let prev = Part::new(if i > 0 { cx.low(i - 1) } else { "" });
        let next = Part::new(cx.low(i + 1));
        let next2 = cx.low(i + 2);
        let cut = low.char_indices().rev().nth(2).map_or(0, |(k, _)| k);
        let suffix = &low[cut..];
        let bar = lit!("|");
        emit(&[lit!("bias")]);
        emit(&[lit!("w="), w]);
        emit(&[lit!("s3="), Part::new(suffix)]);
        emit(&[lit!("p1="), prev]);
        emit(&[lit!("n1="), next]);
        emit(&[lit!("n2="), Part::new(next2)]);
        emit(&[lit!("p1w="), prev, bar, w]);
        emit(&[lit!("wn1="), w, bar, next]);
        let prev2 = if i > 1 { cx.low(i - 2) } else { "" };
        emit(&[lit!("p2="), Part::new(prev2)]);
        emit(&[lit!("r="), shape]);
        emit(&[lit!("rw="), shape, bar, w]);
        match f.speaker {
            Some(sp) => {
                let (a, b) = cx.tokens_of(sp);
                let kind = if b - a == 1 && cx.is_pronoun(a) {
                    lit!("pron")
                } else if (a..b)
                    .any(|j| cx.is_capitalised(j) && !cx.is_determiner(j))
                {
                    lit!("name")
                } else {
                    lit!("noun")
                };
                let head = if kind.text == "name" {
                    lit!("<Name>")
                } else {
                    Part::new(cx.low(b - 1))
                };
                emit(&[lit!("sp="), kind]);
                emit(&[lit!("spw="), kind, bar, w]);
                emit(&[lit!("sh="), head]);
                emit(&[lit!("spn="), bucket(b - a)]);
                emit(&[lit!("gap="), bucket(i.saturating_sub(b))]);
                emit(&[lit!("spstart="), flag(a == s.first)]);
                let before = if a > s.first { cx.low(a - 1) } else { "<s>" };
                emit(&[lit!("spb="), Part::new(before)]);
                let noun = cx.is_speaker_noun(b - 1);
                emit(&[lit!("spnoun="), kind, bar, flag(noun)]);
                emit(&[lit!("sprule="), kind, bar, shape]);
            }
            None => emit(&[lit!("sp=none")]),
        }
        if let Some(c) = f.content.first() {
            let (a, b) = cx.tokens_of(*c);
            let first = Part::new(cx.low(a));
            emit(&[lit!("c0="), first]);
            emit(&[lit!("c0w="), first, bar, w]);
            emit(&[lit!("cn="), bucket(b - a)]);
            let at_end = (b..s.end).all(|j| !cx.is_word(j));
            emit(&[lit!("cend="), flag(at_end)]);
            emit(&[lit!("cz="), Part::new(cx.low(b - 1))]);
            let quoted = (a..b).any(|j| cx.in_quote[j]);
            emit(&[lit!("cq="), flag(quoted)]);
            let second = if b > a + 1 { cx.low(a + 1) } else { "" };
            emit(&[lit!("c1="), Part::new(second)]);
            emit(&[lit!("ruled="), flag(self.ruled)]);
            emit(&[lit!("wpos="), bucket(i - s.first)]);
        }
        if self.known {
            emit(&[lit!("lexicon")]);
            emit(&[lit!("lexicon|"), shape]);
        }
    }
}

/// A flag as a feature writes it.
fn flag(b: bool) -> Part<'static> {
    if b { lit!("true") } else { lit!("false") }
}

/// One gold attribution, as byte spans of its document.
#[derive(Clone, Debug)]
pub struct GoldAttribution {
    /// The content's pieces, in order.
    pub content: Vec<Span>,
    /// The cue, when it has one.
    pub cue: Option<Span>,
    /// The source, when it has one.
    pub source: Option<Span>,
}

/// An annotated document for training: its text and gold contents.
#[derive(Clone, Debug)]
pub struct TrainingDocument {
    /// The article text.
    pub text: String,
    /// Every gold attribution.
    pub gold: Vec<GoldAttribution>,
}

/// True when `pred` matches `gold` by the bench's content criterion: the
/// overlap is at least half of the longer one's length.
pub(crate) fn content_matches(pred: &[Span], gold: &[Span]) -> bool {
    let len =
        |v: &[Span]| v.iter().map(|s| s.end() - s.start()).sum::<usize>();
    let overlap: usize = pred
        .iter()
        .flat_map(|p| {
            gold.iter().map(move |g| {
                p.end().min(g.end()).saturating_sub(p.start().max(g.start()))
            })
        })
        .sum();
    overlap > 0 && 2 * overlap >= len(pred).max(len(gold))
}

/// True when two spans share a character; both absent counts as agreeing.
pub(crate) fn touch(a: Option<Span>, b: Option<Span>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.start() < b.end() && b.start() < a.end(),
        (None, None) => true,
        _ => false,
    }
}

/// Each candidate's features and label: true when it finds a gold
/// attribution no rule found, with the gold cue and speaker.
fn examples(
    doc: &TrainingDocument,
    vocabulary: &std::collections::HashSet<String>,
) -> Vec<(Vec<String>, bool)> {
    let seg = crate::segment::segment(&doc.text);
    let (cx, found) = super::after_rules(&doc.text, &seg);
    let open: Vec<&GoldAttribution> = doc
        .gold
        .iter()
        .filter(|g| {
            !found.iter().any(|f| content_matches(&f.content, &g.content))
        })
        .collect();
    let known = |w: &str| vocabulary.contains(w) || Lexicon::get().is_cue(w);
    candidates(&cx, &found, &known)
        .into_iter()
        .map(|c| {
            let f = &c.found;
            let hit = open.iter().any(|g| {
                content_matches(&f.content, &g.content)
                    && touch(f.cue, g.cue)
                    && touch(f.speaker, g.source)
            });
            (c.features(&cx), hit)
        })
        .collect()
}

/// How often each lower-case word is inside a gold cue.
fn cue_words(doc: &TrainingDocument) -> HashMap<String, usize> {
    let seg = crate::segment::segment(&doc.text);
    let mut counts = HashMap::new();
    for cue in doc.gold.iter().filter_map(|g| g.cue) {
        for t in seg.tokens.iter().filter(|t| {
            t.span.start() < cue.end() && cue.start() < t.span.end()
        }) {
            let w = t.span.text(&doc.text).to_lowercase();
            *counts.entry(w).or_default() += 1;
        }
    }
    counts
}

/// What training saw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TrainingStats {
    /// Words tried as cues: seen inside gold cues at least twice.
    pub vocabulary: usize,
    /// Candidate attributions, one per word tried as a cue.
    pub candidates: usize,
    /// Candidates that found a gold attribution no rule found.
    pub positives: usize,
    /// Features seen often enough to get a weight.
    pub features: usize,
}

/// How [`train_cue_model`] learns.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainingOptions {
    /// The most L-BFGS steps; training stops sooner once the loss no
    /// longer falls.
    pub iterations: usize,
    /// Features seen in fewer candidates than this get no weight: they
    /// would only fit the training articles.
    pub min_count: usize,
    /// The L2 penalty on the weights, over the whole corpus.
    pub l2: f64,
}

impl Default for TrainingOptions {
    fn default() -> TrainingOptions {
        TrainingOptions { iterations: 500, min_count: 3, l2: 3.0 }
    }
}

/// Trains the cue model on annotated documents: L2-regularised logistic
/// regression fitted by L-BFGS, so the same corpus gives the same
/// weights. Only words seen inside gold cues
/// at least twice are tried as cues, besides the lexicon's. A score is
/// the log-odds that a candidate is an attribution no rule found; the
/// model's threshold is 0 (even odds) until the caller sets another.
pub fn train_cue_model(
    docs: &[TrainingDocument],
    options: TrainingOptions,
) -> (CueModel, TrainingStats) {
    use rayon::prelude::*;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for counts in docs.par_iter().map(cue_words).collect::<Vec<_>>() {
        for (w, n) in counts {
            *seen.entry(w).or_default() += n;
        }
    }
    let vocabulary: std::collections::HashSet<String> = seen
        .iter()
        .filter(|&(w, &n)| n >= 2 && w.chars().all(|c| c.is_ascii_lowercase()))
        .map(|(w, _)| w.clone())
        .collect();
    let per_doc: Vec<Vec<(Vec<String>, bool)>> =
        docs.par_iter().map(|d| examples(d, &vocabulary)).collect();
    let fitted = fit(&per_doc, options);
    let stats = TrainingStats {
        vocabulary: vocabulary.len(),
        candidates: fitted.examples,
        positives: fitted.positives,
        features: fitted.features,
    };
    let mut weights = fitted.weights;
    for w in &vocabulary {
        weights.insert(format!("v={w}"), seen[w] as f32);
    }
    let mut model =
        CueModel { weights, threshold: 0.0, ..CueModel::default() };
    model.index();
    (model, stats)
}

/// A model fitted by [`fit`]: its weights by feature name, and counts
/// for the training report.
pub(crate) struct Fitted {
    pub weights: Weights,
    /// Examples trained on, and how many of them were positive.
    pub examples: usize,
    pub positives: usize,
    /// Features seen at least `min_count` times.
    pub features: usize,
}

/// Fits [`logistic`] regression to examples given as feature names and
/// a label, per document: features seen fewer than
/// `options.min_count` times are dropped, the rest numbered in order of
/// first sight (so the same examples give the same model), and weights
/// too small to print are left out.
pub(crate) fn fit(
    per_doc: &[Vec<(Vec<String>, bool)>],
    options: TrainingOptions,
) -> Fitted {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (features, _) in per_doc.iter().flatten() {
        for f in features {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let mut data: Vec<(Vec<usize>, f32)> = Vec::new();
    for (features, label) in per_doc.iter().flatten() {
        let ids = features
            .iter()
            .filter(|f| counts[f.as_str()] >= options.min_count)
            .map(|f| {
                *index.entry(f.as_str()).or_insert_with(|| {
                    names.push(f.as_str());
                    names.len() - 1
                })
            })
            .collect();
        data.push((ids, if *label { 1.0 } else { -1.0 }));
    }
    let w = logistic(&data, names.len(), options);
    let mut weights = HashMap::default();
    for (name, &wk) in names.iter().zip(&w) {
        let wk = wk as f32;
        if wk.abs() >= 0.00005 {
            weights.insert((*name).to_string(), wk);
        }
    }
    Fitted {
        weights,
        examples: data.len(),
        positives: data.iter().filter(|d| d.1 > 0.0).count(),
        features: names.len(),
    }
}

/// Logistic regression's weights for `data` (feature ids and a label of
/// ±1): the minimum of the log loss plus `options.l2 / 2 · |w|²`, found
/// by L-BFGS over the whole data at each step. The loss is convex and
/// every sum runs in the data's order, so the weights depend on the
/// candidates alone, not on a shuffle: a few candidates more or fewer
/// move the model a little, not to another stopping point of stochastic
/// descent.
pub(crate) fn logistic(
    data: &[(Vec<usize>, f32)],
    features: usize,
    options: TrainingOptions,
) -> Vec<f64> {
    /// Past steps kept to shape the next one.
    const MEMORY: usize = 10;
    let lambda = options.l2;
    let objective = |w: &[f64], g: &mut [f64]| -> f64 {
        for (gk, wk) in g.iter_mut().zip(w) {
            *gk = lambda * wk;
        }
        let mut f = 0.5 * lambda * dot(w, w);
        for (ids, y) in data {
            let y = f64::from(*y);
            let m = y * ids.iter().map(|&k| w[k]).sum::<f64>();
            // ln(1 + e^(-m)), without overflow either way.
            f += if m > 0.0 {
                (-m).exp().ln_1p()
            } else {
                -m + m.exp().ln_1p()
            };
            let d = -y / (1.0 + m.exp());
            for &k in ids {
                g[k] += d;
            }
        }
        f
    };
    let mut w = vec![0f64; features];
    let mut g = vec![0f64; features];
    let mut f = objective(&w, &mut g);
    let mut past: std::collections::VecDeque<(Vec<f64>, Vec<f64>, f64)> =
        std::collections::VecDeque::new();
    let mut next_g = vec![0f64; features];
    let mut next_w = vec![0f64; features];
    for _ in 0..options.iterations {
        // The two-loop recursion: the direction −H·g.
        let mut q = g.clone();
        let mut alphas = Vec::with_capacity(past.len());
        for (s, y, rho) in past.iter().rev() {
            let a = rho * dot(s, &q);
            axpy(-a, y, &mut q);
            alphas.push(a);
        }
        let gamma = past.back().map_or_else(
            || 1.0 / dot(&g, &g).sqrt().max(1e-12),
            |(s, y, _)| dot(s, y) / dot(y, y),
        );
        q.iter_mut().for_each(|x| *x *= gamma);
        for ((s, y, rho), a) in past.iter().zip(alphas.iter().rev()) {
            let b = rho * dot(y, &q);
            axpy(a - b, s, &mut q);
        }
        let mut slope = -dot(&q, &g);
        if slope >= 0.0 {
            // Not a descent direction: start again from the gradient.
            past.clear();
            q.clone_from(&g);
            slope = -dot(&g, &g);
        }
        // Backtracking until the loss falls enough (Armijo).
        let mut step = 1.0;
        let next_f = loop {
            for ((nw, wk), qk) in next_w.iter_mut().zip(&w).zip(&q) {
                *nw = wk - step * qk;
            }
            let nf = objective(&next_w, &mut next_g);
            if nf <= f + 1e-4 * step * slope || step < 1e-10 {
                break nf;
            }
            step *= 0.5;
        };
        let s: Vec<f64> = next_w.iter().zip(&w).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = next_g.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        if sy > 1e-12 {
            if past.len() == MEMORY {
                past.pop_front();
            }
            past.push_back((s, y, 1.0 / sy));
        }
        std::mem::swap(&mut w, &mut next_w);
        std::mem::swap(&mut g, &mut next_g);
        let done = f - next_f <= 1e-9 * f.abs().max(1.0);
        f = next_f;
        if done {
            break;
        }
    }
    w
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `y += a · x`.
fn axpy(a: f64, x: &[f64], y: &mut [f64]) {
    for (yk, xk) in y.iter_mut().zip(x) {
        *yk += a * xk;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scoped_model_holds_on_its_thread_only_while_it_runs() {
        let shipped: *const CueModel = CueModel::get();
        let other: &'static CueModel = Box::leak(Box::new(CueModel {
            threshold: 7.0,
            ..CueModel::default()
        }));
        let inner = CueModel::scoped(other, || {
            // Another thread still sees the shipped model.
            let there = std::thread::spawn(|| CueModel::get().threshold)
                .join()
                .unwrap();
            (CueModel::get().threshold, there)
        });
        assert_eq!(inner.0, 7.0);
        assert_ne!(inner.1, 7.0);
        assert!(std::ptr::eq(CueModel::get(), shipped));
    }

    #[test]
    fn word_tables_are_sorted_for_binary_search() {
        for t in [NEVER, CLAUSE_OPENERS, VERB_PARTS] {
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{t:?}");
        }
    }

    #[test]
    fn packed_sets_hold_their_words_and_no_others() {
        assert!(NEVER.iter().all(|w| is_never(w)));
        assert!(VERB_PARTS.iter().all(|w| is_verb_part(w)));
        assert!(CLAUSE_OPENERS.iter().all(|w| is_clause_opener(w)));
        for w in ["said", "a\0", "", "th", "theirs", "something"] {
            assert!(!is_never(w), "{w}");
        }
        assert!(
            !is_clause_opener("althoug") && !is_clause_opener("throughout")
        );
        assert!(
            packed("fifteen bytes!!").is_some()
                && packed("sixteen bytes!!!").is_none()
        );
    }

    #[test]
    fn the_tsv_form_reads_back() {
        let mut m = CueModel { threshold: 0.25, ..CueModel::default() };
        m.weights.insert("w=backed".into(), 1.5);
        m.weights.insert("bias".into(), -0.75);
        m.index();
        let back = CueModel::parse(&m.to_tsv()).unwrap();
        assert_eq!(back, m);
        assert!(CueModel::parse("w=x\tnot a number").is_err());
    }

    #[test]
    fn a_feature_hashes_alike_whole_or_in_parts() {
        let whole = feature_hash(&[Part::new("p1w=the|backed")]);
        let parts =
            [lit!("p1w="), Part::new("the"), lit!("|"), lit!("backed")];
        assert_eq!(feature_hash(&parts), whole);
        assert!(spells("p1w=the|backed", &parts));
        assert!(!spells("p1w=the|backe", &parts));
        assert_eq!(joined(&parts), "p1w=the|backed");
        assert_ne!(
            feature_hash(&[Part::new("a\0")]),
            feature_hash(&[lit!("a")])
        );
    }

    /// [`spells`] against [`spells_bytewise`]: generated names and parts
    /// (every length up to twenty bytes, a byte changed anywhere, parts
    /// split anywhere), and the features of every word of the bundled
    /// articles spelt against the model's names and each other's.
    #[test]
    fn spells_is_spells_bytewise() {
        let check = |name: &str, parts: &[Part]| {
            assert_eq!(
                spells(name, parts),
                spells_bytewise(name, parts),
                "{name:?} {:?}",
                joined(parts)
            );
        };
        let texts = crate::model::random_texts(
            &["a", "b", "p1w=", "|", "é", "backed", "the", "xyzzy12345", ""],
            3_000,
            6,
            0x5eed_c0de_1234_5678,
        );
        let mut agree = 0;
        for text in &texts {
            let b = text.as_bytes();
            for cut in 0..=b.len() {
                for cut2 in cut..=b.len() {
                    let (Ok(x), Ok(y), Ok(z)) = (
                        std::str::from_utf8(&b[..cut]),
                        std::str::from_utf8(&b[cut..cut2]),
                        std::str::from_utf8(&b[cut2..]),
                    ) else {
                        continue;
                    };
                    let parts = [Part::new(x), Part::new(y), Part::new(z)];
                    check(text, &parts);
                    check(text, &parts[..2]);
                    check(&text[..cut2], &parts[..2]);
                    agree += usize::from(spells(text, &parts));
                    // One byte changed: never the same.
                    let mut other = b.to_vec();
                    for k in 0..other.len() {
                        other[k] ^= 0x01;
                        if let Ok(o) = std::str::from_utf8(&other) {
                            check(o, &parts);
                            assert!(!spells(o, &parts), "{o:?}");
                        }
                        other[k] ^= 0x01;
                    }
                }
            }
        }
        assert!(agree > 10_000, "too few matches tried: {agree}");
        let model = CueModel::get();
        let mut names: Vec<&str> =
            model.weights.keys().map(String::as_str).collect();
        names.sort_unstable();
        for text in crate::model::bundled_texts() {
            let words: Vec<&str> = text.split_whitespace().collect();
            for pair in words.windows(2) {
                let parts = [
                    lit!("p1w="),
                    Part::new(pair[0]),
                    lit!("|"),
                    Part::new(pair[1]),
                ];
                let whole = joined(&parts);
                check(&whole, &parts);
                assert!(spells(&whole, &parts));
                // The model's names near it, as a clash would compare.
                let at = names.partition_point(|n| *n < whole.as_str());
                for name in
                    &names[at.saturating_sub(3)..(at + 3).min(names.len())]
                {
                    check(name, &parts);
                }
                check(
                    &format!("w={}", pair[1]),
                    &[lit!("w="), Part::new(pair[0])],
                );
            }
        }
    }

    #[test]
    fn a_loose_reading_steps_over_where_to_its_that() {
        let text = "Some users complained on social media that the phones \
                    slowed down.";
        let seg = crate::segment::segment(text);
        let cx = Context::new(text, &seg);
        let i = (0..cx.len()).find(|&j| cx.word(j) == "complained").unwrap();
        let cm = CueMatch { cue: &FINITE, first: i, end: i + 1 };
        let (f, _) = relaxed(&cx, cx.sentence(i), &cm).unwrap();
        assert_eq!(f.content[0].text(text), "the phones slowed down");
    }

    #[test]
    fn a_loose_subject_takes_a_plural_head_before_of() {
        let subject = |text: &str, cue: &str| {
            let seg = crate::segment::segment(text);
            let cx = Context::new(text, &seg);
            let i = (0..cx.len()).find(|&j| cx.word(j) == cue).unwrap();
            let cm = CueMatch { cue: &FINITE, first: i, end: i + 1 };
            let (f, _) = relaxed(&cx, cx.sentence(i), &cm).unwrap();
            f.speaker.unwrap().text(text).to_string()
        };
        assert_eq!(
            subject("Critics of the food industry say it adds up.", "say"),
            "Critics of the food industry"
        );
        // One of them, not a plural head: the phrase after "of" alone.
        assert_eq!(
            subject("Part of the food industry say it adds up.", "say"),
            "the food industry"
        );
        // A speaker noun before another preposition heads the phrase; a
        // time before the cue is no part of it.
        assert_eq!(
            subject("A spokeswoman for the ministry says it.", "says"),
            "A spokeswoman for the ministry"
        );
        assert_eq!(
            subject("A survey by the group in March shows it.", "shows"),
            "A survey by the group"
        );
    }

    #[test]
    fn the_bench_content_criterion() {
        let s = Span::new;
        assert!(content_matches(&[s(0, 10)], &[s(0, 8)]));
        assert!(!content_matches(&[s(0, 10)], &[s(0, 4)]));
        assert!(content_matches(&[s(0, 10)], &[s(0, 4), s(6, 10)]));
        assert!(!content_matches(&[s(0, 4)], &[s(5, 9)]));
    }

    #[test]
    fn training_learns_a_cue_and_keeps_a_non_cue_out() {
        let doc = |text: &str, gold: &str| {
            let start = text.find(gold).unwrap();
            TrainingDocument {
                text: text.to_string(),
                gold: vec![GoldAttribution {
                    content: vec![Span::new(start, start + gold.len())],
                    cue: text.find("backed").map(|c| Span::new(c, c + 6)),
                    source: Some(Span::new(0, text.find(" backed").unwrap())),
                }],
            }
        };
        let mut docs = Vec::new();
        for (who, what) in [
            ("The senator", "the plan to raise the wage"),
            ("Her father", "a new school for the city"),
            ("Mr. Hill", "an end to the old tax"),
            ("The union", "the strike at the port"),
        ] {
            let text = format!("{who} backed {what}.");
            docs.push(doc(&text, what));
            docs.push(TrainingDocument {
                text: format!("{who} drove {what}."),
                gold: vec![],
            });
        }
        let options =
            TrainingOptions { iterations: 100, min_count: 1, l2: 1.0 };
        let (m, stats) = train_cue_model(&docs, options);
        assert_eq!(stats.positives, 4);
        let score = |text: &str| {
            let seg = crate::segment::segment(text);
            let (cx, found) = crate::extract::after_rules(text, &seg);
            let known = |w: &str| m.has_word(w) || Lexicon::get().is_cue(w);
            let c = candidates(&cx, &found, &known);
            c.iter().map(|c| c.score(&cx, &m)).fold(f32::MIN, f32::max)
        };
        assert!(score("The mayor backed the bill to fund the schools.") > 0.0);
        assert!(score("The mayor drove the bus to the new school.") <= 0.0);
    }
}
