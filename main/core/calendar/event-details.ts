/**
 * The descriptive properties of a VEVENT (summary, attendees, …), read from the event's own slice
 * of the text only when one of its occurrences is emitted. Skipped events never pay for this.
 */
import { ContentLineReader } from './ics-lines.js';
import type { RawEvent } from './ics-parse.js';
import { splitTextList, unescapeText } from './ics-text.js';
import { parseTimeValue } from './ics-values.js';
import type { ExpandedEvent } from './types.js';

/** What an ExpandedEvent carries besides its times. */
export type EventDetails = Pick<
  ExpandedEvent,
  | 'summary'
  | 'transparent'
  | 'status'
  | 'attendees'
  | 'organizer'
  | 'location'
  | 'description'
  | 'categories'
  | 'created'
  | 'lastModified'
  | 'dtstamp'
>;

function address(value: string): string {
  const v = value.trim();
  return (v.toLowerCase().startsWith('mailto:') ? v.slice(7) : v).trim().toLowerCase();
}

function instant(value: string): number | undefined {
  const t = parseTimeValue(value, undefined);
  // These stamps are UTC by definition; floating ones are read as UTC too.
  return t ? t.local : undefined;
}

/** Reads the details of `event` from `text` (nested components such as VALARM are skipped). */
export function readEventDetails(text: string, event: RawEvent): EventDetails {
  const details: EventDetails = { summary: '', transparent: false, attendees: [], categories: [] };
  const reader = new ContentLineReader(text, event.textStart, event.textEnd, event.line);
  let depth = 0;
  let sawSummary = false;
  while (reader.next()) {
    const name = reader.name;
    if (name === 'BEGIN') {
      depth++;
      continue;
    }
    if (name === 'END') {
      depth--;
      continue;
    }
    // depth 1 is the VEVENT itself.
    if (depth !== 1 || !reader.wellFormed) continue;
    const value = reader.value;
    switch (name) {
      case 'SUMMARY':
        if (!sawSummary) details.summary = unescapeText(value);
        sawSummary = true;
        break;
      case 'TRANSP':
        details.transparent = value.trim().toUpperCase() === 'TRANSPARENT';
        break;
      case 'STATUS':
        details.status ??= value.trim().toUpperCase();
        break;
      case 'ATTENDEE': {
        const a = address(value);
        if (a) details.attendees.push(a);
        break;
      }
      case 'ORGANIZER':
        details.organizer ??= address(value) || undefined;
        break;
      case 'LOCATION':
        details.location ??= unescapeText(value);
        break;
      case 'DESCRIPTION':
        details.description ??= unescapeText(value);
        break;
      case 'CATEGORIES':
        for (const c of splitTextList(value)) {
          const t = unescapeText(c).trim();
          if (t) details.categories.push(t);
        }
        break;
      case 'CREATED':
        details.created ??= instant(value);
        break;
      case 'LAST-MODIFIED':
        details.lastModified ??= instant(value);
        break;
      case 'DTSTAMP':
        details.dtstamp ??= instant(value);
        break;
    }
  }
  return details;
}
