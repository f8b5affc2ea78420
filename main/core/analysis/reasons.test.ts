import { describe, expect, it } from 'vitest';
import { REASONS, reasonFormat } from './reasons.js';

const en = reasonFormat('en-GB', 'EUR');
const de = reasonFormat('de-DE', 'EUR');
const demand = { name: 'Acme', start: '2026-11-30', end: '2026-12-03', allowance: 2, weekly: 2 };
const time = { billed: 120, unbilled: 10, overhead: 23, recovery: 23, label: 'Gloria Mark' };

describe('REASONS', () => {
  it('counts one contact and one interruption in the singular, more in the plural', () => {
    expect(REASONS.demand(en, { ...demand, adHoc: 1 })).toContain(
      'reached you unscheduled once from',
    );
    expect(REASONS.demand(en, { ...demand, adHoc: 3 })).toContain(
      'reached you unscheduled 3 times from',
    );
    expect(REASONS.time(en, { ...time, adHoc: 1 })).toContain('(1 interruption × 23 min');
    expect(REASONS.time(en, { ...time, adHoc: 2 })).toContain('(2 interruptions × 23 min');
    expect(REASONS.time(de, { ...time, adHoc: 1 })).toContain('(1 Unterbrechung × 23 min');
    expect(REASONS.time(de, { ...time, adHoc: 2 })).toContain('(2 Unterbrechungen × 23 min');
    expect(REASONS.demand(de, { ...demand, adHoc: 1 })).toContain('1-mal außerhalb');
  });
});
