/**
 * The main process's words: the tray, notifications and app menu namespaces of the shared
 * catalogues (shared/i18n), in the language the settings pick or else the OS locale's.
 */
import i18next, { type i18n } from 'i18next';
import deAppMenu from '../../shared/i18n/de/app-menu.js';
import deNotifications from '../../shared/i18n/de/notifications.js';
import deTray from '../../shared/i18n/de/tray.js';
import enAppMenu from '../../shared/i18n/en/app-menu.js';
import enNotifications from '../../shared/i18n/en/notifications.js';
import enTray from '../../shared/i18n/en/tray.js';

/** Languages the app speaks. */
export type AppLanguage = 'en' | 'de';

/** A catalogue key without i18next's plural suffix (`forHours_one` is asked for as `forHours`). */
type BaseKey<K> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** Looks up one namespace's key with interpolation values (`count` picks the plural form). */
export type Translate<C> = (
  key: BaseKey<keyof C & string>,
  values?: Record<string, string | number>,
) => string;

/** The three namespaces the main process uses, bound to one language. */
export interface AppWords {
  language: AppLanguage;
  /** BCP 47 tag for Intl formatting. */
  locale: string;
  tray: Translate<typeof enTray>;
  notifications: Translate<typeof enNotifications>;
  appMenu: Translate<typeof enAppMenu>;
}

/** The catalogues per language and namespace. */
export const APP_RESOURCES = {
  en: { tray: enTray, notifications: enNotifications, appMenu: enAppMenu },
  de: { tray: deTray, notifications: deNotifications, appMenu: deAppMenu },
} as const;

/** The language for a `language` setting ('system' or a language) and the OS locale (`app.getLocale()`). */
export function pickAppLanguage(setting: string | undefined, osLocale: string): AppLanguage {
  if (setting === 'en' || setting === 'de') return setting;
  return /^de(?:[-_]|$)/i.test(osLocale.trim()) ? 'de' : 'en';
}

/** The main process's words in `language`. */
export function createAppWords(language: AppLanguage): AppWords {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: APP_RESOURCES,
    ns: ['tray', 'notifications', 'appMenu'],
    initAsync: false,
    keySeparator: false,
    // Menus and notifications are plain text, not HTML.
    interpolation: { escapeValue: false },
  });
  const bind =
    <C>(ns: string): Translate<C> =>
    (key, values) =>
      instance.t(key, { ns, ...values });
  return {
    language,
    locale: language === 'de' ? 'de-DE' : 'en-GB',
    tray: bind('tray'),
    notifications: bind('notifications'),
    appMenu: bind('appMenu'),
  };
}
