/**
 * The dashboard's way to the core: the preload bridge (`window.officeHours`) inside the app, else an
 * HTTP client for `office-hours serve`, generated from the same contract so the two cannot drift.
 */
// The names only: shared/api.ts would bring its input schemas (and the validator) into the page.
import {
  API_EVENT_NAMES as apiEvents,
  API_METHOD_NAMES as apiMethods,
} from '../../shared/api-names.js';
import type { Api, ApiEvent, ApiEvents, ApiMethod } from '../../shared/api.js';

const TOKEN_KEY = 'office-hours-session';

/** An Api call that failed: the core's (or the transport's) message, its error name and the HTTP status. */
export class ApiCallError extends Error {
  constructor(
    message: string,
    override readonly name: string = 'ApiCallError',
    readonly status?: number,
  ) {
    super(message);
  }
}

/** What createHttpApi needs from the browser (replaceable in tests). */
export interface HttpApiOptions {
  /** Where the dashboard is served, e.g. `http://127.0.0.1:4000/`. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  EventSource?: new (url: string) => EventSourceLike;
}

/** The part of EventSource the client uses. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

type Listener<E extends ApiEvent> = (payload: ApiEvents[E]) => void;

/** An Api over `serve`'s HTTP transport: `POST /api/<method>` with a bearer token, events by SSE. */
export function createHttpApi(options: HttpApiOptions): Api {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const call = async (method: ApiMethod, input: unknown): Promise<unknown> => {
    const response = await doFetch(new URL(`api/${method}`, options.baseUrl), {
      method: 'POST',
      headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = errorOf(body);
      throw new ApiCallError(
        error?.message ?? `HTTP ${response.status}`,
        error?.name,
        response.status,
      );
    }
    return body;
  };

  const listeners = new Map<ApiEvent, Set<(payload: unknown) => void>>();
  let source: EventSourceLike | undefined;
  const connect = (): void => {
    if (source) return;
    const url = new URL('api/events', options.baseUrl);
    // EventSource cannot send headers; the server accepts the query token on this one path only.
    url.searchParams.set('token', options.token);
    const Source = options.EventSource ?? globalThis.EventSource;
    source = new Source(url.toString());
    for (const name of apiEvents) {
      source.addEventListener(name, (event) => {
        const payload: unknown = JSON.parse(event.data);
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  };

  const methods = Object.fromEntries(
    apiMethods.map((method) => [method, (input: unknown) => call(method, input)]),
  );
  const on = <E extends ApiEvent>(event: E, listener: Listener<E>): (() => void) => {
    if (!apiEvents.includes(event)) throw new Error(`unknown event "${String(event)}"`);
    connect();
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    // The server sends each event name only with its own payload type.
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => void set.delete(untyped);
  };
  // One generated function per method: the mapped Api type cannot be inferred through Object.fromEntries.
  return { ...methods, on } as unknown as Api;
}

function errorOf(body: unknown): { name?: string; message?: string } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return {
    name: typeof name === 'string' ? name : undefined,
    message: typeof message === 'string' ? message : undefined,
  };
}

/** The parts of `window` readSessionToken touches (replaceable in tests). */
export interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'search' | 'pathname'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * The session token `serve` printed, read once from the URL fragment (`#token=`) or query (`?token=`)
 * and then removed from the address bar so it does not sit in history or get copied along. Kept in
 * sessionStorage (this tab only, gone when it closes) so a reload still works.
 */
export function readSessionToken(env: TokenEnvironment): string | null {
  const hash = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const query = new URLSearchParams(env.location.search);
  const fromUrl = hash.get('token') ?? query.get('token');
  if (fromUrl) {
    query.delete('token');
    const rest = query.toString();
    env.history.replaceState(null, '', `${env.location.pathname}${rest ? `?${rest}` : ''}`);
    env.storage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return env.storage.getItem(TOKEN_KEY);
}

/** The Api for this page: the preload bridge when present, else HTTP with the session token; null without either. */
export function getApi(win: Window = window): Api | null {
  if (win.officeHours) return win.officeHours;
  const token = readSessionToken({
    location: win.location,
    history: win.history,
    storage: win.sessionStorage,
  });
  if (!token) return null;
  return createHttpApi({ baseUrl: new URL('./', win.location.href).toString(), token });
}
