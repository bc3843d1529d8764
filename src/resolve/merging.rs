//! The bookkeeping of the corpus actor pass ([`super::corpus`]): folded
//! keys as numbers, the union-find that merges mentions, and the groups
//! of mentions it has merged so far.
//!
//! A corpus has hundreds of thousands of mentions but only thousands of
//! distinct keys. Numbering the keys once, in sorted order, lets the
//! merge rules compare and index numbers instead of strings, while a
//! loop over numbers still visits the keys in the order a sorted map of
//! the strings would.

use std::collections::HashSet;
use std::ops::Range;

/// Every distinct key of a corpus, sorted; a key's number is its rank,
/// so numbers compare as the keys do.
#[derive(Debug, Default)]
pub struct Keys {
    sorted: Vec<String>,
}

impl Keys {
    /// The table of `keys`, in any order and with repeats.
    pub fn new<'k>(keys: impl IntoIterator<Item = &'k str>) -> Keys {
        // Repeats dropped first: a corpus names the same few thousand
        // keys hundreds of thousands of times.
        let distinct: HashSet<&str, foldhash::fast::RandomState> =
            keys.into_iter().collect();
        let mut sorted: Vec<String> =
            distinct.into_iter().map(str::to_string).collect();
        sorted.sort_unstable();
        Keys { sorted }
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// The key numbered `n`.
    pub fn get(&self, n: u32) -> &str {
        &self.sorted[n as usize]
    }

    /// The number of `key`, if it is in the table.
    pub fn number(&self, key: &str) -> Option<u32> {
        let n = self.sorted.binary_search_by(|k| k.as_str().cmp(key)).ok()?;
        Some(n as u32)
    }

    /// The numbers of the keys that start with `prefix`, in order.
    pub fn with_prefix(&self, prefix: &str) -> Range<u32> {
        let start = self.sorted.partition_point(|k| k.as_str() < prefix);
        let len = self.sorted[start..]
            .iter()
            .take_while(|k| k.starts_with(prefix))
            .count();
        start as u32..(start + len) as u32
    }
}

/// Union-find over mentions by global index, with the reasons for the
/// unions that needed one.
#[derive(Debug)]
pub struct Sets {
    /// Each mention's parent; u32, as a corpus has under 4 billion
    /// mentions, to halve the largest list of the pass.
    parent: Vec<u32>,
    /// (root when the reason was given, reason).
    pub reasons: Vec<(usize, String)>,
}

impl Sets {
    /// `n` mentions, each alone.
    pub fn new(n: usize) -> Sets {
        let n = u32::try_from(n).expect("under 4 billion mentions");
        Sets { parent: (0..n).collect(), reasons: Vec::new() }
    }

    /// The root of `g`'s set: its smallest member, whatever the order
    /// of the unions.
    pub fn root(&mut self, g: usize) -> usize {
        let mut g = g as u32;
        while self.parent[g as usize] != g {
            let up = self.parent[self.parent[g as usize] as usize];
            self.parent[g as usize] = up;
            g = up;
        }
        g as usize
    }

    /// Joins the sets of `a` and `b`, saying why when they were apart
    /// (an empty reason records none). True when they were apart.
    pub fn union(
        &mut self,
        a: usize,
        b: usize,
        why: impl FnOnce() -> String,
    ) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return false;
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep as u32;
        let why = why();
        if !why.is_empty() {
            self.reasons.push((keep, why));
        }
        true
    }

    /// The root of each mention and the reasons given; the sets are
    /// used up. The parents become the roots in place: a parent is
    /// never after its child, so one pass in order gives each mention
    /// its parent's root.
    pub fn into_roots(self) -> (Vec<u32>, Vec<(usize, String)>) {
        let mut parent = self.parent;
        for g in 0..parent.len() {
            parent[g] = parent[parent[g] as usize];
        }
        (parent, self.reasons)
    }
}

