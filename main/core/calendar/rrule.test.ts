import { describe, expect, it } from 'vitest';
import { parseTimeValue } from './ics-values.js';
import { parseRrule, RruleError } from './rrule.js';
import { RruleIterator, type RruleIteratorOptions } from './rrule-iterator.js';

/** Local ms of a floating DATE-TIME like 19970902T090000. */
function local(value: string): number {
  const t = parseTimeValue(value, undefined);
  if (!t) throw new Error(`bad test time ${value}`);
  return t.local;
}

/** Occurrences as "YYYY-MM-DD HH:MM" (or with seconds when `seconds`), at most `max`. */
function run(
  rule: string,
  dtstart: string,
  options: RruleIteratorOptions & { max?: number; seconds?: boolean } = {},
): string[] {
  const it = new RruleIterator(parseRrule(rule), local(dtstart), options);
  const out: string[] = [];
  for (let t = it.next(); !Number.isNaN(t) && out.length < (options.max ?? 1000); t = it.next()) {
    const iso = new Date(t).toISOString();
    out.push(`${iso.slice(0, 10)} ${iso.slice(11, options.seconds ? 19 : 16)}`);
  }
  return out;
}

/** Dates only. */
function days(
  rule: string,
  dtstart: string,
  options: RruleIteratorOptions & { max?: number } = {},
): string[] {
  return run(rule, dtstart, options).map((s) => s.slice(0, 10));
}

describe('parseRrule', () => {
  it('reads every part', () => {
    const r = parseRrule(
      'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU,MO;BYMONTH=1,3;BYSETPOS=-1;WKST=SU;BYMONTHDAY=-3,5',
    );
    expect(r).toMatchObject({
      freq: 1,
      interval: 2,
      count: 10,
      byMonth: [1, 3],
      bySetPos: [-1],
      wkst: 6,
      byMonthDay: [-3, 5],
      byDay: [
        { weekday: 6, n: 1 },
        { weekday: 6, n: -1 },
        { weekday: 0, n: 0 },
      ],
    });
  });

  it('reads UNTIL as a date or a date-time', () => {
    expect(parseRrule('FREQ=DAILY;UNTIL=20240101').until).toEqual({
      kind: 'date',
      local: Date.UTC(2024, 0, 1),
    });
    expect(parseRrule('FREQ=DAILY;UNTIL=20240101T120000Z').until).toEqual({
      kind: 'utc',
      local: Date.UTC(2024, 0, 1, 12),
    });
  });

  it('ignores parts it does not know, as files in the wild need', () => {
    expect(
      parseRrule('RRULE:AnythingRandom;FREQ=WEEKLY;X-BUSYMAC-REGENERATE=TRASH;BYDAY=FR').freq,
    ).toBe(2);
  });

  it('rejects rules that cannot be used', () => {
    expect(() => parseRrule('BYDAY=MO')).toThrow(RruleError);
    expect(() => parseRrule('FREQ=FORTNIGHTLY')).toThrow(/unknown FREQ/);
    expect(() => parseRrule('FREQ=DAILY;BYDAY=MO, TU')).toThrow(/BYDAY/);
    expect(() => parseRrule('FREQ=MONTHLY;BYMONTHDAY=0')).toThrow(/out of range/);
    expect(() => parseRrule('FREQ=YEARLY;BYMONTH=13')).toThrow(/out of range/);
    expect(() => parseRrule('FREQ=DAILY;INTERVAL=0')).toThrow(/INTERVAL/);
  });
});

