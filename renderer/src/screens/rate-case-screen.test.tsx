// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientView } from '../../../shared/api.js';
import type {
  ClientReport,
  ClientScripts,
  LoggedContact,
  RateReport,
} from '../../../shared/rate-case.js';
import { ApiProvider } from '../api-context.js';
import { applyLanguage } from '../i18n.js';
import { createFakeApi } from '../testing/fake-api.js';
import { RateCaseScreen } from './rate-case-screen.js';

afterEach(cleanup);
beforeEach(async () => {
  await applyLanguage('en');
});

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
  // The core counts the weeks of the period (getReport's weeksOf): 1 March 2025 was a Saturday.
  weeks: [
    { monday: '2025-02-24', days: 2, adHoc: 0, allowance: 0.3, over: false },
    { monday: '2025-03-03', days: 1, adHoc: 1, allowance: 0.1, over: true },
  ],
};

const report: RateReport = {
  from: '2025-03-01T00:00:00.000Z',
  to: '2025-03-04T00:00:00.000Z',
  timeZone: 'UTC',
  openEnded: false,
  recoveryMinutes: 23,
  recoveryLabel: "Gloria Mark's interview figure",
  clients: [acmeReport],
  unassigned: { entries: 0, hours: 0 },
};

const reportDe: RateReport = {
  ...report,
  clients: [
    {
      ...acmeReport,
      recommendation: {
        ...acmeReport.recommendation,
        reasons: ['Acme hat Sie vom 1. März 2025 bis 3. März 2025 3-mal kontaktiert.'],
      },
    },
  ],
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
  // The core words the reasons in the language asked for.
  fake.answer('getReport', (input) =>
    (input as { language?: string }).language === 'de' ? reportDe : report,
  );
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
    expect(panel.textContent).toContain('4 contacts, 3 of them unscheduled, 0.5 h in all.');
    expect(within(panel).getByRole('list', { name: 'Contacts by kind' }).textContent).toBe(
      'Call: 2Voicemail: 1E-mail: 1',
    );
    expect(screen.getByTestId('allowance-summary').textContent).toContain('2.6 over allowance');
    expect(panel.textContent).toContain('Acme reached you unscheduled 3 times this week');
    expect(within(panel).getByRole('note').textContent).toContain(
      'Decide your walk-away point first.',
    );
    expect(panel.textContent).toMatch(/€140\.00.*\+16\.7%/);
    const rows = within(panel).getByRole('table').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.textContent)).toEqual([
      // 1 March 2025 was a Saturday: two days of that week fall in the period.
      'Feb 24 (2 days)00.3within',
      'Mar 3 (1 day)10.1over allowance',
    ]);
    // This month by default, as the core names it in the user's zone, with the chosen client's weeks;
    // the date fields show the days the core resolved it to.
    const call = fake.calls.find((c) => c.method === 'getReport')?.input as {
      preset: string;
      from?: string;
      language: string;
      weeksOf: string;
    };
    expect(call.preset).toBe('this-month');
    expect(call.from).toBeUndefined();
    expect(call.language).toBe('en');
    expect(call.weeksOf).toBe('acme');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2025-03-01');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('2025-03-03');
    // The last 12 weeks are the core's too; typing a date keeps the other field's day.
    fireEvent.click(screen.getByRole('button', { name: 'Last 12 weeks' }));
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.method === 'getReport').at(-1)?.input).toMatchObject({
        preset: 'last-12-weeks',
        weeksOf: 'acme',
      }),
    );
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-03-02' } });
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.method === 'getReport').at(-1)?.input).toMatchObject({
        from: '2025-03-02',
        to: '2025-03-03',
      }),
    );
    expect(fake.calls.some((c) => c.method === 'listContacts')).toBe(false);
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

