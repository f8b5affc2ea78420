/** German texts of the Status screen and its override buttons (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/status.js';

const de: Catalogue<typeof en> = {
  title: 'Status',
  loadFailed: 'Der Status konnte nicht geladen werden: {{error}}',
  until: 'Bis',
  noChange: 'keine Änderung bekannt',
  next: 'Danach',
  nextAt: '{{state}} ab {{time}}',
  nothingScheduled: 'nichts geplant',
  setByHand: 'Von Hand gesetzt',
  mode: { available: 'Erreichbar', unavailable: 'Nicht erreichbar' },
  forDuration: '{{mode}} für {{duration}}',
  untilChosen: '{{mode}} bis zur gewählten Uhrzeit',
  untilPicked: '{{mode}} bis — Uhrzeit wählen',
  untilPickedSet: '{{mode}} bis zu dieser Uhrzeit setzen',
  untilTime: 'Bis Uhrzeit',
  chooseTime: 'Wählen Sie zuerst eine Uhrzeit.',
  followCalendar: 'Dem Kalender folgen',
  calendarDecides: 'Jetzt entscheidet der Kalender.',
};
export default de;
