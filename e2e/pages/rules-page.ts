/** The Rules screen. */
import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../shared/i18n/index.js';
import { translatorFor } from './translate.js';

/** The Rules screen's parts, found by their names in the page's language. */
export class RulesPage {
  readonly heading: Locator;
  readonly keywords: Locator;
  readonly newKeyword: Locator;
  readonly addKeyword: Locator;
  readonly saveRules: Locator;
  readonly preview: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'en',
  ) {
    const t = translatorFor(language);
    this.heading = page.getByRole('heading', { level: 1, name: t('rules:title') });
    this.keywords = page.getByRole('list', { name: t('rules:focus.keywordsLabel') });
    this.newKeyword = page.getByLabel(t('rules:focus.newKeyword'));
    this.addKeyword = page.getByRole('button', { name: t('rules:focus.addKeyword') });
    this.saveRules = page.getByRole('button', { name: t('rules:focus.save') });
    this.preview = page.locator('.preview table');
  }

  /** The preview row of the event titled `summary`. */
  previewRow(summary: string): Locator {
    return this.preview.getByRole('row').filter({ hasText: summary });
  }
}
