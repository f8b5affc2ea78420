/**
 * The core assembled: one object that implements the dashboard's Api on top of the store, the
 * calendar sync, classification and the availability scheduler. The tray app and `office-hours serve`
 * both run exactly this; the edges only add a transport.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { basename, isAbsolute, resolve } from 'node:path';
import type {
  Api,
  ApiEvent,
  ApiEvents,
  ApiInput,
  ApiOutputs,
  CalendarView,
} from '../../shared/api.js';
import { parseApiInput } from '../../shared/api.js';
import { ConflictError, NotFoundError, UserError } from '../../shared/errors.js';
import type {
  CalendarSource,
  Client,
  ClientMatcher,
  Override,
  StatusNow,
} from '../../shared/domain.js';
import { overrideFromRequest } from './availability/override.js';
import { StatusScheduler, type SchedulerClock, systemClock } from './availability/scheduler.js';
import type { Timeline } from './availability/timeline-build.js';
import {
  type RebuildInput,
  TimelineRebuilder,
  sameMeetings,
  startedMeetings,
} from './availability/timeline-rebuild.js';
import { dayTimeline, statusAt } from './availability/timeline.js';
import { endOfWorkingDay } from './availability/working-day-end.js';
import { validateWorkingHours } from './availability/working-hours.js';
import { formatIsoDate } from './time/civil.js';
import { timeZone } from './time/zone.js';
import { localDayOf } from './time/zoned.js';
import { previewRules, type ClassifiedEvent, type TaggedEvent } from './calendar/classify.js';
import type { FetchOptions } from './calendar/fetch-source.js';
import { redactLocation } from './calendar/redact.js';
import { CalendarSync, type SyncResult } from './calendar/sync.js';
import {
  addClient,
  clientChangesOf,
  clientView,
  configuredStatusBaseUrl,
  noSuchClient,
  removeClient,
  rotateClientToken,
  updateClient,
} from './clients.js';
import { nextStandingCalls } from './ledger/calendar-contacts.js';
import type { ClientMeeting } from './ledger/calendar-demand.js';
import { LedgerService } from './ledger-service.js';
import { watchLedgerJournal } from './ledger/ledger-watch.js';
import { type Log, noopLog } from './log/log.js';
import { applySettingsChange, settingsView } from './settings.js';
import {
  addSampleData,
  removeSampleData,
  sampleState,
  type SampleContext,
} from './sample/sample-data.js';
import { enforcePrivateMode } from './store/secret-fields.js';
import { type DataStore, openStore, type StoreOptions } from './store/store.js';
import type { Data } from './store/schema.js';

/** Options for opening the core on a data folder. */
export interface ServiceOptions {
  dataDir: string;
  /** An already opened store (the app passes its electron-store backed one). */
  store?: DataStore;
  storeOptions?: StoreOptions;
  /** Refresh sources on their timers (default true; one-shot commands turn it off). */
  autoRefresh?: boolean;
  /** Fetch settings (timeouts, size limit; tests allow plain http to loopback). */
  fetch?: Omit<FetchOptions, 'signal' | 'destination'>;
  clock?: SchedulerClock;
  /** Shortest refresh interval honoured (tests lower it). */
  minRefreshMs?: number;
  /** Where failures nobody is waiting for go (default: dropped); the edge that opens the core owns and closes it. */
  log?: Log;
}

/** How a one-shot command wants the calendars brought up to date when the core opens. */
export type StartMode = 'sync-all' | 'sync-stale' | 'cache-only';

const DAY = 24 * 60 * 60 * 1000;

