/** What `office-hours <command> --help` prints: the usage lines and options of each command. */

/** Usage lines (without the leading `office-hours `) and option descriptions, per command. */
interface HelpText {
  /** One line per form the command takes; the first is printed beside a usage error. */
  usage: string[];
  /** A sentence or two on what the command is for. */
  about: string;
  /** `[flag, what it does]` pairs. */
  options?: Array<[string, string]>;
  /** Each sub-command's own help (`clients remove --help`), by its name. */
  subs?: Record<string, SubHelp>;
}

/** What `office-hours <command> <sub-command> --help` prints beyond the command's own lines. */
interface SubHelp {
  /** One line on what it does. */
  about: string;
  /** Its usage, when the command's usage has no line of its own for it (`import fritzbox`). */
  usage?: string;
  /** The command's options it takes, by flag (`--rate`). */
  options?: string[];
}

const JSON_FLAG: [string, string] = ['--json', 'print JSON instead of text'];

const SETTING_KEYS =
  'Keys: language, timeZone, currency, recoveryMinutes, adHocLeadHours, walkAwayShare, weeklyAllowance, shortcut, notifications.<kind>, statusServer.host, statusServer.port, targetRates.<client>.';

/** Every command's help, by command name. */
export const HELP: Record<string, HelpText> = {
  expand: {
    usage: ['expand <file-or-url> --from ISO --to ISO [--tz ZONE]'],
    about:
      'Prints the occurrences of a calendar file or URL in a window as JSON: timed ones as UTC instants, all-day ones as dates.',
    options: [
      ['--from ISO', 'start of the window (required)'],
      ['--to ISO', 'end of the window (required, after --from)'],
      ['--tz ZONE', "IANA time zone for floating times (default: this machine's)"],
    ],
  },
  calendars: {
    usage: [
      'calendars add <url-or-path> [--name N] [--focus | --ignore] [--refresh MINUTES]',
      'calendars list [--json]',
      'calendars remove <name-or-id>',
      'calendars sync [<name-or-id>]',
    ],
    about:
      'The calendars availability is read from: https/webcal feeds and local .ics files. A failed sync keeps the last good copy (exit code 1).',
    options: [
      ['--name N', 'a name to refer to it by'],
      ['--focus', 'every event on it is a focus block'],
      ['--ignore', 'keep it, but its events never make you busy'],
      ['--refresh MINUTES', 'how often it is fetched, 1 to 1440 (default 5)'],
      JSON_FLAG,
    ],
    subs: {
      add: {
        about: 'Adds a calendar feed or .ics file and syncs it once.',
        options: ['--name', '--focus', '--ignore', '--refresh'],
      },
      list: { about: 'Lists the calendars with their last sync.', options: ['--json'] },
      remove: { about: 'Removes a calendar (its events no longer count).' },
      sync: { about: 'Fetches one calendar now, or all of them (exit code 1 when one fails).' },
    },
  },
  status: {
    usage: ['status [--at ISO] [--today] [--json] [--offline]'],
    about:
      'Your state now (or at an instant) and when it changes. Calendars whose copy is stale are synced first.',
    options: [
      ['--at ISO', 'the state at an instant, like 2026-12-01T10:30:00+01:00'],
      ['--today', "also print today's timeline"],
      ['--offline', 'do not sync; use the kept copies'],
      JSON_FLAG,
    ],
  },
  override: {
    usage: ['override available|unavailable [--for DURATION | --until ISO]', 'override auto'],
    about:
      'Sets your state by hand (until you change it, for a while, or until an instant); auto follows the calendar again. A running serve on the same data folder follows within a second.',
    options: [
      ['--for DURATION', 'how long, like 30m, 2h or 1h30m'],
      ['--until ISO', 'until an instant, like 2026-11-27T17:00:00+01:00'],
    ],
    subs: {
      available: {
        usage: 'override available [--for DURATION | --until ISO]',
        about: 'Shows you as available whatever the calendar says.',
        options: ['--for', '--until'],
      },
      unavailable: {
        usage: 'override unavailable [--for DURATION | --until ISO]',
        about: 'Shows you as unavailable whatever the calendar says.',
        options: ['--for', '--until'],
      },
      auto: { about: 'Ends the override: your state follows the calendar again.' },
    },
  },
  clients: {
    usage: [
      'clients add <name> [--domain D]... [--keyword K]... [--phone P]... [--rate N] [--currency C] [--allowance N] [--locale en|de] [--tz ZONE]',
      'clients list [--json]',
      'clients link <name> [--base URL]',
      'clients rotate <name>',
      'clients remove <name>',
    ],
    about:
      'Your clients and their private status links. rotate gives a client a new link (the old one stops working at once).',
    options: [
      ['--domain D', 'e-mail domain of their attendees (repeatable)'],
      ['--keyword K', 'word in event titles that means this client (repeatable)'],
      ['--phone P', 'phone number, for call-log imports (repeatable)'],
      ['--rate N', 'hourly rate in major units, like 120 or 120.50'],
      ['--currency C', 'three-letter currency code, like EUR'],
      ['--allowance N', 'unscheduled contacts per week that are part of the deal, 0 to 100'],
      ['--locale en|de', 'language of their status page'],
      ['--tz ZONE', 'their IANA time zone, like Europe/Berlin'],
      ['--base URL', 'the address clients reach your status server at'],
      JSON_FLAG,
    ],
    subs: {
      add: {
        about: 'Adds a client and prints their status link.',
        options: [
          '--domain',
          '--keyword',
          '--phone',
          '--rate',
          '--currency',
          '--allowance',
          '--locale',
          '--tz',
        ],
      },
      list: {
        about: 'Lists your clients with their rate, allowance and matching rules.',
        options: ['--json'],
      },
      link: { about: "Prints a client's status link.", options: ['--base'] },
      rotate: { about: 'Gives a client a new status link; the old one stops working at once.' },
      remove: { about: 'Removes a client; their status link stops working at once.' },
    },
  },
  serve: {
    usage: [
      'serve [--host H] [--port N] [--publish DIR] [--dashboard-host H --dashboard-token T] [--dashboard-port N] [--dashboard-allowed-host H]...',
    ],
    about:
      'Runs sync, availability, the status server and the dashboard until stopped (Ctrl-C). The dashboard stays on loopback unless given a host and a token you chose.',
    options: [
      ['--host H', 'interface of the status server (default from settings, 127.0.0.1)'],
      ['--port N', 'port of the status server, 0 for any free one (default 4777)'],
      ['--publish DIR', "also write every client's status files into DIR on each change"],
      ['--dashboard-host H', 'interface of the dashboard (default 127.0.0.1)'],
      ['--dashboard-port N', 'port of the dashboard (default: any free one)'],
      ['--dashboard-token T', 'a session token you chose (else a random one)'],
      ['--dashboard-allowed-host H', 'another host name the dashboard answers to (repeatable)'],
    ],
  },
  log: {
    usage: [
      'log <client> <kind> [--at ISO] [--minutes N] [--note TEXT] [--scheduled] [--billed] [--json]',
      'log --undo [--json]',
    ],
    about:
      'Logs a contact with a client, or undoes the latest change. Kinds: call, missed-call, voicemail, ad-hoc-meeting, scheduled-meeting, email, message.',
    options: [
      ['--at ISO', 'when (default now); a time without offset is read in your zone'],
      ['--minutes N', 'how long, 0 to 1440 (default per kind)'],
      ['--note TEXT', 'a note'],
      ['--scheduled', 'it was planned (not an unscheduled contact)'],
      ['--billed', 'the time is billed'],
      ['--undo', 'take back the latest logged, edited or deleted contact'],
      JSON_FLAG,
    ],
  },
  import: {
    usage: [
      'import toggl|harvest|clockify|calls|fritzbox|android-calls <file> [--dry-run] [--allow-partial] [--json]',
    ],
    about:
      'Imports time entries or a call log. A file with bad rows imports nothing unless --allow-partial (exit code 1 when nothing was imported).',
    options: [
      ['--dry-run', 'show what would be imported, write nothing'],
      ['--allow-partial', 'import the good rows of a file with bad ones'],
      JSON_FLAG,
    ],
    subs: Object.fromEntries(
      (
        [
          ['toggl', 'a Toggl detailed time-entries export (CSV)'],
          ['harvest', 'a Harvest detailed time report (CSV)'],
          ['clockify', 'a Clockify detailed report (CSV)'],
          ['calls', 'a call log CSV with a date, a number or name, a direction and a duration'],
          ['fritzbox', 'a FRITZ!Box call list (CSV, German or English headers, often Latin-1)'],
          ['android-calls', 'an Android "SMS Backup & Restore" call backup (calls-*.xml)'],
        ] as const
      ).map(([kind, file]) => [
        kind,
        {
          usage: `import ${kind} <file> [--dry-run] [--allow-partial] [--json]`,
          about: `Imports ${file}.`,
          options: ['--dry-run', '--allow-partial', '--json'],
        },
      ]),
    ),
  },
  report: {
    usage: [
      'report [--from DATE|ISO] [--to DATE|ISO] [--client NAME] [--lang en|de] [--json]',
      'report --period this-week|this-month|last-12-weeks [--client NAME] [--lang en|de] [--json]',
    ],
    about:
      'Demand versus billed time per client, the recommendation, and the wording for clients that need it.',
    options: [
      ['--from DATE|ISO', 'start of the period, like 2026-11-01'],
      ['--to DATE|ISO', 'last day of the period (a date counts whole; an instant is its end)'],
      [
        '--period NAME',
        'this-week, this-month or last-12-weeks, up to now (a rate decision needs weeks of billed hours)',
      ],
      ['--client NAME', "also that client's period week by week, against the allowance"],
      ['--lang en|de', 'language of the wording'],
      JSON_FLAG,
    ],
  },
  settings: {
    usage: ['settings get [KEY]', 'settings set KEY VALUE'],
    about: `The Settings screen, headless. ${SETTING_KEYS}`,
    subs: {
      get: { about: `Prints every setting, or the one KEY. ${SETTING_KEYS}` },
      set: {
        about: `Changes one setting (quote a VALUE with spaces; none clears a shortcut or a target rate). ${SETTING_KEYS}`,
      },
    },
  },
  sample: {
    usage: ['sample add [--language en|de]', 'sample remove', 'sample status'],
    about:
      'Try the app with sample data: a calendar, three clients and twelve weeks around today. remove takes exactly that away; your own data stays.',
    options: [
      [
        '--language en|de',
        'language of the sample calendar, notes and clients (default: the language in settings; --lang too)',
      ],
    ],
    subs: {
      add: { about: 'Adds the sample calendar, clients and weeks.', options: ['--language'] },
      remove: { about: 'Removes exactly the sample data; your own stays.' },
      status: { about: 'Says whether sample data is in the data folder.' },
    },
  },
  export: {
    usage: ['export <file>'],
    about:
      'Writes the whole data set to one JSON file. It holds your calendar addresses and status links: keep it private.',
  },
  'import-all': {
    usage: ['import-all <file>'],
    about:
      'Replaces the whole data set with an export (older versions are migrated); the old one goes to the backups.',
  },
};

