/** The Settings screen: language, working hours and zone, the rate case's figures, notifications, shortcut, status server. */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { ClientView } from '../../../shared/api.js';
import { notificationKinds, type AppSettings } from '../../../shared/settings.js';
import { useApi, useApiEvent } from '../api-context.js';
import { formatMoney } from '../format.js';
import { applyLanguage, systemLanguage, useLocale, useTranslation } from '../i18n.js';
import {
  changeFromForm,
  formFromSettings,
  type FieldProblem,
  type SettingsForm,
} from '../settings-form-model.js';
import { errorMessage } from '../use-async.js';
import { WorkingHoursEditor } from './working-hours-editor.js';

/** The whole screen: the settings form, then the working hours (with the time zone). */
export function SettingsScreen(): ReactNode {
  const { t } = useTranslation('settings');
  return (
    <section aria-labelledby="settings-heading" className="screen">
      <h1 id="settings-heading" tabIndex={-1}>
        {t('title')}
      </h1>
      <WorkingHoursEditor />
      <SettingsEditor />
    </section>
  );
}

function SettingsEditor(): ReactNode {
  const api = useApi();
  const { t } = useTranslation('settings');
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [clients, setClients] = useState<ClientView[]>([]);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    Promise.all([api.getSettings({}), api.listClients({})]).then(
      ([s, c]) => {
        setSettings(s);
        setClients(c);
        setForm(formFromSettings(s, c));
      },
      (e: unknown) =>
        setMessage({ error: true, text: t('loadFailed', { error: errorMessage(e) }) }),
    );
  }, [api, t]);
  useApiEvent('clients', (c) => {
    setClients(c);
    setForm((f) =>
      f && settings
        ? { ...f, targetRates: { ...formFromSettings(settings, c).targetRates, ...f.targetRates } }
        : f,
    );
  });

  if (!settings || !form)
    return <p aria-busy={message ? undefined : true}>{message?.text ?? t('loading')}</p>;

  const edit = (patch: Partial<SettingsForm>): void => {
    setForm({ ...form, ...patch });
    setMessage(null);
  };
  const save = async (): Promise<void> => {
    const result = changeFromForm(form, settings, clients);
    if ('problems' in result) {
      setProblems(result.problems);
      setMessage({ error: true, text: t('errors.fixFirst') });
      return;
    }
    setProblems({});
    setSaving(true);
    try {
      const next = await api.updateSettings(result.change);
      setSettings(next);
      setForm(formFromSettings(next, clients));
      await applyLanguage(next.language);
      setMessage({ error: false, text: t('saved') });
    } catch (e) {
      setMessage({ error: true, text: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };
  const problemText = (field: string): string | undefined => {
    const p = problems[field];
    return p ? t(`errors.${p.key}`, { min: p.min ?? 0, max: p.max ?? 0 }) : undefined;
  };

  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <LanguagePanel form={form} edit={edit} />
      <RateCasePanel form={form} edit={edit} clients={clients} problemText={problemText} />
      <fieldset className="panel">
        <legend>{t('notifications.heading')}</legend>
        {notificationKinds.map((kind) => (
          <label className="checkbox" key={kind}>
            <input
              type="checkbox"
              checked={form.notifications[kind]}
              onChange={(e) =>
                edit({ notifications: { ...form.notifications, [kind]: e.target.checked } })
              }
            />
            {t(`notifications.${kind}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="panel">
        <legend>{t('shortcut.heading')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.shortcutOn}
            onChange={(e) => edit({ shortcutOn: e.target.checked })}
          />
          {t('shortcut.enabled')}
        </label>
        {form.shortcutOn && (
          <Field
            label={t('shortcut.label')}
            hint={t('shortcut.hint')}
            value={form.shortcut}
            error={problemText('shortcut')}
            onChange={(v) => edit({ shortcut: v })}
          />
        )}
      </fieldset>
      <fieldset className="panel">
        <legend>{t('statusServer.heading')}</legend>
        <p className="muted">{t('statusServer.hint')}</p>
        <div className="field-row">
          <Field
            label={t('statusServer.host')}
            value={form.host}
            error={problemText('host')}
            onChange={(v) => edit({ host: v })}
          />
          <Field
            label={t('statusServer.port')}
            value={form.port}
            inputMode="numeric"
            error={problemText('port')}
            onChange={(v) => edit({ port: v })}
          />
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
        <p role="status" className={message?.error ? 'error' : 'ok'}>
          {message?.text ?? ''}
        </p>
      </div>
    </form>
  );
}

function LanguagePanel({
  form,
  edit,
}: {
  form: SettingsForm;
  edit: (patch: Partial<SettingsForm>) => void;
}): ReactNode {
  const { t } = useTranslation('settings');
  const id = useId();
  return (
    <fieldset className="panel">
      <legend>{t('language.heading')}</legend>
      <div className="field">
        <label htmlFor={id}>{t('language.label')}</label>
        <select
          id={id}
          value={form.language}
          onChange={(e) => edit({ language: e.target.value as SettingsForm['language'] })}
        >
          <option value="system">
            {t('language.system', { language: t(`language.${systemLanguage()}`) })}
          </option>
          <option value="en" lang="en">
            {t('language.en')}
          </option>
          <option value="de" lang="de">
            {t('language.de')}
          </option>
        </select>
      </div>
    </fieldset>
  );
}

function RateCasePanel({
  form,
  edit,
  clients,
  problemText,
}: {
  form: SettingsForm;
  edit: (patch: Partial<SettingsForm>) => void;
  clients: ClientView[];
  problemText: (field: string) => string | undefined;
}): ReactNode {
  const { t } = useTranslation('settings');
  const { locale } = useLocale();
  const sourceId = useId();
  return (
    <fieldset className="panel">
      <legend>{t('rateCase.heading')}</legend>
      <Field
        label={t('rateCase.recoveryMinutes')}
        value={form.recoveryMinutes}
        inputMode="numeric"
        describedBy={sourceId}
        error={problemText('recoveryMinutes')}
        onChange={(v) => edit({ recoveryMinutes: v })}
      />
      <p id={sourceId} className="muted source">
        {t('rateCase.recoverySource')}
      </p>
      <Field
        label={t('rateCase.adHocLeadHours')}
        value={form.adHocLeadHours}
        inputMode="decimal"
        error={problemText('adHocLeadHours')}
        onChange={(v) => edit({ adHocLeadHours: v })}
      />
      <Field
        label={t('rateCase.walkAwayShare')}
        value={form.walkAwayPercent}
        inputMode="decimal"
        error={problemText('walkAwayPercent')}
        onChange={(v) => edit({ walkAwayPercent: v })}
      />
      <Field
        label={t('rateCase.weeklyAllowance')}
        value={form.weeklyAllowance}
        inputMode="numeric"
        error={problemText('weeklyAllowance')}
        onChange={(v) => edit({ weeklyAllowance: v })}
      />
      <Field
        label={t('rateCase.currency')}
        hint={t('rateCase.currencyHint')}
        value={form.currency}
        error={problemText('currency')}
        onChange={(v) => edit({ currency: v })}
      />
      <h3>{t('rateCase.targetRates')}</h3>
      {clients.length === 0 && <p className="muted">{t('rateCase.noClients')}</p>}
      {clients.map((c) => (
        <Field
          key={c.id}
          label={`${c.name} (${c.currency})`}
          hint={t('rateCase.targetRatesHint', {
            rate: formatMoney(c.hourlyRateMinor, c.currency, locale),
          })}
          value={form.targetRates[c.id] ?? ''}
          inputMode="decimal"
          error={problemText(`targetRates.${c.id}`)}
          onChange={(v) => edit({ targetRates: { ...form.targetRates, [c.id]: v } })}
        />
      ))}
    </fieldset>
  );
}

function Field({
  label,
  hint,
  value,
  error,
  inputMode,
  describedBy,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string;
  error?: string | undefined;
  inputMode?: 'numeric' | 'decimal';
  describedBy?: string;
  onChange: (value: string) => void;
}): ReactNode {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', describedBy ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
