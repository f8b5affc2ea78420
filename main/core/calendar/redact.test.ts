import { describe, expect, it } from 'vitest';
import { locationHost, redactIn, redactLocation } from './redact.js';

describe('redactLocation', () => {
  it('keeps scheme and host of a feed URL and hides path and query', () => {
    expect(redactLocation('https://calendar.example.com/private-abc/basic.ics?token=s3cret')).toBe(
      'https://calendar.example.com/…',
    );
    expect(redactLocation('webcal://p42-caldav.icloud.com/published/2/MTIzNDU2Nzg5')).toBe(
      'webcal://p42-caldav.icloud.com/…',
    );
    expect(redactLocation('https://calendar.example.com:8443/x#frag')).toBe(
      'https://calendar.example.com:8443/…',
    );
    expect(redactLocation('https://calendar.example.com?key=1')).toBe(
      'https://calendar.example.com/…',
    );
  });

  it('drops user name and password in the URL', () => {
    expect(redactLocation('https://me:pa55word@dav.example.com/cal.ics')).toBe(
      'https://dav.example.com/…',
    );
  });

  it('shows a bare host as it is, and file paths unchanged', () => {
    expect(redactLocation('https://calendar.example.com/')).toBe('https://calendar.example.com/');
    expect(redactLocation('/home/me/Calendars/work.ics')).toBe('/home/me/Calendars/work.ics');
    expect(redactLocation('C:\\Users\\me\\work.ics')).toBe('C:\\Users\\me\\work.ics');
    expect(redactLocation('file:///home/me/work.ics')).toBe('file:///home/me/work.ics');
  });

  it('copes with malformed URLs without leaking their tail', () => {
    expect(redactLocation('https://bad host/secret path?x=1')).toBe('https://bad host/…');
  });
});

describe('locationHost and redactIn', () => {
  it('gives the host for short messages', () => {
    expect(locationHost('https://calendar.example.com/private/x.ics')).toBe('calendar.example.com');
    expect(locationHost('/tmp/a.ics')).toBe('/tmp/a.ics');
  });

  it('replaces every spelling of the secret inside a message', () => {
    const url = 'https://calendar.example.com/private-abc/basic.ics?token=s3cret';
    const message = `failed ${url} (GET /private-abc/basic.ics?token=s3cret, query ?token=s3cret)`;
    const out = redactIn(message, url);
    expect(out).not.toContain('private-abc');
    expect(out).not.toContain('s3cret');
    expect(out).toContain('https://calendar.example.com/…');
    expect(redactIn('nothing to hide', '/home/me/a.ics')).toBe('nothing to hide');
  });
});
