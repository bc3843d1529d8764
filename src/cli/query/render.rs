//! The shapes every query command shares: a claim with its reports,
//! counterclaims and disputes, as JSON, as CSV rows and as table lines.
//!
//! One function per section, so that a new kind of fact about a claim
//! (the sources it cites, say) is one more function here and one more
//! field or line in each shape.

use std::io::{self, Write};

use claimgraph::query::{
    CitedSource, ClaimDetail, ClaimReport, Counterclaim, Dispute,
};
use claimgraph::{Actor, LinkStatus, Report, Verdict};
use serde_json::{Value, json};

use super::output::{Screen, cell, clip, csv_row, span};

/// An actor as other objects refer to it: `{"id", "name", "kind"}`.
pub fn actor_ref(actor: &Actor) -> Value {
    json!({"id": actor.id, "name": actor.name, "kind": actor.kind.name()})
}

/// A claim: id, text, actors, documents, verdicts, reports,
/// counterclaims, disputes and the sources it rests on.
pub fn claim_json(d: &ClaimDetail) -> Value {
    json!({
        "id": d.claim.id,
        "text": d.claim.text,
        "actors": list(&d.actors(), |a| actor_ref(a)),
        "documents": d.documents(),
        "verdicts": list(&d.claim.verdicts, verdict_json),
        "reports": list(&d.reports, report_json),
        "counterclaims": list(&d.counterclaims, counter_json),
        "disputes": list(&d.disputes, dispute_json),
        "sources": list(&d.sources, source_json),
    })
}

/// Each item as JSON, in order.
fn list<T>(items: &[T], to_json: impl Fn(&T) -> Value) -> Vec<Value> {
    items.iter().map(to_json).collect()
}

/// A cited source: the source and where the claim's report cites it.
fn source_json(c: &CitedSource) -> Value {
    let e = c.evidence;
    json!({
        "id": c.source.id,
        "name": c.source.name,
        "kind": c.source.kind.name(),
        "document": e.document,
        "span": e.span,
        "text": e.text,
        "rule": e.rule,
    })
}

fn verdict_json(v: &Verdict) -> Value {
    json!({
        "rating": v.rating,
        "author": v.author,
        "url": v.url,
        "date": v.date,
    })
}

/// One report: where (document, publisher, span), what (verbatim text),
/// who and how (actor, speaker, cue, class) and the rule that found it.
fn report_json(r: &ClaimReport) -> Value {
    let e = r.evidence;
    json!({
        "document": r.document.name,
        "title": r.document.title,
        "publisher": r.document.publisher,
        "publisher_span": r.document.publisher_evidence,
        "date": r.document.date,
        "url": r.document.url,
        "span": e.span,
        "text": e.text,
        "direct": r.direct,
        "actor": r.actor.map(actor_ref),
        "class": r.class.map(|c| c.name()),
        "speaker": e.speaker,
        "speaker_span": e.speaker_span,
        "cue": e.cue,
        "cue_span": e.cue_span,
        "rule": e.rule,
    })
}

/// A report as a link names it: `{"document", "span", "text"}`.
fn report_ref(r: &Report) -> Value {
    let e = &r.evidence;
    json!({"document": e.document, "span": e.span, "text": e.text})
}

fn counter_json(c: &Counterclaim) -> Value {
    json!({
        "claim": c.claim.id,
        "text": c.claim.text,
        "actor": c.actor.map(actor_ref),
        "report": report_ref(c.theirs),
        "ours": report_ref(c.ours),
        "rule": c.rule,
        "reason": c.reason,
        "confidence": f64::from(c.confidence) / 100.0,
        "status": status_name(c.status),
    })
}

fn dispute_json(d: &Dispute) -> Value {
    json!({
        "document": d.document.name,
        "marker": d.marker,
        "marker_span": d.marker_span,
        "report": report_ref(d.report),
        "rule": d.rule,
        "reason": d.reason,
        "confidence": f64::from(d.confidence) / 100.0,
    })
}

/// The lower-case name of a link's status.
pub fn status_name(status: LinkStatus) -> &'static str {
    match status {
        LinkStatus::Found => "found",
        LinkStatus::Confirmed => "confirmed",
    }
}

/// The header of the CSV that lists claims one report a row.
pub const REPORT_HEADER: [&str; 16] = [
    "claim",
    "claim_text",
    "actor_id",
    "actor",
    "class",
    "cue",
    "document",
    "publisher",
    "start",
    "end",
    "text",
    "direct",
    "rule",
    "counterclaims",
    "verdicts",
    "sources",
];

