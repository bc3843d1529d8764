//! A progress bar on stderr for long runs, and silence otherwise.
//!
//! The bar (indicatif) shows documents extracted, megabytes of text per
//! second and the time left, then which corpus-wide stage is running. It is drawn only when stderr is a terminal and
//! `--quiet` is off, so logs, pipes and tests see nothing from it.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// Progress over a corpus, counted in bytes of article text.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    done_docs: AtomicUsize,
    total_docs: usize,
}

impl Progress {
    /// A bar for `docs` documents of `bytes` bytes of text, or a silent
    /// one when `quiet` or when stderr is not a terminal.
    pub fn new(docs: usize, bytes: u64, quiet: bool) -> Progress {
        let shown = !quiet && std::io::stderr().is_terminal();
        let bar = shown.then(|| {
            let style = ProgressStyle::with_template(
                "{elapsed_precise} [{wide_bar}] {msg} \
                 {decimal_bytes_per_sec} ETA {eta}",
            )
            .expect("valid template")
            .progress_chars("=> ");
            let bar = ProgressBar::new(bytes).with_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        let p =
            Progress { bar, done_docs: AtomicUsize::new(0), total_docs: docs };
        p.set_docs(0);
        p
    }

    /// Counts `docs` more documents of `bytes` bytes of text as done.
    pub fn advance(&self, docs: usize, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            let done = self.done_docs.fetch_add(docs, Ordering::Relaxed);
            self.set_docs(done + docs);
        }
    }

    /// Says what the run is doing after extraction ("writing graph.ron").
    /// The corpus-wide stages have no per-document count, so the bar
    /// becomes a spinner with the time so far: a rate or an ETA there
    /// would be made up.
    pub fn stage(&self, what: &str) {
        if let Some(bar) = &self.bar {
            let style = ProgressStyle::with_template(
                "{elapsed_precise} {spinner} {msg}",
            )
            .expect("valid template");
            bar.set_style(style);
            bar.set_message(format!(
                "{}/{} documents; {what}",
                self.total_docs, self.total_docs
            ));
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn set_docs(&self, done: usize) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{done}/{} documents", self.total_docs));
        }
    }
}
