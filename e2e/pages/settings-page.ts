/** The Settings screen. */
import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../shared/i18n/index.js';
import { translatorFor } from './translate.js';

/** The Settings screen's parts, found by their names in the page's language. */
export class SettingsPage {
  readonly heading: Locator;
  readonly language: Locator;
  readonly recoveryMinutes: Locator;
  readonly walkAwayShare: Locator;
  readonly save: Locator;
  readonly timeZone: Locator;
  readonly saveHours: Locator;

  constructor(
    readonly page: Page,
    language: Language = 'en',
  ) {
    const t = translatorFor(language);
    this.heading = page.getByRole('heading', { level: 1, name: t('settings:title') });
    this.language = page.getByLabel(t('settings:language.label'));
    this.recoveryMinutes = page.getByLabel(t('settings:rateCase.recoveryMinutes'));
    this.walkAwayShare = page.getByLabel(t('settings:rateCase.walkAwayShare'));
    this.save = page.getByRole('button', { name: t('settings:save') });
    this.timeZone = page.getByLabel('Time zone');
    this.saveHours = page.getByRole('button', { name: 'Save working hours' });
  }

  /** The checkbox of one notification, by its label. */
  notification(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label });
  }
}
