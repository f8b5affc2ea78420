/**
 * Boundary scripts the user can send or say, in English and German (formal "Sie"): a standing-call
 * proposal, the voicemail follow-up, talking points for the availability conversation, and a
 * rate-change notice. Each is filled with the client's name, this period's numbers from the analysis
 * and the next standing call, formatted with Intl in the client's locale and zone ("our next call"
 * when no call is known). Plain templates: the user edits before sending.
 */
import type { ClientAnalysis } from '../../../shared/analysis.js';
import type { LedgerClient } from '../../../shared/ledger.js';
import { civilFromDays, daysFromCivil, parseIsoDate } from '../time/civil.js';
import { dateTimeFormat, formatDay, formatHours, formatMoney, formatPercent } from './format.js';

/** The languages scripts come in. */
export type ScriptLanguage = 'en' | 'de';

/** A script: a subject for e-mails, and the text. */
export interface Script {
  language: ScriptLanguage;
  subject?: string;
  body: string;
}

/** What a script is filled with. */
export interface ScriptInput {
  client: LedgerClient;
  analysis: ClientAnalysis;
  /** Default: German when the client's locale is German, else English. */
  language?: ScriptLanguage;
  /** The person addressed ("Frau Weber"); without it a neutral greeting. */
  contactName?: string;
  /** The user's name under e-mails. */
  senderName?: string;
  /** Zone for dates when the client has none (the user's zone; default UTC). */
  timeZone?: string;
  /** For the rate-change notice: the date the new rate applies (YYYY-MM-DD); default the first of
   * the month at least 30 days after the analysis' today. */
  effectiveDate?: string;
  /** For the rate-change notice: the new rate, when not the recommended one. */
  newRateMinor?: number;
}

/** The language to write to a client in, from its locale. */
export function scriptLanguage(client: LedgerClient): ScriptLanguage {
  return client.locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

interface Ctx {
  lang: ScriptLanguage;
  locale: string;
  tz: string;
  money: (minor: number) => string;
  hours: (minutes: number) => string;
  /** "Friday 14 June at 10:00" / "Freitag, 14. Juni um 10:00", or undefined without a known call. */
  nextCall?: string;
  /** The first day of the analysis' recent window, e.g. "1 April 2025". */
  since: string;
  greeting: string;
  closing: string;
}

function context(input: ScriptInput): Ctx {
  const lang = input.language ?? scriptLanguage(input.client);
  const locale = input.client.locale ?? (lang === 'de' ? 'de-DE' : 'en-GB');
  const tz = input.client.timeZone ?? input.timeZone ?? 'UTC';
  const ctx: Ctx = {
    lang,
    locale,
    tz,
    money: (minor) => formatMoney(minor, input.client.currency, locale),
    hours: (minutes) => formatHours(minutes, locale),
    since: formatDay(input.analysis.recent.start, locale),
    // Without a named person the client's name still opens the message, so it reads as written to them.
    greeting:
      lang === 'de'
        ? input.contactName
          ? `Guten Tag ${input.contactName},`
          : `Guten Tag an das Team von ${input.client.name},`
        : input.contactName
          ? `Hello ${input.contactName},`
          : `Hello ${input.client.name} team,`,
    closing:
      (lang === 'de' ? 'Mit freundlichen Grüßen' : 'Best regards') +
      (input.senderName ? `\n${input.senderName}` : ''),
  };
  const next = input.client.nextStandingCall;
  if (next !== undefined && Number.isFinite(Date.parse(next))) {
    ctx.nextCall = dateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: tz,
    }).format(new Date(next));
  }
  return ctx;
}

/** Proposes a standing weekly call instead of calls at any time. */
export function standingCallProposal(input: ScriptInput): Script {
  const c = context(input);
  const { thisWeek, lastWeek, weeklyAllowance } = input.analysis;
  const minutes = thisWeek.contactMinutes + lastWeek.contactMinutes;
  if (c.lang === 'de') {
    return {
      language: 'de',
      subject: 'Vorschlag: ein fester wöchentlicher Termin',
      body: [
        c.greeting,
        '',
        `in den letzten beiden Wochen haben Sie mich ${lastWeek.adHoc}- und ${thisWeek.adHoc}-mal außerhalb unserer vereinbarten Termine kontaktiert, ` +
          `zusammen etwa ${c.hours(minutes)} Stunden. Ich helfe Ihnen gern – und möchte, dass Sie dabei meine volle Aufmerksamkeit haben.`,
        '',
        'Deshalb schlage ich einen festen wöchentlichen Termin von 30 Minuten vor, in dem wir alles besprechen, was ein paar Tage warten kann. ' +
          `Für wirklich Dringendes bin ich natürlich weiterhin erreichbar; ich plane mit bis zu ${weeklyAllowance} kurzfristigen ${weeklyAllowance === 1 ? 'Anruf' : 'Anrufen'} pro Woche.`,
        '',
        c.nextCall
          ? `Passt Ihnen dafür der Termin am ${c.nextCall} als Start?`
          : 'Welcher Wochentag und welche Uhrzeit würden Ihnen dafür passen?',
        '',
        c.closing,
      ].join('\n'),
    };
  }
  return {
    language: 'en',
    subject: 'Proposal: a standing weekly call',
    body: [
      c.greeting,
      '',
      `Over the last two weeks you reached me ${lastWeek.adHoc} and ${thisWeek.adHoc} times outside our planned meetings, ` +
        `about ${c.hours(minutes)} hours in all. I'm glad to help – and I want you to have my full attention when I do.`,
      '',
      "So I'd like to suggest a standing 30-minute call every week for everything that can wait a few days. " +
        `For anything truly urgent you can still reach me; I plan for up to ${weeklyAllowance} short-notice ${weeklyAllowance === 1 ? 'call' : 'calls'} a week.`,
      '',
      c.nextCall ? `Shall we start with ${c.nextCall}?` : 'Which day and time would suit you?',
      '',
      c.closing,
    ].join('\n'),
  };
}

