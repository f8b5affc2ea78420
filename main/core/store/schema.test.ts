import { describe, expect, it } from 'vitest';
import { validateData } from './decode.js';
import { describeIssues, formatPath, parseJsonText } from './errors.js';
import { dataSchema, defaultData, newStatusToken } from './schema.js';
import { sampleClient } from './test-support.js';

describe('schema', () => {
  it('accepts the defaults, which use the given zone and language', () => {
    const data = defaultData({ timeZone: 'Europe/Berlin', locale: 'de' });
    expect(dataSchema.parse(data)).toEqual(data);
    expect(data.settings).toEqual({
      statusServer: { host: '127.0.0.1', port: 4777 },
      syncWindowDays: { past: 35, future: 60 },
      userTimeZone: 'Europe/Berlin',
      locale: 'de',
      language: 'system',
      notifications: {
        focusChange: true,
        allowancePassed: true,
        calendarFailing: true,
        overrideEnding: true,
      },
      shortcut: null,
      ledger: {
        recoveryMinutes: 23,
        adHocLeadHours: 24,
        walkAwayShare: 0.4,
        weeklyAllowance: 2,
        targetRates: {},
        currency: 'EUR',
        minBilledWeeks: 4,
      },
    });
    expect(data.workingHours.days).toHaveLength(7);
  });

  it('loads a data set written before sample data existed as one without sample data', () => {
    const { sample: _none, ...older } = defaultData({ timeZone: 'UTC', locale: 'en' });
    expect(dataSchema.parse(older).sample).toBeNull();
  });

  it('makes status tokens of 192 random bits in base64url that the schema accepts', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newStatusToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const data = { ...defaultData(), clients: [sampleClient(1)] };
    expect(() => validateData(data)).not.toThrow();
  });

  it.each([
    ['statusToken', { statusToken: 'AAAAAAAAAAAAAAAA' }, 'clients[0].statusToken'],
    ['hourlyRateMinor', { hourlyRateMinor: 99.99 }, 'clients[0].hourlyRateMinor: expected integer'],
    ['currency', { currency: 'eur' }, 'clients[0].currency'],
    ['locale', { locale: 'fr' as 'en' }, 'clients[0].locale'],
    ['domains', { domains: ['ACME.com'] }, 'clients[0].domains[0]'],
  ])('rejects a client with a bad %s and names the path', (_field, change, expected) => {
    const data = { ...defaultData(), clients: [sampleClient(1, change)] };
    expect(() => validateData(data)).toThrow(expected);
  });

  it('does not echo the offending value (calendar URLs are secrets)', () => {
    const data = defaultData();
    const calendar = {
      id: 'c',
      name: 'Work',
      location: 'https://calendar.example/private-abc123/basic.ics',
      kind: 'url',
      refreshMinutes: 0,
      role: 'busy',
      addedAt: 'https://calendar.example/private-abc123',
    };
    let message = '';
    try {
      validateData({ ...data, calendars: [calendar] });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('calendars[0].refreshMinutes');
    expect(message).toContain('calendars[0].addedAt: expected an ISO-8601 instant');
    expect(message).not.toContain('private-abc123');
    expect(() => parseJsonText('{"location": "https://x.example/private-abc123"')).toThrow(
      /^not valid JSON$/,
    );
  });
});

describe('issue formatting', () => {
  it('writes paths the way a reader does', () => {
    expect(formatPath(['clients', 2, 'policyText', 'en'])).toBe('clients[2].policyText.en');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([])).toBe('');
  });

  it('shows the first three issues and counts the rest', () => {
    const issues = ['a', 'b', 'c', 'd', 'e'].map((path) => ({ path, message: 'bad' }));
    expect(describeIssues(issues)).toBe('a: bad; b: bad; c: bad; and 2 more');
  });
});
