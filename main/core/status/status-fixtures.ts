/**
 * Test fixtures for the status views: two clients, a timeline whose every `reason` is full of canary
 * strings (titles, descriptions, locations, attendees, the other client's name), and a mutable "now".
 * Used by the tests of this folder only.
 */
import type {
  AvailabilityState,
  Client,
  StatusNow,
  TimelineSegment,
} from '../../../shared/domain.js';
import { type ClientStatusView, clientStatusView } from './client-view.js';
import { type BusyInterval, busyIntervals } from './render.js';
import { newStatusToken } from './status-token.js';

/** Strings that must never reach any client-facing output. */
export const CANARIES = {
  title: 'CANARY-TITLE-Quarterly-Merger-Talks',
  description: 'CANARY-DESC-confidential-layoffs',
  location: 'CANARY-LOC-Room-13-Secret-Wing',
  attendee: 'canary.attendee@rival-corp.example',
  otherClient: 'Zebracorp-CANARY-B',
  html: '<script>alert("CANARY-XSS")</script>',
} as const;

/** Every canary, for scanning outputs. */
export const ALL_CANARIES: readonly string[] = [
  ...Object.values(CANARIES),
  'CANARY',
  'rival-corp',
  'Zebracorp',
];

/** The parts of a client record the status views, server and publisher read. */
export type FixtureClient = Pick<
  Client,
  'id' | 'name' | 'locale' | 'timeZone' | 'policyText' | 'statusToken'
>;

/** Wednesday 12 March 2025, 13:30 in Berlin (CET, UTC+1). */
export const NOW = new Date('2025-03-12T12:30:00Z');

const reason = `${CANARIES.title} — ${CANARIES.description} @ ${CANARIES.location} with ${CANARIES.attendee} for ${CANARIES.otherClient} ${CANARIES.html}`;

/** Client A (English) and client B (German, whose name is a canary for A's pages). */
export function makeClients(): { a: FixtureClient; b: FixtureClient } {
  return {
    a: {
      id: 'client-a',
      name: 'Acme',
      locale: 'en',
      timeZone: 'Europe/Berlin',
      policyText: { en: '', de: '' },
      statusToken: newStatusToken(),
    },
    b: {
      id: 'client-b',
      name: CANARIES.otherClient,
      locale: 'de',
      timeZone: 'Europe/Berlin',
      policyText: { en: '', de: 'Bitte schreiben Sie mir eine E-Mail <b>& danke</b>.' },
      statusToken: newStatusToken(),
    },
  };
}

function seg(
  start: string,
  end: string,
  state: AvailabilityState,
  extra: Partial<TimelineSegment> = {},
): TimelineSegment {
  return { start, end, state, available: state === 'available', reason, ...extra };
}

/**
 * Focus 13:00–15:00 Berlin today; B's standing call tomorrow (Thursday) 14:00; A's standing call Friday
 * 10:00; a meeting with A that is not a standing call on Thursday; nights off-hours.
 */
export function makeTimeline(): TimelineSegment[] {
  return [
    seg('2025-03-12T08:00:00Z', '2025-03-12T12:00:00Z', 'available'),
    seg('2025-03-12T12:00:00Z', '2025-03-12T14:00:00Z', 'focus'),
    seg('2025-03-12T14:00:00Z', '2025-03-12T17:00:00Z', 'available'),
    seg('2025-03-12T17:00:00Z', '2025-03-13T08:00:00Z', 'off-hours'),
    seg('2025-03-13T08:00:00Z', '2025-03-13T09:00:00Z', 'meeting', { clientId: 'client-a' }),
    seg('2025-03-13T09:00:00Z', '2025-03-13T13:00:00Z', 'available'),
    seg('2025-03-13T13:00:00Z', '2025-03-13T14:00:00Z', 'meeting', {
      clientId: 'client-b',
      standing: true,
    }),
    seg('2025-03-13T14:00:00Z', '2025-03-13T17:00:00Z', 'away'),
    seg('2025-03-13T17:00:00Z', '2025-03-14T08:00:00Z', 'off-hours'),
    seg('2025-03-14T09:00:00Z', '2025-03-14T10:00:00Z', 'meeting', {
      clientId: 'client-a',
      standing: true,
    }),
    seg('2025-03-14T10:00:00Z', '2025-03-14T17:00:00Z', 'available'),
  ];
}

/** A status in `state` from NOW until `until`, its reason full of canaries. */
export function makeStatus(
  state: AvailabilityState,
  until: string | null = '2025-03-12T14:00:00Z',
): StatusNow {
  return {
    at: NOW.toISOString(),
    state,
    available: state === 'available',
    reason,
    since: '2025-03-12T12:00:00Z',
    until,
    next: until ? { at: until, state: 'available', available: true } : null,
    overridden: false,
    clientId: 'client-b',
  };
}

/** A world the tests can change: the current status, and view/busy functions for the server and publisher. */
export function makeWorld(): {
  clients: ReturnType<typeof makeClients>;
  status: { current: StatusNow };
  timeline: TimelineSegment[];
  getView: (client: FixtureClient) => ClientStatusView;
  getBusy: (client: FixtureClient) => BusyInterval[];
} {
  const clients = makeClients();
  const status = { current: makeStatus('focus') };
  const timeline = makeTimeline();
  return {
    clients,
    status,
    timeline,
    getView: (client) => clientStatusView({ client, status: status.current, timeline, now: NOW }),
    getBusy: () =>
      busyIntervals(timeline, { from: NOW, to: new Date(NOW.getTime() + 60 * 86_400_000) }),
  };
}

/** The canaries found in `text` (empty when it is clean). */
export function leakedCanaries(text: string): string[] {
  return ALL_CANARIES.filter((c) => text.toLowerCase().includes(c.toLowerCase()));
}
