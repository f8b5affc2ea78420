import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as analysis from './analysis/analyse.js';
import { analyse } from './analysis/analyse.js';
import type { LedgerService } from './ledger-service.js';
import { tempLedger } from './ledger-test-support.js';
import { sampleClient } from './store/test-support.js';

// The real analysis, counted: the memo is about how often it runs.
vi.mock('./analysis/analyse.js', async (importOriginal) => {
  const real = await importOriginal<typeof analysis>();
  return { ...real, analyse: vi.fn(real.analyse) };
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  vi.mocked(analyse).mockClear();
});

/** "Now": Wednesday 12 March 2025, 12:00 UTC. */
const NOW = Date.parse('2025-03-12T12:00:00Z');

function setup(now: () => number = () => NOW): LedgerService {
  return tempLedger(cleanups, {
    prefix: 'oh-memo-',
    now,
    data: (d) => {
      d.settings.userTimeZone = 'UTC';
      d.clients.push(sampleClient(1, { id: 'acme', name: 'Acme GmbH', hourlyRateMinor: 10_000 }));
    },
  }).ledger;
}

describe('LedgerService analyses kept between screens', () => {
  it('analyses the overview’s week and a client’s twelve weeks once each, moving back and forth', () => {
    const ledger = setup();
    ledger.logContact({ clientId: 'acme', kind: 'call', at: '2025-03-11T09:00:00Z' });
    for (let i = 0; i < 3; i++) {
      expect(ledger.report({ preset: 'this-week' }).clients[0]?.contacts.adHoc).toBe(1);
      expect(ledger.clientDetail({ clientId: 'acme' }).weeks.at(-1)?.adHoc).toBe(1);
    }
    expect(analyse).toHaveBeenCalledTimes(2);
  });

  it('analyses again after a change, for every period it had kept', () => {
    const ledger = setup();
    expect(ledger.report({ preset: 'this-week' }).clients[0]?.contacts.adHoc).toBe(0);
    expect(ledger.clientDetail({ clientId: 'acme' }).report.contacts.adHoc).toBe(0);
    ledger.logContact({ clientId: 'acme', kind: 'voicemail', at: '2025-03-12T08:00:00Z' });
    expect(ledger.report({ preset: 'this-week' }).clients[0]?.contacts.adHoc).toBe(1);
    const detail = ledger.clientDetail({ clientId: 'acme' });
    expect(detail.report.contacts.adHoc).toBe(1);
    expect(detail.weeks.at(-1)?.byKind.voicemail).toBe(1);
    expect(detail.rhythm[2]?.[8]).toBe(1);
    expect(analyse).toHaveBeenCalledTimes(4);
  });

  it('keeps a period up to now while the clock moves within the day, and not into the next day', () => {
    let now = NOW;
    const ledger = setup(() => now);
    ledger.logContact({ clientId: 'acme', kind: 'call', at: '2025-03-12T13:00:00Z' });
    expect(ledger.report({ preset: 'this-week' }).to).toBe('2025-03-12T12:00:00.000Z');
    now += 3_600_000 * 2;
    const later = ledger.report({ preset: 'this-week' });
    // The report runs to the new now; the day is the same, so the analysis is the one kept.
    expect(later.to).toBe('2025-03-12T14:00:00.000Z');
    expect(later.clients[0]?.contacts.adHoc).toBe(1);
    // The detail's own counts go up to now as well: the 13:00 call is in its rhythm now.
    expect(ledger.clientDetail({ clientId: 'acme' }).rhythm[2]?.[13]).toBe(1);
    expect(analyse).toHaveBeenCalledTimes(2);
    now = Date.parse('2025-03-13T00:00:01Z');
    expect(ledger.report({ preset: 'this-week' }).to).toBe('2025-03-13T00:00:01.000Z');
    expect(analyse).toHaveBeenCalledTimes(3);
  });

  it('keeps a handful of periods, not every one ever asked for', () => {
    const ledger = setup();
    const days = ['01', '02', '03', '04', '05', '06'];
    for (const d of days) ledger.report({ from: `2025-03-${d}`, to: '2025-03-12' });
    expect(analyse).toHaveBeenCalledTimes(6);
    // The newest are kept; the oldest was let go and is analysed again.
    ledger.report({ from: '2025-03-06', to: '2025-03-12' });
    expect(analyse).toHaveBeenCalledTimes(6);
    ledger.report({ from: '2025-03-01', to: '2025-03-12' });
    expect(analyse).toHaveBeenCalledTimes(7);
  });
});
