/** The dashboard's session token: random, long, compared in constant time. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Shortest token accepted from the user (22 base64url characters ≈ 128 bits). */
export const MIN_TOKEN_LENGTH = 22;

/** A fresh random session token: 32 bytes (256 bits), base64url so it fits a URL fragment unescaped. */
export function createSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * True when `given` equals `expected`, in time independent of where they differ. Both sides are hashed
 * first so unequal lengths take the same path and leak nothing about the expected length either.
 */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** Pulls the token out of an `Authorization: Bearer …` header; undefined when absent or malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  return match?.[1];
}
