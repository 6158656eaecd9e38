// First render under Lighthouse's mobile profile, in headless Chromium: how long a learner on a
// phone waits for the widget of `www/embed.html` to show its first program card.
//
// Conditions (the profile's numbers, applied through the DevTools protocol to every load):
//   - network: 150 ms round trip added to every request, 1.6 Mbit/s down (1638.4 kbit/s), 750
//     kbit/s up (Network.emulateNetworkConditions, shared by all of a page's requests);
//   - CPU: 4× slowdown of the page's main thread (Emulation.setCPUThrottlingRate);
//   - cold: a new browser context for every load (empty HTTP cache, no open connection) and
//     the cache disabled (Network.setCacheDisabled);
//   - a phone's screen: 412 × 823 CSS px at device pixel ratio 1.75, touch.
// The files come from `stackway serve` on localhost with its precompressed brotli siblings, as a
// production host would send them.
//
// "First render" is the mark this benchmark defines: from navigation start (the HTML request)
// to the first frame that shows a program card (the first `.sw-card` inside the widget's shadow
// root), i.e. the first rAF in which the card is in the document, plus the task after it (which
// runs once that frame is painted). Set `--until SELECTOR` to wait for something else (for
// example `.sw-tabs`, for a feed without programs).
//
// Builds A/B: the build in the worktree (`pkg/`, `www/`) is "current"; `--baseline DIR` names a
// copy of an earlier build (made by `--save-baseline DIR` from that build's worktree), served
// by the same server. Loads alternate baseline/current so the machine's load weighs on both;
// the report gives each side's median and the ratio current/baseline.
//
//   cargo xtask build && cargo build -p stackway-cli
//   node tests/bench/mobile-first-render.mjs --save-baseline target/bench-baseline   # once, on the old build
//   node tests/bench/mobile-first-render.mjs --baseline target/bench-baseline --pairs 9
//   node tests/bench/mobile-first-render.mjs --feed crates/stackway-interop/tests/data/ctdl/registry-badge-pathway.json
//
// Options:
//   --feed URL          the feed (default www/feeds/sample.json): a path on the server (any file
//                       under the repository; the page's CSP only lets it fetch its own origin)
//   --page PATH         the page (default www/embed.html), given ?feed= (and ?view=, ?lang=);
//                       tests/bench/element.html is the custom element as an LMS page embeds it
//   --view NAME, --lang CODE   passed to the page
//   --until SELECTOR    what counts as rendered (default .sw-card)
//   --pairs N           loads per build (default 9); without --baseline, N loads of the current
//   --baseline DIR      a saved build to compare with (a directory under the repository)
//   --baseline-page PATH  compare with another page instead (of the same build unless --baseline)
//   --save-baseline DIR copy this worktree's pkg/ and www/ into DIR and exit
//   --waterfall         print each request of the median load (start → end, ms)
//   --no-throttle       no network/CPU emulation (to see the work alone)
// Results: stdout and tests/artifacts/bench/mobile-first-render.json.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config.mjs';
import { startServer } from '../webdriver/helpers.mjs';

/** Lighthouse's mobile profile (its "simulated" numbers, applied here as DevTools throttling). */
export const MOBILE = {
  latencyMs: 150,
  downloadKbps: 1638.4,
  uploadKbps: 750,
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
};

const { values: options } = parseArgs({
  options: {
    feed: { type: 'string', default: 'www/feeds/sample.json' },
    page: { type: 'string', default: 'www/embed.html' },
    view: { type: 'string' },
    lang: { type: 'string' },
    until: { type: 'string', default: '.sw-card' },
    pairs: { type: 'string', default: '9' },
    baseline: { type: 'string' },
    'baseline-page': { type: 'string' },
    'save-baseline': { type: 'string' },
    waterfall: { type: 'boolean', default: false },
    'no-throttle': { type: 'boolean', default: false },
  },
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round1 = (x) => Math.round(x * 10) / 10;
/** A path of the repository as an absolute path on the server. */
const onServer = (path) => (/^https?:/.test(path) ? path : `/${path.replace(/^\.?\/+/, '')}`);

if (options['save-baseline']) {
  const dir = options['save-baseline'].replace(/\/+$/, '');
  rmSync(dir, { recursive: true, force: true });
  for (const part of ['pkg', 'www', 'tests/bench/element.html', 'tests/bench/element.js']) {
    cpSync(part, `${dir}/${part}`, { recursive: true, preserveTimestamps: true });
  }
  console.log(`saved this build's pkg/, www/ and the element page in ${dir}/`);
  process.exit(0);
}

/** Records, in the page, when the first frame showing `selector` inside the widget was painted. */
function installProbe(selector) {
  const found = () => {
    for (const host of document.querySelectorAll('stackway-pathways, #stackway')) {
      const root = host.shadowRoot || host;
      if (root.querySelector(selector)) return true;
    }
    return false;
  };
  const poll = () => {
    if (!found()) {
      requestAnimationFrame(poll);
      return;
    }
    // This frame shows the element; the task after the rAF runs once it is painted.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      window.__firstRender = performance.now();
    };
    channel.port2.postMessage(0);
  };
  requestAnimationFrame(poll);
}

/** One cold load of `url` under the profile; resolves to its timings. */
async function load(browser, url) {
  const context = await browser.newContext({
    viewport: MOBILE.viewport,
    deviceScaleFactor: MOBILE.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.addInitScript(installProbe, options.until);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (!options['no-throttle']) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: MOBILE.latencyMs,
        downloadThroughput: (MOBILE.downloadKbps * 1024) / 8,
        uploadThroughput: (MOBILE.uploadKbps * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpuSlowdown });
    }
    // Transferred bytes per request, as the network saw them (after compression).
    const transferred = new Map();
    cdp.on('Network.loadingFinished', (event) => transferred.set(event.requestId, event.encodedDataLength));
    const urls = new Map();
    cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__firstRender, null, { timeout: 120_000, polling: 100 });
    const timings = await page.evaluate(() => ({
      firstRender: window.__firstRender,
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
      resources: [
        ...performance.getEntriesByType('navigation').map((e) => ({ name: e.name, start: 0, end: e.responseEnd })),
        ...performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd })),
      ],
    }));
    let bytes = 0;
    const byUrl = {};
    for (const [id, size] of transferred) {
      bytes += size;
      if (urls.has(id)) byUrl[urls.get(id)] = size;
    }
    if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    return { ...timings, bytes, byUrl };
  } finally {
    await context.close();
  }
}

