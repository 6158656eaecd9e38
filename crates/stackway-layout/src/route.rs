//! Orthogonal routing of the lines between neighbouring columns.
//!
//! Between two columns runs a channel. Every target (a node, or the dummy of a line passing a
//! column) gathers the lines of one meaning that reach it from the column to the left on one
//! vertical "bus": each source's line runs horizontally from its side of the box to the bus,
//! the bus runs vertically, and one horizontal leaves it into the target. Lines join a bus in
//! a T (drawn with a dot); a plain cross is always a crossing. A node with several outgoing
//! lines gives each its own port on its side, so two lines never leave a box on top of each
//! other.
//!
//! Which bus goes left of which in a channel decides how many lines cross it, as in the
//! orthogonal edge router of ELK Layered (after Sander): for two buses whose vertical spans
//! overlap, putting `a` left of `b` makes `a`'s outgoing line cross `b`'s bus and `b`'s
//! incoming lines cross `a`'s bus. The cheaper side of every such pair becomes a constraint,
//! cycles among the constraints are broken greedily (Eades, Lin and Smyth) and each bus takes
//! the leftmost free track allowed. Two lines never run on top of each other: a bus whose
//! outgoing line is level with another bus's incoming line must go to its right.
//!
//! Vertical lines only run inside channels and horizontal ones only level with the box they
//! leave, the box they enter, or a dummy's slot between two boxes, so no line ever passes
//! through a box.

use std::collections::BTreeMap;

use super::order::ProperGraph;

/// Two lines closer than this (in y) are treated as level.
const LEVEL: f64 = 4.0;
/// Two buses on one track must leave at least this much room between their ends.
const CLEARANCE: f64 = 8.0;
/// Weight of a constraint that keeps two lines from running on top of each other.
const MUST: usize = 1 << 20;

/// One vertical bus in a channel.
#[derive(Debug, Clone)]
pub(super) struct Bus {
    /// The channel: between column `channel` and `channel + 1`.
    pub channel: usize,
    /// The node the bus leads into (real or dummy).
    target: usize,
    /// Where the lines join the bus: the source and its port's y.
    pub inputs: Vec<(usize, f64)>,
    /// The y of the line leaving the bus into the target.
    pub out: f64,
    /// Top of the vertical part.
    pub lo: f64,
    /// Bottom of the vertical part.
    pub hi: f64,
    /// Track within the channel, from the left; `None` for a straight line (no vertical).
    pub track: Option<usize>,
}

impl Bus {
    fn has_input_level_with(&self, y: f64) -> bool {
        self.inputs.iter().any(|&(_, iy)| (iy - y).abs() < LEVEL)
    }

    fn spans(&self, y: f64) -> bool {
        self.lo < y && y < self.hi
    }

    /// Lines that cross if `self` runs left of `other`: this bus's outgoing line crosses the
    /// other's vertical, and the other's incoming lines cross this one's vertical.
    fn crossings_left_of(&self, other: &Bus) -> usize {
        usize::from(other.spans(self.out))
            + other.inputs.iter().filter(|&&(_, y)| self.spans(y)).count()
    }

    /// Whether `self` left of `other` would lay two lines on top of each other: this bus's
    /// outgoing line runs right from its track, the other's incoming line runs left from its
    /// own, and at the same height they would overlap between the two tracks.
    fn cannot_go_left_of(&self, other: &Bus) -> bool {
        other.has_input_level_with(self.out)
    }

    /// [`Bus::crossings_left_of`], with overlapping lines as a prohibitive cost.
    fn cost_left_of(&self, other: &Bus) -> usize {
        self.crossings_left_of(other)
            + if self.cannot_go_left_of(other) {
                MUST
            } else {
                0
            }
    }

    fn conflicts_with(&self, other: &Bus) -> bool {
        self.lo < other.hi + CLEARANCE && other.lo < self.hi + CLEARANCE
    }
}

/// The buses of every channel, and the port of each proper edge on its source's side.
pub(super) struct Routing {
    pub buses: Vec<Bus>,
    /// Bus of each proper edge `(source, target, class)`.
    pub bus_of: BTreeMap<(usize, usize, u8), usize>,
    /// Tracks used in each channel.
    pub tracks: Vec<usize>,
    /// Crossings of the drawing (all in channels).
    pub crossings: usize,
}

