// Program cards that explain, phone-first layouts and the learner's notice (issue 15, points
// 2 to 5), in English and French at 320, 768 and 1280 px: the cards name their requirement
// groups and mark each member held, planned or still needed in words; the detail panel fits
// the screen with a one-line Close button; Explore's first result is on a phone's first screen;
// every button of a view has a name of its own; a feed with problems gives learners one short
// notice with its details collapsed, and designers (?debug=1) the full list.
import { test, expect } from '@playwright/test';
import { demoUrl, expectNoAxeViolations, shot, waitForWidget, watchForProblems, widget } from './widget-helpers.mjs';

const WIDTHS = [320, 768, 1280];
const PARTLY_INVALID = 'tests/fixtures/partly-invalid-feed.json';

/** The iframe page (the widget alone, as an LMS shows it) on `feed`, in `lang`, on `view`. */
function embedUrl({ lang, view, feed = 'tests/fixtures/widget-feed.json' }) {
  return `/www/embed.html?${new URLSearchParams({ feed: `/${feed}`, lang, view })}`;
}

/** The widget of the iframe page, once it shows its feed. */
async function embedded(page) {
  const root = page.locator('.stackway').first();
  await expect(root.locator('.sw-tabs')).toBeVisible({ timeout: 15_000 });
  return root;
}

/** The learner's plan, saved as the widget saves it, before the page loads. */
async function withPlan(page, plan) {
  await page.addInitScript((saved) => {
    localStorage.setItem('stackway:plan:widget-demo', JSON.stringify(saved));
  }, plan);
}

