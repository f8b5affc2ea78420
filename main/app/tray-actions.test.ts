import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OfficeHoursService } from '../core/service.js';
import { makeTempDir } from '../core/store/test-support.js';
import type { AppLog } from './app-log.js';
import type { NotificationContent } from './notification-rules.js';
import type { NotifyHandlers } from './notifier.js';
import { trayActionRunner } from './tray-actions.js';
import { voiceFor } from './voice.js';

let temp: { dir: string; remove: () => void };
let service: OfficeHoursService;
let shown: { content: NotificationContent; handlers: NotifyHandlers | undefined }[];
let lines: { level: string; message: string }[];

const log: AppLog = {
  info: (message) => void lines.push({ level: 'info', message }),
  warn: (message) => void lines.push({ level: 'warn', message }),
  error: (message) => void lines.push({ level: 'error', message }),
};

beforeEach(async () => {
  temp = makeTempDir('oh-tray-actions-');
  service = await OfficeHoursService.open({ dataDir: temp.dir, autoRefresh: false }, 'cache-only');
  shown = [];
  lines = [];
});
afterEach(async () => {
  await service.close();
  temp.remove();
});

function runner(onLogged?: (id: string) => void) {
  const voice = voiceFor('en', 'UTC');
  return trayActionRunner(
    {
      service,
      voice: () => voice,
      log,
      notify: (content, handlers) => void shown.push({ content, handlers }),
    },
    onLogged,
  );
}

describe('the tray’s contact logging', () => {
  it('logs now, says where the week stands, and Undo takes back exactly that contact', async () => {
    const acme = await service.addClient({ name: 'Acme', allowance: 2 });
    const heard: string[] = [];
    const tray = runner((id) => heard.push(id));
    expect(await tray.logContact(acme.id, 'call')).toBe(true);
    expect(heard).toEqual([acme.id]);
    expect(shown[0]?.content.title).toBe('Logged — Acme: 1 of 2 unscheduled this week');
    expect(shown[0]?.content.actions).toEqual(['Undo']);
    const [contact] = await service.listContacts({});
    expect(contact).toMatchObject({ clientId: acme.id, kind: 'call', source: 'manual' });

    await tray.logContact(acme.id, 'voicemail');
    // Undo on the first notice removes the first call, not the later voicemail.
    shown[0]?.handlers?.onActivate?.();
    await expect
      .poll(async () => (await service.listContacts({})).map((c) => c.kind))
      .toEqual(['voicemail']);
    expect(shown.at(-1)?.content.body).toBe('Call for Acme: no longer logged.');
  });

  it('asks the allowance watch after each logged contact', async () => {
    const acme = await service.addClient({ name: 'Acme', allowance: 1 });
    let asked = 0;
    const voice = voiceFor('en', 'UTC');
    const tray = trayActionRunner({
      service,
      voice: () => voice,
      log,
      notify: (content, handlers) => void shown.push({ content, handlers }),
      afterLog: () => (asked += 1),
    });
    await tray.logContact(acme.id, 'call');
    await tray.logContact(acme.id, 'call');
    expect(asked).toBe(2);
    await tray.logContact('no-such-client', 'call');
    expect(asked).toBe(2);
  });

  it('turns a failed action into a notification and a log line', async () => {
    const tray = runner();
    expect(await tray.logContact('no-such-client', 'call')).toBe(false);
    expect(shown.map((s) => s.content.title)).toEqual(['That did not work']);
    expect(shown[0]?.content.body).toMatch(/^log contact: /);
    expect(lines).toEqual([{ level: 'error', message: 'tray: log contact failed' }]);
    await tray.attempt('copy status link', () => {
      throw new Error('clipboard busy');
    });
    expect(shown.at(-1)?.content.body).toBe('copy status link: clipboard busy');
  });
});
