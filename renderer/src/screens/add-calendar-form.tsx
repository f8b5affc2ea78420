/** The form that subscribes a calendar by URL or file path, with errors shown next to the field. */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { CalendarView } from '../../../shared/api.js';
import type { CalendarRole } from '../../../shared/domain.js';
import { useApi } from '../api-context.js';
import { errorMessage } from '../use-async.js';
import { validateCalendarLocation } from '../validation.js';
import { ROLE_LABELS } from './calendar-item.js';

/** Adds a calendar; `onAdded` receives it once the core accepted (and first synced) it. */
export function AddCalendarForm({ onAdded }: { onAdded: (c: CalendarView) => void }): ReactNode {
  const api = useApi();
  const [location, setLocation] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<CalendarRole>('busy');
  const [error, setError] = useState<string | null>(null);
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
      <h2 id={`${ids.location}-h`}>Add a calendar</h2>
      <div className="field">
        <label htmlFor={ids.location}>Calendar link or file path</label>
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
          The secret address of a calendar feed (https:// or webcal://) or the full path of an .ics
          file. It stays on this computer.
        </p>
        {error && (
          <p id={ids.error} role="alert" className="error">
            {error}
          </p>
        )}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.name}>Name (optional)</label>
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
          <label htmlFor={ids.role}>Role</label>
          <select
            id={ids.role}
            value={role}
            disabled={busy}
            onChange={(e) => setRole(e.target.value as CalendarRole)}
          >
            {(Object.keys(ROLE_LABELS) as CalendarRole[]).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" aria-disabled={busy}>
        {busy ? 'Adding…' : 'Add calendar'}
      </button>
      <p role="status" className="added">
        {added ? `Added ${added}.` : ''}
      </p>
    </form>
  );
}
