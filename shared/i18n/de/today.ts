/** German texts of the dashboard's today namespace (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/today.js';

const de: Catalogue<typeof en> = {};
export default de;
