//! Integration tests: one binary, one module per concern.

/// Actors across articles, publishers and cited sources (issue 4).
mod actors;
/// The `claimgraph` binary end to end: build, attributions, errors.
mod cli;
/// Counterclaims and the curation file, through the binary.
mod contradictions;
/// `export`: every format, focused views, determinism, README examples.
mod export;
/// Crash inputs the fuzzers found, replayed after their fixes.
mod fuzzed;
/// Accuracy on the bundled seeds against their gold annotations.
mod golden;
/// News snippets shared by the tests, as named constants.
mod hay;
/// Hostile inputs through the binary: encodings, floods, bad JSONL,
/// corrupt graphs, locks; exit codes and messages.
mod hostile;
/// Builds killed mid-write leave the old graph or the new, never a mix.
mod kill;
/// `merge`: shard graphs combine into the graph one build makes.
mod merge;
/// The library's stages on the seeds: store round trips, determinism.
mod pipeline;
/// The query commands on the seeds' graph, and the README's examples.
mod query;
/// Shared helpers: temporary folders, running the binary.
mod util;
