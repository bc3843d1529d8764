//! Any bytes as an HTML page: one document or one error naming the
//! file, never a panic.
#![no_main]

use claimgraph::ingest::read_from;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let items = read_from("x.html", data);
    assert_eq!(items.len(), 1);
    if let Err(e) = &items[0] {
        assert!(e.to_string().starts_with("x.html"), "{e}");
    }
});
