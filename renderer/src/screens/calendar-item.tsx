/** One calendar in the list: name, redacted location, role, last sync, error, and remove with confirmation. */
import { ConfirmGroup } from './confirm-group.js';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { CalendarView } from '../../../shared/api.js';
import type { CalendarRole } from '../../../shared/domain.js';
import { useApi } from '../api-context.js';
import { formatDateTime } from '../format.js';
import { useAction } from '../use-async.js';

/** Words for calendar roles. */
export const ROLE_LABELS: Record<CalendarRole, string> = {
  busy: 'Busy when booked',
  focus: 'Every event is focus time',
  ignore: 'Ignored',
};

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
          <dt>Last sync</dt>
          <dd>{status.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : 'never'}</dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd>{status.eventCount ?? '–'}</dd>
        </div>
        {progress && (
          <div>
            <dt>Sync</dt>
            <dd>{progress}</dd>
          </div>
        )}
      </dl>
      {!status.ok && status.error && (
        <p className="error calendar-error">
          <strong>Sync failed:</strong> {status.error}
          {status.cachedAt && ` — showing the copy from ${formatDateTime(status.cachedAt)}.`}
        </p>
      )}
      <label className="calendar-role">
        Role
        <select
          value={calendar.role}
          disabled={changeRole.busy}
          onChange={(e) => void changeRole.run(e.target.value as CalendarRole)}
        >
          {(Object.keys(ROLE_LABELS) as CalendarRole[]).map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </label>
      {confirming ? (
        <ConfirmGroup
          label={`Confirm removing ${calendar.name}`}
          confirmText="Yes, remove"
          busy={remove.busy}
          onConfirm={() => void remove.run()}
          onCancel={() => setConfirming(false)}
          cancelRef={cancelRef}
        >
          Remove {calendar.name}? It stops counting towards your status.
        </ConfirmGroup>
      ) : (
        <button
          type="button"
          ref={removeRef}
          aria-label={`Remove ${calendar.name}`}
          onClick={() => setConfirming(true)}
        >
          Remove
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
