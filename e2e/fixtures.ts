/** Playwright fixtures: a fresh `serve` per test, a feed server, and the dashboard opened by its printed link. */
import { test as base } from '@playwright/test';
import { type IcsServer, startIcsServer } from './support/ics-server.js';
import { type ServeProcess, allDayWorkingHours, startServe } from './support/serve-process.js';
import { AppPage } from './pages/app-page.js';
import { keyboardHands, mouseHands } from './support/hands.js';
import { pickLanguage } from '../shared/i18n/index.js';

/** Options a spec sets with `test.use`. */
interface Options {
  /** Operate the dashboard with the mouse (default) or the keyboard alone. */
  input: 'mouse' | 'keyboard';
}

interface Fixtures {
  ics: IcsServer;
  serve: ServeProcess;
  /** The dashboard, opened from the link serve printed, with working hours set to all day. */
  app: AppPage;
}

/** The e2e `test` with the fixtures above. */
export const test = base.extend<Options & Fixtures>({
  input: ['mouse', { option: true }],
  ics: async ({}, use) => {
    const server = await startIcsServer();
    await use(server);
    await server.close();
  },
  serve: async ({}, use, testInfo) => {
    const serve = await startServe();
    await use(serve);
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('serve output', { body: serve.output(), contentType: 'text/plain' });
    await serve.stop();
  },
  app: async ({ page, serve, input, locale }, use) => {
    // Set up so the test does not depend on the hour it runs at; the page then loads the result.
    await serve.call('setWorkingHours', allDayWorkingHours());
    const hands = input === 'keyboard' ? keyboardHands(page) : mouseHands();
    const app = new AppPage(page, hands, pickLanguage(locale));
    await app.open(serve.link);
    await use(app);
  },
});

export { expect } from '@playwright/test';
