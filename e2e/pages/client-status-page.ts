/** A client's status page (`/s/<token>` on the status server): what the client sees. */
import type { Locator, Page } from '@playwright/test';

/** The parts of a client's status page. */
export class ClientStatusPage {
  /** "Away until 15:00", "Verfügbar bis 17:00". */
  readonly headline: Locator;
  readonly policy: Locator;

  constructor(readonly page: Page) {
    this.headline = page.getByRole('heading', { level: 1 });
    this.policy = page.locator('[data-field=policy]');
  }
}
