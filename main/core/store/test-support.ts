/** Helpers for the store tests: temp data folders, sample records, awaiting change events. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '../../../shared/domain.js';
import { newStatusToken, type Data } from './schema.js';
import type { ChangeOrigin, DataStore } from './store.js';

/** A fresh temp folder and its clean-up. */
export function makeTempDir(prefix = 'oh-store-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid client record; `n` makes id, name and domain distinct. */
export function sampleClient(n: number, overrides: Partial<Client> = {}): Client {
  return {
    id: `client-${n}`,
    name: `Client ${n}`,
    color: '#336699',
    domains: [`client${n}.example`],
    keywords: [`project${n}`],
    phones: ['+49 30 1234567'],
    hourlyRateMinor: 12_000 + n,
    currency: 'EUR',
    adHocAllowancePerWeek: 2,
    locale: 'de',
    timeZone: 'Europe/Berlin',
    policyText: { en: 'Calls by appointment.', de: 'Anrufe nach Vereinbarung.' },
    statusToken: newStatusToken(),
    createdAt: '2025-01-06T09:00:00.000Z',
    ...overrides,
  };
}

/**
 * Resolves with the next change `store` reports; rejects (failing the test) after `timeoutMs`.
 * Subscribe before causing the change.
 */
export function nextChange(
  store: DataStore,
  timeoutMs: number,
): Promise<{ data: Data; origin: ChangeOrigin; afterMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no change reported within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = store.onChange((data, origin) => {
      clearTimeout(timer);
      off();
      resolve({ data, origin, afterMs: performance.now() - started });
    });
  });
}
