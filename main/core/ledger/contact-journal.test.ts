/** Replaying the contact journal: a change applied twice changes nothing the second time. */
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/ledger.js';
import { applyJournalOp } from './contact-journal.js';
import { createLedger } from './ledger.js';

const contact: Contact = {
  id: 'c-1',
  clientId: 'client-1',
  kind: 'call',
  at: '2026-03-02T10:00:00.000Z',
  minutes: 10,
  scheduled: false,
  source: 'manual',
};

describe('applyJournalOp', () => {
  it('adds a contact once: the same add replayed leaves the state as it was', () => {
    const once = applyJournalOp(createLedger<Contact>(), { op: 'add', contact });
    expect(once.items).toEqual([contact]);
    expect(applyJournalOp(once, { op: 'add', contact })).toBe(once);
  });
});
