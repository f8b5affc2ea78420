/** English texts of the Calendars screen. */
export default {
  title: 'Calendars',
} as const;
