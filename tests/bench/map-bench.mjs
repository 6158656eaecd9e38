// The pathway map as drawn in the page, for docs/benchmarks.md: how many times its lines cross
// and how big its smallest title is drawn (font size times the drawing's current scale), on the
// bundled sample feed and the generated 60-credential pathway, at 1280 and 320 px, in English.
//
// Run after `cargo xtask build` and `cargo build -p stackway-cli`:
//   node tests/bench/map-bench.mjs
// With BEFORE=<directory> (a built checkout of another commit), its widget is measured in the
// same run, each page load alternating with this tree's, so the two builds compare:
//   git archive <commit> | tar -x -C /tmp/before && (cd /tmp/before && cargo xtask build)
//   BEFORE=/tmp/before node tests/bench/map-bench.mjs
// Both are served by this tree's `stackway serve` (STACKWAY_BIN), each from its own directory.
// Crossings are counted by tests/bench/crossings.mjs on the drawn lines (the `d` of every
// `path.sw-edge`), junction dots excepted. Results: stdout and tests/artifacts/widget/map-bench.json.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config.mjs';
import { crossings } from './crossings.mjs';

const FEEDS = { sample: 'www/feeds/sample.json', sixty: 'tests/fixtures/map-sixty-feed.json' };
const WIDTHS = [1280, 320];

/** `stackway serve` of `dir` on a free port. */
function serve(dir) {
  const binary = process.env.STACKWAY_BIN || 'target/debug/stackway';
  const child = spawn(binary, ['serve', '--dir', dir, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk) => {
      output += chunk;
      const address = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (address) resolve({ base: address[1], stop: () => new Promise((done) => { child.once('exit', done); child.kill(); }) });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`stackway serve exited (${code}):\n${output}`)));
  });
}

/** Loads the map of `feed` at `width` px and reads its drawing. */
async function measure(page, base, feed, width) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${base}/index.html?${new URLSearchParams({ feed, lang: 'en', view: 'map' })}`);
  const host = page.locator('stackway-pathways .stackway').first();
  await host.locator('.sw-node, .sw-focus').first().waitFor({ timeout: 30_000 });
  // A narrow screen may open around a program: the whole map is one click away.
  const whole = host.getByRole('button', { name: 'Whole map', exact: true });
  if (await whole.count()) {
    if ((await whole.getAttribute('aria-pressed')) !== 'true') await whole.click();
    await host.locator('.sw-node').first().waitFor();
  }
  return page.evaluate(() => {
    const root = document.querySelector('stackway-pathways').shadowRoot;
    const lines = [...root.querySelectorAll('path.sw-edge')].map((path) => {
      const numbers = (path.getAttribute('d').match(/-?\d+(\.\d+)?/g) || []).map(Number);
      const points = [];
      for (let i = 0; i + 1 < numbers.length; i += 2) points.push({ x: numbers[i], y: numbers[i + 1] });
      return points;
    });
    const junctions = [...root.querySelectorAll('circle.sw-junction')].map((c) => ({ x: c.cx.baseVal.value, y: c.cy.baseVal.value }));
    const titles = [...root.querySelectorAll('.sw-node-title')];
    const sizes = titles.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
    return {
      lines,
      junctions,
      nodes: titles.length,
      smallestTitlePx: Math.round(Math.min(...sizes) * 10) / 10,
      titlesCut: titles.filter((t) => t.textContent.trim().endsWith('…')).length,
    };
  });
}

const builds = [['after', '.']];
if (process.env.BEFORE) {
  // The generated pathway may be newer than the build before: give it the same file.
  const target = `${process.env.BEFORE}/${FEEDS.sixty}`;
  if (!existsSync(target)) {
    mkdirSync(target.replace(/\/[^/]+$/, ''), { recursive: true });
    copyFileSync(FEEDS.sixty, target);
  }
  builds.unshift(['before', process.env.BEFORE]);
}
const servers = {};
for (const [name, dir] of builds) servers[name] = await serve(dir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const page = await browser.newPage();
const results = [];
for (const [feedName, feed] of Object.entries(FEEDS)) {
  for (const width of WIDTHS) {
    for (const [name] of builds) {
      const drawn = await measure(page, servers[name].base, feed, width);
      const row = {
        build: name, feed: feedName, width,
        nodes: drawn.nodes,
        crossings: crossings(drawn.lines, drawn.junctions),
        smallestTitlePx: drawn.smallestTitlePx,
        titlesCut: drawn.titlesCut,
      };
      results.push(row);
      console.log(JSON.stringify(row));
    }
  }
}
await browser.close();
for (const server of Object.values(servers)) await server.stop();
mkdirSync('tests/artifacts/widget', { recursive: true });
writeFileSync('tests/artifacts/widget/map-bench.json', JSON.stringify(results, null, 2));
