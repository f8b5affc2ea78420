/**
 * The rate-case section of `npm run bench`, on five years of data (100k contacts, 20k time entries,
 * 20 clients, from main/core/analysis/sample-data.ts): the full analysis, logging one contact through
 * the real store on disk (the journal append, fsync included), opening the store at start, and — as
 * figures without a target — the report through the ledger service, the calendar merge that runs
 * after every sync, and folding the journal into the data file, which a log does once every 200
 * contacts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '../shared/domain.js';
import type { LedgerClient } from '../shared/ledger.js';
import type { ClassifiedEvent } from '../main/core/calendar/classify.js';
import { analyse } from '../main/core/analysis/analyse.js';
import { generateLedger } from '../main/core/analysis/sample-data.js';
import { LedgerService } from '../main/core/ledger-service.js';
import { newStatusToken } from '../main/core/store/schema.js';
import { openStore } from '../main/core/store/store.js';
import type { BenchRow, Section, SectionContext, SectionResult } from './report.js';
import { collectGarbage, median, nowMs, p99 } from './stats.js';

const SECTION = 'ledger';
const SEED = 1;

/** Targets from the issue. */
export const TARGETS = {
  analysisMs: { op: '<', value: 100 },
  logMs: { op: '<', value: 20 },
} as const;

/** A stored client for a generated one (also used by the dashboard section). */
export function storedClient(c: LedgerClient): Client {
  return {
    id: c.id,
    name: c.name,
    color: '#336699',
    domains: [],
    keywords: [],
    phones: [...(c.phones ?? [])],
    hourlyRateMinor: c.hourlyRateMinor ?? 10_000,
    currency: c.currency,
    adHocAllowancePerWeek: 2,
    locale: c.locale?.startsWith('de') ? 'de' : 'en',
    timeZone: c.timeZone ?? 'Europe/Berlin',
    policyText: { en: '', de: '' },
    statusToken: newStatusToken(),
    createdAt: '2020-01-01T00:00:00.000Z',
  };
}

/** Two client meetings a working day over the 35 days before `now`, as classification gives them. */
function calendarMeetings(now: number): ClassifiedEvent[] {
  const out: ClassifiedEvent[] = [];
  for (let day = 1; day <= 35; day++) {
    for (const hour of [10, 15]) {
      const start = Math.floor(now / 86_400_000 - day) * 86_400_000 + hour * 3_600_000;
      out.push({
        event: {
          uid: `m-${day}-${hour}`,
          summary: 'Client call',
          start,
          end: start + 1_800_000,
          allDay: false,
          recurring: hour === 10,
          transparent: false,
          attendees: [],
          categories: [],
          created: start - 3 * 86_400_000,
        },
        role: 'busy',
        kind: hour === 10 ? 'standing-call' : 'client-meeting',
        clientId: `client-${(day % 20) + 1}`,
        matchedBy: 'bench',
      });
    }
  }
  return out;
}

/** Times `fn` `rounds` times (gc before each) and returns the samples in ms. */
function timed(rounds: number, fn: (round: number) => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    collectGarbage();
    const started = nowMs();
    fn(i);
    samples.push(nowMs() - started);
  }
  return samples;
}

function row(
  subject: string,
  metric: string,
  samples: number[],
  extra: Partial<BenchRow> = {},
): BenchRow {
  return {
    section: SECTION,
    subject,
    metric,
    value: median(samples),
    unit: 'ms',
    samples,
    ...extra,
  };
}

async function run(ctx: SectionContext): Promise<SectionResult> {
  const sizes = { years: 5, contacts: 100_000, entries: 20_000, clients: 20 };
  const subject = '5 years: 100k contacts, 20k entries, 20 clients';
  const rounds = ctx.quick
    ? { analysis: 5, log: 30, open: 2 }
    : { analysis: 15, log: 100, open: 5 };
  ctx.log('  generating the sample ledger');
  const data = generateLedger({ ...sizes, seed: SEED });
  const rows: BenchRow[] = [];

  ctx.log('  full analysis');
  const settings = { timeZone: 'Europe/Berlin', now: data.now };
  analyse({ ...data, settings }); // warm-up: JIT and the zone's offset cache
  const analysis = timed(rounds.analysis, () => void analyse({ ...data, settings }));
  rows.push(
    row(subject, 'full analysis (analyse): time', analysis, {
      target: TARGETS.analysisMs,
      note: 'median; gc before each run',
    }),
  );

  const dir = await mkdtemp(join(tmpdir(), 'office-hours-bench-ledger-'));
  try {
    ctx.log('  writing the data file (about 20 MB)');
    const store = openStore(dir, { watch: false });
    store.update((d) => {
      d.settings.userTimeZone = 'Europe/Berlin';
      d.clients = data.clients.map(storedClient);
      d.contacts = data.contacts;
      d.timeEntries = data.entries;
    });
    // Folding is measured on its own below: keep it out of the logging samples.
    const ledger = new LedgerService({
      store,
      dataDir: dir,
      now: () => Date.parse(data.now),
      book: { foldAt: 1_000_000 },
    });
    ctx.log('  logging contacts through the store');
    ledger.logContact({ clientId: 'client-1', kind: 'call' }); // warm-up
    const log = timed(
      rounds.log,
      (i) =>
        void ledger.logContact({ clientId: `client-${(i % 20) + 1}`, kind: 'call', minutes: 5 }),
    );
    rows.push(
      row(subject, 'log one contact (logContact, on disk on return): time', log, {
        target: TARGETS.logMs,
        note: `median of ${rounds.log}; p99 ${p99(log).toFixed(1)} ms; journal append + fsync, the week count, no fold`,
      }),
    );

    ctx.log('  report through the ledger service');
    // A different last day each run: the service keeps the last analysis while nothing changes.
    const report = timed(
      Math.min(rounds.analysis, 5),
      (i) => void ledger.report({ from: '2025-04-01', to: `2025-06-${20 + i}` }),
    );
    rows.push(
      row(subject, 'report (ledger service: contacts, analysis, JSON): time', report, {
        note: 'median; a fresh analysis each run',
      }),
    );

    ctx.log('  folding the journal into the data file');
    const fold = timed(ctx.quick ? 1 : 3, () => {
      ledger.logContact({ clientId: 'client-1', kind: 'email' });
      ledger.book.fold();
    });
    rows.push(
      row(subject, 'fold the journal into the data file: time', fold, {
        note: 'whole data file rewritten + fsync; happens once every 200 logged contacts and on imports',
      }),
    );

    ctx.log('  merging calendar meetings after a sync that found nothing new');
    const now = Date.parse(data.now);
    const meetings = calendarMeetings(now);
    const window = { from: now - 35 * 86_400_000, to: now + 60 * 86_400_000 };
    ledger.syncCalendarContacts(meetings, window); // the first merge writes them
    const merge = timed(
      ctx.quick ? 3 : 10,
      () => void ledger.syncCalendarContacts(meetings, window),
    );
    rows.push(
      row(subject, 'calendar merge on a sync with nothing new: time', merge, {
        note: `median; ${meetings.length} client meetings in the window, nothing written`,
      }),
    );
    store.close();

    ctx.log('  opening the store');
    const open = timed(rounds.open, () => openStore(dir, { watch: false }).close());
    rows.push(
      row(subject, 'open the store at start (read, validate): time', open, {
        note: 'median; JSON parse + schema validation of the whole file',
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { rows, meta: { sizes, seed: SEED, rounds, timingMethod: 'gc before each run; medians' } };
}

/** The ledger section. */
export const ledgerSection: Section = { name: SECTION, run };
