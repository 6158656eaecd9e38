// The one-file release as an operator receives it: the archive `cargo xtask dist` writes
// (STACKWAY_ARCHIVE; `cargo xtask test` passes the `--profile dev` one, whose contents are the
// release's but for the compiler's optimisations) is unpacked into an empty folder with no
// checkout beside it, started as its INSTALL.md says, and must serve the widget that headless
// Chromium then renders. Its `widget/` folder must match `integrity.json`, and must work from
// another host exactly as INSTALL.md's snippet includes it, with the integrity hash enforced.
//
// Run alone:
//   cargo xtask dist --profile dev
//   STACKWAY_ARCHIVE=target/dist-dev/stackway-VERSION-TARGET.tar.gz node --test tests/dist/release.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ARCHIVE = process.env.STACKWAY_ARCHIVE;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];
// A program of the built-in sample feed, shown as a card in the widget's first view.
const PROGRAM = 'Certificate in Data Analytics';

let empty;
let folder;
let server;
let browser;

before(async () => {
  assert.ok(ARCHIVE, 'STACKWAY_ARCHIVE must name the archive (cargo xtask dist --profile dev writes one)');
  empty = mkdtempSync(path.join(tmpdir(), 'stackway-release-'));
  execFileSync('tar', ['-xzf', path.resolve(ARCHIVE), '-C', empty]);
  const top = readdirSync(empty);
  assert.equal(top.length, 1, `the archive holds one folder, not ${top.join(', ')}`);
  folder = path.join(empty, top[0]);
  server = await startAsInstallSays(folder);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (empty) rmSync(empty, { recursive: true, force: true });
});

/** INSTALL.md's "Try it" command (`./stackway serve --listen ADDRESS`), on a free port. */
function installCommand(folder) {
  const install = readFileSync(path.join(folder, 'INSTALL.md'), 'utf8');
  const line = install.split('\n').find((l) => l.startsWith('./stackway serve'));
  assert.ok(line, 'INSTALL.md says how to start the server (a line starting with ./stackway serve)');
  const words = line.trim().split(/\s+/);
  const listen = words.indexOf('--listen');
  assert.ok(listen > 0, `INSTALL.md's command names the address it listens on: ${line}`);
  return words;
}

