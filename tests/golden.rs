//! Scores the seeds against `tests/data/gold.jsonl` with the bench's
//! matching rules (content pieces overlapping by at least half of the
//! longer; greedy one-to-one by overlap ratio; a speaker is right when its
//! span shares a character with the gold source), so `cargo test` guards
//! accuracy without the bench folder beside the repo. `.ci/run` also runs
//! the bench's own scorer when the folder is there.

use std::fs;

use claimgraph::{CharIndex, Document, extract_document};
use serde_json::Value;

use crate::util::root;

type Pieces = Vec<[usize; 2]>;

struct Item {
    content: Pieces,
    speaker: Option<[usize; 2]>,
    direct: bool,
}

fn len(p: &Pieces) -> usize {
    p.iter().map(|s| s[1] - s[0]).sum()
}

fn overlap(a: &Pieces, b: &Pieces) -> usize {
    let mut n = 0;
    for x in a {
        for y in b {
            n += x[1].min(y[1]).saturating_sub(x[0].max(y[0]));
        }
    }
    n
}

fn touch(a: Option<[usize; 2]>, b: Option<[usize; 2]>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a[1].min(b[1]) > a[0].max(b[0]))
}

fn matches(gold: &[&Item], pred: &[&Item]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let longer = len(&g.content).max(len(&p.content));
            let ov = overlap(&g.content, &p.content);
            if ov > 0 && 2 * ov >= longer {
                cands.push((ov as f64 / longer as f64, ov, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
    let (mut ug, mut up, mut out) =
        (vec![false; gold.len()], vec![false; pred.len()], vec![]);
    for (_, _, gi, pi) in cands {
        if !ug[gi] && !up[pi] {
            ug[gi] = true;
            up[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

fn span(v: &Value) -> Option<[usize; 2]> {
    let a = v.as_array()?;
    Some([a[0].as_u64()? as usize, a[1].as_u64()? as usize])
}

#[derive(Default)]
struct Tally {
    content: [usize; 3],
    speaker: [usize; 3],
    direct_speaker: [usize; 3],
}

fn f1([tp, pred, gold]: [usize; 3]) -> f64 {
    let p = tp as f64 / pred.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

fn add(t: &mut Tally, gold: &[Item], pred: &[Item]) {
    let g: Vec<&Item> = gold.iter().collect();
    let p: Vec<&Item> = pred.iter().collect();
    let pairs = matches(&g, &p);
    t.content[0] += pairs.len();
    t.content[1] += p.len();
    t.content[2] += g.len();
    t.speaker[0] += pairs
        .iter()
        .filter(|(a, b)| touch(g[*a].speaker, p[*b].speaker))
        .count();
    t.speaker[1] += p.iter().filter(|x| x.speaker.is_some()).count();
    t.speaker[2] += g.iter().filter(|x| x.speaker.is_some()).count();
    let gd: Vec<&Item> = gold.iter().filter(|x| x.direct).collect();
    let pd: Vec<&Item> = pred.iter().filter(|x| x.direct).collect();
    let dpairs = matches(&gd, &pd);
    t.direct_speaker[0] += dpairs
        .iter()
        .filter(|(a, b)| touch(gd[*a].speaker, pd[*b].speaker))
        .count();
    t.direct_speaker[1] += pd.iter().filter(|x| x.speaker.is_some()).count();
    t.direct_speaker[2] += gd.iter().filter(|x| x.speaker.is_some()).count();
}

fn gold_items(row: &Value) -> Vec<Item> {
    row["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| Item {
            content: a["content"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(span)
                .collect(),
            speaker: span(&a["source"]),
            direct: a["direct"].as_bool().unwrap(),
        })
        .collect()
}

fn predicted(id: &str, text: &str) -> Vec<Item> {
    let doc =
        Document { id: id.into(), text: text.into(), ..Document::default() };
    let x = extract_document(doc);
    let chars = CharIndex::new(text);
    x.attributions
        .iter()
        .map(|a| Item {
            content: a.content.iter().map(|s| s.to_chars(&chars)).collect(),
            speaker: a.speaker.as_ref().map(|s| s.span.to_chars(&chars)),
            direct: a.direct,
        })
        .collect()
}

/// The floors are issue 2's targets for the seeds; the figures reached
/// are higher (see docs/accuracy.md).
#[test]
fn seeds_meet_the_accuracy_floors() {
    let gold =
        fs::read_to_string(root().join("tests/data/gold.jsonl")).unwrap();
    let mut t = Tally::default();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).unwrap();
        let id = row["id"].as_str().unwrap();
        let text =
            fs::read_to_string(root().join(format!("data/{id}.txt"))).unwrap();
        assert_eq!(
            text,
            row["text"].as_str().unwrap(),
            "data/{id}.txt differs from gold"
        );
        add(&mut t, &gold_items(&row), &predicted(id, &text));
    }
    let (ds, c, s) = (f1(t.direct_speaker), f1(t.content), f1(t.speaker));
    eprintln!(
        "seeds: direct-speaker F1 {ds:.2}  content F1 {c:.2}  speaker F1 {s:.2}"
    );
    assert!(ds >= 0.90, "direct-speaker F1 {ds:.3} below 0.90");
    assert!(c >= 0.75, "content F1 {c:.3} below 0.75");
    assert!(s >= 0.70, "speaker F1 {s:.3} below 0.70");
}
