//! Nodes and edges as flat property records, for the exporters whose
//! formats hold one value per property: GraphML, GEXF and Neo4j's CSV.
//!
//! The records are read off each node's and edge's serde form rather than
//! written out field by field, so a new field or a new kind of node or
//! edge reaches every such format without touching it. Nested fields are
//! joined with `_` (`evidence_text`, `a_evidence_document`); a span, a
//! two-number list whose name ends in `span`, becomes `…_start` and
//! `…_end`; a list of values is a [`Value::List`]; a list of objects (a
//! claim's verdicts) becomes one list per field (`verdicts_rating`).
//! Missing values (`None`) are left out.
//!
//! Formats name a node's kind `type` (an actor has a `kind` of its own:
//! person, organisation…) and an edge's kind `kind`; [`NODE_TYPE`] and
//! [`EDGE_KIND`] hold the two names.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::graph::{GraphData, Node};

/// The property naming a node's kind (`Actor`, `Claim`, …).
pub(crate) const NODE_TYPE: &str = "type";
/// The property naming an edge's kind (`attributed`, …).
pub(crate) const EDGE_KIND: &str = "kind";

/// One property value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    /// True or false.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// Any other number.
    Float(f64),
    /// Text.
    Text(String),
    /// Several values, as text.
    List(Vec<String>),
}

impl Value {
    /// The value as one piece of text; list items joined by `"; "`.
    pub(crate) fn to_text(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::Text(t) => t.clone(),
            Value::List(items) => items.join("; "),
        }
    }
}

/// A node or an edge as flat properties.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Record {
    /// The node's id, or `e0`, `e1`, … for edges in [`GraphData`] order.
    pub id: String,
    /// The node's kind as its type is named (`Actor`), or the edge's
    /// (`reported_in`).
    pub kind: String,
    /// A short text to show: a title, name or claim text.
    pub label: String,
    /// The source node's id, for edges.
    pub source: Option<String>,
    /// The target node's id, for edges.
    pub target: Option<String>,
    /// Every other property, by name.
    pub props: BTreeMap<String, Value>,
}

/// The graph's nodes as records, in id order.
pub(crate) fn nodes(data: &GraphData) -> Vec<Record> {
    data.nodes.iter().map(node).collect()
}

/// The graph's edges as records, in [`GraphData`] order.
pub(crate) fn edges(data: &GraphData) -> Vec<Record> {
    data.edges
        .iter()
        .enumerate()
        .map(|(i, rec)| {
            let (_, props) = tagged(&rec.edge);
            Record {
                id: format!("e{i}"),
                kind: rec.edge.kind_name().to_string(),
                label: rec.edge.kind_name().replace('_', " "),
                source: Some(rec.from.clone()),
                target: Some(rec.to.clone()),
                props,
            }
        })
        .collect()
}

