import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/ledger.js';
import {
  deriveCalendarContacts,
  meetingToContact,
  syncCalendarContacts,
  type ClientMeeting,
} from './calendar-demand.js';

const H = 3_600_000;
const start = Date.parse('2025-03-05T14:00:00Z');
const meeting = (over: Partial<ClientMeeting> = {}): ClientMeeting => ({
  uid: 'm1@example.com',
  start,
  end: start + H,
  clientId: 'acme',
  recurring: false,
  ...over,
});

describe('ad-hoc meetings from the calendar', () => {
  it('draws the line at 24 hours of notice: just under is ad hoc, exactly 24 h is scheduled', () => {
    const under = meetingToContact(meeting({ created: start - 24 * H + 60_000 }));
    expect([under.kind, under.scheduled, under.leadTimeMinutes]).toEqual([
      'ad-hoc-meeting',
      false,
      24 * 60 - 1,
    ]);
    const exactly = meetingToContact(meeting({ created: start - 24 * H }));
    expect([exactly.kind, exactly.scheduled, exactly.leadTimeMinutes]).toEqual([
      'scheduled-meeting',
      true,
      24 * 60,
    ]);
    expect(meetingToContact(meeting({ created: start - 3 * H }), { adHocLeadHours: 2 }).kind).toBe(
      'scheduled-meeting',
    );
  });

  it('counts a standing call as scheduled however late it was created', () => {
    const c = meetingToContact(meeting({ recurring: true, created: start - H }));
    expect([c.kind, c.note]).toEqual(['scheduled-meeting', 'standing call']);
  });

  it('uses LAST-MODIFIED when CREATED is missing, DTSTAMP only when trusted, and else assumes scheduled', () => {
    expect(meetingToContact(meeting({ lastModified: start - H })).kind).toBe('ad-hoc-meeting');
    expect(meetingToContact(meeting({ lastModified: start + H })).kind).toBe('scheduled-meeting');
    expect(meetingToContact(meeting({ dtstamp: start - H })).kind).toBe('scheduled-meeting');
    expect(meetingToContact(meeting({ dtstamp: start - H }), { trustDtstamp: true }).kind).toBe(
      'ad-hoc-meeting',
    );
    expect(meetingToContact(meeting()).leadTimeMinutes).toBeUndefined();
  });

  it('gives stable ids and fills the contact', () => {
    const a = meetingToContact(meeting({ created: start - H }));
    expect(a).toEqual({
      id: a.id,
      clientId: 'acme',
      kind: 'ad-hoc-meeting',
      at: '2025-03-05T14:00:00.000Z',
      minutes: 60,
      scheduled: false,
      source: 'calendar',
      importKey: a.id,
      leadTimeMinutes: 60,
    });
    expect(meetingToContact(meeting({ created: start - 2 * H })).id).toBe(a.id);
    expect(
      meetingToContact(meeting({ start: start + 7 * 24 * H, end: start + 7 * 24 * H + H })).id,
    ).not.toBe(a.id);
  });

  it('derives only meetings that have started, in order', () => {
    const later = meeting({ uid: 'm2', start: start + 48 * H, end: start + 49 * H });
    const derived = deriveCalendarContacts([later, meeting()], { now: start + H });
    expect(derived.map((c) => c.at)).toEqual(['2025-03-05T14:00:00.000Z']);
  });
});

describe('re-deriving after a sync', () => {
  it('replaces calendar contacts inside the window, keeps older history and hand-logged contacts', () => {
    const window = { from: start - 24 * H, to: start + 30 * 24 * H };
    const old: Contact = {
      ...meetingToContact(
        meeting({ uid: 'old', start: start - 60 * 24 * H, end: start - 60 * 24 * H + H }),
      ),
    };
    const manual: Contact = {
      id: 'x',
      clientId: 'acme',
      kind: 'call',
      at: '2025-03-05T15:00:00.000Z',
      minutes: 3,
      scheduled: false,
      source: 'manual',
    };
    const cancelled = meetingToContact(meeting({ uid: 'gone' }));
    const kept = {
      ...meetingToContact(meeting({ created: start - 48 * H })),
      note: 'prep the slides',
    };
    const existing = [old, manual, cancelled, kept];

    // The meeting turns out to have been moved in on short notice (its CREATED changed): now ad hoc.
    const fresh = deriveCalendarContacts([
      meeting({ created: start - H }),
      meeting({ uid: 'new', start: start + 24 * H, end: start + 25 * H }),
    ]);
    const r = syncCalendarContacts(existing, fresh, window);
    expect([r.added, r.removed, r.changed]).toEqual([1, 1, 1]);
    expect(r.contacts.map((c) => c.id)).toEqual([old.id, 'x', kept.id, fresh[1]?.id]);
    expect(r.contacts[2]).toMatchObject({ kind: 'ad-hoc-meeting', note: 'prep the slides' });

    // Deriving again from the same calendar changes nothing.
    const again = syncCalendarContacts(r.contacts, fresh, window);
    expect([again.added, again.removed, again.changed]).toEqual([0, 0, 0]);
    expect(again.contacts).toEqual(r.contacts);
  });
});
