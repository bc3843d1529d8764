//! Hostile inputs through the binary: broken encodings, binary files,
//! empty files, huge lines, floods of quotation marks, malformed JSONL,
//! corrupt graphs, a held lock. Every input is generated here, at test
//! time, into a fresh folder; none is committed.
//!
//! Each case checks the exit code and that the message names the file
//! (and the line, for JSONL), and that `--keep-going` skips what is bad
//! and still builds from what is good. Nothing here is timed: the inputs
//! that once took minutes (see the commits on segment, extract and
//! resolve) are run so that a return to quadratic work shows as a test
//! that does not finish.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

use claimgraph::store::{StoreError, load};
use claimgraph::{Document, Edge, build_graph, extract_document, segment};

use crate::hay;
use crate::util::{have_dot, stderr, stdout, workdir};

/// Runs the binary with `args` in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// `claimgraph build INPUT... --out out` in `dir`, plus `extra` flags.
fn build(dir: &Path, inputs: &[&str], extra: &[&str]) -> Output {
    let mut args = vec!["build"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["--out", "out"]);
    args.extend_from_slice(extra);
    run_in(dir, &args)
}

/// Writes `bytes` to `dir/name` and returns the name.
fn put<'n>(dir: &Path, name: &'n str, bytes: &[u8]) -> &'n str {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
    name
}

/// Asserts a run failed with exit code 2 and every `parts` in stderr.
fn assert_fails(out: &Output, parts: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    for part in parts {
        assert!(err.contains(part), "{part:?} not in: {err}");
    }
}

/// Asserts a run succeeded and built a graph of `documents` documents.
fn assert_built(out: &Output, documents: usize) {
    assert!(out.status.success(), "stderr: {}", stderr(out));
    let want = format!("built graph: {documents} documents");
    assert!(stdout(out).starts_with(&want), "{}", stdout(out));
}

/// An article that always gives one attribution.
const GOOD: &str = "“We will not raise taxes,” Ana López said.\n";

/// Bad files, each with what its error must say after the file's name.
fn bad_files() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let mut utf16 = vec![0xff, 0xfe];
    for unit in "He said it.".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec();
    vec![
        (
            "latin1.txt",
            b"caf\xe9 au lait, said Ann.".to_vec(),
            ": not valid UTF-8 (first bad byte at offset 3)",
        ),
        ("image.txt", png, ": not a text file: NUL byte at offset 8"),
        ("nul.md", b"He said\0 it.".to_vec(), ": not a text file: NUL byte"),
        ("utf16.txt", utf16, ": not a text file: NUL byte at offset 3"),
        (
            "cut.html",
            b"<p>caf\xc3".to_vec(),
            ": not valid UTF-8 (first bad byte at offset 6)",
        ),
        ("scan.pdf", b"%PDF-1.4".to_vec(), ": unsupported file type"),
    ]
}

#[test]
fn each_bad_file_is_refused_naming_it() {
    for (name, bytes, says) in bad_files() {
        let dir = workdir("bad-file");
        put(&dir, name, &bytes);
        let out = build(&dir, &[name], &[]);
        assert_fails(&out, &[&format!("{name}{says}")]);
        assert!(!dir.join("out/graph.ron").exists(), "{name}");
        let out = run_in(&dir, &["attributions", name]);
        assert_fails(&out, &[name]);
    }
}

#[test]
fn empty_files_are_skipped_with_a_warning() {
    let dir = workdir("empty");
    put(&dir, "empty.txt", b"");
    put(&dir, "blank.md", " \n\t\r\n \u{a0}\r\n".as_bytes());
    put(&dir, "scripts.html", b"<script>x()</script><style>p{}</style>");
    let out = build(&dir, &["empty.txt", "blank.md", "scripts.html"], &[]);
    assert_fails(
        &out,
        &[
            "empty.txt: no text; skipped",
            "blank.md: no text; skipped",
            "scripts.html: no text; skipped",
            "no articles with text in the inputs given (0 skipped as bad, \
             3 empty)",
        ],
    );
    put(&dir, "good.txt", GOOD.as_bytes());
    let out = build(&dir, &["empty.txt", "good.txt"], &[]);
    assert_built(&out, 1);
    assert!(stderr(&out).contains("empty.txt: no text; skipped"));
}

