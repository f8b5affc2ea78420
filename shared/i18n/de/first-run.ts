/** German texts of the dashboard's firstRun namespace (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/first-run.js';

const de: Catalogue<typeof en> = {
  panel: {
    heading: 'Erste Schritte',
    intro:
      'Drei Schritte, und Office Hours weiß, wann Sie frei sind und was Sie jeder Kunde kostet.',
    stepsLabel: 'Schritte',
    done: 'Erledigt',
    notDone: 'Noch offen',
    calendar: {
      title: 'Kalender hinzufügen',
      body: 'Den Link eines Kalender-Abos oder eine .ics-Datei: Daraus ergibt sich, wann Sie frei sind.',
      action: 'Zu den Kalendern',
    },
    client: {
      title: 'Kunden anlegen',
      body: 'Mit seiner E-Mail-Domain, damit seine Termine und Anrufe gezählt werden.',
      action: 'Zu den Kunden',
    },
    rates: {
      title: 'Sätze festlegen',
      body: 'Einen Stundensatz und ein Wochenkontingent an ungeplanten Anrufen je Kunde.',
      action: 'Sätze bei den Kunden festlegen',
      settings: 'Zielsätze in den Einstellungen',
    },
    progress: '{{done}} von 3 Schritten erledigt',
  },
  sample: {
    tryHeading: 'Erst einmal ansehen?',
    tryBody:
      'Probieren Sie Office Hours mit Beispieldaten aus: ein Kalender und drei erfundene Kunden mit zwölf Wochen Anrufen und abgerechneten Stunden. Ein Klick entfernt sie wieder; Ihre eigenen Daten bleiben unberührt.',
    try: 'Mit Beispieldaten ausprobieren',
    adding: 'Beispieldaten werden hinzugefügt …',
    added: 'Beispieldaten hinzugefügt.',
    seeOverview: 'Zur Kundenübersicht',
    addFailed: 'Die Beispieldaten konnten nicht hinzugefügt werden: {{error}}',
    bannerLabel: 'Beispieldaten',
    banner: 'Sie sehen Beispieldaten.',
    remove: 'Beispieldaten entfernen',
    removing: 'Wird entfernt …',
    removed: 'Beispieldaten entfernt. Ihre eigenen Daten sind unverändert.',
    removeFailed: 'Die Beispieldaten konnten nicht entfernt werden: {{error}}',
    /** Beside a sample client's name on the Clients screen and the overview. */
    tag: 'Beispiel',
  },
  next: {
    addCalendar: 'Ersten Kalender hinzufügen',
    addClient: 'Kunden anlegen',
    addFirstClient: 'Ersten Kunden anlegen',
    orSample: 'oder',
  },
};
export default de;
