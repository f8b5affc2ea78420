/** English texts of the dashboard's status namespace. */
export default {} as const;
