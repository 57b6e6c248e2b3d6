import { test as base, expect, BrowserContext, Page } from '@playwright/test';

/**
 * Every browser test runs with the server's Content-Security-Policy on and fails on any
 * violation the browser reports (a script without the page's nonce, a style from elsewhere),
 * in the test's own context and in any it opens.
 */
export const test = base.extend<{ contentSecurityPolicy: void }>({
  contentSecurityPolicy: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      const watch = (c: BrowserContext) =>
        c.on('console', (m) => {
          if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(`${m.page()?.url() ?? m.location().url}: ${m.text()}`);
        });
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const c = await newContext(options);
        watch(c);
        return c;
      };
      await use();
      browser.newContext = newContext;
      expect(violations, 'no Content-Security-Policy violation').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const ADMIN = { email: 'admin@liaison.test', password: 'first admin password' };
export const SHOTS = '../target/screenshots';

/** Wait until the wasm has taken over the page: clicks before that would be lost. */
export async function hydrated(page: Page) {
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}

/** The passwords colleagues chose at their first sign-in, by e-mail address. */
const chosen = new Map<string, string>();

/**
 * Sign in. A password an administrator set is replaced by one's own at the first sign-in
 * (the step page `/login/step`): the colleague chooses `<password> (mine)`, used from then on.
 */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await hydrated(page);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(chosen.get(email) ?? password);
  await page.locator('form.form button[type=submit]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
  if (new URL(page.url()).pathname === '/login/step') {
    const own = `${password} (mine)`;
    await expect(page.locator('#new_password')).toBeVisible();
    await page.locator('#new_password').fill(own);
    await page.locator('#confirm_password').fill(own);
    await page.locator('form.form button[type=submit]').click();
    await page.waitForURL((url) => url.pathname !== '/login/step');
    chosen.set(email, own);
  }
}

export async function signOut(page: Page) {
  await page.locator('.usermenu button[type=submit]').click();
  await expect(page).toHaveURL(/\/login/);
}

export interface Colleague {
  name: string;
  email: string;
  role: string;
  locale: string;
  department?: string;
  password: string;
}

/** The signed-in admin creates a colleague's account (department by its code's name). */
export async function createColleague(page: Page, c: Colleague) {
  await page.goto('/admin/users/new');
  await hydrated(page);
  await page.locator('#display_name').fill(c.name);
  await page.locator('#email').fill(c.email);
  await page.locator('#role').selectOption(c.role);
  if (c.department) {
    await page.locator('#department_id').selectOption({ label: c.department });
  }
  await page.locator('#locale').selectOption(c.locale);
  await page.locator('#password').fill(c.password);
  await page.locator('form.form button[type=submit]').click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+/);
  await hydrated(page);
}

/** Record one of an investment project's three reviews on its page. */
export async function review(page: Page, aspect: string, verdict: 'true' | 'false', finding: string) {
  await page.locator('#aspect').selectOption(aspect);
  await page.locator('#passed').selectOption(verdict);
  await page.locator('#finding').fill(finding);
  await page.getByRole('button', { name: 'Record a review' }).click();
  await expect(page.locator('table').filter({ hasText: finding })).toBeVisible();
}

/** Move an investment project to a stage from its page. */
export async function moveTo(page: Page, stage: string) {
  await page.locator('#to_stage').selectOption(stage);
  await page.getByRole('button', { name: 'Move the project' }).click();
}
