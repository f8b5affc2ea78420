/** German texts of a client's detail (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/client-detail.js';

const de: Catalogue<typeof en> = {
  back: 'Zurück zur Übersicht',
  loadFailed: 'Die Details dieses Kunden konnten nicht geladen werden: {{error}}',
  period: 'Die letzten zwölf Wochen: {{range}}',
  showTable: 'Als Tabelle zeigen',
  showChart: 'Als Diagramm zeigen',
  kinds: {
    call: 'Anrufe',
    'missed-call': 'Verpasste Anrufe',
    voicemail: 'Sprachnachrichten',
    'ad-hoc-meeting': 'Spontane Termine',
  },
  weeks: {
    heading: 'Ungeplante Kontakte und abgerechnete Stunden',
    summary:
      '{{weeks}} Wochen: {{contacts}} ungeplante Kontakte bei einem Kontingent von {{allowance}} pro Woche, insgesamt {{hours}} abgerechnete Stunden; die meisten Kontakte in der Woche vom {{peak}} ({{peakCount}}).',
    summaryNone:
      '{{weeks}} Wochen: keine ungeplanten Kontakte bei einem Kontingent von {{allowance}} pro Woche, insgesamt {{hours}} abgerechnete Stunden.',
    caption: 'Ungeplante Kontakte nach Art und abgerechnete Stunden pro Woche',
    week: 'Woche vom',
    unscheduled: 'Ungeplant',
    allowance: 'Kontingent',
    billed: 'Abgerechnete Stunden',
    contactsAxis: 'Kontakte',
    hoursAxis: 'Stunden',
    legend: 'Legende',
    billedLine: 'Abgerechnete Stunden (Linie)',
    allowanceLine: 'Kontingent (gestrichelt)',
  },
  rate: {
    heading: 'Effektiver Stundensatz im Vergleich zum Zielsatz',
    summary:
      'Effektiver Stundensatz in {{weeks}} Wochen mit abgerechneten Stunden, von {{first}} bis {{last}}, bei einem Zielsatz von {{target}}; in {{below}} davon darunter.',
    summaryNoTarget:
      'Effektiver Stundensatz in {{weeks}} Wochen mit abgerechneten Stunden, von {{first}} bis {{last}}; kein Ziel- oder regulärer Satz zum Vergleich.',
    none: 'Noch keine Woche mit abgerechneten Stunden: ohne sie gibt es keinen effektiven Stundensatz.',
    target: 'Zielsatz {{rate}}',
    listAsTarget:
      'Kein Zielsatz festgelegt: Ersatzweise gilt der reguläre Satz von {{rate}} (legen Sie einen in den Einstellungen fest).',
    noTarget: 'Weder Ziel- noch regulärer Satz festgelegt.',
    caption: 'Effektiver Stundensatz pro Woche',
    week: 'Woche vom',
    effective: 'Effektiver Satz',
    targetColumn: 'Zielsatz',
    legendRate: 'Effektiver Satz (Linie)',
    legendTarget: 'Zielsatz (gestrichelt)',
  },
  rhythm: {
    heading: 'Wann {{name}} sich meldet',
    intro:
      'Ungeplante Kontakte nach Wochentag und Uhrzeit ({{zone}}) in diesen zwölf Wochen: Hier würde ein fester Termin sie auffangen.',
    summary:
      'Ungeplante Kontakte nach Wochentag und Uhrzeit; am häufigsten am {{weekday}} um {{hour}} mit {{count}}.',
    summaryNone: 'Noch keine ungeplanten Kontakte nach Wochentag und Uhrzeit.',
    busiest:
      'Die meisten ungeplanten Kontakte kommen am {{weekday}} gegen {{hour}} ({{count}}): Ein fester Termin kurz davor könnte sie auffangen.',
    none: 'Noch keine ungeplanten Kontakte: Es gibt kein Muster, aus dem sich ein Termin vorschlagen ließe.',
    caption: 'Ungeplante Kontakte nach Wochentag (Zeilen) und Uhrzeit (Spalten)',
    weekday: 'Wochentag',
    scale: 'Weniger bis mehr Kontakte',
  },
  recommendation: {
    heading: 'Empfehlung: {{label}}',
    newRate: 'Stundensatz, der den Aufwand deckt',
    increase: '+{{percent}}',
    retainer: 'Oder eine monatliche Bereitschaftspauschale',
    walkAway:
      '{{name}} macht einen großen Teil Ihres Umsatzes aus: Legen Sie fest, was Sie bei einem Nein tun, bevor Sie über Grenzen oder Preise sprechen.',
    missing:
      'Abgerechnete Stunden in {{billedWeeks}} von {{neededWeeks}} Wochen, die eine Entscheidung über den Stundensatz braucht.',
  },
  link: {
    heading: 'Status-Link',
    intro:
      'Die private Seite, auf der {{name}} sieht, ob und bis wann Sie erreichbar sind – sonst nichts.',
    copy: 'Link kopieren',
    copied: 'Link kopiert.',
    preview: 'Ansehen, wie {{name}} die Seite sieht',
    previewNote: '(öffnet sich in einem neuen Tab)',
    rotate: 'Neuer Link',
    confirm:
      'Einen neuen Link erstellen? Der bisherige funktioniert sofort nicht mehr, und {{name}} braucht den neuen.',
    confirmLabel: 'Neuen Link für {{name}} bestätigen',
    confirmYes: 'Neuen Link erstellen',
    cancel: 'Abbrechen',
    rotated:
      'Neuer Link erstellt. Der alte funktioniert nicht mehr: Schicken Sie {{name}} den neuen.',
    rotateFailed: 'Der neue Link konnte nicht erstellt werden: {{error}}',
    fallbackLabel: 'Status-Link von {{name}}',
  },
};

export default de;
