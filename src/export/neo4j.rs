//! Neo4j export: the CSV files `neo4j-admin database import` reads.
//!
//! One node file per node kind (`nodes_actor.csv`, `nodes_claim.csv`,
//! `nodes_document.csv`) and one relationship file per edge kind
//! (`relationships_attributed.csv`, …), each with its header on the first
//! line. Node files start with `id:ID,:LABEL`, relationship files with
//! `:START_ID,:END_ID,:TYPE`; the other columns are the flat properties
//! of the `records` module, typed in the header (`direct:boolean`,
//! `evidence_span_start:long`, `mentions:string[]`). The label is the
//! node's kind (`Actor`), the type the edge's in capitals (`REPORTED_IN`).
//! List items are separated by `;`, `neo4j-admin`'s default, and a `;`
//! inside an item becomes `,`. Text may hold line breaks, so the import
//! needs `--multiline-fields=true`; [`import_command`] writes it out.

use std::collections::BTreeMap;
use std::path::Path;

use super::records::{self, Kind, Record, Value};
use super::{ExportError, Exported};
use crate::graph::ClaimGraph;
use crate::store::write_atomic;

/// The CSV files for the graph: names and contents, node files first,
/// each group in name order.
pub fn files(g: &ClaimGraph) -> Vec<(String, String)> {
    let data = g.to_data();
    let mut out = Vec::new();
    for (kind, group) in by_kind(records::nodes(&data)) {
        let name = format!("nodes_{}.csv", kind.to_lowercase());
        out.push((name, table(&group, &["id:ID", ":LABEL"])));
    }
    for (kind, group) in by_kind(records::edges(&data)) {
        let name = format!("relationships_{kind}.csv");
        out.push((name, table(&group, &[":START_ID", ":END_ID", ":TYPE"])));
    }
    out
}

/// Writes [`files`] into the folder `dir`, creating it if needed.
///
/// Files of an earlier export that this graph has no use for are left
/// alone; the note [`import_command`] adds names only the new ones.
pub fn write(g: &ClaimGraph, dir: &Path) -> Result<Exported, ExportError> {
    if dir.exists() && !dir.is_dir() {
        return Err(ExportError::NotAFolder(dir.to_path_buf()));
    }
    let mut done = Exported::default();
    for (name, text) in files(g) {
        let path = dir.join(name);
        write_atomic(&path, text.as_bytes())?;
        done.files.push(path);
    }
    done.notes.push(format!("import with: {}", import_command(&done.files)));
    Ok(done)
}

/// The `neo4j-admin` command line that imports `files` into a database
/// named `neo4j`.
pub fn import_command(files: &[impl AsRef<Path>]) -> String {
    let mut cmd = String::from("neo4j-admin database import full");
    for f in files {
        let f = f.as_ref();
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let flag =
            if name.starts_with("nodes_") { "nodes" } else { "relationships" };
        cmd.push_str(&format!(" --{flag}={}", f.display()));
    }
    cmd.push_str(" --multiline-fields=true neo4j");
    cmd
}

/// Records grouped by kind, kinds in name order.
fn by_kind(records: Vec<Record>) -> BTreeMap<String, Vec<Record>> {
    let mut groups: BTreeMap<String, Vec<Record>> = BTreeMap::new();
    for r in records {
        groups.entry(r.kind.clone()).or_default().push(r);
    }
    groups
}

