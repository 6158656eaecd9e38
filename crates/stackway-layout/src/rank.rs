//! Which column each node goes in: cycles broken, then longest-path columns, then sources moved
//! right next to what they feed.
//!
//! Longest path alone puts every credential without requirements in the first column, so a
//! micro-credential that only counts toward a diploma three levels up would be drawn at the far
//! left with a long line across the map. Moving such nodes right, to just before the first
//! thing they count toward ("promotion"), shortens those lines without ever making another one
//! longer than it saves: a node is moved only when more of its lines get shorter than longer.

use std::collections::VecDeque;

/// Marks the edges that close a cycle (back edges of a depth-first search in index order), so
/// that reversing them leaves an acyclic graph. Iterative: deep graphs cannot overflow the stack.
pub(super) fn back_edges(node_count: usize, edges: &[(usize, usize)]) -> Vec<bool> {
    let mut out_edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); node_count];
    for (i, &(from, to)) in edges.iter().enumerate() {
        out_edges[from].push((to, i));
    }
    // 0 = unvisited, 1 = on the current path, 2 = finished.
    let mut state = vec![0u8; node_count];
    let mut reversed = vec![false; edges.len()];
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..node_count {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        stack.push((root, 0));
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&(w, edge)) = out_edges[v].get(*next) {
                *next += 1;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => reversed[edge] = true,
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    reversed
}

/// Columns of an acyclic graph: longest path from the sources, then promotion. Every edge
/// points at least one column to the right. The result does not depend on edge order.
pub(super) fn columns(node_count: usize, dag: &[(usize, usize)]) -> Vec<usize> {
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); node_count];
    let mut in_degree = vec![0usize; node_count];
    for &(u, v) in dag {
        out_edges[u].push(v);
        in_degree[v] += 1;
    }
    let topological = topological_order(&out_edges, &in_degree);
    let mut column = vec![0usize; node_count];
    for &u in &topological {
        for &v in &out_edges[u] {
            column[v] = column[v].max(column[u] + 1);
        }
    }
    // Promotion, last nodes first so that a node sees its successors' final columns. Moving a
    // node right by d shortens each of its outgoing lines by d and lengthens each incoming one
    // by d: worth it only with more outgoing than incoming lines.
    for &u in topological.iter().rev() {
        let Some(earliest) = out_edges[u].iter().map(|&v| column[v]).min() else {
            continue;
        };
        if out_edges[u].len() > in_degree[u] && earliest > column[u] + 1 {
            column[u] = earliest - 1;
        }
    }
    column
}

/// Kahn's algorithm with a queue in index order, so the order is deterministic.
fn topological_order(out_edges: &[Vec<usize>], in_degree: &[usize]) -> Vec<usize> {
    let mut remaining = in_degree.to_vec();
    let mut queue: VecDeque<usize> = (0..out_edges.len())
        .filter(|&v| remaining[v] == 0)
        .collect();
    let mut order = Vec::with_capacity(out_edges.len());
    while let Some(u) = queue.pop_front() {
        order.push(u);
        for &v in &out_edges[u] {
            remaining[v] -= 1;
            if remaining[v] == 0 {
                queue.push_back(v);
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_feeding_only_a_far_target_moves_next_to_it() {
        // 0 → 1 → 2 → 3, and 4 → 3: longest path puts 4 in column 0; promotion moves it to 2.
        let dag = [(0, 1), (1, 2), (2, 3), (4, 3)];
        assert_eq!(columns(5, &dag), vec![0, 1, 2, 3, 2]);
    }

    #[test]
    fn a_node_with_more_inputs_than_outputs_stays() {
        // 0, 1 → 2 → 4 and 3 → 4 with 3 at column... : 2 has two inputs and one output.
        let dag = [(0, 2), (1, 2), (2, 5), (3, 4), (4, 5), (6, 3)];
        let c = columns(7, &dag);
        assert_eq!(c[2], 1);
        assert!(dag.iter().all(|&(u, v)| c[u] < c[v]));
    }

    #[test]
    fn back_edges_break_every_cycle() {
        let edges = [(0, 1), (1, 2), (2, 0), (2, 3), (3, 1)];
        let reversed = back_edges(4, &edges);
        let dag: Vec<(usize, usize)> = edges
            .iter()
            .zip(&reversed)
            .map(|(&(u, v), &r)| if r { (v, u) } else { (u, v) })
            .collect();
        let c = columns(4, &dag);
        assert!(dag.iter().all(|&(u, v)| c[u] < c[v]), "{dag:?} {c:?}");
    }
}
