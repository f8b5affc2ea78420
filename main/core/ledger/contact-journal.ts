/**
 * The contact journal: an append-only file of contact changes made since the data file was last
 * written. Logging a contact appends one line and fsyncs it — a few hundred bytes, whatever the size
 * of the ledger — where rewriting the data file (100k contacts are ~20 MB) would take a second. The
 * journal is folded into the data file now and then (contact-book.ts).
 *
 * Format: JSON lines. The first line is a header `{"journal":1,"generation":N}`, written atomically
 * with the file; every later line is one change. A line that does not parse (a write torn by power
 * loss) is skipped, by every reader alike, and the next append starts on a fresh line.
 *
 * The generation ties the journal to the data file: the data file records the generation whose
 * changes are still to come (`ledger.journalGeneration`). A journal of that generation is applied on
 * top of it; an older one was folded in already (the process that folded it died before replacing
 * it); a newer one means our copy of the data file is older than the one on disk.
 */
import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs';
import { z } from 'zod';
import type { Contact } from '../../../shared/ledger.js';
import { contactSchema } from '../store/ledger-schema.js';
import { FILE_MODE, isNodeError, writeFileAtomicSync } from '../store/files.js';
import { addItem, deleteItem, editItem, undoLast, type LedgerState } from './ledger.js';

/** One change to the contacts, as journalled. */
export type JournalOp =
  | { op: 'add'; contact: Contact }
  /** Replaces the contact with the same id (fields absent here are removed). */
  | { op: 'edit'; contact: Contact }
  | { op: 'delete'; id: string }
  | { op: 'undo' };

const opSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), contact: contactSchema }),
  z.object({ op: z.literal('edit'), contact: contactSchema }),
  z.object({ op: z.literal('delete'), id: z.string().min(1) }),
  z.object({ op: z.literal('undo') }),
]);
const headerSchema = z.object({ journal: z.literal(1), generation: z.int().min(0) });

/** What identifies one version of the journal cheaply (appends change size and mtime, resets the inode). */
export interface JournalIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** A journal as read from disk. */
export interface JournalContents {
  /** The header's generation; undefined when there is no file (or no readable header). */
  generation: number | undefined;
  ops: JournalOp[];
  /** Lines skipped because they did not parse. */
  damaged: number;
  identity: JournalIdentity | undefined;
}

/** The file's identity, or undefined when there is no file. */
export function journalIdentity(path: string): JournalIdentity | undefined {
  const s = statSync(path, { throwIfNoEntry: false });
  return s && { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
}

/** Whether two identities name the same version of the file. */
export function sameIdentity(
  a: JournalIdentity | undefined,
  b: JournalIdentity | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** Reads the whole journal (it stays small: it is folded every few hundred changes). */
export function readJournal(path: string): JournalContents {
  let text: string;
  let identity: JournalIdentity | undefined;
  try {
    const fd = openSync(path, 'r');
    try {
      const s = fstatSync(fd);
      identity = { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') {
      return { generation: undefined, ops: [], damaged: 0, identity: undefined };
    }
    throw error;
  }
  const lines = text.split('\n');
  let generation: number | undefined;
  const ops: JournalOp[] = [];
  let damaged = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      damaged++;
      return;
    }
    if (i === 0) {
      const header = headerSchema.safeParse(value);
      if (header.success) {
        generation = header.data.generation;
        return;
      }
    }
    const op = opSchema.safeParse(value);
    if (op.success) ops.push(op.data as JournalOp);
    else damaged++;
  });
  return { generation, ops, damaged, identity };
}

/** Replaces the journal with an empty one of `generation` (atomically). */
export function resetJournal(path: string, generation: number): JournalIdentity | undefined {
  writeFileAtomicSync(path, `${JSON.stringify({ journal: 1, generation })}\n`);
  return journalIdentity(path);
}

/**
 * Appends one change and returns once it is on disk. Creates the journal (with `generation`) when
 * there is none. The caller holds the ledger lock.
 */
export function appendJournal(path: string, op: JournalOp, generation: number): JournalIdentity {
  if (journalIdentity(path) === undefined) resetJournal(path, generation);
  const fd = openSync(path, 'a+', FILE_MODE);
  try {
    const { size } = fstatSync(fd);
    // After a torn write the file ends mid-line: start on a fresh one, or this line is lost too.
    let lead = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) lead = '\n';
    }
    writeSync(fd, Buffer.from(`${lead}${JSON.stringify(op)}\n`, 'utf8'));
    fsyncSync(fd);
    const s = fstatSync(fd);
    return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/**
 * Applies one journalled change to a contacts ledger with the ledger's own operations (so undo
 * works the same either way). Returns the same state object when the change does nothing (an
 * unknown id, nothing to undo, an id added twice).
 */
export function applyJournalOp(state: LedgerState<Contact>, op: JournalOp): LedgerState<Contact> {
  switch (op.op) {
    case 'add':
      // Replaying a change twice must not add it twice: an id that is there already is left alone.
      if (state.items.some((c) => c.id === op.contact.id)) return state;
      return addItem(state, op.contact).state;
    case 'edit': {
      const index = state.items.findIndex((c) => c.id === op.contact.id);
      if (index < 0) return state;
      const edited = editItem(state, op.contact.id, op.contact).state;
      // editItem merges; an edit that clears a field (a note) must replace instead.
      const items = edited.items.slice();
      items[index] = op.contact;
      return { ...edited, items };
    }
    case 'delete':
      return deleteItem(state, op.id).state;
    case 'undo':
      return undoLast(state).state;
  }
}
