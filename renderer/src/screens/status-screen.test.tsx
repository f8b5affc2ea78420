// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../api-context.js';
import { createFakeApi, focusStatus } from '../testing/fake-api.js';
import { StatusScreen } from './status-screen.js';

afterEach(cleanup);

function renderWith(fake = createFakeApi()) {
  render(
    <ApiProvider api={fake.api}>
      <StatusScreen />
    </ApiProvider>,
  );
  return fake;
}

describe('StatusScreen', () => {
  it('shows the state, the reason and until when', async () => {
    renderWith();
    expect(await screen.findByText('In a focus block')).toBeTruthy();
    expect(screen.getByText('Focus block from your calendar')).toBeTruthy();
    expect(screen.getByText('Until')).toBeTruthy();
    expect(screen.getByText(/^Available at /)).toBeTruthy();
  });

  it('re-renders on status events without asking again', async () => {
    const fake = renderWith();
    await screen.findByText('In a focus block');
    expect(fake.listenerCount('status')).toBe(1);
    act(() =>
      fake.emit('status', {
        ...focusStatus,
        at: '2025-03-03T10:05:00.000Z',
        state: 'meeting',
        reason: 'Client call',
      }),
    );
    expect(screen.getByText('In a meeting')).toBeTruthy();
    expect(screen.getByText('Client call')).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'getStatus')).toHaveLength(1);
  });

  it('offers overrides with accessible names and shows what they return', async () => {
    const fake = renderWith();
    fake.answer('setOverride', {
      ...focusStatus,
      state: 'away',
      reason: 'Set by hand',
      overridden: true,
    });
    await screen.findByText('In a focus block');
    fireEvent.click(screen.getByRole('button', { name: 'Unavailable for 30 minutes' }));
    expect(await screen.findByText('Away')).toBeTruthy();
    expect(fake.calls.at(-1)).toEqual({
      method: 'setOverride',
      input: { mode: 'unavailable', minutes: 30 },
    });
    for (const name of [
      'Available for 1 hour',
      'Available for 2 hours',
      'Unavailable until the chosen time',
      'Follow calendar',
    ]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
  });

  it('asks for a time before "until", then sends the next such instant', async () => {
    const fake = renderWith();
    await screen.findByText('In a focus block');
    fireEvent.click(screen.getByRole('button', { name: 'Available until the chosen time' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose a time first.');
    fireEvent.change(screen.getByLabelText('Until time'), { target: { value: '23:59' } });
    fireEvent.click(screen.getByRole('button', { name: 'Available until the chosen time' }));
    await waitFor(() => expect(fake.calls.at(-1)?.method).toBe('setOverride'));
    const input = fake.calls.at(-1)?.input as { mode: string; until: string };
    expect(input.mode).toBe('available');
    const until = new Date(input.until);
    expect([until.getHours(), until.getMinutes()]).toEqual([23, 59]);
    expect(until.getTime()).toBeGreaterThan(Date.now());
  });

  it('shows a failed override as an alert', async () => {
    const fake = renderWith();
    fake.answer('clearOverride', () => {
      throw new Error('store is read-only');
    });
    await screen.findByText('In a focus block');
    fireEvent.click(screen.getByRole('button', { name: 'Follow calendar' }));
    expect((await screen.findByRole('alert')).textContent).toBe('store is read-only');
  });
  it('opens with the time picker ready when the tray asks for "Until…" (#status?until=unavailable)', async () => {
    window.history.replaceState(null, '', '#status?until=unavailable');
    try {
      const fake = renderWith();
      await screen.findByText('In a focus block');
      const field = screen.getByLabelText('Unavailable until — choose the time');
      expect(document.activeElement).toBe(field);
      fireEvent.change(field, { target: { value: '23:58' } });
      fireEvent.keyDown(field, { key: 'Enter' });
      await waitFor(() => expect(fake.calls.at(-1)?.method).toBe('setOverride'));
      const input = fake.calls.at(-1)?.input as { mode: string; until: string };
      expect(input.mode).toBe('unavailable');
      expect([new Date(input.until).getHours(), new Date(input.until).getMinutes()]).toEqual([
        23, 58,
      ]);
      // The request is done: the address and the field go back to the plain Status screen.
      expect(window.location.hash).toBe('#status');
      expect(screen.getByLabelText('Until time')).toBeTruthy();
    } finally {
      window.history.replaceState(null, '', '#');
    }
  });

  it('follows the picker request when the hash changes while the screen is open', async () => {
    renderWith();
    await screen.findByText('In a focus block');
    act(() => {
      window.history.replaceState(null, '', '#status?until=available');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(document.activeElement).toBe(screen.getByLabelText('Available until — choose the time'));
    expect(screen.getByRole('button', { name: 'Set Available until this time' })).toBeTruthy();
    window.history.replaceState(null, '', '#');
  });
});
