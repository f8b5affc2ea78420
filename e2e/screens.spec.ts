/**
 * Every screen of the dashboard, and a client's status page, with data on them, in English and in
 * German: axe-core finds no serious or critical violation, and a screenshot of each is saved in
 * test-results/screenshots/<language>/. To add a screen, add it to `SCREENS`.
 */
import { ClientStatusPage } from './pages/client-status-page.js';
import type { AppPage, ScreenName } from './pages/app-page.js';
import { expectAccessible } from './support/axe.js';
import { workDayCalendar } from './support/ics-server.js';
import { LANGUAGE_RUNS } from './support/languages.js';
import { screenshot } from './support/screenshots.js';
import { togglWeeksCsv } from './support/toggl-fixture.js';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** A Toggl export with a row for a client nobody knows and a bad duration: the preview shows it all. */
const MIXED_TOGGL = `${togglWeeksCsv('Acme', 2).trimEnd()}
Anna,anna@example.com,Initech,Audit,,Review,No,2026-11-30,09:00:00,2026-11-30,10:00:00,01:00:00,,
Anna,anna@example.com,Acme,Relaunch,,Broken,Yes,2026-11-30,09:00:00,2026-11-30,10:00:00,one hour,,
`;

/**
 * Each screen, the file its screenshot gets, what shows that its data has loaded, and what to do on it
 * first (pick a file to preview).
 */
const SCREENS: {
  name: ScreenName;
  file: string;
  loaded: (app: AppPage) => Locator;
  prepare?: (app: AppPage) => Promise<void>;
}[] = [
  { name: 'Status', file: '01-status', loaded: (app) => app.status.state },
  { name: 'Today', file: '02-today', loaded: (app) => app.today.current },
  { name: 'Calendars', file: '03-calendars', loaded: (app) => app.calendars.item('Work') },
  {
    name: 'Rules',
    file: '04-rules',
    loaded: (app) =>
      app.rules.previewRow('Project review').getByText(
        app.t('rules:preview.withClient', {
          kind: app.t('rules:kind.client-meeting'),
          client: 'Acme',
        }),
      ),
  },
  { name: 'Clients', file: '05-clients', loaded: (app) => app.clients.item('Acme') },
  {
    name: 'Rate case',
    file: '06-rate-case',
    loaded: (app) => app.rateCase.script('voicemailFollowUp'),
  },
  { name: 'Settings', file: '07-settings', loaded: (app) => app.settings.save },
  {
    name: 'Import',
    file: '12-import',
    prepare: (app) => app.import.pick({ name: 'toggl.csv', buffer: Buffer.from(MIXED_TOGGL) }),
    loaded: (app) => app.import.errors,
  },
];

for (const run of LANGUAGE_RUNS) {
  test.describe(run.title, () => {
    test.use({ locale: run.locale });

    test(`every screen ${run.title}: no serious or critical axe violation, and a screenshot`, async ({
      app,
      serve,
      ics,
    }, testInfo) => {
      const lang = run.language;
      ics.set('/work.ics', workDayCalendar());
      await serve.call('addCalendar', { location: ics.url('/work.ics'), name: 'Work' });
      const acme = await serve.call('addClient', {
        name: 'Acme',
        domains: ['acme.example'],
        hourlyRate: '120',
        currency: 'EUR',
        allowance: 2,
        locale: lang,
      });
      for (const kind of ['call', 'call', 'call', 'voicemail'] as const)
        await serve.call('logContact', { clientId: acme.id, kind });
      // An import made before: the Import screen offers to undo it.
      await serve.call('importText', {
        kind: 'toggl',
        name: 'earlier.csv',
        text: togglWeeksCsv('Acme', 1),
      });

      for (const screen of SCREENS) {
        await test.step(screen.name, async () => {
          await app.goTo(screen.name);
          await screen.prepare?.(app);
          await expect(screen.loaded(app)).toBeVisible();
          await expect(app.page.locator('[aria-busy="true"]')).toHaveCount(0);
          await expectAccessible(app.page, screen.name, testInfo);
          await screenshot(app.page, lang, screen.file, testInfo);
        });
      }

      await test.step('a client’s status page', async () => {
        await app.goTo('Status');
        await app.status.overrideButton('Unavailable', '1 hour').click();
        await expect(app.status.state).toHaveText(app.t('common:state.away'));
        const page = await app.page.context().newPage();
        await page.goto(acme.statusLink);
        await expect(new ClientStatusPage(page).headline).toHaveText(
          lang === 'de' ? /^Abwesend bis / : /^Away until /,
        );
        await expectAccessible(page, 'client status page', testInfo);
        await screenshot(page, lang, '08-client-status-page', testInfo);
        await page.close();
      });

      await test.step('the page opened without its link', async () => {
        const page = await app.page.context().newPage();
        await page.goto(serve.baseUrl);
        await expect(
          page.getByRole('heading', { name: app.t('common:needsLink.title') }),
        ).toBeVisible();
        await expectAccessible(page, 'without the link', testInfo);
        await screenshot(page, lang, '09-needs-link', testInfo);
        await page.close();
      });
    });
  });
}
