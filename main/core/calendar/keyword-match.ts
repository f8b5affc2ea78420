/**
 * Whole-word keyword matching for event titles: case-insensitive, accent-insensitive and umlaut-safe
 * ("stören", "storen" and "stoeren" all match each other), so rules written on an English keyboard
 * still catch German titles and the other way round.
 */

/**
 * Folds `text` into " word word " form: lower case, ß→ss, accents stripped, every run of characters
 * that is not a letter or digit turned into one space. With `german`, ä/ö/ü become ae/oe/ue first.
 * The padding spaces let a phrase be found as whole words with a plain `includes`.
 */
function fold(text: string, german: boolean): string {
  // NFC first so a decomposed "o + ¨" is seen as "ö" by the German replacement.
  let s = text.normalize('NFC').toLowerCase().replace(/ß/g, 'ss');
  if (german) s = s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
  s = s.normalize('NFKD').replace(/\p{M}+/gu, '');
  const words = s.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return words.length === 0 ? '' : ` ${words.join(' ')} `;
}

/** The folded forms of a text: accents stripped, and (when different) umlauts spelt out. */
export function textForms(text: string): string[] {
  const plain = fold(text, false);
  const german = fold(text, true);
  if (plain === '') return [];
  return german === plain ? [plain] : [plain, german];
}

/** A keyword prepared for matching, remembering how the user wrote it. */
interface PreparedKeyword<T> {
  keyword: string;
  forms: string[];
  /** Length of the folded keyword: longer keywords are more specific and win ties. */
  weight: number;
  tag: T;
}

/** The keyword that matched and what it was registered with. */
export interface KeywordHit<T> {
  keyword: string;
  tag: T;
}

/**
 * A set of keywords, each matched as a whole word or phrase: "focus" matches "Focus time" and
 * "Focus-Block" but not "refocus meeting"; "deep work" matches "Deep-Work session" but not "deep workshop".
 */
export class KeywordSet<T = undefined> {
  private readonly entries: PreparedKeyword<T>[] = [];

  /** Adds a keyword; keywords without any letter or digit are ignored (they could never match a word). */
  add(keyword: string, tag: T): void {
    const forms = textForms(keyword);
    const first = forms[0];
    if (first === undefined) return;
    this.entries.push({ keyword, forms, weight: first.length, tag });
  }

  /** Number of usable keywords. */
  get size(): number {
    return this.entries.length;
  }

  /** The most specific (longest) keyword found in the text given as `textForms(...)`, or undefined. */
  match(forms: readonly string[]): KeywordHit<T> | undefined {
    let best: PreparedKeyword<T> | undefined;
    for (const entry of this.entries) {
      if (best !== undefined && entry.weight <= best.weight) continue;
      if (entry.forms.some((k) => forms.some((t) => t.includes(k)))) best = entry;
    }
    return best === undefined ? undefined : { keyword: best.keyword, tag: best.tag };
  }
}

/** Builds a tag-less keyword set from a list. */
export function keywordSet(keywords: readonly string[]): KeywordSet {
  const set = new KeywordSet();
  for (const k of keywords) set.add(k, undefined);
  return set;
}
