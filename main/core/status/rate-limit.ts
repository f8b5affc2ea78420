/** A token bucket per client address, so one address cannot hammer the status server or guess tokens fast. */

/** How many requests an address may make at once (`burst`) and sustained (`perSecond`). */
export interface RateLimitOptions {
  burst: number;
  perSecond: number;
  /** Addresses remembered at most; beyond it full buckets are forgotten (default 10 000). */
  maxAddresses?: number;
}

/** A rate limiter: `take` spends one request of `key`'s bucket. */
export interface RateLimiter {
  /**
   * 0 when the request may proceed, else the seconds until it may (for Retry-After). `now` (ms) lets a
   * caller that has read the clock for this request already pass it on instead of reading it again.
   */
  take(key: string, now?: number): number;
  readonly size: number;
}

/** Creates a token-bucket limiter. `clock` returns milliseconds (replaceable in tests). */
export function createRateLimiter(
  { burst, perSecond, maxAddresses = 10_000 }: RateLimitOptions,
  clock: () => number = Date.now,
): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();

  function forgetFullBuckets(now: number): void {
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * perSecond >= burst) buckets.delete(key);
    }
    // Every address is mid-burst (a flood from many addresses): forget them all rather than grow without bound.
    if (buckets.size >= maxAddresses) buckets.clear();
  }

  return {
    take(key, now = clock()) {
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxAddresses) forgetFullBuckets(now);
        bucket = { tokens: burst, at: now };
        buckets.set(key, bucket);
      } else {
        bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
        bucket.at = now;
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    },
    get size() {
      return buckets.size;
    },
  };
}

/**
 * The key an address is limited under: IPv4 as is, IPv6 by its /64 prefix, because one host usually
 * holds a whole /64 and could otherwise rotate through addresses to dodge the limit.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [
        ...headGroups,
        ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'),
        ...tailGroups,
      ]
    : address.split(':');
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
