//! Node-link JSON export, the shape D3 and NetworkX's
//! `node_link_graph` read.
//!
//! ```text
//! {"directed": true, "multigraph": true, "graph": {"name": "claimgraph"},
//!  "nodes": [{"id", "type", "label", …fields}],
//!  "links": [{"source", "target", "kind", …fields}]}
//! ```
//!
//! A node's `type` is its kind in lower case (`actor`, `claim`,
//! `document`) and `label` a short text to show; its other fields are the
//! node's own, nested as the graph store writes them (an actor's `kind`
//! is person, organisation, …). A link's `kind` is the edge's kind
//! (`attributed`, `reported_in`, `contradicts`, `disputes`) and its other
//! fields the edge's, evidence included. Keys are sorted, so the same
//! graph gives the same bytes.

use serde_json::{Value, json};

use super::records::fields as tagged;
use crate::graph::{ClaimGraph, EdgeRecord, Node};

/// The claim graph as pretty-printed node-link JSON, ending with a
/// newline.
///
/// ```
/// use claimgraph::ClaimGraph;
/// let text = claimgraph::export::json::to_json(&ClaimGraph::new());
/// let v: serde_json::Value = serde_json::from_str(&text)?;
/// assert!(v["nodes"].as_array().unwrap().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_json(g: &ClaimGraph) -> String {
    let data = g.to_data();
    let nodes: Vec<Value> = data.nodes.iter().map(node).collect();
    let links: Vec<Value> = data.edges.iter().map(link).collect();
    let doc = json!({
        "directed": true,
        "multigraph": true,
        "graph": {"name": "claimgraph"},
        "nodes": nodes,
        "links": links,
    });
    let mut text = serde_json::to_string_pretty(&doc)
        .expect("a JSON value always serialises");
    text.push('\n');
    text
}

fn node(n: &Node) -> Value {
    let (kind, mut fields) = tagged(n);
    let label = ["title", "name", "text"]
        .iter()
        .find_map(|k| fields.get(*k).and_then(Value::as_str))
        .filter(|s| !s.is_empty())
        .unwrap_or(n.id())
        .to_string();
    fields.insert("id".into(), n.id().into());
    fields.insert("type".into(), kind.to_lowercase().into());
    fields.insert("label".into(), label.into());
    Value::Object(fields)
}

fn link(rec: &EdgeRecord) -> Value {
    let (_, mut fields) = tagged(&rec.edge);
    fields.insert("source".into(), rec.from.clone().into());
    fields.insert("target".into(), rec.to.clone().into());
    fields.insert("kind".into(), rec.edge.kind_name().into());
    Value::Object(fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Actor, ActorKind, Claim, Edge, Evidence};
    use crate::model::CueClass;

    #[test]
    fn nodes_and_links_keep_their_fields() {
        let mut g = ClaimGraph::new();
        let a = g.add_actor(Actor::new(
            "actor:x",
            "X",
            ActorKind::Government,
            "X",
        ));
        let c = g.add_claim(Claim::new("claim:1", "No \"way\""));
        let evidence = Evidence {
            document: "d".into(),
            span: [0, 4],
            text: "No".into(),
            speaker: Some("X".into()),
            speaker_span: Some([5, 6]),
            cue: None,
            cue_span: None,
            rule: "r".into(),
        };
        let edge =
            Edge::Attributed { class: CueClass::Said, direct: true, evidence };
        g.link(a, c, edge);
        let v: Value = serde_json::from_str(&to_json(&g)).unwrap();
        let actor = &v["nodes"][0];
        assert_eq!(actor["type"], "actor");
        assert_eq!(actor["kind"], "Government");
        assert_eq!(actor["label"], "X");
        assert_eq!(v["nodes"][1]["label"], "No \"way\"");
        let l = &v["links"][0];
        assert_eq!(
            (&l["source"], &l["target"]),
            (&json!("actor:x"), &json!("claim:1"))
        );
        assert_eq!(l["kind"], "attributed");
        assert_eq!(l["evidence"]["speaker_span"], json!([5, 6]));
    }
}
