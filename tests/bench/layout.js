// Browser benchmark: the map's layout (stackway-core, in wasm) and dagre on the same generated
// 2,000-node pathway graph, in the same page: median time of several runs and edge crossings of
// each drawing, counted the same way (segment intersections between different edges).
import init, { layoutGraph, loadLater } from '/pkg/stackway.js';

/** Seeded generator (mulberry32) so that every run lays out the same graph. */
function random(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `rows` rows of `perRow` credentials; each above the first counts toward from 2–4 below. */
export function pathwayGraph(rows, perRow, seed = 42) {
  const next = random(seed);
  const below = (n) => Math.floor(next() * n);
  const n = rows * perRow;
  const permutation = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = below(i + 1);
    [permutation[i], permutation[j]] = [permutation[j], permutation[i]];
  }
  const edges = [];
  for (let row = 1; row < rows; row++) {
    for (let k = 0; k < perRow; k++) {
      const to = row * perRow + k;
      const count = 2 + below(3);
      for (let e = 0; e < count; e++) {
        const fromRow = below(4) === 0 ? below(row) : row - 1;
        edges.push([permutation[fromRow * perRow + below(perRow)], permutation[to]]);
      }
    }
  }
  return { n, edges };
}

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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function runStackway({ n, edges }) {
  const flat = new Uint32Array(edges.flat());
  const start = performance.now();
  // A promise (the layout is in the second module, fetched first if need be); it resolves in
  // the same task once `loadLater()` has run.
  const out = await layoutGraph(n, flat);
  const ms = performance.now() - start;
  let i = 1;
  const junctions = [];
  const junctionCount = out[i++];
  for (let k = 0; k < junctionCount; k++) { junctions.push({ x: out[i], y: out[i + 1] }); i += 2; }
  const polylines = [];
  for (let e = 0; e < edges.length; e++) {
    const count = out[i++];
    const points = [];
    for (let k = 0; k < count; k++) { points.push({ x: out[i], y: out[i + 1] }); i += 2; }
    polylines.push(points);
  }
  return { ms, polylines, junctions, ownCount: out[0] };
}

function runDagre({ n, edges }, ranker) {
  const g = new window.dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 16, ranksep: 48, edgesep: 8, ranker });
  g.setDefaultEdgeLabel(() => ({}));
  for (let v = 0; v < n; v++) g.setNode(String(v), { width: 160, height: 56 });
  edges.forEach(([from, to], e) => g.setEdge(String(from), String(to), {}, `e${e}`));
  const start = performance.now();
  window.dagre.layout(g);
  const ms = performance.now() - start;
  const polylines = edges.map(([from, to], e) => g.edge({ v: String(from), w: String(to), name: `e${e}` }).points);
  return { ms, polylines };
}

async function main() {
  await init();
  // The layout lives in the widget's second module (fetched on demand).
  await loadLater();
  const params = new URLSearchParams(location.search);
  const graph = pathwayGraph(5, Number(params.get('perRow') || 400));
  const runs = Number(params.get('runs') || 5);
  const withDagre = params.get('dagre') !== 'off';
  // dagre's default ranker (network simplex) does not finish 2,000 nodes of this graph within
  // 15 minutes here; `longest-path` gives these layered graphs the same ranks much faster.
  const ranker = params.get('ranker') || 'network-simplex';
  // dagre takes minutes at 2,000 nodes, so it may run fewer times than the wasm layout.
  const dagreRuns = Number(params.get('dagreRuns') || runs);
  const ours = []; const theirs = [];
  let lastOurs; let lastTheirs;
  for (let r = 0; r < runs; r++) {
    lastOurs = await runStackway(graph); ours.push(lastOurs.ms);
    if (withDagre && r < dagreRuns) { lastTheirs = runDagre(graph, ranker); theirs.push(lastTheirs.ms); }
  }
  const results = {
    nodes: graph.n,
    edges: graph.edges.length,
    runs,
    stackway: { medianMs: median(ours), crossings: crossings(lastOurs.polylines, lastOurs.junctions), ownCount: lastOurs.ownCount },
    dagre: withDagre ? { ranker, runs: theirs.length, medianMs: median(theirs), crossings: crossings(lastTheirs.polylines) } : 'off',
  };
  window.results = results;
  document.getElementById('out').textContent = JSON.stringify(results, null, 2);
}

main().catch((error) => {
  window.results = { error: String(error) };
  document.getElementById('out').textContent = String(error);
});
