/**
 * The `office-hours` command's own contract: `--help` everywhere, exit 2 when the command line or its
 * input is wrong, 1 when the command fails, and a failure noted in the data folder's log.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, main } from './cli.js';
import { HELP, subCommands } from './commands/help.js';

const bin = join(import.meta.dirname, '..', 'bin', 'office-hours.js');
const built = existsSync(join(import.meta.dirname, '..', 'dist', 'cli.js'));

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-cli-exit-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the built command in a child process, as a user does. */
function spawnCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, '--data-dir', dir, ...args], (error, out, err) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, out, err });
    });
  });
}

/** Runs the command in this process (for the long list of help pages). */
async function inProcess(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['--data-dir', dir, ...argv], {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
  });
  return { code, out, err };
}

describe('office-hours --help', () => {
  it('has a help page for every command', () => {
    expect(commandNames().filter((name) => !HELP[name])).toEqual([]);
  });

  it('answers --help and -h for every command and sub-command with its usage and exit 0', async () => {
    for (const name of commandNames()) {
      for (const args of [
        [name],
        [name, ...subCommands(name).slice(0, 1)],
        ...subCommands(name).map((s) => [name, s]),
      ]) {
        for (const flag of ['--help', '-h']) {
          const result = await inProcess(...args, flag);
          expect(result, `${args.join(' ')} ${flag}`).toMatchObject({ code: 0, err: '' });
          expect(result.out).toContain(`Usage: office-hours ${name}`);
          expect(result.out).toContain('-h, --help');
        }
      }
    }
  });

  it("answers a sub-command's --help with its own usage, line and options, and the command's with all of them", async () => {
    const withSubs = commandNames().filter((name) => HELP[name]?.subs);
    expect(withSubs).toEqual(
      expect.arrayContaining(['calendars', 'override', 'clients', 'import', 'settings', 'sample']),
    );
    for (const name of withSubs) {
      const help = HELP[name];
      const subs = Object.entries(help?.subs ?? {});
      const whole = await inProcess(name, '--help');
      expect(whole.out, name).toContain(
        `office-hours ${name} <${subs.map(([sub]) => sub).join('|')}> --help`,
      );
      for (const [sub, own] of subs) {
        const page = await inProcess(name, sub, '--help');
        const what = `${name} ${sub} --help`;
        expect(page, what).toMatchObject({ code: 0, err: '' });
        expect(page.out.split('\n')[0], what).toMatch(
          new RegExp(`^Usage: office-hours ${name} ${sub}( |$)`),
        );
        expect(page.out, what).toContain(own.about);
        // No other sub-command's usage line, and only the options it takes (each one the command has).
        for (const [other] of subs)
          if (other !== sub)
            expect(page.out, what).not.toMatch(new RegExp(`office-hours ${name} ${other}( |\n)`));
        for (const [flag] of help?.options ?? []) {
          const word = flag.split(' ')[0] ?? '';
          expect(page.out.includes(`  ${flag}  `), `${what}: ${word}`).toBe(
            own.options?.includes(word) ?? false,
          );
        }
        for (const word of own.options ?? [])
          expect(
            help?.options?.map(([flag]) => flag.split(' ')[0]),
            what,
          ).toContain(word);
      }
    }
    // The whole command's page still has every sub-command's usage line.
    const clients = await inProcess('clients', '--help');
    for (const sub of ['add <name>', 'list', 'link <name>', 'rotate <name>', 'remove <name>'])
      expect(clients.out).toContain(`office-hours clients ${sub}`);
    // As asked for by name, and through `help`.
    const remove = await inProcess('clients', 'remove', '--help');
    expect(remove.out).toMatch(/^Usage: office-hours clients remove <name>\n\nRemoves a client/);
    expect(remove.out).not.toContain('--rate');
    expect((await inProcess('help', 'import', 'fritzbox')).out).toContain(
      'Usage: office-hours import fritzbox <file> [--dry-run] [--allow-partial] [--json]',
    );
  });

  it.skipIf(!built)('lists the commands (built command, child process)', async () => {
    const [top, settings, sub] = await Promise.all([
      spawnCli('--help'),
      spawnCli('settings', '--help'),
      spawnCli('clients', 'add', 'Acme', '-h'),
    ]);
    expect(top.code).toBe(0);
    for (const name of commandNames()) expect(top.out).toContain(`  ${name}`);
    expect(top.out).toContain('Exit codes:');
    expect(settings).toMatchObject({ code: 0, err: '' });
    expect(settings.out).toContain('Usage: office-hours settings get [KEY]');
    expect(sub).toMatchObject({ code: 0, err: '' });
    expect(sub.out).toContain('--allowance N');
    // -h asked for help: nothing was added.
    expect((await inProcess('clients', 'list')).out).toContain('No clients yet');
  });
});

