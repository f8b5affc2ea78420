/** A synthetic but realistic ICS calendar for the benchmarks: deterministic from a seed. */
import {
  BENCH_CLIENTS,
  CLIENTS,
  PEOPLE,
  PLACES,
  TOPICS,
  VTIMEZONES,
  WORDS,
  ZONES,
} from './generate-data.js';
import {
  type Local,
  type Rng,
  addMinutes,
  dateOf,
  dayMsOf,
  escapeText,
  fmtDate,
  fmtUtc,
  foldLine,
  makeRng,
  timeProp,
} from './generate-helpers.js';

export { BENCH_CLIENTS };

/** What to generate: `events` VEVENT components (masters, singles and overrides together) around `now`. */
export interface GenerateOptions {
  events: number;
  seed: number;
  now: Date;
}

const DAY = 86_400_000;

/** A working-day date in [fromMs, toMs) with a working-hour start time. */
function workingSlot(rng: Rng, fromMs: number, toMs: number): Local {
  let day = Math.floor((fromMs + rng.float() * (toMs - fromMs)) / DAY) * DAY;
  const wd = new Date(day).getUTCDay();
  if (wd === 6) day += 2 * DAY;
  if (wd === 0) day += DAY;
  return { ...dateOf(day), h: 8 + rng.int(9), mi: rng.pick([0, 0, 0, 30, 30, 15, 45]) };
}

function description(rng: Rng): string | undefined {
  if (rng.float() < 0.5) return undefined;
  const paragraphs: string[] = [];
  const n = rng.float() < 0.7 ? 1 : 2;
  for (let p = 0; p < n; p++) {
    const words: string[] = [];
    const len = 6 + rng.int(30);
    for (let w = 0; w < len; w++) words.push(rng.pick(WORDS));
    paragraphs.push(`${words.join(' ')}; see https://docs.example/${rng.int(1e6)}, thanks.`);
  }
  if (rng.float() < 0.3)
    paragraphs.push('Join: https://meet.example/abc-defg-hij\nPIN: 123 456 789#');
  return paragraphs.join('\n\n');
}

/** Properties every VEVENT carries besides its times. */
function commonProps(rng: Rng, uid: string, now: number, summary: string): string[] {
  const created = now - rng.int(5 * 365) * DAY - rng.int(DAY);
  const client = rng.pick(CLIENTS);
  const lines = [
    `UID:${uid}`,
    `DTSTAMP:${fmtUtc(now - rng.int(DAY))}`,
    `CREATED:${fmtUtc(created)}`,
    `LAST-MODIFIED:${fmtUtc(created + rng.int(30) * DAY)}`,
    `SUMMARY:${escapeText(summary)}`,
  ];
  const desc = description(rng);
  if (desc !== undefined) lines.push(`DESCRIPTION:${escapeText(desc)}`);
  if (rng.float() < 0.6) lines.push(`LOCATION:${escapeText(rng.pick(PLACES))}`);
  if (rng.float() < 0.6) {
    const [orgName, orgMail] = rng.pick(PEOPLE);
    lines.push(`ORGANIZER;CN=${orgName}:mailto:${orgMail}@${client}`);
    const attendees = 1 + rng.int(4);
    for (let a = 0; a < attendees; a++) {
      const [name, local] = rng.pick(PEOPLE);
      const mail = a === 0 ? 'me@consultant.example' : `${local}@${client}`;
      const stat = rng.pick(['ACCEPTED', 'ACCEPTED', 'NEEDS-ACTION', 'TENTATIVE', 'DECLINED']);
      lines.push(
        `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${stat};CN="${name}":mailto:${mail}`,
      );
    }
  }
  lines.push(`STATUS:${rng.float() < 0.9 ? 'CONFIRMED' : 'TENTATIVE'}`);
  lines.push(`TRANSP:${rng.float() < 0.92 ? 'OPAQUE' : 'TRANSPARENT'}`);
  lines.push(`SEQUENCE:${rng.int(3)}`);
  if (rng.float() < 0.1) lines.push(`CATEGORIES:${client.split('.')[0] ?? 'work'},Billable`);
  return lines;
}

