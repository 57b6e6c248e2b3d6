// Lille becomes a prospective friendship city: the protocol officer who received its
// delegation (delegations.spec.ts runs first) registers the city, links that delegation to
// its timeline, finds it on the world map and exports the register.
import { test, expect, SHOTS, hydrated, signIn, signOut } from './helpers';
import { readFileSync } from 'node:fs';

test('a protocol officer registers Lille, links its delegation, sees it on the map and exports the register', async ({ page }) => {
  await signIn(page, 'chen.jing@fao.test', 'protocol officer password');
  await page.getByRole('navigation').getByRole('link', { name: '友好城市' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('友好城市');
  await page.getByRole('link', { name: '登记友好城市' }).click();
  await hydrated(page);
  await page.locator('#name_zh').fill('里尔');
  await page.locator('#name_original').fill('Lille');
  await page.locator('#name_en').fill('Lille');
  await page.locator('#name_fr').fill('Lille');
  await page.locator('#country').selectOption('FR');
  await page.locator('#kind').selectOption('prospective');
  await page.locator('#latitude').fill('50.6292');
  await page.locator('#longitude').fill('3.0573');
  await page.locator('#first_contact_on').fill('2025-10-01');
  // A letter of intent before the first contact is refused.
  await page.locator('#letter_of_intent_on').fill('2025-09-01');
  await page.locator('form.form button[type=submit]').click();
  await expect(page.locator('#letter_of_intent_on-error')).toContainText('签署意向书的日期不能早于首次接触');
  await page.locator('#letter_of_intent_on').fill('2026-03-15');
  await page.getByLabel('经贸').check();
  await page.getByLabel('教育').check();
  await page.locator('form.form button[type=submit]').click();
  await expect(page).toHaveURL(/\/cities\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('里尔');
  await hydrated(page);

  // The incoming delegation from Lille joins the timeline with its own title and date.
  await page.locator('#exchange_kind').selectOption('delegation');
  await page.locator('#delegation_id').selectOption({ label: '里尔市政府代表团' });
  await page.locator('#timeline-heading ~ form button[type=submit]').click();
  await expect(page.locator('ul.timeline')).toContainText('里尔市政府代表团');
  await expect(page.locator('ul.timeline')).toContainText('2026年12月1日');
  await page.screenshot({ path: `${SHOTS}/city.png`, fullPage: true });

  // On the map, at its coordinates, linked to its page.
  await page.goto('/cities');
  const dot = page.locator('.world-map a', { hasText: '里尔' });
  await expect(dot.locator('circle')).toHaveAttribute('cx', '508.5');
  await expect(dot.locator('circle')).toHaveAttribute('cy', '109.4');
  await expect(dot.locator('circle')).toHaveClass(/city-prospective/);
  await page.screenshot({ path: `${SHOTS}/cities.png`, fullPage: true });

  // The register as CSV, in Chinese.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 CSV（Excel）' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('里尔,Lille,法国,意向友好城市,已签意向书,2025-10-01,2026-03-15,,2026-12-01');
  await hydrated(page);
  await signOut(page);
});
