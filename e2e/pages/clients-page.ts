/** The Clients screen. */
import type { Locator, Page } from '@playwright/test';
import { type Hands, mouseHands } from '../support/hands.js';
import type { Language } from '../../shared/i18n/index.js';
import { type Translate, translatorFor } from './translate.js';

/** What the add form takes; absent fields keep the form's defaults. */
export interface NewClientFields {
  name: string;
  domains?: string;
  keywords?: string;
  hourlyRate?: string;
  currency?: string;
  allowance?: string;
  /** The client's language, as the core names it (the select shows it in the page's language). */
  language?: 'en' | 'de';
  timeZone?: string;
}

/** A field of the client form, by its key under `clients:form`. */
export type ClientField =
  | 'name'
  | 'domains'
  | 'keywords'
  | 'phones'
  | 'hourlyRate'
  | 'currency'
  | 'allowance'
  | 'language'
  | 'timeZone';

/** The Clients screen's parts, found by their names in the page's language. */
export class ClientsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly form: Locator;
  readonly addButton: Locator;
  /** The line that confirms an added client. */
  readonly added: Locator;
  private readonly t: Translate;

  constructor(
    readonly page: Page,
    private readonly hands: Hands = mouseHands(),
    language: Language = 'en',
  ) {
    const t = (this.t = translatorFor(language));
    this.heading = page.getByRole('heading', { level: 1, name: t('clients:title') });
    this.list = page.getByRole('list', { name: t('clients:listLabel') });
    this.form = page.getByRole('form', { name: t('clients:form.addHeading') });
    this.addButton = this.form.getByRole('button', { name: t('clients:form.add') });
    this.added = page.locator('p.added');
  }

  /** A field of the add form by its key. */
  field(key: ClientField): Locator {
    return this.form.getByLabel(this.t(`clients:form.${key}`), { exact: true });
  }

  /** Fills in and submits the add form. */
  async add(fields: NewClientFields): Promise<void> {
    const { hands } = this;
    await hands.fill(this.field('name'), fields.name);
    if (fields.domains !== undefined) await hands.fill(this.field('domains'), fields.domains);
    if (fields.keywords !== undefined) await hands.fill(this.field('keywords'), fields.keywords);
    if (fields.hourlyRate !== undefined)
      await hands.fill(this.field('hourlyRate'), fields.hourlyRate);
    if (fields.currency !== undefined) await hands.fill(this.field('currency'), fields.currency);
    if (fields.allowance !== undefined) await hands.fill(this.field('allowance'), fields.allowance);
    if (fields.language)
      await hands.select(this.field('language'), this.t(`clients:locale.${fields.language}`));
    if (fields.timeZone !== undefined) await hands.fill(this.field('timeZone'), fields.timeZone);
    await hands.press(this.addButton);
  }

  /** The list entry of the client called `name`. */
  item(name: string): Locator {
    return this.list.getByRole('listitem', { name, exact: true });
  }

  copyLink(name: string): Locator {
    return this.item(name).getByRole('button', {
      name: this.t('clients:item.copyLinkLabel', { name }),
    });
  }

  /** The read-only field shown when the clipboard refuses. */
  linkFallback(name: string): Locator {
    return this.item(name).getByRole('textbox', {
      name: this.t('clients:item.linkGroup', { name }),
    });
  }

  openLink(name: string): Locator {
    return this.item(name).getByRole('link', { name: this.t('clients:item.openLabel', { name }) });
  }

  /** The "New link" button of a client. */
  rotateButton(name: string): Locator {
    return this.item(name).getByRole('button', {
      name: this.t('clients:item.rotateLabel', { name }),
    });
  }

  /** Asks for a new link and confirms that the old one may stop working. */
  async rotate(name: string): Promise<void> {
    await this.rotateButton(name).click();
    await this.item(name)
      .getByRole('button', { name: this.t('clients:item.confirmRotateYes') })
      .click();
  }

  /** The confirmation and notice line of a client ("Link copied.", "New link made…"). */
  notice(name: string): Locator {
    return this.item(name).locator('.client-notice');
  }
}
