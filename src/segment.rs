//! Finds a document's structure: tokens, paragraphs, quotations and
//! sentences.
//!
//! This is the second pipeline stage, after ingest. It reads only the
//! document's text and produces byte spans into it; it never changes the
//! text. Quotations are found before sentences so that a full stop inside
//! a quotation does not cut the sentence that carries its attribution.
//! Every loop here is a single pass over the text or its tokens, so the
//! work grows linearly with the input, whatever the input is.

use crate::model::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens and dots
    /// ("don't", "U.S.", "R-S.C.", "10,000").
    Word,
    /// A quotation mark: a double one, straight or curly, or in a text
    /// that quotes with single marks (‘…’, as British papers do), a
    /// single one that opens or closes a quotation.
    Quote,
    /// Any other single non-space character.
    Punct,
}

/// One token with its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// The paragraph the token is in.
    pub paragraph: usize,
}

/// A quotation between quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// Index of the opening mark's token.
    pub open: usize,
    /// Index of the closing mark's token, or `None` for a piece of a
    /// quotation that runs on into the next paragraph.
    pub close: Option<usize>,
    /// The text between the marks.
    pub inner: Span,
    /// True when this piece continues a quotation from the paragraph
    /// before (an opening mark without a closing one before it).
    pub continued: bool,
}

/// A sentence: a run of tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the first token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
}

/// The structure of one text.
#[derive(Debug, Default)]
pub struct Segmented {
    /// Every token, in text order.
    pub tokens: Vec<Token>,
    /// Paragraph spans, in order.
    pub paragraphs: Vec<Span>,
    /// Quotations, in order of their opening marks.
    pub quotes: Vec<Quotation>,
    /// Sentences, in order; they cover every token.
    pub sentences: Vec<Sentence>,
    /// True when the text quotes with single marks (‘…’ or '…') rather
    /// than double ones; its double marks are then quotations inside
    /// quotations, and no tokens of their own.
    pub single_marks: bool,
}

impl Segmented {
    /// The text span from token `a` to the end of token `b - 1`.
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start(), self.tokens[b - 1].span.end())
    }
}

/// Abbreviations after which a full stop does not end a sentence, sorted.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Aug", "Brig", "Capt", "Cmdr", "Co", "Col", "Const", "Corp",
    "Cpl", "Dec", "Dept", "Det", "Dr", "Feb", "Fla", "Ft", "Gen", "Gov", "Hon",
    "Inc", "Insp", "Jan", "Jr", "Jul", "Jun", "Lt", "Maj", "Mar", "Mass",
    "Messrs", "Mr", "Mrs", "Ms", "Mt", "No", "Nov", "Oct", "Pres", "Prof", "Rep",
    "Reps", "Rev", "Sen", "Sens", "Sept", "Sgt", "Sr", "St", "Supt", "Va", "Wash",
    "approx", "e.g", "etc", "i.e", "vs",
];

/// Those of [`ABBREVIATIONS`] that may close a sentence: places and
/// companies' or names' ends ("… in Woods Cove, Mass.", "Acme Inc."),
/// not titles, which a name always follows. Sorted.
#[rustfmt::skip]
const ENDING_ABBREVIATIONS: &[&str] = &[
    "Co", "Corp", "Fla", "Inc", "Jr", "Mass", "Sr", "Va", "Wash", "etc",
];

/// Capitalised words that start a new sentence after "U.S." and the like.
#[rustfmt::skip]
const SENTENCE_STARTERS: &[&str] = &[
    "A", "After", "An", "And", "As", "At", "But", "For", "He", "Her", "His",
    "However", "I", "If", "In", "It", "Its", "Meanwhile", "On", "Our",
    "She", "So", "Still", "That", "The", "Their", "There", "These", "They",
    "This", "Those", "We", "What", "When", "While", "Yet",
];

/// Splits `text` into its structure.
pub fn segment(text: &str) -> Segmented {
    let paragraphs = paragraphs(text);
    let mut tokens = tokenize(text, &paragraphs);
    let single_marks = quotes_with_single_marks(text, &mut tokens);
    let quotes = quotations(text, &tokens);
    let sentences = sentences(text, &tokens, &quotes);
    Segmented { tokens, paragraphs, quotes, sentences, single_marks }
}

