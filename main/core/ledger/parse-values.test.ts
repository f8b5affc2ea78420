import { describe, expect, it } from 'vitest';
import {
  detectDateOrder,
  extractCurrency,
  normalizeDecimal,
  parseDateCell,
  parseHoursDuration,
  parseMoneyMinor,
  parseSecondsDuration,
  parseTimeOfDay,
  parseYesNo,
} from './parse-values.js';
import { formatIsoDate } from '../time/civil.js';

describe('numbers', () => {
  it('reads decimal commas and dots, with thousands separators either way', () => {
    expect(normalizeDecimal('1,5')).toBe('1.5');
    expect(normalizeDecimal('1.5')).toBe('1.5');
    expect(normalizeDecimal('1.234,50')).toBe('1234.50');
    expect(normalizeDecimal('1,234.50')).toBe('1234.50');
    expect(normalizeDecimal('1.234.567')).toBe('1234567');
    expect(normalizeDecimal("1'234.50")).toBe('1234.50');
    expect(normalizeDecimal('€ 12,00')).toBe('12.00');
    expect(normalizeDecimal('(12.50)')).toBe('-12.50');
    expect(normalizeDecimal('-0,00')).toBe('0.00');
  });

  it('honours a forced style', () => {
    expect(normalizeDecimal('1.234', 'comma')).toBe('1234');
    expect(normalizeDecimal('1,234', 'dot')).toBe('1234');
  });

  it('rejects what is not a number', () => {
    for (const bad of ['', 'abc', '1,2,3.4.5', '12h', '--1', '1.2.3,4,5'])
      expect(normalizeDecimal(bad), bad).toBeUndefined();
  });

  it('turns money into integer minor units without float error', () => {
    expect(parseMoneyMinor('0.1', 'EUR')).toBe(10);
    expect(parseMoneyMinor('1.005', 'EUR')).toBe(101); // half away from zero on the string, not 1.00499…
    expect(parseMoneyMinor('1.234,56', 'EUR')).toBe(123_456);
    expect(parseMoneyMinor('-2,5', 'EUR')).toBe(-250);
    expect(parseMoneyMinor('1500', 'JPY')).toBe(1500);
    expect(parseMoneyMinor('12.7', 'JPY')).toBe(13);
    expect(parseMoneyMinor('x', 'EUR')).toBeUndefined();
  });

  it('finds currency codes in cells and headers', () => {
    expect(extractCurrency('Euro - EUR')).toBe('EUR');
    expect(extractCurrency('Amount (USD)')).toBe('USD');
    expect(extractCurrency('Amount ()')).toBeUndefined();
    expect(extractCurrency('ABC')).toBeUndefined();
  });
});

describe('durations and times', () => {
  it('reads clock durations and decimal hours', () => {
    expect(parseHoursDuration('01:30:00')).toBe(5400);
    expect(parseHoursDuration('25:00:00')).toBe(90_000);
    expect(parseHoursDuration('1:30')).toBe(5400);
    expect(parseHoursDuration('1,5')).toBe(5400);
    expect(parseHoursDuration('0.25')).toBe(900);
    expect(parseHoursDuration('1:75')).toBeUndefined();
    expect(parseHoursDuration('-1')).toBeUndefined();
  });

  it('reads call durations in seconds or clock form', () => {
    expect(parseSecondsDuration('275')).toBe(275);
    expect(parseSecondsDuration('4:35')).toBe(275);
    expect(parseSecondsDuration('0:04:35')).toBe(275);
    expect(parseSecondsDuration('4m')).toBeUndefined();
  });

  it('reads 24-hour and AM/PM times', () => {
    expect(parseTimeOfDay('09:15')).toBe(9 * 3600 + 15 * 60);
    expect(parseTimeOfDay('12:20:00 AM')).toBe(20 * 60);
    expect(parseTimeOfDay('01:15:00 PM')).toBe(13 * 3600 + 15 * 60);
    expect(parseTimeOfDay('12:00 pm')).toBe(12 * 3600);
    expect(parseTimeOfDay('24:00')).toBeUndefined();
    expect(parseTimeOfDay('13:00 PM')).toBeUndefined();
  });

  it('reads yes/no in English and German', () => {
    expect(parseYesNo('Yes')).toBe(true);
    expect(parseYesNo('nein')).toBe(false);
    expect(parseYesNo('', false)).toBe(false);
    expect(parseYesNo('maybe')).toBeUndefined();
  });
});

describe('dates', () => {
  const iso = (cell: string, order: 'ymd' | 'dmy' | 'mdy'): string | undefined => {
    const d = parseDateCell(cell, order);
    return d === undefined ? undefined : formatIsoDate(d);
  };

  it('reads ISO, German and US dates', () => {
    expect(iso('2025-03-04', 'mdy')).toBe('2025-03-04');
    expect(iso('04.03.2025', 'dmy')).toBe('2025-03-04');
    expect(iso('03/04/2025', 'mdy')).toBe('2025-03-04');
    expect(iso('03/04/2025', 'dmy')).toBe('2025-04-03');
    expect(iso('2025-03-04 09:15', 'ymd')).toBe('2025-03-04');
  });

  it('rejects impossible dates and two-digit years', () => {
    expect(iso('2025-02-30', 'ymd')).toBeUndefined();
    expect(iso('31.04.2025', 'dmy')).toBeUndefined();
    expect(iso('03/04/25', 'mdy')).toBeUndefined();
    expect(iso('yesterday', 'ymd')).toBeUndefined();
  });

  it('detects the order from the whole column', () => {
    expect(detectDateOrder(['03/10/2025', '03/13/2025'], 'dmy')).toBe('mdy');
    expect(detectDateOrder(['13/03/2025', '01/04/2025'], 'mdy')).toBe('dmy');
    expect(detectDateOrder(['01.02.2025'], 'mdy')).toBe('dmy');
    expect(detectDateOrder(['2025-01-02'], 'mdy')).toBe('ymd');
    expect(detectDateOrder(['01/02/2025'], 'dmy')).toBe('dmy');
  });
});
