/**
 * The story's steps from billed hours to the decision: a Toggl export imported in the Import screen
 * (previewed, imported, undone and imported again), the Clients overview with Acme over its allowance,
 * and Acme's twelve-week chart with this week's contacts and the rate decision the weeks support.
 */
import { expect } from '@playwright/test';
import type { StoryStep } from '../support/story.js';
import { togglWeeksCsv } from '../support/toggl-fixture.js';

/** Weeks of billed hours in the export: more than the four a rate decision needs. */
const WEEKS = 6;
const FILE = 'toggl-acme.csv';

/** Import a Toggl CSV in the Import screen, with its preview and an Undo on the way. */
export const importToggl: StoryStep = {
  title: 'import a Toggl CSV in the Import screen',
  async run({ app, t }) {
    const screen = app.import;
    await app.goTo('Import');
    await expect(screen.undo).toHaveCount(0);
    await screen.pick({ name: FILE, buffer: Buffer.from(togglWeeksCsv('Acme', WEEKS)) });
    await expect(screen.detected).toHaveText(screen.detectedAs('toggl'));
    await expect(screen.kind).toHaveValue('toggl');
    await screen.previewShown();
    await expect(screen.count('rows')).toHaveText(String(WEEKS));
    await expect(screen.count('added')).toHaveText(String(WEEKS));
    await expect(screen.count('duplicates')).toHaveText('0');
    await expect(screen.count('errors')).toHaveText('0');
    await expect(screen.rows.getByRole('row')).toHaveCount(WEEKS + 1);
    await expect(screen.rows.getByRole('row').nth(1)).toContainText('Acme');

    await app.hands.press(screen.importButton(WEEKS));
    await expect(screen.imported).toHaveText(
      t('import:imported.time', { count: WEEKS, file: FILE }),
    );
    // Taken back, the same file previews as new again; imported once more for the steps after.
    await app.hands.press(screen.undo);
    await expect(screen.undone).toHaveText(t('import:last.undone', { count: WEEKS }));
    await expect(screen.importButton(WEEKS)).toBeEnabled();
    await app.hands.press(screen.importButton(WEEKS));
    await expect(screen.imported).toHaveText(
      t('import:imported.time', { count: WEEKS, file: FILE }),
    );
    await expect(screen.undo).toBeVisible();
  },
};

/** The overview (this week): Acme first, over its allowance, with the week's recommendation. */
export const overviewShowsAcme: StoryStep = {
  title: 'the overview shows Acme over its allowance with the recommendation',
  async run({ app, t }) {
    const overview = app.overview;
    await app.goTo('Overview');
    await expect(overview.rows.first()).toContainText('Acme');
    const acme = overview.row('Acme');
    // The week's allowance is pro rata of the days gone (2 a week), so only the count is fixed.
    await expect(acme).toContainText(t('overview:cell.unscheduled', { adHoc: 4, allowance: '' }));
    await expect(acme).toHaveClass(/\bover\b/);
    await expect(acme).toContainText(t('overview:cell.over', { over: '' }).trim());
    // One week is one week of billed hours: too little evidence for a rate decision on its own.
    await expect(acme).toContainText(t('overview:recommendation.not-enough-data'));
  },
};

/** Acme's detail: this week's bars, the billed hours per week in the table, and the decision. */
export const chartShowsTheWeek: StoryStep = {
  title: 'the chart shows the week',
  async run({ app, page, serve, t }) {
    const detail = app.clientDetail;
    await app.hands.press(app.overview.detailLink('Acme'));
    await expect(detail.heading('Acme')).toBeVisible();
    const [client] = await serve.call('listClients', {});
    expect(new URL(page.url()).hash).toBe(`#client/${client?.id ?? ''}`);
    // This week: three calls and a voicemail, two stacked bars.
    await expect(detail.bars).toHaveCount(2);
    await expect(detail.chart).toHaveAttribute('aria-label', /4/);
    // Twelve weeks hold six with billed hours: enough for the decision the overview's week lacked.
    await expect(detail.recommendation.getByRole('heading', { level: 2 })).toHaveText(
      t('clientDetail:recommendation.heading', {
        label: t('overview:recommendation.raise-rate'),
      }),
    );
    const weeks = detail.panel('weeks.heading');
    await app.hands.press(detail.showTable(weeks));
    const rows = weeks.getByRole('row');
    await expect(rows.last().getByRole('cell')).toHaveText([
      '3',
      '0',
      '1',
      '0',
      '4',
      /^[\d.,]+$/,
      '1',
    ]);
    await expect(rows.nth(-2).getByRole('cell')).toHaveText([
      '0',
      '0',
      '0',
      '0',
      '0',
      /^[\d.,]+$/,
      '1',
    ]);
  },
};
