/** Which first-run steps are done, counting only the user's own calendars and clients (not the sample's). */

/** The three steps, in order. */
export const FIRST_RUN_STEPS = ['calendar', 'client', 'rates'] as const;

/** One first-run step. */
export type FirstRunStep = (typeof FIRST_RUN_STEPS)[number];

/** Done or not, per step. */
export type FirstRunProgress = Record<FirstRunStep, boolean>;

/**
 * The steps' state: a calendar of the user's, a client of the user's, and every one of their clients
 * with an hourly rate (a rate of 0 is "not set yet": the rate case cannot work without one).
 */
export function firstRunProgress(
  calendars: readonly { id: string }[],
  clients: readonly { id: string; hourlyRateMinor: number }[],
  sample: { calendars: ReadonlySet<string>; clients: ReadonlySet<string> },
): FirstRunProgress {
  const own = clients.filter((c) => !sample.clients.has(c.id));
  return {
    calendar: calendars.some((c) => !sample.calendars.has(c.id)),
    client: own.length > 0,
    rates: own.length > 0 && own.every((c) => c.hourlyRateMinor > 0),
  };
}

/** Whether every step is done (then the first-run panel steps aside). */
export function allDone(progress: FirstRunProgress): boolean {
  return FIRST_RUN_STEPS.every((step) => progress[step]);
}
