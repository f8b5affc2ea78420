/**
 * The call log of Android's "SMS Backup & Restore" (calls-<date>.xml):
 * `<calls count="…"><call number="…" duration="…" date="…" type="…" presentation="…"
 * readable_date="…" contact_name="…" /></calls>`. `date` is the start in epoch milliseconds (so no
 * time zone is involved; `readable_date` is only for people), `duration` talk time in seconds.
 * `type` is Android's CallLog.Calls type: 1 incoming, 2 outgoing, 3 missed, 4 voicemail,
 * 5 rejected — mapped as in call-contact.ts — and 6 blocked (the phone never rang) and
 * 7 answered on another device (that device's log has it) left out with their reason, as is any
 * type Android may add later. An outgoing call of 0 s reached nobody and is left out.
 * `contact_name` "(Unknown)" means none; a withheld number is empty or negative ("-2").
 *
 * Bad rows are reported with the line and column of the attribute at fault; the file is read with
 * xml-elements.ts, which refuses document type and entity declarations.
 */
import type { ImportError } from '../../../shared/ledger.js';
import type { ImportRowError } from '../../../shared/rate-case.js';
import { CallContacts, SkipReasons, type CallDirection } from './call-contact.js';
import { decodeText } from './csv-read.js';
import type { CallLogOptions, CallLogResult } from './import-fritzbox.js';
import { readXmlElements, type XmlElement, type XmlReading } from './xml-elements.js';

const TYPES: Readonly<Record<string, CallDirection | { skip: string }>> = {
  '1': 'in',
  '2': 'out',
  '3': 'missed',
  '4': 'voicemail',
  '5': 'rejected',
  '6': { skip: 'blocked calls (type 6)' },
  '7': { skip: 'calls answered on another device (type 7)' },
};

/** The most milliseconds a plausible `date` has: the year 2200. */
const LATEST_MS = 7_258_118_400_000;

/** Imports an SMS Backup & Restore call log into contacts with the user's clients. */
export function importAndroidCalls(
  input: string | Uint8Array,
  options: Omit<CallLogOptions, 'timeZone'> = {},
): CallLogResult {
  const text = decodeText(input);
  const reading = readXmlElements(text);
  const errors: ImportRowError[] = reading.problems.map((p) => {
    const e: ImportRowError = { line: p.line, reason: p.reason, columnNumber: p.column };
    if (p.attribute !== undefined) e.column = p.attribute;
    return e;
  });
  const skips = new SkipReasons();
  const calls = new CallContacts('android-calls', options.clients ?? [], options.region);
  const root = reading.elements[0];
  const done = (rows: number): CallLogResult => {
    errors.sort((a, b) => a.line - b.line || (a.columnNumber ?? 0) - (b.columnNumber ?? 0));
    return {
      entries: errors.length > 0 && !options.allowPartial ? [] : calls.entries,
      errors: errors as ImportError[],
      skipped: calls.unmatched + skips.total,
      rows,
      unmatched: calls.unmatched,
      unmatchedCalls: calls.unmatchedCalls,
      skippedReasons: skips.list(),
    };
  };
  if (root === undefined || root.name !== 'calls') {
    if (errors.length === 0 || root !== undefined)
      errors.push({
        line: root ? reading.position(root.offset).line : 1,
        columnNumber: root ? reading.position(root.offset).column : 1,
        reason:
          root === undefined
            ? 'no XML elements: not an SMS Backup & Restore call log'
            : `the root element is <${root.name}>, not <calls>: not an SMS Backup & Restore call log` +
              (root.name === 'smses' ? ' (this is the messages backup)' : ''),
      });
    return done(0);
  }
  const rows = reading.elements.filter((e) => e.depth === 1 && e.name === 'call');
  for (const row of rows) {
    if (row.broken) continue; // its problem is reported already
    readCall(row, reading, errors, skips, calls);
  }
  if (!reading.rootClosed)
    errors.push({
      line: text.split(/\r\n|\r|\n/).length,
      reason: 'the file ends before </calls>: it was cut off (export it again)',
    });
  const count = root.attributes.get('count');
  if (count && /^\d+$/.test(count.value) && Number(count.value) !== rows.length)
    errors.push({
      line: reading.position(count.offset).line,
      column: 'count',
      columnNumber: reading.position(count.offset).column,
      reason: `the file says it holds ${count.value} calls but has ${rows.length}: is it complete?`,
    });
  return done(rows.length);
}

/** Reads one `<call>`; a problem becomes an error naming the attribute. */
function readCall(
  row: XmlElement,
  reading: XmlReading,
  errors: ImportRowError[],
  skips: SkipReasons,
  calls: CallContacts,
): void {
  const fail = (name: string, reason: string): void => {
    const at = reading.position(row.attributes.get(name)?.offset ?? row.offset);
    errors.push({ line: at.line, column: name, columnNumber: at.column, reason });
  };
  const value = (name: string): string | undefined => row.attributes.get(name)?.value.trim();
  const whole = (name: string): number | undefined => {
    const v = value(name);
    if (v === undefined || v === '') {
      fail(name, `<call> has no ${name}`);
      return undefined;
    }
    if (!/^\d+$/.test(v)) {
      fail(name, `"${v}" is not a whole number`);
      return undefined;
    }
    return Number(v);
  };
  const typeText = value('type');
  const type = whole('type');
  if (type === undefined || typeText === undefined) return;
  const date = whole('date');
  if (date === undefined) return;
  if (date > LATEST_MS) {
    fail('date', `${date} is not epoch milliseconds (after the year 2200)`);
    return;
  }
  const seconds = whole('duration');
  if (seconds === undefined) return;
  const mapped = TYPES[String(type)];
  if (mapped === undefined) {
    skips.add(`calls of a type this version does not know (type ${type})`);
    return;
  }
  if (typeof mapped === 'object') {
    skips.add(mapped.skip);
    return;
  }
  if (mapped === 'out' && seconds === 0) {
    skips.add('outgoing calls nobody answered');
    return;
  }
  const number = value('number') ?? '';
  const name = value('contact_name') ?? '';
  calls.add({
    at: date,
    // Withheld numbers come as "", "-1", "-2" or "-3" (Android's presentation codes).
    numbers: /^-\d$/.test(number) || number === '' ? [] : [number],
    name: name === '(Unknown)' || name === 'null' ? '' : name,
    direction: mapped,
    seconds,
  });
}
