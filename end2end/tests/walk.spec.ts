// The walk: every role, in every language, signs in, switches language with the visible
// switcher and opens every page its navigation reaches, and from each list one record. The
// pages are found by following the navigation, so a page added later is walked too. A page
// fails the walk on any console or page error, an answer of 500 or more, a missing or empty
// title, an <html lang> other than the chosen language, or a serious or critical axe-core
// violation. The investor portal is walked signed out, in each language, with JavaScript on
// and off.
import { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect, ADMIN, hydrated, signIn } from './helpers';

// axe-core from the npm registry (end2end/package.json), evaluated in each page.
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const PASSWORD = 'a walk through every page';
const LANGUAGES = [
  { tag: 'zh-CN', button: '中文', browser: 'zh-CN' },
  { tag: 'en', button: 'English', browser: 'en-GB' },
  { tag: 'fr', button: 'Français', browser: 'fr-FR' },
];
const ROLES = [
  { role: 'admin', email: ADMIN.email, password: ADMIN.password },
  { role: 'protocol_officer', email: 'walk.protocol@liaison.test', password: PASSWORD },
  { role: 'liaison_officer', email: 'walk.liaison@liaison.test', password: PASSWORD },
  { role: 'department_liaison', email: 'walk.customs@liaison.test', password: PASSWORD, department: 'customs' },
  { role: 'leader', email: 'walk.leader@liaison.test', password: PASSWORD },
  { role: 'county_officer', email: 'walk.county@liaison.test', password: PASSWORD, county: true },
];

/** Call a server function as the admin's browser does. */
async function call(page: Page, fn: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
  }
  const r = await page.request.post(`/api/${fn}`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    data: body.toString(),
  });
  expect(r.status(), `${fn}: ${await r.text()}`).toBe(200);
  return r.json();
}

/** What is wrong with the page now open (an empty list: nothing); axe-core runs only where
 * the page may run scripts. */
async function problems(page: Page, lang: string, axe = true): Promise<string[]> {
  const found: string[] = [];
  const title = (await page.title()).trim();
  if (!title) found.push('no document title');
  const htmlLang = await page.locator('html').getAttribute('lang');
  if (htmlLang !== lang) found.push(`<html lang="${htmlLang}">, not ${lang}`);
  if (!axe) return found;
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is the script evaluated above
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return result.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  found.push(...violations.map((v: string) => `axe ${v}`));
  return found;
}

/** Open `path`, wait until the page is whole (hydrated when it hydrates), and check it. */
async function visit(page: Page, path: string, lang: string, errors: string[]): Promise<string[]> {
  const r = await page.goto(path);
  const status = r?.status() ?? 0;
  const found = status >= 500 ? [`status ${status}`] : [];
  if ((await page.locator('script[type=module]').count()) > 0) await hydrated(page);
  found.push(...(await problems(page, lang)), ...errors.splice(0));
  return found.map((f) => `${path} (${lang}): ${f}`);
}

/** The pages a signed-in person's navigation reaches (with the pages an area's own links
 * name), and from each list its first record. */
async function reachable(page: Page): Promise<string[]> {
  const hrefs = async (selector: string) =>
    (await page.locator(selector).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? '')))
      .filter((h) => h.startsWith('/') && !h.startsWith('//'));
  await page.goto('/');
  await hydrated(page);
  const pages = new Set<string>(['/', '/account', ...(await hrefs('nav.mainnav a')), ...(await hrefs('main .cards a'))]);
  const lists = [...pages];
  for (let list = lists.shift(); list !== undefined; list = lists.shift()) {
    await page.goto(list);
    if ((await page.locator('script[type=module]').count()) > 0) await hydrated(page);
    const links = (await hrefs('main a:not([download]):not([rel=external])')).map((h) => h.split('#')[0]);
    // An area's own links (promotion: the chain maps beside the policies) are lists too.
    for (const h of (await hrefs('main nav.subnav a')).map((h) => h.split('?')[0])) {
      if (!pages.has(h)) {
        pages.add(h);
        lists.push(h);
      }
    }
    // Pages of the server's own (two-step sign-in…), linked past the app's router; not files.
    for (const h of await hrefs('main a[rel=external]:not([download])')) {
      if (!h.includes('.') && !h.endsWith('/programme')) pages.add(h.split('?')[0]);
    }
    // A record of the list: its path is the list's followed by an id.
    const record = links.find((h) => new RegExp(`^${list === '/' ? '/[a-z-]+' : list.split('?')[0]}/\\d+$`).test(h));
    if (record) pages.add(record);
    // The list's own pages that are not records (new, calendar, statistics…).
    for (const h of links) {
      if (h.split('?')[0] !== list && h.startsWith(list.split('?')[0] + '/') && !/\/\d+/.test(h) && !h.includes('.')) {
        pages.add(h.split('?')[0]);
      }
    }
  }
  return [...pages].sort();
}

