// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportSummary, LastImport } from '../../../shared/rate-case.js';
import { ApiProvider } from '../api-context.js';
import { applyLanguage } from '../i18n.js';
import { createFakeApi, type FakeApi } from '../testing/fake-api.js';
import { ImportScreen } from './import-screen.js';

afterEach(async () => {
  cleanup();
  await applyLanguage('en');
});

const TOGGL =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\n' +
  'Anna,anna@example.com,Acme,Relaunch,,Design,Yes,2026-11-30,09:00:00,2026-11-30,13:00:00,04:00:00,,480.00\n';

/** What the core answers for the Toggl file: two new rows (one for nobody you know), a duplicate, a bad row. */
function togglSummary(dryRun: boolean): ImportSummary {
  return {
    kind: 'toggl',
    file: 'toggl.csv',
    dryRun,
    imported: !dryRun,
    rows: 4,
    added: 2,
    duplicates: 1,
    skipped: 0,
    unassigned: 1,
    errors: [{ line: 4, column: 'Duration', columnNumber: 12, reason: 'not a duration: "4h"' }],
    preview: [
      {
        when: '2026-11-30',
        client: 'Acme',
        matched: true,
        what: 'billable',
        minutes: 240,
        amount: { amount: 480, currency: 'EUR' },
      },
      { when: '2026-12-01', client: 'Initech', matched: false, what: 'non-billable', minutes: 30 },
    ],
  };
}

function renderScreen(): FakeApi {
  const fake = createFakeApi();
  fake.answer('importText', (input) =>
    togglSummary((input as { dryRun?: boolean }).dryRun === true),
  );
  render(
    <ApiProvider api={fake.api}>
      <ImportScreen />
    </ApiProvider>,
  );
  return fake;
}

