/**
 * Pure operations on a ledger (contacts or time entries): add, edit, delete, import, and undo the
 * last of those. Every operation returns a new state and leaves the old one untouched, so the store
 * can persist the result and the tray's "undo" is a state transition like any other.
 *
 * Imports never add a row twice: an item whose `importKey` is already in the ledger — or was
 * imported and then deleted by the user, which the ledger remembers — is a duplicate.
 */

/** What the ledger holds: anything with an id, optionally keyed by its import source. */
export interface LedgerItem {
  id: string;
  importKey?: string;
}

/** One undoable change. */
export type LedgerChange<T extends LedgerItem> =
  | { op: 'add'; id: string }
  | { op: 'edit'; before: T }
  | { op: 'delete'; item: T; index: number }
  | { op: 'import'; ids: string[] };

/** A ledger: its items, the changes that can still be undone, and import keys the user deleted. */
export interface LedgerState<T extends LedgerItem> {
  items: readonly T[];
  undo: readonly LedgerChange<T>[];
  deletedKeys: readonly string[];
}

/** How many changes stay undoable (older ones are forgotten). */
export const UNDO_DEPTH = 50;

/** An empty ledger, or one holding `items` with nothing to undo. */
export function createLedger<T extends LedgerItem>(items: readonly T[] = []): LedgerState<T> {
  return { items, undo: [], deletedKeys: [] };
}

function pushUndo<T extends LedgerItem>(
  undo: readonly LedgerChange<T>[],
  change: LedgerChange<T>,
): LedgerChange<T>[] {
  const next = [...undo, change];
  return next.length > UNDO_DEPTH ? next.slice(next.length - UNDO_DEPTH) : next;
}

/** A random id for a hand-made item. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Adds one item; it gets `makeId()` as id unless the draft carries one. */
export function addItem<T extends LedgerItem>(
  state: LedgerState<T>,
  draft: Omit<T, 'id'> & { id?: string },
  makeId: () => string = newId,
): { state: LedgerState<T>; item: T } {
  const item = { ...draft, id: draft.id ?? makeId() } as T;
  if (state.items.some((i) => i.id === item.id))
    throw new Error(`ledger already holds an item with id ${item.id}`);
  return {
    // concat, not spread: it copies a 100k-item ledger about twice as fast, and logging is on this path.
    state: {
      ...state,
      items: state.items.concat([item]),
      undo: pushUndo(state.undo, { op: 'add', id: item.id }),
    },
    item,
  };
}

/** Changes fields of one item (never its id); undefined item when the id is unknown. */
export function editItem<T extends LedgerItem>(
  state: LedgerState<T>,
  id: string,
  patch: Partial<Omit<T, 'id'>>,
): { state: LedgerState<T>; item?: T } {
  const at = state.items.findIndex((i) => i.id === id);
  const before = state.items[at];
  if (before === undefined) return { state };
  const item = { ...before, ...patch, id } as T;
  const items = state.items.slice();
  items[at] = item;
  return { state: { ...state, items, undo: pushUndo(state.undo, { op: 'edit', before }) }, item };
}

/** Deletes one item; an imported one's key is remembered so re-importing its file does not bring it back. */
export function deleteItem<T extends LedgerItem>(
  state: LedgerState<T>,
  id: string,
): { state: LedgerState<T>; removed?: T } {
  const index = state.items.findIndex((i) => i.id === id);
  const item = state.items[index];
  if (item === undefined) return { state };
  const items = state.items.slice();
  items.splice(index, 1);
  const deletedKeys =
    item.importKey === undefined ? state.deletedKeys : [...state.deletedKeys, item.importKey];
  return {
    state: { items, deletedKeys, undo: pushUndo(state.undo, { op: 'delete', item, index }) },
    removed: item,
  };
}

/** Reverses the most recent change; `undone` is undefined when there is nothing to undo. */
export function undoLast<T extends LedgerItem>(
  state: LedgerState<T>,
): { state: LedgerState<T>; undone?: LedgerChange<T> } {
  const change = state.undo[state.undo.length - 1];
  if (change === undefined) return { state };
  const undo = state.undo.slice(0, -1);
  switch (change.op) {
    case 'add':
      return {
        state: { ...state, undo, items: state.items.filter((i) => i.id !== change.id) },
        undone: change,
      };
    case 'edit':
      return {
        state: {
          ...state,
          undo,
          items: state.items.map((i) => (i.id === change.before.id ? change.before : i)),
        },
        undone: change,
      };
    case 'delete': {
      const items = state.items.slice();
      items.splice(Math.min(change.index, items.length), 0, change.item);
      const key = change.item.importKey;
      const at = key === undefined ? -1 : state.deletedKeys.lastIndexOf(key);
      const deletedKeys = at < 0 ? state.deletedKeys : state.deletedKeys.filter((_, i) => i !== at);
      return { state: { items, undo, deletedKeys }, undone: change };
    }
    case 'import': {
      const ids = new Set(change.ids);
      return {
        state: { ...state, undo, items: state.items.filter((i) => !ids.has(i.id)) },
        undone: change,
      };
    }
  }
}

/**
 * Merges imported items into existing ones, adding nothing twice: an incoming item is a duplicate
 * when its import key is already present, listed in `ignoreKeys`, or repeated earlier in `incoming`.
 * Items without an import key are always added. O(n + m).
 */
export function mergeImported<T extends LedgerItem>(
  existing: readonly T[],
  incoming: readonly T[],
  ignoreKeys: Iterable<string> = [],
): { items: T[]; added: T[]; duplicates: number } {
  const seen = new Set<string>(ignoreKeys);
  const ids = new Set<string>();
  for (const item of existing) {
    if (item.importKey !== undefined) seen.add(item.importKey);
    ids.add(item.id);
  }
  const added: T[] = [];
  let duplicates = 0;
  for (const item of incoming) {
    if ((item.importKey !== undefined && seen.has(item.importKey)) || ids.has(item.id)) {
      duplicates++;
      continue;
    }
    if (item.importKey !== undefined) seen.add(item.importKey);
    ids.add(item.id);
    added.push(item);
  }
  return {
    items: added.length === 0 ? existing.slice() : [...existing, ...added],
    added,
    duplicates,
  };
}

/**
 * Applies an importer's entries to a ledger as one undoable change. With `dryRun` the state comes
 * back unchanged and `added` previews what a real import would add.
 */
export function applyImport<T extends LedgerItem>(
  state: LedgerState<T>,
  incoming: readonly T[],
  options: { dryRun?: boolean } = {},
): { state: LedgerState<T>; added: T[]; duplicates: number } {
  const { items, added, duplicates } = mergeImported(state.items, incoming, state.deletedKeys);
  if (options.dryRun || added.length === 0) return { state, added, duplicates };
  return {
    state: {
      ...state,
      items,
      undo: pushUndo(state.undo, { op: 'import', ids: added.map((i) => i.id) }),
    },
    added,
    duplicates,
  };
}
