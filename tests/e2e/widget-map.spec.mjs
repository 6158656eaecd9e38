// The pathway map as a learner meets it, in English and French, at 320, 768 and 1280 px: titles
// drawn at 12 px or more (font size times the drawing's scale, measured in the page) and never
// cut, nothing wider than the screen, no focus ring until the keyboard brings one, what a box
// counts toward lit up on hover and focus, the narrow screen opening around the goal, badges
// loading as they come into view, the keyboard walk, axe, and no console or CSP error. Small (2
// credentials) and large (60) pathways fit their frame without being blown up or clipped.
import { test, expect } from '@playwright/test';
import { shot, demoUrl, expectNoAxeViolations, serveBadges, waitForWidget, watchForProblems, widget } from './widget-helpers.mjs';

const SAMPLE = 'www/feeds/sample.json';
const SIXTY = 'tests/fixtures/map-sixty-feed.json';
const TWO = 'tests/fixtures/map-two-feed.json';
const WIDTHS = [320, 768, 1280];
const FOCUS_COLOUR = 'rgb(194, 65, 12)';

/** Opens the map of `feed` in `lang` at `width` px and waits for its drawing or its focus view. */
async function openMap(page, { feed = SAMPLE, lang = 'en', width = 1280, goal = '' } = {}) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(demoUrl({ feed, lang, view: 'map', goal }));
  await waitForWidget(page);
  const root = widget(page);
  await expect(root.locator('.sw-node, .sw-focus').first()).toBeVisible();
  return root;
}

/** Shows the whole map (narrow screens open around a program) and waits for its boxes. */
async function showWholeMap(root, lang = 'en') {
  const name = lang === 'fr' ? 'Carte complète' : 'Whole map';
  const button = root.getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await expect(root.locator('.sw-node').first()).toBeVisible();
}

/** What the page draws: each title's size in CSS px (font size times the SVG's current scale),
 *  whether its lines fit inside its box, and what the frame and the page allow. */
async function measure(page) {
  return page.evaluate(() => {
    const host = document.querySelector('stackway-pathways');
    const root = host.shadowRoot;
    const titles = [...root.querySelectorAll('.sw-node-title')];
    const sizes = titles.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
    const cut = titles.filter((t) => t.textContent.trim().endsWith('…')).map((t) => t.textContent);
    const overflowing = [];
    for (const node of root.querySelectorAll('.sw-node')) {
      const box = node.querySelector('.sw-node-box').getBBox();
      for (const text of node.querySelectorAll('text')) {
        const b = text.getBBox();
        if (b.x < box.x || b.x + b.width > box.x + box.width || b.y < box.y || b.y + b.height > box.y + box.height) {
          overflowing.push(node.getAttribute('data-id'));
        }
      }
    }
    const svg = root.querySelector('.sw-map-svg');
    const frame = root.querySelector('.sw-map-frame');
    const view = svg.viewBox.baseVal;
    // Boxes outside the drawing's own area would be clipped whatever the scroll.
    const clipped = [...root.querySelectorAll('.sw-node')].filter((node) => {
      const b = node.getBBox();
      const ctm = node.getCTM();
      const x = b.x + ctm.e; const y = b.y + ctm.f;
      return x < view.x || y < view.y || x + b.width > view.x + view.width || y + b.height > view.y + view.height;
    }).map((n) => n.getAttribute('data-id'));
    const frameRect = frame.getBoundingClientRect();
    return {
      count: titles.length,
      smallest: Math.min(...sizes),
      scale: svg.getScreenCTM().a,
      cut,
      overflowing,
      clipped,
      frame: { left: frameRect.left, right: frameRect.right, scrollWidth: frame.scrollWidth, clientWidth: frame.clientWidth },
      pageWidth: document.documentElement.scrollWidth,
      viewport: innerWidth,
    };
  });
}

/** Whether `[data-id=id]` (a box of the drawing) lies wholly inside the frame's visible part. */
async function inFrame(page, id) {
  return page.evaluate((id) => {
    const root = document.querySelector('stackway-pathways').shadowRoot;
    const frame = root.querySelector('.sw-map-frame').getBoundingClientRect();
    const box = root.querySelector(`.sw-node[data-id="${id}"]`).getBoundingClientRect();
    return box.left >= frame.left - 1 && box.right <= frame.right + 1 && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
  }, id);
}

