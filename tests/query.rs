use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

use crate::util::{root, stderr, stdout, workdir};

/// A folder holding a copy of `data/` and the seeds' graph built from it
/// in `graphs/`, as the README's examples expect; built once and shared.
fn seeds_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = workdir("query-seeds");
        copy_dir(&root().join("data"), &dir.join("data"));
        let out = query_in(&dir, &["build", "--quiet"]);
        assert!(out.status.success(), "build: {}", stderr(&out));
        dir
    })
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// Runs the binary in `dir` with a fixed terminal width.
fn query_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .current_dir(dir)
        .env("COLUMNS", "100")
        .output()
        .unwrap()
}

/// Runs the binary on the seeds' graph (the default `--graph`).
fn query(args: &[&str]) -> Output {
    query_in(seeds_dir(), args)
}

/// Runs a command with `--format json` and parses its output.
fn query_json(args: &[&str]) -> Value {
    let args: Vec<&str> =
        args.iter().copied().chain(["--format", "json"]).collect();
    let out = query(&args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// Splits CSV text into records of fields, RFC 4180 style.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (vec![], vec![], String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted && field.is_empty() && row.is_empty(), "{text}");
    rows
}

/// Runs a command with `--format csv`; checks the header and that every
/// record has as many fields.
fn query_csv(args: &[&str], header: &[&str]) -> Vec<Vec<String>> {
    let args: Vec<&str> =
        args.iter().copied().chain(["--format", "csv"]).collect();
    let out = query(&args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    let rows = parse_csv(&stdout(&out));
    assert_eq!(rows[0], header, "{args:?}");
    assert!(rows.len() > 1, "{args:?}: no records");
    assert!(rows.iter().all(|r| r.len() == header.len()), "{args:?}");
    rows
}

const REPORT_HEADER: [&str; 16] = [
    "claim",
    "claim_text",
    "actor_id",
    "actor",
    "class",
    "cue",
    "document",
    "publisher",
    "start",
    "end",
    "text",
    "direct",
    "rule",
    "counterclaims",
    "verdicts",
    "sources",
];

const DENIAL: &str = "we don’t produce fentanyl";

/// The claims of a JSON list whose text, or a report's text, contains
/// `words`.
fn with_text<'a>(list: &'a Value, words: &str) -> Vec<&'a Value> {
    let has = |v: &Value| v["text"].as_str().unwrap().contains(words);
    let list = list.as_array().unwrap();
    list.iter()
        .filter(|c| has(c) || c["reports"].as_array().unwrap().iter().any(has))
        .collect()
}