/** The short reply to a voicemail that steers the matter to the next standing call. */
export function voicemailFollowUp(input: ScriptInput): Script {
  const c = context(input);
  if (c.lang === 'de') {
    const when = c.nextCall
      ? `bis zu unserem Gespräch am ${c.nextCall}`
      : 'bis zu unserem nächsten Gespräch';
    return {
      language: 'de',
      body:
        `Danke für Ihre Sprachnachricht – ich bin heute größtenteils nicht erreichbar. Kann das ${when} warten? ` +
        'Falls es dringend ist, schreiben Sie mir kurz, worum es geht; dann melde ich mich so bald wie möglich.',
    };
  }
  const when = c.nextCall ? `our call on ${c.nextCall}` : 'our next call';
  return {
    language: 'en',
    body:
      `Got your voicemail – I'm not free most of today; can it wait for ${when}? ` +
      "If it's urgent, send me a line about what it concerns and I'll get back to you as soon as I can.",
  };
}

/** Talking points for the conversation about availability (for the user to say, not to send). */
export function availabilityConversation(input: ScriptInput): Script {
  const c = context(input);
  const a = input.analysis;
  const r = a.recommendation;
  const burden = a.recent.unbilledContactMinutes + a.recent.overheadMinutes;
  const de = c.lang === 'de';
  const lines: string[] = [];
  if (r.walkAwayWarning) {
    lines.push(
      de
        ? 'Vorher: Legen Sie fest, ab wann Sie den Auftrag beenden würden.'
        : 'Before the call: decide your walk-away point first.',
      '',
    );
  }
  if (de) {
    lines.push(
      `– Seit dem ${c.since} haben Sie mich ${a.recent.adHoc}-mal kurzfristig kontaktiert – diese Woche ${a.thisWeek.adHoc}-mal, ` +
        `eingeplant habe ich ${a.weeklyAllowance} pro Woche.`,
      `– Dazu kommt jedes Mal die Zeit, danach wieder konzentriert zu arbeiten: zusammen rund ${c.hours(burden)} Stunden, die nicht abgerechnet sind.`,
    );
    if (a.recent.effectiveRateMinor !== null && a.nominalRateMinor !== undefined) {
      lines.push(
        `– Damit liegt mein effektiver Stundensatz für Ihre Projekte bei ${c.money(a.recent.effectiveRateMinor)} statt ${c.money(a.nominalRateMinor)}.`,
      );
    }
    lines.push(
      c.nextCall
        ? `– Mein Vorschlag: Wir sammeln, was warten kann, für unseren festen Termin – das nächste Mal am ${c.nextCall}.`
        : '– Mein Vorschlag: Wir sammeln, was warten kann, für einen festen wöchentlichen Termin.',
    );
    if (r.newRateMinor !== undefined) {
      lines.push(
        `– Wenn Sie diese Erreichbarkeit weiterhin brauchen, müsste mein Stundensatz ${c.money(r.newRateMinor)} betragen` +
          (r.increasePercent !== undefined
            ? ` (${formatPercent(r.increasePercent, c.locale)} mehr)`
            : '') +
          (r.retainerMinorPerMonth !== undefined
            ? `, oder wir vereinbaren eine Verfügbarkeitspauschale von ${c.money(r.retainerMinorPerMonth)} im Monat.`
            : '.'),
      );
    }
    return { language: 'de', body: lines.join('\n') };
  }
  lines.push(
    `– Since ${c.since} you've reached me ${a.recent.adHoc === 1 ? 'once' : `${a.recent.adHoc} times`} at short notice – ${a.thisWeek.adHoc} this week, ` +
      `where I plan for ${a.weeklyAllowance} a week.`,
    `– Each one also costs the time to get back into focused work: about ${c.hours(burden)} hours in all that aren't billed.`,
  );
  if (a.recent.effectiveRateMinor !== null && a.nominalRateMinor !== undefined) {
    lines.push(
      `– That brings my effective rate on your work down to ${c.money(a.recent.effectiveRateMinor)} an hour instead of ${c.money(a.nominalRateMinor)}.`,
    );
  }
  lines.push(
    c.nextCall
      ? `– My suggestion: we keep what can wait for our standing call – the next one is on ${c.nextCall}.`
      : '– My suggestion: we keep what can wait for a standing weekly call.',
  );
  if (r.newRateMinor !== undefined) {
    lines.push(
      `– If you need me at this level of availability, my rate would need to be ${c.money(r.newRateMinor)} an hour` +
        (r.increasePercent !== undefined
          ? ` (${formatPercent(r.increasePercent, c.locale)} more)`
          : '') +
        (r.retainerMinorPerMonth !== undefined
          ? `, or we agree an availability retainer of ${c.money(r.retainerMinorPerMonth)} a month.`
          : '.'),
    );
  }
  return { language: 'en', body: lines.join('\n') };
}

