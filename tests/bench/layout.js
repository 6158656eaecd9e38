// Browser benchmark: the map's layout (stackway-core, in wasm) and dagre on the same generated
// 2,000-node pathway graph, in the same page: median time of several runs and edge crossings of
// each drawing, counted the same way (segment intersections between different edges).
import init, { layoutGraph, loadLater } from '/pkg/stackway.js';
import { crossings } from './crossings.mjs';

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
