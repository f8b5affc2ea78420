import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCorpusJson } from './corpus-format.js';
import { expandIcs } from './expand.js';
import { CalendarParseError, type ExpandResult } from './types.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

function expandFixture(name: string, from: string, to: string, tz = 'UTC'): ExpandResult {
  return expandIcs(readFileSync(join(FIXTURES, name)), {
    from: Date.parse(from),
    to: Date.parse(to),
    tz,
    sourceName: name,
  });
}

/** "uid start end" per occurrence, in corpus order. */
function lines(result: ExpandResult): string[] {
  return toCorpusJson(result.events).map((r) => `${r.uid} ${r.start} ${r.end}`);
}

const SEPT = ['2024-09-01T00:00:00Z', '2024-10-01T00:00:00Z'] as const;

describe('expandIcs: recurrence rules', () => {
  it('honours WKST, BYSETPOS, negative BYMONTHDAY, COUNT and UNTIL', () => {
    const got = lines(
      expandFixture('rrule-rules.ics', '2024-08-01T00:00:00Z', '2025-01-01T00:00:00Z'),
    );
    const of = (uid: string): string[] =>
      got.filter((l) => l.startsWith(`${uid} `)).map((l) => l.split(' ')[1] as string);
    expect(of('wkst-mo@fixtures')).toEqual([
      '2024-08-06T07:00:00.000Z',
      '2024-08-11T07:00:00.000Z',
      '2024-08-20T07:00:00.000Z',
      '2024-08-25T07:00:00.000Z',
    ]);
    expect(of('wkst-su@fixtures')).toEqual([
      '2024-08-06T09:00:00.000Z',
      '2024-08-18T09:00:00.000Z',
      '2024-08-20T09:00:00.000Z',
      '2024-09-01T09:00:00.000Z',
    ]);
    // 16:00 Berlin: 14:00Z in summer time, 15:00Z once winter time starts on 27 October.
    expect(of('setpos@fixtures')).toEqual([
      '2024-08-29T14:00:00.000Z',
      '2024-09-27T14:00:00.000Z',
      '2024-10-30T15:00:00.000Z',
      '2024-11-28T15:00:00.000Z',
    ]);
    expect(of('last-day@fixtures')).toEqual([
      '2024-08-31',
      '2024-09-30',
      '2024-10-31',
      '2024-11-30',
      '2024-12-31',
    ]);
    expect(of('until-utc@fixtures')).toEqual([
      '2024-09-02T12:00:00.000Z',
      '2024-09-03T12:00:00.000Z',
      '2024-09-04T12:00:00.000Z',
      '2024-09-05T12:00:00.000Z',
    ]);
  });

  it('adds RDATEs given as dates, date-times in any zone, and periods', () => {
    expect(lines(expandFixture('rdate.ics', ...SEPT))).toEqual([
      'rdate-dates@fixtures 2024-09-02 2024-09-03',
      'rdate-times@fixtures 2024-09-03T12:00:00.000Z 2024-09-03T13:00:00.000Z',
      'rdate-periods@fixtures 2024-09-04T08:00:00.000Z 2024-09-04T09:00:00.000Z',
      'rdate-times@fixtures 2024-09-10T12:00:00.000Z 2024-09-10T13:00:00.000Z',
      'rdate-periods@fixtures 2024-09-11T08:00:00.000Z 2024-09-11T12:00:00.000Z',
      'rdate-dates@fixtures 2024-09-16 2024-09-17',
      'rdate-periods@fixtures 2024-09-18T08:00:00.000Z 2024-09-18T10:00:00.000Z',
      'rdate-times@fixtures 2024-09-20T07:00:00.000Z 2024-09-20T08:00:00.000Z',
      'rdate-times@fixtures 2024-09-25T10:00:00.000Z 2024-09-25T11:00:00.000Z',
      'rdate-dates@fixtures 2024-09-30 2024-10-01',
    ]);
  });

  it('removes EXDATEs given in another zone, in UTC, and several on one line; a near miss removes nothing', () => {
    const starts = lines(expandFixture('exdate.ics', ...SEPT)).map((l) =>
      l.split(' ')[1]?.slice(5, 10),
    );
    expect(starts).toEqual(['09-02', '09-04', '09-06', '09-09', '09-10', '09-11']);
  });

  it('applies RECURRENCE-ID overrides in UTC or a TZID, moved in or out of the window, cancelled, or without a master', () => {
    const result = expandFixture('overrides.ics', ...SEPT);
    expect(toCorpusJson(result.events).map((r) => `${r.start} ${r.summary}`)).toEqual([
      '2024-09-02T08:00:00.000Z Weekly client call',
      '2024-09-04T08:00:00.000Z Weekly client call (August one moved into September)',
      '2024-09-10T12:00:00.000Z Weekly client call (moved to Tuesday)',
      '2024-09-11T10:00:00.000Z Instance of a series we never received',
      '2024-09-30T08:00:00.000Z Weekly client call',
    ]);
    expect(result.events.every((e) => e.recurring)).toBe(true);
    // The one moved out of September shows up where it went.
    const october = expandFixture('overrides.ics', '2024-10-15T00:00:00Z', '2024-10-16T00:00:00Z');
    expect(october.events.map((e) => e.summary)).toEqual([
      'Weekly client call (moved out to October)',
    ]);
  });
});

