import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './store.js';
import { makeTempDir, nextChange } from './test-support.js';

const fixture = fileURLToPath(new URL('./fixtures/child-writer.ts', import.meta.url));
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

describe('two processes on one data folder', () => {
  it('a change saved by another process survives its SIGKILL and reaches onChange', async () => {
    const { dir, remove } = makeTempDir();
    cleanups.push(remove);
    const serving = openStore(dir);
    cleanups.push(() => serving.close());
    expect(serving.read().override).toBeNull();

    // Generous timeout: it includes starting a second Node with the TypeScript loader.
    const change = nextChange(serving, 20_000);
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => child.kill('SIGKILL'));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killed = new Promise<NodeJS.Signals | null>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        // The moment update() has returned: no chance to flush anything after this.
        if (chunk.toString().includes('saved')) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => resolve(signal));
      child.on('error', reject);
    });
    expect(await killed, stderr).toBe('SIGKILL');

    const { data, origin } = await change;
    expect(origin).toBe('external');
    expect(data.override?.mode).toBe('unavailable');
    const reopened = openStore(dir, { watch: false });
    cleanups.push(() => reopened.close());
    expect(reopened.read().override?.mode).toBe('unavailable');
    expect(reopened.notices).toEqual([]);
  });
});
