// A liaison officer registers a French enterprise, is told off by the credit-code check,
// corrects it, and records an aftercare visit; the enterprise then shows under "My enterprises".
import { test, expect, ADMIN, SHOTS, hydrated, signIn, signOut } from './helpers';

test('a liaison officer registers an enterprise and records a visit', async ({ page }) => {
  // The admin creates the officer's account (in English this time).
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
  await page.goto('/admin/users/new');
  await hydrated(page);
  await page.locator('#display_name').fill('Wang Fang');
  await page.locator('#email').fill('wang.fang@liaison.test');
  await page.locator('#role').selectOption('liaison_officer');
  await page.locator('#locale').selectOption('en');
  await page.locator('#password').fill('one to one support');
  await page.getByRole('button', { name: '创建账号' }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+/);
  await hydrated(page);
  await signOut(page);

  await signIn(page, 'wang.fang@liaison.test', 'one to one support');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await page.getByRole('navigation').getByRole('link', { name: 'Enterprises', exact: true }).click();
  await page.getByRole('link', { name: 'Register an enterprise' }).click();
  await hydrated(page);
  await page.locator('#name_zh').fill('里尔光华复合材料有限公司');
  await page.locator('#name_original').fill('Lumière Composites SAS');
  await page.locator('#credit_code').fill('91350100M000100Y44');
  await page.locator('#country').selectOption('FR');
  await page.locator('#registered_capital_usd').fill('9,200,000');
  await page.locator('#is_key').check();
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.locator('#credit_code ~ .field-error')).toContainText('its last character does not match');

  await page.locator('#credit_code').fill('91350100M000100Y43');
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page).toHaveURL(/\/enterprises\/\d+/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('里尔光华复合材料有限公司');
  await expect(page.getByText('$9,200,000.00')).toBeVisible();
  await hydrated(page);

  const today = new Date().toISOString().slice(0, 10);
  await page.locator('#kind').selectOption('visit');
  await page.locator('#contacted_on').fill(today);
  await page.locator('#participants').fill('Mme Claire Dubois');
  await page.locator('#contact_notes').fill('Annual aftercare visit: customs pre-clearance question raised.');
  await page.getByRole('button', { name: 'Record a contact' }).last().click();
  await expect(page.locator('.history').last()).toContainText('Mme Claire Dubois');
  await page.screenshot({ path: `${SHOTS}/enterprise.png`, fullPage: true });

  // Open a case for it: the reference and the access code appear once.
  await page.getByRole('link', { name: 'Open a case' }).click();
  await hydrated(page);
  await page.locator('#case_type').selectOption('customs');
  await page.locator('#language').selectOption('fr');
  await page.locator('#title').fill('Pré-dédouanement des pièces détachées');
  await page.locator('#description').fill('Demande de pré-dédouanement pour des pièces CNC importées de Lille.');
  await page.locator('#green_channel').check();
  await page.getByRole('button', { name: 'Open the case' }).click();
  await expect(page).toHaveURL(/\/cases\/\d+/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/LN-\d{4}-\d{6}/);
  await expect(page.locator('#access-code')).toHaveText(/^[34679ACDEFGHJKMNPQRTUVWXY]{12}$/);
  await hydrated(page);
  await page.locator('#to_status').selectOption('accepted');
  await page.getByRole('button', { name: 'Change the status' }).last().click();
  await expect(page.locator('.timeline')).toContainText('Submitted → Accepted');
  await page.screenshot({ path: `${SHOTS}/case.png`, fullPage: true });

  await page.getByRole('navigation').getByRole('link', { name: 'My enterprises' }).click();
  await expect(page.getByRole('link', { name: '里尔光华复合材料有限公司' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/enterprises.png`, fullPage: true });
});
