// Browser benchmarks of the widget in headless Chromium (run: `node tests/bench/widget-bench.mjs`
// after `cargo xtask build` and `cargo build -p stackway-cli`):
//   1. first render: from navigation start, and from the loader script's start, to the widget's
//      tabs on screen, for the bundled sample feed and the small test feed (median of 9 loads
//      each), split at the loader's `stackway:wasm-ready` mark;
//   2. Explore keystroke: with a generated 10,000-credential feed, time from each keystroke's
//      input event to the re-rendered, laid-out results (median and p95 of 123 keystrokes);
//   3. map layout of 2,000 nodes in wasm vs dagre (tests/bench/layout.html);
//   4. Programs view, on the sample feed and two generated feeds (1,000 certificates over 9,000
//      micro-credentials; 100 larger diplomas over 3,000): time from a click to the re-rendered,
//      laid-out cards for record changes (a prerequisite marked held or planned in the detail
//      panel: every bar, the shown cards' reports and routes, the goal's route), goal changes
//      ("Make it my goal": the goal's route and unlocks), "show more" (the next 25 cards'
//      reports and routes), then record changes again with up to ten pages shown.
//      ONLY_PROGRAMS=1 runs this part alone.
//   ONLY_EXPLORE=1 runs part 2 alone, ONLY_FIRST_RENDER=1 part 1 alone.
// Results go to stdout and tests/artifacts/widget/bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config.mjs';
import { startServer } from '../webdriver/helpers.mjs';

// `stackway serve` on a free port (STACKWAY_BIN, default target/debug/stackway).
const server = await startServer();
const BASE = server.base;
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
      // The bench marks this prerequisite held or planned from its detail (a record change).
      ...(c === 0 ? { prerequisites: 'm0' } : {}),
    });
  }
  return { stackway: 1, id: 'programs', languages: ['en'], provider: { id: 'p', name: 'Programs College' }, credentials };
}

/** Larger goals: 3,000 micro-credentials (every tenth with a prerequisite among the first ten)
 *  and 100 diplomas, each all of 8 groups "choose 3 of 10" (30 % of the options shared with other
 *  diplomas) and 6 credits from 8 (the shape of `programs/diplomas` in benches/programs.rs). */
function diplomasFeed() {
  let seed = 0xd1b1;
  const below = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const pool = 3000;
  const credentials = [];
  for (let i = 0; i < pool; i++) {
    const c = {
      id: `m${i}`, kind: 'micro-credential', title: `Module ${i}`,
      hours: 10 + below(40), weeks: 2 + below(8), credits: 1 + below(3),
      cost: { amount: 100 + below(10) * 50, currency: 'CAD' },
    };
    if (i >= 10 && i % 10 === 0) c.prerequisites = `m${below(10)}`;
    credentials.push(c);
  }
  for (let d = 0; d < 100; d++) {
    const all = [];
    for (let g = 0; g < 8; g++) {
      const from = [];
      for (let k = 0; k < 10; k++) from.push(`m${below(100) < 30 ? below(pool) : (d * 80 + g * 10 + k) % pool}`);
      all.push({ choose: 3, from });
    }
    all.push({ credits: 6, from: Array.from({ length: 8 }, () => `m${below(pool)}`) });
    credentials.push({ id: `d${d}`, kind: 'diploma', title: `Diploma ${d}`, requires: { all }, ...(d === 0 ? { prerequisites: 'm0' } : {}) });
  }
  return { stackway: 1, id: 'diplomas', languages: ['en'], provider: { id: 'p', name: 'Diplomas College' }, credentials };
}

