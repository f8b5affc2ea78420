/** The one error type a calendar source fails with: a code for the program, a message for the user. */

/** Why a source could not be fetched or read. */
export type SourceErrorCode =
  | 'http'
  | 'timeout'
  | 'too-large'
  | 'redirects'
  | 'network'
  | 'content-type'
  | 'not-found'
  | 'parse'
  | 'truncated';

/** A failed fetch or parse. `message` is written for the user and never holds a full (secret) URL. */
export class SourceError extends Error {
  override readonly name = 'SourceError';

  constructor(
    readonly code: SourceErrorCode,
    message: string,
    /** The HTTP status, for code 'http'. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Formats a byte limit the way users read it ("50 MB", "512 KB", "900 bytes"). */
export function formatBytes(bytes: number): string {
  const mb = 1024 * 1024;
  if (bytes >= mb) return `${Number((bytes / mb).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** Formats a duration in whole seconds when possible ("30 s", "0.2 s"). */
export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 || ms >= 10_000
    ? `${Math.round(ms / 1000)} s`
    : `${Number((ms / 1000).toFixed(2))} s`;
}