/// Routes every proper edge. `y` are the nodes' centres, `heights` their heights (0 for
/// dummies).
pub(super) fn route(
    graph: &ProperGraph,
    y: &[f64],
    heights: &[f64],
    line_gap: f64,
    channel_count: usize,
) -> Routing {
    let (mut buses, bus_of) = gather(graph, y, heights, line_gap);
    let mut tracks = vec![0; channel_count];
    let mut crossings = 0;
    let mut by_channel: Vec<Vec<usize>> = vec![Vec::new(); channel_count];
    for (i, bus) in buses.iter().enumerate() {
        if let Some(list) = by_channel.get_mut(bus.channel) {
            list.push(i);
        }
    }
    for (channel, members) in by_channel.iter().enumerate() {
        tracks[channel] = assign_tracks(&mut buses, members);
        crossings += channel_crossings(&buses, members);
    }
    Routing {
        buses,
        bus_of,
        tracks,
        crossings,
    }
}

/// Builds the buses: one per (target, class) in each channel, with the target's and the
/// sources' ports.
#[allow(clippy::type_complexity)]
fn gather(
    graph: &ProperGraph,
    y: &[f64],
    heights: &[f64],
    line_gap: f64,
) -> (Vec<Bus>, BTreeMap<(usize, usize, u8), usize>) {
    let mut buses: Vec<Bus> = Vec::new();
    let mut bus_of = BTreeMap::new();
    let mut by_target: BTreeMap<(usize, u8), usize> = BTreeMap::new();
    for target in 0..graph.len() {
        let mut classes: Vec<u8> = graph.pred[target].iter().map(|&(_, c)| c).collect();
        classes.sort_unstable();
        classes.dedup();
        for (i, &class) in classes.iter().enumerate() {
            // A box takes one port per meaning on its left side, spread over its height.
            let out = y[target] - heights[target] / 2.0
                + heights[target] * (i + 1) as f64 / (classes.len() + 1) as f64;
            by_target.insert((target, class), buses.len());
            buses.push(Bus {
                channel: graph.column[target].saturating_sub(1),
                target,
                inputs: Vec::new(),
                out,
                lo: out,
                hi: out,
                track: None,
            });
        }
    }
    for source in 0..graph.len() {
        let mut outgoing: Vec<(usize, usize, u8)> = graph.succ[source]
            .iter()
            .filter_map(|&(target, class)| {
                by_target.get(&(target, class)).map(|&b| (b, target, class))
            })
            .collect();
        outgoing.sort_by(|a, b| buses[a.0].out.total_cmp(&buses[b.0].out).then(a.cmp(b)));
        let (top, height) = (y[source] - heights[source] / 2.0, heights[source]);
        let margin = (height / 4.0).min(8.0);
        for (i, &(bus, target, class)) in outgoing.iter().enumerate() {
            let port = if outgoing.len() == 1 {
                // One line leaves level with where it goes when the box allows: straight.
                buses[bus].out.clamp(top + margin, top + height - margin)
            } else {
                top + height * (i + 1) as f64 / (outgoing.len() + 1) as f64
            };
            buses[bus].inputs.push((source, port));
            bus_of.insert((source, target, class), bus);
        }
    }
    separate_levels(graph, y, heights, line_gap, &mut buses);
    for bus in &mut buses {
        bus.inputs
            .sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        (bus.lo, bus.hi) = (bus.out, bus.out);
        for &(_, iy) in &bus.inputs {
            bus.lo = bus.lo.min(iy);
            bus.hi = bus.hi.max(iy);
        }
    }
    (buses, bus_of)
}

