//! The speaker gate: a speaker the rules found is asserted only when a
//! model trained on annotated news finds it more likely right than wrong.
//!
//! A wrong speaker costs a fact-checker more than a missing one: the
//! graph would tie a claim to someone who never made it. The gate is a
//! logistic regression over the speaker and how it was found: the rule,
//! whether the content is quoted, the speaker's first and last words,
//! length and capitals, the word before it, how resolution tied it to an
//! actor, whether it stands inside a quotation, how far the cue is from
//! the content and how many attributions crowd the spot. Its weights are
//! in `data/speaker_gate.tsv`, made by `claimgraph train-speakers` from
//! PolNeAR train. An attribution it finds too unsure keeps its content
//! and cue, so the claim is still reported, but not its speaker: the
//! speaker moves to [`Attribution::withheld`], where `attributions
//! --explain` and the JSONL output show it for a person to check, and
//! `--all-speakers` keeps it.
//!
//! The gate reads no cue or content words. With them it scored better
//! on PolNeAR, but what it learned was which statements PolNeAR's
//! annotators mark, not whether a speaker is right: it withheld "AMLO
//! has repeatedly denied Mexico's role" and "China and Mexico have denied
//! those assertions" in the seeds (docs/accuracy.md, stop 29).
//!
//! The labels it learns from do not depend on how a split quotation is
//! counted (`docs/accuracy.md`, "Two conventions"): each piece takes the
//! label of the joined attribution it belongs to.

use std::sync::OnceLock;

use crate::extract::learned::{
    CueModel, GoldAttribution, TrainingDocument, TrainingOptions, Weights,
    content_matches, fit, parse_weights, touch, train_cue_model, weights_tsv,
};
use crate::model::{Attribution, Resolution, Span, Withheld};

const SHIPPED: &str = include_str!("../../data/speaker_gate.tsv");

/// The gate set by [`SpeakerGate::use_instead`].
static OVERRIDE: OnceLock<SpeakerGate> = OnceLock::new();

/// A linear model over string features that scores a speaker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerGate {
    weights: Weights,
    /// A speaker is kept when its score (log-odds of being right) is at
    /// least this.
    pub threshold: f32,
}

impl SpeakerGate {
    /// The gate in use: the one given to [`SpeakerGate::use_instead`], or
    /// the one shipped in `data/speaker_gate.tsv`.
    pub fn get() -> &'static SpeakerGate {
        if let Some(gate) = OVERRIDE.get() {
            return gate;
        }
        static GATE: OnceLock<SpeakerGate> = OnceLock::new();
        GATE.get_or_init(|| {
            SpeakerGate::parse(SHIPPED)
                .expect("data/speaker_gate.tsv is well formed")
        })
    }

    /// A gate that keeps every speaker (`--all-speakers`).
    pub fn open() -> SpeakerGate {
        SpeakerGate { threshold: f32::NEG_INFINITY, ..SpeakerGate::default() }
    }

    /// Makes `self` the gate every extraction in this process uses from
    /// now on, in place of the shipped one. Only the first call counts; a
    /// later one gives its gate back.
    ///
    /// # Errors
    ///
    /// The gate, when one was set already.
    pub fn use_instead(self) -> Result<(), SpeakerGate> {
        OVERRIDE.set(self)
    }

    /// Reads a gate from its TSV form: a `threshold` line, then one
    /// `feature<TAB>weight` line each; `#` starts a comment line.
    ///
    /// # Errors
    ///
    /// The line number and what is wrong with it.
    pub fn parse(text: &str) -> Result<SpeakerGate, String> {
        let (weights, threshold) = parse_weights(text)?;
        Ok(SpeakerGate { weights, threshold })
    }

    /// The gate in its TSV form, features sorted, so the same training
    /// gives the same file.
    pub fn to_tsv(&self) -> String {
        weights_tsv(
            "# claimgraph speaker gate: logistic regression weights, made \
             by\n# `claimgraph train-speakers` (see src/extract/gate.rs).\n",
            self.threshold,
            &self.weights,
        )
    }

    /// The number of features with a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when no feature has a weight.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The log-odds that attribution `i`'s speaker is right, given the
    /// [`content_starts`] of `atts`.
    fn score(
        &self,
        text: &str,
        atts: &[Attribution],
        starts: &[usize],
        i: usize,
    ) -> f32 {
        let mut sum = 0.0;
        features(text, atts, starts, i, &mut |f| {
            sum += self.weights.get(f).copied().unwrap_or(0.0);
        });
        sum
    }
}

