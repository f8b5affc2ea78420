/** The dashboard in Chromium against a real `office-hours serve` and a real feed server. */
import { calendarWith, focusNowCalendar } from './support/ics-server.js';
import { expect, test } from './fixtures.js';

const SECRET = 's3cr3t-feed-token';

test('adds a calendar through the UI, sees it synced, and the status shows the focus block happening now', async ({
  app,
  ics,
}) => {
  ics.set(`/feeds/${SECRET}/work.ics`, focusNowCalendar());
  await expect(app.status.state).toHaveText('Available');

  await app.goTo('Calendars');
  await app.calendars.add(ics.url(`/feeds/${SECRET}/work.ics`), { name: 'Work' });
  const work = app.calendars.item('Work');
  await expect(work).toBeVisible();
  await expect(work.getByText('Last sync')).toBeVisible();
  await expect(work.locator('dd').first()).not.toHaveText('never');
  await expect(work.locator('.calendar-error')).toHaveCount(0);
  // The secret part of the feed address never reaches the screen.
  await expect(app.page.locator('body')).not.toContainText(SECRET);
  expect(ics.hits(`/feeds/${SECRET}/work.ics`)).toBeGreaterThan(0);

  await app.goTo('Status');
  await expect(app.status.state).toHaveText('In a focus block');
  await expect(app.status.setByHandBadge).toHaveCount(0);

  await app.goTo('Today');
  await expect(app.today.current).toContainText('Focus');
});

test('set unavailable for 30 minutes changes the status, and changes from elsewhere arrive live', async ({
  app,
  serve,
}) => {
  await expect(app.status.state).toHaveText('Available');
  await app.status.overrideButton('Unavailable', '30 minutes').click();
  await expect(app.status.state).toHaveText('Away');
  await expect(app.status.setByHandBadge).toBeVisible();

  // Another client (the tray, the CLI, a second tab) changes it: the page follows by event, unreloaded.
  const navigations: string[] = [];
  app.page.on('framenavigated', (frame) => navigations.push(frame.url()));
  await serve.call('clearOverride', {});
  await expect(app.status.state).toHaveText('Available');
  await expect(app.status.setByHandBadge).toHaveCount(0);
  expect(navigations).toEqual([]);
});

test('an override by hand, then back to following the calendar', async ({ app, serve, ics }) => {
  ics.set('/work.ics', focusNowCalendar());
  await serve.call('addCalendar', { location: ics.url('/work.ics'), name: 'Work' });
  await expect(app.status.state).toHaveText('In a focus block');

  await app.status.overrideButton('Available', '1 hour').click();
  await expect(app.status.state).toHaveText('Available');
  await expect(app.status.setByHandBadge).toBeVisible();

  await app.status.followCalendar.click();
  await expect(app.status.state).toHaveText('In a focus block');
  await expect(app.status.setByHandBadge).toHaveCount(0);
});

test('a bad calendar link shows a clear error and keeps the list', async ({ app, ics }) => {
  ics.set('/good.ics', focusNowCalendar());
  await app.goTo('Calendars');
  await app.calendars.add(ics.url('/good.ics'), { name: 'Good' });
  await expect(app.calendars.item('Good')).toBeVisible();

  // Not a calendar link at all: refused next to the field, nothing sent.
  await app.calendars.add('ftp://files.example.com/cal.ics', { name: 'Wrong scheme' });
  await expect(app.calendars.formError).toContainText('not calendars');
  await expect(app.calendars.location).toHaveAttribute('aria-invalid', 'true');
  await expect(app.calendars.list.getByRole('listitem')).toHaveCount(1);

  // The same feed twice: the core refuses, and says why.
  await app.calendars.add(ics.url('/good.ics'), { name: 'Again' });
  await expect(app.calendars.formError).toContainText('already added');
  await expect(app.calendars.list.getByRole('listitem')).toHaveCount(1);

  // A link that answers 404: the calendar is listed with its failure in plain sight; the good one stays.
  await app.calendars.add(ics.url(`/feeds/${SECRET}/missing.ics`), { name: 'Broken' });
  const broken = app.calendars.item('Broken');
  await expect(broken.locator('.calendar-error')).toContainText('Sync failed');
  await expect(broken.locator('.calendar-error')).toContainText('404');
  await expect(app.calendars.item('Good')).toBeVisible();
  await expect(app.calendars.item('Good').locator('.calendar-error')).toHaveCount(0);
  await expect(app.page.locator('body')).not.toContainText(SECRET);
});

