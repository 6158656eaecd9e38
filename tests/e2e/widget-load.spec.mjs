// How embed.html loads: what a phone on a slow network waits for. The page asks for the widget's
// WebAssembly, its glue and its stylesheet while it is still parsing, not one round trip after
// another; each file comes once (the loader takes the preloaded responses); nothing breaks the
// page's Content-Security-Policy. The time itself is measured by
// tests/bench/mobile-first-render.mjs, not here.
import { test, expect } from '@playwright/test';
import { watchForProblems } from './widget-helpers.mjs';

const EMBED = '/www/embed.html?feed=/tests/fixtures/widget-feed.json&view=programs';
/** The files the first screen needs, as the page's requests name them. */
const FIRST_SCREEN = ['/pkg/stackway_bg.wasm', '/pkg/stackway.js', '/pkg/stackway.css', '/www/stackway.js'];

test('embed.html asks for the WebAssembly before its loader script has arrived', async ({ page }) => {
  const problems = await watchForProblems(page);
  // Hold the loader (www/stackway.js) until the WebAssembly has been asked for: without the
  // page's hints the loader is what asks for it, so the page would never render.
  let wasmAsked;
  const asked = new Promise((resolve) => { wasmAsked = resolve; });
  page.on('request', (request) => { if (request.url().endsWith('/pkg/stackway_bg.wasm')) wasmAsked(); });
  await page.route('**/www/stackway.js', async (route) => {
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('the WebAssembly was not asked for while the loader was held')), 10_000));
    await Promise.race([asked, timeout]).then(() => route.continue(), (error) => route.abort().then(() => { throw error; }));
  });
  await page.goto(EMBED);
  await expect(page.locator('#stackway .sw-card').first()).toBeVisible({ timeout: 20_000 });
  expect(await problems()).toEqual([]);
});

test('embed.html downloads each file of the first screen once', async ({ page }) => {
  const problems = await watchForProblems(page);
  const counts = new Map();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    counts.set(path, (counts.get(path) || 0) + 1);
  });
  const warnings = [];
  page.on('console', (message) => { if (/preload/i.test(message.text())) warnings.push(message.text()); });
  await page.goto(EMBED);
  await expect(page.locator('#stackway .sw-card').first()).toBeVisible({ timeout: 20_000 });
  // A hint the loader does not use (say a different CORS mode) downloads the file twice.
  expect(Object.fromEntries(FIRST_SCREEN.map((path) => [path, counts.get(path) || 0])))
    .toEqual(Object.fromEntries(FIRST_SCREEN.map((path) => [path, 1])));
  // Chromium warns about a preloaded response nobody used after about three seconds.
  await page.waitForTimeout(3_500);
  expect(warnings).toEqual([]);
  expect(await problems()).toEqual([]);
});

/** A page as an LMS course embeds the widget: the loader, then `body` (with the element). */
function lmsPage(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
    <script type="module" src="/www/stackway.js"></script></head><body>${body}</body></html>`;
}
const ELEMENT = '<stackway-pathways feed="/tests/fixtures/widget-feed.json" view="programs"></stackway-pathways>';

test('an element on screen starts loading without waiting for the visibility observer', async ({ page }) => {
  // An observer that never reports: the element must not need it when it is already on screen.
  await page.addInitScript(() => {
    window.IntersectionObserver = class { observe() {} disconnect() {} };
  });
  await page.route('**/course-on-screen.html', (route) => route.fulfill({ contentType: 'text/html', body: lmsPage(ELEMENT) }));
  await page.goto('/course-on-screen.html');
  await expect(page.locator('stackway-pathways .sw-card').first()).toBeVisible({ timeout: 20_000 });
});

test('an element far below the screen loads only when scrolled near', async ({ page }) => {
  const wasm = [];
  page.on('request', (request) => { if (request.url().endsWith('/pkg/stackway_bg.wasm')) wasm.push(request.url()); });
  await page.setViewportSize({ width: 800, height: 600 });
  await page.route('**/course-far-below.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: lmsPage(`<div style="height: 3000px">Course text</div>${ELEMENT}`),
  }));
  await page.goto('/course-far-below.html');
  await page.waitForFunction(() => customElements.get('stackway-pathways'));
  await page.waitForTimeout(1_000);
  expect(wasm).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.locator('stackway-pathways .sw-card').first()).toBeVisible({ timeout: 20_000 });
  expect(wasm).toHaveLength(1);
});