/// One CSV file: `fixed` columns (id and label, or start, end and type),
/// then one typed column per property.
fn table(group: &[Record], fixed: &[&str]) -> String {
    let schema: Vec<(String, Kind)> = records::schema(group)
        .into_iter()
        .filter(|(name, _)| !(fixed[0] == "id:ID" && name == "id"))
        .collect();
    let mut header: Vec<String> =
        fixed.iter().map(|s| s.to_string()).collect();
    header.extend(schema.iter().map(|(name, kind)| column(name, *kind)));
    let mut out = row(&header);
    for r in group {
        let mut cells = match (&r.source, &r.target) {
            (Some(s), Some(t)) => {
                vec![field(s), field(t), field(&r.kind.to_uppercase())]
            }
            _ => vec![field(&r.id), field(&r.kind)],
        };
        cells.extend(schema.iter().map(|(name, kind)| {
            r.props.get(name).map(|v| cell(v, *kind)).unwrap_or_default()
        }));
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// A column header: the property's name, then its type unless text.
fn column(name: &str, kind: Kind) -> String {
    let ty = match kind {
        Kind::Bool => ":boolean",
        Kind::Int => ":long",
        Kind::Float => ":double",
        Kind::List => ":string[]",
        Kind::Text => "",
    };
    field(&format!("{name}{ty}"))
}

/// A header line.
fn row(cells: &[String]) -> String {
    let mut line = cells.join(",");
    line.push('\n');
    line
}

/// One value, written for a column of type `kind`.
fn cell(v: &Value, kind: Kind) -> String {
    match (v, kind) {
        // No items is no value: an empty bare field, which the import
        // leaves out, rather than a list holding one empty string.
        (Value::List(items), _) if items.is_empty() => String::new(),
        (Value::List(items), Kind::List) => {
            let items: Vec<String> =
                items.iter().map(|i| i.replace(';', ",")).collect();
            field(&items.join(";"))
        }
        (Value::Text(t), _) => field(t),
        _ => field(&v.to_text()),
    }
}

/// A CSV field, quoted when it holds a delimiter, a quote, a line break
/// or nothing at all (an empty quoted field is an empty string, an empty
/// bare one a missing value).
fn field(s: &str) -> String {
    let plain =
        !s.is_empty() && !s.contains([',', '"', '\n', '\r']) && s.trim() == s;
    if plain {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('"', "\"\""))
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
            Actor::new("actor:x", "X, \"the\" Y", ActorKind::Person, "X");
        actor.mentions.push("a;b".into());
        let a = g.add_actor(actor);
        let c = g.add_claim(Claim::new("claim:1", "line one\nline two"));
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

    fn file<'f>(files: &'f [(String, String)], name: &str) -> &'f str {
        &files.iter().find(|(n, _)| n == name).unwrap().1
    }

    #[test]
    fn headers_follow_the_import_format() {
        let files = files(&sample());
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "nodes_actor.csv",
                "nodes_claim.csv",
                "relationships_attributed.csv"
            ]
        );
        let actors = file(&files, "nodes_actor.csv");
        assert_eq!(
            actors.lines().next(),
            Some(
                "id:ID,:LABEL,affiliations:string[],evidence:string[],kind,\
                 mentions:string[],name,roles:string[]"
            )
        );
        let rels = file(&files, "relationships_attributed.csv");
        let header = rels.lines().next().unwrap();
        assert!(header.starts_with(":START_ID,:END_ID,:TYPE,"), "{header}");
        assert!(header.contains("direct:boolean"));
        assert!(header.contains("evidence_span_start:long"));
        assert!(rels.contains("actor:x,claim:1,ATTRIBUTED,"));
    }

    #[test]
    fn fields_are_quoted_when_they_must_be() {
        let files = files(&sample());
        let actors = file(&files, "nodes_actor.csv");
        assert!(
            actors.contains(
                "actor:x,Actor,,,Person,\"X;a,b\",\"X, \"\"the\"\" Y\","
            ),
            "{actors}"
        );
        let claims = file(&files, "nodes_claim.csv");
        assert!(claims.contains("\"line one\nline two\""));
        assert_eq!(field(""), "\"\"");
        assert_eq!(field(" x"), "\" x\"");
    }

    #[test]
    fn the_import_command_names_each_file() {
        let cmd = import_command(&[
            "out/nodes_actor.csv",
            "out/relationships_attributed.csv",
        ]);
        assert_eq!(
            cmd,
            "neo4j-admin database import full --nodes=out/nodes_actor.csv \
             --relationships=out/relationships_attributed.csv \
             --multiline-fields=true neo4j"
        );
    }
}
