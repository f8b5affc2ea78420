import { describe, expect, it } from 'vitest';
import { unfoldLines } from './calendar-subjects.js';
import { generateCalendar } from './generate-calendar.js';
import { foldLine } from './generate-helpers.js';

describe('unfoldLines (the floor)', () => {
  it('joins folded continuation lines (space or tab) and accepts CRLF and LF', () => {
    expect(unfoldLines('A:1\r\nB:long\r\n  value\r\n\tmore\r\nC:3\r\n')).toEqual([
      'A:1',
      'B:long valuemore',
      'C:3',
    ]);
    expect(unfoldLines('A:1\nB:x\n y\nC:3')).toEqual(['A:1', 'B:xy', 'C:3']);
    expect(unfoldLines('')).toEqual([]);
  });

  it('gives back exactly the logical lines of a generated calendar', () => {
    const text = generateCalendar({ events: 100, seed: 5, now: new Date('2025-06-15T10:00:00Z') });
    const lines = unfoldLines(text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    // Folding the logical lines again reproduces the file byte for byte.
    expect(`${lines.map(foldLine).join('\r\n')}\r\n`).toBe(text);
  });
});
