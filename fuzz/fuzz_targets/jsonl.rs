//! Any bytes as a JSONL file: every line must give a document or an
//! error naming the file and the line, never a panic.
#![no_main]

use claimgraph::ingest::read_from;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for item in read_from("x.jsonl", data) {
        if let Err(e) = item {
            assert!(e.to_string().starts_with("x.jsonl"), "{e}");
        }
    }
});
