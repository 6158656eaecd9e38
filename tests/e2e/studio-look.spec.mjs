// Stackway Studio as a person sees it: every view in English and French at 1280, 768 and 320
// px, with axe-core (WCAG 2.2 AA) at zero violations, nothing wider than the screen, and
// screenshots in tests/artifacts/studio/ to look at.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startStudio, waitForStudio, shotParts } from './studio-helpers.mjs';
import { watchForProblems, expectNoAxeViolations } from './widget-helpers.mjs';

let studio;
test.afterEach(() => studio?.stop());

/** The sample with one misspelt reference, so that problems show at a field and in the list. */
function sampleWithAProblem() {
  const sample = JSON.parse(readFileSync('www/feeds/sample.json', 'utf8'));
  const cert = sample.credentials.findIndex((c) => c.id === 'cert-green-building');
  sample.credentials[cert].requires.all[0] = 'green-building-sciense';
  delete sample.credentials[cert].title.fr;
  return JSON.stringify(sample, null, 2) + '\n';
}

async function noWiderThanTheScreen(page, label) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, `${label}: page width`).toBeLessThanOrEqual(inner);
}

for (const width of [1280, 768, 320]) {
  for (const lang of ['en', 'fr']) {
    test(`every view at ${width} px in ${lang}: axe, width, screenshots`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      studio = await startStudio({ text: sampleWithAProblem() });
      const problems = await watchForProblems(page);
      await page.goto(studio.url);
      await waitForStudio(page);
      if (lang === 'fr') await page.locator('#ui-lang').selectOption('fr');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const check = async (view) => {
        const label = `${view} ${width} ${lang}`;
        await noWiderThanTheScreen(page, label);
        await expectNoAxeViolations(page, label, problems);
        await shotParts(page, `${view}-${width}-${lang}`);
      };

      await check('credentials');
      await page.locator('#credential-search').fill('green');
      await page.locator('.rows li button').filter({ hasText: /cert-green-building/ }).click();
      await expect(page.locator('#credential-heading')).toBeVisible();
      await check('credential');

      await page.locator('#nav-feed').click();
      await check('feed');
      await page.locator('#nav-skills').click();
      await check('skills');
      await page.locator('#nav-pathways').click();
      await check('pathways');
      await page.locator('#nav-equivalences').click();
      await check('equivalences');

      await page.locator('#tab-problems').click();
      await expect(page.locator('.problem').first()).toBeVisible();
      await check('problems');
      await page.locator('#nav-credentials').click();
      await page.locator('#add-credential').click();
      await check('add-credential');
      await page.locator('#import').click();
      await expect(page.locator('#import-dialog')).toBeVisible();
      await check('import');
      expect(await problems()).toEqual([]);
    });
  }
}
