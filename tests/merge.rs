use std::fs;
use std::path::Path;

use crate::util::{run, stderr, workdir};

/// The seeds, sorted by name, as paths from the repository root.
fn seeds() -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(crate::util::root().join("data"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .map(|n| format!("data/{n}"))
            .collect();
    names.sort();
    assert!(names.len() >= 3, "{names:?}");
    names
}

/// Runs `claimgraph` with `args`, `--out out` and `--quiet`, and checks
/// it succeeded.
fn ok(args: &[&str], out: &Path) {
    let out = out.to_str().unwrap();
    let mut all = args.to_vec();
    all.extend(["--out", out, "--quiet"]);
    let r = run(&all);
    assert!(r.status.success(), "{all:?}: {}", stderr(&r));
}

fn bytes(dir: &Path, name: &str) -> Vec<u8> {
    fs::read(dir.join(name)).unwrap()
}

#[test]
fn shards_merge_into_the_graph_one_build_makes_in_any_order() {
    let dir = workdir("merge");
    let seeds = seeds();
    let refs: Vec<&str> = seeds.iter().map(String::as_str).collect();
    let mut build = vec!["build"];
    build.extend(&refs);
    ok(&build, &dir.join("whole"));
    // Two shards, split unevenly; each built on its own.
    let (first, rest) = refs.split_at(2);
    let mut a = vec!["build", "--shard"];
    a.extend(first);
    ok(&a, &dir.join("a"));
    let mut b = vec!["build", "--shard"];
    b.extend(rest);
    ok(&b, &dir.join("b"));
    let (ga, gb) = (dir.join("a/graph.ron"), dir.join("b/graph.ron"));
    let (ga, gb) = (ga.to_str().unwrap(), gb.to_str().unwrap());
    ok(&["merge", ga, gb], &dir.join("ab"));
    // The other order, and a shard given twice, change nothing.
    ok(&["merge", gb, ga, gb], &dir.join("ba"));
    for name in ["graph.ron", "graph.dot"] {
        let whole = bytes(&dir.join("whole"), name);
        assert!(whole == bytes(&dir.join("ab"), name), "{name} differs (a b)");
        assert!(whole == bytes(&dir.join("ba"), name), "{name} differs (b a)");
    }
    // A merged shard merges again: ((a) + (b)) as one shard.
    ok(&["merge", "--shard", ga, gb], &dir.join("ab-shard"));
    let gab = dir.join("ab-shard/graph.ron");
    ok(&["merge", gab.to_str().unwrap()], &dir.join("again"));
    let again = bytes(&dir.join("again"), "graph.ron");
    assert!(again == bytes(&dir.join("whole"), "graph.ron"));
}

#[test]
fn binary_shards_merge_into_the_same_graph_and_every_command_reads_them() {
    let dir = workdir("merge-bin");
    let seeds = seeds();
    let refs: Vec<&str> = seeds.iter().map(String::as_str).collect();
    let mut build = vec!["build"];
    build.extend(&refs);
    ok(&build, &dir.join("whole"));
    let (first, rest) = refs.split_at(3);
    let mut a = vec!["build", "--shard", "--store", "bin"];
    a.extend(first);
    ok(&a, &dir.join("a"));
    assert!(!dir.join("a/graph.ron").exists(), "only graph.bin is written");
    // Shards of both forms merge together.
    let mut b = vec!["build", "--shard"];
    b.extend(rest);
    ok(&b, &dir.join("b"));
    let (ga, gb) = (dir.join("a/graph.bin"), dir.join("b/graph.ron"));
    let (ga, gb) = (ga.to_str().unwrap(), gb.to_str().unwrap());
    ok(&["merge", "--store", "bin", gb, ga], &dir.join("ab"));
    ok(&["merge", ga, gb], &dir.join("ab-ron"));
    let whole = dir.join("whole");
    assert!(
        bytes(&whole, "graph.ron") == bytes(&dir.join("ab-ron"), "graph.ron")
    );
    assert!(bytes(&whole, "graph.dot") == bytes(&dir.join("ab"), "graph.dot"));
    // The binary graph answers every query as the RON one does.
    let (bin, ron) = (dir.join("ab/graph.bin"), whole.join("graph.ron"));
    for query in [
        &["stats"][..],
        &["actors", "--format", "json"],
        &["documents", "--format", "json"],
        &["contradictions", "--format", "json"],
        &["claims", "--by", "Lopez Obrador", "--format", "json"],
    ] {
        let answer = |graph: &Path| {
            let mut args = query.to_vec();
            args.extend(["--graph", graph.to_str().unwrap()]);
            let r = run(&args);
            assert!(r.status.success(), "{args:?}: {}", stderr(&r));
            r.stdout
        };
        assert!(answer(&bin) == answer(&ron), "{query:?} differs");
    }
}

#[test]
fn a_graph_without_articles_or_with_a_clashing_id_is_refused() {
    let dir = workdir("merge-refused");
    let seeds = seeds();
    ok(&["build", &seeds[0]], &dir.join("plain"));
    let plain = dir.join("plain/graph.ron");
    let out = dir.join("out");
    let r = run(&[
        "merge",
        plain.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(2));
    let err = stderr(&r);
    assert!(
        err.contains("plain/graph.ron") && err.contains("--shard"),
        "{err}"
    );
    assert!(!out.join("graph.ron").exists());
    // Two different articles under one id.
    fs::write(dir.join("x.txt"), "Ann Lee said the plan works.").unwrap();
    ok(
        &["build", "--shard", dir.join("x.txt").to_str().unwrap()],
        &dir.join("s1"),
    );
    fs::write(dir.join("x.txt"), "Bo Chan said it fails.").unwrap();
    ok(
        &["build", "--shard", dir.join("x.txt").to_str().unwrap()],
        &dir.join("s2"),
    );
    let (s1, s2) = (dir.join("s1/graph.ron"), dir.join("s2/graph.ron"));
    let r = run(&[
        "merge",
        s1.to_str().unwrap(),
        s2.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(2));
    let err = stderr(&r);
    assert!(err.contains("\"x\"") && err.contains("s1/graph.ron"), "{err}");
}
