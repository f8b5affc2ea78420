/**
 * Sample data in the dashboard: one provider that knows whether sample data is there (kept live by
 * the `sample` event), the banner every screen shows while it is, the "Sample" tag beside sample
 * clients, and the "Try with sample data" button the first-run panel and the empty states offer.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { SampleDataState } from '../../shared/sample-data.js';
import { useApi, useApiEvent } from './api-context.js';
import { useLocale, useTranslation } from './i18n.js';
import { screenHash } from './screens/routes.js';
import { errorMessage } from './use-async.js';

/** What the screens see of the sample data. */
export interface SampleData {
  /** null until known. */
  state: SampleDataState | null;
  add: () => Promise<void>;
  remove: () => Promise<void>;
  /** What the latest add or remove said, for the shell's live region (null: nothing yet). */
  notice: { kind: 'added' | 'removed'; at: number } | null;
}

const SampleDataContext = createContext<SampleData | null>(null);

/** Keeps the sample data's state for everything below it. */
export function SampleDataProvider({ children }: { children: ReactNode }): ReactNode {
  const api = useApi();
  const { language } = useLocale();
  const [state, setState] = useState<SampleDataState | null>(null);
  const [notice, setNotice] = useState<SampleData['notice']>(null);
  useEffect(() => {
    let current = true;
    // Unknown stays null: no banner and no first-run offer rather than a wrong one.
    api.getSampleData({}).then(
      (s) => current && setState(s),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);
  useApiEvent('sample', setState);
  const add = useCallback(async () => {
    setState(await api.addSampleData({ language }));
    setNotice({ kind: 'added', at: Date.now() });
  }, [api, language]);
  const remove = useCallback(async () => {
    await api.removeSampleData({});
    setState(await api.getSampleData({}));
    setNotice({ kind: 'removed', at: Date.now() });
  }, [api]);
  const value = useMemo(() => ({ state, add, remove, notice }), [state, add, remove, notice]);
  return <SampleDataContext.Provider value={value}>{children}</SampleDataContext.Provider>;
}

/**
 * The sample data of the nearest provider; without one (a screen rendered on its own) the state is
 * unknown and add/remove still work through the Api.
 */
export function useSampleData(): SampleData {
  const context = useContext(SampleDataContext);
  const api = useApi();
  const { language } = useLocale();
  return (
    context ?? {
      state: null,
      notice: null,
      add: async () => void (await api.addSampleData({ language })),
      remove: async () => void (await api.removeSampleData({})),
    }
  );
}

/** The ids of sample calendars and clients, so first-run steps count only the user's own. */
export function useSampleIds(): { calendars: ReadonlySet<string>; clients: ReadonlySet<string> } {
  const { state } = useSampleData();
  return useMemo(
    () => ({
      calendars: new Set(state?.calendarIds ?? []),
      clients: new Set(state?.clientIds ?? []),
    }),
    [state],
  );
}

/**
 * "Sample" beside the name of a sample client (by the ids the core reports in getSampleData and the
 * `sample` event): in words, so it does not rest on colour; nothing for the user's own clients.
 */
export function SampleTag({ clientId }: { clientId: string }): ReactNode {
  const { t } = useTranslation('firstRun');
  const sample = useSampleIds();
  if (!sample.clients.has(clientId)) return null;
  // The space keeps the name and the tag apart in copied text and accessible names.
  return (
    <>
      {' '}
      <span className="sample-tag">{t('sample.tag')}</span>
    </>
  );
}

/** The banner shown on every screen while sample data is there, with its one-step removal. */
export function SampleBanner(): ReactNode {
  const { t } = useTranslation('firstRun');
  const { state, remove, notice } = useSampleData();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await remove();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {state?.present && (
        <div className="sample-banner" role="region" aria-label={t('sample.bannerLabel')}>
          <p>{t('sample.banner')}</p>
          <button type="button" onClick={() => void run()} disabled={busy}>
            {busy ? t('sample.removing') : t('sample.remove')}
          </button>
          {error && (
            <p role="alert" className="error">
              {t('sample.removeFailed', { error })}
            </p>
          )}
        </div>
      )}
      {/* Outside the banner, so the message is still read after the banner is gone. */}
      <p role="status" className="visually-hidden">
        {notice?.kind === 'removed' && !state?.present ? t('sample.removed') : ''}
      </p>
    </>
  );
}

/** "Try with sample data": adds it, then offers the way to the overview. Hidden while sample data is there. */
export function TrySampleButton(): ReactNode {
  const { t } = useTranslation('firstRun');
  const { state, add } = useSampleData();
  const [phase, setPhase] = useState<'idle' | 'adding' | 'added'>('idle');
  const [error, setError] = useState<string | null>(null);
  if (phase !== 'added' && state?.present) return null;
  const run = async (): Promise<void> => {
    setPhase('adding');
    setError(null);
    try {
      await add();
      setPhase('added');
    } catch (e) {
      setError(errorMessage(e));
      setPhase('idle');
    }
  };
  return (
    <span className="try-sample">
      {phase !== 'added' && (
        <button type="button" onClick={() => void run()} disabled={phase === 'adding'}>
          {phase === 'adding' ? t('sample.adding') : t('sample.try')}
        </button>
      )}
      <span role="status">
        {phase === 'added' && (
          <>
            {t('sample.added')} <a href={screenHash('overview')}>{t('sample.seeOverview')}</a>
          </>
        )}
      </span>
      {error && (
        <span role="alert" className="error">
          {t('sample.addFailed', { error })}
        </span>
      )}
    </span>
  );
}
