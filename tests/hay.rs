/// A split quotation, a pronoun speaker and reported speech.
pub const SPLIT_QUOTE: &str = "\
“We have a watershed here,” Feeley said. “Yet we have almost none.”

Last week, he told reporters that the talks had failed.
";

/// Two people who share a surname, then the surname alone.
pub const SHARED_SURNAME: &str = "\
Bill Clinton said the plan works.

Hillary Clinton said the plan fails.

Clinton said nothing would change.
";

/// A JSONL crawl dump: one good line, one bad line, one missing its id.
pub const JSONL_WITH_ERRORS: &str = concat!(
    r#"{"id": "good", "text": "Anne Milgram said the cartels make pills.", "publisher": "Example News"}"#,
    "\n",
    r#"{"id": "broken", "text": "#,
    "\n",
    r#"{"text": "No id here."}"#,
    "\n",
);