function pageUrl(base, root, page = options.page) {
  const params = new URLSearchParams({ feed: onServer(options.feed) });
  if (options.view) params.set('view', options.view);
  if (options.lang) params.set('lang', options.lang);
  return `${base}${root}/${page}?${params}`;
}

function summary(runs) {
  const renders = runs.map((r) => r.firstRender);
  const mark = (name) => runs.map((r) => r.marks[name]).filter((x) => x !== undefined);
  const ready = mark('stackway:wasm-ready');
  const loadStart = mark('stackway:load-start');
  return {
    loads: runs.length,
    medianFirstRenderMs: round1(median(renders)),
    minMs: round1(Math.min(...renders)),
    maxMs: round1(Math.max(...renders)),
    medianLoadStartMs: loadStart.length ? round1(median(loadStart)) : null,
    medianWasmReadyMs: ready.length ? round1(median(ready)) : null,
    medianTransferredKiB: round1(median(runs.map((r) => r.bytes)) / 1024),
    samplesMs: renders.map(Math.round),
  };
}

function waterfall(label, runs) {
  const sorted = [...runs].sort((a, b) => a.firstRender - b.firstRender);
  const run = sorted[Math.floor(sorted.length / 2)];
  console.log(`\n${label}: the median load (first render ${Math.round(run.firstRender)} ms)`);
  const rows = run.resources.map((r) => ({ ...r, kind: 'request' }))
    .concat(Object.entries(run.marks).map(([name, at]) => ({ name, start: at, end: at, kind: 'mark' })))
    .sort((a, b) => a.start - b.start);
  for (const row of rows) {
    const name = row.kind === 'mark' ? `mark ${row.name}` : new URL(row.name).pathname + new URL(row.name).search;
    const size = run.byUrl[row.name] !== undefined ? `${(run.byUrl[row.name] / 1024).toFixed(1)} KiB` : '';
    console.log(`  ${String(Math.round(row.start)).padStart(5)} → ${String(Math.round(row.end)).padStart(5)} ms  ${size.padStart(10)}  ${name}`);
  }
}

const server = await startServer();
let browser;
try {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const pairs = Number(options.pairs);
  const builds = [];
  const compared = options.baseline || options['baseline-page'];
  if (compared) {
    const root = options.baseline ? onServer(options.baseline).replace(/\/+$/, '') : '';
    builds.push({ name: 'baseline', root, page: options['baseline-page'] || options.page, runs: [] });
  }
  builds.push({ name: 'current', root: '', page: options.page, runs: [] });
  const loadBefore = loadavg();
  // One load of each build first, not counted: the server's file cache and Chromium's own
  // start-up are then warm for both.
  for (const build of builds) await load(browser, pageUrl(server.base, build.root, build.page));
  for (let i = 0; i < pairs; i++) {
    // Alternate which build goes first, so that neither always follows the other.
    const order = i % 2 === 0 ? builds : [...builds].reverse();
    for (const build of order) build.runs.push(await load(browser, pageUrl(server.base, build.root, build.page)));
  }
  const loadAfter = loadavg();
  const results = {
    command: `node tests/bench/mobile-first-render.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    profile: options['no-throttle'] ? 'none' : MOBILE,
    page: options.page,
    baselinePage: options['baseline-page'],
    feed: options.feed,
    until: options.until,
    loadAverage: { before: loadBefore.map(round1), after: loadAfter.map(round1) },
    builds: Object.fromEntries(builds.map((b) => [b.name, summary(b.runs)])),
  };
  if (compared) {
    results.ratio = Number((results.builds.current.medianFirstRenderMs / results.builds.baseline.medianFirstRenderMs).toFixed(3));
  }
  mkdirSync('tests/artifacts/bench', { recursive: true });
  writeFileSync('tests/artifacts/bench/mobile-first-render.json', JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results, null, 2));
  if (options.waterfall) for (const build of builds) waterfall(build.name, build.runs);
} finally {
  await browser?.close();
  await server.stop();
}
