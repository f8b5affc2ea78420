/**
 * The Import screen: pick or drop a Toggl / Harvest / Clockify export or a call log, see what it holds
 * (a dry run through the very importer `office-hours import` uses), import it, and undo the latest
 * import — also after a restart, since the core keeps it in the data folder.
 */
import { useCallback, useEffect, useId, useState, type DragEvent, type ReactNode } from 'react';
import { IMPORT_TEXT_MAX_CHARS } from '../../../shared/api-names.js';
import { IMPORT_KINDS, isCallImport, type ImportKind } from '../../../shared/rate-case.js';
import type { ImportSummary, LastImport } from '../../../shared/rate-case.js';
import { useApi } from '../api-context.js';
import { formatDateTime } from '../format.js';
import { useLocale, useTranslation } from '../i18n.js';
import { formatFileSize, readPickedFile, type PickedFile } from '../import-file-model.js';
import { errorMessage } from '../use-async.js';
import { ImportPreview } from './import-preview.js';

type Preview =
  | { state: 'loading' }
  | { state: 'failed'; error: string }
  | { state: 'ready'; summary: ImportSummary };

/** A dry run's (or the import's) outcome, for the file, kind and round it was asked for. */
type Outcome = Exclude<Preview, { state: 'loading' }> & { key: string };

