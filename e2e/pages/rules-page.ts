/** The Rules screen. */
import type { Locator, Page } from '@playwright/test';

/** The Rules screen's parts. */
export class RulesPage {
  readonly heading: Locator;
  readonly keywords: Locator;
  readonly newKeyword: Locator;
  readonly addKeyword: Locator;
  readonly saveRules: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Rules' });
    this.keywords = page.getByRole('list', { name: 'Focus keywords' });
    this.newKeyword = page.getByLabel('New keyword');
    this.addKeyword = page.getByRole('button', { name: 'Add keyword' });
    this.saveRules = page.getByRole('button', { name: 'Save rules' });
    this.preview = page.locator('.preview table');
  }

  /** The preview row of the event titled `summary`. */
  previewRow(summary: string): Locator {
    return this.preview.getByRole('row').filter({ hasText: summary });
  }
}
