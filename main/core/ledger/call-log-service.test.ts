import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseApiInput } from '../../../shared/api.js';
import type { LedgerService } from '../ledger-service.js';
import { tempLedger } from '../ledger-test-support.js';
import { sampleClient } from '../store/test-support.js';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function setup(): LedgerService {
  return tempLedger(cleanups, {
    prefix: 'oh-calllogs-',
    now: () => Date.parse('2026-12-02T15:00:00Z'),
    data: (d) => {
      d.settings.userTimeZone = 'Europe/Berlin';
      d.clients.push(sampleClient(1, { id: 'acme', name: 'Acme', phones: ['030 1234567'] }));
    },
  }).ledger;
}

describe('call logs through the dashboard Api', () => {
  it('takes the new kinds in importText, previews, imports and undoes them as contacts', () => {
    for (const [kind, name, acme] of [
      ['fritzbox', 'fritzbox-de.csv', 6],
      ['android-calls', 'android-calls.xml', 5],
    ] as const) {
      const ledger = setup();
      const input = parseApiInput('importText', { kind, name, text: fixture(name), dryRun: true });
      const preview = ledger.importText(input);
      expect(preview, kind).toMatchObject({ kind, imported: false, added: acme, errors: [] });
      expect(preview.skippedReasons?.length, kind).toBeGreaterThan(0);
      if (kind === 'fritzbox') {
        // Calls from nobody you bill (here Globex is no client) are left out; the preview shows whom.
        expect(preview.unmatchedPreview).toEqual([
          {
            when: '2026-11-30T09:00:00.000Z',
            client: 'Mama',
            matched: false,
            what: 'call',
            minutes: 25,
          },
          {
            when: '2026-11-26T07:00:00.000Z',
            client: 'Globex',
            matched: false,
            what: 'call',
            minutes: 30,
          },
        ]);
      }
      const done = ledger.importText({ ...input, dryRun: false });
      expect(done.imported, kind).toBe(true);
      expect(ledger.listContacts({}).map((c) => c.clientId)).toEqual(Array(acme).fill('acme'));
      expect(ledger.undoImport({}), kind).toEqual({ kind, removed: acme });
      expect(ledger.listContacts({})).toEqual([]);
    }
  });

  it('refuses kinds it does not know, naming what is allowed', () => {
    expect(() => parseApiInput('importText', { kind: 'excel', name: 'x.csv', text: '' })).toThrow(
      /fritzbox.*android-calls|android-calls.*fritzbox/,
    );
  });
});
