use std::fs;

use crate::util::{run, stderr, stdout, workdir};

/// Builds `text` as one document into a fresh folder with `curation`.
fn build(name: &str, text: &str, curation: &str) -> std::path::PathBuf {
    let dir = workdir(name);
    fs::create_dir_all(dir.join("in")).unwrap();
    fs::write(dir.join("in/story.txt"), text).unwrap();
    fs::write(dir.join("curation.ron"), curation).unwrap();
    dir
}

fn build_args(dir: &std::path::Path) -> Vec<String> {
    vec![
        "build".into(),
        dir.join("in").to_str().unwrap().into(),
        "--out".into(),
        dir.join("out").to_str().unwrap().into(),
        "--curation".into(),
        dir.join("curation.ron").to_str().unwrap().into(),
    ]
}

const STORY: &str = "\
“Here, we don’t produce fentanyl,” López Obrador said.

US officials say the vast majority of fentanyl is produced in Mexico.
";

#[test]
fn contradictions_json_has_the_documented_shape() {
    let dir = build("cc-shape", STORY, "Curation()");
    let args = build_args(&dir);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert!(run(&args).status.success());
    let graph = dir.join("out/graph.ron");
    let out = run(&[
        "contradictions",
        "--graph",
        graph.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let entry = &list.as_array().unwrap()[0];
    for side in ["a", "b"] {
        for key in ["claim", "actor", "document", "span", "text"] {
            assert!(
                entry[side].get(key).is_some(),
                "{side}.{key} missing: {entry}"
            );
        }
        assert_eq!(entry[side]["document"], "story");
        assert_eq!(entry[side]["span"].as_array().unwrap().len(), 2);
    }
    assert_eq!(entry["rule"], "counter/polarity");
    assert!(entry["reason"].as_str().unwrap().contains("fentanyl"));
    let c = entry["confidence"].as_f64().unwrap();
    assert!(c > 0.0 && c <= 1.0);
    let out = run(&[
        "contradictions",
        "--graph",
        graph.to_str().unwrap(),
        "--min-confidence",
        "0.99",
    ]);
    assert_eq!(out.status.code(), Some(1), "no link is that sure");
}

#[test]
fn curation_survives_a_rebuild_and_is_never_written() {
    let curation = r#"Curation(
    verdicts: [
        VerdictEntry(
            claim: Text("we dont produce fentanyl"),
            verdict: Verdict(rating: "False", author: "Desk"),
        ),
        VerdictEntry(
            claim: Text("a claim nobody made"),
            verdict: Verdict(rating: "True", author: "Desk"),
        ),
    ],
)"#;
    let dir = build("cc-curation", STORY, curation);
    let args = build_args(&dir);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    for _ in 0..2 {
        let out = run(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("verdicts[1]") && err.contains("matches no claim"),
            "{err}"
        );
        let ron = fs::read_to_string(dir.join("out/graph.ron")).unwrap();
        assert!(ron.contains("rating: \"False\""), "verdict lost");
    }
    assert_eq!(
        fs::read_to_string(dir.join("curation.ron")).unwrap(),
        curation
    );
}

#[test]
fn a_rejected_link_stays_rejected() {
    let curation = r#"Curation(
    links: [
        LinkEntry(a: Text("we don’t produce"), b: Text("vast majority"), decision: Reject),
    ],
)"#;
    let dir = build("cc-reject", STORY, curation);
    let args = build_args(&dir);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert!(run(&args).status.success());
    let graph = dir.join("out/graph.ron");
    let out = run(&["contradictions", "--graph", graph.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
}

#[test]
fn a_malformed_curation_file_is_an_error_naming_it() {
    let dir = build("cc-bad", STORY, "Curation(verdicts: [oops");
    let args = build_args(&dir);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("curation.ron"), "{}", stderr(&out));
}

#[test]
fn a_named_curation_file_must_exist() {
    // A mistyped path would otherwise drop every verdict without a word.
    let dir = build("cc-missing", STORY, "Curation(verdicts: [])");
    fs::remove_file(dir.join("curation.ron")).unwrap();
    let args = build_args(&dir);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("curation.ron"), "{err}");
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
    assert!(!dir.join("out/graph.ron").exists());
    // Without --curation, a missing data/curation.ron is no curation.
    let out = run(&args[..4]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
