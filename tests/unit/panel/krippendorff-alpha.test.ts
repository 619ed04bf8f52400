import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCoincidences, computeKrippendorffAlpha, type ReliabilityMatrix } from '../../../src/domain/panel/krippendorff-alpha.js';

// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: four observers
// A-D, twelve units, values 1-5, missing values as null. Written as he prints it (observers
// as rows) and turned into units x raters.
const _ = null;
const observers = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const reliabilityData: ReliabilityMatrix = Array.from({ length: 12 }, (_unit, u) => observers.map((row) => row[u]));

describe("Krippendorff's reliability data example", () => {
  it('leaves out unit 12, which has one value, and pairs the other 40 values', () => {
    const coincidences = buildCoincidences(reliabilityData);
    expect(coincidences.units).toBe(11);
    expect(coincidences.pairableValues).toBe(40);
    expect(coincidences.values).toEqual([1, 2, 3, 4, 5]);
    expect(coincidences.totals).toEqual([9, 13, 10, 5, 3]);
  });

  it('builds the coincidence matrix the paper prints', () => {
    const { matrix } = buildCoincidences(reliabilityData);
    const expected = [
      [7, 4 / 3, 1 / 3, 1 / 3, 0],
      [4 / 3, 10, 4 / 3, 1 / 3, 0],
      [1 / 3, 4 / 3, 8, 1 / 3, 0],
      [1 / 3, 1 / 3, 1 / 3, 4, 0],
      [0, 0, 0, 0, 3],
    ];
    matrix.forEach((row, c) => {
      row.forEach((o, k) => {
        expect(o).toBeCloseTo(expected[c]?.[k] ?? NaN, 12);
      });
    });
  });

  it('gives interval alpha 0.849', () => {
    // D_o = 13/30, D_e = 112/39, alpha = 1 - 507/3360 = 2853/3360 = 0.84911
    const result = computeKrippendorffAlpha(reliabilityData);
    expect(result.alpha).toBeCloseTo(2853 / 3360, 12);
    expect(result.alpha?.toFixed(3)).toBe('0.849');
    expect(result.observedDisagreement).toBeCloseTo(13 / 30, 12);
    expect(result.expectedDisagreement).toBeCloseTo(112 / 39, 12);
    expect(result).toMatchObject({ pairableValues: 40, units: 11 });
  });

  it('gives nominal alpha 0.743 on the same coincidences', () => {
    // D_o = 8/40, D_e = 152/195, alpha = 1 - 39/152 = 113/152 = 0.74342
    const result = computeKrippendorffAlpha(reliabilityData, { metric: 'nominal' });
    expect(result.alpha).toBeCloseTo(113 / 152, 12);
    expect(result.alpha?.toFixed(3)).toBe('0.743');
  });
});

describe('computeKrippendorffAlpha by hand', () => {
  it('computes 24/29 for two raters, with a single-value unit and an absent rater left out', () => {
    // Units (1,1), (2,3), (3,3); unit 4 has one value; rater 3 never rated.
    // o_11 = 2, o_23 = o_32 = 1, o_33 = 2; n_1 = 2, n_2 = 1, n_3 = 3, n = 6.
    // D_o = (1 + 1) / 6 = 1/3.
    // D_e = 2 * (2*1*1 + 2*3*4 + 1*3*1) / (6 * 5) = 58/30 = 29/15.
    // alpha = 1 - (1/3) / (29/15) = 1 - 5/29 = 24/29 = 0.8276.
    const result = computeKrippendorffAlpha([
      [1, 1, null],
      [2, 3, null],
      [3, 3, undefined],
      [2, null, null],
    ]);
    expect(result.alpha).toBeCloseTo(24 / 29, 12);
    expect(result).toMatchObject({ pairableValues: 6, units: 3 });
  });

  it('weighs the pairs of a unit with three values by 1/(m - 1)', () => {
    // Units (1,2,3) and (3,3): the six ordered pairs of unit 1 add 1/2 each, unit 2 adds o_33 = 2.
    // D_o = (1/2 * (1 + 1 + 4 + 4 + 1 + 1)) / 5 = 6/5.
    // n_1 = 1, n_2 = 1, n_3 = 3: D_e = 2 * (1*1*1 + 1*3*4 + 1*3*1) / (5 * 4) = 32/20 = 8/5.
    // alpha = 1 - (6/5) / (8/5) = 1/4.
    const result = computeKrippendorffAlpha([
      [1, 2, 3],
      [3, 3, null],
    ]);
    expect(result.alpha).toBeCloseTo(0.25, 12);
    expect(result).toMatchObject({ pairableValues: 5, units: 2 });
  });

  it('goes below 0 for systematic disagreement', () => {
    // Units (0,1), (1,0): D_o = 4/4 = 1, D_e = 2*2*2 / (4*3) = 2/3, alpha = 1 - 3/2 = -0.5.
    expect(
      computeKrippendorffAlpha([
        [0, 1],
        [1, 0],
      ]).alpha,
    ).toBeCloseTo(-0.5, 12);
  });

  it('is 1 when every unit agrees and the units differ', () => {
    expect(
      computeKrippendorffAlpha([
        [2, 2, 2],
        [5, 5, null],
        [8, null, 8],
      ]).alpha,
    ).toBe(1);
  });

  it('is null when no disagreement was possible: all values equal', () => {
    const result = computeKrippendorffAlpha([
      [6, 6],
      [6, 6, 6],
    ]);
    expect(result).toEqual({ alpha: null, pairableValues: 5, units: 2, observedDisagreement: 0, expectedDisagreement: 0 });
  });

  it('is null with nothing pairable', () => {
    expect(
      computeKrippendorffAlpha([
        [4, null],
        [null, 7],
      ]),
    ).toEqual({
      alpha: null,
      pairableValues: 0,
      units: 0,
      observedDisagreement: 0,
      expectedDisagreement: 0,
    });
    expect(computeKrippendorffAlpha([]).alpha).toBeNull();
  });

  it('refuses a rating that is not a finite number', () => {
    expect(() => computeKrippendorffAlpha([[1, Number.NaN]])).toThrow(RangeError);
  });
});

describe('interval alpha properties', () => {
  const matrixArb = fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), { minLength: 4, maxLength: 4 }), {
    minLength: 1,
    maxLength: 12,
  });
  const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

  it('does not change when all values move by the same affine map (the metric is interval)', () => {
    fc.assert(
      fc.property(matrixArb, fc.integer({ min: 1, max: 7 }), fc.integer({ min: -20, max: 20 }), fc.boolean(), (data, a, b, flip) => {
        const factor = flip ? -a : a;
        const moved = data.map((row) => row.map((v) => (v === null ? null : factor * v + b)));
        expect(close(computeKrippendorffAlpha(moved).alpha, computeKrippendorffAlpha(data).alpha)).toBe(true);
      }),
    );
  });

  it('does not depend on the order of units or of raters', () => {
    fc.assert(
      fc.property(matrixArb, (data) => {
        const shuffled = [...data].reverse().map((row) => [...row].reverse());
        expect(close(computeKrippendorffAlpha(shuffled).alpha, computeKrippendorffAlpha(data).alpha)).toBe(true);
      }),
    );
  });

  it('never exceeds 1', () => {
    fc.assert(
      fc.property(matrixArb, (data) => {
        const { alpha } = computeKrippendorffAlpha(data);
        expect(alpha === null || alpha <= 1 + 1e-12).toBe(true);
      }),
    );
  });
});
