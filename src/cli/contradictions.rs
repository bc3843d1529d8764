//! `claimgraph contradictions`: the counterclaims in a stored graph.
//!
//! One entry per pair of reports: a claim group reported in three
//! documents against another reported in one gives up to three entries,
//! each with the two reports' evidence, the rule, the reason and the
//! confidence.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;
use claimgraph::store::load;
use claimgraph::{ClaimGraph, Edge, LinkStatus, Node, Report};
use serde_json::{Value, json};

use crate::cli::args::{ContradictionsArgs, ListFormat};
use crate::cli::query::output::Screen;
use crate::cli::text::clip;

/// One counterclaim with both its reports.
struct Entry<'g> {
    a_claim: &'g str,
    b_claim: &'g str,
    a: &'g Report,
    b: &'g Report,
    rule: &'g str,
    reason: &'g str,
    confidence: u8,
    status: LinkStatus,
}

/// Runs the subcommand.
pub fn run(args: ContradictionsArgs) -> anyhow::Result<ExitCode> {
    let g = load(&args.graph)
        .with_context(|| format!("reading {}", args.graph.display()))?;
    let entries: Vec<Entry> = entries(&g)
        .into_iter()
        .filter(|e| f64::from(e.confidence) / 100.0 >= args.min_confidence)
        .collect();
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    match args.format {
        ListFormat::Json => {
            let list: Vec<Value> =
                entries.iter().map(|e| to_json(&g, e)).collect();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
        ListFormat::Table => write_table(&mut out, &g, &entries)?,
    }
    out.flush()?;
    Ok(if entries.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn entries(g: &ClaimGraph) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for node in g.nodes() {
        let Node::Claim(claim) = node else { continue };
        let me = g.find(&claim.id).expect("node listed");
        for (edge, target) in g.outgoing(me) {
            if let Edge::Contradicts {
                a,
                b,
                rule,
                reason,
                confidence,
                status,
            } = edge
            {
                out.push(Entry {
                    a_claim: &claim.id,
                    b_claim: target.id(),
                    a,
                    b,
                    rule,
                    reason,
                    confidence: *confidence,
                    status: *status,
                });
            }
        }
    }
    out.sort_by(|x, y| {
        (&x.a.evidence, &x.b.evidence).cmp(&(&y.a.evidence, &y.b.evidence))
    });
    out
}

fn actor_name(g: &ClaimGraph, report: &Report) -> Option<String> {
    let id = report.actor.as_deref()?;
    match g.find(id).map(|n| g.node(n)) {
        Some(Node::Actor(a)) => Some(a.name.clone()),
        _ => Some(id.to_string()),
    }
}

fn side(g: &ClaimGraph, claim: &str, r: &Report) -> Value {
    json!({
        "claim": claim,
        "actor": actor_name(g, r),
        "actor_id": r.actor,
        "document": r.evidence.document,
        "span": r.evidence.span,
        "text": r.evidence.text,
    })
}

fn to_json(g: &ClaimGraph, e: &Entry) -> Value {
    json!({
        "a": side(g, e.a_claim, e.a),
        "b": side(g, e.b_claim, e.b),
        "reason": e.reason,
        "rule": e.rule,
        "confidence": f64::from(e.confidence) / 100.0,
        "status": match e.status {
            LinkStatus::Found => "found",
            LinkStatus::Confirmed => "confirmed",
        },
    })
}

/// The table, each line cut to the terminal's width (`COLUMNS`), the
/// reason wrapped: it is read whole.
fn write_table(
    out: &mut impl Write,
    g: &ClaimGraph,
    entries: &[Entry],
) -> io::Result<()> {
    let mut screen = Screen::new(out);
    for e in entries {
        let who = |r: &Report| actor_name(g, r).unwrap_or_else(|| "-".into());
        screen.line(&format!("{:>3}%  {}", e.confidence, e.rule))?;
        for (side, r) in [("A", e.a), ("B", e.b)] {
            screen.line(&format!(
                "  {side} {} ({}): {}",
                who(r),
                r.evidence.document,
                clip(&r.evidence.text, 90)
            ))?;
        }
        screen.wrapped("  why: ", e.reason)?;
    }
    Ok(())
}
