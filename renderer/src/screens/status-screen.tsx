/** The Status screen: the state now in large type, why, until when, what comes next, and the overrides. */
import { useEffect, useState, type ReactNode } from 'react';
import type { StatusNow } from '../../../shared/domain.js';
import { useApi, useApiEvent } from '../api-context.js';
import { formatTime, sentence } from '../format.js';
import { useLocale, useTranslation } from '../i18n.js';
import { errorMessage } from '../use-async.js';
import { FirstRunPanel } from './first-run-panel.js';
import { OverrideControls } from './override-controls.js';

/** The current status, kept live by `status` events (no polling). */
export function StatusScreen(): ReactNode {
  const api = useApi();
  const { t } = useTranslation(['status', 'common']);
  const [status, setStatus] = useState<StatusNow | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.getStatus({}).then(
      (s) => {
        // An event may already have delivered a newer status; keep whichever is later.
        if (!cancelled) setStatus((current) => (current && current.at > s.at ? current : s));
      },
      (e: unknown) => !cancelled && setLoadError(errorMessage(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);
  useApiEvent('status', setStatus);

  return (
    <section aria-labelledby="status-heading" className="screen">
      <h1 id="status-heading" tabIndex={-1}>
        {t('title')}
      </h1>
      <FirstRunPanel />
      {loadError && (
        <p role="alert" className="error">
          {t('loadFailed', { error: loadError })}
        </p>
      )}
      {status ? (
        <StatusCard status={status} />
      ) : (
        !loadError && <p aria-busy="true">{t('common:loading')}</p>
      )}
      <OverrideControls overridden={status?.overridden ?? false} onStatus={setStatus} />
    </section>
  );
}

/** The big status panel. */
export function StatusCard({ status }: { status: StatusNow }): ReactNode {
  const { t } = useTranslation(['status', 'common']);
  const { locale } = useLocale();
  const now = new Date(status.at);
  const o = { locale };
  return (
    <div className={`status-card state-${status.state}`} data-testid="status-card">
      <p className="status-state" aria-live="polite">
        {t(`common:state.${status.state}`)}
      </p>
      <p className="status-reason">{sentence(status.reason)}</p>
      <dl className="status-times">
        <div>
          <dt>{t('until')}</dt>
          <dd>{status.until ? formatTime(status.until, now, o) : t('noChange')}</dd>
        </div>
        <div>
          <dt>{t('next')}</dt>
          <dd>
            {status.next
              ? t('nextAt', {
                  state: t(`common:state.${status.next.state}`),
                  time: formatTime(status.next.at, now, o),
                })
              : t('nothingScheduled')}
          </dd>
        </div>
      </dl>
      {status.overridden && <p className="status-badge">{t('setByHand')}</p>}
    </div>
  );
}
