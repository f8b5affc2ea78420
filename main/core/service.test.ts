import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatusNow } from '../../shared/domain.js';
import { OfficeHoursService } from './service.js';

const DAY = 86_400_000;
/** Tomorrow 00:00 UTC: inside the sync window whatever today is. */
const tomorrow = Math.floor(Date.now() / DAY) * DAY + DAY;
const at = (hours: number): string => new Date(tomorrow + hours * 3_600_000).toISOString();
const ics = (stamp: number): string =>
  new Date(stamp)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function calendar(
  events: { uid: string; start: number; end: number; summary: string; extra?: string }[],
): string {
  const body = events
    .map((e) =>
      [
        'BEGIN:VEVENT',
        `UID:${e.uid}`,
        `DTSTAMP:${ics(tomorrow - 10 * DAY)}`,
        `DTSTART:${ics(e.start)}`,
        `DTEND:${ics(e.end)}`,
        `SUMMARY:${e.summary}`,
        ...(e.extra ? [e.extra] : []),
        'END:VEVENT',
      ].join('\r\n'),
    )
    .join('\r\n');
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Office Hours tests//EN\r\n${body}\r\nEND:VCALENDAR\r\n`;
}

let dir: string;
let open: OfficeHoursService[] = [];

async function core(): Promise<OfficeHoursService> {
  const service = await OfficeHoursService.open(
    { dataDir: join(dir, 'data'), autoRefresh: false },
    'cache-only',
  );
  open.push(service);
  await service.setWorkingHours({
    tz: 'UTC',
    days: Array.from({ length: 7 }, () => [{ start: '08:00', end: '18:00' }]),
  });
  return service;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-service-'));
  await writeFile(
    join(dir, 'work.ics'),
    calendar([
      {
        uid: 'focus-1',
        start: tomorrow + 10 * 3_600_000,
        end: tomorrow + 12 * 3_600_000,
        summary: 'Deep work on the report',
      },
      {
        uid: 'busy-1',
        start: tomorrow + 14 * 3_600_000,
        end: tomorrow + 15 * 3_600_000,
        summary: 'Dentist',
      },
      {
        uid: 'free-1',
        start: tomorrow + 16 * 3_600_000,
        end: tomorrow + 17 * 3_600_000,
        summary: 'Maybe',
        extra: 'TRANSP:TRANSPARENT',
      },
    ]),
  );
});

afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
  await rm(dir, { recursive: true, force: true });
});

