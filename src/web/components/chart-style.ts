/**
 * @module
 * What the pages' SVG charts share: colours with at least 4.5:1 contrast on white
 * (WCAG 1.4.3); their axes are the report's (reports/chart-axis.ts).
 */
export const INK = '#1b1b1b';
export const GRID = '#b4b4b4';
export const MUTED = '#595959';
/** Rijkshuisstijl-like blue. */
export const BLUE = '#01689b';