/** The usage line printed after a usage error: the sub-command's own when it has one, else the first. */
export function usageLine(command: string, sub?: string): string {
  const usage = HELP[command]?.usage ?? [command];
  const own =
    sub === undefined
      ? undefined
      : (HELP[command]?.subs?.[sub]?.usage ??
        usage.find((u) => u.startsWith(`${command} ${sub} `) || u === `${command} ${sub}`));
  return `office-hours ${own ?? usage[0] ?? command}`;
}

/** The sub-commands a command has (`add`, `list` …), for tests and completion. */
export function subCommands(command: string): string[] {
  const help = HELP[command];
  if (help?.subs) return Object.keys(help.subs);
  const words = (help?.usage ?? []).map((u) => u.split(' ')[1] ?? '');
  return words.filter((w) => /^[a-z][a-z-]*$/.test(w) && w !== command);
}

/** The help of one command, or of one of its sub-commands when `sub` names one. */
export function commandHelp(command: string, sub?: string): string {
  const help = HELP[command];
  if (!help) return '';
  const own = sub === undefined ? undefined : help.subs?.[sub];
  if (own) {
    const usage = own.usage ?? usageLine(command, sub).slice('office-hours '.length);
    const flags = own.options ?? [];
    const options = (help.options ?? []).filter(([flag]) =>
      flags.includes(flag.split(' ')[0] ?? ''),
    );
    return page([usage], own.about, options, `All of ${command}: office-hours ${command} --help`);
  }
  const more = help.subs
    ? `One sub-command's own: office-hours ${command} <${Object.keys(help.subs).join('|')}> --help`
    : undefined;
  return page(help.usage, help.about, help.options ?? [], more);
}

/** One help page: usage lines, what it is for, its options and the two every command has. */
function page(
  usage: readonly string[],
  about: string,
  own: ReadonlyArray<readonly [string, string]>,
  footer?: string,
): string {
  const [first, ...more] = usage;
  const lines = [`Usage: office-hours ${first ?? ''}`];
  for (const line of more) lines.push(`       office-hours ${line}`);
  lines.push('', about);
  const options = [...own, ['--data-dir DIR', 'the data folder'] as const];
  const width = Math.max(...options.map(([flag]) => flag.length));
  lines.push('', 'Options:');
  for (const [flag, what] of options) lines.push(`  ${flag.padEnd(width)}  ${what}`);
  lines.push('  -h, --help'.padEnd(width + 2) + '  show this help');
  if (footer) lines.push('', footer);
  return `${lines.join('\n')}\n`;
}