describe('expandIcs: windows, durations and all-day events', () => {
  it('keeps events that began before the window and still run, and reads DURATION nominally', () => {
    expect(lines(expandFixture('spanning.ics', ...SEPT))).toEqual([
      'conference@fixtures 2024-08-28 2024-09-04',
      'overnight@fixtures 2024-08-31T22:00:00.000Z 2024-09-01T04:00:00.000Z',
      // P1DT2H from 09:00 Berlin: the next day at 09:00 Berlin plus two hours.
      'duration@fixtures 2024-09-10T07:00:00.000Z 2024-09-11T09:00:00.000Z',
      'reminder@fixtures 2024-09-15T12:00:00.000Z 2024-09-15T12:00:00.000Z',
      'holiday@fixtures 2024-09-20 2024-09-21',
    ]);
  });

  it('never shifts all-day dates by zone; their instants are the viewer’s midnights', () => {
    for (const tz of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const result = expandFixture('spanning.ics', ...SEPT, tz);
      const holiday = result.events.find((e) => e.uid === 'holiday@fixtures');
      expect(holiday).toMatchObject({
        allDay: true,
        startDate: '2024-09-20',
        endDate: '2024-09-21',
      });
      const parts = new Intl.DateTimeFormat('en-CA', {
        timeZone: tz,
        dateStyle: 'short',
        timeStyle: 'short',
        hourCycle: 'h23',
      }).format(holiday?.start);
      expect(parts).toBe('2024-09-20, 00:00');
    }
  });
});

