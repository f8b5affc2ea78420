import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExpandedEvent } from './calendar/types.js';
import type { ClassifiedEvent } from './calendar/classify.js';
import { LedgerService } from './ledger-service.js';
import { tempLedger } from './ledger-test-support.js';
import type { DataStore } from './store/store.js';
import { sampleClient } from './store/test-support.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** "Today" for these tests: Thursday 20 March 2025, 13:00 in Berlin. */
const NOW = Date.parse('2025-03-20T12:00:00Z');

function setup(calls: Map<string, string> = new Map()): {
  dir: string;
  store: DataStore;
  ledger: LedgerService;
} {
  return tempLedger(cleanups, {
    prefix: 'oh-ledger-',
    now: () => NOW,
    nextStandingCalls: () => calls,
    data: (d) => {
      d.settings.userTimeZone = 'Europe/Berlin';
      // The hand-computed period has two weeks of billed hours: accept them as evidence here.
      d.settings.ledger.minBilledWeeks = 1;
      d.clients.push(
        sampleClient(1, {
          id: 'acme',
          name: 'Acme GmbH',
          hourlyRateMinor: 10_000,
          locale: 'en',
          phones: ['+49 30 1234567'],
        }),
        sampleClient(2, {
          id: 'beta',
          name: 'Beta',
          hourlyRateMinor: 8_000,
          locale: 'de',
          phones: ['+49 89 555'],
        }),
      );
    },
  });
}

const TOGGL_HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';
const togglRow = (
  client: string,
  date: string,
  start: string,
  end: string,
  duration: string,
  billable: string,
  amount: string,
): string =>
  `Anna,anna@example.com,${client},Site,,Work,${billable},${date},${start},${date},${end},${duration},,${amount}`;

describe('LedgerService: contacts', () => {
  it('logs a contact in one step with defaults, and counts the week against the allowance', () => {
    const { ledger } = setup();
    const first = ledger.logContact({
      clientId: 'acme',
      kind: 'call',
      at: '2025-03-18T09:00:00+01:00',
    });
    expect(first.contact).toMatchObject({
      clientId: 'acme',
      kind: 'call',
      at: '2025-03-18T08:00:00.000Z',
      minutes: 10,
      scheduled: false,
      source: 'manual',
    });
    expect(first.week).toEqual({
      start: '2025-03-17',
      current: true,
      contacts: 1,
      adHoc: 1,
      allowance: 2,
    });
    ledger.logContact({ clientId: 'acme', kind: 'email' });
    ledger.logContact({ clientId: 'acme', kind: 'scheduled-meeting' });
    const third = ledger.logContact({ clientId: 'acme', kind: 'missed-call', note: 'no message' });
    expect(third.week).toMatchObject({ contacts: 4, adHoc: 2 });
    // Sunday 23:30 in Berlin is still that week; Monday 00:30 is the next.
    expect(
      ledger.logContact({ clientId: 'acme', kind: 'call', at: '2025-03-23T22:30:00Z' }).week,
    ).toMatchObject({ contacts: 5, adHoc: 3 });
    expect(
      ledger.logContact({ clientId: 'acme', kind: 'call', at: '2025-03-23T23:30:00Z' }).week,
    ).toMatchObject({
      start: '2025-03-24',
      current: false,
      adHoc: 1,
    });
    expect(() => ledger.logContact({ clientId: 'nobody', kind: 'call' })).toThrow(
      /clientId: "nobody" — no such client/,
    );
    expect(() => ledger.logContact({ clientId: 'acme', kind: 'fax' as 'call' })).toThrow(
      /kind: "fax" — allowed: call, missed-call/,
    );
  });

  it('undoes, edits, deletes and lists (newest first)', () => {
    const { ledger } = setup();
    const a = ledger.logContact({
      clientId: 'acme',
      kind: 'call',
      at: '2025-03-18T09:00:00Z',
      note: 'invoice',
    }).contact;
    const b = ledger.logContact({
      clientId: 'beta',
      kind: 'voicemail',
      at: '2025-03-19T09:00:00Z',
    }).contact;
    expect(ledger.undoLastContact()).toEqual({ op: 'add', contact: b });
    expect(ledger.listContacts()).toEqual([a]);
    const edited = ledger.editContact({ id: a.id, minutes: 25, note: '', billed: true });
    expect(edited).toEqual({ ...a, minutes: 25, note: undefined, billed: true });
    expect('note' in edited).toBe(false);
    expect(ledger.undoLastContact()).toEqual({ op: 'edit', contact: a });
    expect(ledger.deleteContact({ id: a.id })).toEqual({ deleted: true });
    expect(ledger.deleteContact({ id: a.id })).toEqual({ deleted: false });
    expect(ledger.undoLastContact()).toEqual({ op: 'delete', contact: a });
    expect(ledger.undoLastContact()).toEqual({ op: 'add', contact: a });
    expect(ledger.undoLastContact()).toEqual({ op: null });
    const older = ledger.logContact({
      clientId: 'acme',
      kind: 'email',
      at: '2025-03-01T09:00:00Z',
    }).contact;
    const newer = ledger.logContact({
      clientId: 'acme',
      kind: 'call',
      at: '2025-03-10T09:00:00Z',
    }).contact;
    const other = ledger.logContact({
      clientId: 'beta',
      kind: 'call',
      at: '2025-03-05T09:00:00Z',
    }).contact;
    expect(ledger.listContacts().map((c) => c.id)).toEqual([newer.id, other.id, older.id]);
    expect(ledger.listContacts({ clientId: 'acme', from: '2025-03-02T00:00:00Z' })).toEqual([
      newer,
    ]);
    expect(ledger.listContacts({ limit: 1 })).toEqual([newer]);
    expect(() => ledger.editContact({ id: 'nope', minutes: 1 })).toThrow(
      /id: "nope" — no such contact/,
    );
  });

  it('finds clients by name, case-insensitively and without the legal form', () => {
    const { ledger } = setup();
    expect(ledger.findClient('acme gmbh').id).toBe('acme');
    expect(ledger.findClient('ACME').id).toBe('acme');
    expect(ledger.findClient('beta').id).toBe('beta');
    expect(() => ledger.findClient('Gamma')).toThrow(/clientId: "Gamma" — no such client/);
  });
});

