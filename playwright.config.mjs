// End-to-end tests in Debian's headless Chromium, against `stackway serve`.
// `cargo xtask test` builds the widget and the server first and passes STACKWAY_BIN and
// STACKWAY_E2E_PORT; run alone, this expects `target/debug/stackway` and port 8765.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.STACKWAY_E2E_PORT || 8765);
const stackway = process.env.STACKWAY_BIN || 'target/debug/stackway';

// Flags for Chromium in containers and closed networks (see /work/shared/TOOLCHAIN.md).
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/artifacts/playwright',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'tests/artifacts/e2e-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: chromiumArgs,
    },
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `${stackway} serve --dir . --listen 127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
  },
});
