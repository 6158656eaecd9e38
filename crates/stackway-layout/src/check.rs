//! Geometric checks of a drawing, independent of how it was made: how many times lines cross,
//! whether a line passes through a box, whether two different lines lie on top of each other.
//! The layout's tests and the benchmark use them on any polylines, so drawings made by
//! different layouts are counted the same way.

use super::{Layout, Point};

const EPS: f64 = 1e-6;

/// A segment of a drawn line, with its ends ordered (left to right, then top to bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Segment {
    a: Point,
    b: Point,
}

impl Segment {
    fn new(p: Point, q: Point) -> Self {
        if (p.x, p.y) <= (q.x, q.y) {
            Segment { a: p, b: q }
        } else {
            Segment { a: q, b: p }
        }
    }

    fn is_horizontal(&self) -> bool {
        (self.a.y - self.b.y).abs() < EPS
    }

    fn is_vertical(&self) -> bool {
        (self.a.x - self.b.x).abs() < EPS
    }
}

/// Segments of all lines, with collinear overlapping pieces of horizontal and vertical lines
/// merged: a stretch that several lines share is drawn, and counted, once.
fn merged_segments(lines: &[Vec<Point>]) -> Vec<Segment> {
    let mut horizontal: Vec<(f64, f64, f64)> = Vec::new();
    let mut vertical: Vec<(f64, f64, f64)> = Vec::new();
    let mut other: Vec<Segment> = Vec::new();
    for line in lines {
        for pair in line.windows(2) {
            let s = Segment::new(pair[0], pair[1]);
            if s.is_horizontal() && s.is_vertical() {
                continue;
            } else if s.is_horizontal() {
                horizontal.push((s.a.y, s.a.x, s.b.x));
            } else if s.is_vertical() {
                vertical.push((s.a.x, s.a.y, s.b.y));
            } else if !other.contains(&s) {
                other.push(s);
            }
        }
    }
    // Lines on one level (to a millionth of a pixel) merge where they touch or overlap.
    let merge = |list: Vec<(f64, f64, f64)>| {
        let mut keyed: Vec<(i64, f64, f64, f64)> = list
            .into_iter()
            .map(|(k, lo, hi)| ((k / EPS).round() as i64, k, lo, hi))
            .collect();
        keyed.sort_by(|p, q| p.0.cmp(&q.0).then(p.2.total_cmp(&q.2)));
        let mut out: Vec<(i64, f64, f64, f64)> = Vec::new();
        for (key, k, lo, hi) in keyed {
            match out.last_mut() {
                Some(last) if last.0 == key && lo <= last.3 + EPS => last.3 = last.3.max(hi),
                _ => out.push((key, k, lo, hi)),
            }
        }
        out.into_iter()
            .map(|(_, k, lo, hi)| (k, lo, hi))
            .collect::<Vec<_>>()
    };
    let mut segments = other;
    segments.extend(merge(horizontal).into_iter().map(|(y, x0, x1)| Segment {
        a: Point { x: x0, y },
        b: Point { x: x1, y },
    }));
    segments.extend(merge(vertical).into_iter().map(|(x, y0, y1)| Segment {
        a: Point { x, y: y0 },
        b: Point { x, y: y1 },
    }));
    segments
}

fn cross(o: Point, p: Point, q: Point) -> f64 {
    (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x)
}

/// Where two segments cross at a point inside both (not at an end of either), if they do.
fn proper_crossing(s: &Segment, t: &Segment) -> Option<Point> {
    let (d1, d2) = (cross(s.a, s.b, t.a), cross(s.a, s.b, t.b));
    let (d3, d4) = (cross(t.a, t.b, s.a), cross(t.a, t.b, s.b));
    let scale = 1e-9 * (1.0 + s.a.x.abs() + s.b.x.abs() + s.a.y.abs() + s.b.y.abs()).powi(2);
    let opposite = |u: f64, v: f64| (u > scale && v < -scale) || (u < -scale && v > scale);
    if opposite(d1, d2) && opposite(d3, d4) {
        let t_along = d3 / (d3 - d4);
        Some(Point {
            x: s.a.x + (s.b.x - s.a.x) * t_along,
            y: s.a.y + (s.b.y - s.a.y) * t_along,
        })
    } else {
        None
    }
}

/// Points where two drawn lines cross each other. Lines meeting at their ends (two lines
/// leaving one box, lines joining a bus) do not cross, nor do lines meeting at one of the
/// `junctions` (drawn with a dot: a join, not a crossing).
pub fn crossings(lines: &[Vec<Point>], junctions: &[Point]) -> usize {
    let segments = merged_segments(lines);
    let at_junction = |p: Point| {
        junctions
            .iter()
            .any(|j| (j.x - p.x).abs() < 1e-3 && (j.y - p.y).abs() < 1e-3)
    };
    let mut count = 0;
    for (i, s) in segments.iter().enumerate() {
        for t in &segments[i + 1..] {
            if let Some(p) = proper_crossing(s, t) {
                if !at_junction(p) {
                    count += 1;
                }
            }
        }
    }
    count
}

