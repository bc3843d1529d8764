//! Plain data types shared by every stage of the pipeline.
//!
//! This module sits at the bottom of the crate: it imports nothing else
//! from claimgraph. Text stages produce these values, the graph stores
//! them, and the store and exporters read them back. Every span is a byte
//! range into the original [`Document::text`] and is never changed once a
//! stage has produced it; conversion to Unicode code points happens only at
//! the output edge (see [`Span::to_chars`]).

use std::borrow::Cow;
use std::sync::Arc;

use arcstr::ArcStr;
use serde::{Deserialize, Serialize};

mod spill;
pub use spill::Spill;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
pub struct Span {
    /// First byte of the range; u32, as a document is refused at reading
    /// when it runs to 4 GiB, so that the millions of spans of a large
    /// corpus take half the room.
    start: u32,
    /// One past the last byte of the range.
    end: u32,
}

impl Span {
    /// Makes a span from its two byte offsets.
    ///
    /// # Panics
    ///
    /// Panics when `end < start`, or when `end` is 4 GiB or more (no
    /// document read by [`crate::ingest`] is that long).
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span end {end} before start {start}");
        let end = u32::try_from(end).expect("a document under 4 GiB");
        Span { start: start as u32, end }
    }

    /// First byte of the range.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// One past the last byte of the range.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The number of bytes the span covers.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text the span covers.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start()..self.end()]
    }

    /// Converts the byte span to a code-point span with the index `chars`.
    pub fn to_chars(&self, chars: &CharIndex) -> [usize; 2] {
        [chars.char_at(self.start()), chars.char_at(self.end())]
    }
}

/// Maps byte offsets of one text to Unicode code-point offsets.
///
/// Built once per document in linear time; each lookup is a binary search
/// over the multi-byte characters only, so ASCII text costs nothing.
#[derive(Debug)]
pub struct CharIndex {
    /// Byte offsets of the characters longer than one byte, with the
    /// number of extra bytes seen up to and including each.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Indexes `text`.
    ///
    /// A scan of bytes, eight at a time where they are all ASCII: each
    /// report's evidence indexes its document's text, and decoding every
    /// character was a percent of a build.
    pub fn new(text: &str) -> CharIndex {
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        let mut extra = 0;
        let mut i = 0;
        while i < bytes.len() {
            if let Some(eight) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(eight.try_into().expect("8"));
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            // A lead byte starts a character of two, three or four bytes;
            // the bytes that continue it (0x80 to 0xBF) are passed over.
            let len = match bytes[i] {
                0xf0.. => 4,
                0xe0.. => 3,
                0xc0.. => 2,
                _ => 1,
            };
            if len > 1 {
                extra += len - 1;
                wide.push((i, extra));
                i += len;
            } else {
                i += 1;
            }
        }
        CharIndex { wide }
    }

    /// The code-point offset of the byte offset `byte` (a char boundary).
    pub fn char_at(&self, byte: usize) -> usize {
        let n = self.wide.partition_point(|&(i, _)| i < byte);
        if n == 0 { byte } else { byte - self.wide[n - 1].1 }
    }
}

/// One article as read from disk, with its metadata when the input had it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file stem, or the `id` field of a JSONL record.
    pub id: String,
    /// The article's text after markup removal; all spans point into it.
    pub text: String,
    /// Title from the input's metadata, when given.
    pub title: Option<String>,
    /// Address of the article, when given.
    pub url: Option<String>,
    /// Publication date as written in the input, when given.
    pub date: Option<String>,
    /// Publisher named by the input's metadata, when given.
    pub publisher: Option<String>,
}

