// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarView } from '../../../shared/api.js';
import type { SampleDataState } from '../../../shared/sample-data.js';
import { ApiProvider } from '../api-context.js';
import { App } from '../app.js';
import { applyLanguage } from '../i18n.js';
import { SampleDataProvider } from '../sample-data.js';
import { createFakeApi, noSample, type FakeApi } from '../testing/fake-api.js';
import { acmeView } from '../testing/report-fixtures.js';
import { CalendarsScreen } from './calendars-screen.js';
import { OverviewScreen } from './overview-screen.js';
import { StatusScreen } from './status-screen.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});
beforeEach(async () => {
  await applyLanguage('en');
});

const work: CalendarView = {
  id: 'cal-1',
  name: 'Work',
  location: '/home/me/work.ics',
  displayLocation: '/home/me/work.ics',
  kind: 'file',
  refreshMinutes: 5,
  role: 'busy',
  addedAt: '2025-03-01T00:00:00.000Z',
  status: { id: 'cal-1', ok: true },
};

const sample: SampleDataState = {
  present: true,
  addedAt: '2025-03-03T09:00:00.000Z',
  calendarIds: ['sample-cal'],
  clientIds: ['sample-client'],
};

function renderStatus(fake: FakeApi): void {
  render(
    <ApiProvider api={fake.api}>
      <SampleDataProvider>
        <StatusScreen />
      </SampleDataProvider>
    </ApiProvider>,
  );
}

/** The step's list item, by its title. */
function step(title: string): HTMLElement {
  const item = screen.getByRole('heading', { name: new RegExp(`^${title}`) }).closest('li');
  if (!item) throw new Error(`no step ${title}`);
  return item;
}

describe('the first-run panel', () => {
  it('shows three open steps on an empty data set, each leading to its screen', async () => {
    renderStatus(createFakeApi());
    expect(await screen.findByRole('heading', { name: 'Getting started' })).toBeTruthy();
    expect(screen.getByText('0 of 3 steps done')).toBeTruthy();
    const steps = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    expect(steps).toHaveLength(3);
    for (const item of steps) expect(item.textContent).toContain('Not done yet');
    expect(
      within(step('Add a calendar')).getByRole('link', { name: 'Go to Calendars' }),
    ).toHaveProperty('hash', '#calendars');
    expect(
      within(step('Add a client')).getByRole('link', { name: 'Go to Clients' }),
    ).toHaveProperty('hash', '#clients');
    expect(
      within(step('Set rates')).getByRole('link', { name: 'Target rates in Settings' }),
    ).toHaveProperty('hash', '#settings');
  });

  it('counts only the user’s own calendars and clients, and a client without a rate leaves rates open', async () => {
    const fake = createFakeApi();
    fake.answer('listCalendars', [work, { ...work, id: 'sample-cal', name: 'Sample calendar' }]);
    fake.answer('listClients', [{ ...acmeView, id: 'sample-client', name: 'Northwind' }]);
    fake.answer('getSampleData', sample);
    renderStatus(fake);
    await screen.findByText('1 of 3 steps done');
    expect(step('Add a calendar').textContent).toContain('Done');
    expect(step('Add a client').textContent).toContain('Not done yet');
    act(() => fake.emit('clients', [acmeView, { ...acmeView, id: 'c2', hourlyRateMinor: 0 }]));
    expect(screen.getByText('2 of 3 steps done')).toBeTruthy();
    expect(step('Set rates').textContent).toContain('Not done yet');
    act(() => fake.emit('clients', [acmeView]));
    // Every step done: the panel steps aside.
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: 'Getting started' })).toBe(null),
    );
  });

  it('adds sample data in one click and then points to the overview', async () => {
    const fake = createFakeApi();
    fake.answer('addSampleData', sample);
    renderStatus(fake);
    fireEvent.click(await screen.findByRole('button', { name: 'Try with sample data' }));
    expect(await screen.findByText('Sample data added.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See the clients overview' })).toHaveProperty(
      'hash',
      '#overview',
    );
    expect(fake.calls.find((c) => c.method === 'addSampleData')?.input).toEqual({ language: 'en' });
  });

  it('says why the sample could not be added', async () => {
    const fake = createFakeApi();
    fake.answer('addSampleData', () => {
      throw new Error('the sample data is there already');
    });
    renderStatus(fake);
    fireEvent.click(await screen.findByRole('button', { name: 'Try with sample data' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not add the sample data: the sample data is there already',
    );
  });

  it('speaks German', async () => {
    await applyLanguage('de');
    renderStatus(createFakeApi());
    expect(await screen.findByRole('heading', { name: 'Erste Schritte' })).toBeTruthy();
    expect(screen.getByText('0 von 3 Schritten erledigt')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Zu den Kalendern' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mit Beispieldaten ausprobieren' })).toBeTruthy();
  });
});

describe('the sample-data banner', () => {
  it('shows on every screen while sample data is there and removes it in one step', async () => {
    const fake = createFakeApi();
    let state = sample;
    fake.answer('getSampleData', () => state);
    fake.answer('removeSampleData', () => {
      state = noSample;
      return { calendars: 1, clients: 3, contacts: 40, timeEntries: 50 };
    });
    render(
      <ApiProvider api={fake.api}>
        <App />
      </ApiProvider>,
    );
    const banner = await screen.findByRole('region', { name: 'Sample data' });
    expect(banner.textContent).toContain('You are looking at sample data.');
    fireEvent.click(screen.getByRole('button', { name: 'Calendars' }));
    await screen.findByRole('heading', { name: 'Calendars', level: 1 });
    expect(screen.getByRole('region', { name: 'Sample data' })).toBeTruthy();
    const remove = screen.getByRole('button', { name: 'Remove sample data' });
    remove.focus();
    fireEvent.click(remove);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Sample data' })).toBe(null));
    expect(screen.getByText('Sample data removed. Your own data is as it was.')).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'removeSampleData')).toHaveLength(1);
  });

  it('follows sample events from another window or the command line', async () => {
    const fake = createFakeApi();
    render(
      <ApiProvider api={fake.api}>
        <App />
      </ApiProvider>,
    );
    await screen.findByRole('heading', { name: 'Getting started' });
    expect(screen.queryByRole('region', { name: 'Sample data' })).toBe(null);
    act(() => fake.emit('sample', sample));
    expect(screen.getByRole('region', { name: 'Sample data' })).toBeTruthy();
    // While it is there, nobody is offered to add it again.
    expect(screen.queryByRole('button', { name: 'Try with sample data' })).toBe(null);
  });
});

describe('empty states lead to the next step', () => {
  it('Calendars: the button takes the focus to the form, or the sample is a click away', async () => {
    render(
      <ApiProvider api={createFakeApi().api}>
        <CalendarsScreen />
      </ApiProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Add your first calendar' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Calendar link or file/));
    expect(screen.getByRole('button', { name: 'Try with sample data' })).toBeTruthy();
  });

  it('Overview: links to Clients', async () => {
    const fake = createFakeApi();
    fake.answer('getReport', {
      from: '2025-03-03T00:00:00.000Z',
      to: '2025-03-05T00:00:00.000Z',
      timeZone: 'UTC',
      openEnded: false,
      recoveryMinutes: 23,
      recoveryLabel: 'Gloria Mark',
      unassigned: { entries: 0, hours: 0 },
      clients: [],
    });
    render(
      <ApiProvider api={fake.api}>
        <OverviewScreen />
      </ApiProvider>,
    );
    expect(await screen.findByRole('link', { name: 'Add your first client' })).toHaveProperty(
      'hash',
      '#clients',
    );
  });
});
