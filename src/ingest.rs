//! Reading input files and standard input into [`Document`]s.
//!
//! This is the first stage of the pipeline: it turns the paths named on
//! the command line into a sorted list of input files, and each file into
//! one document (or, for JSONL, one document per record). Plain text and
//! Markdown are kept as written apart from a leading byte-order mark and
//! line endings (the CR of a CRLF becomes a space, a lone CR an LF), so
//! offsets into [`Document::text`] match the file. HTML is reduced to its
//! visible text, one paragraph per block separated by a blank line, with
//! the page's title, address, date and publisher read from its `<head>`.
//! The module owns [`IngestError`]; it depends only on [`crate::model`].

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::de::{
    self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor,
};

use crate::model::Document;

/// The extensions accepted, as listed in error messages.
const SUPPORTED: &str = ".txt, .md, .markdown, .html, .htm or .jsonl";

/// Errors reading input; each names the file (and line for JSONL).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// A file or folder could not be read (missing, no permission, ...).
    ///
    /// The message already holds the operating system's reason, so the
    /// `io::Error` is not also given as the error's `source()`: a report
    /// that prints the whole chain would show it twice.
    #[error("{}: {error}", .path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system reported.
        error: io::Error,
    },
    /// The file's bytes are not UTF-8.
    #[error(
        "{}: not valid UTF-8 (first bad byte at offset {offset})",
        .path.display()
    )]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// A text, Markdown or HTML file holds a NUL byte: it is binary data,
    /// or UTF-16 text, not UTF-8 text.
    #[error(
        "{}: not a text file: NUL byte at offset {offset} (binary data, or \
         UTF-16 text, which must be converted to UTF-8)",
        .path.display()
    )]
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// A JSONL line's bytes are not UTF-8.
    #[error(
        "{}:{line}: not valid UTF-8 (first bad byte at column {column})",
        .path.display()
    )]
    LineNotUtf8 {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// The 1-based byte column of the first bad byte.
        column: usize,
    },
    /// A JSONL line is not valid JSON.
    #[error("{}:{line}: malformed JSON: {message}", .path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// The parser's message, with the column.
        message: String,
    },
    /// A JSONL line holds valid JSON that is not an object.
    #[error(
        "{}:{line}: expected a JSON object, found {found}",
        .path.display()
    )]
    NotObject {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// The kind of value found ("an array", ...).
        found: &'static str,
    },
    /// A JSONL record lacks a required field.
    #[error("{}:{line}: field `{field}` missing", .path.display())]
    MissingField {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// The field's name.
        field: &'static str,
    },
    /// A JSONL record has a field of the wrong type.
    #[error(
        "{}:{line}: field `{field}` must be {expected}, found {found}",
        .path.display()
    )]
    WrongType {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// The field's name.
        field: &'static str,
        /// What the field must hold ("a string", ...).
        expected: &'static str,
        /// What it holds ("a number", "null", ...).
        found: &'static str,
    },
    /// The path names a pipe, socket or device, not a file: reading it
    /// could block forever or never end (`/dev/zero`).
    #[error(
        "{}: not a regular file (a pipe, socket or device); only files \
         are read",
        .path.display()
    )]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// A file named explicitly has an extension this module cannot read.
    #[error(
        "{}: unsupported file type (expected {SUPPORTED})",
        .path.display()
    )]
    Unsupported {
        /// The file.
        path: PathBuf,
    },
    /// A folder named explicitly holds no file this module can read.
    #[error("{}: no {SUPPORTED} file in this folder", .path.display())]
    NoInput {
        /// The folder.
        path: PathBuf,
    },
    /// A document's text runs to 4 GiB or more: spans into it are 32-bit
    /// ([`crate::model::Span`]).
    #[error(
        "{}: the text is {bytes} bytes long; a document must be under \
         4 GiB (at most {MAX_TEXT} bytes)",
        place(.path, *.line)
    )]
    TooLong {
        /// The file.
        path: PathBuf,
        /// The 1-based line number, for a JSONL record.
        line: Option<usize>,
        /// The text's length in bytes.
        bytes: usize,
    },
}

/// The longest text a document may have, in bytes: spans into it are
/// u32.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// `path`, or `path:line` for a record of a JSONL file.
fn place(path: &Path, line: Option<usize>) -> String {
    match line {
        Some(line) => format!("{}:{line}", path.display()),
        None => path.display().to_string(),
    }
}

/// `doc` when its text is at most `max` bytes long, else
/// [`IngestError::TooLong`].
fn within(
    path: &Path,
    line: Option<usize>,
    doc: Document,
    max: usize,
) -> Result<Document, IngestError> {
    if doc.text.len() > max {
        let bytes = doc.text.len();
        return Err(IngestError::TooLong { path: path.into(), line, bytes });
    }
    Ok(doc)
}

/// Builds an [`IngestError::Io`] naming `path`.
fn io_error(path: &Path, error: io::Error) -> IngestError {
    IngestError::Io { path: path.to_path_buf(), error }
}

/// The input formats, chosen by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// `.txt`: the text as written.
    Text,
    /// `.md`, `.markdown`: the text as written, title from `# Title`.
    Markdown,
    /// `.html`, `.htm`: visible text and metadata.
    Html,
    /// `.jsonl`: one JSON record per line.
    Jsonl,
}

impl Format {
    /// The format of `path` by its extension (any case), if supported.
    fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "jsonl" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------
// Collecting input files

/// Expands files and folders into the list of input files to read.
///
/// Folders are walked recursively with entries sorted by path, so the
/// result does not depend on the file system's order; files and folders
/// whose name starts with `.` are skipped, and so are files with an
/// unsupported extension and symbolic links to folders. The paths keep
/// the order they were given in; a file reached twice is listed once.
///
/// # Errors
///
/// [`IngestError::Io`] for a path that does not exist or a folder that
/// cannot be listed, [`IngestError::Unsupported`] for a file named with
/// an extension other than .txt, .md, .markdown, .html, .htm or .jsonl,
/// and [`IngestError::NoInput`] for a named folder with no such file.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, IngestError> {
    let mut files = Vec::new();
    for path in paths {
        collect_one(path, &mut files)?;
    }
    let mut seen = HashSet::new();
    files.retain(|f| seen.insert(f.clone()));
    Ok(files)
}

/// Adds the input files `path` names to `files`.
fn collect_one(
    path: &Path,
    files: &mut Vec<PathBuf>,
) -> Result<(), IngestError> {
    let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        let before = files.len();
        walk_dir(path, files)?;
        if files.len() == before {
            return Err(IngestError::NoInput { path: path.to_path_buf() });
        }
    } else if Format::of(path).is_some() {
        files.push(path.to_path_buf());
    } else {
        return Err(IngestError::Unsupported { path: path.to_path_buf() });
    }
    Ok(())
}

/// Adds the supported files under `dir` to `files`, sorted by path.
fn walk_dir(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), IngestError> {
    for (path, is_dir) in sorted_entries(dir)? {
        if is_dir {
            walk_dir(&path, files)?;
        } else if Format::of(&path).is_some() {
            files.push(path);
        }
    }
    Ok(())
}

/// The entries of `dir` that are not hidden, sorted, each with whether
/// it is a folder (symbolic links are not followed here).
fn sorted_entries(dir: &Path) -> Result<Vec<(PathBuf, bool)>, IngestError> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| io_error(dir, e))? {
        let entry = entry.map_err(|e| io_error(dir, e))?;
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| io_error(&path, e))?;
        entries.push((path, kind.is_dir()));
    }
    entries.sort();
    Ok(entries)
}

// ---------------------------------------------------------------------
// Reading files

/// Documents read from many files, with the errors met on the way.
#[derive(Debug, Default)]
pub struct Ingested {
    /// The documents, in the order of the files and of their lines.
    pub documents: Vec<Document>,
    /// The errors skipped over, in the same order.
    pub errors: Vec<IngestError>,
}

/// Reads every file of `files` (as listed by [`collect_inputs`]).
///
/// # Errors
///
/// With `keep_going` false, the first error met is returned. With
/// `keep_going` true, no error is returned: each is kept in
/// [`Ingested::errors`] and reading goes on with the next line or file.
pub fn read_inputs(
    files: &[PathBuf],
    keep_going: bool,
) -> Result<Ingested, IngestError> {
    let mut all = Ingested::default();
    for path in files {
        for item in read_file(path) {
            match item {
                Ok(doc) => all.documents.push(doc),
                Err(e) if keep_going => all.errors.push(e),
                Err(e) => return Err(e),
            }
        }
    }
    Ok(all)
}

/// Reads one file into documents, choosing the format by its extension.
///
/// A `.jsonl` file gives one item per non-blank line, so an error on one
/// line does not hide the others; every other format gives one item. A
/// file that cannot be read as a whole (missing, not UTF-8, binary,
/// unsupported extension) gives a single `Err`; in a JSONL file, a line
/// that is not UTF-8 is an error of that line only.
pub fn read_file(path: &Path) -> Vec<Result<Document, IngestError>> {
    let mut items = Vec::new();
    match read_file_each(path, |item| items.push(item)) {
        Ok(()) => items,
        Err(e) => vec![Err(e)],
    }
}

