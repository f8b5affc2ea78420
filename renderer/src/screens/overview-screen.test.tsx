// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../api-context.js';
import { applyLanguage } from '../i18n.js';
import { SampleDataProvider } from '../sample-data.js';
import { createFakeApi } from '../testing/fake-api.js';
import { threeClientReport } from '../testing/report-fixtures.js';
import { OverviewScreen } from './overview-screen.js';

afterEach(async () => {
  cleanup();
  window.location.hash = '';
  await applyLanguage('en');
});

function renderOverview() {
  const fake = createFakeApi();
  fake.answer('getReport', () => threeClientReport());
  render(
    <ApiProvider api={fake.api}>
      <OverviewScreen />
    </ApiProvider>,
  );
  return fake;
}

/** The client names of the table's rows, top to bottom. */
function rowNames(): string[] {
  return screen
    .getAllByTestId('overview-row')
    .map((row) => within(row).getByRole('rowheader').textContent ?? '');
}

function header(name: string): HTMLElement {
  return screen.getByRole('columnheader', { name });
}

describe('OverviewScreen', () => {
  it('puts the clients over their allowance first and sorts by every column both ways', async () => {
    renderOverview();
    await screen.findByTestId('clients-overview');
    expect(rowNames()).toEqual(['Acme', 'Beta', 'Gamma']);
    expect(header('Unscheduled contacts').getAttribute('aria-sort')).toBe('descending');
    expect(header('Revenue').getAttribute('aria-sort')).toBeNull();

    fireEvent.click(within(header('Revenue')).getByRole('button'));
    expect(rowNames()).toEqual(['Beta', 'Acme', 'Gamma']);
    expect(header('Revenue').getAttribute('aria-sort')).toBe('descending');
    expect(header('Unscheduled contacts').getAttribute('aria-sort')).toBeNull();
    fireEvent.click(within(header('Revenue')).getByRole('button'));
    expect(rowNames()).toEqual(['Gamma', 'Acme', 'Beta']);
    expect(header('Revenue').getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(within(header('Client')).getByRole('button'));
    expect(rowNames()).toEqual(['Acme', 'Beta', 'Gamma']);
    fireEvent.click(within(header('Client')).getByRole('button'));
    expect(rowNames()).toEqual(['Gamma', 'Beta', 'Acme']);

    fireEvent.click(within(header('Billed hours')).getByRole('button'));
    expect(rowNames()).toEqual(['Beta', 'Acme', 'Gamma']);
    fireEvent.click(within(header('Share of revenue')).getByRole('button'));
    expect(rowNames()).toEqual(['Beta', 'Acme', 'Gamma']);
    // Effective rate against the list rate: Beta 118/120, Acme 70/120; Gamma has no list rate.
    fireEvent.click(within(header('Effective rate')).getByRole('button'));
    expect(rowNames()).toEqual(['Beta', 'Acme', 'Gamma']);
    fireEvent.click(within(header('Effective rate')).getByRole('button'));
    expect(rowNames()).toEqual(['Acme', 'Beta', 'Gamma']);
    fireEvent.click(within(header('Recommendation')).getByRole('button'));
    expect(rowNames()).toEqual(['Acme', 'Gamma', 'Beta']);
  });

  it('shows each number of a row, formatted, and opens the detail from the row or its link', async () => {
    renderOverview();
    await screen.findByTestId('clients-overview');
    const acme = screen.getAllByTestId('overview-row')[0] as HTMLElement;
    const cells = within(acme)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      '5 of 23 over',
      '8 h',
      '€1,234.50',
      '€70of €120 list rate (58%)',
      '30%',
      'Raise the rate',
    ]);
    const link = within(acme).getByRole('link', { name: 'Details of Acme' });
    expect(link.getAttribute('href')).toBe('#client/acme');
    fireEvent.click(within(acme).getByText('€1,234.50'));
    expect(window.location.hash).toBe('#client/acme');
  });

  it('opens on this week; asks for this month, the last 12 weeks or the chosen days, and explains a wrong period', async () => {
    const fake = renderOverview();
    await screen.findByTestId('clients-overview');
    const reports = () => fake.calls.filter((c) => c.method === 'getReport').map((c) => c.input);
    // The browser's own English (jsdom says en-US) dates the reasons, beside the language that words them.
    const en = { language: 'en', locale: 'en-US' };
    expect(reports()).toEqual([{ preset: 'this-week', ...en }]);
    expect(screen.getByRole('radio', { name: 'This week' })).toHaveProperty('checked', true);

    fireEvent.click(screen.getByRole('radio', { name: 'This month' }));
    await waitFor(() => expect(reports()).toHaveLength(2));
    expect(reports()[1]).toEqual({ preset: 'this-month', ...en });
    fireEvent.click(screen.getByRole('radio', { name: 'Last 12 weeks' }));
    await waitFor(() => expect(reports()).toHaveLength(3));
    expect(reports()[2]).toEqual({ preset: 'last-12-weeks', ...en });

    fireEvent.click(screen.getByRole('radio', { name: 'Chosen period' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-02-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-02-28' } });
    await waitFor(() =>
      expect(reports().at(-1)).toEqual({ from: '2025-02-01', to: '2025-02-28', ...en }),
    );
    const asked = reports().length;
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-01-15' } });
    expect(screen.getByRole('alert').textContent).toBe('The last day is before the first day.');
    expect(screen.getByLabelText('To').getAttribute('aria-invalid')).toBe('true');
    expect(reports()).toHaveLength(asked);
  });

  it('speaks German: headings, period, money and numbers in the German locale', async () => {
    await applyLanguage('de');
    const fake = renderOverview();
    expect(await screen.findByRole('heading', { level: 1, name: 'Übersicht' })).toBeTruthy();
    await screen.findByTestId('clients-overview');
    expect(fake.calls.find((c) => c.method === 'getReport')?.input).toEqual({
      preset: 'this-week',
      language: 'de',
    });
    expect(screen.getByRole('radio', { name: 'Letzte 12 Wochen' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Diese Woche' })).toBeTruthy();
    expect(header('Umsatz').getAttribute('aria-sort')).toBeNull();
    expect(header('Ungeplante Kontakte').getAttribute('aria-sort')).toBe('descending');
    const acme = screen.getAllByTestId('overview-row')[0] as HTMLElement;
    const cells = within(acme)
      .getAllByRole('cell')
      .map((c) => c.textContent?.replace(/\s/g, ' '));
    expect(cells[0]).toBe('5 von 23 darüber');
    expect(cells[1]).toBe('8 Std.');
    expect(cells[2]).toBe('1.234,50 €');
    expect(cells[5]).toBe('Stundensatz erhöhen');
    expect(screen.getByText(/^Angezeigt: 10\.–12\. März 2025$/)).toBeTruthy();
  });
  /** The overview over a report where Acme lacks evidence while the preset is `short` (any, if none). */
  function renderShortOf(neededWeeks: number, short?: string) {
    const fake = createFakeApi();
    fake.answer('getReport', (input) => {
      const report = threeClientReport();
      const acme = report.clients.find((c) => c.id === 'acme');
      if (acme && (short === undefined || (input as { preset?: string }).preset === short))
        acme.recommendation = {
          kind: 'not-enough-data',
          reasons: [],
          walkAwayWarning: false,
          missing: { billedWeeks: 1, neededWeeks, periodWeeks: 1 },
        };
      return report;
    });
    render(
      <ApiProvider api={fake.api}>
        <OverviewScreen />
      </ApiProvider>,
    );
  }

  it('says when the period is too short for any rate decision, and widens it in one click', async () => {
    renderShortOf(4, 'this-week');
    const hint = await screen.findByTestId('period-too-short');
    expect(hint.textContent).toContain(
      'A rate decision needs billed hours in 4 weeks; this period covers 1 week,',
    );
    fireEvent.click(within(hint).getByRole('button', { name: 'Show the last 12 weeks' }));
    expect(screen.getByRole('radio', { name: 'Last 12 weeks' })).toHaveProperty('checked', true);
    await waitFor(() => expect(screen.queryByTestId('period-too-short')).toBeNull());
  });

  it('offers no twelve weeks where a rate decision needs more than twelve', async () => {
    renderShortOf(16);
    const hint = await screen.findByTestId('period-too-short');
    expect(hint.textContent).toContain('A rate decision needs billed hours in 16 weeks');
    expect(within(hint).queryByRole('button')).toBeNull();
  });

  it('tags the sample clients in their rows, in words', async () => {
    const fake = createFakeApi();
    fake.answer('getReport', () => threeClientReport());
    fake.answer('getSampleData', {
      present: true,
      addedAt: '2026-11-25T15:00:00.000Z',
      calendarIds: [],
      clientIds: ['beta'],
    });
    render(
      <ApiProvider api={fake.api}>
        <SampleDataProvider>
          <OverviewScreen />
        </SampleDataProvider>
      </ApiProvider>,
    );
    await screen.findByTestId('clients-overview');
    const row = (name: string): HTMLElement =>
      screen
        .getAllByTestId('overview-row')
        .find((r) => r.textContent?.includes(name)) as HTMLElement;
    await waitFor(() =>
      expect(within(row('Beta')).getByRole('rowheader').textContent).toBe('Beta Sample'),
    );
    expect(within(row('Acme')).getByRole('rowheader').textContent).toBe('Acme');
  });

  it('loads the numbers again when the ledger changes elsewhere (the tray logged a call)', async () => {
    const fake = renderOverview();
    await waitFor(() => expect(rowNames().length).toBeGreaterThan(0));
    const asked = () => fake.calls.filter((c) => c.method === 'getReport').length;
    const before = asked();
    act(() => fake.emit('ledger', { at: new Date().toISOString() }));
    await waitFor(() => expect(asked()).toBe(before + 1));
  });
});