fn node(n: &Node) -> Record {
    let (kind, props) = tagged(n);
    let label = ["title", "name", "text"]
        .iter()
        .find_map(|k| match props.get(*k) {
            Some(Value::Text(t)) if !t.is_empty() => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_else(|| n.id().to_string());
    Record {
        id: n.id().to_string(),
        kind,
        label,
        source: None,
        target: None,
        props,
    }
}

/// The variant name and flat fields of an externally tagged enum value,
/// as serde writes `Node` and `Edge`.
fn tagged(value: &impl Serialize) -> (String, BTreeMap<String, Value>) {
    let (kind, fields) = fields(value);
    let mut props = BTreeMap::new();
    flatten("", &Json::Object(fields), &mut props);
    (kind, props)
}

/// The variant name and fields of an externally tagged enum value, as
/// serde writes `Node` and `Edge`: `{"Actor": {"id": …}}` gives `Actor`
/// and the inner object.
pub(crate) fn fields(value: &impl Serialize) -> (String, Map<String, Json>) {
    match serde_json::to_value(value) {
        Ok(Json::Object(map)) => match map.into_iter().next() {
            Some((kind, Json::Object(fields))) => (kind, fields),
            Some((kind, other)) => {
                (kind, Map::from_iter([("value".to_string(), other)]))
            }
            None => (String::new(), Map::new()),
        },
        Ok(Json::String(kind)) => (kind, Map::new()),
        _ => (String::new(), Map::new()),
    }
}

/// Adds the fields of `value` to `out`, names prefixed with `prefix`.
fn flatten(prefix: &str, value: &Json, out: &mut BTreeMap<String, Value>) {
    let Json::Object(map) = value else {
        if let Some(v) = scalar(value) {
            out.insert(prefix.trim_end_matches('_').to_string(), v);
        }
        return;
    };
    for (key, v) in map {
        let name = format!("{prefix}{key}");
        match v {
            Json::Object(_) => flatten(&format!("{name}_"), v, out),
            Json::Array(items) => list(&name, items, out),
            _ => {
                if let Some(v) = scalar(v) {
                    out.insert(name, v);
                }
            }
        }
    }
}

/// A list field: a span as start and end, objects as one list per field,
/// anything else as a list of texts.
fn list(name: &str, items: &[Json], out: &mut BTreeMap<String, Value>) {
    if let [Json::Number(a), Json::Number(b)] = items
        && name.ends_with("span")
    {
        out.insert(format!("{name}_start"), number(a));
        out.insert(format!("{name}_end"), number(b));
        return;
    }
    if items.iter().any(Json::is_object) {
        objects(name, items, out);
        return;
    }
    let texts = items.iter().filter_map(scalar).map(|v| v.to_text()).collect();
    out.insert(name.to_string(), Value::List(texts));
}

/// A list of objects as one list per field, items in step: an item that
/// lacks a field has an empty text in that field's list.
fn objects(name: &str, items: &[Json], out: &mut BTreeMap<String, Value>) {
    let flat: Vec<BTreeMap<String, Value>> = items
        .iter()
        .map(|item| {
            let mut fields = BTreeMap::new();
            flatten("", item, &mut fields);
            fields
        })
        .collect();
    let mut keys: Vec<&String> = flat.iter().flat_map(|f| f.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let column = flat
            .iter()
            .map(|f| f.get(key).map(Value::to_text).unwrap_or_default())
            .collect();
        out.insert(format!("{name}_{key}"), Value::List(column));
    }
}

fn scalar(value: &Json) -> Option<Value> {
    match value {
        Json::Bool(b) => Some(Value::Bool(*b)),
        Json::Number(n) => Some(number(n)),
        Json::String(s) => Some(Value::Text(s.clone())),
        Json::Array(items) => Some(Value::List(
            items.iter().filter_map(scalar).map(|v| v.to_text()).collect(),
        )),
        Json::Null | Json::Object(_) => None,
    }
}

fn number(n: &serde_json::Number) -> Value {
    match n.as_i64() {
        Some(i) => Value::Int(i),
        None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
    }
}

/// The type every value of a property has, for formats that declare
/// types: `Int` when all are whole numbers, `Float` when all are numbers,
/// `Bool` when all are booleans, `List` when all are lists, else `Text`.
pub(crate) fn common_type<'r>(
    values: impl Iterator<Item = &'r Value>,
) -> Kind {
    let mut kind = None;
    for v in values {
        let this = match v {
            Value::Bool(_) => Kind::Bool,
            Value::Int(_) => Kind::Int,
            Value::Float(_) => Kind::Float,
            Value::Text(_) => Kind::Text,
            Value::List(_) => Kind::List,
        };
        kind = Some(match (kind, this) {
            (None, k) => k,
            (Some(a), b) if a == b => a,
            (Some(Kind::Int | Kind::Float), Kind::Int | Kind::Float) => {
                Kind::Float
            }
            _ => Kind::Text,
        });
    }
    kind.unwrap_or(Kind::Text)
}

/// The declared type of a property, from [`common_type`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Booleans.
    Bool,
    /// Whole numbers.
    Int,
    /// Numbers.
    Float,
    /// Text.
    Text,
    /// Lists of texts.
    List,
}

impl Kind {
    /// The XML Schema type GraphML and GEXF declare for it (a list is
    /// written as text).
    pub(crate) fn xml_type(self) -> &'static str {
        match self {
            Kind::Bool => "boolean",
            Kind::Int => "long",
            Kind::Float => "double",
            Kind::Text | Kind::List => "string",
        }
    }
}

