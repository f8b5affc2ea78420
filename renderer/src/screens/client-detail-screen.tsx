/**
 * One client's detail (`#client/<id>`), over the twelve weeks up to now: contacts stacked by kind
 * against billed hours, the effective rate against the target, when the client calls, the
 * recommendation and its reasons, the wording to send, and the status link.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ClientView } from '../../../shared/api.js';
import type { ClientDetail, ClientReport } from '../../../shared/rate-case.js';
import { useApi, useApiEvent } from '../api-context.js';
import { useLocale, useTranslation } from '../i18n.js';
import { reasonWords } from '../format.js';
import { SampleTag } from '../sample-data.js';
import { errorMessage } from '../use-async.js';
import type * as Charts from './charts/charts.js';
import { rateTarget } from './client-detail-model.js';
import { formatAmount, formatPeriod, formatShare } from './overview-model.js';
import { screenHash } from './routes.js';
import { ScriptsPanel } from './scripts-panel.js';
import { StatusLinkPanel } from './status-link-panel.js';

// The charts (visx and d3) are a script of their own: the overview and the Status screen, in the
// same first script as this screen, need not carry them. This screen fetches it as it asks the core
// for the client's weeks, so the two arrive side by side. Not through React.lazy: a Suspense
// boundary that resolves after the first paint is revealed up to 300 ms late.
const loadCharts = (): Promise<typeof Charts> => import('./charts/charts.js');

/** The charts' module once loaded (null until then; an error once it failed). */
function useCharts(): typeof Charts | Error | null {
  const [charts, setCharts] = useState<typeof Charts | Error | null>(null);
  useEffect(() => {
    let current = true;
    loadCharts().then(
      (m) => current && setCharts(m),
      (e: unknown) => current && setCharts(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      current = false;
    };
  }, []);
  return charts;
}

/** The screen for `clientId`. */
export function ClientDetailScreen({ clientId }: { clientId: string }): ReactNode {
  const api = useApi();
  const { t } = useTranslation(['clientDetail', 'overview', 'common']);
  const { language, locale } = useLocale();
  const [detail, setDetail] = useState<ClientDetail | null>(null);
  const [client, setClient] = useState<ClientView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const charts = useCharts();
  const takeClients = useCallback(
    (list: ClientView[]) => {
      setClient(list.find((c) => c.id === clientId) ?? null);
      setVersion((v) => v + 1);
    },
    [clientId],
  );
  useApiEvent('clients', takeClients);
  // A contact logged from the tray or an import elsewhere: the chart follows.
  useApiEvent('ledger', () => setVersion((v) => v + 1));
  useEffect(() => {
    let current = true;
    api.listClients({}).then(
      (list) => current && setClient(list.find((c) => c.id === clientId) ?? null),
      (e: unknown) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [api, clientId]);
  useEffect(() => {
    let current = true;
    api.getClientDetail({ clientId, ...reasonWords(language, locale) }).then(
      (d) => {
        if (!current) return;
        setDetail(d);
        setError(null);
      },
      (e: unknown) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [api, clientId, language, locale, version]);

  const name = detail?.report.name ?? client?.name ?? '';
  return (
    <section aria-labelledby="client-detail-heading" className="screen client-detail">
      <p className="back-link">
        <a href={screenHash('overview')}>← {t('back')}</a>
      </p>
      <h1 id="client-detail-heading" tabIndex={-1}>
        {name || t('common:loading')}
        <SampleTag clientId={clientId} />
      </h1>
      {error && (
        <p role="alert" className="error">
          {t('loadFailed', { error })}
        </p>
      )}
      {detail === null && !error && <p aria-busy="true">{t('common:loading')}</p>}
      {detail && (
        <>
          <p className="muted">
            {t('period', {
              range: formatPeriod(detail.from, detail.to, detail.timeZone, locale),
            })}
          </p>
          {charts === null && <p aria-busy="true">{t('common:loading')}</p>}
          {charts instanceof Error && (
            <p role="alert" className="error">
              {t('loadFailed', { error: charts.message })}
            </p>
          )}
          {charts && !(charts instanceof Error) && (
            <>
              <charts.WeeksChart
                weeks={detail.weeks}
                locale={locale}
                allowancePerWeek={detail.report.allowancePerWeek}
              />
              <charts.RateChart weeks={detail.weeks} target={rateTarget(detail)} locale={locale} />
              <charts.RhythmGrid detail={detail} name={name} locale={locale} />
            </>
          )}
          <RecommendationPanel report={detail.report} locale={locale} />
          {client && (
            <ScriptsPanel
              clientId={client.id}
              clientName={client.name}
              from={detail.from}
              to={detail.to}
              version={version}
              defaultLanguage={client.locale}
            />
          )}
          {client && <StatusLinkPanel client={client} onChanged={setClient} />}
        </>
      )}
    </section>
  );
}

/** The recommendation over the twelve weeks and the reasons the core gives for it. */
function RecommendationPanel({
  report,
  locale,
}: {
  report: ClientReport;
  locale: string;
}): ReactNode {
  const { t } = useTranslation(['clientDetail', 'overview']);
  const rec = report.recommendation;
  return (
    <section
      className={`panel recommendation rec-${rec.kind}`}
      aria-labelledby="detail-recommendation-heading"
      data-testid="detail-recommendation"
    >
      <h2 id="detail-recommendation-heading">
        {t('recommendation.heading', { label: t(`overview:recommendation.${rec.kind}`) })}
      </h2>
      {rec.walkAwayWarning && (
        <p className="walk-away" role="note">
          {t('recommendation.walkAway', { name: report.name })}
        </p>
      )}
      <ul className="reasons">
        {rec.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {rec.missing && (
        <p className="muted">
          {t('recommendation.missing', {
            billedWeeks: rec.missing.billedWeeks,
            neededWeeks: rec.missing.neededWeeks,
          })}
        </p>
      )}
      {(rec.newHourlyRate || rec.retainerPerMonth) && (
        <dl className="report-facts">
          {rec.newHourlyRate && (
            <div>
              <dt>{t('recommendation.newRate')}</dt>
              <dd>
                {formatAmount(rec.newHourlyRate, locale)}
                {rec.increasePercent !== undefined && (
                  <span className="muted">
                    {' '}
                    (
                    {t('recommendation.increase', {
                      percent: formatShare(rec.increasePercent / 100, locale),
                    })}
                    )
                  </span>
                )}
              </dd>
            </div>
          )}
          {rec.retainerPerMonth && (
            <div>
              <dt>{t('recommendation.retainer')}</dt>
              <dd>{formatAmount(rec.retainerPerMonth, locale)}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
