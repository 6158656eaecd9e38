// The what-if plan: marks survive a reload (localStorage per feed id), the goal shows progress
// and a route, reset clears it; the language switch re-renders in French.
import { test, expect } from '@playwright/test';
import { shot, ARTIFACTS, demoUrl, expectNoAxeViolations, waitForWidget, watchForProblems, widget } from './widget-helpers.mjs';

test('a plan survives a reload and can be reset', async ({ page }) => {
  const problems = await watchForProblems(page);
  await page.goto(demoUrl({ view: 'explore' }));
  await waitForWidget(page);
  let root = widget(page);
  await root.getByRole('button', { name: 'I have Data Basics' }).click();
  await root.getByRole('button', { name: 'Plan SQL Essentials' }).click();
  await expect(root.getByRole('group', { name: 'Your plan for Data Basics' })).toContainText('Held');

  await page.goto(demoUrl({ view: 'plan', goal: 'data-certificate' }));
  await waitForWidget(page);
  root = widget(page);
  const mine = root.locator('.sw-marked-list');
  await expect(mine).toContainText('Data Basics');
  await expect(mine).toContainText('SQL Essentials');
  await expect(root.locator('.sw-goal h3')).toContainText('Certificate in Data Analysis');

  await page.reload();
  await waitForWidget(page);
  root = widget(page);
  await expect(root.locator('.sw-marked-list')).toContainText('Data Basics');
  await expectNoAxeViolations(page, 'plan with goal', problems);
  await shot(page, `plan-goal-en-1280`);

  await root.getByRole('button', { name: 'Clear my plan' }).click();
  await expect(root.getByText('Mark credentials as held or planned')).toBeVisible();
  expect(await problems()).toEqual([]);
});

test('the language switch re-renders in French', async ({ page }) => {
  await page.goto(demoUrl({ lang: 'en' }));
  await waitForWidget(page);
  const root = widget(page);
  await expect(root.getByRole('button', { name: 'Programs' })).toBeVisible();
  await root.getByLabel('Language').selectOption('fr');
  await expect(root.getByRole('button', { name: 'Programmes' })).toBeVisible();
  await expect(root).toHaveAttribute('lang', 'fr');
  await expect(root.getByText('Certificat en analyse de données').first()).toBeVisible();
});
