/** What every `office-hours` sub-command receives: its arguments, output streams and the data folder. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../shared/errors.js';

/** Streams and settings a command runs with (replaceable in tests). */
export interface CommandContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The data folder: --data-dir, else $OFFICE_HOURS_HOME, else the desktop app's config folder. */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** Resolves when the command should stop (SIGINT/SIGTERM for long-running commands like serve). */
  stopSignal: AbortSignal;
}

/** A sub-command: parses its own `argv` (after the command name) and resolves to an exit code. */
export type Command = (argv: string[], ctx: CommandContext) => Promise<number>;

/**
 * The command line itself is wrong (a missing argument, an unknown action): a UserError, so it exits
 * 2 like every other input error, and printed with the command's usage line.
 */
export class UsageError extends UserError {
  override readonly name: string = 'UsageError';
}

/**
 * A number typed on the command line, for a field the Api's schema checks: a numeric text becomes a
 * number (a decimal comma allowed), anything else stays text so the schema names it as given.
 */
export function numberArg(text: string): number | string {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** The config folder the desktop app uses (electron's userData for the app name "Office Hours"). */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.OFFICE_HOURS_HOME) return env.OFFICE_HOURS_HOME;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Office Hours');
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Office Hours');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Office Hours');
}
