/** The form that adds or edits a client, with each mistake shown next to its field. */
import type { TFunction } from 'i18next';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  CLIENT_LOCALES,
  fieldOfError,
  validateClientForm,
  type ClientFormErrors,
  type ClientFormProblem,
  type ClientFormValues,
} from '../client-form-model.js';
import { useTranslation } from '../i18n.js';
import { errorMessage } from '../use-async.js';

type TextField = Exclude<keyof ClientFormValues, 'locale'>;

/** A field's problem in the UI language (the core's own words as they came). */
export function problemText(problem: ClientFormProblem, t: TFunction<'clients'>): string {
  switch (problem.key) {
    case 'core':
      return problem.text;
    case 'nameTaken':
      return t('errors.nameTaken', { name: problem.name });
    case 'domain':
      return t('errors.domain', { domain: problem.domain });
    default:
      return t(`errors.${problem.key}`);
  }
}

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
  const { t } = useTranslation('clients');
  const { t: tCommon } = useTranslation('common');
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
        const next: ClientFormErrors = { [field.field]: { key: 'core', text: field.text } };
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
            {problemText(error, t)}
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
      {text('name', t('form.name'))}
      <div className="field-row">
        {text('domains', t('form.domains'), { hint: t('form.domainsHint') })}
        {text('keywords', t('form.keywords'), { hint: t('form.keywordsHint') })}
      </div>
      {text('phones', t('form.phones'), { hint: t('form.phonesHint') })}
      <div className="field-row">
        {text('hourlyRate', t('form.hourlyRate'), { inputMode: 'decimal', width: 'short' })}
        {text('currency', t('form.currency'), { width: 'short' })}
        {text('allowance', t('form.allowance'), {
          inputMode: 'numeric',
          hint: t('form.allowanceHint'),
        })}
      </div>
      <div className="field-row">
        <div className="field field-short">
          <label htmlFor={id('locale')}>{t('form.language')}</label>
          <select
            id={id('locale')}
            value={values.locale}
            disabled={busy}
            onChange={(e) => set('locale', e.target.value)}
          >
            {CLIENT_LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`locale.${l}`)}
              </option>
            ))}
          </select>
        </div>
        {text('timeZone', t('form.timeZone'), { hint: t('form.timeZoneHint') })}
      </div>
      {mode === 'edit' && (
        <fieldset className="policy">
          <legend>{t('form.policy')}</legend>
          <p id={`${base}-policy-hint`} className="hint">
            {t('form.policyHint')}
          </p>
          {policy('policyEn', t('form.policyEn'))}
          {policy('policyDe', t('form.policyDe'))}
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" aria-disabled={busy}>
          {busy ? t('form.saving') : mode === 'add' ? t('form.add') : t('form.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={busy}>
            {tCommon('cancel')}
          </button>
        )}
        <p role="status" className="visually-hidden">
          {errorCount > 0 ? t('form.attention', { count: errorCount }) : ''}
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
