/**
 * The Rate case screen: for one client and a period (this month unless chosen), demand against billed
 * work and what to do about it, a quick-log form, and the wording to send.
 */
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import type { ClientView } from '../../../shared/api.js';
import type { PeriodWeek, RateReport } from '../../../shared/rate-case.js';
import { useApi, useApiEvent } from '../api-context.js';
import { lastTwelveWeeks, periodProblem, thisMonth } from '../rate-case-model.js';
import { useLocale, useTranslation } from '../i18n.js';
import { reasonWords } from '../format.js';
import { errorMessage } from '../use-async.js';
import { ClientReportView } from './client-report-view.js';
import { NextStep } from './next-step.js';
import { QuickLogForm } from './quick-log-form.js';
import { ScriptsPanel } from './scripts-panel.js';

/** The whole screen. */
export function RateCaseScreen(): ReactNode {
  const { t } = useTranslation('rateCase');
  const { t: tCommon } = useTranslation('common');
  // The core words the reasons in the UI language (and its number style), so nothing is mixed.
  const { language, locale } = useLocale();
  const api = useApi();
  const [clients, setClients] = useState<ClientView[] | null>(null);
  const [clientId, setClientId] = useState('');
  const [period, setPeriod] = useState(thisMonth);
  const [report, setReport] = useState<RateReport | null>(null);
  const [weeks, setWeeks] = useState<PeriodWeek[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after every log, undo or client change: the report and wording load again.
  const [version, setVersion] = useState(0);
  const ids = { client: useId(), from: useId(), to: useId(), period: useId() };
  const problem = periodProblem(period.from, period.to);

  const takeClients = useCallback((list: ClientView[]) => {
    setClients(list);
    setClientId((id) => (list.some((c) => c.id === id) ? id : (list[0]?.id ?? '')));
    setVersion((v) => v + 1);
  }, []);
  useEffect(() => {
    api.listClients({}).then(takeClients, (e: unknown) => setError(errorMessage(e)));
  }, [api, takeClients]);
  useApiEvent('clients', takeClients);
  // A contact logged from the tray or another process: the report follows.
  useApiEvent('ledger', () => setVersion((v) => v + 1));

  useEffect(() => {
    if (!clientId || problem) return;
    let current = true;
    const load = async (): Promise<void> => {
      // The core counts the weeks, by the same rules as the period's own numbers.
      const next = await api.getReport({
        from: period.from,
        to: period.to,
        weeksOf: clientId,
        ...reasonWords(language, locale),
      });
      if (!current) return;
      setReport(next);
      setWeeks(next.clients.find((c) => c.id === clientId)?.weeks ?? null);
      setError(null);
    };
    load().catch((e: unknown) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [api, clientId, period.from, period.to, problem, version, language, locale]);

  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const client = clients?.find((c) => c.id === clientId);
  const clientReport = report?.clients.find((c) => c.id === clientId);

  return (
    <section aria-labelledby="rate-case-heading" className="screen">
      <h1 id="rate-case-heading" tabIndex={-1}>
        {t('title')}
      </h1>
      {clients === null && !error && <p aria-busy="true">{tCommon('loading')}</p>}
      {clients?.length === 0 && (
        <>
          <p>{t('noClients')}</p>
          <NextStep to="clients" label="addFirstClient" />
        </>
      )}
      {clients && clients.length > 0 && (
        <>
          <div className="rate-case-controls">
            <div className="field">
              <label htmlFor={ids.client}>{t('client')}</label>
              <select
                id={ids.client}
                value={clientId}
                onChange={(e) => setClientId(e.target.value)}
              >
                {clients.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <fieldset
              className="period-choice"
              aria-describedby={problem ? `${ids.period}-error` : undefined}
            >
              <legend>{t('period.legend')}</legend>
              <div className="field">
                <label htmlFor={ids.from}>{t('period.from')}</label>
                <input
                  id={ids.from}
                  type="date"
                  value={period.from}
                  aria-invalid={problem ? true : undefined}
                  onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))}
                />
              </div>
              <div className="field">
                <label htmlFor={ids.to}>{t('period.to')}</label>
                <input
                  id={ids.to}
                  type="date"
                  value={period.to}
                  aria-invalid={problem ? true : undefined}
                  onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))}
                />
              </div>
              <button type="button" onClick={() => setPeriod(thisMonth())}>
                {t('period.thisMonth')}
              </button>
              <button type="button" onClick={() => setPeriod(lastTwelveWeeks())}>
                {t('period.last12Weeks')}
              </button>
            </fieldset>
          </div>
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
          {client && (
            <section className="panel" aria-labelledby="report-heading">
              <h2 id="report-heading">{client.name}</h2>
              {report && clientReport ? (
                <ClientReportView report={report} client={clientReport} weeks={weeks} />
              ) : (
                !error && <p aria-busy="true">{tCommon('loading')}</p>
              )}
            </section>
          )}
          <QuickLogForm clients={clients} clientId={clientId} onChanged={bump} />
          {client && !problem && (
            <ScriptsPanel
              clientId={client.id}
              clientName={client.name}
              from={period.from}
              to={period.to}
              version={version}
              defaultLanguage={client.locale}
            />
          )}
        </>
      )}
    </section>
  );
}
