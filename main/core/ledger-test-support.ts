/** A LedgerService over a fresh data folder, for tests. */
import { LedgerService, type LedgerServiceOptions } from './ledger-service.js';
import type { Data } from './store/schema.js';
import { openStore, type DataStore } from './store/store.js';
import { makeTempDir } from './store/test-support.js';

/**
 * Opens a store in a new temp folder (`prefix`), lets `data` fill it, and starts a LedgerService over
 * it. Closing the store and removing the folder are pushed onto `cleanups` (run them in reverse).
 */
export function tempLedger(
  cleanups: (() => void)[],
  {
    prefix,
    data,
    ...options
  }: { prefix: string; data: (draft: Data) => void } & Omit<
    LedgerServiceOptions,
    'store' | 'dataDir'
  >,
): { dir: string; store: DataStore; ledger: LedgerService } {
  const { dir, remove } = makeTempDir(prefix);
  cleanups.push(remove);
  const store = openStore(dir, { watch: false });
  cleanups.push(() => store.close());
  store.update(data);
  return { dir, store, ledger: new LedgerService({ store, dataDir: dir, ...options }) };
}
