/**
 * The sample a new user can try the dashboard with: three made-up clients with rates and allowances,
 * twelve weeks of their unscheduled contacts and billed hours up to now, and a calendar with focus
 * blocks, a standing call and a workshop around today. Everything is relative to `now` and laid out
 * in the user's zone and working week, so the overview, the chart and the rate case show something
 * meaningful on any day; a fixed seed keeps the numbers the same for the same day. Its texts (the
 * calendar's name and events, the contacts' notes) and the clients' language follow the language
 * asked for, so a German user gets a German sample with German wording.
 */
import { randomUUID } from 'node:crypto';
import type { Contact, ContactKind, TimeEntry } from '../../../shared/ledger.js';
import { formatIsoDate, weekdayOf } from '../time/civil.js';
import { firstDayOfWeekIndex, weekIndexOfDay } from '../time/periods.js';
import { timeZone } from '../time/zone.js';
import { localDayOf, localMinutesOf, localToUtc } from '../time/zoned.js';
import type { NewClient } from '../clients.js';

/** Weeks of history the sample covers (the client detail's chart shows twelve). */
export const SAMPLE_WEEKS = 12;

/** One sample client: its record's fields and how it behaves week by week. */
interface SampleClientPlan {
  /** Without a locale the client speaks the sample's language (its wording and status page). */
  client: NewClient & { name: string };
  /** Unscheduled contacts per week, oldest first (the last is this week, cut at now). */
  unscheduled: readonly number[];
  /** Billed hours per week, oldest first. */
  billedHours: readonly number[];
  /** Effective rate to keep, in major units (a target in the settings), or none. */
  targetRate?: number;
}

/** The three clients: one that calls far beyond its deal, one within it, one in between. */
const PLANS: readonly SampleClientPlan[] = [
  {
    client: {
      name: 'Northwind Logistics',
      domains: ['northwind.example'],
      keywords: ['Northwind'],
      hourlyRateMinor: 11_000,
      adHocAllowancePerWeek: 2,
    },
    unscheduled: [2, 3, 2, 3, 4, 3, 4, 5, 4, 5, 6, 4],
    billedHours: [9, 8, 9, 7, 8, 7, 8, 6, 7, 6, 6, 3],
    targetRate: 100,
  },
  {
    client: {
      name: 'Brightwater Studio',
      domains: ['brightwater.example'],
      keywords: ['Brightwater'],
      hourlyRateMinor: 14_000,
      adHocAllowancePerWeek: 3,
    },
    unscheduled: [1, 0, 2, 1, 1, 0, 2, 1, 1, 2, 1, 1],
    billedHours: [15, 16, 14, 16, 15, 17, 14, 16, 15, 16, 14, 6],
  },
  {
    client: {
      name: 'Kessler Maschinenbau GmbH',
      domains: ['kessler.example'],
      keywords: ['Kessler'],
      hourlyRateMinor: 9_500,
      adHocAllowancePerWeek: 1,
      // A German firm writes German whichever language the user works in.
      locale: 'de',
    },
    unscheduled: [0, 1, 1, 0, 1, 2, 1, 1, 2, 1, 2, 1],
    billedHours: [4, 5, 4, 6, 5, 4, 5, 5, 4, 6, 5, 2],
  },
];

/** Unscheduled kinds in proportion: mostly calls, some missed, voicemails and ad-hoc meetings. */
const KINDS: readonly [ContactKind, number][] = [
  ['call', 10],
  ['call', 10],
  ['call', 10],
  ['missed-call', 0],
  ['voicemail', 2],
  ['ad-hoc-meeting', 30],
];

/** Notes on the sample contacts, per language, handed out in turn (no draw: the numbers stay the same). */
const CONTACT_NOTES = {
  en: [
    'Question about the delivery schedule',
    'Wants the figures before the board meeting',
    'Asked to move the deadline',
    'Login to the reporting tool does not work',
    'Quick check on the latest invoice',
  ],
  de: [
    'Frage zum Lieferplan',
    'Braucht die Zahlen vor der Vorstandssitzung',
    'Bittet, die Frist zu verschieben',
    'Anmeldung beim Berichtswerkzeug klappt nicht',
    'Kurze Rückfrage zur letzten Rechnung',
  ],
} as const;

/** mulberry32: small and seeded, so the same day gives the same sample. */
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

/** One client of the sample, ready to be stored once it has an id. */
export interface SampleClient {
  input: NewClient & { name: string };
  /** Target effective rate in minor units, if the sample sets one. */
  targetRateMinor?: number;
  /** Its contacts and time entries; `clientId` is filled in by `forClient`. */
  contacts: (clientId: string) => Contact[];
  entries: (clientId: string) => TimeEntry[];
}

/** The whole sample for a user in `zoneName` at `now`. */
export interface SampleSet {
  clients: SampleClient[];
  /** The sample calendar as iCalendar text. */
  ics: string;
  /** The sample calendar's name. */
  calendarName: string;
}

/** Texts of the sample calendar, per language. */
const CALENDAR_TEXT = {
  en: {
    name: 'Sample calendar',
    focus: 'Focus: deep work',
    standing: 'Brightwater weekly',
    workshop: 'Kessler workshop',
    review: 'Northwind project review',
  },
  de: {
    name: 'Beispielkalender',
    focus: 'Fokus: konzentriertes Arbeiten',
    standing: 'Brightwater Wochentermin',
    workshop: 'Kessler Workshop',
    review: 'Northwind Projektbesprechung',
  },
} as const;