// Examples from RFC 5545 section 3.8.5.3, in floating time.
describe('RruleIterator on the RFC 5545 examples', () => {
  it('daily for 10 occurrences', () => {
    expect(days('FREQ=DAILY;COUNT=10', '19970902T090000')).toEqual([
      '1997-09-02',
      '1997-09-03',
      '1997-09-04',
      '1997-09-05',
      '1997-09-06',
      '1997-09-07',
      '1997-09-08',
      '1997-09-09',
      '1997-09-10',
      '1997-09-11',
    ]);
  });

  it('daily until a local time (inclusive)', () => {
    const out = days('FREQ=DAILY', '19970902T090000', { until: local('19971223T090000') });
    expect(out).toHaveLength(113);
    expect(out.at(-1)).toBe('1997-12-23');
  });

  it('every 10 days, 5 occurrences', () => {
    expect(days('FREQ=DAILY;INTERVAL=10;COUNT=5', '19970902T090000')).toEqual([
      '1997-09-02',
      '1997-09-12',
      '1997-09-22',
      '1997-10-02',
      '1997-10-12',
    ]);
  });

  it('every day in January, for 3 years', () => {
    const out = days('FREQ=YEARLY;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA', '19980101T090000', {
      until: local('20000131T090000'),
    });
    expect(out).toHaveLength(93);
    expect(out.slice(0, 2)).toEqual(['1998-01-01', '1998-01-02']);
    expect(out.at(-1)).toBe('2000-01-31');
  });

  it('every other week on Tuesday and Thursday, 8 occurrences, weeks starting Sunday', () => {
    expect(days('FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH', '19970902T090000')).toEqual([
      '1997-09-02',
      '1997-09-04',
      '1997-09-16',
      '1997-09-18',
      '1997-09-30',
      '1997-10-02',
      '1997-10-14',
      '1997-10-16',
    ]);
  });

  it('WKST changes which days an every-other-week rule picks', () => {
    expect(days('FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO', '19970805T090000')).toEqual([
      '1997-08-05',
      '1997-08-10',
      '1997-08-19',
      '1997-08-24',
    ]);
    expect(days('FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU', '19970805T090000')).toEqual([
      '1997-08-05',
      '1997-08-17',
      '1997-08-19',
      '1997-08-31',
    ]);
  });

  it('monthly on the first Friday', () => {
    expect(days('FREQ=MONTHLY;COUNT=10;BYDAY=1FR', '19970905T090000')).toEqual([
      '1997-09-05',
      '1997-10-03',
      '1997-11-07',
      '1997-12-05',
      '1998-01-02',
      '1998-02-06',
      '1998-03-06',
      '1998-04-03',
      '1998-05-01',
      '1998-06-05',
    ]);
  });

  it('every other month on the first and last Sunday', () => {
    expect(days('FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU', '19970907T090000')).toEqual([
      '1997-09-07',
      '1997-09-28',
      '1997-11-02',
      '1997-11-30',
      '1998-01-04',
      '1998-01-25',
      '1998-03-01',
      '1998-03-29',
      '1998-05-03',
      '1998-05-31',
    ]);
  });

  it('monthly on the second-to-last Monday', () => {
    expect(days('FREQ=MONTHLY;COUNT=6;BYDAY=-2MO', '19970922T090000')).toEqual([
      '1997-09-22',
      '1997-10-20',
      '1997-11-17',
      '1997-12-22',
      '1998-01-19',
      '1998-02-16',
    ]);
  });

  it('monthly on the third-to-last day (negative BYMONTHDAY)', () => {
    expect(days('FREQ=MONTHLY;BYMONTHDAY=-3', '19970928T090000', { max: 6 })).toEqual([
      '1997-09-28',
      '1997-10-29',
      '1997-11-28',
      '1997-12-29',
      '1998-01-29',
      '1998-02-26',
    ]);
  });

  it('monthly on the first and last day', () => {
    expect(days('FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1', '19970930T090000')).toEqual([
      '1997-09-30',
      '1997-10-01',
      '1997-10-31',
      '1997-11-01',
      '1997-11-30',
      '1997-12-01',
      '1997-12-31',
      '1998-01-01',
      '1998-01-31',
      '1998-02-01',
    ]);
  });

  it('every 18 months on the 10th to 15th', () => {
    expect(
      days('FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15', '19970910T090000'),
    ).toEqual([
      '1997-09-10',
      '1997-09-11',
      '1997-09-12',
      '1997-09-13',
      '1997-09-14',
      '1997-09-15',
      '1999-03-10',
      '1999-03-11',
      '1999-03-12',
      '1999-03-13',
    ]);
  });

  it('every third year on the 1st, 100th and 200th day', () => {
    expect(days('FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200', '19970101T090000')).toEqual([
      '1997-01-01',
      '1997-04-10',
      '1997-07-19',
      '2000-01-01',
      '2000-04-09',
      '2000-07-18',
      '2003-01-01',
      '2003-04-10',
      '2003-07-19',
      '2006-01-01',
    ]);
  });

  it('the 20th Monday of the year', () => {
    expect(days('FREQ=YEARLY;BYDAY=20MO', '19970519T090000', { max: 3 })).toEqual([
      '1997-05-19',
      '1998-05-18',
      '1999-05-17',
    ]);
  });

  it('Monday of ISO week 20', () => {
    expect(days('FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', '19970512T090000', { max: 3 })).toEqual([
      '1997-05-12',
      '1998-05-11',
      '1999-05-17',
    ]);
  });

  it('every Thursday in March', () => {
    expect(days('FREQ=YEARLY;BYMONTH=3;BYDAY=TH', '19970313T090000', { max: 11 })).toEqual([
      '1997-03-13',
      '1997-03-20',
      '1997-03-27',
      '1998-03-05',
      '1998-03-12',
      '1998-03-19',
      '1998-03-26',
      '1999-03-04',
      '1999-03-11',
      '1999-03-18',
      '1999-03-25',
    ]);
  });

  it('every Friday the 13th', () => {
    expect(days('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', '19970902T090000', { max: 5 })).toEqual([
      '1998-02-13',
      '1998-03-13',
      '1998-11-13',
      '1999-08-13',
      '2000-10-13',
    ]);
  });

  it('US presidential election day', () => {
    expect(
      days(
        'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
        '19961105T090000',
        { max: 3 },
      ),
    ).toEqual(['1996-11-05', '2000-11-07', '2004-11-02']);
  });

  it('BYSETPOS: the third Tuesday, Wednesday or Thursday of the month', () => {
    expect(days('FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3', '19970904T090000')).toEqual([
      '1997-09-04',
      '1997-10-07',
      '1997-11-06',
    ]);
  });

  it('BYSETPOS: the second-to-last weekday of the month', () => {
    expect(
      days('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2', '19970929T090000', { max: 7 }),
    ).toEqual([
      '1997-09-29',
      '1997-10-30',
      '1997-11-27',
      '1997-12-30',
      '1998-01-29',
      '1998-02-26',
      '1998-03-30',
    ]);
  });

  it('every 15 minutes and every hour and a half', () => {
    expect(
      run('FREQ=MINUTELY;INTERVAL=15;COUNT=6', '19970902T090000').map((s) => s.slice(11)),
    ).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00', '10:15']);
    expect(
      run('FREQ=MINUTELY;INTERVAL=90;COUNT=4', '19970902T090000').map((s) => s.slice(11)),
    ).toEqual(['09:00', '10:30', '12:00', '13:30']);
  });

  it('every 20 minutes from 9:00 to 16:40, daily or minutely', () => {
    const daily = run(
      'FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40',
      '19970902T090000',
      { max: 48 },
    );
    const minutely = run(
      'FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16',
      '19970902T090000',
      { max: 48 },
    );
    expect(daily).toEqual(minutely);
    expect(daily.slice(22, 26)).toEqual([
      '1997-09-02 16:20',
      '1997-09-02 16:40',
      '1997-09-03 09:00',
      '1997-09-03 09:20',
    ]);
  });

  it('every 3 hours', () => {
    expect(
      run('FREQ=HOURLY;INTERVAL=3', '19970902T090000', { until: local('19970902T170000') }).map(
        (s) => s.slice(11),
      ),
    ).toEqual(['09:00', '12:00', '15:00']);
  });

  it('skips dates that do not exist (the 30th of February)', () => {
    expect(days('FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5', '20070115T090000')).toEqual([
      '2007-01-15',
      '2007-01-30',
      '2007-02-15',
      '2007-03-15',
      '2007-03-30',
    ]);
    expect(days('FREQ=MONTHLY;COUNT=4', '20240131T090000')).toEqual([
      '2024-01-31',
      '2024-03-31',
      '2024-05-31',
      '2024-07-31',
    ]);
    expect(days('FREQ=YEARLY;COUNT=3', '20200229T090000')).toEqual([
      '2020-02-29',
      '2024-02-29',
      '2028-02-29',
    ]);
  });
});

