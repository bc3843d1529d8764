//! The command line: one file per subcommand, dispatched by one `match`.
//!
//! This module is binary-only (declared in `main.rs`): it owns clap,
//! stdout and `anyhow`, and uses only the library's public API.

mod actors;
mod args;
mod attributions;
mod build;
mod contradictions;
mod documents;
mod export;
mod input;
mod merge;
mod progress;
mod query;
mod text;
mod train;

use std::process::ExitCode;

use clap::Parser;

use args::{Args, Command};

/// Parses the command line and runs the chosen subcommand.
pub fn run() -> anyhow::Result<ExitCode> {
    let args = Args::parse();
    match args.command {
        Command::Build(a) => build::run(a),
        Command::Merge(a) => merge::run(a),
        Command::Attributions(a) => attributions::run(a),
        Command::Actors(a) => actors::run(a),
        Command::Documents(a) => documents::run(a),
        Command::Contradictions(a) => contradictions::run(a),
        Command::Export(a) => export::run(a),
        Command::WhoSaid(a) => query::who_said(a),
        Command::Claims(a) => query::claims(a),
        Command::Actor(a) => query::actor(a),
        Command::Claim(a) => query::claim(a),
        Command::Trace(a) => query::trace(a),
        Command::Stats(a) => query::stats(a),
        Command::TrainCues(a) => train::run(a),
        Command::TrainSpeakers(a) => train::run_gate(a),
    }
}
