/** The preview table: upcoming events and the kind the draft rules give them. */
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { RulePreviewRow } from '../../../shared/api.js';
import { formatDateTime } from '../format.js';
import { useLocale, useTranslation } from '../i18n.js';

const FIXED = {
  'calendar set to ignore': 'ignoredCalendar',
  'focus calendar': 'focusCalendar',
  'all-day event': 'allDay',
  'shown as free (transparent)': 'transparent',
  'tentative (rules: not busy)': 'tentativeFree',
  'tentative (counts as busy)': 'tentativeBusy',
  'busy event': 'busy',
} as const;

/**
 * The core's reason for a classification (`matchedBy`, written in fixed English phrases) in the UI
 * language; a phrase not known here is shown as the core wrote it.
 */
export function matchedByWords(text: string, t: TFunction<'rules'>): string {
  const fixed = FIXED[text as keyof typeof FIXED];
  if (fixed) return t(`matchedBy.${fixed}`);
  let m = /^(away|focus) keyword "(.*)"( \(all-day\))?$/.exec(text);
  if (m) {
    const keyword = m[2] ?? '';
    if (m[1] === 'focus') return t('matchedBy.focusKeyword', { keyword });
    return t(m[3] ? 'matchedBy.awayKeywordAllDay' : 'matchedBy.awayKeyword', { keyword });
  }
  m = /^(client keyword "(.*)"|(attendee|organizer) domain (\S+)) \((.*)\)(, recurring)?$/.exec(
    text,
  );
  if (m) {
    const why =
      m[2] !== undefined
        ? t('matchedBy.clientKeyword', { keyword: m[2] })
        : t(m[3] === 'organizer' ? 'matchedBy.organizerDomain' : 'matchedBy.attendeeDomain', {
            domain: m[4] ?? '',
          });
    const values = { why, client: m[5] ?? '' };
    return m[6] ? t('matchedBy.clientRecurring', values) : t('matchedBy.client', values);
  }
  return text;
}

/** The table; `rows` null while the first preview loads. */
export function RulesPreview({ rows }: { rows: RulePreviewRow[] | null }): ReactNode {
  const { t } = useTranslation('rules');
  const { locale } = useLocale();
  return (
    <div className="preview" aria-live="polite">
      <h3>{t('preview.heading')}</h3>
      {rows === null && <p aria-busy="true">{t('preview.loading')}</p>}
      {rows?.length === 0 && <p>{t('preview.empty')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('preview.when')}</th>
                <th scope="col">{t('preview.event')}</th>
                <th scope="col">{t('preview.calendar')}</th>
                <th scope="col">{t('preview.countsAs')}</th>
                <th scope="col">{t('preview.because')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={`${row.start}|${row.calendar}|${row.summary}`}
                  className={`kind-${row.kind}`}
                >
                  <td>{formatDateTime(row.start, { locale })}</td>
                  <td>{row.summary}</td>
                  <td>{row.calendar}</td>
                  <td>
                    {row.clientName
                      ? t('preview.withClient', {
                          kind: t(`kind.${row.kind}`),
                          client: row.clientName,
                        })
                      : t(`kind.${row.kind}`)}
                  </td>
                  <td>{matchedByWords(row.matchedBy, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
