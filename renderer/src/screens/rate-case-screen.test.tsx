// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientView } from '../../../shared/api.js';
import type {
  ClientReport,
  ClientScripts,
  LoggedContact,
  RateReport,
} from '../../../shared/rate-case.js';
import { ApiProvider } from '../api-context.js';
import { createFakeApi } from '../testing/fake-api.js';
import { RateCaseScreen } from './rate-case-screen.js';

afterEach(cleanup);

const acme: ClientView = {
  id: 'acme',
  name: 'Acme',
  color: '#2f6fdf',
  domains: [],
  keywords: [],
  phones: [],
  hourlyRateMinor: 12000,
  currency: 'EUR',
  adHocAllowancePerWeek: 1,
  locale: 'en',
  timeZone: 'UTC',
  policyText: { en: 'E', de: 'D' },
  createdAt: '2025-01-01T00:00:00.000Z',
  statusLink: 'http://127.0.0.1:4777/s/x',
};

const acmeReport: ClientReport = {
  id: 'acme',
  name: 'Acme',
  billedHours: 10,
  nonBillableHours: 0,
  revenue: { amount: 1200, currency: 'EUR' },
  contacts: {
    total: 4,
    adHoc: 3,
    byKind: {
      call: 2,
      'missed-call': 0,
      voicemail: 1,
      'ad-hoc-meeting': 0,
      'scheduled-meeting': 0,
      email: 1,
      message: 0,
    },
    hours: 0.5,
    unbilledHours: 0.5,
  },
  allowancePerWeek: 1,
  allowance: 0.4,
  overAllowance: 2.6,
  overheadHours: 1.15,
  effectiveHourlyRate: { amount: 103.45, currency: 'EUR' },
  hourlyRate: { amount: 120, currency: 'EUR' },
  targetHourlyRate: { amount: 120, currency: 'EUR' },
  revenueShare: 0.8,
  overAllowanceStreak: 1,
  billedWeeks: 4,
  nextStandingCall: null,
  recommendation: {
    kind: 'raise-rate',
    reasons: [
      'Acme reached you unscheduled 3 times this week and 0 times last week; your allowance is 1 a week.',
    ],
    newHourlyRate: { amount: 140, currency: 'EUR' },
    increasePercent: 16.7,
    walkAwayWarning: true,
  },
  warnings: [],
};

const report: RateReport = {
  from: '2025-03-01T00:00:00.000Z',
  to: '2025-03-04T00:00:00.000Z',
  timeZone: 'UTC',
  recoveryMinutes: 23,
  recoveryLabel: "Gloria Mark's interview figure",
  clients: [acmeReport],
  unassigned: { entries: 0, hours: 0 },
};

function scripts(language: 'en' | 'de'): ClientScripts {
  const text = (body: string, subject?: string) => ({
    language,
    body,
    ...(subject ? { subject } : {}),
  });
  return {
    clientId: 'acme',
    name: 'Acme',
    language,
    recommended: 'rateChangeNotice',
    standingCallProposal: text(
      language === 'de' ? 'Guten Tag,\nein fester Termin' : 'Hello,\na standing call',
      language === 'de' ? 'Vorschlag' : 'Proposal',
    ),
    voicemailFollowUp: text('Got your voicemail'),
    availabilityConversation: text('– Since 1 March'),
    rateChangeNotice: text('New rate from April', 'Rate change'),
  };
}

function renderWith() {
  const fake = createFakeApi();
  fake.answer('listClients', [acme]);
  fake.answer('getReport', report);
  fake.answer('listContacts', [
    {
      id: 'k1',
      clientId: 'acme',
      kind: 'call',
      at: '2025-03-03T09:00:00.000Z',
      minutes: 10,
      scheduled: false,
      source: 'manual',
    },
  ]);
  fake.answer('getScripts', (input) => scripts((input as { language: 'en' | 'de' }).language));
  render(
    <ApiProvider api={fake.api}>
      <RateCaseScreen />
    </ApiProvider>,
  );
  return fake;
}

