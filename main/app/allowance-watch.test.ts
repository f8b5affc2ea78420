import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OfficeHoursService } from '../core/service.js';
import { makeTempDir } from '../core/store/test-support.js';
import { ALLOWANCE_NOTICES_FILE, watchAllowances, type AllowanceWatch } from './allowance-watch.js';
import type { AppLog } from './app-log.js';
import type { NotificationContent } from './notification-rules.js';
import { voiceFor } from './voice.js';

let temp: { dir: string; remove: () => void };
let services: OfficeHoursService[];
let watches: AllowanceWatch[];
let shown: NotificationContent[];
let warnings: string[];

const log: AppLog = {
  info: () => undefined,
  warn: (message) => void warnings.push(message),
  error: (message) => void warnings.push(message),
};

async function core(): Promise<OfficeHoursService> {
  const service = await OfficeHoursService.open(
    { dataDir: temp.dir, autoRefresh: false },
    'cache-only',
  );
  services.push(service);
  return service;
}

function watch(service: OfficeHoursService): AllowanceWatch {
  const voice = voiceFor('en', 'UTC');
  const running = watchAllowances({
    service,
    dataDir: temp.dir,
    voice: () => voice,
    notify: (content) => void shown.push(content),
    log,
  });
  watches.push(running);
  return running;
}

const passed = (client: string): NotificationContent[] =>
  shown.filter((n) => n.title === `${client}: weekly allowance passed`);

beforeEach(() => {
  temp = makeTempDir('oh-allowance-watch-');
  services = [];
  watches = [];
  shown = [];
  warnings = [];
});
afterEach(async () => {
  for (const w of watches) w.stop();
  for (const s of services) await s.close();
  temp.remove();
});

describe('the allowance watch', () => {
  it('tells once per client and week, however the contacts came in', async () => {
    const service = await core();
    const acme = await service.addClient({ name: 'Acme', allowance: 1 });
    const running = watch(service);
    await service.logContact({ clientId: acme.id, kind: 'call' });
    running.check();
    expect(passed('Acme')).toEqual([]);
    // The second unscheduled contact, logged from the dashboard: no tray involved, the folder's
    // change alone brings the notice.
    await service.logContact({ clientId: acme.id, kind: 'voicemail' });
    await expect.poll(() => passed('Acme').length, { timeout: 5_000 }).toBe(1);
    expect(passed('Acme')[0]?.body).toBe('2 unscheduled contacts this week, 1 agreed.');
    await service.logContact({ clientId: acme.id, kind: 'missed-call' });
    running.check();
    expect(passed('Acme')).toHaveLength(1);
    // A scheduled call is not an interruption.
    const globex = await service.addClient({ name: 'Globex', allowance: 0 });
    await service.logContact({ clientId: globex.id, kind: 'call', scheduled: true });
    running.check();
    expect(passed('Globex')).toEqual([]);
  });

  it('hears a contact logged by another core on the same data folder', async () => {
    const service = await core();
    const acme = await service.addClient({ name: 'Acme', allowance: 0 });
    watch(service);
    const other = await core();
    await other.logContact({ clientId: acme.id, kind: 'call' });
    await expect.poll(() => passed('Acme').length, { timeout: 5_000 }).toBe(1);
  });

  it('remembers whom it told across a restart, and tells at start what happened while closed', async () => {
    const service = await core();
    const acme = await service.addClient({ name: 'Acme', allowance: 0 });
    const globex = await service.addClient({ name: 'Globex', allowance: 0 });
    const first = watch(service);
    await service.logContact({ clientId: acme.id, kind: 'call' });
    first.check();
    expect(passed('Acme')).toHaveLength(1);
    first.stop();
    const saved: unknown = JSON.parse(readFileSync(join(temp.dir, ALLOWANCE_NOTICES_FILE), 'utf8'));
    expect(saved).toEqual({
      told: [expect.stringMatching(new RegExp(`^${acme.id}@\\d{4}-\\d{2}-\\d{2}$`))],
    });

    // While the app is closed, Globex calls.
    await service.logContact({ clientId: globex.id, kind: 'call' });
    shown = [];
    watch(service);
    expect(passed('Acme')).toEqual([]);
    expect(passed('Globex')).toHaveLength(1);
  });

  it('stays quiet when switched off, and starts afresh from a broken memory file', async () => {
    writeFileSync(join(temp.dir, ALLOWANCE_NOTICES_FILE), '{ not json');
    const service = await core();
    const acme = await service.addClient({ name: 'Acme', allowance: 0 });
    await service.updateSettings({ notifications: { allowancePassed: false } });
    const running = watch(service);
    expect(warnings).toEqual([
      `${ALLOWANCE_NOTICES_FILE} unreadable; allowance notices start afresh`,
    ]);
    await service.logContact({ clientId: acme.id, kind: 'call' });
    running.check();
    expect(shown).toEqual([]);
  });
});
