import { describe, expect, it } from 'vitest';
import { FIXTURE_CLIENTS, fixture } from './fixtures/clients.js';
import { importAndroidCalls } from './import-android-calls.js';
import { applyImport, createLedger } from './ledger.js';

const options = { clients: FIXTURE_CLIENTS, region: 'DE' as const };
const call = (attrs: string): string => `  <call ${attrs} />`;
const file = (...rows: string[]): string =>
  `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<calls count="${rows.length}">\n${rows.join('\n')}\n</calls>\n`;

describe('Android call log (SMS Backup & Restore)', () => {
  it('maps Android call types, reads epoch milliseconds and seconds, and decodes entities', () => {
    const r = importAndroidCalls(fixture('android-calls.xml'), options);
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(10);
    expect(
      r.entries.map((c) => [c.clientId, c.kind, c.at, c.minutes, c.scheduled, c.note ?? '']),
    ).toEqual([
      ['acme', 'call', '2026-12-02T13:05:00.000Z', 6, false, ''],
      ['acme', 'missed-call', '2026-12-02T10:40:00.000Z', 0, false, ''],
      ['acme', 'voicemail', '2026-12-01T17:02:00.000Z', 1, false, ''],
      ['acme', 'missed-call', '2026-12-01T16:00:00.000Z', 0, false, 'rejected'],
      ['acme', 'call', '2026-12-01T15:30:00.000Z', 7, true, 'outgoing call'],
      ['globex', 'call', '2026-11-27T16:45:00.000Z', 30, false, ''],
      ['mueller', 'call', '2026-11-26T07:00:00.000Z', 2, false, ''], // by the decoded name
    ]);
    expect(r.unmatched).toBe(1); // the withheld number
    expect(r.skippedReasons).toEqual([
      { reason: 'outgoing calls nobody answered', count: 1 },
      { reason: 'blocked calls (type 6)', count: 1 },
    ]);
    expect(r.skipped).toBe(3);
  });

  it('leaves out calls answered elsewhere and types it does not know, saying why', () => {
    const r = importAndroidCalls(
      file(
        call('number="030 1234567" duration="60" date="1796216700000" type="7"'),
        call('number="030 1234567" duration="60" date="1796216700000" type="42"'),
      ),
      options,
    );
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual([]);
    expect(r.skippedReasons).toEqual([
      { reason: 'calls answered on another device (type 7)', count: 1 },
      { reason: 'calls of a type this version does not know (type 42)', count: 1 },
    ]);
  });

  it('reports bad rows with the line and column of the attribute, and keeps the good ones apart', () => {
    const text = file(
      call('number="030 1234567" duration="60" date="1796216700000" type="1"'),
      call('number="030 1234567" duration="60" type="1"'),
      call('number="030 1234567" duration="1:00" date="1796216700000" type="1"'),
      call('number="030 1234567" duration="60" date="1796216700000" type="incoming"'),
      call('number="030 1234567" duration="60" date="1796216700000000" type="1"'),
      call('number="030 &foo; 1234567" duration="60" date="1796216700000" type="1"'),
    );
    const r = importAndroidCalls(text, options);
    expect(r.errors).toEqual([
      { line: 4, column: 'date', columnNumber: 3, reason: '<call> has no date' },
      { line: 5, column: 'duration', columnNumber: 30, reason: '"1:00" is not a whole number' },
      { line: 6, column: 'type', columnNumber: 65, reason: '"incoming" is not a whole number' },
      {
        line: 7,
        column: 'date',
        columnNumber: 44,
        reason: '1796216700000000 is not epoch milliseconds (after the year 2200)',
      },
      {
        line: 8,
        column: 'number',
        columnNumber: 9,
        reason:
          'number: unknown entity &foo; (only &amp; &lt; &gt; &quot; &apos; and &#…; are read)',
      },
    ]);
    expect(r.rows).toBe(6);
    expect(r.entries).toEqual([]);
    expect(importAndroidCalls(text, { ...options, allowPartial: true }).entries).toHaveLength(1);
  });

  it('says when the file is not a call log, is cut off, or holds fewer calls than it says', () => {
    expect(importAndroidCalls('<smses count="0"></smses>', options).errors).toEqual([
      {
        line: 1,
        columnNumber: 1,
        reason:
          'the root element is <smses>, not <calls>: not an SMS Backup & Restore call log (this is the messages backup)',
      },
    ]);
    expect(importAndroidCalls('Typ;Datum\n1;2\n', options).errors[0]?.reason).toBe(
      'no XML elements: not an SMS Backup & Restore call log',
    );
    const whole = file(call('number="030 1234567" duration="60" date="1796216700000" type="1"'));
    const cut = whole.slice(0, whole.indexOf('</calls>'));
    expect(importAndroidCalls(cut, options).errors).toEqual([
      { line: 4, reason: 'the file ends before </calls>: it was cut off (export it again)' },
    ]);
    const fewer = whole.replace('count="1"', 'count="2"');
    expect(importAndroidCalls(fewer, options).errors).toEqual([
      {
        line: 2,
        column: 'count',
        columnNumber: 8,
        reason: 'the file says it holds 2 calls but has 1: is it complete?',
      },
    ]);
    expect(
      importAndroidCalls('<!DOCTYPE calls [<!ENTITY x "y">]><calls></calls>', options).errors,
    ).toHaveLength(1);
  });

  it('keys rows stably, so importing the same backup again adds nothing', () => {
    const first = importAndroidCalls(fixture('android-calls.xml'), options).entries;
    const ledger = applyImport(createLedger(), first).state;
    const again = importAndroidCalls(fixture('android-calls.xml'), options).entries;
    expect(applyImport(ledger, again).added).toEqual([]);
  });
});
