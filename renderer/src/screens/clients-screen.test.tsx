// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ClientView, parseApiInput } from '../../../shared/api.js';
import { ApiProvider } from '../api-context.js';
import { applyLanguage } from '../i18n.js';
import { SampleDataProvider } from '../sample-data.js';
import { createFakeApi, noSample } from '../testing/fake-api.js';
import { ClientsScreen } from './clients-screen.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
beforeEach(async () => {
  await applyLanguage('en');
});

const acme: ClientView = {
  id: 'acme',
  name: 'Acme',
  color: '#2f6fdf',
  domains: ['acme.com'],
  keywords: ['acme'],
  phones: [],
  hourlyRateMinor: 12050,
  currency: 'EUR',
  adHocAllowancePerWeek: 1,
  locale: 'de',
  timeZone: 'Europe/Berlin',
  policyText: { en: 'E', de: 'D' },
  createdAt: '2025-01-01T00:00:00.000Z',
  statusLink: 'http://127.0.0.1:4777/s/old-token-aaaaaaaaaaaaaaaa',
};

function renderWith(clients: ClientView[] = [acme]) {
  const fake = createFakeApi();
  fake.answer('listClients', clients);
  render(
    <ApiProvider api={fake.api}>
      <ClientsScreen />
    </ApiProvider>,
  );
  return fake;
}

const item = async (name: string) => screen.findByRole('listitem', { name });

