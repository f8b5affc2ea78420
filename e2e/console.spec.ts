/** Every screen of the dashboard loads in Chromium without a console error or warning. */
import { AppPage, SCREEN_NAMES } from './pages/app-page.js';
import { expect, test } from './fixtures.js';

test('no console error or warning on load of each screen', async ({ page, serve }) => {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  const app = new AppPage(page);
  await app.open(serve.link);
  for (const name of SCREEN_NAMES) {
    await app.goTo(name);
    // Each screen's first answer from the core has arrived: nothing is loading any more.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(messages).toEqual([]);
});
