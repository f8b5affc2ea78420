/** English texts of the dashboard's today namespace. */
export default {} as const;
