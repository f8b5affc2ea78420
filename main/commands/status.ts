/** `office-hours status [--at ISO] [--json] [--offline]`: the user's state now (or at an instant) and when it changes. */
import { parseArgs } from 'node:util';
import type { StatusNow } from '../../shared/domain.js';
import { parseApiInput } from '../../shared/api.js';
import type { Command } from './context.js';
import { withCore } from './open-core.js';

/** Prints the status; calendars whose copy is older than their refresh interval are synced first. */
export const run: Command = async (argv, ctx) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      at: { type: 'string' },
      json: { type: 'boolean', default: false },
      offline: { type: 'boolean', default: false },
      today: { type: 'boolean', default: false },
    },
  });
  // Checked by the getStatus schema before any calendar is synced for it.
  const request = parseApiInput('getStatus', values.at === undefined ? {} : { at: values.at });
  return withCore(ctx, values.offline ? 'cache-only' : 'sync-stale', async (core) => {
    const status = await core.getStatus(request);
    const tz = core.store.read().settings.userTimeZone;
    const failing = (await core.listCalendars()).filter((c) => !c.status.ok);
    if (values.json) {
      const timeline = values.today ? await core.getDayTimeline({}) : undefined;
      ctx.stdout(
        `${JSON.stringify({ ...status, ...(timeline ? { today: timeline } : {}) }, null, 2)}\n`,
      );
    } else {
      ctx.stdout(`${formatStatusLine(status, tz)}\n`);
      if (values.today) {
        for (const seg of await core.getDayTimeline({})) {
          ctx.stdout(`  ${formatTime(seg.start, tz)}–${formatTime(seg.end, tz)}  ${seg.reason}\n`);
        }
      }
    }
    for (const c of failing)
      ctx.stderr(
        `warning: calendar "${c.name}" failed to sync: ${c.status.error ?? 'unknown error'} (using its last good copy)\n`,
      );
    return 0;
  });
};

/** "Unavailable — focus time until 15:00 (next: available)" in the user's zone. */
export function formatStatusLine(status: StatusNow, tz: string): string {
  const word = status.available ? 'Available' : 'Unavailable';
  const until = status.until ? ` until ${formatWhen(status.until, status.at, tz)}` : '';
  const next = status.next
    ? ` (then ${status.next.available ? 'available' : status.next.state})`
    : '';
  const by = status.overridden ? ' [set by hand]' : '';
  return `${word} — ${status.reason}${until}${next}${by}`;
}

function formatTime(iso: string, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A time today as "15:00", another day as "Fri 27 Nov 15:00". */
function formatWhen(iso: string, nowIso: string, tz: string): string {
  const day = (d: string): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, dateStyle: 'short' }).format(new Date(d));
  if (day(iso) === day(nowIso)) return formatTime(iso, tz);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
