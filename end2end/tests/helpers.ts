import { expect, Page } from '@playwright/test';

export const ADMIN = { email: 'admin@liaison.test', password: 'first admin password' };
export const SHOTS = '../target/screenshots';

/** Wait until the wasm has taken over the page: clicks before that would be lost. */
export async function hydrated(page: Page) {
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await hydrated(page);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form.form button[type=submit]').click();
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
