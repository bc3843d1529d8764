//! The mentions of a whole corpus in a compact form, for the corpus
//! actor pass ([`super::corpus`]).
//!
//! A [`Mention`] as one document's pass makes it holds its name, forms,
//! roles and affiliations as strings of their own: about 270 bytes and
//! several allocations each, for tens of millions of mentions in a
//! gigabyte of news, most of them the same few thousand names. Here
//! each distinct string is kept once and numbered, and a mention is a
//! few numbers (32 bytes, plus 4 per form, role and affiliation).

use std::collections::HashMap;
use std::sync::Arc;

use super::mentions::{Class, Mention, is_acronym, is_body_name};

/// Each distinct string once, numbered in the order first seen.
#[derive(Debug, Default)]
pub struct Strings {
    index: HashMap<Arc<str>, u32, foldhash::fast::RandomState>,
    all: Vec<Arc<str>>,
}

impl Strings {
    /// The number of `s`, added when new.
    pub fn number(&mut self, s: &str) -> u32 {
        if let Some(&n) = self.index.get(s) {
            return n;
        }
        let n = u32::try_from(self.all.len()).expect("under 4 billion");
        let shared: Arc<str> = Arc::from(s);
        self.index.insert(Arc::clone(&shared), n);
        self.all.push(shared);
        n
    }

    /// The string numbered `n`.
    pub fn get(&self, n: u32) -> &str {
        &self.all[n as usize]
    }

    /// Every string, by number; the table can no longer grow.
    pub fn into_list(self) -> Vec<Arc<str>> {
        self.all
    }

    /// Stops the table from growing: drops the look-up by string.
    pub fn freeze(&mut self) {
        self.index = HashMap::default();
    }
}

/// One mention, its strings numbered in a [`Strings`] table and its
/// lists kept in one shared array.
#[derive(Clone, Copy, Debug)]
pub struct Packed {
    name: u32,
    class: Class,
    person: bool,
    speaker: bool,
    /// The mention of the same document it refers back to, or
    /// `u32::MAX`.
    refers_to: u32,
    /// Where its span starts in its document; u32, as
    /// [`PackedMentions::push`] checks, to make a mention 32 bytes, not 40.
    start: u32,
    /// Where its forms, then roles, then affiliations start in the
    /// shared list.
    at: u32,
    forms: u32,
    roles: u32,
    affiliations: u32,
}

/// Every mention of a corpus, packed.
#[derive(Debug, Default)]
pub struct PackedMentions {
    packed: Vec<Packed>,
    lists: Vec<u32>,
    strings: Strings,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).expect("under 4 billion")
}

impl PackedMentions {
    /// Adds `m`, which becomes the next global index.
    pub fn push(&mut self, m: &Mention) {
        let at = count(self.lists.len());
        let strings = &mut self.strings;
        let lists = &mut self.lists;
        for s in m.forms.iter().chain(&m.roles).chain(&m.affiliations) {
            lists.push(strings.number(s));
        }
        self.packed.push(Packed {
            name: strings.number(&m.name),
            class: m.class,
            person: m.person,
            speaker: m.speaker,
            refers_to: m.refers_to.map_or(u32::MAX, count),
            start: count(m.span.start),
            at,
            forms: count(m.forms.len()),
            roles: count(m.roles.len()),
            affiliations: count(m.affiliations.len()),
        });
    }

    /// Frees what only adding needed, and spare room.
    pub fn finish(&mut self) {
        self.strings.freeze();
        self.packed.shrink_to_fit();
        self.lists.shrink_to_fit();
    }

    /// How many mentions there are.
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    /// Mention `g`.
    pub fn get(&self, g: usize) -> MentionRef<'_> {
        let p = &self.packed[g];
        let at = p.at as usize;
        let roles_at = at + p.forms as usize;
        let affs_at = roles_at + p.roles as usize;
        MentionRef {
            name: self.strings.get(p.name),
            class: p.class,
            person: p.person,
            speaker: p.speaker,
            refers_to: (p.refers_to != u32::MAX)
                .then_some(p.refers_to as usize),
            start: p.start as usize,
            forms: &self.lists[at..roles_at],
            roles: &self.lists[roles_at..affs_at],
            affiliations: &self.lists
                [affs_at..affs_at + p.affiliations as usize],
            strings: &self.strings,
        }
    }
}

/// A packed mention, read: what the corpus pass asks of a [`Mention`].
#[derive(Clone, Copy, Debug)]
pub struct MentionRef<'a> {
    /// The name, titles and possessive dropped.
    pub name: &'a str,
    /// What the mention is.
    pub class: Class,
    /// True when the text shows a person.
    pub person: bool,
    /// True when the mention speaks in an attribution.
    pub speaker: bool,
    /// The mention of the same document it refers back to.
    pub refers_to: Option<usize>,
    /// Where its span starts in its document.
    pub start: usize,
    forms: &'a [u32],
    roles: &'a [u32],
    affiliations: &'a [u32],
    strings: &'a Strings,
}

impl<'a> MentionRef<'a> {
    /// The surface forms, as written.
    pub fn forms(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let strings = self.strings;
        self.forms.iter().map(move |&n| strings.get(n))
    }

    /// The titles and roles the text gives it.
    pub fn roles(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let strings = self.strings;
        self.roles.iter().map(move |&n| strings.get(n))
    }

    /// True when the text gives it a title or role.
    pub fn has_roles(&self) -> bool {
        !self.roles.is_empty()
    }

    /// The names of the bodies it belongs to.
    pub fn affiliations(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let strings = self.strings;
        self.affiliations.iter().map(move |&n| strings.get(n))
    }

    /// As [`Mention::is_acronym`].
    pub fn is_acronym(&self) -> bool {
        is_acronym(self.name)
    }

    /// As [`Mention::is_body`].
    pub fn is_body(&self) -> bool {
        is_body_name(self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn a_packed_mention_reads_as_it_was() {
        let mut m = Mention::new(Span::new(4, 9), "Anne", Class::Name, "Anne");
        m.roles = vec!["Administrator".into()];
        m.affiliations = vec!["DEA".into(), "US".into()];
        m.person = true;
        m.refers_to = Some(2);
        let mut all = PackedMentions::default();
        all.push(&Mention::new(Span::new(0, 3), "DEA", Class::Name, "DEA"));
        all.push(&m);
        all.finish();
        let got = all.get(1);
        assert_eq!((got.name, got.class, got.start), ("Anne", Class::Name, 4));
        assert_eq!(
            (got.person, got.speaker, got.refers_to),
            (true, false, Some(2))
        );
        assert_eq!(got.forms().collect::<Vec<_>>(), ["Anne"]);
        assert_eq!(got.roles().collect::<Vec<_>>(), ["Administrator"]);
        assert_eq!(got.affiliations().collect::<Vec<_>>(), ["DEA", "US"]);
        assert!(all.get(0).is_acronym() && all.get(0).refers_to.is_none());
    }
}
