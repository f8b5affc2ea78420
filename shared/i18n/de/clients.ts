/** German texts of the Clients screen (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/clients.js';

const de: Catalogue<typeof en> = {
  title: 'Kunden',
};
export default de;
