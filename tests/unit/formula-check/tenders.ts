/**
 * Tenders for the formula-check tests: the shipped templates turned into dossiers with the
 * buyer's facts filled in, a method set on them with the parameters it needs, and the
 * deliberately bad tender.
 */
import { readFileSync } from 'node:fs';
import type { Award, AwardMethod, Dossier } from '../../../src/domain/evaluation/dossier.js';
import { dossierFromTemplate } from '../../../src/domain/templates/dossier-from-template.js';
import { parseTemplate, type TenderTemplate } from '../../../src/domain/templates/template.schema.js';

export function loadTemplate(file: string): TenderTemplate {
  const parsed = parseTemplate(JSON.parse(readFileSync(new URL(`../../../templates/tenders/${file}.json`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(`template ${file}: ${JSON.stringify(parsed.problems)}`);
  return parsed.template;
}

export function templateDossier(file: string, facts: { estimatedValue?: number; expectedLearners?: number } = {}): Dossier {
  return dossierFromTemplate(loadTemplate(file), { reference: `TEST-${file}`, title: 'Formulecheck', buyer: 'Gemeente Test', ...facts });
}

/**
 * The dossier with `method` and what it needs: the template's own price weight; for
 * min-max-set the floor at `floor` (the cost floor for the lot) and the ceiling at 1,2 x the
 * estimate; for gunnen-op-waarde every criterion worth its weight x 1% of the estimate (one
 * quality point = 1% of the estimate); for fixed-price the estimate as the fixed price.
 */
export function withMethod(dossier: Dossier, method: AwardMethod, floor: number): Dossier {
  const copy = structuredClone(dossier);
  const estimate = copy.tender.estimatedValue ?? 0;
  const weight = dossier.award.priceWeight;
  const awards: Record<AwardMethod, Award> = {
    'lowest-relative': { method, priceWeight: weight },
    'min-max-bids': { method, priceWeight: weight },
    'utility-index': { method, priceWeight: weight },
    'min-max-set': { method, priceWeight: weight, priceFloor: floor, priceCeiling: estimate * 1.2 },
    'gunnen-op-waarde': { method },
    'quality-price-ratio': { method },
    'fixed-price': { method, fixedPrice: estimate },
  };
  copy.award = { ...awards[method], tieBreak: ['quality', 'lot'] };
  if (method === 'gunnen-op-waarde') copy.criteria = copy.criteria.map((c) => ({ ...c, value: (c.weight * estimate) / 100 }));
  return copy;
}

/**
 * The deliberately bad tender: the B1-route criteria without any minimum, at half their
 * weights (quality 40), and lowest-relative with price weight 60 (the classic 60/40 split),
 * estimate €\u00a0520.000 for 60 learners (€\u00a08.666,67 each, against a cost floor of
 * €\u00a04.062,50: an underbidder can go below half the estimate without going below cost).
 */
export function badTender(): Dossier {
  const dossier = templateDossier('b1-route', { estimatedValue: 520000, expectedLearners: 60 });
  dossier.award = { method: 'lowest-relative', priceWeight: 60, tieBreak: ['quality', 'lot'] };
  dossier.criteria = dossier.criteria.map(({ minimum: _minimum, ...criterion }) => ({ ...criterion, weight: criterion.weight / 2 }));
  return dossier;
}
