/**
 * Client demand against billed work, per client, per ISO week and per month in the user's zone. Pure:
 * ledger arrays and settings in, numbers out. Two linear passes — one finds each row's local day and
 * client, the next adds it into flat per-client tables indexed by week and month — and no nested
 * loops, so five years of data (100k contacts, 20k entries, 20 clients) stay within the 100 ms budget.
 *
 * Formulas, per client and period (minutes are whole minutes, money integer minor units):
 *   adHoc             = contacts with an ad-hoc kind (call, missed call, voicemail, ad-hoc meeting)
 *                       that were not marked scheduled
 *   allowance         = weekly allowance (default 2) × days in the period / 7; a period that runs to
 *                       now (`openEnded`) counts its last, unfinished week in full, so "this week" on
 *                       a Tuesday allows the week's 2 — as the tray's "3 of 2 this week" does
 *   overAllowance     = max(0, adHoc − allowance)
 *   overhead          = adHoc × recovery minutes (default 23, labelled "Gloria Mark's interview figure")
 *   unbilledContact   = minutes of contacts not already billed (a contact's `billed` flag; when absent,
 *                       scheduled meetings count as billed and everything else as unbilled)
 *   billed            = minutes of billable time entries
 *   revenue           = Σ billable entries: the tracker's amount when it is > 0 and in the client's
 *                       currency, else round(minutes × client rate / 60)
 *   effectiveRate     = round(revenue × 60 / (billed + unbilledContact + overhead))
 *   contactsPerBilledHour = contacts / (billed / 60); adHocPerBilledHour likewise
 *   trend             = this period − the previous one (adHoc, billed, revenue, effective rate)
 *   revenueShare      = client's revenue / all revenue in that currency, over the recent window
 * The recommendation (recommend.ts) works on the recent window (the last `recentMonths` months,
 * default 3, up to today; or from `windowStart` to today, for a report over a chosen period) with
 * target T (client's target rate, default its nominal rate):
 *   newRate           = T × (billed + unbilledContact + overhead) / billed, rounded up to a whole unit
 *   increasePercent   = (newRate − nominal rate) / nominal rate × 100
 *   retainerPerMonth  = (T × (billed + unbilledContact + overhead) / 60 − revenue) / (window days / 30.436875),
 *                       rounded up to a whole unit
 *   walkAwayWarning   = revenueShare ≥ 40 % (setting)
 */
import type {
  Analysis,
  ClientAnalysis,
  PeriodStats,
  ResolvedAnalysisSettings,
} from '../../../shared/analysis.js';
import { RECOVERY_LABEL } from '../../../shared/analysis.js';
import { REASONS, reasonFormat } from './reasons.js';
import {
  isAdHocContact,
  type Contact,
  type LedgerClient,
  type TimeEntry,
} from '../../../shared/ledger.js';
import { parseIsoDate } from '../time/civil.js';
import { parseInstant } from '../time/instant.js';
import {
  firstDayOfMonthIndex,
  firstDayOfWeekIndex,
  isoWeekLabel,
  monthIndexOfDay,
  monthLabel,
  weekIndexOfDay,
} from '../time/periods.js';
import { timeZone } from '../time/zone.js';
import { localDayOf } from '../time/zoned.js';
import {
  allowanceDays,
  finalize,
  KIND_INDEX,
  periodLabel,
  PeriodTable,
  type PeriodLabel,
} from './period-stats.js';
import type { ContactDayMemo } from './contact-days.js';
import { recommend } from './recommend.js';

