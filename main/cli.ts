/** The `office-hours` command: the headless face of the same core the tray app runs. */

const HELP = `office-hours — availability from your calendars, status links for clients, the rate case

Usage: office-hours [--data-dir DIR] <command> [options]

Commands:
  expand <file-or-url> --from ISO --to ISO [--tz ZONE]   print a calendar's occurrences as JSON
  help                                                  show this help

Data folder: --data-dir DIR, else $OFFICE_HOURS_HOME, else the desktop app's config folder.
`;

/** Runs the command line `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return 0;
  }
  process.stderr.write(`office-hours: unknown command "${command}". Run office-hours --help.\n`);
  return 2;
}
