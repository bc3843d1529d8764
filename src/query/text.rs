//! Matching claim text: folded words, or a regular expression.
//!
//! Words are compared after the folding actor names get
//! ([`canonical_key`]): case, the accents news names use, hyphens,
//! apostrophes and possessives, so "Lopez" finds "López" and "dont" finds
//! "don’t".

use std::collections::HashSet;

use regex::{Regex, RegexBuilder};

use crate::resolve::canonical_key;

/// The words of `text`, folded, in order.
///
/// ```
/// use claimgraph::query::fold_words;
/// assert_eq!(
///     fold_words("Here, we don’t produce U.S.-made fentanyl."),
///     ["here", "we", "dont", "produce", "us", "made", "fentanyl"],
/// );
/// assert_eq!(fold_words("López Obrador’s"), ["lopez", "obrador"]);
/// ```
pub fn fold_words(text: &str) -> Vec<String> {
    let joins = |c: char| matches!(c, '\'' | '’' | '.' | '-' | '‐' | '–');
    let mut out = Vec::new();
    for token in text.split(|c: char| !(c.is_alphanumeric() || joins(c))) {
        let key = canonical_key(token);
        let words = key.split(|c: char| !c.is_alphanumeric());
        out.extend(words.filter(|w| !w.is_empty()).map(str::to_string));
    }
    out
}

/// Why a pattern cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PatternError {
    /// A word pattern with no word in it ("", "…").
    #[error("the pattern {0:?} has no words")]
    NoWords(String),
    /// A regular expression that does not compile; the message says
    /// why.
    #[error("bad regular expression: {0}")]
    Regex(regex::Error),
}

/// What `who-said` looks for in a claim's text.
#[derive(Clone, Debug)]
pub enum Pattern {
    /// Every one of these folded words, in any order.
    Words(Vec<String>),
    /// A regular expression, matched without regard to case against the
    /// text as written and against its folded form.
    Regex(Regex),
}

impl Pattern {
    /// A pattern that matches text with every word of `pattern`.
    ///
    /// ```
    /// use claimgraph::query::Pattern;
    /// let p = Pattern::words("Lopez obrador")?;
    /// assert!(p.is_match("Andrés Manuel López-Obrador said"));
    /// assert!(!p.is_match("Obrador"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn words(pattern: &str) -> Result<Pattern, PatternError> {
        let words = fold_words(pattern);
        if words.is_empty() {
            return Err(PatternError::NoWords(pattern.to_string()));
        }
        Ok(Pattern::Words(words))
    }

    /// A pattern that matches text the regular expression `pattern`
    /// finds, ignoring case.
    pub fn regex(pattern: &str) -> Result<Pattern, PatternError> {
        let re = RegexBuilder::new(pattern)
            .case_insensitive(true)
            .build()
            .map_err(PatternError::Regex)?;
        Ok(Pattern::Regex(re))
    }

    /// True when `text` matches.
    pub fn is_match(&self, text: &str) -> bool {
        match self {
            Pattern::Words(want) => {
                let have = fold_words(text);
                let have: HashSet<&str> =
                    have.iter().map(String::as_str).collect();
                want.iter().all(|w| have.contains(w.as_str()))
            }
            Pattern::Regex(re) => {
                re.is_match(text) || re.is_match(&canonical_key(text))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_case_accents_and_order() {
        let p = Pattern::words("FENTANYL  produce").unwrap();
        assert!(p.is_match("Here, we don’t produce fentanyl."));
        assert!(!p.is_match("Mexico produces fentanyl"));
        let p = Pattern::words("dont").unwrap();
        assert!(p.is_match("we don’t consume"));
    }

    #[test]
    fn a_pattern_without_words_is_refused() {
        assert!(matches!(
            Pattern::words(" … "),
            Err(PatternError::NoWords(_))
        ));
    }

    #[test]
    fn regex_matches_as_written_or_folded() {
        let p = Pattern::regex(r"produc(e|es) fentanyl").unwrap();
        assert!(p.is_match("Mexico PRODUCES fentanyl"));
        let p = Pattern::regex(r"lopez obrador").unwrap();
        assert!(p.is_match("said López Obrador"));
        assert!(Pattern::regex("(unclosed").is_err());
    }
}