/// Withholds the speakers the gate finds too unsure, in one document's
/// resolved attributions.
pub fn gate(text: &str, atts: &mut [Attribution]) {
    apply(SpeakerGate::get(), text, atts);
}

/// [`gate`] with a given gate.
fn apply(gate: &SpeakerGate, text: &str, atts: &mut [Attribution]) {
    if gate.threshold == f32::NEG_INFINITY {
        return;
    }
    let starts = content_starts(atts);
    let scores: Vec<Option<f32>> = (0..atts.len())
        .map(|i| {
            let speaker = atts[i].speaker.as_ref();
            speaker.map(|_| gate.score(text, atts, &starts, i))
        })
        .collect();
    for (a, score) in atts.iter_mut().zip(scores) {
        let Some(score) = score.filter(|&s| s < gate.threshold) else {
            continue;
        };
        if let Some(speaker) = a.speaker.take() {
            let chance = 100.0 / (1.0 + (-score).exp());
            // Rounded down: a speaker held back just under an even
            // chance must not read "50 % sure".
            a.withheld = Some(Box::new(Withheld {
                speaker,
                percent: chance.floor().clamp(0.0, 100.0) as u8,
            }));
        }
    }
}

/// The words of `s`: runs of letters, digits and apostrophes, and each
/// other mark that is not a space.
fn words(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        rest = rest.trim_start();
        let first = rest.chars().next()?;
        let wordy = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
        let end = if wordy(first) {
            rest.find(|c: char| !wordy(c)).unwrap_or(rest.len())
        } else {
            first.len_utf8()
        };
        let (word, tail) = rest.split_at(end);
        rest = tail;
        Some(word)
    })
}

/// ⌊log2(n + 1)⌋, at most `cap`.
fn log_bucket(n: usize, cap: u32) -> u32 {
    (usize::BITS - (n + 1).leading_zeros() - 1).min(cap)
}

/// How far back, in bytes, a speaker's paragraph is read for quotation
/// marks open before it.
const LOOK_BACK: usize = 1000;

/// Attributions whose contents start closer than this, in bytes, are
/// counted as crowding each other.
const NEAR: usize = 200;

/// Where each attribution's content starts, sorted.
fn content_starts(atts: &[Attribution]) -> Vec<usize> {
    let mut starts: Vec<usize> =
        atts.iter().map(|a| a.content_extent().start()).collect();
    starts.sort_unstable();
    starts
}

