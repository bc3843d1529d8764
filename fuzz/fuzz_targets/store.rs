//! Any bytes as a graph file, RON or binary: refused with an error
//! naming the file, or loaded; a graph that loads must save and load
//! again to the same graph, in both forms.
#![no_main]

use std::path::Path;

use claimgraph::store::{from_bytes, from_ron, to_binary, to_ron};
use libfuzzer_sys::fuzz_target;

/// The first bytes of a binary graph file, so that inputs starting with
/// 'B' reach the binary decoder past its magic line.
const MAGIC: &[u8] = b"\0claimgraph-binary\n";

fuzz_target!(|data: &[u8]| {
    let bytes = match data.split_first() {
        Some((b'B', rest)) => [MAGIC, rest].concat(),
        _ => data.to_vec(),
    };
    match from_bytes(bytes, Path::new("x.graph")) {
        Ok(graph) => {
            let again = to_ron(&graph).expect("a loaded graph serializes");
            let back = from_ron(&again, Path::new("y.ron"))
                .expect("a saved graph loads back");
            assert!(back.to_data() == graph.to_data(), "RON round trip");
            let bin = to_binary(&graph).expect("a loaded graph encodes");
            let back = from_bytes(bin, Path::new("y.bin"))
                .expect("an encoded graph loads back");
            assert!(back.to_data() == graph.to_data(), "binary round trip");
        }
        Err(e) => assert!(e.to_string().contains("x.graph"), "{e}"),
    }
});
