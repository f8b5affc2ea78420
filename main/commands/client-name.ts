/** The client a command line names: the one place CLI commands turn a typed name into a client. */
import type { Client } from '../../shared/domain.js';
import { NotFoundError, showValue } from '../../shared/errors.js';
import { matchClient } from '../core/clients.js';

/**
 * The client called `name` (case-insensitive, or its id from `clients list --json`). An unknown name is
 * a NotFoundError (exit 2) that speaks of the name typed, not of the Api's `clientId` field.
 */
export function clientNamed<C extends Pick<Client, 'id' | 'name'>>(
  clients: readonly C[],
  name: string,
): C {
  const client = matchClient(clients, name);
  if (client) return client;
  throw new NotFoundError(`no client named ${showValue(name)} (see: office-hours clients list)`);
}
