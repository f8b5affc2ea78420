import { describe, expect, it } from 'vitest';
import type { AvailabilityState } from '../../../shared/domain.js';
import {
  buildTimeline,
  segmentsBetween,
  statusAt,
  toTimelineSegment,
} from '../availability/timeline.js';
import { clientStatusView, publicView } from './client-view.js';
import {
  CANARIES,
  NOW,
  leakedCanaries,
  makeClients,
  makeStatus,
  makeTimeline,
} from './status-fixtures.js';
import { DEFAULT_POLICY_TEXT } from './status-text.js';

const { a, b } = makeClients();
const timeline = makeTimeline();

describe('clientStatusView', () => {
  it('says what the brief says, in English, in the client zone', () => {
    const view = clientStatusView({ client: a, status: makeStatus('focus'), timeline, now: NOW });
    expect(view).toMatchObject({
      available: false,
      state: 'focus',
      until: '2025-03-12T14:00:00.000Z',
      nextStandingCall: '2025-03-14T09:00:00.000Z',
      nextAvailable: '2025-03-12T14:00:00.000Z',
      updatedAt: NOW.toISOString(),
      locale: 'en',
      timeZone: 'Europe/Berlin',
    });
    expect(view.message).toBe(
      'Focus time until 15:00 · Our next call: Friday 10:00 · Ad-hoc calls → I answer by e-mail',
    );
    expect(view.text.policy).toBe(DEFAULT_POLICY_TEXT.en);
    expect(view.text.updated).toBe('Updated 13:30 CET');
    // The same instant as `until`: not repeated as a second line.
    expect(view.text.nextAvailable).toBeNull();
  });

  it('speaks German with the formal "Sie" and German weekdays', () => {
    const view = clientStatusView({
      client: { ...b, policyText: { en: '', de: '' } },
      status: makeStatus('focus'),
      timeline,
      now: NOW,
    });
    expect(view.message).toBe(
      'Fokuszeit bis 15:00 · Unser nächster Termin: morgen 14:00 · Spontane Anrufe → ich antworte Ihnen per E-Mail',
    );
    expect(view.text.policy).toBe(DEFAULT_POLICY_TEXT.de);
    expect(view.text.policy).toContain('Ihnen');
    expect(view.text.updated).toBe('Aktualisiert 13:30 MEZ');
    const far = clientStatusView({
      client: { ...b, policyText: { en: '', de: '' } },
      status: makeStatus('away', '2025-03-14T10:00:00Z'),
      timeline,
      now: NOW,
    });
    expect(far.text.headline).toBe('Abwesend bis Freitag 11:00');
  });

  it('shows only the standing call with this client, never another client or a non-standing meeting', () => {
    const forA = clientStatusView({
      client: a,
      status: makeStatus('available'),
      timeline,
      now: NOW,
    });
    const forB = clientStatusView({
      client: b,
      status: makeStatus('available'),
      timeline,
      now: NOW,
    });
    expect(forA.nextStandingCall).toBe('2025-03-14T09:00:00.000Z');
    expect(forB.nextStandingCall).toBe('2025-03-13T13:00:00.000Z');
    const stranger = clientStatusView({
      client: { ...a, id: 'client-c' },
      status: makeStatus('available'),
      timeline,
      now: NOW,
    });
    expect(stranger.nextStandingCall).toBeNull();
    expect(stranger.text.nextCall).toBeNull();
    expect(stranger.message).toBe('Available until 15:00');
  });

  it('finds the next available moment after the current state ends', () => {
    const view = clientStatusView({
      client: a,
      status: makeStatus('off-hours', '2025-03-13T08:00:00Z'),
      timeline,
      now: NOW,
    });
    // 08:00–09:00 UTC is a meeting, so the next free time is 09:00 UTC = 10:00 Berlin.
    expect(view.nextAvailable).toBe('2025-03-13T09:00:00.000Z');
    expect(view.text.nextAvailable).toBe('Available from tomorrow 10:00');
    expect(view.text.headline).toBe('Outside working hours until tomorrow 09:00');
    const free = clientStatusView({
      client: a,
      status: makeStatus('available'),
      timeline,
      now: NOW,
    });
    expect(free.nextAvailable).toBeNull();
    expect(free.text.adHoc).toBeNull();
  });

  it('uses no reason text, and nothing of the other client, in any state', () => {
    const states: AvailabilityState[] = ['available', 'focus', 'meeting', 'away', 'off-hours'];
    for (const state of states) {
      for (const until of ['2025-03-12T14:00:00Z', '2025-03-20T14:00:00Z', null]) {
        for (const client of [a, { ...b, policyText: { en: '', de: '' } }]) {
          const view = clientStatusView({
            client,
            status: makeStatus(state, until),
            timeline,
            now: NOW,
          });
          expect(leakedCanaries(JSON.stringify(view))).toEqual([]);
        }
      }
    }
  });

  it('falls back to UTC for an unknown zone and to English for an unknown language', () => {
    // Records from an older or hand-edited store may hold values the type does not allow.
    const odd = JSON.parse(
      JSON.stringify({ ...a, locale: 'fr', timeZone: 'Mars/Olympus' }),
    ) as typeof a;
    const view = clientStatusView({
      client: odd,
      status: makeStatus('meeting'),
      timeline,
      now: NOW,
    });
    expect(view.timeZone).toBe('UTC');
    expect(view.locale).toBe('en');
    expect(view.text.headline).toBe('In a meeting until 14:00');
  });

  it('publicView copies only the known fields', () => {
    const view = clientStatusView({ client: a, status: makeStatus('focus'), timeline, now: NOW });
    const tainted = { ...view, reason: 'secret', text: { ...view.text, title: 'secret' } };
    expect(JSON.stringify(publicView(tainted))).not.toContain('secret');
    expect(publicView(tainted)).toEqual(view);
  });
});

