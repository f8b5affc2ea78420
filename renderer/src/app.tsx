/** The dashboard shell: a header with the screens as navigation, and the screen in view. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { CalendarsScreen } from './screens/calendars-screen.js';
import { ClientsScreen } from './screens/clients-screen.js';
import { RateCaseScreen } from './screens/rate-case-screen.js';
import { RulesScreen } from './screens/rules-screen.js';
import { StatusScreen } from './screens/status-screen.js';
import { TodayScreen } from './screens/today-screen.js';

/** The screens, in navigation order. */
export const SCREENS = [
  { id: 'status', label: 'Status', Screen: StatusScreen },
  { id: 'today', label: 'Today', Screen: TodayScreen },
  { id: 'calendars', label: 'Calendars', Screen: CalendarsScreen },
  { id: 'rules', label: 'Rules', Screen: RulesScreen },
  { id: 'clients', label: 'Clients', Screen: ClientsScreen },
  { id: 'rate-case', label: 'Rate case', Screen: RateCaseScreen },
] as const;

type ScreenId = (typeof SCREENS)[number]['id'];

/** The whole dashboard (below the ApiProvider). */
export function App(): ReactNode {
  const [current, setCurrent] = useState<ScreenId>('status');
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
        <p className="app-name">Office Hours</p>
        <nav aria-label="Screens">
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
                  {s.label}
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
  return (
    <main className="needs-link">
      <h1>Open the dashboard link</h1>
      <p>
        This page needs the link that <code>office-hours serve</code> printed (it ends in{' '}
        <code>#token=…</code>). Open that link, or restart <code>serve</code> for a new one.
      </p>
    </main>
  );
}
