//! Integration tests: one binary, one module per concern.

/// Actors across articles, publishers and cited sources (issue 4).
mod actors;
/// The `claimgraph` binary end to end: build, attributions, errors.
mod cli;
/// Counterclaims and the curation file, through the binary.
mod contradictions;
/// `export`: every format, focused views, determinism, README examples.
mod export;
/// Accuracy on the bundled seeds against their gold annotations.
mod golden;
/// News snippets shared by the tests, as named constants.
mod hay;
/// The library's stages on the seeds: store round trips, determinism.
mod pipeline;
/// The query commands on the seeds' graph, and the README's examples.
mod query;
/// Shared helpers: temporary folders, running the binary.
mod util;