function vevent(props: string[], rng: Rng): string[] {
  const out = ['BEGIN:VEVENT', ...props];
  if (rng.float() < 0.15) {
    out.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:Reminder',
      'TRIGGER:-PT10M',
      'END:VALARM',
    );
  }
  out.push('END:VEVENT');
  return out;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** A recurring series plus `overrides` RECURRENCE-ID instances; returns its VEVENT lines. */
function series(rng: Rng, uid: string, nowMs: number, overrides: number): string[] {
  const zone = rng.pick(ZONES);
  const start = workingSlot(rng, nowMs - 4 * 365 * DAY, nowMs + 120 * DAY);
  const duration = rng.pick([15, 25, 30, 30, 45, 60]);
  const kind = rng.pick(['weekly', 'weekly', 'weekly', 'biweekly', 'biweekly', 'monthly']);
  const startDay = dayMsOf(start);
  const wd = new Date(startDay).getUTCDay();
  // Occurrence days (midnight UTC of the local date) for picking valid EXDATE / RECURRENCE-ID values.
  const days: number[] = [];
  let rule: string;
  if (kind === 'monthly') {
    const d0 = Math.min(start.d, 28);
    start.d = d0;
    rule = `FREQ=MONTHLY;BYMONTHDAY=${d0}`;
    for (let k = 0; k < 80; k++) days.push(Date.UTC(start.y, start.mo - 1 + k, d0));
  } else {
    const interval = kind === 'biweekly' ? 2 : 1;
    const extra = rng.float() < 0.15 ? [(wd + 2) % 7] : [];
    const byday = [wd, ...extra].filter((d) => d !== 0 && d !== 6);
    const set = byday.length > 0 ? byday : [wd];
    rule = `FREQ=WEEKLY${interval > 1 ? ';INTERVAL=2' : ''};BYDAY=${set.map((d) => WEEKDAYS[d]).join(',')}`;
    for (let w = 0; days.length < 300; w += interval) {
      for (let i = 0; i < 7; i++) {
        const day = startDay + (w * 7 + i) * DAY;
        if (set.includes(new Date(day).getUTCDay())) days.push(day);
      }
    }
  }
  const endKind = rng.float();
  let limit = days.length;
  if (endKind < 0.4) {
    const count = 8 + rng.int(20);
    rule += `;COUNT=${count}`;
    limit = count;
  } else if (endKind < 0.85 || (startDay < nowMs - 365 * DAY && rng.float() < 0.85)) {
    // Most series that started over a year ago and are still open have been ended since (an UNTIL is
    // set when a project stops); the few that stay open are the long-standing calls.
    const n = 8 + rng.int(30);
    const last = days[Math.min(n, days.length) - 1] ?? startDay;
    rule += `;UNTIL=${fmtDate(dateOf(last))}T235959Z`;
    limit = Math.min(n, days.length);
  } else {
    // Open-ended: exceptions only up to a year ahead, as a real calendar has them.
    limit = Math.max(8, days.filter((d) => d < nowMs + 365 * DAY).length);
  }
  const occ = days.slice(0, limit).map((d) => ({ ...dateOf(d), h: start.h, mi: start.mi }));
  const summary = rng.pick(TOPICS);
  const lines: string[] = [];
  const master = [
    timeProp('DTSTART', zone, start),
    timeProp('DTEND', zone, addMinutes(start, duration)),
    `RRULE:${rule}`,
    ...commonProps(rng, uid, nowMs, summary),
  ];
  // Distinct occurrences for EXDATEs and overrides: a real server never writes two for one instance.
  const exdates = rng.float() < 0.4 ? 1 + rng.int(3) : 0;
  const used = new Set<number>();
  const fresh = (): Local | undefined => {
    let i = rng.int(occ.length);
    // Linear probe from a random start: deterministic, and finds a free instance whenever one exists.
    for (let step = 0; step < occ.length && used.has(i); step++) i = (i + 1) % occ.length;
    if (used.has(i)) return undefined;
    used.add(i);
    return occ[i];
  };
  for (let e = 0; e < exdates; e++) {
    const at = fresh();
    if (at) master.push(timeProp('EXDATE', zone, at));
  }
  lines.push(...vevent(master, rng));
  for (let o = 0; o < overrides; o++) {
    // Never undefined in practice: a series has at least 8 instances, and at most 6 are taken.
    const at = fresh() ?? start;
    const moved = addMinutes(at, rng.pick([60, -60, 24 * 60, 30, 120]));
    const props = [
      timeProp('RECURRENCE-ID', zone, at),
      timeProp('DTSTART', zone, moved),
      timeProp('DTEND', zone, addMinutes(moved, duration)),
      ...commonProps(rng, uid, nowMs, rng.float() < 0.5 ? summary : `${summary} (moved)`),
    ];
    // Some moved instances are cancelled instead (as calendar servers export them).
    const cancelled = rng.float() < 0.15;
    lines.push(
      ...vevent(
        cancelled ? props.map((p) => (p.startsWith('STATUS:') ? 'STATUS:CANCELLED' : p)) : props,
        rng,
      ),
    );
  }
  return lines;
}

