// Every view of the widget renders the test feed in English and French, at phone, tablet and desktop
// widths, with zero axe violations, no console error and no CSP violation; a screenshot of each
// is saved under tests/artifacts/widget/.
import { test, expect } from '@playwright/test';
import { shot, ARTIFACTS, demoUrl, expectNoAxeViolations, waitForWidget, watchForProblems, widget } from './widget-helpers.mjs';

const VIEWS = {
  programs: { en: 'Certificate in Data Analysis', fr: 'Certificat en analyse de données' },
  map: { en: 'Diploma in Business', fr: 'Diplôme en analytique' },
  explore: { en: 'SQL Essentials', fr: 'Notions essentielles de SQL' },
  plan: { en: 'Choose a goal', fr: 'Choisissez un objectif' },
  pathways: { en: 'Become a data analyst', fr: 'Devenir analyste de données' },
};

for (const lang of ['en', 'fr']) {
  for (const [view, expected] of Object.entries(VIEWS)) {
    for (const width of [320, 768, 1280]) {
      test(`${view} view in ${lang} at ${width} px`, async ({ page }) => {
        const problems = await watchForProblems(page);
        await page.setViewportSize({ width, height: 900 });
        await page.goto(demoUrl({ lang, view }));
        await waitForWidget(page);
        const root = widget(page);
        await expect(root).toHaveAttribute('lang', lang);
        await expect(root.locator('.sw-view')).toHaveAttribute('data-view', view);
        if (view === 'map') {
          // The full title is the accessible name of its box (or of its stop, on a phone).
          await expect(root.getByRole('button', { name: new RegExp(expected[lang]) })).toBeVisible();
        } else {
          await expect(root.getByText(expected[lang]).first()).toBeVisible();
        }
        // Usable at this width: nothing sticks out sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await expectNoAxeViolations(page, `${view} ${lang} ${width}px`, problems);
        await shot(page, `${view}-${lang}-${width}`);
        expect(await problems()).toEqual([]);
      });
    }
  }
}

test('the detail panel shows a credential with a safe external link', async ({ page }) => {
  const problems = await watchForProblems(page);
  await page.goto(demoUrl({ view: 'explore' }));
  await waitForWidget(page);
  const root = widget(page);
  await root.getByRole('button', { name: 'SQL Essentials', exact: true }).click();
  const detail = root.locator('.sw-detail');
  await expect(detail.getByRole('heading', { name: 'SQL Essentials' })).toBeFocused();
  const link = detail.getByRole('link', { name: /Visit the institution/ });
  await expect(link).toHaveAttribute('href', 'https://harbour.example.org/credentials/sql');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expectNoAxeViolations(page, 'detail', problems);
  await shot(page, `detail-en-1280`);
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  expect(await problems()).toEqual([]);
});

test('explore filters as one types', async ({ page }) => {
  await page.goto(demoUrl({ view: 'explore' }));
  await waitForWidget(page);
  const root = widget(page);
  await root.getByRole('searchbox').fill('donnees');
  // Accent-insensitive, in every language of the feed.
  await expect(root.locator('.sw-count')).toHaveText(/credentials match/);
  await root.getByRole('searchbox').fill('ethique');
  await expect(root.locator('.sw-count')).toHaveText('One credential matches.');
  await expect(root.getByRole('button', { name: 'Data Ethics', exact: true })).toBeVisible();
  await root.getByRole('searchbox').fill('');
  await root.getByLabel('Maximum weeks').fill('3');
  await expect(root.locator('.sw-result')).toHaveCount(4);
});
