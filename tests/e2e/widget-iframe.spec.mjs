// embed.html inside a cross-origin iframe, as the Canvas and Moodle editors embed it: it
// renders and posts its height with both LTI frameResize message names.
import { test, expect } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config.mjs';

// The fake LMS page is served by Playwright itself, which Chromium's local-network checks treat
// as a public site framing a local one; a real LMS framing a public Stackway is not affected, so
// the check is off for this file only.
test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [...chromiumArgs, '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessChecks'],
  },
});

test('embed.html in a cross-origin iframe posts frameResize messages', async ({ page, baseURL }) => {
  // The parent is another origin (`localhost` instead of `127.0.0.1`), as an LMS page would be.
  const embed = new URL('/www/embed.html?feed=/tests/fixtures/widget-feed.json&view=programs&lang=fr', baseURL).href;
  const parent = new URL('/lms-course', baseURL);
  parent.hostname = 'localhost';
  await page.route(parent.href, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><title>LMS</title><body>
      <iframe id="frame" title="Stackway" src="${embed}" width="400" height="150"></iframe>
      <script>
        window.messages = [];
        window.addEventListener('message', (event) => window.messages.push({ origin: event.origin, data: event.data }));
      </script></body></html>`,
  }));
  await page.goto(parent.href);
  await expect.poll(
    () => page.evaluate(() => window.messages.map((m) => m.data.subject)),
    { timeout: 15_000 },
  ).toEqual(expect.arrayContaining(['lti.frameResize', 'org.imsglobal.lti.frameResize']));
  const heights = await page.evaluate(() => window.messages.map((m) => m.data.height));
  expect(Math.max(...heights)).toBeGreaterThan(300);
  const origins = await page.evaluate(() => [...new Set(window.messages.map((m) => m.origin))]);
  expect(origins).toEqual([new URL(baseURL).origin]);
  const frame = page.frameLocator('#frame');
  await expect(frame.locator('.sw-tabs')).toBeVisible();
  await expect(frame.getByText('Certificat en analyse de données').first()).toBeVisible();
});

// The iframe page is a document of its own, so it cannot inherit the course page's font: it must
// not fall back to the browser's serif default, which no LMS uses for its text.
test('embed.html sets the widget in the interface font, not the browser serif default', async ({ page }) => {
  await page.goto('/www/embed.html?feed=/tests/fixtures/widget-feed.json&view=programs&lang=en');
  const title = page.locator('.sw-card-title').first();
  await expect(title).toBeVisible();
  const family = await title.evaluate((element) => getComputedStyle(element).fontFamily);
  // Without embed.css's font, Chromium gives its default, "Times New Roman".
  expect(family).toMatch(/^system-ui,.*sans-serif$/);
});
