//! Times loading a stored graph and answering a lookup on it.
//!
//! ```text
//! cargo run --release --example load_graph -- graphs/graph.ron
//! ```
//!
//! `scripts/bench.sh` runs this on the graphs it builds. It prints one
//! line of `key=value` pairs: the seconds [`claimgraph::store::load`]
//! took, then the milliseconds to find the actor with the most claims
//! (a walk over every actor's edges) and to look one actor up by id and
//! list its claims, as a query command would.

use std::time::Instant;

use claimgraph::{ClaimGraph, Node};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args_os().nth(1).ok_or("usage: load_graph GRAPH")?;
    let start = Instant::now();
    let g = claimgraph::store::load(path.as_ref())?;
    let load = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let busiest = busiest_actor(&g).ok_or("the graph has no actor")?;
    let scan = start.elapsed().as_secs_f64() * 1e3;

    let start = Instant::now();
    let node = g.find(&busiest).ok_or("actor vanished")?;
    let claims = g.outgoing(node).count();
    let lookup = start.elapsed().as_secs_f64() * 1e3;

    let c = g.counts();
    println!(
        "load_s={load:.3} scan_ms={scan:.1} lookup_ms={lookup:.3} \
         nodes={} edges={} busiest={busiest} claims={claims}",
        c.actors + c.claims + c.documents,
        c.edges,
    );
    Ok(())
}

/// The id of the actor with the most outgoing edges.
fn busiest_actor(g: &ClaimGraph) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for n in g.nodes() {
        if let Node::Actor(a) = n {
            let out = g.outgoing(g.find(&a.id)?).count();
            if best.is_none_or(|(b, _)| out > b) {
                best = Some((out, &a.id));
            }
        }
    }
    best.map(|(_, id)| id.to_string())
}
