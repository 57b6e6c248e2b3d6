// A reception end to end: a protocol officer (working in Chinese) registers the office's
// venues, interpreters, officials and car, creates the delegation from Lille, builds its
// two-day itinerary, is stopped when the French interpreter would be in two places at once,
// books another interpreter instead, confirms the programme and prints it in Chinese and
// French.
import { Page } from '@playwright/test';
import { test, expect, ADMIN, SHOTS, createColleague, hydrated, signIn, signOut } from './helpers';

const PASSWORD = 'protocol officer password';

async function addResource(page: Page, kind: string, name: string, languages: string[] = []) {
  await page.locator('#kind').selectOption(kind);
  await page.locator('#name').fill(name);
  for (const l of languages) {
    await page.locator(`input[name="languages[]"][value="${l}"]`).check();
  }
  await page.locator('form.form button[type=submit]').click();
  await expect(page.locator('tbody tr', { hasText: name })).toBeVisible();
}

interface Item {
  day: string;
  starts: string;
  ends: string;
  activity: string;
  zh: string;
  fr: string;
  venue: string;
  people: string[];
}

async function fillItem(page: Page, item: Item) {
  const form = page.locator('#add-item-heading ~ form');
  await form.locator('#day').fill(item.day);
  await form.locator('#starts').fill(item.starts);
  await form.locator('#ends').fill(item.ends);
  await form.locator('#activity').selectOption(item.activity);
  await form.locator('#title_zh').fill(item.zh);
  await form.locator('#title_foreign').fill(item.fr);
  await form.locator('#venue_id').selectOption({ label: item.venue });
  for (const who of item.people) {
    await form.getByLabel(who, { exact: true }).check();
  }
  await form.locator('button[type=submit]').click();
}

