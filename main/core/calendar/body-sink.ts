/** Where a fetched calendar body goes while it streams in: counted against the size limit, hashed, sniffed, kept or written to disk. */
import { createHash } from 'node:crypto';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { SourceError, formatBytes } from './source-error.js';

const SNIFF_BYTES = 512;

/** Default fetch limits: 30 s for the whole fetch, 5 redirects, 50 MB. */
export const FETCH_DEFAULTS = {
  timeoutMs: 30_000,
  maxRedirects: 5,
  maxBytes: 50 * 1024 * 1024,
} as const;

/** Decodes a fetched body with its charset (UTF-8 unless declared otherwise; a BOM is dropped). */
export function decodeBody(body: Uint8Array, charset?: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8');
  } catch (error) {
    // TextDecoder refuses a label it does not know with a RangeError; anything else is a real fault.
    if (!(error instanceof RangeError)) throw error;
    decoder = new TextDecoder('utf-8'); // an unknown label: UTF-8 is what calendars nearly always are
  }
  return decoder.decode(body);
}

/** True when the start of a body is an HTML document (a login page or error page served instead of a feed). */
export function looksLikeHtml(head: Uint8Array): boolean {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, SNIFF_BYTES))
    .toString('latin1')
    .replace(/^\u00ef\u00bb\u00bf/, '')
    .trimStart()
    .toLowerCase();
  return (
    text.startsWith('<!doctype html') ||
    text.startsWith('<html') ||
    text.startsWith('<head') ||
    text.startsWith('<body')
  );
}

/** The error for an HTML page where a calendar was expected. */
export function htmlError(): SourceError {
  return new SourceError(
    'content-type',
    'got an HTML page, not a calendar — is the link still valid?',
  );
}

/**
 * Collects a body chunk by chunk so no step copies the whole body on the main thread at once:
 * the SHA-256 is updated per chunk and, with a destination file, the bytes go straight to disk.
 */
export class BodySink {
  bytes = 0;
  private readonly hash = createHash('sha256');
  private readonly chunks: Buffer[] = [];
  private head = Buffer.alloc(0);
  private sniffed = false;
  private file: FileHandle | undefined;

  constructor(
    private readonly maxBytes: number,
    /** Write the body here (created or truncated, fsynced on finish, removed on failure). */
    private readonly destination?: string,
  ) {}

  /** Accepts the next (decompressed) chunk; throws 'too-large' or 'content-type' as soon as either is certain. */
  async write(chunk: Buffer): Promise<void> {
    this.bytes += chunk.byteLength;
    if (this.bytes > this.maxBytes)
      throw new SourceError('too-large', `larger than ${formatBytes(this.maxBytes)}`);
    if (!this.sniffed) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES)]);
      if (this.head.byteLength >= SNIFF_BYTES) this.sniff();
    }
    this.hash.update(chunk);
    if (this.destination === undefined) {
      this.chunks.push(chunk);
      return;
    }
    this.file ??= await open(this.destination, 'w');
    await this.file.write(chunk);
  }

  /** Ends the body: the final sniff, the hash, and either the collected bytes or the synced file. */
  async finish(): Promise<{ bytes: number; sha256: string; body?: Buffer }> {
    if (!this.sniffed) this.sniff();
    const sha256 = this.hash.digest('hex');
    if (this.destination === undefined)
      return { bytes: this.bytes, sha256, body: Buffer.concat(this.chunks, this.bytes) };
    this.file ??= await open(this.destination, 'w');
    // fsync before the caller renames the file into place: a crash must not leave a half-written "last good copy".
    await this.file.sync();
    await this.file.close();
    this.file = undefined;
    return { bytes: this.bytes, sha256 };
  }

  /** Drops whatever was written after a failure. */
  async discard(): Promise<void> {
    this.chunks.length = 0;
    // reason: discard runs on the way out of a failure the caller throws next; a close that fails after it
    // (mostly the same disk error again) must not replace that failure, and the file is removed below anyway.
    await this.file?.close().catch(() => undefined);
    this.file = undefined;
    if (this.destination !== undefined) await rm(this.destination, { force: true });
  }

  private sniff(): void {
    this.sniffed = true;
    if (looksLikeHtml(this.head)) throw htmlError();
  }
}
