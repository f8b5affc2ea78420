/** German texts of the dashboard's calendars namespace (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/calendars.js';

const de: Catalogue<typeof en> = {};
export default de;
