import { describe, expect, it } from 'vitest';
import type { CalendarView, ClientView } from '../../shared/api.js';
import type { Contact } from '../../shared/ledger.js';
import {
  calendarHealthOf,
  failingCalendarsOf,
  lastUsedClientId,
  trayClientsOf,
} from './tray-state.js';

const calendar = (id: string, changes: Partial<CalendarView> = {}): CalendarView => ({
  id,
  name: `Cal ${id}`,
  location: 'https://example.com/secret.ics',
  kind: 'url',
  refreshMinutes: 5,
  role: 'busy',
  addedAt: '2025-01-01T00:00:00.000Z',
  displayLocation: 'https://example.com',
  status: { id, ok: true },
  ...changes,
});

describe('tray state from the core', () => {
  it('lists failing calendars (not ignored ones) with their last success and error', () => {
    const views = [
      calendar('a'),
      calendar('b', {
        status: {
          id: 'b',
          ok: false,
          error: 'HTTP 401',
          lastSuccessAt: '2025-03-03T09:12:00.000Z',
        },
      }),
      calendar('c', { role: 'ignore', status: { id: 'c', ok: false, error: 'HTTP 500' } }),
      calendar('d', { status: { id: 'd', ok: false } }),
    ];
    expect(failingCalendarsOf(views)).toEqual([
      { id: 'b', name: 'Cal b', lastSuccessAt: '2025-03-03T09:12:00.000Z', error: 'HTTP 401' },
      { id: 'd', name: 'Cal d', lastSuccessAt: null, error: 'unknown error' },
    ]);
    expect(calendarHealthOf(views).map((c) => [c.id, c.ok])).toEqual([
      ['a', true],
      ['b', false],
      ['d', false],
    ]);
  });

  it('keeps only what the tray shows of a client', () => {
    const view = {
      id: 'x',
      name: 'Acme',
      statusLink: 'http://h/s/t',
      domains: ['acme.com'],
    } as unknown as ClientView;
    expect(trayClientsOf([view])).toEqual([{ id: 'x', name: 'Acme', statusLink: 'http://h/s/t' }]);
  });

  it('finds the client last logged by hand that still exists', () => {
    const contact = (clientId: string, source: Contact['source']): Contact => ({
      id: `${clientId}-${source}`,
      clientId,
      kind: 'call',
      at: '2025-03-03T09:00:00.000Z',
      minutes: 10,
      scheduled: false,
      source,
    });
    const clients = [{ id: 'a' }, { id: 'b' }];
    expect(
      lastUsedClientId(
        [contact('b', 'calendar'), contact('gone', 'manual'), contact('a', 'manual')],
        clients,
      ),
    ).toBe('a');
    expect(lastUsedClientId([contact('b', 'calendar')], clients)).toBeNull();
  });
});
