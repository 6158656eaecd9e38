// Stackway Studio end to end: the editor against a real `stackway studio` server, in headless
// Chromium. Each test starts its own server on a free port with a feed in a temporary folder.
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { startStudio, waitForStudio, engineAnswers, shot } from './studio-helpers.mjs';
import { watchForProblems, expectNoAxeViolations } from './widget-helpers.mjs';

/** The DOM id of the field editing the value at a JSON Pointer (as `Path::dom_id` makes it). */
function fieldId(pointer) {
  const steps = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return 'f-' + steps.map((s) => s.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0).toString(16)}_`)).join('-');
}
const field = (page, pointer) => page.locator(`#${fieldId(pointer)}`);

let studio;
test.afterEach(() => studio?.stop());

test('a feed opens, every section shows, and nothing breaks the page policy', async ({ page }) => {
  studio = await startStudio();
  const problems = await watchForProblems(page);
  await page.goto(studio.url);
  await waitForStudio(page);
  // The token left the address bar.
  expect(page.url()).not.toContain('token');
  await expect(page.locator('#save-status')).toHaveText('All changes saved');
  for (const section of ['feed', 'institutions', 'skills', 'credentials', 'equivalences', 'pathways']) {
    await page.locator(`#nav-${section}`).click();
    await expect(page.locator('main h2').first()).toBeVisible();
  }
  await page.locator('#nav-credentials').click();
  await expect(page.locator('.rows li')).toHaveCount(45);
  await page.locator('#credential-search').fill('heat pump');
  await expect(page.locator('.rows li')).toHaveCount(1);
  await page.locator('.rows li button').first().click();
  await expect(field(page, '/credentials/39/title/en').or(page.locator('#credential-heading'))).toBeVisible();
  expect(await problems()).toEqual([]);
});

/** The sample's green-building credentials, as an author types them. */
const MICRO = [
  { id: 'green-building-science', en: 'Building Science Fundamentals', fr: 'Fondements de la science du bâtiment', hours: '40', credits: '2', weeks: '5', cost: '495' },
  { id: 'green-energy-audit', en: 'Residential Energy Auditing', fr: 'Audit énergétique résidentiel', hours: '45', credits: '2', weeks: '6', cost: '695', prerequisite: 'green-building-science' },
  { id: 'green-heat-pumps', en: 'Heat Pump Systems', fr: 'Systèmes de thermopompes', hours: '40', credits: '2', weeks: '5', cost: '650' },
  { id: 'green-solar-pv', en: 'Solar PV Design and Installation', fr: 'Conception et installation photovoltaïques', hours: '40', credits: '2', weeks: '5', cost: '650' },
];

async function addCredential(page, { id, en, kind = 'micro-credential' }) {
  await page.locator('#nav-credentials').click();
  await page.locator('#add-credential').click();
  await page.locator('#new-credential-title').fill(en);
  await page.locator('#new-credential-kind').selectOption(kind);
  await page.locator('#new-credential-id').fill(id);
  await page.locator('#add-credential-submit').click();
  await expect(page.locator('#credential-heading')).toHaveText(en);
}

test("the sample's certificate built from an empty feed gives the sample's engine answers", async ({ page }) => {
  test.setTimeout(120_000);
  studio = await startStudio(null);
  const problems = await watchForProblems(page);
  await page.goto(studio.url);
  await waitForStudio(page);
  await expect(page.locator('#save-status')).toHaveText('Unsaved changes');

  await page.locator('#nav-feed').click();
  await field(page, '/id').fill('trillium-college');
  await field(page, '/provider/id').fill('trillium');
  await field(page, '/provider/id').press('Enter');
  await field(page, '/provider/name/en').fill('Trillium Valley College');
  await field(page, '/provider/name/fr').fill('Collège Trillium Valley');

  for (const [i, c] of MICRO.entries()) {
    await addCredential(page, c);
    const at = `/credentials/${i}`;
    await expect(field(page, `${at}/title/en`)).toBeFocused();
    await field(page, `${at}/title/fr`).fill(c.fr);
    await field(page, `${at}/hours`).fill(c.hours);
    await field(page, `${at}/credits`).fill(c.credits);
    await field(page, `${at}/weeks`).fill(c.weeks);
    await field(page, `${at}/cost/amount`).fill(c.cost);
    await field(page, `${at}/cost/currency`).fill('CAD');
    if (c.prerequisite) {
      await page.locator(`#${fieldId(`${at}/prerequisites`)}-start`).selectOption('credential');
      await field(page, `${at}/prerequisites`).fill(c.prerequisite);
      await field(page, `${at}/prerequisites`).press('Enter');
    }
  }

  await addCredential(page, { id: 'cert-green-building', en: 'Certificate in Sustainable Building Retrofits', kind: 'certificate' });
  const req = '/credentials/4/requires';
  await page.locator(`#${fieldId(req)}-start`).selectOption('all');
  await page.getByRole('button', { name: 'Add a credential to Requires' }).click();
  await field(page, `${req}/all/0`).fill('green-building-science');
  await field(page, `${req}/all/0`).press('Enter');
  await page.getByRole('button', { name: 'Add a group to Requires' }).click();
  await field(page, `${req}/all/1`).selectOption('choose');
  await field(page, `${req}/all/1/choose`).fill('2');
  for (const [j, id] of ['green-energy-audit', 'green-heat-pumps', 'green-solar-pv'].entries()) {
    await page.getByRole('button', { name: 'Add a credential to Requires 2', exact: true }).click();
    await field(page, `${req}/all/1/from/${j}`).fill(id);
    await field(page, `${req}/all/1/from/${j}`).press('Enter');
  }
  await page.getByText('Label of Requires 2').click();
  await field(page, `${req}/all/1/label/en`).fill('Technologies');
  await field(page, `${req}/all/1/label/fr`).fill('Technologies');
  await shot(page, 'built-certificate-1280');

  await page.locator('#save').click();
  await expect(page.locator('#save-status')).toHaveText('All changes saved');
  const saved = JSON.parse(studio.read());
  expect(saved.credentials.map((c) => c.id)).toEqual([...MICRO.map((c) => c.id), 'cert-green-building']);

  // What a step opens or completes elsewhere in the sample (its other credentials) is not part of
  // the certificate: both answers are compared over the credentials built here.
  const built = new Set(saved.credentials.map((c) => c.id));
  const within = (answers) => JSON.parse(JSON.stringify(answers), (key, value) =>
    (key === 'opens' || key === 'completes') && Array.isArray(value) ? value.filter((id) => built.has(id)) : value);
  const haves = [[], ['green-building-science'], ['green-energy-audit'], ['green-building-science', 'green-heat-pumps'],
    ['green-building-science', 'green-energy-audit', 'green-solar-pv']];
  for (const have of haves) {
    const ours = within(engineAnswers(studio.file, { goal: 'cert-green-building', have }));
    const sample = within(engineAnswers('www/feeds/sample.json', { goal: 'cert-green-building', have }));
    expect(ours, `engine answers holding ${have.join(', ') || 'nothing'}`).toEqual(sample);
  }
  expect(await problems()).toEqual([]);
});
