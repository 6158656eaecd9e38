// The three browser engines learners use (Chromium's Blink, Firefox's Gecko, and WebKit, which
// every browser on an iPhone runs), each driven through its own W3C WebDriver server by one
// client, selenium-webdriver. Playwright's own Firefox and WebKit builds cannot be downloaded
// here, so Debian's browsers are used: Chromium with chromedriver, Firefox ESR with geckodriver
// (installed with `cargo install geckodriver`), and WebKitGTK's MiniBrowser with WebKitWebDriver,
// which has no headless mode and runs inside a virtual X server (xvfb-run).
//
// `cargo xtask test` installs all of them when missing; run alone, set GECKODRIVER if
// geckodriver is not on the PATH.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder } from 'selenium-webdriver';

/** Chromium's flags for containers and closed networks (the same as playwright.config.mjs). */
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const WIDTH = 1280;
const HEIGHT = 900;

/** Each engine: its name in reports, how to start its driver on `port`, and what to ask for. */
export const ENGINES = {
  chromium: {
    name: 'Chromium',
    driver: (port) => ['/usr/bin/chromedriver', [`--port=${port}`]],
    capabilities: {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: [...CHROMIUM_ARGS, `--window-size=${WIDTH},${HEIGHT}`],
      },
    },
  },
  firefox: {
    name: 'Firefox ESR',
    driver: (port) => [process.env.GECKODRIVER || 'geckodriver', ['--port', String(port)]],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless', `--width=${WIDTH}`, `--height=${HEIGHT}`],
      },
    },
  },
  webkit: {
    name: 'WebKitGTK',
    // MiniBrowser needs a display: a virtual one, sized like a desktop screen.
    driver: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', '/usr/bin/WebKitWebDriver', `--port=${port}`]],
    capabilities: {
      browserName: 'MiniBrowser',
      // Without --automation, MiniBrowser does not accept the driver (it hangs or fails to match).
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
};

/** The engine chosen by STACKWAY_ENGINE (chromium, firefox or webkit). */
export function chosenEngine() {
  const key = process.env.STACKWAY_ENGINE || 'chromium';
  const engine = ENGINES[key];
  if (!engine) throw new Error(`STACKWAY_ENGINE=${key}: expected one of ${Object.keys(ENGINES).join(', ')}`);
  return { key, ...engine };
}

/** A port nobody listens on now (the drivers take a port number, not a listening socket). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs `program` in its own process group, so that stopping it also stops what it started
 *  (xvfb-run's X server, the driver's browser). Returns a function that stops it. */
function startGroup(program, args) {
  const child = spawn(program, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.once('error', (error) => { stderr += `\ncannot start ${program}: ${error.message}`; });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5_000);
      await exited;
      clearTimeout(timer);
    }
  };
  return { stop, exited, stderr: () => stderr };
}

/** Waits until the WebDriver server at `url` answers `/status` as ready. */
async function waitForDriver(url, server, deadlineMs = 30_000) {
  const started = Date.now();
  let ended = false;
  server.exited.then(() => { ended = true; });
  while (Date.now() - started < deadlineMs) {
    if (ended) throw new Error(`the WebDriver server stopped before answering:\n${server.stderr()}`);
    try {
      const answer = await fetch(`${url}/status`);
      if (answer.ok && (await answer.json()).value?.ready !== false) return;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the WebDriver server at ${url} did not answer within ${deadlineMs / 1000} s:\n${server.stderr()}`);
}

/** Starts the engine's WebDriver server and one browser session in it. `close()` ends both. */
export async function openBrowser(engine) {
  const port = await freePort();
  const [program, args] = engine.driver(port);
  const server = startGroup(program, args);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForDriver(url, server);
    const driver = await new Builder().usingServer(url).withCapabilities(engine.capabilities).build();
    // WebKitGTK opens its window at its own size; the others take it from their arguments.
    await driver.manage().window().setRect({ width: WIDTH, height: HEIGHT }).catch(() => {});
    const close = async () => {
      try { await driver.quit(); } finally { await server.stop(); }
    };
    return { driver, close };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