/** The boxes the frame's left edge cuts through, and whether the map's tab stop (the program it
 *  opens on) is wholly inside the frame. */
async function opening(page) {
  return page.evaluate(() => {
    const root = document.querySelector('stackway-pathways').shadowRoot;
    const frame = root.querySelector('.sw-map-frame').getBoundingClientRect();
    const cut = [...root.querySelectorAll('.sw-node')].filter((node) => {
      const box = node.getBoundingClientRect();
      return box.left < frame.left - 1 && box.right > frame.left + 1 && box.bottom > frame.top && box.top < frame.bottom;
    }).map((node) => node.getAttribute('data-id'));
    const start = root.querySelector('.sw-node[tabindex="0"]').getBoundingClientRect();
    const startInside = start.left >= frame.left - 1 && start.right <= frame.right + 1 && start.top >= frame.top - 1 && start.bottom <= frame.bottom + 1;
    return { cut, startInside };
  });
}

for (const [feedName, feed] of [['sample', SAMPLE], ['sixty', SIXTY]]) {
  for (const lang of ['en', 'fr']) {
    for (const width of WIDTHS) {
      test(`the ${feedName} map is readable in ${lang} at ${width} px`, async ({ page }) => {
        const problems = await watchForProblems(page);
        await serveBadges(page);
        const root = await openMap(page, { feed, lang, width });
        if (width < 600) {
          // A phone opens around the first program: readable as plain text.
          await expect(root.locator('.sw-focus')).toBeVisible();
          await expectNoAxeViolations(page, `${feedName} focus ${lang} ${width}px`, problems);
          await shot(page, `map-${feedName}-focus-${lang}-${width}`);
          await showWholeMap(root, lang);
        }
        const m = await measure(page);
        expect(m.count).toBe(feedName === 'sample' ? 45 : 60);
        expect(m.smallest, 'smallest title in CSS px').toBeGreaterThanOrEqual(12);
        expect(m.scale, 'drawn at its natural size').toBe(1);
        expect(m.cut, 'titles cut with an ellipsis').toEqual([]);
        expect(m.overflowing, 'words outside their box').toEqual([]);
        expect(m.clipped, 'boxes outside the drawing').toEqual([]);
        expect(m.pageWidth, 'page wider than the screen').toBeLessThanOrEqual(width);
        expect(m.frame.right, 'frame wider than the screen').toBeLessThanOrEqual(width);
        // It opens on the program with what counts toward it: read from the left, no box cut
        // by the frame's left edge (where the frame is wide enough for a column or two).
        if (width >= 768) {
          const open = await opening(page);
          expect(open.startInside, 'the program it opens on in view').toBe(true);
          expect(open.cut, 'boxes cut by the frame\'s left edge').toEqual([]);
        }
        // Nothing ringed or highlighted on load.
        expect(await root.locator('.sw-node:focus-visible, .sw-node-active, .sw-node-dim').count()).toBe(0);
        await expectNoAxeViolations(page, `${feedName} map ${lang} ${width}px`, problems);
        await shot(page, `map-${feedName}-${lang}-${width}`);
        expect(await problems()).toEqual([]);
      });
    }
  }
}

test('hovering or focusing a box lights what it counts toward and what counts toward it', async ({ page }) => {
  const problems = await watchForProblems(page);
  const root = await openMap(page, { feed: 'tests/fixtures/widget-feed.json' });
  const certificate = root.locator('.sw-node[data-id="data-certificate"]');
  await certificate.hover();
  await expect(certificate).toHaveClass(/sw-node-active/);
  // It counts toward the diploma; data basics and the electives count toward it.
  for (const id of ['analytics-diploma', 'data-basics', 'spreadsheets', 'data-visualisation', 'sql']) {
    await expect(root.locator(`.sw-node[data-id="${id}"]`)).toHaveClass(/sw-node-related/);
  }
  await expect(root.locator('.sw-node[data-id="agile"]')).toHaveClass(/sw-node-dim/);
  await expect(root.locator('.sw-edge-on')).toHaveCount(5);
  await shot(page, 'map-hover-en-1280');
  // Leaving clears it; keyboard focus does the same for the focused box.
  await page.mouse.move(1, 1);
  await expect(root.locator('.sw-node-active')).toHaveCount(0);
  await root.getByRole('button', { name: 'Actual size' }).focus();
  await page.keyboard.press('Tab');
  const focused = root.locator('.sw-node:focus');
  await expect(focused).toHaveClass(/sw-node-active/);
  await expect(root.locator('.sw-node-dim').first()).toBeVisible();
  expect(await problems()).toEqual([]);
});

