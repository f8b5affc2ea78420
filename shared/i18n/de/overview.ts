/** German texts of the Clients overview (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/overview.js';

const de: Catalogue<typeof en> = {
  title: 'Übersicht',
  intro:
    'Alle Kunden über einen Zeitraum: ungeplante Kontakte gegenüber dem Kontingent und was sie bezahlen.',
  loadFailed: 'Die Übersicht konnte nicht geladen werden: {{error}}',
  noClients:
    'Noch keine Kunden. Legen Sie unter „Kunden“ einen an, dann vergleicht die Übersicht sie hier.',
  period: {
    legend: 'Zeitraum',
    last12Weeks: 'Letzte 12 Wochen',
    thisWeek: 'Diese Woche',
    thisMonth: 'Dieser Monat',
    chosen: 'Eigener Zeitraum',
    from: 'Von',
    to: 'Bis',
    showing: 'Angezeigt: {{range}}',
    firstDay: 'Wählen Sie den ersten Tag.',
    lastDay: 'Wählen Sie den letzten Tag.',
    order: 'Der letzte Tag liegt vor dem ersten.',
    tooShort_one:
      'Eine Entscheidung über den Stundensatz braucht abgerechnete Stunden in {{need}} Wochen; dieser Zeitraum umfasst {{count}} Woche, daher lautet die Empfehlung höchstens „Noch zu wenige Daten“.',
    tooShort_other:
      'Eine Entscheidung über den Stundensatz braucht abgerechnete Stunden in {{need}} Wochen; dieser Zeitraum umfasst {{count}} Wochen, daher lautet die Empfehlung höchstens „Noch zu wenige Daten“.',
    showLast12Weeks: 'Letzte 12 Wochen anzeigen',
  },
  caption: 'Kunden im Zeitraum {{range}}',
  columns: {
    client: 'Kunde',
    unscheduled: 'Ungeplante Kontakte',
    billed: 'Abgerechnete Stunden',
    revenue: 'Umsatz',
    rate: 'Effektiver Stundensatz',
    share: 'Umsatzanteil',
    recommendation: 'Empfehlung',
  },
  sortHint: 'Sortieren Sie mit der Schaltfläche im Spaltenkopf.',
  cell: {
    unscheduled: '{{adHoc}} von {{allowance}}',
    over: '{{over}} darüber',
    within: 'im Rahmen',
    hours: '{{hours}} Std.',
    rateOfList: 'vom regulären Satz {{list}} ({{share}})',
    noListRate: 'kein regulärer Satz',
    none: '–',
  },
  openDetail: 'Details zu {{name}}',
  recommendation: {
    'within-boundaries': 'Im Rahmen',
    'not-enough-data': 'Noch zu wenige Daten',
    'propose-standing-call': 'Festen Termin vorschlagen',
    'raise-rate': 'Stundensatz erhöhen',
  },
  walkAway: 'großer Anteil: legen Sie vorher fest, wo Ihre Grenze liegt',
};

export default de;
