// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientView } from '../../../shared/api.js';
import type { AppSettings } from '../../../shared/settings.js';
import { ApiProvider } from '../api-context.js';
import { App } from '../app.js';
import { applyLanguage } from '../i18n.js';
import { createFakeApi, testSettings } from '../testing/fake-api.js';
import { SettingsScreen } from './settings-screen.js';

afterEach(async () => {
  cleanup();
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

function fakeWithStore() {
  const fake = createFakeApi();
  let stored: AppSettings = structuredClone(testSettings);
  fake.answer('listClients', [acme]);
  fake.answer('getSettings', () => stored);
  fake.answer('updateSettings', (input) => {
    const change = input as Omit<Partial<AppSettings>, 'targetRates'> & {
      targetRates?: Record<string, string | null>;
    };
    const targetRates = { ...stored.targetRates };
    for (const [id, v] of Object.entries(change.targetRates ?? {})) {
      if (v === null) delete targetRates[id];
      else targetRates[id] = Math.round(Number(v.replace(',', '.')) * 100);
    }
    stored = { ...stored, ...change, targetRates } as AppSettings;
    return stored;
  });
  return fake;
}

describe('SettingsScreen', () => {
  it('shows the stored settings, cites the recovery figure honestly, and saves a change', async () => {
    const fake = fakeWithStore();
    render(
      <ApiProvider api={fake.api}>
        <SettingsScreen />
      </ApiProvider>,
    );
    const recovery = await screen.findByLabelText('Recovery minutes per interruption');
    expect((recovery as HTMLInputElement).value).toBe('23');
    expect(recovery.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Mark, González & Harris \(CHI 2005/)).toBeTruthy();
    expect(
      screen.getByText(/Gloria Mark has given in interviews, not a figure from that paper/),
    ).toBeTruthy();
    // Working hours and the time zone are here, in one place.
    expect(await screen.findByLabelText('Time zone')).toBeTruthy();

    fireEvent.change(recovery, { target: { value: '15' } });
    fireEvent.change(
      screen.getByLabelText('Warn about dependence from this share of revenue (%)'),
      {
        target: { value: '35' },
      },
    );
    fireEvent.click(screen.getByLabelText('When a client passes their weekly allowance'));
    fireEvent.change(screen.getByLabelText('Acme (EUR)'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    const sent = fake.calls.find((c) => c.method === 'updateSettings')?.input as Record<
      string,
      unknown
    >;
    expect(sent).toMatchObject({
      recoveryMinutes: 15,
      walkAwayShare: 0.35,
      notifications: { allowancePassed: false, focusChange: true },
      targetRates: { acme: '150' },
      shortcut: null,
      statusServer: { host: '127.0.0.1', port: 4777 },
    });
    expect((screen.getByLabelText('Acme (EUR)') as HTMLInputElement).value).toBe('150');
  });

  it('marks bad fields and sends nothing', async () => {
    const fake = fakeWithStore();
    render(
      <ApiProvider api={fake.api}>
        <SettingsScreen />
      </ApiProvider>,
    );
    const recovery = await screen.findByLabelText('Recovery minutes per interruption');
    fireEvent.change(recovery, { target: { value: '500' } });
    fireEvent.change(screen.getByLabelText('Port'), { target: { value: 'http' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Fix the marked fields first.')).toBeTruthy();
    expect(screen.getByText('Enter a number from 0 to 240.')).toBeTruthy();
    expect(screen.getByText('Enter a number from 1 to 65535.')).toBeTruthy();
    expect(recovery.getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls.some((c) => c.method === 'updateSettings')).toBe(false);
  });
});

describe('the language switch', () => {
  it('runs in English by default, and German in Settings shows German, money in German style', async () => {
    const fake = fakeWithStore();
    render(
      <ApiProvider api={fake.api}>
        <App />
      </ApiProvider>,
    );
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
    expect(await screen.findByText('Empty: the client’s list rate (€120.50).')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Language of the dashboard, tray and notifications'), {
      target: { value: 'de' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const german = await screen.findByRole('navigation', { name: 'Bildschirme' });
    expect(within(german).getByRole('button', { name: 'Heute' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeTruthy();
    expect(screen.getByText('Leer: der Listenpreis des Kunden (120,50 €).')).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
  });

  it('follows a language set elsewhere (the settings event)', async () => {
    const fake = fakeWithStore();
    render(
      <ApiProvider api={fake.api}>
        <App />
      </ApiProvider>,
    );
    await waitFor(() => expect(fake.listenerCount('settings')).toBeGreaterThan(0));
    fake.emit('settings', { ...testSettings, language: 'de' });
    expect(await screen.findByRole('navigation', { name: 'Bildschirme' })).toBeTruthy();
  });
});
