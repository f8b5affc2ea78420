/** Benachrichtigungstexte, deutsch: dieselben Schlüssel wie en/notifications.ts. */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/notifications.js';

const de: Catalogue<typeof en> = {
  focusStartTitle: 'Fokusblock',
  focusStartUntil: 'Bis {{time}} — Anrufe warten.',
  focusStart: 'Anrufe warten, bis er endet.',
  focusEndTitle: 'Fokusblock vorbei',
  focusEnd: 'Jetzt: {{state}}',
  allowanceTitle: '{{client}}: Wochenkontingent überschritten',
  allowanceBody: '{{adHoc}} ungeplante Kontakte diese Woche, {{allowance}} vereinbart.',
  calendarFailingTitle: '{{name}} synchronisiert nicht',
  calendarFailingBody:
    'Nicht synchronisiert seit {{time}}: {{error}}. Die letzte gute Kopie wird verwendet.',
  calendarFailingNever: 'Noch nie synchronisiert: {{error}}.',
  overrideEndingTitle: 'Der manuelle Status endet bald',
  overrideEndingBody: '{{state}} endet um {{time}}; dann entscheidet wieder der Kalender.',
  loggedTitle: 'Erfasst — {{client}}: {{adHoc}} von {{allowance}} ungeplant diese Woche',
  loggedBody: '{{kind}} um {{time}}. Zum Zurücknehmen klicken.',
  undo: 'Rückgängig',
  undoneTitle: 'Zurückgenommen',
  undoneBody: '{{kind}} für {{client}}: nicht mehr erfasst.',
  actionFailedTitle: 'Das hat nicht geklappt',
  actionFailedBody: '{{action}}: {{message}}',
  linkCopiedTitle: 'Status-Link kopiert',
  linkCopiedBody: 'Der Link für {{client}} ist in der Zwischenablage.',
  statusServerTitle: 'Status-Links für Kunden werden nicht bereitgestellt',
  noTrayTitle: 'Office Hours hat hier kein Tray-Symbol',
  noTrayBody: '{{why}} Das Dashboard bleibt stattdessen offen; wer es schließt, beendet die App.',
  shortcutInvalidTitle: 'Das Tastenkürzel ist nicht gesetzt',
  shortcutTakenBody: '{{shortcut}} ist von einem anderen Programm belegt.',
  shortcutNoClient:
    'Zuerst einen Kontakt über die Tray-Leiste erfassen: das Kürzel erfasst einen Anruf für den zuletzt verwendeten Kunden.',
};
export default de;
