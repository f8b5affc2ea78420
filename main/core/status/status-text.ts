/** The words a client's status page uses, in English and German, and Intl formatting in the client's zone. */
import type { AvailabilityState } from '../../../shared/domain.js';
import { findTimeZone, timeZone as zoneOf } from '../time/zone.js';
import { localDayOf } from '../time/zoned.js';

/** Languages a client's status link speaks. */
export type StatusLocale = 'en' | 'de';

/** The policy shown when the user has not written one for a client. */
export const DEFAULT_POLICY_TEXT: Readonly<Record<StatusLocale, string>> = {
  en: 'Ad-hoc calls go to voicemail and I answer by e-mail within 4 working hours; anything else can wait for our standing call.',
  de: 'Spontane Anrufe landen auf der Mailbox, und ich antworte Ihnen innerhalb von 4 Arbeitsstunden per E-Mail; alles andere kann bis zu unserem regelmäßigen Termin warten.',
};

/** Fixed phrases per language. Functions take already formatted times. */
export interface StatusPhrases {
  state: Record<AvailabilityState, string>;
  until: (state: string, when: string) => string;
  nextCall: (when: string) => string;
  nextAvailable: (when: string) => string;
  adHoc: string;
  updated: (when: string) => string;
  today: string;
  tomorrow: string;
  pageTitle: string;
  policyHeading: string;
  calendarLink: string;
  badgeLabel: string;
  busy: string;
  calendarName: string;
}

/** The phrases of each language; German addresses the client formally ("Sie"). */
export const PHRASES: Readonly<Record<StatusLocale, StatusPhrases>> = {
  en: {
    state: {
      available: 'Available',
      focus: 'Focus time',
      meeting: 'In a meeting',
      away: 'Away',
      'off-hours': 'Outside working hours',
    },
    until: (state, when) => `${state} until ${when}`,
    nextCall: (when) => `Our next call: ${when}`,
    nextAvailable: (when) => `Available from ${when}`,
    adHoc: 'Ad-hoc calls → I answer by e-mail',
    updated: (when) => `Updated ${when}`,
    today: 'today',
    tomorrow: 'tomorrow',
    pageTitle: 'Availability',
    policyHeading: 'How to reach me',
    calendarLink: 'Add my busy times to your calendar',
    badgeLabel: 'status',
    busy: 'Busy',
    calendarName: 'Busy times',
  },
  de: {
    state: {
      available: 'Verfügbar',
      focus: 'Fokuszeit',
      meeting: 'In einem Termin',
      away: 'Abwesend',
      'off-hours': 'Außerhalb der Arbeitszeit',
    },
    until: (state, when) => `${state} bis ${when}`,
    nextCall: (when) => `Unser nächster Termin: ${when}`,
    nextAvailable: (when) => `Erreichbar ab ${when}`,
    adHoc: 'Spontane Anrufe → ich antworte Ihnen per E-Mail',
    updated: (when) => `Aktualisiert ${when}`,
    today: 'heute',
    tomorrow: 'morgen',
    pageTitle: 'Erreichbarkeit',
    policyHeading: 'So erreichen Sie mich',
    calendarLink: 'Meine belegten Zeiten in Ihrem Kalender abonnieren',
    badgeLabel: 'Status',
    busy: 'Belegt',
    calendarName: 'Belegte Zeiten',
  },
};

/** Intl locale per language: en-GB for a 24-hour clock and day-before-month dates. */
const INTL_LOCALE: Record<StatusLocale, string> = { en: 'en-GB', de: 'de-DE' };

/** Narrows any string to a supported language, falling back to English. */
export function statusLocale(value: string | undefined): StatusLocale {
  return value === 'de' ? 'de' : 'en';
}

/** A valid IANA zone name, or UTC when the name is unknown to Intl (a bad zone must not break the page). */
export function safeTimeZone(zone: string | undefined): string {
  return zone && findTimeZone(zone) ? zone : 'UTC';
}

// DateTimeFormat construction is slow compared to format(); views are built often enough to cache them.
const formatterCache = new Map<string, Intl.DateTimeFormat>();
function formatter(
  locale: StatusLocale,
  timeZone: string,
  kind: 'time' | 'weekday' | 'date' | 'zone',
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let f = formatterCache.get(key);
  if (!f) {
    const base: Intl.DateTimeFormatOptions = { timeZone };
    const time: Intl.DateTimeFormatOptions = {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    };
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { ...base, ...time }
        : kind === 'weekday'
          ? { ...base, weekday: 'long' }
          : kind === 'date'
            ? { ...base, weekday: 'short', day: 'numeric', month: 'long' }
            : { ...base, ...time, timeZoneName: 'short' };
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
    if (formatterCache.size > 500) formatterCache.clear();
    formatterCache.set(key, f);
  }
  return f;
}

/** Days since the epoch of the calendar date `at` falls on in `timeZone` (the time module's one rule). */
function localDayNumber(at: Date, timeZone: string): number {
  return localDayOf(at.getTime(), zoneOf(timeZone));
}

/**
 * A time relative to `now` as a client reads it: "15:00" (today, or "today 15:00" when `sayToday`),
 * "tomorrow 09:00", "Friday 10:00" within a week, else "Fri 14 March 10:00".
 */
export function formatWhen(
  at: Date,
  now: Date,
  locale: StatusLocale,
  timeZone: string,
  sayToday = false,
): string {
  const words = PHRASES[locale];
  const time = formatter(locale, timeZone, 'time').format(at);
  const days = localDayNumber(at, timeZone) - localDayNumber(now, timeZone);
  if (days === 0) return sayToday ? `${words.today} ${time}` : time;
  if (days === 1) return `${words.tomorrow} ${time}`;
  if (days > 1 && days < 7) return `${formatter(locale, timeZone, 'weekday').format(at)} ${time}`;
  return `${formatter(locale, timeZone, 'date').format(at)} ${time}`;
}

/** The moment a view was made, with the zone's short name so the client knows which clock the times use. */
export function formatUpdated(at: Date, now: Date, locale: StatusLocale, timeZone: string): string {
  const withZone = formatter(locale, timeZone, 'zone').format(at);
  const days = localDayNumber(at, timeZone) - localDayNumber(now, timeZone);
  return days === 0 ? withZone : `${formatter(locale, timeZone, 'date').format(at)} ${withZone}`;
}