/// [`read_file`], handing each item to `each` as it is read: a JSONL
/// file's records one at a time, so that a caller can use them up before
/// the file ends.
///
/// # Errors
///
/// When reading a JSONL file fails after some of its items were handed
/// on: the file is then an error as a whole, as [`read_file`] makes it,
/// and the caller should drop those items. Every other error is an item.
pub fn read_file_each(
    path: &Path,
    mut each: impl FnMut(Result<Document, IngestError>),
) -> Result<(), IngestError> {
    let Some(format) = Format::of(path) else {
        each(Err(IngestError::Unsupported { path: path.to_path_buf() }));
        return Ok(());
    };
    // Opening a pipe blocks until something writes to it, and a device
    // such as /dev/zero never ends: refuse both before opening.
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            each(Err(IngestError::NotAFile { path: path.into() }));
            return Ok(());
        }
        _ => {}
    }
    if format == Format::Jsonl {
        match fs::File::open(path) {
            Ok(file) => {
                let reader = io::BufReader::with_capacity(1 << 20, file);
                return read_jsonl_from(path, reader, each);
            }
            Err(e) => each(Err(io_error(path, e))),
        }
        return Ok(());
    }
    match fs::read(path) {
        Ok(bytes) => parse(path, format, bytes).into_iter().for_each(each),
        Err(e) => each(Err(io_error(path, e))),
    }
    Ok(())
}

/// Reads standard input as if it were the file `name`.
///
/// See [`read_from`] for how `name` is used.
pub fn read_stdin(name: &str) -> Vec<Result<Document, IngestError>> {
    read_from(name, io::stdin().lock())
}

/// Reads all of `reader` as if it were the file `name`.
///
/// The extension of `name` chooses the format as in [`read_file`]; a name
/// without a supported extension is read as plain text. Its stem is the
/// document id, and errors name it as their path.
pub fn read_from(
    name: &str,
    mut reader: impl Read,
) -> Vec<Result<Document, IngestError>> {
    let path = Path::new(name);
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return vec![Err(io_error(path, e))];
    }
    parse(path, Format::of(path).unwrap_or(Format::Text), bytes)
}

/// Decodes `bytes` read from `path` and parses them as `format`.
fn parse(
    path: &Path,
    format: Format,
    bytes: Vec<u8>,
) -> Vec<Result<Document, IngestError>> {
    if format == Format::Jsonl {
        // Line by line, so that one bad line does not cost the others.
        return read_jsonl(path, &bytes);
    }
    // A NUL byte says "binary" (or UTF-16) more plainly than the invalid
    // UTF-8 such files usually hold too.
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return vec![Err(IngestError::Binary { path: path.into(), offset })];
    }
    let text = match decode(path, bytes) {
        Ok(text) => text,
        Err(e) => return vec![Err(e)],
    };
    let id = file_id(path);
    let doc = match format {
        Format::Html => html_document(id, &text),
        Format::Markdown => {
            let title = markdown_title(&text);
            Document { id, text, title, ..Document::default() }
        }
        Format::Text | Format::Jsonl => {
            Document { id, text, ..Document::default() }
        }
    };
    vec![within(path, None, doc, MAX_TEXT)]
}

/// Checks that `bytes` are UTF-8, drops a leading byte-order mark and
/// makes line endings LF (see [`normalize_newlines`]).
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, IngestError> {
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        IngestError::NotUtf8 { path: path.to_path_buf(), offset }
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(normalize_newlines(text))
}

/// Makes every line end in LF without moving any offset: the CR of a
/// CRLF becomes a space at the end of its line, a lone CR an LF. Each is
/// one byte and one code point for one, so offsets into the text are
/// offsets into the file (or the JSONL record's `text`), as a reader
/// checking a span by hand, or the bench's scorer, counts them.
fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' {
            let crlf = bytes.get(i + 1) == Some(&b'\n');
            bytes[i] = if crlf { b' ' } else { b'\n' };
        }
    }
    String::from_utf8(bytes).expect("ASCII bytes replaced by ASCII bytes")
}

/// The document id of a file: its name without the extension.
fn file_id(path: &Path) -> String {
    match path.file_stem() {
        Some(stem) => stem.to_string_lossy().into_owned(),
        None => path.display().to_string(),
    }
}

/// The title of a Markdown text whose first non-blank line is a level-1
/// ATX heading (`# Title`, optionally closed by `#`s).
fn markdown_title(text: &str) -> Option<String> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    let indent = first.len() - first.trim_start_matches(' ').len();
    let rest = first.trim_start_matches(' ').strip_prefix('#')?;
    if indent > 3 || !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim();
    let unclosed = rest.trim_end_matches('#');
    let title = if unclosed.is_empty() || unclosed.ends_with([' ', '\t']) {
        unclosed.trim_end()
    } else {
        rest
    };
    Some(title.to_string()).filter(|t| !t.is_empty())
}

// ---------------------------------------------------------------------
// JSONL

/// Parses each non-blank line of a JSONL file into a document.
///
/// Lines end at LF (a CR before it is dropped); each is checked for UTF-8
/// on its own, so a line cut in the middle of a character is reported
/// with its number and the lines around it are still read.
fn read_jsonl(
    path: &Path,
    bytes: &[u8],
) -> Vec<Result<Document, IngestError>> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter_map(|(i, line)| parse_line(path, i + 1, line))
        .collect()
}

/// [`read_jsonl`], reading the lines from `reader` one at a time and
/// handing each item to `each`, so that a large corpus is never held
/// twice, as its bytes and as its documents. An error reading it is an
/// error of the whole file, as when it is read at once: the items
/// handed on before it are to be dropped.
fn read_jsonl_from(
    path: &Path,
    mut reader: impl io::BufRead,
    mut each: impl FnMut(Result<Document, IngestError>),
) -> Result<(), IngestError> {
    let mut buf = Vec::new();
    for number in 1.. {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return Err(io_error(path, e)),
        }
        let mut line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        if number == 1 {
            line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
        }
        if let Some(item) = parse_line(path, number, line) {
            each(item);
        }
    }
    Ok(())
}

/// Parses line number `number` of a JSONL file (its LF left out), or
/// `None` when it is blank.
fn parse_line(
    path: &Path,
    number: usize,
    line: &[u8],
) -> Option<Result<Document, IngestError>> {
    if line.trim_ascii().is_empty() {
        return None;
    }
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    Some(match std::str::from_utf8(line) {
        Ok(src) => parse_record(path, number, src),
        Err(e) => Err(IngestError::LineNotUtf8 {
            path: path.to_path_buf(),
            line: number,
            column: e.valid_up_to() + 1,
        }),
    })
}

/// Parses line number `line` of a JSONL file.
///
/// The line is read into [`Line`], which keeps only the six fields a
/// document takes (borrowing strings without escapes) and checks the
/// rest the way a [`serde_json::Value`] is parsed, without building it:
/// the records of annotated corpora carry large arrays no stage reads.
fn parse_record(
    path: &Path,
    line: usize,
    src: &str,
) -> Result<Document, IngestError> {
    let parsed: Line<'_> =
        serde_json::from_str(src).map_err(|e| json_error(path, line, &e))?;
    let fields = match parsed {
        Line::Object(fields) => fields,
        Line::Other(found) => {
            return Err(IngestError::NotObject {
                path: path.into(),
                line,
                found,
            });
        }
    };
    let rec = Record { path, line };
    let doc = Document {
        id: rec.id(fields.id)?,
        text: rec.text(fields.text)?,
        title: rec.optional("title", fields.title)?,
        url: rec.optional("url", fields.url)?,
        date: rec.optional("date", fields.date)?,
        publisher: rec.optional("publisher", fields.publisher)?,
    };
    within(path, Some(line), doc, MAX_TEXT)
}

/// Builds an [`IngestError::Json`]; the line is always the first of the
/// text parsed, so only the column is kept.
fn json_error(path: &Path, line: usize, e: &serde_json::Error) -> IngestError {
    let full = e.to_string();
    let at = format!(" at line {} column {}", e.line(), e.column());
    let message = match full.strip_suffix(&at) {
        Some(msg) => format!("{msg} at column {}", e.column()),
        None => full,
    };
    IngestError::Json { path: path.to_path_buf(), line, message }
}

/// One JSONL line as parsed: an object's fields, or the kind of the
/// value that is not an object.
enum Line<'a> {
    /// An object.
    Object(Fields<'a>),
    /// Any other value, named as in error messages ("an array", ...).
    Other(&'static str),
}

/// The fields of a record a document takes; of a key given twice the
/// last value counts, as in a [`serde_json::Map`].
#[derive(Default)]
struct Fields<'a> {
    id: Option<JsonField<'a>>,
    text: Option<JsonField<'a>>,
    title: Option<JsonField<'a>>,
    url: Option<JsonField<'a>>,
    date: Option<JsonField<'a>>,
    publisher: Option<JsonField<'a>>,
}

/// The value of one field a document takes.
enum JsonField<'a> {
    /// A string, borrowed from the line when it has no escapes.
    Str(Cow<'a, str>),
    /// A number (an `id` may be one).
    Number(serde_json::Number),
    /// Null, which an optional field takes as absent.
    Null,
    /// Anything else, named as in error messages ("an array", ...).
    Other(&'static str),
}

impl<'a> Line<'a> {
    /// A line that is no object, named by its value's kind.
    fn other(value: JsonField<'a>) -> Line<'a> {
        Line::Other(value.kind())
    }
}

impl JsonField<'_> {
    /// How the value is named in error messages.
    fn kind(&self) -> &'static str {
        match self {
            JsonField::Str(s) if s.is_empty() => "an empty string",
            JsonField::Str(_) => "a string",
            JsonField::Number(_) => "a number",
            JsonField::Null => "null",
            JsonField::Other(kind) => kind,
        }
    }
}