describe('expandIcs: time zones', () => {
  it('keeps wall time across both DST transitions and handles times that do not exist or exist twice', () => {
    expect(lines(expandFixture('dst.ics', '2024-03-01T00:00:00Z', '2024-12-01T00:00:00Z'))).toEqual(
      [
        'spring@fixtures 2024-03-24T08:00:00.000Z 2024-03-24T08:30:00.000Z',
        'nightly@fixtures 2024-03-30T01:30:00.000Z 2024-03-30T01:45:00.000Z',
        // 02:30 on 31 March does not exist in Berlin: read with the offset before the gap (+01:00).
        'gap@fixtures 2024-03-31T01:30:00.000Z 2024-03-31T02:00:00.000Z',
        'nightly@fixtures 2024-03-31T01:30:00.000Z 2024-03-31T01:45:00.000Z',
        'spring@fixtures 2024-03-31T07:00:00.000Z 2024-03-31T07:30:00.000Z',
        'nightly@fixtures 2024-04-01T00:30:00.000Z 2024-04-01T00:45:00.000Z',
        'spring@fixtures 2024-04-07T07:00:00.000Z 2024-04-07T07:30:00.000Z',
        'autumn@fixtures 2024-10-20T07:00:00.000Z 2024-10-20T07:30:00.000Z',
        // 02:30 on 27 October happens twice: the first one (+02:00) is meant.
        'twice@fixtures 2024-10-27T00:30:00.000Z 2024-10-27T02:30:00.000Z',
        'autumn@fixtures 2024-10-27T08:00:00.000Z 2024-10-27T08:30:00.000Z',
        'autumn@fixtures 2024-11-03T08:00:00.000Z 2024-11-03T08:30:00.000Z',
      ],
    );
  });

  it('maps Windows zone names to IANA zones', () => {
    expect(
      lines(expandFixture('windows-zones.ics', '2024-07-01T00:00:00Z', '2025-01-01T00:00:00Z')),
    ).toEqual([
      'berlin-summer@fixtures 2024-07-15T08:00:00.000Z 2024-07-15T09:00:00.000Z',
      'newyork@fixtures 2024-10-28T14:00:00.000Z 2024-10-28T15:00:00.000Z',
      'newyork@fixtures 2024-11-04T15:00:00.000Z 2024-11-04T16:00:00.000Z',
      'berlin-winter@fixtures 2024-12-20T09:00:00.000Z 2024-12-20T10:00:00.000Z',
    ]);
  });

  it('computes zones that exist only as an in-file VTIMEZONE, from RRULE or RDATE observances', () => {
    const spring = lines(
      expandFixture('custom-vtimezone.ics', '2024-03-25T00:00:00Z', '2024-04-16T00:00:00Z'),
    );
    expect(spring).toEqual([
      'atlantis-weekly@fixtures 2024-04-01T11:00:00.000Z 2024-04-01T12:00:00.000Z',
      'atlantis-april@fixtures 2024-04-03T11:00:00.000Z 2024-04-03T12:00:00.000Z',
      'atlantis-weekly@fixtures 2024-04-08T10:00:00.000Z 2024-04-08T11:00:00.000Z',
      'atlantis-weekly@fixtures 2024-04-15T10:00:00.000Z 2024-04-15T11:00:00.000Z',
    ]);
    const autumn = lines(
      expandFixture('custom-vtimezone.ics', '2024-09-20T00:00:00Z', '2024-10-01T00:00:00Z'),
    );
    expect(autumn.map((l) => l.split(' ')[1])).toEqual([
      '2024-09-23T10:00:00.000Z',
      '2024-09-30T11:00:00.000Z',
    ]);
    const lemuria = lines(
      expandFixture('custom-vtimezone.ics', '2025-04-01T00:00:00Z', '2025-12-01T00:00:00Z'),
    );
    expect(lemuria.map((l) => l.split(' ')[1])).toEqual([
      '2025-05-01T05:30:00.000Z',
      '2025-10-15T06:30:00.000Z',
    ]);
  });

  it('reads floating times in the viewer’s zone, keeping wall time across DST', () => {
    const berlin = lines(
      expandFixture(
        'floating.ics',
        '2024-09-01T00:00:00Z',
        '2024-12-01T00:00:00Z',
        'Europe/Berlin',
      ),
    );
    expect(berlin.map((l) => l.split(' ')[1])).toEqual([
      '2024-09-10T07:00:00.000Z',
      '2024-10-21T07:00:00.000Z',
      '2024-10-25',
      '2024-10-28T08:00:00.000Z',
      '2024-11-04T08:00:00.000Z',
    ]);
    const newYork = lines(
      expandFixture(
        'floating.ics',
        '2024-09-01T00:00:00Z',
        '2024-12-01T00:00:00Z',
        'America/New_York',
      ),
    );
    expect(newYork.map((l) => l.split(' ')[1])).toEqual([
      '2024-09-10T13:00:00.000Z',
      '2024-10-21T13:00:00.000Z',
      '2024-10-25',
      '2024-10-28T13:00:00.000Z',
      '2024-11-04T14:00:00.000Z',
    ]);
  });

  it('reads floating times, and recurs UTC times, in X-WR-TIMEZONE whatever the viewer’s zone', () => {
    const result = expandFixture(
      'floating-xwr.ics',
      '2024-09-01T00:00:00Z',
      '2024-12-01T00:00:00Z',
      'Europe/Berlin',
    );
    expect(lines(result).map((l) => l.split(' ')[1])).toEqual([
      '2024-09-10T13:00:00.000Z',
      '2024-10-28T13:00:00.000Z',
      '2024-11-04T14:00:00.000Z',
    ]);
    expect(result.calendarName).toBe('Team calendar');
  });
});

