/** Logging a contact in one step (client, kind, minutes, note), with Undo for the latest one. */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ClientView } from '../../../shared/api.js';
import { CONTACT_KINDS, type ContactKind } from '../../../shared/ledger.js';
import type { LoggedContact } from '../../../shared/rate-case.js';
import { useApi } from '../api-context.js';
import { CONTACT_KIND_LABELS } from '../rate-case-model.js';
import { errorMessage } from '../use-async.js';

/** "Logged a call with Acme. This week: 3 unscheduled, allowance 1 — over allowance." */
export function loggedWords(logged: LoggedContact): string {
  const what = CONTACT_KIND_LABELS[logged.contact.kind].toLowerCase();
  const { week } = logged;
  const when = week.current ? 'This week' : `The week of ${week.start}`;
  const over = week.adHoc > week.allowance;
  return (
    `Logged ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} with ${logged.clientName}. ` +
    `${when}: ${week.adHoc} unscheduled, allowance ${week.allowance}${over ? ' — over allowance.' : '.'}`
  );
}

/** The quick-log form; `onChanged` runs after each log or undo so the report can follow. */
export function QuickLogForm({
  clients,
  clientId,
  onChanged,
}: {
  clients: readonly ClientView[];
  /** The client the screen shows: the form follows it when it changes. */
  clientId: string;
  onChanged: () => void;
}): ReactNode {
  const api = useApi();
  const [client, setClient] = useState(clientId);
  const [kind, setKind] = useState<ContactKind>('call');
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [minutesError, setMinutesError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [canUndo, setCanUndo] = useState(false);
  const ids = { client: useId(), kind: useId(), minutes: useId(), note: useId(), heading: useId() };
  // Follow the screen's client when it changes (adjusting state while rendering, not in an effect).
  const [shownFor, setShownFor] = useState(clientId);
  if (shownFor !== clientId) {
    setShownFor(clientId);
    setClient(clientId);
  }

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const typed = minutes.trim();
    const value = Number(typed);
    if (typed && (!Number.isInteger(value) || value < 0 || value > 1440)) {
      setMinutesError(
        'Enter whole minutes from 0 to 1440, or leave it empty for the usual length.',
      );
      return;
    }
    setMinutesError(null);
    setError(null);
    setBusy(true);
    try {
      const logged = await api.logContact({
        clientId: client,
        kind,
        ...(typed ? { minutes: value } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setMessage(loggedWords(logged));
      setCanUndo(true);
      setMinutes('');
      setNote('');
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const undo = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const undone = await api.undoLastContact({});
      const who = clients.find((c) => c.id === undone.contact?.clientId)?.name;
      setMessage(
        undone.op === null
          ? 'Nothing to undo.'
          : undone.op === 'add' && undone.contact
            ? `Undone: the ${CONTACT_KIND_LABELS[undone.contact.kind].toLowerCase()}${who ? ` with ${who}` : ''} is no longer logged.`
            : 'Undone.',
      );
      setCanUndo(false);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel quick-log"
      aria-labelledby={ids.heading}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id={ids.heading}>Log a contact</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.client}>Client</label>
          <select id={ids.client} value={client} onChange={(e) => setClient(e.target.value)}>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>Kind</label>
          <select
            id={ids.kind}
            value={kind}
            onChange={(e) => setKind(e.target.value as ContactKind)}
          >
            {CONTACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {CONTACT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-short">
          <label htmlFor={ids.minutes}>Minutes</label>
          <input
            id={ids.minutes}
            type="text"
            inputMode="numeric"
            placeholder="usual"
            value={minutes}
            aria-invalid={minutesError ? true : undefined}
            aria-describedby={minutesError ? `${ids.minutes}-error` : undefined}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
      </div>
      {minutesError && (
        <p id={`${ids.minutes}-error`} className="error">
          {minutesError}
        </p>
      )}
      <div className="field">
        <label htmlFor={ids.note}>Note (optional)</label>
        <input
          id={ids.note}
          type="text"
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" aria-disabled={busy || !client}>
          Log contact
        </button>
        <button type="button" onClick={() => void undo()} disabled={busy || !canUndo}>
          Undo
        </button>
        <p role="status" className="logged">
          {message}
        </p>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