function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

test.describe.configure({ mode: 'serial' });

test('an administrator plants one record of each kind for the walk', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await hydrated(page);
  const departments: { id: number; code: string }[] = await call(page, 'departments', {});
  const customs = departments.find((d) => d.code === 'customs')!.id.toString();
  const county: number = await call(page, 'add_county', {
    name_zh: '漫游区', name_en: 'Walk district', name_fr: 'District de la promenade',
  });
  for (const r of ROLES.slice(1)) {
    await call(page, 'create_user', {
      email: r.email, display_name: `Walk ${r.role}`, role: r.role, locale: 'en', password: r.password,
      department_id: r.department ? customs : '', county_id: 'county' in r ? county.toString() : '',
    });
  }
  const enterprise: number = await call(page, 'register_enterprise', {
    name_zh: '漫游精密机械有限公司', name_original: 'Walk Meccanica S.r.l.', country: 'IT', lifecycle: 'established',
    credit_code: '91110000600037341L',
  });
  await call(page, 'register_policy', {
    title_zh: '漫游招商政策', title_en: 'Walk investment policy', issuer: '市人民政府', issued_on: '2026-01-05',
    summary_zh: '漫游中的政策摘要。', summary_en: 'The policy the walk reads.',
  });
  const subChain: number = await call(page, 'add_sub_chain', {
    chain_id: '5', name_zh: '漫游子链', name_en: 'Walk sub-chain', name_fr: 'Sous-filière de la promenade',
  });
  for (const [link, zh, en, fr] of [['upstream', '漫游材料', 'Walk materials', 'Matériaux'], ['downstream', '漫游维修', 'Walk repair', 'Réparation']]) {
    const segment: number = await call(page, 'add_segment', { sub_chain_id: subChain.toString(), link, name_zh: zh, name_en: en, name_fr: fr });
    if (link === 'upstream') {
      await call(page, 'add_segment_enterprise', { sub_chain_id: subChain.toString(), segment_id: segment.toString(), credit_code: '91110000600037341L' });
    }
  }
  const officers: { id: number; display_name: string }[] = await call(page, 'liaison_officers', {});
  const officer = officers.find((o) => o.display_name === 'Walk liaison_officer')!;
  await call(page, 'assign_liaison', { id: enterprise.toString(), officer_id: officer.id.toString(), handover_note: 'The walk.' });
  const promoted: number = await call(page, 'register_promoted', {
    title_zh: '漫游推介项目', title_en: 'The walk’s promoted project', description_zh: '漫游中的推介项目。',
    description_en: 'A project the walk reads.', sub_chain_id: subChain.toString(), investment: '3.5', land_mu: '80',
    cooperation: 'open', officer_id: officer.id.toString(),
  });
  await call(page, 'set_promoted_status', { id: promoted.toString(), version: '1', status: 'published' });
  const issue: number = await call(page, 'create_brochure', { number: '1', theme_zh: '漫游专刊', theme_en: 'The walk', issued_on: '2026-03-01' });
  await call(page, 'add_to_brochure', { id: issue.toString(), project_id: promoted.toString() });
  await call(page, 'open_lead', {
    title: '漫游线索', investor: 'Walk Meccanica S.r.l.', country: 'IT', source: 'event', officer_id: officer.id.toString(),
    next_step: 'Call back', next_step_on: '2026-01-10',
  });
  await call(page, 'open_case', {
    enterprise_id: enterprise.toString(), case_type: 'customs', priority: 'normal', title: 'Pre-clearance',
    description: 'Customs pre-clearance for parts.', language: 'en',
  });
  await call(page, 'create_delegation', {
    direction: 'incoming', title: '漫游代表团', organisation: 'Walk City', language: 'en',
    starts_on: '2027-04-01', ends_on: '2027-04-02', 'countries[]': ['IT'],
  });
  const fair: number = await call(page, 'record_event', {
    kind: 'trade_fair', name: '漫游博览会', starts_on: '2026-05-20', ends_on: '2026-05-24', place: 'Walk City',
  });
  const project: number = await call(page, 'register_project', {
    name: '漫游复合材料项目', investor: 'Walk Compositi S.p.A.', investor_country: 'IT', total_investment: '2.5',
    capital_kind: 'foreign', source: 'event', event_id: fair.toString(), stage: 'negotiating', park: '漫游园区',
    county_id: county.toString(),
  });
  expect(project).toBeGreaterThan(0);
  await call(page, 'register_partner_city', {
    name_zh: '帕多瓦', name_original: 'Padova', name_en: 'Padua', name_fr: 'Padoue', country: 'IT',
    latitude: '45.4064', longitude: '11.8768', kind: 'prospective', first_contact_on: '2025-10-01',
    letter_of_intent_on: '2026-03-15', 'areas[]': ['trade'],
  });
});