function single(rng: Rng, uid: string, nowMs: number): string[] {
  const zone = rng.pick(ZONES);
  const start = workingSlot(rng, nowMs - 4 * 365 * DAY, nowMs + 365 * DAY);
  const duration = rng.pick([15, 30, 30, 45, 60, 60, 90, 120]);
  return vevent(
    [
      timeProp('DTSTART', zone, start),
      timeProp('DTEND', zone, addMinutes(start, duration)),
      ...commonProps(rng, uid, nowMs, rng.pick(TOPICS)),
    ],
    rng,
  );
}

function allDay(rng: Rng, uid: string, nowMs: number): string[] {
  const first = dateOf(
    Math.floor((nowMs - 4 * 365 * DAY + rng.float() * 5 * 365 * DAY) / DAY) * DAY,
  );
  const days = rng.pick([1, 1, 1, 2, 3, 5, 10]);
  const after = dateOf(dayMsOf(first) + days * DAY);
  const summary = rng.pick([
    'Urlaub',
    'Vacation',
    'Conference: ÖzCon',
    'Public holiday',
    'Offsite',
    'Out of office',
  ]);
  return vevent(
    [
      `DTSTART;VALUE=DATE:${fmtDate(first)}`,
      `DTEND;VALUE=DATE:${fmtDate(after)}`,
      ...commonProps(rng, uid, nowMs, summary),
    ],
    rng,
  );
}

/** Generate an ICS text with exactly `events` VEVENT components, the same text for the same options. */
export function generateCalendar(options: GenerateOptions): string {
  const rng = makeRng(options.seed);
  const nowMs = Math.floor(options.now.getTime() / 60_000) * 60_000;
  const out: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Office Hours//bench generator//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Bench – Arbeit & Kunden',
    'X-WR-TIMEZONE:Europe/Berlin',
    ...VTIMEZONES,
  ];
  let remaining = options.events;
  let n = 0;
  while (remaining > 0) {
    const uid = `${(n++).toString(36)}-${rng.int(0x7fffffff).toString(16)}@bench.office-hours.test`;
    const roll = rng.float();
    let lines: string[];
    if (roll < 0.04) {
      const overrides = Math.min(remaining - 1, rng.float() < 0.5 ? 0 : 1 + rng.int(3));
      lines = series(rng, uid, nowMs, overrides);
      remaining -= 1 + overrides;
    } else if (roll < 0.12) {
      lines = allDay(rng, uid, nowMs);
      remaining -= 1;
    } else {
      lines = single(rng, uid, nowMs);
      remaining -= 1;
    }
    for (const line of lines) out.push(foldLine(line));
  }
  out.push('END:VCALENDAR');
  return `${out.join('\r\n')}\r\n`;
}
