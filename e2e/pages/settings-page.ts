/** The Settings screen (English labels). */
import type { Locator, Page } from '@playwright/test';

/** The Settings screen's parts. */
export class SettingsPage {
  readonly heading: Locator;
  readonly language: Locator;
  readonly recoveryMinutes: Locator;
  readonly walkAwayShare: Locator;
  readonly save: Locator;
  readonly timeZone: Locator;
  readonly saveHours: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Settings' });
    this.language = page.getByLabel('Language of the dashboard, tray and notifications');
    this.recoveryMinutes = page.getByLabel('Recovery minutes per interruption');
    this.walkAwayShare = page.getByLabel('Warn about dependence from this share of revenue (%)');
    this.save = page.getByRole('button', { name: 'Save settings' });
    this.timeZone = page.getByLabel('Time zone');
    this.saveHours = page.getByRole('button', { name: 'Save working hours' });
  }

  /** The checkbox of one notification, by its label. */
  notification(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label });
  }
}
