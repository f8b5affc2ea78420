/** The form that subscribes a calendar by URL or file path, with errors shown next to the field. */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { CalendarView } from '../../../shared/api.js';
import type { CalendarRole } from '../../../shared/domain.js';
import { useApi } from '../api-context.js';
import { useTranslation } from '../i18n.js';
import { errorMessage } from '../use-async.js';
import { type CalendarLocationProblem, validateCalendarLocation } from '../validation.js';
import { ROLES } from './calendar-item.js';

/** Adds a calendar; `onAdded` receives it once the core accepted (and first synced) it. */
export function AddCalendarForm({ onAdded }: { onAdded: (c: CalendarView) => void }): ReactNode {
  const api = useApi();
  const { t } = useTranslation('calendars');
  const [location, setLocation] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<CalendarRole>('busy');
  // The core's refusal comes in words; our own check as a key, said in the current language.
  const [error, setError] = useState<string | CalendarLocationProblem | null>(null);
  const errorText =
    error === null
      ? null
      : typeof error === 'string'
        ? error
        : t(`errors.${error.key}`, { scheme: 'scheme' in error ? error.scheme : '' });
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const ids = { location: useId(), name: useId(), role: useId(), error: useId(), hint: useId() };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setAdded(null);
    const problem = validateCalendarLocation(location);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const calendar = await api.addCalendar({
        location: location.trim(),
        role,
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      onAdded(calendar);
      setAdded(calendar.name);
      setLocation('');
      setName('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="add-calendar"
      aria-labelledby={`${ids.location}-h`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id={`${ids.location}-h`}>{t('add.heading')}</h2>
      <div className="field">
        <label htmlFor={ids.location}>{t('add.location')}</label>
        <input
          id={ids.location}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          // Read-only while adding (not disabled, so focus stays): nothing typed meanwhile is lost when the form clears.
          readOnly={busy}
          value={location}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids.error} ${ids.hint}` : ids.hint}
          onChange={(e) => setLocation(e.target.value)}
        />
        <p id={ids.hint} className="hint">
          {t('add.locationHint')}
        </p>
        {error && (
          <p id={ids.error} role="alert" className="error">
            {errorText}
          </p>
        )}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.name}>{t('add.name')}</label>
          <input
            id={ids.name}
            type="text"
            value={name}
            readOnly={busy}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('role.label')}</label>
          <select
            id={ids.role}
            value={role}
            disabled={busy}
            onChange={(e) => setRole(e.target.value as CalendarRole)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" aria-disabled={busy}>
        {busy ? t('add.adding') : t('add.submit')}
      </button>
      <p role="status" className="added">
        {added ? t('add.added', { name: added }) : ''}
      </p>
    </form>
  );
}
