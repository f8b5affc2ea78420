/**
 * The Clients overview: one row per client over this week, this month, the last 12 weeks (long enough
 * to decide a rate on) or a chosen period — unscheduled
 * contacts against the allowance, billed hours, revenue, the effective rate against the list rate, the
 * share of revenue and the recommendation; sortable by every column, over-allowance clients first.
 */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { ClientReport, RateReport } from '../../../shared/rate-case.js';
import { useApi, useApiEvent } from '../api-context.js';
import { useLocale, useTranslation } from '../i18n.js';
import { thisMonth } from '../rate-case-model.js';
import { SampleTag } from '../sample-data.js';
import { errorMessage } from '../use-async.js';
import { NextStep } from './next-step.js';
import { clientDetailHash } from './routes.js';
import {
  DEFAULT_PERIOD_KIND,
  DEFAULT_SORT,
  OVERVIEW_COLUMNS,
  formatAmount,
  formatNumber,
  formatPeriod,
  formatShare,
  nextSort,
  periodProblemKey,
  rateShare,
  reportInput,
  shortPeriod,
  sortClients,
  type OverviewColumn,
  type OverviewPeriod,
  type OverviewSort,
} from './overview-model.js';

type PeriodKind = OverviewPeriod['kind'];
const PERIOD_KINDS: Array<[PeriodKind, 'last12Weeks' | 'thisWeek' | 'thisMonth' | 'chosen']> = [
  ['this-week', 'thisWeek'],
  ['this-month', 'thisMonth'],
  ['last-12-weeks', 'last12Weeks'],
  ['chosen', 'chosen'],
];

