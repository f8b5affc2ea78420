/** English texts of the dashboard's firstRun namespace. */
export default {} as const;
