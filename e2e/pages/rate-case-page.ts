/** The Rate case screen. */
import type { Locator, Page } from '@playwright/test';
import type { ContactKind } from '../../shared/ledger.js';
import { type Hands, mouseHands } from '../support/hands.js';
import type { Language } from '../../shared/i18n/index.js';
import { type Translate, translatorFor } from './translate.js';

/** The ready-to-send scripts, by their keys under `rateCase:scripts.title`. */
export type ScriptKey =
  'standingCallProposal' | 'voicemailFollowUp' | 'availabilityConversation' | 'rateChangeNotice';

/** The Rate case screen's parts, found by their names in the page's language. */
export class RateCasePage {
  readonly heading: Locator;
  readonly client: Locator;
  readonly from: Locator;
  readonly to: Locator;
  /** The buttons that set the period to this month and to the last 12 weeks. */
  readonly thisMonth: Locator;
  readonly last12Weeks: Locator;
  readonly allowanceSummary: Locator;
  readonly weeks: Locator;
  readonly recommendation: Locator;
  readonly quickLog: Locator;
  /** The quick-log's confirmation line. */
  readonly logged: Locator;
  readonly undo: Locator;
  readonly scripts: Locator;
  private readonly t: Translate;

  constructor(
    readonly page: Page,
    private readonly hands: Hands = mouseHands(),
    language: Language = 'en',
  ) {
    const t = (this.t = translatorFor(language));
    this.heading = page.getByRole('heading', { level: 1, name: t('rateCase:title') });
    this.client = page.locator('.rate-case-controls').getByLabel(t('rateCase:client'));
    this.from = page.getByLabel(t('rateCase:period.from'), { exact: true });
    this.to = page.getByLabel(t('rateCase:period.to'), { exact: true });
    this.thisMonth = page.getByRole('button', { name: t('rateCase:period.thisMonth') });
    this.last12Weeks = page.getByRole('button', { name: t('rateCase:period.last12Weeks') });
    this.allowanceSummary = page.getByTestId('allowance-summary');
    this.weeks = page.getByRole('table', { name: t('rateCase:weeks.caption') });
    const prefix = t('rateCase:recommendation.heading', { label: '' });
    this.recommendation = page.getByRole('region', { name: new RegExp(`^${escape(prefix)}`) });
    this.quickLog = page.getByRole('form', { name: t('rateCase:quickLog.heading') });
    this.logged = this.quickLog.getByRole('status');
    this.undo = this.quickLog.getByRole('button', { name: t('rateCase:quickLog.undo') });
    const wording = t('rateCase:scripts.heading', { name: '' });
    this.scripts = page.getByRole('region', { name: new RegExp(`^${escape(wording)}`) });
  }

  /** The report panel of a client (named by the client). */
  report(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** Logs one contact through the quick-log form. */
  async log(kind: ContactKind, options: { minutes?: number; note?: string } = {}): Promise<void> {
    const { hands, quickLog, t } = this;
    await hands.select(
      quickLog.getByLabel(t('rateCase:quickLog.kind')),
      t(`rateCase:kind.${kind}`),
    );
    await hands.fill(
      quickLog.getByLabel(t('rateCase:quickLog.minutes')),
      options.minutes === undefined ? '' : String(options.minutes),
    );
    await hands.fill(quickLog.getByLabel(t('rateCase:quickLog.note')), options.note ?? '');
    await hands.press(quickLog.getByRole('button', { name: t('rateCase:quickLog.submit') }));
  }

  /** Chooses the language of the scripts (each is offered under its own name). */
  async language(language: Language): Promise<void> {
    await this.hands.check(
      this.scripts.getByRole('radio', { name: this.t(`rateCase:scripts.languages.${language}`) }),
    );
  }

  /** The Copy button of a script. */
  copy(key: ScriptKey): Locator {
    const title = this.t(`rateCase:scripts.inSentence.${key}`);
    return this.script(key).getByRole('button', {
      name: this.t('rateCase:scripts.copyLabel', { title }),
    });
  }

  /** The "Open as e-mail draft" link of a script. */
  draft(key: ScriptKey): Locator {
    const title = this.t(`rateCase:scripts.inSentence.${key}`);
    return this.script(key).getByRole('link', {
      name: this.t('rateCase:scripts.draftLabel', { title }),
    });
  }

  /** One script's card. */
  script(key: ScriptKey): Locator {
    const title = this.t(`rateCase:scripts.title.${key}`);
    return this.scripts.getByRole('article', { name: new RegExp(`^${escape(title)}`) });
  }
}

/** `text` as a literal inside a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
