/** The word pools and time-zone blocks the benchmark calendar is made from. */
import type { ClientMatcher } from '../shared/domain.js';

/** Zones a meeting can be in; UTC events are written with a Z suffix, the others with TZID. */
export const ZONES = ['Europe/Berlin', 'Europe/Berlin', 'America/New_York', 'UTC'] as const;
/** One of ZONES. */
export type Zone = (typeof ZONES)[number];

/** The VTIMEZONE blocks for the two TZIDs the events use (as Google and Outlook export them, with RRULEs). */
export const VTIMEZONES = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'X-LIC-LOCATION:America/New_York',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Meeting titles, some in other languages and scripts. */
export const TOPICS = [
  'Weekly sync',
  'Kickoff',
  'Steering committee',
  'Sprint review',
  'Architecture review',
  '1:1',
  'Quarterly planning',
  'Budget check-in',
  'Workshop',
  'Retro',
  'Status call',
  'Design critique',
  'Abstimmung Müller GmbH',
  'Café & roadmap ☕',
  'Revisión trimestral',
  '東京チーム sync',
  'Réunion de lancement',
  'Übergabe Projekt Ørsted',
  'Zoë / pricing',
  'Łódź rollout',
  'Focus: deep work',
  'Focus block',
];
/** The clients' e-mail domains. */
export const CLIENTS = [
  'acme.com',
  'globex.de',
  'initech.io',
  'umbrella.co.uk',
  'hooli.com',
  'soylent.fr',
  'wayne.example',
];
/** The generated calendar's clients, for classifying its meetings. */
export const BENCH_CLIENTS: readonly ClientMatcher[] = CLIENTS.map((domain) => ({
  id: domain.split('.')[0] ?? domain,
  name: domain,
  domains: [domain],
  keywords: [],
}));
/** Display names (some non-ASCII) with the ASCII local part of their address. */
export const PEOPLE: readonly (readonly [string, string])[] = [
  ['Anna', 'anna'],
  ['Jürgen', 'juergen'],
  ['François', 'francois'],
  ['Åsa', 'asa'],
  ['Łukasz', 'lukasz'],
  ['José', 'jose'],
  ['Siobhán', 'siobhan'],
  ['Kenji', 'kenji'],
  ['Priya', 'priya'],
  ['Zoë', 'zoe'],
  ['Marco', 'marco'],
  ['Ingrid', 'ingrid'],
];
/** LOCATION values. */
export const PLACES = [
  'Zoom',
  'Google Meet',
  'Raum 3.14, Berlin',
  'HQ, 5th floor, New York',
  'Café Einstein',
  'Teams',
];
/** Words for DESCRIPTION text. */
export const WORDS = (
  'agenda notes follow-up decision risk budget scope milestone deliverable review draft contract ' +
  'invoice handover roadmap backlog migration rollout pilot metrics dashboard Straße Größe naïve résumé'
).split(' ');