/// Paragraphs are runs of non-blank lines.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                out.push(Span::new(s, last_end));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            start.get_or_insert(pos + lead);
            last_end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(Span::new(s, last_end));
    }
    out
}

/// True for a double quotation mark, straight or curly.
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// What a single mark (‘, ’ or ') standing as a token of its own can be
/// in a text that quotes with single marks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SingleMark {
    Open,
    Close,
    /// After a word ending in "s" and before a word: the possessive of a
    /// plural ("the voters’ choice") or a quotation's end ("called them
    /// ‘bad losers’ and left"); it closes a quotation only when nothing
    /// else does.
    MaybeClose,
    /// An elision ("the ’90s"), a mark between spaces, or anything else.
    Neither,
}

fn single_mark(text: &str, span: Span) -> SingleMark {
    let s = span.text(text);
    if !matches!(s, "‘" | "’" | "'") {
        return SingleMark::Neither;
    }
    let before = text[..span.start()].chars().next_back();
    let rest = &text[span.end()..];
    let after = rest.chars().next();
    let space_before =
        before.is_none_or(|b| b.is_whitespace() || "([{—–-/:".contains(b));
    let space_after = after.is_none_or(char::is_whitespace);
    let elision = rest.starts_with(|c: char| c.is_ascii_digit())
        || ["em ", "til ", "n ", "n’ ", "n' ", "cause "]
            .iter()
            .any(|e| rest.starts_with(e));
    match (space_before, space_after) {
        _ if elision && s != "‘" => SingleMark::Neither,
        (true, false) => SingleMark::Open,
        (false, _) if s == "‘" && !space_after => SingleMark::Open,
        (false, _) => {
            let plural = before.is_some_and(|b| b == 's' || b == 'S');
            let word_next = space_after
                && rest
                    .trim_start_matches([' ', '\u{a0}'])
                    .starts_with(char::is_alphanumeric);
            if plural && word_next {
                SingleMark::MaybeClose
            } else {
                SingleMark::Close
            }
        }
        (true, true) => SingleMark::Neither,
    }
}

/// Decides whether `text` quotes with single marks, and if it does, makes
/// its single marks that open or close a quotation `Quote` tokens and its
/// double marks `Punct`. It does when more single marks open a quotation
/// than there are pairs of double marks: a text that quotes with double
/// marks has a single one only inside them ("“He said ‘no’”"), or in a
/// headline or an elision.
///
/// A possessive-looking mark ([`SingleMark::MaybeClose`]) closes the
/// quotation before it only when no other mark closes it before the next
/// opening one or the paragraph's end. One pass over the marks.
fn quotes_with_single_marks(text: &str, tokens: &mut [Token]) -> bool {
    let mut doubles = 0usize;
    let mut marks: Vec<(usize, SingleMark)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            TokenKind::Quote => doubles += 1,
            TokenKind::Punct => {
                let m = single_mark(text, t.span);
                if m != SingleMark::Neither {
                    marks.push((i, m));
                }
            }
            TokenKind::Word => {}
        }
    }
    let opens = marks.iter().filter(|(_, m)| *m == SingleMark::Open).count();
    // Two double marks make a quotation.
    if opens <= doubles.div_ceil(2) {
        return false;
    }
    for t in tokens.iter_mut() {
        if t.kind == TokenKind::Quote {
            t.kind = TokenKind::Punct;
        }
    }
    let mut k = 0;
    while k < marks.len() {
        let (i, m) = marks[k];
        k += 1;
        if m != SingleMark::Open {
            if m == SingleMark::Close {
                tokens[i].kind = TokenKind::Quote;
            }
            continue;
        }
        tokens[i].kind = TokenKind::Quote;
        // The marks up to the next opening one, in this paragraph.
        let para = tokens[i].paragraph;
        let mut maybe = None;
        let mut closed = false;
        let mut j = k;
        while j < marks.len() {
            let (t, m) = marks[j];
            if tokens[t].paragraph != para || m == SingleMark::Open {
                break;
            }
            if m == SingleMark::Close {
                closed = true;
                break;
            }
            maybe = maybe.or(Some(t));
            j += 1;
        }
        if !closed && let Some(t) = maybe {
            tokens[t].kind = TokenKind::Quote;
        }
        k = j;
    }
    true
}

