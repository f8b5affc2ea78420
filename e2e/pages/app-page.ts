/** The dashboard shell: opening it and moving between screens. */
import { type Locator, type Page, expect } from '@playwright/test';
import { CalendarsPage } from './calendars-page.js';
import { ClientsPage } from './clients-page.js';
import { ImportPage } from './import-page.js';
import { ClientDetailPage, OverviewPage } from './overview-page.js';
import { RateCasePage } from './rate-case-page.js';
import { RulesPage } from './rules-page.js';
import { SettingsPage } from './settings-page.js';
import { StatusPage } from './status-page.js';
import { TodayPage } from './today-page.js';
import { type Hands, mouseHands } from '../support/hands.js';
import type { Language } from '../../shared/i18n/index.js';
import { type Translate, translatorFor } from './translate.js';

/** Screens by their English names, in navigation order; each maps to its key under `common:nav`. */
const NAV_KEYS = {
  Status: 'status',
  Overview: 'overview',
  Today: 'today',
  Calendars: 'calendars',
  Rules: 'rules',
  Clients: 'clients',
  'Rate case': 'rateCase',
  Import: 'import',
  Settings: 'settings',
} as const;

/** A screen's name as the English navigation shows it. */
export type ScreenName = keyof typeof NAV_KEYS;

/** Screen names as the navigation shows them (in English), in navigation order. */
export const SCREEN_NAMES = Object.keys(NAV_KEYS) as ScreenName[];

/** The whole dashboard. */
export class AppPage {
  readonly status: StatusPage;
  readonly today: TodayPage;
  readonly calendars: CalendarsPage;
  readonly rules: RulesPage;
  readonly clients: ClientsPage;
  readonly rateCase: RateCasePage;
  readonly import: ImportPage;
  readonly overview: OverviewPage;
  readonly clientDetail: ClientDetailPage;
  readonly settings: SettingsPage;
  /** The catalogue text of a key in the page's language, to find controls by their names. */
  readonly t: Translate;

  constructor(
    readonly page: Page,
    /** How the test operates the page: mouse by default, or keyboard only. */
    readonly hands: Hands = mouseHands(),
    /** The UI language the page is expected in (the browser's locale decides it). */
    readonly language: Language = 'en',
  ) {
    this.t = translatorFor(language);
    this.status = new StatusPage(page, language);
    this.today = new TodayPage(page);
    this.calendars = new CalendarsPage(page, hands, language);
    this.rules = new RulesPage(page, language);
    this.clients = new ClientsPage(page, hands, language);
    this.rateCase = new RateCasePage(page, hands, language);
    this.import = new ImportPage(page, hands, language);
    this.overview = new OverviewPage(page, language);
    this.clientDetail = new ClientDetailPage(page, language);
    this.settings = new SettingsPage(page, language);
  }

  /** A screen's name in the page's language. */
  screenTitle(name: ScreenName): string {
    return this.t(`nav.${NAV_KEYS[name]}`);
  }

  /** The navigation button of a screen. */
  navButton(name: ScreenName): Locator {
    return this.page
      .getByRole('navigation', { name: this.t('nav.label') })
      .getByRole('button', { name: this.screenTitle(name), exact: true });
  }

  /** Opens the dashboard from `serve`'s link and waits for the first status. */
  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await expect(this.status.heading).toBeVisible();
    await expect(this.status.state).toBeVisible();
  }

  /**
   * Presses Tab (or Shift+Tab) until `target` has focus, at most `max` times, as a keyboard-only user
   * would; true when it got there.
   */
  async tabTo(target: Locator, { backwards = false, max = 30 } = {}): Promise<boolean> {
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return true;
    }
    return false;
  }

  /** Switches to a screen with its navigation button (clicked, or reached by Tab and pressed). */
  async goTo(name: ScreenName): Promise<void> {
    await this.hands.press(this.navButton(name));
    await expect(
      this.page.getByRole('heading', { level: 1, name: this.screenTitle(name) }),
    ).toBeVisible();
  }
}
