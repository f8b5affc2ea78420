/** The Clients screen: every client with their deal and private status link, and the form to add one. */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ClientView } from '../../../shared/api.js';
import { useApi, useApiEvent } from '../api-context.js';
import { addClientInput, emptyClientForm } from '../client-form-model.js';
import { useTranslation } from '../i18n.js';
import { errorMessage } from '../use-async.js';
import { ClientForm } from './client-form.js';
import { ClientItem } from './client-item.js';

/** This browser's zone and (German or else English) language, as a new client's defaults. */
function browserDefaults(): { timeZone: string; locale: 'en' | 'de' } {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const locale = globalThis.navigator?.language?.toLowerCase().startsWith('de') ? 'de' : 'en';
  return { timeZone, locale };
}

/** The clients list, kept live by the `clients` event (changes from the CLI or another tab arrive too). */
export function ClientsScreen(): ReactNode {
  const { t } = useTranslation('clients');
  const api = useApi();
  const [clients, setClients] = useState<ClientView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const initial = useMemo(() => emptyClientForm(browserDefaults()), []);
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
      <p className="muted">
        Each client gets a private status link that shows only whether you are available, until
        when, and your next standing call with them.
      </p>
      {loadError && (
        <p role="alert" className="error">
          Could not load clients: {loadError}
        </p>
      )}
      {clients === null && !loadError && <p aria-busy="true">Loading…</p>}
      {clients?.length === 0 && <p>No clients yet. Add the first one below.</p>}
      {clients && clients.length > 0 && (
        <ul className="client-list" aria-label="Clients">
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
        heading="Add a client"
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
        {added ? `Added ${added}. Copy their link above and send it to them.` : ''}
      </p>
    </section>
  );
}
