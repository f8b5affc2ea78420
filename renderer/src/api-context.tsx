/** React access to the Api: one provider at the root, `useApi()` and `useApiEvent()` below it. */
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { Api, ApiEvent, ApiEvents } from '../../shared/api.js';

const ApiContext = createContext<Api | null>(null);

/** Makes `api` available to every screen. */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }): ReactNode {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The Api of the nearest provider. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/** Calls `listener` on every `event` pushed by the core while the component is mounted. */
export function useApiEvent<E extends ApiEvent>(
  event: E,
  listener: (payload: ApiEvents[E]) => void,
): void {
  const api = useApi();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [api, event]);
}