/// What kind of speech act a cue reports.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
#[non_exhaustive]
pub enum CueClass {
    /// Neutral report: said, told, added, wrote.
    Said,
    /// An assertion the speaker stands behind: claimed, insisted, argued.
    Claimed,
    /// A denial or rejection: denied, rejected, disputed.
    Denied,
    /// An accusation or blame: accused, blamed, criticized.
    Accused,
    /// A promise or commitment: pledged, promised, vowed.
    Pledged,
    /// A warning or prediction: warned, predicted, cautioned.
    Warned,
    /// A statement made public: announced, reported, revealed.
    Announced,
    /// A question or request: asked, urged, called for.
    Asked,
    /// Admission or agreement: acknowledged, admitted, conceded.
    Admitted,
    /// A belief, intention or evaluation: believes, expects, wants.
    Believed,
    /// A finding from data or a study: showed, found, according to.
    Found,
}

impl CueClass {
    /// The lower-case name used in files and tables.
    pub fn name(self) -> &'static str {
        match self {
            CueClass::Said => "said",
            CueClass::Claimed => "claimed",
            CueClass::Denied => "denied",
            CueClass::Accused => "accused",
            CueClass::Pledged => "pledged",
            CueClass::Warned => "warned",
            CueClass::Announced => "announced",
            CueClass::Asked => "asked",
            CueClass::Admitted => "admitted",
            CueClass::Believed => "believed",
            CueClass::Found => "found",
        }
    }

    /// Parses a name written by [`CueClass::name`].
    pub fn from_name(name: &str) -> Option<CueClass> {
        CueClass::ALL.iter().copied().find(|c| c.name() == name)
    }

    /// Every class, in declaration order.
    pub const ALL: [CueClass; 11] = [
        CueClass::Said,
        CueClass::Claimed,
        CueClass::Denied,
        CueClass::Accused,
        CueClass::Pledged,
        CueClass::Warned,
        CueClass::Announced,
        CueClass::Asked,
        CueClass::Admitted,
        CueClass::Believed,
        CueClass::Found,
    ];
}

/// What sort of source a document cites.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
#[non_exhaustive]
pub enum SourceKind {
    /// "according to data from the National Center for Health Statistics".
    AccordingTo,
    /// A news outlet that reported something: "Politico reported".
    Reported,
    /// The outlet a speaker talked to: "told Foreign Policy".
    Venue,
    /// A document: "a White House fact sheet", "a letter to Xi Jinping".
    Document,
    /// An investigation, study or assessment: "a DEA investigation".
    Investigation,
    /// A citation marker in a generated summary: "[de4dbeca]".
    Marker,
    /// A credit line under a chart or photo: "Kris Mayes via Twitter".
    Credit,
}

impl SourceKind {
    /// The lower-case name used in files and tables.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::AccordingTo => "according_to",
            SourceKind::Reported => "reported",
            SourceKind::Venue => "venue",
            SourceKind::Document => "document",
            SourceKind::Investigation => "investigation",
            SourceKind::Marker => "citation_marker",
            SourceKind::Credit => "credit",
        }
    }
}

/// How a speaker mention was tied to an actor inside its document.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Resolution {
    /// The mention names the actor itself ("Anne Milgram").
    Named,
    /// A shorter form or titled form matched a fuller name in the document
    /// ("Milgram", "the DEA administrator" -> "Anne Milgram"); the span is
    /// the fuller mention it was matched to.
    Alias(Span),
    /// A pronoun or nominal resolved to the nearest compatible antecedent,
    /// whose span is given.
    Antecedent(Span),
    /// Nothing compatible was found; the mention stands for itself and is
    /// never merged with another.
    Unresolved,
}

/// The actor a speaker mention stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Speaker {
    /// The mention as written ("he", "DEA Administrator Anne Milgram").
    pub span: Span,
    /// The actor's name after titles are dropped and the mention
    /// resolved; shared by a document's speakers of the same name.
    pub name: ArcStr,
    /// How `name` was found.
    pub resolution: Resolution,
}

