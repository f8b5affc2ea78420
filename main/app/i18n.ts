/**
 * The main process's words: the tray, notifications and app menu namespaces of the shared
 * catalogues (shared/i18n), in the language the settings pick or else the OS locale's.
 */
import {
  type Language,
  createTranslator,
  pickLanguage,
  resources,
} from '../../shared/i18n/index.js';

/** Languages the app speaks. */
export type AppLanguage = Language;

type Catalogues = (typeof resources)['en'];

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
  tray: Translate<Catalogues['tray']>;
  notifications: Translate<Catalogues['notifications']>;
  appMenu: Translate<Catalogues['appMenu']>;
}

/** The main process's catalogues per language (the shared ones, for the parity check here). */
export const APP_RESOURCES = {
  en: {
    tray: resources.en.tray,
    notifications: resources.en.notifications,
    appMenu: resources.en.appMenu,
  },
  de: {
    tray: resources.de.tray,
    notifications: resources.de.notifications,
    appMenu: resources.de.appMenu,
  },
} as const;

/** The language for a `language` setting ('system' or a language) and the OS locale (`app.getLocale()`). */
export function pickAppLanguage(setting: string | undefined, osLocale: string): AppLanguage {
  if (setting === 'en' || setting === 'de') return setting;
  return pickLanguage(osLocale);
}

/** The main process's words in `language`. */
export function createAppWords(language: AppLanguage): AppWords {
  const instance = createTranslator(language);
  const bind = <C>(ns: 'tray' | 'notifications' | 'appMenu'): Translate<C> => {
    const t = instance.getFixedT(language, ns) as unknown as (
      key: string,
      values?: Record<string, string | number>,
    ) => string;
    return (key, values) => t(key, values);
  };
  return {
    language,
    locale: language === 'de' ? 'de-DE' : 'en-GB',
    tray: bind('tray'),
    notifications: bind('notifications'),
    appMenu: bind('appMenu'),
  };
}
