// Stackway Studio end to end: the editor against a real `stackway studio` server, in headless
// Chromium. Each test starts its own server on a free port with a feed in a temporary folder.
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startStudio, waitForStudio, engineAnswers, shot, ARTIFACTS, STACKWAY } from './studio-helpers.mjs';
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
  // The credential form has a field for every property the field table gives a credential
  // (read from `stackway schema`, which is built from the same table): a field added to the
  // table shows up in the form or fails here.
  const schema = JSON.parse(execFileSync(STACKWAY, ['schema'], { encoding: 'utf8' }));
  const keys = Object.keys(schema.$defs.credential.properties);
  expect(keys.length).toBeGreaterThan(15);
  const at = (await page.locator('.credential-form [data-path$="/title"]').first().getAttribute('data-path')).replace(/\/title$/, '');
  for (const key of keys) {
    await expect(page.locator(`.credential-form [data-path="${at}/${key}"]`), key).toHaveCount(1);
  }
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
    await field(page, `${at}/cost/currency`).selectOption('CAD');
    if (c.prerequisite) {
      await page.locator(`#${fieldId(`${at}/prerequisites`)}-start`).selectOption('credential');
      await field(page, `${at}/prerequisites`).fill(c.prerequisite);
      await field(page, `${at}/prerequisites`).press('Enter');
    }
  }

  await addCredential(page, { id: 'cert-green-building', en: 'Certificate in Sustainable Building Retrofits', kind: 'certificate' });
  const req = '/credentials/4/requires';
  // The form's words are the field table's (crates/stackway-feed/src/field_table/v1.rs).
  await expect(page.locator(`[data-path="${req}"] > legend`)).toHaveText('Earned by stacking');
  await expect(page.locator(`[data-path="/credentials/4/hours"] .help`)).toHaveText('Learning hours. From 0 to 100,000.');
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

test('opening the sample and saving it without edits leaves it byte for byte; an edit changes only its line', async ({ page }) => {
  studio = await startStudio();
  const original = readFileSync('www/feeds/sample.json', 'utf8');
  await page.goto(studio.url);
  await waitForStudio(page);
  await page.locator('#save').click();
  await expect(page.locator('.notice')).toContainText('Saved');
  expect(studio.read() === original, 'the saved file equals the sample').toBe(true);

  await page.locator('#credential-search').fill('heat pump');
  await page.locator('.rows li button').first().click();
  const title = page.locator('#credential-heading');
  await expect(title).toHaveText('Heat Pump Systems');
  const index = await page.locator('[data-path$="/title"] input').first().getAttribute('id');
  await page.locator(`#${index}`).fill('Heat Pump Systems and Controls');
  await page.keyboard.press('Control+s');
  await expect(page.locator('#save-status')).toHaveText('All changes saved');
  const before = original.split('\n');
  const after = studio.read().split('\n');
  expect(after.length).toBe(before.length);
  const changed = after.filter((line, i) => line !== before[i]);
  expect(changed).toEqual(['        "en": "Heat Pump Systems and Controls",']);
  // The previous version is kept beside it.
  expect(readFileSync(`${studio.file}.bak`, 'utf8') === original).toBe(true);
});

test('undo and redo, by buttons and by keyboard, and the unsaved-changes guard', async ({ page }) => {
  studio = await startStudio();
  await page.goto(studio.url);
  await waitForStudio(page);
  await page.locator('#nav-feed').click();
  const name = field(page, '/provider/name/en');
  await expect(name).toHaveValue('Trillium Valley College');
  await name.fill('Trillium College');
  await expect(page.locator('#save-status')).toHaveText('Unsaved changes');
  await field(page, '/id').click();
  await field(page, '/id').pressSequentially('-x');
  await expect(field(page, '/id')).toHaveValue('trillium-college-x');

  await page.keyboard.press('Control+z');
  await expect(field(page, '/id')).toHaveValue('trillium-college');
  await page.keyboard.press('Control+z');
  await expect(name).toHaveValue('Trillium Valley College');
  await expect(page.locator('#save-status')).toHaveText('All changes saved');
  await expect(page.locator('#undo')).toBeDisabled();
  await page.keyboard.press('Control+Shift+z');
  await expect(name).toHaveValue('Trillium College');
  await page.locator('#redo').click();
  await expect(field(page, '/id')).toHaveValue('trillium-college-x');
  await page.locator('#undo').click();
  await expect(field(page, '/id')).toHaveValue('trillium-college');

  // Leaving with unsaved changes asks first.
  let asked = false;
  page.on('dialog', async (dialog) => {
    asked = dialog.type() === 'beforeunload';
    await dialog.dismiss();
  });
  await page.goto('about:blank', { waitUntil: 'commit' }).catch(() => {});
  await page.waitForTimeout(300);
  expect(asked).toBe(true);
});

