/** Settings through the assembled core: the record, a change to it, the `settings` event, old files. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppSettings } from '../../shared/settings.js';
import { NotFoundError, UserError } from '../../shared/errors.js';
import { OfficeHoursService } from './service.js';
import { defaultData } from './store/schema.js';

let dir: string;
let service: OfficeHoursService | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-service-settings-'));
});

afterEach(async () => {
  await service?.close();
  service = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function open(): Promise<OfficeHoursService> {
  service = await OfficeHoursService.open(
    { dataDir: join(dir, 'data'), autoRefresh: false },
    'cache-only',
  );
  return service;
}

describe('OfficeHoursService: settings', () => {
  it('answers the defaults of a fresh data set', async () => {
    const core = await open();
    const settings = await core.getSettings({});
    expect(settings).toMatchObject({
      language: 'system',
      currency: 'EUR',
      recoveryMinutes: 23,
      adHocLeadHours: 24,
      walkAwayShare: 0.4,
      weeklyAllowance: 2,
      targetRates: {},
      notifications: {
        focusChange: true,
        allowancePassed: true,
        calendarFailing: true,
        overrideEnding: true,
      },
      shortcut: null,
      statusServer: { host: '127.0.0.1', port: 4777 },
    });
  });

  it('applies a change, keeps one time zone for working hours and the day, and announces it', async () => {
    const core = await open();
    const client = await core.addClient({ name: 'Acme', hourlyRate: '100', currency: 'JPY' });
    const event = new Promise<AppSettings>((resolve) => {
      const off = core.on('settings', (s) => {
        off();
        resolve(s);
      });
    });
    const after = await core.updateSettings({
      language: 'de',
      timeZone: 'Asia/Tokyo',
      recoveryMinutes: 15,
      notifications: { allowancePassed: false },
      shortcut: 'CommandOrControl+Shift+L',
      targetRates: { [client.id]: '15000' },
      statusServer: { port: 4888 },
    });
    expect(after.language).toBe('de');
    expect(after.timeZone).toBe('Asia/Tokyo');
    expect(after.notifications).toEqual({
      focusChange: true,
      allowancePassed: false,
      calendarFailing: true,
      overrideEnding: true,
    });
    // Whole yen: the client's currency decides the minor units.
    expect(after.targetRates).toEqual({ [client.id]: 15000 });
    expect(after.statusServer).toEqual({ host: '127.0.0.1', port: 4888 });
    expect((await core.getWorkingHours({})).tz).toBe('Asia/Tokyo');
    expect(core.store.read().settings.userTimeZone).toBe('Asia/Tokyo');
    expect((await event).shortcut).toBe('CommandOrControl+Shift+L');

    const removed = await core.updateSettings({ targetRates: { [client.id]: null } });
    expect(removed.targetRates).toEqual({});
  });

  it('gives new clients the currency and weekly allowance set here', async () => {
    const core = await open();
    await core.updateSettings({ currency: 'usd', weeklyAllowance: 5 });
    const client = await core.addClient({ name: 'Globex' });
    expect(client.currency).toBe('USD');
    expect(client.adHocAllowancePerWeek).toBe(5);
  });

  it('refuses bad values naming the field, and saves nothing of a refused change', async () => {
    const core = await open();
    const before = await core.getSettings({});
    await expect(core.updateSettings({ timeZone: 'Mars/Olympus', language: 'de' })).rejects.toThrow(
      UserError,
    );
    await expect(core.updateSettings({ timeZone: 'Mars/Olympus' })).rejects.toThrow(/timeZone/);
    await expect(core.updateSettings({ currency: 'XYZ' })).rejects.toThrow(/currency/);
    await expect(core.updateSettings({ targetRates: { nobody: '10' } })).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      core.updateSettings({ walkAwayShare: 2 } as unknown as { walkAwayShare: number }),
    ).rejects.toThrow(UserError);
    await expect(
      core.updateSettings({ colour: 'red' } as unknown as { language: 'en' }),
    ).rejects.toThrow(/colour/);
    expect(await core.getSettings({})).toEqual(before);
  });

  it('reads a file written before these settings existed, keeping its rate-case settings', async () => {
    const old = defaultData({ timeZone: 'Europe/Berlin', locale: 'de' }) as unknown as {
      settings: Record<string, unknown> & { ledger: Record<string, unknown> };
    };
    delete old.settings.language;
    delete old.settings.notifications;
    delete old.settings.shortcut;
    delete old.settings.ledger.currency;
    old.settings.ledger.recoveryMinutes = 30;
    old.settings.ledger.targetRates = { 'client-1': 15000 };
    await mkdir(join(dir, 'data'), { recursive: true });
    await writeFile(
      join(dir, 'data', 'office-hours.json'),
      JSON.stringify({ schemaVersion: 2, ...old }),
    );
    const core = await open();
    const settings = await core.getSettings({});
    expect(settings.recoveryMinutes).toBe(30);
    expect(settings.targetRates).toEqual({ 'client-1': 15000 });
    expect(settings.language).toBe('system');
    expect(settings.currency).toBe('EUR');
    expect(settings.notifications.focusChange).toBe(true);
    expect(settings.timeZone).toBe('Europe/Berlin');
  });
});