function pick(content: string, name: string, label = 'Choose a file'): void {
  const file = new File([content], name, { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

const decode = (base64: string): Uint8Array =>
  Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

describe('ImportScreen', () => {
  it('reads a picked file, recognises Toggl, previews it as a dry run and imports the good rows', async () => {
    const fake = renderScreen();
    pick(TOGGL, 'toggl.csv');
    expect(await screen.findByText('Recognised as: Toggl time entries (detailed report, CSV).'));
    expect(screen.getByLabelText<HTMLSelectElement>('Kind of file').value).toBe('toggl');

    const counts = await screen.findByTestId('import-counts');
    const dry = fake.calls.find((c) => c.method === 'importText')?.input as Record<string, unknown>;
    expect(dry).toMatchObject({
      kind: 'toggl',
      name: 'toggl.csv',
      encoding: 'base64',
      dryRun: true,
    });
    expect(new TextDecoder().decode(decode(dry.text as string))).toBe(TOGGL);
    const count = (label: string): string | null | undefined =>
      within(counts).getByText(label).nextElementSibling?.textContent;
    expect(count('New')).toBe('2');
    expect(count('Already imported')).toBe('1');
    expect(count('Bad rows')).toBe('1');

    const bad = within(screen.getByTestId('import-errors')).getAllByRole('row')[1] as HTMLElement;
    expect(
      within(bad)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['4', '12 (Duration)', 'not a duration: "4h"']);
    const rows = within(screen.getByTestId('import-rows')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual([
      'Acme',
      'Initech (none of your clients)',
    ]);
    expect(within(rows[0] as HTMLElement).getAllByRole('cell')[4]?.textContent).toMatch(/480/);

    // A bad row: nothing is imported until the user chooses the good rows only.
    const importButton = screen.getByRole('button', { name: 'Import 2 new rows' });
    expect(importButton).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByLabelText('Import the good rows and leave out the bad ones'));
    fireEvent.click(importButton);
    expect(await screen.findByText('Imported 2 time entries from toggl.csv.')).toBeTruthy();
    const real = fake.calls.filter((c) => c.method === 'importText')[1]?.input;
    expect(real).toMatchObject({ kind: 'toggl', allowPartial: true });
    expect((real as { dryRun?: boolean }).dryRun).toBeUndefined();
    expect(fake.calls.filter((c) => c.method === 'getLastImport')).toHaveLength(2);
  });

  it('sends a Latin-1 file’s bytes untouched and recognises a dropped FRITZ!Box list', async () => {
    const fake = renderScreen();
    const head = 'sep=;\nTyp;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer\n';
    const row = '1;02.12.26 10:00;M\xfcller;0221 9876543;B\xfcro;987654;0:20\n';
    const bytes = Uint8Array.from(head + row, (c) => c.charCodeAt(0));
    const file = new File([bytes], 'anrufliste.csv');
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [file] } });
    await screen.findByText('Recognised as: FRITZ!Box call list (CSV).');
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'importText')).toBe(true));
    const sent = fake.calls.find((c) => c.method === 'importText')?.input as { text: string };
    expect(decode(sent.text)).toEqual(bytes);
    // The core's summary of a call log names the callers nobody matched.
    fake.answer('importText', () => ({
      ...togglSummary(true),
      kind: 'fritzbox',
      file: 'anrufliste.csv',
      errors: [],
      unassigned: undefined,
      unmatched: 1,
      preview: [],
      unmatchedPreview: [
        {
          when: '2026-11-30T09:00:00.000Z',
          client: 'Mama',
          matched: false,
          what: 'call',
          minutes: 25,
        },
      ],
    }));
    fireEvent.change(screen.getByLabelText('Kind of file'), { target: { value: 'calls' } });
    const unmatched = await screen.findByTestId('import-unmatched');
    expect(unmatched.querySelector('caption')?.textContent).toBe(
      'The call matching none of your clients (left out)',
    );
    const cells = within(unmatched)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(1)).toEqual(['Mama (none of your clients)', 'call', '25 min', '–']);
  });

  it('asks for the kind when it cannot tell, and previews once one is chosen', async () => {
    const fake = renderScreen();
    pick('a,b\n1,2\n', 'export.csv');
    expect(
      await screen.findByText('Could not tell what kind of file this is: choose it above.'),
    ).toBeTruthy();
    expect(fake.calls.some((c) => c.method === 'importText')).toBe(false);
    fireEvent.change(screen.getByLabelText('Kind of file'), { target: { value: 'harvest' } });
    await screen.findByTestId('import-counts');
    expect(fake.calls.find((c) => c.method === 'importText')?.input).toMatchObject({
      kind: 'harvest',
      dryRun: true,
    });
  });

  it('refuses a file over 4 MB before reading it, and takes a file dropped beside the zone', async () => {
    const fake = renderScreen();
    const big = new File([new Uint8Array(4 * 1024 * 1024 + 1)], 'year.csv');
    fireEvent.change(screen.getByLabelText('Choose a file'), { target: { files: [big] } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'year.csv is 4.2 MB: over the 4 MB an import takes. Export a shorter period.',
    );
    expect(fake.calls.some((c) => c.method === 'importText')).toBe(false);
    const file = new File([TOGGL], 'toggl.csv');
    fireEvent.drop(screen.getByRole('heading', { level: 1 }), { dataTransfer: { files: [file] } });
    expect(await screen.findByTestId('import-counts')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the core’s words when it refuses the file', async () => {
    const fake = renderScreen();
    fake.answer('importText', () => {
      throw new Error('text: "…" — the file is over 4 MB: export a shorter period');
    });
    pick(TOGGL, 'toggl.csv');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not read the file: text: "…" — the file is over 4 MB: export a shorter period',
    );
  });

  it('offers Undo for the latest import, also one made before a restart, and says what it took back', async () => {
    const fake = createFakeApi();
    let last: LastImport | null = {
      kind: 'calls',
      file: 'calls.csv',
      at: '2026-12-01T09:30:00.000Z',
      count: 3,
    };
    fake.answer('getLastImport', () => last);
    fake.answer('undoImport', () => {
      last = null;
      return { kind: 'calls', removed: 3 };
    });
    render(
      <ApiProvider api={fake.api}>
        <ImportScreen />
      </ApiProvider>,
    );
    const panel = await screen.findByTestId('last-import');
    expect(
      await within(panel).findByText(/^calls\.csv, imported .* as Call log \(CSV\): 3 calls\.$/),
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Undo this import' }));
    expect(await within(panel).findByText('Took back the import: 3 rows removed.')).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Undo this import' })).toBeNull();
  });

  it('speaks German', async () => {
    await applyLanguage('de');
    renderScreen();
    expect(screen.getByRole('heading', { level: 1, name: 'Importieren' })).toBeTruthy();
    pick(TOGGL, 'toggl.csv', 'Datei auswählen');
    expect(await screen.findByRole('button', { name: '2 neue Zeilen importieren' })).toBeTruthy();
    expect(screen.getByText('Kein Import zum Zurücknehmen.')).toBeTruthy();
  });
});
