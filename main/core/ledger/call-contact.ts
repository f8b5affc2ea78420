/**
 * Turning calls read from a phone's or a router's log into contacts with the user's clients: one
 * builder the FRITZ!Box and Android importers share, so both map call kinds, match numbers (E.164)
 * and names, and key rows for duplicate detection the same way.
 *
 * Kinds: incoming → call; missed → missed-call; rejected → missed-call noted "rejected" (the client
 * tried to reach the user: that is demand, whoever pressed the red button); voicemail → voicemail;
 * outgoing → call marked `scheduled` and noted "outgoing call", because the user chose the moment:
 * its minutes are time spent for the client, but it never counts as an interruption.
 */
import type { Contact, ContactKind, LedgerClient } from '../../../shared/ledger.js';
import type { ImportPreviewRow } from '../../../shared/rate-case.js';
import { foldName, indexClients, type ClientMatcherIndex } from './client-match.js';
import { OccurrenceKeyer } from './import-key.js';
import { toE164, type CountryCode } from './phone-number.js';

/** Which way a call went, as the logs tell it. */
export type CallDirection = 'in' | 'out' | 'missed' | 'rejected' | 'voicemail';

/** One call as read from a log. */
export interface CallRecord {
  /** Start, epoch ms. */
  at: number;
  /** The other party's numbers as written, most trustworthy first (may be empty). */
  numbers: readonly string[];
  /** The other party's name as the log has it ('' for none). */
  name: string;
  direction: CallDirection;
  /** Talk time in seconds (0 for calls nobody answered). */
  seconds: number;
}

const KINDS: Readonly<Record<CallDirection, ContactKind>> = {
  in: 'call',
  out: 'call',
  missed: 'missed-call',
  rejected: 'missed-call',
  voicemail: 'voicemail',
};

/** How many calls with nobody the user bills an import keeps to show (the rest are only counted). */
export const UNMATCHED_SHOWN = 10;

/** Keeps `row` among the first UNMATCHED_SHOWN unmatched calls of a file. */
export function keepUnmatched(kept: ImportPreviewRow[], row: ImportPreviewRow): void {
  if (kept.length < UNMATCHED_SHOWN) kept.push(row);
}

/** Collects the contacts of one file's calls, counting the calls with nobody the user bills. */
export class CallContacts {
  readonly entries: Contact[] = [];
  unmatched = 0;
  /** The first calls that matched no client, as the caller is written in the log. */
  readonly unmatchedCalls: ImportPreviewRow[] = [];
  private readonly clients: ClientMatcherIndex;
  private readonly keyer: OccurrenceKeyer;
  private readonly numbers = new Map<string, string | undefined>();

  /** `source` names the log format in the import keys ("fritzbox", "android-calls"). */
  constructor(
    source: string,
    clients: readonly LedgerClient[],
    private readonly region: CountryCode | undefined,
  ) {
    this.clients = indexClients(clients, region);
    this.keyer = new OccurrenceKeyer(source);
  }

  /** A number in E.164, parsed once per notation per file. */
  private e164(raw: string): string | undefined {
    if (this.numbers.has(raw)) return this.numbers.get(raw);
    const n = toE164(raw, this.region);
    if (this.numbers.size < 100_000) this.numbers.set(raw, n);
    return n;
  }

  /** Adds the call as a contact when it matches a client (by number, else by name). */
  add(call: CallRecord): void {
    let client: LedgerClient | undefined;
    for (const number of call.numbers) {
      if (number.trim() !== '') client ??= this.clients.byPhone(number);
    }
    if (!client && call.name !== '') client = this.clients.byName(call.name);
    if (!client) {
      this.unmatched++;
      keepUnmatched(this.unmatchedCalls, {
        when: new Date(call.at).toISOString(),
        client: call.name !== '' ? call.name : (call.numbers[0] ?? ''),
        matched: false,
        what: call.direction === 'out' ? 'call (outgoing)' : KINDS[call.direction],
        minutes:
          call.direction === 'missed' || call.direction === 'rejected'
            ? 0
            : Math.ceil(call.seconds / 60),
      });
      return;
    }
    const at = new Date(call.at).toISOString();
    const who = call.numbers.map((n) => this.e164(n) ?? '').join(',');
    const importKey = this.keyer.next([
      at,
      who === '' ? foldName(call.name) : who,
      call.direction,
      call.seconds,
    ]);
    const kind = KINDS[call.direction];
    const contact: Contact = {
      id: importKey,
      clientId: client.id,
      kind,
      at,
      minutes: kind === 'missed-call' ? 0 : Math.ceil(call.seconds / 60),
      scheduled: call.direction === 'out',
      source: 'import:calls',
      importKey,
    };
    if (call.direction === 'out') contact.note = 'outgoing call';
    if (call.direction === 'rejected') contact.note = 'rejected';
    this.entries.push(contact);
  }
}

/** Counts of rows left out on purpose, by reason ("blocked", …), in the order first seen. */
export class SkipReasons {
  private readonly counts = new Map<string, number>();

  /** Counts one row left out for `reason`. */
  add(reason: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }

  /** All rows left out. */
  get total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  /** The reasons and their counts. */
  list(): { reason: string; count: number }[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count }));
  }
}
