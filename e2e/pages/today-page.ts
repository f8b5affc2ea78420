/** The Today screen. */
import type { Locator, Page } from '@playwright/test';

/** The Today screen's parts. */
export class TodayPage {
  readonly heading: Locator;
  readonly segments: Locator;
  /** The segment marked as now. */
  readonly current: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Today' });
    this.segments = page.locator('.timeline-list > li');
    this.current = page.locator('.timeline-list > li[aria-current="time"]');
  }
}