/// The character starting at byte `i` of `text`, read without decoding
/// when it is ASCII, as most of a news text's characters are.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// Cuts the text into tokens, recording each one's paragraph.
fn tokenize(text: &str, paragraphs: &[Span]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut para = 0;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        while para + 1 < paragraphs.len() && i >= paragraphs[para].end() {
            para += 1;
        }
        let (end, kind) = if c.is_alphanumeric() {
            (word_end(text, i), TokenKind::Word)
        } else if is_quote_char(c) {
            (i + c.len_utf8(), TokenKind::Quote)
        } else if text[i..].starts_with("''") {
            // Two apostrophes stand for a double quotation mark in some
            // newspapers' wire text (''like this'').
            (i + 2, TokenKind::Quote)
        } else {
            (i + c.len_utf8(), TokenKind::Punct)
        };
        tokens.push(Token { span: Span::new(i, end), kind, paragraph: para });
        i = end;
    }
    tokens
}

/// The end of the word starting at `start`.
///
/// A word goes on across an apostrophe, hyphen, dot, comma or slash that
/// has a letter or digit on both sides, and takes a final dot when it is
/// an abbreviation of single letters ("U.S.", "R-S.C.").
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut at = start;
    while let Some(c) = char_at(text, at) {
        if c.is_ascii_alphanumeric() {
            // The run of ASCII letters and digits that makes most of a
            // word, byte by byte.
            at += bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            end = at;
            continue;
        }
        let next = at + c.len_utf8();
        if c.is_alphanumeric() {
            end = next;
            at = next;
            continue;
        }
        let joins = is_apostrophe(c) || matches!(c, '-' | '.' | ',' | '/');
        let next_alnum =
            char_at(text, next).is_some_and(char::is_alphanumeric);
        let digits_only =
            c == ',' && !bytes[start..at].iter().all(u8::is_ascii_digit);
        if joins && next_alnum && !digits_only && at > start {
            at = next;
            continue;
        }
        break;
    }
    if bytes.get(end) == Some(&b'.')
        && is_letter_abbreviation(&text[start..end])
    {
        end += 1;
    }
    end
}

/// True for "U.S", "R-S.C", "D.C": single letters joined by dots.
fn is_letter_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word.split(['.', '-']).all(|p| {
            p.chars().count() == 1 && p.chars().all(char::is_alphabetic)
        })
}

/// The role a quotation mark can play, judged from its neighbours.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MarkRole {
    Open,
    Close,
    Unknown,
}

fn mark_role(text: &str, span: Span) -> MarkRole {
    match single_mark(text, span) {
        SingleMark::Open => return MarkRole::Open,
        SingleMark::Close | SingleMark::MaybeClose => return MarkRole::Close,
        SingleMark::Neither => {}
    }
    let c = text[span.start()..].chars().next().unwrap_or('"');
    let before = text[..span.start()].chars().next_back();
    let after = text[span.end()..].chars().next();
    let space_before =
        before.is_none_or(|b| b.is_whitespace() || "([{—–-/:".contains(b));
    let space_after = after.is_none_or(char::is_whitespace);
    match c {
        // An opening mark set where a closing one belongs ("It's
        // unusual,“ said Larry Noble): right after a word or a stop and
        // before a space, it closes.
        '“' if !space_before && space_after => return MarkRole::Close,
        '“' | '„' | '‟' => return MarkRole::Open,
        // A closing mark set where an opening one belongs ("\n”Fear. I
        // am …”"): after a space or a line's start and right before a
        // letter, it opens.
        '”' if space_before && after.is_some_and(char::is_alphanumeric) => {
            return MarkRole::Open;
        }
        // "\n” … in the case of Wyoming, …”": at a line's start, before
        // an ellipsis, it opens too.
        '”' if before.is_none_or(|b| b == '\n')
            && text[span.end()..]
                .trim_start_matches(' ')
                .starts_with(['…', '.']) =>
        {
            return MarkRole::Open;
        }
        '”' => return MarkRole::Close,
        _ => {}
    }
    match (space_before, space_after) {
        (true, false) => MarkRole::Open,
        (false, _) => MarkRole::Close,
        (true, true) => MarkRole::Unknown,
    }
}

