/**
 * The rate case, running: contacts logged in one step (journalled, durable on return), undo, edit,
 * delete and list; imports of time-tracker exports and call logs with a preview; client demand from
 * the calendar merged on every sync; the report over any period and the wording per client. The
 * OfficeHoursService answers the dashboard's rate-case calls by delegating here; the commands use it
 * through the service too.
 */
import type { Analysis } from '../../shared/analysis.js';
import { parseApiInput, type ApiInput } from '../../shared/api.js';
import type { Client } from '../../shared/domain.js';
import { NotFoundError } from '../../shared/errors.js';
import {
  isAdHocContact,
  type Contact,
  type ContactKind,
  type LedgerClient,
} from '../../shared/ledger.js';
import {
  isCallImport,
  type ClientDetail,
  type ClientScripts,
  type ImportKind,
  type ImportSummary,
  type LastImport,
  type LoggedContact,
  type RateReport,
  type ReportPreset,
  type UndoneContactChange,
} from '../../shared/rate-case.js';
import { reasonLanguage } from './analysis/reasons.js';
import { analyse } from './analysis/analyse.js';
import { periodWeeks } from './analysis/period-weeks.js';
import { ContactDayMemo } from './analysis/contact-days.js';
import {
  busiestSlot,
  contactRhythm,
  detailWeeks,
  unscheduledByWeek,
  DETAIL_WEEKS,
} from './analysis/client-detail.js';
import {
  buildRateReport,
  clientReport,
  resolvePeriod,
  windowStartOf,
  type Period,
} from './analysis/rate-report.js';
import {
  availabilityConversation,
  rateChangeNotice,
  scriptLanguage,
  standingCallProposal,
  voicemailFollowUp,
  type ScriptInput,
} from './analysis/scripts.js';
import type { ClassifiedEvent } from './calendar/classify.js';
import { planCalendarContacts, type CalendarContactsPlan } from './ledger/calendar-contacts.js';
import { ContactBook, type ContactBookOptions } from './ledger/contact-book.js';
import { importInto } from './ledger/import-file.js';
import { toLedgerClients, withClientIds } from './ledger/ledger-clients.js';
import { findClient, noSuchClient } from './clients.js';
import { newId, type LedgerChange } from './ledger/ledger.js';
import { formatIsoDate } from './time/civil.js';
import { parseInstant } from './time/instant.js';
import {
  firstDayOfMonthIndex,
  firstDayOfWeekIndex,
  monthIndexOfDay,
  weekIndexOfDay,
} from './time/periods.js';
import { timeZone } from './time/zone.js';
import { localDayOf, startOfDay } from './time/zoned.js';
import { exportAll, importAll, type ImportResult as DataImportResult } from './store/export.js';
import type { Data } from './store/schema.js';
import type { DataStore } from './store/store.js';

/** Minutes a logged contact gets when none are given (shown to the user, who can pass --minutes). */
export const DEFAULT_MINUTES: Readonly<Record<ContactKind, number>> = {
  call: 10,
  'missed-call': 0,
  voicemail: 2,
  'ad-hoc-meeting': 30,
  'scheduled-meeting': 30,
  email: 5,
  message: 2,
};

/** What the ledger service needs. */
export interface LedgerServiceOptions {
  store: DataStore;
  dataDir: string;
  now?: () => number;
  /** The next standing call (ISO) per client id, from the availability timeline. */
  nextStandingCalls?: () => ReadonlyMap<string, string>;
  book?: ContactBookOptions;
  /** Where a failed calendar merge is reported (it runs from timers; default console.error). */
  onError?: (error: unknown) => void;
}

interface Analysed {
  key: string;
  data: Data;
  contacts: readonly Contact[];
  analysis: Analysis;
  period: Period;
  clients: LedgerClient[];
  /** The period has not ended: its unfinished week's allowance counts in full. */
  openEnded: boolean;
}

/** Analyses kept for the same data: the periods a dashboard session moves between. */
const ANALYSES_KEPT = 4;

