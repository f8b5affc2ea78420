/**
 * A chart's panel: its heading, a "Show as table" toggle, and either the chart or a real <table> of the
 * same numbers (for screen readers, for copying, and for anyone who reads tables better than shapes).
 *
 * The charts are drawn with visx (@visx/shape, scale, axis, group): small, tree-shakable packages that
 * render plain SVG elements we control, so each chart can carry role="img" with a summary, patterns that
 * tell the kinds apart without colour, and CSS variables for dark mode — no canvas, no runtime styles.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n.js';

/** An id usable inside `url(#…)` (React's ids carry characters SVG references do not take). */
export function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

/** The panel around one chart. */
export function ChartFrame({
  heading,
  intro,
  chart,
  table,
  legend,
}: {
  heading: string;
  intro?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  legend?: ReactNode;
}): ReactNode {
  const { t } = useTranslation('clientDetail');
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const bodyId = useId();
  return (
    <section className="panel chart-panel" aria-labelledby={headingId}>
      <div className="chart-head">
        <h2 id={headingId}>{heading}</h2>
        <button type="button" aria-controls={bodyId} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('showChart') : t('showTable')}
        </button>
      </div>
      {intro}
      <div id={bodyId} className="chart-body">
        {asTable ? (
          // Focusable, so a keyboard user can scroll a table wider than the screen.
          <div className="table-scroll" tabIndex={0} role="group" aria-label={heading}>
            {table}
          </div>
        ) : (
          <>
            {chart}
            {legend}
          </>
        )}
      </div>
    </section>
  );
}
