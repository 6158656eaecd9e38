// Embedding: two custom elements on one page work independently, are shielded from the page's
// styles and do not leak theirs; attribute changes re-render; embed.html in a cross-origin
// iframe posts both frameResize messages (widget-iframe.spec.mjs); Stackway.mount returns a working unmount().
import { test, expect } from '@playwright/test';
import { shot, ARTIFACTS, watchForProblems } from './widget-helpers.mjs';

test('two custom elements on one page, isolated from the page styles', async ({ page }) => {
  const problems = await watchForProblems(page);
  await page.goto('/tests/e2e/pages/two-widgets.html');
  const one = page.locator('#one .stackway');
  const two = page.locator('#two .stackway');
  await expect(one.locator('.sw-tabs')).toBeVisible({ timeout: 15_000 });
  await expect(two.locator('.sw-tabs')).toBeVisible();
  // The first follows the page's language, the second its own attribute.
  await expect(one).toHaveAttribute('lang', 'fr');
  await expect(two).toHaveAttribute('lang', 'en');
  await expect(one.locator('.sw-view')).toHaveAttribute('data-view', 'programs');
  await expect(two.locator('.sw-view')).toHaveAttribute('data-view', 'explore');
  // Page rules (h3 hidden, magenta buttons) do not reach inside.
  await expect(one.locator('h3').first()).toBeVisible();
  const background = await two.locator('.sw-tab').first().evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(background).not.toBe('rgb(255, 0, 255)');
  // The widget's styles do not leak out.
  await expect(page.locator('.page-title')).toHaveCSS('color', 'rgb(1, 2, 3)');

  // Acting in one does not change the other.
  await two.getByRole('button', { name: 'Pathway map' }).click();
  await expect(two.locator('.sw-view')).toHaveAttribute('data-view', 'map');
  await expect(one.locator('.sw-view')).toHaveAttribute('data-view', 'programs');

  // Attribute changes re-render.
  await page.locator('#one').evaluate((el) => el.setAttribute('view', 'pathways'));
  await expect(one.locator('.sw-view')).toHaveAttribute('data-view', 'pathways');
  await page.locator('#one').evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(page.locator('#one .stackway')).toHaveAttribute('lang', 'en');
  await shot(page, `two-widgets`);
  expect(await problems()).toEqual([]);
});

test('Stackway.mount returns a handle whose unmount() removes the widget', async ({ page }) => {
  await page.goto('/tests/e2e/pages/two-widgets.html');
  await expect(page.locator('#one .sw-tabs')).toBeVisible({ timeout: 15_000 });
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.id = 'mounted';
    document.body.append(el);
    window.handle = window.Stackway.mount(el, { feed: '/tests/fixtures/widget-feed.json', view: 'pathways', lang: 'en' });
  });
  await expect(page.locator('#mounted .sw-view')).toHaveAttribute('data-view', 'pathways');
  await page.evaluate(() => window.handle.unmount());
  await expect(page.locator('#mounted .stackway')).toHaveCount(0);
});
