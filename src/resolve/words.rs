//! The word classes actor finding looks words up in.
//!
//! They come from `data/actor_words.tsv` ("word<TAB>class", sorted),
//! embedded at compile time and parsed once: words that head an
//! organisation's, a government's or an outlet's name, nouns that head a
//! description of a person, and quantifiers that pick part of a group.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::lower_case;

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

/// The table, hashed with foldhash: std's SipHash is slow on short
/// strings, and each word of every name and description is looked up.
/// Keyed by bytes, as [`with_lower`] gives them.
type Table = HashMap<&'static [u8], WordClass, foldhash::fast::FixedState>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
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
                Some((word.as_bytes(), class))
            })
            .collect()
    })
}

fn data_lines() -> impl Iterator<Item = &'static str> {
    ACTOR_WORDS.lines().filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The class of `word`, whatever its case.
pub fn class_of(word: &str) -> Option<WordClass> {
    with_lower(word, |lower| table().get(lower).copied())
}

/// The longest word [`with_lower`] lowers on the stack.
const SHORT: usize = 32;

/// Calls `f` with the bytes of `word` in lower case, as
/// [`str::to_lowercase`] makes it. A short ASCII word, most of the words
/// of names and descriptions looked up in tables, is lowered in a buffer
/// on the stack: lowering a capitalised word into a new string each
/// time was most of a lookup. Bytes, not a `str`: checking the buffer
/// for UTF-8 again cost as much as the lookup.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    if word.len() <= SHORT && word.is_ascii() {
        let mut buf = [0u8; SHORT];
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        f(buf)
    } else {
        f(lower_case(word).as_bytes())
    }
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
    fn with_lower_is_to_lowercase() {
        let mut words: Vec<String> = [
            "",
            "a",
            "A",
            "Center",
            "CENTER",
            "spokesperson",
            "İstanbul",
            "KΑΪ",
            "ΣΑΣ",
            "López",
            "Mr.",
            "then-Attorney",
            "U.S.",
            "9/11",
            "\u{212a}elvin",
            "ǅ",
            "ẞ",
            "😀",
            "x\u{0}y",
        ]
        .map(String::from)
        .into();
        for n in [SHORT - 1, SHORT, SHORT + 1] {
            words.push("AbC".repeat(n).chars().take(n).collect());
            words.push(
                format!("{}É", "Ab".repeat(n)).chars().skip(n).collect(),
            );
        }
        for w in &words {
            assert_eq!(
                with_lower(w, <[u8]>::to_vec),
                w.to_lowercase().into_bytes(),
                "{w}"
            );
        }
    }

    #[test]
    fn classes_are_read() {
        assert_eq!(class_of("Center"), Some(WordClass::Org));
        assert_eq!(class_of("spokesperson"), Some(WordClass::Role));
        assert!(is_body_head("Post"));
        assert!(!is_body_head("Milgram"));
    }
}
