/** Calendar data as the core sees it after parsing and expansion. */

/** One concrete occurrence of an event inside the expansion window. */
export interface ExpandedEvent {
  /** UID of the event (a generated one when the file has none). */
  uid: string;
  /** True when the file had no UID and `uid` was generated (stable across syncs of the same text). */
  uidGenerated?: boolean;
  summary: string;
  /** Start instant, epoch ms UTC. For all-day events: midnight of startDate in the viewer zone. */
  start: number;
  /** End instant (exclusive), epoch ms UTC. For all-day events: midnight of endDate in the viewer zone. */
  end: number;
  allDay: boolean;
  /** All-day only: the first date, YYYY-MM-DD. */
  startDate?: string;
  /** All-day only: the day after the last date (exclusive), YYYY-MM-DD. */
  endDate?: string;
  /** True for occurrences of a series (RRULE/RDATE) and for its RECURRENCE-ID overrides. */
  recurring: boolean;
  /** TRANSP:TRANSPARENT — the event does not make the user busy. */
  transparent: boolean;
  /** STATUS value upper-cased (TENTATIVE, CONFIRMED); cancelled occurrences are never emitted. */
  status?: string;
  /** Attendee e-mail addresses, lower-cased, without "mailto:". */
  attendees: string[];
  /** Organizer e-mail address, lower-cased, without "mailto:". */
  organizer?: string;
  location?: string;
  description?: string;
  categories: string[];
  /** CREATED / LAST-MODIFIED / DTSTAMP as epoch ms, when present (used to tell ad-hoc meetings). */
  created?: number;
  lastModified?: number;
  dtstamp?: number;
}

/** A problem found while reading a calendar that did not stop the rest of it from being read. */
export interface ParseWarning {
  /** 1-based line in the (unfolded-from) source text where the problem starts; 0 when it is not about a line (a bad viewer zone). */
  line: number;
  message: string;
  uid?: string;
}

/** Options for expanding a calendar into a window. */
export interface ExpandOptions {
  /** Window start, epoch ms (inclusive overlap rule: an occurrence [s,e) is kept when s < to and e > from). */
  from: number;
  /** Window end, epoch ms. */
  to: number;
  /** IANA zone for floating times and all-day dates (the viewer's zone). */
  tz: string;
  /** Name of the file or source, for messages. */
  sourceName?: string;
}

/** The result of expanding one calendar text. */
export interface ExpandResult {
  /** Sorted by start, uid, end, summary. */
  events: ExpandedEvent[];
  warnings: ParseWarning[];
  /** X-WR-CALNAME when present. */
  calendarName?: string;
}

/** An error that makes a whole calendar unreadable (not ICS at all, say). */
export class CalendarParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'CalendarParseError';
  }
}