/// Pairs quotation marks into quotations.
///
/// A quotation left open at the end of a paragraph continues when the next
/// paragraph opens with a mark (the newspaper convention for quotes over
/// several paragraphs); otherwise its opening mark is dropped.
fn quotations(text: &str, tokens: &[Token]) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut open: Option<(usize, bool)> = None;
    for (i, tok) in tokens.iter().enumerate() {
        if tok.kind != TokenKind::Quote {
            continue;
        }
        let role = mark_role(text, tok.span);
        if let Some((o, continued)) = open {
            if tokens[o].paragraph != tok.paragraph {
                let opens_para = is_paragraph_start(tokens, i);
                if opens_para && role != MarkRole::Close {
                    out.push(run_on_piece(tokens, o, i, continued));
                    open = Some((i, true));
                    continue;
                }
                open = None;
            } else if role != MarkRole::Open {
                let inner = Span::new(tokens[o].span.end(), tok.span.start());
                out.push(Quotation {
                    open: o,
                    close: Some(i),
                    inner,
                    continued,
                });
                open = None;
                continue;
            }
        }
        if role == MarkRole::Open
            || (role == MarkRole::Unknown && open.is_none())
        {
            open = Some((i, false));
        }
    }
    out
}

fn is_paragraph_start(tokens: &[Token], i: usize) -> bool {
    i == 0 || tokens[i - 1].paragraph != tokens[i].paragraph
}

/// The piece of a quotation from `open` to the end of its paragraph.
fn run_on_piece(
    tokens: &[Token],
    open: usize,
    next: usize,
    continued: bool,
) -> Quotation {
    let last = tokens[next - 1].span.end();
    let inner = Span::new(tokens[open].span.end(), last);
    Quotation { open, close: None, inner, continued }
}

/// The most tokens in one sentence. Real sentences stay far below it
/// (the longest in PolNeAR has 286); a page of text with no full stop (a
/// 5 MB line, a scraped table) is cut here, so that the rules, which look
/// around inside a sentence, do bounded work per token.
const MAX_SENTENCE_TOKENS: usize = 1000;

/// Splits tokens into sentences.
fn sentences(
    text: &str,
    tokens: &[Token],
    quotes: &[Quotation],
) -> Vec<Sentence> {
    let mut inside = vec![false; tokens.len()];
    for q in quotes {
        let end = q.close.unwrap_or(q.open);
        for flag in inside.iter_mut().take(end).skip(q.open + 1) {
            *flag = true;
        }
    }
    let mut out = Vec::new();
    let mut first = 0;
    let mut dateline = None;
    for i in 0..tokens.len() {
        if is_paragraph_start(tokens, i) {
            dateline = dateline_end(text, tokens, i);
        }
        let next = i + 1;
        let boundary = next == tokens.len()
            || dateline == Some(i)
            || tokens[next].paragraph != tokens[i].paragraph
            || line_break_between(text, tokens, i)
            || (!inside[i] && ends_sentence(text, tokens, i))
            || next - first == MAX_SENTENCE_TOKENS;
        if boundary {
            out.push(Sentence { first, end: next });
            first = next;
        }
    }
    out
}

/// The most tokens a dateline holds before its dash ("CAMBRIDGE, Mass.,
/// Dec. 11 (UPI) —" has 14).
const MAX_DATELINE_TOKENS: usize = 20;