/** The rate case over one data folder. */
export class LedgerService {
  readonly book: ContactBook;
  private readonly now: () => number;
  private readonly calls: () => ReadonlyMap<string, string>;
  private readonly onError: (error: unknown) => void;
  /**
   * The last few analyses, newest first: the dashboard moves between screens over different periods
   * (the overview's week, a client's twelve weeks, back again), and one memo would be recomputed on
   * every move — each a full pass over every contact.
   */
  private memos: Analysed[] = [];
  /** The contacts' local days, kept between analyses (the same contacts are analysed for every screen). */
  private readonly dayMemo = new ContactDayMemo();

  constructor(private readonly options: LedgerServiceOptions) {
    this.book = new ContactBook(options.store, options.dataDir, options.book);
    this.now = options.now ?? Date.now;
    this.calls = options.nextStandingCalls ?? (() => new Map());
    this.onError = options.onError ?? ((error) => console.error('office-hours ledger:', error));
  }

  private get store(): DataStore {
    return this.options.store;
  }

  // ——— contacts ———

  /** Logs one contact; it is on disk when this returns. */
  logContact(input: ApiInput<'logContact'>): LoggedContact {
    const req = parseApiInput('logContact', input);
    const client = this.requireClient(req.clientId);
    const contact: Contact = {
      id: newId(),
      clientId: client.id,
      kind: req.kind,
      at: new Date(req.at === undefined ? this.now() : Date.parse(req.at)).toISOString(),
      minutes: req.minutes ?? DEFAULT_MINUTES[req.kind],
      scheduled: req.scheduled ?? req.kind === 'scheduled-meeting',
      source: 'manual',
    };
    if (req.note) contact.note = req.note;
    if (req.billed !== undefined) contact.billed = req.billed;
    if (req.voicemailHasMessage !== undefined)
      contact.voicemailHasMessage = req.voicemailHasMessage;
    if (!this.book.add(contact)) throw new Error(`a contact with id ${contact.id} exists already`);
    return { contact, clientName: client.name, week: this.weekOf(contact, client) };
  }

  /** Reverses the latest change to the contacts (a log, an edit, a delete or a call-log import). */
  undoLastContact(_input: ApiInput<'undoLastContact'> = {}): UndoneContactChange {
    const { before, after } = this.book.record({ op: 'undo' });
    const change = before.undo[before.undo.length - 1];
    if (before === after || change === undefined) return { op: null };
    switch (change.op) {
      case 'add': {
        const contact = before.items.find((c) => c.id === change.id);
        return contact ? { op: 'add', contact } : { op: 'add' };
      }
      case 'edit':
        return { op: 'edit', contact: change.before };
      case 'delete':
        return { op: 'delete', contact: change.item };
      case 'import':
        return { op: 'import', count: change.ids.length };
    }
  }

  /** Changes fields of one contact. */
  editContact(input: ApiInput<'editContact'>): Contact {
    const req = parseApiInput('editContact', input);
    const current = this.book.state().items.find((c) => c.id === req.id);
    if (!current) throw noSuchContact(req.id);
    const next: Contact = { ...current };
    if (req.clientId !== undefined) next.clientId = this.requireClient(req.clientId).id;
    if (req.kind !== undefined) next.kind = req.kind;
    if (req.at !== undefined) next.at = new Date(Date.parse(req.at)).toISOString();
    if (req.minutes !== undefined) next.minutes = req.minutes;
    if (req.scheduled !== undefined) next.scheduled = req.scheduled;
    if (req.note === '') delete next.note;
    else if (req.note !== undefined) next.note = req.note;
    if (req.billed === null) delete next.billed;
    else if (req.billed !== undefined) next.billed = req.billed;
    const { before, after } = this.book.record({ op: 'edit', contact: next });
    if (before === after) throw noSuchContact(req.id);
    return next;
  }

  /** Deletes one contact (an imported one stays away when its file is imported again). */
  deleteContact(input: ApiInput<'deleteContact'>): { deleted: boolean } {
    const { id } = parseApiInput('deleteContact', input);
    const { before, after } = this.book.record({ op: 'delete', id });
    return { deleted: before !== after };
  }

