//! Names: titles, canonical keys, and the names a document mentions.
//!
//! Titles come from `data/titles.tsv`. A canonical key folds case,
//! accents, hyphens and possessives, so that "López-Obrador’s" and "Lopez
//! Obrador" share a key; keys decide equality, names keep their spelling.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;

use super::words::with_lower;
use crate::model::{Span, lower_case};

const TITLES: &str = include_str!("../../data/titles.tsv");
const GIVEN_NAMES: &str = include_str!("../../data/given_names.tsv");

/// The lines of a data file that hold an entry: not blank, no comment.
fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The titles, in a set hashed with foldhash: std's SipHash is slow on
/// short strings, and every capitalised word a name run holds is looked
/// up.
/// Keyed by bytes, as [`with_lower`] gives them.
fn titles() -> &'static Titles {
    static TITLES_SET: OnceLock<Titles> = OnceLock::new();
    TITLES_SET.get_or_init(|| {
        let set: HashSet<&'static [u8], foldhash::fast::FixedState> =
            data_lines(TITLES).map(str::trim).map(str::as_bytes).collect();
        let mut shapes = [0u64; 16];
        for title in &set {
            let bit = shape(title, |b| b);
            shapes[bit / 64] |= 1 << (bit % 64);
        }
        Titles { set, shapes }
    })
}

/// The titles, and the [`shape`] of each: most words of names are no
/// title, and a word whose shape no title has is passed over without
/// being lowered and hashed.
#[derive(Debug)]
struct Titles {
    set: HashSet<&'static [u8], foldhash::fast::FixedState>,
    /// One bit for each shape a title has.
    shapes: [u64; 16],
}

