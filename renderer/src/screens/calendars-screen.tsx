/** The Calendars screen: subscribed calendars with their sync state, add, remove, and "Sync now". */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ApiEvents, CalendarView } from '../../../shared/api.js';
import { useApi, useApiEvent } from '../api-context.js';
import type { TFunction } from 'i18next';
import { useTranslation } from '../i18n.js';
import { errorMessage, useAction } from '../use-async.js';
import { AddCalendarForm } from './add-calendar-form.js';
import { CalendarItem } from './calendar-item.js';
import { NextStep } from './next-step.js';

/** Latest sync progress per calendar id. */
export type ProgressById = Record<string, ApiEvents['syncProgress']>;

/** A one-line summary of a sync in progress, e.g. "1 of 3 done", in the language of `t`. */
export function progressSummary(
  progress: ProgressById,
  total: number,
  t: TFunction<'calendars'>,
): string {
  const entries = Object.values(progress);
  const finished = entries.filter((p) => p.phase === 'done' || p.phase === 'failed').length;
  const failed = entries.filter((p) => p.phase === 'failed').length;
  const values = { finished, failed, total: Math.max(total, entries.length) };
  return failed > 0 ? t('progressFailed', values) : t('progress', values);
}

/** Words for one calendar's sync phase. */
export function phaseWords(p: ApiEvents['syncProgress'], t: TFunction<'calendars'>): string {
  return p.phase === 'failed' && p.error
    ? t('phaseFailed', { error: p.error })
    : t(`phase.${p.phase}`);
}

/** The calendars list, kept live by `calendars` and `syncProgress` events. */
export function CalendarsScreen(): ReactNode {
  const { t } = useTranslation(['calendars', 'common']);
  const api = useApi();
  const [calendars, setCalendars] = useState<CalendarView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ProgressById>({});
  const [syncing, setSyncing] = useState(false);
  useEffect(() => {
    api.listCalendars({}).then(setCalendars, (e: unknown) => setLoadError(errorMessage(e)));
  }, [api]);
  useApiEvent('calendars', setCalendars);
  useApiEvent('syncProgress', (p) => setProgress((all) => ({ ...all, [p.id]: p })));

  const sync = useAction(
    useCallback(async () => {
      setProgress({});
      setSyncing(true);
      try {
        setCalendars(await api.syncCalendars({}));
      } finally {
        setSyncing(false);
      }
    }, [api]),
  );
  const onAdded = useCallback((added: CalendarView) => {
    setCalendars((list) => [...(list ?? []).filter((c) => c.id !== added.id), added]);
  }, []);
  const onRemoved = useCallback(
    (id: string) => setCalendars((list) => (list ?? []).filter((c) => c.id !== id)),
    [],
  );
  const onUpdated = useCallback(
    (updated: CalendarView) =>
      setCalendars((list) => (list ?? []).map((c) => (c.id === updated.id ? updated : c))),
    [],
  );

  return (
    <section aria-labelledby="calendars-heading" className="screen">
      <h1 id="calendars-heading" tabIndex={-1}>
        {t('title')}
      </h1>
      {loadError && (
        <p role="alert" className="error">
          {t('loadFailed', { error: loadError })}
        </p>
      )}
      <div className="toolbar">
        <button
          type="button"
          onClick={() => void sync.run()}
          disabled={sync.busy || !calendars?.length}
        >
          {sync.busy ? t('syncing') : t('syncNow')}
        </button>
        <p role="status" className="sync-summary">
          {syncing || Object.keys(progress).length > 0
            ? t(syncing ? 'syncingSummary' : 'lastSyncSummary', {
                summary: progressSummary(progress, calendars?.length ?? 0, t),
              })
            : ''}
        </p>
      </div>
      {sync.error && (
        <p role="alert" className="error">
          {t('syncFailed', { error: sync.error })}
        </p>
      )}
      {calendars === null && !loadError && <p aria-busy="true">{t('common:loading')}</p>}
      {calendars?.length === 0 && (
        <>
          <p>{t('empty')}</p>
          <NextStep focus="add-calendar" label="addCalendar" />
        </>
      )}
      {calendars && calendars.length > 0 && (
        <ul className="calendar-list" aria-label={t('listLabel')}>
          {calendars.map((c) => (
            <CalendarItem
              key={c.id}
              calendar={c}
              progress={
                progress[c.id]
                  ? phaseWords(progress[c.id] as ApiEvents['syncProgress'], t)
                  : undefined
              }
              onRemoved={onRemoved}
              onUpdated={onUpdated}
            />
          ))}
        </ul>
      )}
      <AddCalendarForm onAdded={onAdded} />
    </section>
  );
}
