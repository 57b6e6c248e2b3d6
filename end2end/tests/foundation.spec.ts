// The foundation's user journeys: sign in, languages, an admin creating a colleague's account,
// the sign-in form without JavaScript, and hydration.
import { test, expect, ADMIN, SHOTS, hydrated, signIn, signOut } from './helpers';

test('an admin signs in and lands on the overview in their own language', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await page.screenshot({ path: `${SHOTS}/login.png`, fullPage: true });

  await signIn(page, ADMIN.email, ADMIN.password);
  // The first admin prefers Chinese, which now wins over the browser's English.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('navigation').getByRole('link', { name: '工作人员账号' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });
});

test('a visitor switches to French and back to English', async ({ page }) => {
  await page.goto('/login');
  await hydrated(page);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('label[for=email]')).toHaveText('Adresse de courriel');
  await page.screenshot({ path: `${SHOTS}/login-fr.png`, fullPage: true });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('an admin creates an account and the new colleague signs in', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
  await page.getByRole('navigation').getByRole('link', { name: '工作人员账号' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作人员账号');
  await page.getByRole('link', { name: '新建账号' }).click();
  await hydrated(page);
  await page.locator('#display_name').fill('Élodie Martin');
  await page.locator('#email').fill('elodie.martin@liaison.test');
  await page.locator('#role').selectOption('liaison_officer');
  await page.locator('#locale').selectOption('fr');
  await page.locator('#password').fill('short');
  await page.getByRole('button', { name: '创建账号' }).click();
  // Refused with a message beside the field; nothing saved.
  await expect(page.locator('#password ~ .field-error')).toHaveText('密码至少需要 10 个字符。');
  await page.locator('#password').fill('bienvenue à Liaison');
  await page.getByRole('button', { name: '创建账号' }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Élodie Martin');
  await page.goto('/admin/users');
  await expect(page.getByRole('cell', { name: 'elodie.martin@liaison.test' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/users.png`, fullPage: true });
  await hydrated(page);
  await signOut(page);

  await signIn(page, 'elodie.martin@liaison.test', 'bienvenue à Liaison');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vue d’ensemble');
  await expect(page.getByText('Bienvenue, Élodie Martin.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Comptes du personnel' })).toHaveCount(0);
});

test('the sign-in form works with JavaScript disabled', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
  await page.locator('#email').fill(ADMIN.email);
  await page.locator('#password').fill('not the password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toContainText('L’adresse de courriel ou le mot de passe est incorrect.');
  await page.locator('#email').fill(ADMIN.email);
  await page.locator('#password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test('the page hydrates: the show-password control works', async ({ page }) => {
  await page.goto('/login');
  await hydrated(page);
  const password = page.locator('#password');
  await password.fill('secret words');
  await expect(password).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Hide' }).click();
  await expect(password).toHaveAttribute('type', 'password');
});

test('the layout holds on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
  await page.screenshot({ path: `${SHOTS}/login-phone-zh.png`, fullPage: true });
  await context.close();
});

test('the bundle is sent compressed, under a name that changes with it, and kept a year', async ({ page }) => {
  await page.goto('/login');
  await hydrated(page);
  const href = (await page.locator('link#liaison').getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/pkg\/liaison-[0-9a-f]{12}\.css$/);
  const name = href.slice('/pkg/'.length, -'.css'.length);
  for (const file of [`${name}_bg.wasm`, `${name}.js`, `${name}.css`]) {
    const br = await page.request.get(`/pkg/${file}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.status()).toBe(200);
    expect(br.headers()['content-encoding']).toBe('br');
    expect(br.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await page.request.get(`/pkg/${file}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers()['content-encoding']).toBe('gzip');
  }
  // Pages themselves are never kept.
  const login = await page.request.get('/login');
  expect(login.headers()['cache-control']).toBe('no-store');
});
