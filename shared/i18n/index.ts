/**
 * The dashboard's, the tray's and the notifications' texts in English and German, one catalogue file
 * per namespace and language (`en/<namespace>.ts`, `de/<namespace>.ts`, the German typed against the
 * English so a missing or extra key fails the typecheck; `catalogue.test.ts` checks keys and
 * interpolation variables once more at run time).
 *
 * Why i18next (with react-i18next in the dashboard): it is actively maintained and widely used; plurals
 * come from `Intl.PluralRules` (`_one`/`_other` keys), so German and English need no hand-written rules;
 * it works outside React, so the tray menu and the notifications in the main process use the very same
 * catalogues through `createTranslator`; namespaces keep each screen's texts in its own file; and it is
 * small (about 15 kB gzipped for both packages) with no runtime dependencies of its own.
 */
import { createInstance, type i18n } from 'i18next';
import enCommon from './en/common.js';
import enStatus from './en/status.js';
import enToday from './en/today.js';
import enCalendars from './en/calendars.js';
import enRules from './en/rules.js';
import enClients from './en/clients.js';
import enRateCase from './en/rate-case.js';
import enSettings from './en/settings.js';
import enFirstRun from './en/first-run.js';
import enTray from './en/tray.js';
import enNotifications from './en/notifications.js';
import enAppMenu from './en/app-menu.js';
import enOverview from './en/overview.js';
import enClientDetail from './en/client-detail.js';
import enImport from './en/import.js';
import deCommon from './de/common.js';
import deStatus from './de/status.js';
import deToday from './de/today.js';
import deCalendars from './de/calendars.js';
import deRules from './de/rules.js';
import deClients from './de/clients.js';
import deRateCase from './de/rate-case.js';
import deSettings from './de/settings.js';
import deFirstRun from './de/first-run.js';
import deTray from './de/tray.js';
import deNotifications from './de/notifications.js';
import deAppMenu from './de/app-menu.js';
import deOverview from './de/overview.js';
import deClientDetail from './de/client-detail.js';
import deImport from './de/import.js';

/** The languages the UI speaks. */
export const languages = ['en', 'de'] as const;

/** A UI language. */
export type Language = (typeof languages)[number];

/** The English catalogues, by namespace: the reference every other language is typed against. */
const en = {
  common: enCommon,
  status: enStatus,
  today: enToday,
  calendars: enCalendars,
  rules: enRules,
  clients: enClients,
  rateCase: enRateCase,
  settings: enSettings,
  firstRun: enFirstRun,
  tray: enTray,
  notifications: enNotifications,
  appMenu: enAppMenu,
  overview: enOverview,
  clientDetail: enClientDetail,
  import: enImport,
};

/** Every catalogue, by language and namespace (the shape i18next's `resources` option takes). */
export const resources = {
  en,
  de: {
    common: deCommon,
    status: deStatus,
    today: deToday,
    calendars: deCalendars,
    rules: deRules,
    clients: deClients,
    rateCase: deRateCase,
    settings: deSettings,
    firstRun: deFirstRun,
    tray: deTray,
    notifications: deNotifications,
    appMenu: deAppMenu,
    overview: deOverview,
    clientDetail: deClientDetail,
    import: deImport,
  },
} satisfies Record<Language, Record<keyof typeof en, unknown>>;

/** A namespace: one screen's or one surface's texts. */
export type Namespace = keyof typeof en;

/** The namespaces, for i18next's `ns` option. */
export const namespaces = Object.keys(en) as Namespace[];

/** The namespace used when a key names none. */
export const defaultNamespace = 'common' satisfies Namespace;

/**
 * The UI language for a locale or a preference list (`navigator.languages`, `app.getPreferredSystemLanguages()`):
 * the first entry whose language we speak ("de-AT" → de), else English.
 */
export function pickLanguage(locale: string | readonly string[] | null | undefined): Language {
  const list = typeof locale === 'string' ? [locale] : (locale ?? []);
  for (const tag of list) {
    const base = tag.trim().toLowerCase().split(/[-_]/)[0];
    const hit = languages.find((l) => l === base);
    if (hit) return hit;
  }
  return 'en';
}

/** Options every i18next instance of the app is created with (the dashboard adds react-i18next to them). */
export function translatorOptions(lang: Language) {
  return {
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    ns: namespaces,
    defaultNS: defaultNamespace,
    resources,
    // Catalogues are bundled, so init is synchronous and `t` works at once.
    initAsync: false,
    // React escapes on its own; main-process users (tray, notifications) show plain text, never HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  } as const;
}

/** A ready i18next instance in `lang` for code outside React: the tray menu, notifications, the CLI. */
export function createTranslator(lang: Language): i18n {
  const instance = createInstance();
  void instance.init(translatorOptions(lang));
  return instance;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
    returnNull: false;
  }
}
