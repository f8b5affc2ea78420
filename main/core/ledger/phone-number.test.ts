import { describe, expect, it } from 'vitest';
import { phoneRegionFor, toE164 } from './phone-number.js';

describe('E.164', () => {
  it('reads national numbers in the default region and international ones anywhere', () => {
    expect(toE164('030 1234567', 'DE')).toBe('+49301234567');
    expect(toE164('+49 (0)30 123 45 67', 'DE')).toBe('+49301234567');
    expect(toE164('0049 30 1234567', 'DE')).toBe('+49301234567');
    expect(toE164('0049 30 1234567')).toBe('+49301234567');
    expect(toE164('01 58800', 'AT')).toBe('+43158800');
    expect(toE164('(212) 555-0199', 'US')).toBe('+12125550199');
    expect(toE164('+1 212 555 0199', 'DE')).toBe('+12125550199');
    expect(toE164('tel:+49-30-1234567')).toBe('+49301234567');
  });

  it('keeps what the metadata does not know comparable, and has nothing for no digits', () => {
    expect(toE164('4711', 'DE')).toBe('4711'); // an extension
    expect(toE164('030 1234567')).toBe('0301234567'); // no region: as written, digits only
    expect(toE164('anonymous', 'DE')).toBeUndefined();
    expect(toE164('', 'DE')).toBeUndefined();
    expect(toE164('**610', 'DE')).toBeUndefined();
  });
});

describe('the default region', () => {
  it('comes from the user zone, else a German UI, else none', () => {
    expect(phoneRegionFor('Europe/Berlin', 'en')).toBe('DE');
    expect(phoneRegionFor('Europe/Vienna', 'de')).toBe('AT');
    expect(phoneRegionFor('Europe/Zurich', 'de')).toBe('CH');
    expect(phoneRegionFor('America/Chicago', 'en')).toBe('US');
    expect(phoneRegionFor('UTC', 'de')).toBe('DE');
    expect(phoneRegionFor('UTC', 'en')).toBeUndefined();
  });
});
