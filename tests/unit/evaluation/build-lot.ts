/**
 * Builds small dossiers for engine tests: one quality criterion whose weight is the total
 * quality weight and whose scale runs 0..100 in steps of 1, so a bid's score `s` gives
 * quality points `W_Q * s / 100` and quality fraction `s / 100`.
 */
import type { Award, Bid, Dossier } from '../../../src/domain/evaluation/dossier.js';

export type SimpleBid = { id: string; quality: number; price?: number; extra?: Partial<Bid> };

const SCALE = Array.from({ length: 101 }, (_, i) => i);

export function buildLot(options: {
  award: Award;
  qualityWeight?: number;
  bids: SimpleBid[];
  minimum?: number;
  value?: number;
  estimatedValue?: number;
}): Dossier {
  return {
    format: 'gunningswijzer/dossier@1',
    tender: {
      reference: 'TEST-01',
      title: 'Testaanbesteding',
      buyer: 'Gemeente Test',
      lot: 'B1-route',
      ...(options.estimatedValue === undefined ? {} : { estimatedValue: options.estimatedValue }),
    },
    award: options.award,
    criteria: [
      {
        id: 'K1',
        title: 'Kwaliteit',
        weight: options.qualityWeight ?? 100,
        scale: SCALE,
        ...(options.minimum === undefined ? {} : { minimum: options.minimum }),
        ...(options.value === undefined ? {} : { value: options.value }),
      },
    ],
    lowBidRules: { preset: 'none' },
    bids: options.bids.map((bid, i) => ({
      id: bid.id,
      provider: { name: `School ${bid.id}`, kvk: String(30000000 + i), keurmerk: true },
      ...(bid.price === undefined ? {} : { price: bid.price }),
      scores: { K1: bid.quality },
      ...bid.extra,
    })),
  };
}
