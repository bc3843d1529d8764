//! Writing answers: lines that fit the terminal, CSV rows, JSON.
//!
//! Tables are for people: every line is cut to the terminal's width
//! (`COLUMNS`, or 100 when it is unset) with "…", and long text that must
//! be read whole is wrapped instead. CSV is RFC 4180: a header row, and
//! fields with a comma, a quote or a line break quoted, quotes doubled.
//! Records end with "\n", as most Unix tools expect.

use std::io::{self, Write};

use serde_json::Value;

/// The width tables are cut to: `COLUMNS`, else 100, never below 40.
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .unwrap_or(100)
        .max(40)
}

pub use crate::cli::text::clip;

/// `text` padded with spaces, or clipped, to exactly `width` characters.
pub fn cell(text: &str, width: usize) -> String {
    let text = clip(text, width);
    let pad = width - text.chars().count();
    format!("{text}{}", " ".repeat(pad))
}

/// A table's lines, each cut to the terminal's width.
pub struct Screen<W: Write> {
    out: W,
    width: usize,
}

impl<W: Write> Screen<W> {
    /// A screen `terminal_width()` wide writing to `out`.
    pub fn new(out: W) -> Screen<W> {
        Screen { out, width: terminal_width() }
    }

    /// The screen's width in characters.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Writes `line`, cut to the width with "…"; trailing spaces are
    /// dropped.
    pub fn line(&mut self, line: &str) -> io::Result<()> {
        let line = line.trim_end();
        if line.chars().count() <= self.width {
            return writeln!(self.out, "{line}");
        }
        let cut: String = line.chars().take(self.width - 1).collect();
        writeln!(self.out, "{}…", cut.trim_end())
    }

    /// Writes `prefix` and `text`, wrapped at word boundaries to the
    /// width; lines after the first are indented as far as `prefix` is
    /// long.
    pub fn wrapped(&mut self, prefix: &str, text: &str) -> io::Result<()> {
        let indent = " ".repeat(prefix.chars().count());
        let room = self.width.saturating_sub(indent.len()).max(20);
        let mut lead = prefix;
        let mut line = String::new();
        for word in text.split_whitespace() {
            let needed = line.chars().count() + 1 + word.chars().count();
            if !line.is_empty() && needed > room {
                self.line(&format!("{lead}{line}"))?;
                lead = &indent;
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        if !line.is_empty() {
            self.line(&format!("{lead}{line}"))?;
        }
        Ok(())
    }
}

/// Writes one CSV record.
pub fn csv_row<S: AsRef<str>>(
    out: &mut impl Write,
    fields: &[S],
) -> io::Result<()> {
    let quoted: Vec<String> =
        fields.iter().map(|f| csv_field(f.as_ref())).collect();
    writeln!(out, "{}", quoted.join(","))
}

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Writes `value` as pretty JSON and a line break.
pub fn json(out: &mut impl Write, value: &Value) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// A span as `start-end`.
pub fn span<T: std::fmt::Display>(span: [T; 2]) -> String {
    format!("{}-{}", span[0], span[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let mut out = Vec::new();
        csv_row(&mut out, &["a", "b,c", "say \"no\"", "x\ny"]).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "a,\"b,c\",\"say \"\"no\"\"\",\"x\ny\"\n");
    }

    #[test]
    fn clip_and_cell_fit_their_width() {
        assert_eq!(clip("López   Obrador said", 10), "López Obr…");
        assert_eq!(clip("short", 10), "short");
        assert_eq!(cell("ab", 4), "ab  ");
        assert_eq!(cell("abcdef", 4).chars().count(), 4);
    }

    #[test]
    fn screen_lines_never_pass_the_width() {
        let mut buf = Vec::new();
        let mut s = Screen { out: &mut buf, width: 40 };
        s.line(&"x".repeat(60)).unwrap();
        s.wrapped("  ", &"word ".repeat(30)).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        assert!(text.lines().count() > 3);
    }
}
