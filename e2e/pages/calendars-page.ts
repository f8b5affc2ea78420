/** The Calendars screen. */
import type { Locator, Page } from '@playwright/test';
import { type Hands, mouseHands } from '../support/hands.js';
import type { Language } from '../../shared/i18n/index.js';
import { translatorFor } from './translate.js';

/** Calendar roles as the form's select shows them. */
export type RoleLabel = 'Busy when booked' | 'Every event is focus time' | 'Ignored';

/** The Calendars screen's parts. */
export class CalendarsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly form: Locator;
  readonly location: Locator;
  readonly name: Locator;
  readonly role: Locator;
  readonly addButton: Locator;
  /** The inline error of the add form. */
  readonly formError: Locator;
  readonly syncNow: Locator;

  constructor(
    readonly page: Page,
    private readonly hands: Hands = mouseHands(),
    language: Language = 'en',
  ) {
    const t = translatorFor(language);
    this.heading = page.getByRole('heading', { level: 1, name: t('calendars:title') });
    this.list = page.getByRole('list', { name: 'Calendars' });
    this.form = page.getByRole('form', { name: 'Add a calendar' });
    this.location = this.form.getByLabel('Calendar link or file path');
    this.name = this.form.getByLabel('Name (optional)');
    this.role = this.form.getByLabel('Role');
    this.addButton = this.form.getByRole('button', { name: 'Add calendar' });
    this.formError = this.form.getByRole('alert');
    this.syncNow = page.getByRole('button', { name: 'Sync now' });
  }

  /** The list entry of the calendar called `name`. */
  item(name: string): Locator {
    return this.list.getByRole('listitem', { name, exact: true });
  }

  /** Fills in and submits the add form. */
  async add(location: string, options: { name?: string; role?: RoleLabel } = {}): Promise<void> {
    await this.hands.fill(this.location, location);
    await this.hands.fill(this.name, options.name ?? '');
    if (options.role) await this.hands.select(this.role, options.role);
    await this.hands.press(this.addButton);
  }
}
