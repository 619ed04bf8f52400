/**
 * @module
 * Suggestions that change the award method to one that is absolute and makes underbidding
 * pay less, each with the parameters the switch needs. The parameters are derived from this
 * tender's own numbers where they can be, and named as assumptions where they cannot.
 *
 * - `min-max-set`: price points fall linearly from the floor to the ceiling, and a price
 *   below the floor earns nothing more. Floor = the cost floor for all expected learners
 *   (else 30% below the expected price: the underbidder's test price either way); ceiling =
 *   the tender's own ceiling, else the expected price x 1,1. The price weight stays; if the
 *   underbidder still wins with it, the largest weight that passes is proposed with it.
 * - `gunnen-op-waarde`: the criterion values are set in proportion to the weights, at one
 *   amount V per quality point, the smallest whole euro amount at which the quality bidder's
 *   fictive discount exceeds the underbidder's by more than their price difference
 *   (`V * (Q_quality - Q_under) > E - T`): quality is then worth more than the underbidder's
 *   price cut. Under gunnen-op-waarde already, the same is proposed as raised values.
 * - `fixed-price` at the expected price: bidders compete on quality alone. Not proposed when
 *   the expected price is below the cost floor: a fixed price below cost invites corner-cutting.
 */
import { formatDutchTrimmed, formatMoneyText, eurosToCents, MAX_MONEY_EUROS, toHundredths } from '../money.js';
import { METHOD_NAMES } from '../vocabulary/award-methods.js';
import { METHODS_WITH_PRICE_WEIGHT } from '../evaluation/dossier.js';
import { formatEuroCents, formatPoints } from './dutch.js';
import { applyPatch, type PatchOperation } from './patch.js';
import { centsBelowExpected } from './price-level.js';
import { largestPassingPriceWeight } from './suggest-price-weight.js';
import { criterionPath, invites, type SuggestionBuilder, type SuggestionCandidate } from './suggestion.js';

const CEILING_FACTOR_TENTHS = 11n;

export const suggestMinMaxSet: SuggestionBuilder = (context): SuggestionCandidate[] => {
  const { tender, expectedCents, costFloorTotalCents } = context;
  if (tender.award.method === 'min-max-set') return [];
  const floorCents = costFloorTotalCents ?? centsBelowExpected(expectedCents);
  const ownCeiling = tender.award.priceCeiling;
  const ceilingCents = ownCeiling === undefined ? Number((BigInt(expectedCents) * CEILING_FACTOR_TENTHS + 9n) / 10n) : eurosToCents(ownCeiling);
  if (floorCents >= ceilingCents) return [];
  const qualityWeight = tender.criteria.reduce((sum, c) => sum + c.weight, 0);
  const ownWeight = METHODS_WITH_PRICE_WEIGHT.includes(tender.award.method) ? tender.award.priceWeight : undefined;
  const switchTo = (hundredths: number): PatchOperation[] => [
    { op: 'add', path: '/award/method', value: 'min-max-set' },
    { op: 'add', path: '/award/priceWeight', value: hundredths / 100 },
    { op: 'add', path: '/award/priceFloor', value: floorCents / 100 },
    { op: 'add', path: '/award/priceCeiling', value: ceilingCents / 100 },
  ];
  const startHundredths = toHundredths(ownWeight ?? qualityWeight);
  let weight: number | null = startHundredths;
  if (invites(applyPatch(tender, switchTo(startHundredths)))) {
    const switched = applyPatch(tender, switchTo(startHundredths));
    weight = largestPassingPriceWeight(switched, startHundredths - 1);
  }
  if (weight === null) return [];

  const weightText =
    ownWeight === undefined
      ? `prijsgewicht ${formatDutchTrimmed(weight / 100)}`
      : weight === startHundredths
        ? `het huidige prijsgewicht ${formatDutchTrimmed(weight / 100)}`
        : `een lager prijsgewicht van ${formatDutchTrimmed(weight / 100)} (met ${formatDutchTrimmed(startHundredths / 100)} wint de onderbieder nog)`;
  const assumptions = [
    costFloorTotalCents === null
      ? `Bodemprijs ${formatEuroCents(floorCents)}: 30% onder de verwachte prijs, omdat er geen kostenvloer voor het hele perceel is; vervang door uw eigen ondergrens.`
      : `Bodemprijs ${formatEuroCents(floorCents)}: de kostenvloer maal het verwachte aantal inburgeraars.`,
    ownCeiling === undefined
      ? `Plafondprijs ${formatEuroCents(ceilingCents)}: de verwachte prijs maal 1,1; inschrijvingen daarboven worden ongeldig.`
      : `Plafondprijs ${formatEuroCents(ceilingCents)}: de plafondprijs die al in de aanbesteding staat.`,
  ];
  if (ownWeight === undefined) {
    assumptions.push(
      `Prijsgewicht ${formatDutchTrimmed(weight / 100)}: het hoogste gewicht tot het totale kwaliteitsgewicht (${formatDutchTrimmed(qualityWeight)}) waarbij de onderbieder niet wint.`,
    );
  }
  return [
    {
      kind: 'switch-to-min-max-set',
      patch: switchTo(weight),
      sentence:
        `Stap over op ${METHOD_NAMES['min-max-set'].toLowerCase()} (min-max-set) met bodemprijs ${formatEuroCents(floorCents)}, ` +
        `plafondprijs ${formatEuroCents(ceilingCents)} en ${weightText}. Onder de bodemprijs levert een lagere prijs geen punten meer op, ` +
        'en de score van een inschrijving hangt niet af van de andere inschrijvingen.',
      assumptions,
    },
  ];
};

