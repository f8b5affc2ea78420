/** German texts of the dashboard's firstRun namespace (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/first-run.js';

const de: Catalogue<typeof en> = {};
export default de;
