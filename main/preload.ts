/**
 * The preload of the dashboard window (sandboxed, bundled to dist/preload.cjs): the only file that
 * touches contextBridge and ipcRenderer. Everything it exposes is generated from the Api contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposePreloadBridge } from './app/preload-bridge.js';

exposePreloadBridge(contextBridge, ipcRenderer);
