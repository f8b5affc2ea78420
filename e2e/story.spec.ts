/**
 * The whole story in Chromium against a real `office-hours serve`: from an empty data folder, through
 * a Toggl export imported in the Import screen and the overview and chart it feeds
 * (`steps/import-steps.ts`), to a client's status page that says "Away until …" — in English and in German (the browser's locale
 * picks the UI language), each once with the mouse and once with the keyboard alone.
 *
 * The story is a list of steps (`STORY`) that share one `Story`; to add a step, write it as a
 * `StoryStep` (here or in a file of its own, typed by `support/story.ts`) and put it in the list where
 * it belongs. Texts come from the catalogues through
 * `s.t` (so the German run asserts the German texts); texts that are not in the catalogues (the
 * core's reasons and wording, the client's status page) are written side by side with `s.say`.
 */
import type { Page } from '@playwright/test';
import { ClientStatusPage } from './pages/client-status-page.js';
import type { AppPage } from './pages/app-page.js';
import { type IcsServer, workDayCalendar } from './support/ics-server.js';
import { LANGUAGE_RUNS, inLanguage } from './support/languages.js';
import type { ServeProcess } from './support/serve-process.js';
import type { Story, StoryStep } from './support/story.js';
import { chartShowsTheWeek, importToggl, overviewShowsAcme } from './steps/import-steps.js';
import { expect, test } from './fixtures.js';

const HOUR = 3_600_000;

/** "15:40" as the client's status page writes an instant: 24-hour clock in the client's zone. */
function clockTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

const emptyDataFolder: StoryStep = {
  title: 'an empty data folder: no calendars, no clients',
  async run({ app, page, t }) {
    await expect(app.status.state).toHaveText(t('common:state.available'));
    await app.goTo('Calendars');
    await expect(page.getByText(t('calendars:empty'))).toBeVisible();
    await app.goTo('Clients');
    await expect(page.getByText(t('clients:empty'))).toBeVisible();
  },
};

const addCalendar: StoryStep = {
  title: 'add a calendar served over HTTP; it syncs and decides the status',
  async run({ app, ics, t }) {
    ics.set('/work.ics', workDayCalendar());
    await app.goTo('Calendars');
    await app.calendars.add(ics.url('/work.ics'), { name: 'Work' });
    const work = app.calendars.item('Work');
    await expect(work.locator('dd').first()).not.toHaveText(t('calendars:item.never'));
    await expect(work.locator('.calendar-error')).toHaveCount(0);
    expect(ics.hits('/work.ics')).toBeGreaterThan(0);
    await app.goTo('Rules');
    await expect(app.rules.previewRow('Focus: write the proposal')).toContainText(
      t('rules:kind.focus'),
    );
    await expect(app.rules.previewRow('Project review')).toContainText(t('rules:kind.busy'));
  },
};

const addClient: StoryStep = {
  title: 'add the client Acme with its e-mail domain',
  async run({ app, t }) {
    await app.goTo('Clients');
    await app.clients.add({
      name: 'Acme',
      domains: 'acme.example',
      hourlyRate: '120',
      currency: 'EUR',
      allowance: '2',
    });
    await expect(app.clients.added).toHaveText(t('clients:added', { name: 'Acme' }));
    await expect(app.clients.item('Acme')).toContainText('@acme.example');
    // The domain makes the review a meeting with Acme.
    await app.goTo('Rules');
    await expect(app.rules.previewRow('Project review')).toContainText(
      t('rules:preview.withClient', { kind: t('rules:kind.client-meeting'), client: 'Acme' }),
    );
  },
};

/** The quick log's line after logging a `kind` with Acme, the week's `n`th unscheduled contact (allowance 2). */
function loggedLine(t: Story['t'], kind: 'call' | 'voicemail', n: number): string {
  const logged = t('rateCase:quickLog.logged', {
    what: t(`rateCase:quickLog.loggedKind.${kind}`),
    name: 'Acme',
  });
  const week = t(n > 2 ? 'rateCase:quickLog.weekOver' : 'rateCase:quickLog.week', {
    when: t('rateCase:quickLog.thisWeek'),
    adHoc: n,
    allowance: 2,
  });
  return `${logged} ${week}`;
}

const logContacts: StoryStep = {
  title: 'log three calls and a voicemail',
  async run({ app, t }) {
    await app.goTo('Rate case');
    await expect(app.rateCase.report('Acme')).toBeVisible();
    for (const n of [1, 2, 3]) {
      await app.rateCase.log('call');
      await expect(app.rateCase.logged).toHaveText(loggedLine(t, 'call', n));
    }
    await app.rateCase.log('voicemail', { note: 'about the invoice' });
    await expect(app.rateCase.logged).toHaveText(loggedLine(t, 'voicemail', 4));
  },
};

