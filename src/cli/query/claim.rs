//! `claimgraph claim ID`: one claim in full: every report of it
//! (document, publisher, span, verbatim text, who and how), the sources
//! it rests on, the claims that contradict it, the documents that dispute
//! it and its curated verdicts.

use std::io::Write;
use std::process::ExitCode;

use claimgraph::Claim;
use claimgraph::query::{ClaimDetail, ClaimReport, Counterclaim, Queries};

use super::output::{Screen, json, span};
use super::render::{claim_json, flat, status_name, write_report_rows};
use super::{Candidate, GraphOpts, QueryFormat, load_graph, resolved, stdout};

/// Arguments of `claim`.
#[derive(Debug, clap::Args)]
pub struct ClaimArgs {
    /// A claim id (`claim:3a2136b843ec58d2`), or a unique prefix of one,
    /// with or without `claim:`.
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub opts: GraphOpts,
}

/// Runs the subcommand.
pub fn run(args: ClaimArgs) -> anyhow::Result<ExitCode> {
    let graph = load_graph(&args.opts.graph)?;
    let q = Queries::new(&graph);
    let format = args.opts.format;
    let lookup = q.find_claim(&args.id);
    let claim = match resolved(lookup, "claim", &args.id, format, candidate)? {
        Ok(claims) => claims[0],
        Err(code) => return Ok(code),
    };
    let detail = q.claim_detail(claim);
    let mut out = stdout();
    match format {
        QueryFormat::Json => json(&mut out, &claim_json(&detail))?,
        QueryFormat::Csv => write_report_rows(&mut out, &[detail])?,
        QueryFormat::Table => {
            write_table(&mut Screen::new(&mut out), &detail)?
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn candidate(claim: &&Claim) -> Candidate {
    Candidate {
        id: claim.id.clone(),
        kind: "claim".into(),
        name: claim.text.clone(),
    }
}

fn write_table<W: Write>(
    s: &mut Screen<W>,
    d: &ClaimDetail,
) -> std::io::Result<()> {
    s.line(&d.claim.id)?;
    s.wrapped("  ", &d.claim.text)?;
    verdict_lines(s, d)?;
    s.line(&format!("reports: {}", d.reports.len()))?;
    for r in &d.reports {
        report_lines(s, r)?;
    }
    source_lines(s, d)?;
    counter_lines(s, d)?;
    dispute_lines(s, d)
}

/// The sources the claim rests on, each with the citation's words.
fn source_lines<W: Write>(
    s: &mut Screen<W>,
    d: &ClaimDetail,
) -> std::io::Result<()> {
    if d.sources.is_empty() {
        return Ok(());
    }
    s.line(&format!("sources: {}", d.sources.len()))?;
    for c in &d.sources {
        let e = c.evidence;
        s.line(&format!(
            "  {} ({}), {}, span {}",
            flat(&c.source.name),
            c.source.kind.name(),
            e.document,
            span(e.span),
        ))?;
        s.wrapped("    \"", &format!("{}\"", flat(&e.text)))?;
    }
    Ok(())
}

fn verdict_lines<W: Write>(
    s: &mut Screen<W>,
    d: &ClaimDetail,
) -> std::io::Result<()> {
    for v in &d.claim.verdicts {
        let extra: Vec<&str> = [&v.date, &v.url]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" ({})", extra.join(", "))
        };
        s.line(&format!("verdict: {} by {}{extra}", v.rating, v.author))?;
    }
    Ok(())
}

/// One report: the document and its publisher, who said it and how,
/// where, and the words as written.
fn report_lines<W: Write>(
    s: &mut Screen<W>,
    r: &ClaimReport,
) -> std::io::Result<()> {
    let doc = r.document;
    let mut head = format!("  {}", doc.name);
    if let Some(p) = &doc.publisher {
        head.push_str(&format!(", {p}"));
    }
    if let Some(t) = &doc.title {
        head.push_str(&format!(": {}", flat(t)));
    }
    s.line(&head)?;
    let e = r.evidence;
    let who = r.actor.map_or("no speaker", |a| a.name.as_str());
    let cue = e.cue.as_deref().unwrap_or("-");
    let how = if r.direct { "quote" } else { "paraphrase" };
    s.line(&format!("    {who}, {cue:?}, {how}"))?;
    s.line(&format!("    span {}, rule {}", span(e.span), e.rule))?;
    s.wrapped("    \"", &format!("{}\"", flat(&e.text)))
}

fn counter_lines<W: Write>(
    s: &mut Screen<W>,
    d: &ClaimDetail,
) -> std::io::Result<()> {
    s.line(&format!("counterclaims: {}", d.counterclaims.len()))?;
    for c in &d.counterclaims {
        counter_entry(s, c)?;
    }
    Ok(())
}

/// One counterclaim link: the other claim, the rule and how sure it is,
/// who made the other claim and where, the words, and why.
fn counter_entry<W: Write>(
    s: &mut Screen<W>,
    c: &Counterclaim,
) -> std::io::Result<()> {
    let status = status_name(c.status);
    s.line(&format!(
        "  {}  {} {}%, {status}",
        c.claim.id, c.rule, c.confidence
    ))?;
    let who = c.actor.map_or("no speaker", |a| a.name.as_str());
    let e = &c.theirs.evidence;
    s.line(&format!("    {who}, {}, span {}", e.document, span(e.span)))?;
    s.wrapped("    \"", &format!("{}\"", flat(&e.text)))?;
    s.wrapped("    why: ", c.reason)
}

fn dispute_lines<W: Write>(
    s: &mut Screen<W>,
    d: &ClaimDetail,
) -> std::io::Result<()> {
    for x in &d.disputes {
        s.line(&format!(
            "disputed in {}: \"{}\" at {}, {} {}%",
            x.document.name,
            flat(x.marker),
            span(x.marker_span),
            x.rule,
            x.confidence
        ))?;
        s.wrapped("    why: ", x.reason)?;
    }
    Ok(())
}
