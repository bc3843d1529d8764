//! The `claimgraph` binary: parse the command line, run, map errors to
//! exit codes. Everything else lives in the library and in `cli/`.

mod cli;

use std::io::ErrorKind;
use std::process::ExitCode;

// mimalloc instead of glibc malloc: less CPU and a lower peak on large
// builds, where glibc keeps freed pages and fragments.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            // A broken pipe means the reader (`head`, say) has all it
            // wanted: that is success, not an error.
            let broken_pipe = err.chain().any(|e| {
                let io = e.downcast_ref::<std::io::Error>().map(|e| e.kind());
                let json = e
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind);
                io.or(json) == Some(ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("claimgraph: error: {}", message(&err));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, joined by ": ", each cause left out when
/// the message before it already ends with it: an error that names the
/// operating system's reason in its own text ("cannot read x: No such
/// file or directory") need not say it twice.
fn message(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if out.is_empty() {
            out = text;
        } else if !out.ends_with(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
    }
    out
}