/** Settings the user can change; everything but the zone and the clock has a default. */
export interface AnalysisSettings {
  /** IANA zone whose weeks and months count. */
  timeZone: string;
  /** "Today": epoch ms or ISO instant. */
  now: number | string;
  /** Unscheduled contacts per week accepted from a client (default 2). */
  weeklyAllowance?: number;
  /** Minutes to get back into focused work after an interruption (default 23). */
  recoveryMinutes?: number;
  /** Revenue share from which to warn "decide your walk-away point first" (default 0.4). */
  walkAwayShare?: number;
  /** Months (including the current one) the recommendation looks at (default 3). */
  recentMonths?: number;
  /** How far below target the effective rate may fall before a raise is recommended (default 0.05). */
  rateTolerance?: number;
  /** Weeks with billed hours a rate change needs as evidence (default 4). */
  minBilledWeeks?: number;
  /** Locale of the reasons: their language ("de…" German, else English) and their numbers (default "en"). */
  locale?: string;
  /**
   * First local date (YYYY-MM-DD) of the recommendation window, for a report over any period: the
   * window then runs from it to today. Default: the first of the month `recentMonths` back, to the
   * end of this month.
   */
  windowStart?: string;
  /**
   * The period has not ended (it runs to now or later): its unfinished last week's allowance counts
   * in full, since the contacts of the days still to come cannot have happened yet (default false).
   */
  openEnded?: boolean;
}

/** The ledger to analyse. */
export interface AnalysisInput {
  contacts: readonly Contact[];
  entries: readonly TimeEntry[];
  clients: readonly LedgerClient[];
  settings: AnalysisSettings;
  /** Keeps the contacts' local days from one analysis to the next (see ContactDayMemo); same result without. */
  dayMemo?: ContactDayMemo;
}

/** Per-client state of the pass. */
interface ClientSums {
  client: LedgerClient;
  weeks: PeriodTable;
  months: PeriodTable;
  /** The recommendation window as a one-row table. */
  recent: PeriodTable;
  /** First and last local day with data (Infinity/−Infinity when none). */
  firstDay: number;
  lastDay: number;
  foreignCurrency: number;
  unpriced: number;
  /** Weeks inside the recommendation window with billed time. */
  billedWeeks: Set<number>;
}

/** Fills the defaults of the settings and checks the clock. */
export function resolveSettings(settings: AnalysisSettings): ResolvedAnalysisSettings {
  const nowMs = typeof settings.now === 'number' ? settings.now : Date.parse(settings.now);
  if (!Number.isFinite(nowMs))
    throw new RangeError(`"now" is not an instant: ${String(settings.now)}`);
  return {
    timeZone: settings.timeZone,
    now: new Date(nowMs).toISOString(),
    weeklyAllowance: settings.weeklyAllowance ?? 2,
    recoveryMinutes: settings.recoveryMinutes ?? 23,
    recoveryLabel: RECOVERY_LABEL,
    walkAwayShare: settings.walkAwayShare ?? 0.4,
    recentMonths: Math.max(1, Math.floor(settings.recentMonths ?? 3)),
    rateTolerance: settings.rateTolerance ?? 0.05,
    minBilledWeeks: Math.max(0, Math.floor(settings.minBilledWeeks ?? 4)),
    locale: settings.locale ?? 'en',
  };
}

interface Clock {
  /** Labels of weeks and months by index, shared by all clients. */
  weekLabel: (week: number) => PeriodLabel;
  monthLabel: (month: number) => PeriodLabel;
  today: number;
  thisWeek: number;
  thisMonth: number;
  recentFromDay: number;
  /** Last local day of the recommendation window (inclusive). */
  recentToDay: number;
  recentDays: number;
  /** Days the recent window's allowance is for (to the end of this week when open-ended). */
  recentAllowanceDays: number;
}

