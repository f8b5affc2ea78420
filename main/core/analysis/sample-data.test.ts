import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { generateLedger } from './sample-data.js';

describe('generateLedger', () => {
  it('is deterministic per seed and makes what was asked', () => {
    const a = generateLedger({ years: 1, contacts: 500, entries: 100, clients: 4, seed: 3 });
    const b = generateLedger({ years: 1, contacts: 500, entries: 100, clients: 4, seed: 3 });
    const c = generateLedger({ years: 1, contacts: 500, entries: 100, clients: 4, seed: 4 });
    expect(a).toEqual(b);
    expect(c.contacts).not.toEqual(a.contacts);
    expect([a.clients.length, a.contacts.length, a.entries.length]).toEqual([4, 500, 100]);
    const from = Date.parse(a.now) - 366 * 86_400_000;
    expect(
      a.contacts.every((x) => Date.parse(x.at) >= from && Date.parse(x.at) <= Date.parse(a.now)),
    ).toBe(true);
    // Demand is skewed towards the first client.
    const count = (id: string): number => a.contacts.filter((x) => x.clientId === id).length;
    expect(count('client-1')).toBeGreaterThan(count('client-4'));
  });

  // The < 100 ms target for this size is checked by `npm run bench` (bench/ledger.ts), not here.
  it('five years of data (100k contacts, 20k entries, 20 clients): every contact and entry lands in a week', () => {
    const data = generateLedger({
      years: 5,
      contacts: 100_000,
      entries: 20_000,
      clients: 20,
      seed: 1,
    });
    const result = analyse({ ...data, settings: { timeZone: 'Europe/Berlin', now: data.now } });
    expect(result.clients).toHaveLength(20);
    const contacts = result.clients.reduce(
      (n, c) => n + c.weeks.reduce((m, w) => m + w.contactCount, 0),
      0,
    );
    expect(contacts).toBe(100_000);
    const minutes = (c: (typeof result.clients)[number]): number =>
      c.weeks.reduce((m, w) => m + w.billedMinutes + w.nonBillableMinutes, 0);
    const entryMinutes = data.entries.reduce((m, e) => m + e.minutes, 0);
    expect(result.clients.reduce((n, c) => n + minutes(c), 0) + result.unassigned.minutes).toBe(
      entryMinutes,
    );
  });
});
