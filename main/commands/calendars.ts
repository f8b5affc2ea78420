/** `office-hours calendars add|list|remove|sync`: manage the calendars availability is read from. */
import { parseArgs } from 'node:util';
import { type CalendarView, parseApiInput } from '../../shared/api.js';
import { NotFoundError, UserError } from '../../shared/errors.js';
import { type Command, type CommandContext, UsageError, numberArg } from './context.js';
import { withCore } from './open-core.js';

/** Runs a `calendars` sub-command. */
export const run: Command = async (argv, ctx) => {
  const [action, ...rest] = argv;
  switch (action) {
    case 'add':
      return add(rest, ctx);
    case 'list':
    case undefined:
      return list(rest, ctx);
    case 'remove':
      return remove(rest, ctx);
    case 'sync':
      return sync(rest, ctx);
    default:
      throw new UsageError(`unknown action "${action}" (add, list, remove, sync)`);
  }
};

async function add(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      focus: { type: 'boolean', default: false },
      ignore: { type: 'boolean', default: false },
      refresh: { type: 'string' },
    },
  });
  const [location] = positionals;
  if (!location || positionals.length > 1) throw new UsageError('add takes one URL or file path');
  if (values.focus && values.ignore)
    throw new UsageError('--focus and --ignore exclude each other');
  // The addCalendar schema judges the input before the core is even opened, as for the dashboard.
  const request = parseApiInput('addCalendar', {
    location,
    ...(values.name !== undefined ? { name: values.name } : {}),
    role: values.focus ? 'focus' : values.ignore ? 'ignore' : 'busy',
    ...(values.refresh !== undefined ? { refreshMinutes: numberArg(values.refresh) } : {}),
  });
  return withCore(ctx, 'cache-only', async (core) => {
    const view = await core.addCalendar(request);
    ctx.stdout(
      `Added "${view.name}" (${view.displayLocation}), role ${view.role}, id ${view.id}\n`,
    );
    ctx.stdout(`${describeStatus(view)}\n`);
    // The calendar is kept even when its first sync fails: the next sync may well succeed.
    return view.status.ok ? 0 : 1;
  });
}

async function list(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false } },
  });
  return withCore(ctx, 'cache-only', async (core) => {
    const views = await core.listCalendars();
    if (values.json) {
      ctx.stdout(
        `${JSON.stringify(
          views.map(({ location: _secret, ...safe }) => safe),
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    if (views.length === 0) {
      ctx.stdout('No calendars yet. Add one: office-hours calendars add <url-or-path>\n');
      return 0;
    }
    for (const view of views) {
      ctx.stdout(
        `${view.name}  [${view.role}, every ${view.refreshMinutes} min]  ${view.displayLocation}\n  id ${view.id}\n  ${describeStatus(view)}\n`,
      );
    }
    return 0;
  });
}

async function remove(argv: string[], ctx: CommandContext): Promise<number> {
  const [which] = argv;
  if (!which || argv.length > 1) throw new UsageError('remove takes one calendar name or id');
  return withCore(ctx, 'cache-only', async (core) => {
    const view = pick(await core.listCalendars(), which);
    await core.removeCalendar({ id: view.id });
    ctx.stdout(`Removed "${view.name}".\n`);
    return 0;
  });
}

async function sync(argv: string[], ctx: CommandContext): Promise<number> {
  const [which] = argv;
  if (argv.length > 1) throw new UsageError('sync takes at most one calendar name or id');
  return withCore(ctx, 'cache-only', async (core) => {
    const id = which === undefined ? undefined : pick(await core.listCalendars(), which).id;
    const stopProgress = core.on('syncProgress', (p) => {
      if (p.phase === 'fetching') ctx.stderr(`Syncing ${p.name}…\n`);
    });
    const views = await core.syncCalendars(id === undefined ? {} : { id });
    stopProgress();
    const shown = id === undefined ? views : views.filter((v) => v.id === id);
    for (const view of shown) ctx.stdout(`${view.name}: ${describeStatus(view)}\n`);
    return shown.every((v) => v.status.ok) ? 0 : 1;
  });
}

/** Finds a calendar by id or (case-insensitive) name; an ambiguous or unknown name is an error. */
function pick(views: CalendarView[], which: string): CalendarView {
  const byId = views.find((v) => v.id === which);
  if (byId) return byId;
  const byName = views.filter((v) => v.name.toLowerCase() === which.toLowerCase());
  if (byName.length === 1) return byName[0] as CalendarView;
  if (byName.length > 1)
    throw new UserError({
      field: 'calendar',
      value: which,
      problem: `${byName.length} calendars have this name`,
      allowed: 'the id (office-hours calendars list)',
    });
  throw new NotFoundError({
    field: 'calendar',
    value: which,
    problem: 'no such calendar',
    allowed: 'a name or id from office-hours calendars list',
  });
}

/** One line on how the latest sync went, with the reason when it failed. */
export function describeStatus(view: CalendarView): string {
  const s = view.status;
  const count = s.eventCount === undefined ? '' : `${s.eventCount} events in the window`;
  const warnings = s.warnings ? `, ${s.warnings} skipped with warnings` : '';
  if (s.ok)
    return `ok: ${count || 'not synced yet'}${warnings}${s.lastSuccessAt ? ` (synced ${s.lastSuccessAt})` : ''}`;
  const kept = s.cachedAt
    ? ` — keeping the copy from ${s.cachedAt}${count ? ` (${count})` : ''}`
    : ' — no copy yet';
  return `FAILED: ${s.error ?? 'unknown error'}${kept}`;
}