// The pages a role reaches do not depend on the language: they are found in the role's first
// walk and walked again in the others (the walks run one after the other in one worker; a
// fresh worker finds them again).
const reached = new Map<string, string[]>();

for (const who of ROLES) {
  for (const language of LANGUAGES) {
    test(`the walk: ${who.role} in ${language.tag}`, async ({ browser }) => {
      // An administrator's walk reads some seventy pages, each checked for accessibility.
      test.setTimeout(150_000);
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      const errors = watch(page);
      await signIn(page, who.email, who.password);
      await hydrated(page);
      // The visible switcher, as a person would use it.
      await page.locator('form.langswitch').getByRole('button', { name: language.button }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', language.tag);
      const pages = reached.get(who.role) ?? (await reachable(page));
      reached.set(who.role, pages);
      errors.splice(0);
      const found: string[] = [];
      for (const path of pages) found.push(...(await visit(page, path, language.tag, errors)));
      test.info().annotations.push({ type: 'pages', description: `${pages.length}: ${pages.join(' ')}` });
      expect(found, `walked ${pages.length} pages: ${pages.join(' ')}`).toEqual([]);
      await context.close();
    });
  }
}

async function portalWalk(browser: Browser, language: (typeof LANGUAGES)[number], js: boolean) {
  const context = await browser.newContext({ locale: language.browser, javaScriptEnabled: js });
  const page = await context.newPage();
  const errors = watch(page);
  const found: string[] = [];
  const paths = ['/portal', '/portal/request', '/portal/foreign-staff', '/portal/status', '/portal/case', '/portal/policies', '/portal/opportunities'];
  await page.goto('/portal/opportunities');
  const opportunity = await page.locator('a[href^="/portal/opportunities/"]').first().getAttribute('href');
  expect(opportunity, 'the walk’s published project is listed').toBeTruthy();
  paths.push(opportunity!, '/login');
  for (const path of paths) {
    const r = await page.goto(path);
    if ((r?.status() ?? 0) >= 500) found.push(`${path}: status ${r?.status()}`);
    if (js && (await page.locator('script[type=module]').count()) > 0) await hydrated(page);
    found.push(...(await problems(page, language.tag, js)).map((p) => `${path} (${language.tag}): ${p}`), ...errors.splice(0));
  }
  await context.close();
  return found;
}

for (const language of LANGUAGES) {
  for (const js of [true, false]) {
    test(`the portal signed out, in ${language.tag}, JavaScript ${js ? 'on' : 'off'}`, async ({ browser }) => {
      expect(await portalWalk(browser, language, js)).toEqual([]);
    });
  }
}
