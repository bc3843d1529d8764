//! The mentions of a whole corpus in a compact form, for the corpus
//! actor pass ([`super::corpus`]).
//!
//! A [`Mention`] as one document's pass makes it holds its name, forms,
//! roles and affiliations as strings of their own: about 270 bytes and
//! several allocations each, for tens of millions of mentions in a
//! gigabyte of news, most of them the same few thousand names. Here
//! each distinct string is kept once and numbered, and a mention is a
//! few numbers (24 bytes, plus 4 per form, role and affiliation).

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
        self.all.shrink_to_fit();
    }

    /// Every string, by number.
    pub fn list(&self) -> &[Arc<str>] {
        &self.all
    }
}

/// A count of forms, roles or affiliations too large for a byte: the
/// mention's counts are kept in [`PackedMentions::long`] instead.
const LONG: u8 = u8::MAX;

/// What a [`Packed`] mention is, as bits; its class takes the bits
/// above them ([`CLASS_SHIFT`]).
const PERSON: u8 = 1;
const SPEAKER: u8 = 2;
const NAME_LIKE: u8 = 4;
const CLASS_SHIFT: u32 = 3;
/// The class's three bits, once shifted down.
const CLASS_MASK: u8 = 7;
/// Above the class's bits.
const THING: u8 = 1 << (CLASS_SHIFT + 3);
/// Above [`THING`]: the name is a body's ([`is_body_name`]).
const BODY: u8 = THING << 1;

/// The number of `class`, kept in [`Packed::flags`] above the flag
/// bits: in a byte of its own it took a mention to 24 bytes (21 rounded
/// up to the u32s' alignment), with it 20, some 80 MB less for the 20
/// million mentions of a 1 GB corpus.
fn class_number(class: Class) -> u8 {
    match class {
        Class::Name => 0,
        Class::Government => 1,
        Class::Unit => 2,
        Class::Anonymous => 3,
        Class::Group { local: false } => 4,
        Class::Group { local: true } => 5,
        Class::Pronoun => 6,
    }
}

/// The class numbered `n` by [`class_number`].
fn class_of(n: u8) -> Class {
    match n {
        0 => Class::Name,
        1 => Class::Government,
        2 => Class::Unit,
        3 => Class::Anonymous,
        4 => Class::Group { local: false },
        5 => Class::Group { local: true },
        _ => Class::Pronoun,
    }
}

/// One mention, its strings numbered in a [`Strings`] table and its
/// lists kept in one shared array: 20 bytes.
#[derive(Clone, Copy, Debug)]
pub struct Packed {
    name: u32,
    /// The mention of the same document it refers back to, or
    /// `u32::MAX`.
    refers_to: u32,
    /// Where its span starts in its document; u32, as
    /// [`PackedMentions::push`] checks.
    start: u32,
    /// Where its forms, then roles, then affiliations start in the
    /// shared list.
    at: u32,
    /// [`PERSON`], [`SPEAKER`], [`NAME_LIKE`], the class's number
    /// above them, and [`THING`] above that.
    flags: u8,
    /// How many forms, roles and affiliations it has, or [`LONG`] for
    /// all three when one of them does not fit a byte.
    forms: u8,
    roles: u8,
    affiliations: u8,
}

/// Every mention of a corpus, packed.
#[derive(Debug, Default)]
pub struct PackedMentions {
    packed: Vec<Packed>,
    lists: Vec<u32>,
    strings: Strings,
    /// The counts of forms, roles and affiliations of the mentions
    /// whose counts do not fit a byte, by global index.
    long: HashMap<u32, [u32; 3], foldhash::fast::RandomState>,
    /// For each string numbered so far, whether it is a body's name
    /// ([`is_body_name`]): [`UNKNOWN`] until a mention is named by it.
    /// A corpus names its mentions by a few thousand names, each asked
    /// about once; asked again of each mention, and once more each time
    /// the merge rules read [`MentionRef::is_body`], the question was a
    /// percent of a build. Dropped by [`Self::finish`].
    bodies: Vec<u8>,
}

/// Not yet known, in [`PackedMentions::bodies`].
const UNKNOWN: u8 = 2;

fn count(n: usize) -> u32 {
    u32::try_from(n).expect("under 4 billion")
}

