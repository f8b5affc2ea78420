/**
 * The Api's method and event names, apart from the input schemas in api.ts: the dashboard's HTTP
 * client needs only the names, and importing api.ts would put the whole validator (zod) into the
 * page's first script. api.ts checks at compile time that its schemas and events are exactly these.
 */

/** Every method of the Api, in the order of its input schemas. */
export const API_METHOD_NAMES = [
  'getStatus',
  'getDayTimeline',
  'listCalendars',
  'addCalendar',
  'updateCalendar',
  'removeCalendar',
  'syncCalendars',
  'setOverride',
  'clearOverride',
  'getRules',
  'setRules',
  'previewRules',
  'getWorkingHours',
  'setWorkingHours',
  'logContact',
  'undoLastContact',
  'editContact',
  'deleteContact',
  'listContacts',
  'importFile',
  'getReport',
  'getClientDetail',
  'importText',
  'undoImport',
  'getLastImport',
  'getScripts',
  'listClients',
  'addClient',
  'updateClient',
  'removeClient',
  'rotateClientLink',
  'getSettings',
  'updateSettings',
  'getSampleData',
  'addSampleData',
  'removeSampleData',
] as const;

/** Name of a method, as listed. */
export type ApiMethodName = (typeof API_METHOD_NAMES)[number];

/** Every event the core pushes to the dashboard. */
export const API_EVENT_NAMES = [
  'status',
  'calendars',
  'syncProgress',
  'clients',
  'settings',
  'sample',
  'ledger',
] as const;

/** Name of an event, as listed. */
export type ApiEventName = (typeof API_EVENT_NAMES)[number];

/** The most text an imported file may have (a year of detailed time entries is far below it). */
export const IMPORT_TEXT_MAX_CHARS = 4 * 1024 * 1024;
