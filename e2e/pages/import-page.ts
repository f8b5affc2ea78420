/** The Import screen, found by the names it gives its controls in the page's language. */
import { type Locator, type Page, expect } from '@playwright/test';
import type { Language } from '../../shared/i18n/index.js';
import type { ImportKind } from '../../shared/rate-case.js';
import { type Hands, mouseHands } from '../support/hands.js';
import { type Translate, translatorFor } from './translate.js';

/** A file to hand to the file chooser. */
export interface ImportFile {
  name: string;
  mimeType?: string;
  buffer: Buffer;
}

/** The Import screen's parts. */
export class ImportPage {
  readonly heading: Locator;
  readonly fileInput: Locator;
  readonly dropZone: Locator;
  readonly kind: Locator;
  readonly detected: Locator;
  readonly counts: Locator;
  readonly errors: Locator;
  readonly rows: Locator;
  /** The line that says what was imported. */
  readonly imported: Locator;
  readonly lastImport: Locator;
  readonly undo: Locator;
  readonly undone: Locator;
  private readonly t: Translate;

  constructor(
    readonly page: Page,
    private readonly hands: Hands = mouseHands(),
    language: Language = 'en',
  ) {
    const t = (this.t = translatorFor(language));
    this.heading = page.getByRole('heading', { level: 1, name: t('import:title') });
    this.fileInput = page.getByLabel(t('import:file.choose'));
    this.dropZone = page.getByTestId('drop-zone');
    this.kind = page.getByLabel(t('import:kind.label'));
    this.detected = page.getByTestId('import-detected');
    this.counts = page.getByTestId('import-counts');
    this.errors = page.getByTestId('import-errors');
    this.rows = page.getByTestId('import-rows');
    this.imported = page.getByTestId('import-message');
    this.lastImport = page.getByTestId('last-import');
    this.undo = this.lastImport.getByRole('button', { name: t('import:last.undo') });
    this.undone = page.getByTestId('undo-message');
  }

  /** Opens the file chooser from the file input (clicked, or reached by Tab and pressed) and picks `file`. */
  async pick(file: ImportFile): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.hands.press(this.fileInput),
    ]);
    await chooser.setFiles({ mimeType: 'text/csv', ...file });
  }

  /** The number shown beside a count (`label` is a key under `import:preview`). */
  count(label: 'rows' | 'added' | 'duplicates' | 'skipped' | 'unassigned' | 'errors'): Locator {
    return this.counts
      .locator('div')
      .filter({ has: this.page.getByText(this.t(`import:preview.${label}`), { exact: true }) })
      .locator('dd');
  }

  /** The Import button for `count` new rows. */
  importButton(count: number): Locator {
    return this.page.getByRole('button', { name: this.t('import:importButton', { count }) });
  }

  /** "Recognised as: Toggl …" for a kind. */
  detectedAs(kind: ImportKind): string {
    return this.t('import:kind.detected', { kind: this.t(`import:kind.${kind}`) });
  }

  /** Waits for the preview of the chosen file to be shown. */
  async previewShown(): Promise<void> {
    await expect(this.counts).toBeVisible();
    await expect(this.page.locator('[aria-busy="true"]')).toHaveCount(0);
  }
}
