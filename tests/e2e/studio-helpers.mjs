// Shared helpers of Stackway Studio's end-to-end tests: each test starts its own
// `stackway studio` on a free port with a feed file in a fresh temporary folder.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';

export const STACKWAY = process.env.STACKWAY_BIN || 'target/debug/stackway';
export const ARTIFACTS = 'tests/artifacts/studio';
mkdirSync(ARTIFACTS, { recursive: true });

/**
 * Starts `stackway studio` on `feed` (a file to copy, `null` for a file that does not exist
 * yet, or `{text}` for given contents). Resolves to {url, origin, token, file, dir, stop()}.
 */
export async function startStudio(feed = 'www/feeds/sample.json', { name = 'feed.json' } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'stackway-studio-e2e-'));
  const file = path.join(dir, name);
  if (typeof feed === 'string') copyFileSync(feed, file);
  else if (feed && typeof feed.text === 'string') writeFileSync(file, feed.text);
  const child = spawn(STACKWAY, ['studio', file, '--listen', '127.0.0.1:0', '--no-open', '--assets', '.'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stackway studio printed no link:\n${output}`)), 15_000);
    const read = (chunk) => {
      output += chunk;
      const match = output.match(/Open (http:\/\/\S+#token=[0-9a-f]+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`stackway studio exited (${code}):\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    file,
    dir,
    read: () => readFileSync(file, 'utf8'),
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the studio shows an open feed (its sections). */
export async function waitForStudio(page) {
  await expect(page.locator('nav.sections')).toBeVisible({ timeout: 20_000 });
  // The first check has run.
  await expect(page.locator('.problem-summary')).not.toHaveText(/Checking|Vérification/, { timeout: 20_000 });
}

/** The engine's answers for a feed: `stackway progress` and `stackway plan` as JSON. */
export function engineAnswers(file, { goal, have }) {
  const run = (args) => JSON.parse(execFileSync(STACKWAY, args, { encoding: 'utf8' }));
  const haveArgs = have.length ? ['--have', have.join(',')] : [];
  return {
    progress: run(['progress', file, ...haveArgs, '--goal', goal, '--format', 'json']),
    plan: run(['plan', file, ...haveArgs, '--goal', goal, '--format', 'json']),
  };
}

/** A screenshot into tests/artifacts/studio/. */
export async function shot(page, name) {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

/** A full-page screenshot, and the page cut into screen-high parts (`NAME-1.png`, …), which are
 *  easier to read than one very tall image. */
export async function shotParts(page, name, { parts = 2 } = {}) {
  await shot(page, name);
  const { width, height } = page.viewportSize();
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let i = 0; i < parts && i * height < total; i++) {
    await page.screenshot({
      path: `${ARTIFACTS}/${name}-${i + 1}.png`,
      fullPage: true,
      clip: { x: 0, y: i * height, width, height: Math.min(height, total - i * height) },
    });
  }
}
