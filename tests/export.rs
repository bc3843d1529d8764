//! `claimgraph export` end to end: every format on the seeds, focused
//! views, determinism, errors, and the README's export examples.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use claimgraph::Node;
use claimgraph::export::dot::{render_bytes, to_dot};
use claimgraph::export::{Focus, focus};
use claimgraph::store::load;
use serde_json::Value;

use crate::util::{have_dot, root, run, stderr, stdout, workdir};

/// A curation file that rates one claim of the seeds.
const CURATION: &str = r#"Curation(
    verdicts: [
        VerdictEntry(
            claim: Text("we don’t produce fentanyl"),
            verdict: Verdict(
                rating: "False",
                author: "Example fact-check desk",
                url: Some("https://example.org/check/1"),
                date: Some("2024-03-15"),
            ),
        ),
    ],
)"#;

/// The seeds built once with [`CURATION`]; the folder holding graph.ron.
fn seeds() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = workdir("export-seeds");
        fs::write(dir.join("curation.ron"), CURATION).unwrap();
        let out = run(&[
            "build",
            "data",
            "--quiet",
            "--out",
            dir.to_str().unwrap(),
            "--curation",
            dir.join("curation.ron").to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        dir
    })
}

/// Runs `export` on the seeds' graph with `args`, writing to `out`.
fn export(out: &Path, args: &[&str]) -> Output {
    let graph = seeds().join("graph.ron");
    let mut all = vec!["export", "--graph", graph.to_str().unwrap()];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", out.to_str().unwrap()]);
    run(&all)
}

