/** `office-hours override available|unavailable [--for 30m] [--until ISO]` and `override auto`. */
import { parseArgs } from 'node:util';
import { parseDuration } from '../core/availability/override.js';
import { type Command, UsageError } from './context.js';
import { withCore } from './open-core.js';
import { formatStatusLine } from './status.js';

/** Sets or clears the manual override; a running `serve` on the same data folder follows within a second. */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { for: { type: 'string' }, until: { type: 'string' } },
  });
  const [mode] = positionals;
  if (
    positionals.length !== 1 ||
    !(mode === 'available' || mode === 'unavailable' || mode === 'auto')
  ) {
    throw new UsageError('give available, unavailable or auto');
  }
  if (values.for !== undefined && values.until !== undefined)
    throw new UsageError('give --for or --until, not both');
  if (mode === 'auto' && (values.for !== undefined || values.until !== undefined)) {
    throw new UsageError('auto (follow the calendar) takes no --for or --until');
  }
  let minutes: number | undefined;
  if (values.for !== undefined) {
    let ms: number;
    try {
      ms = parseDuration(values.for);
    } catch (error) {
      throw new UsageError(`--for: ${(error as Error).message}`);
    }
    minutes = Math.round(ms / 60_000);
    if (!(minutes >= 1)) throw new UsageError(`--for ${values.for}: at least one minute`);
  }
  let until: string | undefined;
  if (values.until !== undefined) {
    const at = Date.parse(values.until);
    if (Number.isNaN(at))
      throw new UsageError(
        `--until ${values.until}: not a date and time (use ISO, e.g. 2026-11-27T15:00:00+01:00)`,
      );
    until = new Date(at).toISOString();
  }
  return withCore(ctx, 'cache-only', async (core) => {
    const status =
      mode === 'auto'
        ? await core.clearOverride({})
        : await core.setOverride({
            mode,
            ...(minutes !== undefined ? { minutes } : {}),
            ...(until !== undefined ? { until } : {}),
          });
    ctx.stdout(`${formatStatusLine(status, core.store.read().settings.userTimeZone)}\n`);
    return 0;
  });
};
