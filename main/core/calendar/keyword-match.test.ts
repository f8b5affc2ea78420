import { describe, expect, it } from 'vitest';
import { KeywordSet, keywordSet, textForms } from './keyword-match.js';

describe('textForms', () => {
  it('folds case, accents, ß and punctuation into padded words', () => {
    expect(textForms('Straße: Café-Termin!')).toEqual([' strasse cafe termin ']);
    expect(textForms('Nicht STÖREN')).toEqual([' nicht storen ', ' nicht stoeren ']);
    expect(textForms('no\u0308tig')).toEqual([' notig ', ' noetig ']); // decomposed umlaut
    expect(textForms(' -- ')).toEqual([]);
  });
});

describe('KeywordSet', () => {
  it('matches whole words and phrases only', () => {
    const set = keywordSet(['focus', 'deep work']);
    expect(set.match(textForms('Focus time'))?.keyword).toBe('focus');
    expect(set.match(textForms('refocus'))).toBeUndefined();
    expect(set.match(textForms('Deep-Work'))?.keyword).toBe('deep work');
    expect(set.match(textForms('deep workshop'))).toBeUndefined();
  });

  it('prefers the longest keyword when several match, and drops keywords with no words', () => {
    const set = new KeywordSet<string>();
    set.add('Acme', 'acme');
    set.add('Acme Labs', 'labs');
    set.add('...', 'nothing');
    expect(set.size).toBe(2);
    expect(set.match(textForms('Acme Labs review'))?.tag).toBe('labs');
    expect(set.match(textForms('Acme review'))?.tag).toBe('acme');
  });
});