/// Calls `emit` with each feature of attribution `i`'s speaker, given
/// the [`content_starts`] of the document's attributions. The names are
/// built in one buffer from their parts, without the formatting
/// machinery (which took most of the gate's time), so scoring allocates
/// nothing per feature.
fn features(
    text: &str,
    atts: &[Attribution],
    starts: &[usize],
    i: usize,
    emit: &mut dyn FnMut(&str),
) {
    let a = &atts[i];
    let Some(sp) = &a.speaker else { return };
    let mut buf = String::with_capacity(64);
    let mut put = |parts: &[Part]| {
        buf.clear();
        for part in parts {
            part.push_to(&mut buf);
        }
        emit(&buf);
    };
    use Part::{Flag, Lower, Num, Str};
    let rule = a.rule.as_str();
    let direct = Flag(a.direct);
    put(&[Str("bias")]);
    put(&[Str("r="), Str(rule)]);
    put(&[Str("d="), direct]);
    put(&[Str("rd="), Str(rule), Str("|"), direct]);

    let mention = sp.span.text(text);
    let n = words(mention).count();
    let first = words(mention).next().unwrap_or("");
    let head = words(mention).last().unwrap_or("");
    put(&[Str("sf="), Lower(first)]);
    put(&[Str("sh="), Lower(head)]);
    put(&[Str("scap="), Flag(head.starts_with(char::is_uppercase))]);
    put(&[Str("slen="), Num(n.min(8))]);
    put(&[Str("rslen="), Str(rule), Str("|"), Num(n.min(8))]);
    let before = floor(text, sp.span.start().saturating_sub(30));
    let before = words(&text[before..sp.span.start()]).last();
    put(&[Str("sb="), before.map_or(Str("^"), Lower)]);
    let res = match sp.resolution {
        Resolution::Named => "named",
        Resolution::Alias(_) => "alias",
        Resolution::Antecedent(_) => "antecedent",
        Resolution::Unresolved => "unresolved",
    };
    let cap = Flag(sp.name.starts_with(char::is_uppercase));
    put(&[Str("res="), Str(res)]);
    put(&[Str("rres="), Str(rule), Str("|"), Str(res), Str("|"), cap]);
    // The paragraph so far, or its last LOOK_BACK bytes: a document of
    // one long line must not cost a scan to its start per speaker.
    let from = floor(text, sp.span.start().saturating_sub(LOOK_BACK));
    let lead = &text[from..sp.span.start()];
    let lead = lead.rfind('\n').map_or(lead, |p| &lead[p + 1..]);
    let opens = lead.matches('“').count();
    let closes = lead.matches('”').count();
    // "\"PENCE: …": a transcript's turn, quoted, opens with its speaker.
    let turn = matches!(lead.trim(), "\"" | "“");
    let inside =
        !turn && (opens > closes || lead.matches('"').count() % 2 == 1);
    put(&[Str("sinq="), Flag(inside)]);

    let extent = a.content_extent();
    put(&[Str("np="), Num(a.content.len())]);
    if let Some(c) = a.cue {
        let after = c.start() >= extent.end();
        let gap = if after {
            c.start() - extent.end()
        } else {
            extent.start().saturating_sub(c.end())
        };
        put(&[Str("cd="), Num(log_bucket(gap + 1, 10) as usize)]);
        put(&[Str("cafter="), Flag(after)]);
    }
    let at = extent.start();
    let near = starts.partition_point(|&s| s < at.saturating_add(NEAR))
        - starts.partition_point(|&s| s + NEAR <= at);
    put(&[Str("near="), Num(near.min(4))]);
}

/// A part of a feature's name.
#[derive(Clone, Copy)]
enum Part<'a> {
    Str(&'a str),
    /// A word, in lower case.
    Lower(&'a str),
    Num(usize),
    Flag(bool),
}

impl Part<'_> {
    fn push_to(self, buf: &mut String) {
        match self {
            Part::Str(s) => buf.push_str(s),
            Part::Lower(s) if s.is_ascii() => {
                buf.extend(
                    s.bytes().map(|b| char::from(b.to_ascii_lowercase())),
                );
            }
            Part::Lower(s) => buf.push_str(&s.to_lowercase()),
            Part::Num(n) if n < 10 => {
                buf.push(char::from(b'0' + n as u8));
            }
            Part::Num(n) => buf.push_str(&n.to_string()),
            Part::Flag(b) => buf.push_str(if b { "true" } else { "false" }),
        }
    }
}

/// The char boundary at or before `at`.
fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// What [`train_speaker_gate`] saw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GateStats {
    /// Attributions with a speaker.
    pub speakers: usize,
    /// Those whose speaker was right.
    pub right: usize,
    /// Features seen often enough to get a weight.
    pub features: usize,
}

/// The gold attributions each joined attribution matches, as the bench
/// scorer pairs them: greedy, one to one, by overlap ratio.
fn matches(
    joined: &[Attribution],
    gold: &[GoldAttribution],
) -> Vec<Option<usize>> {
    let len =
        |v: &[Span]| v.iter().map(|s| s.end() - s.start()).sum::<usize>();
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in joined.iter().enumerate() {
            if !content_matches(&p.content, &g.content) {
                continue;
            }
            let overlap: usize = p
                .content
                .iter()
                .flat_map(|x| {
                    g.content.iter().map(move |y| {
                        x.end()
                            .min(y.end())
                            .saturating_sub(x.start().max(y.start()))
                    })
                })
                .sum();
            let longer = len(&p.content).max(len(&g.content));
            // Ratio descending, then overlap descending, then order.
            let key = (
                u64::MAX - (overlap as u64 * 1_000_000 / longer as u64),
                usize::MAX - overlap,
                gi,
                pi,
            );
            pairs.push(key);
        }
    }
    pairs.sort_unstable();
    let mut used = vec![false; gold.len()];
    let mut out = vec![None; joined.len()];
    for (_, _, gi, pi) in pairs {
        if !used[gi] && out[pi].is_none() {
            used[gi] = true;
            out[pi] = Some(gi);
        }
    }
    out
}

