//! GEXF 1.3 export, for Gephi.
//!
//! Properties are declared once per class (`<attributes class="node">`)
//! and given per node and edge as `<attvalues>`, the flat records of the
//! `records` module with their types. Lists are one string, items joined
//! by `"; "`: GEXF 1.3's list types are read differently by different
//! Gephi versions, and a string reads the same everywhere.
//! Nodes carry a colour per kind (`viz:color`) so that Gephi shows actors,
//! claims and documents apart before any styling. The file has no
//! modification date, so the same graph gives the same bytes.

use std::fmt::Write;

use super::records::{self, EDGE_KIND, Kind, NODE_TYPE, Record, Value};
use super::xml;
use crate::graph::ClaimGraph;

const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
    version="1.3">
  <meta>
    <creator>claimgraph</creator>
    <description>Who said what: actors, claims and documents</description>
  </meta>
  <graph defaultedgetype="directed" mode="static">
"#;

/// The claim graph as a GEXF 1.3 document, ending with a newline.
pub fn to_gexf(g: &ClaimGraph) -> String {
    let data = g.to_data();
    let nodes = records::nodes(&data);
    let edges = records::edges(&data);
    let node_keys = keys(&nodes, NODE_TYPE);
    let edge_keys = keys(&edges, EDGE_KIND);
    let mut out = String::from(HEADER);
    declare(&mut out, "node", &node_keys);
    declare(&mut out, "edge", &edge_keys);
    out.push_str("    <nodes>\n");
    for n in &nodes {
        node(&mut out, n, &node_keys);
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for e in &edges {
        edge(&mut out, e, &edge_keys);
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// The records' kind under the name `tag`, then their properties.
fn keys(records: &[Record], tag: &str) -> Vec<(String, Kind)> {
    records::schema_after(records, &[tag])
}

/// One `<attributes>` block: ids are the positions in `keys`.
fn declare(out: &mut String, class: &str, keys: &[(String, Kind)]) {
    let _ =
        writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
    for (i, (name, kind)) in keys.iter().enumerate() {
        let ty = kind.xml_type();
        let _ = writeln!(
            out,
            "      <attribute id=\"{i}\" title=\"{}\" type=\"{ty}\"/>",
            xml::attr(name)
        );
    }
    out.push_str("    </attributes>\n");
}

fn node(out: &mut String, r: &Record, keys: &[(String, Kind)]) {
    let _ = writeln!(
        out,
        "      <node id=\"{}\" label=\"{}\">",
        xml::attr(&r.id),
        xml::attr(&r.label)
    );
    attvalues(out, r, keys);
    let (red, green, blue) = colour(&r.kind);
    let _ = writeln!(
        out,
        "        <viz:color r=\"{red}\" g=\"{green}\" b=\"{blue}\"/>"
    );
    out.push_str("      </node>\n");
}

fn edge(out: &mut String, r: &Record, keys: &[(String, Kind)]) {
    let (source, target) =
        (r.source.as_deref().unwrap_or(""), r.target.as_deref().unwrap_or(""));
    let _ = writeln!(
        out,
        "      <edge id=\"{}\" source=\"{}\" target=\"{}\" label=\"{}\" \
         kind=\"{}\">",
        xml::attr(&r.id),
        xml::attr(source),
        xml::attr(target),
        xml::attr(&r.label),
        xml::attr(&r.kind)
    );
    attvalues(out, r, keys);
    out.push_str("      </edge>\n");
}

/// The record's values, in declaration order; the first is its kind.
fn attvalues(out: &mut String, r: &Record, keys: &[(String, Kind)]) {
    out.push_str("        <attvalues>\n");
    for (i, (name, _)) in keys.iter().enumerate() {
        let value = if i == 0 {
            Some(r.kind.clone())
        } else {
            r.props.get(name).map(Value::to_text)
        };
        if let Some(value) = value {
            let _ = writeln!(
                out,
                "          <attvalue for=\"{i}\" value=\"{}\"/>",
                xml::attr(&value)
            );
        }
    }
    out.push_str("        </attvalues>\n");
}

/// The colour of a node kind, close to the DOT diagram's fills.
fn colour(kind: &str) -> (u8, u8, u8) {
    match kind {
        "Actor" => (74, 128, 184),
        "Claim" => (230, 190, 40),
        "Document" => (92, 168, 92),
        "Source" => (138, 106, 168),
        _ => (150, 150, 150),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Actor, ActorKind, Claim, Edge, Evidence};
    use crate::model::CueClass;

    fn sample() -> ClaimGraph {
        let mut g = ClaimGraph::new();
        let mut actor =
            Actor::new("actor:x", "X \"the\" <Y>", ActorKind::Person, "X");
        actor.mentions.push("Mr. X, Jr.".into());
        let a = g.add_actor(actor);
        let c = g.add_claim(Claim::new("claim:1", "No"));
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
        let edge = Edge::Attributed {
            class: CueClass::Denied,
            direct: false,
            evidence,
        };
        g.link(a, c, edge);
        g
    }

    #[test]
    fn nodes_and_edges_carry_labels_and_values() {
        let xml = to_gexf(&sample());
        assert!(xml.contains("version=\"1.3\""));
        assert!(xml.contains(
            "<node id=\"actor:x\" label=\"X &quot;the&quot; &lt;Y&gt;\">"
        ));
        assert!(xml.contains(
            "<edge id=\"e0\" source=\"actor:x\" target=\"claim:1\" \
             label=\"attributed\" kind=\"attributed\">"
        ));
        assert!(xml.contains("value=\"Mr. X, Jr.; X\""), "{xml}");
        assert!(xml.contains("value=\"Denied\""));
    }

    #[test]
    fn kinds_have_colours() {
        let xml = to_gexf(&sample());
        assert!(xml.contains("<viz:color r=\"74\" g=\"128\" b=\"184\"/>"));
    }
}
