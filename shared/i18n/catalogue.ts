/** The shape a translation must have: the English catalogue's keys, any string at each leaf. */
export type Catalogue<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]>;
};

/** A catalogue of any shape, as the parity check walks it. */
export interface CatalogueTree {
  readonly [key: string]: string | CatalogueTree;
}

/** One difference between two catalogues of the same namespace. */
export interface CatalogueDifference {
  key: string;
  problem: string;
}

function leaves(tree: CatalogueTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The `{{name}}` variables a translation interpolates, sorted and without format suffixes. */
export function interpolationVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)) names.add(match[1] ?? '');
  return [...names].sort();
}

/**
 * What differs between two catalogues of one namespace: a key present in one and not the other, or a
 * translation that does not interpolate the same variables. Empty when they match.
 */
export function catalogueDifferences(
  base: CatalogueTree,
  other: CatalogueTree,
  names: { base: string; other: string } = { base: 'en', other: 'de' },
): CatalogueDifference[] {
  const a = leaves(base);
  const b = leaves(other);
  const out: CatalogueDifference[] = [];
  for (const [key, text] of a) {
    const translated = b.get(key);
    if (translated === undefined) {
      out.push({ key, problem: `missing in ${names.other}` });
      continue;
    }
    const va = interpolationVariables(text).join(', ');
    const vb = interpolationVariables(translated).join(', ');
    if (va !== vb) {
      out.push({
        key,
        problem: `${names.base} uses {${va}} but ${names.other} uses {${vb}}`,
      });
    }
  }
  for (const key of b.keys()) {
    if (!a.has(key)) out.push({ key, problem: `missing in ${names.base}` });
  }
  return out;
}
