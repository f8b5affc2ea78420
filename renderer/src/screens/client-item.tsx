/** One client in the list: who they are, what matches them, their deal, and their private status link. */
import { ConfirmGroup } from './confirm-group.js';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ClientView } from '../../../shared/api.js';
import { useApi } from '../api-context.js';
import { LOCALE_LABELS, formValuesOf, updateClientInput } from '../client-form-model.js';
import { copyText } from '../clipboard.js';
import { useAction } from '../use-async.js';
import { ClientForm } from './client-form.js';
import { CopyFallback } from './copy-fallback.js';

/** "€120.50 an hour", or "No rate set". Minor units are cents, as the core stores them. */
export function formatRate(client: Pick<ClientView, 'hourlyRateMinor' | 'currency'>): string {
  if (client.hourlyRateMinor <= 0) return 'No rate set';
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency: client.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const amount = format.format(client.hourlyRateMinor / 10 ** digits);
  return `${amount} an hour`;
}

/** "@acme.com, “acme”, +49 30 1234567", or a hint when nothing matches them yet. */
export function matchingRules(client: Pick<ClientView, 'domains' | 'keywords' | 'phones'>): string {
  const rules = [
    ...client.domains.map((d) => `@${d}`),
    ...client.keywords.map((k) => `“${k}”`),
    ...client.phones,
  ];
  return rules.length > 0 ? rules.join(', ') : 'Nothing yet: add a domain or a keyword';
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
      setNotice('New link made. The old link no longer works: send the new one to the client.');
    }, [api, client.id, onChanged]),
  );
  const copy = async (): Promise<void> => {
    const ok = await copyText(client.statusLink);
    setCopied(ok ? 'copied' : 'fallback');
    setNotice(ok ? 'Link copied.' : '');
  };

  const headingId = `client-${client.id}`;
  return (
    <li className="client" aria-labelledby={headingId}>
      <div className="client-head">
        <span
          className="client-color"
          style={{ backgroundColor: client.color }}
          aria-hidden="true"
        />
        <h3 id={headingId}>{client.name}</h3>
      </div>
      <dl className="client-facts">
        <div>
          <dt>Matches</dt>
          <dd>{matchingRules(client)}</dd>
        </div>
        <div>
          <dt>Rate</dt>
          <dd>{formatRate(client)}</dd>
        </div>
        <div>
          <dt>Allowance</dt>
          <dd>
            {client.adHocAllowancePerWeek === 1
              ? '1 ad-hoc contact a week'
              : `${client.adHocAllowancePerWeek} ad-hoc contacts a week`}
          </dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>{LOCALE_LABELS[client.locale]}</dd>
        </div>
      </dl>
      <div className="client-link" role="group" aria-label={`Status link of ${client.name}`}>
        <button
          type="button"
          onClick={() => void copy()}
          aria-label={`Copy link of ${client.name}`}
        >
          Copy link
        </button>
        <a
          className="button-link"
          href={client.statusLink}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Open the status page of ${client.name} (new tab)`}
        >
          Open status page
        </a>
        <button
          type="button"
          ref={rotateRef}
          aria-label={`New link for ${client.name}`}
          onClick={() => setConfirming('rotate')}
          disabled={confirming !== null}
        >
          New link
        </button>
      </div>
      {copied === 'fallback' && (
        <CopyFallback label={`Status link of ${client.name}`} text={client.statusLink} />
      )}
      <p role="status" className="client-notice ok">
        {notice}
      </p>
      {confirming === 'rotate' && (
        <ConfirmGroup
          label={`Confirm a new link for ${client.name}`}
          confirmText="Yes, make a new link"
          busy={rotate.busy}
          onConfirm={() => void rotate.run()}
          onCancel={() => setConfirming(null)}
          cancelRef={cancelRef}
        >
          Make a new link for {client.name}? The old link stops working at once: anyone who opens it
          sees “Not found”.
        </ConfirmGroup>
      )}
      {confirming === 'remove' && (
        <ConfirmGroup
          label={`Confirm removing ${client.name}`}
          confirmText="Yes, remove"
          busy={remove.busy}
          onConfirm={() => void remove.run()}
          onCancel={() => setConfirming(null)}
          cancelRef={cancelRef}
        >
          Remove {client.name}? Their status link stops working at once. Contacts you logged for
          them stay in the ledger.
        </ConfirmGroup>
      )}
      {editing ? (
        <ClientForm
          mode="edit"
          heading={`Edit ${client.name}`}
          initial={formValuesOf(client)}
          otherNames={otherNames}
          onSubmit={async (values) => {
            onChanged(await api.updateClient(updateClientInput(client.id, values)));
            setEditing(false);
            setNotice('Changes saved.');
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="actions client-actions">
          <button
            type="button"
            ref={editRef}
            aria-label={`Edit ${client.name}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <button
            type="button"
            ref={removeRef}
            aria-label={`Remove ${client.name}`}
            onClick={() => setConfirming('remove')}
            disabled={confirming !== null}
          >
            Remove
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
