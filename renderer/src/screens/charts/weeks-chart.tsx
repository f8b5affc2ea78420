/**
 * Twelve weeks of one client: unscheduled contacts as bars stacked by kind (each kind with its own
 * pattern, so colour is not needed to tell them apart), the weekly allowance as a dashed mark, and the
 * billed hours as a line on their own axis.
 */
import { AxisBottom, AxisLeft, AxisRight } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { BarStack, Line, LinePath } from '@visx/shape';
import type { ReactNode } from 'react';
import type { DetailWeek } from '../../../../shared/rate-case.js';
import { useTranslation } from '../../i18n.js';
import { formatNumber } from '../overview-model.js';
import {
  STACK_KINDS,
  formatDay,
  peakWeek,
  stackTotal,
  type AdHocKind,
} from '../client-detail-model.js';
import { ChartFrame, useSvgId } from './chart-frame.js';

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 48, bottom: 36, left: 40 };
const INNER_W = WIDTH - MARGIN.left - MARGIN.right;
const INNER_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** The SVG patterns of the four kinds: solid, diagonal stripes, dots, cross-hatch. */
export function KindPatterns({ idOf }: { idOf: (k: AdHocKind) => string }): ReactNode {
  return (
    <defs>
      {STACK_KINDS.map((k) => (
        <pattern
          key={k}
          id={idOf(k)}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform={k === 'missed-call' ? 'rotate(45)' : undefined}
        >
          {/* A path, not a rect: the chart's only rects are its bars (tests and the bench count them). */}
          <path className={`kind-fill kind-${k}`} d="M0,0 H6 V6 H0 Z" />
          {k === 'missed-call' && <line className="kind-mark" x1="0" y1="0" x2="0" y2="6" />}
          {k === 'voicemail' && <circle className="kind-dot" cx="3" cy="3" r="1.3" />}
          {k === 'ad-hoc-meeting' && <path className="kind-mark" d="M0,0 L6,6 M6,0 L0,6" />}
        </pattern>
      ))}
    </defs>
  );
}

/** A small swatch of a kind's pattern, for the legend. */
function Swatch({ fill }: { fill: string }): ReactNode {
  return (
    <svg className="swatch" width="16" height="16" aria-hidden="true" focusable="false">
      <rect width="16" height="16" fill={fill} className="swatch-border" />
    </svg>
  );
}

