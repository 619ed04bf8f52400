/**
 * @module
 * Runs the active low-bid rules over one lot's bids (the set of `low-bids.md`, "Which bids
 * the rules see") and gathers the flags per bid. Rules run in the order of
 * `LOW_BID_RULE_IDS`, so a bid's flags are listed in that order, whatever the order of
 * `rules[]` in the dossier.
 */
import type { LowBidRules } from '../evaluation/dossier.js';
import type { LowBidContext, LowBidFlag } from './flag.js';
import { resolveLowBidRules } from './resolve-rules.js';

/**
 * The flags per bid id; a bid without flags is absent; keys follow the order of
 * `context.bids`. The cost floor is `context.costFloor`, else `settings.costFloor`.
 * @example
 * flagLowBids({ bids: [a, b] }, { preset: 'germany' }).get(a.id) // [{ rule: 'gap-to-next', ... }]
 */
export function flagLowBids(context: LowBidContext, settings: LowBidRules | undefined): Map<string, LowBidFlag[]> {
  const fullContext: LowBidContext = { ...context, costFloor: context.costFloor ?? settings?.costFloor };
  const perRule = resolveLowBidRules(settings).map(({ rule, threshold }) => rule.apply(fullContext, threshold));
  const flags = new Map<string, LowBidFlag[]>();
  for (const bid of context.bids) {
    const list = perRule.flatMap((ruleFlags) => ruleFlags.get(bid.id) ?? []);
    if (list.length > 0) flags.set(bid.id, list);
  }
  return flags;
}
