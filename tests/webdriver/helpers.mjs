// What the WebDriver tests share: the Stackway server, the test page, and finding things inside
// the widget's shadow root. WebDriver's own shadow-root commands are not implemented alike in
// the three drivers, so elements are found by a script in the page and handed back to WebDriver,
// which then clicks and types like a person would.
import { spawn } from 'node:child_process';

/** Starts `stackway serve` for the repository on a free port; resolves to its base URL. */
export function startServer() {
  const binary = process.env.STACKWAY_BIN || 'target/debug/stackway';
  const child = spawn(binary, ['serve', '--dir', '.', '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`stackway serve did not start within 20 s:\n${output}`)), 20_000);
    const fail = (error) => { clearTimeout(timer); child.kill(); reject(error); };
    const read = (chunk) => {
      output += chunk;
      const address = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (address) {
        clearTimeout(timer);
        resolve({ base: address[1], stop: () => new Promise((done) => { child.once('exit', done); child.kill(); }) });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', (error) => fail(new Error(`cannot start ${binary}: ${error.message}`)));
    child.once('exit', (code) => fail(new Error(`stackway serve exited (${code}):\n${output}`)));
  });
}

/** The WebDriver test page (tests/webdriver/widget.html): the widget alone, configured by the
 *  query as on the demo page, with the problem probe loaded before anything else. */
export function widgetUrl(base, { lang = 'en', view = '', feed = 'tests/fixtures/widget-feed.json', goal = '' } = {}) {
  const params = new URLSearchParams({ feed: `/${feed}`, lang });
  if (view) params.set('view', view);
  if (goal) params.set('goal', goal);
  return `${base}/tests/webdriver/widget.html?${params}`;
}

/** Waits until `probe` (an async function returning a truthy value when done) succeeds. */
export async function until(driver, probe, what, timeout = 20_000) {
  let last;
  try {
    return await driver.wait(async () => {
      try {
        last = await probe();
        return last;
      } catch (error) {
        last = error.message;
        return false;
      }
    }, timeout);
  } catch {
    throw new Error(`timed out after ${timeout / 1000} s waiting for ${what} (last answer: ${JSON.stringify(last)})`);
  }
}

/** Runs `body` in the page with the widget's root (`.stackway` inside the shadow root of the
 *  custom element `host`, a CSS selector) as `root`; its value comes back. */
export function inWidget(driver, body, ...args) {
  return inHost(driver, 'stackway-pathways', body, ...args);
}

export function inHost(driver, host, body, ...args) {
  const script = `
    const element = document.querySelector(arguments[0]);
    const scope = element && element.shadowRoot ? element.shadowRoot : element;
    const root = scope ? scope.querySelector('.stackway') : null;
    return (${body})(root, scope, ...Array.prototype.slice.call(arguments, 1));`;
  return driver.executeScript(script, host, ...args);
}

/** Waits for the widget in `host` to show a loaded feed (its view tabs). */
export function waitForWidget(driver, host = 'stackway-pathways') {
  return until(driver, () => inHost(driver, host, (root) => !!root && !!root.querySelector('.sw-tabs')), `the widget in ${host} to show its tabs`);
}

/** The button (or link) in the widget whose accessible name is `name`: its `aria-label`, else
 *  its text with spaces collapsed. Resolves to a WebElement, or null. */
export function control(driver, name, host = 'stackway-pathways') {
  return inHost(driver, host, (root, scope, wanted) => {
    const named = (el) => (el.getAttribute('aria-label') || el.textContent).replace(/\s+/g, ' ').trim();
    return [...scope.querySelectorAll('button, a[href], [role=button], [role=tab]')].find((el) => named(el) === wanted) || null;
  }, name);
}

/** Clicks the control named `name` once it is there. */
export async function click(driver, name, host) {
  const element = await until(driver, () => control(driver, name, host), `a control named “${name}”`);
  await element.click();
}

/** The widget's visible text (collapsed spaces), or '' before it renders. */
export function widgetText(driver, host = 'stackway-pathways') {
  return inHost(driver, host, (root) => (root ? root.innerText.replace(/\s+/g, ' ') : ''));
}

/** Waits until the widget's text contains every one of `texts`. */
export function waitForText(driver, texts, host) {
  return until(driver, async () => {
    const shown = await widgetText(driver, host);
    return [].concat(texts).every((t) => shown.includes(t));
  }, `the widget to show ${JSON.stringify(texts)}`);
}

/** What the probe (tests/webdriver/probe.js) recorded on this page: errors, unhandled
 *  rejections, console errors and CSP violations, from the page's first script on. */
export function pageProblems(driver) {
  return driver.executeScript('return window.__stackwayProblems || ["the problem probe did not run"];');
}

/** The `data-id` of the focused element inside the widget's shadow root. */
export function focusedId(driver) {
  return inWidget(driver, (root, scope) => scope.activeElement?.getAttribute('data-id') ?? null);
}
