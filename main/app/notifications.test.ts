import { describe, expect, it } from 'vitest';
import type { StatusNow } from '../../shared/domain.js';
import { notificationFor } from './notifications.js';

const fmt = (iso: string) => iso.slice(11, 16);
const focus: StatusNow = {
  at: '2025-03-03T10:00:00.000Z',
  state: 'focus',
  available: false,
  reason: 'Focus block',
  since: null,
  until: '2025-03-03T11:00:00.000Z',
  next: null,
  overridden: false,
};

describe('notificationFor', () => {
  it('says nothing at start-up or when the same state is recomputed', () => {
    expect(notificationFor(null, focus, fmt)).toBeNull();
    expect(notificationFor(focus, { ...focus, at: '2025-03-03T10:05:00.000Z' }, fmt)).toBeNull();
  });

  it('announces a new state with its reason and end', () => {
    expect(
      notificationFor(
        focus,
        { ...focus, state: 'meeting', reason: 'Client meeting', until: '2025-03-03T12:00:00.000Z' },
        fmt,
      ),
    ).toEqual({
      title: 'Now: In a meeting',
      body: 'Client meeting — until 12:00',
    });
    expect(
      notificationFor(focus, { ...focus, state: 'available', reason: 'Free', until: null }, fmt),
    ).toEqual({ title: 'Now: Available', body: 'Free' });
  });

  it('announces a hand-set override even when the state word stays', () => {
    expect(
      notificationFor(focus, { ...focus, overridden: true, reason: 'Set by hand' }, fmt)?.title,
    ).toBe('Now: In a focus block');
  });
});
