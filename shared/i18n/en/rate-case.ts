/** English texts of the dashboard's rateCase namespace. */
export default {} as const;
