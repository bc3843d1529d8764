//! The word lists attribution rules look words up in.
//!
//! Cue verbs come from `data/cues.tsv` (one lemma a line, with its class,
//! its tier and any irregular forms) and speaker nouns from
//! `data/speaker_nouns.tsv`. Both are embedded at compile time and parsed
//! once into hash maps; regular inflections ("argues", "argued",
//! "arguing") are generated here so the data lists lemmas only.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::model::CueClass;

const CUES: &str = include_str!("../../data/cues.tsv");
const SPEAKER_NOUNS: &str = include_str!("../../data/speaker_nouns.tsv");

/// A cue verb form found in the lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The verb's lemma ("say").
    pub lemma: String,
    /// What kind of speech act it reports.
    pub class: CueClass,
    /// True when the cue attributes only with a complement after it.
    pub needs_complement: bool,
    /// A particle that belongs to the cue ("for" in "call for").
    pub particle: Option<String>,
    /// True for the "-ing" form ("saying"), which continues a sentence.
    pub participle: bool,
}

/// All word lists, built once.
#[derive(Debug)]
pub struct Lexicon {
    cues: HashMap<String, Vec<Cue>>,
    speaker_nouns: HashSet<String>,
}

impl Lexicon {
    /// The lexicon built from the embedded data files.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut cues: HashMap<String, Vec<Cue>> = HashMap::new();
        for line in data_lines(CUES) {
            let (forms, cue) = parse_cue_line(line);
            for (form, participle) in forms {
                let cue = Cue { participle, ..cue.clone() };
                cues.entry(form).or_default().push(cue);
            }
        }
        let speaker_nouns =
            data_lines(SPEAKER_NOUNS).map(str::to_string).collect();
        Lexicon { cues, speaker_nouns }
    }

    /// The cue entries for a lower-case word form.
    pub fn cues(&'static self, lower: &str) -> &'static [Cue] {
        self.cues.get(lower).map_or(&[], Vec::as_slice)
    }

    /// True when the lower-case word is a form of a cue.
    pub fn is_cue(&self, lower: &str) -> bool {
        self.cues.contains_key(lower)
    }

    /// True when the lower-case word can head a speaker mention.
    pub fn is_speaker_noun(&self, lower: &str) -> bool {
        self.speaker_nouns.contains(lower)
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Parses one `cues.tsv` line into its forms and the shared entry.
///
/// # Panics
///
/// Panics on a malformed line; the data is embedded, and a test reads
/// every line, so a bad edit fails the build's tests, not a user's run.
fn parse_cue_line(line: &str) -> (Vec<(String, bool)>, Cue) {
    let cols: Vec<&str> = line.split('\t').collect();
    assert!(cols.len() >= 3, "cues.tsv: too few columns in {line:?}");
    let (lemma, particle) = match cols[0].split_once('+') {
        Some((l, p)) => (l, Some(p.to_string())),
        None => (cols[0], None),
    };
    let class = CueClass::from_name(cols[1])
        .unwrap_or_else(|| panic!("cues.tsv: unknown class in {line:?}"));
    let needs_complement = cols[2] == "2";
    let forms = match cols.get(3) {
        Some(irregular) => irregular_forms(lemma, irregular),
        None => regular_forms(lemma),
    };
    let cue = Cue {
        lemma: lemma.to_string(),
        class,
        needs_complement,
        particle,
        participle: false,
    };
    (forms, cue)
}

/// The lemma and its given past, participle, -s and -ing forms.
fn irregular_forms(lemma: &str, list: &str) -> Vec<(String, bool)> {
    let mut out = vec![(lemma.to_string(), false)];
    for (i, f) in list.split(',').enumerate() {
        out.push((f.to_string(), i == 3));
    }
    out.sort();
    out.dedup();
    out
}

/// The lemma with its regular inflections.
fn regular_forms(lemma: &str) -> Vec<(String, bool)> {
    let consonant_y = lemma.ends_with('y')
        && !lemma[..lemma.len() - 1].ends_with(['a', 'e', 'o', 'u']);
    let stem = &lemma[..lemma.len() - 1];
    let third = if consonant_y {
        format!("{stem}ies")
    } else if lemma.ends_with(['s', 'x', 'z'])
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    let past = if consonant_y {
        format!("{stem}ied")
    } else if lemma.ends_with('e') {
        format!("{lemma}d")
    } else {
        format!("{lemma}ed")
    };
    let ing = if lemma.ends_with('e') && !lemma.ends_with("ee") {
        format!("{stem}ing")
    } else {
        format!("{lemma}ing")
    };
    vec![
        (lemma.to_string(), false),
        (third, false),
        (past, false),
        (ing, true),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_sorted_and_unique() {
        for text in [CUES, SPEAKER_NOUNS] {
            let keys: Vec<&str> = data_lines(text)
                .map(|l| l.split('\t').next().unwrap())
                .collect();
            assert!(
                keys.windows(2).all(|w| w[0] < w[1]),
                "not sorted or not unique: {keys:?}"
            );
        }
    }

    #[test]
    fn every_cue_line_parses() {
        for line in data_lines(CUES) {
            let (forms, _) = parse_cue_line(line);
            // "put": lemma, past and participle are one form.
            assert!(forms.len() >= 3, "{line}");
        }
    }

    #[test]
    fn inflections_are_generated() {
        let lex = Lexicon::get();
        for form in ["argues", "argued", "arguing", "denied", "says"] {
            assert!(!lex.cues(form).is_empty(), "{form}");
        }
        assert!(lex.cues("saying")[0].participle);
        assert_eq!(lex.cues("told")[0].lemma, "tell");
        assert_eq!(lex.cues("accused")[0].class, CueClass::Accused);
        assert_eq!(lex.cues("called")[0].particle.as_deref(), Some("for"));
    }

    #[test]
    fn speaker_nouns_are_known() {
        let lex = Lexicon::get();
        assert!(lex.is_speaker_noun("spokesperson"));
        assert!(!lex.is_speaker_noun("fentanyl"));
    }
}
