//! Inputs the fuzzers under `fuzz/` found crashing, replayed as tests.
//!
//! Each crash, once fixed, leaves its minimized input in
//! `fuzz/regressions/<target>/`; the test below runs every one of them
//! through the same checks as its fuzz target, so a fix that regresses
//! fails `cargo test` without needing the fuzzer. The named tests after it
//! state each fixed bug in words.

use std::fs;
use std::path::Path;

use claimgraph::export::dot::to_dot;
use claimgraph::ingest::read_from;
use claimgraph::store::{from_ron, to_ron};
use claimgraph::{Document, build_graph, extract_document};

use crate::util::root;

/// A fuzz target's checks, run on one input.
type Check = fn(&[u8]);

/// What `fuzz/fuzz_targets/pipeline.rs` checks.
fn pipeline(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Document { id: "fuzz".into(), text, ..Document::default() };
    let graph = build_graph(&[extract_document(doc)]);
    let _ = to_dot(&graph);
    let ron = to_ron(&graph).unwrap();
    let back = from_ron(&ron, Path::new("fuzz.ron")).unwrap();
    assert!(back.to_data() == graph.to_data(), "round trip changed graph");
}

/// What `fuzz/fuzz_targets/jsonl.rs` checks.
fn jsonl(data: &[u8]) {
    for item in read_from("x.jsonl", data) {
        if let Err(e) = item {
            assert!(e.to_string().starts_with("x.jsonl"), "{e}");
        }
    }
}

/// What `fuzz/fuzz_targets/html.rs` checks.
fn html(data: &[u8]) {
    let items = read_from("x.html", data);
    assert_eq!(items.len(), 1);
    if let Err(e) = &items[0] {
        assert!(e.to_string().starts_with("x.html"), "{e}");
    }
}

/// What `fuzz/fuzz_targets/store.rs` checks.
fn store(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match from_ron(text, Path::new("x.ron")) {
        Ok(graph) => {
            let again = to_ron(&graph).unwrap();
            let back = from_ron(&again, Path::new("y.ron")).unwrap();
            assert!(back.to_data() == graph.to_data(), "round trip changed");
        }
        Err(e) => assert!(e.to_string().contains("x.ron"), "{e}"),
    }
}

#[test]
fn every_fuzz_regression_input_passes_its_target() {
    let targets: [(&str, Check); 4] = [
        ("pipeline", pipeline),
        ("jsonl", jsonl),
        ("html", html),
        ("store", store),
    ];
    let mut replayed = 0;
    for (target, check) in targets {
        let dir = root().join("fuzz/regressions").join(target);
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let data = fs::read(&path).unwrap();
            let name = path.display().to_string();
            let caught = std::panic::catch_unwind(|| check(&data));
            assert!(caught.is_ok(), "{target}: {name} fails again");
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no regression inputs found under fuzz/");
}

/// Extracts `text` and returns each attribution's speaker mention.
fn speakers(text: &str) -> Vec<String> {
    let doc =
        Document { id: "t".into(), text: text.into(), ..Document::default() };
    let x = extract_document(doc);
    x.attributions
        .iter()
        .map(|a| {
            a.speaker.as_ref().map_or("-", |s| s.span.text(text)).to_string()
        })
        .collect()
}

/// fuzz/regressions/pipeline/paren-opens-sentence: a parenthesis that
/// opens the sentence before a cue left no word for the speaker phrase,
/// and its start underflowed.
#[test]
fn parenthesis_opening_a_sentence_before_a_cue() {
    assert_eq!(speakers("(x) said the bill is dead."), Vec::<String>::new());
    assert_eq!(speakers("()told"), Vec::<String>::new());
}

/// fuzz/regressions/pipeline/speaker-ends-text: "…, said X" with X the
/// last token of the text made a rule look one token past the end.
#[test]
fn inverted_speaker_at_the_very_end_of_the_text() {
    assert_eq!(speakers("One two three, said Smith"), ["Smith"]);
}

/// fuzz/regressions/pipeline/head-is-of: a capitalised "Of" before a cue
/// was taken as a speaker's head, then dropped as a joining word, leaving
/// an empty phrase whose span ran backwards.
#[test]
fn joining_word_alone_is_no_speaker() {
    assert_eq!(speakers("Of said the thing."), Vec::<String>::new());
}
