/** `office-hours sample add [--language en|de] | remove | status`: try the app with sample data, and take it away again. */
import { parseArgs } from 'node:util';
import { parseApiInput } from '../../shared/api.js';
import { type Command, UsageError } from './context.js';
import { withCore } from './open-core.js';

/** Adds, removes or describes the sample data (see main/core/sample/sample-data.ts). */
export const run: Command = async (argv, ctx) => {
  const [action, ...rest] = argv;
  if (action === 'add') {
    const { values } = parseArgs({
      args: rest,
      options: { language: { type: 'string' }, lang: { type: 'string' } },
    });
    // --lang as for `report`; saying both and differently is a mistake, not a choice.
    if (
      values.language !== undefined &&
      values.lang !== undefined &&
      values.language !== values.lang
    )
      throw new UsageError('say --language or --lang, not both');
    const language = values.language ?? values.lang;
    // The addSampleData schema judges the language, as for the dashboard.
    const request = parseApiInput('addSampleData', language === undefined ? {} : { language });
    return withCore(ctx, 'cache-only', async (core) => {
      const state = await core.addSampleData(request);
      const names = core.store
        .read()
        .clients.filter((c) => state.clientIds.includes(c.id))
        .map((c) => c.name);
      ctx.stdout(
        `Added sample data: a sample calendar and the clients ${names.join(', ')}, with twelve weeks of contacts and billed hours.\n` +
          'Remove it with: office-hours sample remove (your own data stays).\n',
      );
      return 0;
    });
  }
  if (rest.length > 0) throw new UsageError(`sample ${action ?? ''} takes no arguments`);
  if (action === 'remove')
    return withCore(ctx, 'cache-only', async (core) => {
      const r = await core.removeSampleData({});
      ctx.stdout(
        r.clients + r.calendars + r.contacts + r.timeEntries === 0
          ? 'There is no sample data to remove.\n'
          : `Removed the sample data: ${r.calendars} calendar, ${r.clients} clients, ${r.contacts} contacts and ${r.timeEntries} time entries.\n`,
      );
      return 0;
    });
  if (action === 'status')
    return withCore(ctx, 'cache-only', async (core) => {
      const state = await core.getSampleData({});
      ctx.stdout(
        state.present ? `Sample data added ${state.addedAt ?? ''}.\n` : 'No sample data.\n',
      );
      return 0;
    });
  throw new UsageError('say add, remove or status');
};
