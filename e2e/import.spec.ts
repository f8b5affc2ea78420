/**
 * The Import screen in Chromium against a real `serve`: a Latin-1 FRITZ!Box list read from the
 * browser as the core reads it from disk (umlauts and all), and Undo of an import made before `serve`
 * restarted on the same data folder — taking back exactly that import and nothing logged since.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServe } from './support/serve-process.js';
import { togglWeeksCsv } from './support/toggl-fixture.js';
import { expect, test } from './fixtures.js';

const fixture = (name: string): Buffer =>
  readFileSync(resolve(import.meta.dirname, '../main/core/ledger/fixtures', name));

test('a Latin-1 FRITZ!Box list is read in the browser as the core reads the file', async ({
  app,
  serve,
}) => {
  const screen = app.import;
  // No number on record: the calls can only match by the name, spelt with umlauts in Latin-1.
  await serve.call('addClient', { name: 'Müller & Söhne KG' });
  await app.goTo('Import');
  const bytes = fixture('fritzbox-latin1.csv');
  expect(bytes.includes(0xfc), 'the fixture is Latin-1, not UTF-8').toBe(true);
  await screen.pick({ name: 'Anrufliste.csv', buffer: bytes });
  await expect(screen.detected).toHaveText(screen.detectedAs('fritzbox'));
  await screen.previewShown();
  await expect(screen.count('added')).toHaveText('2');
  await expect(screen.rows.getByRole('row').nth(1)).toContainText('Müller & Söhne KG');
  await app.hands.press(screen.importButton(2));
  await expect(screen.imported).toHaveText(
    app.t('import:imported.calls', { count: 2, file: 'Anrufliste.csv' }),
  );
  const kinds = (await serve.call('listContacts', {})).map((c) => c.kind).sort();
  expect(kinds).toEqual(['call', 'missed-call']);
});

test('Undo takes back the import made before serve restarted, and nothing logged since', async ({
  app,
  serve,
}) => {
  const screen = app.import;
  const acme = await serve.call('addClient', { name: 'Acme', hourlyRate: '120', currency: 'EUR' });
  await app.goTo('Import');
  await screen.pick({ name: 'toggl.csv', buffer: Buffer.from(togglWeeksCsv('Acme', 3)) });
  await screen.previewShown();
  await app.hands.press(screen.importButton(3));
  await expect(screen.imported).toHaveText(
    app.t('import:imported.time', { count: 3, file: 'toggl.csv' }),
  );
  await serve.call('logContact', { clientId: acme.id, kind: 'call' });
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const billed = async (s: typeof serve): Promise<number | undefined> =>
    (await s.call('getReport', { from })).clients.find((c) => c.id === acme.id)?.billedHours;
  expect(await billed(serve)).toBe(3);

  await serve.stop({ keepData: true });
  const again = await startServe(30_000, { dataDir: serve.dataDir });
  try {
    await app.open(again.link);
    await app.goTo('Import');
    await expect(screen.lastImport).toContainText('toggl.csv');
    await app.hands.press(screen.undo);
    await expect(screen.undone).toHaveText(app.t('import:last.undone', { count: 3 }));
    await expect(screen.undo).toHaveCount(0);
    expect(await billed(again)).toBe(0);
    expect((await again.call('listContacts', {})).map((c) => c.kind)).toEqual(['call']);
  } finally {
    await again.stop();
  }
});
