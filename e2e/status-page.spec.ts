// A client's status page in Chromium: its CSP lets its own stylesheet and live script run (and nothing
// else), a change reaches the open page through the event stream, and the page reads fine without JS.
import { expect, test } from '@playwright/test';
import { startFixtureServer } from '../main/core/status/http-test-helpers.js';
import { makeStatus } from '../main/core/status/status-fixtures.js';

test('status page updates live under its CSP and works without JavaScript', async ({ browser }) => {
  const { server, world } = await startFixtureServer();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on(
      'console',
      (m) =>
        void (m.type() === 'error' || m.type() === 'warning' ? problems.push(m.text()) : undefined),
    );
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/s/${world.clients.a.statusToken}`);
    await expect(page.locator('h1')).toHaveText('Focus time until 15:00');
    // The inline stylesheet applied (allowed by its hash): the card has its border radius.
    await expect(page.locator('.card')).toHaveCSS('border-radius', '12px');

    world.status.current = makeStatus('meeting', '2025-03-12T15:30:00Z');
    server.notifyChange();
    await expect(page.locator('h1')).toHaveText('In a meeting until 16:30', { timeout: 2_000 });
    await expect(page).toHaveTitle('In a meeting until 16:30');
    world.status.current = makeStatus('available', '2025-03-12T16:00:00Z');
    server.notifyChange();
    await expect(page.locator('h1')).toHaveText('Available until 17:00', { timeout: 2_000 });
    await expect(page.locator('[data-field=adHoc]')).toBeHidden();
    await expect(page.locator('body')).toHaveAttribute('data-state', 'available');
    expect(problems).toEqual([]);

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${server.url}/s/${world.clients.b.statusToken}`);
    await expect(plain.locator('h1')).toHaveText('Verfügbar bis 17:00');
    await expect(plain.getByText('Unser nächster Termin: morgen 14:00')).toBeVisible();
    await noJs.close();
    await context.close();
  } finally {
    await server.close();
  }
});
