/** A client's status link on their detail: copy it, preview the page as they see it, or make a new one. */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ClientView } from '../../../shared/api.js';
import { useApi } from '../api-context.js';
import { copyText } from '../clipboard.js';
import { useTranslation } from '../i18n.js';
import { useAction } from '../use-async.js';
import { CopyFallback } from './copy-fallback.js';

/** The panel; `onChanged` gets the client back with its new link after a rotation. */
export function StatusLinkPanel({
  client,
  onChanged,
}: {
  client: ClientView;
  onChanged: (c: ClientView) => void;
}): ReactNode {
  const api = useApi();
  const { t } = useTranslation('clientDetail');
  const [copied, setCopied] = useState<'copied' | 'fallback' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');
  const rotateRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const name = client.name;

  useEffect(() => {
    // Focus follows the question: Cancel when asked, the New link button once answered.
    if (confirming) cancelRef.current?.focus();
    else if (asked.current) rotateRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const rotate = useAction(
    useCallback(async () => {
      const next = await api.rotateClientLink({ id: client.id });
      onChanged(next);
      setConfirming(false);
      setCopied(null);
      setNotice(t('link.rotated', { name: next.name }));
    }, [api, client.id, onChanged, t]),
  );
  const copy = async (): Promise<void> => {
    const ok = await copyText(client.statusLink);
    setCopied(ok ? 'copied' : 'fallback');
    setNotice(ok ? t('link.copied') : '');
  };

  return (
    <section className="panel status-link" aria-labelledby="status-link-heading">
      <h2 id="status-link-heading">{t('link.heading')}</h2>
      <p className="muted">{t('link.intro', { name })}</p>
      <p className="status-link-url">
        <code>{client.statusLink}</code>
      </p>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          {t('link.copy')}
        </button>
        <a
          className="button-link"
          href={client.statusLink}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('link.preview', { name })}
          <span className="visually-hidden"> {t('link.previewNote')}</span>
        </a>
        <button
          type="button"
          ref={rotateRef}
          disabled={confirming}
          onClick={() => {
            rotate.clearError();
            setConfirming(true);
          }}
        >
          {t('link.rotate')}
        </button>
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-label={t('link.confirmLabel', { name })}>
          <p>{t('link.confirm', { name })}</p>
          <button
            type="button"
            className="danger"
            disabled={rotate.busy}
            onClick={() => void rotate.run()}
          >
            {t('link.confirmYes')}
          </button>
          <button type="button" ref={cancelRef} onClick={() => setConfirming(false)}>
            {t('link.cancel')}
          </button>
        </div>
      )}
      {rotate.error && (
        <p role="alert" className="error">
          {t('link.rotateFailed', { error: rotate.error })}
        </p>
      )}
      <p role="status" className="ok">
        {notice}
      </p>
      {copied === 'fallback' && (
        <CopyFallback label={t('link.fallbackLabel', { name })} text={client.statusLink} />
      )}
    </section>
  );
}