/// Moves ports so that no line entering a bus is level with another bus's outgoing line in
/// the same channel: those two would overlap whichever bus runs left. Nodes placed level with
/// their neighbours make such coincidences common. A port moves within its box; a dummy's line
/// moves within the room its column leaves it (both the bus it leaves and the one it enters).
fn separate_levels(
    graph: &ProperGraph,
    y: &[f64],
    heights: &[f64],
    line_gap: f64,
    buses: &mut [Bus],
) {
    let mut channel_members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (b, bus) in buses.iter().enumerate() {
        channel_members.entry(bus.channel).or_default().push(b);
    }
    // The bus each dummy leads out of (it is the target) and the one it feeds (its input).
    let mut into: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out_of: BTreeMap<usize, usize> = BTreeMap::new();
    for (b, bus) in buses.iter().enumerate() {
        into.insert(bus.target, b);
        for &(source, _) in &bus.inputs {
            if graph.is_dummy(source) {
                out_of.insert(source, b);
            }
        }
    }
    let mut columns: Vec<Vec<usize>> = Vec::new();
    for v in 0..graph.len() {
        let c = graph.column[v];
        if columns.len() <= c {
            columns.resize(c + 1, Vec::new());
        }
        columns[c].push(v);
    }
    let mut level = y.to_vec();
    for _round in 0..4 {
        let mut moved = false;
        for b in 0..buses.len() {
            for k in 0..buses[b].inputs.len() {
                let (source, port) = buses[b].inputs[k];
                let members = &channel_members[&buses[b].channel];
                let Some(a) = members
                    .iter()
                    .copied()
                    .find(|&a| a != b && (buses[a].out - port).abs() < LEVEL)
                else {
                    continue;
                };
                let target = buses[a].target;
                moved |= move_port(graph, &level, heights, buses, members, Port::Input(b, k))
                    || move_port(graph, &level, heights, buses, members, Port::Output(a))
                    || move_dummy(
                        graph,
                        &mut level,
                        heights,
                        line_gap,
                        buses,
                        &channel_members,
                        &into,
                        &out_of,
                        &columns,
                        source,
                    )
                    || move_dummy(
                        graph,
                        &mut level,
                        heights,
                        line_gap,
                        buses,
                        &channel_members,
                        &into,
                        &out_of,
                        &columns,
                        target,
                    );
            }
        }
        if !moved {
            break;
        }
    }
}

/// A port of a bus: input `k` of bus `b`, or the output of a bus.
#[derive(Clone, Copy)]
enum Port {
    Input(usize, usize),
    Output(usize),
}

/// A place at least LEVEL away from every level in `avoid`, within `lo..=hi`, nearest to
/// `from`.
fn free_place(from: f64, lo: f64, hi: f64, avoid: &[f64]) -> Option<f64> {
    let clear = |c: f64| avoid.iter().all(|&a| (a - c).abs() >= LEVEL);
    let mut candidates: Vec<f64> = avoid
        .iter()
        .flat_map(|&a| [a - LEVEL, a + LEVEL])
        .filter(|&c| lo <= c && c <= hi)
        .collect();
    candidates.sort_by(|a, b| {
        (a - from)
            .abs()
            .total_cmp(&(b - from).abs())
            .then(a.total_cmp(b))
    });
    candidates.into_iter().find(|&c| clear(c))
}

/// Moves a port on a box's side (never a dummy's) to a free level within the box.
fn move_port(
    graph: &ProperGraph,
    level: &[f64],
    heights: &[f64],
    buses: &mut [Bus],
    members: &[usize],
    port: Port,
) -> bool {
    let (node, current) = match port {
        Port::Input(b, k) => buses[b].inputs[k],
        Port::Output(a) => (buses[a].target, buses[a].out),
    };
    if graph.is_dummy(node) {
        return false;
    }
    // Away from the other side's lines in this channel and from the node's own other ports.
    let mut avoid: Vec<f64> = Vec::new();
    for &m in members {
        match port {
            Port::Input(b, _) => {
                if m != b {
                    avoid.push(buses[m].out);
                }
                avoid.extend(
                    buses[m]
                        .inputs
                        .iter()
                        .filter(|&&(s, p)| s == node && p != current)
                        .map(|&(_, p)| p),
                );
            }
            Port::Output(a) => {
                avoid.extend(buses[m].inputs.iter().map(|&(_, p)| p));
                if m != a && buses[m].target == node {
                    avoid.push(buses[m].out);
                }
            }
        }
    }
    let half = heights[node] / 2.0;
    let Some(place) = free_place(
        current,
        level[node] - half + 1.0,
        level[node] + half - 1.0,
        &avoid,
    ) else {
        return false;
    };
    match port {
        Port::Input(b, k) => buses[b].inputs[k].1 = place,
        Port::Output(a) => buses[a].out = place,
    }
    true
}

