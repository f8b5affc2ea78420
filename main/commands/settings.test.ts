/** `office-hours settings get|set` on a real data folder. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../cli.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-cli-settings-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['--data-dir', join(dir, 'data'), ...argv], {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
  });
  return { code, out, err };
}

describe('office-hours settings', () => {
  it('lists every setting, and gets one by key', async () => {
    const all = await cli('settings', 'get');
    expect(all.code).toBe(0);
    expect(all.out).toContain('recoveryMinutes 23\n');
    expect(all.out).toContain('notifications.focusChange on\n');
    expect(all.out).toContain('shortcut none\n');
    expect(all.out).toContain('statusServer.port 4777\n');
    const one = await cli('settings', 'get', 'walkAwayShare');
    expect(one).toMatchObject({ code: 0, out: '0.4\n' });
  });

  it('sets values that the next command reads back, target rates by client name', async () => {
    expect((await cli('settings', 'set', 'language', 'de')).code).toBe(0);
    expect((await cli('settings', 'set', 'walkAwayShare', '35%')).out).toBe('walkAwayShare 0.35\n');
    expect((await cli('settings', 'set', 'notifications.calendarFailing', 'off')).code).toBe(0);
    expect((await cli('settings', 'set', 'timeZone', 'America/New_York')).code).toBe(0);
    expect((await cli('clients', 'add', 'Acme', '--rate', '120')).code).toBe(0);
    const target = await cli('settings', 'set', 'targetRates.acme', '150');
    expect(target).toMatchObject({ code: 0, out: 'targetRates.Acme €150\n' });
    const all = await cli('settings', 'get');
    expect(all.out).toContain('language de\n');
    expect(all.out).toContain('notifications.calendarFailing off\n');
    expect(all.out).toContain('timeZone America/New_York\n');
    expect((await cli('settings', 'set', 'targetRates.Acme', 'none')).out).toContain(
      'targetRates.Acme none',
    );
  });

  it('exits 2 naming the key and what is allowed for a bad key or value, and changes nothing', async () => {
    const unknown = await cli('settings', 'set', 'colour', 'red');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('setting: "colour" — no such setting — allowed: language,');
    expect(unknown.err).toContain('recoveryMinutes');

    // Values the Api's schema judges read exactly as the dashboard's updateSettings answers them.
    const range = await cli('settings', 'set', 'recoveryMinutes', '500');
    expect(range.code).toBe(2);
    expect(range.err).toBe(
      'office-hours settings: recoveryMinutes: 500 — allowed: a whole number from 0 to 240\n',
    );

    const word = await cli('settings', 'set', 'notifications.focusChange', 'maybe');
    expect(word.code).toBe(2);
    expect(word.err).toContain('notifications.focusChange: "maybe" — allowed: true or false');

    const zone = await cli('settings', 'set', 'timeZone', 'Mars/Olympus');
    expect(zone.code).toBe(2);
    expect(zone.err).toContain('timeZone: "Mars/Olympus" — allowed: an IANA time zone');

    const language = await cli('settings', 'set', 'language', 'fr');
    expect(language.code).toBe(2);
    expect(language.err).toContain('language: "fr" — allowed: system, en, de');

    const nobody = await cli('settings', 'set', 'targetRates.Nobody', '10');
    expect(nobody.code).toBe(2);
    expect(nobody.err).toContain('no client named "Nobody" (see: office-hours clients list)');

    expect((await cli('settings', 'get', 'recoveryMinutes')).out).toBe('23\n');
  });
});
