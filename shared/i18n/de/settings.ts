/** German texts of the Settings screen (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/settings.js';

const de: Catalogue<typeof en> = {
  title: 'Einstellungen',
  loading: 'Einstellungen werden geladen …',
  loadFailed: 'Die Einstellungen konnten nicht geladen werden: {{error}}',
  save: 'Einstellungen speichern',
  saving: 'Wird gespeichert …',
  saved: 'Einstellungen gespeichert.',
  language: {
    heading: 'Sprache',
    label: 'Sprache von Dashboard, Tray und Benachrichtigungen',
    system: 'Wie das System ({{language}})',
    en: 'English',
    de: 'Deutsch',
  },
  rateCase: {
    heading: 'Honorarfrage',
    currency: 'Währung neuer Kunden',
    currencyHint: 'Ein dreistelliger Code wie EUR oder USD.',
    recoveryMinutes: 'Minuten bis zur Rückkehr in die Arbeit nach einer Unterbrechung',
    recoverySource:
      'Mark, González & Harris (CHI 2005, „No task left behind?“) haben Wissensarbeiter im Arbeitsalltag beobachtet: Etwa alle 11 Minuten wurde die Arbeit gewechselt oder unterbrochen, und eine unterbrochene Aufgabe wurde im Mittel erst nach etwa 25 Minuten wieder aufgenommen. Die 23 Minuten sind der Durchschnitt, den Gloria Mark in Interviews nennt, keine Zahl aus dieser Studie. Setzen Sie gern Ihren eigenen Wert.',
    adHocLeadHours: 'Ein Termin, der weniger Stunden im Voraus gebucht wird, gilt als spontan',
    walkAwayShare: 'Vor Abhängigkeit warnen ab diesem Umsatzanteil (%)',
    weeklyAllowance: 'Ungeplante Kontakte pro Woche für neue Kunden',
    targetRates: 'Effektiver Ziel-Stundensatz je Kunde',
    targetRatesHint: 'Leer: der Listenpreis des Kunden ({{rate}}).',
    noClients: 'Legen Sie einen Kunden an, um einen Zielsatz festzulegen.',
  },
  notifications: {
    heading: 'Benachrichtigungen',
    focusChange: 'Wenn ein Fokusblock beginnt oder endet',
    allowancePassed: 'Wenn ein Kunde sein wöchentliches Kontingent überschreitet',
    calendarFailing: 'Wenn ein Kalender wiederholt nicht synchronisiert werden kann',
    overrideEnding: 'Kurz bevor ein von Hand gesetzter Status endet',
  },
  shortcut: {
    heading: 'Globales Tastenkürzel',
    enabled: 'Einen Anruf des zuletzt gewählten Kunden per Tastenkürzel erfassen',
    label: 'Tastenkürzel',
    hint: 'Zum Beispiel CommandOrControl+Shift+L.',
  },
  statusServer: {
    heading: 'Statusserver',
    hint: 'Hier werden die Statuslinks Ihrer Kunden ausgeliefert. 127.0.0.1 hält ihn auf diesem Rechner.',
    host: 'Host',
    port: 'Port',
  },
  errors: {
    number: 'Geben Sie eine Zahl von {{min}} bis {{max}} ein.',
    currency: 'Geben Sie einen dreistelligen Code wie EUR ein.',
    amount: 'Geben Sie einen Betrag wie 150 oder 150,50 ein oder lassen Sie das Feld leer.',
    shortcut: 'Geben Sie ein Tastenkürzel wie CommandOrControl+Shift+L ein.',
    host: 'Geben Sie einen Hostnamen oder eine IP-Adresse ein.',
    fixFirst: 'Korrigieren Sie zuerst die markierten Felder.',
  },
};
export default de;