/** Builds the sample for `now` in the zone `zoneName` (currency: the user's). */
export function sampleSet(
  now: number,
  zoneName: string,
  currency: string,
  language: 'en' | 'de',
): SampleSet {
  const zone = timeZone(zoneName);
  const today = localDayOf(now, zone);
  const thisWeek = weekIndexOfDay(today);
  const firstWeek = thisWeek - SAMPLE_WEEKS + 1;
  const rand = prng(today);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const clients = PLANS.map((plan): SampleClient => {
    // Drawn now, in order, so the numbers do not depend on which function is called first.
    const contactPlans: { kind: ContactKind; minutes: number; at: number }[] = [];
    const entryPlans: { day: number; minutes: number }[] = [];
    plan.unscheduled.forEach((count, w) => {
      const monday = firstDayOfWeekIndex(firstWeek + w);
      // This week's contacts fall on the days so far, so "this week" shows the client as it is.
      const last = Math.min(monday + 4, today);
      for (let i = 0; i < count; i++) {
        const [kind, minutes] = KINDS[int(0, KINDS.length - 1)] as [ContactKind, number];
        let day = monday + int(0, last - monday);
        let latest = 16 * 60 + 30;
        if (day === today) latest = Math.min(latest, localMinutesOf(now, zone) - 10);
        if (latest < 9 * 60) [day, latest] = [day - 1, 16 * 60 + 30];
        const at = localToUtc(day, int(9 * 60, latest), zone);
        if (day >= monday && at < now) contactPlans.push({ kind, minutes, at });
      }
    });
    plan.billedHours.forEach((hours, w) => {
      const monday = firstDayOfWeekIndex(firstWeek + w);
      // Split over the working days up to today, in quarter hours.
      const days = [0, 1, 2, 3, 4].map((d) => monday + d).filter((d) => d <= today);
      if (days.length === 0) return;
      let quarters = Math.round(hours * 4);
      days.forEach((day, i) => {
        const share = i === days.length - 1 ? quarters : Math.round(quarters / (days.length - i));
        quarters -= share;
        if (share > 0) entryPlans.push({ day, minutes: share * 15 });
      });
    });
    return {
      input: { locale: language, ...plan.client, currency },
      ...(plan.targetRate === undefined ? {} : { targetRateMinor: plan.targetRate * 100 }),
      contacts: (clientId) =>
        contactPlans.map((c, i) => ({
          id: randomUUID(),
          clientId,
          kind: c.kind,
          at: new Date(c.at).toISOString(),
          minutes: c.minutes,
          scheduled: false,
          source: 'manual',
          note: CONTACT_NOTES[language][i % CONTACT_NOTES[language].length] as string,
          ...(c.kind === 'voicemail' ? { voicemailHasMessage: true } : {}),
        })),
      entries: (clientId) =>
        entryPlans.map((e) => {
          const id = randomUUID();
          return {
            id,
            clientId,
            clientName: plan.client.name,
            date: formatIsoDate(e.day),
            minutes: e.minutes,
            billable: true,
            source: 'manual',
            importKey: `sample:${id}`,
          };
        }),
    };
  });
  const text = CALENDAR_TEXT[language];
  return {
    clients,
    ics: sampleCalendar(today, thisWeek, text),
    calendarName: text.name,
  };
}

/** iCalendar local date-time (floating: it follows the user's zone), `day` + `minutes`. */
function floating(day: number, minutes: number): string {
  const date = formatIsoDate(day).replaceAll('-', '');
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return `${date}T${h}${m}00`;
}

/** Focus blocks three mornings a week, a standing call on Tuesdays, a review and a workshop. */
function sampleCalendar(
  today: number,
  thisWeek: number,
  text: (typeof CALENDAR_TEXT)['en' | 'de'],
): string {
  const start = firstDayOfWeekIndex(thisWeek - 5);
  const stamp = `${formatIsoDate(today).replaceAll('-', '')}T000000Z`;
  // The review is on the last working day before today, the workshop on the next one after it.
  let before = today - 1;
  while (weekdayOf(before) > 4) before--;
  let after = today + 1;
  while (weekdayOf(after) > 4) after++;
  const event = (uid: string, lines: string[]): string[] => [
    'BEGIN:VEVENT',
    `UID:${uid}@sample.office-hours`,
    `DTSTAMP:${stamp}`,
    ...lines,
    'END:VEVENT',
  ];
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Office Hours//Sample data//EN',
    ...event('focus', [
      `DTSTART:${floating(start, 9 * 60)}`,
      `DTEND:${floating(start, 11 * 60)}`,
      'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR',
      `SUMMARY:${text.focus}`,
    ]),
    ...event('standing', [
      `DTSTART:${floating(start + 1, 14 * 60)}`,
      `DTEND:${floating(start + 1, 14 * 60 + 30)}`,
      'RRULE:FREQ=WEEKLY;BYDAY=TU',
      `SUMMARY:${text.standing}`,
      'ATTENDEE;CN=Brightwater Studio:mailto:studio@brightwater.example',
    ]),
    ...event('review', [
      `DTSTART:${floating(before, 15 * 60)}`,
      `DTEND:${floating(before, 16 * 60)}`,
      `SUMMARY:${text.review}`,
      'ATTENDEE;CN=Northwind Logistics:mailto:ops@northwind.example',
    ]),
    ...event('workshop', [
      `DTSTART:${floating(after, 13 * 60)}`,
      `DTEND:${floating(after, 15 * 60)}`,
      `SUMMARY:${text.workshop}`,
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
