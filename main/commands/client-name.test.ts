import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-client-name-'));
  expect((await runCli(dir, 'clients', 'add', 'Acme')).code).toBe(0);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every command that takes a client's name, given one nobody has. */
const UNKNOWN: string[][] = [
  ['clients', 'remove', 'Foo'],
  ['clients', 'rotate', 'Foo'],
  ['clients', 'link', 'Foo'],
  ['log', 'Foo', 'call'],
  ['settings', 'set', 'targetRates.Foo', '150'],
  ['settings', 'get', 'targetRates.Foo'],
];

describe('a client named on the command line', () => {
  it('that does not exist: every command says so in the words the user typed, exit 2, nothing saved', async () => {
    const before = await readFile(join(dir, 'office-hours.json'), 'utf8');
    for (const argv of UNKNOWN) {
      expect({ argv, ...(await runCli(dir, ...argv)) }).toEqual({
        argv,
        code: 2,
        out: '',
        err: `office-hours ${argv[0]}: no client named "Foo" (see: office-hours clients list)\n`,
      });
    }
    expect(await readFile(join(dir, 'office-hours.json'), 'utf8')).toBe(before);
  });

  it('is found whatever its case, and by the id `clients list --json` shows', async () => {
    expect((await runCli(dir, 'clients', 'link', 'ACME')).out).toMatch(/^http:\/\/.*\/s\//);
    const [acme] = JSON.parse((await runCli(dir, 'clients', 'list', '--json')).out) as Array<{
      id: string;
    }>;
    expect((await runCli(dir, 'log', acme?.id ?? '', 'call')).code).toBe(0);
  });
});
