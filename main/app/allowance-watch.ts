/**
 * The "weekly allowance passed" notice, whoever added the contact: the tray, the dashboard, an import,
 * the calendar merge, or `office-hours log` in another process. It follows the core's `ledger` event
 * (any change to the contacts) instead of the tray's own calls, and remembers whom it told in
 * `<data-dir>/allowance-notices.json`, so a restart does not repeat a notice or lose one.
 * No Electron here: the app passes `notify`, so this runs in the tests against a real core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OfficeHoursService } from '../core/service.js';
import { isNodeError, writeFileAtomicSync } from '../core/store/files.js';
import type { AppLog } from './app-log.js';
import { desktopSettingsOf } from './app-settings.js';
import { allowanceNotices } from './notification-rules.js';
import type { Notify } from './notifier.js';
import type { Voice } from './voice.js';

/** The file that remembers which client-weeks were told. */
export const ALLOWANCE_NOTICES_FILE = 'allowance-notices.json';

/** What the watch needs. */
export interface AllowanceWatchSetup {
  service: Pick<OfficeHoursService, 'ledger' | 'store' | 'on'>;
  dataDir: string;
  voice: () => Voice;
  notify: Notify;
  log: AppLog;
}

/** The running watch. */
export interface AllowanceWatch {
  /** Reads the standings now and notifies whoever newly passed the allowance. */
  check(): void;
  stop(): void;
}

/** Starts the watch (and checks once at once: an import made while the app was closed counts). */
export function watchAllowances({
  service,
  dataDir,
  voice,
  notify,
  log,
}: AllowanceWatchSetup): AllowanceWatch {
  const file = join(dataDir, ALLOWANCE_NOTICES_FILE);
  let told = readTold(file, log);
  let stopped = false;

  const check = (): void => {
    if (stopped) return;
    try {
      const result = allowanceNotices(service.ledger.weekStandings(), told, voice().words);
      const changed = result.told.size !== told.size || [...result.told].some((k) => !told.has(k));
      told = result.told;
      if (changed) writeFileAtomicSync(file, `${JSON.stringify({ told: [...told] })}\n`);
      if (desktopSettingsOf(service.store.read().settings).notifications.allowancePassed)
        for (const notice of result.notices) notify(notice);
    } catch (error) {
      log.error('allowance notice check failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  // Every change to the contacts, from this process or another, arrives as the core's `ledger` event
  // (already settled: one per burst of writes).
  const offLedger = service.on('ledger', () => check());
  // A new week starts with a status change at the latest (the working day begins).
  const offStatus = service.on('status', () => check());
  check();

  return {
    check,
    stop: () => {
      stopped = true;
      offLedger();
      offStatus();
    },
  };
}

/** The remembered keys; a missing file is a first start, a broken one is said and started afresh. */
function readTold(file: string, log: AppLog): Set<string> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const list =
      typeof parsed === 'object' && parsed !== null && 'told' in parsed ? parsed.told : undefined;
    return new Set(Array.isArray(list) ? list.filter((k) => typeof k === 'string') : []);
  } catch (error) {
    if (!(isNodeError(error) && error.code === 'ENOENT'))
      log.warn(`${ALLOWANCE_NOTICES_FILE} unreadable; allowance notices start afresh`, {
        error: error instanceof Error ? error.message : String(error),
      });
    return new Set();
  }
}