impl Titles {
    /// False when the ASCII word `word` is surely no title: no title,
    /// lowered, has its shape.
    fn may_hold(&self, word: &[u8]) -> bool {
        let bit = shape(word, |b| b.to_ascii_lowercase());
        self.shapes[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A number below 1024 from the length and the first, second and last
/// bytes of `word`, each taken through `lower`.
fn shape(word: &[u8], lower: impl Fn(u8) -> u8) -> usize {
    let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
        return 0;
    };
    let second = word.get(1).copied().unwrap_or(0);
    let key = word.len() as u64
        | u64::from(lower(first)) << 16
        | u64::from(lower(second)) << 24
        | u64::from(lower(last)) << 32;
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 54) as usize
}

/// Drops titles and roles before a name: "DEA Administrator Anne Milgram"
/// gives "Anne Milgram". A mention that is only a title is kept whole.
pub fn strip_title(mention: &str) -> String {
    let mut held = [""; MOST_WORDS];
    let split;
    let words: &[&str] = match split_ascii_words(mention, &mut held) {
        Some(n) => &held[..n],
        None => {
            split = mention.split_whitespace().collect::<Vec<_>>();
            &split
        }
    };
    // "Jane Doe of the Data Justice Collective": a title's word in the
    // name of the body a person is of is no title. Whether the last word
    // heads a body is asked once a title is found: most name runs hold
    // none, and the lookup was a fifth of the function.
    let of_body = std::cell::OnceCell::new();
    let last_heads_body = || {
        *of_body.get_or_init(|| {
            words.last().is_some_and(|w| {
                crate::resolve::words::is_body_head(strip_possessive(w))
            })
        })
    };
    let in_body = |t: usize| {
        last_heads_body()
            && words[..t].iter().any(|w| matches!(*w, "of" | "for" | "at"))
    };
    let last_title =
        (0..words.len()).rev().find(|&t| is_title(words[t]) && !in_body(t));
    let mut start =
        last_title.map_or_else(|| role_before_name(words), |t| t + 1);
    // "Secretary of State John Kerry": the title runs on over "of" or
    // "for"; "Secretary of State" names no one after it, and is kept.
    let mut run_on = false;
    while start > 0
        && start < words.len()
        && matches!(words[start], "of" | "for")
    {
        start = if start + 2 < words.len() { start + 2 } else { 0 };
        run_on = true;
    }
    // "the deputy head of China's", "CEO of Washington Restaurant
    // Association": what follows is no person's name but the rest of a
    // description, or the body the title is held in.
    if start > 0 && start < words.len() {
        // "first lady Laura Bush", "chief economist Maury Obstfeld": the
        // role runs on over lower-case nouns to the name; a description
        // ("deputy head of China's") never reaches one.
        let lower = |w: &&&str| {
            let w = **w;
            w.starts_with(char::is_lowercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !matches!(
                    w,
                    "of" | "for" | "and" | "or" | "the" | "a" | "an" | "to"
                )
                && !is_place_preposition(w)
        };
        let name_at = start + words[start..].iter().take_while(lower).count();
        let named = words
            .get(name_at)
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        // "Secretary of State's Office", "the Justice Department": a
        // body's name, whose first word only looks like a title.
        let body_head =
            |w: &str| crate::resolve::words::is_body_head(strip_possessive(w));
        // Asked only of a name (`named`), as `of_body` above.
        let body = || {
            (run_on && last_heads_body())
                || (words.get(name_at).is_some_and(|w| body_head(w))
                    && words[name_at + 1..]
                        .iter()
                        .all(|w| w.starts_with(char::is_lowercase)))
        };
        // "Mr. de Vos": a particle opens the name.
        let particle = is_particle(words[start]);
        if !particle {
            start = if named && !body() { name_at } else { 0 };
        }
    }
    // "a council leader in Leeds", "a spokesman at the embassy": a place
    // after the title is where the person works, not their name.
    if start > 0 && start < words.len() && is_place_preposition(words[start]) {
        start = 0;
    }
    let rest = if start < words.len() { &words[start..] } else { words };
    let rest = match rest {
        [first, tail @ ..] if !tail.is_empty() && is_article(first) => tail,
        _ => rest,
    };
    // Joined into the one string returned, the possessive cut off in
    // place: called for every name run of every document, and a join
    // then a copy was two strings made for one kept.
    let mut name = String::with_capacity(mention.len());
    for (i, w) in rest.iter().enumerate() {
        if i > 0 {
            name.push(' ');
        }
        name.push_str(w);
    }
    name.truncate(strip_possessive(&name).len());
    name
}

/// The most words [`split_ascii_words`] holds: more than any name run.
const MOST_WORDS: usize = 16;

/// The words of `text`, as [`str::split_whitespace`] gives them, put in
/// `words`, and their number; `None` for text outside ASCII or with
/// more words than `words` holds. An ASCII name, most of them, is split
/// a byte at a time into a list on the stack: the general splitter,
/// decoding each character and asking Unicode whether it is white
/// space, and the list it filled on the heap were a third of
/// [`strip_title`].
fn split_ascii_words<'t>(
    text: &'t str,
    words: &mut [&'t str],
) -> Option<usize> {
    if !text.is_ascii() {
        return None;
    }
    let mut n = 0;
    let mut start = None;
    for (i, b) in text.bytes().chain([b' ']).enumerate() {
        // ASCII's white space, as `char::is_whitespace` has it.
        if matches!(b, b' ' | b'\t'..=b'\r') {
            if let Some(s) = start.take() {
                *words.get_mut(n)? = &text[s..i];
                n += 1;
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    Some(n)
}

/// Where the name starts in "NTSB board member Thomas Chapman",
/// "Security researcher Troy Hunt", "AfD co-leader Alice Weidel": a
/// role the titles file lacks, ending in a lower-case speaker noun (the
/// part after a hyphen counts), right before a name of two or more
/// capitalised words that ends the mention. Before the noun only words
/// with no joining word among them ("of", "for", "at"): the description
/// in "spokesman for the Senate" names where, not a role. 0 otherwise.
fn role_before_name(words: &[&str]) -> usize {
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let Some(noun) = words.iter().rposition(|w| !capital(w)) else {
        return 0;
    };
    let role = words[noun];
    let head = role.rsplit('-').next().unwrap_or(role);
    let speaker_noun = role.chars().all(|c| c.is_alphabetic() || c == '-')
        && crate::extract::lexicon::Lexicon::get().is_speaker_noun(head);
    let plain = words[..noun].iter().all(|w| {
        !matches!(*w, "of" | "for" | "and" | "or") && !is_place_preposition(w)
    });
    let named = words.len() - noun > 2;
    if speaker_noun && plain && named { noun + 1 } else { 0 }
}

/// A preposition that says where someone works or is, after a role or
/// a description: "a council leader in Leeds", "analysts at Barclays",
/// "the senator from Vermont".
pub fn is_place_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "at"
            | "from"
            | "on"
            | "with"
            | "near"
            | "outside"
            | "inside"
            | "across"
            | "around"
    )
}

/// True for a lower-case word that can stand before a title and its name
/// in an appositive: "state" in "state Sen. Linda Ferraro", "former" in
/// "former Gov. Jeb Bush". Not a joining or listing word ("including Mr.
/// Goldberg", "and Sen. X") nor a verb's "-ing" form but "acting".
pub fn is_title_modifier(word: &str) -> bool {
    word.starts_with(|c: char| c.is_lowercase())
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && (!word.ends_with("ing") || word == "acting")
        && !matches!(
            word,
            "including"
                | "like"
                | "such"
                | "as"
                | "especially"
                | "among"
                | "notably"
                | "and"
                | "or"
                | "but"
                | "with"
                | "from"
                | "of"
                | "by"
                | "for"
                | "to"
                | "at"
                | "in"
                | "on"
                | "who"
                | "which"
                | "whose"
                | "that"
                | "the"
                | "a"
                | "an"
                | "than"
                | "plus"
        )
}

/// A U.S. state by name or by its abbreviation in news style ("Ill.",
/// "N.H."), as it follows a town ("Carthage, Ill.").
pub fn is_us_state(text: &str) -> bool {
    #[rustfmt::skip]
    const STATES: &[&str] = &[
        "Ala.", "Alabama", "Alaska", "Ariz.", "Arizona", "Ark.", "Arkansas",
        "Calif.", "California", "Colo.", "Colorado", "Conn.", "Connecticut",
        "D.C.", "Del.", "Delaware", "Fla.", "Florida", "Ga.", "Georgia",
        "Hawaii", "Idaho", "Ill.", "Illinois", "Ind.", "Indiana", "Iowa",
        "Kan.", "Kansas", "Kentucky", "Ky.", "La.", "Louisiana", "Maine",
        "Maryland", "Mass.", "Massachusetts", "Md.", "Mich.", "Michigan",
        "Minn.", "Minnesota", "Miss.", "Mississippi", "Missouri", "Mo.",
        "Mont.", "Montana", "N.C.", "N.D.", "N.H.", "N.J.", "N.M.", "N.Y.",
        "Neb.", "Nebraska", "Nev.", "Nevada", "New Hampshire", "New Jersey",
        "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
        "Okla.", "Oklahoma", "Ore.", "Oregon", "Pa.", "Pennsylvania",
        "R.I.", "Rhode Island", "S.C.", "S.D.", "South Carolina",
        "South Dakota", "Tenn.", "Tennessee", "Tex.", "Texas", "Utah", "Va.",
        "Vermont", "Virginia", "Vt.", "W.Va.", "Wash.", "Washington",
        "West Virginia", "Wis.", "Wisconsin", "Wyo.", "Wyoming",
    ];
    STATES.contains(&text)
}

/// True for a title or role word that can stand before a name
/// ("Administrator", "Sen.", "then-Attorney").
pub fn is_title(word: &str) -> bool {
    let bytes = word.as_bytes();
    // An ASCII word lowers to itself with ASCII's letters lowered: its
    // prefixes and shape are read without lowering it.
    if word.is_ascii() {
        let prefix = |p: &[u8]| {
            bytes.get(..p.len()).is_some_and(|b| b.eq_ignore_ascii_case(p))
        };
        if prefix(b"then-") || prefix(b"ex-") {
            return true;
        }
        if !titles().may_hold(bytes) {
            return false;
        }
    }
    with_lower(word, |lower| {
        titles().set.contains(lower)
            || lower.starts_with(b"then-")
            || lower.starts_with(b"ex-")
    })
}

/// True when `written`, a lower-case word of a name, is a title's
/// abbreviation for the role noun `head`: "Sen. Ted Cruz" is the one
/// "the senator" may mean, "Rep. Adam Schiff" "the congressman".
pub fn abbreviates(written: &str, head: &str) -> bool {
    let roles: &[&str] = match written {
        "adm." => &["admiral"],
        "capt." => &["captain"],
        "cmdr." => &["commander"],
        "col." => &["colonel"],
        "det." => &["detective"],
        "gen." => &["general"],
        "gov." => &["governor"],
        "lt." => &["lieutenant"],
        "prof." => &["professor"],
        "rep." => &["representative", "congressman", "congresswoman"],
        "sen." => &["senator"],
        "sgt." => &["sergeant"],
        "supt." => &["superintendent"],
        _ => &[],
    };
    roles.contains(&head)
}

fn is_article(word: &str) -> bool {
    matches!(word, "the" | "The")
}

/// "Trump's" and "Sanders'" (a plural's or an -s name's possessive) as
/// "Trump" and "Sanders".
fn strip_possessive(name: &str) -> &str {
    if let Some(bare) =
        name.strip_suffix("’s").or_else(|| name.strip_suffix("'s"))
    {
        return bare;
    }
    match name.strip_suffix(['’', '\'']) {
        Some(bare) if bare.ends_with(['s', 'S']) => bare,
        _ => name,
    }
}

/// A name's key without its generational suffix ("harry b harris jr" is
/// "harry b harris"), so that the surname ends it; the key itself when
/// it has none, or is nothing but one.
pub fn without_generation(key: &str) -> &str {
    [" jr", " sr", " ii", " iii", " iv"]
        .iter()
        .find_map(|g| key.strip_suffix(g))
        .filter(|bare| !bare.is_empty())
        .unwrap_or(key)
}

/// The key two spellings of one name share: lower case, accents folded,
/// hyphens as spaces, possessive dropped.
///
/// Made in one pass, without a list of words to join: a run of white
/// space (after the mapping) becomes one space, and none is kept at
/// either end, as splitting on white space and joining with spaces
/// would give. ASCII letters, most of what a key is made of, skip the
/// Unicode case tables. Called for every name, term and claim text of
/// a corpus (several percent of a build).
pub fn canonical_key(name: &str) -> String {
    let name = strip_possessive(name.trim());
    let mut key = Key { out: String::with_capacity(name.len()), space: false };
    for c in name.chars() {
        if c.is_ascii() {
            key.push(c.to_ascii_lowercase());
        } else {
            for c in c.to_lowercase() {
                key.push(c);
            }
        }
    }
    key.out
}

/// A canonical key being made.
struct Key {
    out: String,
    /// A space is owed before the next kept character.
    space: bool,
}

impl Key {
    /// Adds the lower-case character `c`: a hyphen or white space owes a
    /// space, a dot or apostrophe is dropped, an accent is folded.
    /// Inlined in the loop over a name's characters, called once each.
    #[inline(always)]
    fn push(&mut self, c: char) {
        match c {
            '-' | '‐' | '–' => self.space = true,
            '.' | '’' | '\'' => {}
            c if c.is_whitespace() => self.space = true,
            c => {
                if self.space && !self.out.is_empty() {
                    self.out.push(' ');
                }
                self.space = false;
                self.out.push(fold_accent(c));
            }
        }
    }
}

/// Folds the accented Latin letters news names use to their base letter.
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ý' | 'ÿ' => 'y',
        c => c,
    }
}

/// Words joined by single spaces, a dot only inside a word ("U.S"), so
/// that "China. China" is not one name. A middle initial ("Warren E.
/// Buffett") is a word too.
const NAME_WORD: &str = r"(?:\p{Lu}\.|\p{Lu}[\p{L}’'-]*(?:\.\p{L}+)*)";

/// The runs of two or more capitalised words in `text`, in order and
/// apart: what `find_iter` finds of [`NAME_WORD`]s joined by spaces.
///
/// An unanchored search finds where its match starts by reading back
/// from its end, with an automaton of the pattern read backwards that
/// the regex engine builds state by state as the text needs them; the
/// reversed classes of Unicode letters make each state cost tens of
/// thousands of instructions. The pattern, anchored with `^`, is tried
/// instead at each capital whose word a space and a capital follow, as
/// the first word of every run is.
fn name_runs(text: &str) -> Vec<Span> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(&format!("^{NAME_WORD}(?: {NAME_WORD})+"))
            .expect("valid regex")
    });
    let starts = capitals_before(text, b' ', |after| {
        after.first().is_some_and(|&b| may_be_capital(b))
    });
    anchored_matches(text, starts, |rest| re.find(rest).map(|m| (m.end(), ())))
        .into_iter()
        .map(|(span, ())| span)
        .collect()
}

/// True when the byte `b` may open a capital letter: an ASCII capital,
/// or the first byte of a character outside ASCII, which the pattern
/// tried there then judges. A byte test, so that no Unicode table is
/// looked up for the many letters that are no capital.
fn may_be_capital(b: u8) -> bool {
    b.is_ascii_uppercase() || b >= 0xc0
}

