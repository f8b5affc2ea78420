/** The preview table: upcoming events and the kind the draft rules give them. */
import type { ReactNode } from 'react';
import type { RulePreviewRow } from '../../../shared/api.js';
import type { EventKind } from '../../../shared/domain.js';
import { formatDateTime } from '../format.js';

/** Words for event kinds. */
export const KIND_LABELS: Record<EventKind, string> = {
  focus: 'Focus',
  'client-meeting': 'Client meeting',
  'standing-call': 'Standing call',
  busy: 'Busy',
  free: 'Free',
  away: 'Away',
};

/** The table; `rows` null while the first preview loads. */
export function RulesPreview({ rows }: { rows: RulePreviewRow[] | null }): ReactNode {
  return (
    <div className="preview" aria-live="polite">
      <h3>Preview of upcoming events</h3>
      {rows === null && <p aria-busy="true">Loading preview…</p>}
      {rows?.length === 0 && <p>No upcoming events to preview.</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Event</th>
                <th scope="col">Calendar</th>
                <th scope="col">Counts as</th>
                <th scope="col">Because</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={`${row.start}|${row.calendar}|${row.summary}`}
                  className={`kind-${row.kind}`}
                >
                  <td>{formatDateTime(row.start)}</td>
                  <td>{row.summary}</td>
                  <td>{row.calendar}</td>
                  <td>
                    {KIND_LABELS[row.kind]}
                    {row.clientName ? ` (${row.clientName})` : ''}
                  </td>
                  <td>{row.matchedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
