//! A progress bar on stderr for long runs, and silence otherwise.
//!
//! The bar (indicatif) shows documents extracted, megabytes of text per
//! second and the time left, then which corpus-wide stage is running. It is drawn only when stderr is a terminal and
//! `--quiet` is off, so logs, pipes and tests see nothing from it.
//!
//! With `CLAIMGRAPH_TIMINGS` set (to anything but `0` or nothing), each
//! stage's wall time is printed on stderr as it ends ([`Timings`]),
//! whatever `--quiet` says: a tool for finding where a build's time goes.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// Progress over a corpus, counted in bytes of article text.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    done_docs: AtomicUsize,
    /// The number of documents, when known before they are read.
    total_docs: Option<usize>,
    timings: Timings,
}

impl Progress {
    /// A bar for `docs` documents of `bytes` bytes of text, or a silent
    /// one when `quiet` or when stderr is not a terminal. Each later
    /// [`stage`](Progress::stage) also starts a stage of `timings`.
    pub fn new(
        docs: usize,
        bytes: u64,
        quiet: bool,
        timings: Timings,
    ) -> Progress {
        Progress::with(Some(docs), bytes, quiet, timings)
    }

    /// A bar for documents extracted as they are read, whose number is
    /// not known ahead: the documents done, the rate in bytes of text,
    /// and the time left against `input_bytes`, the size of the input
    /// files (markup and JSON take a little of it, so the estimate errs
    /// long). A spinner with the rate when the size is unknown (0).
    /// Silent as [`Progress::new`] is.
    pub fn streaming(
        input_bytes: u64,
        quiet: bool,
        timings: Timings,
    ) -> Progress {
        Progress::with(None, input_bytes, quiet, timings)
    }

    /// A bar over `bytes` (a spinner when 0) for `docs` documents, known
    /// or not.
    fn with(
        docs: Option<usize>,
        bytes: u64,
        quiet: bool,
        timings: Timings,
    ) -> Progress {
        let shown = !quiet && std::io::stderr().is_terminal();
        let bar = shown.then(|| {
            let bar = if bytes > 0 {
                let style = ProgressStyle::with_template(
                    "{elapsed_precise} [{wide_bar}] {msg} \
                     {decimal_bytes_per_sec} ETA {eta}",
                )
                .expect("valid template")
                .progress_chars("=> ");
                ProgressBar::new(bytes).with_style(style)
            } else {
                let style = ProgressStyle::with_template(
                    "{elapsed_precise} {spinner} {msg} \
                     {decimal_bytes_per_sec}",
                )
                .expect("valid template");
                ProgressBar::new_spinner().with_style(style)
            };
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        let p = Progress {
            bar,
            done_docs: AtomicUsize::new(0),
            total_docs: docs,
            timings,
        };
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
        self.timings.start(what);
        if let Some(bar) = &self.bar {
            let style = ProgressStyle::with_template(
                "{elapsed_precise} {spinner} {msg}",
            )
            .expect("valid template");
            bar.set_style(style);
            let total = self
                .total_docs
                .unwrap_or_else(|| self.done_docs.load(Ordering::Relaxed));
            bar.set_message(format!("{total}/{total} documents; {what}"));
        }
    }

    /// The stage timings, for steps timed on their own.
    pub fn timings(&self) -> &Timings {
        &self.timings
    }

    /// Removes the bar and ends the last stage's timing.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        self.timings.finish();
    }

    fn set_docs(&self, done: usize) {
        if let Some(bar) = &self.bar {
            bar.set_message(match self.total_docs {
                Some(total) => format!("{done}/{total} documents"),
                None => format!("{done} documents"),
            });
        }
    }
}

/// Wall time per stage, printed on stderr when the environment variable
/// `CLAIMGRAPH_TIMINGS` is set; otherwise nothing is measured or printed.
#[derive(Debug)]
pub struct Timings {
    /// When the run began, if timings are shown.
    began: Option<Instant>,
    /// The stage running, with its start.
    current: Mutex<Option<(String, Instant)>>,
}

impl Timings {
    /// Timings shown when `CLAIMGRAPH_TIMINGS` is set and neither empty
    /// nor `0`; the clock starts now.
    pub fn from_env() -> Timings {
        let on = std::env::var_os("CLAIMGRAPH_TIMINGS")
            .is_some_and(|v| !v.is_empty() && v != "0");
        Timings { began: on.then(Instant::now), current: Mutex::new(None) }
    }

    /// Ends the running stage, printing its time, and starts `what`.
    pub fn start(&self, what: &str) {
        self.end_stage(Some(what));
    }

    /// Runs `f`, printing its time as that of `what`, beside the running
    /// stage (for steps that run at the same time as others).
    pub fn time<T>(&self, what: &str, f: impl FnOnce() -> T) -> T {
        if self.began.is_none() {
            return f();
        }
        let since = Instant::now();
        let out = f();
        print_time(what, since.elapsed());
        out
    }

    /// Ends the running stage, printing its time and the total.
    pub fn finish(&self) {
        self.end_stage(None);
        if let Some(began) = self.began {
            print_time("total", began.elapsed());
        }
    }

    /// Prints the running stage's time and starts `next`, if any.
    fn end_stage(&self, next: Option<&str>) {
        if self.began.is_none() {
            return;
        }
        let mut current = self.current.lock().expect("not poisoned");
        if let Some((stage, since)) = current.take() {
            print_time(&stage, since.elapsed());
        }
        *current = next.map(|what| (what.to_string(), Instant::now()));
    }
}

fn print_time(what: &str, took: Duration) {
    let memory = memory().unwrap_or_default();
    eprintln!(
        "claimgraph: timing: {:>8.3} s  {what}{memory}",
        took.as_secs_f64()
    );
}

/// The resident memory now and at its peak so far, where the system
/// tells them (Linux's /proc/self/status): what each stage leaves held.
fn memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        line[name.len()..].trim().trim_end_matches("kB").trim().parse().ok()
    };
    let (now, peak) = (field("VmRSS:")?, field("VmHWM:")?);
    Some(format!(" (resident {} MB, peak {} MB)", now / 1024, peak / 1024))
}
