/** English texts of the Clients screen. */
export default {
  title: 'Clients',
} as const;
