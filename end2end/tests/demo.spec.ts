// The model city's year, loaded by `liaison demo` into a database of its own and served by a
// second server: a leader reads the dashboard in Chinese and prints the year-end review in
// French. Its screenshots (the dashboard, the review) are the README's.
import { test, expect, SHOTS, hydrated } from './helpers';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';

const port = Number(process.env.LIAISON_E2E_PORT ?? '3111') + 1;
const base = `http://127.0.0.1:${port}`;
const bin = process.env.LIAISON_BIN ?? '../target/debug/liaison';
const env = {
  PATH: process.env.PATH ?? '',
  DATABASE_URL: 'sqlite://../target/e2e/demo.db',
  LIAISON_ADDR: `127.0.0.1:${port}`,
  LIAISON_LOG: 'warn',
  LIAISON_MAIL_DIR: '../target/e2e/demo-outbox',
  LEPTOS_OUTPUT_NAME: 'liaison',
  LEPTOS_SITE_ROOT: '../target/site',
  LEPTOS_SITE_PKG_DIR: 'pkg',
  LEPTOS_ENV: 'PROD',
};

let server: ChildProcess | undefined;
let year = 0;
let password = '';

test.beforeAll(async () => {
  for (const f of ['demo.db', 'demo.db-wal', 'demo.db-shm']) fs.rmSync(`../target/e2e/${f}`, { force: true });
  execFileSync(bin, ['migrate'], { env });
  const out = execFileSync(bin, ['demo'], { env }).toString();
  year = Number(/The model city's (\d{4}) is loaded/.exec(out)?.[1]);
  password = /with the password (\S+):/.exec(out)?.[1] ?? '';
  expect(year).toBeGreaterThan(2000);
  server = spawn(bin, ['serve'], { env, stdio: 'ignore' });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the demo server did not start');
});

test.afterAll(() => {
  server?.kill();
});

test('a leader reads the model city’s year in Chinese and prints its review in French', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: base, locale: 'zh-CN', viewport: { width: 1280, height: 1200 } });
  const page = await context.newPage();
  await page.goto('/login');
  await hydrated(page);
  await page.locator('#email').fill('leader@demo.liaison.example');
  await page.locator('#password').fill(password);
  await page.locator('form.form button[type=submit]').click();
  await page.waitForURL((url) => url.pathname !== '/login');

  await page.goto(`/dashboard?year=${year}`);
  await hydrated(page);
  await expect(page.locator('h1')).toHaveText('数据看板');
  const figure = (name: string) => page.locator(`tr[data-figure=${name}] td`).first();
  await expect(figure('projects_on_list')).toHaveText('666');
  await expect(figure('start_rate')).toHaveText('94.44%');
  await expect(figure('visitors_received')).toHaveText('110');
  await expect(page.locator('table.events')).toContainText('春季集中签约活动');
  await expect(page.locator('.new-cities')).toHaveText('新增意向友好城市：里尔、帕多瓦、撒马尔罕');
  await page.screenshot({ path: `${SHOTS}/dashboard.png` });

  // Each breakdown: its chart drawn on the server, its table beside it, the same as CSV.
  const funnel = page.locator('figure[data-table=funnel]');
  await expect(funnel.locator('svg rect.bar')).toHaveCount(3);
  await expect(funnel.locator('tbody tr').first()).toContainText('666');
  await expect(page.locator('figure[data-table=delegation_countries] circle.country-dot').first()).toBeAttached();
  const csv = await page.request.get((await funnel.locator('a[download]').getAttribute('href')) ?? '');
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('储备（签约）,666');
  await page.locator('figure[data-table=projects_by_month]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '../target/e2e/dashboard-charts.png', fullPage: true });

  // The review in French, whatever the page's language, ready for A4.
  await page.locator('.review-links li[lang=fr] a').first().click();
  await page.waitForURL(/\/dashboard\/review\?/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('h1')).toHaveText(`Bilan de l’année ${year}`);
  await expect(page.locator('article')).toContainText('La ville a reçu 15 délégations étrangères, soit 110 visiteurs.');
  await expect(page.locator('article')).toContainText('3 nouvelles villes amies pressenties\u202F: Lille, Padoue, Samarcande.');
  await page.screenshot({ path: `${SHOTS}/review-fr.png`, fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(3);

  // The product's name leads a leader home, and a leader's home is the dashboard, also when
  // the link is followed in the browser rather than loaded from the server.
  await page.goto('/account');
  await hydrated(page);
  await page.locator('a.brand').click();
  await page.waitForURL((url) => url.pathname === '/dashboard');
  await expect(page.locator('tr[data-figure=projects_on_list]')).toBeVisible();
  await expect(page.locator('nav.mainnav a[href="/"]')).toHaveCount(0);
  await context.close();
});
