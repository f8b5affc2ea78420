/** What an import read (a dry run or the import itself): counts, bad rows, and the first new rows. */
import type { ReactNode } from 'react';
import type { ImportPreviewRow, ImportSummary } from '../../../shared/rate-case.js';
import { formatDateTime, formatMinutes } from '../format.js';
import { useLocale, useTranslation } from '../i18n.js';

/** A time entry's date (YYYY-MM-DD, a whole day) or a call's instant, in the UI's locale. */
function formatWhen(when: string, locale: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(when)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${when}T00:00:00Z`),
    );
  }
  return formatDateTime(when, { locale });
}

/** The counts of a summary as a description list. */
function Counts({ summary }: { summary: ImportSummary }): ReactNode {
  const { t } = useTranslation('import');
  const { locale } = useLocale();
  const n = (value: number): string => new Intl.NumberFormat(locale).format(value);
  const counts: [string, number | undefined][] = [
    [t('preview.rows'), summary.rows],
    [t('preview.added'), summary.added],
    [t('preview.duplicates'), summary.duplicates],
    [t('preview.skipped'), summary.skipped],
    [t('preview.unassigned'), summary.unassigned],
    [t('preview.unmatched'), summary.unmatched],
    [t('preview.errors'), summary.errors.length],
  ];
  return (
    <>
      <h3>{t('preview.counts')}</h3>
      <dl className="import-counts" data-testid="import-counts">
        {counts
          .filter((c): c is [string, number] => c[1] !== undefined)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{n(value)}</dd>
            </div>
          ))}
      </dl>
      {summary.skippedReasons && summary.skippedReasons.length > 0 && (
        <>
          <h4>{t('preview.reasons')}</h4>
          <ul>
            {summary.skippedReasons.map((r) => (
              <li key={r.reason}>{t('preview.reason', { reason: r.reason, count: r.count })}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The bad rows with line, column and the core's reason. */
function BadRows({ summary }: { summary: ImportSummary }): ReactNode {
  const { t } = useTranslation('import');
  if (summary.errors.length === 0) return null;
  return (
    <div className="table-scroll">
      <table data-testid="import-errors">
        <caption>{t('preview.badRows')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('preview.line')}</th>
            <th scope="col">{t('preview.column')}</th>
            <th scope="col">{t('preview.why')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.errors.map((e, i) => (
            <tr key={`${e.line}-${i}`}>
              <td>{e.line}</td>
              <td>
                {e.columnNumber !== undefined
                  ? t('preview.columnAt', { number: e.columnNumber, name: e.column ?? '' })
                  : (e.column ?? '–')}
              </td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rows of a preview, each with the client it matched (or, as the file names it, that it matched none). */
function PreviewRows({
  rows,
  caption,
  testId,
}: {
  rows: readonly ImportPreviewRow[];
  caption: string;
  testId: string;
}): ReactNode {
  const { t } = useTranslation('import');
  const { locale } = useLocale();
  if (rows.length === 0) return null;
  const what = (w: string): string =>
    w === 'billable' ||
    w === 'non-billable' ||
    w === 'call' ||
    w === 'call (outgoing)' ||
    w === 'missed-call' ||
    w === 'voicemail'
      ? t(`what.${w}`)
      : w;
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('preview.when')}</th>
            <th scope="col">{t('preview.client')}</th>
            <th scope="col">{t('preview.what')}</th>
            <th scope="col">{t('preview.minutes')}</th>
            <th scope="col">{t('preview.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className={r.matched ? undefined : 'unmatched'}>
              <td>{formatWhen(r.when, locale)}</td>
              <td>
                {r.client === ''
                  ? t('preview.noClient')
                  : r.matched
                    ? r.client
                    : t('preview.unmatchedClient', { name: r.client })}
              </td>
              <td>{what(r.what)}</td>
              <td>{formatMinutes(r.minutes)}</td>
              <td>
                {r.amount
                  ? new Intl.NumberFormat(locale, {
                      style: 'currency',
                      currency: r.amount.currency,
                    }).format(r.amount.amount)
                  : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A summary, whole. */
export function ImportPreview({ summary }: { summary: ImportSummary }): ReactNode {
  const { t } = useTranslation('import');
  const unmatched = summary.unmatchedPreview ?? [];
  return (
    <>
      <Counts summary={summary} />
      <BadRows summary={summary} />
      <PreviewRows
        rows={summary.preview}
        caption={t('preview.firstRows', { count: summary.preview.length })}
        testId="import-rows"
      />
      <PreviewRows
        rows={unmatched}
        caption={t('preview.unmatchedRows', { count: unmatched.length })}
        testId="import-unmatched"
      />
    </>
  );
}