/// One attribution: who (speaker), how (cue) and what (content).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker, or `None` when the text names no source.
    pub speaker: Option<Speaker>,
    /// The cue ("said", "according to", a colon), when there is one.
    pub cue: Option<Span>,
    /// The content's pieces, sorted; a split quote has more than one.
    pub content: Vec<Span>,
    /// True when the content holds a double quotation mark.
    pub direct: bool,
    /// What kind of speech act the cue reports.
    pub class: CueClass,
    /// The id of the rule that produced the attribution: one shared
    /// string per rule, however many attributions it made.
    pub rule: ArcStr,
    /// The speaker the rules found but the speaker gate judged too unsure
    /// to assert (`src/extract/gate.rs`); `speaker` is then `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<Box<Withheld>>,
}

/// A speaker held back by the speaker gate, kept for a person to check.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Withheld {
    /// The speaker as the rules and resolution found it.
    pub speaker: Speaker,
    /// The gate's estimate, in percent, that it is right.
    pub percent: u8,
}

impl Attribution {
    /// The extent of the content: first piece's start to last piece's end.
    pub fn content_extent(&self) -> Span {
        let first = self.content.first().map_or(0, |s| s.start());
        let last = self.content.last().map_or(first, |s| s.end());
        Span::new(first, last)
    }

    /// The speaker the rules found, whether asserted or withheld by the
    /// speaker gate.
    pub fn found_speaker(&self) -> Option<&Speaker> {
        self.speaker.as_ref().or(self.withheld.as_ref().map(|w| &w.speaker))
    }

    /// The content's pieces joined with one space.
    pub fn content_text(&self, text: &str) -> String {
        let parts: Vec<&str> =
            self.content.iter().map(|s| s.text(text)).collect();
        parts.join(" ")
    }
}

/// A document with the attributions extracted from it.
#[derive(Clone, Debug, PartialEq)]
pub struct Extracted {
    /// The document. Its text is empty once [`Extracted::pack`] has
    /// compressed it: read it with [`Extracted::text`].
    pub document: Document,
    /// Its attributions in text order.
    pub attributions: Vec<Attribution>,
    /// The text, LZ4-compressed with its length first, when packed.
    packed: Option<Packed>,
}

/// Where a packed text is: in memory, or in a [`Spill`] file.
#[derive(Clone, Debug)]
enum Packed {
    Held(Box<[u8]>),
    Spilled { spill: Arc<Spill>, at: u64, len: usize },
}

impl PartialEq for Packed {
    fn eq(&self, other: &Packed) -> bool {
        match (self, other) {
            (Packed::Held(a), Packed::Held(b)) => a == b,
            (
                Packed::Spilled { spill, at, len },
                Packed::Spilled { spill: s, at: a, len: l },
            ) => Arc::ptr_eq(spill, s) && (at, len) == (a, l),
            _ => false,
        }
    }
}

impl Extracted {
    /// A document and its attributions, the text held as it is.
    pub fn new(document: Document, attributions: Vec<Attribution>) -> Self {
        Extracted { document, attributions, packed: None }
    }