/// Writes `claims` as CSV, one report a row; lists inside a field are
/// joined with "; ".
pub fn write_report_rows(
    out: &mut impl Write,
    claims: &[ClaimDetail],
) -> io::Result<()> {
    csv_row(out, &REPORT_HEADER)?;
    for d in claims {
        let counters = counter_ids(d).join("; ");
        let verdicts: Vec<&str> =
            d.claim.verdicts.iter().map(|v| v.rating.as_str()).collect();
        let sources: Vec<&str> =
            d.sources.iter().map(|c| c.source.name.as_str()).collect();
        for r in &d.reports {
            let e = r.evidence;
            csv_row(
                out,
                &[
                    d.claim.id.as_str(),
                    &d.claim.text,
                    r.actor.map_or("", |a| a.id.as_str()),
                    r.actor.map_or("", |a| a.name.as_str()),
                    r.class.map_or("", |c| c.name()),
                    e.cue.as_deref().unwrap_or(""),
                    &r.document.name,
                    r.document.publisher.as_deref().unwrap_or(""),
                    &e.span[0].to_string(),
                    &e.span[1].to_string(),
                    &e.text,
                    if r.direct { "true" } else { "false" },
                    &e.rule,
                    &counters,
                    &verdicts.join("; "),
                    &sources.join("; "),
                ],
            )?;
        }
    }
    Ok(())
}

/// The ids of the claims that contradict `d`, each once, in link order.
fn counter_ids<'g>(d: &ClaimDetail<'g>) -> Vec<&'g str> {
    let mut ids: Vec<&str> = Vec::new();
    for c in &d.counterclaims {
        if !ids.contains(&c.claim.id.as_str()) {
            ids.push(&c.claim.id);
        }
    }
    ids
}

/// Writes a claim as a short block: its id and text, one line per
/// report, then one line per contradicting claim, dispute, cited source
/// and verdict.
pub fn claim_block<W: Write>(
    s: &mut Screen<W>,
    d: &ClaimDetail,
) -> io::Result<()> {
    s.line(&format!("{}  {}", d.claim.id, flat(&d.claim.text)))?;
    for r in &d.reports {
        s.line(&report_line(r))?;
        // A report in other words than the claim's shows its own.
        if *r.evidence.text != *d.claim.text {
            s.line(&format!("      \"{}\"", flat(&r.evidence.text)))?;
        }
    }
    for c in distinct_counters(d) {
        let who = c.actor.map_or("-", |a| a.name.as_str());
        let text = flat(&c.claim.text);
        s.line(&format!("  vs {}  {who}: {text}", c.claim.id))?;
    }
    for x in &d.disputes {
        let marker = flat(x.marker);
        s.line(&format!("  disputed in {} (\"{marker}\")", x.document.name))?;
    }
    for c in &d.sources {
        let (name, kind) = (flat(&c.source.name), c.source.kind.name());
        s.line(&format!(
            "  source {name} ({kind}) in {}",
            c.evidence.document
        ))?;
    }
    for v in &d.claim.verdicts {
        s.line(&format!("  verdict {}: {}", v.rating, v.author))?;
    }
    Ok(())
}

/// One report in a claim block: actor, cue, document, span, and quote or
/// paraphrase.
fn report_line(r: &ClaimReport) -> String {
    let who = r.actor.map_or("-", |a| a.name.as_str());
    let cue = r.evidence.cue.as_deref().unwrap_or("-");
    let how = if r.direct { "quote" } else { "paraphrase" };
    format!(
        "  {} {} {} {:>11}  {how}",
        cell(who, 24),
        cell(cue, 12),
        r.document.name,
        span(r.evidence.span),
    )
}

/// One counterclaim per contradicting claim: the first link to it.
pub fn distinct_counters<'a, 'g>(
    d: &'a ClaimDetail<'g>,
) -> Vec<&'a Counterclaim<'g>> {
    let mut out: Vec<&Counterclaim> = Vec::new();
    for c in &d.counterclaims {
        if !out.iter().any(|o| o.claim.id == c.claim.id) {
            out.push(c);
        }
    }
    out
}

/// Text on one line, whitespace runs made single spaces.
pub fn flat(text: &str) -> String {
    clip(text, usize::MAX)
}