/// Each speaker's features and whether it was right: its attribution,
/// joined as PolNeAR counts a split quotation, matches a gold one whose
/// source it touches.
fn examples(doc: &TrainingDocument) -> Vec<(Vec<String>, bool)> {
    let text = &doc.text;
    let seg = crate::segment::segment(text);
    let mut atts = super::extract(text, &seg);
    crate::resolve::resolve(text, &mut atts);
    let joined = super::join_split_quotes(text, atts.clone());
    let pairs = matches(&joined, &doc.gold);
    let right: Vec<bool> = joined
        .iter()
        .zip(&pairs)
        .map(|(a, g)| {
            g.is_some_and(|g| {
                let speaker = a.speaker.as_ref().map(|s| s.span);
                speaker.is_some() && touch(speaker, doc.gold[g].source)
            })
        })
        .collect();
    let starts = content_starts(&atts);
    (0..atts.len())
        .filter(|&i| atts[i].speaker.is_some())
        .map(|i| {
            let first = atts[i].content.first().copied();
            let host = joined
                .iter()
                .position(|j| first.is_some_and(|f| j.content.contains(&f)));
            let mut names = Vec::new();
            features(text, &atts, &starts, i, &mut |f| {
                names.push(f.to_string());
            });
            (names, host.is_some_and(|h| right[h]))
        })
        .collect()
}

