/** Reports of failures the status server survives, at most one a minute so a failing view cannot flood the log. */

/** Called with a failure the server answered for (503) or skipped (a live push), and how many were not reported before it. */
export type StatusErrorHandler = (error: unknown, context: StatusErrorContext) => void;

/** Where the failure happened and how many failures since the last report were dropped. */
export interface StatusErrorContext {
  /** 'request': a view could not be built for a request; 'push': not for a live page's update. */
  where: 'request' | 'push';
  /** Failures since the previous report that were not reported (0 for the first). */
  suppressed: number;
}

/**
 * Wraps `handler` so it runs at most once per `intervalMs` (default a minute): the same broken view fails
 * on every request, and one log line a minute says as much as thousands. `clock` is replaceable in tests.
 */
export function throttledErrorHandler(
  handler: StatusErrorHandler | undefined,
  intervalMs = 60_000,
  clock: () => number = Date.now,
): (error: unknown, where: StatusErrorContext['where']) => void {
  let last = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return (error, where) => {
    if (!handler) return;
    const now = clock();
    if (now - last < intervalMs) {
      suppressed++;
      return;
    }
    last = now;
    const context = { where, suppressed };
    suppressed = 0;
    try {
      handler(error, context);
    } catch {
      // reason: a broken reporter must not turn a 503 into a crashed server; there is nowhere left to report to.
    }
  };
}
