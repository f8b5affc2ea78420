/** Sample data through the assembled core on a real data folder: add, work beside it, remove, reopen. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../shared/errors.js';
import type { SampleDataState } from '../../shared/sample-data.js';
import type { SchedulerClock } from './availability/scheduler.js';
import { sampleCalendarPath } from './sample/sample-data.js';
import { OfficeHoursService } from './service.js';

let dir: string;
let dataDir: string;
let service: OfficeHoursService;

/** A Wednesday afternoon in Berlin, so the week holds sample contacts whatever the real time is. */
const NOW = Date.parse('2026-11-25T15:00:00Z');
const clock: SchedulerClock = {
  now: () => NOW,
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

async function open(): Promise<OfficeHoursService> {
  return OfficeHoursService.open({ dataDir, autoRefresh: false, clock }, 'cache-only');
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-sample-'));
  dataDir = join(dir, 'data');
  service = await open();
  await service.setWorkingHours({
    tz: 'Europe/Berlin',
    days: [[], ...Array.from({ length: 5 }, () => [{ start: '09:00', end: '17:00' }]), []],
  });
});

afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

function nextSampleEvent(): Promise<SampleDataState> {
  return new Promise((resolve) => {
    const off = service.on('sample', (state) => {
      off();
      resolve(state);
    });
  });
}

describe('OfficeHoursService: sample data', () => {
  it('adds a calendar, three clients with rates and twelve weeks of contacts and billed hours', async () => {
    expect(await service.getSampleData({})).toMatchObject({ present: false, clientIds: [] });
    const event = nextSampleEvent();
    const state = await service.addSampleData({ language: 'en' });
    expect(state.present).toBe(true);
    expect(await event).toEqual(state);
    const clients = await service.listClients({});
    expect(clients.map((c) => c.name)).toEqual([
      'Northwind Logistics',
      'Brightwater Studio',
      'Kessler Maschinenbau GmbH',
    ]);
    expect(clients.every((c) => c.hourlyRateMinor > 0 && state.clientIds.includes(c.id))).toBe(
      true,
    );
    const [calendar] = await service.listCalendars({});
    expect(calendar).toMatchObject({ name: 'Sample calendar', kind: 'file' });
    expect(calendar?.status.ok).toBe(true);
    expect(state.calendarIds).toEqual([calendar?.id]);
    // The calendar's standing call and focus blocks are read.
    expect(service.classifiedEvents().some((e) => e.kind === 'standing-call')).toBe(true);
    expect(service.classifiedEvents().some((e) => e.kind === 'focus')).toBe(true);

    const contacts = await service.listContacts({ limit: 100_000 });
    expect(contacts.length).toBeGreaterThan(30);
    expect(contacts.every((c) => Date.parse(c.at) <= NOW)).toBe(true);
    const report = await service.getReport({ preset: 'this-month' });
    const northwind = report.clients.find((c) => c.name === 'Northwind Logistics');
    expect(northwind?.billedHours).toBeGreaterThan(10);
    expect(northwind?.overAllowance).toBeGreaterThan(0);
    expect(northwind?.recommendation.kind).not.toBe('not-enough-data');
    const detail = await service.getClientDetail({ clientId: northwind?.id ?? '' });
    expect(detail.weeks.filter((w) => w.billedHours > 0)).toHaveLength(12);
    expect(detail.weeks.filter((w) => w.adHoc > 0).length).toBeGreaterThan(8);
  });

  it('speaks the language chosen in Settings when none is asked for', async () => {
    await service.updateSettings({ language: 'de' });
    await service.addSampleData({});
    expect((await service.listCalendars({}))[0]?.name).toBe('Beispielkalender');
    const notes = (await service.listContacts({ limit: 100_000 })).map((c) => c.note);
    expect(notes).toContain('Frage zum Lieferplan');
    await service.removeSampleData({});
    await service.updateSettings({ language: 'en' });
    await service.addSampleData({});
    expect((await service.listCalendars({}))[0]?.name).toBe('Sample calendar');
    expect((await service.listClients({})).map((c) => c.locale)).toEqual(['en', 'en', 'de']);
  });

  it('refuses to add the sample twice', async () => {
    await service.addSampleData({});
    await expect(service.addSampleData({})).rejects.toBeInstanceOf(ConflictError);
    expect(await service.listClients({})).toHaveLength(3);
  });

  it('removes exactly the sample and keeps what the user added meanwhile, across a reopen', async () => {
    const state = await service.addSampleData({ language: 'de' });
    expect((await service.listCalendars({}))[0]?.name).toBe('Beispielkalender');
    expect((await service.listClients({})).map((c) => c.locale)).toEqual(['de', 'de', 'de']);
    const [northwindId] = state.clientIds;
    // The user works beside the sample: a real client with a contact and a rate, a note on a sample client.
    const acme = await service.addClient({ name: 'Acme', hourlyRate: '120', allowance: 2 });
    const real = await service.logContact({ clientId: acme.id, kind: 'call' });
    await service.logContact({ clientId: northwindId ?? '', kind: 'voicemail' });
    await service.updateSettings({ targetRates: { [acme.id]: '130' } });
    await service.close();
    service = await open();
    expect((await service.getSampleData({})).present).toBe(true);

    const event = nextSampleEvent();
    const removed = await service.removeSampleData({});
    expect((await event).present).toBe(false);
    expect(removed).toMatchObject({ calendars: 1, clients: 3 });
    expect(removed.contacts).toBeGreaterThan(30);
    expect(removed.timeEntries).toBeGreaterThan(30);
    expect((await service.listClients({})).map((c) => c.name)).toEqual(['Acme']);
    expect(await service.listCalendars({})).toEqual([]);
    expect(existsSync(sampleCalendarPath(dataDir))).toBe(false);
    expect((await service.listContacts({ limit: 100_000 })).map((c) => c.id)).toEqual([
      real.contact.id,
    ]);
    expect(service.store.read().timeEntries).toEqual([]);
    expect((await service.getSettings({})).targetRates).toEqual({ [acme.id]: 13000 });
    // Undo reaches the user's own contact, never a sample one.
    expect((await service.undoLastContact({})).op).toBe('add');
    expect(await service.listContacts({})).toEqual([]);

    await service.close();
    service = await open();
    expect(await service.getSampleData({})).toMatchObject({ present: false });
    expect((await service.listClients({})).map((c) => c.name)).toEqual(['Acme']);
    // Removing again is harmless; adding again works.
    expect(await service.removeSampleData({})).toEqual({
      calendars: 0,
      clients: 0,
      contacts: 0,
      timeEntries: 0,
    });
    expect((await service.addSampleData({})).present).toBe(true);
    expect(await service.listClients({})).toHaveLength(4);
  });

  it('refuses when a client of the user has the name of a sample client, and adds nothing', async () => {
    await service.addClient({ name: 'brightwater studio' });
    await expect(service.addSampleData({})).rejects.toBeInstanceOf(ConflictError);
    expect(await service.listClients({})).toHaveLength(1);
    expect(await service.listCalendars({})).toEqual([]);
    expect((await service.getSampleData({})).present).toBe(false);
  });
});
