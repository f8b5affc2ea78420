/**
 * The client form's values as typed, the checks made before the core is asked (so mistakes show
 * next to the field at once), and the conversion to and from the Api's client fields.
 */
import type { ApiInput, ClientView } from '../../shared/api.js';

/** Every field of the add/edit form, as the user typed it. */
export interface ClientFormValues {
  name: string;
  /** Comma- or line-separated lists. */
  domains: string;
  keywords: string;
  phones: string;
  /** Major units as typed: "120", "120.50" or "120,50". */
  hourlyRate: string;
  currency: string;
  allowance: string;
  locale: 'en' | 'de';
  timeZone: string;
  /** Edit only: the status page's policy per language. */
  policyEn: string;
  policyDe: string;
}

/**
 * What is wrong with one field: a key under `clients:errors` with its values (so the message is
 * said in the UI language, and follows a switch), or the core's own words when it refused.
 */
export type ClientFormProblem =
  | { key: 'nameEmpty' | 'nameTooLong' | 'hourlyRate' | 'currency' | 'allowance' | 'timeZone' }
  | { key: 'nameTaken'; name: string }
  | { key: 'domain'; domain: string }
  | { key: 'core'; text: string };

/** A problem per field that is wrong. */
export type ClientFormErrors = Partial<Record<keyof ClientFormValues, ClientFormProblem>>;

/** The core's checks, repeated here so the user hears of them before submitting. */
const MONEY = /^\s*\d{1,9}(?:[.,]\d{1,2})?\s*$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** The two languages a client's page and wording come in (`clients:locale.<code>` names them). */
export const CLIENT_LOCALES = ['en', 'de'] as const;

/** A blank form, with the user's own zone and language filled in. */
export function emptyClientForm(defaults: {
  timeZone: string;
  locale: 'en' | 'de';
}): ClientFormValues {
  return {
    name: '',
    domains: '',
    keywords: '',
    phones: '',
    hourlyRate: '',
    currency: 'EUR',
    allowance: '2',
    locale: defaults.locale,
    timeZone: defaults.timeZone,
    policyEn: '',
    policyDe: '',
  };
}

/** Minor units as the user would type them: 12050 → "120.50", 12000 → "120", 0 → "". */
export function minorToText(minor: number, currency = 'EUR'): string {
  if (minor === 0) return '';
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
  } catch {
    // an unknown code: cents, as for most currencies
  }
  const unit = 10 ** digits;
  return minor % unit === 0 ? String(minor / unit) : (minor / unit).toFixed(digits);
}

/** The form filled with a stored client, for editing. */
export function formValuesOf(client: ClientView): ClientFormValues {
  return {
    name: client.name,
    domains: client.domains.join(', '),
    keywords: client.keywords.join(', '),
    phones: client.phones.join(', '),
    hourlyRate: minorToText(client.hourlyRateMinor, client.currency),
    currency: client.currency,
    allowance: String(client.adHocAllowancePerWeek),
    locale: client.locale,
    timeZone: client.timeZone,
    policyEn: client.policyText.en,
    policyDe: client.policyText.de,
  };
}

/** Splits a typed list on commas and line breaks, trimmed, without blanks or case-insensitive repeats. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    const item = part.trim();
    if (item && !seen.has(item.toLowerCase())) {
      seen.add(item.toLowerCase());
      out.push(item);
    }
  }
  return out;
}

/** True when this browser knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with the form, field by field; empty when it can be sent. `otherNames`: the other clients. */
export function validateClientForm(
  values: ClientFormValues,
  otherNames: readonly string[],
): ClientFormErrors {
  const errors: ClientFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = { key: 'nameEmpty' };
  else if (name.length > 200) errors.name = { key: 'nameTooLong' };
  else if (otherNames.some((n) => n.toLowerCase() === name.toLowerCase()))
    errors.name = { key: 'nameTaken', name };
  const badDomain = splitList(values.domains).find(
    (d) => !DOMAIN.test(d.toLowerCase().replace(/^@/, '').replace(/\.$/, '')),
  );
  if (badDomain) errors.domains = { key: 'domain', domain: badDomain };
  if (values.hourlyRate.trim() && !MONEY.test(values.hourlyRate))
    errors.hourlyRate = { key: 'hourlyRate' };
  if (!/^[A-Za-z]{3}$/.test(values.currency.trim())) errors.currency = { key: 'currency' };
  const allowance = Number(values.allowance);
  if (
    values.allowance.trim() === '' ||
    !Number.isInteger(allowance) ||
    allowance < 0 ||
    allowance > 100
  )
    errors.allowance = { key: 'allowance' };
  if (!isTimeZone(values.timeZone.trim())) errors.timeZone = { key: 'timeZone' };
  return errors;
}

/** The Api's fields for adding a client from a valid form. */
export function addClientInput(values: ClientFormValues): ApiInput<'addClient'> {
  return {
    name: values.name.trim(),
    domains: splitList(values.domains),
    keywords: splitList(values.keywords),
    phones: splitList(values.phones),
    ...(values.hourlyRate.trim() ? { hourlyRate: values.hourlyRate.trim() } : {}),
    currency: values.currency.trim().toUpperCase(),
    allowance: Number(values.allowance),
    locale: values.locale,
    timeZone: values.timeZone.trim(),
  };
}

/** The Api's fields for saving an edited client (an emptied rate means no rate). */
export function updateClientInput(id: string, values: ClientFormValues): ApiInput<'updateClient'> {
  const { name: _name, hourlyRate: _rate, ...rest } = addClientInput(values);
  return {
    id,
    name: values.name.trim(),
    ...rest,
    hourlyRate: values.hourlyRate.trim() || '0',
    policyText: { en: values.policyEn, de: values.policyDe },
  };
}

/** The Api's client fields, as core errors name them, and the form field each is typed in. */
const FORM_FIELD: Record<string, keyof ClientFormValues> = {
  name: 'name',
  domains: 'domains',
  keywords: 'keywords',
  phones: 'phones',
  hourlyRate: 'hourlyRate',
  currency: 'currency',
  allowance: 'allowance',
  locale: 'locale',
  timeZone: 'timeZone',
  'policyText.en': 'policyEn',
  'policyText.de': 'policyDe',
};

/**
 * The field a core error names, so it can be shown next to that field: the taxonomy's messages start
 * with it (`timeZone: "Mars/Base" — allowed: …`, `domains.1: …`, `policyText.de: …`); null for
 * errors about the whole client.
 */
export function fieldOfError(
  message: string,
): { field: keyof ClientFormValues; text: string } | null {
  const path = /^([A-Za-z]+(?:\.[A-Za-z0-9]+)*): /.exec(message)?.[1];
  if (path === undefined) return null;
  const [head = '', sub] = path.split('.');
  const field = FORM_FIELD[`${head}.${sub ?? ''}`] ?? FORM_FIELD[head];
  return field ? { field, text: message } : null;
}
