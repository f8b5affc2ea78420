/** One client's rate case over the chosen period: the numbers, the weeks, and what to do about it. */
import type { ReactNode } from 'react';
import { CONTACT_KINDS } from '../../../shared/ledger.js';
import type { ClientReport, PeriodWeek, RateReport } from '../../../shared/rate-case.js';
import { useLocale, useTranslation } from '../i18n.js';
import { formatCount, formatHours, formatMoney, formatPercent } from '../rate-case-model.js';
import { dateTimeFormat } from '../../../shared/intl-cache.js';

function formatDay(date: string, locale: string): string {
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * The report card of `client` within `report` (which carries the period's recovery minutes). The
 * reasons come from the core already worded in the UI language (the screen asks for it).
 */
export function ClientReportView({
  report,
  client,
  weeks,
}: {
  report: RateReport;
  client: ClientReport;
  weeks: PeriodWeek[] | null;
}): ReactNode {
  const { t } = useTranslation(['rateCase', 'overview']);
  const { locale } = useLocale();
  const rec = client.recommendation;
  const kinds = CONTACT_KINDS.filter((k) => client.contacts.byKind[k] > 0);
  const money = (m: Parameters<typeof formatMoney>[0]): string => formatMoney(m, locale);
  const hours = (h: number): string => t('report.hours', { hours: formatHours(h, locale) });
  const count = (n: number): string => formatCount(n, locale);
  return (
    <div className="report">
      <dl className="report-facts">
        <div>
          <dt>{t('report.billedHours')}</dt>
          <dd>{hours(client.billedHours)}</dd>
        </div>
        <div>
          <dt>{t('report.revenue')}</dt>
          <dd>{money(client.revenue)}</dd>
        </div>
        <div>
          <dt>{t('report.effectiveRate')}</dt>
          <dd>
            {money(client.effectiveHourlyRate)}
            <span className="muted">
              {' '}
              {client.hourlyRate
                ? t('report.nominal', { rate: money(client.hourlyRate) })
                : t('report.noNominal')}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('report.overhead')}</dt>
          <dd>
            {hours(client.overheadHours)}
            <span className="muted">
              {' '}
              {t('report.overheadDetail', {
                count: client.contacts.adHoc,
                minutes: count(report.recoveryMinutes),
                source: t('report.recoverySource'),
              })}
            </span>
          </dd>
        </div>
      </dl>

      <h3>{t('report.contacts')}</h3>
      <p>
        {client.contacts.total === 0
          ? t('report.noContacts')
          : t('report.contactsSummary', {
              count: client.contacts.total,
              adHoc: client.contacts.adHoc,
              hours: hours(client.contacts.hours),
            })}
      </p>
      {kinds.length > 0 && (
        <ul className="kind-counts" aria-label={t('report.byKind')}>
          {kinds.map((k) => (
            <li key={k}>
              {t(`kind.${k}`)}: <strong>{client.contacts.byKind[k]}</strong>
            </li>
          ))}
        </ul>
      )}
      <p className={client.overAllowance > 0 ? 'over' : 'within'} data-testid="allowance-summary">
        {t('report.allowance', {
          adHoc: client.contacts.adHoc,
          allowance: count(client.allowance),
          weekly: count(client.allowancePerWeek),
        })}{' '}
        {client.overAllowance > 0 ? (
          <strong>{t('report.over', { over: count(client.overAllowance) })}</strong>
        ) : (
          t('report.within')
        )}
        .
      </p>
      {weeks && weeks.length > 0 && (
        <div className="table-scroll">
          <table className="weeks-table">
            <caption className="visually-hidden">{t('weeks.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('weeks.weekOf')}</th>
                <th scope="col">{t('weeks.adHoc')}</th>
                <th scope="col">{t('weeks.allowed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('weeks.overOrWithin')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.monday} className={w.over ? 'over' : undefined}>
                  <th scope="row">
                    {formatDay(w.monday, locale)}
                    {w.days < 7 && (
                      <span className="muted week-days">
                        {' '}
                        ({t('weeks.days', { count: w.days })})
                      </span>
                    )}
                  </th>
                  <td>{w.adHoc}</td>
                  <td>{count(w.allowance)}</td>
                  <td>
                    {w.over ? (
                      <strong>
                        {t('weeks.over')}
                        <span className="visually-hidden">{t('weeks.overHidden')}</span>
                      </strong>
                    ) : (
                      t('weeks.within')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section
        className={`recommendation rec-${rec.kind}`}
        aria-labelledby="recommendation-heading"
      >
        <h3 id="recommendation-heading">
          {t('recommendation.heading', { label: t(`overview:recommendation.${rec.kind}`) })}
        </h3>
        {rec.walkAwayWarning && (
          <p className="walk-away" role="note">
            <strong>{t('recommendation.walkAwayTitle')}</strong>{' '}
            {t('recommendation.walkAway', { name: client.name })}
          </p>
        )}
        <ul className="reasons">
          {rec.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {(rec.newHourlyRate || rec.retainerPerMonth) && (
          <dl className="report-facts">
            {rec.newHourlyRate && (
              <div>
                <dt>{t('recommendation.newRate')}</dt>
                <dd>
                  {money(rec.newHourlyRate)}
                  {rec.increasePercent !== undefined && (
                    <span className="muted">
                      {' '}
                      {t('recommendation.increase', {
                        percent: formatPercent(rec.increasePercent, locale),
                      })}
                    </span>
                  )}
                </dd>
              </div>
            )}
            {rec.retainerPerMonth && (
              <div>
                <dt>{t('recommendation.retainer')}</dt>
                <dd>{money(rec.retainerPerMonth)}</dd>
              </div>
            )}
          </dl>
        )}
      </section>
      {client.warnings.length > 0 && (
        <ul className="report-warnings" aria-label={t('report.warnings')}>
          {client.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
