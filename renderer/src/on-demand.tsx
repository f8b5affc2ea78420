/**
 * Screens loaded when first shown: each is a script of its own, fetched from the same origin (the
 * CSP's `script-src 'self'`), so the page's first script carries only what the first screen needs.
 * Not React.lazy: a Suspense boundary that resolves after the first paint is revealed up to 300 ms
 * late, which a click on the navigation would feel.
 */
import {
  createContext,
  useContext,
  useEffect,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { useTranslation } from './i18n.js';

/** Called once a screen loaded on demand is drawn (the shell moves focus to it). */
export const ScreenShownContext = createContext<() => void>(() => undefined);

/** A screen component that fetches `load()` on first render and then draws its export `name`. */
export function onDemand<M, K extends keyof M>(load: () => Promise<M>, name: K): ComponentType {
  let loaded: ComponentType | undefined;
  let pending: Promise<ComponentType> | undefined;
  const fetchScreen = (): Promise<ComponentType> =>
    (pending ??= load().then(
      (m) => (loaded = m[name] as ComponentType),
      (error: unknown) => {
        // Not kept: the next visit tries again.
        pending = undefined;
        throw error;
      },
    ));
  function OnDemand(): ReactNode {
    const { t } = useTranslation();
    const shown = useContext(ScreenShownContext);
    const [Screen, setScreen] = useState<ComponentType | undefined>(() => loaded);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (Screen) return;
      let current = true;
      fetchScreen().then(
        (s) => current && setScreen(() => s),
        (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
      );
      return () => {
        current = false;
      };
    }, [Screen]);
    useEffect(() => {
      if (Screen) shown();
    }, [Screen, shown]);
    if (error)
      return (
        <p role="alert" className="error">
          {t('screenLoadFailed', { error })}
        </p>
      );
    if (!Screen) return <p aria-busy="true">{t('loading')}</p>;
    return <Screen />;
  }
  OnDemand.displayName = `OnDemand(${String(name)})`;
  return OnDemand;
}
