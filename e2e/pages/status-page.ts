/** The Status screen. */
import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../shared/i18n/index.js';
import { minutesInWords, translatorFor } from './translate.js';

/** Override durations the screen offers, as their accessible names say them in English. */
export type OverrideDuration = '30 minutes' | '1 hour' | '2 hours';

const MINUTES: Record<OverrideDuration, number> = {
  '30 minutes': 30,
  '1 hour': 60,
  '2 hours': 120,
};

/** The Status screen's parts, found by their names in the page's language. */
export class StatusPage {
  readonly heading: Locator;
  readonly card: Locator;
  /** The big state line ("In a focus block"). */
  readonly state: Locator;
  readonly reason: Locator;
  readonly setByHandBadge: Locator;
  readonly followCalendar: Locator;
  private readonly t;

  constructor(
    readonly page: Page,
    private readonly language: Language = 'en',
  ) {
    const t = (this.t = translatorFor(language));
    this.heading = page.getByRole('heading', { level: 1, name: t('status:title') });
    this.card = page.getByTestId('status-card');
    this.state = this.card.locator('.status-state');
    this.reason = this.card.locator('.status-reason');
    this.setByHandBadge = this.card.getByText(t('status:setByHand'), { exact: true });
    this.followCalendar = page.getByRole('button', { name: t('status:followCalendar') });
  }

  /** The button that sets `mode` for `duration` (both named in English; found in the page's language). */
  overrideButton(mode: 'Available' | 'Unavailable', duration: OverrideDuration): Locator {
    const t = this.t;
    const name = t('status:forDuration', {
      mode: t(mode === 'Available' ? 'status:mode.available' : 'status:mode.unavailable'),
      duration: minutesInWords(MINUTES[duration], this.language),
    });
    return this.page.getByRole('button', { name, exact: true });
  }
}
