/**
 * The app's log: JSON lines in `<data-dir>/logs/office-hours.log`, rotated by size, written through pino
 * in this thread (no transport workers: the bundle keeps packages external). Every web address in a
 * message, a field or an error is cut to scheme and host first, so no secret feed URL or status link
 * ever reaches the disk.
 */
import { join } from 'node:path';
import pino from 'pino';
import { redactText, redactValue } from './redact-log.js';
import { RotatingFile } from './rotating-file.js';

/** Extra facts for one line (an `error` may be any thrown value). */
export type LogFields = Record<string, unknown>;

/** Where the app notes what went wrong (and a few things that went right) for the user to look at later. */
export interface Log {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Flushes and closes the file; later lines are dropped. */
  close(): void;
}

/** Size and retention of the log (defaults: 1 MiB per file, 5 rotated files kept). */
export interface LogOptions {
  maxBytes?: number;
  keep?: number;
  /** The lowest level written (default 'info'). */
  level?: 'info' | 'warn' | 'error';
  /** The file name inside `<data-dir>/logs/` (default office-hours.log). */
  fileName?: string;
}

/** The folder the log lives in, for README and "show the log" actions. */
export function logDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

/** The current log file's path. */
export function logFile(dataDir: string, fileName = 'office-hours.log'): string {
  return join(logDir(dataDir), fileName);
}

// pino's own keys: a field spelled like one would make a line with two of them.
const RESERVED = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

/** A log on disk under `<dataDir>/logs/`. */
export function createLog(dataDir: string, options: LogOptions = {}): Log {
  const file = new RotatingFile({
    path: logFile(dataDir, options.fileName),
    maxBytes: Math.max(1024, options.maxBytes ?? 1024 * 1024),
    keep: Math.max(0, options.keep ?? 5),
  });
  const logger = pino(
    {
      level: options.level ?? 'info',
      // No host name: the log may be attached to a support mail.
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => file.write(line) },
  );
  let open = true;
  const line =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void => {
      if (!open) return;
      logger[level](safeFields(fields), redactText(message));
    };
  return {
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    close() {
      if (!open) return;
      open = false;
      file.close();
    },
  };
}

function safeFields(fields: LogFields | undefined): Record<string, unknown> {
  if (!fields) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields))
    out[RESERVED.has(key) ? `${key}_` : key] = redactValue(value);
  return out;
}

/** A log line kept in memory (for tests of modules that log). */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

/** A log that keeps its lines in `entries` (redacted exactly like the file log), for tests. */
export function createMemoryLog(): Log & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const line =
    (level: LogEntry['level']) =>
    (message: string, fields?: LogFields): void => {
      entries.push({ level, message: redactText(message), fields: safeFields(fields) });
    };
  return { entries, info: line('info'), warn: line('warn'), error: line('error'), close() {} };
}

/** A log that drops everything (the default where no log was given). */
export const noopLog: Log = { info() {}, warn() {}, error() {}, close() {} };
