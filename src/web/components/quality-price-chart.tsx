/**
 * @module
 * The quality-price chart as inline SVG, the page's twin of the report's chart (same axes,
 * same points, same 1-2-5 ticks): price on x, quality as a share of the maximum on y, the
 * winner marked by shape, ring and label, not by colour alone (WCAG 1.4.1). It is an image
 * with a title and a description for screen readers, and a data table follows it with the
 * same numbers for everyone who cannot see the picture.
 */
import { niceAxis, type ChartPoint } from '../../reports/pdf/quality-price-chart.js';
import { formatDutchNumber, formatEuros, formatPercent } from '../format.js';
import { BLUE, GRID, INK, MUTED, ticks } from './chart-style.js';
import { ChartSvg } from './chart-svg.js';
import { Cell, Row, Table } from './table.js';

export type { ChartPoint };

const WIDTH = 640;
const HEIGHT = 380;
const PLOT = { left: 76, top: 16, right: 24, bottom: 56 };
const PLOT_WIDTH = WIDTH - PLOT.left - PLOT.right;
const PLOT_HEIGHT = HEIGHT - PLOT.top - PLOT.bottom;
// A dark red beside the blue, both above 4.5:1 on white.
const POINT = BLUE;
const WINNER = '#a90061';

const KIND_NAMES: Record<ChartPoint['kind'], string> = { winner: 'winnaar', ranked: 'gerangschikt', excluded: 'uitgesloten' };

export function QualityPriceChart({ points, id = 'grafiek' }: { points: readonly ChartPoint[]; id?: string }) {
  if (points.length === 0)
    return <p class="utrecht-paragraph utrecht-paragraph--distanced">Er zijn nog geen inschrijvingen met een prijs en een kwaliteitsscore om te tonen.</p>;
  const prices = points.map((p) => p.price);
  const qualities = points.map((p) => p.quality * 100);
  const span = Math.max(...prices) - Math.min(...prices);
  const x = niceAxis({ min: Math.min(...prices) - 0.05 * span, max: Math.max(...prices) + 0.05 * span, ticks: 5 });
  const y = niceAxis({ min: Math.max(0, Math.min(...qualities) - 5), max: Math.min(100, Math.max(...qualities) + 5), ticks: 5 });
  const toX = (price: number) => PLOT.left + ((price - x.min) / (x.max - x.min)) * PLOT_WIDTH;
  const toY = (quality: number) => PLOT.top + PLOT_HEIGHT - ((quality - y.min) / (y.max - y.min)) * PLOT_HEIGHT;
  const winner = points.find((p) => p.kind === 'winner');
  const description =
    `Spreidingsdiagram van ${points.length} inschrijvingen: prijs horizontaal, kwaliteit verticaal.` +
    (winner === undefined
      ? ' Er is (nog) geen winnaar.'
      : ` Winnaar ${winner.label}: ${formatEuros(winner.price)}, kwaliteit ${formatPercent(winner.quality)}.`) +
    ' De tabel hieronder bevat dezelfde gegevens.';
  // Losers first, so the winner is drawn on top where points overlap.
  const ordered = [...points].sort((a, b) => Number(a.kind === 'winner') - Number(b.kind === 'winner'));
  return (
    <figure class="utrecht-figure">
      <ChartSvg id={id} width={WIDTH} height={HEIGHT} title={'Kwaliteit tegen prijs'} description={description}>
        {ticks(y).map((tick) => (
          <g>
            <line x1={PLOT.left} x2={PLOT.left + PLOT_WIDTH} y1={toY(tick)} y2={toY(tick)} stroke={GRID} stroke-width="1" />
            <text x={PLOT.left - 8} y={toY(tick) + 4} text-anchor="end" fill={INK}>
              {`${formatDutchNumber(tick, 0)}%`}
            </text>
          </g>
        ))}
        {ticks(x).map((tick) => (
          <g>
            <line x1={toX(tick)} x2={toX(tick)} y1={PLOT.top} y2={PLOT.top + PLOT_HEIGHT} stroke={GRID} stroke-width="1" />
            <text x={toX(tick)} y={PLOT.top + PLOT_HEIGHT + 18} text-anchor="middle" fill={INK}>
              {formatDutchNumber(tick, 0)}
            </text>
          </g>
        ))}
        <rect x={PLOT.left} y={PLOT.top} width={PLOT_WIDTH} height={PLOT_HEIGHT} fill="none" stroke={MUTED} stroke-width="1.5" />
        <text x={PLOT.left + PLOT_WIDTH / 2} y={HEIGHT - 12} text-anchor="middle" fill={INK}>
          Prijs (€)
        </text>
        <text x={18} y={PLOT.top + PLOT_HEIGHT / 2} text-anchor="middle" fill={INK} transform={`rotate(-90 18 ${PLOT.top + PLOT_HEIGHT / 2})`}>
          Kwaliteit (% van het maximum)
        </text>
        {ordered.map((point) => {
          const cx = toX(point.price);
          const cy = toY(point.quality * 100);
          const label = point.kind === 'winner' ? `${point.label}, winnaar` : point.label;
          // Labels right of the point, or left of it near the right edge so they stay in the frame.
          const nearRight = cx + 12 + label.length * 8 > PLOT.left + PLOT_WIDTH;
          return (
            <g>
              {point.kind === 'excluded' ? (
                <circle cx={cx} cy={cy} r="6" fill="white" stroke={MUTED} stroke-width="2" />
              ) : point.kind === 'winner' ? (
                <>
                  <circle cx={cx} cy={cy} r="7" fill={WINNER} />
                  <circle cx={cx} cy={cy} r="12" fill="none" stroke={WINNER} stroke-width="2.5" />
                </>
              ) : (
                <circle cx={cx} cy={cy} r="6" fill={POINT} />
              )}
              <text
                x={nearRight ? cx - 14 : cx + 14}
                y={cy + 4}
                text-anchor={nearRight ? 'end' : 'start'}
                fill={point.kind === 'winner' ? WINNER : INK}
                font-weight={point.kind === 'winner' ? 'bold' : 'normal'}
              >
                {label}
              </text>
            </g>
          );
        })}
      </ChartSvg>
      <figcaption class="utrecht-figure__caption">
        Elke stip is een inschrijving; de winnaar heeft een ring, een uitgesloten inschrijving een open stip.
      </figcaption>
      <Table
        caption="Gegevens van de grafiek"
        columns={[
          { label: 'Inschrijving' },
          { label: 'Prijs', numeric: true },
          { label: 'Kwaliteit (% van het maximum)', numeric: true },
          { label: 'In de grafiek' },
        ]}
      >
        {points.map((p) => (
          <Row>
            <Cell header>{p.label}</Cell>
            <Cell numeric>{formatEuros(p.price)}</Cell>
            <Cell numeric>{formatPercent(p.quality)}</Cell>
            <Cell>{KIND_NAMES[p.kind]}</Cell>
          </Row>
        ))}
      </Table>
    </figure>
  );
}
