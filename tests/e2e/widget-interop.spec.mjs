// The widget's interop module (pkg/split_interop.wasm: stackway-core's CTDL import and badge
// reader, a split point of the widget): a normal page load never downloads it; "Add my badges"
// loads it, marks the matched credentials as held and lists the unmatched badges; a CTDL pathway
// works as the feed, every component reachable in Explore and on the map, and no separate
// interop package (the old pkg/interop/, its own copy of the core) is ever requested.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { shot, demoUrl, expectNoAxeViolations, waitForWidget, watchForProblems, widget } from './widget-helpers.mjs';

const BADGE_FEED = 'tests/fixtures/badges-feed.json';
const CTDL_FEED = 'tests/fixtures/ctdl-pathway.json';
const INTEROP = /\/split_interop(\.[0-9a-f]+)?\.wasm/;
// The separate interop package the widget used to load (its own copy of the core and serde_json).
const OLD_INTEROP = /\/pkg\/interop\//;
const REGISTRY_PATHWAY = 'crates/stackway-interop/tests/data/ctdl/registry-badge-pathway.json';

/** Every URL the page requests, for the whole test. */
function watchRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

test('a normal page load never requests the interop module', async ({ page }) => {
  const urls = watchRequests(page);
  await page.goto(demoUrl({ view: 'plan' }));
  await waitForWidget(page);
  await expect(widget(page).getByRole('button', { name: 'Add my badges' })).toBeVisible();
  await widget(page).getByRole('button', { name: 'Explore' }).click();
  await page.waitForLoadState('networkidle');
  expect(urls.some((url) => /stackway_bg\.wasm/.test(url))).toBe(true);
  expect(urls.filter((url) => INTEROP.test(url))).toEqual([]);
});

