/** German texts of the dashboard's rules namespace (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/rules.js';

const de: Catalogue<typeof en> = {};
export default de;
