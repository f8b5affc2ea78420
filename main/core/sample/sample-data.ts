/**
 * "Try with sample data", and taking it away again in one step. What the sample adds is written in
 * one store write and recorded by id in `data.sample` (schema.ts), so removing it deletes exactly
 * that: the sample calendar and its file, the sample clients, their time entries and target rates,
 * and every contact of a sample client — also one the user logged against it meanwhile, since a
 * contact of a made-up client is made up too. Whatever else the user added meanwhile (calendars,
 * clients, their contacts and imports, settings) is left as it is.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalendarSource, Client } from '../../../shared/domain.js';
import { ConflictError } from '../../../shared/errors.js';
import type { Contact } from '../../../shared/ledger.js';
import type { SampleDataRemoved, SampleDataState } from '../../../shared/sample-data.js';
import { newClientRecord } from '../clients.js';
import type { ContactBook } from '../ledger/contact-book.js';
import type { LedgerChange } from '../ledger/ledger.js';
import type { Data } from '../store/schema.js';
import { sampleSet, type SampleSet } from './sample-set.js';

/** The sample calendar's file, inside the data folder (removed with the sample). */
export function sampleCalendarPath(dataDir: string): string {
  return join(dataDir, 'sample', 'sample-calendar.ics');
}

/** The sample data's state as the dashboard sees it. */
export function sampleState(data: Data): SampleDataState {
  const s = data.sample;
  return s
    ? {
        present: true,
        addedAt: s.addedAt,
        calendarIds: [...s.calendarIds],
        clientIds: [...s.clientIds],
      }
    : { present: false, addedAt: null, calendarIds: [], clientIds: [] };
}

/** What adding and removing need. */
export interface SampleContext {
  book: ContactBook;
  dataDir: string;
  now: number;
  /** Makes the calendar record for the sample calendar's file (the service's `newSource`). */
  newCalendar: (location: string, name: string) => CalendarSource;
}

/**
 * Adds the sample in one write and returns the sample calendar (for the caller to sync). Refused
 * with a ConflictError when sample data is there already, or a client of the user's has the name of
 * a sample client.
 */
export function addSampleData(
  ctx: SampleContext,
  data: Data,
  language: 'en' | 'de',
): CalendarSource {
  if (data.sample)
    throw new ConflictError({
      field: 'sample',
      problem: 'the sample data is there already; remove it before adding it again',
    });
  const set = sampleSet(
    ctx.now,
    data.settings.userTimeZone,
    data.settings.ledger.currency,
    language,
  );
  const file = sampleCalendarPath(ctx.dataDir);
  const calendar = ctx.newCalendar(file, set.calendarName);
  mkdirSync(join(ctx.dataDir, 'sample'), { recursive: true, mode: 0o700 });
  writeFileSync(file, set.ics, { mode: 0o600 });
  try {
    commitSample(ctx, set, calendar);
  } catch (error) {
    // Nothing was stored: the calendar file goes too.
    rmSync(file, { force: true });
    throw error;
  }
  return calendar;
}

function commitSample(ctx: SampleContext, set: SampleSet, calendar: CalendarSource): void {
  ctx.book.commit((draft, contacts) => {
    if (draft.sample)
      throw new ConflictError({ field: 'sample', problem: 'the sample data is there already' });
    const clients: Client[] = [];
    const added: Contact[] = [];
    const entryIds: string[] = [];
    for (const sample of set.clients) {
      // One at a time, so each gets its own colour and a name clash is found before anything is written.
      const client = newClientRecord(
        { clients: [...draft.clients, ...clients], settings: draft.settings },
        sample.input,
        ctx.now,
      );
      clients.push(client);
      added.push(...sample.contacts(client.id));
      const entries = sample.entries(client.id);
      draft.timeEntries.push(...entries);
      entryIds.push(...entries.map((e) => e.id));
      if (sample.targetRateMinor !== undefined)
        draft.settings.ledger.targetRates[client.id] = sample.targetRateMinor;
    }
    draft.clients.push(...clients);
    draft.calendars.push(calendar);
    draft.sample = {
      addedAt: new Date(ctx.now).toISOString(),
      calendarIds: [calendar.id],
      clientIds: clients.map((c) => c.id),
      timeEntryIds: entryIds,
    };
    return { contacts: { ...contacts, items: [...contacts.items, ...added] }, result: undefined };
  });
}

/** Removes the sample in one write (nothing when there is none); says how much went. */
export function removeSampleData(ctx: SampleContext): SampleDataRemoved {
  const removed = ctx.book.commit((draft, contacts) => {
    const marker = draft.sample;
    const counts: SampleDataRemoved = { calendars: 0, clients: 0, contacts: 0, timeEntries: 0 };
    if (!marker) return { result: counts };
    const clientIds = new Set(marker.clientIds);
    const calendarIds = new Set(marker.calendarIds);
    const entryIds = new Set(marker.timeEntryIds);
    const before = { ...draft };
    draft.clients = draft.clients.filter((c) => !clientIds.has(c.id));
    draft.calendars = draft.calendars.filter((c) => !calendarIds.has(c.id));
    draft.timeEntries = draft.timeEntries.filter((e) => !entryIds.has(e.id));
    for (const id of clientIds) delete draft.settings.ledger.targetRates[id];
    draft.sample = null;
    const items = contacts.items.filter((c) => !clientIds.has(c.clientId));
    const gone = new Set(contacts.items.filter((c) => clientIds.has(c.clientId)).map((c) => c.id));
    counts.calendars = before.calendars.length - draft.calendars.length;
    counts.clients = before.clients.length - draft.clients.length;
    counts.timeEntries = before.timeEntries.length - draft.timeEntries.length;
    counts.contacts = contacts.items.length - items.length;
    const undo = contacts.undo.flatMap((change) => keptChange(change, gone, clientIds));
    return { contacts: { ...contacts, items, undo }, result: counts };
  });
  rmSync(sampleCalendarPath(ctx.dataDir), { force: true });
  return removed;
}

/** An undo step without the sample's contacts: undoing must not bring one back. */
function keptChange(
  change: LedgerChange<Contact>,
  gone: ReadonlySet<string>,
  clientIds: ReadonlySet<string>,
): LedgerChange<Contact>[] {
  switch (change.op) {
    case 'add':
      return gone.has(change.id) ? [] : [change];
    case 'edit':
      return gone.has(change.before.id) || clientIds.has(change.before.clientId) ? [] : [change];
    case 'delete':
      return clientIds.has(change.item.clientId) ? [] : [change];
    case 'import': {
      const ids = change.ids.filter((id) => !gone.has(id));
      return ids.length === 0 ? [] : [{ op: 'import', ids }];
    }
  }
}
