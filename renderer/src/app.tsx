/** The dashboard shell: a header with the screens as navigation, and the screen in view. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { CalendarsScreen } from './screens/calendars-screen.js';
import { ClientsScreen } from './screens/clients-screen.js';
import { RateCaseScreen } from './screens/rate-case-screen.js';
import { RulesScreen } from './screens/rules-screen.js';
import { SettingsScreen } from './screens/settings-screen.js';
import { StatusScreen } from './screens/status-screen.js';
import { TodayScreen } from './screens/today-screen.js';
import { useApi, useApiEvent } from './api-context.js';
import { Trans, applyLanguage, useTranslation } from './i18n.js';

/** The screens, in navigation order; `label` is the screen's key under `common:nav`. */
export const SCREENS = [
  { id: 'status', label: 'status', Screen: StatusScreen },
  { id: 'today', label: 'today', Screen: TodayScreen },
  { id: 'calendars', label: 'calendars', Screen: CalendarsScreen },
  { id: 'rules', label: 'rules', Screen: RulesScreen },
  { id: 'clients', label: 'clients', Screen: ClientsScreen },
  { id: 'rate-case', label: 'rateCase', Screen: RateCaseScreen },
  { id: 'settings', label: 'settings', Screen: SettingsScreen },
] as const;

type ScreenId = (typeof SCREENS)[number]['id'];

/** The whole dashboard (below the ApiProvider). */
export function App(): ReactNode {
  const { t } = useTranslation();
  const api = useApi();
  const [current, setCurrent] = useState<ScreenId>('status');
  useEffect(() => {
    // The language chosen in Settings (else the browser's); a failure keeps the browser's language.
    api.getSettings({}).then(
      (s) => applyLanguage(s.language),
      () => applyLanguage('system'),
    );
  }, [api]);
  useApiEvent('settings', (s) => void applyLanguage(s.language));
  const main = useRef<HTMLElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // After a navigation (not on first load), take keyboard and screen-reader focus to the new screen.
    if (moved.current) main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [current]);
  const screen = SCREENS.find((s) => s.id === current) ?? SCREENS[0];
  return (
    <>
      <header className="app-header">
        <p className="app-name">{t('appName')}</p>
        <nav aria-label={t('nav.label')}>
          <ul>
            {SCREENS.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  aria-current={s.id === current ? 'page' : undefined}
                  onClick={() => {
                    moved.current = true;
                    setCurrent(s.id);
                  }}
                >
                  {t(`nav.${s.label}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main ref={main}>
        <screen.Screen />
      </main>
    </>
  );
}

/** Shown when the page was opened without the link `serve` printed (no token, no bridge). */
export function NeedsLink(): ReactNode {
  const { t } = useTranslation();
  return (
    <main className="needs-link">
      <h1>{t('needsLink.title')}</h1>
      <p>
        <Trans t={t} i18nKey="needsLink.body" components={{ code: <code /> }} />
      </p>
    </main>
  );
}
