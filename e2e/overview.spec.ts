/**
 * The Clients overview and a client's detail in Chromium against a real `serve`: over-allowance
 * clients first, sorting, the period, the twelve-week chart and its table, hash routing with back and
 * forward, axe-core with no serious or critical violation, and screenshots in English and German.
 */
import type { TestInfo } from '@playwright/test';
import { ClientDetailPage, OverviewPage } from './pages/overview-page.js';
import type { AppPage } from './pages/app-page.js';
import { expectAccessible } from './support/axe.js';
import { screenshot } from './support/screenshots.js';
import type { ServeProcess } from './support/serve-process.js';
import { expect, test } from './fixtures.js';
import { createTranslator, type Language } from '../shared/i18n/index.js';

/** Today as YYYY-MM-DD in UTC (the zone serve's fresh data folder counts days in here). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A Toggl detailed export with billed hours today for Acme (4 h) and Beta (10 h). */
function togglCsv(): string {
  const day = today();
  return [
    'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)',
    `Anna,anna@example.com,Acme,Relaunch,,Design,Yes,${day},00:10:00,${day},04:10:00,04:00:00,,480.00`,
    `Anna,anna@example.com,Beta,Audit,,Review,Yes,${day},00:20:00,${day},10:20:00,10:00:00,,1000.00`,
  ].join('\n');
}

/** Acme over its allowance (three calls and a voicemail against 2), Beta within; both billed. */
async function seed(serve: ServeProcess): Promise<{ acme: string; beta: string }> {
  const acme = await serve.call('addClient', {
    name: 'Acme',
    domains: ['acme.example'],
    hourlyRate: '120',
    currency: 'EUR',
    allowance: 2,
  });
  const beta = await serve.call('addClient', {
    name: 'Beta',
    hourlyRate: '100',
    currency: 'EUR',
    allowance: 3,
  });
  for (const kind of ['call', 'call', 'call', 'voicemail'] as const)
    await serve.call('logContact', { clientId: acme.id, kind });
  await serve.call('logContact', { clientId: beta.id, kind: 'call' });
  const imported = await serve.call('importText', {
    kind: 'toggl',
    name: 'toggl.csv',
    text: togglCsv(),
  });
  expect(imported.imported, JSON.stringify(imported.errors)).toBe(true);
  return { acme: acme.id, beta: beta.id };
}

async function overviewAndDetail(
  app: AppPage,
  serve: ServeProcess,
  language: Language,
  testInfo: TestInfo,
): Promise<void> {
  const { page } = app;
  const t = createTranslator(language).t;
  const overview = new OverviewPage(page, language);
  const detail = new ClientDetailPage(page, language);
  const ids = await seed(serve);

  await test.step('the overview: Acme over its allowance first, with its recommendation', async () => {
    await app.hands.press(
      page
        .getByRole('navigation', { name: t('nav.label') })
        .getByRole('button', { name: t('nav.overview'), exact: true }),
    );
    await expect(overview.heading).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#overview');
    await expect(overview.rows).toHaveCount(2);
    await expect(overview.rows.first()).toContainText('Acme');
    await expect(overview.row('Acme')).toContainText(t('overview:cell.over', { over: '' }).trim());
    await expect(overview.row('Acme')).toContainText(t('overview:recommendation.not-enough-data'));
    await expect(overview.columnHeader('unscheduled')).toHaveAttribute('aria-sort', 'descending');
    // One week cannot be four weeks of evidence: the screen says so and offers twelve.
    await expect(overview.tooShort).toContainText(
      t('overview:period.tooShort', { count: 1, need: 4 }),
    );
    await expectAccessible(page, `overview (${language})`, testInfo);
    await screenshot(page, language, '10-overview', testInfo);
  });

  await test.step('sorting by revenue, then the month', async () => {
    await app.hands.press(overview.sortButton('revenue'));
    await expect(overview.columnHeader('revenue')).toHaveAttribute('aria-sort', 'descending');
    await expect(overview.rows.first()).toContainText('Beta');
    await app.hands.press(overview.sortButton('revenue'));
    await expect(overview.columnHeader('revenue')).toHaveAttribute('aria-sort', 'ascending');
    await expect(overview.rows.first()).toContainText('Acme');
    // Still this week, which is always too short: the note widens it to twelve weeks in one step.
    await app.hands.press(
      overview.tooShort.getByRole('button', { name: t('overview:period.showLast12Weeks') }),
    );
    await expect(overview.period('last12Weeks')).toBeChecked();
    await expect(overview.tooShort).toHaveCount(0);
    await expect(overview.rows).toHaveCount(2);
    await app.hands.check(overview.period('thisMonth'));
    await expect(overview.rows).toHaveCount(2);
    await expect(overview.rows.first()).toContainText('Acme');
  });

  await test.step("Acme's detail: the chart shows this week, and its table the same numbers", async () => {
    await app.hands.press(overview.detailLink('Acme'));
    await expect(detail.heading('Acme')).toBeVisible();
    expect(new URL(page.url()).hash).toBe(`#client/${ids.acme}`);
    // This week: calls and a voicemail, two stacked bars.
    await expect(detail.bars).toHaveCount(2);
    await expect(detail.chart).toHaveAttribute('role', 'img');
    await expect(detail.chart).toHaveAttribute('aria-label', /4/);
    await expect(detail.busiest).toBeVisible();
    await expect(detail.recommendation).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectAccessible(page, `client detail (${language})`, testInfo);
    await screenshot(page, language, '11-client-detail', testInfo);

    const weeks = detail.panel('weeks.heading');
    await app.hands.press(detail.showTable(weeks));
    const lastWeek = weeks.getByRole('row').last();
    await expect(lastWeek.getByRole('cell')).toHaveText([
      '3',
      '0',
      '1',
      '0',
      '4',
      /^[\d.,]+$/,
      '4',
    ]);
    await expectAccessible(page, `client detail as tables (${language})`, testInfo);
  });

  await test.step('back and forward move between the detail and the overview', async () => {
    await page.goBack();
    await expect(overview.heading).toBeVisible();
    await page.goForward();
    await expect(detail.heading('Acme')).toBeVisible();
    await page.goto(`${serve.baseUrl}#client/${ids.beta}`);
    await expect(detail.heading('Beta')).toBeVisible();
    await expect(detail.bars).toHaveCount(1);
  });
}

test('the overview and a client detail, in English', async ({ app, serve }, testInfo) => {
  await overviewAndDetail(app, serve, 'en', testInfo);
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });
  test('the overview and a client detail, in German', async ({ app, serve }, testInfo) => {
    await overviewAndDetail(app, serve, 'de', testInfo);
  });
});

test('the overview follows a contact logged elsewhere (the tray, the command line) without a reload', async ({
  app,
  serve,
}) => {
  const { page } = app;
  const overview = new OverviewPage(page, 'en');
  const ids = await seed(serve);
  await page.evaluate(() => (window.location.hash = '#overview'));
  await expect(overview.rows).toHaveCount(2);
  const before = (await overview.row('Beta').textContent()) ?? '';
  // Not through this page: what the tray's "Log contact" does in the core.
  await serve.call('logContact', { clientId: ids.beta, kind: 'call' });
  await serve.call('logContact', { clientId: ids.beta, kind: 'voicemail' });
  await expect(overview.row('Beta')).not.toHaveText(before);
  await expect(overview.rows.first()).toContainText('Acme');
});
