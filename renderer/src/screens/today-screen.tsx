/** The Today screen: the day's availability as a bar and as a list, times in the user's locale. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { TimelineSegment } from '../../../shared/domain.js';
import { useApi, useApiEvent } from '../api-context.js';
import { formatTimeRange, sentence } from '../format.js';
import { useLocale, useTranslation } from '../i18n.js';
import { errorMessage } from '../use-async.js';

/** Share of the day each segment takes, in minutes (at least 1 so a short segment stays visible). */
export function segmentMinutes(segment: TimelineSegment): number {
  return Math.max(1, Math.round((Date.parse(segment.end) - Date.parse(segment.start)) / 60_000));
}

/** Index of the segment containing `now`, or -1. */
export function currentSegmentIndex(segments: TimelineSegment[], now: Date): number {
  const t = now.getTime();
  return segments.findIndex((s) => Date.parse(s.start) <= t && t < Date.parse(s.end));
}

/** Today's timeline; reloaded when the status or the calendars change (both can reshape the day). */
export function TodayScreen(): ReactNode {
  const api = useApi();
  const { t } = useTranslation(['today', 'common']);
  const { locale } = useLocale();
  const o = { locale };
  const [segments, setSegments] = useState<TimelineSegment[] | null>(null);
  const [now, setNow] = useState(() => new Date());
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.getDayTimeline({}).then(
      (s) => {
        setSegments(s);
        setNow(new Date());
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [api]);
  useEffect(load, [load]);
  useApiEvent('status', load);
  useApiEvent('calendars', load);

  const current = segments ? currentSegmentIndex(segments, now) : -1;
  return (
    <section aria-labelledby="today-heading" className="screen">
      <h1 id="today-heading" tabIndex={-1}>
        {t('title')}
      </h1>
      {error && (
        <p role="alert" className="error">
          {t('loadFailed', { error })}
        </p>
      )}
      {segments === null && !error && <p aria-busy="true">{t('common:loading')}</p>}
      {segments?.length === 0 && <p>{t('empty')}</p>}
      {segments && segments.length > 0 && (
        <>
          <div className="timeline-bar" aria-hidden="true">
            {segments.map((s, i) => (
              <span
                key={s.start}
                className={`timeline-part state-${s.state}${i === current ? ' is-now' : ''}`}
                style={{ flexGrow: segmentMinutes(s) }}
                title={`${formatTimeRange(s.start, s.end, o)} ${t(`common:stateShort.${s.state}`)}`}
              />
            ))}
          </div>
          <ol className="timeline-list">
            {segments.map((s, i) => (
              <li
                key={s.start}
                className={`state-${s.state}`}
                aria-current={i === current ? 'time' : undefined}
              >
                <span className="timeline-time">{formatTimeRange(s.start, s.end, o)}</span>
                <span className="timeline-state">{t(`common:stateShort.${s.state}`)}</span>
                <span className="timeline-reason">{sentence(s.reason)}</span>
                {i === current && <span className="now-badge">{t('common:now')}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