test('the focus ring shows only for keyboard focus', async ({ page }) => {
  const problems = await watchForProblems(page);
  const root = await openMap(page, { feed: 'tests/fixtures/widget-feed.json' });
  const stroke = (locator) => locator.locator('.sw-node-box').evaluate((r) => getComputedStyle(r).stroke);
  const first = root.locator('.sw-node[tabindex="0"]');
  await expect(first).toHaveCount(1);
  expect(await stroke(first)).not.toBe(FOCUS_COLOUR);
  expect(await root.locator('.sw-node:focus-visible').count()).toBe(0);
  await root.getByRole('button', { name: 'Actual size' }).focus();
  await page.keyboard.press('Tab');
  await expect(root.locator('.sw-node:focus-visible')).toHaveCount(1);
  expect(await stroke(root.locator('.sw-node:focus'))).toBe(FOCUS_COLOUR);
  expect(await problems()).toEqual([]);
});

test('keyboard walk through the map', async ({ page }) => {
  const problems = await watchForProblems(page);
  const root = await openMap(page, { feed: 'tests/fixtures/widget-feed.json' });
  await expect(root.locator('.sw-node')).toHaveCount(13);
  const focusedId = () => page.evaluate(() => document.querySelector('stackway-pathways').shadowRoot.activeElement?.getAttribute('data-id') ?? null);

  // Tab from the zoom buttons into the map: exactly one box is in the tab order.
  await root.getByRole('button', { name: 'Actual size' }).focus();
  await page.keyboard.press('Tab');
  expect(await focusedId()).toBe('data-certificate');
  await expect(root.locator('.sw-node[tabindex="0"]')).toHaveCount(1);
  // Right follows a line to what it counts toward; left comes back along one.
  await page.keyboard.press('ArrowRight');
  expect(await focusedId()).toBe('analytics-diploma');
  await page.keyboard.press('ArrowLeft');
  const back = await focusedId();
  expect(['data-certificate', 'pm-certificate', 'python', 'capstone', 'ethics', 'communication', 'spreadsheets']).toContain(back);
  // Up and down move along the column.
  await page.keyboard.press('ArrowDown');
  const below = await focusedId();
  await page.keyboard.press('ArrowUp');
  expect(await focusedId()).toBe(back);
  expect(below).not.toBeNull();
  // + zooms in; the titles grow with it.
  const before = (await measure(page)).smallest;
  await page.keyboard.press('+');
  await expect.poll(async () => (await measure(page)).smallest).toBeGreaterThan(before);
  await page.keyboard.press('0');
  await shot(page, 'map-keyboard-en-1280');
  await page.keyboard.press('Enter');
  await expect(root.locator('.sw-detail h3')).toBeFocused();
  // The list view shows the same graph as text.
  await page.keyboard.press('Escape');
  await root.getByRole('button', { name: 'View as list' }).click();
  await expect(root.locator('.sw-graph-list')).toContainText('Counts toward: Certificate in Data Analysis');
  await expectNoAxeViolations(page, 'map list', problems);
  expect(await problems()).toEqual([]);
});

