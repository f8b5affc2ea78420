// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.js';
import type { CalendarView } from '../../../shared/api.js';
import { ApiProvider } from '../api-context.js';
import { applyLanguage } from '../i18n.js';
import { createFakeApi } from '../testing/fake-api.js';
import { CalendarsScreen, progressSummary } from './calendars-screen.js';

afterEach(cleanup);
beforeEach(async () => {
  await applyLanguage('en');
});

const work: CalendarView = {
  id: 'c1',
  name: 'Work',
  location: 'https://cal.example.com/secret/abc.ics',
  displayLocation: 'https://cal.example.com/…',
  kind: 'url',
  refreshMinutes: 5,
  role: 'busy',
  addedAt: '2025-03-01T00:00:00.000Z',
  status: {
    id: 'c1',
    ok: false,
    error: 'HTTP 404 Not Found',
    lastSuccessAt: '2025-03-02T08:00:00.000Z',
  },
};

function renderWith(calendars: CalendarView[] = [work]) {
  const fake = createFakeApi();
  fake.answer('listCalendars', calendars);
  render(
    <ApiProvider api={fake.api}>
      <CalendarsScreen />
    </ApiProvider>,
  );
  return fake;
}

describe('CalendarsScreen', () => {
  it('lists calendars with the redacted location and the sync error', async () => {
    renderWith();
    const item = await screen.findByRole('listitem', { name: 'Work' });
    expect(within(item).getByText('https://cal.example.com/…')).toBeTruthy();
    expect(within(item).getByText(/HTTP 404 Not Found/)).toBeTruthy();
    expect(item.textContent).not.toContain('secret');
  });

  it('shows a validation error next to the field without calling the core', async () => {
    const fake = renderWith();
    await screen.findByRole('listitem', { name: 'Work' });
    fireEvent.change(screen.getByLabelText('Calendar link or file path'), {
      target: { value: 'ftp://x/cal.ics' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add calendar' }));
    const field = screen.getByLabelText('Calendar link or file path');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/not calendars/);
    expect(fake.calls.some((c) => c.method === 'addCalendar')).toBe(false);
  });

  it("shows the core's refusal inline and keeps the list", async () => {
    const fake = renderWith();
    fake.answer('addCalendar', () => {
      throw new Error('could not fetch https://bad.example/…: HTTP 404');
    });
    await screen.findByRole('listitem', { name: 'Work' });
    fireEvent.change(screen.getByLabelText('Calendar link or file path'), {
      target: { value: 'https://bad.example/x.ics' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add calendar' }));
    expect((await screen.findByRole('alert')).textContent).toContain('could not fetch');
    expect(screen.getByRole('listitem', { name: 'Work' })).toBeTruthy();
  });

  it('removes only after confirmation', async () => {
    const fake = renderWith();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Work' }));
    expect(fake.calls.some((c) => c.method === 'removeCalendar')).toBe(false);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Work' })).toBeNull());
    expect(fake.calls.at(-1)).toEqual({ method: 'removeCalendar', input: { id: 'c1' } });
  });

  it('shows sync progress from syncProgress events', async () => {
    const fake = renderWith();
    let finish: (v: CalendarView[]) => void = () => {};
    fake.answer(
      'syncCalendars',
      () => new Promise<CalendarView[]>((resolve) => (finish = resolve)),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Sync now' }));
    act(() => fake.emit('syncProgress', { id: 'c1', name: 'Work', phase: 'fetching' }));
    expect(
      within(screen.getByRole('listitem', { name: 'Work' })).getByText('Fetching…'),
    ).toBeTruthy();
    expect(screen.getByText('Syncing: 0 of 1 done')).toBeTruthy();
    act(() => fake.emit('syncProgress', { id: 'c1', name: 'Work', phase: 'done' }));
    await act(async () => finish([{ ...work, status: { id: 'c1', ok: true, eventCount: 3 } }]));
    expect(screen.getByText('Last sync: 1 of 1 done')).toBeTruthy();
    expect(screen.queryByText(/HTTP 404/)).toBeNull();
  });

  it('follows calendars events', async () => {
    const fake = renderWith([]);
    await screen.findByText(/No calendars yet/);
    act(() => fake.emit('calendars', [work]));
    expect(screen.getByRole('listitem', { name: 'Work' })).toBeTruthy();
  });
});

describe('CalendarsScreen in German', () => {
  beforeEach(async () => {
    await applyLanguage('de');
  });

  it('lists, checks and asks in German, with the date in German style', async () => {
    renderWith();
    const item = await screen.findByRole('listitem', { name: 'Work' });
    expect(screen.getByRole('heading', { level: 1, name: 'Kalender' })).toBeTruthy();
    expect(within(item).getByText('Zuletzt synchronisiert')).toBeTruthy();
    // "02.03.2025, 08:00" or the like: day first, German month style, in the browser's zone.
    expect(within(item).getByText(/^\d{2}\.\d{2}\.\d{4}/)).toBeTruthy();
    expect(within(item).getByText('Synchronisierung fehlgeschlagen:')).toBeTruthy();
    expect(within(item).getByLabelText('Rolle')).toBeTruthy();
    expect(within(item).getByRole('option', { name: 'Belegt, wenn gebucht' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Kalender-Link oder Dateipfad'), {
      target: { value: 'ftp://x/cal.ics' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Kalender hinzufügen' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Links, die mit ftp:// beginnen, sind keine Kalender. Verwenden Sie https:// oder webcal://.',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Work entfernen' }));
    const confirm = screen.getByRole('group', { name: 'Entfernen von Work bestätigen' });
    expect(within(confirm).getByRole('button', { name: 'Ja, entfernen' })).toBeTruthy();
    expect(within(confirm).getByRole('button', { name: 'Abbrechen' })).toBeTruthy();
  });

  it('says the empty list and the sync progress in German', async () => {
    const fake = renderWith([]);
    expect(await screen.findByText(/^Noch keine Kalender\./)).toBeTruthy();
    act(() => fake.emit('calendars', [work]));
    let finish: (v: CalendarView[]) => void = () => {};
    fake.answer(
      'syncCalendars',
      () => new Promise<CalendarView[]>((resolve) => (finish = resolve)),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Jetzt synchronisieren' }));
    act(() => fake.emit('syncProgress', { id: 'c1', name: 'Work', phase: 'parsing' }));
    expect(screen.getByText('Wird gelesen …')).toBeTruthy();
    expect(screen.getByText('Synchronisierung: 0 von 1 fertig')).toBeTruthy();
    await act(async () => finish([work]));
  });
});

describe('progressSummary', () => {
  it('counts finished and failed sources', () => {
    expect(
      progressSummary(
        {
          a: { id: 'a', name: 'A', phase: 'done' },
          b: { id: 'b', name: 'B', phase: 'failed', error: 'timeout' },
          c: { id: 'c', name: 'C', phase: 'fetching' },
        },
        3,
        createTranslator('en').getFixedT('en', 'calendars'),
      ),
    ).toBe('2 of 3 done, 1 failed');
  });
});
