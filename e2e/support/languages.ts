/** The UI languages the browser tests run the dashboard in, each by the browser locale that picks it. */
import type { Language } from '../../shared/i18n/index.js';

/** One language run: the UI language, the browser locale that selects it, and its name in test titles. */
export interface LanguageRun {
  language: Language;
  locale: string;
  title: string;
}

/** English (en-US, Playwright's default) and German (de-DE): every story and screen runs in both. */
export const LANGUAGE_RUNS: readonly LanguageRun[] = [
  { language: 'en', locale: 'en-US', title: 'in English' },
  { language: 'de', locale: 'de-DE', title: 'in German' },
];

/** The text for the run's language from a pair written side by side (for texts not in the catalogues). */
export function inLanguage<T>(language: Language, texts: Record<Language, T>): T {
  return language === 'de' ? texts.de : texts.en;
}
