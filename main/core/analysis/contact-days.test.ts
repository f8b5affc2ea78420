import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/ledger.js';
import { analyse } from './analyse.js';
import { ContactDayMemo } from './contact-days.js';
import { generateLedger } from './sample-data.js';
import { timeZone } from '../time/zone.js';

const data = generateLedger({ years: 2, contacts: 5_000, entries: 1_000, clients: 6, seed: 7 });
const settings = { timeZone: 'Europe/Berlin', now: data.now };

describe('ContactDayMemo', () => {
  it('gives analyse the very result it computes without the memo, call after call', () => {
    const memo = new ContactDayMemo();
    const plain = analyse({ ...data, settings });
    expect(analyse({ ...data, settings, dayMemo: memo })).toEqual(plain);
    // The second call reuses every day.
    expect(analyse({ ...data, settings, dayMemo: memo })).toEqual(plain);
  });

  it('reads again what changed: an edited instant, an insert, a removal, an unreadable one, another zone', () => {
    const memo = new ContactDayMemo();
    analyse({ ...data, settings, dayMemo: memo });
    const first = data.contacts[0] as Contact;
    const variants: Contact[][] = [
      // Moved by a day: the same position, another `at`.
      [
        { ...first, at: new Date(Date.parse(first.at) - 86_400_000).toISOString() },
        ...data.contacts.slice(1),
      ],
      // Inserted at the front: every position shifts.
      [{ ...first, id: 'new', at: data.now }, ...data.contacts],
      // Removed from the middle.
      [...data.contacts.slice(0, 100), ...data.contacts.slice(101)],
      // Unreadable instant: left out, as without the memo.
      [{ ...first, at: 'not a time' }, ...data.contacts.slice(1)],
    ];
    for (const contacts of variants) {
      expect(analyse({ ...data, contacts, settings, dayMemo: memo })).toEqual(
        analyse({ ...data, contacts, settings }),
      );
    }
    const ny = { ...settings, timeZone: 'America/New_York' };
    expect(analyse({ ...data, settings: ny, dayMemo: memo })).toEqual(
      analyse({ ...data, settings: ny }),
    );
  });

  it('keeps each day with the instant it was read from', () => {
    const memo = new ContactDayMemo();
    const zone = timeZone('UTC');
    const c = (at: string): Contact => ({ ...(data.contacts[0] as Contact), at });
    const utc = memo.localDays([c('2025-03-01T10:00:00Z')], 'UTC', zone);
    expect([...utc.ok]).toEqual([1]);
    const again = memo.localDays([c('2025-03-02T10:00:00Z')], 'UTC', zone);
    expect(again.day[0]).toBe((utc.day[0] ?? 0) + 1);
  });
});
