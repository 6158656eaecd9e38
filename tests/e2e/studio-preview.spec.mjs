// Stackway Studio's learner preview: the real widget beside the editor, redrawn after edits,
// in English or French, at a phone's or a desktop's width, with what-if marks.
import { test, expect } from '@playwright/test';
import { startStudio, waitForStudio, shot } from './studio-helpers.mjs';
import { watchForProblems } from './widget-helpers.mjs';

let studio;
test.afterEach(() => studio?.stop());

const preview = (page) => page.locator('#preview-host .stackway');

test('the preview shows the feed being edited, in either language, at either width, with what-if marks', async ({ page }) => {
  studio = await startStudio();
  const problems = await watchForProblems(page);
  await page.goto(studio.url);
  await waitForStudio(page);
  await expect(preview(page).getByText('Certificate in Sustainable Building Retrofits').first()).toBeVisible({ timeout: 15_000 });

  // An edit shows in the preview a moment later.
  await page.locator('#credential-search').fill('Sustainable Building');
  await page.locator('.rows li button').first().click();
  const title = page.locator('[data-path$="/title"] input[lang="en"]').first();
  await title.fill('Certificate in Green Retrofits');
  await expect(preview(page).getByText('Certificate in Green Retrofits').first()).toBeVisible({ timeout: 10_000 });

  // French.
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(preview(page).getByText('Certificat en rénovation écoénergétique des bâtiments').first()).toBeVisible({ timeout: 10_000 });

  // Phone and desktop widths.
  const frame = page.locator('.preview-frame');
  await expect(frame).toHaveClass(/phone/);
  expect((await frame.boundingBox()).width).toBeLessThanOrEqual(362);
  await page.getByRole('button', { name: 'Desktop' }).click();
  await expect(frame).toHaveClass(/desktop/);

  // What if a learner holds the building-science micro-credential: the certificate shows progress.
  await page.getByText('What if a learner holds').click();
  await page.locator('#what-if-id').fill('green-building-science');
  await page.getByRole('button', { name: 'Mark as held' }).click();
  await expect(page.locator('.chip')).toContainText('green-building-science');
  await page.getByRole('button', { name: 'English' }).click();
  const card = preview(page).locator('.sw-card, article').filter({ hasText: 'Certificate in Green Retrofits' }).first();
  await expect(card).toContainText(/1 of 3|33/, { timeout: 10_000 });
  await shot(page, 'preview-what-if-1280');
  expect(await problems()).toEqual([]);
});