/** The first of a month at least 30 days after a date (day number), so the client has a month's notice. */
function defaultEffectiveDay(today: number): number {
  const { year, month, day } = civilFromDays(today + 30);
  if (day === 1) return today + 30;
  return month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
}

/**
 * The notice of a new hourly rate, with the reason in numbers and the alternatives (the standing call,
 * an availability retainer). Null when there is no new rate (none recommended and none given).
 */
export function rateChangeNotice(input: ScriptInput): Script | null {
  const c = context(input);
  const a = input.analysis;
  const r = a.recommendation;
  const newRate = input.newRateMinor ?? r.newRateMinor;
  if (newRate === undefined) return null;
  const today = parseIsoDate(a.recent.end) ?? 0;
  const effective =
    input.effectiveDate === undefined
      ? defaultEffectiveDay(today)
      : parseIsoDate(input.effectiveDate);
  if (effective === undefined)
    throw new RangeError(`effectiveDate is not a date: ${input.effectiveDate ?? ''}`);
  const dateText = formatDay(effective, c.locale);
  const current = a.nominalRateMinor;
  const percent =
    current !== undefined && current > 0
      ? formatPercent(Math.round(((newRate - current) / current) * 1000) / 10, c.locale)
      : undefined;
  const burden = a.recent.unbilledContactMinutes + a.recent.overheadMinutes;
  if (c.lang === 'de') {
    return {
      language: 'de',
      subject: `Anpassung meines Stundensatzes ab dem ${dateText}`,
      body: [
        c.greeting,
        '',
        `ab dem ${dateText} berechne ich für meine Arbeit für Sie ${c.money(newRate)} pro Stunde` +
          (current !== undefined
            ? ` statt bisher ${c.money(current)}${percent ? ` (+${percent})` : ''}.`
            : '.'),
        '',
        `Hintergrund ist die Erreichbarkeit, mit der wir seit dem ${c.since} gearbeitet haben: ${a.recent.adHoc} Anrufe und ` +
          `kurzfristige Termine außerhalb unserer vereinbarten Zeiten – mit der Zeit, die es danach braucht, wieder konzentriert zu arbeiten, ` +
          `rund ${c.hours(burden)} Stunden, die mein bisheriger Satz nicht abdeckt.`,
        '',
        (c.nextCall
          ? `Wenn Sie beim bisherigen Satz bleiben möchten, bündeln wir Ihre Anliegen wieder in unserem festen Termin (das nächste Mal am ${c.nextCall}) `
          : 'Wenn Sie beim bisherigen Satz bleiben möchten, bündeln wir Ihre Anliegen in einem festen wöchentlichen Termin ') +
          'und telefonieren dazwischen nur bei dringenden Themen.' +
          (r.retainerMinorPerMonth !== undefined
            ? ` Alternativ deckt eine monatliche Verfügbarkeitspauschale von ${c.money(r.retainerMinorPerMonth)} die zusätzliche Erreichbarkeit ab.`
            : ''),
        '',
        'Gern bespreche ich das mit Ihnen in unserem nächsten Gespräch.',
        '',
        c.closing,
      ].join('\n'),
    };
  }
  return {
    language: 'en',
    subject: `Change to my hourly rate from ${dateText}`,
    body: [
      c.greeting,
      '',
      `From ${dateText}, my hourly rate for your work will be ${c.money(newRate)}` +
        (current !== undefined
          ? ` instead of ${c.money(current)}${percent ? ` (+${percent})` : ''}.`
          : '.'),
      '',
      `The reason is the availability we have been working with since ${c.since}: ${a.recent.adHoc} calls and short-notice ` +
        `meetings outside our planned times – with the time it takes to get back into focused work, about ${c.hours(burden)} hours ` +
        'that my current rate does not cover.',
      '',
      (c.nextCall
        ? `If you would rather keep the current rate, we can go back to collecting things for our standing call (the next one is on ${c.nextCall}) `
        : 'If you would rather keep the current rate, we can collect things for a standing weekly call ') +
        'and keep calls in between for urgent matters.' +
        (r.retainerMinorPerMonth !== undefined
          ? ` Alternatively, an availability retainer of ${c.money(r.retainerMinorPerMonth)} a month covers the extra availability.`
          : ''),
      '',
      "I'm happy to talk it through on our next call.",
      '',
      c.closing,
    ].join('\n'),
  };
}
