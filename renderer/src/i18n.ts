/**
 * The dashboard's one i18next instance (through react-i18next), in the language the user chose in
 * Settings or, by default, the browser's/OS's first language we speak. Screens import `useTranslation`
 * and `Trans` from here, so the instance exists wherever a screen renders (tests included).
 */
import { createInstance, type i18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { pickLanguage, translatorOptions, type Language } from '../../shared/i18n/index.js';

export { Trans, useTranslation } from 'react-i18next';

/** A language preference as Settings stores it. */
export type LanguagePreference = 'system' | Language;

/** The browser's (and so the OS's) first language the dashboard speaks; English otherwise. */
export function systemLanguage(): Language {
  return pickLanguage(typeof navigator === 'undefined' ? undefined : navigator.languages);
}

/** The language a preference means on this machine. */
export function resolveLanguage(preference: LanguagePreference | undefined): Language {
  return !preference || preference === 'system' ? systemLanguage() : preference;
}

/** The dashboard's instance, already initialised (catalogues are bundled). */
export const dashboardI18n: i18n = createInstance();
dashboardI18n.use(initReactI18next);
void dashboardI18n.init(translatorOptions(systemLanguage()));

/** Switches the whole dashboard to `preference` and sets the page's `lang` for screen readers. */
export async function applyLanguage(preference: LanguagePreference | undefined): Promise<void> {
  const lang = resolveLanguage(preference);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  if (dashboardI18n.language !== lang) await dashboardI18n.changeLanguage(lang);
}

/**
 * The BCP 47 locale to format dates, numbers and money with: the browser's own locale when it is in
 * the UI language (so en-US keeps its 12-hour clock and en-GB its 24-hour one), else the bare language.
 */
export function formatLocale(lang: string): string {
  const own = typeof navigator === 'undefined' ? [] : navigator.languages;
  return (
    own.find((tag) => pickLanguage(tag) === lang && tag.toLowerCase().startsWith(lang)) ?? lang
  );
}

/** The current UI language and the locale to format in, re-rendering on a switch. */
export function useLocale(): { language: Language; locale: string } {
  const { i18n: instance } = useTranslation();
  const language = pickLanguage(instance.language);
  return { language, locale: formatLocale(language) };
}