#[test]
fn keep_going_skips_every_bad_file_and_builds_from_the_good() {
    let dir = workdir("keep-going");
    let bad = bad_files();
    for (name, bytes, _) in &bad {
        if !name.ends_with(".pdf") {
            put(&dir, &format!("in/{name}"), bytes);
        }
    }
    put(&dir, "in/good.txt", GOOD.as_bytes());
    put(&dir, "in/empty.txt", b"");
    let out = build(&dir, &["in"], &[]);
    // Folders are read in path order: cut.html comes first.
    assert_fails(&out, &["cut.html", "use --keep-going"]);
    let out = build(&dir, &["in", "--keep-going"], &[]);
    assert_built(&out, 1);
    let err = stderr(&out);
    for (name, _, says) in bad.iter().filter(|b| !b.0.ends_with(".pdf")) {
        let line = format!("claimgraph: skipping: in/{name}{says}");
        assert!(err.contains(&line), "{line:?} not in: {err}");
    }
    assert!(err.contains("in/empty.txt: no text; skipped"), "{err}");
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_not_read_forever() {
    let dir = workdir("pipes");
    put(&dir, "in/good.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink("/dev/zero", dir.join("in/zero.md")).unwrap();
    let fifo = Command::new("mkfifo").arg(dir.join("in/pipe.txt")).status();
    let have_fifo = fifo.is_ok_and(|s| s.success());
    let out = build(&dir, &["in"], &[]);
    let first = if have_fifo { "in/pipe.txt" } else { "in/zero.md" };
    assert_fails(&out, &[&format!("{first}: not a regular file")]);
    let out = build(&dir, &["in", "--keep-going"], &[]);
    assert_built(&out, 1);
    assert!(stderr(&out).contains("in/zero.md: not a regular file"));
}

#[test]
fn when_every_input_is_bad_the_previous_graph_stays() {
    let dir = workdir("all-bad");
    put(&dir, "good.txt", GOOD.as_bytes());
    assert_built(&build(&dir, &["good.txt"], &[]), 1);
    let before = fs::read(dir.join("out/graph.ron")).unwrap();
    put(&dir, "latin1.txt", b"caf\xe9");
    put(&dir, "empty.txt", b"");
    let out = build(&dir, &["latin1.txt", "empty.txt"], &["--keep-going"]);
    assert_fails(&out, &["latin1.txt", "(1 skipped as bad, 1 empty)"]);
    assert_eq!(fs::read(dir.join("out/graph.ron")).unwrap(), before);
}

/// Nasty but valid text: each file must build, and its graph must load.
fn hostile_texts() -> Vec<(&'static str, String)> {
    let phrase = "the minister of finance told nobody anything about the \
                  plan while officials say little and ";
    let mut long_line = phrase.repeat(5_000_000 / phrase.len() + 1);
    long_line.truncate(5_000_000);
    vec![
        ("long-line.txt", long_line),
        ("straight-quotes.txt", "\"".repeat(200_000)),
        ("curly-quotes.txt", "“".repeat(200_000)),
        ("mixed-quotes.txt", "“a” \"b\" ”c“ ".repeat(20_000)),
        ("unclosed.txt", "“He said it, Smith said. ".repeat(2_000)),
        ("unclosed-paragraphs.md", "“Never closed\n\n".repeat(20_000)),
        (
            "long-word.txt",
            format!("{} said the plan works.", "X".repeat(300_000)),
        ),
        (
            "but.txt",
            format!("Ann said it was {}.", "fine, but a ".repeat(50_000)),
        ),
        (
            "names.txt",
            "Acme Agency said it was fine. He said no. ".repeat(20_000),
        ),
        (
            "roles.txt",
            "Ann Lee, the spokesman, said it. The spokesman said no. "
                .repeat(10_000),
        ),
        (
            "disputes.txt",
            "Acme Agency falsely claimed the plan works. ".repeat(20_000),
        ),
        (
            "tags.html",
            format!(
                "{}{}Ann said the plan works.",
                "<a ".repeat(100_000),
                "<div>".repeat(100_000)
            ),
        ),
        (
            "script.html",
            format!("<p>x</p><script>{}", "</scrip".repeat(100_000)),
        ),
        ("entities.html", "&amp;&#x201C;&bogus;&#99999999;".repeat(50_000)),
        (
            "controls.txt",
            "Ann said \u{7}\u{1b}[31m it\u{8}.\u{c}\n".repeat(1_000),
        ),
        // Cited sources on one line: each once scanned its line and
        // every attribution (40,000 of the first took 182 s of CPU).
        ("reported.txt", "The New York Times reported ".repeat(10_000)),
        (
            "according.txt",
            "according to the National Center for Health Statistics \
             (NCHS) "
                .repeat(4_000),
        ),
    ]
}

#[test]
fn hostile_text_builds_and_its_graph_loads() {
    for (name, text) in hostile_texts() {
        let dir = workdir("hostile");
        put(&dir, name, text.as_bytes());
        let out = build(&dir, &[name], &["--quiet"]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let graph = load(&dir.join("out/graph.ron")).unwrap();
        assert_eq!(graph.counts().documents, 1, "{name}");
        // Some of these are megabytes; keep only the folders of failures.
        fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn a_huge_speaker_name_still_renders() {
    let dir = workdir("huge-name");
    let text = format!("{} said the plan works.", "X".repeat(300_000));
    put(&dir, "long-word.txt", text.as_bytes());
    assert_built(&build(&dir, &["long-word.txt"], &[]), 1);
    if have_dot() {
        assert!(dir.join("out/graph.svg").exists());
    }
}

#[test]
fn crlf_and_cr_read_like_lf_with_offsets_into_the_file() {
    // The same attributions whatever the line endings, each span pointing
    // at the same words of its own file: offsets count the file's code
    // points, CRs included, as the bench's scorer and a reader do.
    let dir = workdir("crlf");
    let lf_text = hay::SPLIT_QUOTE.to_string();
    let crlf_text = hay::SPLIT_QUOTE.replace('\n', "\r\n");
    let cr_text = hay::SPLIT_QUOTE.replace('\n', "\r");
    put(&dir, "lf.txt", lf_text.as_bytes());
    put(&dir, "crlf.txt", crlf_text.as_bytes());
    put(&dir, "cr.txt", cr_text.as_bytes());
    // Each attribution's rule, actor, and the words at its spans.
    let read = |name, text: &str| {
        let out = run_in(&dir, &["attributions", name, "--format", "jsonl"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value =
            serde_json::from_str(stdout(&out).trim()).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let words = |span: &serde_json::Value| {
            let (a, b) =
                (span[0].as_u64().unwrap(), span[1].as_u64().unwrap());
            let s: String = chars[a as usize..b as usize].iter().collect();
            s.replace("\r\n", "\n").replace('\r', "\n")
        };
        v["attributions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                let content: Vec<String> = a["content"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(words)
                    .collect();
                (
                    a["rule"].to_string(),
                    a["actor"].to_string(),
                    words(&a["speaker"]),
                    words(&a["cue"]),
                    content,
                )
            })
            .collect::<Vec<_>>()
    };
    let lf = read("lf.txt", &lf_text);
    assert_eq!(lf.len(), 3);
    assert_eq!(lf[2].2, "he");
    assert_eq!(read("crlf.txt", &crlf_text), lf);
    assert_eq!(read("cr.txt", &cr_text), lf);
}

#[test]
fn right_to_left_text_and_emoji_keep_code_point_offsets() {
    let dir = workdir("rtl");
    let text = "مرحبا بالعالم. “שלום 👋🏽 עולם, 👩‍👩‍👧 ok,” said María \
                López.\n\u{202e}reversed\u{202c} “مرحبا يا صديقي,” \
                Dr. Ahmed Nasser said.\n";
    put(&dir, "rtl.txt", text.as_bytes());
    let out = run_in(&dir, &["attributions", "rtl.txt", "--format", "jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value =
        serde_json::from_str(stdout(&out).trim()).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let at = |pair: &serde_json::Value| {
        let (a, b) = (pair[0].as_u64().unwrap(), pair[1].as_u64().unwrap());
        chars[a as usize..b as usize].iter().collect::<String>()
    };
    let atts = v["attributions"].as_array().unwrap();
    assert_eq!(atts.len(), 2, "{atts:?}");
    assert_eq!(at(&atts[0]["content"][0]), "שלום 👋🏽 עולם, 👩‍👩‍👧 ok,");
    assert_eq!(at(&atts[0]["speaker"]), "María López");
    assert_eq!(at(&atts[1]["content"][0]), "مرحبا يا صديقي,");
    assert!(at(&atts[1]["speaker"]).contains("Ahmed Nasser"));
    assert_built(&build(&dir, &["rtl.txt"], &[]), 1);
}

/// A crawl dump with one malformed line of each kind; the values are the
/// messages that must name each bad line.
fn malformed_jsonl() -> (Vec<u8>, BTreeMap<usize, &'static str>) {
    let nested = format!(
        "{{\"id\":\"deep\",\"text\":\"t\",\"x\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let lines: Vec<(Vec<u8>, &str)> = vec![
        (
            br#"{"id": "good", "text": "Ann Lee said the plan works."}"#
                .to_vec(),
            "",
        ),
        (br#"{"id": "cut", "text": "#.to_vec(), "malformed JSON"),
        (b"not json at all".to_vec(), "malformed JSON"),
        (b"[1, 2]".to_vec(), "expected a JSON object, found an array"),
        (br#""a string""#.to_vec(), "expected a JSON object, found a string"),
        (br#"{"text": "no id"}"#.to_vec(), "field `id` missing"),
        (br#"{"id": "x"}"#.to_vec(), "field `text` missing"),
        (br#"{"id": true, "text": "t"}"#.to_vec(), "found a boolean"),
        (br#"{"id": null, "text": "t"}"#.to_vec(), "found null"),
        (br#"{"id": ["a"], "text": "t"}"#.to_vec(), "found an array"),
        (br#"{"id": {"a": 1}, "text": "t"}"#.to_vec(), "found an object"),
        (br#"{"id": "", "text": "t"}"#.to_vec(), "found an empty string"),
        (br#"{"id": "n1", "text": 42}"#.to_vec(), "`text` must be a string"),
        (br#"{"id": "n2", "text": null}"#.to_vec(), "`text` must be a string"),
        (
            br#"{"id": "n3", "text": ["a"]}"#.to_vec(),
            "`text` must be a string",
        ),
        (br#"{"id": "n4", "text": "t", "title": 5}"#.to_vec(), "`title`"),
        (
            b"{\"id\": \"u\", \"text\": \"caf\xe9\"}".to_vec(),
            "not valid UTF-8",
        ),
        (nested.into_bytes(), "recursion limit exceeded"),
        (br#"{"id": 1e999, "text": "t"}"#.to_vec(), "number out of range"),
        (b"{\"id\": \"z\", \"text\": \"a\0b\"}".to_vec(), "control character"),
        (
            br#"{"id": "good2", "text": "Bo Ek said no.", "url": null}"#
                .to_vec(),
            "",
        ),
        (br#"{"id": "good", "text": "Again."}"#.to_vec(), "a second document"),
        (br#"{"id": "blank", "text": " \n "}"#.to_vec(), ""),
    ];
    let mut bytes = Vec::new();
    let mut bad = BTreeMap::new();
    for (i, (line, says)) in lines.into_iter().enumerate() {
        bytes.extend_from_slice(&line);
        // Some lines end in CRLF, as files from Windows do.
        bytes.extend_from_slice(if i % 3 == 0 { b"\r\n" } else { b"\n" });
        if !says.is_empty() {
            bad.insert(i + 1, says);
        }
    }
    bytes.extend_from_slice(b"\n   \n");
    (bytes, bad)
}

#[test]
fn each_malformed_jsonl_line_is_named_and_skipped() {
    let dir = workdir("jsonl");
    let (bytes, bad) = malformed_jsonl();
    put(&dir, "crawl.jsonl", &bytes);
    let out = build(&dir, &["crawl.jsonl"], &[]);
    assert_fails(&out, &["crawl.jsonl:2: malformed JSON"]);
    let out = build(&dir, &["crawl.jsonl"], &["--keep-going"]);
    assert_built(&out, 2);
    let err = stderr(&out);
    let skipped: Vec<&str> =
        err.lines().filter(|l| l.contains("skipping")).collect();
    assert_eq!(skipped.len(), bad.len(), "{err}");
    for ((line, says), shown) in bad.iter().zip(&skipped) {
        let start = format!("claimgraph: skipping: crawl.jsonl:{line}: ");
        let named = shown.starts_with(&start)
            || (says.starts_with("a second") && shown.contains("crawl.jsonl"));
        assert!(named && shown.contains(says), "line {line}: {shown}");
    }
    assert!(err.contains("document \"blank\" has no text; skipped"), "{err}");
}

#[test]
fn corrupt_foreign_and_future_graphs_are_refused_and_left_untouched() {
    let dir = workdir("corrupt");
    put(&dir, "good.txt", GOOD.as_bytes());
    assert_built(&build(&dir, &["good.txt"], &[]), 1);
    let good = fs::read_to_string(dir.join("out/graph.ron")).unwrap();
    let future = good.replacen("version: 1", "version: 99", 1);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", good.as_bytes()[..good.len() / 2].to_vec(), "truncated"),
        ("empty", Vec::new(), "truncated"),
        (
            "foreign",
            b"Config(name: \"x\", size: 3)\n".to_vec(),
            "not a claimgraph file",
        ),
        ("json", b"{\"nodes\": []}".to_vec(), "not a claimgraph file"),
        ("future", future.into_bytes(), "written by a newer claimgraph"),
        ("binary", vec![0x1f, 0x8b, 0x08, 0x00, 0xff], "not UTF-8"),
        ("nul", b"Envelope(\0)".to_vec(), "claimgraph"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.join(format!("{name}.ron"));
        fs::write(&path, &bytes).unwrap();
        let err = load(&path).map(|_| ()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains(&path.display().to_string()), "{msg}");
        assert!(msg.contains(says), "{name}: {msg}");
        assert!(!matches!(err, StoreError::Write { .. }));
        assert_eq!(fs::read(&path).unwrap(), bytes, "{name} was changed");
    }
}

/// Every file under `dir` with its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path);
            } else {
                let bytes = fs::read(&path).unwrap_or_default();
                files.insert(path, (bytes, meta.modified().unwrap()));
            }
        }
    }
    files
}

/// The names of the entries of `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn inputs_are_only_read_and_outputs_stay_in_out() {
    let dir = workdir("writes");
    put(&dir, "in/a.txt", GOOD.as_bytes());
    put(&dir, "in/sub/b.md", b"# B\n\nBo Ek said the plan fails.\n");
    put(&dir, "in/c.jsonl", b"{\"id\": \"c\", \"text\": \"Cy said so.\"}\n");
    put(&dir, "in/notes.pdf", b"%PDF");
    let before = snapshot(&dir.join("in"));
    assert_built(&build(&dir, &["in"], &[]), 3);
    assert_eq!(snapshot(&dir.join("in")), before, "an input was written");
    let mut want = vec!["graph.dot", "graph.ron"];
    if have_dot() {
        want.push("graph.svg");
    }
    assert_eq!(names_in(&dir.join("out")), want);
    assert_eq!(names_in(&dir), ["in", "out"]);
    // An input named as the output folder is refused, not written.
    let out = run_in(&dir, &["build", "in", "--out", "in/a.txt"]);
    assert_fails(&out, &["in/a.txt: not a folder"]);
    assert_eq!(snapshot(&dir.join("in")), before, "an input was written");
    // An output folder inside the input folder: its files are not inputs.
    let out = run_in(&dir, &["build", "in", "--out", "in/graphs"]);
    assert_built(&out, 3);
    let out = run_in(&dir, &["build", "in", "--out", "in/graphs"]);
    assert_built(&out, 3);
}

#[cfg(unix)]
#[test]
fn links_in_the_output_folder_are_replaced_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = workdir("links");
    put(&dir, "in/a.txt", GOOD.as_bytes());
    put(&dir, "precious.txt", b"keep me");
    fs::create_dir(dir.join("out")).unwrap();
    symlink(dir.join("in/a.txt"), dir.join("out/graph.ron")).unwrap();
    symlink(dir.join("precious.txt"), dir.join("out/graph.dot")).unwrap();
    symlink(dir.join("precious.txt"), dir.join("out/graph.svg")).unwrap();
    let inputs = snapshot(&dir.join("in"));
    assert_built(&build(&dir, &["in"], &[]), 1);
    assert_eq!(snapshot(&dir.join("in")), inputs);
    assert_eq!(fs::read(dir.join("precious.txt")).unwrap(), b"keep me");
    for name in ["graph.ron", "graph.dot"] {
        let meta = fs::symlink_metadata(dir.join("out").join(name)).unwrap();
        assert!(meta.is_file(), "{name} is still a link");
    }
    load(&dir.join("out/graph.ron")).unwrap();
    // A link at the lock's name is refused, not written through.
    let lock = dir.join("out/.claimgraph.lock");
    symlink(dir.join("in/a.txt"), &lock).unwrap();
    let out = build(&dir, &["in"], &[]);
    assert_fails(&out, &["out/.claimgraph.lock is not a lock file"]);
    assert_eq!(snapshot(&dir.join("in")), inputs);
}

#[test]
fn a_held_lock_stops_a_second_build() {
    let dir = workdir("lock-held");
    put(&dir, "a.txt", GOOD.as_bytes());
    fs::create_dir(dir.join("out")).unwrap();
    let lock_path = dir.join("out/.claimgraph.lock");
    // This test process plays the running build: it holds the lock.
    let lock = fs::File::create(&lock_path).unwrap();
    lock.lock().unwrap();
    fs::write(&lock_path, format!("{}\n", std::process::id())).unwrap();
    let out = build(&dir, &["a.txt"], &[]);
    assert_fails(
        &out,
        &[
            "out/.claimgraph.lock is held by process",
            &std::process::id().to_string(),
            "another claimgraph build is writing into out",
            "remove the lock file",
        ],
    );
    assert!(!dir.join("out/graph.ron").exists());
    drop(lock);
    fs::remove_file(&lock_path).unwrap();
    assert_built(&build(&dir, &["a.txt"], &[]), 1);
    assert!(!lock_path.exists());
}

#[test]
fn a_dead_builds_lock_is_taken_over_with_a_note() {
    let dir = workdir("lock-stale");
    put(&dir, "a.txt", GOOD.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let dead = child.id();
    child.wait().unwrap();
    put(&dir, "out/.claimgraph.lock", format!("{dead}\n").as_bytes());
    put(&dir, "out/.graph.ron.tmp-1-0", b"half a graph");
    let out = build(&dir, &["a.txt"], &[]);
    assert_built(&out, 1);
    let note =
        format!("took over out/.claimgraph.lock, left by process {dead}");
    assert!(stderr(&out).contains(&note), "{}", stderr(&out));
    assert!(!dir.join("out/.claimgraph.lock").exists());
    assert!(!dir.join("out/.graph.ron.tmp-1-0").exists());
}

#[test]
fn two_builds_at_once_do_not_interleave() {
    let dir = workdir("lock-race");
    for i in 0..40 {
        put(&dir, &format!("in/{i:02}.txt"), hay::SPLIT_QUOTE.as_bytes());
    }
    assert_built(&run_in(&dir, &["build", "in", "--out", "ref"]), 40);
    let reference = fs::read(dir.join("ref/graph.ron")).unwrap();
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_claimgraph"))
            .args(["build", "in", "--out", "out", "--quiet"])
            .current_dir(&dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let mut succeeded = 0;
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            succeeded += 1;
        } else {
            assert_fails(&out, &["another claimgraph build"]);
        }
    }
    assert!(succeeded >= 1);
    assert_eq!(fs::read(dir.join("out/graph.ron")).unwrap(), reference);
    assert!(!dir.join("out/.claimgraph.lock").exists());
}

#[test]
fn sentences_are_cut_at_a_thousand_tokens() {
    let text = "word ".repeat(5_000);
    let seg = segment(&text);
    assert_eq!(seg.sentences.len(), 5);
    assert!(seg.sentences.iter().all(|s| s.end - s.first == 1_000));
}

#[test]
fn the_pipeline_takes_any_text() {
    // Every prefix of a text holding each kind of trouble, so that no
    // rule can look past an end the fuzzer has not tried.
    let text = "(x) said it. Of said. “Open, he said\r\n\r\n\u{0}”\"“ \
                ‘a’ «b» „c“ — One two three, said Smith";
    for (i, _) in text.char_indices() {
        for part in [&text[..i], &text[i..]] {
            let doc = Document {
                id: "p".into(),
                text: part.into(),
                ..Document::default()
            };
            let _ = extract_document(doc);
        }
    }
}

#[test]
fn a_reader_that_stops_early_is_no_crash() {
    // `claimgraph build | head -1`: the reader is gone before anything is
    // printed. The work is done, and that is success.
    let dir = workdir("closed-stdout");
    let out_dir = dir.join("out");
    let graph = out_dir.join("graph.ron");
    let graph = graph.to_str().unwrap();
    let commands: [&[&str]; 4] = [
        &["build", "data", "--out", out_dir.to_str().unwrap()],
        &["attributions", "data", "--format", "jsonl"],
        &["actors", "--graph", graph, "--format", "json"],
        &["who-said", "fentanyl", "--graph", graph],
    ];
    for args in commands {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
            .args(args)
            .current_dir(crate::util::root())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    assert!(out_dir.join("graph.ron").exists());
}

/// The numbers of claim -> source edges and of reports (claim ->
/// document edges) of the graph built from `text`.
fn backed_by_and_reports(text: &str) -> (usize, usize) {
    let doc =
        Document { id: "b".into(), text: text.into(), ..Document::default() };
    let data = build_graph(&[extract_document(doc)]).to_data();
    let count = |kind: fn(&Edge) -> bool| {
        data.edges.iter().filter(|e| kind(&e.edge)).count()
    };
    (
        count(|e| matches!(e, Edge::BackedBy { .. })),
        count(|e| matches!(e, Edge::ReportedIn { .. })),
    )
}

/// A word of its own for each `i`: "baa", "bab", ...
fn word(i: usize) -> String {
    let mut i = i + 26 * 26;
    let mut letters = Vec::new();
    while i > 0 {
        letters.push(b'a' + (i % 26) as u8);
        i /= 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap()
}

/// Citations and claims on one line with no full stop: each claim is
/// backed by the source the text ties it to, so the edges grow in step
/// with the line. When every source of a sentence backed every claim of
/// it, 137 KB of this line wrote 1.2 GB of graph.
#[test]
fn backed_by_edges_grow_in_step_with_one_long_sentence() {
    let line = |n: usize| {
        let mut text: String = (0..n)
            .map(|i| {
                let [a, b, c] = [3 * i, 3 * i + 1, 3 * i + 2].map(word);
                format!(
                    "according to Smith the {a} {b} rose and Jones said \
                     the {c} fell "
                )
            })
            .collect();
        text.push('.');
        text
    };
    let (small, reports) = backed_by_and_reports(&line(500));
    assert!(small > 0 && small <= 2 * reports, "{small} for {reports}");
    let (big, reports) = backed_by_and_reports(&line(1_000));
    assert!(big <= 2 * reports, "{big} for {reports}");
    // Twice the line, about twice the edges; the square would be four
    // times.
    assert!(big * 10 <= small * 25, "{small} edges, then {big}");
}
