/**
 * @module
 * Rank-reversal exposure. Under a relative method (`lowest-relative`, `min-max-bids`,
 * `utility-index`) a bid's score depends on the other bids' prices (and, for the utility
 * index, on the best quality), so a bid that loses can still decide which of two others
 * wins. That is hard to defend to the bidder who lost because of it, which is why the
 * evaluation warns about it (`rank-reversal`) and why the check says so before publication.
 *
 * For a relative method the check finds a concrete example with this tender's own criteria,
 * weights, minimums and method: bids A and B where one wins, and a third bid C that loses but
 * makes the other win. The search is small and deterministic. A scores one level on every
 * criterion (from the top down, never below a minimum) at the price level; B is A one step
 * lower on one criterion, or a lower level; C is any level, or A one step higher on one
 * criterion, at 30% to 200% of the price level (never above the ceiling). For each such
 * A, B, C the engine's own re-scoring path (field.ts, as its price-to-win analysis uses)
 * finds by bisection the highest price at which B wins against A alone and the highest at
 * which it wins with C present; when the two differ, B at the roundest price between them
 * wins one contest and loses the other. The first candidate that `evaluateDossier` itself
 * confirms, with its own rank-reversal warning for removing C, is the example.
 * Prices are whole euros. Without an expected price the example works at an assumed level of
 * EUR 100.000 and says so: the relative methods score price ratios or spreads, so the level
 * changes the amounts, not whether the reversal happens.
 */
import type { Bid } from '../evaluation/dossier.js';
import { RELATIVE_METHODS } from '../evaluation/dossier.js';
import { evaluateDossier } from '../evaluation/evaluate.js';
import { METHOD_NAMES } from '../vocabulary/award-methods.js';
import { createField, type Field, winnerAt } from '../evaluation/field.js';
import { prepareLot } from '../evaluation/prepare.js';
import { eurosToCents } from '../money.js';
import { formatEuroCents, formatPoints, formatScores } from './dutch.js';
import { type FormulaTender, lowestAllowedScore, madeUpBid, qualityPointsOf, type Scores, withBids } from './formula-tender.js';
import type { ExpectedPrice } from './price-level.js';
import { lastHolding } from './search.js';

export const ASSUMED_PRICE_LEVEL_CENTS = 10_000_000;
const IDS = ['A', 'B', 'C'] as const;
const C_SHARES = [0.5, 0.4, 0.3, 0.6, 0.7, 0.8, 0.9, 1.1, 1.2, 1.5, 2];

export type ExampleBid = { id: 'A' | 'B' | 'C'; bid: Bid; qualityPoints: number; price: number };

export type RankReversalExample = {
  /** Euros; the expected price, or EUR 100.000 when there is none (`priceLevelAssumed`). */
  priceLevel: number;
  priceLevelAssumed: boolean;
  bids: ExampleBid[];
  winnerWithoutC: 'A' | 'B';
  winnerWithC: 'A' | 'B';
  /** The engine's own `rank-reversal` warning for removing C was found (always true when shown). */
  confirmedByEngine: true;
  sentences: string[];
};

export type RankReversalExposure =
  | { relative: false; example: null; sentence: string }
  | { relative: true; example: RankReversalExample | null; sentence: string };

type Profile = { scores: Scores; quality: number };

function profileOf(tender: FormulaTender, scores: Scores): Profile {
  return { scores, quality: qualityPointsOf(tender.criteria, scores) };
}

/** Every criterion at the same relative level k of K, never below its minimum; distinct, best first. */
function levelProfiles(tender: FormulaTender): Profile[] {
  const levels = Math.max(...tender.criteria.map((c) => c.scale.length));
  const seen = new Set<string>();
  const profiles: Profile[] = [];
  for (let k = levels - 1; k >= 0; k--) {
    const scores: Scores = {};
    for (const criterion of tender.criteria) {
      const index = Math.round((k * (criterion.scale.length - 1)) / Math.max(1, levels - 1));
      scores[criterion.id] = Math.max(criterion.scale[index] ?? 0, lowestAllowedScore(criterion));
    }
    const key = JSON.stringify(scores);
    if (!seen.has(key)) profiles.push(profileOf(tender, scores));
    seen.add(key);
  }
  return profiles;
}