test('a file changed on disk is not overwritten without a choice', async ({ page }) => {
  studio = await startStudio();
  await page.goto(studio.url);
  await waitForStudio(page);
  await page.locator('#nav-feed').click();
  await field(page, '/provider/name/en').fill('Ours');
  const theirs = readFileSync(studio.file, 'utf8').replace('Trillium Valley College', 'Theirs');
  writeFileSync(studio.file, theirs);
  await page.locator('#save').click();
  const dialog = page.locator('#conflict');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('The file changed on disk');
  expect(studio.read()).toBe(theirs);
  await shot(page, 'conflict-1280');

  // Open the version on disk: theirs is shown, and Undo brings ours back.
  await page.locator('#conflict-reload').click();
  await expect(dialog).toBeHidden();
  await expect(field(page, '/provider/name/en')).toHaveValue('Theirs');
  await page.locator('#undo').click();
  await expect(field(page, '/provider/name/en')).toHaveValue('Ours');

  // Save again after another outside change, and choose to replace it.
  writeFileSync(studio.file, theirs.replace('Theirs', 'Theirs again'));
  await page.locator('#save').click();
  await expect(dialog).toBeVisible();
  await page.locator('#conflict-overwrite').click();
  await expect(page.locator('#save-status')).toHaveText('All changes saved');
  expect(studio.read()).toContain('"en": "Ours"');
  expect(readFileSync(`${studio.file}.bak`, 'utf8')).toContain('Theirs again');
});

