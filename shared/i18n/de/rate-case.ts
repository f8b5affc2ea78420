/** German texts of the dashboard's rateCase namespace (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/rate-case.js';

const de: Catalogue<typeof en> = {};
export default de;
