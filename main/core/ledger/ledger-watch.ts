/**
 * Notices that the contacts changed on disk, whoever wrote them: this process, the tray, or
 * `office-hours log` in another process appending to the contact journal. The service turns it into
 * the `ledger` event (with the data file's own changes), so the dashboard and the allowance notice
 * follow every change without polling the ledger.
 */
import { watch, type FSWatcher } from 'node:fs';
import { JOURNAL_FILE } from './contact-book.js';

/** How long a burst of appends (an import, a fold) settles into one notice. */
export const LEDGER_SETTLE_MS = 150;

/** What the watch reports to. */
export interface LedgerWatchOptions {
  dataDir: string;
  onChange: () => void;
  onError: (error: unknown) => void;
}

/** Watches the contact journal in `dataDir`; returns the debounced trigger and the stop function. */
export function watchLedgerJournal({ dataDir, onChange, onError }: LedgerWatchOptions): {
  touch: () => void;
  stop: () => void;
} {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const touch = (): void => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, LEDGER_SETTLE_MS);
    timer.unref();
  };
  let watcher: FSWatcher | undefined;
  try {
    // The folder, not the file: a fold replaces the journal, and a watch on the old inode goes quiet.
    watcher = watch(dataDir, { persistent: false }, (_event, name) => {
      if (name === null || name === JOURNAL_FILE) touch();
    });
    watcher.on('error', (error) => {
      onError(error);
      watcher?.close();
      watcher = undefined;
    });
  } catch (error) {
    // Without folder events the data file's own changes (the store polls it) still drive `touch`.
    onError(error);
  }
  return {
    touch,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
