/** German texts of the dashboard's status namespace (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/status.js';

const de: Catalogue<typeof en> = {};
export default de;
