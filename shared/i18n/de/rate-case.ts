/** German texts of the Rate case screen (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/rate-case.js';

const de: Catalogue<typeof en> = {
  title: 'Honorarfrage',
};
export default de;
