/**
 * The letter asking a bidder to explain its price goes out before the award decision, so it
 * names no other bidder and prints no figure of theirs, nor one from which a price of theirs
 * follows (issue 14). On the IJsselland example with two more bids and `below-average`, so
 * that every one of the seven rules fires on Snel Inburgeren (B3). B1's exam line is €\u00a0455
 * here instead of 450, which would equal B3's shortfall per learner on the cost floor (EUR
 * 450,00: the buyer's own figure) and make the scan ambiguous.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src/domain/evaluation/dossier.js';
import { parseDossier } from '../../../src/domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../../../src/domain/evaluation/evaluate.js';
import type { LowBidRuleId } from '../../../src/domain/evaluation/dossier.js';
import { draftExplanationRequestLetter } from '../../../src/domain/low-bids/review-letter.js';
import { LOW_BID_RULE_NAMES } from '../../../src/domain/vocabulary/index.js';
import { derivedSecrets, findSecrets, otherBiddersSecrets } from '../../helpers/confidential-figures.js';

function field(): Dossier {
  const json = JSON.parse(readFileSync(new URL('../../../templates/examples/b1-route-ijsselland.dossier.json', import.meta.url), 'utf8'));
  json.bids[0].priceLines = [
    { description: 'Taaltraject B1 per inburgeraar', quantity: 80, unitPrice: 4895 },
    { description: 'Examentraining en examens per inburgeraar', quantity: 80, unitPrice: 455 },
    { description: 'Voortgangsgesprekken (vier per jaar) per inburgeraar', quantity: 80, unitPrice: 500 },
  ];
  json.bids.push(
    { id: 'B5', provider: { name: 'Taalcentrum Deventer', kvk: '05678901', keurmerk: true }, price: 471000, scores: { K1: 6, K2: 6, K3: 6, K4: 6 } },
    { id: 'B6', provider: { name: 'Inburgeringshuis Raalte', kvk: '05789012', keurmerk: true }, price: 480000, scores: { K1: 6, K2: 6, K3: 6, K4: 6 } },
  );
  json.lowBidRules.rules = [{ id: 'below-average' }];
  const parsed = parseDossier(json);
  if (!parsed.ok) throw new Error(`test dossier invalid: ${parsed.problems[0]?.message}`);
  return parsed.dossier;
}

const dossier = field();
const result = evaluateDossier(dossier);
const letterFor = (bidId: string) =>
  draftExplanationRequestLetter({
    dossier,
    bidId,
    flags: result.bids.find((b) => b.bidId === bidId)?.lowBidFlags ?? [],
    questions: ['Hoe is uw prijs opgebouwd?'],
    deadline: '2027-02-12',
    date: '2027-02-01',
  });

/** The lines of the letter that tell the flags of `rule`. */
const linesOf = (letter: string, rule: LowBidRuleId) => letter.split('\n').filter((line) => line.startsWith(`- ${LOW_BID_RULE_NAMES[rule]}: `));

describe('the explanation letter keeps the other bids confidential', () => {
  it('is about a bid on which all seven rules fire', () => {
    const rules = new Set(result.bids.find((b) => b.bidId === 'B3')?.lowBidFlags.map((f) => f.rule));
    expect([...rules].sort()).toEqual(['below-average', 'below-estimate', 'cost-floor', 'gap-to-next', 'mean-of-others', 'statistical-outlier', 'unit-price']);
  });

  it.each(dossier.bids.map((bid) => bid.id))('names no other bidder and prints no price, unit price or derived figure of theirs (letter to %s)', (bidId) => {
    const letter = letterFor(bidId);
    expect(findSecrets(letter, otherBiddersSecrets(dossier, [bidId]))).toEqual([]);
    expect(findSecrets(letter, derivedSecrets(dossier, bidId))).toEqual([]);
  });

  it('tells the comparisons with the other bids without a single figure', () => {
    const letter = letterFor('B3');
    for (const rule of ['mean-of-others', 'gap-to-next', 'below-average', 'statistical-outlier'] as const) {
      const told = linesOf(letter, rule);
      expect(told, rule).toHaveLength(1);
      expect(told[0], rule).not.toMatch(/\d/);
    }
    // A unit-price line names the bidder's own unit price, and nothing else with a digit.
    const own = new Map((dossier.bids[2]?.priceLines ?? []).map((line) => [line.description, line.unitPrice]));
    const unit = linesOf(letter, 'unit-price');
    expect(unit).toHaveLength(3);
    for (const line of unit) {
      const description = /regel "([^"]+)"/.exec(line)?.[1] ?? '';
      const amounts = line.match(/€\u00a0[\d.]+,\d+/g) ?? [];
      expect(amounts).toEqual([`€\u00a0${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2 }).format(own.get(description) ?? NaN)}`]);
      expect(line.replace(amounts[0] ?? '', '').replace(description, '')).not.toMatch(/\d/);
    }
  });

  it("keeps the figures of the buyer's own references: the estimate and the cost floor", () => {
    const letter = letterFor('B3');
    expect(linesOf(letter, 'below-estimate')).toEqual([
      '- vergelijking met de geraamde opdrachtwaarde: Inschrijving ligt 44,42% onder de geraamde opdrachtwaarde (€\u00a0520.000,00); drempel 25%.',
    ]);
    expect(linesOf(letter, 'cost-floor')[0]).toContain(
      '600 uur x €\u00a055,00 x (1 + 0,35) / 12 inburgeraars + €\u00a0350,00 = €\u00a04.062,50 per inburgeraar',
    );
  });

  it('would catch the figures the letter used to print: the scan is not blind', () => {
    const flags = result.bids.find((b) => b.bidId === 'B3')?.lowBidFlags ?? [];
    const oldStyle = flags.map((flag) => `- ${flag.rule}: ${flag.message}`).join('\n');
    const found = findSecrets(oldStyle, [...otherBiddersSecrets(dossier, ['B3']), ...derivedSecrets(dossier, 'B3')]);
    expect(found).toEqual(
      expect.arrayContaining([
        'B4 price: "€\u00a0452.000,00"',
        'mean of the others: "€\u00a0473.200,00"',
        'mean of all: "€\u00a0442.500,00"',
        'median of all: "€\u00a0469.500,00"',
        'MAD of all: "€\u00a014.000,00"',
        'median unit price Examentraining en examens per inburgeraar: "€\u00a0447,50"',
        'share below the next price: "36,06%"',
      ]),
    );
  });
});