/// The keys of a record: the six read, and any other.
enum Key {
    Id,
    Text,
    Title,
    Url,
    Date,
    Publisher,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

/// Reads a key into a [`Key`].
struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            "id" => Key::Id,
            "text" => Key::Text,
            "title" => Key::Title,
            "url" => Key::Url,
            "date" => Key::Date,
            "publisher" => Key::Publisher,
            _ => Key::Other,
        })
    }
}

impl<'de> Deserialize<'de> for Line<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LineVisitor)
    }
}

/// Reads a whole line into a [`Line`].
struct LineVisitor;

impl<'de> Visitor<'de> for LineVisitor {
    type Value = Line<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<Line<'de>, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<Key>()? {
            let slot = match key {
                Key::Id => &mut fields.id,
                Key::Text => &mut fields.text,
                Key::Title => &mut fields.title,
                Key::Url => &mut fields.url,
                Key::Date => &mut fields.date,
                Key::Publisher => &mut fields.publisher,
                Key::Other => {
                    map.next_value::<Checked>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value::<JsonField<'de>>()?);
        }
        Ok(Line::Object(fields))
    }

    // Any other line is named as a field's value would be: the field's
    // visitor reads it, and its kind names it.

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        seq: A,
    ) -> Result<Line<'de>, A::Error> {
        JsonFieldVisitor.visit_seq(seq).map(Line::other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Line<'de>, E> {
        JsonFieldVisitor.visit_unit().map(Line::other)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Line<'de>, E> {
        JsonFieldVisitor.visit_bool(b).map(Line::other)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Line<'de>, E> {
        JsonFieldVisitor.visit_u64(n).map(Line::other)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Line<'de>, E> {
        JsonFieldVisitor.visit_i64(n).map(Line::other)
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Line<'de>, E> {
        JsonFieldVisitor.visit_f64(n).map(Line::other)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Line<'de>, E> {
        JsonFieldVisitor.visit_str(s).map(Line::other)
    }
}

impl<'de> Deserialize<'de> for JsonField<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonFieldVisitor)
    }
}

/// Reads one field's value into a [`JsonField`].
struct JsonFieldVisitor;

impl<'de> Visitor<'de> for JsonFieldVisitor {
    type Value = JsonField<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(
        self,
        s: &'de str,
    ) -> Result<JsonField<'de>, E> {
        Ok(JsonField::Str(Cow::Borrowed(s)))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<JsonField<'de>, E> {
        Ok(JsonField::Str(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E: de::Error>(
        self,
        s: String,
    ) -> Result<JsonField<'de>, E> {
        Ok(JsonField::Str(Cow::Owned(s)))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<JsonField<'de>, E> {
        Ok(JsonField::Number(n.into()))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<JsonField<'de>, E> {
        Ok(JsonField::Number(n.into()))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<JsonField<'de>, E> {
        // As a `Value` holds it: a float no number can hold is null.
        Ok(serde_json::Number::from_f64(n)
            .map_or(JsonField::Null, JsonField::Number))
    }

    fn visit_unit<E: de::Error>(self) -> Result<JsonField<'de>, E> {
        Ok(JsonField::Null)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<JsonField<'de>, E> {
        Ok(JsonField::Other("a boolean"))
    }

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        seq: A,
    ) -> Result<JsonField<'de>, A::Error> {
        Checked::visit_seq(Checked, seq)?;
        Ok(JsonField::Other("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        map: A,
    ) -> Result<JsonField<'de>, A::Error> {
        Checked::visit_map(Checked, map)?;
        Ok(JsonField::Other("an object"))
    }
}

/// A value no field takes, parsed as a [`serde_json::Value`] would be
/// (every string decoded, every number read, the same nesting limit)
/// but kept nowhere: a line a `Value` refuses is refused with the same
/// error. `serde::de::IgnoredAny` would skip it less strictly (a lone
/// surrogate escape, a number out of range).
struct Checked;

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Checked, D::Error> {
        d.deserialize_any(Checked)
    }
}

impl<'de> Visitor<'de> for Checked {
    type Value = Checked;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<Checked, A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Checked)
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<Checked, A::Error> {
        while map.next_entry::<CheckedKey, Checked>()?.is_some() {}
        Ok(Checked)
    }
}

/// An object's key no field takes, read as a `Value` reads keys.
struct CheckedKey;

impl<'de> Deserialize<'de> for CheckedKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(KeyVisitor).map(|_| CheckedKey)
    }
}

/// The place of one JSONL record, for its errors.
struct Record<'a> {
    /// The file.
    path: &'a Path,
    /// The 1-based line number.
    line: usize,
}

impl Record<'_> {
    /// The `id` field: a non-empty string, or a number written out.
    fn id(&self, field: Option<JsonField<'_>>) -> Result<String, IngestError> {
        match field {
            None => Err(self.missing("id")),
            Some(JsonField::Str(s)) if !s.trim().is_empty() => {
                Ok(s.into_owned())
            }
            Some(JsonField::Number(n)) => Ok(n.to_string()),
            Some(v) => {
                Err(self.wrong("id", "a non-empty string or a number", &v))
            }
        }
    }

    /// The `text` field, with line endings made LF (see
    /// [`normalize_newlines`]).
    fn text(
        &self,
        field: Option<JsonField<'_>>,
    ) -> Result<String, IngestError> {
        match field {
            None => Err(self.missing("text")),
            Some(JsonField::Str(s)) => Ok(normalize_newlines(s.into_owned())),
            Some(v) => Err(self.wrong("text", "a string", &v)),
        }
    }

    /// An optional string field; null and "" count as absent.
    fn optional(
        &self,
        name: &'static str,
        field: Option<JsonField<'_>>,
    ) -> Result<Option<String>, IngestError> {
        match field {
            None | Some(JsonField::Null) => Ok(None),
            Some(JsonField::Str(s)) => {
                Ok(Some(s.into_owned()).filter(|s| !s.is_empty()))
            }
            Some(v) => Err(self.wrong(name, "a string", &v)),
        }
    }

    /// The error for a missing `field`.
    fn missing(&self, field: &'static str) -> IngestError {
        let (path, line) = (self.path.to_path_buf(), self.line);
        IngestError::MissingField { path, line, field }
    }

    /// The error for a `field` holding `value` instead of `expected`.
    fn wrong(
        &self,
        field: &'static str,
        expected: &'static str,
        value: &JsonField<'_>,
    ) -> IngestError {
        let (path, line, found) =
            (self.path.to_path_buf(), self.line, value.kind());
        IngestError::WrongType { path, line, field, expected, found }
    }
}

// ---------------------------------------------------------------------
// HTML
//
// A single forward scan over the page. Each step either copies a text run
// or consumes one piece of markup and moves past it, and every search
// starts where the previous one stopped, so the whole is linear in the
// page's length. Broken markup never fails: an unknown construct is read
// the way browsers read it, or kept as text.

/// Elements whose content is never shown; it is skipped unread.
const HIDDEN: &[&str] =
    &["iframe", "math", "noscript", "script", "style", "svg", "template"];

/// The page's furniture beside the article: menus, asides (related
/// links, pull quotes) and footers. Their text is skipped when their end
/// tag is there; broken markup without one keeps it, so that an article
/// is never lost to an unclosed `<aside>`.
const CHROME: &[&str] = &["aside", "footer", "nav"];

/// Elements allowed in `<head>`; any other start tag ends it.
const HEAD_ONLY: &[&str] = &[
    "base", "head", "link", "meta", "noscript", "script", "style", "template",
    "title",
];

/// Start and end tags that end a paragraph.
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "br", "caption",
    "dd", "details", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
    "thead", "tr", "ul",
];

/// Converts the HTML page `src` into a document with the id `id`.
fn html_document(id: String, src: &str) -> Document {
    let mut page = Page {
        src,
        pos: 0,
        last_gt: src.rfind('>'),
        text: Collapse::default(),
        meta: Meta::default(),
        in_head: false,
        unclosed: [false; CHROME.len()],
    };
    page.run();
    let Meta { title, url, date, publisher } = page.meta;
    Document {
        id,
        text: page.text.out,
        title: title.value(),
        url: url.value(),
        date: date.value(),
        publisher: publisher.value(),
    }
}

/// The scanner's state while it walks over one page.
struct Page<'a> {
    /// The whole page.
    src: &'a str,
    /// Byte offset of the next thing to read.
    pos: usize,
    /// Byte offset of the page's last `>`: a `<` after it cannot start a
    /// tag, which keeps stray `<`s from each searching to the end.
    last_gt: Option<usize>,
    /// The visible text found so far.
    text: Collapse,
    /// The metadata found so far.
    meta: Meta,
    /// True inside `<head>`, whose text is not shown.
    in_head: bool,
    /// Set for each of [`CHROME`] once an element of it is found with no
    /// end tag after it: none is searched for again, which keeps many
    /// unclosed ones from each reading to the page's end.
    unclosed: [bool; CHROME.len()],
}

impl<'a> Page<'a> {
    /// Reads the whole page.
    fn run(&mut self) {
        while self.pos < self.src.len() {
            match self.src[self.pos..].find('<') {
                Some(0) => self.markup(),
                Some(n) => self.text_run(n),
                None => self.text_run(self.src.len() - self.pos),
            }
        }
    }

