//! The writer of `graph.ron`: pretty RON, byte for byte what the `ron`
//! crate writes with the store's settings ([`super::pretty_config`]:
//! four-space indents, struct names, one item per line, strings
//! unescaped or raw), made straight into a byte buffer.
//!
//! `ron`'s serializer writes through `fmt::Write` a piece at a time and
//! checks every identifier against the Unicode identifier tables; on a
//! large graph that was most of the time `graph.ron` took to write. This
//! writer knows only the one layout the store uses, so it has none of
//! those settings to consult. The store's tests compare its output with
//! `ron`'s on graphs that hold every kind of node and edge, and `ron`
//! still reads every file.

use std::fmt::{self, Display};
use std::io;

use serde::Serialize;
use serde::ser;

/// Bytes gathered this long are passed on to the underlying writer.
const CHUNK: usize = 1 << 16;

/// The indent of one level.
const INDENT: &[u8] = b"    ";

/// An item's line break, `,` and a new line, then the indent of sixteen
/// levels: what comes between two items of a list or struct, written
/// in one piece up to that depth.
const BREAK: [u8; 66] = {
    let mut b = [b' '; 66];
    b[0] = b',';
    b[1] = b'\n';
    b
};

/// The indent of sixteen levels, all spaces as [`INDENT`] is.
const SPACES: &[u8] = BREAK.split_at(2).1;

/// Writes `value` as pretty RON to `w` (without a final newline).
pub(super) fn write<T: Serialize + ?Sized>(
    value: &T,
    w: &mut dyn io::Write,
) -> io::Result<()> {
    let mut writer = Writer {
        out: Vec::with_capacity(CHUNK + 4096),
        w,
        indent: 0,
        is_empty: None,
        names: [None; NAME_SLOTS],
    };
    match value.serialize(&mut writer) {
        Ok(()) => writer.flush(),
        Err(Error::Io(e)) => Err(e),
        Err(Error::Message(m)) => Err(io::Error::other(m)),
    }
}