#[test]
fn who_said_finds_words_without_case_or_accents() {
    let out = query(&["who-said", "FENTANYL", "produce"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(DENIAL), "{}", stdout(&out));
    let list = query_json(&["who-said", "lopez obrador"]);
    let hits = with_text(&list, "López Obrador");
    assert!(!hits.is_empty(), "accents are optional: {list}");
    let list = query_json(&["who-said", "dont", "produce"]);
    let denial = with_text(&list, DENIAL)[0];
    let reports = denial["reports"].as_array().unwrap();
    let report = reports
        .iter()
        .find(|r| r["document"] == "003_526864c1977376da")
        .expect("the quote in 003 is one of the denial's reports");
    let name = report["actor"]["name"].as_str().unwrap();
    assert!(name.contains("López Obrador"), "{report}");
    assert!(report["cue"].is_string() && report["rule"].is_string());
    assert_eq!(report["span"].as_array().unwrap().len(), 2);
    let counters = denial["counterclaims"].as_array().unwrap();
    assert!(counters.iter().any(|c| c["actor"]["name"] == "Anne Milgram"));
}

#[test]
fn who_said_regex_and_csv() {
    let list = query_json(&["who-said", "--regex", r"produc(e|es) fentanyl"]);
    assert!(!with_text(&list, DENIAL).is_empty());
    assert!(!with_text(&list, "Mexico produces fentanyl").is_empty());
    let rows = query_csv(&["who-said", "fentanyl", "produce"], &REPORT_HEADER);
    assert!(rows.iter().any(|r| r[1].contains(DENIAL)));
    let out = query(&["who-said", "--regex", "(unclosed"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("regular expression"), "{}", stderr(&out));
}

#[test]
fn who_said_without_matches_exits_1() {
    let out = query(&["who-said", "zeppelin", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&out)).unwrap(),
        "[]".parse::<Value>().unwrap()
    );
    let out = query(&["who-said", "zeppelin", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(parse_csv(&stdout(&out)), [REPORT_HEADER]);
}

#[test]
fn claims_by_an_accentless_name_lists_the_denial() {
    let out = query(&["claims", "--by", "Lopez Obrador"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(DENIAL), "{text}");
    let list = query_json(&["claims", "--by", "lópez-obrador"]);
    let denial = with_text(&list, DENIAL)[0];
    // The quote in one article and the paraphrase in another are one
    // claim with a report in each.
    let reports = denial["reports"].as_array().unwrap();
    let words = |r: &Value| r["text"].as_str().unwrap().to_string();
    let texts: Vec<String> = reports.iter().map(words).collect();
    assert!(texts.len() >= 2, "{denial}");
    assert!(texts.iter().any(|t| t.contains("Mexico produces fentanyl")));
    let rows = query_csv(&["claims", "--by", "Lopez Obrador"], &REPORT_HEADER);
    assert!(rows.iter().any(|r| r[1].contains(DENIAL)));
}

#[test]
fn claims_by_an_actor_id() {
    let list = query_json(&["claims", "--by", "actor:anne-milgram"]);
    let list = list.as_array().unwrap();
    assert!(!list.is_empty());
    for claim in list {
        let reports = claim["reports"].as_array().unwrap();
        assert!(
            reports.iter().any(|r| r["actor"]["id"] == "actor:anne-milgram"),
            "{claim}"
        );
    }
}

/// Two people who share a surname, and nobody called by it alone.
const TWO_CLINTONS: &str = "\
Bill Clinton said the plan works.

Hillary Clinton said the plan fails.
";

#[test]
fn an_ambiguous_name_lists_the_candidates() {
    let dir = workdir("query-clintons");
    fs::create_dir_all(dir.join("data")).unwrap();
    fs::write(dir.join("data/story.txt"), TWO_CLINTONS).unwrap();
    assert!(query_in(&dir, &["build", "--quiet"]).status.success());
    let out = query_in(&dir, &["claims", "--by", "Clinton"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("actor:bill-clinton"), "{text}");
    assert!(text.contains("actor:hillary-clinton"), "{text}");
    assert!(stderr(&out).contains("by its id"), "{}", stderr(&out));
    let out = query_in(&dir, &["actor", "clinton", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<&str> = v["ambiguous"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["actor:bill-clinton", "actor:hillary-clinton"]);
    let out = query_in(&dir, &["actor", "Hillary Clinton"]);
    assert_eq!(out.status.code(), Some(0), "the full name is enough");
}

#[test]
fn an_unknown_name_exits_1() {
    for args in [
        &["claims", "--by", "Nobody Atall"][..],
        &["actor", "Nobody Atall"],
        &["claim", "claim:ffffffffffffffff"],
        &["trace", "Nobody Atall", "Feeley"],
    ] {
        let out = query(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains("no "), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn actor_profile_in_every_format() {
    let out = query(&["actor", "anne milgram"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("DEA Administrator Anne Milgram"), "{text}");
    assert!(text.contains("contradicted by"), "{text}");
    let v = query_json(&["actor", "Anne Milgram"]);
    assert_eq!(v["id"], "actor:anne-milgram");
    assert_eq!(v["kind"], "person");
    assert!(!v["aliases"].as_array().unwrap().is_empty());
    assert!(!v["claims"].as_array().unwrap().is_empty());
    let against = v["contradicted_by"].as_array().unwrap();
    let names: Vec<&Value> =
        against.iter().map(|o| &o["actor"]["name"]).collect();
    assert!(names.iter().any(|n| n.as_str().unwrap().contains("Obrador")));
    let link = &against[0]["links"][0];
    for key in ["claim", "counterclaim", "document", "span", "rule"] {
        assert!(!link[key].is_null(), "{key} missing: {link}");
    }
    let rows =
        query_csv(&["actor", "Anne Milgram"], &["field", "id", "value"]);
    assert_eq!(rows[1], ["actor", "actor:anne-milgram", "Anne Milgram"]);
}

#[test]
fn claim_shows_every_report_by_id_or_prefix() {
    let list = query_json(&["who-said", "dont", "produce"]);
    let id = with_text(&list, DENIAL)[0]["id"].as_str().unwrap().to_string();
    let v = query_json(&["claim", &id]);
    assert_eq!(v["id"], id.as_str());
    let prefix = &id["claim:".len()..id.len() - 6];
    let by_prefix = query_json(&["claim", prefix]);
    assert_eq!(by_prefix, v);
    let report = &v["reports"][0];
    for key in
        ["document", "span", "text", "rule", "cue", "actor", "publisher"]
    {
        assert!(report.get(key).is_some(), "{key} missing: {report}");
    }
    assert!(!v["counterclaims"].as_array().unwrap().is_empty());
    let out = query(&["claim", prefix]);
    let text = stdout(&out);
    assert!(text.contains("reports: ") && text.contains("counterclaims: "));
    let rows = query_csv(&["claim", &id], &REPORT_HEADER);
    assert_eq!(rows[1][0], id);
}

#[test]
fn claim_with_a_prefix_of_several_lists_them() {
    let out = query(&["claim", "claim:"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).lines().count() > 3, "{}", stdout(&out));
}

#[test]
fn trace_links_two_actors() {
    let v = query_json(&["trace", "Lopez Obrador", "Anne Milgram"]);
    let chains = v["chains"].as_array().unwrap();
    assert!(!chains.is_empty(), "{v}");
    let hops = v["hops"].as_u64().unwrap() as usize;
    assert!(v["total"].as_u64().unwrap() as usize >= chains.len());
    for chain in chains {
        let nodes = chain["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), hops + 1);
        assert!(nodes[0]["label"].as_str().unwrap().contains("Obrador"));
        assert_eq!(nodes[hops]["id"], "actor:anne-milgram");
        for hop in chain["hops"].as_array().unwrap() {
            assert!(!hop["documents"].as_array().unwrap().is_empty());
        }
    }
    let out = query(&["trace", "Lopez Obrador", "Anne Milgram"]);
    assert!(stdout(&out).contains("shortest chain"), "{}", stdout(&out));
    let header = [
        "chain",
        "hop",
        "from",
        "edge",
        "direction",
        "to",
        "documents",
        "start",
        "end",
        "rule",
        "text",
    ];
    query_csv(&["trace", "Feeley", "actor:anne-milgram"], &header);
    let v =
        query_json(&["trace", "Feeley", "actor:anne-milgram", "--limit", "1"]);
    assert_eq!(v["chains"].as_array().unwrap().len(), 1);
}

#[test]
fn stats_agree_with_the_build_summary() {
    let v = query_json(&["stats"]);
    assert_eq!(v["nodes"]["document"], 5);
    let edges: u64 = v["edges"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    let claims: u64 = docs.iter().map(|d| d["claims"].as_u64().unwrap()).sum();
    assert!(claims >= v["nodes"]["claim"].as_u64().unwrap());
    let dir = workdir("query-stats");
    let out =
        query_in(&root(), &["build", "data", "--out", dir.to_str().unwrap()]);
    let summary = stdout(&out);
    assert!(summary.contains(&format!("{edges} edges")), "{summary}");
    let rows = query_csv(&["stats"], &["scope", "what", "kind", "count"]);
    assert!(rows.contains(&vec![
        "all".to_string(),
        "node".into(),
        "document".into(),
        "5".into()
    ]));
    let text = stdout(&query(&["stats"]));
    // The table may shorten a long id to fit the terminal.
    assert!(text.contains("003_526864c19"), "{text}");
}

#[test]
fn a_missing_graph_is_an_error_that_names_it() {
    for args in [
        &["who-said", "fentanyl"][..],
        &["claims", "--by", "Feeley"],
        &["actor", "Feeley"],
        &["claim", "abc"],
        &["trace", "Feeley", "Barr"],
        &["stats"],
    ] {
        let mut args = args.to_vec();
        args.extend(["--graph", "no/such/graph.ron"]);
        let out = query(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("no/such/graph.ron"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn tables_fit_a_narrow_terminal() {
    for args in [
        &["who-said", "fentanyl"][..],
        &["claims", "--by", "Lopez Obrador"],
        &["actor", "Anne Milgram"],
        &["claim", "claim:3"],
        &["trace", "Lopez Obrador", "Anne Milgram"],
        &["stats"],
        &["actors"],
        &["contradictions"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
            .args(args)
            .current_dir(seeds_dir())
            .env("COLUMNS", "60")
            .output()
            .unwrap();
        let text = stdout(&out);
        assert!(!text.is_empty(), "{args:?}");
        for line in text.lines() {
            assert!(line.chars().count() <= 60, "{args:?}: {line}");
        }
    }
}

/// The query commands the README documents; its examples of these run
/// as shown.
const QUERY_COMMANDS: [&str; 6] =
    ["who-said", "claims", "actor", "claim", "trace", "stats"];

/// Splits a shell command line on spaces, honouring quotes.
fn shell_words(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quote) = (vec![], String::new(), None);
    let mut in_word = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, ' ') if in_word => {
                words.push(std::mem::take(&mut word));
                in_word = false;
            }
            (None, ' ') => {}
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// Every `$ claimgraph <query command> …` line of the README's console
/// blocks, with the output shown under it.
fn readme_examples() -> Vec<(String, String)> {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let mut examples: Vec<(String, String)> = Vec::new();
    let mut in_console = false;
    let mut current: Option<usize> = None;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_console = line == "```console";
            current = None;
        } else if !in_console {
        } else if let Some(cmd) = line.strip_prefix("$ ") {
            current = None;
            let words = shell_words(cmd);
            if words[0] == "claimgraph"
                && QUERY_COMMANDS.contains(&words[1].as_str())
            {
                examples.push((cmd.to_string(), String::new()));
                current = Some(examples.len() - 1);
            }
        } else if let Some(i) = current {
            examples[i].1.push_str(line);
            examples[i].1.push('\n');
        }
    }
    examples
}

/// Lines with trailing spaces dropped, and no blank lines at the end.
fn normalise(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end().to_string()
}

#[test]
fn readme_query_examples_run_as_shown() {
    let examples = readme_examples();
    assert!(
        examples
            .iter()
            .any(|(c, _)| c.contains("claims --by \"Lopez Obrador\"")),
        "the README shows claims --by \"Lopez Obrador\""
    );
    for (cmd, shown) in examples {
        let words = shell_words(&cmd);
        let args: Vec<&str> = words[1..].iter().map(String::as_str).collect();
        let out = query(&args);
        assert_ne!(out.status.code(), Some(2), "{cmd}: {}", stderr(&out));
        assert_eq!(
            normalise(&stdout(&out)),
            normalise(&shown),
            "README example `{cmd}` shows other output"
        );
    }
}

#[test]
fn shell_words_honour_quotes() {
    assert_eq!(
        shell_words(r#"claimgraph claims --by "Lopez Obrador" x 'a b'"#),
        ["claimgraph", "claims", "--by", "Lopez Obrador", "x", "a b"]
    );
}
