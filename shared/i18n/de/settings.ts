/** German texts of the dashboard's settings namespace (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/settings.js';

const de: Catalogue<typeof en> = {};
export default de;
