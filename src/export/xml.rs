//! Escaping text for XML and HTML, shared by the GraphML, GEXF and HTML
//! exporters.
//!
//! Every piece of graph text goes through [`text`] or [`attr`] before it
//! is written, so a quote from an article can never open a tag, end an
//! attribute or smuggle in a script. Characters XML 1.0 forbids (most
//! control characters) are dropped rather than written.

/// `s` escaped for element content.
pub(crate) fn text(s: &str) -> String {
    escape(s, false)
}

/// `s` escaped for a double- or single-quoted attribute value; line
/// breaks and tabs are written as character references so that parsers
/// keep them instead of folding them to spaces.
pub(crate) fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' if in_attr => out.push_str("&#10;"),
            '\r' if in_attr => out.push_str("&#13;"),
            '\t' if in_attr => out.push_str("&#9;"),
            '\n' | '\r' | '\t' => out.push(c),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// True for the characters XML 1.0 allows in a document.
fn allowed(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}')
        && !matches!(c, '\u{fffe}' | '\u{ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            text("<b>\"A & B\"</b> 'c'"),
            "&lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt; &#39;c&#39;"
        );
    }

    #[test]
    fn attributes_keep_line_breaks() {
        assert_eq!(attr("a\nb\tc"), "a&#10;b&#9;c");
        assert_eq!(text("a\nb"), "a\nb");
    }

    #[test]
    fn forbidden_characters_are_dropped() {
        assert_eq!(text("a\u{0}b\u{1b}c\u{fffe}"), "abc");
        assert_eq!(text("é “x” 😀"), "é “x” 😀");
    }
}