  /** Contacts, newest first, optionally of one client and within [from, to). */
  listContacts(input: ApiInput<'listContacts'> = {}): Contact[] {
    const req = parseApiInput('listContacts', input);
    const from = req.from === undefined ? -Infinity : Date.parse(req.from);
    const to = req.to === undefined ? Infinity : Date.parse(req.to);
    const out: { c: Contact; t: number }[] = [];
    for (const c of this.book.state().items) {
      if (req.clientId !== undefined && c.clientId !== req.clientId) continue;
      const t = parseInstant(c.at);
      if (t >= from && t < to) out.push({ c, t });
    }
    out.sort((a, b) => b.t - a.t);
    return out.slice(0, req.limit ?? 200).map((x) => x.c);
  }

  // ——— imports ———

  /** Imports (or with `dryRun` previews) a Toggl, Harvest or Clockify export or a call log. */
  importFile(input: ApiInput<'importFile'>): ImportSummary {
    const data = this.store.read();
    return importInto(
      this.book,
      data,
      this.ledgerClients(data),
      parseApiInput('importFile', input),
    );
  }

  /**
   * Imports (or with `dryRun` previews) an export sent as text or as base64 bytes, as `importFile`
   * does a file; a real import is recorded in the data file as the one `undoImport` takes back.
   */
  importText(input: ApiInput<'importText'>): ImportSummary {
    const req = parseApiInput('importText', input);
    const data = this.store.read();
    const clients = this.ledgerClients(data);
    return importInto(this.book, data, clients, {
      kind: req.kind,
      file: req.name,
      // Bytes, not text, so the core tells UTF-8 from UTF-16 and Latin-1 as it does for a file.
      content:
        req.encoding === 'base64' ? new Uint8Array(Buffer.from(req.text, 'base64')) : req.text,
      dryRun: req.dryRun,
      allowPartial: req.allowPartial,
      remember: { at: new Date(this.now()).toISOString() },
    });
  }

  /** The latest dashboard import that `undoImport` would take back; null when none is left. */
  lastImport(_input: ApiInput<'getLastImport'> = {}): LastImport | null {
    const data = this.store.read();
    const last = data.ledger.lastImport;
    if (!last) return null;
    const count = this.rowsOf(last, data).length;
    return count === 0 ? null : { kind: last.kind, file: last.file, at: last.at, count };
  }

  /**
   * Takes back the latest dashboard import — from the data file, so also after a restart: exactly
   * its time entries, or its contacts (with their undo steps, so no later undo brings them back).
   */
  undoImport(_input: ApiInput<'undoImport'> = {}): { kind: ImportKind | null; removed: number } {
    type Undone = { kind: ImportKind | null; removed: number };
    if (!this.store.read().ledger.lastImport) return { kind: null, removed: 0 };
    return this.book.commit<Undone>((draft, contacts) => {
      const last = draft.ledger.lastImport;
      delete draft.ledger.lastImport;
      if (!last) return { result: { kind: null, removed: 0 } };
      const keys = new Set(last.keys);
      if (!isCallImport(last.kind)) {
        const kept = draft.timeEntries.filter((e) => !keys.has(e.importKey));
        const removed = draft.timeEntries.length - kept.length;
        draft.timeEntries = kept;
        return { result: { kind: last.kind, removed } };
      }
      const items = contacts.items.filter((c) => !keys.has(c.id));
      const undo = contacts.undo.filter((change) => !touches(change, keys));
      return {
        contacts: { ...contacts, items, undo },
        result: { kind: last.kind, removed: contacts.items.length - items.length },
      };
    });
  }

  /** The rows of a remembered import still in the ledger. */
  private rowsOf(last: NonNullable<Data['ledger']['lastImport']>, data: Data): unknown[] {
    const keys = new Set(last.keys);
    return isCallImport(last.kind)
      ? this.book.state().items.filter((c) => keys.has(c.id))
      : data.timeEntries.filter((e) => keys.has(e.importKey));
  }

  // ——— the calendar ———

