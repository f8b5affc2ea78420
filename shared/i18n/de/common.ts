/** German texts shared by every screen (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/common.js';

const de: Catalogue<typeof en> = {
  appName: 'Office Hours',
  nav: {
    label: 'Bildschirme',
    status: 'Status',
    today: 'Heute',
    calendars: 'Kalender',
    rules: 'Regeln',
    clients: 'Kunden',
    rateCase: 'Honorarfrage',
    settings: 'Einstellungen',
  },
  needsLink: {
    title: 'Öffnen Sie den Dashboard-Link',
    body: 'Diese Seite braucht den Link, den <code>office-hours serve</code> ausgegeben hat (er endet auf <code>#token=…</code>). Öffnen Sie diesen Link oder starten Sie <code>serve</code> neu, um einen neuen zu erhalten.',
  },
};
export default de;
