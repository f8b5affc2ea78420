/** German texts of the Calendars screen (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/calendars.js';

const de: Catalogue<typeof en> = {
  title: 'Kalender',
  loadFailed: 'Die Kalender konnten nicht geladen werden: {{error}}',
  syncNow: 'Jetzt synchronisieren',
  syncing: 'Wird synchronisiert …',
  syncingSummary: 'Synchronisierung: {{summary}}',
  lastSyncSummary: 'Letzte Synchronisierung: {{summary}}',
  progress: '{{finished}} von {{total}} fertig',
  progressFailed: '{{finished}} von {{total}} fertig, {{failed}} fehlgeschlagen',
  syncFailed: 'Synchronisierung fehlgeschlagen: {{error}}',
  empty:
    'Noch keine Kalender. Fügen Sie unten den Link eines Kalender-Feeds oder eine .ics-Datei hinzu.',
  listLabel: 'Kalender',
  phase: {
    fetching: 'Wird abgerufen …',
    parsing: 'Wird gelesen …',
    done: 'Synchronisiert',
    failed: 'Fehlgeschlagen',
  },
  phaseFailed: 'Fehlgeschlagen: {{error}}',
  role: {
    label: 'Rolle',
    busy: 'Belegt, wenn gebucht',
    focus: 'Jeder Termin ist Fokuszeit',
    ignore: 'Ignoriert',
  },
  item: {
    lastSync: 'Zuletzt synchronisiert',
    never: 'nie',
    events: 'Termine',
    sync: 'Synchronisierung',
    failed: 'Synchronisierung fehlgeschlagen:',
    cachedCopy: ' – angezeigt wird die Kopie vom {{time}}.',
    remove: 'Entfernen',
    removeLabel: '{{name}} entfernen',
    confirmLabel: 'Entfernen von {{name}} bestätigen',
    confirmRemove: 'Ja, entfernen',
    confirmText: '{{name}} entfernen? Der Kalender zählt dann nicht mehr für Ihren Status.',
  },
  add: {
    heading: 'Kalender hinzufügen',
    location: 'Kalender-Link oder Dateipfad',
    locationHint:
      'Die geheime Adresse eines Kalender-Feeds (https:// oder webcal://) oder der vollständige Pfad einer .ics-Datei. Sie bleibt auf diesem Rechner.',
    name: 'Name (optional)',
    submit: 'Kalender hinzufügen',
    adding: 'Wird hinzugefügt …',
    added: '{{name}} hinzugefügt.',
  },
  errors: {
    empty:
      'Geben Sie einen Kalender-Link (https:// oder webcal://) oder den vollständigen Pfad einer .ics-Datei ein.',
    tooLong: 'Das ist zu lang für einen Kalender-Link.',
    invalidUrl: 'Dieser Link ist keine gültige URL.',
    scheme:
      'Links, die mit {{scheme}}// beginnen, sind keine Kalender. Verwenden Sie https:// oder webcal://.',
    noHost: 'Dem Link fehlt der Hostname.',
    notAbsolute:
      'Geben Sie einen vollständigen Link (https://…) oder einen absoluten Dateipfad (/…/kalender.ics) ein.',
  },
};
export default de;