/** The whole screen. */
export function ImportScreen(): ReactNode {
  const { t } = useTranslation('import');
  const { locale } = useLocale();
  const api = useApi();
  const ids = { file: useId(), kind: useId(), partial: useId(), hint: useId() };
  const [file, setFile] = useState<(PickedFile & { id: number }) | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [kind, setKind] = useState<ImportKind | ''>('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [allowPartial, setAllowPartial] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [importError, setImportError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [last, setLast] = useState<LastImport | null>(null);
  // Bumped after an undo: the same file previews again, so it can be imported again.
  const [version, setVersion] = useState(0);

  const loadLast = useCallback(() => {
    api.getLastImport({}).then(setLast, () => setLast(null));
  }, [api]);
  useEffect(loadLast, [loadLast]);

  // A dry run whenever the file or its kind changes: the preview always shows what Import would do.
  const key = file && kind ? `${file.id}|${kind}|${version}` : null;
  const preview: Preview | null =
    key === null ? null : outcome?.key === key ? outcome : { state: 'loading' };
  useEffect(() => {
    if (!file || !kind || key === null) return;
    let current = true;
    api
      .importText({
        kind,
        name: file.name,
        text: file.base64,
        encoding: 'base64',
        dryRun: true,
      })
      .then(
        (summary) => current && setOutcome({ key, state: 'ready', summary }),
        (e: unknown) => current && setOutcome({ key, state: 'failed', error: errorMessage(e) }),
      );
    return () => {
      current = false;
    };
  }, [api, file, kind, key]);

  const take = async (picked: File | undefined): Promise<void> => {
    if (!picked) return;
    setMessage('');
    setImportError(null);
    setAllowPartial(false);
    if (picked.size > IMPORT_TEXT_MAX_CHARS) {
      // Not read at all: the core would refuse it, and the browser need not hold it to say so.
      setFile(null);
      setReadError(
        t('file.tooBig', { name: picked.name, size: formatFileSize(picked.size, locale) }),
      );
      return;
    }
    try {
      const read = await readPickedFile(picked);
      setReadError(null);
      setFile({ ...read, id: (file?.id ?? 0) + 1 });
      setKind(read.detected ?? '');
    } catch (e) {
      setFile(null);
      setReadError(t('file.readFailed', { name: picked.name, error: errorMessage(e) }));
    }
  };

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    void take(event.dataTransfer.files[0]);
  };

  const summary = preview?.state === 'ready' ? preview.summary : null;
  const errors = summary?.errors.length ?? 0;
  const canImport =
    !busy && summary !== null && summary.added > 0 && (errors === 0 || allowPartial);

  const runImport = async (): Promise<void> => {
    if (!file || !kind || key === null || !canImport) return;
    setBusy(true);
    setImportError(null);
    setMessage('');
    try {
      const done = await api.importText({
        kind,
        name: file.name,
        text: file.base64,
        encoding: 'base64',
        allowPartial,
      });
      setOutcome({ key, state: 'ready', summary: done });
      if (done.imported) {
        const key = isCallImport(done.kind) ? 'imported.calls' : 'imported.time';
        setMessage(t(key, { count: done.added, file: done.file }));
      }
      loadLast();
    } catch (e) {
      setImportError(t('importFailed', { error: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      aria-labelledby="import-heading"
      className="screen"
      // The whole screen takes a dropped file: one dropped just beside the zone must not make the
      // browser leave the dashboard to show it.
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h1 id="import-heading" tabIndex={-1}>
        {t('title')}
      </h1>
      <p>{t('intro')}</p>
      <fieldset className="panel import-file">
        <legend>{t('file.legend')}</legend>
        <div className={dragging ? 'drop-zone is-dragging' : 'drop-zone'} data-testid="drop-zone">
          <label htmlFor={ids.file}>{t('file.choose')}</label>
          <input
            id={ids.file}
            type="file"
            accept=".csv,.txt,.xml,text/csv,text/xml,application/xml"
            aria-describedby={ids.hint}
            // The same file picked again (changed on disk) must read again.
            onClick={(e) => (e.currentTarget.value = '')}
            onChange={(e) => void take(e.target.files?.[0])}
          />
          <p id={ids.hint} className="muted">
            {file
              ? t('file.chosen', { name: file.name, size: formatFileSize(file.size, locale) })
              : t('file.drop')}
          </p>
        </div>
        {readError && (
          <p role="alert" className="error">
            {readError}
          </p>
        )}
        <div className="field">
          <label htmlFor={ids.kind}>{t('kind.label')}</label>
          <select
            id={ids.kind}
            value={kind}
            disabled={!file}
            onChange={(e) => {
              setMessage('');
              setKind(e.target.value as ImportKind | '');
            }}
          >
            <option value="">{t('kind.choose')}</option>
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {file && (
          <p className="muted" data-testid="import-detected">
            {file.detected
              ? t('kind.detected', { kind: t(`kind.${file.detected}`) })
              : t('kind.unknown')}
          </p>
        )}
      </fieldset>

      {file && kind && preview && (
        <section className="panel import-preview" aria-labelledby="import-preview-heading">
          <h2 id="import-preview-heading">{t('preview.heading', { name: file.name })}</h2>
          {preview.state === 'loading' && <p aria-busy="true">{t('preview.loading')}</p>}
          {preview.state === 'failed' && (
            <p role="alert" className="error">
              {t('preview.failed', { error: preview.error })}
            </p>
          )}
          {summary && <ImportPreview summary={summary} />}
          {summary && !summary.imported && (
            <div className="actions">
              {summary.added === 0 && errors === 0 && <p>{t('preview.nothingNew')}</p>}
              {errors > 0 && (
                <>
                  <p>{t('preview.hasErrors', { count: errors })}</p>
                  {summary.added > 0 && (
                    <label className="checkbox" htmlFor={ids.partial}>
                      <input
                        id={ids.partial}
                        type="checkbox"
                        checked={allowPartial}
                        onChange={(e) => setAllowPartial(e.target.checked)}
                      />
                      {t('preview.allowPartial')}
                    </label>
                  )}
                </>
              )}
              <button type="button" disabled={!canImport} onClick={() => void runImport()}>
                {busy ? t('importing') : t('importButton', { count: summary.added })}
              </button>
            </div>
          )}
          {importError && (
            <p role="alert" className="error">
              {importError}
            </p>
          )}
        </section>
      )}
      <p role="status" className="ok" data-testid="import-message">
        {message}
      </p>
      <LastImportPanel
        last={last}
        onUndone={() => {
          setMessage('');
          setVersion((v) => v + 1);
          loadLast();
        }}
      />
    </section>
  );
}

/** The latest import with its Undo; the outcome of an undo stays in view after it is gone. */
function LastImportPanel({
  last,
  onUndone,
}: {
  last: LastImport | null;
  onUndone: () => void;
}): ReactNode {
  const { t } = useTranslation('import');
  const { locale } = useLocale();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | null>(null);

  const undo = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const undone = await api.undoImport({});
      setOutcome(
        undone.kind === null ? t('last.nothing') : t('last.undone', { count: undone.removed }),
      );
      onUndone();
    } catch (e) {
      setError(t('last.undoFailed', { error: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="last-import-heading" data-testid="last-import">
      <h2 id="last-import-heading">{t('last.heading')}</h2>
      {last && (
        <div className="actions">
          <p>
            {t(isCallImport(last.kind) ? 'last.calls' : 'last.time', {
              file: last.file,
              kind: t(`kind.${last.kind}`),
              at: formatDateTime(last.at, { locale }),
              count: last.count,
            })}
          </p>
          <button type="button" disabled={busy} onClick={() => void undo()}>
            {busy ? t('last.undoing') : t('last.undo')}
          </button>
        </div>
      )}
      {!last && !outcome && <p className="muted">{t('last.none')}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p role="status" data-testid="undo-message">
        {outcome}
      </p>
    </section>
  );
}
