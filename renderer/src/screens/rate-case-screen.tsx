/**
 * The Rate case screen: for one client and a period (this month unless chosen), demand against billed
 * work and what to do about it, a quick-log form, and the wording to send.
 */
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import type { ClientView } from '../../../shared/api.js';
import type { PeriodWeek, RateReport, ReportPreset } from '../../../shared/rate-case.js';
import { useApi, useApiEvent } from '../api-context.js';
import { periodDates, periodProblem } from '../rate-case-model.js';
import { useLocale, useTranslation } from '../i18n.js';
import { reasonWords } from '../format.js';
import { errorMessage } from '../use-async.js';
import { ClientReportView } from './client-report-view.js';
import { NextStep } from './next-step.js';
import { QuickLogForm } from './quick-log-form.js';
import { ScriptsPanel } from './scripts-panel.js';

/** The period asked for: one the core names and resolves in the user's zone, or dates the user typed. */
type PeriodChoice = { preset: ReportPreset } | { from: string; to: string };

/** The whole screen. */
export function RateCaseScreen(): ReactNode {
  const { t } = useTranslation('rateCase');
  const { t: tCommon } = useTranslation('common');
  // The core words the reasons in the UI language (and its number style), so nothing is mixed.
  const { language, locale } = useLocale();
  const api = useApi();
  const [clients, setClients] = useState<ClientView[] | null>(null);
  const [clientId, setClientId] = useState('');
  const [period, setPeriod] = useState<PeriodChoice>({ preset: 'this-month' });
  // The dates of a named period, as the core resolved them (empty until its report is in).
  const [presetDates, setPresetDates] = useState({ from: '', to: '' });
  const [report, setReport] = useState<RateReport | null>(null);
  const [weeks, setWeeks] = useState<PeriodWeek[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after every log, undo or client change: the report and wording load again.
  const [version, setVersion] = useState(0);
  const ids = { client: useId(), from: useId(), to: useId(), period: useId() };
  const preset = 'preset' in period ? period.preset : undefined;
  const dates = 'preset' in period ? presetDates : period;
  const problem = 'preset' in period ? null : periodProblem(period.from, period.to);
  const typed = 'preset' in period ? undefined : period;
  // Typing a date turns a named period into dates: the other field keeps what it showed.
  const setDate = (field: 'from' | 'to', value: string): void =>
    setPeriod((p) => ({ ...('preset' in p ? presetDates : p), [field]: value }));

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
        ...(preset ? { preset } : typed),
        weeksOf: clientId,
        ...reasonWords(language, locale),
      });
      if (!current) return;
      setReport(next);
      if (preset) setPresetDates(periodDates(next));
      setWeeks(next.clients.find((c) => c.id === clientId)?.weeks ?? null);
      setError(null);
    };
    load().catch((e: unknown) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [api, clientId, preset, typed?.from, typed?.to, problem, version, language, locale]);

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
                  value={dates.from}
                  aria-invalid={problem ? true : undefined}
                  onChange={(e) => setDate('from', e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={ids.to}>{t('period.to')}</label>
                <input
                  id={ids.to}
                  type="date"
                  value={dates.to}
                  aria-invalid={problem ? true : undefined}
                  onChange={(e) => setDate('to', e.target.value)}
                />
              </div>
              <button type="button" onClick={() => setPeriod({ preset: 'this-month' })}>
                {t('period.thisMonth')}
              </button>
              <button type="button" onClick={() => setPeriod({ preset: 'last-12-weeks' })}>
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
          {client && !problem && dates.from && (
            <ScriptsPanel
              clientId={client.id}
              clientName={client.name}
              from={dates.from}
              to={dates.to}
              version={version}
              defaultLanguage={client.locale}
            />
          )}
        </>
      )}
    </section>
  );
}