describe('OfficeHoursService', () => {
  it('reads a calendar file and answers the status at any instant from it', async () => {
    const service = await core();
    const view = await service.addCalendar({ location: join(dir, 'work.ics'), name: 'Work' });
    expect(view.status.ok).toBe(true);
    expect(view.status.eventCount).toBe(3);

    const focus = await service.getStatus({ at: at(11) });
    expect(focus).toMatchObject({ state: 'focus', available: false, until: at(12) });
    expect(JSON.stringify(focus)).not.toContain('Deep work');
    expect(await service.getStatus({ at: at(13) })).toMatchObject({
      state: 'available',
      available: true,
      until: at(14),
    });
    expect(await service.getStatus({ at: at(14.5) })).toMatchObject({
      state: 'meeting',
      available: false,
    });
    // TRANSP:TRANSPARENT does not make the user busy.
    expect(await service.getStatus({ at: at(16.5) })).toMatchObject({ state: 'available' });
    expect(await service.getStatus({ at: at(20) })).toMatchObject({
      state: 'off-hours',
      available: false,
    });
  });

  it('follows a focus calendar role and edited rules', async () => {
    const service = await core();
    const view = await service.addCalendar({ location: join(dir, 'work.ics'), role: 'focus' });
    expect((await service.getStatus({ at: at(14.5) })).state).toBe('focus');
    await service.updateCalendar({ id: view.id, role: 'busy' });
    await service.setRules({ focusKeywords: ['dentist'], tentativeIsBusy: true });
    expect((await service.getStatus({ at: at(14.5) })).state).toBe('focus');
    expect((await service.getStatus({ at: at(11) })).state).toBe('meeting');
    const preview = await service.previewRules({
      focusKeywords: ['report'],
      tentativeIsBusy: true,
    });
    expect(preview.find((r) => r.summary.startsWith('Deep work'))?.kind).toBe('focus');
  });

  it('sets and clears a manual override, persisted for the next start', async () => {
    const service = await core();
    const status = await service.setOverride({ mode: 'unavailable', minutes: 30 });
    expect(status).toMatchObject({ available: false, overridden: true });
    // The override itself lasts 30 minutes; the status may stay unavailable longer (off-hours after
    // 18:00), so its `until` is the next change, not the override's end.
    const saved = service.store.read().override;
    expect(saved?.mode).toBe('unavailable');
    const lasts = Date.parse(saved?.until ?? '') - Date.now();
    expect(lasts).toBeGreaterThan(29 * 60_000);
    expect(lasts).toBeLessThanOrEqual(30 * 60_000);
    expect(Date.parse(status.until ?? '')).toBeGreaterThanOrEqual(Date.parse(saved?.until ?? ''));
    await service.close();
    const again = await core();
    expect((await again.getStatus({})).overridden).toBe(true);
    expect((await again.clearOverride({})).overridden).toBe(false);
    expect(again.store.read().override).toBeNull();
  });

  it('sees an override written by another process on the same data folder within a second', async () => {
    const running = await OfficeHoursService.open(
      { dataDir: join(dir, 'data'), autoRefresh: false },
      'cache-only',
    );
    open.push(running);
    const changed = new Promise<StatusNow>((resolve) => running.on('status', resolve));
    const other = await OfficeHoursService.open(
      { dataDir: join(dir, 'data'), autoRefresh: false, storeOptions: { watch: false } },
      'cache-only',
    );
    await other.setOverride({ mode: 'available', minutes: 60 });
    await other.close();
    const status = await Promise.race([
      changed,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no status event within 1 s')), 1000),
      ),
    ]);
    expect(status).toMatchObject({ state: 'available', overridden: true });
  });

  it('keeps a calendar whose first sync fails and says why; rejects unsupported addresses', async () => {
    const service = await core();
    const missing = await service.addCalendar({ location: join(dir, 'nope.ics') });
    expect(missing.status.ok).toBe(false);
    expect(missing.status.error).toMatch(/no such file/i);
    expect((await service.listCalendars()).map((c) => c.id)).toContain(missing.id);
    await expect(service.addCalendar({ location: 'ftp://example.com/cal.ics' })).rejects.toThrow(
      /location: "ftp:" — unsupported address/,
    );
    await expect(service.addCalendar({ location: join(dir, 'nope.ics') })).rejects.toThrow(
      /already added/,
    );
    await expect(service.setOverride({ mode: 'sideways' } as never)).rejects.toThrow(
      'mode: "sideways" — allowed: available, unavailable',
    );
  });

  it('does not rebuild the timeline when a re-sync finds every calendar unchanged', async () => {
    const service = await core();
    await service.addCalendar({ location: join(dir, 'work.ics') });
    const before = service.currentTimeline();
    await service.syncCalendars({});
    expect(service.currentTimeline()).toBe(before);
    await writeFile(
      join(dir, 'work.ics'),
      calendar([
        {
          uid: 'n',
          start: tomorrow + 9 * 3_600_000,
          end: tomorrow + 10 * 3_600_000,
          summary: 'Focus',
        },
      ]),
    );
    await service.syncCalendars({});
    expect(service.currentTimeline()).not.toBe(before);
    expect((await service.getStatus({ at: at(9.5) })).state).toBe('focus');
  });

  it('removes a calendar and its events', async () => {
    const service = await core();
    const view = await service.addCalendar({ location: join(dir, 'work.ics') });
    expect((await service.getStatus({ at: at(11) })).state).toBe('focus');
    expect(await service.removeCalendar({ id: view.id })).toEqual({ removed: true });
    expect((await service.getStatus({ at: at(11) })).state).toBe('available');
    expect(await service.listCalendars()).toEqual([]);
  });
});
