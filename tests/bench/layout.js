// Browser benchmark: the map's layout (stackway-core, in wasm) and dagre on the same generated
// 2,000-node pathway graph, in the same page: median time of several runs and edge crossings of
// each drawing, counted the same way (segment intersections between different edges).
import init, { layoutGraph } from '/pkg/stackway.js';

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

/** Crossings between polylines of different edges that share no endpoint node. */
function crossings(polylines, edges) {
  const segments = [];
  polylines.forEach((points, e) => {
    for (let i = 1; i < points.length; i++) segments.push([e, points[i - 1], points[i]]);
  });
  segments.sort((a, b) => Math.min(a[1].x, a[2].x) - Math.min(b[1].x, b[2].x));
  const orient = (p, q, r) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    const [ea, a1, a2] = segments[i];
    const maxX = Math.max(a1.x, a2.x);
    for (let j = i + 1; j < segments.length; j++) {
      const [eb, b1, b2] = segments[j];
      if (Math.min(b1.x, b2.x) > maxX) break;
      if (ea === eb) continue;
      const [fa, ta] = edges[ea];
      const [fb, tb] = edges[eb];
      if (fa === fb || fa === tb || ta === fb || ta === tb) continue;
      if (Math.max(a1.y, a2.y) < Math.min(b1.y, b2.y) || Math.max(b1.y, b2.y) < Math.min(a1.y, a2.y)) continue;
      const d1 = orient(a1, a2, b1); const d2 = orient(a1, a2, b2);
      const d3 = orient(b1, b2, a1); const d4 = orient(b1, b2, a2);
      if (d1 * d2 < 0 && d3 * d4 < 0) count++;
    }
  }
  return count;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function runStackway({ n, edges }) {
  const flat = new Uint32Array(edges.flat());
  const start = performance.now();
  const out = layoutGraph(n, flat);
  const ms = performance.now() - start;
  const polylines = [];
  let i = 2;
  for (let e = 0; e < edges.length; e++) {
    const count = out[i++];
    const points = [];
    for (let k = 0; k < count; k++) { points.push({ x: out[i], y: out[i + 1] }); i += 2; }
    polylines.push(points);
  }
  return { ms, polylines, ownCount: out[0], inputOrder: out[1] };
}

function runDagre({ n, edges }) {
  const g = new window.dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 16, ranksep: 48, edgesep: 8 });
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
  const graph = pathwayGraph(5, 400);
  const runs = Number(new URLSearchParams(location.search).get('runs') || 5);
  const ours = []; const theirs = [];
  let lastOurs; let lastTheirs;
  for (let r = 0; r < runs; r++) {
    lastOurs = runStackway(graph); ours.push(lastOurs.ms);
    lastTheirs = runDagre(graph); theirs.push(lastTheirs.ms);
  }
  const results = {
    nodes: graph.n,
    edges: graph.edges.length,
    runs,
    stackway: { medianMs: median(ours), crossings: crossings(lastOurs.polylines, graph.edges), adjacentRowCrossings: lastOurs.ownCount, inputOrderCrossings: lastOurs.inputOrder },
    dagre: { medianMs: median(theirs), crossings: crossings(lastTheirs.polylines, graph.edges) },
  };
  window.results = results;
  document.getElementById('out').textContent = JSON.stringify(results, null, 2);
}

main().catch((error) => {
  window.results = { error: String(error) };
  document.getElementById('out').textContent = String(error);
});
