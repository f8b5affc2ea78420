import { describe, expect, it } from 'vitest';
import { type ClientView, parseApiInput } from '../../shared/api.js';
import { formatProblem } from '../../shared/errors.js';
import {
  addClientInput,
  emptyClientForm,
  fieldOfError,
  formValuesOf,
  minorToText,
  splitList,
  updateClientInput,
  validateClientForm,
} from './client-form-model.js';

const blank = emptyClientForm({ timeZone: 'Europe/Berlin', locale: 'de' });

describe('validateClientForm', () => {
  it('accepts a filled-in form', () => {
    expect(
      validateClientForm(
        {
          ...blank,
          name: 'Acme',
          domains: '@Acme.com, acme.de.',
          hourlyRate: '120,50',
          currency: 'chf',
          allowance: '0',
        },
        ['Globex'],
      ),
    ).toEqual({});
  });

  it('names each field that is wrong', () => {
    const errors = validateClientForm(
      {
        ...blank,
        name: 'globex',
        domains: 'acme.com, localhost',
        hourlyRate: '12.345',
        currency: 'EURO',
        allowance: '1.5',
        timeZone: 'Mars/Base',
      },
      ['Globex'],
    );
    expect(errors).toEqual({
      name: { key: 'nameTaken', name: 'globex' },
      domains: { key: 'domain', domain: 'localhost' },
      hourlyRate: { key: 'hourlyRate' },
      currency: { key: 'currency' },
      allowance: { key: 'allowance' },
      timeZone: { key: 'timeZone' },
    });
    expect(validateClientForm({ ...blank, name: '  ', allowance: '' }, []).name).toEqual({
      key: 'nameEmpty',
    });
    expect(validateClientForm({ ...blank, name: 'A', allowance: '' }, []).allowance).toEqual({
      key: 'allowance',
    });
  });
});

describe('conversion', () => {
  it('splits lists on commas and lines, without blanks or repeats', () => {
    expect(splitList(' acme, ACME ,\nweekly sync,, ')).toEqual(['acme', 'weekly sync']);
  });

  it('builds the Api input: trimmed, upper-case currency, numeric allowance, no rate when empty', () => {
    expect(
      addClientInput({
        ...blank,
        name: ' Acme ',
        keywords: 'acme',
        currency: 'eur',
        allowance: '3',
      }),
    ).toEqual({
      name: 'Acme',
      domains: [],
      keywords: ['acme'],
      phones: [],
      currency: 'EUR',
      allowance: 3,
      locale: 'de',
      timeZone: 'Europe/Berlin',
    });
    const update = updateClientInput('id-1', {
      ...blank,
      name: 'Acme',
      policyEn: 'Call me Fridays.',
      policyDe: '',
    });
    // An emptied rate is sent as zero ("no rate"), the policies as typed (the core restores an empty one).
    expect(update).toMatchObject({
      id: 'id-1',
      name: 'Acme',
      hourlyRate: '0',
      policyText: { en: 'Call me Fridays.', de: '' },
    });
  });

  it('fills the form from a stored client and back without loss', () => {
    const client: ClientView = {
      id: 'c1',
      name: 'Acme',
      color: '#2f6fdf',
      domains: ['acme.com'],
      keywords: ['acme', 'weekly'],
      phones: ['+49 30 1'],
      hourlyRateMinor: 12050,
      currency: 'EUR',
      adHocAllowancePerWeek: 1,
      locale: 'en',
      timeZone: 'UTC',
      policyText: { en: 'E', de: 'D' },
      createdAt: '2025-01-01T00:00:00.000Z',
      statusLink: 'http://127.0.0.1:4777/s/x',
    };
    const values = formValuesOf(client);
    expect(values).toMatchObject({
      domains: 'acme.com',
      keywords: 'acme, weekly',
      hourlyRate: '120.50',
      allowance: '1',
    });
    expect(updateClientInput('c1', values)).toMatchObject({
      keywords: ['acme', 'weekly'],
      hourlyRate: '120.50',
      allowance: 1,
    });
    expect([minorToText(12000), minorToText(5), minorToText(0)]).toEqual(['120', '0.05', '']);
    expect([minorToText(5000, 'JPY'), minorToText(1500, 'BHD')]).toEqual(['5000', '1.500']);
  });

  it('places core errors next to the field they name, as the core words them', () => {
    const refused = (input: Record<string, unknown>): string => {
      try {
        parseApiInput('addClient', { name: 'Acme', ...input });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('the schema took it');
    };
    const zone = refused({ timeZone: 'Mars/Base' });
    expect(fieldOfError(zone)).toEqual({ field: 'timeZone', text: zone });
    expect(fieldOfError(refused({ allowance: 101 }))?.field).toBe('allowance');
    expect(fieldOfError(refused({ currency: 'EURO' }))?.field).toBe('currency');
    // The core's own checks, in the taxonomy's words.
    const taken = formatProblem({
      field: 'name',
      value: 'ACME',
      problem: 'there is already a client with this name',
    });
    expect(fieldOfError(taken)).toEqual({ field: 'name', text: taken });
    expect(
      fieldOfError('domains.1: "localhost" — allowed: an e-mail domain like acme.com')?.field,
    ).toBe('domains');
    expect(fieldOfError('policyText.de: too long')?.field).toBe('policyDe');
    // Not about one of the form's fields.
    expect(fieldOfError('the data file could not be written')).toBeNull();
    expect(fieldOfError('id: "c9" — no such client')).toBeNull();
  });
});
