import { describe, expect, it } from 'vitest';
import { type StatusErrorContext, throttledErrorHandler } from './error-reporter.js';

describe('throttledErrorHandler', () => {
  it('reports the first failure, drops repeats within the interval and counts them in the next report', () => {
    let now = 1_000_000;
    const seen: [unknown, StatusErrorContext][] = [];
    const report = throttledErrorHandler(
      (e, c) => seen.push([e, c]),
      60_000,
      () => now,
    );
    report(new Error('one'), 'request');
    report(new Error('two'), 'request');
    now += 59_999;
    report(new Error('three'), 'push');
    expect(seen.map(([e]) => (e as Error).message)).toEqual(['one']);
    now += 1;
    report(new Error('four'), 'push');
    expect(seen).toHaveLength(2);
    expect((seen[1]?.[0] as Error).message).toBe('four');
    expect(seen[1]?.[1]).toEqual({ where: 'push', suppressed: 2 });
    expect(seen[0]?.[1]).toEqual({ where: 'request', suppressed: 0 });
  });

  it('survives a handler that throws and does nothing without one', () => {
    const report = throttledErrorHandler(() => {
      throw new Error('reporter broke');
    });
    expect(() => report(new Error('x'), 'request')).not.toThrow();
    expect(() => throttledErrorHandler(undefined)(new Error('x'), 'push')).not.toThrow();
  });
});
