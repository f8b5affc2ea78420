/** English texts of the Today screen. */
export default {
  title: 'Today',
  loadFailed: 'Could not load today: {{error}}',
  empty: 'Nothing known about today yet. Add a calendar to see your day.',
} as const;
