/** `office-hours serve` as a child process on a fresh data folder: what the user runs, nothing faked. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../shared/api.js';

const root = resolve(import.meta.dirname, '../..');

/** A running `serve`. */
export interface ServeProcess {
  /** The line's link: base URL with `#token=…`. */
  link: string;
  baseUrl: string;
  /** The client status server, e.g. `http://127.0.0.1:41235` (links are `${statusUrl}/s/<token>`). */
  statusUrl: string;
  token: string;
  dataDir: string;
  /** Everything the process wrote so far (for failure messages). */
  output(): string;
  /** Calls the dashboard API as another client would (the token holder), bypassing the page. */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]>;
  /** Stops it and deletes its data folder, unless `keepData` (to start another serve on it). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * Starts `node bin/office-hours.js --data-dir <fresh> serve --port 0 --dashboard-port 0` and waits for
 * its Status server and Dashboard lines (both on free ports, so nothing clashes with a real `serve`).
 */
export async function startServe(
  timeoutMs = 30_000,
  /** An existing data folder (a restart) instead of a fresh one. */
  options: { dataDir?: string } = {},
): Promise<ServeProcess> {
  if (
    !existsSync(join(root, 'dist', 'cli.js')) ||
    !existsSync(join(root, 'dist', 'renderer', 'index.html'))
  ) {
    throw new Error('office-hours is not built: run `npm run build` before the e2e tests');
  }
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'oh-e2e-')));
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/office-hours.js', '--data-dir', dataDir, 'serve', '--port', '0', '--dashboard-port', '0'],
    {
      cwd: root,
      env: { ...process.env, OFFICE_HOURS_HOME: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  let statusUrl = '';
  const link = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve printed no Dashboard line within ${timeoutMs} ms:\n${log}`)),
      timeoutMs,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      log += `${line}\n`;
      const status = /^Status server: (http:\/\/\S+)$/.exec(line.trim());
      if (status?.[1]) statusUrl = status[1];
      const match = /^Dashboard: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/.exec(line.trim());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening:\n${log}`));
    });
  });
  const url = new URL(link);
  const token = decodeURIComponent(url.hash.replace(/^#token=/, ''));
  const baseUrl = `${url.origin}/`;

  return {
    link,
    baseUrl,
    statusUrl,
    token,
    dataDir,
    output: () => log,
    async call(method, input) {
      const response = await fetch(`${baseUrl}api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body: unknown = await response.json();
      if (!response.ok)
        throw new Error(`${method}: HTTP ${response.status} ${JSON.stringify(body)}`);
      return body as ApiOutputs[typeof method];
    },
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const code = await Promise.race([
          exited,
          new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref()),
        ]);
        if (code === 'timeout') child.kill('SIGKILL');
      }
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Working hours around the clock every day in this machine's zone, so the calendar alone decides. */
export function allDayWorkingHours(): ApiInput<'setWorkingHours'> {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { tz, days: Array.from({ length: 7 }, () => [{ start: '00:00', end: '00:00' }]) };
}
