/**
 * @module
 * The weights of a tender as a reader adds them up: the quality criteria and, for a method
 * with a price weight, price. The spec lets them add up to anything ("points are as
 * given"), and a total other than 100 is allowed; but a reader takes a weight of 20 for 20
 * per cent, so the pages show the sum and each share whenever it is not 100, before the
 * tender is opened (docs/corrections.md).
 */
import { METHODS_WITH_PRICE_WEIGHT, type Award, type Criterion } from './dossier.js';
import { toHundredths } from '../money.js';

export type WeightSummary = {
  /** Sum of the criteria's weights. */
  quality: number;
  /** The price weight when the method has one, else 0. */
  price: number;
  /** `quality + price`, summed in hundredths so 33.33 + 33.33 + 33.34 is exactly 100. */
  total: number;
  /** Whether the total is exactly 100. */
  addsUpTo100: boolean;
  /** Each weight as a share of the total, criteria in order, then price (when it has a weight). */
  shares: { label: string; weight: number; share: number }[];
};

/**
 * @example summariseWeights({ method: 'lowest-relative', priceWeight: 20 }, [{ id: 'K1', title: 'Aanpak', weight: 70, scale: [0, 10] }])
 * // { quality: 70, price: 20, total: 90, addsUpTo100: false, shares: [{ label: 'K1 Aanpak', weight: 70, share: 0.777... }, { label: 'Prijs', weight: 20, share: 0.222... }] }
 */
export function summariseWeights(award: Pick<Award, 'method' | 'priceWeight'>, criteria: readonly Pick<Criterion, 'id' | 'title' | 'weight'>[]): WeightSummary {
  const price = METHODS_WITH_PRICE_WEIGHT.includes(award.method) ? (award.priceWeight ?? 0) : 0;
  const qualityHundredths = criteria.reduce((sum, c) => sum + toHundredths(c.weight), 0);
  const totalHundredths = qualityHundredths + toHundredths(price);
  const total = totalHundredths / 100;
  const share = (weight: number) => (total > 0 ? weight / total : 0);
  const shares = criteria.map((c) => ({ label: `${c.id} ${c.title}`, weight: c.weight, share: share(c.weight) }));
  if (price > 0) shares.push({ label: 'Prijs', weight: price, share: share(price) });
  return { quality: qualityHundredths / 100, price, total, addsUpTo100: totalHundredths === 10_000, shares };
}
