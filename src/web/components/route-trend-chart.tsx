/**
 * @module
 * A route's price per learner over the years as inline SVG: per year the median as a point
 * on a line, with a whisker from the lowest to the highest price. Accessible like the
 * quality-price chart: an image with a title and a description, followed by a data table
 * with the same numbers.
 */
import type { RouteYear } from '../../domain/comparison/route-trend.js';
import { axisTicks, niceAxis } from '../../reports/chart-axis.js';
import { formatDutchNumber, formatEuros } from '../format.js';
import { BLUE, GRID, INK, MUTED } from './chart-style.js';
import { ChartSvg } from './chart-svg.js';
import { Cell, Row, Table } from './table.js';

const WIDTH = 640;
const HEIGHT = 320;
const PLOT = { left: 84, top: 16, right: 24, bottom: 48 };
const PLOT_WIDTH = WIDTH - PLOT.left - PLOT.right;
const PLOT_HEIGHT = HEIGHT - PLOT.top - PLOT.bottom;
const LINE = BLUE;

export function RouteTrendChart({ route, trend, id }: { route: string; trend: readonly RouteYear[]; id: string }) {
  if (trend.length === 0) {
    return <p class="utrecht-paragraph utrecht-paragraph--distanced">Voor {route} zijn er geen inschrijvingen met een prijs per inburgeraar.</p>;
  }
  const low = Math.min(...trend.map((y) => y.min));
  const high = Math.max(...trend.map((y) => y.max));
  const pad = Math.max((high - low) * 0.1, high * 0.02, 1);
  const y = niceAxis({ min: Math.max(0, low - pad), max: high + pad, ticks: 5 });
  const toY = (euros: number) => PLOT.top + PLOT_HEIGHT - ((euros - y.min) / (y.max - y.min)) * PLOT_HEIGHT;
  const slot = PLOT_WIDTH / trend.length;
  const toX = (index: number) => PLOT.left + slot * (index + 0.5);
  const first = trend[0] as RouteYear;
  const last = trend[trend.length - 1] as RouteYear;
  const description =
    `Mediane prijs per inburgeraar voor ${route} per jaar, met de laagste en hoogste prijs als streep: ` +
    trend.map((year) => `${year.year} ${formatEuros(year.median)}`).join(', ') +
    (trend.length > 1
      ? `. Van ${first.year} tot ${last.year} ${last.median < first.median ? 'gedaald' : last.median > first.median ? 'gestegen' : 'gelijk gebleven'}.`
      : '.') +
    ' De tabel hieronder bevat dezelfde gegevens.';
  const line = trend.map((year, index) => `${toX(index)},${toY(year.median)}`).join(' ');
  return (
    <figure class="utrecht-figure">
      <ChartSvg id={id} width={WIDTH} height={HEIGHT} title={`Prijs per inburgeraar per jaar: ${route}`} description={description}>
        {axisTicks(y).map((tick) => (
          <g>
            <line x1={PLOT.left} x2={PLOT.left + PLOT_WIDTH} y1={toY(tick)} y2={toY(tick)} stroke={GRID} stroke-width="1" />
            <text x={PLOT.left - 8} y={toY(tick) + 4} text-anchor="end" fill={INK}>
              {formatDutchNumber(tick, 0)}
            </text>
          </g>
        ))}
        <rect x={PLOT.left} y={PLOT.top} width={PLOT_WIDTH} height={PLOT_HEIGHT} fill="none" stroke={MUTED} stroke-width="1.5" />
        <text x={18} y={PLOT.top + PLOT_HEIGHT / 2} text-anchor="middle" fill={INK} transform={`rotate(-90 18 ${PLOT.top + PLOT_HEIGHT / 2})`}>
          € per inburgeraar
        </text>
        {trend.length > 1 ? <polyline points={line} fill="none" stroke={LINE} stroke-width="2" /> : null}
        {trend.map((year, index) => {
          const x = toX(index);
          return (
            <g>
              <line x1={x} x2={x} y1={toY(year.min)} y2={toY(year.max)} stroke={MUTED} stroke-width="1.5" />
              <line x1={x - 8} x2={x + 8} y1={toY(year.min)} y2={toY(year.min)} stroke={MUTED} stroke-width="1.5" />
              <line x1={x - 8} x2={x + 8} y1={toY(year.max)} y2={toY(year.max)} stroke={MUTED} stroke-width="1.5" />
              <circle cx={x} cy={toY(year.median)} r="6" fill={LINE} />
              <text x={x + 12} y={toY(year.median) + 4} fill={INK}>
                {formatDutchNumber(year.median, 0)}
              </text>
              <text x={x} y={PLOT.top + PLOT_HEIGHT + 20} text-anchor="middle" fill={INK}>
                {year.year}
              </text>
            </g>
          );
        })}
      </ChartSvg>
      <figcaption class="utrecht-figure__caption">
        Stip en lijn: de mediane prijs per inburgeraar in dat jaar; de verticale streep loopt van de laagste tot de hoogste prijs.
      </figcaption>
      <Table
        caption={`Gegevens van de grafiek: ${route}`}
        columns={[
          { label: 'Jaar' },
          { label: 'Inschrijvingen', numeric: true },
          { label: 'Mediaan', numeric: true },
          { label: 'Laagste', numeric: true },
          { label: 'Hoogste', numeric: true },
        ]}
      >
        {trend.map((year) => (
          <Row>
            <Cell header>{year.year}</Cell>
            <Cell numeric>{year.count}</Cell>
            <Cell numeric>{formatEuros(year.median)}</Cell>
            <Cell numeric>{formatEuros(year.min)}</Cell>
            <Cell numeric>{formatEuros(year.max)}</Cell>
          </Row>
        ))}
      </Table>
    </figure>
  );
}