/// Trains the speaker gate on annotated documents: L2-regularised
/// logistic regression fitted by L-BFGS, as the cue model is, so the same
/// corpus gives the same weights. The gate's threshold is 0 (even odds)
/// until the caller sets another.
///
/// With `folds` above 1, document `n` is extracted with a cue model
/// trained (with the default options and the model in use's threshold)
/// on the documents of the other folds (`n % folds` is its fold), so
/// the gate learns how often the cue model's speakers are right on
/// articles it never saw, as they will be in use. On its own training
/// articles the cue model finds its cues far more surely, and a gate
/// fitted there trusts it too much.
pub fn train_speaker_gate(
    docs: &[TrainingDocument],
    options: TrainingOptions,
    folds: usize,
) -> (SpeakerGate, GateStats) {
    use rayon::prelude::*;
    // One fold (or none) is the shipped model throughout.
    let folds = if folds > 1 { folds } else { 0 };
    let models: Vec<&'static CueModel> = (0..folds)
        .map(|k| {
            let others: Vec<TrainingDocument> = docs
                .iter()
                .enumerate()
                .filter(|(n, _)| n % folds != k)
                .map(|(_, d)| d.clone())
                .collect();
            let (mut model, _) =
                train_cue_model(&others, TrainingOptions::default());
            model.threshold = CueModel::get().threshold;
            // Leaked: the models live as long as the training command.
            &*Box::leak(Box::new(model))
        })
        .collect();
    let per_doc: Vec<Vec<(Vec<String>, bool)>> = docs
        .par_iter()
        .enumerate()
        .map(|(n, doc)| match models.len() {
            0 => examples(doc),
            k => CueModel::scoped(models[n % k], || examples(doc)),
        })
        .collect();
    let fitted = fit(&per_doc, options);
    let stats = GateStats {
        speakers: fitted.examples,
        right: fitted.positives,
        features: fitted.features,
    };
    let weights = fitted.weights;
    (SpeakerGate { weights, threshold: 0.0 }, stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_marks_and_keep_apostrophes() {
        let got: Vec<&str> = words("“It’s over,” said O'Neil.").collect();
        assert_eq!(
            got,
            ["“", "It’s", "over", ",", "”", "said", "O'Neil", "."]
        );
        assert_eq!(words("   ").count(), 0);
    }

    #[test]
    fn buckets_are_base_two_logs() {
        assert_eq!(log_bucket(0, 12), 0);
        assert_eq!(log_bucket(1, 12), 1);
        assert_eq!(log_bucket(3, 12), 2);
        assert_eq!(log_bucket(100_000, 12), 12);
    }

    #[test]
    fn the_tsv_form_reads_back() {
        let gate =
            SpeakerGate::parse("# c\nthreshold\t0.5\nbias\t1.25\n").unwrap();
        assert_eq!(gate.threshold, 0.5);
        assert_eq!(SpeakerGate::parse(&gate.to_tsv()).unwrap(), gate);
        let err = SpeakerGate::parse("bias 1").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
    }

    fn found(text: &str) -> Vec<Attribution> {
        let mut atts =
            crate::extract::extract(text, &crate::segment::segment(text));
        crate::resolve::resolve(text, &mut atts);
        atts
    }

    #[test]
    fn an_unsure_speaker_is_withheld_and_kept_for_checking() {
        let text = "Anne Milgram said the pills cost 10 cents. Tom Jones \
                    said they cost more.";
        // Unsure of a Milgram, sure of anyone else.
        let gate =
            SpeakerGate::parse("threshold\t0\nbias\t1\nsh=milgram\t-2\n")
                .unwrap();
        let mut atts = found(text);
        apply(&gate, text, &mut atts);
        assert_eq!(atts.len(), 2, "{atts:?}");
        assert!(atts[0].speaker.is_none());
        let w = atts[0].withheld.as_ref().expect("withheld");
        assert_eq!(w.speaker.span.text(text), "Anne Milgram");
        // e^-1 / (1 + e^-1): 27 % sure.
        assert_eq!(w.percent, 26);
        assert_eq!(atts[0].found_speaker(), Some(&w.speaker));
        assert_eq!(atts[0].content_text(text), "the pills cost 10 cents");
        let kept = atts[1].speaker.as_ref().expect("kept");
        assert_eq!(kept.span.text(text), "Tom Jones");
        assert!(atts[1].withheld.is_none());
    }

    #[test]
    fn a_quoted_transcripts_speaker_is_not_inside_the_quotation() {
        let text = "Transcript:\n\n\"PENCE: Well, look, this is serious \
                    business for all of us.";
        // Unsure of any speaker inside a quotation.
        let gate =
            SpeakerGate::parse("threshold\t0\nbias\t1\nsinq=true\t-2\n")
                .unwrap();
        let mut atts = found(text);
        apply(&gate, text, &mut atts);
        assert!(atts[0].speaker.is_some(), "{atts:?}");
    }

    #[test]
    fn an_open_gate_keeps_every_speaker() {
        let text = "Anne Milgram said the pills cost 10 cents.";
        let mut atts = found(text);
        apply(&SpeakerGate::open(), text, &mut atts);
        assert!(
            atts.iter().all(|a| a.speaker.is_some() && a.withheld.is_none())
        );
    }

    #[test]
    fn a_withheld_piece_still_joins_its_quotation() {
        let text = "“It is bad,” she said. “It is worse.”";
        let gate = SpeakerGate::parse(
            "threshold\t0\nbias\t1\nr=quote/previous-sentence\t-3\n",
        )
        .unwrap();
        let mut atts = found(text);
        apply(&gate, text, &mut atts);
        assert_eq!(atts.len(), 2, "{atts:?}");
        assert!(atts[1].speaker.is_none() && atts[1].withheld.is_some());
        let joined = crate::extract::join_split_quotes(text, atts);
        assert_eq!(joined.len(), 1, "{joined:?}");
        assert_eq!(joined[0].content.len(), 2);
        assert!(joined[0].speaker.is_some());
    }

    #[test]
    fn pieces_of_a_split_quotation_share_their_label() {
        let text = "“It is bad,” she said. “It is worse.”";
        let piece = |s: &str| {
            let at = text.find(s).unwrap();
            Span::new(at, at + s.len())
        };
        let gold = |source: &str| TrainingDocument {
            text: text.into(),
            gold: vec![GoldAttribution {
                content: vec![piece("It is bad,"), piece("It is worse.")],
                cue: Some(piece("said")),
                source: Some(piece(source)),
            }],
        };
        let labels = |doc| -> Vec<bool> {
            examples(&doc).into_iter().map(|(_, right)| right).collect()
        };
        assert_eq!(labels(gold("she")), [true, true]);
        assert_eq!(labels(gold("said")), [false, false]);
    }
}
