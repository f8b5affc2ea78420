/** The Clients screen. */
import type { Locator, Page } from '@playwright/test';

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

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Clients' });
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
    await this.field('Name').fill(fields.name);
    if (fields.domains !== undefined) await this.field('E-mail domains').fill(fields.domains);
    if (fields.keywords !== undefined) await this.field('Title keywords').fill(fields.keywords);
    if (fields.hourlyRate !== undefined) await this.field('Hourly rate').fill(fields.hourlyRate);
    if (fields.currency !== undefined) await this.field('Currency').fill(fields.currency);
    if (fields.allowance !== undefined)
      await this.field('Ad-hoc contacts a week').fill(fields.allowance);
    if (fields.language) await this.field('Language').selectOption({ label: fields.language });
    if (fields.timeZone !== undefined) await this.field('Their time zone').fill(fields.timeZone);
    await this.addButton.click();
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
