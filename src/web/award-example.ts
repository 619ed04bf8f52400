/**
 * @module
 * The live example on the settings page: three made-up bids (best quality at a high price,
 * middling, lowest acceptable quality at a low price) evaluated by the real engine with the
 * settings as they stand in the form, so the officer sees what the formula does before any
 * real bid exists. Nothing is stored; the numbers are the engine's, not a second formula.
 */
import type { Bid, Criterion, Dossier } from '../domain/evaluation/dossier.js';
import { DOSSIER_FORMAT } from '../domain/evaluation/dossier.js';
import { evaluateDossier } from '../domain/evaluation/evaluate.js';
import { formatScore } from '../domain/evaluation/explain.js';
import type { TenderFields } from '../modules/tenders/dossier-mapping.js';
import { formatPricePart } from '../reports/report-format.js';

export type ExampleRow = {
  label: string;
  scores: string;
  price: number | undefined;
  qualityPoints: number;
  pricePart: string;
  score: string;
  rank: number | null;
  exclusionReasons: string[];
};

export type AwardExample = { rows: ExampleRow[]; winner: string | null };

const round = (euros: number) => Math.round(euros * 100) / 100;

/** A price level to vary around: the buyer's own figures first, a plain sum last. */
function basePrice({ tender, award }: TenderFields): number {
  if (award.fixedPrice !== undefined) return award.fixedPrice;
  if (award.priceFloor !== undefined && award.priceCeiling !== undefined) return (award.priceFloor + award.priceCeiling) / 2;
  if (tender.estimatedValue !== undefined) return tender.estimatedValue;
  if (award.priceCeiling !== undefined) return award.priceCeiling * 0.85;
  return 500_000;
}

type Level = 'high' | 'middle' | 'low';

function scoreAt(criterion: Criterion, level: Level): number {
  const scale = [...criterion.scale].sort((a, b) => a - b);
  const top = scale[scale.length - 1] ?? 0;
  if (level === 'high') return top;
  if (level === 'middle') return scale[Math.floor(scale.length / 2)] ?? top;
  // The lowest score that still passes the minimum: the cheapest bid that is not excluded.
  return scale.find((s) => criterion.minimum === undefined || s >= criterion.minimum) ?? top;
}

const SAMPLES: readonly { id: string; label: string; level: Level; priceFactor: number }[] = [
  { id: 'A', label: 'A: beste kwaliteit, hoge prijs', level: 'high', priceFactor: 1.15 },
  { id: 'B', label: 'B: middelmatige kwaliteit, middenprijs', level: 'middle', priceFactor: 1 },
  { id: 'C', label: 'C: net voldoende kwaliteit, lage prijs', level: 'low', priceFactor: 0.75 },
];

/** @example computeAwardExample(parseTenderFields(input)).winner // 'A' */
export function computeAwardExample(fields: TenderFields): AwardExample {
  const base = basePrice(fields);
  const bids: Bid[] = SAMPLES.map((sample, index) => {
    let price = fields.award.method === 'fixed-price' ? base : round(base * sample.priceFactor);
    if (fields.award.priceCeiling !== undefined) price = Math.min(price, fields.award.priceCeiling);
    return {
      id: sample.id,
      provider: { name: `Voorbeeldschool ${sample.id}`, kvk: String(10000001 + index), keurmerk: true },
      price,
      scores: Object.fromEntries(fields.criteria.map((c) => [c.id, scoreAt(c, sample.level)])),
    };
  });
  const dossier: Dossier = { format: DOSSIER_FORMAT, ...fields, bids };
  const result = evaluateDossier(dossier, { analysis: false, lowBidRules: false });
  const rows = SAMPLES.map((sample): ExampleRow => {
    const bid = bids.find((b) => b.id === sample.id) as Bid;
    const outcome = result.bids.find((b) => b.bidId === sample.id);
    return {
      label: sample.label,
      scores: fields.criteria.map((c) => `${c.id} ${bid.scores[c.id] ?? '-'}`).join(', '),
      price: bid.price,
      qualityPoints: outcome?.qualityPoints ?? 0,
      pricePart: outcome === undefined ? '-' : formatPricePart(outcome),
      score: outcome === undefined ? '-' : formatScore(result, outcome.score),
      rank: outcome?.rank ?? null,
      exclusionReasons: outcome?.exclusionReasons ?? [],
    };
  });
  return { rows, winner: result.winner };
}
