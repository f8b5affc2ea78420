/** English texts of the Rate case screen. */
export default {
  title: 'Rate case',
} as const;
