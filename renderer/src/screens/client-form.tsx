/** The form that adds or edits a client, with each mistake shown next to its field. */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  LOCALE_LABELS,
  fieldOfError,
  validateClientForm,
  type ClientFormErrors,
  type ClientFormValues,
} from '../client-form-model.js';
import { errorMessage } from '../use-async.js';

type TextField = Exclude<keyof ClientFormValues, 'locale'>;

/** Add (`mode="add"`) or edit a client; `onSubmit` throws the core's message when it refuses. */
export function ClientForm({
  mode,
  initial,
  otherNames,
  heading,
  onSubmit,
  onCancel,
}: {
  mode: 'add' | 'edit';
  initial: ClientFormValues;
  /** Names of the other clients, to refuse a repeat before asking the core. */
  otherNames: readonly string[];
  heading: string;
  onSubmit: (values: ClientFormValues) => Promise<void>;
  onCancel?: () => void;
}): ReactNode {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ClientFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const base = useId();
  const id = (field: keyof ClientFormValues): string => `${base}-${field}`;

  const set = (field: keyof ClientFormValues, value: string): void => {
    setValues((v) => ({ ...v, [field]: value }));
    // A field's message goes once the user changes it; the rest stay until the next submit.
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const focusFirstError = (found: ClientFormErrors): void => {
    const first = (Object.keys(found) as (keyof ClientFormValues)[]).find((k) => found[k]);
    if (first) formRef.current?.ownerDocument.getElementById(id(first))?.focus();
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const found = validateClientForm(values, otherNames);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(found);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(values);
      if (mode === 'add') setValues(initial);
    } catch (e) {
      const message = errorMessage(e);
      const field = fieldOfError(message);
      if (field) {
        const next = { [field.field]: field.text };
        setErrors(next);
        focusFirstError(next);
      } else setFormError(message);
    } finally {
      setBusy(false);
    }
  };

  const text = (
    field: TextField,
    label: string,
    options: { hint?: string; inputMode?: 'decimal' | 'numeric' | 'text'; width?: 'short' } = {},
  ): ReactNode => {
    const error = errors[field];
    const describedBy = [error ? `${id(field)}-error` : '', options.hint ? `${id(field)}-hint` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div className={`field${options.width === 'short' ? ' field-short' : ''}`}>
        <label htmlFor={id(field)}>{label}</label>
        <input
          id={id(field)}
          type="text"
          value={values[field]}
          inputMode={options.inputMode}
          autoComplete="off"
          readOnly={busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => set(field, e.target.value)}
        />
        {options.hint && (
          <p id={`${id(field)}-hint`} className="hint">
            {options.hint}
          </p>
        )}
        {error && (
          <p id={`${id(field)}-error`} className="error field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  const policy = (field: 'policyEn' | 'policyDe', label: string): ReactNode => (
    <div className="field">
      <label htmlFor={id(field)}>{label}</label>
      <textarea
        id={id(field)}
        rows={3}
        maxLength={2000}
        value={values[field]}
        readOnly={busy}
        aria-describedby={`${base}-policy-hint`}
        onChange={(e) => set(field, e.target.value)}
      />
    </div>
  );

  const errorCount = Object.values(errors).filter(Boolean).length;
  return (
    <form
      ref={formRef}
      className={mode === 'add' ? 'panel client-form' : 'client-form client-form-edit'}
      aria-labelledby={`${base}-heading`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      {mode === 'add' ? (
        <h2 id={`${base}-heading`}>{heading}</h2>
      ) : (
        <h4 id={`${base}-heading`}>{heading}</h4>
      )}
      {text('name', 'Name')}
      <div className="field-row">
        {text('domains', 'E-mail domains', {
          hint: 'Meetings with people from these domains are theirs. Separate with commas.',
        })}
        {text('keywords', 'Title keywords', {
          hint: 'Meetings whose titles contain these words are theirs.',
        })}
      </div>
      {text('phones', 'Phone numbers', {
        hint: 'To recognise their calls in an imported call log.',
      })}
      <div className="field-row">
        {text('hourlyRate', 'Hourly rate', { inputMode: 'decimal', width: 'short' })}
        {text('currency', 'Currency', { width: 'short' })}
        {text('allowance', 'Ad-hoc contacts a week', {
          inputMode: 'numeric',
          hint: 'Unscheduled calls and meetings that are part of the deal.',
        })}
      </div>
      <div className="field-row">
        <div className="field field-short">
          <label htmlFor={id('locale')}>Language</label>
          <select
            id={id('locale')}
            value={values.locale}
            disabled={busy}
            onChange={(e) => set('locale', e.target.value)}
          >
            {(Object.keys(LOCALE_LABELS) as ('en' | 'de')[]).map((l) => (
              <option key={l} value={l}>
                {LOCALE_LABELS[l]}
              </option>
            ))}
          </select>
        </div>
        {text('timeZone', 'Their time zone', {
          hint: 'Times on their status page are shown in it.',
        })}
      </div>
      {mode === 'edit' && (
        <fieldset className="policy">
          <legend>Availability policy on their status page</legend>
          <p id={`${base}-policy-hint`} className="hint">
            Leave a text empty to use the standard wording.
          </p>
          {policy('policyEn', 'English')}
          {policy('policyDe', 'German')}
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" aria-disabled={busy}>
          {busy ? 'Saving…' : mode === 'add' ? 'Add client' : 'Save changes'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
        <p role="status" className="visually-hidden">
          {errorCount > 0
            ? `${errorCount === 1 ? 'One field needs' : `${errorCount} fields need`} attention.`
            : ''}
        </p>
      </div>
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
    </form>
  );
}
