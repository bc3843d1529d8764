use std::fs;

use claimgraph::ingest::{collect_inputs, read_file};
use claimgraph::store::{from_ron, load, save, to_ron};
use claimgraph::{Document, Node, Resolution, build_graph, extract_document};

use crate::hay;
use crate::util::{root, workdir};

fn seeds() -> Vec<Document> {
    let files = collect_inputs(&[root().join("data")]).unwrap();
    files.iter().flat_map(|f| read_file(f)).map(Result::unwrap).collect()
}

#[test]
fn store_round_trip_gives_the_same_bytes()
-> Result<(), Box<dyn std::error::Error>> {
    let docs: Vec<_> = seeds().into_iter().map(extract_document).collect();
    let g = build_graph(&docs);
    let dir = workdir("roundtrip");
    let path = dir.join("graph.ron");
    save(&g, &path)?;
    let first = fs::read_to_string(&path)?;
    let again = load(&path)?;
    assert_eq!(to_ron(&again)?, first);
    assert_eq!(again.counts(), g.counts());
    Ok(())
}

#[test]
fn a_truncated_store_is_refused() {
    let docs: Vec<_> = seeds().into_iter().map(extract_document).collect();
    let text = to_ron(&build_graph(&docs)).unwrap();
    let cut = &text[..text.len() / 2];
    let err =
        from_ron(cut, std::path::Path::new("graphs/graph.ron")).unwrap_err();
    assert!(err.to_string().contains("graphs/graph.ron"), "{err}");
}

#[test]
fn every_edge_carries_evidence_that_points_into_its_document() {
    let docs = seeds();
    let texts: Vec<(String, Vec<char>)> = docs
        .iter()
        .map(|d| (d.id.clone(), d.text.chars().collect()))
        .collect();
    let extracted: Vec<_> = docs.into_iter().map(extract_document).collect();
    let data = build_graph(&extracted).to_data();
    assert!(!data.edges.is_empty());
    for rec in &data.edges {
        let ev = rec.edge.evidence();
        let (_, chars) =
            texts.iter().find(|(id, _)| **id == *ev.document).unwrap();
        assert!(!ev.rule.is_empty());
        if let (Some(span), Some(text)) = (ev.speaker_span, &ev.speaker) {
            let got: String =
                chars[span[0] as usize..span[1] as usize].iter().collect();
            assert_eq!(got, **text);
        }
        if let (Some(span), Some(text)) = (ev.cue_span, &ev.cue) {
            let got: String =
                chars[span[0] as usize..span[1] as usize].iter().collect();
            assert_eq!(got, **text);
        }
    }
}

#[test]
fn same_surname_different_people_are_not_merged() {
    let doc = Document {
        id: "clintons".into(),
        text: hay::SHARED_SURNAME.into(),
        ..Document::default()
    };
    let x = extract_document(doc);
    let last = x.attributions.last().unwrap().speaker.clone().unwrap();
    assert_eq!(last.name, "Clinton");
    assert_eq!(last.resolution, Resolution::Named);
    let g = build_graph(&[x]);
    let names: Vec<String> = g
        .nodes()
        .filter_map(|n| match n {
            Node::Actor(a) => Some(a.name.clone()),
            _ => None,
        })
        .collect();
    assert!(names.contains(&"Bill Clinton".to_string()));
    assert!(names.contains(&"Hillary Clinton".to_string()));
}

#[test]
fn seeds_graph_has_the_fentanyl_denial() {
    let docs: Vec<_> = seeds().into_iter().map(extract_document).collect();
    let g = build_graph(&docs);
    let found = g.nodes().any(|n| match n {
        Node::Claim(c) => c.text.contains("we don’t produce fentanyl"),
        _ => false,
    });
    assert!(found, "López Obrador's quote is a claim");
}
