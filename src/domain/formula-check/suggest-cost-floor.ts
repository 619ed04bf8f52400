/**
 * @module
 * Suggestions on the cost floor. The underbidder offers the cost floor for all expected
 * learners (price-level.ts), so a floor above the highest price at which it still wins turns
 * the verdict: then the only winning prices are below cost, where the `cost-floor` rule flags
 * the bid and the bidder must explain it (art. 2.116). The floor grows with the contact hours,
 * the one cost-floor parameter that is the buyer's own demand (the programme of requirements)
 * rather than a market fact; the smallest whole number of hours that lifts the floor above
 * that price is found by bisection on the exact floor (../cost-floor.ts).
 *
 * A floor is only worth raising if the real costs are that high: the sentence says so. A
 * floor above the expected price is not proposed (it would say the budget does not cover
 * cost, which is a different problem). Without a cost floor but with `expectedLearners`, a
 * floor is proposed with the example cost parameters of the specification (EUR 55,00 per
 * teaching hour, groups of 12, 35% overhead, no fixed cost per learner), named as assumptions.
 * Without `expectedLearners` no floor for the lot can be computed, so nothing is proposed.
 */
import { computeCostFloor } from '../cost-floor.js';
import type { CostFloorParams } from '../evaluation/dossier.js';
import { formatEuroRational, formatEuros } from '../money.js';
import { formatEuroCents } from './dutch.js';
import { costFloorTotalCents } from './price-level.js';
import { firstHolding } from './search.js';
import type { SuggestionBuilder, SuggestionCandidate } from './suggestion.js';
import type { FormulaTender } from './formula-tender.js';

const EXAMPLE_PARAMS: Omit<CostFloorParams, 'contactHours'> = { teacherHourlyCost: 55, groupSize: 12, overheadShare: 0.35 };
const MAX_CONTACT_HOURS = 100_000;

function totalWith(tender: FormulaTender, params: CostFloorParams): number | null {
  return costFloorTotalCents({ ...tender, lowBidRules: { ...tender.lowBidRules, costFloor: params } });
}

/** The fewest contact hours from `from` whose floor for the lot lies above `aboveCents` and at most `atMostCents`. */
function hoursNeeded(tender: FormulaTender, params: CostFloorParams, from: number, aboveCents: number, atMostCents: number): number | null {
  const hours = firstHolding(from, MAX_CONTACT_HOURS, (h) => (totalWith(tender, { ...params, contactHours: h }) ?? 0) > aboveCents);
  if (hours === null) return null;
  return (totalWith(tender, { ...params, contactHours: hours }) ?? Infinity) <= atMostCents ? hours : null;
}

export const suggestCostFloor: SuggestionBuilder = ({ tender, expectedCents, highestWinningCents }): SuggestionCandidate[] => {
  const learners = tender.tender.expectedLearners;
  if (learners === undefined || tender.award.method === 'fixed-price') return [];
  const own = tender.lowBidRules?.costFloor;
  const params: CostFloorParams = own ?? { ...EXAMPLE_PARAMS, contactHours: 1 };
  const hours = hoursNeeded(tender, params, own === undefined ? 1 : own.contactHours + 1, highestWinningCents, expectedCents);
  if (hours === null) return [];
  const raised = { ...params, contactHours: hours };
  const floor = computeCostFloor(raised);
  const total = totalWith(tender, raised) ?? 0;
  const effect =
    `De kostenvloer wordt dan ${formatEuroRational(floor.perLearnerCents, 4)} per inburgeraar (${formatEuroCents(total)} voor ${learners} inburgeraars), ` +
    `boven de hoogste prijs waarbij de onderbieder nog wint (${formatEuroCents(highestWinningCents)}): wie lager inschrijft, wordt gemarkeerd en moet dat toelichten (art. 2.116).`;
  if (own !== undefined) {
    return [
      {
        kind: 'raise-cost-floor',
        patch: [{ op: 'add', path: '/lowBidRules/costFloor/contactHours', value: hours }],
        sentence: `Verhoog de contacturen in de kostenvloer van ${own.contactHours} naar ${hours}. ${effect}`,
        assumptions: [
          `Alleen verdedigbaar als het programma van eisen werkelijk minstens ${hours} contacturen met een docent vraagt: een kostenvloer boven de werkelijke kosten markeert eerlijke inschrijvingen.`,
        ],
      },
    ];
  }
  const patch =
    tender.lowBidRules === undefined
      ? [{ op: 'add' as const, path: '/lowBidRules', value: { costFloor: raised } }]
      : [{ op: 'add' as const, path: '/lowBidRules/costFloor', value: raised }];
  return [
    {
      kind: 'add-cost-floor',
      patch,
      sentence: `Neem een kostenvloer op (lowBidRules.costFloor) met ${hours} contacturen. ${effect}`,
      assumptions: [
        `${formatEuros(EXAMPLE_PARAMS.teacherHourlyCost)} werkgeverslasten per lesuur, groepen van 12 en 35% opslag zijn de voorbeeldwaarden uit de specificatie, geen norm: vervang ze door uw eigen cijfers.`,
        `Alleen verdedigbaar als het programma werkelijk minstens ${hours} contacturen met een docent vraagt.`,
      ],
    },
  ];
};
