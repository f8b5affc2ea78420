// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { addKeyword, validateCalendarLocation } from './validation.js';

describe('validateCalendarLocation', () => {
  it('accepts calendar links and absolute file paths', () => {
    for (const ok of [
      'https://cal.example.com/a/b.ics?k=1',
      'webcal://p01.icloud.com/x',
      'http://127.0.0.1:8080/c.ics',
      '/home/me/cal.ics',
      'C:\\Users\\me\\cal.ics',
    ]) {
      expect(validateCalendarLocation(ok), ok).toBeNull();
    }
  });

  it('explains what is wrong with anything else', () => {
    expect(validateCalendarLocation('  ')).toEqual({ key: 'empty' });
    expect(validateCalendarLocation('ftp://example.com/cal.ics')).toEqual({
      key: 'scheme',
      scheme: 'ftp:',
    });
    expect(validateCalendarLocation('calendar.ics')).toEqual({ key: 'notAbsolute' });
    expect(validateCalendarLocation('https://')?.key).toMatch(/^(invalidUrl|noHost)$/);
  });
});

describe('addKeyword', () => {
  it('adds trimmed keywords and refuses blanks and case-insensitive duplicates', () => {
    expect(addKeyword(['focus'], '  deep work ')).toEqual({ list: ['focus', 'deep work'] });
    expect(addKeyword(['focus'], 'FOCUS')).toEqual({
      error: { key: 'keywordDuplicate', keyword: 'FOCUS' },
    });
    expect(addKeyword([], '   ')).toEqual({ error: { key: 'keywordEmpty' } });
    expect(addKeyword([], 'x'.repeat(101))).toHaveProperty('error');
  });
});
