/** A real ICS feed server on 127.0.0.1, port 0, whose calendars the tests set per path. */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running feed server. */
export interface IcsServer {
  /** Full URL of `path` on this server. */
  url(path: string): string;
  /** Serves `ics` at `path` from now on. */
  set(path: string, ics: string): void;
  /** How many requests `path` has received. */
  hits(path: string): number;
  close(): Promise<void>;
}

/** Starts the server; unknown paths answer 404. */
export async function startIcsServer(): Promise<IcsServer> {
  const feeds = new Map<string, string>();
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const body = feeds.get(path);
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such calendar');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    set: (path, ics) => void feeds.set(path, ics),
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function icsDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** An event for `calendarWith`. */
export interface IcsEvent {
  uid: string;
  summary: string;
  start: number;
  end: number;
  /** When it was booked (CREATED); absent, the calendar says nothing about it. */
  created?: number;
  /** Attendees' e-mail addresses. */
  attendees?: string[];
}

/** A VCALENDAR text (CRLF lines) holding `events`. */
export function calendarWith(name: string, events: IcsEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Office Hours//e2e//EN',
    `X-WR-CALNAME:${name}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icsDate(e.start)}`,
      `DTSTART:${icsDate(e.start)}`,
      `DTEND:${icsDate(e.end)}`,
      `SUMMARY:${e.summary}`,
      ...(e.created === undefined ? [] : [`CREATED:${icsDate(e.created)}`]),
      ...(e.attendees ?? []).map((a) => `ATTENDEE;CN=${a}:mailto:${a}`),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

/** A calendar with one focus block running now: started 30 minutes ago, ending in 90 minutes. */
export function focusNowCalendar(now = Date.now()): string {
  const minute = 60_000;
  return calendarWith('E2E Work', [
    {
      uid: 'focus-now@e2e',
      summary: 'Focus: write the proposal',
      start: now - 30 * minute,
      end: now + 90 * minute,
    },
  ]);
}

/**
 * Later today, nothing now: a focus block in 3 hours, and a review with pat@acme.example in 5 hours,
 * booked a week ago (so it is a scheduled meeting once Acme's domain is known).
 */
export function workDayCalendar(now = Date.now()): string {
  const hour = 3_600_000;
  return calendarWith('Work', [
    {
      uid: 'focus@e2e',
      summary: 'Focus: write the proposal',
      start: now + 3 * hour,
      end: now + 4 * hour,
    },
    {
      uid: 'review@e2e',
      summary: 'Project review',
      start: now + 5 * hour,
      end: now + 5.5 * hour,
      created: now - 7 * 24 * hour,
      attendees: ['pat@acme.example'],
    },
  ]);
}
