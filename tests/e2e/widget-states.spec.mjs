// The widget's states: loading reserves the height, unreachable and invalid feeds explain
// themselves with diagnostics and a retry, an empty feed says so, and offline the last good copy
// is shown with when it was saved.
import { test, expect } from '@playwright/test';
import { shot, ARTIFACTS, FEED, demoUrl, expectNoAxeViolations, waitForWidget, watchForProblems, widget } from './widget-helpers.mjs';

test('an unreachable feed shows an error with a working retry', async ({ page }) => {
  let fail = true;
  await page.route('**/missing-feed.json', (route) => (fail
    ? route.fulfill({ status: 404, body: 'not found' })
    : route.fulfill({ path: FEED, contentType: 'application/json' })));
  await page.goto(demoUrl({ feed: 'missing-feed.json' }));
  const root = widget(page);
  await expect(root.getByRole('alert')).toContainText('could not be loaded', { timeout: 15_000 });
  await expect(root.getByRole('alert')).toContainText('HTTP 404');
  await expectNoAxeViolations(page, 'fetch error');
  await shot(page, `error-fetch-en`);
  fail = false;
  await root.getByRole('button', { name: 'Try again' }).click();
  await waitForWidget(page);
});

test('an invalid feed shows the diagnostics in French', async ({ page }) => {
  await page.route('**/broken-feed.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: '{"stackway": 1, "id": "x", "credentials": [',
  }));
  await page.goto(demoUrl({ feed: 'broken-feed.json', lang: 'fr' }));
  const root = widget(page);
  await expect(root.getByRole('alert')).toContainText('comporte des problèmes', { timeout: 15_000 });
  // The findings are for whoever fixes the feed: collapsed for the learner, a click away.
  const findings = root.locator('.sw-diagnostics');
  await expect(findings).not.toHaveAttribute('open', /.*/);
  await expect(findings.locator('summary')).toContainText('Détails pour l’établissement');
  await findings.locator('summary').click();
  await expect(root.locator('.sw-diag').first()).toBeVisible();
  await expect(root.locator('.sw-diag').first()).toContainText('ligne');
  await expectNoAxeViolations(page, 'invalid feed');
  await shot(page, `error-invalid-fr`);
});

test('an empty feed says so', async ({ page }) => {
  await page.route('**/empty-feed.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ stackway: 1, id: 'empty', languages: ['en'], provider: { id: 'p', name: 'Empty College' }, credentials: [] }),
  }));
  await page.goto(demoUrl({ feed: 'empty-feed.json' }));
  await waitForWidget(page);
  await expect(widget(page).getByText('has not published any credentials')).toBeVisible();
});

test('offline, the last good copy is shown with when it was saved', async ({ page }) => {
  await page.goto(demoUrl({}));
  await waitForWidget(page);
  // The copy is stored after the feed is first painted: wait for it before going offline.
  await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('stackway:feed:')));
  await page.route(`**/${FEED}`, (route) => route.abort('internetdisconnected'));
  const problems = await watchForProblems(page, { allow: [/Failed to load resource/, /ERR_INTERNET_DISCONNECTED/] });
  await page.reload();
  await waitForWidget(page);
  const root = widget(page);
  await expect(root.locator('.sw-notice-offline')).toContainText('You are offline');
  await expect(root.getByText('Certificate in Data Analysis').first()).toBeVisible();
  await shot(page, `offline-en`);
  expect(await problems()).toEqual([]);
});

test('while loading, the skeleton reserves the widget height', async ({ page }) => {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route(`**/${FEED}`, async (route) => { await gate; await route.continue(); });
  await page.goto(demoUrl({}));
  const skeleton = page.locator('stackway-pathways .sw-skeleton');
  await expect(skeleton).toBeVisible({ timeout: 15_000 });
  const before = await page.locator('stackway-pathways').boundingBox();
  expect(before.height).toBeGreaterThanOrEqual(480);
  release();
  await waitForWidget(page);
});

const FEED_NAME = FEED.split('/').pop();

test('the feed downloads once, alongside the WebAssembly rather than after it', async ({ page }) => {
  const feedRequests = [];
  page.on('request', (request) => { if (request.url().endsWith(FEED_NAME)) feedRequests.push(request.url()); });
  await page.goto(demoUrl({}));
  await waitForWidget(page);
  expect(feedRequests).toHaveLength(1);
  const [feedStart, glueStart] = await page.evaluate((name) => {
    const entries = performance.getEntriesByType('resource');
    return [
      entries.find((e) => e.name.endsWith(name))?.startTime,
      entries.find((e) => e.name.endsWith('/pkg/stackway.js'))?.startTime,
    ];
  }, FEED_NAME);
  // The loader asks for the feed before it imports the WebAssembly's glue.
  expect(feedStart).toBeLessThanOrEqual(glueStart);
});
