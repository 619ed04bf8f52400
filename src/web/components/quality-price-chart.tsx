/**
 * @module
 * The quality-price chart as inline SVG, the page's twin of the report's chart (same axes,
 * same points, same 1-2-5 ticks): price on x, quality as a share of the maximum on y, the
 * winner marked by a ring and its label, a bid flagged as possibly abnormally low by a
 * diamond, an excluded bid by an open dot: by shape, not by colour alone (WCAG 1.4.1), with a
 * legend of the marks the chart uses (issue 16). It is an image
 * with a title and a description for screen readers, and a data table follows it with the
 * same numbers for everyone who cannot see the picture.
 */
import { axisTicks, niceAxis } from '../../reports/chart-axis.js';
import type { ChartPoint } from '../../reports/quality-price-point.js';
import { formatDutchNumber, formatEuros, formatPercent } from '../format.js';
import { BLUE, GRID, INK, MUTED } from './chart-style.js';
import { ChartSvg } from './chart-svg.js';
import { Cell, Row, Table } from './table.js';

const WIDTH = 640;
const HEIGHT = 380;
const PLOT = { left: 76, top: 16, right: 24, bottom: 56 };
const PLOT_WIDTH = WIDTH - PLOT.left - PLOT.right;
const PLOT_HEIGHT = HEIGHT - PLOT.top - PLOT.bottom;
// A dark red beside the blue, both above 4.5:1 on white.
const POINT = BLUE;
const WINNER = '#a90061';

const KIND_NAMES: Record<ChartPoint['kind'], string> = { winner: 'winnaar', ranked: 'gerangschikt', excluded: 'uitgesloten' };

type Mark = 'winner' | 'ranked' | 'flagged' | 'excluded';

/** The legend's words for each mark, in the order the legend lists them. */
const MARK_NAMES: Record<Mark, string> = {
  winner: 'Winnaar: stip met ring',
  ranked: 'Inschrijving: stip',
  flagged: 'Mogelijk abnormaal laag (art. 2.116 Aanbestedingswet): ruit',
  excluded: 'Uitgesloten: open stip',
};

/** A point's symbol at (cx, cy): a flagged bid is a diamond, the winner has a ring. */
function PointMark({ point, cx, cy }: { point: Pick<ChartPoint, 'kind' | 'flagged'>; cx: number; cy: number }) {
  const colour = point.kind === 'winner' ? WINNER : POINT;
  const core =
    point.kind === 'excluded' ? (
      <circle cx={cx} cy={cy} r="6" fill="white" stroke={MUTED} stroke-width="2" />
    ) : point.flagged ? (
      <polygon points={`${cx},${cy - 8} ${cx + 8},${cy} ${cx},${cy + 8} ${cx - 8},${cy}`} fill={colour} class="gw-chart__flagged" />
    ) : (
      <circle cx={cx} cy={cy} r={point.kind === 'winner' ? 7 : 6} fill={colour} />
    );
  return (
    <>
      {core}
      {point.kind === 'winner' ? <circle cx={cx} cy={cy} r="12" fill="none" stroke={WINNER} stroke-width="2.5" /> : null}
    </>
  );
}

const marksOf = (points: readonly ChartPoint[]): Mark[] =>
  (Object.keys(MARK_NAMES) as Mark[]).filter((mark) =>
    points.some((p) => (mark === 'flagged' ? p.flagged && p.kind !== 'excluded' : mark === 'ranked' ? p.kind === 'ranked' && !p.flagged : p.kind === mark)),
  );

/** The legend: each mark the chart uses, drawn as on the chart, with its words. */
function Legend({ marks }: { marks: readonly Mark[] }) {
  const sample: Record<Mark, Pick<ChartPoint, 'kind' | 'flagged'>> = {
    winner: { kind: 'winner', flagged: false },
    ranked: { kind: 'ranked', flagged: false },
    flagged: { kind: 'ranked', flagged: true },
    excluded: { kind: 'excluded', flagged: false },
  };
  return (
    <ul class="gw-chart-legend" aria-label="Legenda">
      {marks.map((mark) => (
        <li class="gw-chart-legend__item">
          <svg class="gw-chart-legend__mark" viewBox="0 0 28 28" width="28" height="28" aria-hidden="true" focusable="false">
            <PointMark point={sample[mark]} cx={14} cy={14} />
          </svg>
          {MARK_NAMES[mark]}
        </li>
      ))}
    </ul>
  );
}

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
  const flagged = points.filter((p) => p.flagged);
  const description =
    `Spreidingsdiagram van ${points.length} inschrijvingen: prijs horizontaal, kwaliteit verticaal.` +
    (winner === undefined
      ? ' Er is (nog) geen winnaar.'
      : ` Winnaar ${winner.label}: ${formatEuros(winner.price)}, kwaliteit ${formatPercent(winner.quality)}.`) +
    (flagged.length === 0 ? '' : ` Mogelijk abnormaal laag: ${flagged.map((p) => p.label).join(', ')}.`) +
    ' De tabel hieronder bevat dezelfde gegevens.';
  // Losers first, so the winner is drawn on top where points overlap.
  const ordered = [...points].sort((a, b) => Number(a.kind === 'winner') - Number(b.kind === 'winner'));
  return (
    <figure class="utrecht-figure">
      <ChartSvg id={id} width={WIDTH} height={HEIGHT} title={'Kwaliteit tegen prijs'} description={description}>
        {axisTicks(y).map((tick) => (
          <g>
            <line x1={PLOT.left} x2={PLOT.left + PLOT_WIDTH} y1={toY(tick)} y2={toY(tick)} stroke={GRID} stroke-width="1" />
            <text x={PLOT.left - 8} y={toY(tick) + 4} text-anchor="end" fill={INK}>
              {`${formatDutchNumber(tick, 0)}%`}
            </text>
          </g>
        ))}
        {axisTicks(x).map((tick) => (
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
              <PointMark point={point} cx={cx} cy={cy} />
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
      <Legend marks={marksOf(points)} />
      <figcaption class="utrecht-figure__caption">
        Elk teken is een inschrijving: de winnaar heeft een ring, een mogelijk abnormaal lage inschrijving is een ruit, een uitgesloten inschrijving een open
        stip.
      </figcaption>
      <Table
        caption="Gegevens van de grafiek"
        columns={[
          { label: 'Inschrijving' },
          { label: 'Prijs', numeric: true },
          { label: 'Kwaliteit (% van het maximum)', numeric: true },
          { label: 'In de grafiek' },
          { label: 'Mogelijk abnormaal laag' },
        ]}
      >
        {points.map((p) => (
          <Row>
            <Cell header>{p.label}</Cell>
            <Cell numeric>{formatEuros(p.price)}</Cell>
            <Cell numeric>{formatPercent(p.quality)}</Cell>
            <Cell>{KIND_NAMES[p.kind]}</Cell>
            <Cell>{p.flagged ? 'ja' : 'nee'}</Cell>
          </Row>
        ))}
      </Table>
    </figure>
  );
}