describe('clientStatusView over the real availability timeline', () => {
  it('never shows the reasons the engine writes, which name clients', () => {
    const at = (iso: string): number => Date.parse(iso);
    const week = [[], ...Array.from({ length: 5 }, () => [{ start: '09:00', end: '18:00' }]), []];
    const timelineOf = buildTimeline({
      events: [
        {
          event: { start: at('2025-03-12T12:00:00Z'), end: at('2025-03-12T13:00:00Z') },
          kind: 'standing-call',
          clientId: 'client-b',
        },
        {
          event: { start: at('2025-03-12T13:00:00Z'), end: at('2025-03-12T14:00:00Z') },
          kind: 'client-meeting',
          clientId: 'client-b',
        },
        {
          event: { start: at('2025-03-12T15:00:00Z'), end: at('2025-03-12T16:00:00Z') },
          kind: 'focus',
        },
        {
          event: { start: at('2025-03-13T09:00:00Z'), end: at('2025-03-13T10:00:00Z') },
          kind: 'client-meeting',
          clientId: 'client-a',
        },
        {
          event: { start: at('2025-03-14T09:00:00Z'), end: at('2025-03-14T10:00:00Z') },
          kind: 'standing-call',
          clientId: 'client-a',
        },
      ],
      workingHours: { tz: 'Europe/Berlin', days: week },
      from: at('2025-03-10T00:00:00Z'),
      to: at('2025-03-20T00:00:00Z'),
      clients: [
        { id: 'client-a', name: 'Acme' },
        { id: 'client-b', name: CANARIES.otherClient },
      ],
    });
    const segments = segmentsBetween(
      timelineOf,
      at('2025-03-10T00:00:00Z'),
      at('2025-03-20T00:00:00Z'),
    ).map(toTimelineSegment);
    // The engine's reasons do name B: exactly what must not reach A.
    expect(segments.some((s) => s.reason.includes(CANARIES.otherClient))).toBe(true);
    for (const iso of [
      '2025-03-12T12:30:00Z',
      '2025-03-12T13:30:00Z',
      '2025-03-12T15:30:00Z',
      '2025-03-12T20:00:00Z',
      '2025-03-13T09:30:00Z',
    ]) {
      const now = new Date(iso);
      const status = statusAt(timelineOf, now.getTime());
      const view = clientStatusView({ client: a, status, timeline: segments, now });
      expect(leakedCanaries(JSON.stringify(view)), iso).toEqual([]);
      expect(view.state).toBe(status.state);
      expect(view.until).toBe(status.until);
      // A's standing call, never A's plain meeting on Thursday nor B's standing call on Wednesday.
      expect(view.nextStandingCall).toBe('2025-03-14T09:00:00.000Z');
    }
    const now = new Date('2025-03-12T08:00:00Z');
    const forB = clientStatusView({
      client: b,
      status: statusAt(timelineOf, now.getTime()),
      timeline: segments,
      now,
    });
    expect(forB.nextStandingCall).toBe('2025-03-12T12:00:00.000Z');
    expect(forB.text.nextCall).toBe('Unser nächster Termin: heute 13:00');
  });
});
