/** English texts of the dashboard's calendars namespace. */
export default {} as const;