/** A port nothing listens on. */
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts the unpacked command from its own folder, and waits for `/healthz` to answer 200. */
async function startAsInstallSays(folder) {
  const words = installCommand(folder);
  const port = await freePort();
  words[words.indexOf('--listen') + 1] = `127.0.0.1:${port}`;
  // Nothing from a checkout or a developer's shell may help it: the environment is only PATH.
  const child = spawn(words[0], words.slice(1), {
    cwd: folder,
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    assert.equal(child.exitCode, null, `./stackway serve exited: ${output}`);
    const answer = await fetch(`${base}/healthz`).catch(() => null);
    if (answer?.status === 200) break;
    assert.ok(Date.now() < deadline, `/healthz did not answer 200 within 30 s: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });
  return { base, stop, output: () => output };
}

/** Collects console errors, uncaught exceptions and CSP violations of a page. */
async function watchForProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return problems;
}

const integrity = () => JSON.parse(readFileSync(path.join(folder, 'integrity.json'), 'utf8'));
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

test('the archive holds the command, widget/, integrity.json, LICENSE and INSTALL.md, nothing else', () => {
  const name = path.basename(folder);
  assert.match(name, /^stackway-\d+\.\d+\.\d+-[a-z0-9_]+-[a-z0-9_-]+$/, 'stackway-VERSION-TARGET');
  assert.equal(`${name}.tar.gz`, path.basename(ARCHIVE));
  assert.deepEqual(readdirSync(folder).sort(), ['INSTALL.md', 'LICENSE', 'integrity.json', 'stackway', 'widget']);
  const mode = statSync(path.join(folder, 'stackway')).mode;
  assert.equal(mode & 0o111, 0o111, 'the command is executable');
  assert.match(readFileSync(path.join(folder, 'LICENSE'), 'utf8'), /Apache License/);
  const install = readFileSync(path.join(folder, 'INSTALL.md'), 'utf8');
  const version = name.split('-')[1];
  assert.ok(install.startsWith(`# Stackway ${version}: install`), 'INSTALL.md names the version');
  assert.doesNotMatch(install, /\{\{/, 'every placeholder of INSTALL.md is filled in');
});

test('/healthz answers ok with the archive\'s version', async () => {
  const answer = await fetch(`${server.base}/healthz`);
  assert.equal(answer.status, 200);
  const body = await answer.json();
  assert.equal(body.status, 'ok');
  assert.equal(body.version, path.basename(folder).split('-')[1]);
});

test('every file of widget/ has a content-hashed name and the SRI hash integrity.json gives it', () => {
  const { loader, files } = integrity();
  const present = readdirSync(path.join(folder, 'widget')).sort();
  assert.deepEqual(present, Object.keys(files).sort(), 'integrity.json lists exactly the files of widget/');
  assert.ok(present.includes(loader), `the loader ${loader} is in widget/`);
  assert.ok(present.some((name) => name.endsWith('.wasm')), 'the WebAssembly is in widget/');
  for (const name of present) {
    assert.match(name, /\.[0-9a-f]{10}\./, `${name} carries a content hash`);
    assert.equal(sri(readFileSync(path.join(folder, 'widget', name))), files[name], `${name}'s hash`);
  }
});

test('the command serves the same content-hashed widget it carries in widget/', async () => {
  const { loader } = integrity();
  const served = await fetch(`${server.base}/pkg/widget/${loader}`);
  assert.equal(served.status, 200);
  const bytes = Buffer.from(await served.arrayBuffer());
  assert.ok(bytes.equals(readFileSync(path.join(folder, 'widget', loader))), 'the same bytes');
});

test('the demo page shows the built-in sample feed\'s program cards in Chromium', async () => {
  const page = await browser.newPage();
  const problems = await watchForProblems(page);
  const answer = await page.goto(`${server.base}/`);
  assert.equal(answer.status(), 200);
  const card = page.locator('.sw-program .sw-card-title', { hasText: PROGRAM }).first();
  await card.waitFor({ state: 'visible', timeout: 30_000 });
  assert.match(await card.textContent(), new RegExp(PROGRAM));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the embed builder is built in too', async () => {
  const answer = await fetch(`${server.base}/www/builder.html`);
  assert.equal(answer.status, 200);
  assert.match(await answer.text(), /<script type="module" src="builder\.js">/);
});

/** A static host for the unpacked widget/ folder, as INSTALL.md asks of one, and `pages`. */
async function staticHost(pages = {}) {
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const host = createServer((request, response) => {
    const url = new URL(request.url, 'http://host');
    if (pages[url.pathname]) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return response.end(pages[url.pathname]);
    }
    const name = url.pathname.replace(/^\/stackway\/widget\//, '');
    if (name.includes('/') || name.startsWith('.')) {
      response.writeHead(404);
      return response.end();
    }
    try {
      const bytes = readFileSync(path.join(folder, 'widget', name));
      response.writeHead(200, {
        'content-type': types[path.extname(name)] || 'application/octet-stream',
        'access-control-allow-origin': '*',
      });
      response.end(bytes);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${host.address().port}`, close: () => host.close() };
}

test('INSTALL.md\'s snippet loads widget/ from another host with its integrity hash', async () => {
  const install = readFileSync(path.join(folder, 'INSTALL.md'), 'utf8');
  const snippet = install.match(/```html\n([\s\S]*?)```/)?.[1];
  assert.ok(snippet, 'INSTALL.md has an html snippet');
  const { loader, files } = integrity();
  // The widget on one origin (the CDN), the page on another (the LMS), the feed on a third.
  const cdn = await staticHost();
  const html = snippet
    .replace('https://cdn.example.ca/stackway/widget/LOADER', `${cdn.base}/stackway/widget/${loader}`)
    .replace('HASH', files[loader])
    .replace('https://college.example.ca/feed.json', `${server.base}/www/feeds/sample.json`);
  assert.notEqual(html, snippet);
  const lmsPage = (body) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>LMS page</title><link rel="icon" href="data:,"><body>${body}</body></html>`;
  const lms = await staticHost({
    '/page.html': lmsPage(html),
    '/tampered.html': lmsPage(html.replace(files[loader], sri(Buffer.from('not the loader')))),
  });
  const page = await browser.newPage();
  const problems = await watchForProblems(page);
  try {
    await page.goto(`${lms.base}/page.html`);
    const card = page.locator('.sw-program .sw-card-title', { hasText: PROGRAM }).first();
    await card.waitFor({ state: 'visible', timeout: 30_000 });
    assert.deepEqual(problems, []);
    // A loader whose bytes differ from its hash must be refused: the hash is really checked.
    const tampered = await browser.newPage();
    const refused = tampered.waitForEvent('console', {
      predicate: (message) => /integrity/i.test(message.text()),
      timeout: 15_000,
    });
    await tampered.goto(`${lms.base}/tampered.html`);
    await refused;
    assert.equal(await tampered.locator('.sw-program').count(), 0, 'no widget from a loader that fails its hash');
    await tampered.close();
  } finally {
    await page.close();
    cdn.close();
    lms.close();
  }
});
