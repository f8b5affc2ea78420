/** The preload bridge: present inside the desktop app, absent in a browser talking to `serve`. */
import type { Api } from '../../shared/api.js';

declare global {
  interface Window {
    officeHours?: Api;
  }
}
