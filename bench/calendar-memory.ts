/** Peak memory of one calendar operation, measured in a fresh child process (see calendar-child.ts). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildResult } from './calendar-child.js';

const CHILD = fileURLToPath(new URL('./calendar-child.ts', import.meta.url));

/**
 * Run operation `key` once on the calendar at `path` in a new node (with tsx) and return
 * its time, its RSS just before the operation and its peak RSS (getrusage maxRSS: the kernel's
 * high-water mark, so worker threads and short spikes between samples count).
 */
export function measureInChild(
  key: string,
  path: string,
  now: number,
  timeoutMs = 180_000,
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, key, path, String(now)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code ?? signal}`);
        resolve(JSON.parse(line) as ChildResult);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        reject(
          new Error(
            `memory child for ${key} failed (${why}): ${err.trim().split('\n').slice(-3).join(' | ')}`,
          ),
        );
      }
    });
  });
}
