/** The Clients overview and a client's detail, found by their names in the page's language. */
import type { Locator, Page } from '@playwright/test';
import { type Language, createTranslator } from '../../shared/i18n/index.js';

/** The Clients overview. */
export class OverviewPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  private readonly t: ReturnType<typeof createTranslator>['t'];

  constructor(
    readonly page: Page,
    language: Language = 'en',
  ) {
    this.t = createTranslator(language).t;
    this.heading = page.getByRole('heading', { level: 1, name: this.t('overview:title') });
    this.table = page.getByTestId('clients-overview');
    this.rows = this.table.getByTestId('overview-row');
  }

  /** The row of a client (by its name link). */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  /** The sort button in a column's heading (`column` is a key of `overview:columns`). */
  sortButton(
    column: 'client' | 'unscheduled' | 'revenue' | 'billed' | 'rate' | 'share' | 'recommendation',
  ): Locator {
    return this.table.getByRole('button', {
      name: this.t(`overview:columns.${column}`),
      exact: true,
    });
  }

  /** A column heading, for its aria-sort. */
  columnHeader(column: 'client' | 'unscheduled' | 'revenue'): Locator {
    return this.table.getByRole('columnheader', {
      name: this.t(`overview:columns.${column}`),
      exact: true,
    });
  }

  /** The period radio buttons. */
  period(which: 'thisWeek' | 'thisMonth' | 'last12Weeks' | 'chosen'): Locator {
    return this.page.getByRole('radio', { name: this.t(`overview:period.${which}`) });
  }

  /** The note that the period is too short for a rate decision. */
  get tooShort(): Locator {
    return this.page.getByTestId('period-too-short');
  }

  /** The link that opens a client's detail. */
  detailLink(name: string): Locator {
    return this.table.getByRole('link', { name: this.t('overview:openDetail', { name }) });
  }
}

/** A client's detail. */
export class ClientDetailPage {
  readonly chart: Locator;
  readonly bars: Locator;
  readonly rateChart: Locator;
  readonly rhythm: Locator;
  readonly busiest: Locator;
  readonly recommendation: Locator;
  readonly statusLink: Locator;
  readonly back: Locator;
  private readonly t: ReturnType<typeof createTranslator>['t'];

  constructor(
    readonly page: Page,
    language: Language = 'en',
  ) {
    this.t = createTranslator(language).t;
    this.chart = page.getByTestId('client-chart');
    this.bars = this.chart.locator('rect');
    this.rateChart = page.getByTestId('rate-chart');
    this.rhythm = page.getByTestId('rhythm-chart');
    this.busiest = page.getByTestId('busiest-slot');
    this.recommendation = page.getByTestId('detail-recommendation');
    this.statusLink = page.getByRole('region', { name: this.t('clientDetail:link.heading') });
    this.back = page.getByRole('link', { name: `← ${this.t('clientDetail:back')}` });
  }

  /** The client's name as the page's heading. */
  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** The chart panel called `heading` (a key under clientDetail). */
  panel(heading: 'weeks.heading' | 'rate.heading'): Locator {
    return this.page.getByRole('region', { name: this.t(`clientDetail:${heading}`) });
  }

  /** The "Show as table" button of a panel. */
  showTable(panel: Locator): Locator {
    return panel.getByRole('button', { name: this.t('clientDetail:showTable') });
  }
}
