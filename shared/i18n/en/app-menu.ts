/** The application menu's words, English: the catalogue the German one is typed against. */
export default {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  openDashboard: 'Open Dashboard',
  syncNow: 'Sync Calendars Now',
} as const;