    /// Reads the `len` bytes at `pos` as text.
    fn text_run(&mut self, len: usize) {
        let src = self.src;
        let run = &src[self.pos..self.pos + len];
        self.pos += len;
        if self.in_head && run.trim().is_empty() {
            return;
        }
        self.in_head = false;
        decode_entities(run, |c| self.text.push(c));
    }

    /// Reads the markup starting with the `<` at `pos`.
    fn markup(&mut self) {
        let rest = &self.src[self.pos..];
        let bytes = rest.as_bytes();
        let bogus_end = bytes.get(1) == Some(&b'/')
            && !bytes.get(2).is_some_and(u8::is_ascii_alphabetic);
        if rest.starts_with("<!--") {
            // From the `--` of `<!--`, so `<!-->` ends at once.
            self.skip_past(2, "-->");
        } else if rest.starts_with("<![CDATA[") {
            self.skip_past(9, "]]>");
        } else if rest.starts_with("<!") || rest.starts_with("<?") || bogus_end
        {
            self.skip_past(2, ">");
        } else if let Some(tag) = self.parse_tag() {
            self.handle(&tag);
        } else {
            self.text_run(1);
        }
    }

    /// Moves `pos` past the first `pat` found `from` bytes after it, or to
    /// the end when there is none.
    fn skip_past(&mut self, from: usize, pat: &str) {
        let start = (self.pos + from).min(self.src.len());
        self.pos = match self.src[start..].find(pat) {
            Some(n) => start + n + pat.len(),
            None => self.src.len(),
        };
    }

    /// Parses the tag at `pos`, or `None` when the `<` starts no tag.
    fn parse_tag(&self) -> Option<Tag> {
        let bytes = self.src.as_bytes();
        let closing = bytes.get(self.pos + 1) == Some(&b'/');
        let start = self.pos + 1 + usize::from(closing);
        if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic)
            || self.last_gt.is_none_or(|gt| gt < start)
        {
            return None;
        }
        let name_end =
            scan(bytes, start, |b| !is_space(b) && b != b'/' && b != b'>');
        let (attrs, gt) = match parse_attrs(self.src, name_end) {
            Some(found) => found,
            // An unclosed quote: end at the first `>`, as if unquoted.
            None => (Vec::new(), start + self.src[start..].find('>')?),
        };
        Some(Tag {
            name: self.src[start..name_end].to_ascii_lowercase(),
            closing,
            self_closing: bytes[gt - 1] == b'/',
            attrs,
            gt,
        })
    }

    /// Acts on a parsed tag and moves `pos` past it.
    fn handle(&mut self, tag: &Tag) {
        self.pos = tag.gt + 1;
        let name = tag.name.as_str();
        if tag.closing {
            self.in_head &= name != "head";
        } else {
            self.open(tag);
        }
        if BLOCKS.contains(&name) {
            self.text.block();
        } else if matches!(name, "td" | "th") {
            self.text.space();
        }
    }

    /// Acts on a start tag.
    fn open(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        self.in_head = match name {
            "head" => true,
            _ => self.in_head && HEAD_ONLY.contains(&name),
        };
        match name {
            "title" => {
                let raw = self.raw_content("title");
                self.meta.title.offer(1, raw);
            }
            "meta" => self.meta.read_meta(&tag.attrs),
            "link" => self.meta.read_link(&tag.attrs),
            _ if HIDDEN.contains(&name) && !tag.self_closing => {
                self.raw_content(name);
            }
            _ if !tag.self_closing => {
                if let Some(i) = CHROME.iter().position(|&c| c == name) {
                    self.skip_chrome(i);
                }
            }
            _ => {}
        }
    }

    /// Skips past the end tag of the element of [`CHROME`] number `i`
    /// just opened, when there is one.
    fn skip_chrome(&mut self, i: usize) {
        if self.unclosed[i] {
            return;
        }
        match find_end_tag(self.src, self.pos, CHROME[i]) {
            Some(close) => self.pos = self.past_tag(close),
            None => self.unclosed[i] = true,
        }
    }

    /// The offset after the tag that opens at `lt`, or the page's end.
    fn past_tag(&self, lt: usize) -> usize {
        match self.src[lt..].find('>') {
            Some(n) => lt + n + 1,
            None => self.src.len(),
        }
    }

    /// Skips to the end tag of element `name` (or the end of the page)
    /// and returns what came before it.
    fn raw_content(&mut self, name: &str) -> &'a str {
        let src = self.src;
        let close = find_end_tag(src, self.pos, name).unwrap_or(src.len());
        let content = &src[self.pos..close];
        self.pos = self.past_tag(close);
        content
    }
}

/// One start or end tag.
struct Tag {
    /// The element's name in lower case.
    name: String,
    /// True for an end tag (`</p>`).
    closing: bool,
    /// True when the tag ends with `/>`.
    self_closing: bool,
    /// The attributes, names in lower case, values as written.
    attrs: Vec<(String, String)>,
    /// Byte offset of the tag's closing `>`.
    gt: usize,
}

/// HTML's whitespace bytes.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The first offset from `from` whose byte fails `keep`, or the length.
fn scan(bytes: &[u8], from: usize, keep: impl Fn(u8) -> bool) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    rest.iter().position(|&b| !keep(b)).map_or(bytes.len(), |n| from + n)
}

/// Parses attributes from `at` to the tag's `>`; returns them and the
/// offset of the `>`, or `None` when the page ends first.
fn parse_attrs(
    src: &str,
    mut at: usize,
) -> Option<(Vec<(String, String)>, usize)> {
    let bytes = src.as_bytes();
    let mut attrs = Vec::new();
    loop {
        at = scan(bytes, at, |b| is_space(b) || b == b'/');
        if *bytes.get(at)? == b'>' {
            return Some((attrs, at));
        }
        let (attr, next) = parse_attr(src, at)?;
        attrs.push(attr);
        at = next;
    }
}

/// Parses the attribute at `start`; returns it and the offset after it.
fn parse_attr(src: &str, start: usize) -> Option<((String, String), usize)> {
    let bytes = src.as_bytes();
    // A name may start with `=`; taking it keeps the scan moving.
    let first = start + usize::from(bytes.get(start) == Some(&b'='));
    let name_end = scan(bytes, first, |b| {
        !is_space(b) && !matches!(b, b'/' | b'>' | b'=')
    });
    let name = src[start..name_end].to_ascii_lowercase();
    let eq = scan(bytes, name_end, is_space);
    if bytes.get(eq) != Some(&b'=') {
        return Some(((name, String::new()), name_end));
    }
    let (value, next) = parse_value(src, scan(bytes, eq + 1, is_space))?;
    Some(((name, value.to_string()), next))
}

/// Parses the attribute value at `start`, quoted or not; returns it and
/// the offset after it, or `None` for a quote that is never closed.
fn parse_value(src: &str, start: usize) -> Option<(&str, usize)> {
    let quote = *src.as_bytes().get(start)?;
    if quote == b'"' || quote == b'\'' {
        let len = src[start + 1..].find(char::from(quote))?;
        return Some((&src[start + 1..start + 1 + len], start + len + 2));
    }
    let end = scan(src.as_bytes(), start, |b| !is_space(b) && b != b'>');
    Some((&src[start..end], end))
}

/// The offset of the first end tag `</name` after `from`, any case.
fn find_end_tag(src: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = src.as_bytes();
    let mut at = from;
    while let Some(n) = bytes.get(at..)?.iter().position(|&b| b == b'<') {
        let lt = at + n;
        let after = lt + 2 + name.len();
        if bytes.get(lt + 1) == Some(&b'/')
            && bytes
                .get(lt + 2..after)
                .is_some_and(|s| s.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(after)
                .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>')
        {
            return Some(lt);
        }
        at = lt + 1;
    }
    None
}

/// Builds text from characters: whitespace runs become one space, blocks
/// become paragraphs separated by one blank line, and nothing leads or
/// trails.
#[derive(Default)]
struct Collapse {
    /// The text so far.
    out: String,
    /// True when whitespace came after the last character kept.
    space: bool,
    /// True when a block boundary came after the last character kept.
    brk: bool,
}

impl Collapse {
    /// Adds one character.
    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.space = true;
            return;
        }
        if self.brk && !self.out.is_empty() {
            self.out.push_str("\n\n");
        } else if self.space && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.space = false;
        self.brk = false;
        self.out.push(c);
    }

    /// Marks a word boundary.
    fn space(&mut self) {
        self.space = true;
    }

    /// Marks a paragraph boundary.
    fn block(&mut self) {
        self.brk = true;
    }
}

/// Decodes the entities of `raw` and collapses its whitespace.
fn clean(raw: &str) -> String {
    let mut text = Collapse::default();
    decode_entities(raw, |c| text.push(c));
    text.out
}

/// The metadata fields a page can give.
#[derive(Clone, Copy)]
enum Field {
    /// [`Document::title`].
    Title,
    /// [`Document::url`].
    Url,
    /// [`Document::date`].
    Date,
    /// [`Document::publisher`].
    Publisher,
}

