/** Buttons that set the status by hand for a while, until a time, or hand it back to the calendar. */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { untilPickOf, type OverrideMode } from '../../../shared/dashboard-address.js';
import type { StatusNow } from '../../../shared/domain.js';
import { useApi } from '../api-context.js';
import { formatMinutes, formatMinutesLong, nextOccurrenceOf } from '../format.js';
import { useLocale, useTranslation } from '../i18n.js';
import { useAction } from '../use-async.js';

/** Durations offered for an override, minutes. */
export const OVERRIDE_MINUTES = [30, 60, 120] as const;

type Mode = OverrideMode;

/** The override panel; `onStatus` receives the status each call returns. */
export function OverrideControls({
  overridden,
  onStatus,
}: {
  overridden: boolean;
  onStatus: (s: StatusNow) => void;
}): ReactNode {
  const api = useApi();
  const { t } = useTranslation('status');
  const { locale } = useLocale();
  const modeLabel = (mode: Mode): string => t(`mode.${mode}`);
  const [untilTime, setUntilTime] = useState('');
  const [untilError, setUntilError] = useState<string | null>(null);
  const timeId = useId();
  const errorId = useId();
  const timeInput = useRef<HTMLInputElement>(null);
  // The tray's "Until…" opens `#status?until=<mode>`: the time field takes focus, and Enter in it
  // sets that mode until the chosen time.
  const [picked, setPicked] = useState<Mode | null>(() => untilPickOf(window.location.hash));
  useEffect(() => {
    const follow = (): void => setPicked(untilPickOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    if (picked) timeInput.current?.focus();
  }, [picked]);
  const act = useAction(
    useCallback(
      async (call: () => Promise<StatusNow>) => {
        onStatus(await call());
      },
      [onStatus],
    ),
  );
  const setUntil = (mode: Mode): void => {
    const at = nextOccurrenceOf(untilTime);
    if (!at) {
      setUntilError(t('chooseTime'));
      return;
    }
    setUntilError(null);
    if (picked) {
      // Done with the tray's request: the address goes back to the plain Status screen.
      window.history.replaceState(null, '', '#status');
      setPicked(null);
    }
    void act.run(() => api.setOverride({ mode, until: at.toISOString() }));
  };

  return (
    <section aria-labelledby="override-heading" className="overrides">
      <h2 id="override-heading">{t('setByHand')}</h2>
      {(['available', 'unavailable'] as const).map((mode) => (
        <div
          role="group"
          aria-label={modeLabel(mode)}
          className={`override-row override-${mode}`}
          key={mode}
        >
          <span className="override-label" aria-hidden="true">
            {modeLabel(mode)}
          </span>
          {OVERRIDE_MINUTES.map((minutes) => (
            <button
              type="button"
              key={minutes}
              disabled={act.busy}
              aria-label={t('forDuration', {
                mode: modeLabel(mode),
                duration: formatMinutesLong(minutes, locale),
              })}
              onClick={() => void act.run(() => api.setOverride({ mode, minutes }))}
            >
              {formatMinutes(minutes)}
            </button>
          ))}
          <button
            type="button"
            disabled={act.busy}
            onClick={() => setUntil(mode)}
            aria-label={t('untilChosen', { mode: modeLabel(mode) })}
          >
            {t('untilTime')}
          </button>
        </div>
      ))}
      <div className={picked ? 'override-until picked' : 'override-until'}>
        <label htmlFor={timeId}>
          {picked ? t('untilPicked', { mode: modeLabel(picked) }) : t('untilTime')}
        </label>
        <input
          id={timeId}
          ref={timeInput}
          type="time"
          value={untilTime}
          aria-invalid={untilError ? true : undefined}
          aria-describedby={untilError ? errorId : undefined}
          onChange={(e) => setUntilTime(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && picked) {
              e.preventDefault();
              setUntil(picked);
            }
          }}
        />
        {picked && (
          <button type="button" disabled={act.busy} onClick={() => setUntil(picked)}>
            {t('untilPickedSet', { mode: modeLabel(picked) })}
          </button>
        )}
        {untilError && (
          <p id={errorId} role="alert" className="error">
            {untilError}
          </p>
        )}
      </div>
      <button
        type="button"
        className="follow-calendar"
        disabled={act.busy}
        aria-describedby={overridden ? undefined : `${errorId}-hint`}
        onClick={() => void act.run(() => api.clearOverride({}))}
      >
        {t('followCalendar')}
      </button>
      {!overridden && (
        <p id={`${errorId}-hint`} className="hint">
          {t('calendarDecides')}
        </p>
      )}
      {act.error && (
        <p role="alert" className="error">
          {act.error}
        </p>
      )}
    </section>
  );
}
