/** `office-hours override available|unavailable [--for 30m] [--until ISO]` and `override auto`. */
import { parseArgs } from 'node:util';
import { parseApiInput } from '../../shared/api.js';
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
  if (mode === 'auto') {
    if (values.for !== undefined || values.until !== undefined)
      throw new UsageError('auto (follow the calendar) takes no --for or --until');
    return withCore(ctx, 'cache-only', async (core) => {
      const status = await core.clearOverride({});
      ctx.stdout(`${formatStatusLine(status, core.store.read().settings.userTimeZone)}\n`);
      return 0;
    });
  }
  // "2h" is the command line's way to write minutes; the rest is the setOverride schema's to judge.
  const request = parseApiInput('setOverride', {
    mode,
    ...(values.for !== undefined
      ? { minutes: Math.round(parseDuration(values.for, '--for') / 60_000) }
      : {}),
    ...(values.until !== undefined ? { until: values.until } : {}),
  });
  return withCore(ctx, 'cache-only', async (core) => {
    const status = await core.setOverride(request);
    ctx.stdout(`${formatStatusLine(status, core.store.read().settings.userTimeZone)}\n`);
    return 0;
  });
};
