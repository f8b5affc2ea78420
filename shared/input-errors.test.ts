import { describe, expect, it } from 'vitest';
import { parseApiInput } from './api.js';
import { UserError } from './errors.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected the input to be refused');
}

describe('schema errors read "field: value — allowed: …"', () => {
  it.each([
    [
      'getStatus',
      { at: 'tomorrow' },
      'at: "tomorrow" — allowed: an ISO date and time with offset, like 2026-11-27T15:00:00+01:00',
    ],
    [
      'addClient',
      { name: 'A', allowance: 150 },
      'allowance: 150 — allowed: a whole number from 0 to 100',
    ],
    [
      'addClient',
      { name: 'A', allowance: 'lots' },
      'allowance: "lots" — allowed: a whole number from 0 to 100',
    ],
    [
      'addClient',
      { name: 'A', allowance: 1.5 },
      'allowance: 1.5 — allowed: a whole number from 0 to 100',
    ],
    [
      'addClient',
      { name: 'A', currency: 'EURO' },
      'currency: "EURO" — allowed: a three-letter code like EUR',
    ],
    [
      'addClient',
      { name: 'A', hourlyRate: '12x' },
      'hourlyRate: "12x" — allowed: an amount like 120 or 120.50',
    ],
    [
      'addClient',
      { name: 'A', timeZone: 'Mars/Olympus' },
      'timeZone: "Mars/Olympus" — allowed: an IANA time zone like Europe/Berlin',
    ],
    [
      'addClient',
      { name: '  ' },
      'name: "  " — a client needs a name — allowed: a text of 1 to 200 characters',
    ],
    ['addClient', {}, 'name: required — allowed: a text of 1 to 200 characters'],
    ['addClient', { name: 'A', locale: 'fr' }, 'locale: "fr" — allowed: en, de'],
    [
      'addClient',
      { name: 'A', colour: 'red' },
      'colour: "red" — not a field of this call — allowed: name, domains, keywords, phones, hourlyRate, currency, allowance, locale, timeZone',
    ],
    [
      'logContact',
      { clientId: 'c', kind: 'dance' },
      'kind: "dance" — allowed: call, missed-call, voicemail, ad-hoc-meeting, scheduled-meeting, email, message',
    ],
    [
      'getReport',
      { from: '2025-13-01' },
      'from: "2025-13-01" — allowed: a date like 2026-11-27 or an ISO date and time with offset, like 2026-11-27T15:00:00+01:00',
    ],
    [
      'setOverride',
      { mode: 'available', minutes: 0 },
      'minutes: 0 — allowed: a whole number from 1 to 20160',
    ],
    [
      'setRules',
      { focusKeywords: [], tentativeIsBusy: 'yes' },
      'tentativeIsBusy: "yes" — allowed: true or false',
    ],
    [
      'setWorkingHours',
      { tz: 'UTC', days: [[{ start: '9:00', end: '17:00' }], [], [], [], [], [], []] },
      'days.0.0.start: "9:00" — allowed: a time of day like 09:30 (HH:MM)',
    ],
    ['setWorkingHours', { tz: 'UTC', days: [] }, 'days: [] — allowed: a list of exactly 7'],
  ] as const)('%s %j', (method, input, expected) => {
    expect(messageOf(() => parseApiInput(method, input))).toBe(expected);
  });

  it('keeps field, value and allowed on the error', () => {
    try {
      parseApiInput('addClient', { name: 'A', allowance: 150 });
    } catch (error) {
      expect(error).toMatchObject({
        field: 'allowance',
        value: 150,
        allowed: 'a whole number from 0 to 100',
      });
    }
  });
});