/// Moves the line through a dummy up or down, within the room between its neighbours in the
/// column, to a level clear of the lines it could overlap on both sides.
#[allow(clippy::too_many_arguments)]
fn move_dummy(
    graph: &ProperGraph,
    level: &mut [f64],
    heights: &[f64],
    line_gap: f64,
    buses: &mut [Bus],
    channel_members: &BTreeMap<usize, Vec<usize>>,
    into: &BTreeMap<usize, usize>,
    out_of: &BTreeMap<usize, usize>,
    columns: &[Vec<usize>],
    dummy: usize,
) -> bool {
    if !graph.is_dummy(dummy) {
        return false;
    }
    let (Some(&before), Some(&after)) = (into.get(&dummy), out_of.get(&dummy)) else {
        return false;
    };
    // As the output of `before`: clear of the inputs in its channel; as an input of `after`:
    // clear of the outputs in its channel.
    let mut avoid: Vec<f64> = Vec::new();
    for &m in channel_members
        .get(&buses[before].channel)
        .into_iter()
        .flatten()
    {
        avoid.extend(
            buses[m]
                .inputs
                .iter()
                .filter(|&&(s, _)| s != dummy)
                .map(|&(_, p)| p),
        );
    }
    for &m in channel_members
        .get(&buses[after].channel)
        .into_iter()
        .flatten()
    {
        if m != after {
            avoid.push(buses[m].out);
        }
    }
    // Lines between packed dummies keep the usual gap when they can. When they cannot, two
    // long lines that swap rows in a channel would run on top of each other whichever bus goes
    // left, so the line moves closer to its neighbours (never closer than two LEVELs).
    let usual = line_gap.max(LEVEL);
    let Some(place) = [usual, (2.0 * LEVEL).min(usual)]
        .into_iter()
        .find_map(|gap| {
            let (lo, hi) = dummy_room(graph, level, heights, columns, dummy, gap);
            free_place(level[dummy], lo, hi, &avoid)
        })
    else {
        return false;
    };
    level[dummy] = place;
    buses[before].out = place;
    for input in &mut buses[after].inputs {
        if input.0 == dummy {
            input.1 = place;
        }
    }
    true
}

/// The band a dummy's line may move in: `gap` clear of the other lines through its column and
/// `gap` clear of the boxes there.
fn dummy_room(
    graph: &ProperGraph,
    level: &[f64],
    heights: &[f64],
    columns: &[Vec<usize>],
    dummy: usize,
    gap: f64,
) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    for &w in columns.get(graph.column[dummy]).into_iter().flatten() {
        if w == dummy {
            continue;
        }
        let room = heights[w] / 2.0 + gap;
        if level[w] <= level[dummy] {
            lo = lo.max(level[w] + room);
        } else {
            hi = hi.min(level[w] - room);
        }
    }
    (lo, hi)
}

/// Orders the buses of one channel and gives each a track. Returns the number of tracks.
fn assign_tracks(buses: &mut [Bus], members: &[usize]) -> usize {
    let vertical: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&b| buses[b].hi > buses[b].lo)
        .collect();
    let k = vertical.len();
    // weight[i][j] > 0: `i` should run left of `j`, by that many crossings saved.
    let mut left_of: Vec<Vec<(usize, usize)>> = vec![Vec::new(); k];
    let mut conflicts: Vec<Vec<usize>> = vec![Vec::new(); k];
    for i in 0..k {
        for j in i + 1..k {
            let (a, b) = (&buses[vertical[i]], &buses[vertical[j]]);
            if !a.conflicts_with(b) {
                continue;
            }
            conflicts[i].push(j);
            conflicts[j].push(i);
            let (ab, ba) = (a.cost_left_of(b), b.cost_left_of(a));
            if ab < ba {
                left_of[i].push((j, ba - ab));
            } else if ba < ab {
                left_of[j].push((i, ab - ba));
            }
        }
    }
    let sequence = break_cycles(&left_of);
    let mut rank = vec![0usize; k];
    for (r, &i) in sequence.iter().enumerate() {
        rank[i] = r;
    }
    // The buses each one must run right of: the constraints the order kept.
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (p, targets) in left_of.iter().enumerate() {
        for &(t, _) in targets {
            if rank[p] < rank[t] {
                after[t].push(p);
            }
        }
    }
    let mut track: Vec<Option<usize>> = vec![None; k];
    let mut used = 0;
    for &i in &sequence {
        let least = after[i]
            .iter()
            .filter_map(|&p| track[p])
            .map(|t| t + 1)
            .max()
            .unwrap_or(0);
        let mut taken = vec![false; used + 1];
        for t in conflicts[i].iter().filter_map(|&c| track[c]) {
            taken[t] = true;
        }
        let mut t = least;
        while taken.get(t).copied().unwrap_or(false) {
            t += 1;
        }
        track[i] = Some(t);
        used = used.max(t + 1);
    }
    for (i, &b) in vertical.iter().enumerate() {
        buses[b].track = track[i];
    }
    used
}

