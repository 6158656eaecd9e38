//! The graph with every edge between neighbouring columns, and the order of the nodes within
//! each column.
//!
//! An edge spanning several columns passes the columns between through invisible "dummy"
//! nodes. Dummies are shared by the lines running into the same target with the same meaning:
//! everything that counts toward a diploma from far to the left travels as one line, joined
//! as soon as it can be, instead of a lane of parallel lines beside the nodes it passes.
//!
//! The order within each column is found by the classic barycentric method (sweeps alternating
//! left and right, each followed by transposition of neighbours) from two starting orders,
//! keeping the best ordering seen. Connected components are ordered separately and
//! stacked, so unrelated families of credentials never interleave.

use std::collections::BTreeMap;

/// Above this many nodes (dummies included) in one family, ordering does less work.
const LARGE: usize = 600;

/// The layered graph in which every edge joins neighbouring columns.
pub(super) struct ProperGraph {
    /// Column of each node; real nodes first (same indices as the input), then dummies.
    pub column: Vec<usize>,
    /// Predecessors (column to the left) with the class of the edge.
    pub pred: Vec<Vec<(usize, u8)>>,
    /// Successors (column to the right) with the class of the edge.
    pub succ: Vec<Vec<(usize, u8)>>,
    /// Number of real nodes.
    pub real_count: usize,
    /// Position of each node within its column, in step with the current order.
    pub pos: Vec<usize>,
}

impl ProperGraph {
    /// Builds the proper graph of `edges` (as laid out: `column[from] < column[to]`) and
    /// returns, for each edge, the chain of nodes it passes, source first.
    pub fn new(column: &[usize], edges: &[(usize, usize, u8)]) -> (Self, Vec<Vec<usize>>) {
        let n = column.len();
        let mut graph = ProperGraph {
            column: column.to_vec(),
            pred: vec![Vec::new(); n],
            succ: vec![Vec::new(); n],
            real_count: n,
            pos: vec![0; n],
        };
        // One dummy per (target, class, column), shared by every line into that target.
        let mut dummies: BTreeMap<(usize, u8, usize), usize> = BTreeMap::new();
        let mut chains = Vec::with_capacity(edges.len());
        for &(u, v, class) in edges {
            let mut chain = vec![u];
            for c in column[u] + 1..column[v] {
                let next = match dummies.get(&(v, class, c)) {
                    Some(&d) => d,
                    None => {
                        let d = graph.add_dummy(c);
                        dummies.insert((v, class, c), d);
                        d
                    }
                };
                chain.push(next);
            }
            chain.push(v);
            for pair in chain.windows(2) {
                graph.link(pair[0], pair[1], class);
            }
            chains.push(chain);
        }
        (graph, chains)
    }

    fn add_dummy(&mut self, column: usize) -> usize {
        let d = self.column.len();
        self.column.push(column);
        self.pred.push(Vec::new());
        self.succ.push(Vec::new());
        self.pos.push(0);
        d
    }

    fn link(&mut self, u: usize, v: usize, class: u8) {
        if !self.succ[u].contains(&(v, class)) {
            self.succ[u].push((v, class));
            self.pred[v].push((u, class));
        }
    }

    pub fn is_dummy(&self, v: usize) -> bool {
        v >= self.real_count
    }

    pub fn len(&self) -> usize {
        self.column.len()
    }

