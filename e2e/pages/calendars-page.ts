/** The Calendars screen. */
import type { Locator, Page } from '@playwright/test';
import { type Hands, mouseHands } from '../support/hands.js';
import type { Language } from '../../shared/i18n/index.js';
import { translatorFor } from './translate.js';

/** A calendar's role, as the core names it (the select shows it in the page's language). */
export type CalendarRole = 'busy' | 'focus' | 'ignore';

/** The Calendars screen's parts, found by their names in the page's language. */
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
  private readonly t;

  constructor(
    readonly page: Page,
    private readonly hands: Hands = mouseHands(),
    language: Language = 'en',
  ) {
    const t = (this.t = translatorFor(language));
    this.heading = page.getByRole('heading', { level: 1, name: t('calendars:title') });
    this.list = page.getByRole('list', { name: t('calendars:listLabel') });
    this.form = page.getByRole('form', { name: t('calendars:add.heading') });
    this.location = this.form.getByLabel(t('calendars:add.location'));
    this.name = this.form.getByLabel(t('calendars:add.name'));
    this.role = this.form.getByLabel(t('calendars:role.label'));
    this.addButton = this.form.getByRole('button', { name: t('calendars:add.submit') });
    this.formError = this.form.getByRole('alert');
    this.syncNow = page.getByRole('button', { name: t('calendars:syncNow') });
  }

  /** The list entry of the calendar called `name`. */
  item(name: string): Locator {
    return this.list.getByRole('listitem', { name, exact: true });
  }

  /** Fills in and submits the add form. */
  async add(location: string, options: { name?: string; role?: CalendarRole } = {}): Promise<void> {
    await this.hands.fill(this.location, location);
    await this.hands.fill(this.name, options.name ?? '');
    if (options.role) await this.hands.select(this.role, this.t(`calendars:role.${options.role}`));
    await this.hands.press(this.addButton);
  }
}
