/**
 * @module
 * Evaluation speed for 50 bids x 20 criteria, all analysis on, against a plain loop that only
 * sums the same weighted scores (issue 2). Targets: a full evaluation under 2 ms; with the
 * analysis and low-bid rules off, on a pre-validated dossier, within 50x of the plain loop.
 */
import type { Dossier } from '../src/domain/evaluation/dossier.js';
import { parseDossier } from '../src/domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../src/domain/evaluation/evaluate.js';
import { measure, report } from './measure.js';

function generateDossier(bidCount: number, criterionCount: number): Dossier {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const scale = [0, 2, 4, 6, 8, 10];
  const criteria = Array.from({ length: criterionCount }, (_, c) => ({
    id: `K${c + 1}`,
    title: `Criterium ${c + 1}`,
    weight: 1 + Math.floor(random() * 10),
    scale,
  }));
  const bids = Array.from({ length: bidCount }, (_, b) => ({
    id: `B${b + 1}`,
    provider: { name: `School ${b + 1}`, kvk: String(30000000 + b), keurmerk: true },
    price: 400000 + Math.round(random() * 300000),
    scores: Object.fromEntries(criteria.map((c) => [c.id, scale[1 + Math.floor(random() * 5)] as number])),
  }));
  return {
    format: 'gunningswijzer/dossier@1',
    tender: { reference: 'BENCH', title: 'Benchmark', buyer: 'Gemeente Bench', lot: 'B1-route', estimatedValue: 600000, expectedLearners: 100 },
    award: { method: 'lowest-relative', priceWeight: 30 },
    criteria,
    lowBidRules: { preset: 'nl-default' },
    bids,
  };
}

export function runEvaluateBench(): void {
  const dossier = generateDossier(50, 20);
  const parsed = parseDossier(dossier);
  if (!parsed.ok) throw new Error(`benchmark dossier invalid: ${parsed.problems[0]?.message}`);
  const valid = parsed.dossier;
  const weights = valid.criteria.map((c) => c.weight / (c.scale[c.scale.length - 1] ?? 1));
  const ids = valid.criteria.map((c) => c.id);

  let sink = 0;
  const plain = measure(
    'plain loop',
    () => {
      for (const bid of valid.bids) {
        let q = 0;
        for (let c = 0; c < ids.length; c++) q += (weights[c] as number) * (bid.scores[ids[c] as string] as number);
        sink += q;
      }
    },
    { runs: 2000, warmup: 200 },
  );
  const full = measure('full', () => evaluateDossier(valid), { runs: 200 });
  const bare = measure('bare', () => evaluateDossier(valid, { analysis: false, lowBidRules: false }), { runs: 2000, warmup: 200 });
  const withParse = measure('parse+full', () => {
    const again = parseDossier(dossier);
    if (again.ok) evaluateDossier(again.dossier);
  });

  console.log(`\nEvaluatie, 50 inschrijvingen x 20 criteria (mediaan per evaluatie; checksum ${sink > 0 ? 'ok' : '-'})`);
  report([
    { label: 'gewone lus (alleen gewogen scores optellen)', value: `${(plain.medianMs * 1000).toFixed(1)} µs` },
    {
      label: 'volledige evaluatie met alle analyse',
      value: `${full.medianMs.toFixed(3)} ms`,
      target: '< 2 ms',
      ok: full.medianMs < 2,
    },
    { label: '  verhouding tot de gewone lus', value: `${(full.medianMs / plain.medianMs).toFixed(0)}x` },
    {
      label: 'zonder analyse en signalering, vooraf gevalideerd',
      value: `${(bare.medianMs / plain.medianMs).toFixed(1)}x`,
      target: '<= 50x van de gewone lus',
      ok: bare.medianMs / plain.medianMs <= 50,
    },
    { label: 'validatie plus volledige evaluatie', value: `${withParse.medianMs.toFixed(3)} ms` },
  ]);
}
