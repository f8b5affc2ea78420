/** English texts of the dashboard's settings namespace. */
export default {} as const;
