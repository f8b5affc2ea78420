/** One client's rate case over the chosen period: the numbers, the weeks, and what to do about it. */
import type { ReactNode } from 'react';
import { CONTACT_KINDS } from '../../../shared/ledger.js';
import type { ClientReport, RateReport } from '../../../shared/rate-case.js';
import {
  CONTACT_KIND_LABELS,
  RECOMMENDATION_LABELS,
  formatCount,
  formatHours,
  formatMoney,
  type WeekRow,
} from '../rate-case-model.js';

function formatDay(date: string): string {
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** The report card of `client` within `report` (which carries the period's recovery minutes and label). */
export function ClientReportView({
  report,
  client,
  weeks,
}: {
  report: RateReport;
  client: ClientReport;
  weeks: WeekRow[] | null;
}): ReactNode {
  const rec = client.recommendation;
  const kinds = CONTACT_KINDS.filter((k) => client.contacts.byKind[k] > 0);
  return (
    <div className="report">
      <dl className="report-facts">
        <div>
          <dt>Billed hours</dt>
          <dd>{formatHours(client.billedHours)}</dd>
        </div>
        <div>
          <dt>Revenue</dt>
          <dd>{formatMoney(client.revenue)}</dd>
        </div>
        <div>
          <dt>Effective hourly rate</dt>
          <dd>
            {formatMoney(client.effectiveHourlyRate)}
            <span className="muted">
              {' '}
              vs {client.hourlyRate ? formatMoney(client.hourlyRate) : 'no'} nominal
            </span>
          </dd>
        </div>
        <div>
          <dt>Overhead</dt>
          <dd>
            {formatHours(client.overheadHours)}
            <span className="muted">
              {' '}
              getting back into focus: {client.contacts.adHoc} interruptions ×{' '}
              {report.recoveryMinutes} min ({report.recoveryLabel})
            </span>
          </dd>
        </div>
      </dl>

      <h3>Contacts</h3>
      <p>
        {client.contacts.total === 0
          ? 'No contacts in this period.'
          : `${client.contacts.total} contacts, ${client.contacts.adHoc} of them unscheduled, ${formatHours(client.contacts.hours)} in all.`}
      </p>
      {kinds.length > 0 && (
        <ul className="kind-counts" aria-label="Contacts by kind">
          {kinds.map((k) => (
            <li key={k}>
              {CONTACT_KIND_LABELS[k]}: <strong>{client.contacts.byKind[k]}</strong>
            </li>
          ))}
        </ul>
      )}
      <p className={client.overAllowance > 0 ? 'over' : 'within'} data-testid="allowance-summary">
        {client.contacts.adHoc} unscheduled against an allowance of {formatCount(client.allowance)}{' '}
        for this period ({client.allowancePerWeek} a week):{' '}
        {client.overAllowance > 0 ? (
          <strong>{formatCount(client.overAllowance)} over allowance</strong>
        ) : (
          'within the allowance'
        )}
        .
      </p>
      {weeks && weeks.length > 0 && (
        <div className="table-scroll">
          <table className="weeks-table">
            <caption className="visually-hidden">
              Unscheduled contacts per week against the allowance
            </caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">Ad hoc</th>
                <th scope="col">Allowed</th>
                <th scope="col">
                  <span className="visually-hidden">Over or within</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.monday} className={w.over ? 'over' : undefined}>
                  <th scope="row">
                    {formatDay(w.monday)}
                    {w.days < 7 && (
                      <span className="muted week-days">
                        {' '}
                        ({w.days === 1 ? '1 day' : `${w.days} days`})
                      </span>
                    )}
                  </th>
                  <td>{w.adHoc}</td>
                  <td>{formatCount(w.allowance)}</td>
                  <td>
                    {w.over ? (
                      <strong>
                        over<span className="visually-hidden"> allowance</span>
                      </strong>
                    ) : (
                      'within'
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
        <h3 id="recommendation-heading">Recommendation: {RECOMMENDATION_LABELS[rec.kind]}</h3>
        {rec.walkAwayWarning && (
          <p className="walk-away" role="note">
            <strong>Decide your walk-away point first.</strong> {client.name} is a large share of
            your revenue: know what you will do if they say no before you talk about boundaries or
            rates.
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
                <dt>Rate that would cover it</dt>
                <dd>
                  {formatMoney(rec.newHourlyRate)}
                  {rec.increasePercent !== undefined && (
                    <span className="muted"> (+{formatCount(rec.increasePercent)} %)</span>
                  )}
                </dd>
              </div>
            )}
            {rec.retainerPerMonth && (
              <div>
                <dt>Or a monthly availability retainer</dt>
                <dd>{formatMoney(rec.retainerPerMonth)}</dd>
              </div>
            )}
          </dl>
        )}
      </section>
      {client.warnings.length > 0 && (
        <ul className="report-warnings" aria-label="Data warnings">
          {client.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
