/** A changed feed through the assembled core: the sliced rebuild gives what the one-go build gives, and contacts follow. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTimeline } from './availability/timeline-build.js';
import { classifyAll } from './calendar/classify.js';
import { OfficeHoursService } from './service.js';
import { openStore } from './store/store.js';
import { sampleClient } from './store/test-support.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ics = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const today = Math.floor(Date.now() / DAY) * DAY;

/** A calendar with a past client meeting of `pastMinutes`, a future one at `futureHour`, and a daily focus block. */
function calendar(pastMinutes: number, futureHour: number): string {
  const event = (lines: string[]): string[] => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Office Hours tests//EN',
    ...event([
      'UID:past',
      `DTSTAMP:${ics(today - 10 * DAY)}`,
      `CREATED:${ics(today - 10 * DAY)}`,
      `DTSTART:${ics(today - 2 * DAY + 10 * HOUR)}`,
      `DTEND:${ics(today - 2 * DAY + 10 * HOUR + pastMinutes * 60_000)}`,
      'SUMMARY:Planning',
      'ATTENDEE:mailto:eva@acme.example',
    ]),
    ...event([
      'UID:future',
      `DTSTAMP:${ics(today - 10 * DAY)}`,
      `DTSTART:${ics(today + 3 * DAY + futureHour * HOUR)}`,
      `DTEND:${ics(today + 3 * DAY + futureHour * HOUR + HOUR)}`,
      'SUMMARY:Review',
      'ATTENDEE:mailto:eva@acme.example',
    ]),
    ...event([
      'UID:focus',
      `DTSTAMP:${ics(today - 10 * DAY)}`,
      `DTSTART:${ics(today - 20 * DAY + 8 * HOUR)}`,
      `DTEND:${ics(today - 20 * DAY + 9 * HOUR)}`,
      'RRULE:FREQ=DAILY',
      'SUMMARY:Focus',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

let dir: string;
let service: OfficeHoursService | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-changed-feed-'));
});

afterEach(async () => {
  await service?.close();
  service = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** What the one-go build (classify everything, then the timeline) makes of the core's occurrences. */
function oneGo(core: OfficeHoursService): { classified: unknown; segments: unknown } {
  const data = core.store.read();
  const clients = data.clients.map((c) => ({
    id: c.id,
    name: c.name,
    domains: [...c.domains],
    keywords: [...c.keywords],
  }));
  const classified = classifyAll(
    core.classifiedEvents().map(({ event, role, calendar, sourceId }) => ({
      event,
      role,
      ...(calendar !== undefined ? { calendar } : {}),
      ...(sourceId !== undefined ? { sourceId } : {}),
    })),
    data.rules,
    clients,
  );
  const { from, to } = core.currentTimeline();
  const timeline = buildTimeline({
    events: classified,
    workingHours: data.workingHours,
    from,
    to,
    clients,
  });
  return { classified, segments: timeline.segments };
}

describe('OfficeHoursService: a changed feed', () => {
  it('rebuilds classification and timeline as the one-go build would, and merges contacts only when past meetings changed', async () => {
    const dataDir = join(dir, 'data');
    const store = openStore(dataDir, { watch: false });
    store.update((d) => {
      d.settings.userTimeZone = 'UTC';
      d.clients.push(sampleClient(1, { id: 'acme', name: 'Acme', domains: ['acme.example'] }));
    });
    store.close();
    const file = join(dir, 'work.ics');
    await writeFile(file, calendar(30, 10));
    service = await OfficeHoursService.open({ dataDir, autoRefresh: false }, 'cache-only');
    const { id } = await service.addCalendar({ location: file, name: 'Work' });
    const minutes = async (): Promise<number[]> =>
      (await service!.listContacts({})).map((c) => c.minutes);
    expect(await minutes()).toEqual([30]);
    const first = service.classifiedEvents();
    expect(first.some((c) => c.kind === 'focus')).toBe(true);
    expect({ classified: first, segments: service.currentTimeline().segments }).toEqual(
      oneGo(service),
    );

    // Only the future meeting moved: a new classification and timeline, the contacts stay.
    await writeFile(file, calendar(30, 14));
    await service.syncCalendars({ id });
    const second = service.classifiedEvents();
    expect(second).not.toBe(first);
    expect({ classified: second, segments: service.currentTimeline().segments }).toEqual(
      oneGo(service),
    );
    const future = second.find((c) => c.event.uid === 'future');
    expect(future?.event.start).toBe(today + 3 * DAY + 14 * HOUR);
    expect(await minutes()).toEqual([30]);

    // The past meeting ran longer: its contact follows.
    await writeFile(file, calendar(45, 14));
    await service.syncCalendars({ id });
    expect(await minutes()).toEqual([45]);
    expect({
      classified: service.classifiedEvents(),
      segments: service.currentTimeline().segments,
    }).toEqual(oneGo(service));

    // A contact deleted by hand comes back with the next merge, as before (the contacts changed).
    const [contact] = await service.listContacts({});
    await service.deleteContact({ id: contact!.id });
    await writeFile(file, calendar(45, 15));
    await service.syncCalendars({ id });
    expect(await minutes()).toEqual([45]);
  });
});
