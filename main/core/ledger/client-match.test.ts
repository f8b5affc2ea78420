import { describe, expect, it } from 'vitest';
import { foldName, indexClients, normalizePhone } from './client-match.js';

describe('names', () => {
  it('folds case, accents, punctuation and legal forms', () => {
    expect(foldName('Müller & Söhne KG')).toBe('muller and sohne');
    expect(foldName('  ACME GmbH ')).toBe('acme');
    expect(foldName('Globex, Inc.')).toBe('globex');
    expect(foldName('GmbH')).toBe('gmbh');
  });

  it('matches names and aliases, and nobody when two clients share a name', () => {
    const idx = indexClients([
      { id: 'a', name: 'Acme', currency: 'EUR', aliases: ['ACME Corp'] },
      { id: 'b', name: 'Initech GmbH', currency: 'EUR' },
      { id: 'c', name: 'Initech AG', currency: 'EUR' },
    ]);
    expect(idx.byName('acme gmbh')?.id).toBe('a');
    expect(idx.byName('Acme Corporation')?.id).toBe('a');
    expect(idx.byName('Initech')).toBeUndefined();
    expect(idx.byName('Umbrella')).toBeUndefined();
  });
});

describe('phone numbers', () => {
  it('normalises national, 00 and + forms, the (0) trunk prefix and punctuation', () => {
    for (const raw of [
      '+49 30 1234567',
      '030 1234567',
      '0049 (30) 123-4567',
      '+49 (0)30 123 45 67',
      '030 / 123 45 67',
      '030.1234567',
    ]) {
      expect(normalizePhone(raw, 'DE'), raw).toBe('+49301234567');
    }
    expect(normalizePhone('0171 5550000', 'AT')).toBe('+431715550000');
    expect(normalizePhone('4711', 'DE')).toBe('4711');
    expect(normalizePhone('anonymous', 'DE')).toBeUndefined();
  });

  it('matches a client by any notation of its number', () => {
    const idx = indexClients([{ id: 'a', name: 'Acme', currency: 'EUR', phones: ['030 1234567'] }]);
    expect(idx.byPhone('+49 30 123 45 67')?.id).toBe('a');
    expect(idx.byPhone('+49 30 7654321')).toBeUndefined();
  });
});
