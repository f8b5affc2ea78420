/** Status-link tokens: long, random, revocable, and looked up without comparing secrets byte by byte. */
import { hash, randomBytes } from 'node:crypto';

/** The shape of a token in a URL: base64url, 22 characters (≈128 bits) or more. Anything else is not looked up. */
export const STATUS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

/** A fresh status token: 24 random bytes (192 bits) as 32 base64url characters. */
export function newStatusToken(): string {
  return randomBytes(24).toString('base64url');
}

/** True when `token` has the shape of a status token (so it is safe in a path and worth looking up). */
export function isStatusTokenShape(token: string): boolean {
  return STATUS_TOKEN_PATTERN.test(token);
}

/**
 * SHA-256 of a token, base64: the key tokens are stored and compared under. Comparing digests (with ===
 * or in a Map) takes time that depends on how many leading digest characters match, and that tells an
 * attacker nothing about the token itself — unlike comparing the tokens, where it reveals a prefix.
 * The one-shot `crypto.hash` costs well under a microsecond, against several for `createHash`.
 */
export function tokenKey(token: string): string {
  return hash('sha256', token, 'base64');
}

/** True when two tokens are equal, by their digests (see tokenKey), so unequal lengths take the same path. */
export function tokensEqual(a: string, b: string): boolean {
  return tokenKey(a) === tokenKey(b);
}

/** A lookup from token to record whose map is keyed by the token's digest, not the token. */
export interface TokenIndex<C extends { statusToken: string }> {
  /** Replaces every entry (call after clients change or a token rotates: old tokens stop working at once). */
  replace(records: Iterable<C>): void;
  /** The record whose token is `token`, or undefined. */
  get(token: string): C | undefined;
  /** The record whose token digests to `key` (tokenKey), for a caller that has the digest already. */
  getByKey(key: string): C | undefined;
  readonly size: number;
}

/**
 * Builds a token index: a Map keyed by SHA-256 of each token. A Map keyed by the token itself would
 * compare the secret string with `===`, whose time depends on the common prefix.
 */
export function createTokenIndex<C extends { statusToken: string }>(
  records: Iterable<C> = [],
): TokenIndex<C> {
  let byKey = new Map<string, C>();
  const index: TokenIndex<C> = {
    replace(next) {
      const map = new Map<string, C>();
      for (const record of next) {
        if (isStatusTokenShape(record.statusToken)) map.set(tokenKey(record.statusToken), record);
      }
      byKey = map;
    },
    get(token) {
      return isStatusTokenShape(token) ? byKey.get(tokenKey(token)) : undefined;
    },
    getByKey(key) {
      return byKey.get(key);
    },
    get size() {
      return byKey.size;
    },
  };
  index.replace(records);
  return index;
}
