// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { apiMethods } from '../../shared/api.js';
import { ApiCallError, createHttpApi, getApi, readSessionToken } from './api.js';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

class FakeEventSource {
  static last: FakeEventSource | undefined;
  readonly handlers = new Map<string, (e: MessageEvent<string>) => void>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(name: string, handler: (e: MessageEvent<string>) => void): void {
    this.handlers.set(name, handler);
  }
  close(): void {}
  fire(name: string, payload: unknown): void {
    this.handlers.get(name)?.(new MessageEvent(name, { data: JSON.stringify(payload) }));
  }
}

describe('createHttpApi', () => {
  it('has one function per Api method that POSTs JSON with the bearer token', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { removed: true }));
    const api = createHttpApi({ baseUrl: 'http://127.0.0.1:4000/', token: 'secret-token', fetch });
    for (const method of apiMethods) expect(typeof api[method]).toBe('function');
    await expect(api.removeCalendar({ id: 'c1' })).resolves.toEqual({ removed: true });
    const [url, init] = fetch.mock.calls[0] as unknown as [URL, RequestInit];
    expect(url.toString()).toBe('http://127.0.0.1:4000/api/removeCalendar');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({
      Authorization: 'Bearer secret-token',
      'Content-Type': 'application/json',
    });
    expect(init.body).toBe('{"id":"c1"}');
  });

  it("throws the transport's error message and name", async () => {
    const fetch = vi.fn(async () =>
      jsonResponse(400, {
        error: { name: 'ApiInputError', message: 'setOverride: mode: Invalid option' },
      }),
    );
    const api = createHttpApi({ baseUrl: 'http://127.0.0.1:4000/', token: 't', fetch });
    const error = await api.setOverride({ mode: 'available' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({
      message: 'setOverride: mode: Invalid option',
      name: 'ApiInputError',
      status: 400,
    });
    const bare = createHttpApi({
      baseUrl: 'http://x/',
      token: 't',
      fetch: async () => new Response('oops', { status: 502 }),
    });
    await expect(bare.getStatus({})).rejects.toThrow('HTTP 502');
  });

  it('opens one event stream with the token in the query and dispatches events by name', () => {
    const api = createHttpApi({
      baseUrl: 'http://127.0.0.1:4000/',
      token: 'tok/en',
      fetch: vi.fn(),
      EventSource: FakeEventSource,
    });
    const statuses: unknown[] = [];
    const calendars: unknown[] = [];
    const off = api.on('status', (s) => statuses.push(s));
    api.on('calendars', (c) => calendars.push(c));
    const source = FakeEventSource.last;
    expect(source?.url).toBe('http://127.0.0.1:4000/api/events?token=tok%2Fen');
    source?.fire('status', { state: 'away' });
    source?.fire('calendars', []);
    off();
    source?.fire('status', { state: 'available' });
    expect(statuses).toEqual([{ state: 'away' }]);
    expect(calendars).toEqual([[]]);
    expect(() => api.on('nonsense' as 'status', () => {})).toThrow(/unknown event/);
  });
});

describe('readSessionToken', () => {
  function env(hash: string, search = '', stored: string | null = null) {
    const storage = new Map<string, string>(stored ? [['office-hours-session', stored]] : []);
    const replaceState = vi.fn();
    return {
      replaceState,
      storage,
      env: {
        location: { hash, search, pathname: '/' },
        history: { replaceState },
        storage: {
          getItem: (k: string) => storage.get(k) ?? null,
          setItem: (k: string, v: string) => void storage.set(k, v),
        },
      },
    };
  }

  it('reads the token from the fragment once and removes it from the address bar', () => {
    const e = env('#token=abc123');
    expect(readSessionToken(e.env)).toBe('abc123');
    expect(e.replaceState).toHaveBeenCalledWith(null, '', '/');
    expect(e.storage.get('office-hours-session')).toBe('abc123');
  });

  it('accepts a query token, keeping other query parameters', () => {
    const e = env('', '?token=q1&lang=de');
    expect(readSessionToken(e.env)).toBe('q1');
    expect(e.replaceState).toHaveBeenCalledWith(null, '', '/?lang=de');
  });

  it('falls back to the token kept for this tab, and to null', () => {
    const kept = env('', '', 'kept');
    expect(readSessionToken(kept.env)).toBe('kept');
    expect(kept.replaceState).not.toHaveBeenCalled();
    expect(readSessionToken(env('').env)).toBeNull();
  });
});

describe('getApi', () => {
  it('prefers the preload bridge when the page runs inside the app', () => {
    const bridge = { getStatus: vi.fn() } as unknown as NonNullable<Window['officeHours']>;
    window.officeHours = bridge;
    try {
      expect(getApi(window)).toBe(bridge);
    } finally {
      delete window.officeHours;
    }
  });

  it('uses HTTP with the token from the address, and strips it from the address bar', () => {
    window.history.replaceState(null, '', '/#token=from-fragment');
    const api = getApi(window);
    expect(api).not.toBeNull();
    expect(window.location.hash).toBe('');
    expect(window.sessionStorage.getItem('office-hours-session')).toBe('from-fragment');
  });
});
