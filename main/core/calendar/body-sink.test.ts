import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BodySink, decodeBody } from './body-sink.js';
import { SourceError } from './source-error.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-sink-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('decodeBody', () => {
  it('decodes with the declared charset, and as UTF-8 when the label is unknown', () => {
    expect(decodeBody(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c]), 'iso-8859-1')).toBe('Müll');
    expect(decodeBody(Buffer.from('Müll', 'utf8'), 'x-no-such-charset')).toBe('Müll');
    expect(decodeBody(Buffer.from('\ufeffBEGIN', 'utf8'))).toBe('BEGIN');
  });
});

describe('BodySink', () => {
  it('writes to its file and fsyncs it on finish', async () => {
    const file = join(dir, 'body.ics');
    const sink = new BodySink(1000, file);
    await sink.write(Buffer.from('BEGIN:VCALENDAR\r\n'));
    await sink.write(Buffer.from('END:VCALENDAR\r\n'));
    const done = await sink.finish();
    expect(done.bytes).toBe(32);
    expect(await readFile(file, 'utf8')).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });

  it('after a failure, discard removes the half-written file, also when called twice', async () => {
    const file = join(dir, 'body.ics');
    const sink = new BodySink(20, file);
    await sink.write(Buffer.from('BEGIN:VCALENDAR\r\n'));
    expect(existsSync(file)).toBe(true);
    const error = await sink.write(Buffer.from('END:VCALENDAR\r\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe('too-large');
    await sink.discard();
    expect(existsSync(file)).toBe(false);
    // A second discard (both the reader and its caller may clean up) is harmless.
    await expect(sink.discard()).resolves.toBeUndefined();
  });
});