for (const lang of ['en', 'fr']) {
  test(`a phone opens around the learner's goal (${lang})`, async ({ page }) => {
    const problems = await watchForProblems(page);
    const root = await openMap(page, { feed: 'tests/fixtures/widget-feed.json', lang, width: 320, goal: 'data-certificate' });
    const focus = root.locator('.sw-focus');
    await expect(focus).toBeVisible();
    const names = {
      en: { goal: 'Certificate in Data Analysis', blocks: ['Data Basics', 'Spreadsheets for Analysis', 'Data Visualisation', 'SQL Essentials'], next: 'Diploma in Business Analytics' },
      fr: { goal: 'Certificat en analyse de données', blocks: ['Notions de données', 'Tableurs pour l’analyse', 'Visualisation de données', 'Notions essentielles de SQL'], next: 'Diplôme en analytique d’affaires' },
    }[lang];
    for (const name of [names.goal, ...names.blocks, names.next]) {
      const stop = focus.getByRole('button', { name, exact: true });
      await expect(stop).toBeVisible();
      const box = await stop.boundingBox();
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
    }
    // The choice is one container with its rule in words.
    await expect(focus.locator('.sw-focus-choice')).toContainText(lang === 'en' ? '2 of 3' : '2 au choix parmi 3');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page, `focus ${lang}`, problems);
    await shot(page, `map-goal-focus-${lang}-320`);
    // The whole map opens on the goal, at its natural size, with the rest a pan away.
    await showWholeMap(root, lang);
    expect(await inFrame(page, 'data-certificate')).toBe(true);
    const m = await measure(page);
    expect(m.scale).toBe(1);
    expect(m.frame.scrollWidth).toBeGreaterThan(m.frame.clientWidth);
    await shot(page, `map-goal-whole-${lang}-320`);
    expect(await problems()).toEqual([]);
  });
}

// A group that asks for one credential says "Required", as the program cards do: "All of these"
// above a single stop reads as if something were missing. (The registry pathway's master badge
// asks for its capstone in a group of its own.)
test('a one-credential group around a program reads "Required"', async ({ page }) => {
  const root = await openMap(page, { feed: 'crates/stackway-interop/tests/data/ctdl/registry-badge-pathway.json', width: 320 });
  const rules = root.locator('.sw-focus .sw-focus-group .sw-focus-rule');
  await expect(rules).toHaveText(['All three tiers · All of these', 'Capstone · Required']);
});

for (const width of WIDTHS) {
  test(`a two-credential pathway fits its frame at ${width} px`, async ({ page }) => {
    const problems = await watchForProblems(page);
    const root = await openMap(page, { feed: TWO, width });
    if (width < 600) await showWholeMap(root);
    const m = await measure(page);
    expect(m.count).toBe(2);
    // Never blown up, never clipped; wide enough screens show it whole without scrolling.
    expect(m.scale).toBe(1);
    expect(m.smallest).toBe(14);
    expect(m.clipped).toEqual([]);
    expect(m.pageWidth).toBeLessThanOrEqual(width);
    if (width >= 768) {
      expect(m.frame.scrollWidth).toBeLessThanOrEqual(m.frame.clientWidth);
      for (const id of ['first-aid', 'safety-certificate']) expect(await inFrame(page, id)).toBe(true);
    }
    await shot(page, `map-two-en-${width}`);
    expect(await problems()).toEqual([]);
  });
}

test('badge images come from the feed (https only) and load as they come into view', async ({ page }) => {
  const problems = await watchForProblems(page);
  const requested = await serveBadges(page);
  const root = await openMap(page, { feed: SIXTY, width: 1280 });
  const images = root.locator('.sw-node-badge');
  await expect(images.first()).toBeVisible();
  const shown = await images.count();
  // 20 of the 60 credentials have a badge; those far below the frame wait.
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(20);
  expect(requested.every((url) => url.startsWith('https://badges.example.ca/'))).toBe(true);
  // Scrolling the frame down brings the others in, a screenful at a time.
  const frame = root.locator('.sw-map-frame');
  const height = await frame.evaluate((f) => f.scrollHeight);
  for (let y = 0; y <= height; y += 400) {
    await frame.evaluate((f, top) => f.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await expect.poll(() => images.count()).toBe(20);
  for (const href of await images.evaluateAll((list) => list.map((i) => i.getAttribute('href')))) {
    expect(href).toMatch(/^https:\/\//);
  }
  expect(await problems()).toEqual([]);
});