/// Exports `format` (with `args`) into a fresh folder; returns the file.
fn exported(format: &str, args: &[&str]) -> PathBuf {
    let path =
        workdir(&format!("export-{format}")).join(format!("g.{format}"));
    let mut all = vec!["--format", format];
    all.extend_from_slice(args);
    let out = export(&path, &all);
    assert!(out.status.success(), "{format}: {}", stderr(&out));
    assert!(stdout(&out).contains("wrote "), "{}", stdout(&out));
    path
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn dot_accepts(path: &Path) {
    let check = Command::new("dot")
        .args(["-Tsvg", "-o", "/dev/null"])
        .arg(path)
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn dot_is_accepted_by_graphviz() {
    let whole = exported("dot", &[]);
    let text = fs::read_to_string(&whole).unwrap();
    assert!(text.contains("subgraph documents {"), "side rank");
    assert!(text.contains("subgraph cluster_legend {"));
    assert!(text.contains("constraint=\"false\""), "counterclaims");
    let focused = exported("dot", &["--actor", "López Obrador"]);
    if !have_dot() {
        eprintln!("note: Graphviz `dot` not installed; DOT check skipped");
        return;
    }
    dot_accepts(&whole);
    dot_accepts(&focused);
}

/// Graphviz once failed ("trouble in init_rank", "lost edge") on views
/// where labelled counterclaims sat outside the ranking; every document
/// view, every claim view and every actor at depth 3 must lay out.
#[test]
fn graphviz_lays_out_every_focused_view() {
    if !have_dot() {
        eprintln!("note: Graphviz `dot` not installed; layout test skipped");
        return;
    }
    let g = load(&seeds().join("graph.ron")).unwrap();
    let mut views = Vec::new();
    for node in g.nodes() {
        let mut f = Focus::default();
        match node {
            Node::Claim(c) => f.claim = Some(c.id.clone()),
            Node::Document(d) => f.document = Some(d.id.clone()),
            Node::Actor(a) => (f.actor, f.depth) = (Some(a.id.clone()), 3),
            _ => continue,
        }
        views.push(f);
    }
    assert!(views.len() > 100);
    for f in views {
        let view = focus(&g, &f).unwrap();
        let dot = to_dot(&view);
        let svg = render_bytes(&dot, "svg");
        assert!(matches!(svg, Ok(Some(_))), "{}: {svg:?}", f.describe());
    }
}

#[test]
fn images_are_rendered_by_graphviz() {
    if !have_dot() {
        eprintln!("note: Graphviz `dot` not installed; image test skipped");
        let path = workdir("no-dot").join("g.svg");
        let out = export(&path, &["--format", "svg"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("Graphviz"), "{}", stderr(&out));
        return;
    }
    let svg = fs::read_to_string(exported("svg", &[])).unwrap();
    assert!(svg.contains("<svg") && svg.contains("Legend"));
    let png = fs::read(exported("png", &["--claim", "3a2136b8"])).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let pdf = fs::read(exported("pdf", &["--topic", "fentanyl"])).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn graphml_parses_with_nodes_and_edges() {
    let text = fs::read_to_string(exported("graphml", &[])).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let count =
        |tag: &str| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
    assert!(count("node") > 50, "{} nodes", count("node"));
    assert!(count("edge") > 100, "{} edges", count("edge"));
    let keys: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("key"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    for data in doc.descendants().filter(|n| n.has_tag_name("data")) {
        assert!(keys.contains(&data.attribute("key").unwrap()));
    }
    assert!(text.contains("Example fact-check desk"), "verdicts travel");
}

#[test]
fn gexf_parses_with_nodes_and_edges() {
    let text = fs::read_to_string(exported("gexf", &[])).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let gexf = doc.root_element();
    assert_eq!(gexf.tag_name().namespace(), Some("http://gexf.net/1.3"));
    assert_eq!(gexf.attribute("version"), Some("1.3"));
    let count =
        |tag: &str| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
    assert!(count("node") > 50 && count("edge") > 100);
}

#[test]
fn json_is_node_link() {
    let v = json(&exported("json", &[]));
    let nodes = v["nodes"].as_array().unwrap();
    let links = v["links"].as_array().unwrap();
    assert!(
        nodes.iter().all(|n| n["id"].is_string() && n["type"].is_string())
    );
    for l in links {
        for key in ["source", "target", "kind"] {
            assert!(l[key].is_string(), "{key}: {l}");
        }
    }
    let ids: Vec<&str> =
        nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert!(
        links.iter().all(|l| ids.contains(&l["source"].as_str().unwrap()))
    );
    let kinds: Vec<&str> =
        links.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    for kind in ["attributed", "reported_in", "contradicts"] {
        assert!(kinds.contains(&kind), "{kind}");
    }
}

#[test]
fn neo4j_csv_has_import_headers() {
    let dir = workdir("export-neo4j").join("import");
    let out = export(&dir, &["--format", "neo4j-csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("neo4j-admin database import full"));
    let header = |name: &str| {
        let text = fs::read_to_string(dir.join(name)).unwrap();
        text.lines().next().unwrap().to_string()
    };
    for kind in ["actor", "claim", "document"] {
        let h = header(&format!("nodes_{kind}.csv"));
        assert!(h.starts_with("id:ID,:LABEL"), "{kind}: {h}");
    }
    for kind in ["attributed", "reported_in", "contradicts"] {
        let h = header(&format!("relationships_{kind}.csv"));
        assert!(h.starts_with(":START_ID,:END_ID,:TYPE"), "{kind}: {h}");
    }
    assert!(header("relationships_attributed.csv").contains("direct:boolean"));
}

#[test]
fn claimreview_lists_curated_verdicts() {
    let v = json(&exported("claimreview", &[]));
    let reviews = v.as_array().unwrap();
    assert_eq!(reviews.len(), 1, "{v}");
    let r = &reviews[0];
    assert_eq!(r["@context"], "https://schema.org");
    assert_eq!(r["@type"], "ClaimReview");
    assert_eq!(r["reviewRating"]["alternateName"], "False");
    assert_eq!(r["author"]["name"], "Example fact-check desk");
    assert_eq!(r["itemReviewed"]["@type"], "Claim");
    assert!(r["claimReviewed"].as_str().unwrap().contains("produce fentanyl"));
    assert!(r["itemReviewed"]["appearance"].as_array().is_some());
}

#[test]
fn claimreview_without_verdicts_is_empty_with_a_note() {
    let path = workdir("export-cr").join("cr.json");
    let out = export(&path, &["--format", "claimreview", "--topic", "tariff"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), "[]\n");
    assert!(stderr(&out).contains("no claim has a curated verdict"));
}

#[test]
fn html_is_one_self_contained_report() {
    let path = exported("html", &["--actor", "López Obrador"]);
    let page = fs::read_to_string(&path).unwrap();
    assert!(page.contains("<table id=\"reports\">"));
    assert!(page.contains("<input type=\"search\" id=\"q\""));
    assert!(page.contains("Fact-checkers' verdicts"));
    assert!(page.contains("<ul class=\"conflicts\"><li><a href=\"#r-"));
    for external in ["<script src", "<link", "@import", "url(http"] {
        assert!(!page.contains(external), "{external}");
    }
    if have_dot() {
        assert!(page.contains("<svg") && page.contains("xlink:href=\"#"));
    } else {
        assert!(page.contains("No diagram"));
    }
}

/// Actor names in a JSON export.
fn actor_names(v: &Value) -> Vec<String> {
    v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["type"] == "actor")
        .map(|n| n["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn focused_views_keep_the_focus_and_leave_the_rest() {
    let v =
        json(&exported("json", &["--actor", "lopez obrador", "--depth", "1"]));
    let names = actor_names(&v);
    assert!(names.iter().all(|n| n.contains("López Obrador")), "{names:?}");
    assert!(
        v["nodes"].as_array().unwrap().iter().all(|n| n["type"] != "document")
    );

    let v = json(&exported("json", &["--claim", "3a2136b8"]));
    let names = actor_names(&v);
    let amlo = "Andrés Manuel López Obrador".to_string();
    assert!(names.contains(&amlo), "{names:?}");
    assert!(names.contains(&"US officials".to_string()), "counterclaim's");
    assert!(!names.contains(&"Feeley".to_string()));

    let v = json(&exported("json", &["--document", "001_5645bdeac6ed4ab2"]));
    let docs: Vec<&Value> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["type"] == "document")
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["name"], "001_5645bdeac6ed4ab2");

    let v = json(&exported("json", &["--topic", "tariff"]));
    let claims =
        v["nodes"].as_array().unwrap().iter().filter(|n| n["type"] == "claim");
    for c in claims {
        assert!(c["text"].as_str().unwrap().to_lowercase().contains("tariff"));
    }
}

#[test]
fn the_same_graph_gives_the_same_bytes() {
    let mut formats =
        vec!["dot", "graphml", "gexf", "json", "claimreview", "html"];
    if have_dot() {
        formats.extend(["svg", "png", "pdf"]);
    }
    for format in formats {
        let a = fs::read(exported(format, &["--actor", "Milgram"])).unwrap();
        let b = fs::read(exported(format, &["--actor", "Milgram"])).unwrap();
        assert!(a == b, "{format} differs between two exports");
    }
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let dir = workdir("export-bad");
    let out_path = dir.join("x.dot");
    let o = out_path.to_str().unwrap();
    let cases: [(&[&str], &str); 6] = [
        (&["export", "--format", "jpeg", "-o", o], "invalid value 'jpeg'"),
        (
            &["export", "--format", "dot", "--graph", "no/such.ron", "-o", o],
            "no/such.ron",
        ),
        (&["export", "--format", "dot", "--depth", "2", "-o", o], "--actor"),
        (
            &["export", "--format", "dot", "--actor", "Nobody Atall", "-o", o],
            "no actor",
        ),
        (
            &["export", "--format", "dot", "--topic", "(", "-o", o],
            "regular expression",
        ),
        (
            &["export", "--format", "dot", "--claim", "zzzz", "-o", o],
            "no claim",
        ),
    ];
    for (args, message) in cases {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
    assert!(!out_path.exists(), "nothing written on error");
}

#[test]
fn a_failed_export_keeps_the_previous_file() {
    let path = exported("json", &[]);
    let before = fs::read(&path).unwrap();
    let out = export(&path, &["--format", "json", "--topic", "zebra"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read(&path).unwrap(), before);
}

/// One `claimgraph export` line of the README's Exports section: its
/// words, and the output shown under it (in a console block).
#[derive(Debug)]
struct Example {
    words: Vec<String>,
    shown: Vec<String>,
}

/// The `claimgraph export` examples in the README's Exports section.
fn readme_examples() -> Vec<Example> {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let section =
        readme.split("\n## Exports").nth(1).expect("an Exports section");
    let section = section.split("\n## ").next().unwrap();
    let mut examples: Vec<Example> = Vec::new();
    let mut console = false;
    for line in section.lines() {
        let command = line.trim_start_matches("$ ");
        if line.starts_with("```") {
            console = line == "```console";
        } else if command.starts_with("claimgraph export ") {
            let words = words(command.split(" #").next().unwrap());
            examples.push(Example { words, shown: Vec::new() });
        } else if let (true, Some(last)) = (console, examples.last_mut()) {
            last.shown.push(line.to_string());
        }
    }
    examples
}

/// True when `output` is what the README shows, `wrote` lines compared
/// by file name since the test writes elsewhere.
fn shown_as_in_readme(output: &str, shown: &[String]) -> bool {
    let name = |l: &str| match l.strip_prefix("wrote ") {
        Some(path) => Path::new(path).file_name().map(|n| n.to_owned()),
        None => Some(l.into()),
    };
    let lines: Vec<&str> = output.lines().collect();
    shown.is_empty()
        || (lines.len() == shown.len()
            && lines.iter().zip(shown).all(|(a, b)| name(a) == name(b)))
}

/// Splits a command line into words, honouring double quotes.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[test]
fn the_readme_export_examples_run() {
    let examples = readme_examples();
    assert!(examples.len() >= 8, "{examples:?}");
    let dir = workdir("readme");
    for Example { words, shown } in examples {
        let mut args: Vec<String> = words[1..].to_vec();
        let format = args
            [args.iter().position(|a| a == "--format").unwrap() + 1]
            .clone();
        if ["svg", "png", "pdf"].contains(&format.as_str()) && !have_dot() {
            eprintln!("note: Graphviz missing; skipped {words:?}");
            continue;
        }
        // Outputs go to a scratch folder, never over the committed ones.
        let o = args.iter().position(|a| a == "-o").expect("-o PATH") + 1;
        let name = Path::new(&args[o]).file_name().unwrap().to_owned();
        args[o] = dir.join(name).to_str().unwrap().to_string();
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&refs);
        assert!(out.status.success(), "{words:?}: {}", stderr(&out));
        assert!(Path::new(&args[o]).exists(), "{words:?} wrote nothing");
        let output = stdout(&out);
        assert!(
            shown_as_in_readme(&output, &shown),
            "{words:?} printed\n{output}but the README shows\n{}",
            shown.join("\n")
        );
    }
}
