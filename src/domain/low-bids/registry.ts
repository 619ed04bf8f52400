/**
 * @module
 * Every low-bid rule by its id. Adding a rule means a file, an id in `LOW_BID_RULE_IDS`
 * (which fixes the order in which rules run and flags are listed) and a line here; the
 * `Record` type makes a missing line a compile error.
 */
import type { LowBidRuleId } from '../evaluation/dossier.js';
import { belowAverageRule } from './below-average.js';
import { belowEstimateRule } from './below-estimate.js';
import { costFloorRule } from './cost-floor.js';
import type { LowBidRule } from './flag.js';
import { gapToNextRule } from './gap-to-next.js';
import { meanOfOthersRule } from './mean-of-others.js';
import { statisticalOutlierRule } from './statistical-outlier.js';
import { unitPriceRule } from './unit-price.js';

export const LOW_BID_RULES: Readonly<Record<LowBidRuleId, LowBidRule>> = {
  'mean-of-others': meanOfOthersRule,
  'gap-to-next': gapToNextRule,
  'below-average': belowAverageRule,
  'below-estimate': belowEstimateRule,
  'statistical-outlier': statisticalOutlierRule,
  'cost-floor': costFloorRule,
  'unit-price': unitPriceRule,
};

/** @example getLowBidRule('gap-to-next').defaultThreshold // 20 */
export function getLowBidRule(id: LowBidRuleId): LowBidRule {
  return LOW_BID_RULES[id];
}
