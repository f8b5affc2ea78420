/** The `office-hours` command: the headless face of the same core the tray app runs. */
import { resolve } from 'node:path';
import { exitCodeOf } from '../shared/errors.js';
import {
  type Command,
  type CommandContext,
  UsageError,
  defaultDataDir,
} from './commands/context.js';
import { HELP, commandHelp, usageLine } from './commands/help.js';

/** Sub-commands by name; each module parses its own arguments. Loaded lazily to keep start-up fast. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {};

/** Registers a sub-command (called below, one line per command module). */
function register(name: string, summary: string, load: () => Promise<Command>): void {
  COMMANDS[name] = { summary, load };
}

register(
  'expand',
  'expand <file-or-url> --from ISO --to ISO [--tz ZONE]  print occurrences as JSON',
  async () => (await import('./commands/expand.js')).run,
);
register(
  'calendars',
  'calendars add <url-or-path> [--name N] [--focus] | list | remove <name> | sync [<name>]',
  async () => (await import('./commands/calendars.js')).run,
);
register(
  'status',
  'status [--at ISO] [--json] [--today] [--offline]  your state now and when it changes',
  async () => (await import('./commands/status.js')).run,
);
register(
  'override',
  'override available|unavailable [--for 30m|2h] [--until ISO] | override auto',
  async () => (await import('./commands/override.js')).run,
);
register(
  'clients',
  'clients add <name> [--domain D]... [--keyword K]... [--rate N] [--currency EUR] [--allowance N] | list | remove | link | rotate <name>',
  async () => (await import('./commands/clients.js')).run,
);
register(
  'serve',
  'serve [--host H] [--port N|0] [--publish DIR] [--dashboard-port N]  sync, status server and dashboard until stopped',
  async () => (await import('./commands/serve.js')).run,
);
register(
  'log',
  'log <client> <kind> [--at ISO] [--minutes N] [--note TEXT] | log --undo  log a contact (kinds: call, missed-call, voicemail, ad-hoc-meeting, scheduled-meeting, email, message)',
  async () => (await import('./commands/log.js')).run,
);
register(
  'import',
  'import toggl|harvest|clockify|calls <file> [--dry-run] [--allow-partial]  time entries or a call log',
  async () => (await import('./commands/import.js')).run,
);
register(
  'report',
  'report [--from ISO] [--to ISO] [--json] [--lang en|de]  demand vs billed per client, recommendation, wording',
  async () => (await import('./commands/report.js')).run,
);
register(
  'settings',
  'settings get [KEY] | set KEY VALUE  language, timeZone, currency, recoveryMinutes, notifications.*, statusServer.port, targetRates.<client> …',
  async () => (await import('./commands/settings.js')).run,
);
register(
  'sample',
  'sample add [--language en|de] | remove | status  try it with sample data; remove takes exactly that away',
  async () => (await import('./commands/sample.js')).run,
);
register(
  'export',
  'export <file>  the whole data set as one JSON file',
  async () => (await import('./commands/data-file.js')).runExport,
);
register(
  'import-all',
  'import-all <file>  replace the whole data set with an export (the old one goes to backups)',
  async () => (await import('./commands/data-file.js')).runImportAll,
);

/** The names of every command, in the order the help lists them. */
export function commandNames(): string[] {
  return Object.keys(COMMANDS);
}

function help(): string {
  const lines = Object.entries(COMMANDS).map(([, c]) => `  ${c.summary}`);
  return `office-hours — availability from your calendars, status links for clients, the rate case

Usage: office-hours [--data-dir DIR] <command> [options]

Commands:
${lines.join('\n')}
  help [<command>]         show this help, or a command's (also: <command> --help)

Data folder: --data-dir DIR, else $OFFICE_HOURS_HOME, else the desktop app's config folder.
Exit codes: 0 done, 1 failed, 2 the command line or its input is wrong (the message says what).
`;
}

/** node:util parseArgs' errors for an unknown flag, a flag without its value, a stray argument. */
const PARSE_ARGS_CODES = new Set([
  'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
]);

