/** `office-hours expand <file-or-url> --from ISO --to ISO [--tz ZONE]`: a calendar's occurrences in a window, as JSON. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { toCorpusJson } from '../core/calendar/corpus-format.js';
import { expandIcs } from '../core/calendar/expand.js';
import { redactLocation } from '../core/calendar/redact.js';
import { UserError } from '../../shared/errors.js';
import { ALLOWED } from '../../shared/input-errors.js';
import { findTimeZone } from '../core/time/zone.js';
import { type Command, UsageError } from './context.js';

const FETCH_TIMEOUT_MS = 60_000;

/** Expands one calendar (file path, or http/https/webcal URL) and prints its occurrences. */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' }, tz: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one calendar file or URL');
  const source = positionals[0] as string;
  const from = instant(values.from, '--from');
  const to = instant(values.to, '--to');
  if (to <= from) throw new UsageError('--to must be after --from');
  const tz = values.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!findTimeZone(tz))
    throw new UserError({ field: '--tz', value: tz, allowed: ALLOWED.timeZone });

  const name = redactLocation(source);
  const bytes = isUrl(source)
    ? await download(source, name, ctx.stopSignal)
    : await readLocal(source);
  let result;
  try {
    result = expandIcs(bytes, { from, to, tz, sourceName: name });
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  for (const w of result.warnings)
    ctx.stderr(`office-hours expand: ${name}: line ${w.line}: ${w.message}\n`);
  ctx.stdout(`${JSON.stringify(toCorpusJson(result.events), null, 1)}\n`);
  return 0;
};

function instant(value: string | undefined, flag: string): number {
  if (value === undefined) throw new UsageError(`${flag} is required`);
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new UsageError(`${flag}: "${value}" is not an ISO date or date-time`);
  return t;
}

function isUrl(source: string): boolean {
  return /^(https?|webcal):\/\//i.test(source);
}

async function readLocal(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${path}: no such file`, { cause: error });
    if (code === 'EISDIR')
      throw new Error(`${path}: is a folder, not a calendar file`, { cause: error });
    if (code === 'EACCES') throw new Error(`${path}: permission denied`, { cause: error });
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Fetches a calendar URL (webcal:// is https://); errors name the URL only up to its host. */
async function download(url: string, name: string, stop: AbortSignal): Promise<Uint8Array> {
  const target = url.replace(/^webcal:\/\//i, 'https://');
  let response: Response;
  try {
    response = await fetch(target, {
      signal: AbortSignal.any([stop, AbortSignal.timeout(FETCH_TIMEOUT_MS)]),
      redirect: 'follow',
    });
  } catch (error) {
    // The cause may spell out the full URL: keep only a short reason.
    const reason =
      error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'could not connect';
    throw new Error(`${name}: ${reason}`);
  }
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