for (const width of [320, 1280]) {
  test(`adding an OB3 badge file marks it held, changes progress and lists unmatched badges (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const problems = await watchForProblems(page);
    const urls = watchRequests(page);
    await page.goto(demoUrl({ feed: BADGE_FEED, view: 'plan', goal: 'analytics-certificate' }));
    await waitForWidget(page);
    const root = widget(page);
    const percent = root.locator('.sw-goal .sw-percent');
    await expect(percent).toHaveText('0% complete');
    expect(urls.filter((url) => INTEROP.test(url))).toEqual([]);

    // Keyboard only: Tab to the button, Enter opens the panel and loads the module.
    const open = root.getByRole('button', { name: 'Add my badges' });
    await open.focus();
    await page.keyboard.press('Enter');
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    const chooser = root.getByLabel('Choose a badge file');
    await expect(chooser).toBeAttached({ timeout: 15_000 });
    expect(urls.some((url) => INTEROP.test(url))).toBe(true);
    expect(urls.filter((url) => OLD_INTEROP.test(url))).toEqual([]);
    await expect(root.getByText('Self-reported, not verified')).toBeVisible();

    await chooser.setInputFiles('tests/fixtures/ob3-data-foundations.json');
    const results = root.locator('.sw-badge-results');
    await expect(results).toHaveAttribute('role', 'status');
    await expect(results).toContainText('1 credential was marked as held from your badges.');
    await expect(results).toContainText('Data Foundations (from the badge “Data Foundations”)');
    await expect(percent).not.toHaveText('0% complete');
    const held = root.locator('.sw-marked-list .sw-held');
    await expect(held).toContainText('Data Foundations');
    await expect(held.locator('input[type=date]')).toHaveValue('2025-04-30');

    // A pasted badge that matches nothing in the offer is listed, not dropped.
    const paste = root.getByLabel('Or paste your badge, CLR or JWT');
    await paste.fill(readFileSync('tests/fixtures/ob3-first-aid.json', 'utf8'));
    await root.getByRole('button', { name: 'Add these badges' }).click();
    await expect(results).toContainText('1 badge does not match any credential offered here:');
    await expect(results.locator('.sw-badge-unmatched')).toContainText('First Aid');
    await expect(results.locator('.sw-badge-unmatched')).toContainText('earned 2022-03-01');
    await expect(root.locator('.sw-marked-list .sw-held')).toHaveCount(1);

    await expectNoAxeViolations(page, `add badges ${width}`, problems);
    await shot(page, `add-badges-en-${width}`);
    expect(await problems()).toEqual([]);
  });
}

test('"Add my badges" works in French', async ({ page }) => {
  const problems = await watchForProblems(page);
  await page.goto(demoUrl({ lang: 'fr', feed: BADGE_FEED, view: 'plan', goal: 'analytics-certificate' }));
  await waitForWidget(page);
  const root = widget(page);
  await root.getByRole('button', { name: 'Ajouter mes badges' }).click();
  await root.getByLabel('Choisir un fichier de badge').setInputFiles('tests/fixtures/ob3-data-foundations.json');
  await expect(root.locator('.sw-badge-results')).toContainText('1 titre a été marqué comme obtenu grâce à vos badges.');
  await expectNoAxeViolations(page, 'add badges fr', problems);
  expect(await problems()).toEqual([]);
});

test('the badge reader that fails to load shows an error and can be retried', async ({ page }) => {
  const problems = await watchForProblems(page, { allow: [/split_interop/, /Failed to load resource/, /TypeError: Failed to fetch/] });
  await page.route(INTEROP, (route) => route.abort());
  await page.goto(demoUrl({ feed: BADGE_FEED, view: 'plan' }));
  await waitForWidget(page);
  const root = widget(page);
  await root.getByRole('button', { name: 'Add my badges' }).click();
  const alert = root.locator('.sw-add-badges').getByRole('alert');
  await expect(alert).toContainText('The badge reader could not be loaded.', { timeout: 15_000 });

  await page.unroute(INTEROP);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(root.getByLabel('Choose a badge file')).toBeAttached({ timeout: 15_000 });
  expect(await problems()).toEqual([]);
});

test('a CTDL pathway URL works as the feed', async ({ page }) => {
  const problems = await watchForProblems(page);
  const urls = watchRequests(page);
  await page.goto(demoUrl({ feed: CTDL_FEED, view: 'explore' }));
  await waitForWidget(page);
  const root = widget(page);
  for (const title of ['Data Foundations', 'Statistics for Business', 'Forecasting', 'Power BI Micro-credential']) {
    await expect(root.getByText(title, { exact: true }).first()).toBeVisible();
  }
  expect(urls.some((url) => INTEROP.test(url))).toBe(true);
  expect(urls.filter((url) => OLD_INTEROP.test(url))).toEqual([]);
  await root.getByRole('button', { name: 'Pathways' }).click();
  await expect(root.getByText('Business Analytics Certificate Pathway')).toBeVisible();
  await expectNoAxeViolations(page, 'CTDL feed', problems);
  await shot(page, 'ctdl-feed-en-1280');
  expect(await problems()).toEqual([]);
});

/** The name of every component of a CTDL pathway (each node that is neither the pathway, an
 *  organization, a condition nor a progression model), read from the JSON-LD itself. */
function componentNames(file) {
  const graph = JSON.parse(readFileSync(file, 'utf8'))['@graph'];
  const notComponents = /^(ceterms:(Pathway|CredentialOrganization|ComponentCondition)|asn:)/;
  const text = (value) => (typeof value === 'string' ? value : Object.values(value ?? {})[0]);
  return graph
    .filter((node) => ![node['@type']].flat().some((type) => notComponents.test(type)))
    .map((node) => text(node['ceterms:name'] ?? node['ceasn:name']).trim());
}

test('a registry CTDL pathway: every component in Explore and on the map, headed by its organization, read by the widget\'s own core', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const problems = await watchForProblems(page);
  const urls = watchRequests(page);
  const names = componentNames(REGISTRY_PATHWAY);
  expect(names).toHaveLength(53);
  await page.goto(demoUrl({ feed: REGISTRY_PATHWAY, view: 'explore' }));
  await waitForWidget(page);
  const root = widget(page);
  await expect(root.locator('.sw-heading')).toHaveText('Northern Lakes College');
  // Explore lists 25 at a time: show them all, then every component's name is there.
  // The "show more" button is drawn with the first results, after the heading: click it until
  // every result is there, retrying while it is not drawn yet.
  const more = root.locator('.sw-explore > button');
  await expect(async () => {
    if (await more.count()) await more.click();
    expect(await root.locator('.sw-result').count()).toBe(names.length);
  }).toPass();
  const listed = await root.locator('.sw-result-title').allInnerTexts();
  expect(names.filter((name) => !listed.some((title) => title.includes(name)))).toEqual([]);

  // The whole map draws a box for each, named for screen readers by its title.
  await root.getByRole('button', { name: 'Map' }).click();
  const whole = root.getByRole('button', { name: 'Whole map', exact: true });
  if ((await whole.getAttribute('aria-pressed')) !== 'true') await whole.click();
  await expect(root.locator('.sw-node')).toHaveCount(names.length);
  const boxes = await root.locator('.sw-node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
  expect(names.filter((name) => !boxes.some((label) => label.startsWith(`${name}, `)))).toEqual([]);

  // Read by the widget's interop module, never by the old separate package.
  expect(urls.some((url) => INTEROP.test(url))).toBe(true);
  expect(urls.filter((url) => OLD_INTEROP.test(url))).toEqual([]);
  expect(await problems()).toEqual([]);
});