function isParseArgsError(error: unknown): error is Error {
  return (
    error instanceof Error && PARSE_ARGS_CODES.has((error as NodeJS.ErrnoException).code ?? '')
  );
}

/** Whether `args` ask for help: -h or --help before a `--` (after it, they are values). */
function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/** How a failed command is reported: one place for every command's exit code and message. */
export function describeFailure(
  error: unknown,
  command: string,
  sub?: string,
): { code: 1 | 2; text: string; internal: boolean } {
  const prefix = `office-hours ${command}: `;
  if (error instanceof UsageError || isParseArgsError(error)) {
    // parseArgs adds a long hint on quoting positionals after "--"; the first sentence says it all.
    const message = error.message.replace(/\. To specify a positional argument.*$/s, '');
    return {
      code: 2,
      text: `${prefix}${message}\nUsage: ${usageLine(command, sub)}\nMore: office-hours ${command}${sub !== undefined && HELP[command]?.subs?.[sub] ? ` ${sub}` : ''} --help\n`,
      internal: false,
    };
  }
  const code = exitCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return { code, text: `${prefix}${message}\n`, internal: code === 1 };
}

/** Notes a command that failed inside (not a typo) in the data folder's log, whose lines are redacted. */
async function logFailure(dataDir: string, command: string, error: unknown): Promise<void> {
  // Loaded only now: a command that works never pays for the logger at start-up.
  const { createLog } = await import('./core/log/log.js');
  let log;
  try {
    log = createLog(dataDir);
  } catch {
    // reason: the log is best effort and the error is already on standard error; a folder that
    // cannot even hold the log must not turn one failure into two.
    return;
  }
  log.error('command failed', { command, error });
  log.close();
}

/** Runs the command line `argv` (without node and script) and resolves to the exit code. */
export async function main(
  argv: string[],
  overrides: Partial<CommandContext> = {},
): Promise<number> {
  const args = [...argv];
  let dataDir: string | undefined;
  // --data-dir goes before the command or among its options, as every command's help lists it. No
  // other option's value can be taken for it: a value starting with "-" must be written --note=-…
  // (node:util parseArgs refuses it otherwise), and nothing after a "--" is looked at.
  for (let i = 0; i < args.length && args[i] !== '--';) {
    const flag = args[i] as string;
    if (flag !== '--data-dir' && !flag.startsWith('--data-dir=')) {
      i++;
      continue;
    }
    const value = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : args[i + 1];
    if (!value || (!flag.includes('=') && value.startsWith('-'))) {
      process.stderr.write('office-hours: --data-dir needs a folder.\n');
      return 2;
    }
    args.splice(i, flag.includes('=') ? 1 : 2);
    dataDir = resolve(value);
  }
  const stop = new AbortController();
  const ctx: CommandContext = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    dataDir: dataDir ?? defaultDataDir(overrides.env ?? process.env),
    stopSignal: stop.signal,
    ...overrides,
  };
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    ctx.stdout(help());
    return 0;
  }
  if (name === 'help') {
    const [topic] = rest;
    if (topic === undefined) ctx.stdout(help());
    else if (COMMANDS[topic]) ctx.stdout(commandHelp(topic, rest[1]));
    else {
      ctx.stderr(`office-hours: unknown command "${topic}". Run office-hours --help.\n`);
      return 2;
    }
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    ctx.stderr(`office-hours: unknown command "${name}". Run office-hours --help.\n`);
    return 2;
  }
  // Help is answered here for every command and sub-command alike, before any of them parses.
  if (asksForHelp(rest)) {
    // `clients remove --help`: the sub-command's own page; `clients --help` (or a flag first): the whole command's.
    ctx.stdout(commandHelp(name, rest[0]));
    return 0;
  }
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const command = await entry.load();
    return await command(rest, ctx);
  } catch (error) {
    const failure = describeFailure(error, name, rest[0]);
    ctx.stderr(failure.text);
    if (failure.internal) await logFailure(ctx.dataDir, name, error);
    return failure.code;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
