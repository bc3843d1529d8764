//! Any bytes, read as text, through every stage: segment, extract,
//! resolve, graph, DOT, and a RON round trip that must give the same
//! graph back.
#![no_main]

use std::path::Path;

use claimgraph::export::dot::to_dot;
use claimgraph::store::{from_ron, to_ron};
use claimgraph::{Document, build_graph, extract_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Document { id: "fuzz".into(), text, ..Document::default() };
    let extracted = extract_document(doc);
    let graph = build_graph(&[extracted]);
    let _ = to_dot(&graph);
    let ron = to_ron(&graph).expect("a built graph serializes");
    let back = from_ron(&ron, Path::new("fuzz.ron"))
        .expect("a saved graph loads back");
    assert!(back.to_data() == graph.to_data(), "round trip changed graph");
});
