// Browser tests: Debian's Chromium driven by Playwright, against the real server and a fresh
// SQLite database under target/e2e (the Makefile empties it before each run).
import { defineConfig } from '@playwright/test';

const port = process.env.LIAISON_E2E_PORT ?? '3111';
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../target/e2e/report.json' }]],
  outputDir: '../target/e2e/results',
  use: {
    baseURL,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: process.env.LIAISON_BIN ?? '../target/debug/liaison',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: 'sqlite://../target/e2e/liaison.db',
      LIAISON_ADDR: `127.0.0.1:${port}`,
      LIAISON_ADMIN_EMAIL: 'admin@liaison.test',
      LIAISON_ADMIN_PASSWORD: 'first admin password',
      LIAISON_LOG: 'warn',
      // No mail server here: the outbox writes each message as a file, and sends soon.
      LIAISON_MAIL_DIR: '../target/e2e/outbox',
      LIAISON_OUTBOX_POLL: '1s',
      LEPTOS_OUTPUT_NAME: 'liaison',
      LEPTOS_SITE_ROOT: '../target/site',
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_ENV: 'PROD',
    },
  },
});
