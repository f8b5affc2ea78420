import { describe, expect, it } from 'vitest';
import { addressKey, createRateLimiter } from './rate-limit.js';
import {
  createTokenIndex,
  isStatusTokenShape,
  newStatusToken,
  tokensEqual,
} from './status-token.js';

describe('status tokens', () => {
  it('are 24 random bytes as base64url', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newStatusToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(24);
      expect(isStatusTokenShape(t)).toBe(true);
    }
    expect(isStatusTokenShape('short')).toBe(false);
    expect(isStatusTokenShape(`${'a'.repeat(30)}/..`)).toBe(false);
  });

  it('an index finds a record by its current token only', () => {
    const a = { id: 'a', statusToken: newStatusToken() };
    const b = { id: 'b', statusToken: newStatusToken() };
    const index = createTokenIndex([a, b, { id: 'bad', statusToken: 'nope' }]);
    expect(index.size).toBe(2);
    expect(index.get(a.statusToken)).toBe(a);
    expect(index.get(b.statusToken)).toBe(b);
    expect(index.get(a.statusToken.slice(0, -1))).toBeUndefined();
    expect(index.get(a.statusToken.toUpperCase())).toBeUndefined();
    expect(index.get('nope')).toBeUndefined();
    const old = a.statusToken;
    index.replace([{ ...a, statusToken: newStatusToken() }, b]);
    expect(index.get(old)).toBeUndefined();
  });

  it('tokensEqual compares whole tokens of any length', () => {
    const t = newStatusToken();
    expect(tokensEqual(t, t)).toBe(true);
    expect(tokensEqual(t, `${t}x`)).toBe(false);
    expect(tokensEqual(t, '')).toBe(false);
  });
});

describe('rate limiter', () => {
  it('allows a burst, then one request per refill, and says how long to wait', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 3, perSecond: 2 }, () => now);
    expect([limiter.take('x'), limiter.take('x'), limiter.take('x')]).toEqual([0, 0, 0]);
    expect(limiter.take('x')).toBe(1);
    expect(limiter.take('y')).toBe(0);
    now += 500;
    expect(limiter.take('x')).toBe(0);
    expect(limiter.take('x')).toBe(1);
  });

  it('stays within its memory bound', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 2, perSecond: 1, maxAddresses: 100 }, () => now);
    for (let i = 0; i < 1000; i++) {
      limiter.take(`10.0.${i >> 8}.${i & 255}`);
      now += 1;
    }
    expect(limiter.size).toBeLessThanOrEqual(100);
  });

  it('keys IPv6 by /64 and unwraps IPv4-mapped addresses', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey(undefined)).toBe('unknown');
  });
});
