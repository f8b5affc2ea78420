/** Messages between parse-pool (main thread) and parse-worker: one request, result chunks, then done or error. */
import type { ExpandOptions, ExpandedEvent, ParseWarning } from './types.js';

/** The calendar to read: the text itself, raw bytes, or a file the worker reads itself (no copy on the main thread). */
export type ParseInput =
  string | { bytes: Uint8Array; charset?: string } | { file: string; charset?: string };

/** Main → worker. `testHook` exists only so tests can make a worker hang or run out of memory on purpose. */
export interface ParseRequest {
  type?: 'parse';
  id: number;
  input: ParseInput;
  options: ExpandOptions;
  testHook?: 'hang' | 'oom';
}

/**
 * Main → worker: the previous chunk was taken in, send the next. The main thread asks for each chunk
 * from a setImmediate, so timers and I/O run between chunks instead of Node draining every queued
 * message in one turn of the event loop.
 */
export interface ChunkAck {
  type: 'more';
  id: number;
}

/** Worker → main: 'ready' once its modules are loaded (the time limit starts then). Events and warnings come in chunks so no single message stalls the main thread while it is decoded. */
export type ParseReply =
  | { id: 0; type: 'ready' }
  | { id: number; type: 'events'; events: ExpandedEvent[] }
  | { id: number; type: 'warnings'; warnings: ParseWarning[] }
  | { id: number; type: 'done'; calendarName?: string }
  | { id: number; type: 'error'; name: string; message: string; line?: number };

/** Events per message: a 250-event message takes ~1 ms to decode on the main thread (1000 took 4–10 ms on a busy 2-core box). */
export const CHUNK = 250;
