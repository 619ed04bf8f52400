/**
 * @module
 * Competition ranking with the tender's tie-breaks (spec "Ties and ranks"). Scores that tie
 * (relative tolerance, see ties.ts) form groups of neighbours after sorting; inside a group
 * `award.tieBreak` applies in order. Drawing lots is the buyer's act, not the tool's: bids
 * still tied share a rank (1, 2, 2, 4) and, if they share rank 1, there is no winner.
 */
import { scoresTie } from '../ties.js';
import type { TieBreak } from './dossier.js';

export type RankInput = {
  ids: readonly string[];
  scores: ArrayLike<number>;
  qualityPoints: ArrayLike<number>;
  /** Mutable so the analysis can re-point it at moved prices without allocating. */
  pricesCents: ArrayLike<number>;
  higherIsBetter: boolean;
  tieBreak: readonly TieBreak[];
};

export type Ranking = {
  /** Candidate indices, best first; shared ranks in bid id order. */
  order: number[];
  /** Rank per candidate index. */
  ranks: number[];
  /** Groups of two or more that share a rank. */
  shared: { rank: number; indices: number[] }[];
  winner: number | null;
};

/** Code-unit order of bid ids, as the spec requires (not locale order). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function splitIntoTiedRuns(sorted: number[], tie: (a: number, b: number) => boolean): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (const index of sorted) {
    const last = run[run.length - 1];
    if (last !== undefined && !tie(last, index)) {
      runs.push(run);
      run = [];
    }
    run.push(index);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function breakTies(group: number[], keys: readonly TieBreak[], input: RankInput): number[][] {
  const byId = (a: number, b: number) => compareIds(input.ids[a] ?? '', input.ids[b] ?? '');
  const key = keys[0];
  if (group.length < 2 || key === undefined || key === 'lot') return [[...group].sort(byId)];
  const rest = keys.slice(1);
  const quality = input.qualityPoints;
  const prices = input.pricesCents;
  const sorted =
    key === 'quality'
      ? [...group].sort((a, b) => (quality[b] as number) - (quality[a] as number) || byId(a, b))
      : [...group].sort((a, b) => (prices[a] as number) - (prices[b] as number) || byId(a, b));
  const runs =
    key === 'quality'
      ? splitIntoTiedRuns(sorted, (a, b) => scoresTie(quality[a] as number, quality[b] as number))
      : splitIntoTiedRuns(sorted, (a, b) => prices[a] === prices[b]);
  return runs.flatMap((run) => breakTies(run, rest, input));
}

function sortByScore(input: RankInput, indices: number[] = Array.from({ length: input.ids.length }, (_, i) => i)): number[] {
  const { scores, higherIsBetter, ids } = input;
  return indices.sort((a, b) => {
    const diff = (scores[b] as number) - (scores[a] as number);
    return (higherIsBetter ? diff : -diff) || compareIds(ids[a] ?? '', ids[b] ?? '');
  });
}

export function rankCandidates(input: RankInput): Ranking {
  const sorted = sortByScore(input);
  const scoreGroups = splitIntoTiedRuns(sorted, (a, b) => scoresTie(input.scores[a] as number, input.scores[b] as number));
  const order: number[] = [];
  const ranks: number[] = new Array<number>(input.ids.length).fill(0);
  const shared: Ranking['shared'] = [];
  for (const group of scoreGroups) {
    for (const tied of breakTies(group, input.tieBreak, input)) {
      const rank = order.length + 1;
      for (const index of tied) {
        ranks[index] = rank;
        order.push(index);
      }
      if (tied.length > 1) shared.push({ rank, indices: tied });
    }
  }
  const first = shared[0];
  const winner = order.length === 0 || first?.rank === 1 ? null : (order[0] ?? null);
  return { order, ranks, shared, winner };
}

/**
 * The winner's index, or null, without ranking the whole field: the analysis loops (rank
 * reversal, price to win) only need to know who is first. When another score ties the best,
 * only the first run of tied scores goes through the tie-breaks, exactly as in `rankCandidates`.
 */
export function findWinner(input: RankInput): number | null {
  const { scores, higherIsBetter } = input;
  const n = input.ids.length;
  if (n === 0) return null;
  let best = 0;
  for (let i = 1; i < n; i++) {
    const s = scores[i] as number;
    const b = scores[best] as number;
    if (higherIsBetter ? s > b : s < b) best = i;
  }
  const bestScore = scores[best] as number;
  let tied = false;
  for (let i = 0; i < n && !tied; i++) tied = i !== best && scoresTie(scores[i] as number, bestScore);
  if (!tied) return best;
  // The first run of the full ranking is the best bid with every bid linked to it by a chain
  // of ties; collect that closure and sort only it.
  const members = [best];
  const inRun = new Uint8Array(n);
  inRun[best] = 1;
  for (let k = 0; k < members.length; k++) {
    const s = scores[members[k] as number] as number;
    for (let i = 0; i < n; i++) {
      if (!inRun[i] && scoresTie(scores[i] as number, s)) {
        inRun[i] = 1;
        members.push(i);
      }
    }
  }
  const sorted = sortByScore(input, members);
  const firstRun = splitIntoTiedRuns(sorted, (a, b) => scoresTie(input.scores[a] as number, input.scores[b] as number))[0] ?? [];
  const first = breakTies(firstRun, input.tieBreak, input)[0] ?? [];
  return first.length === 1 ? (first[0] ?? null) : null;
}
