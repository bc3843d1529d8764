//! A build killed at any moment leaves a graph that loads.
//!
//! The output folder starts with a good graph; a build of a bigger input
//! into it is killed (SIGKILL on Unix, so it cannot clean up) at several
//! moments, and once while it is writing (the build told to hold its
//! written temporary files a moment before renaming them, so the kill
//! can be aimed there on any machine). After each kill `graph.ron`
//! must load and be byte for byte the old graph or the new one, and so
//! must `graph.dot`; a later build must clean up what the killed one left
//! (its lock and its temporary files).

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use claimgraph::store::load;

use crate::util::{root, stderr, workdir};

/// How many copies of the seeds make the bigger input.
const COPIES: usize = 25;

/// Starts `claimgraph build in/new --out out` in `dir`; `pause_ms`
/// keeps each written temporary file that long before its rename.
fn start_build(dir: &Path, pause_ms: Option<u64>) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimgraph"));
    if let Some(ms) = pause_ms {
        cmd.env("CLAIMGRAPH_TEST_PAUSE_MS", ms.to_string());
    }
    cmd.args(["build", "in/new", "--out", "out", "--quiet"])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Builds `input` into `out` in `dir` to completion.
fn build_to_end(dir: &Path, input: &str, out: &str) {
    let done = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["build", input, "--out", out, "--quiet"])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(done.status.success(), "{}", stderr(&done));
}

/// The names in `dir` that a killed write leaves: `.graph.*.tmp-*`.
fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".graph.") && n.contains(".tmp-"))
        .collect()
}

/// The old and the new version of each output file.
struct Versions {
    ron: [Vec<u8>; 2],
    dot: [Vec<u8>; 2],
}

impl Versions {
    /// Checks that the outputs in `out` are each the old or the new one,
    /// and that the graph loads; says whether the graph is the new one.
    fn check(&self, out: &Path, when: &str) -> bool {
        let ron = fs::read(out.join("graph.ron")).unwrap();
        let dot = fs::read(out.join("graph.dot")).unwrap();
        assert!(self.ron.contains(&ron), "{when}: graph.ron is mixed");
        assert!(self.dot.contains(&dot), "{when}: graph.dot is mixed");
        load(&out.join("graph.ron")).unwrap();
        ron == self.ron[1]
    }
}

/// Makes the old graph in `out` and the inputs of the new one.
fn setup(dir: &Path) -> Versions {
    fs::create_dir_all(dir.join("in/old")).unwrap();
    fs::write(
        dir.join("in/old/a.txt"),
        "“We will not raise taxes,” Ana López said.\n",
    )
    .unwrap();
    fs::create_dir_all(dir.join("in/new")).unwrap();
    let mut seeds: Vec<_> = fs::read_dir(root().join("data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    for copy in 0..COPIES {
        for seed in &seeds {
            let name =
                format!("{copy:02}-{}", seed.file_name().unwrap().display());
            fs::copy(seed, dir.join("in/new").join(name)).unwrap();
        }
    }
    build_to_end(dir, "in/new", "ref");
    build_to_end(dir, "in/old", "out");
    let read = |d: &str, f: &str| fs::read(dir.join(d).join(f)).unwrap();
    Versions {
        ron: [read("out", "graph.ron"), read("ref", "graph.ron")],
        dot: [read("out", "graph.dot"), read("ref", "graph.dot")],
    }
}

#[test]
fn a_killed_build_leaves_the_old_graph_or_the_new() {
    let dir = workdir("kill");
    let versions = setup(&dir);
    let out = dir.join("out");
    let mut killed_early = 0;
    for delay_ms in [0, 5, 20, 50, 100, 200, 400, 800, 1600] {
        let mut child = start_build(&dir, None);
        sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if !status.success() {
            killed_early += 1;
        }
        versions.check(&out, &format!("killed after {delay_ms} ms"));
    }
    assert!(killed_early > 0, "no kill landed before the build ended");

    // Kill as soon as a temporary file shows up, until one kill lands
    // while a file is being written (its temporary file then stays). The
    // writes of a small graph take a millisecond or two, which a loaded
    // machine can miss every time; the build holds each written file a
    // moment before renaming it, so the kill lands before the rename.
    // The moment is 3 s (paid once, when the kill lands): with half a
    // second this test once failed on a machine also running a 1 GB
    // build, which can hold up the test between seeing the file and
    // the kill.
    let mut landed_mid_write = false;
    for _ in 0..20 {
        let mut child = start_build(&dir, Some(3000));
        let started = Instant::now();
        while temp_files(&out).is_empty()
            && started.elapsed() < Duration::from_secs(60)
            && child.try_wait().unwrap().is_none()
        {
            std::hint::spin_loop();
        }
        let _ = child.kill();
        child.wait().unwrap();
        versions.check(&out, "killed while writing");
        if !temp_files(&out).is_empty() {
            landed_mid_write = true;
            break;
        }
    }
    assert!(landed_mid_write, "no kill landed while a file was written");

    // The next build takes the dead build's lock over, removes its
    // temporary files and writes the new graph.
    build_to_end(&dir, "in/new", "out");
    assert!(versions.check(&out, "after a full build"));
    assert_eq!(temp_files(&out), Vec::<String>::new());
    assert!(!out.join(".claimgraph.lock").exists());
    fs::remove_dir_all(dir).unwrap();
}
