/**
 * The recommendation's reasons in plain words, English and German (formal "Sie"). Each reason is
 * written in one language with numbers, money and dates formatted in that same language's locale, so
 * a report never mixes "4,5 h" into an English sentence.
 */
import { formatDay, formatHours, formatMoney, formatPercent } from './format.js';

/** The languages the reasons come in. */
export type ReasonLanguage = 'en' | 'de';

/** The language a locale tag writes in ("de-AT" → de, anything else → en). */
export function reasonLanguage(locale: string): ReasonLanguage {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** Formatters bound to one locale and currency. */
export interface ReasonFormat {
  lang: ReasonLanguage;
  money: (minor: number) => string;
  hours: (minutes: number) => string;
  number: (n: number) => string;
  percent: (percent: number) => string;
  day: (isoDate: string) => string;
}

/** Formatters for one locale and currency. */
export function reasonFormat(locale: string, currency: string): ReasonFormat {
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    lang: reasonLanguage(locale),
    money: (minor) => formatMoney(minor, currency, locale),
    hours: (minutes) => formatHours(minutes, locale),
    number: (n) => numberFormat.format(n),
    percent: (p) => formatPercent(p, locale),
    day: (d) => formatDay(d, locale),
  };
}

/** The sentences the recommendation and the data warnings are made of. */
export const REASONS = {
  demand: (
    f: ReasonFormat,
    v: {
      name: string;
      adHoc: number;
      start: string;
      end: string;
      allowance: number;
      weekly: number;
    },
  ): string =>
    f.lang === 'de'
      ? `${v.name} hat Sie vom ${f.day(v.start)} bis ${f.day(v.end)} ${f.number(v.adHoc)}-mal außerhalb vereinbarter Termine kontaktiert; ` +
        `vereinbart sind für diese Zeit ${f.number(v.allowance)} (${f.number(v.weekly)} pro Woche).`
      : `${v.name} reached you unscheduled ${v.adHoc === 1 ? 'once' : `${f.number(v.adHoc)} times`} from ${f.day(v.start)} to ${f.day(v.end)}; ` +
        `the allowance for that time is ${f.number(v.allowance)} (${f.number(v.weekly)} a week).`,
  streak: (f: ReasonFormat, weeks: number): string =>
    f.lang === 'de'
      ? `Das liegt ${f.number(weeks)} Wochen in Folge über dem Vereinbarten.`
      : `That is over the allowance ${f.number(weeks)} weeks running.`,
  time: (
    f: ReasonFormat,
    v: {
      billed: number;
      unbilled: number;
      overhead: number;
      adHoc: number;
      recovery: number;
      label: string;
    },
  ): string =>
    f.lang === 'de'
      ? `In dieser Zeit: ${f.hours(v.billed)} h abgerechnet, ${f.hours(v.unbilled)} h nicht abgerechnete Anrufe und Termine ` +
        `und ${f.hours(v.overhead)} h, um wieder konzentriert zu arbeiten (${f.number(v.adHoc)} ${v.adHoc === 1 ? 'Unterbrechung' : 'Unterbrechungen'} × ${f.number(v.recovery)} min, ${v.label}).`
      : `In that time: ${f.hours(v.billed)} h billed, ${f.hours(v.unbilled)} h of unbilled calls and meetings, ` +
        `and ${f.hours(v.overhead)} h getting back into focus (${f.number(v.adHoc)} ${v.adHoc === 1 ? 'interruption' : 'interruptions'} × ${f.number(v.recovery)} min, ${v.label}).`,
  noRate: (f: ReasonFormat, name: string): string =>
    f.lang === 'de'
      ? `Hinterlegen Sie einen Stundensatz für ${name}, um zu sehen, was diese Erreichbarkeit Sie kostet.`
      : `Set an hourly rate for ${name} to see what this availability costs you.`,
  effective: (f: ReasonFormat, v: { effective: number; target: number }): string =>
    f.lang === 'de'
      ? `Das ergibt einen effektiven Stundensatz von ${f.money(v.effective)}/h bei einem Ziel von ${f.money(v.target)}/h.`
      : `That makes an effective rate of ${f.money(v.effective)}/h against your target of ${f.money(v.target)}/h.`,
  newRate: (
    f: ReasonFormat,
    v: { rate: number; percent?: number | undefined; current: number; retainer: number },
  ): string =>
    f.lang === 'de'
      ? `Bei dieser Erreichbarkeit müsste Ihr Stundensatz ${f.money(v.rate)}/h betragen` +
        (v.percent !== undefined
          ? ` (${f.percent(v.percent)} mehr als ${f.money(v.current)}/h)`
          : '') +
        ` – oder eine Erreichbarkeitspauschale von ${f.money(v.retainer)} im Monat zum jetzigen Satz.`
      : `At this availability your rate would need to be ${f.money(v.rate)}/h` +
        (v.percent !== undefined
          ? ` (${f.percent(v.percent)} more than ${f.money(v.current)}/h)`
          : '') +
        `, or an availability retainer of ${f.money(v.retainer)} a month at your current rate.`,
  notEnoughData: (f: ReasonFormat, v: { have: number; need: number }): string =>
    f.lang === 'de'
      ? `Noch nicht genug Daten für eine Entscheidung über den Satz: abgerechnete Stunden in ${f.number(v.have)} von ${f.number(v.need)} nötigen Wochen. ` +
        'Importieren Sie den Export Ihrer Zeiterfassung oder wählen Sie einen längeren Zeitraum.'
      : `Not enough data yet for a rate decision: billed hours in ${f.number(v.have)} of the ${f.number(v.need)} weeks needed. ` +
        "Import your time tracker's export, or choose a longer period.",
  periodTooShort: (f: ReasonFormat, v: { weeks: number; need: number }): string =>
    f.lang === 'de'
      ? `Für eine Entscheidung über den Satz ist dieser Zeitraum zu kurz: Er umfasst ${f.number(v.weeks)} ${v.weeks === 1 ? 'Woche' : 'Wochen'}, nötig sind abgerechnete Stunden in ${f.number(v.need)} Wochen. ` +
        (v.need <= 12
          ? 'Wählen Sie einen längeren Zeitraum, etwa die letzten 12 Wochen.'
          : `Wählen Sie einen Zeitraum von mindestens ${f.number(v.need)} Wochen.`)
      : `This period is too short for a rate decision: it covers ${f.number(v.weeks)} ${v.weeks === 1 ? 'week' : 'weeks'}, and a decision needs billed hours in ${f.number(v.need)} weeks. ` +
        (v.need <= 12
          ? 'Choose a longer period, such as the last 12 weeks.'
          : `Choose a period of at least ${f.number(v.need)} weeks.`),
  scope: (f: ReasonFormat): string =>
    f.lang === 'de'
      ? 'In dieser Zeit wurde nichts abgerechnet, obwohl der Kunde Sie über das Vereinbarte hinaus kontaktiert hat: ' +
        'gab es nichts Abrechenbares, sprechen Sie zuerst über den Umfang des Auftrags – kein Stundensatz gleicht das aus.'
      : 'Nothing was billed in that time although they reached you beyond the allowance: if there was no billable work, ' +
        'talk about the scope of the engagement first – no rate can make up for it.',
  proposeStandingCall: (f: ReasonFormat): string =>
    f.lang === 'de'
      ? 'Es gibt noch keinen festen Termin: Bieten Sie einen an, damit alles, was warten kann, seinen Platz hat.'
      : 'There is no standing call yet: offer one, so what can wait has a fixed place.',
  standingCallContinues: (f: ReasonFormat): string =>
    f.lang === 'de'
      ? 'Der feste Termin besteht, und die kurzfristigen Kontakte gehen weiter.'
      : 'The standing call is in place and the unscheduled contacts continue.',
  pointToStandingCall: (f: ReasonFormat): string =>
    f.lang === 'de'
      ? 'Ihr effektiver Stundensatz erreicht Ihr Ziel noch: Verweisen Sie vorerst auf den festen Termin.'
      : 'Your effective rate still meets your target: point them to the standing call for now.',
  overOnce: (f: ReasonFormat): string =>
    f.lang === 'de'
      ? 'In einer Woche über dem Vereinbarten, nicht in zwei aufeinanderfolgenden: Behalten Sie es im Blick.'
      : 'Over the allowance in one week, not two running: keep an eye on it.',
  withinBoundaries: (f: ReasonFormat): string =>
    f.lang === 'de'
      ? 'Die kurzfristigen Kontakte liegen im Vereinbarten, und der effektive Stundensatz erreicht Ihr Ziel.'
      : 'Unscheduled contacts are within the allowance and the effective rate meets your target.',
  walkAway: (f: ReasonFormat, v: { name: string; share: number; currency: string }): string =>
    f.lang === 'de'
      ? `${v.name} bringt in dieser Zeit ${f.percent(v.share * 100)} Ihres Umsatzes in ${v.currency}: ` +
        'Legen Sie zuerst fest, ab wann Sie den Auftrag beenden würden.'
      : `${v.name} brings ${f.percent(v.share * 100)} of your ${v.currency} revenue in that time: ` +
        'decide your walk-away point first.',
  foreignCurrency: (f: ReasonFormat, v: { count: number; currency: string }): string => {
    const one = v.count === 1;
    return f.lang === 'de'
      ? `${f.number(v.count)} ${one ? 'Zeiteintrag ist' : 'Zeiteinträge sind'} in einer anderen Währung als ${v.currency} bepreist; ` +
          `${one ? 'er wurde' : 'sie wurden'} zum Satz des Kunden bewertet.`
      : `${f.number(v.count)} time ${one ? 'entry is' : 'entries are'} priced in another currency than ${v.currency}; ` +
          `${one ? 'it was' : 'they were'} valued at the client's rate.`;
  },
  unpriced: (f: ReasonFormat, v: { count: number; name: string }): string => {
    const one = v.count === 1;
    return f.lang === 'de'
      ? `${f.number(v.count)} ${one ? 'abrechenbarer Zeiteintrag hat' : 'abrechenbare Zeiteinträge haben'} keinen Betrag, und für ${v.name} ist kein Stundensatz hinterlegt: ` +
          `${one ? 'Er zählt' : 'Sie zählen'} nicht zum Umsatz.`
      : `${f.number(v.count)} billable time ${one ? 'entry has' : 'entries have'} no amount and ${v.name} has no hourly rate: ` +
          `${one ? 'it counts' : 'they count'} as no revenue.`;
  },
} as const;
