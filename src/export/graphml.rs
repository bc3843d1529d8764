//! GraphML export, for yEd, Cytoscape, NetworkX and other graph tools.
//!
//! Plain GraphML: one `<key>` declaration per property with its type,
//! then the nodes and edges with a `<data>` element for each property they
//! have. Every node has `type` and `label`, every edge `kind` and
//! `label`. The
//! properties are the flat records of the `records` module, so the
//! evidence behind each edge (document, span, text, cue, rule) travels
//! with it. Lists are written as one text, items joined by `"; "`. In yEd,
//! "Edit > Properties Mapper" turns `label` into node labels.

use std::fmt::Write;

use super::records::{self, EDGE_KIND, Kind, NODE_TYPE, Record};
use super::xml;
use crate::graph::ClaimGraph;

const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns
     http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
"#;

/// The claim graph as a GraphML document, ending with a newline.
///
/// ```
/// use claimgraph::ClaimGraph;
/// let xml = claimgraph::export::graphml::to_graphml(&ClaimGraph::new());
/// assert!(xml.contains(r#"<graph id="claimgraph" edgedefault="directed">"#));
/// ```
pub fn to_graphml(g: &ClaimGraph) -> String {
    let data = g.to_data();
    let nodes = records::nodes(&data);
    let edges = records::edges(&data);
    let node_keys = keys(&nodes, NODE_TYPE);
    let edge_keys = keys(&edges, EDGE_KIND);
    let mut out = String::from(HEADER);
    declare(&mut out, "node", "n", &node_keys);
    declare(&mut out, "edge", "e", &edge_keys);
    out.push_str("  <graph id=\"claimgraph\" edgedefault=\"directed\">\n");
    for n in &nodes {
        element(&mut out, ("node", "n"), n, &node_keys);
    }
    for e in &edges {
        element(&mut out, ("edge", "e"), e, &edge_keys);
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// The properties to declare: the records' kind under the name `tag`,
/// `label`, then the records' own.
fn keys(records: &[Record], tag: &str) -> Vec<(String, Kind)> {
    records::schema_after(records, &[tag, "label"])
}

/// One `<key>` element per property, with ids `{prefix}0`, `{prefix}1`…
fn declare(
    out: &mut String,
    domain: &str,
    prefix: &str,
    keys: &[(String, Kind)],
) {
    for (i, (name, kind)) in keys.iter().enumerate() {
        let ty = kind.xml_type();
        let _ = writeln!(
            out,
            "  <key id=\"{prefix}{i}\" for=\"{domain}\" attr.name=\"{}\" \
             attr.type=\"{ty}\"/>",
            xml::attr(name)
        );
    }
}

/// A `<node>` or `<edge>` (`tag`) with its `<data>` children, whose keys
/// are `prefix` and a position in `keys`; the first key is the kind.
fn element(
    out: &mut String,
    (tag, prefix): (&str, &str),
    r: &Record,
    keys: &[(String, Kind)],
) {
    let _ = write!(out, "    <{tag} id=\"{}\"", xml::attr(&r.id));
    if let (Some(s), Some(t)) = (&r.source, &r.target) {
        let _ = write!(
            out,
            " source=\"{}\" target=\"{}\"",
            xml::attr(s),
            xml::attr(t)
        );
    }
    out.push_str(">\n");
    for (i, (name, _)) in keys.iter().enumerate() {
        let value = match (i, name.as_str()) {
            (0, _) => Some(r.kind.clone()),
            (_, "label") => Some(r.label.clone()),
            _ => r.props.get(name).map(|v| v.to_text()),
        };
        if let Some(value) = value {
            let _ = writeln!(
                out,
                "      <data key=\"{prefix}{i}\">{}</data>",
                xml::text(&value)
            );
        }
    }
    let _ = writeln!(out, "    </{tag}>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Actor, ActorKind, Claim, Edge, Evidence};
    use crate::model::CueClass;

    fn sample() -> ClaimGraph {
        let mut g = ClaimGraph::new();
        let a = g.add_actor(Actor::new(
            "actor:x",
            "X & <Y>",
            ActorKind::Person,
            "X",
        ));
        let c = g.add_claim(Claim::new("claim:1", "“No,” she said.\nThen"));
        let evidence = Evidence {
            document: "d".into(),
            span: [0, 4],
            text: "No".into(),
            speaker: None,
            speaker_span: None,
            cue: None,
            cue_span: None,
            rule: "r".into(),
        };
        let edge =
            Edge::Attributed { class: CueClass::Said, direct: true, evidence };
        g.link(a, c, edge);
        g
    }

    #[test]
    fn keys_are_declared_with_types() {
        let xml = to_graphml(&sample());
        assert!(xml.contains(
            "<key id=\"n0\" for=\"node\" attr.name=\"type\" \
             attr.type=\"string\"/>"
        ));
        assert!(xml.contains("attr.name=\"direct\" attr.type=\"boolean\""));
        assert!(xml.contains("for=\"node\" attr.name=\"kind\""), "own kind");
        assert!(
            xml.contains(
                "attr.name=\"evidence_span_start\" attr.type=\"long\""
            )
        );
    }

    #[test]
    fn text_is_escaped() {
        let xml = to_graphml(&sample());
        assert!(xml.contains(">X &amp; &lt;Y&gt;</data>"), "{xml}");
        assert!(!xml.contains("<Y>"));
        assert!(xml.contains(
            "<edge id=\"e0\" source=\"actor:x\" target=\"claim:1\">"
        ));
    }

    #[test]
    fn every_data_element_names_a_declared_key() {
        let xml = to_graphml(&sample());
        for line in xml.lines().filter(|l| l.contains("<data key=")) {
            let key = line.split('"').nth(1).unwrap();
            assert!(xml.contains(&format!("<key id=\"{key}\"")), "{key}");
        }
    }
}
