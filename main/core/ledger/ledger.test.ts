import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/ledger.js';
import {
  addItem,
  applyImport,
  createLedger,
  deleteItem,
  editItem,
  mergeImported,
  undoLast,
  UNDO_DEPTH,
} from './ledger.js';

const draft = (minutes: number, importKey?: string): Omit<Contact, 'id'> => ({
  clientId: 'acme',
  kind: 'call',
  at: '2025-03-03T09:00:00.000Z',
  minutes,
  scheduled: false,
  source: 'manual',
  ...(importKey ? { importKey } : {}),
});
let n = 0;
const ids = (): string => `id-${++n}`;

describe('ledger operations', () => {
  it('adds with a fresh id and undoes the last add', () => {
    let state = createLedger<Contact>();
    const first = addItem(state, draft(5), ids);
    state = addItem(first.state, draft(10), ids).state;
    expect(state.items.map((c) => c.minutes)).toEqual([5, 10]);
    expect(first.item.id).toMatch(/^id-/);
    state = undoLast(state).state;
    expect(state.items.map((c) => c.minutes)).toEqual([5]);
    expect(undoLast(createLedger<Contact>()).undone).toBeUndefined();
  });

  it('generates a UUID when no id maker is given, and refuses a duplicate id', () => {
    const { state, item } = addItem(createLedger<Contact>(), draft(5));
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => addItem(state, { ...draft(1), id: item.id })).toThrow(/already holds/);
  });

  it('edits and deletes, and undo restores in reverse order without touching the old states', () => {
    const s0 = addItem(createLedger<Contact>(), draft(5), ids);
    const id = s0.item.id;
    const s1 = editItem(s0.state, id, { minutes: 7, note: 'about the invoice' });
    expect(s1.item?.minutes).toBe(7);
    expect(s1.item?.id).toBe(id);
    const s2 = deleteItem(s1.state, id);
    expect(s2.state.items).toEqual([]);
    expect(s1.state.items[0]?.minutes).toBe(7); // the old state is untouched
    const u1 = undoLast(s2.state).state;
    expect(u1.items[0]?.minutes).toBe(7);
    const u2 = undoLast(u1).state;
    expect(u2.items[0]?.minutes).toBe(5);
    expect(u2.items[0]?.note).toBeUndefined();
    expect(editItem(u2, 'nope', { minutes: 1 }).item).toBeUndefined();
    expect(deleteItem(u2, 'nope').removed).toBeUndefined();
  });

  it('keeps only the last UNDO_DEPTH changes', () => {
    let state = createLedger<Contact>();
    for (let i = 0; i < UNDO_DEPTH + 5; i++) state = addItem(state, draft(i), ids).state;
    expect(state.undo).toHaveLength(UNDO_DEPTH);
    for (let i = 0; i < UNDO_DEPTH; i++) state = undoLast(state).state;
    expect(state.items.map((c) => c.minutes)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('imports', () => {
  const imported = (key: string, minutes = 5): Contact => ({ ...draft(minutes, key), id: key });

  it('merges without adding anything twice, also within one batch', () => {
    const r = mergeImported(
      [imported('k1')],
      [imported('k1'), imported('k2'), imported('k2'), imported('k3')],
    );
    expect(r.added.map((c) => c.importKey)).toEqual(['k2', 'k3']);
    expect(r.duplicates).toBe(2);
    expect(r.items).toHaveLength(3);
  });

  it('undoes a whole import at once, and a dry run changes nothing', () => {
    const base = addItem(createLedger<Contact>(), draft(1), ids).state;
    const dry = applyImport(base, [imported('a'), imported('b')], { dryRun: true });
    expect(dry.added).toHaveLength(2);
    expect(dry.state).toBe(base);
    const real = applyImport(base, [imported('a'), imported('b')]);
    expect(real.state.items).toHaveLength(3);
    expect(undoLast(real.state).state.items).toHaveLength(1);
  });

  it('does not bring back an imported item the user deleted, unless the delete is undone', () => {
    const s1 = applyImport(createLedger<Contact>(), [imported('a'), imported('b')]).state;
    const s2 = deleteItem(s1, 'a').state;
    expect(applyImport(s2, [imported('a'), imported('b')]).added).toEqual([]);
    const s3 = undoLast(s2).state;
    expect(s3.items.map((c) => c.id)).toEqual(['a', 'b']);
    expect(s3.deletedKeys).toEqual([]);
  });
});