/** Analyses demand against billed work for every client. */
export function analyse(input: AnalysisInput): Analysis {
  const settings = resolveSettings(input.settings);
  const zone = timeZone(settings.timeZone);
  const today = localDayOf(Date.parse(settings.now), zone);
  const thisMonth = monthIndexOfDay(today);
  const recentFromMonth = thisMonth - settings.recentMonths + 1;
  const windowStart =
    input.settings.windowStart === undefined ? undefined : parseIsoDate(input.settings.windowStart);
  if (input.settings.windowStart !== undefined && windowStart === undefined) {
    throw new RangeError(`"windowStart" is not a date: ${input.settings.windowStart}`);
  }
  const recentFromDay =
    windowStart === undefined
      ? firstDayOfMonthIndex(recentFromMonth)
      : Math.min(windowStart, today);
  const recentToDay = windowStart === undefined ? firstDayOfMonthIndex(thisMonth + 1) - 1 : today;
  const weekLabels = new Map<number, PeriodLabel>();
  const monthLabels = new Map<number, PeriodLabel>();
  const clock: Clock = {
    weekLabel: (w) => {
      let label = weekLabels.get(w);
      if (!label)
        weekLabels.set(w, (label = periodLabel(isoWeekLabel(w), firstDayOfWeekIndex(w), 7)));
      return label;
    },
    monthLabel: (m) => {
      let label = monthLabels.get(m);
      if (!label) {
        const start = firstDayOfMonthIndex(m);
        monthLabels.set(
          m,
          (label = periodLabel(monthLabel(m), start, firstDayOfMonthIndex(m + 1) - start)),
        );
      }
      return label;
    },
    today,
    thisWeek: weekIndexOfDay(today),
    thisMonth,
    recentFromDay,
    recentToDay,
    recentDays: today - recentFromDay + 1,
    recentAllowanceDays: allowanceDays(recentFromDay, today, input.settings.openEnded === true),
  };

  // Pass 1: the local day and client of every row, and the overall range of days.
  const clientList = input.clients;
  const indexOf = new Map<string, number>();
  clientList.forEach((c, i) => indexOf.set(c.id, i));
  const contactDay = new Int32Array(input.contacts.length);
  const contactClient = new Int32Array(input.contacts.length);
  let minDay = today - 7;
  let maxDay = today;
  const known = input.dayMemo?.localDays(input.contacts, settings.timeZone, zone);
  input.contacts.forEach((c, i) => {
    const ci = indexOf.get(c.clientId) ?? -1;
    let day = 0;
    let readable: boolean;
    if (known) {
      readable = known.ok[i] === 1;
      day = known.day[i] ?? 0;
    } else {
      const ms = parseInstant(c.at);
      readable = Number.isFinite(ms);
      if (readable && ci >= 0) day = localDayOf(ms, zone);
    }
    contactClient[i] = readable ? ci : -1;
    if (ci < 0 || !readable) return;
    contactDay[i] = day;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  });
  const entryDay = new Int32Array(input.entries.length);
  const entryClient = new Int32Array(input.entries.length);
  // Five years have under 2000 distinct dates: parse each once.
  const dates = new Map<string, number | undefined>();
  input.entries.forEach((e, i) => {
    let day = dates.get(e.date);
    if (day === undefined && !dates.has(e.date)) {
      day = parseIsoDate(e.date);
      dates.set(e.date, day);
    }
    entryClient[i] =
      day === undefined ? -2 : e.clientId === undefined ? -1 : (indexOf.get(e.clientId) ?? -1);
    if (day === undefined) return;
    entryDay[i] = day;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  });

  // Pass 2: sums per client per week and month, in flat tables over that range. The month of each
  // day in the range is looked up, not recomputed from the calendar for every row.
  const monthOfDay = new Int32Array(maxDay - minDay + 1);
  for (let d = minDay; d <= maxDay; d++) monthOfDay[d - minDay] = monthIndexOfDay(d);
  const monthOf = (day: number): number => monthOfDay[day - minDay] ?? monthIndexOfDay(day);
  const firstWeek = weekIndexOfDay(minDay);
  const weekCount = weekIndexOfDay(maxDay) - firstWeek + 1;
  const firstMonth = monthIndexOfDay(minDay);
  const monthCount = monthIndexOfDay(maxDay) - firstMonth + 1;
  const sums: ClientSums[] = clientList.map((client) => ({
    client,
    weeks: new PeriodTable(firstWeek, weekCount),
    months: new PeriodTable(firstMonth, monthCount),
    recent: new PeriodTable(0, 1),
    firstDay: Infinity,
    lastDay: -Infinity,
    foreignCurrency: 0,
    unpriced: 0,
    billedWeeks: new Set<number>(),
  }));
  input.contacts.forEach((c, i) => {
    const ci = contactClient[i] ?? -1;
    // A negative index would send the array lookup down V8's slow string-key path: test it first.
    const s = ci >= 0 ? sums[ci] : undefined;
    if (!s) return;
    const day = contactDay[i] ?? 0;
    if (day < s.firstDay) s.firstDay = day;
    if (day > s.lastDay) s.lastDay = day;
    const adHoc = isAdHocContact(c) ? 1 : 0;
    const unbilled = (c.billed ?? c.kind === 'scheduled-meeting') ? 0 : c.minutes;
    const kind = KIND_INDEX[c.kind];
    s.weeks.addContact(weekIndexOfDay(day), kind, adHoc, c.minutes, unbilled);
    s.months.addContact(monthOf(day), kind, adHoc, c.minutes, unbilled);
    if (day >= recentFromDay && day <= recentToDay)
      s.recent.addContact(0, kind, adHoc, c.minutes, unbilled);
  });

  const revenueByCurrency: Record<string, number> = {};
  const unassigned = { entries: 0, minutes: 0 };
  input.entries.forEach((e, i) => {
    const ci = entryClient[i] ?? -2;
    if (ci === -2) return;
    const day = entryDay[i] ?? 0;
    const month = monthOf(day);
    const s = ci >= 0 ? sums[ci] : undefined;
    if (!s) {
      unassigned.entries++;
      unassigned.minutes += e.minutes;
      if (e.billable && e.currency && e.amountMinor && day >= recentFromDay && day <= recentToDay) {
        revenueByCurrency[e.currency] = (revenueByCurrency[e.currency] ?? 0) + e.amountMinor;
      }
      return;
    }
    if (day < s.firstDay) s.firstDay = day;
    if (day > s.lastDay) s.lastDay = day;
    const revenue = revenueOf(e, s);
    s.weeks.addEntry(weekIndexOfDay(day), e.billable, e.minutes, revenue);
    s.months.addEntry(month, e.billable, e.minutes, revenue);
    if (day >= recentFromDay && day <= recentToDay) {
      s.recent.addEntry(0, e.billable, e.minutes, revenue);
      if (e.billable && e.minutes > 0) s.billedWeeks.add(weekIndexOfDay(day));
    }
  });

  const partial = sums.map((s) => summarise(s, settings, clock));
  for (const p of partial) {
    if (p.recent.revenueMinor !== 0) {
      revenueByCurrency[p.currency] = (revenueByCurrency[p.currency] ?? 0) + p.recent.revenueMinor;
    }
  }
  const clients: ClientAnalysis[] = partial.map((p, i) => {
    const total = revenueByCurrency[p.currency] ?? 0;
    const revenueShare = total > 0 ? p.recent.revenueMinor / total : null;
    const recommendation = recommend({
      client: clientList[i] as LedgerClient,
      weeklyAllowance: p.weeklyAllowance,
      recent: p.recent,
      recentDays: clock.recentDays,
      periodWeeks: weekIndexOfDay(clock.today) - weekIndexOfDay(clock.recentFromDay) + 1,
      streak: p.overAllowanceStreak,
      billedWeeks: p.billedWeeks,
      share: revenueShare,
      settings,
    });
    return { ...p, revenueShare, recommendation };
  });
  return { settings, clients, revenueByCurrency, unassigned };
}