/// `<meta>` keys (`property`, `name` or `itemprop`, in lower case), the
/// field each fills and its rank: a lower rank wins over a higher one. The
/// `<title>` element has rank 1 for the title and `<link rel=canonical>`
/// rank 1 for the address.
const META_KEYS: &[(&str, Field, u8)] = &[
    ("og:title", Field::Title, 0),
    ("twitter:title", Field::Title, 2),
    ("og:url", Field::Url, 0),
    ("article:published_time", Field::Date, 0),
    ("datepublished", Field::Date, 1),
    ("date", Field::Date, 2),
    ("pubdate", Field::Date, 2),
    ("publishdate", Field::Date, 2),
    ("dc.date", Field::Date, 3),
    ("dc.date.issued", Field::Date, 3),
    ("og:site_name", Field::Publisher, 0),
    ("publisher", Field::Publisher, 1),
    ("dc.publisher", Field::Publisher, 1),
    ("article:publisher", Field::Publisher, 2),
];

/// A field's best value so far, with its rank.
#[derive(Default)]
struct Best(Option<(u8, String)>);

impl Best {
    /// Keeps the cleaned `raw` when it is not empty and its rank is lower
    /// than the kept value's.
    fn offer(&mut self, rank: u8, raw: &str) {
        let value = clean(raw);
        if !value.is_empty() && self.0.as_ref().is_none_or(|(r, _)| rank < *r)
        {
            self.0 = Some((rank, value));
        }
    }

    /// The value kept, if any.
    fn value(self) -> Option<String> {
        self.0.map(|(_, v)| v)
    }
}

/// The metadata found in a page.
#[derive(Default)]
struct Meta {
    /// Candidates for [`Document::title`].
    title: Best,
    /// Candidates for [`Document::url`].
    url: Best,
    /// Candidates for [`Document::date`].
    date: Best,
    /// Candidates for [`Document::publisher`].
    publisher: Best,
}

impl Meta {
    /// The candidates for `field`.
    fn slot(&mut self, field: Field) -> &mut Best {
        match field {
            Field::Title => &mut self.title,
            Field::Url => &mut self.url,
            Field::Date => &mut self.date,
            Field::Publisher => &mut self.publisher,
        }
    }

    /// Reads a `<meta>` tag's attributes.
    fn read_meta(&mut self, attrs: &[(String, String)]) {
        let Some(content) = attr(attrs, "content") else { return };
        for key_attr in ["property", "name", "itemprop"] {
            let Some(key) = attr(attrs, key_attr) else { continue };
            let key = key.trim().to_ascii_lowercase();
            if let Some(&(_, field, rank)) =
                META_KEYS.iter().find(|e| e.0 == key)
            {
                self.slot(field).offer(rank, content);
            }
        }
    }

    /// Reads a `<link>` tag's attributes.
    fn read_link(&mut self, attrs: &[(String, String)]) {
        let rel = attr(attrs, "rel").unwrap_or_default();
        if rel
            .split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("canonical"))
        {
            self.url.offer(1, attr(attrs, "href").unwrap_or_default());
        }
    }
}

/// The value of the first attribute called `name`.
fn attr<'t>(attrs: &'t [(String, String)], name: &str) -> Option<&'t str> {
    attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

// ---------------------------------------------------------------------
// Character references

/// Passes the characters of `raw` to `emit`, with character references
/// decoded; one that is unknown or malformed is passed on as written.
fn decode_entities(raw: &str, mut emit: impl FnMut(char)) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        rest[..amp].chars().for_each(&mut emit);
        rest = &rest[amp..];
        match entity(rest) {
            Some((c, len)) => {
                emit(c);
                rest = &rest[len..];
            }
            None => {
                emit('&');
                rest = &rest[1..];
            }
        }
    }
    rest.chars().for_each(emit);
}

/// Decodes the reference at the start of `s` (which starts with `&` and
/// must end with `;`); returns the character and the bytes it took.
fn entity(s: &str) -> Option<(char, usize)> {
    // The longest name in the table, or a number, fits in 32 bytes.
    let semi = s.bytes().take(34).position(|b| b == b';')?;
    let body = &s[1..semi];
    let c = match body.strip_prefix('#') {
        Some(num) => numeric_entity(num)?,
        None => named_entity(body)?,
    };
    Some((c, semi + 1))
}

/// Decodes the digits of `&#233;` or `&#xE9;` as browsers do: code
/// points 0x80-0x9F are read as Windows-1252, and zero, surrogates and
/// values past U+10FFFF become U+FFFD.
fn numeric_entity(num: &str) -> Option<char> {
    let (digits, radix) = match num.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16),
        None => (num, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let code = u32::from_str_radix(digits, radix).unwrap_or(u32::MAX);
    Some(match code {
        0x80..=0x9f => WINDOWS_1252[code as usize - 0x80],
        0 => '\u{fffd}',
        _ => char::from_u32(code).unwrap_or('\u{fffd}'),
    })
}

/// Looks `name` up in [`ENTITIES`].
fn named_entity(name: &str) -> Option<char> {
    let i = ENTITIES.binary_search_by(|(n, _)| n.cmp(&name)).ok()?;
    Some(ENTITIES[i].1)
}

/// What browsers show for the references `&#128;` to `&#159;`.
const WINDOWS_1252: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}',
    '\u{2020}', '\u{2021}', '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}',
    '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}', '\u{90}', '\u{2018}',
    '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}',
    '\u{17e}', '\u{178}',
];

