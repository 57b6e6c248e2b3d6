// The one-to-one model end to end: an officer opens a case for an enterprise and routes it to
// customs and tax; the customs liaison completes its task, the tax liaison blocks its own with
// a note; the officer writes to the applicant in English and French, resolves the case over
// the open task with a reason, and closes it. Deadlines and service levels are on the way.
import { Page } from '@playwright/test';
import { test, expect, ADMIN, SHOTS, createColleague, hydrated, signIn, signOut } from './helpers';

const PASSWORD = 'one to one support';

async function changeStatus(page: Page, to: string, reason = '') {
  await page.locator('#to_status').selectOption(to);
  await page.locator('#reason').fill(reason);
  await page.getByRole('button', { name: 'Change the status' }).click();
}

async function workTask(page: Page, reference: string, status: string, note: string) {
  await page.goto('/tasks');
  await hydrated(page);
  const card = page.locator('section.task', { hasText: reference });
  await card.locator('select[name=status]').selectOption(status);
  await card.locator('textarea[name=department_note]').fill(note);
  await card.locator('button[type=submit]').click();
  await expect(card.locator('.status')).toHaveClass(new RegExp(`status-task-${status}`));
}

test('a case goes through customs and tax and is resolved and closed', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
  await createColleague(page, { name: 'Li Na', email: 'li.na@liaison.test', role: 'liaison_officer', locale: 'en', password: PASSWORD });
  await createColleague(page, { name: '海关 周敏', email: 'zhou.min@customs.test', role: 'department_liaison', department: '海关', locale: 'zh-CN', password: PASSWORD });
  await createColleague(page, { name: '税务 陈刚', email: 'chen.gang@tax.test', role: 'department_liaison', department: '税务', locale: 'zh-CN', password: PASSWORD });
  await page.goto('/admin/service-levels');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('时限设置');
  await page.screenshot({ path: `${SHOTS}/service-levels.png`, fullPage: true });
  await signOut(page);

  // The officer registers the enterprise and opens a case in French for its manager.
  await signIn(page, 'li.na@liaison.test', PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await page.goto('/enterprises/new');
  await hydrated(page);
  await page.locator('#name_zh').fill('里尔精密模具有限公司');
  await page.locator('#name_original').fill('Moules de Précision de Lille SARL');
  await page.locator('#country').selectOption('FR');
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page).toHaveURL(/\/enterprises\/\d+/);
  await hydrated(page);
  await page.getByRole('link', { name: 'Open a case' }).click();
  await hydrated(page);
  await page.locator('#case_type').selectOption('foreign_exchange');
  await page.locator('#language').selectOption('fr');
  await page.locator('#title').fill('Rapatriement de dividendes');
  await page.locator('#description').fill('Enregistrement FDI et dédouanement d’un moule importé.');
  await page.locator('#applicant_name').fill('Claire Martin');
  await page.locator('#applicant_email').fill('claire.martin@moules-lille.example');
  await page.getByRole('button', { name: 'Open the case' }).click();
  await expect(page).toHaveURL(/\/cases\/\d+/);
  const reference = (await page.getByRole('heading', { level: 1 }).locator('code').textContent())!;
  expect(reference).toMatch(/^LN-\d{4}-\d{6}$/);
  await expect(page.locator('.facts')).toContainText('On track');
  await hydrated(page);
  const caseUrl = page.url();

  await changeStatus(page, 'accepted');
  await expect(page.locator('.timeline')).toContainText('Submitted → Accepted');
  await changeStatus(page, 'in_progress');
  await expect(page.locator('.timeline')).toContainText('Accepted → In progress');
  await page.getByRole('checkbox', { name: 'Customs' }).check();
  await page.getByRole('checkbox', { name: 'Tax' }).check();
  await page.locator('#instructions').fill('Please confirm the import record and the tax filing.');
  await page.getByRole('button', { name: 'Route to departments' }).click();
  await expect(page.locator('#tasks-heading + .table-wrap tbody tr')).toHaveCount(2);
  await signOut(page);

  // Customs completes its task; tax blocks its own with a note.
  await signIn(page, 'zhou.min@customs.test', PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
  await workTask(page, reference, 'done', '进口备案已确认。');
  await page.screenshot({ path: `${SHOTS}/tasks.png`, fullPage: true });
  await signOut(page);
  await signIn(page, 'chen.gang@tax.test', PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
  await workTask(page, reference, 'blocked', '缺少董事会利润分配决议。');
  await signOut(page);

  // The officer sees both, writes to the applicant in English and French, resolves and closes.
  await signIn(page, 'li.na@liaison.test', PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await page.goto(caseUrl);
  await hydrated(page);
  const tasks = page.locator('#tasks-heading + .table-wrap');
  await expect(tasks.locator('tr', { hasText: 'Customs' })).toContainText('Done');
  await expect(tasks.locator('tr', { hasText: 'Tax' })).toContainText('缺少董事会利润分配决议。');
  await page.locator('#public_en').fill('Customs has confirmed your import record; tax needs the board resolution.');
  await page.locator('#public_fr').fill('La douane a confirmé votre enregistrement ; le fisc attend la décision du conseil.');
  await page.getByRole('button', { name: 'Post the update' }).click();
  await expect(page.locator('.timeline .public-text[lang=fr]')).toContainText('La douane a confirmé');
  await expect(page.locator('.timeline .public-text[lang=en]')).toContainText('Customs has confirmed');
  await expect(page.locator('.timeline')).not.toContainText('Not written in French');

  await changeStatus(page, 'resolved');
  await expect(page.locator('#reason ~ .field-error')).toContainText('Departments still have open tasks');
  await changeStatus(page, 'resolved', 'Résolu : la décision du conseil sera déposée directement au fisc.');
  await expect(page.locator('.timeline')).toContainText('In progress → Resolved');
  await changeStatus(page, 'closed');
  await expect(page.locator('.timeline')).toContainText('Resolved → Closed');
  await expect(page.locator('h1 + p .status')).toHaveText('Closed');
  await page.screenshot({ path: `${SHOTS}/case-closed.png`, fullPage: true });

  await page.getByRole('navigation').getByRole('link', { name: 'Deadlines' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deadlines');
  await page.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('link', { name: reference })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/cases.png`, fullPage: true });
  await signOut(page);

  // The administrator sees what went out: the applicant's French news, the departments' tasks.
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: '发件箱' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('发件箱');
  const toClaire = page.locator('tbody tr', { hasText: 'claire.martin@moules-lille.example' });
  await expect(toClaire.filter({ hasText: `Nouvelles de votre demande ${reference}` })).toContainText('已发送');
  await expect(page.locator('tbody tr', { hasText: 'zhou.min@customs.test' })).toContainText('协调事项分派');
  await page.screenshot({ path: `${SHOTS}/outbox.png`, fullPage: true });
});
