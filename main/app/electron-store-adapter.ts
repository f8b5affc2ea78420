/**
 * The app's `DataStore`: the core's store engine (validation, migrations, corrupt-file handling,
 * backups, watching) writing through electron-store, with secret feed URLs sealed by a cipher
 * (safeStorage) where one is given. Only the main process may load this file.
 */
import ElectronStore from 'electron-store';
import { openStoreWith } from '../core/store/engine.js';
import { FILE_MODE, STORE_NAME } from '../core/store/files.js';
import {
  type SecretCipher,
  enforcePrivateMode,
  sealedBackend,
} from '../core/store/secret-fields.js';
import {
  type Backend,
  type DataStore,
  type StoreOptions,
  lazyBackend,
} from '../core/store/store.js';

/** A `Backend` over electron-store, with the same file name, mode and format as the conf one. */
export function electronStoreBackend(dataDir: string): Backend {
  return lazyBackend(
    dataDir,
    () =>
      new ElectronStore<Record<string, unknown>>({
        // An absolute cwd is used as is (electron-store only resolves relative ones against userData).
        cwd: dataDir,
        name: STORE_NAME,
        configFileMode: FILE_MODE,
        clearInvalidConfig: false,
      }),
  );
}

/** Options of the app's store: the engine's, and the cipher that seals feed URLs. */
export interface AppStoreOptions extends StoreOptions {
  cipher?: SecretCipher;
}

/** Opens the data set in `dataDir` (the app passes `app.getPath('userData')`) via electron-store. */
export function openElectronStore(dataDir: string, options: AppStoreOptions = {}): DataStore {
  const { cipher, ...storeOptions } = options;
  const factory = cipher
    ? sealedBackend(electronStoreBackend, cipher, storeOptions.onError)
    : electronStoreBackend;
  const store = openStoreWith(factory, dataDir, storeOptions);
  enforcePrivateMode(store.path);
  return store;
}