/// The dash that ends a wire story's dateline ("WASHINGTON (AP) —",
/// "BERLIN, Aug 31 (Reuters) -", "ST. LOUIS --") in the paragraph that
/// starts at token `start`: the place in capitals, then only capitalised
/// words, numbers, commas, dots and a parenthesised agency. The words
/// after it open a sentence of their own, so that no content reaches
/// back over where the story was filed.
fn dateline_end(text: &str, tokens: &[Token], start: usize) -> Option<usize> {
    let para = tokens[start].paragraph;
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let is_caps = |t: &Token| {
        let w = t.span.text(text);
        t.kind == TokenKind::Word
            && letters(w) >= 2
            && !w.chars().any(char::is_lowercase)
    };
    if !is_caps(&tokens[start]) {
        return None;
    }
    let mut capitals = 0;
    let mut in_caps = true;
    let mut i = start;
    while i < tokens.len() && i < start + MAX_DATELINE_TOKENS {
        let t = &tokens[i];
        if t.paragraph != para {
            return None;
        }
        let w = t.span.text(text);
        match t.kind {
            TokenKind::Quote => return None,
            TokenKind::Word if w.starts_with(char::is_lowercase) => {
                return None;
            }
            TokenKind::Word => {
                if in_caps && is_caps(t) {
                    capitals += letters(w);
                } else {
                    in_caps = false;
                }
            }
            TokenKind::Punct => match w {
                "—" | "–" | "-" => {
                    // "--" is two tokens; the dateline ends at the second.
                    let end = if w == "-"
                        && tokens.get(i + 1).is_some_and(|n| {
                            n.span.text(text) == "-"
                                && n.span.start() == t.span.end()
                        }) {
                        i + 1
                    } else {
                        i
                    };
                    // A hyphen between spaces, not inside "U.S.-Mexico".
                    let spaced = |a: usize, b: usize| {
                        text[a..b].chars().any(char::is_whitespace)
                    };
                    let hyphen_ok = w != "-"
                        || (i > start
                            && spaced(
                                tokens[i - 1].span.end(),
                                t.span.start(),
                            ));
                    let more = tokens
                        .get(end + 1)
                        .is_some_and(|n| n.paragraph == para);
                    return (capitals >= 4 && hyphen_ok && more && i > start)
                        .then_some(end);
                }
                "," | "." | "(" | ")" => {
                    in_caps = in_caps && w != "(";
                }
                _ => return None,
            },
        }
        i += 1;
    }
    None
}

/// True when a line break separates token `i` from the next and the line
/// does not simply wrap (it ends in a stop, or the next starts a capital).
fn line_break_between(text: &str, tokens: &[Token], i: usize) -> bool {
    // The gap is a space or none at all in the main: a plain loop over
    // its bytes costs less than a search set up for long ones.
    let gap =
        &text.as_bytes()[tokens[i].span.end()..tokens[i + 1].span.start()];
    if gap.iter().all(|&b| b != b'\n') {
        return false;
    }
    let last = tokens[i].span.text(text);
    let next = tokens[i + 1].span.text(text);
    let wraps = last.ends_with(|c: char| c.is_lowercase() || c == ',');
    !wraps || next.starts_with(char::is_uppercase)
}

/// True when token `i` ends a sentence: a stop (with any closing marks
/// after it) followed by something that can start one.
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let tok = tokens[i];
    let s = tok.span.text(text);
    // Most tokens are words without a final dot: none of the tests
    // below can hold for them (the closing marks and stops are no words).
    if tok.kind == TokenKind::Word && !s.ends_with('.') {
        return false;
    }
    let next = &tokens[i + 1];
    let next_text = next.span.text(text);
    // A straight mark after a stop may open the next sentence instead
    // ("He left. \"She …"): it closes only when it is no opening one.
    let closes = matches!(s, "”" | ")" | "’" | "'" | "\"" | "''")
        && i > 0
        && matches!(tokens[i - 1].span.text(text), "." | "!" | "?")
        && !(tok.kind == TokenKind::Quote
            && mark_role(text, tok.span) == MarkRole::Open);
    if closes {
        // “…ends.” “Next starts”: a closing mark after a stop, then an
        // opening one, ends the sentence too.
        let opens = next.kind == TokenKind::Quote
            && mark_role(text, next.span) == MarkRole::Open;
        let word_next = next.kind != TokenKind::Quote;
        return opens || (word_next && starts_sentence(next_text));
    }
    if tok.kind == TokenKind::Word && s.ends_with('.') {
        // "… in Fort Mill, S.C. “It seems …”", "said Sen. Lindsey
        // Graham, R-S.C. “I get that”": a state after its place or a
        // party ends a sentence before a quotation mark too; initials
        // before a nickname do not ("Gov. C.L. “Butch” Otter").
        let state = i > 0
            && tokens[i - 1].span.text(text) == ","
            && next.kind == TokenKind::Quote;
        // "… shortly after 6 a.m. “But it keeps …”": a time in lower
        // case before an opening mark ends one too; initials, which a
        // nickname in marks may follow, are capitals.
        let time = s.starts_with(char::is_lowercase)
            && next.kind == TokenKind::Quote
            && mark_role(text, next.span) == MarkRole::Open;
        return is_letter_abbreviation(&s[..s.len() - 1])
            && (state
                || time
                || SENTENCE_STARTERS.binary_search(&next_text).is_ok());
    }
    if !matches!(s, "." | "!" | "?") {
        return false;
    }
    let after_mark = text[tok.span.end()..].chars().next();
    if after_mark
        .is_some_and(|c| !c.is_whitespace() && !is_quote_char(c) && c != ')')
    {
        return false;
    }
    // A mark after the stop closes the sentence's quotation, unless it
    // is an opening one ("style. ''He will …''": straight marks are both).
    let role =
        (next.kind == TokenKind::Quote).then(|| mark_role(text, next.span));
    let closes = role == Some(MarkRole::Close)
        || matches!(next_text, "”" | ")" | "’" | "'" | "''");
    if closes && role != Some(MarkRole::Open) {
        return false;
    }
    if s == "." && i > 0 && is_abbreviation(text, tokens[i - 1]) {
        // "… in Woods Cove, Mass. “She would …”", "… Acme Inc. The
        // deal …": a place's or a company's abbreviation may end a
        // sentence, before an opening mark or a word that starts one.
        let word = tokens[i - 1].span.text(text);
        let may_end = ENDING_ABBREVIATIONS.binary_search(&word).is_ok();
        let opener = role == Some(MarkRole::Open)
            || SENTENCE_STARTERS.binary_search(&next_text).is_ok();
        if !(may_end && opener) {
            return false;
        }
    }
    starts_sentence(next_text) || next.kind == TokenKind::Quote
}

