/**
 * @module
 * The presets of `low-bids.md`: named sets of rules with their thresholds, the starting
 * point that `lowBidRules.rules` then adjusts (see resolve-rules.ts).
 * - `nl-default`: the Dutch default of this product; every rule applies only where its data
 *   exist (an estimate, a cost floor, price lines), so the preset is safe on any dossier.
 * - `prozorro`: Ukraine's ProZorro thresholds.
 * - `germany`: the German 'Aufgreifschwelle'.
 * - `belgium`: KB 18-04-2017 art. 36.
 * - `none`: no rules (only what `rules[]` adds).
 */
import type { LowBidPreset, LowBidRuleId } from '../evaluation/dossier.js';

export type RuleThreshold = { readonly id: LowBidRuleId; readonly threshold: number | null };

export const LOW_BID_PRESET_RULES: Readonly<Record<LowBidPreset, readonly RuleThreshold[]>> = {
  'nl-default': [
    { id: 'mean-of-others', threshold: 20 },
    { id: 'gap-to-next', threshold: 20 },
    { id: 'below-estimate', threshold: 25 },
    { id: 'statistical-outlier', threshold: 3.5 },
    { id: 'cost-floor', threshold: null },
    { id: 'unit-price', threshold: 30 },
  ],
  prozorro: [
    { id: 'mean-of-others', threshold: 40 },
    { id: 'gap-to-next', threshold: 30 },
  ],
  germany: [{ id: 'gap-to-next', threshold: 20 }],
  belgium: [{ id: 'below-average', threshold: 15 }],
  none: [],
};

export const DEFAULT_LOW_BID_PRESET: LowBidPreset = 'nl-default';