describe('LedgerService: imports', () => {
  it('previews without writing, imports once, and re-importing adds nothing', () => {
    const { dir, store, ledger } = setup();
    const file = join(dir, 'toggl.csv');
    writeFileSync(
      file,
      [
        TOGGL_HEADER,
        togglRow('Acme GmbH', '2025-03-04', '09:00:00', '12:00:00', '03:00:00', 'Yes', '300.00'),
        togglRow('Globex', '2025-03-05', '09:00:00', '10:00:00', '01:00:00', 'Yes', ''),
      ].join('\n'),
    );
    const before = readFileSync(store.path, 'utf8');
    const dry = ledger.importFile({ kind: 'toggl', file, dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      imported: false,
      rows: 2,
      added: 2,
      duplicates: 0,
      unassigned: 1,
      errors: [],
    });
    expect(dry.preview[0]).toEqual({
      when: '2025-03-04',
      client: 'Acme GmbH',
      matched: true,
      what: 'billable',
      minutes: 180,
      amount: { amount: 300, currency: 'EUR' },
    });
    expect(readFileSync(store.path, 'utf8')).toBe(before);
    expect(ledger.importFile({ kind: 'toggl', file })).toMatchObject({
      imported: true,
      added: 2,
      duplicates: 0,
    });
    expect(store.read().timeEntries.map((e) => [e.clientId, e.minutes])).toEqual([
      ['acme', 180],
      [undefined, 60],
    ]);
    const after = readFileSync(store.path, 'utf8');
    expect(ledger.importFile({ kind: 'toggl', file })).toMatchObject({
      imported: false,
      added: 0,
      duplicates: 2,
    });
    expect(readFileSync(store.path, 'utf8')).toBe(after);
  });

  it('imports nothing from a file with a bad row unless allowed, and says where each problem is', () => {
    const { dir, store, ledger } = setup();
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      [
        TOGGL_HEADER,
        togglRow('Acme', '2025-03-04', '09:00:00', '10:00:00', '01:00:00', 'Yes', ''),
        togglRow('Acme', '2025-03-05', '09:00:00', '10:00:00', 'soon', 'Yes', ''),
      ].join('\n'),
    );
    const refused = ledger.importFile({ kind: 'toggl', file });
    expect(refused).toMatchObject({ imported: false, added: 1 });
    expect(refused.errors).toEqual([
      { line: 3, column: 'Duration', columnNumber: 12, reason: expect.stringContaining('soon') },
    ]);
    expect(store.read().timeEntries).toEqual([]);
    expect(ledger.importFile({ kind: 'toggl', file, allowPartial: true })).toMatchObject({
      imported: true,
      added: 1,
    });
    expect(store.read().timeEntries).toHaveLength(1);
    expect(() => ledger.importFile({ kind: 'toggl', file: join(dir, 'missing.csv') })).toThrow(
      /file: ".*missing\.csv" — no such file/,
    );
  });

  it('imports a call log as contacts: undoable as one step, and a deleted call stays deleted', () => {
    const { dir, ledger } = setup();
    const file = join(dir, 'calls.csv');
    writeFileSync(
      file,
      'Date,Time,Number,Direction,Duration\n2025-03-03,08:12,030 1234567,incoming,0:04:35\n2025-03-03,12:40,030 1234567,missed,0\n2025-03-04,10:00,0171 999,incoming,0:10:00\n',
    );
    const result = ledger.importFile({ kind: 'calls', file });
    expect(result).toMatchObject({ imported: true, rows: 3, added: 2, unmatched: 1, skipped: 1 });
    expect(ledger.listContacts().map((c) => [c.kind, c.at, c.minutes])).toEqual([
      ['missed-call', '2025-03-03T11:40:00.000Z', 0],
      ['call', '2025-03-03T07:12:00.000Z', 5],
    ]);
    expect(ledger.undoLastContact()).toEqual({ op: 'import', count: 2 });
    expect(ledger.listContacts()).toEqual([]);
    ledger.importFile({ kind: 'calls', file });
    const missed = ledger.listContacts().find((c) => c.kind === 'missed-call');
    ledger.deleteContact({ id: missed?.id ?? '' });
    expect(ledger.importFile({ kind: 'calls', file })).toMatchObject({ added: 0, duplicates: 2 });
    expect(ledger.listContacts()).toHaveLength(1);
  });
});

