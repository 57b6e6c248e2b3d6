// Investment promotion: Li Na (a liaison officer, in English; cases.spec.ts creates her) maps
// the low-altitude economy sub-chain the admin added, imports the firms to approach from an
// .xlsx file with two bad rows, reads why each was refused, fixes them in the file and imports
// it again: the firms saved the first time are updated, not doubled. Then she moves one on,
// follows its lead into the project it became and signs it. She then publishes a promoted
// project in three languages; a French investor finds it on the portal in French and expresses
// interest; the lead is hers, and the French acknowledgement leaves the outbox.
import { test, expect, ADMIN, SHOTS, hydrated, moveTo, review, signIn, signOut } from './helpers';
import type { Page } from '@playwright/test';
import { xlsx } from './xlsx';

const PASSWORD = 'one to one support';
const HEADINGS = ['Name', 'Chinese name', 'Country', 'Sub-chain', 'Segments', 'Size', 'Officer', 'Next step', 'Next step on'];

async function addSegment(page: Page, link: string, zh: string, en: string, fr: string) {
  await page.locator('#link').selectOption(link);
  await page.locator('#name_zh-segment').fill(zh);
  await page.locator('#name_en-segment').fill(en);
  await page.locator('#name_fr-segment').fill(fr);
  await page.getByRole('button', { name: 'Add a segment' }).click();
  await expect(page.locator('table.segments')).toContainText(en);
}

async function importFile(page: Page, name: string, rows: string[][]) {
  await page.goto('/promotion/firms/import');
  await hydrated(page);
  await page.locator('#file').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: xlsx([HEADINGS, ...rows]),
  });
  await page.getByRole('button', { name: 'Read the file' }).click();
  await expect(page).toHaveURL(/\/promotion\/firms\/import\/\d+$/);
  await hydrated(page);
}