/// Each place in `text`, in order, that may hold a capital and whose
/// next `sep` byte the bytes `fits` accepts follow. The patterns tried
/// there open with a capital and hold no `sep` before one that only
/// some words may follow, so a match starts nowhere else.
fn capitals_before<'t>(
    text: &'t str,
    sep: u8,
    fits: impl Fn(&[u8]) -> bool + 't,
) -> impl Iterator<Item = usize> + 't {
    let bytes = text.as_bytes();
    let mut from = 0;
    bytes.iter().enumerate().filter(move |&(_, &b)| b == sep).flat_map(
        move |(at, _)| {
            // Most pieces are not followed by what fits, and their bytes
            // are not looked at.
            let piece = if fits(&bytes[at + 1..]) { from..at } else { at..at };
            from = at + 1;
            piece.filter(move |&p| may_be_capital(bytes[p]))
        },
    )
}

/// What a pattern anchored with `^` finds at each of `starts` (every
/// place a match of it may start, in order) that no earlier match
/// covers, as `search` gives it from the rest of `text` there: the end
/// of the match in that rest, and what else it found. The matches are
/// those an unanchored search of the pattern finds, in order and apart,
/// each with its span in `text`; the pattern must look at nothing
/// before its start, as a `\b` would.
fn anchored_matches<'t, T>(
    text: &'t str,
    starts: impl Iterator<Item = usize>,
    mut search: impl FnMut(&'t str) -> Option<(usize, T)>,
) -> Vec<(Span, T)> {
    let mut out = Vec::new();
    let mut from = 0;
    for at in starts {
        if at < from {
            continue;
        }
        if let Some((end, found)) = search(&text[at..]) {
            from = at + end;
            out.push((Span::new(at, from), found));
        }
    }
    out
}

/// Runs of two or more capitalised words, titles dropped: the fuller
/// names a surname can stand for.
pub fn name_mentions(text: &str) -> Vec<NameMention> {
    let mut out = Vec::new();
    let mut pieces = Vec::new();
    for run in name_runs(text) {
        let written = run.text(text);
        pieces.clear();
        // Only a run with a dot after a capital can hold an initial.
        if written.contains(". ") || written.ends_with('.') {
            at_initials(text, run, &mut pieces);
        } else {
            pieces.push(run);
        }
        for &piece in &pieces {
            // "A Google spokesperson", "But Reid", "When Donald J.
            // Trump": words that open the sentence are no part of the
            // name; nor is a count ("Two Halcyon engineers").
            let mut start = piece.start();
            while let Some((first, rest)) =
                text[start..piece.end()].split_once(' ')
                && (super::mentions::is_sentence_starter(first)
                    || super::mentions::is_number_word(first))
                && !rest.is_empty()
            {
                start += first.len() + 1;
            }
            let span = owned_person(text, Span::new(start, piece.end()));
            let name = strip_title(span.text(text));
            let key = canonical_key(&name);
            if key.contains(' ') {
                out.push(NameMention { span, name, key });
            }
        }
    }
    with_joined_bodies(text, out)
}

/// Where the person starts in `written` after an owner's mark, as the
/// graph's name finder splits it (`split_possessive` in `mentions.rs`):
/// "DEA's Anne Milgram" and "The DEA's Milgram" are Milgram's names,
/// after an acronym or before a given name and a surname; "People's
/// Republic of China" and "Trump's Son" stay whole.
pub fn person_after_owner(written: &str) -> Option<usize> {
    let mark = written.find("'s ").or_else(|| written.find("’s "))?;
    let owner = written[..mark].rsplit(' ').next().unwrap_or("");
    let at = mark + written[mark..].find(' ')? + 1;
    let rest = &written[at..];
    let first = rest.split(' ').next().unwrap_or("");
    let person = is_owned_person(first, rest.split(' ').count());
    (first.starts_with(char::is_uppercase)
        && (super::mentions::is_acronym(owner) || person))
        .then_some(at)
}

/// True when `words` words after an owner's mark, the first `first`,
/// are a person of the owner's: a given name and a surname ("Labour's
/// Keir Starmer").
pub fn is_owned_person(first: &str, words: usize) -> bool {
    words >= 2 && given_name(first).is_some()
}

/// `span` without an owner before the person ([`person_after_owner`]).
fn owned_person(text: &str, span: Span) -> Span {
    match person_after_owner(span.text(text)) {
        Some(at) => Span::new(span.start() + at, span.end()),
        None => span,
    }
}

/// `found` with the names of bodies joined over "of" or "and" as the
/// graph's name finder reads them ("the Port of Westhaven Authority",
/// "the Harbour and Dock Workers' Union"), in place of the pieces found
/// inside them ("Westhaven Authority", "Dock Workers' Union"): so that
/// "the union" and the graph name the one body. That finder reads only
/// the lines where a name found stands next to such a word: running it
/// over whole texts cost a tenth of `attributions`' time.
fn with_joined_bodies(
    text: &str,
    found: Vec<NameMention>,
) -> Vec<NameMention> {
    let mut joined: Vec<Span> = Vec::new();
    let mut read_to = 0;
    for m in &found {
        if m.span.start() < read_to || !beside_connector(text, m.span) {
            continue;
        }
        let from = text[..m.span.start()].rfind('\n').map_or(0, |i| i + 1);
        let to = text[m.span.end()..]
            .find('\n')
            .map_or(text.len(), |i| m.span.end() + i);
        read_to = to;
        let line = &text[from..to];
        joined.extend(
            super::mentions::groups(line)
                .iter()
                .map(super::mentions::Group::span)
                .filter(|g| {
                    let name = g.text(line);
                    (name.contains(" of ") || name.contains(" and "))
                        && super::mentions::is_body_name(name)
                })
                .map(|g| Span::new(from + g.start(), from + g.end())),
        );
    }
    if joined.is_empty() {
        return found;
    }
    let body = |span: Span| {
        let name = strip_title(span.text(text));
        let key = canonical_key(&name);
        NameMention { span, name, key }
    };
    let mut out = Vec::with_capacity(found.len() + joined.len());
    let mut bodies = joined.into_iter().peekable();
    for m in found {
        while let Some(b) = bodies.next_if(|b| b.start() <= m.span.start()) {
            out.push(body(b));
        }
        let inside = out.last().is_some_and(|b: &NameMention| {
            b.span.start() <= m.span.start() && m.span.end() <= b.span.end()
        });
        if !inside {
            out.push(m);
        }
    }
    out.extend(bodies.map(body));
    out
}

/// True when "of", "for", "on" or "and" joins the name at `span` to a
/// capitalised word before or after it ("Port of Westhaven Authority",
/// "Alder Falls Department of Transportation").
fn beside_connector(text: &str, span: Span) -> bool {
    const JOINS: [&str; 4] = [" of ", " for ", " on ", " and "];
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let after = &text[span.end()..];
    let before = &text[..span.start()];
    JOINS.iter().any(|j| {
        after.strip_prefix(j).is_some_and(|rest| {
            capital(rest.strip_prefix("the ").unwrap_or(rest))
        }) || {
            let b = before.strip_suffix("the ").unwrap_or(before);
            b.strip_suffix(j).is_some_and(|b| {
                b.rsplit(' ').next().is_some_and(|w| {
                    capital(w) || w.starts_with(|c: char| c.is_ascii_digit())
                })
            })
        }
    })
}

/// The names in run `run`: the whole run, or its pieces when an initial
/// stands where no name goes on ("Plan B. The Senate": one at the end
/// of a sentence, or first, or before a word that starts sentences).
fn at_initials(text: &str, run: Span, out: &mut Vec<Span>) {
    let words: Vec<Span> = run
        .text(text)
        .split(' ')
        .scan(run.start(), |at, w| {
            let span = Span::new(*at, *at + w.len());
            *at += w.len() + 1;
            Some(span)
        })
        .collect();
    use super::mentions::{is_initial, is_sentence_starter};
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        if !is_initial(w.text(text)) {
            continue;
        }
        let name_next = words.get(i + 1).is_some_and(|n| {
            let n = n.text(text);
            !is_initial(n) && !is_sentence_starter(n)
        });
        if i > start && name_next {
            continue;
        }
        if i > start {
            out.push(Span::new(words[start].start(), words[i - 1].end()));
        }
        start = i + 1;
    }
    if start < words.len() {
        out.push(Span::new(words[start].start(), run.end()));
    }
}

/// A run of capitalised words that names someone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMention {
    /// Where the run is, title included.
    pub span: Span,
    /// The name with its title dropped.
    pub name: String,
    /// The name's canonical key.
    pub key: String,
}

/// True for nouns that stand for a publication ("the newspaper").
pub fn is_publication_noun(head: &str) -> bool {
    matches!(
        head,
        "newspaper"
            | "paper"
            | "magazine"
            | "outlet"
            | "publication"
            | "network"
            | "website"
    )
}

