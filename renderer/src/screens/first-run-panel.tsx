/**
 * The first-run panel on the Status screen: the three steps (a calendar, a client, rates), each done
 * or not and each a link to where it is done, and "Try with sample data". It shows until the user's
 * own calendar, client and rates are there; the sample's do not count.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { CalendarView, ClientView } from '../../../shared/api.js';
import { useApi, useApiEvent } from '../api-context.js';
import { FIRST_RUN_STEPS, allDone, firstRunProgress } from '../first-run-model.js';
import { useTranslation } from '../i18n.js';
import { TrySampleButton, useSampleIds } from '../sample-data.js';
import { screenHash } from './routes.js';

/** Where each step is done. */
const STEP_SCREEN = { calendar: 'calendars', client: 'clients', rates: 'clients' } as const;

/** The panel, or nothing once every step is done (or while the lists are loading). */
export function FirstRunPanel(): ReactNode {
  const { t } = useTranslation('firstRun');
  const api = useApi();
  const sample = useSampleIds();
  const [calendars, setCalendars] = useState<CalendarView[] | null>(null);
  const [clients, setClients] = useState<ClientView[] | null>(null);
  useEffect(() => {
    let current = true;
    // A failure leaves the panel away: the Status screen says what it can without it.
    Promise.all([api.listCalendars({}), api.listClients({})]).then(
      ([cals, cls]) => {
        if (!current) return;
        setCalendars(cals);
        setClients(cls);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);
  useApiEvent('calendars', setCalendars);
  useApiEvent('clients', setClients);
  if (calendars === null || clients === null) return null;
  const progress = firstRunProgress(calendars, clients, sample);
  if (allDone(progress)) return null;
  const done = FIRST_RUN_STEPS.filter((s) => progress[s]).length;
  return (
    <section className="panel first-run" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">{t('panel.heading')}</h2>
      <p>{t('panel.intro')}</p>
      <p className="muted">{t('panel.progress', { done })}</p>
      <ol className="first-run-steps" aria-label={t('panel.stepsLabel')}>
        {FIRST_RUN_STEPS.map((step) => (
          <li key={step} className={progress[step] ? 'step-done' : 'step-open'}>
            <span className="step-mark" aria-hidden="true">
              {progress[step] ? '✓' : '○'}
            </span>
            <div>
              <h3>
                {t(`panel.${step}.title`)}
                <span className="visually-hidden"> — </span>
                <span className="step-state">
                  {progress[step] ? t('panel.done') : t('panel.notDone')}
                </span>
              </h3>
              <p>{t(`panel.${step}.body`)}</p>
              <p className="step-links">
                <a href={screenHash(STEP_SCREEN[step])}>{t(`panel.${step}.action`)}</a>
                {step === 'rates' && (
                  <>
                    {' · '}
                    <a href={screenHash('settings')}>{t('panel.rates.settings')}</a>
                  </>
                )}
              </p>
            </div>
          </li>
        ))}
      </ol>
      <div className="first-run-sample">
        <h3>{t('sample.tryHeading')}</h3>
        <p>{t('sample.tryBody')}</p>
        <TrySampleButton />
      </div>
    </section>
  );
}