impl PackedMentions {
    /// Adds `m`, which becomes the next global index. `name_like` is
    /// given whether `m`'s name is a body's ([`is_body_name`]), and what
    /// it says is kept for [`MentionRef::name_like`].
    pub fn push(&mut self, m: &Mention, name_like: impl FnOnce(bool) -> bool) {
        let at = count(self.lists.len());
        let strings = &mut self.strings;
        let lists = &mut self.lists;
        for s in m.forms.iter().chain(&m.roles).chain(&m.affiliations) {
            lists.push(strings.number(s));
        }
        let counts = [m.forms.len(), m.roles.len(), m.affiliations.len()];
        let small = counts.map(|n| u8::try_from(n).ok().filter(|&c| c < LONG));
        let [forms, roles, affiliations] = match small {
            [Some(f), Some(r), Some(a)] => [f, r, a],
            _ => {
                self.long.insert(count(self.packed.len()), counts.map(count));
                [LONG; 3]
            }
        };
        // Numbered after the lists, as the strings are numbered in the
        // order first seen.
        let name = strings.number(&m.name);
        let known = name as usize;
        if known >= self.bodies.len() {
            self.bodies.resize(known + 1, UNKNOWN);
        }
        if self.bodies[known] == UNKNOWN {
            self.bodies[known] = u8::from(is_body_name(&m.name));
        }
        let body = self.bodies[known] == 1;
        let name_like = name_like(body);
        let bit = |on: bool, bit: u8| if on { bit } else { 0 };
        let flags = bit(m.person, PERSON)
            | bit(m.speaker, SPEAKER)
            | bit(name_like, NAME_LIKE)
            | bit(m.thing, THING)
            | bit(body, BODY)
            | class_number(m.class) << CLASS_SHIFT;
        self.packed.push(Packed {
            name,
            refers_to: m.refers_to.map_or(u32::MAX, count),
            start: count(m.span.start()),
            at,
            flags,
            forms,
            roles,
            affiliations,
        });
    }

    /// Frees what only adding needed, and spare room.
    pub fn finish(&mut self) {
        self.bodies = Vec::new();
        self.strings.freeze();
        self.packed.shrink_to_fit();
        self.lists.shrink_to_fit();
    }

    /// How many mentions there are.
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    /// The strings of the names, forms, roles and affiliations, by
    /// number.
    pub fn strings(&self) -> &[Arc<str>] {
        self.strings.list()
    }

    /// Which strings are some mention's name or affiliation, by number.
    pub fn names_and_affiliations(&self) -> Vec<bool> {
        let mut used = vec![false; self.strings.list().len()];
        for g in 0..self.len() {
            used[self.packed[g].name as usize] = true;
            for &a in self.lists(g).2 {
                used[a as usize] = true;
            }
        }
        used
    }

    /// The number of mention `g`'s name in [`Self::strings`].
    pub fn name_number(&self, g: usize) -> u32 {
        self.packed[g].name
    }

    /// The numbers of mention `g`'s affiliations in [`Self::strings`].
    pub fn affiliation_numbers(&self, g: usize) -> &[u32] {
        self.lists(g).2
    }

    /// Mention `g`'s forms, roles and affiliations, as numbers.
    #[inline]
    fn lists(&self, g: usize) -> (&[u32], &[u32], &[u32]) {
        let p = &self.packed[g];
        let [forms, roles, affiliations] = if p.forms == LONG {
            self.long[&count(g)].map(|n| n as usize)
        } else {
            [p.forms, p.roles, p.affiliations].map(usize::from)
        };
        let at = p.at as usize;
        let roles_at = at + forms;
        let affs_at = roles_at + roles;
        (
            &self.lists[at..roles_at],
            &self.lists[roles_at..affs_at],
            &self.lists[affs_at..affs_at + affiliations],
        )
    }

    /// Mention `g`.
    ///
    /// Inlined: the merge rules call it millions of times, most of them
    /// for a field or two (the class, the name, a flag), and inlined the
    /// fields a caller does not read are not made. Its forms, roles and
    /// affiliations are found only when asked for: finding them (a
    /// look-up in [`Self::long`] for a few, and the bounds of three
    /// slices) was most of a call, and most callers read none of them.
    #[inline]
    pub fn get(&self, g: usize) -> MentionRef<'_> {
        let p = &self.packed[g];
        MentionRef {
            name: self.strings.get(p.name),
            class: class_of(p.flags >> CLASS_SHIFT & CLASS_MASK),
            thing: p.flags & THING != 0,
            person: p.flags & PERSON != 0,
            speaker: p.flags & SPEAKER != 0,
            name_like: p.flags & NAME_LIKE != 0,
            body: p.flags & BODY != 0,
            refers_to: (p.refers_to != u32::MAX)
                .then_some(p.refers_to as usize),
            start: p.start as usize,
            g,
            all: self,
        }
    }
}

/// A packed mention, read: what the corpus pass asks of a [`Mention`].
#[derive(Clone, Copy)]
pub struct MentionRef<'a> {
    /// The name, titles and possessive dropped.
    pub name: &'a str,
    /// What the mention is.
    pub class: Class,
    /// True when the text shows a person.
    pub person: bool,
    /// True when the text shows a thing, not a person.
    pub thing: bool,
    /// True when the mention speaks in an attribution.
    pub speaker: bool,
    /// True for a plain name that could be a person's, as the corpus
    /// pass said when it was added.
    pub name_like: bool,
    /// True when the name is a body's, as [`Mention::is_body`] says.
    body: bool,
    /// The mention of the same document it refers back to.
    pub refers_to: Option<usize>,
    /// Where its span starts in its document.
    pub start: usize,
    /// Its global index in `all`.
    g: usize,
    all: &'a PackedMentions,
}

