/** The rate case through the assembled core: calendar demand merged on sync, the Api methods, the next standing call. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
/** Midnight UTC today: meetings are placed around it so they fall inside the sync window. */
const today = Math.floor(Date.now() / DAY) * DAY;

function vevent(lines: string[]): string {
  return ['BEGIN:VEVENT', ...lines, 'ATTENDEE:mailto:eva@acme.example', 'END:VEVENT'].join('\r\n');
}

let dir: string;
let service: OfficeHoursService | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-rate-case-'));
});

afterEach(async () => {
  await service?.close();
  service = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('OfficeHoursService: the rate case', () => {
  it('turns synced client meetings into contacts and knows the next standing call', async () => {
    const dataDir = join(dir, 'data');
    const store = openStore(dataDir, { watch: false });
    store.update((d) => {
      d.settings.userTimeZone = 'UTC';
      d.clients.push(
        sampleClient(1, { id: 'acme', name: 'Acme', domains: ['acme.example'], locale: 'en' }),
      );
    });
    store.close();
    const yesterday = today - DAY;
    const calendar = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Office Hours tests//EN',
      // Booked two hours ahead: an ad-hoc meeting.
      vevent([
        'UID:quick',
        `DTSTAMP:${ics(yesterday)}`,
        `CREATED:${ics(yesterday + 10 * HOUR)}`,
        `DTSTART:${ics(yesterday + 12 * HOUR)}`,
        `DTEND:${ics(yesterday + 12.5 * HOUR)}`,
        'SUMMARY:Quick question',
      ]),
      // A weekly standing call that began three weeks ago.
      vevent([
        'UID:weekly',
        `DTSTAMP:${ics(today - 30 * DAY)}`,
        `CREATED:${ics(today - 30 * DAY)}`,
        `DTSTART:${ics(today - 20 * DAY + 9 * HOUR)}`,
        `DTEND:${ics(today - 20 * DAY + 9.5 * HOUR)}`,
        'RRULE:FREQ=WEEKLY',
        'SUMMARY:Weekly',
      ]),
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await writeFile(join(dir, 'work.ics'), calendar);

    service = await OfficeHoursService.open({ dataDir, autoRefresh: false }, 'cache-only');
    await service.addCalendar({ location: join(dir, 'work.ics'), name: 'Work' });
    const contacts = await service.listContacts({});
    expect(contacts.filter((c) => c.kind === 'ad-hoc-meeting').map((c) => c.at)).toEqual([
      new Date(yesterday + 12 * HOUR).toISOString(),
    ]);
    expect(contacts.filter((c) => c.kind === 'scheduled-meeting').length).toBe(3);
    expect(contacts.every((c) => c.source === 'calendar' && c.clientId === 'acme')).toBe(true);

    const report = await service.getReport({});
    const acme = report.clients[0];
    expect(acme?.contacts.adHoc).toBe(1);
    // The weekly call began 20 days ago: after those 20, 13 and 6 days ago comes tomorrow's.
    expect(acme?.nextStandingCall).toBe(new Date(today + DAY + 9 * HOUR).toISOString());

    // Logging through the Api is journalled and visible to the next reader at once.
    const logged = await service.logContact({ clientId: 'acme', kind: 'call' });
    expect((await service.listContacts({ limit: 1 }))[0]).toEqual(logged.contact);
    const scripts = await service.getScripts({ clientId: 'acme' });
    // A weekly call is in the calendar: proposing one makes no sense.
    expect(scripts.standingCallProposal).toBeNull();
    expect(scripts.voicemailFollowUp.body).toMatch(/can it wait for/);

    // A second sync that finds nothing new writes nothing.
    const before = await readFile(service.store.path, 'utf8');
    await service.syncCalendars({});
    expect(await readFile(service.store.path, 'utf8')).toBe(before);
    expect((await service.listContacts({})).length).toBe(contacts.length + 1);
  });
});
