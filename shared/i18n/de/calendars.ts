/** German texts of the Calendars screen (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/calendars.js';

const de: Catalogue<typeof en> = {
  title: 'Kalender',
};
export default de;
