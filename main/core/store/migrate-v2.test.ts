import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateV1toV2 } from './migrate-v2.js';
import { defaultData } from './schema.js';
import { openStore } from './store.js';
import { makeTempDir } from './test-support.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A version-1 file as the first builds wrote it: loose `contacts` and `timeEntries`, no ledger settings. */
function v1File(contacts: unknown[], timeEntries: unknown[]): Record<string, unknown> {
  const {
    ledger: _ledger,
    settings,
    ...rest
  } = defaultData({ timeZone: 'Europe/Berlin', locale: 'en' });
  const { ledger: _ledgerSettings, ...v1Settings } = settings;
  return { schemaVersion: 1, ...rest, settings: v1Settings, contacts, timeEntries };
}

describe('schema 1 → 2', () => {
  it('keeps good rows, repairs what is clear, drops what is not, and adds the ledger settings', () => {
    const contacts = [
      {
        id: 'ok',
        clientId: 'acme',
        kind: 'call',
        at: '2025-01-06T11:00:00.000Z',
        minutes: 5,
        scheduled: false,
        source: 'manual',
      },
      // No id, minutes as a float, a time with an offset, no `scheduled`, no source: repaired.
      {
        clientId: 'acme',
        kind: 'scheduled-meeting',
        at: '2025-01-06T12:00:00+01:00',
        minutes: 29.6,
        note: 'kick-off',
      },
      { id: 'ok', clientId: 'acme', kind: 'call', at: '2025-01-07T11:00:00.000Z' }, // a repeated id: dropped
      { id: 'no-client', kind: 'call', at: '2025-01-06T11:00:00.000Z' },
      { id: 'bad-kind', clientId: 'acme', kind: 'fax', at: '2025-01-06T11:00:00.000Z' },
      { id: 'bad-time', clientId: 'acme', kind: 'call', at: 'Monday' },
      'not even an object',
    ];
    const entries = [
      {
        id: 'e1',
        clientId: 'acme',
        clientName: 'Acme',
        date: '2025-01-06',
        minutes: 90,
        billable: true,
        source: 'toggl',
        importKey: 'toggl:1',
        amountMinor: 15000,
        currency: 'EUR',
      },
      // An instant for a date, no key, an amount without currency (dropped: minor units of what?).
      { clientName: 'Acme', date: '2025-01-07T09:00:00Z', minutes: 60, amountMinor: 100 },
      { id: 'no-date', clientName: 'Acme', minutes: 60 },
    ];
    const out = migrateV1toV2.migrate(structuredClone(v1File(contacts, entries)));
    const kept = out.contacts as Record<string, unknown>[];
    expect(kept).toHaveLength(2);
    expect(kept[0]).toEqual(contacts[0]);
    expect(kept[1]).toMatchObject({
      clientId: 'acme',
      kind: 'scheduled-meeting',
      at: '2025-01-06T11:00:00.000Z',
      minutes: 30,
      scheduled: true,
      source: 'manual',
      note: 'kick-off',
    });
    expect(kept[1]?.id).toMatch(/^contact-[\w-]{22}$/);
    const keptEntries = out.timeEntries as Record<string, unknown>[];
    expect(keptEntries[0]).toEqual(entries[0]);
    expect(keptEntries[1]).toMatchObject({
      clientName: 'Acme',
      date: '2025-01-07',
      minutes: 60,
      billable: true,
      source: 'manual',
    });
    expect(keptEntries[1]).not.toHaveProperty('amountMinor');
    expect(keptEntries).toHaveLength(2);
    expect((out.settings as Record<string, unknown>).ledger).toEqual({
      recoveryMinutes: 23,
      adHocLeadHours: 24,
      walkAwayShare: 0.4,
      weeklyAllowance: 2,
      targetRates: {},
      currency: 'EUR',
      minBilledWeeks: 4,
    });
    expect(out.ledger).toEqual({ contactUndo: [], deletedContactKeys: [], journalGeneration: 0 });
    // Made from content, not chance: two processes migrating the same file write the same ids.
    expect(migrateV1toV2.migrate(structuredClone(v1File(contacts, entries)))).toEqual(out);
  });

  it('runs on load: the store opens a v1 file, writes v2 and keeps the v1 file in backups', () => {
    const { dir, remove } = makeTempDir('oh-v1-');
    cleanups.push(remove);
    const original = JSON.stringify(
      v1File([{ id: 'c', clientId: 'acme', kind: 'voicemail', at: '2025-01-06T11:00:00Z' }], []),
    );
    writeFileSync(join(dir, 'office-hours.json'), original);
    const store = openStore(dir, { watch: false });
    cleanups.push(() => store.close());
    expect(store.notices).toEqual([]);
    expect(store.read().contacts).toEqual([
      {
        id: 'c',
        clientId: 'acme',
        kind: 'voicemail',
        at: '2025-01-06T11:00:00.000Z',
        minutes: 0,
        scheduled: false,
        source: 'manual',
      },
    ]);
    expect(store.read().settings.ledger.recoveryMinutes).toBe(23);
    expect(
      (JSON.parse(readFileSync(store.path, 'utf8')) as { schemaVersion: number }).schemaVersion,
    ).toBe(2);
    const kept = readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('office-hours.v1-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, 'backups', kept[0] ?? ''), 'utf8')).toBe(original);
  });
});