  /**
   * Merges the client meetings of the calendar window [from, now) into the contacts: booked less
   * than `adHocLeadHours` ahead → ad-hoc meeting, standing calls and the rest → scheduled. Writes
   * only when something changed. Never throws (it runs after every sync): errors go to `onError`.
   */
  syncCalendarContacts(
    events: readonly ClassifiedEvent[],
    window: { from: number; to: number },
  ): CalendarContactsPlan | undefined {
    try {
      const lead = this.store.read().settings.ledger.adHocLeadHours;
      const span = { from: window.from, now: Math.min(this.now(), window.to) };
      const plan = planCalendarContacts(this.book.state().items, events, span, lead);
      if (!plan.differs) return plan;
      return this.book.commit((_draft, contacts) => {
        const fresh = planCalendarContacts(contacts.items, events, span, lead);
        return { contacts: { ...contacts, items: fresh.contacts }, result: fresh };
      });
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }

  // ——— report and wording ———

  /** Per client demand against billed work over [from, to) (default: this month and the two before). */
  report(input: ApiInput<'getReport'> = {}): RateReport {
    const req = parseApiInput('getReport', input);
    const bounds = req.preset === undefined ? req : { ...req, from: this.presetStart(req.preset) };
    const { analysis, period, openEnded } = this.analysed(bounds);
    const report = buildRateReport(analysis, period, this.calls(), openEnded);
    if (req.weeksOf === undefined) return report;
    const mine = report.clients.find((c) => c.id === req.weeksOf);
    if (!mine) throw noSuchClient(req.weeksOf, 'weeksOf');
    const zone = timeZone(this.store.read().settings.userTimeZone);
    // Counted by local day, as the analysis counts the period's own numbers; a day either side of the
    // period's instants is enough to catch every contact on its first and last day.
    const days: number[] = [];
    const [early, late] = [period.from - 86_400_000, period.to + 86_400_000];
    this.book.forEachOf(mine.id, (c) => {
      if (!isAdHocContact(c)) return;
      const ms = parseInstant(c.at);
      if (ms >= early && ms < late) days.push(localDayOf(ms, zone));
    });
    mine.weeks = periodWeeks(days, {
      firstDay: localDayOf(period.from, zone),
      lastDay: localDayOf(period.to - 1, zone),
      weeklyAllowance: mine.allowancePerWeek,
      openEnded,
    });
    return report;
  }

  /** One client over the twelve weeks up to now: the chart's weeks, its rhythm and its case. */
  clientDetail(input: ApiInput<'getClientDetail'>): ClientDetail {
    const { clientId, language, locale } = parseApiInput('getClientDetail', input);
    const zoneName = this.store.read().settings.userTimeZone;
    const zone = timeZone(zoneName);
    const week = weekIndexOfDay(localDayOf(this.now(), zone));
    const firstWeek = week - DETAIL_WEEKS + 1;
    const from = formatIsoDate(firstDayOfWeekIndex(firstWeek));
    const { analysis, period } = this.analysed({ from, language, locale });
    const a = analysis.clients.find((c) => c.clientId === clientId);
    if (!a) throw new Error(`no client with id ${clientId}`);
    // Only the twelve weeks' unscheduled contacts matter below: picked out in one pass over the
    // client's years of contacts, so the chart and the rhythm each read a few hundred, not all.
    const mine: Contact[] = [];
    this.book.forEachOf(clientId, (c) => {
      if (!isAdHocContact(c)) return;
      const ms = parseInstant(c.at);
      if (ms >= period.from && ms < period.to) mine.push(c);
    });
    const rhythm = contactRhythm(mine, period.from, period.to, zone);
    return {
      from: new Date(period.from).toISOString(),
      to: new Date(period.to).toISOString(),
      timeZone: zoneName,
      report: clientReport(a, this.calls().get(clientId)),
      weeks: detailWeeks(
        a,
        firstWeek,
        unscheduledByWeek(mine, period.from, period.to, zone, firstWeek),
      ),
      rhythm,
      busiest: busiestSlot(rhythm),
    };
  }

  /** The first local date of a named period, in the user's zone. */
  private presetStart(preset: ReportPreset): string {
    const today = localDayOf(this.now(), timeZone(this.store.read().settings.userTimeZone));
    const week = weekIndexOfDay(today);
    switch (preset) {
      case 'this-week':
        return formatIsoDate(firstDayOfWeekIndex(week));
      case 'this-month':
        return formatIsoDate(firstDayOfMonthIndex(monthIndexOfDay(today)));
      case 'last-12-weeks':
        // The same twelve weeks as a client's chart.
        return formatIsoDate(firstDayOfWeekIndex(week - DETAIL_WEEKS + 1));
    }
  }

  /** The wording for one client, filled with the period's numbers and the next standing call. */
  scripts(input: ApiInput<'getScripts'>): ClientScripts {
    const { clientId, language, from, to } = parseApiInput('getScripts', input);
    const { analysis, clients } = this.analysed({ from, to });
    const a = analysis.clients.find((c) => c.clientId === clientId);
    const client = clients.find((c) => c.id === clientId);
    if (!a || !client) throw noSuchClient(clientId);
    const lang = language ?? scriptLanguage(client);
    // Asked for the other language: dates and numbers follow the text, not the client's locale.
    const writeAs =
      lang === scriptLanguage(client)
        ? client
        : { ...client, locale: lang === 'de' ? 'de-DE' : 'en-GB' };
    const si: ScriptInput = {
      client: writeAs,
      analysis: a,
      language: lang,
      timeZone: analysis.settings.timeZone,
    };
    const kind = a.recommendation.kind;
    return {
      clientId,
      name: client.name,
      language: lang,
      recommended:
        kind === 'propose-standing-call'
          ? 'standingCallProposal'
          : kind === 'raise-rate'
            ? 'rateChangeNotice'
            : null,
      // Not offered where a standing call exists already: there is nothing left to propose.
      standingCallProposal:
        client.hasStandingCall === true || client.nextStandingCall !== undefined
          ? null
          : standingCallProposal(si),
      voicemailFollowUp: voicemailFollowUp(si),
      availabilityConversation: availabilityConversation(si),
      rateChangeNotice: rateChangeNotice(si),
    };
  }

  // ——— the whole data set ———

  /** Writes the whole data set, journalled contacts included, to `file`. */
  exportData(file: string): void {
    this.book.fold();
    exportAll(this.store, file);
  }

  /** Replaces the whole data set with the one in `file` (the previous one is kept in backups). */
  importData(file: string): DataImportResult {
    return this.book.replaceData(() => importAll(this.store, file));
  }

  // ——— clients ———

  /** A client by id or name (case-insensitive; legal forms like "GmbH" may be left out). */
  findClient(which: string): Client {
    return findClient(this.store.read().clients, which);
  }

  /** The stored clients as the ledger and analysis see them (target rates, next standing call). */
  ledgerClients(
    data: Data = this.store.read(),
    calls: ReadonlyMap<string, string> = this.calls(),
  ): LedgerClient[] {
    return toLedgerClients(data, calls);
  }

  private requireClient(id: string): Client {
    const client = this.store.read().clients.find((c) => c.id === id);
    if (!client) throw noSuchClient(id);
    return client;
  }

  /**
   * Where every client stands in the current week (the user's zone): what the allowance notice
   * watches, whoever logged or imported the contacts.
   */
  weekStandings(): { clientId: string; clientName: string; week: LoggedContact['week'] }[] {
    const now = this.now();
    return this.store.read().clients.map((client) => ({
      clientId: client.id,
      clientName: client.name,
      week: this.weekAt(now, client),
    }));
  }

  /** The client's contacts in the ISO week of `contact`, in the user's zone. */
  private weekOf(contact: Contact, client: Client): LoggedContact['week'] {
    return this.weekAt(parseInstant(contact.at), client);
  }

  /** The client's contacts in the ISO week holding the instant `at` (ms), in the user's zone. */
  private weekAt(at: number, client: Client): LoggedContact['week'] {
    const zone = timeZone(this.store.read().settings.userTimeZone);
    const week = weekIndexOfDay(localDayOf(at, zone));
    const monday = firstDayOfWeekIndex(week);
    const [from, to] = [startOfDay(monday, zone), startOfDay(monday + 7, zone)];
    const [fromIso, toIso] = [new Date(from).toISOString(), new Date(to).toISOString()];
    let contacts = 0;
    let adHoc = 0;
    // Part of logging, so it must stay fast at 100k contacts: only this client's contacts are looked
    // at, and the stored form (toISOString's) compares as text; anything else is parsed.
    this.book.forEachOf(client.id, (c) => {
      const inWeek =
        c.at.length === 24 && c.at.endsWith('Z')
          ? c.at >= fromIso && c.at < toIso
          : parseInstant(c.at) >= from && parseInstant(c.at) < to;
      if (!inWeek) return;
      contacts++;
      if (isAdHocContact(c)) adHoc++;
    });
    const current = weekIndexOfDay(localDayOf(this.now(), zone)) === week;
    return {
      start: formatIsoDate(monday),
      current,
      contacts,
      adHoc,
      allowance: client.adHocAllowancePerWeek,
    };
  }

  /** The analysis over a period, kept while the data, the contacts and the period's days stay the same. */
  private analysed(bounds: {
    from?: string | undefined;
    to?: string | undefined;
    language?: 'en' | 'de' | undefined;
    locale?: string | undefined;
  }): Analysed {
    const data = this.store.read();
    const zoneName = data.settings.userTimeZone;
    const now = this.now();
    const period = resolvePeriod(bounds, zoneName, now);
    const contacts = this.book.state().items;
    const calls = this.calls();
    const locale = reasonLocale(bounds, data.settings.locale);
    // A period that has not ended (a preset, no end given, or an end today or later): the contacts of
    // its days still to come cannot have happened, so its unfinished week's allowance counts in full.
    const openEnded = period.to >= now;
    // The analysis sees the period through its first day and its last ("today" for a period up to
    // now), not the instant it ends: a period up to now keeps its analysis until the day changes
    // (or the data do), instead of computing it afresh on every request.
    const windowStart = windowStartOf(period, zoneName);
    const lastDay = localDayOf(period.to - 1, timeZone(zoneName));
    const key = `${windowStart}|${lastDay}|${openEnded}|${locale}|${JSON.stringify([...calls])}`;
    // Only analyses of these very data and contacts are kept: anything older can never match again.
    this.memos = this.memos.filter((m) => m.data === data && m.contacts === contacts);
    const memo = this.memos.find((m) => m.key === key);
    // The period itself is today's: its end is now, for the report's dates and the detail's counts.
    if (memo) return { ...memo, period };
    const clients = this.ledgerClients(data, calls);
    const s = data.settings.ledger;
    const analysis = analyse({
      dayMemo: this.dayMemo,
      contacts,
      entries: withClientIds(data.timeEntries, clients),
      clients,
      settings: {
        timeZone: zoneName,
        now: period.to - 1,
        windowStart,
        weeklyAllowance: s.weeklyAllowance,
        recoveryMinutes: s.recoveryMinutes,
        walkAwayShare: s.walkAwayShare,
        minBilledWeeks: s.minBilledWeeks,
        locale,
        openEnded,
      },
    });
    const made: Analysed = { key, data, contacts, analysis, period, clients, openEnded };
    this.memos = [made, ...this.memos].slice(0, ANALYSES_KEPT);
    return made;
  }
}

/**
 * The locale the reasons are written in: the one asked for, if it is of the language asked for; else
 * the settings' locale if it is of that language ("de-AT" for German); else the bare language.
 */
export function reasonLocale(
  asked: { language?: 'en' | 'de' | undefined; locale?: string | undefined },
  settingsLocale: string,
): string {
  const { language, locale } = asked;
  if (locale !== undefined && (language === undefined || reasonLanguage(locale) === language))
    return locale;
  if (language === undefined || reasonLanguage(settingsLocale) === language) return settingsLocale;
  return language;
}

/** Whether an undo step is about one of `ids` (an import of them, or an edit or delete of one). */
function touches(change: LedgerChange<Contact>, ids: ReadonlySet<string>): boolean {
  switch (change.op) {
    case 'add':
      return ids.has(change.id);
    case 'edit':
      return ids.has(change.before.id);
    case 'delete':
      return ids.has(change.item.id);
    case 'import':
      return change.ids.some((id) => ids.has(id));
  }
}

function noSuchContact(id: string): NotFoundError {
  return new NotFoundError({ field: 'id', value: id, problem: 'no such contact' });
}
