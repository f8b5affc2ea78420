/**
 * The Clients and Rate case screens in Chromium against a real `office-hours serve` and its status
 * server, in English and German (the browser's locale picks the UI language): texts come from the
 * catalogues through `t`, the core's reasons are written side by side with `inLanguage`.
 */
import type { ContactKind } from '../shared/ledger.js';
import { LANGUAGE_RUNS, inLanguage } from './support/languages.js';
import { expect, test } from './fixtures.js';

for (const run of LANGUAGE_RUNS) {
  test.describe(run.title, () => {
    test.use({ locale: run.locale });

    test('adds a client, copies their link, sees their page follow the status live, and retires the link', async ({
      app,
      serve,
    }) => {
      await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(serve.baseUrl).origin,
      });
      const { t } = app;
      await app.goTo('Clients');
      await expect(app.page.getByText(t('clients:empty'))).toBeVisible();

      // A mistake is named next to its field, and nothing is sent.
      await app.clients.add({
        name: 'Acme Analytics',
        hourlyRate: '12.345',
        domains: 'acme.example',
      });
      await expect(app.clients.field('hourlyRate')).toHaveAttribute('aria-invalid', 'true');
      await expect(app.clients.form.getByText(t('clients:errors.hourlyRate'))).toBeVisible();
      await expect(app.clients.field('hourlyRate')).toBeFocused();
      await app.clients.add({
        name: 'Acme Analytics',
        hourlyRate: '120,50',
        allowance: '1',
        language: 'de',
      });
      await expect(app.clients.added).toHaveText(t('clients:added', { name: 'Acme Analytics' }));
      const acme = app.clients.item('Acme Analytics');
      await expect(acme).toContainText('@acme.example');
      await expect(acme).toContainText(t('clients:item.allowanceValue', { count: 1 }));
      await expect(acme).toContainText(t('clients:locale.de'));
      await expect(acme).toContainText(/120[.,]50/);

      await app.clients.copyLink('Acme Analytics').click();
      await expect(app.clients.notice('Acme Analytics')).toHaveText(t('clients:item.copied'));
      const link = await app.page.evaluate(() => navigator.clipboard.readText());
      expect(link).toMatch(new RegExp(`^${serve.statusUrl}/s/[A-Za-z0-9_-]{22,}$`));
      // The token is nowhere on the page except inside the link's href.
      const token = link.slice(link.lastIndexOf('/') + 1);
      await expect(app.page.locator('body')).not.toContainText(token);

      // "Open status page" opens it in a new tab: the client's view, in their language.
      const [client] = await Promise.all([
        app.page.context().waitForEvent('page'),
        app.clients.openLink('Acme Analytics').click(),
      ]);
      await expect(client).toHaveURL(link);
      await expect(client.locator('h1')).toHaveText(/^Verfügbar/);
      // Back to the dashboard's tab (a background tab's timers are throttled), the client's page stays open.
      await app.page.bringToFront();

      await app.goTo('Status');
      await app.status.overrideButton('Unavailable', '30 minutes').click();
      // Pushed over the page's event stream: no reload, within a second.
      await expect(client.locator('h1')).toHaveText(/^Abwesend/, { timeout: 1_000 });

      await app.goTo('Clients');
      await app.clients.rotate('Acme Analytics');
      await expect(app.clients.notice('Acme Analytics')).toHaveText(t('clients:item.rotated'));
      await expect(app.clients.rotateButton('Acme Analytics')).toBeFocused();
      const old = await client.reload();
      expect(old?.status()).toBe(404);
      const fresh = await app.clients.openLink('Acme Analytics').getAttribute('href');
      expect(fresh).not.toBe(link);
      expect((await app.page.request.get(fresh ?? '')).status()).toBe(200);
    });

    test('when the clipboard refuses, the link is shown selected to copy by hand; edit and remove', async ({
      app,
      serve,
    }) => {
      const { t } = app;
      await serve.call('addClient', { name: 'Globex', keywords: ['globex'] });
      await app.goTo('Clients');
      await app.page.evaluate(() => {
        navigator.clipboard.writeText = () =>
          Promise.reject(new DOMException('denied', 'NotAllowedError'));
      });
      await app.clients.copyLink('Globex').click();
      const fallback = app.clients.linkFallback('Globex');
      await expect(fallback).toBeFocused();
      await expect(fallback).toHaveJSProperty('readOnly', true);
      const clients = await serve.call('listClients', {});
      await expect(fallback).toHaveValue(clients[0]?.statusLink ?? 'missing');
      expect(
        await fallback.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!),
      ).toBe(clients[0]?.statusLink.length);

      const globex = app.clients.item('Globex');
      await globex
        .getByRole('button', { name: t('clients:item.editLabel', { name: 'Globex' }) })
        .click();
      await globex.getByLabel(t('clients:form.name'), { exact: true }).fill('Globex Corp');
      await globex
        .getByLabel(t('clients:form.policyEn'), { exact: true })
        .fill('Please call me at our weekly slot.');
      await globex.getByRole('button', { name: t('clients:form.save') }).click();
      const corp = app.clients.item('Globex Corp');
      await expect(corp).toBeVisible();
      expect((await serve.call('listClients', {}))[0]?.policyText.en).toBe(
        'Please call me at our weekly slot.',
      );

      // Changes from elsewhere (the CLI, another tab) arrive by event.
      await serve.call('addClient', { name: 'Initech' });
      await expect(app.clients.item('Initech')).toBeVisible();

      // Keyboard only: Tab to Remove, Enter asks, focus waits on Cancel, Shift+Tab and Enter confirm.
      const remove = corp.getByRole('button', {
        name: t('clients:item.removeLabel', { name: 'Globex Corp' }),
      });
      expect(await app.tabTo(remove), 'Tab reaches "Remove Globex Corp"').toBe(true);
      await app.page.keyboard.press('Enter');
      await expect(corp.getByRole('button', { name: t('common:cancel') })).toBeFocused();
      await app.page.keyboard.press('Shift+Tab');
      await expect(
        corp.getByRole('button', { name: t('clients:item.confirmRemoveYes') }),
      ).toBeFocused();
      await app.page.keyboard.press('Enter');
      await expect(app.clients.item('Globex Corp')).toHaveCount(0);
      expect((await serve.call('listClients', {})).map((c) => c.name)).toEqual(['Initech']);
    });

    test('logs contacts for a client with allowance 1 and sees the rate case and the wording in both languages', async ({
      app,
      serve,
    }) => {
      const { t, language } = app;
      const name = 'Acme Analytics';
      /** The quick log's line after logging `kind`: "Logged a call with … This week: 1 unscheduled, allowance 1." */
      const logged = (kind: ContactKind, adHoc: number): string =>
        `${t('rateCase:quickLog.logged', { what: t(`rateCase:quickLog.loggedKind.${kind}`), name })} ${t(
          adHoc > 1 ? 'rateCase:quickLog.weekOver' : 'rateCase:quickLog.week',
          { when: t('rateCase:quickLog.thisWeek'), adHoc, allowance: 1 },
        )}`;
      await serve.call('addClient', {
        name: 'Acme Analytics',
        allowance: 1,
        hourlyRate: '120',
        locale: 'en',
      });
      await app.goTo('Rate case');
      await expect(app.rateCase.report('Acme Analytics')).toBeVisible();
      await expect(app.rateCase.allowanceSummary).toContainText(t('rateCase:report.within'));

      await app.rateCase.log('call', { minutes: 15, note: 'Quick question about the export' });
      await expect(app.rateCase.logged).toHaveText(logged('call', 1));
      await app.rateCase.log('voicemail');
      await expect(app.rateCase.logged).toHaveText(logged('voicemail', 2));
      // An e-mail is not an interruption: still two.
      await app.rateCase.log('email');
      await expect(app.rateCase.logged).toHaveText(logged('email', 2));
      await app.rateCase.log('missed-call');
      await expect(app.rateCase.logged).toHaveText(logged('missed-call', 3));
      // Undo takes back the latest one only.
      await app.rateCase.undo.click();
      await expect(app.rateCase.logged).toHaveText(
        t('rateCase:quickLog.undoneContact', {
          what: t('rateCase:quickLog.undoneKind.missed-call'),
          name,
        }),
      );
      await app.rateCase.log('ad-hoc-meeting', { minutes: 20 });
      await expect(app.rateCase.logged).toHaveText(logged('ad-hoc-meeting', 3));

      // Over the month so far the allowance may still cover three; from today on it does not. Today
      // has not ended: its allowance is that of the days left of the week, today included.
      const now = new Date();
      await app.rateCase.from.fill(now.toLocaleDateString('en-CA'));
      const daysLeft = 7 - ((now.getDay() + 6) % 7);
      const allowed = Math.round((daysLeft / 7) * 10) / 10;
      // Numbers in the UI language: 0.6 and 2.4 in English, 0,6 and 2,4 in German.
      const decimal = (n: number): string =>
        new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
      await expect(app.rateCase.allowanceSummary).toHaveText(
        `${t('rateCase:report.allowance', { adHoc: 3, allowance: decimal(allowed), weekly: '1' })} ${t(
          'rateCase:report.over',
          { over: decimal(Math.round((3 - allowed) * 10) / 10) },
        )}.`,
      );
      await expect(app.rateCase.weeks.getByRole('row')).toHaveCount(2);
      await expect(app.rateCase.report(name)).toContainText(`${t('rateCase:kind.call')}: 1`);
      await expect(app.rateCase.report(name)).toContainText(t('rateCase:report.recoverySource'));
      await expect(app.rateCase.weeks.getByRole('row').last()).toContainText(
        t('rateCase:weeks.over'),
      );
      // The core's reasons come in the UI language too.
      await expect(app.rateCase.recommendation).toContainText(
        inLanguage(language, {
          en: /Acme Analytics reached you unscheduled 3 times from /,
          de: /Acme Analytics hat Sie vom .+ 3-mal außerhalb vereinbarter Termine kontaktiert/,
        }),
      );

      // The wording starts in the client's language (English here), whatever the dashboard speaks.
      await expect(app.rateCase.scripts.getByRole('heading', { level: 2 })).toHaveText(
        t('rateCase:scripts.heading', { name }),
      );
      const proposal = app.rateCase.script('standingCallProposal');
      await expect(proposal).toContainText('Proposal: a standing weekly call');
      await expect(proposal).toContainText('and 3 times outside our planned meetings');
      const draft = await app.rateCase.draft('standingCallProposal').getAttribute('href');
      expect(draft).toMatch(
        /^mailto:\?subject=Proposal%3A%20a%20standing%20weekly%20call&body=Hello%20Acme%20Analytics%20team%2C%0D%0A/,
      );

      await app.rateCase.language('de');
      await expect(proposal).toContainText('Vorschlag: ein fester wöchentlicher Termin');
      await expect(proposal).toContainText('3-mal außerhalb unserer vereinbarten Termine');
      await expect(proposal).toContainText('Guten Tag an das Team von Acme Analytics,');
      await expect(app.rateCase.script('voicemailFollowUp')).toContainText(
        'Danke für Ihre Sprachnachricht',
      );
    });
  });
}

// The CSP does not depend on the language: once is enough.
test('the Clients and Rate case screens keep to the page’s CSP (client colours included)', async ({
  app,
  serve,
}) => {
  const violations: string[] = [];
  app.page.on('console', (m) => {
    if (
      m.type() === 'error' &&
      /Content Security Policy/.test(m.text()) &&
      !/frame-ancestors/.test(m.text())
    )
      violations.push(m.text());
  });
  await serve.call('addClient', { name: 'Acme' });
  await app.goTo('Clients');
  await expect(app.clients.item('Acme').locator('.client-color')).toHaveCSS(
    'background-color',
    'rgb(47, 111, 223)',
  );
  await app.goTo('Rate case');
  await expect(app.rateCase.recommendation).toBeVisible();
  await expect(app.rateCase.script('standingCallProposal')).toBeVisible();
  expect(violations).toEqual([]);
});
