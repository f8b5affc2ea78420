/** Die Wörter des Anwendungsmenüs, deutsch: dieselben Schlüssel wie en/app-menu.ts. */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/app-menu.js';

const de: Catalogue<typeof en> = {
  file: 'Datei',
  edit: 'Bearbeiten',
  view: 'Darstellung',
  openDashboard: 'Dashboard öffnen',
  syncNow: 'Kalender jetzt synchronisieren',
};
export default de;