/// Why writing stopped.
#[derive(Debug)]
pub(super) enum Error {
    /// The underlying writer failed.
    Io(io::Error),
    /// A value cannot be written (a serializer's own message).
    Message(String),
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Error::Io(e) => write!(f, "{e}"),
            Error::Message(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Error {
        Error::Message(msg.to_string())
    }
}

type Result<T = ()> = std::result::Result<T, Error>;

/// The serializer: the text so far and where it is in the layout.
struct Writer<'w> {
    out: Vec<u8>,
    w: &'w mut dyn io::Write,
    /// The nesting depth of one-item-per-line lists and structs.
    indent: usize,
    /// Whether the list or struct being opened has no items, as `ron`
    /// tracks it: an empty one is written `[]` or `Name()`, with no line
    /// break inside.
    is_empty: Option<bool>,
    /// Names [`Writer::identifier`] has checked, each with whether it is
    /// written raw, in the slot its address picks (see
    /// [`Writer::identifier`]).
    names: [Option<(&'static str, bool)>; NAME_SLOTS],
}

/// The slots of [`Writer::names`]: more than the field, struct and
/// variant names of the graph's types.
const NAME_SLOTS: usize = 64;

impl Writer<'_> {
    /// Passes the text gathered on to the writer.
    fn flush(&mut self) -> io::Result<()> {
        self.w.write_all(&self.out)?;
        self.out.clear();
        Ok(())
    }

    /// Flushes once a chunk has gathered.
    fn maybe_flush(&mut self) -> Result {
        if self.out.len() >= CHUNK {
            self.flush().map_err(Error::Io)?;
        }
        Ok(())
    }

    fn push(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    /// The indent of the current level, before an item's line.
    fn write_indent(&mut self) {
        self.indent_by(self.indent);
    }

    /// The indent of `levels` levels, in one piece where it fits in
    /// [`SPACES`]: most of the graph's lines are four to six levels in,
    /// and an [`INDENT`] a level made a copy call each.
    fn indent_by(&mut self, levels: usize) {
        let mut n = levels * INDENT.len();
        while n > SPACES.len() {
            self.out.extend_from_slice(SPACES);
            n -= SPACES.len();
        }
        self.out.extend_from_slice(&SPACES[..n]);
    }

    /// The end of an item's line (`,` and a new line) and the indent of
    /// the next, in one piece from [`BREAK`] where it is deep enough.
    fn break_line(&mut self) {
        let n = 2 + self.indent * INDENT.len();
        if n <= BREAK.len() {
            self.out.extend_from_slice(&BREAK[..n]);
        } else {
            self.out.extend_from_slice(b",\n");
            self.write_indent();
        }
    }

    /// Opens a level: a line break unless the list or struct is empty.
    fn start_indent(&mut self) {
        self.indent += 1;
        if !self.is_empty.unwrap_or(false) {
            self.out.push(b'\n');
        }
    }

    /// Closes a level: the closing bracket's indent unless it was empty.
    fn end_indent(&mut self) {
        if !self.is_empty.unwrap_or(false) {
            self.indent_by(self.indent.saturating_sub(1));
        }
        self.indent -= 1;
        self.is_empty = None;
    }

    /// A struct, field or variant name; `r#` before one that is not a
    /// plain identifier or is one of RON's own words (see
    /// [`raw_identifier`]).
    ///
    /// Every field of every node and edge passes here, and serde hands
    /// over the same few names, each a `&'static str`, again and again:
    /// a name's verdict is kept in a slot picked by its address and
    /// length, and a name found there by address and length is the same
    /// bytes (a static string never changes), so it is not checked
    /// again. A name in no slot is checked and takes its slot.
    #[inline]
    fn identifier(&mut self, name: &'static str) -> Result {
        let key = (name.as_ptr() as usize) ^ name.len().rotate_left(48);
        let slot =
            (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58) % NAME_SLOTS;
        let raw = match self.names[slot] {
            Some((known, raw)) if std::ptr::eq(known, name) => raw,
            _ => {
                let raw = raw_identifier(name)?;
                self.names[slot] = Some((name, raw));
                raw
            }
        };
        if raw {
            self.push("r#");
        }
        self.push(name);
        Ok(())
    }

    /// A string as it is, in quotes; raw (`r#"…"#`, with one more `#`
    /// than its longest run of them) when it holds a quote or backslash.
    fn string(&mut self, value: &str) {
        if needs_raw(value) {
            let mut longest = 0;
            let mut run = 0;
            for b in value.bytes() {
                run = if b == b'#' { run + 1 } else { 0 };
                longest = longest.max(run);
            }
            let hashes = "#".repeat(longest + 1);
            self.out.push(b'r');
            self.push(&hashes);
            self.out.push(b'"');
            self.push(value);
            self.out.push(b'"');
            self.push(&hashes);
        } else {
            self.out.push(b'"');
            self.push(value);
            self.out.push(b'"');
        }
    }

    fn unsigned(&mut self, v: u64) {
        self.out.extend_from_slice(crate::model::decimal(v, &mut [0; 20]));
    }

    fn signed(&mut self, v: i64) {
        if v < 0 {
            self.out.push(b'-');
        }
        self.unsigned(v.unsigned_abs());
    }

    fn display(&mut self, v: impl Display) {
        use std::io::Write as _;
        let _ = write!(self.out, "{v}");
    }
}

/// Whether `name` is written raw (`r#` before it) as a struct, field or
/// variant name: when it is not a plain identifier or is one of RON's
/// own words. Names come from Rust types, so only ASCII ones are taken.
///
/// One pass over the name tells a plain one (a letter or `_`, then
/// letters, digits and `_`) from a raw one (`.`, `+` or `-` too) and
/// from one that cannot be written, and only a plain name of RON's
/// words' length is looked for among them.
fn raw_identifier(name: &str) -> Result<bool> {
    let bytes = name.as_bytes();
    let mut plain =
        bytes.first().is_some_and(|&c| c == b'_' || c.is_ascii_alphabetic());
    for &c in bytes {
        if c == b'_' || c.is_ascii_alphanumeric() {
            continue;
        }
        if !matches!(c, b'.' | b'+' | b'-') {
            return Err(unwritable(name));
        }
        plain = false;
    }
    if bytes.is_empty() {
        return Err(unwritable(name));
    }
    const RESERVED: [&str; 10] = [
        "true", "false", "Some", "None", "inf", "inff32", "inff64", "NaN",
        "NaNf32", "NaNf64",
    ];
    Ok(!plain || (name.len() <= 6 && RESERVED.contains(&name)))
}

/// True when `value` holds a quote or a backslash, found in one pass:
/// blocks of 16 bytes tested at once (a test the compiler makes a few
/// vector instructions), then the bytes after them. Every string of the
/// graph is tested, and two searches, one for each byte, cost more.
fn needs_raw(value: &str) -> bool {
    let special = |b: u8| (b == b'"') | (b == b'\\');
    let (blocks, tail) = value.as_bytes().as_chunks::<16>();
    blocks
        .iter()
        .any(|block| block.iter().fold(false, |any, &b| any | special(b)))
        || tail.iter().any(|&b| special(b))
}

/// The error for a name [`Writer::identifier`] cannot write.
fn unwritable(name: &str) -> Error {
    Error::Message(format!("cannot write the identifier {name:?} in RON"))
}

/// A list, tuple, map or struct being written.
struct Compound<'a, 'w> {
    writer: &'a mut Writer<'w>,
    first: bool,
}

impl Compound<'_, '_> {
    /// Before an item of a one-item-per-line list, map or struct.
    fn line_item(&mut self) -> Result {
        if self.first {
            self.first = false;
            self.writer.write_indent();
        } else {
            // The line's end and the next one's indent in one piece; the
            // text gathered may then be passed on (where the writer's
            // chunks end does not change what it writes).
            self.writer.break_line();
            self.writer.maybe_flush()?;
        }
        Ok(())
    }

    /// [`Compound::line_item`] as first made, the line's end and the
    /// indent written apart: the reference the tests hold it to.
    #[cfg(test)]
    fn line_item_apart(&mut self) -> Result {
        if self.first {
            self.first = false;
        } else {
            self.writer.out.extend_from_slice(b",\n");
            self.writer.maybe_flush()?;
        }
        for _ in 0..self.writer.indent {
            self.writer.out.extend_from_slice(INDENT);
        }
        Ok(())
    }

    /// After the last item of a one-item-per-line list, map or struct.
    fn end_lines(self, close: u8) {
        if !self.first {
            self.writer.out.extend_from_slice(b",\n");
        }
        self.writer.end_indent();
        self.writer.out.push(close);
    }

    /// Before an item of a tuple, written on one line.
    fn inline_item(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.writer.out.extend_from_slice(b", ");
        }
    }
}

/// The `Serializer` methods of the integer types, each handing its
/// value, widened, to one of the writer's number methods.
macro_rules! integers {
    ($($method:ident($ty:ty as $wide:ty) => $write:ident),* $(,)?) => {
        $(
            fn $method(self, v: $ty) -> Result {
                self.$write(<$wide>::from(v));
                Ok(())
            }
        )*
    };
}

impl<'a, 'w> ser::Serializer for &'a mut Writer<'w> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'w>;
    type SerializeTuple = Compound<'a, 'w>;
    type SerializeTupleStruct = Compound<'a, 'w>;
    type SerializeTupleVariant = Compound<'a, 'w>;
    type SerializeMap = Compound<'a, 'w>;
    type SerializeStruct = Compound<'a, 'w>;
    type SerializeStructVariant = Compound<'a, 'w>;

