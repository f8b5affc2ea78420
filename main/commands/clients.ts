/** `office-hours clients add|list|remove|link|rotate`: the clients and their private status links. */
import { parseArgs } from 'node:util';
import { parseApiInput } from '../../shared/api.js';
import {
  addClient,
  clientChangesOf,
  removeClient,
  rotateClientToken,
  statusLink,
} from '../core/clients.js';
import { formatMoney } from '../core/analysis/format.js';
import type { DataStore } from '../core/store/store.js';
import { openStore } from '../core/store/store.js';
import { clientNamed } from './client-name.js';
import { type Command, type CommandContext, UsageError, numberArg } from './context.js';

/** Runs a `clients` sub-command. */
export const run: Command = async (argv, ctx) => {
  const [action, ...rest] = argv;
  const store = openStore(ctx.dataDir, { watch: false });
  try {
    for (const notice of store.notices) ctx.stderr(`office-hours: ${notice.message}\n`);
    switch (action) {
      case 'add':
        return add(rest, ctx, store);
      case 'list':
      case undefined:
        return list(rest, ctx, store);
      case 'remove':
        return one(rest, 'remove', (which) => {
          const client = removeClient(store, clientNamed(store.read().clients, which).id);
          ctx.stdout(`Removed "${client.name}"; their status link no longer works.\n`);
        });
      case 'link':
        return linkCommand(rest, ctx, store);
      case 'rotate':
        return one(rest, 'rotate', (which) => {
          const client = rotateClientToken(store, clientNamed(store.read().clients, which).id);
          ctx.stdout(
            `New link for "${client.name}" (the old one stopped working):\n${statusLink(baseUrl(store, undefined), client)}\n`,
          );
        });
      default:
        throw new UsageError(`unknown action "${action}" (add, list, remove, link, rotate)`);
    }
  } finally {
    store.close();
  }
};

function one(argv: string[], action: string, fn: (which: string) => void): number {
  if (argv.length !== 1 || !argv[0]) throw new UsageError(`${action} takes one client name`);
  fn(argv[0]);
  return 0;
}

function add(argv: string[], ctx: CommandContext, store: DataStore): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      domain: { type: 'string', multiple: true },
      keyword: { type: 'string', multiple: true },
      phone: { type: 'string', multiple: true },
      rate: { type: 'string' },
      currency: { type: 'string' },
      allowance: { type: 'string' },
      locale: { type: 'string' },
      tz: { type: 'string' },
    },
  });
  const name = positionals.join(' ').trim();
  if (!name) throw new UsageError('add takes the client name');
  // The dashboard's addClient call, checked by its schema: the same input reads the same everywhere.
  const { name: valid, ...fields } = parseApiInput('addClient', {
    name,
    ...(values.domain ? { domains: values.domain } : {}),
    ...(values.keyword ? { keywords: values.keyword } : {}),
    ...(values.phone ? { phones: values.phone } : {}),
    ...(values.rate !== undefined ? { hourlyRate: values.rate } : {}),
    ...(values.currency !== undefined ? { currency: values.currency } : {}),
    ...(values.allowance !== undefined ? { allowance: numberArg(values.allowance) } : {}),
    ...(values.locale !== undefined ? { locale: values.locale } : {}),
    ...(values.tz !== undefined ? { timeZone: values.tz } : {}),
  });
  const client = addClient(store, { ...clientChangesOf(fields), name: valid });
  ctx.stdout(
    `Added "${client.name}". Their status link:\n${statusLink(baseUrl(store, undefined), client)}\n`,
  );
  return 0;
}

function list(argv: string[], ctx: CommandContext, store: DataStore): number {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false } },
  });
  const clients = store.read().clients;
  if (values.json) {
    ctx.stdout(
      `${JSON.stringify(
        clients.map(({ statusToken: _secret, ...rest }) => rest),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  if (clients.length === 0) {
    ctx.stdout('No clients yet. Add one: office-hours clients add <name> --domain example.com\n');
    return 0;
  }
  for (const c of clients) {
    const rate =
      c.hourlyRateMinor > 0
        ? `${formatMoney(c.hourlyRateMinor, c.currency, 'en-GB')}/h`
        : 'no rate set';
    const match =
      [...c.domains.map((d) => `@${d}`), ...c.keywords.map((k) => `"${k}"`)].join(', ') ||
      'no matching rules';
    ctx.stdout(
      `${c.name}  ${rate}, ${c.adHocAllowancePerWeek} ad-hoc/week, ${c.locale}, ${c.timeZone}\n  matches: ${match}\n`,
    );
  }
  return 0;
}

function linkCommand(argv: string[], ctx: CommandContext, store: DataStore): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { base: { type: 'string' } },
  });
  if (positionals.length !== 1 || !positionals[0])
    throw new UsageError('link takes one client name');
  const client = clientNamed(store.read().clients, positionals[0]);
  ctx.stdout(`${statusLink(baseUrl(store, values.base), client)}\n`);
  return 0;
}

/** The address clients reach the status server at: --base, else the configured host and port. */
function baseUrl(store: DataStore, base: string | undefined): string {
  if (base) {
    if (!/^https?:\/\//.test(base))
      throw new UsageError(`--base ${base}: an http(s) address, like https://status.example.com`);
    return base;
  }
  const { host, port } = store.read().settings.statusServer;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