/// A linear order of the nodes of a weighted digraph that keeps heavy edges pointing forward:
/// the greedy heuristic of Eades, Lin and Smyth (sinks to the back, sources to the front, else
/// the node with the largest out-minus-in weight to the front). Live weights are kept up to
/// date, so it runs in O(V² + E). Deterministic: ties go to the smallest index.
fn break_cycles(out: &[Vec<(usize, usize)>]) -> Vec<usize> {
    let k = out.len();
    let mut incoming: Vec<Vec<(usize, usize)>> = vec![Vec::new(); k];
    let mut out_w = vec![0usize; k];
    let mut in_w = vec![0usize; k];
    for (u, list) in out.iter().enumerate() {
        for &(v, w) in list {
            incoming[v].push((u, w));
            out_w[u] = out_w[u].saturating_add(w);
            in_w[v] = in_w[v].saturating_add(w);
        }
    }
    let mut alive = vec![true; k];
    let mut front = Vec::with_capacity(k);
    let mut back = Vec::new();
    // Nodes that became sinks or sources, in the order they did.
    let mut ready: std::collections::VecDeque<usize> =
        (0..k).filter(|&v| out_w[v] == 0 || in_w[v] == 0).collect();
    for _ in 0..k {
        let next = loop {
            match ready.pop_front() {
                Some(v) if alive[v] => break Some((v, out_w[v] == 0)),
                Some(_) => continue,
                None => break None,
            }
        };
        let (v, to_back) = next.unwrap_or_else(|| {
            let best = (0..k)
                .filter(|&v| alive[v])
                .max_by_key(|&v| (out_w[v] as i64 - in_w[v] as i64, std::cmp::Reverse(v)))
                .unwrap_or(0);
            (best, false)
        });
        if !alive[v] {
            break;
        }
        alive[v] = false;
        if to_back {
            back.push(v);
        } else {
            front.push(v);
        }
        for &(u, w) in &incoming[v] {
            if alive[u] {
                out_w[u] -= w;
                if out_w[u] == 0 {
                    ready.push_back(u);
                }
            }
        }
        for &(x, w) in &out[v] {
            if alive[x] {
                in_w[x] -= w;
                if in_w[x] == 0 {
                    ready.push_back(x);
                }
            }
        }
    }
    back.reverse();
    front.extend(back);
    front
}

/// Crossings in one channel once the tracks are known.
fn channel_crossings(buses: &[Bus], members: &[usize]) -> usize {
    let mut count = 0;
    for (i, &a) in members.iter().enumerate() {
        for &b in &members[i + 1..] {
            let (a, b) = (&buses[a], &buses[b]);
            count += match (a.track, b.track) {
                (Some(ta), Some(tb)) if ta < tb => a.crossings_left_of(b),
                (Some(ta), Some(tb)) if tb < ta => b.crossings_left_of(a),
                (Some(_), Some(_)) => 0,
                // A straight line crosses every bus it passes through.
                (Some(_), None) => usize::from(a.spans(b.out)),
                (None, Some(_)) => usize::from(b.spans(a.out)),
                (None, None) => 0,
            };
        }
    }
    count
}
