/** The Clients screen. */
import type { Locator, Page } from '@playwright/test';
import { type Hands, mouseHands } from '../support/hands.js';
import type { Language } from '../../shared/i18n/index.js';
import { translatorFor } from './translate.js';

/** What the add form takes; absent fields keep the form's defaults. */
export interface NewClientFields {
  name: string;
  domains?: string;
  keywords?: string;
  hourlyRate?: string;
  currency?: string;
  allowance?: string;
  language?: 'English' | 'German (Deutsch)';
  timeZone?: string;
}

/** The Clients screen's parts. */
export class ClientsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly form: Locator;
  readonly addButton: Locator;
  /** The line that confirms an added client. */
  readonly added: Locator;

  constructor(
    readonly page: Page,
    private readonly hands: Hands = mouseHands(),
    language: Language = 'en',
  ) {
    const t = translatorFor(language);
    this.heading = page.getByRole('heading', { level: 1, name: t('clients:title') });
    this.list = page.getByRole('list', { name: 'Clients' });
    this.form = page.getByRole('form', { name: 'Add a client' });
    this.addButton = this.form.getByRole('button', { name: 'Add client' });
    this.added = page.locator('p.added');
  }

  /** A field of the add form by its label. */
  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  /** Fills in and submits the add form. */
  async add(fields: NewClientFields): Promise<void> {
    const { hands } = this;
    await hands.fill(this.field('Name'), fields.name);
    if (fields.domains !== undefined)
      await hands.fill(this.field('E-mail domains'), fields.domains);
    if (fields.keywords !== undefined)
      await hands.fill(this.field('Title keywords'), fields.keywords);
    if (fields.hourlyRate !== undefined)
      await hands.fill(this.field('Hourly rate'), fields.hourlyRate);
    if (fields.currency !== undefined) await hands.fill(this.field('Currency'), fields.currency);
    if (fields.allowance !== undefined)
      await hands.fill(this.field('Ad-hoc contacts a week'), fields.allowance);
    if (fields.language) await hands.select(this.field('Language'), fields.language);
    if (fields.timeZone !== undefined)
      await hands.fill(this.field('Their time zone'), fields.timeZone);
    await hands.press(this.addButton);
  }

  /** The list entry of the client called `name`. */
  item(name: string): Locator {
    return this.list.getByRole('listitem', { name, exact: true });
  }

  copyLink(name: string): Locator {
    return this.item(name).getByRole('button', { name: `Copy link of ${name}` });
  }

  /** The read-only field shown when the clipboard refuses. */
  linkFallback(name: string): Locator {
    return this.item(name).getByRole('textbox', { name: `Status link of ${name}` });
  }

  openLink(name: string): Locator {
    return this.item(name).getByRole('link', { name: `Open the status page of ${name} (new tab)` });
  }

  /** Asks for a new link and confirms that the old one may stop working. */
  async rotate(name: string): Promise<void> {
    await this.item(name)
      .getByRole('button', { name: `New link for ${name}` })
      .click();
    await this.item(name).getByRole('button', { name: 'Yes, make a new link' }).click();
  }

  /** The confirmation and notice line of a client ("Link copied.", "New link made…"). */
  notice(name: string): Locator {
    return this.item(name).locator('.client-notice');
  }
}