describe('office-hours --data-dir', () => {
  it('is taken before the command or among its options, as each help page lists it', async () => {
    const other = await mkdtemp(join(tmpdir(), 'oh-cli-dir-'));
    const empty = await mkdtemp(join(tmpdir(), 'oh-cli-empty-'));
    try {
      const quiet = { stdout: () => {}, stderr: () => {} };
      // Added with --data-dir after the command's own words: the client lands in that folder only.
      expect(await main(['clients', 'add', 'Acme', '--data-dir', other], quiet)).toBe(0);
      expect(await main([`--data-dir=${other}`, 'clients', 'add', 'Beta'], quiet)).toBe(0);
      const listed = async (...argv: string[]): Promise<string[]> => {
        let out = '';
        const code = await main(argv, { stdout: (t) => void (out += t), stderr: () => {} });
        expect(code, argv.join(' ')).toBe(0);
        return (JSON.parse(out) as { name: string }[]).map((c) => c.name);
      };
      expect(await listed('clients', 'list', '--json', `--data-dir=${other}`)).toEqual([
        'Acme',
        'Beta',
      ]);
      expect(await listed('--data-dir', other, 'clients', 'list', '--json')).toEqual([
        'Acme',
        'Beta',
      ]);
      expect(await listed('--data-dir', empty, 'clients', 'list', '--json')).toEqual([]);
      // Without a folder it is a usage error, not a folder called "--json".
      expect(await main(['clients', 'list', '--data-dir', '--json'], quiet)).toBe(2);
      expect(await main(['clients', 'list', '--data-dir'], quiet)).toBe(2);
    } finally {
      await rm(other, { recursive: true, force: true });
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!built)('office-hours exit codes (built command, child process)', () => {
  it('exits 2 for an unknown command, flag or argument, and for a missing one', async () => {
    const [command, flag, value, positional, missing] = await Promise.all([
      spawnCli('no-such-command'),
      spawnCli('status', '--frobnicate'),
      spawnCli('report', '--from'),
      spawnCli('status', 'now'),
      spawnCli('clients', 'add'),
    ]);
    expect(command.code).toBe(2);
    expect(command.err).toContain('unknown command "no-such-command"');
    expect(flag.code).toBe(2);
    expect(flag.err).toBe(
      "office-hours status: Unknown option '--frobnicate'\n" +
        'Usage: office-hours status [--at ISO] [--today] [--json] [--offline]\n' +
        'More: office-hours status --help\n',
    );
    expect(value.code).toBe(2);
    expect(value.err).toContain("Option '--from <value>' argument missing");
    expect(positional.code).toBe(2);
    expect(positional.err).toContain("Unexpected argument 'now'");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('office-hours clients: add takes the client name\n');
    expect(missing.err).toContain('Usage: office-hours clients add <name>');
    expect(missing.err).toContain('More: office-hours clients add --help\n');
  });

  it('exits 2 for input the schema refuses, a name that does not exist, or one taken', async () => {
    expect((await spawnCli('clients', 'add', 'Acme')).code).toBe(0);
    const [bad, unknown, taken] = await Promise.all([
      spawnCli('clients', 'add', 'Beta', '--allowance', '101'),
      spawnCli('clients', 'rotate', 'Nobody'),
      spawnCli('clients', 'add', 'ACME'),
    ]);
    expect(bad).toMatchObject({
      code: 2,
      err: 'office-hours clients: allowance: 101 — allowed: a whole number from 0 to 100\n',
    });
    expect(unknown).toMatchObject({
      code: 2,
      err: 'office-hours clients: no client named "Nobody" (see: office-hours clients list)\n',
    });
    expect(taken).toMatchObject({
      code: 2,
      err: 'office-hours clients: name: "ACME" — there is already a client with this name\n',
    });
  });

  it('exits 1 when the command itself fails, and notes it in the log with addresses cut to the host', async () => {
    const failed = await spawnCli(
      'expand',
      'https://127.0.0.1:9/private-feed-Secret123/basic.ics',
      '--from',
      '2026-01-01T00:00:00Z',
      '--to',
      '2026-02-01T00:00:00Z',
      '--tz',
      'UTC',
    );
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('could not connect');
    const log = await readFile(join(dir, 'logs', 'office-hours.log'), 'utf8');
    const line = log
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'command failed');
    expect(line).toMatchObject({ level: 'error', command: 'expand' });
    expect(JSON.stringify(line)).toContain('could not connect');
    expect(log).not.toContain('Secret123');
  });
});
