/** Logging a contact in one step (client, kind, minutes, note), with Undo for the latest one. */
import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ClientView } from '../../../shared/api.js';
import { CONTACT_KINDS, type ContactKind } from '../../../shared/ledger.js';
import type { LoggedContact, UndoneContactChange } from '../../../shared/rate-case.js';
import { useApi } from '../api-context.js';
import { useLocale, useTranslation } from '../i18n.js';
import { formatCount } from '../rate-case-model.js';
import { errorMessage } from '../use-async.js';

/** What the form last said: kept as facts, not words, so it follows a language switch. */
type Said =
  | { said: 'logged'; logged: LoggedContact }
  | { said: 'undone'; undone: UndoneContactChange; who: string | undefined };

function weekDay(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** "Logged a call with Acme. This week: 3 unscheduled, allowance 1 — over allowance.", in the UI language. */
export function loggedWords(
  logged: LoggedContact,
  t: TFunction<'rateCase'>,
  locale: string,
): string {
  const { week } = logged;
  const when = week.current
    ? t('quickLog.thisWeek')
    : t('quickLog.weekOf', { date: weekDay(week.start, locale) });
  const values = {
    when,
    adHoc: formatCount(week.adHoc, locale),
    allowance: formatCount(week.allowance, locale),
  };
  const what = t(`quickLog.loggedKind.${logged.contact.kind}`);
  return `${t('quickLog.logged', { what, name: logged.clientName })} ${
    week.adHoc > week.allowance ? t('quickLog.weekOver', values) : t('quickLog.week', values)
  }`;
}

/** What an undo took back, in the UI language. */
export function undoneWords(
  undone: UndoneContactChange,
  who: string | undefined,
  t: TFunction<'rateCase'>,
): string {
  if (undone.op === null) return t('quickLog.nothingToUndo');
  if (undone.op !== 'add' || !undone.contact) return t('quickLog.undone');
  const what = t(`quickLog.undoneKind.${undone.contact.kind}`);
  return who
    ? t('quickLog.undoneContact', { what, name: who })
    : t('quickLog.undoneContactNoClient', { what });
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
  const { t } = useTranslation('rateCase');
  const { locale } = useLocale();
  const [client, setClient] = useState(clientId);
  const [kind, setKind] = useState<ContactKind>('call');
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [minutesError, setMinutesError] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said | null>(null);
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
      setMinutesError(true);
      return;
    }
    setMinutesError(false);
    setError(null);
    setBusy(true);
    try {
      const logged = await api.logContact({
        clientId: client,
        kind,
        ...(typed ? { minutes: value } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setSaid({ said: 'logged', logged });
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
      setSaid({ said: 'undone', undone, who });
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
      <h2 id={ids.heading}>{t('quickLog.heading')}</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.client}>{t('quickLog.client')}</label>
          <select id={ids.client} value={client} onChange={(e) => setClient(e.target.value)}>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>{t('quickLog.kind')}</label>
          <select
            id={ids.kind}
            value={kind}
            onChange={(e) => setKind(e.target.value as ContactKind)}
          >
            {CONTACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-short">
          <label htmlFor={ids.minutes}>{t('quickLog.minutes')}</label>
          <input
            id={ids.minutes}
            type="text"
            inputMode="numeric"
            placeholder={t('quickLog.minutesPlaceholder')}
            value={minutes}
            aria-invalid={minutesError ? true : undefined}
            aria-describedby={minutesError ? `${ids.minutes}-error` : undefined}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
      </div>
      {minutesError && (
        <p id={`${ids.minutes}-error`} className="error">
          {t('quickLog.minutesError')}
        </p>
      )}
      <div className="field">
        <label htmlFor={ids.note}>{t('quickLog.note')}</label>
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
          {t('quickLog.submit')}
        </button>
        <button type="button" onClick={() => void undo()} disabled={busy || !canUndo}>
          {t('quickLog.undo')}
        </button>
        <p role="status" className="logged">
          {said?.said === 'logged' && loggedWords(said.logged, t, locale)}
          {said?.said === 'undone' && undoneWords(said.undone, said.who, t)}
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
