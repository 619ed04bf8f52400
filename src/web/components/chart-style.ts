/**
 * @module
 * What the pages' SVG charts share: colours with at least 4.5:1 contrast on white
 * (WCAG 1.4.3) and the tick positions of a 1-2-5 axis from the report's `niceAxis`.
 */
export const INK = '#1b1b1b';
export const GRID = '#b4b4b4';
export const MUTED = '#595959';
/** Rijkshuisstijl-like blue. */
export const BLUE = '#01689b';

export function ticks(axis: { min: number; max: number; step: number }): number[] {
  const count = Math.round((axis.max - axis.min) / axis.step);
  return Array.from({ length: count + 1 }, (_, i) => axis.min + i * axis.step);
}