/// True for the small words inside or before a surname: "de" in "Ana de
/// la Cruz", "bin" in "Mohammed bin Salman".
pub(crate) fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "del"
            | "della"
            | "da"
            | "di"
            | "dos"
            | "du"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "al"
            | "el"
            | "bin"
            | "ibn"
    )
}

/// True for names that look like a publication's ("New York Times").
pub fn is_publication_name(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "AP",
        "Axios",
        "Breitbart",
        "CNN",
        "Gazette",
        "Guardian",
        "Herald",
        "Journal",
        "Magazine",
        "News",
        "Politico",
        "Post",
        "Press",
        "Reuters",
        "Telegraph",
        "Times",
        "Tribune",
    ];
    name.split_whitespace().any(|w| WORDS.contains(&w))
}

/// The nearest name in `before` followed by an appositive between commas
/// that contains the word `head` ("Watson, a spokesperson for the NSC,"),
/// with the name's span. The closing comma matters: in "the White House,
/// a spokesperson said" the phrase after the comma is a new subject.
pub fn appositive_with(before: &str, head: &str) -> Option<(Span, String)> {
    nearest_appositive(before, appositives(before), head)
}

/// [`appositive_with`] of the appositives `found` in `text` (name and
/// phrase, in order and apart, as [`appositives`] gives them).
fn nearest_appositive(
    text: &str,
    found: Vec<(Span, Span)>,
    head: &str,
) -> Option<(Span, String)> {
    // "the White House, a National Security Council spokesperson said":
    // a phrase ending in a cue is the next clause's subject, not an
    // appositive.
    // "… at Austin, the court was missing two justices,": a phrase
    // holding a finite verb is a clause too.
    let clause = |np: &str| {
        let last = np.split_whitespace().last().unwrap_or("");
        matches!(last, "said" | "says" | "told" | "added" | "stated" | "noted")
            || np.split_whitespace().any(crate::extract::is_finite_auxiliary)
    };
    found
        .into_iter()
        .map(|(name, np)| (name, name.text(text), np.text(text)))
        .filter(|(_, _, np)| {
            // The head noun comes before the phrase's first preposition:
            // "a spokesperson for the NSC", not "a search … on the poll".
            np.to_lowercase()
                .split_whitespace()
                .take_while(|w| {
                    !matches!(
                        *w,
                        "of" | "for"
                            | "at"
                            | "in"
                            | "on"
                            | "with"
                            | "from"
                            | "to"
                            | "by"
                            | "about"
                    )
                })
                .any(|w| w == head)
        })
        .filter(|(_, _, np)| !clause(np))
        // "earnings on Wednesday, the social media company said": a
        // day or a month alone is no one's name.
        .filter(|(_, name, _)| !super::mentions::is_date_word(name))
        // "In May, the court returned …": a phrase of time or place
        // opening the sentence.
        // The nearest: the rules look at nothing outside the appositive,
        // so the last that passes them is the first from the end.
        .rfind(|(span, name, _)| {
            // "Speaking in Ohio, the governor, a Democrat, said": a name
            // after a preposition of place is where, not who. Not after
            // one that takes people too ("a letter to John Smith, the
            // governor", "met with Ann Lee, the mayor").
            let before = text[..span.start()].split_whitespace().next_back();
            if before.is_some_and(|w| {
                is_place_preposition(w) && !matches!(w, "from" | "with" | "on")
            }) {
                return false;
            }
            let first = name.split(' ').next().unwrap_or("");
            !matches!(
                first,
                "In" | "On"
                    | "At"
                    | "By"
                    | "For"
                    | "From"
                    | "After"
                    | "Before"
                    | "During"
                    | "Since"
                    | "Under"
                    | "With"
                    | "Without"
            )
        })
        .map(|(span, name, _)| (span, strip_title(name)))
}

/// Names followed by a phrase between commas that opens with an
/// article, in `before` in order and apart: the spans of each name and
/// of its phrase without the article, as `captures_iter` finds them of
/// [`APPOSITIVE`].
///
/// Searched anchored, as [`name_runs`] are and for the same reason, at
/// each capital whose next comma an article follows: a name holds no
/// comma, so the one after it is the first after any of its capitals.
///
/// The places whose bytes show no appositive can start there are passed
/// over before the pattern is tried, and the commas are found by a
/// search for them: [`crate::resolve`] asks for the appositives of the
/// ten thousand bytes before each role mention ("the senator"), where a
/// look at each byte and the pattern at each capital before a comma and
/// an article were most of the time it took. [`appositives_plain`]
/// searches as first made: the reference the tests hold this to.
fn appositives(before: &str) -> Vec<(Span, Span)> {
    let bytes = before.as_bytes();
    let mut from = 0;
    let starts = before
        .match_indices(',')
        .flat_map(move |(at, _)| {
            let after = &bytes[at + 1..];
            let fits = article_follows(after) && may_end_appositive(after);
            let piece = if fits { from..at } else { at..at };
            from = at + 1;
            piece.filter(move |&p| may_be_capital(bytes[p]))
        })
        .filter(|&at| may_be_name_to_comma(&bytes[at..]));
    appositives_from(before, starts)
}

/// The appositives of `before` whose names start at `starts`, in order,
/// as [`appositives`] gives them.
fn appositives_from(
    before: &str,
    starts: impl Iterator<Item = usize>,
) -> Vec<(Span, Span)> {
    let re = appositive_regex();
    anchored_matches(before, starts, |rest| {
        let c = re.captures(rest)?;
        let whole = c.get(0).expect("group 0 always takes part");
        let name = c.get(1).expect("group 1 always takes part");
        let np = c.get(2).expect("group 2 always takes part");
        Some((whole.end(), (name.range(), np.range())))
    })
    .into_iter()
    .map(|(span, (name, np))| {
        let at = span.start();
        (
            Span::new(at + name.start, at + name.end),
            Span::new(at + np.start, at + np.end),
        )
    })
    .collect()
}

/// [`appositives`] as first made: the pattern tried at every capital
/// before a comma and an article, the commas found byte by byte.
#[cfg(test)]
fn appositives_plain(before: &str) -> Vec<(Span, Span)> {
    appositives_from(before, capitals_before(before, b',', article_follows))
}

/// [`APPOSITIVE`] anchored at the start.
fn appositive_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!("^{APPOSITIVE}")).expect("valid regex")
    })
}

/// The length of the article the bytes after a comma open with (" a ",
/// " an ", " the "), if they do.
fn article_after(after: &[u8]) -> Option<usize> {
    [&b" a "[..], b" an ", b" the "]
        .iter()
        .find(|a| after.starts_with(a))
        .map(|a| a.len())
}

/// True when the bytes after a comma open with an article: an
/// appositive's name may end at the comma.
fn article_follows(after: &[u8]) -> bool {
    article_after(after).is_some()
}

/// False when the bytes after a comma, opening with an article, cannot
/// hold the rest of an [`APPOSITIVE`]: its phrase runs from after the
/// article to the next comma, some byte there before it, and holds no
/// full stop, semicolon or line break. A test of bytes that turns most
/// places away before the pattern is tried (the pattern decides the
/// others: the curly quotes, the phrase's length).
fn may_end_appositive(after: &[u8]) -> bool {
    let phrase = &after[article_after(after).unwrap_or(0)..];
    match phrase.iter().position(|&b| matches!(b, b',' | b'.' | b';' | b'\n'))
    {
        Some(end) => end > 0 && phrase[end] == b',',
        None => false,
    }
}

/// False when the bytes from a capital up to the next comma cannot be an
/// [`APPOSITIVE`]'s name: one holds only letters, apostrophes and
/// hyphens, with single spaces before capitals, and is followed by a
/// comma. Bytes of longer characters pass; the pattern decides them.
fn may_be_name_to_comma(rest: &[u8]) -> bool {
    for (k, &b) in rest.iter().enumerate() {
        let fits = match b {
            b',' => return true,
            b' ' => rest
                .get(k + 1)
                .is_some_and(|&n| n.is_ascii_uppercase() || n >= 0x80),
            b'\'' | b'-' => true,
            _ => b.is_ascii_alphabetic() || b >= 0x80,
        };
        if !fits {
            return false;
        }
    }
    false
}

/// A name of capitalised words, a comma and a space, an article, and a
/// phrase up to the next comma: an appositive, as in "Watson, a
/// spokesperson for the NSC,".
const APPOSITIVE: &str = concat!(
    r"(\p{Lu}[\p{L}’'-]*(?: \p{Lu}[\p{L}’'-]*)*), ",
    r"(?:a|an|the) ([^,.;“”\n]{1,80}),"
);

