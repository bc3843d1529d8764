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

/// One person written four ways, in four articles.
pub const LOPEZ_OBRADOR_SPELLINGS: [&str; 4] = [
    "Mexican President Andrés Manuel López Obrador said the border is safe.",
    "Lopez Obrador said the talks went well.",
    "“We don’t produce fentanyl,” López-Obrador said.",
    "López Obrador’s spokesman spoke. López Obrador said nothing changed.",
];

/// An acronym defined in one article and used alone in another.
pub const ACRONYM_DEFINED: &str = "\
The Drug Enforcement Administration (DEA) tracks the cartels that make the
pills.
";

/// The acronym of [`ACRONYM_DEFINED`], undefined here.
pub const ACRONYM_USED: &str = "\
The DEA said the pills cost 10 cents to make.
";

/// An unnamed official, as two unrelated articles describe one.
pub const ANONYMOUS_OFFICIAL: &str = "\
A senior administration official said the talks would resume.
";

/// A surname with a title, as two unrelated articles use one.
pub const MR_SMITH: &str = "\
Mr. Smith said the factory would close.
";

/// An article that names its publisher at the end.
pub const ORIGINALLY_PUBLISHED: &str = "\
Anne Milgram said the cartels make the pills.

Originally published by the New York Post
";
