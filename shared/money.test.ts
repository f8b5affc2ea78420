import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney } from './money.js';

describe('money', () => {
  it('knows each currency’s minor unit, and no unknown code', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
    expect(currencyDigits('EURO')).toBeUndefined();
  });

  it('writes minor units in the locale, whole amounts without decimals', () => {
    expect(formatMoney(12050, 'EUR', 'en')).toBe('€120.50');
    expect(formatMoney(12000, 'EUR', 'en')).toBe('€120');
    expect(formatMoney(12345, 'EUR', 'de')).toBe('123,45\u00a0€');
    expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500');
    expect(formatMoney(1234, 'BHD', 'en')).toBe('BHD\u00a01.234');
  });
});
