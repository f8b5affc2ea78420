/** The Clients screen: every client with their deal and private status link, and the form to add one. */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ClientView } from '../../../shared/api.js';
import { useApi, useApiEvent } from '../api-context.js';
import { addClientInput, emptyClientForm } from '../client-form-model.js';
import { useLocale, useTranslation } from '../i18n.js';
import { errorMessage } from '../use-async.js';
import { ClientForm } from './client-form.js';
import { ClientItem } from './client-item.js';
import { NextStep } from './next-step.js';

/** The clients list, kept live by the `clients` event (changes from the CLI or another tab arrive too). */
export function ClientsScreen(): ReactNode {
  const { t } = useTranslation('clients');
  const { t: tCommon } = useTranslation('common');
  const api = useApi();
  const [clients, setClients] = useState<ClientView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const { language } = useLocale();
  // A new client starts in this browser's zone and the dashboard's language.
  const initial = useMemo(
    () =>
      emptyClientForm({
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        locale: language,
      }),
    [language],
  );
  useEffect(() => {
    api.listClients({}).then(setClients, (e: unknown) => setLoadError(errorMessage(e)));
  }, [api]);
  useApiEvent('clients', setClients);

  const onChanged = useCallback(
    (changed: ClientView) =>
      setClients((list) => (list ?? []).map((c) => (c.id === changed.id ? changed : c))),
    [],
  );
  const onRemoved = useCallback(
    (id: string) => setClients((list) => (list ?? []).filter((c) => c.id !== id)),
    [],
  );
  const names = (clients ?? []).map((c) => c.name);

  return (
    <section aria-labelledby="clients-heading" className="screen">
      <h1 id="clients-heading" tabIndex={-1}>
        {t('title')}
      </h1>
      <p className="muted">{t('intro')}</p>
      {loadError && (
        <p role="alert" className="error">
          {t('loadFailed', { error: loadError })}
        </p>
      )}
      {clients === null && !loadError && <p aria-busy="true">{tCommon('loading')}</p>}
      {clients?.length === 0 && <p>{t('empty')}</p>}
      {clients?.length === 0 && <NextStep focus="panel.client-form" label="addFirstClient" />}
      {clients && clients.length > 0 && (
        <ul className="client-list" aria-label={t('listLabel')}>
          {clients.map((c) => (
            <ClientItem
              key={c.id}
              client={c}
              otherNames={names.filter((n) => n !== c.name)}
              onChanged={onChanged}
              onRemoved={onRemoved}
            />
          ))}
        </ul>
      )}
      <ClientForm
        mode="add"
        heading={t('form.addHeading')}
        initial={initial}
        otherNames={names}
        onSubmit={async (values) => {
          setAdded(null);
          const client = await api.addClient(addClientInput(values));
          setClients((list) => [...(list ?? []).filter((c) => c.id !== client.id), client]);
          setAdded(client.name);
        }}
      />
      <p role="status" className="added">
        {added ? t('added', { name: added }) : ''}
      </p>
    </section>
  );
}
