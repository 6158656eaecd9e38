// Stackway Studio with a generated 10,000-credential feed in headless Chromium (run:
// `node tests/bench/studio-bench.mjs` after `cargo xtask build` and `cargo build -p stackway-cli`):
//   1. open: from navigation start to the feed checked and its credential list on screen (the
//      `stackway-studio:opened` mark); 7 loads of the 10,000-credential feed alternated with 7 of
//      the sample feed (45 credentials), the baseline: what opening costs whatever the feed's size;
//   2. re-check after an edit: for each of 40 keystrokes in a credential's title, the time from
//      the keystroke's input event to the new diagnostics applied (the studio's own timing,
//      `edit-to-check`), and the check alone (`check`: that credential checked alone); the
//      baseline is the whole feed's check (`whole`, in the worker, 7 times after a pause in
//      typing), which is what every edit cost before edits were checked one credential at a time.
// Results go to stdout and tests/artifacts/studio/bench.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config.mjs';

const STACKWAY = process.env.STACKWAY_BIN || 'target/debug/stackway';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

/** 9,500 micro-credentials (bilingual titles and summaries, every number, cost, delivery, tags,
 *  skills, outcomes) and 500 certificates, each all of (choose 2 of 5, 4 credits from 4, any of
 *  3), drawn with a fixed seed: 10,000 credentials. */
export function tenThousand() {
  let seed = 0x5eed;
  const below = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const words = ['data', 'health', 'project', 'design', 'cloud', 'safety', 'finance', 'care', 'energy', 'water'];
  const skills = words.map((w) => ({ id: `skill-${w}`, name: { en: `${w} skills`, fr: `compétences ${w}` } }));
  const credentials = [];
  for (let i = 0; i < 9500; i++) {
    const w = words[i % words.length];
    credentials.push({
      id: `m${i}`, kind: 'micro-credential',
      title: { en: `${w} skills ${i}`, fr: `Compétences ${w} ${i}` },
      summary: { en: `Practical ${w} course number ${i}.`, fr: `Cours pratique ${w} numéro ${i}.` },
      hours: 10 + below(40), credits: 1 + below(3), weeks: 1 + below(12),
      cost: { amount: 100 + below(900), currency: 'CAD' },
      delivery: [['online', 'in-person', 'hybrid'][i % 3]], tags: [w], skills: [`skill-${w}`],
      outcomes: [{ en: `Apply ${w} methods.`, fr: `Appliquer des méthodes ${w}.` }],
    });
  }
  const pick = (n) => Array.from({ length: n }, () => `m${below(9500)}`);
  for (let c = 0; c < 500; c++) {
    credentials.push({
      id: `cert${c}`, kind: 'certificate', title: { en: `Certificate ${c}`, fr: `Certificat ${c}` },
      requires: { all: [{ choose: 2, from: pick(5) }, { credits: 4, from: pick(4) }, { any: pick(3) }] },
    });
  }
  return {
    stackway: 1, id: 'ten-thousand', languages: ['en', 'fr'],
    provider: { id: 'big', name: { en: 'Big College', fr: 'Grand Collège' } }, skills, credentials,
  };
}

async function startStudio(file) {
  const child = spawn(STACKWAY, ['studio', file, '--listen', '127.0.0.1:0', '--no-open', '--assets', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/Open (http:\/\/\S+#token=[0-9a-f]+)/);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`stackway studio exited (${code}): ${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function open(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('stackway-studio:opened').length > 0, null, { timeout: 60_000 });
  const openedMs = await page.evaluate(() => performance.getEntriesByName('stackway-studio:opened')[0].startTime);
  return { page, openedMs };
}

/** Seven pauses in typing, each followed by the whole feed's check: its timings. */
async function wholeChecks(page) {
  const input = page.locator('[data-path$="/title"] input[lang="en"]').first();
  await page.evaluate(() => { window.stackwayStudioTimings.whole = []; });
  for (let i = 0; i < 7; i++) {
    await input.press('End');
    await page.keyboard.type('.');
    await page.waitForFunction((n) => (window.stackwayStudioTimings.whole || []).length > n, i, { timeout: 30_000 });
  }
  return page.evaluate(() => window.stackwayStudioTimings.whole);
}

async function edits(page) {
  await page.locator('#credential-search').fill('skills 5000');
  await page.locator('.rows li button').first().click();
  const input = page.locator('[data-path$="/title"] input[lang="en"]').first();
  await input.click();
  await page.evaluate(() => { window.stackwayStudioTimings = {}; });
  for (const ch of ' and more, edited live!!!!!!!!!!!!!!!!!!!!') {
    const before = await page.evaluate(() => (window.stackwayStudioTimings['edit-to-check'] || []).length);
    await page.keyboard.type(ch);
    await page.waitForFunction((n) => (window.stackwayStudioTimings['edit-to-check'] || []).length > n, before, { timeout: 30_000 })
      .catch(async (e) => { console.error(await page.evaluate(() => JSON.stringify(window.stackwayStudioTimings))); throw e; });
  }
  return page.evaluate(() => window.stackwayStudioTimings);
}

const dir = mkdtempSync(path.join(tmpdir(), 'stackway-studio-bench-'));
const file = path.join(dir, 'feed.json');
const feed = tenThousand();
writeFileSync(file, JSON.stringify(feed, null, 2) + '\n');
const studio = await startStudio(file);
const sampleFile = path.join(dir, 'sample.json');
writeFileSync(sampleFile, readFileSync('www/feeds/sample.json'));
const sample = await startStudio(sampleFile);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
try {
  const opens = [];
  const sampleOpens = [];
  let last;
  for (let i = 0; i < 7; i++) {
    // Alternated: the sample's load first, then the large feed's (kept open for the edits).
    const small = await open(browser, sample.url);
    sampleOpens.push(small.openedMs);
    await small.page.close();
    if (last) await last.close();
    const { page, openedMs } = await open(browser, studio.url);
    opens.push(openedMs);
    last = page;
    if (process.env.VERBOSE) {
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name.replace('stackway-studio:', '')} ${Math.round(m.startTime)}`).join(', '));
      console.error(`open ${i + 1}: ${marks}`, await page.evaluate(() => JSON.stringify(window.stackwayStudioTimings)));
    }
  }
  const timings = await edits(last);
  const whole = await wholeChecks(last);
  const stats = (xs) => ({ n: xs.length, medianMs: median(xs), p95Ms: percentile(xs, 95) });
  const result = {
    credentials: feed.credentials.length,
    fileBytes: JSON.stringify(feed, null, 2).length + 1,
    open: { n: opens.length, medianMs: median(opens), runs: opens.map(Math.round) },
    openSample: { n: sampleOpens.length, medianMs: median(sampleOpens), runs: sampleOpens.map(Math.round) },
    editToCheck: stats(timings['edit-to-check']),
    check: stats(timings.check),
    wholeCheck: stats(whole),
  };
  result.ratios = {
    open: +(result.open.medianMs / result.openSample.medianMs).toFixed(2),
    editToCheck: +(result.editToCheck.medianMs / result.wholeCheck.medianMs).toFixed(3),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync('tests/artifacts/studio', { recursive: true });
  writeFileSync('tests/artifacts/studio/bench.json', JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  studio.stop();
  sample.stop();
  rmSync(dir, { recursive: true, force: true });
}
