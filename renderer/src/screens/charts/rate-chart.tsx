/** The effective hourly rate per week (weeks with billed hours only) against the target rate. */
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Line, LinePath } from '@visx/shape';
import type { ReactNode } from 'react';
import type { DetailWeek, Money } from '../../../../shared/rate-case.js';
import { useTranslation } from '../../i18n.js';
import { formatAmount } from '../overview-model.js';
import { formatDay, ratedWeeks } from '../client-detail-model.js';
import { ChartFrame } from './chart-frame.js';

const WIDTH = 720;
const HEIGHT = 220;
const MARGIN = { top: 16, right: 24, bottom: 36, left: 64 };
const INNER_W = WIDTH - MARGIN.left - MARGIN.right;
const INNER_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** The chart, its note on the target and its table. */
export function RateChart({
  weeks,
  target,
  locale,
}: {
  weeks: readonly DetailWeek[];
  target: { rate: Money; source: 'target' | 'list' } | null;
  locale: string;
}): ReactNode {
  const { t } = useTranslation('clientDetail');
  const rated = ratedWeeks(weeks);
  const targetAmount = target?.rate.amount ?? null;
  const first = rated[0];
  const last = rated.at(-1);
  const summary =
    first && last
      ? targetAmount !== null && target
        ? t('rate.summary', {
            weeks: rated.length,
            first: formatAmount(first.effectiveRate, locale),
            last: formatAmount(last.effectiveRate, locale),
            target: formatAmount(target.rate, locale),
            below: rated.filter((w) => w.effectiveRate.amount < targetAmount).length,
          })
        : t('rate.summaryNoTarget', {
            weeks: rated.length,
            first: formatAmount(first.effectiveRate, locale),
            last: formatAmount(last.effectiveRate, locale),
          })
      : t('rate.none');
  const note = target
    ? target.source === 'target'
      ? t('rate.target', { rate: formatAmount(target.rate, locale) })
      : t('rate.listAsTarget', { rate: formatAmount(target.rate, locale) })
    : t('rate.noTarget');

  const currency = target?.rate.currency ?? first?.effectiveRate.currency ?? 'EUR';
  const max = Math.max(1, targetAmount ?? 0, ...rated.map((w) => w.effectiveRate.amount)) * 1.1;
  const x = scaleBand<string>({ domain: weeks.map((w) => w.start), range: [0, INNER_W] });
  const y = scaleLinear<number>({ domain: [0, max], range: [INNER_H, 0], nice: true });
  const center = (w: DetailWeek): number => (x(w.start) ?? 0) + x.bandwidth() / 2;
  const axisLabel = { fill: 'currentColor', fontSize: 11 } as const;

  const chart = (
    <svg
      data-testid="rate-chart"
      className="chart rate-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={summary}
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        {targetAmount !== null && (
          <Line
            className="target-line"
            from={{ x: 0, y: y(targetAmount) }}
            to={{ x: INNER_W, y: y(targetAmount) }}
          />
        )}
        <LinePath<DetailWeek & { effectiveRate: Money }>
          className="rate-line"
          data={rated}
          x={center}
          y={(w) => y(w.effectiveRate.amount)}
        />
        {rated.map((w) => (
          <circle
            key={w.start}
            className={
              targetAmount !== null && w.effectiveRate.amount < targetAmount
                ? 'rate-point below'
                : 'rate-point'
            }
            cx={center(w)}
            cy={y(w.effectiveRate.amount)}
            r={4}
          />
        ))}
        <AxisLeft
          scale={y}
          numTicks={4}
          tickFormat={(v) => formatAmount({ amount: Number(v), currency }, locale)}
          stroke="currentColor"
          tickStroke="currentColor"
          tickLabelProps={{ ...axisLabel, textAnchor: 'end', dx: -4, dy: 4 }}
        />
        <AxisBottom
          scale={x}
          top={INNER_H}
          tickFormat={(d) => formatDay(String(d), locale)}
          stroke="currentColor"
          tickStroke="currentColor"
          tickLabelProps={{ ...axisLabel, textAnchor: 'middle' }}
        />
      </Group>
    </svg>
  );

  const legend = (
    <ul className="chart-legend" aria-label={t('weeks.legend')}>
      <li>
        <svg className="swatch" width="16" height="16" aria-hidden="true" focusable="false">
          <line className="rate-line" x1="0" y1="8" x2="16" y2="8" />
          <circle className="rate-point" cx="8" cy="8" r="3" />
        </svg>
        {t('rate.legendRate')}
      </li>
      {targetAmount !== null && (
        <li>
          <svg className="swatch" width="16" height="16" aria-hidden="true" focusable="false">
            <line className="target-line" x1="0" y1="8" x2="16" y2="8" />
          </svg>
          {t('rate.legendTarget')}
        </li>
      )}
    </ul>
  );

  const table = (
    <table className="chart-table" data-testid="rate-chart-table">
      <caption>{t('rate.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rate.week')}</th>
          <th scope="col" className="numeric">
            {t('rate.effective')}
          </th>
          <th scope="col" className="numeric">
            {t('rate.targetColumn')}
          </th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((w) => (
          <tr key={w.start}>
            <th scope="row">{formatDay(w.start, locale)}</th>
            <td className="numeric">{formatAmount(w.effectiveRate, locale)}</td>
            <td className="numeric">{formatAmount(target?.rate, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFrame
      heading={t('rate.heading')}
      intro={<p className="muted">{note}</p>}
      chart={chart}
      legend={legend}
      table={table}
    />
  );
}
