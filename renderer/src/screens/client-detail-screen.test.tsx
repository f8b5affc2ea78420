// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AD_HOC_KINDS, type ClientScripts } from '../../../shared/rate-case.js';
import { ApiProvider } from '../api-context.js';
import { App } from '../app.js';
import { applyLanguage } from '../i18n.js';
import { SampleDataProvider } from '../sample-data.js';
import { createFakeApi, noSample } from '../testing/fake-api.js';
import { acmeDetail, acmeView, threeClientReport } from '../testing/report-fixtures.js';
import { ClientDetailScreen } from './client-detail-screen.js';

afterEach(async () => {
  cleanup();
  window.location.hash = '';
  await applyLanguage('en');
});

const scripts: ClientScripts = {
  clientId: 'acme',
  name: 'Acme',
  language: 'en',
  recommended: 'standingCallProposal',
  standingCallProposal: { language: 'en', subject: 'A standing call', body: 'Tuesdays at 8:30?' },
  voicemailFollowUp: { language: 'en', body: 'Sorry I missed your call.' },
  availabilityConversation: { language: 'en', body: 'Let us talk about availability.' },
  rateChangeNotice: null,
};

function fakeApi() {
  const fake = createFakeApi();
  fake.answer('getClientDetail', () => acmeDetail());
  fake.answer('listClients', [acmeView]);
  fake.answer('getScripts', scripts);
  fake.answer('getReport', () => threeClientReport());
  fake.answer('rotateClientLink', {
    ...acmeView,
    statusLink: 'http://127.0.0.1:4777/s/new-token-bbbbbbbbbbbbbbbb',
  });
  return fake;
}

function renderDetail(fake = fakeApi()) {
  render(
    <ApiProvider api={fake.api}>
      <ClientDetailScreen clientId="acme" />
    </ApiProvider>,
  );
  return fake;
}

