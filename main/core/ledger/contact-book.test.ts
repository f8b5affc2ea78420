import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/ledger.js';
import { openStore, type DataStore } from '../store/store.js';
import { makeTempDir } from '../store/test-support.js';
import { ContactBook, JOURNAL_FILE, LOCK_FILE } from './contact-book.js';
import { readJournal } from './contact-journal.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function folder(): string {
  const { dir, remove } = makeTempDir('oh-book-');
  cleanups.push(remove);
  return dir;
}

function open(dir: string, foldAt = 1000): { store: DataStore; book: ContactBook } {
  const store = openStore(dir, { watch: false });
  cleanups.push(() => store.close());
  return { store, book: new ContactBook(store, dir, { foldAt }) };
}

let seq = 0;
const contact = (extra: Partial<Contact> = {}): Contact => ({
  id: `c${++seq}`,
  clientId: 'acme',
  kind: 'call',
  at: '2025-03-03T09:00:00.000Z',
  minutes: 5,
  scheduled: false,
  source: 'manual',
  ...extra,
});
const ids = (book: ContactBook): string[] => book.state().items.map((c) => c.id);

describe('ContactBook', () => {
  it('journals a logged contact without rewriting the data file, and another process reads it', () => {
    const dir = folder();
    const { store, book } = open(dir);
    const before = readFileSync(store.path, 'utf8');
    const a = contact();
    book.record({ op: 'add', contact: a });
    expect(readFileSync(store.path, 'utf8')).toBe(before);
    expect(readJournal(join(dir, JOURNAL_FILE)).ops).toEqual([{ op: 'add', contact: a }]);
    expect(open(dir).book.state().items).toEqual([a]);
  });

  it('edits (a cleared note goes), deletes and undoes through the journal, as the ledger ops do', () => {
    const dir = folder();
    const { book } = open(dir);
    const a = contact({ note: 'invoice' });
    const b = contact();
    book.record({ op: 'add', contact: a });
    book.record({ op: 'add', contact: b });
    const { note: _dropped, ...plain } = a;
    book.record({ op: 'edit', contact: { ...plain, minutes: 20 } });
    expect(book.state().items[0]).toEqual({ ...plain, minutes: 20 });
    book.record({ op: 'delete', id: b.id });
    expect(ids(book)).toEqual([a.id]);
    book.record({ op: 'undo' }); // the delete
    book.record({ op: 'undo' }); // the edit
    expect(book.state().items).toEqual([a, b]);
    const reopened = open(dir).book;
    expect(reopened.state().items).toEqual([a, b]);
    expect(reopened.state().undo).toEqual([
      { op: 'add', id: a.id },
      { op: 'add', id: b.id },
    ]);
  });

  it('logs through `add` exactly as `record` would, without copying the ledger per contact', () => {
    const fast = open(folder()).book;
    const slow = open(folder()).book;
    const [a, b, c] = [contact(), contact({ clientId: 'beta' }), contact()];
    fast.record({ op: 'add', contact: a });
    slow.record({ op: 'add', contact: a });
    const before = fast.state();
    for (const x of [b, c]) {
      expect(fast.add(x)).toBe(true);
      slow.record({ op: 'add', contact: x });
    }
    expect(before.items).toEqual([a]); // what was handed out earlier does not change
    expect(fast.state()).toEqual(slow.state());
    expect(fast.add(b)).toBe(false);
    const seen: string[] = [];
    fast.forEachOf('acme', (x) => seen.push(x.id));
    expect(seen).toEqual([a.id, c.id]);
    fast.record({ op: 'undo' });
    expect(ids(fast)).toEqual([a.id, b.id]);
    fast.forEachOf('acme', (x) => seen.push(x.id));
    expect(seen).toEqual([a.id, c.id, a.id]);
  });

  it('does not write a change that changes nothing (unknown id, nothing to undo)', () => {
    const dir = folder();
    const { book } = open(dir);
    const r1 = book.record({ op: 'undo' });
    const r2 = book.record({ op: 'delete', id: 'nope' });
    expect(r1.after).toBe(r1.before);
    expect(r2.after).toBe(r2.before);
    expect(readJournal(join(dir, JOURNAL_FILE)).identity).toBeUndefined();
  });

  it('folds the journal into the data file every `foldAt` changes and starts a newer generation', () => {
    const dir = folder();
    const { store, book } = open(dir, 3);
    const added = [contact(), contact(), contact(), contact()];
    for (const c of added) book.record({ op: 'add', contact: c });
    expect(store.read().contacts.map((c) => c.id)).toEqual(added.slice(0, 3).map((c) => c.id));
    expect(store.read().ledger.journalGeneration).toBe(1);
    const journal = readJournal(join(dir, JOURNAL_FILE));
    expect(journal.generation).toBe(1);
    expect(journal.ops).toHaveLength(1);
    expect(book.pending()).toBe(1);
    expect(open(dir).book.state().items).toEqual(added);
  });

  it('ignores a journal the data file already holds (a crash between the fold and the journal reset)', () => {
    const dir = folder();
    const { book } = open(dir);
    const a = contact();
    book.record({ op: 'add', contact: a });
    book.record({ op: 'edit', contact: { ...a, minutes: 9 } });
    const path = join(dir, JOURNAL_FILE);
    const old = readFileSync(path);
    book.fold();
    // Put the folded journal back, as if the process died right after writing the data file.
    writeFileSync(path, old);
    const { store, book: again } = open(dir);
    expect(again.state().items).toEqual([{ ...a, minutes: 9 }]);
    // Applied twice, the edit would leave a second (empty) step to undo.
    expect(again.state().undo).toEqual([
      { op: 'add', id: a.id },
      { op: 'edit', before: a },
    ]);
    expect(again.pending()).toBe(0);
    // The stale journal was replaced before anything is appended to it.
    expect(readJournal(path).generation).toBe(store.read().ledger.journalGeneration);
    again.record({ op: 'undo' });
    expect(open(dir).book.state().items).toEqual([a]);
  });

  it('skips a torn last line and starts the next change on a fresh line', () => {
    const dir = folder();
    const { book } = open(dir);
    const a = contact();
    book.record({ op: 'add', contact: a });
    appendFileSync(join(dir, JOURNAL_FILE), '{"op":"add","contact":{"id":"half');
    const b = contact();
    const fresh = open(dir).book;
    fresh.record({ op: 'add', contact: b });
    const journal = readJournal(join(dir, JOURNAL_FILE));
    expect(journal.damaged).toBe(1);
    expect(open(dir).book.state().items).toEqual([a, b]);
  });

  it('sees what another process folded even when its own copy of the data file is older', () => {
    const dir = folder();
    const first = open(dir).book;
    const second = open(dir).book;
    const a = contact();
    const b = contact();
    first.record({ op: 'add', contact: a });
    expect(ids(second)).toEqual([a.id]);
    first.fold(); // the second store has not seen the new data file: it watches nothing
    first.record({ op: 'add', contact: b });
    expect(ids(second)).toEqual([a.id, b.id]);
    second.record({ op: 'undo' });
    expect(ids(first)).toEqual([a.id]);
  });

  it('breaks a lock left by a process that no longer runs', () => {
    const dir = folder();
    const { book } = open(dir);
    // pid 2^22 + 1 is above Linux's default pid_max: no process has it.
    writeFileSync(join(dir, LOCK_FILE), String(4_194_305));
    book.record({ op: 'add', contact: contact() });
    expect(book.state().items).toHaveLength(1);
  });

  it('waits for a lock a live process holds, then gives up with a clear error', () => {
    const dir = folder();
    const { book } = open(dir);
    const quick = new ContactBook(open(dir).store, dir, { lockTimeoutMs: 50 });
    // The parent of this worker is alive and is not us: its lock is a live one.
    writeFileSync(join(dir, LOCK_FILE), String(process.ppid));
    expect(() => quick.record({ op: 'add', contact: contact() })).toThrow(/the ledger is busy/);
    writeFileSync(join(dir, LOCK_FILE), '');
    // An empty lock file is a holder that has not written its pid yet: still waited for.
    expect(() => quick.record({ op: 'add', contact: contact() })).toThrow(/the ledger is busy/);
    expect(book.state().items).toHaveLength(0);
  });
});
