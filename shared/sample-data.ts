/** What the dashboard knows about the sample data ("try with sample data"), and what removing it took away. */

/** Whether sample data is in the data set, and which calendars and clients are part of it. */
export interface SampleDataState {
  present: boolean;
  /** When it was added (ISO), null without sample data. */
  addedAt: string | null;
  calendarIds: string[];
  clientIds: string[];
}

/** How many records removing the sample data took away (all 0 when there was none). */
export interface SampleDataRemoved {
  calendars: number;
  clients: number;
  contacts: number;
  timeEntries: number;
}
