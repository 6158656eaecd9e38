// First render of the sample feed in each browser engine under the same conditions: the same
// page (tests/webdriver/widget.html, whose probe records when the widget's tabs appear), the same
// server on localhost with the precompressed files, a new browser session (cold cache) for every
// load, and the engines alternated round by round so that the machine's load weighs on all.
// Chromium is the baseline of the ratios.
//
// Run: cargo xtask build && cargo build -p stackway-cli && node tests/bench/engines-first-render.mjs
// (ROUNDS, default 3, and LOADS per round and engine, default 5; ENGINES, default all three).
import { mkdirSync, writeFileSync } from 'node:fs';
import { ENGINES, openBrowser } from '../webdriver/engines.mjs';
import { startServer, until, widgetUrl } from '../webdriver/helpers.mjs';

const ROUNDS = Number(process.env.ROUNDS || 3);
const LOADS = Number(process.env.LOADS || 5);
const chosen = (process.env.ENGINES || 'chromium,firefox,webkit').split(',');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One cold load: a new session, the page, and the probe's and the loader's timings. */
async function load(engine, url) {
  const { driver, close } = await openBrowser(engine);
  try {
    await driver.get(url);
    await until(driver, () => driver.executeScript('return window.__stackwayRendered'), 'the first render', 60_000);
    return await driver.executeScript(`
      const loader = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/www/stackway.js'));
      const ready = performance.getEntriesByName('stackway:wasm-ready')[0];
      return { rendered: window.__stackwayRendered, loader: loader ? loader.startTime : 0, ready: ready ? ready.startTime : 0 };`);
  } finally {
    await close();
  }
}

const server = await startServer();
try {
  const url = widgetUrl(server.base, { feed: 'www/feeds/sample.json' });
  const samples = Object.fromEntries(chosen.map((key) => [key, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const key of chosen) {
      for (let i = 0; i < LOADS; i++) samples[key].push(await load(ENGINES[key], url));
    }
  }
  const results = {};
  for (const key of chosen) {
    const runs = samples[key];
    results[key] = {
      engine: ENGINES[key].name,
      loads: runs.length,
      medianFromLoaderScriptMs: median(runs.map((r) => r.rendered - r.loader)),
      medianLoaderScriptToWasmReadyMs: median(runs.map((r) => r.ready - r.loader)),
      medianFromNavigationMs: median(runs.map((r) => r.rendered)),
    };
  }
  const baseline = results.chromium?.medianFromLoaderScriptMs;
  for (const result of Object.values(results)) {
    if (baseline) result.ratioToChromium = Number((result.medianFromLoaderScriptMs / baseline).toFixed(2));
  }
  mkdirSync('tests/artifacts/widget', { recursive: true });
  writeFileSync('tests/artifacts/widget/engines-first-render.json', JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results, null, 2));
} finally {
  await server.stop();
}
