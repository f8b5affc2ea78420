/** A scriptable Api for component tests: every method a spy with a default answer, and `emit()` for events. */
import type { Api, ApiEvent, ApiEvents, ApiMethod, ApiOutputs } from '../../../shared/api.js';
import type { StatusNow } from '../../../shared/domain.js';
import type { SampleDataState } from '../../../shared/sample-data.js';
import type { AppSettings } from '../../../shared/settings.js';

/** A status for tests (focus until 11:00 UTC). */
export const focusStatus: StatusNow = {
  at: '2025-03-03T10:00:00.000Z',
  state: 'focus',
  available: false,
  reason: 'Focus block from your calendar',
  since: '2025-03-03T09:00:00.000Z',
  until: '2025-03-03T11:00:00.000Z',
  next: { at: '2025-03-03T11:00:00.000Z', state: 'available', available: true },
  overridden: false,
};

/** Settings for tests: the defaults of a fresh data set, in UTC. */
export const testSettings: AppSettings = {
  language: 'system',
  timeZone: 'UTC',
  currency: 'EUR',
  recoveryMinutes: 23,
  adHocLeadHours: 24,
  walkAwayShare: 0.4,
  weeklyAllowance: 2,
  targetRates: {},
  notifications: {
    focusChange: true,
    allowancePassed: true,
    calendarFailing: true,
    overrideEnding: true,
  },
  shortcut: null,
  statusServer: { host: '127.0.0.1', port: 4777 },
};

/** No sample data (the state of a fresh data set). */
export const noSample: SampleDataState = {
  present: false,
  addedAt: null,
  calendarIds: [],
  clientIds: [],
};

/** Recorded calls and the emitter of a fake Api. */
export interface FakeApi {
  api: Api;
  calls: Array<{ method: ApiMethod; input: unknown }>;
  /** Replaces the answer of one method (a value, or a function of the input that may throw). */
  answer<M extends ApiMethod>(
    method: M,
    result: ApiOutputs[M] | ((input: unknown) => ApiOutputs[M] | Promise<ApiOutputs[M]>),
  ): void;
  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void;
  listenerCount(event: ApiEvent): number;
}

/** A fresh fake Api. */
export function createFakeApi(): FakeApi {
  const calls: FakeApi['calls'] = [];
  const answers = new Map<ApiMethod, (input: unknown) => unknown>();
  const listeners = new Map<ApiEvent, Set<(payload: unknown) => void>>();
  const defaults: { [M in ApiMethod]: ApiOutputs[M] } = {
    getStatus: focusStatus,
    getDayTimeline: [],
    listCalendars: [],
    addCalendar: undefined as never,
    updateCalendar: undefined as never,
    removeCalendar: { removed: true },
    syncCalendars: [],
    setOverride: focusStatus,
    clearOverride: focusStatus,
    getRules: { focusKeywords: ['focus'], tentativeIsBusy: true },
    setRules: { focusKeywords: ['focus'], tentativeIsBusy: true },
    previewRules: [],
    getWorkingHours: { tz: 'UTC', days: [[], [], [], [], [], [], []] },
    setWorkingHours: { tz: 'UTC', days: [[], [], [], [], [], [], []] },
    // The rate case (added with shared/api.ts's ledger methods; answer() them in a test that needs them).
    logContact: undefined as never,
    undoLastContact: { op: null },
    editContact: undefined as never,
    deleteContact: { deleted: false },
    listContacts: [],
    importFile: undefined as never,
    getReport: undefined as never,
    getScripts: undefined as never,
    getClientDetail: undefined as never,
    importText: undefined as never,
    undoImport: { kind: null, removed: 0 },
    getLastImport: null,
    // Clients (answer() addClient and friends in a test that needs them).
    listClients: [],
    addClient: undefined as never,
    updateClient: undefined as never,
    removeClient: { removed: false },
    rotateClientLink: undefined as never,
    getSettings: testSettings,
    updateSettings: testSettings,
    getSampleData: noSample,
    addSampleData: noSample,
    removeSampleData: { calendars: 0, clients: 0, contacts: 0, timeEntries: 0 },
  };
  const method =
    (name: ApiMethod) =>
    async (input: unknown): Promise<unknown> => {
      calls.push({ method: name, input });
      const answer = answers.get(name);
      return answer ? answer(input) : defaults[name];
    };
  const api = {
    ...Object.fromEntries(
      (Object.keys(defaults) as ApiMethod[]).map((name) => [name, method(name)]),
    ),
    on(event: ApiEvent, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  } as unknown as Api;
  return {
    api,
    calls,
    answer(name, result) {
      answers.set(
        name,
        typeof result === 'function' ? (result as (input: unknown) => unknown) : () => result,
      );
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}
