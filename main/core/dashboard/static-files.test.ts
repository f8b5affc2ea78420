import { describe, expect, it } from 'vitest';
import { bearerToken, createSessionToken, tokensEqual } from './session-token.js';
import { contentTypeFor, resolveStaticPath } from './static-files.js';
import { hostName, isLoopbackHost } from './http-guards.js';

describe('resolveStaticPath', () => {
  it('maps URL paths inside the root and index.html for folders', () => {
    expect(resolveStaticPath('/srv/r', '/')).toBe('/srv/r/index.html');
    expect(resolveStaticPath('/srv/r', '/assets/a%20b.js')).toBe('/srv/r/assets/a b.js');
    expect(resolveStaticPath('/srv/r', '/assets/../index.html')).toBe('/srv/r/index.html');
  });

  it('refuses anything that leaves the root or is malformed', () => {
    for (const bad of [
      '/../etc/passwd',
      '/%2e%2e/x',
      '/a/%2e%2e/%2e%2e/x',
      '/a%5c..%5c..%5cx',
      '/%00',
      '/%E0%A4%A',
      'relative',
      '/..',
    ]) {
      expect(resolveStaticPath('/srv/r', bad), bad).toBeNull();
    }
  });

  it('names content types and falls back to octet-stream', () => {
    expect(contentTypeFor('x/INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.exe')).toBe('application/octet-stream');
  });
});

describe('session token', () => {
  it('is long, random and URL-safe', () => {
    const a = createSessionToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createSessionToken()).not.toBe(a);
  });

  it('compares exactly, whatever the lengths', () => {
    const t = createSessionToken();
    expect(tokensEqual(t, t)).toBe(true);
    expect(tokensEqual(`${t}x`, t)).toBe(false);
    expect(tokensEqual(t.slice(1), t)).toBe(false);
    expect(tokensEqual('', t)).toBe(false);
  });

  it('reads bearer headers only', () => {
    expect(bearerToken('Bearer abc-DEF_1')).toBe('abc-DEF_1');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('host checks', () => {
  it('knows loopback names and parses Host headers', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'].every(isLoopbackHost)).toBe(
      true,
    );
    expect(
      ['evil.example', '192.168.1.5', 'localhost.evil.example', '0.0.0.0'].some(isLoopbackHost),
    ).toBe(false);
    expect(hostName('127.0.0.1:4000')).toBe('127.0.0.1');
    expect(hostName('[::1]:4000')).toBe('::1');
    expect(hostName('a b')).toBeNull();
    expect(hostName(undefined)).toBeNull();
  });
});
