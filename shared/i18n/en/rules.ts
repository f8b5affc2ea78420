/** English texts of the dashboard's rules namespace. */
export default {} as const;