/// What a mention says about the gender or number of its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// "Mr.", "he".
    Male,
    /// "Mrs.", "Ms.", "she".
    Female,
    /// A plural head: "officials", "experts".
    Plural,
    /// An organisation word: "Administration", "Department".
    Organisation,
}

/// The hint a mention gives, if any.
pub fn agreement_hint(mention: &str) -> Option<Hint> {
    // "The Washington Post", "a Wall Street Journal poll", but not
    // "Breitbart News National Security editor Dr. Sebastian Gorka": a
    // name set after a word in lower case is someone's.
    let lowered = |w: &&str| {
        w.starts_with(char::is_lowercase) && !matches!(*w, "of" | "and")
    };
    let words: Vec<&str> = mention.split_whitespace().collect();
    let named_after_role = words
        .iter()
        .rposition(lowered)
        .is_some_and(|i| i > 0 && i + 1 < words.len());
    if !named_after_role && is_publication_name(mention) {
        return Some(Hint::Organisation);
    }
    let lower = mention.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    let last = lower.split_whitespace().last().unwrap_or("");
    match first {
        "mr." | "mr" => return Some(Hint::Male),
        "mrs." | "mrs" | "ms." | "ms" | "miss" => return Some(Hint::Female),
        _ => {}
    }
    // "Some said …", "Others warned …": a quantifier standing for a
    // group is plural.
    if words.len() == 1
        && matches!(
            first,
            "some" | "many" | "others" | "several" | "both" | "most" | "few"
        )
    {
        return Some(Hint::Plural);
    }
    // "Sanders himself"; "Thursday", a day taken for a speaker, is
    // nobody a pronoun can mean.
    match last {
        "himself" => return Some(Hint::Male),
        "herself" => return Some(Hint::Female),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday"
        | "saturday" | "sunday" => return Some(Hint::Organisation),
        _ => {}
    }
    const ORG: &[&str] = &[
        "administration",
        "agency",
        "campaign",
        "center",
        "commission",
        "committee",
        "company",
        "council",
        "department",
        "government",
        "group",
        "institute",
        "institutes",
        "ministry",
        "newspaper",
        "office",
        "party",
        "post",
        "times",
    ];
    // "the Center for Responsive Politics": the head comes before the
    // name's first "of" or "for"; "a nurse in the department": before a
    // place or setting.
    // "The Cycling Integrity Agency (CIA)": an acronym in parentheses
    // after the name is no head of it.
    let written_head = mention
        .split_whitespace()
        .filter(|w| !(w.starts_with('(') && w.ends_with(')')))
        .take_while(|w| {
            !w.eq_ignore_ascii_case("of")
                && !w.eq_ignore_ascii_case("for")
                && !is_place_preposition(w)
        })
        .last()
        .unwrap_or("");
    let head_of = lower_case(written_head);
    let head_of = head_of.as_ref();
    // Or "The British Medical Association": a body's name by any
    // capitalised head word of a body. Not "Police", whom news calls
    // "they".
    let named_body = written_head.starts_with(char::is_uppercase)
        && head_of != "police"
        && crate::resolve::words::is_body_head(head_of);
    let agency = || crate::resolve::mentions::is_agency_name(mention);
    // "The FBI", "the NTSB": an acronym with its article is a body's
    // ("AMLO" alone may be a person's).
    let acronym = || {
        matches!(words.as_slice(), [the, a] if the.eq_ignore_ascii_case("the")
            && a.len() >= 2
            && a.chars().all(|c| c.is_ascii_uppercase()))
    };
    // Its head, not its last word: "the chairman of the electoral
    // commission" is a person.
    if ORG.contains(&head_of) || named_body || agency() || acronym() {
        return Some(Hint::Organisation);
    }
    // "officials", "Top Republican lawmakers": a lower-case plural head.
    // "Russians", "House Democrats": a people or a party's members.
    let head = mention.split_whitespace().last().unwrap_or("");
    if is_party_members_word(head)
        || (head.starts_with(char::is_uppercase)
            && crate::contradict::is_peoples_plural(last))
    {
        return Some(Hint::Plural);
    }
    let plural = last.ends_with('s')
        && !last.ends_with("ss")
        && head.starts_with(char::is_lowercase);
    plural.then_some(Hint::Plural)
}

/// True for a capitalised plural naming a party's members:
/// "Democrats", "Conservatives".
pub fn is_party_members_word(word: &str) -> bool {
    matches!(
        word,
        "Democrats"
            | "Republicans"
            | "Socialists"
            | "Conservatives"
            | "Liberals"
            | "Greens"
            | "Nationalists"
            | "Communists"
            | "Progressives"
            | "Libertarians"
            | "Unionists"
    )
}

/// The gender a description's head noun tells, in lower case:
/// "spokeswoman", "mother", "businessman". `None` for a noun of either
/// gender ("reporter", "official") and for "German", "Roman".
pub fn noun_gender(head: &str) -> Option<Hint> {
    match head {
        "woman" | "mother" | "wife" | "daughter" | "sister"
        | "grandmother" | "widow" | "girl" | "actress" | "aunt" | "niece"
        | "girlfriend" | "granddaughter" | "stepmother" => Some(Hint::Female),
        "man" | "father" | "husband" | "son" | "brother" | "grandfather"
        | "widower" | "boy" | "uncle" | "nephew" | "boyfriend"
        | "grandson" | "stepfather" => Some(Hint::Male),
        h if h.ends_with("woman") => Some(Hint::Female),
        h if h.ends_with("man") && h.len() > 6 => Some(Hint::Male),
        _ => None,
    }
}