/** `base` moved one scale step on one criterion (where allowed), per criterion. */
function stepped(tender: FormulaTender, base: Profile, direction: 1 | -1): Profile[] {
  const profiles: Profile[] = [];
  for (const criterion of tender.criteria) {
    const index = criterion.scale.indexOf(base.scores[criterion.id] ?? Number.NaN);
    const next = criterion.scale[index + direction];
    if (index < 0 || next === undefined || next < lowestAllowedScore(criterion)) continue;
    profiles.push(profileOf(tender, { ...base.scores, [criterion.id]: next }));
  }
  return profiles;
}

/** B: `a` one step lower on one criterion, smallest loss first; then the lower levels. */
function challengers(tender: FormulaTender, a: Profile, levels: Profile[]): Profile[] {
  const down = stepped(tender, a, -1).sort((x, y) => y.quality - x.quality);
  return [...down, ...levels.filter((p) => p.quality < a.quality)];
}

/** C: every level, lowest first, then `a` one step higher on one criterion (a better but dearer bid). */
function thirdBids(tender: FormulaTender, a: Profile, levels: Profile[]): Profile[] {
  return [...[...levels].reverse(), ...stepped(tender, a, 1)];
}

function priceAt(levelCents: number, share: number): number {
  return Math.max(100, Math.round((levelCents * share) / 100) * 100);
}

/** The roundest whole-euro amount in (low, high]: whole hundred thousands if there is one, else ten thousands, and so on. */
function roundestIn(lowEuros: number, highEuros: number): number {
  for (let unit = 100_000; unit >= 1; unit /= 10) {
    const candidate = Math.floor(highEuros / unit) * unit;
    if (candidate > lowEuros) return candidate;
  }
  return highEuros;
}

export function findRankReversalExposure(tender: FormulaTender, expected: ExpectedPrice | null): RankReversalExposure {
  const method = tender.award.method;
  if (!RELATIVE_METHODS.includes(method)) {
    return {
      relative: false,
      example: null,
      sentence: `${METHOD_NAMES[method]} is een absolute methode: de score van een inschrijving hangt niet af van de andere inschrijvingen, dus een verliezende inschrijving kan de winnaar niet veranderen.`,
    };
  }
  const example = searchExample(tender, expected);
  const intro = `${METHOD_NAMES[method]} is een relatieve methode: de prijzen van de andere inschrijvingen bepalen mee hoeveel punten een inschrijving krijgt, dus een verliezende inschrijving kan bepalen wie wint (rangomkering).`;
  return {
    relative: true,
    example,
    sentence: example === null ? `${intro} In het doorzochte rooster van voorbeelden met de gewichten van deze aanbesteding is geen geval gevonden.` : intro,
  };
}

/**
 * The engine's own re-scoring path (the one its rank-reversal and price-to-win analysis use):
 * quality prepared once per combination of profiles, then only prices move. The grid never
 * goes above the ceiling and profiles respect every minimum, so no candidate is excluded.
 */
function fieldOf(tender: FormulaTender, bids: Bid[]): Field {
  const lot = prepareLot(withBids(tender, bids));
  return createField(lot.award, lot.bids);
}

/**
 * The highest whole-euro price of B (index 1) at which B wins, from EUR 1 to `maxEuros`, or 0
 * when it wins at none. B's chances only fall as its own price rises (as in the engine's
 * price-to-win analysis), so this is a bisection.
 */
function highestWinningEuros(field: Field, prices: number[], maxEuros: number): number {
  const wins = (euros: number) => {
    prices[1] = euros * 100;
    return winnerAt(field, prices) === 1;
  };
  return wins(1) ? lastHolding(1, maxEuros, wins) : 0;
}