/// Its fields and lists, not the corpus's whole table of strings.
impl std::fmt::Debug for MentionRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MentionRef")
            .field("name", &self.name)
            .field("class", &self.class)
            .field("person", &self.person)
            .field("thing", &self.thing)
            .field("speaker", &self.speaker)
            .field("name_like", &self.name_like)
            .field("refers_to", &self.refers_to)
            .field("start", &self.start)
            .field("forms", &self.forms().collect::<Vec<_>>())
            .field("roles", &self.roles().collect::<Vec<_>>())
            .field("affiliations", &self.affiliations().collect::<Vec<_>>())
            .finish()
    }
}

impl<'a> MentionRef<'a> {
    /// The surface forms, as written.
    pub fn forms(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let strings = &self.all.strings;
        self.all.lists(self.g).0.iter().map(move |&n| strings.get(n))
    }

    /// The titles and roles the text gives it.
    pub fn roles(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let strings = &self.all.strings;
        self.all.lists(self.g).1.iter().map(move |&n| strings.get(n))
    }

    /// True when the text gives it a title or role.
    pub fn has_roles(&self) -> bool {
        !self.all.lists(self.g).1.is_empty()
    }

    /// The names of the bodies it belongs to.
    pub fn affiliations(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let strings = &self.all.strings;
        self.all.lists(self.g).2.iter().map(move |&n| strings.get(n))
    }

    /// As [`Mention::is_acronym`].
    pub fn is_acronym(&self) -> bool {
        is_acronym(self.name)
    }

    /// As [`Mention::is_body`], found once for each name.
    pub fn is_body(&self) -> bool {
        self.body
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn every_class_reads_as_it_was_beside_the_flags() {
        let classes = [
            Class::Name,
            Class::Government,
            Class::Unit,
            Class::Anonymous,
            Class::Group { local: false },
            Class::Group { local: true },
            Class::Pronoun,
        ];
        let mut all = PackedMentions::default();
        for class in classes {
            let mut m = Mention::new(Span::new(0, 2), "it", class, "it");
            m.person = true;
            m.speaker = true;
            m.thing = true;
            all.push(&m, |_| true);
        }
        all.finish();
        for (g, class) in classes.into_iter().enumerate() {
            let got = all.get(g);
            assert_eq!(got.class, class);
            assert!(got.person && got.speaker && got.name_like);
            assert!(got.thing);
        }
    }

    #[test]
    fn a_packed_mention_reads_as_it_was() {
        let mut m = Mention::new(Span::new(4, 9), "Anne", Class::Name, "Anne");
        m.roles = vec!["Administrator".into()];
        m.affiliations = vec!["DEA".into(), "US".into()];
        m.person = true;
        m.refers_to = Some(2);
        let mut all = PackedMentions::default();
        let dea = Mention::new(Span::new(0, 3), "DEA", Class::Name, "DEA");
        all.push(&dea, |_| false);
        all.push(&m, |_| true);
        let mut many = m.clone();
        many.forms = (0..300).map(|i| i.to_string()).collect();
        all.push(&many, |_| false);
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
        assert!(got.name_like && !all.get(0).name_like);
        let long = all.get(2);
        assert_eq!(long.forms().count(), 300);
        assert_eq!(long.roles().collect::<Vec<_>>(), ["Administrator"]);
        assert_eq!(long.affiliations().collect::<Vec<_>>(), ["DEA", "US"]);
        assert_eq!(all.affiliation_numbers(2), all.affiliation_numbers(1));
        assert_eq!(std::mem::size_of::<Packed>(), 20);
    }

    #[test]
    fn a_packed_mention_is_a_body_as_its_name_says() {
        let names = [
            "Anne",
            "Center",
            "Wilson Center",
            "National Institutes of Health",
            "Port of Westhaven Authority",
            "Customs and Border Protection",
            "Rudman of the Wilson Center",
            "DEA",
            "Department of Health and Human Services",
            "Smith and Jones",
            "",
        ];
        let mut all = PackedMentions::default();
        let mut given = Vec::new();
        // Each name several times, as a name and as a form of another.
        for round in 0..3 {
            for (i, name) in names.iter().enumerate() {
                let form = names[(i + round) % names.len()];
                let m = Mention::new(Span::new(0, 1), name, Class::Name, form);
                all.push(&m, |body| {
                    given.push(body);
                    body
                });
            }
        }
        all.finish();
        assert_eq!(given.len(), all.len());
        for (g, &was_given) in given.iter().enumerate() {
            let got = all.get(g);
            let expected = is_body_name(got.name);
            assert_eq!(got.is_body(), expected, "{}", got.name);
            assert_eq!(was_given, expected, "{}", got.name);
            assert_eq!(got.name_like, expected, "{}", got.name);
        }
        assert!(given.iter().any(|&b| b) && given.iter().any(|&b| !b));
    }
}
