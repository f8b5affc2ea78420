/** Parses an ICS text and expands its events into a window (placeholder until the engine lands). */
import type { ExpandOptions, ExpandResult } from './types.js';

/** Parse `text` (an iCalendar file) and expand every event into the window of `options`. */
export function expandIcs(_text: string, _options: ExpandOptions): ExpandResult {
  throw new Error('expandIcs: not implemented yet');
}
