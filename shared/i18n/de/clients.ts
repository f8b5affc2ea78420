/** German texts of the dashboard's clients namespace (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/clients.js';

const de: Catalogue<typeof en> = {};
export default de;
