//! Any bytes as a `graph.ron`: refused with an error naming the file, or
//! loaded; a graph that loads must save and load again to the same
//! graph.
#![no_main]

use std::path::Path;

use claimgraph::store::{from_ron, to_ron};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match from_ron(text, Path::new("x.ron")) {
        Ok(graph) => {
            let again = to_ron(&graph).expect("a loaded graph serializes");
            let back = from_ron(&again, Path::new("y.ron"))
                .expect("a saved graph loads back");
            assert!(back.to_data() == graph.to_data(), "round trip changed");
        }
        Err(e) => assert!(e.to_string().contains("x.ron"), "{e}"),
    }
});
