//! The shortest chains that link two sets of nodes.
//!
//! Edges are walked in both directions: an actor reaches the claims it
//! made, a claim the documents that report it and the claims it
//! contradicts, and back. A breadth-first search from every start node
//! stops at the first layer that holds an end node; the chains are then
//! walked forward over the recorded steps, in node id order, so the same
//! graph always gives the same chains, and the first ones when there are
//! more than asked for.

use std::collections::{HashMap, HashSet};

use super::Queries;
use crate::graph::{Edge, Node, NodeRef};

/// One step of a [`Chain`].
#[derive(Clone, Copy, Debug)]
pub struct Hop<'g> {
    /// The edge taken; when several join the two nodes, the first by
    /// kind and evidence.
    pub edge: &'g Edge,
    /// True when the edge points along the chain, from the node before
    /// the hop to the node after it.
    pub forward: bool,
    /// How many edges join the two nodes, this one included.
    pub parallel: usize,
}

/// A path through the graph: `nodes[i]` and `nodes[i + 1]` are joined by
/// `hops[i]`.
#[derive(Clone, Debug)]
pub struct Chain<'g> {
    /// The nodes, from a start node to an end node.
    pub nodes: Vec<&'g Node>,
    /// The edges between them.
    pub hops: Vec<Hop<'g>>,
}

/// Node numbering for one search: the graph's nodes in id order.
struct Numbering<'g> {
    nodes: Vec<&'g Node>,
    index: HashMap<&'g str, usize>,
}

/// The answer of [`Queries::trace`].
#[derive(Clone, Debug, Default)]
pub struct Trace<'g> {
    /// The first shortest chains, in order of their nodes' ids.
    pub chains: Vec<Chain<'g>>,
    /// How many shortest chains there are in all (saturating).
    pub total: usize,
}

