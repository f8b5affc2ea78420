/** Screenshots of each screen as test artifacts, in `test-results/screenshots/<language>/` (see README). */
import { resolve } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

/** Where the screenshots go; Playwright empties test-results/ at the start of each run. */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

/** Saves a full-page screenshot of `page` as `<language>/<name>.png` and attaches it to the test. */
export async function screenshot(
  page: Page,
  language: string,
  name: string,
  testInfo: TestInfo,
): Promise<void> {
  const path = resolve(SCREENSHOT_DIR, language, `${name}.png`);
  // Animations stopped and the caret hidden, so the picture is the same run to run.
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(`${language}/${name}`, { path, contentType: 'image/png' });
}
