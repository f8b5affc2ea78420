/** One client in the list: who they are, what matches them, their deal, and their private status link. */
import type { TFunction } from 'i18next';
import { ConfirmGroup } from './confirm-group.js';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ClientView } from '../../../shared/api.js';
import { useApi } from '../api-context.js';
import { formValuesOf, updateClientInput } from '../client-form-model.js';
import { copyText } from '../clipboard.js';
import { formatMoney } from '../format.js';
import { useLocale, useTranslation } from '../i18n.js';
import { SampleTag } from '../sample-data.js';
import { useAction } from '../use-async.js';
import { ClientForm } from './client-form.js';
import { CopyFallback } from './copy-fallback.js';

/** "€120.50 an hour" / "120,50 € pro Stunde", or "No rate set". Minor units as the core stores them. */
export function formatRate(
  client: Pick<ClientView, 'hourlyRateMinor' | 'currency'>,
  t: TFunction<'clients'>,
  locale: string,
): string {
  if (client.hourlyRateMinor <= 0) return t('item.noRate');
  return t('item.perHour', {
    amount: formatMoney(client.hourlyRateMinor, client.currency, locale),
  });
}

/** "@acme.com, “acme”, +49 30 1234567", or a hint when nothing matches them yet. */
export function matchingRules(
  client: Pick<ClientView, 'domains' | 'keywords' | 'phones'>,
  t: TFunction<'clients'>,
): string {
  const rules = [
    ...client.domains.map((d) => `@${d}`),
    ...client.keywords.map((k) => `“${k}”`),
    ...client.phones,
  ];
  return rules.length > 0 ? rules.join(', ') : t('item.noMatches');
}

type Confirming = 'remove' | 'rotate' | null;

/** A client row with Copy link, Open, New link (confirmed), Edit and Remove (confirmed). */
export function ClientItem({
  client,
  otherNames,
  onChanged,
  onRemoved,
}: {
  client: ClientView;
  otherNames: readonly string[];
  onChanged: (c: ClientView) => void;
  onRemoved: (id: string) => void;
}): ReactNode {
  const { t } = useTranslation('clients');
  const { locale } = useLocale();
  const api = useApi();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [editing, setEditing] = useState(false);
  const [copied, setCopied] = useState<'copied' | 'fallback' | null>(null);
  const [notice, setNotice] = useState('');
  const cancelRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const rotateRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const last = useRef<Confirming>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    // Focus follows the question: Cancel when asked, the button that asked once answered.
    if (confirming) cancelRef.current?.focus();
    else if (last.current) (last.current === 'remove' ? removeRef : rotateRef).current?.focus();
    last.current = confirming;
  }, [confirming]);
  useEffect(() => {
    if (!editing && wasEditing.current) editRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const remove = useAction(
    useCallback(async () => {
      await api.removeClient({ id: client.id });
      onRemoved(client.id);
    }, [api, client.id, onRemoved]),
  );
  const rotate = useAction(
    useCallback(async () => {
      const next = await api.rotateClientLink({ id: client.id });
      onChanged(next);
      setConfirming(null);
      setNotice(t('item.rotated'));
    }, [api, client.id, onChanged, t]),
  );
  const copy = async (): Promise<void> => {
    const ok = await copyText(client.statusLink);
    setCopied(ok ? 'copied' : 'fallback');
    setNotice(ok ? t('item.copied') : '');
  };

  const headingId = `client-${client.id}`;
  const name = client.name;
  return (
    <li className="client" aria-labelledby={headingId}>
      <div className="client-head">
        <span
          className="client-color"
          style={{ backgroundColor: client.color }}
          aria-hidden="true"
        />
        <h3 id={headingId}>{client.name}</h3>
        <SampleTag clientId={client.id} />
      </div>
      <dl className="client-facts">
        <div>
          <dt>{t('item.matches')}</dt>
          <dd>{matchingRules(client, t)}</dd>
        </div>
        <div>
          <dt>{t('item.rate')}</dt>
          <dd>{formatRate(client, t, locale)}</dd>
        </div>
        <div>
          <dt>{t('item.allowance')}</dt>
          <dd>{t('item.allowanceValue', { count: client.adHocAllowancePerWeek })}</dd>
        </div>
        <div>
          <dt>{t('item.language')}</dt>
          <dd>{t(`locale.${client.locale}`)}</dd>
        </div>
      </dl>
      <div className="client-link" role="group" aria-label={t('item.linkGroup', { name })}>
        <button
          type="button"
          onClick={() => void copy()}
          aria-label={t('item.copyLinkLabel', { name })}
        >
          {t('item.copyLink')}
        </button>
        <a
          className="button-link"
          href={client.statusLink}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('item.openLabel', { name })}
        >
          {t('item.open')}
        </a>
        <button
          type="button"
          ref={rotateRef}
          aria-label={t('item.rotateLabel', { name })}
          onClick={() => setConfirming('rotate')}
          disabled={confirming !== null}
        >
          {t('item.rotate')}
        </button>
      </div>
      {copied === 'fallback' && (
        <CopyFallback label={t('item.linkGroup', { name })} text={client.statusLink} />
      )}
      <p role="status" className="client-notice ok">
        {notice}
      </p>
      {confirming === 'rotate' && (
        <ConfirmGroup
          label={t('item.confirmRotateLabel', { name })}
          confirmText={t('item.confirmRotateYes')}
          busy={rotate.busy}
          onConfirm={() => void rotate.run()}
          onCancel={() => setConfirming(null)}
          cancelRef={cancelRef}
        >
          {t('item.confirmRotate', { name })}
        </ConfirmGroup>
      )}
      {confirming === 'remove' && (
        <ConfirmGroup
          label={t('item.confirmRemoveLabel', { name })}
          confirmText={t('item.confirmRemoveYes')}
          busy={remove.busy}
          onConfirm={() => void remove.run()}
          onCancel={() => setConfirming(null)}
          cancelRef={cancelRef}
        >
          {t('item.confirmRemove', { name })}
        </ConfirmGroup>
      )}
      {editing ? (
        <ClientForm
          mode="edit"
          heading={t('form.editHeading', { name })}
          initial={formValuesOf(client)}
          otherNames={otherNames}
          onSubmit={async (values) => {
            onChanged(await api.updateClient(updateClientInput(client.id, values)));
            setEditing(false);
            setNotice(t('item.saved'));
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="actions client-actions">
          <button
            type="button"
            ref={editRef}
            aria-label={t('item.editLabel', { name })}
            onClick={() => setEditing(true)}
          >
            {t('item.edit')}
          </button>
          <button
            type="button"
            ref={removeRef}
            aria-label={t('item.removeLabel', { name })}
            onClick={() => setConfirming('remove')}
            disabled={confirming !== null}
          >
            {t('item.remove')}
          </button>
        </div>
      )}
      {(remove.error ?? rotate.error) && (
        <p role="alert" className="error">
          {remove.error ?? rotate.error}
        </p>
      )}
    </li>
  );
}
