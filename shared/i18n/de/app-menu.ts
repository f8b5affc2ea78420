/** Die Wörter des Anwendungsmenüs, deutsch: dieselben Schlüssel wie en/app-menu.ts. */
import type en from '../en/app-menu.js';

const de: Record<keyof typeof en, string> = {
  file: 'Datei',
  edit: 'Bearbeiten',
  view: 'Darstellung',
  openDashboard: 'Dashboard öffnen',
  syncNow: 'Kalender jetzt synchronisieren',
};
export default de;
