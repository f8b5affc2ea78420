/**
 * A deterministic synthetic ledger (seeded PRNG) for benchmarks and load tests: clients with rates in
 * EUR and USD, contacts of every kind spread over working hours, and time entries, some priced by the
 * tracker. Demand is skewed (client 1 calls far more than client 20), as it is in life.
 */
import type { Contact, ContactKind, LedgerClient, TimeEntry } from '../../../shared/ledger.js';
import { formatIsoDate } from '../time/civil.js';

/** How much to generate. */
export interface SampleOptions {
  years?: number;
  contacts?: number;
  entries?: number;
  clients?: number;
  seed?: number;
  /** The last instant of the data (default 2025-06-30T16:00:00Z), also a good "now" for analysis. */
  end?: string;
}

/** A generated ledger. */
export interface SampleLedger {
  clients: LedgerClient[];
  contacts: Contact[];
  entries: TimeEntry[];
  /** The end of the data, ISO. */
  now: string;
}

/** mulberry32: a small fast seeded PRNG, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const KINDS: readonly [ContactKind, number, number, number][] = [
  // kind, weight, min minutes, max minutes
  ['call', 35, 2, 30],
  ['missed-call', 10, 0, 0],
  ['voicemail', 5, 1, 2],
  ['ad-hoc-meeting', 10, 15, 60],
  ['scheduled-meeting', 15, 30, 60],
  ['email', 15, 3, 10],
  ['message', 10, 1, 3],
];

/** Generates a ledger of the given size. */
export function generateLedger(options: SampleOptions = {}): SampleLedger {
  const years = options.years ?? 5;
  const nClients = Math.max(1, options.clients ?? 20);
  const rand = prng(options.seed ?? 1);
  const end = Date.parse(options.end ?? '2025-06-30T16:00:00Z');
  const start = end - years * 365.2425 * 86_400_000;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

  const clients: LedgerClient[] = [];
  for (let i = 0; i < nClients; i++) {
    const usd = i % 5 === 4;
    clients.push({
      id: `client-${i + 1}`,
      name: `Client ${String(i + 1).padStart(2, '0')}`,
      currency: usd ? 'USD' : 'EUR',
      hourlyRateMinor: int(8, 18) * 1000,
      locale: usd ? 'en-US' : 'de-DE',
      timeZone: usd ? 'America/New_York' : 'Europe/Berlin',
      phones: [`+49 30 ${1000 + i}`],
      ...(i % 3 === 0
        ? { nextStandingCall: new Date(end + (i + 1) * 86_400_000).toISOString() }
        : {}),
    });
  }
  // Zipf-like weights: the first clients are the demanding ones.
  const weights = clients.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((acc, w) => {
    cumulative.push((acc + w) / total);
    return acc + w;
  }, 0);
  const pickClient = (): LedgerClient => {
    const r = rand();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 1) < r) lo = mid + 1;
      else hi = mid;
    }
    return clients[lo] as LedgerClient;
  };
  const kindWeight = KINDS.reduce((a, k) => a + k[1], 0);
  const pickKind = (): (typeof KINDS)[number] => {
    let r = rand() * kindWeight;
    for (const k of KINDS) {
      r -= k[1];
      if (r < 0) return k;
    }
    return KINDS[0] as (typeof KINDS)[number];
  };
  // A working-hours instant: a random day in the span, 07:00–17:00 UTC.
  const workInstant = (): number => {
    const day = Math.floor((start + rand() * (end - start)) / 86_400_000);
    return day * 86_400_000 + int(7 * 60, 17 * 60) * 60_000;
  };

  const contacts: Contact[] = [];
  for (let i = 0; i < (options.contacts ?? 100_000); i++) {
    const client = pickClient();
    const [kind, , lo, hi] = pickKind();
    contacts.push({
      id: `contact-${i}`,
      clientId: client.id,
      kind,
      at: new Date(workInstant()).toISOString(),
      minutes: int(lo, hi),
      scheduled: kind === 'scheduled-meeting',
      source: kind.endsWith('meeting') ? 'calendar' : 'manual',
    });
  }
  const entries: TimeEntry[] = [];
  for (let i = 0; i < (options.entries ?? 20_000); i++) {
    const client = pickClient();
    const minutes = int(1, 32) * 15;
    const billable = rand() < 0.85;
    const entry: TimeEntry = {
      id: `entry-${i}`,
      clientId: client.id,
      clientName: client.name,
      date: formatIsoDate(Math.floor(workInstant() / 86_400_000)),
      minutes,
      billable,
      source: 'toggl',
      importKey: `sample:${i}`,
    };
    if (billable && rand() < 0.5) {
      entry.amountMinor = Math.round((minutes * (client.hourlyRateMinor ?? 0)) / 60);
      entry.currency = client.currency;
    }
    entries.push(entry);
  }
  return { clients, contacts, entries, now: new Date(end).toISOString() };
}
