// Browser benchmarks of the widget in headless Chromium (run: `node tests/bench/widget-bench.mjs`
// after `cargo xtask build` and `cargo build -p stackway-cli`):
//   1. first render: from navigation start, and from the loader script's start, to the widget's
//      tabs on screen, for the bundled sample feed and the small test feed (median of 9 loads
//      each), split at the loader's `stackway:wasm-ready` mark;
//   2. Explore keystroke: with a generated 10,000-credential feed, time from each keystroke's
//      input event to the re-rendered, laid-out results (median and p95 of 123 keystrokes);
//   3. map layout of 2,000 nodes in wasm vs dagre (tests/bench/layout.html);
//   4. Programs view: time from a click on a card's "Make it my goal" (a plan change: every
//      program's bar, the full report and cheapest route of each shown card, the goal's route)
//      to the re-rendered, laid-out cards, on the sample feed and on a generated feed of 9,000
//      micro-credentials and 1,000 certificates; and each "show more" click (the next 25 cards'
//      reports and routes). ONLY_PROGRAMS=1 runs this part alone.
// Results go to stdout and tests/artifacts/widget/bench.json.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config.mjs';

const PORT = 8791;
const BASE = `http://127.0.0.1:${PORT}`;
const server = spawn(process.env.STACKWAY_BIN || 'target/debug/stackway', ['serve', '--dir', '.', '--listen', `127.0.0.1:${PORT}`], { stdio: 'ignore' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

function bigFeed(count) {
  const words = ['data', 'health', 'project', 'design', 'cloud', 'safety', 'finance', 'care', 'energy', 'water'];
  const credentials = [];
  for (let i = 0; i < count; i++) {
    const w = words[i % words.length];
    credentials.push({
      id: `m${i}`, kind: 'micro-credential',
      title: { en: `${w} skills ${i}`, fr: `Compétences ${w} ${i}` },
      summary: { en: `Practical ${w} course number ${i}.`, fr: `Cours pratique ${w} numéro ${i}.` },
      hours: 10 + (i % 40), weeks: 1 + (i % 12), credits: 1, cost: { amount: 100 + (i % 900), currency: 'CAD' },
      tags: [w], delivery: [['online', 'in-person', 'hybrid'][i % 3]],
    });
  }
  for (let c = 0; c < 50; c++) {
    credentials.push({ id: `cert${c}`, kind: 'certificate', title: `Certificate ${c}`, requires: { choose: 3, from: [`m${c * 7}`, `m${c * 7 + 1}`, `m${c * 7 + 2}`, `m${c * 7 + 3}`] } });
  }
  return { stackway: 1, id: 'big', languages: ['en', 'fr'], provider: { id: 'p', name: 'Big College' }, credentials };
}

/** 9,000 micro-credentials and 1,000 certificates, each all of (choose 2 of 5, 4 credits from 4,
 *  any of 3) drawn at random (the shape of stackway-core's `bench_support::big_feed`). */
function programsFeed() {
  let seed = 0x5eed;
  const below = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const credentials = [];
  for (let i = 0; i < 9000; i++) {
    credentials.push({
      id: `m${i}`, kind: 'micro-credential', title: `Module ${i}`,
      hours: 10 + below(40), weeks: 2 + below(8), credits: 1 + below(3),
      cost: { amount: 100 + below(10) * 50, currency: 'CAD' },
    });
  }
  const pick = (n) => Array.from({ length: n }, () => `m${below(9000)}`);
  for (let c = 0; c < 1000; c++) {
    credentials.push({
      id: `s${c}`, kind: 'certificate', title: `Certificate ${c}`,
      requires: { all: [{ choose: 2, from: pick(5) }, { credits: 4, from: pick(4) }, { any: pick(3) }] },
    });
  }
  return { stackway: 1, id: 'programs', languages: ['en'], provider: { id: 'p', name: 'Programs College' }, credentials };
}

/** Plan changes and "show more" on the Programs view of `feed` (a URL, or a generated body). */
async function programsView(browser, name, feedUrl, body) {
  const page = await browser.newPage();
  if (body) await page.route(`**/${feedUrl}`, (route) => route.fulfill({ contentType: 'application/json', body }));
  await page.goto(`${BASE}/index.html?feed=${feedUrl}&view=programs`);
  await page.locator('stackway-pathways .sw-programs .sw-card').first().waitFor({ timeout: 120_000 });
  const result = await page.evaluate(async () => {
    const root = document.querySelector('stackway-pathways').shadowRoot;
    const afterTasks = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
    const timeClick = async (button) => {
      const start = performance.now();
      button.click();
      await afterTasks();
      void root.querySelector('.sw-programs').offsetHeight; // include style and layout
      return performance.now() - start;
    };
    const goals = [];
    // Make each of the first cards the goal in turn (the previous goal's card gets its button back).
    for (let round = 0; round < 21; round++) {
      const buttons = [...root.querySelectorAll('.sw-programs .sw-card .sw-primary')];
      goals.push(await timeClick(buttons[round % Math.min(buttons.length, 5)]));
      await new Promise((r) => setTimeout(r, 20));
    }
    const more = [];
    for (let i = 0; i < 9; i++) {
      const button = root.querySelector('.sw-programs-more');
      if (!button) break;
      more.push(await timeClick(button));
      await new Promise((r) => setTimeout(r, 20));
    }
    return { cards: root.querySelectorAll('.sw-programs .sw-card').length, routes: root.querySelectorAll('.sw-programs .sw-route-summary').length, goals, more };
  });
  await page.close();
  return {
    feed: name, cardsAtEnd: result.cards, routesShownAtEnd: result.routes,
    planChanges: result.goals.length, planChangeMedianMs: median(result.goals), planChangeMaxMs: Math.max(...result.goals),
    showMoreClicks: result.more.length, showMoreMedianMs: result.more.length ? median(result.more) : null,
    samples: process.env.SAMPLES ? { goals: result.goals.map(Math.round), more: result.more.map(Math.round) } : undefined,
  };
}

async function programs(browser) {
  return [
    await programsView(browser, 'sample (9 programs)', 'www/feeds/sample.json'),
    await programsView(browser, 'generated (1,000 programs, 10,000 credentials)', 'programs-feed.json', JSON.stringify(programsFeed())),
  ];
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${BASE}/index.html`)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function firstRender(browser, feed) {
  const fromNavigation = []; const fromScript = []; const wasmReady = []; const afterWasm = [];
  for (let i = 0; i < 9; i++) {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const poll = () => {
        const tabs = document.querySelector('stackway-pathways')?.shadowRoot?.querySelector('.sw-tabs');
        if (tabs) window.__rendered = performance.now(); else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    await page.goto(`${BASE}/index.html?feed=${feed}`);
    await page.waitForFunction(() => window.__rendered);
    const [rendered, scriptStart, ready] = await page.evaluate(() => [
      window.__rendered,
      performance.getEntriesByType('resource').find((e) => e.name.endsWith('/www/stackway.js'))?.startTime ?? 0,
      performance.getEntriesByName('stackway:wasm-ready')[0]?.startTime ?? 0,
    ]);
    fromNavigation.push(rendered); fromScript.push(rendered - scriptStart);
    wasmReady.push(ready - scriptStart); afterWasm.push(rendered - ready);
    await page.close();
  }
  return {
    feed,
    loads: fromNavigation.length,
    medianFromNavigationMs: median(fromNavigation),
    medianFromLoaderScriptMs: median(fromScript),
    medianLoaderScriptToWasmReadyMs: median(wasmReady),
    medianWasmReadyToRenderMs: median(afterWasm),
  };
}

async function keystrokes(browser) {
  const page = await browser.newPage();
  const feed = JSON.stringify(bigFeed(10_000));
  await page.route('**/big-feed.json', (route) => route.fulfill({ contentType: 'application/json', body: feed }));
  const loadStart = Date.now();
  await page.goto(`${BASE}/index.html?feed=big-feed.json&view=explore`);
  await page.locator('stackway-pathways input[type=search]').waitFor({ timeout: 60_000 });
  const loadMs = Date.now() - loadStart;
  const samples = await page.evaluate(async () => {
    const root = document.querySelector('stackway-pathways').shadowRoot;
    const input = root.querySelector('input[type=search]');
    const afterTasks = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
    const out = [];
    const text = 'data skills 12 cloud safety 3 finance';
    const queries = [...text].map((_, i) => text.slice(0, i + 1)).concat(['', 'health', 'he', '']);
    // Three rounds of the same typing, so that the 95th percentile rests on 123 keystrokes.
    for (const query of [...queries, ...queries, ...queries]) {
      const start = performance.now();
      input.value = query;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await afterTasks();
      void root.querySelector('.sw-results').offsetHeight; // include style and layout
      out.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 20));
    }
    return out;
  });
  await page.close();
  return { samples: process.env.SAMPLES ? samples.map(Math.round) : undefined, feedCredentials: 10_050, loadToExploreMs: loadMs, keystrokes: samples.length, medianMs: median(samples), p95Ms: percentile(samples, 95), maxMs: Math.max(...samples) };
}

async function layoutPage(browser, query) {
  const page = await browser.newPage();
  await page.goto(`${BASE}/tests/bench/layout.html?${query}`);
  await page.waitForFunction(() => window.results, null, { timeout: 900_000 });
  const results = await page.evaluate(() => window.results);
  await page.close();
  return results;
}

/** The same 2,000-node graph laid out by the map (wasm, 5 runs) and by dagre in the same page.
 *  dagre's default ranker (network simplex) does not finish 2,000 nodes of this graph within 15
 *  minutes here, so at 2,000 nodes dagre ranks with `longest-path` (same ranks for these layered
 *  graphs) and runs once (network simplex did not finish 500 nodes within 15 minutes either). */
async function layout(browser) {
  return {
    sideBySide2000: await layoutPage(browser, 'perRow=400&runs=5&dagreRuns=1&ranker=longest-path'),
    sideBySide500: await layoutPage(browser, `perRow=100&runs=${process.env.LAYOUT_RUNS || 3}&ranker=longest-path`),
  };
}

try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const only = process.env.ONLY_PROGRAMS;
  const results = only ? { programs: await programs(browser) } : {
    firstRender: process.env.ONLY_LAYOUT ? 'skipped' : [
      await firstRender(browser, 'www/feeds/sample.json'),
      await firstRender(browser, 'tests/fixtures/widget-feed.json'),
    ],
    explore: process.env.ONLY_LAYOUT ? 'skipped' : await keystrokes(browser),
    layout: process.env.SKIP_LAYOUT ? 'skipped' : await layout(browser),
    programs: process.env.ONLY_LAYOUT ? 'skipped' : await programs(browser),
  };
  await browser.close();
  mkdirSync('tests/artifacts/widget', { recursive: true });
  writeFileSync('tests/artifacts/widget/bench.json', JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results, null, 2));
} finally {
  server.kill();
}
