import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/ledger.js';
import type { ImportSummary } from '../../shared/rate-case.js';
import { openStore } from '../core/store/store.js';
import { type CliRun, runCli } from './run-cli.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../core/ledger/fixtures/${name}`, import.meta.url));

let dir: string;
let dataDir: string;

const cli = (...argv: string[]): Promise<CliRun> => runCli(dataDir, ...argv);

/** A data folder in Berlin's zone with Acme (a Berlin number) and Globex (a New York one). */
async function setUp(): Promise<void> {
  const store = openStore(dataDir, { watch: false });
  store.update((d) => {
    d.settings.userTimeZone = 'Europe/Berlin';
    d.settings.locale = 'en';
  });
  store.close();
  expect((await cli('clients', 'add', 'Acme', '--phone', '030 / 123 45 67')).code).toBe(0);
  expect((await cli('clients', 'add', 'Globex', '--phone', '+1 (212) 555-0199')).code).toBe(0);
}

function contacts(): Contact[] {
  const data = JSON.parse(readFileSync(join(dataDir, 'office-hours.json'), 'utf8')) as {
    contacts: Contact[];
  };
  return data.contacts;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-import-calls-'));
  dataDir = join(dir, 'data');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('office-hours import fritzbox', () => {
  it('previews, imports once, and matches numbers in E.164 whatever their notation', async () => {
    await setUp();
    const file = fixture('fritzbox-de.csv');
    const dry = await cli('import', 'fritzbox', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(
      '(FRITZ!Box call list): 9 rows — 7 new, 0 already imported (skipped), 2 left out, 0 errors',
    );
    expect(dry.out).toContain('1 call matched none of your clients (left out)');
    expect(dry.out).toContain('1 left out: outgoing calls nobody answered');
    expect(dry.out).toContain('Dry run: nothing written. Without --dry-run this adds 7 contacts.');
    expect(dry.out).toMatch(/Wed, 2 Dec 2026, 14:05 {2}Acme {2}call {2}12 min/);
    expect(dry.out).toMatch(/Acme {2}call \(outgoing\) {2}7 min/);
    expect(contacts()).toEqual([]);

    const real = await cli('import', 'fritzbox', file);
    expect(real).toMatchObject({ code: 0, out: expect.stringContaining('Imported 7 contacts.') });
    expect(contacts().map((c) => c.kind)).toEqual(
      expect.arrayContaining(['call', 'missed-call', 'voicemail']),
    );
    const again = await cli('import', 'fritzbox', file, '--json');
    const summary = JSON.parse(again.out) as ImportSummary;
    expect(summary).toMatchObject({ kind: 'fritzbox', added: 0, duplicates: 7, imported: false });
    expect(summary.skippedReasons).toEqual([
      { reason: 'outgoing calls nobody answered', count: 1 },
    ]);
  });

  it('reads the Latin-1 and English exports', async () => {
    await setUp();
    const latin1 = await cli('import', 'fritzbox', fixture('fritzbox-latin1.csv'));
    expect(latin1.out).toContain('3 rows — 1 new'); // only Acme's number is a client here
    const en = await cli('import', 'fritzbox', fixture('fritzbox-en.csv'));
    expect(en.out).toContain('5 rows — 4 new'); // "Acme GmbH" is Acme by name
    expect(contacts()).toHaveLength(5);
  });

  it('reports bad rows as file:line:column and imports the good ones only when allowed', async () => {
    await setUp();
    const bad = join(dir, 'calls.csv');
    writeFileSync(
      bad,
      'sep=;\nTyp;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer\n' +
        '1;02.12.26 14:05;;030 1234567;;1;0:05\n' +
        '9;02.12.26 14:05;;030 1234567;;1;0:05\n' +
        '1;02.12.26 14:05;;030 1234567;;1;five\n',
    );
    const refused = await cli('import', 'fritzbox', bad);
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n').filter(Boolean)).toEqual([
      `${bad}:4:1: "9" is not a FRITZ!Box call type (1 incoming, 2 missed, 3 rejected, 4 outgoing) (column "Typ")`,
      `${bad}:5:7: "five" is not a duration like 0:05 (hours:minutes) (column "Dauer")`,
    ]);
    expect(contacts()).toEqual([]);
    const partial = await cli('import', 'fritzbox', bad, '--allow-partial');
    expect(partial).toMatchObject({ code: 0, out: expect.stringContaining('Imported 1 contact.') });
  });
});

describe('office-hours import android-calls', () => {
  it('imports the backup once and names the attribute of a bad row by line and column', async () => {
    await setUp();
    const file = fixture('android-calls.xml');
    const first = await cli('import', 'android-calls', file);
    expect(first.code).toBe(0);
    expect(first.out).toContain('(Android call log): 10 rows — 6 new');
    expect(first.out).toContain('1 left out: blocked calls (type 6)');
    expect((await cli('import', 'android-calls', file)).out).toContain('0 new, 6 already imported');

    const bad = join(dir, 'calls.xml');
    writeFileSync(
      bad,
      '<calls count="1">\n  <call number="030 1234567" duration="x" date="1796216700000" type="1" />\n</calls>\n',
    );
    const refused = await cli('import', 'android-calls', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`${bad}:2:30: "x" is not a whole number (column "duration")\n`);
  });
});
