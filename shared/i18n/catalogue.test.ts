import { describe, expect, it } from 'vitest';
import { catalogueDifferences, interpolationVariables } from './catalogue.js';
import { createTranslator, languages, namespaces, pickLanguage, resources } from './index.js';

describe('catalogue parity', () => {
  for (const lang of languages.filter((l) => l !== 'en')) {
    for (const ns of namespaces) {
      it(`${lang}/${ns} has exactly the keys and variables of en/${ns}`, () => {
        expect(
          catalogueDifferences(resources.en[ns], resources[lang][ns], { base: 'en', other: lang }),
        ).toEqual([]);
      });
    }
  }

  it('reports a key missing on either side, nested keys included, and a changed variable', () => {
    const en = { a: 'A', nested: { b: 'Hello {{name}}', c: 'C' } };
    const de = { a: 'A', nested: { b: 'Hallo {{nme}}' }, extra: 'X' };
    expect(catalogueDifferences(en, de)).toEqual([
      { key: 'nested.b', problem: 'en uses {name} but de uses {nme}' },
      { key: 'nested.c', problem: 'missing in de' },
      { key: 'extra', problem: 'missing in en' },
    ]);
  });

  it('reads variables with formats and spaces', () => {
    expect(interpolationVariables('{{ count }} of {{total, number}} by {{count}}')).toEqual([
      'count',
      'total',
    ]);
  });
});

describe('pickLanguage', () => {
  it('takes the first language we speak from a preference list', () => {
    expect(pickLanguage(['fr-FR', 'de-AT', 'en-US'])).toBe('de');
    expect(pickLanguage('de_DE')).toBe('de');
    expect(pickLanguage(['fr'])).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });
});

describe('createTranslator', () => {
  it('translates at once, outside React, with plurals from Intl.PluralRules', () => {
    const de = createTranslator('de');
    expect(de.language).toBe('de');
    expect(de.t('common:appName')).toBe('Office Hours');
  });
});