    /// The document's text: borrowed, or decompressed when packed. A
    /// stage that reads the text of a packed document more than once
    /// should keep what this returns.
    pub fn text(&self) -> Cow<'_, str> {
        let unpack = |packed: &[u8]| {
            let bytes = lz4_flex::block::decompress_size_prepended(packed)
                .expect("a text this process compressed");
            Cow::Owned(String::from_utf8(bytes).expect("UTF-8, as packed"))
        };
        match &self.packed {
            None => Cow::Borrowed(&self.document.text),
            Some(Packed::Held(packed)) => unpack(packed),
            Some(Packed::Spilled { spill, at, len }) => {
                let packed = spill.read(*at, *len).unwrap_or_else(|e| {
                    panic!(
                        "cannot read the text of {} back from the build's \
                         temporary file: {e}",
                        self.document.id
                    )
                });
                unpack(&packed)
            }
        }
    }

    /// Compresses the text, for a corpus held until its graph is built:
    /// an article of news takes about 70% of its size. The compressed
    /// copy is allocated to its exact size (see `held` in the pipeline).
    pub fn pack(&mut self) {
        if let Some(packed) = self.compress() {
            self.packed = Some(Packed::Held(Box::from(packed.as_slice())));
        }
    }

    /// Compresses the text into `spill`, a temporary file, so that it
    /// takes no memory until it is read again. Where the file cannot be
    /// written (a full disk), the text is held compressed in memory, as
    /// [`pack`](Extracted::pack) holds it.
    pub fn spill(&mut self, spill: &Arc<Spill>) {
        let Some(packed) = self.compress() else { return };
        self.packed = Some(match spill.write(&packed) {
            Ok(at) => {
                Packed::Spilled { spill: spill.clone(), at, len: packed.len() }
            }
            Err(_) => Packed::Held(Box::from(packed.as_slice())),
        });
    }

    /// The text taken out of the document and compressed, with its
    /// length first; `None` when it is packed already.
    fn compress(&mut self) -> Option<Vec<u8>> {
        if self.packed.is_some() {
            return None;
        }
        let text = std::mem::take(&mut self.document.text);
        Some(lz4_flex::block::compress_prepend_size(text.as_bytes()))
    }

    /// The temporary file the text is in, when it was spilled: others
    /// may wait in it too.
    pub(crate) fn spill_file(&self) -> Option<&Arc<Spill>> {
        match &self.packed {
            Some(Packed::Spilled { spill, .. }) => Some(spill),
            _ => None,
        }
    }

    /// True when the text is held compressed.
    pub fn is_packed(&self) -> bool {
        self.packed.is_some()
    }

    /// Frees the text, packed or not; the rest of the document stays.
    pub fn free_text(&mut self) {
        self.document.text = String::new();
        self.packed = None;
    }
}

/// Names no rule can tie to an actor: nicknames and official long forms,
/// kept in `data/aliases.ron` for users to edit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasTable {
    /// One entry per actor, sorted by name.
    pub entries: Vec<AliasEntry>,
}

/// One actor's canonical name and the other names it goes by.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasEntry {
    /// The name the actor is shown under ("Andrés Manuel López Obrador").
    pub name: String,
    /// Other names for it ("AMLO").
    pub aliases: Vec<String>,
}

/// `word` in lower case, as [`str::to_lowercase`] makes it, copied only
/// when that changes it: an ASCII word without capitals is its own lower
/// case, and other ASCII words are lowered without the Unicode tables.
/// Every token, key and term of a corpus goes through it.
pub(crate) fn lower_case(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The decimal digits of `n` as ASCII bytes, made in `buf` digit by
/// digit: the formatting machinery is slow for the millions of numbers
/// the writers of `graph.ron` and `graph.dot` put out. Bytes, not a
/// `str`: making one would check them as UTF-8 again, which cost about
/// as much as making them; the writers append them as they are.
pub(crate) fn decimal(n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    let mut rest = n;
    loop {
        at -= 1;
        // A digit: `rest % 10` is below 10.
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    &buf[at..]
}

/// True for a plural that counts a crowd, in lower case: "dozens",
/// "hundreds" ("Hundreds of actors and scientists").
pub fn is_count_plural(lower: &str) -> bool {
    matches!(
        lower,
        "dozens" | "hundreds" | "thousands" | "millions" | "scores"
    )
}

/// True for a number written as a word, "one" to "ten", in lower case.
pub fn is_number_word(lower: &str) -> bool {
    matches!(
        lower,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
    )
}

/// Cheap, stable 64-bit FNV-1a hash, used to derive ids from content.
///
/// Ids must not depend on the order documents are read in or on the
/// process, so `std`'s randomly seeded hasher is not an option.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    stable_hash_more(STABLE_HASH_START, bytes)
}

/// [`stable_hash`] of no bytes, where a hash fed piece by piece with
/// [`stable_hash_more`] starts.
pub(crate) const STABLE_HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

/// [`stable_hash`] continued over `bytes` from `h`, the hash of the
/// bytes before them: a text hashed in pieces hashes as it would whole,
/// so a caller need not join the pieces first.
pub(crate) fn stable_hash_more(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// `count` texts, each of one to `most` of `pieces` in pseudo-random
/// order (a xorshift generator from `seed`, so every run makes the same
/// texts): the inputs on which the tests hold a fast path to the code it
/// replaced.
#[cfg(test)]
pub(crate) fn random_texts(
    pieces: &[&str],
    count: usize,
    most: u64,
    seed: u64,
) -> Vec<String> {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let n = 1 + next() % most;
            (0..n)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect()
        })
        .collect()
}

