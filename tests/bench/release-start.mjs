// How fast the release starts serving, for docs/benchmarks.md: from exec of `./stackway serve`
// (in the unpacked archive's folder, no checkout beside it) to the first 200 on GET /healthz,
// median of RUNS starts. Each start is alternated with the baseline: exec of `./stackway
// --version` to its exit, what starting the process costs whatever it then does.
//
// Modes: `site` (`serve --listen ADDR`, the built-in site, as INSTALL.md starts it) and `lti`
// (`serve --config tool.toml` too: the tool's keys read, the SQLite registration store opened).
//
//   cargo xtask dist                       # or: cargo xtask dist --profile dev (say so with the number)
//   node tests/bench/release-start.mjs dist/stackway-VERSION-TARGET.tar.gz [RUNS] [site|lti]
//
// /healthz is polled every millisecond from a client on the same machine, so a start is
// measured to within about a millisecond plus one request.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, loadavg } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';

const [archive, runsArg = '21', mode = 'site'] = process.argv.slice(2);
if (!archive || !['site', 'lti'].includes(mode)) {
  console.error('usage: node tests/bench/release-start.mjs ARCHIVE.tar.gz [RUNS] [site|lti]');
  process.exit(2);
}
const RUNS = Number(runsArg);

/** A port nothing listens on. */
function freePort() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The status and body of one GET; status 0 when nothing answers yet. */
function get(port, pathname) {
  return new Promise((resolve) => {
    const asked = request({ host: '127.0.0.1', port, path: pathname, agent: false }, (answer) => {
      let body = '';
      answer.on('data', (chunk) => { body += chunk; });
      answer.on('end', () => resolve({ status: answer.statusCode, body }));
    });
    asked.on('error', () => resolve({ status: 0, body: '' }));
    asked.end();
  });
}

/** Milliseconds from exec to the first 200 on /healthz, and that answer's JSON; the server is
 * stopped after. */
async function startOnce(folder, extra) {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn('./stackway', ['serve', '--listen', `127.0.0.1:${port}`, ...extra], {
    cwd: folder,
    env: { PATH: process.env.PATH },
    stdio: 'ignore',
  });
  let health;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`stackway serve exited with ${child.exitCode}`);
    health = await get(port, '/healthz');
    if (health.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return { elapsed, health: JSON.parse(health.body) };
}

/** Milliseconds from exec of `./stackway --version` to its exit. */
function versionOnce(folder) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('./stackway', ['--version'], { cwd: folder, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
  });
}

/** `--config tool.toml` for the `lti` mode: generated keys and a SQLite registration store. */
async function ltiArgs(folder) {
  execFileSync('./stackway', ['keys', 'generate', '--dir', 'state/keys'], { cwd: folder, stdio: 'ignore' });
  writeFileSync(path.join(folder, 'state', 'tool.toml'), [
    '[tool]',
    'base_url = "https://stackway.example.edu"',
    'keys = "keys/"',
    '',
    '[registration]',
    'store = "registrations.sqlite"',
    '',
  ].join('\n'));
  return ['--config', 'state/tool.toml'];
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const empty = mkdtempSync(path.join(tmpdir(), 'stackway-start-'));
try {
  execFileSync('tar', ['-xzf', path.resolve(archive), '-C', empty]);
  const folder = path.join(empty, readdirSync(empty)[0]);
  const extra = mode === 'lti' ? await ltiArgs(folder) : [];
  const load = [loadavg()[0]];
  // One start not counted: the first exec reads the binary from disk into the page cache. It
  // also proves the mode: with `lti`, /healthz has checked the tool's store.
  const { health } = await startOnce(folder, extra);
  if (health.status !== 'ok' || health.lti !== (mode === 'lti')) {
    throw new Error(`/healthz said ${JSON.stringify(health)} in mode ${mode}`);
  }
  const starts = [];
  const versions = [];
  for (let run = 0; run < RUNS; run++) {
    starts.push((await startOnce(folder, extra)).elapsed);
    versions.push(await versionOnce(folder));
  }
  load.push(loadavg()[0]);
  const start = median(starts);
  const version = median(versions);
  const format = (ms) => `${ms.toFixed(1)} ms`;
  console.log(`${path.basename(folder)}, mode ${mode}, ${RUNS} runs, load ${load.map((l) => l.toFixed(1)).join('–')}`);
  console.log(`exec → first 200 on /healthz: median ${format(start)} (min ${format(Math.min(...starts))}, max ${format(Math.max(...starts))})`);
  console.log(`baseline, exec → exit of --version: median ${format(version)}`);
  console.log(`ratio ${(start / version).toFixed(2)}`);
} finally {
  rmSync(empty, { recursive: true, force: true });
}