/** Plan changes and "show more" on the Programs view of a feed (a URL, or a generated body). */
async function programsView(browser, name, feedUrl, body) {
  const page = await browser.newPage();
  if (body) await page.route(`**/${feedUrl}`, (route) => route.fulfill({ contentType: 'application/json', body }));
  await page.goto(`${BASE}/index.html?feed=${feedUrl}&view=programs`);
  await page.locator('stackway-pathways .sw-programs .sw-card').first().waitFor({ timeout: 120_000 });
  const result = await page.evaluate(async () => {
    const root = document.querySelector('stackway-pathways').shadowRoot;
    const afterTasks = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
    const pause = () => new Promise((r) => setTimeout(r, 20));
    const timeClick = async (button) => {
      const start = performance.now();
      button.click();
      await afterTasks();
      void root.querySelector('.sw-programs').offsetHeight; // include style and layout
      return performance.now() - start;
    };
    // A credential the learner can mark, next to the Programs view: the detail of a program's
    // prerequisite (the first card whose detail links to one with "I have it" / "Plan it").
    const openMarkable = async () => {
      const cards = [...root.querySelectorAll('.sw-programs .sw-card')];
      for (const card of cards) {
        const details = () => card.querySelector('.sw-actions .sw-button');
        details().click(); await afterTasks();
        const links = root.querySelectorAll('.sw-detail .sw-link').length;
        for (let j = 0; j < links; j++) {
          details().click(); await afterTasks();
          root.querySelectorAll('.sw-detail .sw-link')[j].click(); await afterTasks();
          if (root.querySelector('.sw-detail .sw-mark')) return true;
        }
      }
      return false;
    };
    // Record changes: mark that credential held, then planned, in turn (every card's bar, the
    // shown cards' reports and routes, the goal's route: all recomputed).
    const recordChanges = async (rounds) => {
      const out = [];
      for (let round = 0; round < rounds; round++) {
        const button = (label) => root.querySelector(`.sw-detail .sw-mark button[aria-label^="${label}"]`);
        out.push(await timeClick(button('I have') || button('Plan ')));
        await pause();
      }
      return out;
    };
    // Goal changes: make each of the first cards the goal in turn (the cards are kept; the goal's
    // route and what it unlocks are recomputed).
    const goalChanges = async (rounds) => {
      const out = [];
      for (let round = 0; round < rounds; round++) {
        const buttons = [...root.querySelectorAll('.sw-programs .sw-card .sw-primary')];
        out.push(await timeClick(buttons[round % Math.min(buttons.length, 5)]));
        await pause();
      }
      return out;
    };
    const goals = await goalChanges(21);
    const markable = await openMarkable();
    const records = markable ? await recordChanges(21) : [];
    const more = [];
    for (let i = 0; i < 9; i++) {
      const button = root.querySelector('.sw-programs-more');
      if (!button) break;
      more.push(await timeClick(button));
      await pause();
    }
    // With every page shown so far, each record change recomputes all their routes.
    const paged = markable && more.length ? await recordChanges(11) : [];
    return { cards: root.querySelectorAll('.sw-programs .sw-card').length, routes: root.querySelectorAll('.sw-programs .sw-route-summary').length, goals, records, more, paged };
  });
  await page.close();
  const summary = (xs) => (xs.length ? { n: xs.length, medianMs: median(xs), maxMs: Math.max(...xs) } : null);
  return {
    feed: name, cardsAtEnd: result.cards, routesShownAtEnd: result.routes,
    recordChange: summary(result.records), goalChange: summary(result.goals),
    showMore: summary(result.more), recordChangeAfterPaging: summary(result.paged),
    samples: process.env.SAMPLES ? Object.fromEntries(['records', 'goals', 'more', 'paged'].map((k) => [k, result[k].map(Math.round)])) : undefined,
  };
}

async function programs(browser) {
  return [
    await programsView(browser, 'sample (9 programs)', 'www/feeds/sample.json'),
    await programsView(browser, 'generated (1,000 programs, 10,000 credentials)', 'programs-feed.json', JSON.stringify(programsFeed())),
    await programsView(browser, 'generated diplomas (100 programs of 8 groups, 3,100 credentials)', 'diplomas-feed.json', JSON.stringify(diplomasFeed())),
  ];
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
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const only = process.env.ONLY_PROGRAMS;
  const results = only ? { programs: await programs(browser) } : process.env.ONLY_EXPLORE ? { explore: await keystrokes(browser) } : process.env.ONLY_FIRST_RENDER ? {
    firstRender: [
      await firstRender(browser, 'www/feeds/sample.json'),
      await firstRender(browser, 'tests/fixtures/widget-feed.json'),
    ],
  } : {
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
  await server.stop();
}
