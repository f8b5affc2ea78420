/**
 * The first run in Chromium against a real `serve` on an empty data folder: the three steps, "Try
 * with sample data" → the overview shows the sample clients and every screen the banner; a real
 * client added meanwhile; "Remove sample data" → banner and sample clients gone, the real client
 * still there — in English and German, with axe-core and screenshots of the first-run state.
 */
import type { TestInfo } from '@playwright/test';
import { OverviewPage } from './pages/overview-page.js';
import type { AppPage } from './pages/app-page.js';
import { expectAccessible } from './support/axe.js';
import { LANGUAGE_RUNS, inLanguage } from './support/languages.js';
import { screenshot } from './support/screenshots.js';
import type { ServeProcess } from './support/serve-process.js';
import { expect, test } from './fixtures.js';

const SAMPLE_CLIENTS = ['Northwind Logistics', 'Brightwater Studio', 'Kessler Maschinenbau GmbH'];

async function firstRun(app: AppPage, serve: ServeProcess, testInfo: TestInfo): Promise<void> {
  const { page, t, language } = app;
  const overview = new OverviewPage(page, language);
  const firstRunPanel = page.getByRole('region', { name: t('firstRun:panel.heading') });
  const banner = page.getByRole('region', { name: t('firstRun:sample.bannerLabel') });
  const steps = firstRunPanel.getByRole('list', { name: t('firstRun:panel.stepsLabel') });

  await test.step('an empty data folder: three open steps on the Status screen', async () => {
    await expect(firstRunPanel).toBeVisible();
    await expect(steps.getByRole('listitem')).toHaveCount(3);
    await expect(steps.getByText(t('firstRun:panel.notDone'), { exact: true })).toHaveCount(3);
    await expect(banner).toHaveCount(0);
    await expectAccessible(page, `first run (${language})`, testInfo);
    await screenshot(page, language, '00-first-run', testInfo);
    // Each step leads to where it is done.
    await app.hands.press(
      firstRunPanel.getByRole('link', { name: t('firstRun:panel.calendar.action') }),
    );
    await expect(app.calendars.heading).toBeVisible();
    await expect(page.getByText(t('calendars:empty'))).toBeVisible();
    await app.goTo('Status');
  });

  await test.step('try with sample data: the overview shows the sample clients', async () => {
    await app.hands.press(firstRunPanel.getByRole('button', { name: t('firstRun:sample.try') }));
    await expect(firstRunPanel.getByText(t('firstRun:sample.added'))).toBeVisible();
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(t('firstRun:sample.banner'));
    // Sample data is not the user's: the steps stay open.
    await expect(steps.getByText(t('firstRun:panel.notDone'), { exact: true })).toHaveCount(3);
    await app.hands.press(
      firstRunPanel.getByRole('link', { name: t('firstRun:sample.seeOverview') }),
    );
    await expect(overview.heading).toBeVisible();
    await expect(overview.rows).toHaveCount(3);
    for (const name of SAMPLE_CLIENTS) {
      await expect(overview.row(name)).toBeVisible();
      await expect(
        overview.row(name).getByText(t('firstRun:sample.tag'), { exact: true }),
      ).toBeVisible();
    }
    await expect(banner).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectAccessible(page, `overview with sample data (${language})`, testInfo);
    await screenshot(page, language, '00-sample-overview', testInfo);
    const sample = await serve.call('getSampleData', {});
    expect(sample.present).toBe(true);
    const calendars = await serve.call('listCalendars', {});
    expect(calendars.map((c) => c.id)).toEqual(sample.calendarIds);
  });

  await test.step('the sample speaks the dashboard language', async () => {
    await app.goTo('Calendars');
    const name = inLanguage(language, { en: 'Sample calendar', de: 'Beispielkalender' });
    await expect(app.calendars.item(name)).toBeVisible();
    const clients = await serve.call('listClients', {});
    // A German user's sample clients write German; in English only the German firm does.
    expect(clients.map((c) => c.locale)).toEqual(
      inLanguage(language, { en: ['en', 'en', 'de'], de: ['de', 'de', 'de'] }),
    );
  });

  await test.step('a real client added meanwhile; the banner is on every screen', async () => {
    await app.goTo('Clients');
    await expect(banner).toBeVisible();
    await app.clients.add({ name: 'Acme', hourlyRate: '120', currency: 'EUR', allowance: '2' });
    await expect(app.clients.item('Acme')).toBeVisible();
    // "Sample" / "Beispiel" beside each sample client, in words; the user's own has none.
    const tag = t('firstRun:sample.tag');
    for (const name of SAMPLE_CLIENTS)
      await expect(app.clients.item(name).getByText(tag, { exact: true })).toBeVisible();
    await expect(app.clients.item('Acme').getByText(tag, { exact: true })).toHaveCount(0);
    await screenshot(page, language, '00-sample-clients', testInfo);
    await app.goTo('Status');
    await expect(steps.getByText(t('firstRun:panel.done'), { exact: true })).toHaveCount(2);
  });

  await test.step('remove sample data: banner and sample clients gone, Acme stays', async () => {
    await app.goTo('Rate case');
    await app.hands.press(banner.getByRole('button', { name: t('firstRun:sample.remove') }));
    await expect(banner).toHaveCount(0);
    await expect(page.getByText(t('firstRun:sample.removed'))).toBeAttached();
    await app.goTo('Clients');
    await expect(app.clients.item('Acme')).toBeVisible();
    for (const name of SAMPLE_CLIENTS) await expect(app.clients.item(name)).toHaveCount(0);
    await app.goTo('Calendars');
    await expect(page.getByText(t('calendars:empty'))).toBeVisible();
    const clients = await serve.call('listClients', {});
    expect(clients.map((c) => c.name)).toEqual(['Acme']);
    expect((await serve.call('getSampleData', {})).present).toBe(false);
    // After a reload too: the removal is on disk, and the offer is back.
    await page.reload();
    await expect(app.calendars.heading).toBeVisible();
    await app.goTo('Status');
    await expect(banner).toHaveCount(0);
    await expect(
      firstRunPanel.getByRole('button', { name: t('firstRun:sample.try') }),
    ).toBeVisible();
  });
}

for (const run of LANGUAGE_RUNS) {
  test.describe(run.title, () => {
    test.use({ locale: run.locale });
    test(`first run with sample data, ${run.title}`, async ({ app, serve }, testInfo) => {
      await firstRun(app, serve, testInfo);
    });
  });
}
