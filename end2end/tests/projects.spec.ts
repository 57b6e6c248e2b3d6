// Investment projects: Li Na (a liaison officer, in English; cases.spec.ts creates her and the
// tax department's 陈刚) records the Silk Road Expo and two projects signed there after their
// three-way review (one held back by a failed legality review until it is redone); one starts,
// gets a health check whose problem goes to the tax department, and completes. The fair's page
// and the rates show the right figures, in English and in Chinese.
import { test, expect, SHOTS, hydrated, moveTo, review, signIn, signOut } from './helpers';
import type { Page } from '@playwright/test';

const PASSWORD = 'one to one support';

/** Register a project from the fair, in negotiation; its page follows. */
async function register(page: Page, name: string, amount: string) {
  await page.goto('/projects/new');
  await hydrated(page);
  await page.locator('#name').fill(name);
  await page.locator('#investor').fill('Lumière Composites SAS');
  await page.locator('#investor_country').selectOption('FR');
  await page.locator('#total_investment').fill(amount);
  await page.locator('#capital_kind').selectOption('foreign');
  await page.locator('#source').selectOption('event');
  await page.locator('#event_id').selectOption({ label: 'Silk Road Expo 2026' });
  await page.locator('#stage').selectOption('negotiating');
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await hydrated(page);
}

test('an officer records a trade fair and follows its projects from the review to completion', async ({ page }) => {
  await signIn(page, 'li.na@liaison.test', PASSWORD);
  await page.getByRole('navigation').getByRole('link', { name: 'Investment projects' }).click();
  await page.getByRole('link', { name: 'Promotion events' }).click();
  await page.getByRole('link', { name: 'Record an event' }).click();
  await hydrated(page);
  await page.locator('#kind').selectOption('trade_fair');
  await page.locator('#name').fill('Silk Road Expo 2026');
  await page.locator('#starts_on').fill('2026-05-20');
  // A fair that ends before it starts is refused, with the reason beside the field.
  await page.locator('#ends_on').fill('2026-05-19');
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.locator('#ends_on-error')).toBeVisible();
  await page.locator('#ends_on').fill('2026-05-24');
  await page.locator('#place').fill('Xi’an International Expo Centre');
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page).toHaveURL(/\/projects\/events\/\d+$/);
  const fair = page.url();

  // The first project: its legality review fails, so it cannot be signed until redone.
  await register(page, 'Lumière composites plant', '12.5');
  await review(page, 'authenticity', 'true', 'Business licence and bank statement seen.');
  await review(page, 'legality', 'false', 'The land is not zoned for industry.');
  await review(page, 'feasibility', 'true', 'Market and supply chain are there.');
  await moveTo(page, 'signed');
  await expect(page.locator('#to_stage-error')).toHaveText('All three reviews must pass before the project is signed.');
  await review(page, 'legality', 'true', 'Moved to the new materials park, zoned for industry.');
  await moveTo(page, 'signed');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');
  const first = page.url();

  // The second project passes its reviews at once.
  await register(page, 'Lumière battery line', '3.25');
  for (const aspect of ['authenticity', 'legality', 'feasibility']) await review(page, aspect, 'true', `${aspect} checked.`);
  await moveTo(page, 'signed');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');

  // The first one starts; a health check finds a tax problem and sends it to the tax department.
  await page.goto(first);
  await hydrated(page);
  await moveTo(page, 'started');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Started');
  await page.locator('#progress_pct').fill('60');
  await page.locator('#findings').fill('Main structure finished.');
  await page.locator('#problem').fill('VAT refund on imported equipment not yet paid.');
  await page.locator('#department_id').selectOption({ label: 'Tax' });
  await page.getByRole('button', { name: 'Record a check' }).click();
  const checks = page.locator('table.checks');
  await expect(checks).toContainText('VAT refund on imported equipment not yet paid.');
  await expect(checks.getByRole('link')).toHaveText(/^\w+-\d{4}-\d+$/);
  await page.screenshot({ path: `${SHOTS}/project.png`, fullPage: true });
  await moveTo(page, 'completed');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Completed');

  // What the fair produced, counted from its projects; the rates of this year's signings.
  await page.goto(fair);
  await expect(page.locator('.figure')).toHaveText(
    '2 projects signed, 15.75 亿元 (× 100 million CNY) in all; 1 started, 1 completed.',
  );

  // The list's rows are drawn by the server and not sent again for hydration: filtering in the
  // browser afterwards (and going back) draws them from the server functions' answers.
  await page.goto('/projects');
  await hydrated(page);
  const names = page.locator('table.projects tbody a');
  await expect(names.filter({ hasText: 'Lumière battery line' })).toHaveCount(1);
  await page.locator('#stage').selectOption('completed');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page).toHaveURL(/stage=completed/);
  await expect(names.filter({ hasText: 'Lumière composites plant' })).toHaveCount(1);
  await expect(names.filter({ hasText: 'Lumière battery line' })).toHaveCount(0);
  await page.goBack();
  await expect(names.filter({ hasText: 'Lumière battery line' })).toHaveCount(1);

  await page.goto('/projects/rates');
  await expect(page.locator('dd.start-rate')).toHaveText('50.00%');
  await expect(page.locator('dd.completion-rate')).toHaveText('50.00%');
  await expect(page.getByText('Start rate = started ÷ signed.')).toBeVisible();

  // The same in Chinese.
  await hydrated(page);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('开工率与建成率');
  await expect(page.locator('dd.start-rate')).toHaveText('50.00%');
  await page.screenshot({ path: `${SHOTS}/rates.png`, fullPage: true });
  await page.goto(fair);
  await expect(page.locator('.figure')).toHaveText('签约项目 2 个，总投资 15.75 亿元；已开工 1 个，已建成 1 个。');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await signOut(page);

  // The tax department finds the problem among its tasks.
  await signIn(page, 'chen.gang@tax.test', PASSWORD);
  await page.goto('/tasks');
  await expect(page.locator('section.task', { hasText: 'Lumière composites plant' })).toContainText(
    'VAT refund on imported equipment not yet paid.',
  );
  await signOut(page);
});
