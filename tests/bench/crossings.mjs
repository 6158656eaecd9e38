// How many times the lines of a drawing cross, counted the same way for every layout and as
// stackway-core's `layout::check::crossings` counts them. Shared by the layout benchmark page
// (tests/bench/layout.js, in the browser) and the map benchmark (tests/bench/map-bench.mjs, in
// Node), so drawings made by different layouts and builds compare.

/** Places where two drawn lines cross, counted the same way for every layout (and as
 *  stackway-core's `layout::check::crossings` counts them): collinear pieces of horizontal and
 *  vertical lines are merged first (a stretch several lines share is drawn once), then every
 *  pair of segments meeting at a point inside both counts once, unless that point is a junction
 *  dot (a join, not a crossing). Lines meeting at their ends (leaving one box) do not cross. */
export function crossings(polylines, junctions = []) {
  const EPS = 1e-6;
  const horizontal = new Map(); const vertical = new Map(); const other = [];
  const key = (v) => Math.round(v / EPS);
  for (const points of polylines) {
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]; const b = points[i];
      if (Math.abs(a.y - b.y) < EPS && Math.abs(a.x - b.x) < EPS) continue;
      if (Math.abs(a.y - b.y) < EPS) {
        const k = key(a.y); if (!horizontal.has(k)) horizontal.set(k, []);
        horizontal.get(k).push([Math.min(a.x, b.x), Math.max(a.x, b.x), a.y]);
      } else if (Math.abs(a.x - b.x) < EPS) {
        const k = key(a.x); if (!vertical.has(k)) vertical.set(k, []);
        vertical.get(k).push([Math.min(a.y, b.y), Math.max(a.y, b.y), a.x]);
      } else {
        other.push([a, b]);
      }
    }
  }
  const merge = (groups, toSegment) => {
    const out = [];
    for (const list of groups.values()) {
      list.sort((p, q) => p[0] - q[0]);
      let cur = null;
      for (const piece of list) {
        if (cur && piece[0] <= cur[1] + EPS) cur[1] = Math.max(cur[1], piece[1]);
        else { if (cur) out.push(toSegment(cur)); cur = [...piece]; }
      }
      if (cur) out.push(toSegment(cur));
    }
    return out;
  };
  const segments = [
    ...other,
    ...merge(horizontal, ([x0, x1, y]) => [{ x: x0, y }, { x: x1, y }]),
    ...merge(vertical, ([y0, y1, x]) => [{ x, y: y0 }, { x, y: y1 }]),
  ];
  const cross = (o, p, q) => (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
  const atJunction = (p) => junctions.some((j) => Math.abs(j.x - p.x) < 1e-3 && Math.abs(j.y - p.y) < 1e-3);
  const boxes = segments.map(([a, b]) => [Math.min(a.x, b.x), Math.max(a.x, b.x), Math.min(a.y, b.y), Math.max(a.y, b.y)]);
  let total = 0;
  for (let i = 0; i < segments.length; i++) {
    const [a, b] = segments[i]; const bi = boxes[i];
    for (let j = i + 1; j < segments.length; j++) {
      const bj = boxes[j];
      if (bj[0] > bi[1] || bj[1] < bi[0] || bj[2] > bi[3] || bj[3] < bi[2]) continue;
      const [c, d] = segments[j];
      const d1 = cross(a, b, c); const d2 = cross(a, b, d);
      const d3 = cross(c, d, a); const d4 = cross(c, d, b);
      const scale = 1e-9 * (1 + Math.abs(a.x) + Math.abs(b.x) + Math.abs(a.y) + Math.abs(b.y)) ** 2;
      const opposite = (u, v) => (u > scale && v < -scale) || (u < -scale && v > scale);
      if (opposite(d1, d2) && opposite(d3, d4)) {
        const t = d3 / (d3 - d4);
        if (!atJunction({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t })) total++;
      }
    }
  }
  return total;
}
