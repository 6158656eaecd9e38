// The widget in one browser engine (STACKWAY_ENGINE: chromium, firefox or webkit), through W3C
// WebDriver: every view in English and French with no page problem, a plan that survives a
// reload, the keyboard walk through the map, the iframe page's resize messages, two custom
// elements on one page, a CTDL feed, and "Add my badges". `cargo xtask test` runs this file
// once per engine (`node --test`); the Playwright suite (tests/e2e/) goes deeper in Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Key } from 'selenium-webdriver';
import { chosenEngine, openBrowser } from './engines.mjs';
import {
  click, control, focusedId, inHost, inWidget, pageProblems, startServer, until, waitForText,
  waitForWidget, widgetUrl,
} from './helpers.mjs';

const engine = chosenEngine();
let server;
let browser;
let driver;

before(async () => {
  server = await startServer();
  browser = await openBrowser(engine);
  driver = browser.driver;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the test page and waits for the widget; fails on any problem the probe saw. */
async function open(options) {
  await driver.get(widgetUrl(server.base, options));
  await waitForWidget(driver);
}

async function expectNoProblems() {
  assert.deepEqual(await pageProblems(driver), [], `${engine.name}: problems on the page`);
}

// The same words tests/e2e/widget-views.spec.mjs looks for.
const VIEWS = {
  programs: { en: 'Certificate in Data Analysis', fr: 'Certificat en analyse de données' },
  map: { en: 'Diploma in Business', fr: 'Diplôme en analytique' },
  explore: { en: 'SQL Essentials', fr: 'Notions essentielles de SQL' },
  plan: { en: 'Choose a goal', fr: 'Choisissez un objectif' },
  pathways: { en: 'Become a data analyst', fr: 'Devenir analyste de données' },
};

for (const lang of ['en', 'fr']) {
  for (const [view, expected] of Object.entries(VIEWS)) {
    test(`${engine.name}: the ${view} view in ${lang}`, async () => {
      await open({ lang, view });
      const shown = await until(driver, () => inWidget(driver, (root, scope, wanted) => {
        // Map nodes show shortened titles; the full title is their accessible name.
        const names = [...root.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label'));
        const found = root.innerText.includes(wanted) || names.some((name) => name.includes(wanted));
        return found && { lang: root.getAttribute('lang'), view: root.querySelector('.sw-view')?.dataset.view };
      }, expected[lang]), `“${expected[lang]}” in the ${view} view`);
      assert.deepEqual(shown, { lang, view });
      await expectNoProblems();
    });
  }
}

test(`${engine.name}: a plan survives a reload`, async () => {
  await open({ view: 'explore' });
  await driver.executeScript('localStorage.clear()');
  await open({ view: 'explore' });
  await click(driver, 'I have Data Basics');
  await click(driver, 'Plan SQL Essentials');
  await open({ view: 'plan', goal: 'data-certificate' });
  const marked = () => inWidget(driver, (root) => root.querySelector('.sw-marked-list')?.innerText ?? '');
  await until(driver, async () => /Data Basics/.test(await marked()) && /SQL Essentials/.test(await marked()), 'both marks in the plan');
  await driver.navigate().refresh();
  await waitForWidget(driver);
  await until(driver, async () => /Data Basics/.test(await marked()) && /SQL Essentials/.test(await marked()), 'both marks after the reload');
  await waitForText(driver, 'Certificate in Data Analysis');
  await expectNoProblems();
  await driver.executeScript('localStorage.clear()');
});

test(`${engine.name}: the keyboard walk through the map`, async () => {
  await open({ view: 'map' });
  await until(driver, () => inWidget(driver, (root) => root.querySelectorAll('.sw-node').length === 13), '13 map nodes');
  // Tab from the zoom buttons into the map: exactly one node is in the tab order, the first
  // program (the map opens on it).
  await driver.executeScript('arguments[0].focus()', await control(driver, 'Actual size'));
  const keys = (...sequence) => driver.actions().sendKeys(...sequence).perform();
  await keys(Key.TAB);
  assert.equal(await focusedId(driver), 'data-certificate');
  assert.equal(await inWidget(driver, (root) => root.querySelectorAll('.sw-node[tabindex="0"]').length), 1);
  // The map reads left to right: Right follows an edge to what the certificate counts toward,
  // and what it is related to is highlighted; Left comes back along a line.
  await keys(Key.ARROW_RIGHT);
  assert.equal(await focusedId(driver), 'analytics-diploma', 'ArrowRight follows an edge');
  assert.ok(await inWidget(driver, (root) => root.querySelectorAll('.sw-node.sw-node-related').length > 0), 'related credentials are highlighted');
  await keys(Key.ARROW_LEFT);
  const back = await focusedId(driver);
  assert.ok(back && back !== 'analytics-diploma', `ArrowLeft moved back to ${back}`);
  // Down moves along the column; Enter opens the detail, whose heading takes the focus.
  await keys(Key.ARROW_DOWN);
  const third = await focusedId(driver);
  assert.ok(third && third !== back, `ArrowDown moved to ${third}`);
  await keys(Key.ENTER);
  await until(driver, () => inWidget(driver, (root, scope) => scope.activeElement?.matches('.sw-detail h3')), 'the detail heading to take the focus');
  await expectNoProblems();
});

test(`${engine.name}: the iframe page posts its resize messages to the LMS page`, async () => {
  // The LMS page comes from another origin (its own server), as a course page would.
  const embed = `${server.base}/www/embed.html?feed=/tests/fixtures/widget-feed.json&view=programs&lang=fr`;
  const lms = createServer((request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="en"><title>LMS</title><body>
      <script>
        window.messages = [];
        window.addEventListener('message', (event) => window.messages.push({ origin: event.origin, data: event.data }));
      </script>
      <iframe id="frame" title="Stackway" src="${embed}" width="400" height="150"></iframe></body></html>`);
  });
  await new Promise((resolve) => lms.listen(0, '127.0.0.1', resolve));
  try {
    await driver.get(`http://127.0.0.1:${lms.address().port}/course`);
    const messages = () => driver.executeScript('return window.messages');
    await until(driver, async () => {
      const subjects = (await messages()).map((m) => m.data && m.data.subject);
      return subjects.includes('lti.frameResize') && subjects.includes('org.imsglobal.lti.frameResize');
    }, 'both frameResize messages');
    const all = await messages();
    assert.ok(Math.max(...all.map((m) => m.data.height)) > 300, `heights ${all.map((m) => m.data.height)}`);
    assert.deepEqual([...new Set(all.map((m) => m.origin))], [server.base]);
    await driver.switchTo().frame(await driver.findElement({ css: '#frame' }));
    // embed.html mounts the widget in the shadow root of its #stackway.
    await waitForText(driver, 'Certificat en analyse de données', '#stackway');
  } finally {
    await driver.switchTo().defaultContent();
    // The browser keeps its connection open; close it rather than wait for it.
    lms.closeAllConnections();
    await new Promise((resolve) => lms.close(resolve));
  }
});

test(`${engine.name}: two custom elements on one page`, async () => {
  await driver.get(`${server.base}/tests/e2e/pages/two-widgets.html`);
  await waitForWidget(driver, '#one');
  await waitForWidget(driver, '#two');
  const state = (host) => inHost(driver, host, (root) => ({ lang: root.getAttribute('lang'), view: root.querySelector('.sw-view')?.dataset.view }));
  // The first follows the page's language, the second its own attribute.
  assert.deepEqual(await state('#one'), { lang: 'fr', view: 'programs' });
  assert.deepEqual(await state('#two'), { lang: 'en', view: 'explore' });
  // The page's hostile rules (h3 hidden, magenta buttons) do not reach inside; the widget's
  // styles do not leak out.
  const styles = await inHost(driver, '#two', (root, scope) => ({
    h3: getComputedStyle(scope.querySelector('h3') ?? root).display,
    tab: getComputedStyle(root.querySelector('.sw-tab')).backgroundColor,
    title: getComputedStyle(document.querySelector('.page-title')).color,
  }));
  assert.notEqual(styles.h3, 'none');
  assert.notEqual(styles.tab, 'rgb(255, 0, 255)');
  assert.equal(styles.title, 'rgb(1, 2, 3)');
  // Acting in one does not change the other; attribute changes re-render.
  await click(driver, 'Pathway map', '#two');
  await until(driver, async () => (await state('#two')).view === 'map', 'the second widget on its map');
  assert.equal((await state('#one')).view, 'programs');
  await driver.executeScript("document.querySelector('#one').setAttribute('view', 'pathways')");
  await until(driver, async () => (await state('#one')).view === 'pathways', 'the first widget on its pathways');
});

test(`${engine.name}: a CTDL pathway works as the feed`, async () => {
  await open({ feed: 'tests/fixtures/ctdl-pathway.json', view: 'explore' });
  await waitForText(driver, ['Data Foundations', 'Statistics for Business', 'Forecasting', 'Power BI Micro-credential']);
  await click(driver, 'Pathways');
  await waitForText(driver, 'Business Analytics Certificate Pathway');
  await expectNoProblems();
});

test(`${engine.name}: "Add my badges" marks a badge's credential as held`, async () => {
  await open({ feed: 'tests/fixtures/badges-feed.json', view: 'plan', goal: 'analytics-certificate' });
  await driver.executeScript('localStorage.clear()');
  await open({ feed: 'tests/fixtures/badges-feed.json', view: 'plan', goal: 'analytics-certificate' });
  const percent = () => inWidget(driver, (root) => root.querySelector('.sw-goal .sw-percent')?.textContent);
  assert.equal(await until(driver, percent, 'the goal’s progress'), '0% complete');
  await click(driver, 'Add my badges');
  // The badge reader arrives with the interop module; then the learner pastes a badge.
  const textarea = await until(driver, () => inWidget(driver, (root) => root.querySelector('.sw-badge-text')), 'the paste box');
  const badge = readFileSync('tests/fixtures/ob3-data-foundations.json', 'utf8');
  // Typing 2 KB key by key is slow in every driver; a paste is one input event.
  await driver.executeScript(
    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
    textarea, badge);
  await click(driver, 'Add these badges');
  await waitForText(driver, '1 credential was marked as held from your badges.');
  await until(driver, async () => (await percent()) !== '0% complete', 'the goal’s progress to move');
  assert.match(await inWidget(driver, (root) => root.querySelector('.sw-marked-list .sw-held')?.innerText ?? ''), /Data Foundations/);
  await expectNoProblems();
  await driver.executeScript('localStorage.clear()');
});

