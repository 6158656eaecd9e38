// The demo page as a learner's browser sees it: the feed's credentials appear, in English and
// in French, with no console error, no Content-Security-Policy violation and no axe violation.
import { readFileSync, mkdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { serveBadges } from './widget-helpers.mjs';

// The demo's default feed, bundled with the project, and a tiny one to prove `?feed=` works.
const feed = JSON.parse(readFileSync('www/feeds/sample.json', 'utf8'));
const TINY_PATH = 'tests/fixtures/tiny-feed.json';
const tiny = JSON.parse(readFileSync(TINY_PATH, 'utf8'));
const ARTIFACTS = 'tests/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

const title = (credential, lang) =>
  typeof credential.title === 'string' ? credential.title : credential.title[lang];

/** Collects console errors, uncaught exceptions and CSP violations for the whole test. */
async function watchForProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return async () => {
    const violations = await page.evaluate(() => window.__cspViolations);
    return [...problems, ...violations.map((v) => `CSP violation: ${v}`)];
  };
}

/** The element showing a credential's title (the first, if it is shown more than once). */
const titleOf = (page, credential, lang) =>
  page.getByText(title(credential, lang), { exact: true }).first();

for (const lang of ['en', 'fr']) {
  test(`the demo lists every credential of the sample feed in ${lang}`, async ({ page }) => {
    const problems = await watchForProblems(page);
    // The map opens first and draws the sample feed's badge images.
    await serveBadges(page);
    // The full widget lists every credential in the map's accessible list view.
    const response = await page.goto(lang === 'en' ? '/?view=map' : `/?lang=${lang}&view=map`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await page.getByRole('button', { name: lang === 'en' ? 'View as list' : 'Voir en liste' }).click();

    expect(feed.credentials.length).toBeGreaterThan(30);
    for (const credential of feed.credentials) {
      await expect(titleOf(page, credential, lang), `${credential.id} should be listed`).toBeVisible();
    }
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.screenshot({ path: `${ARTIFACTS}/demo-${lang}.png`, fullPage: true, caret: 'initial' });
    expect(await problems()).toEqual([]);
  });
}

test('the demo reads at 320 px wide in French without sideways scrolling', async ({ page }) => {
  const problems = await watchForProblems(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/?lang=fr&view=explore');
  await expect(titleOf(page, feed.credentials[0], 'fr')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // The page's own words are French too, not only the widget's.
  await expect(page).toHaveTitle('Démo de Stackway');
  await expect(page.locator('.demo-intro')).toContainText('microtitres');
  await expect(page.getByRole('heading', { name: 'Prévisualiser votre propre flux' })).toBeVisible();
  await expect(page.getByLabel('Fichier de flux (JSON)')).toBeVisible();
  await expect(page.getByRole('link', { name: 'In English' })).toHaveAttribute('href', /lang=en/);
  await page.screenshot({ path: `${ARTIFACTS}/demo-fr-320.png`, fullPage: true, caret: 'initial' });
  expect(await problems()).toEqual([]);
});

test('the demo has no accessibility violations (axe-core)', async ({ page }) => {
  await page.goto('/?view=explore');
  await expect(titleOf(page, feed.credentials[0], 'en')).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(summary).toEqual([]);
});

test('?feed= shows another feed instead of the sample', async ({ page }) => {
  const problems = await watchForProblems(page);
  await page.goto(`/index.html?feed=${encodeURIComponent(TINY_PATH)}&view=explore`);
  for (const credential of tiny.credentials) {
    await expect(titleOf(page, credential, 'en')).toBeVisible();
  }
  await expect(titleOf(page, feed.credentials[0], 'en')).toHaveCount(0);
  expect(await problems()).toEqual([]);
});

test('?feed= reads a feed published on another https origin', async ({ page }) => {
  // Regression: the demo's policy had `connect-src 'self'`, so the browser blocked the fetch
  // before it left the page (the route below never saw it) and the widget said it could not load.
  const problems = await watchForProblems(page);
  const url = 'https://feeds.example.org/pathways/tiny.json';
  let asked = 0;
  await page.route(url, (route) => {
    asked += 1;
    return route.fulfill({
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: readFileSync(TINY_PATH, 'utf8'),
    });
  });
  const response = await page.goto(`/?feed=${encodeURIComponent(url)}&view=explore`);
  expect(response.headers()['content-security-policy']).toContain("connect-src 'self' https:");
  for (const credential of tiny.credentials) {
    await expect(titleOf(page, credential, 'en')).toBeVisible();
  }
  expect(asked).toBe(1);
  expect(await problems()).toEqual([]);
});

test('a feed that cannot be loaded gives a plain message, not a blank widget', async ({ page }) => {
  await page.goto('/index.html?feed=www/feeds/does-not-exist.json');
  await expect(page.getByRole('alert')).toContainText('The list of credentials could not be loaded');
});

test('the widget files are served with the types and compression browsers need', async ({ request }) => {
  const wasm = await request.get('/pkg/stackway_bg.wasm', { headers: { 'accept-encoding': 'br' } });
  expect(wasm.status()).toBe(200);
  expect(wasm.headers()['content-type']).toBe('application/wasm');
  expect(wasm.headers()['content-encoding']).toBe('br');
  const dotfile = await request.get('/.git/HEAD');
  expect(dotfile.status()).toBe(404);
});