describe('RateCaseScreen in German', () => {
  beforeEach(async () => {
    await applyLanguage('de');
  });

  it('shows the numbers as German money and numbers, and the core’s reasons in German', async () => {
    const fake = renderWith();
    const panel = await screen.findByRole('region', { name: 'Acme' });
    expect(screen.getByRole('heading', { level: 1, name: 'Honorarfrage' })).toBeTruthy();
    await within(panel).findByText('Empfehlung: Stundensatz erhöhen');
    expect(panel.textContent).toMatch(/Abgerechnete Stunden\s*10 h/);
    expect(panel.textContent).toContain('1,15 h');
    expect(panel.textContent).toMatch(/103,45\s€ gegenüber 120,00\s€ laut Vereinbarung/);
    expect(panel.textContent).toContain(
      '3 Unterbrechungen × 23 min (Gloria Marks Angabe im Interview)',
    );
    expect(panel.textContent).toContain('4 Kontakte, davon 3 ungeplant, insgesamt 0,5 h.');
    expect(within(panel).getByRole('list', { name: 'Kontakte nach Art' }).textContent).toBe(
      'Anruf: 2Sprachnachricht: 1E-Mail: 1',
    );
    expect(screen.getByTestId('allowance-summary').textContent).toBe(
      '3 ungeplante Kontakte bei 0,4 vereinbarten für diesen Zeitraum (1 pro Woche): 2,6 über dem Vereinbarten.',
    );
    expect(panel.textContent).toContain('Acme hat Sie vom 1. März 2025 bis 3. März 2025 3-mal');
    expect(panel.textContent).not.toContain('reached you');
    expect(panel.textContent).toMatch(/140,00\s€ \(\+16,7\s%\)/);
    const rows = within(panel).getByRole('table').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.textContent)).toEqual([
      '24. Feb. (2 Tage)00,3im Rahmen',
      '3. März (1 Tag)10,1darüber (über dem Vereinbarten)',
    ]);
    expect(
      fake.calls
        .filter((c) => c.method === 'getReport')
        .map((c) => (c.input as { language: string }).language),
    ).toEqual(['de']);
  });

  it('logs, undoes and checks the minutes in German; the line follows a switch to English', async () => {
    const fake = renderWith();
    await screen.findByRole('region', { name: 'Acme' });
    const form = screen.getByRole('form', { name: 'Kontakt erfassen' });
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
    fireEvent.change(within(form).getByLabelText('Art'), { target: { value: 'voicemail' } });
    fireEvent.change(within(form).getByLabelText('Minuten'), { target: { value: 'zehn' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Kontakt erfassen' }));
    expect(within(form).getByText(/^Geben Sie ganze Minuten von 0 bis 1440 ein/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Minuten'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Kontakt erfassen' }));
    await within(form).findByText(
      'Sprachnachricht mit Acme erfasst. Diese Woche: 2 ungeplant, vereinbart 1 – über dem Vereinbarten.',
    );
    await act(() => applyLanguage('en'));
    expect(
      within(form).getByText(
        'Logged a voicemail with Acme. This week: 2 unscheduled, allowance 1 — over allowance.',
      ),
    ).toBeTruthy();
    await act(() => applyLanguage('de'));
    fake.answer('undoLastContact', { op: 'add', contact: logged.contact });
    fireEvent.click(within(form).getByRole('button', { name: 'Rückgängig' }));
    await within(form).findByText(
      'Rückgängig gemacht: die Sprachnachricht mit Acme ist nicht mehr erfasst.',
    );
  });

  it('names the wording, its buttons and the period check in German', async () => {
    renderWith();
    const wording = await screen.findByRole('region', { name: 'Fertige Formulierungen für Acme' });
    const proposal = await within(wording).findByRole('article', {
      name: 'Vorschlag für einen festen Termin',
    });
    expect(
      within(proposal).getByRole('button', { name: 'Vorschlag für einen festen Termin kopieren' }),
    ).toBeTruthy();
    expect(
      within(proposal).getByRole('link', {
        name: 'Vorschlag für einen festen Termin als E-Mail-Entwurf öffnen',
      }),
    ).toBeTruthy();
    expect(
      within(wording).getByRole('article', { name: /^Ankündigung eines neuen Satzes/ }).textContent,
    ).toContain('Empfohlen');
    fireEvent.change(screen.getByLabelText('Von'), { target: { value: '2025-03-10' } });
    fireEvent.change(screen.getByLabelText('Bis'), { target: { value: '2025-03-01' } });
    expect(screen.getByRole('alert').textContent).toBe('Der letzte Tag liegt vor dem ersten.');
  });
});