const rateCase: StoryStep = {
  title: 'the rate case: Acme over its allowance, and what the decision needs',
  async run({ app, t, say }) {
    await expect(app.rateCase.allowanceSummary).toContainText(
      t('rateCase:report.over', { over: '' }).trim(),
    );
    // The core's reasons, worded in the dashboard's language.
    await expect(app.rateCase.recommendation).toContainText(
      say({
        en: /Acme reached you unscheduled 4 times/,
        de: /Acme hat Sie vom .+ 4-mal außerhalb vereinbarter Termine kontaktiert/,
      }),
    );
    // No billed hours imported yet: no rate decision from four contacts alone.
    await expect(app.rateCase.recommendation).toContainText(
      t('rateCase:recommendation.heading', {
        label: t('overview:recommendation.not-enough-data'),
      }),
    );
    await expect(app.rateCase.weeks).toBeVisible();
    // This month may be a few days old (too short to decide on); twelve weeks are long enough, so
    // what is missing is billed hours.
    await app.hands.press(app.rateCase.last12Weeks);
    await expect(app.rateCase.recommendation).toContainText(
      say({
        en: 'billed hours in 0 of the 4 weeks',
        de: 'abgerechnete Stunden in 0 von 4 nötigen Wochen',
      }),
    );
    await expect(app.rateCase.weeks.getByRole('row')).toHaveCount(13);
    await app.hands.press(app.rateCase.thisMonth);
  },
};

const copyVoicemailReply: StoryStep = {
  title: 'copy the reply to the voicemail',
  async run({ app, page, language, t, say }) {
    await app.goTo('Rate case');
    await app.rateCase.language(language);
    await app.hands.press(app.rateCase.copy('voicemailFollowUp'));
    await expect(app.rateCase.script('voicemailFollowUp').getByRole('status')).toHaveText(
      t('rateCase:scripts.copied'),
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(
      say({ en: /^Got your voicemail/, de: /^Danke für Ihre Sprachnachricht/ }),
    );
  },
};

const unavailableForAnHour: StoryStep = {
  title: 'unavailable for 1 hour',
  async run({ app, t }) {
    await app.goTo('Status');
    await expect(app.status.state).toHaveText(t('common:state.available'));
    await app.hands.press(app.status.overrideButton('Unavailable', '1 hour'));
    await expect(app.status.state).toHaveText(t('common:state.away'));
    await expect(app.status.setByHandBadge).toBeVisible();
  },
};

const clientStatusPage: StoryStep = {
  title: "Acme's status page says so, with the until time",
  async run({ app, page, serve, say }) {
    const status = await serve.call('getStatus', {});
    const [acme] = await serve.call('listClients', {});
    expect(status.until, 'the override has an end').toBeTruthy();
    expect(Date.parse(status.until ?? '') - Date.now()).toBeGreaterThan(0.9 * HOUR);
    // A client added from a German dashboard gets German as its page's language.
    expect(acme?.locale).toBe(say({ en: 'en', de: 'de' }));
    await app.goTo('Clients');
    const [client] = await Promise.all([
      page.context().waitForEvent('page'),
      app.hands.press(app.clients.openLink('Acme')),
    ]);
    const view = new ClientStatusPage(client);
    const until = clockTime(status.until ?? '', acme?.timeZone ?? 'UTC');
    await expect(view.headline).toHaveText(
      say({
        en: new RegExp(`^Away until (tomorrow )?${until}$`),
        de: new RegExp(`^Abwesend bis (morgen )?${until}$`),
      }),
    );
    await client.close();
  },
};

/** The story, in order. */
const STORY: readonly StoryStep[] = [
  emptyDataFolder,
  addCalendar,
  addClient,
  logContacts,
  rateCase,
  importToggl,
  overviewShowsAcme,
  chartShowsTheWeek,
  copyVoicemailReply,
  unavailableForAnHour,
  clientStatusPage,
];

async function tellTheStory(app: AppPage, serve: ServeProcess, ics: IcsServer): Promise<void> {
  const { page, language } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(serve.baseUrl).origin,
  });
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  const story: Story = {
    app,
    page,
    serve,
    ics,
    language,
    t: app.t,
    say: (texts) => inLanguage(language, texts),
  };
  for (const step of STORY) await test.step(step.title, () => step.run(story));
}

/** Counts pointer presses on the dashboard, so a keyboard-only run can prove it used none. */
async function countPointerPresses(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { pointerPresses: number };
    w.pointerPresses = 0;
    window.addEventListener('pointerdown', () => (w.pointerPresses += 1), { capture: true });
  });
  return () =>
    page.evaluate(() => (window as unknown as { pointerPresses: number }).pointerPresses);
}

for (const run of LANGUAGE_RUNS) {
  test.describe(run.title, () => {
    test.use({ locale: run.locale });

    test(`the whole story, ${run.title}, with the mouse`, async ({ app, serve, ics }) => {
      await tellTheStory(app, serve, ics);
    });

    test.describe('keyboard only', () => {
      test.use({ input: 'keyboard' });

      test(`the whole story, ${run.title}, with Tab, Enter, Space and the arrow keys`, async ({
        app,
        serve,
        ics,
      }) => {
        const presses = await countPointerPresses(app.page);
        await tellTheStory(app, serve, ics);
        expect(await presses(), 'pointer presses on the dashboard').toBe(0);
      });
    });
  });
}
