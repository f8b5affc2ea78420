/**
 * The contacts as they are: the data file's contacts with the contact journal applied on top. Small
 * changes (log, edit, delete, undo) are appended to the journal and are durable when the call
 * returns; bulk changes (imports, calendar demand, a whole new data set) and every `foldAt` changes
 * are folded into the data file in one store write, after which the journal starts over with the
 * next generation. All writers take the ledger lock, so two processes never interleave a fold with
 * an append. See contact-journal.ts for why the journal exists and how generations keep a crash at
 * any moment from losing or repeating a change.
 */
import { join } from 'node:path';
import type { Contact } from '../../../shared/ledger.js';
import type { Data } from '../store/schema.js';
import type { DataStore } from '../store/store.js';
import {
  appendJournal,
  applyJournalOp,
  journalIdentity,
  readJournal,
  resetJournal,
  sameIdentity,
  type JournalContents,
  type JournalIdentity,
  type JournalOp,
} from './contact-journal.js';
import { LOCK_TIMEOUT_MS, withFileLock } from './file-lock.js';
import { UNDO_DEPTH, type LedgerState } from './ledger.js';

/** The journal's file name inside the data folder. */
export const JOURNAL_FILE = 'contact-journal.jsonl';
/** The ledger lock's file name inside the data folder. */
export const LOCK_FILE = 'ledger.lock';

/** Options of a contact book. */
export interface ContactBookOptions {
  /** Fold the journal into the data file once it holds this many changes (default 200). */
  foldAt?: number;
  lockTimeoutMs?: number;
}

/** What a bulk change returns: new contacts (if they changed) and anything for the caller. */
export interface BulkResult<T> {
  contacts?: LedgerState<Contact>;
  result: T;
}

/**
 * The contacts as this process last saw them. Contacts logged since `head` are kept apart in `tail`,
 * so logging one contact copies nothing (a 100k-contact array takes milliseconds to copy); the whole
 * state is put together when someone reads it.
 */
interface Snapshot {
  data: Data;
  identity: JournalIdentity | undefined;
  /** The generation the journal has (or gets when created). */
  generation: number;
  /** Journal entries applied on top of the data file. */
  pending: number;
  head: LedgerState<Contact>;
  tail: Contact[];
  /** head + tail, built on first read after a change. */
  whole?: LedgerState<Contact> | undefined;
  /** Every id in head + tail, built when first needed. */
  ids?: Set<string> | undefined;
  /** head's contacts per client, built when first needed. */
  byClient?: Map<string, Contact[]> | undefined;
}

/** The contacts ledger over a store and the journal beside it. */
export class ContactBook {
  readonly journalPath: string;
  readonly lockPath: string;
  private readonly foldAt: number;
  private readonly lockTimeoutMs: number;
  private snapshot: Snapshot | undefined;

  constructor(
    private readonly store: DataStore,
    dataDir: string,
    options: ContactBookOptions = {},
  ) {
    this.journalPath = join(dataDir, JOURNAL_FILE);
    this.lockPath = join(dataDir, LOCK_FILE);
    this.foldAt = Math.max(1, options.foldAt ?? 200);
    this.lockTimeoutMs = options.lockTimeoutMs ?? LOCK_TIMEOUT_MS;
  }

  /** The contacts ledger now (items, undo history, deleted import keys). */
  state(): LedgerState<Contact> {
    return whole(this.current());
  }

  /** Calls `fn` with each contact of one client (without putting the whole state together). */
  forEachOf(clientId: string, fn: (contact: Contact) => void): void {
    const snap = this.current();
    snap.byClient ??= groupByClient(snap.head.items);
    for (const c of snap.byClient.get(clientId) ?? []) fn(c);
    for (const c of snap.tail) if (c.clientId === clientId) fn(c);
  }

  /**
   * Logs one new contact: the same as `record({ op: 'add', contact })`, without building the states
   * before and after. Durable on return; false (and nothing written) when the id is taken.
   */
  add(contact: Contact): boolean {
    const added = this.locked(() => {
      const snap = this.current();
      snap.ids ??= new Set([...snap.head.items.map((c) => c.id), ...snap.tail.map((c) => c.id)]);
      if (snap.ids.has(contact.id)) return false;
      snap.identity = appendJournal(this.journalPath, { op: 'add', contact }, snap.generation);
      snap.pending++;
      snap.ids.add(contact.id);
      snap.tail.push(contact);
      snap.whole = undefined;
      return true;
    });
    if (this.snapshot && this.snapshot.pending >= this.foldAt) this.fold();
    return added;
  }

  /** Journalled changes not yet folded into the data file. */
  pending(): number {
    return this.current().pending;
  }

  /**
   * Applies one change and journals it; durable on return. Returns the state before and after
   * (the same object when the change did nothing, which is then not written).
   */
  record(op: JournalOp): { before: LedgerState<Contact>; after: LedgerState<Contact> } {
    const outcome = this.locked(() => {
      const snap = this.current();
      const before = whole(snap);
      const after = applyJournalOp(before, op);
      if (after === before) return { before, after };
      const identity = appendJournal(this.journalPath, op, snap.generation);
      this.snapshot = {
        ...snap,
        identity,
        pending: snap.pending + 1,
        head: after,
        tail: [],
        whole: after,
        ids: undefined,
        byClient: undefined,
      };
      return { before, after };
    });
    if (this.snapshot && this.snapshot.pending >= this.foldAt) this.fold();
    return outcome;
  }

