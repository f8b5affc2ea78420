/** Editor of working hours: periods per weekday and the time zone they are in. */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { WorkingHours } from '../../../shared/domain.js';
import { useApi } from '../api-context.js';
import { errorMessage } from '../use-async.js';
import {
  MAX_PERIODS,
  WEEKDAY_ORDER,
  addPeriod,
  copyMondayToWeekdays,
  removePeriod,
  updatePeriod,
  validateWorkingHours,
  weekdayName,
} from '../working-hours-model.js';

function knownZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** The working hours form. */
export function WorkingHoursEditor(): ReactNode {
  const api = useApi();
  const [hours, setHours] = useState<WorkingHours | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = { tz: useId(), zones: useId(), tzError: useId() };
  const [zones] = useState(knownZones);

  useEffect(() => {
    api
      .getWorkingHours({})
      .then(setHours, (e: unknown) =>
        setMessage({ error: true, text: `Could not load working hours: ${errorMessage(e)}` }),
      );
  }, [api]);

  if (!hours)
    return (
      <p aria-busy={message ? undefined : true}>{message?.text ?? 'Loading working hours…'}</p>
    );
  const edit = (next: WorkingHours): void => {
    setHours(next);
    setMessage(null);
  };
  const save = async (): Promise<void> => {
    const problems = validateWorkingHours(hours);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setMessage({ error: true, text: 'Fix the marked fields first.' });
      return;
    }
    setSaving(true);
    try {
      setHours(await api.setWorkingHours(hours));
      setMessage({ error: false, text: 'Working hours saved.' });
    } catch (e) {
      setMessage({ error: true, text: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="hours-heading" className="panel">
      <h2 id="hours-heading">Working hours</h2>
      <div className="field">
        <label htmlFor={ids.tz}>Time zone</label>
        <input
          id={ids.tz}
          type="text"
          list={ids.zones}
          value={hours.tz}
          aria-invalid={errors.tz ? true : undefined}
          aria-describedby={errors.tz ? ids.tzError : undefined}
          onChange={(e) => edit({ ...hours, tz: e.target.value })}
        />
        <datalist id={ids.zones}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {errors.tz && (
          <p id={ids.tzError} role="alert" className="error">
            {errors.tz}
          </p>
        )}
      </div>
      <table className="hours-table">
        <caption className="visually-hidden">Working periods per weekday</caption>
        <tbody>
          {WEEKDAY_ORDER.map((day) => (
            <DayRow key={day} day={day} hours={hours} errors={errors} onChange={edit} />
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => edit(copyMondayToWeekdays(hours))}>
          Copy Monday to Tuesday–Friday
        </button>
        <button type="button" disabled={saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save working hours'}
        </button>
        <p role="status" className={message?.error ? 'error' : 'ok'}>
          {message?.text ?? ''}
        </p>
      </div>
    </section>
  );
}

function DayRow({
  day,
  hours,
  errors,
  onChange,
}: {
  day: number;
  hours: WorkingHours;
  errors: Record<string, string>;
  onChange: (h: WorkingHours) => void;
}): ReactNode {
  const name = weekdayName(day);
  const periods = hours.days[day] ?? [];
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        {periods.length === 0 && <span className="muted">Not working</span>}
        {periods.map((p, i) => (
          <div className="period" role="group" aria-label={`${name} period ${i + 1}`} key={i}>
            <input
              type="time"
              aria-label={`${name} period ${i + 1} start`}
              value={p.start}
              aria-invalid={errors[`${day}-${i}`] ? true : undefined}
              onChange={(e) => onChange(updatePeriod(hours, day, i, 'start', e.target.value))}
            />
            <span aria-hidden="true">–</span>
            <input
              type="time"
              aria-label={`${name} period ${i + 1} end`}
              value={p.end}
              aria-invalid={errors[`${day}-${i}`] ? true : undefined}
              onChange={(e) => onChange(updatePeriod(hours, day, i, 'end', e.target.value))}
            />
            <button
              type="button"
              aria-label={`Remove ${name} period ${i + 1}`}
              onClick={() => onChange(removePeriod(hours, day, i))}
            >
              ×
            </button>
            {errors[`${day}-${i}`] && <span className="error">{errors[`${day}-${i}`]}</span>}
          </div>
        ))}
      </td>
      <td>
        <button
          type="button"
          disabled={periods.length >= MAX_PERIODS}
          aria-label={`Add a period on ${name}`}
          onClick={() => onChange(addPeriod(hours, day))}
        >
          Add
        </button>
      </td>
    </tr>
  );
}