/** An entry's revenue for its client (see the formulas above); counts entries it had to guess. */
function revenueOf(e: TimeEntry, s: ClientSums): number {
  if (!e.billable) return 0;
  const ownAmount = e.amountMinor !== undefined && e.amountMinor > 0;
  if (ownAmount && (e.currency === undefined || e.currency === s.client.currency))
    return e.amountMinor ?? 0;
  if (ownAmount) s.foreignCurrency++;
  if (s.client.hourlyRateMinor !== undefined)
    return Math.round((e.minutes * s.client.hourlyRateMinor) / 60);
  s.unpriced++;
  return 0;
}

/** Dense week and month series, the current periods, the recent window and the streak for one client. */
function summarise(
  s: ClientSums,
  settings: ResolvedAnalysisSettings,
  clock: Clock,
): Omit<ClientAnalysis, 'revenueShare' | 'recommendation'> {
  const { client } = s;
  const allowance = client.adHocAllowancePerWeek ?? settings.weeklyAllowance;
  const recovery = settings.recoveryMinutes;
  const hasData = s.firstDay <= s.lastDay;

  const weeks: PeriodStats[] = [];
  const fromWeek = Math.min(clock.thisWeek - 1, hasData ? weekIndexOfDay(s.firstDay) : Infinity);
  const toWeek = Math.max(clock.thisWeek, hasData ? weekIndexOfDay(s.lastDay) : -Infinity);
  for (let w = fromWeek; w <= toWeek; w++) {
    weeks.push(
      finalize(
        s.weeks.sums,
        s.weeks.row(w),
        clock.weekLabel(w),
        allowance,
        recovery,
        weeks[weeks.length - 1] ?? null,
      ),
    );
  }
  const months: PeriodStats[] = [];
  const fromMonth = Math.min(clock.thisMonth - 1, hasData ? monthIndexOfDay(s.firstDay) : Infinity);
  const toMonth = Math.max(clock.thisMonth, hasData ? monthIndexOfDay(s.lastDay) : -Infinity);
  for (let m = fromMonth; m <= toMonth; m++) {
    months.push(
      finalize(
        s.months.sums,
        s.months.row(m),
        clock.monthLabel(m),
        allowance,
        recovery,
        months[months.length - 1] ?? null,
      ),
    );
  }
  const recentLabel = periodLabel('recent', clock.recentFromDay, clock.recentDays);
  const recent = finalize(
    s.recent.sums,
    0,
    recentLabel,
    allowance,
    recovery,
    null,
    clock.recentAllowanceDays,
  );

  const weekAt = (w: number): PeriodStats => weeks[w - fromWeek] as PeriodStats;
  // The streak stays inside the window: only weeks that begin in it count, so a two-day period
  // never speaks of weeks the screen does not show.
  const firstWindowWeek = weekIndexOfDay(clock.recentFromDay + 6);
  let streak = 0;
  let w = weekAt(clock.thisWeek).overAllowance > 0 ? clock.thisWeek : clock.thisWeek - 1;
  while (w >= Math.max(fromWeek, firstWindowWeek) && weekAt(w).overAllowance > 0) {
    streak++;
    w--;
  }

  const warnings: string[] = [];
  const words = reasonFormat(settings.locale, client.currency);
  if (s.foreignCurrency > 0) {
    warnings.push(
      REASONS.foreignCurrency(words, { count: s.foreignCurrency, currency: client.currency }),
    );
  }
  if (s.unpriced > 0) {
    warnings.push(REASONS.unpriced(words, { count: s.unpriced, name: client.name }));
  }

  const result: Omit<ClientAnalysis, 'revenueShare' | 'recommendation'> = {
    clientId: client.id,
    name: client.name,
    currency: client.currency,
    weeklyAllowance: allowance,
    weeks,
    months,
    thisWeek: weekAt(clock.thisWeek),
    lastWeek: weekAt(clock.thisWeek - 1),
    thisMonth: months[clock.thisMonth - fromMonth] as PeriodStats,
    lastMonth: months[clock.thisMonth - 1 - fromMonth] as PeriodStats,
    recent,
    overAllowanceStreak: streak,
    billedWeeks: s.billedWeeks.size,
    warnings,
  };
  if (client.hourlyRateMinor !== undefined) result.nominalRateMinor = client.hourlyRateMinor;
  const target = client.targetRateMinor ?? client.hourlyRateMinor;
  if (target !== undefined) result.targetRateMinor = target;
  return result;
}
