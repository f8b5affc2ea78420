/**
 * Connects the running core to what clients see: token lookup, each client's view and busy times,
 * and change notifications — shared by the status server and the folder/WebDAV publisher.
 */
import type { Client, TimelineSegment } from '../../../shared/domain.js';
import { segmentsBetween, toTimelineSegment } from '../availability/timeline.js';
import type { OfficeHoursService } from '../service.js';
import { clientStatusView, type ClientStatusView } from './client-view.js';
import { busyIntervals, type BusyInterval } from './render-ics.js';
import { createTokenIndex } from './status-token.js';

const DAY = 86_400_000;

/** What the status server and the publisher need from the core. */
export interface StatusHub {
  /** The client behind `token`; `key`, when given, is its tokenKey (saves hashing it twice). */
  getClientByToken(token: string, key?: string): Client | undefined;
  listClients(): readonly Client[];
  getView(client: Client): ClientStatusView;
  getBusy(client: Client): readonly BusyInterval[];
  subscribe(listener: () => void): () => void;
  close(): void;
}

/** Builds the hub over a running core; client edits and token rotations apply at once. */
export function createStatusHub(core: OfficeHoursService, now: () => number = Date.now): StatusHub {
  const index = createTokenIndex<Client>(core.store.read().clients);
  let clients = core.store.read().clients;
  let clientsKey = JSON.stringify(clients);
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of listeners) listener();
  };
  const offStore = core.store.onChange((data) => {
    // Every store write yields a new object: compare by value, so pages re-render only on real edits.
    const key = JSON.stringify(data.clients);
    if (key === clientsKey) return;
    clients = data.clients;
    clientsKey = key;
    index.replace(clients);
    notify();
  });
  const offStatus = core.on('status', notify);
  // A sync can move a standing call without changing the state now.
  const offCalendars = core.on('calendars', notify);

  const upcoming = (days: number): TimelineSegment[] => {
    const from = now();
    return segmentsBetween(
      core.currentTimeline(),
      from,
      from + days * DAY,
      core.currentOverride(),
    ).map(toTimelineSegment);
  };

  return {
    getClientByToken: (token, key) => (key === undefined ? index.get(token) : index.getByKey(key)),
    listClients: () => clients,
    getView: (client) =>
      clientStatusView({
        client,
        status: core.statusNow(),
        timeline: upcoming(60),
        now: new Date(now()),
      }),
    getBusy: () => {
      const from = now();
      return busyIntervals(upcoming(60), { from: new Date(from), to: new Date(from + 60 * DAY) });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      offStore();
      offStatus();
      offCalendars();
      listeners.clear();
    },
  };
}
