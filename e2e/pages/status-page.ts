/** The Status screen. */
import type { Locator, Page } from '@playwright/test';

/** Override durations the screen offers, as their accessible names say them. */
export type OverrideDuration = '30 minutes' | '1 hour' | '2 hours';

/** The Status screen's parts. */
export class StatusPage {
  readonly heading: Locator;
  readonly card: Locator;
  /** The big state line ("In a focus block"). */
  readonly state: Locator;
  readonly reason: Locator;
  readonly setByHandBadge: Locator;
  readonly followCalendar: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Status' });
    this.card = page.getByTestId('status-card');
    this.state = this.card.locator('.status-state');
    this.reason = this.card.locator('.status-reason');
    this.setByHandBadge = this.card.getByText('Set by hand', { exact: true });
    this.followCalendar = page.getByRole('button', { name: 'Follow calendar' });
  }

  /** The button that sets `mode` for `duration`. */
  overrideButton(mode: 'Available' | 'Unavailable', duration: OverrideDuration): Locator {
    return this.page.getByRole('button', { name: `${mode} for ${duration}`, exact: true });
  }
}
