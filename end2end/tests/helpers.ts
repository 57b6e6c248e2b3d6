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