test('a diagnostic appears at its field and the problems list jumps to it', async ({ page }) => {
  const sample = JSON.parse(readFileSync('www/feeds/sample.json', 'utf8'));
  const cert = sample.credentials.findIndex((c) => c.id === 'cert-green-building');
  sample.credentials[cert].requires.all[0] = 'green-building-sciense';
  studio = await startStudio({ text: JSON.stringify(sample, null, 2) + '\n' });
  await page.goto(studio.url);
  await waitForStudio(page);
  await page.locator('#tab-problems').click();
  const entry = page.locator('.problem').filter({ hasText: 'green-building-sciense' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('did you mean `green-building-science`');
  await entry.locator('.jump').click();
  const leaf = field(page, `/credentials/${cert}/requires/all/0`);
  await expect(leaf).toBeFocused();
  await expect(leaf).toHaveValue('green-building-sciense');
  // The same diagnostic is shown right at the field.
  const node = page.locator(`[data-path="/credentials/${cert}/requires/all/0"]`);
  await expect(node.locator('.diag-error')).toContainText('no credential has the id `green-building-sciense`');
  await shot(page, 'diagnostic-at-field-1280');
  // Fixing it clears it, at the field and in the list.
  await leaf.fill('green-building-science');
  await expect(node.locator('.diag-error')).toHaveCount(0);
  await expect(page.locator('.problem-summary')).toHaveText('No problems: this feed is ready to publish.');
});

test('the API refuses requests without the token, from another origin, or to another host', async ({ page, request }) => {
  studio = await startStudio();
  const api = `${studio.origin}/api/feed`;
  const before = studio.read();
  // No token.
  let response = await request.get(api);
  expect(response.status()).toBe(401);
  response = await request.put(api, { data: '{}', headers: { 'If-Match': 'x' } });
  expect(response.status()).toBe(401);
  // The token, from a foreign origin.
  response = await request.put(api, {
    data: '{}',
    headers: { 'X-Stackway-Token': studio.token, Origin: 'http://evil.example', 'If-Match': 'x' },
  });
  expect(response.status()).toBe(403);
  // Another host name (DNS rebinding).
  response = await request.get(api, { headers: { 'X-Stackway-Token': studio.token, Host: 'evil.example' } });
  expect(response.status()).toBe(421);
  // A real page on another origin (the demo server) cannot write even knowing the token:
  // the browser's preflight carries its Origin and is refused.
  await page.goto('/index.html');
  const outcome = await page.evaluate(async ({ api, token }) => {
    try {
      const r = await fetch(api, { method: 'PUT', headers: { 'X-Stackway-Token': token, 'If-Match': 'x' }, body: '{}' });
      return `status ${r.status}`;
    } catch (error) {
      return `refused: ${error.message}`;
    }
  }, { api, token: studio.token });
  expect(outcome).toMatch(/^refused/);
  expect(studio.read()).toBe(before);
  // And the studio's own page, opened without the link's token, says what to do.
  await page.goto(`${studio.origin}/`);
  await expect(page.locator('.notice-error')).toContainText('stackway studio');
});

test('hostile text in a feed is shown as text', async ({ page }) => {
  const sample = JSON.parse(readFileSync('www/feeds/sample.json', 'utf8'));
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  sample.credentials[0].title.en = hostile;
  sample.provider.name.en = hostile;
  studio = await startStudio({ text: JSON.stringify(sample, null, 2) + '\n' });
  const problems = await watchForProblems(page);
  await page.goto(studio.url);
  await waitForStudio(page);
  await expect(page.locator('.rows li').first()).toContainText(hostile);
  await page.locator('.rows li button').first().click();
  await expect(page.locator('#credential-heading')).toHaveText(hostile);
  await expect(field(page, '/credentials/0/title/en')).toHaveValue(hostile);
  await page.waitForTimeout(1200); // the preview redraws
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await problems()).toEqual([]);
});

test('learner pages never download the studio', async ({ page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/index.html');
  await expect(page.locator('stackway-pathways .sw-tabs').first()).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(500);
  expect(requested.some((p) => p.includes('/pkg/studio/'))).toBe(false);
  expect(requested.some((p) => p.endsWith('stackway_bg.wasm'))).toBe(true);
});

/** Presses Tab until the element matching `selector` has the focus (keyboard only). */
async function tabTo(page, selector, max = 150) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('keyboard only: add a micro-credential and make it count toward a certificate', async ({ page }) => {
  studio = await startStudio();
  await page.goto(studio.url);
  await waitForStudio(page);
  await tabTo(page, '#add-credential');
  await page.keyboard.press('Enter');
  await expect(page.locator('#new-credential-title')).toBeFocused();
  await page.keyboard.type('Geothermal Systems');
  await page.keyboard.press('Tab');
  await expect(page.locator('#new-credential-kind')).toBeFocused();
  await expect(page.locator('#new-credential-kind')).toHaveValue('micro-credential');
  await page.keyboard.press('Tab');
  await expect(page.locator('#new-credential-id')).toHaveValue('geothermal-systems');
  await page.keyboard.press('Enter');
  await expect(page.locator('#credential-heading')).toHaveText('Geothermal Systems');
  await expect(field(page, '/credentials/45/title/en')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Systèmes géothermiques');

  await tabTo(page, '#count-toward-choice');
  const choice = page.locator('#count-toward-choice');
  for (let i = 0; i < 20 && !(await choice.evaluate((s) => s.selectedOptions[0]?.text.includes('cert-green-building'))); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Tab');
  await expect(page.locator('#count-toward-add')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#counts-toward')).toContainText('Certificate in Sustainable Building Retrofits (cert-green-building)');

  await page.keyboard.press('Control+s');
  await expect(page.locator('#save-status')).toHaveText('All changes saved');
  const saved = JSON.parse(studio.read());
  const cert = saved.credentials.find((c) => c.id === 'cert-green-building');
  expect(cert.requires.all).toContain('geothermal-systems');
  const added = saved.credentials.find((c) => c.id === 'geothermal-systems');
  expect(added).toEqual({ id: 'geothermal-systems', kind: 'micro-credential', title: { en: 'Geothermal Systems', fr: 'Systèmes géothermiques' } });
});

test('without a server: open a file, edit, download, and find the draft again', async ({ page }) => {
  const problems = await watchForProblems(page);
  await page.goto('/pkg/studio/');
  await expect(page.locator('#welcome-heading')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('#welcome-open').click();
  await (await chooser).setFiles('www/feeds/sample.json');
  await waitForStudio(page);
  await expect(page.locator('#save')).toHaveCount(0);
  await page.locator('#nav-feed').click();
  await field(page, '/provider/name/en').fill('Trillium College (draft)');
  await expect(page.locator('#save-status')).toHaveText('Unsaved changes');

  const download = page.waitForEvent('download');
  await page.locator('#download').click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text).provider.name.en).toBe('Trillium College (draft)');
  expect(text).toBe(readFileSync('www/feeds/sample.json', 'utf8').replace('"en": "Trillium Valley College"', '"en": "Trillium College (draft)"'));
  await expect(page.locator('#save-status')).toHaveText('All changes saved');

  // A draft of unsaved work survives leaving the page.
  await field(page, '/provider/name/en').fill('Trillium College (second draft)');
  await page.waitForTimeout(1500);
  page.on('dialog', (dialog) => dialog.accept());
  await page.reload();
  await waitForStudio(page);
  await expect(page.locator('.notice')).toContainText('Restored the draft');
  await page.locator('#nav-feed').click();
  await expect(field(page, '/provider/name/en')).toHaveValue('Trillium College (second draft)');
  expect(await problems()).toEqual([]);
});

test('a CTDL pathway is imported and replaces the open feed, and Undo brings it back', async ({ page }) => {
  studio = await startStudio();
  await page.goto(studio.url);
  await waitForStudio(page);
  await expect(page.locator('.rows li')).toHaveCount(45);
  await page.locator('#import').click();
  await page.locator('#import-file').setInputFiles('tests/fixtures/ctdl-pathway.json');
  await expect(page.locator('.import-result')).toContainText(/Found \d+ credentials/);
  await page.locator('#import-apply').click();
  await expect(page.locator('#import-dialog')).toBeHidden();
  await expect(page.locator('.notice')).toContainText('Imported');
  const imported = await page.locator('.rows li').count();
  expect(imported).toBeGreaterThan(0);
  expect(imported).not.toBe(45);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.rows li')).toHaveCount(45);
});

/** The import dialog's problems as [sheet, row, column, text] rows. */
async function importProblems(page) {
  return page.locator('.import-problems tbody tr').evaluateAll((rows) => rows.map((row) =>
    [...row.querySelectorAll('td')].map((td) => td.textContent.replace(/\s+/g, ' ').trim())));
}

/** Where stackway-sheet's fixtures with errors have them (crates/stackway-sheet/tests/import.rs):
 *  [row, column letter and header, severity, words of the problem]. */
const SHEET_ERRORS = [
  ['2', 'I colour', 'Warning', 'unknown key `colour`'],
  ['3', 'B kind', 'Error', 'unknown kind `module`'],
  ['4', 'F hours', 'Error', 'ten'],
  ['5', 'H requires', 'Error', 'mc-zz'],
  ['6', 'H requires', 'Error', 'unexpected `mc-c`'],
  ['7', 'A id', 'Error', ''],
  ['8', 'E url', 'Error', 'javascript:alert(1)'],
];

for (const [file, sheet] of [['errors.csv', 'errors.csv'], ['errors.xlsx', 'credentials']]) {
  test(`a spreadsheet with errors (${file.split('.')[1].toUpperCase()}): every problem at its sheet, row and column`, async ({ page }) => {
    studio = await startStudio();
    const problems = await watchForProblems(page);
    await page.goto(studio.url);
    await waitForStudio(page);
    await page.locator('#import').click();
    await page.locator('#import-file').setInputFiles(`crates/stackway-sheet/tests/data/${file}`);
    await expect(page.locator('.import-result')).toContainText(/Found 7 credentials, with \d+ problems/);
    const rows = await importProblems(page);
    for (const [row, column, severity, words] of SHEET_ERRORS) {
      const found = rows.find((r) => r[0] === sheet && r[1] === row && r[2] === column);
      expect(found, `${sheet} row ${row} column ${column} in ${JSON.stringify(rows, null, 1)}`).toBeTruthy();
      expect(found[3]).toContain(words);
      expect(found[3].startsWith(`${severity}: `), found[3]).toBe(true);
    }
    await expectNoAxeViolations(page, `import ${file}`, problems);
    await page.screenshot({ path: `${ARTIFACTS}/import-${file.replace('.', '-')}-1280.png` });
    await page.setViewportSize({ width: 768, height: 900 });
    await page.screenshot({ path: `${ARTIFACTS}/import-${file.replace('.', '-')}-768.png` });
    // In French, the place keeps the spreadsheet's own letters and numbers.
    if (file.endsWith('.xlsx')) {
      // The dialog offers the templates, served next to the studio.
      for (const [link, template] of [['#template-xlsx', 'stackway-feed.xlsx'], ['#template-csv', 'stackway-credentials.csv']]) {
        const href = new URL(await page.locator(link).getAttribute('href'), page.url()).href;
        const response = await page.request.get(href);
        expect(response.status(), href).toBe(200);
        expect(Buffer.compare(await response.body(), readFileSync(`www/templates/${template}`))).toBe(0);
      }
      await page.locator('#import-dialog button', { hasText: 'Cancel' }).click();
      await page.locator('#ui-lang').selectOption('fr');
      await page.locator('#import').click();
      await page.locator('#import-file').setInputFiles(`crates/stackway-sheet/tests/data/${file}`);
      await expect(page.locator('.import-problems thead')).toContainText('Feuille');
      const fr = await importProblems(page);
      expect(fr.find((r) => r[1] === '3' && r[2] === 'B kind')[3]).toContain("Ce n'est pas l'un des neuf types.");
      expect(fr.find((r) => r[1] === '6')[3]).toContain("L'expression d'exigences est illisible");
      await expectNoAxeViolations(page, `import ${file}`, problems);
      await page.screenshot({ path: `${ARTIFACTS}/import-${file.replace('.', '-')}-768-fr.png` });
    }
    // Nothing is dropped: what could not be read is in the feed, where the editor shows it.
    await page.locator('#import-apply').click();
    await expect(page.locator('#import-dialog')).toBeHidden();
    await expect(page.locator('.rows li')).toHaveCount(7);
    await page.locator('#save').click();
    await expect(page.locator('#save-status')).toHaveText(/Toutes les modifications|All changes saved/);
    const saved = JSON.parse(studio.read());
    expect(saved.credentials.find((c) => c.id === 'mc-c').hours).toBe('ten');
    expect(saved.credentials.find((c) => c.id === 'mc-b').kind).toBe('module');
    // The sample's provider (not in the spreadsheet) stays.
    expect(saved.provider.id).toBe(JSON.parse(readFileSync('www/feeds/sample.json', 'utf8')).provider.id);
    expect(await problems()).toEqual([]);
  });
}

test("a workbook in the template builds a feed from nothing, and the saved file gives the sample's engine answers", async ({ page }) => {
  studio = await startStudio(null);
  const problems = await watchForProblems(page);
  await page.goto(studio.url);
  await waitForStudio(page);
  await page.locator('#import').click();
  await page.locator('#import-file').setInputFiles('crates/stackway-sheet/tests/data/valid.xlsx');
  await expect(page.locator('.import-result')).toContainText('Found 8 credentials, with no problem.');
  await page.locator('#import-apply').click();
  await expect(page.locator('.notice')).toContainText('Imported 8 credentials from valid.xlsx');
  await expect(page.locator('.rows li')).toHaveCount(8);
  await expect(page.locator('.problem-summary')).toContainText(/No problems/);
  await page.locator('#save').click();
  await expect(page.locator('#save-status')).toHaveText('All changes saved');
  // The workbook holds the sample's Certificate in Data Analytics: the same credentials, and the
  // same engine answers as the sample reduced to them (its equivalences and other credentials
  // would offer other routes).
  const saved = JSON.parse(studio.read());
  const ids = saved.credentials.map((c) => c.id);
  const sampleFeed = JSON.parse(readFileSync('www/feeds/sample.json', 'utf8'));
  expect(saved.credentials).toEqual(ids.map((id) => sampleFeed.credentials.find((c) => c.id === id)));
  const reduced = { ...sampleFeed, credentials: saved.credentials };
  delete reduced.equivalences;
  delete reduced.pathways;
  writeFileSync(`${studio.dir}/reduced-sample.json`, JSON.stringify(reduced));
  for (const have of [[], ['data-foundations'], ['data-foundations', 'data-sql', 'data-python-1'],
    ['data-foundations', 'data-spreadsheets', 'data-sql', 'data-statistics', 'data-visualization']]) {
    expect(engineAnswers(studio.file, { goal: 'cert-data-analytics', have }), `holding ${have.join(', ') || 'nothing'}`)
      .toEqual(engineAnswers(`${studio.dir}/reduced-sample.json`, { goal: 'cert-data-analytics', have }));
  }
  // The import is one step: Undo brings the empty feed back.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.rows li')).toHaveCount(0);
  expect(await problems()).toEqual([]);
});
