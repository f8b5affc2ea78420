/** The catalogues' `t` as the page objects use it: find controls by the names the UI gives them. */
import { type Language, createTranslator } from '../../shared/i18n/index.js';

/** A translator bound to one language (keys are checked against the English catalogues). */
export type Translate = ReturnType<typeof createTranslator>['t'];

const cache = new Map<Language, Translate>();

/** The translator of `language`, made once per language. */
export function translatorFor(language: Language = 'en'): Translate {
  let t = cache.get(language);
  if (!t) cache.set(language, (t = createTranslator(language).t));
  return t;
}

/** "1 hour", "30 Minuten": a duration as the dashboard says it in words (Intl, long units). */
export function minutesInWords(minutes: number, language: Language): string {
  const unit = (n: number, u: 'hour' | 'minute'): string =>
    new Intl.NumberFormat(language, { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return unit(m, 'minute');
  return m === 0 ? unit(h, 'hour') : `${unit(h, 'hour')} ${unit(m, 'minute')}`;
}