/// The texts of the bundled articles in `data/`, for tests that hold a
/// fast path to the code it replaced on real news as well.
#[cfg(test)]
pub(crate) fn bundled_texts() -> Vec<String> {
    let mut texts = Vec::new();
    for entry in std::fs::read_dir("data").expect("the data folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read_to_string(path).expect("a text"));
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attribution_stays_small() {
        // A build holds every attribution of the corpus until its graph
        // is made, millions of them: spans are u32, and the rule's id and
        // the speaker's name are shared pointers, not strings of their own,
        // and a speaker the gate withheld is boxed (most are not).
        assert_eq!(std::mem::size_of::<Span>(), 8);
        assert_eq!(std::mem::size_of::<Attribution>(), 88);
    }

    #[test]
    fn lower_case_is_to_lowercase_and_borrows_when_it_can() {
        for word in ["said", "Said", "NSC", "López", "İstanbul", "ΣΑΣ", ""]
        {
            assert_eq!(lower_case(word), word.to_lowercase(), "{word}");
        }
        assert!(matches!(lower_case("said"), Cow::Borrowed(_)));
    }

    #[test]
    fn decimal_writes_every_width() {
        let mut buf = [0; 20];
        for n in [0, 7, 10, 99, 1_000_000, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(decimal(n, &mut buf), n.to_string().as_bytes());
        }
    }

    #[test]
    fn char_index_counts_code_points() {
        let text = "López said “no”.";
        let idx = CharIndex::new(text);
        let said = text.find("said").unwrap();
        assert_eq!(idx.char_at(said), 6);
        assert_eq!(idx.char_at(text.len()), text.chars().count());
        assert_eq!(idx.char_at(0), 0);
    }

    #[test]
    fn cue_class_names_round_trip() {
        for c in CueClass::ALL {
            assert_eq!(CueClass::from_name(c.name()), Some(c));
        }
    }

    #[test]
    fn char_index_is_that_of_the_characters() {
        let reference = |text: &str| {
            let mut wide = Vec::new();
            let mut extra = 0;
            for (i, c) in text.char_indices() {
                if c.len_utf8() > 1 {
                    extra += c.len_utf8() - 1;
                    wide.push((i, extra));
                }
            }
            wide
        };
        const PIECES: &[&str] = &[
            "a",
            " ",
            "said",
            "abcdefgh",
            "é",
            "“",
            "”",
            "—",
            "😀",
            "\u{a0}",
            "ß",
            "\n",
            "0123456",
            "\u{10ffff}",
            "ｱ",
        ];
        let mut texts = random_texts(PIECES, 5_000, 40, 0x6a09_e667_f3bc_c908);
        texts.extend(bundled_texts());
        texts.push(String::new());
        for text in texts {
            assert_eq!(
                CharIndex::new(&text).wide,
                reference(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn stable_hash_is_fixed() {
        assert_eq!(stable_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_ne!(stable_hash(b"a"), stable_hash(b"b"));
    }

    #[test]
    fn stable_hash_in_pieces_is_that_of_the_whole() {
        let text = "López said “no” to the 2 U.S. plans";
        for cut in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let (a, b) = text.split_at(cut);
            let h = stable_hash_more(stable_hash(a.as_bytes()), b.as_bytes());
            assert_eq!(h, stable_hash(text.as_bytes()), "{cut}");
        }
    }
}
