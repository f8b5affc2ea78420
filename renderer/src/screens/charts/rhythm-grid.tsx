/**
 * When a client's unscheduled contacts come: a weekday × hour heat grid (darker = more, with the count
 * written in every non-empty cell so the shade is never the only cue), and the busiest slot in words —
 * where a standing call would catch them.
 */
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import type { ReactNode } from 'react';
import type { ClientDetail } from '../../../../shared/rate-case.js';
import { useTranslation } from '../../i18n.js';
import { formatNumber } from '../overview-model.js';
import { formatHour, gridHours, gridMax, weekdayNames } from '../client-detail-model.js';
import { ChartFrame } from './chart-frame.js';

const CELL = 30;
const LEFT = 44;
const TOP = 22;

/** The grid, the busiest slot, and the table. */
export function RhythmGrid({
  detail,
  name,
  locale,
}: {
  detail: Pick<ClientDetail, 'rhythm' | 'busiest' | 'timeZone'>;
  name: string;
  locale: string;
}): ReactNode {
  const { t } = useTranslation('clientDetail');
  const hours = gridHours(detail.rhythm);
  const max = gridMax(detail.rhythm);
  const days = weekdayNames(locale, 'short');
  const longDays = weekdayNames(locale, 'long');
  const width = LEFT + hours.length * CELL;
  const height = TOP + 7 * CELL;
  const x = scaleBand<number>({ domain: hours, range: [0, hours.length * CELL], padding: 0.08 });
  const y = scaleBand<number>({
    domain: [0, 1, 2, 3, 4, 5, 6],
    range: [0, 7 * CELL],
    padding: 0.08,
  });
  const shade = scaleLinear<number>({ domain: [0, max], range: [0.12, 1] });
  const busiest = detail.busiest;
  const summary = busiest
    ? t('rhythm.summary', {
        weekday: longDays[busiest.weekday] ?? '',
        hour: formatHour(busiest.hour, locale),
        count: busiest.count,
      })
    : t('rhythm.summaryNone');

  const chart = (
    <svg
      data-testid="rhythm-chart"
      className="chart rhythm-chart"
      viewBox={`0 0 ${width} ${height}`}
      style={{ maxWidth: `${width * 1.2}px` }}
      role="img"
      aria-label={summary}
    >
      <Group left={LEFT} top={TOP}>
        {hours.map((h) => (
          <text
            key={`h-${h}`}
            className="grid-label"
            x={(x(h) ?? 0) + x.bandwidth() / 2}
            y={-8}
            textAnchor="middle"
          >
            {String(h).padStart(2, '0')}
          </text>
        ))}
        {days.map((d, weekday) => (
          <text
            key={`d-${weekday}`}
            className="grid-label"
            x={-6}
            y={(y(weekday) ?? 0) + y.bandwidth() / 2 + 4}
            textAnchor="end"
          >
            {d}
          </text>
        ))}
        {detail.rhythm.map((row, weekday) =>
          hours.map((h) => {
            const count = row[h] ?? 0;
            const isBusiest = busiest?.weekday === weekday && busiest.hour === h;
            return (
              <g key={`${weekday}-${h}`}>
                <rect
                  className={
                    count === 0 ? 'heat-cell empty' : isBusiest ? 'heat-cell busiest' : 'heat-cell'
                  }
                  x={x(h)}
                  y={y(weekday)}
                  width={x.bandwidth()}
                  height={y.bandwidth()}
                  fillOpacity={count === 0 ? undefined : shade(count)}
                />
                {count > 0 && (
                  <text
                    className={shade(count) > 0.55 ? 'heat-count on-dark' : 'heat-count'}
                    x={(x(h) ?? 0) + x.bandwidth() / 2}
                    y={(y(weekday) ?? 0) + y.bandwidth() / 2 + 4}
                    textAnchor="middle"
                  >
                    {count}
                  </text>
                )}
              </g>
            );
          }),
        )}
      </Group>
    </svg>
  );

  const table = (
    <table className="chart-table rhythm-table" data-testid="rhythm-table">
      <caption>{t('rhythm.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rhythm.weekday')}</th>
          {hours.map((h) => (
            <th scope="col" key={h} className="numeric">
              {formatHour(h, locale)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {detail.rhythm.map((row, weekday) => (
          <tr key={weekday}>
            <th scope="row">{longDays[weekday]}</th>
            {hours.map((h) => (
              <td key={h} className="numeric">
                {formatNumber(row[h] ?? 0, locale)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFrame
      heading={t('rhythm.heading', { name })}
      intro={
        <>
          <p className="muted">{t('rhythm.intro', { zone: detail.timeZone })}</p>
          <p className="busiest-slot" data-testid="busiest-slot">
            {busiest
              ? t('rhythm.busiest', {
                  weekday: longDays[busiest.weekday] ?? '',
                  hour: formatHour(busiest.hour, locale),
                  count: busiest.count,
                })
              : t('rhythm.none')}
          </p>
        </>
      }
      chart={chart}
      table={table}
    />
  );
}
