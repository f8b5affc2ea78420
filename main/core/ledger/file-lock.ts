/**
 * A lock file that serialises the ledger's writers across processes (the tray app, `serve` and the
 * one-shot commands may share a data folder). The file holds the owner's pid, so a lock left behind
 * by a process that died (SIGKILL, a crash, power loss) is recognised and broken rather than
 * blocking the ledger for good. Synchronous on purpose: the ledger's writes are synchronous, and the
 * critical sections are short (an append) or rare (folding the journal into the data file).
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { isNodeError } from '../store/files.js';

/** How long to wait for another process's lock before giving up (default 30 s: a fold of a large file). */
export const LOCK_TIMEOUT_MS = 30_000;

/** A lock holder that did not finish writing its pid gets this long before its lock counts as stale. */
const UNFINISHED_GRACE_MS = 2_000;

/** Locks this process holds, with their nesting depth (the ledger may lock while locked). */
const held = new Map<string, number>();

/** The lock could not be taken in time. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Runs `fn` holding the lock file at `path`; re-entrant within one process. */
export function withFileLock<T>(path: string, fn: () => T, timeoutMs = LOCK_TIMEOUT_MS): T {
  const depth = held.get(path) ?? 0;
  if (depth === 0) acquire(path, timeoutMs);
  held.set(path, depth + 1);
  try {
    return fn();
  } finally {
    if (depth === 0) {
      held.delete(path);
      rmSync(path, { force: true });
    } else {
      held.set(path, depth);
    }
  }
}

function acquire(path: string, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      return;
    } catch (error) {
      if (!isNodeError(error) || error.code !== 'EEXIST') throw error;
    }
    if (isStale(path)) {
      // Two processes breaking the same stale lock at the same instant could both get in; that
      // needs a dead holder and two contenders within microseconds, and is accepted.
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new LockTimeoutError(`the ledger is busy: another Office Hours process holds ${path}`);
    }
    // A synchronous sleep: the holder is another process, so this one has nothing else to do.
    Atomics.wait(pause, 0, 0, wait);
  }
}

/** Whether the lock's owner is gone: its pid no longer runs, or it never wrote one. */
function isStale(path: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return false; // gone already: the next attempt takes it
    throw error;
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) {
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    return age > UNFINISHED_GRACE_MS;
  }
  if (pid === process.pid) return true; // ours from before a fork/exec cannot be held: not in `held`
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists under another user, so it is alive.
    return isNodeError(error) && error.code === 'ESRCH';
  }
}
