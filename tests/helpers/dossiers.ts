/**
 * @module
 * Dossiers for API tests: the B1-route example of the spec, the IJsselland B1-route example
 * file of templates/examples/, and a generated n-bid lot.
 */
import { readFileSync } from 'node:fs';
import type { Dossier } from '../../src/domain/evaluation/dossier.js';

const scale = [0, 2, 4, 6, 8, 10];

/** `templates/examples/b1-route-ijsselland.dossier.json` as the JSON a client sends it (unchecked); a fresh copy each call. */
export function ijssellandB1Example(): unknown {
  return JSON.parse(readFileSync(new URL('../../templates/examples/b1-route-ijsselland.dossier.json', import.meta.url), 'utf8'));
}

export function exampleDossier(): Dossier {
  return {
    format: 'gunningswijzer/dossier@1',
    tender: {
      reference: 'ALM-2026-INB-01',
      title: 'Inburgering B1-route regio Flevoland 2027-2029',
      buyer: 'Gemeente Almere',
      lot: 'B1-route',
      estimatedValue: 600000,
      expectedLearners: 100,
    },
    award: { method: 'lowest-relative', priceWeight: 30, tieBreak: ['quality', 'lot'] },
    criteria: [
      { id: 'K1', title: 'Didactische aanpak en maatwerk per inburgeraar', weight: 25, scale, minimum: 4 },
      { id: 'K2', title: 'Combinatie van taal met werk of participatie (duale trajecten)', weight: 20, scale },
      { id: 'K3', title: 'Voortgangsgesprekken en begeleiding', weight: 15, scale, minimum: 4 },
      { id: 'K4', title: 'Kwalificaties docenten (NT2) en groepsgrootte', weight: 10, scale },
    ],
    lowBidRules: {
      preset: 'nl-default',
      costFloor: { contactHours: 600, teacherHourlyCost: 55, groupSize: 12, overheadShare: 0.35, fixedCostPerLearner: 350 },
    },
    bids: [
      { id: 'B1', provider: { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true }, price: 565000, scores: { K1: 8, K2: 6, K3: 8, K4: 6 } },
      { id: 'B2', provider: { name: 'NT2 Centrum Almere', kvk: '30234567', keurmerk: true }, price: 612000, scores: { K1: 8, K2: 8, K3: 8, K4: 8 } },
      { id: 'B3', provider: { name: 'Inburgering Direct', kvk: '30345678', keurmerk: true }, price: 318000, scores: { K1: 6, K2: 4, K3: 4, K4: 4 } },
      {
        id: 'B4',
        provider: { name: 'Lingua Nova', kvk: '30456789', keurmerk: true },
        price: 540201.01,
        priceLines: [
          { description: 'Trajecten B1', quantity: 100, unitPrice: 5000 },
          { description: 'Examens', quantity: 100.5, unitPrice: 400.01 },
        ],
        scores: { K1: 6, K2: 6, K3: 6, K4: 6 },
      },
    ],
  };
}

/** A lot with `n` bids at spread prices and scores, ids `B1..Bn`. */
export function generateDossier(n: number): Dossier {
  const base = exampleDossier();
  return {
    ...base,
    bids: Array.from({ length: n }, (_, i) => ({
      id: `B${i + 1}`,
      provider: { name: `School ${i + 1}`, kvk: String(30000000 + i), keurmerk: i % 3 !== 0 },
      price: 400000 + ((i * 7919) % 250000) + 0.25 * (i % 4),
      scores: { K1: scale[2 + (i % 4)]!, K2: scale[i % 6]!, K3: scale[2 + ((i + 1) % 4)]!, K4: scale[(i * 5) % 6]! },
    })),
  };
}

/** The flattened body of `POST /tenders` for the example's tender part. */
export function createTenderBody(organisationId: string) {
  const { tender, award, criteria, lowBidRules } = exampleDossier();
  const { buyer: _buyer, ...flat } = tender;
  return { organisationId, ...flat, award, criteria, lowBidRules };
}
