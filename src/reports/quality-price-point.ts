/**
 * @module
 * One bid on the quality-price chart, as the evaluation report draws it and the results page
 * shows it.
 */

export type ChartPoint = {
  /** The bid's code, printed beside its point: a school's name would cover the other points. */
  label: string;
  /** The bid as a reader knows it, "School (B2)" (`bidLabel`): in the legend and the alternative text. */
  name: string;
  /** Euros. */
  price: number;
  /** Quality as a share of the maximum, 0 to 1. */
  quality: number;
  kind: 'winner' | 'ranked' | 'excluded';
  /** Flagged as possibly abnormally low (art. 2.116): drawn as a diamond, so shape, not colour, tells. */
  flagged: boolean;
};