  /**
   * A bulk change in one store write: the journal is folded in first, `change` may edit the draft
   * (time entries, settings) and return new contacts. Nothing is written when `change` throws.
   */
  commit<T>(change: (draft: Data, contacts: LedgerState<Contact>) => BulkResult<T>): T {
    return this.locked(() => {
      const journal = readJournal(this.journalPath);
      let result: T | undefined;
      let generation = 0;
      this.store.update((draft) => {
        // The draft is the file as it is now, whatever our copy says: the lock makes this the truth.
        const base = draft.ledger.journalGeneration;
        let state = replay(draft, journal);
        const out = change(draft, state);
        if (out.contacts) state = out.contacts;
        result = out.result;
        generation = Math.max(base, journal.generation ?? 0) + 1;
        draft.contacts = [...state.items];
        draft.ledger = {
          // Whatever else `change` recorded there (the latest dashboard import) stays.
          ...draft.ledger,
          contactUndo: [...state.undo],
          deletedContactKeys: [...state.deletedKeys],
          journalGeneration: generation,
        };
      });
      // Dying here leaves the old journal beside a data file that already holds it: its older
      // generation tells the next reader to ignore it.
      const identity = resetJournal(this.journalPath, generation);
      const data = this.store.read();
      this.snapshot = { data, identity, generation, pending: 0, head: baseState(data), tail: [] };
      return result as T;
    });
  }

  /** Folds the journal into the data file now. */
  fold(): void {
    this.commit(() => ({ result: undefined }));
  }

  /**
   * Replaces the data file wholesale (`replace` writes it: an import of a whole export), with the
   * journal folded in first and a fresh one of the new file's generation after.
   */
  replaceData<T>(replace: () => T): T {
    return this.locked(() => {
      this.fold();
      const result = replace();
      const data = this.store.read();
      const generation = data.ledger.journalGeneration;
      const identity = resetJournal(this.journalPath, generation);
      this.snapshot = { data, identity, generation, pending: 0, head: baseState(data), tail: [] };
      return result;
    });
  }

  private locked<T>(fn: () => T): T {
    return withFileLock(this.lockPath, fn, this.lockTimeoutMs);
  }

  /** The snapshot, rebuilt when the data file or the journal changed since it was taken. */
  private current(): Snapshot {
    const snap = this.snapshot;
    if (
      snap &&
      snap.data === this.store.read() &&
      sameIdentity(snap.identity, journalIdentity(this.journalPath))
    ) {
      return snap;
    }
    let journal = readJournal(this.journalPath);
    if (
      journal.generation !== undefined &&
      journal.generation > this.store.read().ledger.journalGeneration
    ) {
      // Another process folded and started a newer journal; our copy of the data file predates
      // that fold. An update that changes nothing re-reads the file.
      this.store.update(() => undefined);
      journal = readJournal(this.journalPath);
    }
    const data = this.store.read();
    const base = data.ledger.journalGeneration;
    const applies = journal.generation === undefined || journal.generation >= base;
    // A journal older than the data file was folded already; replace it before anyone appends.
    const identity = applies ? journal.identity : this.locked(() => this.resetIfStale(base));
    const snapshot: Snapshot = {
      data,
      identity,
      generation: journal.generation !== undefined && applies ? journal.generation : base,
      pending: applies ? journal.ops.length : 0,
      head: replay(data, journal),
      tail: [],
    };
    this.snapshot = snapshot;
    return snapshot;
  }

  /** Replaces a journal that is older than the data file (checked again under the lock). */
  private resetIfStale(generation: number): JournalIdentity | undefined {
    const journal = readJournal(this.journalPath);
    if (journal.generation !== undefined && journal.generation < generation) {
      return resetJournal(this.journalPath, generation);
    }
    return journal.identity;
  }
}

/** head + tail as one ledger state: what `addItem` once per tail contact would have made. */
function whole(snap: Snapshot): LedgerState<Contact> {
  if (snap.whole) return snap.whole;
  const { head, tail } = snap;
  snap.whole =
    tail.length === 0
      ? head
      : {
          items: head.items.concat(tail),
          undo: [...head.undo, ...tail.map((c) => ({ op: 'add' as const, id: c.id }))].slice(
            -UNDO_DEPTH,
          ),
          deletedKeys: head.deletedKeys,
        };
  return snap.whole;
}

function groupByClient(items: readonly Contact[]): Map<string, Contact[]> {
  const out = new Map<string, Contact[]>();
  for (const c of items) {
    let list = out.get(c.clientId);
    if (!list) out.set(c.clientId, (list = []));
    list.push(c);
  }
  return out;
}

/** The contacts ledger the data file holds. */
function baseState(data: Data): LedgerState<Contact> {
  return {
    items: data.contacts,
    undo: data.ledger.contactUndo,
    deletedKeys: data.ledger.deletedContactKeys,
  };
}

/** The data file's contacts with the journal's changes applied (when they belong to it). */
function replay(data: Data, journal: JournalContents): LedgerState<Contact> {
  let state = baseState(data);
  const applies =
    journal.generation === undefined || journal.generation >= data.ledger.journalGeneration;
  if (!applies) return state;
  for (const op of journal.ops) state = applyJournalOp(state, op);
  return state;
}