/// The sets of mentions at one moment, by root in ascending order, each
/// with its members in ascending order: what a `BTreeMap` from root to
/// members would hold, in two flat arrays.
#[derive(Debug)]
pub struct Clusters {
    /// The root of each mention; u32, as are the members, since there
    /// are under 4 billion mentions.
    pub root_of: Vec<u32>,
    /// Where each set's members start in `members`, and the end. A
    /// set's root is its first member, its smallest.
    starts: Vec<u32>,
    members: Vec<u32>,
}

impl Clusters {
    /// The sets `sets` holds now.
    pub fn of(sets: &mut Sets) -> Clusters {
        let n = sets.parent.len();
        let root_of: Vec<u32> = (0..n).map(|g| sets.root(g) as u32).collect();
        Clusters::from_roots(root_of)
    }

    /// The sets of mentions whose roots are `root_of`.
    pub fn from_roots(root_of: Vec<u32>) -> Clusters {
        let n = root_of.len();
        // Counts, then where each root's next member goes: u32, as are
        // the starts, since there are under 4 billion mentions.
        let mut count = vec![0u32; n];
        for &r in &root_of {
            count[r as usize] += 1;
        }
        let sets = count.iter().filter(|&&c| c > 0).count();
        let mut starts = Vec::with_capacity(sets + 1);
        let mut at = 0;
        for c in count.iter_mut().filter(|c| **c > 0) {
            starts.push(at);
            at += std::mem::replace(c, at);
        }
        starts.push(at);
        let mut members = vec![0; n];
        for (g, &r) in (0..n as u32).zip(&root_of) {
            let r = r as usize;
            members[count[r] as usize] = g;
            count[r] += 1;
        }
        Clusters { root_of, starts, members }
    }

    /// Each root with its members, roots in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &[u32])> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// How many sets there are.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The `i`-th set in root order: its root and its members.
    pub fn get(&self, i: usize) -> (usize, &[u32]) {
        let (start, end) =
            (self.starts[i] as usize, self.starts[i + 1] as usize);
        let members = &self.members[start..end];
        (members[0] as usize, members)
    }

    /// The sets' indexes in runs of at most `n`, in order: for work done
    /// on every core a run at a time, so that what it makes per set is
    /// held for one run, not for the millions of sets of a large corpus.
    pub fn runs(&self, n: usize) -> impl Iterator<Item = Range<usize>> {
        let len = self.len();
        (0..len).step_by(n).map(move |lo| lo..(lo + n).min(len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_order_of_the_keys() {
        let keys = Keys::new(["mexico", "china", "mexican", "china", "us"]);
        assert_eq!(keys.len(), 4);
        assert_eq!(keys.number("china"), Some(0));
        assert_eq!(keys.number("mexico"), Some(2));
        assert_eq!(keys.number("canada"), None);
        assert_eq!(keys.with_prefix("mexic"), 1..3);
        assert_eq!(keys.with_prefix("x"), 4..4);
    }

    #[test]
    fn clusters_are_by_root_with_members_in_order() {
        let mut sets = Sets::new(5);
        assert!(sets.union(4, 1, || "why".into()));
        assert!(sets.union(3, 0, String::new));
        assert!(!sets.union(1, 4, || unreachable!()));
        assert_eq!(sets.reasons, vec![(1, "why".to_string())]);
        let c = Clusters::of(&mut sets);
        let got: Vec<(usize, Vec<u32>)> =
            c.iter().map(|(r, m)| (r, m.to_vec())).collect();
        assert_eq!(got, vec![(0, vec![0, 3]), (1, vec![1, 4]), (2, vec![2])]);
        assert_eq!(c.root_of, vec![0, 1, 2, 0, 1]);
        assert_eq!(c.len(), 3);
        let (roots, reasons) = sets.into_roots();
        assert_eq!(roots, c.root_of);
        assert_eq!(reasons, vec![(1, "why".to_string())]);
        assert_eq!(Clusters::from_roots(roots).get(1), (1, &[1, 4][..]));
    }
}