impl<'g> Queries<'g> {
    /// The shortest chains from any of `from` to any of `to`, at most
    /// `limit` of them; none when nothing links them.
    ///
    /// A node in both sets gives one chain of no hops.
    pub fn trace(
        &self,
        from: &[&'g Node],
        to: &[&'g Node],
        limit: usize,
    ) -> Trace<'g> {
        let nums = self.numbering();
        let ids = |set: &[&Node]| -> Vec<usize> {
            let mut v: Vec<usize> = set
                .iter()
                .filter_map(|n| nums.index.get(n.id()))
                .copied()
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let (starts, ends) = (ids(from), ids(to));
        let preds = self.search(&nums, &starts, &ends);
        let succs = successors(&preds, &ends);
        let mut paths = Vec::new();
        for &start in &starts {
            let mut path = vec![start];
            collect(&succs, &ends, &mut path, limit, &mut paths);
        }
        let chains = paths.iter().map(|p| self.chain(&nums, p)).collect();
        let mut memo = HashMap::new();
        let total = starts
            .iter()
            .map(|&s| count(&succs, &ends, s, &mut memo))
            .fold(0, usize::saturating_add);
        Trace { chains, total }
    }

    fn numbering(&self) -> Numbering<'g> {
        let nodes: Vec<&Node> = self.graph.nodes().collect();
        let index = nodes.iter().enumerate().map(|(i, n)| (n.id(), i));
        Numbering { index: index.collect(), nodes }
    }

    /// Breadth-first from `starts` until a layer reaches one of `ends`:
    /// each node reached -> its predecessors one layer closer, sorted.
    fn search(
        &self,
        nums: &Numbering<'g>,
        starts: &[usize],
        ends: &[usize],
    ) -> HashMap<usize, Vec<usize>> {
        let mut preds: HashMap<usize, Vec<usize>> =
            starts.iter().map(|&s| (s, Vec::new())).collect();
        let mut layer = starts.to_vec();
        while !layer.is_empty() && !ends.iter().any(|e| preds.contains_key(e))
        {
            let mut next: HashMap<usize, Vec<usize>> = HashMap::new();
            for &u in &layer {
                for v in self.neighbours(nums, u) {
                    if !preds.contains_key(&v) {
                        next.entry(v).or_default().push(u);
                    }
                }
            }
            layer = next.keys().copied().collect();
            layer.sort_unstable();
            for (v, mut p) in next {
                p.sort_unstable();
                p.dedup();
                preds.insert(v, p);
            }
        }
        preds
    }

    /// The nodes joined to `u` by an edge either way, sorted.
    fn neighbours(&self, nums: &Numbering<'g>, u: usize) -> Vec<usize> {
        let node = self.node_ref(nums.nodes[u]);
        let out = self.graph.outgoing(node).map(|(_, n)| n);
        let inc = self.graph.incoming(node).map(|(_, n)| n);
        let mut v: Vec<usize> =
            out.chain(inc).map(|n| nums.index[n.id()]).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    fn node_ref(&self, node: &Node) -> NodeRef {
        self.graph.find(node.id()).expect("a node of the graph")
    }

    /// The chain through the numbered nodes of `path`.
    fn chain(&self, nums: &Numbering<'g>, path: &[usize]) -> Chain<'g> {
        let nodes: Vec<&Node> = path.iter().map(|&i| nums.nodes[i]).collect();
        let hops = nodes.windows(2).map(|w| self.hop(w[0], w[1])).collect();
        Chain { nodes, hops }
    }

    /// The first edge, by kind and evidence, between `a` and `b`.
    fn hop(&self, a: &'g Node, b: &'g Node) -> Hop<'g> {
        let node = self.node_ref(a);
        let forward = self
            .graph
            .outgoing(node)
            .filter(|(_, n)| n.id() == b.id())
            .map(|(e, _)| (e, true));
        let backward = self
            .graph
            .incoming(node)
            .filter(|(_, n)| n.id() == b.id())
            .map(|(e, _)| (e, false));
        let edges: Vec<(&Edge, bool)> = forward.chain(backward).collect();
        let (edge, forward) = *edges
            .iter()
            .min_by(|x, y| {
                (x.0.kind_name(), x.0.evidence(), !x.1).cmp(&(
                    y.0.kind_name(),
                    y.0.evidence(),
                    !y.1,
                ))
            })
            .expect("consecutive nodes of a chain are joined");
        Hop { edge, forward, parallel: edges.len() }
    }
}

/// The edges of the shortest chains, pointing away from the start
/// nodes: node -> the next nodes, sorted. Only nodes from which an end
/// node can be reached are kept.
fn successors(
    preds: &HashMap<usize, Vec<usize>>,
    ends: &[usize],
) -> HashMap<usize, Vec<usize>> {
    let mut succs: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut todo: Vec<usize> =
        ends.iter().copied().filter(|e| preds.contains_key(e)).collect();
    let mut seen: HashSet<usize> = todo.iter().copied().collect();
    while let Some(v) = todo.pop() {
        for &p in &preds[&v] {
            succs.entry(p).or_default().push(v);
            if seen.insert(p) {
                todo.push(p);
            }
        }
    }
    for list in succs.values_mut() {
        list.sort_unstable();
    }
    succs
}

/// How many chains lead from `node` to an end node along `succs`.
fn count(
    succs: &HashMap<usize, Vec<usize>>,
    ends: &[usize],
    node: usize,
    memo: &mut HashMap<usize, usize>,
) -> usize {
    if ends.binary_search(&node).is_ok() {
        return 1;
    }
    if let Some(&n) = memo.get(&node) {
        return n;
    }
    let next = succs.get(&node).map_or(&[][..], Vec::as_slice);
    let n = next
        .iter()
        .map(|&v| count(succs, ends, v, memo))
        .fold(0, usize::saturating_add);
    memo.insert(node, n);
    n
}

/// Extends `path` along `succs` to an end node, adding each chain to
/// `out`, in order of the nodes' ids, until it holds `limit`.
fn collect(
    succs: &HashMap<usize, Vec<usize>>,
    ends: &[usize],
    path: &mut Vec<usize>,
    limit: usize,
    out: &mut Vec<Vec<usize>>,
) {
    let last = *path.last().expect("non-empty path");
    if ends.binary_search(&last).is_ok() {
        if out.len() < limit {
            out.push(path.clone());
        }
        return;
    }
    for &next in succs.get(&last).map_or(&[][..], Vec::as_slice) {
        if out.len() >= limit {
            return;
        }
        path.push(next);
        collect(succs, ends, path, limit, out);
        path.pop();
    }
}
