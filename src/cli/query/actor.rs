//! `claimgraph actor NAME`: an actor's profile: aliases, roles,
//! affiliations and members, claims, and who contradicts them.
//!
//! Each section is one small function per format, so that facts the
//! graph learns to hold about actors are one more section.

use std::io::Write;
use std::process::ExitCode;

use claimgraph::Actor;
use claimgraph::query::{Opponent, Profile, Queries};
use serde_json::{Value, json};

use super::claims::candidate;
use super::output::{Screen, csv_row, json};
use super::render::{
    actor_ref, claim_block, claim_json, distinct_counters, flat, status_name,
};
use super::{GraphOpts, QueryFormat, load_graph, resolved, stdout};

/// Arguments of `actor`.
#[derive(Debug, clap::Args)]
pub struct ActorArgs {
    /// The actor: an id, a name or an alias (several arguments are
    /// joined by spaces).
    #[arg(required = true, value_name = "NAME")]
    pub name: Vec<String>,
    #[command(flatten)]
    pub opts: GraphOpts,
}

/// Runs the subcommand.
pub fn run(args: ActorArgs) -> anyhow::Result<ExitCode> {
    let name = args.name.join(" ");
    let graph = load_graph(&args.opts.graph)?;
    let q = Queries::new(&graph);
    let format = args.opts.format;
    let actors = match resolved(
        q.find_actor(&name),
        "actor",
        &name,
        format,
        candidate,
    )? {
        Ok(actors) => actors,
        Err(code) => return Ok(code),
    };
    let profile = q.profile(primary_first(actors));
    let mut out = stdout();
    match format {
        QueryFormat::Json => json(&mut out, &profile_json(&profile))?,
        QueryFormat::Csv => write_csv(&mut out, &profile)?,
        QueryFormat::Table => {
            write_table(&mut Screen::new(&mut out), &profile)?
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The actors of one person, the fullest name first.
fn primary_first(mut actors: Vec<&Actor>) -> Vec<&Actor> {
    actors.sort_by(|a, b| {
        let len = |x: &Actor| std::cmp::Reverse(x.name.chars().count());
        (len(a), &a.id).cmp(&(len(b), &b.id))
    });
    actors
}

/// The profile as JSON: the actor's fields, the other actors taken as
/// the same person (`also`), whom it belongs to and who belongs to it,
/// its claims and who contradicts them.
fn profile_json(p: &Profile) -> Value {
    let mut v = actor_json(p.actors[0]);
    v["affiliations"] = p.affiliations.iter().map(|a| actor_ref(a)).collect();
    v["members"] = p.members.iter().map(|a| actor_ref(a)).collect();
    let also: Vec<Value> =
        p.actors[1..].iter().map(|a| actor_json(a)).collect();
    v["also"] = Value::Array(also);
    v["claims"] = p.claims.iter().map(claim_json).collect();
    v["contradicted_by"] = p.opponents.iter().map(opponent_json).collect();
    v
}

fn actor_json(a: &Actor) -> Value {
    json!({
        "id": a.id,
        "name": a.name,
        "kind": a.kind.name(),
        "aliases": a.mentions,
        "roles": a.roles,
        "evidence": a.evidence,
    })
}

fn opponent_json(o: &Opponent) -> Value {
    let links: Vec<Value> = o
        .links
        .iter()
        .map(|(ours, c)| {
            json!({
                "claim": ours.id,
                "counterclaim": c.claim.id,
                "text": c.claim.text,
                "document": c.theirs.evidence.document,
                "span": c.theirs.evidence.span,
                "rule": c.rule,
                "reason": c.reason,
                "confidence": f64::from(c.confidence) / 100.0,
                "status": status_name(c.status),
            })
        })
        .collect();
    json!({"actor": o.actor.map(actor_ref), "links": links})
}

/// The profile as CSV rows of `field,id,value`: the actor's own fields,
/// one row per alias, role, affiliation, member, claim and contradicting
/// actor.
fn write_csv(out: &mut impl Write, p: &Profile) -> std::io::Result<()> {
    csv_row(out, &["field", "id", "value"])?;
    for (i, a) in p.actors.iter().enumerate() {
        let field = if i == 0 { "actor" } else { "also" };
        csv_row(out, &[field, &a.id, &a.name])?;
        csv_row(out, &["kind", &a.id, a.kind.name()])?;
        for m in &a.mentions {
            csv_row(out, &["alias", &a.id, m])?;
        }
        for r in &a.roles {
            csv_row(out, &["role", &a.id, r])?;
        }
    }
    for a in &p.affiliations {
        csv_row(out, &["affiliation", &a.id, &a.name])?;
    }
    for a in &p.members {
        csv_row(out, &["member", &a.id, &a.name])?;
    }
    for d in &p.claims {
        csv_row(out, &["claim", &d.claim.id, &d.claim.text])?;
    }
    for o in &p.opponents {
        let (id, name) = o.actor.map_or(("", "-"), |a| (&a.id, &a.name));
        csv_row(out, &["contradicted_by", id, name])?;
    }
    Ok(())
}

fn write_table<W: Write>(
    s: &mut Screen<W>,
    p: &Profile,
) -> std::io::Result<()> {
    identity_lines(s, p.actors[0], "")?;
    for a in &p.actors[1..] {
        identity_lines(s, a, "also: ")?;
    }
    relation_lines(s, "affiliations", &p.affiliations)?;
    relation_lines(s, "members", &p.members)?;
    s.line(&format!("claims: {}", p.claims.len()))?;
    for d in &p.claims {
        s.line("")?;
        claim_block(s, d)?;
    }
    opponent_lines(s, p)
}

/// Who the actor is: id, name, kind, then its aliases and roles wrapped.
fn identity_lines<W: Write>(
    s: &mut Screen<W>,
    a: &Actor,
    prefix: &str,
) -> std::io::Result<()> {
    s.line(&format!("{prefix}{}  {}  ({})", a.id, a.name, a.kind.name()))?;
    let aliases: Vec<String> = a.mentions.iter().map(|m| flat(m)).collect();
    s.wrapped("  aliases: ", &aliases.join("; "))?;
    if !a.roles.is_empty() {
        let roles: Vec<String> = a.roles.iter().map(|r| flat(r)).collect();
        s.wrapped("  roles: ", &roles.join("; "))?;
    }
    Ok(())
}

/// The actors it belongs to, or that belong to it, by name and id.
fn relation_lines<W: Write>(
    s: &mut Screen<W>,
    label: &str,
    actors: &[&Actor],
) -> std::io::Result<()> {
    if actors.is_empty() {
        return Ok(());
    }
    let list: Vec<String> =
        actors.iter().map(|a| format!("{} ({})", a.name, a.id)).collect();
    s.wrapped(&format!("  {label}: "), &list.join("; "))
}

/// Whoever contradicts the actor, with the claims each link joins.
fn opponent_lines<W: Write>(
    s: &mut Screen<W>,
    p: &Profile,
) -> std::io::Result<()> {
    if p.opponents.is_empty() {
        return Ok(());
    }
    s.line("")?;
    s.line("contradicted by:")?;
    for o in &p.opponents {
        let who = o.actor.map_or("(no speaker)".to_string(), |a| {
            format!("{} ({})", a.name, a.id)
        });
        let n = o.links.len();
        s.line(&format!(
            "  {who}, {n} link{}",
            if n == 1 { "" } else { "s" }
        ))?;
        for d in &p.claims {
            for c in distinct_counters(d) {
                if c.actor.map(|a| &a.id) == o.actor.map(|a| &a.id) {
                    let text = flat(&c.claim.text);
                    s.line(&format!(
                        "    {} vs {}: {text}",
                        d.claim.id, c.claim.id
                    ))?;
                }
            }
        }
    }
    Ok(())
}