/// The gender a person's name tells by its given name ("Maria Delgado"
/// is a woman), from `data/given_names.tsv`: the first or second word of
/// a name, titles dropped, with a surname after it. `None` for a name of
/// one word, a given name the list does not hold, or one borne by both.
pub fn given_name_hint(name: &str) -> Option<Hint> {
    let name = strip_title(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    // "Coach Maria Delgado": a title the titles file lacks may come first.
    words
        .iter()
        .take(2)
        .take(words.len().saturating_sub(1))
        .find_map(|w| given_name(w))
}

/// The gender `word` tells as a given name in `data/given_names.tsv`.
pub fn given_name(word: &str) -> Option<Hint> {
    static NAMES: OnceLock<Vec<(&'static str, Hint)>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        data_lines(GIVEN_NAMES)
            .filter_map(|l| {
                let (name, gender) = l.split_once('\t')?;
                let hint = match gender {
                    "F" => Hint::Female,
                    "M" => Hint::Male,
                    _ => return None,
                };
                Some((name, hint))
            })
            .collect()
    });
    let i = names.binary_search_by(|(n, _)| n.cmp(&word)).ok()?;
    Some(names[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_after_an_owner_starts_after_the_mark() {
        for (written, person) in [
            ("DEA's Anne Milgram", Some("Anne Milgram")),
            ("The DEA’s Milgram", Some("Milgram")),
            ("Labour's Keir Starmer", Some("Keir Starmer")),
            ("Trump's Son", None),
            ("People's Republic of China", None),
            ("Anne Milgram", None),
        ] {
            let got = person_after_owner(written).map(|at| &written[at..]);
            assert_eq!(got, person, "{written}");
        }
    }

    #[test]
    fn given_names_file_is_sorted_unique_and_well_formed() {
        let lines: Vec<&str> = data_lines(GIVEN_NAMES).collect();
        let names: Vec<&str> =
            lines.iter().map(|l| l.split('\t').next().unwrap()).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        assert!(
            lines.iter().all(|l| l.ends_with("\tF") || l.ends_with("\tM"))
        );
        // Names from beyond PolNeAR's U.S. news too, accents kept.
        for (name, hint) in [
            ("Tobias", Hint::Male),
            ("Kwame", Hint::Male),
            ("Aoife", Hint::Female),
            ("Sinéad", Hint::Female),
            ("Naureen", Hint::Female),
        ] {
            assert_eq!(given_name(name), Some(hint), "{name}");
        }
    }

    #[test]
    fn appositives_are_found_as_the_plain_search_finds_them() {
        // Every stretch of each text at character boundaries: one opening
        // inside a name ("mith", "Lawyer" after the match that covers it
        // in the whole text), or ending inside an article, a phrase or at
        // its closing comma; chains of appositives; characters of several
        // bytes; names and phrases the byte tests pass and the pattern
        // turns down, and the other way round; a phrase too long; no comma
        // at all.
        let texts = [
            "Jack Dorsey, the company's chief executive, said. Sen. Ted \
             Cruz, a Republican senator from Texas, and Watson, a \
             spokesperson for the NSC, spoke.",
            "Smith, a Lawyer, the Xerox head, said Jones, a judge, Brown, \
             an aide, Lee, the aide, and McDonald, a senator,",
            "José Núñez, a “former” aide’s friend, Ana O’Neill, an aide, \
             În Ţară, the aide, said",
            "Ahead of its earnings on Wednesday, the social media company \
             said. In May, the court said. Adams, a very long phrase that \
             runs on and on for more than eighty characters without a \
             comma anywhere in it, said",
            "No comma here at all, nor a name",
            ", a lead, A, an b, The, the c,,",
            "Ana de la Cruz, a judge, Mary-Kate O'Brien, an aide, Lee, a \
             U.S. aide, Bob  Smith, a lawyer, Ann\nLee, a head, Zoë Ⅸ, an \
             aide; \
             Ed, a “head”, Al, the\nhead, Jo, a , Di, an aide",
            "Kim, a head and chair and voice of the board in the city and \
             the region and the country, Lu, a head and chair and voice of \
             the board in the city and the region and the countries, Bo, \
             anaide, Cy, a é,",
        ];
        let heads = [
            "executive",
            "senator",
            "spokesperson",
            "lawyer",
            "head",
            "judge",
            "aide",
            "friend",
            "company",
            "court",
            "phrase",
            "b",
            "c",
            "lead",
        ];
        for text in texts {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (k, &from) in bounds.iter().enumerate() {
                for &to in &bounds[k..] {
                    let before = &text[from..to];
                    let plain = appositives_plain(before);
                    assert_eq!(appositives(before), plain, "{from}..{to}");
                    for head in heads {
                        assert_eq!(
                            appositive_with(before, head),
                            nearest_appositive(before, plain.clone(), head),
                            "{from}..{to} {head}"
                        );
                    }
                }
            }
        }
        // The stretches hold appositives at all, and one that opens inside
        // the name the whole text's search takes finds the rest of it.
        let text = texts[1];
        assert!(appositives(text).len() >= 4);
        let rest = &text[text.find("Lawyer").unwrap()..];
        let (span, name) = appositive_with(rest, "head").unwrap();
        assert_eq!((span.text(rest), name.as_str()), ("Lawyer", "Lawyer"));
        assert_eq!(appositive_with(text, "head"), None);
        // A phrase of eighty characters, not one of eighty-one.
        let text = texts[texts.len() - 1];
        let (_, name) = appositive_with(text, "head").unwrap();
        assert_eq!(name, "Kim");
    }

    #[test]
    fn a_day_is_no_appositives_name() {
        let before = "Twitter said so. Ahead of its earnings on Wednesday, \
                      the social media company said it had grown, ";
        assert_eq!(appositive_with(before, "company"), None);
        let before = "Jack Dorsey, the company's chief executive, ";
        let (_, name) = appositive_with(before, "executive").unwrap();
        assert_eq!(name, "Jack Dorsey");
    }

    #[test]
    fn a_bodys_head_before_of_or_for_tells_it_is_no_person() {
        for body in [
            "the Center for Responsive Politics",
            "the Department of Health and Human Services",
            "The Cycling Integrity Agency (CIA)",
        ] {
            assert_eq!(
                agreement_hint(body),
                Some(Hint::Organisation),
                "{body}"
            );
        }
        assert_eq!(agreement_hint("Secretary of State John Kerry"), None);
    }

    #[test]
    fn a_reflexive_tells_a_gender_and_a_day_is_no_person() {
        assert_eq!(agreement_hint("Sanders himself"), Some(Hint::Male));
        assert_eq!(agreement_hint("Clinton herself"), Some(Hint::Female));
        assert_eq!(agreement_hint("Thursday"), Some(Hint::Organisation));
        assert_eq!(agreement_hint("Bill Sanders"), None);
    }

    #[test]
    fn a_given_name_tells_a_gender() {
        assert_eq!(given_name_hint("Maria Delgado"), Some(Hint::Female));
        assert_eq!(given_name_hint("Coach Tom Reeves"), Some(Hint::Male));
        assert_eq!(
            given_name_hint("President Barack Obama"),
            Some(Hint::Male)
        );
        // One word is a surname as often as not; unknown names tell nothing.
        assert_eq!(given_name_hint("Maria"), None);
        assert_eq!(given_name_hint("Jordan Smith"), None);
    }

    #[test]
    fn is_title_is_the_lookup_of_the_lowered_word() {
        // What `is_title` was: every word lowered and looked up.
        let lookup = |word: &str| {
            with_lower(word, |lower| {
                titles().set.contains(lower)
                    || lower.starts_with(b"then-")
                    || lower.starts_with(b"ex-")
            })
        };
        let mut words: Vec<String> = Vec::new();
        for title in data_lines(TITLES).map(str::trim) {
            let upper = title.to_uppercase();
            let capital = format!("{}{}", &upper[..1], &title[1..]);
            words.extend([title.to_string(), upper, capital]);
            words.push(format!("{title}s"));
            words.push(title[..title.len() - 1].to_string());
            words.push(format!("then-{title}"));
        }
        #[rustfmt::skip]
        words.extend([
            "", "a", "ex", "ex-", "EX-", "Ex-wife", "then", "then-", "THEN-x",
            "Then-Sen.", "e", "x-", "t", "\u{212a}", "SEN.", "Şen.", "sén.",
            "Mr", "Mr.", "MR.", "mrs.", "Dr.", "\u{212a}ing", "ex\u{2010}",
            "Ⅻ", "ǅ", "İstanbul", "ΣΑΣ",
        ].map(String::from));
        for text in crate::model::bundled_texts() {
            words.extend(text.split_whitespace().map(String::from));
        }
        let mut found = 0;
        for word in &words {
            assert_eq!(is_title(word), lookup(word), "{word:?}");
            found += usize::from(lookup(word));
        }
        assert!(found > 300, "{found}");
    }

    #[test]
    fn split_ascii_words_is_split_whitespace() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f",
            "\u{85}", "\u{a0}", "\u{2009}", "\u{3000}", "\u{200b}", "Sen.",
            "John", "O'Neil", "é", "x", "-", "’s", "\0",
        ];
        let mut texts = crate::model::random_texts(
            PIECES,
            50_000,
            8,
            0x9e37_79b9_7f4a_7c15,
        );
        texts.extend(["", " ", "a", " a ", "a  b"].map(String::from));
        for n in [MOST_WORDS - 1, MOST_WORDS, MOST_WORDS + 1] {
            texts.push("w ".repeat(n));
            texts.push(" w".repeat(n));
        }
        for text in crate::model::bundled_texts() {
            texts.extend(text.lines().map(String::from));
        }
        for text in &texts {
            let want: Vec<&str> = text.split_whitespace().collect();
            let mut held = [""; MOST_WORDS];
            match split_ascii_words(text, &mut held) {
                Some(n) => assert_eq!(held[..n], want, "{text:?}"),
                None => assert!(
                    !text.is_ascii() || want.len() > MOST_WORDS,
                    "{text:?}"
                ),
            }
        }
    }

    /// `strip_title` as it was, asking whether words head bodies before
    /// it knew it needed to: the reference the lazy one is held to.
    fn strip_title_eager(mention: &str) -> String {
        let words: Vec<&str> = mention.split_whitespace().collect();
        // "Jane Doe of the Data Justice Collective": a title's word in the
        // name of the body a person is of is no title.
        let of_body = words.last().is_some_and(|w| {
            crate::resolve::words::is_body_head(strip_possessive(w))
        });
        let in_body = |t: usize| {
            of_body
                && words[..t].iter().any(|w| matches!(*w, "of" | "for" | "at"))
        };
        let last_title = (0..words.len())
            .rev()
            .find(|&t| is_title(words[t]) && !in_body(t));
        let mut start =
            last_title.map_or_else(|| role_before_name(&words), |t| t + 1);
        // "Secretary of State John Kerry": the title runs on over "of" or
        // "for"; "Secretary of State" names no one after it, and is kept.
        let mut run_on = false;
        while start > 0
            && start < words.len()
            && matches!(words[start], "of" | "for")
        {
            start = if start + 2 < words.len() { start + 2 } else { 0 };
            run_on = true;
        }
        // "the deputy head of China's", "CEO of Washington Restaurant
        // Association": what follows is no person's name but the rest of a
        // description, or the body the title is held in.
        if start > 0 && start < words.len() {
            // "first lady Laura Bush", "chief economist Maury Obstfeld": the
            // role runs on over lower-case nouns to the name; a description
            // ("deputy head of China's") never reaches one.
            let lower = |w: &&&str| {
                let w = **w;
                w.starts_with(char::is_lowercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !matches!(
                        w,
                        "of" | "for"
                            | "and"
                            | "or"
                            | "the"
                            | "a"
                            | "an"
                            | "to"
                    )
                    && !is_place_preposition(w)
            };
            let name_at =
                start + words[start..].iter().take_while(lower).count();
            let named = words
                .get(name_at)
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            // "Secretary of State's Office", "the Justice Department": a
            // body's name, whose first word only looks like a title.
            let body_head = |w: &str| {
                crate::resolve::words::is_body_head(strip_possessive(w))
            };
            let body = (run_on && words.last().is_some_and(|w| body_head(w)))
                || (words.get(name_at).is_some_and(|w| body_head(w))
                    && words[name_at + 1..]
                        .iter()
                        .all(|w| w.starts_with(char::is_lowercase)));
            // "Mr. de Vos": a particle opens the name.
            let particle = is_particle(words[start]);
            if !particle {
                start = if named && !body { name_at } else { 0 };
            }
        }
        // "a council leader in Leeds", "a spokesman at the embassy": a place
        // after the title is where the person works, not their name.
        if start > 0
            && start < words.len()
            && is_place_preposition(words[start])
        {
            start = 0;
        }
        let rest =
            if start < words.len() { &words[start..] } else { &words[..] };
        let rest = match rest {
            [first, tail @ ..] if !tail.is_empty() && is_article(first) => {
                tail
            }
            _ => rest,
        };
        // Joined into the one string returned, the possessive cut off in
        // place: called for every name run of every document, and a join
        // then a copy was two strings made for one kept.
        let mut name = String::with_capacity(mention.len());
        for (i, w) in rest.iter().enumerate() {
            if i > 0 {
                name.push(' ');
            }
            name.push_str(w);
        }
        name.truncate(strip_possessive(&name).len());
        name
    }

    #[test]
    fn strip_title_asks_lazily_what_it_asked_at_once() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "Sen. ", "President ", "Secretary ", "of ", "State ", "the ",
            "The ", "Department ", "Justice ", "for ", "at ", "in ", "Data ",
            "Collective ", "board ", "member ", "de ", "Mr. ", "first ",
            "lady ", "Leeds ", "China's ", "State’s ", "Office ", "John ",
            "Kerry ", "Anne ", "Milgram ", "DEA ", "Administrator ", "CEO ",
            "Association ", "Restaurant ", "spokesman ", "embassy ", "chief ",
            "economist ", "Jane ", "Doe ", "Party ", "Times ", "Ministry ",
            "co-leader ", "Sanders' ", "then-Gov. ", "ex-minister ", "a ",
        ];
        let mut mentions = crate::model::random_texts(
            PIECES,
            100_000,
            7,
            0x9e37_79b9_7f4a_7c15,
        );
        for text in crate::model::bundled_texts() {
            let words: Vec<&str> = text.split_whitespace().collect();
            for n in 1..=5 {
                mentions.extend(words.windows(n).map(|w| w.join(" ")));
            }
        }
        let mut stripped = 0;
        for mention in &mentions {
            let want = strip_title_eager(mention);
            assert_eq!(strip_title(mention), want, "{mention:?}");
            stripped += usize::from(want.len() + 1 < mention.trim().len());
        }
        assert!(stripped > 10_000, "{stripped}");
    }

    #[test]
    fn titles_file_is_sorted_and_unique() {
        let lines: Vec<&str> = data_lines(TITLES).collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_people_or_a_partys_members_are_plural() {
        for mention in ["Russians", "House Democrats", "Conservatives"] {
            assert_eq!(
                agreement_hint(mention),
                Some(Hint::Plural),
                "{mention}"
            );
        }
        // A surname that ends like a people's plural is nobody's plural.
        assert_eq!(agreement_hint("Evans"), None);
        assert_eq!(agreement_hint("Bernie Sanders"), None);
    }

    #[test]
    fn a_role_the_titles_lack_is_stripped_before_a_full_name() {
        for (mention, name) in [
            ("NTSB board member Thomas Chapman", "Thomas Chapman"),
            ("Security researcher Troy Hunt", "Troy Hunt"),
            ("AfD co-leader Alice Weidel", "Alice Weidel"),
            ("former Obama adviser David Axelrod", "David Axelrod"),
            // No role noun, or a name of one word: kept as written.
            ("Halvorsen Motors", "Halvorsen Motors"),
            ("the rival Mercer", "rival Mercer"),
        ] {
            assert_eq!(strip_title(mention), name, "{mention}");
        }
    }

    #[test]
    fn a_head_noun_may_tell_a_gender() {
        assert_eq!(noun_gender("spokeswoman"), Some(Hint::Female));
        assert_eq!(noun_gender("chairman"), Some(Hint::Male));
        assert_eq!(noun_gender("german"), None);
        assert_eq!(noun_gender("reporter"), None);
    }

    #[test]
    fn a_person_of_a_body_is_no_body() {
        for person in [
            "the chairman of the electoral commission",
            "a spokesman for the Trump campaign",
        ] {
            assert_eq!(agreement_hint(person), None, "{person}");
        }
        assert_eq!(
            agreement_hint("the electoral commission"),
            Some(Hint::Organisation)
        );
    }

    #[test]
    fn an_acronym_with_its_article_is_a_body() {
        assert_eq!(agreement_hint("The FBI"), Some(Hint::Organisation));
        assert_eq!(agreement_hint("AMLO"), None);
        // A quantifier standing for a group is plural.
        assert_eq!(agreement_hint("Some"), Some(Hint::Plural));
    }

    #[test]
    fn titles_are_stripped() {
        assert_eq!(
            strip_title("DEA Administrator Anne Milgram"),
            "Anne Milgram"
        );
        assert_eq!(
            strip_title("Mexican President Andrés Manuel López Obrador"),
            "Andrés Manuel López Obrador"
        );
        assert_eq!(
            strip_title("then-Attorney General William Barr"),
            "William Barr"
        );
        assert_eq!(strip_title("Mr. Trump"), "Trump");
        assert_eq!(strip_title("President"), "President");
        assert_eq!(strip_title("Secretary of State John Kerry"), "John Kerry");
        assert_eq!(strip_title("Secretary of State"), "Secretary of State");
        // The role runs on over lower-case nouns to the name.
        assert_eq!(strip_title("former first lady Laura Bush"), "Laura Bush");
        assert_eq!(strip_title("Mr. de Vos"), "de Vos");
        // A title's word in the name of the body a person is of.
        assert_eq!(
            strip_title("Jane Doe of the Data Justice Collective"),
            "Jane Doe of the Data Justice Collective"
        );
        assert_eq!(
            strip_title("Sen. Jane Doe of the Justice Caucus"),
            "Jane Doe of the Justice Caucus"
        );
        // A description, or the body the title is held in, is no name.
        assert_eq!(
            strip_title("the deputy head of China's"),
            "deputy head of China"
        );
        assert_eq!(
            strip_title("CEO of Washington Restaurant Association"),
            "CEO of Washington Restaurant Association"
        );
        // A title word before a body's head word is part of its name.
        assert_eq!(
            strip_title("The Justice Department"),
            "Justice Department"
        );
        assert_eq!(
            strip_title("Justice Department officials"),
            "Justice Department officials"
        );
    }

    /// [`strip_title`] as first written: the words after the last
    /// title joined, then the possessive dropped, in a new string.
    fn reference_strip_title(mention: &str) -> String {
        let words: Vec<&str> = mention.split_whitespace().collect();
        let mut rest: &[&str] = &words;
        if let Some(t) = words.iter().rposition(|w| is_title(w)) {
            let mut after = &words[t + 1..];
            let mut run_on = false;
            // Over "of State" or "for Refugees" to a name, if one follows.
            while let ["of" | "for", _, more @ ..] = after {
                after = more;
                run_on = true;
            }
            let office_only = after.is_empty()
                || matches!(after, ["of" | "for"] | ["of" | "for", _]);
            // "a council leader in Leeds": a place, not a name.
            let placed =
                after.first().is_some_and(|w| is_place_preposition(w));
            if !office_only && !placed {
                const JOINING: &[&str] =
                    &["of", "for", "and", "or", "the", "a", "an", "to"];
                // Lower-case nouns of the role, up to the name.
                let mut name = after;
                while let [w, more @ ..] = name
                    && w.starts_with(char::is_lowercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !JOINING.contains(w)
                    && !is_place_preposition(w)
                {
                    name = more;
                }
                let body_last = words.last().is_some_and(|w| {
                    crate::resolve::words::is_body_head(strip_possessive(w))
                });
                if after.first().is_some_and(|w| is_particle(w)) {
                    rest = after;
                } else if name
                    .first()
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
                    && !(run_on && body_last)
                    && !(crate::resolve::words::is_body_head(
                        strip_possessive(name[0]),
                    ) && name[1..]
                        .iter()
                        .all(|w| w.starts_with(char::is_lowercase)))
                {
                    rest = name;
                }
            }
        }
        let rest = match rest {
            [first, tail @ ..] if !tail.is_empty() && is_article(first) => {
                tail
            }
            _ => rest,
        };
        let name = rest.join(" ");
        strip_possessive(&name).to_string()
    }

    #[test]
    fn titles_are_stripped_as_the_reference_strips_them() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "Anne", "Milgram", "DEA", "Administrator", "President", "Sen.",
            "then-Attorney", "ex-Governor", "General", "the", "The", "Mr.",
            " ", "  ", "\t", "\n", "\u{a0}", "’s", "'s", "s", "’", "É",
            "López", "İ", "-", ".", "of", "for", "State", "in", "at",
            "lady", "de", "Center", "deputy",
        ];
        let mut mentions = crate::model::random_texts(
            PIECES,
            30_000,
            10,
            0x7a3c_94e1_05bd_2f68,
        );
        for text in crate::model::bundled_texts() {
            mentions.extend(text.lines().map(String::from));
        }
        for m in &mentions {
            assert_eq!(strip_title(m), reference_strip_title(m), "{m:?}");
        }
    }

    #[test]
    fn keys_fold_accents_hyphens_and_possessives() {
        let k = canonical_key("López-Obrador’s");
        assert_eq!(k, "lopez obrador");
        assert_eq!(canonical_key("Lopez Obrador"), k);
    }

    /// The key as first written: map each lower-case character, then
    /// split on white space and join with single spaces.
    fn reference_key(name: &str) -> String {
        let name = strip_possessive(name.trim());
        let mut out = String::with_capacity(name.len());
        for c in name.chars().flat_map(char::to_lowercase) {
            match c {
                '-' | '‐' | '–' => out.push(' '),
                '.' | '’' | '\'' => {}
                c => out.push(fold_accent(c)),
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn keys_are_those_of_the_reference() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "", " ", "a", "Obama", "OBAMA", "López", "LÓPEZ", "-", "‐", "–",
            "—", ".", "’", "'", "’s", "'s", "s", "İ", "İstanbul", "ẞ", "Σ",
            "ΟΔΟΣ", "ǅ", "ﬁ", "Å", "Ø", "Ñ", "Ç", "Ÿ", "Ý", "\t", "\n", "\r",
            "\u{b}", "\u{c}", "\u{1c}", "\u{1f}", "\u{85}", "\u{a0}",
            "\u{1680}", "\u{2003}", "\u{200b}", "\u{2028}", "\u{2029}",
            "\u{202f}", "\u{205f}", "\u{3000}", "\u{feff}", "\u{301}",
            "U.S.", "Mr.", "then-Attorney", "O'Brien", "d’Arc", "9/11",
            "3,000", "😀", "KΑΪ", "\u{0}",
        ];
        let mut names: Vec<String> = Vec::new();
        for a in PIECES {
            for b in PIECES {
                names.push(format!("{a}{b}"));
                for c in ["", " ", "-", "’s", "\u{a0}"] {
                    names.push(format!("{c}{a} {b}{c}"));
                    names.push(format!("{a}{c}{b}{c}{a}"));
                }
            }
        }
        names.extend(
            [
                "  Andrés   Manuel  López-Obrador’s  ",
                "Jean-Luc  Mélenchon's",
                "İLHAN OMAR – the\u{2003}Representative",
                "ÀÁÂÃÄÅ ÈÉÊË ÌÍÎÏ ÒÓÔÕÖØ ÙÚÛÜ Ñ Ç Ý Ÿ",
                "x\u{85}\u{85}y\u{a0}-\u{a0}z",
                "’s",
                "'s ",
                " - ",
            ]
            .map(String::from),
        );
        for name in &names {
            assert_eq!(canonical_key(name), reference_key(name), "{name:?}");
        }
    }

    /// The anchored searches of [`name_runs`] and [`appositives`] find
    /// what their patterns find searched the usual way: pseudo-random
    /// texts of capitals, letters, spaces and commas, and the bundled
    /// articles with each of their lines.
    #[test]
    fn anchored_searches_find_what_an_unanchored_search_finds() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "John", "Smith", "McCain", "eBay", "U.S", ".", "J.", "É", "Émile",
            "é", "Ünal", "ß", "the", "a", "an", " ", " ", " ", "  ", ",", ", a ",
            ", an ", ", the ", ", The ", "spokesperson for", "’s", "'", "-",
            "\n", ";", "“", "X", "\u{a0}", "1", "Anne ", "Lee ", "Ó ",
        ];
        let mut texts = crate::model::random_texts(
            PIECES,
            30_000,
            16,
            0x3c6e_f372_fe94_f82b,
        );
        for text in crate::model::bundled_texts() {
            texts.extend(text.lines().map(String::from));
            texts.push(text);
        }
        let runs =
            Regex::new(&format!("{NAME_WORD}(?: {NAME_WORD})+")).unwrap();
        let appositive = Regex::new(APPOSITIVE).unwrap();
        let mut found = [0, 0];
        for text in &texts {
            let expected: Vec<Span> = runs
                .find_iter(text)
                .map(|m| Span::new(m.start(), m.end()))
                .collect();
            assert_eq!(name_runs(text), expected, "{text:?}");
            found[0] += expected.len();
            let expected: Vec<(Span, Span)> = appositive
                .captures_iter(text)
                .map(|c| {
                    let (name, np) = (c.get(1).unwrap(), c.get(2).unwrap());
                    (
                        Span::new(name.start(), name.end()),
                        Span::new(np.start(), np.end()),
                    )
                })
                .collect();
            assert_eq!(appositives(text), expected, "{text:?}");
            found[1] += expected.len();
        }
        // The texts hold matches of both.
        assert!(found[0] > 5_000 && found[1] > 500, "{found:?}");
    }

    /// The names [`name_mentions`] finds in `text`.
    fn names_in(text: &str) -> Vec<String> {
        name_mentions(text).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn name_mentions_find_full_names() {
        assert_eq!(
            names_in("Yesterday DEA Administrator Anne Milgram spoke."),
            ["Anne Milgram"]
        );
        // An inverted tag's cue opens no name.
        for text in [
            "Said Dorothy Poynter: “He was kind.”",
            "Continued Dorothy Poynter: “He was kind.”",
        ] {
            assert_eq!(names_in(text), ["Dorothy Poynter"], "{text}");
        }
        // Other forms of a cue, and other cues, may open a name.
        for (text, name) in [
            ("Hope Hicks said it was over.", "Hope Hicks"),
            ("State Farm said it was over.", "State Farm"),
            ("Planned Parenthood said it was over.", "Planned Parenthood"),
        ] {
            assert_eq!(names_in(text), [name], "{text}");
        }
    }

    #[test]
    fn a_bodys_name_over_of_or_and_is_one_name() {
        let text = "Dolores Mensah leads Local 12 of the Harbour and Dock \
                    Workers' Union. The Port of Westhaven Authority said \
                    ships waited. Vice President Kamala Harris spoke.";
        assert_eq!(
            names_in(text),
            [
                "Dolores Mensah",
                "Harbour and Dock Workers' Union",
                "Port of Westhaven Authority",
                "Kamala Harris"
            ]
        );
        // A person of a body stays apart from it.
        assert_eq!(
            names_in("Warren Rudman of the Wilson Center spoke."),
            ["Warren Rudman", "Wilson Center"]
        );
    }

    #[test]
    fn a_possessive_after_a_final_s_is_no_part_of_a_name() {
        for text in [
            "Sen. Bernie Sanders' campaign spoke.",
            "Sen. Bernie Sanders’ campaign spoke.",
            "Sen. Bernie Sanders's campaign spoke.",
        ] {
            assert_eq!(names_in(text), ["Bernie Sanders"], "{text}");
        }
    }

    #[test]
    fn a_middle_initial_stays_and_a_sentence_word_goes() {
        let text = "When Donald J. Trump spoke, Plan B. The Senate met.";
        let got = name_mentions(text);
        let names: Vec<&str> = got.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, vec!["Donald J. Trump"]);
    }

    #[test]
    fn an_article_opening_a_sentence_is_no_part_of_a_name() {
        let text =
            "A Google spokesperson declined. An Apple Music host spoke.";
        let got = name_mentions(text);
        let names: Vec<&str> = got.iter().map(|m| m.name.as_str()).collect();
        // "Google" alone is no fuller name; "Apple Music" is one.
        assert_eq!(names, vec!["Apple Music"]);
        assert_eq!(got[0].span.text(text), "Apple Music");
    }
}