describe('LedgerService: report and wording', () => {
  /*
   * Hand-computed. Berlin is UTC+1 all month. Period 3–16 March 2025 (14 days, ISO weeks 10 and 11).
   * Acme (EUR, €100/h, allowance 2):
   *   W10: call 10' · missed call 0' · voicemail 2' · e-mail 5' · scheduled meeting 60'   → ad hoc 3
   *   W11: call 20' · ad-hoc meeting 30' · call 15' (billed)                              → ad hoc 3
   *   outside: a call on Sunday 2 March (W09) and one on 17 March; an entry on 18 March.
   *   contacts 8, ad hoc 6, contact minutes 142; unbilled 10+0+2+5+20+30 = 67 (the meeting and the
   *   billed call are in the billed hours); overhead 6 × 23 = 138 min = 2.3 h
   *   entries: 180' at €300 (tracker's amount) + 90' without amount → 90 × 100/60 = €150; 30' non-billable
   *   billed 270' = 4.5 h, revenue €450
   *   effective rate = 45000 × 60 / (270 + 67 + 138) = 2 700 000 / 475 = 5684.2 → €56.84
   *   allowance over 14 days = 2 × 14/7 = 4, so 2 over; W11 and W10 over, W09 not → streak 2, no
   *   standing call → propose one. New rate = 10000 × 475 / 270 = 17592.6 → €176 (+76 %); retainer =
   *   (10000 × 475 / 60 − 45000) × 30.436875 / 14 = 34166.7 × 2.1740625 = 74280.5 → €743 a month.
   *   All the EUR revenue is Acme's: share 1 → walk-away warning.
   * Beta: nothing → within boundaries, no effective rate.
   */
  function filled(calls?: Map<string, string>): LedgerService {
    const { dir, ledger } = setup(calls);
    const log = (
      kind: Parameters<LedgerService['logContact']>[0]['kind'],
      at: string,
      minutes: number,
      billed?: boolean,
    ): void =>
      void ledger.logContact({
        clientId: 'acme',
        kind,
        at,
        minutes,
        ...(billed !== undefined ? { billed } : {}),
      });
    log('call', '2025-03-02T10:00:00Z', 10);
    log('call', '2025-03-03T09:00:00Z', 10);
    log('missed-call', '2025-03-04T09:00:00Z', 0);
    log('voicemail', '2025-03-05T09:00:00Z', 2);
    log('email', '2025-03-06T09:00:00Z', 5);
    log('scheduled-meeting', '2025-03-07T09:00:00Z', 60);
    log('call', '2025-03-10T09:00:00Z', 20);
    log('ad-hoc-meeting', '2025-03-12T09:00:00Z', 30);
    log('call', '2025-03-16T20:00:00Z', 15, true);
    log('call', '2025-03-17T09:00:00Z', 5);
    const file = join(dir, 'toggl.csv');
    writeFileSync(
      file,
      [
        TOGGL_HEADER,
        togglRow('Acme GmbH', '2025-03-04', '09:00:00', '12:00:00', '03:00:00', 'Yes', '300.00'),
        togglRow('Acme GmbH', '2025-03-11', '14:00:00', '15:30:00', '01:30:00', 'Yes', ''),
        togglRow('Acme GmbH', '2025-03-12', '10:00:00', '10:30:00', '00:30:00', 'No', ''),
        togglRow('Acme GmbH', '2025-03-18', '10:00:00', '11:00:00', '01:00:00', 'Yes', '100.00'),
      ].join('\n'),
    );
    expect(ledger.importFile({ kind: 'toggl', file }).added).toBe(4);
    return ledger;
  }

  it('reports a period against hand-computed numbers', () => {
    const report = filled().report({ from: '2025-03-03', to: '2025-03-16' });
    expect(report).toMatchObject({
      from: '2025-03-02T23:00:00.000Z',
      to: '2025-03-16T23:00:00.000Z',
      timeZone: 'Europe/Berlin',
      recoveryMinutes: 23,
    });
    const [acme, beta] = report.clients;
    expect(acme).toMatchObject({
      name: 'Acme GmbH',
      billedHours: 4.5,
      nonBillableHours: 0.5,
      revenue: { amount: 450, currency: 'EUR' },
      contacts: {
        total: 8,
        adHoc: 6,
        byKind: {
          call: 3,
          'missed-call': 1,
          voicemail: 1,
          'ad-hoc-meeting': 1,
          'scheduled-meeting': 1,
          email: 1,
          message: 0,
        },
        hours: 2.37,
        unbilledHours: 1.12,
      },
      allowancePerWeek: 2,
      allowance: 4,
      overAllowance: 2,
      overheadHours: 2.3,
      effectiveHourlyRate: { amount: 56.84, currency: 'EUR' },
      hourlyRate: { amount: 100, currency: 'EUR' },
      revenueShare: 1,
      overAllowanceStreak: 2,
      nextStandingCall: null,
      recommendation: {
        kind: 'propose-standing-call',
        newHourlyRate: { amount: 176, currency: 'EUR' },
        increasePercent: 76,
        retainerPerMonth: { amount: 743, currency: 'EUR' },
        walkAwayWarning: true,
      },
    });
    expect(acme?.recommendation.reasons.join(' ')).toMatch(
      /from March 3, 2025 to March 16, 2025; .*In that time: 4\.5 h billed/,
    );
    // In the dashboard's language: the same numbers, German words, German number formats.
    const german = filled().report({ from: '2025-03-03', to: '2025-03-16', language: 'de' });
    const reasonsDe = german.clients[0]?.recommendation.reasons.join(' ') ?? '';
    expect(reasonsDe).toContain('In dieser Zeit: 4,5 h abgerechnet');
    expect(reasonsDe).toMatch(/56,84\s€\/h/);
    expect(beta).toMatchObject({
      name: 'Beta',
      billedHours: 0,
      effectiveHourlyRate: null,
      recommendation: { kind: 'within-boundaries' },
    });
  });

  it('fills the wording with the client, the numbers and the next standing call, in either language', () => {
    const calls = new Map([['acme', '2025-03-21T09:00:00.000Z']]);
    const ledger = filled(calls);
    const report = ledger.report({ from: '2025-03-03', to: '2025-03-16' });
    expect(report.clients[0]?.nextStandingCall).toBe('2025-03-21T09:00:00.000Z');
    // With a standing call in place the same numbers call for a higher rate instead.
    expect(report.clients[0]?.recommendation.kind).toBe('raise-rate');
    const en = ledger.scripts({ clientId: 'acme', from: report.from, to: report.to });
    expect(en.language).toBe('en');
    expect(en.recommended).toBe('rateChangeNotice');
    expect(en.rateChangeNotice?.body).toContain('€176');
    expect(en.rateChangeNotice?.body).toContain('Friday, March 21 at 10:00 AM');
    // The standing call exists: no proposal of one is offered.
    expect(en.standingCallProposal).toBeNull();
    const noCall = filled(new Map()).scripts({
      clientId: 'acme',
      from: report.from,
      to: report.to,
    });
    expect(noCall.standingCallProposal?.body).toContain('3 and 3 times');
    const de = ledger.scripts({
      clientId: 'acme',
      language: 'de',
      from: report.from,
      to: report.to,
    });
    expect(de.rateChangeNotice?.body).toMatch(/176\s€/u);
    expect(de.rateChangeNotice?.body).toContain('Freitag, 21. März um 10:00');
    expect(() => ledger.scripts({ clientId: 'nobody' })).toThrow(
      /clientId: "nobody" — no such client/,
    );
  });
});

