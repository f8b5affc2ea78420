/** The Rate case screen. */
import type { Locator, Page } from '@playwright/test';
import { type Hands, mouseHands } from '../support/hands.js';
import type { Language } from '../../shared/i18n/index.js';
import { translatorFor } from './translate.js';

/** Titles of the ready-to-send scripts. */
export type ScriptTitle =
  | 'Standing-call proposal'
  | 'Voicemail follow-up'
  | 'Availability conversation'
  | 'Rate-change notice';

/** The Rate case screen's parts. */
export class RateCasePage {
  readonly heading: Locator;
  readonly client: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly allowanceSummary: Locator;
  readonly weeks: Locator;
  readonly recommendation: Locator;
  readonly quickLog: Locator;
  /** The quick-log's confirmation line. */
  readonly logged: Locator;
  readonly undo: Locator;
  readonly scripts: Locator;

  constructor(
    readonly page: Page,
    private readonly hands: Hands = mouseHands(),
    language: Language = 'en',
  ) {
    const t = translatorFor(language);
    this.heading = page.getByRole('heading', { level: 1, name: t('rateCase:title') });
    this.client = page.locator('.rate-case-controls').getByLabel('Client');
    this.from = page.getByLabel('From', { exact: true });
    this.to = page.getByLabel('To', { exact: true });
    this.allowanceSummary = page.getByTestId('allowance-summary');
    this.weeks = page.getByRole('table', {
      name: 'Unscheduled contacts per week against the allowance',
    });
    this.recommendation = page.getByRole('region', { name: /^Recommendation: / });
    this.quickLog = page.getByRole('form', { name: 'Log a contact' });
    this.logged = this.quickLog.getByRole('status');
    this.undo = this.quickLog.getByRole('button', { name: 'Undo' });
    this.scripts = page.getByRole('region', { name: /^Ready-to-send wording/ });
  }

  /** The report panel of a client (named by the client). */
  report(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** Logs one contact through the quick-log form. */
  async log(kind: string, options: { minutes?: number; note?: string } = {}): Promise<void> {
    const { hands, quickLog } = this;
    await hands.select(quickLog.getByLabel('Kind'), kind);
    await hands.fill(
      quickLog.getByLabel('Minutes'),
      options.minutes === undefined ? '' : String(options.minutes),
    );
    await hands.fill(quickLog.getByLabel('Note (optional)'), options.note ?? '');
    await hands.press(quickLog.getByRole('button', { name: 'Log contact' }));
  }

  /** Chooses the language of the scripts. */
  async language(label: 'English' | 'Deutsch'): Promise<void> {
    await this.hands.check(this.scripts.getByRole('radio', { name: label }));
  }

  /** The Copy button of a script. */
  copy(title: ScriptTitle): Locator {
    return this.script(title).getByRole('button', { name: `Copy ${title.toLowerCase()}` });
  }

  /** One script's card. */
  script(title: ScriptTitle): Locator {
    return this.scripts.getByRole('article', { name: new RegExp(`^${title}`) });
  }
}
