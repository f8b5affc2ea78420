/** The tray state's parts as pure functions of what the core answers (clients, calendars, contacts). */
import type { CalendarView, ClientView } from '../../shared/api.js';
import type { Contact } from '../../shared/ledger.js';
import type { CalendarHealth } from './notification-rules.js';
import type { FailingCalendar, TrayClient } from './tray-menu.js';

/** The clients as the tray lists them. */
export function trayClientsOf(clients: readonly ClientView[]): TrayClient[] {
  return clients.map((c) => ({ id: c.id, name: c.name, statusLink: c.statusLink }));
}

/** Calendars whose latest sync failed (ignored calendars do not count). */
export function failingCalendarsOf(calendars: readonly CalendarView[]): FailingCalendar[] {
  return calendars
    .filter((c) => !c.status.ok && c.role !== 'ignore')
    .map((c) => ({
      id: c.id,
      name: c.name,
      lastSuccessAt: c.status.lastSuccessAt ?? null,
      error: c.status.error ?? 'unknown error',
    }));
}

/** The calendars' health for the failure notices. */
export function calendarHealthOf(calendars: readonly CalendarView[]): CalendarHealth[] {
  return calendars
    .filter((c) => c.role !== 'ignore')
    .map((c) => ({
      id: c.id,
      name: c.name,
      ok: c.status.ok,
      addedAt: c.addedAt,
      ...(c.status.error !== undefined ? { error: c.status.error } : {}),
      ...(c.status.lastSuccessAt !== undefined ? { lastSuccessAt: c.status.lastSuccessAt } : {}),
    }));
}

/** The client a contact was last logged for by hand (newest first in `contacts`), if any is still a client. */
export function lastUsedClientId(
  contacts: readonly Contact[],
  clients: readonly { id: string }[],
): string | null {
  const known = new Set(clients.map((c) => c.id));
  const last = contacts.find((c) => c.source === 'manual' && known.has(c.clientId));
  return last?.clientId ?? null;
}