/** The running core. Create with `OfficeHoursService.open`, end with `close`. */
export class OfficeHoursService implements Api {
  readonly store: DataStore;
  /** The rate case: contacts, imports, report, wording (ledger-service.ts). */
  readonly ledger: LedgerService;
  /** The log given in the options (the edges log their own failures here too). */
  readonly log: Log;
  private readonly ownsStore: boolean;
  private readonly sync: CalendarSync;
  private readonly scheduler: StatusScheduler;
  private readonly events = new EventEmitter();
  private readonly results = new Map<string, SyncResult>();
  private readonly clock: SchedulerClock;
  private classified: ClassifiedEvent[] = [];
  private timeline: Timeline;
  private rebuildQueued = false;
  /** Classification and timeline, rebuilt in slices (timeline-rebuild.ts). */
  private readonly rebuilder = new TimelineRebuilder();
  /** The rebuild running or last run: rebuilds run one after another (see rebuild). */
  private rebuildChain: Promise<void> = Promise.resolve();
  /** What the last calendar-contact merge saw (see mergeCalendarContacts). */
  private lastMerge:
    | { from: number; lead: number; meetings: ClientMeeting[]; contacts: readonly unknown[] }
    | undefined;
  /** What the current timeline was built from, compared by identity (see rebuildOnce). */
  private rebuildInputs: unknown[] | undefined;
  private dayTimer: NodeJS.Timeout | undefined;
  private unsubscribeStore: () => void;
  /** Turns changes of the contact journal and the data file's ledger into `ledger` events. */
  private readonly ledgerWatch: { touch: () => void; stop: () => void };
  private last: Data;
  private closed = false;
  /** Where the running status server answers (set by the edge that started it); else the settings'. */
  private statusBaseUrl: string | undefined;
  /** Set once the cached calendars are loaded: before that, no meetings would wipe calendar contacts. */
  private calendarsLoaded = false;