    /// Neighbours in the column to the left (`leftward`) or to the right.
    fn neighbours(&self, v: usize, leftward: bool) -> impl Iterator<Item = usize> + '_ {
        let list = if leftward {
            &self.pred[v]
        } else {
            &self.succ[v]
        };
        list.iter().map(|&(w, _)| w)
    }

    /// Connected components, numbered by their smallest real node; every node's component.
    /// Real nodes without any edge share one last component, so they are drawn together.
    pub fn components(&self) -> (Vec<usize>, usize) {
        let n = self.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(parent: &mut [usize], mut v: usize) -> usize {
            while parent[v] != v {
                parent[v] = parent[parent[v]];
                v = parent[v];
            }
            v
        }
        for u in 0..n {
            for &(v, _) in &self.succ[u] {
                let (a, b) = (find(&mut parent, u), find(&mut parent, v));
                if a != b {
                    // The smaller index wins, so a component's root is its smallest node.
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
        let mut number: BTreeMap<usize, usize> = BTreeMap::new();
        let mut component = vec![0; n];
        let isolated = |v: usize| self.succ[v].is_empty() && self.pred[v].is_empty();
        for (v, slot) in component.iter_mut().enumerate().take(self.real_count) {
            if !isolated(v) {
                let root = find(&mut parent, v);
                let next = number.len();
                *slot = *number.entry(root).or_insert(next);
            }
        }
        let connected = number.len();
        for (v, slot) in component.iter_mut().enumerate() {
            if v < self.real_count && isolated(v) {
                *slot = connected;
            } else if v >= self.real_count {
                let root = find(&mut parent, v);
                *slot = number.get(&root).copied().unwrap_or(connected);
            }
        }
        let count = connected + usize::from((0..self.real_count).any(isolated));
        (component, count)
    }

    fn sync_positions(&mut self, order: &[Vec<usize>]) {
        for column in order {
            for (i, &v) in column.iter().enumerate() {
                self.pos[v] = i;
            }
        }
    }

    /// Crossings between column `c` and the next one, counted as straight lines: the
    /// inversions of the right ends when edges are sorted by left end (Barth, Jünger and
    /// Mutzel), with a Fenwick tree.
    fn crossings_between(&self, left: &[usize], right_len: usize) -> usize {
        let mut tree = vec![0usize; right_len + 1];
        let mut seen = 0usize;
        let mut crossings = 0usize;
        let mut targets: Vec<usize> = Vec::new();
        for &u in left {
            targets.clear();
            targets.extend(self.neighbours(u, false).map(|w| self.pos[w]));
            targets.sort_unstable();
            for &t in &targets {
                // Earlier edges ending strictly below `t` cross this one.
                let mut at_most = 0;
                let mut i = t + 1;
                while i > 0 {
                    at_most += tree[i];
                    i &= i - 1;
                }
                crossings += seen - at_most;
            }
            for &t in &targets {
                let mut i = t + 1;
                while i <= right_len {
                    tree[i] += 1;
                    i += i & i.wrapping_neg();
                }
                seen += 1;
            }
        }
        crossings
    }

    fn total_crossings(&self, order: &[Vec<usize>]) -> usize {
        order
            .windows(2)
            .map(|pair| self.crossings_between(&pair[0], pair[1].len()))
            .sum()
    }

    /// Orders the nodes of one component (`members`, in index order): the best of barycentre
    /// sweeps from the index order and from a depth-first order. Returns each column's order.
    pub fn order_component(
        &mut self,
        members: &[usize],
        column_count: usize,
        sweeps: usize,
    ) -> Vec<Vec<usize>> {
        let mut by_index = vec![Vec::new(); column_count];
        for &v in members {
            by_index[self.column[v]].push(v);
        }
        // Big graphs get one start and fewer sweeps: the widget must draw 2,000 credentials in
        // well under a tenth of a second, and the last sweeps there gain little.
        let big = members.len() > LARGE;
        let starts = if big {
            vec![self.depth_first_order(members, column_count)]
        } else {
            vec![by_index, self.depth_first_order(members, column_count)]
        };
        let (sweeps, passes) = if big { (sweeps.min(8), 2) } else { (sweeps, 8) };
        let mut best: Option<(usize, Vec<Vec<usize>>)> = None;
        for start in starts {
            let mut order = start;
            self.sync_positions(&order);
            let crossings = self.reduce_crossings(&mut order, sweeps, passes);
            if best.as_ref().is_none_or(|(b, _)| crossings < *b) {
                best = Some((crossings, order));
            }
        }
        let order = best.map(|(_, o)| o).unwrap_or_default();
        self.sync_positions(&order);
        order
    }

    /// Columns in the order a depth-first walk along the edges (both ways) first meets the
    /// nodes: neighbours end up near each other, a good start for the sweeps.
    fn depth_first_order(&self, members: &[usize], column_count: usize) -> Vec<Vec<usize>> {
        let mut order = vec![Vec::new(); column_count];
        let mut seen = vec![false; self.len()];
        let mut stack = Vec::new();
        for &root in members {
            if seen[root] {
                continue;
            }
            stack.push(root);
            while let Some(v) = stack.pop() {
                if seen[v] {
                    continue;
                }
                seen[v] = true;
                order[self.column[v]].push(v);
                // Pushed in reverse so the first neighbour is visited first.
                let next: Vec<usize> = self
                    .neighbours(v, false)
                    .chain(self.neighbours(v, true))
                    .collect();
                stack.extend(next.into_iter().rev().filter(|&w| !seen[w]));
            }
        }
        order
    }

    /// Barycentre sweeps with transposition; leaves the best ordering found in `order` and returns
    /// its crossing count. Stops early after four sweeps without progress.
    fn reduce_crossings(
        &mut self,
        order: &mut Vec<Vec<usize>>,
        sweeps: usize,
        transpose_passes: usize,
    ) -> usize {
        self.transpose(order, transpose_passes);
        let mut best = order.clone();
        let mut best_crossings = self.total_crossings(order);
        let mut stale = 0;
        for sweep in 0..sweeps {
            if best_crossings == 0 || stale >= 4 {
                break;
            }
            let rightward = sweep % 2 == 0;
            if rightward {
                for column in order.iter_mut().skip(1) {
                    self.order_by_barycentre(column, true);
                }
            } else {
                let last = order.len().saturating_sub(1);
                for column in order.iter_mut().take(last).rev() {
                    self.order_by_barycentre(column, false);
                }
            }
            self.transpose(order, transpose_passes);
            let crossings = self.total_crossings(order);
            if crossings < best_crossings {
                best_crossings = crossings;
                best.clone_from(order);
                stale = 0;
            } else {
                stale += 1;
            }
        }
        *order = best;
        self.sync_positions(order);
        best_crossings
    }

    /// Sorts one column by the barycentre (mean position) of each node's neighbours in the
    /// fixed column (to the left when `leftward`). Nodes without neighbours there keep their
    /// place. (The barycentre beat the median on the sample feed and the 60-credential pathway
    /// once lines are routed: 30 and 57 crossings against 34 and 68.)
    fn order_by_barycentre(&mut self, column: &mut [usize], leftward: bool) {
        let mut keyed: Vec<(f64, usize, usize)> = Vec::new();
        for &v in column.iter() {
            let (mut sum, mut count) = (0usize, 0usize);
            for w in self.neighbours(v, leftward) {
                sum += self.pos[w];
                count += 1;
            }
            if count > 0 {
                keyed.push((sum as f64 / count as f64, self.pos[v], v));
            }
        }
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut sorted = keyed.into_iter().map(|(_, _, v)| v);
        for slot in column.iter_mut() {
            let fixed = self.neighbours(*slot, leftward).next().is_none();
            if !fixed {
                if let Some(v) = sorted.next() {
                    *slot = v;
                }
            }
        }
        for (i, &v) in column.iter().enumerate() {
            self.pos[v] = i;
        }
    }

    /// Crossings between the edges of `a` and of `b` (with `a` above `b`) toward one side.
    fn pair_crossings(
        &self,
        a: usize,
        b: usize,
        leftward: bool,
        buf: &mut [Vec<usize>; 2],
    ) -> usize {
        let [pa, pb] = buf;
        pa.clear();
        pa.extend(self.neighbours(a, leftward).map(|w| self.pos[w]));
        pb.clear();
        pb.extend(self.neighbours(b, leftward).map(|w| self.pos[w]));
        pa.sort_unstable();
        pb.sort_unstable();
        // Pairs (x in a's, y in b's) with x > y cross.
        let mut count = 0;
        let mut j = 0;
        for &x in pa.iter() {
            while j < pb.len() && pb[j] < x {
                j += 1;
            }
            count += j;
        }
        count
    }

    /// Swaps neighbours in a column while that lowers the crossings on both sides.
    fn transpose(&mut self, order: &mut [Vec<usize>], passes: usize) {
        let mut buf = [Vec::new(), Vec::new()];
        for _pass in 0..passes {
            let mut improved = false;
            for column in order.iter_mut() {
                for i in 1..column.len() {
                    let (a, b) = (column[i - 1], column[i]);
                    let before = self.pair_crossings(a, b, true, &mut buf)
                        + self.pair_crossings(a, b, false, &mut buf);
                    let after = self.pair_crossings(b, a, true, &mut buf)
                        + self.pair_crossings(b, a, false, &mut buf);
                    if after < before {
                        column.swap(i - 1, i);
                        self.pos[a] = i;
                        self.pos[b] = i - 1;
                        improved = true;
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }
}
