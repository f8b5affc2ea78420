/** Worker-thread entry: reads a calendar (text, bytes or file) with expandIcs and posts the result back in chunks. */
import { readFileSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { parentPort } from 'node:worker_threads';
import { expandIcs } from './expand.js';
import {
  CHUNK,
  type ChunkAck,
  type ParseInput,
  type ParseReply,
  type ParseRequest,
} from './parse-protocol.js';
import { CalendarParseError, type ExpandedEvent } from './types.js';

/** Resolvers waiting for the main thread to take the previous chunk, by request id. */
const waiting = new Map<number, () => void>();

function acked(id: number): Promise<void> {
  return new Promise((resolve) => waiting.set(id, resolve));
}

/**
 * What the main thread gets of an occurrence: descriptions and locations stay in the worker. Nothing
 * on the main thread shows them (status pages never may), and leaving them out keeps its heap, and
 * the garbage collection pauses of a big sync, small.
 */
function lean(event: ExpandedEvent): ExpandedEvent {
  const { description: _description, location: _location, ...rest } = event;
  return rest;
}

/** Reads the input here in the worker, so reading and decoding never block the main thread. */
function textOf(input: ParseInput): string | Uint8Array {
  if (typeof input === 'string') return input;
  const bytes = 'file' in input ? readFileSync(input.file) : input.bytes;
  // Undeclared or UTF-8: expandIcs decodes bytes itself (folds that split a character, Windows-1252 fallback).
  if (!input.charset || /^utf-?8$/i.test(input.charset)) return bytes;
  try {
    return new TextDecoder(input.charset).decode(bytes);
  } catch {
    return bytes; // a label TextDecoder does not know: let expandIcs guess
  }
}

function runHook(hook: ParseRequest['testHook']): void {
  if (hook === 'hang') for (;;);
  if (hook === 'oom') {
    // Large arrays of doubles reach the old-space cap fastest (about 1 s at 32 MB, strings take twice as long).
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array<number>(1_000_000).fill(hoard.length + 0.5));
  }
}

async function handle(port: NonNullable<typeof parentPort>, request: ParseRequest): Promise<void> {
  const post = (reply: ParseReply): void => port.postMessage(reply);
  try {
    runHook(request.testHook);
    const result = expandIcs(textOf(request.input), request.options);
    for (let i = 0; i < result.events.length; i += CHUNK) {
      const ack = acked(request.id);
      post({ id: request.id, type: 'events', events: result.events.slice(i, i + CHUNK).map(lean) });
      await ack;
    }
    for (let i = 0; i < result.warnings.length; i += CHUNK)
      post({ id: request.id, type: 'warnings', warnings: result.warnings.slice(i, i + CHUNK) });
    post({
      id: request.id,
      type: 'done',
      ...(result.calendarName !== undefined ? { calendarName: result.calendarName } : {}),
    });
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    post({
      id: request.id,
      type: 'error',
      name: err.name,
      message: err.message,
      ...(error instanceof CalendarParseError && error.line !== undefined
        ? { line: error.line }
        : {}),
    });
  }
}

const port = parentPort;
if (port) {
  port.on('message', (message: ParseRequest | ChunkAck) => {
    if (message.type === 'more') {
      waiting.get(message.id)?.();
      waiting.delete(message.id);
      return;
    }
    void handle(port, message);
  });
  port.postMessage({ id: 0, type: 'ready' } satisfies ParseReply);
}
