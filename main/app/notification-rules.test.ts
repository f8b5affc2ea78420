import { describe, expect, it } from 'vitest';
import type { StatusNow } from '../../shared/domain.js';
import type { LoggedContact } from '../../shared/rate-case.js';
import { createAppWords } from './i18n.js';
import {
  CALENDAR_FAILING_NOTICE_MS,
  actionFailedNotice,
  allowanceKey,
  allowanceNotices,
  calendarFailureNotices,
  focusChangeNotice,
  loggedNotice,
  overrideEndingNotice,
  overrideWarningAt,
  undoneNotice,
} from './notification-rules.js';

const en = createAppWords('en');
const de = createAppWords('de');
const fmt = (iso: string) => iso.slice(11, 16);
const at = Date.parse('2025-03-03T10:00:00.000Z');
const free: StatusNow = {
  at: '2025-03-03T10:00:00.000Z',
  state: 'available',
  available: true,
  reason: 'available',
  since: null,
  until: '2025-03-03T11:00:00.000Z',
  next: null,
  overridden: false,
};
const focus: StatusNow = { ...free, state: 'focus', available: false, reason: 'focus time' };
const logged = (adHoc: number, allowance = 2, current = true): LoggedContact => ({
  contact: {
    id: 'k1',
    clientId: 'acme',
    kind: 'call',
    at: '2025-03-03T09:40:00.000Z',
    minutes: 10,
    scheduled: false,
    source: 'manual',
  },
  clientName: 'Acme',
  week: { start: '2025-03-03', current, contacts: adHoc, adHoc, allowance },
});

describe('focus block notices', () => {
  it('tell when a focus block starts and ends, not on start-up or a recomputation', () => {
    expect(focusChangeNotice(null, focus, en, fmt)).toBeNull();
    expect(
      focusChangeNotice(focus, { ...focus, at: '2025-03-03T10:05:00.000Z' }, en, fmt),
    ).toBeNull();
    expect(focusChangeNotice(free, { ...free, state: 'meeting' }, en, fmt)).toBeNull();
    expect(focusChangeNotice(free, focus, en, fmt)).toEqual({
      title: 'Focus block',
      body: 'Until 11:00 — calls wait.',
    });
    expect(focusChangeNotice(free, { ...focus, until: null }, en, fmt)?.body).toBe(
      'Calls wait until it ends.',
    );
    expect(focusChangeNotice(focus, free, en, fmt)).toEqual({
      title: 'Focus block over',
      body: 'Now: Available',
    });
    expect(focusChangeNotice(focus, free, de, fmt)).toEqual({
      title: 'Fokusblock vorbei',
      body: 'Jetzt: Erreichbar',
    });
  });
});

describe('allowance notices', () => {
  const standing = (adHoc: number, allowance = 2, current = true, clientId = 'acme') => ({
    clientId,
    clientName: clientId === 'acme' ? 'Acme' : 'Globex',
    week: { start: '2025-03-03', current, contacts: adHoc, adHoc, allowance },
  });

  it('fire once the unscheduled contacts pass the allowance in the current week, once per client and week', () => {
    expect(allowanceNotices([standing(2)], new Set(), en).notices).toEqual([]);
    const first = allowanceNotices([standing(3)], new Set(), en);
    expect(first.notices).toEqual([
      {
        title: 'Acme: weekly allowance passed',
        body: '3 unscheduled contacts this week, 2 agreed.',
      },
    ]);
    expect(allowanceKey(standing(3))).toBe('acme@2025-03-03');
    expect([...first.told]).toEqual(['acme@2025-03-03']);
    expect(allowanceNotices([standing(4)], first.told, en).notices).toEqual([]);
    expect(allowanceNotices([standing(4)], new Set(['acme@2025-02-24']), en).notices).toHaveLength(
      1,
    );
    expect(allowanceNotices([standing(5, 2, false)], new Set(), en).notices).toEqual([]);
  });

  it('keep only the current week’s keys, and tell each client on its own', () => {
    const { notices, told } = allowanceNotices(
      [standing(3), standing(1, 0, true, 'globex')],
      new Set(['acme@2025-02-24', 'gone@2025-03-03', 'acme@2025-03-03']),
      de,
    );
    expect(notices.map((n) => n.title)).toEqual(['Globex: Wochenkontingent überschritten']);
    expect([...told].sort()).toEqual(['acme@2025-03-03', 'globex@2025-03-03']);
  });
});