describe('RateCaseScreen', () => {
  it('shows the period’s numbers, the weeks, the recommendation with reasons, and the walk-away warning', async () => {
    const fake = renderWith();
    const panel = await screen.findByRole('region', { name: 'Acme' });
    await within(panel).findByText(/Recommendation: Raise the rate/);
    expect(panel.textContent).toMatch(/Billed hours\s*10 h/);
    expect(panel.textContent).toContain('1.15 h');
    expect(panel.textContent).toContain(
      "3 interruptions × 23 min (Gloria Mark's interview figure)",
    );
    expect(panel.textContent).toMatch(/103\.45.*vs €120\.00 nominal/);
    expect(within(panel).getByRole('list', { name: 'Contacts by kind' }).textContent).toBe(
      'Call: 2Voicemail: 1E-mail: 1',
    );
    expect(screen.getByTestId('allowance-summary').textContent).toContain('2.6 over allowance');
    expect(panel.textContent).toContain('Acme reached you unscheduled 3 times this week');
    expect(within(panel).getByRole('note').textContent).toContain(
      'Decide your walk-away point first.',
    );
    expect(panel.textContent).toMatch(/€140\.00.*\+16\.7 %/);
    const rows = within(panel).getByRole('table').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.textContent)).toEqual([
      // 1 March 2025 was a Saturday: two days of that week fall in the period.
      'Feb 24 (2 days)00.3within',
      'Mar 3 (1 day)10.1over allowance',
    ]);
    // This month by default, in the browser's days.
    const call = fake.calls.find((c) => c.method === 'getReport')?.input as {
      from: string;
      to: string;
    };
    expect(call.from).toMatch(/^\d{4}-\d{2}-01$/);
  });

  it('logs a contact in one step, says where the week stands, undoes it, and reloads the report', async () => {
    const fake = renderWith();
    await screen.findByRole('region', { name: 'Acme' });
    const form = screen.getByRole('form', { name: 'Log a contact' });
    const logged: LoggedContact = {
      contact: {
        id: 'n1',
        clientId: 'acme',
        kind: 'voicemail',
        at: '2025-03-03T10:00:00.000Z',
        minutes: 2,
        scheduled: false,
        source: 'manual',
      },
      clientName: 'Acme',
      week: { start: '2025-03-03', current: true, contacts: 3, adHoc: 2, allowance: 1 },
    };
    fake.answer('logContact', logged);
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'voicemail' } });
    fireEvent.change(within(form).getByLabelText('Minutes'), { target: { value: 'ten' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Log contact' }));
    expect(within(form).getByText(/Enter whole minutes/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Minutes'), { target: { value: '2' } });
    fireEvent.change(within(form).getByLabelText('Note (optional)'), {
      target: { value: 'about the invoice' },
    });
    const reportsBefore = fake.calls.filter((c) => c.method === 'getReport').length;
    fireEvent.click(within(form).getByRole('button', { name: 'Log contact' }));
    await within(form).findByText(
      'Logged a voicemail with Acme. This week: 2 unscheduled, allowance 1 — over allowance.',
    );
    expect(fake.calls.find((c) => c.method === 'logContact')?.input).toEqual({
      clientId: 'acme',
      kind: 'voicemail',
      minutes: 2,
      note: 'about the invoice',
    });
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.method === 'getReport').length).toBeGreaterThan(
        reportsBefore,
      ),
    );

    fake.answer('undoLastContact', { op: 'add', contact: logged.contact });
    fireEvent.click(within(form).getByRole('button', { name: 'Undo' }));
    await within(form).findByText('Undone: the voicemail with Acme is no longer logged.');
    expect((within(form).getByRole('button', { name: 'Undo' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('offers the wording in the client’s language and in the other, with copy and an e-mail draft', async () => {
    const fake = renderWith();
    const wording = await screen.findByRole('region', { name: 'Ready-to-send wording for Acme' });
    const proposal = await within(wording).findByRole('article', {
      name: 'Standing-call proposal',
    });
    expect(proposal.textContent).toContain('a standing call');
    expect(
      within(wording).getByRole('article', { name: /^Rate-change notice/ }).textContent,
    ).toContain('Recommended');
    expect(
      within(proposal)
        .getByRole('link', { name: 'Open standing-call proposal as e-mail draft' })
        .getAttribute('href'),
    ).toBe('mailto:?subject=Proposal&body=Hello%2C%0D%0Aa%20standing%20call');
    // No clipboard in this browser: the text appears selected for copying by hand.
    fireEvent.click(within(proposal).getByRole('button', { name: 'Copy standing-call proposal' }));
    const box = await within(proposal).findByRole<HTMLTextAreaElement>('textbox', {
      name: 'Standing-call proposal text',
    });
    expect(box.value).toBe('Proposal\n\nHello,\na standing call');

    fireEvent.click(within(wording).getByRole('radio', { name: 'Deutsch' }));
    await within(wording).findByText(/ein fester Termin/);
    expect(
      fake.calls
        .filter((c) => c.method === 'getScripts')
        .map((c) => (c.input as { language: string }).language),
    ).toContain('de');
  });

  it('refuses a period that ends before it starts', async () => {
    renderWith();
    await screen.findByRole('region', { name: 'Acme' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-03-10' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-03-01' } });
    expect(screen.getByRole('alert').textContent).toBe('The last day is before the first day.');
    expect(screen.getByLabelText('From').getAttribute('aria-invalid')).toBe('true');
  });
});
