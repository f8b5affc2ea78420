/** German texts shared by every screen (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/common.js';

const de: Catalogue<typeof en> = {
  appName: 'Office Hours',
  nav: {
    label: 'Bildschirme',
    overview: 'Übersicht',
    status: 'Status',
    today: 'Heute',
    calendars: 'Kalender',
    rules: 'Regeln',
    clients: 'Kunden',
    rateCase: 'Honorarfrage',
    import: 'Importieren',
    settings: 'Einstellungen',
  },
  loading: 'Wird geladen …',
  screenLoadFailed:
    'Dieser Bildschirm konnte nicht geladen werden: {{error}}. Laden Sie die Seite neu, um es noch einmal zu versuchen.',
  cancel: 'Abbrechen',
  copyFallbackHint:
    'Kopieren war hier nicht erlaubt: Der Text ist markiert, drücken Sie Strg+C (⌘C auf dem Mac).',
  now: 'jetzt',
  state: {
    available: 'Erreichbar',
    focus: 'In einem Fokusblock',
    meeting: 'In einem Termin',
    away: 'Abwesend',
    'off-hours': 'Außerhalb der Arbeitszeit',
  },
  stateShort: {
    available: 'Frei',
    focus: 'Fokus',
    meeting: 'Termin',
    away: 'Abwesend',
    'off-hours': 'Feierabend',
  },
  needsLink: {
    title: 'Öffnen Sie den Dashboard-Link',
    body: 'Diese Seite braucht den Link, den <code>office-hours serve</code> ausgegeben hat (er endet auf <code>#token=…</code>). Öffnen Sie diesen Link oder starten Sie <code>serve</code> neu, um einen neuen zu erhalten.',
  },
};
export default de;
