/** `office-hours log <client> <kind> [--at ISO] [--minutes N] [--note TEXT]` and `office-hours log --undo`. */
import { parseArgs } from 'node:util';
import { NotFoundError } from '../../shared/errors.js';
import type { Contact, ContactKind } from '../../shared/ledger.js';
import type { LoggedContact, UndoneContactChange } from '../../shared/rate-case.js';
import { clientNamed } from './client-name.js';
import { type Command, UsageError, numberArg } from './context.js';
import { formatWhen, plural, readInstant } from './ledger-format.js';
import { withCore } from './open-core.js';

// The Api's types are the valid ones; a value of the wrong type is what the schema is there to name.
const as = <T>(value: unknown): T => value as T;

/** Logs one contact with a client (durable when the command prints), or undoes the latest change. */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      at: { type: 'string' },
      minutes: { type: 'string' },
      note: { type: 'string' },
      scheduled: { type: 'boolean' },
      billed: { type: 'boolean' },
      undo: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.undo) {
    if (positionals.length > 0) throw new UsageError('--undo takes no client or kind');
    return withCore(ctx, 'cache-only', async (core) => {
      const undone = await core.undoLastContact({});
      ctx.stdout(
        values.json
          ? `${JSON.stringify(undone, null, 2)}\n`
          : `${describeUndo(undone, core.store.read().settings.userTimeZone, (id) => core.ledger.findClient(id).name)}\n`,
      );
      return undone.op === null ? 1 : 0;
    });
  }
  const [clientName, kindText] = positionals;
  if (clientName === undefined || kindText === undefined || positionals.length > 2) {
    throw new UsageError('give a client and a kind');
  }
  const minutes = values.minutes === undefined ? undefined : numberArg(values.minutes);
  return withCore(ctx, 'cache-only', async (core) => {
    const tz = core.store.read().settings.userTimeZone;
    const client = clientNamed(core.store.read().clients, clientName);
    // The kind, minutes and instant are the logContact schema's to judge, as for the dashboard.
    const logged = await core.logContact({
      clientId: client.id,
      kind: as(kindText.toLowerCase()),
      ...(values.at !== undefined ? { at: readInstant(values.at, tz) } : {}),
      ...(minutes !== undefined ? { minutes: as(minutes) } : {}),
      ...(values.note !== undefined ? { note: values.note } : {}),
      ...(values.scheduled !== undefined ? { scheduled: values.scheduled } : {}),
      ...(values.billed !== undefined ? { billed: values.billed } : {}),
    });
    ctx.stdout(
      values.json
        ? `${JSON.stringify(logged, null, 2)}\n`
        : `${describeLogged(logged, tz, minutes === undefined)}\n`,
    );
    return 0;
  });
};

const KIND_WORDS: Record<ContactKind, string> = {
  call: 'a call',
  'missed-call': 'a missed call',
  voicemail: 'a voicemail',
  'ad-hoc-meeting': 'an ad-hoc meeting',
  'scheduled-meeting': 'a scheduled meeting',
  email: 'an e-mail',
  message: 'a message',
};

/** "Logged a call with Acme, Mon 6 Jan 2025, 10:00 (10 min). This week: 3 unscheduled contacts, allowance 2 (1 over)." */
export function describeLogged(
  logged: LoggedContact,
  timeZone: string,
  defaultMinutes = false,
): string {
  const c = logged.contact;
  const length = `${c.minutes} min${defaultMinutes ? ' by default, --minutes N to change' : ''}`;
  const head = `Logged ${KIND_WORDS[c.kind]} with ${logged.clientName}, ${formatWhen(c.at, timeZone)} (${length})${c.scheduled && c.kind !== 'scheduled-meeting' ? ', planned' : ''}.`;
  const w = logged.week;
  const over = w.adHoc - w.allowance;
  const when = w.current ? 'This week' : `Week of ${w.start}`;
  const standing = over > 0 ? ` — ${over} over` : over === 0 ? ' — at the limit' : '';
  return (
    `${head}\n${when}: ${plural(w.adHoc, 'unscheduled contact')} of ${w.allowance} allowed${standing} ` +
    `(${plural(w.contacts, 'contact')} in all).\nid ${c.id} · undo: office-hours log --undo`
  );
}

/** What an undo did, in one line. */
export function describeUndo(
  undone: UndoneContactChange,
  timeZone: string,
  nameOf: (clientId: string) => string,
): string {
  const what = (c: Contact): string => {
    let name = c.clientId;
    try {
      name = nameOf(c.clientId);
    } catch (error) {
      // The client was removed since: the id is all there is.
      if (!(error instanceof NotFoundError)) throw error;
    }
    return `${KIND_WORDS[c.kind]} with ${name}, ${formatWhen(c.at, timeZone)}`;
  };
  switch (undone.op) {
    case null:
      return 'Nothing to undo.';
    case 'add':
      return undone.contact
        ? `Removed ${what(undone.contact)}.`
        : 'Removed the last logged contact.';
    case 'edit':
      return undone.contact
        ? `Restored ${what(undone.contact)} as it was before the edit.`
        : 'Restored the last edit.';
    case 'delete':
      return undone.contact
        ? `Brought back ${what(undone.contact)}.`
        : 'Brought back the deleted contact.';
    case 'import':
      return `Removed the ${plural(undone.count ?? 0, 'contact')} of the last call-log import.`;
  }
}
