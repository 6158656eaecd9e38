//! Vertical positions within the columns.
//!
//! Each column is placed in turn as close as possible to the median of its neighbours in the
//! column placed before it, subject to the boxes not overlapping: a 1-D least-squares problem
//! under ordering constraints, solved exactly by pool-adjacent-violators. A node fed by one
//! node lands level with it, so most lines run straight.

/// Centres (y) of the nodes of one component, its top at 0. `heights[v]` is the height of
/// node `v` (0 for a dummy); `separation(a, b)` the gap between two neighbours in a column;
/// `neighbours(v, leftward)` the nodes `v` is joined to in the column to the left or right.
pub(super) fn place_component<'a, N, S>(
    order: &[Vec<usize>],
    heights: &[f64],
    weights: &[f64],
    neighbours: N,
    separation: S,
    y: &mut [f64],
) where
    N: Fn(usize, bool) -> &'a [(usize, u8)],
    S: Fn(usize, usize) -> f64,
{
    let gap_between = |a: usize, b: usize| heights[a] / 2.0 + heights[b] / 2.0 + separation(a, b);
    for column in order {
        let mut cursor = 0.0;
        for (i, &v) in column.iter().enumerate() {
            cursor = if i == 0 {
                heights[v] / 2.0
            } else {
                cursor + gap_between(column[i - 1], v)
            };
            y[v] = cursor;
        }
    }
    for round in 0..8 {
        let rightward = round % 2 == 0;
        let columns: Vec<usize> = if rightward {
            (1..order.len()).collect()
        } else {
            (0..order.len().saturating_sub(1)).rev().collect()
        };
        for c in columns {
            let column = &order[c];
            let desired: Vec<f64> = column
                .iter()
                .map(|&v| median(neighbours(v, rightward), y).unwrap_or(y[v]))
                .collect();
            let gaps: Vec<f64> = column.windows(2).map(|p| gap_between(p[0], p[1])).collect();
            let column_weights: Vec<f64> = column.iter().map(|&v| weights[v]).collect();
            for (&v, placed) in column
                .iter()
                .zip(place_row(&desired, &gaps, &column_weights))
            {
                y[v] = placed;
            }
        }
    }
    let top = order
        .iter()
        .flatten()
        .map(|&v| y[v] - heights[v] / 2.0)
        .fold(f64::INFINITY, f64::min);
    if top.is_finite() {
        for &v in order.iter().flatten() {
            y[v] -= top;
        }
    }
}

fn median(neighbours: &[(usize, u8)], y: &[f64]) -> Option<f64> {
    if neighbours.is_empty() {
        return None;
    }
    let mut ys: Vec<f64> = neighbours.iter().map(|&(w, _)| y[w]).collect();
    ys.sort_by(f64::total_cmp);
    let mid = ys.len() / 2;
    Some(if ys.len() % 2 == 1 {
        ys[mid]
    } else {
        (ys[mid - 1] + ys[mid]) / 2.0
    })
}

/// Positions minimising Σ wᵢ(xᵢ − desiredᵢ)² subject to xᵢ₊₁ − xᵢ ≥ gapᵢ: substituting
/// yᵢ = xᵢ − Σ_{k<i} gap_k turns it into weighted isotonic regression, which the
/// pool-adjacent-violators algorithm solves exactly in linear time.
pub(super) fn place_row(desired: &[f64], gaps: &[f64], weights: &[f64]) -> Vec<f64> {
    let mut offsets = Vec::with_capacity(desired.len());
    let mut offset = 0.0;
    for i in 0..desired.len() {
        if i > 0 {
            offset += gaps.get(i - 1).copied().unwrap_or(0.0);
        }
        offsets.push(offset);
    }
    // Blocks of (weighted sum, total weight, count), each with one common value.
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for i in 0..desired.len() {
        let w = weights.get(i).copied().unwrap_or(1.0);
        blocks.push((w * (desired[i] - offsets[i]), w, 1));
        while blocks.len() >= 2 {
            let last = blocks[blocks.len() - 1];
            let prev = blocks[blocks.len() - 2];
            if prev.0 / prev.1 > last.0 / last.1 {
                blocks.pop();
                let merged = blocks.len() - 1;
                blocks[merged] = (prev.0 + last.0, prev.1 + last.1, prev.2 + last.2);
            } else {
                break;
            }
        }
    }
    let mut out = Vec::with_capacity(desired.len());
    for (sum, weight, count) in blocks {
        let value = sum / weight;
        for _ in 0..count {
            out.push(value + offsets[out.len()]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_row_keeps_gaps_and_follows_the_desired_places() {
        let placed = place_row(&[10.0, 10.0, 100.0], &[20.0, 20.0], &[1.0, 1.0, 1.0]);
        assert_eq!(placed, vec![0.0, 20.0, 100.0]);
    }
}
