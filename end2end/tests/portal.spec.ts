// The investor portal, with JavaScript and without: a French investor submits a request and
// reads the confirmation in French; the officer accepts it and writes in French and English;
// the investor checks the status, reads the French update and answers the officer's request
// for information; a foreign employee asks for a work permit in English; the investor rates
// the closed case. Staff work in their own (JavaScript) browser.
import { Browser, Page } from '@playwright/test';
import { test, expect, ADMIN, SHOTS, createColleague, hydrated, signIn, signOut } from './helpers';

const PASSWORD = 'portal journeys password';

async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: true, locale: 'en-GB' });
  return context.newPage();
}

async function changeStatus(page: Page, to: string, reason = '') {
  await page.locator('#to_status').selectOption(to);
  await page.locator('#reason').fill(reason);
  await page.getByRole('button', { name: 'Change the status' }).click();
}

for (const js of [true, false]) {
  const mode = js ? 'js' : 'nojs';
  test.describe(`investor portal (${js ? 'with' : 'without'} JavaScript)`, () => {
    test.use({ javaScriptEnabled: js, locale: 'fr-FR' });

    test('a request from submission to rating', async ({ page, browser }) => {
      const ready = async () => { if (js) await hydrated(page); };
      // Hydration must take the server's pages as they are: no error in the console (the
      // browser's own note on the refused form's 422 and the wrong code's 401 aside).
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      // Staff: an officer with an enterprise registered under its French name.
      const staff = await staffPage(browser);
      const officerEmail = `officer-${mode}@liaison.test`;
      const company = `Lyon Robotique ${mode.toUpperCase()} SAS`;
      await signIn(staff, ADMIN.email, ADMIN.password);
      await expect(staff.getByRole('heading', { level: 1 })).toHaveText('概览');
      await createColleague(staff, { name: `Wang Fang ${mode}`, email: officerEmail, role: 'liaison_officer', locale: 'en', password: PASSWORD });
      await signOut(staff);
      await signIn(staff, officerEmail, PASSWORD);
      await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Overview');
      await staff.goto('/enterprises/new');
      await hydrated(staff);
      await staff.locator('#name_zh').fill(`里昂机器人${mode}有限公司`);
      await staff.locator('#name_original').fill(company);
      await staff.locator('#country').selectOption('FR');
      await staff.getByRole('button', { name: 'Register', exact: true }).click();
      await expect(staff).toHaveURL(/\/enterprises\/\d+/);

      // The investor finds the services in French and submits a request; a missing field is
      // refused with a summary and what was typed stays.
      await page.goto('/portal');
      await ready();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Services aux investisseurs étrangers');
      if (!js) await expect(page.locator('body')).not.toHaveAttribute('data-hydrated', 'true');
      if (js) await page.screenshot({ path: `${SHOTS}/portal-home.png`, fullPage: true });
      await page.getByRole('link', { name: 'Déposer une demande' }).first().click();
      await ready();
      await page.locator('#request_type').selectOption('customs');
      await page.locator('#enterprise_name').fill(company);
      await page.locator('#email').fill('claire.martin@lyon-robotique.example');
      await page.locator('#phone').fill('+33 4 72 00 00 00');
      await page.locator('#description').fill('Dédouanement d’un robot de soudage importé pour notre usine.');
      await page.locator('form.portal-form button[type=submit]').click();
      await expect(page.locator('.notice-error')).toContainText('Ce champ est obligatoire.');
      await expect(page.locator('.notice-error a[href="#contact_name"]')).toBeVisible();
      await expect(page.locator('#enterprise_name')).toHaveValue(company);
      await ready();
      await page.locator('#contact_name').fill('Claire Martin');
      await page.locator('form.portal-form button[type=submit]').click();
      await expect(page).toHaveURL(/\/portal\/submitted$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demande reçue');
      await expect(page.locator('.panel')).toContainText(['La suite']);
      const reference = (await page.locator('#reference').textContent())!.trim();
      const code = (await page.locator('#access-code').textContent())!.trim();
      expect(reference).toMatch(/^LN-\d{4}-\d{6}$/);
      expect(code).toMatch(/^[A-Z0-9]{12}$/);
      expect(page.url()).not.toContain(code);
      if (js) await page.screenshot({ path: `${SHOTS}/portal-confirmation.png`, fullPage: true });

      // The officer finds it among their cases, accepts it, writes in French and English, then
      // asks for a document.
      await staff.goto(`/cases?mine=true&q=${reference}`);
      await hydrated(staff);
      await staff.getByRole('link', { name: reference }).click();
      await expect(staff).toHaveURL(/\/cases\/\d+/);
      await hydrated(staff);
      await expect(staff.locator('h1 + p')).toContainText('Submitted online');
      await changeStatus(staff, 'accepted');
      await expect(staff.locator('.timeline')).toContainText('Submitted → Accepted');
      await staff.locator('#public_fr').fill('Votre dossier est transmis à la douane de Lyon.');
      await staff.locator('#public_en').fill('Your file has been passed to Lyon customs.');
      await staff.getByRole('button', { name: 'Post the update' }).click();
      await expect(staff.locator('.timeline .public-text[lang=fr]')).toContainText('Votre dossier est transmis');
      await changeStatus(staff, 'in_progress');
      await expect(staff.locator('.timeline')).toContainText('Accepted → In progress');
      await changeStatus(staff, 'awaiting_applicant', 'Merci d’envoyer la facture commerciale du robot.');
      await expect(staff.locator('.timeline')).toContainText('In progress → Awaiting information');

      // The investor checks the status with the reference and the code.
      await page.goto('/portal/status');
      await ready();
      await page.locator('#reference').fill(reference);
      await page.locator('#access_code').fill('AAAAAAAAAAAA');
      await page.locator('form.portal-form button[type=submit]').click();
      await expect(page.locator('.notice-error')).toContainText('Aucune demande ne correspond');
      await ready();
      await page.locator('#access_code').fill(code.toLowerCase());
      await page.locator('form.portal-form button[type=submit]').click();
      await expect(page).toHaveURL(/\/portal\/case$/);
      await expect(page.locator('#case-status')).toHaveText('En attente d’informations de votre part');
      await expect(page.locator('#public-timeline')).toContainText('Votre dossier est transmis à la douane de Lyon.');
      await expect(page.locator('#public-timeline')).not.toContainText('Your file has been passed');
      await expect(page.locator('#officer-request')).toContainText('facture commerciale');
      await expect(page.locator('#officer-name')).toHaveText(`Wang Fang ${mode}`);
      if (js) await page.screenshot({ path: `${SHOTS}/portal-status.png`, fullPage: true });
      // The status page is rendered by the server alone (its forms post to it): there is
      // nothing to hydrate, with JavaScript or without.
      await expect(page.locator('body')).not.toHaveAttribute('data-hydrated', 'true');
      await page.locator('#reply').fill('La facture est envoyée à votre adresse électronique.');
      await page.locator('#action-needed button[type=submit]').click();
      await expect(page.locator('.notice-ok')).toContainText('Votre réponse a été transmise');
      await expect(page.locator('#case-status')).toHaveText('En cours de traitement');
      await expect(page.locator('#action-needed')).toHaveCount(0);

      // The officer sees the answer, resolves and closes the case.
      await staff.reload();
      await hydrated(staff);
      await expect(staff.locator('.timeline')).toContainText('La facture est envoyée');
      await changeStatus(staff, 'resolved');
      await expect(staff.locator('.timeline')).toContainText('In progress → Resolved');
      await changeStatus(staff, 'closed');
      await expect(staff.locator('.timeline')).toContainText('Resolved → Closed');

      // The investor rates the closed case, once.
      await page.goto('/portal/case');
      await expect(page.locator('#case-status')).toHaveText('Clôturée');
      await page.locator('label[for=rating-5]').click();
      await page.locator('#comment').fill('Réactif et clair.');
      await page.locator('#rating button[type=submit]').click();
      await expect(page.locator('.notice-ok')).toContainText('Merci pour votre évaluation');
      await expect(page.locator('#rating-given')).toContainText('5 sur 5');
      await expect(page.locator('#rating')).toHaveCount(0);
      await staff.reload();
      await expect(staff.locator('#case-rating')).toContainText('Rated 5 out of 5');
      await signOut(staff);
      await staff.context().close();
      expect(errors).toEqual([]);
    });

    test('a foreign employee asks for a work permit in English', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: js, locale: 'en-GB' });
      const page = await context.newPage();
      const ready = async () => { if (js) await hydrated(page); };
      await page.goto('/portal/foreign-staff');
      await ready();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('One-stop service for foreign staff');
      await page.locator('#request_type').selectOption('work_permit');
      await page.locator('#contact_name').fill('SMITH John Edward');
      await page.locator('#nationality').selectOption('GB');
      await page.locator('#passport_number').fill('12345678');
      await page.locator('#position').fill('Plant engineer');
      await page.locator('#arrival_date').fill('2026-12-01');
      await page.locator('#enterprise_name').fill('Samarkand Silk Road Trading LLC');
      await page.locator('#email').fill('john.smith@example.co.uk');
      await page.locator('#phone').fill('+44 20 7946 0000');
      await page.locator('#language').selectOption('en');
      if (js) await page.screenshot({ path: `${SHOTS}/portal-foreign-staff.png`, fullPage: true });
      await page.locator('form.portal-form button[type=submit]').click();
      await expect(page).toHaveURL(/\/portal\/submitted$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request received');
      await expect(page.locator('#access-code')).toHaveText(/^[A-Z0-9]{12}$/);
      // The confirmation says the same whether or not the office knows the enterprise.
      await expect(page.locator('.panel')).toContainText(['A liaison officer will accept the request']);
      await context.close();
    });
  });
}
