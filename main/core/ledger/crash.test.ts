/**
 * Crash safety of logging: a child process logs contacts in a loop and prints each id once the call
 * has returned; it is killed with SIGKILL at random moments, 50 times, and after every kill the data
 * folder must open cleanly and hold every contact whose id was printed. The child folds the journal
 * every few contacts, so kills land in appends, in folds and between the two.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/store.js';
import { makeTempDir, sampleClient } from '../store/test-support.js';
import { ContactBook } from './contact-book.js';

const fixture = fileURLToPath(new URL('./fixtures/log-loop.ts', import.meta.url));
const KILLS = 50;
const FOLD_AT = 3;

let dir: string;
let child: string;
let remove: () => void;

beforeAll(async () => {
  ({ dir, remove } = makeTempDir('oh-crash-'));
  // One bundle for plain node: starting 50 processes through a TypeScript loader would take minutes.
  child = join(dir, 'log-loop.mjs');
  await build({
    entryPoints: [fixture],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: child,
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
});

afterAll(() => remove());

/** Runs the child until `delayMs` after its first logged contact, kills it, and returns the ids it printed. */
function runAndKill(
  dataDir: string,
  delayMs: number,
): Promise<{ ids: string[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dataDir, 'client-1', String(FOLD_AT)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // Counted from the first logged contact, so every round gets past start-up whatever the machine's load.
      if (timer === undefined && /ready\n.+\n/.test(out))
        timer = setTimeout(() => proc.kill('SIGKILL'), delayMs);
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      clearTimeout(timer);
      // Only whole lines: a line cut off by the kill was not fully printed.
      const lines = out.slice(0, out.lastIndexOf('\n') + 1).split('\n');
      resolve({ ids: lines.filter((l) => l !== '' && l !== 'ready'), signal, stderr });
    });
  });
}

describe('logging contacts under SIGKILL', () => {
  it(`keeps every contact whose log call returned, across ${KILLS} kills at random moments`, async () => {
    const dataDir = join(dir, 'data');
    const setup = openStore(dataDir, { watch: false });
    setup.update((d) => void d.clients.push(sampleClient(1)));
    setup.close();

    const printed = new Set<string>();
    for (let round = 0; round < KILLS; round++) {
      const { ids, signal, stderr } = await runAndKill(dataDir, Math.floor(Math.random() * 40));
      expect(signal, stderr).toBe('SIGKILL');
      for (const id of ids) printed.add(id);

      const store = openStore(dataDir, { watch: false });
      try {
        expect(store.notices, `round ${round}`).toEqual([]);
        const held = new ContactBook(store, dataDir).state().items.map((c) => c.id);
        expect(new Set(held).size, `round ${round}: no contact twice`).toBe(held.length);
        const missing = [...printed].filter((id) => !held.includes(id));
        expect(missing, `round ${round}: logged but lost`).toEqual([]);
      } finally {
        store.close();
      }
    }
    const store = openStore(dataDir, { watch: false });
    // The kills had folds to interrupt: the journal was folded into the data file many times.
    expect(store.read().ledger.journalGeneration).toBeGreaterThan(KILLS / 10);
    store.close();
    expect(printed.size).toBeGreaterThan(KILLS);
  }, 180_000);
});
