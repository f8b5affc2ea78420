/** English texts of the dashboard's clients namespace. */
export default {} as const;
