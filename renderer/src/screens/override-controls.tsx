/** Buttons that set the status by hand for a while, until a time, or hand it back to the calendar. */
import { useCallback, useId, useState, type ReactNode } from 'react';
import type { StatusNow } from '../../../shared/domain.js';
import { useApi } from '../api-context.js';
import { formatMinutes, formatMinutesLong, nextOccurrenceOf } from '../format.js';
import { useLocale, useTranslation } from '../i18n.js';
import { useAction } from '../use-async.js';

/** Durations offered for an override, minutes. */
export const OVERRIDE_MINUTES = [30, 60, 120] as const;

type Mode = 'available' | 'unavailable';

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
      <div className="override-until">
        <label htmlFor={timeId}>{t('untilTime')}</label>
        <input
          id={timeId}
          type="time"
          value={untilTime}
          aria-invalid={untilError ? true : undefined}
          aria-describedby={untilError ? errorId : undefined}
          onChange={(e) => setUntilTime(e.target.value)}
        />
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
