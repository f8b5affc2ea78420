/** German texts of the Today screen (formal "Sie"). */
import type { Catalogue } from '../catalogue.js';
import type en from '../en/today.js';

const de: Catalogue<typeof en> = {
  title: 'Heute',
  loadFailed: 'Der heutige Tag konnte nicht geladen werden: {{error}}',
  empty:
    'Über heute ist noch nichts bekannt. Fügen Sie einen Kalender hinzu, um Ihren Tag zu sehen.',
};
export default de;