describe('calendar failure notices', () => {
  const calendar = {
    id: 'w',
    name: 'Work calendar',
    ok: false,
    error: 'HTTP 401',
    lastSuccessAt: '2025-03-03T09:12:00.000Z',
    addedAt: '2025-01-01T00:00:00.000Z',
  };
  const last = Date.parse(calendar.lastSuccessAt);

  it('waits for an hour of failure, tells once, and again only after a recovery', () => {
    const early = calendarFailureNotices(
      [calendar],
      new Set(),
      last + CALENDAR_FAILING_NOTICE_MS - 1,
      en,
      fmt,
    );
    expect(early.notices).toEqual([]);
    expect(early.told.size).toBe(0);
    const due = calendarFailureNotices(
      [calendar],
      early.told,
      last + CALENDAR_FAILING_NOTICE_MS + 1,
      en,
      fmt,
    );
    expect(due.notices).toEqual([
      {
        title: 'Work calendar is not syncing',
        body: 'Not synced since 09:12: HTTP 401. The last good copy is in use.',
      },
    ]);
    const again = calendarFailureNotices(
      [calendar],
      due.told,
      last + 3 * CALENDAR_FAILING_NOTICE_MS,
      en,
      fmt,
    );
    expect(again.notices).toEqual([]);
    const recovered = calendarFailureNotices(
      [{ ...calendar, ok: true }],
      again.told,
      last + 4e6,
      en,
      fmt,
    );
    expect(recovered.told.size).toBe(0);
    const failsAgain = calendarFailureNotices([calendar], recovered.told, last + 5e6, en, fmt);
    expect(failsAgain.notices).toHaveLength(1);
  });

  it('counts from the day it was added when it never synced', () => {
    const { lastSuccessAt: _never, ...neverSynced } = calendar;
    const result = calendarFailureNotices([neverSynced], new Set(), at, de, fmt);
    expect(result.notices[0]?.body).toBe('Noch nie synchronisiert: HTTP 401.');
  });
});

describe('override ending notices', () => {
  const byHand: StatusNow = {
    ...focus,
    state: 'away',
    overridden: true,
    until: '2025-03-03T10:30:00.000Z',
  };
  const end = Date.parse(byHand.until!);

  it('are due five minutes before a timed override ends', () => {
    expect(overrideWarningAt(byHand, at)).toBe(end - 5 * 60_000);
    expect(overrideWarningAt(byHand, end - 60_000)).toBe(end - 60_000);
    expect(overrideWarningAt(byHand, end)).toBeNull();
    expect(overrideWarningAt({ ...byHand, until: null }, at)).toBeNull();
    expect(overrideWarningAt(focus, at)).toBeNull();
    expect(overrideEndingNotice(byHand, at, en, fmt)).toBeNull();
    expect(overrideEndingNotice(byHand, end - 5 * 60_000, en, fmt)).toEqual({
      title: 'Your manual status ends soon',
      body: 'Away ends at 10:30; then the calendar decides again.',
    });
  });
});

describe('logged and failure notices', () => {
  it('say what was logged against the allowance, with Undo', () => {
    expect(loggedNotice(logged(3), 'call', en, fmt)).toEqual({
      title: 'Logged — Acme: 3 of 2 unscheduled this week',
      body: 'Call at 09:40. Click to undo.',
      actions: ['Undo'],
    });
    expect(loggedNotice(logged(1), 'voicemail', de, fmt)).toMatchObject({
      title: 'Erfasst — Acme: 1 von 2 ungeplant diese Woche',
      actions: ['Rückgängig'],
    });
    expect(undoneNotice('Acme', 'missed-call', en).body).toBe(
      'Missed call for Acme: no longer logged.',
    );
    expect(actionFailedNotice('log contact', new Error('no client with id x'), en)).toEqual({
      title: 'That did not work',
      body: 'log contact: no client with id x',
    });
  });
});
