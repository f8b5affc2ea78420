/**
 * Test oracle: a zone's wall clock at an instant straight from Intl.DateTimeFormat.formatToParts,
 * with none of the time module's tables or parsing, so property tests compare two independent paths.
 */

/** A wall-clock reading; weekday 0 = Monday … 6 = Sunday. */
export interface IntlWall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** Real zones with the awkward cases: 30- and 45-minute offsets, 30-minute DST, both hemispheres, DST at midnight. */
export const TEST_ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'UTC',
  'Europe/London',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'America/Havana',
  'Asia/Kolkata',
  'Pacific/Apia',
] as const;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `zone` at instant `utc`, as Intl reads it (to the second). */
export function intlWall(utc: number, zone: string): IntlWall {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formats.set(zone, f);
  }
  const w: IntlWall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: -1 };
  let bc = false;
  for (const p of f.formatToParts(utc)) {
    if (p.type === 'weekday') w.weekday = WEEKDAYS.indexOf(p.value);
    else if (p.type === 'era') bc = p.value === 'BC';
    else if (p.type in w) w[p.type as keyof IntlWall] = Number(p.value);
  }
  if (bc) w.year = 1 - w.year;
  return w;
}

/** The wall clock of `zone` at `utc` written as if UTC (epoch ms, whole seconds). */
export function intlWallMs(utc: number, zone: string): number {
  const w = intlWall(utc, zone);
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

/** The offset of `zone` at `utc` (ms, east positive), as Intl says. */
export function intlOffset(utc: number, zone: string): number {
  const whole = Math.floor(utc / 1000) * 1000;
  return intlWallMs(whole, zone) - whole;
}