/// Whether the segment from `p` to `q` enters the inside of the box (left, top, width,
/// height), shrunk by `inset` on every side (Liang–Barsky clipping).
pub fn segment_enters_box(p: Point, q: Point, rect: (f64, f64, f64, f64), inset: f64) -> bool {
    let (left, top) = (rect.0 + inset, rect.1 + inset);
    let (right, bottom) = (rect.0 + rect.2 - inset, rect.1 + rect.3 - inset);
    if right <= left || bottom <= top {
        return false;
    }
    let (dx, dy) = (q.x - p.x, q.y - p.y);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (edge_p, edge_q) in [
        (-dx, p.x - left),
        (dx, right - p.x),
        (-dy, p.y - top),
        (dy, bottom - p.y),
    ] {
        if edge_p.abs() < EPS {
            if edge_q <= 0.0 {
                return false;
            }
        } else {
            let r = edge_q / edge_p;
            if edge_p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    t1 - t0 > EPS
}

/// Every (line, box) pair where a segment of the line passes through the inside of a box
/// (1 px in from its border, so lines may touch the box they start or end at).
pub fn lines_through_boxes(layout: &Layout) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (e, line) in layout.edges.iter().enumerate() {
        for (v, node) in layout.nodes.iter().enumerate() {
            let rect = (node.x, node.y, node.width, node.height);
            if line
                .windows(2)
                .any(|pair| segment_enters_box(pair[0], pair[1], rect, 1.0))
            {
                found.push((e, v));
            }
        }
    }
    found
}

/// Pairs of lines that run on top of each other for more than `min_length` although they do
/// not share a bus: `group[i]` names the bus tree of line `i` (lines into one target with one
/// meaning share a group and may overlap).
pub fn overlapping_lines(
    lines: &[Vec<Point>],
    group: &[usize],
    min_length: f64,
) -> Vec<(usize, usize)> {
    let mut pieces: Vec<(bool, f64, f64, f64, usize)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        for pair in line.windows(2) {
            let s = Segment::new(pair[0], pair[1]);
            if s.is_horizontal() && !s.is_vertical() {
                pieces.push((true, s.a.y, s.a.x, s.b.x, i));
            } else if s.is_vertical() && !s.is_horizontal() {
                pieces.push((false, s.a.x, s.a.y, s.b.y, i));
            }
        }
    }
    let mut found = Vec::new();
    for (k, p) in pieces.iter().enumerate() {
        for q in &pieces[k + 1..] {
            let same_group = group.get(p.4).is_some() && group.get(p.4) == group.get(q.4);
            if p.4 == q.4 || same_group || p.0 != q.0 || (p.1 - q.1).abs() > 0.5 {
                continue;
            }
            let overlap = p.3.min(q.3) - p.2.max(q.2);
            if overlap > min_length {
                let pair = (p.4.min(q.4), p.4.max(q.4));
                if !found.contains(&pair) {
                    found.push(pair);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    #[test]
    fn a_plus_is_a_crossing_a_tee_and_a_dot_are_not() {
        let plus = vec![
            vec![p(0.0, 5.0), p(10.0, 5.0)],
            vec![p(5.0, 0.0), p(5.0, 10.0)],
        ];
        assert_eq!(crossings(&plus, &[]), 1);
        assert_eq!(crossings(&plus, &[p(5.0, 5.0)]), 0);
        let tee = vec![
            vec![p(0.0, 5.0), p(5.0, 5.0)],
            vec![p(5.0, 0.0), p(5.0, 10.0)],
        ];
        assert_eq!(crossings(&tee, &[]), 0);
        let diagonal = vec![
            vec![p(0.0, 0.0), p(10.0, 10.0)],
            vec![p(0.0, 10.0), p(10.0, 0.0)],
        ];
        assert_eq!(crossings(&diagonal, &[]), 1);
    }

    #[test]
    fn a_shared_stretch_crossed_once_counts_once() {
        let lines = vec![
            vec![p(0.0, 0.0), p(5.0, 0.0), p(5.0, 10.0)],
            vec![p(0.0, 2.0), p(5.0, 2.0), p(5.0, 10.0)],
            vec![p(0.0, 6.0), p(10.0, 6.0)],
        ];
        assert_eq!(crossings(&lines, &[]), 1);
    }

    #[test]
    fn a_line_through_a_box_is_found_and_one_along_its_border_is_not() {
        let rect = (10.0, 10.0, 20.0, 20.0);
        assert!(segment_enters_box(p(0.0, 20.0), p(40.0, 20.0), rect, 1.0));
        assert!(!segment_enters_box(p(0.0, 10.0), p(40.0, 10.0), rect, 1.0));
        assert!(!segment_enters_box(p(0.0, 20.0), p(10.0, 20.0), rect, 1.0));
        assert!(segment_enters_box(p(0.0, 0.0), p(40.0, 40.0), rect, 1.0));
    }
}