/** The chart, its legend and its table. */
export function WeeksChart({
  weeks,
  locale,
  allowancePerWeek,
}: {
  weeks: readonly DetailWeek[];
  locale: string;
  allowancePerWeek: number;
}): ReactNode {
  const { t } = useTranslation('clientDetail');
  const patternBase = useSvgId('kind');
  const idOf = (k: AdHocKind): string => `${patternBase}-${k}`;
  const fillOf = (k: AdHocKind): string => `url(#${idOf(k)})`;

  const maxContacts = Math.max(1, ...weeks.map((w) => Math.max(stackTotal(w), w.allowance)));
  const maxHours = Math.max(1, ...weeks.map((w) => w.billedHours));
  const x = scaleBand<string>({
    domain: weeks.map((w) => w.start),
    range: [0, INNER_W],
    padding: 0.3,
  });
  const y = scaleLinear<number>({ domain: [0, maxContacts], range: [INNER_H, 0], nice: true });
  const yHours = scaleLinear<number>({ domain: [0, maxHours], range: [INNER_H, 0], nice: true });
  const center = (w: DetailWeek): number => (x(w.start) ?? 0) + x.bandwidth() / 2;

  const contacts = weeks.reduce((s, w) => s + w.adHoc, 0);
  const hours = weeks.reduce((s, w) => s + w.billedHours, 0);
  const peak = peakWeek(weeks);
  const summary = peak
    ? t('weeks.summary', {
        weeks: weeks.length,
        contacts,
        allowance: formatNumber(allowancePerWeek, locale),
        hours: formatNumber(hours, locale, 2),
        peak: formatDay(peak.start, locale),
        peakCount: peak.adHoc,
      })
    : t('weeks.summaryNone', {
        weeks: weeks.length,
        allowance: formatNumber(allowancePerWeek, locale),
        hours: formatNumber(hours, locale, 2),
      });
  const axisLabel = { fill: 'currentColor', fontSize: 11 } as const;

  const chart = (
    <svg
      data-testid="client-chart"
      className="chart weeks-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={summary}
    >
      <KindPatterns idOf={idOf} />
      <Group left={MARGIN.left} top={MARGIN.top}>
        <BarStack<DetailWeek, AdHocKind>
          data={[...weeks]}
          keys={[...STACK_KINDS]}
          x={(w) => w.start}
          value={(w, k) => w.byKind[k]}
          xScale={x}
          yScale={y}
          color={(k) => fillOf(k)}
        >
          {(stacks) =>
            stacks.flatMap((stack) =>
              stack.bars
                .filter((bar) => bar.height > 0)
                .map((bar) => (
                  <rect
                    key={`${stack.key}-${bar.index}`}
                    className="bar"
                    data-kind={stack.key}
                    x={bar.x}
                    y={bar.y}
                    width={bar.width}
                    height={bar.height}
                    fill={bar.color}
                  />
                )),
            )
          }
        </BarStack>
        {weeks.map((w) => (
          <Line
            key={`allowance-${w.start}`}
            className="allowance-mark"
            from={{ x: (x(w.start) ?? 0) - 3, y: y(w.allowance) }}
            to={{ x: (x(w.start) ?? 0) + x.bandwidth() + 3, y: y(w.allowance) }}
          />
        ))}
        <LinePath<DetailWeek>
          className="hours-line"
          data={[...weeks]}
          x={center}
          y={(w) => yHours(w.billedHours)}
        />
        {weeks.map((w) => (
          <circle
            key={`hours-${w.start}`}
            className="hours-point"
            cx={center(w)}
            cy={yHours(w.billedHours)}
            r={3}
          />
        ))}
        <AxisLeft
          scale={y}
          numTicks={Math.min(5, maxContacts)}
          tickFormat={(v) => formatNumber(Number(v), locale)}
          stroke="currentColor"
          tickStroke="currentColor"
          tickLabelProps={{ ...axisLabel, textAnchor: 'end', dx: -4, dy: 4 }}
        />
        <AxisRight
          scale={yHours}
          left={INNER_W}
          numTicks={5}
          tickFormat={(v) => formatNumber(Number(v), locale)}
          stroke="currentColor"
          tickStroke="currentColor"
          tickLabelProps={{ ...axisLabel, textAnchor: 'start', dx: 4, dy: 4 }}
        />
        <AxisBottom
          scale={x}
          top={INNER_H}
          tickFormat={(d) => formatDay(String(d), locale)}
          stroke="currentColor"
          tickStroke="currentColor"
          tickLabelProps={{ ...axisLabel, textAnchor: 'middle' }}
        />
        <text className="axis-title" x={-MARGIN.left + 2} y={-4}>
          {t('weeks.contactsAxis')}
        </text>
        <text className="axis-title" x={INNER_W + MARGIN.right - 2} y={-4} textAnchor="end">
          {t('weeks.hoursAxis')}
        </text>
      </Group>
    </svg>
  );

  const legend = (
    <ul className="chart-legend" aria-label={t('weeks.legend')}>
      {STACK_KINDS.map((k) => (
        <li key={k}>
          <Swatch fill={fillOf(k)} />
          {t(`kinds.${k}`)}
        </li>
      ))}
      <li>
        <svg className="swatch" width="16" height="16" aria-hidden="true" focusable="false">
          <line className="hours-line" x1="0" y1="8" x2="16" y2="8" />
          <circle className="hours-point" cx="8" cy="8" r="3" />
        </svg>
        {t('weeks.billedLine')}
      </li>
      <li>
        <svg className="swatch" width="16" height="16" aria-hidden="true" focusable="false">
          <line className="allowance-mark" x1="0" y1="8" x2="16" y2="8" />
        </svg>
        {t('weeks.allowanceLine')}
      </li>
    </ul>
  );

  const table = (
    <table className="chart-table" data-testid="client-chart-table">
      <caption>{t('weeks.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('weeks.week')}</th>
          {STACK_KINDS.map((k) => (
            <th scope="col" key={k} className="numeric">
              {t(`kinds.${k}`)}
            </th>
          ))}
          <th scope="col" className="numeric">
            {t('weeks.unscheduled')}
          </th>
          <th scope="col" className="numeric">
            {t('weeks.allowance')}
          </th>
          <th scope="col" className="numeric">
            {t('weeks.billed')}
          </th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((w) => (
          <tr key={w.start} className={w.adHoc > w.allowance ? 'over' : undefined}>
            <th scope="row">{formatDay(w.start, locale)}</th>
            {STACK_KINDS.map((k) => (
              <td key={k} className="numeric">
                {formatNumber(w.byKind[k], locale)}
              </td>
            ))}
            <td className="numeric">{formatNumber(w.adHoc, locale)}</td>
            <td className="numeric">{formatNumber(w.allowance, locale)}</td>
            <td className="numeric">{formatNumber(w.billedHours, locale, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return <ChartFrame heading={t('weeks.heading')} chart={chart} legend={legend} table={table} />;
}