export const suggestGunnenOpWaarde: SuggestionBuilder = ({ tender, test, expectedCents, testCents }): SuggestionCandidate[] => {
  const gap = test.qualityBidder.qualityPoints - test.underbidder.qualityPoints;
  const priceGapCents = expectedCents - testCents;
  if (gap <= 0 || priceGapCents <= 0) return [];
  let perPoint = Math.floor(priceGapCents / 100 / gap) + 1;
  while (perPoint * gap * 100 <= priceGapCents) perPoint += 1;
  const values = tender.criteria.map((criterion) => toHundredths(criterion.weight) * perPoint);
  if (values.some((cents) => cents < 1 || cents > eurosToCents(MAX_MONEY_EUROS))) return [];

  const already = tender.award.method === 'gunnen-op-waarde';
  const patch: PatchOperation[] = already ? [] : [{ op: 'add', path: '/award/method', value: 'gunnen-op-waarde' }];
  tender.criteria.forEach((criterion, i) => {
    patch.push({ op: 'add', path: criterionPath(tender, criterion, 'value'), value: (values[i] ?? 0) / 100 });
  });
  const list = tender.criteria.map((c, i) => `${c.id} ${formatEuroCents(values[i] ?? 0)}`).join(', ');
  const total = values.reduce((sum, v) => sum + v, 0);
  const reason =
    `Dan is het kwaliteitsverschil tussen de kwaliteitsbieder en de onderbieder (${formatPoints(gap)}, ${formatEuroCents(Math.round(gap * perPoint * 100))} fictieve korting) ` +
    `groter dan hun prijsverschil (${formatEuroCents(priceGapCents)}): met minimale kwaliteit goedkoper inschrijven loont niet meer.`;
  return [
    {
      kind: already ? 'raise-criterion-values' : 'switch-to-gunnen-op-waarde',
      patch,
      sentence: already
        ? `Verhoog de waarden per criterium naar ${formatMoneyText(false, formatDutchTrimmed(perPoint))} per kwaliteitspunt (${list}; samen ${formatEuroCents(total)}). ${reason}`
        : `Stap over op gunnen op waarde met ${formatMoneyText(false, formatDutchTrimmed(perPoint))} per kwaliteitspunt: waarde bij de hoogste score ${list} (samen ${formatEuroCents(total)}). ${reason}`,
      assumptions: [
        `De waarden zijn evenredig met de gewichten (${formatMoneyText(false, formatDutchTrimmed(perPoint))} per punt), het kleinste hele bedrag per punt waarbij de onderbieder niet meer wint; een andere verdeling of een hoger bedrag kan ook.`,
      ],
    },
  ];
};

export const suggestFixedPrice: SuggestionBuilder = ({ tender, expectedCents, costFloorTotalCents }): SuggestionCandidate[] => {
  if (tender.award.method === 'fixed-price') return [];
  if (costFloorTotalCents !== null && costFloorTotalCents > expectedCents) return [];
  return [
    {
      kind: 'switch-to-fixed-price',
      patch: [
        { op: 'add', path: '/award/method', value: 'fixed-price' },
        { op: 'add', path: '/award/fixedPrice', value: expectedCents / 100 },
      ],
      sentence:
        `Stap over op een vaste prijs van ${formatEuroCents(expectedCents)} (de verwachte prijs): inschrijvers concurreren dan alleen op kwaliteit ` +
        'en een lagere prijs is niet mogelijk (een andere prijs sluit de inschrijving uit).',
      assumptions: [`Vaste prijs ${formatEuroCents(expectedCents)}: de verwachte prijs. Dat werkt alleen als dit bedrag de werkelijke kosten dekt.`],
    },
  ];
};
