/**
 * The whole story in Chromium against a real `office-hours serve`: from an empty data folder to a
 * client's status page that says "Away until …", once with the mouse and once with the keyboard alone.
 */
import type { Page } from '@playwright/test';
import { ClientStatusPage } from './pages/client-status-page.js';
import type { AppPage } from './pages/app-page.js';
import { type IcsServer, workDayCalendar } from './support/ics-server.js';
import type { ServeProcess } from './support/serve-process.js';
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

async function tellTheStory(app: AppPage, serve: ServeProcess, ics: IcsServer): Promise<void> {
  const { page } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(serve.baseUrl).origin,
  });

  await test.step('an empty data folder: no calendars, no clients', async () => {
    await expect(app.status.state).toHaveText('Available');
    await app.goTo('Calendars');
    await expect(page.getByText('No calendars yet.')).toBeVisible();
    await app.goTo('Clients');
    await expect(page.getByText('No clients yet.')).toBeVisible();
  });

  await test.step('add a calendar served over HTTP; it syncs and decides the status', async () => {
    ics.set('/work.ics', workDayCalendar());
    await app.goTo('Calendars');
    await app.calendars.add(ics.url('/work.ics'), { name: 'Work' });
    const work = app.calendars.item('Work');
    await expect(work.locator('dd').first()).not.toHaveText('never');
    await expect(work.locator('.calendar-error')).toHaveCount(0);
    expect(ics.hits('/work.ics')).toBeGreaterThan(0);
    await app.goTo('Rules');
    await expect(app.rules.previewRow('Focus: write the proposal')).toContainText('Focus');
    await expect(app.rules.previewRow('Project review')).toContainText('Busy');
  });

  await test.step('add the client Acme with its e-mail domain', async () => {
    await app.goTo('Clients');
    await app.clients.add({
      name: 'Acme',
      domains: 'acme.example',
      hourlyRate: '120',
      currency: 'EUR',
      allowance: '2',
    });
    await expect(app.clients.added).toHaveText(/Added Acme\./);
    await expect(app.clients.item('Acme')).toContainText('@acme.example');
    // The domain makes the review a meeting with Acme.
    await app.goTo('Rules');
    await expect(app.rules.previewRow('Project review')).toContainText('Client meeting (Acme)');
  });

  await test.step('log three calls and a voicemail', async () => {
    await app.goTo('Rate case');
    await expect(app.rateCase.report('Acme')).toBeVisible();
    for (const n of [1, 2, 3]) {
      await app.rateCase.log('Call');
      await expect(app.rateCase.logged).toContainText(`This week: ${n} unscheduled, allowance 2`);
    }
    await app.rateCase.log('Voicemail', { note: 'about the invoice' });
    await expect(app.rateCase.logged).toHaveText(
      'Logged a voicemail with Acme. This week: 4 unscheduled, allowance 2 — over allowance.',
    );
  });

  await test.step('the rate case: Acme over its allowance, and what the decision needs', async () => {
    await expect(app.rateCase.allowanceSummary).toContainText('over allowance');
    await expect(app.rateCase.recommendation).toContainText('Acme reached you unscheduled 4 times');
    // No billed hours imported yet: no rate decision from four contacts alone.
    await expect(app.rateCase.recommendation).toContainText('Recommendation: Not enough data yet');
    await expect(app.rateCase.recommendation).toContainText('billed hours in 0 of the 4 weeks');
    await expect(app.rateCase.weeks).toBeVisible();
  });

  await test.step('copy the reply to the voicemail', async () => {
    await app.rateCase.language('English');
    await app.hands.press(app.rateCase.copy('Voicemail follow-up'));
    await expect(app.rateCase.script('Voicemail follow-up').getByRole('status')).toHaveText(
      'Copied.',
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^Got your voicemail/);
  });

  await test.step('unavailable for 1 hour', async () => {
    await app.goTo('Status');
    await expect(app.status.state).toHaveText('Available');
    await app.hands.press(app.status.overrideButton('Unavailable', '1 hour'));
    await expect(app.status.state).toHaveText('Away');
    await expect(app.status.setByHandBadge).toBeVisible();
  });

  await test.step("Acme's status page says so, with the until time", async () => {
    const status = await serve.call('getStatus', {});
    const [acme] = await serve.call('listClients', {});
    expect(status.until, 'the override has an end').toBeTruthy();
    expect(Date.parse(status.until ?? '') - Date.now()).toBeGreaterThan(0.9 * HOUR);
    await app.goTo('Clients');
    const [client] = await Promise.all([
      page.context().waitForEvent('page'),
      app.hands.press(app.clients.openLink('Acme')),
    ]);
    const view = new ClientStatusPage(client);
    const until = clockTime(status.until ?? '', acme?.timeZone ?? 'UTC');
    await expect(view.headline).toHaveText(new RegExp(`^Away until (tomorrow )?${until}$`));
    await client.close();
  });
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

test('the whole story, in English, with the mouse', async ({ app, serve, ics }) => {
  await tellTheStory(app, serve, ics);
});

test.describe('keyboard only', () => {
  test.use({ input: 'keyboard' });

  test('the whole story, with Tab, Enter, Space and the arrow keys', async ({
    app,
    serve,
    ics,
  }) => {
    const presses = await countPointerPresses(app.page);
    await tellTheStory(app, serve, ics);
    expect(await presses(), 'pointer presses on the dashboard').toBe(0);
  });
});
