// The widget's second module (pkg/split_later.wasm: map, explore, plan, pathways, detail): the
// first screen renders without it, the page fetches it by itself right after, and a view opened
// while it cannot be fetched says so and recovers with "Try again".
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { demoUrl, waitForWidget, watchForProblems, widget } from './widget-helpers.mjs';

const LATER = /\/pkg\/split_later\.wasm/;

/** Every message id of the widget (locales/en/*.ftl): a missing message shows as its id. */
const MESSAGE_IDS = readdirSync('locales/en')
  .flatMap((file) => readFileSync(`locales/en/${file}`, 'utf8').split('\n'))
  .map((line) => /^([a-z][a-z0-9-]*) =/.exec(line)?.[1])
  .filter(Boolean);

/** The message ids shown as text in the widget (none when every word was found). */
async function idsShown(root) {
  const text = await root.innerText();
  const words = new Set(text.split(/[\s()«»“”"',.:;!?…]+/));
  return MESSAGE_IDS.filter((id) => words.has(id));
}

test('the first screen needs only the first module, and the second is fetched right after', async ({ page }) => {
  const problems = await watchForProblems(page);
  const requested = [];
  // Hold the second module back until the first screen is checked.
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(LATER, async (route) => {
    requested.push(route.request().url());
    await released;
    await route.continue();
  });
  await page.goto(demoUrl());
  await waitForWidget(page);
  const root = widget(page);
  // Programs: every card with its progress, before the second module has arrived.
  await expect(root.locator('.sw-card').first()).toBeVisible();
  await expect(root.locator('.sw-card progress').first()).toBeAttached();
  // The page asked for it without any click (prefetch after the first render).
  await expect.poll(() => requested.length).toBeGreaterThan(0);
  // The cards' routes come from the planner, which is in the second module: their line keeps
  // its room and says so until it arrives, then gives the route.
  const routes = root.locator('.sw-route-summary');
  await expect(routes.first()).toContainText('being worked out');
  // The first screen's words are all in the first module: no message shows as its id.
  expect(MESSAGE_IDS.length).toBeGreaterThan(100);
  expect(await idsShown(root)).toEqual([]);
  release();
  await expect(root.locator('.sw-route-summary.sw-pending')).toHaveCount(0);
  await expect(routes.first()).toContainText(/step/);
  await root.getByRole('button', { name: 'Pathway map' }).click();
  await expect(root.locator('svg.sw-map-svg, .sw-map svg').first()).toBeVisible();
  // The later views' words came with the second module.
  await root.getByRole('button', { name: 'My plan' }).click();
  await expect(root.getByRole('button', { name: 'Print my plan' })).toBeVisible();
  expect(await idsShown(root)).toEqual([]);
  expect(await problems()).toEqual([]);
});

test('a view whose module cannot be fetched says so and can be retried', async ({ page }) => {
  // The split loader logs the failed fetch; the test expects exactly that.
  const problems = await watchForProblems(page, { allow: [/split_later|Failed to fetch|Failed to load resource/] });
  await page.route(LATER, (route) => route.abort());
  await page.goto(demoUrl({ lang: 'fr' }));
  await waitForWidget(page);
  const root = widget(page);
  await expect(root.locator('.sw-card').first()).toBeVisible();
  expect(await idsShown(root)).toEqual([]);
  await root.getByRole('button', { name: 'Explorer' }).click();
  const alert = root.locator('.sw-view').getByRole('alert');
  await expect(alert).toContainText('Cette vue n’a pas pu être chargée', { timeout: 15_000 });

  await page.unroute(LATER);
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await expect(root.getByRole('searchbox')).toBeVisible({ timeout: 15_000 });
  await expect(root.locator('.sw-explore')).toContainText('titres correspondent');
  expect(await idsShown(root)).toEqual([]);
  expect(await problems()).toEqual([]);
});
