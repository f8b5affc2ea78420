/** The stored clients as the ledger sees them: by name, with their ledger settings, matched to time entries. */
import type { LedgerClient, TimeEntry } from '../../../shared/ledger.js';
import type { Data } from '../store/schema.js';
import { indexClients } from './client-match.js';

/** The stored clients with their target rates (settings) and next standing call (the calendar). */
export function toLedgerClients(
  data: Data,
  nextStandingCalls: ReadonlyMap<string, string>,
): LedgerClient[] {
  return data.clients.map((c) => {
    const client: LedgerClient = {
      id: c.id,
      name: c.name,
      currency: c.currency,
      hourlyRateMinor: c.hourlyRateMinor,
      adHocAllowancePerWeek: c.adHocAllowancePerWeek,
      phones: [...c.phones],
      locale: c.locale,
      timeZone: c.timeZone,
    };
    const target = data.settings.ledger.targetRates[c.id];
    if (target !== undefined) client.targetRateMinor = target;
    const next = nextStandingCalls.get(c.id);
    if (next !== undefined)
      Object.assign(client, { nextStandingCall: next, hasStandingCall: true });
    return client;
  });
}

/** Time entries with the client filled in where the tracker's name matches a client added since the import. */
export function withClientIds(
  entries: readonly TimeEntry[],
  clients: readonly LedgerClient[],
): readonly TimeEntry[] {
  if (entries.every((e) => e.clientId !== undefined)) return entries;
  const index = indexClients(clients);
  const byName = new Map<string, string | undefined>();
  return entries.map((e) => {
    if (e.clientId !== undefined) return e;
    if (!byName.has(e.clientName)) byName.set(e.clientName, index.byName(e.clientName)?.id);
    const clientId = byName.get(e.clientName);
    return clientId === undefined ? e : { ...e, clientId };
  });
}
