/** `office-hours sample` on a real data folder: add, refuse twice, remove, and the user's client stays. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from './run-cli.js';

let dir: string;
let dataDir: string;

const cli = (...argv: string[]): Promise<CliRun> => runCli(dataDir, ...argv);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-cli-sample-'));
  dataDir = join(dir, 'data');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('office-hours sample', () => {
  it('adds the sample once, removes only it, and says so', async () => {
    expect((await cli('sample', 'status')).out).toBe('No sample data.\n');
    const added = await cli('sample', 'add', '--language', 'de');
    expect(added.code).toBe(0);
    expect(added.out).toContain('Northwind Logistics, Brightwater Studio');
    expect((await cli('calendars', 'list')).out).toContain('Beispielkalender');
    const again = await cli('sample', 'add');
    expect(again.code).toBe(2); // a ConflictError: the command line asked for what is there
    expect(again.err).toMatch(/sample data is there already/);
    expect((await cli('clients', 'add', 'Acme')).code).toBe(0);
    const removed = await cli('sample', 'remove');
    expect(removed.out).toMatch(/^Removed the sample data: 1 calendar, 3 clients, \d+ contacts/);
    expect((await cli('clients', 'list')).out).toContain('Acme');
    expect((await cli('clients', 'list')).out).not.toContain('Northwind');
    expect((await cli('sample', 'remove')).out).toBe('There is no sample data to remove.\n');
    expect((await cli('sample', 'add', '--language', 'fr')).code).toBe(2);
    expect((await cli('sample', 'add', '--language', 'de', '--lang', 'en')).code).toBe(2);
    const english = await cli('sample', 'add', '--lang', 'en');
    expect(english.code).toBe(0);
    expect((await cli('calendars', 'list')).out).toContain('Sample calendar');
  });
});