/// The properties to declare: `first` (as text), then every other
/// property the records use, sorted, with its common type.
pub(crate) fn schema_after(
    records: &[Record],
    first: &[&str],
) -> Vec<(String, Kind)> {
    let mut keys: Vec<(String, Kind)> =
        first.iter().map(|k| (k.to_string(), Kind::Text)).collect();
    keys.extend(
        schema(records)
            .into_iter()
            .filter(|(name, _)| !first.contains(&name.as_str())),
    );
    keys
}

/// Every property name the records use, sorted, with its common type.
pub(crate) fn schema(records: &[Record]) -> Vec<(String, Kind)> {
    let mut names: BTreeMap<&str, Vec<&Value>> = BTreeMap::new();
    for r in records {
        for (k, v) in &r.props {
            names.entry(k).or_default().push(v);
        }
    }
    names
        .into_iter()
        .map(|(k, vs)| (k.to_string(), common_type(vs.into_iter())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{
        Claim, ClaimGraph, DocumentNode, Edge, Evidence, Verdict,
    };

    fn sample() -> GraphData {
        let mut g = ClaimGraph::new();
        let mut claim = Claim::new("claim:1", "Taxes will rise.");
        let rated = |rating: &str, url: Option<&str>| Verdict {
            rating: rating.into(),
            author: "Desk".into(),
            url: url.map(String::from),
            date: Some("2024-01-01".into()),
        };
        claim.verdicts =
            vec![rated("False", None), rated("Misleading", Some("https://x"))];
        let c = g.add_claim(claim);
        let d = g.add_document(DocumentNode {
            id: "doc:a".into(),
            name: "a".into(),
            ..DocumentNode::default()
        });
        let evidence = Evidence {
            document: "a".into(),
            span: [3, 9],
            text: "Taxes will rise".into(),
            speaker: None,
            speaker_span: None,
            cue: Some("said".into()),
            cue_span: Some([10, 14]),
            rule: "quote/x".into(),
        };
        g.link(c, d, Edge::ReportedIn { evidence, direct: true });
        g.to_data()
    }

    #[test]
    fn nodes_flatten_with_kind_and_label() {
        let records = nodes(&sample());
        let claim = records.iter().find(|r| r.id == "claim:1").unwrap();
        assert_eq!(claim.kind, "Claim");
        assert_eq!(claim.label, "Taxes will rise.");
        let ratings = &claim.props["verdicts_rating"];
        let want = vec!["False".to_string(), "Misleading".to_string()];
        assert_eq!(ratings, &Value::List(want));
        let urls = &claim.props["verdicts_url"];
        let want = vec![String::new(), "https://x".to_string()];
        assert_eq!(urls, &Value::List(want), "lists stay in step");
        let doc = records.iter().find(|r| r.id == "doc:a").unwrap();
        assert_eq!(doc.label, "a");
        assert!(!doc.props.contains_key("title"), "None is left out");
    }

    #[test]
    fn edges_flatten_evidence_and_spans() {
        let records = edges(&sample());
        let e = &records[0];
        assert_eq!((e.id.as_str(), e.kind.as_str()), ("e0", "reported_in"));
        assert_eq!(e.source.as_deref(), Some("claim:1"));
        assert_eq!(e.props["evidence_span_start"], Value::Int(3));
        assert_eq!(e.props["evidence_cue_span_end"], Value::Int(14));
        assert_eq!(e.props["direct"], Value::Bool(true));
        assert_eq!(e.props["evidence_rule"], Value::Text("quote/x".into()));
        assert!(!e.props.contains_key("evidence_speaker"));
    }

    #[test]
    fn common_types_widen() {
        let (i, f, t) =
            (Value::Int(1), Value::Float(0.5), Value::Text("x".into()));
        assert_eq!(common_type([&i, &i].into_iter()), Kind::Int);
        assert_eq!(common_type([&i, &f].into_iter()), Kind::Float);
        assert_eq!(common_type([&i, &t].into_iter()), Kind::Text);
        assert_eq!(common_type([].into_iter()), Kind::Text);
    }
}
