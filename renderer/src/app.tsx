/** The dashboard shell: a header with the screens as navigation, and the screen in view. */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ClientDetailScreen } from './screens/client-detail-screen.js';
import { OverviewScreen } from './screens/overview-screen.js';
import { parseRoute, screenHash, type Route } from './screens/routes.js';
import { StatusScreen } from './screens/status-screen.js';
import { useApi, useApiEvent } from './api-context.js';
import { Trans, applyLanguage, useTranslation } from './i18n.js';
import { onDemand, ScreenShownContext } from './on-demand.js';
import { SampleBanner, SampleDataProvider } from './sample-data.js';

// The Status screen opens without a hash; the overview and a client's detail are where the
// numbers are, and opened from links: these three come with the first script, the rest on demand.
const TodayScreen = onDemand(() => import('./screens/today-screen.js'), 'TodayScreen');
const CalendarsScreen = onDemand(() => import('./screens/calendars-screen.js'), 'CalendarsScreen');
const RulesScreen = onDemand(() => import('./screens/rules-screen.js'), 'RulesScreen');
const ClientsScreen = onDemand(() => import('./screens/clients-screen.js'), 'ClientsScreen');
const RateCaseScreen = onDemand(() => import('./screens/rate-case-screen.js'), 'RateCaseScreen');
const ImportScreen = onDemand(() => import('./screens/import-screen.js'), 'ImportScreen');
const SettingsScreen = onDemand(() => import('./screens/settings-screen.js'), 'SettingsScreen');

/** The screens, in navigation order; `label` is the screen's key under `common:nav`. */
export const SCREENS = [
  { id: 'status', label: 'status', Screen: StatusScreen },
  { id: 'overview', label: 'overview', Screen: OverviewScreen },
  { id: 'today', label: 'today', Screen: TodayScreen },
  { id: 'calendars', label: 'calendars', Screen: CalendarsScreen },
  { id: 'rules', label: 'rules', Screen: RulesScreen },
  { id: 'clients', label: 'clients', Screen: ClientsScreen },
  { id: 'rate-case', label: 'rateCase', Screen: RateCaseScreen },
  { id: 'import', label: 'import', Screen: ImportScreen },
  { id: 'settings', label: 'settings', Screen: SettingsScreen },
] as const;

const SCREEN_IDS: readonly string[] = SCREENS.map((s) => s.id);

/** Where the address bar points (`#overview`, `#client/<id>`); the Status screen without a hash. */
function currentRoute(): Route {
  return parseRoute(window.location.hash, SCREEN_IDS) ?? { screen: 'status' };
}

function sameRoute(a: Route, b: Route): boolean {
  return 'client' in a
    ? 'client' in b && a.client === b.client
    : 'screen' in b && a.screen === b.screen;
}

/** The whole dashboard (below the ApiProvider). */
export function App(): ReactNode {
  const { t } = useTranslation();
  const api = useApi();
  const [route, setRoute] = useState<Route>(currentRoute);
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
    // Links, back and forward change the hash: the screen follows it.
    const follow = (): void => {
      moved.current = true;
      const next = currentRoute();
      setRoute((r) => (sameRoute(r, next) ? r : next));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  // After a navigation (not on first load), take keyboard and screen-reader focus to the new screen
  // once it is drawn (a screen loaded on demand comes a moment later), unless the screen took it
  // itself (the time picker the tray's "Until…" opens).
  const focusScreen = useCallback(() => {
    if (moved.current && !main.current?.contains(document.activeElement))
      main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, []);
  useEffect(focusScreen, [route, focusScreen]);
  // A client's detail belongs to the Overview in the navigation.
  const current = 'client' in route ? 'overview' : route.screen;
  const screen = SCREENS.find((s) => s.id === current) ?? SCREENS[0];
  return (
    <SampleDataProvider>
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
                    setRoute({ screen: s.id });
                    // A history entry per screen, so back and forward work.
                    if (window.location.hash !== screenHash(s.id))
                      window.location.hash = screenHash(s.id);
                  }}
                >
                  {t(`nav.${s.label}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {/* The overview's table has seven columns: it gets the width a desktop window has. */}
      <main
        ref={main}
        className={current === 'overview' && !('client' in route) ? 'wide' : undefined}
      >
        <SampleBanner />
        <ScreenShownContext.Provider value={focusScreen}>
          {'client' in route ? (
            <ClientDetailScreen key={route.client} clientId={route.client} />
          ) : (
            <screen.Screen />
          )}
        </ScreenShownContext.Provider>
      </main>
    </SampleDataProvider>
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