    fn serialize_bool(self, v: bool) -> Result {
        self.push(if v { "true" } else { "false" });
        Ok(())
    }

    // Every integer as `ron` writes it: in decimal, through the
    // digit-by-digit writers up to 64 bits and `Display` beyond.
    integers! {
        serialize_i8(i8 as i64) => signed,
        serialize_i16(i16 as i64) => signed,
        serialize_i32(i32 as i64) => signed,
        serialize_i64(i64 as i64) => signed,
        serialize_i128(i128 as i128) => display,
        serialize_u8(u8 as u64) => unsigned,
        serialize_u16(u16 as u64) => unsigned,
        serialize_u32(u32 as u64) => unsigned,
        serialize_u64(u64 as u64) => unsigned,
        serialize_u128(u128 as u128) => display,
    }

    fn serialize_f32(self, v: f32) -> Result {
        // As `ron`: the shortest form that reads back the same, and the
        // sign of a negative NaN.
        if v.is_nan() && v.is_sign_negative() {
            self.out.push(b'-');
        }
        self.display(format_args!("{v:?}"));
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result {
        if v.is_nan() && v.is_sign_negative() {
            self.out.push(b'-');
        }
        self.display(format_args!("{v:?}"));
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result {
        self.out.push(b'\'');
        if v == '\\' || v == '\'' {
            self.out.push(b'\\');
        }
        self.push(v.encode_utf8(&mut [0; 4]));
        self.out.push(b'\'');
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result {
        self.string(v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result {
        match std::str::from_utf8(v) {
            Ok(text) => {
                self.out.push(b'b');
                self.string(text);
            }
            Err(_) => {
                self.push("b\"");
                for b in v.iter().flat_map(|&b| std::ascii::escape_default(b))
                {
                    self.out.push(b);
                }
                self.out.push(b'"');
            }
        }
        Ok(())
    }

    fn serialize_none(self) -> Result {
        self.push("None");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        self.push("Some(");
        value.serialize(&mut *self)?;
        self.out.push(b')');
        Ok(())
    }

    fn serialize_unit(self) -> Result {
        self.push("()");
        Ok(())
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result {
        self.identifier(name)
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.identifier(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result {
        self.identifier(name)?;
        self.out.push(b'(');
        value.serialize(&mut *self)?;
        self.out.push(b')');
        Ok(())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.identifier(variant)?;
        self.out.push(b'(');
        value.serialize(&mut *self)?;
        self.out.push(b')');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, 'w>> {
        self.out.push(b'[');
        if let Some(len) = len {
            self.is_empty = Some(len == 0);
        }
        self.start_indent();
        Ok(Compound { writer: self, first: true })
    }

    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a, 'w>> {
        self.out.push(b'(');
        Ok(Compound { writer: self, first: true })
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'w>> {
        self.identifier(name)?;
        self.serialize_tuple(len)
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'w>> {
        self.identifier(variant)?;
        self.serialize_tuple(len)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, 'w>> {
        self.out.push(b'{');
        if let Some(len) = len {
            self.is_empty = Some(len == 0);
        }
        self.start_indent();
        Ok(Compound { writer: self, first: true })
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'w>> {
        self.identifier(name)?;
        self.out.push(b'(');
        self.is_empty = Some(len == 0);
        self.start_indent();
        Ok(Compound { writer: self, first: true })
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'w>> {
        self.serialize_struct(variant, len)
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result {
        self.line_item()?;
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result {
        self.end_lines(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result {
        self.inline_item();
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result {
        self.writer.out.push(b')');
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        ser::SerializeTuple::serialize_element(self, value)
    }

    fn end(self) -> Result {
        ser::SerializeTuple::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        ser::SerializeTuple::serialize_element(self, value)
    }

    fn end(self) -> Result {
        ser::SerializeTuple::end(self)
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.line_item()?;
        key.serialize(&mut *self.writer)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.writer.out.extend_from_slice(b": ");
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result {
        self.end_lines(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result {
        self.line_item()?;
        self.writer.identifier(key)?;
        self.writer.out.extend_from_slice(b": ");
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result {
        self.end_lines(b')');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result {
        ser::SerializeStruct::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_need_raw_as_a_search_finds() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "a", "\"", "\\", "#", " ", "é", "😀", "\u{0}", "\u{7f}",
            "plain words of a text, ", "0123456789abcdef",
        ];
        let texts = crate::model::random_texts(PIECES, 5_000, 24, 0x7a3);
        for text in &texts {
            let want = text.contains('"') || text.contains('\\');
            assert_eq!(needs_raw(text), want, "{text:?}");
        }
    }

    /// A writer that has written nothing, into `sink`.
    fn test_writer(sink: &mut Vec<u8>) -> Writer<'_> {
        Writer {
            out: Vec::new(),
            w: sink,
            indent: 0,
            is_empty: None,
            names: [None; NAME_SLOTS],
        }
    }

    /// What [`Writer::identifier`] wrote as first made: checked for
    /// writable bytes, then for a plain first byte and plain rest, then
    /// against RON's words.
    fn reference(name: &str) -> Option<String> {
        let raw_char = |c: u8| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'+' | b'-')
        };
        if name.is_empty() || !name.bytes().all(raw_char) {
            return None;
        }
        let bytes = name.as_bytes();
        let first = bytes[0] == b'_' || bytes[0].is_ascii_alphabetic();
        let rest =
            bytes[1..].iter().all(|&c| c == b'_' || c.is_ascii_alphanumeric());
        const RESERVED: [&str; 10] = [
            "true", "false", "Some", "None", "inf", "inff32", "inff64", "NaN",
            "NaNf32", "NaNf64",
        ];
        let raw = !first || !rest || RESERVED.contains(&name);
        Some(format!("{}{name}", if raw { "r#" } else { "" }))
    }

    /// [`Writer::indent_by`] against the loop it replaced, one
    /// [`INDENT`] a level, at every depth up to past four [`SPACES`],
    /// after text and after other indents.
    #[test]
    fn an_indent_is_an_indent_a_level() {
        let mut sink = Vec::new();
        let mut w = test_writer(&mut sink);
        let mut want = Vec::new();
        for levels in (0..70).chain((0..70).rev()) {
            w.indent_by(levels);
            for _ in 0..levels {
                want.extend_from_slice(INDENT);
            }
            w.out.push(b'x');
            want.push(b'x');
        }
        assert_eq!(w.out, want);
        assert!(
            INDENT.iter().all(|&b| b == b' ')
                && SPACES.len().is_multiple_of(INDENT.len())
        );
    }

    /// [`Compound::line_item`] against [`Compound::line_item_apart`]:
    /// the first and later items at every depth up to past the sixteen
    /// levels [`BREAK`] holds, the text passed on to the writer (flushed
    /// at different points) the same.
    #[test]
    fn a_line_item_is_written_as_apart() {
        let write = |apart: bool| -> Vec<u8> {
            let mut sink = Vec::new();
            let mut w = test_writer(&mut sink);
            for depth in (0..40).chain((0..40).rev()) {
                w.indent = depth;
                let mut c = Compound { writer: &mut w, first: true };
                for item in 0..3 {
                    if apart {
                        c.line_item_apart().unwrap();
                    } else {
                        c.line_item().unwrap();
                    }
                    c.writer.push(&format!("x{depth}.{item}"));
                    // Past a chunk now and then, so that it is flushed.
                    if depth % 7 == 0 {
                        c.writer.out.extend_from_slice(&[b'y'; CHUNK / 3]);
                    }
                }
            }
            w.flush().unwrap();
            sink
        };
        let (new, old) = (write(false), write(true));
        assert!(new.len() > 2 * CHUNK, "no flush tried");
        assert!(new == old, "line items differ");
    }

    #[test]
    fn identifiers_are_written_as_the_reference_writes_them() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "a", "Z", "_", "0", "9", ".", "+", "-", " ", "é", "\u{0}", "#",
            "true", "false", "Some", "None", "inf", "inff32", "inff64", "NaN",
            "NaNf32", "NaNf64", "f32", "f64", "id", "kind", "r#",
        ];
        let mut names = crate::model::random_texts(
            PIECES,
            20_000,
            4,
            0x1405_7b7e_f767_814f,
        );
        names.extend(["", "true", "NaN", "inff64", "x"].map(String::from));
        // Plain names that are prefixes of raw ones ("x12" of "x12.y"),
        // which share their address: a name is known by its address and
        // its length.
        names.extend((0..5_000).map(|k| format!("x{k}.y")));
        // Static names, as serde gives them, so that the writer keeps
        // their verdicts; the names' addresses are then met again.
        // Each with its prefixes: the same address, other lengths.
        let names: Vec<&'static str> = names
            .into_iter()
            .flat_map(|n| {
                let n: &'static str = n.leak();
                n.char_indices().map(move |(k, _)| &n[..k]).chain([n])
            })
            .collect();
        let mut sink = Vec::new();
        let mut w = test_writer(&mut sink);
        // One writer throughout: every name twice in a row (the second
        // time from its slot), then all of them again, in reverse,
        // after others have taken slots.
        let order =
            names.iter().flat_map(|n| [n, n]).chain(names.iter().rev());
        for name in order {
            w.out.clear();
            let got = match w.identifier(name) {
                Ok(()) => Some(String::from_utf8(w.out.clone()).unwrap()),
                Err(Error::Message(m)) => {
                    let want =
                        format!("cannot write the identifier {name:?} in RON");
                    assert_eq!(m, want);
                    None
                }
                Err(Error::Io(e)) => panic!("{e}"),
            };
            assert_eq!(got, reference(name), "{name:?}");
        }
    }
}