describe('RruleIterator limits', () => {
  it('skipping ahead to a window gives the same occurrences as walking there', () => {
    for (const rule of [
      'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR',
      'FREQ=MONTHLY;BYDAY=-1FR',
      'FREQ=DAILY;INTERVAL=5',
      'FREQ=HOURLY;INTERVAL=7',
      'FREQ=YEARLY;BYWEEKNO=1,-1;BYDAY=TH',
    ]) {
      const from = local('20240301T000000');
      const walked = run(rule, '20100104T101500', {
        max: 100_000,
        until: local('20241231T000000'),
      }).filter((s) => s >= '2024-03-01');
      const skipped = run(rule, '20100104T101500', {
        skipBefore: from,
        until: local('20241231T000000'),
        max: 100_000,
      });
      expect(skipped, rule).toEqual(walked);
      expect(skipped.length, rule).toBeGreaterThan(0);
    }
  });

  it('a rule that can never match ends instead of searching for ever', () => {
    const it = new RruleIterator(
      parseRrule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'),
      local('20240101T090000'),
    );
    expect(it.next()).toBeNaN();
    expect(it.capped).toBe(false);
  });

  it('a dense rule stops at the step cap, quickly and in bounded memory', () => {
    const seconds = Array.from({ length: 60 }, (_, i) => i).join(',');
    const hours = Array.from({ length: 24 }, (_, i) => i).join(',');
    const rule = parseRrule(
      `FREQ=YEARLY;COUNT=999999999;BYHOUR=${hours};BYMINUTE=${seconds};BYSECOND=${seconds}`,
    );
    const started = performance.now();
    const it = new RruleIterator(rule, local('20000101T000000'), { maxSteps: 200_000 });
    let n = 0;
    while (!Number.isNaN(it.next())) n++;
    expect(it.capped).toBe(true);
    expect(n).toBeLessThan(200_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stopAfter ends an endless rule', () => {
    expect(days('FREQ=DAILY', '20240101T090000', { stopAfter: local('20240105T000000') })).toEqual([
      '2024-01-01',
      '2024-01-02',
      '2024-01-03',
      '2024-01-04',
    ]);
  });

  it('seconds-level rules work', () => {
    expect(run('FREQ=SECONDLY;INTERVAL=20;COUNT=4', '20240101T235920', { seconds: true })).toEqual([
      '2024-01-01 23:59:20',
      '2024-01-01 23:59:40',
      '2024-01-02 00:00:00',
      '2024-01-02 00:00:20',
    ]);
  });
});