function searchExample(tender: FormulaTender, expected: ExpectedPrice | null): RankReversalExample | null {
  const levelCents = expected === null ? ASSUMED_PRICE_LEVEL_CENTS : eurosToCents(expected.price);
  const ceilingCents = tender.award.priceCeiling === undefined ? Infinity : eurosToCents(tender.award.priceCeiling);
  if (levelCents > ceilingCents) return null;
  const levelEuros = Math.floor(levelCents / 100);
  const cPrices = C_SHARES.map((share) => priceAt(levelCents, share)).filter((cents) => cents <= ceilingCents);
  const levels = levelProfiles(tender);
  const bid = (id: 'A' | 'B' | 'C', profile: Profile, cents: number) => madeUpBid(id, `Inschrijving ${id} (fictief)`, profile.scores, cents);

  for (const a of levels) {
    const bidA = bid('A', a, levelCents);
    const thirds = thirdBids(tender, a, levels);
    for (const b of challengers(tender, a, levels)) {
      const pairField = fieldOf(tender, [bidA, bid('B', b, levelCents)]);
      const pairTop = highestWinningEuros(pairField, [levelCents, levelCents], levelEuros);
      for (const c of thirds) {
        const trioField = fieldOf(tender, [bidA, bid('B', b, levelCents), bid('C', c, levelCents)]);
        for (const cCents of cPrices) {
          const trioTop = highestWinningEuros(trioField, [levelCents, levelCents, cCents], levelEuros);
          if (trioTop === pairTop) continue;
          // Between the two thresholds B wins one contest and not the other.
          const bEuros = roundestIn(Math.min(pairTop, trioTop), Math.max(pairTop, trioTop));
          const pairWinner = winnerAt(pairField, [levelCents, bEuros * 100]);
          const trioWinner = winnerAt(trioField, [levelCents, bEuros * 100, cCents]);
          if (pairWinner === null || trioWinner === null || trioWinner === 2 || trioWinner === pairWinner) continue;
          const pair = IDS[pairWinner] as 'A' | 'B';
          const trio = IDS[trioWinner] as 'A' | 'B';
          const bids = [bidA, bid('B', b, bEuros * 100), bid('C', c, cCents)];
          if (!confirm(tender, bids, trio, pair)) continue;
          return describe(
            tender,
            expected === null,
            levelCents,
            [
              { id: 'A', bid: bidA, qualityPoints: a.quality, price: levelCents / 100 },
              { id: 'B', bid: bids[1] as Bid, qualityPoints: b.quality, price: bEuros },
              { id: 'C', bid: bids[2] as Bid, qualityPoints: c.quality, price: cCents / 100 },
            ],
            pair,
            trio,
          );
        }
      }
    }
  }
  return null;
}

/** The engine's own analysis must report the reversal: removing C changes the winner. */
function confirm(tender: FormulaTender, bids: Bid[], winner: string, winnerWithout: string): boolean {
  const result = evaluateDossier(withBids(tender, bids), { lowBidRules: false });
  return (
    result.winner === winner &&
    result.warnings.some((w) => w.code === 'rank-reversal' && w.removedBid === 'C' && w.winner === winner && w.winnerWithout === winnerWithout)
  );
}

function describe(tender: FormulaTender, assumed: boolean, levelCents: number, bids: ExampleBid[], without: 'A' | 'B', withC: 'A' | 'B'): RankReversalExample {
  const text = (b: ExampleBid) =>
    `${b.id} (${formatScores(tender.criteria, b.bid.scores)}; ${formatPoints(b.qualityPoints)}) voor ${formatEuroCents(eurosToCents(b.price))}`;
  const [a, b, c] = bids as [ExampleBid, ExampleBid, ExampleBid];
  const level = assumed ? `Er is geen verwachte prijs; het voorbeeld rekent met een aangenomen prijsniveau van ${formatEuroCents(levelCents)}. ` : '';
  return {
    priceLevel: levelCents / 100,
    priceLevelAssumed: assumed,
    bids,
    winnerWithoutC: without,
    winnerWithC: withC,
    confirmedByEngine: true,
    sentences: [
      `${level}Voorbeeld met de criteria en gewichten van deze aanbesteding: inschrijving ${text(a)} en inschrijving ${text(b)}. Dan wint ${without}.`,
      `Schrijft ook ${text(c)} in, dan verliest C zelf, maar wint ${withC} in plaats van ${without}: een verliezende inschrijving bepaalt wie wint. ` +
        'De rekenkern meldt dit zelf als rangomkering (rank-reversal).',
    ],
  };
}
