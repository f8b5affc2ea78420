/** German texts of the Rules screen (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/rules.js';

const de: Catalogue<typeof en> = {
  title: 'Regeln',
};
export default de;
