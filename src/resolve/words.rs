//! The word classes actor finding looks words up in.
//!
//! They come from `data/actor_words.tsv` ("word<TAB>class", sorted),
//! embedded at compile time and parsed once: words that head an
//! organisation's, a government's or an outlet's name, nouns that head a
//! description of a person, and quantifiers that pick part of a group.

use std::collections::HashMap;
use std::sync::OnceLock;

const ACTOR_WORDS: &str = include_str!("../../data/actor_words.tsv");

/// What a word says about the phrase it heads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordClass {
    /// "Center", "Committee": an organisation's name.
    Org,
    /// "administration", "Ministry": a government or part of one.
    Government,
    /// "Post", "Times": a news outlet's name.
    Publication,
    /// "spokesperson", "adviser": a description of a person.
    Role,
    /// "some", "handful": part of a group.
    Quantifier,
}

fn table() -> &'static HashMap<&'static str, WordClass> {
    static TABLE: OnceLock<HashMap<&'static str, WordClass>> = OnceLock::new();
    TABLE.get_or_init(|| {
        data_lines()
            .filter_map(|line| {
                let (word, class) = line.split_once('\t')?;
                let class = match class {
                    "org" => WordClass::Org,
                    "government" => WordClass::Government,
                    "publication" => WordClass::Publication,
                    "role" => WordClass::Role,
                    "quantifier" => WordClass::Quantifier,
                    _ => return None,
                };
                Some((word, class))
            })
            .collect()
    })
}

fn data_lines() -> impl Iterator<Item = &'static str> {
    ACTOR_WORDS.lines().filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The class of `word`, whatever its case.
pub fn class_of(word: &str) -> Option<WordClass> {
    table().get(word.to_lowercase().as_str()).copied()
}

/// True when `word` is of class `class`.
pub fn is(word: &str, class: WordClass) -> bool {
    class_of(word) == Some(class)
}

/// True when `word` heads the name of a body: an organisation, a
/// government or an outlet.
pub fn is_body_head(word: &str) -> bool {
    matches!(
        class_of(word),
        Some(WordClass::Org | WordClass::Government | WordClass::Publication)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_words_are_sorted_unique_and_classed() {
        let words: Vec<&str> = data_lines()
            .map(|l| l.split_once('\t').expect("word<TAB>class").0)
            .collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]), "not sorted");
        assert_eq!(table().len(), words.len(), "a line has a bad class");
    }

    #[test]
    fn classes_are_read() {
        assert_eq!(class_of("Center"), Some(WordClass::Org));
        assert_eq!(class_of("spokesperson"), Some(WordClass::Role));
        assert!(is_body_head("Post"));
        assert!(!is_body_head("Milgram"));
    }
}