describe('expandIcs: reading the text', () => {
  it('unfolds lines, also where a fold splits a multi-byte UTF-8 character, with CRLF or LF', () => {
    const crlf = expandFixture('folded-utf8-crlf.ics', ...SEPT);
    const lf = expandFixture('folded-utf8-lf.ics', ...SEPT);
    expect(crlf.events[0]?.summary).toBe('Café Zürich – 東京 meeting with Ünal');
    expect(crlf.events[0]?.description).toBe(
      'Agenda, notes; and a very long line that needs folding\nSecond line',
    );
    expect(lf.events).toEqual(crlf.events);
    expect(crlf.events).toHaveLength(2);
    // The same text given as a string is read the same way.
    const text = readFileSync(join(FIXTURES, 'folded-utf8-lf.ics'), 'utf8');
    expect(
      expandIcs(text, { from: Date.parse(SEPT[0]), to: Date.parse(SEPT[1]), tz: 'UTC' }).events[1]
        ?.summary,
    ).toBe('Next event');
  });

  it('reads the details of emitted events, not those of their alarms', () => {
    const result = expandFixture('details.ics', ...SEPT);
    expect(result.calendarName).toBe('Consulting');
    const [event, noUid] = result.events;
    expect(event).toMatchObject({
      uid: 'details@fixtures',
      summary: 'Review with ACME, Inc.',
      location: 'Room 4; second floor',
      description: 'Agenda:\n1. numbers\n2. next steps',
      organizer: 'ada@example.com',
      attendees: ['bob@client.example', 'carol@client.example'],
      categories: ['Client', 'ACME', 'Billable'],
      status: 'TENTATIVE',
      transparent: true,
      recurring: false,
      created: Date.UTC(2024, 6, 15, 8),
      lastModified: Date.UTC(2024, 6, 20, 9),
      dtstamp: Date.UTC(2024, 7, 1, 12),
    });
    expect(noUid?.uidGenerated).toBe(true);
    expect(noUid?.uid).toMatch(/^generated-[0-9a-f]{8}$/);
    expect(expandFixture('details.ics', ...SEPT).events[1]?.uid).toBe(noUid?.uid);
  });

  it('reports one malformed event with its line and keeps the rest', () => {
    const result = expandFixture('malformed-event.ics', ...SEPT);
    expect(result.events.map((e) => e.uid)).toEqual([
      'good-1@fixtures',
      'bad-rule@fixtures',
      'good-2@fixtures',
    ]);
    expect(result.warnings).toEqual([
      { line: 13, message: 'bad DTSTART "2024-09-11 08:00": event skipped', uid: 'bad@fixtures' },
      {
        line: 21,
        message: 'bad RRULE (unknown FREQ "FORTNIGHTLY"): only DTSTART and RDATE used',
        uid: 'bad-rule@fixtures',
      },
      { line: 23, message: 'not a content line: THIS LINE IS NOT A CONTENT LINE' },
    ]);
  });

  it('throws CalendarParseError naming the line for a text that is not iCalendar', () => {
    const options = { from: 0, to: 1, tz: 'UTC' };
    expect(() => expandIcs('\n\n<html><body>Sign in</body></html>\n', options)).toThrow(
      CalendarParseError,
    );
    expect(() => expandIcs('\n\n<html><body>Sign in</body></html>\n', options)).toThrow(
      /^line 3: not an iCalendar file/,
    );
    expect(() => expandIcs('', options)).toThrow(/line 1: empty file/);
  });

  it('survives a dense yearly rule quickly, with bounded output and a warning', () => {
    const started = performance.now();
    const result = expandFixture('dense-rule.ics', '2024-09-10T00:00:00Z', '2024-09-11T00:00:00Z');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.events.filter((e) => e.uid === 'every-second@fixtures')).toHaveLength(50_000);
    expect(result.events.some((e) => e.uid === 'normal@fixtures')).toBe(true);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'more than 50000 occurrences in the window: the rest left out',
      'recurrence rule too dense: expansion stopped at a safety limit',
    ]);
  });
});
