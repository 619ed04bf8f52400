/**
 * @module
 * Turns the dossier's `lowBidRules` into the rules that run. Start from the preset (default
 * `nl-default`); then each entry of `rules[]`, in order, adds a rule (with the given
 * threshold, else the rule's default), overrides the threshold of a rule already active, or
 * removes it (`enabled: false`). An entry without a threshold for an active rule keeps the
 * threshold it has; a later entry for the same id wins over an earlier one. `cost-floor` has
 * no threshold: one given for it is ignored. The result is in the order of
 * `LOW_BID_RULE_IDS`, the order in which flags are listed.
 */
import { LOW_BID_RULE_IDS, type LowBidRuleId, type LowBidRules } from '../evaluation/dossier.js';
import type { LowBidRule } from './flag.js';
import { DEFAULT_LOW_BID_PRESET, LOW_BID_PRESET_RULES } from './presets.js';
import { getLowBidRule } from './registry.js';

export type ActiveLowBidRule = { rule: LowBidRule; threshold: number | null };

/**
 * @example
 * resolveLowBidRules({ preset: 'germany', rules: [{ id: 'gap-to-next', threshold: 25 }] })
 * // [{ rule: gapToNextRule, threshold: 25 }]
 */
export function resolveLowBidRules(settings: LowBidRules | undefined): ActiveLowBidRule[] {
  const thresholds = new Map<LowBidRuleId, number | null>();
  for (const { id, threshold } of LOW_BID_PRESET_RULES[settings?.preset ?? DEFAULT_LOW_BID_PRESET]) {
    thresholds.set(id, threshold);
  }
  for (const entry of settings?.rules ?? []) {
    const rule = getLowBidRule(entry.id);
    if (entry.enabled === false) {
      thresholds.delete(entry.id);
      continue;
    }
    const current = thresholds.has(entry.id) ? (thresholds.get(entry.id) ?? null) : rule.defaultThreshold;
    thresholds.set(entry.id, rule.defaultThreshold === null ? null : (entry.threshold ?? current));
  }
  return LOW_BID_RULE_IDS.filter((id) => thresholds.has(id)).map((id) => ({
    rule: getLowBidRule(id),
    threshold: thresholds.get(id) ?? null,
  }));
}