/** The accessible names of the buttons under `locator`, as the accessibility tree has them. */
async function buttonNames(locator) {
  const snapshot = await locator.ariaSnapshot();
  return [...snapshot.matchAll(/- button "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
}

/** Names that occur more than once in `names`. */
function repeated(names) {
  return [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
}

const WORDS = {
  en: {
    card: 'Certificate in Data Analysis',
    electives: 'Electives: choose 2 of',
    required: 'Required',
    held: 'Held',
    planned: 'Planned',
    missing: 'Still needed',
    stillNeeded: 'Still needed: 1 more',
    complete: 'Complete',
    details: 'Details: Certificate in Data Analysis',
    goal: 'Make it my goal: Certificate in Data Analysis',
    notice: 'Some entries of this catalogue could not be shown',
    filters: 'Filters',
    close: 'Close the details',
  },
  fr: {
    card: 'Certificat en analyse de données',
    electives: 'Cours au choix\u00a0: 2 au choix parmi',
    required: 'Obligatoire',
    held: 'Obtenu',
    planned: 'Prévu',
    missing: 'À obtenir',
    stillNeeded: 'À obtenir\u00a0: encore 1',
    complete: 'Rempli',
    details: 'Détails\u00a0: Certificat en analyse de données',
    goal: 'En faire mon objectif\u00a0: Certificat en analyse de données',
    notice: 'Certaines entrées de ce catalogue n’ont pas pu être affichées',
    filters: 'Filtres',
    close: 'Fermer les détails',
  },
};

for (const lang of ['en', 'fr']) {
  const words = WORDS[lang];

  test(`program cards name their groups and mark each member in words (${lang})`, async ({ page }) => {
    const problems = await watchForProblems(page);
    // Data Basics held, Spreadsheets planned: the certificate's "all of" part is met, one of
    // its two electives is planned, and the other two electives are still needed.
    await withPlan(page, { held: { 'data-basics': null }, planned: ['spreadsheets'], goal: null, minimize: 'cost' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(demoUrl({ lang }));
    await waitForWidget(page);
    const card = widget(page).locator('.sw-program').filter({ has: page.getByRole('heading', { name: words.card }) });
    await expect(card).toHaveCount(1);
    const groups = card.locator('.sw-group');
    await expect(groups).toHaveCount(2);
    await expect(groups.nth(0).locator('.sw-group-name')).toHaveText(words.required);
    await expect(groups.nth(0).locator('.sw-group-status')).toContainText(words.complete);
    await expect(groups.nth(1).locator('.sw-group-name')).toHaveText(words.electives);
    await expect(groups.nth(1).locator('.sw-group-status')).toHaveText(words.stillNeeded);
    // Each chip says its state in words, not only by colour or icon.
    const chips = groups.nth(1).locator('.sw-chip');
    await expect(chips).toHaveCount(3);
    await expect(chips.nth(0)).toContainText(words.planned);
    await expect(chips.nth(1)).toContainText(words.missing);
    await expect(chips.nth(2)).toContainText(words.missing);
    await expect(groups.nth(0).locator('.sw-chip')).toContainText(words.held);
    // Never the old "0 of 3 required".
    await expect(card).not.toContainText(/\d+ (of|sur) \d+ (required|requis)/);
    // Its ladder: the certificate counts toward the diploma.
    await expect(card.locator('.sw-ladder')).toContainText(lang === 'en' ? 'Diploma in Business Analytics' : 'Diplôme en analytique d’affaires');
    // Repeated controls carry the card's title in their names.
    await expect(card.getByRole('button', { name: words.details, exact: true })).toBeVisible();
    await expect(card.getByRole('button', { name: words.goal, exact: true })).toBeVisible();
    // The actions line up along the bottoms of the cards of a row.
    const bottoms = await widget(page).locator('.sw-program').evaluateAll((cards) => cards.map((c) => {
      const card = c.getBoundingClientRect();
      const actions = c.querySelector('.sw-actions').getBoundingClientRect();
      return { top: Math.round(card.top), actions: Math.round(actions.bottom) };
    }));
    const rows = new Map();
    for (const b of bottoms) rows.set(b.top, [...(rows.get(b.top) ?? []), b]);
    expect([...rows.values()].some((row) => row.length > 1)).toBe(true);
    for (const row of rows.values()) {
      expect(new Set(row.map((b) => b.actions)).size, JSON.stringify(row)).toBe(1);
    }
    await shot(page, `cards-${lang}-1280`);
    expect(await problems()).toEqual([]);
  });

  for (const width of WIDTHS) {
    test(`the detail panel fits a ${width} px screen with a one-line Close button (${lang})`, async ({ page }) => {
      const problems = await watchForProblems(page);
      await page.setViewportSize({ width, height: 800 });
      await page.goto(demoUrl({ lang, view: 'explore' }));
      await waitForWidget(page);
      const root = widget(page);
      // Explore comes with the second module: wait for its results before listing them.
      await expect(root.locator('.sw-result-title button').first()).toBeVisible();
      const titles = await root.locator('.sw-result-title button').allTextContents();
      expect(titles.length).toBeGreaterThan(10);
      for (const [index, title] of titles.entries()) {
        await root.locator('.sw-result-title button').nth(index).click();
        const detail = root.locator('.sw-detail');
        await expect(detail.getByRole('heading', { level: 3 }).first()).toHaveText(title);
        // No element of the panel reaches past the screen's edges, and the page does not scroll
        // sideways.
        const outside = await detail.evaluate((panel) => {
          const width = document.documentElement.clientWidth;
          return [panel, ...panel.querySelectorAll('*')]
            .map((el) => [el, el.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0 && (r.left < -0.5 || r.right > width + 0.5))
            .map(([el, r]) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}: ${el.textContent.slice(0, 40)}`);
        });
        expect(outside, title).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), title).toBeLessThanOrEqual(width);
        // The Close button's words take one line however long the title is.
        const lines = await detail.getByRole('button', { name: words.close }).evaluate((button) => {
          const style = getComputedStyle(button);
          const content = button.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
          return Math.round(content / parseFloat(style.lineHeight));
        });
        expect(lines, title).toBe(1);
        expect(repeated(await buttonNames(detail)), title).toEqual([]);
        if (index === 0) {
          await expectNoAxeViolations(page, `detail ${lang} ${width}px`, problems);
          await shot(page, `detail-${lang}-${width}`);
        }
      }
      // The longest French fact labels stack over their values on a phone.
      if (width === 320) {
        const columns = await root.locator('.sw-facts').evaluate((dl) => getComputedStyle(dl).gridTemplateColumns.split(' ').length);
        expect(columns).toBe(1);
      }
      expect(await problems()).toEqual([]);
    });

    test(`every button of every view has a name of its own at ${width} px (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      for (const feed of [undefined, 'www/feeds/sample.json']) {
        for (const view of ['programs', 'explore', 'plan', 'pathways']) {
          await page.goto(demoUrl({ lang, view, feed, goal: view === 'plan' ? 'data-certificate' : '' }));
          await waitForWidget(page);
          const root = widget(page);
          await expect(root.locator('.sw-view')).toHaveAttribute('data-view', view);
          await expect(root.locator('.sw-view .sw-notice[role="status"]')).toHaveCount(0);
          const names = await buttonNames(root);
          expect(names.length, `${view} ${feed}`).toBeGreaterThan(3);
          expect(repeated(names), `${view} ${feed ?? 'test feed'}`).toEqual([]);
        }
      }
    });
  }

  test(`Explore's first result is on a phone's first screen, its filters behind a button (${lang})`, async ({ page }) => {
    const problems = await watchForProblems(page);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(embedUrl({ lang, view: 'explore' }));
    const root = await embedded(page);
    const first = root.locator('.sw-result').first();
    await expect(first).toBeVisible();
    const box = await first.boundingBox();
    expect(box.y).toBeLessThan(640);
    // The filters wait behind a button that says how many are set.
    const toggle = root.getByRole('button', { name: words.filters, exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(root.getByLabel(lang === 'en' ? 'Maximum cost' : 'Coût maximal')).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await root.getByLabel(lang === 'en' ? 'Maximum cost' : 'Coût maximal').fill('400');
    await expect(root.getByRole('button', { name: lang === 'en' ? 'Filters (1 active)' : 'Filtres (1 actif)' })).toBeVisible();
    await expectNoAxeViolations(page, `explore filters ${lang} 320px`, problems);
    await shot(page, `explore-filters-${lang}-320`);
    // On a wide screen the filters are simply there, and the results form a grid.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(toggle).toBeHidden();
    await expect(root.getByLabel(lang === 'en' ? 'Maximum cost' : 'Coût maximal')).toBeVisible();
    await root.getByRole('button', { name: lang === 'en' ? 'Clear filters' : 'Effacer les filtres' }).click();
    const tops = await root.locator('.sw-result').evaluateAll((items) => items.slice(0, 3).map((i) => Math.round(i.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect(await problems()).toEqual([]);
  });

  test(`a feed with problems gives learners one short notice, details collapsed (${lang})`, async ({ page }) => {
    const problems = await watchForProblems(page);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(embedUrl({ lang, feed: PARTLY_INVALID, view: 'explore' }));
    const root = await embedded(page);
    const notice = root.locator('.sw-notice-partial');
    await expect(notice).toContainText(words.notice);
    const details = notice.locator('details');
    await expect(details).toHaveCount(1);
    await expect(details).not.toHaveAttribute('open', /.*/);
    await expect(notice.locator('.sw-diag').first()).toBeHidden();
    // Short: the first result is still on the first screen.
    const box = await root.locator('.sw-result').first().boundingBox();
    expect(box.y).toBeLessThan(640);
    // Zero facts say nothing: no "$0" nor "0 credits" on the free badge.
    const badge = root.locator('.sw-result').filter({ hasText: lang === 'en' ? 'Teamwork Badge' : 'Badge de travail d’équipe' });
    await expect(badge.locator('.sw-meta')).toHaveText(lang === 'en' ? 'Badge' : 'Badge');
    await expectNoAxeViolations(page, `learner notice ${lang}`, problems);
    await shot(page, `notice-learner-${lang}-320`);
    // A learner may still open the details.
    await details.locator('summary').click();
    await expect(notice.locator('.sw-diag').first()).toBeVisible();
    expect(await problems()).toEqual([]);
  });

  test(`designers see the full list of problems with ?debug=1 (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${demoUrl({ lang, feed: PARTLY_INVALID })}&debug=1`);
    await waitForWidget(page);
    const notice = widget(page).locator('.sw-notice-partial');
    await expect(notice.locator('details')).toHaveAttribute('open', /.*/);
    await expect(notice.locator('.sw-diag').first()).toBeVisible();
    await shot(page, `notice-designer-${lang}-1280`);
  });
}

test('a registry pathway is headed by its owner and its conditions read as groups', async ({ page }) => {
  const problems = await watchForProblems(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(demoUrl({ feed: 'tests/fixtures/ctdl-pathway.json' }));
  await waitForWidget(page);
  const root = widget(page);
  // The pathway's owning organization, never the importer's "Unknown provider".
  await expect(root.locator('.sw-heading')).toHaveText('Trillium Valley College');
  await expect(root).not.toContainText('Unknown provider');
  const card = root.locator('.sw-program').first();
  await expect(card.locator('.sw-group-name')).toHaveText(['Core: all of', 'Electives: choose 2 of']);
  await expect(card.locator('.sw-group-status').first()).toHaveText('Still needed: 2 more');
  expect(await problems()).toEqual([]);
});

// Pathways published to the Credential Registry, imported by the widget as a learner opens them.
const REGISTRY = 'crates/stackway-interop/tests/data/ctdl';
const REGISTRY_FEEDS = [
  {
    file: `${REGISTRY}/registry-badge-pathway.json`,
    owner: { en: 'Northern Lakes College', fr: 'Northern Lakes College' },
    card: 'Digital Workplace Skills Master Badge',
    groups: { en: ['All three tiers: all of', 'Capstone: required'], fr: ['All three tiers\u00a0: tous ces titres', 'Capstone\u00a0: obligatoire'] },
  },
  {
    file: `${REGISTRY}/registry-career-pathway.json`,
    owner: { en: 'Lakeshore Polytechnic', fr: 'Polytechnique Lakeshore' },
    card: null,
    groups: {
      en: ['Entry-level certifications: choose 2 of', 'One specialist certification: one of', 'Advanced certification: one of'],
      fr: ['Certifications de niveau débutant\u00a0: 2 au choix parmi', 'One specialist certification\u00a0: un au choix parmi', 'Advanced certification\u00a0: un au choix parmi'],
    },
  },
];

for (const lang of ['en', 'fr']) {
  for (const registry of REGISTRY_FEEDS) {
    const name = registry.file.split('/').pop();
    test(`registry data reads well: ${name} headed by its owner, groups named, names unique (${lang})`, async ({ page }) => {
      const problems = await watchForProblems(page);
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(embedUrl({ lang, feed: registry.file, view: 'programs' }));
      const root = await embedded(page);
      // The pathway's owning organization, never the importer's "Unknown provider".
      await expect(root.locator('.sw-heading')).toHaveText(registry.owner[lang]);
      await expect(root).not.toContainText(/Unknown provider|Fournisseur inconnu/);
      const card = registry.card
        ? root.locator('.sw-program').filter({ has: page.getByRole('heading', { name: registry.card }) })
        : root.locator('.sw-program').first();
      await expect(card.locator(':scope > .sw-groups > .sw-group > .sw-group-head .sw-group-name')).toHaveText(registry.groups[lang]);
      // Conditions read as groups, never as the registry's repeated "Requires 3 of 4 items".
      await expect(root).not.toContainText(/Requires \d+ of \d+|\d+ (of|sur) \d+ (required|requis)/);
      const names = await buttonNames(root);
      expect(repeated(names)).toEqual([]);
      // Nothing wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await expectNoAxeViolations(page, `registry ${name} ${lang}`, problems);
      await shot(page, `registry-${name.replace('.json', '')}-${lang}-320`);
      expect(await problems()).toEqual([]);
    });
  }

  test(`a job in a registry career pathway is named as a career, not a credential (${lang})`, async ({ page }) => {
    const problems = await watchForProblems(page);
    await page.setViewportSize({ width: 768, height: 800 });
    await page.goto(embedUrl({ lang, feed: `${REGISTRY}/registry-career-pathway.json`, view: 'explore' }));
    const root = await embedded(page);
    // The pathway's destination is a ceterms:JobComponent: the importer makes it kind `career`.
    const job = lang === 'en' ? 'Cybersecurity Analyst' : 'Analyste en cybersécurité';
    const result = root.locator('.sw-result').filter({ has: page.getByRole('heading', { name: job, exact: true }) });
    await expect(result.locator('.sw-meta')).toHaveText(new RegExp(`^${lang === 'en' ? 'Career' : 'Métier'}\\b`));
    expect(await problems()).toEqual([]);
  });

  test(`programs of the same title are told apart by their code (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 800 });
    await page.goto(embedUrl({ lang, feed: 'tests/fixtures/same-titles-feed.json', view: 'programs' }));
    const root = await embedded(page);
    const title = lang === 'en' ? 'Certificate in Data Analysis' : 'Certificat en analyse de données';
    await expect(root.locator('.sw-program .sw-card-title')).toHaveText([`${title} (DA-100)`, `${title} (DA-200)`]);
    await expect(root.getByRole('button', { name: `${lang === 'en' ? 'Details: ' : 'Détails\u00a0: '}${title} (DA-200)`, exact: true })).toBeVisible();
    expect(repeated(await buttonNames(root))).toEqual([]);
  });

  test(`a numbered step's number sits beside the first line of its wrapped title (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(embedUrl({ lang, view: 'pathways' }));
    const root = await embedded(page);
    await expect(root.locator('.sw-steps li').first()).toBeVisible();
    // The test feed's titles fit a phone's line: the list is narrowed (through the CSSOM, which
    // the page's CSP allows) to what a long registry title meets at 320 px.
    await root.locator('.sw-steps').evaluate((ol) => { ol.style.maxWidth = '160px'; });
    // A list item's number (its ::marker) sits on the baseline of the item's first line box; an
    // empty inline probe put first in the item sits on that same line, so where the probe is,
    // the number is.
    const items = await root.locator('.sw-steps li, .sw-inline-list li').evaluateAll((lis) => lis
      .filter((li) => li.firstElementChild?.classList.contains('sw-link'))
      .map((li) => {
        const button = li.firstElementChild;
        const lineHeight = parseFloat(getComputedStyle(button).lineHeight);
        const probe = document.createElement('span');
        probe.textContent = '\u200b';
        li.insertBefore(probe, button);
        const marker = probe.getBoundingClientRect();
        probe.remove();
        const box = button.getBoundingClientRect();
        return { title: button.textContent, lines: Math.round(box.height / lineHeight), offset: Math.round(marker.top - box.top), lineHeight };
      }));
    const wrapped = items.filter((i) => i.lines > 1);
    expect(wrapped.length, JSON.stringify(items)).toBeGreaterThan(0);
    for (const item of wrapped) {
      expect(Math.abs(item.offset), JSON.stringify(item)).toBeLessThan(item.lineHeight / 2);
    }
    await shot(page, `pathways-${lang}-320`);
  });
}
