// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RulePreviewRow } from '../../../shared/api.js';
import { createTranslator } from '../../../shared/i18n/index.js';
import { ApiProvider } from '../api-context.js';
import { applyLanguage } from '../i18n.js';
import { createFakeApi } from '../testing/fake-api.js';
import { matchedByWords } from './rules-preview.js';
import { RulesScreen } from './rules-screen.js';

afterEach(cleanup);

const rows: RulePreviewRow[] = [
  {
    start: '2025-03-03T09:00:00.000Z',
    end: '2025-03-03T10:00:00.000Z',
    summary: 'Project review',
    calendar: 'Work',
    kind: 'client-meeting',
    clientName: 'Acme',
    matchedBy: 'attendee domain acme.example (Acme)',
  },
  {
    start: '2025-03-03T11:00:00.000Z',
    end: '2025-03-03T12:00:00.000Z',
    summary: 'Focus: write',
    calendar: 'Work',
    kind: 'focus',
    matchedBy: 'focus keyword "focus"',
  },
];

function renderRules() {
  const fake = createFakeApi();
  fake.answer('previewRules', rows);
  render(
    <ApiProvider api={fake.api}>
      <RulesScreen />
    </ApiProvider>,
  );
  return fake;
}

describe('RulesScreen', () => {
  beforeEach(async () => {
    await applyLanguage('en');
  });

  it('shows the keywords, refuses a duplicate, and previews with the reasons', async () => {
    renderRules();
    const keywords = await screen.findByRole('list', { name: 'Focus keywords' });
    expect(within(keywords).getByText('focus')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('New keyword'), { target: { value: 'FOCUS' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add keyword' }));
    expect(screen.getByRole('alert').textContent).toBe('“FOCUS” is already in the list.');
    const review = (await screen.findByText('Project review')).closest('tr') as HTMLElement;
    expect(within(review).getByText('Client meeting (Acme)')).toBeTruthy();
    expect(within(review).getByText('attendee domain acme.example (Acme)')).toBeTruthy();
  });
});

describe('RulesScreen in German', () => {
  beforeEach(async () => {
    await applyLanguage('de');
  });

  it('speaks German: keywords, errors, preview and the reasons', async () => {
    renderRules();
    expect(screen.getByRole('heading', { level: 1, name: 'Regeln' })).toBeTruthy();
    await screen.findByRole('list', { name: 'Fokus-Stichwörter' });
    fireEvent.click(screen.getByRole('button', { name: 'Stichwort hinzufügen' }));
    expect(screen.getByRole('alert').textContent).toBe('Geben Sie zuerst ein Stichwort ein.');
    const review = (await screen.findByText('Project review')).closest('tr') as HTMLElement;
    expect(within(review).getByText('Kundentermin (Acme)')).toBeTruthy();
    expect(within(review).getByText('Domain eines Teilnehmers: acme.example (Acme)')).toBeTruthy();
    const focus = screen.getByText('Focus: write').closest('tr') as HTMLElement;
    expect(within(focus).getByText('Fokus-Stichwort „focus“')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Zählt als' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Regeln speichern' })).toBeTruthy();
  });
});

describe('matchedByWords', () => {
  const de = createTranslator('de').getFixedT('de', 'rules');
  it('says every phrase of the core in German, and leaves an unknown one as it is', () => {
    expect(matchedByWords('busy event', de)).toBe('belegter Termin');
    expect(matchedByWords('away keyword "Urlaub" (all-day)', de)).toBe(
      'Abwesenheits-Stichwort „Urlaub“ (ganztägig)',
    );
    expect(matchedByWords('client keyword "acme" (Acme GmbH), recurring', de)).toBe(
      'Kunden-Stichwort „acme“ (Acme GmbH), wiederkehrend',
    );
    expect(matchedByWords('organizer domain acme.example (Acme)', de)).toBe(
      'Domain des Organisators: acme.example (Acme)',
    );
    expect(matchedByWords('something new', de)).toBe('something new');
  });
});