  private constructor(private readonly options: ServiceOptions) {
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? noopLog;
    this.ownsStore = options.store === undefined;
    this.store = options.store ?? openStore(options.dataDir, options.storeOptions);
    // The file holds feed URLs and status-link secrets: owner only, even if copied in with a looser mode.
    enforcePrivateMode(this.store.path);
    this.last = this.store.read();
    this.ledger = new LedgerService({
      store: this.store,
      dataDir: options.dataDir,
      now: this.clock.now,
      nextStandingCalls: () =>
        nextStandingCalls(this.classified, this.timeline.segments, this.clock.now()),
    });
    this.events.setMaxListeners(100);
    const data = this.last;
    this.sync = new CalendarSync({
      dataDir: options.dataDir,
      sources: [...data.calendars],
      tz: data.settings.userTimeZone,
      pastDays: data.settings.syncWindowDays.past,
      futureDays: data.settings.syncWindowDays.future,
      now: this.clock.now,
      autoRefresh: options.autoRefresh ?? true,
      log: this.log,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.minRefreshMs !== undefined ? { minRefreshMs: options.minRefreshMs } : {}),
    });
    const first = this.rebuilder.rebuildNow(this.rebuildInput());
    this.classified = first.classified;
    this.timeline = first.timeline;
    this.scheduler = new StatusScheduler({
      timeline: this.timeline,
      override: data.override,
      clock: this.clock,
    });
    this.scheduler.on('change', (status) => this.emit('status', status));
    this.scheduler.on('override-expired', (expired) => {
      // Forget the expired override on disk too, unless the user has set another meanwhile.
      this.store.update((draft) => {
        if (draft.override && draft.override.setAt === expired.setAt) draft.override = null;
      });
    });
    this.sync.on('result', (result) => {
      this.logSyncChange(this.results.get(result.source.id), result);
      this.results.set(result.source.id, result);
      this.queueRebuild();
      this.emit('calendars', this.calendarViews());
    });
    this.unsubscribeStore = this.store.onChange((next) => this.onStoreChange(next));
    this.ledgerWatch = watchLedgerJournal({
      dataDir: options.dataDir,
      onChange: () => this.emit('ledger', { at: new Date(this.clock.now()).toISOString() }),
      onError: (error) =>
        this.log.warn('cannot watch the contact journal', { error: String(error) }),
    });
  }

  /** Opens the core on a data folder, loads cached calendars, and brings them up to date per `mode`. */
  static async open(
    options: ServiceOptions,
    mode: StartMode = 'sync-all',
  ): Promise<OfficeHoursService> {
    const service = new OfficeHoursService(options);
    await service.sync.loadCached();
    service.calendarsLoaded = true;
    await service.rebuild();
    if (mode === 'sync-all')
      await service.syncWithProgress(service.sync.results().map((r) => r.source));
    else if (mode === 'sync-stale') await service.syncWithProgress(service.staleSources());
    service.armDayTimer();
    return service;
  }

  // ——— Api: status ———

  async getStatus(input: ApiInput<'getStatus'> = {}): Promise<StatusNow> {
    const { at } = parseApiInput('getStatus', input);
    if (at === undefined) return this.scheduler.current();
    return statusAt(this.timeline, Date.parse(at), this.scheduler.currentOverride());
  }

  async getDayTimeline(
    input: ApiInput<'getDayTimeline'> = {},
  ): Promise<ApiOutputs['getDayTimeline']> {
    const { date } = parseApiInput('getDayTimeline', input);
    const tz = this.last.workingHours.tz;
    const day = date ?? formatIsoDate(localDayOf(this.clock.now(), timeZone(tz)));
    return dayTimeline(this.timeline, day, tz, this.scheduler.currentOverride());
  }

  async setOverride(input: ApiInput<'setOverride'>): Promise<StatusNow> {
    const request = parseApiInput('setOverride', input);
    const override = overrideFromRequest(request, this.clock.now());
    this.applyOverride(override);
    return this.scheduler.current();
  }

  async clearOverride(_input: ApiInput<'clearOverride'> = {}): Promise<StatusNow> {
    this.applyOverride(null);
    return this.scheduler.current();
  }

  // ——— Api: calendars ———

  async listCalendars(_input: ApiInput<'listCalendars'> = {}): Promise<CalendarView[]> {
    return this.calendarViews();
  }

  async addCalendar(input: ApiInput<'addCalendar'>): Promise<CalendarView> {
    const request = parseApiInput('addCalendar', input);
    const source = newSource(request, this.clock.now());
    if (this.last.calendars.some((c) => c.location === source.location)) {
      throw new ConflictError({
        field: 'location',
        value: redactLocation(source.location),
        problem: 'that calendar is already added',
      });
    }
    this.store.update((draft) => {
      draft.calendars.push(source);
    });
    this.sync.setSources([...this.store.read().calendars]);
    await this.syncWithProgress([source]);
    return this.viewOf(source.id);
  }

  async updateCalendar(input: ApiInput<'updateCalendar'>): Promise<CalendarView> {
    const { id, ...changes } = parseApiInput('updateCalendar', input);
    this.requireCalendar(id);
    this.store.update((draft) => {
      const target = draft.calendars.find((c) => c.id === id);
      if (target) Object.assign(target, changes);
    });
    this.sync.setSources([...this.store.read().calendars]);
    this.queueRebuild();
    return this.viewOf(id);
  }

  async removeCalendar(input: ApiInput<'removeCalendar'>): Promise<{ removed: boolean }> {
    const { id } = parseApiInput('removeCalendar', input);
    if (!this.last.calendars.some((c) => c.id === id)) return { removed: false };
    this.store.update((draft) => {
      draft.calendars = draft.calendars.filter((c) => c.id !== id);
    });
    await this.sync.forget(id);
    this.results.delete(id);
    await this.rebuild();
    this.emit('calendars', this.calendarViews());
    return { removed: true };
  }

  async syncCalendars(input: ApiInput<'syncCalendars'> = {}): Promise<CalendarView[]> {
    const { id } = parseApiInput('syncCalendars', input);
    const sources = id === undefined ? [...this.last.calendars] : [this.requireCalendar(id)];
    await this.syncWithProgress(sources);
    return this.calendarViews();
  }

  // ——— Api: rules and working hours ———

  async getRules(_input: ApiInput<'getRules'> = {}): Promise<ApiOutputs['getRules']> {
    return structuredClone(this.last.rules);
  }

  async setRules(input: ApiInput<'setRules'>): Promise<ApiOutputs['setRules']> {
    const rules = parseApiInput('setRules', input);
    this.store.update((draft) => {
      draft.rules = { ...draft.rules, ...rules };
    });
    await this.rebuild();
    return structuredClone(this.last.rules);
  }

  async previewRules(input: ApiInput<'previewRules'>): Promise<ApiOutputs['previewRules']> {
    const rules = parseApiInput('previewRules', input);
    return previewRules(
      this.taggedEvents(),
      { ...this.last.rules, ...rules },
      this.clientMatchers(),
      {
        now: this.clock.now(),
      },
    );
  }

  async getWorkingHours(
    _input: ApiInput<'getWorkingHours'> = {},
  ): Promise<ApiOutputs['getWorkingHours']> {
    return structuredClone(this.last.workingHours);
  }

  async setWorkingHours(
    input: ApiInput<'setWorkingHours'>,
  ): Promise<ApiOutputs['setWorkingHours']> {
    const hours = parseApiInput('setWorkingHours', input);
    const problems = validateWorkingHours(hours);
    if (problems.length > 0) throw new UserError({ field: 'days', problem: problems.join('; ') });
    this.store.update((draft) => {
      draft.workingHours = hours;
      // One zone for the user: working hours, "today", reports and imports read the same.
      draft.settings.userTimeZone = hours.tz;
    });
    await this.rebuild();
    return structuredClone(this.last.workingHours);
  }

  // ——— Api: settings (settings.ts; the `settings` event follows every store change) ———

  async getSettings(_input: ApiInput<'getSettings'> = {}): Promise<ApiOutputs['getSettings']> {
    return settingsView(this.last);
  }

  async updateSettings(input: ApiInput<'updateSettings'>): Promise<ApiOutputs['updateSettings']> {
    const change = parseApiInput('updateSettings', input);
    this.store.update((draft) => applySettingsChange(draft, change));
    return settingsView(this.store.read());
  }

  // ——— Api: sample data (sample/sample-data.ts; the `sample` event follows every store change) ———

  async getSampleData(
    _input: ApiInput<'getSampleData'> = {},
  ): Promise<ApiOutputs['getSampleData']> {
    return sampleState(this.last);
  }

  async addSampleData(input: ApiInput<'addSampleData'> = {}): Promise<ApiOutputs['addSampleData']> {
    const { language } = parseApiInput('addSampleData', input);
    const data = this.store.read();
    // Not asked: the UI language chosen in Settings, else the machine's (as for the dashboard).
    const chosen = data.settings.language;
    const fallback = chosen === 'system' ? data.settings.locale : chosen;
    const calendar = addSampleData(this.sampleContext(), data, language ?? fallback);
    this.sync.setSources([...this.store.read().calendars]);
    await this.syncWithProgress([calendar]);
    this.emit('calendars', this.calendarViews());
    return sampleState(this.store.read());
  }

  async removeSampleData(
    _input: ApiInput<'removeSampleData'> = {},
  ): Promise<ApiOutputs['removeSampleData']> {
    const calendarIds = this.store.read().sample?.calendarIds ?? [];
    const removed = removeSampleData(this.sampleContext());
    for (const id of calendarIds) {
      await this.sync.forget(id);
      this.results.delete(id);
    }
    await this.rebuild();
    this.emit('calendars', this.calendarViews());
    return removed;
  }

  private sampleContext(): SampleContext {
    const now = this.clock.now();
    return {
      book: this.ledger.book,
      dataDir: this.options.dataDir,
      now,
      newCalendar: (location, name) => newSource({ location, name }, now),
    };
  }

  // ——— Api: the rate case, answered by ledger-service.ts ———

  logContact: Api['logContact'] = async (input) => this.ledger.logContact(input);
  undoLastContact: Api['undoLastContact'] = async (input) => this.ledger.undoLastContact(input);
  editContact: Api['editContact'] = async (input) => this.ledger.editContact(input);
  deleteContact: Api['deleteContact'] = async (input) => this.ledger.deleteContact(input);
  listContacts: Api['listContacts'] = async (input) => this.ledger.listContacts(input);
  importFile: Api['importFile'] = async (input) => this.ledger.importFile(input);
  getReport: Api['getReport'] = async (input) => this.ledger.report(input);
  getScripts: Api['getScripts'] = async (input) => this.ledger.scripts(input);
  getClientDetail: Api['getClientDetail'] = async (input) => this.ledger.clientDetail(input);
  importText: Api['importText'] = async (input) => this.ledger.importText(input);
  undoImport: Api['undoImport'] = async (input) => this.ledger.undoImport(input);
  getLastImport: Api['getLastImport'] = async (input) => this.ledger.lastImport(input);

  // ——— Api: clients (records in clients.ts; the `clients` event follows every store change) ———

  async listClients(_input: ApiInput<'listClients'> = {}): Promise<ApiOutputs['listClients']> {
    return this.clientViews();
  }

  async addClient(input: ApiInput<'addClient'>): Promise<ApiOutputs['addClient']> {
    const { name, ...fields } = parseApiInput('addClient', input);
    const client = addClient(this.store, { ...clientChangesOf(fields), name }, this.clock.now());
    return clientView(client, this.linkBase());
  }

  async updateClient(input: ApiInput<'updateClient'>): Promise<ApiOutputs['updateClient']> {
    const { id, ...fields } = parseApiInput('updateClient', input);
    const current = this.requireClient(id);
    return clientView(
      updateClient(this.store, id, clientChangesOf(fields, current.currency)),
      this.linkBase(),
    );
  }

  async removeClient(input: ApiInput<'removeClient'>): Promise<ApiOutputs['removeClient']> {
    const { id } = parseApiInput('removeClient', input);
    if (!this.last.clients.some((c) => c.id === id)) return { removed: false };
    removeClient(this.store, id);
    return { removed: true };
  }

  async rotateClientLink(
    input: ApiInput<'rotateClientLink'>,
  ): Promise<ApiOutputs['rotateClientLink']> {
    const { id } = parseApiInput('rotateClientLink', input);
    this.requireClient(id);
    return clientView(rotateClientToken(this.store, id), this.linkBase());
  }

  /** Tells the core where the status server it serves links from listens, once it has started. */
  setStatusBaseUrl(url: string): void {
    this.statusBaseUrl = url;
    this.emit('clients', this.clientViews());
  }

  // ——— Api: events ———

  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  // ——— Hooks for the edges ———

  /** The machine woke from sleep: re-expand if the day moved, recompute the status, and sync. */
  onResume(): void {
    void this.sync.refreshWindow().then(() => this.scheduler.onResume());
    this.scheduler.onResume();
    void this.sync.syncAll();
  }

  /** The system clock or time zone changed. */
  onClockOrZoneChange(): void {
    void this.sync.refreshWindow().then(() => this.rebuild());
    this.scheduler.onClockOrZoneChange();
  }

  /** The classified occurrences of every calendar (for the status pages and the ledger). */
  classifiedEvents(): readonly ClassifiedEvent[] {
    return this.classified;
  }

  /** The status at this moment (synchronous, for the status pages). */
  statusNow(): StatusNow {
    return this.scheduler.current();
  }

  /** The manual override in force, if any. */
  currentOverride(): Override | null {
    return this.scheduler.currentOverride();
  }

  /** The soonest standing call with any client (for the tray's "Next standing call"). */
  nextStandingCall(): { at: string; clientId: string; clientName: string } | null {
    const calls = nextStandingCalls(this.classified, this.timeline.segments, this.clock.now());
    let best: { at: string; clientId: string; clientName: string } | null = null;
    for (const [clientId, at] of calls) {
      const client = this.last.clients.find((c) => c.id === clientId);
      if (client && (best === null || Date.parse(at) < Date.parse(best.at)))
        best = { at, clientId, clientName: client.name };
    }
    return best;
  }

  /** When today's working hours end (ISO), or null outside them. */
  endOfWorkingDay(): string | null {
    const end = endOfWorkingDay(this.last.workingHours, this.clock.now());
    return end === null ? null : new Date(end).toISOString();
  }

  /** The current availability timeline. */
  currentTimeline(): Timeline {
    return this.timeline;
  }

  /** Stops timers, syncing and watching. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.dayTimer);
    await this.rebuildChain;
    this.unsubscribeStore();
    this.ledgerWatch.stop();
    this.scheduler.dispose();
    await this.sync.stop();
    if (this.ownsStore) this.store.close();
    this.events.removeAllListeners();
  }

  // ——— internals ———

  private emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void {
    if (!this.closed) this.events.emit(event, payload);
  }

  private applyOverride(override: Override | null): void {
    this.store.update((draft) => {
      draft.override = override;
    });
    this.scheduler.setOverride(override);
  }

  /** Another process (or this one) changed the data: follow overrides, sources, rules. */
  private onStoreChange(next: Data): void {
    const before = this.last;
    this.last = next;
    // Every store write makes new arrays, so compare what a ledger write changes: a fold or an import
    // moves the journal generation; a direct write (sample data) changes the counts.
    if (
      before.ledger.journalGeneration !== next.ledger.journalGeneration ||
      before.contacts.length !== next.contacts.length ||
      before.timeEntries.length !== next.timeEntries.length
    )
      this.ledgerWatch.touch();
    if (JSON.stringify(before.override) !== JSON.stringify(next.override))
      this.scheduler.setOverride(next.override);
    if (JSON.stringify(before.calendars) !== JSON.stringify(next.calendars))
      this.sync.setSources([...next.calendars]);
    // By value: every store write makes new objects, and the dashboard reloads on this event.
    const linksMoved =
      !this.statusBaseUrl &&
      JSON.stringify(before.settings.statusServer) !== JSON.stringify(next.settings.statusServer);
    if (linksMoved || JSON.stringify(before.clients) !== JSON.stringify(next.clients))
      this.emit('clients', this.clientViews());
    const settingsBefore = JSON.stringify(settingsView(before));
    if (settingsBefore !== JSON.stringify(settingsView(next)))
      this.emit('settings', settingsView(next));
    if (JSON.stringify(before.sample) !== JSON.stringify(next.sample))
      this.emit('sample', sampleState(next));
    if (
      JSON.stringify(before.rules) !== JSON.stringify(next.rules) ||
      JSON.stringify(before.workingHours) !== JSON.stringify(next.workingHours) ||
      JSON.stringify(before.clients) !== JSON.stringify(next.clients)
    ) {
      this.queueRebuild();
    }
  }

  private async syncWithProgress(sources: readonly CalendarSource[]): Promise<void> {
    await Promise.all(
      sources.map(async (source) => {
        this.emit('syncProgress', { id: source.id, name: source.name, phase: 'fetching' });
        const result = await this.sync.sync(source.id);
        this.emit('syncProgress', {
          id: source.id,
          name: source.name,
          phase: result.status.ok ? 'done' : 'failed',
          ...(result.status.error ? { error: result.status.error } : {}),
        });
      }),
    );
    await this.rebuild();
  }

  /** One line when a calendar starts failing, fails differently, or recovers; not one per refresh. */
  private logSyncChange(before: SyncResult | undefined, after: SyncResult): void {
    // The log cuts the location to its host; it is the one place that guarantees it.
    const calendar = { calendar: after.source.name, location: after.source.location };
    if (!after.status.ok && after.status.error !== before?.status.error)
      this.log.warn('calendar failed to sync, keeping its last good copy', {
        ...calendar,
        error: after.status.error,
      });
    else if (after.status.ok && before && !before.status.ok)
      this.log.info('calendar syncs again', calendar);
  }

  /** Sources with no cached copy, or whose last successful check is older than their refresh interval. */
  private staleSources(): CalendarSource[] {
    const now = this.clock.now();
    return this.sync
      .results()
      .filter((r) => {
        const last = r.status.lastSuccessAt ? Date.parse(r.status.lastSuccessAt) : NaN;
        return !(now - last < r.source.refreshMinutes * 60_000);
      })
      .map((r) => r.source);
  }

  private queueRebuild(): void {
    if (this.rebuildQueued) return;
    this.rebuildQueued = true;
    setImmediate(() => {
      this.rebuildQueued = false;
      if (!this.closed) void this.rebuild();
    });
  }

  /**
   * Rebuilds classification, timeline and calendar contacts. Rebuilds run one after another, each
   * from the inputs of the moment it starts, so the last one always reflects the latest data; the
   * caller's promise settles when its rebuild is applied (or fails).
   */
  private rebuild(): Promise<void> {
    const run = this.rebuildChain.then(() => this.rebuildOnce());
    // The caller of `run` gets its error; the chain only has to go on to the next rebuild.
    this.rebuildChain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /**
   * One rebuild — but only when an input changed. A re-sync of unchanged feeds (every few minutes)
   * hands back the same event arrays, so it costs nothing here. A changed feed is classified and
   * laid out in slices of a few milliseconds (timeline-rebuild.ts), and the calendar contacts are
   * merged in a turn of their own, so the main thread never stalls for the whole of it.
   */
  private async rebuildOnce(): Promise<void> {
    if (this.closed) return;
    const { from, to } = this.sync.window();
    const data = this.last;
    const inputs: unknown[] = [
      from,
      to,
      data.rules,
      data.workingHours,
      data.clients,
      this.calendarsLoaded,
    ];
    for (const [id, result] of this.results)
      inputs.push(id, result.events, result.source.role, result.source.name);
    const previous = this.rebuildInputs;
    if (
      previous &&
      previous.length === inputs.length &&
      previous.every((value, i) => value === inputs[i])
    )
      return;
    this.rebuildInputs = inputs;
    const rebuilt = await this.rebuilder.rebuildSliced(this.rebuildInput());
    if (this.closed) return;
    this.classified = rebuilt.classified;
    this.timeline = rebuilt.timeline;
    this.scheduler.update(this.timeline);
    // Client meetings become contacts on every sync (and when rules or clients change).
    if (this.calendarsLoaded) await this.mergeCalendarContacts(rebuilt.classified);
  }

  /**
   * Merges the calendar's client meetings into the contacts, unless the meetings that have started
   * are the same as at the last merge and nobody touched the contacts since: then the merge would
   * change nothing, and it is the one step here that cannot be sliced (ledger code, a store write).
   */
  private async mergeCalendarContacts(classified: readonly ClassifiedEvent[]): Promise<void> {
    const window = this.sync.window();
    const meetings = await startedMeetings(classified, Math.min(this.clock.now(), window.to));
    const lead = this.last.settings.ledger.adHocLeadHours;
    const last = this.lastMerge;
    if (
      this.closed ||
      (last &&
        last.from === window.from &&
        last.lead === lead &&
        last.contacts === this.ledger.book.state().items &&
        sameMeetings(last.meetings, meetings))
    )
      return;
    await new Promise((resolve) => setImmediate(resolve));
    if (this.closed) return;
    const plan = this.ledger.syncCalendarContacts(classified, window);
    this.lastMerge = plan
      ? { from: window.from, lead, meetings, contacts: this.ledger.book.state().items }
      : undefined;
  }

  private rebuildInput(): RebuildInput {
    const data = this.last;
    const { from, to } = this.sync.window();
    return {
      sources: [...this.results.values()].map((r) => ({
        sourceId: r.source.id,
        role: r.source.role,
        calendar: r.source.name,
        events: r.events,
      })),
      rules: data.rules,
      clients: this.clientMatchers(),
      workingHours: data.workingHours,
      from,
      to,
    };
  }

  private taggedEvents(): TaggedEvent[] {
    const out: TaggedEvent[] = [];
    for (const result of this.results.values()) {
      for (const event of result.events) {
        out.push({
          event,
          role: result.source.role,
          calendar: result.source.name,
          sourceId: result.source.id,
        });
      }
    }
    return out;
  }

  private clientMatchers(): ClientMatcher[] {
    return this.last.clients.map((c) => ({
      id: c.id,
      name: c.name,
      domains: [...c.domains],
      keywords: [...c.keywords],
    }));
  }

  private linkBase(): string {
    return this.statusBaseUrl ?? configuredStatusBaseUrl(this.last.settings.statusServer);
  }

  private clientViews(): ApiOutputs['listClients'] {
    const base = this.linkBase();
    return this.last.clients.map((c) => clientView(c, base));
  }

  /** Looked up by id only: the dashboard never addresses a client by name. */
  private requireClient(id: string): Client {
    const client = this.last.clients.find((c) => c.id === id);
    if (!client) throw noSuchClient(id, 'id');
    return client;
  }

  private requireCalendar(id: string): CalendarSource {
    const source = this.last.calendars.find((c) => c.id === id);
    if (!source) throw new NotFoundError({ field: 'id', value: id, problem: 'no such calendar' });
    return source;
  }

  private calendarViews(): CalendarView[] {
    return this.last.calendars.map((c) => this.viewOf(c.id));
  }

  private viewOf(id: string): CalendarView {
    const source = this.requireCalendar(id);
    const result = this.results.get(id);
    return {
      ...source,
      displayLocation: redactLocation(source.location),
      status: result?.status ?? { id, ok: true },
    };
  }

  /** Re-expands once a day, when the window moves, so the timeline always reaches 60 days ahead. */
  private armDayTimer(): void {
    if (this.closed || this.options.autoRefresh === false) return;
    const now = this.clock.now();
    const delay = Math.floor(now / DAY) * DAY + DAY - now + 1000;
    this.dayTimer = setTimeout(() => {
      void this.sync
        .refreshWindow()
        .then(() => this.rebuild())
        .catch((error: unknown) => this.log.error('moving the calendar window failed', { error }))
        .finally(() => this.armDayTimer());
    }, delay);
    this.dayTimer.unref();
  }
}

/** Builds a new source record from an add request: https/webcal/http URL or a local file path. */
export function newSource(request: ApiInput<'addCalendar'>, now: number): CalendarSource {
  const raw = request.location.trim();
  let location: string;
  let kind: CalendarSource['kind'];
  if (/^(https?|webcal):\/\//i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new UserError({
        field: 'location',
        value: redactLocation(raw),
        allowed: 'an https:// or webcal:// address, or a file path',
      });
    }
    location = url.href;
    kind = 'url';
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    throw new UserError({
      field: 'location',
      value: `${raw.slice(0, raw.indexOf(':'))}:`,
      problem: 'unsupported address',
      allowed: 'an https:// or webcal:// address, or a file path',
    });
  } else {
    location = isAbsolute(raw) ? raw : resolve(raw);
    kind = 'file';
  }
  const name =
    request.name ??
    (kind === 'file' ? basename(location).replace(/\.ics$/i, '') : new URL(location).hostname);
  return {
    id: randomUUID(),
    name,
    location,
    kind,
    refreshMinutes: request.refreshMinutes ?? 5,
    role: request.role ?? 'busy',
    addedAt: new Date(now).toISOString(),
  };
}
