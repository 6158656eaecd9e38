// Shared helpers of the widget's end-to-end tests.
import { mkdirSync } from 'node:fs';
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const FEED = 'tests/fixtures/widget-feed.json';
export const ARTIFACTS = 'tests/artifacts/widget';
mkdirSync(ARTIFACTS, { recursive: true });

/** The demo page showing the test feed in `lang`, on `view`. */
export function demoUrl({ lang = 'en', view = '', feed = FEED, goal = '' } = {}) {
  const params = new URLSearchParams({ feed, lang });
  if (view) params.set('view', view);
  if (goal) params.set('goal', goal);
  return `/index.html?${params}`;
}

/** Collects console errors, uncaught exceptions and CSP violations for the whole test. */
export async function watchForProblems(page, { allow = [] } = {}) {
  const problems = [];
  let paused = false;
  page.on('console', (message) => {
    const text = message.text();
    if (!paused && message.type() === 'error' && !allow.some((pattern) => pattern.test(text))) {
      problems.push(`console error: ${text}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const check = async () => {
    const violations = await page.evaluate(() => window.__cspViolations || []);
    return [...problems, ...violations.map((v) => `CSP violation: ${v}`)];
  };
  /** Runs `action` without watching: axe-core injects an inline style, which the page's CSP
   *  reports; that is the test tool, not the widget. */
  check.ignoring = async (action) => {
    const before = await page.evaluate(() => (window.__cspViolations || []).length);
    paused = true;
    try {
      await action();
      await page.waitForTimeout(100);
    } finally {
      await page.evaluate((n) => { window.__cspViolations.length = n; }, before);
      paused = false;
    }
  };
  return check;
}

/** The widget's root inside the first <stackway-pathways> (Playwright pierces open shadow roots). */
export function widget(page) {
  return page.locator('stackway-pathways .stackway').first();
}

/** Waits until the widget shows a loaded feed (its view tabs). */
export async function waitForWidget(page) {
  await expect(page.locator('stackway-pathways .sw-tabs').first()).toBeVisible({ timeout: 15_000 });
}

/** Runs axe on the page (including the widget's shadow root) and expects no violation. */
export async function expectNoAxeViolations(page, label, problems = null) {
  let results;
  const run = async () => {
    results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
  };
  if (problems) await problems.ignoring(run);
  else await run();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`,
  );
  expect(summary, `axe violations ${label}`).toEqual([]);
}

/** A full-page screenshot under tests/artifacts/widget/. `caret: 'initial'` because hiding the
 *  caret makes Playwright inject an inline <style>, which the page's CSP rightly reports. */
export async function shot(page, name) {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true, caret: 'initial' });
}

/** A 1×1 PNG standing in for the feeds' badge images (the tests run without a network). */
const BADGE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Serves the badge images of the bundled feeds (https://badges.example.ca/…), which the map
 *  draws on its boxes, and returns the list of URLs asked for. */
export async function serveBadges(page) {
  const requested = [];
  await page.route('https://badges.example.ca/**', (route) => {
    requested.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: BADGE_PNG });
  });
  return requested;
}