describe('ClientsScreen', () => {
  it('lists each client with matching rules, rate, allowance and language', async () => {
    renderWith();
    const row = await item('Acme');
    expect(row.textContent).toContain('@acme.com, “acme”');
    expect(row.textContent).toMatch(/120[.,]50/);
    expect(row.textContent).toContain('1 ad-hoc contact a week');
    expect(row.textContent).toContain('German (Deutsch)');
    expect(
      within(row)
        .getByRole('link', { name: 'Open the status page of Acme (new tab)' })
        .getAttribute('target'),
    ).toBe('_blank');
  });

  it('shows mistakes next to their fields without asking the core, then adds', async () => {
    const fake = renderWith();
    await item('Acme');
    const form = screen.getByRole('form', { name: 'Add a client' });
    const field = (label: string) => within(form).getByLabelText(label);
    fireEvent.change(field('Name'), { target: { value: 'acme' } });
    fireEvent.change(field('Hourly rate'), { target: { value: 'lots' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add client' }));
    expect(field('Name').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('There is already a client named “acme”.').id).toBe(
      field('Name').getAttribute('aria-describedby'),
    );
    expect(field('Hourly rate').getAttribute('aria-describedby')).toContain(
      within(form).getByText('Enter an amount like 120 or 120.50.').id,
    );
    await waitFor(() => expect(document.activeElement).toBe(field('Name')));
    expect(fake.calls.filter((c) => c.method === 'addClient')).toEqual([]);

    fake.answer('addClient', { ...acme, id: 'globex', name: 'Globex' });
    fireEvent.change(field('Name'), { target: { value: 'Globex' } });
    fireEvent.change(field('Hourly rate'), { target: { value: '95,5' } });
    fireEvent.change(field('Title keywords'), { target: { value: 'globex, GLOBEX' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add client' }));
    await item('Globex');
    expect(fake.calls.find((c) => c.method === 'addClient')?.input).toMatchObject({
      name: 'Globex',
      hourlyRate: '95,5',
      keywords: ['globex'],
      currency: 'EUR',
      allowance: 2,
    });
    expect(screen.getByText(/Added Globex\./)).toBeTruthy();
  });

  it('puts the core’s refusal next to the field it names', async () => {
    const fake = renderWith([]);
    await screen.findByText(/No clients yet/);
    // A refusal in the schema's own words, as the core sends it.
    fake.answer('addClient', () => {
      parseApiInput('addClient', { name: 'Initech', timeZone: 'Europe/Atlantis' });
      throw new Error('the schema took a zone there is none of');
    });
    const form = screen.getByRole('form', { name: 'Add a client' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Initech' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add client' }));
    await within(form).findByText(
      'timeZone: "Europe/Atlantis" — allowed: an IANA time zone like Europe/Berlin',
    );
    expect(within(form).getByLabelText('Their time zone').getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('copies the link, or shows it selected when the clipboard refuses', async () => {
    const writeText = vi.fn(async () => undefined);
    // Spreading drops the prototype's getters: keep the languages the locale is chosen from.
    vi.stubGlobal('navigator', {
      ...navigator,
      languages: navigator.languages,
      clipboard: { writeText },
    });
    renderWith();
    const row = await item('Acme');
    fireEvent.click(within(row).getByRole('button', { name: 'Copy link of Acme' }));
    await within(row).findByText('Link copied.');
    expect(writeText).toHaveBeenCalledWith(acme.statusLink);

    writeText.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    fireEvent.click(within(row).getByRole('button', { name: 'Copy link of Acme' }));
    const fallback = await within(row).findByRole<HTMLInputElement>('textbox', {
      name: 'Status link of Acme',
    });
    expect(fallback.value).toBe(acme.statusLink);
    expect(fallback.readOnly).toBe(true);
    // Focus and selection happen in an effect after the field appears: wait for them, not for a time.
    await waitFor(() => expect(document.activeElement).toBe(fallback));
    expect([fallback.selectionStart, fallback.selectionEnd]).toEqual([0, acme.statusLink.length]);
  });

  it('makes a new link only after confirming that the old one stops working', async () => {
    const fake = renderWith();
    const row = await item('Acme');
    fake.answer('rotateClientLink', {
      ...acme,
      statusLink: 'http://127.0.0.1:4777/s/new-token-bbbbbbbbbbbbbbbb',
    });
    fireEvent.click(within(row).getByRole('button', { name: 'New link for Acme' }));
    const confirm = within(row).getByRole('group', { name: 'Confirm a new link for Acme' });
    expect(confirm.textContent).toContain('The old link stops working at once');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' })),
    );
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(fake.calls.some((c) => c.method === 'rotateClientLink')).toBe(false);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(row).getByRole('button', { name: 'New link for Acme' }),
      ),
    );

    fireEvent.click(within(row).getByRole('button', { name: 'New link for Acme' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Yes, make a new link' }));
    await within(row).findByText(/The old link no longer works/);
    expect(
      within(row)
        .getByRole('link', { name: /Open the status page/ })
        .getAttribute('href'),
    ).toContain('new-token');
  });

  it('edits, removes after confirming, and follows clients events', async () => {
    const fake = renderWith();
    const row = await item('Acme');
    fake.answer('updateClient', { ...acme, name: 'Acme Corp' });
    fireEvent.click(within(row).getByRole('button', { name: 'Edit Acme' }));
    const edit = within(row).getByRole('form', { name: 'Edit Acme' });
    fireEvent.change(within(edit).getByLabelText('Name'), { target: { value: 'Acme Corp' } });
    fireEvent.change(within(edit).getByLabelText('English'), {
      target: { value: 'Fridays only.' },
    });
    fireEvent.click(within(edit).getByRole('button', { name: 'Save changes' }));
    const corp = await item('Acme Corp');
    expect(fake.calls.find((c) => c.method === 'updateClient')?.input).toMatchObject({
      id: 'acme',
      name: 'Acme Corp',
      policyText: { en: 'Fridays only.', de: 'D' },
    });

    fake.answer('removeClient', { removed: true });
    fireEvent.click(within(corp).getByRole('button', { name: 'Remove Acme Corp' }));
    fireEvent.click(within(corp).getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Acme Corp' })).toBeNull());

    act(() => fake.emit('clients', [{ ...acme, id: 'initech', name: 'Initech' }]));
    expect(await item('Initech')).toBeTruthy();
  });
});

describe('ClientsScreen in German', () => {
  beforeEach(async () => {
    await applyLanguage('de');
  });

  it('lists the client in German, with the rate as German money', async () => {
    renderWith();
    const row = await item('Acme');
    expect(screen.getByRole('heading', { level: 1, name: 'Kunden' })).toBeTruthy();
    expect(within(row).getByText('Erkannt an')).toBeTruthy();
    // 120,50 € with a non-breaking space, as Intl writes it in German.
    expect(within(row).getByText(/^120,50\s€ pro Stunde$/)).toBeTruthy();
    expect(within(row).getByText('1 kurzfristiger Kontakt pro Woche')).toBeTruthy();
    expect(within(row).getByText('Deutsch')).toBeTruthy();
    expect(
      within(row).getByRole('link', { name: 'Statusseite von Acme öffnen (neuer Tab)' }),
    ).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Acme entfernen' }));
    const confirm = within(row).getByRole('group', { name: 'Entfernen von Acme bestätigen' });
    expect(within(confirm).getByRole('button', { name: 'Abbrechen' })).toBeTruthy();
    expect(confirm.textContent).toContain('Die für ihn erfassten Kontakte bleiben im Journal.');
  });

  it('says the form’s mistakes in German, and again in English after a switch', async () => {
    const fake = renderWith([]);
    expect(
      await screen.findByText('Noch keine Kunden. Legen Sie unten den ersten an.'),
    ).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Kunden anlegen' });
    fireEvent.change(within(form).getByLabelText('E-Mail-Domains'), {
      target: { value: 'localhost' },
    });
    fireEvent.change(within(form).getByLabelText('Stundensatz'), { target: { value: 'viel' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Kunden anlegen' }));
    expect(within(form).getByText('Geben Sie den Namen des Kunden ein.')).toBeTruthy();
    expect(
      within(form).getByText('„localhost“ ist keine E-Mail-Domain (wie acme.com).'),
    ).toBeTruthy();
    expect(within(form).getByText('Geben Sie einen Betrag wie 120 oder 120,50 ein.')).toBeTruthy();
    expect(within(form).getByText('3 Felder müssen korrigiert werden.')).toBeTruthy();
    expect(fake.calls.some((c) => c.method === 'addClient')).toBe(false);

    await act(() => applyLanguage('en'));
    expect(within(form).getByText('Enter the client’s name.')).toBeTruthy();
    expect(
      within(form).getByText('“localhost” is not an e-mail domain (like acme.com).'),
    ).toBeTruthy();
    expect(within(form).getByText('3 fields need attention.')).toBeTruthy();
  });

  it('adds a client in the dashboard’s language and confirms in German', async () => {
    const fake = renderWith([]);
    const form = await screen.findByRole('form', { name: 'Kunden anlegen' });
    expect(within(form).getByLabelText<HTMLSelectElement>('Sprache').value).toBe('de');
    fake.answer('addClient', { ...acme, id: 'globex', name: 'Globex' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Globex' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Kunden anlegen' }));
    expect(
      await screen.findByText(
        'Globex angelegt. Kopieren Sie oben den Link und schicken Sie ihn dem Kunden.',
      ),
    ).toBeTruthy();
    expect(fake.calls.find((c) => c.method === 'addClient')?.input).toMatchObject({ locale: 'de' });
  });
});

describe('ClientsScreen with sample data', () => {
  const northwind: ClientView = { ...acme, id: 'northwind', name: 'Northwind Logistics' };

  function renderSample() {
    const fake = createFakeApi();
    fake.answer('listClients', [northwind, acme]);
    fake.answer('getSampleData', {
      present: true,
      addedAt: '2026-11-25T15:00:00.000Z',
      calendarIds: ['cal'],
      clientIds: ['northwind'],
    });
    render(
      <ApiProvider api={fake.api}>
        <SampleDataProvider>
          <ClientsScreen />
        </SampleDataProvider>
      </ApiProvider>,
    );
    return fake;
  }

  it('tags the sample clients in words, not the user’s own, and drops the tag when removed', async () => {
    const fake = renderSample();
    const sample = await item('Northwind Logistics');
    await within(sample).findByText('Sample');
    expect(within(await item('Acme')).queryByText('Sample')).toBeNull();
    act(() => fake.emit('sample', noSample));
    await waitFor(() => expect(within(sample).queryByText('Sample')).toBeNull());
  });

  it('says “Beispiel” in German', async () => {
    await applyLanguage('de');
    renderSample();
    const sample = await item('Northwind Logistics');
    await within(sample).findByText('Beispiel');
    expect(within(await item('Acme')).queryByText('Beispiel')).toBeNull();
  });
});
