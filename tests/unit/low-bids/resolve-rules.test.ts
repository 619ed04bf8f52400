import { describe, expect, it } from 'vitest';
import { LOW_BID_PRESETS, LOW_BID_RULE_IDS, type LowBidRules } from '../../../src/domain/evaluation/dossier.js';
import { LOW_BID_PRESET_RULES } from '../../../src/domain/low-bids/presets.js';
import { LOW_BID_RULES } from '../../../src/domain/low-bids/registry.js';
import { resolveLowBidRules } from '../../../src/domain/low-bids/resolve-rules.js';

const resolved = (settings: LowBidRules | undefined) => resolveLowBidRules(settings).map(({ rule, threshold }) => [rule.id, threshold]);

describe('registry', () => {
  it('holds every rule under its own id', () => {
    for (const id of LOW_BID_RULE_IDS) expect(LOW_BID_RULES[id].id).toBe(id);
  });
});

describe('resolveLowBidRules', () => {
  it('uses nl-default when no settings are given', () => {
    const nlDefault = [
      ['mean-of-others', 20],
      ['gap-to-next', 20],
      ['below-estimate', 25],
      ['statistical-outlier', 3.5],
      ['cost-floor', null],
      ['unit-price', 30],
    ];
    expect(resolved(undefined)).toEqual(nlDefault);
    expect(resolved({})).toEqual(nlDefault);
    expect(resolved({ preset: 'nl-default' })).toEqual(nlDefault);
  });

  it('gives the rules of each preset of the spec', () => {
    expect(resolved({ preset: 'prozorro' })).toEqual([
      ['mean-of-others', 40],
      ['gap-to-next', 30],
    ]);
    expect(resolved({ preset: 'germany' })).toEqual([['gap-to-next', 20]]);
    expect(resolved({ preset: 'belgium' })).toEqual([['below-average', 15]]);
    expect(resolved({ preset: 'none' })).toEqual([]);
    expect(Object.keys(LOW_BID_PRESET_RULES).sort()).toEqual([...LOW_BID_PRESETS].sort());
  });

  it('adds a rule with its default threshold', () => {
    expect(resolved({ preset: 'germany', rules: [{ id: 'below-average' }] })).toEqual([
      ['gap-to-next', 20],
      ['below-average', 15],
    ]);
  });

  it('adds a rule with a given threshold', () => {
    expect(resolved({ preset: 'none', rules: [{ id: 'statistical-outlier', threshold: 3 }] })).toEqual([['statistical-outlier', 3]]);
  });

  it('overrides the threshold of a rule of the preset', () => {
    expect(resolved({ preset: 'prozorro', rules: [{ id: 'gap-to-next', threshold: 25 }] })).toEqual([
      ['mean-of-others', 40],
      ['gap-to-next', 25],
    ]);
  });

  it('keeps the preset threshold when an entry gives none', () => {
    expect(resolved({ preset: 'prozorro', rules: [{ id: 'gap-to-next' }] })).toEqual([
      ['mean-of-others', 40],
      ['gap-to-next', 30],
    ]);
  });

  it('removes a disabled rule', () => {
    expect(
      resolved({
        rules: [
          { id: 'cost-floor', enabled: false },
          { id: 'mean-of-others', enabled: false },
        ],
      }),
    ).toEqual([
      ['gap-to-next', 20],
      ['below-estimate', 25],
      ['statistical-outlier', 3.5],
      ['unit-price', 30],
    ]);
  });

  it('applies the entries in order, so a later one wins', () => {
    expect(
      resolved({
        preset: 'none',
        rules: [
          { id: 'gap-to-next', threshold: 25 },
          { id: 'gap-to-next', enabled: false },
          { id: 'below-estimate', enabled: false },
          { id: 'below-estimate', threshold: 10, enabled: true },
        ],
      }),
    ).toEqual([['below-estimate', 10]]);
  });

  it('lists the rules in the fixed order whatever the order of the entries', () => {
    expect(resolved({ preset: 'none', rules: [{ id: 'unit-price' }, { id: 'cost-floor' }, { id: 'mean-of-others' }] })).toEqual([
      ['mean-of-others', 20],
      ['cost-floor', null],
      ['unit-price', 30],
    ]);
  });
});