test('keyboard only: reach and use the override buttons, and move between screens', async ({
  app,
}) => {
  const target = app.status.overrideButton('Unavailable', '30 minutes');
  expect(await app.tabTo(target), 'Tab reaches "Unavailable for 30 minutes"').toBe(true);
  // The focus ring is visible (not outline: none).
  expect(await target.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await app.page.keyboard.press('Enter');
  await expect(app.status.state).toHaveText('Away');

  expect(await app.tabTo(app.navButton('Calendars'), { backwards: true })).toBe(true);
  await app.page.keyboard.press('Enter');
  await expect(app.calendars.heading).toBeFocused();
  expect(await app.tabTo(app.calendars.location)).toBe(true);

  expect(await app.tabTo(app.navButton('Status'), { backwards: true })).toBe(true);
  await app.page.keyboard.press('Enter');
  await expect(app.status.heading).toBeFocused();
  await expect(app.status.state).toHaveText('Away');
  expect(await app.tabTo(app.status.followCalendar)).toBe(true);
  await app.page.keyboard.press('Space');
  await expect(app.status.state).toHaveText('Available');
});

test('the rules preview follows the keywords as they are edited', async ({ app, serve, ics }) => {
  const now = Date.now();
  ics.set(
    '/prep.ics',
    calendarWith('Prep', [
      { uid: 'prep@e2e', summary: 'Workshop prep', start: now + 3_600_000, end: now + 7_200_000 },
    ]),
  );
  await serve.call('addCalendar', { location: ics.url('/prep.ics'), name: 'Prep' });
  await app.goTo('Rules');
  await expect(app.rules.previewRow('Workshop prep')).toContainText('Busy');
  await app.rules.newKeyword.fill('workshop');
  await app.rules.addKeyword.click();
  await expect(app.rules.keywords).toContainText('workshop');
  await expect(app.rules.previewRow('Workshop prep')).toContainText('Focus');
  await app.rules.saveRules.click();
  await expect(app.page.getByText('Rules saved.')).toBeVisible();
  expect((await serve.call('getRules', {})).focusKeywords).toContain('workshop');
});

test('the page carries a strict CSP and nothing breaks it', async ({ app, serve }) => {
  const violations: string[] = [];
  app.page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  const response = await app.page.request.get(serve.baseUrl);
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
  // Only a header can forbid framing; in the meta it would be ignored with an error on every load.
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  // Screens other than Status, Overview and a client's detail are scripts of their own, loaded when
  // first opened: they must come from the page's own origin, as the CSP allows, and draw.
  const scripts: { url: string; status: number; type: string }[] = [];
  app.page.on('response', (r) => {
    if (r.request().resourceType() === 'script')
      scripts.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
  });
  for (const screen of ['Today', 'Calendars', 'Rules', 'Settings', 'Status'] as const)
    await app.goTo(screen);
  const settingsScript = scripts.find((s) => /\/assets\/settings-screen-[\w-]+\.js$/.test(s.url));
  expect(settingsScript, JSON.stringify(scripts)).toMatchObject({
    status: 200,
    type: expect.stringMatching(/^text\/javascript/),
  });
  expect(new URL(settingsScript?.url ?? '').origin).toBe(new URL(serve.baseUrl).origin);
  expect(violations).toEqual([]);
  // The token left the address bar once read.
  expect(app.page.url()).not.toContain('token');
});

test('the tray’s "Until…" opens the Status screen with the time picker focused; Enter sets it', async ({
  app,
  serve,
}) => {
  await app.goTo('Settings');
  // What the tray's "Unavailable ▸ Until…" item opens.
  await app.page.evaluate(() => (window.location.hash = '#status?until=unavailable'));
  await expect(app.status.heading).toBeVisible();
  const field = app.page.getByLabel('Unavailable until — choose the time');
  await expect(field).toBeFocused();
  const later = new Date(Date.now() + 2 * 3_600_000);
  const hhmm = `${String(later.getHours()).padStart(2, '0')}:${String(later.getMinutes()).padStart(2, '0')}`;
  await field.fill(hhmm);
  await app.page.keyboard.press('Enter');
  await expect(app.status.setByHandBadge).toBeVisible();
  await expect(app.page).toHaveURL(/#status$/);
  const status = await serve.call('getStatus', {});
  expect(status.overridden).toBe(true);
});