test('a protocol officer plans a visit from Lille and prints its programme', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
  await createColleague(page, { name: '陈静', email: 'chen.jing@fao.test', role: 'protocol_officer', locale: 'zh-CN', password: PASSWORD });
  await signOut(page);

  await signIn(page, 'chen.jing@fao.test', PASSWORD);
  await page.getByRole('navigation').getByRole('link', { name: '团组' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('团组');
  await page.getByRole('link', { name: '场地、车辆、翻译和出席领导' }).click();
  await hydrated(page);
  await addResource(page, 'venue', '市政府会见厅');
  await addResource(page, 'venue', '高新区展示中心');
  await addResource(page, 'interpreter', '王芳', ['fr']);
  await addResource(page, 'interpreter', '李静', ['fr', 'en']);
  await addResource(page, 'official', '张市长');
  await addResource(page, 'vehicle', '考斯特 1 号');

  await page.goto('/delegations/new');
  await hydrated(page);
  await page.locator('#direction').selectOption('incoming');
  await page.locator('#title').fill('里尔市政府代表团');
  await page.locator('#organisation').fill('Ville de Lille');
  await page.locator('#countries').selectOption(['FR']);
  await page.locator('#language').selectOption('fr');
  await page.locator('#starts_on').fill('2026-12-01');
  await page.locator('#ends_on').fill('2026-12-02');
  await page.locator('#purpose').fill('签署友好交流城市意向书，考察高新区。');
  await page.locator('form.form button[type=submit]').click();
  await expect(page).toHaveURL(/\/delegations\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('里尔市政府代表团');
  await hydrated(page);

  await page.locator('#passport_name').fill('MARTIN Claire');
  await page.locator('#chinese_name').fill('马克莱');
  await page.locator('#member_title').fill('Adjointe au maire');
  await page.locator('#member_language').selectOption('fr');
  await page.locator('#passport_number').fill('15FR12345');
  await page.locator('#members-heading ~ form button[type=submit]').click();
  // The delegation's own officer reads the passport number whole.
  await expect(page.locator('table.members')).toContainText('15FR12345');

  const wang = '王芳（法文）';
  await fillItem(page, { day: '2026-12-01', starts: '09:00', ends: '10:30', activity: 'meeting', zh: '市长会见', fr: 'Rencontre avec le maire', venue: '市政府会见厅', people: [wang, '张市长'] });
  await expect(page.locator('table.itinerary tbody tr')).toHaveCount(1);
  await fillItem(page, { day: '2026-12-01', starts: '14:00', ends: '16:00', activity: 'site_visit', zh: '参观高新区', fr: 'Visite de la zone de haute technologie', venue: '高新区展示中心', people: [wang, '考斯特 1 号'] });
  await expect(page.locator('table.itinerary tbody tr')).toHaveCount(2);
  await fillItem(page, { day: '2026-12-02', starts: '09:00', ends: '11:00', activity: 'signing', zh: '签署友好交流意向书', fr: 'Signature de la lettre d’intention', venue: '市政府会见厅', people: [wang, '张市长'] });
  await expect(page.locator('table.itinerary tbody tr')).toHaveCount(3);

  // The round table overlaps the signing: the same interpreter cannot be at both.
  const roundTable: Item = { day: '2026-12-02', starts: '10:30', ends: '12:00', activity: 'meeting', zh: '企业座谈会', fr: 'Table ronde avec les entreprises', venue: '高新区展示中心', people: [wang] };
  await fillItem(page, roundTable);
  const refused = page.locator('#refused-clashes');
  await expect(refused).toContainText('王芳');
  await expect(refused).toContainText('签署友好交流意向书');
  await expect(page.locator('table.itinerary tbody tr')).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/delegation-clash.png`, fullPage: true });
  // Another French interpreter takes the round table.
  await page.locator('#add-item-heading ~ form').getByLabel(wang, { exact: true }).uncheck();
  await fillItem(page, { ...roundTable, people: ['李静（英文、法文）'] });
  await expect(page.locator('table.itinerary tbody tr')).toHaveCount(4);
  await expect(page.locator('#refused-clashes')).toHaveCount(0);
  await expect(page.locator('#clashes')).toHaveCount(0);
  await expect(page.locator('.itinerary').first()).toContainText('市长会见');
  await expect(page.locator('#itinerary-heading ~ h3')).toHaveText(['2026年12月1日 周二', '2026年12月2日 周三']);

  // The site visit runs half an hour longer: change it in place.
  await page.locator('table.itinerary tr', { hasText: '参观高新区' }).getByRole('link', { name: '修改' }).click();
  await expect(page.locator('#add-item-heading')).toHaveText('修改日程');
  await expect(page.locator('#title_zh')).toHaveValue('参观高新区');
  await page.locator('#ends').fill('16:30');
  await page.locator('#add-item-heading ~ form button[type=submit]').click();
  await expect(page).toHaveURL(/\/delegations\/\d+$/);
  await expect(page.locator('table.itinerary tr', { hasText: '参观高新区' })).toContainText('14:00–16:30');
  await expect(page.locator('#add-item-heading')).toHaveText('添加日程');

  // Approve, then confirm: no clash is left, so no override is asked for.
  await page.locator('#to_status').selectOption('approved');
  await page.locator('#status-heading ~ form button[type=submit]').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已批准');
  await page.locator('#to_status').selectOption('confirmed');
  await page.locator('#status-heading ~ form button[type=submit]').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已确认');

  // The mayor's gift to Mme Martin goes into the register.
  await page.locator('#gift_direction').selectOption('given');
  await page.locator('#given_on').fill('2026-12-01');
  await page.locator('#gift_description').fill('景德镇青花瓷盘');
  await page.locator('#value_cny').fill('800');
  await page.locator('#giver').fill('张市长');
  await page.locator('#receiver').fill('MARTIN Claire');
  await page.locator('#gifts-heading ~ form button[type=submit]').click();
  await expect(page.locator('table.gifts')).toContainText('景德镇青花瓷盘');
  await expect(page.locator('table.gifts')).toContainText('¥800.00');
  await expect(page.locator('#gift_description')).toHaveValue('');
  await page.screenshot({ path: `${SHOTS}/delegation.png`, fullPage: true });

  // The printed programme: Chinese beside French, then beside English.
  await page.getByRole('link', { name: '打印日程表' }).click();
  await expect(page).toHaveURL(/\/programme$/);
  await expect(page.locator('h1')).toHaveText('里尔市政府代表团');
  const first = page.locator('section.day').first();
  await expect(first.locator('h2')).toContainText('2026年12月1日');
  await expect(first.locator('h2')).toContainText('1 déc. 2026');
  const meeting = first.locator('tbody tr').first();
  await expect(meeting.locator('td.time')).toHaveText('09:00–10:30');
  await expect(meeting.locator('td[lang="zh-CN"]')).toContainText('会见会谈');
  await expect(meeting.locator('td[lang="zh-CN"]')).toContainText('市长会见');
  await expect(meeting.locator('td[lang="fr"]')).toContainText('Entretien');
  await expect(meeting.locator('td[lang="fr"]')).toContainText('Rencontre avec le maire');
  await expect(meeting.locator('td[lang="fr"]')).toContainText('Hôtes\u202F: 张市长');
  await expect(page.locator('section.day')).toHaveCount(2);
  await expect(page.locator('body')).not.toContainText('15FR12345');
  await page.screenshot({ path: `${SHOTS}/programme-fr.png`, fullPage: true });
  await page.getByRole('link', { name: '中文 + English' }).click();
  await expect(page.locator('section.day').first().locator('tbody tr').first().locator('td[lang="en"]')).toContainText('Hosts: 张市长');

  // The year in figures and the gift register.
  await page.goto('/delegations/statistics?year=2026');
  await expect(page.locator('#incoming-figure')).toHaveText(/接待来访团组\W*1\W*批\W*1\W*人次/);
  await expect(page.locator('table.statistics').last()).toContainText('法国');
  await page.screenshot({ path: `${SHOTS}/delegation-statistics.png`, fullPage: true });
  // The week of the visit in the calendar, then only the French interpreter's bookings.
  await page.goto('/delegations/calendar?view=week&date=2026-12-01');
  await expect(page.locator('#calendar-heading')).toHaveText('2026年11月30日 – 2026年12月6日');
  await expect(page.locator('table.calendar-week .calendar-item')).toHaveCount(4);
  await page.screenshot({ path: `${SHOTS}/delegation-calendar.png`, fullPage: true });
  await page.locator('#resource').selectOption({ label: '翻译 · 王芳' });
  await page.locator('form.filters button[type=submit]').click();
  await expect(page.locator('table.calendar-week .calendar-item')).toHaveCount(3);
  await expect(page.locator('table.calendar-week')).not.toContainText('企业座谈会');
  await page.goto('/delegations/gifts?year=2026');
  await expect(page.locator('table.gifts')).toContainText('景德镇青花瓷盘');
  await expect(page.locator('table.gifts')).toContainText('里尔市政府代表团');

  // Her own calendar feed, which a calendar reads without signing in.
  await page.goto('/account');
  await hydrated(page);
  await page.getByRole('button', { name: '生成我的日历地址' }).click();
  const feed = (await page.locator('#feed-url').textContent())!;
  expect(feed).toMatch(/\/feeds\/[0-9a-f]{48}\.ics$/);
  await expect(page.getByRole('button', { name: '更换我的日历地址' })).toBeVisible();
  const ics = await page.request.get(feed.slice(feed.indexOf('/feeds/')), { headers: { cookie: '' } });
  expect(ics.status()).toBe(200);
  expect(await ics.text()).toContain('SUMMARY:市长会见');
  await signOut_(page);
});

// The programme page has no user menu: go back to the delegation to sign out.
async function signOut_(page: Page) {
  await page.goto('/delegations');
  await hydrated(page);
  await signOut(page);
}