/** The whole screen. */
export function OverviewScreen(): ReactNode {
  const api = useApi();
  const { t } = useTranslation(['overview', 'common']);
  const { language, locale } = useLocale();
  const [kind, setKind] = useState<PeriodKind>(DEFAULT_PERIOD_KIND);
  const [chosen, setChosen] = useState(thisMonth);
  const [sort, setSort] = useState<OverviewSort>(DEFAULT_SORT);
  const [report, setReport] = useState<RateReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped when clients change anywhere: the numbers load again.
  const [version, setVersion] = useState(0);
  useApiEvent('clients', () => setVersion((v) => v + 1));
  // A contact logged from the tray or an import elsewhere: the numbers follow.
  useApiEvent('ledger', () => setVersion((v) => v + 1));
  const ids = { period: useId(), from: useId(), to: useId() };

  const period: OverviewPeriod = kind === 'chosen' ? { kind, ...chosen } : { kind };
  const problem = periodProblemKey(period);
  const input = problem ? null : reportInput(period, language, locale);
  const inputKey = JSON.stringify(input);

  useEffect(() => {
    if (!input) return;
    let current = true;
    api.getReport(input).then(
      (r) => {
        if (!current) return;
        setReport(r);
        setError(null);
      },
      (e: unknown) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
    // reason: `input` is rebuilt every render; its JSON says when it really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, inputKey, version]);

  const rows = useMemo(
    () => (report ? sortClients(report.clients, sort, locale) : []),
    [report, sort, locale],
  );
  const range = report ? formatPeriod(report.from, report.to, report.timeZone, locale) : '';
  const tooShort = report ? shortPeriod(report.clients) : null;

  return (
    <section aria-labelledby="overview-heading" className="screen overview">
      <h1 id="overview-heading" tabIndex={-1}>
        {t('title')}
      </h1>
      <p className="muted">{t('intro')}</p>
      <fieldset className="period-choice overview-period">
        <legend>{t('period.legend')}</legend>
        {PERIOD_KINDS.map(([k, label]) => (
          <label key={k} className="radio">
            <input
              type="radio"
              name={`${ids.period}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            {t(`period.${label}`)}
          </label>
        ))}
        {kind === 'chosen' && (
          <>
            <div className="field">
              <label htmlFor={ids.from}>{t('period.from')}</label>
              <input
                id={ids.from}
                type="date"
                value={chosen.from}
                aria-invalid={problem === 'firstDay' || problem === 'order' ? true : undefined}
                aria-describedby={problem ? `${ids.period}-error` : undefined}
                onChange={(e) => setChosen((p) => ({ ...p, from: e.target.value }))}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.to}>{t('period.to')}</label>
              <input
                id={ids.to}
                type="date"
                value={chosen.to}
                aria-invalid={problem === 'lastDay' || problem === 'order' ? true : undefined}
                aria-describedby={problem ? `${ids.period}-error` : undefined}
                onChange={(e) => setChosen((p) => ({ ...p, to: e.target.value }))}
              />
            </div>
          </>
        )}
      </fieldset>
      {problem && (
        <p id={`${ids.period}-error`} role="alert" className="error">
          {t(`period.${problem}`)}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {t('loadFailed', { error })}
        </p>
      )}
      {report === null && !error && !problem && <p aria-busy="true">{t('common:loading')}</p>}
      {report && (
        <p className="overview-range" aria-live="polite">
          {t('period.showing', { range })}
        </p>
      )}
      {tooShort && (
        <p className="notice" data-testid="period-too-short">
          {t('period.tooShort', { count: tooShort.weeks, need: tooShort.need })}{' '}
          {tooShort.need <= 12 && (
            <button type="button" onClick={() => setKind('last-12-weeks')}>
              {t('period.showLast12Weeks')}
            </button>
          )}
        </p>
      )}
      {report?.clients.length === 0 && (
        <>
          <p>{t('noClients')}</p>
          <NextStep to="clients" label="addFirstClient" />
        </>
      )}
      {report && report.clients.length > 0 && (
        // Focusable, so a keyboard user can scroll the table on a narrow screen.
        <div className="table-scroll" tabIndex={0} role="group" aria-label={t('title')}>
          <table className="overview-table" data-testid="clients-overview">
            <caption>
              {t('caption', { range })}
              <span className="visually-hidden">. {t('sortHint')}</span>
            </caption>
            <thead>
              <tr>
                {OVERVIEW_COLUMNS.map((column) => (
                  <SortHeader
                    key={column}
                    column={column}
                    sort={sort}
                    onSort={() => setSort((s) => nextSort(s, column))}
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <OverviewRow key={c.id} client={c} locale={locale} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A column heading whose button sorts by it; `aria-sort` on the sorted one. */
function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: OverviewColumn;
  sort: OverviewSort;
  onSort: () => void;
}): ReactNode {
  const { t } = useTranslation('overview');
  const sorted = sort.column === column;
  return (
    <th
      scope="col"
      aria-sort={sorted ? sort.direction : undefined}
      className={column === 'client' || column === 'recommendation' ? undefined : 'numeric'}
    >
      <button type="button" className="sort-button" onClick={onSort}>
        {t(`columns.${column}`)}
        <span className="sort-mark" aria-hidden="true">
          {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** One client's row; a click anywhere on it (or its name link, for the keyboard) opens the detail. */
function OverviewRow({ client: c, locale }: { client: ClientReport; locale: string }): ReactNode {
  const { t } = useTranslation('overview');
  const over = c.overAllowance > 0;
  const share = rateShare(c);
  const href = clientDetailHash(c.id);
  return (
    <tr
      data-testid="overview-row"
      className={over ? 'over overview-row' : 'overview-row'}
      onClick={(e) => {
        // The link navigates on its own; a click elsewhere on the row does the same.
        if (!(e.target instanceof HTMLAnchorElement)) window.location.hash = href;
      }}
    >
      <th scope="row">
        <a href={href} aria-label={t('openDetail', { name: c.name })}>
          {c.name}
        </a>
        <SampleTag clientId={c.id} />
      </th>
      <td className="numeric">
        {t('cell.unscheduled', {
          adHoc: formatNumber(c.contacts.adHoc, locale),
          allowance: formatNumber(c.allowance, locale),
        })}
        <span className={over ? 'cell-note over-note' : 'cell-note muted'}>
          {over
            ? t('cell.over', { over: formatNumber(c.overAllowance, locale) })
            : t('cell.within')}
        </span>
      </td>
      <td className="numeric">
        {t('cell.hours', { hours: formatNumber(c.billedHours, locale, 2) })}
      </td>
      <td className="numeric">{formatAmount(c.revenue, locale)}</td>
      <td className="numeric">
        {formatAmount(c.effectiveHourlyRate, locale)}
        <span className="cell-note muted">
          {c.hourlyRate
            ? t('cell.rateOfList', {
                list: formatAmount(c.hourlyRate, locale),
                share: formatShare(share, locale),
              })
            : t('cell.noListRate')}
        </span>
      </td>
      <td className="numeric">{formatShare(c.revenueShare, locale)}</td>
      <td>
        <span className={`rec-label rec-${c.recommendation.kind}`}>
          {t(`recommendation.${c.recommendation.kind}`)}
        </span>
        {c.recommendation.walkAwayWarning && (
          <span className="cell-note walk-away-note">{t('walkAway')}</span>
        )}
      </td>
    </tr>
  );
}
