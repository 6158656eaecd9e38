// The embed builder (www/builder.html) as a designer uses it: the sample feed is checked live,
// a goal, a view, a language and a height are chosen, the preview shows the widget with them,
// and every snippet carries them: the custom element with the loader's SRI hash from the
// build's integrity.json (and that snippet loads the widget in a plain page), the iframe for
// Moodle, D2L Brightspace and Canvas with their steps. A broken feed shows the validator's
// findings; a missing one says why. Zero axe violations, EN and FR, at 320, 768 and 1280 px.
import { readFileSync, mkdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { chromiumArgs } from '../../playwright.config.mjs';

// One test pastes the snippet into a page of another site served by Playwright, which
// Chromium's local-network checks treat as a public site loading a local one; a real LMS page
// loading a public Stackway is not affected, so the check is off for this file (as in
// widget-iframe.spec.mjs).
test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [...chromiumArgs, '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessChecks'],
  },
});

const ARTIFACTS = 'tests/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });
const sample = JSON.parse(readFileSync('www/feeds/sample.json', 'utf8'));
const integrity = JSON.parse(readFileSync('pkg/widget/integrity.json', 'utf8'));
const GOAL = 'cert-data-analytics';
const goal = sample.credentials.find((c) => c.id === GOAL);

const WORDS = {
  en: { valid: 'The feed is valid', goal: 'Goal shown first', view: 'View', lang: 'Language of the widget', height: 'Height in pixels (iframe)', copy: 'Copy the Moodle snippet', errors: /error\(s\)/ },
  fr: { valid: 'Le flux est valide', goal: 'Objectif affiché d’abord', view: 'Vue', lang: 'Langue du widget', height: 'Hauteur en pixels (iframe)', copy: 'Copier l’extrait Moodle', errors: /erreur\(s\)/ },
};

/** Console errors, uncaught exceptions and CSP violations of the page and its frames. */
function watch(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  return problems;
}

const snippet = (page, key) => page.locator(`[data-snippet="${key}"] code`);

for (const lang of ['en', 'fr']) {
  const w = WORDS[lang];
  test(`a designer builds a snippet in ${lang}: live check, choices, preview, snippets, copy`, async ({ page, context, baseURL }) => {
    const problems = watch(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
    const response = await page.goto(lang === 'fr' ? '/www/builder.html?lang=fr' : '/www/builder.html');
    expect(response.headers()['content-security-policy']).toContain("connect-src 'self' https:");
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('#feed-status')).toContainText(w.valid, { timeout: 20_000 });
    await expect(page.locator('#feed-status')).toContainText(String(sample.credentials.length));

    // Each control is found by its accessible name (its label's own words come first in it).
    const control = (name) => page.getByRole(name === w.height ? 'spinbutton' : 'combobox', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) });
    await control(w.goal).selectOption(GOAL);
    await control(w.view).selectOption('plan');
    await control(w.lang).selectOption(lang);
    await control(w.height).fill('720');
    await control(w.height).press('Tab');

    // The preview is the iframe page with the choices, and it shows the widget.
    const preview = page.locator('#preview');
    await expect(preview).toHaveAttribute('src', new RegExp(`goal=${GOAL}&view=plan&lang=${lang}`));
    await expect(preview).toHaveAttribute('height', '720');
    // The plan view opens on the chosen goal, in the chosen language.
    const chosen = page.frameLocator('#preview').locator(`option[value="${GOAL}"]`).first();
    await expect(chosen).toHaveJSProperty('selected', true, { timeout: 20_000 });
    await expect(chosen).toHaveText(goal.title[lang]);

    // The custom element: the content-hashed loader with its SRI hash, and every choice.
    const element = await snippet(page, 'element').textContent();
    expect(element).toContain(`/pkg/widget/${integrity.loader}"`);
    expect(element).toContain(`integrity="${integrity.files[integrity.loader]}" crossorigin="anonymous"`);
    for (const part of ['feed="http', `goal="${GOAL}"`, 'view="plan"', `lang="${lang}"`, '<stackway-pathways']) {
      expect(element).toContain(part);
    }
    // The iframes, and the two or three steps of each LMS.
    for (const lms of ['moodle', 'brightspace', 'canvas']) {
      const code = await snippet(page, lms).textContent();
      expect(code).toMatch(new RegExp(`^<iframe src="http://[^"]+/www/embed\\.html\\?feed=http[^"]+&amp;goal=${GOAL}&amp;view=plan&amp;lang=${lang}"`));
      expect(code).toContain('height="720"');
      const steps = await page.locator(`[data-snippet="${lms}"] ol li`).count();
      expect(steps).toBeGreaterThanOrEqual(2);
      expect(steps).toBeLessThanOrEqual(3);
    }
    // Copy puts exactly the snippet on the clipboard, and says so.
    await page.getByRole('button', { name: w.copy }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet(page, 'moodle').textContent());
    await expect(page.locator('#copied')).toContainText('Moodle');

    // Repeated buttons have unique names.
    const names = await page.locator('#snippets button').allTextContents();
    expect(new Set(names).size).toBe(4);
    expect(problems).toEqual([]);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

    for (const width of [320, 768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `nothing wider than ${width} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${ARTIFACTS}/builder-${lang}-${width}.png`, fullPage: true, caret: 'initial' });
    }
  });
}

test('the custom-element snippet loads the widget from the content-hashed files, integrity checked', async ({ page, baseURL }) => {
  await page.goto('/www/builder.html');
  await expect(page.locator('#feed-status')).toContainText(WORDS.en.valid, { timeout: 20_000 });
  const code = await snippet(page, 'element').textContent();
  const problems = watch(page);
  // A page of another site (no CSP of ours) pasting the snippet as it is.
  const lms = new URL('/lms-page', baseURL);
  lms.hostname = 'localhost';
  await page.route(lms.href, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><title>LMS</title><body>${code}</body></html>` }));
  await page.goto(lms.href);
  await expect(page.getByText(sample.credentials.find((c) => c.requires).title.en).first()).toBeVisible({ timeout: 20_000 });
  expect(problems).toEqual([]);
});

test('a feed with errors shows the validator findings, and a missing feed says why', async ({ page }) => {
  await page.goto('/www/builder.html?lang=fr');
  await expect(page.locator('#feed-status')).toContainText(WORDS.fr.valid, { timeout: 20_000 });
  const input = page.getByLabel('Adresse du flux');
  // Typing checks live (no button): a feed with errors.
  await input.fill(new URL('/tests/fixtures/tiny-feed.json', page.url()).href.replace('tiny-feed', 'broken-feed'));
  await expect(page.locator('#feed-status')).toContainText('HTTP 404', { timeout: 20_000 });
  await page.route('**/broken-feed.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: '{"stackway": 1, "id": "broken", "credentials": [{"id": "a", "title": {"en": "A"}, "requires": {"all": ["missing"]}}]}',
  }));
  await page.getByRole('button', { name: 'Vérifier le flux' }).click();
  await expect(page.locator('#feed-status')).toContainText(WORDS.fr.errors, { timeout: 20_000 });
  await expect(page.locator('#findings-box')).toBeVisible();
  await expect(page.locator('#findings li').first()).toContainText(/Erreur \S+/);
  // The preview of a broken feed is the widget's error state, checked by its own tests.
  const axe = await new AxeBuilder({ page }).exclude('#preview').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
});
