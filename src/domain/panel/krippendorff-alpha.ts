/**
 * @module
 * Krippendorff's alpha: how far a panel agrees beyond what chance would give.
 *
 * Method (K. Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011): the data are
 * a units x raters matrix with missing values. A unit with fewer than two values cannot be
 * paired and is left out; the `n` values in the other units are the pairable values. Every
 * ordered pair of values (c, k) from two different raters in a unit with `m` values adds
 * 1 / (m - 1) to the coincidence matrix o_ck, so each value counts once; n_c are its margins.
 *   observed disagreement  D_o = 1/n            * sum o_ck    * delta2(c, k)
 *   expected disagreement  D_e = 1/(n (n - 1))  * sum n_c n_k * delta2(c, k)
 *   alpha = 1 - D_o / D_e
 * with delta2 = (c - k)^2 for the interval metric (used for panel scores: the distance
 * between two scores matters, not only whether they differ) and [c != k] for nominal
 * (kept because it checks the same coincidence matrix against the paper's second value).
 *
 * alpha is 1 for perfect agreement, 0 when the panel agrees no better than chance, below 0
 * for systematic disagreement. It is null when D_e = 0: every pairable value is the same (or
 * there is none), so no disagreement was possible and agreement says nothing; Krippendorff
 * calls alpha undefined there. Reporting 1 would claim a reliability the data cannot show.
 *
 * Why: a consensus meeting can hide that evaluators scored far apart; alpha over the
 * individual scores, with the number of values it rests on, tells an auditor whether the
 * panel's scores were reproducible at all. Krippendorff suggests alpha >= 0.8 for reliable
 * data and 0.667 as the lowest bound for tentative conclusions.
 *
 * Example: his reliability data (4 observers, 12 units, 40 pairable values) give interval
 * alpha 0.849 and nominal alpha 0.743 (see the tests).
 */

export type AlphaMetric = 'interval' | 'nominal';

/** Rows are units (a bid on a criterion), columns raters; null or undefined is missing. */
export type ReliabilityMatrix = ReadonlyArray<ReadonlyArray<number | null | undefined>>;

export type Coincidences = {
  /** The distinct pairable values, ascending. */
  values: number[];
  /** o_ck, indexed like `values`. */
  matrix: number[][];
  /** n_c: how often each value occurs among the pairable values. */
  totals: number[];
  pairableValues: number;
  /** Units with at least two values. */
  units: number;
};

export type KrippendorffAlpha = {
  alpha: number | null;
  pairableValues: number;
  units: number;
  observedDisagreement: number;
  expectedDisagreement: number;
};

function presentValues(row: ReadonlyArray<number | null | undefined>): number[] {
  const values: number[] = [];
  for (const value of row) {
    if (value === null || value === undefined) continue;
    if (!Number.isFinite(value)) throw new RangeError(`a rating must be a finite number: ${value}`);
    values.push(value);
  }
  return values;
}

/**
 * The coincidence matrix of a reliability matrix; units with fewer than two values are left out.
 * @example buildCoincidences([[1, 1], [2, 3]]).matrix // [[2, 0, 0], [0, 0, 1], [0, 1, 0]]
 */
export function buildCoincidences(data: ReliabilityMatrix): Coincidences {
  const pairableUnits = data.map(presentValues).filter((values) => values.length >= 2);
  const values = [...new Set(pairableUnits.flat())].sort((a, b) => a - b);
  const indexOf = new Map(values.map((value, i) => [value, i]));
  const matrix = values.map(() => values.map(() => 0));
  const totals = values.map(() => 0);
  for (const unit of pairableUnits) {
    const counts = new Map<number, number>();
    for (const value of unit) {
      const i = indexOf.get(value) as number;
      counts.set(i, (counts.get(i) ?? 0) + 1);
      totals[i] = (totals[i] as number) + 1;
    }
    const weight = 1 / (unit.length - 1);
    for (const [c, countC] of counts) {
      const row = matrix[c] as number[];
      for (const [k, countK] of counts) {
        // Ordered pairs of two different raters: a value is not paired with itself.
        const pairs = countC * (c === k ? countK - 1 : countK);
        row[k] = (row[k] as number) + pairs * weight;
      }
    }
  }
  return { values, matrix, totals, pairableValues: totals.reduce((a, b) => a + b, 0), units: pairableUnits.length };
}

function squaredDistance(metric: AlphaMetric, c: number, k: number): number {
  return metric === 'interval' ? (c - k) ** 2 : c === k ? 0 : 1;
}

/**
 * @example computeKrippendorffAlpha([[1, 1], [2, 3], [3, 3]]).alpha // 24 / 29 = 0.8276
 */
export function computeKrippendorffAlpha(data: ReliabilityMatrix, { metric = 'interval' }: { metric?: AlphaMetric } = {}): KrippendorffAlpha {
  const { values, matrix, totals, pairableValues: n, units } = buildCoincidences(data);
  let observed = 0;
  let expected = 0;
  values.forEach((c, i) => {
    values.forEach((k, j) => {
      const delta2 = squaredDistance(metric, c, k);
      observed += (matrix[i]?.[j] ?? 0) * delta2;
      expected += (totals[i] ?? 0) * (totals[j] ?? 0) * delta2;
    });
  });
  const observedDisagreement = n === 0 ? 0 : observed / n;
  const expectedDisagreement = n < 2 ? 0 : expected / (n * (n - 1));
  const alpha = expectedDisagreement === 0 ? null : 1 - observedDisagreement / expectedDisagreement;
  return { alpha, pairableValues: n, units, observedDisagreement, expectedDisagreement };
}