describe('ClientDetailScreen', () => {
  it('draws the twelve weeks as stacked bars whose heights match the table of the same numbers', async () => {
    renderDetail();
    const chart = await screen.findByTestId('client-chart');
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toBe(
      '12 weeks: 10 unscheduled contacts against an allowance of 2 a week, 17.5 billed hours in all; most contacts in the week of Mar 3 (4).',
    );
    // One rect per non-empty kind of a week, and nothing else drawn as a rect.
    const bars = [...chart.querySelectorAll('rect')];
    expect(bars.map((b) => b.getAttribute('data-kind'))).toEqual([
      'call',
      'call',
      'call',
      'missed-call',
      'voicemail',
      'voicemail',
      'ad-hoc-meeting',
    ]);
    // Heights per week, by the bars' x positions, proportional to the week's total.
    const heightByX = new Map<string, number>();
    for (const b of bars) {
      const x = b.getAttribute('x') ?? '';
      heightByX.set(x, (heightByX.get(x) ?? 0) + Number(b.getAttribute('height')));
    }
    const heights = [...heightByX.entries()].sort((a, b) => Number(a[0]) - Number(b[0]));

    fireEvent.click(
      within(
        screen.getByRole('region', { name: 'Unscheduled contacts and billed hours' }),
      ).getByRole('button', { name: 'Show as table' }),
    );
    const table = screen.getByRole('table', {
      name: 'Unscheduled contacts by kind and billed hours, per week',
    });
    expect(screen.queryByTestId('client-chart')).toBeNull();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    const detail = acmeDetail();
    rows.forEach((row, i) => {
      const week = detail.weeks[i];
      const cells = within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
      expect(cells).toEqual([
        ...AD_HOC_KINDS.map((k) => String(week?.byKind[k])),
        String(week?.adHoc),
        '2',
        String(week?.billedHours),
      ]);
    });
    const totals = rows
      .map((row) => Number(within(row).getAllByRole('cell')[4]?.textContent))
      .filter((n) => n > 0);
    expect(heights).toHaveLength(totals.length);
    const unit = (heights[0]?.[1] ?? 0) / (totals[0] ?? 1);
    heights.forEach(([, h], i) => expect(h).toBeCloseTo((totals[i] ?? 0) * unit, 5));

    fireEvent.click(screen.getByRole('button', { name: 'Show as chart' }));
    expect(screen.getByTestId('client-chart')).toBeTruthy();
  });

  it('shows the rate against the target, the busiest slot, the recommendation and the wording', async () => {
    renderDetail();
    const rate = await screen.findByTestId('rate-chart');
    expect(rate.getAttribute('aria-label')).toBe(
      'Effective rate over 4 weeks with billed hours, from €110 to €64.25, against a target of €100; 3 of them below it.',
    );
    expect(screen.getByText('Target rate €100')).toBeTruthy();
    expect(screen.getByTestId('busiest-slot').textContent).toMatch(
      /^Most unscheduled contacts come on Tuesday around 0?9:00( AM)? \(4\)/,
    );
    const grid = screen.getByTestId('rhythm-chart');
    expect(grid.getAttribute('aria-label')).toMatch(/busiest slot is Tuesday at 0?9:00/);
    const rec = screen.getByTestId('detail-recommendation');
    expect(within(rec).getByRole('heading').textContent).toBe(
      'Recommendation: Propose a standing call',
    );
    expect(within(rec).getByText('Most calls come on Tuesdays at 9')).toBeTruthy();
    expect(within(rec).getByRole('note').textContent).toMatch(/^Acme is a large share/);
    const proposal = await screen.findByRole('article', { name: /^Standing-call proposal/ });
    expect(
      within(proposal)
        .getByRole('link', { name: /e-mail draft/ })
        .getAttribute('href'),
    ).toMatch(/^mailto:\?subject=A%20standing%20call&body=Tuesdays/);
  });

  it('copies the status link, previews it, and makes a new one only after confirming', async () => {
    const fake = renderDetail();
    const panel = await screen.findByRole('region', { name: 'Status link' });
    const preview = within(panel).getByRole('link', { name: /^Preview as Acme sees it/ });
    expect(preview.getAttribute('href')).toBe(acmeView.statusLink);
    expect(preview.getAttribute('target')).toBe('_blank');

    fireEvent.click(within(panel).getByRole('button', { name: 'New link' }));
    const confirm = within(panel).getByRole('group', { name: 'Confirm a new link for Acme' });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(fake.calls.some((c) => c.method === 'rotateClientLink')).toBe(false);

    fireEvent.click(within(panel).getByRole('button', { name: 'New link' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Make a new link' }));
    await waitFor(() => expect(within(panel).getByText(/new-token-b/)).toBeTruthy());
    expect(fake.calls.find((c) => c.method === 'rotateClientLink')?.input).toEqual({ id: 'acme' });
    expect(within(panel).getByRole('status').textContent).toMatch(/^New link made/);

    // No clipboard in jsdom: the link is shown selected for copying by hand.
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy link' }));
    const field = await within(panel).findByLabelText('Status link of Acme');
    expect((field as HTMLInputElement).value).toMatch(/new-token-b/);
  });

  it('speaks German, numbers and dates included', async () => {
    await applyLanguage('de');
    const fake = renderDetail();
    const chart = await screen.findByTestId('client-chart');
    expect(fake.calls.find((c) => c.method === 'getClientDetail')?.input).toEqual({
      clientId: 'acme',
      language: 'de',
    });
    expect(chart.getAttribute('aria-label')).toBe(
      '12 Wochen: 10 ungeplante Kontakte bei einem Kontingent von 2 pro Woche, insgesamt 17,5 abgerechnete Stunden; die meisten Kontakte in der Woche vom 3. März (4).',
    );
    expect(screen.getByRole('link', { name: '← Zurück zur Übersicht' })).toBeTruthy();
    expect(screen.getByText('Zielsatz 100 €')).toBeTruthy();
    expect(screen.getByTestId('busiest-slot').textContent).toMatch(
      /^Die meisten ungeplanten Kontakte kommen am Dienstag gegen 0?9:00 \(4\)/,
    );
    expect(screen.getAllByRole('button', { name: 'Als Tabelle zeigen' })).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Neuer Link' })).toBeTruthy();
  });
});

describe('ClientDetailScreen with sample data', () => {
  it('tags a sample client beside its name in the heading, in words', async () => {
    const fake = fakeApi();
    fake.answer('getSampleData', {
      present: true,
      addedAt: '2026-11-25T15:00:00.000Z',
      calendarIds: [],
      clientIds: ['acme'],
    });
    render(
      <ApiProvider api={fake.api}>
        <SampleDataProvider>
          <ClientDetailScreen clientId="acme" />
        </SampleDataProvider>
      </ApiProvider>,
    );
    const heading = await screen.findByRole('heading', { level: 1, name: 'Acme Sample' });
    act(() => fake.emit('sample', noSample));
    await waitFor(() => expect(heading.textContent).toBe('Acme'));
  });
});

describe('App routing', () => {
  it('opens the overview from #overview and a client from #client/<id>, following the hash', async () => {
    window.location.hash = '#overview';
    const fake = fakeApi();
    render(
      <ApiProvider api={fake.api}>
        <App />
      </ApiProvider>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    expect(within(nav).getByRole('button', { name: 'Overview' }).getAttribute('aria-current')).toBe(
      'page',
    );
    fireEvent.click(await screen.findByRole('link', { name: 'Details of Acme' }));
    window.location.hash = '#client/acme';
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme' })).toBeTruthy();
    expect(await screen.findByTestId('client-chart')).toBeTruthy();
    fireEvent.click(within(nav).getByRole('button', { name: 'Status' }));
    expect(window.location.hash).toBe('#status');
    expect(await screen.findByRole('heading', { level: 1, name: 'Status' })).toBeTruthy();
  });
});
