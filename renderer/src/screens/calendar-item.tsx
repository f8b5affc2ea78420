/** One calendar in the list: name, redacted location, role, last sync, error, and remove with confirmation. */
import { ConfirmGroup } from './confirm-group.js';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { CalendarView } from '../../../shared/api.js';
import type { CalendarRole } from '../../../shared/domain.js';
import { useApi } from '../api-context.js';
import { formatDateTime } from '../format.js';
import { useLocale, useTranslation } from '../i18n.js';
import { useAction } from '../use-async.js';

/** Calendar roles in the order the role selects offer them (their words: `calendars:role.<role>`). */
export const ROLES: readonly CalendarRole[] = ['busy', 'focus', 'ignore'];

/** A calendar row; `progress` is the live sync phase while a sync runs. */
export function CalendarItem({
  calendar,
  progress,
  onRemoved,
  onUpdated,
}: {
  calendar: CalendarView;
  progress: string | undefined;
  onRemoved: (id: string) => void;
  onUpdated: (c: CalendarView) => void;
}): ReactNode {
  const api = useApi();
  const { t } = useTranslation('calendars');
  const { locale } = useLocale();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Keep keyboard focus where the user's attention is: on Cancel when asked, back on Remove after.
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) removeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const remove = useAction(
    useCallback(async () => {
      await api.removeCalendar({ id: calendar.id });
      onRemoved(calendar.id);
    }, [api, calendar.id, onRemoved]),
  );
  const changeRole = useAction(
    useCallback(
      async (role: CalendarRole) => onUpdated(await api.updateCalendar({ id: calendar.id, role })),
      [api, calendar.id, onUpdated],
    ),
  );
  const { status } = calendar;
  const headingId = `calendar-${calendar.id}`;

  return (
    <li className={`calendar ${status.ok ? 'is-ok' : 'has-error'}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{calendar.name}</h3>
      <p className="calendar-location">{calendar.displayLocation}</p>
      <dl className="calendar-facts">
        <div>
          <dt>{t('item.lastSync')}</dt>
          <dd>
            {status.lastSuccessAt
              ? formatDateTime(status.lastSuccessAt, { locale })
              : t('item.never')}
          </dd>
        </div>
        <div>
          <dt>{t('item.events')}</dt>
          <dd>
            {status.eventCount === undefined
              ? '–'
              : new Intl.NumberFormat(locale).format(status.eventCount)}
          </dd>
        </div>
        {progress && (
          <div>
            <dt>{t('item.sync')}</dt>
            <dd>{progress}</dd>
          </div>
        )}
      </dl>
      {!status.ok && status.error && (
        <p className="error calendar-error">
          <strong>{t('item.failed')}</strong> {status.error}
          {status.cachedAt &&
            t('item.cachedCopy', { time: formatDateTime(status.cachedAt, { locale }) })}
        </p>
      )}
      <label className="calendar-role">
        {t('role.label')}
        <select
          value={calendar.role}
          disabled={changeRole.busy}
          onChange={(e) => void changeRole.run(e.target.value as CalendarRole)}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
      </label>
      {confirming ? (
        <ConfirmGroup
          label={t('item.confirmLabel', { name: calendar.name })}
          confirmText={t('item.confirmRemove')}
          busy={remove.busy}
          onConfirm={() => void remove.run()}
          onCancel={() => setConfirming(false)}
          cancelRef={cancelRef}
        >
          {t('item.confirmText', { name: calendar.name })}
        </ConfirmGroup>
      ) : (
        <button
          type="button"
          ref={removeRef}
          aria-label={t('item.removeLabel', { name: calendar.name })}
          onClick={() => setConfirming(true)}
        >
          {t('item.remove')}
        </button>
      )}
      {(remove.error ?? changeRole.error) && (
        <p role="alert" className="error">
          {remove.error ?? changeRole.error}
        </p>
      )}
    </li>
  );
}
