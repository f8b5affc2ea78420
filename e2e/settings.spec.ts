/** Settings end to end: a change in the dashboard is stored by the core and read back; the German UI. */
import { expect, test } from './fixtures.js';

test('settings round-trip: change in the screen, saved in the core, shown again after a reload', async ({
  app,
  serve,
}) => {
  await app.goTo('Settings');
  const s = app.settings;
  await expect(s.recoveryMinutes).toHaveValue('23');
  await s.recoveryMinutes.fill('15');
  await s.walkAwayShare.fill('35');
  await s.notification('When a calendar keeps failing to sync').uncheck();
  await s.save.click();
  await expect(app.page.getByText('Settings saved.')).toBeVisible();
  const stored = await serve.call('getSettings', {});
  expect(stored).toMatchObject({
    recoveryMinutes: 15,
    walkAwayShare: 0.35,
    notifications: { calendarFailing: false, focusChange: true },
  });

  // The screen is in the address (#settings): a reload comes back to it, with what was saved.
  await app.page.reload();
  await expect(app.page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(s.recoveryMinutes).toHaveValue('15');
  await expect(s.notification('When a calendar keeps failing to sync')).not.toBeChecked();
});

test('German: chosen in Settings, the whole shell speaks German, and stays so on the next load', async ({
  app,
  serve,
}) => {
  await app.goTo('Settings');
  await app.settings.language.selectOption('de');
  await app.settings.save.click();
  const nav = app.page.getByRole('navigation', { name: 'Bildschirme' });
  await expect(nav.getByRole('button', { name: 'Heute', exact: true })).toBeVisible();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'de');
  expect((await serve.call('getSettings', {})).language).toBe('de');

  await app.page.reload();
  await expect(
    app.page.getByRole('navigation', { name: 'Bildschirme' }).getByRole('button', {
      name: 'Einstellungen',
    }),
  ).toBeVisible();
});