fn starts_sentence(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || word.starts_with(is_quote_char)
        || matches!(word, "(" | "[" | "‘" | "'" | "—" | "-")
}

/// True when `tok` is a word that a following dot abbreviates.
fn is_abbreviation(text: &str, tok: Token) -> bool {
    let w = tok.span.text(text);
    if tok.kind != TokenKind::Word {
        return false;
    }
    let single_initial =
        w.chars().count() == 1 && w.starts_with(char::is_uppercase);
    single_initial || ABBREVIATIONS.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_texts(text: &str) -> Vec<String> {
        let s = segment(text);
        s.sentences
            .iter()
            .map(|x| s.span_of(x.first, x.end).text(text).to_string())
            .collect()
    }

    #[test]
    fn a_place_or_company_abbreviation_may_end_a_sentence() {
        assert_eq!(
            sentence_texts(
                "He worked in Woods Cove, Mass. \"She would not stop.\" \
                 They sold it to Acme Inc. The deal closed."
            ),
            [
                "He worked in Woods Cove, Mass.",
                "\"She would not stop.\"",
                "They sold it to Acme Inc.",
                "The deal closed."
            ]
        );
        // A title never does; nor a place before a word going on.
        assert_eq!(
            sentence_texts("Ask Dr. \"Bones\" Kerr. Move to Wash. state."),
            ["Ask Dr. \"Bones\" Kerr.", "Move to Wash. state."]
        );
        // A state of single letters after its place or a party does,
        // before an opening mark; initials before a nickname do not.
        assert_eq!(
            sentence_texts(
                "He spoke in Fort Mill, S.C. “It went well.” So did Sen. \
                 Lee Park, R-S.C. \"I agree.\" Gov. C.L. \"Butch\" Otter \
                 came. He left Aiken, S.C. last year."
            ),
            [
                "He spoke in Fort Mill, S.C.",
                "“It went well.”",
                "So did Sen. Lee Park, R-S.C.",
                "\"I agree.\"",
                "Gov. C.L. \"Butch\" Otter came.",
                "He left Aiken, S.C. last year."
            ]
        );
        // So does a time in lower case before an opening mark.
        assert_eq!(
            sentence_texts(
                "“It is done,” she said at 6 a.m. “But it works.” He left \
                 at 9 p.m. on Friday."
            ),
            [
                "“It is done,” she said at 6 a.m.",
                "“But it works.”",
                "He left at 9 p.m. on Friday."
            ]
        );
    }

    #[test]
    fn a_dateline_is_a_sentence_of_its_own() {
        for (text, story) in [
            ("WASHINGTON (AP) — The Senate voted.", "The Senate voted."),
            (
                "CAMBRIDGE, Mass., Dec. 11 (UPI) — Young voters lean left.",
                "Young voters lean left.",
            ),
            (
                "BERLIN, Aug 31 (Reuters) - Siemens will cut jobs.",
                "Siemens will cut jobs.",
            ),
            ("ST. LOUIS -- The mayor spoke.", "The mayor spoke."),
        ] {
            let got = sentence_texts(text);
            assert_eq!(got.last().map(String::as_str), Some(story), "{text}");
        }
        // Not a dateline: a short acronym, a hyphen inside a word, a
        // lower-case word before the dash, a capitalised sentence.
        for text in [
            "UN - the body met.",
            "U.S.-Mexico talks stalled.",
            "WASHINGTON officials said - nothing.",
            "The Senate - all of it - voted.",
        ] {
            assert_eq!(sentence_texts(text).len(), 1, "{text}");
        }
    }

    fn quote_texts(text: &str) -> Vec<String> {
        segment(text)
            .quotes
            .iter()
            .map(|q| q.inner.text(text).to_string())
            .collect()
    }

    #[test]
    fn tables_are_sorted_and_unique() {
        for table in [ABBREVIATIONS, ENDING_ABBREVIATIONS, SENTENCE_STARTERS] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
        }
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let text = "Sen. Lindsey Graham, R-S.C., spoke to Dr. Smith in the \
                    U.S. Senate on Jan. 5. Mr. Jones left. The U.S. He came.";
        assert_eq!(
            sentence_texts(text),
            vec![
                "Sen. Lindsey Graham, R-S.C., spoke to Dr. Smith in the \
                 U.S. Senate on Jan. 5.",
                "Mr. Jones left.",
                "The U.S.",
                "He came.",
            ]
        );
    }

    #[test]
    fn a_constables_rank_does_not_end_a_sentence() {
        let text = "A police spokesperson, Const. Marisol Tan, said so. \
                    She left.";
        assert_eq!(
            sentence_texts(text),
            vec![
                "A police spokesperson, Const. Marisol Tan, said so.",
                "She left."
            ]
        );
    }

    #[test]
    fn initials_do_not_end_sentences() {
        let text = "John F. Kennedy spoke. Then he left.";
        assert_eq!(
            sentence_texts(text),
            vec!["John F. Kennedy spoke.", "Then he left."]
        );
    }

    #[test]
    fn words_keep_inner_marks() {
        let text = "don't U.S. 10,000 López’s R-S.C. e-mail";
        let s = segment(text);
        let words: Vec<&str> =
            s.tokens.iter().map(|t| t.span.text(text)).collect();
        assert_eq!(
            words,
            vec!["don't", "U.S.", "10,000", "López’s", "R-S.C.", "e-mail"]
        );
    }

    #[test]
    fn split_quote_gives_two_quotations_in_one_sentence() {
        let text = "“We have a watershed here,” Feeley said. “Yet we \
                    have none.”";
        assert_eq!(
            quote_texts(text),
            vec!["We have a watershed here,", "Yet we have none."]
        );
        let text = "\"It is bad,\" she said, \"and worse.\"";
        assert_eq!(quote_texts(text), vec!["It is bad,", "and worse."]);
        assert_eq!(sentence_texts(text).len(), 1);
    }

    #[test]
    fn a_closing_mark_before_a_word_at_a_line_start_opens() {
        let text = "Readers wrote.\n\n”Fear. I am afraid.” ― A. Ruiz\n\
                    “He scares me.” ― B. Cruz";
        assert_eq!(
            quote_texts(text),
            vec!["Fear. I am afraid.", "He scares me."]
        );
        let text = "He said “it is over.” Then he left.";
        assert_eq!(quote_texts(text), vec!["it is over."]);
    }

    #[test]
    fn an_opening_mark_after_a_word_and_before_a_space_closes() {
        let text = "“It's unusual,“ said Larry Noble. “It's hard to do.”";
        assert_eq!(
            quote_texts(text),
            vec!["It's unusual,", "It's hard to do."]
        );
        let text = "He called it “Mostly False.“\n\nThe rate is “real.”";
        assert_eq!(quote_texts(text), vec!["Mostly False.", "real."]);
    }

    #[test]
    fn a_closing_mark_before_an_ellipsis_at_a_line_start_opens() {
        let text = "He wrote.\n” … the Cruz train has left the station,” \
                    wrote Time. “It is over.”";
        assert_eq!(
            quote_texts(text),
            vec![" … the Cruz train has left the station,", "It is over."]
        );
    }

    #[test]
    fn a_quote_after_a_closed_one_starts_a_sentence() {
        let text = "He spoke on “Fox and Friends.” “I mean it,” he said.";
        assert_eq!(sentence_texts(text).len(), 2);
    }

    #[test]
    fn stops_inside_a_quote_do_not_split() {
        let text = "“One. Two,” he said. Next.";
        assert_eq!(
            sentence_texts(text),
            vec!["“One. Two,” he said.", "Next."]
        );
    }

    #[test]
    fn quote_runs_over_paragraphs() {
        let text = "“First part.\n\n“Second part,” he said.";
        let s = segment(text);
        assert_eq!(s.quotes.len(), 2);
        assert_eq!(s.quotes[0].close, None);
        assert_eq!(s.quotes[0].inner.text(text), "First part.");
        assert!(s.quotes[1].continued);
        assert_eq!(s.quotes[1].inner.text(text), "Second part,");
    }

    #[test]
    fn unclosed_quote_is_dropped_at_paragraph_end() {
        let text = "He said “never closed.\n\nNew paragraph.";
        assert!(quote_texts(text).is_empty());
    }

    #[test]
    fn single_quotes_and_apostrophes_are_not_quotations() {
        let text = "“He said ‘no’ and didn't mean it,” she said.";
        assert_eq!(
            quote_texts(text),
            vec!["He said ‘no’ and didn't mean it,"]
        );
    }

    #[test]
    fn a_text_that_quotes_with_single_marks_has_them_as_quotations() {
        let text = "‘We have cut everything,’ said Shaun Davies. ‘There is \
                    nothing left.’ He said he didn’t know.";
        assert!(segment(text).single_marks);
        assert_eq!(
            quote_texts(text),
            ["We have cut everything,", "There is nothing left."]
        );
        // Straight marks, the same way.
        let text = "'We will win,' she said. 'It isn't over.'";
        assert_eq!(quote_texts(text), ["We will win,", "It isn't over."]);
        // Double marks inside are a quotation's own quotation.
        let text = "‘They promised “more of the same”,’ he said. ‘Again.’";
        assert_eq!(
            quote_texts(text),
            ["They promised “more of the same”,", "Again."]
        );
        // A quotation run on over paragraphs.
        let text = "‘It began in May.\n\n‘It never ended,’ she said.";
        assert_eq!(quote_texts(text), ["It began in May.", "It never ended,"]);
    }

    #[test]
    fn a_plural_possessive_closes_a_single_mark_quotation_only_as_a_last_resort()
     {
        let text = "‘The residents’ patience is wearing thin,’ a leader said.";
        assert_eq!(
            quote_texts(text),
            ["The residents’ patience is wearing thin,"]
        );
        // Nothing else closes "‘bad losers": the possessive-looking mark
        // does.
        let text = "He called them ‘bad losers’ and left. ‘No,’ she said.";
        assert_eq!(quote_texts(text), ["bad losers", "No,"]);
        // An elision opens nothing.
        let text = "In the ’90s it was ‘different’, she said. ‘Yes.’";
        assert_eq!(quote_texts(text), ["different", "Yes."]);
    }

    #[test]
    fn a_text_that_quotes_with_double_marks_keeps_its_single_ones_as_text() {
        // A headline in single marks, the body in double ones.
        let text = "Fans upset by ‘Sniper’ star\n\n“It is over,” he said.";
        let seg = segment(text);
        assert!(!seg.single_marks);
        assert_eq!(quote_texts(text), ["It is over,"]);
    }

    #[test]
    fn doubled_apostrophes_are_quotation_marks() {
        let text = "''This isn't tax reform,'' he said.";
        assert_eq!(quote_texts(text), vec!["This isn't tax reform,"]);
    }

    #[test]
    fn straight_quotes_pair_by_context() {
        let text = "He called it \"a disgrace\" and left.";
        assert_eq!(quote_texts(text), vec!["a disgrace"]);
    }

    #[test]
    fn paragraphs_are_blank_line_separated() {
        let text = "One.\nstill one.\n\n  Two.\n";
        let s = segment(text);
        let paras: Vec<&str> =
            s.paragraphs.iter().map(|p| p.text(text)).collect();
        assert_eq!(paras, vec!["One.\nstill one.", "Two."]);
    }
}