test('an officer maps a sub-chain, imports target firms, fixes the refused rows and follows one', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  const r = await page.request.post('/api/add_sub_chain', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    data: new URLSearchParams({ chain_id: '5', name_zh: '低空经济', name_en: 'Low-altitude economy', name_fr: 'Économie de basse altitude' }).toString(),
  });
  expect(r.status(), await r.text()).toBe(200);
  await signOut(page);

  await signIn(page, 'li.na@liaison.test', PASSWORD);
  await page.goto('/promotion/chains');
  await hydrated(page);
  await page.getByRole('link', { name: 'Low-altitude economy' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Low-altitude economy');
  await hydrated(page);
  await addSegment(page, 'upstream', '飞控系统', 'Flight control systems', 'Systèmes de commande de vol');
  await addSegment(page, 'midstream', '无人机整机', 'Drone assembly', 'Assemblage de drones');
  await expect(page.locator('main')).toContainText('2 segments, 2 gaps');
  await expect(page.locator('svg.chain-diagram .segment.gap')).toHaveCount(2);

  // Two good rows, and two she gets wrong: a firm without its name, a segment of another chain.
  await importFile(page, 'low-altitude-firms.xlsx', [
    ['Parrot Drones SAS', '派诺特', 'France', 'Low-altitude economy', 'Flight control systems; Drone assembly', 'Medium-sized', 'li.na@liaison.test', 'Invite to the spring fair', '2030-03-01'],
    ['Flyability SA', '', 'Switzerland', 'Low-altitude economy', 'Drone assembly', 'Small', '', '', ''],
    ['', '', 'France', '', '', '', '', '', ''],
    ['Delair', '', 'France', 'Low-altitude economy', 'Batteries', '', '', '', ''],
  ]);
  await expect(page.locator('main')).toContainText('low-altitude-firms.xlsx: 4 rows; new firms: 2, updates: 0, refused: 2.');
  const refused = page.locator('table.import-rows').filter({ hasText: '2 rows refused' });
  await expect(refused).toContainText('Name: This field is required.');
  await expect(refused).toContainText('Segments: Not a segment of this sub-chain.');
  await page.screenshot({ path: `${SHOTS}/firms-import-preview.png`, fullPage: true });
  await page.getByRole('button', { name: 'Save 2 firms' }).click();
  await expect(page).toHaveURL(/\/promotion\/firms\?imported=\d+$/);
  await expect(page.getByText('The spreadsheet’s firms are saved.')).toBeVisible();
  await expect(page.locator('table.firms tbody tr')).toHaveCount(2);

  // The refused rows fixed in the file, which she sends again whole: Parrot is updated.
  await importFile(page, 'low-altitude-firms.xlsx', [
    ['Parrot Drones SAS', '派诺特', 'France', 'Low-altitude economy', 'Drone assembly', 'Medium-sized', 'li.na@liaison.test', 'Send the brochure', '2030-02-01'],
    ['Flyability SA', '', 'Switzerland', 'Low-altitude economy', 'Drone assembly', 'Small', '', '', ''],
    ['EHang Europe', '亿航欧洲', 'Spain', '', '', '', '', '', ''],
    ['Delair', '', 'France', 'Low-altitude economy', 'Flight control systems', '', '', '', ''],
  ]);
  await expect(page.locator('main')).toContainText('low-altitude-firms.xlsx: 4 rows; new firms: 2, updates: 2, refused: 0.');
  await page.getByRole('button', { name: 'Save 4 firms' }).click();
  await expect(page).toHaveURL(/\/promotion\/firms\?imported=\d+$/);
  await expect(page.locator('table.firms tbody tr')).toHaveCount(4);
  await expect(page.locator('main')).toContainText('4 firms · 0 overdue');

  // The map counts the firms aimed at each segment.
  await page.goto('/promotion/chains');
  await page.getByRole('link', { name: 'Low-altitude economy' }).click();
  await expect(page.locator('table.segments')).toContainText('Flight control systems');
  await expect(page.locator('svg.chain-diagram')).toContainText('2 target firms');

  // Parrot is interested; its next step is set.
  await page.goto('/promotion/firms');
  await hydrated(page);
  await page.getByRole('link', { name: 'Parrot Drones SAS' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Parrot Drones SAS');
  await hydrated(page);
  await page.locator('#status').selectOption('interested');
  await page.locator('#next_step').fill('Meet at the spring fair');
  await page.locator('#last_contact_on').fill('2026-11-20');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('dl.facts')).toContainText('Interested');
  await expect(page.locator('dl.facts')).toContainText('Meet at the spring fair');

  // She opens a lead from the firm, logs the meeting, and the lead ends as the signed project.
  await page.getByRole('link', { name: 'Open a lead for this firm' }).click();
  await expect(page).toHaveURL(/\/promotion\/leads\/new\?firm=\d+$/);
  await hydrated(page);
  await expect(page.locator('#investor')).toHaveValue('Parrot Drones SAS');
  await page.locator('#title').fill('Parrot: a drone assembly plant');
  await page.getByRole('button', { name: 'Open the lead' }).click();
  await expect(page).toHaveURL(/\/promotion\/leads\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Parrot: a drone assembly plant');
  await hydrated(page);
  await page.locator('#contacted_on').fill('2026-11-25');
  await page.locator('#way').selectOption('meeting');
  await page.locator('#summary').fill('Met their head of Asia: 200 staff, a site near the airport.');
  await page.locator('#next_step_on').fill('2030-01-15');
  await page.locator('#next_step').fill('Site visit');
  await page.getByRole('button', { name: 'Log a contact' }).click();
  await expect(page.locator('table.lead-contacts')).toContainText('Met their head of Asia');
  await expect(page.locator('dl.facts')).toContainText('Site visit');
  const r2 = await page.request.post('/api/register_project', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    data: new URLSearchParams({
      name: '派诺特无人机总装项目', investor: 'Parrot Drones SAS', investor_country: 'FR', total_investment: '2.0',
      capital_kind: 'foreign', source: 'brochure', stage: 'negotiating',
    }).toString(),
  });
  expect(r2.status(), await r2.text()).toBe(200);
  const project = (await r2.json()) as number;
  await page.locator('#outcome').selectOption('became_project');
  await page.locator('#project_id').fill(project.toString());
  await page.getByRole('button', { name: 'End the lead' }).click();
  await expect(page.locator('dl.facts')).toContainText('Became a project');
  await expect(page.locator(`dl.facts a[href="/projects/${project}"]`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/lead-became-project.png`, fullPage: true });

  // She follows it to the project, whose three reviews pass, and signs it.
  await page.locator(`dl.facts a[href="/projects/${project}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('派诺特无人机总装项目');
  await hydrated(page);
  for (const aspect of ['authenticity', 'legality', 'feasibility']) await review(page, aspect, 'true', `Parrot ${aspect} checked.`);
  await moveTo(page, 'signed');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');
});

test('an officer publishes a project in three languages and a French investor expresses interest', async ({ page, browser }) => {
  await signIn(page, 'li.na@liaison.test', PASSWORD);
  await page.goto('/promotion/projects');
  await hydrated(page);
  await page.getByRole('link', { name: 'Register a promoted project' }).click();
  await expect(page).toHaveURL(/\/promotion\/projects\/new$/);
  await hydrated(page);
  await page.locator('#title_zh').fill('低空经济无人机总装基地');
  await page.locator('#title_en').fill('Low-altitude economy: a drone assembly base');
  await page.locator('#title_fr').fill('Économie de basse altitude : une base d’assemblage de drones');
  await page.locator('#description_zh').fill('在航空产业园建设无人机总装线，年产整机两千台。');
  await page.locator('#description_en').fill('An assembly line for 2,000 drones a year in the aviation park.');
  await page.locator('#description_fr').fill('Une ligne d’assemblage de 2 000 drones par an dans le parc aéronautique.');
  await page.locator('#offer_fr').fill('Ateliers standard sans loyer pendant trois ans.');
  await page.locator('#sub_chain_id').selectOption({ label: 'Low-altitude economy' });
  await page.locator('#segment_id').selectOption({ label: 'Drone assembly' });
  await page.locator('#investment').fill('5');
  await page.locator('#land_mu').fill('120');
  await page.locator('#cooperation').selectOption('joint_venture');
  await page.getByRole('button', { name: 'Register the project' }).click();
  await expect(page).toHaveURL(/\/promotion\/projects\/\d+$/);
  const projectUrl = page.url();
  const id = projectUrl.split('/').pop();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Low-altitude economy: a drone assembly base');
  await expect(page.locator('dl.facts')).toContainText('Draft');
  await hydrated(page);
  await page.getByRole('button', { name: 'Publish on the portal' }).click();
  await expect(page.locator('dl.facts')).toContainText('Published');
  await expect(page.locator('dl.facts')).toContainText('CNY 500 million');
  await page.screenshot({ path: `${SHOTS}/promoted-project.png`, fullPage: true });
  await signOut(page);

  // A French investor, in a browser of their own, finds it in French and says they are interested.
  const context = await browser.newContext({ locale: 'fr-FR' });
  const investor = await context.newPage();
  await investor.goto('/portal');
  await investor.getByRole('link', { name: 'Opportunités d’investissement' }).first().click();
  await expect(investor.getByRole('heading', { level: 1 })).toHaveText('Opportunités d’investissement');
  await hydrated(investor);
  await investor.locator('#size').selectOption('100m_1b');
  await investor.getByRole('button', { name: 'Filtrer' }).click();
  await expect(investor).toHaveURL(/size=100m_1b/);
  await investor.getByRole('link', { name: 'Économie de basse altitude : une base d’assemblage de drones' }).click();
  await expect(investor.getByRole('heading', { level: 1 })).toHaveText('Économie de basse altitude : une base d’assemblage de drones');
  await expect(investor.locator('main')).toContainText('500 millions de CNY');
  await expect(investor.locator('main')).toContainText('Coentreprise');
  await hydrated(investor);
  await investor.locator('#company').fill('Parrot Drones SAS');
  await investor.locator('#country').selectOption('FR');
  await investor.locator('#contact_name').fill('Henri Seydoux');
  await investor.locator('#email').fill('henri@parrot.example.fr');
  await investor.locator('#message').fill('Quels délais pour disposer du terrain ?');
  await investor.getByRole('button', { name: 'Envoyer mon intérêt' }).click();
  await expect(investor.locator('#interest-sent')).toContainText('Votre intérêt a été transmis');
  await investor.screenshot({ path: `${SHOTS}/portal-opportunity.png`, fullPage: true });
  await context.close();

  // The lead is Li Na's, with the enquiry as sent.
  await signIn(page, 'li.na@liaison.test', PASSWORD);
  await page.goto('/promotion/leads?mine=1');
  await hydrated(page);
  const row = page.locator('tbody tr', { hasText: 'Parrot Drones SAS' }).filter({ hasText: '低空经济无人机总装基地' });
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('低空经济无人机总装基地');
  await expect(page.locator('main')).toContainText('Quels délais pour disposer du terrain ?');
  await expect(page.locator('main')).toContainText('An enquiry on the portal');
  await expect(page.locator(`dl.facts a[href="/promotion/projects/${id}"]`)).toBeVisible();
  await signOut(page);

  // The French acknowledgement went out.
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/admin/outbox');
  const toHenri = page.locator('tbody tr', { hasText: 'henri@parrot.example.fr' });
  await expect(toHenri).toContainText(/Votre intérêt pour «\s?Économie de basse altitude/);
  await expect(toHenri).toContainText('已发送', { timeout: 15000 });
});