describe('LedgerService: the calendar', () => {
  const event = (
    uid: string,
    start: string,
    minutes: number,
    extra: Partial<ExpandedEvent> = {},
  ): ExpandedEvent => ({
    uid,
    summary: 'Acme sync',
    start: Date.parse(start),
    end: Date.parse(start) + minutes * 60_000,
    allDay: false,
    recurring: false,
    transparent: false,
    attendees: [],
    categories: [],
    ...extra,
  });
  const meeting = (
    e: ExpandedEvent,
    kind: 'client-meeting' | 'standing-call' = 'client-meeting',
  ): ClassifiedEvent => ({
    event: e,
    role: 'busy',
    kind,
    clientId: 'acme',
    matchedBy: 'test',
  });
  const window = { from: NOW - 35 * 86_400_000, to: NOW + 60 * 86_400_000 };

  it('turns client meetings into contacts on every sync: short notice → ad hoc, writing only on change', () => {
    const { store, ledger } = setup();
    const hour = 3_600_000;
    const events = [
      meeting(
        event('quick', '2025-03-18T14:00:00Z', 30, { created: Date.parse('2025-03-18T11:00:00Z') }),
      ),
      meeting(
        event('planned', '2025-03-19T09:00:00Z', 60, {
          created: Date.parse('2025-03-10T09:00:00Z'),
        }),
      ),
      meeting(
        event('weekly', '2025-03-17T08:00:00Z', 30, {
          recurring: true,
          created: Date.parse('2025-03-17T07:00:00Z'),
        }),
        'standing-call',
      ),
      meeting(event('later', '2025-03-21T09:00:00Z', 30, { created: NOW - hour })),
    ];
    const plan = ledger.syncCalendarContacts(events, window);
    expect(plan).toMatchObject({ added: 3, removed: 0 });
    const byUid = (kind: string): string[] =>
      ledger
        .listContacts()
        .filter((c) => c.kind === kind)
        .map((c) => c.at);
    expect(byUid('ad-hoc-meeting')).toEqual(['2025-03-18T14:00:00.000Z']);
    expect(byUid('scheduled-meeting')).toEqual([
      '2025-03-19T09:00:00.000Z',
      '2025-03-17T08:00:00.000Z',
    ]);
    const written = readFileSync(store.path, 'utf8');
    expect(ledger.syncCalendarContacts(events, window)).toMatchObject({ differs: false });
    expect(readFileSync(store.path, 'utf8')).toBe(written);
    // The short-notice meeting was cancelled: its contact goes; a note the user added elsewhere stays.
    const planned = ledger.listContacts().find((c) => c.at === '2025-03-19T09:00:00.000Z');
    ledger.editContact({ id: planned?.id ?? '', note: 'went long' });
    expect(ledger.syncCalendarContacts(events.slice(1), window)).toMatchObject({
      removed: 1,
      added: 0,
    });
    expect(ledger.listContacts().map((c) => c.note)).toEqual(['went long', 'standing call']);
  });

  it('reports a failure instead of throwing (it runs from timers)', () => {
    const errors: unknown[] = [];
    const { store, dir } = setup();
    const ledger = new LedgerService({
      store,
      dataDir: dir,
      now: () => NOW,
      onError: (e) => errors.push(e),
    });
    store.close();
    const events = [meeting(event('x', '2025-03-18T14:00:00Z', 30))];
    expect(ledger.syncCalendarContacts(events, window)).toBeUndefined();
    expect(String(errors[0])).toMatch(/closed/);
  });
});