/// Named character references, sorted by name (byte order) for binary
/// search: the markup characters, all of Latin-1, and common punctuation.
const ENTITIES: &[(&str, char)] = &[
    ("AElig", '\u{c6}'),
    ("Aacute", '\u{c1}'),
    ("Acirc", '\u{c2}'),
    ("Agrave", '\u{c0}'),
    ("Aring", '\u{c5}'),
    ("Atilde", '\u{c3}'),
    ("Auml", '\u{c4}'),
    ("Ccedil", '\u{c7}'),
    ("Dagger", '\u{2021}'),
    ("ETH", '\u{d0}'),
    ("Eacute", '\u{c9}'),
    ("Ecirc", '\u{ca}'),
    ("Egrave", '\u{c8}'),
    ("Euml", '\u{cb}'),
    ("Iacute", '\u{cd}'),
    ("Icirc", '\u{ce}'),
    ("Igrave", '\u{cc}'),
    ("Iuml", '\u{cf}'),
    ("Ntilde", '\u{d1}'),
    ("OElig", '\u{152}'),
    ("Oacute", '\u{d3}'),
    ("Ocirc", '\u{d4}'),
    ("Ograve", '\u{d2}'),
    ("Oslash", '\u{d8}'),
    ("Otilde", '\u{d5}'),
    ("Ouml", '\u{d6}'),
    ("Prime", '\u{2033}'),
    ("Scaron", '\u{160}'),
    ("THORN", '\u{de}'),
    ("Uacute", '\u{da}'),
    ("Ucirc", '\u{db}'),
    ("Ugrave", '\u{d9}'),
    ("Uuml", '\u{dc}'),
    ("Yacute", '\u{dd}'),
    ("Yuml", '\u{178}'),
    ("aacute", '\u{e1}'),
    ("acirc", '\u{e2}'),
    ("acute", '\u{b4}'),
    ("aelig", '\u{e6}'),
    ("agrave", '\u{e0}'),
    ("amp", '\u{26}'),
    ("apos", '\u{27}'),
    ("aring", '\u{e5}'),
    ("atilde", '\u{e3}'),
    ("auml", '\u{e4}'),
    ("bdquo", '\u{201e}'),
    ("brvbar", '\u{a6}'),
    ("bull", '\u{2022}'),
    ("ccedil", '\u{e7}'),
    ("cedil", '\u{b8}'),
    ("cent", '\u{a2}'),
    ("circ", '\u{2c6}'),
    ("copy", '\u{a9}'),
    ("curren", '\u{a4}'),
    ("dagger", '\u{2020}'),
    ("deg", '\u{b0}'),
    ("divide", '\u{f7}'),
    ("eacute", '\u{e9}'),
    ("ecirc", '\u{ea}'),
    ("egrave", '\u{e8}'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("eth", '\u{f0}'),
    ("euml", '\u{eb}'),
    ("euro", '\u{20ac}'),
    ("fnof", '\u{192}'),
    ("frac12", '\u{bd}'),
    ("frac14", '\u{bc}'),
    ("frac34", '\u{be}'),
    ("gt", '\u{3e}'),
    ("hellip", '\u{2026}'),
    ("hyphen", '\u{2010}'),
    ("iacute", '\u{ed}'),
    ("icirc", '\u{ee}'),
    ("iexcl", '\u{a1}'),
    ("igrave", '\u{ec}'),
    ("iquest", '\u{bf}'),
    ("iuml", '\u{ef}'),
    ("laquo", '\u{ab}'),
    ("larr", '\u{2190}'),
    ("ldquo", '\u{201c}'),
    ("lrm", '\u{200e}'),
    ("lsaquo", '\u{2039}'),
    ("lsquo", '\u{2018}'),
    ("lt", '\u{3c}'),
    ("macr", '\u{af}'),
    ("mdash", '\u{2014}'),
    ("micro", '\u{b5}'),
    ("middot", '\u{b7}'),
    ("minus", '\u{2212}'),
    ("nbsp", '\u{a0}'),
    ("ndash", '\u{2013}'),
    ("not", '\u{ac}'),
    ("ntilde", '\u{f1}'),
    ("oacute", '\u{f3}'),
    ("ocirc", '\u{f4}'),
    ("oelig", '\u{153}'),
    ("ograve", '\u{f2}'),
    ("ordf", '\u{aa}'),
    ("ordm", '\u{ba}'),
    ("oslash", '\u{f8}'),
    ("otilde", '\u{f5}'),
    ("ouml", '\u{f6}'),
    ("para", '\u{b6}'),
    ("permil", '\u{2030}'),
    ("plusmn", '\u{b1}'),
    ("pound", '\u{a3}'),
    ("prime", '\u{2032}'),
    ("quot", '\u{22}'),
    ("raquo", '\u{bb}'),
    ("rarr", '\u{2192}'),
    ("rdquo", '\u{201d}'),
    ("reg", '\u{ae}'),
    ("rlm", '\u{200f}'),
    ("rsaquo", '\u{203a}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("scaron", '\u{161}'),
    ("sect", '\u{a7}'),
    ("shy", '\u{ad}'),
    ("sup1", '\u{b9}'),
    ("sup2", '\u{b2}'),
    ("sup3", '\u{b3}'),
    ("szlig", '\u{df}'),
    ("thinsp", '\u{2009}'),
    ("thorn", '\u{fe}'),
    ("tilde", '\u{2dc}'),
    ("times", '\u{d7}'),
    ("trade", '\u{2122}'),
    ("uacute", '\u{fa}'),
    ("ucirc", '\u{fb}'),
    ("ugrave", '\u{f9}'),
    ("uml", '\u{a8}'),
    ("uuml", '\u{fc}'),
    ("yacute", '\u{fd}'),
    ("yen", '\u{a5}'),
    ("yuml", '\u{ff}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_too_long_for_its_spans_is_refused_with_its_place() {
        // The real limit is 4 GiB; the check is the same at any limit.
        let doc =
            |text: &str| Document { text: text.into(), ..Document::default() };
        let path = Path::new("crawl.jsonl");
        let err = within(path, Some(7), doc("twelve bytes"), 11).unwrap_err();
        assert_eq!(
            err.to_string(),
            "crawl.jsonl:7: the text is 12 bytes long; a document must be \
             under 4 GiB (at most 4294967295 bytes)"
        );
        let err = within(Path::new("a.txt"), None, doc("twelve bytes"), 11);
        assert!(err.unwrap_err().to_string().starts_with("a.txt: the text"));
        assert!(within(path, Some(7), doc("twelve bytes"), 12).is_ok());
    }

    /// A fresh, empty folder for one test.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir()
            .join(format!("claimgraph-ingest-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Writes `bytes` to `dir/rel`, making folders as needed.
    fn write(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }

    /// Reads `name` from memory and expects exactly one document.
    fn one(name: &str, src: &str) -> Document {
        let mut docs = read_from(name, src.as_bytes());
        assert_eq!(docs.len(), 1);
        docs.pop().unwrap().unwrap()
    }

    /// The visible text of an HTML page.
    fn html(src: &str) -> String {
        html_document("x".into(), src).text
    }

    #[test]
    fn txt_converts_line_endings_and_nothing_else() {
        let dir = scratch("txt");
        let path = write(&dir, "story.txt", b"a\r\nb\rc\n\r\n  d  \t");
        let docs = read_file(&path);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.id, "story");
        // One byte for one: offsets into the text are offsets into the
        // file.
        assert_eq!(doc.text, "a \nb\nc\n \n  d  \t");
        assert_eq!(doc.title, None);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn txt_drops_only_a_leading_bom() {
        let doc = one("a.txt", "\u{feff}Caf\u{e9} \u{feff}x");
        assert_eq!(doc.text, "Caf\u{e9} \u{feff}x");
        assert_eq!(one("b.txt", "").text, "");
    }

    #[test]
    fn stdin_name_without_extension_is_text() {
        let doc = one("stdin", "<p>kept</p>");
        assert_eq!(doc.id, "stdin");
        assert_eq!(doc.text, "<p>kept</p>");
    }

    #[test]
    fn markdown_keeps_text_and_reads_title() {
        let src = "\n# The Title #\r\n\nBody *text*.\n";
        let doc = one("n.md", src);
        assert_eq!(doc.title.as_deref(), Some("The Title"));
        assert_eq!(doc.text, "\n# The Title # \n\nBody *text*.\n");
        assert_eq!(one("c.markdown", "# C#\n").title.as_deref(), Some("C#"));
        assert_eq!(one("d.md", "## Sub\n").title, None);
        assert_eq!(one("e.md", "#hashtag\n").title, None);
        assert_eq!(one("f.md", "text\n# Late\n").title, None);
    }

    #[test]
    fn html_drops_hidden_content_and_makes_paragraphs() {
        let src = "<!DOCTYPE html><html><head><title>T</title>\
            <style>p { color: red }</style><script>if (a < b) x();</script>\
            </head><body><h1>Head  line</h1><!-- a <p>comment</p> -->\
            <div><p>First\n   para <b>bold</b>,\tend.</p>\
            <noscript>Enable JS</noscript><p>Second<br>third</p></div>\
            <![CDATA[ raw ]]><ul><li>one</li><li>two</li></ul>\
            <table><tr><td>a</td><td>b</td></tr></table></body></html>";
        assert_eq!(
            html(src),
            "Head line\n\nFirst para bold, end.\n\nSecond\n\nthird\n\n\
             one\n\ntwo\n\na b"
        );
    }

    #[test]
    fn html_drops_the_pages_furniture() {
        // Menus, related links and footers are no part of the article.
        let src = "<body><nav><a href=/>Home</a></nav><p>Story.</p>\
            <aside><h3>Related</h3><p>Officials say risk is high</p></aside>\
            <p>More.</p><footer><p>All rights reserved.</p></footer></body>";
        assert_eq!(html(src), "Story.\n\nMore.");
        // Unclosed, an aside keeps its text: an article is never lost.
        let src = "<body><aside><p>Story.</p><p>More.</p></body>";
        assert_eq!(html(src), "Story.\n\nMore.");
    }

    #[test]
    fn html_decodes_entities() {
        let src = "<p>Caf&eacute; &amp; bar &lt;b&gt; &quot;q&quot; \
            &#233;&#xE9;&#XE9; &#146;s &mdash; &hellip;&nbsp;x &bogus; \
            &amp &#; &#x; &#12a; &#0; &#1114112; &#99999999999; AT&T</p>";
        assert_eq!(
            html(src),
            "Caf\u{e9} & bar <b> \"q\" \u{e9}\u{e9}\u{e9} \u{2019}s \u{2014} \
             \u{2026} x &bogus; &amp &#; &#x; &#12a; \u{fffd} \u{fffd} \
             \u{fffd} AT&T"
        );
    }

    #[test]
    fn html_reads_metadata() {
        let src = "<html><head>\
            <title>Page &amp; Site</title>\
            <meta property=\"og:site_name\" content=\"The Daily\">\
            <meta name=publisher content=\"Other\">\
            <meta property='article:published_time' \
                content='2024-05-01T10:00:00Z'/>\
            <link rel=\"alternate canonical\" href=\"https://x.test/a\">\
            <meta charset=utf-8></head><body><p>Hi</p></body></html>";
        let doc = html_document("p".into(), src);
        assert_eq!(doc.text, "Hi");
        assert_eq!(doc.title.as_deref(), Some("Page & Site"));
        assert_eq!(doc.publisher.as_deref(), Some("The Daily"));
        assert_eq!(doc.date.as_deref(), Some("2024-05-01T10:00:00Z"));
        assert_eq!(doc.url.as_deref(), Some("https://x.test/a"));
    }

    #[test]
    fn html_prefers_og_title_and_og_url() {
        let src = "<head><title>Long - Site</title>\
            <META PROPERTY=\"OG:TITLE\" CONTENT=\" Short \">\
            <link rel=canonical href=/c><meta property=og:url content=/o>\
            <meta name=date content=2020><meta itemprop=datePublished \
            content=2021></head>text";
        let doc = html_document("p".into(), src);
        assert_eq!(doc.title.as_deref(), Some("Short"));
        assert_eq!(doc.url.as_deref(), Some("/o"));
        assert_eq!(doc.date.as_deref(), Some("2021"));
        assert_eq!(doc.text, "text");
    }

    #[test]
    fn html_head_without_end_tag_ends_at_first_body_tag() {
        let src = "<head><title>T</title>\n<p>Shown</p>";
        assert_eq!(html(src), "Shown");
        assert_eq!(html("<head>\n  Bare text</head>"), "Bare text");
    }

    #[test]
    fn html_survives_broken_markup() {
        assert_eq!(html("a < b and c<3 <p>x"), "a < b and c<3\n\nx");
        assert_eq!(html("text <b unfinished"), "text <b unfinished");
        assert_eq!(html("<p>x</p><!-- never closed <p>y"), "x");
        assert_eq!(html("a<script>never closed"), "a");
        assert_eq!(html("a<p title=\"unclosed>b</p>"), "a\n\nb");
        assert_eq!(html("a<a href='x>y'>link</a>"), "alink");
        assert_eq!(html("</ >a</>b</"), "ab");
        assert_eq!(html("<p =x a= b=c>y"), "y");
        assert_eq!(html("x<svg/>y<svg><text>z</text></svg>w"), "xyw");
        assert_eq!(html("<SCRIPT>x</script >y</STYLE>z"), "yz");
        assert_eq!(html(""), "");
        assert_eq!(html("<"), "<");
        assert_eq!(html("&"), "&");
        assert_eq!(
            html("<p>\u{e9}<\u{e9}>\u{e9}</p>"),
            "\u{e9}<\u{e9}>\u{e9}"
        );
    }

    #[test]
    fn html_never_panics_on_any_prefix() {
        let src = "<!DOCTYPE x><html><head><title>T&amp;</title><meta \
            name='date' content=\"d\"/><script>1<2</script></head><body \
            class=a><p id=\"q\">caf\u{e9} &#x201C;x&#8221; &eacute<br/>\
            <!-- c --><![CDATA[d]]><?pi?></p><a href='u'>\u{1f600}</a\
            ></body></html>";
        for (i, _) in src.char_indices() {
            let _ = html(&src[..i]);
            let _ = html(&src[i..]);
        }
    }

    #[test]
    fn html_is_linear_on_hostile_input() {
        let n = 200_000;
        for unit in ["<a ", "<a x=\"", "<a x='>", "&#x", "<!", "</x", "<p>"] {
            let src = unit.repeat(n);
            let _ = html(&src);
            let _ = html(&format!("{src}>"));
        }
        let _ = html(&"<aside><nav><footer>".repeat(n));
        let script = format!("<script>{}", "</scrip".repeat(n));
        assert_eq!(html(&script), "");
    }

    #[test]
    fn entity_table_is_sorted_and_unique() {
        for pair in ENTITIES.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} !< {}", pair[0].0, pair[1].0);
        }
        for &(name, c) in ENTITIES {
            assert_eq!(named_entity(name), Some(c));
            assert!(
                name.len() <= 32
                    && name.bytes().all(|b| b.is_ascii_alphanumeric())
            );
        }
        assert_eq!(named_entity("eacute"), Some('\u{e9}'));
        assert_eq!(named_entity("Eacute"), Some('\u{c9}'));
        assert_eq!(named_entity("nope"), None);
    }

    /// A JSONL file with good and bad lines; see the two tests below.
    const JSONL: &str = "{\"id\": \"a\", \"text\": \"One\\r\\ntwo\", \
        \"title\": \"T\", \"url\": null, \"extra\": [1]}\r\n\
        \n\
        ]\n\
        {\"text\": \"no id\"}\n\
        {\"id\": 7, \"text\": 3}\n\
        {\"id\": 8.5, \"text\": \"ok\", \"date\": \"2024\", \
        \"publisher\": \"P\", \"url\": \"\"}\n\
        [1, 2]\n\
        {\"id\": \"\", \"text\": \"x\"}\n\
        {\"id\": \"b\", \"text\": \"x\", \"title\": false}\n   \n";

    #[test]
    fn jsonl_reads_good_lines() {
        let items = read_from("x.jsonl", JSONL.as_bytes());
        assert_eq!(items.len(), 8);
        let docs: Vec<&Document> = items.iter().flatten().collect();
        assert_eq!(docs.len(), 2);
        let (a, b) = (docs[0], docs[1]);
        assert_eq!((a.id.as_str(), a.text.as_str()), ("a", "One \ntwo"));
        assert_eq!((a.title.as_deref(), a.url.as_deref()), (Some("T"), None));
        assert_eq!((b.id.as_str(), b.text.as_str()), ("8.5", "ok"));
        assert_eq!(b.date.as_deref(), Some("2024"));
        assert_eq!(b.publisher.as_deref(), Some("P"));
        assert_eq!(b.url, None);
    }

    #[test]
    fn jsonl_reports_each_bad_line() {
        let dir = scratch("jsonl");
        let path = write(&dir, "x.jsonl", JSONL.as_bytes());
        let p = path.display();
        let errs: Vec<String> = read_file(&path)
            .iter()
            .filter_map(|r| r.as_ref().err().map(ToString::to_string))
            .collect();
        let expected = [
            format!("{p}:3: malformed JSON: expected value at column 1"),
            format!("{p}:4: field `id` missing"),
            format!("{p}:5: field `text` must be a string, found a number"),
            format!("{p}:7: expected a JSON object, found an array"),
            format!(
                "{p}:8: field `id` must be a non-empty string or a number, \
                 found an empty string"
            ),
            format!("{p}:9: field `title` must be a string, found a boolean"),
        ];
        assert_eq!(errs, expected);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn jsonl_error_variants_carry_line_and_field() {
        let items = read_from("r.jsonl", &b"{\"id\":\"a\"}\n{bad\n"[..]);
        assert!(matches!(
            &items[0],
            Err(IngestError::MissingField { line: 1, field: "text", .. })
        ));
        let Err(IngestError::Json { line: 2, message, .. }) = &items[1] else {
            panic!("{:?}", items[1]);
        };
        assert!(message.ends_with("at column 2"), "{message}");
    }

    #[test]
    fn non_utf8_file_names_the_first_bad_byte() {
        let dir = scratch("utf8");
        let path = write(&dir, "bad.txt", b"ok \xc3\xa9 then \xff\xfe rest");
        let items = read_file(&path);
        assert_eq!(items.len(), 1);
        let err = items[0].as_ref().unwrap_err();
        assert!(matches!(err, IngestError::NotUtf8 { offset: 11, .. }));
        assert_eq!(
            err.to_string(),
            format!(
                "{}: not valid UTF-8 (first bad byte at offset 11)",
                path.display()
            )
        );
        let nul = write(&dir, "nul.txt", b"\xef\xbb\xbfa\r\n\0b");
        let err = read_file(&nul).remove(0).unwrap_err();
        assert!(matches!(err, IngestError::Binary { offset: 6, .. }));
        let utf16 = write(&dir, "u16.md", b"\xff\xfeH\0i\0");
        let err = read_file(&utf16).remove(0).unwrap_err();
        assert!(matches!(err, IngestError::Binary { offset: 3, .. }));
        assert!(err.to_string().contains("UTF-16"), "{err}");
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn pipes_and_devices_are_refused_unopened() {
        let dir = scratch("not-a-file");
        let link = dir.join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let err = read_file(&link).remove(0).unwrap_err();
        assert!(matches!(err, IngestError::NotAFile { .. }), "{err}");
        let fifo = dir.join("pipe.jsonl");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = read_file(&fifo).remove(0).unwrap_err();
            assert!(err.to_string().contains("not a regular file"), "{err}");
        }
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn jsonl_lines_are_decoded_one_by_one() {
        let src = b"\xef\xbb\xbf{\"id\":1,\"text\":\"a\"}\r\n\
            {\"id\":2,\"text\":\"caf\xc3\"}\n\
            {\"id\":3,\"text\":\"\\u0000 x\"}\n\
            {\"id\":4,\"text\":\"\0\"}\n";
        let items = read_from("c.jsonl", &src[..]);
        assert_eq!(items.len(), 4);
        assert_eq!(items[0].as_ref().unwrap().text, "a");
        let err = items[1].as_ref().unwrap_err();
        assert!(matches!(
            err,
            IngestError::LineNotUtf8 { line: 2, column: 20, .. }
        ));
        assert_eq!(
            err.to_string(),
            "c.jsonl:2: not valid UTF-8 (first bad byte at column 20)"
        );
        assert_eq!(items[2].as_ref().unwrap().text, "\0 x");
        let err = items[3].as_ref().unwrap_err();
        assert!(matches!(err, IngestError::Json { line: 4, .. }), "{err}");
    }

    /// The reader [`parse_record`] replaced, which parsed each line into
    /// a [`serde_json::Value`]: the reference the new one is held to.
    mod value_reader {
        use serde_json::{Map, Value};

        use super::super::{
            Document, IngestError, MAX_TEXT, Path, json_error,
            normalize_newlines, within,
        };

        /// Parses line number `line` of a JSONL file.
        pub(super) fn parse_record(
            path: &Path,
            line: usize,
            src: &str,
        ) -> Result<Document, IngestError> {
            let value: Value = serde_json::from_str(src)
                .map_err(|e| json_error(path, line, &e))?;
            let Value::Object(map) = &value else {
                let found = kind(&value);
                return Err(IngestError::NotObject {
                    path: path.into(),
                    line,
                    found,
                });
            };
            let rec = Record { path, line, map };
            let doc = Document {
                id: rec.id()?,
                text: rec.text()?,
                title: rec.optional("title")?,
                url: rec.optional("url")?,
                date: rec.optional("date")?,
                publisher: rec.optional("publisher")?,
            };
            within(path, Some(line), doc, MAX_TEXT)
        }

        /// How a JSON value is named in error messages.
        fn kind(value: &Value) -> &'static str {
            match value {
                Value::Null => "null",
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number",
                Value::String(s) if s.is_empty() => "an empty string",
                Value::String(_) => "a string",
                Value::Array(_) => "an array",
                Value::Object(_) => "an object",
            }
        }

        /// One parsed JSONL record with the place it came from.
        struct Record<'a> {
            /// The file.
            path: &'a Path,
            /// The 1-based line number.
            line: usize,
            /// The record's fields.
            map: &'a Map<String, Value>,
        }

        impl Record<'_> {
            /// The `id` field: a non-empty string, or a number written out.
            fn id(&self) -> Result<String, IngestError> {
                match self.map.get("id") {
                    None => Err(self.missing("id")),
                    Some(Value::String(s)) if !s.trim().is_empty() => {
                        Ok(s.clone())
                    }
                    Some(Value::Number(n)) => Ok(n.to_string()),
                    Some(v) => Err(self.wrong(
                        "id",
                        "a non-empty string or a number",
                        v,
                    )),
                }
            }

            /// The `text` field, with line endings made LF (see
            /// [`normalize_newlines`]).
            fn text(&self) -> Result<String, IngestError> {
                match self.map.get("text") {
                    None => Err(self.missing("text")),
                    Some(Value::String(s)) => {
                        Ok(normalize_newlines(s.clone()))
                    }
                    Some(v) => Err(self.wrong("text", "a string", v)),
                }
            }

            /// An optional string field; null and "" count as absent.
            fn optional(
                &self,
                field: &'static str,
            ) -> Result<Option<String>, IngestError> {
                match self.map.get(field) {
                    None | Some(Value::Null) => Ok(None),
                    Some(Value::String(s)) => {
                        Ok(Some(s.clone()).filter(|s| !s.is_empty()))
                    }
                    Some(v) => Err(self.wrong(field, "a string", v)),
                }
            }

            /// The error for a missing `field`.
            fn missing(&self, field: &'static str) -> IngestError {
                let (path, line) = (self.path.to_path_buf(), self.line);
                IngestError::MissingField { path, line, field }
            }

            /// The error for a `field` holding `value` instead of `expected`.
            fn wrong(
                &self,
                field: &'static str,
                expected: &'static str,
                value: &Value,
            ) -> IngestError {
                let (path, line, found) =
                    (self.path.to_path_buf(), self.line, kind(value));
                IngestError::WrongType { path, line, field, expected, found }
            }
        }
    }

    /// Whole entries of a record, each after a comma, for
    /// [`jsonl_records_read_as_a_value_reads_them`].
    #[rustfmt::skip]
    const ENTRIES: &[&str] = &[
        r#","id": "a""#, r#","id": "  ""#, r#","id": """#, r#","id": 7"#,
        r#","id": -0"#, r#","id": -12"#, r#","id": 8.5"#, r#","id": 1e2"#,
        r#","id": 1E+2"#, r#","id": 0.1e-7"#, r#","id": -0.0"#,
        r#","id": 18446744073709551615"#, r#","id": 18446744073709551616"#,
        r#","id": 123456789012345678901234567890"#, r#","id": null"#,
        r#","id": true"#, r#","id": [1, "x"]"#, r#","id": {"a": 1}"#,
        r#","id": "caf\u00e9""#, r#","\u0069d": "escaped key""#,
        r#","text": "One\r\ntwo\rthree""#, r#","text": "plain""#,
        r#","text": """#, r#","text": "\u0000 x""#, r#","text": 3"#,
        r#","text": null"#, r#","text": false"#, r#","text": {}"#,
        r#","text": "\ud83d\ude00 \"q\" \\ \/ \b\f\t""#,
        r#","title": "T""#, r#","title": """#, r#","title": null"#,
        r#","title": false"#, r#","title": 2"#, r#","url": "u""#,
        r#","url": []"#, r#","url": null"#, r#","date": "2024""#,
        r#","date": 2024"#, r#","date": """#, r#","publisher": "P""#,
        r#","publisher": {"name": "P"}"#, r#","publisher": null"#,
        r#","annotator": "x""#, r#","extra": [1, [2, {"a": [null]}]]"#,
        r#","attributions": [{"eid": "E1", "source": [89, 106]}]"#,
        r#","z": "\ud800""#, r#","z": 1e400"#, r#","z": -1e400"#,
        r#","z": "\ud800\udc00""#, r#","z": "\x""#, r#","z": tru"#,
        r#","z": [1,]"#, r#", "z" : { "y" : "\u12" }"#, r#","z": 01"#,
        r#","z": "	""#, r#","id": "a\udc00""#, r#","text": "b\ud800""#,
        r#","title": 1e400"#, r#","title": "\q""#, r#",1: 2"#, r#",,"#,
        r#","id""#, " ,\"text\" :\"spaced\" ",
    ];

    /// Pieces of JSON in any order, mostly not JSON at all.
    #[rustfmt::skip]
    const FRAGMENTS: &[&str] = &[
        "{", "}", "[", "]", ",", ":", " ", r#""id""#, r#""text""#,
        r#""title""#, r#""x""#, "\"", "1", "-", ".", "e", "null", "true",
        r#""\ud800""#, "1e400", r#""\u00e9""#, "\\", "é", "\t", "\r",
    ];

    #[test]
    fn jsonl_records_read_as_a_value_reads_them() {
        let path = Path::new("r.jsonl");
        let mut lines: Vec<String> = crate::model::random_texts(
            ENTRIES,
            30_000,
            7,
            0x9e37_79b9_7f4a_7c15,
        )
        .into_iter()
        .map(|entries| format!("{{{}}}", &entries[1..]))
        .collect();
        lines.extend(crate::model::random_texts(
            FRAGMENTS,
            30_000,
            12,
            0x2545_f491_4f6c_dd1d,
        ));
        let nested = |n: usize, open: &str, close: &str| {
            format!(
                "{{\"id\": 1, \"text\": \"t\", \"z\": {}{}}}",
                open.repeat(n),
                close.repeat(n)
            )
        };
        for n in [126, 127, 128, 200] {
            lines.push(nested(n, "[", "]"));
            lines.push(nested(n, "{\"a\":", "}").replace(":}", ":1}"));
        }
        #[rustfmt::skip]
        lines.extend([
            "null", "true", "1", "-1", "1.5", "1e400", r#""""#, r#""s""#,
            "[]", "[1, [2]]", "{}", "{} x", "{},", " {} ", "",
            r#"{"id": "a", "text": "x"} x"#, r#"{"id": "a", "text": "x",}"#,
            r#"{"id": "a", "id": "b", "text": "x"}"#,
            r#"{"id": [1], "id": "b", "text": "x"}"#,
            r#"{"id": "b", "id": {}, "text": "x"}"#,
            r#"{"text": "x", "text": null, "id": 1}"#,
            r#"{"title": 1, "title": null, "id": 1, "text": ""}"#,
            r#"{"id": 1, "text": "x", "z": "\ud800"}"#,
        ].map(String::from));
        let mut differing = Vec::new();
        let mut kinds = std::collections::BTreeSet::new();
        for (i, src) in lines.iter().enumerate() {
            let new = parse_record(path, i + 1, src);
            let old = value_reader::parse_record(path, i + 1, src);
            let (new, old) = (format!("{new:?}"), format!("{old:?}"));
            kinds.insert(
                old.split(['(', ' ', '{']).take(2).collect::<String>(),
            );
            if new != old {
                differing.push((src, old, new));
            }
        }
        assert!(
            differing.is_empty(),
            "{:#?}",
            &differing[..differing.len().min(5)]
        );
        // Every outcome is among those met: documents and each error.
        for kind in [
            "OkDocument",
            "ErrJson",
            "ErrNotObject",
            "ErrMissingField",
            "ErrWrongType",
        ] {
            assert!(kinds.contains(kind), "{kind} not met: {kinds:?}");
        }
    }

    /// Files for the folder walk: supported, unsupported and hidden.
    const TREE: &str = "b.txt a/z.md a/y.HTML a/sub/x.jsonl c.pdf \
        a/notes.docx .hidden.txt a/.git/HEAD.txt m.htm a.markdown";

    #[test]
    fn collect_walks_folders_sorted_and_skips_unsupported() {
        let dir = scratch("walk");
        for rel in TREE.split_whitespace() {
            write(&dir, rel, b"x");
        }
        let extra = dir.join("b.txt");
        let files = collect_inputs(&[dir.clone(), extra]).unwrap();
        let rel: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(&dir).unwrap().display().to_string())
            .collect();
        // Path order: the folder `a` sorts before the file `a.markdown`.
        let want = "a/sub/x.jsonl a/y.HTML a/z.md a.markdown b.txt m.htm";
        assert_eq!(rel, want.split(' ').collect::<Vec<_>>());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn collect_reports_bad_paths() {
        let dir = scratch("bad-paths");
        let pdf = write(&dir, "doc.pdf", b"%PDF");
        let err = collect_inputs(std::slice::from_ref(&pdf)).unwrap_err();
        assert!(matches!(err, IngestError::Unsupported { .. }));
        assert!(
            err.to_string()
                .starts_with(&format!("{}: unsupported", pdf.display()))
        );
        let missing = dir.join("missing.txt");
        let err = collect_inputs(std::slice::from_ref(&missing)).unwrap_err();
        assert!(matches!(err, IngestError::Io { .. }));
        let shown = err.to_string();
        assert!(shown.starts_with(&format!("{}: ", missing.display())));
        assert!(std::error::Error::source(&err).is_none());
        let empty = dir.join("empty");
        fs::create_dir(&empty).unwrap();
        let err = collect_inputs(&[empty]).unwrap_err();
        assert!(matches!(err, IngestError::NoInput { .. }));
        assert!(matches!(
            &read_file(&pdf)[0],
            Err(IngestError::Unsupported { .. })
        ));
        assert!(matches!(
            &read_file(&missing)[0],
            Err(IngestError::Io { .. })
        ));
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn read_inputs_stops_or_keeps_going() {
        let dir = scratch("inputs");
        let a = write(
            &dir,
            "a.jsonl",
            b"{\"id\":1,\"text\":\"x\"}\nnope\n{\"id\":2,\"text\":\"y\"}\n",
        );
        let b = write(&dir, "b.txt", b"plain");
        let files = [a, b];
        let err = read_inputs(&files, false).unwrap_err();
        assert!(matches!(err, IngestError::Json { line: 2, .. }));
        let all = read_inputs(&files, true).unwrap();
        let ids: Vec<&str> =
            all.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "b"]);
        assert_eq!(all.errors.len(), 1);
        fs::remove_dir_all(dir).unwrap();
    }
}
