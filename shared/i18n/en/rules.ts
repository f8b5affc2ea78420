/** English texts of the Rules screen. */
export default {
  title: 'Rules',
} as const;
